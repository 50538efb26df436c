"""Companion seats (a wheelchair user's companion): the plan's flag reaches the seat row
on import and by the 0007 backfill, and the door's ADMIT shows a notice for them,
online and offline."""

from __future__ import annotations

import json

from alembic import command
from sqlalchemy import text

from boxoffice.config import DEMO_PLAN_PATH as DEMO  # noqa: E402
from boxoffice.db.migrate import alembic_config, upgrade
from boxoffice.domain.admission import VerdictKind, describe
from boxoffice.door.station import DoorStation
from boxoffice.services import admission, plans, tickets
from tests.door_helpers import door, open_house, sell


def _flagged_plan() -> tuple[dict, str]:
    data = json.loads(DEMO.read_text())
    guid = next(s["seat_guid"] for z in data["zones"] for r in z["rows"] for s in r["seats"])
    data["x-boxoffice"] = {"seats": {guid: {"companion": True}}}
    return data, guid


def _companions(session) -> list[str]:
    rows = [r[0] for r in session.execute(text("SELECT guid FROM seat WHERE companion ORDER BY guid"))]
    session.rollback()
    return rows


def test_import_writes_the_flag_and_the_migration_backfills_it(engine, session):
    data, guid = _flagged_plan()
    plans.import_plan(session, venue_name="Companion Hall", data=data)
    assert _companions(session) == [guid]
    session.close()
    cfg = alembic_config()
    with engine.connect() as conn:  # down to 0006 and up again: the column comes back from the JSON
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0006_ticket_types_at_sale")
        conn.commit()
        assert (
            conn.execute(
                text(
                    "SELECT count(*) FROM information_schema.columns "
                    "WHERE table_name = 'seat' AND column_name = 'companion'"
                )
            ).scalar_one()
            == 0
        )
    upgrade(engine)
    assert _companions(session) == [guid]


def test_admit_shows_a_companion_notice_online_and_offline(session, tmp_path):
    house = open_house(session)
    companion, plain = house["seat_ids"][3], house["seat_ids"][4]
    session.execute(text("UPDATE seat SET companion = true WHERE id = :s"), {"s": companion})
    session.commit()
    sold = sell(session, house["showtime_id"], [companion, plain])
    keys = tickets.venue_public_keys(session)
    online = admission.scan(session, code=sold[0].code, door=door(house), keys=keys)
    assert online.kind is VerdictKind.ADMIT and online.facts.companion
    assert "COMPANION SEAT: next to a wheelchair space" in describe(online)
    other = admission.scan(session, code=sold[1].code, door=door(house), keys=keys)
    assert not any("COMPANION" in line for line in describe(other))

    station = DoorStation(door=door(house, "South"), folder=tmp_path / "door")
    station.sync(session)  # the offline copy knows the flag too
    assert station.copy.facts(sold[0].ticket_id, house["showtime_id"]).companion
    assert not station.copy.facts(sold[1].ticket_id, house["showtime_id"]).companion
