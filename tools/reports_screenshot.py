"""Save docs/screenshots/reports.png: Reports → Sales and takings on demo data after a
day of sales at three tills and the web (cash, card, online; full, concession and child
tickets; two refunds), spread over the opening hours.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/reports_screenshot.py

Uses a private embedded database in a temporary directory, so the user's data is untouched.
The sales go through the real contract functions as the demo cashiers; only their times are
then moved across the day (as the superuser, triggers off) so the chart has a shape.
"""

from __future__ import annotations

import dataclasses
import random
import sys
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402

OUT = harness.ROOT / "docs" / "screenshots"


def a_day_of_sales(db, showtime_id: int, seat_ids: list[int]) -> None:
    """About 70 orders at till:box-1..3 and the web, two refunds, spread from 10:00 to 20:00."""
    from sqlalchemy import text

    from boxoffice.services import bookings, inventory, refunds, sales, staff
    from boxoffice.services.auth import act_as

    rng = random.Random(11)
    with db.session_factory() as session:
        people = {u: staff.actor_of_account(session, username=u, till="") for u in ("cara", "colin", "maya")}
        tz = session.execute(
            text("SELECT v.timezone FROM venue v JOIN showtime s ON s.venue_id = v.id WHERE s.id = :s"),
            {"s": showtime_id},
        ).scalar_one()
        types = dict(session.execute(text("SELECT code, id FROM ticket_type")).all())
        session.rollback()  # act_as plays a person from the next transaction on
        free = list(seat_ids)
        rng.shuffle(free)
        numbers = []
        for n in range(72):
            seats, free = free[: rng.choice((1, 2, 2, 3, 4))], free[4:]
            token = uuid.uuid4()
            if n % 4 == 3:  # the web
                act_as(session, None)
                inventory.hold_seats(
                    session, showtime_id=showtime_id, seat_ids=seats, token=token, channel="web", seconds=120
                )
                booking = bookings.create_booking(session, showtime_id=showtime_id, hold_token=token, seconds=600)
                bookings.confirm_booking(session, booking_id=booking.id, reference=f"gw_{n}")
                continue
            who = rng.choice(list(people))
            till = f"till:box-{1 + n % 3}"
            actor = dataclasses.replace(people[who], till=till)
            act_as(session, actor)
            inventory.hold_seats(
                session, showtime_id=showtime_id, seat_ids=seats, token=token, channel=till, seconds=120
            )
            kinds = {s: rng.choice(("full", "full", "concession", "child")) for s in seats}
            method = "card"  # cash would need each till's shift open (0015_drawer); the tenders show by till
            done = sales.sell(
                session,
                showtime_id=showtime_id,
                seat_ids=seats,
                token=token,
                channel=till,
                method=method,
                tendered_minor=100_000 if method == "cash" else None,
                reference="A1B2C3" if method == "card" else None,
                ticket_types={s: types[k] for s, k in kinds.items() if k in types},
            )
            numbers.append((actor, done.order_number))
        for _actor, number in numbers[5:7]:
            act_as(session, people["maya"])
            refunds.refund_order(session, order_number=number, reason="Customer unwell")
        act_as(session, None)
        # spread the day: the n-th order at 10:00 + n * 8 minutes (local); refunds an hour later
        session.execute(text("SET session_replication_role = replica"))
        session.execute(
            text(
                "WITH o AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM orders), "
                "t AS (SELECT (current_date::timestamp + interval '10 hours' "
                "+ (o.n * 8 + (o.n % 5) * 7) * interval '1 minute') AT TIME ZONE :tz AS at, o.id FROM o) "
                "UPDATE orders SET created_at = t.at FROM t WHERE orders.id = t.id"
            ),
            {"tz": tz},
        )
        session.execute(text("UPDATE payment p SET created_at = o.created_at FROM orders o WHERE o.id = p.order_id"))
        session.execute(
            text(
                "UPDATE refund r SET created_at = o.created_at + interval '70 minutes' FROM orders o "
                "WHERE o.id = r.order_id"
            )
        )
        session.execute(
            text(
                "UPDATE ticket t SET voided_at = r.created_at FROM refund r "
                "WHERE r.order_id = t.order_id AND t.voided_at IS NOT NULL"
            )
        )
        session.execute(text("SET session_replication_role = origin"))
        session.commit()


def main() -> int:
    """Sell, open the report through the menu, save the PNG; returns the exit status."""
    settings = harness.temp_settings()
    window, runner, db = harness.open_window(settings, role="manager")
    try:
        seat_map = window.sell.seat_map
        ids = [s.id for s in seat_map.seats]
        a_day_of_sales(db, seat_map.showtime.id, ids[: len(ids) // 2])
        window.sales_report_action.trigger()
        from boxoffice.ui.reports.window import ReportsWindow

        screen = window.findChild(ReportsWindow)
        harness.wait_until(lambda: screen.report is not None, what="the report")
        screen.resize(1280, 900)
        harness.wait_until(lambda: not runner.busy, what="idle runner")
        OUT.mkdir(parents=True, exist_ok=True)
        screen.grab().save(str(OUT / "reports.png"))
        print(f"saved {OUT / 'reports.png'} ({screen.report.total().sold} tickets)")
        if "--pdf" in sys.argv:
            from boxoffice.printing.report_pdf import render_report_pdf

            Path("/tmp/report.pdf").write_bytes(render_report_pdf(screen.report))
        screen.close()
    finally:
        harness.close_window(window, runner, db, settings)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
