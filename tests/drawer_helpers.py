"""Building blocks for drawer tests: a cashier's sale at a till, a shift opened for them."""

from __future__ import annotations

from boxoffice.services import drawer, inventory, sales
from boxoffice.services.auth import act_as


def sell_as(session, actor, house, seat_index: int, *, method: str = "cash", tendered: int | None = None):
    """``actor`` holds and sells seat ``seat_index`` of ``house`` (on ``session``, playing
    their login at their till); returns the SaleResult."""
    act_as(session, actor)
    try:
        token = inventory.new_hold_token()
        seat = house["seat_ids"][seat_index]
        channel = actor.till
        inventory.hold_seats(
            session, showtime_id=house["showtime_id"], seat_ids=[seat], token=token, channel=channel, seconds=120
        )
        return sales.sell(
            session,
            showtime_id=house["showtime_id"],
            seat_ids=[seat],
            token=token,
            channel=channel,
            method=method,
            tendered_minor=tendered,
            reference=None if method == "cash" else "AUTH1",
        )
    finally:
        act_as(session, None)


def open_shift_as(session, actor, float_minor: int = 10000) -> int:
    """Open ``actor``'s shift on their till with ``float_minor``; returns its id."""
    act_as(session, actor)
    try:
        return drawer.open_shift(session, actor.till, float_minor)
    finally:
        act_as(session, None)


def with_shift(session, actor, float_minor: int = 100_000):
    """``actor`` at a till of their own (``till:<login>``, as :func:`till_of` says) with an
    open shift there, so they can take and pay back cash (migration 0015_drawer)."""
    actor = actor.at(till_of(actor.login))
    open_shift_as(session, actor, float_minor)
    return actor


def till_of(login: str) -> str:
    """The till a test person works at in :func:`with_shift` (a connection's application_name)."""
    return f"till:{login}"
