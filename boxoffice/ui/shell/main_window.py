"""The main window: the sell screen with a status bar, busy indicator and menus.

Who is signed in is the runner's actor (``TaskRunner.actor``): the status bar names them,
the Manage menu offers the audit log (managers, admins) and staff accounts (admins), and
:class:`~boxoffice.ui.shell.till_lock.TillLock` locks the till when idle or on Ctrl+L.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QProgressBar, QWidget

from boxoffice.domain.roles import ACCOUNTS, AUDIT, PRICES, REPORTS, SELL, SETUP
from boxoffice.printing.tickets import LAYOUTS, render_tickets_pdf
from boxoffice.services import late_sale, tenders
from boxoffice.services.till import TillSessions
from boxoffice.ui.common import i18n
from boxoffice.ui.common.printing import print_pdf
from boxoffice.ui.common.tasks import TaskRunner, describe_error
from boxoffice.ui.counter.payment import SaleCompleteDialog
from boxoffice.ui.counter.sale_printing import SalePrinting
from boxoffice.ui.counter.sell import SellScreen
from boxoffice.ui.orders.view import SeatLookup
from boxoffice.ui.seatmap.live import LiveFeed, describe_status
from boxoffice.ui.shell.till_lock import TillLock


class MainWindow(QMainWindow):
    """Top-level window of a till. ``database_label`` tells staff where data lives;
    ``live`` (optional) keeps the seat map live and shows its state in the status bar.
    The window stops ``live`` when it closes. ``gate`` (a runner without an actor) runs
    sign-ins at the lock; without it the till cannot lock. ``idle_lock_seconds`` (0:
    never) locks the till after that long without input."""

    def __init__(
        self,
        runner: TaskRunner,
        *,
        channel: str,
        hold_seconds: int,
        database_label: str,
        live: LiveFeed | None = None,
        gate: TaskRunner | None = None,
        idle_lock_seconds: float = 0,
        sessions: TillSessions | None = None,
        parent: QWidget | None = None,
        till_setup=None,
        data_dir=None,
    ) -> None:
        super().__init__(parent)
        self.till_setup = till_setup  # services.connection_info.TillSetup, for Sale → Settings…
        self.setWindowTitle(self.tr("boxoffice · {channel}").format(channel=channel))
        self.runner = runner
        self.live = live
        self.sell = SellScreen(runner, channel=channel, hold_seconds=hold_seconds, live=live)
        self.setCentralWidget(self.sell)
        if sessions is not None:  # a manager approves a cashier's comp in place (their own login, for a moment)
            server = sessions.url
            self.sell.grant_override = lambda name, password, reason: tenders.override_with_password(
                server, username=name, password=password, till=channel, kind="comp", reason=reason
            )
            # ... and a late sale after the close, for the person signed in (password, or the PIN of their shift here)
            self.sell.grant_late_sale = lambda name, secret, showtime, reason: late_sale.late_sale_at_till(
                sessions, username=name, secret=secret, till=channel, showtime_id=showtime,
                seller_staff_id=late_sale.seller_of(runner.actor), reason=reason,
            )  # fmt: skip
        self.last_sale = None
        # default printers, printing without a dialog, receipts (ui/counter/sale_printing.py; data_dir: where settings live)
        self.printing = SalePrinting(self, runner, data_dir=data_dir, till=channel.removeprefix("till:"))
        self.sell.receipt_rule = self.printing.receipt_default

        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(90)
        self.busy.setVisible(False)
        self.live_label = QLabel("")
        self.live_label.setObjectName("liveStatus")
        if live is not None:
            self.statusBar().addPermanentWidget(self.live_label)
            live.statusChanged.connect(self._live_status)
            self._live_status(live.status)
        self.who_label = QLabel("")
        self.who_label.setObjectName("signedIn")
        self.statusBar().addPermanentWidget(self.who_label)
        self.statusBar().addPermanentWidget(QLabel(database_label))
        self.statusBar().addPermanentWidget(self.busy)
        self.lock = None
        if gate is not None:
            self.lock = TillLock(
                self, runner, gate, till=channel, idle_seconds=idle_lock_seconds, permission=SELL, sessions=sessions
            )
            self.lock.switched.connect(self._switched)
        runner.busyChanged.connect(self.busy.setVisible)
        runner.error.connect(lambda exc: self.statusBar().showMessage(describe_error(exc), 10_000))
        self.sell.message.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.sell.saleCompleted.connect(self._sale_completed)
        self.printing.message.connect(lambda text: self.statusBar().showMessage(text, 15_000))

        sale_menu = self.menuBar().addMenu(self.tr("&Sale"))
        reprint = QAction(self.tr("Print last order's tickets…"), self)
        reprint.setShortcut(QKeySequence("Ctrl+P"))
        reprint.triggered.connect(self._print_last)
        sale_menu.addAction(reprint)
        # Find order (F4) and Refund (Ctrl+R) open the same screen (ui/orders/lookup.py);
        # triggered(checked) must not reach the slot's first argument.
        self.find_order_action = QAction(self.tr("Find order…"), self)
        self.find_order_action.setShortcut(QKeySequence("F4"))
        self.find_order_action.triggered.connect(lambda _checked=False: self.open_order_lookup())
        sale_menu.addAction(self.find_order_action)
        self.refund_action = QAction(self.tr("Refund an order…"), self)
        self.refund_action.setShortcut(QKeySequence("Ctrl+R"))
        self.refund_action.triggered.connect(lambda _checked=False: self.open_order_lookup())
        sale_menu.addAction(self.refund_action)
        self.order_lookup: QWidget | None = None
        self.seat_lookup = SeatLookup(self.sell, lambda st, seat: self.open_order_lookup(seat=(st, seat)))
        self.late_sale_action = QAction(self.tr("Manager override: late sale…"), self)
        self.late_sale_action.setShortcut(QKeySequence("Ctrl+M"))
        self.late_sale_action.triggered.connect(lambda _checked=False: self.sell.late.open_dialog())
        sale_menu.addAction(self.late_sale_action)
        self.receipt_action = QAction(self.tr("Receipt of an order…"), self)
        self.receipt_action.setShortcut(QKeySequence("F8"))
        self.receipt_action.triggered.connect(lambda: self.open_receipt())
        sale_menu.addAction(self.receipt_action)
        self.settings_action = QAction(self.tr("Settings…"), self)
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.triggered.connect(self.open_settings)
        sale_menu.addAction(self.settings_action)
        sale_menu.addSeparator()
        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        sale_menu.addAction(quit_action)
        from boxoffice.ui.drawer.menu import DrawerMenu

        self.drawer = DrawerMenu(self)  # the Drawer menu: shifts, drops, X and Z reports (docs/drawer.md)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for text, key, slot in [
            (self.tr("Find showtime"), "F2", self.sell._focus_picker),
            (self.tr("Refresh seat map"), "F5", self.sell.resync),
            (self.tr("Fit seat map"), "0", self.sell.map.fit_all),
            (self.tr("Find seat…"), "F6", self.sell.map.open_search),
        ]:
            action = QAction(text, self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            if key == "F6":  # seat search (ui/seatmap/search.py): the whole window, also as Ctrl+F
                action.setShortcuts([QKeySequence(key), QKeySequence(QKeySequence.StandardKey.Find)])
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _=False, s=slot: s())
            view_menu.addAction(action)
        staff_menu = self.menuBar().addMenu(self.tr("S&taff"))
        lock_action = QAction(self.tr("Lock / switch cashier…"), self)
        lock_action.setShortcut(QKeySequence("Ctrl+L"))
        lock_action.setEnabled(self.lock is not None)
        lock_action.triggered.connect(lambda: self.lock.lock() if self.lock else None)
        staff_menu.addAction(lock_action)
        self.manage_menu = self.menuBar().addMenu(self.tr("&Manage"))
        self.audit_action = QAction(self.tr("Audit log…"), self)
        self.audit_action.triggered.connect(self.open_audit_log)
        self.manage_menu.addAction(self.audit_action)
        self.staff_action = QAction(self.tr("Staff accounts…"), self)
        self.staff_action.triggered.connect(self.open_staff_accounts)
        self.manage_menu.addAction(self.staff_action)
        self.conflicts_action = QAction(self.tr("Admission conflicts…"), self)
        self.conflicts_action.triggered.connect(self.open_admission_conflicts)
        self.manage_menu.addAction(self.conflicts_action)
        self.plans_action = QAction(self.tr("Seating plans…"), self)
        self.plans_action.triggered.connect(self.open_plan_editor)
        self.manage_menu.addAction(self.plans_action)
        # Shows, showtimes and prices (docs/shows-and-prices.md)
        self.shows_action = QAction(self.tr("Shows…"), self)
        self.shows_action.triggered.connect(self.open_shows)
        self.schedule_action = QAction(self.tr("Schedule showtimes…"), self)
        self.schedule_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.schedule_action.triggered.connect(self.open_schedule)
        self.prices_action = QAction(self.tr("Prices and showtimes…"), self)
        self.prices_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.prices_action.triggered.connect(self.open_prices)
        self.promo_action = QAction(self.tr("Promo codes…"), self)
        self.promo_action.triggered.connect(self.open_promo_codes)
        self.manage_menu.addSeparator()
        for action in (self.shows_action, self.schedule_action, self.prices_action, self.promo_action):
            self.manage_menu.addAction(action)
        self.best_seats_action = QAction(self.tr("Best seats…"), self)
        self.best_seats_action.triggered.connect(self.open_best_seats)
        self.manage_menu.addAction(self.best_seats_action)
        self.receipt_details_action = QAction(self.tr("Receipt details and VAT…"), self)
        self.receipt_details_action.triggered.connect(self.open_receipt_details)
        self.manage_menu.addAction(self.receipt_details_action)
        self.venue_settings_action = QAction(self.tr("Venue settings…"), self)
        self.venue_settings_action.triggered.connect(self.open_venue_settings)
        self.manage_menu.addAction(self.venue_settings_action)
        self.reports_menu = self.menuBar().addMenu(self.tr("&Reports"))
        self.sales_report_action = QAction(self.tr("Sales and takings…"), self)
        self.sales_report_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.sales_report_action.triggered.connect(lambda _checked=False: self.open_reports())
        self.reports_menu.addAction(self.sales_report_action)
        runner.actorChanged.connect(self._show_actor)
        self._show_actor(runner.actor)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        keys = QAction(self.tr("Keyboard shortcuts"), self)
        keys.triggered.connect(self._show_keys)
        help_menu.addAction(keys)

    def start(self) -> None:
        """Load showtimes and start the live feed (both asynchronously), and the idle lock."""
        self.sell.load_showtimes()
        self.drawer.refresh()
        if self.live is not None:
            self.live.start()
        if self.lock is not None:
            self.lock.start()

    def _show_actor(self, actor) -> None:
        """Name who is signed in and offer the Manage screens they may use."""
        self.who_label.setText(
            self.tr("Signed in: {who}").format(who=actor.describe())
            if actor is not None
            else self.tr("Nobody signed in")
        )
        audit_ok = actor is None or actor.can(AUDIT)
        staff_ok = actor is None or actor.can(ACCOUNTS)
        self.audit_action.setVisible(audit_ok)
        self.staff_action.setVisible(staff_ok)
        reports_ok = actor is None or actor.can(REPORTS)
        self.conflicts_action.setVisible(reports_ok)
        self.sales_report_action.setVisible(reports_ok)
        self.reports_menu.menuAction().setVisible(reports_ok)
        plans_ok = actor is None or actor.can(SETUP)
        self.plans_action.setVisible(plans_ok)
        prices_ok = actor is None or actor.can(PRICES)
        self.shows_action.setVisible(plans_ok)
        self.schedule_action.setVisible(plans_ok)
        self.receipt_details_action.setVisible(plans_ok)
        self.best_seats_action.setVisible(plans_ok)

        self.venue_settings_action.setVisible(plans_ok)
        self.prices_action.setVisible(prices_ok)
        self.promo_action.setVisible(prices_ok)
        self.manage_menu.menuAction().setVisible(audit_ok or staff_ok or reports_ok or plans_ok or prices_ok)

    def _switched(self, actor) -> None:
        self.statusBar().showMessage(
            self.tr("{display_name} is signed in at this till.").format(display_name=actor.display_name), 5000
        )

    def open_audit_log(self):
        """Show the audit log screen (its service refuses actors without ``audit``)."""
        from boxoffice.ui.manage.audit_log import AuditLogWindow

        window = AuditLogWindow(self.runner, self)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        window.load()
        return window

    def open_staff_accounts(self):
        """Show the staff accounts dialog (its service refuses actors without ``accounts``)."""
        from boxoffice.ui.manage.staff_accounts import StaffAccountsDialog

        dialog = StaffAccountsDialog(self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.load()
        return dialog

    def open_order_lookup(self, query: str = "", seat: tuple[int, int] | None = None):
        """Show Sale → Find order (F4, Ctrl+R): find an order by ``query`` (number, name,
        e-mail) or by ``seat`` ``(showtime id, seat id)``; reprint, refund or exchange it
        (the database applies the rules of the signed-in role). Refunded and exchanged
        seats show at once (incremental resync, and the live feed)."""
        from boxoffice.ui.orders.lookup import OrderLookupDialog
        from boxoffice.ui.orders.view import offer_print

        def show_tickets(number: str, views) -> None:  # the default ticket printer, else the dialog
            if not self.printing.print_tickets(number, views):
                offer_print(dialog, number, views)

        dialog = OrderLookupDialog(self.runner, self, channel=self.sell.channel, query=query, show_tickets=show_tickets)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(lambda: self.sell.resync(incremental=True))
        dialog.refunded.connect(
            lambda order_id: self.printing.after_refund(order_id) if order_id else None
        )  # its receipt
        dialog.exchanged.connect(self.printing.after_exchange)  # the exchange's receipt
        dialog.show()
        if seat is not None:
            dialog.find_seat(*seat)
        self.order_lookup = dialog
        return dialog

    def open_refund(self, order_number: str = ""):
        """Sale → Refund an order: the Find order screen, looking up ``order_number``."""
        return self.open_order_lookup(query=order_number if isinstance(order_number, str) else "")

    def open_reports(self):
        """Show Reports → Sales and takings for today (the database refuses actors
        without ``reports``)."""
        from boxoffice.ui.reports.window import ReportsWindow

        window = ReportsWindow(self.runner, self)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        window.load()
        return window

    def open_settings(self):
        """Show Sale → Settings…: the server, till name, TLS and server version."""
        from boxoffice.ui.shell.settings import SettingsDialog

        return self._manage_dialog(SettingsDialog(self.runner, self.till_setup, self, printing=self.printing))

    def open_receipt(self, order_number: str = ""):
        """Show Sale → Receipt of an order…: a sale's or refund's receipt, 80 mm or A4,
        printed or saved as PDF."""
        from boxoffice.ui.counter.receipt_dialog import ReceiptDialog

        dialog = ReceiptDialog(self.runner, self.printing, self, order_number=order_number)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_receipt_details(self):
        """Show Manage → Receipt details and VAT… (its service refuses actors without ``setup``)."""
        from boxoffice.ui.manage.receipt_details import ReceiptDetailsDialog

        return self._manage_dialog(ReceiptDetailsDialog(self.runner, self))

    def open_venue_settings(self):
        """Show Manage → Venue settings… (name, address, currency, time zone, locale, off
        sale, halls; its service refuses actors without ``setup``)."""
        from boxoffice.ui.manage.venue_settings import VenueSettingsDialog

        return self._manage_dialog(VenueSettingsDialog(self.runner, self))

    def open_admission_conflicts(self):
        """Show tickets doors let in twice while offline (its service refuses actors
        without ``reports``)."""
        from boxoffice.ui.door.admission_conflicts import AdmissionConflictsDialog

        dialog = AdmissionConflictsDialog(self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.load()
        return dialog

    def open_plan_editor(self):
        """Show the seating plan editor and its Open dialog (its services refuse actors
        without ``setup``)."""
        from boxoffice.ui.plan_editor.window import PlanEditorWindow

        window = PlanEditorWindow(self.runner, self)
        window.setWindowFlag(Qt.WindowType.Window, True)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        window.open_dialog()
        return window

    def _manage_dialog(self, dialog):
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.load()
        return dialog

    def open_shows(self):
        """Show Manage → Shows (its service refuses saving without ``setup``)."""
        from boxoffice.ui.manage.shows import ShowsDialog

        return self._manage_dialog(ShowsDialog(self.runner, self))

    def open_schedule(self):
        """Show Manage → Schedule showtimes; new showtimes appear in the sell screen's picker."""
        from boxoffice.ui.manage.schedule import ScheduleDialog

        dialog = ScheduleDialog(self.runner, self)
        dialog.scheduled.connect(lambda _ids: self.sell.load_showtimes())
        return self._manage_dialog(dialog)

    def open_prices(self):
        """Show Manage → Prices and showtimes (price grid, cancelling, price rules)."""
        from boxoffice.ui.manage.prices import PricesDialog

        dialog = PricesDialog(self.runner, self)
        dialog.changed.connect(self.sell.resync)
        return self._manage_dialog(dialog)

    def open_best_seats(self):
        """Show Manage → Best seats… (section ranking and best point for best available;
        its service refuses actors without ``setup``)."""
        from boxoffice.ui.manage.best_seats import BestSeatsDialog

        return self._manage_dialog(BestSeatsDialog(self.runner, self))

    def open_promo_codes(self):
        """Show Manage → Promo codes (its services refuse actors without ``prices``)."""
        from boxoffice.ui.manage.promo_codes import PromoCodesDialog

        return self._manage_dialog(PromoCodesDialog(self.runner, self))

    def _live_status(self, status) -> None:
        live = status.state == "live"
        self.live_label.setText(("● " if live else "○ ") + describe_status(status))
        self.live_label.setStyleSheet("color: #15803d;" if live else "color: #b45309; font-weight: bold;")
        self.live_label.setToolTip(
            self.tr("Seat maps follow every till and the web as they change.")
            if live
            else self.tr("Not receiving changes from other tills and the web: ")
            + (status.error or self.tr("connecting"))
        )

    def sale_dialog(self, result, views) -> SaleCompleteDialog:
        """The dialog shown after a sale, offering to print or save its tickets."""
        return SaleCompleteDialog(
            order_number=result.order_number,
            change_text=i18n.format_money(result.change_minor, result.currency),
            ticket_count=len(views),
            make_pdf=lambda layout: render_tickets_pdf(views, layout=layout),
            print_pdf=print_pdf,
            layouts=dict(LAYOUTS),
            parent=self,
        )

    def _sale_completed(self, outcome) -> None:
        self.last_sale = outcome
        choice, self.sell.receipt_choice = self.sell.receipt_choice, None
        result, views = outcome
        if not self.printing.after_sale(result, views, receipt=choice):  # no default ticket printer: ask
            self.sale_dialog(*outcome).exec()

    def _print_last(self) -> None:
        if self.last_sale is None:
            self.statusBar().showMessage(self.tr("No order sold at this till since it opened."), 5000)
            return
        self.sale_dialog(*self.last_sale).exec()

    def _show_keys(self) -> None:
        QMessageBox.information(
            self,
            self.tr("Keyboard shortcuts"),
            (
                self.tr(
                    "F2  find a showtime\nF5  refresh the seat map\nF9  pay cash, F10  pay by card, F11  complimentary\n"
                    "F12  split a payment (in the payment dialog: take the entry as a part payment)\n"
                    "Delete  drop the selected (or last) seat\nCtrl+Shift+Delete  clear the basket\n"
                    "+ / −  zoom the seat map, 0  fit it\nCtrl+P  print the last order's tickets again\n"
                    "F4  find an order (reprint, refund, exchange)\nCtrl+R  refund an order\n"
                    "F8  print an order's receipt\n"
                    "Ctrl+Shift+O  open the shift, Ctrl+Shift+D  cash drop, Ctrl+Shift+U  pay-out\n"
                    "Ctrl+Shift+X  X report, Ctrl+Shift+E  close the shift (blind count, Z report)\n"
                    "Ctrl+L  lock the till / switch cashier\n"
                    "Ctrl+B  block / release seats (managers)\n"
                    "Ctrl+Shift+S  schedule showtimes, Ctrl+Shift+P  prices and showtimes\n"
                    "Ctrl+Shift+R  sales and takings (managers)"
                )
                + "\n\n"
                + self.tr(
                    "On the seat map (docs/counter.md):\n"
                    "1-9  hold the best seats together (after a moment; Enter or F9: at once; 12 Enter: 12)\n"
                    "Enter again  the next best seats (the previous ones are released)\n"
                    "Ctrl+1-9  best seats of that price category (as the legend shows), Ctrl+0  any\n"
                    "Arrow keys  move the seat cursor, Page Up / Page Down  previous / next section\n"
                    "Space  put the seat under the cursor in the basket (again: drop it)\n"
                    "K14 or 112 K 14, then Enter  go to that seat\n"
                    "F6 or Ctrl+F  find a seat by section, row and seat\n"
                    "F9 then Enter  pay the exact amount in cash"
                )
            ),
        )

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.lock is not None and self.lock.locked:
            event.ignore()  # a locked till is not closed by whoever walks past
            return
        basket = self.sell.basket
        if basket and basket.lines:
            answer = QMessageBox.question(
                self,
                self.tr("Seats in the basket"),
                self.tr("%n seat(s) are held in the basket. Release them and quit?", "", len(basket.lines)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            self.sell.release_seats(None)
        self.runner.wait(5000)
        self.printing.wait(5000)  # documents still printing
        if self.live is not None:
            self.live.stop()
        if self.lock is not None:
            self.lock.stop()
        event.accept()
