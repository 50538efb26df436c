"""The door screen's side panel: admitted / expected per showtime and per gate, an
arrivals-over-time chart (drawn with QPainter), and the offline conflicts to look into."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QLabel, QListWidget, QProgressBar, QSizePolicy, QVBoxLayout, QWidget

from boxoffice.services.door_info import DoorCounters, DoorShowtime
from boxoffice.ui.common import i18n

_ORIGIN = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


class ArrivalsChart(QWidget):
    """Bars of first entries per time bucket (the last ``span`` buckets), newest right."""

    def __init__(self, parent: QWidget | None = None, *, span: int = 18) -> None:
        super().__init__(parent)
        self.setObjectName("arrivalsChart")
        self.setMinimumHeight(130)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.span = span
        self.tz: dt.tzinfo = dt.UTC
        self.buckets: list[tuple[dt.datetime, int]] = []
        self.bucket_minutes = 5

    def set_data(self, arrivals: list[tuple[dt.datetime, int]], bucket_minutes: int, now: dt.datetime) -> None:
        """Show ``arrivals`` (bucket start, count) up to ``now``; empty buckets drawn as gaps."""
        step = dt.timedelta(minutes=bucket_minutes)
        counts = {start: n for start, n in arrivals}
        current = now - (now - _ORIGIN) % step  # the bucket now is in (same origin as the SQL date_bin)
        self.buckets = [(current - step * i, counts.get(current - step * i, 0)) for i in reversed(range(self.span))]
        self.bucket_minutes = bucket_minutes
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(4, 18, -4, -18)
        p.fillRect(self.rect(), QColor("#fafafa"))
        small = QFont(self.font())
        small.setPixelSize(11)
        p.setFont(small)
        p.setPen(QColor("#5f6368"))
        p.drawText(
            QRectF(4, 0, self.width() - 8, 16),
            Qt.AlignmentFlag.AlignLeft,
            self.tr("Arrivals per {bucket_minutes} min").format(bucket_minutes=self.bucket_minutes),
        )
        if not self.buckets:
            return
        top = max(1, max(n for _, n in self.buckets))
        p.drawText(
            QRectF(4, 0, self.width() - 8, 16), Qt.AlignmentFlag.AlignRight, self.tr("max {top}").format(top=top)
        )
        width = rect.width() / len(self.buckets)
        p.setPen(QPen(QColor("#dadce0"), 1))
        p.drawLine(rect.bottomLeft(), rect.bottomRight())
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#1e7d34"))
        for i, (_, n) in enumerate(self.buckets):
            if n:
                h = rect.height() * n / top
                p.drawRect(QRectF(rect.left() + i * width + 1, rect.bottom() - h, max(1.0, width - 2), h))
        p.setPen(QColor("#5f6368"))
        label_w = 40.0
        for i in (0, len(self.buckets) // 2, len(self.buckets) - 1):
            local = self.buckets[i][0].astimezone(self.tz)
            centre = rect.left() + (i + 0.5) * width
            x = min(max(rect.left(), centre - label_w / 2), rect.right() - label_w)  # never cut at the edges
            p.drawText(QRectF(x, rect.bottom() + 2, label_w, 14), Qt.AlignmentFlag.AlignHCenter, i18n.time_of(local))
        p.end()


class DoorStats(QWidget):
    """Counters, chart and conflicts (read-only; never takes the keyboard focus)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("doorStats")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.showtimes: dict[int, DoorShowtime] = {}
        self.total = QLabel(self.tr("– / – admitted"))
        self.total.setObjectName("admittedTotal")
        big = QFont(self.font())
        big.setPixelSize(26)
        big.setBold(True)
        self.total.setFont(big)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(10)
        self.per_showtime = QLabel("")
        self.per_showtime.setObjectName("perShowtime")
        self.per_showtime.setWordWrap(True)
        self.per_gate = QLabel("")
        self.per_gate.setObjectName("perGate")
        self.per_gate.setWordWrap(True)
        self.chart = ArrivalsChart()
        self.conflicts = QListWidget()
        self.conflicts.setObjectName("conflicts")
        self.conflicts.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.conflicts.setMaximumHeight(140)
        self.conflicts_title = QLabel(self.tr("<b>Offline conflicts</b> (reported to the manager)"))
        self.conflicts_title.setVisible(False)
        self.conflicts.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(QLabel(self.tr("<b>Admitted / expected</b>")))
        layout.addWidget(self.total)
        layout.addWidget(self.bar)
        layout.addWidget(self.per_showtime)
        layout.addSpacing(6)
        layout.addWidget(QLabel(self.tr("<b>By gate</b> (first entries)")))
        layout.addWidget(self.per_gate)
        layout.addSpacing(6)
        layout.addWidget(self.chart)
        layout.addWidget(self.conflicts_title)
        layout.addWidget(self.conflicts)
        layout.addStretch(1)

    def set_showtimes(self, showtimes: list[DoorShowtime], tz: dt.tzinfo) -> None:
        """The showtimes served (for their names) and the venue's time zone."""
        self.showtimes = {s.id: s for s in showtimes}
        self.chart.tz = tz

    def set_counters(self, counters: DoorCounters) -> None:
        """Show fresh counters."""
        self.total.setText(f"{counters.admitted} / {counters.expected}")
        self.bar.setRange(0, max(1, counters.expected))
        self.bar.setValue(counters.admitted)
        if len(counters.showtimes) > 1:
            lines = []
            metrics = QFontMetrics(self.per_showtime.font())
            for c in counters.showtimes:
                st = self.showtimes.get(c.showtime_id)
                local = st.starts_at.astimezone(self.chart.tz) if st else None
                head = i18n.time_of(local) + " " if local else ""
                tail = f": {c.admitted} / {c.expected}"
                room = max(40, self.width() - 30 - metrics.horizontalAdvance(head + tail))
                name = metrics.elidedText(
                    st.title if st else self.tr("showtime {showtime_id}").format(showtime_id=c.showtime_id),
                    Qt.TextElideMode.ElideRight,
                    room,
                )
                lines.append(f"{head}{name}{tail}")
            self.per_showtime.setText("\n".join(lines))
        else:
            inside = sum(c.inside for c in counters.showtimes)
            self.per_showtime.setText(
                self.tr("{inside} inside now").format(inside=inside) if inside != counters.admitted else ""
            )
        self.per_gate.setText(
            "\n".join(f"{gate}: {n}" for gate, n in sorted(counters.per_gate.items())) or self.tr("no entries yet")
        )
        self.chart.set_data(counters.arrivals, counters.bucket_minutes, counters.taken_at)

    def add_conflict(self, text: str) -> None:
        """List an offline conflict (newest first)."""
        self.conflicts.insertItem(0, text)
        self.conflicts.setVisible(True)
        self.conflicts_title.setVisible(True)
