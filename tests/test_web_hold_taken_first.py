"""A web hold of seats someone else has is refused before the buyer's limits are counted
(migration 0036): ``bo_web_hold`` reads the wanted seats first and raises BO001 without
touching the buyer's ``web_client`` rows, so it neither spends the allowance nor waits
behind the same buyer's other holds. Tried as the web server's own login; the controls
show those rows really are locked and the allowance really is spent by a hold that gets
past the read."""

from __future__ import annotations

import time
import uuid

import psycopg
import pytest
from sqlalchemy import text

from tests.factories import make_small_house
from tests.test_web_limits import WEB_HOLD, _web_login

# seats per hold, held per client, held per address, holds a minute per client, per address
ROOMY = (6, 100, 100, 100, 100)


@pytest.fixture
def house(session):
    return make_small_house(session, rows=2, seats_per_row=10)


@pytest.fixture
def web(session, db_url):
    return _web_login(session, db_url)


def _hold(conn, st, seats, *, client="buyer", ip="10.1.1.1", token=None, limits=ROOMY):
    return conn.execute(WEB_HOLD, (st, seats, token or uuid.uuid4(), 60, client, ip, *limits)).fetchone()[0]


def _taken_by_someone_else(web: str, st: int, seats: list[int]) -> None:
    with psycopg.connect(web, autocommit=True) as conn:
        _hold(conn, st, seats, client="someone-else", ip="10.9.9.9")


def test_a_hold_of_taken_seats_does_not_wait_for_the_buyers_other_hold(web, house):
    """Buyer A's first hold is still in its transaction (its client and address rows are
    locked). A's second hold of a seat someone else has is refused at once, naming it.
    Control: the same second hold of a free seat waits for those rows (lock timeout)."""
    st, seats = house["showtime_id"], house["seat_ids"]
    _taken_by_someone_else(web, st, [seats[5]])
    with psycopg.connect(web) as first, psycopg.connect(web, autocommit=True) as second:
        _hold(first, st, [seats[0]])  # not committed: the buyer's rows stay locked
        second.execute("SET lock_timeout = '300ms'")
        started = time.monotonic()
        with pytest.raises(psycopg.Error) as refused:
            _hold(second, st, [seats[5]])
        assert refused.value.sqlstate == "BO001" and refused.value.diag.message_detail == str(seats[5])
        assert time.monotonic() - started < 0.3
        with pytest.raises(psycopg.errors.LockNotAvailable):  # control: a free seat goes on to the limits
            _hold(second, st, [seats[1]])
        first.rollback()


def test_a_buyer_out_of_allowance_is_told_the_seats_are_taken(web, house):
    """One hold a minute, spent: a hold of seats someone else has is answered "taken"
    (BO001, the web's 409), not "too many holds" (BO111, 429, wait a minute), since
    waiting would not help; the allowance is left as it was. Control: a hold of a free
    seat is BO111."""
    st, seats = house["showtime_id"], house["seat_ids"]
    _taken_by_someone_else(web, st, seats[5:7])
    one_a_minute = (6, 100, 100, 1, 100)
    with psycopg.connect(web, autocommit=True) as conn:
        _hold(conn, st, [seats[0]], limits=one_a_minute)
        for _ in range(2):
            with pytest.raises(psycopg.Error) as refused:
                _hold(conn, st, seats[4:7], limits=one_a_minute)
            assert refused.value.sqlstate == "BO001"
            assert refused.value.diag.message_detail == f"{seats[5]},{seats[6]}"
        with pytest.raises(psycopg.Error) as limited:
            _hold(conn, st, [seats[1]], limits=one_a_minute)
        assert limited.value.sqlstate == "BO111"


def test_the_buyers_own_seats_and_lapsed_holds_are_left_to_bo_hold(web, house, plain_db_url):
    """The read refuses only what bo_hold would: a seat the buyer's own token holds is
    added to (renewed), and a seat whose hold lapsed is taken over."""
    st, seats = house["showtime_id"], house["seat_ids"]
    with psycopg.connect(web, autocommit=True) as conn:
        token = uuid.uuid4()
        _hold(conn, st, [seats[0]], token=token)
        _hold(conn, st, [seats[0], seats[1]], token=token)
        _taken_by_someone_else(web, st, [seats[9]])
        with psycopg.connect(plain_db_url, autocommit=True) as admin:
            admin.execute(  # the other buyer's hold lapses
                "UPDATE inventory SET hold_expires_at = clock_timestamp() - interval '1 second' "
                "WHERE showtime_id = %s AND seat_id = %s",
                (st, seats[9]),
            )
        taker = uuid.uuid4()
        _hold(conn, st, [seats[9]], token=taker)
    with psycopg.connect(plain_db_url) as admin:
        held = admin.execute(
            "SELECT seat_id, hold_token FROM inventory WHERE showtime_id = %s AND state = 'held' ORDER BY seat_id",
            (st,),
        ).fetchall()
    assert held == [(seats[0], token), (seats[1], token), (seats[9], taker)]


def test_other_refusals_keep_their_answer(web, house, session):
    """A seat that is not the showtime's among taken ones is still bo_hold's BO001 naming
    it (the web answers 404 unknown seat), and a showtime off sale is still BO003."""
    st, seats = house["showtime_id"], house["seat_ids"]
    _taken_by_someone_else(web, st, [seats[5]])
    with psycopg.connect(web, autocommit=True) as conn:
        with pytest.raises(psycopg.Error) as unknown:
            _hold(conn, st, [seats[5], 999_999])
        assert unknown.value.sqlstate == "BO001" and "999999" in unknown.value.diag.message_detail
        session.execute(
            text("UPDATE showtime SET off_sale_at = clock_timestamp() - interval '1 minute' WHERE id = :s"), {"s": st}
        )
        session.commit()
        with pytest.raises(psycopg.Error) as closed:
            _hold(conn, st, [seats[5]])
        assert closed.value.sqlstate == "BO003"
