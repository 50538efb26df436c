"""Bookings, refunds and the tidy job through the services, checked in the database."""

from __future__ import annotations

import datetime as dt
import uuid

import psycopg
import pytest
from sqlalchemy import text

from boxoffice.domain import refund_policy, ticket_code
from boxoffice.domain.errors import (
    BookingExpiredError,
    BookingStateError,
    HoldExpiredError,
    InvalidInputError,
    RefundNotAllowedError,
    SeatUnavailableError,
)
from boxoffice.services import bookings, inventory, sales, tickets, tidy
from tests.factories import make_small_house

UTC = dt.UTC


def _state(session, showtime_id, seat_id):
    return session.execute(
        text("SELECT state FROM inventory_live WHERE showtime_id=:s AND seat_id=:seat"),
        {"s": showtime_id, "seat": seat_id},
    ).scalar_one()


def _lapse(session, booking_id):
    """Move a booking's expiry (and its seats' hold) into the past, as time would."""
    session.execute(
        text(
            "UPDATE booking SET created_at = now() - interval '2 hours', "
            "expires_at = now() - interval '1 second' WHERE id = :id"
        ),
        {"id": booking_id},
    )
    session.execute(
        text(
            "UPDATE inventory SET hold_expires_at = now() - interval '1 second' "
            "WHERE hold_token = (SELECT hold_token FROM booking WHERE id = :id)"
        ),
        {"id": booking_id},
    )
    session.commit()


@pytest.fixture
def house(session):
    return make_small_house(session)


def _book(session, house, seats, seconds=900):
    token = uuid.uuid4()
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=seats, token=token, channel="web", seconds=60
    )
    return token, bookings.create_booking(
        session, showtime_id=house["showtime_id"], hold_token=token, seconds=seconds, email="ann@example.org"
    )


def test_booking_takes_over_the_hold_with_its_own_expiry(session, house):
    seats = house["seat_ids"][:2] + house["seat_ids"][10:11]  # two of category A, one of B
    token, booking = _book(session, house, seats)
    assert booking.status == "pending"
    assert booking.total_minor == 2500 * 2 + 1500
    assert [s.seat_id for s in booking.seats] == sorted(seats)
    rows = session.execute(
        text(
            "SELECT i.hold_token = b.hold_token, i.hold_expires_at = b.expires_at FROM inventory i "
            "JOIN booking b ON b.id = :id WHERE i.showtime_id = :s AND i.seat_id = ANY(:seats)"
        ),
        {"id": booking.id, "s": house["showtime_id"], "seats": seats},
    ).all()
    assert rows == [(True, True)] * 3
    # the buyer's hold token no longer holds (or can release) the seats
    assert inventory.release_seats(session, showtime_id=house["showtime_id"], token=token) == 0
    assert all(_state(session, house["showtime_id"], s) == "held" for s in seats)


def test_booking_needs_a_live_hold_and_books_it_once(session, house):
    with pytest.raises(HoldExpiredError):
        bookings.create_booking(session, showtime_id=house["showtime_id"], hold_token=uuid.uuid4(), seconds=900)
    token, _ = _book(session, house, house["seat_ids"][:1])
    with pytest.raises(HoldExpiredError):  # the seats moved to the booking
        bookings.create_booking(session, showtime_id=house["showtime_id"], hold_token=token, seconds=900)
    assert session.execute(text("SELECT count(*) FROM booking")).scalar_one() == 1


def test_cancel_releases_seats_and_is_final(session, house):
    seats = house["seat_ids"][:2]
    _, booking = _book(session, house, seats)
    cancelled = bookings.cancel_booking(session, booking_id=booking.id)
    assert cancelled.status == "cancelled"
    assert [_state(session, house["showtime_id"], s) for s in seats] == ["available", "available"]
    with pytest.raises(BookingStateError):
        bookings.cancel_booking(session, booking_id=booking.id)
    with pytest.raises(BookingStateError):
        bookings.confirm_booking(session, booking_id=booking.id)


def test_confirm_sells_through_the_counter_path_with_signed_codes(session, house):
    seats = house["seat_ids"][:2]
    _, booking = _book(session, house, seats)
    confirmed = bookings.confirm_booking(session, booking_id=booking.id, method="card", reference="ref-1")
    assert confirmed.status == "confirmed" and confirmed.order_number.startswith("BO-")
    assert [_state(session, house["showtime_id"], s) for s in seats] == ["sold", "sold"]
    keys = tickets.venue_public_keys(session)
    claims = [ticket_code.decode(t.code, keys[house["venue_id"]]) for t in confirmed.tickets]
    assert sorted(c.ticket_id for c in claims) == sorted(t.ticket_id for t in confirmed.tickets)
    payment = session.execute(text("SELECT method, amount_minor, reference FROM payment")).one()
    assert tuple(payment) == ("card", 5000, "ref-1")


def test_lapsed_booking_frees_seats_at_once_and_cannot_be_confirmed(session, house):
    seats = house["seat_ids"][:2]
    _, booking = _book(session, house, seats)
    _lapse(session, booking.id)
    assert bookings.get_booking(session, booking_id=booking.id).status == "expired"
    assert [_state(session, house["showtime_id"], s) for s in seats] == ["available", "available"]
    with pytest.raises(BookingExpiredError):
        bookings.confirm_booking(session, booking_id=booking.id)
    other = uuid.uuid4()  # someone else can have the seats
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=seats, token=other, channel="till-1", seconds=60
    )


def test_database_refuses_illegal_booking_transitions(plain_db_url, session, house):
    _, booking = _book(session, house, house["seat_ids"][:1])
    bookings.cancel_booking(session, booking_id=booking.id)
    with psycopg.connect(plain_db_url) as conn, pytest.raises(psycopg.Error) as info:
        conn.execute("UPDATE booking SET status = 'pending' WHERE id = %s", (booking.id,))
    assert info.value.sqlstate == "BO005"


def test_refund_voids_tickets_frees_seats_and_follows_policy(session, house):
    seats = house["seat_ids"][:2]
    _, booking = _book(session, house, seats)  # the showtime starts in 24 h: half refund
    bookings.confirm_booking(session, booking_id=booking.id)
    result = bookings.refund_booking(session, booking_id=booking.id)
    assert (result.percent, result.amount_minor, result.tickets_voided) == (50, 2500, 2)
    assert result.booking.status == "refunded" and result.booking.refunded_minor == 2500
    assert result.booking.tickets == []
    statuses = session.execute(text("SELECT status, voided_at IS NOT NULL FROM ticket")).all()
    assert statuses == [("refunded", True)] * 2
    assert [_state(session, house["showtime_id"], s) for s in seats] == ["available", "available"]
    with pytest.raises(BookingStateError):
        bookings.refund_booking(session, booking_id=booking.id)
    # the seat sells again: a refunded ticket is not live for ticket_one_live_per_seat
    token = uuid.uuid4()
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=seats[:1], token=token, channel="till-1", seconds=60
    )
    sales.sell_cash(
        session,
        showtime_id=house["showtime_id"],
        seat_ids=seats[:1],
        token=token,
        channel="till-1",
        tendered_minor=2500,
    )
    live = session.execute(
        text("SELECT count(*) FROM ticket WHERE seat_id = :s AND status = 'valid'"), {"s": seats[0]}
    ).scalar_one()
    assert live == 1


def test_refund_refused_close_to_the_start_keeps_tickets(session):
    house = make_small_house(session, starts_at=dt.datetime.now(UTC) + dt.timedelta(hours=1))
    _, booking = _book(session, house, house["seat_ids"][:1])
    bookings.confirm_booking(session, booking_id=booking.id)
    with pytest.raises(RefundNotAllowedError):
        bookings.refund_booking(session, booking_id=booking.id)
    assert bookings.get_booking(session, booking_id=booking.id).status == "confirmed"
    assert _state(session, house["showtime_id"], house["seat_ids"][0]) == "sold"


def test_void_ticket_never_becomes_valid_again(plain_db_url, session, house):
    _, booking = _book(session, house, house["seat_ids"][:1])
    bookings.confirm_booking(session, booking_id=booking.id)
    bookings.refund_booking(session, booking_id=booking.id, now=dt.datetime.now(UTC) - dt.timedelta(days=5))
    with psycopg.connect(plain_db_url) as conn, pytest.raises(psycopg.Error) as info:
        conn.execute("UPDATE inventory SET state = 'sold'")  # even on a sold seat
        conn.execute("UPDATE ticket SET status = 'valid', voided_at = NULL")
    assert info.value.sqlstate == "BO008"


@pytest.mark.parametrize(
    ("hours", "cancelled", "expected"),
    [
        (72, False, (1001, 100)),
        (48, False, (1001, 100)),
        (47.9, False, (501, 50)),
        (2, False, (501, 50)),
        (1.9, False, None),
        (-1, False, None),
        (-1, True, (1001, 100)),
    ],
)
def test_refund_policy(hours, cancelled, expected):
    now = dt.datetime(2026, 1, 1, 12, tzinfo=UTC)
    starts = now + dt.timedelta(hours=hours)
    if expected is None:
        with pytest.raises(RefundNotAllowedError):
            refund_policy.decide_refund(total_minor=1001, starts_at=starts, now=now, showtime_cancelled=cancelled)
        return
    decision = refund_policy.decide_refund(total_minor=1001, starts_at=starts, now=now, showtime_cancelled=cancelled)
    assert (decision.amount_minor, decision.percent) == expected


def test_tidy_expires_bookings_releases_holds_and_notifies(plain_db_url, session, house):
    s = house["seat_ids"]
    _, lapsed = _book(session, house, s[:2])
    _, live = _book(session, house, s[2:3])
    stale = uuid.uuid4()
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=s[5:8], token=stale, channel="till-1", seconds=60
    )
    session.execute(
        text("UPDATE inventory SET hold_expires_at = now() - interval '1 second' WHERE hold_token = :t"), {"t": stale}
    )
    session.commit()
    _lapse(session, lapsed.id)
    with psycopg.connect(plain_db_url, autocommit=True) as listener:
        listener.execute("LISTEN bo_inventory")
        result = tidy.tidy(session)
        notes = list(listener.notifies(timeout=2, stop_after=1))
    assert (result.bookings_expired, result.holds_released) == (1, 5)
    assert [n.payload for n in notes] == [str(house["showtime_id"])]
    statuses = dict(session.execute(text("SELECT id, status FROM booking")).all())
    assert statuses == {lapsed.id: "expired", live.id: "pending"}
    raw = dict(
        session.execute(
            text("SELECT seat_id, state FROM inventory WHERE showtime_id=:s AND seat_id=ANY(:ids)"),
            {"s": house["showtime_id"], "ids": s[:8]},
        ).all()
    )
    assert [raw[i] for i in s[:8]] == [
        "available",
        "available",
        "held",
        "available",
        "available",
        "available",
        "available",
        "available",
    ]
    assert tidy.tidy(session) == tidy.TidyResult(0, 0)


def test_counter_sell_signature_unchanged_and_card_sale(session, house):
    token = uuid.uuid4()
    seats = house["seat_ids"][:1]
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=seats, token=token, channel="till-1", seconds=60
    )
    with pytest.raises(InvalidInputError):
        sales.sell(
            session, showtime_id=house["showtime_id"], seat_ids=seats, token=token, channel="till-1", method="cheque"
        )
    sale = sales.sell(
        session,
        showtime_id=house["showtime_id"],
        seat_ids=seats,
        token=token,
        channel="till-1",
        method="card",
        reference="auth-42",
    )
    assert (sale.method, sale.tendered_minor, sale.change_minor) == ("card", 2500, 0)
    with pytest.raises(SeatUnavailableError):
        inventory.hold_seats(
            session, showtime_id=house["showtime_id"], seat_ids=seats, token=uuid.uuid4(), channel="web", seconds=60
        )


def test_migration_0002_downgrades_and_upgrades_again(engine):
    from alembic import command

    from boxoffice.db.migrate import alembic_config

    cfg = alembic_config()
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
        conn.commit()
        gone = conn.execute(
            text("SELECT to_regclass('booking'), to_regprocedure('bo_book(integer,uuid,text,integer,text)')")
        ).one()
        assert tuple(gone) == (None, None)
        command.upgrade(cfg, "head")
        conn.commit()
        assert conn.execute(text("SELECT to_regclass('booking') IS NOT NULL")).scalar_one()


@pytest.mark.parametrize(
    ("hours", "cancelled", "expected"),
    [
        (72, False, (2500, 100)),
        (48, False, (2500, 100)),
        (47.9, False, (1250, 50)),
        (2, False, (1250, 50)),
        (1.9, False, None),
        (-1, False, None),
        (-1, True, (2500, 100)),
    ],
)
def test_the_database_applies_the_same_refund_policy(session, house, hours, cancelled, expected):
    """``bo_refund_booking`` (SQL, the database clock) and ``refund_policy`` (Python) agree."""
    _, booking = _book(session, house, house["seat_ids"][:1])
    bookings.confirm_booking(session, booking_id=booking.id)
    starts = session.execute(
        text("SELECT starts_at FROM showtime WHERE id = :s"), {"s": house["showtime_id"]}
    ).scalar_one()
    if cancelled:
        session.execute(
            text("UPDATE showtime SET status = 'cancelled', cancelled_at = now() WHERE id = :s"),
            {"s": house["showtime_id"]},
        )
        session.commit()
    at = starts - dt.timedelta(hours=hours)
    if expected is None:
        with pytest.raises(RefundNotAllowedError):
            bookings.refund_booking(session, booking_id=booking.id, now=at)
        return
    result = bookings.refund_booking(session, booking_id=booking.id, now=at)
    assert (result.amount_minor, result.percent) == expected
    python = refund_policy.decide_refund(total_minor=2500, starts_at=starts, now=at, showtime_cancelled=cancelled)
    assert (python.amount_minor, python.percent, python.rule) == (*expected, result.rule)
