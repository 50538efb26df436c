"""The demo cinema's four screens as pretix seating plans (pure: no database, no Qt).

:func:`cinema_screen` lays out one auditorium: the screen at the top, straight rows of
seats facing it split by a centre aisle (side aisles in the bigger screens), a back row
of wide recliners (their own price category "Recliner"), and wheelchair spaces at the
front, each with a companion seat beside it (flagged in our ``x-boxoffice`` extension,
see :mod:`boxoffice.domain.pretix_plan`). :data:`SCREENS` gives the four sizes: about
250, 150, 90 and 48 seats.
"""

from __future__ import annotations

from dataclasses import dataclass

from boxoffice.domain.plan_generator import ROW_LETTERS, SEAT_RADIUS

PITCH = 26  # seat centre to centre along a row
ROW_GAP = 34  # row centre to centre
RECLINER_PITCH = 46
AISLE = 40  # extra gap for an aisle between blocks
MARGIN = 50
SCREEN_TOP = 30
SCREEN_DEPTH = 26
FIRST_ROW_Y = 150

#: Price categories of every screen, dearest first.
CATEGORIES = [
    {"name": "Recliner", "color": "#7b1fa2"},
    {"name": "Standard", "color": "#1e88e5"},
    {"name": "Front", "color": "#43a047"},
]


@dataclass(frozen=True)
class ScreenSpec:
    """One auditorium: ``rows`` ordinary rows of ``blocks`` (seats per block, left to
    right, split by aisles), the first ``front_rows`` sold as "Front"; ``recliners`` wide
    seats in the back row; ``wheelchairs`` spaces (each with a companion) in row A."""

    name: str
    rows: int
    blocks: tuple[int, ...]
    front_rows: int
    recliners: int
    wheelchairs: int


SCREENS = (
    ScreenSpec("Screen 1", 11, (5, 12, 5), 2, 10, 4),
    ScreenSpec("Screen 2", 9, (14,), 2, 8, 2),
    ScreenSpec("Screen 3", 7, (5, 6), 1, 6, 2),
    ScreenSpec("Screen 4", 4, (5, 5), 0, 6, 1),
)


def _width(spec: ScreenSpec) -> float:
    seats = sum(spec.blocks) * PITCH + (len(spec.blocks) - 1) * AISLE
    return max(seats, spec.recliners * RECLINER_PITCH) + 2 * MARGIN


def _row_positions(spec: ScreenSpec, width: float) -> list[float]:
    """x of each seat of an ordinary row, left to right, blocks split by aisles."""
    span = sum(spec.blocks) * PITCH - PITCH + (len(spec.blocks) - 1) * AISLE
    x, out = (width - span) / 2, []
    for count in spec.blocks:
        for _ in range(count):
            out.append(x)
            x += PITCH
        x += AISLE  # the aisle after a block (none is used after the last)
    return out


def _seat(zone: str, row: str, number: int, x: float, y: float, category: str, wc: bool = False) -> dict:
    return {
        "seat_guid": f"{zone}-{row}-{number}" + (":wc" if wc else ""),
        "seat_number": str(number),
        "radius": SEAT_RADIUS,
        "position": {"x": round(x, 1), "y": 0},
        "category": category,
    }


def cinema_screen(spec: ScreenSpec) -> dict:
    """The pretix plan of one screen (see the module docstring)."""
    width = _width(spec)
    zone = spec.name.lower().replace(" ", "")
    rows, companions = [], []
    y = FIRST_ROW_Y
    letters = iter(ROW_LETTERS)
    if spec.wheelchairs:  # row A: pairs of (space, companion) spread across the front
        letter = next(letters)
        pair_w = 2 * PITCH + 20
        left = (width - (spec.wheelchairs * pair_w - 20)) / 2
        seats = []
        for i in range(spec.wheelchairs):
            x = left + i * pair_w
            seats.append(_seat(zone, letter, 2 * i + 1, x, y, "Front", wc=True))
            seats.append(_seat(zone, letter, 2 * i + 2, x + PITCH + 6, y, "Front"))
            companions.append(seats[-1]["seat_guid"])
        rows.append({"row_number": letter, "position": {"x": 0, "y": y}, "seats": seats})
        y += ROW_GAP + 8
    xs = _row_positions(spec, width)
    for k in range(spec.rows):
        letter = next(letters)
        category = "Front" if k < spec.front_rows else "Standard"
        seats = [_seat(zone, letter, n + 1, x, y, category) for n, x in enumerate(xs)]
        rows.append({"row_number": letter, "position": {"x": 0, "y": y}, "seats": seats})
        y += ROW_GAP
    if spec.recliners:
        letter = next(letters)
        y += 14
        left = (width - (spec.recliners - 1) * RECLINER_PITCH) / 2
        seats = [
            _seat(zone, letter, n + 1, left + n * RECLINER_PITCH, y, "Recliner") | {"radius": SEAT_RADIUS + 5}
            for n in range(spec.recliners)
        ]
        rows.append({"row_number": letter, "position": {"x": 0, "y": y}, "seats": seats})
        y += ROW_GAP
    screen_w = width - 2 * MARGIN - 40
    screen = {
        "name": "Screen",
        "zone_id": "screen",
        "position": {"x": 0, "y": 0},
        "rows": [],
        "areas": [
            {
                "shape": "rectangle",
                "position": {"x": round((width - screen_w) / 2), "y": SCREEN_TOP},
                "rectangle": {"width": round(screen_w), "height": SCREEN_DEPTH},
                "color": "#cfd8dc",
                "border_color": "#607d8b",
            },
            {
                "shape": "text",
                "position": {"x": 0, "y": 0},
                "text": {
                    "text": "SCREEN",
                    "color": "#37474f",
                    "size": 18,
                    "position": {"x": round(width / 2), "y": SCREEN_TOP + SCREEN_DEPTH // 2},
                },
            },
        ],
    }
    return {
        "name": spec.name,
        "categories": [dict(c) for c in CATEGORIES],
        "zones": [screen, {"name": "Auditorium", "zone_id": zone, "position": {"x": 0, "y": 0}, "rows": rows}],
        "size": {"width": round(width), "height": round(y + 40)},
        "x-boxoffice": {"seats": {guid: {"companion": True} for guid in companions}},
    }


def demo_cinema() -> list[dict]:
    """The four screens of the demo cinema, biggest first."""
    return [cinema_screen(spec) for spec in SCREENS]
