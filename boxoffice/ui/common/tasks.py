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
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot
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
) -> None:
    """Run ``fn()`` on ``pool`` (default: the global pool); call ``on_done(result)`` or
    ``on_error(exception)`` on the GUI thread. Call from the GUI thread."""
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
    ) -> None:
        """Run ``fn`` with a new Session on a worker; call ``on_done(result)`` or
        ``on_error(exception)`` later on the GUI thread. With ``require_actor`` and nobody
        signed in, ``on_error`` gets a PermissionDeniedError and nothing runs."""
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

        def done(result: Any) -> None:
            self._finished()
            if on_done is not None:
                on_done(result)

        def failed(exc: BaseException) -> None:
            self._finished()
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
