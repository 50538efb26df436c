"""``boxoffice server``: set up a central PostgreSQL server for tills, doors and the web.

    boxoffice server init [--owner-password-stdin]   # as a superuser (BOXOFFICE_DATABASE_URL)
    boxoffice server web-login NAME [--password-stdin]  # as the owner or an admin

``init`` creates the cluster roles (``bo_owner`` and the group roles, docs/security.md),
gives the database and its objects to ``bo_owner``, lets ``bo_owner`` log in with the
password given (so upgrades run as the owner, never as a superuser), and migrates the
schema. ``web-login`` creates (or resets) the login of one web server, in ``bo_web``.
Passwords are read without echo, or from standard input, and reach the server only as
SCRAM-SHA-256 verifiers made by libpq.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from boxoffice.config import Settings


def add_parser(sub) -> None:
    """Add the ``server`` subcommand to the ``sub`` subparsers of ``boxoffice``."""
    server = sub.add_parser("server", help="set up a central server (docs/security.md)")
    actions = server.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    init = actions.add_parser("init", help="as a superuser: roles, ownership, owner password, migrations")
    init.add_argument(
        "--owner-password-stdin",
        action="store_true",
        help="read bo_owner's new password from standard input (default: ask)",
    )
    web = actions.add_parser("web-login", help="create or reset a web server's login (in bo_web)")
    web.add_argument("name", help="a short name for the web server, e.g. shop1")
    web.add_argument("--password-stdin", action="store_true", help="read the password from standard input")


def _password(from_stdin: bool, prompt: str) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(prompt)
    if getpass.getpass("Repeat it: ") != first:
        raise ValueError("the two passwords differ")
    return first


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run ``boxoffice server ...``; returns the exit status.

    Raises:
        BoxOfficeError: the database refused (not a superuser for ``init``; not the owner
            or an admin for ``web-login``), or the password breaks the rules.
        ValueError: the repeated password differs, or no server URL is set.
    """
    from sqlalchemy import text

    from boxoffice.db import migrate, roles
    from boxoffice.db.engine import make_engine
    from boxoffice.domain.errors import PermissionDeniedError
    from boxoffice.domain.passwords import check_password_rules
    from boxoffice.runtime import database_url
    from boxoffice.services.errors import unit_of_work
    from boxoffice.services.staff import scram_verifier

    if args.server_command == "init" and not settings.database_url:
        raise ValueError(
            "set BOXOFFICE_DATABASE_URL to the central server (as a superuser); the embedded server sets itself up"
        )
    prompt = "New password for bo_owner: " if args.server_command == "init" else f"Password for web login {args.name}: "
    password = _password(getattr(args, "owner_password_stdin", False) or getattr(args, "password_stdin", False), prompt)
    check_password_rules(password)
    url, _embedded = database_url(settings)
    engine = make_engine(url, application_name="boxoffice-server")
    try:
        if args.server_command == "init":
            with engine.connect() as conn:
                if not roles.is_superuser(conn):
                    raise PermissionDeniedError(
                        "`boxoffice server init` needs a superuser's URL.", permission=None, role=None
                    )
                roles.ensure_cluster_roles(conn)
            from sqlalchemy.orm import Session

            with Session(engine) as session, unit_of_work(session):
                verifier = scram_verifier(session, login=roles.OWNER, password=password)
                session.execute(text(f"ALTER ROLE {roles.OWNER} LOGIN PASSWORD :v"), {"v": verifier})
            before, after = migrate.upgrade(engine)
            print(f"Roles ready; bo_owner may log in; schema {before or 'new'} -> {after}.")
            print(
                "Next: `boxoffice staff add NAME --role admin` (with this URL or the owner's), then give tills "
                "the server URL without a user (people sign in with their own names)."
            )
            return 0
        from sqlalchemy.orm import Session

        with Session(engine) as session, unit_of_work(session):
            database = session.execute(text("SELECT current_database()")).scalar_one()
            verifier = scram_verifier(session, login=f"{database}_web_{args.name}", password=password)
            login = session.execute(text("SELECT bo_web_login(:n, :v)"), {"n": args.name, "v": verifier}).scalar_one()
        print(f"Web login {login} is ready: give `boxoffice web` the URL with user {login}.")
        return 0
    finally:
        engine.dispose()
