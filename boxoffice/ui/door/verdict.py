"""The big verdict panel of the door screen: one colour per verdict, the headline as large
as the panel allows, a few lines under it, cleared by itself for the next person."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from boxoffice.domain.admission import Verdict, VerdictKind, describe

# (background, text) per verdict: chosen to be told apart at a glance and read from a
# metre away (contrast 4.5:1 or better for the text on each).
LOOKS: dict[VerdictKind | None, tuple[str, str]] = {
    VerdictKind.ADMIT: ("#1e7d34", "#ffffff"),
    VerdictKind.EXITED: ("#1558b0", "#ffffff"),
    VerdictKind.ALREADY_ADMITTED: ("#c5221f", "#ffffff"),
    VerdictKind.WRONG_SHOWTIME: ("#f29900", "#000000"),
    VerdictKind.VOID: ("#6a1b9a", "#ffffff"),
    VerdictKind.NOT_VALID: ("#1f1f1f", "#ffffff"),
    VerdictKind.TOO_EARLY: ("#fdd663", "#000000"),
    VerdictKind.NOT_INSIDE: ("#5f6368", "#ffffff"),
    None: ("#263238", "#eceff1"),
}

ADMIT_MS = 2500
"""How long an admission stays on screen (ms); refusals stay twice as long."""


# boxoffice.domain.admission.HEADLINES, marked for translation (tests/test_translations.py
# checks that every domain headline is here); the lines under it are not translated yet.
HEADLINE_TEXTS = (
    QT_TRANSLATE_NOOP("door_verdict", "ADMIT"),
    QT_TRANSLATE_NOOP("door_verdict", "ALREADY ADMITTED"),
    QT_TRANSLATE_NOOP("door_verdict", "WRONG SHOWTIME"),
    QT_TRANSLATE_NOOP("door_verdict", "VOID"),
    QT_TRANSLATE_NOOP("door_verdict", "NOT VALID"),
    QT_TRANSLATE_NOOP("door_verdict", "TOO EARLY"),
    QT_TRANSLATE_NOOP("door_verdict", "EXIT OK"),
    QT_TRANSLATE_NOOP("door_verdict", "NOT INSIDE"),
)


def headline(verdict: Verdict) -> str:
    """The verdict's headline (``"ADMIT"``) in the door's language."""
    return QCoreApplication.translate("door_verdict", verdict.headline)


class VerdictPanel(QWidget):
    """Shows one verdict at a time; idle, it invites the next scan.

    Signals:
        cleared(): the verdict went away (timeout or :meth:`clear`).
    """

    cleared = Signal()

    def __init__(self, parent: QWidget | None = None, *, admit_ms: int = ADMIT_MS) -> None:
        super().__init__(parent)
        self.setObjectName("verdictPanel")
        self.setAutoFillBackground(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.admit_ms = admit_ms
        self.verdict: Verdict | None = None
        self.tz: dt.tzinfo = dt.UTC
        self.idle_text = self.tr("Scan the next ticket")
        self.headline = QLabel()
        self.headline.setObjectName("verdictHeadline")
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.details = QLabel()
        self.details.setObjectName("verdictDetails")
        self.details.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.details.setWordWrap(True)
        self.details.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.headline.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.notice = QLabel()  # the wheelchair notice, boxed so it stands out
        self.notice.setObjectName("verdictNotice")
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addStretch(2)
        layout.addWidget(self.headline)
        layout.addWidget(self.details)
        layout.addWidget(self.notice, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)
        self._show(None, self.idle_text, [])

    # --- what staff see -------------------------------------------------------------------

    def show_verdict(self, verdict: Verdict, *, now: dt.datetime | None = None) -> None:
        """Fill the panel with ``verdict`` and start its clearing timer."""
        self.verdict = verdict
        lines = describe(verdict, self.tz, now)
        notice = [line for line in lines if line.startswith(("WHEELCHAIR", "COMPANION"))]
        self._show(verdict.kind, headline(verdict), [line for line in lines if line not in notice], notice)
        self._timer.start(self.admit_ms if verdict.admitted else 2 * self.admit_ms)

    def show_message(
        self, headline: str, lines: list[str], kind: VerdictKind | None = None, ms: int | None = None
    ) -> None:
        """Show a message that is not a verdict (e.g. offline conflicts) for ``ms``
        milliseconds (``None``: until the next scan)."""
        self.verdict = None
        self._show(kind, headline, lines)
        if ms is None:
            self._timer.stop()
        else:
            self._timer.start(ms)

    def clear(self) -> None:
        """Back to idle ("Scan the next ticket")."""
        self._timer.stop()
        self.verdict = None
        self._show(None, self.idle_text, [])
        self.cleared.emit()

    def set_idle_text(self, text: str) -> None:
        """The idle invitation (e.g. "Scan to let out" in exit mode)."""
        self.idle_text = text
        if self.verdict is None and not self._timer.isActive():
            self._show(None, text, [])

    def texts(self) -> tuple[str, list[str]]:
        """The headline and the lines as shown (for tests and screen readers)."""
        lines = [line for line in self.details.text().split("\n") if line]
        if self.notice.isVisible():
            lines.append(self.notice.text())
        return self.headline.text(), lines

    @property
    def colour(self) -> str:
        """The background colour shown now (``#rrggbb``)."""
        return self.palette().color(QPalette.ColorRole.Window).name()

    # --- drawing -------------------------------------------------------------------------

    def _show(self, kind: VerdictKind | None, headline: str, lines: list[str], notice: list[str] = ()) -> None:
        self._kind = kind
        background, foreground = LOOKS[kind]
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(background))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(foreground))
        self.setPalette(palette)
        for label in (self.headline, self.details):
            label.setPalette(palette)
        self.headline.setText(headline)
        self.details.setText("\n".join(lines))
        self.notice.setText(" ".join(notice))
        self.notice.setVisible(bool(notice))
        self.notice.setStyleSheet(
            f"color: {background}; background: {foreground}; border-radius: 8px; padding: 6px 18px;"
        )
        self.setAccessibleName(" ".join([headline, *lines, *notice]))
        self._fit()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Headline as large as fits (up to a fifth of the height), lines a third of it."""
        width = max(200, self.width() - 60)
        idle = self._kind is None
        size = max(18, int(self.height() * (0.09 if idle else 0.24)))
        font = QFont(self.font())
        font.setBold(True)
        while size > 18:
            font.setPixelSize(size)
            if QFontMetrics(font).horizontalAdvance(self.headline.text()) <= width:
                break
            size -= 2
        font.setPixelSize(size)
        self.headline.setFont(font)
        detail = QFont(self.font())
        detail.setPixelSize(max(14, min(int(size * 0.36), int(self.height() * 0.06))))
        detail.setBold(not idle)
        self.details.setFont(detail)
        notice = QFont(detail)
        notice.setBold(True)
        notice_size = detail.pixelSize()
        while notice_size > 14:  # one line, inside the panel with its padding
            notice.setPixelSize(notice_size)
            if QFontMetrics(notice).horizontalAdvance(self.notice.text()) <= width - 60:
                break
            notice_size -= 2
        notice.setPixelSize(notice_size)
        self.notice.setFont(notice)
