"""Making a day of sales for the report tests: counter sales as a cashier's own login at
a till with an open shift (cash needs one, migration 0015_drawer), web sales through a
booking confirmed by the online channel, refunds."""

from __future__ import annotations

import uuid

from boxoffice.services import bookings, drawer, inventory, refunds, sales
from boxoffice.services.auth import act_as


def at_till(session, actor, till: str, *, shift: bool = True, float_minor: int = 20_000):
    """``actor`` working at ``till``, with (``shift``) a shift open there (opened with
    ``float_minor`` unless one is open already); returns the actor at that till. A person
    has one open shift at a time: card sales at a second till need none."""
    actor = actor.at(till)
    if not shift:
        return actor
    act_as(session, actor)
    try:
        if drawer.current_shift(session, till) is None:
            drawer.open_shift(session, till, float_minor)
    finally:
        act_as(session, None)
    return actor


def sell_counter(session, actor, showtime_id: int, seat_ids: list[int], *, method: str = "cash", till: str = "till:a"):
    """Hold and sell ``seat_ids`` as ``actor`` (their login) at ``till``; returns the SaleResult."""
    act_as(session, at_till(session, actor, till, shift=method == "cash"))
    try:
        token = uuid.uuid4()
        inventory.hold_seats(
            session, showtime_id=showtime_id, seat_ids=seat_ids, token=token, channel=till, seconds=120
        )
        return sales.sell(
            session,
            showtime_id=showtime_id,
            seat_ids=seat_ids,
            token=token,
            channel=till,
            method=method,
            tendered_minor=100_000 if method == "cash" else None,
            reference="AUTH42" if method == "card" else None,
        )
    finally:
        act_as(session, None)


def sell_web(session, showtime_id: int, seat_ids: list[int]):
    """Hold, book and confirm ``seat_ids`` as the online channel (paid ``online``)."""
    token = uuid.uuid4()
    inventory.hold_seats(session, showtime_id=showtime_id, seat_ids=seat_ids, token=token, channel="web", seconds=120)
    booking = bookings.create_booking(session, showtime_id=showtime_id, hold_token=token, seconds=600)
    return bookings.confirm_booking(session, booking_id=booking.id, reference="gw_test")


def refund_counter(session, actor, order_number: str, reason: str = "Changed plans", *, till: str = "till:a"):
    """Refund a whole order as ``actor`` at ``till`` (to the tender it was paid with)."""
    act_as(session, at_till(session, actor, till))
    try:
        return refunds.refund_order(session, order_number=order_number, reason=reason)
    finally:
        act_as(session, None)
