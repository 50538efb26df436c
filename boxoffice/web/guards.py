"""The online channel's safety settings, and who a request's buyer is.

Read from the environment by :meth:`WebGuards.from_env` (docs/web-api.md, "Limits and
safety"):

``BOXOFFICE_WEB_TEST_GATEWAY``
    ``1`` mounts the stand-in payment gateway (``/gateway/checkout/...``), which confirms
    bookings without taking money: demos, tests and rehearsals only (default off).
``BOXOFFICE_WEB_MAX_BODY_BYTES``
    Largest request body, in bytes (default 65536); a larger one is refused with 413
    before it is read.
``BOXOFFICE_WEB_CORS_ORIGINS``
    The venue's shop origins allowed to call the API from a browser, comma-separated
    (``https://shop.example.org``); unset: none.
``BOXOFFICE_WEB_SEATS_PER_HOLD`` (10), ``BOXOFFICE_WEB_HELD_PER_CLIENT`` (20),
``BOXOFFICE_WEB_HELD_PER_IP`` (100), ``BOXOFFICE_WEB_HOLDS_PER_MINUTE`` (30, per client),
``BOXOFFICE_WEB_HOLDS_PER_MINUTE_PER_IP`` (120)
    The hold limits, enforced by the database (migration 0019):
    :class:`boxoffice.services.web_holds.HoldLimits`.

A buyer is the request's address (``request.client``: behind a reverse proxy, uvicorn
takes it from ``X-Forwarded-For`` when the proxy's address is in ``FORWARDED_ALLOW_IPS``,
default 127.0.0.1; an IPv6 address counts as its /64) and the optional
``Boxoffice-Client`` header, a client id the shop gives each of its visitors.
"""

from __future__ import annotations

import ipaddress
import os
import re
from dataclasses import dataclass, field
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import Depends, Request

from boxoffice.config import ConfigError, _int_env
from boxoffice.domain.errors import InvalidInputError
from boxoffice.services.web_holds import Buyer, HoldLimits

CLIENT_HEADER = "Boxoffice-Client"
DEFAULT_MAX_BODY_BYTES = 64 * 1024
_CLIENT_ID = re.compile(r"[A-Za-z0-9._~:-]{1,64}")
_TRUE, _FALSE = {"1", "true", "yes", "on"}, {"", "0", "false", "no", "off"}


@dataclass(frozen=True)
class WebGuards:
    """Safety settings of one web app: whether the stand-in gateway is mounted, the
    largest request body in bytes, the CORS origins of the venue's shop, and the hold
    limits the database enforces."""

    test_gateway: bool = False
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    cors_origins: tuple[str, ...] = ()
    limits: HoldLimits = field(default_factory=HoldLimits)

    @classmethod
    def from_env(cls) -> WebGuards:
        """The settings from the environment (see the module docstring).

        Raises:
            ConfigError: a variable is set to an unusable value.
        """
        defaults = HoldLimits()
        return cls(
            test_gateway=_flag("BOXOFFICE_WEB_TEST_GATEWAY"),
            max_body_bytes=_int_env("BOXOFFICE_WEB_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES, 1024, 16 * 1024 * 1024),
            cors_origins=_origins(os.environ.get("BOXOFFICE_WEB_CORS_ORIGINS", "")),
            limits=HoldLimits(
                seats_per_hold=_int_env("BOXOFFICE_WEB_SEATS_PER_HOLD", defaults.seats_per_hold, 1, 100),
                held_per_client=_int_env("BOXOFFICE_WEB_HELD_PER_CLIENT", defaults.held_per_client, 1, 1_000_000),
                held_per_ip=_int_env("BOXOFFICE_WEB_HELD_PER_IP", defaults.held_per_ip, 1, 1_000_000),
                holds_per_minute_client=_int_env(
                    "BOXOFFICE_WEB_HOLDS_PER_MINUTE", defaults.holds_per_minute_client, 1, 1_000_000
                ),
                holds_per_minute_ip=_int_env(
                    "BOXOFFICE_WEB_HOLDS_PER_MINUTE_PER_IP", defaults.holds_per_minute_ip, 1, 1_000_000
                ),
            ),
        )


def _flag(name: str) -> bool:
    raw = os.environ.get(name, "").strip().lower()
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise ConfigError(f"{name} must be 1 or 0, got {raw!r}")


def _origins(raw: str) -> tuple[str, ...]:
    """``BOXOFFICE_WEB_CORS_ORIGINS`` as origins (``scheme://host[:port]``, no path).

    Raises:
        ConfigError: a wildcard or something that is not an http(s) origin.
    """
    found = []
    for part in (p.strip() for p in raw.split(",")):
        if not part:
            continue
        parsed = urlsplit(part)
        if part == "*" or parsed.scheme not in {"http", "https"} or not parsed.hostname or parsed.path not in {"", "/"}:
            raise ConfigError(
                f"BOXOFFICE_WEB_CORS_ORIGINS takes origins like https://shop.example.org, comma-separated; got {part!r}"
            )
        found.append(f"{parsed.scheme}://{parsed.netloc}")
    return tuple(found)


async def buyer_of(request: Request) -> Buyer:
    """The buyer behind ``request``: its address and the shop's client id, if sent.
    (Async, as every dependency here: FastAPI runs a plain ``def`` dependency on the
    thread pool, a thread round trip per request for a few attribute reads; a hold
    took three such hops instead of one.)

    Raises:
        InvalidInputError: a ``Boxoffice-Client`` header that is not 1 to 64 letters,
            digits or ``.``, ``_``, ``~``, ``:``, ``-``.
    """
    client = request.headers.get(CLIENT_HEADER) or None
    if client is not None and not _CLIENT_ID.fullmatch(client):
        raise InvalidInputError(f"The {CLIENT_HEADER} header must be 1 to 64 letters, digits or . _ ~ : -")
    return Buyer(ip=address_key(request.client.host if request.client else "unknown"), client=client)


def address_key(host: str) -> str:
    """What the per-address limits count: an IPv4 address as it is, an IPv6 address as
    its /64 network (one subscriber's usual allocation, so a buyer cannot step through
    addresses of its own network), anything else (a test client's name) as it is."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host[:64]
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network(f"{address}/64", strict=False))
    return str(address)


async def guards_of(request: Request) -> WebGuards:
    """The app's :class:`WebGuards` (async: no thread hop)."""
    return request.app.state.guards


BuyerDep = Annotated[Buyer, Depends(buyer_of)]
GuardsDep = Annotated[WebGuards, Depends(guards_of)]
