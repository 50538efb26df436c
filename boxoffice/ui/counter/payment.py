"""Payment: the dialog that takes cash, card on the external terminal, complimentary and
any split of them, keyboard first, with the remaining amount always in view; and the
sale-complete dialog that prints or saves the tickets.

Keys in the payment dialog: F9 cash, F10 card, F11 complimentary, F12 take the entry as a
part payment (split), Enter confirms once the entry covers what remains, Delete drops the
selected part, Esc cancels. Amounts are typed and shown in the till's locale (``"20,50"``
in German). The entry pages are in :mod:`boxoffice.ui.counter.tender_pages`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from boxoffice.domain.errors import InvalidInputError
from boxoffice.services.tenders import Tender
from boxoffice.ui.common.i18n import amount_text, format_money, parse_money
from boxoffice.ui.counter.sale_printing import ReceiptToggle
from boxoffice.ui.counter.tender_override import Grant
from boxoffice.ui.counter.tender_pages import CardPage, CashPage, CompPage, big as _big

METHODS = ("cash", "card", "comp")
METHOD_KEYS = {"cash": Qt.Key.Key_F9, "card": Qt.Key.Key_F10, "comp": Qt.Key.Key_F11}
SPLIT_KEY = Qt.Key.Key_F12


class PaymentDialog(QDialog):
    """Takes payment of ``total_minor`` (minor units of ``currency``) in one or several
    tenders. ``method`` is the tender to start with; ``may_comp`` says whether the
    person selling may give comps without a manager's approval; ``grant_override``
    asks for one (see :class:`~boxoffice.ui.counter.tender_override.OverridePanel`).

    ``receipt`` is the "Print receipt" tick box, ticked by ``receipt_rule(methods)`` for
    the tenders taken. After acceptance: ``tenders`` (list of :class:`~boxoffice.services.tenders.Tender`,
    adding up to the total), ``override`` (the manager's token or ``None``),
    ``tendered_minor`` (all money handed over) and ``change_minor``.
    """

    def __init__(
        self,
        total_minor: int,
        currency: str,
        parent: QWidget | None = None,
        *,
        tickets: str = "",
        method: str = "cash",
        may_comp: bool = True,
        grant_override: Grant | None = None,
        receipt_rule=None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Payment"))
        self.total_minor = total_minor
        self.currency = currency
        self.may_comp = may_comp
        self.parts: list[Tender] = []
        self.tenders: list[Tender] | None = None
        self.override: uuid.UUID | None = None
        self.tendered_minor: int | None = None
        self.change_minor = 0

        self.total_label = _big(QLabel(format_money(total_minor, currency)), 6)
        self.remaining_label = _big(QLabel(""), 10)
        self.remaining_label.setObjectName("remaining")
        self.remaining_label.setStyleSheet("color: #1d4ed8;")
        self.parts_list = QListWidget()
        self.parts_list.setObjectName("tenderList")
        self.parts_list.setMaximumHeight(80)
        self.parts_list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        head = QFormLayout()
        if tickets:
            self.tickets_label = QLabel(tickets)
            self.tickets_label.setObjectName("ticketSummary")
            head.addRow(self.tr("Tickets"), self.tickets_label)
        head.addRow(self.tr("Total"), self.total_label)
        head.addRow(self.tr("Paid so far"), self.parts_list)
        head.addRow(self.tr("Remaining"), self.remaining_label)

        self.method_buttons = QButtonGroup(self)
        row = QHBoxLayout()
        titles = {"cash": self.tr("Cash (F9)"), "card": self.tr("Card (F10)"), "comp": self.tr("Complimentary (F11)")}
        for i, name in enumerate(METHODS):
            button = QPushButton(titles[name])
            button.setObjectName(f"method_{name}")
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.method_buttons.addButton(button, i)
            row.addWidget(button)
            QShortcut(QKeySequence(METHOD_KEYS[name]), self, lambda n=name: self.set_method(n))
        self.method_buttons.idClicked.connect(lambda i: self.set_method(METHODS[i]))

        self.pages = QStackedWidget()
        self.cash, self.card = CashPage(currency), CardPage()
        self.comp = CompPage(grant_override, needs_approval=not may_comp)
        for page in (self.cash, self.card, self.comp):
            self.pages.addWidget(page)
            page.changed.connect(self._recalculate)
        # the fields, by name (tests and callers reach them here)
        self.tendered, self.change_label = self.cash.tendered, self.cash.change_label
        self.card_amount, self.card_reference = self.card.amount, self.card.reference
        self.comp_amount, self.comp_reason = self.comp.amount, self.comp.reason
        self.override_panel = self.comp.override_panel

        self.receipt = ReceiptToggle(receipt_rule, ["cash"])  # the per-sale choice (counter/sale_printing.py)
        self.problem = QLabel("")
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.add_part = self.buttons.addButton(self.tr("Part payment (F12)"), QDialogButtonBox.ButtonRole.ActionRole)
        self.add_part.setObjectName("addPart")
        self.add_part.setAutoDefault(False)
        self.add_part.clicked.connect(self.take_part)
        self.confirm = self.buttons.addButton(self.tr("Confirm sale"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setObjectName("confirmSale")
        self.confirm.setDefault(True)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence(SPLIT_KEY), self, self.take_part)
        self.parts_list.installEventFilter(self)  # Delete drops the selected part

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(row)
        layout.addWidget(self.pages)
        layout.addWidget(self.receipt)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.set_method(method if method in METHODS else "cash")

    # -- state ---------------------------------------------------------------------------

    @property
    def method(self) -> str:
        """The tender being entered: ``cash``, ``card`` or ``comp``."""
        return METHODS[self.pages.currentIndex()]

    @property
    def remaining_minor(self) -> int:
        """What is left to pay after the part payments taken so far (minor units)."""
        return self.total_minor - sum(t.amount_minor for t in self.parts)

    def set_method(self, method: str) -> None:
        """Enter a ``method`` tender next (F9 / F10 / F11) and focus its first field."""
        index = METHODS.index(method)
        self.pages.setCurrentIndex(index)
        self.method_buttons.button(index).setChecked(True)
        left = amount_text(self.remaining_minor, self.currency)
        self.card_amount.setPlaceholderText(self.tr("{amount} (all that remains)").format(amount=left))
        self.comp_amount.setPlaceholderText(self.tr("{amount} (all that remains)").format(amount=left))
        focus = {"cash": self.tendered, "card": self.card_reference, "comp": self.comp_reason}[method]
        focus.setFocus()
        self._recalculate()

    def _amount(self, field: QLineEdit) -> int | None:
        """The amount typed in ``field`` (empty: all that remains); ``None`` and a problem
        shown when it cannot be read or is more than remains."""
        text = field.text().strip()
        value = self.remaining_minor if not text else parse_money(text, self.currency)
        if value > self.remaining_minor:
            raise InvalidInputError(
                self.tr("That is more than the {amount} that remains.").format(
                    amount=format_money(self.remaining_minor, self.currency)
                )
            )
        return value

    def current(self) -> tuple[Tender | None, str]:
        """The tender being entered (``None`` if there is none yet or it is wrong) and
        what is wrong with it or missing (``""``: nothing)."""
        left = self.remaining_minor
        try:
            if self.method == "cash":
                text = self.tendered.text().strip()
                if not text:
                    return None, ""
                given = parse_money(text, self.currency)
                if given < left:
                    short = format_money(left - given, self.currency)
                    return Tender("cash", given, tendered_minor=given), self.tr(
                        "Short by {amount}. F12 takes it as a part payment."
                    ).format(amount=short)
                return Tender("cash", left, tendered_minor=given), ""
            if self.method == "card":
                amount = self._amount(self.card_amount)
                reference = self.card_reference.text().strip()
                tender = Tender("card", amount or 0, reference=reference or None)
                return tender, "" if reference else self.tr("Type the terminal's reference for the card payment.")
            amount = self._amount(self.comp_amount)
            reason = self.comp.reason_text()
            tender = Tender("comp", amount or 0, comp_reason=reason or None)
            if not reason:
                return tender, self.tr("Choose or type why the ticket is complimentary.")
            if not self.may_comp and self.override_panel.token is None:
                return tender, self.tr("A manager approves the complimentary ticket (name and password below).")
            return tender, ""
        except InvalidInputError as exc:
            return None, str(exc)

    def _recalculate(self) -> None:
        left = self.remaining_minor
        tender, problem = self.current()
        covers = tender is not None and not problem and tender.amount_minor == left
        after = left - (tender.amount_minor if tender is not None and not problem else 0)
        self.remaining_label.setText(
            format_money(left, self.currency)
            if after == left
            else self.tr("{now} → {after} after this").format(
                now=format_money(left, self.currency), after=format_money(after, self.currency)
            )
        )
        change = tender.change_minor if tender is not None and tender.method == "cash" and covers else None
        self.change_label.setText("–" if change is None else format_money(change, self.currency))
        self.problem.setText(problem)
        self.confirm.setEnabled(covers or (left == 0 and tender is None))
        self.confirm.setDefault(True)
        self.add_part.setEnabled(self._part_ok(tender, problem))
        self.cash.show_quick_amounts(left)
        if hasattr(self, "receipt"):
            self.receipt.follow([t.method for t in self.parts] + [self.method])

    # -- actions -------------------------------------------------------------------------

    def take_part(self) -> None:
        """F12: take the entry as a part payment and go on with cash for the rest (an
        entry that covers what remains confirms the sale instead)."""
        tender, problem = self.current()
        if tender is not None and not problem and tender.amount_minor == self.remaining_minor:
            self._accept()
            return
        if not self._part_ok(tender, problem):
            return
        assert tender is not None
        self.parts.append(tender)
        self.parts_list.addItem(self._describe(tender))
        for field in (self.tendered, self.card_amount, self.card_reference, self.comp_amount):
            field.clear()
        self.set_method("cash")

    def _part_ok(self, tender: Tender | None, problem: str) -> bool:
        """Whether ``tender`` can be a part payment: something, less than what remains,
        and complete (cash that falls short is a part payment by definition)."""
        if tender is None or not 0 < tender.amount_minor < self.remaining_minor:
            return False
        return tender.method == "cash" or not problem

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if watched is self.parts_list and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Delete:
            self._drop_part()
            return True
        return super().eventFilter(watched, event)

    def _drop_part(self) -> None:
        row = self.parts_list.currentRow()
        if 0 <= row < len(self.parts):
            del self.parts[row]
            self.parts_list.takeItem(row)
            self.set_method(self.method)

    def _describe(self, tender: Tender) -> str:
        money = format_money(tender.amount_minor, self.currency)
        if tender.method == "card":
            return self.tr("Card {amount} · ref {reference}").format(amount=money, reference=tender.reference)
        if tender.method == "comp":
            return self.tr("Complimentary {amount} · {reason}").format(amount=money, reason=tender.comp_reason)
        return self.tr("Cash {amount}").format(amount=money)

    def _accept(self) -> None:
        if self.focusWidget() is self.override_panel.password:
            return  # Enter in the manager's password approves; it does not sell
        tender, problem = self.current()
        left = self.remaining_minor
        if tender is None and left == 0 and not problem:
            chosen = list(self.parts)
        elif tender is not None and not problem and tender.amount_minor == left:
            chosen = [*self.parts, tender]
        else:
            self._recalculate()
            return
        self.tenders = chosen
        self.override = self.override_panel.token
        self.tendered_minor = sum(t.tendered_minor or t.amount_minor for t in chosen)
        self.change_minor = sum(t.change_minor for t in chosen)
        self.accept()


PayCashDialog = PaymentDialog
"""The cash dialog of old: the payment dialog starting with cash (F9)."""


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
