"""What the counter's helpers (best available, the map's keys) need of the sell screen,
as a Protocol, so they do not import the screen back (no import cycle)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol


class CounterHost(Protocol):
    """The sell screen as its helpers see it (see :class:`boxoffice.ui.counter.sell.SellScreen`)."""

    runner: Any  # ui.tasks.TaskRunner
    channel: str
    hold_seconds: int
    basket: Any  # domain.basket.Basket | None
    seat_map: Any  # services.catalog.SeatMap | None
    online: bool
    map: Any  # the SeatMapView
    legend: Any
    notice: Any  # counter.map_notice.MapNotice
    marks: Any  # counter.map_marks.MapMarks
    cursor: Any
    best: Any
    typing: Any
    keys: Any
    blocking: Any
    sync: Any
    panel: Any  # BasketPanel
    ga: Any
    grant_override: Any
    grant_late_sale: Any
    late: Any  # counter.late_sale.LateSale
    receipt_rule: Any
    receipt_choice: bool | None
    message: Any  # Signal(str)
    saleCompleted: Any  # Signal(object)  # noqa: N815 - the screen's Qt signal
    seatHeld: Any  # Signal(int)  # noqa: N815 - the screen's Qt signal

    def seat_info(self, seat_id: int) -> Any:
        """The seat's facts (``SeatInfo``), or None."""

    def new_line(self, seat_id: int) -> Any:
        """A new basket line for ``seat_id``."""

    def refresh_panel(self) -> None:
        """Redraw the basket."""

    def refuse(self, text: str, seat_ids: Iterable[int] = ()) -> None:
        """A refusal the cashier cannot miss."""

    def describe(self, exc: BaseException) -> str:
        """An error in one line."""

    def pay(self, method: str = "cash") -> None:
        """Open the payment dialog."""

    def sold(self) -> None:
        """A sale is done: a fresh basket."""
