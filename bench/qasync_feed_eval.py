"""qasync evaluated (issue 13 item 7): the live feed as a psycopg ``AsyncConnection`` on
qasync's asyncio loop instead of a thread, measured with ``bench/notify_latency.py``.

    .venv/bin/pip install qasync      # not a dependency of the project (see docs/architecture.md)
    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/qasync_feed_eval.py [--changes 200] [--json]

It runs the real app's window exactly as ``notify_latency.py`` does, but with
:class:`AsyncLiveFeed` in place of ``LiveFeed(InventoryFeed(...))``: one coroutine that
connects, ``LISTEN``s, and ``async for note in conn.notifies(timeout=probe)`` emits Qt
signals directly on the GUI thread (no feed thread, no 0.2 s poll, no thread relay),
reconnecting with the same backoff. ``notify_latency.main`` runs as a plain callback
inside ``loop.run_forever()``, because psycopg's async code needs a running loop and
asyncio refuses to step a task while another task is stepping (so the measurement,
which waits by processing Qt events, must not itself be a coroutine). This module is
the prototype the evaluation measured; the app keeps its thread feed.
"""

from __future__ import annotations

import asyncio
import logging
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

import psycopg
import qasync
from PySide6.QtCore import QObject, Signal

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

import harness  # noqa: E402
import notify_latency  # noqa: E402

import boxoffice.app as app_module  # noqa: E402
from boxoffice.db.feed import CHANNEL, CONNECTING, DOWN, LIVE, STABLE_SECONDS, STOPPED, FeedStatus, libpq_url  # noqa: E402

log = logging.getLogger(__name__)


class AsyncLiveFeed(QObject):
    """``LiveFeed``'s interface (signals ``inventoryChanged(int)``, ``statusChanged(object)``,
    ``status``, ``start()``, ``stop()``) on qasync's loop: one coroutine, no thread."""

    inventoryChanged = Signal(int)
    statusChanged = Signal(object)

    def __init__(
        self,
        url: str,
        *,
        application_name: str = "boxoffice-feed",
        min_backoff: float = 0.25,
        max_backoff: float = 5.0,
        probe_interval: float = 15.0,
    ) -> None:
        super().__init__()
        self.conninfo = libpq_url(url)
        self.application_name = application_name[:63]
        self.min_backoff, self.max_backoff, self.probe_interval = min_backoff, max_backoff, probe_interval
        self._status = FeedStatus(STOPPED)
        self._task: asyncio.Task | None = None
        self._listeners: list[Callable[[int], None]] = []
        self.feed = self  # notify_latency listens on ``window.live.feed``
        self.received = 0

    @property
    def status(self) -> FeedStatus:
        """The latest status."""
        return self._status

    def add_listener(self, on_notify=None, on_status=None) -> None:
        """For the benchmark: ``on_notify(showtime_id)`` when a notification arrives."""
        if on_notify is not None:
            self._listeners.append(on_notify)

    def start(self) -> None:
        """Start the coroutine on the running (qasync) loop."""
        if self._task is None or self._task.done():
            self._task = asyncio.get_event_loop().create_task(self._run())

    def stop(self, timeout: float = 5.0) -> bool:
        """Cancel the coroutine (its connection closes as the task unwinds)."""
        if self._task is not None:
            self._task.cancel()
        self._set(FeedStatus(STOPPED))
        return True

    async def _run(self) -> None:
        failures = connections = 0
        while True:
            self._set(FeedStatus(CONNECTING, failures, connections=connections))
            try:
                conn = await psycopg.AsyncConnection.connect(
                    self.conninfo, autocommit=True, application_name=self.application_name, connect_timeout=5
                )
            except Exception as exc:  # noqa: BLE001 - retry later
                failures += 1
                await self._retry(failures, connections, exc)
                continue
            connections += 1
            up_since = time.monotonic()
            try:
                async with conn:
                    await conn.execute(f"LISTEN {CHANNEL}")
                    self._set(FeedStatus(LIVE, 0, connections=connections, backend_pid=conn.info.backend_pid))
                    while True:
                        got = False
                        async for note in conn.notifies(timeout=self.probe_interval):
                            got = True
                            self._deliver(note.payload)
                        if not got:
                            await conn.execute("SELECT 1")  # raises if the server or the link is gone
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # noqa: BLE001 - lost: reconnect
                failures = 1 if time.monotonic() - up_since >= STABLE_SECONDS else failures + 1
                await self._retry(failures, connections, exc)

    def _deliver(self, payload: str) -> None:
        try:
            showtime_id = int(payload)
        except ValueError:
            return
        self.received += 1
        for listener in self._listeners:
            listener(showtime_id)
        self.inventoryChanged.emit(showtime_id)

    async def _retry(self, failures: int, connections: int, exc: BaseException) -> None:
        delay = min(self.max_backoff, self.min_backoff * 2 ** (failures - 1)) * (1 - 0.2 * random.random())
        self._set(
            FeedStatus(DOWN, failures, round(delay, 3), str(exc).splitlines()[0] if str(exc) else "", connections)
        )
        await asyncio.sleep(delay)

    def _set(self, status: FeedStatus) -> None:
        self._status = status
        self.statusChanged.emit(status)


def main(argv: list[str] | None = None) -> int:
    """Run notify_latency with the async feed on qasync's loop."""
    app = harness.app()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    # build_window makes LiveFeed(InventoryFeed(url, application_name=...)): make it the async feed
    app_module.InventoryFeed = lambda url, application_name: (url, application_name)
    app_module.LiveFeed = lambda made: AsyncLiveFeed(made[0], application_name=made[1])
    outcome: dict = {}

    def measure() -> None:
        try:
            outcome["rc"] = notify_latency.main(argv)
        except BaseException as exc:  # noqa: BLE001 - reported after the loop stops
            outcome["error"] = exc
        finally:
            loop.stop()

    loop.call_soon(measure)
    loop.run_forever()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["rc"]


if __name__ == "__main__":
    raise SystemExit(main())
