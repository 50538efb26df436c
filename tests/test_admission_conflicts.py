"""Managers follow up admission conflicts (tickets let in twice while a door was
offline): the list with order and seat, permission checks, resolving with a note
(audited, once only), on the command line and in Manage → Admission conflicts."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.pool import NullPool

from boxoffice.db.engine import make_engine, make_session_factory
from boxoffice.domain.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from boxoffice.door.station import DoorStation
from boxoffice.services import admission, door_info, tickets
from boxoffice.services.auth import act_as
from tests.door_helpers import door, open_house, sell
from tests.factories import make_actor


@pytest.fixture
def clash(session, tmp_path):
    """A ticket North let in offline while South admitted it online: one open conflict."""
    house = open_house(session)
    sold = sell(session, house["showtime_id"], house["seat_ids"][:2])
    station = DoorStation(door=door(house, "North"), folder=tmp_path / "door")
    station.sync(session)
    engine = make_engine("postgresql+psycopg://nobody@/nowhere?host=/nonexistent", poolclass=NullPool, pool_size=None)
    with make_session_factory(engine)() as dead:
        station.scan(dead, sold[0].code)
    engine.dispose()
    admission.scan(session, code=sold[0].code, door=door(house, "South"), keys=tickets.venue_public_keys(session))
    (upload,) = station.sync(session).conflicts
    return {"house": house, "ticket": sold[0], "conflict_id": upload.verdict.conflict_id}


def _db(session, sql, **params):
    rows = session.execute(text(sql), params).all()
    session.rollback()
    return rows


def test_managers_list_and_resolve_once_with_a_note(session, clash):
    cashier, manager = make_actor(session, role="cashier"), make_actor(session, role="manager")
    act_as(session, cashier)
    with pytest.raises(PermissionDeniedError):
        door_info.conflicts(session)
    with pytest.raises(PermissionDeniedError):
        door_info.resolve_conflict(session, conflict_id=clash["conflict_id"])
    act_as(session, manager)
    (row,) = door_info.conflicts(session)
    ticket = clash["ticket"]
    assert (row.ticket_id, row.gate, row.verdict, row.other_gate) == (
        ticket.ticket_id,
        "North",
        "already_admitted",
        "South",
    )
    assert row.order_number == ticket.order_number and row.seat == f"Stalls · Row {ticket.row} · Seat {ticket.seat}"
    with pytest.raises(InvalidInputError):
        door_info.resolve_conflict(session, conflict_id=row.id, note="x" * 501)
    with pytest.raises(NotFoundError):
        door_info.resolve_conflict(session, conflict_id=row.id + 1000)
    done = door_info.resolve_conflict(session, conflict_id=row.id, note="second guest seated in K12")
    assert done.resolved_at is not None and done.resolved_by == manager.username
    with pytest.raises(InvalidInputError):
        door_info.resolve_conflict(session, conflict_id=row.id)
    assert door_info.conflicts(session) == []
    assert [c.id for c in door_info.conflicts(session, open_only=False)] == [row.id]
    act_as(session, None)
    assert _db(
        session, "SELECT actor, action, details->>'note' FROM audit_log WHERE action = 'admission_conflict.resolve'"
    ) == [(manager.username, "admission_conflict.resolve", "second guest seated in K12")]


def test_the_command_line_resolves(db_url, session, clash, monkeypatch, capsys):
    from boxoffice.cli import main

    monkeypatch.setenv("BOXOFFICE_DATABASE_URL", db_url)
    assert main(["admission-conflicts"]) == 0
    out = capsys.readouterr().out
    assert clash["ticket"].order_number in out and "1 open admission conflict(s)." in out
    assert main(["admission-conflicts", "--resolve", str(clash["conflict_id"]), "--note", "checked"]) == 0
    assert _db(session, "SELECT resolved_by, note FROM admission_conflict") == [("system", "checked")]
    assert main(["admission-conflicts", "--resolve", str(clash["conflict_id"])]) == 1
    assert "resolved already" in capsys.readouterr().err


def test_the_manage_screen_lists_and_resolves(qtbot, session, session_factory, clash):
    from boxoffice.ui.common.tasks import TaskRunner
    from boxoffice.ui.door.admission_conflicts import AdmissionConflictsDialog

    manager = make_actor(session, role="manager", username="mia")
    runner = TaskRunner(session_factory, actor=manager)
    dialog = AdmissionConflictsDialog(runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)
    cells = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert clash["ticket"].order_number in cells[2] and cells[3].startswith("North")
    assert cells[4].startswith("already admitted at South")
    assert not dialog.resolve_button.isEnabled()  # nothing selected yet
    dialog.table.selectRow(0)
    assert dialog.resolve_button.isEnabled()
    dialog.resolve_selected(note="refunded the second guest")
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0 and "No open" in dialog.status.text(), timeout=5000)
    dialog.show_resolved.setChecked(True)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)
    assert dialog.table.item(0, 5).text().endswith("by mia: refunded the second guest")
    runner.wait(5000)
    assert _db(session, "SELECT resolved_by FROM admission_conflict") == [("mia",)]
