"""A report as an A4 PDF (reportlab): the figures as tables and the three charts the
Reports screen shows (sales over time, by channel, by price category), drawn with
reportlab's own charts so that printing needs no Qt.

Text is set in the bundled Noto Sans (``printing/fonts``); money is formatted in the
venue's currency, sizes are PDF points.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from boxoffice.domain.money import format_money
from boxoffice.printing import fonts
from boxoffice.services.report_csv import DIMENSION_TITLES
from boxoffice.services.reports import Report, SalesLine

BAR = colors.HexColor("#2563eb")
REFUND = colors.HexColor("#dc2626")
WIDTH = A4[0] - 30 * mm


def render_report_pdf(report: Report) -> bytes:
    """The report as PDF bytes (A4 portrait, as many pages as the tables need)."""
    regular, bold = fonts.load(fonts.REGULAR), fonts.load(fonts.BOLD)
    title = ParagraphStyle("title", fontName=bold, fontSize=16, leading=20, spaceAfter=4)
    heading = ParagraphStyle("heading", fontName=bold, fontSize=11, leading=14, spaceBefore=10, spaceAfter=4)
    body = ParagraphStyle("body", fontName=regular, fontSize=9, leading=12)
    money = lambda minor: format_money(minor, report.currency)  # noqa: E731
    period = report.first_day.isoformat() + (
        "" if report.first_day == report.last_day else f" – {report.last_day.isoformat()}"
    )
    total = report.total()
    story: list = [
        Paragraph(f"{_esc(report.venue_name)} · {period}", title),
        Paragraph(
            f"{report.orders} orders · {total.sold} tickets sold ({money(total.sold_minor)}) · "
            f"{total.refunded} refunded ({money(total.refunded_minor)}) · {total.exchanged} exchanged · "
            f"net {money(total.net_minor)} · times in {_esc(report.timezone)}",
            body,
        ),
        Spacer(1, 6),
    ]
    dimension, series = report.over_time()
    story.append(_columns_chart(series, "Net sales by " + ("hour" if dimension == "hour" else "day"), regular, money))
    story.append(Spacer(1, 6))
    story.append(_bars_chart(report.sales["channel"], "Net sales by channel", regular, money))
    story.append(Spacer(1, 6))
    story.append(_bars_chart(report.sales["category"], "Net sales by price category", regular, money))

    story.append(Paragraph("Takings by tender (payments - refunds)", heading))
    rows: list[list[Any]] = [["Channel", "Method", "Payments", "Paid", "Refunds", "Refunded", "Net"]]
    rows += [
        [t.channel, t.method, t.payments, money(t.paid_minor), t.refunds, money(t.refunded_minor), money(t.net_minor)]
        for t in report.tenders
    ]
    rows += [
        ["all", m, t.payments, money(t.paid_minor), t.refunds, money(t.refunded_minor), money(t.net_minor)]
        for m, t in sorted(report.by_method().items())
    ]
    story.append(_table(rows, regular, bold, totals=len(report.by_method())))
    for name in ("channel", "seller", "show", "showtime", "category", "ticket_type", "day"):
        story.append(Paragraph(DIMENSION_TITLES[name], heading))
        lines = [*report.sales[name], report.total(name)]
        rows = [["", "Sold", "Value", "Refunded", "Exchanged", "Net"]]
        rows += [
            [s.key, s.sold, money(s.sold_minor), f"{s.refunded} · {money(s.refunded_minor)}", s.exchanged]
            + [money(s.net_minor)]
            for s in lines
        ]
        rows[-1][0] = "Total"
        story.append(_table(rows, regular, bold, totals=1))
    if report.refunds:
        story.append(Paragraph("Refunds", heading))
        rows = [["When", "Order", "Channel", "Method", "Amount", "Reason"]]
        rows += [
            [f"{r.at:%Y-%m-%d %H:%M}", r.order_number, r.channel, r.method or "", money(r.amount_minor), r.reason[:40]]
            for r in report.refunds
        ]
        story.append(_table(rows, regular, bold))
    if report.exchanges:
        story.append(Paragraph("Exchanges", heading))
        rows = [["When", "New order", "Replaced order", "Total"]]
        rows += [
            [f"{x.at:%Y-%m-%d %H:%M}", x.order_number, x.from_order, money(x.total_minor)] for x in report.exchanges
        ]
        story.append(_table(rows, regular, bold))
    if report.occupancy:
        story.append(Paragraph("Occupancy", heading))
        rows = [["Showtime", "Starts (UTC)", "Places", "Blocked", "Sold", "%", "Value"]]
        rows += [
            [o.title, f"{o.starts_at:%Y-%m-%d %H:%M}", o.capacity, o.blocked, o.sold, f"{o.percent:.1f}"]
            + [money(o.value_minor)]
            for o in report.occupancy
        ]
        story.append(_table(rows, regular, bold))
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=f"boxoffice report {period}",
    )
    doc.build(story)
    return out.getvalue()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _table(rows: list[list], regular: str, bold: str, *, totals: int = 0) -> Table:
    table = Table([[str(c) for c in row] for row in rows], repeatRows=1, hAlign="LEFT")
    style: list[Any] = [
        ("FONT", (0, 0), (-1, -1), regular, 8),
        ("FONT", (0, 0), (-1, 0), bold, 8),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f1f5f9")]),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    if totals:
        style += [
            ("FONT", (0, -totals), (-1, -1), bold, 8),
            ("LINEABOVE", (0, -totals), (-1, -totals), 0.6, colors.black),
        ]
    table.setStyle(TableStyle(style))
    return table


def _columns_chart(lines: list[SalesLine], caption: str, font: str, money) -> Drawing:
    height = 62 * mm
    drawing = Drawing(WIDTH, height)
    drawing.add(String(0, height - 10, caption, fontName=font, fontSize=10))
    chart = VerticalBarChart()
    chart.x, chart.y = 58, 22
    chart.width, chart.height = int(WIDTH - 70), int(height - 42)
    values = [line.net_minor / 100 for line in lines] or [0]
    chart.data = [values]
    chart.categoryAxis.categoryNames = [line.key for line in lines] or [""]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 45 if len(lines) > 12 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(lines) > 12 else "n"
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = min(0, *values)
    chart.valueAxis.labelTextFormat = lambda v: money(int(round(v * 100)))
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    drawing.add(chart)
    return drawing


def _bars_chart(lines: list[SalesLine], caption: str, font: str, money) -> Drawing:
    bar_space = 16.0
    height = 30.0 + bar_space * max(1, len(lines))
    drawing = Drawing(WIDTH, height)
    drawing.add(String(0, height - 10, caption, fontName=font, fontSize=10))
    chart = HorizontalBarChart()
    chart.x, chart.y = 110, 14
    chart.width, chart.height = int(WIDTH - 170), int(height - 30)
    values = [line.net_minor / 100 for line in lines] or [0]
    chart.data = [values]
    chart.categoryAxis.categoryNames = [line.key[:22] for line in lines] or [""]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.reverseDirection = True
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = min(0, *values)
    chart.valueAxis.labelTextFormat = lambda v: money(int(round(v * 100)))
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = lambda v: money(int(round(v * 100)))
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing
