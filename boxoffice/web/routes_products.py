"""Ticket types, general admission by quantity, and bookings with a type per line and a
promo code (the counter's products online; migration 0021). Money in minor units."""

from __future__ import annotations

import datetime as dt
import uuid

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from boxoffice.domain.errors import NotOnSaleError, SeatUnavailableError
from boxoffice.services import availability, inventory, online_sales, web_holds
from boxoffice.services.general_admission import MAX_PLACES_PER_HOLD, release_places
from boxoffice.web.context import ContextDep, SessionDep
from boxoffice.web.errors import responses
from boxoffice.web.guards import BuyerDep, GuardsDep
from boxoffice.web.schemas import BookingOut, Out, RowId, ShowtimeIdPath

router = APIRouter(tags=["ticket types, general admission and promo codes"])


class TicketTypeOut(Out):
    ticket_type_id: int
    code: str = Field(description="stable code, e.g. full, concession, child")
    name: str
    category_id: int
    category: str
    price_minor: int = Field(description="the price of this type in this category")


class TicketTypesOut(BaseModel):
    showtime_id: int
    currency: str
    ticket_types: list[TicketTypeOut]


class GaAreaOut(Out):
    area_id: int
    name: str
    capacity: int
    category_id: int
    available: int = Field(description="places neither sold nor held now")


class GaHoldIn(BaseModel):
    area_id: RowId
    quantity: int = Field(ge=1, le=MAX_PLACES_PER_HOLD, description="places wanted (replaces an earlier quantity)")
    hold_token: uuid.UUID | None = Field(None, description="add to (and renew) an existing hold; omit for a new hold")


class GaHoldOut(BaseModel):
    hold_token: uuid.UUID
    showtime_id: int
    area_id: int
    quantity: int
    expires_at: dt.datetime


class GaLineIn(BaseModel):
    area_id: RowId
    ticket_type_id: RowId
    quantity: int = Field(ge=1, le=MAX_PLACES_PER_HOLD)


class SeatTypeIn(BaseModel):
    seat_id: RowId
    ticket_type_id: RowId


class LinesBookingIn(BaseModel):
    showtime_id: RowId
    hold_token: uuid.UUID
    email: str | None = Field(None, max_length=254, pattern=r"^[^@\s]+@[^@\s]+$")
    seats: list[SeatTypeIn] = Field(default_factory=list, max_length=500, description="seats not listed: full")
    general_admission: list[GaLineIn] = Field(
        default_factory=list, max_length=100, description="per area, quantities adding up to the places held"
    )
    promo_code: str | None = Field(None, max_length=30)


class BookingLineOut(Out):
    line_no: int
    seat_id: int | None
    ga_area_id: int | None
    category: str
    ticket_type: str
    type_name: str
    price_minor: int = Field(description="the list price of the line's type")
    discount_minor: int = Field(description="the promo code's discount on this line")
    promo_code: str | None


class LinesBookingOut(BaseModel):
    booking: BookingOut
    lines: list[BookingLineOut]
    discount_minor: int = Field(description="the whole booking's discount; booking.total_minor is after it")


@router.get("/showtimes/{showtime_id}/ticket-types", response_model=TicketTypesOut, responses=responses(404))
def ticket_types(showtime_id: ShowtimeIdPath, session: SessionDep) -> TicketTypesOut:
    """The ticket types on sale for each price category, with the database's prices."""
    currency, offers = online_sales.ticket_offers(session, showtime_id=showtime_id)
    return TicketTypesOut(
        showtime_id=showtime_id, currency=currency, ticket_types=[TicketTypeOut.model_validate(o) for o in offers]
    )


@router.get("/showtimes/{showtime_id}/ga-areas", response_model=list[GaAreaOut], responses=responses())
def ga_areas(showtime_id: ShowtimeIdPath, session: SessionDep) -> list[GaAreaOut]:
    """The general-admission (standing) areas with the places available now."""
    return [GaAreaOut.model_validate(a) for a in online_sales.ga_areas(session, showtime_id=showtime_id)]


@router.post(
    "/showtimes/{showtime_id}/ga-holds", status_code=201, response_model=GaHoldOut, responses=responses(404, 409, 429)
)
def hold_ga(
    showtime_id: ShowtimeIdPath,
    body: GaHoldIn,
    session: SessionDep,
    ctx: ContextDep,
    buyer: BuyerDep,
    guards: GuardsDep,
) -> GaHoldOut:
    """Hold ``quantity`` places of an area, all or none (409 ``seat_unavailable`` with
    ``details.left``). Pass ``hold_token`` to put them on the same hold as your seats.
    Within the channel's limits per buyer, as ``POST /showtimes/{id}/holds``."""
    token = body.hold_token or inventory.new_hold_token()
    try:
        expires = web_holds.hold_places_online(
            session,
            showtime_id=showtime_id,
            area_id=body.area_id,
            quantity=body.quantity,
            token=token,
            seconds=ctx.hold_seconds,
            buyer=buyer,
            limits=guards.limits,
        )
    except (NotOnSaleError, SeatUnavailableError):
        availability.explain_refusal(session, showtime_id=showtime_id)
        raise
    return GaHoldOut(
        hold_token=token, showtime_id=showtime_id, area_id=body.area_id, quantity=body.quantity, expires_at=expires
    )


@router.delete("/showtimes/{showtime_id}/ga-holds/{hold_token}", responses=responses())
def release_ga(
    showtime_id: ShowtimeIdPath,
    hold_token: uuid.UUID,
    session: SessionDep,
    area_id: int | None = Query(None, ge=1, description="only this area (default: every area)"),
) -> dict[str, int]:
    """Release the hold's general-admission places (releasing nothing is not an error)."""
    return {"released": release_places(session, showtime_id=showtime_id, token=hold_token, area_id=area_id)}


@router.post("/bookings/lines", status_code=201, response_model=LinesBookingOut, responses=responses(404, 409, 410))
def book_lines(body: LinesBookingIn, session: SessionDep, ctx: ContextDep) -> LinesBookingOut:
    """Book everything the hold has (seats and general-admission places), each seat as
    its ``ticket_type_id`` (default full), with an optional promo code (422
    ``promo_code_refused``, ``details.reason``). The database prices every line; pay the
    booking's ``total_minor`` as with ``POST /bookings``."""
    ga: dict[int, dict[int, int]] = {}
    for line in body.general_admission:
        by_type = ga.setdefault(line.area_id, {})
        by_type[line.ticket_type_id] = by_type.get(line.ticket_type_id, 0) + line.quantity
    try:
        booking = online_sales.book(
            session,
            showtime_id=body.showtime_id,
            hold_token=body.hold_token,
            seconds=ctx.booking_seconds,
            email=body.email,
            seat_types={s.seat_id: s.ticket_type_id for s in body.seats},
            ga_types=ga,
            promo=body.promo_code,
        )
    except NotOnSaleError:
        availability.explain_refusal(session, showtime_id=body.showtime_id)
        raise
    return _with_lines(session, booking)


@router.get("/bookings/{booking_id}/lines", response_model=LinesBookingOut, responses=responses(404))
def booking_lines(booking_id: uuid.UUID, session: SessionDep) -> LinesBookingOut:
    """A booking with its lines: type, list price and promo discount per ticket."""
    from boxoffice.services.bookings import get_booking

    return _with_lines(session, get_booking(session, booking_id=booking_id))


def _with_lines(session, booking) -> LinesBookingOut:
    lines = online_sales.booking_lines(session, booking_id=booking.id)
    return LinesBookingOut(
        booking=BookingOut.model_validate(booking),
        lines=[BookingLineOut.model_validate(line) for line in lines],
        discount_minor=sum(line.discount_minor for line in lines),
    )
