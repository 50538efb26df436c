"""Blocking seats of a showtime (house seats, technical kills, broken seats) and
releasing them back to sale, through the SQL functions ``bo_block`` / ``bo_unblock``
(migration 0005). Needs ``block``. The database audits both (``seat_block`` /
``seat_release``, with the seats and the reason) in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session
from sqlalchemy.types import Integer

from boxoffice.domain.errors import InvalidInputError, SeatUnavailableError
from boxoffice.domain.roles import BLOCK
from boxoffice.services.auth import authorize
from boxoffice.services.errors import unit_of_work

MAX_SEATS = 5000
REASONS = ("House seats", "Technical kill", "Broken seat", "Camera position", "Sightline")

_BLOCK = text("SELECT bo_block(:s, :seats, :reason)").bindparams(bindparam("seats", type_=ARRAY(Integer)))
_UNBLOCK = text("SELECT bo_unblock(:s, :seats)").bindparams(bindparam("seats", type_=ARRAY(Integer)))


@dataclass(frozen=True)
class BlockedSeat:
    """A blocked seat of a showtime: its label (``Stalls A-12``) and why."""

    seat_id: int
    label: str
    reason: str | None


def _ids(seat_ids: list[int]) -> list[int]:
    ids = sorted({int(s) for s in seat_ids})
    if not ids:
        raise InvalidInputError("Choose at least one seat.")
    if len(ids) > MAX_SEATS:
        raise InvalidInputError(f"At most {MAX_SEATS} seats at once.")
    return ids


def block_seats(session: Session, *, showtime_id: int, seat_ids: list[int], reason: str) -> int:
    """Block all of ``seat_ids`` with ``reason`` (up to 200 characters), or none; seats
    already blocked stay blocked (their reason is not changed). Returns how many seats
    are now blocked of those asked. Expired holds count as available.

    Raises:
        SeatUnavailableError: some seats are sold or held (``details['seat_ids']``); refund
            or release them first. Nothing was blocked.
        InvalidInputError: no seats, too many, or no reason.
        PermissionDeniedError: the actor may not block seats.
    """
    authorize(session, BLOCK)
    ids = _ids(seat_ids)
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInputError("Say why the seats are blocked (e.g. House seats).")
    if len(reason) > 200:
        raise InvalidInputError("Keep the reason under 200 characters.")
    try:
        with unit_of_work(session):
            return session.execute(_BLOCK, {"s": showtime_id, "seats": ids, "reason": reason}).scalar_one()
    except SeatUnavailableError as exc:
        bad = exc.details.get("seat_ids") or []
        raise SeatUnavailableError(
            (f"{len(bad)} of those seats are" if len(bad) != 1 else "One of those seats is")
            + " sold or held and cannot be blocked; refund or release them first.",
            seat_ids=bad,
        ) from None


def release_seats(session: Session, *, showtime_id: int, seat_ids: list[int]) -> int:
    """Release blocked seats among ``seat_ids`` back to sale; returns how many were
    blocked (seats not blocked are left alone).

    Raises:
        InvalidInputError: no seats or too many.
        PermissionDeniedError: the actor may not block seats.
    """
    authorize(session, BLOCK)
    ids = _ids(seat_ids)
    with unit_of_work(session):
        return session.execute(_UNBLOCK, {"s": showtime_id, "seats": ids}).scalar_one()


def blocked_seats(session: Session, *, showtime_id: int) -> list[BlockedSeat]:
    """The blocked seats of ``showtime_id`` in seat order. Read only."""
    rows = session.execute(
        text(
            "SELECT seat_id, bo_seat_label(seat_id), block_reason FROM inventory "
            "WHERE showtime_id = :s AND state = 'blocked' ORDER BY seat_id"
        ),
        {"s": showtime_id},
    ).all()
    session.rollback()
    return [BlockedSeat(*r) for r in rows]


#: The reason the database gives seats a plan marks not for sale when it schedules a
#: showtime (``bo_block_not_for_sale``, migrations 0013 and 0027_import_speed).
NOT_FOR_SALE = "Not for sale"
