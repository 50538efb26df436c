"""The plan editor's services on a real database: saving new versions (never changing
old ones), permissions, audit, and moving a showtime to a newer version."""

from __future__ import annotations

import json
import uuid

import pytest
from sqlalchemy import select, text

from boxoffice.config import DEMO_PLAN_PATH as DEMO  # noqa: E402
from boxoffice.db.models import Inventory, Seat, SeatingPlan, Showtime, ShowtimePrice, Ticket
from boxoffice.domain.errors import InvalidInputError, PermissionDeniedError, PlanMigrationRefusedError
from boxoffice.domain.plan_blocks import BlockSpec, add_block
from boxoffice.domain.plan_editing import delete_seats, move_seats, set_attributes
from boxoffice.services import inventory, plan_editor, plans, sales
from boxoffice.services.auth import act_as
from tests.factories import make_actor, make_small_house


def sell(session, house, seat_ids):
    token = uuid.uuid4()
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=seat_ids, token=token, channel="till:front", seconds=60
    )
    return sales.sell_cash(
        session,
        showtime_id=house["showtime_id"],
        seat_ids=seat_ids,
        token=token,
        channel="till:front",
        tendered_minor=1000_00,
    )


def guid_of(session, seat_id):
    return session.get(Seat, seat_id).guid


def seat_positions(session, plan_id):
    rows = session.execute(select(Seat.guid, Seat.x, Seat.y).where(Seat.plan_id == plan_id)).all()
    session.rollback()
    return {g: (x, y) for g, x, y in rows}


def audit_rows(session, action):
    rows = session.execute(
        text("SELECT actor, target, details FROM audit_log WHERE action = :a ORDER BY id"), {"a": action}
    ).all()
    session.rollback()
    return rows


def save_v2(session, house, edit):
    loaded = plan_editor.load_plan(session, plan_id=house["plan_id"])
    edit(loaded.plan)
    return plan_editor.save_plan_version(
        session, venue_name=loaded.venue, plan_name=loaded.name, plan=loaded.plan, based_on=loaded.plan_id
    )


def test_saving_makes_a_new_version_and_leaves_the_old_one_alone(session):
    house = make_small_house(session)
    manager = make_actor(session, role="manager", username="maya")
    act_as(session, manager)
    before = seat_positions(session, house["plan_id"])
    loaded = plan_editor.load_plan(session, plan_id=house["plan_id"])
    assert (loaded.venue, loaded.name, loaded.version, loaded.showtimes) == ("Test Hall", "Main", 1, 1)
    assert loaded.plan.seat_count() == 30
    row_a = [s.guid for s in loaded.plan.zones[0].rows[0].seats]
    move_seats(loaded.plan, row_a, 0, -20)
    set_attributes(loaded.plan, row_a[:1], companion=True)
    add_block(
        loaded.plan, BlockSpec(rows=1, seats_per_row=4, x=250, y=400, category="B", first_row="D"), section="Stalls"
    )

    saved = plan_editor.save_plan_version(
        session, venue_name="Test Hall", plan_name="Main", plan=loaded.plan, based_on=house["plan_id"]
    )

    assert saved.version == 2 and saved.seats == 34 and saved.plan_id != house["plan_id"]
    assert seat_positions(session, house["plan_id"]) == before  # version 1 untouched
    after = seat_positions(session, saved.plan_id)
    assert after[row_a[0]] == (before[row_a[0]][0], before[row_a[0]][1] - 20)
    wheelchair = session.scalar(select(Seat.wheelchair).where(Seat.plan_id == saved.plan_id, Seat.guid == "r2s0"))
    assert wheelchair  # rebuilt from the rows: the flag went through our file key into the column
    source = session.scalar(select(SeatingPlan.source).where(SeatingPlan.id == saved.plan_id))
    assert source["x-boxoffice"]["seats"][row_a[0]] == {"companion": True}
    reopened = plan_editor.load_plan(session, plan_id=saved.plan_id)
    assert reopened.version == 2 and reopened.plan.seat_map()[row_a[0]].companion
    ((actor, target, details),) = audit_rows(session, "plan.save")
    assert actor == "maya" and target == f"plan {saved.plan_id}"
    assert details["version"] == 2 and details["based_on"] == house["plan_id"] and details["seats"] == 34
    versions = plan_editor.list_plan_versions(session)
    assert [(v.version, v.seats, v.showtimes) for v in versions] == [(1, 30, 1), (2, 34, 0)]


def test_a_cashier_may_not_open_or_save_plans(session):
    house = make_small_house(session)
    loaded = plan_editor.load_plan(session, plan_id=house["plan_id"])
    act_as(session, make_actor(session, role="cashier"))
    with pytest.raises(PermissionDeniedError):
        plan_editor.load_plan(session, plan_id=house["plan_id"])
    with pytest.raises(PermissionDeniedError):
        plan_editor.save_plan_version(session, venue_name="Test Hall", plan_name="Main", plan=loaded.plan)
    assert session.scalar(select(SeatingPlan.id).where(SeatingPlan.version == 2)) is None
    assert audit_rows(session, "plan.save") == []


def test_a_plan_with_problems_is_not_saved(session):
    house = make_small_house(session)
    loaded = plan_editor.load_plan(session, plan_id=house["plan_id"])
    seats = loaded.plan.zones[0].rows[0].seats
    seats[1].x, seats[1].y = seats[0].x, seats[0].y
    with pytest.raises(InvalidInputError) as info:
        plan_editor.save_plan_version(session, venue_name="Test Hall", plan_name="Main", plan=loaded.plan)
    assert [p.code for p in info.value.details["problems"]] == ["overlap"]
    assert session.scalar(select(SeatingPlan.id).where(SeatingPlan.version == 2)) is None


def test_migration_is_refused_listing_the_sold_and_held_seats_that_would_change(session):
    house = make_small_house(session)
    ids = house["seat_ids"]  # row A seats 1-10, row B, row C
    order = sell(session, house, [ids[0], ids[1]])
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=[ids[29]], token=uuid.uuid4(), channel="web", seconds=300
    )
    moved, removed = guid_of(session, ids[0]), guid_of(session, ids[29])

    def edit(plan):
        move_seats(plan, [moved], 0, -5)
        delete_seats(plan, [removed])

    saved = save_v2(session, house, edit)
    with pytest.raises(PlanMigrationRefusedError) as info:
        plan_editor.migrate_showtime(session, showtime_id=house["showtime_id"], new_plan_id=saved.plan_id)

    tickets = info.value.details["tickets"]
    assert tickets == [
        {
            "order": order.order_number,
            "section": "Stalls",
            "row": "A",
            "seat": "1",
            "state": "sold",
            "problem": "moved",
        },
        {
            "order": None,
            "section": "Stalls",
            "row": "C",
            "seat": "10",
            "state": "held",
            "problem": "removed from the plan",
        },
    ]
    assert order.order_number in str(info.value) and "Stalls row A seat 1" in str(info.value)
    assert session.get(Showtime, house["showtime_id"]).plan_id == house["plan_id"]  # nothing changed
    assert audit_rows(session, "plan.migrate") == []


def test_migration_carries_sold_seats_tickets_blocks_and_prices_over(session):
    house = make_small_house(session)
    ids = house["seat_ids"]
    order = sell(session, house, [ids[3]])
    session.execute(
        text("UPDATE inventory SET state = 'blocked' WHERE showtime_id = :s AND seat_id = :id"),
        {"s": house["showtime_id"], "id": ids[15]},
    )
    session.commit()
    sold_guid, blocked_guid, gone_guid = guid_of(session, ids[3]), guid_of(session, ids[15]), guid_of(session, ids[9])
    unsold_row_b = [guid_of(session, i) for i in ids[10:20]]

    def edit(plan):
        move_seats(plan, unsold_row_b, 0, 4)  # unsold seats may move
        delete_seats(plan, [gone_guid])  # an available seat may go
        set_attributes(plan, [sold_guid], not_for_sale=False)  # a flag: no change of place
        add_block(plan, BlockSpec(rows=1, seats_per_row=3, x=250, y=400, category="A", first_row="D"), section="Stalls")

    saved = save_v2(session, house, edit)
    session.rollback()
    act_as(session, make_actor(session, role="manager"))  # a manager's own login moves it (migration 0013)
    summary = plan_editor.migrate_showtime(session, showtime_id=house["showtime_id"], new_plan_id=saved.plan_id)
    act_as(session, None)
    assert (summary.carried, summary.added, summary.dropped) == (29, 3, 1)

    st = house["showtime_id"]
    assert session.get(Showtime, st).plan_id == saved.plan_id
    rows = session.execute(
        select(Seat.guid, Inventory.state).join(Seat, Seat.id == Inventory.seat_id).where(Inventory.showtime_id == st)
    ).all()
    states = dict(rows)
    assert len(rows) == 32 and all(
        session.get(Seat, i).plan_id == saved.plan_id
        for i in session.scalars(select(Inventory.seat_id).where(Inventory.showtime_id == st))
    )
    assert states[sold_guid] == "sold" and states[blocked_guid] == "blocked" and gone_guid not in states
    ticket = session.scalars(
        select(Ticket)
        .where(
            Ticket.order_id
            == select(text("id")).select_from(text("orders")).where(text("number = :n")).scalar_subquery()
        )
        .params(n=order.order_number)
    ).one()
    assert ticket.seat.guid == sold_guid and ticket.seat.plan_id == saved.plan_id
    assert ticket.category.plan_id == saved.plan_id and ticket.category.name == "A"
    prices = {
        p.category_id: p.price_minor
        for p in session.scalars(select(ShowtimePrice).where(ShowtimePrice.showtime_id == st))
    }
    new_cats = {c.name: c.id for c in session.get(SeatingPlan, saved.plan_id).categories}
    assert prices == {new_cats["A"]: 2500, new_cats["B"]: 1500}
    # the new seats can be sold at once
    new_seat = session.scalar(select(Seat.id).where(Seat.plan_id == saved.plan_id, Seat.guid.like("stalls-%")))
    sell(session, house, [new_seat])
    ((_, target, details),) = audit_rows(session, "plan.migrate")
    assert target == f"showtime {st}" and details["from_version"] == 1 and details["to_version"] == 2


def test_migration_refuses_another_venue_and_the_same_plan(session):
    house = make_small_house(session)
    other = plans.import_plan(session, venue_name="Elsewhere", data=json.loads(DEMO.read_text()))
    with pytest.raises(InvalidInputError):
        plan_editor.migrate_showtime(session, showtime_id=house["showtime_id"], new_plan_id=other.plan_id)
    with pytest.raises(InvalidInputError):
        plan_editor.migrate_showtime(session, showtime_id=house["showtime_id"], new_plan_id=house["plan_id"])


def test_an_imported_plan_opens_from_its_file(session):
    summary = plans.import_plan(session, venue_name="Riverside", data=json.loads(DEMO.read_text()))
    loaded = plan_editor.load_plan(session, plan_id=summary.plan_id)
    assert loaded.plan.seat_count() == 997 and loaded.plan.zones[0].areas  # the stage came along
    saved = plan_editor.save_plan_version(session, venue_name="Riverside", plan_name=loaded.name, plan=loaded.plan)
    assert saved.version == 2
    old, new = seat_positions(session, summary.plan_id), seat_positions(session, saved.plan_id)
    assert old.keys() == new.keys()
    assert all(new[g] == pytest.approx(old[g], abs=1e-6) for g in old)


def test_saving_over_a_newer_version_is_refused_unless_asked(session):
    """Two managers open version 1; the first saves version 2; the second's save would
    silently drop those changes, so it is refused (with who and which version) until
    they choose to save anyway. Saving under another name is a new line, not a conflict."""
    from boxoffice.domain.errors import PlanVersionConflictError

    house = make_small_house(session)
    maya, mo = make_actor(session, role="manager", username="maya"), make_actor(session, role="manager", username="mo")
    act_as(session, maya)
    first = plan_editor.load_plan(session, plan_id=house["plan_id"])
    session.rollback()  # an actor takes effect from the next transaction on
    act_as(session, mo)
    second = plan_editor.load_plan(session, plan_id=house["plan_id"])
    session.rollback()
    act_as(session, maya)
    v2 = plan_editor.save_plan_version(
        session, venue_name="Test Hall", plan_name="Main", plan=first.plan, based_on=first.plan_id
    )
    session.rollback()
    act_as(session, mo)
    with pytest.raises(PlanVersionConflictError) as refused:
        plan_editor.save_plan_version(
            session, venue_name="Test Hall", plan_name="Main", plan=second.plan, based_on=second.plan_id
        )
    assert refused.value.details["newest_version"] == 2 and refused.value.details["saved_by"] == "maya"
    assert "saved by maya" in str(refused.value)
    versions = session.execute(select(SeatingPlan.version).where(SeatingPlan.name == "Main")).scalars().all()
    session.rollback()
    assert sorted(versions) == [1, 2]  # nothing saved
    other = plan_editor.save_plan_version(
        session, venue_name="Test Hall", plan_name="Main (copy)", plan=second.plan, based_on=second.plan_id
    )
    assert other.version == 1
    v3 = plan_editor.save_plan_version(
        session, venue_name="Test Hall", plan_name="Main", plan=second.plan, based_on=second.plan_id, allow_newer=True
    )
    assert (v2.version, v3.version) == (2, 3)
    # whoever opened the newest version saves without a question
    assert (
        plan_editor.save_plan_version(
            session, venue_name="Test Hall", plan_name="Main", plan=second.plan, based_on=v3.plan_id
        ).version
        == 4
    )
