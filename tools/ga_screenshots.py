"""Save docs/screenshots/general-admission.png: the sell screen on demo data with a
general-admission area "Standing" (capacity 200) below the stalls, some places sold and
held elsewhere, and 2 places in this basket next to a seat.

    QT_QPA_PLATFORM=offscreen python tools/ga_screenshots.py

The demo theatre has no GA area, so this adds one to the demo plan version in a private
embedded database (a temporary directory): the user's data is untouched.
"""

from __future__ import annotations

import shutil
import sys
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402

OUT = harness.ROOT / "docs" / "screenshots"


def add_standing_area(db, showtime_id: int, plan_id: int, seats) -> int:
    """A "Standing" area (capacity 200, the cheapest category) below the plan's seats,
    with 20 places sold at another till and 15 held online."""
    from sqlalchemy import text

    from boxoffice.services import general_admission, sales

    bottom = max(s.y + s.radius for s in seats)
    left, right = min(s.x for s in seats), max(s.x for s in seats)
    with db.session_factory() as session:
        area_id = session.execute(
            text(
                "INSERT INTO ga_area (plan_id, name, capacity, category_id, x, y, w, h) "
                "SELECT :p, 'Standing', 200, pc.id, :x, :y, :w, 110 FROM price_category pc "
                "JOIN showtime_price sp ON sp.category_id = pc.id AND sp.showtime_id = :st "
                "WHERE pc.plan_id = :p ORDER BY sp.price_minor, pc.id LIMIT 1 RETURNING id"
            ),
            {
                "p": plan_id,
                "st": showtime_id,
                "x": left + (right - left) * 0.15,
                "y": bottom + 60,
                "w": (right - left) * 0.7,
            },
        ).scalar_one()
        session.execute(
            text("INSERT INTO ga_inventory (showtime_id, ga_area_id, capacity) VALUES (:st, :a, 200)"),
            {"st": showtime_id, "a": area_id},
        )
        session.commit()
        other = uuid.uuid4()
        general_admission.hold_places(
            session,
            showtime_id=showtime_id,
            area_id=area_id,
            quantity=20,
            token=other,
            channel="till:box-2",
            seconds=600,
        )
        sales.sell_cash(
            session,
            showtime_id=showtime_id,
            seat_ids=[],
            ga={area_id: 20},
            token=other,
            channel="till:box-2",
            tendered_minor=100_000,
        )
        general_admission.hold_places(
            session,
            showtime_id=showtime_id,
            area_id=area_id,
            quantity=15,
            token=uuid.uuid4(),
            channel="web",
            seconds=1800,
        )
    return area_id


def main() -> int:
    """Build the scene and save the PNG; returns the exit status."""
    from boxoffice.domain.basket import GaLine

    settings = harness.temp_settings()
    window, runner, db = harness.open_window(settings)
    try:
        sell = window.sell
        seat_map = sell.seat_map
        area_id = add_standing_area(db, seat_map.showtime.id, seat_map.plan_id, seat_map.seats)
        sell.open_showtime(seat_map.showtime.id)
        harness.wait_until(lambda: area_id in sell.map.ga_items(), what="the area on the map")
        stalls = [s for s in sell.seat_map.seats if sell.seat_map.sections[s.section_id].startswith("Stalls")]
        seat = sorted(stalls, key=lambda s: (s.row, int(s.number)))[len(stalls) // 2].id
        harness.click(sell.map, sell.map.seat_view_pos(seat))
        harness.wait_until(lambda: seat in sell.basket.lines, what="a seat in the basket")
        area = sell.ga.areas[area_id]
        category = sell.seat_map.categories[area.category_id]
        sell.ga.hold(area_id, 2, GaLine(area_id, area.name, category.name, 2, category.price_minor))
        harness.wait_until(lambda: area_id in sell.basket.ga, what="2 places in the basket")
        harness.wait_until(lambda: sell.map.ga_items()[area_id].available == 200 - 20 - 15 - 2, what="the area's count")
        harness.wait_until(lambda: runner.busy is False, what="idle runner")
        OUT.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(OUT / "general-admission.png"))
        print(f"saved {OUT / 'general-admission.png'} ({sell.map.ga_items()[area_id].label})")
        sell.release_seats(None)  # an empty basket: closing the window asks nothing
        runner.wait(5000)
    finally:
        window.close()
        db.close()
        shutil.rmtree(settings.data_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
