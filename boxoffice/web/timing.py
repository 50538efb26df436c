"""``Server-Timing`` on every response: where the request's time in this server went.

``app;dur=<ms>`` is the time from the ASGI call to the response's start (queueing for a
worker thread and the database included; the network and the client's own queue not),
so a load generator can put the server's time next to what its clients measured.
Requests that used the database add two phases (when :func:`time_database` watches the
engine):

* ``queue;dur=<ms>``: from the ASGI call until the request's handler had a thread and a
  pooled connection (the pool's checkout): waiting for a free thread, and for the CPU
  to run the request's first Python;
* ``db;dur=<ms>;desc="<n>"``: the wall time of its ``n`` statements, from sending each
  to its result (the network round trip, the database's work, its locks and WAL flush,
  and the client thread's wait for the GIL after the answer arrived).

What is left of ``app`` is the request's own Python and its waits for the GIL and the
event loop (the answer written back, the session closed).
"""

from __future__ import annotations

import contextvars
import time
from dataclasses import dataclass

from sqlalchemy import event
from sqlalchemy.engine import Engine
from starlette.types import ASGIApp, Message, Receive, Scope, Send


@dataclass
class Phases:
    """One request's marks, in ``time.perf_counter`` seconds."""

    started: float
    checkout: float | None = None
    db_s: float = 0.0
    statements: int = 0
    _statement_started: float = 0.0

    def header(self, now: float) -> bytes:
        """The ``Server-Timing`` value at ``now``."""
        value = b"app;dur=%.2f" % ((now - self.started) * 1000.0)
        if self.checkout is not None:
            value += b", queue;dur=%.2f" % ((self.checkout - self.started) * 1000.0)
            value += b', db;dur=%.2f;desc="%d"' % (self.db_s * 1000.0, self.statements)
        return value


_CURRENT: contextvars.ContextVar[Phases | None] = contextvars.ContextVar("boxoffice_web_phases", default=None)


class ServerTiming:
    """Pure ASGI middleware (no per-request task or body buffering, unlike
    ``BaseHTTPMiddleware``) adding the ``Server-Timing`` header. The request's
    :class:`Phases` live in a context variable, which the thread pool's threads inherit."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        phases = Phases(time.perf_counter())
        _CURRENT.set(phases)

        async def timed_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                header = phases.header(time.perf_counter())
                message["headers"] = [*message.get("headers", ()), (b"server-timing", header)]
            await send(message)

        await self.app(scope, receive, timed_send)


def time_database(engine: Engine) -> None:
    """Mark the pool's checkouts and time every statement of ``engine`` for the request
    being served (nothing outside a request). Idempotent per engine."""
    if event.contains(engine, "before_cursor_execute", _before):
        return
    event.listen(engine.pool, "checkout", _checkout)
    event.listen(engine, "before_cursor_execute", _before)
    event.listen(engine, "after_cursor_execute", _after)
    event.listen(engine, "handle_error", _failed)


def _checkout(dbapi_connection, record, proxy) -> None:
    phases = _CURRENT.get()
    if phases is not None and phases.checkout is None:
        phases.checkout = time.perf_counter()


def _before(conn, cursor, statement, parameters, context, executemany) -> None:
    phases = _CURRENT.get()
    if phases is not None:
        phases._statement_started = time.perf_counter()


def _after(conn, cursor, statement, parameters, context, executemany) -> None:
    phases = _CURRENT.get()
    if phases is not None and phases._statement_started:
        phases.db_s += time.perf_counter() - phases._statement_started
        phases.statements += 1
        phases._statement_started = 0.0


def _failed(context) -> None:
    phases = _CURRENT.get()
    if phases is not None and phases._statement_started:
        _after(None, None, None, None, None, False)


def mark_checkout() -> None:
    """The request's handler has its connection now (async handlers that do not use the
    engine's pool)."""
    _checkout(None, None, None)


def add_statement(seconds: float) -> None:
    """Count a statement of ``seconds`` wall time for the request being served."""
    phases = _CURRENT.get()
    if phases is not None:
        phases.db_s += seconds
        phases.statements += 1
