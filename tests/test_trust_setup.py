"""The manager's set-up contract (migration 0013): only managers and admins may set up
the house and change prices, and only through the contract functions.

Each test connects as the person it plays (a real login, never the superuser) and tries
every set-up function: a cashier and a door login are refused with every row unchanged;
a manager succeeds; nobody writes a set-up table directly; impossible values are refused
by the database even when a client skips the Python checks.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from boxoffice.domain.plan_generator import generate_grid_plan
from tests.factories import make_actor, make_small_house

PASSWORD = "correct horse battery"
TABLES = (
    "venue",
    "seating_plan",
    "section",
    "seat",
    "plan_area",
    "price_category",
    "ga_area",
    "show",
    "showtime",
    "inventory",
    "ga_inventory",
    "showtime_price",
    "showtime_type_price",
    "ticket_type",
    "price_rule",
    "booking",
    "ga_hold",
    "audit_log",
)


def _connect(plain_db_url: str, login: str) -> psycopg.Connection:
    url = make_url(plain_db_url)
    return psycopg.connect(
        host=url.query.get("host") or url.host,
        port=url.port,
        dbname=url.database,
        user=login,
        password=PASSWORD,
        autocommit=True,
    )


def _snapshot(plain_db_url: str) -> dict:
    """Every row of the set-up tables, as text, read by the superuser."""
    with psycopg.connect(plain_db_url, autocommit=True) as admin:
        return {t: sorted(str(r) for r in admin.execute(f'SELECT * FROM "{t}"').fetchall()) for t in TABLES}


@pytest.fixture
def house(session):
    return make_small_house(session)


def _calls(house: dict) -> list[tuple[str, tuple]]:
    """One call of every set-up function, with arguments a manager could pass."""
    st, plan, show, venue = house["showtime_id"], house["plan_id"], None, house["venue_id"]
    cat = house["category_ids"]["A"]
    rows = {
        "categories": [{"name": "A", "color": "#000000"}],
        "sections": [{"name": "S"}],
        "seats": [
            {"section": 0, "category": 0, "guid": "g1", "row_label": "A", "seat_number": "1", "x": 1.0, "y": 1.0}
        ],
    }
    later = (dt.datetime.now(dt.UTC) + dt.timedelta(days=30)).isoformat()
    return [
        ("SELECT bo_venue_create(%s, %s, %s)", ("Mallory Hall", "EUR", "Europe/London")),
        (
            "SELECT bo_plan_store(%s, %s, %s, %s, %s::jsonb, %s::jsonb)",
            (venue, "Main", 100.0, 100.0, "{}", json.dumps(rows)),
        ),
        ("SELECT bo_show_save(%s, %s, %s, %s, %s)", (show, "Stolen Show", 90, "", "")),
        (
            "SELECT bo_showtimes_create(%s, %s, %s::jsonb)",
            (
                house["show_id"],
                plan,
                json.dumps([{"starts_at": later, "prices": [{"category_id": cat, "price_minor": 1}]}]),
            ),
        ),
        ("SELECT bo_showtime_set_sales(%s, NULL, NULL, NULL, true)", (st,)),
        ("SELECT bo_showtime_cancel(%s, %s)", (st, "because I can")),
        ("SELECT bo_showtime_move_plan(%s, %s)", (st, plan)),
        (
            "SELECT bo_prices_set(%s, %s::jsonb)",
            (st, json.dumps([{"category_id": cat, "ticket_type_id": None, "price_minor": 1}])),
        ),
        ("SELECT bo_ticket_type_save(NULL, %s, 'staff', 'Staff', 9, true)", (venue,)),
        (
            "SELECT bo_price_rule_save(NULL, %s, %s::jsonb)",
            (venue, json.dumps({"name": "Free", "kind": "set", "amount_minor": 0})),
        ),
        ("SELECT bo_price_rule_delete(%s)", (1,)),
    ]


@pytest.mark.parametrize("role", ["cashier", "door"])
def test_staff_without_setup_are_refused_every_setup_function(session, plain_db_url, house, role):
    person = make_actor(session, role=role, password=PASSWORD)
    before = _snapshot(plain_db_url)
    with _connect(plain_db_url, person.login) as conn:
        for sql, args in _calls(house):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql, args)
    assert _snapshot(plain_db_url) == before
    # the second line: even with EXECUTE granted by mistake, each function checks its caller
    functions = [sql.split("(")[0].removeprefix("SELECT ") for sql, _ in _calls(house)]
    with psycopg.connect(plain_db_url, autocommit=True) as admin:
        for name in set(functions):
            for (signature,) in admin.execute(
                "SELECT oid::regprocedure::text FROM pg_proc WHERE proname = %s", (name,)
            ).fetchall():
                admin.execute(f"GRANT EXECUTE ON FUNCTION {signature} TO bo_{role}")
    with _connect(plain_db_url, person.login) as conn:
        for sql, args in _calls(house):
            with pytest.raises(psycopg.errors.InsufficientPrivilege) as refused:
                conn.execute(sql, args)
            assert refused.value.diag.message_detail in {"setup", "prices"}, sql
    assert _snapshot(plain_db_url) == before


def test_a_manager_cannot_write_setup_tables_directly(session, plain_db_url, house):
    manager = make_actor(session, role="manager", password=PASSWORD)
    before = _snapshot(plain_db_url)
    statements = [
        (
            "INSERT INTO seat (plan_id, section_id, category_id, guid, row_label, seat_number, x, y) "
            "VALUES (%s, %s, %s, 'x', 'Z', '1', 0, 0)",
            (house["plan_id"], house["section_id"], house["category_ids"]["A"]),
        ),
        ("UPDATE showtime_price SET price_minor = 1", None),
        ("DELETE FROM showtime_price", None),
        ("UPDATE showtime SET status = 'cancelled', cancelled_at = now()", None),
        ("INSERT INTO show (title) VALUES ('x')", None),
        ("INSERT INTO venue (name) VALUES ('x')", None),
        ("UPDATE inventory SET state = 'blocked'", None),
        ("SELECT 1 FROM showtime FOR UPDATE", None),
        # the internal helpers are nobody's to call
        ("SELECT bo_block_not_for_sale(%s, %s)", (house["showtime_id"], house["plan_id"])),
    ]
    with _connect(plain_db_url, manager.login) as conn:
        for sql, args in statements:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql, args)
    assert _snapshot(plain_db_url) == before


def test_a_manager_sets_up_through_the_functions(session, plain_db_url, house):
    manager = make_actor(session, role="manager", password=PASSWORD)
    cat = house["category_ids"]["A"]
    with _connect(plain_db_url, manager.login) as conn:
        venue = conn.execute("SELECT bo_venue_create('New Hall', 'gbp', 'Europe/London')").fetchone()[0]
        assert conn.execute("SELECT bo_venue_create('New Hall', 'GBP', 'Europe/London')").fetchone()[0] == venue
        show = conn.execute("SELECT bo_show_save(NULL, 'Hamlet', 180, '', '12A')").fetchone()[0]
        later = (dt.datetime.now(dt.UTC) + dt.timedelta(days=30)).replace(microsecond=0)
        items = [
            {
                "starts_at": (later + dt.timedelta(days=i)).isoformat(),
                "prices": [{"category_id": cat, "price_minor": 2000}],
            }
            for i in range(3)
        ]
        ids = conn.execute(
            "SELECT bo_showtimes_create(%s, %s, %s::jsonb)", (show, house["plan_id"], json.dumps(items))
        ).fetchone()[0]
        assert len(ids) == 3
        seats = conn.execute("SELECT count(*) FROM inventory WHERE showtime_id = ANY(%s)", (ids,)).fetchone()[0]
        assert seats == 3 * len(house["seat_ids"])
        full = conn.execute(
            "SELECT id FROM ticket_type WHERE venue_id = %s AND code = 'full'", (house["venue_id"],)
        ).fetchone()[0]
        changed = conn.execute(
            "SELECT bo_prices_set(%s, %s::jsonb)",
            (ids[0], json.dumps([{"category_id": cat, "ticket_type_id": full, "price_minor": 2500}])),
        ).fetchone()[0]
        assert changed == 1
        done = conn.execute("SELECT bo_showtime_cancel(%s, 'storm')", (ids[2],)).fetchone()[0]
        assert done == {"released_holds": 0, "cancelled_bookings": 0}
        actors = conn.execute(
            "SELECT DISTINCT actor, action FROM audit_log WHERE db_user = session_user ORDER BY action"
        ).fetchall()
    assert (manager.username, "config_change") in actors and (manager.username, "price_change") in actors
    assert venue != house["venue_id"]


def test_impossible_values_are_refused_by_the_database(session, plain_db_url, house):
    manager = make_actor(session, role="manager", password=PASSWORD)
    cat = house["category_ids"]["A"]
    st = house["showtime_id"]
    full = session.execute(
        text("SELECT id FROM ticket_type WHERE venue_id = :v AND code = 'full'"), {"v": house["venue_id"]}
    ).scalar_one()
    session.commit()
    before = _snapshot(plain_db_url)
    later = (dt.datetime.now(dt.UTC) + dt.timedelta(days=30)).isoformat()
    bad = [
        (
            "SELECT bo_prices_set(%s, %s::jsonb)",
            (st, json.dumps([{"category_id": cat, "ticket_type_id": full, "price_minor": -1}])),
        ),
        (
            "SELECT bo_prices_set(%s, %s::jsonb)",
            (st, json.dumps([{"category_id": cat, "ticket_type_id": full, "price_minor": 10_000_001}])),
        ),
        (
            "SELECT bo_prices_set(%s, %s::jsonb)",
            (st, json.dumps([{"category_id": cat, "ticket_type_id": full, "price_minor": None}])),
        ),
        (
            "SELECT bo_prices_set(%s, %s::jsonb)",
            (st, json.dumps([{"category_id": 999999, "ticket_type_id": full, "price_minor": 100}])),
        ),
        (
            "SELECT bo_showtimes_create(%s, %s, %s::jsonb)",
            (
                house["show_id"],
                house["plan_id"],
                json.dumps([{"starts_at": later, "prices": [{"category_id": cat, "price_minor": -5}]}]),
            ),
        ),
        ("SELECT bo_show_save(NULL, '  ', 90, '', '')", None),
        ("SELECT bo_show_save(NULL, 'x', 0, '', '')", None),
        ("SELECT bo_venue_create('Elsewhere', 'EURO', 'Europe/London')", None),
        ("SELECT bo_venue_create('Elsewhere', 'EUR', 'Mars/Olympus')", None),
        (
            "SELECT bo_plan_store(%s, 'Main', 10, 10, '{}'::jsonb, %s::jsonb)",
            (
                house["venue_id"],
                json.dumps(
                    {
                        "categories": [{"name": "A"}],
                        "sections": [{"name": "S"}],
                        "seats": [
                            {
                                "section": 3,
                                "category": 0,
                                "guid": "g",
                                "row_label": "A",
                                "seat_number": "1",
                                "x": 0,
                                "y": 0,
                            }
                        ],
                    }
                ),
            ),
        ),
    ]
    with _connect(plain_db_url, manager.login) as conn:
        for sql, args in bad:
            with pytest.raises(psycopg.errors.InvalidParameterValue):
                conn.execute(sql, args)
        # overlapping showtimes: the exclusion constraint, inside the function
        starts = session.execute(text("SELECT starts_at FROM showtime WHERE id = :s"), {"s": st}).scalar_one()
        with pytest.raises(psycopg.errors.ExclusionViolation):
            conn.execute(
                "SELECT bo_showtimes_create(%s, %s, %s::jsonb)",
                (
                    house["show_id"],
                    house["plan_id"],
                    json.dumps([{"starts_at": (starts + dt.timedelta(minutes=10)).isoformat(), "prices": []}]),
                ),
            )
    session.rollback()
    assert _snapshot(plain_db_url) == before


def test_a_plan_of_twenty_thousand_seats_is_stored_by_a_manager(session, plain_db_url, house):
    from boxoffice.services import auth
    from boxoffice.services.plans import import_plan

    manager = make_actor(session, role="manager")
    auth.act_as(session, manager)
    summary = import_plan(session, venue_name="Arena", data=generate_grid_plan(20_000))
    auth.act_as(session, None)
    stored = session.execute(text("SELECT count(*) FROM seat WHERE plan_id = :p"), {"p": summary.plan_id}).scalar_one()
    assert stored == summary.seats == 20_000


def _race_plan_store(plain_db_url: str, logins: list[str], venue: int, based_on: int | None) -> list[object]:
    """Two managers' logins store a version of plan "Main" at the same moment (a barrier),
    each holding its transaction open a little; returns each one's result or error."""
    rows = json.dumps(
        {
            "categories": [{"name": "A"}],
            "sections": [{"name": "S"}],
            "seats": [{"section": 0, "category": 0, "guid": "g", "row_label": "A", "seat_number": "1", "x": 0, "y": 0}],
        }
    )
    barrier = threading.Barrier(len(logins))
    results: list[object] = [None] * len(logins)

    def save(i: int, login: str) -> None:
        with _connect(plain_db_url, login) as conn:
            conn.autocommit = False
            barrier.wait()
            try:
                results[i] = conn.execute(
                    "SELECT bo_plan_store(%s, 'Main', 10, 10, '{}'::jsonb, %s::jsonb, %s)", (venue, rows, based_on)
                ).fetchone()[0]
                time.sleep(0.3)
                conn.commit()
            except psycopg.Error as exc:
                conn.rollback()
                results[i] = exc

    threads = [threading.Thread(target=save, args=(i, login)) for i, login in enumerate(logins)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_two_managers_saving_over_the_same_version_at_once_one_is_refused(session, plain_db_url, house):
    logins = [make_actor(session, role="manager", password=PASSWORD).login for _ in range(2)]
    results = _race_plan_store(plain_db_url, logins, house["venue_id"], based_on=house["plan_id"])
    saved = [r for r in results if isinstance(r, dict)]
    refused = [r for r in results if isinstance(r, psycopg.Error)]
    assert len(saved) == 1 and saved[0]["version"] == 2
    assert len(refused) == 1 and refused[0].sqlstate == "BO060"
    versions = (
        session.execute(
            text("SELECT version FROM seating_plan WHERE venue_id = :v ORDER BY version"), {"v": house["venue_id"]}
        )
        .scalars()
        .all()
    )
    assert versions == [1, 2]


def test_control_without_based_on_both_racing_saves_go_through(session, plain_db_url, house):
    # the race is real: without the check both saves commit (as versions 2 and 3, never one
    # version twice: the venue lock serialises them), so one would overwrite the other's work
    logins = [make_actor(session, role="manager", password=PASSWORD).login for _ in range(2)]
    results = _race_plan_store(plain_db_url, logins, house["venue_id"], based_on=None)
    assert sorted(r["version"] for r in results) == [2, 3]
