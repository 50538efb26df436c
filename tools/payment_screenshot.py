"""Save docs/screenshots/pay-split.png: the payment dialog in the middle of a split
payment (20.00 taken by card with the terminal's reference, the rest in cash with 40.00
handed over), as a cashier sees it. No database needed.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/payment_screenshot.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots" / "pay-split.png"


def main() -> None:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from boxoffice.ui.common import i18n
    from boxoffice.ui.counter.payment import PaymentDialog

    app = QApplication.instance() or QApplication(sys.argv)
    i18n.install(app, "en_GB")
    dialog = PaymentDialog(50_00, "GBP", tickets="2 Full", method="card", may_comp=False)
    dialog.resize(540, 500)
    dialog.show()
    QTest.keyClicks(dialog.card_amount, "20")
    QTest.keyClicks(dialog.card_reference, "AUTH 4711")
    dialog.take_part()  # F12: the card is a part payment; cash for the rest
    QTest.keyClicks(dialog.tendered, "40")
    QTest.qWait(200)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(OUT))
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
