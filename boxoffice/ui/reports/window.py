"""Reports → Sales and takings (managers): a day or a period of the ledger.

Pick the first and last day (the venue's local days; both today by default) and press
Show (F5). The Overview tab has takings by tender (payments − refunds; web its own
channel) and three charts: net sales over time (by hour for one day, else by day), by
channel and by price category. Sales has one table per dimension (day, hour, show,
showtime, channel, category, ticket type, cashier); then refunds and exchanges, and the
occupancy of the showtimes starting in the period. Export CSV / PDF write what is shown.
The queries run as the signed-in manager (services/reports.py) on a worker thread.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from boxoffice.services import reports
from boxoffice.services.reports import Report
from boxoffice.ui.common import i18n
from boxoffice.ui.common.tables import list_table
from boxoffice.ui.common.tasks import TaskRunner, describe_error
from boxoffice.ui.reports.charts import SalesChart

DIMENSION_LABELS = {
    "day": QT_TRANSLATE_NOOP("reports", "Day"),
    "hour": QT_TRANSLATE_NOOP("reports", "Hour of the day"),
    "show": QT_TRANSLATE_NOOP("reports", "Show"),
    "showtime": QT_TRANSLATE_NOOP("reports", "Showtime"),
    "channel": QT_TRANSLATE_NOOP("reports", "Channel"),
    "category": QT_TRANSLATE_NOOP("reports", "Price category"),
    "ticket_type": QT_TRANSLATE_NOOP("reports", "Ticket type"),
    "seller": QT_TRANSLATE_NOOP("reports", "Cashier"),
}
METHOD_LABELS = {
    "cash": QT_TRANSLATE_NOOP("reports", "cash"),
    "card": QT_TRANSLATE_NOOP("reports", "card"),
    "online": QT_TRANSLATE_NOOP("reports", "online"),
    "comp": QT_TRANSLATE_NOOP("reports", "complimentary"),
    "exchange": QT_TRANSLATE_NOOP("reports", "exchange credit"),
}


def _tr(text: object) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("reports", str(text))


class ReportsWindow(QDialog):
    """The Reports screen. ``runner`` runs the report as the signed-in actor (the
    database refuses anyone without ``reports``).

    Signals:
        reportShown(object): a report is on screen (the Report), for tests.
        exported(object): an export finished (its path) or failed (the exception).
    """

    reportShown = Signal(object)
    exported = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.report: Report | None = None
        self.setWindowTitle(self.tr("Sales and takings · boxoffice"))
        self.resize(1280, 860)
        today = today or dt.date.today()
        self.first = self._date("firstDay", today)
        self.last = self._date("lastDay", today)
        today_button = QPushButton(self.tr("T&oday"))
        today_button.clicked.connect(self.show_today)
        self.show_button = QPushButton(self.tr("&Show (F5)"))
        self.show_button.setObjectName("showReport")
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.load)
        QShortcut(QKeySequence("F5"), self, self.load)
        self.csv_button = QPushButton(self.tr("Export &CSV…"))
        self.csv_button.clicked.connect(lambda: self._ask_export("csv"))
        self.pdf_button = QPushButton(self.tr("Export &PDF…"))
        self.pdf_button.clicked.connect(lambda: self._ask_export("pdf"))
        for button in (self.csv_button, self.pdf_button):
            button.setEnabled(False)
        top = QHBoxLayout()
        for label, widget in ((self.tr("&From"), self.first), (self.tr("&To"), self.last)):
            caption = QLabel(label)
            caption.setBuddy(widget)
            caption.setMinimumWidth(caption.sizeHint().width() + 4)
            top.addWidget(caption)
            top.addWidget(widget)
        top.addWidget(today_button)
        top.addWidget(self.show_button)
        top.addStretch(1)
        top.addWidget(self.csv_button)
        top.addWidget(self.pdf_button)
        self.summary = QLabel(self.tr("Choose the days and press Show."))
        self.summary.setObjectName("reportSummary")
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setPointSize(font.pointSize() + 2)
        self.summary.setFont(font)

        self.tabs = QTabWidget()
        self.tenders = list_table(
            [self.tr("Channel"), self.tr("Method"), self.tr("Payments"), self.tr("Paid"), self.tr("Refunds")]
            + [self.tr("Refunded"), self.tr("Net")],
            "tendersTable",
            stretch=0,
            select_rows=False,
        )
        self.time_chart = SalesChart(self.tr("Net sales by hour"), horizontal=False)
        self.channel_chart = SalesChart(self.tr("Net sales by channel"), horizontal=True)
        self.category_chart = SalesChart(self.tr("Net sales by price category"), horizontal=True)
        overview = QWidget()
        grid = QGridLayout(overview)
        grid.addWidget(self.tenders, 0, 0, 1, 2)
        grid.addWidget(self.time_chart, 1, 0, 1, 2)
        grid.addWidget(self.channel_chart, 2, 0)
        grid.addWidget(self.category_chart, 2, 1)
        grid.setRowStretch(0, 2)
        grid.setRowStretch(1, 3)
        grid.setRowStretch(2, 3)
        self.tabs.addTab(overview, self.tr("Overview"))

        self.dimension = QComboBox()
        self.dimension.setObjectName("dimension")
        for key in reports.DIMENSIONS:
            self.dimension.addItem(_tr(DIMENSION_LABELS[key]), key)
        self.dimension.setCurrentIndex(self.dimension.findData("channel"))
        self.dimension.currentIndexChanged.connect(lambda _i: self._show_sales())
        self.sales = list_table(
            [self.tr("Channel"), self.tr("Sold"), self.tr("Value"), self.tr("Refunded"), self.tr("Refund value")]
            + [self.tr("Exchanged"), self.tr("Net")],
            "salesTable",
            stretch=0,
        )
        sales_tab = QWidget()
        box = QVBoxLayout(sales_tab)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Sales by")))
        row.addWidget(self.dimension)
        row.addStretch(1)
        box.addLayout(row)
        box.addWidget(self.sales, 1)
        self.tabs.addTab(sales_tab, self.tr("Sales"))

        self.refunds = list_table(
            [self.tr("When"), self.tr("Order"), self.tr("Channel"), self.tr("Method"), self.tr("Amount")]
            + [self.tr("Reason")],
            "refundsTable",
        )
        self.exchanges = list_table(
            [self.tr("When"), self.tr("New order"), self.tr("Replaced order"), self.tr("Total")], "exchangesTable"
        )
        returns = QWidget()
        box = QVBoxLayout(returns)
        box.addWidget(QLabel(self.tr("Refunds")))
        box.addWidget(self.refunds, 2)
        box.addWidget(QLabel(self.tr("Exchanges")))
        box.addWidget(self.exchanges, 1)
        self.tabs.addTab(returns, self.tr("Refunds and exchanges"))
        self.occupancy = list_table(
            [self.tr("Showtime"), self.tr("Status"), self.tr("Places"), self.tr("Blocked"), self.tr("Sold")]
            + [self.tr("Occupancy"), self.tr("Value")],
            "occupancyTable",
            stretch=0,
        )
        self.tabs.addTab(self.occupancy, self.tr("Occupancy"))

        self.status = QLabel("")
        self.status.setObjectName("reportStatus")
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

    def _date(self, name: str, day: dt.date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumWidth(130)
        return edit

    def show_today(self) -> None:
        """Both days to today, and show."""
        today = QDate.currentDate()
        self.first.setDate(today)
        self.last.setDate(today)
        self.load()

    def period(self) -> tuple[dt.date, dt.date]:
        """The first and last day chosen."""
        first, last = self.first.date(), self.last.date()
        return dt.date(first.year(), first.month(), first.day()), dt.date(last.year(), last.month(), last.day())

    def load(self) -> None:
        """Run the report for the chosen days on a worker; show it when it arrives."""
        first, last = self.period()
        self.status.setText(self.tr("Reading the ledger…"))
        self.show_button.setEnabled(False)
        self.runner.run(lambda s: reports.period_report(s, first, last), self._shown, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.show_button.setEnabled(True)
        self.status.setText(describe_error(exc))

    def money(self, minor: int) -> str:
        """Minor units of the report's currency as the till's locale writes them."""
        return i18n.format_money(minor, self.report.currency if self.report else "EUR")

    def _shown(self, report: Report) -> None:
        self.report = report
        self.show_button.setEnabled(True)
        for button in (self.csv_button, self.pdf_button):
            button.setEnabled(True)
        total = report.total()
        self.summary.setText(
            self.tr(
                "{venue}: {orders} orders, {sold} tickets sold ({value}), {refunded} refunded ({refund_value}), "
                "{exchanged} exchanged. Net sales {net}."
            ).format(
                venue=report.venue_name,
                orders=i18n.number(report.orders),
                sold=i18n.number(total.sold),
                value=self.money(total.sold_minor),
                refunded=i18n.number(total.refunded),
                refund_value=self.money(total.refunded_minor),
                exchanged=i18n.number(total.exchanged),
                net=self.money(total.net_minor),
            )
        )
        rows = [(self.tr("all channels"), m, t) for m, t in sorted(report.by_method().items())]
        rows += [(t.channel, t.method, t) for t in report.tenders]
        self._fill(
            self.tenders,
            [
                [channel, _tr(METHOD_LABELS.get(method, method)), i18n.number(t.payments), self.money(t.paid_minor)]
                + [i18n.number(t.refunds), self.money(t.refunded_minor), self.money(t.net_minor)]
                for channel, method, t in rows
            ],
            bold_until=len(report.by_method()),
        )
        dimension, series = report.over_time()
        self.time_chart.set_title(self.tr("Net sales by hour") if dimension == "hour" else self.tr("Net sales by day"))
        self.time_chart.set_lines(series, self.money)
        self.channel_chart.set_lines(report.sales["channel"], self.money)
        self.category_chart.set_lines(report.sales["category"], self.money)
        self._show_sales()
        self._fill(
            self.refunds,
            [
                [i18n.date_time(r.at, report.timezone), r.order_number, r.channel]
                + [_tr(METHOD_LABELS.get(r.method or "", r.method or "")), self.money(r.amount_minor), r.reason]
                for r in report.refunds
            ],
        )
        self._fill(
            self.exchanges,
            [
                [i18n.date_time(x.at, report.timezone), x.order_number, x.from_order, self.money(x.total_minor)]
                for x in report.exchanges
            ],
        )
        self._fill(
            self.occupancy,
            [
                [reports.showtime_label(o.title, o.starts_at, reports.venue_zone(report.timezone))]
                + [i18n.showtime_status(o.status), i18n.number(o.capacity), i18n.number(o.blocked)]
                + [i18n.number(o.sold), f"{o.percent:.1f} %", self.money(o.value_minor)]
                for o in report.occupancy
            ],
        )
        self.status.setText("")
        self.reportShown.emit(report)

    def _show_sales(self) -> None:
        if self.report is None:
            return
        key = self.dimension.currentData()
        self.sales.setHorizontalHeaderItem(0, QTableWidgetItem(_tr(DIMENSION_LABELS[key])))
        lines = [*self.report.sales[key], self.report.total(key)]
        rows = [
            [line.key, i18n.number(line.sold), self.money(line.sold_minor), i18n.number(line.refunded)]
            + [self.money(line.refunded_minor), i18n.number(line.exchanged), self.money(line.net_minor)]
            for line in lines
        ]
        rows[-1][0] = self.tr("Total")
        self._fill(self.sales, rows, bold_from=len(rows) - 1)

    def _fill(
        self, table: QTableWidget, rows: list[list[str]], bold_from: int | None = None, bold_until: int = 0
    ) -> None:
        table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if c >= 2 or (table is self.sales and c >= 1):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if (bold_from is not None and r >= bold_from) or r < bold_until:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                table.setItem(r, c, item)

    # -- export -----------------------------------------------------------------------------

    def _ask_export(self, kind: str) -> None:
        first, last = self.period()
        name = f"report-{first:%Y%m%d}" + ("" if first == last else f"-{last:%Y%m%d}") + f".{kind}"
        caption = self.tr("Export the report as CSV") if kind == "csv" else self.tr("Export the report as PDF")
        filter_ = self.tr("CSV files (*.csv)") if kind == "csv" else self.tr("PDF files (*.pdf)")
        path, _ = QFileDialog.getSaveFileName(self, caption, str(Path.home() / name), filter_)
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Write the report on screen to ``path`` (``.csv``: CSV; else PDF) on a worker;
        emits ``exported`` when done."""
        report = self.report
        if report is None:
            return

        def work(_session) -> Path:
            partial = path.with_name(path.name + ".part")
            if path.suffix.lower() == ".csv":
                from boxoffice.services.report_csv import write_csv

                with open(partial, "w", newline="", encoding="utf-8") as out:
                    write_csv(report, out)
            else:
                from boxoffice.printing.report_pdf import render_report_pdf

                partial.write_bytes(render_report_pdf(report))
            partial.replace(path)
            return path

        def done(written: Path) -> None:
            self.status.setText(self.tr("Saved {path}.").format(path=written))
            self.exported.emit(written)

        def failed(exc: BaseException) -> None:
            self.status.setText(describe_error(exc))
            self.exported.emit(exc)

        self.runner.run(work, done, failed)
