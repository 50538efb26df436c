"""Customers: guest orders linked by a signed e-mail link, order history, staff find and
create, GDPR export and erasure (orders and money kept, reports unchanged), the hostile till."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from boxoffice.domain import customer_token
from boxoffice.domain.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from boxoffice.runtime import Database
from boxoffice.services import customers, orders, reports
from boxoffice.services.auth import act_as
from tests.factories import make_actor, make_small_house
from tests.mail_helpers import buy_with_email
from tests.report_helpers import sell_counter
from tests.web_helpers import SECRET, make_app


@pytest.fixture
def house(session):
    return make_small_house(session)


@pytest.fixture
def client(engine, session_factory, db_url):
    with TestClient(make_app(Database(engine, session_factory, db_url, embedded=False))) as c:
        yield c


def _today(session, venue_id):
    tz = session.execute(text("SELECT timezone FROM venue WHERE id = :v"), {"v": venue_id}).scalar_one()
    session.rollback()
    return dt.datetime.now(ZoneInfo(tz)).date()


def test_token_round_trip_forgery_purpose_and_expiry():
    token = customer_token.sign("verify", "Ada@Example.org ", SECRET, seconds=60, now=1_000)
    assert customer_token.verify(token, "verify", SECRET, now=1_050) == "ada@example.org"
    for bad, purpose, now in [
        (token, "verify", 1_061),  # expired
        (token, "orders", 1_000),  # another purpose
        (token[:-1] + ("0" if token[-1] != "0" else "1"), "verify", 1_000),  # forged
        ("garbage", "verify", 1_000),
    ]:
        with pytest.raises(InvalidInputError):
            customer_token.verify(bad, purpose, SECRET, now=now)
    with pytest.raises(InvalidInputError):
        customer_token.verify(token, "verify", "another-secret", now=1_000)


def test_guest_orders_link_when_the_e_mail_is_verified_and_history_lists_them(session, house, client):
    buy_with_email(client, house["showtime_id"], house["seat_ids"][:2], "Guest@Example.org")
    buy_with_email(client, house["showtime_id"], house["seat_ids"][5:6], "guest@example.org")
    buy_with_email(client, house["showtime_id"], house["seat_ids"][8:9], "other@example.org")
    assert session.execute(text("SELECT count(*) FROM customer_order")).scalar_one() == 0  # guests until verified
    session.rollback()
    forged = customer_token.sign("verify", "guest@example.org", "not-the-server-secret", seconds=60)
    assert client.get("/customers/verify", params={"token": forged}).status_code == 422
    token = customer_token.sign("verify", "guest@example.org", SECRET, seconds=60)
    verified = client.get("/customers/verify", params={"token": token})
    assert verified.status_code == 200, verified.text
    body = verified.json()
    assert body["email"] == "guest@example.org"
    history = client.get("/customers/orders", params={"token": body["orders_token"]})
    assert history.status_code == 200, history.text
    assert sorted(o["tickets"] for o in history.json()) == [1, 2]
    assert client.get("/customers/orders", params={"token": token}).status_code == 422  # a verify token is not one
    row = session.execute(
        text(
            "SELECT verified_at IS NOT NULL, (SELECT count(*) FROM customer_order co WHERE co.customer_id = c.id) "
            "FROM customer c WHERE email = 'guest@example.org'"
        )
    ).one()
    assert tuple(row) == (True, 2)


def test_staff_find_or_create_and_link_a_phone_booking(session, house):
    cashier = make_actor(session, role="cashier")
    sold = sell_counter(session, cashier, house["showtime_id"], house["seat_ids"][:1], method="card")
    act_as(session, cashier)
    try:
        first = customers.save_customer(
            session, email="Ann@Example.org", name="Ann Lee", phone="+44 20 1234", consent=True
        )
        again = customers.save_customer(session, email="ann@example.org", phone="+44 20 9999")
        assert first == again
        (found,) = customers.find_customers(session, query="ann")
        assert (found.name, found.email, found.phone, found.marketing_consent) == (
            "Ann Lee",
            "ann@example.org",
            "+44 20 9999",
            True,
        )
        assert customers.find_customers(session, query="9999")[0].id == first
        customers.link_order(session, customer_id=first, order_id=sold.order_id)
        assert [o.order_id for o in customers.customer_orders(session, customer_id=first)] == [sold.order_id]
        with pytest.raises(InvalidInputError):
            customers.save_customer(session, email="not an address")
        with pytest.raises(PermissionDeniedError):
            customers.export_customer(session, customer_id=first)
        with pytest.raises(PermissionDeniedError):
            customers.erase_customer(session, customer_id=first)
    finally:
        act_as(session, None)
    consent_at = session.execute(text("SELECT consent_at FROM customer WHERE id = :i"), {"i": first}).scalar_one()
    assert consent_at is not None


def test_hostile_till_cannot_write_or_read_customers_directly(session, house):
    customer_id = customers.save_customer(session, email="x@example.org", name="X")
    act_as(session, make_actor(session, role="cashier"))
    try:
        for sql in [
            "INSERT INTO customer (email) VALUES ('evil@example.org')",
            f"UPDATE customer SET marketing_consent = true, consent_at = now() WHERE id = {customer_id}",
            "DELETE FROM customer_order",
            "SELECT email FROM customer",
            f"SELECT bo_customer_export({customer_id})",
            f"SELECT bo_customer_erase({customer_id})",
            "SELECT bo_customer_verify('x@example.org')",
        ]:
            with pytest.raises(DBAPIError) as err:
                session.execute(text(sql))
            assert err.value.orig.sqlstate == "42501", sql
            session.rollback()
    finally:
        act_as(session, None)


def test_export_then_erase_keeps_orders_and_the_day_report_balanced(session, house, client, tmp_path):
    manager = make_actor(session, role="manager")
    cashier = make_actor(session, role="cashier")
    buy_with_email(client, house["showtime_id"], house["seat_ids"][:2], "zoe@example.org")
    sold = sell_counter(session, cashier, house["showtime_id"], house["seat_ids"][10:11], method="card")
    act_as(session, cashier)
    zoe = customers.save_customer(session, email="zoe@example.org", name="Zoe Park", phone="0123", consent=True)
    customers.link_order(session, customer_id=zoe, order_id=sold.order_id)
    orders.set_customer(session, order_id=sold.order_id, name="Zoe Park", email="zoe@example.org")
    act_as(session, None)
    customers.verify_email(session, email="zoe@example.org")
    from boxoffice.services import promo

    code_id = promo.save_code(session, promo.PromoDraft(code="ZOE10", kind="percent", percent=10))
    session.execute(
        text(
            "INSERT INTO promo_redemption (code_id, epoch, email, order_id, discount_minor) "
            "SELECT id, epoch, 'zoe@example.org', :o, 0 FROM promo_code WHERE id = :c"
        ),
        {"o": sold.order_id, "c": code_id},
    )
    session.commit()
    day = _today(session, house["venue_id"])
    before = reports.day_report(session, day, venue_id=house["venue_id"]).as_json()

    act_as(session, manager)
    try:
        doc = customers.export_customer(session, customer_id=zoe)
        assert doc["customer"]["name"] == "Zoe Park" and doc["customer"]["phone"] == "0123"
        assert len(doc["orders"]) == 2 and len(doc["bookings"]) == 1
        assert doc["order_customer"][0]["name"] == "Zoe Park"
        assert doc["promo_redemptions"][0]["email"] == "zoe@example.org"
        json.dumps(doc)  # JSON all the way down
        counts = customers.erase_customer(session, customer_id=zoe)
        assert counts == {"bookings": 1, "order_customer": 1, "emails": 1}
        with pytest.raises(InvalidInputError):
            customers.erase_customer(session, customer_id=zoe)
    finally:
        act_as(session, None)

    held = session.execute(
        text(
            "SELECT (SELECT count(*) FROM customer WHERE name IS NOT NULL OR email IS NOT NULL OR phone IS NOT NULL), "
            "(SELECT count(*) FROM booking WHERE email IS NOT NULL), (SELECT count(*) FROM order_customer), "
            "(SELECT count(*) FROM mail_outbox WHERE recipient IS NOT NULL), (SELECT count(*) FROM customer_order), "
            "(SELECT count(*) FROM promo_redemption WHERE email IS NOT NULL)"
        )
    ).one()
    assert tuple(held) == (0, 0, 0, 0, 2, 0)  # personal data gone; orders still linked to the erased record
    session.rollback()
    after = reports.day_report(session, day, venue_id=house["venue_id"]).as_json()
    for key in ("total", "sales", "tenders", "net_by_method", "orders"):
        assert after[key] == before[key], key
    assert before["orders"] == 2
    audit = session.execute(
        text("SELECT action, actor FROM audit_log WHERE action LIKE 'customer_%' ORDER BY id")
    ).all()
    assert [a for a, _ in audit] == ["customer_export", "customer_erase"]
    assert {actor for _, actor in audit} == {manager.username}


def test_the_manager_command_line_exports_and_erases(session, db_url, house, monkeypatch, capsys, tmp_path):
    from boxoffice.cli import main

    customer_id = customers.save_customer(session, email="cli@example.org", name="Cli Ent")
    monkeypatch.setenv("BOXOFFICE_DATABASE_URL", db_url)
    out = tmp_path / "export.json"
    assert main(["customer", "export", str(customer_id), "--out", str(out)]) == 0
    assert json.loads(out.read_text())["customer"]["email"] == "cli@example.org"
    assert main(["customer", "erase", str(customer_id)]) == 2  # needs --yes
    assert main(["customer", "erase", str(customer_id), "--yes"]) == 0
    assert "erased" in capsys.readouterr().out
    assert session.execute(text("SELECT email FROM customer WHERE id = :i"), {"i": customer_id}).scalar_one() is None
    assert main(["customer", "export", "999999"]) == 1
    with pytest.raises(NotFoundError):
        customers.export_customer(session, customer_id=999999)


# -- as the web server's own login (bo_web: no table privileges beyond its grants) ----------

from tests.test_trust_web_door import logins, session_as, web_client  # noqa: E402, F401


def test_a_real_web_login_mails_tickets_verifies_and_lists_orders_but_cannot_export(
    session, house, web_client, session_as
):
    from boxoffice.services import mail
    from tests.mail_helpers import free_port, start_smtp

    buy_with_email(web_client, house["showtime_id"], house["seat_ids"][:1], "web@example.org")
    web = session_as("web")
    engine = web.get_bind()
    from boxoffice.db.engine import make_session_factory

    port = free_port()
    controller, inbox = start_smtp(port)
    try:
        settings = mail.SmtpSettings(host="127.0.0.1", port=port, starttls=False)
        assert mail.send_due(make_session_factory(engine), settings) == mail.SendResult(1, 0)
    finally:
        controller.stop()
    assert len(inbox.messages) == 1
    token = customer_token.sign("verify", "web@example.org", SECRET, seconds=60)
    verified = web_client.get("/customers/verify", params={"token": token})
    assert verified.status_code == 200, verified.text
    history = web_client.get("/customers/orders", params={"token": verified.json()["orders_token"]})
    assert [o["tickets"] for o in history.json()] == [1]
    for sql in [
        f"SELECT bo_customer_export({verified.json()['customer_id']})",
        "SELECT * FROM bo_customer_find('web')",
        "SELECT email FROM customer",
        "SELECT recipient FROM mail_outbox",
        "UPDATE mail_outbox SET sent_at = NULL",
    ]:
        with pytest.raises(DBAPIError) as err:
            web.execute(text(sql))
        assert err.value.orig.sqlstate == "42501", sql
        web.rollback()


def test_the_counter_saves_a_phone_booking_s_customer_from_find_order(qtbot, session, session_factory):
    """Sale → Find order (F4) on the real main window: the cashier types the caller's name
    and e-mail and saves; the customer record is created (or found) and the order linked."""
    from PySide6.QtCore import Qt

    from tests.door_helpers import open_house
    from tests.test_order_lookup_ui import _sell_as, _window

    house = open_house(session)
    cara = make_actor(session, username="cara", display_name="Cara")
    sale, _views = _sell_as(session, cara, house, house["seat_ids"][10:11])
    existing = customers.save_customer(session, email="grace@example.org", name="Grace H")
    window, _runner = _window(qtbot, session_factory, cara)
    qtbot.keyClick(window, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: window.order_lookup is not None and window.order_lookup.isVisible(), timeout=5000)
    lookup = window.order_lookup
    qtbot.keyClicks(lookup.query, sale.order_number.split("-")[1].lstrip("0"))
    qtbot.keyClick(lookup.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: lookup.order is not None, timeout=5000)
    qtbot.keyClicks(lookup.customer_name, "Grace Hopper")
    qtbot.keyClicks(lookup.customer_email, "Grace@Example.org")
    qtbot.mouseClick(lookup.save_customer, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: lookup.status.text() == "Customer saved.", timeout=5000)
    rows = session.execute(
        text("SELECT c.id, c.name, co.order_id FROM customer c JOIN customer_order co ON co.customer_id = c.id")
    ).all()
    session.rollback()
    assert [tuple(r) for r in rows] == [(existing, "Grace Hopper", sale.order_id)]
