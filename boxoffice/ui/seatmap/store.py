"""The seat map's plain data: per-seat arrays, rows, sections (their outline, centre and free
count) and a coarse index of the row chunks for finding the seat under a point.

What depends only on the plan (positions, rows, section outlines, how rows are cut into
chunks, the chunk index) is a :class:`PlanGeometry`, made once per plan layout and kept
while that layout is (the catalog keeps a plan's layout across showtimes, see
:mod:`boxoffice.services.plan_layout`): a second showtime on the same plan, or the same
one opened again, skips it. What belongs to one opening (seat looks, free counts, the
chunk items) is the :class:`SeatStore`. The first geometry is written for speed at
100,000 seats: the seats arrive as columns, rows are found with ``groupby`` (seats come
sorted by id, so a row's seats are mostly consecutive), and section outlines are the
convex hull of a few points per row rather than of every seat. Row chunks (Qt items) are
made only when asked for (:meth:`SeatStore.chunk`): a stadium at fit shows none.
"""

from __future__ import annotations

import gc
import math
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
from weakref import WeakKeyDictionary

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPolygonF

from boxoffice.domain.seat_columns import SeatColumns
from boxoffice.ui.seatmap.looks import CHUNK_SEATS, NO_CATEGORY

CELL_SEATS = 48  # the chunk index's cell, in seat radii
PROBE_RADII = 14.0  # a row end with another section this close (in seat radii) gets no row label


@dataclass(eq=False)
class Section:
    """One section of the plan: its ``name``, seat ``indices``, outline ``hull`` (a convex
    polygon padded by a seat radius), its ``bounds`` and ``centre``, and how many of its
    seats are ``free`` (drawn available) of ``total``."""

    key: int
    name: str
    indices: list[int]
    hull: QPolygonF
    bounds: QRectF
    centre: QPointF
    total: int
    free: int = 0
    image: object = None  # the seats as dots (ui.seatmap_layers), made when first needed
    image_dirty: bool = True
    neighbours: list[Section] = field(default_factory=list)


def convex_hull(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Counter-clockwise convex hull of ``points`` (Andrew's monotone chain)."""
    pts = sorted(set(points))
    if len(pts) <= 2:
        return pts

    def half(seq):
        out: list[tuple[float, float]] = []
        for p in seq:
            while len(out) >= 2:
                (ax, ay), (bx, by) = out[-2], out[-1]
                if (bx - ax) * (p[1] - ay) - (by - ay) * (p[0] - ax) > 0:
                    break
                out.pop()
            out.append(p)
        return out

    lower, upper = half(pts), half(reversed(pts))
    return lower[:-1] + upper[:-1]


def padded(hull: list[tuple[float, float]], pad: float) -> QPolygonF:
    """``hull`` (counter-clockwise) pushed out by ``pad`` (each vertex along its bisector,
    so edges move out by ``pad``; sharp corners are cut at 2 ``pad``)."""
    n = len(hull)
    if n < 3:
        xs, ys = [p[0] for p in hull] or [0.0], [p[1] for p in hull] or [0.0]
        return QPolygonF(QRectF(min(xs) - pad, min(ys) - pad, max(xs) - min(xs) + 2 * pad, max(ys) - min(ys) + 2 * pad))
    out = []
    sign = 1.0 if _area(hull) > 0 else -1.0
    for k in range(n):
        (ax, ay), (bx, by), (cx, cy) = hull[k - 1], hull[k], hull[(k + 1) % n]
        n1 = _normal(bx - ax, by - ay, sign)
        n2 = _normal(cx - bx, cy - by, sign)
        mx, my = n1[0] + n2[0], n1[1] + n2[1]
        length = math.hypot(mx, my) or 1.0
        cos_half = max(0.5, length / 2)  # the miter is pad / cos(half angle), at most 2 pad
        out.append(QPointF(bx + mx / length * pad / cos_half, by + my / length * pad / cos_half))
    return QPolygonF(out)


def _area(hull) -> float:
    return sum(ax * by - bx * ay for (ax, ay), (bx, by) in zip(hull, hull[1:] + hull[:1], strict=True))


def _normal(dx: float, dy: float, sign: float) -> tuple[float, float]:
    length = math.hypot(dx, dy) or 1.0
    return (dy / length * sign, -dx / length * sign)


class PlanGeometry:
    """What a plan's seats look like wherever they are shown, whatever their states: seat
    columns, rows (seat indices along the row), sections' outlines, the cut of rows into
    chunks of up to ``chunk_seats`` seats and a coarse index of those chunks. Shared by
    every opening of the plan; never modified after it is made (row label ends are filled
    in as chunks are first made, with the same result every time)."""

    def __init__(self, columns: SeatColumns, chunk_seats: int) -> None:
        n = len(columns)
        self.chunk_seats = chunk_seats  # (no reference to ``columns`` itself: it is the cache's weak key)
        self.category_ids = columns.category_ids
        self.ids, self.xs, self.ys, self.rs = columns.ids, columns.xs, columns.ys, columns.rs
        self.numbers, self.wheel = columns.numbers, columns.wheelchair
        self.position = columns.position
        self.max_r = max(self.rs, default=1.0)
        self.typical_r = sorted(self.rs)[n // 2] if n else 1.0
        keys = zip(columns.section_ids, columns.rows, strict=True)
        self.rows: dict[tuple[int, str], list[int]] = {}
        for key, group in groupby(enumerate(keys), itemgetter(1)):
            idx = list(map(itemgetter(0), group))
            known = self.rows.get(key)
            if known is None:
                self.rows[key] = idx
            else:
                known.extend(idx)
        for idx in self.rows.values():
            xs, ys = list(map(self.xs.__getitem__, idx)), list(map(self.ys.__getitem__, idx))
            along = self.xs if max(xs) - min(xs) >= max(ys) - min(ys) else self.ys
            idx.sort(key=along.__getitem__)
        self.shapes = self._shapes()
        self.section_of = [0] * n  # seat index -> position in the sections
        for k, (_key, indices, *_rest) in enumerate(self.shapes):
            for i in indices:
                self.section_of[i] = k
        self._cell = max(CELL_SEATS * self.typical_r, 1.0)
        self.parts: list[list[int]] = []  # chunk -> seat indices (see index_chunks)
        self._steps = self._chunk_steps()
        self.indexed = False
        self.label_ends: dict[tuple[int, str], list] = {}  # row -> its label spots, made with its first chunk
        self._colors: tuple[dict, list[str]] | None = None

    def _shapes(self) -> list[tuple]:
        """(section id, seat indices, hull, bounds, centre, neighbour positions) per section."""
        by_section: dict[int, list[list[int]]] = {}
        for (section_id, _row), idx in self.rows.items():
            by_section.setdefault(section_id, []).append(idx)
        shapes = []
        xs, ys = self.xs, self.ys
        for section_id, rows in by_section.items():
            points: list[tuple[float, float]] = []
            indices: list[int] = []
            for idx in rows:
                indices.extend(idx)
                step = max(1, len(idx) // 4)
                points.extend((xs[i], ys[i]) for i in idx[::step])
                points.append((xs[idx[-1]], ys[idx[-1]]))
            pad = max(map(self.rs.__getitem__, indices)) * 1.25
            hull = padded(convex_hull(points), pad)
            bounds = hull.boundingRect()
            shapes.append((section_id, indices, hull, bounds, bounds.center()))
        reach = PROBE_RADII * self.typical_r
        out = []
        for k, a in enumerate(shapes):  # sections whose outlines come close: for placing labels
            near = a[3].adjusted(-reach, -reach, reach, reach)
            out.append((*a, [j for j, b in enumerate(shapes) if j != k and near.intersects(b[3])]))
        return out

    def index_chunks(self, budget_s: float | None = None) -> bool:
        """Cut rows into chunks and index them (row by row, for up to ``budget_s`` seconds;
        all at once without a budget): a plan shown as section shapes needs none of it, so
        it is made in idle time after opening, or when first needed. Returns True when done.
        GUI thread only."""
        if self.indexed:
            return True
        started = time.perf_counter()
        for _row in self._steps:
            if budget_s is not None and time.perf_counter() - started > budget_s:
                return False
        self.indexed = True
        return True

    def _chunk_steps(self) -> Iterator[None]:
        """Make the chunk index (cells from seat extents: labels hold no seats), one row a step."""
        self.part_row: list[tuple[int, str]] = []  # chunk -> its row's key
        self.part_start: list[int] = []  # chunk -> position of its first seat in the row
        self.boxes: list[tuple[float, float, float, float]] = []  # chunk -> seats' extent (x0, y0, x1, y1)
        self.chunk_of = [0] * len(self.ids)
        self.cells: dict[tuple[int, int], list[int]] = {}
        xs, ys, rs, size, cell = self.xs, self.ys, self.rs, self.chunk_seats, self._cell
        chunk_of, cells, parts = self.chunk_of, self.cells, self.parts
        for key, idx in self.rows.items():
            for start in range(0, len(idx), size):
                part = idx[start : start + size]
                number = len(parts)
                for i in part:
                    chunk_of[i] = number
                r = max(map(rs.__getitem__, part))
                px, py = list(map(xs.__getitem__, part)), list(map(ys.__getitem__, part))
                box = (min(px) - r, min(py) - r, max(px) + r, max(py) + r)
                self.part_row.append(key)
                self.part_start.append(start)
                self.boxes.append(box)
                for cx in range(int(box[0] // cell), int(box[2] // cell) + 1):
                    for cy in range(int(box[1] // cell), int(box[3] // cell) + 1):
                        cells.setdefault((cx, cy), []).append(number)
                parts.append(part)  # last: a chunk is counted once it is whole
            yield None

    def colors(self, categories: dict) -> list[str]:
        """Each seat's category colour (a colour name; ``NO_CATEGORY`` if it has none)."""
        valid = {k: QColor(c.color).name() for k, c in categories.items() if QColor.isValidColorName(c.color or "")}
        if self._colors is None or self._colors[0] != valid:
            self._colors = (valid, [valid.get(c, NO_CATEGORY) for c in self.category_ids])
        return self._colors[1]

    def chunks_in(self, x0: float, y0: float, x1: float, y1: float) -> set[int]:
        """Chunks whose cells meet the rectangle (x0, y0)-(x1, y1) (a superset of those in it)."""
        self.index_chunks()
        cell, found = self._cell, set[int]()
        for cx in range(int(x0 // cell), int(x1 // cell) + 1):
            for cy in range(int(y0 // cell), int(y1 // cell) + 1):
                found.update(self.cells.get((cx, cy), ()))
        return found


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection in the block: a bulk build makes objects by the ten
    thousand, and each collection would scan them all again (about half of a stadium's
    build time before). The collector is the process's: whichever thread found it on
    turns it on again, so it always ends on, at worst a little early."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


_GEOMETRY: WeakKeyDictionary[SeatColumns, PlanGeometry] = WeakKeyDictionary()
_lock = threading.Lock()
made = [0]  # geometries made in this process (for tests and benchmarks)


def plan_geometry(columns: SeatColumns, chunk_seats: int = CHUNK_SEATS) -> PlanGeometry:
    """The geometry of ``columns`` (kept as long as the columns are), made on first use.
    May run on a worker thread (the sell screen makes a new plan's geometry there, next to
    reading it): it makes no graphics items."""
    with _lock:
        geometry = _GEOMETRY.get(columns)
    if geometry is None or geometry.chunk_seats != chunk_seats:
        with paused_gc():
            geometry = PlanGeometry(columns, chunk_seats)
        with _lock:
            _GEOMETRY[columns] = geometry
            made[0] += 1
    return geometry


def prepare_geometry(seats) -> None:
    """Make the geometry of ``seats`` now if they are a plan's columns (on a worker thread,
    next to reading them), so that showing them on the GUI thread finds it made."""
    if isinstance(seats, SeatColumns):
        plan_geometry(seats, CHUNK_SEATS)


class SeatStore:
    """One opening's seats: the plan's geometry (:class:`PlanGeometry`: positions, rows,
    sections, chunk index), each seat's colour and ``visual`` (look), the sections with
    their free counts, and the row chunk items (made on demand by :meth:`chunk`).

    Args:
        seats: the plan's seats, :class:`~boxoffice.services.plan_layout.SeatColumns`
            (or any sequence of objects with the fields of ``SeatInfo``).
        categories: category id -> object with ``color`` (a colour name).
        names: section id -> display name (sections without one are still outlined).
        chunk_seats: at most this many seats of a row per chunk.
    """

    def __init__(self, seats, categories: dict, names: dict[int, str], chunk_seats: int = CHUNK_SEATS) -> None:
        geometry = self.geometry = plan_geometry(SeatColumns.of(seats), chunk_seats)
        n = len(geometry.ids)
        self.ids, self.xs, self.ys, self.rs = geometry.ids, geometry.xs, geometry.ys, geometry.rs
        self.numbers, self.wheel, self.rows = geometry.numbers, geometry.wheel, geometry.rows
        self.max_r, self.typical_r = geometry.max_r, geometry.typical_r
        self.section_of = geometry.section_of
        self.colors = geometry.colors(categories)
        self.visual = ["available"] * n
        self.sections = [
            Section(key, names.get(key) or "", indices, hull, bounds, centre, len(indices))
            for key, indices, hull, bounds, centre, _near in geometry.shapes
        ]
        for section, shape in zip(self.sections, geometry.shapes, strict=True):
            section.neighbours = [self.sections[k] for k in shape[5]]
        self._chunks: list | None = None  # chunk items by number, made on demand
        self.made_chunks = 0  # how many
        self._chunk_type = None

    @property
    def chunks(self) -> list:
        """Row chunk items by chunk number (None: not made yet); indexes the chunks if
        they were not yet (:meth:`PlanGeometry.index_chunks`)."""
        if self._chunks is None:
            self.geometry.index_chunks()
            self._chunks = [None] * len(self.geometry.parts)
        return self._chunks

    def chunk_items(self) -> list:
        """Row chunk items by number as made so far (None: not made yet); empty before the
        first is made. Unlike :attr:`chunks` it never indexes the plan's rows."""
        return self._chunks or []

    @property
    def chunk_of(self) -> list[int]:
        """Seat index -> its chunk's number."""
        self.geometry.index_chunks()
        return self.geometry.chunk_of

    def invalidate_chunks_of(self, indices) -> None:
        """The seats at ``indices`` changed look: their chunks (those made) draw again."""
        if not self.made_chunks:
            return
        chunks, chunk_of = self.chunks, self.chunk_of
        for c in {chunk_of[i] for i in indices}:
            if chunks[c] is not None:
                chunks[c].invalidate()

    def free_label_spot(self, section: Section, x: float, y: float) -> bool:
        """Whether (``x``, ``y``), beyond a row end of ``section``, is clear of the other
        sections (a row label at that end would read as theirs)."""
        point = QPointF(x, y)
        return not any(
            b.bounds.contains(point) and b.hull.containsPoint(point, Qt.FillRule.OddEvenFill)
            for b in section.neighbours
        )

    def build_chunks(self, chunk_type, chunk_seats: int | None = None) -> None:
        """Make every row chunk now (``chunk_type(store, indices, labels)``); see :meth:`use_chunks`."""
        self.use_chunks(chunk_type)
        for number in range(len(self.chunks)):
            self.chunk(number)

    def use_chunks(self, chunk_type) -> None:
        """Make row chunks as ``chunk_type(store, indices, labels)`` when they are asked for."""
        self._chunk_type = chunk_type

    def chunk(self, number: int):
        """Row chunk ``number``'s item, made now if it was not yet (None without a chunk type)."""
        item = self.chunks[number]
        if item is None and self._chunk_type is not None:
            self.made_chunks += 1
            g = self.geometry
            key, start = g.part_row[number], g.part_start[number]
            ends = g.label_ends.get(key)
            if ends is None:
                ends = g.label_ends[key] = self._label_ends(g.rows[key], str(key[1] or ""))
            labels = [p for w, p in ends if start <= w < start + g.chunk_seats]
            item = self.chunks[number] = self._chunk_type(self, g.parts[number], labels)
        return item

    def chunks_in(self, rect: QRectF) -> list[int]:
        """Numbers of the chunks that may show in scene rectangle ``rect``."""
        return sorted(self.geometry.chunks_in(rect.left(), rect.top(), rect.right(), rect.bottom()))

    def _label_ends(self, idx: list[int], label: str) -> list:
        """Row label spots (position in the row, (x, y, text)) beyond the row's ends,
        continuing the row, where no other section is (else at the first end)."""
        if not label:
            return []
        xs, ys, rs = self.xs, self.ys, self.rs
        section = self.sections[self.section_of[idx[0]]]
        ends: list = []
        for where, before in ((0, 1), (len(idx) - 1, len(idx) - 2)):
            a = idx[where]
            dx, dy = (
                (xs[a] - xs[idx[before]], ys[a] - ys[idx[before]])
                if len(idx) > 1
                else (-1.0 if where == 0 else 1.0, 0.0)
            )
            step = rs[a] / (math.hypot(dx, dy) or 1.0)
            probe = (xs[a] + dx * step * PROBE_RADII, ys[a] + dy * step * PROBE_RADII)
            ends.append((where, (xs[a] + dx * step * 2.4, ys[a] + dy * step * 2.4, label), probe))
        clear = [e for e in ends if self.free_label_spot(section, *e[2])]
        return [e[:2] for e in clear or ends[:1]]

    def nearest(self, x: float, y: float, slack: float) -> int | None:
        """Index of the seat nearest (``x``, ``y``) within its radius or ``slack``, or None."""
        g, reach = self.geometry, self.max_r + slack
        g.index_chunks()
        best, best_d = None, math.inf
        xs, ys, rs = self.xs, self.ys, self.rs
        for number in g.chunks_in(x - reach, y - reach, x + reach, y + reach):
            x0, y0, x1, y1 = g.boxes[number]
            if not (x0 - slack <= x <= x1 + slack and y0 - slack <= y <= y1 + slack):
                continue
            for i in g.parts[number]:
                d = math.hypot(xs[i] - x, ys[i] - y)
                if d <= max(rs[i], slack) and d < best_d:
                    best, best_d = i, d
        return best

    def release(self) -> None:
        """Drop the links between the store, its chunks and its sections, so that a
        replaced opening is freed at once by reference counting (not by a full garbage
        collection of its cycles, hundreds of milliseconds at 100,000 seats)."""
        for chunk in self._chunks or []:
            if chunk is not None:
                chunk.store = None
        for section in self.sections:
            section.neighbours = []
        self._chunks = []

    def section_at(self, x: float, y: float) -> Section | None:
        """The section whose outline contains (``x``, ``y``), or None."""
        point = QPointF(x, y)
        for section in self.sections:
            if section.bounds.contains(point) and section.hull.containsPoint(point, Qt.FillRule.OddEvenFill):
                return section
        return None
