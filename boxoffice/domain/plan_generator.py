"""Generated seating plans in pretix format (pure functions; no database, no Qt).

* :func:`demo_theatre` - the demo "Riverside Theatre": about 1,000 seats in curved rows
  (stalls, circle, balcony) below a stage, with aisles, four wheelchair spaces and their
  companion seats, and four price categories.
* :func:`generate_grid_plan` - a plain plan of exactly N seats in straight rows over
  several zones, for benchmarks and tests.

Both return a dict that :func:`boxoffice.domain.pretix_plan.parse_plan` accepts. Plan units
are pixels, ``y`` grows downwards (the stage is at the top). Wheelchair spaces follow our
convention (``seat_guid`` ends with ``:wc``, see :mod:`boxoffice.domain.pretix_plan`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

SEAT_RADIUS = 10
SEAT_PITCH = 24  # centre to centre along a row
ROW_PITCH = 32  # centre to centre between rows
AISLE_HALF = 26  # aisle centre line to the nearest seat centre
ROW_LETTERS = [c for c in "ABCDEFGHJKLMNPQRSTUVWXYZ"]  # I and O are never used (1 and 0)

#: The demo's price categories, dearest first (the demo prices follow this order).
CATEGORIES = [
    {"name": "Premium", "color": "#c0392b"},
    {"name": "Standard", "color": "#2e86c1"},
    {"name": "Balcony", "color": "#229954"},
    {"name": "Restricted View", "color": "#d68910"},
]
PLAN_WIDTH = 1100
CENTRE_X = PLAN_WIDTH / 2
STALLS_FRONT_RADIUS = 900.0  # radius of stalls row A's arc
STALLS_FRONT_Y = 235.0  # plan y of the middle of stalls row A
FOCUS_Y = STALLS_FRONT_Y - STALLS_FRONT_RADIUS  # the common centre of all rows' arcs, behind the stage


@dataclass(frozen=True)
class PlacedSeat:
    """A seat at an absolute position, before it is written in pretix form."""

    number: int
    x: float
    y: float
    category: str
    wheelchair: bool = False


def arc_positions(radius: float, angles: list[float]) -> list[tuple[float, float]]:
    """Absolute points on the arc of ``radius`` around the common focus, one per angle
    (radians, 0 = straight down the middle, positive = to the right of the plan)."""
    return [(CENTRE_X + radius * math.sin(a), FOCUS_Y + radius * math.cos(a)) for a in angles]


def block_angles(radius: float, start: float, end: float, *, align: str) -> list[float]:
    """Angles of seats spaced :data:`SEAT_PITCH` apart along the arc between angles
    ``start`` < ``end``; ``align`` is ``"centre"``, ``"start"`` or ``"end"`` (which edge
    the seats keep to, e.g. the aisle side)."""
    length = (end - start) * radius
    if length < 0:
        return []
    count = int(length // SEAT_PITCH) + 1
    step = SEAT_PITCH / radius
    span = (count - 1) * step
    first = {"centre": (start + end - span) / 2, "start": start, "end": end - span}[align]
    return [first + i * step for i in range(count)]


def curved_row(radius: float, half_width: float, aisle_angle: float) -> list[list[float]]:
    """Seat angles of one row as three blocks (left, centre, right) split by two radial
    aisles at ``+-aisle_angle``; the outer walls are at ``+-half_width`` plan pixels."""
    edge = math.asin(min(1.0, (half_width - SEAT_RADIUS) / radius))
    gap = AISLE_HALF / radius
    centre = block_angles(radius, -aisle_angle + gap, aisle_angle - gap, align="centre")
    right = block_angles(radius, aisle_angle + gap, edge, align="start")
    left = [-a for a in reversed(right)]
    return [left, centre, right]


def _number(blocks: list[list[tuple[float, float, str, bool]]]) -> list[PlacedSeat]:
    """Number a row's seats 1.. from the left of the plan across all its blocks."""
    flat = [seat for block in blocks for seat in block]
    flat.sort(key=lambda s: s[0])
    return [PlacedSeat(i + 1, x, y, cat, wc) for i, (x, y, cat, wc) in enumerate(flat)]


def _stalls(front_radius: float) -> list[tuple[str, list[PlacedSeat]]]:
    letters = ROW_LETTERS[:18]  # A..T without I and O
    aisle = math.asin(105 / front_radius)
    rows = []
    for k, letter in enumerate(letters):
        radius = front_radius + k * ROW_PITCH
        left, centre, right = curved_row(radius, 330 + 8 * k, aisle)
        back = k >= len(letters) - 2  # under the circle's overhang
        side_cat = "Restricted View" if back else "Standard"
        sides = [(x, y, side_cat, False) for x, y in arc_positions(radius, left + right)]
        if letter == letters[-1]:
            middle = _wheelchair_block(radius)
        else:
            cat = "Premium" if k < 9 else side_cat
            middle = [(x, y, cat, False) for x, y in arc_positions(radius, centre)]
        rows.append((letter, _number([sides, middle])))
    return rows


def _wheelchair_block(radius: float) -> list[tuple[float, float, str, bool]]:
    """Four wheelchair spaces, each with a companion seat beside it, spaced out so a
    chair fits: (companion, space) pairs with a wide gap between pairs."""
    offsets = []
    for pair in range(4):
        start = pair * (3 * SEAT_PITCH + 12)
        offsets += [(start, False), (start + SEAT_PITCH + 6, True)]
    span = offsets[-1][0]
    out = []
    for offset, wc in offsets:
        ((x, y),) = arc_positions(radius, [(offset - span / 2) / radius])
        out.append((x, y, "Standard", wc))
    return out


def _tier(
    first_radius: float, letters: list[str], half_width: float, aisle_x: float, category
) -> list[tuple[str, list[PlacedSeat]]]:
    """Rows of a raised tier (circle, balcony): ``category(k, block, index_from_wall)``."""
    aisle = math.asin(aisle_x / first_radius)
    rows = []
    for k, letter in enumerate(letters):
        radius = first_radius + k * ROW_PITCH
        blocks = curved_row(radius, half_width + 6 * k, aisle)
        placed = []
        for b, angles in enumerate(blocks):
            n = len(angles)
            for i, (x, y) in enumerate(arc_positions(radius, angles)):
                from_wall = i if b == 0 else (n - 1 - i if b == 2 else n)
                placed.append((x, y, category(k, b, from_wall), False))
        rows.append((letter, _number([placed])))
    return rows


def _zone(name: str, zone_id: str, rows: list[tuple[str, list[PlacedSeat]]]) -> dict:
    """A pretix zone from absolute seats: the zone sits at its top left, each row at its
    middle seat, each seat relative to its row (so all three offsets are exercised)."""
    zx = round(min(s.x for _, seats in rows for s in seats) - 2 * SEAT_RADIUS)
    zy = round(min(s.y for _, seats in rows for s in seats) - 2 * SEAT_RADIUS)
    out_rows = []
    for letter, seats in rows:
        mid = seats[len(seats) // 2]
        rx, ry = round(mid.x - zx, 1), round(mid.y - zy, 1)
        out_rows.append(
            {
                "row_number": letter,
                "row_label": None,
                "row_number_position": "both",
                "position": {"x": rx, "y": ry},
                "seats": [
                    {
                        "seat_guid": f"{zone_id}-{letter}-{s.number}" + (":wc" if s.wheelchair else ""),
                        "seat_number": str(s.number),
                        "radius": SEAT_RADIUS,
                        "position": {"x": round(s.x - zx - rx, 1), "y": round(s.y - zy - ry, 1)},
                        "category": s.category,
                    }
                    for s in seats
                ],
            }
        )
    return {"name": name, "zone_id": zone_id, "position": {"x": zx, "y": zy}, "rows": out_rows, "areas": []}


def stage_zone(centre_x: float, top: float, width: int, height: int) -> dict:
    """A zone without seats holding the stage: a rectangle and the word STAGE on it.

    The text area sits at the zone origin with its text at the stage centre, so the
    label lands in the same place whether a reader takes ``text.position`` as relative to
    the area or to the zone."""
    left = round(centre_x - width / 2)
    return {
        "name": "Stage",
        "zone_id": "stage",
        "position": {"x": 0, "y": 0},
        "rows": [],
        "areas": [
            {
                "shape": "rectangle",
                "position": {"x": left, "y": top},
                "rectangle": {"width": width, "height": height},
                "color": "#5d4037",
                "border_color": "#3e2723",
            },
            {
                "shape": "text",
                "position": {"x": 0, "y": 0},
                "text": {
                    "text": "STAGE",
                    "color": "#ffffff",
                    "size": 28,
                    "position": {"x": round(centre_x), "y": round(top + height / 2)},
                },
            },
        ],
    }


def demo_theatre(name: str = "Riverside Theatre") -> dict:
    """The demo theatre in pretix format: stage at the top; stalls (rows A-T, premium
    centre front, restricted view under the overhang, wheelchair spaces in row T),
    circle (rows A-K, premium centre front, restricted view at the walls' ends) and
    balcony (rows A-F), all on arcs around one focus behind the stage."""
    stalls_front = STALLS_FRONT_RADIUS
    stalls = _stalls(stalls_front)
    circle_front = stalls_front + 17 * ROW_PITCH + 120
    circle = _tier(
        circle_front,
        ROW_LETTERS[:10],
        380,
        150,
        lambda k, b, wall: "Restricted View" if wall < 2 and k < 4 else ("Premium" if b == 1 and k < 3 else "Standard"),
    )
    balcony_front = circle_front + 9 * ROW_PITCH + 120
    balcony = _tier(balcony_front, ROW_LETTERS[:6], 330, 150, lambda k, b, wall: "Balcony")
    zones = [
        stage_zone(CENTRE_X, 30, 520, 90),
        _zone("Stalls", "stalls", stalls),
        _zone("Circle", "circle", circle),
        _zone("Balcony", "balcony", balcony),
    ]
    bottom = max(s.y for _, seats in balcony for s in seats)
    return {
        "name": name,
        "categories": [dict(c) for c in CATEGORIES],
        "zones": zones,
        "size": {"width": PLAN_WIDTH, "height": math.ceil(bottom + 60)},
        "x-boxoffice": {"seats": {guid: {"companion": True} for guid in _companion_guids("stalls", stalls)}},
    }


def _companion_guids(zone_id: str, rows: list[tuple[str, list[PlacedSeat]]]) -> list[str]:
    """The guids of the companion seats: the seat left of each wheelchair space."""
    out = []
    for letter, seats in rows:
        ordered = sorted(seats, key=lambda s: s.x)
        for k, seat in enumerate(ordered):
            if seat.wheelchair and k > 0 and not ordered[k - 1].wheelchair:
                out.append(f"{zone_id}-{letter}-{ordered[k - 1].number}")
    return out


def generate_grid_plan(
    seats: int, *, seats_per_row: int = 50, rows_per_zone: int = 100, zones_per_line: int = 2
) -> dict:
    """A pretix plan of exactly ``seats`` seats in straight rows: zones ("Block 1"...) of
    up to ``rows_per_zone`` rows of ``seats_per_row``, laid out ``zones_per_line`` side
    by side below a stage; categories by row bands.

    Raises:
        ValueError: ``seats`` < 1 or a non-positive layout number.
    """
    if seats < 1 or min(seats_per_row, rows_per_zone, zones_per_line) < 1:
        raise ValueError("seats and layout numbers must be positive")
    per_zone = seats_per_row * rows_per_zone
    zone_count = math.ceil(seats / per_zone)
    zone_w = seats_per_row * SEAT_PITCH + 80
    zone_h = rows_per_zone * ROW_PITCH + 80
    width = zones_per_line * zone_w + 40
    zones, left = [], seats
    for z in range(zone_count):
        line, col = divmod(z, zones_per_line)
        n_zone = min(left, per_zone)
        left -= n_zone
        rows = []
        for r in range(math.ceil(n_zone / seats_per_row)):
            count = min(seats_per_row, n_zone - r * seats_per_row)
            band = CATEGORIES[min(r * len(CATEGORIES) // rows_per_zone, len(CATEGORIES) - 1)]["name"]
            label = str(r + 1)
            rows.append(
                {
                    "row_number": label,
                    "position": {"x": 0, "y": r * ROW_PITCH},
                    "seats": [
                        {
                            "seat_guid": f"z{z + 1}-r{label}-s{i + 1}",
                            "seat_number": str(i + 1),
                            "position": {"x": i * SEAT_PITCH, "y": 0},
                            "category": band,
                        }
                        for i in range(count)
                    ],
                }
            )
        zones.append(
            {
                "name": f"Block {z + 1}",
                "zone_id": f"z{z + 1}",
                "position": {"x": 40 + col * zone_w, "y": 180 + line * zone_h},
                "rows": rows,
            }
        )
    zones.insert(0, stage_zone(width / 2, 30, min(width - 80, 800), 90))
    lines = math.ceil(zone_count / zones_per_line)
    return {
        "name": f"Grid {seats}",
        "categories": [dict(c) for c in CATEGORIES],
        "zones": zones,
        "size": {"width": width, "height": 180 + lines * zone_h},
    }
