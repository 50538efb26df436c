"""Sign-in dialogs: the start of a shift, the first run's admin account, the lock screen.

Each dialog runs its work on a ``gate`` :class:`~boxoffice.ui.common.tasks.TaskRunner` (one
without an actor: signing in is what establishes one). Signing in connects to PostgreSQL
as the person's own login (:class:`~boxoffice.services.till.TillSessions`), so the
server checks the password; a wrong one is in the server's log, a right one in the audit
log. On success the dialog keeps the :class:`~boxoffice.domain.roles.Actor` in
``dialog.actor`` and accepts. Keyboard first: type the name, Tab, the secret, Enter.
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
from boxoffice.services import staff
from boxoffice.services.till import TillSessions
from boxoffice.ui.common.tasks import TaskRunner, describe_error

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

    TILL_HINT = QT_TRANSLATE_NOOP(
        "SignInDialog",
        "Forgotten your password? An admin can set a new one. The PIN "
        "is optional: it lets you take this till back after Ctrl+L, during this shift only.",
    )

    def __init__(
        self,
        gate: TaskRunner,
        sessions: TillSessions,
        *,
        till: str,
        permission: str | None = None,
        venue_hint: str = "",
        hint: str = TILL_HINT,
        offer_pin: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            gate,
            title=self.tr("Sign in · boxoffice"),
            button=self.tr("Sign in"),
            parent=parent,
            heading=self.tr("<b>Sign in to {till}</b>").format(till=till) + (f"<br>{venue_hint}" if venue_hint else ""),
        )
        self.sessions, self.till, self.permission = sessions, till, permission
        self.username = self._line("username", self.tr("&Name"))
        self.password = self._line("password", self.tr("&Password"), secret=True)
        self.pin = self._line("pin", self.tr("P&IN for this shift"), secret=True)
        self.pin.setPlaceholderText(self.tr("optional: 4 to 8 digits, to switch back quickly"))
        self.pin.setVisible(offer_pin)
        self.form.labelForField(self.pin).setVisible(offer_pin)
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
        name, secret, pin = self.username.text(), self.password.text(), self.pin.text() or None
        if not name.strip() or not secret:
            self.error.setText(self.tr("Type your name and password."))
            return
        sessions, till, permission = self.sessions, self.till, self.permission
        self._run(
            lambda _s: sessions.sign_in(username=name, password=secret, till=till, permission=permission, pin=pin)
        )


class FirstAdminDialog(_GateDialog):
    """The first run on the embedded server: create the admin account (who then adds
    everyone else) and sign in as them. ``gate`` runs as the embedded server's superuser."""

    def __init__(self, gate: TaskRunner, sessions: TillSessions, *, till: str, parent: QWidget | None = None) -> None:
        super().__init__(
            gate,
            title=self.tr("Welcome · boxoffice"),
            button=self.tr("Create admin and sign in"),
            parent=parent,
            heading=self.tr(
                "<b>Welcome to boxoffice.</b><br>Create the admin account first. The admin "
                "adds cashiers, door staff and managers (Manage → Staff accounts). Keep the "
                "password safe: there is no other admin yet."
            ),
        )
        self.sessions, self.till = sessions, till
        self.username = self._line("username", self.tr("&Username"), text="admin")
        self.display_name = self._line("displayName", self.tr("&Display name"), text=self.tr("Administrator"))
        self.password = self._line("password", self.tr("&Password"), secret=True)
        self.repeat = self._line("repeat", self.tr("&Repeat password"), secret=True)
        self.pin = self._line("pin", self.tr("P&IN for this shift"), secret=True)
        self.pin.setPlaceholderText(self.tr("optional: 4 to 8 digits, to unlock the till quickly"))
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
        username, shown, password, pin = (
            self.username.text(),
            self.display_name.text(),
            self.password.text(),
            self.pin.text() or None,
        )
        sessions, till = self.sessions, self.till

        def create(session):
            staff.create_first_admin(session, username=username, display_name=shown, password=password)
            return sessions.sign_in(username=username, password=password, till=till, reason="first_run", pin=pin)

        self._run(create)


class LockDialog(_GateDialog):
    """The till is locked (idle, or Ctrl+L): the signed-in person continues with their
    PIN or password, or someone else picks their name and signs in (switch cashier).
    It cannot be dismissed otherwise; the window behind it, basket included, stays as it is."""

    def __init__(
        self,
        gate: TaskRunner,
        sessions: TillSessions,
        *,
        current: Actor,
        till: str,
        permission: str | None = None,
        idle: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        why = self.tr("was idle") if idle else self.tr("is locked")
        super().__init__(
            gate,
            title=self.tr("Locked · boxoffice"),
            button=self.tr("Unlock"),
            parent=parent,
            heading=self.tr(
                "<b>This till {why}.</b><br>{display_name} continues with their PIN or "
                "password; someone else picks or types their name to take over the "
                "till."
            ).format(why=why, display_name=current.display_name),
        )
        self.setObjectName("lockDialog")
        self.sessions, self.current, self.till, self.permission = sessions, current, till, permission
        self.who = QComboBox()
        self.who.setObjectName("who")
        self.who.setEditable(True)  # someone who has not signed in here yet types their name
        self.who.addItem(f"{current.display_name} ({current.username})", current.username)
        for person in sessions.people():
            if person.username != current.username:
                self.who.addItem(f"{person.display_name} ({person.username})", person.username)
        self.form.addRow(self.tr("&Who"), self.who)
        self.secret = self._line("secret", self.tr("PIN or &password"), secret=True)
        self.secret.setFocus()

    def _username(self) -> str:
        """The picked person's name, or the name typed into the box."""
        typed = self.who.currentText()
        index = self.who.findText(typed)
        return self.who.itemData(index) if index >= 0 else typed.strip()

    def _submit(self) -> None:
        secret = self.secret.text()
        if not secret:
            self.error.setText(self.tr("Type the PIN or password."))
            return
        username = self._username()
        sessions, till, permission = self.sessions, self.till, self.permission
        reason = "unlock" if username == self.current.username else "switch"
        self._run(
            lambda _s: sessions.unlock(
                username=username, secret=secret, till=till, permission=permission, reason=reason
            )
        )

    def reject(self) -> None:  # Esc and the close button do not unlock
        pass
