"""Shows, scheduling series, overlaps, cancelling: services on the real database."""

from __future__ import annotations

import datetime as dt
import uuid
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from boxoffice.domain.errors import (
    InvalidInputError,
    NotOnSaleError,
    PermissionDeniedError,
    ScheduleConflictError,
)
from boxoffice.runtime import Database
from boxoffice.services import cancellation, inventory, schedule, shows
from boxoffice.services.auth import act_as
from tests.door_helpers import sell
from tests.factories import make_actor, make_small_house
from tests.web_helpers import make_app

UTC = dt.UTC
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


@pytest.fixture
def house(session):
    return make_small_house(session)


def _request(house, **over) -> schedule.SeriesRequest:
    today = dt.date.today()
    values = dict(
        show_id=house["show_id"],
        plan_id=house["plan_id"],
        first_day=today + dt.timedelta(days=10),
        last_day=today + dt.timedelta(days=23),
        weekdays=frozenset({3, 6}),
        times=(dt.time(14, 30), dt.time(19, 30)),
        base_prices={house["category_ids"]["A"]: 3000, house["category_ids"]["B"]: 2000},
    )
    values.update(over)
    return schedule.SeriesRequest(**values)


def test_save_show_validates_and_audits(session):
    show_id = shows.save_show(session, title="  Hamlet ", duration_minutes=180, rating="12A", image=PNG)
    info = {s.id: s for s in shows.list_shows(session)}[show_id]
    assert (info.title, info.duration_minutes, info.rating, info.image_type) == ("Hamlet", 180, "12A", "image/png")
    assert shows.show_image(session, show_id=show_id) == (PNG, "image/png")
    shows.save_show(session, show_id=show_id, title="Hamlet", duration_minutes=170, rating="12A")
    assert shows.show_image(session, show_id=show_id) == (PNG, "image/png")  # KEEP by default
    with pytest.raises(InvalidInputError, match="title"):
        shows.save_show(session, title="   ", duration_minutes=90)
    with pytest.raises(InvalidInputError, match="positive"):
        shows.save_show(session, title="X", duration_minutes=0)
    with pytest.raises(InvalidInputError, match="PNG or JPEG"):
        shows.save_show(session, title="X", duration_minutes=90, image=b"GIF89a....")
    with pytest.raises(InvalidInputError, match="KiB"):
        shows.save_show(session, title="X", duration_minutes=90, image=PNG + b"\0" * shows.MAX_IMAGE_BYTES)
    changes = (
        session.execute(text("SELECT details->'changed' FROM audit_log WHERE action = 'show.save' ORDER BY id"))
        .scalars()
        .all()
    )
    assert changes == [["created", "image"], ["duration_minutes"]]


def test_cashier_cannot_set_up(session, house):
    act_as(session, make_actor(session, role="cashier"))
    with pytest.raises(PermissionDeniedError):
        shows.save_show(session, title="Nope", duration_minutes=60)
    with pytest.raises(PermissionDeniedError):
        schedule.create_series(session, _request(house))
    with pytest.raises(PermissionDeniedError):
        cancellation.cancel_showtime(session, showtime_id=house["showtime_id"], reason="x")
    act_as(session, None)
    assert session.execute(text("SELECT count(*) FROM showtime")).scalar_one() == 1


def test_series_preview_is_what_is_created(session, house):
    manager = make_actor(session, role="manager")
    act_as(session, manager)
    request = _request(house)
    preview = schedule.preview_series(session, request)
    # two weeks of Wednesdays and Saturdays, two times each
    assert len(preview.planned) == 8 and not preview.conflicts
    zone = ZoneInfo("Europe/London")
    assert all(p.starts_at.astimezone(zone).isoweekday() in (3, 6) for p in preview.planned)
    ids = schedule.create_series(session, request)
    assert len(ids) == 8
    rows = session.execute(
        text("SELECT starts_at, ends_at, venue_id FROM showtime WHERE id = ANY(:i) ORDER BY starts_at"), {"i": ids}
    ).all()
    assert [r.starts_at for r in rows] == [p.starts_at for p in preview.planned]
    assert [r.ends_at for r in rows] == [p.ends_at for p in preview.planned]
    assert {r.venue_id for r in rows} == {house["venue_id"]}
    seats = session.execute(text("SELECT count(*) FROM inventory WHERE showtime_id = ANY(:i)"), {"i": ids}).scalar_one()
    assert seats == 8 * len(house["seat_ids"])
    audit = session.execute(text("SELECT actor, details FROM audit_log WHERE action = 'showtime.schedule'")).one()
    assert audit.actor == manager.username and audit.details["showtime_ids"] == ids
    # the same series again collides with every one of them, and nothing is created
    again = schedule.preview_series(session, request)
    assert len(again.conflicts) == 8 and "overlaps “Test Show”" in again.conflicts[0].conflicts[0]
    with pytest.raises(ScheduleConflictError, match="8 of 8 showtimes cannot be scheduled"):
        schedule.create_series(session, request)
    assert session.execute(text("SELECT count(*) FROM showtime")).scalar_one() == 9


def test_series_input_errors(session, house):
    today = dt.date.today()
    with pytest.raises(InvalidInputError, match="ends before it starts"):
        schedule.preview_series(
            session, _request(house, first_day=today + dt.timedelta(days=5), last_day=today + dt.timedelta(days=4))
        )
    with pytest.raises(InvalidInputError, match="day of the week"):
        schedule.preview_series(session, _request(house, weekdays=frozenset()))
    with pytest.raises(InvalidInputError, match="cannot be negative"):
        schedule.preview_series(
            session, _request(house, base_prices={house["category_ids"]["A"]: -100, house["category_ids"]["B"]: 100})
        )
    with pytest.raises(InvalidInputError, match="100,000.00"):
        schedule.preview_series(
            session,
            _request(house, base_prices={house["category_ids"]["A"]: 100_000_01, house["category_ids"]["B"]: 100}),
        )
    with pytest.raises(InvalidInputError, match="not a category"):
        schedule.preview_series(
            session,
            _request(house, base_prices={house["category_ids"]["A"]: 100, house["category_ids"]["B"]: 100, 999_999: 5}),
        )
    with pytest.raises(InvalidInputError, match="B has none"):
        schedule.preview_series(session, _request(house, base_prices={house["category_ids"]["A"]: 100}))


def test_overlap_in_one_venue_is_refused_by_service_and_database(session, house):
    starts = session.execute(
        text("SELECT starts_at FROM showtime WHERE id = :s"), {"s": house["showtime_id"]}
    ).scalar_one()
    prices = {house["category_ids"]["A"]: 100, house["category_ids"]["B"]: 100}
    # the show runs 120 minutes: one hour later overlaps, two hours later does not
    with pytest.raises(ScheduleConflictError, match="overlap"):
        schedule.schedule_one(
            session,
            show_id=house["show_id"],
            plan_id=house["plan_id"],
            starts_at=starts + dt.timedelta(hours=1),
            base_prices=prices,
        )
    later = schedule.schedule_one(
        session,
        show_id=house["show_id"],
        plan_id=house["plan_id"],
        starts_at=starts + dt.timedelta(hours=2),
        base_prices=prices,
    )
    assert later
    # the constraint holds for any client: raw SQL cannot overlap either
    with pytest.raises(IntegrityError, match="showtime_no_overlap"):
        session.execute(
            text("INSERT INTO showtime (show_id, plan_id, starts_at) VALUES (:sh, :p, :t)"),
            {"sh": house["show_id"], "p": house["plan_id"], "t": starts + dt.timedelta(minutes=30)},
        )
    session.rollback()
    # lengthening the show would make the two overlap: refused, nothing saved
    with pytest.raises(ScheduleConflictError, match="would overlap"):
        shows.save_show(session, show_id=house["show_id"], title="Test Show", duration_minutes=150)
    assert (
        session.execute(text("SELECT duration_minutes FROM show WHERE id = :s"), {"s": house["show_id"]}).scalar_one()
        == 120
    )
    # a cancelled showtime frees its slot
    cancellation.cancel_showtime(session, showtime_id=later, reason="Moved")
    assert schedule.schedule_one(
        session,
        show_id=house["show_id"],
        plan_id=house["plan_id"],
        starts_at=starts + dt.timedelta(hours=2, minutes=30),
        base_prices=prices,
    )


def test_sales_window_is_enforced_by_the_database(session, house):
    starts = dt.datetime.now(UTC).replace(microsecond=0) + dt.timedelta(days=40)
    prices = {house["category_ids"]["A"]: 100, house["category_ids"]["B"]: 100}
    not_yet = schedule.schedule_one(
        session,
        show_id=house["show_id"],
        plan_id=house["plan_id"],
        starts_at=starts,
        base_prices=prices,
        on_sale_days_before=30,
    )
    with pytest.raises(NotOnSaleError, match="not opened yet"):
        inventory.hold_seats(
            session,
            showtime_id=not_yet,
            seat_ids=[house["seat_ids"][0]],
            token=uuid.uuid4(),
            channel="till",
            seconds=60,
        )
    closed = schedule.schedule_one(
        session,
        show_id=house["show_id"],
        plan_id=house["plan_id"],
        starts_at=starts + dt.timedelta(days=1),
        base_prices=prices,
        off_sale_minutes=-60 * 24 * 2,
    )
    session.execute(text("UPDATE showtime SET off_sale_at = now() - interval '1 minute' WHERE id = :s"), {"s": closed})
    session.commit()
    with pytest.raises(NotOnSaleError, match="closed"):
        inventory.hold_seats(
            session, showtime_id=closed, seat_ids=[house["seat_ids"][0]], token=uuid.uuid4(), channel="till", seconds=60
        )


def test_cancel_stops_sales_everywhere_and_lists_refunds(session, house, engine, session_factory, db_url):
    st = house["showtime_id"]
    tickets = sell(session, st, house["seat_ids"][:2])
    held = uuid.uuid4()
    inventory.hold_seats(
        session, showtime_id=st, seat_ids=[house["seat_ids"][5]], token=held, channel="till", seconds=120
    )
    with TestClient(make_app(Database(engine, session_factory, db_url, embedded=False))) as client:
        web_hold = client.post(f"/showtimes/{st}/holds", json={"seat_ids": [house["seat_ids"][6]]})
        assert web_hold.status_code == 201
        booking = client.post("/bookings", json={"showtime_id": st, "hold_token": web_hold.json()["hold_token"]})
        assert booking.status_code == 201

        result = cancellation.cancel_showtime(session, showtime_id=st, reason="Lead actor ill")

        assert result.released_holds == 2 and result.cancelled_bookings == 1
        (order,) = result.orders
        assert order.tickets == 2 and order.total_minor == 5000 and order.channel == "till-1"
        assert order.seats == ("Stalls A-1", "Stalls A-2")
        assert tickets[0].order_number == order.number
        # the web refuses new holds with a clear error
        refused = client.post(f"/showtimes/{st}/holds", json={"seat_ids": [house["seat_ids"][7]]})
        assert refused.status_code == 409 and refused.json()["error"]["code"] == "not_on_sale"
        assert "cancelled" in refused.json()["error"]["message"]
    # the SQL function itself refuses, whatever the client
    with pytest.raises(NotOnSaleError, match="cancelled"):
        inventory.hold_seats(
            session, showtime_id=st, seat_ids=[house["seat_ids"][8]], token=uuid.uuid4(), channel="till", seconds=60
        )
    raw = session.connection().exec_driver_sql  # psycopg directly: SQLSTATE BO003
    with pytest.raises(Exception) as exc:
        raw("SELECT bo_hold(%s, ARRAY[%s], gen_random_uuid(), 'kiosk', 60)", (st, house["seat_ids"][9]))
    assert getattr(exc.value.orig, "sqlstate", None) == "BO003"
    session.rollback()
    row = session.execute(
        text("SELECT status, cancelled_at IS NOT NULL, cancel_reason FROM showtime WHERE id = :s"), {"s": st}
    ).one()
    assert tuple(row) == ("cancelled", True, "Lead actor ill")
    assert (
        session.execute(
            text("SELECT count(*) FROM inventory_live WHERE showtime_id = :s AND state = 'held'"), {"s": st}
        ).scalar_one()
        == 0
    )
    assert (
        session.execute(text("SELECT details->>'reason' FROM audit_log WHERE action = 'showtime.cancel'")).scalar_one()
        == "Lead actor ill"
    )
    with pytest.raises(InvalidInputError, match="already cancelled"):
        cancellation.cancel_showtime(session, showtime_id=st, reason="again")


def test_a_hold_that_raced_the_cancel_cannot_be_sold(session, house):
    """bo_sell checks the status too: a hold left on a cancelled showtime sells nothing."""
    st, seat = house["showtime_id"], house["seat_ids"][3]
    token = uuid.uuid4()
    inventory.hold_seats(session, showtime_id=st, seat_ids=[seat], token=token, channel="till", seconds=120)
    cancellation.cancel_showtime(session, showtime_id=st, reason="Flood")
    # put a live hold back by hand, as a hold racing the cancellation could leave it
    session.execute(
        text(
            "UPDATE inventory SET state = 'held', hold_token = :t, hold_expires_at = now() + "
            "interval '1 minute' WHERE showtime_id = :s AND seat_id = :seat"
        ),
        {"t": token, "s": st, "seat": seat},
    )
    session.commit()
    from boxoffice.services import sales

    with pytest.raises(NotOnSaleError, match="cancelled"):
        sales.sell_cash(session, showtime_id=st, seat_ids=[seat], token=token, channel="till", tendered_minor=100_00)
    assert session.execute(text("SELECT count(*) FROM ticket WHERE showtime_id = :s"), {"s": st}).scalar_one() == 0


def test_control_the_0001_bo_sell_would_sell_the_raced_hold(session, house):
    """Negative control for the test above: with bo_sell as migration 0001 wrote it (no
    status check), the same hold on a cancelled showtime sells."""
    import re
    from pathlib import Path

    from boxoffice.config import MIGRATIONS_DIR
    from boxoffice.services import sales

    old = Path(MIGRATIONS_DIR) / "versions" / "0001_initial.py"
    body = re.search(r"CREATE FUNCTION bo_sell\(.*?END \$\$;", old.read_text(), re.S).group(0)
    session.execute(text(body.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)))
    session.commit()
    st, seat = house["showtime_id"], house["seat_ids"][3]
    token = uuid.uuid4()
    cancellation.cancel_showtime(session, showtime_id=st, reason="Flood")
    session.execute(
        text(
            "UPDATE inventory SET state = 'held', hold_token = :t, hold_expires_at = now() + "
            "interval '1 minute' WHERE showtime_id = :s AND seat_id = :seat"
        ),
        {"t": token, "s": st, "seat": seat},
    )
    session.commit()
    sales.sell_cash(session, showtime_id=st, seat_ids=[seat], token=token, channel="till", tendered_minor=100_00)
    assert session.execute(text("SELECT count(*) FROM ticket WHERE showtime_id = :s"), {"s": st}).scalar_one() == 1


def test_pause_and_change_the_sales_window(session, house):
    from boxoffice.services import sales_window

    st, seat = house["showtime_id"], house["seat_ids"][0]
    settings = sales_window.sales_settings(session, showtime_id=st)
    assert (settings.paused, settings.on_sale_at, settings.off_sale_at) == (False, None, None)
    manager = make_actor(session, role="manager")
    act_as(session, manager)
    sales_window.set_sales(session, showtime_id=st, on_sale_at=None, off_sale_at=None, doors_open_at=None, paused=True)
    with pytest.raises(NotOnSaleError, match="off sale"):
        inventory.hold_seats(session, showtime_id=st, seat_ids=[seat], token=uuid.uuid4(), channel="t", seconds=60)
    later = dt.datetime.now(UTC) + dt.timedelta(hours=2)
    sales_window.set_sales(
        session, showtime_id=st, on_sale_at=later, off_sale_at=None, doors_open_at=None, paused=False
    )
    with pytest.raises(NotOnSaleError, match="not opened yet"):
        inventory.hold_seats(session, showtime_id=st, seat_ids=[seat], token=uuid.uuid4(), channel="t", seconds=60)
    sales_window.set_sales(session, showtime_id=st, on_sale_at=None, off_sale_at=None, doors_open_at=None, paused=False)
    inventory.hold_seats(session, showtime_id=st, seat_ids=[seat], token=uuid.uuid4(), channel="t", seconds=60)
    with pytest.raises(InvalidInputError, match="close after they open"):
        sales_window.set_sales(
            session, showtime_id=st, on_sale_at=later, off_sale_at=later, doors_open_at=None, paused=False
        )
    audits = (
        session.execute(text("SELECT details FROM audit_log WHERE action = 'showtime.sales' ORDER BY id"))
        .scalars()
        .all()
    )
    assert audits[0] == {"status": {"old": "on_sale", "new": "off_sale"}} and len(audits) == 3
    session.rollback()
    act_as(session, None)  # the test's superuser makes the cashier's login
    act_as(session, make_actor(session, role="cashier"))
    with pytest.raises(PermissionDeniedError):
        sales_window.set_sales(
            session, showtime_id=st, on_sale_at=None, off_sale_at=None, doors_open_at=None, paused=True
        )
