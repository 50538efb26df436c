"""``boxoffice staff``: add and list staff accounts from the command line.

    boxoffice staff add NAME --role ROLE [--display-name "Full Name"]
    boxoffice staff add NAME --role ROLE --password-stdin < secret.txt
    boxoffice staff reset NAME [--password-stdin]
    boxoffice staff disable NAME | enable NAME
    boxoffice staff list [--json]

Each account is a PostgreSQL login (docs/security.md). The command acts as the login of
the database URL: the embedded server's superuser, or on a central server the owner
(``bo_owner``) or an admin's own login; the database refuses anyone else, and audits
every change under that login. Passwords are asked for twice without echo (getpass), or
read from the first line of standard input with ``--password-stdin`` (for scripts); they
never appear in the process list and reach the server only as SCRAM verifiers.
"""

from __future__ import annotations

import argparse
import getpass
import json
import socket
import sys

from boxoffice.config import Settings
from boxoffice.domain.roles import ROLES


def add_parser(sub) -> None:
    """Add the ``staff`` subcommand to the ``sub`` subparsers of ``boxoffice``."""
    staff = sub.add_parser("staff", help="add and list staff accounts (docs/staff-and-audit.md)")
    actions = staff.add_subparsers(dest="staff_command", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add",
        help="add a staff account",
        description="Add a staff account. Asks for the password twice (no echo) unless --password-stdin is given.",
    )
    add.add_argument("name", help="the username to sign in with (a-z, 0-9, . _ -)")
    add.add_argument("--role", required=True, choices=ROLES, help="cashier, door, manager or admin")
    add.add_argument("--display-name", help="the name shown to people (default: the username)")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    reset = actions.add_parser("reset", help="set a new password (ALTER ROLE with a SCRAM verifier)")
    reset.add_argument("name")
    reset.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    for verb, text_ in (
        ("disable", "deactivate an account: its login is disabled and its sessions end"),
        ("enable", "reactivate an account"),
    ):
        actions.add_parser(verb, help=text_).add_argument("name")
    listing = actions.add_parser("list", help="list staff accounts")
    listing.add_argument("--json", action="store_true", help="print JSON")


def _read_password(args) -> str:
    if args.password_stdin:
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    first = getpass.getpass(f"Password for {args.name}: ")
    if getpass.getpass("Repeat the password: ") != first:
        raise ValueError("the two passwords differ")
    return first


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run ``boxoffice staff ...``; returns the exit status.

    Raises:
        BoxOfficeError: the service refused (bad name, taken, password rules...).
        ValueError: the repeated password differs.
    """
    from boxoffice.domain.passwords import check_password_rules
    from boxoffice.domain.roles import Actor
    from boxoffice.runtime import open_database
    from boxoffice.services import staff
    from boxoffice.services.auth import act_as

    password = ""  # read for add and reset, the commands that use it
    if args.staff_command in ("add", "reset"):
        password = _read_password(args)
        check_password_rules(password)  # before starting any server
    db = open_database(settings, application_name="boxoffice-cli")
    try:
        with db.session_factory() as session:
            act_as(session, Actor.system("system:cli", till=f"cli:{socket.gethostname()}"[:60]))
            if args.staff_command == "add":
                info = staff.create_staff(
                    session,
                    username=args.name,
                    display_name=args.display_name or args.name,
                    role=args.role,
                    password=password,
                )
                print(f"Added {info.role} {info.username!r} ({info.display_name}), database login {info.login}.")
                return 0
            if args.staff_command in ("reset", "disable", "enable"):
                found = staff.find_staff(session, username=args.name)
                if args.staff_command == "reset":
                    info = staff.reset_password(session, staff_id=found.id, password=password)
                    print(f"New password set for {info.username!r} (login {info.login}).")
                else:
                    info = staff.set_active(session, staff_id=found.id, active=args.staff_command == "enable")
                    print(f"{info.username!r} is now {'active' if info.active else 'deactivated'}.")
                return 0
            accounts = staff.list_staff(session)
    finally:
        db.close()
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "username": a.username,
                        "display_name": a.display_name,
                        "role": a.role,
                        "active": a.active,
                        "login": a.login,
                        "last_sign_in_at": a.last_sign_in_at.isoformat() if a.last_sign_in_at else None,
                    }
                    for a in accounts
                ],
                indent=2,
            )
        )
        return 0
    width = max([len(a.username) for a in accounts] + [8])
    for a in accounts:
        last = f"{a.last_sign_in_at:%Y-%m-%d %H:%M} UTC" if a.last_sign_in_at else "never"
        print(
            f"{a.username:<{width}}  {a.role:<8} {'active' if a.active else 'deactivated':<11} "
            f"login {a.login or '(none: reset the password)'}  last sign-in {last}  {a.display_name}"
        )
    print(f"{len(accounts)} account(s).")
    return 0
