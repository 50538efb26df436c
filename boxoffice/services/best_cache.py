"""Best available's per-process caches: each plan's layout and each showtime's seat states.

Used by :mod:`boxoffice.services.best_available` (which re-exports :class:`BestCache` and
:func:`cache_for`). One :class:`BestCache` per database and process, thread-safe:

* the plan's :class:`~boxoffice.domain.best_available.BestLayout`, per plan id and
  ``seating_plan.best_stamp`` (bumped by every ranking change, migration 0026);
* each showtime's seat states (:class:`ShowStates`), brought up to date with the rows
  whose inventory version is above the last one seen (versions are given in commit order,
  migration 0020: having seen version v means having seen every commit up to v), read in
  one statement (:func:`read`) outside any lock and applied under the showtime's
  in-process lock (:func:`apply`); a hold that lapsed without a new version is noticed by
  its expiry against the database's clock.

**Claims.** A thread about to hold seats claims them first (:func:`claim`, under the
showtime's lock): they leave the free set for the other threads of this process until
the hold is settled (:func:`settle`): kept out when held, given back when the hold was
refused (except the seats the refusal named). So threads of one process never pick the
same seats; only other processes can, and the database refuses the second hold.
"""

from __future__ import annotations

import math
import random
import threading
import time
from collections.abc import Collection
from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.orm import Session

from boxoffice.domain.best_available import BestChoice, BestLayout, BestSeat
from boxoffice.domain.best_free import FreeSeats
from boxoffice.domain.errors import NotFoundError

STAGE_WORDS = ("stage", "pitch", "field", "screen", "court", "arena", "ring", "bühne", "buehne", "leinwand")
PENDING_WAIT = 10.0  # seconds a choice that found nothing waits for this process's holds in flight

_PLAN = text("SELECT best_x, best_y FROM seating_plan WHERE id = :plan")
_SECTIONS = text("SELECT id, name, best_rank FROM section WHERE plan_id = :plan")
_CATEGORIES = text("SELECT id, name FROM price_category WHERE plan_id = :plan")
_SEATS = text(
    "SELECT id, section_id, row_label, seat_number, x, y, category_id, wheelchair, companion "
    "FROM seat WHERE plan_id = :plan"
)
_AREAS = text("SELECT section_id, shape FROM plan_area WHERE plan_id = :plan")
# the showtime's head and its changes since version :v, in one round trip
_READ = text(
    "SELECT st.plan_id, p.best_stamp, extract(epoch FROM clock_timestamp())::float8, "
    "ARRAY(SELECT sp.category_id FROM showtime_price sp WHERE sp.showtime_id = st.id), "
    "c.ids, c.states, c.expires, c.versions "
    "FROM showtime st JOIN seating_plan p ON p.id = st.plan_id "
    "LEFT JOIN LATERAL (SELECT array_agg(seat_id) AS ids, array_agg(state::text) AS states, "
    "array_agg(extract(epoch FROM hold_expires_at)::float8) AS expires, array_agg(version) AS versions "
    "FROM inventory_live WHERE showtime_id = st.id AND version > :v) c ON true "
    "WHERE st.id = :id"
)


@dataclass
class PlanLayout:
    """A plan's layout with its section and category names by id."""

    layout: BestLayout
    sections: dict[int, str]
    categories: dict[int, str]


@dataclass
class ShowStates:
    """One showtime's seat states as this process knows them (see the module docstring).
    ``free``: free seats not claimed by a thread of this process, with each row block's
    longest free run for the plan's current layout; ``pending``: claimed seats; ``news``:
    what a refresh said about a claimed seat (True: available)."""

    showtime_id: int
    plan_id: int
    free: FreeSeats
    version: int = 0
    held: dict[int, float] = field(default_factory=dict)  # live hold -> expiry (epoch seconds)
    pending: set[int] = field(default_factory=set)
    news: dict[int, bool] = field(default_factory=dict)
    heat: float = 0.0  # recent collisions with other processes (see note_collision)
    lock: threading.Lock = field(default_factory=threading.Lock)
    cond: threading.Condition = field(init=False)

    def __post_init__(self) -> None:
        self.cond = threading.Condition(self.lock)


class BestCache:
    """Layouts per plan and seat states per showtime, for one database (see the module
    docstring). Thread-safe. :func:`cache_for` gives the process's cache of a session's
    database."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._plans: dict[tuple[int, int], PlanLayout] = {}
        self._shows: dict[int, ShowStates] = {}

    def plan(self, session: Session, plan_id: int, stamp: int) -> PlanLayout:
        """The plan's layout for ranking ``stamp`` (built on first use)."""
        with self._lock:
            found = self._plans.get((plan_id, stamp))
        if found is None:
            found = _load_plan(session, plan_id)
            with self._lock:
                for key in [k for k in self._plans if k[0] == plan_id]:
                    del self._plans[key]
                self._plans[(plan_id, stamp)] = found
        return found

    def show(self, showtime_id: int, plan_id: int, layout: BestLayout) -> ShowStates:
        """The showtime's state entry (a fresh one when its plan changed; its free seats
        re-keyed to ``layout`` when the plan's ranking changed)."""
        with self._lock:
            entry = self._shows.get(showtime_id)
            if entry is None or entry.plan_id != plan_id:
                entry = self._shows[showtime_id] = ShowStates(showtime_id, plan_id, FreeSeats(layout))
        if entry.free.layout is not layout:
            with entry.lock:
                if entry.free.layout is not layout:
                    entry.free = FreeSeats(layout, entry.free)
        return entry

    def known(self, showtime_id: int) -> ShowStates | None:
        """The showtime's state entry if there is one (no database access)."""
        with self._lock:
            return self._shows.get(showtime_id)


_CACHES: dict[tuple, BestCache] = {}
_CACHES_LOCK = threading.Lock()


def cache_for(session: Session) -> BestCache:
    """The process's :class:`BestCache` for the database ``session`` is bound to."""
    url = session.get_bind().engine.url
    key = (url.host, url.port, url.database)
    with _CACHES_LOCK:
        return _CACHES.setdefault(key, BestCache())


def read(session: Session, showtime_id: int, cache: BestCache) -> tuple[PlanLayout, ShowStates, frozenset[int]]:
    """Bring the showtime's states up to date (one statement; the layout is built on
    first use); returns its plan layout, states and priced category ids.

    Raises:
        NotFoundError: no such showtime.
    """
    known = cache.known(showtime_id)
    row = session.execute(_READ, {"id": showtime_id, "v": known.version if known else 0}).one_or_none()
    if row is None:
        raise NotFoundError(f"There is no showtime {showtime_id}.")
    plan_id, stamp, now, priced, ids, states, expires, versions = row
    plan = cache.plan(session, plan_id, stamp)
    show = cache.show(showtime_id, plan_id, plan.layout)
    if known is not None and show is not known and known.version:
        # the plan changed under a known showtime: read every row again
        return read(session, showtime_id, cache)
    with show.lock:
        apply(show, ids or (), states or (), expires or (), versions or (), now)
    return plan, show, frozenset(priced or ())


def apply(
    show: ShowStates,
    ids: Collection[int],
    states: Collection[str],
    expires: Collection[float | None],
    versions: Collection[int],
    now: float,
) -> None:
    """Apply changed rows (call with ``show.lock`` held). Rows at or below the version
    already applied are skipped: a read that finished later already applied them or
    newer states (versions are in commit order)."""
    seen = top = show.version
    for seat_id, state, until, version in zip(ids, states, expires, versions, strict=True):
        if version <= seen:
            continue
        top = max(top, version)
        show.held.pop(seat_id, None)
        if state == "held" and until is not None:
            show.held[seat_id] = until
        _mark(show, seat_id, state == "available")
    show.version = top
    for seat_id in [s for s, t in show.held.items() if t <= now]:
        del show.held[seat_id]
        _mark(show, seat_id, True)


def _mark(show: ShowStates, seat_id: int, available: bool) -> None:
    if seat_id in show.pending:
        show.news[seat_id] = available
    elif available:
        show.free.add(seat_id)
    else:
        show.free.discard(seat_id)


def claim(
    plan: PlanLayout,
    show: ShowStates,
    quantity: int,
    *,
    extra: Collection[int] = (),
    lost: Collection[int] = (),
    spread: int = 1,
    **filters,
) -> tuple[BestChoice | None, frozenset[int]]:
    """Choose the best group (``filters``: the layout's ``choose`` arguments) among the free
    seats, ``extra`` (the caller's own held seats) added and ``lost`` taken away, and
    claim its seats for this thread; ``(None, ∅)`` when there is none, after waiting
    (up to :data:`PENDING_WAIT`) for this process's holds in flight, whose seats may come
    back. ``spread`` > 1 (after a collision with another process): one of the ``spread``
    best groups, each chosen as if the better ones were taken, at random, so that
    processes choosing at the same moment spread over the best groups instead of all
    asking for the same one again (they are what holding one after the other would have
    given them)."""
    deadline = time.monotonic() + PENDING_WAIT
    passes = random.randrange(spread) if spread > 1 else 0
    with show.cond:
        while True:
            choice = _choose_in_place(plan, show, quantity, extra, lost, passes, filters)
            if choice is not None:
                taken = frozenset(s for s in choice.seat_ids if s in show.free)
                show.free.difference_update(taken)
                show.pending.update(taken)
                return choice, taken
            left = deadline - time.monotonic()
            if not show.pending or left <= 0:
                return None, frozenset()
            show.cond.wait(left)


def _choose_in_place(
    plan: PlanLayout,
    show: ShowStates,
    quantity: int,
    extra: Collection[int],
    lost: Collection[int],
    passes: int,
    filters: dict,
) -> BestChoice | None:
    """The choice for :func:`claim` (``show.lock`` held): the free set is changed in place
    for this call's view (``extra`` in, ``lost`` out) and restored, instead of copying
    50,000 seat ids. With ``passes``: the groups in offer order (one scan), of which the
    ``passes``-th that overlaps none before it (or the last such)."""
    free = show.free
    added = [s for s in extra if s not in free]
    removed = [s for s in lost if s in free]
    free.update(added)
    free.difference_update(removed)
    try:
        if not passes:
            return plan.layout.choose(free, quantity, **filters)
        offers = plan.layout.candidates(free, quantity, limit=2 * (passes + 1), **filters)
    finally:
        free.difference_update(added)
        free.update(removed)
    disjoint: list[BestChoice] = []
    used: set[int] = set()
    for offer in offers:
        if used.isdisjoint(offer.seat_ids):
            disjoint.append(offer)
            used.update(offer.seat_ids)
    return disjoint[min(passes, len(disjoint) - 1)] if disjoint else None


def settle(show: ShowStates, taken: Collection[int], *, held: bool, gone: Collection[int] = ()) -> None:
    """End a claim: the seats stay out of the free set when ``held`` (ours now) or named
    in ``gone`` (someone else's); otherwise they are free again unless a refresh since
    the claim said they are not."""
    with show.cond:
        for seat_id in taken:
            show.pending.discard(seat_id)
            news = show.news.pop(seat_id, None)
            if held or seat_id in gone:
                continue
            if news is None or news:
                show.free.add(seat_id)
        show.cond.notify_all()


def spread(show: ShowStates, attempt: int, limit: int) -> int:
    """How many of the best groups attempt ``attempt`` (0 = first) chooses among: 1 (the
    best) while this showtime's picks have not collided lately; more with each recent
    collision and doubled for each retry, at most ``limit``."""
    return max(1, min(limit, int((1 + show.heat) * 2**attempt)))


def note_collision(show: ShowStates, collided: bool) -> None:
    """Record an optimistic hold's outcome: a collision heats the showtime up, a hold
    that went through at once cools it down a little."""
    with show.lock:
        show.heat = min(show.heat + 1.0, 16.0) if collided else max(show.heat - 0.2, 0.0)


def _bbox(shape: dict) -> tuple[float, float, float, float] | None:
    """The bounding box of a pretix area (absolute ``position``), rotation ignored."""
    pos = shape.get("position") or {}
    px, py = float(pos.get("x", 0)), float(pos.get("y", 0))
    kind = shape.get("shape")
    if kind == "rectangle":
        rect = shape.get("rectangle") or shape
        return (px, py, px + float(rect.get("width", 0)), py + float(rect.get("height", 0)))
    if kind in ("circle", "ellipse"):
        r = shape.get(kind) or {}
        radius = r.get("radius", 0)
        rx, ry = (radius, radius) if kind == "circle" else ((radius or {}).get("x", 0), (radius or {}).get("y", 0))
        return (px - float(rx), py - float(ry), px + float(rx), py + float(ry))
    if kind == "polygon":
        pts = [
            (px + float(p.get("x", 0)), py + float(p.get("y", 0)))
            for p in (shape.get("polygon") or {}).get("points", [])
        ]
        if pts:
            return (min(x for x, _ in pts), min(y for _, y in pts), max(x for x, _ in pts), max(y for _, y in pts))
    return None


def _is_stage_word(value: str) -> bool:
    value = value.strip().casefold()
    return any(word in value for word in STAGE_WORDS)


def stage_rect(areas: list[tuple[int | None, dict]], names: dict[int, str]) -> tuple[float, float, float, float] | None:
    """Where the stage (pitch, screen...) is: the areas of a section named like one, else
    the seatless area under a text that says so (the demo's "STAGE"). ``None``: unknown."""
    boxes = [
        box
        for section_id, shape in areas
        if section_id is not None and _is_stage_word(names.get(section_id, "")) and (box := _bbox(shape))
    ]
    if not boxes:
        shapes = [(shape, _bbox(shape)) for section_id, shape in areas if section_id is None]
        for shape, _ in shapes:
            label = shape.get("text")
            label = {"text": label} if isinstance(label, str) else (label or {})
            if shape.get("shape") != "text" or not _is_stage_word(str(label.get("text") or "")):
                continue
            pos, at = shape.get("position") or {}, label.get("position") or {}
            ax = float(pos.get("x", 0)) + float(at.get("x", 0))
            ay = float(pos.get("y", 0)) + float(at.get("y", 0))
            candidates = [box for other, box in shapes if box is not None and other.get("shape") != "text"]
            if candidates:
                boxes.append(
                    min(
                        candidates,
                        key=lambda b: (
                            0.0
                            if b[0] <= ax <= b[2] and b[1] <= ay <= b[3]
                            else math.hypot((b[0] + b[2]) / 2 - ax, (b[1] + b[3]) / 2 - ay)
                        ),
                    )
                )
            break
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _load_plan(session: Session, plan_id: int) -> PlanLayout:
    best_x, best_y = session.execute(_PLAN, {"plan": plan_id}).one()
    sections = {i: (name, rank) for i, name, rank in session.execute(_SECTIONS, {"plan": plan_id})}
    names = {i: name for i, (name, _) in sections.items()}
    categories = {i: name for i, name in session.execute(_CATEGORIES, {"plan": plan_id})}
    seats = [
        BestSeat(sid, sec, names[sec], row, number, x, y, cat, wc, comp)
        for sid, sec, row, number, x, y, cat, wc, comp in session.execute(_SEATS, {"plan": plan_id})
    ]
    if not seats:
        raise NotFoundError("This seating plan has no seats.")
    areas = [(sec, shape) for sec, shape in session.execute(_AREAS, {"plan": plan_id}) if isinstance(shape, dict)]
    layout = BestLayout(
        seats,
        best_point=(best_x, best_y) if best_x is not None else None,
        section_ranks={i: rank for i, (_, rank) in sections.items()},
        stage=stage_rect(areas, names),
    )
    return PlanLayout(layout, names, categories)
