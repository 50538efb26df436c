"""Guarding task callbacks of windows that may close while their task runs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6


def if_alive(widget, fn: Callable[..., Any]) -> Callable[..., None]:
    """``fn`` wrapped to do nothing once ``widget`` (a QWidget) has been deleted, e.g. a
    manage dialog closed (``WA_DeleteOnClose``) while its worker task was running."""

    def call(*args: Any) -> None:
        if shiboken6.isValid(widget):
            fn(*args)

    return call
