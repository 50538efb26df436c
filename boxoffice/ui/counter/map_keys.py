"""The keyboard on the sell screen's seat map, wired to the sell screen.

Sets up, on the screen: ``cursor`` (:class:`~boxoffice.ui.counter.seat_cursor.SeatCursor`:
arrows, Page Up/Down, Space), ``marks`` (its rings on the map), ``best``
(:class:`~boxoffice.ui.counter.best_seats.BestSeats`) and ``typing``
(:class:`~boxoffice.ui.counter.keypad.TypeAhead`: a quantity for best available, or a
seat reference), plus Ctrl+1…9 for the price categories the legend shows (Ctrl+0: any).
The typing filter is installed after the cursor's, so it sees keys first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence, QShortcut

from boxoffice.domain.errors import InvalidInputError
from boxoffice.ui.counter.best_seats import BestSeats
from boxoffice.ui.counter.keypad import TypeAhead
from boxoffice.ui.counter.seat_cursor import SeatCursor

if TYPE_CHECKING:
    from boxoffice.ui.counter.host import CounterHost


class MapKeys(QObject):
    """The seat map's keys of one sell screen (see the module's docstring)."""

    def __init__(self, screen: CounterHost) -> None:
        super().__init__(screen.map)
        self.screen = screen
        screen.cursor = SeatCursor(screen.map)
        screen.marks = screen.cursor.marks
        screen.best = BestSeats(screen)
        screen.typing = TypeAhead(screen.map, wants_enter=lambda: screen.best.has_offer)
        screen.typing.quantityTyped.connect(self._quantity_typed)
        screen.typing.referenceTyped.connect(self._reference_typed)
        screen.typing.nextRequested.connect(self._next_best)
        screen.typing.typedChanged.connect(self._show_typed)
        for n in range(10):  # best available by price category, as the legend shows (Ctrl+0: any)
            QShortcut(QKeySequence(f"Ctrl+{n}"), screen.map, lambda n=n: self.category_key(n))

    def _quantity_typed(self, quantity: int) -> None:
        self.screen.notice.dismiss()
        self.screen.best.request(quantity)

    def _next_best(self) -> None:
        self.screen.notice.dismiss()
        self.screen.best.next()

    def _reference_typed(self, typed: str) -> None:
        screen = self.screen
        screen.notice.dismiss()
        try:
            found = screen.cursor.jump(typed)
        except InvalidInputError:
            screen.refuse(
                self.tr("“{typed}” is not a seat: type the row and the seat, e.g. K14 or 112 K 14.").format(typed=typed)
            )
            return
        if found is None:
            screen.refuse(self.tr("No seat {typed} on this plan.").format(typed=typed))
        else:
            screen.message.emit(
                self.tr("{seat}: Space puts it in the basket.").format(seat=screen.map.describe_seat(found))
            )

    def _show_typed(self, typed: str) -> None:
        notice = self.screen.notice
        if typed:
            notice.dismiss()  # typing is the cashier's next action
        if typed.isdigit():
            notice.show_typed(self.tr("Best %n seat(s) together… (Enter: now)", "", int(typed)))
        elif typed:
            notice.show_typed(self.tr("Go to seat: {typed}… (Enter)").format(typed=typed))
        else:
            notice.show_typed("")

    def category_key(self, n: int) -> None:
        """Ctrl+n: best available in the n-th category of the legend (Ctrl+0: any)."""
        keys = self.category_keys()
        if n == 0:
            self.screen.best.set_category(None)
        elif n in keys:
            self.screen.best.set_category(keys[n])

    def category_keys(self) -> dict[int, int]:
        """Ctrl+n -> category id, in the legend's order (dearest first; unpriced left out)."""
        seat_map = self.screen.seat_map
        if seat_map is None:
            return {}
        priced = [c for c in seat_map.categories.values() if c.price_minor is not None]
        priced.sort(key=lambda c: (-(c.price_minor or 0), c.name))
        return {i: c.id for i, c in enumerate(priced[:9], start=1)}

    def legend_category(self, category_id: int | None) -> None:
        """Show the category keys in the legend, ``category_id`` marked as the filter."""
        keys = self.category_keys()
        self.screen.legend.show_keys({cid: f"Ctrl+{n}" for n, cid in keys.items()}, category_id)
