"""The main window's Drawer menu and the "no shift open" prompt (docs/drawer.md).

Open shift (Ctrl+Shift+O), Cash drop (Ctrl+Shift+D), Pay-out (Ctrl+Shift+U), X report
(Ctrl+Shift+X), Close shift (Ctrl+Shift+E), and for managers Close another shift. When
the signed-in person has no open shift on this till, a bar above the seat map says so
and offers to open one (cash sales need a shift); it does not block the till.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton, QToolBar

from boxoffice.domain.roles import OVERRIDE, SELL
from boxoffice.services import drawer
from boxoffice.services.drawer import OpenShift
from boxoffice.ui.drawer.dialogs import (
    CloseShiftDialog,
    MovementDialog,
    OpenShiftDialog,
    OpenShiftsDialog,
    ReportDialog,
)


class DrawerMenu(QObject):
    """The Drawer menu of ``window`` (a MainWindow with ``runner`` and a status bar).

    ``shift`` is the open shift on this till as last loaded (``None``: none open).
    """

    def __init__(self, window: QMainWindow, currency: str = "EUR") -> None:
        super().__init__(window)
        self.window = window
        self.runner = window.runner  # type: ignore[attr-defined]
        self.currency = currency
        self.shift: OpenShift | None = None
        menu = window.menuBar().addMenu(self.tr("&Drawer"))
        self.menu = menu

        def action(text: str, key: str | None, slot) -> QAction:
            a = QAction(text, window)
            if key:
                a.setShortcut(QKeySequence(key))
            a.triggered.connect(lambda _=False: slot())
            menu.addAction(a)
            return a

        self.open_action = action(self.tr("Open shift…"), "Ctrl+Shift+O", self.open_shift)
        self.drop_action = action(self.tr("Cash drop…"), "Ctrl+Shift+D", lambda: self.movement("drop"))
        self.payout_action = action(self.tr("Pay-out…"), "Ctrl+Shift+U", lambda: self.movement("payout"))
        self.x_action = action(self.tr("X report"), "Ctrl+Shift+X", self.x_report)
        menu.addSeparator()
        self.close_action = action(self.tr("Close shift…"), "Ctrl+Shift+E", self.close_shift)
        self.close_other_action = action(self.tr("Close another shift…"), None, self.close_other)
        self.banner = QToolBar(self.tr("Shift"), window)
        self.banner.setObjectName("shiftBanner")
        self.banner.setMovable(False)
        label = QLabel(self.tr("  No shift is open on this till: cash sales need one.  "))
        label.setStyleSheet("color: #92400e; font-weight: bold;")
        button = QPushButton(self.tr("Open shift…"))
        button.setObjectName("bannerOpenShift")
        button.clicked.connect(self.open_shift)
        self.banner.addWidget(label)
        self.banner.addWidget(button)
        self.banner.setStyleSheet("QToolBar { background: #fef3c7; }")
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.banner)
        self.banner.setVisible(False)
        self.runner.actorChanged.connect(lambda _a: self.refresh())
        self._enable()

    # -- state ---------------------------------------------------------------
    def _actor(self):
        actor = self.runner.actor
        return actor if actor is not None and actor.login and actor.till else None

    def _enable(self) -> None:
        actor = self._actor()
        person = actor is not None and actor.can(SELL)
        mine = person and self.shift is not None and self.shift.staff_id == actor.staff_id
        self.open_action.setEnabled(person and self.shift is None)
        for a in (self.drop_action, self.payout_action, self.x_action, self.close_action):
            a.setEnabled(bool(mine))
        self.close_other_action.setVisible(bool(actor is not None and actor.can(OVERRIDE)))
        self.banner.setVisible(bool(person and self.shift is None))

    def refresh(self) -> None:
        """Load the open shift on this till (worker) and update the menu and the prompt."""
        actor = self._actor()
        if actor is None:
            self.shift = None
            self._enable()
            return
        till = actor.till
        self.runner.run(lambda s: drawer.current_shift(s, till), self._loaded, self._failed)

    def _loaded(self, shift: OpenShift | None) -> None:
        self.shift = shift
        if shift is not None:
            self.currency = shift.currency
        self._enable()
        actor = self._actor()
        if shift is not None and actor is not None and shift.staff_id != actor.staff_id:
            self._say(self.tr("This till's drawer belongs to {who}'s open shift.").format(who=shift.staff_name))

    def _failed(self, exc: BaseException) -> None:
        from boxoffice.ui.common.tasks import describe_error

        self._say(describe_error(exc))

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 10_000)

    # -- actions -------------------------------------------------------------
    def _show(self, dialog):
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.last_dialog = dialog
        return dialog

    def open_shift(self):
        """Drawer → Open shift…"""
        actor = self._actor()
        if actor is None:
            return None
        dialog = OpenShiftDialog(self.runner, actor.till, self.currency, self.window)
        dialog.opened.connect(self._opened)
        return self._show(dialog)

    def _opened(self, _shift_id: int) -> None:
        self._say(self.tr("Shift open."))
        self.refresh()

    def movement(self, kind: str):
        """Drawer → Cash drop… / Pay-out…"""
        if self.shift is None:
            return None
        dialog = MovementDialog(self.runner, self.shift, kind, self.window)
        dialog.recorded.connect(lambda _id: self._say(self.tr("Recorded.")))
        return self._show(dialog)

    def x_report(self) -> None:
        """Drawer → X report: the shift's figures so far."""
        if self.shift is None:
            return
        shift_id = self.shift.shift_id
        self.runner.run(lambda s: drawer.x_report(s, shift_id), self._show_x, self._failed)

    def _show_x(self, figures) -> None:
        self._show(ReportDialog(figures, self.window))

    def close_shift(self, shift: OpenShift | None = None):
        """Drawer → Close shift…: the blind count, then the Z report."""
        shift = shift or self.shift
        if shift is None:
            return None
        dialog = CloseShiftDialog(self.runner, shift, self.window)
        dialog.closed.connect(lambda _z: self.refresh())
        return self._show(dialog)

    def close_other(self):
        """Drawer → Close another shift… (managers): pick an open shift, then close it."""
        dialog = OpenShiftsDialog(self.runner, self.window)
        dialog.chosen.connect(self.close_shift)
        self._show(dialog)
        dialog.load()
        return dialog
