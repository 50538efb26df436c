"""Venue settings and halls (migration 0025).

A venue has a name, a receipt address and tax number, a currency, a time zone, a locale
(how money and dates are written, a Babel/CLDR id such as ``en_GB``) and the number of
minutes after a showtime's start at which it goes off sale unless its own off-sale time
says otherwise. A venue has one or more halls (a cinema's screens); a seating plan
belongs to a hall and two showtimes of one hall never overlap.

Managers change these in Manage → Venue settings…; every change goes through a
SECURITY DEFINER function (``bo_venue_update``, ``bo_hall_add``, ``bo_hall_rename``,
``bo_plan_hall_set``; the ``setup`` permission; audited as ``config_change``).
"""

from __future__ import annotations

import functools
import zoneinfo
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError
from babel.localedata import locale_identifiers
from sqlalchemy import text
from sqlalchemy.orm import Session

from boxoffice.domain.errors import InvalidInputError, NotFoundError
from boxoffice.domain.roles import SETUP
from boxoffice.services.auth import authorize
from boxoffice.services.errors import unit_of_work

DEFAULT_HALL = "Main hall"
OFF_SALE_RANGE = (-1440, 1440)  # minutes relative to the start; negative: before it


@dataclass(frozen=True)
class HallInfo:
    """A hall of a venue, in display order."""

    id: int
    name: str
    position: int


@dataclass(frozen=True)
class VenueSettings:
    """A venue's settings and its halls (``off_sale_after_minutes``: minutes after the
    start, negative before it)."""

    id: int
    name: str
    address: str
    tax_number: str
    currency: str
    timezone: str
    locale: str
    off_sale_after_minutes: int
    halls: tuple[HallInfo, ...]


_VENUES = text(
    "SELECT id, name, address, tax_number, currency, timezone, locale, off_sale_after_minutes FROM venue ORDER BY name"
)
_HALLS = text("SELECT venue_id, id, name, position FROM hall ORDER BY venue_id, position, id")


def list_venues(session: Session) -> list[VenueSettings]:
    """Every venue with its settings and halls, by name. A read: ends the transaction."""
    with unit_of_work(session):
        venues = session.execute(_VENUES).all()
        halls: dict[int, list[HallInfo]] = {}
        for venue_id, hall_id, name, position in session.execute(_HALLS):
            halls.setdefault(venue_id, []).append(HallInfo(hall_id, name, position))
    return [VenueSettings(*v, halls=tuple(halls.get(v.id, ()))) for v in venues]


def get_venue(session: Session, *, venue_id: int) -> VenueSettings:
    """One venue's settings and halls.

    Raises:
        NotFoundError: no such venue.
    """
    for venue in list_venues(session):
        if venue.id == venue_id:
            return venue
    raise NotFoundError(f"Venue {venue_id} does not exist.")


def venue_id_by_name(session: Session, *, name: str) -> int:
    """The id of the venue called ``name`` (inside the caller's transaction).

    Raises:
        NotFoundError: no such venue.
    """
    venue_id = session.execute(text("SELECT id FROM venue WHERE name = :n"), {"n": (name or "").strip()}).scalar()
    if venue_id is None:
        raise NotFoundError(f"There is no venue called {name!r}.")
    return int(venue_id)


@functools.cache
def timezone_names() -> tuple[str, ...]:
    """IANA time zone names this machine knows (``zoneinfo``), sorted, for a searchable list."""
    return tuple(sorted(n for n in zoneinfo.available_timezones() if "/" in n or n == "UTC"))


@functools.cache
def locale_choices() -> tuple[tuple[str, str], ...]:
    """``(id, English name)`` of every locale Babel (CLDR) has, e.g. ``("de_DE", "German
    (Germany)")``, sorted by id. Names come from the English locale's tables (one locale
    loaded, not a thousand: ~10 ms instead of seconds)."""
    from babel.core import parse_locale

    en = Locale("en")
    out = []
    for ident in sorted(locale_identifiers()):
        try:
            language, territory, script, variant = parse_locale(ident)[:4]
        except ValueError:
            continue
        if ident == "root":
            continue
        name = en.languages.get(language, language)
        extra = [part for part in (en.scripts.get(script or ""), en.territories.get(territory or "")) if part]
        out.append((ident, f"{name} ({', '.join(extra)})" if extra else name))
    return tuple(out)


def check_locale(locale: str) -> str:
    """``locale`` if Babel knows it (``en_GB``, ``de_DE``), else :class:`InvalidInputError`."""
    try:
        Locale.parse(locale)
    except (UnknownLocaleError, ValueError, TypeError):
        raise InvalidInputError(f"{locale!r} is not a locale Babel knows (e.g. en_GB, de_DE).") from None
    return locale


def update_venue(
    session: Session,
    *,
    venue_id: int,
    name: str,
    address: str,
    tax_number: str,
    currency: str,
    timezone: str,
    locale: str,
    off_sale_after_minutes: int,
) -> dict:
    """Change venue ``venue_id``'s settings (all of them, as the screen shows them); returns
    what changed, ``{field: {"was": ..., "now": ...}}``. A changed off-sale setting moves the
    off-sale time of every showtime that follows the default.

    Raises:
        PermissionDeniedError: the actor lacks ``setup`` (the database refuses too).
        InvalidInputError: an empty or taken name, a text too long, an unknown currency
            format, time zone or locale, minutes outside -1440..1440, or a new currency
            for a venue that has sold tickets.
        NotFoundError: no such venue.
    """
    authorize(session, SETUP)
    if timezone not in timezone_names():
        raise InvalidInputError(f"{timezone!r} is not a known time zone (e.g. Europe/London).")
    check_locale(locale)
    low, high = OFF_SALE_RANGE
    if not low <= int(off_sale_after_minutes) <= high:
        raise InvalidInputError("Sales close between 24 hours before and 24 hours after the start.")
    with unit_of_work(session):
        changes = session.execute(
            text("SELECT bo_venue_update(:v, :n, :a, :t, :c, :tz, :l, :m)"),
            {
                "v": venue_id,
                "n": name,
                "a": address,
                "t": tax_number,
                "c": currency,
                "tz": timezone,
                "l": locale,
                "m": int(off_sale_after_minutes),
            },
        ).scalar_one()
    return dict(changes or {})


def add_hall(session: Session, *, venue_id: int, name: str) -> int:
    """Add a hall called ``name`` to venue ``venue_id`` (last in order); returns its id.

    Raises:
        PermissionDeniedError: the actor lacks ``setup``.
        InvalidInputError: an empty name, longer than 100 characters, or one the venue has.
        NotFoundError: no such venue.
    """
    authorize(session, SETUP)
    with unit_of_work(session):
        return int(session.execute(text("SELECT bo_hall_add(:v, :n)"), {"v": venue_id, "n": name}).scalar_one())


def rename_hall(session: Session, *, hall_id: int, name: str) -> None:
    """Rename hall ``hall_id``.

    Raises:
        PermissionDeniedError, InvalidInputError, NotFoundError: as :func:`add_hall`.
    """
    authorize(session, SETUP)
    with unit_of_work(session):
        session.execute(text("SELECT bo_hall_rename(:h, :n)"), {"h": hall_id, "n": name})


def resolve_hall(
    session: Session, *, venue_id: int, hall_name: str | None, plan_name: str | None = None, new_plan: int | None = None
) -> int:
    """Inside the caller's transaction: the id of the venue's hall called ``hall_name``;
    with no name, the hall of plan ``plan_name``'s newest version (other than
    ``new_plan``, the one being stored), else the venue's only hall.

    Raises:
        NotFoundError: no hall of that name.
        InvalidInputError: no name given and the venue has several halls (say which).
    """
    if hall_name is not None and hall_name.strip():
        hall = session.execute(
            text("SELECT id FROM hall WHERE venue_id = :v AND name = :n"), {"v": venue_id, "n": hall_name.strip()}
        ).scalar()
        if hall is None:
            raise NotFoundError(f"The venue has no hall called {hall_name.strip()!r}.")
        return int(hall)
    if plan_name is not None:
        hall = session.execute(
            text(
                "SELECT hall_id FROM seating_plan WHERE venue_id = :v AND name = :n AND id <> :new "
                "ORDER BY version DESC LIMIT 1"
            ),
            {"v": venue_id, "n": plan_name, "new": new_plan or 0},
        ).scalar()
        if hall is not None:
            return int(hall)
    halls = session.execute(
        text("SELECT id, name FROM hall WHERE venue_id = :v ORDER BY position, id"), {"v": venue_id}
    ).all()
    if len(halls) != 1:
        names = ", ".join(h.name for h in halls)
        raise InvalidInputError(f"The venue has {len(halls)} halls ({names}): say which one.")
    return int(halls[0].id)


def put_plan_in_hall(session: Session, *, plan_id: int, hall_id: int) -> int:
    """Inside the caller's transaction (which must commit; database errors come raw): move
    seating plan ``plan_id`` and its showtimes to hall ``hall_id`` of its venue; returns
    how many showtimes moved. :func:`set_plan_hall` is the same as one transaction."""
    authorize(session, SETUP)
    return int(session.execute(text("SELECT bo_plan_hall_set(:p, :h)"), {"p": plan_id, "h": hall_id}).scalar_one())


def set_plan_hall(session: Session, *, plan_id: int, hall_id: int) -> int:
    """Move seating plan ``plan_id`` (and its showtimes) to hall ``hall_id`` of its venue,
    as one transaction; returns how many showtimes moved.

    Raises:
        PermissionDeniedError: the actor lacks ``setup``.
        InvalidInputError: a hall of another venue.
        ScheduleConflictError: a showtime would overlap one in the new hall.
        NotFoundError: no such plan or hall.
    """
    with unit_of_work(session):
        return put_plan_in_hall(session, plan_id=plan_id, hall_id=hall_id)
