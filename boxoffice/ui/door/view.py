"""The door screen's view: its widgets, their layout and how a verdict, the connection
and conflicts look. No database, no timers, no station: the controller
(:class:`boxoffice.ui.door.screen.DoorScreen`, a subclass, as TagStudio's
``qt/controllers`` subclass its ``qt/views``) decides what happens and calls the
``show_*`` methods here.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from boxoffice.services.admission import Upload
from boxoffice.services.door_info import DoorShowtime
from boxoffice.ui.common import i18n
from boxoffice.ui.door.media import CameraScanner
from boxoffice.ui.door.stats import DoorStats
from boxoffice.ui.door.verdict import VerdictPanel, headline


class ScanInput(QLineEdit):
    """The scan field: Enter or Tab ends a code, and it takes the focus back whenever it
    loses it to something that is not a dialog.

    Signals:
        scanned(str): a code was entered (stripped, not empty); the field is cleared.
    """

    scanned = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanInput")
        self.setPlaceholderText(self.tr("Scan a ticket (or type its code and press Enter)"))
        self.returnPressed.connect(self._finish)

    def event(self, event: QEvent) -> bool:  # noqa: D401 - Qt override
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key()
            in (
                Qt.Key.Key_Tab,
                Qt.Key.Key_Backtab,
            )
        ):
            self._finish()  # some scanners end codes with Tab
            return True
        return super().event(event)

    def _finish(self) -> None:
        code = self.text().strip()
        self.clear()
        if code:
            self.scanned.emit(code)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        QTimer.singleShot(0, self._take_focus_back)

    def _take_focus_back(self) -> None:
        if self.isVisible() and QApplication.activeModalWidget() is None and self.window().isActiveWindow():
            self.setFocus(Qt.FocusReason.OtherFocusReason)


class DoorView(QWidget):
    """The door screen's widgets: header (gate, served showtimes, entry/exit, online),
    the verdict panel, the scan row (field, Find order, Camera, Exit scans), a hint line,
    the counters on the right and the camera preview.

    Args:
        gate: the gate's name (header and window title).
        showtimes: the served showtimes (names and doors-open times for the header).
        tz: the venue's time zone (times on screen).
        reentry: show the entry/exit mode and the Exit scans button.
        camera: a camera reader, or ``None`` to create one (it says if none is there).
    """

    def __init__(
        self,
        *,
        gate: str,
        showtimes: list[DoorShowtime],
        tz: dt.tzinfo,
        reentry: bool,
        camera: CameraScanner | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("doorScreen")
        self.setWindowTitle(self.tr("boxoffice door · {gate}").format(gate=gate))
        self.showtimes, self.tz = showtimes, tz

        self.panel = VerdictPanel()
        self.panel.tz = tz
        self.input = ScanInput()
        font = QFont(self.input.font())
        font.setPixelSize(20)
        self.input.setFont(font)
        self.input.setMinimumHeight(44)
        self.stats = DoorStats()
        self.stats.setFixedWidth(320)
        self.stats.set_showtimes(showtimes, tz)

        self.gate_label = QLabel(self.tr("Gate {gate}").format(gate=gate))
        self.gate_label.setObjectName("gateName")
        self.served_label = QLabel(self._served_text())
        self.served_label.setObjectName("servedShowtimes")
        self.served_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.served_label.setToolTip(self.served_label.text())
        self.mode_label = QLabel(self.tr("ENTRY"))
        self.mode_label.setObjectName("scanMode")
        self.mode_label.setVisible(reentry)
        self.online_label = QLabel()
        self.online_label.setObjectName("onlineStatus")
        self.banner = QLabel()
        self.banner.setObjectName("conflictBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fdd663; color: #000; padding: 8px; font-weight: bold;")
        self.banner.setVisible(False)
        self.hint = QLabel()
        self.hint.setObjectName("doorHint")

        self.camera = camera or CameraScanner(self)
        self.camera.message.connect(self.hint.setText)
        self.preview = QLabel()
        self.preview.setFixedSize(296, 166)
        self.preview.setVisible(False)
        self.camera.frame.connect(self._show_frame)
        available, why = self.camera.availability()
        self.find_button = self._button(self.tr("Find order (F3)"))
        self.camera_button = self._button(self.tr("Camera (F4)") if available else self.tr("Camera: unavailable"))
        self.camera_button.setObjectName("cameraButton")
        self.camera_button.setToolTip(why)
        self.camera_button.setEnabled(available)
        self.exit_button = self._button(self.tr("Exit scans (F6)"))
        self.exit_button.setCheckable(True)
        self.exit_button.setVisible(reentry)
        self.hint.setText("" if available else why.split(" [")[0])
        self._banner_timer = QTimer(self)
        self._banner_timer.setSingleShot(True)
        self._banner_timer.timeout.connect(lambda: self.banner.setVisible(False))
        self._lay_out()
        self.setFocusProxy(self.input)

    def _lay_out(self) -> None:
        header = QWidget()
        header.setObjectName("doorHeader")
        header.setStyleSheet("#doorHeader { background: #202124; } #doorHeader QLabel { color: #e8eaed; }")
        head = QHBoxLayout(header)
        big = QFont(self.font())
        big.setPixelSize(22)
        big.setBold(True)
        self.gate_label.setFont(big)
        self.mode_label.setFont(big)
        head.addWidget(self.gate_label)
        head.addSpacing(16)
        head.addWidget(self.served_label, 1)
        head.addWidget(self.mode_label)
        head.addSpacing(16)
        head.addWidget(self.online_label)
        left = QVBoxLayout()
        left.addWidget(self.banner)
        left.addWidget(self.panel, 1)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.input, 1)
        for b in (self.find_button, self.camera_button, self.exit_button):
            scan_row.addWidget(b)
        left.addLayout(scan_row)
        left.addWidget(self.hint)
        right = QVBoxLayout()
        right.addWidget(self.stats, 1)
        right.addWidget(self.preview)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        body.setContentsMargins(8, 0, 8, 0)
        layout.addWidget(header)
        layout.addLayout(body, 1)

    def _button(self, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the keyboard
        return button

    def _served_text(self) -> str:
        parts = []
        for s in self.showtimes:
            local = s.starts_at.astimezone(self.tz)
            doors = s.doors_open_at.astimezone(self.tz)
            parts.append(
                self.tr("{title} {time} (doors {doors})").format(
                    title=s.title, time=i18n.time_of(local), doors=i18n.time_of(doors)
                )
            )
        return " · ".join(parts) or self.tr("no showtime chosen")

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.input.setFocus()
        QTimer.singleShot(0, self.input.setFocus)

    # --- how things look -------------------------------------------------------------------

    def show_exit_mode(self, exit_mode: bool) -> None:
        """Entry or exit scans: the header, the button and the idle text say which."""
        self.exit_button.setChecked(exit_mode)
        self.mode_label.setText(self.tr("EXIT") if exit_mode else self.tr("ENTRY"))
        self.panel.set_idle_text(self.tr("Scan to let out") if exit_mode else self.tr("Scan the next ticket"))

    def show_preview(self, shown: bool) -> None:
        """The camera preview on or off."""
        self.preview.setVisible(shown)

    def _show_frame(self, image) -> None:
        self.preview.setPixmap(QPixmap.fromImage(image).scaled(self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio))

    def toggle_full_screen(self) -> None:
        """The window full screen, or back."""
        window = self.window()
        window.showNormal() if window.isFullScreen() else window.showFullScreen()

    def show_connection(self, online: bool | None, pending: int, problem: str = "") -> None:
        """The header's connection state: connecting (``None``), online, or offline with
        ``pending`` scans queued; ``problem`` as its tooltip."""
        if online is None:
            text, colour = self.tr("CONNECTING…"), "#9aa0a6"
        elif online:
            text, colour = self.tr("● ONLINE"), "#81c995"
        else:
            text, colour = self.tr("● OFFLINE · {pending} queued").format(pending=pending), "#f28b82"
        self.online_label.setText(text)
        self.online_label.setToolTip(problem)
        self.online_label.setStyleSheet(f"color: {colour}; font-weight: bold; font-size: 18px;")

    def show_conflicts(self, uploads: list[Upload], banner: str) -> None:
        """Offline scans the server refused on upload: one line each in the side list and
        ``banner`` for a minute (a plural text, made by the controller: PySide6 does not
        find a view's plural ``tr()`` texts from a subclass, see plan_editor/window_view.py)."""
        if not uploads:
            return
        for up in uploads:
            v = up.verdict
            local = up.scan.scanned_at.astimezone(self.tz)
            where = self.tr(" at {gate}").format(gate=v.gate) if v.gate else ""
            when = " " + i18n.time_of(v.at, self.tz) if v.at else ""
            what = {
                "already_admitted": self.tr("was already admitted{where}{when}").format(where=where, when=when),
                "void": self.tr("was void ({reason})").format(reason=v.reason),
            }.get(v.kind.value, headline(v).lower())
            self.stats.add_conflict(
                self.tr("{time} ticket {ticket_id} {what}").format(
                    time=i18n.time_of(local), ticket_id=up.scan.ticket_id, what=what
                )
            )
        self.banner.setText(banner)
        self.banner.setVisible(True)
        self._banner_timer.start(60_000)
