"""Checking an editable plan before it is saved (pure): what must be fixed, with the seats
to highlight."""

from __future__ import annotations

import math
from dataclasses import dataclass

from boxoffice.domain.plan_editing import GA_KEY, MAX_LABEL, EditablePlan, check_ga_area

#: Two seats overlap when their centres are closer than this share of their radii's sum.
OVERLAP_FACTOR = 0.9


@dataclass(frozen=True)
class Problem:
    """Something to fix before saving: a stable ``code``, a human ``message`` and the
    ``guids`` of the seats to highlight (may be empty)."""

    code: str
    message: str
    guids: tuple[str, ...] = ()


def validate(plan: EditablePlan) -> list[Problem]:
    """Everything that must be fixed before ``plan`` can be saved, in a stable order:
    ``empty`` (no seats), ``no_category`` (seats without, or with an unknown, category),
    ``duplicate_label`` (the same row and seat label twice in one section),
    ``duplicate_guid``, ``empty_label`` / ``long_label`` (labels must be 1-40 characters),
    ``overlap`` (centres closer than :data:`OVERLAP_FACTOR` times the sum of the radii),
    ``duplicate_category`` and ``duplicate_section`` (names used twice), ``ga_area`` (a
    general-admission area with an empty or repeated name, a capacity outside 1-100,000 or
    an unknown category). An empty list
    means the plan can be saved."""
    problems: list[Problem] = []
    if plan.seat_count() == 0:
        return [Problem("empty", "The plan has no seats. Add rows before saving.")]
    names = plan.category_names()
    for name in sorted({n for n in names if names.count(n) > 1}):
        problems.append(Problem("duplicate_category", f"Two price categories are called {name!r}."))
    titles = [z.title.lower() for z in plan.zones if any(r.seats for r in z.rows)]
    for title in sorted({t for t in titles if titles.count(t) > 1}):
        problems.append(Problem("duplicate_section", f"Two sections are called {title!r}; give each its own name."))
    known = set(names)
    nocat = tuple(s.guid for _, _, s in plan.seats() if s.category not in known)
    if nocat:
        problems.append(Problem("no_category", f"{_seats(len(nocat))} without a price category.", nocat))
    bad_labels = tuple(s.guid for _, r, s in plan.seats() if not s.number.strip() or not r.display.strip())
    if bad_labels:
        problems.append(Problem("empty_label", f"{_seats(len(bad_labels))} without a row or seat label.", bad_labels))
    long_labels = tuple(s.guid for _, r, s in plan.seats() if len(s.number) > MAX_LABEL or len(r.display) > MAX_LABEL)
    if long_labels:
        problems.append(
            Problem("long_label", f"{_seats(len(long_labels))} with a label over {MAX_LABEL} characters.", long_labels)
        )
    seen_guid: dict[str, int] = {}
    for _, _, s in plan.seats():
        seen_guid[s.guid] = seen_guid.get(s.guid, 0) + 1
    twice = tuple(g for g, n in seen_guid.items() if n > 1)
    if twice:
        problems.append(Problem("duplicate_guid", f"{_seats(len(twice))} share an id with another seat.", twice))
    for zone in plan.zones:
        by_label: dict[tuple[str, str], list[str]] = {}
        for row in zone.rows:
            for seat in row.seats:
                by_label.setdefault((row.display.strip(), seat.number.strip()), []).append(seat.guid)
        for (row_label, number), guids in by_label.items():
            if len(guids) > 1 and row_label and number:
                problems.append(
                    Problem(
                        "duplicate_label",
                        f"{zone.title}: row {row_label} seat {number} exists {len(guids)} times.",
                        tuple(guids),
                    )
                )
    pairs = overlapping(plan)
    if pairs:
        overlap = tuple(dict.fromkeys(g for pair in pairs for g in pair))
        problems.append(
            Problem(
                "overlap",
                f"{_seats(len(overlap))} overlap another seat ({len(pairs)} {'pair' if len(pairs) == 1 else 'pairs'}).",
                overlap,
            )
        )
    for area in plan.ga_areas:  # general admission: ``ga_area`` (name unique, capacity, category)
        info = area.data[GA_KEY]
        problem = check_ga_area(
            plan, name=info["name"], capacity=info["capacity"], category=info["category"], ignore_key=area.key
        )
        if problem:
            problems.append(Problem("ga_area", f"General admission {info['name']!r}: {problem}"))
    return problems


def overlapping(plan: EditablePlan) -> list[tuple[str, str]]:
    """Pairs of seat guids whose circles overlap (see :data:`OVERLAP_FACTOR`), found with
    a grid so a stadium is checked in linear time."""
    seats = [s for _, _, s in plan.seats()]
    if not seats:
        return []
    cell = 2 * max(s.r for s in seats)
    grid: dict[tuple[int, int], list[int]] = {}
    for i, s in enumerate(seats):
        grid.setdefault((math.floor(s.x / cell), math.floor(s.y / cell)), []).append(i)
    pairs = []
    for (gx, gy), members in grid.items():
        for i in members:
            a = seats[i]
            for nx in (gx - 1, gx, gx + 1):
                for ny in (gy - 1, gy, gy + 1):
                    for j in grid.get((nx, ny), ()):
                        if j <= i:
                            continue
                        b = seats[j]
                        if math.hypot(a.x - b.x, a.y - b.y) < OVERLAP_FACTOR * (a.r + b.r):
                            pairs.append((a.guid, b.guid))
    return pairs


def _seats(n: int) -> str:
    return "1 seat is" if n == 1 else f"{n} seats are"
