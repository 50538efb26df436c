"""Manage → Prices and showtimes: pick a showtime, edit its price grid (category ×
ticket type), cancel it (a confirmation lists the orders to refund); a second tab edits
the venue's price rules (``ui/manage/price_rules.py``). Database work runs on the runner's
worker threads; the services check ``prices`` / ``setup`` and audit."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from boxoffice.domain import pricing
from boxoffice.domain.errors import InvalidInputError
from boxoffice.services import cancellation, prices, refunds, sales_window, schedule
from boxoffice.ui.common import i18n
from boxoffice.ui.common.i18n import format_money, parse_money
from boxoffice.ui.common.tasks import TaskRunner, describe_error
from boxoffice.ui.manage.price_rules import PriceRulesPanel
from boxoffice.ui.manage.ticket_types import TicketTypesPanel

BAD_CELL = QColor("#fde2e2")
CANCELLED = QColor("#9ca3af")


def showtime_text(s: schedule.ManagedShowtime) -> str:
    """List text: ``Sat 12 Dec 19:30 · Title · 120 sold`` (or the status when not on sale)."""
    local = s.starts_at.astimezone(ZoneInfo(s.timezone))
    status = (
        QCoreApplication.translate("prices", "{sold} sold").format(sold=s.sold)
        if s.status == "on_sale"
        else i18n.showtime_status(s.status).upper()
    )
    return f"{i18n.date_time(local, date='MMMEd')} · {s.title} · {status}"


class CancelShowtimeDialog(QDialog):
    """Confirm a cancellation: what happens, the orders to refund, and a reason."""

    def __init__(
        self, showtime: schedule.ManagedShowtime, orders: list[cancellation.RefundDue], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cancel showtime"))
        local = showtime.starts_at.astimezone(ZoneInfo(showtime.timezone))
        tickets = sum(o.tickets for o in orders)
        intro = QLabel(
            self.tr(
                "<b>Cancel {title}, {when}?</b><br>"
                "Sales stop at every till and online at once, held seats are released and pending web "
                "bookings are cancelled. This cannot be undone.<br>"
            ).format(title=showtime.title, when=i18n.date_time(local, date="yMMMMEEEEd"))
            + (
                "<b>"
                + self.tr("%n order(s)", "", len(orders))
                + " ("
                + self.tr("%n ticket(s)", "", tickets)
                + ") "
                + self.tr("must be refunded:")
                + "</b>"
                if orders
                else self.tr("No tickets have been sold.")
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(orders), 5)
        self.table.setObjectName("refundOrders")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Order"), self.tr("Channel"), self.tr("Tickets"), self.tr("Total"), self.tr("Seats / email")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, o in enumerate(orders):
            who = ", ".join(o.seats[:4]) + ("…" if len(o.seats) > 4 else "") + (f" · {o.email}" if o.email else "")
            for col, value in enumerate(
                [o.number, o.channel, str(o.tickets), format_money(o.total_minor, o.currency), who]
            ):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setVisible(bool(orders))
        self.reason = QLineEdit()
        self.reason.setObjectName("cancelReason")
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("Reason (e.g. lead actor ill) — required"))
        buttons = QDialogButtonBox()
        self.confirm = buttons.addButton(self.tr("Cancel the showtime"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setObjectName("confirmCancel")
        self.confirm.setEnabled(False)
        buttons.addButton(self.tr("Keep it"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(lambda t: self.confirm.setEnabled(bool(t.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.reason)
        layout.addWidget(buttons)
        self.resize(720, 380 if orders else 200)


class PricesDialog(QDialog):
    """Showtime list + price grid (Ctrl+S saves), Cancel showtime…, and the rules tab.

    Signals:
        changed(): prices or a showtime's status changed (the sell screen may reload).
    """

    changed = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Prices and showtimes"))
        self.runner = runner
        self.showtimes: list[schedule.ManagedShowtime] = []
        self.grid: prices.PriceGrid | None = None
        self.confirm_cancel = self._confirm_cancel  # replaced in tests
        self.ask_sales = self._ask_sales  # replaced in tests
        self._note = ("", "")  # (text, style) shown once the next grid arrives

        self.list = QListWidget()
        self.list.setObjectName("showtimeList")
        self.list.setMinimumWidth(430)
        self.list.currentRowChanged.connect(self._selected)
        self.heading = QLabel("")
        self.heading.setObjectName("priceHeading")
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, 0)
        self.table.setObjectName("priceGrid")
        self.table.itemChanged.connect(self._cell_changed)
        hint = QLabel(
            self.tr(
                "Prices in the venue's currency; leave a cell empty to not sell that ticket type in that "
                "category. The full price is what the sell screen and the web charge. Sold tickets keep "
                "the price they were sold at."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.status = QLabel("")
        self.status.setObjectName("priceStatus")
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save prices"))
        self.save_button.setObjectName("savePrices")
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Cancel show&time…"))
        self.cancel_button.setObjectName("cancelShowtime")
        self.cancel_button.clicked.connect(self.cancel_showtime)
        self.sales_button = QPushButton(self.tr("Sa&les…"))
        self.sales_button.setObjectName("editSales")
        self.sales_button.setToolTip(self.tr("On-sale and off-sale times, doors, pause sales"))
        self.sales_button.clicked.connect(self.edit_sales)
        self.refund_button = QPushButton(self.tr("&Refund its orders…"))
        self.refund_button.setObjectName("refundOrders")
        self.refund_button.setToolTip(self.tr("Refund every order of this cancelled showtime in full (managers)"))
        self.refund_button.clicked.connect(self.refund_orders)
        self.refund_button.setVisible(False)
        self.confirm_refunds = lambda text: (
            QMessageBox.question(
                self,
                self.tr("Refund the orders?"),
                text,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            == QMessageBox.StandardButton.Yes
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.refund_button)
        buttons.addWidget(self.sales_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        right = QVBoxLayout()
        right.addWidget(self.heading)
        right.addWidget(self.table, 1)
        right.addWidget(hint)
        right.addLayout(buttons)
        page = QWidget()
        page_layout = QHBoxLayout(page)
        page_layout.addWidget(self.list)
        page_layout.addLayout(right, 1)
        self.rules = PriceRulesPanel(runner)
        self.tabs = QTabWidget()
        self.tabs.addTab(page, self.tr("Showtime &prices"))
        self.tabs.addTab(self.rules, self.tr("Price &rules"))
        self.ticket_types = TicketTypesPanel(runner)
        self.tabs.addTab(self.ticket_types, self.tr("Ticket t&ypes"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.resize(1180, 560)

    def load(self, select_id: int | None = None, note: str = "", style: str = "") -> None:
        """Fetch showtimes (worker thread) and select ``select_id`` (else the current
        one); ``note`` (with a style sheet ``style``) is shown under the grid once loaded."""
        self._note = (note, style)
        keep = select_id if select_id is not None else self._current_id()
        self.runner.run(
            lambda s: schedule.list_managed_showtimes(s),
            lambda found: self._loaded(found, keep),
            self._failed,
            owner=self,
        )
        self.rules.load()
        self.ticket_types.load()

    def _current_id(self) -> int | None:
        row = self.list.currentRow()
        return self.showtimes[row].id if 0 <= row < len(self.showtimes) else None

    def _loaded(self, found: list[schedule.ManagedShowtime], keep: int | None) -> None:
        self.showtimes = found
        self.list.blockSignals(True)
        self.list.clear()
        for s in found:
            item = QListWidgetItem(showtime_text(s))
            if s.status == "cancelled":
                item.setForeground(QBrush(CANCELLED))
            self.list.addItem(item)
        self.list.blockSignals(False)
        row = next((i for i, s in enumerate(found) if s.id == keep), 0 if found else -1)
        if row >= 0:
            self.list.setCurrentRow(row)
        else:
            self.heading.setText(self.tr("No showtimes from today on: schedule some (Manage → Schedule showtimes)."))

    def select_showtime(self, showtime_id: int) -> None:
        """Select ``showtime_id`` in the list (it must be loaded)."""
        row = next(i for i, s in enumerate(self.showtimes) if s.id == showtime_id)
        self.list.setCurrentRow(row)

    def _selected(self, row: int) -> None:
        if not 0 <= row < len(self.showtimes):
            return
        showtime_id = self.showtimes[row].id
        self.grid = None
        self.runner.run(
            lambda s: prices.price_grid(s, showtime_id=showtime_id),
            lambda grid: self._show_grid(grid) if showtime_id == self._current_id() else None,
            self._failed,
            owner=self,
        )

    def _show_grid(self, grid: prices.PriceGrid) -> None:
        self.grid = grid
        s = self.showtimes[self.list.currentRow()]
        zone = ZoneInfo(grid.timezone)
        window = (
            self.tr("on sale ")
            + (
                self.tr("from {when}").format(when=i18n.date_time(s.on_sale_at, zone, date="MMMd"))
                if s.on_sale_at
                else self.tr("now")
            )
            + (
                self.tr(" until {when}").format(when=i18n.date_time(s.off_sale_at, zone, date="MMMd"))
                if s.off_sale_at
                else ""
            )
        )
        state = (
            self.tr("CANCELLED")
            if s.status == "cancelled"
            else self.tr("SALES PAUSED ({window})").format(window=window)
            if s.status == "off_sale"
            else window
        )
        self.heading.setText(
            self.tr("<b>{title}</b> · {when} · {state} · {sold} sold, {blocked} blocked of {capacity}").format(
                title=grid.title,
                when=i18n.date_time(grid.starts_at, zone, date="yMMMMEEEEd"),
                state=state,
                sold=s.sold,
                blocked=s.blocked,
                capacity=s.capacity,
            )
        )
        self.table.blockSignals(True)
        self.table.clear()
        self.table.setRowCount(len(grid.categories))
        self.table.setColumnCount(len(grid.ticket_types))
        self.table.setHorizontalHeaderLabels([t.name for t in grid.ticket_types])
        self.table.setVerticalHeaderLabels(list(grid.categories.values()))
        for row, cid in enumerate(grid.categories):
            for col, t in enumerate(grid.ticket_types):
                price = grid.prices.get((cid, t.id))
                item = QTableWidgetItem("" if price is None else format_money(price, grid.currency))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        self.table.blockSignals(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        cancelled = s.status == "cancelled"
        self.cancel_button.setEnabled(not cancelled)
        self.sales_button.setEnabled(not cancelled)
        self.save_button.setEnabled(not cancelled)
        self.refund_button.setVisible(cancelled)
        self.refund_button.setEnabled(cancelled and s.sold > 0)
        (note, style), self._note = self._note, ("", "")
        self.status.setStyleSheet(style)
        self.status.setText(note)

    def _cell_changed(self, item: QTableWidgetItem) -> None:
        text = item.text().strip()
        try:
            if text:
                pricing.check_price(parse_money(text, self.grid.currency))
        except InvalidInputError as exc:
            item.setBackground(QBrush(BAD_CELL))
            item.setToolTip(str(exc))
            self._error(f"{self._cell_name(item)}: {exc}")
        else:
            item.setBackground(QBrush())
            item.setToolTip("")
            self.status.setText("")

    def _cell_name(self, item: QTableWidgetItem) -> str:
        row = self.table.verticalHeaderItem(item.row()).text()
        return f"{row} · {self.table.horizontalHeaderItem(item.column()).text()}"

    def edited_prices(self) -> dict[tuple[int, int], int | None]:
        """The grid's values that differ from the stored ones.

        Raises:
            InvalidInputError: a cell that is not a possible price (names the cell).
        """
        grid = self.grid
        out: dict[tuple[int, int], int | None] = {}
        for row, cid in enumerate(grid.categories):
            for col, t in enumerate(grid.ticket_types):
                item = self.table.item(row, col)
                text = item.text().strip()
                try:
                    value = pricing.check_price(parse_money(text, grid.currency)) if text else None
                except InvalidInputError as exc:
                    raise InvalidInputError(f"{self._cell_name(item)}: {exc}") from None
                if value != grid.prices.get((cid, t.id)):
                    out[(cid, t.id)] = value
        return out

    def save(self) -> None:
        """Save the changed cells (worker thread); the database audits each change."""
        if self.grid is None:
            return
        try:
            changed = self.edited_prices()
        except InvalidInputError as exc:
            self._error(str(exc))
            return
        if not changed:
            self.status.setStyleSheet("")
            self.status.setText(self.tr("No prices changed."))
            return
        showtime_id = self.grid.showtime_id
        self.save_button.setEnabled(False)

        def done(n: int) -> None:
            self.save_button.setEnabled(True)
            self.load(
                note=self.tr("Saved %n price(s). New sales use them; sold tickets keep theirs.", "", n),
                style="color: #15803d;",
            )
            self.changed.emit()

        self.runner.run(
            lambda s: prices.set_prices(s, showtime_id=showtime_id, prices=changed), done, self._failed, owner=self
        )

    # -- sales window ----------------------------------------------------------------------------

    def _ask_sales(self, settings) -> dict | None:
        from boxoffice.ui.manage.sales_window import SalesWindowDialog

        dialog = SalesWindowDialog(settings, self)
        return dialog.values() if dialog.exec() else None

    def edit_sales(self) -> None:
        """Load the showtime's sales settings, let the manager change them, save (workers)."""
        showtime_id = self._current_id()
        if showtime_id is None:
            return

        def edit(settings) -> None:
            values = self.ask_sales(settings)
            if values is not None:
                self.runner.run(
                    lambda s: sales_window.set_sales(s, showtime_id=showtime_id, **values),
                    lambda _r: (
                        self.load(note=self.tr("Sales settings saved."), style="color: #15803d;"),
                        self.changed.emit(),
                    ),
                    self._failed,
                    owner=self,
                )

        self.runner.run(
            lambda s: sales_window.sales_settings(s, showtime_id=showtime_id), edit, self._failed, owner=self
        )

    # -- cancelling ------------------------------------------------------------------------------

    def _confirm_cancel(self, showtime, orders) -> str | None:
        dialog = CancelShowtimeDialog(showtime, orders, self)
        return dialog.reason.text().strip() if dialog.exec() else None

    def cancel_showtime(self) -> None:
        """List the orders to refund (worker thread), confirm with a reason, cancel."""
        row = self.list.currentRow()
        if not 0 <= row < len(self.showtimes):
            return
        showtime = self.showtimes[row]

        def confirm(orders) -> None:
            reason = self.confirm_cancel(showtime, orders)
            if not reason:
                return
            self.runner.run(
                lambda s: cancellation.cancel_showtime(s, showtime_id=showtime.id, reason=reason),
                done,
                self._failed,
                owner=self,
            )

        def done(result: cancellation.CancelResult) -> None:
            n = len(result.orders)
            self.load(
                select_id=showtime.id,
                style="color: #b45309;",
                note=self.tr(
                    "Cancelled. {held} held seats released, {bookings} web bookings cancelled; %n order(s) to refund",
                    "",
                    n,
                ).format(held=result.released_holds, bookings=result.cancelled_bookings)
                + f"{': ' + ', '.join(o.number for o in result.orders[:8]) if n else ''}.",
            )
            self.changed.emit()

        self.runner.run(
            lambda s: cancellation.orders_to_refund(s, showtime_id=showtime.id), confirm, self._failed, owner=self
        )

    def refund_orders(self) -> None:
        """After a cancellation: refund every order of the selected showtime in full
        (``services/refunds.refund_showtime_orders``, one transaction per order), after a
        confirmation; the result is shown under the grid."""
        row = self.list.currentRow()
        if not 0 <= row < len(self.showtimes):
            return
        showtime = self.showtimes[row]
        if not self.confirm_refunds(
            self.tr(
                "Refund every order of this cancelled showtime in full ({sold} "
                "tickets)? Give the money back the way each was paid; web orders are "
                "refunded through the payment provider's refund as usual."
            ).format(sold=showtime.sold)
        ):
            return
        self.refund_button.setEnabled(False)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Refunding…"))

        def done(result: refunds.BulkRefund) -> None:
            money = ", ".join(format_money(v, c) for c, v in result.totals.items()) or self.tr("nothing")
            failed = (
                (
                    self.tr(" {count} could not be refunded: ").format(count=len(result.failed))
                    + "; ".join(f"{n} ({why})" for n, why in result.failed[:5])
                )
                if result.failed
                else ""
            )
            self.load(
                select_id=showtime.id,
                style="color: #b91c1c;" if failed else "color: #15803d;",
                note=self.tr("Refunded %n order(s): {money}.", "", len(result.refunded)).format(money=money) + failed,
            )
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            self.refund_button.setEnabled(True)
            self._failed(exc)

        self.runner.run(
            lambda s: refunds.refund_showtime_orders(s, showtime_id=showtime.id, reason=self.tr("Showtime cancelled")),
            done,
            failed,
            owner=self,
        )

    def _error(self, text: str) -> None:
        self.status.setStyleSheet("color: #b91c1c;")
        self.status.setText(text)

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self._error(describe_error(exc))
