"""Twenty tills press "2" at the same moment on a nearly full house.

Each till is a real cashier login on its own connection (its own server backend), all
released together by a barrier; the verdict is read from the database. ``hold_best`` takes
a per-showtime advisory lock around choose + hold, so every till gets a different pair and
none is refused while pairs remain. The control composes the same two steps without the
lock (choose, then hold): the tills all choose the same best pair and most are refused.
"""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from boxoffice.db.engine import make_engine, make_session_factory
from boxoffice.domain.best_available import NotEnoughTogetherError
from boxoffice.domain.errors import SeatUnavailableError
from boxoffice.services import best_available, inventory
from tests.factories import make_actor, make_small_house

TILLS = 20
PASSWORD = "correct horse battery"


@pytest.fixture
def nearly_full(session, plain_db_url):
    """100 seats (4 rows of 25); all blocked but 20 pairs (each pair alone between blocked
    seats) and a few single seats: exactly 20 groups of 2 remain."""
    house = make_small_house(session, rows=4, seats_per_row=25)
    ids = house["seat_ids"]
    pairs = []
    for r in range(4):
        row = ids[r * 25 : (r + 1) * 25]
        pairs += [
            (row[k], row[k + 1]) for k in (1, 4, 7, 10, 13)
        ]  # 5 pairs a row (seat 1 of row D is a wheelchair space)
    assert len(pairs) == TILLS
    free = {s for p in pairs for s in p} | {ids[20], ids[45]}  # two lone seats too
    with psycopg.connect(plain_db_url, autocommit=True) as admin:
        admin.execute(
            "UPDATE inventory SET state = 'blocked', block_reason = 'test' WHERE showtime_id = %s AND NOT seat_id = ANY(%s)",
            (house["showtime_id"], sorted(free)),
        )
    house["pairs"] = pairs
    return house


def _tills(session, db_url, n):
    """``n`` engines, each on a different cashier's own login."""
    engines = []
    for _ in range(n):
        cashier = make_actor(session, role="cashier", password=PASSWORD)
        url = make_url(db_url).set(username=cashier.login, password=PASSWORD)
        engines.append(make_engine(url.render_as_string(hide_password=False), poolclass=NullPool, pool_size=None))
    return engines


def _race(engines, attempt):
    barrier = threading.Barrier(len(engines))

    def client(i):
        with make_session_factory(engines[i])() as s:
            s.execute(text("SELECT 1")).all()  # connected before the start line
            s.rollback()
            barrier.wait()
            try:
                return attempt(s, i)
            except Exception as exc:  # noqa: BLE001 - the outcome is what we assert
                return exc

    try:
        with ThreadPoolExecutor(max_workers=len(engines)) as pool:
            return list(pool.map(client, range(len(engines))))
    finally:
        for e in engines:
            e.dispose()


def _held(session, showtime_id):
    rows = session.execute(
        text("SELECT hold_token, seat_id FROM inventory WHERE showtime_id = :s AND state = 'held' ORDER BY seat_id"),
        {"s": showtime_id},
    ).all()
    session.rollback()
    out: dict = {}
    for token, seat in rows:
        out.setdefault(token, []).append(seat)
    return out


def test_twenty_tills_best_two_at_once_all_get_different_pairs(session, db_url, nearly_full):
    st = nearly_full["showtime_id"]
    tokens = [uuid.uuid4() for _ in range(TILLS + 1)]
    engines = _tills(session, db_url, TILLS + 1)  # one till more than there are pairs

    def attempt(s, i):
        return best_available.hold_best(
            s, showtime_id=st, token=tokens[i], quantity=2, channel=f"till:{i}", seconds=120
        ).seat_ids

    outcomes = _race(engines, attempt)
    errors = [o for o in outcomes if isinstance(o, Exception)]
    assert len(errors) == 1 and isinstance(errors[0], NotEnoughTogetherError), outcomes
    held = _held(session, st)
    assert len(held) == TILLS  # in the database: 20 tokens hold seats...
    assert sorted(tuple(v) for v in held.values()) == sorted(nearly_full["pairs"])  # ...each a whole pair
    for i, o in enumerate(outcomes):
        if not isinstance(o, Exception):
            assert sorted(held[tokens[i]]) == sorted(o)


def test_control_without_the_lock_tills_collide_and_are_refused(session, db_url, nearly_full):
    st = nearly_full["showtime_id"]
    tokens = [uuid.uuid4() for _ in range(TILLS)]
    engines = _tills(session, db_url, TILLS)

    def attempt(s, i):  # what a client without the lock does: choose, then hold
        choice = best_available.choose_best(s, showtime_id=st, quantity=2)
        inventory.hold_seats(
            s, showtime_id=st, seat_ids=list(choice.seat_ids), token=tokens[i], channel=f"till:{i}", seconds=120
        )
        return choice.seat_ids

    outcomes = _race(engines, attempt)
    refused = [o for o in outcomes if isinstance(o, SeatUnavailableError)]
    assert len(refused) >= TILLS // 2, outcomes  # the race is real: most chose a pair another till took
    assert len(_held(session, st)) == TILLS - len(refused)
