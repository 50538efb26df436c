"""The demo cinema: a venue with four screens (halls) of different sizes
(``domain/cinema_generator.py``: a back row of recliners as their own price category,
wheelchair spaces with companion seats) and a week of films overlapping across the
screens, never within one. :func:`boxoffice.services.demo.ensure_demo` loads it next
to the demo theatre.

Fast on purpose (``boxoffice run`` loads the demo on a fresh embedded database): one
``bo_showtimes_create`` call per screen schedules the whole week with its prices for
every ticket type.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from sqlalchemy import text
from sqlalchemy.orm import Session

from boxoffice.domain.cinema_generator import SCREENS, cinema_screen
from boxoffice.services import plans, prices as price_service, setup, venues
from boxoffice.services.errors import unit_of_work

CINEMA_VENUE = "Northgate Cinema"
CINEMA_ADDRESS = "12 Northgate\nKingston upon Thames KT1 2BB"
CINEMA_TIMEZONE = "Europe/London"
CINEMA_CURRENCY = "GBP"
# full prices in pence by category
CINEMA_PRICES = {"Recliner": 16_50, "Standard": 11_50, "Front": 8_50}
# ticket types other than full: percentage of the full price
TYPE_SHARES = {"concession": 80, "child": 60}
FILMS = [  # title, minutes, description
    ("The Lighthouse Keeper", 128, "A storm, a lamp and a secret."),
    ("Paper Moons", 96, "An animated adventure for all ages."),
    ("Northern Lines", 142, "A thriller on the night trains."),
    ("The Quiet Orchard", 109, "A family drama over one summer."),
]
# per screen (by position), the day's programme: (film index, "HH:MM"); no overlaps within a screen
PROGRAMME = [
    [(2, "13:00"), (0, "16:00"), (2, "19:00")],
    [(1, "11:00"), (1, "13:15"), (3, "15:30"), (0, "18:00"), (3, "20:45")],
    [(3, "12:30"), (1, "15:00"), (0, "17:30"), (1, "20:15")],
    [(0, "14:00"), (3, "17:00"), (2, "19:30")],
]


def _screens(session: Session) -> tuple[int, dict[str, int], bool]:
    """The cinema's id and its halls by name, creating the venue and its four screens
    (the first by renaming "Main hall") if missing; ``True`` when created now."""
    with unit_of_work(session):
        venue_id = session.execute(text("SELECT id FROM venue WHERE name = :n"), {"n": CINEMA_VENUE}).scalar()
    created = venue_id is None
    if created:
        with unit_of_work(session):
            venue_id = setup.get_or_create_venue(
                session, name=CINEMA_VENUE, currency=CINEMA_CURRENCY, timezone=CINEMA_TIMEZONE
            )
    venue = venues.get_venue(session, venue_id=venue_id)
    names = {h.name: h.id for h in venue.halls}
    if created:
        venues.update_venue(
            session,
            venue_id=venue_id,
            name=CINEMA_VENUE,
            address=CINEMA_ADDRESS,
            tax_number=venue.tax_number,
            currency=CINEMA_CURRENCY,
            timezone=CINEMA_TIMEZONE,
            locale="en_GB",
            off_sale_after_minutes=20,  # the trailers are over
        )
        if list(names) == [venues.DEFAULT_HALL]:
            names[SCREENS[0].name] = names.pop(venues.DEFAULT_HALL)
            venues.rename_hall(session, hall_id=names[SCREENS[0].name], name=SCREENS[0].name)
        for spec in SCREENS:
            if spec.name not in names:
                venues.add_hall(session, venue_id=venue_id, name=spec.name)
        names = {h.name: h.id for h in venues.get_venue(session, venue_id=venue_id).halls}
    return venue_id, names, created


def ensure_demo_cinema(session: Session, *, today: dt.date | None = None, days: int = 7) -> int:
    """Make sure the demo cinema exists with its four screens' plans, its films, and
    showtimes for ``days`` days from ``today`` (venue-local; default today). Idempotent:
    a showtime already there is not scheduled again. Returns how many were scheduled."""
    zone = ZoneInfo(CINEMA_TIMEZONE)
    today = today or dt.datetime.now(zone).date()
    venue_id, halls, _created = _screens(session)
    with unit_of_work(session):
        plan_ids = dict(
            session.execute(
                text(
                    "SELECT DISTINCT ON (hall_id) hall_id, id FROM seating_plan WHERE venue_id = :v "
                    "ORDER BY hall_id, version DESC"
                ),
                {"v": venue_id},
            ).all()
        )
    for spec in SCREENS:
        if halls[spec.name] not in plan_ids:
            summary = plans.import_plan(
                session, venue_name=CINEMA_VENUE, data=cinema_screen(spec), plan_name=spec.name, hall_name=spec.name
            )
            plan_ids[halls[spec.name]] = summary.plan_id
    with unit_of_work(session):
        film_ids = {
            title: session.execute(text("SELECT id FROM show WHERE title = :t"), {"t": title}).scalar()
            for title, _m, _d in FILMS
        }
    for title, minutes, description in FILMS:
        if film_ids[title] is None:
            film_ids[title] = setup.create_show(session, title=title, duration_minutes=minutes, description=description)
    type_ids = {t.code: t.id for t in price_service.ticket_types_of(session, venue_id)}
    session.rollback()
    created = 0
    for spec, programme in zip(SCREENS, PROGRAMME, strict=True):
        plan_id = plan_ids[halls[spec.name]]
        with unit_of_work(session):
            categories = dict(
                session.execute(text("SELECT name, id FROM price_category WHERE plan_id = :p"), {"p": plan_id}).all()
            )
            existing = set(
                session.execute(
                    text("SELECT show_id, starts_at FROM showtime WHERE plan_id = :p AND starts_at >= :since"),
                    {"p": plan_id, "since": dt.datetime.combine(today, dt.time(), zone)},
                ).all()
            )
        prices = [{"category_id": categories[name], "price_minor": full} for name, full in CINEMA_PRICES.items()]
        prices += [
            {
                "category_id": categories[name],
                "ticket_type_id": type_ids[code],
                "price_minor": full * share // 100 // 10 * 10,
            }
            for name, full in CINEMA_PRICES.items()
            for code, share in TYPE_SHARES.items()
            if code in type_ids
        ]
        by_film: dict[int, list[dict]] = {}
        for offset in range(days):
            day = today + dt.timedelta(days=offset)
            for film, hhmm in programme:
                hour, minute = map(int, hhmm.split(":"))
                starts = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)
                show_id = film_ids[FILMS[film][0]]
                if (show_id, starts) in existing:
                    continue
                by_film.setdefault(show_id, []).append({"starts_at": starts.isoformat(), "prices": prices})
        with unit_of_work(session):
            for show_id, items in by_film.items():
                created += len(setup.create_showtimes(session, show_id=show_id, plan_id=plan_id, showtimes=items))
    return created
