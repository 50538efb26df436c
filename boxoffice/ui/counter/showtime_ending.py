"""The counter's "Show ended" box and the picker's started / ended marks
(rules in ``services/showtime_ending.py``). The sell screen hands its showtimes to
:meth:`EndedToggle.fill`; ticking the box or a minute passing refills the picker in place
(the open showtime stays open and selected)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QCheckBox, QComboBox

from boxoffice.services import showtime_ending
from boxoffice.services.catalog import ShowtimeSummary
from boxoffice.ui.common import i18n


class EndedToggle(QCheckBox):
    """The "Show ended" box (object name ``showEnded``) for ``picker``, whose items carry
    showtime ids as item data."""

    def __init__(self, picker: QComboBox) -> None:
        super().__init__(picker.parentWidget())
        self.setText(self.tr("Show ended"))
        self.setObjectName("showEnded")
        self.setToolTip(self.tr("List showtimes whose sales have closed after the start (managers can still sell)"))
        self.picker = picker
        self.showtimes: list[ShowtimeSummary] = []
        self.toggled.connect(lambda _on: self._refill())
        self._minute = QTimer(self)
        self._minute.setInterval(60_000)
        self._minute.timeout.connect(self._refill)
        self._minute.start()

    def fill(self, showtimes: list[ShowtimeSummary]) -> list[ShowtimeSummary]:
        """List ``showtimes`` in the picker (ended ones only when ticked); returns those listed."""
        self.showtimes = list(showtimes)
        return self._refill()

    def label(self, s: ShowtimeSummary, now: dt.datetime | None = None) -> str:
        """``"Sat 28 Nov 19:30 · Film · Screen 2 (started)"``: the hall where the venue has
        several, and why it cannot be sold or that it has started."""
        local = s.starts_at.astimezone(ZoneInfo(s.timezone))
        phase = showtime_ending.phase(s, now)
        note = s.sale_note(now)
        if phase == showtime_ending.ENDED:
            note = self.tr("ended")
        elif phase == showtime_ending.STARTED:
            note = self.tr("started") + (f", {note}" if note else "")
        hall = f" · {s.hall}" if getattr(s, "hall", "") else ""
        return f"{i18n.date_time(local, date='MMMEd')} · {s.title}{hall}" + (f" ({note})" if note else "")

    def _refill(self) -> list[ShowtimeSummary]:
        now = dt.datetime.now(dt.UTC)
        current = self.picker.currentData()
        shown = showtime_ending.visible(self.showtimes, show_ended=self.isChecked(), keep=current, now=now)
        self.picker.blockSignals(True)
        self.picker.clear()
        for s in shown:
            self.picker.addItem(self.label(s, now), s.id)
        self.picker.setCurrentIndex(max(0, self.picker.findData(current)) if current is not None else -1)
        self.picker.blockSignals(False)
        return shown
