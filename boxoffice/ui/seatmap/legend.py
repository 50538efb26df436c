"""The legend under the seat map: price categories with this showtime's prices, then seat states."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from boxoffice.ui.common.i18n import format_money

if TYPE_CHECKING:
    from boxoffice.services.catalog import SeatMap
    from boxoffice.ui.seatmap.map_view import LegendEntry

SWATCH = 16


def _swatch(color: str) -> QPixmap:
    pixmap = QPixmap(SWATCH, SWATCH)
    pixmap.fill(QColor(color) if QColor.isValidColorName(color or "") else QColor("#4f8fd6"))
    return pixmap


class LegendBar(QFrame):
    """Legend entries (icon + text), rebuilt by :meth:`show_map`: a line of price
    categories above a line of seat looks.

    Categories read ``"Premium £45.00"``; an unpriced category reads ``"… not on sale"``.
    ``entries()`` gives the texts shown, in order (for tests and screen readers).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(8, 4, 8, 4)
        rows.setSpacing(2)
        self._lines = [QHBoxLayout(), QHBoxLayout()]
        for line in self._lines:
            line.setSpacing(14)
            rows.addLayout(line)
        self._texts: list[str] = []

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
        self._texts = []
        categories = sorted(
            seat_map.categories.values(), key=lambda c: (c.price_minor is None, -(c.price_minor or 0), c.name)
        )
        for category in categories:
            price = (
                self.tr("not on sale")
                if category.price_minor is None
                else format_money(category.price_minor, seat_map.currency)
            )
            self._add(self._lines[0], _swatch(category.color), f"{category.name} {price}", bold=True)
        dpr = self.devicePixelRatioF()
        for entry in states:
            self._add(self._lines[1], entry.pixmap(SWATCH, dpr), entry.label)
        for line in self._lines:
            line.addStretch(1)

    def _add(self, line: QHBoxLayout, pixmap: QPixmap, text: str, *, bold: bool = False) -> None:
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
