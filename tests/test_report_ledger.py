"""The ledger identities, on randomly generated days (Hypothesis): sales at two tills by
two cashiers in cash and by card, web sales paid online, whole refunds of any of them.

For every generated day, what the report adds up must equal what the day did, as the
test itself kept count (never the report's own SQL): net takings by tender = Σ payments
− Σ refunds per method, per till and per channel kind (web its own channel), and every
"sales by …" table adds up to the same totals. Each day sells a showtime of its own; the
report is read before and after, and the difference is compared (the database keeps
everything earlier examples did).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from boxoffice.domain.errors import InvalidInputError
from boxoffice.services import reports, setup
from boxoffice.services.auth import act_as
from tests.factories import make_actor, make_small_house
from tests.report_helpers import refund_counter, sell_counter, sell_web

TILLS = ("till:1", "till:2")

sale = st.fixed_dictionaries(
    {
        "kind": st.just("sale"),
        "channel": st.sampled_from((*TILLS, "web")),
        "cashier": st.integers(0, 1),
        "method": st.sampled_from(("cash", "card")),
        "seats": st.integers(1, 3),
    }
)
refund = st.fixed_dictionaries({"kind": st.just("refund"), "which": st.integers(0, 1000)})
days = st.lists(st.one_of(sale, sale, refund), min_size=1, max_size=9)


def _figures(report: reports.Report) -> dict:
    """The figures a day changes, in a form that subtracts: Counters keyed by what."""
    out: Counter = Counter()
    for t in report.tenders:
        out[("paid", t.kind, t.channel, t.method)] += t.paid_minor
        out[("refunded", t.kind, t.channel, t.method)] += t.refunded_minor
    for dimension in reports.DIMENSIONS:
        total = report.total(dimension)
        out[("sold", dimension)] += total.sold_minor
        out[("tickets", dimension)] += total.sold
        out[("returned", dimension)] += total.refunded_minor
        out[("exchanged", dimension)] += total.exchanged_minor
    out["orders"] += report.orders
    out["refund rows"] += len(report.refunds)
    return out


def _delta(after: Counter, before: Counter) -> dict:
    keys = set(after) | set(before)
    return {k: after[k] - before[k] for k in keys if after[k] != before[k]}


def test_report_day_adds_up_to_what_the_day_did(session):
    house = make_small_house(session, rows=6, seats_per_row=10)
    cashiers = [make_actor(session, role="cashier", username=f"cash{n}") for n in range(2)]
    manager = make_actor(session, role="manager")
    today = dt.date.today()
    counter = iter(range(1, 10_000))

    def report() -> reports.Report:
        act_as(session, manager)
        try:
            return reports.period_report(
                session, today - dt.timedelta(days=1), today + dt.timedelta(days=1), venue_id=house["venue_id"]
            )
        finally:
            act_as(session, None)

    @settings(
        max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture], database=None
    )
    @given(days)
    def one_day(operations):
        starts = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=3, hours=4 * next(counter))
        showtime = setup.schedule_showtime(
            session, show_id=house["show_id"], plan_id=house["plan_id"], starts_at=starts, prices={"A": 2500, "B": 1500}
        )
        free = list(house["seat_ids"])
        before = _figures(report())
        expected: Counter = Counter()
        sold: list[tuple[str, str, str, str, int]] = []  # kind, channel, method, number, total
        for op in operations:
            if op["kind"] == "sale":
                seats, free = free[: op["seats"]], free[op["seats"] :]
                if op["channel"] == "web":
                    booking = sell_web(session, showtime, seats)
                    total, number, kind, method = booking.total_minor, booking.order_number, "web", "online"
                else:
                    done = sell_counter(  # each till is worked by its own cashier (one shift each)
                        session,
                        cashiers[TILLS.index(op["channel"])],
                        showtime,
                        seats,
                        method=op["method"],
                        till=op["channel"],
                    )
                    total, number, kind, method = done.total_minor, done.order_number, "counter", op["method"]
                sold.append((kind, op["channel"], method, number, total))
                expected[("paid", kind, op["channel"], method)] += total
                for dimension in reports.DIMENSIONS:
                    expected[("sold", dimension)] += total
                    expected[("tickets", dimension)] += len(seats)
                expected["orders"] += 1
            elif sold:
                kind, channel, method, number, total = sold.pop(op["which"] % len(sold))
                back = refund_counter(session, manager, number, till="till:office")
                assert back.amount_minor == total
                # money goes back at the manager's till (their shift's drawer), in the sale's tender
                expected[("refunded", "counter", "till:office", method)] += total
                for dimension in reports.DIMENSIONS:
                    expected[("returned", dimension)] += total
                expected["refund rows"] += 1
        after = report()
        assert _delta(_figures(after), before) == {k: v for k, v in expected.items() if v}
        # the identity itself, on the whole report: net by method = payments - refunds
        for method, line in after.by_method().items():
            paid = sum(t.paid_minor for t in after.tenders if t.method == method)
            back = sum(t.refunded_minor for t in after.tenders if t.method == method)
            assert line.net_minor == paid - back
        assert set(after.by_method("web")) <= {"online"}
        assert not any(t.kind == "web" and t.payments == 0 for t in after.tenders)  # web refunds are counter money

    one_day()


# --- issue 11's money at the counter: partial refunds, exchanges, drops, shifts and Z ---------

money_sale = st.fixed_dictionaries(
    {
        "kind": st.just("sale"),
        "till": st.sampled_from((0, 1, None)),  # till:1, till:2, or the web
        # split: card + the rest in cash (change on the cash part); comp: by the manager at
        # till:3 (``till`` ignored), or comp+override: a cashier with a manager's override
        "method": st.sampled_from(("cash", "card", "split", "comp", "comp+override")),
        "seats": st.integers(1, 3),
        "front": st.booleans(),  # row A (2500) first, or the back rows (1500)
        "card_pct": st.integers(1, 99),  # split: the card's share of the total
        "change": st.integers(0, 3000),  # split: cash handed over beyond the cash part
    }
)
money_refund = st.fixed_dictionaries(
    {
        "kind": st.just("refund"),
        "which": st.integers(0, 1000),
        "mask": st.integers(1, 7),
        "method": st.sampled_from(("cash", "card")),
    }
)
money_exchange = st.fixed_dictionaries(
    {"kind": st.just("exchange"), "which": st.integers(0, 1000), "mask": st.integers(1, 7), "dearer": st.booleans()}
)
money_drop = st.fixed_dictionaries({"kind": st.just("drop"), "till": st.integers(0, 1), "amount": st.integers(1, 50)})
money_days = st.lists(
    st.one_of(money_sale, money_sale, money_refund, money_exchange, money_exchange, money_drop), min_size=1, max_size=10
)


def test_partial_refunds_exchanges_and_z_reports_add_up(session, db_url, monkeypatch, capsys):
    """Sales in cash, by card, split (card + cash with change on the cash part), comp by
    the manager at a third till or by a cashier with the manager's override; partial
    refunds (cash, card; web ones online; comps go back as comp), exchanges for dearer or
    cheaper seats (the difference by card), cash drops: the report's
    takings by till and tender = what the day did; the day's Z reports add up to the
    report's counter takings; each Z's expected cash = float + cash in − cash out − drops.
    Then ``boxoffice report day --json`` prints the service's figures for the last day."""
    import uuid

    from sqlalchemy import text

    from boxoffice.services import drawer, inventory, orders, sales, tenders
    from boxoffice.services.exchange import Tender as ExchangeTender
    from boxoffice.services.tenders import Tender
    from tests.report_helpers import at_till

    house = make_small_house(session, rows=6, seats_per_row=10)  # row A: 2500, rows B-F: 1500
    row_a = set(house["seat_ids"][:10])
    tills = ("till:1", "till:2", "till:3")
    staff = [make_actor(session, role="cashier", username=f"zc{n}") for n in range(2)]
    staff.append(make_actor(session, role="manager", username="zboss"))
    today = dt.date.today()
    counter = iter(range(1, 10_000))
    ran: Counter = Counter()  # what the examples did, so the test knows it exercised it all

    def as_(actor, fn, **kwargs):
        """``fn(session, **kwargs)`` as ``actor``'s login."""
        act_as(session, actor)
        try:
            return fn(session, **kwargs)
        finally:
            act_as(session, None)

    def report() -> reports.Report:
        return as_(
            staff[2],
            reports.period_report,
            first_day=today - dt.timedelta(days=1),
            last_day=today + dt.timedelta(days=1),
            venue_id=house["venue_id"],
        )

    def sell_tenders(actor, showtime_id, seat_ids, paid, override=None):
        """Hold and sell ``seat_ids`` as ``actor`` at their till, paid by the ``paid`` tenders."""
        act_as(session, actor)
        try:
            token = uuid.uuid4()
            inventory.hold_seats(
                session, showtime_id=showtime_id, seat_ids=seat_ids, token=token, channel=actor.till, seconds=120
            )
            return sales.sell(
                session,
                showtime_id=showtime_id,
                seat_ids=seat_ids,
                token=token,
                channel=actor.till,
                tenders=paid,
                override=override,
            )
        finally:
            act_as(session, None)

    def valid_tickets(number: str) -> dict[int, int]:
        rows = session.execute(
            text(
                "SELECT t.id, t.price_minor FROM ticket t JOIN orders o ON o.id = t.order_id "
                "WHERE o.number = :n AND t.status = 'valid' ORDER BY t.id"
            ),
            {"n": number},
        ).all()
        session.rollback()
        return dict(rows)

    @settings(
        max_examples=40,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
        database=None,
    )
    # one day that does everything the coverage check below asks for, whatever the seed
    @example(
        [
            {"kind": "sale", "till": 0, "method": "cash", "seats": 2, "front": True, "card_pct": 50, "change": 0},
            {"kind": "sale", "till": 1, "method": "card", "seats": 2, "front": False, "card_pct": 50, "change": 0},
            {"kind": "sale", "till": 0, "method": "split", "seats": 3, "front": True, "card_pct": 40, "change": 500},
            {"kind": "sale", "till": None, "method": "comp", "seats": 1, "front": True, "card_pct": 50, "change": 0},
            {
                "kind": "sale",
                "till": 1,
                "method": "comp+override",
                "seats": 1,
                "front": False,
                "card_pct": 50,
                "change": 0,
            },
            {"kind": "sale", "till": None, "method": "card", "seats": 2, "front": False, "card_pct": 50, "change": 0},
            {"kind": "refund", "which": 0, "mask": 1, "method": "cash"},
            {"kind": "exchange", "which": 1, "mask": 1, "dearer": True},
            {"kind": "exchange", "which": 2, "mask": 1, "dearer": False},
            {"kind": "drop", "till": 0, "amount": 10},
        ],
        0,
    )
    @given(money_days, st.integers(0, 20_000))
    def one_day(operations, float_minor):
        starts = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=40, hours=4 * next(counter))
        showtime = setup.schedule_showtime(
            session, show_id=house["show_id"], plan_id=house["plan_id"], starts_at=starts, prices={"A": 2500, "B": 1500}
        )
        for p, t in zip(staff, tills, strict=True):  # a shift an earlier (failed) example left open
            left = as_(p.at(t), drawer.current_shift, till=t)
            if left is not None:
                x = as_(p.at(t), drawer.x_report, shift_id=left.shift_id)
                count = {1: x.expected_cash_minor} if x.expected_cash_minor > 0 else {}
                as_(p.at(t), drawer.close_shift, shift_id=left.shift_id, counted=count)
        people = [at_till(session, p, t, float_minor=float_minor) for p, t in zip(staff, tills, strict=True)]
        shifts = [as_(p, drawer.current_shift, till=p.till).shift_id for p in people]
        free = list(house["seat_ids"])
        before = _figures(report())
        expected: Counter = Counter()
        cash = Counter()  # till -> cash in - cash out - drops
        sold: list[dict] = []
        for op in operations:
            if op["kind"] == "sale":
                n = op["seats"]
                seats, free = (free[:n], free[n:]) if op["front"] else (free[-n:], free[:-n])
                if op["till"] is None:
                    booking = sell_web(session, showtime, seats)
                    number, total, kind, till, method = (
                        booking.order_number,
                        booking.total_minor,
                        "web",
                        "web",
                        "online",
                    )
                    seller = people[2]
                elif op["method"] in ("cash", "card"):
                    seller = people[op["till"]]
                    done = sell_counter(
                        session, staff[op["till"]], showtime, seats, method=op["method"], till=seller.till
                    )
                    number, total, kind, till, method = (
                        done.order_number,
                        done.total_minor,
                        "counter",
                        seller.till,
                        op["method"],
                    )
                else:
                    seller = people[2] if op["method"] == "comp" else people[op["till"]]
                    total = sum(2500 if s in row_a else 1500 for s in seats)
                    override = None
                    if op["method"] == "split":
                        card = total * op["card_pct"] // 100
                        paid = [
                            Tender("card", card, reference="AUTH7"),
                            Tender("cash", total - card, tendered_minor=total - card + op["change"]),
                        ]
                    else:
                        paid = [Tender("comp", total, comp_reason="Press")]
                        if op["method"] == "comp+override":
                            override = as_(people[2], tenders.grant_override, kind="comp", reason="Press night")
                    done = sell_tenders(seller, showtime, seats, paid, override)
                    assert (done.total_minor, done.change_minor) == (total, sum(t.change_minor for t in paid))
                    number, kind, till, method = done.order_number, "counter", seller.till, op["method"]
                    ran[method] += 1
                sold.append({"number": number, "kind": kind, "seller": seller, "method": method})
                if method == "split":
                    expected[("paid", kind, till, "card")] += paid[0].amount_minor
                    expected[("paid", kind, till, "cash")] += paid[1].amount_minor
                    cash[till] += paid[1].amount_minor  # the change went straight back out
                else:
                    expected[("paid", kind, till, "comp" if method.startswith("comp") else method)] += total
                    cash[till] += total if method == "cash" else 0
                for dimension in reports.DIMENSIONS:
                    expected[("sold", dimension)] += total
                    expected[("tickets", dimension)] += len(seats)
                expected["orders"] += 1
            elif op["kind"] == "drop":
                till = people[op["till"]].till
                if cash[till] + float_minor >= op["amount"]:
                    as_(
                        people[op["till"]],
                        drawer.record_movement,
                        shift_id=shifts[op["till"]],
                        kind="drop",
                        amount_minor=op["amount"],
                        reason="safe",
                    )
                    cash[till] -= op["amount"]
                    ran["drop"] += 1
            else:
                live = [o for o in sold if valid_tickets(o["number"])]
                if not live:
                    continue
                order = live[op["which"] % len(live)]
                tickets = valid_tickets(order["number"])
                ids = [t for i, t in enumerate(tickets) if op["mask"] >> (i % 3) & 1] or [next(iter(tickets))]
                order_id = session.execute(text("SELECT id FROM orders WHERE number = :n"), {"n": order["number"]})
                order_id = order_id.scalar_one()
                session.rollback()
                seller = order["seller"]
                if op["kind"] == "refund":
                    # a comp goes back as comp (method None: how it was paid), never as money
                    comp = order["method"].startswith("comp")
                    method = "online" if order["kind"] == "web" else None if comp else op["method"]
                    if comp:  # money asked back for a comp is refused (migration 0022)
                        with pytest.raises(InvalidInputError):
                            as_(seller, orders.refund_tickets, order_id=order_id, ticket_ids=ids, method=op["method"],
                                reason="test")  # fmt: skip
                    back = as_(
                        seller, orders.refund_tickets, order_id=order_id, ticket_ids=ids, method=method, reason="test"
                    )
                    assert back.amount_minor == sum(tickets[t] for t in ids)
                    method = "comp" if comp else method
                    assert back.method == method
                    ran["partial refund" if len(ids) < len(tickets) else "refund"] += 1
                    expected[("refunded", "counter", seller.till, method)] += back.amount_minor
                    cash[seller.till] -= back.amount_minor if method == "cash" else 0
                    for dimension in reports.DIMENSIONS:
                        expected[("returned", dimension)] += back.amount_minor
                    expected["refund rows"] += 1
                elif order["kind"] == "counter":
                    pool = [s for s in free if (s in row_a) == op["dearer"]][: len(ids)]
                    if len(pool) < len(ids):
                        continue
                    credit = sum(tickets[t] for t in ids)
                    new_total = sum(2500 if s in row_a else 1500 for s in pool)
                    diff = new_total - credit
                    done = as_(
                        seller,
                        orders.exchange,
                        order_id=order_id,
                        ticket_ids=ids,
                        showtime_id=showtime,
                        seat_ids=pool,
                        channel=seller.till,
                        reason="test",
                        tenders=[ExchangeTender("card", diff, reference="AUTH9")] if diff > 0 else None,
                        refund_method="card" if diff < 0 else None,
                    )
                    free = [s for s in free if s not in pool]
                    ran["exchange, dearer" if diff > 0 else "exchange, cheaper" if diff < 0 else "exchange"] += 1
                    used = min(credit, new_total)
                    sold.append(
                        {"number": done.order_number, "kind": "counter", "seller": seller, "method": "exchange"}
                    )
                    expected[("paid", "counter", seller.till, "exchange")] += used
                    expected[("refunded", "counter", seller.till, "exchange")] += used
                    expected[("paid", "counter", seller.till, "card")] += max(0, diff)
                    expected[("refunded", "counter", seller.till, "card")] += max(0, -diff)
                    for dimension in reports.DIMENSIONS:
                        expected[("sold", dimension)] += new_total
                        expected[("tickets", dimension)] += len(pool)
                        expected[("exchanged", dimension)] += credit
                    expected["orders"] += 1
                    expected["refund rows"] += 1 + (diff < 0)
        after = report()
        assert _delta(_figures(after), before) == {k: v for k, v in expected.items() if v}
        # the day's Z reports: close each shift with the drawer counted as expected
        zs = []
        for person, shift_id in zip(people, shifts, strict=True):
            x = as_(person, drawer.x_report, shift_id=shift_id)
            assert x.expected_cash_minor == float_minor + cash[person.till]
            counted = {1: x.expected_cash_minor} if x.expected_cash_minor > 0 else {}  # a drawer paid out more
            zs.append(as_(person, drawer.close_shift, shift_id=shift_id, counted=counted))  # than it held counts 0
            assert zs[-1].variance_minor == max(0, x.expected_cash_minor) - x.expected_cash_minor
        z_sum: Counter = Counter()
        for z in zs:
            for line in z.figures.tenders:
                z_sum[("paid", line.name)] += line.paid_minor
                z_sum[("refunded", line.name)] += line.refunded_minor
        counter_delta: Counter = Counter()
        for key, amount in expected.items():
            if isinstance(key, tuple) and key[0] in ("paid", "refunded") and key[1] == "counter":
                counter_delta[(key[0], key[3])] += amount
        assert {k: v for k, v in z_sum.items() if v} == {k: v for k, v in counter_delta.items() if v}

    one_day()
    # the command line prints the service's figures for the day the examples made (its own login)
    import json

    from boxoffice.cli import main

    tz = session.execute(text("SELECT timezone FROM venue WHERE id = :v"), {"v": house["venue_id"]}).scalar_one()
    session.rollback()
    day = dt.datetime.now(ZoneInfo(tz)).date()
    monkeypatch.setenv("BOXOFFICE_DATABASE_URL", db_url)
    capsys.readouterr()
    assert main(["report", "day", day.isoformat(), "--venue", str(house["venue_id"]), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    service = as_(staff[2], reports.day_report, day=day, venue_id=house["venue_id"]).as_json()
    for key in ("total", "sales", "tenders", "net_by_method", "orders", "refunds"):
        assert printed[key] == service[key], key
    assert {"cash", "card", "comp", "exchange"} <= set(printed["net_by_method"]), printed["net_by_method"]
    assert {"partial refund", "exchange, dearer", "exchange, cheaper", "drop", "split", "comp", "comp+override"} <= set(
        ran
    ), ran
