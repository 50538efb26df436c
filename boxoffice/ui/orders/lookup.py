"""Sale → Find order (F4; Ctrl+R opens it too): find an order by its number, the
customer's name or e-mail (a web order's booking e-mail), or by a sold seat on the seat
map (right-click or double-click it: "Find order"); then reprint its tickets with new
codes, refund chosen tickets to a chosen tender, or exchange them (``ui/exchange``).

The rules live in the database (migration 0016) and ``services/orders``; this screen
shows what they say. Work runs on the window's task runner.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from boxoffice.domain.errors import NotFoundError
from boxoffice.services import customers, orders
from boxoffice.services.orders import OrderDetail, OrderSummary
from boxoffice.ui.common import i18n
from boxoffice.ui.common.i18n import format_money
from boxoffice.ui.common.tables import list_table
from boxoffice.ui.common.tasks import TaskRunner, describe_error
from boxoffice.ui.orders.view import (
    REASONS,
    RESULT_COLUMNS,
    TICKET_COLUMNS,
    method_label,
    offer_print,
    order_summary_html,
)


def _confirm(parent: QWidget, title: str, text: str) -> bool:
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    return QMessageBox.question(parent, title, text, yes | no, no) == yes


class OrderLookupDialog(QDialog):
    """Find an order and act on it. ``ask(title, text) -> bool`` confirms a refund (tests
    replace it); ``show_tickets(order_number, views)`` offers reprinted or exchanged
    tickets for printing (default: the sale-complete dialog, not modal); ``channel`` is
    the till's, for exchanges.

    Signals:
        changed(): tickets were refunded or exchanged (seats changed).
        refunded(int): the order id whose tickets were just refunded (its receipt prints).
        exchanged(int): the new order an exchange made (its receipt prints).
    """

    changed = Signal()
    refunded = Signal(int)
    exchanged = Signal(int)  # the new order's id (its receipt prints: ui/counter/sale_printing.py)

    def __init__(
        self,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        channel: str = "till",
        query: str = "",
        show_tickets: Callable | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.channel = channel
        self.order: OrderDetail | None = None
        self.results: list[OrderSummary] = []
        self._note = ""
        self.ask: Callable[[str, str], bool] = lambda title, text: _confirm(self, title, text)
        self.show_tickets = show_tickets or (lambda number, views: offer_print(self, number, views))
        self.exchange_dialog = None
        self.setWindowTitle(self.tr("Find order · boxoffice"))
        self.resize(860, 620)
        self.query = QLineEdit(query)
        self.query.setObjectName("orderQuery")
        self.query.setPlaceholderText(self.tr("Order number (1042), customer name or e-mail, then Enter"))
        self.query.returnPressed.connect(self.search)
        find = QPushButton(self.tr("&Find"))
        find.setAutoDefault(False)
        find.clicked.connect(self.search)
        top = QHBoxLayout()
        label = QLabel(self.tr("F&ind"))
        label.setBuddy(self.query)
        top.addWidget(label)
        top.addWidget(self.query, 1)
        top.addWidget(find)
        self.results_table = list_table(
            i18n.translated("orders", RESULT_COLUMNS), "orderResults", stretch=2, single=True
        )
        self.results_table.setMaximumHeight(150)
        self.results_table.itemSelectionChanged.connect(self._result_chosen)
        self.summary = QLabel("")
        self.summary.setObjectName("orderSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.tickets = list_table(
            i18n.translated("orders", TICKET_COLUMNS), "orderTickets", stretch=0, select_rows=False
        )
        self.tickets.itemChanged.connect(lambda _item: self._update_buttons())
        self.customer_name = QLineEdit()
        self.customer_name.setObjectName("customerName")
        self.customer_name.setPlaceholderText(self.tr("Name"))
        self.customer_email = QLineEdit()
        self.customer_email.setObjectName("customerEmail")
        self.customer_email.setPlaceholderText(self.tr("E-mail"))
        self.save_customer = QPushButton(self.tr("Save customer"))
        self.save_customer.setAutoDefault(False)
        self.save_customer.clicked.connect(self.store_customer)
        self.method = QComboBox()
        self.method.setObjectName("refundMethod")
        for key in orders.REFUND_METHODS:
            self.method.addItem(method_label(key), key)
        self.reason = QComboBox()
        self.reason.setObjectName("refundReason")
        self.reason.setEditable(True)
        self.reason.addItems(i18n.translated("orders", REASONS))
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Customer")), 0, 0)
        grid.addWidget(self.customer_name, 0, 1)
        grid.addWidget(self.customer_email, 0, 2)
        grid.addWidget(self.save_customer, 0, 3)
        grid.addWidget(QLabel(self.tr("Money back by")), 1, 0)
        grid.addWidget(self.method, 1, 1)
        grid.addWidget(QLabel(self.tr("Reason")), 1, 2, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.reason, 1, 3)
        self.status = QLabel(self.tr("Type an order number, a name or an e-mail; or right-click a sold seat."))
        self.status.setObjectName("lookupStatus")
        self.status.setWordWrap(True)
        self.reprint_button = QPushButton(self.tr("Reprint tickets…"))
        self.reprint_button.setObjectName("reprint")
        self.refund_button = QPushButton(self.tr("Refund…"))
        self.refund_button.setObjectName("refund")
        self.exchange_button = QPushButton(self.tr("Exchange…"))
        self.exchange_button.setObjectName("exchange")
        close = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button, slot in (
            (self.reprint_button, self.reprint),
            (self.refund_button, self.refund),
            (self.exchange_button, self.open_exchange),
            (close, self.close),
        ):
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.results_table)
        layout.addWidget(self.summary)
        layout.addWidget(self.tickets, 1)
        layout.addLayout(grid)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._update_buttons()
        self.query.setFocus()
        if query:
            self.search()

    # -- finding -----------------------------------------------------------------------------

    def search(self) -> None:
        """Find the orders matching the query field (worker thread)."""
        wanted = self.query.text().strip()
        if not wanted:
            self.status.setText(self.tr("Type an order number, a name or an e-mail."))
            return
        self.status.setText(self.tr("Looking up…"))
        self.runner.run(lambda s: orders.find_orders(s, query=wanted), self._found, self._failed)

    def _found(self, results: list[OrderSummary]) -> None:
        self.results = results
        self.results_table.clearSelection()  # so choosing row 0 again opens the new result
        self.results_table.setRowCount(len(results))
        for r, o in enumerate(results):
            starts = i18n.date_time(o.starts_at, date="MMMd") if o.starts_at else ""
            cells = (
                o.number,
                o.customer,
                o.show_title,
                starts,
                f"{o.valid_tickets}/{o.tickets}",
                format_money(o.total_minor, o.currency),
            )
            for c, value in enumerate(cells):
                self.results_table.setItem(r, c, QTableWidgetItem(value))
        if not results:
            self.status.setText(self.tr("No order matches {query}.").format(query=self.query.text().strip()))
        elif len(results) == 1:
            self.results_table.selectRow(0)
        else:
            self.status.setText(self.tr("%n order(s) found; choose one.", "", len(results)))

    def _result_chosen(self) -> None:
        rows = self.results_table.selectionModel().selectedRows()
        if rows and rows[0].row() < len(self.results):
            self.open_order(self.results[rows[0].row()].order_id)

    def open_order(self, order_id: int) -> None:
        """Show order ``order_id`` with its tickets (worker thread)."""
        self.runner.run(lambda s: orders.order_detail(s, order_id=order_id), self._show, self._failed)

    def find_seat(self, showtime_id: int, seat_id: int) -> None:
        """Show the order holding the valid ticket for ``seat_id`` at ``showtime_id``."""

        def work(session):
            order_id = orders.order_of_seat(session, showtime_id=showtime_id, seat_id=seat_id)
            if order_id is None:
                raise NotFoundError(self.tr("That seat has no valid ticket."))
            return orders.order_detail(session, order_id=order_id)

        self.status.setText(self.tr("Looking up…"))
        self.runner.run(work, self._show, self._failed)

    def _show(self, order: OrderDetail) -> None:
        self.order = order

        def money(minor: int) -> str:
            return format_money(minor, order.currency)

        self.summary.setText(order_summary_html(order))
        self.tickets.blockSignals(True)
        self.tickets.setRowCount(len(order.tickets))
        for r, t in enumerate(order.tickets):
            when = i18n.date_time(t.starts_at, date="MMMd")
            for c, value in enumerate(
                (f"{t.place} · {when}", t.category, t.ticket_type, money(t.price_minor), t.status)
            ):
                item = QTableWidgetItem(value)
                if c == 0 and t.status == "valid":
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Checked)
                self.tickets.setItem(r, c, item)
        self.tickets.blockSignals(False)
        self.customer_name.setText(order.customer_name)
        self.customer_email.setText(order.customer_email)
        if order.payments:
            index = self.method.findData(next((m for m, _a in order.payments if m != "exchange"), "cash"))
            self.method.setCurrentIndex(max(index, 0))
        self.status.setText(
            self._note
            or (
                self.tr("Tick the tickets to refund or exchange.")
                if order.valid
                else self.tr("This order has no valid tickets left.")
            )
        )
        self._note = ""
        self._update_buttons()

    def chosen(self) -> list[int]:
        """The ids of the ticked (valid) tickets."""
        if self.order is None:
            return []
        return [
            t.ticket_id
            for r, t in enumerate(self.order.tickets)
            if t.status == "valid" and self._box(r).checkState() == Qt.CheckState.Checked
        ]

    def set_chosen(self, ticket_ids: list[int]) -> None:
        """Tick exactly ``ticket_ids`` (as a person clicking the boxes would)."""
        for r, t in enumerate(self.order.tickets if self.order else []):
            if t.status == "valid":
                state = Qt.CheckState.Checked if t.ticket_id in ticket_ids else Qt.CheckState.Unchecked
                self._box(r).setCheckState(state)

    def _box(self, row: int) -> QTableWidgetItem:
        item = self.tickets.item(row, 0)
        assert item is not None
        return item

    def _update_buttons(self) -> None:
        order, chosen = self.order, self.chosen()
        self.reprint_button.setEnabled(bool(order and order.valid))
        self.save_customer.setEnabled(order is not None)
        self.exchange_button.setEnabled(bool(chosen))
        self.refund_button.setEnabled(bool(chosen))
        if order is not None and chosen:
            amount = sum(t.price_minor for t in order.tickets if t.ticket_id in chosen)
            self.refund_button.setText(self.tr("Refund {money}…").format(money=format_money(amount, order.currency)))
        else:
            self.refund_button.setText(self.tr("Refund…"))

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(describe_error(exc))
        self._update_buttons()

    def _reload(self, note: str) -> None:
        self._note = note
        self.changed.emit()
        if self.order is not None:
            self.open_order(self.order.order_id)

    # -- acting ------------------------------------------------------------------------------

    def store_customer(self) -> None:
        """Save the name and e-mail fields for the order on screen; with an e-mail, find or
        create the customer record and link the order (services/customers.py)."""
        if self.order is None:
            return
        order_id, name, email = self.order.order_id, self.customer_name.text(), self.customer_email.text()
        self.runner.run(
            lambda s: customers.save_for_order(s, order_id=order_id, name=name, email=email),
            lambda _r: self._reload(self.tr("Customer saved.")),
            self._failed,
        )

    def refund(self) -> None:
        """Confirm, then refund the ticked tickets to the chosen tender (worker thread)."""
        order, chosen = self.order, self.chosen()
        reason = self.reason.currentText().strip()
        if order is None or not chosen:
            return
        if not reason:
            self.status.setText(self.tr("Give a reason for the refund."))
            return
        method = self.method.currentData()
        amount = format_money(sum(t.price_minor for t in order.tickets if t.ticket_id in chosen), order.currency)
        if not self.ask(
            self.tr("Refund tickets?"),
            self.tr(
                "Refund {amount} by {method} for %n ticket(s) of {order}? The tickets stop being valid and "
                "the seats go back on sale.",
                "",
                len(chosen),
            ).format(amount=amount, method=method_label(method), order=order.number),
        ):
            return
        self.refund_button.setEnabled(False)
        self.status.setText(self.tr("Refunding…"))
        order_id = order.order_id
        self.runner.run(
            lambda s: orders.refund_tickets(s, order_id=order_id, ticket_ids=chosen, method=method, reason=reason),
            self._refunded,
            self._failed,
        )

    def _refunded(self, done: orders.TicketRefund) -> None:
        amount = format_money(done.amount_minor, done.currency)
        self.refunded.emit(self.order.order_id if self.order is not None else 0)
        self._reload(
            self.tr("Refunded {amount} for %n ticket(s): give the customer {amount} by {method}.", "", len(done.ticket_ids))
            .format(amount=amount, method=method_label(done.method))
        )  # fmt: skip

    def reprint(self) -> None:
        """Reprint the order's valid tickets with new codes; the old ones stop working."""
        if self.order is None:
            return
        order_id, number = self.order.order_id, self.order.number
        self.status.setText(self.tr("Reprinting…"))
        self.runner.run(
            lambda s: orders.reprint(s, order_id=order_id),
            lambda views: self._reprinted(number, views),
            self._failed,
        )

    def _reprinted(self, number: str, views) -> None:
        self._reload(self.tr("New codes for %n ticket(s); the codes printed before no longer admit.", "", len(views)))
        self.show_tickets(number, views)

    def open_exchange(self):
        """Open the exchange screen for the ticked tickets; returns it."""
        from boxoffice.ui.orders.exchange import ExchangeDialog

        if self.order is None or not self.chosen():
            return None
        dialog = ExchangeDialog(self.runner, self.order, self.chosen(), channel=self.channel, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exchanged.connect(self._exchanged)
        self.exchange_dialog = dialog
        dialog.show()
        dialog.load()
        return dialog

    def _exchanged(self, result, views) -> None:
        self._note = self.tr("Exchanged into {number}.").format(number=result.order_number)
        self.changed.emit()
        self.exchanged.emit(result.order_id)
        self.open_order(result.order_id)
        self.show_tickets(result.order_number, views)
