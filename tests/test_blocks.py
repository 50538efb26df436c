"""Blocking and releasing seats: permissions, refusals, audit, and holds refused on blocked seats."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text

from boxoffice.domain.errors import InvalidInputError, PermissionDeniedError, SeatUnavailableError
from boxoffice.services import blocks, inventory
from boxoffice.services.auth import act_as
from tests.door_helpers import sell
from tests.factories import make_actor, make_small_house


@pytest.fixture
def house(session):
    return make_small_house(session)


def _state(session, st, seat):
    return session.execute(text("SELECT state FROM inventory_live WHERE showtime_id = :s AND seat_id = :seat"),
                           {"s": st, "seat": seat}).scalar_one()


def test_block_and_release_audited_with_reason(session, house):
    st, seats = house["showtime_id"], house["seat_ids"]
    manager = make_actor(session, role="manager")
    act_as(session, manager)
    assert blocks.block_seats(session, showtime_id=st, seat_ids=seats[:3], reason="House seats") == 3
    assert [b.label for b in blocks.blocked_seats(session, showtime_id=st)] == ["Stalls A-1", "Stalls A-2", "Stalls A-3"]
    assert {b.reason for b in blocks.blocked_seats(session, showtime_id=st)} == {"House seats"}
    # a blocked seat cannot be held by anyone
    act_as(session, None)
    with pytest.raises(SeatUnavailableError):
        inventory.hold_seats(session, showtime_id=st, seat_ids=[seats[0]], token=uuid.uuid4(), channel="web",
                             seconds=60)
    act_as(session, manager)
    assert blocks.release_seats(session, showtime_id=st, seat_ids=seats[:2]) == 2
    assert _state(session, st, seats[0]) == "available" and _state(session, st, seats[2]) == "blocked"
    rows = session.execute(text("SELECT action, actor, details FROM audit_log WHERE action IN "
                                "('seat_block', 'seat_release') ORDER BY id")).all()
    assert [(r.action, r.actor) for r in rows] == [("seat_block", manager.username), ("seat_release", manager.username)]
    assert rows[0].details["reason"] == "House seats" and rows[0].details["seats"] == ["Stalls A-1", "Stalls A-2",
                                                                                       "Stalls A-3"]
    assert rows[1].details["seats"] == ["Stalls A-1", "Stalls A-2"]


def test_block_refuses_sold_and_held_seats_all_or_nothing(session, house):
    st, seats = house["showtime_id"], house["seat_ids"]
    sell(session, st, [seats[0]])
    inventory.hold_seats(session, showtime_id=st, seat_ids=[seats[1]], token=uuid.uuid4(), channel="till",
                         seconds=120)
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
