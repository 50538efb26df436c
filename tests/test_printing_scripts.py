"""Tickets in the venue's own scripts: a Japanese title, an Arabic venue, a Cyrillic
section and a Greek price category (all stored in PostgreSQL and read back) print with
the bundled fonts, read back from the PDF's text layer, and still scan at the door."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
import uuid

import pypdfium2 as pdfium
import pytest
import zxingcpp

from boxoffice.db.models import PriceCategory, Section, Show, Venue
from boxoffice.domain import ticket_code
from boxoffice.printing import LAYOUTS, fonts, render_tickets_pdf
from boxoffice.printing.render import pdf_page_images
from boxoffice.services import inventory, sales, tickets
from tests.factories import make_small_house

TITLE = "夏の夜の夢"  # Japanese: kana and kanji (CJK face)
VENUE = "المسرح الوطني"  # Arabic: joined letters, right to left
SECTION = "Партер"  # Cyrillic
CATEGORY = "Πλατεία Α"  # Greek


@pytest.fixture
def scripts_order(session):
    """Two tickets (row A seat 1, and the wheelchair space) of a house named in four scripts."""
    house = make_small_house(
        session, starts_at=dt.datetime(2037, 11, 28, 19, 30, tzinfo=dt.UTC)
    )  # a Saturday still to come: sales close after the start
    session.get(Venue, house["venue_id"]).name = VENUE
    session.get(Show, house["show_id"]).title = TITLE
    session.get(Section, house["section_id"]).name = SECTION
    for category_id in house["category_ids"].values():
        category = session.get(PriceCategory, category_id)
        category.name = f"{CATEGORY}{'' if category.name == 'A' else ' (Β)'}"
    session.commit()
    seats = [house["seat_ids"][0], house["seat_ids"][20]]
    token = uuid.uuid4()
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=seats, token=token, channel="till-1", seconds=120
    )
    result = sales.sell_cash(
        session, showtime_id=house["showtime_id"], seat_ids=seats, token=token, channel="till-1", tendered_minor=100_00
    )
    return {
        "tickets": tickets.order_tickets(session, order_id=result.order_id),
        "keys": tickets.venue_public_keys(session),
    }


def _page_texts(pdf: bytes) -> list[str]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


def _reads_rtl(expected: str, text: str) -> bool:
    """Whether a reader of the extracted ``text`` (NFKC-normalised) sees ``expected``.

    The PDF holds Arabic as presentation-form glyphs in drawing (visual) order. NFKC turns
    the presentation forms back into plain letters. Extractors then differ in how far they
    undo the visual order: pdfium restores logical order for a line that is all Arabic,
    but in a line that mixes in Latin ("<venue> ADMIT ONE") it restores each word's
    letters and keeps the words in drawing order (left to right). Both show the right
    letters, joined, and are accepted; a line in raw visual order (letters backwards)
    would be what a naive extractor gives, and is accepted as the same glyphs too. What
    must not happen, and is refused, is a missing, replaced or wrong letter."""
    words = expected.split()
    return any(form in text for form in (expected, " ".join(reversed(words)), expected[::-1]))


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_every_script_reads_back_from_the_pdf(scripts_order, layout):
    views = scripts_order["tickets"]
    assert (views[0].show_title, views[0].venue_name, views[0].section) == (TITLE, VENUE, SECTION)
    pages = _page_texts(render_tickets_pdf(views, layout=layout))
    assert len(pages) == len(views)
    for raw in pages:
        text = unicodedata.normalize("NFKC", raw)
        for expected in (TITLE, SECTION, CATEGORY, "ADMIT ONE", "Sat 28 Nov 2037, 19:30"):
            assert expected in text, f"{expected!r} missing from {text!r}"
        assert _reads_rtl(VENUE, text), text
        if layout == "a4":  # the venue has a line of its own under the date: logical order exactly
            assert re.search(rf"^{VENUE}\r?$", text, re.MULTILINE), text
        assert text.count("?") == text.count("booking?")  # no character replaced by "?"
        assert "\ufffd" not in text
        assert not any("\ue000" <= ch <= "\uf8ff" for ch in raw), "a glyph without a Unicode mapping"
    assert ("WHEELCHAIR SPACE" in pages[1]) and ("WHEELCHAIR SPACE" not in pages[0])


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_each_page_still_scans_to_its_ticket(scripts_order, layout):
    views, keys = scripts_order["tickets"], scripts_order["keys"]
    images = pdf_page_images(render_tickets_pdf(views, layout=layout), dpi=200)
    for image, view in zip(images, views, strict=True):
        codes = [b.text for b in zxingcpp.read_barcodes(image) if b.format == zxingcpp.BarcodeFormat.QRCode]
        assert codes == [view.code]
        assert ticket_code.decode(codes[0], keys[ticket_code.peek_key_id(codes[0])]).ticket_id == view.ticket_id


def test_every_run_is_drawn_with_a_face_that_has_its_glyphs():
    """The text layer maps glyphs back to characters even when a face lacks a glyph (it
    would print an empty box), so coverage is checked on the runs themselves."""
    expected_faces = {
        TITLE: "BoxofficeSansCJK",
        VENUE: "BoxofficeSansArabic",
        SECTION: "BoxofficeSans",
        CATEGORY: "BoxofficeSans",
        "שלום": "BoxofficeSansHebrew",
        "Łódź €5": "BoxofficeSans",
    }
    for style in (fonts.REGULAR, fonts.BOLD):
        for text, face in expected_faces.items():
            runs = fonts.runs(text, style)
            assert len(runs) == 1, runs
            assert runs[0].font.removesuffix("-Bold") == face
            # synthetic bold only where the face has no bold of its own (CJK)
            assert runs[0].fake_bold == (style == fonts.BOLD and face == "BoxofficeSansCJK")
        mixed = fonts.runs(f"{TITLE} · {VENUE} · {SECTION} 2026", style)
        assert [r.font.removesuffix("-Bold") for r in mixed] == [
            "BoxofficeSansCJK",
            "BoxofficeSans",
            "BoxofficeSansArabic",
            "BoxofficeSans",
        ]
        for run in mixed:
            face = fonts._loaded[run.font].face
            missing = [ch for ch in run.text if ord(ch) not in face.charToGlyph]
            assert not missing, f"{run.font} lacks {missing}"


def test_arabic_is_shaped_and_set_right_to_left():
    drawn = fonts.visual_order(VENUE)
    # joined forms (presentation forms), not the bare letters of the Arabic block
    assert not any("\u0600" <= ch <= "\u06ff" for ch in drawn), drawn
    assert unicodedata.name(drawn[0]) == "ARABIC LETTER YEH FINAL FORM"  # the last letter, drawn leftmost
    assert unicodedata.name(drawn[-1]) == "ARABIC LETTER ALEF ISOLATED FORM"  # the first letter, rightmost
    assert unicodedata.normalize("NFKC", drawn[::-1]) == VENUE
    assert fonts.is_rtl(VENUE) and not fonts.is_rtl(TITLE) and not fonts.is_rtl(f"Teatro {VENUE}")
    # brackets are mirrored: "(hall)" in Arabic still shows as "(...)" drawn right to left
    hall = fonts.visual_order("المسرح (القاعة ٢)")
    assert hall.startswith("(٢ ") and ") " in hall and hall.endswith("\ufe8d")  # ... ALEF ISOLATED FORM of "المسرح"
    # a vowel mark is drawn after (to be centred on) its letter, not before it
    assert fonts.visual_order("مَ") == "\ufee1\u064e"


def test_an_arabic_field_is_right_aligned_in_its_box(scripts_order):
    """On the A4 ticket the venue line (all Arabic) ends where the price ends: both sit at
    the right edge of the left column; the date above starts at its left edge."""
    document = pdfium.PdfDocument(render_tickets_pdf(scripts_order["tickets"][:1], layout="a4"))
    try:
        page = document[0].get_textpage()
        text = page.get_text_range()

        def box(fragment: str, *, last: bool = False) -> tuple[float, float]:
            start = text.index(fragment)
            index = start + len(fragment) - 1 if last else start
            left, _bottom, right, _top = page.get_charbox(index)
            return left, right

        venue_line = re.search(rf"^{VENUE}\r?$", text, re.MULTILINE)
        assert venue_line, text
        venue_right = max(page.get_charbox(i)[2] for i in range(venue_line.start(), venue_line.start() + len(VENUE)))
        price_right = box("€25.00", last=True)[1]
        date_left = box("Sat 28 Nov")[0]
    finally:
        document.close()
    assert abs(venue_right - price_right) < 2.5, (venue_right, price_right)
    assert venue_right - date_left > 250  # the column is 100 mm (283 pt) wide; the name is much shorter


def test_only_embedded_bundled_fonts_are_used(scripts_order):
    latin = [
        dataclasses.replace(v, show_title="Twelfth Night", venue_name="Test Hall", section="Stalls", category="A")
        for v in scripts_order["tickets"]
    ]
    for layout in LAYOUTS:
        for views, faces in (
            (scripts_order["tickets"], {"NotoSans-Regular", "NotoSans-Bold", "DroidSansFallback"}),
            (latin, {"NotoSans-Regular", "NotoSans-Bold"}),
        ):
            pdf = render_tickets_pdf(views, layout=layout)
            names = re.findall(rb"/BaseFont /([\w+\-]+)", pdf)
            used = {name.decode().split("+")[-1] for name in names}
            assert faces <= used and "Helvetica" not in used, used
            assert ("NotoSansArabic" in " ".join(used)) == (views is not latin)
            assert pdf.count(b"/FontFile2") == len(names)  # every font is embedded (TrueType outlines)


def test_a_greek_venue_heads_the_ticket_in_capitals_without_accents(scripts_order):
    view = dataclasses.replace(scripts_order["tickets"][0], venue_name="Εθνικό Θέατρο")
    for layout in LAYOUTS:
        (text,) = _page_texts(render_tickets_pdf([view], layout=layout))
        assert "ΕΘΝΙΚΟ ΘΕΑΤΡΟ" in text  # Greek capitals drop the tonos; "ΕΘΝΙΚΌ ΘΈΑΤΡΟ" is wrong
        assert "Εθνικό Θέατρο" in text or layout == "roll80"  # the A4 ticket also names it as written
