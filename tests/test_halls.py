"""Venues with several halls (migration 0025): the overlap rule is per hall, checked by the
database; plans and showtimes know their hall; venue settings and halls change only
through the managers' functions."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from boxoffice.domain.errors import InvalidInputError, PermissionDeniedError, ScheduleConflictError
from boxoffice.services import setup, venues
from boxoffice.services.auth import act_as
from tests.factories import make_actor, make_small_house

_PLAN = text(
    "INSERT INTO seating_plan (venue_id, name, version, width, height, source) "
    "VALUES (:v, :n, 1, 100, 100, '{}') RETURNING id, hall_id"
)


def _plan(session, venue_id: int, name: str, hall_id: int | None = None) -> int:
    plan_id, hall = session.execute(_PLAN, {"v": venue_id, "n": name}).one()
    if hall_id is not None and hall_id != hall:
        session.execute(text("SELECT bo_plan_hall_set(:p, :h)"), {"p": plan_id, "h": hall_id})
    session.commit()
    return plan_id


def _raw_showtime(conn, show_id: int, plan_id: int, starts: dt.datetime) -> int:
    return conn.execute(
        text("INSERT INTO showtime (show_id, plan_id, starts_at) VALUES (:s, :p, :t) RETURNING id"),
        {"s": show_id, "p": plan_id, "t": starts},
    ).scalar_one()


def test_every_venue_has_a_main_hall_and_a_plan_goes_into_it(session):
    venue_id = setup.get_or_create_venue(session, name="Arts Centre")
    session.commit()
    [venue] = [v for v in venues.list_venues(session) if v.id == venue_id]
    assert [h.name for h in venue.halls] == ["Main hall"]
    assert (venue.locale, venue.off_sale_after_minutes) == ("en_GB", 30)
    plan_id = _plan(session, venue_id, "Main")
    hall = session.execute(text("SELECT hall_id FROM seating_plan WHERE id = :p"), {"p": plan_id}).scalar_one()
    assert hall == venue.halls[0].id


def test_two_screens_show_at_the_same_time_one_screen_refuses_a_second(session, engine):
    venue_id = setup.get_or_create_venue(session, name="Cinema")
    session.commit()
    screen1 = venues.list_venues(session)[0].halls[0].id
    screen2 = venues.add_hall(session, venue_id=venue_id, name="Screen 2")
    plan1 = _plan(session, venue_id, "Screen 1 plan")
    plan2 = _plan(session, venue_id, "Screen 2 plan", screen2)
    show = setup.create_show(session, title="Film", duration_minutes=100)
    starts = dt.datetime(2031, 5, 1, 19, 0, tzinfo=dt.UTC)
    # in the database, not through the service: the constraint is what guards every channel
    with engine.begin() as conn:
        a = _raw_showtime(conn, show, plan1, starts)
        b = _raw_showtime(conn, show, plan2, starts)
    halls = dict(session.execute(text("SELECT id, hall_id FROM showtime WHERE id IN (:a, :b)"), {"a": a, "b": b}).all())
    assert halls == {a: screen1, b: screen2}
    with pytest.raises(IntegrityError, match="showtime_no_overlap"), engine.begin() as conn:
        _raw_showtime(conn, show, plan1, starts + dt.timedelta(minutes=30))
    # the control: the same time in the other screen's plan is refused too, once that screen is busy
    with pytest.raises(IntegrityError, match="showtime_no_overlap"), engine.begin() as conn:
        _raw_showtime(conn, show, plan2, starts + dt.timedelta(minutes=99))
    # and the service says so in words
    with pytest.raises(ScheduleConflictError):
        setup.schedule_showtime(
            session, show_id=show, plan_id=plan1, starts_at=starts + dt.timedelta(minutes=10), prices={}
        )
    # moving a plan into a busy hall moves its showtimes: refused when they would overlap
    with pytest.raises(ScheduleConflictError):
        venues.set_plan_hall(session, plan_id=plan2, hall_id=screen1)
    assert session.execute(text("SELECT hall_id FROM showtime WHERE id = :b"), {"b": b}).scalar_one() == screen2


def test_plan_hall_must_be_of_the_plans_venue(session):
    house = make_small_house(session)
    other = setup.get_or_create_venue(session, name="Elsewhere")
    session.commit()
    other_hall = session.execute(text("SELECT id FROM hall WHERE venue_id = :v"), {"v": other}).scalar_one()
    with pytest.raises(InvalidInputError, match="not a hall of the plan's venue"):
        venues.set_plan_hall(session, plan_id=house["plan_id"], hall_id=other_hall)
    session.rollback()


def test_hall_names_are_unique_per_venue(session):
    venue_id = setup.get_or_create_venue(session, name="Multiplex")
    session.commit()
    venues.add_hall(session, venue_id=venue_id, name="Screen 2")
    with pytest.raises(InvalidInputError, match="already has a hall called Screen 2"):
        venues.add_hall(session, venue_id=venue_id, name=" Screen 2 ")
    hall = venues.get_venue(session, venue_id=venue_id).halls[0]
    venues.rename_hall(session, hall_id=hall.id, name="Screen 1")
    assert [h.name for h in venues.get_venue(session, venue_id=venue_id).halls] == ["Screen 1", "Screen 2"]
    with pytest.raises(InvalidInputError, match="1 to 100 characters"):
        venues.rename_hall(session, hall_id=hall.id, name="  ")


def test_venue_settings_change_and_are_audited(session):
    house = make_small_house(session)
    changes = venues.update_venue(
        session,
        venue_id=house["venue_id"],
        name="Test Hall",
        address="1 High Street",
        tax_number="DE123",
        currency="EUR",
        timezone="Europe/Berlin",
        locale="de_DE",
        off_sale_after_minutes=15,
    )
    assert set(changes) == {"address", "tax_number", "timezone", "locale", "off_sale_after_minutes"}
    v = venues.get_venue(session, venue_id=house["venue_id"])
    assert (v.timezone, v.locale, v.off_sale_after_minutes) == ("Europe/Berlin", "de_DE", 15)
    # the showtime that followed the default moved with the setting
    starts, off = session.execute(
        text("SELECT starts_at, off_sale_at FROM showtime WHERE id = :s"), {"s": house["showtime_id"]}
    ).one()
    assert off - starts == dt.timedelta(minutes=15)
    audit = session.execute(
        text("SELECT details FROM audit_log WHERE details ->> 'change' = 'venue_settings' ORDER BY id DESC LIMIT 1")
    ).scalar_one()
    assert audit["changes"]["locale"] == {"was": "en_GB", "now": "de_DE"}
    for bad in ({"timezone": "Mars/Olympus"}, {"locale": "xx_YY_ZZ_QQ"}, {"off_sale_after_minutes": 5000}):
        kwargs = (
            dict(
                name="Test Hall",
                address="",
                tax_number="",
                currency="EUR",
                timezone="UTC",
                locale="en_GB",
                off_sale_after_minutes=30,
            )
            | bad
        )
        with pytest.raises(InvalidInputError):
            venues.update_venue(session, venue_id=house["venue_id"], **kwargs)


def test_currency_stays_once_tickets_are_sold(session):
    from boxoffice.services import inventory, sales

    house = make_small_house(session)
    token = inventory.new_hold_token()
    inventory.hold_seats(
        session,
        showtime_id=house["showtime_id"],
        seat_ids=house["seat_ids"][:1],
        token=token,
        channel="till:test",
        seconds=60,
    )
    sales.sell_cash(
        session,
        showtime_id=house["showtime_id"],
        seat_ids=house["seat_ids"][:1],
        token=token,
        channel="till:test",
        tendered_minor=10_000,
    )
    with pytest.raises(InvalidInputError, match="currency stays"):
        venues.update_venue(
            session,
            venue_id=house["venue_id"],
            name="Test Hall",
            address="",
            tax_number="",
            currency="GBP",
            timezone="Europe/London",
            locale="en_GB",
            off_sale_after_minutes=30,
        )


def test_a_cashier_cannot_change_venue_settings_or_halls(session, session_factory):
    house = make_small_house(session)
    hall = session.execute(text("SELECT id FROM hall WHERE venue_id = :v"), {"v": house["venue_id"]}).scalar_one()
    venue = house["venue_id"]
    cashier = make_actor(session, role="cashier")
    till = session_factory()
    act_as(till, cashier)
    try:
        # through the services: refused before the round trip and by the database
        with pytest.raises(PermissionDeniedError):
            venues.add_hall(till, venue_id=house["venue_id"], name="Screen 9")
        # directly: no grant on the tables, no execute on the functions
        for sql in (
            "UPDATE venue SET off_sale_after_minutes = 600, currency = 'USD'",
            "UPDATE hall SET name = 'Mine'",
            f"INSERT INTO hall (venue_id, name) VALUES ({venue}, 'Mine')",
            "DELETE FROM hall",
            f"UPDATE seating_plan SET hall_id = {hall}",
            "UPDATE showtime SET off_sale_at = now() + interval '1 year'",
            f"SELECT bo_venue_update({venue}, 'X', '', '', 'USD', 'UTC', 'en_US', 600)",
            f"SELECT bo_hall_add({venue}, 'Mine')",
            f"SELECT bo_hall_rename({hall}, 'Mine')",
            f"SELECT bo_plan_hall_set({house['plan_id']}, {hall})",
        ):
            with pytest.raises(Exception, match="permission denied|may not"):
                till.execute(text(sql))
            till.rollback()
    finally:
        till.close()
    row = session.execute(
        text(
            "SELECT v.currency, v.off_sale_after_minutes, h.name FROM venue v JOIN hall h ON h.venue_id = v.id "
            "WHERE v.id = :v"
        ),
        {"v": house["venue_id"]},
    ).one()
    assert tuple(row) == ("EUR", 30, "Main hall")


# -- showtimes end: off sale N minutes after the start, unless set; managers may still sell ---------


def _started(session, showtime_id: int, minutes_ago: int) -> None:
    session.execute(
        text("UPDATE showtime SET starts_at = now() - make_interval(mins => :m) WHERE id = :s"),
        {"m": minutes_ago, "s": showtime_id},
    )
    session.commit()


def _hold_as(session_factory, actor, house, seat_index: int):
    from boxoffice.services import inventory

    till = session_factory()
    act_as(till, actor)
    try:
        return inventory.hold_seats(
            till,
            showtime_id=house["showtime_id"],
            seat_ids=[house["seat_ids"][seat_index]],
            token=inventory.new_hold_token(),
            channel="till:test",
            seconds=60,
        )
    finally:
        till.close()


def test_off_sale_thirty_minutes_after_the_start_by_default(session, session_factory):
    from boxoffice.domain.errors import NotOnSaleError

    house = make_small_house(session)
    cashier = make_actor(session, role="cashier")
    manager = make_actor(session, role="manager")
    starts, off, default = session.execute(
        text("SELECT starts_at, off_sale_at, off_sale_default FROM showtime WHERE id = :s"), {"s": house["showtime_id"]}
    ).one()
    assert (off - starts, default) == (dt.timedelta(minutes=30), True)
    _started(session, house["showtime_id"], 29)
    assert _hold_as(session_factory, cashier, house, 0)  # started, still on sale
    _started(session, house["showtime_id"], 31)
    with pytest.raises(NotOnSaleError, match="closed"):
        _hold_as(session_factory, cashier, house, 1)
    # the manager's override: a manager signed in as themselves still sells after the start
    assert _hold_as(session_factory, manager, house, 1)
    state = session.execute(
        text("SELECT state FROM inventory WHERE showtime_id = :s AND seat_id = :seat"),
        {"s": house["showtime_id"], "seat": house["seat_ids"][1]},
    ).scalar_one()
    assert state == "held"
    # an explicit off-sale time wins over the venue's default
    session.execute(
        text("UPDATE showtime SET off_sale_at = starts_at + interval '2 hours' WHERE id = :s"),
        {"s": house["showtime_id"]},
    )
    session.commit()
    assert _hold_as(session_factory, cashier, house, 2)
    # NULL goes back to the default, which the venue's setting moves
    session.execute(text("UPDATE showtime SET off_sale_at = NULL WHERE id = :s"), {"s": house["showtime_id"]})
    session.commit()
    with pytest.raises(NotOnSaleError, match="closed"):
        _hold_as(session_factory, cashier, house, 3)
    venues.update_venue(
        session,
        venue_id=house["venue_id"],
        name="Test Hall",
        address="",
        tax_number="",
        currency="EUR",
        timezone="Europe/London",
        locale="en_GB",
        off_sale_after_minutes=45,
    )
    assert _hold_as(session_factory, cashier, house, 3)


def test_a_paused_showtime_stops_managers_too(session, session_factory):
    from boxoffice.domain.errors import NotOnSaleError

    house = make_small_house(session)
    manager = make_actor(session, role="manager")
    session.execute(text("UPDATE showtime SET status = 'off_sale' WHERE id = :s"), {"s": house["showtime_id"]})
    session.commit()
    with pytest.raises(NotOnSaleError, match="off sale"):
        _hold_as(session_factory, manager, house, 0)
