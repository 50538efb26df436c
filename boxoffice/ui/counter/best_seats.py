"""Best available at the till: a typed quantity holds the best seats together at once.

The sell screen's part that asks :func:`boxoffice.services.best_available.hold_best` for
the best N seats (optionally of one price category, chosen with Ctrl+1…9 as the legend
shows; Ctrl+0 any), puts them in the basket, rings them on the map and centres the map on
them. Enter again offers the next best (the previous offer's seats are released in the
same transaction). A payment asked for while the hold is on its way (``2`` then F9 at
once) opens as soon as the seats are in the basket.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRectF

from boxoffice.domain.errors import BoxOfficeError, SeatUnavailableError
from boxoffice.ui.counter.map_marks import reveal

if TYPE_CHECKING:
    from boxoffice.ui.counter.host import CounterHost

MAX_QUANTITY = 20  # the till's own limit; the service may have a lower one


class BestSeats(QObject):
    """Best-available requests of one sell screen (see the module's docstring)."""

    def __init__(self, screen: CounterHost) -> None:
        super().__init__(screen.map)
        self.screen = screen
        self.category_id: int | None = None  # the category filter (None: any)
        self.offer: tuple[int, ...] = ()  # seats of the last offer, while they are in the basket
        self.offered: list[frozenset[int]] = []  # offers so far for this quantity (Enter: skip them)
        self.quantity = 0
        self.busy = False
        self.pay_after: str | None = None  # a payment method asked for while holding

    def reset(self) -> None:
        """A new showtime or a sale done: no offer, no filter."""
        self.offer, self.offered, self.quantity, self.pay_after = (), [], 0, None
        self.category_id = None
        self.screen.marks.show_offer(())

    @property
    def has_offer(self) -> bool:
        """Whether Enter would offer the next best (the last offer is still in the basket)."""
        basket = self.screen.basket
        return bool(self.offer) and basket is not None and all(s in basket.lines for s in self.offer)

    def set_category(self, category_id: int | None) -> None:
        """Limit picks to ``category_id`` (``None``: any). With an offer in the basket, it is
        offered again in that category (same quantity)."""
        self.category_id = category_id
        seat_map = self.screen.seat_map
        name = seat_map.categories[category_id].name if seat_map and category_id in seat_map.categories else None
        self.screen.keys.legend_category(category_id)
        self.screen.message.emit(
            self.tr("Best available in {category}.").format(category=name)
            if name
            else self.tr("Best available in any category.")
        )
        if self.has_offer:
            self.request(self.quantity)

    def request(self, quantity: int, *, again: bool = False) -> None:
        """Hold the best ``quantity`` seats together (``again``: the next best after the
        offers so far), releasing the previous offer's seats if they are still in the basket."""
        screen, basket = self.screen, self.screen.basket
        if basket is None or screen.seat_map is None or screen.blocking.active:
            return
        if not screen.online:
            screen.refuse(self.tr("No connection to the database: seats cannot be held until it is back."))
            return
        if not 1 <= quantity <= MAX_QUANTITY:
            screen.refuse(self.tr("Best available takes 1 to {limit} seats.").format(limit=MAX_QUANTITY))
            return
        if self.busy:
            return
        release = tuple(self.offer) if self.has_offer else ()
        if not again or quantity != self.quantity:
            self.offered = []
        skip = tuple(self.offered)
        self.quantity = quantity
        self.busy = True
        token, showtime_id, category_id, late = basket.token, basket.showtime_id, self.category_id, basket.late_sale
        channel, seconds = screen.channel, screen.hold_seconds

        def work(session):
            from boxoffice.services import best_available

            return best_available.hold_best(
                session,
                showtime_id=showtime_id,
                token=token,
                quantity=quantity,
                channel=channel,
                seconds=seconds,
                category_id=category_id,
                skip=skip,
                release=release,
                late_sale=late,
            )

        def done(held) -> None:
            self.busy = False
            if screen.basket is not basket or basket.token != token:
                return
            for s in release:
                basket.lines.pop(s, None)
            seats = tuple(held.seat_ids)
            for s in seats:
                basket.lines[s] = screen.new_line(s)
            expires = getattr(held, "expires_at", None)
            if expires is not None:
                basket.expires_at = expires if basket.expires_at is None else min(basket.expires_at, expires)
            self.offer = seats
            self.offered.append(frozenset(seats))
            screen.refresh_panel()
            self.show(seats)
            screen.message.emit(self.describe(seats))
            for s in seats:
                screen.seatHeld.emit(s)
            screen.sync.request()
            method, self.pay_after = self.pay_after, None
            if method is not None:
                screen.pay(method)

        def failed(exc: BaseException) -> None:
            self.busy = False
            self.pay_after = None
            # the previous offer stays held: it is released only in the transaction that succeeds
            seats = list(exc.details.get("seat_ids") or []) if isinstance(exc, SeatUnavailableError) else []  # type: ignore[call-overload]
            if screen.late.refused(exc):  # sales closed: the banner points at the manager's override
                pass
            elif isinstance(exc, BoxOfficeError):
                screen.refuse(str(exc), seats)
            else:
                screen.refuse(screen.describe(exc), seats)
            screen.sync.request()

        screen.runner.run(work, done, failed, owner=screen.map)

    def next(self) -> None:
        """Enter again: the next best offer for the same quantity."""
        if self.has_offer:
            self.request(self.quantity, again=True)

    def show(self, seats) -> None:
        """Ring ``seats`` on the map and centre the map on them, zoomed in to read them."""
        screen = self.screen
        info = [i for s in seats if (i := screen.seat_info(s)) is not None]
        screen.marks.show_offer(seats)
        if not info:
            return
        r = max(s.radius for s in info)
        box = QRectF()
        for s in info:
            box = box.united(QRectF(s.x - r, s.y - r, 2 * r, 2 * r))
        reveal(screen.map, box, seat_radius=r)

    def describe(self, seats) -> str:
        """E.g. ``"2 best seats together: Stalls, row F, seats 11–12"``."""
        screen = self.screen
        info = [i for s in seats if (i := screen.seat_info(s)) is not None]
        if not info:
            return ""
        first, last = info[0], info[-1]
        section = screen.seat_map.sections.get(first.section_id, "")
        numbers = first.number if len(info) == 1 else f"{first.number}–{last.number}"
        return self.tr("%n best seat(s) together: {section}, row {row}, seat(s) {numbers}", "", len(info)).format(
            section=section, row=first.row, numbers=numbers
        )
