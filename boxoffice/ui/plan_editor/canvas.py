"""The plan editor's canvas: seats coloured by category, areas, selection and dragging.

The canvas shows an :class:`~boxoffice.domain.plan_editing.EditablePlan` but never
changes it: gestures become signals (``moveRequested``, ``rotateRequested``,
``deleteRequested``) and the editor turns each into an undoable command. Seats are drawn
by one item (:class:`_SeatLayer`) with pens and brushes made once per category, not one
graphics item per seat; areas reuse the seat map's :class:`AreaItem`.

Mouse: click a seat or area to select it, Shift+click to add or remove it; drag on empty
space for a rubber band (Shift adds to the selection); drag a selected seat or area to
move the selection; double-click a seat to select its row; wheel zooms. Keys: arrows
move the selection by 1 px (Shift: 10 px), ``[`` and ``]`` rotate it by 5° (Shift: 1°),
Delete removes it.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView, QRubberBand, QWidget

from boxoffice.domain.plan_editing import GA_KEY, EditablePlan, area_bounds
from boxoffice.domain.pretix_plan import PALETTE
from boxoffice.ui.seatmap.items import AreaItem
from boxoffice.ui.seatmap.looks import NO_CATEGORY, guarded

SELECTED = QColor("#2563eb")
PROBLEM = QColor("#dc2626")
PREVIEW = QColor(37, 99, 235, 90)
FLAG_INK = QColor("#111827")
DRAG_THRESHOLD = 4  # view pixels before a press becomes a drag


def category_colors(plan: EditablePlan) -> dict[str | None, QColor]:
    """Category name -> colour (the category's own, or the palette's by position)."""
    out: dict[str | None, QColor] = {None: QColor(NO_CATEGORY)}
    for i, cat in enumerate(plan.categories):
        color = QColor(cat.color or "")
        out[cat.name] = color if color.isValid() else QColor(PALETTE[i % len(PALETTE)])
    return out


class _SeatLayer(QGraphicsItem):
    """Every seat of the plan, the selection (moved by the drag offset while dragging),
    problem highlights and the block preview, painted in one go."""

    def __init__(self, canvas: PlanCanvas) -> None:
        super().__init__()
        self.canvas = canvas
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)  # exposedRect
        self._bounds = QRectF()

    def update_bounds(self) -> None:
        self.prepareGeometryChange()
        c = self.canvas
        rect = QRectF()
        for _, _, s in c.plan.seats():
            rect = rect.united(QRectF(s.x - s.r, s.y - s.r, 2 * s.r, 2 * s.r))
        for x, y in c.preview:
            rect = rect.united(QRectF(x - 12, y - 12, 24, 24))
        self._bounds = rect.adjusted(-400, -400, 400, 400)  # room to drag into

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return self._bounds

    @guarded
    def paint(self, painter: QPainter, option, widget=None) -> None:
        c = self.canvas
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        scale = painter.worldTransform().m11() or 1.0
        brushes = {name: QBrush(color) for name, color in c.colors.items()}
        outline = QPen(QColor("#374151"), 1 / scale)
        ring = QPen(SELECTED, 3 / scale)
        alarm = QPen(PROBLEM, 3 / scale)
        ink = QPen(FLAG_INK, 1.5 / scale)
        font = QFont()
        font.setPixelSize(9)
        show_numbers = scale >= 1.6
        dx, dy = c.drag_offset
        exposed = option.exposedRect.adjusted(-30, -30, 30, 30)  # only what is on screen (a stadium is big)
        left, top, right, bottom = exposed.left(), exposed.top(), exposed.right(), exposed.bottom()
        for _, _row, seat in c.plan.seats():
            x, y, r = seat.x, seat.y, seat.r
            selected = seat.guid in c.selected
            if selected:
                x, y = x + dx, y + dy
            if not (left <= x <= right and top <= y <= bottom):
                continue
            painter.setBrush(brushes.get(seat.category) or brushes[None])
            painter.setPen(alarm if seat.guid in c.problems else (ring if selected else outline))
            if seat.wheelchair:
                painter.drawRect(QRectF(x - r, y - r, 2 * r, 2 * r))
            else:
                painter.drawEllipse(QPointF(x, y), r, r)
            painter.setPen(ink)
            if seat.not_for_sale:
                painter.drawLine(QPointF(x - r * 0.7, y + r * 0.7), QPointF(x + r * 0.7, y - r * 0.7))
            if seat.restricted_view:
                painter.drawLine(QPointF(x - r * 0.6, y), QPointF(x + r * 0.6, y))
            if seat.companion:
                painter.drawEllipse(QPointF(x, y), r * 0.35, r * 0.35)
            if show_numbers and not (seat.not_for_sale or seat.restricted_view or seat.companion):
                painter.setFont(font)
                painter.drawText(QRectF(x - r, y - r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter, seat.number)
        if scale >= 0.35:
            self._row_labels(painter, scale)
        if c.preview:
            painter.setPen(QPen(SELECTED, 1 / scale, Qt.PenStyle.DashLine))
            painter.setBrush(QBrush(PREVIEW))
            for x, y in c.preview:
                painter.drawEllipse(QPointF(x, y), c.preview_radius, c.preview_radius)
        if c.selected_areas:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(SELECTED, 2 / scale, Qt.PenStyle.DashLine))
            for area in c.plan.all_areas():
                if area.key in c.selected_areas:
                    left, top, right, bottom = area_bounds(area.data)
                    painter.drawRect(QRectF(left + dx, top + dy, right - left, bottom - top).adjusted(-3, -3, 3, 3))

    def _row_labels(self, painter: QPainter, scale: float) -> None:
        """Each row's label beside its left-most seat, at a constant size on screen."""
        c = self.canvas
        font = QFont()
        font.setPixelSize(max(6, round(11 / scale)))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#6b7280"))
        dx, dy = c.drag_offset
        for zone in c.plan.zones:
            for row in zone.rows:
                if not row.seats:
                    continue
                first = min(row.seats, key=lambda s: s.x)
                x, y = first.x, first.y
                if first.guid in c.selected:
                    x, y = x + dx, y + dy
                width = 40 / scale
                painter.drawText(
                    QRectF(x - first.r - 4 / scale - width, y - width / 2, width, width),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    row.display,
                )


class PlanCanvas(QGraphicsView):
    """Shows a plan and lets the user select, drag, nudge, rotate and delete.

    Signals:
        selectionChanged(): :attr:`selected` / :attr:`selected_areas` changed.
        moveRequested(float, float): move the selection by dx, dy (plan pixels).
        rotateRequested(float): turn the selected seats by degrees (clockwise).
        deleteRequested(): remove the selection.
    """

    selectionChanged = Signal()
    moveRequested = Signal(float, float)
    rotateRequested = Signal(float)
    deleteRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(QColor("#f4f5f7"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.plan = EditablePlan(name="")
        self.colors = category_colors(self.plan)
        self.selected: set[str] = set()
        self.selected_areas: set[int] = set()
        self.problems: set[str] = set()
        self.preview: list[tuple[float, float]] = []
        self.preview_radius = 10.0
        self.drag_offset = (0.0, 0.0)
        self._press: QPointF | None = None  # view position of the press
        self._press_scene: QPointF | None = None
        self._mode = ""  # "", "band", "drag"
        self._band = QRubberBand(QRubberBand.Shape.Rectangle, self.viewport())
        self._areas: list[AreaItem] = []
        self._layer = _SeatLayer(self)
        self.scene().addItem(self._layer)

    # -- content ---------------------------------------------------------------------------------

    def set_plan(self, plan: EditablePlan) -> None:
        """Show ``plan`` (kept by reference, never changed); drops selected guids that are gone."""
        self.plan = plan
        self.colors = category_colors(plan)
        guids = set(plan.seat_map())
        keys = {a.key for a in plan.all_areas()}
        before = (set(self.selected), set(self.selected_areas))
        self.selected &= guids
        self.selected_areas &= keys
        self.problems &= guids
        for item in self._areas:
            self.scene().removeItem(item)
        self._areas = [AreaItem(ga_look(a.data) if GA_KEY in a.data else a.data) for a in plan.all_areas()]
        for item in self._areas:
            self.scene().addItem(item)
        self._refresh()
        if before != (self.selected, self.selected_areas):
            self.selectionChanged.emit()

    def set_selection(self, guids, areas=()) -> None:
        """Select exactly seats ``guids`` and areas with keys ``areas``."""
        self.selected = set(guids) & set(self.plan.seat_map())
        self.selected_areas = set(areas)
        self._layer.update()
        self.selectionChanged.emit()

    def set_problems(self, guids) -> None:
        """Outline seats ``guids`` in red (validation problems)."""
        self.problems = set(guids)
        self._layer.update()

    def set_preview(self, points: list[tuple[float, float]], radius: float = 10.0) -> None:
        """Show ghost seats at absolute ``points`` (the "Add rows" preview); ``[]`` clears."""
        self.preview = list(points)
        self.preview_radius = radius
        self._refresh()

    def _refresh(self) -> None:
        self._layer.update_bounds()
        rect = self._layer.boundingRect()
        for item in self._areas:
            rect = rect.united(item.sceneBoundingRect())
        self.scene().setSceneRect(rect)
        self._layer.update()

    def fit_all(self) -> None:
        """Zoom to show every seat and area."""
        rect = QRectF()
        for _, _, s in self.plan.seats():
            rect = rect.united(QRectF(s.x - s.r, s.y - s.r, 2 * s.r, 2 * s.r))
        for item in self._areas:
            rect = rect.united(item.sceneBoundingRect())
        if rect.isEmpty():
            rect = QRectF(0, 0, 800, 600)
        self.fitInView(rect.adjusted(-30, -30, 30, 30), Qt.AspectRatioMode.KeepAspectRatio)

    def visible_centre(self) -> tuple[float, float]:
        """The plan point at the middle of the view."""
        p = self.mapToScene(self.viewport().rect().center())
        return p.x(), p.y()

    # -- hit testing -----------------------------------------------------------------------------

    def seat_at(self, scene: QPointF) -> str | None:
        """The guid of the seat under scene point ``scene`` (the nearest within its radius)."""
        best, best_d = None, math.inf
        for _, _, s in self.plan.seats():
            d = math.hypot(s.x - scene.x(), s.y - scene.y())
            if d <= s.r + 1 and d < best_d:
                best, best_d = s.guid, d
        return best

    def area_at(self, scene: QPointF) -> int | None:
        """The key of the topmost area whose box contains ``scene``."""
        for area in reversed(list(self.plan.all_areas())):
            left, top, right, bottom = area_bounds(area.data)
            if left <= scene.x() <= right and top <= scene.y() <= bottom:
                return area.key
        return None

    def seats_in(self, rect: QRectF) -> set[str]:
        """Guids of seats whose centres lie in scene rectangle ``rect``."""
        return {s.guid for _, _, s in self.plan.seats() if rect.contains(QPointF(s.x, s.y))}

    # -- mouse and keys --------------------------------------------------------------------------

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        self.setFocus()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        self._press = event.position()
        self._press_scene = self.mapToScene(event.position().toPoint())
        guid = self.seat_at(self._press_scene)
        area = None if guid else self.area_at(self._press_scene)
        if guid is None and area is None:
            self._mode = "band"
            if not shift and (self.selected or self.selected_areas):
                self.set_selection(())
            self._band.setGeometry(QRect(self._press.toPoint(), QSize()))
            self._band.show()
            return
        hit_selected = guid in self.selected if guid else area in self.selected_areas
        if shift:
            seats, areas = set(self.selected), set(self.selected_areas)
            target = seats if guid else areas
            target.symmetric_difference_update({guid or area})
            self.set_selection(seats, areas)
            self._mode = ""
            return
        if not hit_selected:
            self.set_selection({guid} if guid else (), {area} if area else ())
        self._mode = "drag"

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self._press is None:
            return super().mouseMoveEvent(event)
        if self._mode == "band":
            self._band.setGeometry(QRect(self._press.toPoint(), event.position().toPoint()).normalized())
        elif self._mode == "drag":
            if (event.position() - self._press).manhattanLength() < DRAG_THRESHOLD and self.drag_offset == (0.0, 0.0):
                return
            now = self.mapToScene(event.position().toPoint())
            self.drag_offset = (now.x() - self._press_scene.x(), now.y() - self._press_scene.y())
            self._layer.update()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self._press is None or event.button() != Qt.MouseButton.LeftButton:
            return super().mouseReleaseEvent(event)
        mode, press, self._mode, self._press = self._mode, self._press, "", None
        if mode == "band":
            self._band.hide()
            band = QRect(press.toPoint(), event.position().toPoint()).normalized()
            rect = self.mapToScene(band).boundingRect()
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            hits = self.seats_in(rect)
            if hits or not shift:
                self.set_selection((self.selected | hits) if shift else hits, self.selected_areas if shift else ())
        elif mode == "drag":
            dx, dy = self.drag_offset
            self.drag_offset = (0.0, 0.0)
            self._layer.update()
            if dx or dy:
                self.moveRequested.emit(round(dx, 1), round(dy, 1))

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Double-click a seat: select its whole row (Shift: add the row)."""
        guid = self.seat_at(self.mapToScene(event.position().toPoint()))
        if guid is None:
            return super().mouseDoubleClickEvent(event)
        _, row = self.plan.row_of(guid)
        row_guids = {s.guid for s in row.seats}
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        self.set_selection((self.selected | row_guids) if shift else row_guids)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        step = 10.0 if shift else 1.0
        moves = {
            Qt.Key.Key_Left: (-step, 0.0),
            Qt.Key.Key_Right: (step, 0.0),
            Qt.Key.Key_Up: (0.0, -step),
            Qt.Key.Key_Down: (0.0, step),
        }
        has_selection = bool(self.selected or self.selected_areas)
        if key in moves and has_selection:
            self.moveRequested.emit(*moves[key])
        elif key in (Qt.Key.Key_BracketLeft, Qt.Key.Key_BraceLeft) and self.selected:
            self.rotateRequested.emit(-1.0 if shift else -5.0)
        elif key in (Qt.Key.Key_BracketRight, Qt.Key.Key_BraceRight) and self.selected:
            self.rotateRequested.emit(1.0 if shift else 5.0)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and has_selection:
            self.deleteRequested.emit()
        elif key == Qt.Key.Key_Escape and has_selection:
            self.set_selection(())
        else:
            super().keyPressEvent(event)

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt API
        factor = 1.15 if event.angleDelta().y() > 0 else 1 / 1.15
        self.scale(factor, factor)


def ga_look(data: dict) -> dict:
    """A general-admission area as drawn: its rectangle, labelled "Standing · 500"."""
    info, rect = data[GA_KEY], data["rectangle"]
    size = int(max(8, min(rect["height"] * 0.3, 24)))
    return {
        **data,
        "text": {
            "text": f"{info['name']} · {info['capacity']}",
            "color": "#1f1f1f",
            "size": size,
            "position": {"x": rect["width"] / 2, "y": rect["height"] / 2},
        },
    }
