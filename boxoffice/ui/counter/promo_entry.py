"""A promo code typed in the sell screen's basket (migration 0021): the database prices
the basket with it (``services.promo.quote_basket``) before the customer pays, and
again whenever the basket changes; the sale then applies the code for real
(``sales.sell_cash(..., promo=...)``), so a changed or used-up code is refused there too."""

from __future__ import annotations

from PySide6.QtCore import QObject

from boxoffice.domain.errors import PromoCodeError
from boxoffice.services import promo
from boxoffice.ui.common.tasks import describe_error


class PromoAtTill(QObject):
    """Keeps ``screen.basket``'s promo discount in step with its lines. ``screen`` is
    the :class:`~boxoffice.ui.counter.sell.SellScreen` (its runner, basket, panel and message)."""

    def __init__(self, screen) -> None:
        super().__init__(screen)
        self.screen = screen
        self._asked_for: tuple | None = None  # the promo key of the quote under way

    def apply(self, code: str) -> None:
        """Use ``code`` for the basket (an empty string removes it) and price it."""
        basket = self.screen.basket
        if basket is None:
            return
        code = code.strip().upper()
        basket.promo_code = code or None
        basket.promo_discount_minor, basket.promo_quoted_for = 0, None
        self._asked_for = None
        if not code:
            self.screen.panel.promo_edit.clear()
        self.screen._refresh_panel()

    def check(self) -> None:
        """Price the basket with its code if its lines changed since the last quote."""
        basket = self.screen.basket
        if basket is None or basket.promo_code is None or basket.promo_ready:
            return
        key = basket.promo_key
        if key == self._asked_for:
            return
        if basket.empty:
            self.apply("")
            return
        self._asked_for = key
        code, showtime_id = basket.promo_code, basket.showtime_id
        seats, types, places = basket.seat_ids, basket.ticket_types, basket.ga_places

        def work(session):
            return promo.quote_basket(
                session, code=code, showtime_id=showtime_id, seat_ids=seats, ticket_types=types, ga=places
            )

        def done(quoted: promo.PromoQuote) -> None:
            if self.screen.basket is not basket or basket.promo_code != code:
                return
            if basket.promo_key == key:
                basket.promo_discount_minor, basket.promo_quoted_for = quoted.total_minor, key
            self._asked_for = None
            self.screen._refresh_panel()

        def failed(exc: BaseException) -> None:
            self._asked_for = None
            if self.screen.basket is basket and basket.promo_code == code:
                if isinstance(exc, PromoCodeError):
                    basket.promo_code = None  # a refused code leaves the basket at full price
                self.screen.message.emit(describe_error(exc))
                self.screen._refresh_panel()

        self.screen.runner.run(work, done, failed, owner=self.screen)
