"""A report exported as CSV (csv module: the numbers read back) and as PDF (reportlab:
tables and charts; its text layer carries the figures)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from zoneinfo import ZoneInfo

import pypdfium2

from boxoffice.printing.report_pdf import render_report_pdf
from boxoffice.services import reports
from boxoffice.services.report_csv import write_csv
from tests.factories import make_actor, make_small_house
from tests.report_helpers import refund_counter, sell_counter, sell_web


def _day_with_sales(session):
    house = make_small_house(session)
    st, seats = house["showtime_id"], house["seat_ids"]
    cara = make_actor(session, role="cashier", display_name="Cara")
    a = sell_counter(session, cara, st, seats[0:2], till="till:1")
    sell_counter(session, cara, st, seats[10:14], method="card", till="till:2")
    sell_web(session, st, seats[20:23])
    refund_counter(session, cara, a.order_number, till="till:1")
    day = dt.datetime.now(ZoneInfo("Europe/London")).date()
    return reports.day_report(session, day, venue_id=house["venue_id"])


def test_csv_sections_read_back_to_the_same_figures(session):
    report = _day_with_sales(session)
    out = io.StringIO(newline="")
    rows = write_csv(report, out)
    parsed = list(csv.reader(io.StringIO(out.getvalue())))
    assert len(parsed) == rows
    start = parsed.index(["# Tenders"]) + 2
    tenders = {}
    for row in parsed[start:]:
        if not row:
            break
        if row[0] == "all":
            tenders[row[2]] = int(row[7])
    assert tenders == {"card": 6000, "cash": 0, "online": 4500}
    channel = parsed.index(["# Sales by channel"]) + 2
    assert parsed[channel][:3] == ["till:1", "2", "5000"] and parsed[channel + 3][0] == "total"
    assert parsed[channel + 3][7] == str(report.total().net_minor) == "10500"


def test_pdf_has_the_tables_and_the_charts(session, tmp_path):
    report = _day_with_sales(session)
    pdf = render_report_pdf(report)
    doc = pypdfium2.PdfDocument(pdf)
    text = "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    for needle in ("Net sales by hour", "Net sales by channel", "Net sales by price category", "Takings by tender"):
        assert needle in text
    assert "€105.00" in text and "till:2" in text and "online" in text
    if os.environ.get("BOXOFFICE_KEEP_PDF"):
        (tmp_path / "report.pdf").write_bytes(pdf)
        doc[0].render(scale=1.5).to_pil().save(os.environ["BOXOFFICE_KEEP_PDF"])
