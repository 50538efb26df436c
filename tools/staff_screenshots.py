"""Save docs/screenshots/sign-in.png, audit-log.png and staff-accounts.png: the real app
on demo data, after a little activity by the demo staff (sales, a refund, a price
change, blocked seats, sign-ins, a failed one).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/staff_screenshots.py

Uses a private embedded database in a temporary directory, so the user's data is untouched.
"""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402

OUT = harness.ROOT / "docs" / "screenshots"


def activity(db, settings, showtime_id: int, seat_ids: list[int]) -> None:
    """A short shift: Cara and Maya sign in and sell, Maya refunds and changes a price,
    blocks two seats, and someone mistypes a password."""
    from sqlalchemy import text

    from boxoffice.app import till_channel
    from boxoffice.domain.errors import SignInError
    from boxoffice.services import inventory, refunds, sales
    from boxoffice.services.auth import act_as
    from boxoffice.services.till import TillSessions

    till = till_channel(settings)
    people = TillSessions(db.url)
    try:
        people.sign_in(username="cara", password="cara-demo-paSS", till=till)
    except SignInError:
        pass  # a mistyped password: PostgreSQL refuses it (its log says so)
    cara = people.sign_in(username="cara", password="cara-demo-pass", till=till)
    maya = people.sign_in(username="maya", password="maya-demo-pass", till="till:box-2")
    people.close()
    with db.session_factory() as session:
        orders = []
        for actor, seats in ((cara, seat_ids[0:2]), (maya, seat_ids[2:5]), (cara, seat_ids[5:6])):
            act_as(session, actor)
            token = uuid.uuid4()
            inventory.hold_seats(
                session, showtime_id=showtime_id, seat_ids=seats, token=token, channel=actor.till, seconds=120
            )
            total = sales.quote(session, showtime_id=showtime_id, seat_ids=seats).total_minor
            orders.append(
                sales.sell_cash(
                    session,
                    showtime_id=showtime_id,
                    seat_ids=seats,
                    token=token,
                    channel=actor.till,
                    tendered_minor=(total // 1000 + 1) * 1000,
                )
            )
        act_as(session, maya)
        refunds.refund_order(session, order_number=orders[2].order_number, reason="customer unwell")
        # straight through SQL by the owner: the database audits these whoever changes them
        act_as(session, None)
        session.execute(
            text(
                "UPDATE showtime_price SET price_minor = price_minor + 200 WHERE showtime_id = :s "
                "AND category_id = (SELECT min(category_id) FROM showtime_price WHERE showtime_id = :s)"
            ),
            {"s": showtime_id},
        )
        session.execute(
            text("UPDATE inventory SET state = 'blocked' WHERE showtime_id = :s AND seat_id = ANY(:ids)"),
            {"s": showtime_id, "ids": seat_ids[8:10]},
        )
        session.commit()


def main() -> int:
    """Build the scenes and save the PNGs; returns the exit status."""
    from boxoffice.app import till_channel
    from boxoffice.domain.roles import SELL
    from boxoffice.ui.common.tasks import TaskRunner
    from boxoffice.ui.shell.sign_in import SignInDialog

    settings = harness.temp_settings()
    window, runner, db = harness.open_window(settings)
    try:
        OUT.mkdir(parents=True, exist_ok=True)
        seat_map = window.sell.seat_map
        stalls = [s.id for s in seat_map.seats if seat_map.sections[s.section_id] == "Stalls"]
        activity(db, settings, seat_map.showtime.id, stalls[40:60])

        gate = TaskRunner(db.session_factory, max_threads=1)
        dialog = SignInDialog(gate, window.lock.sessions, till=till_channel(settings), permission=SELL)
        dialog.show()
        harness.wait_until(lambda: dialog.username.completer() is not None, what="the names")
        dialog.username.setText("cara")
        dialog.password.setText("cara-demo-pass")
        dialog.password.setFocus()
        dialog.error.setText("")
        harness.wait_until(lambda: not gate.busy, what="idle gate")
        dialog.grab().save(str(OUT / "sign-in.png"))
        dialog.close()
        print(f"saved {OUT / 'sign-in.png'}")

        screen = window.open_audit_log()
        screen.resize(1280, 620)
        harness.wait_until(lambda: screen.page is not None and screen.who.count() > 2, what="the audit log")
        harness.wait_until(lambda: not runner.busy, what="idle runner")
        screen.grab().save(str(OUT / "audit-log.png"))
        print(f"saved {OUT / 'audit-log.png'} ({screen.page.total} entries)")
        screen.close()

        accounts = window.open_staff_accounts()
        accounts.resize(900, 330)
        harness.wait_until(lambda: len(accounts.accounts) >= 5, what="the accounts")
        accounts.select("colin")
        with db.session_factory() as session:  # an account that left: deactivated, kept for the log
            from boxoffice.services import staff
            from boxoffice.services.auth import act_as

            act_as(session, runner.actor)
            staff.set_active(session, staff_id=accounts.selected().id, active=False)
        accounts.load()
        harness.wait_until(lambda: any(not a.active for a in accounts.accounts), what="the deactivated account")
        accounts.select("dan")
        harness.wait_until(lambda: not runner.busy, what="idle runner")
        accounts.grab().save(str(OUT / "staff-accounts.png"))
        print(f"saved {OUT / 'staff-accounts.png'}")
        accounts.close()
        gate.wait(5000)
    finally:
        harness.close_window(window, runner, db, settings)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
