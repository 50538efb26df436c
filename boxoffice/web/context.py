"""What every request handler needs, injected through FastAPI dependencies."""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Annotated

import httpx
from fastapi import Depends, Request
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from boxoffice.services.availability import LayoutCache

# Sends ``body`` with ``headers`` to ``url``; returns (status, parsed JSON or None);
# status None when the webhook could not be reached. Async, so that waiting for our own
# webhook never holds a thread of the pool the webhook itself needs.
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


_TLS: ssl.SSLContext | None = None


def _tls() -> ssl.SSLContext:
    """One default TLS context per process: making one loads the CA store (about 10 ms of
    CPU), which a new client per webhook did every time (15 % of a web worker's time in
    the stadium rehearsal)."""
    global _TLS
    if _TLS is None:
        _TLS = ssl.create_default_context()
    return _TLS


_CLIENTS: dict[asyncio.AbstractEventLoop, httpx.AsyncClient] = {}


def _client() -> httpx.AsyncClient:
    """The worker's webhook client on the running event loop, kept between deliveries
    (its connections too); clients of event loops that have closed are dropped."""
    loop = asyncio.get_running_loop()
    for old in [other for other in _CLIENTS if other.is_closed()]:
        del _CLIENTS[old]
    client = _CLIENTS.get(loop)
    if client is None:
        client = _CLIENTS[loop] = httpx.AsyncClient(timeout=10.0, verify=_tls())
    return client


async def close_deliveries() -> None:
    """Close the webhook client of the running event loop (the app's shutdown)."""
    client = _CLIENTS.pop(asyncio.get_running_loop(), None)
    if client is not None:
        await client.aclose()


async def http_deliver(url: str, body: bytes, headers: dict[str, str]) -> tuple[int | None, dict | None]:
    """Deliver a webhook over HTTP (what a real gateway does); one attempt, 10 s."""
    try:
        response = await _client().post(url, content=body, headers=headers)
    except httpx.HTTPError:
        return None, None
    try:
        parsed = response.json()
    except ValueError:
        parsed = None
    return response.status_code, parsed if isinstance(parsed, dict) else None


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
