"""The day report, read as a manager's own login: sales by every dimension, tenders as
payments minus refunds by method (web its own channel), occupancy; a cashier's login is
refused by the database."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from boxoffice.domain.errors import PermissionDeniedError
from boxoffice.services import reports
from boxoffice.services.auth import act_as
from tests.factories import make_actor, make_small_house
from tests.report_helpers import refund_counter, sell_counter, sell_web


def _today(session, venue_id):
    tz = session.execute(text("SELECT timezone FROM venue WHERE id = :v"), {"v": venue_id}).scalar_one()
    session.rollback()
    return dt.datetime.now(ZoneInfo(tz)).date()


def test_a_day_of_counter_and_web_sales_adds_up(session):
    house = make_small_house(session)
    st, seats = house["showtime_id"], house["seat_ids"]
    cara = make_actor(session, role="cashier", username="cara", display_name="Cara")
    colin = make_actor(session, role="cashier", username="colin", display_name="Colin")
    maya = make_actor(session, role="manager", username="maya")
    a = sell_counter(session, cara, st, seats[0:2], till="till:1")  # 2 x A = 5000 cash
    b = sell_counter(session, colin, st, seats[10:13], method="card", till="till:2")  # 3 x B = 4500 card
    sell_web(session, st, seats[20:22])  # 2 x B = 3000 online
    refund_counter(session, cara, a.order_number, till="till:1")  # 5000 back in cash
    act_as(session, maya)
    report = reports.day_report(session, _today(session, house["venue_id"]), venue_id=house["venue_id"])
    act_as(session, None)

    assert report.orders == 3
    total = report.total()
    assert (total.sold, total.sold_minor, total.refunded, total.refunded_minor) == (7, 12500, 2, 5000)
    for dimension in reports.DIMENSIONS:  # every table adds up to the same day
        assert report.total(dimension) == reports.SalesLine("total", 7, 12500, 2, 5000), dimension
    assert {line.key: line.sold for line in report.sales["channel"]} == {"till:1": 2, "till:2": 3, "web": 2}
    assert {line.key: line.net_minor for line in report.sales["seller"]} == {"Cara": 0, "Colin": 4500, "Web": 3000}
    assert {line.key: line.sold for line in report.sales["category"]} == {"A": 2, "B": 5}
    assert [line.key for line in report.sales["ticket_type"]] == ["Full"]
    net = {m: t.net_minor for m, t in report.by_method().items()}
    assert net == {"cash": 0, "card": 4500, "online": 3000}
    assert report.by_method("web")["online"].paid_minor == 3000 and "online" not in report.by_method("counter")
    assert report.by_channel_method()[("till:1", "cash")].refunded_minor == 5000
    assert [(r.order_number, r.method, r.amount_minor) for r in report.refunds] == [(a.order_number, "cash", 5000)]
    assert b.order_number not in {r.order_number for r in report.refunds}
    assert report.occupancy == []  # the showtime is tomorrow
    data = report.as_json()
    assert data["net_by_method"] == {"card": 4500, "cash": 0, "online": 3000}
    assert data["total"]["net_minor"] == 7500


def test_occupancy_of_the_days_showtimes(session):
    house = make_small_house(session, starts_at=dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=2))
    cara = make_actor(session, role="cashier")
    sell_counter(session, cara, house["showtime_id"], house["seat_ids"][:6])
    day = (dt.datetime.now(dt.UTC) + dt.timedelta(days=2)).astimezone(ZoneInfo("Europe/London")).date()
    report = reports.period_report(session, day - dt.timedelta(days=3), day, venue_id=house["venue_id"])
    (occ,) = report.occupancy
    assert (occ.capacity, occ.blocked, occ.sold, occ.value_minor, occ.percent) == (30, 0, 6, 15000, 20.0)
    assert sum(line.sold for line in report.sales["day"]) == 6


def test_a_cashiers_login_is_refused_by_the_database(session):
    house = make_small_house(session)
    cara = make_actor(session, role="cashier")
    day = _today(session, house["venue_id"])
    act_as(session, cara)
    with pytest.raises(PermissionDeniedError):  # Python's check, for the message
        reports.day_report(session, day)
    # the database's own check: call it as the cashier's login, past authorize()
    session.info["actor"] = cara.__class__(cara.staff_id, cara.username, cara.display_name, "manager", "t", cara.login)
    with pytest.raises(PermissionDeniedError) as refused:
        reports.day_report(session, day)
    assert refused.value.details.get("permission") == "reports"
    act_as(session, None)
    # control: the same call as a manager's login reads the day
    act_as(session, make_actor(session, role="manager"))
    assert reports.day_report(session, day).orders == 0
    act_as(session, None)


def test_the_command_line_prints_the_same_figures_and_refuses_a_cashier(session, db_url, monkeypatch, capsys):
    import json

    from sqlalchemy.engine import make_url

    from boxoffice.cli import main

    house = make_small_house(session)
    cara = make_actor(session, role="cashier", username="cara", password="cara-secret-pass")
    sell_counter(session, cara, house["showtime_id"], house["seat_ids"][:3], method="card")
    sell_web(session, house["showtime_id"], house["seat_ids"][10:11])
    day = _today(session, house["venue_id"])
    monkeypatch.setenv("BOXOFFICE_DATABASE_URL", db_url)
    assert main(["report", "day", day.isoformat(), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    expected = reports.day_report(session, day, venue_id=house["venue_id"]).as_json()
    for key in ("total", "sales", "tenders", "net_by_method", "orders"):
        assert printed[key] == expected[key], key
    assert printed["net_by_method"] == {"card": 7500, "online": 1500}
    assert main(["report", "day", day.isoformat()]) == 0
    assert "web      online" in capsys.readouterr().out
    # the cashier's own login: the database refuses, one line
    url = make_url(db_url).set(username=cara.login, password="cara-secret-pass")
    monkeypatch.setenv("BOXOFFICE_DATABASE_URL", url.render_as_string(hide_password=False))
    assert main(["report", "day", day.isoformat(), "--json"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("boxoffice: error:") and "reports" in err


def test_two_venues_each_report_their_own_orders(session):
    first = make_small_house(session)
    session.execute(text("UPDATE venue SET name = 'First Hall' WHERE id = :v"), {"v": first["venue_id"]})
    session.commit()
    second = make_small_house(session)  # a new "Test Hall"
    assert second["venue_id"] != first["venue_id"]
    cara = make_actor(session, role="cashier")
    sell_counter(session, cara, first["showtime_id"], first["seat_ids"][:1])  # 2500 cash
    sell_counter(session, cara, second["showtime_id"], second["seat_ids"][10:12], method="card")  # 3000 card
    sell_web(session, second["showtime_id"], second["seat_ids"][20:21])  # 1500 online
    day = _today(session, first["venue_id"])
    one = reports.day_report(session, day, venue_id=first["venue_id"])
    two = reports.day_report(session, day, venue_id=second["venue_id"])
    assert {m: t.net_minor for m, t in one.by_method().items()} == {"cash": 2500}
    assert {m: t.net_minor for m, t in two.by_method().items()} == {"card": 3000, "online": 1500}
    assert (one.orders, two.orders) == (1, 2) and (one.total().sold, two.total().sold) == (1, 3)
