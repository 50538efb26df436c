"""The interactive seat map: a zoomable, pannable plan of a showtime's seats and their live
states. It gets plain data (a :class:`~boxoffice.services.catalog.SeatMap` and seat-state
objects) and never touches the database.

Seats are batched into row-chunk items (see :mod:`boxoffice.ui.seatmap.items`) and found
under the mouse through an index of the chunks. Large plans are drawn by level of detail
(:mod:`boxoffice.ui.seatmap.layers`): section shapes with free counts when zoomed out, then
seats as dots, then seats one by one; seats in this basket are marked at every zoom. A
minimap shows where the view is once zoomed in. See docs/seating-plans.md ("The seat map").
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QCursor, QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView, QToolTip, QWidget

from boxoffice.ui.common.i18n import format_money, time_of
from boxoffice.ui.seatmap.ga_areas import GaAreaItem, GaAreaLayer
from boxoffice.ui.seatmap.items import AreaItem, HoverRing, SeatChunk
from boxoffice.ui.seatmap.layers import SMALL_PLAN, BasketMarkers, FoundRing, SectionLayer, SectionNames, level_for
from boxoffice.ui.seatmap.looks import (
    CHUNK_SEATS,
    VISUALS,
    LegendEntry,
    held_visual,
    hold_words,
    legend_entries,
    status_words,
)
from boxoffice.ui.seatmap.minimap import MiniMap
from boxoffice.ui.seatmap.search import SeatIndex, SeatSearchDialog
from boxoffice.ui.seatmap.store import SeatStore, paused_gc

if TYPE_CHECKING:
    from boxoffice.services.catalog import SeatMap

BACKGROUND = QColor("#eef0f3")
MIN_ZOOM, MAX_ZOOM = 0.5, 8.0  # relative to "fit all"
FOUND_PX = 30.0  # a found seat is shown at this diameter on screen


class SeatLayer(QGraphicsItem):
    """The row chunks' switch: :meth:`setVisible` shows or hides every seat at once.

    The chunks are built as its children, but the scene culls children one by one through
    their Python ``boundingRect`` (1,600 calls, ~4 ms of every frame on the stadium) where
    it finds top-level items in its index: so the first time seats are shown, the chunks
    become top-level items and are shown and hidden one by one (~2 ms at a level switch)."""

    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)
        self._chunks: list[QGraphicsItem] | None = None  # once top-level
        self._shown = True

    def isVisible(self) -> bool:  # noqa: N802 - Qt API
        """Whether the seats are shown."""
        return self._shown

    def setVisible(self, visible: bool) -> None:  # noqa: N802 - Qt API
        """Show or hide every seat."""
        self._shown = visible
        if self._chunks is None and visible:
            self._chunks = self.childItems()
            for chunk in self._chunks:
                chunk.setParentItem(None)  # stays in the scene, shown (it was shown as a child)
            super().setVisible(True)
            return
        if self._chunks is None:
            super().setVisible(visible)
            return
        for chunk in self._chunks:
            chunk.setVisible(visible)

    def adopt(self, chunk: QGraphicsItem) -> None:
        """Take row chunk ``chunk`` (one made later, as it comes into view): its child while
        the chunks are children, else a top-level item shown or hidden with the others."""
        if self._chunks is None:
            chunk.setParentItem(self)
            return
        scene = self.scene()
        if scene is not None:
            scene.addItem(chunk)
        chunk.setVisible(self._shown)
        self._chunks.append(chunk)

    def show(self) -> None:
        """Show every seat (as :meth:`setVisible`)."""
        self.setVisible(True)

    def hide(self) -> None:
        """Hide every seat (as :meth:`setVisible`)."""
        self.setVisible(False)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        """Nothing of its own."""
        return QRectF()

    def paint(self, painter, option, widget=None) -> None:
        """Nothing of its own."""


class SeatMapView(GaAreaLayer, QGraphicsView):
    """Seat map of one showtime.

    Feed it with :meth:`set_map`, then :meth:`set_states` (bulk, incremental or whole),
    :meth:`set_own_token`, :meth:`set_own_channel` and :meth:`set_selected`. Wheel or +/- zoom about the cursor,
    dragging empty space pans, 0 fits the plan.

    Signals:
        seatClicked(int): a seat was clicked (whatever its state), with its id.
        seatHovered(int): the seat under the mouse changed (-1: none).
        gaAreaClicked(int): a general-admission area was clicked (or Enter pressed over
            it), with its id (:meth:`set_ga_areas`).
    """

    seatClicked = Signal(int)
    seatHovered = Signal(int)
    gaAreaClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setBackgroundBrush(BACKGROUND)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(200, 150)
        self._map: SeatMap | None = None
        self._store: SeatStore | None = None
        self._clear_data()
        self._own: str | None = None
        self._own_channel: str | None = None
        self._zone: dt.tzinfo | None = None
        self.minimap = MiniMap(self)
        self._search: SeatSearchDialog | None = None
        self._prepare_timer = QTimer(self)  # makes the dots pictures in idle time after opening
        self._prepare_timer.setInterval(0)
        self._prepare_timer.timeout.connect(self._prepare_step)

    def _clear_data(self) -> None:
        self._index: dict[int, int] = {}
        self._level = ""
        self._mine: set[int] = set()  # seat indices drawn as "mine"
        self._press_section = None
        self._found_seat: int | None = None
        self._seat_index: SeatIndex | None = None
        self._state: list[str] = []
        self._token: list[str | None] = []
        self._channel: list[str | None] = []
        self._expires: list[dt.datetime | None] = []
        self._held: dict[int, dt.datetime | None] = {}  # seat index -> expiry, for held seats
        self._selected: set[int] = set()
        self._hover, self._press = -1, None
        self._ga: dict[int, GaAreaItem] = {}  # general-admission areas by id
        self._press_ga: int | None = None
        self._content = QRectF()
        self._fit_scale, self._user_zoomed = 1.0, False

    # -- data in ------------------------------------------------------------------------------

    def set_map(self, seat_map: SeatMap) -> None:
        """Build the scene for ``seat_map``: areas, section labels and seats, all
        available until :meth:`set_states`; the selection is cleared and the plan fitted."""
        with paused_gc():  # a bulk build: the cyclic collector would rescan every new object
            self._build(seat_map)
        self.fit_all()
        self._prepare_timer.start()

    def _build(self, seat_map: SeatMap) -> None:
        scene = self.scene()
        scene.clear()
        if self._store is not None:
            self._store.release()
        self._clear_data()
        self._map = seat_map
        try:
            self._zone = ZoneInfo(seat_map.showtime.timezone)
        except Exception:  # noqa: BLE001 - an unknown zone only affects how times read
            self._zone = None
        store = self._store = SeatStore(seat_map.seats, seat_map.categories, seat_map.sections, CHUNK_SEATS)
        n = len(store.ids)
        for section in store.sections:
            section.free = section.total
        self._index = store.geometry.position  # seat id -> index (the plan's, shared: read only)
        self._state = ["available"] * n
        self._token, self._channel, self._expires = [None] * n, [None] * n, [None] * n
        seat_layer = self._seat_layer = SeatLayer()
        scene.addItem(seat_layer)
        if n <= SMALL_PLAN:  # shown seat by seat at fit: make every row chunk now
            store.build_chunks(SeatChunk)
            for chunk in store.chunks:
                seat_layer.adopt(chunk)
        else:  # a large plan shows sections at fit: row chunks are made as they come into view
            store.use_chunks(SeatChunk)
        content = QRectF()
        for section in store.sections:
            content = content.united(section.bounds)
        areas = [AreaItem(area) for area in seat_map.areas or []]
        for item in areas:
            scene.addItem(item)
            content = content.united(item.sceneBoundingRect())
        if content.isEmpty():
            content = QRectF(0, 0, max(1.0, seat_map.width), max(1.0, seat_map.height))
        self._content = content
        self._sections = SectionLayer(store, content)
        self._names = SectionNames(
            store, content, [a.sceneBoundingRect() for a in areas if a.text or not a.path.isEmpty()]
        )
        self._markers = BasketMarkers(store)
        self._ring, self._found = HoverRing(), FoundRing()
        for item in (self._sections, self._names, self._markers, self._ring, self._found):
            scene.addItem(item)
        grow = max(content.width(), content.height())
        scene.setSceneRect(content.adjusted(-grow, -grow, grow, grow))
        self.minimap.set_store(store, areas, content)

    def set_states(self, states: Iterable, *, replace: bool = False) -> None:
        """Apply live seat states in bulk: objects with ``seat_id, state, hold_token,
        hold_channel, hold_expires_at``. Unknown seats are ignored; only the chunks whose
        seats changed look are repainted. With ``replace``, ``states`` is the whole
        showtime: seats it does not mention become available (stale states are dropped)."""
        changed = []
        state_of, token_of, channel_of, expires_of, held = (
            self._state,
            self._token,
            self._channel,
            self._expires,
            self._held,
        )
        if replace:
            states = list(states)
            given = {s.seat_id for s in states}
            for sid, i in self._index.items():
                if sid not in given and state_of[i] != "available":
                    state_of[i] = "available"
                    token_of[i] = channel_of[i] = expires_of[i] = None
                    held.pop(i, None)
                    changed.append(i)
        index = self._index.get
        for s in states:
            i = index(s.seat_id)
            if i is None:
                continue
            state, token = s.state, s.hold_token
            if state == "available" and token is None and state_of[i] == "available" and token_of[i] is None:
                continue  # nothing to change (most seats of a fresh load)
            state_of[i] = state
            token_of[i] = str(token) if token is not None else None
            channel_of[i] = s.hold_channel
            expires_of[i] = s.hold_expires_at
            if state == "held":
                held[i] = s.hold_expires_at
            else:
                held.pop(i, None)
            changed.append(i)
        self._refresh(changed)

    def load_taken(self, taken) -> None:
        """Apply a whole showtime's states right after :meth:`set_map`: ``taken`` has
        ``sold`` and ``blocked`` (seat ids) and ``held`` (states as for :meth:`set_states`),
        as :func:`boxoffice.services.inventory.taken_seats` returns; every other seat is
        available. Made for 50,000 sold seats: no per-seat repaint bookkeeping."""
        store = self._store
        if store is None:
            return
        if self._held or self._selected or any(v != "available" for v in store.visual):
            self.set_states(taken.states, replace=True)  # not a fresh map: the general way
            return
        index, state_of, visual = self._index.get, self._state, store.visual
        taken_now: list[int] = []
        for name, ids in (("sold", taken.sold), ("blocked", taken.blocked)):
            indices = [i for i in map(index, ids) if i is not None]
            for i in indices:
                state_of[i] = visual[i] = name
            taken_now.extend(indices)
        sections = store.sections
        for k, count in Counter(map(store.section_of.__getitem__, taken_now)).items():
            sections[k].free -= count
        store.invalidate_chunks_of(taken_now)
        if taken_now:
            self._sections.changed(set(range(len(sections))))
            self._names.update()
            self.minimap.changed()
        self.set_states(taken.held)

    def set_own_token(self, token) -> None:
        """Seats held with ``token`` (this till's basket) show as "in this basket"."""
        self._own = str(token) if token is not None else None
        self._refresh(list(self._held))

    def set_own_channel(self, channel: str | None) -> None:
        """This till's hold channel (e.g. ``"till:box-1"``): its holds outside this basket
        show as "held at this till"."""
        self._own_channel = channel
        self._refresh(list(self._held))

    def set_selected(self, seat_ids: Iterable[int]) -> None:
        """Seats in this till's basket: shown as "in this basket" unless sold or held by
        another token."""
        new = {self._index[s] for s in seat_ids if s in self._index}
        changed = new ^ self._selected
        self._selected = new
        self._refresh(changed)

    def expire_holds(self, now: dt.datetime | None = None) -> list[int]:
        """Show holds that expired by ``now`` (aware; default: now) as available, as the
        database already does. Returns the ids of the seats freed."""
        now = now or dt.datetime.now(dt.UTC)
        freed = [i for i, expires in self._held.items() if expires is not None and expires <= now]
        for i in freed:
            del self._held[i]
            self._state[i] = "available"
            self._token[i] = self._channel[i] = self._expires[i] = None
        self._refresh(freed)
        return [self._store.ids[i] for i in freed]

    def _visual(self, i: int) -> str:
        state = self._state[i]
        if state == "held":
            return held_visual(
                token=self._token[i], channel=self._channel[i], own_token=self._own, own_channel=self._own_channel
            )
        if state == "available" and i in self._selected:
            return "mine"
        return state if state in VISUALS else "available"

    def _refresh(self, indices: Iterable[int]) -> None:
        if self._store is None:
            return
        store = self._store
        visual, sections, section_of = store.visual, store.sections, store.section_of
        dirty, touched, mine = set(), set(), self._mine
        before = len(mine)
        state_of, selected = self._state, self._selected
        for i in indices:
            state = state_of[i]
            if state == "available":
                v = "mine" if i in selected else "available"
            elif state == "held":
                v = self._visual(i)
            else:
                v = state if state in VISUALS else "available"
            old = visual[i]
            if old != v:
                visual[i] = v
                dirty.add(i)
                k = section_of[i]
                touched.add(k)
                sections[k].free += (v == "available") - (old == "available")
                if v == "mine":
                    mine.add(i)
                elif old == "mine":
                    mine.discard(i)
        store.invalidate_chunks_of(dirty)
        if touched:
            self._sections.changed(touched)
            self._names.update()
            self.minimap.changed()
        if len(mine) != before or (mine and dirty):
            self._markers.place(sorted(mine), self.transform().m11())

    # -- questions ----------------------------------------------------------------------------

    def state_of(self, seat_id: int) -> str:
        """Live state of ``seat_id``: available, held (by anyone, this basket included),
        sold or blocked. Raises KeyError for an unknown seat."""
        return self._state[self._index[seat_id]]

    def visual_state(self, seat_id: int) -> str:
        """How ``seat_id`` is drawn: available, mine (in this basket), ours (held at this
        till, another basket), held (at another till), web (held online), sold or blocked."""
        return self._store.visual[self._index[seat_id]]

    def describe_seat(self, seat_id: int) -> str:
        """Tooltip text, e.g. ``"Stalls · Row F · Seat 12 · Premium · €42.00 · Available"``
        or ``"... · Held online until 10:32"``."""
        i = self._index[seat_id]
        seat = self._map.seats[i]
        parts = [self._map.sections.get(seat.section_id) or self.tr("Seat")]
        if seat.row:
            parts.append(self.tr("Row {row}").format(row=seat.row))
        parts.append(self.tr("Seat {number}").format(number=seat.number))
        if seat.wheelchair:
            parts.append(self.tr("Wheelchair space"))
        category = self._map.categories.get(seat.category_id)
        parts.append(category.name if category else self.tr("No category"))
        price = category.price_minor if category else None
        parts.append(self.tr("no price") if price is None else format_money(price, self._map.currency))
        visual, until = self._store.visual[i], self._until(self._expires[i])
        if visual in ("mine", "ours", "held", "web"):
            parts.append(hold_words(visual, self._channel[i], until))
        else:
            parts.append(status_words(visual))
        return " · ".join(parts)

    def _until(self, when: dt.datetime | None) -> str:
        if when is None:
            return ""
        local = when.astimezone(self._zone) if self._zone and when.tzinfo else when
        return time_of(local)

    def seat_at(self, view_pos: QPoint | QPointF) -> int | None:
        """Id of the seat under viewport point ``view_pos`` (a few pixels of slack for
        tiny seats), or None; always None while sections are drawn as shapes."""
        if self._store is None or self._level == "shapes":  # seats are not drawn: sections are
            return None
        p = self.mapToScene(QPoint(int(view_pos.x()), int(view_pos.y())))
        i = self._store.nearest(p.x(), p.y(), 4.0 / (self.transform().m11() or 1.0))
        return None if i is None else self._store.ids[i]

    def _section_at(self, view_pos: QPoint | QPointF):
        p = self.mapToScene(QPoint(int(view_pos.x()), int(view_pos.y())))
        return self._store.section_at(p.x(), p.y()) if self._store else None

    def seat_scene_pos(self, seat_id: int) -> QPointF:
        """Centre of ``seat_id`` in scene (plan) coordinates."""
        i = self._index[seat_id]
        return QPointF(self._store.xs[i], self._store.ys[i])

    def seat_view_pos(self, seat_id: int) -> QPoint:
        """Centre of ``seat_id`` in viewport coordinates (for clicks in tests)."""
        return self.mapFromScene(self.seat_scene_pos(seat_id))

    def zoom_level(self) -> float:
        """Current scale relative to "fit all" (1.0 = fitted)."""
        return self.transform().m11() / (self._fit_scale or 1.0)

    # -- view ---------------------------------------------------------------------------------

    def fit_all(self) -> None:
        """Fit the whole plan in view; it then follows resizes until the user zooms."""
        if self._content.isEmpty():
            return
        margin = max(self._content.width(), self._content.height()) * 0.03
        self.fitInView(self._content.adjusted(-margin, -margin, margin, margin), Qt.AspectRatioMode.KeepAspectRatio)
        self._fit_scale = self.transform().m11()
        self._user_zoomed = False
        self._zoomed()

    def zoom_by(self, factor: float, anchor: QPoint | None = None) -> None:
        """Zoom by ``factor`` keeping viewport point ``anchor`` (default: centre) still,
        within 0.5x to 8x of "fit all" (further in if needed to read seat numbers)."""
        current = self.transform().m11()
        if self._store is None or current <= 0:
            return
        low = self._fit_scale * MIN_ZOOM
        high = max(self._fit_scale * MAX_ZOOM, 24.0 / max(self._store.max_r, 0.1))
        target = min(max(current * factor, low), high)
        if abs(target - current) < 1e-9 * current:
            return
        anchor = anchor if anchor is not None else self.viewport().rect().center()
        fixed = self.mapToScene(anchor)
        self.scale(target / current, target / current)
        moved = self.mapFromScene(fixed) - anchor
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + moved.x())
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + moved.y())
        self._user_zoomed = True
        self._zoomed()

    def zoom_to(self, rect: QRectF, *, at_least_px: float = 0.0) -> None:
        """Show scene ``rect`` whole and centred, zoomed so a typical seat is at least
        ``at_least_px`` across on screen (within the zoom limits)."""
        if self._store is None or rect.isEmpty() and at_least_px <= 0:
            return
        view = self.viewport().rect()
        margin = 0.08
        scale = min(view.width() / max(rect.width(), 1e-6), view.height() / max(rect.height(), 1e-6)) * (1 - margin)
        scale = max(scale, at_least_px / (2 * self._store.typical_r))
        self.zoom_by(scale / (self.transform().m11() or 1.0))
        self.centerOn(rect.center())
        self._user_zoomed = True
        self._zoomed()

    def show_section(self, key: int) -> None:
        """Zoom to section ``key`` (its id), so its seats show."""
        section = next((s for s in self._store.sections if s.key == key), None) if self._store else None
        if section is not None:
            self.zoom_to(section.bounds)

    def show_seat(self, seat_id: int) -> None:
        """Centre ``seat_id`` zoomed in to read seat numbers, and ring it until the next
        click or search. Raises KeyError for an unknown seat."""
        i = self._index[seat_id]
        x, y, r = self._store.xs[i], self._store.ys[i], self._store.rs[i]
        self.zoom_to(QRectF(x - r, y - r, 2 * r, 2 * r), at_least_px=FOUND_PX)
        self._found_seat = seat_id
        self._found.place(x, y, r * 1.4, self.transform().m11())

    def show_row(self, key: int, row: str) -> None:
        """Zoom to row ``row`` of section ``key`` so its seats show."""
        idx = self._store.rows.get((key, row)) if self._store else None
        if idx:
            xs, ys, r = [self._store.xs[i] for i in idx], [self._store.ys[i] for i in idx], self._store.max_r
            self.zoom_to(QRectF(min(xs) - r, min(ys) - r, max(xs) - min(xs) + 2 * r, max(ys) - min(ys) + 2 * r))

    def seat_index(self) -> SeatIndex | None:
        """The plan's seats by section, row and number (made on first use)."""
        if self._seat_index is None and self._map is not None:
            self._seat_index = SeatIndex(self._map.seats, self._map.sections)
        return self._seat_index

    def open_search(self) -> SeatSearchDialog:
        """Open the seat search box (F6 / Ctrl+F in the main window)."""
        if self._search is None:
            self._search = SeatSearchDialog(self, self.window())
        self._search.start()
        return self._search

    def found_seat(self) -> int | None:
        """The seat ringed by the last :meth:`show_seat` (None once cleared)."""
        return self._found_seat if self._found.isVisible() else None

    def legend_entries(self) -> list[LegendEntry]:
        """Legend lines for the seat looks (and wheelchair spaces if the plan has any)."""
        colors = [
            QColor(c.color)
            for c in (self._map.categories.values() if self._map else [])
            if QColor.isValidColorName(c.color or "")
        ]
        return legend_entries(colors, wheelchair=self._store is not None and any(self._store.wheel))

    # -- events -------------------------------------------------------------------------------

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Zoom about the cursor."""
        delta = event.angleDelta().y() or event.pixelDelta().y()
        if delta:
            self.zoom_by(1.0015**delta, event.position().toPoint())
        event.accept()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        """+ and - zoom, 0 fits the plan."""
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1.25)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_by(0.8)
        elif key == Qt.Key.Key_0:
            self.fit_all()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._ga:
            under = self.ga_area_at(self.viewport().mapFromGlobal(QCursor.pos()))
            self.gaAreaClicked.emit(under if under is not None else next(iter(self._ga)))
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt API
        """A press on a seat is a click in the making, never the start of a pan."""
        if event.button() == Qt.MouseButton.LeftButton and self._store is not None:
            if self._found.isVisible():
                self._found.hide()
            if self._level == "shapes":
                self._press_section = self._section_at(event.position())
                if self._press_section is not None:
                    event.accept()
                    return
            seat = self.seat_at(event.position())
            if seat is not None:
                self._press = seat
                event.accept()
                return
            self._press_ga = self.ga_area_at(event.position())
            if self._press_ga is not None:
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Releasing on the seat that was pressed emits :attr:`seatClicked`."""
        if event.button() == Qt.MouseButton.LeftButton and self._press_section is not None:
            pressed, self._press_section = self._press_section, None
            if self._section_at(event.position()) is pressed:
                self.zoom_to(pressed.bounds)
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            pressed, self._press = self._press, None
            if self.seat_at(event.position()) == pressed:
                self.seatClicked.emit(pressed)
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton and self._press_ga is not None:
            pressed, self._press_ga = self._press_ga, None
            if self.ga_area_at(event.position()) == pressed:
                self.gaAreaClicked.emit(pressed)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Pan while dragging; otherwise track the hovered seat."""
        super().mouseMoveEvent(event)
        if event.buttons() == Qt.MouseButton.NoButton or self._press is not None:
            self._set_hover(self.seat_at(event.position()), event.globalPosition().toPoint())

    def leaveEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Forget the hovered seat."""
        self._set_hover(None, None)
        super().leaveEvent(event)

    def viewportEvent(self, event) -> bool:  # noqa: N802 - Qt API
        """Seat tooltips (the scene would otherwise hide them: seats are not items)."""
        if event.type() == QEvent.Type.ToolTip:
            seat = self.seat_at(event.pos())
            area = self.ga_area_at(event.pos()) if seat is None else None
            if area is not None:
                QToolTip.showText(event.globalPos(), self._ga[area].toolTip(), self.viewport())
            elif seat is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.describe_seat(seat), self.viewport())
            return True
        return super().viewportEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Keep the plan fitted until the user zooms."""
        super().resizeEvent(event)
        if not self._user_zoomed:
            self.fit_all()

    def _set_hover(self, seat: int | None, global_pos: QPoint | None) -> None:
        seat = -1 if seat is None else seat
        if seat == self._hover:
            return
        self._hover = seat
        self._place_ring()
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if seat >= 0 else Qt.CursorShape.OpenHandCursor)
        if QToolTip.isVisible():
            if seat >= 0 and global_pos is not None:
                QToolTip.showText(global_pos, self.describe_seat(seat), self.viewport())
            else:
                QToolTip.hideText()
        self.seatHovered.emit(seat)

    def level(self) -> str:
        """The level of detail shown: ``shapes``, ``dots`` or ``seats`` (see
        :func:`~boxoffice.ui.seatmap.layers.level_for`)."""
        return self._level

    def _zoomed(self) -> None:
        if self._store is None:
            return
        scale = self.transform().m11()
        level = level_for(2 * self._store.typical_r * scale, len(self._store.ids))
        if level != self._level:
            self._level = level
            self._seat_layer.setVisible(level == "seats")
            self._sections.set_level(level)
            self._names.set_level(level)
        self._make_visible_chunks()
        self._markers.place(sorted(self._mine), scale)
        self._place_ring()
        self.minimap.follow()

    def pause_idle_work(self) -> None:
        """Another map is on its way: stop making pictures of the one shown in idle time
        (:meth:`set_map` starts again for the new one). Left running, that work would
        take turns with the worker thread reading the new map."""
        self._prepare_timer.stop()

    def idle_work_pending(self) -> bool:
        """Whether pictures of the shown map are still being made in idle time."""
        return self._prepare_timer.isActive()

    def _prepare_step(self) -> None:
        """Idle time after opening a large plan: the dots pictures, then the chunk index."""
        store = self._store
        if store is None or len(store.ids) <= SMALL_PLAN:
            self._prepare_timer.stop()
        elif not self._sections.prepare(0.006) and store.geometry.index_chunks(0.006):
            self._prepare_timer.stop()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 - Qt API
        """Panning moves the minimap's frame too."""
        super().scrollContentsBy(dx, dy)
        self._make_visible_chunks()
        self.minimap.follow()

    def _make_visible_chunks(self) -> None:
        """At the ``seats`` level, make the row chunks that come into view (a large plan's
        are made on demand; a few per frame)."""
        store = self._store
        if store is None or self._level != "seats":
            return
        chunks = store.chunks
        for number in store.chunks_in(self.mapToScene(self.viewport().rect()).boundingRect()):
            if chunks[number] is None:
                self._seat_layer.adopt(store.chunk(number))

    def _place_ring(self) -> None:
        if self._store is None:
            return
        if self._hover < 0 or self._hover not in self._index:
            self._ring.hide()
            return
        i = self._index[self._hover]
        self._ring.place(self._store.xs[i], self._store.ys[i], self._store.rs[i], self.transform().m11())
