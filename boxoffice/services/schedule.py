"""Scheduling showtimes: one, or a series (date range × days of the week × times), with
a preview of exactly what will be created and what it would collide with; the showtime
lists of the manage screens. Cancelling is in ``services/cancellation.py``.

Rules: a showtime occupies its plan's hall (migration 0025: a venue may have several, a
cinema's screens) from its start for the show's running time; two showtimes of one hall
never overlap (the service says which ones collide; the database constraint
``showtime_no_overlap`` is the last line). Where a venue has several halls, ``venue``
texts read "Venue · Hall". Prices come from the base prices
given here and the venue's price rules (``domain/pricing.py``), and can be edited per
showtime afterwards (``services/prices.py``). Needs ``setup``; audited as
``showtime.schedule`` (prices as ``price_change`` by the database). Cancelling is in
``services/cancellation.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from boxoffice.db.models import (
    PriceCategory,
    SeatingPlan,
    Show,
    Showtime,
    Venue,
)
from boxoffice.domain import pricing
from boxoffice.domain.errors import InvalidInputError, NotFoundError, ScheduleConflictError
from boxoffice.domain.roles import SETUP
from boxoffice.services import audit, setup
from boxoffice.services.auth import authorize
from boxoffice.services.errors import unit_of_work
from boxoffice.services.prices import load_rules, ticket_types_of


@dataclass(frozen=True)
class SeriesRequest:
    """What to schedule. ``first_day``..``last_day`` (inclusive) and ``times`` are in the
    venue's time zone; ``weekdays`` ISO numbers (1 Monday .. 7 Sunday); ``base_prices``
    maps every price category id of the plan to its full price (minor units), which the
    venue's price rules then adjust.

    Sales window and doors, relative to each showtime's start: on sale
    ``on_sale_days_before`` days before (``None``: at once), off sale
    ``off_sale_minutes`` minutes after the start (negative: before it; ``None``: the
    venue's default, ``venue.off_sale_after_minutes``),
    doors open ``doors_minutes_before`` minutes before (``None``: the default, 45).
    """

    show_id: int
    plan_id: int
    first_day: dt.date
    last_day: dt.date
    weekdays: frozenset[int]
    times: tuple[dt.time, ...]
    base_prices: dict[int, int]
    on_sale_days_before: int | None = None
    off_sale_minutes: int | None = None
    doors_minutes_before: int | None = None


@dataclass(frozen=True)
class PlannedShowtime:
    """One showtime a series would create; ``conflicts`` says why it cannot be (empty: it
    can): other showtimes it overlaps, or a start in the past. ``prices`` maps
    ``(category id, ticket type id)`` to minor units."""

    starts_at: dt.datetime
    ends_at: dt.datetime
    on_sale_at: dt.datetime | None
    off_sale_at: dt.datetime | None
    doors_open_at: dt.datetime | None
    prices: dict[tuple[int, int], int]
    conflicts: tuple[str, ...] = ()


@dataclass(frozen=True)
class SeriesPreview:
    """Everything :func:`create_series` would create, for the Preview table.
    ``categories`` and ``ticket_types`` (id -> name) are in display order."""

    show_title: str
    duration_minutes: int
    venue: str
    timezone: str
    currency: str
    categories: dict[int, str]
    ticket_types: dict[int, str]
    planned: list[PlannedShowtime] = field(default_factory=list)

    @property
    def conflicts(self) -> list[PlannedShowtime]:
        """The planned showtimes that cannot be created."""
        return [p for p in self.planned if p.conflicts]


@dataclass(frozen=True)
class ManagedShowtime:
    """A showtime in the manage screens, with seat counts (``capacity`` = all seats)."""

    id: int
    show_id: int
    title: str
    plan_id: int
    venue: str
    starts_at: dt.datetime
    ends_at: dt.datetime | None
    status: str
    on_sale_at: dt.datetime | None
    off_sale_at: dt.datetime | None
    timezone: str
    currency: str
    sold: int
    blocked: int
    capacity: int


def _check_offsets(request: SeriesRequest) -> None:
    if request.on_sale_days_before is not None and not 0 <= request.on_sale_days_before <= 730:
        raise InvalidInputError("Go on sale between 0 and 730 days before the showtime.")
    if request.off_sale_minutes is not None and not -7 * 1440 <= request.off_sale_minutes <= 1440:
        raise InvalidInputError("Close sales at most a week before or a day after the start.")
    if request.doors_minutes_before is not None and not 0 <= request.doors_minutes_before <= 600:
        raise InvalidInputError("The doors open between 0 and 600 minutes before the start.")


def _times_for(request: SeriesRequest, start: dt.datetime, duration: int):
    on_sale = None if request.on_sale_days_before is None else start - dt.timedelta(days=request.on_sale_days_before)
    off_sale = None if request.off_sale_minutes is None else start + dt.timedelta(minutes=request.off_sale_minutes)
    if on_sale is not None and off_sale is not None and off_sale <= on_sale:
        raise InvalidInputError("Sales would close before they open: check the on-sale and off-sale times.")
    doors = None if request.doors_minutes_before is None else start - dt.timedelta(minutes=request.doors_minutes_before)
    return start + dt.timedelta(minutes=duration), on_sale, off_sale, doors


def _existing(session: Session, hall_id: int, since: dt.datetime, until: dt.datetime) -> list:
    """Showtimes of the hall (not cancelled) that may overlap [since, until)."""
    end = func.coalesce(Showtime.ends_at, Showtime.starts_at + func.make_interval(0, 0, 0, 0, 0, Show.duration_minutes))
    return session.execute(
        select(Showtime.id, Show.title, Showtime.starts_at, end.label("ends_at"))
        .join(Show, Show.id == Showtime.show_id)
        .where(Showtime.hall_id == hall_id, Showtime.status != "cancelled", Showtime.starts_at < until, end > since)
        .order_by(Showtime.starts_at)
    ).all()


# "Venue" for a venue with one hall, "Venue · Hall" when it has several (migration 0025)
_VENUE_AND_HALL = (
    "v.name || CASE WHEN (SELECT count(*) FROM hall h2 WHERE h2.venue_id = v.id) > 1 THEN ' · ' || h.name ELSE '' END"
)


def _venue_and_hall(session: Session, hall_id: int) -> str:
    return session.execute(
        text(f"SELECT {_VENUE_AND_HALL} FROM hall h JOIN venue v ON v.id = h.venue_id WHERE h.id = :h"), {"h": hall_id}
    ).scalar_one()


def _describe_clash(title: str, starts: dt.datetime, ends: dt.datetime, zone: ZoneInfo) -> str:
    s, e = starts.astimezone(zone), ends.astimezone(zone)
    return f"overlaps “{title}” {s:%a %d %b %H:%M}–{e:%H:%M}"


def _plan(session: Session, request: SeriesRequest, now: dt.datetime) -> SeriesPreview:
    """Work out the series inside the caller's transaction (no commit, no rollback)."""
    _check_offsets(request)
    show = session.get(Show, request.show_id)
    if show is None:
        raise NotFoundError(f"Show {request.show_id} does not exist.")
    plan = session.execute(
        select(SeatingPlan.id, SeatingPlan.venue_id, SeatingPlan.hall_id).where(SeatingPlan.id == request.plan_id)
    ).first()
    if plan is None:
        raise NotFoundError(f"Seating plan {request.plan_id} does not exist.")
    venue = session.get(Venue, plan.venue_id)
    categories = dict(
        session.execute(
            select(PriceCategory.id, PriceCategory.name)
            .where(PriceCategory.plan_id == plan.id)
            .order_by(PriceCategory.position)
        ).all()
    )
    unknown = set(request.base_prices) - set(categories)
    if unknown:
        raise InvalidInputError(f"Price category {sorted(unknown)[0]} is not a category of this seating plan.")
    missing = [name for cid, name in categories.items() if cid not in request.base_prices]
    if missing:
        raise InvalidInputError(f"Give a price for every category: {', '.join(missing)} has none.")
    for cid, price in request.base_prices.items():
        pricing.check_price(price, f"price of {categories[cid]}")
    types = ticket_types_of(session, venue.id)
    rules = load_rules(session, venue_id=venue.id)
    zone = ZoneInfo(venue.timezone)
    starts = pricing.series_starts(
        first_day=request.first_day,
        last_day=request.last_day,
        weekdays=request.weekdays,
        times=list(request.times),
        timezone=venue.timezone,
    )
    if not starts:
        raise InvalidInputError("None of the chosen days of the week falls within those dates.")
    duration = show.duration_minutes
    existing = _existing(session, plan.hall_id, starts[0], starts[-1] + dt.timedelta(minutes=duration))
    planned: list[PlannedShowtime] = []
    for start in starts:
        end, on_sale, off_sale, doors = _times_for(request, start, duration)
        clashes = []
        if start <= now:
            clashes.append("starts in the past")
        clashes += [
            _describe_clash(title, s, e, zone) for _id, title, s, e in existing if pricing.overlaps(start, end, s, e)
        ]
        clashes += [
            f"overlaps this series' showtime {p.starts_at.astimezone(zone):%a %d %b %H:%M}"
            for p in planned
            if pricing.overlaps(start, end, p.starts_at, p.ends_at)
        ]
        prices = pricing.compute_prices(
            request.base_prices,
            ticket_types={t.id: t.code for t in types},
            rules=rules,
            starts_at=start,
            timezone=venue.timezone,
            plan_id=plan.id,
        )
        planned.append(PlannedShowtime(start, end, on_sale, off_sale, doors, prices, tuple(clashes)))
    return SeriesPreview(
        show.title,
        duration,
        _venue_and_hall(session, plan.hall_id),
        venue.timezone,
        venue.currency,
        categories,
        {t.id: t.name for t in types},
        planned,
    )


def preview_series(session: Session, request: SeriesRequest, *, now: dt.datetime | None = None) -> SeriesPreview:
    """What :func:`create_series` would create for ``request``: each showtime with its
    end, sales window, doors, prices after the price rules, and conflicts. Read only.

    Raises:
        InvalidInputError: the series ends before it starts, no weekday or time, no day
            in range, too many showtimes, a missing/unknown category, an impossible
            price (negative or above 100,000.00), or impossible offsets.
        NotFoundError: unknown show or plan.
        PermissionDeniedError: the actor may not set up the house.
    """
    authorize(session, SETUP)
    try:
        return _plan(session, request, now or dt.datetime.now(dt.UTC))
    finally:
        session.rollback()


def _planned_json(planned: PlannedShowtime, full_type: int) -> dict:
    """One showtime for ``bo_showtimes_create`` (migration 0013)."""

    def iso(when: dt.datetime | None) -> str | None:
        return None if when is None else when.isoformat()

    return {
        "starts_at": iso(planned.starts_at),
        "on_sale_at": iso(planned.on_sale_at),
        "off_sale_at": iso(planned.off_sale_at),
        "doors_open_at": iso(planned.doors_open_at),
        "prices": [
            {"category_id": c, "ticket_type_id": None if t == full_type else t, "price_minor": p}
            for (c, t), p in planned.prices.items()
        ],
    }


_CHUNK = 10  # showtimes per bo_showtimes_create call (progress is reported after each)


def create_series(
    session: Session,
    request: SeriesRequest,
    *,
    now: dt.datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[int]:
    """Create every showtime of ``request`` in one transaction (all or none), with their
    prices and inventory; returns their ids in start order. ``progress(done, total)`` is
    called after each showtime (from the calling thread).

    The plan is worked out again inside the transaction, so it is exactly what
    :func:`preview_series` showed unless someone scheduled in between.

    Raises:
        ScheduleConflictError: a showtime would overlap another in the venue or start in
            the past (``details['conflicts']``: ``[(start ISO, reason), ...]``); nothing created.
        InvalidInputError, NotFoundError, PermissionDeniedError: as :func:`preview_series`.
    """
    authorize(session, SETUP)
    with unit_of_work(session):
        preview = _plan(session, request, now or dt.datetime.now(dt.UTC))
        bad = preview.conflicts
        if bad:
            zone = ZoneInfo(preview.timezone)
            first = bad[0]
            raise ScheduleConflictError(
                f"{len(bad)} of {len(preview.planned)} showtimes cannot be scheduled; the first, "
                f"{first.starts_at.astimezone(zone):%a %d %b %Y %H:%M}, {first.conflicts[0]}. Nothing was created.",
                conflicts=[(p.starts_at.isoformat(), "; ".join(p.conflicts)) for p in bad],
            )
        full_type = next(tid for tid, code in _type_codes(session, request.plan_id).items() if code == pricing.FULL)
        ids: list[int] = []
        for start in range(0, len(preview.planned), _CHUNK):
            chunk = [_planned_json(p, full_type) for p in preview.planned[start : start + _CHUNK]]
            ids += setup.create_showtimes(session, show_id=request.show_id, plan_id=request.plan_id, showtimes=chunk)
            if progress is not None:
                progress(len(ids), len(preview.planned))
        audit.record(
            session,
            action="showtime.schedule",
            target=f"show {request.show_id}",
            details={
                "show": preview.show_title,
                "plan_id": request.plan_id,
                "count": len(ids),
                "first": preview.planned[0].starts_at.isoformat(),
                "last": preview.planned[-1].starts_at.isoformat(),
                "showtime_ids": ids,
                "weekdays": sorted(request.weekdays),
                "times": [t.strftime("%H:%M") for t in sorted(request.times)],
            },
        )
        return ids


def _type_codes(session: Session, plan_id: int) -> dict[int, str]:
    venue_id = session.scalar(select(SeatingPlan.venue_id).where(SeatingPlan.id == plan_id))
    return {t.id: t.code for t in ticket_types_of(session, venue_id)}


def schedule_one(
    session: Session,
    *,
    show_id: int,
    plan_id: int,
    starts_at: dt.datetime,
    base_prices: dict[int, int],
    on_sale_days_before: int | None = None,
    off_sale_minutes: int | None = None,
    doors_minutes_before: int | None = None,
    now: dt.datetime | None = None,
) -> int:
    """Schedule one showtime at ``starts_at`` (aware); like a series of one. Returns its id.

    Raises:
        InvalidInputError: a naive ``starts_at``, and as :func:`preview_series`.
        ScheduleConflictError, NotFoundError, PermissionDeniedError: as :func:`create_series`.
    """
    if starts_at.tzinfo is None:
        raise InvalidInputError("A showtime's start must be timezone-aware.")
    authorize(session, SETUP)
    tz = session.scalar(
        select(Venue.timezone).join(SeatingPlan, SeatingPlan.venue_id == Venue.id).where(SeatingPlan.id == plan_id)
    )
    session.rollback()
    if tz is None:
        raise NotFoundError(f"Seating plan {plan_id} does not exist.")
    local = starts_at.astimezone(ZoneInfo(tz))
    request = SeriesRequest(
        show_id,
        plan_id,
        local.date(),
        local.date(),
        frozenset({local.isoweekday()}),
        (local.time().replace(tzinfo=None),),
        base_prices,
        on_sale_days_before,
        off_sale_minutes,
        doors_minutes_before,
    )
    return create_series(session, request, now=now)[0]


def list_managed_showtimes(
    session: Session, *, since: dt.datetime | None = None, limit: int = 500, include_cancelled: bool = True
) -> list[ManagedShowtime]:
    """Showtimes from ``since`` (aware; default: the start of today, UTC), soonest first,
    with sold / blocked / total seat counts, for the manage screens. Read only."""
    if since is None:
        since = dt.datetime.now(dt.UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    rows = session.execute(
        text(f"""
        SELECT st.id, st.show_id, sh.title, st.plan_id, {_VENUE_AND_HALL}, st.starts_at, st.ends_at, st.status,
               st.on_sale_at, st.off_sale_at, v.timezone, v.currency,
               count(*) FILTER (WHERE i.state = 'sold'), count(*) FILTER (WHERE i.state = 'blocked'), count(i.seat_id)
        FROM showtime st JOIN show sh ON sh.id = st.show_id JOIN venue v ON v.id = st.venue_id
        JOIN hall h ON h.id = st.hall_id
        LEFT JOIN inventory i ON i.showtime_id = st.id
        WHERE st.starts_at >= :since {"" if include_cancelled else "AND st.status <> 'cancelled'"}
        GROUP BY st.id, sh.title, v.id, h.name
        ORDER BY st.starts_at, st.id LIMIT :limit"""),
        {"since": since, "limit": limit},
    ).all()
    session.rollback()
    return [ManagedShowtime(*r) for r in rows]


@dataclass(frozen=True)
class PlanChoice:
    """A seating plan to schedule on, with its venue ("Venue · Hall" when the venue has
    several halls) and price categories (id, name) in display order. Only the newest
    version of each plan name is offered."""

    id: int
    venue_id: int
    venue: str
    name: str
    version: int
    timezone: str
    currency: str
    hall_id: int
    categories: tuple[tuple[int, str], ...]


def plan_choices(session: Session) -> list[PlanChoice]:
    """The newest version of every seating plan of every venue, by venue and name. Read only."""
    rows = session.execute(
        text(
            """
        SELECT DISTINCT ON (p.venue_id, p.name) p.id, p.venue_id, """
            + _VENUE_AND_HALL
            + """, p.name, p.version, v.timezone, v.currency, p.hall_id
        FROM seating_plan p JOIN venue v ON v.id = p.venue_id JOIN hall h ON h.id = p.hall_id
        ORDER BY p.venue_id, p.name, p.version DESC"""
        )
    ).all()
    cats: dict[int, list[tuple[int, str]]] = {}
    for plan_id, cid, name in session.execute(
        text("SELECT plan_id, id, name FROM price_category WHERE plan_id = ANY(:p) ORDER BY plan_id, position, id"),
        {"p": [r[0] for r in rows]},
    ):
        cats.setdefault(plan_id, []).append((cid, name))
    session.rollback()
    return sorted((PlanChoice(*r, tuple(cats.get(r[0], ()))) for r in rows), key=lambda p: (p.venue, p.name))


def next_free_start(session: Session, *, plan_id: int, not_before: dt.datetime, duration_minutes: int) -> dt.datetime:
    """The earliest start at or after ``not_before`` (aware) at which a showtime of
    ``duration_minutes`` in ``plan_id``'s hall overlaps nothing (for tools that schedule
    "a year from now", e.g. the rehearsal). Read only, inside the caller's transaction.

    Raises:
        NotFoundError: no such plan.
    """
    hall_id = session.scalar(select(SeatingPlan.hall_id).where(SeatingPlan.id == plan_id))
    if hall_id is None:
        raise NotFoundError(f"Seating plan {plan_id} does not exist.")
    start = not_before
    for _ in range(1000):
        clashes = _existing(session, hall_id, start, start + dt.timedelta(minutes=duration_minutes))
        if not clashes:
            return start
        start = max(row.ends_at for row in clashes)
    raise InvalidInputError("No free time found for the showtime.")
