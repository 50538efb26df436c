"""Driving windows by their shortcuts and menu actions in tests, as a person would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QWidget


def press_shortcut(qtbot, window: QWidget, sequence: str | QKeySequence) -> None:
    """Type ``sequence`` (``"Ctrl+Shift+R"``) into ``window``'s focused widget, the window
    made active first (window shortcuts need the active window, which the offscreen
    platform may not give on its own)."""
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    combo = QKeySequence(sequence)[0]
    target = QApplication.focusWidget() or window
    if target.window() is not window:
        target = window
    qtbot.keyClick(target, combo.key(), combo.keyboardModifiers())


def visible_windows() -> set[QWidget]:
    """The top-level widgets on screen now."""
    return {w for w in QApplication.topLevelWidgets() if w.isVisible()}


def menu_actions(window) -> dict[str, object]:
    """Every action of ``window``'s menu bar, by "Menu › Action" (mnemonics dropped)."""
    found = {}
    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is None:
            continue
        for action in menu.actions():
            if action.isSeparator() or action.menu() is not None:
                continue
            found[f"{top.text().replace('&', '')} › {action.text().replace('&', '')}"] = action
    return found


__all__ = ["Qt", "menu_actions", "press_shortcut", "visible_windows"]
