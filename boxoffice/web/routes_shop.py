"""Showtimes, availability and holds."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from boxoffice.domain.errors import NotFoundError, NotOnSaleError, SeatUnavailableError
from boxoffice.services import availability, catalog, inventory
from boxoffice.services.errors import seats_taken
from boxoffice.services.seat_map import SeatMapCache
from boxoffice.web import holds
from boxoffice.web.context import ContextDep, SessionDep, WebContext
from boxoffice.web.errors import responses
from boxoffice.web.guards import BuyerDep, GuardsDep
from boxoffice.web.routes_map import seat_maps
from boxoffice.web.schemas import AvailabilityOut, HoldIn, HoldOut, ReleaseOut, ShowtimeIdPath, ShowtimeOut

router = APIRouter(tags=["showtimes and holds"])
WEB_CHANNEL = "web"


@router.get("/showtimes", response_model=list[ShowtimeOut], responses=responses())
def list_showtimes(
    session: SessionDep,
    since: Annotated[dt.datetime | None, Query(description="earliest start (default: now); naive is UTC")] = None,
    search: Annotated[
        str | None,
        Query(max_length=100, pattern=r"^[^\x00-\x1f\x7f]*$", description="part of the show's title, literally"),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[ShowtimeOut]:
    """Showtimes starting at or after ``since``, soonest first, with their status (only
    ``on_sale`` ones can be held)."""
    if since is None:
        since = dt.datetime.now(dt.UTC)
    elif since.tzinfo is None:
        since = since.replace(tzinfo=dt.UTC)
    found = catalog.list_showtimes(session, since=since, search=search, limit=limit)
    return [ShowtimeOut.model_validate(s) for s in found]


@router.get("/showtimes/{showtime_id}/seats", response_model=AvailabilityOut, responses=responses(404))
def showtime_seats(showtime_id: ShowtimeIdPath, session: SessionDep, ctx: ContextDep) -> Response:
    """Every seat with its state and price, plus how many are available, held, sold, blocked."""
    found = availability.showtime_availability(session, showtime_id=showtime_id, layouts=ctx.layouts)
    # Serialised once here: the busiest read of an on-sale, skip FastAPI's second validation.
    return Response(AvailabilityOut.model_validate(found).model_dump_json(), media_type="application/json")


@router.post(
    "/showtimes/{showtime_id}/holds", status_code=201, response_model=HoldOut, responses=responses(404, 409, 429)
)
async def hold_seats(
    showtime_id: ShowtimeIdPath, body: HoldIn, request: Request, buyer: BuyerDep, guards: GuardsDep
) -> HoldOut:
    """Hold all of ``seat_ids`` or none (409 ``seat_unavailable`` names the taken seats).
    A new hold of seats the seat map shows taken is refused before the limits below are
    counted (it costs the database nothing).

    Pass ``hold_token`` to add seats to your hold (and renew it). The hold lasts
    ``BOXOFFICE_WEB_HOLD_SECONDS``; turn it into a booking before ``expires_at``.
    Within the channel's limits per buyer (its address and ``Boxoffice-Client`` id):
    422 ``too_many_seats`` for one hold, 409 ``held_seats_limit`` for what it holds in
    all, 429 ``too_many_holds`` (with ``Retry-After``) for holds a minute.
    """
    ctx: WebContext = request.app.state.context
    if body.hold_token is None and len(set(body.seat_ids)) <= guards.limits.seats_per_hold:
        # a new hold of seats the current map shows taken: refused without the database
        # (most holds of an on-sale are refused; each cost a round trip and the limits'
        # bookkeeping). Adding to a hold goes to the database: its own seats show held.
        taken = seat_maps(request).taken(showtime_id, body.seat_ids)
        if taken:
            raise seats_taken(taken)
    token = body.hold_token or inventory.new_hold_token()
    try:
        expires = await holds.hold_seats_online(
            request.app.state.loop_connections,
            showtime_id=showtime_id,
            seat_ids=body.seat_ids,
            token=token,
            seconds=ctx.hold_seconds,
            buyer=buyer,
            limits=guards.limits,
        )
    except NotOnSaleError as exc:
        if exc.details.get("reason") == "unknown":  # bo_hold found no such showtime
            raise NotFoundError(f"Showtime {showtime_id} does not exist.") from None
        raise
    except SeatUnavailableError as exc:
        refused = exc.details.get("seat_ids")
        await explain_taken(
            ctx, seat_maps(request), showtime_id, refused if isinstance(refused, list) else body.seat_ids
        )
        raise
    return HoldOut(hold_token=token, showtime_id=showtime_id, seat_ids=sorted(set(body.seat_ids)), expires_at=expires)


async def explain_taken(ctx: WebContext, maps: SeatMapCache, showtime_id: int, refused: list[int]) -> None:
    """After a hold was refused because ``refused`` seats are not available, raise
    :class:`NotFoundError` if some of them are not seats of the showtime at all; else
    return (the 409 stands).

    The seat ids of the showtime's plan come from the cached seat map when there is one
    (no round trip: a refused hold used to pay three more, BEGIN, two queries and
    COMMIT, and most holds of an on-sale are refused); else the database is asked about
    the refused seats only (on the thread pool).

    Raises:
        NotFoundError: seats not on the showtime's plan (``details['seat_ids']``).
    """
    known = maps.plan_seats(showtime_id)
    if known is None:
        await run_in_threadpool(_explain_from_database, ctx, showtime_id, refused)
        return
    unknown = sorted(set(refused) - known)
    if unknown:
        raise NotFoundError(f"Seats {', '.join(map(str, unknown))} are not part of this showtime.", seat_ids=unknown)


def _explain_from_database(ctx: WebContext, showtime_id: int, refused: list[int]) -> None:
    with ctx.session_factory() as session:
        availability.explain_refusal(session, showtime_id=showtime_id, seat_ids=refused)


@router.delete("/showtimes/{showtime_id}/holds/{hold_token}", response_model=ReleaseOut, responses=responses())
def release_hold(showtime_id: ShowtimeIdPath, hold_token: uuid.UUID, session: SessionDep) -> ReleaseOut:
    """Release every seat the hold still has (releasing nothing is not an error)."""
    return ReleaseOut(released=inventory.release_seats(session, showtime_id=showtime_id, token=hold_token))
