"""Seat holds on the event loop: ``bo_web_hold`` in one round trip, no request thread.

Holds are most of an on-sale's writes (and most of them are refused: every buyer wants
the same good seats). As a plain handler a hold waited for one of the worker's request
threads, handed itself to it, and handed the answer back: two thread wake-ups and GIL
hand-overs per hold, and under load a queue for the threads shared with bookings and
seat map reads. Here the handler awaits the database on the worker's event loop over a
few async psycopg connections of its own (:class:`LoopConnections`, autocommit: the
function is one statement, all or nothing), so a hold costs the server one request's
Python and one round trip.

The same connections serve a purchase's other steps (``web/purchase.py``) through
:func:`execute`, which times a statement for ``Server-Timing`` and turns database
errors into the services' domain errors.

:class:`LoopConnections` is a small pool because a pool library's (``psycopg_pool``) is
bound to the event loop that opened it, and the app also runs without its lifespan on a
new event loop per request (Starlette's TestClient outside ``with``): connections made on
an event loop that is gone are closed and new ones made on the current one.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import re
import time
import uuid
from collections.abc import AsyncIterator

import psycopg
from psycopg import pq
from psycopg.conninfo import make_conninfo
from psycopg.rows import namedtuple_row
from sqlalchemy import TextClause
from sqlalchemy.exc import DBAPIError

from boxoffice.db import pgtools
from boxoffice.db.engine import KEEPALIVES, LOCK_TIMEOUT_MS, normalise_url
from boxoffice.services.errors import translate
from boxoffice.services.inventory import _check_seats
from boxoffice.services.web_holds import _DRIVER_HOLD, Buyer, HoldLimits, _who
from boxoffice.web import timing

# Connections per web worker for the statements run on the event loop (holds, bookings,
# payments: one round trip each, a few ms): with 2 workers of 10 threads, count
# 2 x (10 + 1 + 6) connections against the server's max_connections.
LOOP_CONNECTIONS = 6


class LoopConnections:
    """At most ``size`` autocommit :class:`psycopg.AsyncConnection` to ``url`` (a
    SQLAlchemy or libpq URL), made when first needed and kept; requests beyond ``size``
    wait on the event loop. ``application_name`` names them in ``pg_stat_activity``."""

    def __init__(self, url: str, size: int = LOOP_CONNECTIONS, application_name: str = "boxoffice-web-loop") -> None:
        self.conninfo = make_conninfo(
            pgtools.libpq_url(normalise_url(url)),  # keyword form: passwords with spaces work
            options=f"-c lock_timeout={LOCK_TIMEOUT_MS} -c timezone=UTC",
            application_name=application_name,
            connect_timeout=10,
            **KEEPALIVES,
        )
        self.size = size
        self._loop: asyncio.AbstractEventLoop | None = None
        self._slots = asyncio.Semaphore(size)
        self._idle: list[psycopg.AsyncConnection] = []
        self.opened = 0  # connections made (tests)

    @contextlib.asynccontextmanager
    async def connection(self) -> AsyncIterator[psycopg.AsyncConnection]:
        """A connection for one statement; back to the idle ones afterwards unless it
        broke or was left in a transaction (then closed).

        Raises:
            psycopg.OperationalError: cannot connect.
        """
        loop = asyncio.get_running_loop()
        if loop is not self._loop:  # first use, or a new event loop: the old loop's connections are unusable
            self._drop_idle()
            self._loop, self._slots = loop, asyncio.Semaphore(self.size)
        async with self._slots:
            conn = self._idle.pop() if self._idle else None
            if conn is None:
                conn = await psycopg.AsyncConnection.connect(self.conninfo, autocommit=True)
                self.opened += 1
            keep = False
            try:
                yield conn
                keep = True
            except psycopg.Error:
                keep = not conn.broken
                raise
            finally:
                if keep and not conn.closed and conn.info.transaction_status == pq.TransactionStatus.IDLE:
                    self._idle.append(conn)
                else:
                    await conn.close()

    async def fill(self) -> None:
        """Open every connection now (a worker starting before an on-sale): a new
        PostgreSQL backend is forked, authenticated and loads its catalog caches on its
        first statements, tens of ms each on a busy machine, and the first holds of an
        on-sale waited for that in turn."""
        async with contextlib.AsyncExitStack() as stack:
            for _ in range(self.size):
                conn = await stack.enter_async_context(self.connection())
                await conn.execute("SELECT 1 FROM inventory_live LIMIT 0")

    def _drop_idle(self) -> None:
        for conn in self._idle:
            with contextlib.suppress(Exception):
                conn.pgconn.finish()  # no event loop needed to close the socket
        self._idle.clear()

    async def close(self) -> None:
        """Close the idle connections (the app's shutdown)."""
        idle, self._idle = self._idle, []
        for conn in idle:
            with contextlib.suppress(Exception):
                await conn.close()


async def hold_seats_online(
    connections: LoopConnections,
    *,
    showtime_id: int,
    seat_ids: list[int],
    token: uuid.UUID,
    seconds: int,
    buyer: Buyer,
    limits: HoldLimits,
) -> dt.datetime:
    """As :func:`boxoffice.services.web_holds.hold_seats_online` (the same function call,
    limits and errors), awaited on the event loop. Returns the expiry (aware).

    Raises:
        TooManySeatsError, TooManyHoldsError, HeldSeatsLimitError, SeatUnavailableError,
        NotOnSaleError, BusyError, InvalidInputError, PermissionDeniedError,
        DatabaseUnavailableError: as the services' hold.
    """
    ids = _check_seats(seat_ids)
    params = {
        "showtime": showtime_id,
        "seats": ids,
        "token": token,
        "seconds": seconds,
        **_who(buyer),
        **limits.params(),
    }
    rows = await execute(connections, _DRIVER_HOLD, params)
    return rows[0][0]  # a function call: one row


async def execute(connections: LoopConnections, sql: str, params: dict, *, named: bool = False) -> list:
    """Run one statement (driver syntax, ``%(name)s``) on one of ``connections`` (its own
    transaction: autocommit) and return its rows, tuples or, with ``named``, named tuples;
    timed for ``Server-Timing``. Database errors become the services' domain errors.

    Raises:
        BoxOfficeError: as :func:`boxoffice.services.errors.translate` says.
        DBAPIError: a database error with no domain meaning.
    """
    try:
        async with connections.connection() as conn:
            timing.mark_checkout()
            started = time.perf_counter()
            try:
                cursor = conn.cursor(row_factory=namedtuple_row) if named else conn.cursor()
                await cursor.execute(sql, params)
                return await cursor.fetchall() if cursor.description is not None else []
            finally:
                timing.add_statement(time.perf_counter() - started)
    except psycopg.Error as exc:
        wrapped = DBAPIError.instance(sql, params, exc, psycopg.Error)
        domain = translate(wrapped)  # type: ignore[arg-type]
        if domain is None:
            raise wrapped from exc
        raise domain from exc


def driver_sql(clause: TextClause) -> str:
    """A SQLAlchemy ``text()`` statement's SQL in the driver's syntax: ``:name`` becomes
    ``%(name)s`` (``::`` casts and literal ``%`` are not supported: use ``CAST``).

    Raises:
        ValueError: the statement has a ``::`` cast or a ``%``.
    """
    sql = clause.text
    if "::" in sql or "%" in sql:
        raise ValueError(f"not convertible to the driver's syntax: {sql}")
    return re.sub(r":(\w+)", r"%(\1)s", sql)
