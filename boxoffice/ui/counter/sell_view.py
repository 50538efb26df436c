"""The sell screen's view: its widgets and how they show things, with no use cases and no
database work (those are the controller's, :class:`boxoffice.ui.counter.sell.SellScreen`, which
subclasses this view as TagStudio's ``qt/controllers`` do their ``qt/views``).

``top_bar`` is the row the showtime picker sits in, for extra controls (the controller puts
halls' "Show ended" box there, which also fills the picker: ui/counter/showtime_ending.py).
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from boxoffice.services.catalog import ShowtimeSummary
from boxoffice.ui.common import i18n
from boxoffice.ui.counter.basket_panel import BasketPanel
from boxoffice.ui.counter.map_notice import MapNotice
from boxoffice.ui.seatmap.legend import LegendBar
from boxoffice.ui.seatmap.map_view import SeatMapView

BANNER_STYLE = "background: #fef3c7; color: #78350f; border: 1px solid #f59e0b; border-radius: 4px; padding: 6px;"


def showtime_label(s: ShowtimeSummary) -> str:
    """Picker text, e.g. ``"Sat 28 Nov 19:30 · The Importance of Being Earnest"``."""
    local = s.starts_at.astimezone(ZoneInfo(s.timezone))
    note = s.sale_note()
    status = f" ({note})" if note else ""
    return f"{i18n.date_time(local, date='MMMEd')} · {s.title}{status}"


class SellView(QWidget):
    """The sell screen's widgets: showtime picker and facts, block-mode button, the
    connection banner, the seat map with its notice and legend, the basket panel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picker = QComboBox()
        self.picker.setObjectName("showtimePicker")
        self.picker.setEditable(True)
        self.picker.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.picker.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.picker.setMinimumWidth(420)
        self.info = QLabel("")
        self.info.setStyleSheet("color: #555;")
        self.block_mode = QPushButton(QCoreApplication.translate("SellView", "Block seats"))
        self.block_mode.setObjectName("blockMode")
        self.block_mode.setCheckable(True)
        self.block_mode.setToolTip(
            QCoreApplication.translate("SellView", "Block or release seats of this showtime (Ctrl+B)")
        )
        self.top_bar = QHBoxLayout()
        self.top_bar.addWidget(QLabel(QCoreApplication.translate("SellView", "Showtime")))
        self.top_bar.addWidget(self.picker, 1)
        self.top_bar.addWidget(self.info)
        self.top_bar.addWidget(self.block_mode)

        self.banner = QLabel("")
        self.banner.setObjectName("connectionBanner")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.map = SeatMapView()
        self.notice = MapNotice(self.map)  # refusals, lost races, what is typed
        self.legend = LegendBar()
        self.panel = BasketPanel()
        self.bars = QVBoxLayout()  # bars above the map (block mode)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.map, 1)
        left_layout.addWidget(self.legend)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.panel)
        split.setStretchFactor(0, 1)
        split.setSizes([960, 400])
        layout = QVBoxLayout(self)
        layout.addLayout(self.top_bar)
        layout.addWidget(self.banner)
        layout.addLayout(self.bars)
        layout.addWidget(split, 1)

    def show_connection(self, down: bool, retry_in: float | None = None, *, restoring: bool = False) -> None:
        """The connection banner above the map: down (with the next try's delay),
        restoring (refreshing the map), or hidden. The basket shows it too."""
        if restoring:
            self.banner.setText(QCoreApplication.translate("SellView", "Connection restored. Refreshing the seat map…"))
            return
        if not down:
            self.banner.hide()
            return
        wait = (
            QCoreApplication.translate("SellView", " (next try in {retry_in:.0f} s)").format(retry_in=retry_in)
            if retry_in and retry_in >= 1
            else ""
        )
        self.banner.setText(
            QCoreApplication.translate(
                "SellView",
                "<b>No connection to the database.</b> Reconnecting{wait}… Selling is paused: seats cannot be "
                "picked and nothing can be paid until it is back. The basket is kept and the map refreshes "
                "once the connection is back.",
            ).format(wait=wait)
        )
        self.banner.show()
