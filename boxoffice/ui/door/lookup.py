"""Look up a visitor without their code, by order number or booking e-mail, and admit
their tickets by hand (recorded as ``manual``). Needs the database (online only)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from boxoffice.domain.admission import Verdict, seat_line
from boxoffice.services import door_info
from boxoffice.services.door_info import FoundTicket
from boxoffice.ui.common import i18n
from boxoffice.ui.common.tasks import TaskRunner, describe_error
from boxoffice.ui.door.verdict import headline


def _state(found: FoundTicket, tz: dt.tzinfo) -> str:
    if found.status != "valid":
        return QCoreApplication.translate("door_lookup", "VOID ({status})").format(status=found.status)
    if found.inside and found.admitted_at is not None:
        local = found.admitted_at.astimezone(tz)
        return QCoreApplication.translate("door_lookup", "inside since {time} ({gate})").format(
            time=i18n.time_of(local), gate=found.admitted_gate
        )
    return QCoreApplication.translate("door_lookup", "not admitted")


class LookupDialog(QDialog):
    """Search field (Enter searches), the tickets found, and "Admit selected" (Enter on
    the list, or the button). ``admit(ticket_id, showtime_id, on_verdict)`` does the
    admission (the door screen passes its station's).

    Signals:
        admitted(object): a Verdict from an admission made here.
    """

    admitted = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        *,
        showtime_ids: list[int],
        tz: dt.tzinfo,
        admit: Callable[[int, int, Callable[[Verdict], None]], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Find an order"))
        self.resize(720, 420)
        self.runner = runner
        self.showtime_ids = showtime_ids
        self.tz = tz
        self._admit = admit
        self.found: list[FoundTicket] = []
        self.query = QLineEdit()
        self.query.setObjectName("lookupQuery")
        self.query.setPlaceholderText(self.tr("Order number (BO-001234 or 1234) or booking e-mail, then Enter"))
        self.query.returnPressed.connect(self.search)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("lookupResults")
        self.table.setHorizontalHeaderLabels([self.tr("Order"), self.tr("Seat"), self.tr("Category"), self.tr("State")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(lambda _index: self.admit_selected())
        self.status = QLabel("")
        self.status.setObjectName("lookupStatus")
        self.admit_button = QPushButton(self.tr("Admit selected"))
        self.admit_button.setObjectName("admitSelected")
        self.admit_button.clicked.connect(self.admit_selected)
        self.admit_button.setEnabled(False)
        close = QPushButton(self.tr("Close (Esc)"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.admit_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Enter on the list admits
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.hasFocus():
            self.admit_selected()
            return
        super().keyPressEvent(event)

    def search(self) -> None:
        """Look the query up (on a worker) and list what is found."""
        text = self.query.text().strip()
        if not text:
            return
        self.status.setText(self.tr("Searching…"))
        ids = list(self.showtime_ids)
        self.runner.run(
            lambda s: door_info.find_tickets(s, query=text, showtime_ids=ids),
            self._show,
            lambda exc: self.status.setText(describe_error(exc)),
        )

    def _show(self, found: list[FoundTicket]) -> None:
        self.found = found
        self.table.setRowCount(len(found))
        for row, f in enumerate(found):
            seat = seat_line(f.facts) + ("  ♿" if f.facts.wheelchair else "")
            kind = " · ".join(p for p in (f.facts.category, f.facts.ticket_type) if p)
            for col, text in enumerate([f.facts.order_number, seat, kind, _state(f, self.tz)]):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.admit_button.setEnabled(bool(found))
        self.status.setText(
            self.tr("{count} ticket(s)").format(count=len(found))
            if found
            else self.tr("Nothing found for these showtimes")
        )
        if found:
            self.table.selectRow(next((i for i, f in enumerate(found) if f.status == "valid" and not f.inside), 0))
            self.table.setFocus()

    def admit_selected(self) -> None:
        """Admit the selected ticket(s)."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        for row in rows:
            f = self.found[row]
            self._admit(f.facts.ticket_id, f.facts.showtime_id, self._admitted)

    def _admitted(self, verdict: Verdict) -> None:
        self.admitted.emit(verdict)
        self.status.setText(
            self.tr("Ticket {ticket_id}: {headline}").format(ticket_id=verdict.ticket_id, headline=headline(verdict))
        )
        self.search()
