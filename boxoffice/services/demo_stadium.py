"""The demo stadium: "Northgate Stadium", about 100,000 seats in a three-tier bowl
(:mod:`boxoffice.domain.stadium_generator`, generated here rather than shipped: the plan is
12 MB of JSON), with a football match and a concert. Loaded by ``boxoffice demo --stadium``
(not by ``boxoffice run``'s first start, which it would slow by several seconds).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import text
from sqlalchemy.orm import Session

from boxoffice.domain.stadium_generator import STADIUM_CATEGORIES, demo_stadium
from boxoffice.services import plans, setup
from boxoffice.services.errors import unit_of_work

STADIUM_VENUE = "Northgate Stadium"
STADIUM_TIMEZONE = "Europe/London"
STADIUM_CURRENCY = "GBP"
#: Full prices in pence, by category (dearest first, as in the plan).
STADIUM_PRICES = dict(
    zip([c["name"] for c in STADIUM_CATEGORIES], [120_00, 85_00, 70_00, 60_00, 50_00, 45_00, 35_00], strict=True)
)
#: (title, minutes, description, weekday 0=Monday, hour, minute), the next one of each from today.
EVENTS = [
    ("Northgate United v Riverside Rovers", 120, "League match; gates open 90 minutes before kick-off.", 5, 15, 0),
    ("Summer Stadium Concert", 180, "Open-air concert; the pitch is covered.", 4, 19, 30),
]


@dataclass(frozen=True)
class StadiumDemoResult:
    """What :func:`ensure_demo_stadium` did: whether it imported the plan, how many
    showtimes it scheduled, and the plan's id and seat count."""

    plan_created: bool
    showtimes_created: int
    plan_id: int
    seats: int


def ensure_demo_stadium(session: Session, *, today: dt.date | None = None, depth: float = 1.0) -> StadiumDemoResult:
    """Make sure the demo stadium exists (venue, plan) and has the next showtime of each of
    :data:`EVENTS` from ``today`` (venue-local; default today); ``depth`` scales the rows
    (:func:`~boxoffice.domain.stadium_generator.demo_stadium`; tests use less). Idempotent: an existing
    plan is kept and no event is scheduled twice. Needs ``setup`` (the system principal,
    managers, admins).

    Raises:
        PermissionDeniedError: the actor may not set up the house.
    """
    zone = ZoneInfo(STADIUM_TIMEZONE)
    today = today or dt.datetime.now(zone).date()
    with unit_of_work(session):
        found: int | None = session.execute(
            text("SELECT max(p.id) FROM seating_plan p JOIN venue v ON v.id = p.venue_id WHERE v.name = :n"),
            {"n": STADIUM_VENUE},
        ).scalar()
    created = found is None
    if found is not None:
        plan_id = found
    else:
        with unit_of_work(session):
            setup.get_or_create_venue(session, name=STADIUM_VENUE, currency=STADIUM_CURRENCY, timezone=STADIUM_TIMEZONE)
        plan_id = plans.import_plan(
            session, venue_name=STADIUM_VENUE, data=demo_stadium(STADIUM_VENUE, depth=depth)
        ).plan_id
    with unit_of_work(session):
        seats = session.execute(text("SELECT count(*) FROM seat WHERE plan_id = :p"), {"p": plan_id}).scalar_one()
        existing = {
            (title, starts.astimezone(zone))
            for title, starts in session.execute(
                text(
                    "SELECT s.title, st.starts_at FROM showtime st JOIN show s ON s.id = st.show_id "
                    "WHERE st.plan_id = :p"
                ),
                {"p": plan_id},
            )
        }
        shows: dict[str, int] = {t: i for t, i in session.execute(text("SELECT title, id FROM show")).all()}
    scheduled = 0
    for title, minutes, description, weekday, hour, minute in EVENTS:
        day = today + dt.timedelta(days=(weekday - today.weekday()) % 7)
        starts = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)
        if starts < dt.datetime.now(zone) and today == dt.datetime.now(zone).date():
            starts += dt.timedelta(days=7)  # today's has begun: next week's
        if (title, starts) in existing:
            continue
        show_id = shows.get(title) or setup.create_show(
            session, title=title, duration_minutes=minutes, description=description
        )
        setup.schedule_showtime(session, show_id=show_id, plan_id=plan_id, starts_at=starts, prices=STADIUM_PRICES)
        scheduled += 1
    return StadiumDemoResult(created, scheduled, plan_id, seats)
