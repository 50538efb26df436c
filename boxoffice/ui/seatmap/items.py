"""Painting for the seat map: cached seat sprites (in the looks of
:mod:`boxoffice.ui.seatmap.looks`) and the graphics items seats are drawn with when zoomed in
(row chunks of seats, plan areas, the hover ring). The data they draw is a
:class:`~boxoffice.ui.seatmap.store.SeatStore`; the zoomed-out levels are in
:mod:`boxoffice.ui.seatmap.layers`.

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
from collections import OrderedDict, deque
from itertools import repeat
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem

if TYPE_CHECKING:
    from boxoffice.ui.seatmap.store import SeatStore

from boxoffice.ui.seatmap.looks import DOT_COLORS, guarded, paint_seat, pen, text_color_on

log = logging.getLogger(__name__)

DOT_PX = 5.0  # on-screen seat diameter below which seats are plain squares
ROW_LABEL_PX = 9.0  # ... from which row labels are drawn
NUMBER_PX = 20.0  # ... from which seat numbers are drawn inside seats

LABEL_COLOR, SECTION_COLOR = QColor("#6b7280"), QColor("#374151")
HALO = QColor(238, 240, 243, 215)
HOVER_COLOR = QColor("#2563eb")
_BIG = 1 << 24

_SPRITES: OrderedDict[tuple, QPixmap] = OrderedDict()  # least recently used first
SPRITE_BUDGET_PX = 8_000_000
_SPRITE_PX = [0]  # pixels held by _SPRITES
_STEP = math.log(1.04)
_NUMBERS: OrderedDict[tuple, dict] = OrderedDict()  # seat-number sprites by text size and colour
NUMBER_SIZES = 12  # text sizes kept


def number_sprites(text_px: int, color: str, bold: bool, dpr: float) -> dict:
    """Seat numbers already drawn in ``text_px`` pixels of ``color``: number ->
    ``(pixmap, dx, dy)``, to be blitted at the seat centre minus (``dx``, ``dy``); add
    missing ones with :func:`number_sprite`."""
    key = (text_px, color, bold, dpr)
    texts = _NUMBERS.get(key)
    if texts is None:
        texts = _NUMBERS[key] = {"": (key,)}
        while len(_NUMBERS) > NUMBER_SIZES:
            _NUMBERS.popitem(last=False)
    _NUMBERS.move_to_end(key)
    return texts


def number_sprite(texts: dict, number: str, text_px: int, dpr: float) -> tuple[QPixmap, int, int]:
    """Draw ``number`` into ``texts`` (from :func:`number_sprites`) and return its entry."""
    _px, color, bold, _dpr = texts[""][0]
    font = pixel_font(text_px, bold=bold)
    metrics = QFontMetricsF(font)
    w, h = math.ceil(metrics.horizontalAdvance(number)) + 2, math.ceil(metrics.height())
    pixmap = QPixmap(math.ceil(w * dpr), math.ceil(h * dpr))
    pixmap.setDevicePixelRatio(dpr)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QColor(color))
    painter.setFont(font)
    painter.drawText(QRectF(0, 0, w, h), Qt.AlignmentFlag.AlignCenter, number)
    painter.end()
    texts[number] = entry = (pixmap, w // 2, h // 2)
    return entry


def sprite_size(d: float) -> float:
    """``d`` rounded to the sizes sprites are made in: quarter pixels up to 8 px, then
    steps of 4 % (so a zoom reuses the pictures of nearby sizes; no one sees 2 %)."""
    return round(d * 4) / 4 if d < 8 else math.exp(round(math.log(d) / _STEP) * _STEP)


def sprite(visual: str, color: str, d: float, dpr: float, wheelchair: bool, badge: bool) -> QPixmap:
    """The cached picture of a seat of device diameter ``d`` (logical px) at pixel ratio ``dpr``."""
    key = (visual, color, sprite_size(d), dpr, wheelchair, badge)
    pixmap = _SPRITES.get(key)
    if pixmap is None:
        size = key[2]
        side = math.ceil(size + 2)
        pixmap = QPixmap(math.ceil(side * dpr), math.ceil(side * dpr))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        centre = QPointF(side / 2, side / 2)
        paint_seat(painter, centre, size, visual, QColor(color), wheelchair=wheelchair, badge=badge)
        painter.end()
        _SPRITES[key] = pixmap
        _SPRITE_PX[0] += pixmap.width() * pixmap.height()
        while _SPRITE_PX[0] > SPRITE_BUDGET_PX and len(_SPRITES) > 1:
            _k, old = _SPRITES.popitem(last=False)
            _SPRITE_PX[0] -= old.width() * old.height()
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


class SeatChunk(QGraphicsItem):
    """Up to :data:`CHUNK_SEATS` seats of one row, drawn in batches by (look, colour);
    ``labels`` are (x, y, text) row labels drawn beside the row when zoomed in."""

    def __init__(self, store: SeatStore, indices: list[int], labels: list[tuple[float, float, str]]) -> None:
        super().__init__()
        self.store, self.indices, self.labels = store, indices, labels
        self.radius = max(map(store.rs.__getitem__, indices))
        xs = list(map(store.xs.__getitem__, indices)) + [x for x, _, _ in labels]
        ys = list(map(store.ys.__getitem__, indices)) + [y for _, y, _ in labels]
        reach = self.radius * (1.3 + (1.5 if labels else 0))
        x0, y0 = min(xs), min(ys)
        self._bounds = QRectF(x0 - reach, y0 - reach, max(xs) - x0 + 2 * reach, max(ys) - y0 + 2 * reach)
        self._groups: dict | None = None  # (look, colour, radius, wheelchair) -> seat indices
        self._dots: list | None = None  # [(brush, rects)] for the zoomed-out squares
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def invalidate(self) -> None:
        """Forget the batches (a seat's look changed) and schedule a repaint."""
        self._groups = self._dots = None
        self.update()

    def prepare(self) -> None:
        """Sort the seats into batches by look now (idle time after opening), not in the
        first frame that shows them (~1 µs a seat: 4 ms of the first zoomed-in frame)."""
        if self._groups is None:
            self._groups = self._batches()

    def _batches(self) -> dict:
        """(look, colour, radius, wheelchair) -> (seat indices, their xs, their ys)."""
        s = self.store
        groups: dict[tuple, list[int]] = {}
        for i in self.indices:
            groups.setdefault((s.visual[i], s.colors[i], s.rs[i], s.wheel[i]), []).append(i)
        return {key: (idx, [s.xs[i] for i in idx], [s.ys[i] for i in idx]) for key, idx in groups.items()}

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
            self._groups = self._batches()
        m = painter.worldTransform()  # blit sprites in device pixels: they stay upright and sharp
        m11, m12, m21, m22, tx, ty = m.m11(), m.m12(), m.m21(), m.m22(), m.dx(), m.dy()
        dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
        numbered = d_max >= NUMBER_PX
        painter.resetTransform()
        draw, upright = painter.drawPixmap, m12 == 0 and m21 == 0
        for (visual, color, r, wheel), (idx, gx, gy) in self._groups.items():
            numbers = numbered and (visual == "available" or visual == "mine" and r * lod >= NUMBER_PX * 0.75)
            d = 2 * r * lod
            picture = sprite(visual, color, d, dpr, wheel, numbers and visual == "mine")
            half = picture.width() / dpr / 2
            # device pixels of the seats' corners (centres when numbered): integer blits are ~2x
            # faster than QPointF ones, + BIG rounds half up without round(), and map() over the
            # bound drawPixmap spares the interpreter's loop (3,700 seats: 4.1 -> 2.5 ms)
            ox, oy = (tx, ty) if numbers else (tx - half, ty - half)
            ox, oy = ox + _BIG + 0.5, oy + _BIG + 0.5
            if upright:
                px = [int(x * m11 + ox) - _BIG for x in gx]
                py = [int(y * m22 + oy) - _BIG for y in gy]
            else:
                px = [int(x * m11 + y * m21 + ox) - _BIG for x, y in zip(gx, gy, strict=True)]
                py = [int(x * m12 + y * m22 + oy) - _BIG for x, y in zip(gx, gy, strict=True)]
            if not numbers:
                deque(map(draw, px, py, repeat(picture)), maxlen=0)
                continue
            # the seat, then its number from a sprite per number (made once per text size)
            longest = max(len(s.numbers[i]) for i in idx)
            text_px = int(min(d * (0.38 if visual == "mine" else 0.42), d * 0.7 / max(1.0, 0.6 * longest)))
            texts = number_sprites(text_px, text_color_on(QColor(color)).name(), visual == "mine", dpr)
            deque(map(draw, [int(x - half) for x in px], [int(y - half) for y in py], repeat(picture)), maxlen=0)
            numbers_of = s.numbers
            for i, ix, iy in zip(idx, px, py, strict=True):
                label = numbers_of[i]
                text = texts.get(label) or number_sprite(texts, label, text_px, dpr)
                draw(ix - text[1], iy - text[2], text[0])
        if d_max >= ROW_LABEL_PX:
            painter.setPen(LABEL_COLOR)
            painter.setFont(pixel_font(max(7.0, d_max * 0.5), bold=True))
            for x, y, text in self.labels:
                lx, ly = x * m11 + y * m21 + tx, x * m12 + y * m22 + ty
                painter.drawText(
                    QRectF(lx - 2 * d_max, ly - d_max, 4 * d_max, 2 * d_max), Qt.AlignmentFlag.AlignCenter, text
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
