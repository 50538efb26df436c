"""Receipts as PDF documents (reportlab): 80 mm till rolls and A4 (docs/receipts.md).

Layouts (see ``LAYOUTS``):

* ``"roll80"``: one page 80 mm wide (72 mm printed, 4 mm margins) and as long as the
  receipt (at least 100 mm), pure black on white for thermal heads;
* ``"a4"``: the same content in a wider column on A4 pages (more pages when long).

Content, top to bottom: the venue's name, address and tax number; RECEIPT / REFUND /
EXCHANGE with the order, date and till; one line per ticket under its show's heading;
the total; the tenders and the change; the VAT included per rate (rate, net, VAT,
gross); a note (the refund's reason) and a thank-you. Text is drawn with the bundled
fonts (:mod:`boxoffice.printing.fonts`), so names print in any script.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from boxoffice.domain.vat import rate_text
from boxoffice.printing.drawing import ellipsize, wrap_text
from boxoffice.printing.fonts import BOLD, REGULAR, draw_text, load
from boxoffice.printing.tickets import money_text, when_text
from boxoffice.services.receipts import Receipt

LAYOUTS: dict[str, str] = {"roll80": "80 mm receipt printer", "a4": "A4 receipt"}
"""Layout key -> human name, for a picker in the UI."""

ROLL_WIDTH_MM = 80.0
_TITLES = {"sale": "RECEIPT", "refund": "REFUND", "exchange": "EXCHANGE"}


@dataclass(frozen=True)
class _Geometry:
    page_w: float
    page_h: float | None  # None: as long as the content (roll)
    margin: float
    top: float
    scale: float  # font size factor


_GEOMETRY = {
    "roll80": _Geometry(ROLL_WIDTH_MM * mm, None, 4 * mm, 5 * mm, 1.0),
    "a4": _Geometry(210 * mm, 297 * mm, 40 * mm, 20 * mm, 1.25),
}


class _Pen:
    """Writes rows top-down; ``dry`` only measures (for the roll's page length)."""

    def __init__(self, c: Canvas | None, g: _Geometry, height: float) -> None:
        self.c, self.g = c, g
        self.x0, self.x1 = g.margin, g.page_w - g.margin
        self.width = self.x1 - self.x0
        self.height = height
        self.y = height - g.top

    def _room(self, need: float) -> None:
        if self.c is not None and self.g.page_h is not None and self.y - need < self.g.top:
            self.c.showPage()
            self.y = self.height - self.g.top

    def gap(self, points: float) -> None:
        self.y -= points * self.g.scale

    def row(self, left: str, right: str = "", *, style: str = REGULAR, size: float = 8.5, indent: float = 0) -> None:
        """One line: ``left`` from the left edge (shortened with "…" to leave room for
        ``right``), ``right`` against the right edge."""
        size *= self.g.scale
        self._room(size * 1.3)
        self.y -= size * 1.25
        if self.c is None:
            return
        right_w = 0.0
        if right:
            right_w = draw_text(self.c, self.x1, self.y, right, style, size, anchor="end") + 3 * mm
        x = self.x0 + indent * self.g.scale
        draw_text(self.c, x, self.y, ellipsize(left, style, size, self.x1 - x - right_w), style, size)

    def wrapped(self, text: str, *, style: str = REGULAR, size: float = 8.5, centre: bool = False) -> None:
        """``text`` wrapped to the column (each ``\\n`` starts a new line)."""
        for part in text.splitlines() or [""]:
            for line in wrap_text(part, style, size * self.g.scale, self.width) or [""]:
                if centre:
                    self._centre(line, style, size)
                else:
                    self.row(line, style=style, size=size)

    def _centre(self, line: str, style: str, size: float) -> None:
        size *= self.g.scale
        self._room(size * 1.3)
        self.y -= size * 1.25
        if self.c is not None:
            draw_text(self.c, (self.x0 + self.x1) / 2, self.y, line, style, size, anchor="middle")

    def rule(self, *, dashed: bool = False) -> None:
        self.y -= 2.2 * mm
        if self.c is not None:
            self.c.setLineWidth(0.8)
            if dashed:
                self.c.setDash(2, 2)
            self.c.line(self.x0, self.y, self.x1, self.y)
            self.c.setDash()
        self.y -= 0.8 * mm

    def columns(self, cells: list[str], *, style: str = REGULAR, size: float = 8) -> None:
        """A row of the VAT table: the first cell left, the others right-aligned in
        equal columns."""
        size *= self.g.scale
        self._room(size * 1.3)
        self.y -= size * 1.25
        if self.c is None:
            return
        draw_text(self.c, self.x0, self.y, cells[0], style, size)
        step = self.width * 0.75 / (len(cells) - 1)
        for i, cell in enumerate(cells[1:], start=1):
            draw_text(self.c, self.x0 + self.width * 0.25 + step * i, self.y, cell, style, size, anchor="end")


def render_receipt_pdf(receipt: Receipt, *, layout: str = "roll80") -> bytes:
    """Render ``receipt`` (``services.receipts.receipt_for_order`` / ``_for_refund``) as a
    PDF document.

    Args:
        receipt: the receipt; its ``issued_at`` is printed as given (venue time).
        layout: ``"roll80"`` (one page 80 mm wide, as long as the receipt) or ``"a4"``.

    Returns:
        The PDF file's bytes (titled e.g. "Receipt BO-001001").

    Raises:
        ValueError: ``layout`` is not a key of ``LAYOUTS``.
    """
    if layout not in LAYOUTS:
        raise ValueError(f"Unknown receipt layout {layout!r}; choose one of {', '.join(LAYOUTS)}.")
    g = _GEOMETRY[layout]
    height = g.page_h
    if height is None:  # measure first: a roll receipt is one page as long as its content
        probe = _Pen(None, g, 10_000.0)
        _draw(probe, receipt)
        height = max(100 * mm, 10_000.0 - probe.y + g.top)
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=(g.page_w, height), pageCompression=1, initialFontName=load(REGULAR))  # type: ignore[arg-type]  # reportlab takes a font name
    canvas.setTitle(f"{_TITLES[receipt.kind].title()} {receipt.number}")
    canvas.setAuthor("boxoffice")
    canvas.setCreator("boxoffice")
    canvas.setSubject(f"{receipt.venue_name}: {_TITLES[receipt.kind].lower()} {receipt.number}")
    _draw(_Pen(canvas, g, height), receipt)
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


def _money(receipt: Receipt, amount: int) -> str:
    return money_text(amount, receipt.currency, receipt.locale)


def _draw(pen: _Pen, r: Receipt) -> None:
    # the venue: name, address, tax number
    pen.wrapped(r.venue_name, style=BOLD, size=12, centre=True)
    if r.venue_address:
        pen.gap(1)
        pen.wrapped(r.venue_address, size=8.5, centre=True)
    if r.tax_number:
        pen.wrapped(f"VAT no. {r.tax_number}", size=8.5, centre=True)
    pen.rule()

    pen.wrapped(_TITLES[r.kind], style=BOLD, size=11, centre=True)
    pen.row(f"Order {r.order_number}", when_text(r.issued_at, r.locale), size=8.5)
    if r.number != r.order_number:
        pen.row(f"Receipt {r.number}", size=8.5)
    till = r.channel.removeprefix("till:") if r.channel.startswith("till:") else ""
    who = " · ".join(x for x in (till and f"Till {till}", r.served_by and f"Served by {r.served_by}") if x)
    if who:
        pen.row(who, size=8)
    if r.note:
        pen.wrapped(r.note, size=8)
    pen.rule()

    # the lines, grouped under their show
    heading = None
    for line in r.lines:
        this = f"{line.show_title} · {when_text(line.starts_at, r.locale)}" if line.starts_at else line.show_title
        if this and this != heading:
            if heading is not None:
                pen.gap(2)
            pen.wrapped(this, style=BOLD, size=8.5)
            heading = this
        pen.row(line.text, _money(r, line.list_price_minor * r.sign), size=8.5)
        if line.detail:
            pen.row(line.detail, size=7.5, indent=2 * mm)
        if line.discount_minor:
            code = f"Promo code {line.promo_code}" if line.promo_code else "Discount"
            pen.row(code, _money(r, -line.discount_minor * r.sign), size=7.5, indent=2 * mm)
    pen.rule()
    label = "TOTAL REFUNDED" if r.kind == "refund" else "TOTAL"
    pen.row(label, _money(r, r.total_minor * r.sign), style=BOLD, size=12)
    pen.gap(2)

    # tenders and change
    for t in r.tenders:
        name = t.label
        if r.kind == "refund":
            name = f"Paid back: {name}"
        if t.reference and t.method in ("card", "online"):
            name = f"{name} (ref. {t.reference})"
        if t.method == "cash" and t.tendered_minor != t.amount_minor:
            pen.row(f"{name} tendered", _money(r, t.tendered_minor), size=8.5)
        else:
            pen.row(name, _money(r, t.amount_minor * r.sign), size=8.5)
        if t.comp_reason:
            pen.row(t.comp_reason, size=7.5, indent=2 * mm)
    for t in r.paid_back:  # an exchange's credit beyond the new total
        pen.row(f"Paid back: {t.label}", _money(r, -t.amount_minor), size=8.5)
    if any(t.method == "cash" for t in r.tenders) and r.kind != "refund":
        pen.row("Change", _money(r, r.change_minor), style=BOLD, size=10)
    pen.rule(dashed=True)

    # VAT included, per rate
    if r.vat:
        pen.columns(["VAT rate", "Net", "VAT", "Gross"], style=BOLD, size=7.5)
        for v in r.vat:
            pen.columns(
                [
                    rate_text(v.rate_bp),
                    _money(r, v.net_minor * r.sign),
                    _money(r, v.vat_minor * r.sign),
                    _money(r, v.gross_minor * r.sign),
                ],
                size=7.5,
            )
        pen.gap(1)
        pen.wrapped("Prices include VAT.", size=7)
    pen.gap(4)
    pen.wrapped("Thank you for your visit." if r.kind != "refund" else "Please keep this receipt.", size=8, centre=True)
