"""Choosing seats the way people do: the best seats first, together in one row.

Used by the on-sale rehearsal's simulated buyers and tills (``boxoffice rehearse``), and
usable for a "best available" button. Pure: no database, no Qt.

"Best" follows how box offices rank seats (and how buyers behave in an on-sale): the
dearest price category first, then rows nearer the front of their section, then seats
nearer the middle of the row. A group must be adjacent seats of one row with no aisle
between them; an aisle is a gap wider than 1.6 times the row's usual seat spacing.
"""

from __future__ import annotations

import random
import statistics
from collections import defaultdict
from dataclasses import dataclass

AISLE_FACTOR = 1.6


@dataclass(frozen=True)
class PickSeat:
    """A seat as a picker sees it: ``x``/``y`` plan pixels, ``price_minor`` minor units
    (``None``: not for sale at this showtime), ``free`` whether it can be held now."""

    id: int
    section: str
    row: str
    x: float
    y: float
    price_minor: int | None
    free: bool


def _blocks(row: list[PickSeat]) -> list[list[PickSeat]]:
    """Split a row (any order) into runs of seats without an aisle between them."""
    ordered = sorted(row, key=lambda s: s.x)
    if len(ordered) < 3:
        return [ordered]
    pitch = statistics.median(b.x - a.x for a, b in zip(ordered, ordered[1:], strict=False)) or 1.0
    blocks, current = [], [ordered[0]]
    for a, b in zip(ordered, ordered[1:], strict=False):
        if b.x - a.x > AISLE_FACTOR * pitch:
            blocks.append(current)
            current = []
        current.append(b)
    blocks.append(current)
    return blocks


class PickLayout:
    """The fixed part of picking on one plan (rows, aisles, row ranks, every run of
    adjacent priced seats and its sort key), computed once so that a pick over the
    current free seats is a scan of ready-made groups: a simulated buyer reading a new
    seat map every few seconds no longer recomputes the plan's geometry each time.

    Args:
        seats: every seat of the showtime (``free`` is ignored here).
    """

    def __init__(self, seats: list[PickSeat]) -> None:
        rows: dict[tuple[str, str], list[PickSeat]] = defaultdict(list)
        for seat in seats:
            rows[(seat.section, seat.row)].append(seat)
        fronts: dict[str, list[float]] = defaultdict(list)
        for (section, _row), members in rows.items():
            fronts[section].append(statistics.fmean(s.y for s in members))
        rank = {
            key: sorted(fronts[key[0]]).index(statistics.fmean(s.y for s in members)) for key, members in rows.items()
        }
        self._rows = [
            (rank[key], statistics.fmean(s.x for s in members), _blocks(members)) for key, members in rows.items()
        ]
        self._groups: dict[int, list[tuple[tuple, list[int]]]] = {}

    def groups(self, size: int) -> list[tuple[tuple, list[int]]]:
        """Every run of ``size`` adjacent priced seats with its sort key (see
        :func:`candidate_groups`), best first, free or not.

        Raises:
            ValueError: ``size`` is not positive.
        """
        if size < 1:
            raise ValueError("a group has at least one seat")
        found = self._groups.get(size)
        if found is None:
            found = []
            for row_rank, middle, blocks in self._rows:
                for block in blocks:
                    for i in range(len(block) - size + 1):
                        group = block[i : i + size]
                        if all(s.price_minor is not None for s in group):
                            price = min(s.price_minor for s in group if s.price_minor is not None)
                            centre = abs(statistics.fmean(s.x for s in group) - middle)
                            found.append(((-price, row_rank, round(centre, 1)), [s.id for s in group]))
            found.sort(key=lambda item: item[0])
            self._groups[size] = found
        return found

    def free_groups(self, free: set[int], size: int, limit: int | None = None) -> list[tuple[tuple, list[int]]]:
        """:meth:`groups` whose seats are all in ``free``, best first; at most ``limit``."""
        out = []
        for key, ids in self.groups(size):
            if all(i in free for i in ids):
                out.append((key, ids))
                if limit is not None and len(out) >= limit:
                    break
        return out

    def pick(self, free: set[int], size: int, rng: random.Random, *, among: int = 8) -> list[int] | None:
        """As :func:`pick_group`, over the seats whose ids are in ``free``."""
        best = self.free_groups(free, size, among)
        return rng.choice(best)[1] if best else None


def candidate_groups(seats: list[PickSeat], size: int) -> list[tuple[tuple, list[int]]]:
    """Every run of ``size`` adjacent free, priced seats, with a sort key (smaller is
    better): (minus price per seat, row rank from the front of its section, distance of
    the group's middle from the middle of the row). Returns ``[(key, seat_ids)]`` sorted.

    Raises:
        ValueError: ``size`` is not positive.
    """
    return PickLayout(seats).free_groups({s.id for s in seats if s.free}, size)


def pick_group(seats: list[PickSeat], size: int, rng: random.Random, *, among: int = 8) -> list[int] | None:
    """Seat ids of a good group of ``size`` seats, chosen at random among the ``among``
    best candidates (buyers in an on-sale aim for the same best seats, but not all for
    the very same ones). ``None`` when no such group is free."""
    return PickLayout(seats).pick({s.id for s in seats if s.free}, size, rng, among=among)
