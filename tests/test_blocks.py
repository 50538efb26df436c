"""Blocking and releasing seats: permissions, refusals, audit, and holds refused on blocked seats."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text

from boxoffice.config import DEMO_PLAN_PATH
from boxoffice.domain.errors import InvalidInputError, PermissionDeniedError, SeatUnavailableError
from boxoffice.services import blocks, inventory
from boxoffice.services.auth import act_as
from tests.door_helpers import sell
from tests.factories import make_actor, make_small_house


@pytest.fixture
def house(session):
    return make_small_house(session)


def _state(session, st, seat):
    return session.execute(
        text("SELECT state FROM inventory_live WHERE showtime_id = :s AND seat_id = :seat"), {"s": st, "seat": seat}
    ).scalar_one()


def test_block_and_release_audited_with_reason(session, house):
    st, seats = house["showtime_id"], house["seat_ids"]
    manager = make_actor(session, role="manager")
    act_as(session, manager)
    assert blocks.block_seats(session, showtime_id=st, seat_ids=seats[:3], reason="House seats") == 3
    assert [b.label for b in blocks.blocked_seats(session, showtime_id=st)] == [
        "Stalls A-1",
        "Stalls A-2",
        "Stalls A-3",
    ]
    assert {b.reason for b in blocks.blocked_seats(session, showtime_id=st)} == {"House seats"}
    # a blocked seat cannot be held by anyone
    act_as(session, None)
    with pytest.raises(SeatUnavailableError):
        inventory.hold_seats(
            session, showtime_id=st, seat_ids=[seats[0]], token=uuid.uuid4(), channel="web", seconds=60
        )
    act_as(session, manager)
    assert blocks.release_seats(session, showtime_id=st, seat_ids=seats[:2]) == 2
    assert _state(session, st, seats[0]) == "available" and _state(session, st, seats[2]) == "blocked"
    rows = session.execute(
        text("SELECT action, actor, details FROM audit_log WHERE action IN ('seat_block', 'seat_release') ORDER BY id")
    ).all()
    assert [(r.action, r.actor) for r in rows] == [("seat_block", manager.username), ("seat_release", manager.username)]
    assert rows[0].details["reason"] == "House seats" and rows[0].details["seats"] == [
        "Stalls A-1",
        "Stalls A-2",
        "Stalls A-3",
    ]
    assert rows[1].details["seats"] == ["Stalls A-1", "Stalls A-2"]


def test_block_refuses_sold_and_held_seats_all_or_nothing(session, house):
    st, seats = house["showtime_id"], house["seat_ids"]
    sell(session, st, [seats[0]])
    inventory.hold_seats(session, showtime_id=st, seat_ids=[seats[1]], token=uuid.uuid4(), channel="till", seconds=120)
    with pytest.raises(SeatUnavailableError, match="sold or held") as exc:
        blocks.block_seats(session, showtime_id=st, seat_ids=seats[:4], reason="Technical kill")
    assert exc.value.details["seat_ids"] == [seats[0], seats[1]]
    assert _state(session, st, seats[2]) == "available"  # nothing blocked
    assert _state(session, st, seats[0]) == "sold"
    with pytest.raises(InvalidInputError, match="why"):
        blocks.block_seats(session, showtime_id=st, seat_ids=[seats[5]], reason="  ")


def test_cashier_cannot_block(session, house):
    act_as(session, make_actor(session, role="cashier"))
    with pytest.raises(PermissionDeniedError, match="block seats"):
        blocks.block_seats(session, showtime_id=house["showtime_id"], seat_ids=[house["seat_ids"][0]], reason="x")
    with pytest.raises(PermissionDeniedError):
        blocks.release_seats(session, showtime_id=house["showtime_id"], seat_ids=[house["seat_ids"][0]])


def _plan_with_flags(flags: dict[str, dict]) -> dict:
    """The demo theatre's pretix JSON with ``flags`` (seat guid -> our seat flags) in its
    ``"x-boxoffice"`` extension, as the plan editor saves it."""
    import json

    data = json.loads(DEMO_PLAN_PATH.read_text())
    data["x-boxoffice"] = {"seats": flags}
    return data


def _seat_ids_by_guid(session, plan_id):
    rows = session.execute(text("SELECT guid, id FROM seat WHERE plan_id = :p"), {"p": plan_id}).all()
    session.rollback()
    return dict(rows)


def test_seats_the_plan_marks_not_for_sale_are_blocked_when_scheduled_and_when_migrated(session):
    import datetime as dt

    from boxoffice.services import plan_editor, plans, setup

    data = _plan_with_flags({})
    guids = [s["seat_guid"] for z in data["zones"] for r in z["rows"] for s in r["seats"]]
    data["x-boxoffice"]["seats"] = {guids[0]: {"not_for_sale": True}, guids[1]: {"companion": True}}
    v1 = plans.import_plan(session, venue_name="Flag Hall", data=data).plan_id
    ids1 = _seat_ids_by_guid(session, v1)
    show_id = setup.create_show(session, title="Flags")
    starts = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=3)
    st = setup.schedule_showtime(
        session, show_id=show_id, plan_id=v1, starts_at=starts, prices={c["name"]: 1000 for c in data["categories"]}
    )
    rows = session.execute(
        text("SELECT seat_id, state, block_reason FROM inventory WHERE showtime_id = :s AND state <> 'available'"),
        {"s": st},
    ).all()
    session.rollback()
    assert rows == [(ids1[guids[0]], "blocked", "Not for sale")]  # the companion seat stays on sale
    with pytest.raises(SeatUnavailableError):
        inventory.hold_seats(
            session, showtime_id=st, seat_ids=[ids1[guids[0]]], token=uuid.uuid4(), channel="web", seconds=60
        )
    sell(session, st, [ids1[guids[2]]])  # sold before the plan changes

    # version 2: seat 0 back on sale (stays blocked for this showtime: a manager releases
    # it), seats 2 (sold) and 3 (free) now not for sale
    data["x-boxoffice"]["seats"] = {guids[2]: {"not_for_sale": True}, guids[3]: {"not_for_sale": True}}
    v2 = plans.import_plan(session, venue_name="Flag Hall", data=data).plan_id
    ids2 = _seat_ids_by_guid(session, v2)
    plan_editor.migrate_showtime(session, showtime_id=st, new_plan_id=v2)
    states = dict(
        (r[0], r[1])
        for r in session.execute(
            text("SELECT seat_id, state FROM inventory WHERE showtime_id = :s AND state <> 'available'"), {"s": st}
        )
    )
    session.rollback()
    assert states == {ids2[guids[0]]: "blocked", ids2[guids[2]]: "sold", ids2[guids[3]]: "blocked"}
    audits = session.execute(
        text(
            "SELECT details->>'reason', jsonb_array_length(details->'seat_ids') "
            "FROM audit_log WHERE action = 'seat_block' ORDER BY id"
        )
    ).all()
    session.rollback()
    assert audits == [("Not for sale", 1), ("Not for sale", 1)]
