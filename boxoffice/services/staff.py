"""Staff accounts: the first admin, adding accounts, roles, passwords, PINs, deactivation.

Every change except the first admin needs the ``accounts`` permission (admins), and each
is audited (``staff_change``) in its own transaction; secrets and hashes never reach the
log. Accounts are deactivated, never deleted: the audit log refers to them. The database
refuses to leave the house without an active admin (``BO012``).

Usernames are 1-40 characters of ``a-z 0-9 . _ -`` starting with a letter or digit,
compared in lower case; display names 1-100 characters.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from boxoffice.domain import passwords
from boxoffice.domain.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from boxoffice.domain.roles import ACCOUNTS, ROLES, Actor
from boxoffice.services import audit
from boxoffice.services.auth import authorize, normalise_username
from boxoffice.services.errors import unit_of_work

_USERNAME_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789._-")
_FIRST_ADMIN_LOCK = text("SELECT pg_advisory_xact_lock(hashtext('boxoffice.staff.first_admin'))")


@dataclass(frozen=True)
class StaffInfo:
    """An account as the staff screen shows it (no hashes). ``last_sign_in_at`` is aware
    or ``None``; ``pin_locked``: too many wrong PINs since the last password sign-in."""

    id: int
    username: str
    display_name: str
    role: str
    active: bool
    has_pin: bool
    pin_locked: bool
    created_at: dt.datetime
    last_sign_in_at: dt.datetime | None


@dataclass(frozen=True)
class SignInName:
    """An active account offered by the sign-in and lock dialogs."""

    username: str
    display_name: str
    role: str
    has_pin: bool


def check_username(username: str) -> str:
    """The normalised username.

    Raises:
        InvalidInputError: empty, too long, or with other characters than ``a-z 0-9 . _ -``.
    """
    name = normalise_username(username)
    if not name or len(name) > 40 or not set(name) <= _USERNAME_CHARS or not name[0].isalnum():
        raise InvalidInputError("A username has 1 to 40 letters, digits, dots, dashes or underscores, "
                                "starting with a letter or digit.")
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


def needs_first_admin(session: Session) -> bool:
    """Whether the house has no admin account yet (a first run: ask for one)."""
    with unit_of_work(session):
        return not session.execute(text("SELECT EXISTS (SELECT 1 FROM staff WHERE role = 'admin')")).scalar_one()


def create_first_admin(session: Session, *, username: str, display_name: str, password: str,
                       pin: str | None = None, till: str = "") -> Actor:
    """Create the house's first admin and return them signed in at ``till``. Allowed to
    anyone, but only while no admin account exists (two first runs at once: one wins).

    Raises:
        PermissionDeniedError: an admin account exists already.
        InvalidInputError: a bad username, display name, password or PIN.
    """
    name, shown = check_username(username), _check_display_name(display_name)
    password_hash, pin_hash = _new_secrets(password, pin)
    with unit_of_work(session):
        session.execute(_FIRST_ADMIN_LOCK)
        if session.execute(text("SELECT EXISTS (SELECT 1 FROM staff WHERE role = 'admin')")).scalar_one():
            raise PermissionDeniedError("An admin account exists already; ask an admin to add accounts.",
                                        permission=ACCOUNTS, role=None)
        staff_id = _insert(session, name, shown, "admin", password_hash, pin_hash)
        session.execute(text("UPDATE staff SET last_sign_in_at = now() WHERE id = :id"), {"id": staff_id})
        session.execute(text("SELECT bo_act_as(:id, NULL, NULL, :till)"), {"id": staff_id, "till": till})
        audit.record(session, action="staff_change", target=f"staff {name}",
                     details={"change": "create", "role": "admin", "pin": pin_hash is not None, "first_admin": True})
        audit.record(session, action="sign_in", target=f"staff {name}", details={"method": "password",
                                                                                 "reason": "first_run"})
    return Actor(staff_id, name, shown, "admin", till)


def _new_secrets(password: str, pin: str | None) -> tuple[str, str | None]:
    """Check a new account's password (and PIN, if any) against the rules, then hash
    them (argon2id, ~0.15 s each, outside any transaction). Raises InvalidInputError."""
    passwords.check_password_rules(password)
    if pin:
        passwords.check_pin_rules(pin)
    return passwords.hash_secret(password), (passwords.hash_secret(pin) if pin else None)


def _insert(session: Session, name: str, shown: str, role: str, password_hash: str, pin_hash: str | None) -> int:
    return session.execute(
        text("INSERT INTO staff (username, display_name, role, password_hash, pin_hash) "
             "VALUES (:u, :d, :r, :p, :n) RETURNING id"),
        {"u": name, "d": shown, "r": role, "p": password_hash, "n": pin_hash},
    ).scalar_one()


def create_staff(session: Session, *, username: str, display_name: str, role: str, password: str,
                 pin: str | None = None) -> StaffInfo:
    """Add an account.

    Raises:
        PermissionDeniedError: the actor may not manage accounts.
        InvalidInputError: a bad field, or the username is taken.
    """
    authorize(session, ACCOUNTS)
    name, shown, role = check_username(username), _check_display_name(display_name), _check_role(role)
    password_hash, pin_hash = _new_secrets(password, pin)
    with unit_of_work(session):
        staff_id = _insert(session, name, shown, role, password_hash, pin_hash)
        audit.record(session, action="staff_change", target=f"staff {name}",
                     details={"change": "create", "role": role, "display_name": shown, "pin": pin_hash is not None})
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


def _select(session: Session, where: str, params: dict | None = None) -> list[StaffInfo]:
    from boxoffice.services.auth import MAX_PIN_FAILURES

    with unit_of_work(session):
        rows = session.execute(text(
            "SELECT id, username, display_name, role, active, pin_hash IS NOT NULL, pin_failures >= :max, "
            f"created_at, last_sign_in_at FROM staff {where} ORDER BY NOT active, username"),
            {"max": MAX_PIN_FAILURES, **(params or {})}).all()
    return [StaffInfo(*r) for r in rows]


def sign_in_names(session: Session, *, with_pin: bool = False) -> list[SignInName]:
    """Active accounts for the sign-in and lock dialogs (``with_pin``: only those with a
    PIN). Needs no permission: a till shows whose turn it can be."""
    with unit_of_work(session):
        rows = session.execute(text(
            "SELECT username, display_name, role, pin_hash IS NOT NULL FROM staff WHERE active "
            + ("AND pin_hash IS NOT NULL " if with_pin else "") + "ORDER BY display_name, username")).all()
    return [SignInName(*r) for r in rows]


def _change(session: Session, staff_id: int, assignments: str, params: dict, details: dict) -> StaffInfo:
    """Apply ``assignments`` to the account and audit ``details``, as one transaction."""
    with unit_of_work(session):
        name = session.execute(text(f"UPDATE staff SET {assignments} WHERE id = :id RETURNING username"),
                               {"id": staff_id, **params}).scalar_one_or_none()
        if name is None:
            raise NotFoundError(f"There is no staff account {staff_id}.")
        audit.record(session, action="staff_change", target=f"staff {name}", details=details)
    return get_staff(session, staff_id=staff_id)


def set_role(session: Session, *, staff_id: int, role: str) -> StaffInfo:
    """Give the account ``role`` (from its next sign-in; open sessions keep theirs until then).

    Raises:
        PermissionDeniedError: the actor may not manage accounts.
        InvalidInputError: an unknown role, or the last active admin would be demoted.
        NotFoundError: no such account.
    """
    authorize(session, ACCOUNTS)
    role = _check_role(role)
    before = get_staff(session, staff_id=staff_id)
    return _change(session, staff_id, "role = :role", {"role": role},
                   {"change": "role", "from": before.role, "to": role})


def reset_password(session: Session, *, staff_id: int, password: str) -> StaffInfo:
    """Set a new password (and clear a PIN lock-out).

    Raises:
        PermissionDeniedError, InvalidInputError (password rules), NotFoundError.
    """
    authorize(session, ACCOUNTS)
    passwords.check_password_rules(password)
    return _change(session, staff_id, "password_hash = :h, pin_failures = 0",
                   {"h": passwords.hash_secret(password)}, {"change": "password"})


def set_pin(session: Session, *, staff_id: int, pin: str | None) -> StaffInfo:
    """Set a new PIN (``None``: remove it) and clear a PIN lock-out.

    Raises:
        PermissionDeniedError, InvalidInputError (4 to 8 digits), NotFoundError.
    """
    authorize(session, ACCOUNTS)
    if pin is not None:
        passwords.check_pin_rules(pin)
    return _change(session, staff_id, "pin_hash = :h, pin_failures = 0",
                   {"h": None if pin is None else passwords.hash_secret(pin)},
                   {"change": "pin" if pin is not None else "pin_removed"})


def set_active(session: Session, *, staff_id: int, active: bool) -> StaffInfo:
    """Deactivate (``active=False``) or reactivate an account. A deactivated account
    cannot sign in, and a session it has open is refused at its next transaction.

    Raises:
        PermissionDeniedError: the actor may not manage accounts, or deactivates themself.
        InvalidInputError: the last active admin would be deactivated.
        NotFoundError: no such account.
    """
    actor = authorize(session, ACCOUNTS)
    if not active and actor is not None and actor.staff_id == staff_id:
        raise PermissionDeniedError("You cannot deactivate your own account.", permission=ACCOUNTS, role=actor.role)
    return _change(session, staff_id, "active = :a", {"a": active},
                   {"change": "reactivate" if active else "deactivate"})


def actor_for(session: Session, *, username: str, till: str) -> Actor:
    """Sign ``username`` in without a password, for trusted in-process code (tools,
    benchmarks, tests): only the system principal or an admin may. Audited as a
    ``sign_in`` with method ``programmatic``.

    Raises:
        PermissionDeniedError: the session's actor is a staff member without ``accounts``.
        NotFoundError: no such account.
        AccountInactiveError: it is deactivated.
    """
    from boxoffice.domain.errors import AccountInactiveError

    authorize(session, ACCOUNTS)
    name = normalise_username(username)
    with unit_of_work(session):
        row = session.execute(text("SELECT id, display_name, role, active FROM staff WHERE username = :u"),
                              {"u": name}).one_or_none()
        if row is None:
            raise NotFoundError(f"There is no staff account {name!r}.")
        if not row.active:
            raise AccountInactiveError(f"The account {name!r} is deactivated.")
        session.execute(text("SELECT bo_act_as(:id, NULL, NULL, :till)"), {"id": row.id, "till": till})
        session.execute(text("UPDATE staff SET last_sign_in_at = now() WHERE id = :id"), {"id": row.id})
        audit.record(session, action="sign_in", target=f"staff {name}", details={"method": "programmatic"})
    return Actor(row.id, name, row.display_name, row.role, till)
