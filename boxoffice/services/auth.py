"""Who is acting, what they may do, and signing in.

PostgreSQL authenticates every person (docs/security.md): a staff member is a login role
and a till connects as the person signed in (:class:`boxoffice.services.till.TillSessions`
keeps one connection pool per person signed in during the shift). The database knows who
acts from ``session_user`` alone and checks every permission in its contract functions
(``bo_require``, migration 0009).

``session.info["actor"]`` still holds an :class:`~boxoffice.domain.roles.Actor` so that
:func:`authorize` can refuse with a clear message before a round trip. A session without
an actor is the *system principal*: trusted code whose login is the owner or a superuser
(migrations, demo data, ``boxoffice staff`` on the server, tests).

On a superuser connection (tests, tools), :func:`act_as` makes the session *play* a
person: each transaction starts with ``SET LOCAL SESSION AUTHORIZATION`` to the actor's
login, so the database sees exactly that person's privileges. A non-superuser connection
cannot do that (PostgreSQL refuses), so a till can never act as someone else.
"""

from __future__ import annotations

from sqlalchemy import event, text
from sqlalchemy.orm import Session

from boxoffice.domain.errors import PermissionDeniedError, SignInError
from boxoffice.domain.roles import PERMISSION_LABELS, ROLE_LABELS, Actor
from boxoffice.services.errors import unit_of_work


def actor_of(session: Session) -> Actor | None:
    """The session's actor, or ``None`` for the system principal."""
    return session.info.get("actor")


def act_as(session: Session, actor: Actor | None) -> Session:
    """Make ``actor`` (``None``: the system principal) the session's actor from its next
    transaction on; returns the session. Call it between transactions. On a connection
    that is not ``actor.login``'s own, each transaction plays that login (superusers only:
    see the module docstring)."""
    if actor is None:
        session.info.pop("actor", None)
    else:
        session.info["actor"] = actor
    return session


def authorize(session: Session, permission: str) -> Actor | None:
    """Raise unless the session's actor may ``permission`` (a
    :mod:`boxoffice.domain.roles` permission); returns the actor (``None``: system).

    Checks the role the actor signed in with, for a clear message; the database checks
    again in every contract function (``bo_require``) and is the authority.

    Raises:
        PermissionDeniedError: the actor's role lacks ``permission``.
    """
    actor = actor_of(session)
    if actor is None or actor.can(permission):
        return actor
    raise PermissionDeniedError(
        f"{actor.display_name} is signed in as {ROLE_LABELS.get(actor.role, actor.role).lower()} and may not "
        f"{PERMISSION_LABELS.get(permission, permission)}. Ask a manager.",
        permission=permission,
        role=actor.role,
    )


@event.listens_for(Session, "after_begin")
def _play_actor(session: Session, transaction, connection) -> None:
    """On a connection that is not the actor's own login (a superuser's, in tests and
    tools), play the actor for this transaction (``SET LOCAL SESSION AUTHORIZATION``)."""
    actor = session.info.get("actor")
    if actor is not None and actor.login and connection.engine.url.username != actor.login:
        connection.execute(text(f'SET LOCAL SESSION AUTHORIZATION "{_quoted(actor.login)}"'))
        if actor.till:  # where they act, as their own connection would say (application_name)
            connection.execute(text("SELECT set_config('application_name', :till, true)"), {"till": actor.till})


def _quoted(identifier: str) -> str:
    return identifier.replace('"', '""')


def normalise_username(username: str) -> str:
    """Sign-in names are compared in lower case, without surrounding spaces."""
    return (username or "").strip().lower()


def signed_in(
    session: Session, *, till: str, reason: str = "start", method: str = "password", permission: str | None = None
) -> Actor:
    """On a session connected as a staff member's own login: record the sign-in
    (``bo_signed_in``: audited, refuses a deactivated account) and return the
    :class:`Actor` at ``till``.

    Raises:
        AccountInactiveError: the account is deactivated.
        SignInError: the login is not a staff account here, or its role lacks ``permission``.
    """
    try:
        with unit_of_work(session):
            info = session.execute(
                text("SELECT bo_signed_in(:reason, :method)"), {"reason": reason, "method": method}
            ).scalar_one()
            login = session.execute(text("SELECT session_user")).scalar_one()
    except PermissionDeniedError:
        raise SignInError("This database login is not a staff account of this venue.") from None
    actor = Actor(info["staff_id"], info["username"], info["display_name"], info["role"], till, login)
    if permission is not None and not actor.can(permission):
        role = ROLE_LABELS.get(actor.role, actor.role)
        raise SignInError(f"{role} accounts cannot {PERMISSION_LABELS.get(permission, permission)} here.")
    return actor


def system_actor(name: str = "system", *, till: str = "") -> Actor:
    """A system principal for trusted in-process code that wants to be named in the
    audit log, e.g. ``system_actor("system:cli")``."""
    return Actor.system(name, till=till)
