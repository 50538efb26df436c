"""Printed tickets as PDF documents (reportlab), one ticket per page.

Two layouts (see ``LAYOUTS``):

* ``"roll80"``: an 80 mm x 160 mm page for thermal ticket printers (72 mm printable
  width, 4 mm margins). Everything is pure black on white, since thermal heads cannot
  print grey.
* ``"a4"``: an A4 print-at-home page: the ticket in a bordered block at the top, a dashed
  cut line, and short notes for the visitor.

The QR code of the signed ticket code (``boxoffice.domain.ticket_code``) is drawn as one
vector path from the ``qrcode`` library's module matrix, including its 4-module quiet
zone, so it stays crisp at any printer resolution. Text is in the bundled TrueType
fonts (``boxoffice.printing.fonts``: Noto Sans, with fallbacks for Arabic, Hebrew and
CJK), so titles, venues and sections print in the venue's own script; Arabic and Hebrew
are shaped and set right to left, and right-aligned in their box.
"""

from __future__ import annotations

import datetime as dt
import io

from reportlab.lib.colors import Color, black, white
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from boxoffice.domain import locale_format
from boxoffice.domain.locale_format import DEFAULT_LOCALE
from boxoffice.domain.money import format_money
from boxoffice.printing.drawing import caps, draw_fitted, draw_line, draw_qr, fit_lines, qr_matrix, snap, wrap_text
from boxoffice.printing.fonts import BOLD, REGULAR, draw_text, is_rtl, load, text_width
from boxoffice.services.tickets import TicketView

LAYOUTS: dict[str, str] = {"roll80": "80 mm ticket printer", "a4": "A4 print at home"}
"""Layout key -> human name, for a picker in the UI."""

GREY = Color(0.38, 0.38, 0.38)
_DOT = 25.4 / 203 * mm  # one dot of a 203 dpi thermal head, in points
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def render_tickets_pdf(tickets: list[TicketView], *, layout: str = "roll80") -> bytes:
    """Render ``tickets`` as a PDF document with one ticket per page, in list order.

    Args:
        tickets: the tickets to print (e.g. ``services.tickets.order_tickets``); their
            ``starts_at`` is printed as given (already in the venue's time zone).
        layout: a key of ``LAYOUTS``: ``"roll80"`` (80 mm x 160 mm pages) or ``"a4"``
            (210 mm x 297 mm pages).

    Returns:
        The PDF file's bytes (titled e.g. "Tickets BO-001001").

    Raises:
        ValueError: ``tickets`` is empty, or ``layout`` is not a key of ``LAYOUTS``.
    """
    if layout not in LAYOUTS:
        raise ValueError(f"Unknown ticket layout {layout!r}; choose one of {', '.join(LAYOUTS)}.")
    if not tickets:
        raise ValueError("There are no tickets to print.")
    page_size, draw = {"roll80": ((80 * mm, 160 * mm), _draw_roll), "a4": ((210 * mm, 297 * mm), _draw_a4)}[layout]
    buf = io.BytesIO()
    # the bundled font as the page's initial font, so no standard (Helvetica) font is referenced
    canvas = Canvas(buf, pagesize=page_size, pageCompression=1, initialFontName=load(REGULAR))  # type: ignore[arg-type]  # stubs say float; reportlab takes a font name
    orders = list(dict.fromkeys(t.order_number for t in tickets))
    canvas.setTitle(f"Tickets {', '.join(orders)}")
    canvas.setAuthor("boxoffice")
    canvas.setCreator("boxoffice")
    canvas.setSubject(
        f"{len(tickets)} ticket(s): {tickets[0].show_title}, {when_text(tickets[0].starts_at, tickets[0].locale)}"
    )
    for index, ticket in enumerate(tickets, start=1):
        draw(canvas, ticket, page_size, index, len(tickets))
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def when_text(starts_at: dt.datetime, locale: str | None = None) -> str:
    """``starts_at`` as printed on a ticket in the venue's ``locale`` (a Babel id, venue
    settings), e.g. ``"Sa., 28. Nov. 2026, 19:30"`` (de_DE); ``None`` or ``en_GB``:
    ``"Sat 28 Nov 2026, 19:30"``. Independent of the machine's locale; the datetime's own
    zone (the venue's) is used as is."""
    if locale and locale != DEFAULT_LOCALE:
        return locale_format.format_datetime(starts_at, starts_at.tzinfo, locale)
    return (
        f"{_DAYS[starts_at.weekday()]} {starts_at.day} {_MONTHS[starts_at.month - 1]} {starts_at.year}, "
        f"{starts_at.hour:02d}:{starts_at.minute:02d}"
    )


def money_text(amount_minor: int, currency: str, locale: str | None = None) -> str:
    """An amount (minor units) as tickets and receipts print it in the venue's ``locale``:
    ``"1.234,50 €"`` (de_DE), ``"£1,234.50"`` (en_GB; also ``None``)."""
    if locale and locale != DEFAULT_LOCALE:
        return locale_format.format_money(amount_minor, currency, locale)
    return format_money(amount_minor, currency)


# --- layouts --------------------------------------------------------------------------


def _draw_roll(c: Canvas, t: TicketView, page: tuple[float, float], index: int, count: int) -> None:
    page_w, page_h = page
    x0, width = 4 * mm, page_w - 8 * mm
    x1 = x0 + width
    y = page_h - 4 * mm

    # header: venue name | ADMIT ONE, then a rule
    y -= 8
    draw_text(c, x1, y, "ADMIT ONE", BOLD, 8, anchor="end")
    draw_fitted(c, caps(t.venue_name), BOLD, 8, 6.5, x0, y, width - text_width("ADMIT ONE", BOLD, 8) - 3 * mm)
    y -= 2.5 * mm
    c.setLineWidth(1)
    c.line(x0, y, x1, y)

    # show title, then date and time
    size, lines = fit_lines(t.show_title, BOLD, (17, 15, 13, 12), width, max_lines=3)
    y -= 2 * mm
    for line in lines:
        y -= size
        draw_line(c, line, BOLD, size, x0, y, width, rtl=is_rtl(t.show_title))
        y -= size * 0.18
    y -= 6 * mm + 3
    draw_fitted(c, when_text(t.starts_at, t.locale), BOLD, 12, 9, x0, y, width)

    # seat block: SECTION over ROW | SEAT, boxed, values big
    y -= 3.5 * mm
    y = _seat_block(c, t, x0, y, width, value_size=28, label_color=black, line_width=1.2)

    if t.wheelchair:
        y -= 2.5 * mm
        y = _wheelchair_bar(c, x0, y, width, 6.5 * mm, 10)

    # category and price
    y -= 3 * mm + 10
    price = money_text(t.price_minor, t.currency, t.locale)
    draw_text(c, x1, y, price, BOLD, 12, anchor="end")
    draw_fitted(c, t.price_label, REGULAR, 10, 7, x0, y, width - text_width(price, BOLD, 12) - 3 * mm)
    if t.discount_minor:  # promo code (migration 0021)
        y -= 11
        draw_fitted(c, t.promo_line, REGULAR, 9, 7, x0, y, width)

    # identifiers and the admission note anchored at the bottom, the QR centred above them
    foot = 4 * mm + 1
    draw_text(c, page_w / 2, foot, "One admission. The QR code is checked at the door.", REGULAR, 6.5, anchor="middle")
    draw_text(
        c, page_w / 2, foot + 10, f"Ticket {t.ticket_id}  \u00b7  Order {t.order_number}", BOLD, 8.5, anchor="middle"
    )
    if count > 1:
        draw_text(c, x1, foot, f"{index}/{count}", REGULAR, 6.5, anchor="end")
    modules = qr_matrix(t.code)
    room_top, room_bottom = y - 1 * mm, foot + 18
    # 7 dots of a 203 dpi head per module when there is room (42.9 mm with quiet zone), never under 6
    module = max(6 * _DOT, snap(min((room_top - room_bottom) / len(modules), 7 * _DOT), _DOT))
    size = module * len(modules)
    draw_qr(c, modules, page_w / 2 - size / 2, room_bottom + max(0.0, (room_top - room_bottom - size) / 2), module)


def _draw_a4(c: Canvas, t: TicketView, page: tuple[float, float], index: int, count: int) -> None:
    page_w, page_h = page
    margin, pad, band, radius = 15 * mm, 6 * mm, 11 * mm, 3 * mm
    x0, width = margin, page_w - 2 * margin
    x1 = x0 + width
    top = page_h - margin
    stub_w = 68 * mm
    stub_x = x1 - stub_w

    # left column: title, date, venue, seat block, category and price, wheelchair notice
    lx, lw = x0 + pad, stub_x - x0 - 2 * pad
    y = top - band - pad
    size, lines = fit_lines(t.show_title, BOLD, (24, 21, 18, 16), lw, max_lines=3)
    for line in lines:
        y -= size
        draw_line(c, line, BOLD, size, lx, y, lw, rtl=is_rtl(t.show_title))
        y -= size * 0.2
    y -= 4 * mm + 12
    draw_fitted(c, when_text(t.starts_at, t.locale), BOLD, 14, 10, lx, y, lw)
    y -= 5 * mm + 1
    c.setFillColor(GREY)
    draw_fitted(c, t.venue_name, REGULAR, 11, 8, lx, y, lw)
    c.setFillColor(black)
    y -= 5 * mm
    y = _seat_block(c, t, lx, y, lw, value_size=30, label_color=GREY, line_width=1.2, section_beside=True)
    y -= 4 * mm + 9
    c.setFillColor(GREY)
    draw_text(c, lx, y, "PRICE CATEGORY", REGULAR, 7.5)
    c.setFillColor(black)
    y -= 1.5 * mm + 13
    price = money_text(t.price_minor, t.currency, t.locale)
    draw_text(c, lx + lw, y, price, BOLD, 15, anchor="end")
    draw_fitted(c, t.price_label, REGULAR, 13, 9, lx, y, lw - text_width(price, BOLD, 15) - 4 * mm)
    if t.discount_minor:  # promo code (migration 0021)
        y -= 15
        draw_fitted(c, t.promo_line, REGULAR, 11, 8, lx, y, lw)
    y -= 4
    if t.wheelchair:
        y = _wheelchair_bar(c, lx, y - 4 * mm, lw, 7 * mm, 11)

    # right stub: QR and identifiers
    modules = qr_matrix(t.code)
    module = snap(56 * mm / len(modules), 0.05 * mm)
    size = module * len(modules)
    cx = stub_x + stub_w / 2
    qy = top - band - 2 * mm - size
    draw_qr(c, modules, cx - size / 2, qy, module)
    stub_y = qy - 1 * mm - 9
    draw_text(c, cx, stub_y, f"Ticket {t.ticket_id}", BOLD, 12, anchor="middle")
    stub_y -= 14
    draw_text(c, cx, stub_y, f"Order {t.order_number}", REGULAR, 10, anchor="middle")
    if count > 1:
        stub_y -= 13
        c.setFillColor(GREY)
        draw_text(c, cx, stub_y, f"Ticket {index} of {count} in this document", REGULAR, 8.5, anchor="middle")
        c.setFillColor(black)

    # the block's frame, sized to its content: black header band, border, dashed stub line
    bottom = min(y, stub_y) - pad
    c.setLineWidth(1.2)
    c.roundRect(x0, bottom, width, top - bottom, radius, stroke=1, fill=0)
    path = c.beginPath()
    path.moveTo(x0, top - band)
    path.lineTo(x0, top - radius)
    path.arcTo(x0, top - 2 * radius, x0 + 2 * radius, top, startAng=180, extent=-90)
    path.lineTo(x1 - radius, top)
    path.arcTo(x1 - 2 * radius, top - 2 * radius, x1, top, startAng=90, extent=-90)
    path.lineTo(x1, top - band)
    path.close()
    c.drawPath(path, stroke=0, fill=1)
    c.setFillColor(white)
    draw_text(c, x1 - pad, top - band / 2 - 4.3, "ADMIT ONE", BOLD, 12, anchor="end")
    draw_fitted(
        c,
        caps(t.venue_name),
        BOLD,
        12,
        8,
        x0 + pad,
        top - band / 2 - 4.3,
        width - 2 * pad - text_width("ADMIT ONE", BOLD, 12) - 6 * mm,
    )
    c.setFillColor(black)
    c.setDash(3, 3)
    c.setLineWidth(0.8)
    c.line(stub_x, bottom + 4 * mm, stub_x, top - band - 4 * mm)
    c.setDash()

    # cut line
    cut_y = bottom - 9 * mm
    label = "cut here"
    gap = text_width(label, REGULAR, 8) / 2 + 2 * mm
    c.setDash(6, 4)
    c.setStrokeColor(GREY)
    c.line(x0, cut_y, page_w / 2 - gap, cut_y)
    c.line(page_w / 2 + gap, cut_y, x1, cut_y)
    c.setDash()
    c.setStrokeColor(black)
    c.setFillColor(GREY)
    draw_text(c, page_w / 2, cut_y - 2.8, label, REGULAR, 8, anchor="middle")
    c.setFillColor(black)

    # notes for the visitor
    y = cut_y - 14 * mm
    draw_text(c, x0, y, "Good to know", BOLD, 13)
    notes = [
        "Bring this ticket with you, printed or on your phone screen, and keep the QR code clean and uncreased.",
        "The ticket admits one person, once. The QR code is checked at the door; a copy is refused after the "
        "first scan, so do not share or post pictures of it.",
        f"Please arrive in good time for {when_text(t.starts_at, t.locale)} at {t.venue_name}.",
        f"Questions about your booking? Quote order {t.order_number} at the box office.",
    ]
    y -= 4 * mm
    for note in notes:  # English sentences: left to right even where a line starts with an Arabic name
        for i, line in enumerate(wrap_text(note, REGULAR, 10.5, width - 6 * mm)):
            y -= 14
            if i == 0:
                draw_text(c, x0 + 1 * mm, y, "\u2022", REGULAR, 10.5)
            draw_text(c, x0 + 6 * mm, y, line, REGULAR, 10.5, direction="L")
        y -= 4

    # page footer
    c.setFillColor(GREY)
    right = f"Ticket {t.ticket_id}  \u00b7  {index}/{count}"
    draw_text(c, x1, margin, right, REGULAR, 8, anchor="end")
    draw_fitted(
        c,
        f"{t.show_title}  \u00b7  {when_text(t.starts_at, t.locale)}",
        REGULAR,
        8,
        8,
        x0,
        margin,
        width - text_width(right, REGULAR, 8) - 10 * mm,
    )
    c.setFillColor(black)


# --- pieces ---------------------------------------------------------------------------


def _seat_block(
    c: Canvas,
    t: TicketView,
    x: float,
    top: float,
    width: float,
    *,
    value_size: float,
    label_color: Color,
    line_width: float,
    section_beside: bool = False,
) -> float:
    """Boxed SECTION / ROW / SEAT with big values; returns the y of its bottom edge.

    ``section_beside`` puts the three in one row (wide layouts); otherwise SECTION is a
    row of its own above ROW | SEAT."""
    label_size, pad = 7.5, 2.2 * mm
    cell_h = pad + label_size + 1.5 * mm + value_size * 0.74 + pad
    c.setLineWidth(line_width)
    if t.general_admission:  # no row or seat: one cell, "General admission · Standing" (migration 0008)
        height = cell_h
        rows = [(top, [("ADMISSION", t.place_label, min(value_size, 20))], [width])]
    elif section_beside:
        widths = [width * 0.5, width * 0.25, width * 0.25]
        cells = [("SECTION", t.section, min(value_size, 20)), ("ROW", t.row, value_size), ("SEAT", t.seat, value_size)]
        height = cell_h
        rows = [(top, cells, widths)]
    else:
        sec_h = pad + label_size + 1.5 * mm + 13 * 0.74 + pad
        height = sec_h + cell_h
        rows = [
            (top, [("SECTION", t.section, 13)], [width]),
            (top - sec_h, [("ROW", t.row, value_size), ("SEAT", t.seat, value_size)], [width / 2, width / 2]),
        ]
    c.rect(x, top - height, width, height, stroke=1, fill=0)
    for row_top, cells, widths in rows:
        if row_top != top:
            c.line(x, row_top, x + width, row_top)
        cx = x
        for (label, value, size), w in zip(cells, widths):
            if cx != x:
                c.line(cx, row_top, cx, top - height)
            c.setFillColor(label_color)
            draw_text(
                c,
                cx + pad,
                row_top - pad - label_size * 0.74,
                label,
                BOLD if label_color == black else REGULAR,
                label_size,
            )
            c.setFillColor(black)
            value_h = size * 0.74 if size > 13 else 13 * 0.74
            draw_fitted(
                c,
                value,
                BOLD,
                size,
                min(size, 10),
                cx + pad,
                row_top - pad - label_size - 1.5 * mm - value_h,
                w - 2 * pad,
            )
            cx += w
    return top - height


def _wheelchair_bar(c: Canvas, x: float, top: float, width: float, height: float, size: float) -> float:
    """An inverted (white on black) "WHEELCHAIR SPACE" bar; returns its bottom y."""
    c.rect(x, top - height, width, height, stroke=0, fill=1)
    c.setFillColor(white)
    draw_text(c, x + width / 2, top - height / 2 - size * 0.36, "WHEELCHAIR SPACE", BOLD, size, anchor="middle")
    c.setFillColor(black)
    return top - height
