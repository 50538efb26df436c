"""The Price rules tab of Manage → Prices: a venue's rules in the order they apply, a form
to add one (days, a start-time window, category, ticket type, set / add / percent), and
delete. Rules apply to showtimes scheduled afterwards (``domain/pricing.py``)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from boxoffice.domain import pricing
from boxoffice.domain.errors import InvalidInputError
from boxoffice.services import prices
from boxoffice.ui.common import i18n
from boxoffice.ui.common.i18n import parse_money
from boxoffice.ui.common.tables import list_table
from boxoffice.ui.common.tasks import TaskRunner, describe_error

KINDS = [
    ("percent", QT_TRANSLATE_NOOP("price_rules", "Percentage (−20 = 20 % off)")),
    ("add", QT_TRANSLATE_NOOP("price_rules", "Add an amount (−2.00 = 2.00 off)")),
    ("set", QT_TRANSLATE_NOOP("price_rules", "Set the price to")),
]


class PriceRulesPanel(QWidget):
    """Rules of one venue (chosen at the top); ``load()`` fetches venues and rules."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.rows: list[prices.RuleRow] = []
        self.venue = QComboBox()
        self.venue.setObjectName("ruleVenue")
        self.venue.currentIndexChanged.connect(lambda _i: self._load_rules())
        self.table = list_table(
            ["#", self.tr("Rule"), self.tr("Ticket type"), self.tr("Category"), self.tr("When · adjustment")],
            "ruleTable",
            stretch=4,
        )
        delete = QPushButton(self.tr("Delete rule"))
        delete.clicked.connect(self.delete_selected)

        self.name = QLineEdit()
        self.name.setObjectName("ruleName")
        self.name.setPlaceholderText(self.tr("e.g. Weekend matinee"))
        self.ticket_type = QComboBox()
        self.category = QComboBox()
        self.days = []
        days = QHBoxLayout()
        for label in i18n.weekday_names():
            box = QCheckBox(label)
            box.setChecked(True)
            self.days.append(box)
            days.addWidget(box)
        self.use_from, self.from_time = QCheckBox("from"), QTimeEdit(QTime(0, 0))
        self.use_until, self.until_time = QCheckBox("before"), QTimeEdit(QTime(17, 0))
        window = QHBoxLayout()
        for w in (self.use_from, self.from_time, self.use_until, self.until_time):
            window.addWidget(w)
        window.addStretch(1)
        self.kind = QComboBox()
        for code, label in KINDS:
            self.kind.addItem(QCoreApplication.translate("price_rules", label), code)
        self.amount = QLineEdit()
        self.amount.setObjectName("ruleAmount")
        self.amount.setPlaceholderText(self.tr("−20 or 2.50"))
        self.position = QSpinBox()
        self.position.setRange(0, 999)
        add = QPushButton(self.tr("Add rule"))
        add.setObjectName("addRule")
        add.clicked.connect(self.add_rule)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Ticket type"), self.ticket_type)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Days"), days)
        form.addRow(self.tr("Start time"), window)
        form.addRow(self.tr("Adjustment"), self.kind)
        form.addRow(self.tr("Amount"), self.amount)
        form.addRow(self.tr("Order"), self.position)
        self.status = QLabel(
            self.tr(
                "Rules apply, in order, to showtimes scheduled afterwards. Full-price rules come "
                "first; each other ticket type starts from the full price and needs a rule of its "
                "own to be sold."
            )
        )
        self.status.setObjectName("ruleStatus")
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Venue")))
        top.addWidget(self.venue, 1)
        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.table, 1)
        left.addWidget(delete)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(add)
        right.addWidget(self.status)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)

    def load(self) -> None:
        """Fetch the venues (worker thread), then the chosen venue's rules."""
        self.runner.run(prices.venue_choices, self._venues, self._failed, owner=self)

    def _venues(self, venues) -> None:
        keep = self.venue.currentData()
        self.venue.blockSignals(True)
        self.venue.clear()
        self._currencies = {vid: currency for vid, _name, currency in venues}
        for vid, name, _currency in venues:
            self.venue.addItem(name, vid)
        self.venue.blockSignals(False)
        if venues:
            index = self.venue.findData(keep)
            self.venue.setCurrentIndex(index if index >= 0 else 0)
            self._load_rules()

    def _load_rules(self) -> None:
        venue_id = self.venue.currentData()
        if venue_id is None:
            return
        self.runner.run(
            lambda s: (prices.list_rules(s, venue_id=venue_id), prices.rule_choices(s, venue_id=venue_id)),
            self._rules,
            self._failed,
            owner=self,
        )

    def _rules(self, result) -> None:
        self.rows, choices = result
        self.table.setRowCount(len(self.rows))
        for row, r in enumerate(self.rows):
            for col, value in enumerate([str(r.position), r.name, r.ticket_type, r.category, r.summary]):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.ticket_type.clear()
        for t in choices.ticket_types:
            self.ticket_type.addItem(t.name, t.id)
        self.category.clear()
        self.category.addItem(self.tr("Every category"), None)
        for cid, name in choices.categories:
            self.category.addItem(name, cid)

    def rule_from_form(self) -> pricing.Rule:
        """The rule the form describes.

        Raises:
            InvalidInputError: no day, no amount, or an amount that is not a number.
        """
        kind = self.kind.currentData()
        text = self.amount.text().strip().replace("−", "-")
        if not text:
            raise InvalidInputError(self.tr("Give an amount for the rule."))
        amount = percent = None
        if kind == "percent":
            try:
                percent = Decimal(text.rstrip("% ").replace(",", "."))  # "−12,5" as German writes it
            except InvalidOperation:
                raise InvalidInputError(self.tr("{text!r} is not a percentage.").format(text=text)) from None
        else:
            negative = text.startswith("-")
            currency = getattr(self, "_currencies", {}).get(self.venue.currentData(), "EUR")
            amount = parse_money(text.lstrip("-"), currency) * (-1 if negative else 1)
        rule = pricing.Rule(
            ticket_type_id=self.ticket_type.currentData(),
            kind=kind,
            amount_minor=amount,
            percent=percent,
            weekdays=frozenset(i for i, box in enumerate(self.days, 1) if box.isChecked()),
            from_time=self.from_time.time().toPython() if self.use_from.isChecked() else None,
            until_time=self.until_time.time().toPython() if self.use_until.isChecked() else None,
            category_id=self.category.currentData(),
            position=self.position.value(),
        )
        return pricing.check_rule(rule)

    def add_rule(self) -> None:
        """Save the form as a new rule (worker thread)."""
        venue_id = self.venue.currentData()
        try:
            rule = self.rule_from_form()
        except InvalidInputError as exc:
            self._failed(exc)
            return
        name = self.name.text()

        def done(_rule_id) -> None:
            self.status.setStyleSheet("color: #15803d;")
            self.status.setText(
                self.tr("Rule “{rule}” added. It applies to showtimes scheduled from now on.").format(rule=name.strip())
            )
            self._load_rules()

        self.runner.run(
            lambda s: prices.save_rule(s, venue_id=venue_id, name=name, rule=rule), done, self._failed, owner=self
        )

    def delete_selected(self) -> None:
        """Delete the selected rule (worker thread)."""
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows):
            return
        rule_id = self.rows[row].id
        self.runner.run(
            lambda s: prices.delete_rule(s, rule_id=rule_id), lambda _r: self._load_rules(), self._failed, owner=self
        )

    def _failed(self, exc: BaseException) -> None:
        self.status.setStyleSheet("color: #b91c1c;")
        self.status.setText(describe_error(exc))
