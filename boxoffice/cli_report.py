"""``boxoffice report``: the office's reports from the command line.

    boxoffice report z NUMBER [--json]     a till's Z report, as stored at close

Each report is its own action in :data:`ACTIONS` (name -> (add its parser, run it)), so a
new report adds one entry. The command acts as the login of the database URL (the
embedded server's superuser, or on a central server the owner or a manager's login).
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
from collections.abc import Callable

from boxoffice.config import Settings


def _add_z(actions) -> None:
    z = actions.add_parser("z", help="a till's Z report by number (docs/drawer.md)")
    z.add_argument("number", type=int, help="the Z report's number")
    z.add_argument("--json", action="store_true", help="print the stored figures as JSON")


def _run_z(args: argparse.Namespace, session) -> int:
    from boxoffice.printing.z_report import report_text
    from boxoffice.services import drawer

    z = drawer.z_report(session, args.number)
    print(json.dumps(z.as_json(), indent=2, sort_keys=True) if args.json else report_text(z.figures))
    return 0


# report name -> (add its arguments to the actions, run it on a Session)
ACTIONS: dict[str, tuple[Callable, Callable[[argparse.Namespace, object], int]]] = {"z": (_add_z, _run_z)}


def add_parser(sub) -> None:
    """Add the ``report`` subcommand group to the ``sub`` subparsers of ``boxoffice``."""
    report = sub.add_parser("report", help="reports: Z reports of the tills")
    actions = report.add_subparsers(dest="report_command", metavar="REPORT", required=True)
    for add, _run in ACTIONS.values():
        add(actions)


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run ``boxoffice report ...``; returns the exit status.

    Raises:
        BoxOfficeError: e.g. NotFoundError for a Z number that does not exist.
    """
    from boxoffice.domain.roles import Actor
    from boxoffice.runtime import open_database
    from boxoffice.services.auth import act_as

    db = open_database(settings, application_name="boxoffice-cli")
    try:
        with db.session_factory() as session:
            act_as(session, Actor.system("system:cli", till=f"cli:{socket.gethostname()}"[:60]))
            status = ACTIONS[args.report_command][1](args, session)
    finally:
        db.close()
    sys.stdout.flush()
    return status
