"""Setting up the house: venues, shows and showtimes."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from boxoffice.db.models import PriceCategory, SeatingPlan, Show, Venue
from boxoffice.domain.errors import InvalidInputError, NotFoundError
from boxoffice.domain.pricing import MAX_PRICE_MINOR
from boxoffice.domain.roles import SETUP
from boxoffice.services import audit
from boxoffice.services.auth import authorize
from boxoffice.services.errors import unit_of_work


def get_or_create_venue(session: Session, *, name: str, currency: str = "EUR", timezone: str = "Europe/London") -> int:
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
    # bo_venue_create (migration 0013): two first runs (two tills, or a till and the CLI)
    # creating the same venue at once both get the one venue; the database audits it.
    return session.execute(
        text("SELECT bo_venue_create(:n, :c, :tz)"), {"n": name, "c": currency.upper(), "tz": timezone}
    ).scalar_one()


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
        show_id = session.execute(
            text("SELECT bo_show_save(NULL, :t, :d, :desc, '')"),
            {"t": title.strip(), "d": duration_minutes, "desc": description},
        ).scalar_one()
        audit.record(
            session,
            action="config_change",
            target=f"show {show_id}",
            details={"change": "create_show", "title": title.strip(), "duration_minutes": duration_minutes},
        )
        return show_id


def schedule_showtime(
    session: Session, *, show_id: int, plan_id: int, starts_at: dt.datetime, prices: dict[str, int]
) -> int:
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
        if not isinstance(price, int) or not 0 <= price <= MAX_PRICE_MINOR:
            raise InvalidInputError(f"The price for {name!r} is not a possible price: {price!r}.")
    with unit_of_work(session):
        if session.scalar(select(Show.id).where(Show.id == show_id)) is None:
            raise NotFoundError(f"Show {show_id} does not exist.")
        if session.scalar(select(SeatingPlan.id).where(SeatingPlan.id == plan_id)) is None:
            raise NotFoundError(f"Seating plan {plan_id} does not exist.")
        categories = dict(
            session.execute(select(PriceCategory.name, PriceCategory.id).where(PriceCategory.plan_id == plan_id)).all()
        )
        unknown = set(prices) - set(categories)
        if unknown:
            raise InvalidInputError(f"The plan has no price category {sorted(unknown)[0]!r}.")
        # bo_showtimes_create (migration 0013): showtime, prices (audited by the database as
        # one change), inventory, general-admission inventory and not-for-sale blocks
        planned = [
            {
                "starts_at": starts_at.isoformat(),
                "prices": [{"category_id": categories[n], "price_minor": p} for n, p in prices.items()],
            }
        ]
        showtime_id = create_showtimes(session, show_id=show_id, plan_id=plan_id, showtimes=planned)[0]
        audit.record(
            session,
            action="config_change",
            target=f"showtime {showtime_id}",
            details={
                "change": "schedule_showtime",
                "show_id": show_id,
                "plan_id": plan_id,
                "starts_at": starts_at.isoformat(),
            },
        )
        return showtime_id


def create_showtimes(session: Session, *, show_id: int, plan_id: int, showtimes: list[dict]) -> list[int]:
    """Inside the caller's transaction: create showtimes of ``show_id`` on ``plan_id``
    through ``bo_showtimes_create`` (migration 0013). ``showtimes``: dicts with
    ``starts_at`` (ISO, aware), optional ``on_sale_at`` / ``off_sale_at`` /
    ``doors_open_at`` (ISO or ``None``) and ``prices``: ``[{"category_id",
    "ticket_type_id" (absent/``None``: the full price), "price_minor"}]``. Returns their
    ids in that order. The database checks the caller (``setup``) and every price.
    """
    return list(
        session.execute(
            text("SELECT bo_showtimes_create(:show, :plan, CAST(:items AS jsonb))"),
            {"show": show_id, "plan": plan_id, "items": json.dumps(showtimes)},
        ).scalar_one()
    )
