"""The plan editor's dialogs: "Add rows" (the block generator, with a live preview on the
canvas), "Renumber row" and "Open plan" (pick a stored version or start a new plan)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from boxoffice.domain.plan_blocks import NUMBERING, NUMBERING_NAMES, BlockSpec, block_positions, row_labels
from boxoffice.domain.plan_editing import EditablePlan
from boxoffice.domain.plan_exchange import content_bounds

NO_CATEGORY_TEXT = QT_TRANSLATE_NOOP("plan_dialogs", "(choose later)")


def _spin(low: float, high: float, value: float, *, decimals: int = 0, suffix: str = "") -> QDoubleSpinBox | QSpinBox:
    box = QSpinBox() if decimals == 0 else QDoubleSpinBox()
    if decimals:
        box.setDecimals(decimals)
    box.setRange(low, high)
    box.setValue(value)
    box.setSuffix(suffix)
    return box


class BlockDialog(QDialog):
    """Form for :class:`~boxoffice.domain.plan_blocks.BlockSpec`. Every change calls
    ``preview(points, radius)`` with the seats it would add (``[]`` when the form is
    invalid or the dialog closes); :attr:`error` says what is wrong."""

    def __init__(
        self, plan: EditablePlan, *, at: tuple[float, float], preview=None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add rows"))
        self._preview = preview or (lambda points, radius: None)
        self.section = QComboBox()
        self.section.setEditable(True)
        names = [z.title for z in plan.zones if z.rows]
        self.section.addItems(names or [self.tr("Stalls")])
        self.rows = _spin(1, 200, 5)
        self.seats = _spin(1, 400, 10)
        self.seat_spacing = _spin(4, 200, 24, decimals=1, suffix=" px")
        self.row_spacing = _spin(4, 200, 32, decimals=1, suffix=" px")
        self.curve = _spin(0, 20000, 0, decimals=0, suffix=" px")
        self.curve.setSpecialValueText("straight")
        self.first_row = QLineEdit(self._next_row_label(plan))
        self.skip = QCheckBox(self.tr("Skip I and O"))
        self.skip.setChecked(True)
        self.numbering = QComboBox()
        for mode in NUMBERING:
            self.numbering.addItem(NUMBERING_NAMES[mode], mode)
        self.first_seat = _spin(1, 9999, 1)
        self.category = QComboBox()
        self.category.addItem(QCoreApplication.translate("plan_dialogs", NO_CATEGORY_TEXT), None)
        for name in plan.category_names():
            self.category.addItem(name, name)
        if plan.categories:
            self.category.setCurrentIndex(1)
        self.x = _spin(-20000, 20000, round(at[0]), decimals=0, suffix=" px")
        self.y = _spin(-20000, 20000, round(at[1]), decimals=0, suffix=" px")
        self.rotation = _spin(-180, 180, 0, decimals=1, suffix="°")
        self.radius = _spin(2, 50, 10, decimals=1, suffix=" px")
        self.error = QLabel("")
        self.error.setObjectName("blockError")
        self.error.setStyleSheet("color: #b91c1c;")
        self.summary = QLabel("")
        form = QFormLayout()
        for label, widget in [
            (self.tr("Section"), self.section),
            (self.tr("Rows"), self.rows),
            (self.tr("Seats per row"), self.seats),
            (self.tr("Seat spacing"), self.seat_spacing),
            (self.tr("Row spacing"), self.row_spacing),
            (self.tr("Curve radius"), self.curve),
            (self.tr("First row"), self.first_row),
            ("", self.skip),
            (self.tr("Numbering"), self.numbering),
            (self.tr("First seat number"), self.first_seat),
            (self.tr("Category"), self.category),
            (self.tr("Front row centre x"), self.x),
            (self.tr("… y"), self.y),
            (self.tr("Rotation"), self.rotation),
            (self.tr("Seat radius"), self.radius),
        ]:
            form.addRow(label, widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add rows"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for box in (
            self.rows,
            self.seats,
            self.seat_spacing,
            self.row_spacing,
            self.curve,
            self.first_seat,
            self.x,
            self.y,
            self.rotation,
            self.radius,
        ):
            box.valueChanged.connect(self._changed)
        self.first_row.textChanged.connect(self._changed)
        self.skip.toggled.connect(self._changed)
        self.numbering.currentIndexChanged.connect(self._changed)
        self.category.currentIndexChanged.connect(self._changed)
        self.section.currentTextChanged.connect(self._changed)
        self.finished.connect(lambda _: self._preview([], 10.0))
        self._changed()

    @staticmethod
    def _next_row_label(plan: EditablePlan) -> str:
        used = {r.display for z in plan.zones for r in z.rows}
        return next(label for label in row_labels(len(used) + 1) if label not in used) if used else "A"

    def spec(self) -> BlockSpec:
        """The block the form describes (not yet checked)."""
        return BlockSpec(
            rows=self.rows.value(),
            seats_per_row=self.seats.value(),
            x=self.x.value(),
            y=self.y.value(),
            seat_spacing=self.seat_spacing.value(),
            row_spacing=self.row_spacing.value(),
            curve_radius=self.curve.value(),
            first_row=self.first_row.text(),
            skip_i_o=self.skip.isChecked(),
            numbering=self.numbering.currentData(),
            first_seat=self.first_seat.value(),
            category=self.category.currentData(),
            radius=self.radius.value(),
            rotation=self.rotation.value(),
        )

    def section_name(self) -> str:
        """The section the rows go into (new if no section has that name)."""
        return self.section.currentText().strip()

    def _changed(self, *_) -> None:
        spec = self.spec()
        try:
            points = block_positions(spec)
            labels = row_labels(spec.rows, spec.first_row, skip_i_o=spec.skip_i_o)
            if not self.section_name():
                raise ValueError(self.tr("Name the section."))
        except ValueError as exc:
            self.error.setText(str(exc))
            self.summary.setText("")
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            self._preview([], spec.radius)
            return
        self.error.setText("")
        self.summary.setText(
            self.tr("{seats} seats, rows {first}–{last}").format(
                seats=spec.rows * spec.seats_per_row, first=labels[0], last=labels[-1]
            )
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        self._preview([p for row in points for p in row], spec.radius)


class RenumberDialog(QDialog):
    """New label and seat numbering for one row."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Renumber row"))
        self.label = QLineEdit(label)
        self.numbering = QComboBox()
        for mode in NUMBERING:
            self.numbering.addItem(NUMBERING_NAMES[mode], mode)
        self.first = _spin(1, 9999, 1)
        form = QFormLayout(self)
        form.addRow(self.tr("Row label"), self.label)
        form.addRow(self.tr("Numbering"), self.numbering)
        form.addRow(self.tr("First seat number"), self.first)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class OpenPlanDialog(QDialog):
    """Pick a stored plan version (``versions``: PlanVersionInfo list) or start a new plan.
    After ``exec()``: :attr:`chosen` is a plan id, or ``None`` with :attr:`new_plan` set to
    ``(venue, name)``."""

    def __init__(self, versions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open seating plan"))
        self.resize(520, 360)
        self.chosen: int | None = None
        self.new_plan: tuple[str, str] | None = None
        self.list = QListWidget()
        for v in versions:
            used = self.tr(", {showtimes} showtimes").format(showtimes=v.showtimes) if v.showtimes else ""
            item = QListWidgetItem(
                self.tr("{venue} · {name} · version {version} ({seats} seats{used})").format(
                    venue=v.venue, name=v.name, version=v.version, seats=v.seats, used=used
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, v.plan_id)
            self.list.addItem(item)
        if versions:
            self.list.setCurrentRow(len(versions) - 1)
        self.list.itemDoubleClicked.connect(lambda _: self._open())
        self.venue = QLineEdit(versions[-1].venue if versions else "")
        self.venue.setPlaceholderText(self.tr("Venue"))
        self.name = QLineEdit("")
        self.name.setPlaceholderText(self.tr("New plan's name, e.g. Main floor"))
        open_button = QPushButton(self.tr("Open version"))
        open_button.setEnabled(bool(versions))
        open_button.clicked.connect(self._open)
        new_button = QPushButton(self.tr("Start a new plan"))
        new_button.clicked.connect(self._new)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Stored versions (a saved change always makes a new version):")))
        layout.addWidget(self.list)
        layout.addWidget(open_button)
        form = QFormLayout()
        form.addRow(self.tr("Venue"), self.venue)
        form.addRow(self.tr("Plan"), self.name)
        layout.addLayout(form)
        layout.addWidget(new_button)
        layout.addWidget(cancel)

    def _open(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen = item.data(Qt.ItemDataRole.UserRole)
            self.accept()

    def _new(self) -> None:
        venue, name = self.venue.text().strip(), self.name.text().strip()
        if venue and name:
            self.new_plan = (venue, name)
            self.accept()


def default_block_position(plan: EditablePlan) -> tuple[float, float]:
    """Where a new block goes: centred below everything on the plan (or at 400, 200)."""
    bounds = content_bounds(plan)
    if bounds is None:
        return 400.0, 200.0
    return (bounds[0] + bounds[2]) / 2, bounds[3] + 50


class GaAreaDialog(QDialog):
    """ "Add general admission area": name, capacity (1 to 100,000), price category and
    the rectangle (top-left, width, height in plan pixels; by default below the plan).
    OK is refused with the reason while the values are not acceptable
    (:func:`boxoffice.domain.plan_editing.check_ga_area`)."""

    def __init__(self, plan: EditablePlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from boxoffice.domain import plan_editing as pe

        self.setWindowTitle(self.tr("Add general admission area"))
        self.setObjectName("gaAreaDialog")
        self._plan, self._check = plan, pe.check_ga_area
        bounds = content_bounds(plan) or (100.0, 100.0, 700.0, 400.0)
        self.name = QLineEdit(self.tr("Standing"))
        self.name.setObjectName("gaName")
        self.name.selectAll()
        self.capacity = _spin(1, pe.MAX_GA_CAPACITY, 100)
        self.capacity.setObjectName("gaCapacity")
        self.category = QComboBox()
        self.category.setObjectName("gaCategory")
        self.category.addItems(plan.category_names())
        width = max(200.0, round((bounds[2] - bounds[0]) * 0.6))
        self.x = _spin(-100_000, 100_000, round((bounds[0] + bounds[2]) / 2 - width / 2))
        self.y = _spin(-100_000, 100_000, round(bounds[3] + 40))
        self.w = _spin(10, 100_000, width)
        self.h = _spin(10, 100_000, 120)
        self.problem = QLabel("")
        self.problem.setObjectName("gaProblem")
        self.problem.setStyleSheet("color: #b3261e;")
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Capacity"), self.capacity)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Left, top"), _pair(self.x, self.y))
        form.addRow(self.tr("Width, height"), _pair(self.w, self.h))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def values(self) -> dict:
        """The area as :func:`~boxoffice.domain.plan_editing.ga_area` takes it."""
        return {
            "x": self.x.value(),
            "y": self.y.value(),
            "width": self.w.value(),
            "height": self.h.value(),
            "name": self.name.text().strip(),
            "capacity": self.capacity.value(),
            "category": self.category.currentText(),
        }

    def accept(self) -> None:
        """Close only with acceptable values; otherwise say why."""
        v = self.values()
        problem = self._check(self._plan, name=v["name"], capacity=v["capacity"], category=v["category"])
        if not self._plan.category_names():
            problem = self.tr("Add a price category first.")
        self.problem.setText(problem)
        if not problem:
            super().accept()


def _pair(a: QWidget, b: QWidget) -> QWidget:
    from PySide6.QtWidgets import QHBoxLayout

    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(a)
    row.addWidget(b)
    return box
