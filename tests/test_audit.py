"""The audit log: written in the change's own transaction, append-only in the database
(even for raw SQL and superusers), browsable by page, exportable as CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import uuid

import psycopg
import pytest
from sqlalchemy import text

from boxoffice.domain.errors import AuditLogAppendOnlyError, HoldExpiredError, PaymentError
from boxoffice.services import audit, inventory, sales
from boxoffice.services.auth import act_as
from tests.drawer_helpers import open_shift_as
from tests.factories import make_actor, make_small_house


def sell(session, house, seats, *, tendered=100_00):
    token = uuid.uuid4()
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=seats, token=token, channel="till:front", seconds=60
    )
    return sales.sell_cash(
        session,
        showtime_id=house["showtime_id"],
        seat_ids=seats,
        token=token,
        channel="till:front",
        tendered_minor=tendered,
    )


def audit_rows(session, action):
    rows = session.execute(
        text("SELECT actor, role, till, target, details, xact FROM audit_log WHERE action = :a ORDER BY id"),
        {"a": action},
    ).all()
    session.rollback()
    return rows


def test_a_sale_is_audited_in_its_own_transaction_and_a_failed_sale_leaves_nothing(session):
    house = make_small_house(session)
    cara = make_actor(session, role="cashier", username="cara", till="till:front")
    open_shift_as(session, cara)  # cash needs an open shift (0015_drawer)
    act_as(session, cara)
    result = sell(session, house, house["seat_ids"][:2], tendered=60_00)

    [row] = audit_rows(session, "sale")
    assert (row.actor, row.role, row.till, row.target) == (
        "cara",
        "cashier",
        "till:front",
        f"order {result.order_number}",
    )
    assert row.details["seats"] == ["Stalls A-1", "Stalls A-2"] and row.details["total_minor"] == 50_00
    assert row.details["payments"] == [{"method": "cash", "amount_minor": 50_00, "tendered_minor": 60_00}]
    assert row.details["tickets"] == result.ticket_ids
    act_as(session, None)  # system columns (xmin) are the owner's to read
    order_xact = session.execute(
        text("SELECT xmin::text::bigint FROM orders WHERE id = :o"), {"o": result.order_id}
    ).scalar_one()
    assert row.xact == order_xact  # the very transaction that wrote the order

    # a sale that fails in the database (the hold lapsed) and one refused before it
    token = uuid.uuid4()
    act_as(session, cara)
    with pytest.raises(HoldExpiredError):
        sales.sell_cash(
            session,
            showtime_id=house["showtime_id"],
            seat_ids=house["seat_ids"][5:6],
            token=token,
            channel="till:front",
            tendered_minor=100_00,
        )
    with pytest.raises(PaymentError):
        sell(session, house, house["seat_ids"][6:7], tendered=1)
    assert len(audit_rows(session, "sale")) == 1
    assert session.execute(text("SELECT count(*) FROM orders")).scalar_one() == 1


def test_other_channels_are_audited_by_the_database_whoever_the_client(session, plain_db_url):
    house = make_small_house(session)
    a1, a2, b1 = house["seat_ids"][0], house["seat_ids"][1], house["seat_ids"][10]
    with psycopg.connect(plain_db_url, application_name="some-web-shop") as conn:  # raw SQL, no actor
        token = uuid.uuid4()
        conn.execute("SELECT bo_hold(%s, %s, %s, 'web', 60)", (house["showtime_id"], [a1], token))
        conn.execute("SELECT bo_sell(%s, %s, %s, 'web')", (house["showtime_id"], [a1], token))
        order_id, number = conn.execute(
            "INSERT INTO orders (channel, currency, total_minor) VALUES ('web', 'EUR', 2500) RETURNING id, number"
        ).fetchone()
        ticket_id = conn.execute(
            "INSERT INTO ticket (order_id, showtime_id, seat_id, category_id, price_minor) "
            "VALUES (%s, %s, %s, %s, 2500) RETURNING id",
            (order_id, house["showtime_id"], a1, house["category_ids"]["A"]),
        ).fetchone()[0]
        conn.execute(
            "INSERT INTO payment (order_id, method, amount_minor, tendered_minor) VALUES (%s, 'online', 2500, 2500)",
            (order_id,),
        )
        conn.commit()
        conn.execute("UPDATE ticket SET code_serial = code_serial + 1 WHERE id = %s", (ticket_id,))
        conn.execute(
            "UPDATE showtime_price SET price_minor = 2750 WHERE showtime_id = %s AND category_id = %s",
            (house["showtime_id"], house["category_ids"]["A"]),
        )
        conn.execute(
            "UPDATE inventory SET state = 'blocked' WHERE showtime_id = %s AND seat_id = ANY(%s)",
            (house["showtime_id"], [a2, b1]),
        )
        conn.execute(
            "UPDATE inventory SET state = 'available' WHERE showtime_id = %s AND seat_id = %s",
            (house["showtime_id"], b1),
        )
        conn.execute("UPDATE ticket SET status = 'void', voided_at = now() WHERE id = %s", (ticket_id,))
        conn.commit()
    rows = session.execute(
        text(
            "SELECT action, actor, till, target, details FROM audit_log "
            "WHERE action <> 'config_change' AND id > (SELECT max(id) FROM audit_log "
            "WHERE action = 'price_change' AND details->'prices'->'A'->>'old' IS NULL) "
            "ORDER BY id"
        )
    ).all()
    summary = [(r.action, r.actor, r.till, r.target) for r in rows]
    st = house["showtime_id"]
    assert summary == [
        ("sale", "system", "web", f"order {number}"),
        ("reprint", "system", "some-web-shop", f"ticket {ticket_id}"),
        ("price_change", "system", "some-web-shop", f"showtime {st}"),
        ("seat_block", "system", "some-web-shop", f"showtime {st}"),
        ("seat_release", "system", "some-web-shop", f"showtime {st}"),
        ("void", "system", "some-web-shop", f"ticket {ticket_id}"),
    ]
    details = [r.details for r in rows]
    assert details[1]["serial"] == 2
    assert details[2]["prices"] == {"A": {"old": 2500, "new": 2750}}
    assert details[3]["seats"] == ["Stalls A-2", "Stalls B-1"] and details[4]["seats"] == ["Stalls B-1"]
    assert (details[5]["from"], details[5]["to"]) == ("valid", "void")


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_log SET actor = 'someone else'",
        "DELETE FROM audit_log",
        "DELETE FROM audit_log WHERE false",
        "TRUNCATE audit_log",
        "TRUNCATE staff CASCADE",
    ],
)
def test_the_audit_log_refuses_changes_even_from_a_superuser(session, plain_db_url, statement):
    house = make_small_house(session)
    assert house
    before = session.execute(text("SELECT count(*), max(id) FROM audit_log")).one()
    session.rollback()
    with psycopg.connect(plain_db_url) as conn:
        assert conn.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()[0]
        conn.execute("SET session_replication_role = replica")  # silences ordinary triggers, not this one
        with pytest.raises(psycopg.DatabaseError) as refused:
            conn.execute(statement)
        assert refused.value.sqlstate == "BO010"
        assert "append-only" in str(refused.value)
    assert session.execute(text("SELECT count(*), max(id) FROM audit_log")).one() == before


def test_services_report_the_refusal_as_a_domain_error(session):
    from boxoffice.services.errors import unit_of_work

    audit.record(session, action="config_change", target="x")
    session.commit()
    with pytest.raises(AuditLogAppendOnlyError) as refused, unit_of_work(session):
        session.execute(text("DELETE FROM audit_log"))
    assert refused.value.code == "audit_append_only"


def test_pages_filters_and_csv_export(session):
    manager = make_actor(session, role="manager", username="maya", till="till:office")
    base = audit.search(session).total  # maya's creation, the test till's key enrolment
    act_as(session, manager)
    for i in range(430):
        audit.record(
            session, action="config_change" if i % 2 else "staff_change", target=f"thing {i}", details={"n": i}
        )
    audit.record(session, action="config_change", target='=HYPERLINK("http://evil")', details={"x": "y"})
    session.commit()

    pages, before = [], None
    while True:
        page = audit.search(session, before_id=before, limit=200)
        pages.append(page)
        if page.next_before is None:
            break
        before = page.next_before
    assert [len(p.entries) for p in pages] == [200, 200, 31 + base] and pages[0].total == 431 + base
    ids = [e.id for p in pages for e in p.entries]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == 431 + base

    odd = audit.search(session, where=audit.AuditFilter(action="config_change", actor="maya", till="till:office"))
    assert odd.total == 216 and all(e.action == "config_change" for e in odd.entries)
    assert audit.search(session, where=audit.AuditFilter(text="thing 425")).total == 1
    tomorrow = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    assert audit.search(session, where=audit.AuditFilter(since=tomorrow)).total == 0
    choices = audit.choices(session)
    assert "maya" in choices.actors and "till:office" in choices.tills

    out, seen = io.StringIO(), []
    written = audit.export_csv(
        session,
        out=out,
        where=audit.AuditFilter(action="config_change"),
        progress=lambda done, total: seen.append((done, total)),
        batch=100,
    )
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert written == 216 and rows[0] == list(audit.CSV_COLUMNS) and len(rows) == 217
    assert seen[0] == (0, 216) and seen[-1] == (216, 216) and len(seen) == 4
    first = dict(zip(rows[0], rows[1]))
    assert (first["actor"], first["role"], first["till"], first["action"], first["target"]) == (
        "maya",
        "manager",
        "till:office",
        "config_change",
        "thing 1",
    )
    assert first["details"] == '{"n": 1}' and first["at"].endswith("Z")
    assert rows[-1][6] == '\'=HYPERLINK("http://evil")'  # not run as a formula by a spreadsheet

    stopped = audit.export_csv(session, out=io.StringIO(), batch=100, cancelled=lambda: True)
    assert stopped == 100


def test_downgrade_removes_staff_and_audit_and_upgrade_restores_them(engine):
    from alembic import command

    from boxoffice.db.migrate import alembic_config

    cfg = alembic_config()
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003_admission")
        conn.commit()
        gone = conn.execute(text("SELECT to_regclass('audit_log'), to_regclass('staff')")).one()
        column = conn.execute(
            text(
                "SELECT count(*) FROM information_schema.columns "
                "WHERE table_name = 'orders' AND column_name = 'staff_id'"
            )
        ).scalar_one()
        command.upgrade(cfg, "head")
        conn.commit()
        back = conn.execute(text("SELECT to_regclass('audit_log') IS NOT NULL")).scalar_one()
    assert tuple(gone) == (None, None) and column == 0 and back
