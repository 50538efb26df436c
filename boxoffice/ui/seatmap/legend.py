"""The legend under the seat map: price categories with this showtime's prices, then seat states."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from boxoffice.ui.common.i18n import format_money

if TYPE_CHECKING:
    from boxoffice.services.catalog import SeatMap
    from boxoffice.ui.seatmap.map_view import LegendEntry

SWATCH = 16
LINE_BUDGET = 880  # px: a legend line wider than this wraps (the map's column at 1366 x 768)


def _swatch(color: str) -> QPixmap:
    pixmap = QPixmap(SWATCH, SWATCH)
    pixmap.fill(QColor(color) if QColor.isValidColorName(color or "") else QColor("#4f8fd6"))
    return pixmap


class LegendBar(QFrame):
    """Legend entries (icon + text), rebuilt by :meth:`show_map`: lines of price
    categories (wrapped before a line grows past :data:`LINE_BUDGET` pixels, so a
    stadium's seven categories never widen the window past a 1366-pixel screen) above a
    line of seat looks.

    Categories read ``"Premium £45.00"``; an unpriced category reads ``"… not on sale"``.
    ``entries()`` gives the texts shown, in order (for tests and screen readers).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._rows = QVBoxLayout(self)
        self._rows.setContentsMargins(8, 4, 8, 4)
        self._rows.setSpacing(2)
        self._lines: list[QHBoxLayout] = []
        self._texts: list[str] = []
        self._keys: dict[int, QLabel] = {}  # category id -> its key badge (best available)
        self._holders: dict[int, QWidget] = {}

    def entries(self) -> list[str]:
        """The texts of the entries now shown, categories first."""
        return list(self._texts)

    def show_map(self, seat_map: SeatMap, states: list[LegendEntry]) -> None:
        """Show ``seat_map``'s categories (colour, name, price in its currency) and the
        seat-state swatches ``states`` (from :meth:`SeatMapView.legend_entries`)."""
        for line in self._lines:
            while line.count():
                item = line.takeAt(0)
                if item.widget():
                    item.widget().deleteLater()
            self._rows.removeItem(line)
            line.deleteLater()
        self._lines = []
        self._texts = []
        self._keys, self._holders = {}, {}
        categories = sorted(
            seat_map.categories.values(), key=lambda c: (c.price_minor is None, -(c.price_minor or 0), c.name)
        )
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        line, used = self._new_line(), 0
        for category in categories:
            price = (
                self.tr("not on sale")
                if category.price_minor is None
                else format_money(category.price_minor, seat_map.currency)
            )
            text = f"{category.name} {price}"
            width = SWATCH + 5 + metrics.horizontalAdvance(text) + 60 + 14  # swatch, text, key badge, spacing
            if used and used + width > LINE_BUDGET:
                line.addStretch(1)
                line, used = self._new_line(), 0
            used += width
            holder = self._add(line, _swatch(category.color), text, bold=True)
            key = QLabel("")
            key.setObjectName("categoryKey")
            key.setStyleSheet("color: #374151; border: 1px solid #9ca3af; border-radius: 3px; padding: 0 3px;")
            key.hide()
            holder.layout().insertWidget(0, key)
            self._keys[category.id], self._holders[category.id] = key, holder
        line.addStretch(1)
        dpr = self.devicePixelRatioF()
        looks = self._new_line()
        for entry in states:
            self._add(looks, entry.pixmap(SWATCH, dpr), entry.label)
        looks.addStretch(1)

    def _new_line(self) -> QHBoxLayout:
        line = QHBoxLayout()
        line.setSpacing(14)
        self._rows.addLayout(line)
        self._lines.append(line)
        return line

    def show_keys(self, keys: dict[int, str], active: int | None = None) -> None:
        """Show each category's key (``keys``: category id -> e.g. ``"Ctrl+1"``) before its
        name, and mark ``active`` (the category best available is limited to)."""
        for cid, badge in self._keys.items():
            badge.setText(keys.get(cid, ""))
            badge.setVisible(cid in keys)
            self._holders[cid].setStyleSheet(
                "QWidget#legendCategory { background: #dcfce7; border-radius: 4px; }" if cid == active else ""
            )
            self._holders[cid].setObjectName("legendCategory")

    def key_texts(self) -> list[str]:
        """The category keys shown, in order (``"Ctrl+1 A €25.00"``), for tests."""
        return [
            f"{self._keys[cid].text()} {text}"
            for cid, text in zip(self._keys, self._texts, strict=False)
            if self._keys[cid].isVisible() or self._keys[cid].text()
        ]

    def _add(self, line: QHBoxLayout, pixmap: QPixmap, text: str, *, bold: bool = False) -> QWidget:
        icon = QLabel()
        icon.setPixmap(pixmap)
        label = QLabel(f"<b>{text}</b>" if bold else text)
        label.setTextFormat(Qt.TextFormat.RichText if bold else Qt.TextFormat.PlainText)
        box = QHBoxLayout()
        box.setSpacing(5)
        box.addWidget(icon)
        box.addWidget(label)
        holder = QWidget()
        holder.setLayout(box)
        box.setContentsMargins(0, 0, 0, 0)
        line.addWidget(holder)
        self._texts.append(text)
        return holder
