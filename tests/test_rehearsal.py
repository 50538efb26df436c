"""The on-sale rehearsal: buyers over real HTTP and tills in separate processes sell a
small house out; the report's double-sale check reads the database and can fail."""

from __future__ import annotations

import os

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from boxoffice.rehearsal.pinning import CAN_PIN, local_postmaster
from boxoffice.rehearsal.report import read_facts
from boxoffice.rehearsal.run import Plan, make_rehearsal_showtime, rehearse
from tests.factories import make_small_house


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def test_rehearsal_sells_the_house_out_once(db_url, session):
    house = make_small_house(session)  # 30 seats
    session.commit()
    warm = make_rehearsal_showtime(session, venue_name="Test Hall")  # another showtime of the plan
    lines = []
    plan = Plan(
        url=db_url,
        showtime_id=house["showtime_id"],
        buyers=6,
        tills=2,
        time_limit_s=90,
        hold_seconds=10,
        abandon_rate=0.0,
        pace_s=0.0,
        buyer_processes=2,
        seed=7,
        warm_showtime_id=warm,
        warm_s=2.0,
    )
    report = rehearse(plan, progress=lines.append)

    assert report.errors == []
    assert report.sold_out
    data = report.as_dict()
    assert data["tickets_sold"] == 30 and data["double_sold_seats"] == 0
    assert data["sold_seats_without_ticket"] == 0 and data["tickets_on_unsold_seats"] == 0
    # What the agents counted agrees with what the database holds.
    counters = data["counters"]
    assert counters.get("web.tickets", 0) + counters.get("till.tickets", 0) == 30
    assert data["tickets_by_channel"].get("web", 0) == counters.get("web.tickets", 0)
    sold = session.execute(
        text("SELECT count(*) FROM inventory WHERE showtime_id = :s AND state = 'sold'"), {"s": house["showtime_id"]}
    ).scalar_one()
    assert sold == 30
    assert lines and "sold" in lines[-1]
    assert "double-sold according to the database: 0" in report.text()
    # the buyers read the seat map; the server's own time is reported beside the client's
    assert data["operations"]["web.seat_map"]["count"] > 0
    assert 0 <= data["operations"]["web.seat_map"]["server_p50_ms"] <= data["operations"]["web.seat_map"]["p99_ms"]
    assert data["web_server"]["workers"] == 2 and data["web_server"]["requests"] > 0
    assert "web server: 2 worker(s)" in report.text()
    # every web request once in the on-sale's 10-second windows, counted from the opening
    windows = data["web_by_10_s"]
    assert sum(w["requests"] for w in windows) == data["web_server"]["requests"]
    assert windows[0]["from_s"] == 0 and all(w["client_p95_ms"] >= 0 for w in windows)
    assert "web p95 ms by 10 s of the on-sale" in report.text()
    # the web server served a warm-up on the other showtime first: real purchases there
    assert data["warm_up"]["showtime_id"] == warm and data["warm_up"]["orders"] > 0
    warm_sold = session.execute(
        text("SELECT count(*) FROM ticket WHERE showtime_id = :s AND status = 'valid'"), {"s": warm}
    ).scalar_one()
    assert warm_sold >= data["warm_up"]["orders"]
    assert "served a warm-up" in report.text()


def test_double_sale_check_sees_a_double_sale(db_url, session):
    """Control: with the guard gone, a second valid ticket for a seat is counted."""
    house = make_small_house(session)
    session.commit()
    st, seat = house["showtime_id"], house["seat_ids"][0]
    with psycopg.connect(_libpq(db_url), autocommit=True) as conn:
        conn.execute("DROP INDEX ticket_one_live_per_seat")
        conn.execute("ALTER TABLE ticket DISABLE TRIGGER USER")
        conn.execute("ALTER TABLE orders DISABLE TRIGGER USER")  # each order is written before its ticket
        for _ in range(2):
            order = conn.execute(
                "INSERT INTO orders (channel, currency, total_minor) VALUES ('web', 'EUR', 2500) RETURNING id"
            ).fetchone()[0]
            conn.execute(
                "INSERT INTO ticket (order_id, showtime_id, seat_id, category_id, price_minor) "
                "SELECT %s, %s, id, category_id, 2500 FROM seat WHERE id = %s",
                (order, st, seat),
            )
    facts = read_facts(_libpq(db_url), st)
    assert facts.double_sold == 1
    assert facts.ticket_without_sold == 2  # the seat was never sold in the inventory either


def test_rehearsal_showtime_is_new_and_priced(session):
    house = make_small_house(session)
    session.commit()
    st = make_rehearsal_showtime(session, venue_name="Test Hall")
    assert st != house["showtime_id"]
    prices = (
        session.execute(text("SELECT price_minor FROM showtime_price WHERE showtime_id = :s ORDER BY 1"), {"s": st})
        .scalars()
        .all()
    )
    assert prices == [1500, 2500]  # copied from the venue's latest showtime
    seats = session.execute(
        text("SELECT count(*) FROM inventory_live WHERE showtime_id = :s AND state = 'available'"), {"s": st}
    ).scalar_one()
    assert seats == 30


def test_rehearsal_by_best_available_sells_the_house_out_once(db_url, session):
    """Buyers ask ``POST /showtimes/{id}/best-available`` and tills use the counter's
    best available: the house sells out once, and nobody read the seat map."""
    house = make_small_house(session)  # 30 seats
    session.commit()
    plan = Plan(
        url=db_url,
        showtime_id=house["showtime_id"],
        buyers=6,
        tills=2,
        time_limit_s=90,
        hold_seconds=10,
        abandon_rate=0.0,
        pace_s=0.0,
        buyer_processes=2,
        seed=8,
        pick="best",
    )
    report = rehearse(plan, progress=lambda line: None)
    assert report.errors == []
    data = report.as_dict()
    assert report.sold_out and data["tickets_sold"] == 30 and data["double_sold_seats"] == 0
    assert data["sold_seats_without_ticket"] == 0 and data["tickets_on_unsold_seats"] == 0
    counters = data["counters"]
    assert counters.get("web.tickets", 0) + counters.get("till.tickets", 0) == 30
    assert data["operations"]["web.best_available"]["count"] > 0 and "web.seat_map" not in data["operations"]
    assert data["operations"]["till.best_hold"]["count"] > 0


def test_a_plan_file_becomes_the_venues_plan_once(session, tmp_path):
    import json

    from boxoffice.domain.plan_generator import generate_grid_plan
    from boxoffice.rehearsal.run import ensure_venue_plan

    path = tmp_path / "plan.json"
    path.write_text(json.dumps(generate_grid_plan(120)))
    assert ensure_venue_plan(session, venue_name="Plan File Arena", plan_file=path)
    assert not ensure_venue_plan(session, venue_name="Plan File Arena", plan_file=path)
    showtime = make_rehearsal_showtime(session, venue_name="Plan File Arena")
    seats = session.execute(text("SELECT count(*) FROM inventory WHERE showtime_id = :s"), {"s": showtime}).scalar_one()
    assert seats == 120


@pytest.mark.skipif(not CAN_PIN or (os.cpu_count() or 1) < 2, reason="pinning needs Linux and two CPUs")
def test_a_pinned_rehearsal_gives_the_load_generator_its_own_cpu(db_url, session):
    """--load-cpus 1 --server-cpus 0: the agents ran on CPU 1 only, the web server and the
    database on CPU 0 only, the report says the load generator had its own core, and the
    database server gets its earlier CPUs back. Unpinned (control), the report says the
    cores were shared."""
    house = make_small_house(session)
    session.commit()
    postmaster = local_postmaster(_libpq(db_url))
    assert postmaster is not None  # the tests' embedded server runs here
    before = os.sched_getaffinity(postmaster)
    plan = Plan(
        url=db_url,
        showtime_id=house["showtime_id"],
        buyers=4,
        tills=1,
        time_limit_s=90,
        hold_seconds=10,
        abandon_rate=0.0,
        pace_s=0.0,
        buyer_processes=2,
        web_workers=1,
        seed=3,
        load_cpus=frozenset({1}),
        server_cpus=frozenset({0}),
        sample_db=True,
    )
    report = rehearse(plan, progress=lambda line: None)
    data = report.as_dict()
    assert report.errors == [] and data["double_sold_seats"] == 0
    assert data["load_generator_cpus_seen"] == {"buyers": [1], "tills": [1]}
    assert data["machine"]["server_cpus_seen"] == [0] and data["machine"]["database_cpus_seen"] == [0]
    assert data["machine"]["load_generator_own_cores"] is True
    assert data["load_generator_cpu_s"]["buyers"] > 0 and data["load_generator_cpu_s"]["tills"] > 0
    assert "HAD ITS OWN CORES" in report.text()
    assert 0 <= data["machine"]["steal_share"] <= 1 and ", steal " in report.text()
    busiest = [(w["load_cores_busiest"], w["server_cores_busiest"]) for w in data["web_by_10_s"]]
    assert busiest and all(0 <= load <= 1 and 0 <= server <= 1 for load, server in busiest)
    assert "busiest 0.5 s of each 10 s" in report.text()
    assert "web" in data["database_sessions"]  # the sampler saw the web server's backends
    assert os.sched_getaffinity(postmaster) == before

    control = rehearse(  # the same (sold-out) showtime: the agents stop at once, the report is made all the same
        Plan(
            url=db_url,
            showtime_id=house["showtime_id"],
            buyers=2,
            tills=1,
            pace_s=0.0,
            buyer_processes=1,
            web_workers=1,
            time_limit_s=60,
        ),
        progress=lambda line: None,
    )
    assert control.as_dict()["machine"]["load_generator_own_cores"] is False
    assert "SHARED THE CORES" in control.text()
    assert all(w["load_cores_busiest"] is None for w in control.as_dict()["web_by_10_s"])
    assert "busiest 0.5 s" not in control.text()


def _descendants(pid: int) -> set[int]:
    found, todo = set(), [pid]
    while todo:
        p = todo.pop()
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    kids = [int(c) for c in f.read().split()]
        except OSError:
            continue
        found.update(kids)
        todo.extend(kids)
    return found


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="reads the process tree from /proc")
def test_a_terminated_rehearsal_stops_its_web_server_and_agents(db_url, session):
    """SIGTERM to `boxoffice rehearse` ends it like Ctrl+C: the web server it started and
    its agent processes go with it (they used to run on to their deadline)."""
    import signal
    import subprocess
    import sys
    import time

    house = make_small_house(session)
    session.commit()
    env = dict(os.environ, BOXOFFICE_DATABASE_URL=db_url)
    args = ["--showtime", str(house["showtime_id"]), "--buyers", "2", "--tills", "1", "--warm-up", "0"]
    args += ["--time-limit", "120", "--pace", "5"]  # slow buyers: still running when stopped
    proc = subprocess.Popen(
        [sys.executable, "-m", "boxoffice", "rehearse", *args], env=env, stderr=subprocess.PIPE, text=True
    )
    try:
        assert proc.stderr is not None
        for line in proc.stderr:  # the first progress line: the web server and agents run
            if " s  sold" in line:
                break
        family = _descendants(proc.pid)
        assert len(family) >= 3  # the web server (and its workers) and the agents
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(60) != 0
        deadline = time.monotonic() + 30
        while (alive := {p for p in family if os.path.exists(f"/proc/{p}")}) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not alive, f"left running: {alive}"
    finally:
        if proc.poll() is None:
            proc.kill()


def test_core_shares_come_from_proc_stat_ticks(tmp_path):
    """Busy share per group of CPUs between two readings of /proc/stat: everything but
    idle and iowait, over all ticks."""
    from boxoffice.rehearsal.cores import busy_shares, read_cpu_times

    def stat(cpu0: tuple, cpu1: tuple) -> str:
        path = tmp_path / "stat"
        fields = ["user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal"]
        assert len(cpu0) == len(cpu1) == len(fields)
        path.write_text(
            "cpu  0 0 0 0 0 0 0 0 0 0\n"
            + f"cpu0 {' '.join(map(str, cpu0))} 0 0\n"
            + f"cpu1 {' '.join(map(str, cpu1))} 0 0\nintr 1 2 3\n"
        )
        return str(path)

    before = read_cpu_times(stat((100, 0, 50, 800, 50, 0, 0, 0), (10, 0, 10, 970, 10, 0, 0, 0)))
    after = read_cpu_times(stat((160, 0, 70, 810, 60, 0, 0, 0), (15, 0, 10, 1060, 15, 0, 0, 0)))
    assert before == {0: (150, 1000), 1: (20, 1000)}
    shares = busy_shares(before, after, {"server": frozenset({0}), "load": frozenset({1}), "both": frozenset({0, 1})})
    assert shares == {"server": 0.8, "load": 0.05, "both": 0.425}
    assert read_cpu_times(str(tmp_path / "missing")) is None


def test_stolen_cpu_time_is_read_and_reported(tmp_path):
    """The hypervisor's steal (the eighth value of /proc/stat's ``cpu`` line) between two
    readings, as a share of all CPUs' ticks; from 1 % the report says its figures are
    inflated, below it only gives the share."""
    from boxoffice.rehearsal.cores import read_steal_ticks, steal_share
    from boxoffice.rehearsal.report import DatabaseFacts, Machine, Report
    from boxoffice.rehearsal.stats import Recorder

    def stat(all_cpus: tuple) -> str:
        path = tmp_path / "stat"
        path.write_text(f"cpu  {' '.join(map(str, all_cpus))} 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\nintr 1\n")
        return str(path)

    before = read_steal_ticks(stat((300, 0, 100, 1500, 50, 0, 0, 50)))
    after = read_steal_ticks(stat((500, 0, 150, 1800, 50, 0, 0, 100)))
    assert before == (50, 2000) and after == (100, 2600)
    assert steal_share(before, after) == 50 / 600
    assert steal_share(before, before) is None and steal_share(None, after) is None
    assert read_steal_ticks(str(tmp_path / "missing")) is None

    def machine_text(share: float | None) -> str:
        facts = DatabaseFacts({"web": 10}, 0, 0, 0, {"sold": 10})
        report = Report(1, 10, 2, 1, 10.0, True, facts, Recorder())
        report.machine = Machine(cpus=2, load_before=0.5, steal_share=share)
        return report.text()

    assert "steal 8.3%" in machine_text(50 / 600) and "STEAL 8.3%: the host ran other guests" in machine_text(50 / 600)
    assert "steal 0.5%" in machine_text(0.005) and "STEAL" not in machine_text(0.005)
    assert "steal" not in machine_text(None).lower()
