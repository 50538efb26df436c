"""Printing at the counter's speed: tickets and receipts go to the till's default printers
after each sale without a dialog; a failure tells the cashier and keeps the PDF.

:class:`SalePrinting` belongs to the main window. Its settings are the till's
(:mod:`boxoffice.printing.till_printers`, edited in Sale → Settings…). Hooks for other
screens:

* ``after_sale(result, views, receipt=None)``: what the main window calls after a sale;
  ``receipt`` is the cashier's per-sale choice (``None``: the till's rule by tender);
* ``after_refund(order_id)``: the newest refund's receipt, on the receipt printer;
* ``after_exchange(order_id)``: the receipt of the order an exchange made;
* ``print_receipt(order_id=…)`` / ``print_receipt(refund_id=…)``: a receipt of a sale,
  exchange or refund (e.g. after a refund or an exchange), to the receipt printer, or
  with the print dialog when there is none or ``ask=True`` (``layout="a4"`` on request);
* :class:`ReceiptToggle`: the "Print receipt" tick box for a payment dialog, ticked by
  the till's rule for the tenders chosen (``follow(methods)``) until the cashier
  changes it; read ``isChecked()`` and set ``SellScreen.receipt_choice`` before the sale.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QCheckBox, QMessageBox, QWidget

from boxoffice.printing.receipt import render_receipt_pdf
from boxoffice.printing.tickets import render_tickets_pdf
from boxoffice.printing.till_printers import TillPrinters, keep_unprinted, load, receipt_by_default, save
from boxoffice.services import receipts
from boxoffice.ui.common.printing import PrintFailed, print_direct, print_pdf
from boxoffice.ui.common.tasks import TaskRunner, describe_error, run_detached


class ReceiptToggle(QCheckBox):
    """ "Print receipt" for one sale. ``rule(methods) -> bool`` gives the default for the
    tenders (e.g. :meth:`SalePrinting.receipt_default`); once the cashier clicks it, their
    choice stays."""

    def __init__(self, rule: Callable[[Iterable[str]], bool] | None, methods: Iterable[str] = (), parent=None) -> None:
        super().__init__(parent)
        self.setText(self.tr("Print receipt"))
        self.setObjectName("printReceipt")
        self._rule = rule or (lambda _methods: False)
        self._touched = False
        self.clicked.connect(self._clicked)
        self.follow(methods)

    def _clicked(self) -> None:
        self._touched = True

    def follow(self, methods: Iterable[str]) -> None:
        """Tick or untick by the till's rule for ``methods``, unless the cashier chose."""
        if not self._touched:
            self.setChecked(bool(self._rule(list(methods))))


class SalePrinting(QObject):
    """Prints a till's tickets and receipts. ``data_dir`` (``None``: settings are not
    stored) and ``till`` (the till's name) locate the settings.

    Signals:
        message(str): a status line (what was printed where, or what failed).
        failed(str, str): a print failure: the message shown, the kept PDF's path.
        delivered(str): a document was sent to its default printer (its name, e.g.
            ``"receipt-BO-001001"``).
    """

    message = Signal(str)
    failed = Signal(str, str)
    delivered = Signal(str)

    def __init__(self, parent: QWidget, runner: TaskRunner, *, data_dir: Path | None, till: str) -> None:
        super().__init__(parent)
        self.window = parent
        self.runner = runner
        self.data_dir = data_dir
        self.till = till
        self.printers = load(data_dir, till) if data_dir is not None else TillPrinters()
        self.pool = QThreadPool(self)  # the till's print thread: one job at a time, in order
        self.pool.setMaxThreadCount(1)

    def set_printers(self, printers: TillPrinters) -> Path | None:
        """Use ``printers`` from now on and store them; returns the settings file.

        Raises:
            OSError: the data directory cannot be written.
        """
        self.printers = printers
        return save(self.data_dir, self.till, printers) if self.data_dir is not None else None

    def receipt_default(self, methods: Iterable[str]) -> bool:
        """Whether a sale paid with ``methods`` gets a receipt unless the cashier unticks it."""
        return receipt_by_default(methods, self.printers)

    # -- after a sale ---------------------------------------------------------------------

    def after_sale(self, result, views, receipt: bool | None = None) -> bool:
        """Print the tickets of a sale (``result``: ``sales.SaleResult``, ``views``: its
        ``TicketView``s) on the default ticket printer and, when wanted, its receipt on
        the receipt printer, with no dialog. Returns whether the tickets were sent (when
        there is no default ticket printer the caller offers its dialog)."""
        methods = [t.method for t in getattr(result, "tenders", None) or ()] or [result.method]
        wanted = self.receipt_default(methods) if receipt is None else receipt
        sent = self.print_tickets(result.order_number, views)
        if wanted:
            self.print_receipt(order_id=result.order_id)
        return sent

    def print_tickets(self, order_number: str, views) -> bool:
        """Send ``views`` (``TicketView``s of order ``order_number``) to the default ticket
        printer with no dialog, in the till's ticket layout. Returns ``False`` when there
        is no default ticket printer (or nothing to print): the caller then offers its
        print dialog. Used after a sale and for Find order's reprints and exchanges."""
        if not self.printers.ticket_printer or not views:
            return False
        layout = self.printers.ticket_layout
        self._deliver(
            lambda: render_tickets_pdf(views, layout=layout),
            self.printers.ticket_printer,
            f"tickets-{order_number}",
            "tickets",
        )
        return True

    def print_receipt(
        self,
        *,
        order_id: int | None = None,
        refund_id: int | None = None,
        layout: str | None = None,
        ask: bool = False,
    ) -> None:
        """Read the receipt of order ``order_id`` (sale or exchange) or of refund
        ``refund_id`` on a worker, then print it in ``layout`` (default: the till's) on
        the receipt printer, or with the print dialog when there is none or ``ask``."""
        layout = layout or self.printers.receipt_layout

        def work(session):
            if refund_id is not None:
                return receipts.receipt_for_refund(session, refund_id=refund_id)
            return receipts.receipt_for_order(session, order_id=order_id)

        def done(receipt) -> None:
            pdf = render_receipt_pdf(receipt, layout=layout)
            name = f"receipt-{receipt.number}"
            if self.printers.receipt_printer and not ask:
                self._deliver(pdf, self.printers.receipt_printer, name, "receipt")
                return
            try:
                print_pdf(pdf, self.window, title=self.tr("Print receipt"))
            except PrintFailed as exc:
                self._failed(pdf, name, "receipt", str(exc))

        self.runner.run(work, done, lambda exc: self.message.emit(describe_error(exc)))

    def after_exchange(self, order_id: int) -> None:
        """Print the receipt of the new order ``order_id`` an exchange made (its tickets,
        the exchange credit, what was collected or paid back) on the receipt printer with
        no dialog, when the till's rule gives exchanges a receipt (the default)."""
        if self.printers.receipt_printer and self.receipt_default(["exchange"]):
            self.print_receipt(order_id=order_id)

    def after_refund(self, order_id: int) -> None:
        """Print the receipt of ``order_id``'s newest refund on the receipt printer, with no
        dialog; without a receipt printer nothing is printed (Sale → Receipt of an
        order… prints it on request)."""
        if not self.printers.receipt_printer:
            return

        def newest(session) -> int | None:
            found = receipts.refunds_of_order(session, order_id=order_id)
            return found[-1][0] if found else None

        self.runner.run(
            newest,
            lambda refund_id: self.print_receipt(refund_id=refund_id) if refund_id is not None else None,
            lambda exc: self.message.emit(describe_error(exc)),
        )

    def _deliver(self, pdf: bytes | Callable[[], bytes], printer: str, document: str, what: str) -> None:
        """Print ``pdf`` (bytes, or a function making them) on ``printer`` on this till's
        print thread (one job at a time, in order: rasterising and spooling take 0.1 to
        1 s, which the counter should not wait for); ``what`` is ``"tickets"`` or
        ``"receipt"``. The outcome is reported on the GUI thread."""
        made: list[bytes] = []

        def job() -> None:
            made.append(pdf() if callable(pdf) else pdf)
            print_direct(made[0], printer, document)

        def done(_result) -> None:
            text = (
                self.tr("Printed the tickets on {printer}.")
                if what == "tickets"
                else self.tr("Printed the receipt on {printer}.")
            )
            self.message.emit(text.format(printer=printer))
            self.delivered.emit(document)

        def failed(exc: BaseException) -> None:
            if not made:  # the document itself could not be made: nothing to keep
                self.message.emit(describe_error(exc))
                return
            self._failed(made[0], document, what, str(exc) if isinstance(exc, PrintFailed) else describe_error(exc))

        run_detached(job, done, failed, pool=self.pool, owner=self)

    def wait(self, msecs: int = 10_000) -> bool:
        """Wait for the print jobs under way (e.g. before the window closes)."""
        return self.pool.waitForDone(msecs)

    def _failed(self, pdf: bytes, document: str, what: str, reason: str) -> None:
        """Keep the PDF and tell the cashier, in a box they must acknowledge (window-modal,
        so the sale screen's work is not blocked)."""
        try:
            kept = str(keep_unprinted(self.data_dir, document, pdf)) if self.data_dir is not None else ""
        except OSError as exc:
            kept = ""
            reason = f"{reason}; {self.tr('the PDF could not be kept either')} ({exc.strerror or exc})"
        text = (
            self.tr("The tickets could not be printed: {reason}.")
            if what == "tickets"
            else self.tr("The receipt could not be printed: {reason}.")
        ).format(reason=reason)
        text += (
            (
                "\n\n"
                + self.tr("The PDF is kept at:\n{path}\nPrint it from there, or check the printer in Sale → Settings.")
            ).format(path=kept)
            if kept
            else ""
        )
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Printing failed"), text, QMessageBox.StandardButton.Ok, self.window
        )
        box.setObjectName("printFailed")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.message.emit(text.replace("\n", " "))
        self.failed.emit(text, kept)
