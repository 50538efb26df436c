"""Tickets of an order as printable facts, each with its signed ticket code."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from boxoffice.db.models import (
    Order,
    PriceCategory,
    GaArea,
    Seat,
    SeatingPlan,
    Section,
    Show,
    Showtime,
    Ticket,
    TicketType,
    Venue,
)
from boxoffice.domain import ticket_code
from boxoffice.domain.errors import NotFoundError
from boxoffice.services.errors import unit_of_work


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


def order_tickets(session: Session, *, order_id: int) -> list[TicketView]:
    """The valid tickets of ``order_id``, in seat order, with freshly signed codes.

    Raises:
        NotFoundError: no such order, or it has no valid tickets.
    """
    from zoneinfo import ZoneInfo

    with unit_of_work(session):
        rows = session.execute(
            select(Ticket, Order.number, Show.title, Venue, Showtime.starts_at, Section.name, Seat, PriceCategory.name,
                   TicketType.name, TicketType.code, GaArea.name)
            .join(Order, Order.id == Ticket.order_id)
            .join(Showtime, Showtime.id == Ticket.showtime_id)
            .join(Show, Show.id == Showtime.show_id)
            .join(SeatingPlan, SeatingPlan.id == Showtime.plan_id)
            .join(Venue, Venue.id == SeatingPlan.venue_id)
            .outerjoin(Seat, Seat.id == Ticket.seat_id)
            .outerjoin(Section, Section.id == Seat.section_id)
            .outerjoin(GaArea, GaArea.id == Ticket.ga_area_id)
            .join(PriceCategory, PriceCategory.id == Ticket.category_id)
            .outerjoin(TicketType, TicketType.id == Ticket.ticket_type_id)
            .where(Ticket.order_id == order_id, Ticket.status == "valid")
            .order_by(Section.position, Seat.id, GaArea.id, Ticket.id)  # plan order: row "10" after row "9"
        ).all()
    if not rows:
        raise NotFoundError(f"Order {order_id} has no valid tickets.")
    views = []
    for ticket, number, title, venue, starts_at, section, seat, category, type_name, type_code, area in rows:
        claim = ticket_code.TicketClaim(venue.id, ticket.showtime_id, ticket.id, ticket.code_serial)
        views.append(
            TicketView(
                ticket_id=ticket.id,
                order_number=number,
                show_title=title,
                venue_name=venue.name,
                starts_at=starts_at.astimezone(ZoneInfo(venue.timezone)),
                section=section if seat is not None else area,
                row=seat.row_label if seat is not None else "",
                seat=seat.seat_number if seat is not None else "",
                category=category,
                price_minor=ticket.price_minor,
                currency=venue.currency,
                wheelchair=seat.wheelchair if seat is not None else False,
                code=ticket_code.encode(claim, venue.ticket_private_key),
                ticket_type=type_name or "Full",
                ticket_type_code=type_code or "full",
                general_admission=seat is None,
            )
        )
    return views


def venue_public_keys(session: Session) -> dict[int, bytes]:
    """Public ticket keys by venue id (key id), for verifying codes."""
    with unit_of_work(session):
        return dict(session.execute(select(Venue.id, Venue.ticket_public_key)).all())


def reissue_code(session: Session, *, ticket_id: int) -> TicketView:
    """Reprint a ticket with a new code: bump its ``code_serial`` so every older code of
    it is void (a door says VOID, "reprinted"), and return the ticket with its new code.

    Raises:
        NotFoundError: no such ticket, or it is not valid (refunded, exchanged, void).
    """
    with unit_of_work(session):
        order_id = session.execute(
            update(Ticket).where(Ticket.id == ticket_id, Ticket.status == "valid")
            .values(code_serial=Ticket.code_serial + 1).returning(Ticket.order_id)
        ).scalar_one_or_none()
    if order_id is None:
        raise NotFoundError(f"Ticket {ticket_id} does not exist or is no longer valid.")
    return next(view for view in order_tickets(session, order_id=order_id) if view.ticket_id == ticket_id)
