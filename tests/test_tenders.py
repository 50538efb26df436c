"""Tenders in the database (issue 11, migration 0014): split payments, card references,
comps with a manager's single-use override, and a hostile cashier with the till's login."""

from __future__ import annotations

import json
import uuid

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from boxoffice.domain.errors import (
    InvalidInputError,
    OverrideRequiredError,
    PaymentError,
    PermissionDeniedError,
    SignInError,
)
from boxoffice.services import inventory, sales, tenders
from boxoffice.services.auth import act_as
from boxoffice.services.tenders import Tender
from tests.drawer_helpers import till_of, with_shift
from tests.factories import make_actor, make_small_house

PASSWORD = "correct horse battery"
CHECKOUT = "SELECT bo_checkout(%s, %s, 'till-1', %s, NULL, NULL, %s, %s)"


def _connect(plain_db_url: str, login: str, password: str = PASSWORD, **kw) -> psycopg.Connection:
    url = make_url(plain_db_url)
    return psycopg.connect(
        host=url.query.get("host") or url.host,
        port=url.port,
        dbname=url.database,
        user=login,
        password=password,
        autocommit=kw.pop("autocommit", True),
        application_name=till_of(login),  # the till where the person's drawer is open
        **kw,
    )


@pytest.fixture
def shop(session, db_url):
    """A house, a cashier ``ann`` and a manager ``meg`` (real logins, ``PASSWORD``), each
    at a till of their own with the drawer open (cash needs an open shift, 0015_drawer)."""
    house = make_small_house(session)
    ann = with_shift(session, make_actor(session, role="cashier", username="ann", password=PASSWORD))
    meg = with_shift(session, make_actor(session, role="manager", username="meg", password=PASSWORD))
    return {**house, "ann": ann, "meg": meg, "url": db_url}


def _hold(session, shop, seats, actor) -> uuid.UUID:
    token = uuid.uuid4()
    act_as(session, actor)
    inventory.hold_seats(
        session, showtime_id=shop["showtime_id"], seat_ids=seats, token=token, channel="till-1", seconds=120
    )
    return token


def _payments(session, order_id):
    act_as(session, None)
    rows = session.execute(
        text(
            "SELECT method, amount_minor, tendered_minor, reference, comp_reason, override_id IS NOT NULL "
            "FROM payment WHERE order_id = :o ORDER BY id"
        ),
        {"o": order_id},
    ).all()
    session.commit()
    return [tuple(r) for r in rows]


def test_a_cashier_splits_card_and_cash(session, shop):
    seats = shop["seat_ids"][:2]  # row A: 2 x 25.00
    token = _hold(session, shop, seats, shop["ann"])
    result = sales.sell(
        session,
        showtime_id=shop["showtime_id"],
        seat_ids=seats,
        token=token,
        channel="till-1",
        tenders=[Tender("card", 20_00, reference="AUTH 4711"), Tender("cash", 30_00, tendered_minor=40_00)],
        expected_total_minor=50_00,
    )
    assert (result.method, result.total_minor, result.tendered_minor, result.change_minor) == (
        "split",
        5000,
        6000,
        1000,
    )
    assert _payments(session, result.order_id) == [
        ("card", 2000, 2000, "AUTH 4711", None, False),
        ("cash", 3000, 4000, None, None, False),
    ]
    paid = session.execute(text("SELECT paid_minor FROM order_paid WHERE order_id = :o"), {"o": result.order_id})
    assert paid.scalar_one() == 5000


def test_the_database_refuses_tenders_that_do_not_add_up_or_give_change_on_card(session, shop, plain_db_url):
    st, seats = shop["showtime_id"], shop["seat_ids"][:2]
    token = _hold(session, shop, seats, shop["ann"])
    session.commit()
    card = {"method": "card", "reference": "A1"}
    attempts = [
        ([{**card, "amount_minor": 2000}, {"method": "cash", "amount_minor": 2000}], "BO070"),  # 40 of 50
        ([{**card, "amount_minor": 3000}, {"method": "cash", "amount_minor": 3000}], "BO070"),  # 60 of 50
        ([{**card, "amount_minor": 5000, "tendered_minor": 6000}], "BO071"),  # "cash back" on a card
        ([{"method": "comp", "amount_minor": 5000, "comp_reason": "Press", "tendered_minor": 5100}], "BO071"),
        ([{"method": "card", "amount_minor": 5000}], "BO072"),  # no terminal reference
        ([{"method": "card", "amount_minor": 5000, "reference": "4111 1111 1111 1111"}], "BO072"),  # a card number
        ([{"method": "comp", "amount_minor": 5000}], "BO073"),
        ([{"method": "cash", "amount_minor": 5000, "comp_reason": "friend"}], "BO077"),
        ([{"method": "cheque", "amount_minor": 5000}], "BO077"),
        ([{"method": "cash", "amount_minor": -5}], "BO077"),
        ([{"method": "cash"}, {"method": "card", "reference": "A"}], "BO077"),  # two "rest" tenders
        ([], "BO077"),
    ]
    with _connect(plain_db_url, shop["ann"].login) as ann:
        for tender_list, state in attempts:
            with pytest.raises(psycopg.Error) as err:
                ann.execute(CHECKOUT, (st, token, seats, json.dumps(tender_list), None))
            assert err.value.sqlstate == state, tender_list
        # control: the same basket, paid right
        ok = [{**card, "amount_minor": 2000}, {"method": "cash", "tendered_minor": 5000}]  # cash pays the rest
        sale = ann.execute(CHECKOUT, (st, token, seats, json.dumps(ok), None)).fetchone()[0]
        assert (sale["method"], sale["change_minor"]) == ("split", 2000)
    with psycopg.connect(plain_db_url) as admin:  # even the superuser cannot store change on a card
        with pytest.raises(psycopg.errors.CheckViolation):
            admin.execute(
                "INSERT INTO payment (order_id, method, amount_minor, tendered_minor, reference) "
                "VALUES (%s, 'card', 0, 100, 'x')",
                (sale["order_id"],),
            )


def test_a_hostile_cashier_cannot_write_payments_or_overrides(session, shop, plain_db_url):
    st, seats = shop["showtime_id"], shop["seat_ids"][:1]
    token = _hold(session, shop, seats, shop["ann"])
    sale = sales.sell(session, showtime_id=st, seat_ids=seats, token=token, channel="till-1", method="cash",
                      tendered_minor=2500)  # fmt: skip
    order = sale.order_id
    statements = [
        f"INSERT INTO payment (order_id, method, amount_minor, tendered_minor) VALUES ({order}, 'cash', 0, 0)",
        f"UPDATE payment SET method = 'comp', comp_reason = 'friend' WHERE order_id = {order}",
        f"DELETE FROM payment WHERE order_id = {order}",
        "INSERT INTO manager_override (kind, reason, expires_at) VALUES ('comp', 'me', now() + interval '1 day')",
        "UPDATE manager_override SET used_at = NULL",
        "SELECT id FROM manager_override",  # tokens are not readable at a till
        f"UPDATE order_paid SET paid_minor = 0 WHERE order_id = {order}",
        "SELECT bo_override_grant('comp', 'my friend')",  # a cashier cannot grant herself
        "SELECT bo_payment_within_total()",
    ]
    with _connect(plain_db_url, shop["ann"].login) as ann:
        for statement in statements:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                ann.execute(statement)
    act_as(session, shop["ann"])
    with pytest.raises(PermissionDeniedError):
        tenders.grant_override(session, "comp", "my friend")


def test_a_comp_needs_a_manager_s_override_used_once(session, shop, plain_db_url):
    st = shop["showtime_id"]
    seat1, seat2 = shop["seat_ids"][10:12]
    comp = [Tender("comp", 1500, comp_reason="Press")]

    holds: dict[int, uuid.UUID] = {}

    def sell(seat, override=None):
        if seat not in holds:
            holds[seat] = _hold(session, shop, [seat], shop["ann"])
        act_as(session, shop["ann"])
        token = holds[seat]
        return sales.sell(session, showtime_id=st, seat_ids=[seat], token=token, channel="till-1", tenders=comp,
                          override=override)  # fmt: skip

    with pytest.raises(OverrideRequiredError) as refused:
        sell(seat1)
    assert refused.value.details["reason"] == "missing"
    with pytest.raises(SignInError):  # a wrong password gives nothing
        tenders.override_with_password(shop["url"], username="meg", password="guess", till="till-1", kind="comp",
                                       reason="Press")  # fmt: skip
    with pytest.raises(PermissionDeniedError):  # another cashier is no manager
        tenders.override_with_password(shop["url"], username="ann", password=PASSWORD, till="till-1", kind="comp",
                                       reason="Press")  # fmt: skip
    token = tenders.override_with_password(
        shop["url"], username="meg", password=PASSWORD, till="till-1", kind="comp", reason="Press night"
    )
    sale = sell(seat1, token)
    assert sale.method == "comp" and sale.change_minor == 0
    assert _payments(session, sale.order_id) == [("comp", 1500, 1500, None, "Press", True)]
    with pytest.raises(OverrideRequiredError) as reused:
        sell(seat2, token)
    assert reused.value.details["reason"] == "invalid"
    with pytest.raises(OverrideRequiredError):
        sell(seat2, uuid.uuid4())  # a guessed token
    act_as(session, None)
    used = session.execute(
        text("SELECT o.used_by, o.order_id, s.username FROM manager_override o JOIN staff s ON s.id = o.granted_by")
    ).all()
    assert [tuple(r) for r in used] == [(shop["ann"].staff_id, sale.order_id, "meg")]
    audit = session.execute(text("SELECT action, actor FROM audit_log WHERE action LIKE 'override.%' ORDER BY id"))
    assert [tuple(r) for r in audit] == [("override.grant", "meg"), ("override.use", "ann")]
    session.commit()
    # a manager gives a comp without an override; a cashier's cash-only sale needs none
    act_as(session, shop["ann"])
    inventory.release_seats(session, showtime_id=st, seat_ids=[seat2], token=holds[seat2])
    token = _hold(session, shop, [seat2], shop["meg"])
    sold = sales.sell(session, showtime_id=st, seat_ids=[seat2], token=token, channel="till-1", tenders=comp)
    assert _payments(session, sold.order_id) == [("comp", 1500, 1500, None, "Press", False)]


def test_an_expired_override_is_refused(session, shop, plain_db_url):
    token = tenders.override_with_password(
        shop["url"], username="meg", password=PASSWORD, till="till-1", kind="comp", reason="Artist guest"
    )
    with psycopg.connect(plain_db_url) as admin:  # two minutes pass (the frozen trigger set aside for it)
        admin.execute("ALTER TABLE manager_override DISABLE TRIGGER manager_override_frozen")
        admin.execute("UPDATE manager_override SET expires_at = clock_timestamp() - interval '1 second'")
        admin.execute("ALTER TABLE manager_override ENABLE TRIGGER manager_override_frozen")
    seat = shop["seat_ids"][12]
    hold = _hold(session, shop, [seat], shop["ann"])
    with pytest.raises(OverrideRequiredError):
        sales.sell(session, showtime_id=shop["showtime_id"], seat_ids=[seat], token=hold, channel="till-1",
                   tenders=[Tender("comp", 1500, comp_reason="Artist guest")], override=token)  # fmt: skip


def test_the_service_explains_before_the_database(session, shop):
    seats = shop["seat_ids"][:1]
    token = _hold(session, shop, seats, shop["ann"])
    base = {"showtime_id": shop["showtime_id"], "seat_ids": seats, "token": token, "channel": "till-1"}
    with pytest.raises(PaymentError):
        sales.sell(session, **base, tenders=[Tender("cash", 1000), Tender("card", 1000, reference="A")])
    with pytest.raises(InvalidInputError):
        sales.sell(session, **base, tenders=[Tender("card", 2500)])
    with pytest.raises(PaymentError):
        sales.sell(session, **base, tenders=[Tender("card", 2500, tendered_minor=3000, reference="A")])
