"""Sale → Receipt of an order… (F8): the receipt of a sale, exchange or refund
on request, on the 80 mm roll or A4, printed or saved as a PDF."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from boxoffice.printing.receipt import LAYOUTS, render_receipt_pdf
from boxoffice.services import receipts
from boxoffice.ui.common import i18n
from boxoffice.ui.common.i18n import format_money
from boxoffice.ui.common.tasks import TaskRunner, describe_error
from boxoffice.ui.counter.sale_printing import SalePrinting


class ReceiptDialog(QDialog):
    """Find an order by number (``orderNumber``), pick its sale receipt or one of its
    refunds (``which``) and a layout (``layout``), then Print (``printReceipt``: the
    till's receipt printer, else the print dialog) or Save PDF (``saveReceipt``)."""

    def __init__(
        self, runner: TaskRunner, printing: SalePrinting, parent: QWidget | None = None, *, order_number: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Receipt of an order"))
        self.runner = runner
        self.printing = printing
        self.order_id: int | None = None
        self.number = QLineEdit(order_number)
        self.number.setObjectName("orderNumber")
        self.number.setPlaceholderText(self.tr("e.g. BO-001001"))
        self.number.returnPressed.connect(self.look_up)
        find = QPushButton(self.tr("Find"))
        find.setAutoDefault(False)
        find.clicked.connect(self.look_up)
        self.which = QComboBox()
        self.which.setObjectName("which")
        self.layout_box = QComboBox()
        self.layout_box.setObjectName("layout")
        for key, name in LAYOUTS.items():
            self.layout_box.addItem(self.tr(name), key)
        self.layout_box.setCurrentIndex(max(0, self.layout_box.findData(printing.printers.receipt_layout)))
        self.status = QLabel("")
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print"))
        self.print_button.setObjectName("printReceipt")
        self.print_button.clicked.connect(self.print_receipt)
        self.save_button = QPushButton(self.tr("Save PDF…"))
        self.save_button.setObjectName("saveReceipt")
        self.save_button.clicked.connect(self._save)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.number, 1)
        row.addWidget(find)
        form = QFormLayout()
        form.addRow(self.tr("Order"), row)
        form.addRow(self.tr("Receipt"), self.which)
        form.addRow(self.tr("Layout"), self.layout_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._enable(False)
        if order_number:
            self.look_up()

    def _enable(self, on: bool) -> None:
        self.print_button.setEnabled(on)
        self.save_button.setEnabled(on)

    def look_up(self) -> None:
        """Look the order up on a worker and list its receipts."""
        number = self.number.text()

        def work(session):
            order_id = receipts.order_id_of(session, number=number)
            return order_id, receipts.refunds_of_order(session, order_id=order_id)

        self._enable(False)
        self.status.setText(self.tr("Looking for {number}…").format(number=number.strip()))
        self.runner.run(work, self._found, lambda exc: self.status.setText(describe_error(exc)))

    def _found(self, found) -> None:
        self.order_id, refunds = found
        self.which.clear()
        self.which.addItem(self.tr("Sale"), None)
        for refund_id, amount, currency, at in refunds:
            self.which.addItem(
                self.tr("Refund {id} of {when} · {amount}").format(
                    id=refund_id, when=i18n.date_time(at, date="yMMMd"), amount=format_money(amount, currency)
                ),
                refund_id,
            )
        self.status.setText("")
        self._enable(True)

    def _target(self) -> dict:
        refund_id = self.which.currentData()
        return {"refund_id": refund_id} if refund_id is not None else {"order_id": self.order_id}

    def print_receipt(self, ask: bool = False) -> None:
        """Print the chosen receipt (the till's receipt printer, else the print dialog)."""
        if self.order_id is None:
            return
        self.printing.print_receipt(layout=self.layout_box.currentData(), ask=ask, **self._target())
        self.status.setText(self.tr("Sent to the printer."))

    def _save(self) -> None:
        if self.order_id is None:
            return
        target, layout = self._target(), self.layout_box.currentData()

        def work(session):
            if "refund_id" in target:
                return receipts.receipt_for_refund(session, **target)
            return receipts.receipt_for_order(session, **target)

        def done(receipt) -> None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save receipt"), f"receipt-{receipt.number}.pdf", self.tr("PDF documents (*.pdf)")
            )
            if not path:
                return
            try:
                with open(path, "wb") as fh:
                    fh.write(render_receipt_pdf(receipt, layout=layout))
            except OSError as exc:
                QMessageBox.warning(self, self.tr("Could not save"), str(exc.strerror or exc))

        self.runner.run(work, done, lambda exc: self.status.setText(describe_error(exc)))
