"""A seating plan's layout (its seats, sections and drawn areas) read as columns and kept in
the process across showtimes on the same plan.

A stadium's plan has 100,000 seats. Read as 100,000 rows, the client spends ~400 ms making
row objects; read as one row of arrays (``array_agg`` per column, binary), a few tens of
milliseconds. And a plan's layout never changes once stored: the contract functions only
insert plans (``bo_plan_store``: a plan edited in the editor is stored as a new plan, with a
new id), and what they update later (the hall, the "best" point, a category's VAT rate) is
not part of the layout. So a till reads a plan's layout once and keeps it
(:func:`plan_layout`), keyed by the database (its oid), the plan id and the plan row's
creation time: a copy of the cache can never answer for another database's plan 7, and a
re-created plan with a reused id would have another creation time.

Nothing here is per showtime: prices, categories' prices and seat states are read on every
opening.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from sqlalchemy.orm import Session

from boxoffice.domain.seat_columns import SeatColumns, SeatInfo, SeatsById

__all__ = ["CACHED_SEATS", "PlanLayout", "SeatColumns", "SeatInfo", "SeatsById", "forget_layouts", "plan_layout"]

CACHED_SEATS = (
    250_000  # seats of the layouts kept per process (a stadium's ~100,000 take ~40 MB); the newest is always kept
)


@dataclass(frozen=True, eq=False)
class PlanLayout:
    """What a plan looks like: ``sections`` (id -> name, in the plan's order), ``seats``
    (columns), ``areas`` (pretix shapes, dicts). ``key`` identifies it (database oid, plan
    id, plan creation time)."""

    key: tuple
    plan_id: int
    sections: dict[int, str]
    seats: SeatColumns
    areas: list[dict]


_SEATS = (
    "SELECT array_agg(id), array_agg(section_id), array_agg(row_label), array_agg(seat_number), "
    "array_agg(x), array_agg(y), array_agg(radius), array_agg(category_id), array_agg(wheelchair), "
    "(SELECT json_agg(json_build_array(id, name) ORDER BY position, id) FROM section WHERE plan_id = %(plan)s), "
    "(SELECT json_agg(shape ORDER BY id) FROM plan_area WHERE plan_id = %(plan)s) "
    "FROM (SELECT id, section_id, row_label, seat_number, x, y, radius, category_id, wheelchair "
    "FROM seat WHERE plan_id = %(plan)s ORDER BY id) s"
)

_cache: OrderedDict[tuple, PlanLayout] = OrderedDict()
_lock = threading.Lock()
reads = [0]  # layouts read from the database by this process (for tests and benchmarks)


def plan_layout(session: Session, *, key: tuple) -> PlanLayout:
    """The layout of the plan ``key`` names (``(database oid, plan id, plan created_at)``,
    as :func:`boxoffice.services.catalog.load_seat_map` reads it with the showtime), from
    this process's cache or else read in one statement (in the session's transaction)."""
    with _lock:
        layout = _cache.get(key)
        if layout is not None:
            _cache.move_to_end(key)
            return layout
    plan_id = key[1]
    # the driver's own cursor, binary: arrays arrive as Python lists without a row object per seat
    cursor = session.connection().connection.driver_connection.cursor(binary=True)  # type: ignore[union-attr]
    cursor.execute(_SEATS, {"plan": plan_id})
    row = cursor.fetchone()
    assert row is not None  # an aggregate always returns a row
    ids, sections, rows, numbers, xs, ys, rs, categories, wheelchair = (list(c or []) for c in row[:9])
    seats = SeatColumns(ids, sections, rows, numbers, xs, ys, rs, categories, wheelchair)
    layout = PlanLayout(key, plan_id, {int(k): str(v) for k, v in (row[9] or [])}, seats, list(row[10] or []))
    reads[0] += 1
    with _lock:
        _cache[key] = layout
        _cache.move_to_end(key)
        while len(_cache) > 1 and sum(len(kept.seats) for kept in _cache.values()) > CACHED_SEATS:
            _cache.popitem(last=False)
    return layout


def forget_layouts() -> None:
    """Empty this process's layout cache (tests; a till never needs to)."""
    with _lock:
        _cache.clear()
