"""A showtime's free seats as best available keeps them between choices (pure: no DB, no Qt).

:meth:`BestLayout.candidates <boxoffice.domain.best_available.BestLayout.candidates>`
scans row blocks best first and, in a filling house, keeps meeting the best blocks full
or left in single seats: each of them cost a test of every one of its seats on every
choice (a stadium on-sale: a quarter of the web server's CPU). :class:`FreeSeats` keeps,
for one layout, each block's longest run of free seats side by side, counted again only
for the blocks whose seats came or went since the last look, so such a block is passed
over with one lookup.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Protocol


class _Layout(Protocol):
    """What :class:`FreeSeats` needs of a layout: each seat's block number."""

    def block_numbers(self) -> Mapping[int, int]: ...


class FreeSeats:
    """The ids of a showtime's free seats (a set's ``in``, ``len``, iteration, ``add``,
    ``discard``, ``update``, ``difference_update``) with each block's longest free run for
    ``layout`` (a :class:`~boxoffice.domain.best_available.BestLayout`).

    Not thread-safe: callers hold the showtime's lock, as for a plain set.
    """

    __slots__ = ("layout", "ids", "_block_no", "_dirty", "_runs")

    def __init__(self, layout: _Layout, ids: Iterable[int] = ()) -> None:
        self.layout = layout
        self.ids: set[int] = set(ids)  # read it directly for speed; change it only through this class
        self._block_no = layout.block_numbers()
        self._dirty: set[int] = set(self._block_no.values())  # every block is counted on first look
        self._runs: dict[int, int] = {}

    def __contains__(self, seat_id: object) -> bool:
        return seat_id in self.ids

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self) -> Iterator[int]:
        return iter(self.ids)

    def add(self, seat_id: int) -> None:
        """The seat is free."""
        if seat_id not in self.ids:
            self.ids.add(seat_id)
            self._touch(seat_id)

    def discard(self, seat_id: int) -> None:
        """The seat is not free (nothing when it was not)."""
        if seat_id in self.ids:
            self.ids.discard(seat_id)
            self._touch(seat_id)

    def update(self, seat_ids: Iterable[int]) -> None:
        """These seats are free."""
        for seat_id in seat_ids:
            self.add(seat_id)

    def difference_update(self, seat_ids: Iterable[int]) -> None:
        """These seats are not free."""
        for seat_id in seat_ids:
            self.discard(seat_id)

    def longest_run(self, number: int, block_ids: Sequence[int]) -> int:
        """The most free seats side by side in block ``number`` (its seat ids in row
        order: ``block_ids``), counted again only if one of its seats changed."""
        if number in self._dirty:
            self._dirty.discard(number)
            best = run = 0
            ids = self.ids
            for seat_id in block_ids:
                run = run + 1 if seat_id in ids else 0
                if run > best:
                    best = run
            self._runs[number] = best
        return self._runs[number]

    def _touch(self, seat_id: int) -> None:
        number = self._block_no.get(seat_id)
        if number is not None:
            self._dirty.add(number)
