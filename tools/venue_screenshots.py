"""Save docs/screenshots/venue-settings.png (Manage → Venue settings… of the demo cinema)
and cinema-screens.png (the counter on the demo cinema's four screens at one time slot:
four sizes, the recliner row, wheelchair spaces with companions; the picker marks the hall).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/venue_screenshots.py

Uses a private embedded database in a temporary directory, so the user's data is untouched.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402

OUT = harness.ROOT / "docs" / "screenshots"


def main() -> int:
    """Open the real app on demo data as an admin and save both PNGs; returns the exit status."""
    from PySide6.QtCore import QCoreApplication, QEvent, QRect, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter
    from sqlalchemy import text

    from boxoffice.services.demo_cinema import CINEMA_VENUE

    settings = harness.temp_settings()
    window, runner, db = harness.open_window(settings, size=(1280, 800))
    try:
        OUT.mkdir(parents=True, exist_ok=True)
        dialog = window.open_venue_settings()
        harness.wait_until(lambda: dialog.venue.count() >= 2, what="the venues")
        dialog.venue.setCurrentIndex(dialog.venue.findText(CINEMA_VENUE))
        harness.wait_until(lambda: dialog.halls.count() == 4, what="the cinema's halls")
        dialog.halls.setCurrentRow(1)
        dialog.adjustSize()
        dialog.grab().save(str(OUT / "venue-settings.png"))
        print(f"saved {OUT / 'venue-settings.png'}")
        dialog.close()

        with db.session_factory() as session:  # tomorrow's first evening slot on every screen
            rows = session.execute(
                text(
                    "SELECT DISTINCT ON (h.position) st.id, h.name FROM showtime st JOIN hall h ON h.id = st.hall_id "
                    "JOIN venue v ON v.id = st.venue_id WHERE v.name = :v AND st.starts_at > now() + interval '1 day' "
                    "AND extract(hour FROM st.starts_at AT TIME ZONE v.timezone) >= 17 "
                    "ORDER BY h.position, st.starts_at"
                ),
                {"v": CINEMA_VENUE},
            ).all()
        shots = []
        sell = window.sell
        for showtime_id, _hall in rows:
            sell.open_showtime(showtime_id)
            harness.wait_until(
                lambda s=showtime_id: sell.seat_map is not None and sell.seat_map.showtime.id == s, what="a screen"
            )
            harness.wait_until(lambda: not runner.busy, what="idle runner")
            harness.wait_until(lambda: any("Recliner" in e for e in sell.legend.entries()), what="the legend")
            index = sell.picker.findData(showtime_id)
            if index >= 0:
                sell.picker.setCurrentIndex(index)
            harness.wait_until(lambda: not runner.busy, what="idle runner")
            # the legend's old entries go by deleteLater, which processEvents alone does not run
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            settle = time.perf_counter() + 0.3
            harness.wait_until(lambda t=settle: time.perf_counter() > t, what="the layout")
            shots.append((sell.picker.currentText(), sell.grab().toImage()))
        width, height = shots[0][1].width() // 2, shots[0][1].height() // 2
        sheet = QImage(2 * width, 2 * height + 40, QImage.Format.Format_RGB32)
        sheet.fill(QColor("#ffffff"))
        painter = QPainter(sheet)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setFont(QFont("DejaVu Sans", 13, QFont.Weight.Bold))
        painter.drawText(
            QRect(0, 0, sheet.width(), 40),
            Qt.AlignmentFlag.AlignCenter,
            f"{CINEMA_VENUE}: four screens (halls), films at overlapping times",
        )
        for i, (_label, image) in enumerate(shots):
            x, y = (i % 2) * width, 40 + (i // 2) * height
            painter.drawImage(QRect(x, y, width, height), image)
            painter.setPen(QColor("#999999"))
            painter.drawRect(QRect(x, y, width - 1, height - 1))
        painter.end()
        sheet.save(str(OUT / "cinema-screens.png"))
        print(f"saved {OUT / 'cinema-screens.png'} ({len(shots)} screens: {[s[0] for s in shots]})")
    finally:
        harness.close_window(window, runner, db, settings)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
