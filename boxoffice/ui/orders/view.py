"""Pieces of the Find order screen (``ui/order_lookup``): column and tender names, the
"Find order" entry on the sell screen's seat map, and offering tickets for printing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QMenu, QWidget

from boxoffice.services.orders import OrderDetail
from boxoffice.ui.common import i18n

RESULT_COLUMNS = (
    QT_TRANSLATE_NOOP("orders", "Order"),
    QT_TRANSLATE_NOOP("orders", "Customer"),
    QT_TRANSLATE_NOOP("orders", "Show"),
    QT_TRANSLATE_NOOP("orders", "Starts"),
    QT_TRANSLATE_NOOP("orders", "Tickets"),
    QT_TRANSLATE_NOOP("orders", "Total"),
)
TICKET_COLUMNS = (
    QT_TRANSLATE_NOOP("orders", "Seat"),
    QT_TRANSLATE_NOOP("orders", "Category"),
    QT_TRANSLATE_NOOP("orders", "Type"),
    QT_TRANSLATE_NOOP("orders", "Price"),
    QT_TRANSLATE_NOOP("orders", "Status"),
)
REASONS = (
    QT_TRANSLATE_NOOP("orders", "Customer request"),
    QT_TRANSLATE_NOOP("orders", "Showtime cancelled"),
    QT_TRANSLATE_NOOP("orders", "Sold in error"),
    QT_TRANSLATE_NOOP("orders", "Duplicate purchase"),
)
METHODS = {
    "cash": QT_TRANSLATE_NOOP("orders", "Cash"),
    "card": QT_TRANSLATE_NOOP("orders", "Card"),
    "online": QT_TRANSLATE_NOOP("orders", "Online (web payment)"),
    "exchange": QT_TRANSLATE_NOOP("orders", "Exchange credit"),
}


def method_label(method: str) -> str:
    """A tender as staff read it (``"Cash"``)."""
    return i18n.translated("orders", [METHODS.get(method, method)])[0]


def order_summary_html(order: OrderDetail) -> str:
    """The look-up screen's lines about ``order`` (rich text): number, show, seller, total
    and tenders, the exchange chain and every refund with its tender."""

    def money(minor: int) -> str:
        return i18n.format_money(minor, order.currency)

    seller = (
        QCoreApplication.translate("OrderLookupDialog", "sold by {sold_by} at {channel}").format(
            sold_by=order.sold_by, channel=order.channel
        )
        if order.sold_by != order.channel
        else QCoreApplication.translate("OrderLookupDialog", "sold at {channel}").format(channel=order.channel)
    )
    paid = ", ".join(f"{method_label(m)} {money(a)}" for m, a in order.payments)
    lines = [
        QCoreApplication.translate(
            "OrderLookupDialog", "<b>{number}</b> · {show} · {seller} on {when} · total {total} ({paid})"
        ).format(
            number=order.number,
            show=order.show_title,
            seller=seller,
            when=i18n.date_time(order.created_at, date="MMMd"),
            total=money(order.total_minor),
            paid=paid,
        )
    ]
    if order.exchanged_from:
        lines.append(
            QCoreApplication.translate("OrderLookupDialog", "Exchanged from {number}").format(
                number=order.exchanged_from
            )
        )
    if order.exchanged_to:
        lines.append(
            QCoreApplication.translate("OrderLookupDialog", "Exchanged into {numbers}").format(
                numbers=", ".join(order.exchanged_to)
            )
        )
    for back in order.refunds:
        lines.append(
            QCoreApplication.translate("OrderLookupDialog", "Refunded {money} by {method} on {when}: {why}").format(
                money=money(back.amount_minor),
                method=method_label(back.method),
                when=i18n.date_time(back.at, date="MMMd"),
                why=back.reason,
            )
        )
    return "<br>".join(lines)


def offer_print(parent: QWidget, number: str, views) -> None:
    """Offer ``views`` (reprinted or exchanged tickets of order ``number``) for printing:
    the sale-complete dialog, not modal."""
    from boxoffice.printing.tickets import LAYOUTS, render_tickets_pdf
    from boxoffice.ui.common.printing import print_pdf
    from boxoffice.ui.counter.payment import SaleCompleteDialog

    dialog = SaleCompleteDialog(
        order_number=number,
        change_text=i18n.format_money(0, views[0].currency) if views else "",
        ticket_count=len(views),
        make_pdf=lambda layout: render_tickets_pdf(views, layout=layout),
        print_pdf=print_pdf,
        layouts=dict(LAYOUTS),
        parent=parent,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()


class SeatLookup(QObject):
    """Offers "Find order" on a sold seat of ``screen``'s seat map (a SellScreen): the
    seat's context menu, or a double-click. ``open_order(showtime_id, seat_id)`` does the
    finding."""

    def __init__(self, screen, open_order: Callable[[int, int], None]) -> None:
        super().__init__(screen)
        self.screen = screen
        self.open_order = open_order
        view = screen.map
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._menu)
        view.viewport().installEventFilter(self)

    def _sold_seat(self, pos) -> int | None:
        seat = self.screen.map.seat_at(pos)
        if seat is None or self.screen.basket is None or self.screen.map.state_of(seat) != "sold":
            return None
        return seat

    def _menu(self, pos) -> None:
        seat = self._sold_seat(pos)
        if seat is None:
            return
        menu = QMenu(self.screen.map)
        action = menu.addAction(self.tr("Find order"))
        action.triggered.connect(lambda: self.find(seat))
        menu.popup(self.screen.map.viewport().mapToGlobal(pos))

    def find(self, seat_id: int) -> None:
        """Look up the order of sold seat ``seat_id`` at the showtime on screen."""
        if self.screen.basket is not None:
            self.open_order(self.screen.basket.showtime_id, seat_id)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.MouseButtonDblClick:
            seat = self._sold_seat(event.position().toPoint())
            if seat is not None:
                self.find(seat)
                return True
        return False
