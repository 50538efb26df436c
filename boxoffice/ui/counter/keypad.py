"""What the cashier types on the seat map: a quantity for best available, or a seat
reference to jump to.

Installed on the seat map view as an event filter (so the map needs no code for it):

* a digit **1**–**9** alone holds that many best seats after a short pause
  (``AUTO_HOLD_MS``) or at once when **Enter** or **F9** follows; more digits then
  **Enter** ask for more (``12`` Enter);
* letters, or digits followed by a space or letters, are a seat reference
  (``K14``, ``112 K 14``): **Enter** jumps there;
* **Enter** with nothing typed asks for the next best offer;
* **Backspace** edits, **Esc** forgets what was typed.

A leading **0** and the map's other keys (+, −) are left to the map.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

AUTO_HOLD_MS = 350
MAX_TYPED = 60
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_SEPARATORS = set(" -/.,:")


class TypeAhead(QObject):
    """Typing on one widget (the seat map view); see the module's docstring.

    ``wants_enter()`` (optional) tells whether Enter with nothing typed means "next best"
    (otherwise the key goes on to the map).

    Signals:
        quantityTyped(int): hold this many best seats.
        referenceTyped(str): jump to this seat reference (not yet parsed).
        nextRequested(): Enter with nothing typed.
        typedChanged(str): what is typed so far (``""``: nothing).
    """

    quantityTyped = Signal(int)
    referenceTyped = Signal(str)
    nextRequested = Signal()
    typedChanged = Signal(str)

    def __init__(
        self, target: QWidget, *, wants_enter: Callable[[], bool] | None = None, auto_ms: int = AUTO_HOLD_MS
    ) -> None:
        super().__init__(target)
        self.target = target
        self.typed = ""
        self.wants_enter = wants_enter or (lambda: False)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(auto_ms)
        self._timer.timeout.connect(self.flush)
        target.installEventFilter(self)

    @property
    def pending_quantity(self) -> bool:
        """Whether digits are typed that will become a quantity."""
        return self.typed.isdigit()

    def flush(self) -> bool:
        """Act on what is typed now (a quantity, or a reference); returns whether there
        was anything."""
        typed, self.typed = self.typed.strip(), ""
        self._timer.stop()
        self.typedChanged.emit("")
        if not typed:
            return False
        if typed.isdigit():
            self.quantityTyped.emit(int(typed))
        else:
            self.referenceTyped.emit(typed)
        return True

    def clear(self) -> None:
        """Forget what is typed."""
        self._timer.stop()
        if self.typed:
            self.typed = ""
            self.typedChanged.emit("")

    def _set(self, typed: str) -> None:
        self.typed = typed[:MAX_TYPED]
        self.typedChanged.emit(self.typed)
        if self.typed.isdigit() and len(self.typed) == 1:
            self._timer.start()
        else:
            self._timer.stop()  # more digits or a reference: Enter decides

    def _text_key(self, event) -> str | None:
        """The character ``event`` adds to what is typed, if it is one of ours."""
        mods = event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier)
        if mods != Qt.KeyboardModifier.NoModifier:
            return None
        text = event.text()
        if len(text) != 1:
            return None
        if text.isdigit():
            return text if (self.typed or text != "0") else None
        if text.isalpha():
            return text
        if text in _SEPARATORS and self.typed:
            return text
        return None

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if watched is not self.target:
            return False
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride:  # "0" fits the map, unless it is part of a number
            if self._text_key(event) is not None and self.typed:
                event.accept()
                return True
            return False
        if kind != QEvent.Type.KeyPress:
            return False
        key = event.key()
        char = self._text_key(event)
        if char is not None:
            self._set(self.typed + char)
            return True
        if not self.typed:
            if key in _ENTER and self.wants_enter():
                self.nextRequested.emit()
                return True
            return False
        if key in _ENTER:
            self.flush()
        elif key == Qt.Key.Key_Backspace:
            self._set(self.typed[:-1])
        elif key == Qt.Key.Key_Escape:
            self.clear()
        else:
            return False
        return True
