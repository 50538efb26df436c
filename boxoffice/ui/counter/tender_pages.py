"""The entry pages of the payment dialog, one per tender: cash (amount handed over,
quick amounts, change), card (amount and the terminal's reference), complimentary
(amount, reason from a list or typed, and the manager's approval in place)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QFormLayout, QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from boxoffice.services.tenders import COMP_REASONS
from boxoffice.ui.common.i18n import amount_text, format_money
from boxoffice.ui.counter.tender_override import Grant, OverridePanel

NOTES_MINOR = [5_00, 10_00, 20_00, 50_00]


def big(label: QLabel, extra: int) -> QLabel:
    """``label`` in a bold font ``extra`` points larger; returns it."""
    font = QFont(label.font())
    font.setPointSize(font.pointSize() + extra)
    font.setBold(True)
    label.setFont(font)
    return label


def _field(name: str, placeholder: str = "") -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setPlaceholderText(placeholder)
    return field


class CashPage(QWidget):
    """Cash tendered (``tendered``), change due (``change_label``) and quick amounts.

    Signals:
        changed(): the entry changed.
    """

    changed = Signal()

    def __init__(self, currency: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currency = currency
        example = amount_text(5000, currency)
        self.tendered = _field("tendered", self.tr("amount handed over, e.g. {example}").format(example=example))
        self.tendered.textChanged.connect(self.changed)
        self.change_label = big(QLabel("–"), 6)
        self.change_label.setObjectName("change")
        self.quick = QGridLayout()
        self._quick_for: int | None = None
        form = QFormLayout(self)
        form.addRow(self.tr("Cash tendered"), self.tendered)
        form.addRow(self.tr("Change due"), self.change_label)
        form.addRow(self.quick)

    def show_quick_amounts(self, left_minor: int) -> None:
        """Exact ``left_minor`` and the next notes above it (buttons that never take Enter)."""
        if left_minor == self._quick_for:
            return
        self._quick_for = left_minor
        while self.quick.count():
            item = self.quick.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if left_minor <= 0:
            return
        exact = QPushButton(self.tr("Exact {amount}").format(amount=format_money(left_minor, self.currency)))
        exact.setAutoDefault(False)
        exact.clicked.connect(lambda: self.set_amount(left_minor))
        self.quick.addWidget(exact, 0, 0, 1, 2)
        options = sorted(
            {n * ((left_minor + n - 1) // n) for n in NOTES_MINOR if n * ((left_minor + n - 1) // n) > left_minor}
        )
        for i, amount in enumerate(options[:4]):
            button = QPushButton(format_money(amount, self.currency))
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, a=amount: self.set_amount(a))
            self.quick.addWidget(button, 1 + i // 2, i % 2)

    def set_amount(self, minor: int) -> None:
        """Put ``minor`` in the tendered field, as the locale writes it."""
        self.tendered.setText(amount_text(minor, self.currency))
        self.tendered.setFocus()


class CardPage(QWidget):
    """Amount on the card (``amount``; empty: all that remains) and the terminal's
    reference (``reference``)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.amount = _field("cardAmount")
        self.reference = _field("cardReference", self.tr("the terminal's authorisation code"))
        for field in (self.amount, self.reference):
            field.textChanged.connect(self.changed)
        note = QLabel(self.tr("Take the card on the terminal first; never type the card number."))
        note.setStyleSheet("color: #555;")
        form = QFormLayout(self)
        form.addRow(self.tr("Amount on card"), self.amount)
        form.addRow(self.tr("Terminal reference"), self.reference)
        form.addRow(note)


class CompPage(QWidget):
    """Amount given free (``amount``; empty: all that remains), the reason (``reason``,
    a list or typed) and, for someone who may not give comps, the manager's approval
    (``override_panel``)."""

    changed = Signal()

    def __init__(self, grant: Grant | None, *, needs_approval: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.amount = _field("compAmount")
        self.reason = QComboBox()
        self.reason.setObjectName("compReason")
        self.reason.setEditable(True)
        self.reason.addItems(list(COMP_REASONS))
        self.reason.setCurrentIndex(-1)
        line = self.reason.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("choose or type a reason"))
        self.amount.textChanged.connect(self.changed)
        self.reason.currentTextChanged.connect(self.changed)
        self.override_panel = OverridePanel(grant, self.reason_text, self)
        self.override_panel.approved.connect(lambda _token: self.changed.emit())
        self.override_panel.setVisible(needs_approval)
        form = QFormLayout(self)
        form.addRow(self.tr("Amount given free"), self.amount)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.override_panel)

    def reason_text(self) -> str:
        """The reason chosen or typed, trimmed."""
        return self.reason.currentText().strip()
