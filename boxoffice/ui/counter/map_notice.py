"""Messages on the seat map a cashier cannot miss: a banner across the top of the map for
refusals and lost races (it stays until the cashier's next action), and a line at the
bottom showing what is being typed (a quantity or a seat reference)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QWidget

NOTICE_STYLES = {
    "refused": "background: #fee2e2; color: #7f1d1d; border: 2px solid #dc2626;",
    "info": "background: #dbeafe; color: #1e3a8a; border: 2px solid #2563eb;",
    "ok": "background: #dcfce7; color: #14532d; border: 2px solid #16a34a;",
}
TYPED_STYLE = "background: rgba(17, 24, 39, 210); color: white; border-radius: 6px; padding: 6px 10px;"


class MapNotice(QObject):
    """The banner and the typing line over ``map_widget`` (a seat map view: they sit on
    its viewport and follow its size)."""

    def __init__(self, map_widget) -> None:
        super().__init__(map_widget)
        host = map_widget.viewport() if hasattr(map_widget, "viewport") else map_widget
        self.host: QWidget = host
        self.banner = QLabel(host)
        self.banner.setObjectName("mapNotice")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.banner.hide()
        self.kind = ""
        self.typed = QLabel(host)
        self.typed.setObjectName("typedOnMap")
        self.typed.setStyleSheet(TYPED_STYLE)
        self.typed.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.typed.hide()
        host.installEventFilter(self)

    @property
    def text(self) -> str:
        """The banner's text (``""`` when hidden)."""
        return self.banner.text() if self.banner.isVisible() else ""

    def show(self, text: str, kind: str = "refused") -> None:
        """Show ``text`` in the banner (``kind``: ``"refused"``, ``"info"`` or ``"ok"``)
        until :meth:`dismiss`."""
        self.kind = kind
        font = self.banner.font()
        font.setPointSize(max(font.pointSize(), 11))
        font.setBold(kind == "refused")
        self.banner.setFont(font)
        self.banner.setStyleSheet(
            f"QLabel#mapNotice {{ {NOTICE_STYLES.get(kind, NOTICE_STYLES['info'])}"
            " border-radius: 6px; padding: 8px 12px; }"
        )
        self.banner.setText(text)
        self._place()
        self.banner.show()
        self.banner.raise_()

    def dismiss(self) -> None:
        """Hide the banner (the cashier acted)."""
        self.banner.hide()
        self.kind = ""

    def show_typed(self, text: str) -> None:
        """Show what is typed (``""``: hide the line)."""
        if not text:
            self.typed.hide()
            return
        self.typed.setText(text)
        self.typed.adjustSize()
        self._place()
        self.typed.show()
        self.typed.raise_()

    def _place(self) -> None:
        width = self.host.width()
        self.banner.setFixedWidth(max(120, width - 24))
        self.banner.adjustSize()
        self.banner.move(12, 12)
        self.typed.move(12, max(0, self.host.height() - self.typed.height() - 12))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if watched is self.host and event.type() == QEvent.Type.Resize:
            self._place()
        return False
