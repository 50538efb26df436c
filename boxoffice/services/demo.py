"""Demo data: the demo theatre (boxoffice/resources/plans/demo-theatre.json), two shows and a week
of showtimes from today, the demo cinema with four screens (``services/demo_cinema.py``), so a fresh install has something to sell, and demo staff
accounts to sign in with (:data:`DEMO_STAFF`; no admin: the first run asks for one).

The demo accounts' passwords are published (README, docs/staff-and-audit.md):
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
from boxoffice.services import plans, prices as price_service, receipt_details, setup
from boxoffice.services.errors import unit_of_work

DEMO_VENUE = "Riverside Theatre"
DEMO_ADDRESS = "1 River Walk\nKingston upon Thames KT1 1AA"
DEMO_TAX_NUMBER = "GB 123 4567 89"
DEMO_TIMEZONE = "Europe/London"
DEMO_CURRENCY = "GBP"
# Prices in pence by category position in the plan (dearest first).
PRICE_LADDER = [48_00, 36_00, 24_00, 18_00, 12_00]
SHOWS = [
    ("The Importance of Being Earnest", 150, "Oscar Wilde's comedy of manners.", [(19, 30)], [(14, 30)]),
    ("A Christmas Carol", 110, "Dickens's ghost story, with live music.", [], [(11, 0)]),
]


# username, display name, role, password
DEMO_STAFF = [
    ("cara", "Cara Cashier", "cashier", "cara-demo-pass"),
    ("colin", "Colin Cashier", "cashier", "colin-demo-pass"),
    ("dan", "Dan Door", "door", "dan-demo-pass"),
    ("maya", "Maya Manager", "manager", "maya-demo-pass"),
]


def ensure_demo_staff(session: Session) -> int:
    """Create the demo accounts of :data:`DEMO_STAFF` (their PostgreSQL logins, through
    ``bo_staff_create``) that do not exist yet (by username; an existing account of that
    name is left alone); returns how many were created. Needs the system principal or an
    admin (the database checks)."""
    from boxoffice.services.staff import scram_verifier

    created = 0
    with unit_of_work(session):
        existing = set(session.execute(text("SELECT username FROM staff")).scalars())
        database = session.execute(text("SELECT current_database()")).scalar_one()
        for username, shown, role, password in DEMO_STAFF:
            if username in existing:
                continue
            verifier = scram_verifier(session, login=f"{database}_{username}", password=password)
            session.execute(
                text("SELECT bo_staff_create(:u, :d, :r, :v)"), {"u": username, "d": shown, "r": role, "v": verifier}
            )
            created += 1
    return created


@dataclass(frozen=True)
class DemoResult:
    """What :func:`ensure_demo` created: counts, zero when everything already existed."""

    venue_created: bool
    showtimes_created: int
    staff_created: int = 0


# the demo's ticket types other than full: percentage of the full price
DEMO_TYPE_SHARES = {"concession": 75, "child": 50}


def ensure_demo(session: Session, *, today: dt.date | None = None, days: int = 7, staff: bool = True) -> DemoResult:
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
            new_venue = setup.get_or_create_venue(
                session, name=DEMO_VENUE, currency=DEMO_CURRENCY, timezone=DEMO_TIMEZONE
            )
        # what its receipts print (migration 0017): prices include 20 % VAT
        receipt_details.set_receipt_details(
            session, venue_id=new_venue, address=DEMO_ADDRESS, tax_number=DEMO_TAX_NUMBER, vat_rate_bp=2000
        )
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
            select(Show.title, Showtime.starts_at)
            .join(Show, Show.id == Showtime.show_id)
            .where(Showtime.plan_id == plan_id)
        )
    }
    category_ids = dict(
        session.execute(select(PriceCategory.name, PriceCategory.id).where(PriceCategory.plan_id == plan_id)).all()
    )
    venue_id = session.scalar(select(SeatingPlan.venue_id).where(SeatingPlan.id == plan_id))
    type_ids = {t.code: t.id for t in price_service.ticket_types_of(session, venue_id)}
    show_ids = {}
    for title, *_ in SHOWS:
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
                showtime_id = setup.schedule_showtime(
                    session, show_id=show_ids[title], plan_id=plan_id, starts_at=starts, prices=price_list
                )
                # concessions at three quarters and children at half the full price, whole units
                price_service.set_prices(
                    session,
                    showtime_id=showtime_id,
                    prices={
                        (category_ids[name], type_ids[code]): full * share // 100 // 100 * 100
                        for name, full in price_list.items()
                        for code, share in DEMO_TYPE_SHARES.items()
                        if code in type_ids
                    },
                )
                created += 1
    from boxoffice.services.demo_cinema import ensure_demo_cinema  # four screens, a week of films

    created += ensure_demo_cinema(session, today=today, days=days)
    return DemoResult(venue_created, created, staff_created)
