"""Exchange tickets (from Find order, F4): choose the showtime of the same show, click as
many free seats on its seat map as tickets are moved, and settle the difference: the
customer pays a dearer total in cash or by card, or gets the rest of a cheaper one back
in the tender chosen. One transaction in the database (``bo_exchange``, migration 0016):
the old codes read VOID "exchanged" at the door and the new tickets are offered for
printing. Work runs on the window's task runner.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from boxoffice.domain.errors import InvalidInputError
from boxoffice.services import catalog, exchange, inventory, orders, tickets
from boxoffice.services.exchange import ExchangeQuote, Tender
from boxoffice.services.orders import OrderDetail
from boxoffice.ui.common import i18n
from boxoffice.ui.common.i18n import amount_text, format_money, parse_money
from boxoffice.ui.common.tasks import TaskRunner, describe_error
from boxoffice.ui.orders.view import REASONS, method_label
from boxoffice.ui.seatmap.map_view import SeatMapView

DEFAULT_REASON = QT_TRANSLATE_NOOP("orders", "Customer request")


class ExchangeDialog(QDialog):
    """Move tickets ``ticket_ids`` of ``order`` to other seats or another showtime.

    Signals:
        exchanged(object, object): the :class:`~boxoffice.services.exchange.ExchangeResult`
            and the new tickets (:class:`~boxoffice.services.tickets.TicketView` list).
    """

    exchanged = Signal(object, object)

    def __init__(
        self,
        runner: TaskRunner,
        order: OrderDetail,
        ticket_ids: list[int],
        *,
        channel: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.order = order
        self.ticket_ids = sorted(ticket_ids)
        self.channel = channel
        self.showtime_id: int | None = None
        self.seats: list[int] = []
        self.quote: ExchangeQuote | None = None
        moving = [t for t in order.tickets if t.ticket_id in self.ticket_ids]
        self.setWindowTitle(self.tr("Exchange tickets of {number} · boxoffice").format(number=order.number))
        self.resize(900, 680)
        head = QLabel(
            self.tr("Moving %n ticket(s): {places} (credit {credit})", "", len(moving)).format(
                places="; ".join(t.place for t in moving),
                credit=format_money(sum(t.price_minor for t in moving), order.currency),
            )
        )
        head.setWordWrap(True)
        self.showtime = QComboBox()
        self.showtime.setObjectName("exchangeShowtime")
        self.showtime.activated.connect(lambda i: self.open_showtime(self.showtime.itemData(i)))
        self.map = SeatMapView()
        self.map.setMinimumHeight(300)
        self.map.seatClicked.connect(self.toggle_seat)
        self.difference = QLabel("")
        self.difference.setObjectName("exchangeDifference")
        self.difference.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.pay_method = QComboBox()
        self.pay_method.setObjectName("payMethod")
        for key in exchange.COLLECT_METHODS:
            self.pay_method.addItem(method_label(key), key)
        self.pay_method.currentIndexChanged.connect(lambda _i: self._update())
        self.tendered = QLineEdit()
        self.tendered.setObjectName("tendered")
        self.tendered.setPlaceholderText(self.tr("Cash handed over (blank: exact)"))
        self.reference = QLineEdit()
        self.reference.setObjectName("cardReference")
        self.reference.setPlaceholderText(self.tr("Card terminal authorisation code"))
        self.refund_method = QComboBox()
        self.refund_method.setObjectName("exchangeRefundMethod")
        for key in orders.REFUND_METHODS:
            self.refund_method.addItem(method_label(key), key)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems(i18n.translated("orders", REASONS))
        self.reference.textChanged.connect(lambda _t: self._update())
        self.tendered.textChanged.connect(lambda _t: self._update())
        self.form = QFormLayout()
        self.form.addRow(self.tr("Customer pays by"), self.pay_method)
        self.form.addRow(self.tr("Cash handed over"), self.tendered)
        self.form.addRow(self.tr("Card authorisation"), self.reference)
        self.form.addRow(self.tr("Money back by"), self.refund_method)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.status = QLabel(self.tr("Click %n free seat(s) on the map.", "", len(self.ticket_ids)))
        self.status.setObjectName("exchangeStatus")
        self.status.setWordWrap(True)
        self.confirm = QPushButton(self.tr("Exchange"))
        self.confirm.setObjectName("confirmExchange")
        self.confirm.clicked.connect(self.do_exchange)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.confirm)
        buttons.addWidget(cancel)
        pick = QFormLayout()
        pick.addRow(self.tr("Showtime"), self.showtime)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addLayout(pick)
        layout.addWidget(self.map, 1)
        layout.addWidget(self.difference)
        layout.addLayout(self.form)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._update()

    def load(self) -> None:
        """Fetch the showtimes the tickets may move to, and open the tickets' own."""
        order_id = self.order.order_id
        self.runner.run(lambda s: exchange.exchange_showtimes(s, order_id=order_id), self._showtimes, self._failed)

    def _showtimes(self, showtimes: list[exchange.ExchangeShowtime]) -> None:
        self.showtime.clear()
        for st in showtimes:
            self.showtime.addItem(f"{i18n.date_time(st.starts_at)} · {st.venue}", st.showtime_id)
        own = next((t.showtime_id for t in self.order.tickets if t.ticket_id in self.ticket_ids), None)
        index = max(self.showtime.findData(own), 0)
        if showtimes:
            self.showtime.setCurrentIndex(index)
            self.open_showtime(self.showtime.itemData(index))
        else:
            self.status.setText(self.tr("No showtime of this show is on sale."))

    def open_showtime(self, showtime_id: int | None) -> None:
        """Show ``showtime_id``'s seat map with its seats as they are now."""
        if showtime_id is None:
            return
        self.showtime_id, self.seats, self.quote = showtime_id, [], None

        def load(session):
            return catalog.load_seat_map(session, showtime_id=showtime_id), inventory.seat_states(
                session, showtime_id=showtime_id
            )

        def loaded(result) -> None:
            if showtime_id != self.showtime_id:
                return
            seat_map, snapshot = result
            self.map.set_map(seat_map)
            self.map.set_states(snapshot.states, replace=True)
            self.map.set_selected([])
            self._update()

        self.runner.run(load, loaded, self._failed)

    def toggle_seat(self, seat_id: int) -> None:
        """Choose or drop free seat ``seat_id`` (as a click on the map does)."""
        if seat_id in self.seats:
            self.seats.remove(seat_id)
        elif self.map.state_of(seat_id) != "available":
            self.status.setText(self.tr("That seat is not free."))
            return
        elif len(self.seats) >= len(self.ticket_ids):
            self.status.setText(self.tr("Already %n seat(s) chosen; click one to drop it.", "", len(self.seats)))
            return
        else:
            self.seats.append(seat_id)
        self.map.set_selected(self.seats)
        self.quote = None
        self._update()
        if len(self.seats) == len(self.ticket_ids):
            self._price()

    def _price(self) -> None:
        order_id, ticket_ids, showtime_id, seats = (
            self.order.order_id,
            self.ticket_ids,
            self.showtime_id,
            list(self.seats),
        )
        assert showtime_id is not None

        def priced(quote: ExchangeQuote) -> None:
            if seats == self.seats:
                self.quote = quote
                self._update()

        self.runner.run(
            lambda s: exchange.quote_exchange(
                s, order_id=order_id, ticket_ids=ticket_ids, showtime_id=showtime_id, seat_ids=seats
            ),
            priced,
            self._failed,
        )

    def _update(self) -> None:
        quote, cur = self.quote, self.order.currency
        diff = quote.difference_minor if quote else 0
        collect, cash = diff > 0, self.pay_method.currentData() == "cash"
        for widget, visible in (
            (self.pay_method, collect),
            (self.tendered, collect and cash),
            (self.reference, collect and not cash),
            (self.refund_method, diff < 0),
        ):
            widget.setVisible(visible)
            self.form.labelForField(widget).setVisible(visible)
        if quote is None:
            self.difference.setText("")
        elif diff > 0:
            self.difference.setText(self.tr("Customer pays {amount}").format(amount=format_money(diff, cur)))
            if cash and not self.tendered.text():
                self.tendered.setPlaceholderText(amount_text(diff, cur))
        elif diff < 0:
            self.difference.setText(self.tr("Customer gets back {amount}").format(amount=format_money(-diff, cur)))
        else:
            self.difference.setText(self.tr("Same price: nothing to pay"))
        if quote is not None:
            self.status.setText(
                self.tr("New seats {new} − credit {credit}. Check with the customer, then exchange.").format(
                    new=format_money(quote.new_total_minor, cur), credit=format_money(quote.credit_minor, cur)
                )
            )
        self.confirm.setEnabled(quote is not None)

    def tenders(self) -> list[Tender]:
        """The tenders paying the difference, as entered.

        Raises:
            InvalidInputError: cash below the difference, an unreadable amount, or a card
                payment without its authorisation code.
        """
        diff = self.quote.difference_minor if self.quote else 0
        if diff <= 0:
            return []
        if self.pay_method.currentData() == "cash":
            typed = self.tendered.text().strip()
            tendered = parse_money(typed, self.order.currency) if typed else diff
            if tendered < diff:
                raise InvalidInputError(
                    self.tr("Short by {amount}.").format(amount=format_money(diff - tendered, self.order.currency))
                )
            return [Tender("cash", diff, tendered_minor=tendered)]
        reference = self.reference.text().strip()
        if not reference:
            raise InvalidInputError(self.tr("Type the card terminal's authorisation code."))
        return [Tender("card", diff, reference=reference)]

    def do_exchange(self) -> None:
        """Exchange the tickets for the chosen seats (worker thread)."""
        if self.quote is None:
            return
        try:
            tenders = self.tenders()
        except InvalidInputError as exc:
            self.status.setText(str(exc))
            return
        quote = self.quote
        args = dict(
            order_id=self.order.order_id,
            ticket_ids=self.ticket_ids,
            showtime_id=self.showtime_id,
            seat_ids=list(self.seats),
            channel=self.channel,
            reason=self.reason.currentText().strip() or i18n.translated("orders", [DEFAULT_REASON])[0],
            tenders=tenders,
            refund_method=self.refund_method.currentData() if quote.difference_minor < 0 else None,
            ticket_types=quote.types,
            expected_difference_minor=quote.difference_minor,
        )

        def work(session):
            done = exchange.exchange(session, **args)
            return done, tickets.order_tickets(session, order_id=done.order_id)

        self.confirm.setEnabled(False)
        self.status.setText(self.tr("Exchanging…"))
        self.runner.run(work, self._done, self._failed_exchange)

    def _done(self, outcome) -> None:
        result, views = outcome
        self.exchanged.emit(result, views)
        self.accept()

    def _failed_exchange(self, exc: BaseException) -> None:
        self._failed(exc)
        if self.showtime_id is not None:  # the seats as they are now (one may have been taken)
            self.open_showtime(self.showtime_id)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(describe_error(exc))
        self.confirm.setEnabled(self.quote is not None)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.confirm.isEnabled():
            self.do_exchange()
            return
        super().keyPressEvent(event)
