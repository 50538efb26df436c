"""The door screen: scan, see the verdict across the screen, hear it, next person.

A handheld scanner types the code like a keyboard and ends it with Enter (or Tab): the
scan field keeps the keyboard focus whatever happens, so nobody needs to click. A
camera can read codes too (F4) when Qt Multimedia and a camera are there. The station
(:class:`boxoffice.door.station.DoorStation`) does the work on worker threads: scans on
a one-thread runner (verdicts come back in scan order), reconnecting, refreshing and
counters on another.

Keys: F3 find an order, F4 camera on/off, F6 entry/exit scans (with re-entry), F11 full
screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QPixmap, QShortcut
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

from boxoffice.domain.admission import Verdict, VerdictKind
from boxoffice.door.station import DoorStation, SyncReport
from boxoffice.services import door_info
from boxoffice.services.admission import Upload
from boxoffice.services.door_info import DoorCounters, DoorShowtime
from boxoffice.ui.common import i18n
from boxoffice.ui.common.tasks import TaskRunner, describe_error
from boxoffice.ui.door.lookup import LookupDialog
from boxoffice.ui.door.media import CameraScanner, VerdictSounds
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
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
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


class DoorScreen(QWidget):
    """One gate's screen (see the module docstring).

    Args:
        station: the gate's logic (gate, served showtimes, offline copy and queue).
        runner: runs scans (give it one thread, so verdicts come back in scan order).
        info_runner: runs reconnecting, refreshing, counters and look-ups.
        showtimes: the served showtimes (names and doors-open times for the header).
        reentry: offer exit scans (F6), so a ticket that went out can come in again.
        sounds: verdict sounds (``None``: silent).
        camera: a camera reader, or ``None`` to create one (it says if none is there).
        sync_s: ``(online, offline)`` seconds between reconnect/refresh attempts.
        counters_s: seconds between counter refreshes while online.
    """

    def __init__(
        self,
        station: DoorStation,
        runner: TaskRunner,
        *,
        info_runner: TaskRunner,
        showtimes: list[DoorShowtime],
        reentry: bool = False,
        sounds: VerdictSounds | None = None,
        camera: CameraScanner | None = None,
        sync_s: tuple[float, float] = (30.0, 3.0),
        counters_s: float = 5.0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("doorScreen")
        self.setWindowTitle(self.tr("boxoffice door · {gate}").format(gate=station.door.gate))
        self.station, self.runner, self.info_runner = station, runner, info_runner
        self.showtimes = showtimes
        self.reentry = reentry
        self.exit_mode = False
        self.sounds = sounds
        self.sync_s = sync_s
        self.tz = showtimes[0].zone() if showtimes else station.timezone()
        self._syncing = self._counting = self._started = False
        self.last_verdict: Verdict | None = None

        self.panel = VerdictPanel()
        self.panel.tz = self.tz
        self.input = ScanInput()
        font = QFont(self.input.font())
        font.setPixelSize(20)
        self.input.setFont(font)
        self.input.setMinimumHeight(44)
        self.input.scanned.connect(self.submit)
        self.stats = DoorStats()
        self.stats.setFixedWidth(320)
        self.stats.set_showtimes(showtimes, self.tz)

        self.gate_label = QLabel(self.tr("Gate {gate}").format(gate=station.door.gate))
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
        self.camera.codeFound.connect(self.submit)
        self.camera.message.connect(self.hint.setText)
        self.preview = QLabel()
        self.preview.setFixedSize(296, 166)
        self.preview.setVisible(False)
        self.camera.frame.connect(self._show_frame)
        available, why = self.camera.availability()
        self.find_button = self._button(self.tr("Find order (F3)"), self.open_lookup)
        self.camera_button = self._button(
            self.tr("Camera (F4)") if available else self.tr("Camera: unavailable"), self.toggle_camera
        )
        self.camera_button.setObjectName("cameraButton")
        self.camera_button.setToolTip(why)
        self.camera_button.setEnabled(available)
        self.exit_button = self._button(self.tr("Exit scans (F6)"), self.toggle_exit_mode)
        self.exit_button.setCheckable(True)
        self.exit_button.setVisible(reentry)
        self.hint.setText("" if available else why.split(" [")[0])

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
        self.setFocusProxy(self.input)

        for key, slot in (
            ("F3", self.open_lookup),
            ("F4", self.toggle_camera),
            ("F6", self.toggle_exit_mode),
            ("F11", self._toggle_full_screen),
        ):
            QShortcut(QKeySequence(key), self, activated=slot)
        self._sync_timer = QTimer(self, timeout=self.sync_now)
        self._counter_timer = QTimer(self, timeout=self.refresh_counters, interval=int(counters_s * 1000))
        self._banner_timer = QTimer(self, singleShot=True, timeout=lambda: self.banner.setVisible(False))
        self._update_status()

    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the keyboard
        button.clicked.connect(slot)
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

    # --- lifecycle -----------------------------------------------------------------------

    def start(self) -> None:
        """Connect (upload anything queued, refresh the offline copy) and start the timers."""
        self._started = True
        self.sync_now()
        self._counter_timer.start()
        self.input.setFocus()

    def stop(self) -> None:
        """Stop timers and the camera (before the window closes)."""
        self._started = False
        self._sync_timer.stop()
        self._counter_timer.stop()
        self.camera.stop()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.input.setFocus()
        QTimer.singleShot(0, self.input.setFocus)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.stop()
        super().closeEvent(event)

    # --- scanning ------------------------------------------------------------------------

    def submit(self, code: str) -> None:
        """Check ``code`` (from the scanner, the keyboard or the camera) and show the verdict."""
        exit_scan = self.exit_mode
        self.runner.run(lambda s: self.station.scan(s, code, exit_scan=exit_scan), self._verdict, self._scan_failed)

    def _verdict(self, verdict: Verdict) -> None:
        self.last_verdict = verdict
        self.panel.show_verdict(verdict)
        if self.sounds is not None:
            self.sounds.play(verdict.kind)
        self._update_status()
        if verdict.admitted and self.station.online:
            QTimer.singleShot(300, self.refresh_counters)

    def _scan_failed(self, exc: BaseException) -> None:
        self.panel.show_message(self.tr("SCAN AGAIN"), [describe_error(exc)], VerdictKind.NOT_INSIDE, ms=4000)
        if self.sounds is not None:
            self.sounds.play(VerdictKind.WRONG_SHOWTIME)

    def open_lookup(self) -> None:
        """Find an order by number or e-mail and admit by hand (online only)."""
        if self.station.online is False:
            self.panel.show_message(
                self.tr("OFFLINE"),
                [self.tr("Finding orders needs the database."), self.tr("Send the visitor to the box office.")],
                VerdictKind.NOT_INSIDE,
                5000,
            )
            return
        dialog = LookupDialog(
            self.info_runner,
            showtime_ids=list(self.station.door.serving),
            tz=self.tz,
            admit=self._admit_by_hand,
            parent=self,
        )
        dialog.exec()
        self.window().activateWindow()
        self.input.setFocus()

    def _admit_by_hand(self, ticket_id: int, showtime_id: int, on_verdict) -> None:
        def done(verdict: Verdict) -> None:
            self._verdict(verdict)
            on_verdict(verdict)

        self.runner.run(
            lambda s: self.station.admit_by_hand(s, ticket_id=ticket_id, showtime_id=showtime_id),
            done,
            self._scan_failed,
        )

    def toggle_exit_mode(self) -> None:
        """Switch between entry and exit scans (only with re-entry)."""
        if not self.reentry:
            return
        self.exit_mode = not self.exit_mode
        self.exit_button.setChecked(self.exit_mode)
        self.mode_label.setText(self.tr("EXIT") if self.exit_mode else self.tr("ENTRY"))
        self.panel.set_idle_text(self.tr("Scan to let out") if self.exit_mode else self.tr("Scan the next ticket"))

    def toggle_camera(self) -> None:
        """Camera on or off; says why when there is none."""
        if self.camera.running:
            self.camera.stop()
            self.preview.setVisible(False)
        elif self.camera.start():
            self.preview.setVisible(True)

    def _show_frame(self, image) -> None:
        self.preview.setPixmap(QPixmap.fromImage(image).scaled(self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio))

    def _toggle_full_screen(self) -> None:
        window = self.window()
        window.showNormal() if window.isFullScreen() else window.showFullScreen()

    # --- online / offline -------------------------------------------------------------------

    def sync_now(self) -> None:
        """Upload queued offline scans and refresh the offline copy (on a worker)."""
        if self._syncing:
            return
        self._syncing = True
        self.info_runner.run(lambda s: self.station.sync(s), self._synced, self._sync_failed)

    def _synced(self, report: SyncReport) -> None:
        self._syncing = False
        self._report_conflicts(self.station.take_conflicts())
        if report.uploaded:
            self.hint.setText(self.tr("Uploaded {uploaded} offline scan(s).").format(uploaded=report.uploaded))
        if self.station.pending:  # scanned offline while the upload ran: send those too
            QTimer.singleShot(500, self.sync_now)
        self._update_status()
        self.refresh_counters()

    def _sync_failed(self, exc: BaseException) -> None:
        self._syncing = False
        self._report_conflicts(self.station.take_conflicts())
        self._update_status(problem=describe_error(exc))

    def _report_conflicts(self, uploads: list[Upload]) -> None:
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
        self.banner.setText(
            self.tr(
                "While offline, %n ticket(s) admitted here had been used elsewhere "
                "or voided. The manager has been told; see the list on the right.",
                "",
                len(uploads),
            )
        )
        self.banner.setVisible(True)
        self._banner_timer.start(60_000)

    def _update_status(self, problem: str = "") -> None:
        online = self.station.online
        pending = self.station.pending
        if online is None:
            text, colour = self.tr("CONNECTING…"), "#9aa0a6"
        elif online:
            text, colour = self.tr("● ONLINE"), "#81c995"
        else:
            text, colour = self.tr("● OFFLINE · {pending} queued").format(pending=pending), "#f28b82"
        self.online_label.setText(text)
        self.online_label.setToolTip(problem)
        self.online_label.setStyleSheet(f"color: {colour}; font-weight: bold; font-size: 18px;")
        interval = int((self.sync_s[0] if online else self.sync_s[1]) * 1000)
        if self._started and (self._sync_timer.interval() != interval or not self._sync_timer.isActive()):
            self._sync_timer.start(interval)

    def refresh_counters(self) -> None:
        """Fetch the counters (online only; offline they keep their last values)."""
        if self._counting or self.station.online is False:
            return
        self._counting = True
        ids = list(self.station.door.serving)

        def done(counters: DoorCounters) -> None:
            self._counting = False
            self.stats.set_counters(counters)

        def failed(_exc: BaseException) -> None:
            self._counting = False

        self.info_runner.run(lambda s: door_info.door_counters(s, showtime_ids=ids), done, failed)
