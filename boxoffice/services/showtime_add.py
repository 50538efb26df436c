"""Scheduling one showtime by names, for scripts (``boxoffice showtime add``): venue, hall,
show title and a start time; the plan is the hall's newest; the full prices come from the
``prices`` given or else from the last showtime on that plan (any version, by category
name), and the venue's price rules then adjust them (``services/schedule.schedule_one``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import text
from sqlalchemy.orm import Session

from boxoffice.domain.errors import InvalidInputError, NotFoundError
from boxoffice.services import schedule, venues
from boxoffice.services.errors import unit_of_work


@dataclass(frozen=True)
class AddedShowtime:
    """What :func:`add_showtime` scheduled; prices are ``{category: {ticket type code: minor}}``."""

    showtime_id: int
    venue: str
    hall: str
    plan_id: int
    plan: str
    show: str
    starts_at: str  # ISO, the venue's local time with its offset
    ends_at: str
    off_sale_at: str
    currency: str
    prices: dict[str, dict[str, int]]

    def as_dict(self) -> dict:
        """As plain JSON-ready values."""
        return asdict(self)


def _last_prices(session: Session, plan_id: int) -> dict[str, int]:
    """Full prices by category name of the newest showtime on any version of the plan."""
    rows = session.execute(
        text(
            "SELECT c.name, sp.price_minor FROM showtime_price sp JOIN price_category c ON c.id = sp.category_id "
            "WHERE sp.showtime_id = (SELECT st.id FROM showtime st JOIN seating_plan p ON p.id = st.plan_id "
            "  JOIN seating_plan me ON me.id = :p AND me.venue_id = p.venue_id AND me.name = p.name "
            "  WHERE st.status <> 'cancelled' ORDER BY st.starts_at DESC, st.id DESC LIMIT 1)"
        ),
        {"p": plan_id},
    ).all()
    return {name: price for name, price in rows}


def add_showtime(
    session: Session,
    *,
    venue_name: str,
    show_title: str,
    starts_at: dt.datetime,
    hall_name: str | None = None,
    plan_name: str | None = None,
    prices: dict[str, int] | None = None,
) -> AddedShowtime:
    """Schedule one showtime of the show called ``show_title`` (exact, any case) at
    ``starts_at`` (aware, or naive in the venue's time zone) in hall ``hall_name`` of
    venue ``venue_name`` (default: its only hall), on the hall's newest plan (or plan
    ``plan_name``). ``prices``: full price in minor units by category name, for some or
    all categories; the rest as at the plan's last showtime.

    Raises:
        NotFoundError: no such venue, hall, show or plan.
        InvalidInputError: a venue with several halls and none named, a category without
            a price, an unknown category, a start in the past.
        ScheduleConflictError: it would overlap another showtime of the hall.
        PermissionDeniedError: the actor lacks ``setup``.
    """
    with unit_of_work(session):
        venue_id = venues.venue_id_by_name(session, name=venue_name)
        hall_id = venues.resolve_hall(session, venue_id=venue_id, hall_name=hall_name)
        hall, tz, currency = session.execute(
            text("SELECT h.name, v.timezone, v.currency FROM hall h JOIN venue v ON v.id = h.venue_id WHERE h.id = :h"),
            {"h": hall_id},
        ).one()
        query = "SELECT id, name FROM seating_plan WHERE hall_id = :h" + (" AND name = :n" if plan_name else "")
        plan = session.execute(
            text(query + " ORDER BY created_at DESC, version DESC, id DESC LIMIT 1"), {"h": hall_id, "n": plan_name}
        ).first()
        if plan is None:
            what = f"a plan called {plan_name!r}" if plan_name else "a seating plan"
            raise NotFoundError(f"Hall {hall!r} has no {what}.")
        shows = session.execute(
            text("SELECT id, title FROM show WHERE lower(title) = lower(:t) ORDER BY id"), {"t": show_title.strip()}
        ).all()
        if not shows:
            raise NotFoundError(f"There is no show called {show_title!r}.")
        categories = dict(
            session.execute(
                text("SELECT name, id FROM price_category WHERE plan_id = :p ORDER BY position"), {"p": plan.id}
            ).all()
        )
        base = _last_prices(session, plan.id) | dict(prices or {})
    unknown = set(prices or {}) - set(categories)
    if unknown:
        raise InvalidInputError(
            f"The plan has no price category {sorted(unknown)[0]!r} (it has {', '.join(categories)})."
        )
    missing = [name for name in categories if name not in base]
    if missing:
        raise InvalidInputError(f"Give a price for {', '.join(missing)} (--price CATEGORY=AMOUNT).")
    zone = ZoneInfo(tz)
    when = starts_at if starts_at.tzinfo is not None else starts_at.replace(tzinfo=zone)
    showtime_id = schedule.schedule_one(
        session,
        show_id=shows[0].id,
        plan_id=plan.id,
        starts_at=when,
        base_prices={categories[name]: base[name] for name in categories},
    )
    with unit_of_work(session):
        row = session.execute(
            text("SELECT starts_at, ends_at, off_sale_at FROM showtime WHERE id = :s"), {"s": showtime_id}
        ).one()
        priced = session.execute(
            text(
                "SELECT c.name, t.code, p.price_minor FROM showtime_prices p "
                "JOIN price_category c ON c.id = p.category_id JOIN ticket_type t ON t.id = p.ticket_type_id "
                "WHERE p.showtime_id = :s ORDER BY c.position, t.position"
            ),
            {"s": showtime_id},
        ).all()
    table: dict[str, dict[str, int]] = {}
    for category, code, minor in priced:
        table.setdefault(category, {})[code] = minor
    local = [value.astimezone(zone).isoformat() for value in row]
    return AddedShowtime(
        showtime_id, venue_name.strip(), hall, plan.id, plan.name, shows[0].title, *local, currency, table
    )
