"""Demo data: the demo theatre (boxoffice/resources/plans/demo-theatre.json), two shows and a week
of showtimes from today, so a fresh install has something to sell, and demo staff
accounts to sign in with (:data:`DEMO_STAFF`; no admin: the first run asks for one).

The demo accounts' passwords and PINs are published (README, docs/staff-and-audit.md):
deactivate them (Manage → Staff accounts) before a venue goes live.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from boxoffice.config import DEMO_PLAN_PATH
from boxoffice.db.models import PriceCategory, SeatingPlan, Show, Showtime, Venue
from boxoffice.services import audit, plans, prices as price_service, setup
from boxoffice.services.errors import unit_of_work

DEMO_VENUE = "Riverside Theatre"
DEMO_TIMEZONE = "Europe/London"
DEMO_CURRENCY = "GBP"
# Prices in pence by category position in the plan (dearest first).
PRICE_LADDER = [48_00, 36_00, 24_00, 18_00, 12_00]
SHOWS = [
    ("The Importance of Being Earnest", 150, "Oscar Wilde's comedy of manners.", [(19, 30)], [(14, 30)]),
    ("A Christmas Carol", 110, "Dickens's ghost story, with live music.", [], [(11, 0)]),
]


# username, display name, role, password, PIN
DEMO_STAFF = [
    ("cara", "Cara Cashier", "cashier", "cara-demo-pass", "1111"),
    ("colin", "Colin Cashier", "cashier", "colin-demo-pass", "2222"),
    ("dan", "Dan Door", "door", "dan-demo-pass", "3333"),
    ("maya", "Maya Manager", "manager", "maya-demo-pass", "4444"),
]
# argon2id hashes of the passwords and PINs above, made once (hashing costs ~0.15 s each,
# and a first start should not wait for eight of them); sign-in verifies them as usual.
_DEMO_HASHES = {
    "cara": ("$argon2id$v=19$m=65536,t=3,p=4$TprB75jf2mUP2TjAhhMgug$kKFyhLjtjJ/BaEf+Lf8AXezJmvV4ac1B+NR+HmCuF3Q",
             "$argon2id$v=19$m=65536,t=3,p=4$sGJU8YgORNvHIen8x3FJ4Q$VKTpbCNVgh3bi2Z94HwnX01HmiC715rLWHm6KosHEoM"),
    "colin": ("$argon2id$v=19$m=65536,t=3,p=4$zI7JeRG6ZiEy1KKTRlySkQ$AInukaeFCTfB+tIku+LIfoWvON7ias/xwmElFG+wP+I",
              "$argon2id$v=19$m=65536,t=3,p=4$zWh8dh8vX5aEkb8WYBouYA$UElIGg1DXcAPcaWNn5nKm4UNO75N5dsb9EF4aMST0Mc"),
    "dan": ("$argon2id$v=19$m=65536,t=3,p=4$Nj4kS8iWvpaNyxv/UhoZ2A$ITVWdhmRw0V/mtJnAtclY4DFJEMO8k1X4FBiWjh0Eco",
            "$argon2id$v=19$m=65536,t=3,p=4$bjuFivEWqZBgI3gVS0R4WQ$TH8MAq/BP8Hi+oTO275P0eGrM6LM5FZixWUuMrVxnRA"),
    "maya": ("$argon2id$v=19$m=65536,t=3,p=4$dyy5z80Ccx3zdMOA/N7ekg$QykEB8O0ar5XTMHeykfZ948pd9EP/A1sik5xg0kzdcA",
             "$argon2id$v=19$m=65536,t=3,p=4$bin2job+2wG9RR2fCa1zDA$VO6VVZUT8sghnJAIsOLGcifupwzZR5Cru1pRxBf8AZk"),
}


def ensure_demo_staff(session: Session) -> int:
    """Create the demo accounts of :data:`DEMO_STAFF` that do not exist yet (by username;
    an existing account of that name is left alone); returns how many were created.
    Runs as the session's actor (the system principal when there is none)."""
    created = 0
    with unit_of_work(session):
        for username, shown, role, _password, _pin in DEMO_STAFF:
            password_hash, pin_hash = _DEMO_HASHES[username]
            staff_id = session.execute(
                text("INSERT INTO staff (username, display_name, role, password_hash, pin_hash) "
                     "VALUES (:u, :d, :r, :p, :n) ON CONFLICT (username) DO NOTHING RETURNING id"),
                {"u": username, "d": shown, "r": role, "p": password_hash, "n": pin_hash},
            ).scalar_one_or_none()
            if staff_id is not None:
                created += 1
                audit.record(session, action="staff_change", target=f"staff {username}",
                             details={"change": "create", "role": role, "pin": True, "demo": True})
    return created


@dataclass(frozen=True)
class DemoResult:
    """What :func:`ensure_demo` created: counts, zero when everything already existed."""

    venue_created: bool
    showtimes_created: int
    staff_created: int = 0


# the demo's ticket types other than full: percentage of the full price
DEMO_TYPE_SHARES = {"concession": 75, "child": 50}


def ensure_demo(session: Session, *, today: dt.date | None = None, days: int = 7,
                staff: bool = True) -> DemoResult:
    """Make sure the demo venue exists and has showtimes for ``days`` days from ``today``
    (venue-local date; default today), and (``staff``) the demo accounts. Idempotent:
    existing showtimes are kept and none is scheduled twice.
    """
    staff_created = ensure_demo_staff(session) if staff else 0
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
    category_ids = dict(session.execute(
        select(PriceCategory.name, PriceCategory.id).where(PriceCategory.plan_id == plan_id)).all())
    venue_id = session.scalar(select(SeatingPlan.venue_id).where(SeatingPlan.id == plan_id))
    type_ids = {t.code: t.id for t in price_service.ticket_types_of(session, venue_id)}
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
                showtime_id = setup.schedule_showtime(session, show_id=show_ids[title], plan_id=plan_id,
                                                      starts_at=starts, prices=price_list)
                # concessions at three quarters and children at half the full price, whole units
                price_service.set_prices(session, showtime_id=showtime_id, prices={
                    (category_ids[name], type_ids[code]): full * share // 100 // 100 * 100
                    for name, full in price_list.items()
                    for code, share in DEMO_TYPE_SHARES.items() if code in type_ids})
                created += 1
    return DemoResult(venue_created, created, staff_created)
