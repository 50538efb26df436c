"""Manage → Promo codes: every code with its discount, scope, validity, limits and how
often it has been used; a form to create or change one; disable / enable; reset usage.

Runs ``services.promo`` on the runner's worker threads; the database (``prices``
permission) is the authority, so a cashier who somehow opened this screen could still
not save."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from boxoffice.domain.errors import InvalidInputError
from boxoffice.services import promo
from boxoffice.ui.common import i18n
from boxoffice.ui.common.tables import list_table
from boxoffice.ui.common.tasks import TaskRunner, describe_error

ERROR_STYLE, OK_STYLE = "color: #b91c1c;", "color: #15803d;"


class PromoCodesDialog(QDialog):
    """The codes (select one to edit it) beside the form; Esc closes."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Promo codes"))
        self.runner = runner
        self.codes: list[promo.PromoCode] = []
        self.scopes = promo.PromoScopes([], [], [], [], "GBP")
        self.table = list_table(
            [
                self.tr("Code"),
                self.tr("Discount"),
                self.tr("Applies to"),
                self.tr("Valid"),
                self.tr("Used"),
                self.tr("Status"),
            ],
            "promoCodes",
            single=True,
        )
        self.table.setWordWrap(False)
        self.table.currentCellChanged.connect(lambda row, *_: self._selected(row))

        self.code = QLineEdit()
        self.code.setObjectName("promoCode")
        self.code.setMaxLength(30)
        self.code.setPlaceholderText(self.tr("e.g. SPRING10"))
        self.description = QLineEdit()
        self.description.setMaxLength(200)
        self.kind = QComboBox()
        self.kind.setObjectName("promoKind")
        self.kind.addItem(self.tr("Percentage off each ticket"), "percent")
        self.kind.addItem(self.tr("Amount off each ticket"), "amount")
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.percent = QSpinBox()
        self.percent.setObjectName("promoPercent")
        self.percent.setRange(1, 100)
        self.percent.setValue(10)
        self.percent.setSuffix(" %")
        self.amount = QLineEdit()
        self.amount.setObjectName("promoAmount")
        self.amount.setPlaceholderText(self.tr("e.g. 2.50"))
        self.show_pick, self.showtime_pick, self.category_pick, self.type_pick = (QComboBox() for _ in range(4))
        self.show_pick.setObjectName("promoShow")
        self.valid_from, self.from_on = self._moment()
        self.valid_until, self.until_on = self._moment(days=30)
        self.max_uses = QSpinBox()
        self.max_uses.setObjectName("promoMaxUses")
        self.max_uses.setRange(0, 1_000_000)
        self.max_uses.setSpecialValueText(self.tr("no limit"))
        self.per_customer = QSpinBox()
        self.per_customer.setRange(0, 1000)
        self.per_customer.setSpecialValueText(self.tr("no limit"))
        self.active = QCheckBox(self.tr("enabled (accepted at the tills and online)"))
        self.active.setChecked(True)

        form = QFormLayout()
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Discount"), self.kind)
        form.addRow(self.tr("Percentage"), self.percent)
        form.addRow(self.tr("Amount"), self.amount)
        form.addRow(self.tr("Show"), self.show_pick)
        form.addRow(self.tr("Showtime"), self.showtime_pick)
        form.addRow(self.tr("Price category"), self.category_pick)
        form.addRow(self.tr("Ticket type"), self.type_pick)
        form.addRow(self._row(self.from_on, self.valid_from))
        form.addRow(self._row(self.until_on, self.valid_until))
        form.addRow(self.tr("Uses in total"), self.max_uses)
        form.addRow(self.tr("Uses per customer (e-mail)"), self.per_customer)
        form.addRow("", self.active)

        add = QPushButton(self.tr("Create as new code"))
        add.setObjectName("addPromo")
        add.clicked.connect(lambda: self.save(new=True))
        self.update_button = QPushButton(self.tr("Save changes to the selected code"))
        self.update_button.setObjectName("savePromo")
        self.update_button.clicked.connect(lambda: self.save(new=False))
        self.toggle_button = QPushButton(self.tr("Disable"))
        self.toggle_button.setObjectName("togglePromo")
        self.toggle_button.clicked.connect(self.toggle_active)
        self.reset_button = QPushButton(self.tr("Reset usage"))
        self.reset_button.setObjectName("resetPromo")
        self.reset_button.clicked.connect(self.reset_usage)
        for button in (self.update_button, self.toggle_button, self.reset_button):
            button.setEnabled(False)
        self.status = QLabel(self.tr("A code takes its discount off every ticket it applies to; a sale uses it once."))
        self.status.setObjectName("promoStatus")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.toggle_button)
        buttons.addWidget(self.reset_button)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(add)
        right.addWidget(self.update_button)
        right.addLayout(buttons)
        right.addWidget(self.status)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.table, 3)
        layout.addLayout(right, 2)
        self._kind_changed()
        self.resize(1180, 620)

    def _moment(self, days: int = 0) -> tuple[QDateTimeEdit, QCheckBox]:
        edit = QDateTimeEdit(QDateTime.currentDateTime().addDays(days))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        edit.setEnabled(False)
        check = QCheckBox(self.tr("Valid from") if days == 0 else self.tr("Valid until"))
        check.toggled.connect(edit.setEnabled)
        return edit, check

    @staticmethod
    def _row(check: QCheckBox, edit: QDateTimeEdit) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(check)
        row.addWidget(edit, 1)
        return box

    def _kind_changed(self) -> None:
        percent = self.kind.currentData() == "percent"
        self.percent.setEnabled(percent)
        self.amount.setEnabled(not percent)

    def load(self) -> None:
        """Fetch the scope choices and the codes (worker threads)."""
        self.runner.run(promo.scope_choices, self._scopes, self._failed, owner=self)

    def _scopes(self, scopes: promo.PromoScopes) -> None:
        self.scopes = scopes
        for combo, items in [
            (self.show_pick, scopes.shows),
            (self.showtime_pick, scopes.showtimes),
            (self.category_pick, scopes.categories),
            (self.type_pick, scopes.ticket_types),
        ]:
            combo.clear()
            combo.addItem(self.tr("any"), None)
            for item_id, label in items:
                combo.addItem(label, item_id)
        self._load_codes()

    def _load_codes(self) -> None:
        self.runner.run(promo.list_codes, self._show, self._failed, owner=self)

    def _show(self, codes: list[promo.PromoCode]) -> None:
        keep = self._current()
        self.codes = codes
        self.table.setRowCount(len(codes))
        for row, c in enumerate(codes):
            used = f"{c.uses} / {c.max_uses}" if c.max_uses else str(c.uses)
            if c.max_uses_per_customer:
                used += " · " + self.tr("%n per customer", "", c.max_uses_per_customer)
            values = [c.code, self._discount(c), self._applies(c), self._window(c), used]
            values.append(self.tr("enabled") if c.active else self.tr("disabled"))
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if not c.active:
                    item.setForeground(Qt.GlobalColor.gray)
                if c.description:
                    item.setToolTip(c.description)
                self.table.setItem(row, col, item)
        if keep is not None:
            rows = [i for i, c in enumerate(codes) if c.id == keep.id]
            if rows:
                self.table.setCurrentCell(rows[0], 0)
                self._selected(rows[0])  # the form and buttons as the code is now

    def _discount(self, c: promo.PromoCode) -> str:
        if c.kind == "percent":
            return f"{c.percent} %"
        return i18n.format_money(c.amount_minor or 0, self.scopes.currency)

    def _applies(self, c: promo.PromoCode) -> str:
        parts = []
        for value, items in [
            (c.show_id, self.scopes.shows),
            (c.showtime_id, self.scopes.showtimes),
            (c.category_id, self.scopes.categories),
            (c.ticket_type_id, self.scopes.ticket_types),
        ]:
            if value is not None:
                parts.append(dict(items).get(value, f"#{value}"))
        return " · ".join(parts) if parts else self.tr("every ticket")

    def _window(self, c: promo.PromoCode) -> str:
        start = i18n.date_only(c.valid_from) if c.valid_from else ""
        end = i18n.date_only(c.valid_until) if c.valid_until else ""
        if not start and not end:
            return self.tr("always")
        return f"{start} – {end}"

    def _current(self) -> promo.PromoCode | None:
        row = self.table.currentRow()
        return self.codes[row] if 0 <= row < len(self.codes) else None

    def _selected(self, row: int) -> None:
        if not 0 <= row < len(self.codes):
            return
        c = self.codes[row]
        self.code.setText(c.code)
        self.description.setText(c.description)
        self.kind.setCurrentIndex(self.kind.findData(c.kind))
        if c.percent:
            self.percent.setValue(c.percent)
        self.amount.setText(i18n.amount_text(c.amount_minor, self.scopes.currency) if c.amount_minor else "")
        for combo, value in [
            (self.show_pick, c.show_id),
            (self.showtime_pick, c.showtime_id),
            (self.category_pick, c.category_id),
            (self.type_pick, c.ticket_type_id),
        ]:
            combo.setCurrentIndex(max(combo.findData(value), 0))
        for check, edit, moment in [
            (self.from_on, self.valid_from, c.valid_from),
            (self.until_on, self.valid_until, c.valid_until),
        ]:
            check.setChecked(moment is not None)
            if moment is not None:
                edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(moment.timestamp())))
        self.max_uses.setValue(c.max_uses or 0)
        self.per_customer.setValue(c.max_uses_per_customer or 0)
        self.active.setChecked(c.active)
        self.toggle_button.setText(self.tr("Disable") if c.active else self.tr("Enable"))
        for button in (self.update_button, self.toggle_button, self.reset_button):
            button.setEnabled(True)

    def draft(self) -> promo.PromoDraft:
        """The form as a draft. Raises InvalidInputError for an amount that is not money."""
        kind = self.kind.currentData()
        amount = None
        if kind == "amount":
            amount = i18n.parse_money(self.amount.text(), self.scopes.currency)

        def moment(check: QCheckBox, edit: QDateTimeEdit) -> dt.datetime | None:
            if not check.isChecked():
                return None
            return dt.datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch(), dt.UTC)

        return promo.PromoDraft(
            code=self.code.text().strip().upper(),
            kind=kind,
            percent=self.percent.value() if kind == "percent" else None,
            amount_minor=amount,
            description=self.description.text().strip(),
            show_id=self.show_pick.currentData(),
            showtime_id=self.showtime_pick.currentData(),
            category_id=self.category_pick.currentData(),
            ticket_type_id=self.type_pick.currentData(),
            valid_from=moment(self.from_on, self.valid_from),
            valid_until=moment(self.until_on, self.valid_until),
            max_uses=self.max_uses.value() or None,
            max_uses_per_customer=self.per_customer.value() or None,
            active=self.active.isChecked(),
        )

    def save(self, *, new: bool) -> None:
        """Create the form as a new code, or save it over the selected one (worker thread)."""
        current = None if new else self._current()
        try:
            draft = self.draft()
        except InvalidInputError as exc:
            self._failed(exc)
            return
        code_id = current.id if current else None
        self.runner.run(
            lambda s: promo.save_code(s, draft, code_id=code_id),
            lambda _id: self._done(self.tr("Saved {code}.").format(code=draft.code)),
            self._failed,
            owner=self,
        )

    def toggle_active(self) -> None:
        """Disable the selected code (refused everywhere from now on), or enable it again."""
        current = self._current()
        if current is None:
            return
        active = not current.active
        message = self.tr("{code} is enabled.") if active else self.tr("{code} is disabled.")
        self.runner.run(
            lambda s: promo.set_active(s, current.id, active=active),
            lambda _r: self._done(message.format(code=current.code)),
            self._failed,
            owner=self,
        )

    def reset_usage(self) -> None:
        """Count the selected code's uses from zero again."""
        current = self._current()
        if current is None:
            return
        self.runner.run(
            lambda s: promo.reset_usage(s, current.id),
            lambda _r: self._done(self.tr("Usage of {code} counts from zero again.").format(code=current.code)),
            self._failed,
            owner=self,
        )

    def _done(self, message: str) -> None:
        self.status.setStyleSheet(OK_STYLE)
        self.status.setText(message)
        self._load_codes()

    def _failed(self, exc: BaseException) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(describe_error(exc))
