"""Receipts on real PostgreSQL: VAT per rate (rounded half-up per rate total), split
tenders and change, refunds, the rate stamped at sale, the manager-only setters, and the
PDF (80 mm wide, with the venue's name, tax number and VAT lines in its text)."""

from __future__ import annotations

import datetime as dt
import uuid

import psycopg
import pypdfium2 as pdfium
import pytest
from sqlalchemy import text

from boxoffice.domain.errors import InvalidInputError, PermissionDeniedError
from boxoffice.domain.vat import vat_breakdown, vat_included
from boxoffice.printing.receipt import render_receipt_pdf
from boxoffice.services import exchange, inventory, orders, promo, refunds, sales
from boxoffice.services.auth import act_as
from boxoffice.services.receipt_details import receipt_details, set_category_vat, set_receipt_details
from boxoffice.services.receipts import receipt_for_order, receipt_for_refund
from tests.factories import make_actor, make_small_house


def test_vat_is_rounded_half_up_once_per_rate_total():
    assert vat_included(1000, 2000) == 167  # 166.67
    assert vat_included(1001, 10000) == 501  # 500.5 -> half up
    assert vat_included(-1001, 10000) == -501  # a refund mirrors the sale
    assert vat_included(999, 0) == 0
    # per rate total, not per line: three lines of 0.10 at 20 % carry 0.05 VAT, not 3 x 0.02
    assert [(v.rate_bp, v.gross_minor, v.vat_minor, v.net_minor) for v in vat_breakdown([(10, 2000)] * 3)] == [
        (2000, 30, 5, 25)
    ]
    with pytest.raises(ValueError):
        vat_included(100, 10001)


def _sell(session, house, seats, *, tendered, method="cash", reference=None):
    token = uuid.uuid4()
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=seats, token=token, channel="till:t", seconds=120
    )
    return sales.sell(
        session,
        showtime_id=house["showtime_id"],
        seat_ids=seats,
        token=token,
        channel="till:front-1",
        method=method,
        tendered_minor=tendered,
        reference=reference,
    )


@pytest.fixture
def house(session):
    """Test Hall at 20 % VAT with category A at 7 % (row A 25.00, rows B-C 15.00)."""
    house = make_small_house(session, starts_at=dt.datetime(2026, 12, 5, 19, 30, tzinfo=dt.UTC))
    manager = make_actor(session, role="manager")
    act_as(session, manager)
    set_receipt_details(
        session,
        venue_id=house["venue_id"],
        address="1 River Walk\nKingston KT1 1AA",
        tax_number="GB 123 4567 89",
        vat_rate_bp=2000,
    )
    assert set_category_vat(session, category_id=house["category_ids"]["A"], vat_rate_bp=700) == 1
    act_as(session, None)
    return house


def test_sale_receipt_has_vat_per_rate_and_change(session, house):
    seats = [house["seat_ids"][0], house["seat_ids"][10], house["seat_ids"][11]]  # A 25.00 (7 %), 2 x B 15.00 (20 %)
    sold = _sell(session, house, seats, tendered=60_00)
    receipt = receipt_for_order(session, order_id=sold.order_id)
    assert receipt.kind == "sale" and receipt.number == sold.order_number
    assert (receipt.venue_name, receipt.tax_number) == ("Test Hall", "GB 123 4567 89")
    assert receipt.venue_address == "1 River Walk\nKingston KT1 1AA"
    assert [(x.amount_minor, x.vat_rate_bp) for x in receipt.lines] == [(2500, 700), (1500, 2000), (1500, 2000)]
    assert receipt.lines[0].detail == "Stalls · Row A · Seat 1" and receipt.lines[0].text == "A"
    assert receipt.total_minor == 55_00 and receipt.change_minor == 5_00
    assert [(t.method, t.amount_minor, t.tendered_minor) for t in receipt.tenders] == [("cash", 55_00, 60_00)]
    # 30.00 at 20 %: 5.00 exactly; 25.00 at 7 %: 1.6355… -> 1.64
    assert [(v.rate_bp, v.gross_minor, v.vat_minor, v.net_minor) for v in receipt.vat] == [
        (2000, 30_00, 5_00, 25_00),
        (700, 25_00, 1_64, 23_36),
    ]
    assert receipt.issued_at.tzinfo is not None


def test_split_tenders_and_change(session, house):
    """Cash 20.00 (50.00 handed over) plus card 35.00 for 55.00.
    Until the tenders work lands on main, bo_checkout writes one payment per order, so the
    test splits the payment as the superuser with triggers off (session_replication_role),
    which is what a two-tender checkout leaves in the ledger."""
    seats = [house["seat_ids"][0], house["seat_ids"][10], house["seat_ids"][11]]
    sold = _sell(session, house, seats, tendered=55_00)
    session.execute(text("SET LOCAL session_replication_role = replica"))
    session.execute(
        text("UPDATE payment SET amount_minor = 2000, tendered_minor = 5000 WHERE order_id = :o"), {"o": sold.order_id}
    )
    session.execute(
        text(
            "INSERT INTO payment (order_id, method, amount_minor, tendered_minor, reference) "
            "VALUES (:o, 'card', 3500, 3500, 'AUTH42')"
        ),
        {"o": sold.order_id},
    )
    session.commit()
    receipt = receipt_for_order(session, order_id=sold.order_id)
    assert [(t.method, t.amount_minor, t.tendered_minor, t.reference) for t in receipt.tenders] == [
        ("cash", 20_00, 50_00, None),
        ("card", 35_00, 35_00, "AUTH42"),
    ]
    assert receipt.change_minor == 30_00 and receipt.total_minor == 55_00
    assert sum(t.amount_minor for t in receipt.tenders) == receipt.total_minor
    pdf_text = _text(render_receipt_pdf(receipt))
    assert "Cash tendered" in pdf_text and "€50.00" in pdf_text and "AUTH42" in pdf_text
    assert "Change" in pdf_text and "€30.00" in pdf_text


def test_refund_receipt_mirrors_the_sale(session, house):
    seats = [house["seat_ids"][0], house["seat_ids"][10]]
    sold = _sell(session, house, seats, tendered=40_00, method="card", reference="A1B2")
    refunds.refund_order(session, order_number=sold.order_number, reason="Customer is ill")
    refund_id = session.execute(text("SELECT id FROM refund WHERE order_id = :o"), {"o": sold.order_id}).scalar_one()
    receipt = receipt_for_refund(session, refund_id=refund_id)
    assert receipt.kind == "refund" and receipt.sign == -1 and receipt.number == f"{sold.order_number}-R{refund_id}"
    assert receipt.total_minor == 40_00
    assert [(t.method, t.amount_minor) for t in receipt.tenders] == [("card", 40_00)]  # back to the card
    assert [(v.rate_bp, v.gross_minor, v.vat_minor) for v in receipt.vat] == [(2000, 15_00, 2_50), (700, 25_00, 1_64)]
    assert "Customer is ill" in receipt.note
    pdf_text = _text(render_receipt_pdf(receipt))
    assert "REFUND" in pdf_text and "-€40.00" in pdf_text and "-€2.50" in pdf_text


def test_a_ticket_keeps_the_rate_it_was_sold_at(session, house):
    first = _sell(session, house, [house["seat_ids"][0]], tendered=25_00)
    act_as(session, make_actor(session, role="manager"))
    set_category_vat(session, category_id=house["category_ids"]["A"], vat_rate_bp=None)  # now the venue's 20 %
    act_as(session, None)
    second = _sell(session, house, [house["seat_ids"][1]], tendered=25_00)
    assert [v.rate_bp for v in receipt_for_order(session, order_id=first.order_id).vat] == [700]
    assert [(v.rate_bp, v.vat_minor) for v in receipt_for_order(session, order_id=second.order_id).vat] == [
        (2000, 4_17)
    ]
    with pytest.raises(Exception, match="VAT rate of a sold ticket"):
        session.execute(text("UPDATE ticket SET vat_rate_bp = 0 WHERE order_id = :o"), {"o": first.order_id})
    session.rollback()


def test_a_new_plan_version_keeps_its_categories_rates(session, house):
    plan = session.execute(
        text("SELECT venue_id, name, width, height FROM seating_plan WHERE id = :p"), {"p": house["plan_id"]}
    ).one()
    new_plan = session.execute(
        text(
            "INSERT INTO seating_plan (venue_id, name, version, width, height, source) "
            "VALUES (:v, :n, 2, :w, :h, '{}') RETURNING id"
        ),
        {"v": plan.venue_id, "n": plan.name, "w": plan.width, "h": plan.height},
    ).scalar_one()
    session.execute(
        text("INSERT INTO price_category (plan_id, name) VALUES (:p, 'A'), (:p, 'B'), (:p, 'C')"), {"p": new_plan}
    )
    session.commit()
    rates = dict(
        session.execute(text("SELECT name, vat_rate_bp FROM price_category WHERE plan_id = :p"), {"p": new_plan}).all()
    )
    assert rates == {"A": 700, "B": None, "C": None}
    details = next(d for d in receipt_details(session) if d.venue_id == house["venue_id"])
    assert [(c.name, c.vat_rate_bp) for c in details.categories] == [("A", 700), ("B", None), ("C", None)]
    assert details.vat_rate_bp == 2000


def test_only_managers_set_receipt_details_also_directly(session, house, plain_db_url):
    cashier = make_actor(session, role="cashier", password="cashier-pass-1")
    act_as(session, cashier)
    with pytest.raises(PermissionDeniedError):
        set_receipt_details(session, venue_id=house["venue_id"], address="", tax_number="X", vat_rate_bp=0)
    act_as(session, None)
    # the hostile till: the cashier's own login, straight at the database
    with psycopg.connect(plain_db_url, user=cashier.login, password="cashier-pass-1") as conn:
        for statement in (
            "UPDATE venue SET tax_number = 'FAKE'",
            "UPDATE price_category SET vat_rate_bp = 0",
            f"SELECT bo_venue_receipt_set({house['venue_id']}, '', 'FAKE', 0)",
            f"SELECT bo_category_vat_set({house['category_ids']['A']}, 0)",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
            conn.rollback()
        # but the till reads what it prints
        assert conn.execute("SELECT tax_number, vat_rate_bp FROM venue").fetchone() == ("GB 123 4567 89", 2000)
    assert session.execute(text("SELECT tax_number FROM venue")).scalar_one() == "GB 123 4567 89"
    act_as(session, make_actor(session, role="manager"))
    with pytest.raises(InvalidInputError, match="VAT rate"):
        set_receipt_details(session, venue_id=house["venue_id"], address="", tax_number="", vat_rate_bp=10_001)
    with pytest.raises(InvalidInputError, match="500 characters"):
        set_receipt_details(session, venue_id=house["venue_id"], address="x" * 501, tax_number="", vat_rate_bp=0)
    audit = session.execute(
        text("SELECT count(*) FROM audit_log WHERE action = 'config_change' AND details->>'change' = 'receipt_details'")
    ).scalar_one()
    assert audit == 1  # the fixture's; refused changes leave nothing


def _text(pdf: bytes) -> str:
    document = pdfium.PdfDocument(pdf)
    try:
        return "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    finally:
        document.close()


@pytest.mark.parametrize("layout", ["roll80", "a4"])
def test_pdf_names_venue_tax_number_and_vat_lines(session, house, layout):
    sold = _sell(session, house, [house["seat_ids"][0], house["seat_ids"][10]], tendered=50_00)
    pdf = render_receipt_pdf(receipt_for_order(session, order_id=sold.order_id), layout=layout)
    document = pdfium.PdfDocument(pdf)
    width, height = document[0].get_size()
    document.close()
    if layout == "roll80":
        assert width == pytest.approx(80 / 25.4 * 72, abs=0.01)  # 226.77 pt: 80 mm
    else:
        assert (width, height) == pytest.approx((595.28, 841.89), abs=0.01)
    body = _text(pdf)
    for expected in (
        "Test Hall",
        "VAT no. GB 123 4567 89",
        "1 River Walk",
        "Kingston KT1 1AA",
        "RECEIPT",
        sold.order_number,
        "Test Show",
        "Stalls · Row A · Seat 1",
        "TOTAL",
        "€40.00",
        "Cash tendered",
        "Change",
        "€10.00",
        "Till front-1",
        "Prices include VAT.",
    ):
        assert expected in body, expected
    lines = [line.split() for line in body.splitlines()]
    assert ["20%", "€12.50", "€2.50", "€15.00"] in lines  # rate, net, VAT, gross
    assert ["7%", "€23.36", "€1.64", "€25.00"] in lines


def _sell_card(session, house, seats, promo_code=None, reference="AUTH1"):
    token = uuid.uuid4()
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=seats, token=token, channel="t", seconds=120
    )
    return sales.sell(
        session,
        showtime_id=house["showtime_id"],
        seat_ids=seats,
        token=token,
        channel="till:front-1",
        method="card",
        reference=reference,
        promo=promo_code,
    )


def test_a_promo_discount_shows_per_line_and_vat_is_on_the_price_paid(session, house):
    promo.save_code(session, promo.PromoDraft(code="SPRING10", kind="percent", percent=10))
    sold = _sell_card(session, house, [house["seat_ids"][0], house["seat_ids"][10]], promo_code="SPRING10")
    sale = receipt_for_order(session, order_id=sold.order_id)
    assert [(x.list_price_minor, x.discount_minor, x.amount_minor, x.promo_code) for x in sale.lines] == [
        (25_00, 2_50, 22_50, "SPRING10"),
        (15_00, 1_50, 13_50, "SPRING10"),
    ]
    assert sale.total_minor == sold.total_minor == 36_00
    # 22.50 at 7 % = 1.4719 -> 1.47; 13.50 at 20 % = 2.25
    assert [(v.rate_bp, v.gross_minor, v.vat_minor) for v in sale.vat] == [(2000, 13_50, 2_25), (700, 22_50, 1_47)]
    sale_text = _text(render_receipt_pdf(sale))
    assert "Promo code SPRING10" in sale_text and "-€2.50" in sale_text and "€36.00" in sale_text


def test_a_discounted_ticket_is_refunded_at_the_price_paid(session, house):
    promo.save_code(session, promo.PromoDraft(code="SPRING10", kind="percent", percent=10))
    sold = _sell_card(session, house, [house["seat_ids"][10]], promo_code="SPRING10")
    refund = orders.refund_tickets(session, order_id=sold.order_id, ticket_ids=None, method="card", reason="Ill")
    assert refund.amount_minor == sold.total_minor == 13_50


def test_partial_refund_and_exchange_receipts(session, house):
    """Through the orders services (migration 0016): one ticket of a card sale refunded by
    card, the other exchanged for another seat; each receipt shows what the ledger holds."""
    sold = _sell_card(session, house, [house["seat_ids"][0], house["seat_ids"][10]])
    a_ticket, b_ticket = (x.ticket_id for x in receipt_for_order(session, order_id=sold.order_id).lines)
    refund = orders.refund_tickets(session, order_id=sold.order_id, ticket_ids=[b_ticket], method="card", reason="Ill")
    back = receipt_for_refund(session, refund_id=refund.refund_id)
    assert [(x.ticket_id, x.amount_minor) for x in back.lines] == [(b_ticket, 15_00)]
    assert [(t.method, t.amount_minor) for t in back.tenders] == [("card", 15_00)]
    assert [(v.rate_bp, v.vat_minor) for v in back.vat] == [(2000, 2_50)]
    assert "Ill" in back.note

    done = exchange.exchange(
        session,
        order_id=sold.order_id,
        ticket_ids=[a_ticket],
        showtime_id=house["showtime_id"],
        seat_ids=[house["seat_ids"][11]],  # a B seat at 15.00: 10.00 goes back by card
        channel="till:front-1",
        reason="Wants the aisle",
        refund_method="card",
    )
    swap = receipt_for_order(session, order_id=done.order_id)
    assert swap.kind == "exchange" and swap.note == f"Exchanged from order {sold.order_number}"
    assert [(t.method, t.amount_minor) for t in swap.tenders] == [("exchange", 15_00)]
    assert swap.total_minor == 15_00 and [(v.rate_bp, v.vat_minor) for v in swap.vat] == [(2000, 2_50)]
    assert [(t.method, t.amount_minor) for t in swap.paid_back] == [("card", 10_00)]
    swap_text = _text(render_receipt_pdf(swap))
    assert "EXCHANGE" in swap_text and "Paid back: Card" in swap_text and "-€10.00" in swap_text
    credit_id, rest_id = session.execute(
        text("SELECT id FROM refund WHERE order_id = :o AND id <> :r ORDER BY id"),
        {"o": sold.order_id, "r": refund.refund_id},
    ).scalars()
    returned = receipt_for_refund(session, refund_id=rest_id)  # either refund of the exchange: one receipt
    assert returned == receipt_for_refund(session, refund_id=credit_id)
    assert [(x.ticket_id, x.amount_minor) for x in returned.lines] == [(a_ticket, 25_00)]  # the ticket given back
    assert [(t.method, t.amount_minor) for t in returned.tenders] == [("exchange", 15_00), ("card", 10_00)]
    assert returned.total_minor == 25_00 and [(v.rate_bp, v.vat_minor) for v in returned.vat] == [(700, 1_64)]
