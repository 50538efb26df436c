"""A sale after a showtime's sales have closed, approved in place by a manager
(issue 13 item 6; migration ``0033_sale_override``).

A showtime goes off sale some minutes after its start (docs/venues.md); the database then
refuses a cashier's hold (BO003 ``closed``). A manager standing at the cashier's till types
their own name and password (or their PIN, when they signed in at this till this shift);
the till acts as them for one statement, ``bo_override_grant('late_sale', reason,
showtime, seller)``, which needs the ``override`` permission and returns a token bound to
that showtime and that cashier, valid :data:`VALID_MINUTES`. The cashier's holds pass it
(``inventory.hold_seats_in_transaction(..., late_sale=token)`` and the other hold paths:
``bo_hold_late`` / ``bo_ga_hold_late``); the sale that follows uses it up (a trigger on
``orders``), and the grant and the use are in the audit log (``override.grant``,
``override.use``). The cashier's own login can neither make nor read a token.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import text
from sqlalchemy.orm import Session

from boxoffice.domain.errors import InvalidInputError, SignInError
from boxoffice.services.errors import unit_of_work
from boxoffice.services.tenders import as_manager

VALID_MINUTES = 10
"""How long a late-sale approval lets the cashier hold seats (the database's figure)."""

DEFAULT_REASON = "Late sale"
MAX_REASON = 200

_GRANT = text("SELECT bo_override_grant('late_sale', :reason, :showtime, :seller)")


def closed_for_sale(off_sale_at: dt.datetime | None, status: str, now: dt.datetime | None = None) -> bool:
    """Whether a showtime's sales have closed by time (on sale, past ``off_sale_at``):
    the case a manager's late-sale override opens again. Paused or cancelled showtimes are
    not (nobody sells them)."""
    now = now or dt.datetime.now(dt.UTC)
    return status == "on_sale" and off_sale_at is not None and now >= off_sale_at


def seller_of(actor) -> int:
    """The staff id of ``actor`` (the person signed in at the till), for whom a late sale is approved.

    Raises:
        SignInError: nobody (or the system principal) is signed in.
    """
    if actor is None or actor.staff_id is None:
        raise SignInError("Nobody is signed in at this till.")
    return int(actor.staff_id)


def grant_late_sale(manager_session: Session, *, showtime_id: int, seller_staff_id: int, reason: str = "") -> uuid.UUID:
    """On a session connected as a manager (permission ``override``): allow ``seller_staff_id``
    to sell ``showtime_id`` after its sales closed, for ``reason`` (empty: "Late sale").
    Returns the token (valid :data:`VALID_MINUTES`, used up by the seller's next sale of
    that showtime). Audited (``override.grant``) in the same transaction.

    Raises:
        PermissionDeniedError: the session's login may not override.
        NotOnSaleError: the showtime is paused, cancelled or unknown (BO178).
        InvalidInputError: the seller may not sell (BO177), or the reason is too long.
    """
    reason = reason.strip()
    if len(reason) > MAX_REASON:
        raise InvalidInputError(f"A reason has at most {MAX_REASON} characters.")
    with unit_of_work(manager_session):
        return manager_session.execute(
            _GRANT, {"reason": reason or DEFAULT_REASON, "showtime": showtime_id, "seller": seller_staff_id}
        ).scalar_one()


def late_sale_with_password(
    url: str, *, username: str, password: str, till: str, showtime_id: int, seller_staff_id: int, reason: str = ""
) -> uuid.UUID:
    """At a cashier's till: get a late-sale token (:func:`grant_late_sale`) on manager
    ``username``'s own login (:func:`~boxoffice.services.tenders.as_manager`): nothing of
    the manager stays on the till.

    Raises:
        SignInError: unknown name or wrong password.
        PermissionDeniedError, NotOnSaleError, InvalidInputError: as :func:`grant_late_sale`.
        DatabaseUnavailableError: the server cannot be reached.
    """
    return as_manager(
        url,
        username=username,
        password=password,
        till=till,
        action=lambda s: grant_late_sale(s, showtime_id=showtime_id, seller_staff_id=seller_staff_id, reason=reason),
    )


def late_sale_at_till(
    sessions, *, username: str, secret: str, till: str, showtime_id: int, seller_staff_id: int, reason: str = ""
) -> uuid.UUID:
    """:func:`late_sale_with_password` at a till with its :class:`~boxoffice.services.till.TillSessions`:
    a manager who signed in here this shift may type their PIN instead of their password
    (their own connection pool is used); anything else is tried as their password.

    Raises:
        SignInError: a wrong PIN or password; and as :func:`late_sale_with_password`.
    """
    factory = sessions.factory_by_pin(username, secret, reason="override")
    if factory is None:
        return late_sale_with_password(
            sessions.url,
            username=username,
            password=secret,
            till=till,
            showtime_id=showtime_id,
            seller_staff_id=seller_staff_id,
            reason=reason,
        )
    with factory() as session:
        return grant_late_sale(session, showtime_id=showtime_id, seller_staff_id=seller_staff_id, reason=reason)
