"""Migration 0025_halls on a database that has data at 0024: each venue gets one hall, its
plans and showtimes land in it, showtimes without an off-sale time get the default; and
back down to 0024 again."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from boxoffice.db import roles
from boxoffice.db.migrate import alembic_config, upgrade
from tests.factories import make_small_house


def _downgrade(engine, revision: str) -> None:
    """As the owner role, as ``upgrade`` runs, so what it recreates is the owner's."""
    cfg = alembic_config()
    with engine.connect() as conn:
        conn.execute(text(f"SET ROLE {roles.OWNER}"))
        conn.commit()
        try:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, revision)
            conn.commit()
        finally:
            conn.rollback()
            conn.execute(text("RESET ROLE"))
            conn.commit()


def test_each_venue_gets_one_hall_and_its_showtimes(engine, session):
    house = make_small_house(session)
    session.close()
    _downgrade(engine, "0024_comp_refunds")
    with engine.begin() as conn:
        assert conn.execute(text("SELECT to_regclass('hall')")).scalar_one() is None
        # a second venue with its own plan and a showtime, written as a 0024 database has them
        other = conn.execute(
            text(
                "INSERT INTO venue (name, currency, timezone) VALUES ('Old Cinema', 'GBP', 'Europe/London') RETURNING id"
            )
        ).scalar_one()
        plan = conn.execute(
            text(
                "INSERT INTO seating_plan (venue_id, name, version, width, height, source) "
                "VALUES (:v, 'Screen', 1, 100, 100, '{}') RETURNING id"
            ),
            {"v": other},
        ).scalar_one()
        starts = dt.datetime(2031, 1, 2, 20, 0, tzinfo=dt.UTC)
        later = conn.execute(
            text(
                "INSERT INTO showtime (show_id, plan_id, starts_at, off_sale_at) VALUES (:s, :p, :t, :o) RETURNING id"
            ),
            {"s": house["show_id"], "p": plan, "t": starts, "o": starts - dt.timedelta(hours=1)},
        ).scalar_one()
    upgrade(engine, "head")
    with engine.begin() as conn:
        halls = conn.execute(text("SELECT venue_id, name FROM hall ORDER BY venue_id")).all()
        assert [tuple(h) for h in halls] == [(house["venue_id"], "Main hall"), (other, "Main hall")]
        plans = conn.execute(
            text(
                "SELECT p.id, h.venue_id = p.venue_id FROM seating_plan p JOIN hall h ON h.id = p.hall_id ORDER BY p.id"
            )
        ).all()
        assert [tuple(p) for p in plans] == [(house["plan_id"], True), (plan, True)]
        rows = conn.execute(
            text(
                "SELECT st.id, st.hall_id = p.hall_id, st.off_sale_default, st.off_sale_at - st.starts_at "
                "FROM showtime st JOIN seating_plan p ON p.id = st.plan_id ORDER BY st.id"
            )
        ).all()
        # the old showtime had no off-sale time: now the default; the other keeps its own
        assert [tuple(r) for r in rows] == [
            (house["showtime_id"], True, True, dt.timedelta(minutes=30)),
            (later, True, False, dt.timedelta(hours=-1)),
        ]
        # the overlap rule still holds per hall after the upgrade
    with pytest.raises(IntegrityError, match="showtime_no_overlap"), engine.begin() as conn:
        conn.execute(
            text("INSERT INTO showtime (show_id, plan_id, starts_at) VALUES (:s, :p, :t)"),
            {"s": house["show_id"], "p": plan, "t": starts + dt.timedelta(minutes=5)},
        )
    # and a second hall of the same venue takes the same time
    with engine.begin() as conn:
        hall2 = conn.execute(
            text("INSERT INTO hall (venue_id, name, position) VALUES (:v, 'Screen 2', 1) RETURNING id"), {"v": other}
        ).scalar_one()
        plan2 = conn.execute(
            text(
                "INSERT INTO seating_plan (venue_id, hall_id, name, version, width, height, source) "
                "VALUES (:v, :h, 'Screen 2', 1, 100, 100, '{}') RETURNING id"
            ),
            {"v": other, "h": hall2},
        ).scalar_one()
        conn.execute(
            text("INSERT INTO showtime (show_id, plan_id, starts_at) VALUES (:s, :p, :t)"),
            {"s": house["show_id"], "p": plan2, "t": starts},
        )
    # back down: one venue, one showtime at a time again; the overlap in the second hall is left unchecked
    _downgrade(engine, "0024_comp_refunds")
    with engine.begin() as conn:
        assert conn.execute(text("SELECT to_regclass('hall')")).scalar_one() is None
        ends = conn.execute(text("SELECT ends_at IS NULL FROM showtime ORDER BY id")).scalars().all()
        assert ends == [False, False, True]
        off = conn.execute(text("SELECT off_sale_at FROM showtime WHERE id = :s"), {"s": house["showtime_id"]})
        assert off.scalar_one() is None
    upgrade(engine, "head")
