"""Tickets of an order as printable facts, each with its signed ticket code.

Codes are signed by this device's own key (:mod:`boxoffice.device_key`, passed in as
``signer`` or this device's key from the data directory), never by a key the database
holds: the database records which enrolled key signed each ticket's current code
(``bo_claim_codes`` / ``bo_reissue_key``, migration 0010) and doors admit a code only
from that key.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from boxoffice.device_key import DeviceKey, this_device
from boxoffice.domain import ticket_code
from boxoffice.domain.errors import NotFoundError, PrintedElsewhereError
from boxoffice.domain.roles import REPRINT
from boxoffice.services import device_keys
from boxoffice.services.auth import authorize
from boxoffice.services.errors import unit_of_work

_DATA_DIR_INFO = "boxoffice.data_dir"  # = boxoffice.runtime.DATA_DIR_INFO (set on sessions of open_database)
CLAIM = text("SELECT bo_claim_codes(:order, :key)")
_REISSUE = text("SELECT bo_reissue_key(:ticket, :key)")
PROMO_CODES = text("SELECT id, code FROM promo_code WHERE id = ANY(:ids)")  # migration 0021
# An order's valid tickets with what is printed on them, in plan order (row "10" after
# row "9": by section position and seat id; general admission after, by area).
TICKETS = text(
    "SELECT t.id, t.showtime_id, t.code_serial, t.key_id, t.price_minor, t.discount_minor, t.promo_code_id, "
    "o.number, sh.title, v.name AS venue_name, v.timezone, v.currency, v.locale, st.starts_at, "
    "sec.name AS section, t.seat_id, s.row_label, s.seat_number, s.wheelchair, pc.name AS category, "
    "tt.name AS type_name, tt.code AS type_code, ga.name AS area "
    "FROM ticket t JOIN orders o ON o.id = t.order_id JOIN showtime st ON st.id = t.showtime_id "
    "JOIN show sh ON sh.id = st.show_id JOIN seating_plan p ON p.id = st.plan_id JOIN venue v ON v.id = p.venue_id "
    "LEFT JOIN seat s ON s.id = t.seat_id LEFT JOIN section sec ON sec.id = s.section_id "
    "LEFT JOIN ga_area ga ON ga.id = t.ga_area_id JOIN price_category pc ON pc.id = t.category_id "
    "LEFT JOIN ticket_type tt ON tt.id = t.ticket_type_id "
    "WHERE t.order_id = :order AND t.status = 'valid' ORDER BY sec.position, s.id, ga.id, t.id"
)


@dataclass(frozen=True)
class TicketView:
    """Everything printed on one ticket. ``starts_at`` is aware, in the venue's time zone;
    ``price_minor`` is in minor units of ``currency``; ``code`` is the signed ticket code.
    ``ticket_type`` is the type's name (``"Child"``); untyped tickets (sold before
    migration 0006, or by the web) say ``"Full"``. :attr:`price_label` is what is printed
    next to the price."""

    ticket_id: int
    order_number: str
    show_title: str
    venue_name: str
    starts_at: dt.datetime
    section: str
    row: str
    seat: str
    category: str
    price_minor: int
    currency: str
    wheelchair: bool
    code: str
    ticket_type: str = "Full"
    ticket_type_code: str = "full"
    general_admission: bool = False  # migration 0008: ``section`` is the area's name, no row or seat
    promo_code: str = ""  # migration 0021: the promo code whose discount this ticket had, if any
    discount_minor: int = 0  # its discount (minor units); the customer paid price_minor - discount_minor
    locale: str | None = None  # the venue's (migration 0025): how money and the date are printed; None: en_GB

    @property
    def promo_line(self) -> str:
        """What a ticket prints under its price when it had a discount: ``"Promo SPRING –£2.50" (an en dash: the ticket fonts have no minus sign)``."""
        from boxoffice.printing.tickets import money_text

        if not self.discount_minor:
            return ""
        return f"Promo {self.promo_code} \u2013{money_text(self.discount_minor, self.currency, self.locale)}"

    @property
    def place_label(self) -> str:
        """Where the ticket lets you in: ``"General admission · Standing"`` or ``"Stalls · Row A · Seat 3"``."""
        if self.general_admission:
            return f"General admission · {self.section}"
        return f"{self.section} · Row {self.row} · Seat {self.seat}"

    @property
    def price_label(self) -> str:
        """The category, and the type unless it is full: ``"Standard · Child"``."""
        return self.category if self.ticket_type_code == "full" else f"{self.category} · {self.ticket_type}"


def order_tickets(session: Session, *, order_id: int, signer: DeviceKey | None = None) -> list[TicketView]:
    """The valid tickets of ``order_id``, in seat order, with codes signed by ``signer``
    (default: this device's key, :func:`boxoffice.device_key.this_device`).

    Tickets without a code yet (and those of a pre-0010 venue key) are recorded as signed
    by ``signer`` first (``bo_claim_codes``); the database allows a seller their own
    orders, anyone with ``reprint`` any order, the web channel its own orders.

    Raises:
        NotFoundError: no such order, or it has no valid tickets.
        DeviceNotEnrolledError: ``signer`` is not enrolled, or was revoked.
        PrintedElsewhereError: some tickets' codes were signed by another device (reprint
            them here with :func:`reissue_code`).
        PermissionDeniedError: the caller may not print this order.
        DeviceKeyFileError: this device's key file cannot be used.
    """
    with unit_of_work(session):
        return issue_tickets(session, order_id=order_id, signer=signer)


def issue_tickets(session: Session, *, order_id: int, signer: DeviceKey | None = None) -> list[TicketView]:
    """:func:`order_tickets` inside the caller's transaction (no commit; the caller's
    ``unit_of_work`` commits or rolls back): e.g. in the sale's own transaction, so a sale
    whose tickets cannot be issued is not sold. Same arguments, result and errors."""

    signer = signer or _signer(session)
    key_id = session.execute(CLAIM, {"order": order_id, "key": signer.public_key}).scalar_one()
    if key_id is None:
        raise NotFoundError(f"Order {order_id} does not exist.")
    rows = session.execute(TICKETS, {"order": order_id}).all()
    promo_ids = promo_code_ids(rows)
    codes: dict[int, str] = dict(session.execute(PROMO_CODES, {"ids": promo_ids}).all()) if promo_ids else {}
    return ticket_views(order_id, rows, key_id, signer, codes)


def promo_code_ids(rows) -> list[int]:
    """The promo codes (ids) whose discounts the tickets ``rows`` (:data:`TICKETS`) had."""
    return sorted({row.promo_code_id for row in rows if row.promo_code_id})


def ticket_views(order_id: int, rows, key_id: int, signer: DeviceKey, codes: dict[int, str]) -> list[TicketView]:
    """The :class:`TicketView` of each row of :data:`TICKETS` (the order's valid tickets,
    in plan order), each code signed by ``signer``, whose enrolled key is ``key_id``
    (``bo_claim_codes``); ``codes`` are the promo codes by id.

    Raises:
        NotFoundError: the order has no valid tickets.
        PrintedElsewhereError: some tickets' codes were signed by another device.
    """
    from zoneinfo import ZoneInfo

    if not rows:
        raise NotFoundError(f"Order {order_id} has no valid tickets.")
    elsewhere = [row.id for row in rows if row.key_id != key_id]
    if elsewhere:
        raise PrintedElsewhereError(
            f"{_tickets_text(elsewhere)} of this order {'was' if len(elsewhere) == 1 else 'were'} printed by "
            f"another device; reprint {'it' if len(elsewhere) == 1 else 'them'} to print here "
            f"(the codes printed before stop working).",
            ticket_ids=elsewhere,
        )
    views = []
    for row in rows:
        seated = row.seat_id is not None
        claim = ticket_code.TicketClaim(key_id, row.showtime_id, row.id, row.code_serial)
        views.append(
            TicketView(
                ticket_id=row.id,
                order_number=row.number,
                show_title=row.title,
                venue_name=row.venue_name,
                starts_at=row.starts_at.astimezone(ZoneInfo(row.timezone)),
                section=row.section if seated else row.area,
                row=row.row_label if seated else "",
                seat=row.seat_number if seated else "",
                category=row.category,
                price_minor=row.price_minor,
                currency=row.currency,
                locale=row.locale,
                wheelchair=row.wheelchair if seated else False,
                code=signer.sign(claim),
                ticket_type=row.type_name or "Full",
                ticket_type_code=row.type_code or "full",
                general_admission=not seated,
                promo_code=codes.get(row.promo_code_id or 0, ""),
                discount_minor=row.discount_minor or 0,
            )
        )
    return views


def require_signer(session: Session, signer: DeviceKey | None = None) -> int:
    """The key id of ``signer`` (default: this device's key); call it before a sale, so
    a till that could not print the tickets refuses before it takes the money.

    Raises:
        DeviceNotEnrolledError: the key is not enrolled, or was revoked.
        DeviceKeyFileError: this device's key file cannot be used.
    """
    from boxoffice.domain.errors import DeviceNotEnrolledError

    signer = signer or _signer(session)
    key_id = device_keys.enrolled_id(session, signer)
    if key_id is None:
        raise DeviceNotEnrolledError(
            "This till's ticket key is not enrolled (or was revoked), so it cannot print tickets: a manager runs "
            "'boxoffice device enrol NAME' on this till.",
            reason="unknown",
        )
    return key_id


def default_signer(session: Session) -> DeviceKey:
    """This machine's ticket key, as :func:`order_tickets` uses it by default: from the
    data directory ``session``'s database was opened with (no database I/O).

    Raises:
        DeviceKeyFileError: the key file cannot be used.
    """
    return _signer(session)


def _signer(session: Session) -> DeviceKey:
    """This machine's key: from the data directory the session's database was opened
    with (:func:`boxoffice.runtime.open_database`), else the settings' one."""
    return this_device(session.info.get(_DATA_DIR_INFO))


def _tickets_text(ids: list[int]) -> str:
    return f"Ticket {ids[0]}" if len(ids) == 1 else "Tickets " + ", ".join(str(i) for i in ids)


def ticket_public_keys(session: Session) -> dict[int, bytes]:
    """The enrolled, unrevoked public keys by key id, for verifying codes
    (:func:`boxoffice.services.device_keys.public_keys`)."""
    return device_keys.public_keys(session)


venue_public_keys = ticket_public_keys  # the name from before migration 0010 (keys were per venue)


def reissue_code(session: Session, *, ticket_id: int, signer: DeviceKey | None = None) -> TicketView:
    """Reprint a ticket with a new code signed by ``signer`` (default: this device's
    key): its ``code_serial`` goes up so every older code of it is void (a door says
    VOID, "reprinted"), and it records ``signer``'s key (``bo_reissue_key``). Returns
    the ticket with its new code.

    Raises:
        NotFoundError: no such ticket, or it is not valid (refunded, exchanged, void).
        PermissionDeniedError: the caller may not reprint.
        DeviceNotEnrolledError, DeviceKeyFileError: as :func:`order_tickets`.
    """
    authorize(session, REPRINT)
    signer = signer or _signer(session)
    with unit_of_work(session):
        order_id = session.execute(_REISSUE, {"ticket": ticket_id, "key": signer.public_key}).scalar_one()
    if order_id is None:
        raise NotFoundError(f"Ticket {ticket_id} does not exist or is no longer valid.")
    return next(
        view for view in order_tickets(session, order_id=order_id, signer=signer) if view.ticket_id == ticket_id
    )
