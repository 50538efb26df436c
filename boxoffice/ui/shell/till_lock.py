"""Locking an unattended till and switching cashier.

:class:`IdleWatcher` notices when nobody has pressed a key, clicked, scrolled or moved
the mouse for ``seconds``; :class:`TillLock` then shows the
:class:`~boxoffice.ui.shell.sign_in.LockDialog` over the window (the basket stays on screen,
its holds keep counting down) and, when someone signs in there, makes them the runner's
actor. Ctrl+L locks at once (the way to switch cashier).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from boxoffice.domain.roles import Actor
from boxoffice.services.till import TillSessions
from boxoffice.ui.common.tasks import TaskRunner
from boxoffice.ui.shell.sign_in import LockDialog

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
}


class IdleWatcher(QObject):
    """Emits ``idle`` once after ``seconds`` (float) without user input anywhere in the
    application; ``seconds <= 0`` never. Watching restarts with :meth:`reset`.

    Signals:
        idle(): the application has been idle for ``seconds``.
    """

    idle = Signal()

    def __init__(self, seconds: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.seconds = float(seconds)
        self._last = time.monotonic()
        self._armed = False
        self._timer = QTimer(self)
        # check often enough to lock within a quarter of the idle time (at most every second)
        self._timer.setInterval(int(max(20, min(1000, self.seconds * 250))))
        self._timer.timeout.connect(self._check)
        app = QApplication.instance()
        if app is not None and self.seconds > 0:
            app.installEventFilter(self)

    def start(self) -> None:
        """Start (or restart) watching from now."""
        if self.seconds <= 0:
            return
        self._last = time.monotonic()
        self._armed = True
        self._timer.start()

    reset = start

    def stop(self) -> None:
        """Stop watching until :meth:`start`."""
        self._armed = False
        self._timer.stop()

    def idle_for(self) -> float:
        """Seconds since the last user input."""
        return time.monotonic() - self._last

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in _ACTIVITY:
            self._last = time.monotonic()
        return False

    def _check(self) -> None:
        if self._armed and self.idle_for() >= self.seconds:
            self.stop()
            self.idle.emit()


class TillLock(QObject):
    """The lock of one window. ``runner`` is the window's (its actor is who is signed
    in); ``gate`` runs sign-ins; ``permission`` is what an account needs to work here.

    Signals:
        lockedChanged(bool): the lock dialog appeared (true) or someone signed in (false).
        switched(object): someone signed in at the lock (the Actor; maybe the same person).
    """

    lockedChanged = Signal(bool)
    switched = Signal(object)

    def __init__(
        self,
        window: QWidget,
        runner: TaskRunner,
        gate: TaskRunner,
        *,
        till: str,
        idle_seconds: float,
        permission: str | None = None,
        sessions: TillSessions | None = None,
    ) -> None:
        super().__init__(window)
        self.window, self.runner, self.gate = window, runner, gate
        self.sessions = sessions
        self.till, self.permission = till, permission
        self.dialog: LockDialog | None = None
        self.watcher = IdleWatcher(idle_seconds, self)
        self.watcher.idle.connect(lambda: self.lock(idle=True))

    @property
    def locked(self) -> bool:
        """Whether the lock dialog is showing."""
        return self.dialog is not None

    def start(self) -> None:
        """Start watching for idleness."""
        self.watcher.start()

    def lock(self, *, idle: bool = False) -> None:
        """Show the lock dialog over the window (nothing happens if it already shows)."""
        if self.dialog is not None or self.runner.actor is None:
            return
        self.watcher.stop()
        self.dialog = LockDialog(
            self.gate,
            self.sessions,
            current=self.runner.actor,
            till=self.till,
            permission=self.permission,
            idle=idle,
            parent=self.window,
        )
        self.dialog.signedIn.connect(self._signed_in)
        self.dialog.open()
        self.lockedChanged.emit(True)

    def _signed_in(self, actor: Actor) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()
        self.runner.set_actor(actor)
        self.watcher.start()
        self.lockedChanged.emit(False)
        self.switched.emit(actor)

    def stop(self) -> None:
        """Stop watching (the window is closing)."""
        self.watcher.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.watcher)
