"""Who runs on which CPUs during a rehearsal, and how much CPU each side used.

The issue's latency target holds "on a machine where the load generator has its own
cores". ``boxoffice rehearse --load-cpus 1 --server-cpus 0`` pins the buyer processes
and tills to CPU 1 and the web server it starts and the database server to CPU 0
(``os.sched_setaffinity``, Linux), so that the clients' own work cannot delay the
server's unmeasured; the report says which CPUs each side had and how much CPU it used.
Without pinning everybody shares every core, and the report says so.

The database server is pinned only when it runs on this machine (the embedded server,
or a local one this user may change): its postmaster and every process it has forked
(backends, WAL writer, checkpointer), and the backends it forks later inherit the mask.
Its earlier mask is put back at the end.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import psycopg

TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
CAN_PIN = hasattr(os, "sched_setaffinity")


def pin(cpus: frozenset[int] | None) -> None:
    """Pin this process (and the children it starts later) to ``cpus`` (``None``: no change).

    Raises:
        OSError: a CPU that does not exist, or the platform cannot pin.
    """
    if cpus:
        if not CAN_PIN:
            raise OSError("pinning to CPUs needs Linux (os.sched_setaffinity)")
        os.sched_setaffinity(0, cpus)


def run_pinned(cpus: frozenset[int] | None, cpu_out, index: int, gate, target, kwargs: dict) -> None:
    """Process entry: pin to ``cpus``, import what ``target`` needs (its module's
    ``prepare()``, if any), run ``target(**kwargs, gate=gate)`` (it gets ready, then waits
    at ``gate``, a :class:`~boxoffice.rehearsal.gate.StartGate`, for the on-sale to
    open), then put ``(index,
    CPU seconds this process used, the CPUs it was allowed)`` on ``cpu_out`` (the load
    generator's own CPU)."""
    import sys
    import time

    try:
        pin(cpus)
        prepare = getattr(sys.modules.get(target.__module__), "prepare", None)
        if prepare is not None:
            prepare()
        target(**kwargs, gate=gate)
    finally:
        cpu_out.put((index, time.process_time(), allowed(0)))


def allowed(pid: int) -> list[int]:
    """The CPUs process ``pid`` (0: this one) may run on, sorted (all when unknown)."""
    try:
        return sorted(os.sched_getaffinity(pid)) if CAN_PIN else list(range(os.cpu_count() or 1))
    except OSError:
        return []


def tree_allowed(pid: int) -> list[int]:
    """The CPUs any process of ``pid``'s tree may run on, sorted."""
    cpus: set[int] = set()
    for p in children(pid):
        cpus.update(allowed(p))
    return sorted(cpus)


def children(pid: int) -> list[int]:
    """``pid`` and all its descendants (Linux /proc; ``[pid]`` when unknown)."""
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                todo.extend(int(c) for c in Path(f"/proc/{p}/task/{task}/children").read_text().split())
        except OSError:
            pass
    return found


def tree_cpu(pid: int, *, reaped: bool = False) -> float | None:
    """User + system CPU seconds of ``pid`` and its live descendants; with ``reaped``
    also the children ``pid`` has already waited for (a postmaster's ended backends).
    ``None`` when ``pid`` cannot be read."""
    total = 0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    if reaped:
        total += int(fields[13]) + int(fields[14])
    for p in children(pid):
        try:
            f = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(f[11]) + int(f[12])
        except (OSError, IndexError, ValueError):
            continue
    return total / TICK


def local_postmaster(libpq_url: str) -> int | None:
    """The process id of the database server's postmaster when it runs on this machine
    and can be read here; else ``None`` (a server elsewhere)."""
    try:
        with psycopg.connect(libpq_url, autocommit=True) as conn:  # read while the backend lives
            row = conn.execute("SELECT pg_backend_pid()").fetchone()
            backend = int(row[0]) if row else 0
            stat = Path(f"/proc/{backend}/stat").read_text()
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if Path(f"/proc/{parent}/comm").read_text().strip() not in {"postgres", "postmaster"}:
            return None
        return parent
    except (OSError, ValueError, IndexError, psycopg.Error):
        return None


@dataclass
class DatabasePin:
    """The database server's pinning for a run: :meth:`apply` pins its processes,
    :meth:`restore` puts their old mask back."""

    postmaster: int | None
    cpus: frozenset[int] | None
    _old: set[int] | None = None

    def apply(self) -> bool:
        """Pin the postmaster and its processes to ``cpus``; whether it did."""
        if not self.cpus or self.postmaster is None or not CAN_PIN:
            return False
        try:
            self._old = os.sched_getaffinity(self.postmaster)
            for p in children(self.postmaster):
                _set(p, self.cpus)
        except OSError:
            return False
        return True

    def restore(self) -> None:
        """Give the postmaster and its processes their earlier mask back."""
        if self._old is not None and self.postmaster is not None:
            for p in children(self.postmaster):
                _set(p, self._old)


def _set(pid: int, cpus) -> None:
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            os.sched_setaffinity(int(task), cpus)
    except (ProcessLookupError, FileNotFoundError):
        pass  # ended meanwhile


def describe(cpus: frozenset[int] | None) -> str:
    """``"CPU 1"``, ``"CPUs 0,2"`` or ``"every CPU"``."""
    if not cpus:
        return "every CPU"
    return ("CPU " if len(cpus) == 1 else "CPUs ") + ",".join(map(str, sorted(cpus)))
