"""Races on real, separate PostgreSQL connections started together by a barrier.

Each client gets its own engine (its own server backend); the verdict is read from the
database, not only from the responses. A negative control runs the naive
read-then-write hold on the same set-up and shows that the race is real.
"""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.pool import NullPool

from boxoffice.db.engine import make_engine, make_session_factory
from boxoffice.domain.errors import SeatUnavailableError
from boxoffice.services import inventory
from tests.factories import make_small_house

CLIENTS = 24


def _race(db_url, n, attempt):
    """Run ``attempt(session, i)`` in ``n`` threads on ``n`` separate connections, all
    released together; returns each client's outcome ("ok" or the exception)."""
    engines = [make_engine(db_url, poolclass=NullPool, pool_size=None) for _ in range(n)]
    barrier = threading.Barrier(n)

    def client(i):
        factory = make_session_factory(engines[i])
        with factory() as session:
            session.execute(text("SELECT 1")).all()  # connect before the start line
            session.rollback()
            barrier.wait()
            try:
                attempt(session, i)
                return "ok"
            except Exception as exc:  # noqa: BLE001 - the outcome is what we assert
                return exc

    try:
        with ThreadPoolExecutor(max_workers=n) as pool:
            return list(pool.map(client, range(n)))
    finally:
        for e in engines:
            e.dispose()


@pytest.fixture
def house(session):
    return make_small_house(session, rows=4, seats_per_row=25)


def test_many_clients_one_seat_exactly_one_holds(db_url, session, house):
    seat = house["seat_ids"][7]
    tokens = [uuid.uuid4() for _ in range(CLIENTS)]

    def attempt(s, i):
        inventory.hold_seats(
            s, showtime_id=house["showtime_id"], seat_ids=[seat], token=tokens[i], channel=f"till-{i}", seconds=60
        )

    outcomes = _race(db_url, CLIENTS, attempt)
    winners = [i for i, o in enumerate(outcomes) if o == "ok"]
    assert len(winners) == 1
    losers = [o for o in outcomes if o != "ok"]
    assert all(isinstance(o, SeatUnavailableError) for o in losers), losers
    held = (
        session.execute(
            text("SELECT hold_token FROM inventory_live WHERE showtime_id=:s AND seat_id=:seat AND state='held'"),
            {"s": house["showtime_id"], "seat": seat},
        )
        .scalars()
        .all()
    )
    assert held == [tokens[winners[0]]]


def test_many_clients_different_seats_all_hold(db_url, session, house):
    seats = house["seat_ids"][:CLIENTS]
    tokens = [uuid.uuid4() for _ in range(CLIENTS)]

    def attempt(s, i):
        inventory.hold_seats(
            s, showtime_id=house["showtime_id"], seat_ids=[seats[i]], token=tokens[i], channel=f"till-{i}", seconds=60
        )

    outcomes = _race(db_url, CLIENTS, attempt)
    assert outcomes == ["ok"] * CLIENTS
    held = dict(
        session.execute(
            text("SELECT seat_id, hold_token FROM inventory_live WHERE showtime_id=:s AND state='held'"),
            {"s": house["showtime_id"]},
        ).all()
    )
    assert held == dict(zip(seats, tokens))


def test_overlapping_multi_seat_holds_never_deadlock_and_stay_all_or_nothing(db_url, session, house):
    seats = house["seat_ids"][: CLIENTS + 3]
    tokens = [uuid.uuid4() for _ in range(CLIENTS)]
    wanted = [list(reversed(seats[i : i + 4])) if i % 2 else seats[i : i + 4] for i in range(CLIENTS)]

    def attempt(s, i):
        inventory.hold_seats(
            s, showtime_id=house["showtime_id"], seat_ids=wanted[i], token=tokens[i], channel=f"till-{i}", seconds=60
        )

    outcomes = _race(db_url, CLIENTS, attempt)
    assert all(o == "ok" or isinstance(o, SeatUnavailableError) for o in outcomes), outcomes
    assert any(o == "ok" for o in outcomes)
    held = session.execute(
        text("SELECT seat_id, hold_token FROM inventory_live WHERE showtime_id=:s AND state='held'"),
        {"s": house["showtime_id"]},
    ).all()
    by_token: dict = {}
    for seat_id, token in held:
        by_token.setdefault(token, set()).add(seat_id)
    for i, outcome in enumerate(outcomes):
        got = by_token.get(tokens[i], set())
        assert got == (set(wanted[i]) if outcome == "ok" else set())


def test_control_naive_read_then_write_does_double_hold(db_url, plain_db_url, session, house):
    """Negative control: the same race with a naive check-then-update (no conditional
    statement, no lock) lets several clients believe they hold the one seat, so the
    assertions of the race tests above are able to fail."""
    seat = house["seat_ids"][7]
    barrier = threading.Barrier(CLIENTS)

    def naive(i):
        with psycopg.connect(plain_db_url) as conn:
            conn.execute("SELECT 1")
            barrier.wait()
            state = conn.execute(
                "SELECT state FROM inventory_live WHERE showtime_id=%s AND seat_id=%s", (house["showtime_id"], seat)
            ).fetchone()[0]
            conn.execute("SELECT pg_sleep(0.05)")  # the time a client takes between read and write
            if state != "available":
                return False
            conn.execute(
                "UPDATE inventory SET state='held', hold_token=%s, hold_channel='naive', "
                "hold_expires_at=now()+interval '1 minute' WHERE showtime_id=%s AND seat_id=%s",
                (uuid.uuid4(), house["showtime_id"], seat),
            )
            conn.commit()
            return True

    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        believed = sum(pool.map(naive, range(CLIENTS)))
    assert believed > 1, "the naive path should have let several clients take the seat"
