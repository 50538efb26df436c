"""Generating blocks of seats for the plan editor, row labels and seat numbering (pure).

A *block* is a set of rows laid out together: straight or curved (every row an arc
around one centre in front of the block, i.e. towards the stage at the top), a number of
seats per row, seat and row spacing (centre to centre, pixels). Rows are labelled A, B,
C... (optionally skipping I and O, which read as 1 and 0; after Z come AA, AB...), or
1, 2, 3... when the first label is a number. Seats are numbered left to right, right to
left, or odd/even from the centre (see :func:`seat_numbers`).
"""

from __future__ import annotations

import math
import string
from dataclasses import dataclass

from boxoffice.domain.plan_editing import EditablePlan, EditRow, EditSeat, EditZone

NUMBERING = ("ltr", "rtl", "centre")
NUMBERING_NAMES = {"ltr": "Left to right", "rtl": "Right to left", "centre": "Odd left / even right, from the centre"}
MAX_SEATS = 20_000  # in one generated block


def row_labels(count: int, first: str = "A", *, skip_i_o: bool = True) -> list[str]:
    """``count`` row labels starting at ``first``: letters (A..Z, then AA, AB.. AZ, BA..)
    or, if ``first`` is a whole number, numbers counting up from it. With ``skip_i_o``
    no letter label contains I or O.

    Raises:
        ValueError: ``count`` < 0, or ``first`` is neither letters nor a number (or
            contains I/O while skipping them).
    """
    if count < 0:
        raise ValueError("count must not be negative")
    first = first.strip().upper()
    if first.isdigit():
        return [str(int(first) + i) for i in range(count)]
    if not first or not all(c in string.ascii_uppercase for c in first):
        raise ValueError(f"a first row label must be letters or a number, not {first!r}")
    alphabet = [c for c in string.ascii_uppercase if not (skip_i_o and c in "IO")]
    if any(c not in alphabet for c in first):
        raise ValueError(f"{first!r} contains I or O, which are skipped")
    base = len(alphabet)
    # bijective base-N: A=1 .. Z=N, AA=N+1 ...
    index = 0
    for c in first:
        index = index * base + alphabet.index(c) + 1
    out = []
    for n in range(index, index + count):
        label = ""
        while n > 0:
            n, rem = divmod(n - 1, base)
            label = alphabet[rem] + label
        out.append(label)
    return out


def seat_numbers(count: int, mode: str = "ltr", first: int = 1) -> list[str]:
    """Seat numbers for ``count`` seats given **from left to right**:

    * ``"ltr"``: first, first+1, ... from the left;
    * ``"rtl"``: first, first+1, ... from the right;
    * ``"centre"``: odd numbers on the left half and even on the right, both growing
      outwards from the centre aisle (1 and 2 are the middle pair; with an odd count
      the middle seat is 1). ``first`` is ignored.

    Raises:
        ValueError: unknown ``mode`` or a negative ``count``.
    """
    if count < 0:
        raise ValueError("count must not be negative")
    if mode == "ltr":
        return [str(first + i) for i in range(count)]
    if mode == "rtl":
        return [str(first + count - 1 - i) for i in range(count)]
    if mode != "centre":
        raise ValueError(f"unknown numbering {mode!r} (one of {', '.join(NUMBERING)})")
    left = (count + 1) // 2  # the middle seat of an odd row counts as left
    out = [""] * count
    for k in range(left):  # from the centre outwards
        out[left - 1 - k] = str(2 * k + 1)
    for k in range(count - left):
        out[left + k] = str(2 * k + 2)
    return out


@dataclass(frozen=True)
class BlockSpec:
    """What to generate. ``x``, ``y``: absolute middle of the front row (pixels);
    ``rows``, ``seats_per_row``: counts; ``seat_spacing``, ``row_spacing``: centre to
    centre (pixels); ``curve_radius``: 0 for straight rows, else the front row's arc
    radius (the arc's centre lies ``curve_radius`` in front, towards smaller ``y``);
    ``first_row``: first label (``"A"`` or ``"1"``); ``skip_i_o``; ``numbering``: one
    of :data:`NUMBERING`; ``first_seat``: first number; ``category``: a category name or
    ``None``; ``radius``: seat radius; ``rotation``: degrees, clockwise, about (x, y)."""

    rows: int = 5
    seats_per_row: int = 10
    x: float = 400.0
    y: float = 300.0
    seat_spacing: float = 24.0
    row_spacing: float = 32.0
    curve_radius: float = 0.0
    first_row: str = "A"
    skip_i_o: bool = True
    numbering: str = "ltr"
    first_seat: int = 1
    category: str | None = None
    radius: float = 10.0
    rotation: float = 0.0


def block_positions(spec: BlockSpec) -> list[list[tuple[float, float]]]:
    """Absolute seat centres, one list per row (front row first), each left to right.

    Raises:
        ValueError: non-positive counts or spacings, a negative radius, a block larger
            than :data:`MAX_SEATS`, or a curve too tight for the row (an arc over 300
            degrees).
    """
    if spec.rows < 1 or spec.seats_per_row < 1:
        raise ValueError("A block needs at least one row of at least one seat.")
    if spec.rows * spec.seats_per_row > MAX_SEATS:
        raise ValueError(f"A block can have at most {MAX_SEATS:,} seats.")
    if spec.seat_spacing <= 0 or spec.row_spacing <= 0 or spec.radius <= 0:
        raise ValueError("Spacings and the seat radius must be positive.")
    if spec.curve_radius < 0:
        raise ValueError("The curve radius must not be negative (0 means straight rows).")
    out = []
    half = (spec.seats_per_row - 1) / 2
    for r in range(spec.rows):
        if spec.curve_radius == 0:
            y = spec.y + r * spec.row_spacing
            out.append([(spec.x + (i - half) * spec.seat_spacing, y) for i in range(spec.seats_per_row)])
            continue
        radius = spec.curve_radius + r * spec.row_spacing
        step = spec.seat_spacing / radius  # radians between neighbours, so the spacing holds on the arc
        if step * (spec.seats_per_row - 1) > math.radians(300):
            raise ValueError("The curve is too tight for that many seats; use a larger radius.")
        cx, cy = spec.x, spec.y - spec.curve_radius
        out.append(
            [
                (cx + radius * math.sin((i - half) * step), cy + radius * math.cos((i - half) * step))
                for i in range(spec.seats_per_row)
            ]
        )
    if spec.rotation:
        turn = math.radians(spec.rotation)
        c, s = math.cos(turn), math.sin(turn)
        out = [
            [
                (spec.x + (x - spec.x) * c - (y - spec.y) * s, spec.y + (x - spec.x) * s + (y - spec.y) * c)
                for x, y in row
            ]
            for row in out
        ]
    return out


def generate_block(plan: EditablePlan, spec: BlockSpec, *, section: str) -> list[EditRow]:
    """Build the rows of ``spec`` for section ``section`` of ``plan`` (guids unique in the
    plan, e.g. ``"stalls-A-3"``; rows get fresh keys). Does **not** add them: see
    :func:`add_block`.

    Raises:
        ValueError: see :func:`block_positions` and :func:`row_labels`; an unknown
            ``spec.category`` or ``numbering``; an empty section name.
    """
    if not section.strip():
        raise ValueError("A block needs a section name.")
    if spec.category is not None and spec.category not in plan.category_names():
        raise ValueError(f"The plan has no category {spec.category!r}.")
    positions = block_positions(spec)
    labels = row_labels(len(positions), spec.first_row, skip_i_o=spec.skip_i_o)
    numbers = seat_numbers(spec.seats_per_row, spec.numbering, spec.first_seat)
    slug = "".join(c if c.isalnum() else "-" for c in section.strip().lower()).strip("-") or "section"
    taken = set(plan.seat_map())
    rows = []
    for label, points in zip(labels, positions):
        seats = []
        for number, (x, y) in zip(numbers, points):
            guid = plan.new_guid(f"{slug}-{label}-{number}", taken)
            taken.add(guid)
            seats.append(EditSeat(guid=guid, number=number, x=x, y=y, category=spec.category, radius=spec.radius))
        rows.append(EditRow(key=plan.new_key(), number=label, seats=seats))
    return rows


def add_block(plan: EditablePlan, spec: BlockSpec, *, section: str) -> list[EditRow]:
    """Generate ``spec`` (see :func:`generate_block`) and append its rows to section
    ``section``, creating the section (a new zone at the origin) if the plan has none
    of that name. Returns the new rows."""
    rows = generate_block(plan, spec, section=section)
    zone = plan.zone_named(section)
    if zone is None:
        slug = "".join(c if c.isalnum() else "-" for c in section.strip().lower()).strip("-")
        zone = EditZone(name=section.strip(), zone_id=slug or None)
        plan.zones.append(zone)
    zone.rows.extend(rows)
    return rows


def renumber_row(
    plan: EditablePlan, row_key: int, *, mode: str = "ltr", first: int = 1, label: str | None = None
) -> EditRow:
    """Give the seats of row ``row_key`` new numbers in order along the row (see
    :func:`seat_numbers`; "left" is the end with the smaller ``x``, or smaller ``y`` for a
    vertical row) and, if ``label`` is given, a new row label (``row_number``; a
    separate ``row_label`` is dropped). Guids are kept. Returns the row.

    Raises:
        KeyError: no such row.
        ValueError: unknown mode, or an empty ``label``.
    """
    _, row = plan.find_row(row_key)
    if label is not None:
        if not label.strip():
            raise ValueError("A row label must not be empty.")
        row.number, row.label = label.strip(), None
    ordered = _along(row.seats)
    for seat, number in zip(ordered, seat_numbers(len(ordered), mode, first)):
        seat.number = number
    row.seats = ordered
    return row


def _along(seats: list[EditSeat]) -> list[EditSeat]:
    """Seats sorted along the row's main direction (from the ends farthest apart)."""
    if len(seats) < 2:
        return list(seats)
    xs, ys = [s.x for s in seats], [s.y for s in seats]
    if max(xs) - min(xs) >= max(ys) - min(ys):
        a = min(seats, key=lambda s: (s.x, s.y))
    else:
        a = min(seats, key=lambda s: (s.y, s.x))
    b = max(seats, key=lambda s: math.hypot(s.x - a.x, s.y - a.y))
    dx, dy = b.x - a.x, b.y - a.y
    return sorted(seats, key=lambda s: (s.x - a.x) * dx + (s.y - a.y) * dy)
