"""The counter's basket: seats held under one token for one showtime, with prices."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field


@dataclass(frozen=True)
class BasketLine:
    """One seat in the basket; ``price_minor`` in minor units (``None``: not priced) for
    its ticket type (``ticket_type_id``, ``None``: full, the default; ``ticket_type`` is
    the type's name)."""

    seat_id: int
    section: str
    row: str
    seat: str
    category: str
    price_minor: int | None
    ticket_type_id: int | None = None
    ticket_type: str = "Full"

    @property
    def label(self) -> str:
        """Human label, e.g. ``"Stalls · Row F · Seat 12"``."""
        return f"{self.section} · Row {self.row} · Seat {self.seat}"


@dataclass(frozen=True)
class GaLine:
    """Places in a general-admission area (migration 0008): ``quantity`` full tickets at
    ``price_minor`` each (``None``: not priced)."""

    area_id: int
    name: str
    category: str
    quantity: int
    price_minor: int | None

    @property
    def label(self) -> str:
        """Human label, e.g. ``"Standing (GA) × 2"``."""
        return f"{self.name} (GA) \u00d7 {self.quantity}"

    @property
    def total_minor(self) -> int | None:
        """Price of the line (``None``: not priced)."""
        return None if self.price_minor is None else self.price_minor * self.quantity


@dataclass
class Basket:
    """Seats this till holds for ``showtime_id`` under ``token``; ``expires_at`` (aware)
    is when the holds lapse. Lines keep the order they were added in."""

    showtime_id: int
    token: uuid.UUID = field(default_factory=uuid.uuid4)
    lines: dict[int, BasketLine] = field(default_factory=dict)
    expires_at: dt.datetime | None = None
    ga: dict[int, GaLine] = field(default_factory=dict)  # general admission: area id -> places
    # A promo code typed at the till (migration 0021) and the discount the database gave
    # for the lines as they were (``promo_quoted_for``: their :attr:`promo_key`).
    promo_code: str | None = None
    promo_discount_minor: int = 0
    # A manager's override for selling after the showtime's sales closed (migration
    # 0033_sale_override): this sale's holds pass it; a sale or a lapse drops it.
    late_sale: uuid.UUID | None = None
    promo_quoted_for: tuple | None = None

    @property
    def promo_key(self) -> tuple:
        """What a promo quote depends on: the seats with their types and the GA places."""
        return (
            tuple(sorted((sid, line.ticket_type_id or 0) for sid, line in self.lines.items())),
            tuple(sorted(self.ga_places.items())),
        )

    @property
    def promo_ready(self) -> bool:
        """Whether there is no promo code, or its discount is known for the lines as they are."""
        return self.promo_code is None or self.promo_quoted_for == self.promo_key

    @property
    def discount_minor(self) -> int:
        """The promo code's discount on the basket as it is (0 while not known)."""
        return self.promo_discount_minor if self.promo_code is not None and self.promo_ready else 0

    @property
    def empty(self) -> bool:
        """Whether the basket has no seats and no general-admission places."""
        return not self.lines and not self.ga

    @property
    def ga_places(self) -> dict[int, int]:
        """Area id -> places held, for the sale."""
        return {a: line.quantity for a, line in self.ga.items()}

    @property
    def seat_ids(self) -> list[int]:
        """Seat ids in the order they were added."""
        return list(self.lines)

    @property
    def ticket_types(self) -> dict[int, int]:
        """Seat id -> chosen ticket type id, for lines whose type is known (the sale
        prices the others as full)."""
        return {sid: line.ticket_type_id for sid, line in self.lines.items() if line.ticket_type_id is not None}

    @property
    def type_summary(self) -> str:
        """How many tickets of each type, in basket order: ``"1 Concession · 2 Full"``."""
        counts: dict[str, int] = {}
        for line in self.lines.values():
            counts[line.ticket_type] = counts.get(line.ticket_type, 0) + 1
        for ga in self.ga.values():
            counts[f"{ga.name} (GA)"] = counts.get(f"{ga.name} (GA)", 0) + ga.quantity
        return " · ".join(f"{n} {name}" for name, n in counts.items())

    @property
    def total_minor(self) -> int:
        """What the customer pays: the sum of priced lines less the promo discount, in minor units."""
        gross = sum(line.price_minor or 0 for line in self.lines.values()) + sum(
            line.total_minor or 0 for line in self.ga.values()
        )
        return gross - self.discount_minor

    @property
    def priced(self) -> bool:
        """Whether every line has a price (an unpriced seat cannot be sold) and a promo
        code's discount, if any, is known."""
        return (
            all(line.price_minor is not None for line in self.lines.values())
            and all(line.price_minor is not None for line in self.ga.values())
            and self.promo_ready
        )

    def seconds_left(self, now: dt.datetime) -> int:
        """Whole seconds until the holds lapse (0 when lapsed or empty); ``now`` aware."""
        if self.expires_at is None or self.empty:
            return 0
        return max(0, int((self.expires_at - now).total_seconds()))

    def renew(self) -> None:
        """Start afresh (after a sale or a lapse): empty, with a new token."""
        self.lines.clear()
        self.ga.clear()
        self.expires_at = None
        self.token = uuid.uuid4()
        self.late_sale = None
        self.promo_code, self.promo_discount_minor, self.promo_quoted_for = None, 0, None
