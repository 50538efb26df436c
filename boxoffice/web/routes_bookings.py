"""Bookings, their payments and refunds, and the payment webhook."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from boxoffice.device_key import DeviceKey
from boxoffice.domain import webhook_signature
from boxoffice.domain.errors import HoldExpiredError, NotOnSaleError
from boxoffice.services import availability, bookings, payments, tickets
from boxoffice.web import purchase
from boxoffice.web.context import ContextDep, SessionDep
from boxoffice.web.errors import responses
from boxoffice.web.middleware import BodyTooLargeError
from boxoffice.web.schemas import BookingIn, BookingOut, PaymentSessionOut, RefundOut, WebhookAck

router = APIRouter(tags=["bookings and payments"])
MAX_WEBHOOK_BYTES = 64 * 1024


@router.post("/bookings", status_code=201, response_model=BookingOut, responses=responses(404, 409, 410))
async def create_booking(body: BookingIn, request: Request, ctx: ContextDep) -> BookingOut:
    """Turn a live hold into a pending booking that keeps its seats for
    ``BOXOFFICE_BOOKING_SECONDS``; the hold token no longer holds them afterwards."""
    try:
        booking = await purchase.create_booking(
            request.app.state.loop_connections,
            showtime_id=body.showtime_id,
            hold_token=body.hold_token,
            seconds=ctx.booking_seconds,
            email=body.email,
        )
    except (NotOnSaleError, HoldExpiredError):
        await run_in_threadpool(_explain, ctx, body.showtime_id)  # rare: 404 for a showtime that is not there
        raise
    return BookingOut.model_validate(booking)


def _explain(ctx, showtime_id: int) -> None:
    with ctx.session_factory() as session:
        availability.explain_refusal(session, showtime_id=showtime_id)


@router.get("/bookings/{booking_id}", response_model=BookingOut, responses=responses(404))
async def get_booking(booking_id: uuid.UUID, request: Request, ctx: ContextDep) -> BookingOut:
    """The booking's status, seats and, once confirmed, its tickets with their codes."""

    def signer() -> DeviceKey:
        with ctx.session_factory() as session:  # no connection: the key file of its data directory
            return tickets.default_signer(session)

    booking = await purchase.read_booking(request.app.state.loop_connections, booking_id, signer)
    return BookingOut.model_validate(booking)


@router.post("/bookings/{booking_id}/cancel", response_model=BookingOut, responses=responses(404, 409, 410))
def cancel_booking(booking_id: uuid.UUID, session: SessionDep) -> BookingOut:
    """Cancel a pending booking; its seats go back on sale at once."""
    return BookingOut.model_validate(bookings.cancel_booking(session, booking_id=booking_id))


@router.post(
    "/bookings/{booking_id}/payments",
    status_code=201,
    response_model=PaymentSessionOut,
    responses=responses(404, 409, 410),
)
async def start_payment(booking_id: uuid.UUID, request: Request) -> PaymentSessionOut:
    """Open a payment session at the gateway; send the buyer to ``checkout_url``. While
    the buyer has not finished, asking again returns the same session."""
    created = await purchase.create_payment_session(
        request.app.state.loop_connections, booking_id=booking_id, base_url=str(request.base_url)
    )
    return PaymentSessionOut.model_validate(created)


@router.post("/bookings/{booking_id}/refund", response_model=RefundOut, responses=responses(404, 409))
def refund_booking(booking_id: uuid.UUID, session: SessionDep) -> RefundOut:
    """Refund a confirmed booking under the refund policy (docs/channel-contract.md):
    its tickets are voided and its seats go back on sale."""
    return RefundOut.model_validate(bookings.refund_booking(session, booking_id=booking_id))


_WEBHOOK_DOC = {
    "parameters": [
        {
            "name": webhook_signature.HEADER,
            "in": "header",
            "required": True,
            "schema": {"type": "string"},
            "description": "t=<unix seconds>,v1=<hex HMAC-SHA256 of '<t>.<raw body>' with the shared secret>",
        }
    ],
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["id", "type", "data"],
                    "properties": {
                        "id": {"type": "string"},
                        "type": {"type": "string", "enum": list(payments.EVENT_TYPES)},
                        "created": {"type": "integer"},
                        "data": {"type": "object"},
                    },
                }
            }
        },
    },
}


@router.post(
    "/payments/webhook",
    name="payment_webhook",
    response_model=WebhookAck,
    responses=responses(400),
    openapi_extra=_WEBHOOK_DOC,
)
async def payment_webhook(request: Request, ctx: ContextDep) -> WebhookAck:
    """The gateway's events, signed in the ``Boxoffice-Signature`` header. Each event id
    is applied once; a repeated delivery answers 200 with ``duplicate: true``."""
    chunks, size = [], 0
    async for chunk in request.stream():  # the exact bytes that were signed
        size += len(chunk)
        if size > MAX_WEBHOOK_BYTES:
            raise BodyTooLargeError(MAX_WEBHOOK_BYTES)
        chunks.append(chunk)
    raw = b"".join(chunks)
    signature = request.headers.get(webhook_signature.HEADER)
    result = await purchase.process_webhook(
        request.app.state.loop_connections, raw_body=raw, signature=signature, secret=ctx.secret
    )
    return WebhookAck.model_validate(result)
