"""Best available as a use case on a real database: choose, hold, next best, errors."""

from __future__ import annotations

import uuid

import pytest

from boxoffice.domain.best_available import NotEnoughTogetherError
from boxoffice.domain.errors import InvalidInputError
from boxoffice.services import best_available as ba
from boxoffice.services import inventory
from tests.factories import make_small_house


def _states(session, showtime_id):
    from sqlalchemy import text

    return dict(
        session.execute(
            text("SELECT seat_id, state FROM inventory_live WHERE showtime_id = :s"), {"s": showtime_id}
        ).all()
    )


def test_choose_is_front_centre_and_holds_nothing(session):
    house = make_small_house(session)
    choice = ba.choose_best(session, showtime_id=house["showtime_id"], quantity=2)
    assert (choice.section, choice.row, choice.seats) == ("Stalls", "A", ("5", "6"))
    assert set(_states(session, house["showtime_id"]).values()) == {"available"}


def test_hold_best_holds_and_next_best_releases_the_previous_offer(session):
    house = make_small_house(session)
    st, token = house["showtime_id"], uuid.uuid4()
    first = ba.hold_best(session, showtime_id=st, token=token, quantity=2, channel="till:t", seconds=60)
    states = _states(session, st)
    assert [s for s, v in states.items() if v == "held"] == sorted(first.seat_ids)
    second = ba.hold_best(
        session,
        showtime_id=st,
        token=token,
        quantity=2,
        channel="till:t",
        seconds=60,
        skip=[first.seat_ids],
        release=first.seat_ids,
    )
    assert set(second.seat_ids) != set(first.seat_ids)
    held = sorted(s for s, v in _states(session, st).items() if v == "held")
    assert held == sorted(second.seat_ids)


def test_not_enough_together_is_one_line_and_filters_work(session):
    house = make_small_house(session)
    st = house["showtime_id"]
    with pytest.raises(NotEnoughTogetherError, match=r"^No 11 seats together left\.$"):
        ba.choose_best(session, showtime_id=st, quantity=11)
    with pytest.raises(NotEnoughTogetherError, match=r"^No 4 A seats together in Stalls\.$"):
        # the only A seats: row A; take the middle so no 4 are together there
        inventory.hold_seats(
            session, showtime_id=st, seat_ids=house["seat_ids"][3:7], token=uuid.uuid4(), channel="till:x", seconds=60
        )
        ba.choose_best(session, showtime_id=st, quantity=4, category_name="a", section_name="Stalls")
    choice = ba.choose_best(session, showtime_id=st, quantity=3, category_name="A")
    assert choice.row == "A" and not set(choice.seat_ids) & set(house["seat_ids"][3:7])
    with pytest.raises(InvalidInputError):
        ba.choose_best(session, showtime_id=st, quantity=0)
    with pytest.raises(InvalidInputError, match="no price category"):
        ba.choose_best(session, showtime_id=st, quantity=1, category_name="Gold")
