"""The hold limits' maintained bound (migration 0028): every web hold token's row in
``web_hold_owner`` keeps an upper bound of what the token holds; the limit check sums the
key's rows and counts exactly only near the limit. Checked against the exact count after
every step of a buyer's life, raced by one client's concurrent holds (with a control
that reads the bound without the key's lock), and from a hostile till."""

from __future__ import annotations

import uuid

import psycopg
import pytest
from sqlalchemy import text

from tests.factories import make_actor, make_small_house
from tests.test_web_limits import RACERS, WEB_HOLD, _held, _plain, _race, _web_login

BOOK = "SELECT bo_book(%s, %s, 'web', 900, NULL)"
BOUND = text("SELECT bo_web_bound(:k, :client, '00000000-0000-0000-0000-000000000000')")
EXACT = text("SELECT bo_web_recount(:k, '00000000-0000-0000-0000-000000000000')")


@pytest.fixture
def house(session):
    return make_small_house(session, rows=4, seats_per_row=25)


def _counts(session, key: str, client: bool) -> tuple[int, int]:
    """(bound, exact) of ``key`` as the database sees it now."""
    session.rollback()
    bound = session.execute(BOUND, {"k": key, "client": client}).scalar_one()
    exact = session.execute(EXACT, {"k": key}).scalar_one()
    return bound, exact


def test_the_bound_follows_a_buyer_through_hold_booking_payment_and_release(session, db_url, house):
    st, seats = house["showtime_id"], house["seat_ids"]
    web = _web_login(session, db_url)
    who = ("shopper-1", "198.51.100.20", 10, 100, 100, 100, 100)
    ck, ik = "client:shopper-1", "ip:198.51.100.20"

    def both() -> tuple[tuple[int, int], tuple[int, int]]:
        return _counts(session, ck, True), _counts(session, ik, False)

    with psycopg.connect(web, autocommit=True) as conn:
        first, second = uuid.uuid4(), uuid.uuid4()
        conn.execute(WEB_HOLD, (st, seats[0:3], first, 60, *who))
        assert both() == ((3, 3), (3, 3))
        conn.execute(WEB_HOLD, (st, seats[3:5], first, 60, *who))  # the same token grows
        conn.execute(WEB_HOLD, (st, seats[10:12], second, 60, *who))
        assert both() == ((7, 7), (7, 7))
        booking = conn.execute(BOOK, (st, first)).fetchone()[0]  # its 5 seats move to the booking
        assert both() == ((7, 7), (7, 7))
        rows = dict(
            session.execute(text("SELECT token, seats FROM web_hold_owner WHERE client_key = :k"), {"k": ck}).all()
        )
        assert sorted(rows.values()) == [0, 2, 5] and rows[first] == 0
        conn.execute("SELECT bo_end_booking(%s, 'cancelled')", (booking,))  # ended: counts nothing
        assert both() == ((2, 2), (2, 2))
    # a release is not recorded: the bound stays above the exact count until the hold
    # would have lapsed, and a hold near the limit counts exactly
    session.execute(text("SELECT bo_release(:s, NULL, :t)"), {"s": st, "t": second})
    session.commit()
    assert both() == ((2, 0), (2, 0))
    tight = ("shopper-1", "198.51.100.20", 10, 3, 100, 100, 100)  # 3 per client
    with psycopg.connect(web, autocommit=True) as conn:
        conn.execute(WEB_HOLD, (st, seats[20:23], uuid.uuid4(), 60, *tight))  # 2 + 3 > 3 by the bound, 0 + 3 exactly
        with pytest.raises(psycopg.Error) as refused:
            conn.execute(WEB_HOLD, (st, seats[23:24], uuid.uuid4(), 60, *tight))
    assert refused.value.sqlstate == "BO112" and refused.value.diag.message_detail == "client,3,0"
    assert _held(session, st) == 3


def test_a_paid_booking_stops_counting(session, db_url, house):
    """Confirmed through the payment path (bo_confirm_booking): its row counts nothing."""
    from boxoffice.services import bookings

    st, seats = house["showtime_id"], house["seat_ids"]
    web = _web_login(session, db_url)
    token = uuid.uuid4()
    with psycopg.connect(web, autocommit=True) as conn:
        conn.execute(WEB_HOLD, (st, seats[0:2], token, 60, "payer", "198.51.100.21", 10, 100, 100, 100, 100))
        booking = conn.execute(BOOK, (st, token)).fetchone()[0]
    assert _counts(session, "client:payer", True) == (2, 2)
    session.execute(text("SELECT bo_confirm_booking(:b, 'card', 'ref-1')"), {"b": booking})
    session.commit()
    assert bookings.get_booking(session, booking_id=booking).status == "confirmed"
    assert _counts(session, "client:payer", True) == (0, 0)


def test_racing_holds_of_one_client_with_a_booking_in_flight_cannot_pass_its_limit(session, db_url, house):
    """One client id from twelve addresses at once (2 seats each, limit 8 per client),
    with 2 seats already booked and a 13th connection booking another 2-seat hold in the
    middle of the race: the client never holds more than 8, by the database's count."""
    st, seats = house["showtime_id"], house["seat_ids"]
    web = _web_login(session, db_url)
    limits = (10, 8, 100, 100, 100)
    with psycopg.connect(web, autocommit=True) as conn:
        booked, pending = uuid.uuid4(), uuid.uuid4()
        conn.execute(WEB_HOLD, (st, seats[90:92], booked, 60, "racer", "203.0.113.50", *limits))
        conn.execute(BOOK, (st, booked))
        conn.execute(WEB_HOLD, (st, seats[92:94], pending, 60, "racer", "203.0.113.50", *limits))

    def attempt(conn, i):
        if i == 0:  # books the pending hold while the others hold
            return conn.execute(BOOK, (st, pending)).fetchone()[0]
        pair = seats[2 * i : 2 * i + 2]
        row = conn.execute(WEB_HOLD, (st, pair, uuid.uuid4(), 60, "racer", f"203.0.113.{i}", *limits))
        conn.execute("SELECT pg_sleep(0.1)")  # keep the transaction open: a racer could slip in now
        return row.fetchone()[0]

    results = _race(web, attempt)
    refused = [r for r in results[1:] if isinstance(r, psycopg.Error)]
    assert not isinstance(results[0], psycopg.Error)
    assert {r.sqlstate for r in refused} == {"BO112"} and len(refused) == RACERS - 1 - 2
    session.rollback()
    held = session.execute(text("SELECT bo_web_recount('client:racer', gen_random_uuid())")).scalar_one()
    assert held == 8 and _held(session, st) == 8
    assert _counts(session, "client:racer", True) == (8, 8)


def test_control_reading_the_bound_without_the_lock_passes_the_limit(session, db_url, house):
    """Negative control: the same race, checked by reading the client's bound first
    (no lock; the holds' own limits lifted) and holding after a pause, holds more than
    the limit of 6: the race the key's lock closes is real."""
    st, seats = house["showtime_id"], house["seat_ids"]

    def attempt(conn, i):
        bound = conn.execute(
            "SELECT bo_web_bound('client:naive', true, '00000000-0000-0000-0000-000000000000')"
        ).fetchone()[0]
        conn.execute("SELECT pg_sleep(0.1)")
        if bound + 2 > 6:
            return None
        pair = seats[2 * i : 2 * i + 2]
        return conn.execute(
            WEB_HOLD, (st, pair, uuid.uuid4(), 60, "naive", f"203.0.113.{i}", 10, 1000, 1000, 1000, 1000)
        ).fetchone()[0]

    _race(_plain(db_url), attempt)
    assert _held(session, st) > 6


def test_a_hostile_till_or_web_login_cannot_touch_the_counts(session, db_url, house):
    """A cashier and the web login can neither write the bound nor call the internal
    functions that record or read it."""
    cashier = make_actor(session, role="cashier", password="pw-for-tests")
    web = _web_login(session, db_url)
    st, seats = house["showtime_id"], house["seat_ids"]
    token = uuid.uuid4()
    with psycopg.connect(web, autocommit=True) as conn:
        conn.execute(WEB_HOLD, (st, seats[0:2], token, 60, "victim", "198.51.100.30", 10, 100, 100, 100, 100))
    statements = [
        ("UPDATE web_hold_owner SET seats = 0", ()),
        ("DELETE FROM web_hold_owner", ()),
        (
            "INSERT INTO web_hold_owner (token, ip_key, seen_at, seats, live_until) "
            "VALUES (gen_random_uuid(), 'ip:x', now(), 0, now())",
            (),
        ),
        ("SELECT seats FROM web_hold_owner", ()),
        ("SELECT bo_web_record(%s, 0, 'victim', '198.51.100.30', now())", (token,)),
        ("SELECT bo_web_bound('client:victim', true, gen_random_uuid())", ()),
        ("SELECT bo_web_recount('client:victim', gen_random_uuid())", ()),
        ("SELECT * FROM bo_web_token_live(%s)", (token,)),
        ("SELECT bo_web_within('client:victim', true, gen_random_uuid(), 1, 1000, 'x')", ()),
    ]
    for sql, args in statements:
        for login in (web, _plain(db_url, cashier.login)):
            with psycopg.connect(login) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql, args)
    assert _counts(session, "client:victim", True) == (2, 2)


def test_the_tidy_forgets_rows_that_count_nothing(session, db_url, house):
    st, seats = house["showtime_id"], house["seat_ids"]
    web = _web_login(session, db_url)
    with psycopg.connect(web, autocommit=True) as conn:
        conn.execute(WEB_HOLD, (st, seats[0:1], uuid.uuid4(), 60, None, "198.51.100.40", 10, 100, 100, 100, 100))
        conn.execute(WEB_HOLD, (st, seats[1:2], uuid.uuid4(), 60, None, "198.51.100.40", 10, 100, 100, 100, 100))
    session.execute(
        text(
            "UPDATE web_hold_owner SET live_until = now() - interval '1 hour' WHERE seats = 1 "
            "AND token = (SELECT token FROM web_hold_owner ORDER BY token LIMIT 1)"
        )
    )
    session.commit()
    with psycopg.connect(web, autocommit=True) as conn:
        assert conn.execute("SELECT bo_web_forget()").fetchone()[0] >= 1
    session.rollback()
    assert session.execute(text("SELECT count(*) FROM web_hold_owner")).scalar_one() == 1
