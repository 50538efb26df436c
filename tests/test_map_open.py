"""Opening a showtime's map fast (issue 13): the plan's layout read as columns and kept per
process (``services.plan_layout``), seat states as one row of arrays
(``inventory.taken_seats``), the plan's geometry made once per layout (``ui.seatmap.store``)
and a large plan's row chunks made as they come into view. What a cashier sees must be the
database's seats and states, whatever was cached."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from boxoffice.domain.plan_editing import delete_seats, move_seats
from boxoffice.domain.plan_generator import generate_grid_plan
from boxoffice.services import catalog, inventory, plan_editor, plan_layout, plans, setup
from boxoffice.services.auth import act_as
from boxoffice.ui.seatmap import store as seat_store
from tests.counter_helpers import open_till
from tests.factories import make_actor, make_small_house
from tests.test_trust_web_door import logins, session_as  # noqa: F401 - fixtures


@pytest.fixture(autouse=True)
def _no_layouts_from_other_tests():
    plan_layout.forget_layouts()
    yield
    plan_layout.forget_layouts()


def db_seats(session, plan_id: int) -> dict[int, tuple]:
    """Seat id -> (section id, row, number, x, y, radius, category id, wheelchair), from the database."""
    rows = session.execute(
        text(
            "SELECT id, section_id, row_label, seat_number, x, y, radius, category_id, wheelchair "
            "FROM seat WHERE plan_id = :p"
        ),
        {"p": plan_id},
    ).all()
    session.rollback()
    return {r[0]: tuple(r[1:]) for r in rows}


def db_states(session, showtime_id: int) -> dict[int, str]:
    """Seat id -> live state (expired holds available), from the database."""
    rows = session.execute(
        text("SELECT seat_id, state FROM inventory_live WHERE showtime_id = :s"), {"s": showtime_id}
    ).all()
    session.rollback()
    return dict(rows)


def map_seats(seat_map) -> dict[int, tuple]:
    return {s.id: tuple(s)[1:] for s in seat_map.seats}


def taken_states(taken, seat_ids) -> dict[int, str]:
    states = dict.fromkeys(seat_ids, "available")
    states.update({s.seat_id: s.state for s in taken.states})
    return states


def second_showtime(session, house, hours: int = 30) -> int:
    showtime = setup.schedule_showtime(
        session,
        show_id=house["show_id"],
        plan_id=house["plan_id"],
        starts_at=dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(hours=hours),
        prices={"A": 2500, "B": 1500},
    )
    session.commit()
    return showtime


def set_state(session, showtime_id: int, seat_ids, state: str) -> None:
    session.execute(
        text("UPDATE inventory SET state = :state WHERE showtime_id = :s AND seat_id = ANY(:ids)"),
        {"state": state, "s": showtime_id, "ids": list(seat_ids)},
    )
    session.commit()


def test_a_second_showtime_on_the_plan_reuses_its_layout_but_never_its_states(session):
    house = make_small_house(session)
    ids, first = house["seat_ids"], house["showtime_id"]
    other = second_showtime(session, house)
    set_state(session, first, ids[:5], "sold")
    set_state(session, other, ids[10:12], "blocked")
    inventory.hold_seats(session, showtime_id=other, seat_ids=[ids[20]], token=uuid.uuid4(), channel="web", seconds=60)

    reads = plan_layout.reads[0]
    a = catalog.open_showtime(session, showtime_id=first)
    b = catalog.open_showtime(session, showtime_id=other)
    assert plan_layout.reads[0] == reads + 1  # the layout was read once, for the first opening
    assert b.seat_map.seats is a.seat_map.seats
    assert map_seats(a.seat_map) == map_seats(b.seat_map) == db_seats(session, house["plan_id"])
    assert taken_states(a.taken, ids) == db_states(session, first)
    assert taken_states(b.taken, ids) == db_states(session, other)
    assert taken_states(b.taken, ids)[ids[20]] == "held" and taken_states(b.taken, ids)[ids[0]] == "available"
    assert (
        b.taken.version
        == session.execute(text("SELECT max(version) FROM inventory WHERE showtime_id = :s"), {"s": other}).scalar_one()
    )
    session.rollback()
    assert a.seat_map.showtime.id == first and b.seat_map.showtime.id == other
    assert {c.name: c.price_minor for c in b.seat_map.categories.values()} == {"A": 2500, "B": 1500}


def test_an_edited_plan_opens_with_its_new_seats_not_the_cached_ones(session):
    house = make_small_house(session)
    ids, showtime = house["seat_ids"], house["showtime_id"]
    before = catalog.open_showtime(session, showtime_id=showtime).seat_map  # the old plan is cached now
    guids = dict(session.execute(text("SELECT id, guid FROM seat WHERE plan_id = :p"), {"p": house["plan_id"]}).all())
    session.rollback()

    loaded = plan_editor.load_plan(session, plan_id=house["plan_id"])
    move_seats(loaded.plan, [guids[i] for i in ids[10:20]], 0, 6)  # row B moves down
    delete_seats(loaded.plan, [guids[ids[29]]])
    saved = plan_editor.save_plan_version(
        session, venue_name=loaded.venue, plan_name=loaded.name, plan=loaded.plan, based_on=loaded.plan_id
    )
    session.rollback()
    act_as(session, make_actor(session, role="manager"))
    plan_editor.migrate_showtime(session, showtime_id=showtime, new_plan_id=saved.plan_id)
    act_as(session, None)

    after = catalog.open_showtime(session, showtime_id=showtime).seat_map
    assert after.plan_id == saved.plan_id != before.plan_id
    assert map_seats(after) == db_seats(session, saved.plan_id) != map_seats(before)
    assert len(after.seats) == 29
    moved = {s.number: s.y for s in after.seats if s.row == "B"}
    assert all(moved[s.number] == s.y + 6 for s in before.seats if s.row == "B")


def test_the_cache_answers_only_for_the_same_database_and_plan_creation(session):
    house = make_small_house(session)
    showtime = house["showtime_id"]
    real = catalog.open_showtime(session, showtime_id=showtime).seat_map
    (key,) = list(plan_layout._cache)
    database, plan_id, created_at = key
    assert plan_id == house["plan_id"]
    layout = plan_layout._cache[key]
    fake_seats = dataclasses.replace(layout.seats, xs=[-1.0] * len(layout.seats), position={})
    fake = dataclasses.replace(layout, seats=fake_seats)

    for wrong in ((database + 1, plan_id, created_at), (database, plan_id, created_at - dt.timedelta(microseconds=1))):
        plan_layout.forget_layouts()
        plan_layout._cache[wrong] = dataclasses.replace(fake, key=wrong)  # another database's plan, or a re-created one
        opened = catalog.open_showtime(session, showtime_id=showtime).seat_map
        assert map_seats(opened) == map_seats(real) == db_seats(session, plan_id)

    # control: under its own key the cache is believed (so the checks above can fail)
    plan_layout.forget_layouts()
    plan_layout._cache[key] = fake
    assert all(s.x == -1.0 for s in catalog.open_showtime(session, showtime_id=showtime).seat_map.seats)


def test_a_cashiers_own_login_opens_a_showtime(session, session_as):
    """The cashier's login may read all the opening needs (column grants): layout, states
    of its own holds with their token, prices."""
    house = make_small_house(session)
    ids = house["seat_ids"]
    set_state(session, house["showtime_id"], ids[:3], "sold")
    cashier = session_as("cashier")
    token = uuid.uuid4()
    inventory.hold_seats(
        cashier, showtime_id=house["showtime_id"], seat_ids=[ids[5]], token=token, channel="till:x", seconds=60
    )
    opening = catalog.open_showtime(cashier, showtime_id=house["showtime_id"])
    assert map_seats(opening.seat_map) == db_seats(session, house["plan_id"])
    assert sorted(opening.taken.sold) == ids[:3] and opening.taken.blocked == []
    assert [(h.seat_id, h.hold_token, h.hold_channel) for h in opening.taken.held] == [(ids[5], token, "till:x")]
    assert {t.code for t in opening.type_prices} >= {"full"}


# -- through the real main window ---------------------------------------------------------


def _choose(qtbot, window, showtime_id: int) -> None:
    """Pick a showtime in the picker as a cashier does (the item chosen: ``activated``)."""
    picker = window.sell.picker
    index = picker.findData(showtime_id)
    assert index >= 0
    picker.setCurrentIndex(index)
    picker.activated.emit(index)
    qtbot.waitUntil(
        lambda: window.sell.seat_map is not None and window.sell.seat_map.showtime.id == showtime_id, timeout=20_000
    )
    qtbot.waitUntil(lambda: not window.sell.sync.busy, timeout=10_000)


def _assert_map_is_the_database(session, window, showtime_id: int, plan_id: int) -> None:
    view = window.sell.map
    seats, states = db_seats(session, plan_id), db_states(session, showtime_id)
    assert set(view._index) == set(seats) == set(states)
    for seat_id, (_section, _row, _number, x, y, *_rest) in seats.items():
        p = view.seat_scene_pos(seat_id)
        assert (p.x(), p.y()) == (x, y)
    assert {s: view.state_of(s) for s in seats} == states
    free = session.execute(
        text(
            "SELECT s.section_id, count(*) FILTER (WHERE i.state = 'available') FROM inventory_live i "
            "JOIN seat s ON s.id = i.seat_id WHERE i.showtime_id = :st GROUP BY s.section_id"
        ),
        {"st": showtime_id},
    ).all()
    session.rollback()
    assert {s.key: s.free for s in view._store.sections} == dict(free)


@pytest.fixture
def big_house(session):
    """A generated plan of 7,200 seats (more than a small plan: drawn by level of detail),
    two showtimes on it with different sales, a hold online."""
    summary = plans.import_plan(session, venue_name="Big Hall", data=generate_grid_plan(7200, zones_per_line=3))
    session.commit()
    show = setup.create_show(session, title="Big Show")
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    first, second = (
        setup.schedule_showtime(
            session, show_id=show, plan_id=summary.plan_id, starts_at=now + dt.timedelta(hours=h), prices={}
        )
        for h in (2, 30)
    )
    session.commit()
    ids = sorted(db_seats(session, summary.plan_id))
    set_state(session, first, ids[::3], "sold")
    set_state(session, second, ids[1::7], "sold")
    set_state(session, second, ids[2:40], "blocked")
    inventory.hold_seats(
        session, showtime_id=first, seat_ids=[ids[4000]], token=uuid.uuid4(), channel="web", seconds=600
    )
    return {"plan_id": summary.plan_id, "first": first, "second": second, "seat_ids": ids}


def test_the_map_shows_the_database_seats_and_states_and_sells_from_a_lazily_made_row(
    qtbot, session, engine, db_url, tmp_path, big_house
):
    reads, made = plan_layout.reads[0], seat_store.made[0]
    window, _runner, _printed = open_till(qtbot, session, engine, db_url, tmp_path)  # opens the next showtime
    sell, view = window.sell, window.sell.map
    assert sell.seat_map.showtime.id == big_house["first"]
    assert plan_layout.reads[0] == reads + 1 and seat_store.made[0] == made + 1
    assert view.level() != "seats" and view._store.made_chunks == 0  # at fit: sections or dots, no seat items
    _assert_map_is_the_database(session, window, big_house["first"], big_house["plan_id"])
    assert view.visual_state(big_house["seat_ids"][4000]) == "web"

    _choose(qtbot, window, big_house["second"])  # the same plan: neither read nor laid out again
    assert plan_layout.reads[0] == reads + 1 and seat_store.made[0] == made + 1
    _assert_map_is_the_database(session, window, big_house["second"], big_house["plan_id"])

    free = next(s for s in big_house["seat_ids"][5000:] if view.state_of(s) == "available")
    view.show_seat(free)  # zoomed in: that part of the plan's rows are made now
    assert view.level() == "seats" and 0 < view._store.made_chunks < len(view._store.chunks)
    chunk = view._store.chunks[view._store.chunk_of[view._index[free]]]
    assert chunk is not None and chunk.isVisible()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.seat_view_pos(free))
    qtbot.waitUntil(lambda: free in sell.basket.lines, timeout=10_000)
    held = session.execute(
        text("SELECT state FROM inventory_live WHERE showtime_id = :s AND seat_id = :id"),
        {"s": big_house["second"], "id": free},
    ).scalar_one()
    session.rollback()
    assert held == "held"
    qtbot.waitUntil(lambda: view.visual_state(free) == "mine", timeout=10_000)


def test_the_cache_keeps_a_bounded_number_of_seats_the_newest_plan_always(session, monkeypatch):
    monkeypatch.setattr(plan_layout, "CACHED_SEATS", 40)
    first = make_small_house(session)  # 30 seats
    plan = plans.import_plan(session, venue_name="Other Hall", data=generate_grid_plan(20)).plan_id
    session.commit()
    showtime = setup.schedule_showtime(
        session,
        show_id=first["show_id"],
        plan_id=plan,
        starts_at=dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(hours=5),
        prices={},
    )
    session.commit()
    second = {"plan_id": plan, "showtime_id": showtime}  # 20 seats
    reads = plan_layout.reads[0]
    catalog.open_showtime(session, showtime_id=first["showtime_id"])
    catalog.open_showtime(session, showtime_id=second["showtime_id"])  # 50 > 40: the first plan goes
    assert [k[1] for k in plan_layout._cache] == [second["plan_id"]]
    catalog.open_showtime(session, showtime_id=second["showtime_id"])
    assert plan_layout.reads[0] == reads + 2
    catalog.open_showtime(session, showtime_id=first["showtime_id"])  # read again, and kept alone
    assert plan_layout.reads[0] == reads + 3
    assert [k[1] for k in plan_layout._cache] == [first["plan_id"]]
