"""Cash payment: the tender dialog, and the sale-complete dialog that prints or saves tickets."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from boxoffice.domain.errors import InvalidInputError
from boxoffice.ui.i18n import amount_text, format_money, parse_money
from boxoffice.ui.sale_printing import ReceiptToggle

NOTES_MINOR = [5_00, 10_00, 20_00, 50_00]


def _big(label: QLabel, extra: int) -> QLabel:
    font = QFont(label.font())
    font.setPointSize(font.pointSize() + extra)
    font.setBold(True)
    label.setFont(font)
    return label


class PayCashDialog(QDialog):
    """Asks for the cash tendered and shows the change; accepted only when it covers the
    total. ``tendered_minor`` holds the amount after acceptance (minor units); ``receipt``
    is the "Print receipt" tick box, ticked by ``receipt_rule(methods)``.
    ``tickets`` (optional) says what is sold, e.g. ``"1 Concession · 2 Full"``."""

    def __init__(
        self, total_minor: int, currency: str, parent: QWidget | None = None, *, tickets: str = "", receipt_rule=None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pay cash"))
        self.total_minor = total_minor
        self.currency = currency
        self.tendered_minor: int | None = None

        self.total_label = _big(QLabel(format_money(total_minor, currency)), 10)
        self.tendered = QLineEdit()
        self.tendered.setObjectName("tendered")
        self.tendered.setPlaceholderText(self.tr("amount handed over, e.g. 50"))
        self.tendered.textChanged.connect(self._recalculate)
        self.change_label = _big(QLabel("–"), 6)
        self.change_label.setObjectName("change")
        self.problem = QLabel("")
        self.problem.setStyleSheet("color: #b3261e;")

        quick = QGridLayout()
        # Quick amounts never take Enter: Enter in the amount field confirms the sale.
        exact = QPushButton(self.tr("Exact {amount}").format(amount=format_money(total_minor, currency)))
        exact.setAutoDefault(False)
        exact.clicked.connect(lambda: self._set_amount(total_minor))
        quick.addWidget(exact, 0, 0, 1, 2)
        options = sorted(
            {n * ((total_minor + n - 1) // n) for n in NOTES_MINOR if n * ((total_minor + n - 1) // n) > total_minor}
        )
        for i, amount in enumerate(options[:4]):
            button = QPushButton(format_money(amount, currency))
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, a=amount: self._set_amount(a))
            quick.addWidget(button, 1 + i // 2, i % 2)

        form = QFormLayout()
        if tickets:
            self.tickets_label = QLabel(tickets)
            self.tickets_label.setObjectName("ticketSummary")
            form.addRow(self.tr("Tickets"), self.tickets_label)
        form.addRow(self.tr("Total"), self.total_label)
        form.addRow(self.tr("Cash tendered"), self.tendered)
        form.addRow(self.tr("Change due"), self.change_label)
        self.receipt = ReceiptToggle(receipt_rule, ["cash"])  # receipts: the per-sale choice (ui/sale_printing.py)
        form.addRow("", self.receipt)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.confirm = self.buttons.addButton(self.tr("Confirm sale"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setObjectName("confirmSale")
        self.confirm.setDefault(True)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(quick)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._recalculate()
        self.tendered.setFocus()

    def _set_amount(self, minor: int) -> None:
        self.tendered.setText(amount_text(minor, self.currency))
        self.tendered.setFocus()

    def _parse(self) -> int | None:
        text = self.tendered.text().strip()
        if not text:
            self.problem.setText("")
            return None
        try:
            value = parse_money(text, self.currency)
        except InvalidInputError as exc:
            self.problem.setText(str(exc))
            return None
        if value < self.total_minor:
            self.problem.setText(
                self.tr("Short by {amount}.").format(amount=format_money(self.total_minor - value, self.currency))
            )
            return None
        self.problem.setText("")
        return value

    def _recalculate(self) -> None:
        value = self._parse()
        self.confirm.setEnabled(value is not None)
        self.confirm.setDefault(True)
        self.change_label.setText("–" if value is None else format_money(value - self.total_minor, self.currency))

    def _accept(self) -> None:
        value = self._parse()
        if value is None:
            return
        self.tendered_minor = value
        self.accept()


class SaleCompleteDialog(QDialog):
    """Shows the order number and change, and offers to print or save the tickets.

    ``make_pdf(layout) -> bytes`` renders the order's tickets; ``print_pdf(pdf, parent)``
    sends a PDF to a printer (both injected so the dialog stays testable).
    """

    def __init__(
        self,
        *,
        order_number: str,
        change_text: str,
        ticket_count: int,
        make_pdf: Callable[[str], bytes],
        print_pdf: Callable[[bytes, QWidget], bool],
        layouts: dict[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sale complete · {order_number}").format(order_number=order_number))
        self.make_pdf = make_pdf
        self.print_pdf = print_pdf
        self.order_number = order_number
        head = _big(QLabel(self.tr("Order {order_number}").format(order_number=order_number)), 6)
        change = _big(QLabel(self.tr("Change due: {change_text}").format(change_text=change_text)), 10)
        change.setObjectName("changeDue")
        change.setStyleSheet("color: #1e7d4f;")
        self.layout_box = QComboBox()
        for key, name in layouts.items():
            self.layout_box.addItem(name, key)
        print_button = QPushButton(self.tr("Print tickets…"))
        print_button.setDefault(True)
        print_button.clicked.connect(self._print)
        save_button = QPushButton(self.tr("Save PDF…"))
        save_button.clicked.connect(self._save)
        done = QPushButton(self.tr("Done"))
        done.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Layout")))
        row.addWidget(self.layout_box, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(print_button)
        buttons.addWidget(save_button)
        buttons.addStretch(1)
        buttons.addWidget(done)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(QLabel(self.tr("%n ticket(s) issued.", "", ticket_count)))
        layout.addWidget(change)
        layout.addLayout(row)
        layout.addLayout(buttons)

    def current_layout(self) -> str:
        """Key of the chosen ticket layout (e.g. ``roll80``)."""
        return self.layout_box.currentData()

    def _print(self) -> None:
        try:
            pdf = self.make_pdf(self.current_layout())
            if self.print_pdf(pdf, self):
                self.accept()
        except Exception as exc:  # noqa: BLE001 - printers fail in many ways; tell the cashier
            QMessageBox.warning(
                self,
                "Printing failed",
                f"The tickets could not be printed: {exc}\nSave the PDF instead, or reprint later.",
            )

    def save_to(self, path: str) -> None:
        """Write the tickets PDF in the chosen layout to ``path``."""
        with open(path, "wb") as fh:
            fh.write(self.make_pdf(self.current_layout()))

    def _save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save tickets"), f"tickets-{self.order_number}.pdf", self.tr("PDF documents (*.pdf)")
        )
        if not path:
            return
        try:
            self.save_to(path)
        except OSError as exc:
            QMessageBox.warning(self, "Could not save", f"The PDF could not be saved: {exc.strerror or exc}")
