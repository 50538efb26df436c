"""The sell screen's controller: pick a showtime, hold seats (clicked, picked by keyboard,
or the best N together by typing N), take payment (cash, card, complimentary, split),
print tickets. Its widgets are the view's (:mod:`boxoffice.ui.counter.sell_view`); the
general-admission areas, best available, promo codes and block mode are helpers of
their own (``ga_sale``, ``counter.best_seats``, ``promo_entry``, ``seat_blocking``).

Keys on the map (docs/counter.md): 1-9 the best seats together (Ctrl+1-9 a price
category, Ctrl+0 any; Enter again the next best), arrows / Page Up / Page Down / Space
a seat cursor, a typed seat reference (K14, 112 K 14) then Enter jumps there.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from boxoffice.domain.basket import Basket, BasketLine
from boxoffice.domain.errors import SeatUnavailableError
from boxoffice.domain.roles import BLOCK
from boxoffice.services import catalog, counter, inventory
from boxoffice.services.catalog import SeatMap, ShowtimeSummary
from boxoffice.services.tenders import Tender
from boxoffice.ui.common import i18n
from boxoffice.ui.common.tasks import TaskRunner, describe_error
from boxoffice.ui.counter.basket_lines import BasketLines
from boxoffice.ui.counter.checkout import Checkout
from boxoffice.ui.counter.ga_sale import GaSale
from boxoffice.ui.counter.late_sale import LateGrant, LateSale
from boxoffice.ui.counter.map_keys import MapKeys
from boxoffice.ui.counter.promo_entry import PromoAtTill
from boxoffice.ui.counter.sell_view import BANNER_STYLE, SellView, showtime_label
from boxoffice.ui.counter.showtime_ending import EndedToggle
from boxoffice.ui.counter.tender_override import Grant
from boxoffice.ui.manage.seat_blocking import BlockBar
from boxoffice.ui.seatmap.live import LiveFeed, StateSync
from boxoffice.ui.seatmap.store import prepare_geometry

__all__ = ["BANNER_STYLE", "STATE_WORDS", "SellScreen", "showtime_label"]

STATE_WORDS = {
    "sold": QT_TRANSLATE_NOOP("SellScreen", "{seat} is sold."),
    "blocked": QT_TRANSLATE_NOOP("SellScreen", "{seat} is not for sale."),
    "held": QT_TRANSLATE_NOOP("SellScreen", "{seat} is held at another till."),
    "web": QT_TRANSLATE_NOOP("SellScreen", "{seat} is held by an online customer."),
    "ours": QT_TRANSLATE_NOOP("SellScreen", "{seat} is held at this till for another sale."),
}


def _forget_venue_formats(*_args) -> None:
    i18n.use_venue_locale(None)


class SellScreen(SellView):
    """Sell screen. Collaborators are injected: ``runner`` runs services off the GUI
    thread; ``live`` (optional) tells when inventory changes, so the map follows every
    channel and till without polling (see docs/live-updates.md), and when the database
    is unreachable (selling pauses until it is back).

    Signals:
        message(str): a status line for the window's status bar.
        seatHeld(int): a seat was confirmed held and is in the basket (for benchmarks/tests).
        saleCompleted(object): ``(SaleResult, [TicketView])`` of a sale just made.
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
        self.grant_late_sale: LateGrant | None = None  # a manager's override after the close (MainWindow sets it)
        self.seat_map: SeatMap | None = None
        self.basket: Basket | None = None
        self.lines = BasketLines(self)  # basket lines as the open plan prices them (ui/counter/basket_lines.py)
        self._pending: set[int] = set()
        self._showtimes: list[ShowtimeSummary] = []
        self._lost = False  # the live feed lost its connection and has not resynchronised yet
        self._legend: tuple = ()  # what the legend shows (currency, categories, state swatches)
        self.online = True  # False while the feed says the database is unreachable: no picking, no paying
        self.sync = StateSync(runner, self._apply_states, self._report)
        # receipts (ui/counter/sale_printing.py): the till's rule, and the cashier's choice for the sale being paid
        self.receipt_rule: Callable[[Iterable[str]], bool] | None = None
        self.receipt_choice: bool | None = None

        self.picker.activated.connect(self._picker_activated)
        # Block mode (staff with the block permission): pick seats, block or release them.
        self.blocking = BlockBar(self)
        self.blocking.message.connect(self.message)
        self.bars.addWidget(self.blocking)
        self.block_mode.clicked.connect(lambda _checked: self.blocking.toggle())
        self.blocking.activeChanged.connect(self.block_mode.setChecked)
        self.ended = EndedToggle(self.picker)  # "Show ended"; started / ended marks (ui/counter/showtime_ending.py)
        self.top_bar.insertWidget(2, self.ended)
        self.late = LateSale(self)  # selling after the close: a manager's override (ui/counter/late_sale.py)
        self.destroyed.connect(_forget_venue_formats)  # the till's own formats once the screen is gone
        self.top_bar.insertWidget(3, self.late.button)
        self.map.set_own_channel(channel)
        self.map.seatClicked.connect(self._seat_clicked)
        # the keyboard on the map (ui/counter/map_keys.py): seat cursor, best N by typing N,
        # Ctrl+1-9 price categories, seat references; sets self.cursor, marks, best, typing
        self.keys = MapKeys(self)
        self.checkout = Checkout(self)  # paying: the payment dialog, the sale (ui/counter/checkout.py)
        self.cursor.toggled.connect(self._seat_clicked)
        self.ga = GaSale(self)  # general-admission areas: click one (or Ctrl+G) to choose places
        self.panel.removeRequested.connect(self.release_seats)
        self.panel.clearRequested.connect(lambda: self.release_seats(None))
        self.panel.payCashRequested.connect(self.pay_cash)
        self.panel.typeChosen.connect(self.set_ticket_type)
        self.promo = PromoAtTill(self)  # a promo code typed in the basket (F7)
        self.panel.promoApplied.connect(self.promo.apply)

        QShortcut(QKeySequence(Qt.Key.Key_F2), self, self._focus_picker)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.resync)
        # paying: F9 cash (also while best seats are on their way), card, complimentary, a split
        QShortcut(QKeySequence(Qt.Key.Key_F9), self, lambda: self.pay("cash"))
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
        self.runner.run(lambda s: catalog.list_showtimes(s), self._showtimes_loaded, self._report, owner=self)

    def _showtimes_loaded(self, showtimes: list[ShowtimeSummary]) -> None:
        showtimes = self._showtimes = self.ended.fill(showtimes)  # listed, marked (ui/counter/showtime_ending.py)
        if not showtimes:
            self.message.emit(self.tr("No showtimes from today on. Load demo data with `boxoffice demo`."))
            return
        now = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
        chosen = next((s.id for s in showtimes if s.starts_at >= now), showtimes[0].id)
        self.picker.setCurrentIndex(self.picker.findData(chosen))
        self.open_showtime(chosen)

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
        self.use_venue_formats(showtime_id)
        started = time.perf_counter()
        ticket = self.sync.begin(showtime_id)
        self.map.pause_idle_work()  # the shown map's idle-time pictures are no longer wanted

        def load(session):  # one transaction: showtime, prices, states (and the plan's layout if new here)
            opening = catalog.open_showtime(session, showtime_id=showtime_id)
            prepare_geometry(
                opening.seat_map.seats
            )  # a plan new to this till: its outlines here, not on the GUI thread
            return opening

        def loaded(opening: catalog.ShowtimeOpening) -> None:
            if not self.sync.current(ticket):
                return  # another showtime was chosen meanwhile
            seat_map, taken = opening.seat_map, opening.taken
            self.seat_map = seat_map
            self.lines.load(seat_map, opening.type_prices)
            self.basket = Basket(showtime_id=showtime_id)
            self.map.set_own_token(self.basket.token)
            self.map.set_map(seat_map)
            self.cursor.set_map(seat_map)
            self.best.reset()
            self.notice.dismiss()
            self.map.load_taken(taken)
            self.ga.loaded(opening.ga_states)
            self.blocking.reset()
            self.sync.adopt(ticket, taken)
            entries = self.map.legend_entries()
            legend = (seat_map.currency, tuple(seat_map.categories.values()), tuple(e.label for e in entries))
            if legend != self._legend:  # the same again (another showtime at these prices): keep its widgets
                self._legend = legend
                self.legend.show_map(seat_map, entries)
            self.keys.legend_category(None)
            self._refresh_panel()
            local = seat_map.showtime.starts_at.astimezone(ZoneInfo(seat_map.showtime.timezone))
            self.info.setText(
                self.tr("{venue} · {when} · %n seat(s)", "", len(seat_map.seats)).format(
                    venue=seat_map.showtime.venue, when=i18n.date_time(local, date="yMMMMEEEEd")
                )
            )
            self.map.setFocus()  # the showtime is chosen: ready for "2" (best available) or the arrow keys
            self.message.emit(
                self.tr("Opened {title} in {ms:.0f} ms").format(
                    title=seat_map.showtime.title, ms=1000 * (time.perf_counter() - started)
                )
            )

        def failed(exc: BaseException) -> None:
            self.sync.abandon(ticket)
            self._report(exc)

        self.runner.run(load, loaded, failed, owner=self)

    def use_venue_formats(self, showtime_id: int) -> None:
        """Write money, dates and times as ``showtime_id``'s venue says (venue settings'
        locale, e.g. ``1.234,50 €`` for de_DE) on this screen, its receipts and tickets; the
        texts stay in the till's language."""
        summary = next((s for s in self.ended.showtimes if s.id == showtime_id), None)
        if summary is not None:
            i18n.use_venue_locale(summary.locale or None)

    # -- seats -------------------------------------------------------------------------------

    def _seat_clicked(self, seat_id: int) -> None:
        if self.basket is None or seat_id in self._pending:
            return
        self.notice.dismiss()
        if self.blocking.active:
            self.blocking.toggle_seat(seat_id)
            return
        if not self.online:
            self.refuse(self.tr("No connection to the database: seats cannot be picked until it is back."))
            return
        if seat_id in self.basket.lines:
            self.release_seats([seat_id])
            return
        state = self.map.visual_state(seat_id)
        if state in STATE_WORDS:
            self.refuse(self.tr(STATE_WORDS[state]).format(seat=self.lines.label(seat_id)), [seat_id])
            return
        self.hold_seat(seat_id)

    def hold_seat(self, seat_id: int) -> None:
        """Hold ``seat_id`` together with the basket's seats (renewing their expiry)."""
        basket = self.basket
        wanted = basket.seat_ids + [seat_id]
        token, showtime_id, places, late = basket.token, basket.showtime_id, basket.ga_places, basket.late_sale
        self._pending.add(seat_id)

        def work(session):  # the general-admission places are renewed with the seats
            return counter.renew_holds(
                session,
                showtime_id=showtime_id,
                token=token,
                channel=self.channel,
                seconds=self.hold_seconds,
                seat_ids=wanted,
                places=places,
                late_sale=late,
            )

        def done(expires_at) -> None:
            self._pending.discard(seat_id)
            if self.basket is not basket or basket.token != token:
                return
            basket.expires_at = expires_at
            basket.lines[seat_id] = self.lines.line(seat_id)
            self._refresh_panel()
            self.seatHeld.emit(seat_id)
            self.sync.request()

        def failed(exc) -> None:
            self._pending.discard(seat_id)
            if isinstance(exc, SeatUnavailableError) and basket is self.basket:
                lost = [s for s in exc.details.get("seat_ids", []) if s in basket.lines]
                for s in lost:
                    basket.lines.pop(s, None)
                taken = [self.lines.label(s) for s in exc.details.get("seat_ids", [])]
                self.refuse(
                    self.tr("Not available: {seats}. ").format(seats=", ".join(taken) or self.lines.label(seat_id))
                    + (
                        self.tr("%n seat(s) left the basket.", "", len(lost))
                        if lost
                        else self.tr("Choose another seat.")
                    ),
                    exc.details.get("seat_ids", []) or [seat_id],
                )
                self._refresh_panel()
                self.sync.request()
            elif not self.late.refused(exc):  # sales closed: the banner points at the manager's override
                self._report(exc)

        self.runner.run(work, done, failed, owner=self)

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
            owner=self,
        )

    def new_line(self, seat_id: int) -> BasketLine:
        """A new basket line for ``seat_id`` (full ticket type at its category's price)."""
        return self.lines.line(seat_id)

    def seat_info(self, seat_id: int):
        """``seat_id``'s facts (``catalog.SeatInfo``) on the open plan, or None."""
        return self.lines.seats.get(seat_id)

    def refresh_panel(self) -> None:
        """Redraw the basket panel (and the basket's seats on the map)."""
        self._refresh_panel()

    def set_ticket_type(self, seat_id: int, ticket_type_id: int) -> None:
        """Sell ``seat_id``'s line as ``ticket_type_id`` (one of the types priced for its
        category); the total follows. The sale's prices come from the database."""
        basket = self.basket
        if basket is None or seat_id not in basket.lines:
            return
        line = self.lines.retyped(basket.lines[seat_id], ticket_type_id)
        if line is None:
            self.message.emit(
                self.tr("That ticket type is not sold for {label}.").format(label=self.lines.label(seat_id))
            )
            return
        basket.lines[seat_id] = line
        self._refresh_panel()

    # -- paying (ui/counter/checkout.py) ----------------------------------------------------

    def pay_cash(self, tendered_minor: int | None = None) -> None:
        """Take cash for the basket: ask for the amount (unless given), then sell."""
        self.checkout.pay_cash(tendered_minor)

    def pay(self, method: str = "cash") -> None:
        """Open the payment dialog starting with ``method`` (see :meth:`Checkout.pay`)."""
        self.checkout.pay(method)

    def sell_with(self, tenders: list[Tender], override=None) -> None:
        """Sell the basket paid by ``tenders`` (see :meth:`Checkout.sell_with`)."""
        self.checkout.sell_with(tenders, override)

    def sold(self) -> None:
        """A sale is done: a fresh basket, no best-available offer or filter, the map ready
        for the next customer's "2"."""
        basket = self.basket
        if basket is not None:
            basket.renew()  # a late sale's override is used up by the sale (Basket.late_sale)
            self.map.set_own_token(basket.token)
        self.best.reset()
        self.keys.legend_category(None)
        self._refresh_panel()
        self.map.setFocus()
        self.sync.request()
        self.ga.refresh()

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
            self.show_connection(False)
            self.message.emit(self.tr("Connection to the database restored; the seat map is up to date."))

    def _feed_status(self, status) -> None:
        """React to the live feed: while it is down selling pauses (no picking, no paying,
        the countdown says so); when it is back, resynchronise and sell again."""
        if status.state == "live":
            if self._lost and self.sync.showtime_id is None and not self.sync.busy:
                self._lost = False  # no seat map to refresh
                self.show_connection(False)
            elif self._lost:
                self.show_connection(False, restoring=True)
            self.set_online(True)
            self.sync.request(full=True)  # notifications sent while we were away are lost
        elif status.state == "down":
            if not self._lost:
                self.message.emit(self.tr("Lost the connection to the database; reconnecting…"))
            self._lost = True
            self.set_online(False)
            self.show_connection(True, status.retry_in)

    def set_online(self, online: bool) -> None:
        """Whether the database can be reached: offline, Pay and seat picking are disabled
        and the basket's countdown shows it."""
        self.online = online
        self.panel.set_offline(not online)
        self._refresh_panel()

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
            self.refuse(self.tr("The hold on %n seat(s) expired; they were released.", "", count))
        self.map.expire_holds(now)
        self.panel.update_countdown(basket.seconds_left(now))

    def _refresh_panel(self) -> None:
        basket = self.basket
        currency = self.seat_map.currency if self.seat_map else "EUR"
        self.panel.show_basket(
            basket,
            currency=currency,
            seconds_left=basket.seconds_left(dt.datetime.now(dt.UTC)) if basket else 0,
            offers={sid: self.lines.offers(sid) for sid in basket.lines} if basket else None,
        )
        if basket is not None and not self.blocking.active:
            self.map.set_selected(basket.seat_ids)
        if self.best.offer and not self.best.has_offer:  # the offer left the basket: no more rings
            self.best.offer = ()
            self.marks.show_offer(())
        self.ga.redraw()
        self.promo.check()
        self.late.update()  # the open showtime closed for sale? (ui/counter/late_sale.py)

    def _report(self, exc: BaseException) -> None:
        self.message.emit(describe_error(exc))

    def describe(self, exc: BaseException) -> str:
        """``exc`` for the cashier, one line."""
        return describe_error(exc)

    # -- what the cashier must not miss ----------------------------------------------------

    def refuse(self, text: str, seat_ids: Iterable[int] = ()) -> None:
        """A refusal or a lost race: a banner on the map until the cashier's next action,
        the seats concerned flashing, and the status line."""
        self.notice.show(text, "refused")
        self.marks.flash([s for s in seat_ids if s in self.lines.seats])
        self.message.emit(text)
