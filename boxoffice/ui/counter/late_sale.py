"""Selling after a showtime's sales have closed: a manager's override at the cashier's till
(rules in ``services/late_sale.py``, migration ``0033_sale_override``).

For a cashier (no ``override`` permission) on a showtime whose sales have closed, the
sell screen's top bar shows "Sales closed 20:30 · Manager override…" (Ctrl+M, also in the
Sale menu), and a hold the database refuses as ``closed`` says so in the map's banner. The
manager types their user name and password (or the PIN of their shift at this till) in
:class:`LateSaleDialog`; the till asks the database as them, off the GUI thread, and keeps
only the token, on the basket (``Basket.late_sale``): this sale's holds pass it, the sale
uses it up, a new basket or showtime drops it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from boxoffice.domain.errors import NotOnSaleError
from boxoffice.domain.roles import OVERRIDE
from boxoffice.services import late_sale
from boxoffice.services.catalog import ShowtimeSummary
from boxoffice.ui.common import i18n
from boxoffice.ui.common.tasks import describe_error, run_detached

LateGrant = Callable[[str, str, int, str], uuid.UUID]
"""``grant(manager username, password or PIN, showtime id, reason) -> token`` (blocking;
runs on a worker; the seller is the till's signed-in person)."""

REASONS = (
    QT_TRANSLATE_NOOP("LateSaleDialog", "Latecomer"),
    QT_TRANSLATE_NOOP("LateSaleDialog", "Ticket problem"),
    QT_TRANSLATE_NOOP("LateSaleDialog", "Group arriving late"),
    QT_TRANSLATE_NOOP("LateSaleDialog", "Guest list"),
)


class LateSaleDialog(QDialog):
    """Manager name, password or PIN, reason; Approve asks the database (``grant``).
    ``token`` holds the override once given; the dialog then closes with Accepted."""

    def __init__(self, grant: LateGrant, showtime: ShowtimeSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lateSaleDialog")
        self.setWindowTitle(self.tr("Manager override: late sale"))
        self.setMinimumWidth(440)
        self.grant = grant
        self.showtime = showtime
        self.token: uuid.UUID | None = None
        self.manager_name = ""
        closed = showtime.off_sale_at or showtime.starts_at
        zone = ZoneInfo(showtime.timezone)
        intro = QLabel(
            self.tr(
                "Sales for {title} ({when}) closed at {closed}. A manager can allow this till to sell it for "
                "the next sale (10 minutes)."
            ).format(
                title=showtime.title,
                when=i18n.date_time(showtime.starts_at, zone, date="MMMEd"),
                closed=i18n.time_of(closed, zone),
            )
        )
        intro.setWordWrap(True)
        self.manager = QLineEdit()
        self.manager.setObjectName("lateManager")
        self.manager.setPlaceholderText(self.tr("manager's user name"))
        self.secret = QLineEdit()
        self.secret.setObjectName("lateSecret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(self.tr("password, or the PIN of their shift at this till"))
        self.reason = QComboBox()
        self.reason.setObjectName("lateReason")
        self.reason.setEditable(True)
        self.reason.addItems(i18n.translated("LateSaleDialog", REASONS))
        self.status = QLabel("")
        self.status.setObjectName("lateStatus")
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Manager"), self.manager)
        form.addRow(self.tr("Password or PIN"), self.secret)
        form.addRow(self.tr("Reason"), self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.approve_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.approve_button.setText(self.tr("Approve"))
        self.approve_button.setObjectName("approveLateSale")
        self.buttons.accepted.connect(self.approve)  # Enter too; the dialog closes once the database says yes
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.manager.setFocus()

    def approve(self) -> None:
        """Ask the database for the override as the manager typed in (asynchronously)."""
        if self.token is not None or not self.approve_button.isEnabled():
            return
        name, secret, reason = self.manager.text().strip(), self.secret.text(), self.reason.currentText().strip()
        if not name or not secret:
            self._say(self.tr("The manager types their user name and password (or PIN)."), ok=False)
            return
        grant, showtime_id = self.grant, self.showtime.id
        self.approve_button.setEnabled(False)
        self._say(self.tr("Checking…"), ok=True)
        run_detached(lambda: grant(name, secret, showtime_id, reason), self._granted, self._refused)

    def _granted(self, token: uuid.UUID) -> None:
        self.token = token
        self.manager_name = self.manager.text().strip()
        self.secret.clear()
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.secret.clear()
        self.approve_button.setEnabled(True)
        self._say(describe_error(exc), ok=False)
        self.secret.setFocus()

    def _say(self, text: str, *, ok: bool) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("" if ok else "color: #b3261e;")


class LateSale(QObject):
    """The sell screen's late-sale part: the top bar's button (object name
    ``lateSaleButton``; the main window's Sale menu has it as Ctrl+M), the refusal it explains, the dialog, and the basket's token.
    ``screen.grant_late_sale`` (a :data:`LateGrant`, set by the main window) asks the
    database; without it the till cannot ask (the button says so)."""

    def __init__(self, screen) -> None:
        super().__init__(screen)
        self.screen = screen
        self.button = QPushButton(self.tr("Manager override…"))
        self.button.setObjectName("lateSaleButton")
        self.button.setStyleSheet("QPushButton#lateSaleButton { color: #7f1d1d; font-weight: bold; }")
        self.button.clicked.connect(self.open_dialog)
        self.button.hide()
        self.dialog: LateSaleDialog | None = None
        screen.picker.currentIndexChanged.connect(lambda _i: self.update())
        screen.runner.actorChanged.connect(lambda _a: self.update())
        self._timer = QTimer(self)
        self._timer.setInterval(15_000)
        self._timer.timeout.connect(self.update)
        self._timer.start()

    def showtime(self) -> ShowtimeSummary | None:
        """The open showtime (the basket's, else the picker's) as the picker lists it."""
        basket = self.screen.basket
        wanted = basket.showtime_id if basket is not None else self.screen.picker.currentData()
        return next((s for s in self.screen.ended.showtimes if s.id == wanted), None)

    def needed(self, now: dt.datetime | None = None) -> bool:
        """Whether the person signed in needs a manager's override to sell the open
        showtime now (its sales closed by time; they may not override themselves)."""
        actor = self.screen.runner.actor
        showtime = self.showtime()
        if showtime is None or (actor is not None and actor.can(OVERRIDE)):
            return False
        return late_sale.closed_for_sale(showtime.off_sale_at, showtime.status, now)

    @property
    def approved(self) -> bool:
        """Whether this sale has a manager's override."""
        basket = self.screen.basket
        return basket is not None and basket.late_sale is not None

    def update(self) -> None:
        """Show or hide the button for the open showtime and the person signed in."""
        showtime = self.showtime()
        if not self.needed() or showtime is None:
            self.button.hide()
            return
        closed = i18n.time_of(showtime.off_sale_at or showtime.starts_at, ZoneInfo(showtime.timezone))
        if self.approved:
            self.button.setText(self.tr("Late sale approved"))
            self.button.setEnabled(False)
        else:
            self.button.setText(self.tr("Sales closed {time} · Manager override…").format(time=closed))
            self.button.setEnabled(True)
        self.button.setToolTip(
            self.tr("Sales closed at {time}. A manager approves a late sale at this till (Ctrl+M).").format(time=closed)
            if self.screen.grant_late_sale is not None
            else self.tr("This till cannot ask for a manager's approval: a manager signs in to sell.")
        )
        self.button.show()

    def refused(self, exc: BaseException) -> bool:
        """Explain a hold refused because sales closed (or because the override no longer
        works) in the map's banner, pointing at the override; ``False`` for other errors."""
        if not isinstance(exc, NotOnSaleError):
            return False
        reason = exc.details.get("reason")
        basket = self.screen.basket
        if reason in ("override_invalid", "override_other") and basket is not None:
            basket.late_sale = None  # ask again
        if reason not in ("closed", "override_invalid", "override_other"):
            return False
        self.update()
        hint = (
            self.tr("A manager can approve a late sale: Manager override… (Ctrl+M).")
            if self.screen.grant_late_sale is not None
            else self.tr("A manager signs in to sell it.")
        )
        self.screen.refuse(f"{describe_error(exc)} {hint}")
        return True

    def open_dialog(self) -> None:
        """Ask a manager for the override (the dialog); on approval the basket carries it."""
        screen, showtime = self.screen, self.showtime()
        if showtime is None or screen.basket is None:
            return
        if not self.needed():
            actor = screen.runner.actor
            screen.message.emit(
                self.tr("No manager's override is needed: you may sell after the close yourself.")
                if actor is not None and actor.can(OVERRIDE)
                else self.tr("No manager's override is needed: this showtime's sales have not closed.")
            )
            return
        if screen.grant_late_sale is None:
            screen.refuse(self.tr("This till cannot ask for a manager's approval: a manager signs in to sell."))
            return
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return
        basket = screen.basket
        dialog = self.dialog = LateSaleDialog(screen.grant_late_sale, showtime, screen.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._approved(basket, dialog.token, dialog.manager_name))
        dialog.open()

    def _approved(self, basket, token: uuid.UUID | None, manager: str) -> None:
        self.dialog = None
        if token is None or self.screen.basket is not basket:
            return  # another showtime was opened meanwhile
        basket.late_sale = token
        self.update()
        self.screen.notice.show(
            self.tr("Late sale approved by {manager} for this sale: choose the seats.").format(manager=manager), "ok"
        )
        self.screen.message.emit(self.tr("Late sale approved by {manager}.").format(manager=manager))
        self.screen.window().activateWindow()  # the till's keys (F9, digits) work again at once
        self.screen.map.setFocus()
