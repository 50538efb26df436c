"""Where a plan's best seats are: a manager ranks sections and sets a best point
(migration 0026_best_available, ``bo_plan_set_best``). Best available
(:mod:`boxoffice.services.best_available`) reads them; its cached layouts notice a change by
``seating_plan.best_stamp``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from boxoffice.domain.best_available import BestSeat, default_best_point
from boxoffice.domain.errors import NotFoundError
from boxoffice.domain.roles import SETUP
from boxoffice.services import best_cache
from boxoffice.services.auth import authorize
from boxoffice.services.errors import unit_of_work

_PLAN = text("SELECT name, width, height, best_x, best_y, best_stamp FROM seating_plan WHERE id = :plan")
_SECTIONS = text(
    "SELECT sec.id, sec.name, sec.best_rank, count(s.id), avg(s.x), avg(s.y) "
    "FROM section sec LEFT JOIN seat s ON s.section_id = sec.id "
    "WHERE sec.plan_id = :plan GROUP BY sec.id ORDER BY sec.position, sec.id"
)
_POINTS = text("SELECT x, y FROM seat WHERE plan_id = :plan ORDER BY id")
_AREAS = best_cache._AREAS
_SET = text("SELECT bo_plan_set_best(:plan, :x, :y, CAST(:ranks AS jsonb))")


@dataclass(frozen=True)
class SectionBest:
    """A section as the ranking screen shows it: ``rank`` (1 = best, ``None`` = by
    geometry), ``seats`` count and the centre of its seats (plan pixels; ``None``
    without seats)."""

    id: int
    name: str
    rank: int | None
    seats: int
    centre: tuple[float, float] | None


@dataclass(frozen=True)
class PlanBest:
    """A plan's best-seat settings: ``best_point`` set by a manager (``None``: the
    default), ``default_point`` (the stage's front centre, see
    :func:`boxoffice.domain.best_available.default_best_point`), the plan's size and
    sections in plan order."""

    plan_id: int
    name: str
    width: float
    height: float
    best_point: tuple[float, float] | None
    default_point: tuple[float, float]
    stamp: int
    sections: tuple[SectionBest, ...]
    seat_points: tuple[tuple[float, float], ...]  # every seat, for a mini map
    stage: tuple[float, float, float, float] | None = None  # (x0, y0, x1, y1) when recognised


def plan_best(session: Session, plan_id: int) -> PlanBest:
    """The best-seat settings of ``plan_id``. A read: ends the session's transaction.

    Raises:
        NotFoundError: no such plan.
    """
    with unit_of_work(session):
        head = session.execute(_PLAN, {"plan": plan_id}).one_or_none()
        if head is None:
            raise NotFoundError(f"Seating plan {plan_id} does not exist.")
        sections = [
            SectionBest(i, name, rank, n, (x, y) if n else None)
            for i, name, rank, n, x, y in session.execute(_SECTIONS, {"plan": plan_id})
        ]
        points = tuple((x, y) for x, y in session.execute(_POINTS, {"plan": plan_id}))
        areas = [(sec, shape) for sec, shape in session.execute(_AREAS, {"plan": plan_id}) if isinstance(shape, dict)]
    names = {s.id: s.name for s in sections}
    stage = best_cache.stage_rect(areas, names)
    if points:
        seats = [BestSeat(0, 0, "", "", "", x, y) for x, y in points]
        default = default_best_point(seats, stage)
    else:
        default = (head.width / 2, 0.0)
    return PlanBest(
        plan_id=plan_id,
        name=head.name,
        width=head.width,
        height=head.height,
        best_point=(head.best_x, head.best_y) if head.best_x is not None else None,
        default_point=default,
        stamp=head.best_stamp,
        sections=tuple(sections),
        seat_points=points,
        stage=stage,
    )


def set_plan_best(
    session: Session,
    *,
    plan_id: int,
    best_point: tuple[float, float] | None,
    ranks: Mapping[int, int | None],
) -> int:
    """Set ``plan_id``'s best point (``None``: the default) and replace its section
    ranking with ``ranks`` (section id -> rank 1..1000, 1 = best; sections not given or
    ``None`` are ranked by geometry after the ranked ones). Audited. Returns the plan's
    new ``best_stamp``.

    Raises:
        NotFoundError: no such plan.
        InvalidInputError: a point outside the plan, a section of another plan, a rank
            outside 1..1000.
        PermissionDeniedError: the actor may not set up the house (cashiers, door).
    """
    authorize(session, SETUP)
    x, y = best_point if best_point is not None else (None, None)
    doc = json.dumps({str(int(k)): (None if v is None else int(v)) for k, v in ranks.items()})
    with unit_of_work(session):
        return session.execute(_SET, {"plan": plan_id, "x": x, "y": y, "ranks": doc}).scalar_one()


def section_centre(plan: PlanBest, section_id: int) -> tuple[float, float]:
    """The centre of a section's seats (for "best point = centre of section X").

    Raises:
        NotFoundError: no such section in the plan, or it has no seats.
    """
    for section in plan.sections:
        if section.id == section_id and section.centre is not None:
            return section.centre
    raise NotFoundError("That section has no seats in this plan.")


def ranks_in_order(section_ids: list[int]) -> dict[int, int]:
    """Ranks 1, 2, 3... for sections listed best first."""
    return {sid: k + 1 for k, sid in enumerate(section_ids)}


__all__ = ["PlanBest", "SectionBest", "plan_best", "ranks_in_order", "section_centre", "set_plan_best"]
