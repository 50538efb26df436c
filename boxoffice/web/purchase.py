"""A web purchase's steps on the event loop: book a hold, open a payment session, the
stand-in gateway's decision, the payment webhook and reading the booking with its
tickets, each a few statements on the worker's own async connections
(:class:`~boxoffice.web.holds.LoopConnections`), with no request thread.

As plain handlers these waited for a thread of the worker's pool, which they shared
with seat map reads and ticket reads, and every statement's answer then waited for the
thread to get the GIL back from the event loop: in the on-sale rehearsal a booking
that needs 3 ms of CPU took 20-30 ms (p50) in the server. The SQL, the checks before
the database and the results are the services' own (``services/bookings.py``,
``payments.py``, ``gateway.py``); each statement is its own transaction (autocommit),
as the database functions that change anything are one statement each.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from boxoffice.device_key import DeviceKey
from boxoffice.domain.errors import NotFoundError
from boxoffice.services import bookings, gateway, payments, tickets
from boxoffice.web.holds import LoopConnections, driver_sql, execute

_BOOK = driver_sql(bookings._BOOK)
_PEEK = driver_sql(bookings._PEEK)
_READ_BOOKING = driver_sql(bookings._READ)
_SEATS = driver_sql(bookings._SEATS)
_OPEN = driver_sql(payments._OPEN)
_SESSION = driver_sql(payments._SESSION)
_EVENT = driver_sql(payments._EVENT)
_DECIDE = driver_sql(gateway._DECIDE)
_READ_SESSION = driver_sql(gateway._READ)
_CLAIM = driver_sql(tickets.CLAIM)
_TICKETS = driver_sql(tickets.TICKETS)
_PROMO_CODES = driver_sql(tickets.PROMO_CODES)


async def create_booking(
    connections: LoopConnections,
    *,
    showtime_id: int,
    hold_token: uuid.UUID,
    seconds: int,
    email: str | None,
    channel: str = bookings.WEB_CHANNEL,
) -> bookings.Booking:
    """As :func:`boxoffice.services.bookings.create_booking` (``bo_book``), awaited: the
    new booking, pending, with its seats.

    Raises:
        HoldExpiredError, BookingStateError, NotOnSaleError, InvalidInputError: as there.
    """
    bookings.check_booking(seconds=seconds, email=email)
    params = {"showtime": showtime_id, "token": hold_token, "channel": channel, "seconds": seconds, "email": email}
    booking_id = (await execute(connections, _BOOK, params))[0][0]
    return await read_booking(connections, booking_id)


async def read_booking(
    connections: LoopConnections, booking_id: uuid.UUID, signer: Callable[[], DeviceKey] | None = None
) -> bookings.Booking:
    """As :func:`boxoffice.services.bookings.get_booking`, awaited: the booking with its
    seats and, once confirmed, its tickets with codes signed by ``signer()`` (the web
    server's key; ``None``: no tickets read), claimed as :func:`~boxoffice.services.
    tickets.order_tickets` does (``bo_claim_codes``) and read with the same statement.

    Raises:
        NotFoundError: no such booking.
        DeviceNotEnrolledError, PrintedElsewhereError, PermissionDeniedError,
            DeviceKeyFileError: as ``order_tickets``.
    """
    rows = await execute(connections, _READ_BOOKING, {"id": booking_id}, named=True)
    if not rows:
        raise NotFoundError("There is no such booking.")
    row = rows[0]
    seats = [bookings.BookedSeat(*r) for r in await execute(connections, _SEATS, {"id": booking_id})]
    views: list[tickets.TicketView] = []
    if row.status == "confirmed" and signer is not None:
        key = signer()
        claimed = await execute(connections, _CLAIM, {"order": row.order_id, "key": key.public_key})
        if claimed[0][0] is None:
            raise NotFoundError(f"Order {row.order_id} does not exist.")
        printed = await execute(connections, _TICKETS, {"order": row.order_id}, named=True)
        promo_ids = tickets.promo_code_ids(printed)
        codes = dict(await execute(connections, _PROMO_CODES, {"ids": promo_ids})) if promo_ids else {}
        views = tickets.ticket_views(row.order_id, printed, claimed[0][0], key, codes)
    return bookings.booking_of(row, seats, views)


async def create_payment_session(
    connections: LoopConnections, *, booking_id: uuid.UUID, base_url: str
) -> payments.PaymentSession:
    """As :func:`boxoffice.services.payments.create_payment_session`, awaited.

    Raises:
        NotFoundError, BookingExpiredError, BookingStateError: as there.
    """
    peeked = await execute(connections, _PEEK, {"id": booking_id}, named=True)
    if not peeked:
        raise NotFoundError("There is no such booking.")
    bookings.require_pending(peeked[0], "paid")
    session_id = (await execute(connections, _OPEN, {"b": booking_id}))[0][0]  # checks again, under lock
    rows = await execute(connections, _SESSION, {"id": session_id}, named=True)
    return payments.payment_session_of(rows[0] if rows else None, base_url)


async def complete_checkout(connections: LoopConnections, *, session_id: str, outcome: str) -> gateway.GatewayEvent:
    """As :func:`boxoffice.services.gateway.complete_checkout`, awaited.

    Raises:
        NotFoundError, InvalidInputError: as there.
    """
    gateway.check_outcome(outcome)
    await execute(connections, _DECIDE, {"id": session_id, "outcome": outcome})
    rows = await execute(connections, _READ_SESSION, {"id": session_id}, named=True)
    return gateway.event_of(rows[0] if rows else None)


async def process_webhook(
    connections: LoopConnections, *, raw_body: bytes, signature: str | None, secret: str
) -> payments.WebhookResult:
    """As :func:`boxoffice.services.payments.process_webhook`, awaited: one statement.

    Raises:
        WebhookSignatureError, WebhookPayloadError, BusyError, DatabaseUnavailableError:
            as there.
    """
    params = payments.webhook_params(raw_body=raw_body, signature=signature, secret=secret)
    rows = await execute(connections, _EVENT, params, named=True)
    return payments.webhook_result(params, rows[0])
