"""Paying at the counter: the payment dialog for the sell screen's basket, then the sale and
its tickets in the background.

F9 (cash), F10 (card), F11 (complimentary) or F12 (a split) open the payment dialog
window-modal (``open()``, no nested event loop); asked while best seats are typed or on their
way ("2" then F9 at once), it opens as soon as they are held. Enter with nothing typed takes
exact cash (ui/payment.py). The sale refuses before taking money if this till cannot print.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog

from boxoffice.domain.roles import COMP
from boxoffice.services import counter
from boxoffice.services.tenders import Tender
from boxoffice.ui.common.i18n import format_money
from boxoffice.ui.common.tasks import describe_error

if TYPE_CHECKING:
    from boxoffice.ui.counter.host import CounterHost


class Checkout(QObject):
    """The sell screen's payments (see the module's docstring)."""

    def __init__(self, screen: CounterHost) -> None:
        super().__init__(screen.map)
        self.screen = screen
        self.dialog: QDialog | None = None  # the payment dialog while it is open

    def pay_cash(self, tendered_minor: int | None = None) -> None:
        """Take cash for the basket: ask for the amount (unless given), then sell."""
        basket = self.screen.basket
        if tendered_minor is None:
            self.pay("cash")
        else:
            self.sell_with([Tender("cash", basket.total_minor, tendered_minor=tendered_minor)] if basket else [])

    def pay(self, method: str = "cash") -> None:
        """Open the payment dialog starting with ``method`` (cash F9, card F10, comp F11;
        any split, F12) for the basket, then sell with the tenders taken. Asked while best
        seats are typed or on their way (``2`` then F9), it opens once they are held."""
        screen = self.screen
        screen.notice.dismiss()
        if screen.typing.pending_quantity:
            screen.typing.flush()  # "2" then F9 at once: hold now, pay when held
        if screen.best.busy:
            screen.best.pay_after = method
            return
        basket = screen.basket
        if basket is None or basket.empty or not basket.priced or self.dialog is not None:
            return
        if not screen.online:
            screen.refuse(self.tr("No connection to the database: paying waits until it is back."))
            return
        screen.receipt_choice = None
        from boxoffice.ui.counter.payment import PaymentDialog

        actor = screen.runner.actor
        dialog = PaymentDialog(
            basket.total_minor,
            screen.seat_map.currency,
            screen.map.window(),
            tickets=basket.type_summary,
            method=method,
            may_comp=actor is None or actor.can(COMP),
            grant_override=screen.grant_override,
            receipt_rule=screen.receipt_rule,
        )
        dialog.setObjectName("paymentDialog")
        self.dialog = dialog

        def finished(code: int) -> None:
            self.dialog = None
            dialog.deleteLater()
            if code and dialog.tenders:
                screen.receipt_choice = dialog.receipt.isChecked()
                self.sell_with(dialog.tenders, dialog.override)
            else:
                screen.map.setFocus()

        dialog.finished.connect(finished)
        dialog.open()  # window-modal, without a nested event loop

    def sell_with(self, tenders: list[Tender], override=None) -> None:
        """Sell the basket paid by ``tenders`` (adding up to its total; ``override``: a
        manager's token for a cashier's comp), off the GUI thread; then the screen's
        ``saleCompleted`` carries ``(SaleResult, [TicketView])``."""
        screen = self.screen
        basket = screen.basket
        if basket is None or basket.empty or not tenders:
            return
        ids, token, showtime_id, total = basket.seat_ids, basket.token, basket.showtime_id, basket.total_minor
        types, places, code, channel = basket.ticket_types, basket.ga_places, basket.promo_code, screen.channel

        def work(session):  # one transaction; refused before taking money if this till cannot print
            return counter.sell_and_issue(
                session,
                showtime_id=showtime_id,
                seat_ids=ids,
                token=token,
                channel=channel,
                tenders=tenders,
                override=override,
                expected_total_minor=total,
                ticket_types=types,
                ga=places,
                promo=code,
            )

        def done(outcome) -> None:
            result, views = outcome
            screen.sold()
            screen.message.emit(
                self.tr("Sold %n ticket(s), order {order}; change {change}.", "", len(views)).format(
                    order=result.order_number, change=format_money(result.change_minor, result.currency)
                )
            )
            screen.saleCompleted.emit((result, views))

        def failed(exc: BaseException) -> None:
            details = getattr(exc, "details", None) or {}
            screen.refuse(describe_error(exc), details.get("seat_ids") or [])
            screen.refresh_panel()
            screen.sync.request(full=True)

        screen.panel.pay_button.setEnabled(False)
        screen.runner.run(work, done, failed, owner=screen.map)
