"""The till's window never opens larger than the screen: on a 1366 x 768 counter screen the
basket and Pay must be in view (it once opened at 1400 x 860 and hid them)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from boxoffice.ui.common.screen_fit import fit_to_screen


def test_the_window_fits_a_small_screen_and_keeps_its_size_on_a_big_one(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    area = window.screen().availableGeometry()
    fit_to_screen(window, width=area.width() + 34, height=area.height() + 92)
    assert window.width() <= area.width() and window.height() <= area.height()
    assert window.windowState() & Qt.WindowState.WindowMaximized

    small = QMainWindow()
    qtbot.addWidget(small)
    fit_to_screen(small, width=area.width() // 2, height=area.height() // 2)
    assert (small.width(), small.height()) == (area.width() // 2, area.height() // 2)
    assert not small.isMaximized()
