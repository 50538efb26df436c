"""Marks the counter draws over the seat map: the keyboard cursor's focus ring, the rings
of the seats best available offered, and a flashing ring on a seat that was refused.

Each mark is one small graphics item per seat, drawn at least ``MIN_PX`` across on
screen whatever the zoom (so a cursor on a 2-pixel stadium seat is still seen) and
never a seat item of the map's own, so the map's painting can change freely. The map
clears its scene when a plan is loaded: :meth:`MapMarks.clear` forgets items the
scene deleted.
"""

from __future__ import annotations

from collections.abc import Iterable

import shiboken6
from PySide6.QtCore import QObject, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView

MIN_PX = 12.0  # smallest on-screen diameter of a ring
MAX_PX = 160.0
CURSOR_COLOR = QColor("#1d4ed8")
OFFER_COLOR = QColor("#16a34a")
FLASH_COLOR = QColor("#dc2626")
FLASH_MS, FLASHES = 220, 8


class SeatRing(QGraphicsItem):
    """A ring around one seat: centre ``pos`` and seat radius ``r`` in plan units."""

    def __init__(self, pos: QPointF, r: float, color: QColor, width: float, z: float) -> None:
        super().__init__()
        self.r = r
        self.pen = QPen(color, width)
        self.pen.setCosmetic(True)
        self.setPos(pos)
        self.setZValue(z)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        half = MAX_PX / 2 + 4
        return QRectF(-half, -half, 2 * half, 2 * half)

    def paint(self, painter: QPainter, _option, _widget=None) -> None:
        views = self.scene().views() if self.scene() else []
        scale = views[0].transform().m11() if views else 1.0
        d = min(max(self.r * 2.0 * scale + 6.0, MIN_PX), MAX_PX)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(self.pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QPointF(0, 0), d / 2, d / 2)


class MapMarks(QObject):
    """The counter's marks on ``view`` (a seat map view). Seat positions come from
    ``where(seat_id) -> (QPointF, radius)`` (``None``: unknown seat)."""

    def __init__(self, view: QGraphicsView, where) -> None:
        super().__init__(view)
        self.view = view
        self.where = where
        self.cursor: SeatRing | None = None
        self.offer: list[SeatRing] = []
        self.flashing: list[SeatRing] = []
        self._flash_left = 0
        self._timer = QTimer(self)
        self._timer.setInterval(FLASH_MS)
        self._timer.timeout.connect(self._blink)

    def clear(self) -> None:
        """Forget every mark (the scene was cleared, or a new plan is shown)."""
        for item in [self.cursor, *self.offer, *self.flashing]:
            self._remove(item)
        self.cursor, self.offer, self.flashing = None, [], []
        self._timer.stop()

    def _ring(self, seat_id: int, color: QColor, width: float, z: float) -> SeatRing | None:
        found = self.where(seat_id)
        if found is None:
            return None
        pos, r = found
        ring = SeatRing(pos, r, color, width, z)
        self.view.scene().addItem(ring)
        return ring

    def _remove(self, item: SeatRing | None) -> None:
        if item is not None and shiboken6.isValid(item) and item.scene() is not None:
            item.scene().removeItem(item)

    def show_cursor(self, seat_id: int | None) -> None:
        """Put the focus ring on ``seat_id`` (``None``: hide it)."""
        self._remove(self.cursor)
        self.cursor = None if seat_id is None else self._ring(seat_id, CURSOR_COLOR, 3.0, 1e6 + 2)
        if self.cursor is not None:
            self.cursor.pen.setStyle(Qt.PenStyle.SolidLine)

    def show_offer(self, seat_ids: Iterable[int]) -> None:
        """Ring the seats best available just offered (empty: none)."""
        for item in self.offer:
            self._remove(item)
        self.offer = [r for s in seat_ids if (r := self._ring(s, OFFER_COLOR, 2.5, 1e6 + 1)) is not None]

    def flash(self, seat_ids: Iterable[int]) -> None:
        """Flash red rings on ``seat_ids`` (a refused or lost seat) for about two seconds."""
        for item in self.flashing:
            self._remove(item)
        self.flashing = [r for s in seat_ids if (r := self._ring(s, FLASH_COLOR, 4.0, 1e6 + 3)) is not None]
        self._flash_left = FLASHES
        if self.flashing:
            self._timer.start()

    def _blink(self) -> None:
        self._flash_left -= 1
        alive = [r for r in self.flashing if shiboken6.isValid(r)]
        for ring in alive:
            ring.setVisible(self._flash_left % 2 == 0)
        if self._flash_left <= 0 or not alive:
            self._timer.stop()
            for ring in alive:
                self._remove(ring)
            self.flashing = []


def reveal(view, rect: QRectF, *, seat_radius: float, min_px: float = 16.0) -> None:
    """Centre ``rect`` (plan units) in ``view``, zooming in first until a seat of
    ``seat_radius`` is at least ``min_px`` across (within the view's zoom limits)."""
    scale = view.transform().m11() or 1.0
    if seat_radius > 0 and 2 * seat_radius * scale < min_px and hasattr(view, "zoom_by"):
        view.zoom_by(min_px / (2 * seat_radius * scale))
    view.centerOn(rect.center())
