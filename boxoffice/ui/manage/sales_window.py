"""The Sales… dialog of Manage → Prices and showtimes: a showtime's sales window, doors
time and pause switch, shown and typed in the venue's time zone. Pure form: the caller
loads the settings and saves the result (``services/sales_window.py``) off the GUI thread."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from boxoffice.services.sales_window import SalesSettings
from boxoffice.ui.common import i18n


class SalesWindowDialog(QDialog):
    """Edit ``settings``; after ``exec()``, :meth:`values` gives the keyword arguments of
    ``sales_window.set_sales`` (aware times)."""

    def __init__(self, settings: SalesSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sales"))
        self.settings = settings
        self.zone = ZoneInfo(settings.timezone)
        start = settings.starts_at.astimezone(self.zone)
        self.rows = {}
        form = QFormLayout()
        defaults = {
            "on_sale_at": start - dt.timedelta(days=30),
            "off_sale_at": start + dt.timedelta(minutes=15),
            "doors_open_at": start - dt.timedelta(minutes=45),
        }
        labels = {
            "on_sale_at": (self.tr("On sale from"), self.tr("at once")),
            "off_sale_at": (self.tr("Off sale at"), self.tr("the venue's default (Venue settings)")),
            "doors_open_at": (self.tr("Doors open at"), self.tr("45 min before the start")),
        }
        for name, (label, empty) in labels.items():
            current = getattr(settings, name)
            use = QCheckBox()
            edit = QDateTimeEdit()
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("ddd dd MMM yyyy HH:mm")
            edit.setDateTime(self._qt(current or defaults[name]))
            edit.setEnabled(current is not None)
            use.setChecked(current is not None)
            use.toggled.connect(edit.setEnabled)
            use.setToolTip(self.tr("Unticked: {empty}").format(empty=empty))
            row = QHBoxLayout()
            row.addWidget(use)
            row.addWidget(edit, 1)
            row.addWidget(QLabel(self.tr("(unticked: {empty})").format(empty=empty)))
            form.addRow(label, row)
            self.rows[name] = (use, edit)
        self.paused = QCheckBox(self.tr("Sales paused (off sale) at every till and online"))
        self.paused.setObjectName("salesPaused")
        self.paused.setChecked(settings.paused)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("Times in {timezone}; the showtime starts {start}.").format(
                    timezone=settings.timezone, start=i18n.date_time(start)
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.paused)
        layout.addWidget(buttons)

    def _qt(self, when: dt.datetime) -> QDateTime:
        local = when.astimezone(self.zone).replace(tzinfo=None)
        return QDateTime(local.date(), local.time())

    def values(self) -> dict:
        """``on_sale_at``, ``off_sale_at``, ``doors_open_at`` (aware or ``None``) and ``paused``."""
        out: dict = {"paused": self.paused.isChecked()}
        for name, (use, edit) in self.rows.items():
            local = edit.dateTime().toPython().replace(second=0, microsecond=0)
            out[name] = local.replace(tzinfo=self.zone) if use.isChecked() else None
        return out
