"""Online holds within the channel's abuse limits (``bo_web_hold``, migration 0019).

An anonymous buyer is known by the address it connects from and, when the venue's shop
sends one, a client id. The database counts, under a lock per client and per address,
how many holds each made in the last minute and how many seats and places each holds
(its pending bookings included), so concurrent requests cannot pass a limit together;
this module passes the buyer and the limits in and translates refusals.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import bindparam, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session
from sqlalchemy.types import Integer

from boxoffice.services.errors import unit_of_work
from boxoffice.services.inventory import _check_seats

MAX_HOLD_SECONDS = 3600  # bo_web_hold's and bo_hold_limit's ceiling for the web (migration 0019)

_LIMITS = (
    "CAST(ROW(:seats_per_hold, :held_per_client, :held_per_ip, :per_minute_client, :per_minute_ip) AS bo_web_limits)"
)
_HOLD = text(f"SELECT bo_web_hold(:showtime, :seats, :token, :seconds, :client, :ip, {_LIMITS})").bindparams(
    bindparam("seats", type_=ARRAY(Integer))
)
_GA_HOLD = text(f"SELECT bo_web_ga_hold(:showtime, :area, :quantity, :token, :seconds, :client, :ip, {_LIMITS})")
_FORGET = text("SELECT bo_web_forget()")
# The same calls for one round trip in autocommit (psycopg's own parameters).
_DRIVER_LIMITS = (
    "CAST(ROW(%(seats_per_hold)s, %(held_per_client)s, %(held_per_ip)s, %(per_minute_client)s, %(per_minute_ip)s)"
    " AS bo_web_limits)"
)
_DRIVER_HOLD = (
    "SELECT bo_web_hold(%(showtime)s, %(seats)s::integer[], %(token)s, %(seconds)s, %(client)s, %(ip)s, "
    f"{_DRIVER_LIMITS})"
)
_DRIVER_GA_HOLD = (
    "SELECT bo_web_ga_hold(%(showtime)s, %(area)s, %(quantity)s, %(token)s, %(seconds)s, %(client)s, %(ip)s, "
    f"{_DRIVER_LIMITS})"
)


@dataclass(frozen=True)
class HoldLimits:
    """The online channel's abuse limits (each at least 1): seats and places in one
    hold; live held seats and places (pending bookings included) per client id and per
    IP address; holds a minute per client id and per IP address (bursts up to the
    rate, refilled continuously)."""

    seats_per_hold: int = 10
    held_per_client: int = 20
    held_per_ip: int = 100
    holds_per_minute_client: int = 30
    holds_per_minute_ip: int = 120

    def params(self) -> dict[str, int]:
        """The limits as the bind parameters of ``bo_web_limits``."""
        return {
            "seats_per_hold": self.seats_per_hold,
            "held_per_client": self.held_per_client,
            "held_per_ip": self.held_per_ip,
            "per_minute_client": self.holds_per_minute_client,
            "per_minute_ip": self.holds_per_minute_ip,
        }


@dataclass(frozen=True)
class Buyer:
    """Who is holding: ``ip`` the address the request came from (after a trusted
    proxy's ``X-Forwarded-For``), ``client`` the shop's client id or ``None``; each at
    most 64 characters."""

    ip: str
    client: str | None = None


def hold_seats_online(
    session: Session,
    *,
    showtime_id: int,
    seat_ids: list[int],
    token: uuid.UUID,
    seconds: int,
    buyer: Buyer,
    limits: HoldLimits,
) -> dt.datetime:
    """Hold all of ``seat_ids`` for ``token`` for ``seconds`` (1 to 3600) on the web
    channel, or none, within ``limits`` for ``buyer``. Returns the expiry (aware).

    Raises:
        TooManySeatsError, TooManyHoldsError, HeldSeatsLimitError: a limit (nothing held).
        SeatUnavailableError, NotOnSaleError, BusyError, InvalidInputError: as
            :func:`boxoffice.services.inventory.hold_seats`.
        PermissionDeniedError: the login is not the web channel's (or the system).
    """
    ids = _check_seats(seat_ids)
    params = {"showtime": showtime_id, "seats": ids, "token": token, "seconds": seconds}
    return _call(session, _HOLD, _DRIVER_HOLD, {**params, **_who(buyer), **limits.params()})


def hold_places_online(
    session: Session,
    *,
    showtime_id: int,
    area_id: int,
    quantity: int,
    token: uuid.UUID,
    seconds: int,
    buyer: Buyer,
    limits: HoldLimits,
) -> dt.datetime:
    """Hold ``quantity`` places of general-admission area ``area_id`` for ``token``
    (replacing the token's earlier count for the area) within ``limits`` for ``buyer``.
    Returns the expiry (aware).

    Raises:
        TooManySeatsError, TooManyHoldsError, HeldSeatsLimitError: a limit (nothing held).
        SeatUnavailableError: not enough places left (``details['left']``).
        NotOnSaleError, BusyError, InvalidInputError, PermissionDeniedError.
    """
    params = {"showtime": showtime_id, "area": area_id, "quantity": quantity, "token": token, "seconds": seconds}
    return _call(session, _GA_HOLD, _DRIVER_GA_HOLD, {**params, **_who(buyer), **limits.params()})


def forget_stale(session: Session) -> int:
    """Drop the limits' bookkeeping nobody needs any more (full buckets, holds two days
    old); returns how many rows went. The web server's tidy job calls it."""
    with unit_of_work(session):
        return session.execute(_FORGET).scalar_one()


def _call(session: Session, statement, driver_sql: str, params: dict):
    """One contract function call, committed. On a session with no transaction yet (a
    web request's) it runs in autocommit: one round trip instead of BEGIN, the call and
    COMMIT, and about a third less of the web server's CPU per hold; the function is one
    statement, so it is all or nothing all the same. Inside a transaction it runs in it
    (and commits it, as before)."""
    with unit_of_work(session):
        if session.in_transaction():
            return session.execute(statement, params).scalar_one()
        connection = session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
        return connection.exec_driver_sql(driver_sql, params).scalar_one()


def _who(buyer: Buyer) -> dict[str, str | None]:
    return {"client": buyer.client, "ip": buyer.ip[:64]}
