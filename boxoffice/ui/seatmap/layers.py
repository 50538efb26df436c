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

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen
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
SUBPIXELS = 4  # dots are placed to a quarter of a pixel in their pictures

SOLD_OUT, FEW_LEFT, SOME_LEFT, MANY_LEFT = QColor("#c3c8cf"), QColor("#f2b544"), QColor("#9dd19a"), QColor("#4fae7b")
OUTLINE = QColor("#5b6270")
SEATS_TINT = QColor(255, 255, 255, 110)
DOT_NAMES = {visual: color.name() for visual, color in DOT_COLORS.items()}


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


def dot_sprite(color: str, width: float, qx: int, qy: int) -> tuple[QImage, int]:
    """A dot of ``width`` pixels in ``color`` centred ``qx``, ``qy`` quarter pixels right of
    and below the centre of the picture's pixel (``pad``, ``pad``); returns (picture, pad)."""
    pad = math.ceil(width / 2) + 1
    image = QImage(2 * pad + 2, 2 * pad + 2, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(pen(QColor(color), width))
    painter.drawPoint(QPointF(pad + qx / SUBPIXELS, pad + qy / SUBPIXELS))
    painter.end()
    return image, pad


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
        self._drawn: dict[int, list[str]] = {}  # section key -> its seats' colours in its dots picture
        self._waiting = False  # a section was drawn as a shape for want of its dots picture
        self._next_chunk = 0  # row chunks before this one have been prepared
        self._dot_sprites: dict[tuple, tuple[QImage, int]] = {}  # see _dots

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
            for s in visible:
                if s.image is None:  # not made yet (zoomed in right after opening): the shape until it is
                    painter.setBrush(self._brush(availability_color(s.free, s.total)))
                    painter.drawPolygon(s.hull)
                    self._waiting = True
                    continue
                painter.setBrush(SEATS_TINT)
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
        """The section's seats as dots, brought up to date: the seats that changed look
        since are drawn again in place (a whole section takes ~10 ms, a seat ~0.1 ms)."""
        if s.image is None:
            s.image, s.image_dirty = self._draw_dots(s), False
        elif s.image_dirty:
            self._patch_dots(s)
            s.image_dirty = False
        return s.image  # type: ignore[return-value]

    def prepare(self, budget_s: float, clock: Callable[[], float] = time.perf_counter) -> bool:
        """Make the dots pictures still missing, then sort the seats of the row chunks made
        so far into batches, for up to ``budget_s`` seconds (idle time after opening a plan); returns
        True while some remain. Sections drawn as shapes for want of their picture are
        repainted once it is made."""
        started = clock()
        for s in self.store.sections:
            if s.image is None or s.image_dirty:
                self.image_of(s)
                if self.level == "dots" and self._waiting:
                    self.update(s.bounds)
                if clock() - started > budget_s:
                    return True
        self._waiting = False
        chunks = self.store.chunk_items()  # those made so far (made on demand as they come into view)
        while self._next_chunk < len(chunks):
            chunk = chunks[self._next_chunk]
            if chunk is not None:
                chunk.prepare()
            self._next_chunk += 1
            if self._next_chunk % 32 == 0 and clock() - started > budget_s:
                return True
        return False

    def _dot_color(self, i: int) -> str:
        v = self.store.visual[i]
        return self.store.colors[i] if v == "available" else DOT_NAMES[v]

    def _scale_of(self, s: Section) -> float:
        box = s.bounds
        k = DOT_IMAGE_PX / (2 * self.store.typical_r)
        return min(k, MAX_IMAGE_SIDE / max(box.width(), 1.0), MAX_IMAGE_SIDE / max(box.height(), 1.0))

    def _draw_dots(self, s: Section) -> tuple[QImage, QRectF]:
        box, k = s.bounds, self._scale_of(s)
        image = QImage(
            max(1, int(box.width() * k) + 1),
            max(1, int(box.height() * k) + 1),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        image.fill(Qt.GlobalColor.transparent)
        colors = [self._dot_color(i) for i in s.indices]
        self._drawn[s.key] = colors
        painter = QPainter(image)
        self._dots(painter, s, k, list(range(len(s.indices))), colors)
        painter.end()
        return image, QRectF(box.x(), box.y(), image.width() / k, image.height() / k)

    def _dots(self, painter: QPainter, s: Section, k: float, which: list[int], colors: list[str]) -> None:
        """Draw the seats at positions ``which`` of ``s.indices`` as dots in ``colors``:
        each a blit of a dot picture made for its colour, size and position within the
        pixel to a quarter pixel (~2 µs a seat; drawing each as an antialiased point took ~9)."""
        xs, ys, rs, indices = self.store.xs, self.store.ys, self.store.rs, s.indices
        x0, y0 = s.bounds.x(), s.bounds.y()
        draw, sprites = painter.drawImage, self._dot_sprites
        for j in which:
            i = indices[j]
            fx, fy = (xs[i] - x0) * k, (ys[i] - y0) * k
            ix, iy = math.floor(fx), math.floor(fy)
            qx, qy = int((fx - ix) * SUBPIXELS + 0.5), int((fy - iy) * SUBPIXELS + 0.5)
            key = (colors[j], rs[i], k, qx, qy)
            hit = sprites.get(key)
            if hit is None:
                hit = sprites[key] = dot_sprite(colors[j], max(1.0, 2 * rs[i] * k * 0.85), qx, qy)
            draw(ix - hit[1], iy - hit[1], hit[0])

    def _patch_dots(self, s: Section) -> None:
        """Draw again the dots of ``s`` whose colour changed, and their neighbours where
        the cleared square reaches them."""
        drawn = self._drawn.get(s.key)
        colors = [self._dot_color(i) for i in s.indices]
        changed = [j for j, (a, b) in enumerate(zip(drawn or (), colors, strict=True)) if a != b] if drawn else None
        if changed is None or len(changed) > len(colors) // 4:
            s.image = self._draw_dots(s)
            return
        self._drawn[s.key] = colors
        if not changed:
            return
        image: QImage = s.image[0]  # type: ignore[index]
        k, xs, ys, rs, indices = self._scale_of(s), self.store.xs, self.store.ys, self.store.rs, s.indices
        x0, y0, pad = s.bounds.x(), s.bounds.y(), 1.0 / k  # pad: a pixel of antialiasing
        clear = QPainterPath()
        spots = []
        for j in changed:
            i = indices[j]
            cx, cy, h = (xs[i] - x0) * k, (ys[i] - y0) * k, rs[i] * k * 0.85 + 1.0
            clear.addRect(QRectF(cx - h, cy - h, 2 * h, 2 * h))
            spots.append((xs[i], ys[i], h / k))
        reach = max(h for _x, _y, h in spots) + self.store.max_r + pad
        left, right = min(x for x, _y, _h in spots) - reach, max(x for x, _y, _h in spots) + reach
        top, bottom = min(y for _x, y, _h in spots) - reach, max(y for _x, y, _h in spots) + reach
        near = [j for j, i in enumerate(indices) if left < xs[i] < right and top < ys[i] < bottom]
        if len(spots) > 1:
            near = [
                j
                for j in near
                if any(abs(xs[indices[j]] - x) < reach and abs(ys[indices[j]] - y) < reach for x, y, _h in spots)
            ]
        painter = QPainter(image)
        painter.setClipPath(clear)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        painter.fillRect(image.rect(), Qt.GlobalColor.transparent)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        self._dots(painter, s, k, near, colors)
        painter.end()


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
