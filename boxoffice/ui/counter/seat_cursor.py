"""Keyboard seat picking on the seat map: a seat cursor with a focus ring.

Installed on a seat map view as an event filter, so the map's own key handling (zoom,
fit) stays as it is and the map needs no code for it. Keys, while the map has focus:

* **← →** the next seat along the row (at a row's end: the nearest seat that way);
* **↑ ↓** the nearest seat of the row in front / behind (at a section's edge: the
  nearest seat that way in another section);
* **Page Up / Page Down** the previous / next section (its middle seat);
* **Space** toggles the seat under the cursor (as a click would: :attr:`SeatCursor.toggled`).

The navigation works on plain seat data (:class:`~boxoffice.services.catalog.SeatInfo`:
section, row, x, y), not on the map's drawing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtWidgets import QGraphicsView

from boxoffice.domain.seat_reference import label_key, matches, parse_seat_reference
from boxoffice.ui.counter.map_marks import MapMarks, reveal

NAV_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


class SeatNavigation:
    """Neighbours of seats on a plan: rows in order along the row, rows of a section
    front to back, sections in plan order (pure data, no Qt widgets)."""

    def __init__(self, seats: Sequence) -> None:
        self.seats = {s.id: s for s in seats}
        rows: dict[tuple[int, str], list] = {}
        for s in seats:
            rows.setdefault((s.section_id, s.row), []).append(s)
        self.row_of: dict[int, tuple[int, str]] = {}
        self.rows: dict[tuple[int, str], list[int]] = {}
        section_rows: dict[int, list[tuple[float, tuple[int, str]]]] = {}
        for key, members in rows.items():
            xs, ys = [m.x for m in members], [m.y for m in members]
            along_x = max(xs) - min(xs) >= max(ys) - min(ys)
            members.sort(key=lambda m: (m.x, m.y) if along_x else (m.y, m.x))
            self.rows[key] = [m.id for m in members]
            for m in members:
                self.row_of[m.id] = key
            section_rows.setdefault(key[0], []).append((sum(ys) / len(ys), key))
        self.section_rows = {k: [key for _y, key in sorted(v)] for k, v in section_rows.items()}
        self.sections = list(self.section_rows)

    def along(self, seat_id: int, step: int) -> int | None:
        """The next seat along ``seat_id``'s row (``step`` -1: to the left)."""
        row = self.rows[self.row_of[seat_id]]
        i = row.index(seat_id) + step
        if 0 <= i < len(row):
            return row[i]
        return self.toward(seat_id, step, 0)

    def across(self, seat_id: int, step: int) -> int | None:
        """The nearest seat of the row in front (``step`` -1, up the screen) or behind."""
        key = self.row_of[seat_id]
        order = self.section_rows[key[0]]
        i = order.index(key) + step
        if 0 <= i < len(order):
            here = self.seats[seat_id]
            return min(self.rows[order[i]], key=lambda s: abs(self.seats[s].x - here.x) + abs(self.seats[s].y - here.y))
        return self.toward(seat_id, 0, step)

    def toward(self, seat_id: int, dx: int, dy: int) -> int | None:
        """The nearest seat from ``seat_id`` in direction (``dx``, ``dy``), favouring
        seats straight ahead; ``None`` when there is none."""
        here = self.seats[seat_id]
        best, best_score = None, math.inf
        for s in self.seats.values():
            ahead = (s.x - here.x) * dx + (s.y - here.y) * dy
            if ahead <= here.radius * 0.5:
                continue
            aside = abs((s.x - here.x) * dy - (s.y - here.y) * dx)
            score = ahead + 3 * aside
            if score < best_score:
                best, best_score = s.id, score
        return best

    def section_step(self, seat_id: int | None, step: int) -> int | None:
        """The middle seat of the middle row of the section ``step`` away (wrapping)."""
        if not self.sections:
            return None
        if seat_id is None or seat_id not in self.row_of:
            i = 0 if step > 0 else len(self.sections) - 1
        else:
            i = (self.sections.index(self.row_of[seat_id][0]) + step) % len(self.sections)
        return self.centre_of(self.sections[i])

    def centre_of(self, section_id: int) -> int:
        """The middle seat of ``section_id``'s middle row."""
        order = self.section_rows[section_id]
        row = self.rows[order[len(order) // 2]]
        return row[len(row) // 2]

    def start(self) -> int | None:
        """Where the cursor starts: the middle of the first section."""
        return self.centre_of(self.sections[0]) if self.sections else None


class SeatCursor(QObject):
    """The keyboard cursor of one seat map view (see the module's docstring).

    Signals:
        toggled(int): Space on the seat under the cursor (treat it as a click).
        moved(int): the cursor moved onto this seat.
    """

    toggled = Signal(int)
    moved = Signal(int)

    def __init__(self, view: QGraphicsView, marks: MapMarks | None = None) -> None:
        super().__init__(view)
        self.view = view
        self.marks = marks or MapMarks(view, self.where)
        self.nav: SeatNavigation | None = None
        self.seat_map: Any = None  # services.catalog.SeatMap
        self._labels: dict[tuple[str, str], list[int]] | None = None
        self.sections: dict[int, str] = {}
        self.seat: int | None = None
        self.enabled = True
        view.installEventFilter(self)

    def set_map(self, seat_map) -> None:
        """A new plan is shown (call after the view's ``set_map``): the cursor waits
        until the first key."""
        self.marks.clear()
        self.seat_map = seat_map
        self.nav = None  # built on the first key (0.1 s at 100,000 seats: not on the map's opening)
        self._labels = None
        self.sections = dict(seat_map.sections) if seat_map is not None else {}
        self.seat = None

    def navigation(self) -> SeatNavigation | None:
        """The plan's neighbours (built on first use)."""
        if self.nav is None and self.seat_map is not None:
            self.nav = SeatNavigation(self.seat_map.seats)
        return self.nav

    def where(self, seat_id: int) -> tuple[QPointF, float] | None:
        """Plan position and radius of ``seat_id`` (``None``: not on this plan)."""
        nav = self.navigation()
        seat = nav.seats.get(seat_id) if nav else None
        return None if seat is None else (QPointF(seat.x, seat.y), seat.radius)

    def place(self, seat_id: int | None, *, centre: bool = False) -> None:
        """Put the cursor on ``seat_id``: keep it in view (``centre``: centre the view on
        it, zoomed in until seats can be read)."""
        nav = self.navigation()
        if nav is None or (seat_id is not None and seat_id not in nav.seats):
            return
        self.seat = seat_id
        self.marks.show_cursor(seat_id)
        if seat_id is None:
            return
        seat = nav.seats[seat_id]
        box = QRectF(seat.x - seat.radius, seat.y - seat.radius, 2 * seat.radius, 2 * seat.radius)
        if centre:
            reveal(self.view, box, seat_radius=seat.radius)
        else:
            scale = self.view.transform().m11() or 1.0
            margin = int(min(80, max(20, 4 * seat.radius * scale)))
            self.view.ensureVisible(box, margin, margin)
        self.moved.emit(seat_id)

    def jump(self, typed: str) -> int | None:
        """Move the cursor to the seat ``typed`` names (``"K14"``, ``"112 K 14"``) and
        centre the map on it; with no section typed and several matches, the one nearest
        the cursor. Returns the seat id (``None``: no seat of this plan has it).

        Raises:
            InvalidInputError: ``typed`` is no seat reference.
        """
        reference = parse_seat_reference(typed)
        nav = self.navigation()
        if nav is None:
            return None
        if self._labels is None:  # built on the first reference typed: O(1) look-ups after
            labels: dict[tuple[str, str], list[int]] = {}
            for seat in nav.seats.values():
                labels.setdefault(label_key(seat.row, seat.number), []).append(seat.id)
            self._labels = labels
        seats = nav.seats
        found = [
            sid
            for sid in self._labels.get(label_key(reference.row, reference.seat), [])
            if matches(
                reference,
                section=self.sections.get(seats[sid].section_id, ""),
                row=seats[sid].row,
                seat=seats[sid].number,
            )
        ]
        if not found:
            return None
        if len(found) > 1 and self.seat is not None:
            here = seats[self.seat]
            found.sort(key=lambda s: abs(seats[s].x - here.x) + abs(seats[s].y - here.y))
        self.place(found[0], centre=True)
        return found[0]

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if watched is not self.view or event.type() != QEvent.Type.KeyPress or self.seat_map is None:
            return False
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods != Qt.KeyboardModifier.NoModifier or (key != Qt.Key.Key_Space and key not in NAV_KEYS):
            return False
        nav = self.navigation()
        if nav is None:
            return False
        if key == Qt.Key.Key_Space:
            if self.seat is None:
                self.place(nav.start(), centre=True)
            elif self.enabled:
                self.toggled.emit(self.seat)
            return True
        if self.seat is None:  # the first key shows where the cursor is
            self.place(nav.start(), centre=True)
            return True
        if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.place(nav.section_step(self.seat, -1 if key == Qt.Key.Key_PageUp else 1), centre=True)
            return True
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}[key]
        horizontal = key in (Qt.Key.Key_Left, Qt.Key.Key_Right)
        target = nav.along(self.seat, step) if horizontal else nav.across(self.seat, step)
        if target is not None:
            self.place(target)
        return True
