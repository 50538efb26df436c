"""The door station offline: it keeps deciding on the signature, its local copy and its
own admissions, queues admissions in a JSON file, uploads them on reconnect, and reports
a ticket admitted elsewhere meanwhile (to the caller and in ``admission_conflict``).

"The database cannot be reached" is a session on a server that does not exist.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest
from sqlalchemy import text
from sqlalchemy.pool import NullPool

from boxoffice.db.engine import make_engine, make_session_factory
from boxoffice.device_key import this_device
from boxoffice.domain import ticket_code
from boxoffice.domain.admission import VerdictKind, describe
from boxoffice.door.station import DoorStation
from boxoffice.services import admission, device_keys, door_info, tickets
from tests.door_helpers import door, open_house, sell


@pytest.fixture
def dead_session():
    engine = make_engine("postgresql+psycopg://nobody@/nowhere?host=/nonexistent", poolclass=NullPool, pool_size=None)
    with make_session_factory(engine)() as session:
        yield session
    engine.dispose()


@pytest.fixture
def house(session):
    house = open_house(session)
    house["tickets"] = sell(session, house["showtime_id"], house["seat_ids"][:6])
    return house


@pytest.fixture
def station(session, house, tmp_path):
    station = DoorStation(door=door(house, "North"), folder=tmp_path / "door")
    report = station.sync(session)  # online once: keys, showtimes and tickets copied
    assert report.refreshed and report.tickets == 6 and station.online is True
    return station


def _db(session, sql, **params):
    rows = session.execute(text(sql), params).all()
    session.rollback()
    return rows


def test_online_scan_then_offline_knows_its_own_admissions(session, dead_session, house, station):
    first, second = house["tickets"][:2]
    assert station.scan(session, first.code).kind is VerdictKind.ADMIT
    offline = station.scan(dead_session, first.code)
    assert station.online is False
    assert offline.kind is VerdictKind.ALREADY_ADMITTED and offline.offline and offline.gate == "North"
    verdict = station.scan(dead_session, second.code)
    assert verdict.kind is VerdictKind.ADMIT and verdict.offline
    assert verdict.facts.row == "A" and verdict.facts.seat == "2"  # seat from the local copy
    assert describe(verdict)[-1] == "Checked offline"
    assert station.scan(dead_session, second.code).kind is VerdictKind.ALREADY_ADMITTED
    # a JSON Lines file in the data dir, written before the verdict was shown
    queue = [json.loads(line) for line in station.queue.path.read_text().splitlines()]
    assert [(s["ticket_id"], s["kind"]) for s in queue] == [(second.ticket_id, "entry")]


def test_offline_verdicts_from_the_signature_and_the_local_copy(session, dead_session, house, station, tmp_path):
    reprinted, good = house["tickets"][4], house["tickets"][5]
    (refunded,) = sell(session, house["showtime_id"], [house["seat_ids"][10]])  # an order of its own
    session.execute(text("SELECT bo_refund_order(order_id) FROM ticket WHERE id = :t"), {"t": refunded.ticket_id})
    session.commit()
    new = tickets.reissue_code(session, ticket_id=reprinted.ticket_id)
    station.sync(session)  # the refresh brings the void list
    void = station.scan(dead_session, refunded.code)
    assert (void.kind, void.reason, void.offline) == (VerdictKind.VOID, "refunded", True)
    old = station.scan(dead_session, reprinted.code)
    assert (old.kind, old.reason, old.offline) == (VerdictKind.VOID, "reprinted", True)
    assert station.scan(dead_session, new.code).kind is VerdictKind.ADMIT
    private, _ = ticket_code.new_key_pair()
    forged = ticket_code.encode(
        ticket_code.TicketClaim(house["venue_id"], house["showtime_id"], good.ticket_id, 1), private
    )
    assert station.scan(dead_session, forged).kind is VerdictKind.NOT_VALID
    till = this_device()  # the tests' till key, enrolled in conftest
    other = ticket_code.TicketClaim(device_keys.enrolled_id(session, till), house["showtime_id"] + 1, 77, 1)
    wrong = station.scan(dead_session, till.sign(other))
    assert wrong.kind is VerdictKind.WRONG_SHOWTIME and wrong.offline
    too_early = DoorStation(
        door=door(house, "North"),
        folder=tmp_path / "door",
        clock=lambda: dt.datetime.now(dt.UTC) - dt.timedelta(hours=1),
    )
    verdict = too_early.scan(dead_session, good.code)
    assert verdict.kind is VerdictKind.TOO_EARLY and verdict.offline


def test_reconnect_uploads_and_reports_a_ticket_admitted_elsewhere_meanwhile(session, dead_session, house, station):
    clash, clean = house["tickets"][0], house["tickets"][1]
    assert station.scan(dead_session, clash.code).kind is VerdictKind.ADMIT
    assert station.scan(dead_session, clean.code).kind is VerdictKind.ADMIT
    assert station.pending == 2
    # meanwhile South, online, admits the same ticket
    keys = tickets.venue_public_keys(session)
    south = admission.scan(session, code=clash.code, door=door(house, "South"), keys=keys)
    assert south.kind is VerdictKind.ADMIT
    station.scan(dead_session, house["tickets"][2].code, exit_scan=True)  # not inside: refused, not queued

    report = station.sync(session)
    assert report.uploaded == 2 and station.pending == 0 and station.online is True
    (conflict,) = report.conflicts
    assert conflict.scan.ticket_id == clash.ticket_id
    assert conflict.verdict.kind is VerdictKind.ALREADY_ADMITTED and conflict.verdict.gate == "South"
    assert conflict.verdict.conflict_id is not None
    assert [c.scan.ticket_id for c in station.take_conflicts()] == [clash.ticket_id]  # for the door staff
    assert station.take_conflicts() == []
    rows = door_info.conflicts(session, showtime_ids=[house["showtime_id"]])  # for the manager
    assert [(c.ticket_id, c.gate, c.verdict, c.other_gate) for c in rows] == [
        (clash.ticket_id, "North", "already_admitted", "South")
    ]
    assert _db(session, "SELECT ticket_id, gate, offline FROM admission ORDER BY id") == [
        (clash.ticket_id, "South", False),
        (clean.ticket_id, "North", True),
    ]
    # back online: the clean ticket is known as admitted at North
    again = station.scan(session, clean.code)
    assert again.kind is VerdictKind.ALREADY_ADMITTED and again.gate == "North" and not again.offline


def test_upload_is_idempotent_and_survives_a_restart(session, dead_session, house, station, tmp_path):
    view = house["tickets"][0]
    assert station.scan(dead_session, view.code).kind is VerdictKind.ADMIT
    (queued,) = station.queue.scans
    restarted = DoorStation(door=door(house, "North"), folder=tmp_path / "door")  # the door restarts offline
    assert restarted.pending == 1
    assert restarted.scan(dead_session, view.code).kind is VerdictKind.ALREADY_ADMITTED
    assert restarted.sync(session).uploaded == 1
    replay = admission.admit_claim(  # the same upload again (say, the answer was lost)
        session,
        claim=ticket_code.TicketClaim(0, queued.showtime_id, queued.ticket_id, queued.serial),
        door=door(house, "North"),
        offline_id=queued.id,
        scanned_at=queued.scanned_at,
    )
    assert replay.kind is VerdictKind.ADMIT and replay.replayed
    assert _db(session, "SELECT count(*) FROM admission") == [(1,)]
    assert _db(session, "SELECT entries FROM ticket WHERE id = :t", t=view.ticket_id) == [(1,)]


def test_a_door_never_online_says_so(dead_session, house, tmp_path):
    station = DoorStation(door=door(house), folder=tmp_path / "fresh")
    verdict = station.scan(dead_session, house["tickets"][0].code)
    assert verdict.kind is VerdictKind.NOT_VALID and "online once" in verdict.reason


def test_queued_scan_round_trips_as_json():
    scan = admission.QueuedScan(uuid.uuid4(), "entry", 5, 2, 9, dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.UTC))
    assert admission.QueuedScan.from_json(json.loads(json.dumps(scan.as_json()))) == scan
    with pytest.raises(ValueError):
        admission.QueuedScan.from_json({**scan.as_json(), "kind": "teleport"})


def test_a_torn_last_line_of_the_queue_is_skipped(tmp_path, house):
    scan = admission.QueuedScan(uuid.uuid4(), "entry", 5, 1, house["showtime_id"], dt.datetime.now(dt.UTC))
    folder = tmp_path / "door"
    folder.mkdir()
    (folder / "north-queue.jsonl").write_text(json.dumps(scan.as_json()) + "\n" + '{"id": "7f1', encoding="utf-8")
    station = DoorStation(door=door(house, "North"), folder=folder)
    assert station.queue.scans == [scan] and not station.queue.unreadable


def test_managers_list_conflicts_on_the_command_line(db_url, session, house, monkeypatch, capsys):
    from boxoffice import cli

    view = house["tickets"][0]
    keys = tickets.venue_public_keys(session)
    assert admission.scan(session, code=view.code, door=door(house, "South"), keys=keys).admitted
    late = admission.admit_claim(
        session,
        claim=ticket_code.TicketClaim(0, house["showtime_id"], view.ticket_id, 1),
        door=door(house, "North"),
        offline_id=uuid.uuid4(),
        scanned_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=2),
    )
    assert late.kind is VerdictKind.ALREADY_ADMITTED and late.conflict_id is not None
    monkeypatch.setenv("BOXOFFICE_DATABASE_URL", db_url)
    assert cli.main(["admission-conflicts"]) == 0
    out = capsys.readouterr().out
    assert f"ticket {view.ticket_id}" in out and "already admitted" in out and "first at South" in out
    assert out.strip().endswith("1 open admission conflict(s).")
    assert cli.main(["admission-conflicts", "--json", "--showtime", str(house["showtime_id"])]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["ticket_id"], row["gate"], row["other_gate"]) == (view.ticket_id, "North", "South")
    assert cli.main(["door", "--gate", " "]) == 2


def test_the_door_logic_does_not_import_qt():
    import subprocess
    import sys

    code = (
        "import sys, boxoffice.door.station, boxoffice.services.admission, boxoffice.services.door_info; "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_what_an_online_scan_learns_is_remembered_offline(session, dead_session, house, station):
    view = house["tickets"][3]
    keys = tickets.venue_public_keys(session)
    admission.scan(session, code=view.code, door=door(house, "South"), keys=keys)  # after North's refresh
    assert station.scan(session, view.code).kind is VerdictKind.ALREADY_ADMITTED  # North learns it online
    offline = station.scan(dead_session, view.code)
    assert (offline.kind, offline.gate, offline.offline) == (VerdictKind.ALREADY_ADMITTED, "South", True)


def test_a_door_not_synced_yet_fetches_the_keys(session, house, tmp_path):
    fresh = DoorStation(door=door(house), folder=tmp_path / "new")
    assert fresh.scan(session, house["tickets"][0].code).kind is VerdictKind.ADMIT


def test_signed_in_door_staff_refresh_the_copy_and_upload(session, dead_session, house, tmp_path):
    """As the door app runs it: every transaction of a signed-in session starts with
    ``bo_act_as``, and the copy's consistent snapshot and the upload still work."""
    from boxoffice.services.auth import act_as
    from tests.factories import make_actor

    act_as(session, make_actor(session, role="door"))
    station = DoorStation(door=door(house, "North"), folder=tmp_path / "door")
    report = station.sync(session)
    assert report.refreshed and report.tickets == 6 and station.online is True
    assert station.scan(dead_session, house["tickets"][0].code).kind is VerdictKind.ADMIT
    assert station.sync(session).uploaded == 1
    act_as(session, None)
    assert _db(session, "SELECT inside, admitted_gate FROM ticket WHERE id = :t", t=house["tickets"][0].ticket_id) == [
        (True, "North")
    ]
