"""Driving the sell screen in tests as a cashier would."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton


def pay_cash(qtbot, screen, tendered: str, timeout: int = 10_000):
    """Click "Pay cash…" on ``screen`` (a SellScreen), type ``tendered`` (e.g. ``"40"``)
    into the cash dialog and confirm; returns what ``saleCompleted`` emitted
    (``(result, ticket views)``) once the sale is done."""
    from boxoffice.ui.counter.payment import PayCashDialog

    def pay() -> None:
        cash = QApplication.activeModalWidget()
        assert isinstance(cash, PayCashDialog), cash
        qtbot.keyClicks(cash.findChild(QLineEdit, "tendered"), tendered)
        qtbot.mouseClick(cash.findChild(QPushButton, "confirmSale"), Qt.MouseButton.LeftButton)

    sold: list = []
    screen.saleCompleted.connect(sold.append)
    QTimer.singleShot(200, pay)
    qtbot.mouseClick(screen.panel.pay_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(sold), timeout=timeout)
    return sold[0]
