"""``Server-Timing: app;dur=<ms>`` on every response: the time the request spent in this
server process, from the ASGI call to the response's start (queueing for a worker
thread and the database included; the network and the client's own queue not), so a
load generator can put the server's time next to what its clients measured."""

from __future__ import annotations

import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class ServerTiming:
    """Pure ASGI middleware (no per-request task or body buffering, unlike
    ``BaseHTTPMiddleware``) adding the ``Server-Timing`` header."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()

        async def timed_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                ms = (time.perf_counter() - started) * 1000.0
                message["headers"] = [*message.get("headers", ()), (b"server-timing", b"app;dur=%.2f" % ms)]
            await send(message)

        await self.app(scope, receive, timed_send)
