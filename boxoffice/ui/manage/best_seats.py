"""Manage → Best seats…: where a plan's best seats are, for best available.

A manager ranks sections (tick the ones to rank and order them with Up/Down: the first
ticked is best; unticked sections come after, by distance) and sets the best point: click
it on the mini map, take the centre of a section, or go back to the default (the stage's
front centre). Saved through ``services/best_ranking`` (``bo_plan_set_best``; managers and
admins, permission ``setup``). Best available uses the new ranking at once.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from boxoffice.services import best_ranking, schedule
from boxoffice.services.best_ranking import PlanBest
from boxoffice.ui.common.tasks import TaskRunner, describe_error


class BestPointMap(QWidget):
    """A mini map of a plan's seats (dots), its default best point (a ring) and the
    chosen one (a red cross). A click picks the point under the mouse.

    Signals:
        picked(float, float): a point was clicked (plan pixels).
    """

    picked = Signal(float, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bestMap")
        self.setMinimumSize(320, 260)
        self.plan: PlanBest | None = None
        self.point: tuple[float, float] | None = None
        self._scaled: tuple[float, QRectF, QPolygonF] | None = None

    def show_plan(self, plan: PlanBest | None, point: tuple[float, float] | None) -> None:
        """Draw ``plan`` with ``point`` (``None``: only the default)."""
        self.plan, self.point, self._scaled = plan, point, None
        self.update()

    def set_point(self, point: tuple[float, float] | None) -> None:
        """Move the cross (``None``: none, the default applies)."""
        self.point = point
        self.update()

    def _transform(self) -> tuple[float, QRectF, QPolygonF] | None:
        if self.plan is None or self.plan.width <= 0 or self.plan.height <= 0:
            return None
        if self._scaled is None:
            margin = 8
            scale = min((self.width() - 2 * margin) / self.plan.width, (self.height() - 2 * margin) / self.plan.height)
            left = (self.width() - self.plan.width * scale) / 2
            top = (self.height() - self.plan.height * scale) / 2
            frame = QRectF(left, top, self.plan.width * scale, self.plan.height * scale)
            points = QPolygonF([QPointF(left + x * scale, top + y * scale) for x, y in self.plan.seat_points])
            self._scaled = (scale, frame, points)
        return self._scaled

    def to_screen(self, x: float, y: float) -> QPointF:
        """Plan pixels -> widget pixels."""
        scale, frame, _ = self._transform() or (1.0, QRectF(), QPolygonF())
        return QPointF(frame.left() + x * scale, frame.top() + y * scale)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._scaled = None
        super().resizeEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#fafafa"))
        scaled = self._transform()
        if scaled is None or self.plan is None:
            return
        _, frame, points = scaled
        painter.setPen(QPen(QColor("#cccccc"), 1))
        painter.drawRect(frame)
        painter.setPen(QPen(QColor("#7f8c8d"), 2))
        painter.drawPoints(points)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        default = self.to_screen(*self.plan.default_point)
        painter.setPen(QPen(QColor("#2e86c1"), 2))
        painter.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        painter.drawEllipse(default, 7, 7)
        if self.point is not None:
            p = self.to_screen(*self.point)
            painter.setPen(QPen(QColor("#c0392b"), 3))
            painter.drawLine(p + QPointF(-8, -8), p + QPointF(8, 8))
            painter.drawLine(p + QPointF(-8, 8), p + QPointF(8, -8))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        scaled = self._transform()
        if scaled is None or self.plan is None or event.button() != Qt.MouseButton.LeftButton:
            return
        scale, frame, _ = scaled
        pos = event.position()
        x = min(max((pos.x() - frame.left()) / scale, 0.0), self.plan.width)
        y = min(max((pos.y() - frame.top()) / scale, 0.0), self.plan.height)
        self.picked.emit(x, y)


class BestSeatsDialog(QDialog):
    """Object names: ``plan`` (combo), ``sections`` (list; checked items are ranked, in
    list order), ``up``, ``down``, ``centreOf`` (combo of sections), ``useCentre``,
    ``useDefault``, ``bestMap``, ``point`` (label), ``save``, ``status``."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Best seats"))
        self.runner = runner
        self.current: PlanBest | None = None
        self.point: tuple[float, float] | None = None
        self.plan = QComboBox()
        self.plan.setObjectName("plan")
        self.plan.currentIndexChanged.connect(self._read_plan)
        self.sections = QListWidget()
        self.sections.setObjectName("sections")
        self.up = QPushButton(self.tr("Up"))
        self.up.setObjectName("up")
        self.up.clicked.connect(lambda: self._move(-1))
        self.down = QPushButton(self.tr("Down"))
        self.down.setObjectName("down")
        self.down.clicked.connect(lambda: self._move(1))
        self.centre_of = QComboBox()
        self.centre_of.setObjectName("centreOf")
        self.use_centre = QPushButton(self.tr("Best point = centre of this section"))
        self.use_centre.setObjectName("useCentre")
        self.use_centre.clicked.connect(self._centre)
        self.use_default = QPushButton(self.tr("Default point (front centre of the stage)"))
        self.use_default.setObjectName("useDefault")
        self.use_default.clicked.connect(lambda: self._set_point(None))
        self.map = BestPointMap()
        self.map.picked.connect(lambda x, y: self._set_point((x, y)))
        self.point_label = QLabel("")
        self.point_label.setObjectName("point")
        self.status = QLabel("")
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Seating plan"), self.plan)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Section ranking (ticked sections first, top = best)")))
        left.addWidget(self.sections, 1)
        moves = QHBoxLayout()
        moves.addWidget(self.up)
        moves.addWidget(self.down)
        left.addLayout(moves)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Best point (click the map)")))
        right.addWidget(self.map, 1)
        right.addWidget(self.point_label)
        centre = QHBoxLayout()
        centre.addWidget(self.centre_of, 1)
        centre.addWidget(self.use_centre)
        right.addLayout(centre)
        right.addWidget(self.use_default)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)
        note = QLabel(
            self.tr(
                "Best available offers the seats nearest the best point first, sideways distance counting "
                "more than depth; every seat of a ranked section comes before the next section's."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(columns, 1)
        layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(760, 520)

    def load(self) -> None:
        """Read the plans on a worker."""
        self.status.setText(self.tr("Reading…"))
        self.runner.run(schedule.plan_choices, self._plans, self._failed)

    def _plans(self, plans) -> None:
        self.plan.blockSignals(True)
        self.plan.clear()
        for p in plans:
            self.plan.addItem(f"{p.venue} · {p.name} (v{p.version})", p.id)
        self.plan.blockSignals(False)
        self.status.setText("" if plans else self.tr("There is no seating plan yet."))
        if plans:
            self._read_plan()

    def _read_plan(self) -> None:
        plan_id = self.plan.currentData()
        if plan_id is None:
            return
        self.status.setText(self.tr("Reading…"))
        self.runner.run(lambda s: best_ranking.plan_best(s, plan_id), self._show, self._failed)

    def _show(self, plan: PlanBest) -> None:
        self.current = plan
        self.sections.clear()
        self.centre_of.clear()
        ranked = sorted((s for s in plan.sections if s.rank is not None), key=lambda s: (s.rank, s.id))
        rest = [s for s in plan.sections if s.rank is None]
        for section in ranked + rest:
            item = QListWidgetItem(section.name)
            item.setData(Qt.ItemDataRole.UserRole, section.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if section.rank is not None else Qt.CheckState.Unchecked)
            self.sections.addItem(item)
            if section.centre is not None:
                self.centre_of.addItem(section.name, section.id)
        self.map.show_plan(plan, plan.best_point)
        self._set_point(plan.best_point)
        self.status.setText("")

    def _move(self, step: int) -> None:
        row = self.sections.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.sections.count():
            return
        item = self.sections.takeItem(row)
        self.sections.insertItem(target, item)
        self.sections.setCurrentRow(target)

    def _centre(self) -> None:
        if self.current is None or self.centre_of.currentData() is None:
            return
        self._set_point(best_ranking.section_centre(self.current, self.centre_of.currentData()))

    def _set_point(self, point: tuple[float, float] | None) -> None:
        self.point = point
        self.map.set_point(point)
        if point is None:
            self.point_label.setText(self.tr("Default: the front centre of the stage"))
        else:
            self.point_label.setText(self.tr("Best point: x {x:.0f}, y {y:.0f}").format(x=point[0], y=point[1]))

    def ranks(self) -> dict[int, int | None]:
        """Section id -> rank as the list shows it (ticked: 1, 2, ... in order)."""
        out: dict[int, int | None] = {}
        rank = 0
        for row in range(self.sections.count()):
            item = self.sections.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                rank += 1
                out[item.data(Qt.ItemDataRole.UserRole)] = rank
            else:
                out[item.data(Qt.ItemDataRole.UserRole)] = None
        return out

    def save(self) -> None:
        """Store the ranking and the point on a worker."""
        if self.current is None:
            return
        plan_id, point, ranks = self.current.plan_id, self.point, self.ranks()

        def work(session):
            best_ranking.set_plan_best(session, plan_id=plan_id, best_point=point, ranks=ranks)
            return best_ranking.plan_best(session, plan_id)

        def done(plan: PlanBest) -> None:
            self._show(plan)
            self.status.setText(self.tr("Saved. Best available uses it from now on."))

        self.status.setText(self.tr("Saving…"))
        self.runner.run(work, done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(describe_error(exc))
