"""Live seat maps on the GUI side: the feed relayed to the GUI thread, and the fetch loop
that keeps one showtime's seat states in step with the database.

:class:`LiveFeed` wraps a :class:`boxoffice.db.feed.InventoryFeed` (which calls back on its
own thread) and re-emits its notifications and status changes as Qt signals on the GUI
thread. :class:`StateSync` turns notifications into fetches of what changed
(``inventory.seat_states(since_version=...)``), one at a time: a notification that
arrives while a fetch is in flight only marks the showtime dirty, and one more fetch
follows when the current one returns, however many notifications came meanwhile.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot

from boxoffice.db.feed import FeedStatus, InventoryFeed
from boxoffice.services import inventory

log = logging.getLogger(__name__)


class LiveFeed(QObject):
    """The inventory feed, relayed to the GUI thread. Create it on the GUI thread.

    Signals:
        inventoryChanged(int): inventory of this showtime id changed (one per notification).
        statusChanged(object): the feed's :class:`~boxoffice.db.feed.FeedStatus` changed.
    """

    inventoryChanged = Signal(int)
    statusChanged = Signal(object)
    _notified = Signal(int)  # emitted on the feed thread, delivered queued on the GUI thread
    _status = Signal(object)

    def __init__(self, feed: InventoryFeed, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.feed = feed
        self._closed = False
        self._notified.connect(self._relay_notified, Qt.ConnectionType.QueuedConnection)
        self._status.connect(self._relay_status, Qt.ConnectionType.QueuedConnection)
        feed.add_listener(self._on_feed_notify, self._on_feed_status)

    @property
    def status(self) -> FeedStatus:
        """The feed's latest status."""
        return self.feed.status

    def start(self) -> None:
        """Start listening (the connection is made on the feed's thread)."""
        self._closed = False
        self.feed.start()

    def stop(self, timeout: float = 5.0) -> bool:
        """Stop relaying and stop the feed's thread; returns whether it ended in time."""
        self._closed = True
        self.feed.remove_listener(self._on_feed_notify, self._on_feed_status)
        return self.feed.stop(timeout)

    # feed thread
    def _on_feed_notify(self, showtime_id: int) -> None:
        if not self._closed:
            self._notified.emit(showtime_id)

    def _on_feed_status(self, status: FeedStatus) -> None:
        if not self._closed:
            self._status.emit(status)

    # GUI thread
    @Slot(int)
    def _relay_notified(self, showtime_id: int) -> None:
        if not self._closed:
            self.inventoryChanged.emit(showtime_id)

    @Slot(object)
    def _relay_status(self, status: FeedStatus) -> None:
        if not self._closed:
            self.statusChanged.emit(status)


def describe_status(status: FeedStatus) -> str:
    """Words for the status bar, e.g. ``"Live"`` or ``"Reconnecting in 2 s…"``."""
    if status.state == "live":
        return QCoreApplication.translate("live", "Live")
    if status.state == "down":
        wait = (
            QCoreApplication.translate("live", " in {retry_in:.0f} s").format(retry_in=status.retry_in)
            if status.retry_in and status.retry_in >= 1
            else ""
        )
        return QCoreApplication.translate("live", "Reconnecting{wait}…").format(wait=wait)
    if status.state == "connecting":
        if status.connections or status.attempt:
            return QCoreApplication.translate("live", "Reconnecting…")
        return QCoreApplication.translate("live", "Connecting…")
    return QCoreApplication.translate("live", "Not live")


class StateSync:
    """Keeps one showtime's seat states fresh, one fetch in flight at a time. GUI thread only.

    Args:
        runner: runs ``fn(session)`` off the GUI thread and calls back on it
            (:class:`~boxoffice.ui.common.tasks.TaskRunner`: ``run(fn, on_done, on_error)``).
        apply: ``apply(snapshot, full)`` puts a :class:`~boxoffice.services.inventory.StateSnapshot`
            on screen; ``full`` means it holds every seat of the showtime (replace all).
        on_error: called with the exception when a fetch fails (the next request then
            re-reads the whole showtime).
        query: ``query(session, showtime_id=, since_version=)`` (default
            :func:`boxoffice.services.inventory.seat_states`).

    A showtime is opened with :meth:`begin` (before the caller's own full load starts) and
    :meth:`adopt` (with the load's snapshot); notifications for it that arrive during the
    load are remembered and fetched after it.

    Each incremental fetch asks for the versions above the highest one applied: the
    database gives a change its version when it commits, in commit order (migration
    0020), so no change is skipped however long its writer's transaction stayed open.
    """

    def __init__(
        self,
        runner,
        apply: Callable[[Any, bool], None],
        on_error: Callable[[BaseException], None],
        *,
        query: Callable[..., Any] | None = None,
    ) -> None:
        self._runner, self._apply, self._on_error = runner, apply, on_error
        self._query = query or inventory.seat_states
        self.showtime_id: int | None = None
        self.version = 0  # the highest version applied
        self.fetches = 0  # fetches started (for tests and benchmarks)
        self._busy = self._dirty = self._full = False
        self._loading: int | None = None
        self._after_load: str | None = None  # None, "changes" or "full"
        self._generation = 0

    @property
    def busy(self) -> bool:
        """Whether a fetch (or a load) is in flight."""
        return self._busy or self._loading is not None

    def begin(self, showtime_id: int) -> int:
        """A full load of ``showtime_id`` is starting; returns the ticket for :meth:`adopt`."""
        self._generation += 1
        self._loading, self._after_load = showtime_id, None
        return self._generation

    def current(self, ticket: int) -> bool:
        """Whether the load of :meth:`begin` that returned ``ticket`` is still wanted."""
        return ticket == self._generation and self._loading is not None

    def adopt(self, ticket: int, snapshot) -> bool:
        """The load of :meth:`begin` returned ``snapshot`` (all seats) and the caller has
        shown it. Returns False (and does nothing) if another showtime was begun since."""
        if ticket != self._generation or self._loading is None:
            return False
        self.showtime_id, self._loading = self._loading, None
        self.version = snapshot.version
        self._busy = False  # a fetch of the previous showtime still in flight is ignored on return
        self._dirty, self._full = self._after_load is not None, self._after_load == "full"
        self._after_load = None
        if self._dirty:
            self._fetch()
        return True

    def abandon(self, ticket: int) -> None:
        """The load of :meth:`begin` failed: keep the showtime shown before."""
        if ticket == self._generation:
            self._loading = None
            self._generation += 1  # the old showtime's fetch in flight (if any) is stale now
            self._busy = False
            if self.showtime_id is not None:
                self.request(full=True)

    def clear(self) -> None:
        """Forget the showtime (nothing is fetched until the next :meth:`adopt`)."""
        self._generation += 1
        self.showtime_id, self._loading, self.version = None, None, 0
        self._busy = self._dirty = self._full = False

    def notify(self, showtime_id: int) -> None:
        """The feed says ``showtime_id`` changed: fetch the changes if it is ours."""
        if showtime_id == self._loading:
            self._after_load = self._after_load or "changes"
        elif showtime_id == self.showtime_id:
            self.request()

    def request(self, full: bool = False) -> None:
        """Fetch the changes (``full``: every seat, replacing what is shown) now, or once
        more after the fetch in flight returns."""
        if self._loading is not None:
            self._after_load = "full" if full else (self._after_load or "changes")
            return
        if self.showtime_id is None:
            return
        self._full = self._full or full
        if self._busy:
            self._dirty = True
            return
        self._fetch()

    def _fetch(self) -> None:
        full, self._full, self._dirty, self._busy = self._full, False, False, True
        showtime_id, generation, query = self.showtime_id, self._generation, self._query
        since = 0 if full else self.version
        self.fetches += 1
        self._runner.run(
            lambda session: query(session, showtime_id=showtime_id, since_version=since),
            lambda snapshot: self._done(generation, full, snapshot),
            lambda exc: self._failed(generation, exc),
        )

    def _done(self, generation: int, full: bool, snapshot) -> None:
        if generation != self._generation:
            return
        self._busy = False
        try:
            self._apply(snapshot, full)
        finally:
            self.version = snapshot.version if full else max(self.version, snapshot.version)
        if self._dirty or self._full:
            self._fetch()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._busy, self._dirty, self._full = False, False, True
        self._on_error(exc)
