"""How busy the load generator's and the server's cores were, moment by moment, during a
rehearsal (Linux ``/proc/stat``; nothing elsewhere).

A whole run's CPU seconds hide the moments that matter: the load generator's one core
was 90-100 % busy in the first second of an on-sale (200 buyers reading their first
map) while its average was under half a core, and a client's latency then includes
its own queue. :class:`CoreSampler` reads the busy share of each group of CPUs every
``interval_s``; the report gives the busiest sample of each 10 s window next to the
clients' and the server's p95 (:meth:`~boxoffice.rehearsal.report.Report.windows`).
"""

from __future__ import annotations

import time
from collections.abc import Mapping

from boxoffice.rehearsal.sampler import ThreadSampler

STAT = "/proc/stat"


def _cpu_lines(path: str) -> dict[str, list[int]] | None:
    """The ``cpu`` lines of ``/proc/stat`` by name (``"cpu"`` for all CPUs together,
    ``"cpu0"``...): their first eight values in clock ticks since boot (user, nice,
    system, idle, iowait, irq, softirq, steal; proc(5)); ``None`` where the file cannot
    be read."""
    try:
        with open(path, encoding="ascii") as f:
            lines = f.readlines()
    except OSError:
        return None
    return {
        name: [int(v) for v in fields[:8]]
        for name, *fields in (line.split() for line in lines if line.startswith("cpu"))
    }


def read_cpu_times(path: str = STAT) -> dict[int, tuple[int, int]] | None:
    """Per CPU: (busy, total) clock ticks since boot (busy: everything but idle and
    iowait; steal counts as busy); ``None`` where ``/proc/stat`` cannot be read."""
    lines = _cpu_lines(path)
    if lines is None:
        return None
    return {
        int(name[3:]): (sum(ticks) - ticks[3] - ticks[4], sum(ticks))
        for name, ticks in lines.items()
        if name[3:].isdigit()
    }


def read_steal_ticks(path: str = STAT) -> tuple[int, int] | None:
    """All CPUs together: (steal, total) clock ticks since boot. Steal is time this
    virtual machine's CPUs had work but the hypervisor ran other guests (proc(5), the
    eighth value of the ``cpu`` line); while it runs, every latency and every CPU-second
    figure of a rehearsal is inflated. ``None`` where ``/proc/stat`` cannot be read."""
    lines = _cpu_lines(path)
    ticks = None if lines is None else lines.get("cpu")
    return None if not ticks or len(ticks) < 8 else (ticks[7], sum(ticks))


#: From this share of stolen CPU time on, the rehearsal and ``bench/web_bench.py`` warn
#: that their figures are inflated.
NOTABLE_STEAL = 0.01


def steal_share(before: tuple[int, int] | None, after: tuple[int, int] | None) -> float | None:
    """The share (0-1) of all CPUs' time the hypervisor took between two
    :func:`read_steal_ticks` readings; ``None`` when either is unknown or no tick
    passed."""
    if before is None or after is None or after[1] <= before[1]:
        return None
    return (after[0] - before[0]) / (after[1] - before[1])


class CoreSampler(ThreadSampler):
    """Samples the busy share (0-1) of each named group of CPUs (``{"load": {1},
    "server": {0}}``) every ``interval_s`` seconds from :meth:`start` to :meth:`stop`.
    ``samples``: ``(time.time() at the end of the interval, {group: share})``."""

    def __init__(self, groups: Mapping[str, frozenset[int]], interval_s: float = 0.5, path: str = STAT) -> None:
        super().__init__("core-sampler")
        self.groups, self.interval_s, self.path = dict(groups), interval_s, path
        self.samples: list[tuple[float, dict[str, float]]] = []

    def _run(self) -> None:
        before = read_cpu_times(self.path)
        while before is not None and not self._stop.wait(self.interval_s):
            now = read_cpu_times(self.path)
            if now is None:
                return
            self.samples.append((time.time(), busy_shares(before, now, self.groups)))
            before = now


def busy_shares(
    before: Mapping[int, tuple[int, int]], after: Mapping[int, tuple[int, int]], groups: Mapping[str, frozenset[int]]
) -> dict[str, float]:
    """The busy share (0-1) of each group of CPUs between two :func:`read_cpu_times`
    readings; a group with no ticks (or no CPU known) is 0."""
    out = {}
    for name, cpus in groups.items():
        busy = sum(after[c][0] - before[c][0] for c in cpus if c in after and c in before)
        total = sum(after[c][1] - before[c][1] for c in cpus if c in after and c in before)
        out[name] = busy / total if total > 0 else 0.0
    return out
