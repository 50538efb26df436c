"""What every request handler needs, injected through FastAPI dependencies."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Annotated

import httpx
from fastapi import Depends, Request
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp

from boxoffice.services.availability import LayoutCache

# Sends ``body`` with ``headers`` to ``url``; returns (status, parsed JSON or None);
# status None when the webhook could not be reached. Async, so that waiting for our own
# webhook never holds a thread of the pool the webhook itself needs (:func:`app_deliver`).
Deliver = Callable[[str, bytes, dict[str, str]], Awaitable[tuple[int | None, dict | None]]]


@dataclass(frozen=True)
class WebContext:
    """The web channel's collaborators and settings: lifetimes in seconds, the webhook
    signing ``secret``, how the stand-in gateway delivers webhooks, and the seat layouts
    the availability reuses between requests."""

    session_factory: sessionmaker[Session]
    hold_seconds: int
    booking_seconds: int
    secret: str
    deliver: Deliver
    layouts: LayoutCache = field(default_factory=LayoutCache)


def app_deliver(app: ASGIApp) -> Deliver:
    """Webhook delivery through the web app ``app`` itself: the event goes
    through every middleware and the webhook's handler as a request from outside would
    (body limit, signature check, the same answer), without a network round trip.

    The stand-in gateway is mounted in the server it pays for. It used to post its event
    to that server's own URL over HTTP: a second request on the same core, a client's and
    a server's HTTP parsing, and a wait in a worker's queue, all inside the buyer's
    payment (the slowest step of an on-sale rehearsal at p95); and a server behind a
    proxy would post to the public address it was reached at."""

    async def deliver(url: str, body: bytes, headers: dict[str, str]) -> tuple[int | None, dict | None]:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport) as client:
            response = await client.post(url, content=body, headers=headers)
        try:
            parsed = response.json()
        except ValueError:
            parsed = None
        return response.status_code, parsed if isinstance(parsed, dict) else None

    return deliver


async def get_context(request: Request) -> WebContext:
    """The app's :class:`WebContext` (async: no trip to the thread pool)."""
    return request.app.state.context


async def get_session(request: Request) -> AsyncIterator[Session]:
    """A database session for one request (the services commit or roll back).

    Async so that FastAPI does not send its set-up and tear-down to the thread pool (two
    thread hops per request): making a session does no I/O (it connects on first use, in
    the handler's thread), and closing one whose work was committed only hands its
    connection back to the pool; one still in a transaction (a failed request) is
    closed on the thread pool, as its rollback is a round trip."""
    session = request.app.state.context.session_factory()
    try:
        yield session
    finally:
        if session.in_transaction():
            await run_in_threadpool(session.close)
        else:
            session.close()


SessionDep = Annotated[Session, Depends(get_session)]
ContextDep = Annotated[WebContext, Depends(get_context)]
