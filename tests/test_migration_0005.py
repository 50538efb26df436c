"""Migration 0005 on a database that already has data: overlapping legacy showtimes are
kept (and left unchecked), ticket types are seeded, and the downgrade restores 0004."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from boxoffice.db.migrate import alembic_config, upgrade
from tests.factories import make_small_house


def _to(engine, revision: str, down: bool = False) -> None:
    if not down:
        upgrade(engine, revision)
        return
    cfg = alembic_config()
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
        conn.commit()


def test_upgrade_keeps_legacy_overlaps_and_downgrade_restores_0004(engine, session):
    house = make_small_house(session)
    session.close()
    _to(engine, "0004_staff_audit", down=True)
    with engine.begin() as conn:
        assert conn.execute(text("SELECT to_regclass('ticket_type')")).scalar_one() is None
        starts = conn.execute(text("SELECT starts_at FROM showtime")).scalar_one()
        # two showtimes that overlap the first one, as an old database may have them
        for minutes in (30, 60):
            conn.execute(
                text("INSERT INTO showtime (show_id, plan_id, starts_at) VALUES (:s, :p, :t)"),
                {"s": house["show_id"], "p": house["plan_id"], "t": starts + dt.timedelta(minutes=minutes)},
            )
        conn.execute(text("UPDATE showtime SET status = 'cancelled' WHERE id = (SELECT max(id) FROM showtime)"))
    _to(engine, "head")
    with engine.begin() as conn:
        rows = conn.execute(
            text("SELECT id, ends_at IS NULL, status, cancelled_at IS NOT NULL FROM showtime ORDER BY id")
        ).all()
        # the first keeps its end; the overlapping one is left unchecked; the cancelled one is not in the way
        assert [tuple(r)[1:] for r in rows] == [
            (False, "on_sale", False),
            (True, "on_sale", False),
            (False, "cancelled", True),
        ]
        codes = conn.execute(text("SELECT code FROM ticket_type ORDER BY position")).scalars().all()
        assert codes == ["full", "concession", "child", "complimentary"]
    with pytest.raises(IntegrityError, match="showtime_no_overlap"), engine.begin() as conn:
        conn.execute(
            text("INSERT INTO showtime (show_id, plan_id, starts_at) VALUES (:s, :p, :t)"),
            {"s": house["show_id"], "p": house["plan_id"], "t": starts + dt.timedelta(minutes=90)},
        )
    # and back down: the 0004 functions work again
    _to(engine, "0004_staff_audit", down=True)
    with engine.begin() as conn:
        conn.execute(
            text("SELECT bo_hold(:s, ARRAY[:seat], gen_random_uuid(), 'till', 60)"),
            {"s": house["showtime_id"], "seat": house["seat_ids"][0]},
        )
        assert conn.execute(text("SELECT to_regclass('price_rule')")).scalar_one() is None
