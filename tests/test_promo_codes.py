"""Promo codes at the counter (migration 0021): pricing, scope, window, limits enforced
in the database (a race of 50 tills for a code limited to 10, with a control), and the
hostile till (a cashier's own login cannot create codes, reset usage or rewrite a
discount)."""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from boxoffice.db.engine import make_engine, make_session_factory
from boxoffice.domain.errors import PermissionDeniedError, PromoCodeError
from boxoffice.services import inventory, promo, sales
from boxoffice.services.auth import act_as
from tests.factories import make_actor, make_small_house

NOW = dt.datetime.now(dt.UTC)


@pytest.fixture
def house(session):
    return make_small_house(session, rows=4, seats_per_row=25)  # row A: category A (2500), others B (1500)


def _sell(session, house, seats, code=None, **kw):
    token = uuid.uuid4()
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=seats, token=token, channel="t", seconds=60
    )
    return sales.sell(
        session,
        showtime_id=house["showtime_id"],
        seat_ids=seats,
        token=token,
        channel="till:test",
        method="card",
        promo=code,
        **{"reference": "AUTH1", **kw},  # a card tender names the terminal's reference (0014_tenders)
    )


def _lines(session, order_id):
    rows = session.execute(
        text(
            "SELECT t.price_minor, t.discount_minor, c.code FROM ticket t LEFT JOIN promo_code c ON c.id = t.promo_code_id "
            "WHERE t.order_id = :o ORDER BY t.id"
        ),
        {"o": order_id},
    ).all()
    session.rollback()
    return [tuple(r) for r in rows]


def test_percent_code_discounts_every_ticket_and_the_order_keeps_price_and_discount(session, house):
    promo.save_code(session, promo.PromoDraft(code="spring10", kind="percent", percent=10))
    a1, b1 = house["seat_ids"][0], house["seat_ids"][30]
    result = _sell(session, house, [a1, b1], code=" Spring10 ")
    assert result.total_minor == 2250 + 1350 and result.discount_minor == 400
    assert _lines(session, result.order_id) == [(2500, 250, "SPRING10"), (1500, 150, "SPRING10")]
    receipt_lines = session.execute(
        text("SELECT price_minor, discount_minor, net_minor, promo_code FROM sale_line WHERE order_id = :o ORDER BY 1"),
        {"o": result.order_id},
    ).all()
    assert [tuple(r) for r in receipt_lines] == [(1500, 150, 1350, "SPRING10"), (2500, 250, 2250, "SPRING10")]
    assert session.execute(text("SELECT sum(amount_minor) FROM payment")).scalar_one() == 3600
    [code] = promo.list_codes(session)
    assert (code.uses, code.redemptions) == (1, 1)


def test_scope_fixed_amount_per_category_and_a_code_that_applies_to_nothing(session, house):
    promo.save_code(
        session,
        promo.PromoDraft(code="FRONT5", kind="amount", amount_minor=500, category_id=house["category_ids"]["A"]),
    )
    a1, b1 = house["seat_ids"][1], house["seat_ids"][31]
    result = _sell(session, house, [a1, b1], code="FRONT5")
    assert _lines(session, result.order_id) == [(2500, 500, "FRONT5"), (1500, 0, None)]
    assert result.total_minor == 3500
    with pytest.raises(PromoCodeError) as err:
        _sell(session, house, [house["seat_ids"][32]], code="FRONT5")
    assert err.value.details["reason"] == "not_applicable"


def test_window_disabled_unknown_and_per_customer_codes_are_refused(session, house):
    later = promo.save_code(
        session, promo.PromoDraft(code="LATER", kind="percent", percent=50, valid_from=NOW + dt.timedelta(days=1))
    )
    off = promo.save_code(session, promo.PromoDraft(code="OFFNOW", kind="percent", percent=50))
    promo.set_active(session, off, active=False)
    promo.save_code(session, promo.PromoDraft(code="ONCEEACH", kind="percent", percent=50, max_uses_per_customer=1))
    refusals = [("LATER", "not_valid_now"), ("OFFNOW", "unknown"), ("NOPE", "unknown"), ("ONCEEACH", "email_needed")]
    for i, (code, reason) in enumerate(refusals):
        with pytest.raises(PromoCodeError) as err:
            _sell(session, house, [house["seat_ids"][40 + i]], code=code)
        assert err.value.details["reason"] == reason, code
    assert session.execute(text("SELECT count(*) FROM orders")).scalar_one() == 0
    assert later


def test_the_till_shows_the_discount_before_paying(session, house):
    promo.save_code(session, promo.PromoDraft(code="HALF", kind="percent", percent=50))
    seats = house["seat_ids"][:2]
    q = promo.quote_basket(session, code="half", showtime_id=house["showtime_id"], seat_ids=seats)
    assert (q.code, q.discounts) == ("HALF", [1250, 1250])
    assert session.execute(text("SELECT count(*) FROM promo_redemption")).scalar_one() == 0  # a quote uses nothing


def test_reset_usage_counts_afresh(session, house):
    code_id = promo.save_code(session, promo.PromoDraft(code="TWICE", kind="percent", percent=5, max_uses=1))
    _sell(session, house, [house["seat_ids"][50]], code="TWICE")
    with pytest.raises(PromoCodeError) as err:
        _sell(session, house, [house["seat_ids"][51]], code="TWICE")
    assert err.value.details["reason"] == "used_up"
    promo.reset_usage(session, code_id)
    _sell(session, house, [house["seat_ids"][52]], code="TWICE")
    [code] = promo.list_codes(session)
    assert (code.uses, code.redemptions) == (1, 2)


def test_hostile_till_a_cashier_cannot_create_codes_reset_usage_or_rewrite_a_discount(session, house):
    code_id = promo.save_code(session, promo.PromoDraft(code="STAFF", kind="percent", percent=20, max_uses=1))
    sold = _sell(session, house, [house["seat_ids"][60]], code="STAFF")
    cashier = make_actor(session, role="cashier")
    act_as(session, cashier)
    with pytest.raises(PermissionDeniedError):
        promo.save_code(session, promo.PromoDraft(code="FREE", kind="percent", percent=100))
    attempts = [
        ('SELECT bo_promo_save(NULL, \'{"code": "FREE", "kind": "percent", "percent": 100}\')', {}),
        ("SELECT bo_promo_reset_usage(:id)", {"id": code_id}),
        ("SELECT bo_promo_set_active(:id, true)", {"id": code_id}),
        ("INSERT INTO promo_code (code, kind, percent) VALUES ('FREE', 'percent', 100)", {}),
        ("UPDATE promo_code SET epoch = epoch + 1", {}),
        ("DELETE FROM promo_redemption", {}),
        ("UPDATE ticket SET discount_minor = price_minor WHERE order_id = :o", {"o": sold.order_id}),
        ("SELECT max_uses FROM promo_code", {}),
    ]
    for sql, params in attempts:
        with pytest.raises(DBAPIError) as err:
            session.execute(text(sql), params)
        assert err.value.orig.sqlstate == "42501", sql
        session.rollback()
    act_as(session, None)
    promo.save_code(session, promo.PromoDraft(code="TILL", kind="amount", amount_minor=300))
    act_as(session, cashier)  # what a cashier may do: quote and sell with a code
    q = promo.quote_basket(session, code="till", showtime_id=house["showtime_id"], seat_ids=[house["seat_ids"][62]])
    assert q.discounts == [300]
    mine = _sell(session, house, [house["seat_ids"][62]], code="till")
    assert mine.total_minor == 1200 and mine.discount_minor == 300
    act_as(session, None)
    assert session.execute(text("SELECT epoch, redemptions FROM promo_code WHERE code = 'STAFF'")).one() == (1, 1)
    assert _lines(session, sold.order_id) == [(1500, 300, "STAFF")]


def test_a_sold_discount_is_frozen_even_for_the_owner(session, house):
    promo.save_code(session, promo.PromoDraft(code="FROZEN", kind="percent", percent=20))
    sold = _sell(session, house, [house["seat_ids"][61]], code="FROZEN")
    with pytest.raises(DBAPIError) as err:
        session.execute(
            text("UPDATE ticket SET discount_minor = 0, promo_code_id = NULL WHERE order_id = :o"), {"o": sold.order_id}
        )
    assert err.value.orig.sqlstate in {"BO126", "BO031"}
    session.rollback()


@pytest.mark.parametrize("layout", ["roll80", "a4"])
def test_a_discounted_ticket_prints_its_promo_line(session, house, layout):
    import pypdfium2 as pdfium

    from boxoffice.printing import render_tickets_pdf
    from boxoffice.services import tickets

    promo.save_code(session, promo.PromoDraft(code="SPRING10", kind="percent", percent=10))
    sold = _sell(session, house, [house["seat_ids"][0]], code="SPRING10")
    [view] = tickets.order_tickets(session, order_id=sold.order_id)
    assert (view.promo_code, view.discount_minor, view.price_minor) == ("SPRING10", 250, 2500)
    document = pdfium.PdfDocument(render_tickets_pdf([view], layout=layout))
    try:
        page_text = document[0].get_textpage().get_text_range()
    finally:
        document.close()
    assert view.promo_line.startswith("Promo SPRING10 \u2013") and "2.50" in view.promo_line
    assert view.promo_line in page_text.replace("\r\n", " ")


# -- the race ---------------------------------------------------------------------------------

CLIENTS = 50
LIMIT = 10


def _race(db_url, attempt):
    engines = [make_engine(db_url, poolclass=NullPool, pool_size=None) for _ in range(CLIENTS)]
    start, again = threading.Barrier(CLIENTS), threading.Barrier(CLIENTS)

    def client(i):
        with make_session_factory(engines[i])() as s:
            s.execute(text("SELECT 1")).all()
            s.rollback()
            start.wait()
            return attempt(s, i, again)

    try:
        with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
            return list(pool.map(client, range(CLIENTS)))
    finally:
        for e in engines:
            e.dispose()


def test_fifty_tills_redeem_a_code_limited_to_ten_exactly_ten_win(db_url, session, house):
    promo.save_code(session, promo.PromoDraft(code="TEN", kind="percent", percent=10, max_uses=LIMIT))
    seats = house["seat_ids"][:CLIENTS]
    for i, seat in enumerate(seats):  # each till holds its own seat beforehand
        inventory.hold_seats(
            session,
            showtime_id=house["showtime_id"],
            seat_ids=[seat],
            token=uuid.UUID(int=i + 1),
            channel="t",
            seconds=120,
        )

    def till(s, i, _):
        try:
            sales.sell(
                s,
                showtime_id=house["showtime_id"],
                seat_ids=[seats[i]],
                token=uuid.UUID(int=i + 1),
                channel=f"till-{i}",
                method="card",
                reference="AUTH1",
                promo="TEN",
            )
            return "sold"
        except PromoCodeError as exc:
            return exc.details["reason"]

    outcomes = Counter(_race(db_url, till))
    assert outcomes == {"sold": LIMIT, "used_up": CLIENTS - LIMIT}, outcomes
    counts = session.execute(
        text(
            "SELECT (SELECT count(*) FROM promo_redemption), (SELECT count(DISTINCT order_id) FROM ticket "
            "WHERE promo_code_id IS NOT NULL), (SELECT count(*) FROM orders)"
        )
    ).one()
    assert tuple(counts) == (LIMIT, LIMIT, LIMIT)


def test_control_without_the_lock_fifty_tills_exceed_the_limit(db_url, session, house):
    """Negative control: with the limit trigger dropped and a naive count-then-insert, the
    same race records more than ten uses, and the check above sees it."""
    code_id = promo.save_code(session, promo.PromoDraft(code="TEN", kind="percent", percent=10, max_uses=LIMIT))
    session.execute(text("DROP TRIGGER promo_redemption_limits ON promo_redemption"))
    session.commit()

    def naive(s, i, again):
        used = s.execute(text("SELECT count(*) FROM promo_redemption WHERE code_id = :c"), {"c": code_id}).scalar_one()
        s.rollback()
        again.wait()  # everyone has counted before anyone redeems
        if used >= LIMIT:
            return "used_up"
        order = s.execute(
            text("INSERT INTO orders (channel, currency, total_minor) VALUES ('naive', 'GBP', 0) RETURNING id")
        ).scalar_one()
        s.execute(
            text("INSERT INTO promo_redemption (code_id, epoch, order_id, discount_minor) VALUES (:c, 1, :o, 0)"),
            {"c": code_id, "o": order},
        )
        s.commit()
        return "sold"

    outcomes = Counter(_race(db_url, naive))
    assert outcomes["sold"] > LIMIT
    assert session.execute(text("SELECT count(*) FROM promo_redemption")).scalar_one() > LIMIT


def test_a_fully_refunded_order_gives_its_use_back_and_a_partial_refund_does_not(session, house):
    from boxoffice.services import orders

    promo.save_code(session, promo.PromoDraft(code="ONCE", kind="percent", percent=10, max_uses=1))
    first = _sell(session, house, house["seat_ids"][60:62], code="ONCE")
    with pytest.raises(PromoCodeError) as err:
        _sell(session, house, [house["seat_ids"][62]], code="ONCE")
    assert err.value.details["reason"] == "used_up"
    tickets = (
        session.execute(text("SELECT id FROM ticket WHERE order_id = :o ORDER BY id"), {"o": first.order_id})
        .scalars()
        .all()
    )
    session.rollback()
    orders.refund_tickets(session, order_id=first.order_id, ticket_ids=tickets[:1], method=None, reason="one left")
    with pytest.raises(PromoCodeError) as err:  # the order still has a discounted ticket: the use stays
        _sell(session, house, [house["seat_ids"][63]], code="ONCE")
    assert err.value.details["reason"] == "used_up"
    orders.refund_tickets(session, order_id=first.order_id, ticket_ids=None, method=None, reason="all back")
    [code] = promo.list_codes(session)
    assert (code.uses, code.redemptions) == (0, 1)
    second = _sell(session, house, [house["seat_ids"][64]], code="ONCE")
    assert _lines(session, second.order_id) == [(1500, 150, "ONCE")]
    [code] = promo.list_codes(session)
    assert (code.uses, code.redemptions) == (1, 2)
    with pytest.raises(PromoCodeError) as err:  # and the limit holds again
        _sell(session, house, [house["seat_ids"][65]], code="ONCE")
    assert err.value.details["reason"] == "used_up"
