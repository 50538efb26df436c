"""The seat map's levels of detail for large plans, and what stays visible at every zoom.

By the on-screen diameter of a typical seat (``d``, see :func:`level_for`):

* ``shapes`` (``d`` < :data:`SHAPES_BELOW_PX`): each section is its outline, filled by
  how much of it is free (:func:`availability_color`), with its name and free count;
* ``dots`` (large plans, up to :data:`SEATS_FROM_PX`): each section's seats as coloured
  dots from a picture made once per section and change (drawn scaled, so a zoom or pan
  frame is a few image blits whatever the seat count);
* ``seats``: the row chunks of :mod:`boxoffice.ui.seatmap.items` (seat looks, row
  labels, then seat numbers).

At every level the seats in this basket are drawn as markers of a fixed screen size on
top (:class:`BasketMarkers`), section names stay readable (:class:`SectionNames`: inside
the outline when zoomed out, beside the section when seats show), and a found seat is
ringed (:class:`FoundRing`).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from boxoffice.ui.seatmap.items import HoverRing, sprite
from boxoffice.ui.seatmap.labels import NAME_COLOR, PIN_BACK, SectionNames, free_words
from boxoffice.ui.seatmap.looks import DOT_COLORS, guarded, pen
from boxoffice.ui.seatmap.store import SeatStore, Section

__all__ = ["NAME_COLOR", "PIN_BACK", "SectionNames", "free_words"]  # their home is ui.seatmap.labels

SHAPES_BELOW_PX = 3.0  # typical seat diameter on screen below which sections are shapes
SEATS_FROM_PX = 11.0  # ... from which a large plan's seats are drawn one by one
SMALL_PLAN = 6000  # plans of at most this many seats skip the dots level
DOT_IMAGE_PX = 6.0  # seat diameter in the dots pictures
MAX_IMAGE_SIDE = 2048
MARKER_PX = 14.0  # basket markers' diameter on screen

SOLD_OUT, FEW_LEFT, SOME_LEFT, MANY_LEFT = QColor("#c3c8cf"), QColor("#f2b544"), QColor("#9dd19a"), QColor("#4fae7b")
OUTLINE = QColor("#5b6270")
SEATS_TINT = QColor(255, 255, 255, 110)


def level_for(d: float, seats: int) -> str:
    """The level of detail (``"shapes"``, ``"dots"`` or ``"seats"``) for a typical seat
    diameter of ``d`` screen pixels on a plan of ``seats`` seats."""
    if d < SHAPES_BELOW_PX:
        return "shapes"
    if seats <= SMALL_PLAN or d >= SEATS_FROM_PX:
        return "seats"
    return "dots"


def availability_color(free: int, total: int) -> QColor:
    """A section's fill by its free seats: grey when sold out, amber when under 15 % is
    free, light green under half, green from half."""
    if free <= 0 or total <= 0:
        return SOLD_OUT
    share = free / total
    return FEW_LEFT if share < 0.15 else SOME_LEFT if share < 0.5 else MANY_LEFT


class SectionLayer(QGraphicsItem):
    """Section outlines (``shapes``), their seats as dots (``dots``) or a light tint behind
    the seats (``seats``): one item for the whole plan, below the seats."""

    def __init__(self, store: SeatStore, bounds: QRectF) -> None:
        super().__init__()
        self.store, self._bounds, self.level = store, bounds, "seats"
        self.setZValue(-5)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)
        self._brushes: dict[int, QBrush] = {}
        self._outline = QPen(OUTLINE, 1)
        self._outline.setCosmetic(True)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        """The whole plan."""
        return self._bounds

    def set_level(self, level: str) -> None:
        """Draw at ``level`` from now on."""
        if level != self.level:
            self.level = level
            self.update()

    def changed(self, sections: set[int]) -> None:
        """Seats of these sections (positions in ``store.sections``) changed look."""
        for k in sections:
            section = self.store.sections[k]
            section.image_dirty = True
            if self.level != "seats":
                self.update(section.bounds)

    @guarded
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        """Draw the sections that meet the exposed area."""
        exposed = option.exposedRect
        visible = [s for s in self.store.sections if s.bounds.intersects(exposed)]
        if self.level == "shapes":
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(self._outline)
            for s in visible:
                painter.setBrush(self._brush(availability_color(s.free, s.total)))
                painter.drawPolygon(s.hull)
        elif self.level == "dots":
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(SEATS_TINT)
            for s in visible:
                painter.drawPolygon(s.hull)
                image, rect = self.image_of(s)
                painter.drawImage(rect, image)
        else:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(SEATS_TINT)
            for s in visible:
                painter.drawPolygon(s.hull)

    def _brush(self, color: QColor) -> QBrush:
        key = color.rgba()
        if key not in self._brushes:
            self._brushes[key] = QBrush(color)
        return self._brushes[key]

    def image_of(self, s: Section) -> tuple[QImage, QRectF]:
        """The section's seats as dots (made again if a seat changed look since)."""
        if s.image is None or s.image_dirty:
            s.image, s.image_dirty = self._draw_dots(s), False
        return s.image  # type: ignore[return-value]

    def prepare(self, budget_s: float, clock: Callable[[], float] = time.perf_counter) -> bool:
        """Make the dots pictures still missing for up to ``budget_s`` seconds (idle time
        after opening a plan); returns True while some remain."""
        started = clock()
        for s in self.store.sections:
            if s.image is None or s.image_dirty:
                self.image_of(s)
                if clock() - started > budget_s:
                    return True
        return False

    def _draw_dots(self, s: Section) -> tuple[QImage, QRectF]:
        store, box = self.store, s.bounds
        k = DOT_IMAGE_PX / (2 * store.typical_r)
        k = min(k, MAX_IMAGE_SIDE / max(box.width(), 1.0), MAX_IMAGE_SIDE / max(box.height(), 1.0))
        image = QImage(
            max(1, int(box.width() * k) + 1),
            max(1, int(box.height() * k) + 1),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        image.fill(Qt.GlobalColor.transparent)
        groups: dict[tuple[str, float], list[QPointF]] = {}
        xs, ys, rs, visual, colors = store.xs, store.ys, store.rs, store.visual, store.colors
        x0, y0 = box.x(), box.y()
        for i in s.indices:
            v = visual[i]
            color = colors[i] if v == "available" else DOT_COLORS[v].name()
            groups.setdefault((color, rs[i]), []).append(QPointF((xs[i] - x0) * k, (ys[i] - y0) * k))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for (color, r), points in groups.items():
            painter.setPen(pen(QColor(color), max(1.0, 2 * r * k * 0.85)))
            painter.drawPoints(QPolygonF(points))
        painter.end()
        return image, QRectF(x0, y0, image.width() / k, image.height() / k)


class BasketMarkers(QGraphicsItem):
    """The seats in this basket as markers of :data:`MARKER_PX` screen pixels, drawn
    whenever seats are smaller than that on screen, so they show at any zoom."""

    def __init__(self, store: SeatStore) -> None:
        super().__init__()
        self.store, self._bounds, self._scale = store, QRectF(), 1.0
        self.seats: list[int] = []
        self.setZValue(8)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def place(self, seats: list[int], scale: float) -> None:
        """Mark ``seats`` (indices), seen at view ``scale``."""
        self.prepareGeometryChange()
        self.seats, self._scale = list(seats), max(scale, 1e-9)
        if not self.seats:
            self._bounds = QRectF()
            return
        xs, ys = [self.store.xs[i] for i in self.seats], [self.store.ys[i] for i in self.seats]
        m = MARKER_PX / self._scale
        self._bounds = QRectF(min(xs) - m, min(ys) - m, max(xs) - min(xs) + 2 * m, max(ys) - min(ys) + 2 * m)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        """The marked seats and their markers."""
        return self._bounds

    @guarded
    def paint(self, painter: QPainter, option, widget=None) -> None:
        """A marker on each basket seat, unless the seats are drawn at least as large."""
        m = painter.worldTransform()
        if 2 * self.store.typical_r * m.m11() >= MARKER_PX:
            return
        dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
        painter.resetTransform()
        s = self.store
        for i in self.seats:
            picture = sprite("mine", s.colors[i], MARKER_PX, dpr, s.wheel[i], False)
            half = picture.width() / dpr / 2
            p = m.map(QPointF(s.xs[i], s.ys[i]))
            painter.drawPixmap(QPointF(p.x() - half, p.y() - half), picture)


class FoundRing(HoverRing):
    """A thick orange ring around the seat found by the seat search."""

    def __init__(self) -> None:
        super().__init__()
        self._pen = QPen(QColor("#ea580c"), 4)
        self._pen.setCosmetic(True)
        self.setZValue(9)
