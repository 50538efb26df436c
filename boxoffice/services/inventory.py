"""Holding and releasing seats through the database contract (``bo_hold``/``bo_release``).

The functions here are thin: the rules (conditional hold, all-or-nothing, lock order,
lazy expiry) live in PostgreSQL so that every channel gets them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import bindparam, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session
from sqlalchemy.types import Integer

from boxoffice.domain.errors import InvalidInputError
from boxoffice.domain.roles import SELL
from boxoffice.services.auth import authorize
from boxoffice.services.errors import unit_of_work

MAX_SEATS_PER_HOLD = 100  # bo_hold's limit (migration 0011)

_HOLD = text("SELECT bo_hold(:showtime, :seats, :token, :channel, :seconds)").bindparams(
    bindparam("seats", type_=ARRAY(Integer))
)
_HOLD_LATE = text("SELECT bo_hold_late(:late_sale, :showtime, :seats, :token, :channel, :seconds)").bindparams(
    bindparam("seats", type_=ARRAY(Integer))
)
_RELEASE = text("SELECT bo_release(:showtime, :seats, :token)").bindparams(bindparam("seats", type_=ARRAY(Integer)))


class SeatState(NamedTuple):
    """Live state of one seat: ``state`` is available/held/sold/blocked (expired holds
    already read as available); hold fields are set only for live holds, and
    ``hold_token`` only for holds of the signed-in login (``inventory_live.own_hold_token``,
    migration 0011: a token is its holder's secret)."""

    seat_id: int
    state: str
    hold_token: uuid.UUID | None
    hold_channel: str | None
    hold_expires_at: dt.datetime | None
    version: int


@dataclass(frozen=True)
class StateSnapshot:
    """Seat states changed after ``since_version`` (all when it is 0) and the highest
    version seen, to pass as ``since_version`` next time."""

    states: list[SeatState]
    version: int


def new_hold_token() -> uuid.UUID:
    """A fresh random token identifying one basket's holds."""
    return uuid.uuid4()


def _check_seats(seat_ids: list[int]) -> list[int]:
    ids = sorted({int(s) for s in seat_ids})
    if not ids:
        raise InvalidInputError("Choose at least one seat.")
    if len(ids) > MAX_SEATS_PER_HOLD:
        raise InvalidInputError(f"At most {MAX_SEATS_PER_HOLD} seats can be held at once.")
    return ids


def hold_seats(
    session: Session, *, showtime_id: int, seat_ids: list[int], token: uuid.UUID, channel: str, seconds: int
) -> dt.datetime:
    """Hold all of ``seat_ids`` for ``token`` for ``seconds``, or none of them.

    Holding seats the token already holds extends their expiry. Returns the expiry
    (aware datetime).

    Raises:
        SeatUnavailableError: some seat is held by another token, sold or blocked
            (``details['seat_ids']`` names them); nothing was held.
        NotOnSaleError: the showtime is off sale or cancelled.
        BusyError: another client kept the rows locked longer than ``lock_timeout``.
        InvalidInputError: no seats, too many seats, or a non-positive lifetime.
        PermissionDeniedError: the session's actor may not sell (e.g. a door account).
    """
    with unit_of_work(session):
        return hold_seats_in_transaction(
            session, showtime_id=showtime_id, seat_ids=seat_ids, token=token, channel=channel, seconds=seconds
        )


def hold_seats_in_transaction(
    session: Session,
    *,
    showtime_id: int,
    seat_ids: list[int],
    token: uuid.UUID,
    channel: str,
    seconds: int,
    late_sale: uuid.UUID | None = None,
) -> dt.datetime:
    """:func:`hold_seats` inside the caller's transaction (no commit; the caller's
    ``unit_of_work`` commits or rolls back). Same arguments, result and errors (database
    errors arrive untranslated until the caller's ``unit_of_work`` translates them).
    ``late_sale``: a manager's override for this showtime and seller after its sales closed
    (:mod:`boxoffice.services.late_sale`; ``bo_hold_late``), refused with
    :class:`~boxoffice.domain.errors.NotOnSaleError` when used, expired or not theirs."""
    authorize(session, SELL)
    ids = _check_seats(seat_ids)
    if seconds <= 0:
        raise InvalidInputError("A hold must last a positive number of seconds.")
    params = {"showtime": showtime_id, "seats": ids, "token": token, "channel": channel, "seconds": seconds}
    if late_sale is not None:
        return session.execute(_HOLD_LATE, {**params, "late_sale": late_sale}).scalar_one()
    return session.execute(_HOLD, params).scalar_one()


def release_seats(session: Session, *, showtime_id: int, token: uuid.UUID, seat_ids: list[int] | None = None) -> int:
    """Release ``token``'s live holds on ``seat_ids`` (``None``: all of them); returns how
    many were released. Releasing seats no longer held is not an error.

    Raises:
        PermissionDeniedError: the session's actor may not sell.
    """
    authorize(session, SELL)
    ids = None if seat_ids is None else sorted({int(s) for s in seat_ids})
    with unit_of_work(session):
        return session.execute(_RELEASE, {"showtime": showtime_id, "seats": ids, "token": token}).scalar_one()


def seat_states(
    session: Session, *, showtime_id: int, since_version: int = 0, taken_only: bool = False
) -> StateSnapshot:
    """Live seat states of ``showtime_id`` that changed after ``since_version``.

    Expired holds read as available (view ``inventory_live``). Note that a hold expiring
    does not change ``version``: a client that shows countdowns should expire holds
    itself at ``hold_expires_at`` or reload with ``since_version=0``.

    With ``taken_only`` (a whole load: ``since_version`` 0), seats that are available are
    left out, except the one carrying the highest version, so the snapshot's version is
    still the showtime's: a map that starts with every seat available needs no more (at
    a half-sold stadium this halves the rows; one statement, so states and version agree).
    """
    sql = (
        "SELECT seat_id, state, own_hold_token, hold_channel, hold_expires_at, version "
        "FROM inventory_live WHERE showtime_id = %(s)s AND version > %(v)s"
    )
    if taken_only:
        if since_version:
            raise ValueError("taken_only is for a whole load (since_version=0)")
        sql += (
            " AND (state <> 'available' OR version = "
            "(SELECT max(version) FROM inventory_live WHERE showtime_id = %(s)s))"
        )
    with unit_of_work(session):
        # the driver's own cursor: at 100,000 seats SQLAlchemy's row handling costs more than the query
        cursor = session.connection().connection.driver_connection.cursor(binary=True)  # type: ignore[union-attr]
        cursor.execute(sql, {"s": showtime_id, "v": since_version})
        states = list(map(SeatState._make, cursor.fetchall()))  # named tuples: fast, ignored by the cyclic GC
    top = max((s.version for s in states), default=since_version)
    return StateSnapshot(states, top)


@dataclass(frozen=True)
class TakenSeats:
    """A whole showtime's seat states, compact: the ids of ``sold`` and ``blocked`` seats,
    the live holds (``held``, as :class:`SeatState`), and the showtime's highest inventory
    ``version`` (0: no inventory). Every other seat is available."""

    sold: list[int]
    blocked: list[int]
    held: list[SeatState]
    version: int

    @property
    def states(self) -> list[SeatState]:
        """The taken seats as :class:`SeatState` rows (sold and blocked ones with version 0)."""
        return [
            *(SeatState(s, "sold", None, None, None, 0) for s in self.sold),
            *(SeatState(s, "blocked", None, None, None, 0) for s in self.blocked),
            *self.held,
        ]


_TAKEN = (
    "SELECT array_agg(seat_id) FILTER (WHERE state = 'sold'), array_agg(seat_id) FILTER (WHERE state = 'blocked'), "
    "array_agg(seat_id) FILTER (WHERE state = 'held'), array_agg(own_hold_token) FILTER (WHERE state = 'held'), "
    "array_agg(hold_channel) FILTER (WHERE state = 'held'), "
    "array_agg(hold_expires_at) FILTER (WHERE state = 'held'), array_agg(version) FILTER (WHERE state = 'held'), "
    "max(version) FROM inventory_live WHERE showtime_id = %(s)s"
)


def taken_seats(session: Session, *, showtime_id: int) -> TakenSeats:
    """The whole state of ``showtime_id`` as :class:`TakenSeats`: one statement, one row
    of arrays (at a half-sold stadium 50,000 rows would cost the client ~150 ms to make;
    the arrays a few ms). States and version come from the same statement, so they agree.
    Runs in the session's transaction (begun if none)."""
    cursor = session.connection().connection.driver_connection.cursor(binary=True)  # type: ignore[union-attr]
    cursor.execute(_TAKEN, {"s": showtime_id})
    row = cursor.fetchone()
    assert row is not None  # an aggregate always returns a row
    sold, blocked, held, tokens, channels, expiries, versions, top = row
    holds = (
        list(map(SeatState._make, zip(held, ["held"] * len(held), tokens, channels, expiries, versions, strict=True)))
        if held
        else []
    )
    return TakenSeats(sold or [], blocked or [], holds, top or 0)
