"""Driving the sell screen in tests as a cashier would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton
from pytestqt.exceptions import TimeoutError as WaitTimeout


def pay_cash(qtbot, screen, tendered: str, timeout: int = 10_000):
    """Click "Pay cash…" on ``screen`` (a SellScreen), type ``tendered`` (e.g. ``"40"``)
    into the cash dialog and confirm; returns what ``saleCompleted`` emitted
    (``(result, ticket views)``) once the sale is done. Waits for the dialog itself (it
    opens window-modal, without a nested event loop): a fixed 200 ms timer once fired
    before it, on a loaded machine, and the sale was never confirmed."""
    from boxoffice.ui.counter.payment import PayCashDialog

    sold: list = []
    screen.saleCompleted.connect(sold.append)
    qtbot.mouseClick(screen.panel.pay_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), PayCashDialog), timeout=timeout)
    cash = QApplication.activeModalWidget()
    qtbot.keyClicks(cash.findChild(QLineEdit, "tendered"), tendered)
    qtbot.mouseClick(cash.findChild(QPushButton, "confirmSale"), Qt.MouseButton.LeftButton)
    try:
        qtbot.waitUntil(lambda: bool(sold), timeout=timeout)
    except WaitTimeout as exc:
        raise AssertionError(f"the sale did not complete; the screen says: {screen.notice.text()!r}") from exc
    return sold[0]
