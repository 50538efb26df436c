"""Choose the gate's name and the showtime(s) it serves (when the command line did not)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from boxoffice.services.door_info import DoorShowtime
from boxoffice.ui.common import i18n


class DoorSetupDialog(QDialog):
    """Gate name and a checklist of showtimes (today's, around now). After ``exec()``
    returns accepted, read :meth:`gate` and :meth:`showtime_ids`."""

    def __init__(
        self,
        showtimes: list[DoorShowtime],
        *,
        gate: str,
        tz: dt.tzinfo,
        now: dt.datetime | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Door: gate and showtimes"))
        self.resize(560, 420)
        now = now or dt.datetime.now(dt.UTC)
        self.gate_edit = QLineEdit(gate)
        self.gate_edit.setObjectName("gateEdit")
        self.list = QListWidget()
        self.list.setObjectName("showtimeChoices")
        # preselect the showtime whose doors open next (or are open and it has not ended)
        upcoming = [s for s in showtimes if s.starts_at + dt.timedelta(hours=1) >= now]
        preselect = upcoming[0].id if upcoming else None
        for s in showtimes:
            local, doors = s.starts_at.astimezone(tz), s.doors_open_at.astimezone(tz)
            item = QListWidgetItem(
                self.tr("{when}  {title}   (doors {doors})").format(
                    when=i18n.date_time(local, date="MMMEd"), title=s.title, doors=i18n.time_of(doors)
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if s.id == preselect else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.problem = QLabel(
            "" if showtimes else self.tr("No showtimes around today. Schedule one, or pass --showtime.")
        )
        self.problem.setStyleSheet("color: #b3261e;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Gate name"), self.gate_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Showtimes this gate admits to:")))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def gate(self) -> str:
        return self.gate_edit.text().strip()

    def showtime_ids(self) -> list[int]:
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _accept(self) -> None:
        if not self.gate():
            self.problem.setText(self.tr('Give the gate a name (other gates see it: "admitted at North").'))
        elif not self.showtime_ids():
            self.problem.setText(self.tr("Tick at least one showtime."))
        else:
            self.accept()
