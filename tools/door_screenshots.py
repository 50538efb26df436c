"""Save a screenshot of each door verdict: docs/screenshots/door-admit.png,
door-admit-wheelchair.png, door-already.png, door-wrong-showtime.png, door-void.png,
door-not-valid.png and door-too-early.png.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/door_screenshots.py

The real door screen on a private embedded database in a temporary directory (the user's
data is untouched): the demo theatre, a showtime starting in ten minutes (doors open) with
a few hundred tickets sold and arrivals over the last half hour at three gates, a later
showtime the same gate serves (too early), and tomorrow's (wrong showtime). Each verdict
comes from scanning a real code through the screen, as a handheld scanner would.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402
from sqlalchemy import text  # noqa: E402

OUT = harness.ROOT / "docs" / "screenshots"
SIZE = (1280, 760)


def _sell(session, showtime_id: int, seat_ids: list[int]):
    from boxoffice.services import inventory, sales, tickets

    token = uuid.uuid4()
    inventory.hold_seats(
        session, showtime_id=showtime_id, seat_ids=seat_ids, token=token, channel="till:demo", seconds=300
    )
    result = sales.sell_cash(
        session, showtime_id=showtime_id, seat_ids=seat_ids, token=token, channel="till:demo", tendered_minor=10_000_00
    )
    return tickets.order_tickets(session, order_id=result.order_id)


def build_scene(db):
    """Showtimes, sales and earlier arrivals; returns ``(showtimes, codes)``."""
    from boxoffice.domain.ticket_code import TicketClaim, encode, new_key_pair
    from boxoffice.services import admission, door_info, setup
    from boxoffice.services.demo import ensure_demo

    with db.session_factory() as session:
        ensure_demo(session)
        show_id, plan_id = session.execute(
            text(
                "SELECT st.show_id, st.plan_id FROM showtime st JOIN show sh ON sh.id = st.show_id "
                "WHERE sh.title LIKE 'The Importance%' LIMIT 1"
            )
        ).one()
        categories = session.execute(text("SELECT name FROM price_category WHERE plan_id = :p"), {"p": plan_id})
        prices = {name: 30_00 for (name,) in categories}
        seats = [
            r[0] for r in session.execute(text("SELECT id FROM seat WHERE plan_id = :p ORDER BY id"), {"p": plan_id})
        ]
        wheelchair = session.execute(
            text("SELECT id FROM seat WHERE plan_id = :p AND wheelchair ORDER BY id LIMIT 1"), {"p": plan_id}
        ).scalar_one()
        session.rollback()
        now = dt.datetime.now(dt.UTC).replace(second=0, microsecond=0)
        # showtimes of a venue never overlap (migration 0005): make room among the demo ones
        session.execute(
            text(
                "UPDATE showtime SET status = 'cancelled', cancel_reason = 'door screenshots' "
                "WHERE starts_at < :until AND ends_at > :since AND status <> 'cancelled'"
            ),
            {"since": now, "until": now + dt.timedelta(days=1, hours=3)},
        )
        session.commit()
        starts = {
            name: setup.schedule_showtime(
                session, show_id=show_id, plan_id=plan_id, starts_at=now + delta, prices=prices
            )
            for name, delta in (
                ("now", dt.timedelta(minutes=10)),
                ("later", dt.timedelta(hours=3)),
                ("tomorrow", dt.timedelta(days=1)),
            )
        }
        sold = [t for i in range(0, 320, 4) for t in _sell(session, starts["now"], seats[i : i + 4])]
        wheel = _sell(session, starts["now"], [wheelchair])[0]
        later = _sell(session, starts["later"], [seats[5]])[0]
        tomorrow = _sell(session, starts["tomorrow"], [seats[6]])[0]
        # earlier arrivals: the last 35 minutes at three gates, uploaded as a door would
        rng = random.Random(7)
        serving = (starts["now"], starts["later"])
        for i, t in enumerate(sold[10:230]):
            minutes = 35 * (1 - (i / 220) ** 0.6)
            gate = rng.choice(["North", "North", "South", "East"])
            admission.admit_claim(
                session,
                claim=TicketClaim(0, starts["now"], t.ticket_id, 1),
                door=admission.Door(gate=gate, device=f"demo-{gate.lower()}", serving=serving),
                offline_id=uuid.uuid4(),
                scanned_at=now - dt.timedelta(minutes=minutes),
            )
        admission.scan(
            session,
            code=sold[1].code,
            keys=_keys(session),
            door=admission.Door(gate="South", device="demo-south", serving=serving),
        )
        session.execute(
            text("SELECT bo_refund_order(o.order_id) FROM ticket o WHERE o.id = :t"), {"t": sold[300].ticket_id}
        )
        session.commit()
        showtimes = door_info.door_showtimes(session, ids=list(serving))
        venue_id = session.execute(text("SELECT venue_id FROM seating_plan WHERE id = :p"), {"p": plan_id}).scalar_one()
        session.rollback()
        # a genuine-looking claim for a real ticket, signed with a key the venue never had
        forged = encode(TicketClaim(venue_id, starts["now"], sold[0].ticket_id, 1), new_key_pair()[0])
    codes = {
        "admit": sold[2].code,
        "admit-wheelchair": wheel.code,
        "already": sold[1].code,
        "wrong-showtime": tomorrow.code,
        "void": sold[300].code,
        "not-valid": forged,
        "too-early": later.code,
    }
    return showtimes, codes


def _keys(session):
    from boxoffice.services.tickets import venue_public_keys

    return venue_public_keys(session)


def main() -> int:
    from boxoffice.runtime import open_database
    from boxoffice.ui.door.app import DoorStart, build_door_screen

    harness.app()
    settings = harness.temp_settings(till_name="door-north")
    db = open_database(settings)
    try:
        showtimes, codes = build_scene(db)
        start = DoorStart(db.engine, db.session_factory, showtimes, online=True)
        screen, runners = build_door_screen(
            start, settings, gate="North", showtimes=showtimes, reentry=True, sounds=False
        )
        screen.resize(*SIZE)
        screen.show()
        screen.start()
        harness.wait_until(
            lambda: screen.station.online and screen.stats.total.text().startswith("2"),
            what="the door online with counters",
        )
        screen.panel.admit_ms = 600_000  # keep each verdict up for its picture
        OUT.mkdir(parents=True, exist_ok=True)
        for name, code in codes.items():
            screen.panel.clear()
            screen.input.setText(code)
            screen.input.returnPressed.emit()
            harness.wait_until(lambda: screen.panel.verdict is not None, what=f"the {name} verdict")
            harness.wait_until(lambda: not screen._counting and not screen.runner.busy, what="quiet")
            screen.refresh_counters()
            harness.wait_until(lambda: not screen._counting, what="counters")
            path = OUT / f"door-{name}.png"
            screen.grab().save(str(path))
            print(f"{path.relative_to(harness.ROOT)}: {screen.panel.texts()[0]}")
        screen.stop()
        for r in runners:
            r.wait(5000)
    finally:
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
