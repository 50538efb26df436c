"""The web app's protective middleware: a request body limit, CORS for the venue's shop,
and security headers. :func:`install` registers them (outermost first: headers, CORS,
body limit), so a 413 or a CORS preflight answer carries the headers too.

The body limit is pure ASGI: a declared ``Content-Length`` over the limit is answered
413 without reading a byte of the body; a chunked body is counted as it arrives and
refused as soon as it passes the limit, so the server never holds more than the limit
(plus one chunk) of any request.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from fastapi import FastAPI
from starlette.exceptions import HTTPException
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from boxoffice.web.guards import CLIENT_HEADER, WebGuards

# GET paths anybody may cache; every other response is private: "Cache-Control: no-store".
PUBLIC_PREFIXES = ("/showtimes", "/health", "/docs", "/redoc", "/openapi.json")
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]
FRAME_ANCESTORS = b"frame-ancestors 'none'"


class BodyTooLargeError(HTTPException):
    """The request body passed the limit (answered 413 ``payload_too_large``)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"The request body is larger than {limit} bytes.", headers={"Connection": "close"})


class BodyLimitMiddleware:
    """Refuse request bodies over ``max_bytes`` with 413 (see the module docstring)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _header(scope, b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await _send_413(send, self.max_bytes)
            return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLargeError(self.max_bytes)
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, watched_send)
        except BodyTooLargeError:  # raised where no exception handler answered it
            if started:
                raise
            await _send_413(send, self.max_bytes)


class SecurityHeadersMiddleware:
    """Add ``X-Content-Type-Options``, ``X-Frame-Options``, ``frame-ancestors``,
    ``Referrer-Policy`` to every response, and ``Cache-Control: no-store`` to private
    ones (any method but GET/HEAD, and GETs outside :data:`PUBLIC_PREFIXES`) that set
    no ``Cache-Control`` of their own."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        private = scope["method"] not in {"GET", "HEAD"} or not scope["path"].startswith(PUBLIC_PREFIXES)

        async def add_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                headers += [(name, value) for name, value in SECURITY_HEADERS if name not in names]
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", FRAME_ANCESTORS))
                if private and b"cache-control" not in names:
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, add_headers)


def install(app: FastAPI, guards: WebGuards) -> None:
    """Register the body limit, CORS (only when ``guards.cors_origins`` names origins)
    and the security headers on ``app``."""
    app.add_middleware(BodyLimitMiddleware, max_bytes=guards.max_body_bytes)
    if guards.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(guards.cors_origins),
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Content-Type", "If-None-Match", CLIENT_HEADER],
            expose_headers=["ETag", "Retry-After"],
            allow_credentials=False,
            max_age=600,
        )
    app.add_middleware(SecurityHeadersMiddleware)


def _header(scope: Scope, name: bytes) -> str | None:
    values: Iterable[tuple[bytes, bytes]] = scope.get("headers", [])
    return next((value.decode("latin-1").strip() for key, value in values if key.lower() == name), None)


async def _send_413(send: Send, limit: int) -> None:
    body = json.dumps(
        {
            "error": {
                "code": "payload_too_large",
                "message": f"The request body is larger than {limit} bytes.",
                "details": None,
            }
        }
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
