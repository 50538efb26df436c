"""Sign-in dialogs: the start of a shift, the first run's admin account, the lock screen.

Each dialog runs its service call on a ``gate`` :class:`~boxoffice.ui.tasks.TaskRunner`
(one without an actor: signing in is what establishes one) and, when it succeeds, keeps
the signed-in :class:`~boxoffice.domain.roles.Actor` in ``dialog.actor`` and accepts.
Every attempt is audited by the service. Keyboard first: type the name, Tab, the
secret, Enter.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from boxoffice.domain.roles import Actor
from boxoffice.services import auth, staff
from boxoffice.ui.tasks import TaskRunner, describe_error

ERROR_STYLE = "color: #b91c1c; font-weight: bold;"


class _GateDialog(QDialog):
    """Shared parts: a heading, a form, an error line, one default button.

    Signals:
        signedIn(object): the Actor that signed in (the dialog then accepts).
    """

    signedIn = Signal(object)

    def __init__(self, gate: TaskRunner, *, title: str, heading: str, button: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.gate = gate
        self.actor: Actor | None = None
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.heading = QLabel(heading)
        self.heading.setWordWrap(True)
        self.heading.setObjectName("heading")
        self.form = QFormLayout()
        self.error = QLabel("")
        self.error.setObjectName("signInError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.submit = QPushButton(button)
        self.submit.setObjectName("submit")
        self.submit.setDefault(True)
        self.buttons.addButton(self.submit, QDialogButtonBox.ButtonRole.AcceptRole)
        self.submit.clicked.connect(self._submit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _line(self, name: str, label: str, *, secret: bool = False, text: str = "") -> QLineEdit:
        edit = QLineEdit(text)
        edit.setObjectName(name)
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(label, edit)
        return edit

    def _submit(self) -> None:  # overridden
        raise NotImplementedError

    def _run(self, work) -> None:
        """Run ``work(session) -> Actor`` on the gate; accept on success, show the error."""
        self.submit.setEnabled(False)
        self.error.setText(self.tr("Checking…"))
        self.gate.run(work, self._done, self._failed)

    def _done(self, actor: Actor) -> None:
        self.actor = actor
        self.error.setText("")
        self.signedIn.emit(actor)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.submit.setEnabled(True)
        self.error.setText(describe_error(exc))
        self._clear_secrets()

    def _clear_secrets(self) -> None:
        for edit in self.findChildren(QLineEdit):
            if edit.echoMode() == QLineEdit.EchoMode.Password:
                edit.clear()
        secret = next((e for e in self.findChildren(QLineEdit) if e.echoMode() == QLineEdit.EchoMode.Password), None)
        if secret is not None:
            secret.setFocus()


class SignInDialog(_GateDialog):
    """The start of a shift: name and password. ``permission`` (e.g. ``"sell"``) is what
    the account must be allowed to do here. Rejected (Quit / Esc): nobody signed in."""

    TILL_HINT = QT_TRANSLATE_NOOP("SignInDialog", "Forgotten your password? An admin can set a new one. Later, "
                                  "Ctrl+L locks the till or lets another cashier take over with their PIN.")

    def __init__(self, gate: TaskRunner, *, till: str, permission: str | None = None,
                 venue_hint: str = "", hint: str = TILL_HINT, parent: QWidget | None = None) -> None:
        super().__init__(gate, title=self.tr("Sign in · boxoffice"), button=self.tr("Sign in"), parent=parent,
                         heading=self.tr("<b>Sign in to {till}</b>").format(
                             till=till) + (f"<br>{venue_hint}" if venue_hint else ""))
        self.till, self.permission = till, permission
        self.username = self._line("username", self.tr("&Name"))
        self.password = self._line("password", self.tr("&Password"), secret=True)
        hint = QLabel(self.tr(hint))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.form.addRow(hint)
        quit_button = self.buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        quit_button.setAutoDefault(False)
        quit_button.clicked.connect(self.reject)
        self.username.setFocus()
        gate.run(lambda s: staff.sign_in_names(s), self._names_loaded, lambda exc: None)

    def _names_loaded(self, names) -> None:
        completer = QCompleter([n.username for n in names], self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.username.setCompleter(completer)

    def _submit(self) -> None:
        name, secret = self.username.text(), self.password.text()
        if not name.strip() or not secret:
            self.error.setText(self.tr("Type your name and password."))
            return
        till, permission = self.till, self.permission
        self._run(lambda s: auth.sign_in(s, username=name, secret=secret, till=till, method="password",
                                         reason="start", permission=permission))


class FirstAdminDialog(_GateDialog):
    """The first run: create the admin account (who then adds everyone else) and sign in."""

    def __init__(self, gate: TaskRunner, *, till: str, parent: QWidget | None = None) -> None:
        super().__init__(gate, title=self.tr("Welcome · boxoffice"), button=self.tr("Create admin and sign in"), parent=parent,
                         heading=self.tr("<b>Welcome to boxoffice.</b><br>Create the admin account first. The admin adds "
                                 "cashiers, door staff and managers (Manage → Staff accounts). Keep the password "
                                 "safe: there is no other admin yet."))
        self.till = till
        self.username = self._line("username", self.tr("&Username"), text="admin")
        self.display_name = self._line("displayName", self.tr("&Display name"), text=self.tr("Administrator"))
        self.password = self._line("password", self.tr("&Password"), secret=True)
        self.repeat = self._line("repeat", self.tr("&Repeat password"), secret=True)
        self.pin = self._line("pin", self.tr("P&IN (optional)"), secret=True)
        self.pin.setPlaceholderText(self.tr("4 to 8 digits, to unlock the till quickly"))
        self.password.setPlaceholderText(self.tr("at least 8 characters"))
        quit_button = self.buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        quit_button.setAutoDefault(False)
        quit_button.clicked.connect(self.reject)
        self.password.setFocus()

    def _submit(self) -> None:
        if self.password.text() != self.repeat.text():
            self.error.setText(self.tr("The two passwords differ."))
            self.repeat.clear()
            self.repeat.setFocus()
            return
        username, shown, password, pin = (self.username.text(), self.display_name.text(), self.password.text(),
                                          self.pin.text() or None)
        till = self.till
        self._run(lambda s: staff.create_first_admin(s, username=username, display_name=shown, password=password,
                                                     pin=pin, till=till))


class LockDialog(_GateDialog):
    """The till is locked (idle, or Ctrl+L): the signed-in person continues with their
    PIN or password, or someone else picks their name and signs in (switch cashier).
    It cannot be dismissed otherwise; the window behind it, basket included, stays as it is."""

    def __init__(self, gate: TaskRunner, *, current: Actor, till: str, permission: str | None = None,
                 idle: bool = False, parent: QWidget | None = None) -> None:
        why = self.tr("was idle") if idle else self.tr("is locked")
        super().__init__(gate, title=self.tr("Locked · boxoffice"), button=self.tr("Unlock"), parent=parent,
                         heading=self.tr("<b>This till {why}.</b><br>{display_name} continues with their PIN or "
                                 "password; someone else picks their name to take over the till.").format(
                                     why=why, display_name=current.display_name))
        self.setObjectName("lockDialog")
        self.current, self.till, self.permission = current, till, permission
        self.who = QComboBox()
        self.who.setObjectName("who")
        self.who.addItem(f"{current.display_name} ({current.username})", current.username)
        self.form.addRow(self.tr("&Who"), self.who)
        self.secret = self._line("secret", self.tr("PIN or &password"), secret=True)
        self.secret.setFocus()
        gate.run(lambda s: staff.sign_in_names(s), self._names_loaded, lambda exc: None)

    def _names_loaded(self, names) -> None:
        for n in names:
            if n.username != self.current.username:
                self.who.addItem(f"{n.display_name} ({n.username})", n.username)

    def _submit(self) -> None:
        secret = self.secret.text()
        if not secret:
            self.error.setText(self.tr("Type the PIN or password."))
            return
        username = self.who.currentData()
        reason = "unlock" if username == self.current.username else "switch"
        till, permission = self.till, self.permission
        self._run(lambda s: auth.sign_in(s, username=username, secret=secret, till=till, method="either",
                                         reason=reason, permission=permission))

    def reject(self) -> None:  # Esc and the close button do not unlock
        pass
