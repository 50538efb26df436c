"""Best available as a use case on a real database: choose, hold, next best, errors."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text

from boxoffice.domain.best_available import NotEnoughTogetherError
from boxoffice.domain.errors import InvalidInputError
from boxoffice.services import best_available as ba, inventory
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


def test_warm_reads_the_house_once_and_later_calls_see_changes(session):
    house = make_small_house(session)
    st = house["showtime_id"]
    cache = ba.BestCache()
    assert ba.warm(session, showtime_id=st, cache=cache) == 30  # every seat, the wheelchair space too
    inventory.hold_seats(
        session, showtime_id=st, seat_ids=house["seat_ids"][4:6], token=uuid.uuid4(), channel="till:x", seconds=60
    )
    choice = ba.choose_best(session, showtime_id=st, quantity=2, cache=cache)
    assert not set(choice.seat_ids) & set(house["seat_ids"][4:6])


def test_a_seat_taken_outside_the_lock_is_retried_with_other_seats(session, monkeypatch):
    """A hold that does not take the lock (a seat clicked on the map) lands between the
    read and bo_hold: simulated by a state cache that does not see it; bo_hold refuses and
    hold_best retries in a savepoint without those seats."""
    house = make_small_house(session)
    st, ids = house["showtime_id"], house["seat_ids"]
    cache = ba.BestCache()
    ba.warm(session, showtime_id=st, cache=cache)
    monkeypatch.setattr(ba.best_cache, "apply", lambda *args: None)  # the cache goes stale
    inventory.hold_seats(session, showtime_id=st, seat_ids=ids[4:6], token=uuid.uuid4(), channel="till:x", seconds=60)
    token = uuid.uuid4()
    held = ba.hold_best(session, showtime_id=st, token=token, quantity=2, channel="till:t", seconds=60, cache=cache)
    assert not set(held.seat_ids) & set(ids[4:6])
    from sqlalchemy import text

    mine = (
        session.execute(
            text("SELECT seat_id FROM inventory WHERE showtime_id = :s AND hold_token = :t ORDER BY seat_id"),
            {"s": st, "t": token},
        )
        .scalars()
        .all()
    )
    assert mine == sorted(held.seat_ids)


def test_the_web_login_holds_best_seats_within_its_limits(session, db_url):
    """The online channel's own login: hold_best through bo_web_hold with the web's limits."""
    import psycopg
    from sqlalchemy.engine import make_url

    from boxoffice.db.engine import make_engine, make_session_factory
    from boxoffice.domain.errors import TooManySeatsError
    from boxoffice.services.web_holds import Buyer, HoldLimits

    house = make_small_house(session)
    url = make_url(db_url).set(drivername="postgresql")
    login = f"{url.database}_web_shop"
    with psycopg.connect(url.render_as_string(hide_password=False)) as conn:
        verifier = conn.pgconn.encrypt_password(b"pw", login.encode(), b"scram-sha-256").decode()
    session.execute(text("SELECT bo_web_login('shop', :v)"), {"v": verifier})
    session.commit()
    web = make_engine(make_url(db_url).set(username=login, password="pw").render_as_string(hide_password=False))
    try:
        with make_session_factory(web)() as s:
            buyer, limits = Buyer(ip="192.0.2.7"), HoldLimits(seats_per_hold=4)
            token = uuid.uuid4()
            held = ba.hold_best(
                s,
                showtime_id=house["showtime_id"],
                token=token,
                quantity=3,
                channel="ignored",
                seconds=300,
                buyer=buyer,
                limits=limits,
            )
            assert held.choice.row == "A" and len(held.seat_ids) == 3
            with pytest.raises(TooManySeatsError):
                ba.hold_best(
                    s,
                    showtime_id=house["showtime_id"],
                    token=uuid.uuid4(),
                    quantity=5,
                    channel="web",
                    seconds=300,
                    buyer=buyer,
                    limits=limits,
                )
    finally:
        web.dispose()
    rows = session.execute(
        text("SELECT seat_id, hold_channel FROM inventory WHERE hold_token = :t ORDER BY seat_id"), {"t": token}
    ).all()
    assert [r[0] for r in rows] == sorted(held.seat_ids) and {r[1] for r in rows} == {"web"}
