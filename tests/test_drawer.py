"""The drawer (issue 11, migration 0015_drawer) on real PostgreSQL: shifts, drops and
pay-outs, expected cash, blind close into a numbered Z report, web takings of the day."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from boxoffice.domain.drawer import (
    DrawerShortError,
    NoOpenShiftError,
    ShiftAlreadyOpenError,
    ShiftClosedError,
)
from boxoffice.domain.errors import InvalidInputError, PermissionDeniedError
from boxoffice.services import bookings, drawer, inventory, refunds
from boxoffice.services.auth import act_as
from tests.drawer_helpers import open_shift_as, sell_as
from tests.factories import make_actor, make_small_house


@pytest.fixture
def house(session):
    return make_small_house(session, prices={"A": 2500, "B": 1500})


def _as(session, actor, fn, *args, **kwargs):
    act_as(session, actor)
    try:
        return fn(session, *args, **kwargs)
    finally:
        act_as(session, None)


def test_expected_cash_is_float_plus_cash_in_minus_cash_out(session, house):
    ann = make_actor(session, role="cashier", till="till:front-1")
    shift = open_shift_as(session, ann, 10_000)
    sold = [sell_as(session, ann, house, i, tendered=5_000) for i in (0, 1, 10)]  # 2500, 2500, 1500 (B row)
    sell_as(session, ann, house, 11, method="card")  # 1500 by card: not in the drawer
    _as(session, ann, refunds.refund_order, order_number=sold[2].order_number, reason="wrong day")  # 1500 out
    _as(session, ann, drawer.record_movement, shift, "drop", 2_000, "to the safe")
    _as(session, ann, drawer.record_movement, shift, "payout", 350, "milk for the office")

    x = _as(session, ann, drawer.x_report, shift)
    assert (x.float_minor, x.cash_sales_minor, x.cash_refunds_minor, x.drops_minor, x.payouts_minor) == (
        10_000,
        6_500,
        1_500,
        2_000,
        350,
    )
    assert x.expected_cash_minor == 10_000 + 6_500 - 1_500 - 2_000 - 350
    tenders = {t.name: t for t in x.tenders}
    assert tenders["cash"].net_minor == 5_000 and tenders["card"].paid_minor == 1_500
    # the same from the ledger itself, not the function
    ledger = session.execute(
        text(
            "SELECT (SELECT sum(amount_minor) FROM payment WHERE shift_id = :s AND method = 'cash'),"
            " (SELECT sum(amount_minor) FROM refund WHERE shift_id = :s),"
            " (SELECT count(*) FROM payment WHERE shift_id = :s)"
        ),
        {"s": shift},
    ).one()
    assert tuple(ledger) == (6_500, 1_500, 4)

    z = _as(session, ann, drawer.close_shift, shift, {5000: 2, 2000: 1, 500: 1, 100: 1, 50: 1})  # 12,650 counted
    assert z.expected_cash_minor == 12_650 and z.counted_cash_minor == 12_650 and z.variance_minor == 0
    assert z.number == 1 and z.figures.as_json()["cash"] == x.as_json()["cash"]
    assert drawer.z_report(session, 1).as_json() == z.as_json()


def test_cash_needs_an_open_shift_card_does_not(session, house):
    ann = make_actor(session, role="cashier", till="till:front-1")
    with pytest.raises(NoOpenShiftError):
        sell_as(session, ann, house, 0, tendered=2500)
    assert session.execute(text("SELECT count(*) FROM orders")).scalar_one() == 0
    session.rollback()
    sell_as(session, ann, house, 1, method="card")
    assert session.execute(text("SELECT shift_id FROM payment")).scalar_one() is None


def test_a_cash_refund_without_a_shift_is_refused_and_refunds_go_to_the_refunders_shift(session, house):
    ann = make_actor(session, role="cashier", till="till:front-1")
    shift = open_shift_as(session, ann)
    sale = sell_as(session, ann, house, 0, tendered=2500)
    _as(session, ann, drawer.close_shift, shift, {5000: 2, 2000: 1, 500: 1})
    with pytest.raises(NoOpenShiftError):
        _as(session, ann, refunds.refund_order, order_number=sale.order_number, reason="changed mind")
    second = open_shift_as(session, ann, 0)
    _as(session, ann, refunds.refund_order, order_number=sale.order_number, reason="changed mind")
    assert session.execute(text("SELECT shift_id FROM refund")).scalar_one() == second
    assert _as(session, ann, drawer.x_report, second).expected_cash_minor == -2500


def test_one_open_shift_per_till_and_per_person(session):
    ann = make_actor(session, role="cashier", till="till:front-1")
    bob = make_actor(session, role="cashier", till="till:front-1")
    open_shift_as(session, ann)
    with pytest.raises(ShiftAlreadyOpenError):
        open_shift_as(session, bob)
    with pytest.raises(ShiftAlreadyOpenError):
        open_shift_as(session, ann.at("till:front-2"))
    with pytest.raises(Exception, match="till one works at"):
        _as(session, bob, drawer.open_shift, "till:front-1-elsewhere", 0)
    assert drawer.current_shift(session, "till:front-1").staff_id == ann.staff_id


def test_a_drop_larger_than_the_drawer_is_refused(session):
    ann = make_actor(session, role="cashier", till="till:front-1")
    shift = open_shift_as(session, ann, 5_000)
    with pytest.raises(DrawerShortError):
        _as(session, ann, drawer.record_movement, shift, "drop", 5_001, "too much")
    _as(session, ann, drawer.record_movement, shift, "drop", 5_000, "all of it")


def test_a_manager_closes_another_persons_shift_a_cashier_cannot(session, house):
    ann = make_actor(session, role="cashier", till="till:front-1")
    bob = make_actor(session, role="cashier", till="till:front-2")
    meg = make_actor(session, role="manager", till="till:office")
    shift = open_shift_as(session, ann, 10_000)
    sell_as(session, ann, house, 0, tendered=2500)
    with pytest.raises(PermissionDeniedError):
        _as(session, bob, drawer.close_shift, shift, {})
    with pytest.raises(PermissionDeniedError):
        _as(session, bob, drawer.x_report, shift)
    assert [s.shift_id for s in _as(session, meg, drawer.open_shifts)] == [shift]
    z = _as(session, meg, drawer.close_shift, shift, {10000: 1, 2000: 1})  # 12,000 counted, 12,500 expected
    assert (z.variance_minor, z.closed_by, z.figures.staff_name) == (-500, meg.display_name, ann.display_name)
    with pytest.raises(ShiftClosedError) as closed:
        _as(session, ann, drawer.close_shift, shift, {})
    assert closed.value.details["z_number"] == z.number
    assert drawer.current_shift(session, "till:front-1") is None


def _raw_close(session, shift: int, counted: str):
    from boxoffice.services.errors import unit_of_work

    with unit_of_work(session):
        session.execute(text("SELECT bo_shift_close(:s, CAST(:c AS jsonb))"), {"s": shift, "c": counted})


def test_z_numbers_have_no_gaps_even_after_a_refused_close(session):
    people = [make_actor(session, role="cashier", till=f"till:{i}") for i in range(3)]
    shifts = [open_shift_as(session, p, 1000) for p in people]
    assert _as(session, people[0], drawer.close_shift, shifts[0], {1000: 1}).number == 1
    with pytest.raises(InvalidInputError):  # the database refuses an impossible count: the close rolls back
        _as(session, people[1], _raw_close, shifts[1], '{"-5": 1}')
    assert _as(session, people[1], drawer.close_shift, shifts[1], {500: 2}).number == 2
    assert _as(session, people[2], drawer.close_shift, shifts[2], {}).number == 3
    assert session.execute(text("SELECT array_agg(number ORDER BY number) FROM z_report")).scalar_one() == [1, 2, 3]


def test_web_takings_of_the_day_show_by_gateway(session, house):
    ann = make_actor(session, role="cashier", till="till:front-1")
    shift = open_shift_as(session, ann)
    token = inventory.new_hold_token()
    seat = house["seat_ids"][5]
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=[seat], token=token, channel="web", seconds=60
    )
    booking = bookings.create_booking(session, showtime_id=house["showtime_id"], hold_token=token, seconds=300)
    bookings.confirm_booking(session, booking_id=booking.id, method="online", reference="ps_1")
    x = _as(session, ann, drawer.x_report, shift)
    assert [(w.name, w.paid_minor) for w in x.web] == [("web · online", 2500)]
    assert x.expected_cash_minor == 10_000  # the web's money is not in the drawer
    assert session.execute(text("SELECT shift_id FROM payment")).scalar_one() is None


def test_report_z_on_the_command_line_says_what_the_service_says(db_url, session, house, monkeypatch, capsys):
    import json

    from boxoffice import cli

    ann = make_actor(session, role="cashier", till="till:front-1")
    shift = open_shift_as(session, ann, 2_000)
    sell_as(session, ann, house, 0, tendered=2500)
    z = _as(session, ann, drawer.close_shift, shift, {2000: 2, 500: 1})
    monkeypatch.setenv("BOXOFFICE_DATABASE_URL", db_url)
    assert cli.main(["report", "z", str(z.number), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == json.loads(json.dumps(z.as_json()))
    assert printed["cash"]["expected_minor"] == 4_500 and printed["count"]["variance_minor"] == 0
    assert cli.main(["report", "z", str(z.number)]) == 0
    out = capsys.readouterr().out
    assert "Z REPORT 1" in out and "Expected cash" in out and "€45.00" in out
    assert cli.main(["report", "z", "99"]) == 1
    assert "There is no Z report 99" in capsys.readouterr().err
