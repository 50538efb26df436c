"""Holding, releasing, lazy expiry and selling through the database contract."""

from __future__ import annotations

import uuid

import psycopg
import pytest
from sqlalchemy import text

from boxoffice.domain.errors import (
    HoldExpiredError,
    InvalidInputError,
    NotOnSaleError,
    PaymentError,
    SeatUnavailableError,
)
from boxoffice.services import inventory, sales
from tests.factories import make_small_house


def _db_state(session, showtime_id, seat_id):
    return session.execute(
        text("SELECT state, hold_token FROM inventory_live WHERE showtime_id=:s AND seat_id=:seat"),
        {"s": showtime_id, "seat": seat_id},
    ).one()


@pytest.fixture
def house(session):
    return make_small_house(session)


def test_hold_marks_seat_held_for_token(session, house):
    token = uuid.uuid4()
    seat = house["seat_ids"][0]
    expires = inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=[seat], token=token, channel="till-1", seconds=120
    )
    assert expires.tzinfo is not None
    state, held_by = _db_state(session, house["showtime_id"], seat)
    assert (state, held_by) == ("held", token)


def test_seat_held_by_other_token_is_refused(session, house):
    seat = house["seat_ids"][0]
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=[seat], token=uuid.uuid4(), channel="till-1", seconds=120
    )
    with pytest.raises(SeatUnavailableError) as info:
        inventory.hold_seats(
            session,
            showtime_id=house["showtime_id"],
            seat_ids=[seat],
            token=uuid.uuid4(),
            channel="till-2",
            seconds=120,
        )
    assert info.value.details["seat_ids"] == [seat]


def test_multi_seat_hold_is_all_or_nothing(session, house):
    s = house["seat_ids"]
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=[s[2]], token=uuid.uuid4(), channel="web", seconds=120
    )
    mine = uuid.uuid4()
    with pytest.raises(SeatUnavailableError) as info:
        inventory.hold_seats(
            session, showtime_id=house["showtime_id"], seat_ids=s[:5], token=mine, channel="till-1", seconds=120
        )
    assert info.value.details["seat_ids"] == [s[2]]
    held_by_me = session.execute(text("SELECT count(*) FROM inventory WHERE hold_token = :t"), {"t": mine}).scalar_one()
    assert held_by_me == 0


def test_release_frees_seats(session, house):
    token = uuid.uuid4()
    seats = house["seat_ids"][:3]
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=seats, token=token, channel="till-1", seconds=120
    )
    assert inventory.release_seats(session, showtime_id=house["showtime_id"], token=token, seat_ids=seats[:1]) == 1
    assert _db_state(session, house["showtime_id"], seats[0])[0] == "available"
    assert _db_state(session, house["showtime_id"], seats[1])[0] == "held"
    assert inventory.release_seats(session, showtime_id=house["showtime_id"], token=token) == 2
    assert inventory.release_seats(session, showtime_id=house["showtime_id"], token=token) == 0


def test_expired_hold_is_free_to_others_without_any_sweeper(session, house):
    seat = house["seat_ids"][0]
    first = uuid.uuid4()
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=[seat], token=first, channel="web", seconds=60
    )
    # Age the hold into the past, as time passing would; nothing tidies it.
    session.execute(
        text("UPDATE inventory SET hold_expires_at = now() - interval '1 second' WHERE hold_token=:t"), {"t": first}
    )
    session.commit()
    assert _db_state(session, house["showtime_id"], seat)[0] == "available"
    second = uuid.uuid4()
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=[seat], token=second, channel="till-1", seconds=60
    )
    assert _db_state(session, house["showtime_id"], seat) == ("held", second)
    # and the first basket can no longer sell it
    with pytest.raises(HoldExpiredError):
        sales.sell_cash(
            session,
            showtime_id=house["showtime_id"],
            seat_ids=[seat],
            token=first,
            channel="web",
            tendered_minor=100_00,
        )


def test_sell_converts_hold_and_writes_order_tickets_payment(session, house):
    token = uuid.uuid4()
    seats = house["seat_ids"][:2]  # row A: category A at 25.00
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=seats, token=token, channel="till-1", seconds=120
    )
    result = sales.sell_cash(
        session,
        showtime_id=house["showtime_id"],
        seat_ids=seats,
        token=token,
        channel="till-1",
        tendered_minor=60_00,
        expected_total_minor=50_00,
    )
    assert (result.total_minor, result.change_minor) == (50_00, 10_00)
    assert result.order_number.startswith("BO-")
    rows = session.execute(
        text(
            "SELECT t.seat_id, t.price_minor, i.state FROM ticket t JOIN inventory i "
            "ON i.showtime_id=t.showtime_id AND i.seat_id=t.seat_id WHERE t.order_id=:o ORDER BY t.seat_id"
        ),
        {"o": result.order_id},
    ).all()
    assert rows == [(seats[0], 25_00, "sold"), (seats[1], 25_00, "sold")]
    paid = session.execute(
        text("SELECT method, amount_minor, tendered_minor FROM payment WHERE order_id=:o"), {"o": result.order_id}
    ).one()
    assert tuple(paid) == ("cash", 50_00, 60_00)
    # a sold seat cannot be held again
    with pytest.raises(SeatUnavailableError):
        inventory.hold_seats(
            session,
            showtime_id=house["showtime_id"],
            seat_ids=[seats[0]],
            token=uuid.uuid4(),
            channel="till-2",
            seconds=60,
        )


def test_short_cash_is_refused_and_nothing_is_written(session, house):
    token = uuid.uuid4()
    seats = house["seat_ids"][:2]
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=seats, token=token, channel="till-1", seconds=120
    )
    with pytest.raises(PaymentError):
        sales.sell_cash(
            session,
            showtime_id=house["showtime_id"],
            seat_ids=seats,
            token=token,
            channel="till-1",
            tendered_minor=49_99,
        )
    assert session.execute(text("SELECT count(*) FROM orders")).scalar_one() == 0
    assert _db_state(session, house["showtime_id"], seats[0]) == ("held", token)


def test_sell_without_hold_is_refused(session, house):
    with pytest.raises(HoldExpiredError):
        sales.sell_cash(
            session,
            showtime_id=house["showtime_id"],
            seat_ids=house["seat_ids"][:1],
            token=uuid.uuid4(),
            channel="till-1",
            tendered_minor=100_00,
        )
    assert session.execute(text("SELECT count(*) FROM ticket")).scalar_one() == 0


def test_bad_input_is_refused(session, house):
    with pytest.raises(InvalidInputError):
        inventory.hold_seats(
            session, showtime_id=house["showtime_id"], seat_ids=[], token=uuid.uuid4(), channel="t", seconds=60
        )
    with pytest.raises(InvalidInputError):
        inventory.hold_seats(
            session,
            showtime_id=house["showtime_id"],
            seat_ids=[house["seat_ids"][0]],
            token=uuid.uuid4(),
            channel="t",
            seconds=0,
        )
    with pytest.raises(InvalidInputError):
        sales.sell_cash(
            session,
            showtime_id=house["showtime_id"],
            seat_ids=house["seat_ids"][:1],
            token=uuid.uuid4(),
            channel="t",
            tendered_minor=-5,
        )


def test_off_sale_showtime_cannot_be_held(session, house):
    session.execute(text("UPDATE showtime SET status='cancelled' WHERE id=:s"), {"s": house["showtime_id"]})
    session.commit()
    with pytest.raises(NotOnSaleError):
        inventory.hold_seats(
            session,
            showtime_id=house["showtime_id"],
            seat_ids=house["seat_ids"][:1],
            token=uuid.uuid4(),
            channel="t",
            seconds=60,
        )


def test_constraint_refuses_second_live_ticket_when_service_is_bypassed(session, house, plain_db_url):
    token = uuid.uuid4()
    seat = house["seat_ids"][0]
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=[seat], token=token, channel="till-1", seconds=60
    )
    sale = sales.sell_cash(
        session, showtime_id=house["showtime_id"], seat_ids=[seat], token=token, channel="till-1", tendered_minor=25_00
    )
    with psycopg.connect(plain_db_url) as raw:
        order_id = raw.execute(
            "INSERT INTO orders (channel, currency, total_minor) VALUES ('rogue','EUR',0) RETURNING id"
        ).fetchone()[0]
        with pytest.raises(psycopg.errors.UniqueViolation, match="ticket_one_live_per_seat"):
            raw.execute(
                "INSERT INTO ticket (order_id, showtime_id, seat_id, category_id, price_minor) "
                "VALUES (%s, %s, %s, %s, 0)",
                (order_id, house["showtime_id"], seat, house["category_ids"]["A"]),
            )
        raw.rollback()
        # and a ticket for a seat that is not sold at all is refused by the trigger
        order_id = raw.execute(
            "INSERT INTO orders (channel, currency, total_minor) VALUES ('rogue','EUR',0) RETURNING id"
        ).fetchone()[0]
        with pytest.raises(psycopg.DatabaseError) as info:
            raw.execute(
                "INSERT INTO ticket (order_id, showtime_id, seat_id, category_id, price_minor) "
                "VALUES (%s, %s, %s, %s, 0)",
                (order_id, house["showtime_id"], house["seat_ids"][1], house["category_ids"]["A"]),
            )
        assert info.value.sqlstate == "BO004"
    live = session.execute(
        text("SELECT count(*) FROM ticket WHERE seat_id=:s AND status='valid'"), {"s": seat}
    ).scalar_one()
    assert live == 1 and sale.ticket_ids


def test_state_snapshot_since_version(session, house):
    first = inventory.seat_states(session, showtime_id=house["showtime_id"])
    assert len(first.states) == len(house["seat_ids"])
    inventory.hold_seats(
        session,
        showtime_id=house["showtime_id"],
        seat_ids=house["seat_ids"][:2],
        token=uuid.uuid4(),
        channel="web",
        seconds=60,
    )
    changed = inventory.seat_states(session, showtime_id=house["showtime_id"], since_version=first.version)
    assert sorted(s.seat_id for s in changed.states) == house["seat_ids"][:2]
    assert {s.state for s in changed.states} == {"held"} and changed.version > first.version


def test_a_whole_load_of_taken_seats_leaves_out_available_ones_but_keeps_the_version(session):
    """``taken_only``: the sell screen's first load gets the seats that are not available
    and the showtime's highest version, even when that version is an available seat's."""
    house = make_small_house(session)
    showtime, seats = house["showtime_id"], house["seat_ids"]
    token = uuid.uuid4()
    inventory.hold_seats(session, showtime_id=showtime, seat_ids=seats[:3], token=token, channel="t", seconds=60)
    inventory.release_seats(session, showtime_id=showtime, seat_ids=[seats[2]], token=token)
    whole = inventory.seat_states(session, showtime_id=showtime)
    taken = inventory.seat_states(session, showtime_id=showtime, taken_only=True)
    assert taken.version == whole.version  # the release of seats[2] is the newest change
    assert {s.seat_id for s in taken.states} == {seats[0], seats[1], seats[2]}
    assert {s.seat_id for s in whole.states if s.state != "available"} == {seats[0], seats[1]}
    with pytest.raises(ValueError):
        inventory.seat_states(session, showtime_id=showtime, since_version=1, taken_only=True)
