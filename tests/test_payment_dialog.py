"""The cash dialog as a cashier types into it: amount, Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt

from boxoffice.ui.counter.payment import PayCashDialog


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


def test_a_german_till_reads_20_komma_50_as_twenty_euros_fifty(qtbot, qapp):
    from boxoffice.ui.common import i18n

    i18n.install(qapp, "de")
    try:
        dialog = PayCashDialog(2050, "EUR")
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.tendered, "20,50")
        assert dialog.confirm.isEnabled() and dialog.change_label.text() == "0,00\xa0€"
        dialog.tendered.clear()
        qtbot.keyClicks(dialog.tendered, "20.50")  # not 2.050,00 €: refused, saying why
        assert not dialog.confirm.isEnabled() and "," in dialog.problem.text()
    finally:
        i18n.install(qapp, "en_GB")


def test_a_split_with_the_keyboard_and_a_part_dropped_again(qtbot):
    dialog = PayCashDialog(5000, "GBP", method="card")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.card_amount, "60")
    assert "more than the £50.00" in dialog.problem.text() and not dialog.add_part.isEnabled()
    dialog.card_amount.clear()
    qtbot.keyClicks(dialog.card_amount, "20")
    assert not dialog.add_part.isEnabled()  # no terminal reference yet
    qtbot.keyClicks(dialog.card_reference, "A1")
    dialog.take_part()
    assert dialog.remaining_label.text() == "£30.00" and dialog.method == "cash"
    dialog.parts_list.setCurrentRow(0)
    qtbot.keyClick(dialog.parts_list, Qt.Key.Key_Delete)
    assert dialog.parts == [] and dialog.remaining_label.text() == "£50.00"
    qtbot.keyClicks(dialog.tendered, "50")
    qtbot.keyClick(dialog.tendered, Qt.Key.Key_Return)
    assert [(t.method, t.amount_minor) for t in dialog.tenders] == [("cash", 5000)]
