"""What a seat looks like and how it reads: the visual states, their words, and the
painting of one seat (used for the cached seat sprites and the legend swatches).

Visual states (:data:`VISUALS`), told apart by shape and mark as well as colour so that
they read next to any category colour:

============  ===========================  ============================================
visual        meaning                      look
============  ===========================  ============================================
available     can be sold                  category colour
mine          in this basket               category colour, thick dark ring, check mark
ours          held at this till, in        pale grey, dark hatch, thick dark ring
              another basket or sale
held          held at another till (or     pale grey, grey hatch
              another channel)
web           held online (channel "web*") pale violet, violet ring, a globe
sold          sold                         dark grey, a cross
blocked       not for sale                 near white, a bar
============  ===========================  ============================================
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap

log = logging.getLogger(__name__)

CHUNK_SEATS = 64  # seats of one row drawn by one graphics item (a row chunk)

VISUALS = ("available", "mine", "ours", "held", "web", "sold", "blocked")
LOOK_LABELS = {  # translated where shown: look_label()
    "available": QT_TRANSLATE_NOOP("seat_looks", "Available"),
    "mine": QT_TRANSLATE_NOOP("seat_looks", "In this basket"),
    "ours": QT_TRANSLATE_NOOP("seat_looks", "Held at this till"),
    "held": QT_TRANSLATE_NOOP("seat_looks", "Held at another till"),
    "web": QT_TRANSLATE_NOOP("seat_looks", "Held online"),
    "sold": QT_TRANSLATE_NOOP("seat_looks", "Sold"),
    "blocked": QT_TRANSLATE_NOOP("seat_looks", "Blocked"),
}
STATUS_WORDS = {
    "available": QT_TRANSLATE_NOOP("seat_looks", "Available"),
    "sold": QT_TRANSLATE_NOOP("seat_looks", "Sold"),
    "blocked": QT_TRANSLATE_NOOP("seat_looks", "Blocked (not for sale)"),
}


def look_label(visual: str) -> str:
    """The legend's name of a look (``"sold"`` -> ``"Sold"``, in the till's language)."""
    return QCoreApplication.translate("seat_looks", LOOK_LABELS.get(visual, visual))


def status_words(visual: str) -> str:
    """How a seat's state reads in its tooltip (``"blocked"`` -> ``"Blocked (not for sale)"``)."""
    return QCoreApplication.translate("seat_looks", STATUS_WORDS.get(visual, visual))


INK = QColor("#111827")
WHITE = QColor("#ffffff")
HELD_FILL, HELD_LINE = QColor("#d3d7dd"), QColor("#6b7280")
WEB_FILL, WEB_LINE = QColor("#e4dcff"), QColor("#6d28d9")
SOLD_FILL, SOLD_MARK = QColor("#5b6270"), QColor("#d1d5db")
BLOCKED_FILL, BLOCKED_LINE, BLOCKED_BAR = QColor("#f3f4f6"), QColor("#9ca3af"), QColor("#4b5563")
DOT_COLORS = {
    "mine": INK,
    "ours": QColor("#4b5563"),
    "held": QColor("#b9bfc8"),
    "web": QColor("#8b5cf6"),
    "sold": SOLD_FILL,
    "blocked": QColor("#e5e7eb"),
}
NO_CATEGORY = "#9ca3af"


def held_visual(*, token: str | None, channel: str | None, own_token: str | None, own_channel: str | None) -> str:
    """The look of a live hold: ``mine`` (``own_token``, this basket), ``ours`` (this
    till's ``own_channel``, another basket), ``web`` (a channel starting with "web") or
    ``held`` (another till or channel)."""
    if own_token is not None and token == own_token:
        return "mine"
    if own_channel is not None and channel == own_channel:
        return "ours"
    if channel is not None and channel.lower().startswith("web"):
        return "web"
    return "held"


def hold_words(visual: str, channel: str | None, until: str) -> str:
    """How a hold reads in a tooltip, e.g. ``"Held online until 10:32"``,
    ``"Held at till box-2 until 10:32"``; ``until`` is a local ``HH:MM`` or ``""``."""
    if visual == "mine":
        text = QCoreApplication.translate("seat_looks", "In this basket")
    elif visual == "ours":
        text = QCoreApplication.translate("seat_looks", "Held at this till (another sale)")
    elif visual == "web":
        text = QCoreApplication.translate("seat_looks", "Held online")
    elif channel and channel.startswith("till:"):
        text = QCoreApplication.translate("seat_looks", "Held at till {till}").format(till=channel[5:] or "?")
    else:
        text = (
            QCoreApplication.translate("seat_looks", "Held by {channel}").format(channel=channel)
            if channel
            else QCoreApplication.translate("seat_looks", "Held")
        )
    return (
        QCoreApplication.translate("seat_looks", "{text} until {until}").format(text=text, until=until)
        if until
        else text
    )


def guarded(paint):
    """Wrap a ``paint()`` so that an exception is logged and the painter restored: one
    escaping a Python ``QGraphicsItem.paint`` crashes the process (PySide6 6.11.3)."""

    @functools.wraps(paint)
    def wrapper(self, painter: QPainter, *args) -> None:
        painter.save()
        try:
            paint(self, painter, *args)
        except Exception:
            log.exception("seat map: painting %s failed", type(self).__name__)
        finally:
            painter.restore()

    return wrapper


def text_color_on(fill: QColor) -> QColor:
    """Dark or white text, whichever reads better on ``fill``."""
    lum = 0.2126 * fill.redF() + 0.7152 * fill.greenF() + 0.0722 * fill.blueF()
    return INK if lum > 0.55 else WHITE


def pen(color: QColor, width: float, cap=Qt.PenCapStyle.RoundCap) -> QPen:
    """A pen of ``width`` with round joins (and ``cap``)."""
    p = QPen(color, width)
    p.setCapStyle(cap)
    p.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return p


def _check(painter: QPainter, c: QPointF, size: float, halo: bool) -> None:
    path = QPainterPath(QPointF(c.x() - 0.26 * size, c.y() + 0.02 * size))
    path.lineTo(c.x() - 0.07 * size, c.y() + 0.2 * size)
    path.lineTo(c.x() + 0.27 * size, c.y() - 0.17 * size)
    if halo:
        painter.strokePath(path, pen(INK, size * 0.24))
    painter.strokePath(path, pen(WHITE, size * 0.13))


def _hatch(
    painter: QPainter, shape: QPainterPath, c: QPointF, d: float, fill: QColor, line: QColor, width: float
) -> None:
    painter.fillPath(shape, fill)
    painter.save()
    painter.setClipPath(shape)
    painter.setPen(pen(line, width, Qt.PenCapStyle.FlatCap))
    step, k = max(3.0, d / 4.2), -d
    while k < d:
        painter.drawLine(QPointF(c.x() + k - d, c.y() + d), QPointF(c.x() + k + d, c.y() - d))
        k += step
    painter.restore()


def _globe(painter: QPainter, c: QPointF, d: float) -> None:
    """A small globe (outline, meridian, equator), or a dot where there is no room."""
    if d < 13:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(WEB_LINE)
        painter.drawEllipse(c, d * 0.17, d * 0.17)
        return
    g = d * 0.25
    painter.setPen(pen(WEB_LINE, max(1.0, d * 0.055)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(c, g, g)
    painter.drawEllipse(c, g * 0.42, g)
    painter.drawLine(QPointF(c.x() - g, c.y()), QPointF(c.x() + g, c.y()))


def paint_seat(
    painter: QPainter, c: QPointF, d: float, visual: str, fill: QColor, *, wheelchair: bool = False, badge: bool = False
) -> None:
    """Draw one seat of diameter ``d`` centred on ``c`` in ``visual`` state (see
    :data:`VISUALS`); ``fill`` is its category colour.

    Wheelchair spaces are rounded squares; ``badge`` moves the "in this basket" check mark
    to a corner badge, leaving the middle to the seat number."""
    lw = max(1.0, d * 0.07)
    ring = visual in ("mine", "ours")
    inset = lw / 2 + (max(1.0, d * 0.06) if ring else 0.0)
    rect = QRectF(c.x() - d / 2 + inset, c.y() - d / 2 + inset, d - 2 * inset, d - 2 * inset)
    shape = QPainterPath()
    if wheelchair:
        shape.addRoundedRect(rect, rect.width() * 0.22, rect.width() * 0.22)
    else:
        shape.addEllipse(rect)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if visual == "available":  # category colour
        painter.setPen(pen(fill.darker(150), lw))
        painter.setBrush(fill)
        painter.drawPath(shape)
    elif visual == "mine":  # category colour, thick dark ring, check mark
        painter.setPen(pen(INK, max(2.0, d * 0.14)))
        painter.setBrush(fill)
        painter.drawPath(shape)
        if badge:
            centre, size = QPointF(c.x() + d * 0.34, c.y() - d * 0.34), d * 0.42
            painter.setPen(pen(WHITE, max(1.0, size * 0.12)))
            painter.setBrush(INK)
            painter.drawEllipse(centre, size / 2, size / 2)
            _check(painter, centre, size * 0.9, halo=False)
        else:
            _check(painter, c, d, halo=True)
    elif visual == "ours":  # held (hatch), and this till's (the thick dark ring of "mine")
        _hatch(painter, shape, c, d, HELD_FILL, HELD_LINE, max(1.0, d * 0.075))
        painter.strokePath(shape, pen(INK, max(2.0, d * 0.14)))
    elif visual == "held":  # light grey, diagonal hatch
        _hatch(painter, shape, c, d, HELD_FILL, HELD_LINE, max(1.0, d * 0.075))
        painter.strokePath(shape, pen(HELD_LINE, lw))
    elif visual == "web":  # pale violet, violet ring, a globe
        painter.setPen(pen(WEB_LINE, max(1.5, d * 0.12)))
        painter.setBrush(WEB_FILL)
        painter.drawPath(shape)
        _globe(painter, c, d)
    elif visual == "sold":  # dark grey, a cross
        painter.fillPath(shape, SOLD_FILL)
        a = d * 0.2
        painter.setPen(pen(SOLD_MARK, max(1.0, d * 0.09)))
        painter.drawLine(QPointF(c.x() - a, c.y() - a), QPointF(c.x() + a, c.y() + a))
        painter.drawLine(QPointF(c.x() - a, c.y() + a), QPointF(c.x() + a, c.y() - a))
    else:  # blocked: near white, a bar
        painter.setPen(pen(BLOCKED_LINE, lw))
        painter.setBrush(BLOCKED_FILL)
        painter.drawPath(shape)
        painter.setPen(pen(BLOCKED_BAR, max(1.5, d * 0.15), Qt.PenCapStyle.FlatCap))
        painter.drawLine(QPointF(c.x() - d * 0.26, c.y()), QPointF(c.x() + d * 0.26, c.y()))


def paint_swatch(painter: QPainter, rect: QRectF, visual: str, colors: list[QColor], wheelchair: bool = False) -> None:
    """A legend swatch filling ``rect``; "available" shows a slice of each category colour."""
    d = min(rect.width(), rect.height()) - 2
    fill = QColor(NO_CATEGORY) if wheelchair else colors[0]
    paint_seat(painter, rect.center(), d, visual, fill, wheelchair=wheelchair)
    if visual == "available" and not wheelchair and len(colors) > 1:
        circle = QRectF(rect.center().x() - d / 2 + 1, rect.center().y() - d / 2 + 1, d - 2, d - 2)
        span = 5760 // len(colors)
        painter.setPen(Qt.PenStyle.NoPen)
        for k, color in enumerate(colors):
            painter.setBrush(color)
            painter.drawPie(circle, 1440 + k * span, span)


class LegendEntry(NamedTuple):
    """A legend line: ``label`` and ``paint(painter, rect)`` drawing its swatch."""

    label: str
    paint: Callable[[QPainter, QRectF], None]

    def pixmap(self, size: int = 18, dpr: float = 1.0) -> QPixmap:
        """The swatch as a transparent pixmap of ``size`` logical pixels."""
        pixmap = QPixmap(round(size * dpr), round(size * dpr))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRectF(0, 0, size, size))
        painter.end()
        return pixmap


def legend_entries(colors: list[QColor], *, wheelchair: bool = False) -> list[LegendEntry]:
    """A legend line per look of :data:`VISUALS` (labels :data:`LOOK_LABELS`), then
    "Wheelchair space" if ``wheelchair``; ``colors`` are the plan's category colours."""
    colors = colors or [QColor("#4f8fd6")]

    def look(visual: str, wheel: bool = False) -> Callable[[QPainter, QRectF], None]:
        return lambda painter, rect: paint_swatch(painter, rect, visual, colors, wheel)

    entries = [LegendEntry(look_label(visual), look(visual)) for visual in VISUALS]
    if wheelchair:
        entries.append(
            LegendEntry(QCoreApplication.translate("seat_looks", "Wheelchair space"), look("available", wheel=True))
        )
    return entries
