"""Printed tickets: one page per ticket, and each page's QR code scans back to a signed
code that verifies with the venue's public key and names a ticket of the order."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import uuid

import pypdfium2 as pdfium
import pytest
import zxingcpp

from boxoffice.domain import ticket_code
from boxoffice.domain.money import format_money
from boxoffice.domain.ticket_code import TicketCodeError
from boxoffice.printing import LAYOUTS, render_tickets_pdf
from boxoffice.printing.render import pdf_page_images
from boxoffice.services import inventory, sales, tickets
from tests.factories import make_small_house


@pytest.fixture
def sold(session):
    """An order of 3 seats (row A seats 1-2, and the wheelchair space in row C), sold for cash."""
    house = make_small_house(
        session, starts_at=dt.datetime(2037, 11, 28, 19, 30, tzinfo=dt.UTC)
    )  # a Saturday still to come: sales close after the start
    seats = [house["seat_ids"][0], house["seat_ids"][1], house["seat_ids"][20]]
    token = uuid.uuid4()
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=seats, token=token, channel="till-1", seconds=120
    )
    result = sales.sell_cash(
        session, showtime_id=house["showtime_id"], seat_ids=seats, token=token, channel="till-1", tendered_minor=100_00
    )
    views = tickets.order_tickets(session, order_id=result.order_id)
    return {"result": result, "tickets": views, "keys": tickets.venue_public_keys(session), "house": house}


def _page_texts(pdf: bytes) -> list[str]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


def _scan(image) -> list[str]:
    return [
        barcode.text for barcode in zxingcpp.read_barcodes(image) if barcode.format == zxingcpp.BarcodeFormat.QRCode
    ]


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_each_page_scans_back_to_a_ticket_of_the_order(sold, layout):
    views, keys, result = sold["tickets"], sold["keys"], sold["result"]
    assert len(views) == 3
    pdf = render_tickets_pdf(views, layout=layout)
    assert pdf.startswith(b"%PDF-")

    images = pdf_page_images(pdf, dpi=200)
    assert len(images) == len(views)
    seen = []
    for image, view in zip(images, views):
        texts = _scan(image)
        assert len(texts) == 1, f"expected one QR code on the page of ticket {view.ticket_id}, found {texts}"
        key_id = ticket_code.peek_key_id(texts[0])
        claim = ticket_code.decode(texts[0], keys[key_id])
        assert claim.ticket_id == view.ticket_id
        assert claim.showtime_id == sold["house"]["showtime_id"]
        seen.append(claim.ticket_id)
    assert sorted(seen) == sorted(result.ticket_ids)  # every ticket of the order, each exactly once


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_page_text_names_order_row_seat_and_price(sold, layout):
    views = sold["tickets"]
    pages = _page_texts(render_tickets_pdf(views, layout=layout))
    assert len(pages) == len(views)
    for text, view in zip(pages, views):
        for expected in (
            view.order_number,
            "Test Show",
            "Stalls",
            f"Ticket {view.ticket_id}",
            "Sat 28 Nov 2037, 19:30",  # 19:30 UTC is 19:30 in London in November
            format_money(view.price_minor, view.currency),
        ):
            assert expected in text, f"{expected!r} missing on the page of ticket {view.ticket_id}"
        assert "test hall" in text.lower()
        assert re.search(rf"\bROW\s+{view.row}\s+SEAT\s+{view.seat}\b", text), text
        assert ("Wheelchair space" in text or "WHEELCHAIR SPACE" in text) == view.wheelchair
    assert sum(v.wheelchair for v in views) == 1


def test_pdf_metadata_names_the_order(sold):
    document = pdfium.PdfDocument(render_tickets_pdf(sold["tickets"], layout="a4"))
    try:
        meta = document.get_metadata_dict()
    finally:
        document.close()
    assert meta["Title"] == f"Tickets {sold['result'].order_number}"
    assert meta["Author"] == "boxoffice"


def test_long_title_and_odd_characters_still_scan(sold):
    view = dataclasses.replace(
        sold["tickets"][0],
        show_title="A Very Long Show Title About Łódź, Dvořák and the Мастер — Which Keeps On Going and Going Forever",
        section="Upper Circle Left Balcony Extension",
        category="Concessions (students, seniors, carers)",
    )
    for layout in LAYOUTS:
        pdf = render_tickets_pdf([view], layout=layout)
        (image,) = pdf_page_images(pdf, dpi=150)
        assert _scan(image) == [view.code]
        (text,) = _page_texts(pdf)
        assert "Łódź, Dvořák and the Мастер" in " ".join(text.split())  # printed as is, not folded
        assert text.count("?") == text.count("booking?")  # no replacement "?" (the A4 notes ask one question)
        assert "\u25a0" not in text


def test_a_changed_character_fails_verification(sold):
    code = sold["tickets"][0].code
    key = sold["keys"][ticket_code.peek_key_id(code)]
    assert ticket_code.decode(code, key).ticket_id == sold["tickets"][0].ticket_id
    position = 40  # inside the header or signature, not the key id
    altered = code[:position] + ("A" if code[position] != "A" else "B") + code[position + 1 :]
    with pytest.raises(TicketCodeError):
        ticket_code.decode(altered, key)


def test_nothing_to_print_or_unknown_layout_is_refused(sold):
    with pytest.raises(ValueError):
        render_tickets_pdf([])
    with pytest.raises(ValueError):
        render_tickets_pdf(sold["tickets"], layout="letter")
    with pytest.raises(ValueError):
        pdf_page_images(b"%PDF-", dpi=0)


def test_layouts_have_human_names_and_page_sizes(sold):
    assert LAYOUTS == {"roll80": "80 mm ticket printer", "a4": "A4 print at home"}
    sizes = {}
    for layout in LAYOUTS:
        document = pdfium.PdfDocument(render_tickets_pdf(sold["tickets"][:1], layout=layout))
        try:
            width, height = document[0].get_size()
        finally:
            document.close()
        sizes[layout] = (round(width / 72 * 25.4), round(height / 72 * 25.4))
    assert sizes == {"roll80": (80, 160), "a4": (210, 297)}
