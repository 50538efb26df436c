"""A new version of a seating plan keeps the manager's best seats (migration
0033_sale_override): the best point and each section's rank, by section name, whether the
version comes from the plan editor or from importing the plan again."""

from __future__ import annotations

from sqlalchemy import text

from boxoffice.domain.plan_editing import move_seats
from boxoffice.domain.plan_generator import demo_theatre
from boxoffice.services import best_ranking, plan_editor, plans
from boxoffice.services.auth import act_as
from tests.factories import make_actor


def _best(session, plan_id: int):
    point = session.execute(text("SELECT best_x, best_y FROM seating_plan WHERE id = :p"), {"p": plan_id}).one()
    ranks = dict(session.execute(text("SELECT name, best_rank FROM section WHERE plan_id = :p"), {"p": plan_id}).all())
    session.commit()
    return tuple(point), ranks


def _rank(session, plan_id: int) -> dict[str, int | None]:
    sections = dict(session.execute(text("SELECT name, id FROM section WHERE plan_id = :p"), {"p": plan_id}).all())
    names = sorted(sections)
    wanted = {names[0]: 2, names[1]: 1}  # the rest unranked
    best_ranking.set_plan_best(
        session, plan_id=plan_id, best_point=(300.0, 260.0), ranks={sections[n]: r for n, r in wanted.items()}
    )
    return {n: wanted.get(n) for n in names}


def test_a_new_version_keeps_the_best_point_and_section_ranks(session):
    first = plans.import_plan(session, venue_name="Riverside", data=demo_theatre())
    ranks = _rank(session, first.plan_id)
    assert _best(session, first.plan_id) == ((300.0, 260.0), ranks)

    again = plans.import_plan(session, venue_name="Riverside", data=demo_theatre())  # re-import: version 2
    assert again.plan_id != first.plan_id
    assert _best(session, again.plan_id) == ((300.0, 260.0), ranks)

    manager = make_actor(session, role="manager")
    act_as(session, manager)
    loaded = plan_editor.load_plan(session, plan_id=again.plan_id)
    seat = next(s.guid for z in loaded.plan.zones for r in z.rows for s in r.seats)
    move_seats(loaded.plan, [seat], 5, 0)
    saved = plan_editor.save_plan_version(
        session, venue_name="Riverside", plan_name=loaded.name, plan=loaded.plan, based_on=again.plan_id
    )
    act_as(session, None)
    assert saved.version == 3
    assert _best(session, saved.plan_id) == ((300.0, 260.0), ranks)


def test_a_section_the_manager_unranked_stays_unranked_and_another_plan_is_untouched(session):
    first = plans.import_plan(session, venue_name="Riverside", data=demo_theatre())
    ranks = _rank(session, first.plan_id)
    second = plans.import_plan(session, venue_name="Riverside", data=demo_theatre())
    # the manager clears the point and unranks everything on version 2 ...
    best_ranking.set_plan_best(session, plan_id=second.plan_id, best_point=None, ranks={})
    third = plans.import_plan(session, venue_name="Riverside", data=demo_theatre())
    # ... so version 3 follows version 2, not version 1
    assert _best(session, third.plan_id) == ((None, None), {n: None for n in ranks})
    # a plan of another venue with the same name starts with no ranking
    other = plans.import_plan(session, venue_name="Elsewhere", data=demo_theatre())
    assert _best(session, other.plan_id) == ((None, None), {n: None for n in ranks})
