"""What the database's sessions are doing during a rehearsal: ``pg_stat_activity``
sampled on a thread of its own (``boxoffice rehearse --sample-db``).

Every ``interval_s`` one query reads the state and wait event of every backend of the
rehearsal's database, grouped by who it serves (``application_name``: the web workers,
the tills, the seat map feed). The summary is the average number of backends per
(who, what): ``active`` on the CPU, ``active, Lock:advisory`` waiting for a lock,
``active, IO:WalSync`` flushing the WAL, ``idle in transaction`` waiting for its client's
next statement, ``idle`` unused. A backend that is ``active`` with no wait event is
running (or waiting for a CPU).
"""

from __future__ import annotations

import time
from collections import Counter

import psycopg

from boxoffice.rehearsal.sampler import ThreadSampler

_SAMPLE = """
SELECT coalesce(nullif(application_name, ''), backend_type), state, wait_event_type, wait_event, count(*)
  FROM pg_stat_activity
 WHERE datname = current_database() AND pid <> pg_backend_pid() AND state IS NOT NULL
 GROUP BY 1, 2, 3, 4"""


class DatabaseSampler(ThreadSampler):
    """Samples ``pg_stat_activity`` on ``libpq_url`` every ``interval_s`` seconds from
    :meth:`start` to :meth:`stop`; :meth:`summary` gives the averages."""

    def __init__(self, libpq_url: str, interval_s: float = 0.05) -> None:
        super().__init__("db-sampler")
        self.url, self.interval_s = libpq_url, interval_s
        self.samples = 0
        self.counts: Counter[tuple[str, str]] = Counter()

    def _run(self) -> None:
        with psycopg.connect(self.url, autocommit=True) as conn:
            while not self._stop.is_set():
                started = time.perf_counter()
                for who, state, wait_type, wait, n in conn.execute(_SAMPLE).fetchall():
                    what = state if not wait_type or state != "active" else f"{state}, {wait_type}:{wait}"
                    self.counts[(_who(who), what)] += n
                self.samples += 1
                self._stop.wait(max(0.0, self.interval_s - (time.perf_counter() - started)))

    def summary(self) -> dict[str, dict[str, float]]:
        """Average backends per who and what (``{"web": {"active": 1.3, ...}}``)."""
        out: dict[str, dict[str, float]] = {}
        for (who, what), n in sorted(self.counts.items()):
            out.setdefault(who, {})[what] = round(n / max(1, self.samples), 2)
        return out


def _who(application_name: str) -> str:
    if application_name.startswith("boxoffice-web-maps"):
        return "web feed"
    if application_name.startswith("boxoffice-web-loop"):
        return "web event loop"
    if application_name.startswith("boxoffice-web"):
        return "web"
    if application_name.startswith("rehearsal-till"):
        return "tills"
    return application_name
