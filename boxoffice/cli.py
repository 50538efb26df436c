"""Command line: ``boxoffice --help``.

Every failure is one clear line on stderr (exit status 1; 2 for usage errors), never a
traceback; ``--debug`` shows the traceback for bug reports.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import signal
import sys
from pathlib import Path

from boxoffice import __version__
from boxoffice.config import ConfigError, Settings


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="boxoffice",
        description="Box-office point of sale on PostgreSQL. With no command, opens the app.",
        epilog="Database: the embedded server in the user data directory, or BOXOFFICE_DATABASE_URL.",
    )
    p.add_argument("--version", action="version", version=f"boxoffice {__version__}")
    p.add_argument("--debug", action="store_true", help="show tracebacks and debug logging")
    p.add_argument(
        "--smoke-test",
        action="store_true",
        help="check this installation: start the embedded database, migrate, load the demo, open the "
        "sell screen offscreen and exit (0: it works; else one line says why)",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    run = sub.add_parser("run", help="open the box-office app (the default)")
    run.add_argument("--no-demo", action="store_true", help="do not create demo data on an empty embedded database")

    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    db_sub.add_parser("upgrade", help="migrate the database to the newest schema (the owner's URL on a server)")
    db_sub.add_parser("url", help="print the database URL (starting the embedded server if needed)")

    imp = sub.add_parser("import-plan", help="import a seating plan in pretix's JSON format")
    imp.add_argument("file", type=Path, help="the seating plan JSON file")
    imp.add_argument("--venue", required=True, help="venue name (created if new)")
    imp.add_argument("--name", help="plan name (default: the plan's own name)")
    imp.add_argument("--hall", help="the venue's hall or screen (default: the plan's previous hall or the only one)")
    imp.add_argument("--json", action="store_true", help="print the summary as JSON")

    demo = sub.add_parser("demo", help="load demo data: the demo theatre, a four-screen cinema and a week of showtimes")
    demo.add_argument("--days", type=int, default=7, help="days of showtimes from today (default 7)")
    demo.add_argument("--no-staff", action="store_true", help="do not create the demo staff accounts")
    demo.add_argument(
        "--stadium", action="store_true", help="also load the demo stadium (about 100,000 seats, two events)"
    )

    web = sub.add_parser("web", help="serve the online channel's HTTP API (docs/web-api.md)")
    web.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    web.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000; 0: any free port)")
    web.add_argument("--workers", type=int, default=1, help="worker processes (default 1; about one per core)")
    web.add_argument(
        "--threads", type=int, default=10, help="request threads per worker, each with one database connection (10)"
    )
    web.add_argument("--no-access-log", action="store_true", help="do not log a line per request")
    web.add_argument(
        "--demo",
        action="store_true",
        help="on the embedded database, load the demo data first if it is not there (as 'boxoffice run'; make web)",
    )

    sub.add_parser("tidy", help="expire lapsed pending bookings and release lapsed holds, once")

    bak = sub.add_parser(
        "backup",
        help="back up the whole database to a file (pg_dump custom format)",
        description="Backs up the whole database (as the URL's login: use the owner or a "
        "superuser). Staff logins are roles, kept by the server, not in the database: "
        "as a superuser (the embedded default) they go into FILE.logins.json beside "
        "it; see docs/operations.md.",
    )
    bak.add_argument(
        "file", type=Path, nargs="?", help="the backup file (default: <data dir>/backups/boxoffice-<date>-<time>.dump)"
    )
    res = sub.add_parser(
        "restore",
        help="restore a backup file into an empty database",
        description="Restores a 'boxoffice backup' file in one transaction: a corrupt or "
        "truncated file changes nothing. The database must be empty unless --replace.",
    )
    res.add_argument("file", type=Path, help="the backup file")
    res.add_argument(
        "--replace", action="store_true", help="replace a database that is not empty (its sessions are disconnected)"
    )

    from boxoffice import cli_server, cli_staff

    cli_staff.add_parser(sub)
    cli_server.add_parser(sub)

    from boxoffice import cli_device, cli_report

    cli_device.add_parser(sub)
    cli_report.add_parser(sub)
    from boxoffice import cli_showtime

    cli_showtime.add_parser(sub)
    from boxoffice import cli_customers

    cli_customers.add_parsers(sub)
    from boxoffice import cli_best

    cli_best.add_parser(sub)

    door = sub.add_parser(
        "door",
        help="open the door screen: scan tickets at a gate (docs/door.md)",
        description="The door screen for one gate: a handheld scanner (or a camera) reads "
        "the tickets' QR codes; each ticket is admitted once across all gates. "
        "Keeps working offline and uploads when the database is back.",
    )
    door.add_argument("--gate", required=True, help="this gate's name, e.g. North (other gates see it)")
    door.add_argument(
        "--showtime",
        type=int,
        action="append",
        metavar="ID",
        help="a showtime this gate admits to (repeat for several; default: choose on screen)",
    )
    door.add_argument("--reentry", action="store_true", help="offer exit scans (F6) so visitors may come back in")

    conflicts = sub.add_parser(
        "admission-conflicts", help="list offline admissions the database refused (a ticket used twice)"
    )
    conflicts.add_argument("--showtime", type=int, action="append", metavar="ID", help="only these showtimes")
    conflicts.add_argument("--all", action="store_true", help="include resolved conflicts")
    conflicts.add_argument("--json", action="store_true", help="print JSON")
    conflicts.add_argument("--resolve", type=int, metavar="ID", help="mark conflict ID as followed up")
    conflicts.add_argument("--note", default="", help="with --resolve: what was done (kept with the conflict)")

    reh = sub.add_parser(
        "rehearse",
        help="play an on-sale: web buyers over HTTP and tills race for one showtime",
        description="Simulated web buyers (HTTP clients of a 'boxoffice web' started for the run) "
        "and tills (the sell screen's services) sell one showtime until it is sold out "
        "or time is up, then a report reads the database. Without --showtime a new "
        "showtime of the show 'On-sale rehearsal' is scheduled a year ahead on the "
        "venue's plan. See docs/rehearsal.md.",
    )
    reh.add_argument("--venue", default="Riverside Theatre", help="venue for a new rehearsal showtime (default: demo)")
    reh.add_argument("--showtime", type=int, help="rehearse this existing showtime instead (sells real seats!)")
    reh.add_argument(
        "--plan-file",
        type=Path,
        help="pretix plan (JSON) to import as --venue's plan first, if it has none (e.g. the demo stadium)",
    )
    reh.add_argument(
        "--pick",
        choices=("map", "best"),
        default="map",
        help="how buyers and tills choose seats: on the seat map (default) or by best available",
    )
    reh.add_argument("--buyers", type=int, default=200, help="simulated web buyers (default 200)")
    reh.add_argument("--tills", type=int, default=4, help="simulated tills (default 4)")
    reh.add_argument("--time-limit", type=float, default=120.0, help="seconds at most (default 120)")
    reh.add_argument("--hold-seconds", type=int, default=30, help="web hold lifetime for the run (default 30)")
    reh.add_argument("--abandon", type=float, default=0.15, help="share of buyers who walk away from a hold")
    reh.add_argument("--pace", type=float, default=1.0, help="think-time factor (0: no pauses; default 1)")
    reh.add_argument("--buyer-processes", type=int, default=4, help="processes the buyers are spread over")
    reh.add_argument("--web-workers", type=int, default=2, help="worker processes of the web server it starts (2)")
    reh.add_argument("--seed", type=int, default=1)
    reh.add_argument("--web-url", help="use this running web API instead of starting one")
    reh.add_argument(
        "--load-cpus",
        type=_cpu_list,
        help="pin the load generator (buyer processes and tills) to these CPUs, e.g. 1 or 2-3 (Linux)",
    )
    reh.add_argument(
        "--server-cpus",
        type=_cpu_list,
        help="pin the web server it starts and the embedded PostgreSQL server to these CPUs, e.g. 0",
    )
    reh.add_argument("--till-cpus", type=_cpu_list, help="pin the tills to these CPUs instead (default: --load-cpus)")
    reh.add_argument(
        "--among",
        type=int,
        default=8,
        help="map buyers choose among the N best free groups (default 8; docs/rehearsal.md)",
    )
    reh.add_argument(
        "--sample-db", action="store_true", help="sample pg_stat_activity every 50 ms and report the waits"
    )
    reh.add_argument(
        "--warm-up",
        type=float,
        default=5.0,
        metavar="SECONDS",
        help="before the on-sale, buyers shop at another new rehearsal showtime for this long, as at a "
        "server that was up before (default 5; 0: a cold server)",
    )
    reh.add_argument("--json", action="store_true", help="print the report as JSON")
    return p


def _cmd_db(args, settings: Settings) -> int:
    from boxoffice.runtime import open_database

    db = open_database(settings, upgrade=args.db_command == "upgrade")
    try:
        if args.db_command == "upgrade":
            from boxoffice.db.migrate import head_revision

            print(f"database is at revision {head_revision()}")
        else:
            print(db.url)
    finally:
        db.close()
    return 0


def _cmd_import(args, settings: Settings) -> int:
    from boxoffice.domain.pretix_plan import load_plan_file, parse_plan
    from boxoffice.runtime import open_database
    from boxoffice.services.plans import import_plan

    data = load_plan_file(args.file)
    parse_plan(data)  # refuse a bad plan before starting any server (import_plan checks again)
    db = open_database(settings)
    try:
        with db.session_factory() as session:
            summary = import_plan(session, venue_name=args.venue, data=data, plan_name=args.name, hall_name=args.hall)
    finally:
        db.close()
    if args.json:
        print(json.dumps(summary.as_dict(), indent=2))
    else:
        print(
            f"Imported plan {summary.plan_name!r} version {summary.version} for venue {args.venue!r}: "
            f"{summary.zones} zones, {summary.rows} rows, {summary.seats} seats "
            f"({summary.wheelchair_spaces} wheelchair spaces), {len(summary.categories)} categories "
            f"({', '.join(summary.categories)}), {summary.areas} areas."
        )
    return 0


def _cmd_demo(args, settings: Settings) -> int:
    from boxoffice.runtime import open_database
    from boxoffice.services.demo import DEMO_VENUE, ensure_demo

    if not 1 <= args.days <= 366:
        print("boxoffice: error: --days must be between 1 and 366", file=sys.stderr)
        return 2
    db = open_database(settings)
    try:
        with db.session_factory() as session:
            result = ensure_demo(session, days=args.days, staff=not args.no_staff)
            stadium = None
            if args.stadium:
                from boxoffice.services.demo_stadium import ensure_demo_stadium

                stadium = ensure_demo_stadium(session)
    finally:
        db.close()
    made = "created" if result.venue_created else "already there"
    print(
        f"Demo venue {DEMO_VENUE!r} {made}; {result.showtimes_created} showtimes scheduled"
        + (
            f"; {result.staff_created} demo staff accounts created (deactivate them before going live)."
            if result.staff_created
            else "."
        )
    )
    if stadium is not None:
        from boxoffice.services.demo_stadium import STADIUM_VENUE

        print(
            f"Demo stadium {STADIUM_VENUE!r} {'created' if stadium.plan_created else 'already there'} "
            f"({stadium.seats} seats); {stadium.showtimes_created} showtimes scheduled."
        )
    return 0


def _warn_if_not_enrolled(db, settings: Settings, who: str) -> None:
    """One line on stderr when this machine's ticket key is not enrolled (it could not
    print ticket codes; docs/security.md)."""
    from boxoffice.device_key import this_device
    from boxoffice.services.device_keys import enrolled_id

    with db.session_factory() as session:
        if enrolled_id(session, this_device(settings.data_dir)) is None:
            print(
                f"{who}: this machine's ticket key is not enrolled, so it cannot print ticket codes: "
                f"a manager runs 'boxoffice device enrol NAME' here",
                file=sys.stderr,
                flush=True,
            )


def _cmd_web(args, settings: Settings) -> int:
    import functools

    from boxoffice.config import webhook_secret
    from boxoffice.runtime import open_database
    from boxoffice.web import serve
    from boxoffice.web.app import create_app

    if not 1 <= args.workers <= 64 or not 1 <= args.threads <= 200:
        raise ValueError("--workers must be 1-64 and --threads 1-200")
    options = serve.ServeOptions(
        args.host, args.port, args.workers, args.threads, "debug" if args.debug else "info", not args.no_access_log
    )
    several = args.workers > 1
    sock = serve.listen(
        args.host, args.port, reuse_port=several and serve.REUSE_PORT, bind_only=several and serve.REUSE_PORT
    )
    pool = serve.engine_options(1 if several else args.threads)
    db = open_database(settings, application_name="boxoffice-web", **pool)  # migrates the embedded server only
    try:
        if args.demo:
            db.ensure_demo()  # before serving: a shop with nothing on sale is no demo
        _warn_if_not_enrolled(db, settings, "boxoffice web")
        host, port = sock.getsockname()[:2]
        shown = f"[{host}]" if ":" in host else host
        print(
            f"boxoffice web: serving on http://{shown}:{port}/ (API docs at /docs), "
            f"{args.workers} worker(s) x {args.threads} threads",
            file=sys.stderr,
            flush=True,
        )
        if several:
            os.environ["BOXOFFICE_DATABASE_URL"] = db.url  # the workers use the server this process found
            webhook_secret(settings)  # made once here if missing, not raced by the workers
            db.engine.dispose()
            return serve.run_workers(options, sock, functools.partial(serve.app_from_env, args.threads))
        app = create_app(
            db,
            hold_seconds=settings.web_hold_seconds,
            booking_seconds=settings.booking_seconds,
            webhook_secret=webhook_secret(settings),
            tidy_seconds=settings.tidy_seconds,
        )
        serve.serve(app, sock, options)
    finally:
        sock.close()
        db.close()
    return 0


def _cmd_tidy(args, settings: Settings) -> int:
    from boxoffice.runtime import open_database
    from boxoffice.services.tidy import tidy

    db = open_database(settings)
    try:
        with db.session_factory() as session:
            result = tidy(session)
    finally:
        db.close()
    print(f"Tidied: {result.bookings_expired} pending bookings expired, {result.holds_released} lapsed holds released.")
    return 0


@contextlib.contextmanager
def _explained(settings: Settings, url: str):
    """Turn a backup's connection failure caused by a TLS setting into the one-line
    explanation naming the setting (boxoffice.db.tls)."""
    from boxoffice.db.backup import BackupError
    from boxoffice.db.tls import explain_failure

    try:
        yield
    except BackupError as exc:
        cause = exc.__cause__
        lines = [line.strip() for line in str(cause).splitlines() if line.strip()] if cause is not None else []
        explained = next(
            (e for line in lines if (e := explain_failure(line.split("failed: ")[-1], settings, url))), None
        )
        if explained:
            raise BackupError(explained) from exc
        raise


def _cmd_backup(args, settings: Settings) -> int:
    import datetime as dt

    from boxoffice.db.auto_backup import backup_name, backups_dir
    from boxoffice.db.backup import backup_database
    from boxoffice.runtime import database_url

    url, _embedded = database_url(settings)
    path = args.file or backups_dir(settings) / backup_name("boxoffice-", dt.datetime.now())
    with _explained(settings, url):
        result = backup_database(url, path, logins=True)
    print(
        f"Backed up to {result.path} ({result.size / 1e6:.1f} MB in {result.seconds:.1f} s)"
        + (f"; {result.logins} staff logins in {result.path.name}.logins.json" if result.logins else "")
        + "."
    )
    return 0


def _cmd_restore(args, settings: Settings) -> int:
    from boxoffice.db.backup import restore_database
    from boxoffice.runtime import database_url

    url, _embedded = database_url(settings)
    with _explained(settings, url):
        result = restore_database(url, args.file, replace=args.replace)
    print(
        f"Restored {args.file} into database {result.database}"
        + (" (replacing its contents)" if result.replaced else "")
        + f" in {result.seconds:.1f} s"
        + (f"; {result.logins_created} staff logins recreated" if result.logins_created else "")
        + "."
    )
    return 0


def _cmd_door(args, settings: Settings) -> int:
    from boxoffice.ui.door.app import run_door

    gate = args.gate.strip()
    if not gate or len(gate) > 60:
        print("boxoffice: error: --gate needs a name of 1 to 60 characters", file=sys.stderr)
        return 2
    return run_door(settings, gate, args.showtime, reentry=args.reentry)


def _cmd_conflicts(args, settings: Settings) -> int:
    from boxoffice.runtime import open_database
    from boxoffice.services.door_info import conflicts, resolve_conflict

    db = open_database(settings)
    try:
        with db.session_factory() as session:
            if args.resolve is not None:
                done = resolve_conflict(session, conflict_id=args.resolve, note=args.note)
                print(f"Admission conflict #{done.id} (ticket {done.ticket_id}) resolved.")
                return 0
            found = conflicts(session, showtime_ids=args.showtime, open_only=not args.all)
    finally:
        db.close()
    if args.json:
        print(
            json.dumps(
                [
                    {**c.__dict__, **{k: v.isoformat() for k, v in c.__dict__.items() if hasattr(v, "isoformat")}}
                    for c in found
                ],
                indent=2,
            )
        )
        return 0
    for c in found:
        other = f" (first at {c.other_gate}, {c.other_at:%Y-%m-%d %H:%M} UTC)" if c.other_gate and c.other_at else ""
        seat = f" ({c.order_number}, {c.seat})" if c.order_number else ""
        print(
            f"#{c.id} ticket {c.ticket_id}{seat} showtime {c.showtime_id}: let in offline at {c.gate} "
            f"({c.device}) {c.scanned_at:%Y-%m-%d %H:%M} UTC, but {c.verdict.replace('_', ' ')}"
            f"{' ' + c.reason if c.reason else ''}{other}"
        )
    print(f"{len(found)} {'' if args.all else 'open '}admission conflict(s).")
    return 0


def _cpu_list(text: str) -> frozenset[int]:
    """``"0"``, ``"1,3"``, ``"2-3"`` as a set of CPU numbers (argparse type)."""
    cpus: set[int] = set()
    try:
        for part in text.split(","):
            low, _, high = part.strip().partition("-")
            cpus.update(range(int(low), int(high or low) + 1))
    except ValueError:
        raise argparse.ArgumentTypeError(f"CPUs are numbers like 0, 1,3 or 2-3; got {text!r}") from None
    if not cpus or min(cpus) < 0:
        raise argparse.ArgumentTypeError(f"CPUs are numbers like 0, 1,3 or 2-3; got {text!r}")
    return frozenset(cpus)


def _exit_on_signal(signum, frame) -> None:
    raise SystemExit(128 + signum)


def _cmd_rehearse(args, settings: Settings) -> int:
    from boxoffice.rehearsal.run import Plan, ensure_venue_plan, make_rehearsal_showtime, rehearse
    from boxoffice.runtime import open_database

    if not 0 <= args.abandon <= 1 or args.pace < 0 or args.buyer_processes < 1 or not 0 <= args.warm_up <= 600:
        print(
            "boxoffice: error: --abandon is a share (0 to 1), --pace is not negative, --buyer-processes >= 1, "
            "--warm-up 0-600 seconds",
            file=sys.stderr,
        )
        return 2
    db = open_database(settings)
    try:
        showtime_id = args.showtime
        if showtime_id is None:
            db.ensure_demo()  # the embedded server only
            with db.session_factory() as session:
                if args.plan_file is not None:
                    ensure_venue_plan(session, venue_name=args.venue, plan_file=args.plan_file)
                showtime_id = make_rehearsal_showtime(session, venue_name=args.venue)
        warm_showtime_id = None
        if args.warm_up > 0 and args.buyers > 0:
            with db.session_factory() as session:
                warm_showtime_id = make_rehearsal_showtime(session, venue_name=args.venue)
        plan = Plan(
            url=db.url,
            showtime_id=showtime_id,
            buyers=args.buyers,
            tills=args.tills,
            time_limit_s=args.time_limit,
            hold_seconds=args.hold_seconds,
            abandon_rate=args.abandon,
            pace_s=args.pace,
            buyer_processes=args.buyer_processes,
            web_workers=args.web_workers,
            seed=args.seed,
            web_url=args.web_url,
            pick=args.pick,
            load_cpus=args.load_cpus,
            server_cpus=args.server_cpus,
            till_cpus=args.till_cpus,
            sample_db=args.sample_db,
            among=args.among,
            warm_showtime_id=warm_showtime_id,
            warm_s=args.warm_up,
        )
        # SIGTERM (a supervisor, `kill`) ends the run like Ctrl+C: the web server it
        # started and the agent processes are stopped, not left running to their deadline
        previous = signal.signal(signal.SIGTERM, _exit_on_signal)
        try:
            report = rehearse(plan, progress=(lambda line: print(line, file=sys.stderr, flush=True)))
        finally:
            signal.signal(signal.SIGTERM, previous)
    finally:
        db.close()
    print(json.dumps(report.as_dict(), indent=2) if args.json else report.text())
    return 0 if report.facts.double_sold == 0 and not report.errors else 1


def _cmd_staff(args, settings: Settings) -> int:
    from boxoffice import cli_staff

    return cli_staff.run(args, settings)


def _cmd_device(args, settings: Settings) -> int:
    from boxoffice import cli_device

    return cli_device.run(args, settings)


def _cmd_report(args, settings: Settings) -> int:
    from boxoffice import cli_report

    return cli_report.run(args, settings)


def _cmd_server(args, settings: Settings) -> int:
    from boxoffice import cli_server

    return cli_server.run(args, settings)


def _cmd_run(args, settings: Settings) -> int:
    from boxoffice.app import run_app

    return run_app(settings, demo=not getattr(args, "no_demo", False))


def _cmd_smoke(args, settings: Settings) -> int:
    from boxoffice.app import run_smoke_test

    if settings.database_url:
        print(
            "boxoffice: error: --smoke-test runs on the embedded database; unset BOXOFFICE_DATABASE_URL",
            file=sys.stderr,
        )
        return 2
    return run_smoke_test(settings)


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``boxoffice``; returns the process exit status."""
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    from boxoffice.domain.errors import BoxOfficeError

    commands = {
        "db": _cmd_db,
        "import-plan": _cmd_import,
        "demo": _cmd_demo,
        "web": _cmd_web,
        "tidy": _cmd_tidy,
        "rehearse": _cmd_rehearse,
        "door": _cmd_door,
        "admission-conflicts": _cmd_conflicts,
        "staff": _cmd_staff,
        "server": _cmd_server,
        "device": _cmd_device,
        "report": _cmd_report,
        "best-available": lambda a, s: __import__("boxoffice.cli_best").cli_best.run(a, s),
        "showtime": lambda a, s: __import__("boxoffice.cli_showtime").cli_showtime.run(a, s),
        "mail": lambda a, s: __import__("boxoffice.cli_customers").cli_customers.run_mail(a, s),
        "customer": lambda a, s: __import__("boxoffice.cli_customers").cli_customers.run_customer(a, s),
        "backup": _cmd_backup,
        "restore": _cmd_restore,
        "run": _cmd_run,
        None: _cmd_run,
    }
    try:
        settings = Settings.from_env()
        if args.smoke_test:
            return _cmd_smoke(args, settings)
        return commands[args.command](args, settings)
    except KeyboardInterrupt:
        return 130
    except (BoxOfficeError, ConfigError, ValueError, OSError) as exc:
        if args.debug:
            raise
        print(f"boxoffice: error: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - last resort: still one line, with a hint
        if args.debug:
            raise
        print(
            f"boxoffice: unexpected error: {type(exc).__name__}: {exc} (run with --debug for details)", file=sys.stderr
        )
        return 1
