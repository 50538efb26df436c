"""General admission at the counter (migration 0008): the sell screen's part that shows
each area's places left, asks how many, holds them with the basket's token and drops
them again. The sale itself is the basket's (``sales.sell_cash(..., ga=...)``)."""

from __future__ import annotations

from typing import Any, Protocol, cast

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtWidgets import QInputDialog, QWidget

from boxoffice.domain.basket import Basket, GaLine
from boxoffice.domain.errors import SeatUnavailableError
from boxoffice.services import counter, general_admission
from boxoffice.services.catalog import SeatMap
from boxoffice.ui.common.tasks import TaskRunner
from boxoffice.ui.seatmap.ga_areas import GaQuantityDialog
from boxoffice.ui.seatmap.map_view import SeatMapView


class GaHost(Protocol):
    """What :class:`GaSale` uses of the screen it serves (the sell screen; typed here, not
    imported, so that ``counter/sell.py`` -> ``counter/ga_sale.py`` is the only import)."""

    basket: Basket | None
    seat_map: SeatMap | None
    map: SeatMapView
    runner: TaskRunner
    message: SignalInstance
    blocking: Any  # .active: the block mode is on
    sync: Any  # .request(): fetch the seat states again
    channel: str
    hold_seconds: int

    def _refresh_panel(self) -> None: ...

    def _report(self, exc: BaseException) -> None: ...


class GaSale:
    """The general-admission areas of the sell screen's showtime."""

    def __init__(self, screen: GaHost) -> None:
        self.screen = screen
        self.areas: dict[int, general_admission.GaAreaState] = {}
        self._fetching = False
        self._again = False
        screen.map.gaAreaClicked.connect(self.choose)

    @property
    def _widget(self) -> QWidget:
        """The screen as the parent of dialogs and the owner of tasks (it is a QWidget)."""
        return cast(QWidget, self.screen)

    def loaded(self, states: list[general_admission.GaAreaState]) -> None:
        """A showtime was opened: draw its areas."""
        self.areas = {a.area_id: a for a in states}
        self._draw()

    def refresh(self) -> None:
        """Fetch the areas' counts again (after a notification or our own change);
        coalesced with a fetch in flight."""
        basket = self.screen.basket
        if basket is None or not self.areas:
            return
        if self._fetching:
            self._again = True
            return
        self._fetching = True
        showtime_id = basket.showtime_id

        def done(states) -> None:
            self._fetching = False
            if self.screen.basket is not None and self.screen.basket.showtime_id == showtime_id:
                self.areas = {a.area_id: a for a in states}
                self._draw()
            if self._again:
                self._again = False
                self.refresh()

        def failed(exc) -> None:
            self._fetching = False
            self.screen._report(exc)

        self.screen.runner.run(
            lambda s: general_admission.area_states(s, showtime_id=showtime_id), done, failed, owner=self._widget
        )

    def redraw(self) -> None:
        """Draw the areas' counts again (the basket's places changed)."""
        if self.areas:
            self._draw()

    def _draw(self) -> None:
        basket = self.screen.basket
        mine = basket.ga_places if basket else {}
        self.screen.map.set_ga_areas(self.areas.values(), mine)

    def choose_any(self) -> None:
        """Keyboard (Ctrl+G): the only area, or pick one from a list."""
        if not self.areas:
            self.screen.message.emit(
                QCoreApplication.translate("GaSale", "This showtime has no general-admission areas.")
            )
            return
        ids = list(self.areas)
        if len(ids) == 1:
            self.choose(ids[0])
            return
        names = [self.areas[i].name for i in ids]
        name, ok = QInputDialog.getItem(
            self._widget,
            QCoreApplication.translate("GaSale", "General admission"),
            QCoreApplication.translate("GaSale", "Area"),
            names,
            0,
            False,
        )
        if ok:
            self.choose(ids[names.index(name)])

    def choose(self, area_id: int) -> None:
        """Ask how many places of ``area_id`` and hold them (0: drop the area)."""
        basket, screen = self.screen.basket, self.screen
        area = self.areas.get(area_id)
        if basket is None or area is None or screen.blocking.active:
            return
        category = screen.seat_map.categories.get(area.category_id)
        price = category.price_minor if category else None
        current = basket.ga[area_id].quantity if area_id in basket.ga else 0
        dialog = GaQuantityDialog(
            name=area.name,
            price_minor=price,
            currency=screen.seat_map.currency,
            available=area.available,
            current=current,
            parent=self._widget,
        )
        if not dialog.exec():
            return
        quantity = dialog.quantity
        if quantity == current:
            return
        if quantity == 0:
            self.release([area_id])
            return
        self.hold(area_id, quantity, GaLine(area_id, area.name, category.name if category else "", quantity, price))

    def hold(self, area_id: int, quantity: int, line: GaLine) -> None:
        """Hold ``quantity`` places with the basket's token, renewing the basket's seats."""
        screen, basket = self.screen, self.screen.basket
        token, showtime_id = basket.token, basket.showtime_id
        places = {**basket.ga_places, area_id: quantity}
        seats, late = basket.seat_ids, basket.late_sale

        def work(session):
            return counter.renew_holds(
                session,
                showtime_id=showtime_id,
                token=token,
                channel=screen.channel,
                seconds=screen.hold_seconds,
                seat_ids=seats,
                places=places,
                late_sale=late,
            )

        def done(expires_at) -> None:
            if screen.basket is not basket or basket.token != token:
                return
            basket.expires_at = expires_at
            basket.ga[area_id] = line
            screen._refresh_panel()
            screen.message.emit(QCoreApplication.translate("GaSale", "{label} in the basket.").format(label=line.label))
            self.refresh()

        def failed(exc) -> None:
            if isinstance(exc, SeatUnavailableError):
                screen.message.emit(f"{line.name}: {exc}")
                self.refresh()
                screen.sync.request()
            elif not screen.late.refused(exc):
                screen._report(exc)

        screen.runner.run(work, done, failed)

    def release(self, area_ids: list[int] | None) -> None:
        """Drop ``area_ids`` (``None``: all) from the basket and release their places."""
        basket = self.screen.basket
        if basket is None or not basket.ga:
            return
        ids = list(basket.ga) if area_ids is None else [a for a in area_ids if a in basket.ga]
        if not ids:
            return
        for a in ids:
            basket.ga.pop(a, None)
        self.screen._refresh_panel()
        token, showtime_id = basket.token, basket.showtime_id

        def work(session):
            for a in ids:
                general_admission.release_places(session, showtime_id=showtime_id, token=token, area_id=a)

        self.screen.runner.run(work, lambda _r: self.refresh(), self.screen._report)
