"""The demo stadium in pretix seating-plan format (pure: no database, no Qt).

:func:`demo_stadium` builds "Northgate Stadium", about 100,000 seats in a bowl around a
football pitch: three tiers (lower, middle, upper) on rows that are offset curves of a
rounded rectangle, so the long sides and ends are straight and the four corners are
quarter circles. Each tier is cut into sections (100 in all) by radial gangways; a
section wider than :data:`MAX_BLOCK_SEATS` seats has radial gangways inside it too, and
the upper tier has a lateral gangway half way up. Wheelchair platforms with a companion
seat beside each space run along the back of the lower tier (every section on the sides
and ends, row "WC") and the front of the middle tier on the long sides.

Names as a stadium gives them: sections "101".."136" (lower), "201".."224" (middle),
"301".."340" (upper), numbered from the west end of the south (main) stand going round
anticlockwise as seen on the plan, which is left to right for the people sitting there;
rows "A" (nearest the pitch) .. "Z" without I and O, then "AA", "BB", ...; seats from 1
at each row's left end as its occupants face the pitch, numbering continuing across a
gangway inside a section. Seat ids are ``"<section>-<row>-<seat>"``, a wheelchair space's
ending in ``:wc`` (our convention, :mod:`boxoffice.domain.pretix_plan`); companion seats
are marked in the ``"x-boxoffice"`` key. Price categories go by tier and side
(:data:`STADIUM_CATEGORIES`, dearest first).

Plan units are pixels at 48 px per metre: a seat is 0.5 m wide (24 px), a row 0.75 m deep
(36 px); the pitch is 105 x 68 m. ``y`` grows downwards.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from boxoffice.domain.plan_generator import ROW_LETTERS

PX_PER_M = 48
SEAT_PITCH = 24
ROW_PITCH = 36
SEAT_RADIUS = 10
WHEELCHAIR_RADIUS = 13
GANGWAY_HALF = 36  # gangway centre line to the nearest seat centre (a 1 m gangway)
MAX_BLOCK_SEATS = 28  # seats between two gangways at most (UK Green Guide)
PITCH_W, PITCH_H = 105 * PX_PER_M, 68 * PX_PER_M
RUN_OFF = 6 * PX_PER_M
FRONT_RADIUS = 600.0  # corner radius of the lower tier's row A

#: Price categories, dearest first (the demo's stadium prices follow this order).
STADIUM_CATEGORIES = [
    {"name": "Club", "color": "#8e44ad"},
    {"name": "Lower Sideline", "color": "#c0392b"},
    {"name": "Middle Tier", "color": "#d35400"},
    {"name": "Lower Corner", "color": "#d68910"},
    {"name": "Lower End", "color": "#229954"},
    {"name": "Upper Sideline", "color": "#2e86c1"},
    {"name": "Upper Corner & End", "color": "#16a085"},
]


@dataclass(frozen=True)
class Tier:
    """One tier: its first row's distance from the core rectangle (px), how many rows,
    sections per long side / end / corner, the first section number, and whether it has
    a lateral gangway half way up or a wheelchair platform at the front or back."""

    name: str
    first_radius: float
    rows: int
    long_sections: int
    end_sections: int
    corner_sections: int
    first_number: int
    lateral_gangway: bool = False
    platform_front: bool = False  # on the long sides
    platform_back: bool = False  # on the long sides and the ends


def stadium_tiers(depth: float = 1.0) -> list[Tier]:
    """The three tiers; ``depth`` scales the number of rows (1.0: about 100,000 seats;
    smaller for tests, at least two rows a tier)."""

    def rows(n: int) -> int:
        return max(2, round(n * depth))

    lower_rows, middle_rows = rows(34), rows(16)
    lower = Tier("Lower", FRONT_RADIUS, lower_rows, 6, 4, 4, 101, platform_back=True)
    middle_first = lower.first_radius + (lower_rows + 1.5) * ROW_PITCH + 5 * PX_PER_M
    middle = Tier("Middle", middle_first, middle_rows, 5, 3, 2, 201, platform_front=True)
    upper_first = middle_first + (middle_rows + 1) * ROW_PITCH + 6 * PX_PER_M
    upper = Tier("Upper", upper_first, rows(40), 6, 4, 5, 301, lateral_gangway=True)
    return [lower, middle, upper]


@dataclass(frozen=True)
class Segment:
    """A piece of the core rectangle's outline: a straight side (``start``, unit
    ``direction``, outward ``normal``, ``length``) or a corner (``start`` = centre,
    angles from ``a0`` to ``a1`` in radians, y down)."""

    kind: str  # "long", "end" or "corner"
    start: tuple[float, float]
    direction: tuple[float, float] = (0.0, 0.0)
    normal: tuple[float, float] = (0.0, 0.0)
    length: float = 0.0
    a0: float = 0.0
    a1: float = 0.0

    def point(self, u: float, radius: float) -> tuple[float, float]:
        """The point at parameter ``u`` (0..1 along the segment) ``radius`` px out."""
        if self.kind == "corner":
            a = self.a0 + (self.a1 - self.a0) * u
            return self.start[0] + radius * math.cos(a), self.start[1] + radius * math.sin(a)
        d = u * self.length
        return (
            self.start[0] + self.direction[0] * d + self.normal[0] * radius,
            self.start[1] + self.direction[1] * d + self.normal[1] * radius,
        )

    def span(self, radius: float) -> float:
        """The segment's length in px at ``radius`` px out."""
        return abs(self.a1 - self.a0) * radius if self.kind == "corner" else self.length


def bowl_segments(cx: float, cy: float) -> list[Segment]:
    """The core rectangle's outline from the south-west end of the south side, going
    anticlockwise on the plan (left to right for the spectators)."""
    a = PITCH_W / 2 + RUN_OFF - FRONT_RADIUS
    b = PITCH_H / 2 + RUN_OFF - FRONT_RADIUS
    half = math.pi / 2
    return [
        Segment("long", (cx - a, cy + b), (1, 0), (0, 1), 2 * a),
        Segment("corner", (cx + a, cy + b), a0=half, a1=0.0),
        Segment("end", (cx + a, cy + b), (0, -1), (1, 0), 2 * b),
        Segment("corner", (cx + a, cy - b), a0=0.0, a1=-half),
        Segment("long", (cx + a, cy - b), (-1, 0), (0, -1), 2 * a),
        Segment("corner", (cx - a, cy - b), a0=-half, a1=-2 * half),
        Segment("end", (cx - a, cy - b), (0, 1), (-1, 0), 2 * b),
        Segment("corner", (cx - a, cy + b), a0=2 * half, a1=half),
    ]


def row_label(index: int) -> str:
    """Row ``index`` (0 = front) as a stadium names it: A..Z without I and O, then AA, BB..."""
    letters = ROW_LETTERS
    return letters[index % len(letters)] * (index // len(letters) + 1)


def category_of(tier: Tier, kind: str) -> str:
    """The price category of a section of ``tier`` on a ``kind`` segment."""
    if tier.name == "Middle":
        return "Club" if kind == "long" else "Middle Tier"
    if tier.name == "Lower":
        return {"long": "Lower Sideline", "corner": "Lower Corner", "end": "Lower End"}[kind]
    return "Upper Sideline" if kind == "long" else "Upper Corner & End"


def _block_positions(span: float) -> list[float]:
    """Seat centres (px from the block's start) of a block ``span`` px wide between two
    gangway centre lines, centred."""
    usable = span - 2 * GANGWAY_HALF
    if usable < 0:
        return []
    count = int(usable // SEAT_PITCH) + 1
    first = (span - (count - 1) * SEAT_PITCH) / 2
    return [first + i * SEAT_PITCH for i in range(count)]


def _platform_positions(span: float) -> list[tuple[float, bool]]:
    """(offset, is_wheelchair) along a platform ``span`` px wide between gangway centre
    lines: pairs of a companion seat (0.5 m) and a wheelchair space (0.9 m) beside it,
    0.5 m between pairs, centred."""
    space = 0.9 * PX_PER_M
    pair = SEAT_PITCH + space + SEAT_PITCH
    pairs = int((span - 2 * GANGWAY_HALF + SEAT_PITCH) // pair)
    start = (span - pairs * pair + SEAT_PITCH) / 2
    out = []
    for p in range(pairs):
        base = start + p * pair
        out += [(base + SEAT_PITCH / 2, False), (base + SEAT_PITCH + space / 2, True)]
    return out


@dataclass
class _Section:
    number: str
    category: str
    rows: list[tuple[str, list[tuple[str, float, float, bool, bool]]]]  # label, [(n, x, y, wc, companion)]


def _section_rows(tier: Tier, seg: Segment, u0: float, u1: float, category: str) -> _Section:
    """The rows of one section: the part ``u0``..``u1`` of segment ``seg`` in ``tier``."""
    back = tier.first_radius + (tier.rows - 1 + (1 if tier.lateral_gangway else 0)) * ROW_PITCH
    blocks = max(1, math.ceil((seg.span(back) * (u1 - u0) - 2 * GANGWAY_HALF) / (MAX_BLOCK_SEATS * SEAT_PITCH)))
    rows: list[tuple[str, list]] = []
    radius = tier.first_radius
    platform = (tier.platform_front and seg.kind == "long") or (tier.platform_back and seg.kind != "corner")
    if platform and tier.platform_front:
        rows.append(("WC", _platform(seg, u0, u1, radius)))
        radius += 1.5 * ROW_PITCH
    for r in range(tier.rows):
        if tier.lateral_gangway and r == tier.rows // 2:
            radius += ROW_PITCH  # a lateral gangway across the tier
        seats = []
        for b in range(blocks):
            bu0 = u0 + (u1 - u0) * b / blocks
            bu1 = u0 + (u1 - u0) * (b + 1) / blocks
            length = seg.span(radius) * (bu1 - bu0)
            for offset in _block_positions(length):
                x, y = seg.point(bu0 + (bu1 - bu0) * offset / length, radius)
                seats.append((x, y, False, False))
        rows.append((row_label(r), _number(seats)))
        radius += ROW_PITCH
    if platform and tier.platform_back:
        rows.append(("WC", _platform(seg, u0, u1, radius + 0.5 * ROW_PITCH)))
    return _Section("", category, rows)


def _platform(seg: Segment, u0: float, u1: float, radius: float) -> list:
    length = seg.span(radius) * (u1 - u0)
    seats = []
    for offset, wc in _platform_positions(length):
        x, y = seg.point(u0 + (u1 - u0) * offset / length, radius)
        seats.append((x, y, wc, not wc))
    return _number(seats)


def _number(seats: list[tuple[float, float, bool, bool]]) -> list[tuple[str, float, float, bool, bool]]:
    """Seats already in order along the row (left to right for their occupants): 1.."""
    return [(str(i + 1), x, y, wc, comp) for i, (x, y, wc, comp) in enumerate(seats)]


def _tier_sections(tier: Tier, segments: list[Segment]) -> list[_Section]:
    out = []
    number = tier.first_number
    for seg in segments:
        count = {"long": tier.long_sections, "end": tier.end_sections, "corner": tier.corner_sections}[seg.kind]
        for k in range(count):
            section = _section_rows(tier, seg, k / count, (k + 1) / count, category_of(tier, seg.kind))
            section.number = str(number)
            number += 1
            out.append(section)
    return out


def _zone(section: _Section, flags: dict) -> dict:
    """A pretix zone at the section's top left; rows at their middle seat; seats relative."""
    all_seats = [s for _, seats in section.rows for s in seats]
    zx = round(min(s[1] for s in all_seats) - 2 * SEAT_RADIUS)
    zy = round(min(s[2] for s in all_seats) - 2 * SEAT_RADIUS)
    rows = []
    for label, seats in section.rows:
        if not seats:
            continue
        mid = seats[len(seats) // 2]
        rx, ry = round(mid[1] - zx, 1), round(mid[2] - zy, 1)
        out = []
        for number, x, y, wc, companion in seats:
            guid = f"{section.number}-{label}-{number}" + (":wc" if wc else "")
            seat: dict[str, object] = {
                "seat_guid": guid,
                "seat_number": number,
                "position": {"x": round(x - zx - rx, 1), "y": round(y - zy - ry, 1)},
                "category": section.category,
            }
            if wc:
                seat["radius"] = WHEELCHAIR_RADIUS
            if companion:
                flags[guid] = {"companion": True}
            out.append(seat)
        rows.append({"row_number": label, "position": {"x": rx, "y": ry}, "seats": out})
    return {"name": section.number, "zone_id": f"s{section.number}", "position": {"x": zx, "y": zy}, "rows": rows}


def _pitch_zone(cx: float, cy: float) -> dict:
    """A zone without seats: the pitch (grass, halfway line, centre circle, the word PITCH)."""
    left, top = round(cx - PITCH_W / 2), round(cy - PITCH_H / 2)
    line = {"color": "#e8f5e9", "border_color": "#e8f5e9"}
    return {
        "name": "Pitch",
        "zone_id": "pitch",
        "position": {"x": 0, "y": 0},
        "rows": [],
        "areas": [
            {
                "shape": "rectangle",
                "position": {"x": left - RUN_OFF // 2, "y": top - RUN_OFF // 2},
                "rectangle": {"width": PITCH_W + RUN_OFF, "height": PITCH_H + RUN_OFF},
                "color": "#2e7d32",
                "border_color": "#1b5e20",
            },
            {
                "shape": "rectangle",
                "position": {"x": round(cx) - 4, "y": top},
                "rectangle": {"width": 8, "height": PITCH_H},
                **line,
            },
            {
                "shape": "circle",
                "position": {"x": round(cx), "y": round(cy)},
                "circle": {"radius": round(9.15 * PX_PER_M)},
                "color": "#2e7d32",
                "border_color": "#e8f5e9",
            },
            {
                "shape": "text",
                "position": {"x": 0, "y": 0},
                "text": {
                    "text": "PITCH",
                    "color": "#ffffff",
                    "size": 160,
                    "position": {"x": round(cx), "y": round(cy)},
                },
            },
        ],
    }


def demo_stadium(name: str = "Northgate Stadium", *, depth: float = 1.0) -> dict:
    """The demo stadium as a pretix plan dict (accepted by
    :func:`boxoffice.domain.pretix_plan.parse_plan`); ``depth`` scales the rows of every
    tier (1.0: about 100,000 seats in 100 sections; 0.1: a few thousand, for tests).

    Raises:
        ValueError: ``depth`` is not positive.
    """
    if not depth > 0:
        raise ValueError("depth must be positive")
    tiers = stadium_tiers(depth)
    upper = tiers[-1]
    outer = upper.first_radius + (upper.rows + 1) * ROW_PITCH + 3 * PX_PER_M
    a = PITCH_W / 2 + RUN_OFF - FRONT_RADIUS
    b = PITCH_H / 2 + RUN_OFF - FRONT_RADIUS
    width, height = math.ceil(2 * (a + outer)), math.ceil(2 * (b + outer))
    cx, cy = width / 2, height / 2
    segments = bowl_segments(cx, cy)
    flags: dict[str, dict] = {}
    zones = [_pitch_zone(cx, cy)]
    for tier in tiers:
        zones += [_zone(section, flags) for section in _tier_sections(tier, segments)]
    return {
        "name": name,
        "categories": [dict(c) for c in STADIUM_CATEGORIES],
        "zones": zones,
        "size": {"width": width, "height": height},
        "x-boxoffice": {"seats": flags},
    }
