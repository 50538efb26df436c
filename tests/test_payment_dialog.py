"""The cash dialog as a cashier types into it: amount, Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt

from boxoffice.ui.payment import PayCashDialog


def test_typing_an_amount_and_enter_confirms_with_that_amount(qtbot):
    dialog = PayCashDialog(3600, "GBP")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.tendered, "80")
    assert dialog.change_label.text() == "£44.00"
    qtbot.keyClick(dialog.tendered, Qt.Key.Key_Return)
    assert dialog.result() == PayCashDialog.DialogCode.Accepted
    assert dialog.tendered_minor == 8000


def test_enter_with_too_little_does_nothing_and_says_why(qtbot):
    dialog = PayCashDialog(3600, "GBP")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.tendered, "20")
    qtbot.keyClick(dialog.tendered, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.tendered_minor is None
    assert dialog.tendered.text() == "20"
    assert "Short by £16.00" in dialog.problem.text()
