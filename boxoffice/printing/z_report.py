"""X and Z reports of a till's shift as lines of text and as an 80 mm roll PDF (reportlab).

The lines come from the figures document the database made (``ShiftFigures``), so the
printed report, ``boxoffice report z`` and the screen show the same numbers.
"""

from __future__ import annotations

import datetime as dt
import io
from zoneinfo import ZoneInfo

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from boxoffice.domain.money import format_money
from boxoffice.printing.fonts import BOLD, REGULAR, draw_text, load, text_width
from boxoffice.services.drawer import ShiftFigures

TENDER_NAMES = {"cash": "Cash", "card": "Card", "online": "Online", "comp": "Complimentary", "exchange": "Exchange"}
KIND_NAMES = {"drop": "Drop", "payout": "Pay-out"}

# (label, value, style): style "title", "head" (a section), "bold", "" (plain), "rule"
Line = tuple[str, str, str]


def _when(figures: ShiftFigures, value: str | None) -> str:
    if not value:
        return "—"
    tz = ZoneInfo(figures.data.get("day", {}).get("timezone") or "UTC")
    return dt.datetime.fromisoformat(value).astimezone(tz).strftime("%Y-%m-%d %H:%M")


def report_lines(figures: ShiftFigures) -> list[Line]:
    """The report's lines: a Z report when ``figures`` carries a count and a number (as
    stored at close), an X report otherwise."""
    d, cur = figures.data, figures.currency

    def money(v: int) -> str:
        return format_money(v, cur)

    number = d.get("number")
    lines: list[Line] = [
        (f"Z REPORT {number}" if number else "X REPORT", "", "title"),
        ("" if number else "figures so far, nothing closed", "", ""),
        ("Till", figures.till, ""),
        ("Cashier", figures.staff_name, ""),
        ("Opened", _when(figures, d.get("opened_at")), ""),
        ("Closed" if number else "Until", _when(figures, d.get("closed_at") or d.get("until")), ""),
    ]
    if number and d.get("closed_by"):
        lines.append(("Closed by", str(d["closed_by"]), ""))
    lines += [("Orders", str(figures.orders), ""), ("Takings by tender", "", "head")]
    for t in figures.tenders or []:
        name = TENDER_NAMES.get(t.name, t.name)
        lines.append((f"{name} ({t.payments})", money(t.paid_minor), ""))
        if t.refunds:
            lines.append((f"  refunds ({t.refunds})", money(-t.refunded_minor), ""))
        lines.append((f"  net {name.lower()}", money(t.net_minor), "bold"))
    if not figures.tenders:
        lines.append(("No payments", "", ""))
    lines += [
        ("Drawer", "", "head"),
        ("Float", money(figures.float_minor), ""),
        ("+ cash sales", money(figures.cash_sales_minor), ""),
        ("- cash refunds", money(figures.cash_refunds_minor), ""),
        ("- drops", money(figures.drops_minor), ""),
        ("- pay-outs", money(figures.payouts_minor), ""),
        ("Expected cash", money(figures.expected_cash_minor), "bold"),
    ]
    count = d.get("count")
    if count:
        lines.append(("Blind count", "", "head"))
        for denomination, pieces in sorted(((int(k), int(v)) for k, v in count["counted"].items()), reverse=True):
            lines.append((f"{pieces} × {money(denomination)}", money(denomination * pieces), ""))
        variance = int(count["variance_minor"])
        lines += [
            ("Counted cash", money(int(count["counted_minor"])), "bold"),
            ("Variance (over +, short -)", ("+" if variance > 0 else "") + money(variance), "bold"),
        ]
    if figures.movements:
        lines.append(("Drops and pay-outs", "", "head"))
        for m in figures.movements:
            lines.append(
                (f"{KIND_NAMES.get(m['kind'], m['kind'])}: {m['reason']}"[:38], money(-int(m["amount_minor"])), "")
            )
    lines.append((f"Web channel, {figures.day.isoformat()}", "", "head"))
    for w in figures.web:
        lines.append((f"{w.name} ({w.payments})", money(w.paid_minor), ""))
        if w.refunds:
            lines.append((f"  refunds ({w.refunds})", money(-w.refunded_minor), ""))
        lines.append(("  net", money(w.net_minor), "bold"))
    if not figures.web:
        lines.append(("No web payments", "", ""))
    return lines


def report_text(figures: ShiftFigures, width: int = 44) -> str:
    """The report as plain text, ``width`` characters wide (for the command line)."""
    out = []
    for label, value, style in report_lines(figures):
        if style == "title":
            out.append(label.center(width))
        elif style == "head":
            out += ["", label, "-" * width]
        elif label or value:
            out.append(f"{label}{value.rjust(max(1, width - len(label)))}")
    return "\n".join(out) + "\n"


def render_report_pdf(figures: ShiftFigures) -> bytes:
    """The report on one 80 mm wide roll page (as long as it needs), for a receipt printer
    or a PDF file."""
    lines = report_lines(figures)
    step, margin = 4.6 * mm, 5 * mm
    height = margin * 2 + sum(step * (1.6 if s in ("title", "head") else 1) for _l, _v, s in lines)
    width = 80 * mm
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=(width, height), pageCompression=1, initialFontName=load(REGULAR))  # type: ignore[arg-type]  # a font name
    canvas.setTitle(lines[0][0])
    canvas.setAuthor("boxoffice")
    canvas.setCreator("boxoffice")
    y = height - margin
    for label, value, style in lines:
        if style == "title":
            y -= step * 1.2
            draw_text(canvas, (width - text_width(label, BOLD, 13)) / 2, y, label, BOLD, 13)
            y -= step * 0.4
            continue
        if style == "head":
            y -= step * 1.3
            draw_text(canvas, margin, y, label, BOLD, 9)
            canvas.setLineWidth(0.5)
            canvas.line(margin, y - 1.4 * mm, width - margin, y - 1.4 * mm)
            y -= step * 0.3
            continue
        y -= step
        face = BOLD if style == "bold" else REGULAR
        draw_text(canvas, margin, y, label, face, 8.5)
        if value:
            draw_text(canvas, width - margin - text_width(value, face, 8.5), y, value, face, 8.5)
    canvas.showPage()
    canvas.save()
    return buf.getvalue()
