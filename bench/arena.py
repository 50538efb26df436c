"""Shared set-up of the benchmarks: a generated grid plan ("Bench Arena") and showtimes
of one show on it, on a freshly migrated database.

Not a benchmark itself (``run_all.py`` does not run it).
"""

from __future__ import annotations

import datetime as dt


def make_arena(
    url: str, *, seats: int, title: str, first_start: dt.datetime, showtimes: int = 1
) -> tuple[int, list[int]]:
    """Migrate the database at ``url``, import a ``seats``-seat grid plan as venue "Bench
    Arena" and schedule ``showtimes`` showtimes of a show called ``title``, an hour apart
    from ``first_start`` (timezone-aware), every category at 10.00.

    Returns ``(plan_id, showtime_ids)``.
    """
    from boxoffice.db.engine import make_engine, make_session_factory
    from boxoffice.db.migrate import upgrade
    from boxoffice.domain.plan_generator import generate_grid_plan
    from boxoffice.domain.pretix_plan import parse_plan
    from boxoffice.services import setup
    from boxoffice.services.plans import import_plan

    engine = make_engine(url)
    try:
        upgrade(engine)
        data = generate_grid_plan(seats)
        names = [c.name for c in parse_plan(data).categories]
        with make_session_factory(engine)() as session:
            plan_id = import_plan(session, venue_name="Bench Arena", data=data).plan_id
            # an hour long: showtimes an hour apart in one venue must not overlap (migration 0005)
            show_id = setup.create_show(session, title=title, duration_minutes=60)
            ids = [
                setup.schedule_showtime(
                    session,
                    show_id=show_id,
                    plan_id=plan_id,
                    starts_at=first_start + dt.timedelta(hours=i),
                    prices={n: 1000 for n in names},
                )
                for i in range(showtimes)
            ]
            session.commit()
    finally:
        engine.dispose()
    return plan_id, ids
