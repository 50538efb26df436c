"""``boxoffice report``: the office's reports from the command line.

    boxoffice report day 2026-11-30 [--venue ID] [--json]   one local day of the venue
    boxoffice report z NUMBER [--json]                      a till's Z report, as stored at close

``day`` prints what the Reports screen shows for one local day of the venue
(services/reports.py): sales by channel and seller, takings by tender (payments minus
refunds; web its own channel), refunds, exchanges and occupancy. ``z`` prints a Z report's
stored figures (docs/drawer.md). ``--json`` prints every figure (money in minor units).

Each report is its own action in :data:`ACTIONS` (name -> (add its parser, run it)), so a
new report adds one entry. The command acts as the login of the database URL (the embedded
server's superuser, or on a central server a manager's or admin's own login); the database
refuses a cashier.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import socket
import sys
from collections.abc import Callable

from boxoffice.config import Settings
from boxoffice.domain.money import format_money


def _day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a day (YYYY-MM-DD): {value!r}") from None


def _add_day(actions) -> None:
    day = actions.add_parser("day", help="sales, takings by tender, refunds and occupancy of one local day")
    day.add_argument("day", type=_day, help="the venue's local day, YYYY-MM-DD")
    day.add_argument("--venue", type=int, metavar="ID", help="the venue (default: the first venue with showtimes)")
    day.add_argument("--json", action="store_true", help="print every figure as JSON (minor units)")


def _run_day(args: argparse.Namespace, session) -> int:
    from boxoffice.services import reports

    report = reports.day_report(session, args.day, venue_id=args.venue)
    print(json.dumps(report.as_json(), indent=2, ensure_ascii=False) if args.json else text_report(report))
    return 0


def _add_z(actions) -> None:
    z = actions.add_parser("z", help="a till's Z report by number (docs/drawer.md)")
    z.add_argument("number", type=int, help="the Z report's number")
    z.add_argument("--json", action="store_true", help="print the stored figures as JSON")


def _run_z(args: argparse.Namespace, session) -> int:
    from boxoffice.domain.roles import Actor
    from boxoffice.printing.z_report import report_text
    from boxoffice.services import drawer
    from boxoffice.services.auth import act_as

    act_as(session, Actor.system("system:cli", till=f"cli:{socket.gethostname()}"[:60]))
    z = drawer.z_report(session, args.number)
    print(json.dumps(z.as_json(), indent=2, sort_keys=True) if args.json else report_text(z.figures))
    return 0


# report name -> (add its arguments to the actions, run it on a Session)
ACTIONS: dict[str, tuple[Callable, Callable[[argparse.Namespace, object], int]]] = {
    "day": (_add_day, _run_day),
    "z": (_add_z, _run_z),
}


def add_parser(sub) -> None:
    """Add the ``report`` subcommand group to the ``sub`` subparsers of ``boxoffice``."""
    report = sub.add_parser("report", help="reports: a day's figures, Z reports (docs/reports.md)")
    actions = report.add_subparsers(dest="report_command", metavar="REPORT", required=True)
    for add, _run in ACTIONS.values():
        add(actions)


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run ``boxoffice report ...``; returns the exit status.

    Raises:
        BoxOfficeError: the database refused (not a manager's login, no such venue), or
        NotFoundError for a Z number that does not exist.
    """
    from boxoffice.runtime import open_database

    db = open_database(settings, application_name="boxoffice-cli")
    try:
        with db.session_factory() as session:
            status = ACTIONS[args.report_command][1](args, session)
    finally:
        db.close()
    sys.stdout.flush()
    return status


def text_report(report) -> str:
    """The report as plain text lines (what ``boxoffice report day`` prints)."""
    money = lambda minor: format_money(minor, report.currency)  # noqa: E731
    total = report.total()
    lines = [
        f"{report.venue_name} · {report.first_day.isoformat()} ({report.timezone})",
        f"Orders {report.orders}  tickets sold {total.sold} ({money(total.sold_minor)})  "
        f"refunded {total.refunded} ({money(total.refunded_minor)})  exchanged {total.exchanged}  "
        f"net {money(total.net_minor)}",
        "",
        "Takings by tender (payments - refunds = net)",
    ]
    for kind in ("counter", "web"):
        for method, t in sorted(report.by_method(kind).items()):
            lines.append(
                f"  {kind:<8} {method:<9} {money(t.paid_minor):>12} - {money(t.refunded_minor):>12} = "
                f"{money(t.net_minor):>12}"
            )
    for method, t in sorted(report.by_method().items()):
        lines.append(f"  {'all':<8} {method:<9} {'':>12}   {'':>12}   {money(t.net_minor):>12}")
    lines += ["", "Sales by channel"]
    lines += [f"  {s.key:<24} {s.sold:>6} {money(s.net_minor):>12}" for s in report.sales["channel"]]
    lines += ["", "Sales by seller"]
    lines += [f"  {s.key:<24} {s.sold:>6} {money(s.net_minor):>12}" for s in report.sales["seller"]]
    if report.refunds:
        lines += ["", "Refunds"]
        lines += [
            f"  {r.at:%H:%M} {r.order_number} {r.channel} {r.method or '?'} {money(r.amount_minor)} {r.reason}"
            for r in report.refunds
        ]
    if report.exchanges:
        lines += ["", "Exchanges"]
        lines += [f"  {x.at:%H:%M} {x.from_order} -> {x.order_number} {money(x.total_minor)}" for x in report.exchanges]
    if report.occupancy:
        lines += ["", "Occupancy"]
        lines += [
            f"  {o.title:<30} {o.sold:>5}/{o.capacity - o.blocked:<5} {o.percent:5.1f} %" for o in report.occupancy
        ]
    return "\n".join(lines)
