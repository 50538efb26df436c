"""``boxoffice staff``: add and list staff accounts from the command line.

    boxoffice staff add NAME --role ROLE [--display-name "Full Name"] [--pin]
    boxoffice staff add NAME --role ROLE --password-stdin < secret.txt
    boxoffice staff list [--json]

The command line acts as the system principal ``system:cli`` (whoever can run it can
reach the database anyway); every change is audited under that name. Passwords are
asked for twice without echo (getpass), or read from the first line of standard input
with ``--password-stdin`` (for scripts); they never appear in the process list.
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
    add = actions.add_parser("add", help="add a staff account",
                             description="Add a staff account. Asks for the password twice (no echo) "
                                         "unless --password-stdin is given.")
    add.add_argument("name", help="the username to sign in with (a-z, 0-9, . _ -)")
    add.add_argument("--role", required=True, choices=ROLES, help="cashier, door, manager or admin")
    add.add_argument("--display-name", help="the name shown to people (default: the username)")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    add.add_argument("--pin", action="store_true", help="also ask for a PIN (4 to 8 digits) to unlock tills")
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


def _read_pin(args) -> str | None:
    if not args.pin:
        return None
    if args.password_stdin:
        return sys.stdin.readline().strip() or None
    first = getpass.getpass("PIN (4 to 8 digits): ")
    if getpass.getpass("Repeat the PIN: ") != first:
        raise ValueError("the two PINs differ")
    return first


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run ``boxoffice staff ...``; returns the exit status.

    Raises:
        BoxOfficeError: the service refused (bad name, taken, password rules...).
        ValueError: the repeated password differs.
    """
    from boxoffice.domain.passwords import check_password_rules, check_pin_rules
    from boxoffice.domain.roles import Actor
    from boxoffice.runtime import open_database
    from boxoffice.services import staff
    from boxoffice.services.auth import act_as

    password = pin = None
    if args.staff_command == "add":
        password = _read_password(args)
        check_password_rules(password)  # before starting any server
        pin = _read_pin(args)
        if pin is not None:
            check_pin_rules(pin)
    db = open_database(settings, application_name="boxoffice-cli")
    try:
        with db.session_factory() as session:
            act_as(session, Actor.system("system:cli", till=f"cli:{socket.gethostname()}"[:60]))
            if args.staff_command == "add":
                info = staff.create_staff(session, username=args.name, display_name=args.display_name or args.name,
                                          role=args.role, password=password, pin=pin)
                print(f"Added {info.role} {info.username!r} ({info.display_name})"
                      + (" with a PIN." if info.has_pin else "."))
                return 0
            accounts = staff.list_staff(session)
    finally:
        db.close()
    if args.json:
        print(json.dumps([{"username": a.username, "display_name": a.display_name, "role": a.role,
                           "active": a.active, "pin": a.has_pin,
                           "last_sign_in_at": a.last_sign_in_at.isoformat() if a.last_sign_in_at else None}
                          for a in accounts], indent=2))
        return 0
    width = max([len(a.username) for a in accounts] + [8])
    for a in accounts:
        last = f"{a.last_sign_in_at:%Y-%m-%d %H:%M} UTC" if a.last_sign_in_at else "never"
        print(f"{a.username:<{width}}  {a.role:<8} {'active' if a.active else 'deactivated':<11} "
              f"{'PIN' if a.has_pin else '   '}  last sign-in {last}  {a.display_name}")
    print(f"{len(accounts)} account(s).")
    return 0
