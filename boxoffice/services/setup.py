"""Setting up the house: venues, shows and showtimes."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import insert, literal, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from boxoffice.db.models import Inventory, PriceCategory, Seat, SeatingPlan, Show, Showtime, ShowtimePrice, Venue
from boxoffice.domain.errors import InvalidInputError, NotFoundError
from boxoffice.domain.money import MAX_AMOUNT_MINOR
from boxoffice.domain.roles import SETUP
from boxoffice.services import audit, general_admission
from boxoffice.services.auth import authorize
from boxoffice.services.blocks import block_not_for_sale
from boxoffice.services.errors import unit_of_work


def get_or_create_venue(session: Session, *, name: str, currency: str = "EUR",
                        timezone: str = "Europe/London") -> int:
    """Return the id of venue ``name``, creating it if it does not exist. Must be called inside a transaction the caller commits.

    Raises:
        InvalidInputError: empty name, unknown IANA time zone, or a currency that is not
            three letters (ISO 4217).
        PermissionDeniedError: the actor may not set up the house.
    """
    authorize(session, SETUP)
    name = (name or "").strip()
    if not name:
        raise InvalidInputError("A venue needs a name.")
    existing = session.scalar(select(Venue.id).where(Venue.name == name))
    if existing is not None:
        return existing
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInputError(f"{timezone!r} is not a known time zone (e.g. Europe/London).") from None
    if len(currency) != 3 or not currency.isalpha():
        raise InvalidInputError(f"{currency!r} is not an ISO 4217 currency code (e.g. EUR).")
    # ON CONFLICT: two first runs (two tills, or a till and the CLI) creating the same venue
    # at once both get the one venue instead of a unique violation.
    created = session.scalar(
        pg_insert(Venue)
        .values(name=name, currency=currency.upper(), timezone=timezone)
        .on_conflict_do_nothing(index_elements=[Venue.name])
        .returning(Venue.id)
    )
    if created is None:
        return session.scalar(select(Venue.id).where(Venue.name == name))
    audit.record(session, action="config_change", target=f"venue {created}",
                 details={"change": "create_venue", "name": name, "currency": currency.upper(), "timezone": timezone})
    return created


def create_show(session: Session, *, title: str, duration_minutes: int = 120, description: str = "") -> int:
    """Create a show; returns its id.

    Raises:
        InvalidInputError: empty title or non-positive duration.
        PermissionDeniedError: the actor may not set up the house.
    """
    authorize(session, SETUP)
    if not title.strip():
        raise InvalidInputError("A show needs a title.")
    if duration_minutes <= 0:
        raise InvalidInputError("A show's duration must be positive.")
    with unit_of_work(session):
        show = Show(title=title.strip(), duration_minutes=duration_minutes, description=description)
        session.add(show)
        session.flush()
        audit.record(session, action="config_change", target=f"show {show.id}",
                     details={"change": "create_show", "title": show.title, "duration_minutes": duration_minutes})
        return show.id


def schedule_showtime(session: Session, *, show_id: int, plan_id: int, starts_at: dt.datetime,
                      prices: dict[str, int]) -> int:
    """Schedule a showtime of ``show_id`` on ``plan_id`` at ``starts_at`` (aware) with
    ``prices`` mapping price category name to price in minor units, and create its
    inventory (one available row per seat). Returns the showtime id.

    Raises:
        InvalidInputError: naive time, unknown category name, or an impossible price.
        NotFoundError: unknown show or plan.
        PermissionDeniedError: the actor may not set up the house.

    The prices are audited by the database (``price_change``), the showtime here.
    """
    authorize(session, SETUP)
    if starts_at.tzinfo is None:
        raise InvalidInputError("A showtime's start must be timezone-aware.")
    for name, price in prices.items():
        if not isinstance(price, int) or not 0 <= price <= MAX_AMOUNT_MINOR:
            raise InvalidInputError(f"The price for {name!r} is not a possible price: {price!r}.")
    with unit_of_work(session):
        if session.get(Show, show_id) is None:
            raise NotFoundError(f"Show {show_id} does not exist.")
        if session.get(SeatingPlan, plan_id) is None:
            raise NotFoundError(f"Seating plan {plan_id} does not exist.")
        categories = dict(
            session.execute(select(PriceCategory.name, PriceCategory.id).where(PriceCategory.plan_id == plan_id)).all()
        )
        unknown = set(prices) - set(categories)
        if unknown:
            raise InvalidInputError(f"The plan has no price category {sorted(unknown)[0]!r}.")
        showtime = Showtime(show_id=show_id, plan_id=plan_id, starts_at=starts_at)
        session.add(showtime)
        session.flush()
        if prices:
            # one multi-row statement, so the audit trigger records the prices as one change
            session.execute(insert(ShowtimePrice).values(
                [{"showtime_id": showtime.id, "category_id": categories[n], "price_minor": p} for n, p in prices.items()]
            ))
        session.execute(
            insert(Inventory).from_select(
                ["showtime_id", "seat_id"],
                select(literal(showtime.id), Seat.id).where(Seat.plan_id == plan_id).order_by(Seat.id),
            )
        )
        general_admission.create_inventory(session, showtime_id=showtime.id, plan_id=plan_id)
        block_not_for_sale(session, showtime_id=showtime.id, plan_id=plan_id)
        audit.record(session, action="config_change", target=f"showtime {showtime.id}",
                     details={"change": "schedule_showtime", "show_id": show_id, "plan_id": plan_id,
                              "starts_at": starts_at.isoformat()})
        return showtime.id
