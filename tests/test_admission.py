"""Admission verdicts through the door's code path, checked against the database.

Each code is verified by its signature before any look-up; the database (``bo_admit``)
decides the rest. Every verdict the door shows is covered: ADMIT, ALREADY ADMITTED,
WRONG SHOWTIME, VOID (refunded, exchanged, reprinted), NOT VALID (forged, tampered,
other key, unknown ticket) and TOO EARLY, plus exits, re-entry and hand look-up.
"""

from __future__ import annotations

import base64
import datetime as dt

import pytest
import zxingcpp
from sqlalchemy import text
from sqlalchemy.pool import NullPool

from boxoffice.db.engine import make_engine, make_session_factory
from boxoffice.device_key import this_device
from boxoffice.domain import ticket_code
from boxoffice.domain.admission import VerdictKind, describe
from boxoffice.printing import render_tickets_pdf
from boxoffice.printing.render import pdf_page_images
from boxoffice.services import admission, device_keys, door_info, setup, tickets
from tests.door_helpers import door, open_house, sell


@pytest.fixture
def house(session):
    house = open_house(session)
    house["tickets"] = sell(session, house["showtime_id"], house["seat_ids"][:3] + [house["seat_ids"][20]])
    house["keys"] = tickets.venue_public_keys(session)
    return house


def _scan(session, house, code, gate="North", **kw):
    return admission.scan(session, code=code, door=door(house, gate), keys=house["keys"], **kw)


def _rows(session, sql, **params):
    rows = session.execute(text(sql), params).all()
    session.rollback()
    return rows


def _forge(claim: ticket_code.TicketClaim) -> str:
    private, _ = ticket_code.new_key_pair()
    return ticket_code.encode(claim, private)


def test_admit_then_already_admitted_with_time_and_gate(session, house):
    code = house["tickets"][0].code
    first = _scan(session, house, code, gate="North")
    assert first.kind is VerdictKind.ADMIT and first.admitted and not first.reentry
    assert first.facts.section == "Stalls" and first.facts.row == "A" and first.facts.seat == "1"
    assert first.facts.category == "A"
    second = _scan(session, house, code, gate="South")
    assert second.kind is VerdictKind.ALREADY_ADMITTED
    assert (second.gate, second.at) == ("North", first.at)
    assert "Admitted at" in describe(second)[0] and "gate North" in describe(second)[0]
    rows = _rows(
        session,
        "SELECT gate, kind, method, offline FROM admission WHERE ticket_id = :t",
        t=house["tickets"][0].ticket_id,
    )
    assert rows == [("North", "entry", "scan", False)]
    state = _rows(
        session, "SELECT inside, admitted_gate, entries FROM ticket WHERE id = :t", t=house["tickets"][0].ticket_id
    )
    assert state == [(True, "North", 1)]


def test_wheelchair_space_is_announced(session, house):
    wheelchair = next(t for t in house["tickets"] if t.wheelchair)
    verdict = _scan(session, house, wheelchair.code)
    assert verdict.kind is VerdictKind.ADMIT and verdict.facts.wheelchair
    assert any("WHEELCHAIR" in line for line in describe(verdict))


@pytest.mark.parametrize("how", ["forged", "tampered", "other_key", "unknown_key", "garbage"])
def test_bad_codes_are_not_valid_without_touching_the_database(session, house, how):
    view = house["tickets"][0]
    claim = ticket_code.TicketClaim(house["venue_id"], house["showtime_id"], view.ticket_id, 1)
    if how == "forged":  # a made-up ticket id, signed with a key the venue never had
        code = _forge(ticket_code.TicketClaim(house["venue_id"], house["showtime_id"], 999_999, 1))
    elif how == "tampered":  # one byte of the ticket id changed, signature kept
        raw = bytearray(base64.b32decode(view.code + "=" * (-len(view.code) % 8)))
        raw[14] ^= 0x01
        code = base64.b32encode(bytes(raw)).decode().rstrip("=")
    elif how == "other_key":  # a genuine claim, but another key's signature
        code = _forge(claim)
    elif how == "unknown_key":
        code = _forge(ticket_code.TicketClaim(4242, house["showtime_id"], view.ticket_id, 1))
    else:
        code = "HELLO-WORLD"
    dead = make_engine("postgresql+psycopg://nobody@/nowhere?host=/nonexistent", poolclass=NullPool, pool_size=None)
    try:
        with make_session_factory(dead)() as offline_session:  # would raise if the scan looked anything up
            verdict = admission.scan(offline_session, code=code, door=door(house), keys=house["keys"])
    finally:
        dead.dispose()
    assert verdict.kind is VerdictKind.NOT_VALID
    assert describe(verdict)[0] == "Unreadable, forged or unknown code"
    assert _rows(session, "SELECT count(*) FROM admission") == [(0,)]
    assert _scan(session, house, view.code).kind is VerdictKind.ADMIT  # the genuine code still works


def test_unknown_ticket_with_a_genuine_signature_is_not_valid(session, house):
    till = this_device()  # the tests' till key, enrolled in conftest
    code = till.sign(ticket_code.TicketClaim(device_keys.enrolled_id(session, till), house["showtime_id"], 987_654, 1))
    verdict = _scan(session, house, code)
    assert verdict.kind is VerdictKind.NOT_VALID and "unknown ticket" in verdict.reason


def test_refunded_ticket_is_void(session, house):
    view = house["tickets"][0]
    order_id = _rows(session, "SELECT order_id FROM ticket WHERE id = :t", t=view.ticket_id)[0][0]
    session.execute(text("SELECT bo_refund_order(:o)"), {"o": order_id})
    session.commit()
    verdict = _scan(session, house, view.code)
    assert (verdict.kind, verdict.reason) == (VerdictKind.VOID, "refunded")
    assert describe(verdict)[0] == "Refunded ticket"
    assert _rows(session, "SELECT count(*) FROM admission") == [(0,)]


def test_exchanged_ticket_is_void(session, house):
    view = house["tickets"][1]
    session.execute(
        text("UPDATE ticket SET status = 'exchanged', voided_at = now() WHERE id = :t"), {"t": view.ticket_id}
    )
    session.commit()
    verdict = _scan(session, house, view.code)
    assert (verdict.kind, verdict.reason) == (VerdictKind.VOID, "exchanged")


def test_reprinted_ticket_voids_the_old_code_only(session, house):
    old = house["tickets"][0]
    new = tickets.reissue_code(session, ticket_id=old.ticket_id)
    assert new.code != old.code
    verdict = _scan(session, house, old.code)
    assert (verdict.kind, verdict.reason) == (VerdictKind.VOID, "reprinted")
    assert "older copy" in describe(verdict)[0]
    assert _scan(session, house, new.code).kind is VerdictKind.ADMIT


def test_wrong_showtime_names_the_ticket_s_showtime(session, house):
    later = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=2)
    other = setup.schedule_showtime(
        session, show_id=house["show_id"], plan_id=house["plan_id"], starts_at=later, prices={"A": 2500, "B": 1500}
    )
    (view,) = sell(session, other, [house["seat_ids"][5]])
    verdict = _scan(session, house, view.code)
    assert verdict.kind is VerdictKind.WRONG_SHOWTIME and verdict.showtime_id == other
    assert verdict.facts.show_title == "Test Show" and verdict.facts.starts_at == later
    lines = describe(verdict, dt.UTC)
    assert lines[0] == "This ticket is for:" and lines[1].startswith("Test Show, ")
    # a gate that serves both showtimes gets past that check (to the doors, not open yet)
    both = admission.Door(gate="Main", device="d", serving=(house["showtime_id"], other))
    assert admission.scan(session, code=view.code, door=both, keys=house["keys"]).kind is VerdictKind.TOO_EARLY


def test_too_early_until_the_doors_open(session):
    house = open_house(session, starts_in=dt.timedelta(hours=2))  # doors at 1 h 15 min from now
    (view,) = sell(session, house["showtime_id"], [house["seat_ids"][0]])
    keys = tickets.venue_public_keys(session)
    verdict = admission.scan(session, code=view.code, door=door(house), keys=keys)
    assert verdict.kind is VerdictKind.TOO_EARLY
    starts = _rows(session, "SELECT starts_at FROM showtime WHERE id = :s", s=house["showtime_id"])[0][0]
    assert verdict.at == starts - dt.timedelta(minutes=45)
    assert describe(verdict)[0].startswith("Doors open at ")
    door_info.set_doors_open(
        session, showtime_id=house["showtime_id"], doors_open_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    )
    assert admission.scan(session, code=view.code, door=door(house), keys=keys).kind is VerdictKind.ADMIT


def test_exit_allows_re_entry_recorded_as_such(session, house):
    view = house["tickets"][0]
    assert _scan(session, house, view.code, exit_scan=True).kind is VerdictKind.NOT_INSIDE
    assert _scan(session, house, view.code).kind is VerdictKind.ADMIT
    out = _scan(session, house, view.code, gate="South", exit_scan=True)
    assert out.kind is VerdictKind.EXITED and out.admitted
    again = _scan(session, house, view.code, gate="South")
    assert again.kind is VerdictKind.ADMIT and again.reentry and "Re-entry" in describe(again)
    assert _scan(session, house, view.code).kind is VerdictKind.ALREADY_ADMITTED
    rows = _rows(
        session, "SELECT kind, reentry, gate FROM admission WHERE ticket_id = :t ORDER BY id", t=view.ticket_id
    )
    assert rows == [("entry", False, "North"), ("exit", False, "South"), ("entry", True, "South")]


def test_look_up_by_order_number_or_email_and_admit_by_hand(session, house):
    number = house["tickets"][0].order_number
    found = door_info.find_tickets(session, query=number.lower(), showtime_ids=[house["showtime_id"]])
    assert [f.facts.ticket_id for f in found] == [t.ticket_id for t in house["tickets"]]
    short = str(int(number.removeprefix("BO-")))
    assert len(door_info.find_tickets(session, query=short, showtime_ids=[house["showtime_id"]])) == 4
    assert door_info.find_tickets(session, query="nobody@example.org", showtime_ids=[house["showtime_id"]]) == []
    verdict = admission.admit_ticket(
        session, ticket_id=found[1].facts.ticket_id, showtime_id=house["showtime_id"], door=door(house)
    )
    assert verdict.kind is VerdictKind.ADMIT
    assert _rows(session, "SELECT method FROM admission") == [("manual",)]
    again = door_info.find_tickets(session, query=number, showtime_ids=[house["showtime_id"]])
    assert [f.inside for f in again] == [False, True, False, False]


def test_counters_per_showtime_and_gate_and_arrivals(session, house):
    codes = [t.code for t in house["tickets"]]
    _scan(session, house, codes[0], gate="North")
    _scan(session, house, codes[1], gate="North")
    _scan(session, house, codes[2], gate="South")
    _scan(session, house, codes[2], gate="North")  # refused: not counted
    counters = door_info.door_counters(session, showtime_ids=[house["showtime_id"]])
    (count,) = counters.showtimes
    assert (count.expected, count.admitted, count.inside) == (4, 3, 3)
    assert counters.per_gate == {"North": 2, "South": 1}
    assert sum(n for _, n in counters.arrivals) == 3


def test_a_printed_ticket_s_qr_is_admitted(session, house):
    view = house["tickets"][0]
    (image,) = pdf_page_images(render_tickets_pdf([view], layout="roll80"), dpi=200)
    (decoded,) = [b.text for b in zxingcpp.read_barcodes(image) if b.format == zxingcpp.BarcodeFormat.QRCode]
    verdict = _scan(session, house, decoded)
    assert verdict.kind is VerdictKind.ADMIT and verdict.ticket_id == view.ticket_id


def test_door_needs_gate_and_device():
    with pytest.raises(ValueError):
        admission.Door(gate=" ", device="x", serving=(1,))


def test_scanning_needs_the_scan_permission(session, house):
    """Roles are enforced in the service: a cashier's scan is refused before the database
    admits anything; door staff admit. (tests/factories.make_actor; docs/staff-and-audit.md)"""
    from boxoffice.domain.errors import PermissionDeniedError
    from boxoffice.services.auth import act_as
    from tests.factories import make_actor

    cashier = make_actor(session, role="cashier")
    doorman = make_actor(session, role="door")
    code = house["tickets"][0].code
    act_as(session, cashier)
    with pytest.raises(PermissionDeniedError):
        _scan(session, house, code)
    session.rollback()
    assert _rows(session, "SELECT inside FROM ticket WHERE id = :t", t=house["tickets"][0].ticket_id) == [(False,)]
    act_as(session, doorman)
    assert _scan(session, house, code).kind is VerdictKind.ADMIT
    act_as(session, None)
    assert _rows(session, "SELECT inside FROM ticket WHERE id = :t", t=house["tickets"][0].ticket_id) == [(True,)]
