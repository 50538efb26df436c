"""The seat map's minimap: the whole plan in small (section shapes coloured by free seats,
plan areas such as the stage) with a frame showing the part in view. Click or drag on it to
move the view there. Shown in the top right corner of the map while zoomed in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap, QTransform
from PySide6.QtWidgets import QWidget

from boxoffice.ui.seatmap.layers import availability_color

if TYPE_CHECKING:
    from boxoffice.ui.seatmap.items import AreaItem
    from boxoffice.ui.seatmap.store import SeatStore

SIDE = 180  # the longer side, in pixels
SHOW_FROM_ZOOM = 1.3  # shown from this zoom relative to "fit all"
FRAME = QColor("#dc2626")


class MiniMap(QWidget):
    """Overview of the plan for ``view`` (a :class:`~boxoffice.ui.seatmap.map_view.SeatMapView`,
    whose child it is). The view calls :meth:`set_store` for a new plan, :meth:`changed`
    when seats change look and :meth:`follow` when it zooms or pans."""

    def __init__(self, view) -> None:
        super().__init__(view)
        self.setObjectName("seatMapMinimap")
        self.view = view
        self.store: SeatStore | None = None
        self.areas: list[AreaItem] = []
        self.content = QRectF()
        self._picture: QPixmap | None = None
        self._redraw = QTimer(self)  # seat changes redraw the picture at most twice a second
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(500)
        self._redraw.timeout.connect(self._forget_picture)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Overview: click or drag to move the view"))
        self.hide()

    def set_store(self, store: SeatStore, areas: list[AreaItem], content: QRectF) -> None:
        """Show the plan of ``store`` with ``areas`` within scene rectangle ``content``."""
        self.store, self.areas, self.content = store, areas, QRectF(content)
        k = SIDE / max(content.width(), content.height(), 1e-6)
        self.resize(max(40, round(content.width() * k)) + 4, max(40, round(content.height() * k)) + 4)
        self._picture = None
        self.follow()

    def changed(self) -> None:
        """Seats changed look: redraw the sections soon."""
        if not self._redraw.isActive():
            self._redraw.start()

    def _forget_picture(self) -> None:
        self._picture = None
        self.update()

    def follow(self) -> None:
        """Place in the view's corner; show while zoomed in, and move the frame."""
        if self.store is None:
            return
        zoomed = self.view.zoom_level() >= SHOW_FROM_ZOOM
        self.move(self.view.width() - self.width() - 8, 8)
        self.setVisible(zoomed)
        if zoomed:
            self.update()

    def _to_mini(self) -> QTransform:
        k = min(
            (self.width() - 4) / max(self.content.width(), 1e-6), (self.height() - 4) / max(self.content.height(), 1e-6)
        )
        return QTransform(k, 0, 0, k, 2 - self.content.x() * k, 2 - self.content.y() * k)

    def view_frame(self) -> QRectF:
        """The part of the plan in view, in minimap pixels."""
        shown = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
        return self._to_mini().mapRect(shown)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        """The cached plan picture, then the frame of the view."""
        if self.store is None:
            return
        painter = QPainter(self)
        if self._picture is None or self._picture.size() != self.size():
            self._picture = self._draw()
        painter.drawPixmap(0, 0, self._picture)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(FRAME, 2))
        painter.setBrush(QColor(220, 38, 38, 30))
        painter.drawRect(self.view_frame().intersected(QRectF(self.rect()).adjusted(1, 1, -1, -1)))
        painter.end()

    def _draw(self) -> QPixmap:
        assert self.store is not None
        pixmap = QPixmap(self.size())
        pixmap.fill(QColor(255, 255, 255, 235))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(QColor("#9ca3af"), 1))
        painter.drawRect(QRectF(pixmap.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        to_mini = self._to_mini()
        for area in self.areas:
            painter.setTransform(area.sceneTransform() * to_mini)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(area.brush)
            painter.drawPath(area.path)
        painter.setTransform(to_mini)
        painter.setPen(Qt.PenStyle.NoPen)
        for section in self.store.sections:
            painter.setBrush(availability_color(section.free, section.total))
            painter.drawPolygon(section.hull)
        painter.end()
        return pixmap

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Centre the view on the point clicked."""
        self._centre_on(event.position())
        event.accept()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Dragging moves the view along."""
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._centre_on(event.position())
        event.accept()

    def _centre_on(self, pos: QPointF) -> None:
        inverse, ok = self._to_mini().inverted()
        if ok:
            self.view.centerOn(inverse.map(QPointF(pos)))
            self.update()
