"""Best available online: the counter's algorithm (``services.best_available``) behind a
preview and a hold, within the channel's hold limits (docs/web-api.md)."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from boxoffice.domain.best_available import BestChoice, NotEnoughTogetherError
from boxoffice.domain.errors import InvalidInputError
from boxoffice.services import best_available, inventory
from boxoffice.services.web_holds import Buyer
from boxoffice.web.context import ContextDep, SessionDep, WebContext
from boxoffice.web.errors import responses
from boxoffice.web.guards import BuyerDep, GuardsDep, WebGuards
from boxoffice.web.schemas import RowId, ShowtimeIdPath

router = APIRouter(tags=["best available"])
MAX_QUANTITY = best_available.MAX_QUANTITY
# Best-available holds run side by side (services.best_available: chosen in the worker's
# cache, held in one statement); after repeated collisions one falls back to the
# showtime's lock in the database. This many per worker at once (of its 10 threads) keep
# threads for bookings and payments.
CONCURRENT_HOLDS = 4
_NAME = r"^[^\x00-\x1f\x7f]*$"  # a category or section name: no control characters
Quantity = Annotated[int, Field(ge=1, le=MAX_QUANTITY, description="seats wanted together")]
Name = Annotated[str, Field(min_length=1, max_length=100, pattern=_NAME)]


class BestAvailableIn(BaseModel):
    quantity: Quantity
    category: Name | None = Field(None, description="only seats of this price category (its name)")
    section: Name | None = Field(None, description="only seats in this section (its name)")
    hold_token: uuid.UUID | None = Field(None, description="add the seats to this hold (and renew it)")
    instead_of: list[RowId] = Field(
        default_factory=list,
        max_length=MAX_QUANTITY,
        description="seats of hold_token to give back in the same step (the previous offer: "
        "'try other seats'); that group is not offered again",
    )


class BestChoiceOut(BaseModel):
    showtime_id: int
    seat_ids: list[int] = Field(description="left to right along the row")
    section: str
    row: str
    seats: list[str] = Field(description="the seats' labels, left to right")
    description: str = Field(description='e.g. "Stalls, row F, seats 7-8"')


class BestHoldOut(BestChoiceOut):
    hold_token: uuid.UUID
    expires_at: dt.datetime


def _choice(showtime_id: int, choice: BestChoice) -> dict:
    return {
        "showtime_id": showtime_id,
        "seat_ids": list(choice.seat_ids),
        "section": choice.section,
        "row": choice.row,
        "seats": list(choice.seats),
        "description": choice.describe(),
    }


@router.get("/showtimes/{showtime_id}/best-available", response_model=BestChoiceOut, responses=responses(404, 409))
def preview_best(
    showtime_id: ShowtimeIdPath,
    session: SessionDep,
    quantity: Annotated[int, Query(ge=1, le=MAX_QUANTITY, description="seats wanted together")],
    category: Annotated[str | None, Query(min_length=1, max_length=100, pattern=_NAME)] = None,
    section: Annotated[str | None, Query(min_length=1, max_length=100, pattern=_NAME)] = None,
) -> BestChoiceOut:
    """The best ``quantity`` seats together now (the counter's rules: best section, then
    nearest the plan's best point, no lone seat left where it can be helped), without
    holding them: another buyer may take them first. 409 ``not_enough_together`` when
    no such group is free; 422 for an unknown ``category`` or ``section``."""
    choice = best_available.choose_best(
        session, showtime_id=showtime_id, quantity=quantity, category_name=category, section_name=section
    )
    return BestChoiceOut(**_choice(showtime_id, choice))


@router.post(
    "/showtimes/{showtime_id}/best-available",
    status_code=201,
    response_model=BestHoldOut,
    responses=responses(404, 409, 429),
)
async def hold_best(
    showtime_id: ShowtimeIdPath,
    body: BestAvailableIn,
    request: Request,
    session: SessionDep,
    ctx: ContextDep,
    buyer: BuyerDep,
    guards: GuardsDep,
) -> BestHoldOut:
    """Choose and hold the best ``quantity`` seats together in one step (a web hold,
    within the channel's limits, as ``POST /showtimes/{id}/holds``). With ``hold_token``
    the seats join that hold; ``instead_of`` gives back the previous offer's seats of that
    hold in the same step, so "other seats" never leaves the buyer with none or with
    both. Nothing is held or given back on an error: 409 ``not_enough_together``,
    ``seat_unavailable`` (taken again and again while choosing), ``not_on_sale``,
    ``held_seats_limit``; 422 ``too_many_seats``, ``invalid_input`` (unknown category or
    section; ``instead_of`` without ``hold_token``); 429 ``too_many_holds``."""
    if body.instead_of and body.hold_token is None:
        raise InvalidInputError("instead_of gives back seats of a hold: send its hold_token too.")
    await _warm(request, session, showtime_id)
    async with _gate(request):  # waits on the event loop, not on a request thread
        return await run_in_threadpool(_hold_best, showtime_id, body, session, ctx, buyer, guards)


async def _warm(request: Request, session: Session, showtime_id: int) -> None:
    """Build the showtime's best-available layout in this worker once, before the first
    hold: ``hold_best`` would otherwise build it under the showtime's database lock
    (1.5-2 s for a stadium, far longer on a busy machine), stopping every other
    best-available hold meanwhile. One build per showtime and worker at a time."""
    state = request.app.state
    if getattr(state, "best_available_warmed", None) is None:
        state.best_available_warmed, state.best_available_warming = set(), {}
    warmed: set[int] = state.best_available_warmed
    if showtime_id in warmed:
        return
    locks: dict[int, asyncio.Lock] = state.best_available_warming
    async with locks.setdefault(showtime_id, asyncio.Lock()):
        if showtime_id in warmed:
            return
        try:
            await run_in_threadpool(best_available.choose_best, session, showtime_id=showtime_id, quantity=1)
        except NotEnoughTogetherError:
            pass  # the layout is built all the same
        warmed.add(showtime_id)


def _gate(request: Request) -> asyncio.Semaphore:
    state = request.app.state
    gate = getattr(state, "best_available_gate", None)
    if gate is None:
        gate = state.best_available_gate = asyncio.Semaphore(CONCURRENT_HOLDS)
    return gate


def _hold_best(
    showtime_id: int, body: BestAvailableIn, session: Session, ctx: WebContext, buyer: Buyer, guards: WebGuards
) -> BestHoldOut:
    token = body.hold_token or inventory.new_hold_token()
    back = sorted(set(body.instead_of))
    # hold_best gives ``back`` back first, in the hold's own statement: the new hold's size
    # (the limits) does not count them, and a failure keeps them held
    held = best_available.hold_best(
        session,
        showtime_id=showtime_id,
        token=token,
        quantity=body.quantity,
        channel="web",
        seconds=ctx.hold_seconds,
        category_name=body.category,
        section_name=body.section,
        skip=[back] if back else (),
        release=back,
        buyer=buyer,
        limits=guards.limits,
    )
    return BestHoldOut(**_choice(showtime_id, held.choice), hold_token=token, expires_at=held.expires_at)
