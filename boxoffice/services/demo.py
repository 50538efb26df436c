"""Demo data: the demo theatre (resources/plans/demo-theatre.json), two shows and a week
of showtimes from today, so a fresh install has something to sell."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from boxoffice.config import DEMO_PLAN_PATH
from boxoffice.db.models import PriceCategory, SeatingPlan, Show, Showtime, Venue
from boxoffice.services import plans, setup

DEMO_VENUE = "Riverside Theatre"
DEMO_TIMEZONE = "Europe/London"
DEMO_CURRENCY = "GBP"
# Prices in pence by category position in the plan (dearest first).
PRICE_LADDER = [48_00, 36_00, 24_00, 18_00, 12_00]
SHOWS = [
    ("The Importance of Being Earnest", 150, "Oscar Wilde's comedy of manners.", [(19, 30)], [(14, 30)]),
    ("A Christmas Carol", 110, "Dickens's ghost story, with live music.", [], [(11, 0)]),
]


@dataclass(frozen=True)
class DemoResult:
    """What :func:`ensure_demo` created: counts, zero when everything already existed."""

    venue_created: bool
    showtimes_created: int


def ensure_demo(session: Session, *, today: dt.date | None = None, days: int = 7) -> DemoResult:
    """Make sure the demo venue exists and has showtimes for ``days`` days from ``today``
    (venue-local date; default today). Idempotent: existing showtimes are kept and none is
    scheduled twice.
    """
    zone = ZoneInfo(DEMO_TIMEZONE)
    today = today or dt.datetime.now(zone).date()
    venue_created = False
    plan_id = session.scalar(
        select(func.max(SeatingPlan.id)).join(Venue, Venue.id == SeatingPlan.venue_id).where(Venue.name == DEMO_VENUE)
    )
    session.rollback()
    if plan_id is None:
        with session.begin():
            setup.get_or_create_venue(session, name=DEMO_VENUE, currency=DEMO_CURRENCY, timezone=DEMO_TIMEZONE)
        summary = plans.import_plan(session, venue_name=DEMO_VENUE, data=json.loads(DEMO_PLAN_PATH.read_text()))
        plan_id = summary.plan_id
        venue_created = True
    categories = session.scalars(
        select(PriceCategory.name).where(PriceCategory.plan_id == plan_id).order_by(PriceCategory.position)
    ).all()
    prices = {name: PRICE_LADDER[min(i, len(PRICE_LADDER) - 1)] for i, name in enumerate(categories)}
    matinee_prices = {name: price * 3 // 4 // 100 * 100 for name, price in prices.items()}
    existing = {
        (title, starts.astimezone(zone))
        for title, starts in session.execute(
            select(Show.title, Showtime.starts_at).join(Show, Show.id == Showtime.show_id).where(Showtime.plan_id == plan_id)
        )
    }
    show_ids = {}
    for title, minutes, description, *_ in SHOWS:
        show_ids[title] = session.scalar(select(Show.id).where(Show.title == title))
    session.rollback()
    created = 0
    for title, minutes, description, evenings, matinees in SHOWS:
        if show_ids[title] is None:
            show_ids[title] = setup.create_show(session, title=title, duration_minutes=minutes, description=description)
        for offset in range(days):
            day = today + dt.timedelta(days=offset)
            weekend = day.weekday() >= 5
            slots = [(t, prices) for t in evenings] + [(t, matinee_prices) for t in matinees if weekend or not evenings]
            for (hour, minute), price_list in slots:
                starts = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)
                if (title, starts) in existing:
                    continue
                setup.schedule_showtime(session, show_id=show_ids[title], plan_id=plan_id, starts_at=starts,
                                        prices=price_list)
                created += 1
    return DemoResult(venue_created, created)
