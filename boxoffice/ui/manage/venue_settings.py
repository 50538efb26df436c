"""Manage → Venue settings…: a venue's name, address, tax number, currency, time zone
(searchable list from ``zoneinfo``), locale (Babel's list), when showtimes go off sale
after they start, and its halls (add, rename). Saved through ``services/venues``
(managers: ``setup``; the database checks and audits every change)."""

from __future__ import annotations

from babel.numbers import list_currencies
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from boxoffice.services import venues as venue_service
from boxoffice.services.venues import VenueSettings
from boxoffice.ui.common.tasks import TaskRunner, describe_error


def _searchable(box: QComboBox) -> QComboBox:
    """An editable combo whose typed text finds items anywhere in their text."""
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.completer().setFilterMode(Qt.MatchFlag.MatchContains)
    box.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    box.completer().setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return box


class VenueSettingsDialog(QDialog):
    """Edits one venue at a time (``venue`` combo). Object names: ``venueName``,
    ``address``, ``taxNumber``, ``currency``, ``timezone``, ``locale`` (item data: the
    locale id), ``offSaleMinutes``, ``halls`` (list; item data: hall id), ``hallName``,
    ``addHall``, ``renameHall``, ``save``, ``status``."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Venue settings"))
        self.runner = runner
        self.venues: list[VenueSettings] = []
        self.venue = QComboBox()
        self.venue.setObjectName("venue")
        self.venue.currentIndexChanged.connect(self._show_venue)
        self.name = QLineEdit()
        self.name.setObjectName("venueName")
        self.name.setMaxLength(200)
        self.address = QPlainTextEdit()
        self.address.setObjectName("address")
        self.address.setPlaceholderText(self.tr("Street and number\nPostcode and town"))
        self.address.setFixedHeight(70)
        self.tax_number = QLineEdit()
        self.tax_number.setObjectName("taxNumber")
        self.tax_number.setMaxLength(40)
        self.currency = _searchable(QComboBox())
        self.currency.setObjectName("currency")
        self.currency.addItems(sorted(list_currencies()))
        self.timezone = _searchable(QComboBox())
        self.timezone.setObjectName("timezone")
        self.timezone.addItems(venue_service.timezone_names())
        self.locale = _searchable(QComboBox())
        self.locale.setObjectName("locale")
        for ident, name in venue_service.locale_choices():
            self.locale.addItem(f"{ident} · {name}", ident)
        self.off_sale = QSpinBox()
        self.off_sale.setObjectName("offSaleMinutes")
        self.off_sale.setRange(*venue_service.OFF_SALE_RANGE)
        self.off_sale.setSingleStep(5)
        self.off_sale.setSuffix(self.tr(" min after the start"))
        self.off_sale.setToolTip(
            self.tr("A showtime goes off sale this long after it starts, unless its own sales window says otherwise.")
        )
        form = QFormLayout()
        form.addRow(self.tr("Venue"), self.venue)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Tax (VAT) number"), self.tax_number)
        form.addRow(self.tr("Currency"), self.currency)
        form.addRow(self.tr("Time zone"), self.timezone)
        form.addRow(self.tr("Locale (money and dates)"), self.locale)
        form.addRow(self.tr("Off sale"), self.off_sale)

        self.halls = QListWidget()
        self.halls.setObjectName("halls")
        self.halls.currentItemChanged.connect(
            lambda item, _old: self.hall_name.setText(item.text() if item is not None else "")
        )
        self.hall_name = QLineEdit()
        self.hall_name.setObjectName("hallName")
        self.hall_name.setMaxLength(100)
        self.hall_name.setPlaceholderText(self.tr("Hall or screen name, e.g. Screen 2"))
        self.add_hall_button = QPushButton(self.tr("Add hall"))
        self.add_hall_button.setObjectName("addHall")
        self.add_hall_button.clicked.connect(self.add_hall)
        self.rename_button = QPushButton(self.tr("Rename selected"))
        self.rename_button.setObjectName("renameHall")
        self.rename_button.clicked.connect(self.rename_hall)
        hall_row = QHBoxLayout()
        hall_row.addWidget(self.hall_name, 1)
        hall_row.addWidget(self.add_hall_button)
        hall_row.addWidget(self.rename_button)
        hall_note = QLabel(
            self.tr(
                "Each hall (auditorium, screen) has its own seating plans; two showtimes in one hall never overlap, "
                "in different halls they may."
            )
        )
        hall_note.setWordWrap(True)
        hall_note.setStyleSheet("color: #555;")

        self.status = QLabel("")
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Halls")))
        layout.addWidget(self.halls, 1)
        layout.addLayout(hall_row)
        layout.addWidget(hall_note)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(560, 640)

    # -- reading -----------------------------------------------------------------------------

    def load(self) -> None:
        """Read every venue's settings on a worker."""
        self.status.setText(self.tr("Reading…"))
        self.runner.run(venue_service.list_venues, self._loaded, self._failed)

    def _loaded(self, venues: list[VenueSettings]) -> None:
        current = self.venue.currentData()
        self.venues = venues
        self.venue.blockSignals(True)
        self.venue.clear()
        for v in venues:
            self.venue.addItem(v.name, v.id)
        self.venue.setCurrentIndex(max(0, self.venue.findData(current)))
        self.venue.blockSignals(False)
        self._show_venue()
        self.status.setText("" if venues else self.tr("There is no venue yet: import a seating plan first."))

    def current(self) -> VenueSettings | None:
        """The venue being edited (as last read)."""
        return next((v for v in self.venues if v.id == self.venue.currentData()), None)

    def _show_venue(self) -> None:
        v = self.current()
        if v is None:
            return
        self.name.setText(v.name)
        self.address.setPlainText(v.address)
        self.tax_number.setText(v.tax_number)
        self.currency.setCurrentText(v.currency)
        self.timezone.setCurrentText(v.timezone)
        index = self.locale.findData(v.locale)
        if index >= 0:
            self.locale.setCurrentIndex(index)
        else:
            self.locale.setEditText(v.locale)
        self.off_sale.setValue(v.off_sale_after_minutes)
        self.halls.clear()
        for hall in v.halls:
            item = QListWidgetItem(hall.name)
            item.setData(Qt.ItemDataRole.UserRole, hall.id)
            self.halls.addItem(item)
        self.hall_name.clear()

    def _locale_id(self) -> str:
        """The chosen locale's id: the item's, or what was typed (its first word)."""
        text = self.locale.currentText().strip()
        index = self.locale.findText(text)
        if index >= 0:
            return self.locale.itemData(index)
        return text.split(" ", 1)[0]

    # -- writing -----------------------------------------------------------------------------

    def save(self) -> None:
        """Store the venue's settings on a worker, then read them again."""
        v = self.current()
        if v is None:
            return
        values = {
            "venue_id": v.id,
            "name": self.name.text(),
            "address": self.address.toPlainText(),
            "tax_number": self.tax_number.text(),
            "currency": self.currency.currentText().strip().upper(),
            "timezone": self.timezone.currentText().strip(),
            "locale": self._locale_id(),
            "off_sale_after_minutes": self.off_sale.value(),
        }

        def work(session):
            changes = venue_service.update_venue(session, **values)
            return changes, venue_service.list_venues(session)

        def done(result) -> None:
            changes, venues = result
            self._loaded(venues)
            self.status.setText(
                self.tr("Saved.") if changes else self.tr("Nothing changed."),
            )

        self.status.setText(self.tr("Saving…"))
        self.runner.run(work, done, self._failed)

    def add_hall(self) -> None:
        """Add a hall named as typed in ``hallName`` to the venue."""
        v, name = self.current(), self.hall_name.text().strip()
        if v is None or not name:
            self.status.setText(self.tr("Type the new hall's name first."))
            return

        def work(session):
            venue_service.add_hall(session, venue_id=v.id, name=name)
            return venue_service.list_venues(session)

        self._write(work, self.tr("Hall “{name}” added.").format(name=name))

    def rename_hall(self) -> None:
        """Rename the selected hall to the name typed in ``hallName``."""
        item, name = self.halls.currentItem(), self.hall_name.text().strip()
        if item is None or not name:
            self.status.setText(self.tr("Select a hall and type its new name."))
            return
        hall_id = item.data(Qt.ItemDataRole.UserRole)

        def work(session):
            venue_service.rename_hall(session, hall_id=hall_id, name=name)
            return venue_service.list_venues(session)

        self._write(work, self.tr("Hall renamed to “{name}”.").format(name=name))

    def _write(self, work, message: str) -> None:
        def done(venues) -> None:
            self._loaded(venues)
            self.status.setText(message)

        self.status.setText(self.tr("Saving…"))
        self.runner.run(work, done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(describe_error(exc))
