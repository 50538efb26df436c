"""A showtime's seat map for web front ends as ready-made JSON bytes, cached per showtime
and inventory version.

The busiest read of an on-sale is "show me the seats". Building it per request (a model
per seat, validated and dumped) cost 7-10 ms of server CPU for a 1,000-seat house.
:class:`SeatMapCache` keeps, per showtime, the document's bytes and their ETag and
rebuilds them only when something a buyer could see changed:

* a ``bo_inventory`` notification for the showtime (:meth:`SeatMapCache.invalidate`,
  called from the web server's :class:`~boxoffice.db.feed.InventoryFeed`);
* while the feed is not live (or never started): the showtime's highest inventory
  version, its plan or its status differs from the cached one (one indexed query).
  Versions are given in commit order (migration 0020), so an unchanged highest version
  means no commit touched the showtime since;
* the earliest live hold expired (a lapsed hold reads as available without a new version);
* ``layout_seconds`` passed (prices and the plan are re-read: a manager's change shows).

The document (docs/web-api.md, ``GET /showtimes/{id}/map``)::

    {"showtime_id", "title", "starts_at", "status", "currency", "version",
     "plan": {"width", "height"}, "categories": [{"name", "price_minor"}],
     "counts": {"available", "held", "sold", "blocked"},
     "sections": [{"name", "rows": [{"row", "seats": [
         {"id", "seat", "x", "y", "category", "wheelchair", "state"}]}]}]}

``category`` indexes ``categories``; ``price_minor`` ``null`` means not for sale.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.orm import Session

from boxoffice.domain.errors import NotFoundError

STATES = ("available", "held", "sold", "blocked")

_CHECK = text(
    "SELECT st.plan_id, st.status, (SELECT max(version) FROM inventory WHERE showtime_id = st.id) "
    "FROM showtime st WHERE st.id = :id"
)
_HEAD = text(
    "SELECT st.id, sh.title, st.starts_at, st.status, v.currency, st.plan_id, p.width, p.height "
    "FROM showtime st JOIN show sh ON sh.id = st.show_id JOIN seating_plan p ON p.id = st.plan_id "
    "JOIN venue v ON v.id = p.venue_id WHERE st.id = :id"
)
_CATEGORIES = text(
    "SELECT pc.id, pc.name, sp.price_minor FROM price_category pc "
    "LEFT JOIN showtime_price sp ON sp.showtime_id = :id AND sp.category_id = pc.id "
    "WHERE pc.plan_id = :plan ORDER BY pc.position, pc.id"
)
_SEATS = text(
    "SELECT s.id, sec.name, s.row_label, s.seat_number, s.category_id, s.wheelchair, s.x, s.y "
    "FROM seat s JOIN section sec ON sec.id = s.section_id "
    "WHERE s.plan_id = :plan ORDER BY sec.position, sec.id, s.id"
)
# one statement: the states and the version they belong to are consistent
_STATES = text("SELECT seat_id, state, hold_expires_at, version FROM inventory_live WHERE showtime_id = :id")


@dataclass(frozen=True)
class SeatMapDoc:
    """One rendered seat map: ``body`` (UTF-8 JSON), its ``etag`` (quoted, strong) and the
    inventory ``version`` it shows."""

    body: bytes
    etag: str
    version: int


@dataclass
class _Layout:
    plan_id: int
    head: dict
    seat_ids: set[int]
    # sections -> rows -> (seat_id, JSON of the seat up to the state's opening quote)
    sections: list[tuple[str, list[tuple[str, list[tuple[int, str]]]]]]
    loaded: float  # monotonic


@dataclass
class _Entry:
    doc: SeatMapDoc
    layout: _Layout
    status: str
    lapse_at: float  # wall clock (epoch seconds) of the earliest live hold's expiry
    generation: int  # of the showtime's notifications when the build started
    feed_epoch: int | None  # the feed's epoch if it was live when the build started
    checked: float = field(default=float("-inf"))  # clock() before the read that made or confirmed it


class SeatMapCache:
    """Seat map documents per showtime (see the module docstring). Thread-safe: the web
    server's thread pool and the feed's thread share one.

    Args:
        layout_seconds: how long plan and prices are reused (a price a manager changed
            shows in the map after at most this long; holds and sales always use the
            database's current prices).
        clock, wall: monotonic and epoch clocks (tests).
    """

    def __init__(
        self,
        *,
        layout_seconds: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self.layout_seconds, self.clock, self.wall = layout_seconds, clock, wall
        self._lock = threading.Lock()
        self._entries: dict[int, _Entry] = {}
        self._generations: dict[int, int] = {}
        self._building: dict[int, threading.Lock] = {}
        self._feed_epoch: int | None = None  # None: the feed is not live
        self._epochs = 0
        self.builds = 0  # documents rendered (tests and benchmarks)
        self.checks = 0  # version checks against the database

    # -- the feed (called on its thread) -----------------------------------------------------

    def invalidate(self, showtime_id: int) -> None:
        """The showtime's inventory changed (a ``bo_inventory`` notification)."""
        with self._lock:
            self._generations[showtime_id] = self._generations.get(showtime_id, 0) + 1

    def feed_status(self, live: bool) -> None:
        """The feed went live (``True``: notifications arrive from now on) or down; either
        way no document built before is trusted without a version check."""
        with self._lock:
            self._epochs += 1
            self._feed_epoch = self._epochs if live else None

    # -- reading ------------------------------------------------------------------------------

    def peek(self, showtime_id: int) -> SeatMapDoc | None:
        """The cached document if it is known current without asking the database (the
        feed is live and nothing was notified since it was built), else ``None``."""
        with self._lock:
            entry = self._entries.get(showtime_id)
            if entry is None or not self._trusted(showtime_id, entry):
                return None
        if self.wall() >= entry.lapse_at or self.clock() - entry.layout.loaded >= self.layout_seconds:
            return None
        return entry.doc

    def get(self, session: Session, showtime_id: int) -> SeatMapDoc:
        """The current document of ``showtime_id``: cached, checked by version, or built.

        Raises:
            NotFoundError: no such showtime.
        """
        doc = self.peek(showtime_id)
        if doc is not None:
            return doc
        arrived = self.clock()
        with self._lock:
            building = self._building.setdefault(showtime_id, threading.Lock())
        with building:  # one check or build per showtime at a time; the others wait and reuse it
            doc = self.peek(showtime_id) or self.read_since(showtime_id, arrived)
            if doc is not None:
                return doc
            with self._lock:
                generation = self._generations.get(showtime_id, 0)
                epoch = self._feed_epoch
                entry = self._entries.get(showtime_id)
            try:
                return self._check_or_build(session, showtime_id, entry, generation, epoch)
            finally:
                session.rollback()  # end the read-only transaction: back to the pool idle

    def plan_seats(self, showtime_id: int) -> set[int] | None:
        """The seat ids of the showtime's plan as the cached map last read them, or
        ``None`` when no map of it is cached. Lets the web explain a refused hold without
        asking the database which seats exist. The plan changes only when the showtime
        is moved to another plan; until the next map read notices, a seat of the old or
        new plan may be explained the other way (409 taken instead of 404 unknown, or
        back): a refusal either way, nothing is held."""
        with self._lock:
            entry = self._entries.get(showtime_id)
        return None if entry is None else entry.layout.seat_ids

    def read_since(self, showtime_id: int, arrived: float) -> SeatMapDoc | None:
        """The document if a check or build that read the database after ``arrived``
        made it (so it is at least as new as a read of ours would be)."""
        with self._lock:
            entry = self._entries.get(showtime_id)
        if entry is None or entry.checked < arrived or self.wall() >= entry.lapse_at:
            return None
        return entry.doc

    def _trusted(self, showtime_id: int, entry: _Entry) -> bool:
        return (
            entry.feed_epoch is not None
            and entry.feed_epoch == self._feed_epoch
            and entry.generation == self._generations.get(showtime_id, 0)
        )

    def _check_or_build(
        self, session: Session, showtime_id: int, entry: _Entry | None, generation: int, epoch: int | None
    ) -> SeatMapDoc:
        now = self.clock()  # the database is read after this instant
        if entry is not None and self.wall() < entry.lapse_at and now - entry.layout.loaded < self.layout_seconds:
            self.checks += 1
            row = session.execute(_CHECK, {"id": showtime_id}).one_or_none()
            if row is None:
                raise NotFoundError(f"Showtime {showtime_id} does not exist.")
            plan_id, status, version = row
            if plan_id == entry.layout.plan_id and status == entry.status and (version or 0) == entry.doc.version:
                self._store(
                    showtime_id, _Entry(entry.doc, entry.layout, status, entry.lapse_at, generation, epoch, now)
                )
                return entry.doc
        layout = entry.layout if entry is not None and now - entry.layout.loaded < self.layout_seconds else None
        new = self._build(session, showtime_id, layout, generation, epoch)
        new.checked = now
        self._store(showtime_id, new)
        return new.doc

    def _store(self, showtime_id: int, entry: _Entry) -> None:
        with self._lock:
            self._entries[showtime_id] = entry

    def _build(
        self, session: Session, showtime_id: int, layout: _Layout | None, generation: int, epoch: int | None
    ) -> _Entry:
        head = session.execute(_HEAD, {"id": showtime_id}).one_or_none()
        if head is None:
            raise NotFoundError(f"Showtime {showtime_id} does not exist.")
        if layout is None or layout.plan_id != head.plan_id:
            layout = _load_layout(session, showtime_id, head, self.clock())
        states: dict[int, str] = {}
        version, lapse_at = 0, float("inf")
        # fetched at once: row by row through the result cost a third of a build
        for seat_id, state, expires, row_version in session.execute(_STATES, {"id": showtime_id}).all():
            states[seat_id] = state
            version = max(version, row_version)
            if expires is not None:
                lapse_at = min(lapse_at, expires.timestamp())
        self.builds += 1
        body = _render(layout, head, states, version)
        etag = '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'
        return _Entry(SeatMapDoc(body, etag, version), layout, head.status, lapse_at, generation, epoch)


def _load_layout(session: Session, showtime_id: int, head, loaded: float) -> _Layout:
    categories = session.execute(_CATEGORIES, {"id": showtime_id, "plan": head.plan_id}).all()
    index = {cat_id: i for i, (cat_id, _, _) in enumerate(categories)}
    sections: list[tuple[str, list[tuple[str, list[tuple[int, str]]]]]] = []
    rows_of: dict[tuple[str, str], list[tuple[int, str]]] = {}
    seat_ids: set[int] = set()
    for seat_id, section, row, seat, category_id, wheelchair, x, y in session.execute(_SEATS, {"plan": head.plan_id}):
        if not sections or sections[-1][0] != section:
            sections.append((section, []))
        key = (section, row)
        if key not in rows_of:
            rows_of[key] = []
            sections[-1][1].append((row, rows_of[key]))
        prefix = json.dumps(
            {
                "id": seat_id,
                "seat": seat,
                "x": float(x),
                "y": float(y),
                "category": index.get(category_id),
                "wheelchair": bool(wheelchair),
            },
            separators=(",", ":"),
        )
        rows_of[key].append((seat_id, prefix[:-1] + ',"state":"'))
        seat_ids.add(seat_id)
    static = {
        "plan": {"width": float(head.width), "height": float(head.height)},
        "categories": [{"name": name, "price_minor": price} for _, name, price in categories],
    }
    return _Layout(head.plan_id, static, seat_ids, sections, loaded)


def _render(layout: _Layout, head, states: dict[int, str], version: int) -> bytes:
    counts = dict.fromkeys(STATES, 0)
    parts: list[str] = []
    for s_i, (section, rows) in enumerate(layout.sections):
        parts.append(("," if s_i else "") + '{"name":' + json.dumps(section) + ',"rows":[')
        for r_i, (row, seats) in enumerate(rows):
            shown = []
            for seat_id, prefix in seats:
                state = states.get(seat_id)
                if state is None:
                    continue  # a seat without inventory is not part of this showtime
                counts[state] = counts.get(state, 0) + 1
                shown.append(prefix + state + '"}')
            parts.append(("," if r_i else "") + '{"row":' + json.dumps(row) + ',"seats":[' + ",".join(shown) + "]}")
        parts.append("]}")
    top = {
        "showtime_id": head.id,
        "title": head.title,
        "starts_at": head.starts_at.isoformat(),
        "status": head.status,
        "currency": head.currency,
        "version": version,
        **layout.head,
        "counts": counts,
    }
    opening = json.dumps(top, separators=(",", ":"))[:-1] + ',"sections":['
    return (opening + "".join(parts) + "]}").encode()
