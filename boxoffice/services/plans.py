"""Seating plans: importing pretix plans into the database and finding a venue's plan."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from boxoffice.db.models import GaArea, PlanArea, PriceCategory, Seat, SeatingPlan, Section, Venue
from boxoffice.domain.errors import NotFoundError, PlanImportError
from boxoffice.domain.pretix_plan import ParsedPlan, parse_plan
from boxoffice.domain.roles import SETUP
from boxoffice.services import audit, setup
from boxoffice.services.auth import authorize
from boxoffice.services.errors import unit_of_work

DEFAULT_PLAN_NAME = "Seating plan"
_BATCH = 5000  # seat rows per INSERT round trip


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


def import_plan(session: Session, *, venue_name: str, data: dict, plan_name: str | None = None) -> ImportSummary:
    """Import the pretix seating plan ``data`` (a dict, e.g. from
    :func:`boxoffice.domain.pretix_plan.load_plan_file`) as a new plan version of venue
    ``venue_name`` (created with default currency and time zone if missing).

    The plan is called ``plan_name`` or else the plan's own ``name`` (or "Seating plan");
    its version is one more than the highest existing version of that name at the venue
    (1 for a new name). The original JSON is kept in ``SeatingPlan.source``. Everything is
    written in one transaction: on any error nothing is stored.

    Raises:
        PlanImportError: the plan is invalid (``details['where']`` is a JSON path).
        InvalidInputError: empty venue name, or a plan name longer than 200 characters.
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
        audit.record(session, action="config_change", target=f"plan {plan_id}",
                     details={"change": "import_plan", "venue": venue_name, "plan": name, "version": summary.version,
                              "seats": summary.seats, "categories": summary.categories})
    return summary


def latest_plan_id(session: Session, *, venue_name: str, plan_name: str | None = None) -> int:
    """The id of the highest version of plan ``plan_name`` at venue ``venue_name``, or of
    the venue's most recently imported plan when ``plan_name`` is ``None``. A read: it
    ends the session's transaction, like the catalog queries.

    Raises:
        NotFoundError: no such venue, or it has no (such) plan.
    """
    query = (
        select(SeatingPlan.id)
        .join(Venue, Venue.id == SeatingPlan.venue_id)
        .where(Venue.name == venue_name.strip())
    )
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


def store_plan_version(session: Session, *, venue_name: str, plan_name: str, data: dict,
                       parsed: ParsedPlan) -> ImportSummary:
    """Inside the caller's transaction (which must commit): write ``data`` (pretix JSON,
    already checked as ``parsed``) as the next version of plan ``plan_name`` at venue
    ``venue_name`` (created if missing): plan row with ``source=data``, categories,
    sections, seats, areas, general-admission areas. Locks the venue row so two saves cannot pick one version.
    Returns the summary. Does not audit (the callers do, each in its own words).

    Raises:
        InvalidInputError: empty venue name.
        PermissionDeniedError: the actor may not set up the house.
    """
    name = plan_name
    venue_id = setup.get_or_create_venue(session, name=venue_name)
    # Serialise saves into one venue so two of them cannot pick the same version.
    session.execute(select(Venue.id).where(Venue.id == venue_id).with_for_update())
    previous = session.scalar(
        select(func.max(SeatingPlan.version)).where(SeatingPlan.venue_id == venue_id, SeatingPlan.name == name)
    )
    plan = SeatingPlan(venue_id=venue_id, name=name, version=(previous or 0) + 1, width=parsed.width,
                       height=parsed.height, source=data)
    session.add(plan)
    session.flush()
    categories = [PriceCategory(plan_id=plan.id, name=c.name, color=c.color, position=i)
                  for i, c in enumerate(parsed.categories)]
    sections = [Section(plan_id=plan.id, name=s.name, position=i) for i, s in enumerate(parsed.sections)]
    session.add_all([*categories, *sections])
    session.flush()
    category_ids = {c.name: c.id for c in categories}
    section_ids = [s.id for s in sections]
    rows = [
        {"plan_id": plan.id, "section_id": section_ids[s.section], "category_id": category_ids[s.category],
         "guid": s.guid, "row_label": s.row_label, "seat_number": s.seat_number, "x": s.x, "y": s.y,
         "radius": s.radius, "wheelchair": s.wheelchair, "companion": s.companion}
        for s in parsed.seats
    ]
    for start in range(0, len(rows), _BATCH):
        session.execute(insert(Seat), rows[start:start + _BATCH])
    if parsed.areas:
        session.execute(insert(PlanArea), [
            {"plan_id": plan.id, "section_id": None if a.section is None else section_ids[a.section],
             "shape": a.shape}
            for a in parsed.areas
        ])
    if parsed.ga_areas:  # general admission (x-boxoffice.ga_areas; migration 0008)
        session.execute(insert(GaArea), [
            {"plan_id": plan.id, "name": a.name, "capacity": a.capacity, "category_id": category_ids[a.category],
             "x": a.x, "y": a.y, "w": a.w, "h": a.h}
            for a in parsed.ga_areas
        ])
    return ImportSummary(
        venue_id=venue_id, plan_id=plan.id, plan_name=name, version=plan.version, zones=parsed.zones,
        rows=parsed.rows, seats=len(parsed.seats), categories=[c.name for c in parsed.categories],
        areas=len(parsed.areas), wheelchair_spaces=parsed.wheelchair_spaces,
    )
