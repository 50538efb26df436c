"""The inventory feed: PostgreSQL ``LISTEN bo_inventory`` on a dedicated connection.

Every transaction that changes inventory rows causes one ``NOTIFY bo_inventory,
'<showtime id>'`` per showtime at commit (migration 0001). :class:`InventoryFeed` keeps
one autocommit psycopg 3 connection listening on its own thread and calls its listeners
with the showtime id of each notification, so that a client can fetch what changed
(``inventory.seat_states(since_version=...)``).

When the connection is lost (server restart, network, ``pg_terminate_backend``) the feed
reports it, reconnects with exponential backoff (0.25 s doubling to 5 s, with a little
jitter so many tills do not reconnect in lockstep) and reports ``live`` again once it is
listening. Notifications sent while it was down are lost for good: a listener must then
fetch its whole showtime again (``since_version=0``).

No Qt here: listeners are called on the feed's thread; :mod:`boxoffice.ui.seatmap.live` relays
them to the GUI thread.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import psycopg
from sqlalchemy.engine import make_url

from boxoffice.db import pgtools
from boxoffice.db.engine import normalise_url

log = logging.getLogger(__name__)

CHANNEL = "bo_inventory"

CONNECTING, LIVE, DOWN, STOPPED = "connecting", "live", "down", "stopped"
STABLE_SECONDS = 5.0  # a connection up this long resets the backoff


@dataclass(frozen=True)
class FeedStatus:
    """The feed's connection state, as given to ``on_status`` listeners.

    ``state`` is one of ``"connecting"``, ``"live"`` (listening: notifications arrive),
    ``"down"`` (lost or refused; the next attempt is in ``retry_in`` seconds) or
    ``"stopped"``. ``attempt`` counts failed attempts since the feed was last live (0 when
    live). ``error`` is a one-line reason when down. ``connections`` counts how many
    times the feed has become live (1 on the first connection, 2 after the first
    reconnect...). ``backend_pid`` is the server process of the live connection.
    """

    state: str
    attempt: int = 0
    retry_in: float | None = None
    error: str | None = None
    connections: int = 0
    backend_pid: int | None = None

    @property
    def live(self) -> bool:
        """Whether notifications are being received."""
        return self.state == LIVE


NotifyListener = Callable[[int], None]
StatusListener = Callable[[FeedStatus], None]


def libpq_url(url: str) -> str:
    """The libpq form (``postgresql://...``) of a boxoffice/SQLAlchemy PostgreSQL URL.

    Raises:
        ValueError: not a PostgreSQL URL.
    """
    return make_url(normalise_url(url)).set(drivername="postgresql").render_as_string(hide_password=False)


class InventoryFeed:
    """Listens for ``bo_inventory`` notifications on its own thread and connection.

    Args:
        url: the database (SQLAlchemy ``postgresql+psycopg://`` or libpq URL).
        application_name: shown in ``pg_stat_activity`` (max 63 characters); make it
            distinctive (``boxoffice-feed:<till>``) so operators can find the listener.
        min_backoff, max_backoff: seconds before the first retry after a failure, doubling
            per failed attempt up to ``max_backoff``.
        jitter: each wait is multiplied by a random factor in ``[1 - jitter, 1]``.
        poll_interval: the longest the thread waits for a notification before it checks
            whether :meth:`stop` was called (so ``stop()`` returns within about this).
        probe_interval: seconds without any traffic after which the connection is checked
            with ``SELECT 1`` (finds a dead connection on Unix sockets and links without
            TCP keepalive answers); ``None`` never probes.
        connect: the function opening a connection, ``connect(conninfo, **kwargs)``
            (default ``psycopg.connect``; tests inject failures here).

    Listeners (:meth:`add_listener`) are called on the feed's thread and must be quick;
    an exception in a listener is logged and ignored.
    """

    def __init__(
        self,
        url: str,
        *,
        application_name: str = "boxoffice-feed",
        min_backoff: float = 0.25,
        max_backoff: float = 5.0,
        jitter: float = 0.2,
        poll_interval: float = 0.2,
        probe_interval: float | None = 15.0,
        connect_timeout: int = 5,
        connect: Callable[..., Any] | None = None,
    ) -> None:
        if min_backoff <= 0 or max_backoff < min_backoff:
            raise ValueError("need 0 < min_backoff <= max_backoff")
        # the keyword form: a URL with a password such as "correct horse 1" is refused by libpq
        # (spaces must be percent-encoded there), which kept a till's feed down for good
        self.conninfo = pgtools.libpq_url(normalise_url(url))
        self.application_name = application_name[:63]
        self.min_backoff, self.max_backoff, self.jitter = min_backoff, max_backoff, max(0.0, min(jitter, 0.9))
        self.poll_interval, self.probe_interval = poll_interval, probe_interval
        self.connect_timeout = connect_timeout
        self._connect = connect or psycopg.connect
        self._notify: list[NotifyListener] = []
        self._status_listeners: list[StatusListener] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._status = FeedStatus(STOPPED)
        self.received = 0  # notifications delivered since start (for tests and benchmarks)

    # -- public --------------------------------------------------------------------------------

    @property
    def status(self) -> FeedStatus:
        """The latest status (thread-safe snapshot)."""
        return self._status

    def add_listener(self, on_notify: NotifyListener | None = None, on_status: StatusListener | None = None) -> None:
        """Call ``on_notify(showtime_id)`` for each notification and ``on_status(FeedStatus)``
        on each change of state. May be called before or after :meth:`start`."""
        with self._lock:
            if on_notify is not None:
                self._notify.append(on_notify)
            if on_status is not None:
                self._status_listeners.append(on_status)

    def remove_listener(self, on_notify: NotifyListener | None = None, on_status: StatusListener | None = None) -> None:
        """Stop calling listeners added with :meth:`add_listener` (unknown ones are ignored)."""
        with self._lock:
            if on_notify in self._notify:
                self._notify.remove(on_notify)
            if on_status in self._status_listeners:
                self._status_listeners.remove(on_status)

    def start(self) -> None:
        """Start the listening thread (no effect if it is running). Returns at once: the
        connection is made on the thread and announced with a ``live`` status."""
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="boxoffice-feed", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> bool:
        """Ask the thread to end and wait up to ``timeout`` seconds; returns whether it
        ended. It ends within about ``poll_interval`` unless it is in the middle of
        connecting (bounded by ``connect_timeout``). Safe to call more than once."""
        self._stop.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
            if thread.is_alive():
                return False
        self._thread = None
        return True

    def is_running(self) -> bool:
        """Whether the listening thread is alive."""
        return self._thread is not None and self._thread.is_alive()

    # -- the thread ----------------------------------------------------------------------------

    def _run(self) -> None:
        failures, connections = 0, 0
        try:
            while not self._stop.is_set():
                self._set_status(FeedStatus(CONNECTING, failures, connections=connections))
                try:
                    conn = self._open()
                except Exception as exc:  # noqa: BLE001 - any failure to connect means "retry later"
                    failures += 1
                    self._wait_retry(failures, connections, exc)
                    continue
                connections += 1
                up_since = time.monotonic()
                try:
                    with conn:
                        self._set_status(
                            FeedStatus(LIVE, 0, connections=connections, backend_pid=conn.info.backend_pid)
                        )
                        self._listen(conn)
                except Exception as exc:  # noqa: BLE001 - the connection is gone; reconnect
                    if self._stop.is_set():
                        break
                    # a connection that stayed up a while starts the backoff afresh; one that
                    # keeps dropping at once (a flapping server) backs off further
                    failures = 1 if time.monotonic() - up_since >= STABLE_SECONDS else failures + 1
                    log.warning("inventory feed: connection lost (%s)", _one_line(exc))
                    self._wait_retry(failures, connections, exc)
        finally:
            self._set_status(FeedStatus(STOPPED, connections=connections))

    def _open(self):
        conn = self._connect(
            self.conninfo,
            autocommit=True,
            application_name=self.application_name,
            connect_timeout=self.connect_timeout,
            keepalives=1,
            keepalives_idle=10,
            keepalives_interval=5,
            keepalives_count=3,
        )
        try:
            conn.execute(f"LISTEN {CHANNEL}")
        except Exception:
            conn.close()
            raise
        return conn

    def _listen(self, conn) -> None:
        quiet_since = time.monotonic()
        while not self._stop.is_set():
            got = False
            for note in conn.notifies(timeout=self.poll_interval):
                got = True
                self._deliver(note.payload)
                if self._stop.is_set():
                    return
            now = time.monotonic()
            if got:
                quiet_since = now
            elif self.probe_interval is not None and now - quiet_since >= self.probe_interval:
                conn.execute("SELECT 1")  # raises if the server or the link is gone
                quiet_since = now

    def _deliver(self, payload: str) -> None:
        try:
            showtime_id = int(payload)
        except ValueError:
            log.warning("inventory feed: ignoring notification %r", payload)
            return
        self.received += 1
        with self._lock:
            listeners = list(self._notify)
        for listener in listeners:
            try:
                listener(showtime_id)
            except Exception:  # noqa: BLE001 - a listener must not kill the feed
                log.exception("inventory feed: a notification listener failed")

    def _wait_retry(self, failures: int, connections: int, exc: BaseException) -> None:
        delay = min(self.max_backoff, self.min_backoff * 2 ** (failures - 1))
        delay *= 1 - self.jitter * random.random()
        self._set_status(FeedStatus(DOWN, failures, round(delay, 3), _one_line(exc), connections))
        self._stop.wait(delay)

    def _set_status(self, status: FeedStatus) -> None:
        self._status = status
        with self._lock:
            listeners = list(self._status_listeners)
        for listener in listeners:
            try:
                listener(status)
            except Exception:  # noqa: BLE001
                log.exception("inventory feed: a status listener failed")


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
