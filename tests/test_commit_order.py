"""Inventory versions in commit order (migration 0020): a change whose writer kept its
transaction open 30 s is fetched by every client that asks for versions above the
highest it has seen (the services, a till's StateSync, the web's cached seat map); with
the old numbering (version taken when the row changed) the same clients miss it for good."""

from __future__ import annotations

import json
import threading
import time
import uuid

import psycopg
import pytest
from sqlalchemy import text

from boxoffice.services import inventory
from boxoffice.services.auth import act_as
from boxoffice.services.seat_map import SeatMapCache
from boxoffice.ui.seatmap.live import StateSync
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


class Watchers:
    """Three clients watching one showtime by version, polled while the writer is open:
    the services' fetch from the highest version seen, a till's :class:`StateSync` (run
    synchronously here) and the web's :class:`SeatMapCache` (no feed: version checks)."""

    def __init__(self, session, showtime_id: int) -> None:
        self.session, self.showtime_id = session, showtime_id
        self.version, self.seen = 0, {}
        self.till: dict[int, str] = {}
        self.sync = StateSync(_Now(session), self._apply, _raise)
        ticket = self.sync.begin(showtime_id)
        self.sync.adopt(ticket, inventory.seat_states(session, showtime_id=showtime_id))
        self.maps = SeatMapCache(layout_seconds=3600)  # the layout's timer must not hide a miss

    def _apply(self, snapshot, full: bool) -> None:
        self.till.update({s.seat_id: s.state for s in snapshot.states})

    def poll(self) -> None:
        snapshot = inventory.seat_states(self.session, showtime_id=self.showtime_id, since_version=self.version)
        self.seen.update({s.seat_id: s.state for s in snapshot.states})
        self.version = max(self.version, snapshot.version)
        self.sync.notify(self.showtime_id)  # as a notification would
        self.maps.get(self.session, self.showtime_id)

    def states(self, seat_id: int) -> tuple:
        doc = json.loads(self.maps.get(self.session, self.showtime_id).body)
        on_map = {s["id"]: s["state"] for sec in doc["sections"] for row in sec["rows"] for s in row["seats"]}
        return self.seen.get(seat_id, "available"), self.till.get(seat_id, "available"), on_map[seat_id]


class _Now:
    """A TaskRunner that runs the job at once on this thread."""

    def __init__(self, session) -> None:
        self.session = session

    def run(self, fn, on_done, on_error) -> None:
        on_done(fn(self.session))


def _raise(exc: BaseException) -> None:
    raise exc


def _long_writer_scenario(session, plain_db_url: str, house: dict, open_seconds: float) -> Watchers:
    """A writer holds seat 0 and keeps its transaction open ``open_seconds`` while another
    client holds seat 1 and commits, and the watchers keep polling. Returns the watchers
    after one more poll that follows the long writer's commit."""
    showtime, (slow_seat, quick_seat) = house["showtime_id"], house["seat_ids"][:2]
    watchers = Watchers(session, showtime)
    with psycopg.connect(plain_db_url) as writer:
        _hold(writer, showtime, slow_seat)  # the version is taken now (old) or at COMMIT (new)
        inventory.hold_seats(
            session, showtime_id=showtime, seat_ids=[quick_seat], token=uuid.uuid4(), channel="till", seconds=600
        )
        watchers.poll()
        assert watchers.states(quick_seat) == ("held",) * 3
        assert watchers.states(slow_seat) == ("available",) * 3
        deadline = time.monotonic() + open_seconds
        while time.monotonic() < deadline:  # the map is watched while the writer stays open
            watchers.poll()
            time.sleep(min(1.0, max(0.0, deadline - time.monotonic())))
        writer.commit()
    watchers.poll()
    return watchers


def test_a_change_committed_30_s_after_its_statement_is_fetched(session, plain_db_url):
    house = make_small_house(session)
    watchers = _long_writer_scenario(session, plain_db_url, house, HOLD_OPEN_SECONDS)
    # the services' fetch, the till's StateSync and the web's cached map all have it
    assert watchers.states(house["seat_ids"][0]) == ("held",) * 3
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
    # the transaction's length does not matter to the old numbering, only the order
    watchers = _long_writer_scenario(session, plain_db_url, house, 0.5)
    assert watchers.states(house["seat_ids"][0]) == ("available",) * 3  # missed by all three
    held = inventory.seat_states(session, showtime_id=house["showtime_id"])
    assert next(s.state for s in held.states if s.seat_id == house["seat_ids"][0]) == "held"  # though it is held


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
