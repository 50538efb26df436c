"""Manage → Schedule showtimes: a series form (show, plan, date range, days of the week,
start times, full prices per category, sales window and doors), a Preview table of every
showtime it would create with its prices and conflicts, and Create (after a
confirmation, with progress). All database work runs on the runner's worker threads;
``services.schedule`` checks the ``setup`` permission and audits."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QObject, Qt, Signal
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
from boxoffice.services import schedule, shows
from boxoffice.ui.common import i18n
from boxoffice.ui.common.i18n import format_money, parse_money
from boxoffice.ui.common.tasks import TaskRunner, describe_error

CONFLICT_BG = QColor("#fde2e2")
COLUMNS = [
    QT_TRANSLATE_NOOP("schedule", "Day"),
    QT_TRANSLATE_NOOP("schedule", "Date"),
    QT_TRANSLATE_NOOP("schedule", "Start"),
    QT_TRANSLATE_NOOP("schedule", "End"),
    QT_TRANSLATE_NOOP("schedule", "Prices"),
    QT_TRANSLATE_NOOP("schedule", "Sales"),
    QT_TRANSLATE_NOOP("schedule", "Conflicts"),
]


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
        self.setWindowTitle(self.tr("Schedule showtimes"))
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
        for i, name in enumerate(i18n.weekday_names(), 1):
            box = QCheckBox(name)
            box.setObjectName(f"day{i}")
            box.setChecked(i in (2, 3, 4, 5, 6))
            self.day_boxes.append(box)
            days.addWidget(box)
        days.addStretch(1)
        self.times = QLineEdit("19:30")
        self.times.setObjectName("seriesTimes")
        self.times.setPlaceholderText(self.tr("e.g. 14:30, 19:30"))
        self.on_sale = QSpinBox()
        self.on_sale.setRange(-1, 730)
        self.on_sale.setSpecialValueText(self.tr("at once"))
        self.on_sale.setSuffix(self.tr(" days before"))
        self.on_sale.setValue(-1)
        self.off_sale = QSpinBox()
        self.off_sale.setRange(-7 * 1440 - 1, 1440)
        self.off_sale.setSpecialValueText(self.tr("the venue's default (Venue settings)"))
        self.off_sale.setSuffix(self.tr(" min after the start"))
        self.off_sale.setValue(self.off_sale.minimum())
        self.doors = QSpinBox()
        self.doors.setRange(-1, 600)
        self.doors.setSpecialValueText(self.tr("default (45 min before)"))
        self.doors.setSuffix(self.tr(" min before"))
        self.doors.setValue(-1)
        self.price_box = QGroupBox(self.tr("Full prices (price rules then adjust them)"))
        self.price_form = QFormLayout(self.price_box)

        form = QFormLayout()
        form.addRow(self.tr("S&how"), self.show_box)
        form.addRow(self.tr("Seating p&lan"), self.plan_box)
        dates = QHBoxLayout()
        dates.addWidget(self.first_day)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.last_day)
        dates.addStretch(1)
        form.addRow(self.tr("Dates"), dates)
        form.addRow(self.tr("Days"), days)
        form.addRow(self.tr("Start &times"), self.times)
        form.addRow(self.tr("On sale"), self.on_sale)
        form.addRow(self.tr("Off sale"), self.off_sale)
        form.addRow(self.tr("Doors open"), self.doors)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.price_box)
        left.addStretch(1)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("previewTable")
        self.table.setHorizontalHeaderLabels(i18n.translated("schedule", COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(self.tr("Fill in the series and press Preview (Ctrl+Return)."))
        self.summary.setObjectName("previewSummary")
        self.summary.setWordWrap(True)
        self.preview_button = QPushButton(self.tr("&Preview"))
        self.preview_button.setObjectName("previewSeries")
        self.preview_button.clicked.connect(self.run_preview)
        self.create_button = QPushButton(self.tr("&Create showtimes"))
        self.create_button.setObjectName("createSeries")
        self.create_button.setEnabled(False)
        self.create_button.clicked.connect(self.create)
        close = QPushButton(self.tr("Close"))
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

    def load(self) -> None:
        """Fetch the shows and plans to choose from (worker thread)."""
        self.runner.run(
            lambda s: (shows.list_shows(s), schedule.plan_choices(s)), self._loaded, self._failed, owner=self
        )

    def _loaded(self, result) -> None:
        found_shows, self.plans = result
        self.show_box.clear()
        for s in found_shows:
            self.show_box.addItem(
                self.tr("{title} ({duration_minutes} min)").format(title=s.title, duration_minutes=s.duration_minutes),
                s.id,
            )
        self.plan_box.clear()
        for p in self.plans:
            self.plan_box.addItem(
                self.tr("{venue} · {name} (v{version})").format(venue=p.venue, name=p.name, version=p.version), p.id
            )
        if not found_shows:
            self.summary.setText(self.tr("Add a show first (Manage → Shows)."))

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
            edit.setPlaceholderText(i18n.amount_text(0, "EUR"))
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
            raise InvalidInputError(self.tr("Choose a show and a seating plan."))
        prices = {}
        plan = self.plans[self.plan_box.currentIndex()]
        for cid, name in plan.categories:
            text = self.price_edits[cid].text().strip()
            if not text:
                raise InvalidInputError(self.tr("Give a price for {name}.").format(name=name))
            try:
                prices[cid] = parse_money(text, plan.currency)
            except InvalidInputError as exc:
                raise InvalidInputError(f"{name}: {exc}") from None
        return schedule.SeriesRequest(
            show_id=self.show_box.currentData(),
            plan_id=self.plan_box.currentData(),
            first_day=self.first_day.date().toPython(),
            last_day=self.last_day.date().toPython(),
            weekdays=frozenset(i for i, box in enumerate(self.day_boxes, 1) if box.isChecked()),
            times=tuple(pricing.parse_times(self.times.text())),
            base_prices=prices,
            on_sale_days_before=None if self.on_sale.value() < 0 else self.on_sale.value(),
            off_sale_minutes=None if self.off_sale.value() == self.off_sale.minimum() else self.off_sale.value(),
            doors_minutes_before=None if self.doors.value() < 0 else self.doors.value(),
        )

    def _invalidate(self, *_args) -> None:
        if self.preview is not None:
            self.preview = None
            self.create_button.setEnabled(False)
            self.summary.setText(self.tr("The form changed: Preview again before creating."))

    # -- preview -------------------------------------------------------------------------------

    def run_preview(self) -> None:
        """Work out the series (worker thread) and fill the Preview table."""
        try:
            request = self.request()
        except InvalidInputError as exc:
            self._failed(exc)
            return
        self.preview_button.setEnabled(False)
        self.summary.setText(self.tr("Working out the series…"))

        def done(preview: schedule.SeriesPreview) -> None:
            self.preview_button.setEnabled(True)
            self.show_preview(preview)

        self.runner.run(lambda s: schedule.preview_series(s, request), done, self._failed, owner=self)

    def show_preview(self, preview: schedule.SeriesPreview) -> None:
        """Fill the table from ``preview`` (one price column per category: the full price,
        the other ticket types in its tooltip); Create is enabled when nothing conflicts."""
        zone = ZoneInfo(preview.timezone)
        full = next(iter(preview.ticket_types))  # full is the first type
        columns = [
            self.tr("Day"),
            self.tr("Date"),
            self.tr("Start"),
            self.tr("End"),
            *preview.categories.values(),
            self.tr("Sales"),
            self.tr("Conflicts"),
        ]
        self.table.clear()
        self.table.setColumnCount(len(columns))
        self.table.setHorizontalHeaderLabels(columns)
        self.table.setRowCount(len(preview.planned))
        for row, p in enumerate(preview.planned):
            start, end = p.starts_at.astimezone(zone), p.ends_at.astimezone(zone)
            sales = (
                (i18n.date_only(p.on_sale_at, zone, date="MMMd") if p.on_sale_at else self.tr("now"))
                + " → "
                + (i18n.time_of(p.off_sale_at, zone) if p.off_sale_at else self.tr("end"))
            )
            cells = [
                (i18n.date_only(start, date="EEE"), ""),
                (i18n.date_only(start, date="yMMMd"), ""),
                (i18n.time_of(start), ""),
                (i18n.time_of(end), ""),
            ]
            for cid in preview.categories:
                price = p.prices.get((cid, full))
                others = "\n".join(
                    f"{name}: {format_money(p.prices[(cid, tid)], preview.currency)}"
                    for tid, name in preview.ticket_types.items()
                    if (cid, tid) in p.prices
                )
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
            self.tr("%n showtime(s) of “{show}” at {venue}", "", n).format(show=preview.show_title, venue=preview.venue)
            + (
                self.tr(" — {bad} cannot be scheduled (red): change the dates or times.").format(bad=bad)
                if bad
                else self.tr(". Ready to create.")
            )
        )

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
        if not self.ask(
            self.tr("Create showtimes"),
            self.tr("Create %n showtime(s) of “{show}” and put them on sale as shown?", "", n).format(
                show=self.preview.show_title
            ),
        ):
            return
        progress = QProgressDialog(self.tr("Creating showtimes…"), "", 0, n, self)
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
            self.summary.setText(
                self.tr(
                    "Created %n showtime(s). They are on sale as shown; change single prices in Manage → Prices.",
                    "",
                    len(ids),
                )
            )
            self.scheduled.emit(ids)

        def failed(exc: BaseException) -> None:
            progress.close()
            relay.deleteLater()
            self._failed(exc)

        self.runner.run(
            lambda s: schedule.create_series(s, request, progress=lambda n, _total: relay.step.emit(n)),
            done,
            failed,
            owner=self,
        )

    def _failed(self, exc: BaseException) -> None:
        self.preview_button.setEnabled(True)
        self.summary.setStyleSheet("color: #b91c1c;")
        self.summary.setText(describe_error(exc))
