"""The drawer's dialogs: open a shift with a counted float, a cash drop or pay-out, the X
report, and closing a shift with a blind count into its Z report (docs/drawer.md).

The blind count: the closing dialog shows no expected figure until the count is
committed; only then does it show expected against counted, the variance and the Z
report, which can be printed or saved as an 80 mm PDF. Work runs on the window's task
runner; the rules are the database's (``services/drawer``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from boxoffice.domain.drawer import count_total, denominations
from boxoffice.printing.z_report import render_report_pdf, report_text
from boxoffice.services import drawer
from boxoffice.services.drawer import OpenShift, ShiftFigures, ZReport
from boxoffice.ui.common import i18n
from boxoffice.ui.common.printing import print_pdf
from boxoffice.ui.common.tasks import TaskRunner, describe_error


class CountGrid(QWidget):
    """A spin box per note and coin of ``currency`` and the running total.

    Signals:
        changed(int): the total in minor units.
    """

    changed = Signal(int)

    def __init__(self, currency: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currency = currency
        self.boxes: dict[int, QSpinBox] = {}
        grid = QGridLayout(self)
        values = denominations(currency)
        half = (len(values) + 1) // 2
        for i, value in enumerate(values):
            box = QSpinBox()
            box.setRange(0, 99_999)
            box.setObjectName(f"count_{value}")
            box.valueChanged.connect(lambda _v: self.changed.emit(self.total()))
            row, col = i % half, (i // half) * 2
            grid.addWidget(QLabel(i18n.format_money(value, currency)), row, col, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(box, row, col + 1)
            self.boxes[value] = box

    def counted(self) -> dict[int, int]:
        """The count: denomination (minor units) -> pieces, without zeros."""
        return {value: box.value() for value, box in self.boxes.items() if box.value()}

    def total(self) -> int:
        return count_total(self.counted())

    def set_count(self, counted: dict[int, int]) -> None:
        for value, pieces in counted.items():
            self.boxes[value].setValue(pieces)


def _report_view(text: str) -> QTextEdit:
    view = QTextEdit()
    view.setReadOnly(True)
    view.setObjectName("reportText")
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    view.setFont(font)
    view.setPlainText(text)
    return view


class _RunnerDialog(QDialog):
    def __init__(self, runner: TaskRunner, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(title)
        self.status = QLabel("")
        self.status.setObjectName("drawerStatus")
        self.status.setWordWrap(True)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(describe_error(exc))


class OpenShiftDialog(_RunnerDialog):
    """Drawer → Open shift: count the float by denomination or type its total.

    Signals:
        opened(int): the new shift's id.
    """

    opened = Signal(int)

    def __init__(self, runner: TaskRunner, till: str, currency: str, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent, self.tr("Open shift · {till}").format(till=till))
        self.till, self.currency = till, currency
        self.grid = CountGrid(currency)
        self.total = QLineEdit()
        self.total.setObjectName("floatTotal")
        self.total.setPlaceholderText(self.tr("or type the float's total"))
        self.grid.changed.connect(lambda minor: self.total.setText(i18n.amount_text(minor, currency)))
        self.open_button = QPushButton(self.tr("&Open shift"))
        self.open_button.setObjectName("openShift")
        self.open_button.clicked.connect(self.submit)
        form = QFormLayout()
        form.addRow(self.tr("Float total"), self.total)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Count the float in the drawer:")))
        layout.addWidget(self.grid)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.open_button)

    def submit(self) -> None:
        """Open the shift with the counted float (or the typed total) on a worker."""
        counted = self.grid.counted()
        try:
            float_minor = i18n.parse_money(self.total.text() or "0", self.currency)
        except Exception as exc:  # noqa: BLE001 - shown to the person
            self.status.setText(describe_error(exc))
            return
        if counted and count_total(counted) != float_minor:
            counted = {}  # they typed a different total: the total counts
        till = self.till
        self.open_button.setEnabled(False)
        self.runner.run(lambda s: drawer.open_shift(s, till, float_minor, counted or None), self._opened, self._refused)

    def _opened(self, shift_id: int) -> None:
        self.opened.emit(shift_id)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.open_button.setEnabled(True)
        self._failed(exc)


class MovementDialog(_RunnerDialog):
    """Drawer → Cash drop / Pay-out: an amount out of the drawer with a reason.

    Signals:
        recorded(int): the movement's id.
    """

    recorded = Signal(int)

    def __init__(self, runner: TaskRunner, shift: OpenShift, kind: str, parent: QWidget | None = None) -> None:
        title = self.tr("Cash drop") if kind == "drop" else self.tr("Pay-out")
        super().__init__(runner, parent, title)
        self.shift, self.kind = shift, kind
        self.amount = QLineEdit()
        self.amount.setObjectName("movementAmount")
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.setObjectName("movementReason")
        self.reason.addItems(
            [self.tr("To the safe")] if kind == "drop" else [self.tr("Petty cash"), self.tr("Supplies")]
        )
        self.ok = QPushButton(title)
        self.ok.setObjectName("recordMovement")
        self.ok.clicked.connect(self.submit)
        form = QFormLayout()
        form.addRow(self.tr("&Amount"), self.amount)
        form.addRow(self.tr("&Reason"), self.reason)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.ok)

    def submit(self) -> None:
        try:
            amount = i18n.parse_money(self.amount.text(), self.shift.currency)
        except Exception as exc:  # noqa: BLE001 - shown to the person
            self.status.setText(describe_error(exc))
            return
        shift_id, kind, reason = self.shift.shift_id, self.kind, self.reason.currentText()
        self.runner.run(
            lambda s: drawer.record_movement(s, shift_id, kind, amount, reason),
            self._recorded,
            self._failed,
        )

    def _recorded(self, movement_id: int) -> None:
        self.recorded.emit(movement_id)
        self.accept()


class ReportDialog(QDialog):
    """An X or Z report on screen, with Print… and Save PDF… (80 mm)."""

    def __init__(self, figures: ShiftFigures, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figures = figures
        number = figures.data.get("number")
        self.setWindowTitle(
            self.tr("Z report {number}").format(number=number)
            if number
            else self.tr("X report · {till}").format(till=figures.till)
        )
        self.resize(460, 640)
        layout = QVBoxLayout(self)
        layout.addWidget(_report_view(report_text(figures)), 1)
        layout.addLayout(_print_buttons(self, lambda: render_report_pdf(figures)))


def _print_buttons(parent: QWidget, make_pdf: Callable[[], bytes]) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    print_button = QPushButton(QCoreApplication.translate("drawer", "&Print…"))
    print_button.setObjectName("printReport")
    print_button.clicked.connect(lambda: print_pdf(make_pdf(), parent))
    save = QPushButton(QCoreApplication.translate("drawer", "Save &PDF…"))
    save.setObjectName("saveReport")

    def save_pdf() -> None:
        path, _ = QFileDialog.getSaveFileName(parent, "", "z-report.pdf", "PDF (*.pdf)")
        if path:
            with open(path, "wb") as f:
                f.write(make_pdf())

    save.clicked.connect(save_pdf)
    row.addWidget(print_button)
    row.addWidget(save)
    return row


class CloseShiftDialog(_RunnerDialog):
    """Drawer → Close shift: the blind count (no expected figure shown), then expected vs
    counted, the variance and the Z report.

    Signals:
        closed(object): the :class:`~boxoffice.services.drawer.ZReport`.
    """

    closed = Signal(object)

    def __init__(self, runner: TaskRunner, shift: OpenShift, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent, self.tr("Close shift · {till}").format(till=shift.till))
        self.shift = shift
        self.z: ZReport | None = None
        self.resize(520, 560)
        self.pages = QStackedWidget()
        count_page = QWidget()
        self.grid = CountGrid(shift.currency)
        self.counted_label = QLabel("")
        self.counted_label.setObjectName("countedTotal")
        self.grid.changed.connect(self._show_total)
        self._show_total(0)
        self.commit = QPushButton(self.tr("&Commit count and close"))
        self.commit.setObjectName("commitCount")
        self.commit.clicked.connect(self.submit)
        col = QVBoxLayout(count_page)
        col.addWidget(
            QLabel(
                self.tr("Shift of {who} since {when}. Count the cash in the drawer by note and coin.").format(
                    who=shift.staff_name, when=i18n.date_time(shift.opened_at)
                )
            )
        )
        col.addWidget(self.grid)
        col.addWidget(self.counted_label)
        col.addWidget(self.status)
        col.addWidget(self.commit)
        self.result_page = QWidget()
        self.result_col = QVBoxLayout(self.result_page)
        self.variance = QLabel("")
        self.variance.setObjectName("variance")
        self.variance.setWordWrap(True)
        self.result_col.addWidget(self.variance)
        self.pages.addWidget(count_page)
        self.pages.addWidget(self.result_page)
        QVBoxLayout(self).addWidget(self.pages)

    def _show_total(self, minor: int) -> None:
        self.counted_label.setText(
            self.tr("Counted: {money}").format(money=i18n.format_money(minor, self.shift.currency))
        )

    def submit(self) -> None:
        """Commit the count: close the shift on a worker (no expected figure before this)."""
        counted, shift_id = self.grid.counted(), self.shift.shift_id
        self.commit.setEnabled(False)
        self.runner.run(lambda s: drawer.close_shift(s, shift_id, counted), self._closed, self._refused)

    def _refused(self, exc: BaseException) -> None:
        self.commit.setEnabled(True)
        self._failed(exc)

    def _closed(self, z: ZReport) -> None:
        self.z = z
        cur = z.figures.currency

        def money(v: int) -> str:
            return i18n.format_money(v, cur)

        word = (
            self.tr("over") if z.variance_minor > 0 else self.tr("short") if z.variance_minor < 0 else self.tr("exact")
        )
        colour = "#15803d" if z.variance_minor == 0 else "#b91c1c"
        self.variance.setText(
            self.tr(
                "<h2>Z report {number}</h2>Expected cash: <b>{expected}</b><br>Counted cash: <b>{counted}</b><br>"
                "<span style='color:{colour}; font-size:16pt'>Variance: <b>{variance}</b> ({word})</span>"
            ).format(
                number=z.number,
                expected=money(z.expected_cash_minor),
                counted=money(z.counted_cash_minor),
                variance=("+" if z.variance_minor > 0 else "") + money(z.variance_minor),
                word=word,
                colour=colour,
            )
        )
        self.result_col.addWidget(_report_view(report_text(z.figures)), 1)
        self.result_col.addLayout(_print_buttons(self, lambda: render_report_pdf(z.figures)))
        self.pages.setCurrentWidget(self.result_page)
        self.closed.emit(z)


class OpenShiftsDialog(_RunnerDialog):
    """Drawer → Close another shift (managers): the open shifts; pick one to close it.

    Signals:
        chosen(object): the :class:`~boxoffice.services.drawer.OpenShift` to close.
    """

    chosen = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent, self.tr("Close another shift"))
        self.shifts: list[OpenShift] = []
        self.list = QComboBox()
        self.list.setObjectName("openShifts")
        self.close_button = QPushButton(self.tr("&Close this shift…"))
        self.close_button.setObjectName("closeChosen")
        self.close_button.clicked.connect(self._choose)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Shifts still open:")))
        layout.addWidget(self.list)
        layout.addWidget(self.status)
        layout.addWidget(self.close_button)

    def load(self) -> None:
        self.runner.run(drawer.open_shifts, self._loaded, self._failed)

    def _loaded(self, shifts: list[OpenShift]) -> None:
        self.shifts = shifts
        self.list.clear()
        for sh in shifts:
            self.list.addItem(
                self.tr("{till} · {who} · since {when}").format(
                    till=sh.till, who=sh.staff_name, when=i18n.date_time(sh.opened_at)
                )
            )
        self.close_button.setEnabled(bool(shifts))
        self.status.setText("" if shifts else self.tr("No shift is open."))

    def _choose(self) -> None:
        if self.shifts:
            self.chosen.emit(self.shifts[self.list.currentIndex()])
            self.accept()
