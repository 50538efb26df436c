"""The door screen: scan, see the verdict across the screen, hear it, next person.

A handheld scanner types the code like a keyboard and ends it with Enter (or Tab): the
scan field keeps the keyboard focus whatever happens, so nobody needs to click. A
camera can read codes too (F4) when Qt Multimedia and a camera are there. The station
(:class:`boxoffice.door.station.DoorStation`) does the work on worker threads: scans on
a one-thread runner (verdicts come back in scan order), reconnecting, refreshing and
counters on another.

This module is the controller (:class:`DoorScreen`: scans, syncing, counters, keys); the
widgets and how things look are its view, :class:`boxoffice.ui.door.view.DoorView`.

Keys: F3 find an order, F4 camera on/off, F6 entry/exit scans (with re-entry), F11 full
screen.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from boxoffice.domain.admission import Verdict, VerdictKind
from boxoffice.door.station import DoorStation, SyncReport
from boxoffice.services import door_info
from boxoffice.services.door_info import DoorCounters, DoorShowtime
from boxoffice.ui.common.tasks import TaskRunner, describe_error
from boxoffice.ui.door.lookup import LookupDialog
from boxoffice.ui.door.media import CameraScanner, VerdictSounds
from boxoffice.ui.door.view import DoorView, ScanInput

__all__ = ["DoorScreen", "ScanInput"]


class DoorScreen(DoorView):
    """One gate's screen, the controller over :class:`~boxoffice.ui.door.view.DoorView`
    (see the module docstring).

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
        tz = showtimes[0].zone() if showtimes else station.timezone()
        super().__init__(
            gate=station.door.gate, showtimes=showtimes, tz=tz, reentry=reentry, camera=camera, parent=parent
        )
        self.station, self.runner, self.info_runner = station, runner, info_runner
        self.reentry = reentry
        self.exit_mode = False
        self.sounds = sounds
        self.sync_s = sync_s
        self._syncing = self._counting = self._started = False
        self.last_verdict: Verdict | None = None

        self.input.scanned.connect(self.submit)
        self.camera.codeFound.connect(self.submit)
        self.find_button.clicked.connect(self.open_lookup)
        self.camera_button.clicked.connect(self.toggle_camera)
        self.exit_button.clicked.connect(self.toggle_exit_mode)
        for key, slot in (
            ("F3", self.open_lookup),
            ("F4", self.toggle_camera),
            ("F6", self.toggle_exit_mode),
            ("F11", self.toggle_full_screen),
        ):
            QShortcut(QKeySequence(key), self, activated=slot)
        self._sync_timer = QTimer(self, timeout=self.sync_now)
        self._counter_timer = QTimer(self, timeout=self.refresh_counters, interval=int(counters_s * 1000))
        self._update_status()

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
        self.show_exit_mode(self.exit_mode)

    def toggle_camera(self) -> None:
        """Camera on or off; says why when there is none."""
        if self.camera.running:
            self.camera.stop()
            self.show_preview(False)
        elif self.camera.start():
            self.show_preview(True)

    # --- online / offline -------------------------------------------------------------------

    def sync_now(self) -> None:
        """Upload queued offline scans and refresh the offline copy (on a worker)."""
        if self._syncing:
            return
        self._syncing = True
        self.info_runner.run(lambda s: self.station.sync(s), self._synced, self._sync_failed)

    def _synced(self, report: SyncReport) -> None:
        self._syncing = False
        self._report_conflicts()
        if report.uploaded:
            self.hint.setText(self.tr("Uploaded {uploaded} offline scan(s).").format(uploaded=report.uploaded))
        if self.station.pending:  # scanned offline while the upload ran: send those too
            QTimer.singleShot(500, self.sync_now)
        self._update_status()
        self.refresh_counters()

    def _sync_failed(self, exc: BaseException) -> None:
        self._syncing = False
        self._report_conflicts()
        self._update_status(problem=describe_error(exc))

    def _report_conflicts(self) -> None:
        uploads = self.station.take_conflicts()
        if uploads:
            banner = self.tr(
                "While offline, %n ticket(s) admitted here had been used elsewhere "
                "or voided. The manager has been told; see the list on the right.",
                "",
                len(uploads),
            )
            self.show_conflicts(uploads, banner)

    def _update_status(self, problem: str = "") -> None:
        online = self.station.online
        self.show_connection(online, self.station.pending, problem)
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
