"""Save docs/screenshots/sell.png: the real app on demo data with sold, held and basket seats.

    make screenshots        (QT_QPA_PLATFORM=offscreen python tools/screenshots.py)

Uses a private embedded database in a temporary directory, so the user's data is untouched.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402

OUT = harness.ROOT / "docs" / "screenshots"


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
        sell.resync()
        harness.wait_until(lambda: all(sell.map.state_of(i) == "sold" for i in sold), what="sold seats on the map")
        mine = [s.id for s in stalls if s.row == rows[8] and int(s.number) in (11, 12, 13)]
        for seat_id in mine:
            harness.click(sell.map, sell.map.seat_view_pos(seat_id))
            harness.wait_until(lambda i=seat_id: i in sell.basket.lines, what="a seat in the basket")
        harness.wait_until(lambda: all(sell.map.visual_state(i) == "mine" for i in mine), what="basket seats drawn")
        sell.map.setFocus()
        seat = mine[0]
        harness.wait_until(lambda: runner.busy is False, what="idle runner")
        OUT.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(OUT / "sell.png"))
        print(f"saved {OUT / 'sell.png'} ({len(sold)} sold, {len(held)} held by the web, "
              f"{len(mine)} in the basket; seat {seat}, {len(by_place)} seats)")
        sell.release_seats(None)
        runner.wait(5000)
    finally:
        window.close()
        db.close()
        shutil.rmtree(settings.data_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
