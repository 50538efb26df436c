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

from hypothesis import HealthCheck, given, settings, strategies as st

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
                    done = sell_counter(
                        session, cashiers[op["cashier"]], showtime, seats, method=op["method"], till=op["channel"]
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
                back = refund_counter(session, manager, number)
                assert back.amount_minor == total
                expected[("refunded", kind, channel, method)] += total
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
        assert "online" not in after.by_method("counter")
        assert set(after.by_method("web")) <= {"online"}

    one_day()
