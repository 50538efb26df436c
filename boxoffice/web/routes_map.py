"""The seat map of a showtime in one request, from bytes cached per inventory version
(ETag / ``If-None-Match`` → 304), kept current by the inventory feed.

:func:`live_seat_maps` (entered by the app's lifespan) starts an
:class:`~boxoffice.db.feed.InventoryFeed` whose notifications invalidate the cached
documents of :class:`~boxoffice.services.seat_map.SeatMapCache`; while it is not live
every request checks the showtime's inventory version instead (one indexed query).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator

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
        doc = await run_in_threadpool(_read, request, cache, showtime_id)
    headers = {"ETag": doc.etag, "Cache-Control": "no-cache"}
    if doc.etag in _etags(request.headers.get("if-none-match")):
        return Response(status_code=304, headers=headers)
    return Response(doc.body, media_type="application/json", headers=headers)


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
