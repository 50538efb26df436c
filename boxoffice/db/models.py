"""SQLAlchemy 2 models of the box-office schema.

The schema itself is owned by Alembic (``boxoffice/migrations/``); these classes map it. Money is
stored in minor units (``*_minor`` integer columns, e.g. cents) with a currency code per
venue; times are ``timestamptz``. The inventory table and its SQL functions are the
channel contract (see ``docs/channel-contract.md``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    DateTime,
    FetchedValue,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    Numeric,
    SmallInteger,
    String,
    Text,
    Time,
    UniqueConstraint,
    func,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    """Declarative base of every boxoffice table; server defaults come back by RETURNING."""

    __mapper_args__ = {"eager_defaults": True}


class Venue(Base):
    """A venue (theatre, hall) with its currency and time zone. (Its ticket-signing key
    pair went with migration 0010: devices sign with their own keys, table ``device_key``.)
    """

    __tablename__ = "venue"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    timezone: Mapped[str] = mapped_column(String(64), default="Europe/London")
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    # migration 0025: formatting locale (Babel id) and when showtimes go off sale by default
    locale: Mapped[str] = mapped_column(String(20), server_default=FetchedValue())
    off_sale_after_minutes: Mapped[int] = mapped_column(Integer, server_default=FetchedValue())

    plans: Mapped[list[SeatingPlan]] = relationship(back_populates="venue")


class Hall(Base):
    """An auditorium of a venue (a cinema's screen; migration 0025). Every venue has at
    least one ("Main hall" unless renamed); a seating plan belongs to one hall, and two
    showtimes of one hall never overlap."""

    __tablename__ = "hall"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    venue_id: Mapped[int] = mapped_column(ForeignKey("venue.id"))
    name: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class SeatingPlan(Base):
    """One version of a venue's seating plan; ``source`` keeps the imported pretix JSON."""

    __tablename__ = "seating_plan"
    __table_args__ = (UniqueConstraint("venue_id", "name", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    venue_id: Mapped[int] = mapped_column(ForeignKey("venue.id", ondelete="CASCADE"))
    # the plan's hall (migration 0025); the database fills it in when not given
    hall_id: Mapped[int] = mapped_column(ForeignKey("hall.id"), server_default=FetchedValue())
    name: Mapped[str] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer, default=1)
    width: Mapped[float] = mapped_column(Float)
    height: Mapped[float] = mapped_column(Float)
    source: Mapped[dict] = mapped_column(JSONB, deferred=True)  # megabytes for a stadium: load on demand
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    venue: Mapped[Venue] = relationship(back_populates="plans")
    sections: Mapped[list[Section]] = relationship(back_populates="plan", order_by="Section.position")
    categories: Mapped[list[PriceCategory]] = relationship(back_populates="plan", order_by="PriceCategory.position")
    areas: Mapped[list[PlanArea]] = relationship(back_populates="plan", order_by="PlanArea.id")


class PriceCategory(Base):
    """A price category of a plan (pretix: category); ``color`` is ``#rrggbb``."""

    __tablename__ = "price_category"
    __table_args__ = (UniqueConstraint("plan_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("seating_plan.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    color: Mapped[str] = mapped_column(String(16), default="#888888")
    position: Mapped[int] = mapped_column(Integer, default=0)

    plan: Mapped[SeatingPlan] = relationship(back_populates="categories")


class Section(Base):
    """A section of a plan (pretix: zone), e.g. stalls, circle, balcony."""

    __tablename__ = "section"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("seating_plan.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)

    plan: Mapped[SeatingPlan] = relationship(back_populates="sections")


class Seat(Base):
    """A seat at an absolute plan position (``x``, ``y``, ``radius`` in plan pixels).

    ``guid`` is pretix's ``seat_guid``, unique within the plan.
    """

    __tablename__ = "seat"
    __table_args__ = (UniqueConstraint("plan_id", "guid"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("seating_plan.id", ondelete="CASCADE"), index=True)
    section_id: Mapped[int] = mapped_column(ForeignKey("section.id", ondelete="CASCADE"))
    category_id: Mapped[int] = mapped_column(ForeignKey("price_category.id"))
    guid: Mapped[str] = mapped_column(String(200))
    row_label: Mapped[str] = mapped_column(String(40))
    seat_number: Mapped[str] = mapped_column(String(40))
    x: Mapped[float] = mapped_column(Float)
    y: Mapped[float] = mapped_column(Float)
    radius: Mapped[float] = mapped_column(Float, default=10)
    wheelchair: Mapped[bool] = mapped_column(Boolean, default=False)
    # a seat for a wheelchair user's companion (migration 0007; the door shows a notice)
    companion: Mapped[bool] = mapped_column(Boolean, default=False)

    section: Mapped[Section] = relationship()
    category: Mapped[PriceCategory] = relationship()


class PlanArea(Base):
    """A drawn area of a plan (stage, text label...): pretix area JSON in ``shape``."""

    __tablename__ = "plan_area"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("seating_plan.id", ondelete="CASCADE"))
    section_id: Mapped[int | None] = mapped_column(ForeignKey("section.id", ondelete="CASCADE"))
    shape: Mapped[dict] = mapped_column(JSONB)

    plan: Mapped[SeatingPlan] = relationship(back_populates="areas")


class GaArea(Base):
    """A general-admission area of a plan version (migration 0008): a capacity sold by
    count, a price category of the same plan and a rectangle for the map."""

    __tablename__ = "ga_area"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("seating_plan.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    capacity: Mapped[int] = mapped_column(Integer)
    category_id: Mapped[int] = mapped_column(ForeignKey("price_category.id"))
    x: Mapped[float] = mapped_column(Float, default=0)
    y: Mapped[float] = mapped_column(Float, default=0)
    w: Mapped[float] = mapped_column(Float, default=100)
    h: Mapped[float] = mapped_column(Float, default=100)


class Show(Base):
    """A production (play, concert); ``duration_minutes`` is the running time.

    ``rating`` is free text (``12A``, ``PG``); ``image`` a small PNG or JPEG poster (at
    most 512 KiB, ``image_type`` ``image/png`` or ``image/jpeg``; migration 0005).
    """

    __tablename__ = "show"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    duration_minutes: Mapped[int] = mapped_column(Integer, default=120)
    description: Mapped[str] = mapped_column(Text, default="")
    rating: Mapped[str] = mapped_column(String(20), default="")
    image: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    image_type: Mapped[str | None] = mapped_column(String(20))


class Showtime(Base):
    """One performance of a show on a plan at ``starts_at`` (timezone-aware).

    ``status`` is ``on_sale``, ``off_sale`` or ``cancelled`` (then ``cancelled_at`` and
    ``cancel_reason`` are set; it stays cancelled). ``venue_id`` (the plan's venue) and
    ``ends_at`` (start + the show's running time) are kept by the database (migration
    0005), as is ``hall_id`` (the plan's hall, migration 0025); the database refuses two
    showtimes of one hall that overlap. Sales are open from ``on_sale_at`` (``None``: at
    once) until ``off_sale_at``, which follows the venue's ``off_sale_after_minutes``
    while ``off_sale_default`` (set ``off_sale_at`` to ``None`` to go back to the default).
    """

    __tablename__ = "showtime"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    show_id: Mapped[int] = mapped_column(ForeignKey("show.id"))
    plan_id: Mapped[int] = mapped_column(ForeignKey("seating_plan.id"))
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    status: Mapped[str] = mapped_column(String(20), default="on_sale")
    # NULL: the doors open 45 minutes before starts_at (SQL bo_doors_open, migration 0003)
    doors_open_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    venue_id: Mapped[int] = mapped_column(ForeignKey("venue.id"), server_default=FetchedValue())
    ends_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), server_default=FetchedValue())
    on_sale_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    off_sale_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), server_default=FetchedValue())
    hall_id: Mapped[int] = mapped_column(ForeignKey("hall.id"), server_default=FetchedValue())
    off_sale_default: Mapped[bool] = mapped_column(Boolean, server_default=FetchedValue())
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    cancel_reason: Mapped[str | None] = mapped_column(String(200))

    show: Mapped[Show] = relationship()
    plan: Mapped[SeatingPlan] = relationship()


class ShowtimePrice(Base):
    """Price of a category for a showtime, in minor units of the venue's currency."""

    __tablename__ = "showtime_price"
    __table_args__ = (CheckConstraint("price_minor >= 0", name="price_not_negative"),)

    showtime_id: Mapped[int] = mapped_column(ForeignKey("showtime.id", ondelete="CASCADE"), primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("price_category.id"), primary_key=True)
    price_minor: Mapped[int] = mapped_column(Integer)


class TicketType(Base):
    """A kind of ticket a venue sells (full, concession, child, complimentary...).

    The ``full`` type's prices are :class:`ShowtimePrice`; the others' are
    :class:`ShowtimeTypePrice` (migration 0005).
    """

    __tablename__ = "ticket_type"
    __table_args__ = (UniqueConstraint("venue_id", "code"), UniqueConstraint("venue_id", "name"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    venue_id: Mapped[int] = mapped_column(ForeignKey("venue.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(60))
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class ShowtimeTypePrice(Base):
    """Price of a (category, ticket type other than full) for a showtime, minor units."""

    __tablename__ = "showtime_type_price"

    showtime_id: Mapped[int] = mapped_column(ForeignKey("showtime.id", ondelete="CASCADE"), primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("price_category.id"), primary_key=True)
    ticket_type_id: Mapped[int] = mapped_column(ForeignKey("ticket_type.id"), primary_key=True)
    price_minor: Mapped[int] = mapped_column(Integer)


class PriceRule(Base):
    """A pricing rule applied when showtimes are scheduled (``domain/pricing.py``).

    Matches showtimes of ``venue_id`` (and ``plan_id`` unless ``None``) starting on one
    of ``weekdays`` (ISO: 1 Monday .. 7 Sunday) at a local time in
    [``from_time``, ``until_time``) (``None``: open); adjusts the price of
    ``category_id`` (``None``: every category) for ``ticket_type_id``: ``kind`` ``set``
    (``amount_minor``), ``add`` (``amount_minor``, may be negative) or ``percent``.
    """

    __tablename__ = "price_rule"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    venue_id: Mapped[int] = mapped_column(ForeignKey("venue.id", ondelete="CASCADE"))
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("seating_plan.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    weekdays: Mapped[list[int]] = mapped_column(ARRAY(SmallInteger), default=lambda: [1, 2, 3, 4, 5, 6, 7])
    from_time: Mapped[dt.time | None] = mapped_column(Time)
    until_time: Mapped[dt.time | None] = mapped_column(Time)
    category_id: Mapped[int | None] = mapped_column(ForeignKey("price_category.id", ondelete="CASCADE"))
    ticket_type_id: Mapped[int] = mapped_column(ForeignKey("ticket_type.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(10))
    amount_minor: Mapped[int | None] = mapped_column(Integer)
    percent: Mapped[Decimal | None] = mapped_column(Numeric(7, 2))
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Inventory(Base):
    """State of one seat for one showtime: the row every channel locks.

    ``state`` is ``available``, ``held``, ``sold`` or ``blocked``. A ``held`` row whose
    ``hold_expires_at`` is in the past counts as available (lazy expiry).
    ``version`` comes from the global ``inventory_version_seq`` and grows on every change.
    """

    __tablename__ = "inventory"

    showtime_id: Mapped[int] = mapped_column(ForeignKey("showtime.id", ondelete="CASCADE"), primary_key=True)
    seat_id: Mapped[int] = mapped_column(ForeignKey("seat.id"), primary_key=True)
    state: Mapped[str] = mapped_column(String(10), default="available")
    hold_token: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    hold_channel: Mapped[str | None] = mapped_column(String(60))
    hold_expires_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(BigInteger, server_default=FetchedValue())
    block_reason: Mapped[str | None] = mapped_column(String(200))  # migration 0005: why a seat is blocked


class Order(Base):
    """A completed sale: ``number`` is the human order number printed on tickets."""

    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True, server_default=FetchedValue())
    channel: Mapped[str] = mapped_column(String(60))
    currency: Mapped[str] = mapped_column(String(3))
    total_minor: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    tickets: Mapped[list[Ticket]] = relationship(back_populates="order", order_by="Ticket.id")
    payments: Mapped[list[Payment]] = relationship(back_populates="order")


class Ticket(Base):
    """A ticket for one seat of one showtime. At most one ``valid`` ticket per seat and
    showtime (partial unique index ``ticket_one_live_per_seat``). A refunded, exchanged or
    void ticket has ``voided_at`` set and never becomes valid again (migration 0002).

    ``code_serial`` is bumped when a ticket is reprinted so that older codes are void.
    ``inside`` / ``admitted_at`` / ``admitted_gate`` / ``entries`` are the admission state
    (migration 0003): only the SQL functions ``bo_admit`` and ``bo_exit`` change them.
    """

    __tablename__ = "ticket"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    showtime_id: Mapped[int] = mapped_column(ForeignKey("showtime.id"))
    # Migration 0008: a general-admission ticket has no seat but an area (exactly one).
    seat_id: Mapped[int | None] = mapped_column(ForeignKey("seat.id"))
    ga_area_id: Mapped[int | None] = mapped_column(ForeignKey("ga_area.id"))
    category_id: Mapped[int] = mapped_column(ForeignKey("price_category.id"))
    price_minor: Mapped[int] = mapped_column(Integer)
    # Migration 0006: the type sold (NULL: full, at the price the client wrote: rows sold
    # before 0006 and web bookings); a typed ticket carries the database's price for it.
    ticket_type_id: Mapped[int | None] = mapped_column(ForeignKey("ticket_type.id"))
    status: Mapped[str] = mapped_column(String(12), default="valid")
    code_serial: Mapped[int] = mapped_column(Integer, default=1)
    # Migration 0010: the enrolled device key (device_key.id) that signed the current code; NULL until printed.
    key_id: Mapped[int | None] = mapped_column(Integer)
    voided_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    # Admission state (migration 0003): changed only by bo_admit / bo_exit.
    inside: Mapped[bool] = mapped_column(Boolean, server_default=FetchedValue())
    admitted_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    admitted_gate: Mapped[str | None] = mapped_column(String(60))
    entries: Mapped[int] = mapped_column(Integer, server_default=FetchedValue())
    # Migration 0021: a promo code's discount on this ticket (the order pays price - discount).
    discount_minor: Mapped[int] = mapped_column(Integer, server_default=FetchedValue())
    promo_code_id: Mapped[int | None] = mapped_column(Integer)

    order: Mapped[Order] = relationship(back_populates="tickets")
    seat: Mapped[Seat] = relationship()
    showtime: Mapped[Showtime] = relationship()
    category: Mapped[PriceCategory] = relationship()


class Payment(Base):
    """A payment of an order; for cash, ``tendered_minor - amount_minor`` is the change.
    ``reference`` is the payment provider's reference (card, online), else ``None``."""

    __tablename__ = "payment"
    __table_args__ = (
        CheckConstraint("amount_minor >= 0", name="payment_amount_not_negative"),
        CheckConstraint("tendered_minor >= amount_minor", name="payment_tendered_covers_amount"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"))
    method: Mapped[str] = mapped_column(String(20))
    amount_minor: Mapped[int] = mapped_column(Integer)
    tendered_minor: Mapped[int] = mapped_column(Integer)
    reference: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    order: Mapped[Order] = relationship(back_populates="payments")
