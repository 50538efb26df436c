"""Section names on the seat map (:class:`SectionNames`), drawn as cached pictures.

A label is one or two lines (the section's name, then its free count when zoomed out), a
fixed size on screen, dark text in a light halo. Each line is a picture made once per
text, size and pixel ratio (:func:`line_picture`), so a frame blits pictures and never
lays text out. Zoomed out (``shapes`` and ``dots``), where the labels go depends only on
the zoom and the free counts, not on where the view is: that placement is worked out once
per zoom step (and per change of a free count) for the whole plan, so a pan, and a frame
of another zoom step, costs about a millisecond whatever the plan (measured in
``bench/stadium_map.py``, see docs/performance.md).
"""

from __future__ import annotations

import math
from collections import OrderedDict

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPixmap, QPolygonF, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from boxoffice.ui.common.i18n import locale_name, number
from boxoffice.ui.seatmap.items import HALO, pixel_font
from boxoffice.ui.seatmap.looks import guarded
from boxoffice.ui.seatmap.store import SeatStore, Section

NAME_COLOR = QColor("#1f2937")
PIN_BACK = QColor(255, 255, 255, 225)
NAME_PX, COUNT_PX = 13, 11  # text sizes of the name and the free count
HALO_PX = 1.75  # the halo reaches this far beyond the letters
LINE_CACHE = 3000  # line pictures kept (a few per section and free count seen)
GRID_PX = 96  # cell of the grid that finds overlapping labels

# the halo is the text drawn at these offsets (a ring and an inner ring), then made translucent:
# 5x cheaper than stroking the text's outline (0.24 against 1.3 ms a line) and looks the same
_HALO_OFFSETS = [(HALO_PX * math.cos(k * math.pi / 6), HALO_PX * math.sin(k * math.pi / 6)) for k in range(12)] + [
    (0.9 * math.cos(k * math.pi / 3), 0.9 * math.sin(k * math.pi / 3)) for k in range(6)
]
_LINES: OrderedDict[tuple, QPixmap] = OrderedDict()  # line pictures, least recently used first
_WIDTHS: dict[tuple[str, int, bool], float] = {}
_WORDS: dict[tuple[int, str], str] = {}
_HEIGHTS: dict[tuple[int, bool], float] = {}


def free_number(free: int) -> str:
    """``"1,234"`` (the locale's grouping; cached: Babel takes ~0.14 ms a number, so a
    hundred sections' counts would cost 14 ms a frame)."""
    key = (free, locale_name())
    words = _WORDS.get(key)
    if words is None:
        if len(_WORDS) > 20_000:
            _WORDS.clear()
        words = _WORDS[key] = number(free)
    return words


def free_words(free: int) -> str:
    """``"1,234 free"`` or ``"sold out"`` (in the till's language)."""
    if free <= 0:
        return QCoreApplication.translate("seatmap", "sold out")
    return QCoreApplication.translate("seatmap", "{count} free").format(count=free_number(free))


def text_width(text: str, font: QFont) -> float:
    """Advance of ``text`` in ``font`` (a :func:`pixel_font`), in pixels (cached)."""
    key = (text, font.pixelSize(), font.bold())
    width = _WIDTHS.get(key)
    if width is None:
        if len(_WIDTHS) > 20_000:
            _WIDTHS.clear()
        width = _WIDTHS[key] = QFontMetricsF(font).horizontalAdvance(text)
    return width


def line_picture(text: str, font: QFont, dpr: float) -> QPixmap:
    """``text`` in ``font`` in :data:`NAME_COLOR` on a light halo, with a margin of 4 px
    left and right and 2 px above and below (logical pixels at pixel ratio ``dpr``)."""
    key = (text, font.pixelSize(), font.bold(), dpr)
    picture = _LINES.get(key)
    if picture is not None:
        _LINES.move_to_end(key)
        return picture
    metrics = QFontMetricsF(font)
    width, height = text_width(text, font) + 8, metrics.height() + 4
    side_w, side_h = math.ceil(width * dpr), math.ceil(height * dpr)
    halo = QImage(side_w, side_h, QImage.Format.Format_ARGB32_Premultiplied)
    halo.setDevicePixelRatio(dpr)
    halo.fill(Qt.GlobalColor.transparent)
    baseline = 2 + metrics.ascent()
    painter = QPainter(halo)
    painter.setFont(font)
    painter.setPen(QColor(HALO.red(), HALO.green(), HALO.blue()))
    for dx, dy in _HALO_OFFSETS:
        painter.drawText(QPointF(4 + dx, baseline + dy), text)
    painter.end()
    picture = QPixmap(side_w, side_h)
    picture.setDevicePixelRatio(dpr)
    picture.fill(Qt.GlobalColor.transparent)
    painter = QPainter(picture)
    painter.setOpacity(HALO.alphaF())
    painter.drawImage(QPointF(0, 0), halo)
    painter.setOpacity(1.0)
    painter.setFont(font)
    painter.setPen(NAME_COLOR)
    painter.drawText(QPointF(4, baseline), text)
    painter.end()
    _LINES[key] = picture
    while len(_LINES) > LINE_CACHE:
        _LINES.popitem(last=False)
    return picture


def line_height(font: QFont) -> float:
    """Height of a line of ``font`` (a :func:`pixel_font`), in pixels (cached)."""
    key = (font.pixelSize(), font.bold())
    height = _HEIGHTS.get(key)
    if height is None:
        height = _HEIGHTS[key] = QFontMetricsF(font).height()
    return height


def label_lines(level: str, section: Section, width: float, height: float) -> list[tuple[str, QFont]]:
    """What a section's label says at ``level`` when the section is ``width`` x ``height``
    pixels on screen: nothing (too small), its name, or its name and free count."""
    name_font, count_font = pixel_font(NAME_PX, bold=True), pixel_font(COUNT_PX)
    if level != "shapes":
        return [(section.name, name_font)]
    name_h = line_height(name_font)
    if text_width(section.name, name_font) > width * 1.1 or name_h > height:
        return []
    lines = [(section.name, name_font)]
    if 2.2 * name_h <= height:
        words = free_words(section.free)
        if text_width(words, count_font) <= width:
            lines.append((words, count_font))
        elif section.free > 0:
            lines.append((free_number(section.free), count_font))
    return lines


def draw_lines(painter: QPainter, centre: QPointF, lines: list[tuple[str, QFont]], dpr: float) -> None:
    """Blit ``lines`` (from :func:`line_picture`) centred on device point ``centre``."""
    heights = [line_height(font) for _t, font in lines]
    y = centre.y() - sum(heights) / 2
    for (text, font), h in zip(lines, heights, strict=True):
        picture = line_picture(text, font, dpr)
        painter.drawPixmap(QPointF(round(centre.x() - picture.width() / dpr / 2), round(y - 2)), picture)
        y += h


class _Grid:
    """Rectangles placed so far, bucketed by cells of :data:`GRID_PX`, to ask whether a new
    one overlaps any (a hundred labels: ~0.3 ms instead of ~3 ms comparing all pairs)."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}

    def _keys(self, x0: float, y0: float, x1: float, y1: float):
        for gx in range(math.floor(x0 / GRID_PX), math.floor(x1 / GRID_PX) + 1):
            for gy in range(math.floor(y0 / GRID_PX), math.floor(y1 / GRID_PX) + 1):
                yield gx, gy

    def free(self, x0: float, y0: float, x1: float, y1: float) -> bool:
        for key in self._keys(x0, y0, x1, y1):
            for a0, b0, a1, b1 in self.cells.get(key, ()):
                if a0 < x1 and x0 < a1 and b0 < y1 and y0 < b1:
                    return False
        return True

    def add(self, x0: float, y0: float, x1: float, y1: float) -> None:
        for key in self._keys(x0, y0, x1, y1):
            self.cells.setdefault(key, []).append((x0, y0, x1, y1))


class SectionNames(QGraphicsItem):
    """Section names (and free counts when zoomed out), a fixed size on screen, drawn in
    device pixels over everything but the markers. Inside the outline at ``shapes`` and
    ``dots`` (the biggest sections first; a label that would cover another is left out,
    or keeps only its name); at ``seats`` above or below the section, wherever they cover
    no plan area (the stage) and no other section, pinned to the view's top edge while
    the section is in view but that spot is not."""

    def __init__(self, store: SeatStore, bounds: QRectF, obstacles: list[QRectF]) -> None:
        super().__init__()
        self.store, self._bounds, self.obstacles, self.level = store, bounds, obstacles, "seats"
        self.drawn: list[tuple[str, list[str]]] = []  # (section, lines) of the last paint, for tests
        self._layout_key: tuple | None = None
        self._layout: list[tuple[QPointF, list[tuple[str, QFont]], float, float]] = []
        self._sorted: list[Section] | None = None
        self.setZValue(6)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        """The whole plan."""
        return self._bounds

    def set_level(self, level: str) -> None:
        """Lay names out for ``level`` from now on."""
        self.level = level
        self.update()

    @guarded
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        """Draw each visible section's name where it belongs at this level."""
        m = painter.worldTransform()
        dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
        exposed = m.mapRect(option.exposedRect)
        painter.resetTransform()
        self.drawn = []
        if self.level == "seats":
            self._paint_beside(painter, m, option.exposedRect, dpr)
            return
        for centre, lines, width, height in self._placed(m):
            p = m.map(centre)
            if not exposed.intersects(QRectF(p.x() - width / 2, p.y() - height / 2, width, height)):
                continue
            draw_lines(painter, p, lines, dpr)
            self.drawn.append((lines[0][0], [text for text, _f in lines]))

    def _placed(self, m: QTransform) -> list[tuple[QPointF, list[tuple[str, QFont]], float, float]]:
        """The labels of the whole plan at this zoom: (scene centre, lines, width, height
        in device pixels), made again only when the zoom, the level or a free count changed."""
        sections = self._by_size()
        key = (self.level, m.m11(), m.m12(), m.m21(), m.m22(), tuple(s.free for s in sections))
        if key == self._layout_key:
            return self._layout
        sx, sy, skew = m.m11(), m.m22(), m.m12() != 0 or m.m21() != 0
        linear = QTransform(m.m11(), m.m12(), m.m21(), m.m22(), 0, 0)
        grid, out, level = _Grid(), [], self.level
        for s in sections:
            if not s.name:
                continue
            if skew:
                box, centre = linear.mapRect(s.bounds), linear.map(s.centre)
                w, h, cx, cy = box.width(), box.height(), centre.x(), centre.y()
            else:
                w, h, cx, cy = s.bounds.width() * sx, s.bounds.height() * sy, s.centre.x() * sx, s.centre.y() * sy
            lines = label_lines(level, s, abs(w), abs(h))
            for count in (len(lines), 1) if lines else ():
                shown = lines[:count]
                width = max(text_width(text, font) for text, font in shown)
                height = sum(line_height(font) for _t, font in shown)
                x0, y0 = cx - width / 2, cy - height / 2
                if grid.free(x0, y0, x0 + width, y0 + height):
                    grid.add(x0, y0, x0 + width, y0 + height)
                    out.append((s.centre, shown, width + 2 * HALO_PX, height + 2 * HALO_PX))
                    break
        self._layout_key, self._layout = key, out
        return out

    def _by_size(self) -> list[Section]:
        if self._sorted is None:
            self._sorted = sorted(self.store.sections, key=lambda s: -s.bounds.width() * s.bounds.height())
        return self._sorted

    def _paint_beside(self, painter: QPainter, m: QTransform, exposed: QRectF, dpr: float) -> None:
        """``seats``: each name above (else below) its section, pinned in view if need be."""
        scale = m.m11() or 1.0
        exposed = exposed.adjusted(-200 / scale, -60 / scale, 200 / scale, 60 / scale)
        name_font = pixel_font(NAME_PX, bold=True)
        name_h = line_height(name_font)
        screen = QRectF(painter.viewport())
        taken: list[QRectF] = []
        for s in self.store.sections:
            if not s.name or not s.bounds.intersects(exposed):
                continue
            box = m.mapRect(s.bounds)
            width, height = text_width(s.name, name_font) + 6, name_h + 4
            spot = self._seats_spot(s, box, width, height, m, taken)
            if not screen.contains(spot):  # keep the name in view while the section is: pin it
                shown = box.intersected(screen)
                if shown.isEmpty():
                    continue
                spot = QPointF(shown.center().x(), shown.top() + height / 2 + 4)
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(PIN_BACK)
                painter.drawRoundedRect(
                    QRectF(spot.x() - width / 2 - 4, spot.y() - height / 2, width + 8, height), 5, 5
                )
            draw_lines(painter, spot, [(s.name, name_font)], dpr)
            self.drawn.append((s.name, [s.name]))

    def _seats_spot(
        self, s: Section, box: QRectF, width: float, height: float, m: QTransform, taken: list[QRectF]
    ) -> QPointF:
        inverse, _ok = m.inverted()
        for centre in (
            QPointF(box.center().x(), box.top() - height / 2),
            QPointF(box.center().x(), box.bottom() + height / 2),
        ):
            on_screen = QRectF(centre.x() - width / 2, centre.y() - height / 2, width, height)
            rect = inverse.mapRect(on_screen)
            if (
                not any(rect.intersects(o) for o in self.obstacles)
                and not any(rect.intersects(b.bounds) and b.hull.intersects(QPolygonF(rect)) for b in s.neighbours)
                and not any(on_screen.intersects(t) for t in taken)
            ):
                taken.append(on_screen)
                return centre
        return box.center()
