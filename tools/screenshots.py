"""Save docs/screenshots/sell.png (the real app on demo data with sold, held and basket
seats), docs/screenshots/live-holds.png (holds by the web, another till, this till and
this basket, zoomed in, with a seat's tooltip) and docs/screenshots/sell-de.png (the sell
screen in German, as with BOXOFFICE_LANGUAGE=de).

    make screenshots        (QT_QPA_PLATFORM=offscreen python tools/screenshots.py)

Uses a private embedded database in a temporary directory, so the user's data is untouched.
"""

from __future__ import annotations

import shutil
import sys
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

OUT = harness.ROOT / "docs" / "screenshots"


def offer_ticket_types(db, showtime_id: int) -> None:
    """Give ``showtime_id`` concession (-25 %) and child (-50 %) prices in every category,
    as the price rules of docs/shows-and-prices.md would."""
    from sqlalchemy import text

    with db.session_factory() as session:
        session.execute(
            text(
                "INSERT INTO showtime_type_price (showtime_id, category_id, ticket_type_id, price_minor) "
                "SELECT sp.showtime_id, sp.category_id, tt.id, sp.price_minor * f.factor / 100 "
                "FROM showtime_price sp JOIN showtime st ON st.id = sp.showtime_id "
                "JOIN ticket_type tt ON tt.venue_id = st.venue_id "
                "JOIN (VALUES ('concession', 75), ('child', 50)) f(code, factor) ON f.code = tt.code "
                "WHERE sp.showtime_id = :st ON CONFLICT DO NOTHING"
            ),
            {"st": showtime_id},
        )
        session.commit()


def main() -> int:
    """Build the scene and save the PNGs; returns the exit status."""
    settings = harness.temp_settings()
    window, runner, db = harness.open_window(settings)
    try:
        sell = window.sell
        seat_map = sell.seat_map
        by_place = {(sell.seat_map.sections[s.section_id], s.row, s.number): s.id for s in seat_map.seats}
        stalls = [s for s in seat_map.seats if seat_map.sections[s.section_id].startswith("Stalls")]
        rows = sorted({s.row for s in stalls})
        sold = [s.id for s in stalls if s.row in rows[3:6] and 8 <= int(s.number) <= 19]
        upper = [s for s in seat_map.seats if not seat_map.sections[s.section_id].startswith("Stalls")]
        held = [s.id for s in upper[40:46]]
        harness.other_channels_take(db, seat_map.showtime.id, sell=sold, hold=held)
        offer_ticket_types(db, seat_map.showtime.id)  # concessions and children, then reopen the showtime
        sell.open_showtime(seat_map.showtime.id)
        harness.wait_until(
            lambda: sell._type_prices and any(len(v) > 1 for v in sell._type_prices.values()),
            what="ticket types loaded",
        )
        seat_map = sell.seat_map
        harness.wait_until(lambda: all(sell.map.state_of(i) == "sold" for i in sold), what="sold seats on the map")
        mine = [s.id for s in stalls if s.row == rows[8] and int(s.number) in (11, 12, 13)]
        for seat_id in mine:
            harness.click(sell.map, sell.map.seat_view_pos(seat_id))
            harness.wait_until(lambda i=seat_id: i in sell.basket.lines, what="a seat in the basket")
        harness.wait_until(lambda: all(sell.map.visual_state(i) == "mine" for i in mine), what="basket seats drawn")
        types = {o.code: o.ticket_type_id for o in sell._offers(mine[0])}
        sell.set_ticket_type(mine[0], types["concession"])
        sell.set_ticket_type(mine[1], types["child"])
        sell.map.setFocus()
        seat = mine[0]
        harness.wait_until(lambda: runner.busy is False, what="idle runner")
        OUT.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(OUT / "sell.png"))
        print(
            f"saved {OUT / 'sell.png'} ({len(sold)} sold, {len(held)} held by the web, "
            f"{len(mine)} in the basket; seat {seat}, {len(by_place)} seats)"
        )
        sell.release_seats(None)
        runner.wait(5000)
        try:
            live_holds(window, runner, db)
            sell_in_german(db, settings, rows[8])
        finally:
            sell.release_seats(None)  # an empty basket: closing the window asks nothing
            runner.wait(5000)
    finally:
        window.close()
        db.close()
        shutil.rmtree(settings.data_dir, ignore_errors=True)
    return 0


def live_holds(window, runner, db) -> None:
    """Stalls zoomed in: seats held online, at another till, at this till for another sale
    and in this basket, next to sold ones, each look told apart; a web seat hovered with
    its tooltip drawn in."""
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent, QMouseEvent, QPainter
    from PySide6.QtWidgets import QApplication

    from boxoffice.services import inventory

    sell = window.sell
    seat_map = sell.seat_map
    showtime = seat_map.showtime.id
    stalls = [s for s in seat_map.seats if seat_map.sections[s.section_id] == "Stalls"]
    x0, x1 = min(s.x for s in stalls), max(s.x for s in stalls)

    def block(row: str, where: str) -> list[int]:
        """Free seats of a stalls row in the left, centre or right block, left to right."""
        third = (x1 - x0) / 3
        lo, hi = {"left": (x0, x0 + third), "centre": (x0 + third, x1 - third), "right": (x1 - third, x1)}[where]
        return [
            s.id
            for s in sorted(stalls, key=lambda s: s.x)
            if s.row == row and lo <= s.x <= hi and sell.map.visual_state(s.id) == "available"
        ]

    holds = [
        ("web", block("H", "left")[-4:-1] + block("G", "centre")[2:5] + block("K", "right")[1:3]),
        ("till:box-2", block("H", "centre")[5:8] + block("J", "left")[-3:-1]),
        (sell.channel, block("J", "centre")[2:4]),
    ]  # this till, another basket
    with db.session_factory() as session:
        for channel, ids in holds:
            inventory.hold_seats(
                session, showtime_id=showtime, seat_ids=ids, token=uuid.uuid4(), channel=channel, seconds=1800
            )
    looks = {"web": holds[0][1], "held": holds[1][1], "ours": holds[2][1]}
    harness.wait_until(
        lambda: all(sell.map.visual_state(i) == look for look, ids in looks.items() for i in ids),
        what="the holds on the map (through the live feed)",
    )
    for seat_id in block("K", "centre")[4:6]:
        harness.click(sell.map, sell.map.seat_view_pos(seat_id))
        harness.wait_until(lambda i=seat_id: sell.map.visual_state(i) == "mine", what="a seat in the basket")
    sell.map.fit_all()
    centre = sell.map.seat_view_pos(block("J", "centre")[0])
    sell.map.zoom_by(2.2, centre)
    middle = sell.map.viewport().rect().center()
    sell.map.horizontalScrollBar().setValue(sell.map.horizontalScrollBar().value() + centre.x() - middle.x())
    sell.map.verticalScrollBar().setValue(sell.map.verticalScrollBar().value() + centre.y() - middle.y())
    target = looks["web"][0]
    view = sell.map.viewport()
    pos = sell.map.seat_view_pos(target)
    QApplication.sendEvent(
        view,
        QMouseEvent(
            QEvent.Type.MouseMove,
            pos.toPointF(),
            view.mapToGlobal(pos).toPointF(),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        ),
    )
    QApplication.sendEvent(view, QHelpEvent(QEvent.Type.ToolTip, pos, view.mapToGlobal(pos)))
    harness.wait_until(lambda: runner.busy is False, what="idle runner")
    harness.wait_until(lambda: tooltip() is not None, what="the tooltip")
    image = window.grab()
    tip = tooltip()
    painter = QPainter(image)
    # where a desktop puts it: below right of the pointer (the offscreen screen is too small to tell)
    painter.drawPixmap(view.mapTo(window, pos) + QPoint(12, 18), tip.grab())
    painter.end()
    image.save(str(OUT / "live-holds.png"))
    print(f"saved {OUT / 'live-holds.png'}: {sell.map.describe_seat(target)}")
    sell.release_seats(None)
    runner.wait(5000)


def sell_in_german(db, settings, row: str) -> None:
    """docs/screenshots/sell-de.png: a second till in German (texts, money, dates) with
    three seats of ``row`` in its basket, one of them a concession."""
    from boxoffice.app import build_window
    from boxoffice.ui.common import i18n

    i18n.install(harness.app(), "de")
    window, runner = build_window(db, settings, actor=harness.sign_in(db, settings), idle_lock_seconds=0)
    try:
        window.resize(1400, 860)
        window.show()
        window.start()
        sell = window.sell
        harness.wait_until(lambda: sell.seat_map is not None and sell._version > 0, what="the seat map")
        seat_map = sell.seat_map
        harness.wait_until(lambda: runner.busy is False, what="idle runner")
        mine = [
            s.id
            for s in seat_map.seats
            if seat_map.sections[s.section_id].startswith("Stalls") and s.row == row and int(s.number) in (11, 12, 13)
        ]
        for seat_id in mine:
            harness.click(sell.map, sell.map.seat_view_pos(seat_id))
            harness.wait_until(lambda i=seat_id: i in sell.basket.lines, what="a seat in the basket")
        types = {o.code: o.ticket_type_id for o in sell._offers(mine[0])}
        sell.set_ticket_type(mine[0], types["concession"])
        sell.map.setFocus()
        harness.wait_until(lambda: runner.busy is False, what="idle runner")
        window.grab().save(str(OUT / "sell-de.png"))
        print(f"saved {OUT / 'sell-de.png'} ({window.sell.panel.total.text()})")
    finally:
        window.sell.release_seats(None)  # an empty basket: closing the window asks nothing
        runner.wait(5000)
        window.close()
        i18n.install(harness.app(), "en_GB")


def tooltip():
    """The visible tooltip widget, if any."""
    from PySide6.QtWidgets import QApplication

    return next((w for w in QApplication.topLevelWidgets() if w.inherits("QTipLabel") and w.isVisible()), None)


if __name__ == "__main__":
    raise SystemExit(main())
