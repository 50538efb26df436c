"""Staff accounts: the first admin, adding accounts, roles, passwords, deactivation.

Every staff member is a PostgreSQL login (docs/security.md): creating an account creates
the login, a password is set as a SCRAM-SHA-256 verifier made on the client by libpq
(the clear password never reaches the server or its logs), deactivating disables the
login and ends its open sessions. All of it goes through the admin-only contract
functions of migration 0009 (``bo_staff_create``, ``bo_staff_update``,
``bo_staff_set_password``), which audit every change; no hash is kept in any table.
Accounts are deactivated, never deleted: the audit log refers to them. The database
refuses to leave the house without an active admin (``BO012``).

PINs are not accounts' secrets any more: a PIN lives only in the till's memory
(:mod:`boxoffice.services.till`).

Usernames are 1-40 characters of ``a-z 0-9 . _ -`` starting with a letter or digit,
compared in lower case; display names 1-100 characters.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from boxoffice.db.roles import login_role_name
from boxoffice.domain import passwords
from boxoffice.domain.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from boxoffice.domain.roles import ACCOUNTS, ROLES, Actor
from boxoffice.services.auth import authorize, normalise_username
from boxoffice.services.errors import unit_of_work

_USERNAME_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789._-")
_FIRST_ADMIN_LOCK = text("SELECT pg_advisory_xact_lock(hashtext('boxoffice.staff.first_admin'))")


@dataclass(frozen=True)
class StaffInfo:
    """An account as the staff screen shows it. ``last_sign_in_at`` is aware or ``None``;
    ``login`` is the PostgreSQL login (``None``: an account from before migration 0009
    that needs a new password before it can sign in)."""

    id: int
    username: str
    display_name: str
    role: str
    active: bool
    created_at: dt.datetime
    last_sign_in_at: dt.datetime | None
    login: str | None = None


@dataclass(frozen=True)
class SignInName:
    """An active account offered by the sign-in dialog."""

    username: str
    display_name: str
    role: str


def check_username(username: str) -> str:
    """The normalised username.

    Raises:
        InvalidInputError: empty, too long, or with other characters than ``a-z 0-9 . _ -``.
    """
    name = normalise_username(username)
    if not name or len(name) > 40 or not set(name) <= _USERNAME_CHARS or not name[0].isalnum():
        raise InvalidInputError(
            "A username has 1 to 40 letters, digits, dots, dashes or underscores, starting with a letter or digit."
        )
    return name


def _check_display_name(display_name: str) -> str:
    shown = (display_name or "").strip()
    if not shown or len(shown) > 100:
        raise InvalidInputError("A display name has 1 to 100 characters.")
    return shown


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise InvalidInputError(f"{role!r} is not a role; choose one of {', '.join(ROLES)}.")
    return role


def scram_verifier(session: Session, *, login: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of ``password`` for ``login`` (RFC 5802 / RFC 7677, as
    PostgreSQL stores it), made by libpq on the client (``PQencryptPasswordConn``), so
    the clear password is never sent. Checks the password rules first.

    Raises:
        InvalidInputError: the password breaks the rules (at least 8 characters...).
    """
    passwords.check_password_rules(password)
    pgconn = session.connection().connection.dbapi_connection.pgconn
    return pgconn.encrypt_password(password.encode(), login.encode(), b"scram-sha-256").decode()


def _login(session: Session, username: str) -> str:
    database = session.execute(text("SELECT current_database()")).scalar_one()
    try:
        return login_role_name(database, username)
    except ValueError as exc:
        raise InvalidInputError(str(exc)) from None


def needs_first_admin(session: Session) -> bool:
    """Whether the house has no admin account yet (a first run: ask for one)."""
    with unit_of_work(session):
        return not session.execute(text("SELECT EXISTS (SELECT 1 FROM staff WHERE role = 'admin')")).scalar_one()


def create_first_admin(session: Session, *, username: str, display_name: str, password: str) -> StaffInfo:
    """Create the house's first admin (their login, with ``password``). Needs the system
    principal (the owner or a superuser: the embedded server's first run,
    ``boxoffice staff add`` on the server), and only while no admin account exists (two
    first runs at once: one wins). The admin then signs in like anyone else.

    Raises:
        PermissionDeniedError: an admin account exists already, or the login may not.
        InvalidInputError: a bad username, display name or password.
    """
    name, shown = check_username(username), _check_display_name(display_name)
    with unit_of_work(session):
        session.execute(_FIRST_ADMIN_LOCK)
        if session.execute(text("SELECT EXISTS (SELECT 1 FROM staff WHERE role = 'admin')")).scalar_one():
            raise PermissionDeniedError(
                "An admin account exists already; ask an admin to add accounts.", permission=ACCOUNTS, role=None
            )
        verifier = scram_verifier(session, login=_login(session, name), password=password)
        staff_id = session.execute(
            text("SELECT bo_staff_create(:u, :d, 'admin', :v)"), {"u": name, "d": shown, "v": verifier}
        ).scalar_one()
    return get_staff(session, staff_id=staff_id)


def create_staff(session: Session, *, username: str, display_name: str, role: str, password: str) -> StaffInfo:
    """Add an account and its login with ``password``.

    Raises:
        PermissionDeniedError: the actor may not manage accounts.
        InvalidInputError: a bad field, or the username is taken.
    """
    authorize(session, ACCOUNTS)
    name, shown, role = check_username(username), _check_display_name(display_name), _check_role(role)
    with unit_of_work(session):
        verifier = scram_verifier(session, login=_login(session, name), password=password)
        staff_id = session.execute(
            text("SELECT bo_staff_create(:u, :d, :r, :v)"), {"u": name, "d": shown, "r": role, "v": verifier}
        ).scalar_one()
    return get_staff(session, staff_id=staff_id)


def list_staff(session: Session, *, include_inactive: bool = True) -> list[StaffInfo]:
    """Every account (active first, then by username).

    Raises:
        PermissionDeniedError: the actor may not manage accounts.
    """
    authorize(session, ACCOUNTS)
    return _select(session, "" if include_inactive else "WHERE active")


def get_staff(session: Session, *, staff_id: int) -> StaffInfo:
    """One account.

    Raises:
        PermissionDeniedError: the actor may not manage accounts.
        NotFoundError: no such account.
    """
    authorize(session, ACCOUNTS)
    found = _select(session, "WHERE id = :id", {"id": staff_id})
    if not found:
        raise NotFoundError(f"There is no staff account {staff_id}.")
    return found[0]


def find_staff(session: Session, *, username: str) -> StaffInfo:
    """The account named ``username``.

    Raises:
        PermissionDeniedError: the actor may not manage accounts.
        NotFoundError: no such account.
    """
    authorize(session, ACCOUNTS)
    found = _select(session, "WHERE username = :u", {"u": normalise_username(username)})
    if not found:
        raise NotFoundError(f"There is no staff account {normalise_username(username)!r}.")
    return found[0]


def _select(session: Session, where: str, params: dict | None = None) -> list[StaffInfo]:
    with unit_of_work(session):
        rows = session.execute(
            text(
                "SELECT id, username, display_name, role, active, created_at, last_sign_in_at, login "
                f"FROM staff {where} ORDER BY NOT active, username"
            ),
            params or {},
        ).all()
    return [StaffInfo(*r) for r in rows]


def sign_in_names(session: Session) -> list[SignInName]:
    """Active accounts with a login, for the sign-in dialog's completer (any signed-in
    person, or the system principal, may read them)."""
    with unit_of_work(session):
        rows = session.execute(
            text(
                "SELECT username, display_name, role FROM staff WHERE active AND login IS NOT NULL "
                "ORDER BY display_name, username"
            )
        ).all()
    return [SignInName(*r) for r in rows]


def _update(
    session: Session,
    staff_id: int,
    *,
    display_name: str | None = None,
    role: str | None = None,
    active: bool | None = None,
) -> StaffInfo:
    with unit_of_work(session):
        session.execute(
            text("SELECT bo_staff_update(:id, :d, :r, :a)"), {"id": staff_id, "d": display_name, "r": role, "a": active}
        )
    return get_staff(session, staff_id=staff_id)


def set_role(session: Session, *, staff_id: int, role: str) -> StaffInfo:
    """Give the account ``role`` (its login moves to that group role at once).

    Raises:
        PermissionDeniedError: the actor may not manage accounts.
        InvalidInputError: an unknown role, or the last active admin would be demoted.
        NotFoundError: no such account.
    """
    authorize(session, ACCOUNTS)
    get_staff(session, staff_id=staff_id)
    return _update(session, staff_id, role=_check_role(role))


def set_display_name(session: Session, *, staff_id: int, display_name: str) -> StaffInfo:
    """Change how the account is shown.

    Raises:
        PermissionDeniedError, InvalidInputError, NotFoundError.
    """
    authorize(session, ACCOUNTS)
    get_staff(session, staff_id=staff_id)
    return _update(session, staff_id, display_name=_check_display_name(display_name))


def reset_password(session: Session, *, staff_id: int, password: str) -> StaffInfo:
    """Set a new password (``ALTER ROLE ... PASSWORD`` with a SCRAM verifier). An account
    from before migration 0009 gets its login here.

    Raises:
        PermissionDeniedError, InvalidInputError (password rules), NotFoundError.
    """
    authorize(session, ACCOUNTS)
    info = get_staff(session, staff_id=staff_id)
    with unit_of_work(session):
        verifier = scram_verifier(session, login=info.login or _login(session, info.username), password=password)
        session.execute(text("SELECT bo_staff_set_password(:id, :v)"), {"id": staff_id, "v": verifier})
    return get_staff(session, staff_id=staff_id)


def set_active(session: Session, *, staff_id: int, active: bool) -> StaffInfo:
    """Deactivate (``active=False``) or reactivate an account. Deactivating disables the
    login and ends the person's open sessions at once.

    Raises:
        PermissionDeniedError: the actor may not manage accounts, or deactivates themself.
        InvalidInputError: the last active admin would be deactivated.
        NotFoundError: no such account.
    """
    actor = authorize(session, ACCOUNTS)
    if not active and actor is not None and actor.staff_id == staff_id:
        raise PermissionDeniedError("You cannot deactivate your own account.", permission=ACCOUNTS, role=actor.role)
    get_staff(session, staff_id=staff_id)
    return _update(session, staff_id, active=active)


def actor_of_account(session: Session, *, username: str, till: str) -> Actor:
    """The Actor of ``username`` at ``till``, for trusted in-process code on a superuser
    connection (tools, benchmarks, tests), which then *plays* that login
    (``auth.act_as``); the database sees the person's own privileges.

    Raises:
        NotFoundError: no such account, or it has no login yet.
    """
    with unit_of_work(session):
        row = session.execute(
            text("SELECT id, username, display_name, role, login FROM staff WHERE username = :u"),
            {"u": normalise_username(username)},
        ).one_or_none()
    if row is None or row.login is None:
        raise NotFoundError(f"There is no staff account {username!r} with a login.")
    return Actor(row.id, row.username, row.display_name, row.role, till, row.login)
