"""Read-only views for the sell screen: showtimes and a showtime's seat map."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import case, func, select, text
from sqlalchemy.orm import Session, aliased

from boxoffice.db.models import Hall, SeatingPlan, Show, Showtime, Venue
from boxoffice.domain.errors import NotFoundError
from boxoffice.services import general_admission, inventory, plan_layout, sales
from boxoffice.services.plan_layout import SeatInfo

__all__ = [
    "CategoryInfo",
    "SeatInfo",
    "SeatMap",
    "ShowtimeOpening",
    "ShowtimeSummary",
    "list_showtimes",
    "load_seat_map",
    "open_showtime",
]


@dataclass(frozen=True)
class ShowtimeSummary:
    """A showtime in the picker; ``starts_at`` is timezone-aware, counts are seats."""

    id: int
    title: str
    venue: str
    starts_at: dt.datetime
    status: str
    timezone: str
    on_sale_at: dt.datetime | None = None  # sales window (migration 0005); None: open at that end
    off_sale_at: dt.datetime | None = None
    hall: str = ""  # the hall's name where the venue has several (migration 0025), else ""
    locale: str = ""  # the venue's Babel locale (venue settings): how the till writes money and dates for it

    def sale_note(self, now: dt.datetime | None = None) -> str:
        """Why it cannot be sold now, for people: ``""`` when it can, else e.g.
        ``"cancelled"``, ``"off sale"``, ``"on sale from 01 Dec 10:00"``, ``"sales closed"``
        (times in the venue's zone)."""
        now = now or dt.datetime.now(dt.UTC)
        if self.status != "on_sale":
            return self.status.replace("_", " ")
        if self.on_sale_at is not None and now < self.on_sale_at:
            return f"on sale from {self.on_sale_at.astimezone(ZoneInfo(self.timezone)):%d %b %H:%M}"
        if self.off_sale_at is not None and now >= self.off_sale_at:
            return "sales closed"
        return ""


@dataclass(frozen=True)
class CategoryInfo:
    """A price category with this showtime's price (minor units; ``None``: not priced)."""

    id: int
    name: str
    color: str
    price_minor: int | None


@dataclass(frozen=True)
class SeatMap:
    """Everything needed to draw a showtime's seating plan (not the live states)."""

    showtime: ShowtimeSummary
    plan_id: int
    width: float
    height: float
    currency: str
    sections: dict[int, str]
    categories: dict[int, CategoryInfo]
    seats: Sequence[SeatInfo]  # plan_layout.SeatColumns when loaded (a plain list in tests)
    areas: list[dict]


# the showtime, its plan and venue, and the plan's categories with this showtime's prices:
# one statement (its plan's layout is another, and only when this process has not read it)
_HEAD = text(
    "SELECT st.id, sh.title, v.name, st.starts_at, st.status, v.timezone, st.on_sale_at, st.off_sale_at, "
    "CASE WHEN (SELECT count(*) FROM hall o WHERE o.venue_id = v.id) > 1 THEN h.name ELSE '' END, "
    "v.currency, p.id, p.width, p.height, p.created_at, "
    "(SELECT oid FROM pg_database WHERE datname = current_database()), "
    "(SELECT json_agg(json_build_array(pc.id, pc.name, pc.color, sp.price_minor) ORDER BY pc.position, pc.id) "
    " FROM price_category pc LEFT JOIN showtime_price sp ON sp.showtime_id = st.id AND sp.category_id = pc.id "
    " WHERE pc.plan_id = p.id) "
    "FROM showtime st JOIN show sh ON sh.id = st.show_id JOIN seating_plan p ON p.id = st.plan_id "
    "JOIN venue v ON v.id = p.venue_id JOIN hall h ON h.id = st.hall_id WHERE st.id = :id"
)


def _hall_name():
    """The hall's name where its venue has several halls, else "" (for the picker)."""
    other = aliased(Hall)
    halls = select(func.count()).select_from(other).where(other.venue_id == Venue.id).correlate(Venue).scalar_subquery()
    return case((halls > 1, Hall.name), else_="")


def list_showtimes(
    session: Session, *, since: dt.datetime | None = None, search: str | None = None, limit: int = 500
) -> list[ShowtimeSummary]:
    """Showtimes starting at or after ``since`` (aware; default: 24 hours ago, so that a
    late show that began before midnight is still listed after it; the till's picker hides
    the ended ones itself), soonest first, optionally filtered by ``search`` in the show
    title (case-insensitive, matched literally: ``%`` and ``_`` are no wildcards)."""
    if since is None:
        since = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    query = (
        select(
            Showtime.id,
            Show.title,
            Venue.name,
            Showtime.starts_at,
            Showtime.status,
            Venue.timezone,
            Showtime.on_sale_at,
            Showtime.off_sale_at,
            _hall_name(),
            Venue.locale,
        )
        .join(Show, Show.id == Showtime.show_id)
        .join(SeatingPlan, SeatingPlan.id == Showtime.plan_id)
        .join(Venue, Venue.id == SeatingPlan.venue_id)
        .join(Hall, Hall.id == Showtime.hall_id)
        .where(Showtime.starts_at >= since)
        .order_by(Showtime.starts_at, Showtime.id)
        .limit(limit)
    )
    if search:
        # literally: % and _ in what the buyer typed are characters, not wildcards
        query = query.where(func.lower(Show.title).contains(search.lower(), autoescape=True))
    rows = session.execute(query).all()
    session.rollback()
    return [ShowtimeSummary(*row) for row in rows]


def load_seat_map(session: Session, *, showtime_id: int) -> SeatMap:
    """Load the plan, categories with prices, seats and areas of ``showtime_id``: two
    statements, or one when this process already holds the plan's layout
    (:mod:`boxoffice.services.plan_layout`). Leaves the session's transaction open (the
    caller's, e.g. :func:`open_showtime`'s) unless it began it.

    Raises:
        NotFoundError: no such showtime.
    """
    began = not session.in_transaction()
    try:
        row = session.execute(_HEAD, {"id": showtime_id}).first()
        if row is None:
            raise NotFoundError(f"Showtime {showtime_id} does not exist.")
        summary = ShowtimeSummary(*row[:9])
        currency, plan_id, width, height, created_at, database, categories = row[9:]
        layout = plan_layout.plan_layout(session, key=(database, plan_id, created_at))
    finally:
        if began:
            session.rollback()
    return SeatMap(
        summary,
        plan_id,
        width,
        height,
        currency,
        layout.sections,
        {c[0]: CategoryInfo(c[0], c[1], c[2], c[3]) for c in categories or []},
        layout.seats,
        layout.areas,
    )


@dataclass(frozen=True)
class ShowtimeOpening:
    """All the sell screen needs to open a showtime: its ``seat_map``, the seat states
    (``taken``: :class:`~boxoffice.services.inventory.TakenSeats`), the ticket types'
    ``type_prices`` (``sales.TypePrice``) and the general-admission ``ga_states``."""

    seat_map: SeatMap
    taken: object
    type_prices: list
    ga_states: list


def open_showtime(session: Session, *, showtime_id: int) -> ShowtimeOpening:
    """Read everything to open ``showtime_id`` at a till in as few round trips as possible:
    the showtime and its prices (one statement), its plan's layout (one more, only when
    this process has not read it yet), the seat states and the ticket prices in one
    transaction, then the general-admission areas.

    Raises:
        NotFoundError: no such showtime.
    """
    try:
        seat_map = load_seat_map(session, showtime_id=showtime_id)
        taken = inventory.taken_seats(session, showtime_id=showtime_id)
    except BaseException:
        session.rollback()
        raise
    type_prices = sales.ticket_prices(session, showtime_id=showtime_id)  # ends the transaction
    ga_states = general_admission.area_states(session, showtime_id=showtime_id)
    return ShowtimeOpening(seat_map, taken, type_prices, ga_states)
