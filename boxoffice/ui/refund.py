"""Sale → Refund an order (Ctrl+R): find an order by its number, see its tickets, give a
reason, and refund it in full; the tickets are voided and their seats go back on sale.

The rules live in ``services/refunds`` (a cashier refunds only their own sales and only
before the show starts; managers refund any order, also after the start); this screen
shows what they say. Work runs on the window's task runner.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from boxoffice.services import refunds
from boxoffice.services.refunds import CounterRefund, OrderForRefund
from boxoffice.ui import i18n
from boxoffice.ui.i18n import format_money
from boxoffice.ui.tables import list_table
from boxoffice.ui.tasks import TaskRunner, describe_error

REASONS = (
    QT_TRANSLATE_NOOP("refund", "Customer request"),
    QT_TRANSLATE_NOOP("refund", "Showtime cancelled"),
    QT_TRANSLATE_NOOP("refund", "Sold in error"),
    QT_TRANSLATE_NOOP("refund", "Duplicate purchase"),
)
COLUMNS = (
    QT_TRANSLATE_NOOP("refund", "Seat"),
    QT_TRANSLATE_NOOP("refund", "Category"),
    QT_TRANSLATE_NOOP("refund", "Type"),
    QT_TRANSLATE_NOOP("refund", "Price"),
    QT_TRANSLATE_NOOP("refund", "Status"),
)


def _confirm(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class RefundDialog(QDialog):
    """Look up an order and refund it in full.

    ``ask(title, text) -> bool`` confirms the refund (a Yes/No box; tests replace it).

    Signals:
        refunded(object): the :class:`~boxoffice.services.refunds.CounterRefund` done.
    """

    refunded = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None, *, order_number: str = "") -> None:
        super().__init__(parent)
        self.runner = runner
        self.order: OrderForRefund | None = None
        self._note = ""  # shown after the next look-up instead of the usual hint
        self.ask: Callable[[str, str], bool] = lambda title, text: _confirm(self, title, text)
        self.setWindowTitle(self.tr("Refund an order · boxoffice"))
        self.resize(720, 460)
        self.number = QLineEdit(order_number)
        self.number.setObjectName("orderNumber")
        self.number.setPlaceholderText(self.tr("e.g. BO-001042 or 1042, then Enter"))
        self.number.returnPressed.connect(self.look_up)
        find = QPushButton(self.tr("&Find"))
        find.setAutoDefault(False)
        find.clicked.connect(self.look_up)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("&Order number")))
        top.itemAt(0).widget().setBuddy(self.number)
        top.addWidget(self.number, 1)
        top.addWidget(find)
        self.summary = QLabel("")
        self.summary.setObjectName("orderSummary")
        self.summary.setWordWrap(True)
        self.table = list_table(i18n.translated("refund", COLUMNS), "orderTickets", stretch=0, select_rows=False)
        self.reason = QComboBox()
        self.reason.setObjectName("refundReason")
        self.reason.setEditable(True)
        self.reason.addItems(i18n.translated("refund", REASONS))
        form = QFormLayout()
        form.addRow(self.tr("&Reason"), self.reason)
        self.status = QLabel(self.tr("Type the order number from the ticket or receipt."))
        self.status.setObjectName("refundStatus")
        self.status.setWordWrap(True)
        self.refund_button = QPushButton(self.tr("Refund…"))
        self.refund_button.setObjectName("refund")
        self.refund_button.setAutoDefault(False)
        self.refund_button.setEnabled(False)
        self.refund_button.clicked.connect(self.refund)
        close = QPushButton(self.tr("Close"))
        close.setAutoDefault(False)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.refund_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.number.setFocus()
        if order_number:
            self.look_up()

    def look_up(self) -> None:
        """Fetch the order typed in the number field (worker thread)."""
        wanted = self.number.text().strip()
        if not wanted:
            self.status.setText(self.tr("Type an order number."))
            return
        self.status.setText(self.tr("Looking up…"))
        self.refund_button.setEnabled(False)
        self.runner.run(lambda s: refunds.find_order(s, order_number=wanted), self._found, self._failed)

    def _found(self, order: OrderForRefund) -> None:
        self.order = order

        def money(minor: int) -> str:
            return format_money(minor, order.currency)

        when = i18n.date_time(order.starts_at) if order.starts_at else ""
        seller = (
            self.tr("Sold by {sold_by} at {channel}").format(sold_by=order.sold_by, channel=order.channel)
            if order.sold_by != order.channel
            else self.tr("Sold at {channel}").format(channel=order.channel)
        )
        earlier = "".join(
            self.tr("<br>Refunded {money} on {when}: {why}").format(
                money=money(a), when=i18n.date_time(at, date="MMMd"), why=why
            )
            for at, a, why in order.refunds
        )
        self.summary.setText(
            self.tr(
                "<b>{order_number}</b> · {show_title} · {when}<br>{seller} on {sold_at} · total {money}{earlier}"
            ).format(
                order_number=order.order_number,
                show_title=order.show_title,
                when=when,
                seller=seller,
                sold_at=i18n.date_time(order.created_at, date="MMMd"),
                money=money(order.total_minor),
                earlier=earlier,
            )
        )
        self.table.setRowCount(len(order.lines))
        for r, line in enumerate(order.lines):
            for c, text in enumerate(
                (line.seat, line.category, line.ticket_type, money(line.price_minor), line.status)
            ):
                self.table.setItem(r, c, QTableWidgetItem(text))
        if any(ln.status == "valid" for ln in order.lines):
            self.refund_button.setText(self.tr("Refund {money}…").format(money=money(order.refundable_minor)))
            self.refund_button.setEnabled(True)
            self.status.setText(
                self._note or self.tr("Check the tickets with the customer, choose a reason, then refund.")
            )
        else:
            self.refund_button.setText(self.tr("Refund…"))
            self.status.setText(self._note or self.tr("This order has no valid tickets left to refund."))
        self._note = ""

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(describe_error(exc))

    def refund(self) -> None:
        """Confirm, then refund the order on screen in full (worker thread)."""
        order = self.order
        reason = self.reason.currentText().strip()
        if order is None:
            return
        if not reason:
            self.status.setText(self.tr("Give a reason for the refund."))
            return
        amount = format_money(order.refundable_minor, order.currency)
        count = sum(1 for ln in order.lines if ln.status == "valid")
        if not self.ask(
            self.tr("Refund the order?"),
            self.tr(
                "Refund {amount} for %n ticket(s) of {order}? The tickets stop being valid and the seats "
                "go back on sale.",
                "",
                count,
            ).format(amount=amount, order=order.order_number),
        ):
            return
        self.refund_button.setEnabled(False)
        self.status.setText(self.tr("Refunding…"))
        number = order.order_number
        self.runner.run(
            lambda s: refunds.refund_order(s, order_number=number, reason=reason), self._refunded, self._failed_refund
        )

    def _refunded(self, done: CounterRefund) -> None:
        amount = format_money(done.amount_minor, done.currency)
        self._note = self.tr(
            "Refunded {amount}: {tickets_voided} ticket(s) voided. Give the customer {amount}."
        ).format(amount=amount, tickets_voided=done.tickets_voided)
        self.refunded.emit(done)
        self.look_up()

    def _failed_refund(self, exc: BaseException) -> None:
        self.refund_button.setEnabled(self.order is not None)
        self.status.setText(describe_error(exc))
