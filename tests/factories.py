"""Small building blocks for tests: a tiny venue and plan made directly with the models."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from boxoffice.db.models import PriceCategory, Seat, SeatingPlan, Section
from boxoffice.services import setup

TZ = dt.UTC


def make_small_house(
    session: Session, *, rows: int = 3, seats_per_row: int = 10, prices=None, starts_at: dt.datetime | None = None
) -> dict:
    """A venue with one plan (sections 'Stalls'; categories A and B), one show and one
    showtime. Returns ids: ``venue_id, plan_id, show_id, showtime_id, seat_ids`` (row-major)."""
    prices = prices or {"A": 2500, "B": 1500}
    venue_id = setup.get_or_create_venue(session, name="Test Hall")
    plan = SeatingPlan(
        venue_id=venue_id, name="Main", version=1, width=40.0 * seats_per_row + 100, height=40.0 * rows + 200, source={}
    )
    session.add(plan)
    session.flush()
    cats = {
        n: PriceCategory(plan_id=plan.id, name=n, color=c, position=i)
        for i, (n, c) in enumerate([("A", "#d1495b"), ("B", "#00798c")])
    }
    session.add_all(cats.values())
    section = Section(plan_id=plan.id, name="Stalls", position=0)
    session.add(section)
    session.flush()
    seat_objs = []
    for r in range(rows):
        for n in range(seats_per_row):
            seat_objs.append(
                Seat(
                    plan_id=plan.id,
                    section_id=section.id,
                    category_id=cats["A" if r == 0 else "B"].id,
                    guid=f"r{r}s{n}",
                    row_label=chr(ord("A") + r),
                    seat_number=str(n + 1),
                    x=50 + 40 * n,
                    y=150 + 40 * r,
                    radius=15,
                    wheelchair=(r == rows - 1 and n == 0),
                )
            )
    session.add_all(seat_objs)
    session.commit()
    show_id = setup.create_show(session, title="Test Show")
    starts_at = starts_at or dt.datetime.now(TZ).replace(microsecond=0) + dt.timedelta(days=1)
    showtime_id = setup.schedule_showtime(session, show_id=show_id, plan_id=plan.id, starts_at=starts_at, prices=prices)
    return {
        "venue_id": venue_id,
        "plan_id": plan.id,
        "show_id": show_id,
        "showtime_id": showtime_id,
        "seat_ids": [s.id for s in seat_objs],
        "section_id": section.id,
        "category_ids": {n: c.id for n, c in cats.items()},
    }


_staff_counter = iter(range(1, 1_000_000))


def make_actor(
    session: Session,
    *,
    role: str = "cashier",
    username: str | None = None,
    password: str | None = None,
    till: str = "till:test",
    display_name: str | None = None,
):
    """A staff account of ``role`` with its PostgreSQL login (password ``password``, or a
    random one), made through ``bo_staff_create`` as the test's superuser session, and its
    :class:`~boxoffice.domain.roles.Actor` at ``till``. Put the actor on a session with
    ``boxoffice.services.auth.act_as(session, actor)``: each transaction then plays the
    person's login, with exactly their database privileges."""
    import secrets

    from sqlalchemy import text

    from boxoffice.domain.roles import Actor
    from boxoffice.services.staff import scram_verifier

    username = username or f"{role}{next(_staff_counter)}"
    display_name = display_name or username.title()
    database = session.execute(text("SELECT current_database()")).scalar_one()
    login = f"{database}_{username}"
    verifier = scram_verifier(session, login=login, password=password or secrets.token_urlsafe(16))
    staff_id = session.execute(
        text("SELECT bo_staff_create(:u, :d, :r, :v)"), {"u": username, "d": display_name, "r": role, "v": verifier}
    ).scalar_one()
    session.commit()
    return Actor(staff_id, username, display_name, role, till, login)
