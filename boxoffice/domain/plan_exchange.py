"""Converting between pretix seating-plan JSON and the editor's :class:`EditablePlan` (pure).

:func:`from_pretix` checks the file with :func:`boxoffice.domain.pretix_plan.parse_plan`
(so the editor never opens a plan the importer would refuse) and keeps everything the
format holds: names, ``zone_id``/``uuid``/``seat_label``/``row_number_position``/
``start_direction``, zone and row origins, radii, area dicts, category colours as
written. :func:`to_pretix` writes it back: seat positions become relative to their zone
and row again (rounded to 6 decimals, integral values as ints). For a plan that was not
edited, ``to_pretix(from_pretix(data)) == data`` for the files we generate (demo theatre).

Our seat flags (wheelchair where the ``:wc``/category convention does not already say it,
companion, restricted view, not for sale) go into the ``"x-boxoffice"`` key (see
:mod:`boxoffice.domain.pretix_plan`); ``to_pretix(plan, pretix_only=True)`` leaves that key
out, for a file pretix itself accepts.
"""

from __future__ import annotations

import copy
import math

from boxoffice.domain.plan_editing import (
    GA_KEY,
    Category,
    EditablePlan,
    EditArea,
    EditRow,
    EditSeat,
    EditZone,
    area_bounds,
    ga_area,
)
from boxoffice.domain.pretix_plan import EXTENSION_KEY, MARGIN, SEAT_FLAGS, WHEELCHAIR_SUFFIX, parse_plan

_ZONE_KEYS = {"name", "zone_id", "position", "rows", "areas"}
_ROW_KEYS = {"row_number", "row_label", "position", "seats"}
_SEAT_KEYS = {"seat_guid", "seat_number", "position", "category", "radius"}


def from_pretix(data: dict) -> EditablePlan:
    """An editable plan from pretix JSON ``data`` (a dict).

    Raises:
        PlanImportError: the plan is invalid (as for importing; ``details['where']`` is
            the JSON path).
    """
    parsed = parse_plan(data)
    by_guid = {s.guid: s for s in parsed.seats}
    extension = copy.deepcopy(data.get(EXTENSION_KEY, {}))
    extension.pop("seats", None)
    ga_raw = extension.pop("ga_areas", [])
    size = data.get("size")
    plan = EditablePlan(
        name=data["name"],
        categories=[Category(c["name"], c.get("color")) for c in data["categories"]],
        size=(size["width"], size["height"]) if size else None,
        extension=extension,
    )
    for zone_data in data["zones"]:
        zx, zy = _xy(zone_data["position"])
        zone = EditZone(
            name=zone_data.get("name", ""),
            origin=(zx, zy),
            zone_id=zone_data.get("zone_id"),
            extra={k: copy.deepcopy(v) for k, v in zone_data.items() if k not in _ZONE_KEYS},
        )
        for row_data in zone_data["rows"]:
            origin = None
            if "position" in row_data:
                rx, ry = _xy(row_data["position"])
                origin = (zx + rx, zy + ry)
            extra = {k: copy.deepcopy(v) for k, v in row_data.items() if k not in _ROW_KEYS}
            if "row_label" in row_data and not row_data["row_label"]:
                extra["row_label"] = row_data["row_label"]  # an explicit null or "": written back as it was
            row = EditRow(
                key=plan.new_key(),
                number=row_data["row_number"],
                label=row_data.get("row_label") or None,
                origin=origin,
                extra=extra,
            )
            for seat_data in row_data["seats"]:
                parsed_seat = by_guid[seat_data["seat_guid"]]
                row.seats.append(
                    EditSeat(
                        guid=parsed_seat.guid,
                        number=seat_data["seat_number"],
                        x=parsed_seat.x,
                        y=parsed_seat.y,
                        category=seat_data["category"],
                        radius=seat_data.get("radius"),
                        wheelchair=parsed_seat.wheelchair,
                        companion=parsed_seat.companion,
                        restricted_view=parsed_seat.restricted_view,
                        not_for_sale=parsed_seat.not_for_sale,
                        extra={k: copy.deepcopy(v) for k, v in seat_data.items() if k not in _SEAT_KEYS},
                    )
                )
            zone.rows.append(row)
        for area_data in zone_data.get("areas", []):
            ax, ay = _xy(area_data.get("position"))
            zone.areas.append(
                EditArea(
                    key=plan.new_key(), data={**copy.deepcopy(area_data), "position": {"x": zx + ax, "y": zy + ay}}
                )
            )
        plan.zones.append(zone)
    colors = {c.name: c.color for c in parsed.categories}
    for raw, parsed_area in zip(ga_raw, parsed.ga_areas):  # parse_plan checked them
        data = ga_area(
            _xy(raw["position"])[0],
            _xy(raw["position"])[1],
            raw["width"],
            raw["height"],
            name=parsed_area.name,
            capacity=raw["capacity"],
            category=raw["category"],
            color=colors.get(raw["category"]),
        )
        data[GA_KEY]["name"] = raw["name"]
        plan.ga_areas.append(EditArea(key=plan.new_key(), data=data))
    return plan


def to_pretix(plan: EditablePlan, *, pretix_only: bool = False) -> dict:
    """The plan as pretix JSON (a new dict). A given ``size`` grows to fit every seat and
    area (plus a margin) if edits went past it. With ``pretix_only`` the ``x-boxoffice``
    key (our seat flags) is left out.

    Does not validate: call :func:`boxoffice.domain.plan_editing.validate` (and the
    importer's :func:`parse_plan`) before saving.
    """
    wheelchair_categories = {c.name for c in plan.categories if "wheelchair" in c.name.lower()}
    flags: dict[str, dict] = {}
    zones = []
    for zone in plan.zones:
        zx, zy = zone.origin
        out_zone: dict = {}
        if zone.name:
            out_zone["name"] = zone.name
        if zone.zone_id is not None:
            out_zone["zone_id"] = zone.zone_id
        out_zone.update(copy.deepcopy(zone.extra))
        out_zone["position"] = {"x": _num(zx), "y": _num(zy)}
        rows = []
        for row in zone.rows:
            out_row = {"row_number": row.number, **copy.deepcopy(row.extra)}
            if row.label:
                out_row["row_label"] = row.label
            ox, oy = zx, zy
            if row.origin is not None:
                ox, oy = row.origin
                out_row["position"] = {"x": _num(ox - zx), "y": _num(oy - zy)}
            seats = []
            for seat in row.seats:
                out_seat = {"seat_guid": seat.guid, "seat_number": seat.number, **copy.deepcopy(seat.extra)}
                if seat.radius is not None:
                    out_seat["radius"] = _int_radius(seat.radius)
                out_seat["position"] = {"x": _num(seat.x - ox), "y": _num(seat.y - oy)}
                out_seat["category"] = seat.category or ""
                seats.append(out_seat)
                entry = _seat_flags(seat, wheelchair_categories)
                if entry:
                    flags[seat.guid] = entry
            out_row["seats"] = seats
            rows.append(out_row)
        out_zone["rows"] = rows
        out_zone["areas"] = [_relative_area(area.data, zx, zy) for area in zone.areas]
        zones.append(out_zone)
    out: dict = {
        "name": plan.name,
        "categories": [
            {"name": c.name, **({"color": c.color} if c.color is not None else {})} for c in plan.categories
        ],
        "zones": zones,
    }
    if plan.size is not None:
        out["size"] = dict(zip(("width", "height"), _fitting_size(plan)))
    extension = copy.deepcopy(plan.extension)
    if flags:
        extension["seats"] = flags
    if plan.ga_areas:  # pretix has no general admission: only in our key
        extension["ga_areas"] = [_ga_out(a.data) for a in plan.ga_areas]
    if extension and not pretix_only:
        out[EXTENSION_KEY] = extension
    return out


def content_bounds(plan: EditablePlan) -> tuple[float, float, float, float] | None:
    """Absolute ``(left, top, right, bottom)`` of every seat (with its radius) and area,
    or ``None`` for an empty plan."""
    boxes = [(s.x - s.r, s.y - s.r, s.x + s.r, s.y + s.r) for _, _, s in plan.seats()]
    boxes += [area_bounds(a.data) for a in plan.all_areas()]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _fitting_size(plan: EditablePlan) -> tuple[int, int]:
    assert plan.size is not None, "called only for plans that have a size"
    width, height = plan.size
    bounds = content_bounds(plan)
    if bounds is not None:
        if bounds[2] > width:
            width = math.ceil(bounds[2] + MARGIN)
        if bounds[3] > height:
            height = math.ceil(bounds[3] + MARGIN)
    return int(width), int(height)


def _seat_flags(seat: EditSeat, wheelchair_categories: set[str]) -> dict:
    conventional = seat.guid.endswith(WHEELCHAIR_SUFFIX) or seat.category in wheelchair_categories
    entry = {flag: True for flag in SEAT_FLAGS[1:] if getattr(seat, flag)}
    if seat.wheelchair != conventional:
        entry = {"wheelchair": seat.wheelchair, **entry}
    return entry


def _ga_out(data: dict) -> dict:
    info = data[GA_KEY]
    return {
        "name": info["name"],
        "capacity": int(info["capacity"]),
        "category": info["category"],
        "position": {"x": _num(data["position"]["x"]), "y": _num(data["position"]["y"])},
        "width": _num(data["rectangle"]["width"]),
        "height": _num(data["rectangle"]["height"]),
    }


def _relative_area(data: dict, zx: float, zy: float) -> dict:
    out = copy.deepcopy(data)
    pos = out.get("position", {"x": 0, "y": 0})
    out["position"] = {"x": _num(pos["x"] - zx), "y": _num(pos["y"] - zy)}
    return out


def _xy(pos: dict | None) -> tuple[float, float]:
    return (0.0, 0.0) if pos is None else (float(pos["x"]), float(pos["y"]))


def _num(value: float) -> int | float:
    """Rounded to 6 decimals (undoing float noise of absolute/relative sums); an
    integral value as an int."""
    value = round(float(value), 6) + 0.0  # + 0.0 turns -0.0 into 0.0
    return int(value) if value.is_integer() else value


def _int_radius(value: float) -> int:
    return max(1, int(round(value)))
