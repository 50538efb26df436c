"""A venue's locale, currency and time zone (Manage → Venue settings) drive how money, dates
and times are written for its showtimes: on the sell screen of the real main window, on
receipts and on tickets; the till's texts stay in its own language."""

from __future__ import annotations

import datetime as dt
import re
import uuid

import pypdfium2 as pdfium
import pytest
from sqlalchemy import text

from boxoffice.printing.receipt import render_receipt_pdf
from boxoffice.printing.tickets import render_tickets_pdf
from boxoffice.services import inventory, receipts, sales, venues
from boxoffice.services.auth import act_as
from boxoffice.services.tickets import TicketView
from boxoffice.ui.common import i18n
from tests.drawer_helpers import with_shift
from tests.factories import make_actor, make_small_house
from tests.test_showtimes_end_ui import _close, _window

PRICES = {"A": 123450, "B": 1500}  # 1,234.50 and 15.00


def _pdf_text(data: bytes) -> str:
    document = pdfium.PdfDocument(data)
    try:
        return "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    finally:
        document.close()


def _plain(value: str) -> str:
    return value.replace("\u00a0", " ").replace("\u202f", " ")


def _venue(session, house, *, locale: str, currency: str, timezone: str) -> None:
    venues.update_venue(
        session,
        venue_id=house["venue_id"],
        name="Test Hall",
        address="",
        tax_number="",
        currency=currency,
        timezone=timezone,
        locale=locale,
        off_sale_after_minutes=30,
    )


def _sold_order(session, house) -> int:
    cashier = with_shift(session, make_actor(session, role="cashier"))
    act_as(session, cashier)
    token = uuid.uuid4()
    seat = house["seat_ids"][0]  # row A: category A, 1,234.50
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=[seat], token=token, channel="till:x", seconds=60
    )
    sale = sales.sell(
        session,
        showtime_id=house["showtime_id"],
        seat_ids=[seat],
        token=token,
        channel="till:x",
        method="cash",
        tendered_minor=123450,
    )
    act_as(session, None)
    return sale.order_id


@pytest.mark.parametrize(
    ("locale", "currency", "money", "clock"),
    [
        ("de_DE", "EUR", "1.234,50 €", r"\b([01]\d|2[0-3]):[0-5]\d\b"),
        ("en_GB", "GBP", "£1,234.50", r"\b([01]\d|2[0-3]):[0-5]\d\b"),
    ],
)
def test_receipts_and_tickets_are_written_in_the_venue_s_locale(session, locale, currency, money, clock):
    house = make_small_house(session, prices=PRICES)
    _venue(session, house, locale=locale, currency=currency, timezone="Europe/Berlin")
    order_id = _sold_order(session, house)
    receipt = receipts.receipt_for_order(session, order_id=order_id)
    session.commit()
    assert receipt.locale == locale and receipt.issued_at.utcoffset() == dt.timedelta(hours=1)  # Berlin, winter
    printed = _plain(_pdf_text(render_receipt_pdf(receipt)))
    assert money in printed
    assert re.search(clock, printed) and "AM" not in printed and "PM" not in printed
    if locale == "de_DE":
        assert "€1,234.50" not in printed

    starts = dt.datetime(2026, 12, 5, 19, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    ticket = TicketView(
        ticket_id=1,
        order_number="BO-000001",
        show_title="Hamlet",
        venue_name="Test Hall",
        starts_at=starts,
        section="Stalls",
        row="A",
        seat="1",
        category="A",
        price_minor=123450,
        currency=currency,
        wheelchair=False,
        code="X" * 40,
        locale=locale,
    )
    printed = _plain(_pdf_text(render_tickets_pdf([ticket])))
    assert money in printed and "19:30" in printed
    assert ("Sa., 5. Dez. 2026" if locale == "de_DE" else "Sat 5 Dec 2026") in printed


def test_the_sell_screen_follows_the_venue_of_the_open_showtime(qtbot, session, session_factory, db_url):
    house = make_small_house(session, prices=PRICES)
    _venue(session, house, locale="de_DE", currency="EUR", timezone="Europe/Berlin")
    session.execute(
        text("UPDATE showtime SET starts_at = :t WHERE id = :s"),
        {"t": dt.datetime(2030, 12, 5, 18, 30, tzinfo=dt.UTC), "s": house["showtime_id"]},
    )
    session.commit()
    window, runner, sessions = _window(qtbot, session, session_factory, db_url, "cashier")
    try:
        sell = window.sell
        legend = [_plain(e) for e in sell.legend.entries()]
        assert "A 1.234,50 €" in legend and "B 15,00 €" in legend
        assert "19:30" in sell.info.text()  # 24 h, in the venue's zone (Berlin)
        assert "5. Dezember 2030" in sell.info.text()  # written the venue's way; the texts stay English
        assert "seats" in sell.info.text()
        seat = house["seat_ids"][0]
        from tests.test_sell_screen import click_seat

        click_seat(qtbot, sell, seat)
        qtbot.waitUntil(lambda: seat in sell.basket.lines, timeout=8000)
        qtbot.waitUntil(lambda: "1 seat · 1.234,50 €" in _plain(sell.panel.total.text()), timeout=5000)
        sell.release_seats(None)
        runner.wait(5000)
    finally:
        if window.sell.basket is not None:
            window.sell.basket.lines.clear()  # a failed step leaves no "Release them?" question
        _close(window, runner, sessions)
        i18n.use_venue_locale(None)
    assert i18n.locale_name() == "en_GB"
