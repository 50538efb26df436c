"""Running a rehearsal: the showtime, the web server, the agent processes, progress, report."""

from __future__ import annotations

import contextlib
import datetime as dt
import multiprocessing as mp
import os
import queue
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
import psycopg
from sqlalchemy.engine import make_url

from boxoffice.domain.errors import InvalidInputError
from boxoffice.rehearsal.buyers import buyers_main
from boxoffice.rehearsal.cores import CoreSampler, read_steal_ticks, steal_share
from boxoffice.rehearsal.db_waits import DatabaseSampler
from boxoffice.rehearsal.gate import GateError, StartGate
from boxoffice.rehearsal.pinning import DatabasePin, local_postmaster, pin, run_pinned, tree_allowed, tree_cpu
from boxoffice.rehearsal.report import Machine, Report, read_facts, read_states
from boxoffice.rehearsal.stats import Recorder
from boxoffice.rehearsal.tills import till_main

REHEARSAL_SHOW = "On-sale rehearsal"


@dataclass(frozen=True)
class Plan:
    """What to rehearse. ``time_limit_s`` seconds at most; ``hold_seconds`` is the web
    server's hold lifetime (abandoned holds lapse after it); ``pace_s`` scales the agents'
    think times (0: as fast as they can); ``web_workers`` worker processes of the web
    server the rehearsal starts; ``pick`` how buyers and tills choose seats: ``"map"``
    (read the seat map, click a group) or ``"best"`` (best available, one step)."""

    url: str
    showtime_id: int
    buyers: int = 200
    tills: int = 4
    time_limit_s: float = 120.0
    hold_seconds: int = 30
    abandon_rate: float = 0.15
    pace_s: float = 1.0
    buyer_processes: int = 4
    seed: int = 1
    web_url: str | None = None
    web_workers: int = 2
    pick: str = "map"
    load_cpus: frozenset[int] | None = None
    server_cpus: frozenset[int] | None = None
    till_cpus: frozenset[int] | None = None
    sample_db: bool = False
    among: int = 8
    warm_showtime_id: int | None = None
    warm_s: float = 5.0


def make_rehearsal_showtime(session, *, venue_name: str) -> int:
    """Schedule a new on-sale showtime of the show "On-sale rehearsal" on ``venue_name``'s
    newest plan, a year from now, every category at the price of the venue's latest
    showtime (or 10.00); returns its id.

    Raises:
        NotFoundError: the venue has no seating plan.
    """
    from sqlalchemy import text

    from boxoffice.services import schedule, setup
    from boxoffice.services.plans import latest_plan_id

    plan_id = latest_plan_id(session, venue_name=venue_name)
    names = (
        session.execute(text("SELECT name FROM price_category WHERE plan_id = :p ORDER BY position"), {"p": plan_id})
        .scalars()
        .all()
    )
    prices = dict(
        session.execute(
            text(
                "SELECT c.name, sp.price_minor FROM showtime_price sp JOIN price_category c ON c.id = sp.category_id "
                "WHERE sp.showtime_id = (SELECT max(id) FROM showtime WHERE plan_id = :p)"
            ),
            {"p": plan_id},
        ).all()
    )
    show_id = session.execute(text("SELECT id FROM show WHERE title = :t"), {"t": REHEARSAL_SHOW}).scalar()
    if show_id is None:
        show_id = setup.create_show(session, title=REHEARSAL_SHOW, duration_minutes=120)
    # a year from now, after any earlier rehearsal's showtime (showtimes of a venue never overlap)
    starts = schedule.next_free_start(
        session,
        plan_id=plan_id,
        duration_minutes=120,
        not_before=dt.datetime.now(dt.UTC).replace(second=0, microsecond=0) + dt.timedelta(days=365),
    )
    showtime_id = setup.schedule_showtime(
        session, show_id=show_id, plan_id=plan_id, starts_at=starts, prices={n: prices.get(n, 1000) for n in names}
    )
    session.commit()
    return showtime_id


def ensure_venue_plan(session, *, venue_name: str, plan_file: Path) -> bool:
    """Import the pretix seating plan ``plan_file`` as ``venue_name``'s plan unless that
    venue has a plan already (e.g. the demo stadium written by
    ``tools/make_stadium_plan.py``). Returns whether it imported.

    Raises:
        PlanImportError: the file is not a valid plan.
        OSError: the file cannot be read.
    """
    import json

    from boxoffice.domain.errors import NotFoundError
    from boxoffice.services.plans import import_plan, latest_plan_id

    try:
        latest_plan_id(session, venue_name=venue_name)
        return False
    except NotFoundError:
        session.rollback()
    import_plan(session, venue_name=venue_name, data=json.loads(plan_file.read_text(encoding="utf-8")))
    session.commit()
    return True


def rehearse(plan: Plan, progress: Callable[[str], None] = print) -> Report:
    """Run ``plan`` to the end (sold out, time limit, or every agent finished).

    Raises:
        InvalidInputError: impossible numbers.
        RuntimeError: the web server did not come up.
    """
    if plan.buyers < 0 or plan.tills < 0 or plan.buyers + plan.tills == 0:
        raise InvalidInputError("A rehearsal needs at least one buyer or till.")
    if plan.pick not in {"map", "best"}:
        raise InvalidInputError("Buyers pick seats on the map or by best available ('map' or 'best').")
    if plan.among < 1:
        raise InvalidInputError("Buyers choose among at least one group.")
    if not 1 <= plan.time_limit_s <= 24 * 3600:
        raise InvalidInputError("The time limit must be between 1 second and a day.")
    libpq = make_url(plan.url).set(drivername="postgresql").render_as_string(hide_password=False)
    seats = sum(read_facts(libpq, plan.showtime_id).states.values())
    database = DatabasePin(local_postmaster(libpq), plan.server_cpus)
    machine = Machine(
        cpus=os.cpu_count() or 0,
        load_before=os.getloadavg()[0],
        load_cpus=plan.load_cpus,
        till_cpus=plan.till_cpus or plan.load_cpus,
        server_cpus=plan.server_cpus,
        database_local=database.postmaster is not None,
        database_pinned=database.apply(),
    )
    sampler = None
    try:
        server, web_url = (None, plan.web_url) if plan.web_url else _start_web(plan)
        try:
            cpu_before = process_tree_cpu(server.pid) if server is not None else None
            if server is not None:
                machine.server_cpus_seen = tree_allowed(server.pid)
            if database.postmaster is not None:
                machine.database_cpus_seen = tree_allowed(database.postmaster)
            db_before = tree_cpu(database.postmaster, reaped=True) if database.postmaster else None
            warmed = warm_up(web_url, plan) if plan.warm_showtime_id is not None and plan.buyers else None
            sampler = DatabaseSampler(libpq).start() if plan.sample_db else None
            cores = _core_sampler(plan)
            steal_before = read_steal_ticks()
            try:
                report = _run_agents(plan, web_url, libpq, seats, progress)
            finally:
                if cores is not None:
                    cores.stop()
            machine.steal_share = steal_share(steal_before, read_steal_ticks())
            report.core_samples = [] if cores is None else cores.samples
            report.warm_up = warmed
            if sampler is not None:
                sampler.stop()
                report.db_waits = sampler.summary()
            if server is not None and cpu_before is not None:
                cpu_after = process_tree_cpu(server.pid)
                report.web_workers = plan.web_workers
                report.web_cpu_s = None if cpu_after is None else round(cpu_after - cpu_before, 1)
            db_after = tree_cpu(database.postmaster, reaped=True) if database.postmaster else None
            if db_before is not None and db_after is not None:
                machine.database_cpu_s = round(db_after - db_before, 1)
            machine.load_after = os.getloadavg()[0]
            report.machine = machine
            report.among = plan.among if plan.pick == "map" and plan.buyers else None
            return report
        finally:
            if sampler is not None:
                sampler.stop()
            if server is not None:
                _stop(server)
    finally:
        database.restore()


def _core_sampler(plan: Plan) -> CoreSampler | None:
    """A started :class:`CoreSampler` of the load generator's and the server's cores when
    both are pinned (else ``None``: the busy share of shared cores says nothing)."""
    if not plan.load_cpus or not plan.server_cpus:
        return None
    load = plan.load_cpus | (plan.till_cpus or plan.load_cpus)
    return CoreSampler({"load": load, "server": plan.server_cpus}).start()


# buyers of the warm-up before the on-sale opens (Plan.warm_showtime_id)
WARM_BUYERS = 20


def warm_up(web_url: str, plan: Plan) -> dict:
    """Let :data:`WARM_BUYERS` buyers shop at ``plan.warm_showtime_id`` for
    ``plan.warm_s`` seconds (quick thinkers) through the web server at ``web_url``: every
    worker then has run each step of a purchase once (modules imported, statements
    prepared, the database functions compiled in its connections' backends), as a
    server does that was up before an on-sale. A cold server's first seconds were
    about twice as slow at p95. Returns what was done (for the report)."""
    from boxoffice.rehearsal.buyers import run_buyers, run_loop

    showtime_id = plan.warm_showtime_id
    if showtime_id is None:
        raise ValueError("no warm-up showtime in the plan")
    rec = run_loop(
        run_buyers(
            web_url,
            showtime_id,
            count=WARM_BUYERS,
            opens=lambda: time.time() + plan.warm_s,
            seed=plan.seed + 99,
            abandon_rate=0.0,
            pace_s=0.1,
            pick=plan.pick,
            among=plan.among,
        )
    )
    return {
        "showtime_id": showtime_id,
        "seconds": plan.warm_s,
        "buyers": WARM_BUYERS,
        "orders": rec.counters.get("web.orders", 0),
        "requests": sum(len(v) for v in rec.latencies.values()),
    }


def process_tree_cpu(pid: int) -> float | None:
    """User + system CPU seconds of process ``pid`` and its children (Linux /proc;
    ``None`` elsewhere)."""
    todo, total = [pid], 0
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    try:
        while todo:
            p = todo.pop()
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
            for task in os.listdir(f"/proc/{p}/task"):
                todo.extend(int(c) for c in Path(f"/proc/{p}/task/{task}/children").read_text().split())
    except (OSError, ValueError, IndexError):
        return None
    return total / tick


def _stop(server: subprocess.Popen) -> None:
    """SIGTERM (the workers finish their requests), SIGKILL after 30 s."""
    server.terminate()
    try:
        server.wait(30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(10)


def _run_agents(plan: Plan, web_url: str, libpq: str, seats: int, progress: Callable[[str], None]) -> Report:
    ctx = mp.get_context("spawn")
    results = ctx.Queue()
    gate = StartGate(ctx, plan.time_limit_s)
    cpu_out = ctx.Queue()  # (index, CPU seconds) of every agent process: the load generator's own CPU
    till_cpus = plan.till_cpus or plan.load_cpus
    procs = [
        ctx.Process(
            target=run_pinned,
            args=(
                till_cpus,
                cpu_out,
                i,
                gate,
                till_main,
                dict(
                    url=plan.url,
                    showtime_id=plan.showtime_id,
                    index=i,
                    seed=plan.seed + i,
                    pace_s=plan.pace_s,
                    results=results,
                    pick=plan.pick,
                ),
            ),
            daemon=True,
        )
        for i in range(plan.tills)
    ]
    workers = min(plan.buyer_processes, plan.buyers)
    for i in range(workers):
        count = plan.buyers // workers + (1 if i < plan.buyers % workers else 0)
        buyers = dict(
            base_url=web_url,
            showtime_id=plan.showtime_id,
            index=i,
            count=count,
            seed=plan.seed + 1000 + i,
            abandon_rate=plan.abandon_rate,
            pace_s=plan.pace_s,
            results=results,
            pick=plan.pick,
            among=plan.among,
        )
        procs.append(
            ctx.Process(
                target=run_pinned,
                args=(plan.load_cpus, cpu_out, plan.tills + i, gate, buyers_main, buyers),
                daemon=True,
            )
        )
    for p in procs:
        p.start()
    try:
        started = gate.open_when_ready(len(procs), alive=lambda: all(p.is_alive() for p in procs))
    except GateError as exc:
        said = []
        with contextlib.suppress(queue.Empty):
            while True:
                kind, _, payload = results.get(timeout=0.5)
                if kind == "error":
                    said.append(payload)
        for p in procs:
            p.terminate()
        raise GateError("; ".join([str(exc), *said])) from None
    recorder, errors, reported = Recorder(), [], 0
    watch = psycopg.connect(libpq, autocommit=True)  # the progress line's, kept open
    try:
        while reported < len(procs):
            try:
                kind, index, payload = results.get(timeout=1.0)
                reported += 1
                if kind == "error":
                    errors.append(payload)
                else:
                    recorder.merge_plain(payload)
            except queue.Empty:
                if not any(p.is_alive() for p in procs):
                    errors.append("an agent process died without reporting")
                    break
            states = read_states(watch, plan.showtime_id)
            progress(
                f"{time.time() - started:6.1f} s  sold {states.get('sold', 0):5d}/{seats}  "
                f"held {states.get('held', 0):4d}  agents done {reported}/{len(procs)}"
            )
    finally:
        watch.close()
    for p in procs:
        p.join(5)
    elapsed = time.time() - started
    cpu = {"tills": 0.0, "buyers": 0.0}
    seen: dict[str, set[int]] = {"tills": set(), "buyers": set()}
    with contextlib.suppress(queue.Empty):
        for _ in procs:
            index, seconds, cpus = cpu_out.get(timeout=2.0)
            who = "tills" if index < plan.tills else "buyers"
            cpu[who] += seconds
            seen[who].update(cpus)
    facts = read_facts(libpq, plan.showtime_id)
    sold_out = facts.states.get("available", 0) == 0 and facts.live_holds == 0
    report = Report(plan.showtime_id, seats, plan.buyers, plan.tills, elapsed, sold_out, facts, recorder, errors)
    report.opened_at = started
    report.load_cpu_s = {k: round(v, 1) for k, v in cpu.items()}
    report.load_cpus_seen = {k: sorted(v) for k, v in seen.items()}
    return report


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_web(plan: Plan) -> tuple[subprocess.Popen, str]:
    """``boxoffice web`` on a free local port against ``plan.url``; waits until it answers."""
    port = _free_port()
    env = dict(os.environ, BOXOFFICE_DATABASE_URL=plan.url, BOXOFFICE_WEB_HOLD_SECONDS=str(plan.hold_seconds))
    # the buyers pay at the stand-in gateway, and all of them come from this machine's address
    env.setdefault("BOXOFFICE_WEB_TEST_GATEWAY", "1")
    for name in ("HELD_PER_CLIENT", "HELD_PER_IP", "HOLDS_PER_MINUTE", "HOLDS_PER_MINUTE_PER_IP"):
        env.setdefault(f"BOXOFFICE_WEB_{name}", "1000000")
    # its own stand-in gateway signs with it: a throwaway secret, no file in the data dir
    env.setdefault("BOXOFFICE_WEBHOOK_SECRET", secrets.token_hex(32))
    log = tempfile.TemporaryFile()  # a file, not a pipe: a chatty server never blocks on it
    server = subprocess.Popen(  # noqa: PLW1509 - no threads yet; pinning must precede the workers
        [
            *(sys.executable, "-m", "boxoffice", "web", "--host", "127.0.0.1", "--port", str(port)),
            *("--workers", str(plan.web_workers), "--no-access-log"),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log,
        preexec_fn=(lambda: pin(plan.server_cpus)) if plan.server_cpus else None,
    )
    url = f"http://127.0.0.1:{port}"
    give_up = time.time() + 60
    while time.time() < give_up:
        if server.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"the web server stopped: {log.read().decode(errors='replace')[-500:]}")
        try:
            if httpx.get(f"{url}/showtimes", timeout=2).status_code == 200:
                return server, url
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    server.terminate()
    raise RuntimeError("the web server did not answer within 60 s")
