"""Staff accounts (admins): add, change role, reset password, deactivate. Each account
is a PostgreSQL login (docs/security.md); PINs live only in a till's memory.

Every action runs as the signed-in admin through ``services/staff``, which checks the
``accounts`` permission and audits it. Deactivating asks for confirmation; the database
refuses to deactivate or demote the last active admin, and the service refuses
deactivating yourself.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from boxoffice.domain.roles import ROLES
from boxoffice.services import staff
from boxoffice.services.staff import StaffInfo
from boxoffice.ui.common import i18n
from boxoffice.ui.common.tables import list_table
from boxoffice.ui.common.tasks import TaskRunner, describe_error

COLUMNS = (
    QT_TRANSLATE_NOOP("staff_accounts", "Username"),
    QT_TRANSLATE_NOOP("staff_accounts", "Name"),
    QT_TRANSLATE_NOOP("staff_accounts", "Role"),
    QT_TRANSLATE_NOOP("staff_accounts", "Login"),
    QT_TRANSLATE_NOOP("staff_accounts", "Status"),
    QT_TRANSLATE_NOOP("staff_accounts", "Last sign-in"),
)


class AccountForm(QDialog):
    """A new account (``new=True``) or a new password for one. Only checks that the
    repeated password agrees; the service applies the rules. (PINs are not accounts'
    secrets: a till keeps them in memory, ``services/till.py``.)"""

    def __init__(self, *, title: str, new: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout()
        self.username = self.display_name = self.role = None
        if new:
            self.username = QLineEdit()
            self.username.setObjectName("username")
            self.display_name = QLineEdit()
            self.display_name.setObjectName("displayName")
            self.role = QComboBox()
            self.role.setObjectName("role")
            for role in ROLES:
                self.role.addItem(i18n.role_label(role), role)
            form.addRow(self.tr("&Username"), self.username)
            form.addRow(self.tr("&Display name"), self.display_name)
            form.addRow(self.tr("&Role"), self.role)
        self.password = self._secret("password", self.tr("at least 8 characters"))
        self.repeat = self._secret("repeat", "")
        form.addRow(self.tr("&Password"), self.password)
        form.addRow(self.tr("R&epeat password"), self.repeat)
        self.error = QLabel("")
        self.error.setStyleSheet("color: #b91c1c;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    @staticmethod
    def _secret(name: str, hint: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setPlaceholderText(hint)
        return edit

    def _check(self) -> None:
        if self.password.text() != self.repeat.text():
            self.error.setText(self.tr("The two passwords differ."))
            return
        self.accept()


class StaffAccountsDialog(QDialog):
    """The list of accounts with the actions on the selected one.

    Signals:
        changed(object): an action succeeded (the account as it is now, or the list).
    """

    changed = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.accounts: list[StaffInfo] = []
        self.setWindowTitle(self.tr("Staff accounts · boxoffice"))
        self.resize(860, 460)
        self.table = list_table(i18n.translated("staff_accounts", COLUMNS), "staffTable", single=True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.status = QLabel("")
        self.status.setObjectName("staffStatus")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        self.actions: dict[str, QPushButton] = {}
        for key, label, slot in [
            ("add", self.tr("&Add…"), self.add),
            ("role", self.tr("Change &role…"), self.change_role),
            ("password", self.tr("Reset &password…"), self.reset_password),
            ("active", self.tr("&Deactivate…"), self.toggle_active),
        ]:
            button = QPushButton(label)
            button.setObjectName(key)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.actions[key] = button
        buttons.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._selection_changed()

    def load(self) -> None:
        """Fetch the accounts."""
        self.runner.run(lambda s: staff.list_staff(s), self._show, self._report)

    def _show(self, accounts: list[StaffInfo], select: int | None = None) -> None:
        keep = select if select is not None else (self.selected().id if self.selected() else None)
        self.accounts = accounts
        self.table.setRowCount(len(accounts))
        for row, a in enumerate(accounts):
            last = i18n.date_time(a.last_sign_in_at) if a.last_sign_in_at else self.tr("never")
            login = a.login or self.tr("— (needs a new password)")
            for col, value in enumerate(
                [
                    a.username,
                    a.display_name,
                    i18n.role_label(a.role),
                    login,
                    self.tr("active") if a.active else self.tr("deactivated"),
                    last,
                ]
            ):
                self.table.setItem(row, col, QTableWidgetItem(value))
            if a.id == keep:
                self.table.selectRow(row)
        self._selection_changed()

    def selected(self) -> StaffInfo | None:
        """The selected account, if any."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.accounts[rows[0].row()] if rows and rows[0].row() < len(self.accounts) else None

    def select(self, username: str) -> None:
        """Select the row of ``username``."""
        for row, a in enumerate(self.accounts):
            if a.username == username:
                self.table.selectRow(row)

    def _selection_changed(self) -> None:
        account = self.selected()
        for key in ("role", "password", "active"):
            self.actions[key].setEnabled(account is not None)
        self.actions["active"].setText(
            self.tr("Re&activate") if account is not None and not account.active else self.tr("&Deactivate…")
        )

    def _apply(self, work, message: str) -> None:
        """Run ``work(session) -> StaffInfo``, then reload the list and say ``message``."""

        def done(info: StaffInfo) -> None:
            self.status.setText(message.format(name=info.username))
            self.changed.emit(info)
            self.runner.run(lambda s: staff.list_staff(s), lambda accounts: self._show(accounts, info.id), self._report)

        self.runner.run(work, done, self._report)

    def _report(self, exc: BaseException) -> None:
        self.status.setText(describe_error(exc))

    # -- actions -------------------------------------------------------------------------------

    def add(self) -> None:
        """Ask for a new account's details and create it."""
        form = AccountForm(title=self.tr("Add a staff account"), new=True, parent=self)
        if form.exec():
            fields = dict(
                username=form.username.text(),
                display_name=form.display_name.text(),
                role=form.role.currentData(),
                password=form.password.text(),
            )
            self._apply(lambda s: staff.create_staff(s, **fields), self.tr("Added {name}."))

    def change_role(self) -> None:
        """Pick another role for the selected account."""
        account = self.selected()
        if account is None:
            return
        labels = [i18n.role_label(r) for r in ROLES]
        label, ok = QInputDialog.getItem(
            self,
            self.tr("Change role"),
            self.tr("Role of {display_name}:").format(display_name=account.display_name),
            labels,
            ROLES.index(account.role) if account.role in ROLES else 0,
            False,
        )
        if ok and ROLES[labels.index(label)] != account.role:
            role = ROLES[labels.index(label)]
            self._apply(
                lambda s: staff.set_role(s, staff_id=account.id, role=role),
                self.tr("{name} is now {role} (from their next sign-in).").format(name="{name}", role=label.lower()),
            )

    def reset_password(self) -> None:
        """Set a new password for the selected account."""
        account = self.selected()
        if account is None:
            return
        form = AccountForm(
            title=self.tr("New password for {display_name}").format(display_name=account.display_name), parent=self
        )
        if form.exec():
            password = form.password.text()
            self._apply(
                lambda s: staff.reset_password(s, staff_id=account.id, password=password),
                self.tr("New password set for {name}."),
            )

    def toggle_active(self) -> None:
        """Deactivate the selected account (after confirmation) or reactivate it."""
        account = self.selected()
        if account is None:
            return
        if account.active:
            answer = QMessageBox.question(
                self,
                self.tr("Deactivate account"),
                self.tr(
                    "Deactivate {display_name} ({username})? They can no longer sign in, and a till "
                    "where they are signed in stops working for them at once."
                ).format(display_name=account.display_name, username=account.username),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        active = not account.active
        self._apply(
            lambda s: staff.set_active(s, staff_id=account.id, active=active),
            self.tr("{name} reactivated.") if active else self.tr("{name} deactivated."),
        )
