"""Screenshots of the counter's keyboard work (docs/counter.md), taken on the real window
with the demo theatre:

* docs/screenshots/best-available.png: "4" typed on the map, the best 4 together held,
  ringed and centred, with the category keys in the legend;
* docs/screenshots/keyboard-cursor.png: a seat reference typed ("F 12"), the cursor's ring
  on that seat after Enter and a move with the arrow keys, and a refusal in the banner.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/counter_screenshots.py [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Take both screenshots."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=harness.ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    settings = harness.temp_settings(hold_seconds=300)
    os.environ["BOXOFFICE_DATA_DIR"] = str(settings.data_dir)
    from boxoffice.services import drawer
    from boxoffice.ui.common import i18n

    i18n.install(harness.app(), "en_GB")  # as `boxoffice run` does (plural forms come from the translation)
    window, runner, db = harness.open_window(settings, (1366, 768), role="cashier")
    sell = window.sell
    try:
        opened: list = []
        runner.run(lambda session: drawer.open_shift(session, sell.channel, 10_000), opened.append, opened.append)
        harness.wait_until(lambda: bool(opened), what="the drawer open")
        window.drawer.refresh()  # the "no shift" bar goes
        harness.wait_until(lambda: not runner.busy, what="the drawer bar")
        window.activateWindow()
        harness.wait_until(window.isActiveWindow, what="the window active")
        sell.map.setFocus()
        QTest.keyClick(sell.map, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # the second category
        QTest.keyClick(sell.map, Qt.Key.Key_4)
        QTest.keyClick(sell.map, Qt.Key.Key_Return)
        harness.wait_until(lambda: len(sell.basket.lines) == 4 and not runner.busy, what="4 best seats")
        args.out.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(args.out / "best-available.png"))

        sell.release_seats(None)
        harness.wait_until(lambda: sell.basket.empty and not runner.busy, what="released")
        sell.map.fit_all()
        QTest.keyClicks(sell.map, "F 12")
        shown = window.grab()  # the typed reference, before Enter
        QTest.keyClick(sell.map, Qt.Key.Key_Return)
        for key in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Down):
            QTest.keyClick(sell.map, key)
        seat = sell.cursor.seat
        QTest.keyClick(sell.map, Qt.Key.Key_Space)
        harness.wait_until(lambda: seat in sell.basket.lines and not runner.busy, what="the seat held")
        QTest.keyClicks(sell.map, "ZZ 99")
        QTest.keyClick(sell.map, Qt.Key.Key_Return)  # refused: no such seat, in the banner
        sell.notice.show_typed("")
        window.grab().save(str(args.out / "keyboard-cursor.png"))
        shown.save(str(Path(settings.data_dir) / "typed.png"))
        print(args.out / "best-available.png", args.out / "keyboard-cursor.png")
    finally:
        harness.close_window(window, runner, db, settings)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
