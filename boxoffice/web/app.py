"""The HTTP API of the online channel: FastAPI on the shared database and its rules.

``create_app`` wires the routes to an open :class:`boxoffice.runtime.Database`; it
never imports Qt. Most request handlers are plain (sync) functions: FastAPI runs them
on its thread pool, each with its own session, and the services commit or roll back, so
a failed request leaves nothing half-done. The on-sale's busiest steps (seat map, holds,
booking, payment, webhook, reading a booking) are async and await their statements on
the worker's own connections (``web/holds.py``, ``web/purchase.py``): each database
function that changes anything is one statement, all or nothing. While the app runs, the tidy job runs at start
and then every ``tidy_seconds`` (``BOXOFFICE_TIDY_SECONDS``, 60 s).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool

import boxoffice.web.routes_customers as routes_customers  # customers; the e-mail sender (router lifespan)
from boxoffice import __version__, config
from boxoffice.config import DEFAULT_BOOKING_SECONDS, DEFAULT_TIDY_SECONDS, DEFAULT_WEB_HOLD_SECONDS
from boxoffice.runtime import Database
from boxoffice.services import tidy
from boxoffice.web import (
    errors,
    middleware,
    routes_best,
    routes_bookings,
    routes_gateway,
    routes_map,
    routes_products,
    routes_shop,
)
from boxoffice.web.context import Deliver, WebContext, app_deliver
from boxoffice.web.guards import WebGuards
from boxoffice.web.holds import LoopConnections
from boxoffice.web.timing import ServerTiming, time_database

log = logging.getLogger(__name__)

DESCRIPTION = """\
The box office's online channel. It shares the tills' PostgreSQL database and locking
rules, so a seat is never sold twice, whichever channel gets there first.

Flow: hold seats → create a booking (pending, with its own expiry) → start a payment
and send the buyer to its checkout URL → the gateway's signed webhook confirms the
booking and issues tickets → read the booking for its ticket codes. Every failure has
the body `{"error": {"code": ..., "message": ...}}`. Money is in minor units.
"""


def create_app(
    database: Database,
    *,
    hold_seconds: int = DEFAULT_WEB_HOLD_SECONDS,
    booking_seconds: int = DEFAULT_BOOKING_SECONDS,
    webhook_secret: str | None = None,
    tidy_seconds: float | None = DEFAULT_TIDY_SECONDS,
    deliver: Deliver | None = None,
    guards: WebGuards | None = None,
    live_maps: bool = True,
    warm_connections: int = 0,
) -> FastAPI:
    """The web app on ``database``. Lifetimes are in seconds; ``webhook_secret`` ``None``
    uses the web server's own (``BOXOFFICE_WEBHOOK_SECRET`` or ``<data dir>/webhook-secret``,
    :func:`boxoffice.config.webhook_secret`; never the database); ``tidy_seconds`` ``None``
    turns the tidy job off; ``deliver`` replaces the stand-in gateway's webhook delivery
    (default: through this app, :func:`~boxoffice.web.context.app_deliver`); ``guards``
    ``None`` reads the safety settings (stand-in gateway, body limit, CORS, hold limits)
    from the environment (:class:`WebGuards`); ``live_maps``
    ``False`` keeps seat maps current by version checks alone, without listening for
    inventory notifications (``routes_map``); ``warm_connections`` database connections of
    the request pool, and all of the holds' (``web/holds.py``), are opened before the app
    answers its first request (``boxoffice web`` opens one per handler thread)."""
    guards = guards or WebGuards.from_env()
    secret = webhook_secret or config.webhook_secret(config.Settings.from_env())

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        task = None
        if warm_connections:
            try:
                await run_in_threadpool(fill_pool, database.engine, warm_connections)
                await app.state.loop_connections.fill()
            except Exception as exc:  # noqa: BLE001 - the database may be down: serve 503s until it is back
                log.warning("could not open the database connections ahead of the first request: %s", exc)
        if tidy_seconds:
            await run_in_threadpool(run_tidy, context)
            task = asyncio.create_task(_tidy_every(context, tidy_seconds))
        try:
            with routes_map.live_seat_maps(app, database.url if live_maps else None):
                yield
        finally:
            await app.state.loop_connections.close()
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task

    app = FastAPI(
        title="boxoffice online channel",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        # No OpenTelemetry provider is configured here; FastAPI's native telemetry still
        # looked one up in the environment on every request (about 2 % of a busy worker).
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    context = WebContext(database.session_factory, hold_seconds, booking_seconds, secret, deliver or app_deliver(app))
    app.state.context = context
    # holds and a purchase's steps run on the event loop over connections of their own
    # (boxoffice/web/holds.py, purchase.py), with the same login as the request pool's
    app.state.loop_connections = LoopConnections(database.engine.url.render_as_string(hide_password=False))
    errors.install(app)
    app.add_middleware(ServerTiming)
    time_database(database.engine)
    app.include_router(routes_shop.router)
    app.include_router(routes_map.router)
    app.include_router(routes_best.router)
    app.include_router(routes_bookings.router)
    app.include_router(routes_products.router)
    app.include_router(routes_customers.router)  # and its lifespan: the e-mail sender (services/mail.py)
    if guards.test_gateway:  # confirms bookings without taking money: demos and tests only
        log.warning("the stand-in payment gateway is mounted (BOXOFFICE_WEB_TEST_GATEWAY): it takes no money")
        app.include_router(routes_gateway.router)
    app.state.guards = guards
    middleware.install(app, guards)

    @app.get("/health", tags=["operations"])
    async def health() -> dict[str, str]:
        """Liveness: the server answers (it does not touch the database)."""
        return {"status": "ok"}

    return app


def fill_pool(engine, count: int) -> None:
    """Open ``count`` connections of ``engine``'s pool at once and give them back (kept):
    the first requests of an on-sale then find them open, their backends' catalogs
    loaded, instead of each waiting for a new PostgreSQL backend."""
    from sqlalchemy import text

    with contextlib.ExitStack() as stack:
        for _ in range(count):
            conn = stack.enter_context(engine.connect())
            conn.execute(text("SELECT 1 FROM inventory_live LIMIT 0"))


def run_tidy(context: WebContext) -> tidy.TidyResult | None:
    """Run the tidy job once; log (never raise) a failure, so the schedule goes on."""
    try:
        with context.session_factory() as session:
            result = tidy.tidy(session)
    except Exception:  # noqa: BLE001 - a failed run is retried at the next tick
        log.exception("tidy job failed")
        return None
    if result.bookings_expired or result.holds_released:
        log.info(
            "tidy: %d pending bookings expired, %d lapsed holds released",
            result.bookings_expired,
            result.holds_released,
        )
    return result


async def _tidy_every(context: WebContext, seconds: float) -> None:
    while True:
        await asyncio.sleep(seconds)
        await run_in_threadpool(run_tidy, context)
