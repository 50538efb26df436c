"""Running database work off the GUI thread.

:class:`TaskRunner` runs a function with a fresh Session on a worker thread, tracks how
many tasks are in flight (for a busy indicator), and hands the result or the error back
on the GUI thread. Worker code never touches widgets.

The runner carries who is signed in: every task's Session gets the runner's
:class:`~boxoffice.domain.roles.Actor` as ``session.info["actor"]`` (taken when the task
is submitted, so switching cashier never changes who did a task already running). The
services authorize and audit that actor (``services/auth``). A runner made with
``require_actor=True`` (the till's) refuses to run anything while nobody is signed in,
so the desktop never falls back to the system principal.

A task can name its ``owner`` (a window, or any QObject), as Anki's ``QueryOp(parent=...)``
does: when the owner is deleted, or a window closed, before the task finishes, its
callbacks are dropped here, so a screen never needs its own "is my window still there"
guard around ``on_done`` / ``on_error``.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session, sessionmaker

from boxoffice.domain.errors import BoxOfficeError, PermissionDeniedError
from boxoffice.domain.roles import Actor

log = logging.getLogger(__name__)
_alive: set[_Relay] = set()


class _Relay(QObject):
    """Created on the GUI thread; a worker emits its signals and the connected methods
    run queued on the GUI thread (a method of a QObject, never a bare lambda, so the
    thread hop is guaranteed)."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self.done.connect(self._deliver_done)
        self.failed.connect(self._deliver_failed)
        _alive.add(self)

    @Slot(object)
    def _deliver_done(self, value: Any) -> None:
        _alive.discard(self)
        self._on_done(value)

    @Slot(object)
    def _deliver_failed(self, exc: BaseException) -> None:
        _alive.discard(self)
        self._on_error(exc)


class _OwnerWatch(QObject):
    """A child of a task's owner that counts the owner's close events. Being a child, it
    is deleted with the owner, so ``isValid`` on it says whether the owner still exists."""

    NAME = "boxoffice-task-owner-watch"

    def __init__(self, owner: QObject) -> None:
        super().__init__(owner)
        self.setObjectName(self.NAME)
        self.closes = 0
        if isinstance(owner, QWidget):
            owner.installEventFilter(self)

    @staticmethod
    def of(owner: QObject) -> _OwnerWatch:
        """The owner's watch (made on first use; one per owner)."""
        found = owner.findChild(_OwnerWatch, _OwnerWatch.NAME, Qt.FindChildOption.FindDirectChildrenOnly)
        return found if isinstance(found, _OwnerWatch) else _OwnerWatch(owner)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Close:
            self.closes += 1
        return False


class _Ticket:
    """Whether a task's callbacks still have somewhere to go: its owner exists and its
    window (for a widget: the top-level window it is in when the task starts) was not
    closed since. A close the window refused, or a window shown again, leaves it visible:
    then the callbacks still run."""

    def __init__(self, owner: QObject) -> None:
        self._owner = owner
        self._window = owner.window() if isinstance(owner, QWidget) else None
        self._watch = _OwnerWatch.of(self._window or owner)
        self._closes = self._watch.closes

    def valid(self) -> bool:
        """True while the callbacks may run."""
        if not shiboken6.isValid(self._owner) or not shiboken6.isValid(self._watch):
            return False
        if self._watch.closes == self._closes:
            return True
        return self._window is not None and shiboken6.isValid(self._window) and self._window.isVisible()


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay

    def run(self) -> None:  # worker thread
        try:
            result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread
            if not isinstance(exc, BoxOfficeError):
                log.error("task failed:\n%s", "".join(traceback.format_exception(exc)))
            self.relay.failed.emit(exc)
        else:
            self.relay.done.emit(result)


def run_detached(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    pool: QThreadPool | None = None,
    *,
    owner: QObject | None = None,
) -> None:
    """Run ``fn()`` on ``pool`` (default: the global pool); call ``on_done(result)`` or
    ``on_error(exception)`` on the GUI thread. Call from the GUI thread. ``owner``: as for
    :meth:`TaskRunner.run` (neither callback runs once it is deleted or its window closed)."""
    if owner is not None:
        ticket = _Ticket(owner)
        done, failed = on_done, on_error

        def on_done(result: Any) -> None:
            if ticket.valid():
                done(result)

        def on_error(exc: BaseException) -> None:
            if ticket.valid():
                failed(exc)
            else:
                log.info("dropped the error of a task whose window has gone: %r", exc)

    (pool or QThreadPool.globalInstance()).start(_Job(fn, _Relay(on_done, on_error)))


class TaskRunner(QObject):
    """Runs ``fn(session)`` on its own thread pool, as :attr:`actor`.

    Signals:
        busyChanged(bool): true while at least one task is running.
        error(object): a task failed and had no ``on_error`` handler (the exception).
        actorChanged(object): :attr:`actor` changed (the new Actor, or ``None``).
    """

    busyChanged = Signal(bool)
    error = Signal(object)
    actorChanged = Signal(object)

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        parent: QObject | None = None,
        max_threads: int = 4,
        *,
        actor: Actor | None = None,
        require_actor: bool = False,
        factory_for: Callable[[Actor], sessionmaker[Session]] | None = None,
    ) -> None:
        """``factory_for(actor)``, if given, is the connection pool of the person a task runs
        as (their own database login, :class:`boxoffice.services.till.TillSessions`);
        otherwise tasks use ``session_factory`` (the system principal, or in tests a
        superuser connection that plays the actor)."""
        super().__init__(parent)
        self._factory = session_factory
        self._factory_for = factory_for
        self._actor = actor
        self.require_actor = require_actor
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._running = 0

    @property
    def actor(self) -> Actor | None:
        """Who the tasks run as (``None``: the system principal, unless ``require_actor``)."""
        return self._actor

    def set_actor(self, actor: Actor | None) -> None:
        """Run later tasks as ``actor``; emits ``actorChanged`` when it differs."""
        if actor != self._actor:
            self._actor = actor
            self.actorChanged.emit(actor)

    @property
    def busy(self) -> bool:
        """Whether any task is running."""
        return self._running > 0

    def run(
        self,
        fn: Callable[[Session], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        owner: QObject | None = None,
    ) -> None:
        """Run ``fn`` with a new Session on a worker; call ``on_done(result)`` or
        ``on_error(exception)`` later on the GUI thread. With ``require_actor`` and nobody
        signed in, ``on_error`` gets a PermissionDeniedError and nothing runs.

        ``owner`` (a QWidget, or any QObject): the window the callbacks work on. When it
        has been deleted, or (a widget) closed and not shown again, by the time the task
        finishes, neither callback runs and an error is only logged (not emitted as
        :attr:`error`). Pass ``owner=self`` from a screen instead of guarding callbacks."""
        actor, required = self._actor, self.require_actor
        factory = self._factory if actor is None or self._factory_for is None else None
        factory_for = self._factory_for

        def job() -> Any:
            if actor is None and required:
                raise PermissionDeniedError(self.tr("Nobody is signed in at this till."), permission=None, role=None)
            with (factory or factory_for(actor))() as session:
                if actor is not None:
                    session.info["actor"] = actor
                return fn(session)

        ticket = _Ticket(owner) if owner is not None else None

        def done(result: Any) -> None:
            self._finished()
            if ticket is not None and not ticket.valid():
                return
            if on_done is not None:
                on_done(result)

        def failed(exc: BaseException) -> None:
            self._finished()
            if ticket is not None and not ticket.valid():
                log.info("dropped the error of a task whose window has gone: %r", exc)
                return
            (on_error or self.error.emit)(exc)

        self._running += 1
        if self._running == 1:
            self.busyChanged.emit(True)
        run_detached(job, done, failed, self._pool)

    def _finished(self) -> None:
        self._running -= 1
        if self._running == 0:
            self.busyChanged.emit(False)

    def wait(self, msecs: int = 10_000) -> bool:
        """Block until running tasks finish (for shutdown and tests)."""
        return self._pool.waitForDone(msecs)


def describe_error(exc: BaseException) -> str:
    """A one-line message for the user: the domain message, or a generic one for bugs."""
    if isinstance(exc, BoxOfficeError):
        return str(exc)
    return QCoreApplication.translate(
        "tasks", "Something went wrong ({error_type}). Nothing was sold; please try again."
    ).format(error_type=type(exc).__name__)
