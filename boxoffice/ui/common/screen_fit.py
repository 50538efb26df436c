"""Opening a window at a comfortable size that never exceeds the screen (counter screens
are often 1366 x 768)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def fit_to_screen(window: QWidget, width: int = 1400, height: int = 860) -> None:
    """Open ``window`` at ``width`` x ``height`` pixels, or maximised when the screen's
    available area is smaller (a 1366 x 768 counter screen): never larger than the screen,
    so the basket and the Pay button are always in view."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry() if screen is not None else None
    if area is not None and (area.width() < width or area.height() < height):
        window.resize(area.width(), area.height())
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    else:
        window.resize(width, height)
