"""Painting for the seat map: cached seat sprites (in the looks of
:mod:`boxoffice.ui.seatmap.looks`), the seat store (plain per-seat arrays, row chunks, a spatial grid) and the few graphics items the
map is made of (row chunks of seats, plan areas, section labels, the hover ring).

Seats are never graphics items of their own. A :class:`SeatChunk` draws up to
``CHUNK_SEATS`` seats of one row. By on-screen seat diameter it draws plain squares
(zoomed out), pre-rendered seat sprites blitted in device pixels (the usual case: an
antialiased ``drawEllipse`` costs ~9 µs in the raster engine, a blit ~3 µs), then seat
numbers and row labels when there is room. Pens, brushes and sprites are made once per
look and size and reused, never per seat.
"""

from __future__ import annotations

import logging
import math
from collections import OrderedDict

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPixmap, QPolygonF, QTransform
from PySide6.QtWidgets import QGraphicsItem

from boxoffice.ui.seatmap.looks import DOT_COLORS, NO_CATEGORY, guarded, paint_seat, pen, text_color_on

log = logging.getLogger(__name__)

CHUNK_SEATS = 64
DOT_PX = 5.0  # on-screen seat diameter below which seats are plain squares
ROW_LABEL_PX = 9.0  # ... from which row labels are drawn
NUMBER_PX = 20.0  # ... from which seat numbers are drawn inside seats

LABEL_COLOR, SECTION_COLOR = QColor("#6b7280"), QColor("#374151")
HALO = QColor(238, 240, 243, 215)
HOVER_COLOR = QColor("#2563eb")
_BIG = 1 << 24

_SPRITES: OrderedDict[tuple, QPixmap] = OrderedDict()  # least recently used first
SPRITE_BUDGET_PX = 6_000_000


def sprite(visual: str, color: str, d: float, dpr: float, wheelchair: bool, badge: bool) -> QPixmap:
    """The cached picture of a seat of device diameter ``d`` (logical px) at pixel ratio ``dpr``."""
    key = (visual, color, round(d * 4) / 4, dpr, wheelchair, badge)
    pixmap = _SPRITES.get(key)
    if pixmap is None:
        side = math.ceil(key[2] + 2)
        pixmap = QPixmap(math.ceil(side * dpr), math.ceil(side * dpr))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        paint_seat(
            painter, QPointF(side / 2, side / 2), key[2], visual, QColor(color), wheelchair=wheelchair, badge=badge
        )
        painter.end()
        _SPRITES[key] = pixmap
        while sum(p.width() * p.height() for p in _SPRITES.values()) > SPRITE_BUDGET_PX and len(_SPRITES) > 1:
            _SPRITES.popitem(last=False)
    _SPRITES.move_to_end(key)
    return pixmap


_FONTS: dict[tuple[int, bool], QFont] = {}


def pixel_font(size: float, bold: bool = False) -> QFont:
    """A shared UI font of ``size`` pixels (at least 1)."""
    key = (max(1, int(size)), bold)
    if key not in _FONTS:
        _FONTS[key] = font = QFont()
        font.setPixelSize(key[0])
        font.setBold(bold)
    return _FONTS[key]


class SeatStore:
    """Per-seat arrays (index = position in ``seats``) shared by the view and its chunks,
    the row chunks and a spatial grid for finding the seat under a point."""

    def __init__(self, seats, categories: dict) -> None:
        self.ids = [s.id for s in seats]
        self.xs, self.ys = [float(s.x) for s in seats], [float(s.y) for s in seats]
        self.rs = [float(s.radius) for s in seats]
        self.numbers = [str(s.number) for s in seats]
        self.wheel = [bool(s.wheelchair) for s in seats]
        valid = {k: QColor(c.color).name() for k, c in categories.items() if QColor.isValidColorName(c.color or "")}
        self.colors = [valid.get(s.category_id, NO_CATEGORY) for s in seats]
        self.visual = ["available"] * len(seats)
        self.max_r = max(self.rs, default=1.0)
        self.cell = max(4 * self.max_r, 1.0)
        self.grid: dict[tuple[int, int], list[int]] = {}
        for i, (x, y) in enumerate(zip(self.xs, self.ys, strict=True)):
            self.grid.setdefault((int(x // self.cell), int(y // self.cell)), []).append(i)
        self.chunks: list[SeatChunk] = []
        self.chunk_of = [0] * len(seats)
        rows: dict[tuple[int, str], list[int]] = {}
        for i, s in enumerate(seats):
            rows.setdefault((s.section_id, s.row), []).append(i)
        for (_section, label), idx in rows.items():
            self._add_row(idx, str(label or ""))

    def _add_row(self, idx: list[int], label: str) -> None:
        xs, ys = [self.xs[i] for i in idx], [self.ys[i] for i in idx]
        along_x = max(xs) - min(xs) >= max(ys) - min(ys)
        idx.sort(key=lambda i: (self.xs[i], self.ys[i]) if along_x else (self.ys[i], self.xs[i]))
        ends = []  # row labels beyond both ends, continuing the row's direction
        for where, before in ((0, 1), (len(idx) - 1, len(idx) - 2)) if label else ():
            a = idx[where]
            dx, dy = (
                (self.xs[a] - self.xs[idx[before]], self.ys[a] - self.ys[idx[before]])
                if len(idx) > 1
                else (-1.0 if where == 0 else 1.0, 0.0)
            )
            reach = self.rs[a] * 2.4 / (math.hypot(dx, dy) or 1.0)
            ends.append((where, (self.xs[a] + dx * reach, self.ys[a] + dy * reach, label)))
        for start in range(0, len(idx), CHUNK_SEATS):
            part = idx[start : start + CHUNK_SEATS]
            for i in part:
                self.chunk_of[i] = len(self.chunks)
            self.chunks.append(SeatChunk(self, part, [p for w, p in ends if start <= w < start + CHUNK_SEATS]))

    def nearest(self, x: float, y: float, slack: float) -> int | None:
        """Index of the seat nearest (``x``, ``y``) within its radius or ``slack``, or None."""
        cell, reach = self.cell, self.max_r + slack
        best, best_d = None, math.inf
        for cx in range(int((x - reach) // cell), int((x + reach) // cell) + 1):
            for cy in range(int((y - reach) // cell), int((y + reach) // cell) + 1):
                for i in self.grid.get((cx, cy), ()):
                    d = math.hypot(self.xs[i] - x, self.ys[i] - y)
                    if d <= max(self.rs[i], slack) and d < best_d:
                        best, best_d = i, d
        return best


def section_labels(seats, sections: dict[int, str]) -> list[TextLabel]:
    """Each named section's label, above the middle of its front row."""
    by_section: dict[int, list] = {}
    for seat in seats:
        by_section.setdefault(seat.section_id, []).append(seat)
    labels = []
    for section_id, members in by_section.items():
        if name := sections.get(section_id):
            x0, x1 = min(s.x for s in members), max(s.x for s in members)
            mid, band = (x0 + x1) / 2, max((x1 - x0) * 0.12, 1.0)
            front = min((s for s in members if abs(s.x - mid) <= band), key=lambda s: s.y, default=members[0])
            r = max(s.radius for s in members)
            size = max(10.0, r * 1.8, min(r * 3, (x1 - x0) * 0.03))
            labels.append(TextLabel(name, QPointF(mid, front.y - r * 2.2), size))
    return labels


class SeatChunk(QGraphicsItem):
    """Up to :data:`CHUNK_SEATS` seats of one row, drawn in batches by (look, colour);
    ``labels`` are (x, y, text) row labels drawn beside the row when zoomed in."""

    def __init__(self, store: SeatStore, indices: list[int], labels: list[tuple[float, float, str]]) -> None:
        super().__init__()
        self.store, self.indices, self.labels = store, indices, labels
        self.radius = max(store.rs[i] for i in indices)
        xs = [store.xs[i] for i in indices] + [x for x, _, _ in labels]
        ys = [store.ys[i] for i in indices] + [y for _, y, _ in labels]
        reach = self.radius * (1.3 + (1.5 if labels else 0))
        self._bounds = QRectF(
            min(xs) - reach, min(ys) - reach, max(xs) - min(xs) + 2 * reach, max(ys) - min(ys) + 2 * reach
        )
        self._groups: dict | None = None  # (look, colour, radius, wheelchair) -> seat indices
        self._dots: list | None = None  # [(brush, rects)] for the zoomed-out squares
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def invalidate(self) -> None:
        """Forget the batches (a seat's look changed) and schedule a repaint."""
        self._groups = self._dots = None
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        """Covers the seats, their outlines and row labels."""
        return self._bounds

    @guarded
    def paint(self, painter: QPainter, option, widget=None) -> None:
        """Draw the seats: squares, or sprites then numbers and row labels, by zoom."""
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        s, d_max = self.store, 2 * self.radius * lod
        if d_max < DOT_PX:
            if self._dots is None:
                groups: dict[str, list[QRectF]] = {}
                for i in self.indices:
                    v, h = s.visual[i], s.rs[i] * 0.85
                    color = s.colors[i] if v == "available" else DOT_COLORS[v].name()
                    groups.setdefault(color, []).append(QRectF(s.xs[i] - h, s.ys[i] - h, 2 * h, 2 * h))
                self._dots = [(QBrush(QColor(c)), rects) for c, rects in groups.items()]
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(Qt.PenStyle.NoPen)
            for brush, rects in self._dots:
                painter.setBrush(brush)
                painter.drawRects(rects)
            return
        if self._groups is None:
            self._groups = {}
            for i in self.indices:
                self._groups.setdefault((s.visual[i], s.colors[i], s.rs[i], s.wheel[i]), []).append(i)
        m = painter.worldTransform()  # blit sprites in device pixels: they stay upright and sharp
        m11, m12, m21, m22, tx, ty = m.m11(), m.m12(), m.m21(), m.m22(), m.dx(), m.dy()
        dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
        numbered = d_max >= NUMBER_PX
        painter.resetTransform()
        for (visual, color, r, wheel), idx in self._groups.items():
            numbers = numbered and (visual == "available" or visual == "mine" and r * lod >= NUMBER_PX * 0.75)
            picture = sprite(visual, color, 2 * r * lod, dpr, wheel, numbers and visual == "mine")
            half = picture.width() / dpr / 2
            # integer blits are ~2x faster than QPointF ones; + BIG rounds half up without round()
            ox, oy, draw, xs, ys = tx - half + _BIG + 0.5, ty - half + _BIG + 0.5, painter.drawPixmap, s.xs, s.ys
            for i in idx:
                x, y = xs[i], ys[i]
                draw(int(x * m11 + y * m21 + ox) - _BIG, int(x * m12 + y * m22 + oy) - _BIG, picture)
            if numbers:
                d = 2 * r * lod
                painter.setPen(text_color_on(QColor(color)))
                longest = max(len(s.numbers[i]) for i in idx)
                size = min(d * (0.38 if visual == "mine" else 0.42), d * 0.7 / max(1.0, 0.6 * longest))
                painter.setFont(pixel_font(size, bold=visual == "mine"))
                for i in idx:
                    x, y = xs[i] * m11 + ys[i] * m21 + tx, xs[i] * m12 + ys[i] * m22 + ty
                    painter.drawText(QRectF(x - d / 2, y - d / 2, d, d), Qt.AlignmentFlag.AlignCenter, s.numbers[i])
        if d_max >= ROW_LABEL_PX:
            painter.setPen(LABEL_COLOR)
            painter.setFont(pixel_font(max(7.0, d_max * 0.5), bold=True))
            for x, y, text in self.labels:
                px, py = x * m11 + y * m21 + tx, x * m12 + y * m22 + ty
                painter.drawText(
                    QRectF(px - 2 * d_max, py - d_max, 4 * d_max, 2 * d_max), Qt.AlignmentFlag.AlignCenter, text
                )


class AreaItem(QGraphicsItem):
    """One pretix plan area (rectangle, circle, ellipse, polygon or text) with its text.

    Shapes are relative to ``position``, about which the area turns by ``rotation`` degrees
    clockwise; ``text.position`` is relative to ``position`` too (default: shape centre)."""

    def __init__(self, area: dict) -> None:
        super().__init__()
        pos = area.get("position") or {}
        self.setPos(float(pos.get("x", 0)), float(pos.get("y", 0)))
        self.setRotation(float(area.get("rotation") or 0))
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(-10)
        self.path = _area_path(area)
        fill, border = area.get("color") or "", area.get("border_color") or ""
        self.brush = QBrush(QColor(fill)) if QColor.isValidColorName(fill) else QBrush(Qt.BrushStyle.NoBrush)
        self.pen = pen(QColor(border), 2) if QColor.isValidColorName(border) else QPen(Qt.PenStyle.NoPen)
        text = area.get("text")
        text = {"text": text} if isinstance(text, str) else (text or {})  # older schema: a plain string
        self.text = str(text.get("text") or "")
        anchor = text.get("position")
        anchor = (
            QPointF(float(anchor.get("x", 0)), float(anchor.get("y", 0)))
            if anchor
            else self.path.boundingRect().center()
        )
        color = text.get("color") or ""
        self.text_color = QColor(color) if QColor.isValidColorName(color) else QColor("#333333")
        self.font = QFont(pixel_font(float(text.get("size") or 16), bold=True))
        self.font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 110)
        size = self.font.pixelSize()
        width = len(self.text) * size * 0.9 + size
        self._text_rect = QRectF(anchor.x() - width / 2, anchor.y() - size, width, 2 * size)
        self._bounds = self.path.boundingRect().adjusted(-2, -2, 2, 2)
        if self.text:
            self._bounds = self._bounds.united(self._text_rect)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        """The shape and its text."""
        return self._bounds

    @guarded
    def paint(self, painter: QPainter, option, widget=None) -> None:
        """Fill and outline the shape, then draw the text centred on its anchor."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if not self.path.isEmpty():
            painter.setPen(self.pen)
            painter.setBrush(self.brush)
            painter.drawPath(self.path)
        if self.text:
            painter.setPen(self.text_color)
            painter.setFont(self.font)
            painter.drawText(self._text_rect, Qt.AlignmentFlag.AlignCenter, self.text)


def _area_path(area: dict) -> QPainterPath:
    shape = area.get("shape") or next((k for k in ("rectangle", "circle", "ellipse", "polygon") if k in area), "")
    path = QPainterPath()
    if shape == "rectangle":
        rect = area.get("rectangle") or area  # older schema: width/height on the area
        path.addRect(QRectF(0, 0, float(rect.get("width", 0)), float(rect.get("height", 0))))
    elif shape == "circle":
        r = float((area.get("circle") or {}).get("radius", 0))
        path.addEllipse(QPointF(0, 0), r, r)
    elif shape == "ellipse":
        radius = (area.get("ellipse") or {}).get("radius") or {}
        path.addEllipse(QPointF(0, 0), float(radius.get("x", 0)), float(radius.get("y", 0)))
    elif shape == "polygon":
        points = [
            QPointF(float(p.get("x", 0)), float(p.get("y", 0))) for p in (area.get("polygon") or {}).get("points", [])
        ]
        if len(points) >= 3:
            path.addPolygon(QPolygonF(points))
            path.closeSubpath()
    return path


class TextLabel(QGraphicsItem):
    """A section name standing on ``anchor`` (bottom centre), haloed so it reads over
    seats, between ``MIN_PX`` and ``MAX_PX`` screen pixels tall (see :meth:`set_view_scale`)."""

    MIN_PX, MAX_PX = 12.0, 26.0

    def __init__(self, text: str, anchor: QPointF, size: float) -> None:
        super().__init__()
        self.text, self.anchor, self.size = text.upper(), anchor, size
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(5)
        self.set_view_scale(1.0)

    def set_view_scale(self, scale: float) -> None:
        """Lay the text out again for view ``scale`` (screen pixels per plan unit)."""
        scale = max(scale, 1e-6)
        size = min(max(self.size * scale, self.MIN_PX), self.MAX_PX) / scale
        font = QFont(pixel_font(100, bold=True))
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 110)
        path = QPainterPath()
        path.addText(0, 0, font, self.text)
        box, k = path.boundingRect(), size / 100
        self.prepareGeometryChange()
        self._path = QTransform(
            k, 0, 0, k, self.anchor.x() - box.center().x() * k, self.anchor.y() - box.bottom() * k
        ).map(path)
        self._halo = pen(HALO, size * 0.3)
        self._bounds = self._path.boundingRect().adjusted(-size * 0.2, -size * 0.2, size * 0.2, size * 0.2)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        """The text and its halo."""
        return self._bounds

    @guarded
    def paint(self, painter: QPainter, option, widget=None) -> None:
        """Halo, then text."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.strokePath(self._path, self._halo)
        painter.fillPath(self._path, SECTION_COLOR)


class HoverRing(QGraphicsItem):
    """A ring a few screen pixels around the hovered seat."""

    def __init__(self) -> None:
        super().__init__()
        self._pen = QPen(HOVER_COLOR, 3)
        self._pen.setCosmetic(True)
        self._ring = self._bounds = QRectF()
        self.setZValue(10)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.hide()

    def place(self, x: float, y: float, r: float, scale: float) -> None:
        """Ring the seat at (``x``, ``y``) of radius ``r``, seen at view ``scale``."""
        self.prepareGeometryChange()
        gap, margin = r + 3.5 / max(scale, 1e-6), 4 / max(scale, 1e-6)
        self._ring = QRectF(x - gap, y - gap, 2 * gap, 2 * gap)
        self._bounds = self._ring.adjusted(-margin, -margin, margin, margin)
        self.show()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        """The ring and its pen."""
        return self._bounds

    @guarded
    def paint(self, painter: QPainter, option, widget=None) -> None:
        """Draw the ring."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(self._pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(self._ring)
