"""The sell screen: pick a showtime, click seats on the map, take payment (cash, card,
complimentary, split), print tickets."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from boxoffice.domain.basket import Basket, BasketLine
from boxoffice.domain.errors import SeatUnavailableError
from boxoffice.domain.roles import BLOCK, COMP
from boxoffice.services import catalog, general_admission, inventory, sales, tickets
from boxoffice.services.catalog import SeatMap, ShowtimeSummary
from boxoffice.services.tenders import Tender
from boxoffice.ui.common import i18n
from boxoffice.ui.common.i18n import format_money
from boxoffice.ui.common.tasks import TaskRunner, describe_error
from boxoffice.ui.counter.basket_panel import BasketPanel
from boxoffice.ui.counter.ga_sale import GaSale, renew_holds
from boxoffice.ui.counter.promo_entry import PromoAtTill
from boxoffice.ui.counter.tender_override import Grant
from boxoffice.ui.manage.seat_blocking import BlockBar
from boxoffice.ui.seatmap.legend import LegendBar
from boxoffice.ui.seatmap.live import LiveFeed, StateSync
from boxoffice.ui.seatmap.map_view import SeatMapView

STATE_WORDS = {
    "sold": QT_TRANSLATE_NOOP("SellScreen", "{seat} is sold."),
    "blocked": QT_TRANSLATE_NOOP("SellScreen", "{seat} is not for sale."),
    "held": QT_TRANSLATE_NOOP("SellScreen", "{seat} is held at another till."),
    "web": QT_TRANSLATE_NOOP("SellScreen", "{seat} is held by an online customer."),
    "ours": QT_TRANSLATE_NOOP("SellScreen", "{seat} is held at this till for another sale."),
}
BANNER_STYLE = "background: #fef3c7; color: #78350f; border: 1px solid #f59e0b; border-radius: 4px; padding: 6px;"


def showtime_label(s: ShowtimeSummary) -> str:
    """Picker text, e.g. ``"Sat 28 Nov 19:30 · The Importance of Being Earnest"``."""
    local = s.starts_at.astimezone(ZoneInfo(s.timezone))
    note = s.sale_note()
    status = f" ({note})" if note else ""
    return f"{i18n.date_time(local, date='MMMEd')} · {s.title}{status}"


class SellScreen(QWidget):
    """Sell screen. Collaborators are injected: ``runner`` runs services off the GUI
    thread; ``live`` (optional) tells when inventory changes, so the map follows every
    channel and till without polling (see docs/live-updates.md).

    Signals:
        message(str): a status line for the window's status bar.
        seatHeld(int): a seat was confirmed held and is in the basket (for benchmarks/tests).
    """

    message = Signal(str)
    seatHeld = Signal(int)
    saleCompleted = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        *,
        channel: str,
        hold_seconds: int,
        live: LiveFeed | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.channel = channel
        self.hold_seconds = hold_seconds
        self.live = live
        self.grant_override: Grant | None = None  # a manager's approval in place (MainWindow sets it)
        self.seat_map: SeatMap | None = None
        self.basket: Basket | None = None
        self._seats: dict = {}
        self._pending: set[int] = set()
        self._showtimes: list[ShowtimeSummary] = []
        self._type_prices: dict[int, list[sales.TypePrice]] = {}  # category id -> types sold, full first
        self._lost = False  # the live feed lost its connection and has not resynchronised yet
        self.sync = StateSync(runner, self._apply_states, self._report)
        # receipts (ui/counter/sale_printing.py): the till's rule, and the cashier's choice for the sale being paid
        self.receipt_rule: Callable[[Iterable[str]], bool] | None = None
        self.receipt_choice: bool | None = None

        self.picker = QComboBox()
        self.picker.setObjectName("showtimePicker")
        self.picker.setEditable(True)
        self.picker.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.picker.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.picker.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.picker.setMinimumWidth(420)
        self.picker.activated.connect(self._picker_activated)
        self.info = QLabel("")
        self.info.setStyleSheet("color: #555;")
        # Block mode (staff with the block permission): pick seats, block or release them.
        self.blocking = BlockBar(self)
        self.blocking.message.connect(self.message)
        self.block_mode = QPushButton(self.tr("Block seats"))
        self.block_mode.setObjectName("blockMode")
        self.block_mode.setCheckable(True)
        self.block_mode.setToolTip(self.tr("Block or release seats of this showtime (Ctrl+B)"))
        self.block_mode.clicked.connect(lambda _checked: self.blocking.toggle())
        self.blocking.activeChanged.connect(self.block_mode.setChecked)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Showtime")))
        top.addWidget(self.picker, 1)
        top.addWidget(self.info)
        top.addWidget(self.block_mode)

        self.banner = QLabel("")
        self.banner.setObjectName("connectionBanner")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.map = SeatMapView()
        self.map.set_own_channel(channel)
        self.map.seatClicked.connect(self._seat_clicked)
        self.ga = GaSale(self)  # general-admission areas: click one (or Ctrl+G) to choose places
        self.legend = LegendBar()
        self.panel = BasketPanel()
        self.panel.removeRequested.connect(self.release_seats)
        self.panel.clearRequested.connect(lambda: self.release_seats(None))
        self.panel.payCashRequested.connect(self.pay_cash)
        self.panel.typeChosen.connect(self.set_ticket_type)
        self.promo = PromoAtTill(self)  # a promo code typed in the basket (F7)
        self.panel.promoApplied.connect(self.promo.apply)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.map, 1)
        left_layout.addWidget(self.legend)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.panel)
        split.setStretchFactor(0, 1)
        split.setSizes([960, 400])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.blocking)
        layout.addWidget(split, 1)

        QShortcut(QKeySequence(Qt.Key.Key_F2), self, self._focus_picker)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.resync)
        # paying (F9, the basket's button, pays cash): card, complimentary, a split
        QShortcut(QKeySequence(Qt.Key.Key_F10), self, lambda: self.pay("card"))
        QShortcut(QKeySequence(Qt.Key.Key_F11), self, lambda: self.pay("comp"))
        QShortcut(QKeySequence(Qt.Key.Key_F12), self, lambda: self.pay("cash"))
        QShortcut(QKeySequence("Ctrl+G"), self, self.ga.choose_any)
        QShortcut(QKeySequence("Ctrl+B"), self, lambda: self.blocking.toggle() if self.block_mode.isVisible() else None)
        runner.actorChanged.connect(self._actor_changed)
        self._actor_changed(runner.actor)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._on_tick)
        self._tick.start()
        if live is not None:
            live.inventoryChanged.connect(self.sync.notify)
            live.statusChanged.connect(self._feed_status)

    def _actor_changed(self, actor) -> None:
        """Offer block mode only to staff who may block seats."""
        allowed = actor is None or actor.can(BLOCK)
        self.block_mode.setVisible(allowed)
        if not allowed:
            self.blocking.stop()

    @property
    def _version(self) -> int:
        """The highest inventory version shown (0 before the first load)."""
        return self.sync.version

    # -- showtimes ---------------------------------------------------------------------------

    def load_showtimes(self) -> None:
        """Fetch showtimes from today on and select today's next one."""
        self.runner.run(lambda s: catalog.list_showtimes(s), self._showtimes_loaded, self._report)

    def _showtimes_loaded(self, showtimes: list[ShowtimeSummary]) -> None:
        self._showtimes = showtimes
        self.picker.clear()
        for s in showtimes:
            self.picker.addItem(showtime_label(s), s.id)
        if not showtimes:
            self.message.emit(self.tr("No showtimes from today on. Load demo data with `boxoffice demo`."))
            return
        now = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
        index = next((i for i, s in enumerate(showtimes) if s.starts_at >= now), 0)
        self.picker.setCurrentIndex(index)
        self.open_showtime(showtimes[index].id)

    def _focus_picker(self) -> None:
        self.picker.setFocus()
        self.picker.lineEdit().selectAll()

    def _picker_activated(self, index: int) -> None:
        showtime_id = self.picker.itemData(index)
        if showtime_id is not None and (self.basket is None or showtime_id != self.basket.showtime_id):
            self.open_showtime(showtime_id)

    def open_showtime(self, showtime_id: int) -> None:
        """Release this till's basket (if any) and load ``showtime_id``'s seat map."""
        if self.basket and not self.basket.empty:
            self.release_seats(None)
        started = time.perf_counter()
        ticket = self.sync.begin(showtime_id)

        def load(session):
            return (
                catalog.load_seat_map(session, showtime_id=showtime_id),
                inventory.seat_states(session, showtime_id=showtime_id, taken_only=True),
                sales.ticket_prices(session, showtime_id=showtime_id),
                general_admission.area_states(session, showtime_id=showtime_id),
            )

        def loaded(result) -> None:
            if not self.sync.current(ticket):
                return  # another showtime was chosen meanwhile
            seat_map, snapshot, type_prices, ga_states = result
            self.seat_map = seat_map
            self._type_prices = {}
            for offer in type_prices:
                self._type_prices.setdefault(offer.category_id, []).append(offer)
            self._seats = {s.id: s for s in seat_map.seats}
            self.basket = Basket(showtime_id=showtime_id)
            self.map.set_own_token(self.basket.token)
            self.map.set_map(seat_map)
            self.map.set_states(snapshot.states)
            self.ga.loaded(ga_states)
            self.blocking.reset()
            self.sync.adopt(ticket, snapshot)
            self.legend.show_map(seat_map, self.map.legend_entries())
            self._refresh_panel()
            local = seat_map.showtime.starts_at.astimezone(ZoneInfo(seat_map.showtime.timezone))
            self.info.setText(
                self.tr("{venue} · {when} · %n seat(s)", "", len(seat_map.seats)).format(
                    venue=seat_map.showtime.venue, when=i18n.date_time(local, date="yMMMMEEEEd")
                )
            )
            self.message.emit(
                self.tr("Opened {title} in {ms:.0f} ms").format(
                    title=seat_map.showtime.title, ms=1000 * (time.perf_counter() - started)
                )
            )

        def failed(exc: BaseException) -> None:
            self.sync.abandon(ticket)
            self._report(exc)

        self.runner.run(load, loaded, failed)

    # -- seats -------------------------------------------------------------------------------

    def _seat_clicked(self, seat_id: int) -> None:
        if self.basket is None or seat_id in self._pending:
            return
        if self.blocking.active:
            self.blocking.toggle_seat(seat_id)
            return
        if seat_id in self.basket.lines:
            self.release_seats([seat_id])
            return
        state = self.map.visual_state(seat_id)
        if state in STATE_WORDS:
            self.message.emit(self.tr(STATE_WORDS[state]).format(seat=self._label(seat_id)))
            return
        self.hold_seat(seat_id)

    def hold_seat(self, seat_id: int) -> None:
        """Hold ``seat_id`` together with the basket's seats (renewing their expiry)."""
        basket = self.basket
        wanted = basket.seat_ids + [seat_id]
        token, showtime_id, places = basket.token, basket.showtime_id, basket.ga_places
        self._pending.add(seat_id)

        def work(session):  # the general-admission places are renewed with the seats
            return renew_holds(
                session,
                showtime_id=showtime_id,
                token=token,
                channel=self.channel,
                seconds=self.hold_seconds,
                seat_ids=wanted,
                places=places,
            )

        def done(expires_at) -> None:
            self._pending.discard(seat_id)
            if self.basket is not basket or basket.token != token:
                return
            basket.expires_at = expires_at
            basket.lines[seat_id] = self._line(seat_id)
            self._refresh_panel()
            self.seatHeld.emit(seat_id)
            self.sync.request()

        def failed(exc) -> None:
            self._pending.discard(seat_id)
            if isinstance(exc, SeatUnavailableError) and basket is self.basket:
                lost = [s for s in exc.details.get("seat_ids", []) if s in basket.lines]
                for s in lost:
                    basket.lines.pop(s, None)
                taken = [self._label(s) for s in exc.details.get("seat_ids", [])]
                self.message.emit(
                    self.tr("Not available: {seats}. ").format(seats=", ".join(taken) or self._label(seat_id))
                    + (self.tr("Those seats left the basket.") if lost else self.tr("Choose another seat."))
                )
                self._refresh_panel()
                self.sync.request()
            else:
                self._report(exc)

        self.runner.run(work, done, failed)

    def release_seats(self, seat_ids: list[int] | None) -> None:
        """Drop ``seat_ids`` (``None``: all, general-admission places too) from the basket
        and release their holds; minus an area id drops that area's places."""
        basket = self.basket
        if basket is None or basket.empty:
            return
        if seat_ids is None or any(s < 0 for s in seat_ids):
            self.ga.release(None if seat_ids is None else [-s for s in seat_ids if s < 0])
            if seat_ids is not None:
                seat_ids = [s for s in seat_ids if s > 0]
        if not basket.lines or seat_ids == []:
            return
        ids = list(basket.lines) if seat_ids is None else [s for s in seat_ids if s in basket.lines]
        for s in ids:
            basket.lines.pop(s, None)
        self._refresh_panel()
        token, showtime_id = basket.token, basket.showtime_id
        self.runner.run(
            lambda s: inventory.release_seats(s, showtime_id=showtime_id, token=token, seat_ids=ids),
            lambda _n: self.sync.request(),
            self._report,
        )

    def _line(self, seat_id: int) -> BasketLine:
        """A new basket line: the full ticket type at the category's price."""
        seat = self._seats[seat_id]
        category = self.seat_map.categories[seat.category_id]
        full = next((o for o in self._type_prices.get(seat.category_id, ()) if o.code == "full"), None)
        return BasketLine(
            seat_id,
            self.seat_map.sections.get(seat.section_id, ""),
            seat.row,
            seat.number,
            category.name,
            category.price_minor,
            full.ticket_type_id if full else None,
            full.name if full else self.tr("Full"),
        )

    def _offers(self, seat_id: int) -> list[sales.TypePrice]:
        seat = self._seats.get(seat_id)
        return self._type_prices.get(seat.category_id, []) if seat else []

    def set_ticket_type(self, seat_id: int, ticket_type_id: int) -> None:
        """Sell ``seat_id``'s line as ``ticket_type_id`` (one of the types priced for its
        category); the total follows. The sale's prices come from the database."""
        basket = self.basket
        if basket is None or seat_id not in basket.lines:
            return
        offer = next((o for o in self._offers(seat_id) if o.ticket_type_id == ticket_type_id), None)
        if offer is None:
            self.message.emit(self.tr("That ticket type is not sold for {label}.").format(label=self._label(seat_id)))
            return
        basket.lines[seat_id] = replace(
            basket.lines[seat_id],
            ticket_type_id=offer.ticket_type_id,
            ticket_type=offer.name,
            price_minor=offer.price_minor,
        )
        self._refresh_panel()

    def _label(self, seat_id: int) -> str:
        seat = self._seats.get(seat_id)
        return (
            self.tr("Row {row} seat {number}").format(row=seat.row, number=seat.number)
            if seat
            else self.tr("Seat {seat_id}").format(seat_id=seat_id)
        )

    # -- paying ------------------------------------------------------------------------------

    def pay_cash(self, tendered_minor: int | None = None) -> None:
        """Take cash for the basket: ask for the amount (unless given), then sell."""
        if tendered_minor is None:
            self.pay("cash")
        else:
            self.sell_with(
                [Tender("cash", self.basket.total_minor, tendered_minor=tendered_minor)] if self.basket else []
            )

    def pay(self, method: str = "cash") -> None:
        """Open the payment dialog starting with ``method`` (cash F9, card F10, comp F11;
        any split, F12) for the basket, then sell with the tenders taken."""
        basket = self.basket
        if basket is None or basket.empty or not basket.priced:
            return
        self.receipt_choice = None
        from boxoffice.ui.counter.payment import PaymentDialog

        actor = self.runner.actor
        dialog = PaymentDialog(
            basket.total_minor,
            self.seat_map.currency,
            self,
            tickets=basket.type_summary,
            method=method,
            may_comp=actor is None or actor.can(COMP),
            grant_override=self.grant_override,
            receipt_rule=self.receipt_rule,
        )
        if dialog.exec() and dialog.tenders:
            self.receipt_choice = dialog.receipt.isChecked()
            self.sell_with(dialog.tenders, dialog.override)

    def sell_with(self, tenders: list[Tender], override=None) -> None:
        """Sell the basket paid by ``tenders`` (adding up to its total; ``override``: a
        manager's token for a cashier's comp), off the GUI thread."""
        basket = self.basket
        if basket is None or basket.empty or not tenders:
            return
        ids, token, showtime_id, total = basket.seat_ids, basket.token, basket.showtime_id, basket.total_minor
        types, places, code = basket.ticket_types, basket.ga_places, basket.promo_code

        def work(session):
            tickets.require_signer(session)  # refuse before taking money if this till cannot print
            result = sales.sell(
                session,
                showtime_id=showtime_id,
                seat_ids=ids,
                token=token,
                channel=self.channel,
                tenders=tenders,
                override=override,
                expected_total_minor=total,
                ticket_types=types,
                ga=places,
                promo=code,
            )
            return result, tickets.order_tickets(session, order_id=result.order_id)

        def done(outcome) -> None:
            result, views = outcome
            basket.renew()
            self.map.set_own_token(basket.token)
            self._refresh_panel()
            self.sync.request()
            self.ga.refresh()
            self.message.emit(
                self.tr("Sold %n ticket(s), order {order}; change {change}.", "", len(views)).format(
                    order=result.order_number, change=format_money(result.change_minor, result.currency)
                )
            )
            self.saleCompleted.emit((result, views))

        self.panel.pay_button.setEnabled(False)
        self.runner.run(work, done, lambda exc: (self._report(exc), self._refresh_panel(), self.resync()))

    # -- keeping the map true ----------------------------------------------------------------

    def resync(self, incremental: bool = False) -> None:
        """Fetch seat states changed since the last fetch (all of them unless
        ``incremental``), coalesced with any fetch in flight."""
        self.sync.request(full=not incremental)

    def _apply_states(self, snapshot, full: bool) -> None:
        self.map.set_states(snapshot.states, replace=full)
        self.ga.refresh()  # the same notification covers general-admission holds and tickets
        if full and self._lost and self.live is not None and self.live.status.live:
            self._lost = False
            self.banner.hide()
            self.message.emit(self.tr("Connection to the database restored; the seat map is up to date."))

    def _feed_status(self, status) -> None:
        """React to the live feed: say when it is down, resynchronise when it is back."""
        if status.state == "live":
            if self._lost and self.sync.showtime_id is None and not self.sync.busy:
                self._lost = False  # no seat map to refresh
                self.banner.hide()
            elif self._lost:
                self.banner.setText(self.tr("Connection restored. Refreshing the seat map…"))
            self.sync.request(full=True)  # notifications sent while we were away are lost
        elif status.state == "down":
            if not self._lost:
                self.message.emit(self.tr("Lost the connection to the database; reconnecting…"))
            self._lost = True
            wait = (
                self.tr(" (next try in {retry_in:.0f} s)").format(retry_in=status.retry_in)
                if status.retry_in and status.retry_in >= 1
                else ""
            )
            self.banner.setText(
                self.tr(
                    "<b>No connection to the database.</b> Reconnecting{wait}… Seats shown may be "
                    "out of date; the basket is kept and the map refreshes once the connection is back."
                ).format(wait=wait)
            )
            self.banner.show()

    def _on_tick(self) -> None:
        basket = self.basket
        if basket is None:
            return
        now = dt.datetime.now(dt.UTC)
        if not basket.empty and basket.seconds_left(now) <= 0:
            count = len(basket.lines) + sum(basket.ga_places.values())
            self.release_seats(None)
            basket.renew()
            self.map.set_own_token(basket.token)
            self.message.emit(self.tr("The hold on %n seat(s) expired; they were released.", "", count))
        self.map.expire_holds(now)
        self.panel.update_countdown(basket.seconds_left(now))

    def _refresh_panel(self) -> None:
        basket = self.basket
        currency = self.seat_map.currency if self.seat_map else "EUR"
        self.panel.show_basket(
            basket,
            currency=currency,
            seconds_left=basket.seconds_left(dt.datetime.now(dt.UTC)) if basket else 0,
            offers={sid: self._offers(sid) for sid in basket.lines} if basket else None,
        )
        if basket is not None and not self.blocking.active:
            self.map.set_selected(basket.seat_ids)
        self.ga.redraw()
        self.promo.check()

    def _report(self, exc: BaseException) -> None:
        self.message.emit(describe_error(exc))
