"""``boxoffice showtime add`` through the CLI entry point: schedules one showtime on the
hall's plan with prices from the plan's categories and the price rules, refuses an
overlap in the same hall, allows the same time in another screen."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import text

from boxoffice import cli
from boxoffice.services import setup, venues
from tests.factories import make_small_house


def test_add_a_showtime_by_names_then_refuse_an_overlap(monkeypatch, db_url, session, capsys):
    monkeypatch.setenv("BOXOFFICE_DATABASE_URL", db_url)
    house = make_small_house(session)  # Test Hall: one hall, one plan with categories A and B
    start = (dt.datetime.now(dt.UTC) + dt.timedelta(days=3)).replace(hour=19, minute=30, second=0, microsecond=0)
    at = start.isoformat()
    # prices: as at the plan's last showtime (A 25.00, B 15.00), one given on the line
    status = cli.main(
        ["showtime", "add", "--venue", "Test Hall", "--show", "test show", "--at", at, "--price", "B=16.50", "--json"]
    )
    out = capsys.readouterr()
    assert status == 0, out.err
    added = json.loads(out.out)
    assert (added["venue"], added["hall"], added["show"], added["plan_id"]) == (
        "Test Hall",
        "Main hall",
        "Test Show",
        house["plan_id"],
    )
    assert added["prices"]["A"]["full"] == 2500 and added["prices"]["B"]["full"] == 1650
    row = session.execute(
        text("SELECT starts_at, hall_id, off_sale_default FROM showtime WHERE id = :s"), {"s": added["showtime_id"]}
    ).one()
    assert row.starts_at == start and row.off_sale_default
    # the same hall, 30 minutes later: refused with one line, exit status 1
    later = (start + dt.timedelta(minutes=30)).isoformat()
    assert cli.main(["showtime", "add", "--venue", "Test Hall", "--show", "Test Show", "--at", later]) == 1
    err = capsys.readouterr().err
    assert err.startswith("boxoffice: error:") and "overlap" in err and err.count("\n") == 1
    # a second screen: --hall is now needed, and the same time there is fine
    hall2 = venues.add_hall(session, venue_id=house["venue_id"], name="Screen 2")
    plan2 = session.execute(
        text(
            "INSERT INTO seating_plan (venue_id, name, version, width, height, source) "
            "VALUES (:v, 'Small', 1, 100, 100, '{}') RETURNING id"
        ),
        {"v": house["venue_id"]},
    ).scalar_one()
    session.execute(
        text("INSERT INTO price_category (plan_id, name, color, position) VALUES (:p, 'All', '#888', 0)"), {"p": plan2}
    )
    session.commit()
    venues.set_plan_hall(session, plan_id=plan2, hall_id=hall2)
    assert cli.main(["showtime", "add", "--venue", "Test Hall", "--show", "Test Show", "--at", at]) == 1
    assert "say which one" in capsys.readouterr().err
    assert (
        cli.main(["showtime", "add", "--venue", "Test Hall", "--hall", "Screen 2", "--show", "Test Show", "--at", at])
        == 1
    )
    assert "Give a price for All" in capsys.readouterr().err  # no earlier showtime on that plan
    assert (
        cli.main(
            [
                "showtime",
                "add",
                "--venue",
                "Test Hall",
                "--hall",
                "Screen 2",
                "--show",
                "Test Show",
                "--at",
                start.astimezone(dt.timezone(dt.timedelta(hours=2))).isoformat(),
                "--price",
                "All=9",
            ]
        )
        == 0
    )
    assert "Scheduled showtime" in capsys.readouterr().out
    same_time = session.execute(
        text("SELECT count(DISTINCT hall_id) FROM showtime WHERE starts_at = :t AND status <> 'cancelled'"),
        {"t": start},
    ).scalar_one()
    assert same_time == 2


def test_unknown_show_is_one_line(monkeypatch, db_url, session, capsys):
    monkeypatch.setenv("BOXOFFICE_DATABASE_URL", db_url)
    make_small_house(session)
    setup.create_show(session, title="Other")
    assert cli.main(["showtime", "add", "--venue", "Test Hall", "--show", "Nope", "--at", "2031-01-01T19:00"]) == 1
    assert capsys.readouterr().err == "boxoffice: error: There is no show called 'Nope'.\n"
