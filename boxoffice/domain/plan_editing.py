"""An editable seating plan and the edits a manager makes to it (pure: no Qt, no database).

The model mirrors pretix's structure so nothing is lost on the way in and out
(:mod:`boxoffice.domain.plan_exchange` converts): an :class:`EditablePlan` has price
``categories`` and ``zones`` (our *sections*); a zone has ``rows`` and ``areas``; a row
has ``seats``. Unlike the file, every position here is **absolute** (plan pixels, ``y``
grows downwards, the stage is usually at the top), so edits never have to care about the
zone and row offsets; those origins are kept only to write the file back.

Seats are identified by their ``guid`` (pretix ``seat_guid``): it never changes when a
seat is moved, renumbered or recategorised, which is what lets a showtime move to a newer
plan version (``services/plan_editor.migrate_showtime``). Rows and areas carry an editor
``key`` (an int, unique within the plan, not stored in the file).

Edits are plain functions that change a plan in place; the editor clones the plan
(:meth:`EditablePlan.clone`) around each edit for undo. :func:`validate` lists what must be
fixed before a plan can be saved (:mod:`boxoffice.domain.plan_validation`).
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass, field

DEFAULT_RADIUS = 10.0
FLAGS = ("wheelchair", "companion", "restricted_view", "not_for_sale")
MAX_LABEL = 40  # row and seat labels (database columns)


@dataclass(slots=True)
class EditSeat:
    """A seat: ``guid`` (unique in the plan), its ``number`` label, absolute centre ``x``,
    ``y`` and ``radius`` (pixels; ``None``: not given in the file, drawn as 10), its price
    ``category`` name (``None``: not yet chosen) and our flags. ``extra`` keeps pretix
    fields the editor does not change (``uuid``, ``start_direction``)."""

    guid: str
    number: str
    x: float
    y: float
    category: str | None = None
    radius: float | None = None
    wheelchair: bool = False
    companion: bool = False
    restricted_view: bool = False
    not_for_sale: bool = False
    extra: dict = field(default_factory=dict)

    @property
    def r(self) -> float:
        """The radius used for drawing and overlap checks."""
        return DEFAULT_RADIUS if self.radius is None else float(self.radius)


@dataclass(slots=True)
class EditRow:
    """A row: ``number`` is pretix's ``row_number``, ``label`` its optional ``row_label``
    (shown instead when set); ``origin`` is the row's absolute origin in the file (``None``:
    the row had no ``position``). ``extra`` keeps ``uuid``, ``seat_label``,
    ``row_number_position``."""

    key: int = field(compare=False)  # editor-only identity, not part of the plan
    number: str
    seats: list[EditSeat] = field(default_factory=list)
    label: str | None = None
    origin: tuple[float, float] | None = None
    extra: dict = field(default_factory=dict)

    @property
    def display(self) -> str:
        """The label people see: ``label`` if set, else ``number``."""
        return self.label or self.number


@dataclass(slots=True)
class EditArea:
    """A drawn area (stage, text label, bar...): a pretix area dict whose ``position`` is
    absolute (shapes and ``text.position`` stay relative to it, as in the file)."""

    key: int = field(compare=False)  # editor-only identity, not part of the plan
    data: dict


@dataclass(slots=True)
class EditZone:
    """A zone: ``name`` (the section name; may be empty for decoration zones),
    ``zone_id``, absolute ``origin``, rows and areas. ``extra`` keeps ``uuid``."""

    name: str
    origin: tuple[float, float] = (0.0, 0.0)
    zone_id: str | None = None
    rows: list[EditRow] = field(default_factory=list)
    areas: list[EditArea] = field(default_factory=list)
    extra: dict = field(default_factory=dict)

    @property
    def title(self) -> str:
        """The section name people see."""
        return self.name or self.zone_id or "Zone"


@dataclass(slots=True)
class Category:
    """A price category: ``name`` and ``color`` (``#rrggbb``; ``None``: not given)."""

    name: str
    color: str | None = None


@dataclass
class EditablePlan:
    """A whole plan being edited; ``size`` is ``(width, height)`` or ``None`` (computed on
    import). ``extension`` keeps parts of our ``x-boxoffice`` file key we do not model."""

    name: str
    categories: list[Category] = field(default_factory=list)
    zones: list[EditZone] = field(default_factory=list)
    size: tuple[int, int] | None = None
    extension: dict = field(default_factory=dict)
    last_key: int = field(default=0, repr=False, compare=False)
    # general-admission areas (``x-boxoffice.ga_areas``): rectangle area dicts with
    # :data:`GA_KEY` (see :func:`ga_area`); selected, moved and deleted like areas
    ga_areas: list[EditArea] = field(default_factory=list)

    def new_key(self) -> int:
        """A fresh row/area key."""
        self.last_key += 1
        return self.last_key

    def clone(self) -> EditablePlan:
        """A deep copy (for undo snapshots: 20,000 seats in about 15 ms); keys keep
        counting from where this plan is."""

        def seat(s: EditSeat) -> EditSeat:
            return EditSeat(
                s.guid,
                s.number,
                s.x,
                s.y,
                s.category,
                s.radius,
                s.wheelchair,
                s.companion,
                s.restricted_view,
                s.not_for_sale,
                dict(s.extra) if s.extra else {},
            )

        zones = [
            EditZone(
                z.name,
                z.origin,
                z.zone_id,
                [
                    EditRow(r.key, r.number, [seat(s) for s in r.seats], r.label, r.origin, copy.deepcopy(r.extra))
                    for r in z.rows
                ],
                [EditArea(a.key, copy.deepcopy(a.data)) for a in z.areas],
                copy.deepcopy(z.extra),
            )
            for z in self.zones
        ]
        return EditablePlan(
            self.name,
            [Category(c.name, c.color) for c in self.categories],
            zones,
            self.size,
            copy.deepcopy(self.extension),
            self.last_key,
            [EditArea(a.key, copy.deepcopy(a.data)) for a in self.ga_areas],
        )

    # -- lookups ---------------------------------------------------------------------------------

    def all_areas(self):
        """Every area: the zones' (file order), then the general-admission areas."""
        for zone in self.zones:
            yield from zone.areas
        yield from self.ga_areas

    def seats(self):
        """Every ``(zone, row, seat)`` in file order."""
        for zone in self.zones:
            for row in zone.rows:
                for seat in row.seats:
                    yield zone, row, seat

    def seat_count(self) -> int:
        """How many seats the plan has."""
        return sum(len(row.seats) for zone in self.zones for row in zone.rows)

    def seat_map(self) -> dict[str, EditSeat]:
        """``guid -> seat``."""
        return {seat.guid: seat for _, _, seat in self.seats()}

    def find_row(self, key: int) -> tuple[EditZone, EditRow]:
        """The zone and row with editor ``key``.

        Raises:
            KeyError: no such row.
        """
        for zone in self.zones:
            for row in zone.rows:
                if row.key == key:
                    return zone, row
        raise KeyError(key)

    def row_of(self, guid: str) -> tuple[EditZone, EditRow]:
        """The zone and row holding seat ``guid``.

        Raises:
            KeyError: no such seat.
        """
        for zone, row, seat in self.seats():
            if seat.guid == guid:
                return zone, row
        raise KeyError(guid)

    def zone_named(self, name: str) -> EditZone | None:
        """The zone whose title is ``name`` (case-insensitive), or ``None``."""
        wanted = name.strip().lower()
        return next((z for z in self.zones if z.title.lower() == wanted), None)

    def category_names(self) -> list[str]:
        """Category names in order."""
        return [c.name for c in self.categories]

    def new_guid(self, hint: str, taken: set[str] | None = None) -> str:
        """A seat guid based on ``hint`` (e.g. ``"stalls-A-3"``) not used in the plan or in
        ``taken``; adds ``~2``, ``~3``... when needed."""
        used = taken if taken is not None else set(self.seat_map())
        guid = hint[:190] or "seat"
        n = 1
        while guid in used:
            n += 1
            guid = f"{hint[:190]}~{n}"
        return guid


# -- edits (in place) ------------------------------------------------------------------------------


def move_seats(plan: EditablePlan, guids, dx: float, dy: float) -> int:
    """Move seats ``guids`` (an iterable of guids) by ``dx``, ``dy`` pixels. Returns how
    many moved; unknown guids are ignored."""
    wanted = set(guids)
    moved = 0
    for _, _, seat in plan.seats():
        if seat.guid in wanted:
            seat.x += dx
            seat.y += dy
            moved += 1
    return moved


def centre_of(plan: EditablePlan, guids) -> tuple[float, float]:
    """The centre of the bounding box of seats ``guids``.

    Raises:
        ValueError: none of them exists.
    """
    wanted = set(guids)
    points = [(s.x, s.y) for _, _, s in plan.seats() if s.guid in wanted]
    if not points:
        raise ValueError("no such seats")
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2


def rotate_seats(plan: EditablePlan, guids, degrees: float, centre: tuple[float, float] | None = None) -> int:
    """Rotate seats ``guids`` by ``degrees`` (clockwise on screen, since ``y`` grows
    downwards) about ``centre`` (default: the centre of their bounding box). Returns how
    many turned."""
    wanted = set(guids)
    if not wanted:
        return 0
    try:
        cx, cy = centre or centre_of(plan, wanted)
    except ValueError:
        return 0
    turn = math.radians(degrees)
    c, s = math.cos(turn), math.sin(turn)
    turned = 0
    for _, _, seat in plan.seats():
        if seat.guid in wanted:
            x, y = seat.x - cx, seat.y - cy
            seat.x, seat.y = cx + x * c - y * s, cy + x * s + y * c
            turned += 1
    return turned


def delete_seats(plan: EditablePlan, guids) -> int:
    """Remove seats ``guids``; rows left empty are removed too. Returns how many went."""
    wanted = set(guids)
    removed = 0
    for zone in plan.zones:
        for row in zone.rows:
            before = len(row.seats)
            row.seats = [s for s in row.seats if s.guid not in wanted]
            removed += before - len(row.seats)
        zone.rows = [row for row in zone.rows if row.seats]
    return removed


def set_attributes(plan: EditablePlan, guids, **values) -> int:
    """Set attributes on seats ``guids``: ``category`` (a category name of the plan, or
    ``None``) and/or the flags ``wheelchair``, ``companion``, ``restricted_view``,
    ``not_for_sale`` (bools). Returns how many seats were changed.

    Raises:
        ValueError: an unknown attribute or category name.
    """
    unknown = set(values) - {"category", *FLAGS}
    if unknown:
        raise ValueError(f"unknown seat attribute {sorted(unknown)[0]!r}")
    if values.get("category") is not None and values["category"] not in plan.category_names():
        raise ValueError(f"the plan has no category {values['category']!r}")
    wanted = set(guids)
    changed = 0
    for _, _, seat in plan.seats():
        if seat.guid in wanted:
            if any(getattr(seat, k) != v for k, v in values.items()):
                changed += 1
            for k, v in values.items():
                setattr(seat, k, v if k == "category" else bool(v))
    return changed


def add_area(plan: EditablePlan, data: dict, *, zone: EditZone | None = None) -> EditArea:
    """Add an area (a pretix area dict with an absolute ``position``) to ``zone``, or to
    the plan's first zone without seats (a new zone "Decorations" when there is none).
    Returns the new area."""
    if zone is None:
        zone = next((z for z in plan.zones if not any(r.seats for r in z.rows)), None)
        if zone is None:
            zone = EditZone(name="Decorations", zone_id="decorations")
            plan.zones.insert(0, zone)
    area = EditArea(key=plan.new_key(), data=copy.deepcopy(data))
    zone.areas.append(area)
    return area


def stage_area(x: float, y: float, width: int, height: int, *, color: str = "#5d4037") -> dict:
    """A stage rectangle at absolute top-left ``x``, ``y`` (a pretix area dict)."""
    return {
        "shape": "rectangle",
        "position": {"x": x, "y": y},
        "rectangle": {"width": int(width), "height": int(height)},
        "color": color,
        "border_color": "#3e2723",
    }


def text_area(x: float, y: float, text: str, *, size: int = 20, color: str = "#333333") -> dict:
    """A text label centred at absolute ``x``, ``y`` (a pretix area dict)."""
    return {
        "shape": "text",
        "position": {"x": x, "y": y},
        "text": {"text": text, "color": color, "size": int(size), "position": {"x": 0, "y": 0}},
    }


def move_areas(plan: EditablePlan, keys, dx: float, dy: float) -> int:
    """Move areas with editor ``keys`` by ``dx``, ``dy``. Returns how many moved."""
    wanted = set(keys)
    moved = 0
    for area in plan.all_areas():
        if area.key in wanted:
            pos = area.data.setdefault("position", {"x": 0, "y": 0})
            pos["x"], pos["y"] = pos["x"] + dx, pos["y"] + dy
            moved += 1
    return moved


def delete_areas(plan: EditablePlan, keys) -> int:
    """Remove areas with editor ``keys``. Returns how many went."""
    wanted = set(keys)
    removed = 0
    for zone in plan.zones:
        before = len(zone.areas)
        zone.areas = [a for a in zone.areas if a.key not in wanted]
        removed += before - len(zone.areas)
    before = len(plan.ga_areas)
    plan.ga_areas = [a for a in plan.ga_areas if a.key not in wanted]
    return removed + before - len(plan.ga_areas)


# -- general admission (sold by count; migration 0008) -----------------------------------------------

GA_KEY = "x-ga"
MAX_GA_CAPACITY = 100_000


def ga_area(
    x: float,
    y: float,
    width: float,
    height: float,
    *,
    name: str,
    capacity: int,
    category: str,
    color: str | None = None,
) -> dict:
    """A general-admission area: a rectangle area dict at absolute top-left ``x``, ``y``
    whose :data:`GA_KEY` holds ``name``, ``capacity`` and ``category``."""
    return {
        "shape": "rectangle",
        "position": {"x": x, "y": y},
        "rectangle": {"width": width, "height": height},
        "color": color or "#888888",
        "border_color": "#333333",
        GA_KEY: {"name": name, "capacity": int(capacity), "category": category},
    }


def check_ga_area(plan: EditablePlan, *, name: str, capacity: int, category: str, ignore_key: int | None = None) -> str:
    """The problem with a general-admission area of these values, or ``""``: a name (1 to
    100 characters, unique among the plan's areas, any case), a capacity of 1 to 100,000
    and a category of the plan."""
    name = name.strip()
    if not name:
        return "Give the area a name."
    if len(name) > 100:
        return "An area's name can be at most 100 characters long."
    taken = {a.data[GA_KEY]["name"].strip().lower() for a in plan.ga_areas if a.key != ignore_key}
    if name.lower() in taken:
        return f"There is already an area called {name!r}."
    if not isinstance(capacity, int) or not 1 <= capacity <= MAX_GA_CAPACITY:
        return f"The capacity must be between 1 and {MAX_GA_CAPACITY:,}."
    if category not in plan.category_names():
        return f"The plan has no category {category!r}."
    return ""


def add_ga_area(plan: EditablePlan, data: dict) -> EditArea:
    """Add a general-admission area (a dict from :func:`ga_area`). Returns it.

    Raises:
        ValueError: :func:`check_ga_area` refuses it.
    """
    info = data[GA_KEY]
    problem = check_ga_area(plan, name=info["name"], capacity=info["capacity"], category=info["category"])
    if problem:
        raise ValueError(problem)
    area = EditArea(key=plan.new_key(), data=copy.deepcopy(data))
    area.data[GA_KEY]["name"] = info["name"].strip()
    plan.ga_areas.append(area)
    return area


def is_ga(area: EditArea) -> bool:
    """Whether ``area`` is a general-admission area."""
    return GA_KEY in area.data


def area_bounds(area: dict) -> tuple[float, float, float, float]:
    """Absolute ``(left, top, right, bottom)`` of an area dict (rotation ignored; a text's
    box is estimated from its size and length)."""
    px, py = area.get("position", {}).get("x", 0), area.get("position", {}).get("y", 0)
    if "rectangle" in area:
        return px, py, px + area["rectangle"]["width"], py + area["rectangle"]["height"]
    if "circle" in area:
        r = area["circle"]["radius"]
        return px - r, py - r, px + r, py + r
    if "ellipse" in area:
        rx, ry = area["ellipse"]["radius"]["x"], area["ellipse"]["radius"]["y"]
        return px - rx, py - ry, px + rx, py + ry
    if "polygon" in area and area["polygon"]["points"]:
        xs = [px + p["x"] for p in area["polygon"]["points"]]
        ys = [py + p["y"] for p in area["polygon"]["points"]]
        return min(xs), min(ys), max(xs), max(ys)
    if "text" in area:
        t = area["text"]
        cx, cy = px + t["position"]["x"], py + t["position"]["y"]
        size = t.get("size", 16)
        half = max(1, len(t["text"])) * size * 0.3
        return cx - half, cy - size / 2, cx + half, cy + size / 2
    return px, py, px, py
