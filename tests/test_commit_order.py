"""Inventory versions in commit order (migration 0020): a change whose writer kept its
transaction open is fetched by a client that asks for versions above the highest it has
seen, however long the transaction stayed open; with the old numbering (version taken
when the row changed) the same client misses it for good."""

from __future__ import annotations

import threading
import time
import uuid

import psycopg
import pytest
from sqlalchemy import text

from boxoffice.services import inventory
from boxoffice.services.auth import act_as
from tests.factories import make_actor, make_small_house

HOLD_OPEN_SECONDS = 30.0

OLD_NUMBERING = """
DROP TRIGGER inventory_commit_version ON inventory;
CREATE OR REPLACE FUNCTION bo_inventory_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := nextval('inventory_version_seq');
    RETURN NEW;
END $$;
"""


def _hold(conn: psycopg.Connection, showtime_id: int, seat_id: int) -> None:
    conn.execute("SELECT bo_hold(%s, %s, %s, 'web', 600)", (showtime_id, [seat_id], uuid.uuid4()))


def _state(snapshot, seat_id: int) -> str | None:
    return next((s.state for s in snapshot.states if s.seat_id == seat_id), None)


def _long_writer_scenario(session, plain_db_url: str, house: dict, open_seconds: float, watch) -> tuple:
    """A writer holds seat 0 and keeps its transaction open ``open_seconds`` while another
    client holds seat 1 and commits, and a watcher (``watch(since)`` -> snapshot) keeps
    fetching from the highest version it has seen. Returns (version seen before the long
    writer committed, the first fetch after it committed)."""
    showtime, (slow_seat, quick_seat) = house["showtime_id"], house["seat_ids"][:2]
    with psycopg.connect(plain_db_url) as writer:
        _hold(writer, showtime, slow_seat)  # the version is taken now (old) or at COMMIT (new)
        inventory.hold_seats(
            session, showtime_id=showtime, seat_ids=[quick_seat], token=uuid.uuid4(), channel="till", seconds=600
        )
        seen = watch(0)
        assert _state(seen, quick_seat) == "held" and _state(seen, slow_seat) == "available"
        version = seen.version
        deadline = time.monotonic() + open_seconds
        while time.monotonic() < deadline:  # the map is watched while the writer stays open
            version = max(version, watch(version).version)
            time.sleep(min(1.0, max(0.0, deadline - time.monotonic())))
        writer.commit()
    return version, watch(version)


def test_a_change_committed_30_s_after_its_statement_is_fetched(session, plain_db_url):
    house = make_small_house(session)

    def watch(since: int):
        return inventory.seat_states(session, showtime_id=house["showtime_id"], since_version=since)

    before, after = _long_writer_scenario(session, plain_db_url, house, HOLD_OPEN_SECONDS, watch)
    assert _state(after, house["seat_ids"][0]) == "held"
    assert after.version > before
    # in the database: the long writer's row carries a version above the quick one's
    versions = dict(
        session.execute(
            text("SELECT seat_id, version FROM inventory WHERE showtime_id = :s AND seat_id = ANY(:ids)"),
            {"s": house["showtime_id"], "ids": house["seat_ids"][:2]},
        ).all()
    )
    assert versions[house["seat_ids"][0]] > versions[house["seat_ids"][1]] > 0


def test_control_the_old_numbering_misses_the_long_writer(session, plain_db_url):
    house = make_small_house(session)
    session.execute(text(OLD_NUMBERING))
    session.commit()

    def watch(since: int):
        return inventory.seat_states(session, showtime_id=house["showtime_id"], since_version=since)

    # the transaction's length does not matter to the old numbering, only the order
    before, after = _long_writer_scenario(session, plain_db_url, house, 0.5, watch)
    assert _state(after, house["seat_ids"][0]) is None  # missed: never fetched
    assert _state(watch(0), house["seat_ids"][0]) == "held"  # though the database has it


def test_a_cashier_login_commits_through_the_stamp_and_versions_follow_commits(session, db_url):
    """The stamp runs at COMMIT as the owner: a cashier's own login (no UPDATE right on
    inventory) holds and releases; two interleaved writers get versions in commit order."""
    from boxoffice.db.engine import login_url, make_engine, make_session_factory

    house = make_small_house(session)
    password = "cashier-pass-0123"
    actor = make_actor(session, role="cashier", password=password)
    engine = make_engine(login_url(db_url, actor.login, password))
    try:
        with make_session_factory(engine)() as till:
            act_as(till, actor)
            a, b = house["seat_ids"][2:4]
            inventory.hold_seats(
                till, showtime_id=house["showtime_id"], seat_ids=[a], token=uuid.uuid4(), channel="till", seconds=60
            )
            rows = session.execute(
                text("SELECT seat_id, state, version FROM inventory WHERE showtime_id = :s AND seat_id IN (:a, :b)"),
                {"s": house["showtime_id"], "a": a, "b": b},
            ).all()
            assert {r.seat_id: r.state for r in rows}[a] == "held"
            assert all(r.version > 0 for r in rows)
            # the hostile till cannot write a version (or anything else) itself
            with pytest.raises(Exception, match="permission denied"):
                till.execute(text("UPDATE inventory SET version = 1 WHERE seat_id = :a"), {"a": a})
            till.rollback()
    finally:
        engine.dispose()


def test_interleaved_writers_get_versions_in_commit_order(session, plain_db_url):
    house = make_small_house(session)
    showtime, seats = house["showtime_id"], house["seat_ids"]
    with psycopg.connect(plain_db_url) as first, psycopg.connect(plain_db_url) as second:
        _hold(first, showtime, seats[5])
        _hold(second, showtime, seats[6])
        second.commit()
        committed = threading.Event()

        def late() -> None:
            _hold(first, showtime, seats[7])  # a second statement in the same transaction
            first.commit()
            committed.set()

        thread = threading.Thread(target=late)
        thread.start()
        thread.join(10)
        assert committed.is_set()
    versions = dict(
        session.execute(
            text("SELECT seat_id, version FROM inventory WHERE showtime_id = :s AND seat_id = ANY(:ids)"),
            {"s": showtime, "ids": seats[5:8]},
        ).all()
    )
    # one transaction, one version; the later commit has the higher one
    assert versions[seats[5]] == versions[seats[7]] > versions[seats[6]]
