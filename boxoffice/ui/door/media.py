"""Sound and camera for the door screen, both from Qt Multimedia when it is there.

Qt Multimedia is not part of PySide6-Essentials: it comes with ``PySide6-Addons``
(``pip install -e '.[camera]'``, and the system's ``libpulse0``). Without it the door
still works: verdict sounds fall back to the system beep and the camera option says why
it is unavailable. Frames are decoded with zxing-cpp, like a handheld scanner would.
"""

from __future__ import annotations

import logging
import time
from types import ModuleType

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from boxoffice.config import RESOURCES_DIR
from boxoffice.domain.admission import VerdictKind
from boxoffice.ui.common.tasks import run_detached

log = logging.getLogger(__name__)
SOUNDS_DIR = RESOURCES_DIR / "sounds"
_SOUND_OF = {
    VerdictKind.ADMIT: "admit",
    VerdictKind.EXITED: "admit",
    VerdictKind.ALREADY_ADMITTED: "refuse",
    VerdictKind.VOID: "refuse",
    VerdictKind.NOT_VALID: "refuse",
    VerdictKind.WRONG_SHOWTIME: "attention",
    VerdictKind.TOO_EARLY: "attention",
    VerdictKind.NOT_INSIDE: "attention",
}
_multimedia: ModuleType | None = None
_missing: str | None = None


def multimedia() -> tuple[ModuleType | None, str]:
    """``(PySide6.QtMultimedia, "")``, or ``(None, why not)`` when it cannot be loaded."""
    global _multimedia, _missing
    if _multimedia is None and _missing is None:
        try:
            from PySide6 import QtMultimedia
        except ImportError as exc:  # not installed, or a system library is missing
            _missing = QCoreApplication.translate(
                "door_media",
                "Camera and sounds need Qt Multimedia: pip install -e '.[camera]' (and the system's libpulse0) [{exc}]",
            ).format(exc=exc)
        else:
            _multimedia = QtMultimedia
    return _multimedia, _missing or ""


class VerdictSounds(QObject):
    """Plays a short sound per verdict: ``admit``, ``refuse`` or ``attention`` from
    ``boxoffice/resources/sounds`` through QSoundEffect, else (no Qt Multimedia, or no audio
    output) the system beep. ``backend`` says which: ``"qt"``, ``"beep"`` or ``"off"``."""

    def __init__(self, parent: QObject | None = None, *, enabled: bool = True) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self.played: list[str] = []  # names played, newest last (tests, diagnostics)
        self._effects = {}
        qtm, _ = multimedia() if enabled else (None, "")
        if qtm is not None and qtm.QMediaDevices.audioOutputs():  # no speaker: the beep may still sound
            for name in ("admit", "refuse", "attention"):
                effect = qtm.QSoundEffect(self)
                effect.setSource(QUrl.fromLocalFile(str(SOUNDS_DIR / f"{name}.wav")))
                effect.setVolume(0.9)
                self._effects[name] = effect
        self.backend = "off" if not enabled else "qt" if self._effects else "beep"

    def play(self, kind: VerdictKind) -> None:
        """The sound of verdict ``kind`` (an admission beeps once in beep mode, a
        refusal twice)."""
        if not self.enabled:
            return
        name = _SOUND_OF[kind]
        self.played.append(name)
        del self.played[:-20]
        effect = self._effects.get(name)
        if effect is not None:
            effect.play()
        else:
            QApplication.beep()
            if name == "refuse":
                QApplication.beep()


def decode_image(image: QImage) -> list[str]:
    """The texts of the QR codes in ``image`` (any format), decoded with zxing-cpp."""
    import PIL.Image
    import zxingcpp

    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    if gray.isNull() or gray.width() == 0:
        return []
    pil = PIL.Image.frombuffer(
        "L", (gray.width(), gray.height()), bytes(gray.constBits()), "raw", "L", gray.bytesPerLine(), 1
    )
    return [b.text for b in zxingcpp.read_barcodes(pil, formats=zxingcpp.BarcodeFormat.QRCode) if b.text]


class CameraScanner(QObject):
    """Reads QR codes from the default camera (QCamera -> QMediaCaptureSession ->
    QVideoSink), decoding a frame at most every ``interval`` seconds on a worker thread.

    Signals:
        codeFound(str): a code was read (the same code again only after ``repeat_s``).
        frame(QImage): the latest frame, for a preview.
        message(str): what the camera is doing, or why it cannot.
    """

    codeFound = Signal(str)
    frame = Signal(QImage)
    message = Signal(str)

    def __init__(self, parent: QObject | None = None, *, interval: float = 0.15, repeat_s: float = 3.0) -> None:
        super().__init__(parent)
        self.interval = interval
        self.repeat_s = repeat_s
        self._camera = self._session = self._sink = None
        self._decoding = False
        self._last_try = 0.0
        self._last_code: tuple[str, float] = ("", 0.0)

    @staticmethod
    def availability() -> tuple[bool, str]:
        """``(True, camera name)`` or ``(False, why not)``, without starting anything."""
        qtm, why = multimedia()
        if qtm is None:
            return False, why
        devices = qtm.QMediaDevices.videoInputs()
        if not devices:
            return False, QCoreApplication.translate("CameraScanner", "No camera found on this computer")
        return True, qtm.QMediaDevices.defaultVideoInput().description() or devices[0].description()

    @property
    def running(self) -> bool:
        return self._camera is not None

    def start(self) -> bool:
        """Start the default camera; returns False (and emits ``message``) when there is none."""
        ok, text = self.availability()
        if not ok:
            self.message.emit(text)
            return False
        if self._camera is None:
            qtm, _ = multimedia()
            self._camera = qtm.QCamera(qtm.QMediaDevices.defaultVideoInput(), self)
            self._session = qtm.QMediaCaptureSession(self)
            self._sink = qtm.QVideoSink(self)
            self._session.setCamera(self._camera)
            self._session.setVideoSink(self._sink)
            self._sink.videoFrameChanged.connect(self._on_frame)
            self._camera.errorOccurred.connect(
                lambda _e, s: self.message.emit(self.tr("Camera error: {error}").format(error=s))
            )
            self._camera.start()
            self.message.emit(self.tr("Camera on: {text}").format(text=text))
        return True

    def stop(self) -> None:
        """Stop the camera (no-op when off)."""
        if self._camera is not None:
            self._camera.stop()
            self._camera.deleteLater()
            self._session.deleteLater()
            self._sink.deleteLater()
            self._camera = self._session = self._sink = None
            self.message.emit(self.tr("Camera off"))

    def _on_frame(self, video_frame) -> None:
        now = time.monotonic()
        if self._decoding or now - self._last_try < self.interval:
            return
        image = video_frame.toImage()
        if image.isNull():
            return
        self._last_try = now
        self._decoding = True
        self.frame.emit(image)
        run_detached(lambda: decode_image(image), self._decoded, self._failed)

    def _decoded(self, codes: list[str]) -> None:
        self._decoding = False
        for code in codes:
            last, when = self._last_code
            if code == last and time.monotonic() - when < self.repeat_s:
                continue
            self._last_code = (code, time.monotonic())
            self.codeFound.emit(code)

    def _failed(self, exc: BaseException) -> None:
        self._decoding = False
        log.warning("camera frame not decoded: %s", exc)
