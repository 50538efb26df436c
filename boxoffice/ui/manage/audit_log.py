"""The audit log screen (managers and admins): filter, page through, export as CSV.

Filters: who, what (action), till, a date range (this computer's local dates; "any" at
either end) and a search text in the target and details. Pages hold
:data:`PAGE_SIZE` entries, newest first (keyset paging, so the thousandth page is as
quick as the first). The export writes every entry matching the filters to a CSV file
on a worker thread, with a progress dialog that can cancel it.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from boxoffice.services import audit
from boxoffice.services.audit import AuditFilter, AuditPage
from boxoffice.ui.common import i18n
from boxoffice.ui.common.tasks import TaskRunner, describe_error

PAGE_SIZE = 200
COLUMNS = (
    QT_TRANSLATE_NOOP("audit_log", "When"),
    QT_TRANSLATE_NOOP("audit_log", "Who"),
    QT_TRANSLATE_NOOP("audit_log", "Role"),
    QT_TRANSLATE_NOOP("audit_log", "Till"),
    QT_TRANSLATE_NOOP("audit_log", "What"),
    QT_TRANSLATE_NOOP("audit_log", "Target"),
    QT_TRANSLATE_NOOP("audit_log", "Details"),
)
_ANY_DATE = QDate(2000, 1, 1)


class _Progress(QObject):
    """Lives on the GUI thread; the export's worker emits into it (queued)."""

    changed = Signal(int, int)


class AuditLogWindow(QDialog):
    """The audit log. ``runner`` runs the queries as the signed-in actor (the service
    refuses anyone without the ``audit`` permission).

    Signals:
        pageShown(object): a page is on screen (the AuditPage), for tests.
        exported(object): an export finished (``(path, rows)``) or failed (the exception).
    """

    pageShown = Signal(object)
    exported = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(self.tr("Audit log · boxoffice"))
        self.resize(1200, 680)
        self._pages: list[int | None] = [None]  # before_id of each page shown so far
        self.page: AuditPage | None = None
        self._filter = AuditFilter()

        self.who = self._combo("who", self.tr("Anyone"))
        self.what = self._combo("what", self.tr("Anything"))
        for action, meaning in audit.ACTIONS.items():
            self.what.addItem(action, action)
            self.what.setItemData(self.what.count() - 1, meaning, Qt.ItemDataRole.ToolTipRole)
        self.till = self._combo("till", self.tr("Any till"))
        self.since = self._date("since")
        self.until = self._date("until")
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("order number, seat, show…"))
        self.search.returnPressed.connect(self.apply)
        apply_button = QPushButton(self.tr("&Apply"))
        apply_button.setObjectName("apply")
        apply_button.clicked.connect(self.apply)
        reset = QPushButton(self.tr("Reset"))
        reset.clicked.connect(self.reset_filters)
        grid = QGridLayout()
        for col, (label, widget) in enumerate(
            [
                (self.tr("&Who"), self.who),
                (self.tr("W&hat"), self.what),
                (self.tr("T&ill"), self.till),
                (self.tr("&From"), self.since),
                (self.tr("&To"), self.until),
                (self.tr("&Search"), self.search),
            ]
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            grid.addWidget(caption, 0, col)
            grid.addWidget(widget, 1, col)
        grid.addWidget(apply_button, 1, 6)
        grid.addWidget(reset, 1, 7)
        grid.setColumnStretch(5, 1)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("auditTable")
        self.table.setHorizontalHeaderLabels(i18n.translated("audit_log", COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for col in range(len(COLUMNS) - 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        self.newer = QPushButton(self.tr("◀ &Newer"))
        self.newer.clicked.connect(self.show_newer)
        self.older = QPushButton(self.tr("&Older ▶"))
        self.older.clicked.connect(self.show_older)
        self.position = QLabel("")
        self.position.setObjectName("position")
        self.export_button = QPushButton(self.tr("&Export CSV…"))
        self.export_button.setObjectName("export")
        self.export_button.clicked.connect(self._ask_export)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.newer)
        bottom.addWidget(self.older)
        bottom.addWidget(self.position, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(close)
        self.status = QLabel("")
        self.status.setObjectName("auditStatus")
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(bottom)

    def _combo(self, name: str, anything: str) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        box.addItem(anything, None)
        box.setMinimumWidth(130)
        return box

    def _date(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(_ANY_DATE)
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(_ANY_DATE)
        return edit

    # -- loading ----------------------------------------------------------------------------

    def load(self) -> None:
        """Fill the filter lists and show the newest page."""
        self.runner.run(lambda s: audit.choices(s), self._choices_loaded, self._report, owner=self)
        self.apply()

    def _choices_loaded(self, choices) -> None:
        for box, values in ((self.who, choices.actors), (self.till, choices.tills)):
            current = box.currentData()
            while box.count() > 1:
                box.removeItem(1)
            for value in values:
                box.addItem(value or self.tr("(none)"), value)
            box.setCurrentIndex(max(0, box.findData(current)))

    def current_filter(self) -> AuditFilter:
        """The filter the widgets describe (dates as local midnights)."""

        def day(edit: QDateEdit, plus: int = 0) -> dt.datetime | None:
            if edit.date() == _ANY_DATE:
                return None
            d = edit.date()
            return dt.datetime(d.year(), d.month(), d.day()).astimezone() + dt.timedelta(days=plus)

        return AuditFilter(
            actor=self.who.currentData(),
            action=self.what.currentData(),
            till=self.till.currentData(),
            since=day(self.since),
            until=day(self.until, 1),
            text=self.search.text().strip() or None,
        )

    def apply(self) -> None:
        """Show the newest page matching the filters."""
        self._filter = self.current_filter()
        self._pages = [None]
        self._load_page()

    def reset_filters(self) -> None:
        """Clear every filter and show the newest entries."""
        for box in (self.who, self.what, self.till):
            box.setCurrentIndex(0)
        self.since.setDate(_ANY_DATE)
        self.until.setDate(_ANY_DATE)
        self.search.clear()
        self.apply()

    def show_older(self) -> None:
        """The next page of older entries."""
        if self.page is not None and self.page.next_before is not None:
            self._pages.append(self.page.next_before)
            self._load_page()

    def show_newer(self) -> None:
        """The previous (newer) page."""
        if len(self._pages) > 1:
            self._pages.pop()
            self._load_page()

    def _load_page(self) -> None:
        where, before = self._filter, self._pages[-1]
        self.status.setText(self.tr("Loading…"))
        self.runner.run(
            lambda s: audit.search(s, where=where, before_id=before, limit=PAGE_SIZE),
            self._show_page,
            self._report,
            owner=self,
        )

    def _show_page(self, page: AuditPage) -> None:
        self.page = page
        self.table.setRowCount(len(page.entries))
        for row, entry in enumerate(page.entries):
            cells = [
                entry.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
                entry.actor,
                entry.role,
                entry.till,
                entry.action,
                entry.target,
                audit.describe(entry),
            ]
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if col == len(cells) - 1:
                    item.setToolTip(json.dumps(entry.details, indent=2, ensure_ascii=False))
                self.table.setItem(row, col, item)
        first = (len(self._pages) - 1) * PAGE_SIZE
        self.position.setText(
            self.tr("Entries {first}–{last} of {total}").format(
                first=i18n.number(first + 1), last=i18n.number(first + len(page.entries)), total=i18n.number(page.total)
            )
            if page.entries
            else self.tr("No entries match.")
        )
        self.newer.setEnabled(len(self._pages) > 1)
        self.older.setEnabled(page.next_before is not None)
        self.status.setText("")
        self.pageShown.emit(page)

    def _report(self, exc: BaseException) -> None:
        self.status.setText(describe_error(exc))

    # -- export -----------------------------------------------------------------------------

    def _ask_export(self) -> None:
        default = str(Path.home() / f"audit-{dt.date.today():%Y%m%d}.csv")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit log"), default, self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Export every entry matching the applied filters to ``path`` (CSV, UTF-8) on a
        worker, with a cancellable progress dialog; emits ``exported`` when done."""
        where, stop = self._filter, threading.Event()
        progress = _Progress(self)
        dialog = QProgressDialog(self.tr("Exporting the audit log…"), self.tr("Cancel"), 0, 0, self)
        dialog.setObjectName("exportProgress")
        dialog.setWindowTitle(self.tr("Export"))
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(stop.set)
        progress.changed.connect(lambda done, total: (dialog.setMaximum(max(total, 1)), dialog.setValue(done)))
        self.export_button.setEnabled(False)
        partial = path.with_name(path.name + ".part")

        def work(session):
            with open(partial, "w", newline="", encoding="utf-8") as out:
                rows = audit.export_csv(
                    session, out=out, where=where, progress=progress.changed.emit, cancelled=stop.is_set
                )
            if stop.is_set():
                partial.unlink(missing_ok=True)
                return None
            partial.replace(path)
            return rows

        def done(rows) -> None:
            dialog.reset()
            self.export_button.setEnabled(True)
            self.status.setText(
                self.tr("Export cancelled.")
                if rows is None
                else self.tr("Exported {rows} entries to {path}.").format(rows=i18n.number(rows), path=path)
            )
            self.exported.emit((path, rows))

        def failed(exc: BaseException) -> None:
            dialog.reset()
            partial.unlink(missing_ok=True)
            self.export_button.setEnabled(True)
            self._report(exc)
            self.exported.emit(exc)

        self.runner.run(work, done, failed, owner=self)
