"""Choosing seats the way people do, for the on-sale rehearsal's simulated buyers and tills
(``boxoffice rehearse``). Pure: no database, no Qt.

Built on :mod:`boxoffice.domain.best_available`, the counter's and the web's best
available: the same ranking (front and centre, or the plan's best point), the same row
blocks (never across an aisle), the same orphan rule. What this module adds is the
buyer's habit of not all aiming at the very same seats: :meth:`PickLayout.pick` chooses
at random among the few best groups.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from boxoffice.domain.best_available import AISLE_FACTOR, BestLayout, BestSeat

__all__ = ["AISLE_FACTOR", "PickLayout", "PickSeat", "candidate_groups", "pick_group"]


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


class PickLayout:
    """The fixed part of picking on one plan (a :class:`BestLayout`), computed once so that
    a simulated buyer reading a new seat map every few seconds only scans it.

    Args:
        seats: every seat of the showtime (``free`` is ignored here).
    """

    def __init__(self, seats: list[PickSeat]) -> None:
        sections: dict[str, int] = {}
        self._best = (
            BestLayout(
                BestSeat(
                    id=s.id,
                    section_id=sections.setdefault(s.section, len(sections)),
                    section=s.section,
                    row=s.row,
                    seat="",
                    x=s.x,
                    y=s.y,
                    price_minor=s.price_minor,
                )
                for s in seats
            )
            if seats
            else None
        )
        self._all = frozenset(s.id for s in seats)

    def groups(self, size: int) -> list[tuple[tuple, list[int]]]:
        """Every group of ``size`` adjacent priced seats with its sort key (``(score,)``,
        smaller is better), best first, free or not.

        Raises:
            ValueError: ``size`` is not positive.
        """
        return self.free_groups(self._all, size)

    def free_groups(self, free, size: int, limit: int | None = None) -> list[tuple[tuple, list[int]]]:
        """:meth:`groups` whose seats are all in ``free``, best first; at most ``limit``.

        Raises:
            ValueError: ``size`` is not positive.
        """
        if size < 1:
            raise ValueError("a group has at least one seat")
        if self._best is None:
            return []
        return [((c.score,), list(c.seat_ids)) for c in self._best.candidates(free, size, limit=limit)]

    def pick(self, free: set[int], size: int, rng: random.Random, *, among: int = 8) -> list[int] | None:
        """As :func:`pick_group`, over the seats whose ids are in ``free``."""
        best = self.free_groups(free, size, among)
        return rng.choice(best)[1] if best else None


def candidate_groups(seats: list[PickSeat], size: int) -> list[tuple[tuple, list[int]]]:
    """Every group of ``size`` adjacent free, priced seats, best first, as
    ``[(key, seat_ids)]`` (see :meth:`PickLayout.groups`).

    Raises:
        ValueError: ``size`` is not positive.
    """
    return PickLayout(seats).free_groups({s.id for s in seats if s.free}, size)


def pick_group(seats: list[PickSeat], size: int, rng: random.Random, *, among: int = 8) -> list[int] | None:
    """Seat ids of a good group of ``size`` seats, chosen at random among the ``among``
    best candidates (buyers in an on-sale aim for the same best seats, but not all for
    the very same ones). ``None`` when no such group is free."""
    return PickLayout(seats).pick({s.id for s in seats if s.free}, size, rng, among=among)
