"""The "Printing at this till" part of Sale → Settings…: the default ticket and receipt
printers (a system printer, a folder for PDF files, or "ask each time"), their layouts,
and which tenders get a receipt by default. Changes apply and are stored at once
(``SalePrinting.set_printers``: ``<data dir>/printers.json``)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from boxoffice.printing.till_printers import PDF_FOLDER, TillPrinters
from boxoffice.ui.common.printing import available_printers
from boxoffice.ui.counter.sale_printing import SalePrinting

_ASK = ""
_FOLDER = "\x00folder"  # the "PDF files in a folder…" entry
RECEIPT_METHODS = ("cash", "card", "online", "comp", "exchange")


class PrinterSettingsBox(QGroupBox):
    """Edits ``printing``'s settings. Object names: ``ticketPrinter``,
    ``receiptPrinter`` (combos), ``ticketLayout``, ``receiptLayout``,
    ``receiptFor_<method>`` (tick boxes), ``printersSaved`` (status label)."""

    def __init__(self, printing: SalePrinting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Printing at this till"))
        self.printing = printing
        p = printing.printers
        self.ticket_printer = self._printer_combo("ticketPrinter", p.ticket_printer)
        self.receipt_printer = self._printer_combo("receiptPrinter", p.receipt_printer)
        self.ticket_layout = self._layout_combo("ticketLayout", p.ticket_layout)
        self.receipt_layout = self._layout_combo("receiptLayout", p.receipt_layout)
        names = {
            "cash": self.tr("Cash"),
            "card": self.tr("Card"),
            "online": self.tr("Online"),
            "comp": self.tr("Complimentary"),
            "exchange": self.tr("Exchange"),
        }
        self.methods: dict[str, QCheckBox] = {}
        methods_row = QHBoxLayout()
        for method in RECEIPT_METHODS:
            box = QCheckBox(names[method])
            box.setObjectName(f"receiptFor_{method}")
            box.setChecked(method in p.receipt_methods)
            box.toggled.connect(lambda _on: self._store())
            self.methods[method] = box
            methods_row.addWidget(box)
        methods_row.addStretch(1)
        self.saved = QLabel("")
        self.saved.setObjectName("printersSaved")
        self.saved.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Ticket printer:"), self._pair(self.ticket_printer, self.ticket_layout))
        form.addRow(self.tr("Receipt printer:"), self._pair(self.receipt_printer, self.receipt_layout))
        form.addRow(self.tr("Receipt by default for:"), methods_row)
        form.addRow(self.saved)
        hint = QLabel(
            self.tr(
                "With a printer chosen, tickets and receipts print after each sale without a dialog, "
                "at their real size (80 mm rolls stay 80 mm wide). The cashier can untick the receipt per sale."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        form.addRow(hint)

    @staticmethod
    def _pair(left: QWidget, right: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(left, 1)
        row.addWidget(right)
        return row

    def _printer_combo(self, name: str, current: str | None) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(self.tr("Ask each time (print dialog)"), _ASK)
        for printer in available_printers():
            combo.addItem(printer, printer)
        combo.addItem(self.tr("PDF files in a folder…"), _FOLDER)
        if current:
            self._select(combo, current)
        combo.activated.connect(lambda _i, c=combo: self._picked(c))
        return combo

    def _layout_combo(self, name: str, current: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(self.tr("80 mm roll"), "roll80")
        combo.addItem(self.tr("A4"), "a4")
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.activated.connect(lambda _i: self._store())
        return combo

    def _select(self, combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        if index < 0:  # a PDF folder, or a printer not installed right now: keep it, visibly
            label = (
                self.tr("PDF files in {folder}").format(folder=value[len(PDF_FOLDER) :])
                if value.startswith(PDF_FOLDER)
                else self.tr("{name} (not found)").format(name=value)
            )
            combo.insertItem(combo.count() - 1, label, value)
            index = combo.findData(value)
        combo.setCurrentIndex(index)

    def _picked(self, combo: QComboBox) -> None:
        if combo.currentData() == _FOLDER:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the PDF files"))
            if not folder:
                p = self.printing.printers
                previous = p.ticket_printer if combo is self.ticket_printer else p.receipt_printer
                combo.setCurrentIndex(max(0, combo.findData(previous or _ASK)))
                return
            self.use_pdf_folder(combo, folder)
            return
        self._store()

    def use_pdf_folder(self, combo: QComboBox, folder: str) -> None:
        """Send ``combo``'s documents (ticket or receipt printer) as PDF files into
        ``folder`` (what choosing "PDF files in a folder…" does)."""
        self._select(combo, PDF_FOLDER + folder)
        self._store()

    def choose(self, combo: QComboBox, printer: str | None) -> None:
        """Pick ``printer`` (a name, ``"pdf:<folder>"``, ``None``: ask) in ``combo`` and store."""
        if printer is None:
            combo.setCurrentIndex(0)
        else:
            self._select(combo, printer)
        self._store()

    def current(self) -> TillPrinters:
        """The settings as the form shows them."""
        return replace(
            self.printing.printers,
            ticket_printer=self.ticket_printer.currentData() or None,
            receipt_printer=self.receipt_printer.currentData() or None,
            ticket_layout=self.ticket_layout.currentData(),
            receipt_layout=self.receipt_layout.currentData(),
            receipt_methods=frozenset(m for m, box in self.methods.items() if box.isChecked()),
        )

    def _store(self) -> None:
        try:
            path = self.printing.set_printers(self.current())
        except OSError as exc:
            self.saved.setText(self.tr("Could not save: {error}").format(error=exc.strerror or exc))
            return
        self.saved.setText(self.tr("Saved for this till in {file}.").format(file=path) if path else "")
