"""The Ticket types tab of Manage → Prices: a venue's ticket types (full, concession,
child, complimentary, and any added) in display order; add one, rename, reorder or
switch one off. Runs ``services.prices`` on the runner's worker threads (``prices``)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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

from boxoffice.services import prices
from boxoffice.ui.common.tables import list_table
from boxoffice.ui.common.tasks import TaskRunner, describe_error


class TicketTypesPanel(QWidget):
    """Ticket types of one venue; select a row to edit it, or fill the form and Add."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.types: list[tuple[prices.TicketTypeInfo, bool]] = []
        self.venue = QComboBox()
        self.venue.currentIndexChanged.connect(lambda _i: self._load_types())
        self.table = list_table(
            [self.tr("Order"), self.tr("Name"), self.tr("Code"), self.tr("Offered")], "ticketTypes", stretch=1
        )
        self.table.currentCellChanged.connect(lambda row, *_: self._selected(row))
        self.name = QLineEdit()
        self.name.setObjectName("typeName")
        self.name.setMaxLength(60)
        self.name.setPlaceholderText(self.tr("e.g. Student"))
        self.position = QSpinBox()
        self.position.setRange(0, 999)
        self.active = QCheckBox(self.tr("offered (shown in price grids and rules)"))
        self.active.setChecked(True)
        add = QPushButton(self.tr("Add as new type"))
        add.setObjectName("addType")
        add.clicked.connect(lambda: self.save(new=True))
        self.update_button = QPushButton(self.tr("Save changes to the selected type"))
        self.update_button.setEnabled(False)
        self.update_button.clicked.connect(lambda: self.save(new=False))
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Order"), self.position)
        form.addRow("", self.active)
        self.status = QLabel(
            self.tr(
                "A ticket type without a price is simply not sold. The full price is what the sell "
                "screen and the web charge."
            )
        )
        self.status.setObjectName("typeStatus")
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Venue")))
        top.addWidget(self.venue, 1)
        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.table, 1)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(add)
        right.addWidget(self.update_button)
        right.addWidget(self.status)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)

    def load(self) -> None:
        """Fetch the venues, then the chosen venue's ticket types (worker threads)."""
        self.runner.run(prices.venue_choices, self._venues, self._failed, owner=self)

    def _venues(self, venues) -> None:
        keep = self.venue.currentData()
        self.venue.blockSignals(True)
        self.venue.clear()
        for vid, name, _currency in venues:
            self.venue.addItem(name, vid)
        self.venue.blockSignals(False)
        if venues:
            index = self.venue.findData(keep)
            self.venue.setCurrentIndex(max(index, 0))
            self._load_types()

    def _load_types(self) -> None:
        venue_id = self.venue.currentData()
        if venue_id is not None:
            self.runner.run(
                lambda s: prices.all_ticket_types(s, venue_id=venue_id), self._show, self._failed, owner=self
            )

    def _show(self, types) -> None:
        self.types = types
        self.table.setRowCount(len(types))
        for row, (t, active) in enumerate(types):
            for col, value in enumerate([str(t.position), t.name, t.code, "yes" if active else "no"]):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.update_button.setEnabled(False)

    def _selected(self, row: int) -> None:
        if not 0 <= row < len(self.types):
            return
        t, active = self.types[row]
        self.name.setText(t.name)
        self.position.setValue(t.position)
        self.active.setChecked(active)
        self.update_button.setEnabled(True)

    def save(self, *, new: bool) -> None:
        """Add the form as a new type, or save it over the selected one (worker thread)."""
        venue_id = self.venue.currentData()
        row = self.table.currentRow()
        type_id = None if new or not 0 <= row < len(self.types) else self.types[row][0].id
        values = dict(
            venue_id=venue_id,
            name=self.name.text(),
            position=self.position.value(),
            active=self.active.isChecked(),
            type_id=type_id,
        )

        def done(_id) -> None:
            self.status.setStyleSheet("color: #15803d;")
            self.status.setText(self.tr("Saved “{name}”.").format(name=values["name"].strip()))
            self._load_types()

        self.runner.run(lambda s: prices.save_ticket_type(s, **values), done, self._failed, owner=self)

    def _failed(self, exc: BaseException) -> None:
        self.status.setStyleSheet("color: #b91c1c;")
        self.status.setText(describe_error(exc))
