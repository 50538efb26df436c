"""Who is acting, what they may do, and signing in.

The acting principal travels with the Session, not through every signature:
``session.info["actor"]`` holds an :class:`~boxoffice.domain.roles.Actor` (the UI's
``TaskRunner`` puts the signed-in staff member there for every task it runs).

* **With an actor**, :func:`authorize` checks the actor's role, and at the start of every
  transaction the session calls ``bo_act_as`` in the database, which refuses a
  deactivated account (``AccountInactiveError``) and makes the actor known to the
  database: audit rows written by triggers and by :func:`boxoffice.services.audit.record`
  name them, and a sale records them as ``orders.staff_id``.
* **Without an actor**, the session is the *system principal*: trusted in-process code
  such as the web channel (its buyers are not staff), the command line, the tidy job,
  demo data and tests. :func:`authorize` lets it through and the audit log records
  ``system``. The till app never runs a task without an actor (``TaskRunner`` with
  ``require_actor``), so the desktop cannot act as the system by accident.

Sign-in (:func:`sign_in`) checks an argon2 password or PIN hash, counts wrong PINs (five
in a row disable the PIN until the next password sign-in) and writes an audit row for
every attempt, successful or not, in its own transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import event, text
from sqlalchemy.orm import Session

from boxoffice.domain import passwords
from boxoffice.domain.errors import AccountInactiveError, InvalidInputError, PermissionDeniedError, SignInError
from boxoffice.domain.roles import PERMISSION_LABELS, ROLE_LABELS, Actor
from boxoffice.services.errors import unit_of_work

MAX_PIN_FAILURES = 5
SIGN_IN_METHODS = ("password", "pin", "either")

_ACT_AS = text("SELECT bo_act_as(:staff_id, :name, :role, :till)")
_AUDIT = text("SELECT bo_audit(:action, :target, CAST(:details AS jsonb))")


def actor_of(session: Session) -> Actor | None:
    """The session's actor, or ``None`` for the system principal."""
    return session.info.get("actor")


def act_as(session: Session, actor: Actor | None) -> Session:
    """Make ``actor`` (``None``: the system principal) the session's actor from its next
    transaction on; returns the session. Call it between transactions."""
    if actor is None:
        session.info.pop("actor", None)
    else:
        session.info["actor"] = actor
    return session


def authorize(session: Session, permission: str) -> Actor | None:
    """Raise unless the session's actor may ``permission`` (a
    :mod:`boxoffice.domain.roles` permission); returns the actor (``None``: system).

    Checks the role the actor signed in with; the database refuses a deactivated
    account at its next transaction anyway.

    Raises:
        PermissionDeniedError: the actor's role lacks ``permission``.
    """
    actor = actor_of(session)
    if actor is None or actor.can(permission):
        return actor
    raise PermissionDeniedError(
        f"{actor.display_name} is signed in as {ROLE_LABELS.get(actor.role, actor.role).lower()} and may not "
        f"{PERMISSION_LABELS.get(permission, permission)}. Ask a manager.",
        permission=permission, role=actor.role,
    )


@event.listens_for(Session, "after_begin")
def _announce_actor(session: Session, transaction, connection) -> None:
    """Tell the database who acts in the transaction that just began (``bo_act_as``)."""
    actor = session.info.get("actor")
    if actor is not None:
        connection.execute(_ACT_AS, {"staff_id": actor.staff_id, "name": actor.username, "role": actor.role,
                                     "till": actor.till})


@dataclass(frozen=True)
class _Account:
    id: int
    username: str
    display_name: str
    role: str
    password_hash: str
    pin_hash: str | None
    active: bool
    pin_failures: int


def normalise_username(username: str) -> str:
    """Sign-in names are compared in lower case, without surrounding spaces."""
    return (username or "").strip().lower()


def sign_in(session: Session, *, username: str, secret: str, till: str, method: str = "password",
            reason: str = "start", permission: str | None = None) -> Actor:
    """Check ``username``'s password or PIN and return the signed-in :class:`Actor` at
    ``till``. Every attempt is audited (``sign_in`` / ``sign_in_failed``), in its own
    transaction, which also counts wrong PINs.

    ``method``: ``"password"``, ``"pin"``, or ``"either"`` (a secret of 4-8 digits is
    tried as the PIN first, then as the password). ``reason`` is recorded
    (``start``, ``unlock``, ``switch``...). ``permission``: the account must have it to
    work here (e.g. ``"sell"`` at a till, ``"scan"`` at a door).

    Raises:
        SignInError: unknown name or wrong secret (one message for both), the PIN is
            locked after too many wrong tries, no PIN set, or the role lacks ``permission``.
        AccountInactiveError: the account is deactivated (said only after a right secret).
        InvalidInputError: ``method`` is unknown.
    """
    if method not in SIGN_IN_METHODS:
        raise InvalidInputError(f"Unknown sign-in method {method!r}.")
    name = normalise_username(username)
    failure: SignInError | None = None
    with unit_of_work(session):
        row = session.execute(
            text("SELECT id, username, display_name, role, password_hash, pin_hash, active, pin_failures "
                 "FROM staff WHERE username = :u FOR UPDATE"), {"u": name},
        ).one_or_none()
        account = _Account(*row) if row else None
        used, why = _check(account, secret, method)
        if account is None:
            session.execute(_ACT_AS, {"staff_id": None, "name": "anonymous", "role": "none", "till": till})
            _record(session, "sign_in_failed", "", {"method": method, "reason": reason, "why": why})
            failure = SignInError("Unknown name or wrong password.")
        else:
            if used == "pin" and why == "wrong_secret":
                session.execute(text("UPDATE staff SET pin_failures = pin_failures + 1 WHERE id = :id"),
                                {"id": account.id})
            if why is None and not account.active:
                why = "inactive"
            if why is None and permission is not None and not Actor(account.id, account.username,
                                                                   account.display_name, account.role).can(permission):
                why = "role"
            if why is None:
                _succeed(session, account, used, secret, till, reason)
            else:
                session.execute(_ACT_AS, {"staff_id": None, "name": account.username, "role": account.role,
                                          "till": till})
                _record(session, "sign_in_failed", f"staff {account.username}",
                        {"method": used or method, "reason": reason, "why": why})
                failure = _failure(why, used, account, permission)
    if failure is not None:
        raise failure
    return Actor(account.id, account.username, account.display_name, account.role, till)


def _check(account: _Account | None, secret: str, method: str) -> tuple[str | None, str | None]:
    """``(method used, why it failed or None)``; always spends one hash verification."""
    if account is None:
        passwords.burn_time(secret)
        return None, "unknown"
    try_pin = method == "pin" or (method == "either" and account.pin_hash and passwords.looks_like_pin(secret))
    if try_pin:
        if account.pin_hash is None:
            passwords.burn_time(secret)
            return "pin", "no_pin"
        if account.pin_failures >= MAX_PIN_FAILURES:
            passwords.burn_time(secret)
            return "pin", "pin_locked"
        if passwords.verify_secret(account.pin_hash, secret):
            return "pin", None
        if method == "pin":
            return "pin", "wrong_secret"
    if passwords.verify_secret(account.password_hash, secret):
        return "password", None
    return ("pin" if try_pin else "password"), "wrong_secret"


def _succeed(session: Session, account: _Account, used: str, secret: str, till: str, reason: str) -> None:
    session.execute(_ACT_AS, {"staff_id": account.id, "name": None, "role": None, "till": till})
    updates = ["last_sign_in_at = now()"]
    params: dict = {"id": account.id}
    if used == "password":
        updates.append("pin_failures = 0")  # a password sign-in unlocks a locked PIN
        if passwords.needs_rehash(account.password_hash):
            updates.append("password_hash = :h")
            params["h"] = passwords.hash_secret(secret)
    elif account.pin_failures:
        updates.append("pin_failures = 0")
    session.execute(text(f"UPDATE staff SET {', '.join(updates)} WHERE id = :id"), params)
    _record(session, "sign_in", f"staff {account.username}", {"method": used, "reason": reason})


def _failure(why: str, used: str | None, account: _Account, permission: str | None) -> SignInError:
    if why == "inactive":
        return AccountInactiveError(f"The account {account.username!r} is deactivated. Ask an admin.")
    if why == "pin_locked":
        return SignInError("Too many wrong PINs: sign in with your password to use your PIN again.")
    if why == "no_pin":
        return SignInError(f"{account.display_name} has no PIN yet; use the password.")
    if why == "role":
        role = ROLE_LABELS.get(account.role, account.role)
        return SignInError(f"{role} accounts cannot {PERMISSION_LABELS.get(permission, permission)} here.")
    if why == "wrong_secret" and used == "pin":
        return SignInError("Wrong PIN.")
    return SignInError("Unknown name or wrong password.")


def _record(session: Session, action: str, target: str, details: dict) -> None:
    session.execute(_AUDIT, {"action": action, "target": target, "details": json.dumps(details)})


def system_actor(name: str = "system", *, till: str = "") -> Actor:
    """A system principal for trusted in-process code that wants to be named in the
    audit log, e.g. ``system_actor("system:cli")``."""
    return Actor.system(name, till=till)
