"""Save docs/screenshots/shows.png, schedule.png, prices.png, price-rules.png and
block-seats.png (the sell screen in block mode): the
real app on demo data, signed in as an admin, with a few price rules, a poster, and a
series previewed over dates where the demo week already has showtimes (so some rows show
conflicts).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/manage_screenshots.py

Uses a private embedded database in a temporary directory, so the user's data is untouched.
"""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402

OUT = harness.ROOT / "docs" / "screenshots"


def poster_png(title: str) -> bytes:
    """A simple poster (dark, with the title) as PNG bytes, drawn with Qt."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QLinearGradient, QPainter

    image = QImage(320, 440, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    gradient = QLinearGradient(0, 0, 0, 440)
    gradient.setColorAt(0, QColor("#1e1b4b"))
    gradient.setColorAt(1, QColor("#7c2d12"))
    painter.fillRect(image.rect(), gradient)
    painter.setPen(QColor("#fde68a"))
    font = QFont("DejaVu Serif", 26, QFont.Weight.Bold)
    painter.setFont(font)
    painter.drawText(QRect(20, 60, 280, 260), Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap, title)
    painter.setFont(QFont("DejaVu Sans", 13))
    painter.drawText(QRect(20, 360, 280, 40), Qt.AlignmentFlag.AlignHCenter, "Riverside Theatre")
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def set_up(db, actor) -> dict:
    """Price rules, a poster and a rating for the demo; returns ids for the scenes."""
    from sqlalchemy import text

    from boxoffice.domain import pricing
    from boxoffice.services import blocks, cancellation, prices, shows
    from boxoffice.services.auth import act_as

    with db.session_factory() as session:
        act_as(session, actor)
        venue_id, plan_id = session.execute(
            text("SELECT venue_id, id FROM seating_plan ORDER BY id DESC LIMIT 1")
        ).one()
        show = session.execute(
            text("SELECT id, title, duration_minutes, description FROM show WHERE title LIKE 'The Importance%'")
        ).one()
        session.rollback()
        types = {t.code: t.id for t in prices.ticket_types_of(session, venue_id)}
        session.rollback()
        for name, rule in [
            ("Weekend", pricing.Rule(types["full"], "add", amount_minor=400, weekdays=frozenset({6, 7}))),
            (
                "Matinee",
                pricing.Rule(types["full"], "percent", percent=Decimal("-20"), until_time=dt.time(17), position=1),
            ),
            ("Concessions", pricing.Rule(types["concession"], "percent", percent=Decimal("-25"), position=2)),
            ("Children", pricing.Rule(types["child"], "percent", percent=Decimal("-50"), position=3)),
        ]:
            prices.save_rule(session, venue_id=venue_id, name=name, rule=rule)
        shows.save_show(
            session,
            show_id=show.id,
            title=show.title,
            duration_minutes=show.duration_minutes,
            description=show.description,
            rating="PG",
            image=poster_png(show.title),
        )
        # an evening showtime with concession and child prices, some sales and house seats
        showtime_id = session.execute(
            text("SELECT id FROM showtime WHERE show_id = :s AND starts_at > now() ORDER BY starts_at LIMIT 1"),
            {"s": show.id},
        ).scalar_one()
        grid = prices.price_grid(session, showtime_id=showtime_id)
        wanted = {}
        for cid in grid.categories:
            full = grid.prices[(cid, types["full"])]
            wanted[(cid, types["concession"])] = full * 3 // 4 // 50 * 50
            wanted[(cid, types["child"])] = full // 2 // 50 * 50
        wanted[(next(iter(grid.categories)), types["complimentary"])] = 0
        prices.set_prices(session, showtime_id=showtime_id, prices=wanted)
        seats = (
            session.execute(
                text("SELECT seat_id FROM inventory WHERE showtime_id = :s ORDER BY seat_id"), {"s": showtime_id}
            )
            .scalars()
            .all()
        )
        session.rollback()
        blocks.block_seats(session, showtime_id=showtime_id, seat_ids=seats[:6], reason="House seats")
        carol = session.execute(
            text(
                "SELECT st.id FROM showtime st JOIN show sh ON sh.id = st.show_id WHERE sh.title LIKE 'A Christmas%' "
                "AND st.starts_at > now() ORDER BY st.starts_at DESC LIMIT 1"
            )
        ).scalar_one()
        session.rollback()
        cancellation.cancel_showtime(session, showtime_id=carol, reason="Orchestra strike")
    harness.other_channels_take(db, showtime_id, sell=seats[40:52], hold=[])
    return {"show_id": show.id, "plan_id": plan_id, "venue_id": venue_id, "showtime_id": showtime_id}


def main() -> int:
    """Build the scenes and save the PNGs; returns the exit status."""
    from PySide6.QtCore import QDate

    settings = harness.temp_settings()
    window, runner, db = harness.open_window(settings)
    try:
        OUT.mkdir(parents=True, exist_ok=True)
        ids = set_up(db, runner.actor)

        dialog = window.open_shows()
        harness.wait_until(lambda: dialog.list.count() >= 2, what="the shows")
        row = next(i for i, s in enumerate(dialog.items) if s.id == ids["show_id"])
        dialog.list.setCurrentRow(row)
        harness.wait_until(lambda: not dialog.poster.pixmap().isNull(), what="the poster")
        harness.wait_until(lambda: not runner.busy, what="idle runner")
        dialog.grab().save(str(OUT / "shows.png"))
        print(f"saved {OUT / 'shows.png'}")
        dialog.close()

        dialog = window.open_schedule()
        harness.wait_until(lambda: dialog.plan_box.count() >= 1 and dialog.show_box.count() >= 2, what="the form")
        dialog.select(show_id=ids["show_id"], plan_id=ids["plan_id"])
        today = dt.date.today()
        first, last = today + dt.timedelta(days=5), today + dt.timedelta(days=12)
        dialog.first_day.setDate(QDate(first.year, first.month, first.day))
        dialog.last_day.setDate(QDate(last.year, last.month, last.day))
        for i, box in enumerate(dialog.day_boxes, 1):
            box.setChecked(i in (3, 4, 5, 6, 7))
        dialog.times.setText("14:30, 19:30")
        for edit, price in zip(
            dialog.price_edits.values(), ["48.00", "36.00", "24.00", "18.00", "12.00"], strict=False
        ):
            edit.setText(price)
        dialog.run_preview()
        harness.wait_until(lambda: dialog.table.rowCount() > 0, what="the preview")
        harness.wait_until(lambda: not runner.busy, what="idle runner")
        dialog.grab().save(str(OUT / "schedule.png"))
        print(f"saved {OUT / 'schedule.png'} ({dialog.table.rowCount()} rows)")
        dialog.close()

        dialog = window.open_prices()
        harness.wait_until(
            lambda: dialog.grid is not None and dialog.rules.table.rowCount() == 4, what="the price grid and rules"
        )
        dialog.select_showtime(ids["showtime_id"])
        harness.wait_until(
            lambda: dialog.grid is not None and dialog.grid.showtime_id == ids["showtime_id"],
            what="the showtime's prices",
        )
        harness.wait_until(lambda: not runner.busy, what="idle runner")
        dialog.grab().save(str(OUT / "prices.png"))
        print(f"saved {OUT / 'prices.png'}")
        dialog.tabs.setCurrentIndex(1)
        harness.wait_until(lambda: not runner.busy, what="idle runner")
        dialog.grab().save(str(OUT / "price-rules.png"))
        print(f"saved {OUT / 'price-rules.png'}")
        dialog.close()

        sell = window.sell
        sell.resync()
        harness.wait_until(lambda: not runner.busy, what="idle runner")
        sell.blocking.start()
        # the front two rows of the dearest category: four seats blocked (a camera), three picked
        premium = next(iter(sell.seat_map.categories))
        groups: dict = {}
        for seat in sell.seat_map.seats:
            if seat.category_id == premium:
                groups.setdefault((seat.section_id, seat.row), []).append(seat)
        rows = sorted(groups.values(), key=lambda g: sum(s.y for s in g) / len(g))
        first, second = ([s.id for s in sorted(g, key=lambda s: s.x)] for g in rows[:2])
        for seat_id in first[len(first) // 2 - 2 : len(first) // 2 + 2]:
            sell.blocking.toggle_seat(seat_id)
        sell.blocking.reason.setCurrentText("Camera position")
        sell.blocking.block()
        harness.wait_until(lambda: sell.map.state_of(first[len(first) // 2]) == "blocked", what="the blocked seats")
        for seat_id in second[len(second) // 2 - 1 : len(second) // 2 + 2]:
            sell.blocking.toggle_seat(seat_id)
        harness.wait_until(lambda: not runner.busy, what="idle runner")
        window.grab().save(str(OUT / "block-seats.png"))
        print(f"saved {OUT / 'block-seats.png'}")
        sell.blocking.stop()
    finally:
        harness.close_window(window, runner, db, settings)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
