"""Figures a rehearsal agent collects: per-operation latencies and outcome counters."""

from __future__ import annotations

import time
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Recorder:
    """Latencies in seconds per operation name (``"web.hold"``, ``"till.sell"``, ...) as the
    client saw them, the server's own time for the same operations where it said
    (``server``: the ``Server-Timing`` header of HTTP answers), and named counters
    (``"conflicts"``, ``"abandoned"``, ...), and (``samples``) every HTTP operation as
    ``(time.time() when it ended, op, client seconds, server seconds or -1)`` for the
    report's view of the on-sale over time. Picklable, mergeable."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    counters: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    server: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    samples: list[tuple[float, str, float, float]] = field(default_factory=list)

    @contextmanager
    def timed(self, op: str):
        """Time the ``with`` body as one ``op`` (recorded whether it raises or not)."""
        started = time.perf_counter()
        try:
            yield
        finally:
            self.latencies[op].append(time.perf_counter() - started)

    def count(self, name: str, n: int = 1) -> None:
        """Add ``n`` to counter ``name``."""
        self.counters[name] += n

    def merge(self, other: Recorder) -> None:
        """Add ``other``'s samples and counters to this one."""
        for op, values in other.latencies.items():
            self.latencies[op].extend(values)
        for name, n in other.counters.items():
            self.counters[name] += n
        for op, values in other.server.items():
            self.server[op].extend(values)
        self.samples.extend(other.samples)

    def plain(self) -> dict:
        """Plain dicts, for sending between processes."""
        return {
            "latencies": dict(self.latencies),
            "counters": dict(self.counters),
            "server": dict(self.server),
            "samples": self.samples,
        }

    @classmethod
    def from_plain(cls, data: dict) -> Recorder:
        """The inverse of :meth:`plain`."""
        rec = cls()
        rec.merge_plain(data)
        return rec

    def merge_plain(self, data: dict) -> None:
        """Merge a :meth:`plain` dict."""
        for op, values in data["latencies"].items():
            self.latencies[op].extend(values)
        for name, n in data["counters"].items():
            self.counters[name] += n
        for op, values in data.get("server", {}).items():
            self.server[op].extend(values)
        self.samples.extend(tuple(x) for x in data.get("samples", ()))


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0..1) of ``values`` by linear interpolation (numpy's default)."""
    data = sorted(values)
    if not data:
        return float("nan")
    pos = (len(data) - 1) * q
    low = int(pos)
    high = min(low + 1, len(data) - 1)
    return data[low] + (data[high] - data[low]) * (pos - low)
