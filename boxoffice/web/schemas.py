"""Request and response bodies of the HTTP API (they generate the OpenAPI document).

Money is always an integer in minor units (``*_minor``, e.g. pence) with the ISO 4217
``currency`` beside it; times are ISO 8601 with a UTC offset.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

from fastapi import Path
from pydantic import BaseModel, ConfigDict, Field

from boxoffice.services.inventory import MAX_SEATS_PER_HOLD

MAX_ID = 2**31 - 1  # ids are PostgreSQL integers
RowId = Annotated[int, Field(ge=1, le=MAX_ID)]
ShowtimeIdPath = Annotated[int, Path(ge=1, le=MAX_ID, description="the showtime's id")]


class Out(BaseModel):
    """Base of response bodies: built from the services' dataclasses."""

    model_config = ConfigDict(from_attributes=True)


class ErrorDetail(BaseModel):
    code: str = Field(description="stable machine-readable code, e.g. seat_unavailable")
    message: str = Field(description="human-readable explanation")
    details: dict[str, Any] | None = Field(None, description="extra facts, e.g. seat_ids")


class ErrorBody(BaseModel):
    """Every failure has this body, whatever the status code."""

    error: ErrorDetail


class ShowtimeOut(Out):
    id: int
    title: str
    venue: str
    starts_at: dt.datetime
    status: str = Field(description="on_sale, off_sale or cancelled")
    timezone: str = Field(description="the venue's IANA time zone")
    on_sale_at: dt.datetime | None = Field(None, description="holds are refused before this (null: on sale now)")
    off_sale_at: dt.datetime | None = Field(
        None, description="holds are refused from this time on (set for every new showtime; null: no end)"
    )


class SeatOut(Out):
    seat_id: int
    section: str
    row: str
    seat: str
    category: str
    price_minor: int | None = Field(description="null: not priced, not for sale")
    state: str = Field(description="available, held, sold or blocked")
    wheelchair: bool
    x: float = Field(description="the seat's centre on the seating plan, plan pixels from the left")
    y: float = Field(description="the seat's centre on the seating plan, plan pixels from the top")


class AvailabilityOut(Out):
    showtime_id: int
    title: str
    starts_at: dt.datetime
    status: str
    currency: str
    counts: dict[str, int] = Field(description="seats per state: available, held, sold, blocked")
    seats: list[SeatOut]


class HoldIn(BaseModel):
    seat_ids: list[RowId] = Field(min_length=1, max_length=MAX_SEATS_PER_HOLD)
    hold_token: uuid.UUID | None = Field(
        None, description="add these seats to (and renew) an existing hold; omit for a new hold"
    )


class HoldOut(BaseModel):
    hold_token: uuid.UUID = Field(description="the buyer's secret for this hold")
    showtime_id: int
    seat_ids: list[int]
    expires_at: dt.datetime


class ReleaseOut(BaseModel):
    released: int = Field(description="seats released (0 when the hold had lapsed or was booked)")


class BookingIn(BaseModel):
    showtime_id: RowId
    hold_token: uuid.UUID
    email: str | None = Field(None, max_length=254, pattern=r"^[^@\s]+@[^@\s]+$")


class BookedSeatOut(Out):
    seat_id: int
    section: str
    row: str
    seat: str
    category: str
    price_minor: int


class TicketOut(Out):
    ticket_id: int
    section: str
    row: str
    seat: str
    category: str
    price_minor: int
    code: str = Field(description="the signed ticket code the QR carries (as printed at the counter)")


class BookingOut(Out):
    id: uuid.UUID = Field(description="the booking's id; whoever knows it can see and change the booking")
    showtime_id: int
    status: str = Field(description="pending, confirmed, cancelled, expired or refunded")
    email: str | None
    currency: str
    total_minor: int
    expires_at: dt.datetime = Field(description="when a pending booking lapses and frees its seats")
    created_at: dt.datetime
    confirmed_at: dt.datetime | None
    ended_at: dt.datetime | None
    order_number: str | None
    refunded_minor: int
    seats: list[BookedSeatOut]
    tickets: list[TicketOut]


class PaymentSessionOut(Out):
    id: str = Field(description="the payment session id (ps_...)")
    booking_id: uuid.UUID
    amount_minor: int
    currency: str
    status: str = Field(description="open, succeeded, failed, expired or refund_due")
    expires_at: dt.datetime
    checkout_url: str = Field(description="where to send the buyer to pay")


class RefundOut(Out):
    booking: BookingOut
    amount_minor: int
    percent: int
    rule: str
    tickets_voided: int


class WebhookAck(Out):
    event_id: str
    type: str
    duplicate: bool = Field(description="true: this event id was processed before; nothing changed")
    outcome: str = Field(description="confirmed, kept_pending, booking_expired, refund_due, ignored_...")


class CheckoutOut(BaseModel):
    session_id: str
    event_id: str
    type: str
    webhook_status: int | None = Field(description="HTTP status our webhook answered (null: not reached)")
    webhook_response: dict[str, Any] | None
