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

A document is built whole the first time, when its layout is re-read, and when the
showtime's plan or status changed. Otherwise it is **patched**: one statement reads the
showtime's plan and status, the seats whose version is above the document's (versions
are stamped in commit order, migration 0020, so nothing committed later can carry a
lower one) and the seats whose hold the document shows as lapsed; only their rows are
rendered again. Reading and rendering all 997 states of a theatre after nearly every
hold, in each worker, was about a quarter of the web server's CPU in an on-sale
rehearsal.

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
from dataclasses import dataclass, field, replace

from sqlalchemy import text
from sqlalchemy.orm import Session

from boxoffice.domain.errors import NotFoundError

STATES = ("available", "held", "sold", "blocked")

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
# one statement: the showtime's plan and status (the row with a NULL seat), the seats
# changed since a version (index on showtime and version) and the seats named (holds
# lapsed); no row with a NULL seat: no such showtime
_DELTA = text(
    "SELECT st.plan_id, st.status, NULL::integer, NULL::varchar, NULL::timestamptz, NULL::bigint "
    "FROM showtime st WHERE st.id = :id "
    "UNION ALL SELECT NULL, NULL, seat_id, state, hold_expires_at, version FROM inventory_live "
    "WHERE showtime_id = :id AND version > :version "
    "UNION ALL SELECT NULL, NULL, seat_id, state, hold_expires_at, version FROM inventory_live "
    "WHERE showtime_id = :id AND seat_id = ANY(CAST(:lapsed AS integer[]))"
)


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
    static: dict  # "plan" and "categories"
    seat_ids: set[int]
    # sections: (name as JSON, indexes into rows), in plan order
    sections: list[tuple[str, list[int]]]
    # rows: (label as JSON, [(seat_id, JSON of the seat up to the state's opening quote)])
    rows: list[tuple[str, list[tuple[int, str]]]]
    row_of: dict[int, int]  # seat id -> index into rows
    loaded: float  # monotonic


@dataclass
class _Shown:
    """What a document shows, kept to patch it: the showtime's head fields, each seat's
    state, the held seats' expiry (epoch seconds), the counts and each row's JSON."""

    top: dict  # showtime_id, title, starts_at, status, currency
    states: dict[int, str]
    expiries: dict[int, float]
    counts: dict[str, int]
    rows: list[str]
    version: int

    def lapse_at(self) -> float:
        """The earliest expiry of a hold shown as live (``inf``: none)."""
        return min(self.expiries.values(), default=float("inf"))


@dataclass
class _Entry:
    doc: SeatMapDoc
    layout: _Layout
    shown: _Shown
    lapse_at: float  # wall clock (epoch seconds) of the earliest live hold's expiry
    generation: int  # of the showtime's notifications when the build started
    feed_epoch: int | None  # the feed's epoch if it was live when the build started
    checked: float = field(default=float("-inf"))  # clock() before the read that made or confirmed it

    @property
    def status(self) -> str:
        return self.shown.top["status"]


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
        self.builds = 0  # documents rendered whole (tests and benchmarks)
        self.patches = 0  # documents patched with the seats changed since
        self.checks = 0  # reads of the database that found nothing changed

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
        entry = self._current(showtime_id)
        return None if entry is None else entry.doc

    def taken(self, showtime_id: int, seat_ids: list[int]) -> list[int] | None:
        """Which of ``seat_ids`` the showtime's current map (as :meth:`peek` trusts it)
        shows held, sold or blocked, sorted; ``None`` when there is no current map, the
        showtime is not on sale, or a seat is not on its map (the database decides).

        A seat released a moment ago may still show taken until its notification
        arrives (milliseconds): a refusal, never a seat held twice, since seats the map
        shows available are still held by the database."""
        entry = self._current(showtime_id)
        if entry is None or entry.status != "on_sale":
            return None
        states = entry.shown.states
        if any(seat not in states for seat in seat_ids):
            return None
        return sorted({seat for seat in seat_ids if states[seat] != "available"})

    def _current(self, showtime_id: int) -> _Entry | None:
        with self._lock:
            entry = self._entries.get(showtime_id)
            if entry is None or not self._trusted(showtime_id, entry):
                return None
        if self.wall() >= entry.lapse_at or self.clock() - entry.layout.loaded >= self.layout_seconds:
            return None
        return entry

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
        fresh = entry is not None and now - entry.layout.loaded < self.layout_seconds
        if entry is not None and fresh:
            patched = self._patch(session, showtime_id, entry, generation, epoch, now)
            if patched is not None:
                return patched
        new = self._build(
            session, showtime_id, entry.layout if entry is not None and fresh else None, generation, epoch
        )
        new.checked = now
        self._store(showtime_id, new)
        return new.doc

    def _patch(
        self, session: Session, showtime_id: int, entry: _Entry, generation: int, epoch: int | None, now: float
    ) -> SeatMapDoc | None:
        """``entry``'s document brought up to date (stored, returned), or ``None`` when it
        needs a whole build: the showtime's plan or status changed. Called under the
        showtime's build lock (the only writer of ``entry.shown``).

        Raises:
            NotFoundError: no such showtime.
        """
        shown = entry.shown
        wall = self.wall()
        lapsed = [seat for seat, expires in shown.expiries.items() if expires <= wall]
        rows = session.execute(_DELTA, {"id": showtime_id, "version": shown.version, "lapsed": lapsed}).all()
        head = [r for r in rows if r[2] is None]
        if not head:
            raise NotFoundError(f"Showtime {showtime_id} does not exist.")
        if head[0][0] != entry.layout.plan_id or head[0][1] != entry.status:
            return None
        changed = [tuple(r[2:]) for r in rows if r[2] is not None]
        if not changed:
            self.checks += 1
            self._store(showtime_id, replace(entry, generation=generation, feed_epoch=epoch, checked=now))
            return entry.doc
        self.patches += 1
        patched = _patched(entry.layout, shown, changed)
        doc = _document(entry.layout, patched)
        self._store(showtime_id, _Entry(doc, entry.layout, patched, patched.lapse_at(), generation, epoch, now))
        return doc

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
        # fetched at once: row by row through the result cost a third of a build
        changed = session.execute(_STATES, {"id": showtime_id}).all()
        top = {
            "showtime_id": head.id,
            "title": head.title,
            "starts_at": head.starts_at.isoformat(),
            "status": head.status,
            "currency": head.currency,
        }
        empty = _Shown(top, {}, {}, dict.fromkeys(STATES, 0), [], 0)
        shown = _patched(layout, empty, changed, whole=True)
        self.builds += 1
        return _Entry(_document(layout, shown), layout, shown, shown.lapse_at(), generation, epoch)


def _load_layout(session: Session, showtime_id: int, head, loaded: float) -> _Layout:
    categories = session.execute(_CATEGORIES, {"id": showtime_id, "plan": head.plan_id}).all()
    index = {cat_id: i for i, (cat_id, _, _) in enumerate(categories)}
    sections: list[tuple[str, list[int]]] = []
    rows: list[tuple[str, list[tuple[int, str]]]] = []
    row_index: dict[tuple[str, str], int] = {}
    row_of: dict[int, int] = {}
    last_section = None
    for seat_id, section, row, seat, category_id, wheelchair, x, y in session.execute(_SEATS, {"plan": head.plan_id}):
        if section != last_section:
            sections.append((json.dumps(section), []))
            last_section = section
        key = (section, row)
        at = row_index.get(key)
        if at is None:
            at = row_index[key] = len(rows)
            rows.append((json.dumps(row), []))
            sections[-1][1].append(at)
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
        rows[at][1].append((seat_id, prefix[:-1] + ',"state":"'))
        row_of[seat_id] = at
    static = {
        "plan": {"width": float(head.width), "height": float(head.height)},
        "categories": [{"name": name, "price_minor": price} for _, name, price in categories],
    }
    return _Layout(head.plan_id, static, set(row_of), sections, rows, row_of, loaded)


def _patched(layout: _Layout, shown: _Shown, changed, *, whole: bool = False) -> _Shown:
    """A new :class:`_Shown`: ``shown`` with ``changed`` rows ``(seat_id, state,
    hold_expires_at, version)`` applied (``whole``: they are all the showtime's seats),
    the rows of the changed seats rendered again. ``shown`` itself is left as it was."""
    states = dict(shown.states)
    expiries = dict(shown.expiries)
    counts = dict(shown.counts)
    version = shown.version
    touched: set[int] = set()
    for seat_id, state, expires, row_version in changed:
        before = states.get(seat_id)
        if before is not None:
            counts[before] -= 1
        states[seat_id] = state
        counts[state] = counts.get(state, 0) + 1
        if expires is not None and state == "held":
            expiries[seat_id] = expires.timestamp()
        else:
            expiries.pop(seat_id, None)
        version = max(version, row_version)
        at = layout.row_of.get(seat_id)
        if at is not None:
            touched.add(at)
    rows = [""] * len(layout.rows) if whole else list(shown.rows)
    for at in range(len(layout.rows)) if whole else touched:
        label, seats = layout.rows[at]
        shown_seats = ",".join(prefix + states[seat_id] + '"}' for seat_id, prefix in seats if seat_id in states)
        rows[at] = '{"row":' + label + ',"seats":[' + shown_seats + "]}"
    return _Shown(shown.top, states, expiries, counts, rows, version)


def _document(layout: _Layout, shown: _Shown) -> SeatMapDoc:
    """The JSON document (module docstring) of ``shown``, with its ETag. A seat without
    inventory is not part of the showtime and not shown; an empty row still is."""
    top = {**shown.top, "version": shown.version, **layout.static, "counts": shown.counts}
    opening = json.dumps(top, separators=(",", ":"))[:-1] + ',"sections":['
    sections = ",".join(
        '{"name":' + name + ',"rows":[' + ",".join(shown.rows[at] for at in rows) + "]}"
        for name, rows in layout.sections
    )
    body = (opening + sections + "]}").encode()
    return SeatMapDoc(body, '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"', shown.version)
