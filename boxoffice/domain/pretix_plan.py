"""Reading seating plans in pretix's public seating-plan JSON format (pure: no database, no Qt).

The format (pretix ``seating-plan.schema.json``, JSON Schema draft-07) in short::

    {"name": str, "categories": [{"name": str, "color": str?}],
     "size": {"width": int, "height": int}?,            # computed when missing
     "zones": [{"name"?, "zone_id"?, "uuid"?, "position": {x, y},
                "rows": [{"row_number": str, "row_label"?, "seat_label"?, "uuid"?,
                          "row_number_position"?, "position"?: {x, y},
                          "seats": [{"seat_guid": str, "seat_number": str, "uuid"?,
                                     "start_direction"?, "radius"?: int (10),
                                     "position": {x, y}, "category": str}]}],
                "areas": [{"shape": "rectangle"|"circle"|"ellipse"|"polygon"|"text", ...}]}]}

Every object refuses unknown properties. A seat's absolute position is
``zone.position + row.position (default 0, 0) + seat.position``; an area's is
``zone.position + area.position``. Shapes, polygon points and ``text.position`` stay
relative to the area's own (now absolute) position, which is how the seat map draws them.

Our additions on top of the schema (pretix itself checks none of these):

* every seat's ``category`` names a category of the plan, category names are unique and
  ``seat_guid`` is unique across the whole plan;
* a plan must have at least one seat; coordinates must be finite numbers; text lengths
  must fit the database columns (guid 200, row and seat labels 40, names 100/200).

**Wheelchair spaces.** pretix has no field for them, so we use a convention: a seat is a
wheelchair space if its ``seat_guid`` ends with ``:wc`` (e.g. ``stalls-T-3:wc``) or its
category's name contains "wheelchair" (any case).

**Our extension key.** pretix refuses unknown properties everywhere, so the seat
attributes pretix has no field for travel in one optional top-level key that only
boxoffice reads, ``"x-boxoffice"`` (:data:`EXTENSION_KEY`)::

    "x-boxoffice": {"seats": {"<seat_guid>": {"wheelchair"?: bool, "companion"?: bool,
                                             "restricted_view"?: bool, "not_for_sale"?: bool}}}

General-admission areas (sold by count, migration 0008) are ``"ga_areas": [{"name",
"capacity" (1-100,000), "category", "position": {"x", "y"}, "width", "height"}]`` in the
same key (:attr:`ParsedPlan.ga_areas`; names unique in any case, categories defined).

A ``wheelchair`` given there overrides the convention below; the other flags default to
false. Entries for guids the plan does not have are ignored. pretix itself would refuse a
file with this key: the plan editor's "Export for pretix" leaves it out.

**Sections.** Each zone that has at least one seat becomes a section (named by ``name``,
else ``zone_id``, else "Zone N"). The areas of a zone without seats (a stage, a bar) are
plan-wide decorations: their ``section`` is ``None``.

Errors are :class:`~boxoffice.domain.errors.PlanImportError` with a human message that
names the place, and ``details['where']`` holding a JSON path such as
``zones[1].rows[3].seats[0]``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema_rs
from jsonschema import Draft7Validator

from boxoffice.domain.errors import PlanImportError

WHEELCHAIR_SUFFIX = ":wc"
EXTENSION_KEY = "x-boxoffice"
SEAT_FLAGS = ("wheelchair", "companion", "restricted_view", "not_for_sale")
DEFAULT_RADIUS = 10
MARGIN = 40  # around the bounding box when the plan gives no size
PALETTE = ["#c0392b", "#2e86c1", "#229954", "#d68910", "#8e44ad", "#16a085", "#d35400", "#34495e"]

_XY = {
    "type": "object",
    "required": ["x", "y"],
    "additionalProperties": False,
    "properties": {"x": {"type": "number"}, "y": {"type": "number"}},
}
_NULLABLE_TEXT = {"type": ["string", "null"], "maxLength": 200}


def _obj(required: list[str], **properties) -> dict:
    return {"type": "object", "required": required, "additionalProperties": False, "properties": properties}


SEAT = _obj(
    ["seat_guid", "seat_number", "position", "category"],
    seat_guid={"type": "string", "minLength": 1, "maxLength": 200},
    seat_number={"type": "string", "maxLength": 40},
    uuid={"type": "string"},
    start_direction={"type": ["string", "null"]},
    radius={"type": "integer", "minimum": 1},
    position=_XY,
    category={"type": "string"},
)
ROW = _obj(
    ["row_number", "seats"],
    row_number={"type": "string", "maxLength": 40},
    row_label={"type": ["string", "null"], "maxLength": 40},
    seat_label=_NULLABLE_TEXT,
    uuid={"type": "string"},
    seats={"type": "array", "items": SEAT},
    row_number_position={"enum": ["start", "end", "both", None]},
    position=_XY,
)
AREA = _obj(
    [],
    color={"type": "string"},
    border_color={"type": "string"},
    rotation={"type": "number"},
    position=_XY,
    uuid={"type": "string"},
    shape={"enum": ["polygon", "rectangle", "ellipse", "circle", "text"]},
    polygon=_obj(["points"], points={"type": "array", "items": _XY}),
    rectangle=_obj(["width", "height"], width={"type": "integer"}, height={"type": "integer"}),
    ellipse=_obj(["radius"], radius=_XY),
    circle=_obj(["radius"], radius={"type": "integer"}),
    text=_obj(
        ["text", "position"], text={"type": "string"}, color={"type": "string"}, size={"type": "integer"}, position=_XY
    ),
)
ZONE = _obj(
    ["position", "rows"],
    name={"type": "string", "maxLength": 200},
    zone_id={"type": "string", "maxLength": 200},
    uuid={"type": "string"},
    position=_XY,
    rows={"type": "array", "items": ROW},
    areas={"type": "array", "items": AREA},
)
MAX_GA_CAPACITY = 100_000
GA_AREA = _obj(
    ["name", "capacity", "category", "position", "width", "height"],
    name={"type": "string", "minLength": 1, "maxLength": 100},
    capacity={"type": "integer", "minimum": 1, "maximum": MAX_GA_CAPACITY},
    category={"type": "string"},
    position=_XY,
    width={"type": "number", "exclusiveMinimum": 0},
    height={"type": "number", "exclusiveMinimum": 0},
)
EXTENSION = {
    "type": "object",
    "properties": {
        "seats": {
            "type": "object",
            "additionalProperties": _obj([], **{flag: {"type": "boolean"} for flag in SEAT_FLAGS}),
        },
        "ga_areas": {"type": "array", "items": GA_AREA},
    },
}
CATEGORY = _obj(["name"], name={"type": "string", "minLength": 1, "maxLength": 100}, color={"type": "string"})
#: The whole plan, draft-07. ``size`` is optional here (older pretix plans lack it).
PLAN_SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    **_obj(
        ["name", "categories", "zones"],
        name={"type": "string", "maxLength": 200},
        categories={"type": "array", "items": CATEGORY},
        zones={"type": "array", "items": ZONE},
        size=_obj(
            ["width", "height"], width={"type": "integer", "minimum": 1}, height={"type": "integer", "minimum": 1}
        ),
        **{EXTENSION_KEY: EXTENSION},
    ),
}
_VALIDATOR = Draft7Validator(PLAN_SCHEMA)
# The same schema checked in Rust (jsonschema-rs): 0.1 s instead of 20 s for a 100,000-seat
# plan. It only says "valid or not"; the messages (and the final word) stay with
# ``jsonschema`` above, which runs only when the fast check finds something.
_FAST_VALIDATOR = jsonschema_rs.Draft7Validator(PLAN_SCHEMA)


def _schema_errors(data: dict) -> list:
    """The schema errors of ``data`` (``jsonschema`` errors), checked fast when it is valid."""
    try:
        if _FAST_VALIDATOR.is_valid(data):
            return []
    except (ValueError, TypeError, OverflowError):  # not JSON-shaped (e.g. a non-text key)
        pass
    return list(_VALIDATOR.iter_errors(data))


@dataclass(frozen=True, slots=True)
class PlanCategory:
    """A price category: ``name`` and ``color`` (``#rrggbb``)."""

    name: str
    color: str


@dataclass(frozen=True, slots=True)
class PlanSection:
    """A zone with seats: display ``name`` and the zone's absolute ``x``, ``y``."""

    name: str
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class PlanSeat:
    """A seat at absolute ``x``, ``y``; ``section`` indexes :attr:`ParsedPlan.sections`."""

    guid: str
    section: int
    row_label: str
    seat_number: str
    x: float
    y: float
    radius: float
    category: str
    wheelchair: bool
    companion: bool = False
    restricted_view: bool = False
    not_for_sale: bool = False


@dataclass(frozen=True, slots=True)
class PlanArea:
    """A pretix area dict whose ``position`` is absolute; ``section`` or ``None``."""

    shape: dict
    section: int | None


@dataclass(frozen=True, slots=True)
class PlanGaArea:
    """A general-admission area (``x-boxoffice.ga_areas``): a capacity sold by count, a
    price category and a rectangle (absolute top-left ``x``, ``y``, ``w`` x ``h``)."""

    name: str
    capacity: int
    category: str
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class ParsedPlan:
    """A checked plan: everything needed to store it, in file order."""

    name: str
    width: float
    height: float
    zones: int
    rows: int
    categories: tuple[PlanCategory, ...]
    sections: tuple[PlanSection, ...]
    seats: tuple[PlanSeat, ...]
    areas: tuple[PlanArea, ...]
    ga_areas: tuple[PlanGaArea, ...] = ()

    @property
    def wheelchair_spaces(self) -> int:
        """How many seats are wheelchair spaces."""
        return sum(1 for s in self.seats if s.wheelchair)


def load_plan_file(path: str | Path) -> dict:
    """Read a plan file as a JSON object (not yet checked: see :func:`parse_plan`).

    Raises:
        PlanImportError: the file cannot be read, is not UTF-8 JSON (the message gives
            line and column), uses NaN/Infinity, or its top level is not an object.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise PlanImportError(f"Cannot read the seating plan file {str(path)!r}: {reason}.", where="") from None

    def no_constants(name: str):
        raise ValueError(f"{name} is not allowed in a seating plan")

    try:
        data = json.loads(text, parse_constant=no_constants)
    except json.JSONDecodeError as exc:
        raise PlanImportError(
            f"{path.name} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}.", where=""
        ) from None
    except ValueError as exc:
        raise PlanImportError(f"{path.name} is not valid JSON: {exc}.", where="") from None
    if not isinstance(data, dict):
        raise PlanImportError(
            f"{path.name} is not a seating plan: expected a JSON object at the top, found {_kind(data)}.", where=""
        )
    return data


def parse_plan(data: dict) -> ParsedPlan:
    """Check a pretix plan (a dict as from :func:`load_plan_file`) and flatten it.

    Returns a :class:`ParsedPlan` with absolute seat and area positions.

    Raises:
        PlanImportError: the first schema violation (in document order), or a broken
            rule from the module docstring; ``details['where']`` is the JSON path.
    """
    if not isinstance(data, dict):
        raise PlanImportError(f"A seating plan must be a JSON object, not {_kind(data)}.", where="")
    errors = _schema_errors(data)
    if errors:
        first = min(errors, key=lambda e: (_document_order(data, e.absolute_path), len(e.absolute_schema_path)))
        where = json_path(first.absolute_path)
        raise PlanImportError(
            f"The seating plan is invalid at {where or 'the top level'}: {_plain(first)}.", where=where
        )
    _refuse_non_finite(_without_seats(data))
    categories = _categories(data["categories"])
    known = {c.name for c in categories}
    wheelchair_categories = {c.name for c in categories if "wheelchair" in c.name.lower()}
    flags_of = data.get(EXTENSION_KEY, {}).get("seats", {})
    seen: dict[str, tuple[int, int, int]] = {}
    sections: list[PlanSection] = []
    seats: list[PlanSeat] = []
    areas: list[PlanArea] = []
    rows = 0
    isfinite = math.isfinite
    for z, zone in enumerate(data["zones"]):
        zx, zy = _xy(zone["position"])
        section = len(sections)
        count_before = len(seats)
        for r, row in enumerate(zone["rows"]):
            rows += 1
            rx, ry = _xy(row.get("position"))
            ox, oy = zx + rx, zy + ry
            label = row.get("row_label") or row["row_number"]
            for s, seat in enumerate(row["seats"]):
                guid, category = seat["seat_guid"], seat["category"]
                if category not in known:
                    where = f"zones[{z}].rows[{r}].seats[{s}]"
                    raise PlanImportError(
                        f"The seat at {where} is in category {category!r}, which the plan does not define "
                        f"(defined: {', '.join(sorted(known)) or 'none'}).",
                        where=where,
                    )
                if guid in seen:
                    where = f"zones[{z}].rows[{r}].seats[{s}]"
                    raise PlanImportError(
                        f"Seat id {guid!r} is used twice: at {_seat_path(*seen[guid])} and at {where}.", where=where
                    )
                seen[guid] = (z, r, s)
                position = seat["position"]
                sx, sy = position["x"], position["y"]
                if not (isfinite(sx) and isfinite(sy)):  # the rest of the plan: _refuse_non_finite
                    _refuse_non_finite(position, f"zones[{z}].rows[{r}].seats[{s}].position")
                flags = flags_of.get(guid)
                if flags is None:
                    flags = {}
                conventional = guid.endswith(WHEELCHAIR_SUFFIX) or category in wheelchair_categories
                seats.append(
                    PlanSeat(
                        guid,
                        section,
                        label,
                        seat["seat_number"],
                        ox + sx,
                        oy + sy,
                        float(seat.get("radius", DEFAULT_RADIUS)),
                        category,
                        flags.get("wheelchair", conventional),
                        flags.get("companion", False),
                        flags.get("restricted_view", False),
                        flags.get("not_for_sale", False),
                    )
                )
        has_seats = len(seats) > count_before
        if has_seats:
            name = zone.get("name") or zone.get("zone_id") or f"Zone {z + 1}"
            sections.append(PlanSection(name=name, x=zx, y=zy))
        for area in zone.get("areas", []):
            ax, ay = _xy(area.get("position"))
            shape = dict(area, position={"x": zx + ax, "y": zy + ay})
            areas.append(PlanArea(shape=shape, section=section if has_seats else None))
    if not data["zones"]:
        raise PlanImportError("The seating plan has no zones, so no seats to sell.", where="zones")
    if not seats:
        raise PlanImportError("The seating plan has no seats: every zone's rows are empty.", where="zones")
    ga_areas = _ga_areas(data.get(EXTENSION_KEY, {}).get("ga_areas", []), known)
    size = data.get("size")
    if size:
        width, height = float(size["width"]), float(size["height"])
    else:
        width, height = _bounding_size(seats, areas)
    return ParsedPlan(
        name=data["name"].strip(),
        width=width,
        height=height,
        zones=len(data["zones"]),
        rows=rows,
        categories=tuple(categories),
        sections=tuple(sections),
        seats=tuple(seats),
        areas=tuple(areas),
        ga_areas=ga_areas,
    )


def _ga_areas(raw: list[dict], known: set[str]) -> tuple[PlanGaArea, ...]:
    out: list[PlanGaArea] = []
    names: set[str] = set()
    for i, area in enumerate(raw):
        where = f"{EXTENSION_KEY}.ga_areas[{i}]"
        name = area["name"].strip()
        if not name:
            raise PlanImportError(f"The general-admission area at {where} has no name.", where=where)
        if name.lower() in names:
            raise PlanImportError(f"Two general-admission areas are called {name!r}.", where=where)
        names.add(name.lower())
        if area["category"] not in known:
            raise PlanImportError(
                f"The general-admission area {name!r} is in category {area['category']!r}, "
                "which the plan does not define.",
                where=where,
            )
        x, y = _xy(area["position"])
        out.append(
            PlanGaArea(name, area["capacity"], area["category"], x, y, float(area["width"]), float(area["height"]))
        )
    return tuple(out)


def json_path(parts) -> str:
    """``['zones', 1, 'rows', 3]`` -> ``'zones[1].rows[3]'`` (``''`` for the top level)."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _categories(raw: list[dict]) -> list[PlanCategory]:
    out: list[PlanCategory] = []
    seen: dict[str, int] = {}
    for i, cat in enumerate(raw):
        name = cat["name"]
        if name in seen:
            raise PlanImportError(
                f"Category {name!r} is defined twice: at categories[{seen[name]}] and categories[{i}].",
                where=f"categories[{i}]",
            )
        seen[name] = i
        out.append(PlanCategory(name=name, color=_color(cat.get("color"), i)))
    return out


def _color(value: str | None, index: int) -> str:
    """``#rgb``/``#rrggbb`` normalised to lower-case ``#rrggbb``; anything else (missing,
    CSS names, rgb()) becomes a palette colour picked by the category's position."""
    value = (value or "").strip().lower()
    digits = value[1:]
    if value.startswith("#") and len(digits) in (3, 6) and all(c in "0123456789abcdef" for c in digits):
        return "#" + ("".join(c * 2 for c in digits) if len(digits) == 3 else digits)
    return PALETTE[index % len(PALETTE)]


def _xy(pos: dict | None) -> tuple[float, float]:
    return (0.0, 0.0) if pos is None else (float(pos["x"]), float(pos["y"]))


def _bounding_size(seats: list[PlanSeat], areas: list[PlanArea]) -> tuple[float, float]:
    """Width and height reaching every seat and area (from the origin) plus a margin."""
    xs = [s.x + s.radius for s in seats]
    ys = [s.y + s.radius for s in seats]
    for area in areas:
        for x, y in _area_points(area.shape):
            xs.append(x)
            ys.append(y)
    return math.ceil(max(xs) + MARGIN), math.ceil(max(ys) + MARGIN)


def _area_points(area: dict) -> list[tuple[float, float]]:
    """Absolute corner points of an area's shape, rotated about its position."""
    px, py = area["position"]["x"], area["position"]["y"]
    if "rectangle" in area:
        w, h = area["rectangle"]["width"], area["rectangle"]["height"]
        local = [(0, 0), (w, 0), (w, h), (0, h)]
    elif "circle" in area:
        r = area["circle"]["radius"]
        local = [(-r, -r), (r, r), (-r, r), (r, -r)]
    elif "ellipse" in area:
        rx, ry = area["ellipse"]["radius"]["x"], area["ellipse"]["radius"]["y"]
        local = [(-rx, -ry), (rx, ry), (-rx, ry), (rx, -ry)]
    elif "polygon" in area:
        local = [(p["x"], p["y"]) for p in area["polygon"]["points"]]
    else:
        local = []
    if "text" in area:
        tp = area["text"]["position"]
        local.append((tp["x"], tp["y"]))
    turn = math.radians(float(area.get("rotation") or 0))
    c, s = math.cos(turn), math.sin(turn)
    points = [(px + x * c - y * s, py + x * s + y * c) for x, y in local] or [(px, py)]
    return points


_TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "object": "an object",
    "array": "a list",
    "boolean": "true or false",
    "null": "null",
}


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "an object" if isinstance(value, dict) else type(value).__name__


def _plain(error) -> str:
    """A person's version of a jsonschema error message."""
    kind, arg, value = error.validator, error.validator_value, error.instance
    if kind == "required":
        missing = [name for name in arg if isinstance(value, dict) and name not in value]
        return f"the field {missing[0]!r} is missing" if missing else error.message
    if kind == "additionalProperties":
        extra = sorted(k for k in value if k not in error.schema.get("properties", {}))
        return f"unknown field {extra[0]!r} (this format allows only: {', '.join(error.schema['properties'])})"
    if kind == "type":
        wanted = [arg] if isinstance(arg, str) else list(arg)
        return f"expected {' or '.join(_TYPE_NAMES.get(t, t) for t in wanted)}, found {_kind(value)} ({_short(value)})"
    if kind == "enum":
        return f"{_short(value)} is not one of {', '.join(json.dumps(v) for v in arg)}"
    if kind == "maxLength":
        return f"{_short(value)} is longer than {arg} characters"
    if kind == "minLength":
        return "the text must not be empty"
    if kind == "minimum":
        return f"{value!r} is below the minimum of {arg}"
    return error.message


def _short(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:37] + "..."


def _document_order(data: object, path) -> tuple[int, ...]:
    """Sort key putting a JSON path in the order its place appears in the document."""
    key: list[int] = []
    node: Any = data
    for part in path:
        if isinstance(node, dict):
            key.append(list(node).index(part) if part in node else -1)
            node = node.get(part)
        else:
            key.append(part)
            node = node[part]
    return tuple(key)


def _seat_path(z: int, r: int, s: int) -> str:
    return f"zones[{z}].rows[{r}].seats[{s}]"


def _without_seats(data: dict) -> dict:
    """``data`` with every row's seats left out (they are checked while flattening)."""
    zones = [
        {**zone, "rows": [{**row, "seats": []} for row in zone["rows"]]} if isinstance(zone, dict) else zone
        for zone in data["zones"]
    ]
    return {**data, "zones": zones}


def _refuse_non_finite(data: object, prefix: str = "") -> None:
    """Refuse NaN and infinities (JSON has none; a dict built in Python might) anywhere in
    ``data`` (found at JSON path ``prefix``)."""
    try:
        json.dumps(data, allow_nan=False)
        return
    except ValueError:
        pass
    stack: list[tuple[object, list]] = [(data, [])]
    while stack:
        node, path = stack.pop()
        if isinstance(node, float) and not math.isfinite(node):
            where = prefix + ("." if prefix and path and not isinstance(path[0], int) else "") + json_path(path)
            raise PlanImportError(
                f"The seating plan is invalid at {where}: {node} is not a finite number.", where=where
            )
        if isinstance(node, dict):
            stack.extend((v, [*path, k]) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((v, [*path, i]) for i, v in enumerate(node))
