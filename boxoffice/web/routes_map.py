"""The seat map of a showtime in one request, from bytes cached per inventory version
(ETag / ``If-None-Match`` → 304), kept current by the inventory feed.

:func:`live_seat_maps` (entered by the app's lifespan) starts an
:class:`~boxoffice.db.feed.InventoryFeed` whose notifications invalidate the cached
documents of :class:`~boxoffice.services.seat_map.SeatMapCache`; while it is not live
every request checks the showtime's inventory version instead (one indexed query).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Iterator

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from boxoffice.db.feed import InventoryFeed
from boxoffice.services.seat_map import SeatMapCache, SeatMapDoc
from boxoffice.web.errors import responses
from boxoffice.web.schemas import ShowtimeIdPath

log = logging.getLogger(__name__)
router = APIRouter(tags=["showtimes and holds"])

_MAP_DOC = {
    "responses": {
        200: {
            "description": "sections → rows → seats with their state; categories with prices (docs/web-api.md)",
            "content": {"application/json": {"schema": {"type": "object"}}},
        },
        304: {"description": "unchanged since the ETag sent in If-None-Match"},
    }
}


def seat_maps(request: Request) -> SeatMapCache:
    """The app's seat map cache (made on first use)."""
    state = request.app.state
    cache = getattr(state, "seat_maps", None)
    if cache is None:
        cache = state.seat_maps = SeatMapCache()
    return cache


@router.get("/showtimes/{showtime_id}/map", responses=responses(404), openapi_extra=_MAP_DOC)
async def showtime_map(showtime_id: ShowtimeIdPath, request: Request) -> Response:
    """Everything a seat map page needs in one document: the plan's size, the categories
    with this showtime's prices, and sections → rows → seats (id, label, position in plan
    pixels, category, wheelchair, state), plus counts and the inventory ``version``.
    Send the ``ETag`` back in ``If-None-Match``: ``304`` while nothing changed."""
    cache = seat_maps(request)
    doc = cache.peek(showtime_id)  # current without asking the database: no thread hop
    if doc is None:
        doc = await _flights(request).read(showtime_id, lambda: run_in_threadpool(_read, request, cache, showtime_id))
    headers = {"ETag": doc.etag, "Cache-Control": "no-cache"}
    if doc.etag in _etags(request.headers.get("if-none-match")):
        return Response(status_code=304, headers=headers)
    return Response(doc.body, media_type="application/json", headers=headers)


class Flights:
    """One database read per showtime in flight per worker; the requests that need a
    newer map meanwhile wait for it on the event loop, not on a pool thread (a thread
    each while one rebuilt the map left none for holds and bookings)."""

    def __init__(self, cache: SeatMapCache) -> None:
        self.cache = cache
        self._running: dict[int, asyncio.Future] = {}

    async def read(self, showtime_id: int, start: Callable[[], Awaitable[SeatMapDoc]]) -> SeatMapDoc:
        """The map, from a read that began after this call (or a trusted cache entry);
        ``start()`` begins a read (``cache.get`` on the thread pool)."""
        arrived = self.cache.clock()
        while True:
            doc = self.cache.peek(showtime_id) or self.cache.read_since(showtime_id, arrived)
            if doc is not None:
                return doc
            flight = self._running.get(showtime_id)
            if flight is None or flight.done():  # (a done one may not have been forgotten yet)
                flight = asyncio.ensure_future(start())
                self._running[showtime_id] = flight
                flight.add_done_callback(lambda done: self._forget(showtime_id, done))
                return await asyncio.shield(flight)
            await asyncio.shield(flight)  # began before we arrived: wait, then look again

    def _forget(self, showtime_id: int, flight: asyncio.Future) -> None:
        if self._running.get(showtime_id) is flight:
            del self._running[showtime_id]
        if not flight.cancelled():
            flight.exception()  # retrieved: a failure is raised to the request that started it


def _flights(request: Request) -> Flights:
    state = request.app.state
    flights = getattr(state, "seat_map_flights", None)
    if flights is None:
        flights = state.seat_map_flights = Flights(seat_maps(request))
    return flights


def _read(request: Request, cache: SeatMapCache, showtime_id: int) -> SeatMapDoc:
    with request.app.state.context.session_factory() as session:
        return cache.get(session, showtime_id)


def _etags(header: str | None) -> set[str]:
    if not header:
        return set()
    return {tag.strip().removeprefix("W/") for tag in header.split(",")}


@contextlib.contextmanager
def live_seat_maps(app, url: str | None, application_name: str = "boxoffice-web-maps") -> Iterator[None]:
    """While the app runs: listen for inventory notifications on ``url`` (``None``: no
    feed, every request checks versions) and invalidate the cached maps they name."""
    cache = app.state.seat_maps = getattr(app.state, "seat_maps", None) or SeatMapCache()
    if url is None:
        yield
        return
    feed = InventoryFeed(url, application_name=application_name)
    feed.add_listener(cache.invalidate, lambda status: cache.feed_status(status.live))
    feed.start()
    try:
        yield
    finally:
        cache.feed_status(False)
        if not feed.stop(5.0):
            log.warning("the seat map feed did not stop within 5 s")
