"""The rehearsal report: what the database says happened, plus the agents' figures."""

from __future__ import annotations

from dataclasses import dataclass, field

import psycopg

from boxoffice.rehearsal.cores import NOTABLE_STEAL
from boxoffice.rehearsal.stats import Recorder, percentile

# The server's phases of a request (Server-Timing, boxoffice/web/timing.py): waiting for a
# thread and connection, and the database statements.
PHASES = ("queue", "db")

# Every check reads the database, not the agents' beliefs.
_SOLD_BY_CHANNEL = """
SELECT CASE WHEN o.channel LIKE 'web%%' THEN 'web' ELSE 'tills' END AS channel, count(*)
  FROM ticket t JOIN orders o ON o.id = t.order_id
 WHERE t.showtime_id = %(s)s AND t.status = 'valid' GROUP BY 1 ORDER BY 1"""
_DOUBLE_SOLD = """
SELECT count(*) FROM (SELECT seat_id FROM ticket WHERE showtime_id = %(s)s AND status = 'valid'
                      GROUP BY seat_id HAVING count(*) > 1) d"""
_SOLD_WITHOUT_TICKET = """
SELECT count(*) FROM inventory i WHERE i.showtime_id = %(s)s AND i.state = 'sold'
   AND NOT EXISTS (SELECT 1 FROM ticket t WHERE t.showtime_id = i.showtime_id AND t.seat_id = i.seat_id
                   AND t.status = 'valid')"""
_TICKET_WITHOUT_SOLD = """
SELECT count(*) FROM ticket t JOIN inventory i ON i.showtime_id = t.showtime_id AND i.seat_id = t.seat_id
 WHERE t.showtime_id = %(s)s AND t.status = 'valid' AND i.state <> 'sold'"""
_STATES = "SELECT state, count(*) FROM inventory_live WHERE showtime_id = %(s)s GROUP BY state"


@dataclass
class DatabaseFacts:
    """Counts read from the database after (or during) a rehearsal."""

    sold_by_channel: dict[str, int]
    double_sold: int
    sold_without_ticket: int
    ticket_without_sold: int
    states: dict[str, int]

    @property
    def live_holds(self) -> int:
        """Holds not yet expired."""
        return self.states.get("held", 0)


def _count(conn: psycopg.Connection, query: str, args: dict) -> int:
    row = conn.execute(query, args).fetchone()  # a count(*) query: always one row
    assert row is not None
    return row[0]


def read_facts(libpq_url: str, showtime_id: int) -> DatabaseFacts:
    """Read :class:`DatabaseFacts` for ``showtime_id`` over a plain psycopg connection."""
    args = {"s": showtime_id}
    with psycopg.connect(libpq_url, autocommit=True) as conn:
        return DatabaseFacts(
            sold_by_channel=dict(conn.execute(_SOLD_BY_CHANNEL, args).fetchall()),
            double_sold=_count(conn, _DOUBLE_SOLD, args),
            sold_without_ticket=_count(conn, _SOLD_WITHOUT_TICKET, args),
            ticket_without_sold=_count(conn, _TICKET_WITHOUT_SOLD, args),
            states=dict(conn.execute(_STATES, args).fetchall()),
        )


def read_states(conn: psycopg.Connection, showtime_id: int) -> dict[str, int]:
    """Seats of ``showtime_id`` per live state (lapsed holds read as available): the
    cheap read the progress line needs each second (the full checks of
    :func:`read_facts` took a database core of their own on a 100,000-seat showtime)."""
    return dict(conn.execute(_STATES, {"s": showtime_id}).fetchall())


@dataclass
class Machine:
    """Where the rehearsal ran: the machine's CPU count and load average (1 minute)
    before and after, the CPUs the load generator (buyers; tills) and the server (web
    server, database) were pinned to (``None``: every CPU), whether the database runs
    here and was pinned, its CPU seconds during the run, and the share of all CPUs' time
    the hypervisor took while the agents ran (``steal_share``, 0-1; ``None`` where
    ``/proc/stat`` cannot be read)."""

    cpus: int
    load_before: float
    load_cpus: frozenset[int] | None = None
    till_cpus: frozenset[int] | None = None
    server_cpus: frozenset[int] | None = None
    database_local: bool = False
    database_pinned: bool = False
    load_after: float | None = None
    database_cpu_s: float | None = None
    server_cpus_seen: list[int] | None = None  # the CPUs the web server's processes were allowed
    database_cpus_seen: list[int] | None = None  # those the database server's processes were allowed
    steal_share: float | None = None

    def own_cores(self) -> bool:
        """Whether the load generator (buyers and tills) had CPUs the server did not
        use: both sides pinned to disjoint CPUs, the database pinned or elsewhere."""
        if not self.load_cpus or not self.server_cpus:
            return False
        clients = self.load_cpus | (self.till_cpus or self.load_cpus)
        return not clients & self.server_cpus and (self.database_pinned or not self.database_local)

    def as_dict(self) -> dict:
        """Plain data (CPU sets as sorted lists)."""
        return {
            "cpus": self.cpus,
            "load_average_before": round(self.load_before, 2),
            "load_average_after": None if self.load_after is None else round(self.load_after, 2),
            "load_cpus": sorted(self.load_cpus) if self.load_cpus else None,
            "till_cpus": sorted(self.till_cpus) if self.till_cpus else None,
            "server_cpus": sorted(self.server_cpus) if self.server_cpus else None,
            "database_local": self.database_local,
            "database_pinned": self.database_pinned,
            "database_cpu_s": self.database_cpu_s,
            "server_cpus_seen": self.server_cpus_seen,
            "database_cpus_seen": self.database_cpus_seen,
            "load_generator_own_cores": self.own_cores(),
            "steal_share": None if self.steal_share is None else round(self.steal_share, 4),
        }


@dataclass
class Report:
    """Everything the rehearsal prints; ``as_dict()`` is the ``--json`` output."""

    showtime_id: int
    seats: int
    buyers: int
    tills: int
    elapsed_s: float
    sold_out: bool
    facts: DatabaseFacts
    recorder: Recorder
    errors: list[str] = field(default_factory=list)
    web_workers: int | None = None  # of the web server the rehearsal started
    web_cpu_s: float | None = None  # CPU seconds that server used while the agents ran
    machine: Machine | None = None
    load_cpu_s: dict[str, float] = field(default_factory=dict)  # the agents' own CPU seconds: buyers, tills
    load_cpus_seen: dict[str, list[int]] = field(default_factory=dict)  # the CPUs the agents were allowed
    db_waits: dict[str, dict[str, float]] | None = None  # DatabaseSampler.summary()
    among: int | None = None  # map buyers chose among this many best free groups
    opened_at: float | None = None  # time.time() when the on-sale opened (the agents' start gate)
    warm_up: dict | None = None  # what the web server served before the on-sale (run.warm_up)
    # CoreSampler.samples: (time.time(), {"load": share, "server": share}) every 0.5 s
    core_samples: list[tuple[float, dict[str, float]]] = field(default_factory=list)

    def operations(self) -> dict[str, dict]:
        """Per operation: count, throughput per second, p50/p95/p99 in milliseconds as the
        client measured, and (HTTP operations) the server's own p50/p95/p99
        (``server_p50_ms``...; from ``Server-Timing``)."""
        out = {}
        for op in sorted(self.recorder.latencies):
            values = self.recorder.latencies[op]
            out[op] = {
                "count": len(values),
                "per_s": round(len(values) / self.elapsed_s, 1),
                **{f"p{q}_ms": round(1000 * percentile(values, q / 100), 1) for q in (50, 95, 99)},
            }
            server = self.recorder.server.get(op)
            if server:
                out[op].update({f"server_p{q}_ms": round(1000 * percentile(server, q / 100), 1) for q in (50, 95, 99)})
            for phase in PHASES:
                timed = self.recorder.server.get(f"{op}:{phase}")
                if timed:
                    out[op].update(
                        {f"server_{phase}_p{q}_ms": round(1000 * percentile(timed, q / 100), 1) for q in (50, 95)}
                    )
        return out

    def windows(self, seconds: float = 10.0) -> list[dict]:
        """The web requests of each ``seconds`` of the on-sale (by when they ended): how
        many, and their p95 in ms as the clients measured and as the server said; with
        pinned cores, the busiest sample (0-1) of the load generator's and of the
        server's cores in the window (``None``: not sampled). An on-sale's first seconds
        (everybody arrives, the first wave books) are its worst; a client's p95 far
        above the server's while the load generator's cores were full is the load
        generator's own queue."""
        samples = self.recorder.samples
        if not samples:
            return []
        start = self.opened_at if self.opened_at is not None else min(t for t, *_ in samples)

        def window(t: float) -> int:
            return max(0, int((t - start) // seconds))

        buckets: dict[int, list[tuple[float, float]]] = {}
        for t, _, client, server in samples:
            buckets.setdefault(window(t), []).append((client, server))
        busiest: dict[int, dict[str, float]] = {}
        for t, shares in self.core_samples:
            top = busiest.setdefault(window(t), {})
            for group, share in shares.items():
                top[group] = max(top.get(group, 0.0), share)
        out = []
        for i in sorted(buckets):
            rows = buckets[i]
            served = [s for _, s in rows if s >= 0]
            cores = busiest.get(i, {})
            out.append(
                {
                    "from_s": round(i * seconds),
                    "requests": len(rows),
                    "client_p95_ms": round(1000 * percentile([c for c, _ in rows], 0.95), 1),
                    "server_p95_ms": round(1000 * percentile(served, 0.95), 1) if served else None,
                    "load_cores_busiest": round(cores["load"], 2) if "load" in cores else None,
                    "server_cores_busiest": round(cores["server"], 2) if "server" in cores else None,
                }
            )
        return out

    def as_dict(self) -> dict:
        """The report as plain JSON-able data."""
        sold = sum(self.facts.sold_by_channel.values())
        return {
            "showtime_id": self.showtime_id,
            "seats": self.seats,
            "buyers": self.buyers,
            "tills": self.tills,
            "elapsed_s": round(self.elapsed_s, 1),
            "sold_out": self.sold_out,
            "tickets_sold": sold,
            "tickets_by_channel": self.facts.sold_by_channel,
            "tickets_per_s": round(sold / self.elapsed_s, 1),
            "double_sold_seats": self.facts.double_sold,
            "sold_seats_without_ticket": self.facts.sold_without_ticket,
            "tickets_on_unsold_seats": self.facts.ticket_without_sold,
            "holds_still_live": self.facts.live_holds,
            "seat_states": self.facts.states,
            "counters": dict(sorted(self.recorder.counters.items())),
            "operations": self.operations(),
            "web_by_10_s": self.windows(),
            "warm_up": self.warm_up,
            "web_server": self._web_server(),
            "among": self.among,
            "machine": None if self.machine is None else self.machine.as_dict(),
            "load_generator_cpu_s": self.load_cpu_s,
            "load_generator_cpus_seen": self.load_cpus_seen,
            "database_sessions": self.db_waits,
            "errors": self.errors,
        }

    def _web_server(self) -> dict | None:
        if self.web_workers is None:
            return None
        requests = sum(len(v) for op, v in self.recorder.latencies.items() if op.startswith("web."))
        cpu = self.web_cpu_s
        return {
            "workers": self.web_workers,
            "requests": requests,
            "requests_per_s": round(requests / self.elapsed_s, 1),
            "cpu_s": cpu,
            "cpu_share_of_one_core": None if cpu is None else round(cpu / self.elapsed_s, 2),
            "cpu_ms_per_request": None if cpu is None or not requests else round(1000 * cpu / requests, 2),
        }

    def text(self) -> str:
        """A human-readable report."""
        d = self.as_dict()
        lines = [
            f"On-sale rehearsal of showtime {d['showtime_id']}: {d['buyers']} web buyers, {d['tills']} tills, "
            f"{d['seats']} seats, {d['elapsed_s']} s ({'sold out' if d['sold_out'] else 'time limit'})"
            + (f"; buyers chose among the {self.among} best groups" if self.among else ""),
            f"  tickets sold: {d['tickets_sold']} ({', '.join(f'{k} {v}' for k, v in d['tickets_by_channel'].items())})"
            f", {d['tickets_per_s']} tickets/s",
            f"  seats double-sold according to the database: {d['double_sold_seats']}",
            f"  consistency: {d['sold_seats_without_ticket']} sold seats without a ticket, "
            f"{d['tickets_on_unsold_seats']} tickets on seats not sold",
            f"  holds still live: {d['holds_still_live']}; seat states: {d['seat_states']}",
            "  conflicts refused: " + ", ".join(f"{k} {v}" for k, v in d["counters"].items() if "conflict" in k),
            "  other counters: " + ", ".join(f"{k} {v}" for k, v in d["counters"].items() if "conflict" not in k),
            f"  {'operation':22s} {'count':>7s} {'per s':>7s} {'p50 ms':>8s} {'p95 ms':>8s} {'p99 ms':>8s}"
            f"   server: {'p50':>6s} {'p95':>6s} {'p99':>6s}",
        ]
        for op, f in d["operations"].items():
            server = (
                f"           {f['server_p50_ms']:6.1f} {f['server_p95_ms']:6.1f} {f['server_p99_ms']:6.1f}"
                if "server_p50_ms" in f
                else ""
            )
            lines.append(
                f"  {op:22s} {f['count']:7d} {f['per_s']:7.1f} {f['p50_ms']:8.1f} {f['p95_ms']:8.1f} {f['p99_ms']:8.1f}"
                + server
            )
        phased = {op: f for op, f in d["operations"].items() if "server_queue_p50_ms" in f}
        if phased:
            lines.append(f"  server phases, p50 / p95 ms: {'queue for a thread':>22s} {'database':>16s}")
            for op, f in phased.items():
                lines.append(
                    f"  {op:22s} {f['server_queue_p50_ms']:14.1f} / {f['server_queue_p95_ms']:6.1f}"
                    f" {f['server_db_p50_ms']:8.1f} / {f['server_db_p95_ms']:6.1f}"
                )
        if d["web_by_10_s"]:
            lines.append(
                "  web p95 ms by 10 s of the on-sale, client / server: "
                + ", ".join(
                    f"{w['from_s']}s {w['client_p95_ms']:.0f}/{w['server_p95_ms'] if w['server_p95_ms'] is not None else '-'}"
                    for w in d["web_by_10_s"]
                )
            )
            if any(w["load_cores_busiest"] is not None for w in d["web_by_10_s"]):
                lines.append(
                    "  busiest 0.5 s of each 10 s, load generator's / server's cores: "
                    + ", ".join(
                        f"{w['from_s']}s {_share(w['load_cores_busiest'])}/{_share(w['server_cores_busiest'])}"
                        for w in d["web_by_10_s"]
                    )
                )
        warm = d["warm_up"]
        lines.append(
            f"  before the on-sale the web server served a warm-up: {warm['orders']} purchases by {warm['buyers']} "
            f"buyers in {warm['seconds']:g} s on showtime {warm['showtime_id']} ({warm['requests']} requests)"
            if warm
            else "  the web server was cold when the on-sale opened (no warm-up)"
        )
        web = d["web_server"]
        if web is not None:
            lines.append(
                f"  web server: {web['workers']} worker(s), {web['requests']} requests, {web['requests_per_s']} req/s"
                + (
                    f", {web['cpu_s']} CPU s ({web['cpu_share_of_one_core']:.0%} of one core), "
                    f"{web['cpu_ms_per_request']} ms CPU per request"
                    if web["cpu_s"] is not None and web["cpu_ms_per_request"] is not None
                    else ""
                )
            )
        lines += self._machine_lines()
        if self.db_waits:
            lines.append("  database sessions (pg_stat_activity sampled every 50 ms; average backends):")
            for who, whats in self.db_waits.items():
                lines.append(f"    {who}: " + ", ".join(f"{what} {n}" for what, n in whats.items()))
        lines += [f"  error: {e}" for e in d["errors"][:10]]
        return "\n".join(lines)

    def _machine_lines(self) -> list[str]:
        from boxoffice.rehearsal.pinning import describe

        m = self.machine
        if m is None:
            return []
        cpu = self.load_cpu_s
        share = {k: v / self.elapsed_s for k, v in cpu.items()}
        load = (
            f"buyers on {describe(m.load_cpus)} ({cpu.get('buyers', 0)} CPU s, {share.get('buyers', 0):.0%} of a core)"
            f", tills on {describe(m.till_cpus)} ({cpu.get('tills', 0)} CPU s, {share.get('tills', 0):.0%})"
        )
        db = "elsewhere" if not m.database_local else describe(m.server_cpus if m.database_pinned else None)
        db_cpu = f" ({m.database_cpu_s} CPU s, {m.database_cpu_s / self.elapsed_s:.0%})" if m.database_cpu_s else ""
        after = "?" if m.load_after is None else f"{m.load_after:.1f}"
        verdict = (
            "the load generator HAD ITS OWN CORES"
            if m.own_cores()
            else "the load generator SHARED THE CORES with the server (not a fair measure of the p95 target)"
        )
        steal = "" if m.steal_share is None else f", steal {m.steal_share:.1%}"
        lines = [f"  machine: {m.cpus} CPUs, load average {m.load_before:.1f} before, {after} after{steal}; {verdict}"]
        if m.steal_share is not None and m.steal_share >= NOTABLE_STEAL:
            lines.append(
                f"  STEAL {m.steal_share:.1%}: the host ran other guests on these CPUs during the run; every time and"
                " CPU figure above is inflated by it (measure again on a quiet host)"
            )
        return [
            *lines,
            f"  load generator: {load}",
            f"  server: web server on {describe(m.server_cpus)}, database on {db}{db_cpu}",
        ]


def _share(share: float | None) -> str:
    return "-" if share is None else f"{share:.0%}"
