"""A plan's seats as columns: :class:`SeatColumns` (one list per field, the way the
catalog reads them), a sequence of :class:`SeatInfo` made on access, and a by-id view.
Plain data: no database, no Qt (the seat map imports it)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, overload


class SeatInfo(NamedTuple):
    """A seat's fixed facts; ``x``, ``y``, ``radius`` are absolute plan pixels.

    A named tuple, not a dataclass: tuples of plain values are made ~4 times faster and take
    a third of the memory. A plan's seats are kept as columns (:class:`SeatColumns`); these
    are made on demand."""

    id: int
    section_id: int
    row: str
    number: str
    x: float
    y: float
    radius: float
    category_id: int
    wheelchair: bool


@dataclass(eq=False)
class SeatColumns(Sequence[SeatInfo]):
    """A plan's seats as parallel columns (one list per field of :class:`SeatInfo`, seat
    ids ascending); also a read-only sequence of :class:`SeatInfo`, made on access.
    ``position`` maps a seat id to its index in the columns. Shared between showtimes and
    threads: never modify it."""

    ids: list[int]
    section_ids: list[int]
    rows: list[str]
    numbers: list[str]
    xs: list[float]
    ys: list[float]
    rs: list[float]
    category_ids: list[int]
    wheelchair: list[bool]
    position: dict[int, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.position:
            self.position = dict(zip(self.ids, range(len(self.ids)), strict=True))

    @classmethod
    def of(cls, seats: Sequence) -> SeatColumns:
        """``seats`` (objects with the fields of :class:`SeatInfo`) as columns; ``seats``
        itself if it is already columns."""
        if isinstance(seats, SeatColumns):
            return seats
        seats = list(seats)
        return cls(
            [s.id for s in seats],
            [s.section_id for s in seats],
            [str(s.row) for s in seats],
            [str(s.number) for s in seats],
            [float(s.x) for s in seats],
            [float(s.y) for s in seats],
            [float(s.radius) for s in seats],
            [s.category_id for s in seats],
            [bool(s.wheelchair) for s in seats],
        )

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, i: int) -> SeatInfo: ...

    @overload
    def __getitem__(self, i: slice) -> list[SeatInfo]: ...

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self.ids)))]
        return SeatInfo(
            self.ids[i],
            self.section_ids[i],
            self.rows[i],
            self.numbers[i],
            self.xs[i],
            self.ys[i],
            self.rs[i],
            self.category_ids[i],
            self.wheelchair[i],
        )

    def __iter__(self) -> Iterator[SeatInfo]:
        return map(
            SeatInfo._make,
            zip(
                self.ids,
                self.section_ids,
                self.rows,
                self.numbers,
                self.xs,
                self.ys,
                self.rs,
                self.category_ids,
                self.wheelchair,
                strict=True,
            ),
        )

    def by_id(self) -> SeatsById:
        """These seats as a read-only mapping seat id -> :class:`SeatInfo` (no copy)."""
        return SeatsById(self)


class SeatsById(Mapping[int, SeatInfo]):
    """A plan's seats by id (a read-only view of :class:`SeatColumns`; each
    :class:`SeatInfo` is made when looked up)."""

    def __init__(self, columns: SeatColumns) -> None:
        self.columns = columns

    def __getitem__(self, seat_id: int) -> SeatInfo:
        return self.columns[self.columns.position[seat_id]]

    def __contains__(self, seat_id: object) -> bool:
        return seat_id in self.columns.position

    def __iter__(self) -> Iterator[int]:
        return iter(self.columns.ids)

    def __len__(self) -> int:
        return len(self.columns.ids)
