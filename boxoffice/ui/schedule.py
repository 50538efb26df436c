"""Manage → Schedule showtimes: a series form (show, plan, date range, days of the week,
start times, full prices per category, sales window and doors), a Preview table of every
showtime it would create with its prices and conflicts, and Create (after a
confirmation, with progress). All database work runs on the runner's worker threads;
``services.schedule`` checks the ``setup`` permission and audits."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from boxoffice.domain import pricing
from boxoffice.domain.errors import InvalidInputError
from boxoffice.domain.money import format_money, parse_money
from boxoffice.services import schedule, shows
from boxoffice.ui.guard import if_alive
from boxoffice.ui.tasks import TaskRunner, describe_error

CONFLICT_BG = QColor("#fde2e2")
COLUMNS = ["Day", "Date", "Start", "End", "Prices", "Sales", "Conflicts"]


class _Progress(QObject):
    """Carries how many showtimes are done from the worker to the progress dialog."""

    step = Signal(int)


class ScheduleDialog(QDialog):
    """The series form, Preview (Ctrl+Return) and Create (Ctrl+S).

    Signals:
        scheduled(list): ids of the showtimes just created.
    """

    scheduled = Signal(list)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Schedule showtimes")
        self.runner = runner
        self.plans: list[schedule.PlanChoice] = []
        self.preview: schedule.SeriesPreview | None = None
        self.price_edits: dict[int, QLineEdit] = {}
        self.ask = self._ask  # replaced in tests

        self.show_box = QComboBox()
        self.show_box.setObjectName("seriesShow")
        self.plan_box = QComboBox()
        self.plan_box.setObjectName("seriesPlan")
        self.plan_box.currentIndexChanged.connect(self._plan_changed)
        today = QDate.currentDate()
        self.first_day = QDateEdit(today.addDays(7))
        self.last_day = QDateEdit(today.addDays(34))
        for edit in (self.first_day, self.last_day):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("ddd dd MMM yyyy")
        self.day_boxes: list[QCheckBox] = []
        days = QHBoxLayout()
        for i, name in enumerate(pricing.WEEKDAY_NAMES, 1):
            box = QCheckBox(name)
            box.setObjectName(f"day{i}")
            box.setChecked(i in (2, 3, 4, 5, 6))
            self.day_boxes.append(box)
            days.addWidget(box)
        days.addStretch(1)
        self.times = QLineEdit("19:30")
        self.times.setObjectName("seriesTimes")
        self.times.setPlaceholderText("e.g. 14:30, 19:30")
        self.on_sale = QSpinBox()
        self.on_sale.setRange(-1, 730)
        self.on_sale.setSpecialValueText("at once")
        self.on_sale.setSuffix(" days before")
        self.on_sale.setValue(-1)
        self.off_sale = QSpinBox()
        self.off_sale.setRange(-7 * 1440 - 1, 1440)
        self.off_sale.setSpecialValueText("never (sell until the end)")
        self.off_sale.setSuffix(" min after the start")
        self.off_sale.setValue(15)
        self.doors = QSpinBox()
        self.doors.setRange(-1, 600)
        self.doors.setSpecialValueText("default (45 min before)")
        self.doors.setSuffix(" min before")
        self.doors.setValue(-1)
        self.price_box = QGroupBox("Full prices (price rules then adjust them)")
        self.price_form = QFormLayout(self.price_box)

        form = QFormLayout()
        form.addRow("S&how", self.show_box)
        form.addRow("Seating p&lan", self.plan_box)
        dates = QHBoxLayout()
        dates.addWidget(self.first_day)
        dates.addWidget(QLabel("to"))
        dates.addWidget(self.last_day)
        dates.addStretch(1)
        form.addRow("Dates", dates)
        form.addRow("Days", days)
        form.addRow("Start &times", self.times)
        form.addRow("On sale", self.on_sale)
        form.addRow("Off sale", self.off_sale)
        form.addRow("Doors open", self.doors)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.price_box)
        left.addStretch(1)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("previewTable")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel("Fill in the series and press Preview (Ctrl+Return).")
        self.summary.setObjectName("previewSummary")
        self.summary.setWordWrap(True)
        self.preview_button = QPushButton("&Preview")
        self.preview_button.setObjectName("previewSeries")
        self.preview_button.clicked.connect(self.run_preview)
        self.create_button = QPushButton("&Create showtimes")
        self.create_button.setObjectName("createSeries")
        self.create_button.setEnabled(False)
        self.create_button.clicked.connect(self.create)
        close = QPushButton("Close")
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.create_button)
        buttons.addWidget(close)
        right = QVBoxLayout()
        right.addWidget(self.table, 1)
        right.addWidget(self.summary)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addLayout(right, 1)

        for widget in (self.show_box, self.plan_box):
            widget.currentIndexChanged.connect(self._invalidate)
        for widget in (self.first_day, self.last_day):
            widget.dateChanged.connect(self._invalidate)
        for widget in (self.on_sale, self.off_sale, self.doors):
            widget.valueChanged.connect(self._invalidate)
        for box in self.day_boxes:
            box.toggled.connect(self._invalidate)
        self.times.textChanged.connect(self._invalidate)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.run_preview)
        QShortcut(QKeySequence.StandardKey.Save, self, self.create)
        self.resize(1360, 620)

    # -- loading -----------------------------------------------------------------------------

    def _run(self, work, on_done, on_error=None) -> None:
        """``runner.run`` with callbacks that do nothing once this window is gone."""
        self.runner.run(work, if_alive(self, on_done), if_alive(self, on_error or self._failed))

    def load(self) -> None:
        """Fetch the shows and plans to choose from (worker thread)."""
        self._run(lambda s: (shows.list_shows(s), schedule.plan_choices(s)), self._loaded, self._failed)

    def _loaded(self, result) -> None:
        found_shows, self.plans = result
        self.show_box.clear()
        for s in found_shows:
            self.show_box.addItem(f"{s.title} ({s.duration_minutes} min)", s.id)
        self.plan_box.clear()
        for p in self.plans:
            self.plan_box.addItem(f"{p.venue} · {p.name} (v{p.version})", p.id)
        if not found_shows:
            self.summary.setText("Add a show first (Manage → Shows).")

    def _plan_changed(self, index: int) -> None:
        while self.price_form.rowCount():
            self.price_form.removeRow(0)
        self.price_edits = {}
        if not 0 <= index < len(self.plans):
            return
        plan = self.plans[index]
        for cid, name in plan.categories:
            edit = QLineEdit()
            edit.setObjectName(f"price_{name}")
            edit.setPlaceholderText("0.00")
            edit.setMaximumWidth(120)
            edit.textChanged.connect(self._invalidate)
            self.price_edits[cid] = edit
            self.price_form.addRow(name, edit)

    def select(self, *, show_id: int | None = None, plan_id: int | None = None) -> None:
        """Choose a show and plan in the form (for tests and the screenshot tool)."""
        if show_id is not None:
            self.show_box.setCurrentIndex(self.show_box.findData(show_id))
        if plan_id is not None:
            self.plan_box.setCurrentIndex(self.plan_box.findData(plan_id))

    # -- the request ---------------------------------------------------------------------------

    def request(self) -> schedule.SeriesRequest:
        """The series the form describes.

        Raises:
            InvalidInputError: no show or plan, bad times, or a price that is not money.
        """
        if self.show_box.currentData() is None or self.plan_box.currentData() is None:
            raise InvalidInputError("Choose a show and a seating plan.")
        prices = {}
        plan = self.plans[self.plan_box.currentIndex()]
        for cid, name in plan.categories:
            text = self.price_edits[cid].text().strip()
            if not text:
                raise InvalidInputError(f"Give a price for {name}.")
            try:
                prices[cid] = parse_money(text)
            except InvalidInputError as exc:
                raise InvalidInputError(f"{name}: {exc}") from None
        return schedule.SeriesRequest(
            show_id=self.show_box.currentData(), plan_id=self.plan_box.currentData(),
            first_day=self.first_day.date().toPython(), last_day=self.last_day.date().toPython(),
            weekdays=frozenset(i for i, box in enumerate(self.day_boxes, 1) if box.isChecked()),
            times=tuple(pricing.parse_times(self.times.text())), base_prices=prices,
            on_sale_days_before=None if self.on_sale.value() < 0 else self.on_sale.value(),
            off_sale_minutes=None if self.off_sale.value() == self.off_sale.minimum() else self.off_sale.value(),
            doors_minutes_before=None if self.doors.value() < 0 else self.doors.value())

    def _invalidate(self, *_args) -> None:
        if self.preview is not None:
            self.preview = None
            self.create_button.setEnabled(False)
            self.summary.setText("The form changed: Preview again before creating.")

    # -- preview -------------------------------------------------------------------------------

    def run_preview(self) -> None:
        """Work out the series (worker thread) and fill the Preview table."""
        try:
            request = self.request()
        except InvalidInputError as exc:
            self._failed(exc)
            return
        self.preview_button.setEnabled(False)
        self.summary.setText("Working out the series…")

        def done(preview: schedule.SeriesPreview) -> None:
            self.preview_button.setEnabled(True)
            self.show_preview(preview)

        self._run(lambda s: schedule.preview_series(s, request), done, self._failed)

    def show_preview(self, preview: schedule.SeriesPreview) -> None:
        """Fill the table from ``preview`` (one price column per category: the full price,
        the other ticket types in its tooltip); Create is enabled when nothing conflicts."""
        zone = ZoneInfo(preview.timezone)
        full = next(iter(preview.ticket_types))  # full is the first type
        columns = ["Day", "Date", "Start", "End", *preview.categories.values(), "Sales", "Conflicts"]
        self.table.clear()
        self.table.setColumnCount(len(columns))
        self.table.setHorizontalHeaderLabels(columns)
        self.table.setRowCount(len(preview.planned))
        for row, p in enumerate(preview.planned):
            start, end = p.starts_at.astimezone(zone), p.ends_at.astimezone(zone)
            sales = (f"{p.on_sale_at.astimezone(zone):%d %b}" if p.on_sale_at else "now") + " → " + \
                    (f"{p.off_sale_at.astimezone(zone):%H:%M}" if p.off_sale_at else "end")
            cells = [(f"{start:%a}", ""), (f"{start:%d %b %Y}", ""), (f"{start:%H:%M}", ""), (f"{end:%H:%M}", "")]
            for cid in preview.categories:
                price = p.prices.get((cid, full))
                others = "\n".join(f"{name}: {format_money(p.prices[(cid, tid)], preview.currency)}"
                                   for tid, name in preview.ticket_types.items() if (cid, tid) in p.prices)
                cells.append(("" if price is None else format_money(price, preview.currency), others))
            cells += [(sales, ""), ("; ".join(p.conflicts) or "—", "; ".join(p.conflicts))]
            for col, (value, tip) in enumerate(cells):
                item = QTableWidgetItem(value)
                if tip:
                    item.setToolTip(tip)
                if 4 <= col < 4 + len(preview.categories):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if p.conflicts:
                    item.setBackground(QBrush(CONFLICT_BG))
                self.table.setItem(row, col, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnsToContents()
        header.setSectionResizeMode(len(columns) - 1, QHeaderView.ResizeMode.Stretch)
        bad = len(preview.conflicts)
        self.preview = preview if not bad else None
        self.create_button.setEnabled(not bad and bool(preview.planned))
        n = len(preview.planned)
        self.summary.setStyleSheet("color: #b91c1c;" if bad else "")
        self.summary.setText(
            f"{n} showtime{'s' if n != 1 else ''} of “{preview.show_title}” at {preview.venue}"
            + (f" — {bad} cannot be scheduled (red): change the dates or times." if bad else ". Ready to create."))

    # -- create ---------------------------------------------------------------------------------

    def _ask(self, title: str, text: str) -> bool:
        return QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes

    def create(self) -> None:
        """After a confirmation, create the previewed series (worker thread, with progress)."""
        if self.preview is None or not self.create_button.isEnabled():
            return
        try:
            request = self.request()
        except InvalidInputError as exc:
            self._failed(exc)
            return
        n = len(self.preview.planned)
        if not self.ask("Create showtimes", f"Create {n} showtime{'s' if n != 1 else ''} of "
                                            f"“{self.preview.show_title}” and put them on sale as shown?"):
            return
        progress = QProgressDialog("Creating showtimes…", "", 0, n, self)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        relay = _Progress(self)
        relay.step.connect(progress.setValue)  # a QObject's slot: queued onto the GUI thread
        self.create_button.setEnabled(False)

        def done(ids: list[int]) -> None:
            progress.close()
            relay.deleteLater()
            self.preview = None
            self.summary.setStyleSheet("color: #15803d;")
            self.summary.setText(f"Created {len(ids)} showtime{'s' if len(ids) != 1 else ''}. They are on sale "
                                 "as shown; change single prices in Manage → Prices.")
            self.scheduled.emit(ids)

        def failed(exc: BaseException) -> None:
            progress.close()
            relay.deleteLater()
            self._failed(exc)

        self._run(lambda s: schedule.create_series(s, request, progress=lambda n, _total: relay.step.emit(n)),
                  done, failed)

    def _failed(self, exc: BaseException) -> None:
        self.preview_button.setEnabled(True)
        self.summary.setStyleSheet("color: #b91c1c;")
        self.summary.setText(describe_error(exc))
