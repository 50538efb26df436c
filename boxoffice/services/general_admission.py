"""General admission: areas with a capacity, held and sold by count (migration 0008).

The rules live in PostgreSQL (``bo_ga_hold`` / ``bo_ga_release`` / ``bo_ga_sell`` and the
trigger ``ticket_ga_capacity``); these functions are thin, like :mod:`inventory`'s.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from boxoffice.domain.errors import InvalidInputError
from boxoffice.domain.roles import SELL
from boxoffice.services.auth import authorize
from boxoffice.services.errors import unit_of_work

MAX_PLACES_PER_HOLD = 500

_HOLD = text("SELECT bo_ga_hold(:showtime, :area, :quantity, :token, :channel, :seconds)")
_HOLD_LATE = text("SELECT bo_ga_hold_late(:late_sale, :showtime, :area, :quantity, :token, :channel, :seconds)")
_RELEASE = text("SELECT bo_ga_release(:token, :showtime, :area)")
_AREAS = text(
    "SELECT v.ga_area_id, v.name, v.capacity, v.category_id, a.x, a.y, a.w, a.h, v.sold, v.held, v.available "
    "FROM ga_availability v JOIN ga_area a ON a.id = v.ga_area_id WHERE v.showtime_id = :showtime ORDER BY a.id"
)
_CREATE = text(
    "INSERT INTO ga_inventory (showtime_id, ga_area_id, capacity) "
    "SELECT :showtime, a.id, a.capacity FROM ga_area a WHERE a.plan_id = :plan ORDER BY a.id"
)


@dataclass(frozen=True)
class GaAreaState:
    """One general-admission area of a showtime: where it is drawn, its category, and
    its places (``available`` = capacity - sold - live holds of every basket)."""

    area_id: int
    name: str
    capacity: int
    category_id: int
    x: float
    y: float
    w: float
    h: float
    sold: int
    held: int
    available: int


def create_inventory(session: Session, *, showtime_id: int, plan_id: int) -> None:
    """Inside the caller's transaction: one ``ga_inventory`` row per area of ``plan_id``
    (its capacity) for a new showtime."""
    session.execute(_CREATE, {"showtime": showtime_id, "plan": plan_id})


def area_states(session: Session, *, showtime_id: int) -> list[GaAreaState]:
    """The general-admission areas of ``showtime_id`` with their live counts."""
    with unit_of_work(session):
        rows = session.execute(_AREAS, {"showtime": showtime_id}).all()
    return [GaAreaState(*r) for r in rows]


def hold_places(
    session: Session, *, showtime_id: int, area_id: int, quantity: int, token: uuid.UUID, channel: str, seconds: int
) -> dt.datetime:
    """Hold ``quantity`` places of an area for ``token`` (replacing its earlier quantity
    there, renewing the expiry), or nothing. Returns the expiry.

    Raises:
        SeatUnavailableError: not that many places left (``details['left']``).
        NotOnSaleError: the showtime is off sale or cancelled.
        InvalidInputError: a quantity below 1 or above 500, or a non-positive lifetime.
        PermissionDeniedError: the actor may not sell.
    """
    with unit_of_work(session):
        return hold_places_in_transaction(
            session,
            showtime_id=showtime_id,
            area_id=area_id,
            quantity=quantity,
            token=token,
            channel=channel,
            seconds=seconds,
        )


def hold_places_in_transaction(
    session: Session,
    *,
    showtime_id: int,
    area_id: int,
    quantity: int,
    token: uuid.UUID,
    channel: str,
    seconds: int,
    late_sale: uuid.UUID | None = None,
) -> dt.datetime:
    """:func:`hold_places` inside the caller's transaction (no commit; the caller's
    ``unit_of_work`` commits or rolls back and translates database errors). ``late_sale``:
    a manager's override after the sales closed (``bo_ga_hold_late``, migration 0033)."""
    authorize(session, SELL)
    if not isinstance(quantity, int) or not 1 <= quantity <= MAX_PLACES_PER_HOLD:
        raise InvalidInputError(f"Choose between 1 and {MAX_PLACES_PER_HOLD} places.")
    if seconds <= 0:
        raise InvalidInputError("A hold must last a positive number of seconds.")
    params = {
        "showtime": showtime_id,
        "area": area_id,
        "quantity": quantity,
        "token": token,
        "channel": channel,
        "seconds": seconds,
    }
    if late_sale is not None:
        return session.execute(_HOLD_LATE, {**params, "late_sale": late_sale}).scalar_one()
    return session.execute(_HOLD, params).scalar_one()


def release_places(session: Session, *, showtime_id: int, token: uuid.UUID, area_id: int | None = None) -> int:
    """Release ``token``'s places in ``area_id`` (``None``: every area of the showtime);
    returns how many places were released."""
    authorize(session, SELL)
    with unit_of_work(session):
        return session.execute(_RELEASE, {"token": token, "showtime": showtime_id, "area": area_id}).scalar_one()
