"""Save docs/screenshots/stadium-fit.png (the demo stadium's map at fit: sections as shapes
with free counts, seats in the basket marked) and stadium-zoomed.png (found with Find seat:
seats, row labels, seat numbers, the minimap), from the real app on a private database.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/stadium_screenshots.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import harness  # noqa: E402
import stadium_map  # noqa: E402

OUT = harness.ROOT / "docs" / "screenshots"


def main() -> int:
    """Open the stadium, hold four seats, save the two pictures."""
    from boxoffice.domain.stadium_generator import demo_stadium

    settings = harness.temp_settings(hold_seconds=600)
    window, runner, db = harness.open_window(settings, size=(1366, 768))
    try:
        showtime_id, _ = stadium_map.make_showtime(db, demo_stadium(), 0.55)
        sell = window.sell
        sell.open_showtime(showtime_id)
        harness.wait_until(lambda: sell.seat_map.showtime.id == showtime_id and not runner.busy, what="stadium")
        index = sell.map.seat_index()
        wanted = index.suggest("112 K")[0]
        seats = [sid for number, sid in index.rows[wanted.section]["K"] if sell.map.state_of(sid) == "available"][:2]
        for seat_id in seats:
            sell.hold_seat(seat_id)
            harness.wait_until(lambda i=seat_id: i in sell.basket.lines, what="a seat held")
        sell.map.fit_all()
        harness.wait_until(lambda: not sell.map._prepare_timer.isActive(), what="dots pictures", timeout=30)
        OUT.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(OUT / "stadium-fit.png"))
        sell.map.show_seat(seats[0])
        sell.map.zoom_by(0.75)
        harness.wait_until(lambda: True)
        window.grab().save(str(OUT / "stadium-zoomed.png"))
        sell.release_seats(None)
        harness.wait_until(lambda: not runner.busy, what="release")
    finally:
        harness.close_window(window, runner, db, settings)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
