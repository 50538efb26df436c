"""A manager's override, given in place in the payment dialog: the manager types their
name and password; the till connects as them for a moment (``grant``, off the GUI
thread) and keeps only the single-use token. The cashier stays signed in."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from boxoffice.ui.common.tasks import describe_error, run_detached

Grant = Callable[[str, str, str], uuid.UUID]
"""``grant(manager username, password, reason) -> token`` (blocking; runs on a worker)."""


class OverridePanel(QGroupBox):
    """Manager name, password and an Approve button. ``token`` holds the override once
    given (``None`` before). ``grant`` ``None``: this till cannot ask for overrides.

    Signals:
        approved(object): the token (uuid) arrived.
    """

    approved = Signal(object)

    def __init__(self, grant: Grant | None, reason: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Manager's approval"))
        self.setObjectName("overridePanel")
        self.grant = grant
        self.reason = reason
        self.token: uuid.UUID | None = None
        self.manager = QLineEdit()
        self.manager.setObjectName("managerName")
        self.manager.setPlaceholderText(self.tr("manager's user name"))
        self.password = QLineEdit()
        self.password.setObjectName("managerPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self.approve)
        self.approve_button = QPushButton(self.tr("Approve"))
        self.approve_button.setObjectName("approveOverride")
        self.approve_button.setAutoDefault(False)
        self.approve_button.clicked.connect(self.approve)
        self.status = QLabel(self.tr("A cashier's complimentary ticket needs a manager's approval."))
        self.status.setObjectName("overrideStatus")
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.password, 1)
        row.addWidget(self.approve_button)
        form = QFormLayout(self)
        form.addRow(self.tr("Manager"), self.manager)
        form.addRow(self.tr("Password"), row)
        form.addRow(self.status)
        if grant is None:
            self.status.setText(self.tr("This till cannot ask for a manager's approval: a manager sells the comp."))
            for w in (self.manager, self.password, self.approve_button):
                w.setEnabled(False)

    def approve(self) -> None:
        """Ask the database for the override as the manager typed in (asynchronously)."""
        if self.grant is None or self.token is not None:
            return
        name, password, reason = self.manager.text().strip(), self.password.text(), self.reason().strip()
        if not name or not password:
            self.status.setText(self.tr("The manager types their name and password."))
            return
        if not reason:
            self.status.setText(self.tr("Choose or type the reason first."))
            return
        grant = self.grant
        self.approve_button.setEnabled(False)
        self.status.setText(self.tr("Checking…"))
        run_detached(lambda: grant(name, password, reason), self._granted, self._refused)

    def _granted(self, token: uuid.UUID) -> None:
        self.token = token
        name = self.manager.text().strip()
        self.password.clear()
        for w in (self.manager, self.password, self.approve_button):
            w.setEnabled(False)
        self.status.setText(self.tr("Approved by {manager} for this sale.").format(manager=name))
        self.status.setStyleSheet("color: #1e7d4f; font-weight: bold;")
        self.approved.emit(token)

    def _refused(self, exc: BaseException) -> None:
        self.password.clear()
        self.approve_button.setEnabled(True)
        self.status.setText(describe_error(exc))
        self.status.setStyleSheet("color: #b3261e;")
        self.password.setFocus()
