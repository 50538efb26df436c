"""Best available: the best N adjacent free seats of a seating plan (pure: no DB, no Qt).

The rules (docs/best-available.md explains them and compares other systems):

* **Where "best" is.** Every seat has a *distance*: how far it is from the plan's best
  point, sideways offsets counting :data:`LATERAL_WEIGHT` times (the centre line matters
  more than the row). The best point is the manager's (``seating_plan.best_x/best_y``) or,
  by default, the front centre of the stage (see :func:`default_best_point`). A manager may
  also rank sections (``section.best_rank``, 1 = best): every seat of a ranked section
  beats every seat of a section ranked lower; unranked sections come after the ranked ones.
  A group's score is its sections' tier and the mean distance of its seats.
* **Together.** A group is ``N`` consecutive seats of one *row block*: a row cut at
  every aisle (a gap wider than :data:`AISLE_FACTOR` times the row's usual seat spacing,
  measured along the row, so curved rows work).
* **Never** a seat that is not free (sold, held, blocked) or not for sale.
* **No orphans.** A group that would leave one empty seat alone (between taken seats, or
  between a taken seat and the row block's end) is taken only if no group without that
  fault is within the *tolerance* (one seat spacing by default: shifting a group by one
  seat along its row always stays within it) of the best group's score.
* **Access seats.** Wheelchair spaces and companion seats are offered only when asked
  for (``wheelchair=True``); then the group has a wheelchair space and (from 2 seats) the
  companion seat beside it.
* ``skip``: groups already offered are passed over ("Enter again = next best").

:class:`BestLayout` does the geometry once per plan (rows, blocks, distances, blocks sorted
by the best score any of their groups can reach), so a choice scans blocks best first and
stops as soon as no later block can come within the tolerance of what it found.
"""

from __future__ import annotations

import heapq
import math
import statistics
from collections import defaultdict
from collections.abc import Collection, Container, Iterable, Mapping
from dataclasses import dataclass

from boxoffice.domain.best_free import FreeSeats
from boxoffice.domain.errors import BoxOfficeError

AISLE_FACTOR = 1.6  # a gap wider than this many seat spacings is an aisle
LATERAL_WEIGHT = 1.5  # a seat's sideways offset from the best point counts this much more
_TIER = 1e7  # score step between section ranks (plan pixels never get near it)
SPARSE = 4  # fewer free seats than 1/SPARSE of the plan: count them per block first


class NotEnoughTogetherError(BoxOfficeError):
    """No group of the asked size is free together (with the filters asked for):
    ``details['quantity']``, ``category_id``, ``section_id``."""

    code = "not_enough_together"


@dataclass(frozen=True, slots=True)
class BestSeat:
    """A seat of the plan as best available sees it. ``x``, ``y``: plan pixels (y grows
    away from the stage); ``price_minor``: minor units, ``None`` = not for sale (the
    service passes 0 and leaves unsold categories out with ``priced_categories``)."""

    id: int
    section_id: int
    section: str
    row: str
    seat: str
    x: float
    y: float
    category_id: int | None = None
    wheelchair: bool = False
    companion: bool = False
    price_minor: int | None = 0


@dataclass(frozen=True, slots=True)
class BestChoice:
    """A group offered: ``seat_ids`` and ``seats`` (labels) left to right along the row,
    ``score`` (smaller is better: section tier x 1e7 + mean weighted distance in plan
    pixels), ``leaves_single`` whether it leaves a lone empty seat beside it."""

    seat_ids: tuple[int, ...]
    section_id: int
    section: str
    row: str
    seats: tuple[str, ...]
    score: float
    leaves_single: bool = False

    @property
    def key(self) -> frozenset[int]:
        """The seat set (what ``skip`` takes)."""
        return frozenset(self.seat_ids)

    def describe(self) -> str:
        """E.g. ``"Stalls, row F, seats 7-8"`` (one seat: ``"seat 7"``; numbered seats
        lowest first, whichever way the row is numbered)."""
        if len(self.seats) == 1:
            return f"{self.section}, row {self.row}, seat {self.seats[0]}"
        first, last = self.seats[0], self.seats[-1]
        if all(s.isdigit() for s in self.seats) and int(first) > int(last):
            first, last = last, first
        return f"{self.section}, row {self.row}, seats {first}-{last}"


class _Block:
    """Consecutive seats of one row with no aisle between them, in row order."""

    __slots__ = ("seats", "ids", "prefix", "bound", "access", "gapfree_static", "number")

    def __init__(self, seats: list[BestSeat], dist: list[float], tier: int) -> None:
        self.seats = seats
        self.ids = [s.id for s in seats]
        self.number = 0  # its place in the layout's best-first order
        base = tier * _TIER
        self.prefix = [0.0]
        for d in dist:
            self.prefix.append(self.prefix[-1] + base + d)
        self.bound = base + min(dist)  # no group of the block scores better
        self.access = [s.wheelchair or s.companion for s in seats]
        # may a neighbour's lone empty seat be sold to someone else? (for the orphan rule)
        self.gapfree_static = [s.price_minor is not None and not (s.wheelchair or s.companion) for s in seats]


def default_best_point(
    seats: Iterable[BestSeat], stage: tuple[float, float, float, float] | None = None
) -> tuple[float, float]:
    """The default best point: the point of the ``stage`` rectangle ``(x0, y0, x1, y1)``
    nearest the seats' centre (front centre of a stage at the top; the middle of a pitch
    the seats surround); without a stage, the middle of the front row line (smallest
    ``y``). Plan pixels.

    Raises:
        ValueError: no seats.
    """
    seats = list(seats)
    if not seats:
        raise ValueError("a plan without seats has no best point")
    cx = sum(s.x for s in seats) / len(seats)
    cy = sum(s.y for s in seats) / len(seats)
    if stage is None:
        xs = [s.x for s in seats]
        return ((min(xs) + max(xs)) / 2, min(s.y for s in seats))
    x0, y0, x1, y1 = min(stage[0], stage[2]), min(stage[1], stage[3]), max(stage[0], stage[2]), max(stage[1], stage[3])
    return (min(max(cx, x0), x1), min(max(cy, y0), y1))


def _along(seats: list[BestSeat]) -> list[BestSeat]:
    """A row's seats in order along it (from one end to the other, left first)."""
    if len(seats) < 2:
        return list(seats)
    a = min(seats, key=lambda s: (s.x, s.y))
    ax, ay = a.x, a.y
    b = max(seats, key=lambda s: (s.x - ax) ** 2 + (s.y - ay) ** 2)
    bx, by = b.x, b.y
    c = max(seats, key=lambda s: (s.x - bx) ** 2 + (s.y - by) ** 2)  # the far end from b
    if (c.x, c.y) > (bx, by):
        b, c = c, b
    cx, cy = c.x, c.y
    dx, dy = b.x - cx, b.y - cy
    return sorted(seats, key=lambda s: ((s.x - cx) * dx + (s.y - cy) * dy, s.id))


def split_blocks(row: list[BestSeat], pitch: float | None = None, *, in_order: bool = False) -> list[list[BestSeat]]:
    """Cut a row (any order; ``in_order``: already in row order) into blocks at its aisles:
    gaps between neighbours (measured centre to centre) wider than :data:`AISLE_FACTOR`
    times the row's median gap, or ``pitch`` (e.g. the section's) when the row has fewer
    than three gaps."""
    ordered = list(row) if in_order else _along(row)
    if len(ordered) < 2:
        return [ordered] if ordered else []
    gaps = [math.hypot(b.x - a.x, b.y - a.y) for a, b in zip(ordered, ordered[1:])]
    usual = statistics.median(gaps) if len(gaps) >= 3 or pitch is None else pitch
    usual = usual or 1.0
    blocks: list[list[BestSeat]] = []
    current = [ordered[0]]
    for gap, seat in zip(gaps, ordered[1:]):
        if gap > AISLE_FACTOR * usual:
            blocks.append(current)
            current = []
        current.append(seat)
    blocks.append(current)
    return blocks


class BestLayout:
    """The fixed part of best available on one plan, built once (cache it per plan id and
    ranking stamp): row blocks with their seats' distances, sorted best first.

    Args:
        seats: every seat of the plan.
        best_point: ``(x, y)`` plan pixels; ``None``: :func:`default_best_point` with ``stage``.
        section_ranks: section id -> rank (1 = best); sections missing or ``None`` come
            after every ranked one.
        stage: the stage's rectangle ``(x0, y0, x1, y1)`` for the default best point.
        tolerance: how much worse (plan pixels of mean distance) a group may score and
            still count as "the same quality" for the orphan rule; default: the plan's
            median seat spacing.

    Raises:
        ValueError: no seats.
    """

    def __init__(
        self,
        seats: Iterable[BestSeat],
        *,
        best_point: tuple[float, float] | None = None,
        section_ranks: Mapping[int, int | None] | None = None,
        stage: tuple[float, float, float, float] | None = None,
        tolerance: float | None = None,
    ) -> None:
        seats = list(seats)
        self.best_point = best_point or default_best_point(seats, stage)
        bx, by = self.best_point
        ranks = {k: v for k, v in (section_ranks or {}).items() if v is not None}
        unranked_tier = max(ranks.values(), default=0) + 1
        grouped: dict[tuple[int, str], list[BestSeat]] = defaultdict(list)
        for seat in seats:
            grouped[(seat.section_id, seat.row)].append(seat)
        rows = {key: _along(members) for key, members in grouped.items()}
        section_pitch = self._section_pitches(rows)
        blocks: list[_Block] = []
        gaps_all: list[float] = []
        for (section_id, _label), members in rows.items():
            tier = ranks.get(section_id, unranked_tier)
            for part in split_blocks(members, section_pitch.get(section_id), in_order=True):
                dist = [math.hypot(LATERAL_WEIGHT * (s.x - bx), s.y - by) for s in part]
                blocks.append(_Block(part, dist, tier))
                gaps_all += [math.hypot(b.x - a.x, b.y - a.y) for a, b in zip(part, part[1:])]
        blocks.sort(key=lambda b: (b.bound, b.ids[0]))
        self.blocks = blocks
        self.tolerance = tolerance if tolerance is not None else (statistics.median(gaps_all) if gaps_all else 1.0)
        self._by_section: dict[int, list[_Block]] = defaultdict(list)
        for block in blocks:
            self._by_section[block.seats[0].section_id].append(block)
        self.seat_count = len(seats)
        self._where = {sid: (b, k) for b, block in enumerate(blocks) for k, sid in enumerate(block.ids)}
        self._block_no = {sid: b for sid, (b, _) in self._where.items()}
        for b, block in enumerate(blocks):
            block.number = b

    def block_numbers(self) -> Mapping[int, int]:
        """Each seat id's block number (read-only; see :meth:`where`)."""
        return self._block_no

    def where(self, seat_id: int) -> tuple[int, int]:
        """``(block number, index in the block)`` of a seat; blocks are numbered best
        first (:attr:`blocks`), seats in row order.

        Raises:
            KeyError: not a seat of the plan.
        """
        return self._where[seat_id]

    def block_seats(self, number: int) -> list[BestSeat]:
        """The seats of block ``number`` in row order."""
        return list(self.blocks[number].seats)

    def seat_distance(self, seat: BestSeat) -> float:
        """A seat's weighted distance from the best point (plan pixels; without the tier)."""
        bx, by = self.best_point
        return math.hypot(LATERAL_WEIGHT * (seat.x - bx), seat.y - by)

    @staticmethod
    def _section_pitches(rows: Mapping[tuple[int, str], list[BestSeat]]) -> dict[int, float]:
        gaps: dict[int, list[float]] = defaultdict(list)
        for (section_id, _), ordered in rows.items():  # each row in row order
            gaps[section_id] += [math.hypot(b.x - a.x, b.y - a.y) for a, b in zip(ordered, ordered[1:])]
        return {k: statistics.median(v) for k, v in gaps.items() if v}

    def choose(
        self,
        free: Container[int],
        quantity: int,
        *,
        category_id: int | None = None,
        section_id: int | None = None,
        wheelchair: bool = False,
        skip: Iterable[Collection[int]] = (),
        priced_categories: Collection[int] | None = None,
    ) -> BestChoice | None:
        """The best group of ``quantity`` seats all in ``free`` (ids of seats that can be
        held now), or ``None`` when there is none. ``category_id``/``section_id``: only
        seats of that category / section; ``priced_categories``: only seats of these
        categories are for sale (``None``: all with a price); ``skip``: seat sets already
        offered. See the module docstring for the rules.

        Raises:
            ValueError: ``quantity`` < 1.
        """
        found = self.candidates(
            free,
            quantity,
            limit=1,
            category_id=category_id,
            section_id=section_id,
            wheelchair=wheelchair,
            skip=skip,
            priced_categories=priced_categories,
        )
        return found[0] if found else None

    def candidates(
        self,
        free: Container[int],
        quantity: int,
        *,
        limit: int | None = 1,
        category_id: int | None = None,
        section_id: int | None = None,
        wheelchair: bool = False,
        skip: Iterable[Collection[int]] = (),
        priced_categories: Collection[int] | None = None,
    ) -> list[BestChoice]:
        """Up to ``limit`` groups (``None``: all) in the order :meth:`choose` would offer
        them one after the other (the first is :meth:`choose`'s pick). Same arguments.

        Raises:
            ValueError: ``quantity`` < 1.
        """
        if quantity < 1:
            raise ValueError("best available needs at least one seat")
        skipped = {frozenset(s) for s in skip}
        blocks = self._by_section.get(section_id, []) if section_id is not None else self.blocks
        found: list[tuple[float, int, list[int], bool, _Block, int]] = []
        # the ``limit`` best scores found so far (negated: a max-heap). Every one of the
        # first ``limit`` offers scores at most the limit-th best + tolerance, so no block
        # whose bound is beyond that can contribute.
        kept: list[float] = []
        # kept between choices (FreeSeats): each block's longest free run, so a block
        # without ``quantity`` free side by side is passed over without looking at its seats
        runs: FreeSeats | None = None
        if isinstance(free, FreeSeats) and free.layout is self:
            runs, free = free, free.ids
        # few free seats (a nearly full house): count them per block first, likewise
        counts: dict[int, int] | None = None
        if runs is None and isinstance(free, (set, frozenset)) and len(free) * SPARSE < self.seat_count:
            counts = {}
            block_no = self._block_no
            for seat_id in free:
                b = block_no.get(seat_id)
                if b is not None:
                    counts[b] = counts.get(b, 0) + 1
        for block in blocks:
            if (counts is not None and counts.get(block.number, 0) < quantity) or (
                runs is not None and runs.longest_run(block.number, block.ids) < quantity
            ):
                if limit is not None and len(kept) >= limit and block.bound > self.tolerance - kept[0]:
                    break
                continue
            if limit is not None and len(kept) >= limit and block.bound > self.tolerance - kept[0]:
                break
            n = len(block.ids)
            if n < quantity:
                continue
            is_free = [i in free for i in block.ids]
            if sum(is_free) < quantity:
                continue
            other = [f and g for f, g in zip(is_free, block.gapfree_static)]
            if priced_categories is not None:
                other = [o and s.category_id in priced_categories for o, s in zip(other, block.seats)]
            # an ordinary request's usable seats are exactly ``other`` (free, for sale, not
            # an access seat, priced)
            usable = (
                self._usable(block, is_free, category_id, wheelchair, priced_categories)
                if wheelchair or category_id is not None
                else other
            )
            if b"\x01" * quantity not in bytes(usable):
                continue  # no ``quantity`` usable seats side by side (a filling house's front rows)
            run = 0
            for end in range(n):
                run = run + 1 if usable[end] else 0
                if run < quantity:
                    continue
                a = end - quantity + 1
                ids = block.ids[a : end + 1]
                if wheelchair and not self._access_ok(block, a, quantity):
                    continue
                if skipped and frozenset(ids) in skipped:
                    continue
                score = (block.prefix[end + 1] - block.prefix[a]) / quantity
                left = a >= 1 and other[a - 1] and (a == 1 or not other[a - 2])
                right = end + 1 < n and other[end + 1] and (end + 2 == n or not other[end + 2])
                found.append((score, ids[0], ids, left or right, block, a))
                if limit is not None:
                    if len(kept) < limit:
                        heapq.heappush(kept, -score)
                    elif score < -kept[0]:
                        heapq.heapreplace(kept, -score)
        return self._order(found, quantity, limit)

    @staticmethod
    def _usable(
        block: _Block,
        is_free: list[bool],
        category_id: int | None,
        wheelchair: bool,
        priced_categories: Collection[int] | None,
    ) -> list[bool]:
        out = []
        for f, s, acc in zip(is_free, block.seats, block.access):
            ok = (
                f
                and s.price_minor is not None
                and (wheelchair or not acc)
                and (category_id is None or s.category_id == category_id)
                and (priced_categories is None or s.category_id in priced_categories)
            )
            out.append(ok)
        return out

    @staticmethod
    def _access_ok(block: _Block, a: int, quantity: int) -> bool:
        """A wheelchair group: a space, and (2+ seats) a companion seat right beside one."""
        seats = block.seats[a : a + quantity]
        if not any(s.wheelchair for s in seats):
            return False
        if quantity == 1:
            return True
        return any(
            s.wheelchair and ((k > 0 and seats[k - 1].companion) or (k + 1 < quantity and seats[k + 1].companion))
            for k, s in enumerate(seats)
        )

    def _order(self, found: list, quantity: int, limit: int | None) -> list[BestChoice]:
        """Offer order: repeatedly the best remaining group, unless it leaves a lone seat
        and a group without one is within the tolerance of it."""
        found.sort(key=lambda f: (f[0], f[1]))
        out: list[BestChoice] = []
        remaining = found
        while remaining and (limit is None or len(out) < limit):
            first = remaining[0]
            pick_at = 0
            if first[3]:
                for k, cand in enumerate(remaining):
                    if cand[0] > first[0] + self.tolerance:
                        break
                    if not cand[3]:
                        pick_at = k
                        break
            score, _, ids, single, block, a = remaining.pop(pick_at)
            seats = block.seats[a : a + quantity]
            out.append(
                BestChoice(
                    seat_ids=tuple(ids),
                    section_id=seats[0].section_id,
                    section=seats[0].section,
                    row=seats[0].row,
                    seats=tuple(s.seat for s in seats),
                    score=score,
                    leaves_single=single,
                )
            )
        return out
