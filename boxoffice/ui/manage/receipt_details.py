"""Manage → Receipt details and VAT…: what a venue prints on its receipts (address, tax
number) and the VAT rates its prices include (the venue's, and optionally a price
category's own). Saved through ``services/receipt_details`` (managers: ``setup``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from boxoffice.services.receipt_details import ReceiptDetails, receipt_details, set_category_vat, set_receipt_details
from boxoffice.ui.common.tasks import TaskRunner, describe_error

VENUE_RATE = -1.0  # a category spin box at this value: "the venue's rate"


def _rate_box(value_bp: int | None, *, optional: bool) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setDecimals(2)
    box.setSuffix(" %")
    box.setSingleStep(0.5)
    box.setRange(VENUE_RATE if optional else 0.0, 100.0)
    if optional:
        box.setSpecialValueText(QCoreApplication.translate("ReceiptDetailsDialog", "venue's rate"))
    box.setValue(VENUE_RATE if value_bp is None else value_bp / 100)
    return box


def _bp(box: QDoubleSpinBox) -> int | None:
    return None if box.value() <= VENUE_RATE else round(box.value() * 100)


class ReceiptDetailsDialog(QDialog):
    """Edits one venue at a time (``venue`` combo). Object names: ``address``,
    ``taxNumber``, ``vatRate``, ``categories`` (table; column 2 holds rate spin boxes),
    ``status``."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Receipt details and VAT"))
        self.runner = runner
        self.venues: list[ReceiptDetails] = []
        self.rate_boxes: list[QDoubleSpinBox] = []  # one per row of ``categories``
        self.venue = QComboBox()
        self.venue.setObjectName("venue")
        self.venue.currentIndexChanged.connect(self._show_venue)
        self.address = QPlainTextEdit()
        self.address.setObjectName("address")
        self.address.setPlaceholderText(self.tr("Street and number\nPostcode and town"))
        self.address.setFixedHeight(80)
        self.tax_number = QLineEdit()
        self.tax_number.setObjectName("taxNumber")
        self.tax_number.setMaxLength(40)
        self.vat_rate = _rate_box(0, optional=False)
        self.vat_rate.setObjectName("vatRate")
        self.categories = QTableWidget(0, 3)
        self.categories.setObjectName("categories")
        self.categories.setHorizontalHeaderLabels([self.tr("Plan"), self.tr("Category"), self.tr("VAT rate")])
        self.categories.horizontalHeader().setStretchLastSection(True)
        self.categories.verticalHeader().hide()
        self.status = QLabel("")
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Venue"), self.venue)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Tax (VAT) number"), self.tax_number)
        form.addRow(self.tr("VAT rate in prices"), self.vat_rate)
        note = QLabel(
            self.tr(
                "Prices include VAT. A category with its own rate (e.g. a reduced rate) overrides the venue's; "
                "tickets already sold keep the rate they were sold at."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Price categories")))
        layout.addWidget(self.categories, 1)
        layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(560, 560)

    def load(self) -> None:
        """Read every venue's details on a worker."""
        self.status.setText(self.tr("Reading…"))
        self.runner.run(receipt_details, self._loaded, self._failed)

    def _loaded(self, venues: list[ReceiptDetails]) -> None:
        current = self.venue.currentData()
        self.venues = venues
        self.venue.blockSignals(True)
        self.venue.clear()
        for v in venues:
            self.venue.addItem(v.name, v.venue_id)
        self.venue.setCurrentIndex(max(0, self.venue.findData(current)))
        self.venue.blockSignals(False)
        self._show_venue()
        self.status.setText("" if venues else self.tr("There is no venue yet."))

    def _details(self) -> ReceiptDetails | None:
        return next((v for v in self.venues if v.venue_id == self.venue.currentData()), None)

    def _show_venue(self) -> None:
        v = self._details()
        if v is None:
            return
        self.address.setPlainText(v.address)
        self.tax_number.setText(v.tax_number)
        self.vat_rate.setValue(v.vat_rate_bp / 100)
        self.categories.setRowCount(len(v.categories))
        self.rate_boxes = []
        for row, c in enumerate(v.categories):
            for col, value in enumerate((c.plan, c.name)):
                self.categories.setItem(row, col, QTableWidgetItem(value))
            box = _rate_box(c.vat_rate_bp, optional=True)
            self.rate_boxes.append(box)
            self.categories.setCellWidget(row, 2, box)
        self.categories.resizeColumnsToContents()

    def category_box(self, name: str) -> QDoubleSpinBox:
        """The rate spin box of category ``name`` (first match), for tests and scripts."""
        v = self._details()
        for c, box in zip(v.categories if v else [], self.rate_boxes, strict=False):
            if c.name == name:
                return box
        raise KeyError(name)

    def save(self) -> None:
        """Store the venue's details and every changed category rate, on a worker."""
        v = self._details()
        if v is None:
            return
        address, tax, rate = self.address.toPlainText(), self.tax_number.text(), _bp(self.vat_rate) or 0
        changed = [
            (c.category_id, _bp(box))
            for c, box in zip(v.categories, self.rate_boxes, strict=True)
            if _bp(box) != c.vat_rate_bp
        ]

        def work(session):
            set_receipt_details(session, venue_id=v.venue_id, address=address, tax_number=tax, vat_rate_bp=rate)
            for category_id, bp in changed:
                set_category_vat(session, category_id=category_id, vat_rate_bp=bp)
            return receipt_details(session)

        def done(venues) -> None:
            self._loaded(venues)
            self.status.setText(self.tr("Saved. New sales use these rates."))

        self.status.setText(self.tr("Saving…"))
        self.runner.run(work, done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(describe_error(exc))
