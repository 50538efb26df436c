"""Manage → Admission conflicts: tickets a door let in while offline that the database
refused on upload (admitted elsewhere meanwhile, voided, wrong showtime), for managers
to follow up and mark as resolved with a note.

Reads and writes through ``services/door_info`` (``reports`` permission, audited) on the
window's task runner; nothing touches the database on the GUI thread.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from boxoffice.services import door_info
from boxoffice.services.door_info import Conflict
from boxoffice.ui.common import i18n
from boxoffice.ui.common.tables import list_table
from boxoffice.ui.common.tasks import TaskRunner, describe_error

COLUMNS = (
    QT_TRANSLATE_NOOP("admission_conflicts", "Reported"),
    QT_TRANSLATE_NOOP("admission_conflicts", "Showtime"),
    QT_TRANSLATE_NOOP("admission_conflicts", "Ticket"),
    QT_TRANSLATE_NOOP("admission_conflicts", "Let in offline"),
    QT_TRANSLATE_NOOP("admission_conflicts", "But the database said"),
    QT_TRANSLATE_NOOP("admission_conflicts", "Resolved"),
)

VERDICT_TEXT = {
    "already_admitted": QT_TRANSLATE_NOOP("admission_conflicts", "already admitted"),
    "void": QT_TRANSLATE_NOOP("admission_conflicts", "void"),
    "wrong_showtime": QT_TRANSLATE_NOOP("admission_conflicts", "wrong showtime"),
    "not_valid": QT_TRANSLATE_NOOP("admission_conflicts", "not valid"),
}


def _local(moment: dt.datetime | None) -> str:
    """This computer's local time, e.g. ``"Mon 23 Nov 19:02"``; empty for ``None``."""
    return i18n.date_time(moment, date="MMMEd") if moment is not None else ""


def conflict_cells(c: Conflict) -> list[str]:
    """The table row of ``c``, in :data:`COLUMNS` order."""
    said = QCoreApplication.translate("admission_conflicts", VERDICT_TEXT.get(c.verdict, c.verdict.replace("_", " ")))
    if c.other_gate and c.other_at:
        said += QCoreApplication.translate("admission_conflicts", " at {other_gate}, {local}").format(
            other_gate=c.other_gate, local=_local(c.other_at)
        )
    elif c.reason:
        said += f" ({c.reason})"
    ticket = " · ".join(p for p in (c.order_number, c.seat) if p) or QCoreApplication.translate(
        "admission_conflicts", "ticket {ticket_id}"
    ).format(ticket_id=c.ticket_id)
    resolved = (
        QCoreApplication.translate("admission_conflicts", "{local} by {resolved_by}").format(
            local=_local(c.resolved_at), resolved_by=c.resolved_by
        )
        + (f": {c.note}" if c.note else "")
        if c.resolved_at
        else ""
    )
    return [
        _local(c.reported_at),
        f"{c.show_title} {_local(c.starts_at)}".strip() or f"#{c.showtime_id}",
        ticket,
        f"{c.gate} ({c.device}), {_local(c.scanned_at)}",
        said,
        resolved,
    ]


class AdmissionConflictsDialog(QDialog):
    """The open (or all) admission conflicts, newest first, with "Mark resolved…".

    F5 reloads; the list also reloads after each resolve.
    """

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.rows: list[Conflict] = []
        self.setWindowTitle(self.tr("Admission conflicts · boxoffice"))
        self.resize(1100, 440)
        intro = QLabel(
            self.tr(
                "Tickets a door let in while it was offline, which the database refused when the door "
                "uploaded: someone else was admitted on the same ticket, or it was void. Follow them up "
                "(e.g. check the seats) and mark them resolved."
            )
        )
        intro.setWordWrap(True)
        self.table = list_table(i18n.translated("admission_conflicts", COLUMNS), "conflictTable", single=True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.show_resolved = QCheckBox(self.tr("Show &resolved ones too"))
        self.show_resolved.setObjectName("showResolved")
        self.show_resolved.toggled.connect(lambda _on: self.load())
        self.status = QLabel("")
        self.status.setObjectName("conflictStatus")
        self.status.setWordWrap(True)
        self.resolve_button = QPushButton(self.tr("&Mark resolved…"))
        self.resolve_button.setObjectName("resolve")
        self.resolve_button.clicked.connect(lambda: self.resolve_selected())
        reload_button = QPushButton(self.tr("Reload (F5)"))
        reload_button.clicked.connect(self.load)
        QShortcut(QKeySequence("F5"), self, activated=self.load)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.resolve_button)
        buttons.addWidget(self.show_resolved)
        buttons.addStretch(1)
        buttons.addWidget(reload_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._selection_changed()

    def load(self) -> None:
        """Fetch the conflicts on a worker and show them."""
        open_only = not self.show_resolved.isChecked()
        self.status.setText(self.tr("Loading…"))
        self.runner.run(lambda s: door_info.conflicts(s, open_only=open_only), self._loaded, self._failed)

    def _loaded(self, rows: list[Conflict]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, conflict in enumerate(rows):
            for c, text in enumerate(conflict_cells(conflict)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, conflict.id)
                self.table.setItem(r, c, item)
        everything = self.show_resolved.isChecked()
        if rows:
            self.status.setText(
                self.tr("%n conflict(s).", "", len(rows))
                if everything
                else self.tr("%n open conflict(s).", "", len(rows))
            )
        else:
            self.status.setText(
                self.tr("No admission conflicts.") if everything else self.tr("No open admission conflicts.")
            )
        self._selection_changed()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(describe_error(exc))

    def selected(self) -> Conflict | None:
        """The selected conflict, or ``None``."""
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) and self.table.selectedItems() else None

    def _selection_changed(self) -> None:
        chosen = self.selected()
        self.resolve_button.setEnabled(chosen is not None and chosen.resolved_at is None)

    def resolve_selected(self, note: str | None = None) -> None:
        """Mark the selected conflict resolved; asks for a note unless ``note`` is given."""
        chosen = self.selected()
        if chosen is None or chosen.resolved_at is not None:
            return
        if note is None:
            note, ok = QInputDialog.getText(
                self,
                self.tr("Mark resolved"),
                self.tr("What was done about {ticket}? (optional)").format(ticket=conflict_cells(chosen)[2]),
            )
            if not ok:
                return
        conflict_id = chosen.id
        self.status.setText(self.tr("Saving…"))
        self.runner.run(
            lambda s: door_info.resolve_conflict(s, conflict_id=conflict_id, note=note),
            lambda done: self.load(),
            self._failed,
        )
