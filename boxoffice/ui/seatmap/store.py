"""The seat map's plain data: per-seat arrays, rows, sections (their outline, centre and free
count) and a coarse index of the row chunks for finding the seat under a point.

Built once per plan on the GUI thread, so it is written for speed at 100,000 seats: whole
columns are read with ``map(attrgetter(...))``, rows are found with ``groupby`` (seats come
sorted by id, so a row's seats are mostly consecutive), and section outlines are the convex
hull of a few points per row rather than of every seat. No Qt graphics items are made here
except the row chunks (:meth:`SeatStore.build_chunks`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from itertools import groupby
from operator import attrgetter, itemgetter

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPolygonF

from boxoffice.ui.seatmap.looks import NO_CATEGORY

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


class SeatStore:
    """Per-seat arrays (index = position in ``seats``), rows, sections and row chunks.

    Args:
        seats: objects with ``id, section_id, row, number, x, y, radius, category_id,
            wheelchair`` (:class:`~boxoffice.services.catalog.SeatInfo`).
        categories: category id -> object with ``color`` (a colour name).
        names: section id -> display name (sections without one are still outlined).
    """

    def __init__(self, seats, categories: dict, names: dict[int, str]) -> None:
        n = len(seats)
        self.ids = list(map(attrgetter("id"), seats))
        self.xs = list(map(float, map(attrgetter("x"), seats)))
        self.ys = list(map(float, map(attrgetter("y"), seats)))
        self.rs = list(map(float, map(attrgetter("radius"), seats)))
        self.numbers = list(map(str, map(attrgetter("number"), seats)))
        self.wheel = list(map(bool, map(attrgetter("wheelchair"), seats)))
        valid = {k: QColor(c.color).name() for k, c in categories.items() if QColor.isValidColorName(c.color or "")}
        self.colors = [valid.get(c, NO_CATEGORY) for c in map(attrgetter("category_id"), seats)]
        self.visual = ["available"] * n
        self.max_r = max(self.rs, default=1.0)
        self.typical_r = sorted(self.rs)[n // 2] if n else 1.0
        section_ids = list(map(attrgetter("section_id"), seats))
        keys = zip(section_ids, map(attrgetter("row"), seats), strict=True)
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
        self.sections = self._sections(names)
        self.section_of = [0] * n  # seat index -> position in self.sections
        for k, section in enumerate(self.sections):
            for i in section.indices:
                self.section_of[i] = k
        self.chunks: list = []
        self.chunk_of = [0] * n
        self._cells: dict[tuple[int, int], list[int]] = {}
        self._cell = max(CELL_SEATS * self.typical_r, 1.0)

    def _sections(self, names: dict[int, str]) -> list[Section]:
        by_section: dict[int, list[list[int]]] = {}
        for (section_id, _row), idx in self.rows.items():
            by_section.setdefault(section_id, []).append(idx)
        sections = []
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
            sections.append(
                Section(section_id, names.get(section_id) or "", indices, hull, bounds, bounds.center(), len(indices))
            )
        reach = PROBE_RADII * self.typical_r
        for a in sections:  # sections whose outlines come close: for placing labels
            near = a.bounds.adjusted(-reach, -reach, reach, reach)
            a.neighbours = [b for b in sections if b is not a and near.intersects(b.bounds)]
        return sections

    def free_label_spot(self, section: Section, x: float, y: float) -> bool:
        """Whether (``x``, ``y``), beyond a row end of ``section``, is clear of the other
        sections (a row label at that end would read as theirs)."""
        point = QPointF(x, y)
        return not any(
            b.bounds.contains(point) and b.hull.containsPoint(point, Qt.FillRule.OddEvenFill)
            for b in section.neighbours
        )

    def build_chunks(self, chunk_type, chunk_seats: int) -> None:
        """Make the row chunks (``chunk_type(store, indices, labels)``, up to
        ``chunk_seats`` seats each) with their row labels, and index them."""
        for (_section_id, label), idx in self.rows.items():
            self._add_row(chunk_type, chunk_seats, idx, str(label or ""))

    def _add_row(self, chunk_type, chunk_seats: int, idx: list[int], label: str) -> None:
        xs, ys, rs = self.xs, self.ys, self.rs
        ends: list = []  # row labels beyond the ends, continuing the row, where no other section is
        if label:
            section = self.sections[self.section_of[idx[0]]]
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
            ends = [e[:2] for e in clear or ends[:1]]
        for start in range(0, len(idx), chunk_seats):
            part = idx[start : start + chunk_seats]
            number = len(self.chunks)
            for i in part:
                self.chunk_of[i] = number
            chunk = chunk_type(self, part, [p for w, p in ends if start <= w < start + chunk_seats])
            self.chunks.append(chunk)
            box, cell = chunk.boundingRect(), self._cell
            for cx in range(int(box.left() // cell), int(box.right() // cell) + 1):
                for cy in range(int(box.top() // cell), int(box.bottom() // cell) + 1):
                    self._cells.setdefault((cx, cy), []).append(number)

    def nearest(self, x: float, y: float, slack: float) -> int | None:
        """Index of the seat nearest (``x``, ``y``) within its radius or ``slack``, or None."""
        cell, reach = self._cell, self.max_r + slack
        seen: set[int] = set()
        for cx in range(int((x - reach) // cell), int((x + reach) // cell) + 1):
            for cy in range(int((y - reach) // cell), int((y + reach) // cell) + 1):
                seen.update(self._cells.get((cx, cy), ()))
        best, best_d = None, math.inf
        for number in seen:
            chunk = self.chunks[number]
            if not chunk.boundingRect().adjusted(-slack, -slack, slack, slack).contains(x, y):
                continue
            for i in chunk.indices:
                d = math.hypot(self.xs[i] - x, self.ys[i] - y)
                if d <= max(self.rs[i], slack) and d < best_d:
                    best, best_d = i, d
        return best

    def release(self) -> None:
        """Drop the links between the store, its chunks and its sections, so that a
        replaced plan is freed at once by reference counting (not by a full garbage
        collection of its cycles, hundreds of milliseconds at 100,000 seats)."""
        for chunk in self.chunks:
            chunk.store = None
        for section in self.sections:
            section.neighbours = []
        self.chunks, self._cells = [], {}

    def section_at(self, x: float, y: float) -> Section | None:
        """The section whose outline contains (``x``, ``y``), or None."""
        point = QPointF(x, y)
        for section in self.sections:
            if section.bounds.contains(point) and section.hull.containsPoint(point, Qt.FillRule.OddEvenFill):
                return section
        return None
