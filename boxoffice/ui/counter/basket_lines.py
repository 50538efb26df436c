"""The basket's lines as the open plan prices them: a new line for a seat (the full ticket
type at its category's price), the ticket types sold for it, a line re-typed, and how a
seat is named to the cashier. Plain data of the open showtime; no database, no widgets."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject

from boxoffice.domain.basket import BasketLine
from boxoffice.domain.seat_columns import SeatColumns


class BasketLines(QObject):
    """Lines for the seats of the open showtime (:meth:`load` it first)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.seat_map: Any = None  # services.catalog.SeatMap
        self.seats: Mapping = {}  # seat id -> catalog.SeatInfo
        self.type_prices: dict[int, list] = {}  # category id -> sales.TypePrice sold, full first

    def load(self, seat_map, type_prices) -> None:
        """The showtime opened: its plan (``catalog.SeatMap``) and ``sales.TypePrice`` list."""
        self.seat_map = seat_map
        self.seats = SeatColumns.of(seat_map.seats).by_id()  # a view: no 100,000-entry dict per opening
        self.type_prices = {}
        for offer in type_prices:
            self.type_prices.setdefault(offer.category_id, []).append(offer)

    def line(self, seat_id: int) -> BasketLine:
        """A new basket line: the full ticket type at the category's price.

        Raises:
            KeyError: ``seat_id`` is not on the open plan.
        """
        seat = self.seats[seat_id]
        category = self.seat_map.categories[seat.category_id]
        full = next((o for o in self.type_prices.get(seat.category_id, ()) if o.code == "full"), None)
        return BasketLine(
            seat_id,
            self.seat_map.sections.get(seat.section_id, ""),
            seat.row,
            seat.number,
            category.name,
            category.price_minor,
            full.ticket_type_id if full else None,
            full.name if full else self.tr("Full"),
        )

    def offers(self, seat_id: int) -> list:
        """The ticket types (``sales.TypePrice``) sold for ``seat_id``, full first."""
        seat = self.seats.get(seat_id)
        return self.type_prices.get(seat.category_id, []) if seat else []

    def retyped(self, line: BasketLine, ticket_type_id: int) -> BasketLine | None:
        """``line`` sold as ``ticket_type_id`` at its price; ``None`` when that type is not
        sold for the seat's category."""
        offer = next((o for o in self.offers(line.seat_id) if o.ticket_type_id == ticket_type_id), None)
        if offer is None:
            return None
        return replace(line, ticket_type_id=offer.ticket_type_id, ticket_type=offer.name, price_minor=offer.price_minor)

    def label(self, seat_id: int) -> str:
        """``"Row F seat 12"`` (``"Seat 4711"`` for a seat not on the plan)."""
        seat = self.seats.get(seat_id)
        return (
            self.tr("Row {row} seat {number}").format(row=seat.row, number=seat.number)
            if seat
            else self.tr("Seat {seat_id}").format(seat_id=seat_id)
        )
