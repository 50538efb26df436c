"""The plan editor's use cases: list and load plan versions, save a new version, and move
a showtime to a newer version of its plan.

Plan versions are immutable: saving always writes a *new* ``seating_plan`` row (version =
highest of that venue and name + 1), so showtimes scheduled on an older version keep
exactly the seats they were sold on. :func:`migrate_showtime` moves one showtime to
another version, carrying its inventory over seat by seat through the seat ``guid``; it
refuses, and changes nothing, when a sold or held seat would move, change section or
label, or disappear. See ``docs/plan-editor.md``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from boxoffice.db.models import PlanArea, Seat, SeatingPlan, Showtime, Venue
from boxoffice.domain.errors import (
    InvalidInputError,
    NotFoundError,
    PlanImportError,
    PlanMigrationRefusedError,
    PlanVersionConflictError,
)
from boxoffice.domain.plan_editing import Category, EditablePlan, EditArea, EditRow, EditSeat, EditZone
from boxoffice.domain.plan_exchange import from_pretix, to_pretix
from boxoffice.domain.plan_validation import validate
from boxoffice.domain.pretix_plan import parse_plan
from boxoffice.domain.roles import SETUP
from boxoffice.services import audit, plans
from boxoffice.services.auth import authorize
from boxoffice.services.errors import unit_of_work

#: A sold or held seat may shift by less than this (plan pixels) and still count as unmoved.
POSITION_TOLERANCE = 0.5


@dataclass(frozen=True)
class PlanVersionInfo:
    """One stored plan version: ids, names, ``version``, how many ``seats`` and how many
    ``showtimes`` are scheduled on it."""

    plan_id: int
    venue: str
    name: str
    version: int
    seats: int
    showtimes: int


@dataclass
class LoadedPlan:
    """A plan version opened for editing: where it came from and the editable ``plan``."""

    plan_id: int
    venue: str
    name: str
    version: int
    showtimes: int
    plan: EditablePlan


@dataclass(frozen=True)
class SavedPlan:
    """What :func:`save_plan_version` stored."""

    plan_id: int
    venue: str
    name: str
    version: int
    seats: int


@dataclass(frozen=True)
class MigrationSummary:
    """What :func:`migrate_showtime` did: seats carried over, seats ``added`` (new in
    the plan, available), ``dropped`` (gone from the plan; none was sold or held)."""

    showtime_id: int
    from_plan_id: int
    to_plan_id: int
    carried: int
    added: int
    dropped: int


def list_plan_versions(session: Session) -> list[PlanVersionInfo]:
    """Every stored plan version, by venue, name and version (newest last). A read: ends
    the session's transaction.

    Raises:
        PermissionDeniedError: the actor may not set up the house.
    """
    authorize(session, SETUP)
    seats = select(Seat.plan_id, func.count().label("n")).group_by(Seat.plan_id).subquery()
    shows = select(Showtime.plan_id, func.count().label("n")).group_by(Showtime.plan_id).subquery()
    rows = session.execute(
        select(
            SeatingPlan.id,
            Venue.name,
            SeatingPlan.name,
            SeatingPlan.version,
            func.coalesce(seats.c.n, 0),
            func.coalesce(shows.c.n, 0),
        )
        .join(Venue, Venue.id == SeatingPlan.venue_id)
        .outerjoin(seats, seats.c.plan_id == SeatingPlan.id)
        .outerjoin(shows, shows.c.plan_id == SeatingPlan.id)
        .order_by(Venue.name, SeatingPlan.name, SeatingPlan.version)
    ).all()
    session.rollback()
    return [PlanVersionInfo(*row) for row in rows]


def load_plan(session: Session, *, plan_id: int) -> LoadedPlan:
    """Open plan version ``plan_id`` for editing: from its stored pretix JSON when it has
    one, else rebuilt from its seat, section, category and area rows (one zone per
    section, rows by row label, absolute positions). A read.

    Raises:
        NotFoundError: no such plan.
        PermissionDeniedError: the actor may not set up the house.
    """
    authorize(session, SETUP)
    row = session.execute(
        select(SeatingPlan, Venue.name).join(Venue, Venue.id == SeatingPlan.venue_id).where(SeatingPlan.id == plan_id)
    ).one_or_none()
    if row is None:
        session.rollback()
        raise NotFoundError(f"Seating plan {plan_id} does not exist.")
    stored, venue = row
    showtimes = session.scalar(select(func.count()).select_from(Showtime).where(Showtime.plan_id == plan_id))
    plan = None
    if stored.source:
        try:
            plan = from_pretix(stored.source)
        except PlanImportError:
            plan = None  # a plan stored before a rule changed: fall back to its rows
    if plan is None:
        plan = _from_rows(session, stored)
    plan.name = stored.name
    session.rollback()
    return LoadedPlan(
        plan_id=stored.id, venue=venue, name=stored.name, version=stored.version, showtimes=showtimes or 0, plan=plan
    )


def save_plan_version(
    session: Session,
    *,
    venue_name: str,
    plan_name: str,
    plan: EditablePlan,
    based_on: int | None = None,
    allow_newer: bool = False,
) -> SavedPlan:
    """Save ``plan`` as a new version of plan ``plan_name`` at venue ``venue_name`` (the
    venue is created if missing), in one transaction, and audit it as ``plan.save``
    (``details``: venue, plan, version, ``based_on`` plan id, seat count). Existing
    versions are never changed.

    Raises:
        InvalidInputError: the plan has problems (``details['problems']``: the
            :class:`~boxoffice.domain.plan_validation.Problem` list), or an empty or too
            long name.
        PlanImportError: the written file would not import (a bug, or an odd value).
        PermissionDeniedError: the actor may not set up the house.
        PlanVersionConflictError: ``based_on`` (the version the editor opened) is a
            version of this same plan and a newer version was saved since (by someone
            else, or in another window); pass ``allow_newer=True`` to save anyway.
    """
    authorize(session, SETUP)
    name = (plan_name or "").strip()
    if not name or len(name) > 200:
        raise InvalidInputError("A plan needs a name of 1 to 200 characters.")
    problems = validate(plan)
    if problems:
        raise InvalidInputError(
            f"The plan cannot be saved yet: {problems[0].message}"
            + (f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""),
            problems=problems,
        )
    data = to_pretix(plan)
    data["name"] = name
    parsed = parse_plan(data)
    check = based_on if based_on is not None and not allow_newer else None
    try:
        with unit_of_work(session):
            if check is not None:
                _refuse_if_superseded(session, based_on=check, venue_name=venue_name, plan_name=name)
            # the database checks again under the venue's lock (BO060), so a save racing this one is refused
            summary = plans.store_plan_version(
                session, venue_name=venue_name, plan_name=name, data=data, parsed=parsed, based_on=check
            )
            audit.record(
                session,
                action="plan.save",
                target=f"plan {summary.plan_id}",
                details={
                    "venue": venue_name,
                    "plan": name,
                    "version": summary.version,
                    "based_on": based_on,
                    "seats": summary.seats,
                    "categories": summary.categories,
                },
            )
    except PlanVersionConflictError:
        if check is None:
            raise
        with unit_of_work(session):  # the racing save has committed: say who saved what, when
            _refuse_if_superseded(session, based_on=check, venue_name=venue_name, plan_name=name)
        raise
    return SavedPlan(plan_id=summary.plan_id, venue=venue_name, name=name, version=summary.version, seats=summary.seats)


_NEWEST = text("""
SELECT p.id, p.version, p.created_at,
       (SELECT a.actor FROM audit_log a WHERE a.action = 'plan.save' AND a.target = 'plan ' || p.id
        ORDER BY a.id DESC LIMIT 1)
FROM seating_plan p JOIN venue v ON v.id = p.venue_id
WHERE v.name = :venue AND p.name = :name ORDER BY p.version DESC LIMIT 1""")


def _refuse_if_superseded(session: Session, *, based_on: int, venue_name: str, plan_name: str) -> None:
    """Raise PlanVersionConflictError when a version of ``plan_name`` newer than
    ``based_on`` exists. A read: the database checks again under the venue's lock when
    the version is stored (``bo_plan_store``, BO060)."""
    opened = session.execute(
        text("SELECT p.version, p.name, v.name FROM seating_plan p JOIN venue v ON v.id = p.venue_id WHERE p.id = :id"),
        {"id": based_on},
    ).one_or_none()
    if opened is None or (opened[1], opened[2]) != (plan_name, venue_name):
        return  # saving under another name or venue: a new line of versions, nothing to lose
    newest = session.execute(_NEWEST, {"venue": venue_name, "name": plan_name}).one()
    if newest[1] > opened[0]:
        who = f" by {newest[3]}" if newest[3] else ""
        raise PlanVersionConflictError(
            f"Version {newest[1]} of {plan_name!r} was saved{who} at {newest[2]:%Y-%m-%d %H:%M} UTC, after you "
            f"opened version {opened[0]}. Saving now would make a version {newest[1] + 1} without their changes.",
            based_on_version=opened[0],
            newest_version=newest[1],
            newest_plan_id=newest[0],
            saved_by=newest[3],
            saved_at=newest[2].isoformat(),
        )


@dataclass(frozen=True)
class ShowtimeOnPlan:
    """A showtime on some version of a plan: ids, the show's ``title``, ``starts_at``
    (aware), ``status`` and the ``version`` it is on."""

    showtime_id: int
    title: str
    starts_at: object
    status: str
    plan_id: int
    version: int


def showtimes_of_plan(session: Session, *, plan_id: int) -> list[ShowtimeOnPlan]:
    """Showtimes on **other** versions of plan ``plan_id``'s name at its venue (the ones
    :func:`migrate_showtime` could move to ``plan_id``), by start. A read.

    Raises:
        NotFoundError: no such plan.
        PermissionDeniedError: the actor may not set up the house.
    """
    authorize(session, SETUP)
    plan = session.get(SeatingPlan, plan_id)
    if plan is None:
        session.rollback()
        raise NotFoundError(f"Seating plan {plan_id} does not exist.")
    rows = session.execute(
        text("""
        SELECT st.id, sh.title, st.starts_at, st.status, p.id, p.version
        FROM showtime st JOIN show sh ON sh.id = st.show_id JOIN seating_plan p ON p.id = st.plan_id
        WHERE p.venue_id = :venue AND p.name = :name AND p.id <> :plan
        ORDER BY st.starts_at, st.id"""),
        {"venue": plan.venue_id, "name": plan.name, "plan": plan_id},
    ).all()
    session.rollback()
    return [ShowtimeOnPlan(*row) for row in rows]


_SEATS = text("""
    SELECT s.id, s.guid, sec.name AS section, s.row_label, s.seat_number, s.x, s.y, pc.name AS category
    FROM seat s JOIN section sec ON sec.id = s.section_id JOIN price_category pc ON pc.id = s.category_id
    WHERE s.plan_id = :plan
""")
_LIVE = text("""
    SELECT i.seat_id, i.state, o.number AS order_number
    FROM inventory i
    LEFT JOIN ticket t ON t.showtime_id = i.showtime_id AND t.seat_id = i.seat_id AND t.status = 'valid'
    LEFT JOIN orders o ON o.id = t.order_id
    WHERE i.showtime_id = :st AND (i.state = 'sold' OR (i.state = 'held' AND i.hold_expires_at > now())
                                   OR t.id IS NOT NULL)
    ORDER BY i.seat_id
""")


def migrate_showtime(session: Session, *, showtime_id: int, new_plan_id: int) -> MigrationSummary:
    """Move showtime ``showtime_id`` to plan version ``new_plan_id`` (of the same venue).

    Every inventory row is carried to the seat with the same ``guid`` in the new plan,
    keeping its state (blocks and live holds included); valid tickets and pending web
    bookings follow their seat; prices follow their category by name (prices of
    categories the new plan lacks are removed; new categories have no price until one is
    set). Seats new in the plan become available; seats that are gone lose their
    (available, blocked or expired) rows. Audited as ``plan.migrate``. One transaction;
    the database locks the showtime's inventory in seat order and checks again.

    Raises:
        PlanMigrationRefusedError: a sold or held seat would be removed, move (by
            :data:`POSITION_TOLERANCE` or more), change section or row/seat label;
            ``details['tickets']`` lists each (order number, section, row, seat, state,
            problem). Nothing changed.
        InvalidInputError: the showtime is already on that plan, or it belongs to
            another venue.
        NotFoundError: no such showtime or plan.
        PermissionDeniedError: the actor may not set up the house.
    """
    authorize(session, SETUP)
    with unit_of_work(session):
        showtime = session.execute(select(Showtime).where(Showtime.id == showtime_id)).scalar()
        if showtime is None:
            raise NotFoundError(f"Showtime {showtime_id} does not exist.")
        old_plan, new_plan = session.get(SeatingPlan, showtime.plan_id), session.get(SeatingPlan, new_plan_id)
        if new_plan is None:
            raise NotFoundError(f"Seating plan {new_plan_id} does not exist.")
        if new_plan.id == old_plan.id:
            raise InvalidInputError("The showtime is already on that plan version.")
        if new_plan.venue_id != old_plan.venue_id:
            raise InvalidInputError("A showtime can only move to a plan of its own venue.")
        old = {r.id: r for r in session.execute(_SEATS, {"plan": old_plan.id})}
        new_by_guid = {r.guid: r for r in session.execute(_SEATS, {"plan": new_plan.id})}
        refused = []
        for live in session.execute(_LIVE, {"st": showtime_id}):
            seat = old[live.seat_id]
            problem = _change(seat, new_by_guid.get(seat.guid))
            if problem:
                refused.append(
                    {
                        "order": live.order_number,
                        "section": seat.section,
                        "row": seat.row_label,
                        "seat": seat.seat_number,
                        "state": live.state,
                        "problem": problem,
                    }
                )
        _pairs, ga_refused = _ga_check(session, showtime_id, old_plan.id, new_plan.id)
        if refused or ga_refused:
            message = _refusal_message(refused, new_plan.version) if refused else ""
            if ga_refused:
                message = (
                    (message + " " if message else f"The showtime cannot move to version {new_plan.version}: ")
                    + "; ".join(f"general admission {r['section']}: {r['problem']}" for r in ga_refused)
                    + "."
                )
            raise PlanMigrationRefusedError(message, tickets=refused + ga_refused)
        # bo_showtime_move_plan (migration 0013) locks the showtime and its inventory, checks
        # again (BO061: a seat was sold or held since the check above) and carries everything over;
        # sold tickets following their seat is a sanctioned amendment (bo_amend_sale_begin, migration 0011)
        moved = session.execute(
            text("SELECT bo_showtime_move_plan(:st, :plan)"), {"st": showtime_id, "plan": new_plan.id}
        ).scalar_one()
        summary = MigrationSummary(
            showtime_id=showtime_id,
            from_plan_id=old_plan.id,
            to_plan_id=new_plan.id,
            carried=moved["carried"],
            added=moved["added"],
            dropped=moved["dropped"],
        )
        audit.record(
            session,
            action="plan.migrate",
            target=f"showtime {showtime_id}",
            details={
                "from_plan": old_plan.id,
                "from_version": old_plan.version,
                "to_plan": new_plan.id,
                "to_version": new_plan.version,
                "plan": new_plan.name,
                "carried": summary.carried,
                "added": summary.added,
                "dropped": summary.dropped,
            },
        )
    return summary


_GA_AREAS = text("SELECT id, name, capacity FROM ga_area WHERE plan_id = :plan ORDER BY id")


def _ga_check(session: Session, showtime_id: int, old_plan_id: int, new_plan_id: int):
    """General-admission areas (migration 0008) follow their name (any case). Returns the
    (old area id, new area id) pairs and the refusals: an area with sold or held places
    that the new version lacks, or whose new capacity is below them."""
    new_by_name = {r.name.strip().lower(): r for r in session.execute(_GA_AREAS, {"plan": new_plan_id})}
    pairs, refused = [], []
    for area in session.execute(_GA_AREAS, {"plan": old_plan_id}).all():
        taken = session.scalar(text("SELECT bo_ga_taken(:st, :a)"), {"st": showtime_id, "a": area.id}) or 0
        new = new_by_name.get(area.name.strip().lower())
        if new is not None:
            pairs.append((area.id, new.id))
        problem = None
        if taken and new is None:
            problem = f"{taken} sold or held, removed from the plan"
        elif new is not None and taken > new.capacity:
            problem = f"{taken} sold or held, more than the new capacity {new.capacity}"
        if problem:
            refused.append(
                {
                    "order": None,
                    "section": area.name,
                    "row": "",
                    "seat": "",
                    "state": "general admission",
                    "problem": problem,
                }
            )
    return pairs, refused


def _change(seat, new) -> str | None:
    """Why a live seat cannot move to ``new`` (its namesake in the new plan), or ``None``."""
    if new is None:
        return "removed from the plan"
    if new.section != seat.section:
        return f"moved to section {new.section}"
    if math.hypot(new.x - seat.x, new.y - seat.y) >= POSITION_TOLERANCE:
        return "moved"
    if (new.row_label, new.seat_number) != (seat.row_label, seat.seat_number):
        return f"relabelled row {new.row_label} seat {new.seat_number}"
    return None


def _refusal_message(refused: list[dict], version: int) -> str:
    lines = [
        f"{r['order'] or 'held'}: {r['section']} row {r['row']} seat {r['seat']} ({r['problem']})" for r in refused[:10]
    ]
    more = f"; and {len(refused) - 10} more" if len(refused) > 10 else ""
    return (
        f"The showtime cannot move to version {version}: {len(refused)} sold or held "
        f"{'seat' if len(refused) == 1 else 'seats'} would change. " + "; ".join(lines) + more + "."
    )


def _from_rows(session: Session, stored: SeatingPlan) -> EditablePlan:
    """An editable plan rebuilt from a version's rows (for plans stored without JSON)."""
    plan = EditablePlan(name=stored.name, size=(math.ceil(stored.width), math.ceil(stored.height)))
    plan.categories = [Category(c.name, c.color) for c in stored.categories]
    zones: dict[int, EditZone] = {}
    for section in stored.sections:
        zones[section.id] = EditZone(name=section.name, zone_id=None)
        plan.zones.append(zones[section.id])
    names = {c.id: c.name for c in stored.categories}
    rows: dict[tuple[int, str], EditRow] = {}
    for seat in session.scalars(select(Seat).where(Seat.plan_id == stored.id).order_by(Seat.id)):
        key = (seat.section_id, seat.row_label)
        if key not in rows:
            rows[key] = EditRow(key=plan.new_key(), number=seat.row_label)
            zones[seat.section_id].rows.append(rows[key])
        rows[key].seats.append(
            EditSeat(
                guid=seat.guid,
                number=seat.seat_number,
                x=seat.x,
                y=seat.y,
                category=names[seat.category_id],
                radius=seat.radius,
                wheelchair=seat.wheelchair,
            )
        )
    decorations = None
    for area in session.scalars(select(PlanArea).where(PlanArea.plan_id == stored.id).order_by(PlanArea.id)):
        zone = zones.get(area.section_id)
        if zone is None:
            if decorations is None:
                decorations = EditZone(name="", zone_id="decorations")
                plan.zones.insert(0, decorations)
            zone = decorations
        zone.areas.append(EditArea(key=plan.new_key(), data=dict(area.shape)))
    return plan
