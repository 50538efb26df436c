"""Seating plans: importing pretix plans into the database and finding a venue's plan."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from boxoffice.db.models import SeatingPlan, Venue
from boxoffice.domain.errors import NotFoundError, PlanImportError
from boxoffice.domain.pretix_plan import ParsedPlan, parse_plan
from boxoffice.domain.roles import SETUP
from boxoffice.services import audit, setup, venues
from boxoffice.services.auth import authorize
from boxoffice.services.errors import unit_of_work

DEFAULT_PLAN_NAME = "Seating plan"


@dataclass(frozen=True)
class ImportSummary:
    """What :func:`import_plan` stored: ids, the plan's name and version, and counts."""

    venue_id: int
    plan_id: int
    plan_name: str
    version: int
    zones: int
    rows: int
    seats: int
    categories: list[str]
    areas: int
    wheelchair_spaces: int

    def as_dict(self) -> dict:
        """The summary as plain JSON-ready values."""
        return dataclasses.asdict(self)


def import_plan(
    session: Session, *, venue_name: str, data: dict, plan_name: str | None = None, hall_name: str | None = None
) -> ImportSummary:
    """Import the pretix seating plan ``data`` (a dict, e.g. from
    :func:`boxoffice.domain.pretix_plan.load_plan_file`) as a new plan version of venue
    ``venue_name`` (created with default currency and time zone if missing).

    The plan is called ``plan_name`` or else the plan's own ``name`` (or "Seating plan");
    its version is one more than the highest existing version of that name at the venue
    (1 for a new name). The original JSON is kept in ``SeatingPlan.source``. Everything is
    written in one transaction: on any error nothing is stored.

    The plan belongs to hall ``hall_name`` of the venue (migration 0025); without one, to
    the hall of the plan's previous version, else the venue's only hall.

    Raises:
        PlanImportError: the plan is invalid (``details['where']`` is a JSON path).
        InvalidInputError: empty venue name, or a plan name longer than 200 characters; no
            hall named for a new plan of a venue with several halls.
        NotFoundError: the venue has no hall called ``hall_name``.
        DatabaseUnavailableError: the connection dropped (nothing was stored).
        PermissionDeniedError: the actor may not set up the house (managers and admins may).
    """
    authorize(session, SETUP)
    parsed = parse_plan(data)
    name = (plan_name or "").strip() or parsed.name or DEFAULT_PLAN_NAME
    if len(name) > 200:
        raise PlanImportError("A plan name can be at most 200 characters long.", where="name")
    with unit_of_work(session):
        summary = store_plan_version(session, venue_name=venue_name, plan_name=name, data=data, parsed=parsed)
        plan_id = summary.plan_id
        hall_id = venues.resolve_hall(
            session, venue_id=summary.venue_id, hall_name=hall_name, plan_name=name, new_plan=plan_id
        )
        venues.put_plan_in_hall(session, plan_id=plan_id, hall_id=hall_id)
        audit.record(
            session,
            action="config_change",
            target=f"plan {plan_id}",
            details={
                "change": "import_plan",
                "venue": venue_name,
                "plan": name,
                "hall": hall_id,
                "version": summary.version,
                "seats": summary.seats,
                "categories": summary.categories,
            },
        )
    return summary


def latest_plan_id(session: Session, *, venue_name: str, plan_name: str | None = None) -> int:
    """The id of the highest version of plan ``plan_name`` at venue ``venue_name``, or of
    the venue's most recently imported plan when ``plan_name`` is ``None``. A read: it
    ends the session's transaction, like the catalog queries.

    Raises:
        NotFoundError: no such venue, or it has no (such) plan.
    """
    query = select(SeatingPlan.id).join(Venue, Venue.id == SeatingPlan.venue_id).where(Venue.name == venue_name.strip())
    if plan_name is not None:
        query = query.where(SeatingPlan.name == plan_name.strip()).order_by(SeatingPlan.version.desc())
    else:
        query = query.order_by(SeatingPlan.id.desc())
    plan_id = session.scalar(query.limit(1))
    session.rollback()
    if plan_id is None:
        what = f"a plan called {plan_name!r}" if plan_name is not None else "a seating plan"
        raise NotFoundError(f"Venue {venue_name!r} has no {what}.")
    return plan_id


# bo_plan_store_bulk (migration 0027): the seats go as one array per column (unnest in the
# database), the rest as jsonb. Run through the driver with binary parameters (``%(x)b``,
# psycopg): half the time of sending 100,000-element arrays as text.
_STORE = (
    "SELECT bo_plan_store_bulk(%(venue)s, %(name)s, %(w)s, %(h)s, %(source)s::jsonb, %(rows)s::jsonb, "
    "%(section)b::integer[], %(category)b::integer[], %(guid)b::text[], %(row_label)b::text[], "
    "%(seat_number)b::text[], %(x)b::double precision[], %(y)b::double precision[], "
    "%(radius)b::double precision[], %(wheelchair)b::boolean[], %(companion)b::boolean[], %(based_on)s::integer)"
)


def store_plan_version(
    session: Session, *, venue_name: str, plan_name: str, data: dict, parsed: ParsedPlan, based_on: int | None = None
) -> ImportSummary:
    """Inside the caller's transaction (which must commit): write ``data`` (pretix JSON,
    already checked as ``parsed``) as the next version of plan ``plan_name`` at venue
    ``venue_name`` (created if missing): plan row with ``source=data``, categories,
    sections, seats, areas, general-admission areas. Locks the venue row so two saves cannot pick one version.
    Returns the summary. Does not audit (the callers do, each in its own words).
    ``based_on``: the version an editor opened; the database refuses (BO060,
    :class:`PlanVersionConflictError`) when a newer version of the name exists.

    Raises:
        InvalidInputError: empty venue name, or rows the database finds impossible.
        PlanVersionConflictError: ``based_on`` was superseded.
        PermissionDeniedError: the actor may not set up the house.
    """
    name = plan_name
    venue_id = setup.get_or_create_venue(session, name=venue_name)
    category_index = {c.name: i for i, c in enumerate(parsed.categories)}
    seats = parsed.seats
    rows = {
        "categories": [{"name": c.name, "color": c.color} for c in parsed.categories],
        "sections": [{"name": s.name} for s in parsed.sections],
        "areas": [{"section": a.section, "shape": a.shape} for a in parsed.areas],
        "ga_areas": [
            {
                "name": a.name,
                "capacity": a.capacity,
                "category": category_index[a.category],
                "x": a.x,
                "y": a.y,
                "w": a.w,
                "h": a.h,
            }
            for a in parsed.ga_areas
        ],
    }
    # bo_plan_store_bulk (migration 0027): one set-based write; it locks the venue row so two
    # saves cannot pick one version, and refuses (BO060) when based_on is superseded.
    stored = (
        session.connection()
        .exec_driver_sql(
            _STORE,
            {
                "venue": venue_id,
                "name": name,
                "w": parsed.width,
                "h": parsed.height,
                "source": json.dumps(data),
                "rows": json.dumps(rows),
                "section": [s.section for s in seats],
                "category": [category_index[s.category] for s in seats],
                "guid": [s.guid for s in seats],
                "row_label": [s.row_label for s in seats],
                "seat_number": [s.seat_number for s in seats],
                "x": [s.x for s in seats],
                "y": [s.y for s in seats],
                "radius": [s.radius for s in seats],
                "wheelchair": [s.wheelchair for s in seats],
                "companion": [s.companion for s in seats],
                "based_on": based_on,
            },
        )
        .scalar_one()
    )

    return ImportSummary(
        venue_id=venue_id,
        plan_id=stored["plan_id"],
        plan_name=name,
        version=stored["version"],
        zones=parsed.zones,
        rows=parsed.rows,
        seats=len(parsed.seats),
        categories=[c.name for c in parsed.categories],
        areas=len(parsed.areas),
        wheelchair_spaces=parsed.wheelchair_spaces,
    )
