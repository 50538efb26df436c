"""Plan → Move showtimes…: move showtimes scheduled on older (or other) versions of a plan
to the version open in the editor, one by one, reporting each result (a refusal lists the
sold or held seats that would change)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QVBoxLayout

from boxoffice.services import plan_editor as service
from boxoffice.ui.common import i18n
from boxoffice.ui.common.tasks import TaskRunner, describe_error


class MoveShowtimesDialog(QDialog):
    """Lists the showtimes on other versions of plan ``plan_id`` (version ``version``);
    **Move ticked showtimes** migrates each ticked one in turn on ``runner``."""

    def __init__(self, runner: TaskRunner, *, plan_id: int, version: int, parent=None) -> None:
        super().__init__(parent)
        self.runner, self.plan_id, self.version = runner, plan_id, version
        self.setWindowTitle(self.tr("Move showtimes to version {version}").format(version=version))
        self.resize(620, 460)
        self.list = QListWidget()
        self.move_button = QPushButton(self.tr("Move ticked showtimes to version {version}").format(version=version))
        self.move_button.clicked.connect(self.move_ticked)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setPlaceholderText(
            self.tr(
                "Results appear here. A showtime is moved only if none of its sold or held "
                "seats would move, change label or disappear."
            )
        )
        layout = QVBoxLayout(self)
        self.heading = QLabel(self.tr("Showtimes on other versions of this plan:"))
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 2)
        layout.addWidget(self.move_button)
        layout.addWidget(self.report, 1)
        self._queue: list[QListWidgetItem] = []

    def load(self) -> None:
        """Fetch the showtimes (on a worker)."""
        self.runner.run(lambda s: service.showtimes_of_plan(s, plan_id=self.plan_id), self._fill, self._failed)

    def _fill(self, showtimes) -> None:
        self.list.clear()
        for st in showtimes:
            item = QListWidgetItem(
                self.tr("{title} — {when} (version {version}, {status})").format(
                    title=st.title, when=i18n.date_time(st.starts_at), version=st.version, status=st.status
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, st.showtime_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.heading.setText(
            self.tr("Showtimes on other versions of this plan:")
            if showtimes
            else self.tr("No showtime is on another version of this plan.")
        )
        self.move_button.setEnabled(bool(showtimes))

    def move_ticked(self) -> None:
        """Migrate every ticked showtime, one after the other."""
        self._queue = [
            self.list.item(i)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]
        if self._queue:
            self.move_button.setEnabled(False)
            self._next()

    def _next(self) -> None:
        if not self._queue:
            self.move_button.setEnabled(True)
            self.load()
            return
        item = self._queue.pop(0)
        showtime_id = item.data(Qt.ItemDataRole.UserRole)
        self.runner.run(
            lambda s: service.migrate_showtime(s, showtime_id=showtime_id, new_plan_id=self.plan_id),
            lambda summary: self._moved(item.text(), summary),
            lambda exc: self._refused(item.text(), exc),
        )

    def _moved(self, what: str, summary) -> None:
        self.report.appendPlainText(
            self.tr("✓ {what}: moved ({carried} seats carried over, {added} new, {dropped} removed).").format(
                what=what, carried=summary.carried, added=summary.added, dropped=summary.dropped
            )
        )
        self._next()

    def _refused(self, what: str, exc: BaseException) -> None:
        self.report.appendPlainText(f"✗ {what}: {describe_error(exc)}")
        self._next()

    def _failed(self, exc: BaseException) -> None:
        self.report.appendPlainText(describe_error(exc))
