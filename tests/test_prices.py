"""Ticket types, price rules (pure and applied at scheduling), per-showtime price edits."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import text

from boxoffice.domain import pricing
from boxoffice.domain.errors import InvalidInputError, PermissionDeniedError
from boxoffice.services import catalog, prices, schedule
from boxoffice.services.auth import act_as
from tests.door_helpers import sell
from tests.drawer_helpers import open_shift_as
from tests.factories import make_actor, make_small_house

UTC = dt.UTC


@pytest.fixture
def house(session):
    return make_small_house(session)


def _types(session, venue_id) -> dict[str, int]:
    return {t.code: t.id for t in prices.ticket_types_of(session, venue_id)}


def test_every_venue_gets_the_four_ticket_types(session, house):
    assert list(_types(session, house["venue_id"])) == ["full", "concession", "child", "complimentary"]


def test_rules_pure():
    full, conc = 1, 2
    types = {full: "full", conc: "concession"}
    weekend = pricing.Rule(full, "add", amount_minor=500, weekdays=frozenset({6, 7}))
    matinee = pricing.Rule(full, "percent", percent=Decimal("-20"), until_time=dt.time(17, 0), position=1)
    concession = pricing.Rule(conc, "percent", percent=Decimal("-25"))
    rules = [matinee, weekend, concession]
    saturday_matinee = dt.datetime(2027, 1, 9, 14, 30, tzinfo=UTC)  # a Saturday
    tuesday_evening = dt.datetime(2027, 1, 5, 19, 30, tzinfo=UTC)
    sat = pricing.compute_prices(
        {10: 3000}, ticket_types=types, rules=rules, starts_at=saturday_matinee, timezone="UTC", plan_id=1
    )
    # weekend +5.00 first (position 0), then matinee -20 %; concession 25 % off that
    assert sat == {(10, full): 2800, (10, conc): 2100}
    tue = pricing.compute_prices(
        {10: 3000}, ticket_types=types, rules=rules, starts_at=tuesday_evening, timezone="UTC", plan_id=1
    )
    assert tue == {(10, full): 3000, (10, conc): 2250}
    # no rule for a type: not offered; rounding half up; never negative
    assert pricing.compute_prices(
        {10: 999},
        ticket_types={full: "full", 3: "child"},
        rules=[pricing.Rule(full, "percent", percent=Decimal("-50"))],
        starts_at=tuesday_evening,
        timezone="UTC",
        plan_id=1,
    ) == {(10, full): 500}
    assert pricing.Rule(full, "add", amount_minor=-5000).apply(3000) == 0
    with pytest.raises(InvalidInputError, match="100,000.00"):
        pricing.compute_prices(
            {10: 99_999_00},
            ticket_types=types,
            rules=[pricing.Rule(full, "percent", percent=Decimal("50"))],
            starts_at=tuesday_evening,
            timezone="UTC",
            plan_id=1,
        )
    with pytest.raises(InvalidInputError, match="time window"):
        pricing.check_rule(pricing.Rule(full, "add", amount_minor=1, from_time=dt.time(18), until_time=dt.time(17)))
    with pytest.raises(InvalidInputError, match="cannot be negative"):
        pricing.check_rule(pricing.Rule(full, "set", amount_minor=-1))


def test_rules_are_applied_when_scheduling(session, house):
    types = _types(session, house["venue_id"])
    a, b = house["category_ids"]["A"], house["category_ids"]["B"]
    prices.save_rule(
        session,
        venue_id=house["venue_id"],
        name="Weekend",
        rule=pricing.Rule(types["full"], "add", amount_minor=500, weekdays=frozenset({6, 7})),
    )
    prices.save_rule(
        session,
        venue_id=house["venue_id"],
        name="Matinee",
        rule=pricing.Rule(types["full"], "percent", percent=Decimal("-20"), until_time=dt.time(17), position=1),
    )
    prices.save_rule(
        session,
        venue_id=house["venue_id"],
        name="Comps",
        rule=pricing.Rule(types["complimentary"], "set", amount_minor=0, category_id=a),
    )
    # find next Tuesday and Saturday at least 10 days ahead
    day = dt.date.today() + dt.timedelta(days=10)
    tuesday = day + dt.timedelta(days=(1 - day.weekday()) % 7)
    saturday = day + dt.timedelta(days=(5 - day.weekday()) % 7)
    request = schedule.SeriesRequest(
        house["show_id"],
        house["plan_id"],
        min(tuesday, saturday),
        max(tuesday, saturday),
        frozenset({2, 6}),
        (dt.time(14, 0), dt.time(19, 30)),
        {a: 3000, b: 2000},
    )
    preview = schedule.preview_series(session, request)
    ids = schedule.create_series(session, request)
    by_kind = {}
    for showtime_id, planned in zip(ids, preview.planned, strict=True):
        local = planned.starts_at  # in the venue's zone (Europe/London)
        kind = ("weekend" if local.isoweekday() == 6 else "weekday") + (" matinee" if local.hour < 17 else "")
        grid = prices.price_grid(session, showtime_id=showtime_id)
        assert grid.prices == planned.prices  # stored = previewed
        by_kind[kind] = {(grid.categories[c], t): p for (c, t), p in grid.prices.items()}
    full, comp = types["full"], types["complimentary"]
    assert by_kind["weekday"] == {("A", full): 3000, ("B", full): 2000, ("A", comp): 0}
    assert by_kind["weekday matinee"][("A", full)] == 2400
    assert by_kind["weekend"][("A", full)] == 3500
    assert by_kind["weekend matinee"][("B", full)] == 2000  # (2000 + 500) * 0.8
    # the sell screen reads the full price as before
    seat_map = catalog.load_seat_map(session, showtime_id=ids[0])
    assert seat_map.categories[a].price_minor == prices.price_grid(session, showtime_id=ids[0]).prices[(a, full)]


def test_price_change_is_audited_and_never_changes_sold_orders(session, house):
    st = house["showtime_id"]
    types = _types(session, house["venue_id"])
    a = house["category_ids"]["A"]
    views = sell(session, st, [house["seat_ids"][0]])
    order_total = session.execute(text("SELECT total_minor FROM orders")).scalar_one()
    assert order_total == 2500
    manager = make_actor(session, role="manager")
    open_shift_as(session, manager)  # the manager sells cash below: that needs their shift (0015_drawer)
    act_as(session, manager)
    changed = prices.set_prices(
        session, showtime_id=st, prices={(a, types["full"]): 3100, (a, types["concession"]): 2000}
    )
    assert changed == 2
    assert prices.set_prices(session, showtime_id=st, prices={(a, types["full"]): 3100}) == 0  # unchanged: nothing
    grid = prices.price_grid(session, showtime_id=st)
    assert grid.prices[(a, types["full"])] == 3100 and grid.prices[(a, types["concession"])] == 2000
    # the sale is untouched
    assert session.execute(text("SELECT total_minor FROM orders")).scalar_one() == 2500
    assert (
        session.execute(text("SELECT price_minor FROM ticket WHERE id = :t"), {"t": views[0].ticket_id}).scalar_one()
        == 2500
    )
    audits = session.execute(
        text("SELECT actor, details->'prices' FROM audit_log WHERE action = 'price_change' AND actor = :u ORDER BY id"),
        {"u": manager.username},
    ).all()
    assert [a_[1] for a_ in audits] == [
        {"A": {"old": 2500, "new": 3100}},
        {"A · Concession": {"old": None, "new": 2000}},
    ]
    # new sales use the new price
    sell(session, st, [house["seat_ids"][1]])
    assert session.execute(text("SELECT max(total_minor) FROM orders")).scalar_one() == 3100
    # removing the concession price is fine, removing the full price is not
    prices.set_prices(session, showtime_id=st, prices={(a, types["concession"]): None})
    with pytest.raises(InvalidInputError, match="full price"):
        prices.set_prices(session, showtime_id=st, prices={(a, types["full"]): None})


def test_price_input_and_permission_errors(session, house):
    st = house["showtime_id"]
    types = _types(session, house["venue_id"])
    a = house["category_ids"]["A"]
    with pytest.raises(InvalidInputError, match="cannot be negative"):
        prices.set_prices(session, showtime_id=st, prices={(a, types["full"]): -1})
    with pytest.raises(InvalidInputError, match="100,000.00"):
        prices.set_prices(session, showtime_id=st, prices={(a, types["full"]): 100_000_01})
    with pytest.raises(InvalidInputError, match="not a category"):
        prices.set_prices(session, showtime_id=st, prices={(987654, types["full"]): 100})
    act_as(session, make_actor(session, role="cashier"))
    with pytest.raises(PermissionDeniedError, match="change prices"):
        prices.set_prices(session, showtime_id=st, prices={(a, types["full"]): 100})
    with pytest.raises(PermissionDeniedError):
        prices.save_rule(
            session, venue_id=house["venue_id"], name="x", rule=pricing.Rule(types["full"], "add", amount_minor=1)
        )
    act_as(session, None)
    assert prices.price_grid(session, showtime_id=st).prices[(a, types["full"])] == 2500


def test_rule_list_and_delete(session, house):
    types = _types(session, house["venue_id"])
    rule_id = prices.save_rule(
        session,
        venue_id=house["venue_id"],
        name="Matinee",
        rule=pricing.Rule(
            types["full"], "percent", percent=Decimal("-20"), until_time=dt.time(17), weekdays=frozenset({6, 7})
        ),
    )
    (row,) = prices.list_rules(session, venue_id=house["venue_id"])
    assert row.summary == "Sat Sun · before 17:00 · −20 %" and row.ticket_type == "Full"
    prices.delete_rule(session, rule_id=rule_id)
    assert prices.list_rules(session, venue_id=house["venue_id"]) == []
    actions = (
        session.execute(text("SELECT action FROM audit_log WHERE action LIKE 'price_rule.%' ORDER BY id"))
        .scalars()
        .all()
    )
    assert actions == ["price_rule.save", "price_rule.delete"]


def test_ticket_types_can_be_added_renamed_and_switched_off(session, house):
    venue = house["venue_id"]
    student = prices.save_ticket_type(session, venue_id=venue, name="Student", position=4)
    assert _types(session, venue)["student"] == student
    with pytest.raises(InvalidInputError, match="already has"):
        prices.save_ticket_type(session, venue_id=venue, name="student")
    prices.save_ticket_type(
        session, venue_id=venue, type_id=student, name="Student (with card)", position=4, active=False
    )
    assert "student" not in _types(session, venue)  # inactive: not offered
    full = _types(session, venue)["full"]
    with pytest.raises(InvalidInputError, match="cannot be switched off"):
        prices.save_ticket_type(session, venue_id=venue, type_id=full, name="Full", active=False)
    act_as(session, make_actor(session, role="cashier"))
    with pytest.raises(PermissionDeniedError):
        prices.save_ticket_type(session, venue_id=venue, name="Member")
