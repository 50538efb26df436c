"""A hold's seats are found through its token's index however many seats are held
(migration 0035), with the inventory's statistics taken before the on-sale as autovacuum
leaves them. Measured in buffers read by the functions' own statements (EXPLAIN counts
every buffer its node touches, the function's inner statements included), with a control
that puts back the partial expiry index the planner used to prefer."""

from __future__ import annotations

import json
import uuid

import psycopg
import pytest

from tests.factories import make_small_house

HELD = 900  # seats held by others when one token is looked up

LOOKUPS = {
    "bo_web_token_size": "SELECT bo_web_token_size(%(token)s, %(st)s, '{}', NULL)",
    "bo_web_token_live": "SELECT * FROM bo_web_token_live(%(token)s)",
    "bo_book": "SELECT bo_book(%(st)s, %(token)s, 'web', 900, NULL)",  # books the first seat's hold
}
LEGACY_INDEX = (
    "DROP INDEX inventory_hold_expiry_idx;"
    "CREATE INDEX inventory_held_expiry_idx ON inventory (hold_expires_at) WHERE state = 'held'"
)


def _crowd(session, url: str, *, legacy: bool = False) -> dict:
    """A 1,000-seat showtime analysed while empty, then ``HELD`` seats held by one token
    each (``legacy``: with migration 0002's partial expiry index instead, the control)."""
    house = make_small_house(session, rows=20, seats_per_row=50)
    session.commit()
    with psycopg.connect(url, autocommit=True) as conn:
        if legacy:
            conn.execute(LEGACY_INDEX)
        conn.execute("VACUUM ANALYZE inventory")  # the statistics of a house before its on-sale
        conn.execute(
            "UPDATE inventory SET state = 'held', hold_token = gen_random_uuid(), hold_channel = 'web', "
            "hold_expires_at = clock_timestamp() + interval '10 minutes', hold_login = session_user "
            "WHERE showtime_id = %s AND seat_id = ANY (%s)",
            (house["showtime_id"], house["seat_ids"][:HELD]),
        )
        assert conn.execute("SELECT count(*) FROM inventory WHERE state = 'held'").fetchone()[0] == HELD
    return house


def _buffers(conn: psycopg.Connection, statement: str, params: dict) -> int:
    """Shared buffers touched by ``statement``, its functions' statements included."""
    (plan,) = conn.execute("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + statement, params).fetchone()
    top = (plan if isinstance(plan, list) else json.loads(plan))[0]["Plan"]
    return top["Shared Hit Blocks"] + top["Shared Read Blocks"]


@pytest.mark.parametrize("legacy", [False, True], ids=["now", "control"])
@pytest.mark.parametrize("name", sorted(LOOKUPS))
def test_one_token_costs_a_few_buffers_not_every_held_seat(session, plain_db_url, name, legacy):
    house = _crowd(session, plain_db_url, legacy=legacy)
    st = house["showtime_id"]
    params = {"token": uuid.uuid4(), "st": st}
    if name == "bo_book":
        with psycopg.connect(plain_db_url) as conn:
            params["token"] = conn.execute(
                "SELECT hold_token FROM inventory WHERE showtime_id = %s AND seat_id = %s", (st, house["seat_ids"][0])
            ).fetchone()[0]
    with psycopg.connect(plain_db_url) as conn:
        _buffers(conn, LOOKUPS[name], params)  # the function's first call plans and caches
        conn.rollback()
        touched = _buffers(conn, LOOKUPS[name], params)
        conn.rollback()
    if legacy:  # the partial index looked free and was read whole: every held seat
        assert touched >= HELD
    else:
        assert touched < HELD // 5  # the token's index and the statement's own rows


def test_tidy_releases_only_lapsed_holds_through_the_expiry_index(session, plain_db_url):
    """bo_tidy releases the holds that lapsed and leaves the live ones (migration 0035
    finds them by a range of the expiry index)."""
    crowded = _crowd(session, plain_db_url)
    st = crowded["showtime_id"]
    lapsed = crowded["seat_ids"][:5]
    with psycopg.connect(plain_db_url, autocommit=True) as conn:
        conn.execute(
            "UPDATE inventory SET hold_expires_at = clock_timestamp() - interval '1 second' "
            "WHERE showtime_id = %s AND seat_id = ANY (%s)",
            (st, lapsed),
        )
        bookings, holds = conn.execute("SELECT * FROM bo_tidy()").fetchone()
        assert (bookings, holds) == (0, len(lapsed))
        states = dict(
            conn.execute(
                "SELECT seat_id, state FROM inventory WHERE showtime_id = %s AND seat_id = ANY (%s)",
                (st, crowded["seat_ids"][:10]),
            ).fetchall()
        )
    assert [states[s] for s in crowded["seat_ids"][:10]] == ["available"] * 5 + ["held"] * 5
