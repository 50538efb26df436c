"""Best available as use cases: choose the best N seats together, or choose and hold them.

The geometry and the rules are :mod:`boxoffice.domain.best_available`; this module feeds
it. Two caches per process (thread-safe, one per database; :class:`BestCache`) keep a
choice cheap on a 100,000-seat stadium:

* the plan's :class:`~boxoffice.domain.best_available.BestLayout`, per plan id and
  ``seating_plan.best_stamp`` (bumped by every ranking change, migration 0026_best_available);
* each showtime's seat states, brought up to date with the rows whose inventory version
  is above the last one seen (versions are given in commit order, migration 0020: having
  seen version v means having seen every commit up to v); a hold that lapsed without a
  new version is noticed by its expiry against the database's clock.

:func:`hold_best` is race-safe without trusting the cache: it takes a transaction-level
advisory lock per showtime (``pg_advisory_xact_lock(20260026, showtime)``), reads the
changes after the lock (READ COMMITTED: each statement sees every commit before it, so it
sees the previous lock holder's hold), picks and holds through ``bo_hold`` (or
``bo_web_hold``), and releases the previous offer, all in one transaction. Tills asking
at the same moment therefore queue for a few milliseconds each instead of all choosing
the same pair and all but one failing. A seat taken by someone who does not take the
lock (a seat clicked on the map, another process's stale cache) makes ``bo_hold`` refuse
(BO001): the hold is retried in a savepoint with those seats marked taken, up to
:data:`ATTEMPTS` times.
"""

from __future__ import annotations

import datetime as dt
import math
import threading
import uuid
from collections.abc import Collection
from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.orm import Session

from boxoffice.domain.best_available import BestChoice, BestLayout, BestSeat, NotEnoughTogetherError
from boxoffice.domain.errors import InvalidInputError, NotFoundError, SeatUnavailableError
from boxoffice.domain.roles import SELL
from boxoffice.services import web_holds
from boxoffice.services.auth import authorize
from boxoffice.services.errors import savepoint, unit_of_work
from boxoffice.services.inventory import _HOLD, _HOLD_LATE, _RELEASE

__all__ = [
    "ATTEMPTS",
    "MAX_QUANTITY",
    "BestCache",
    "HeldBest",
    "NotEnoughTogetherError",
    "choose_best",
    "hold_best",
    "not_enough_message",
    "warm",
]

MAX_QUANTITY = 50  # seats in one best-available group
ATTEMPTS = 5  # holds tried when someone outside the lock took a chosen seat
LOCK_CLASS = 20260026  # pg_advisory_xact_lock(LOCK_CLASS, showtime_id)
STAGE_WORDS = ("stage", "pitch", "field", "screen", "court", "arena", "ring", "bühne", "buehne", "leinwand")

_HEAD = text(
    "SELECT st.plan_id, p.best_stamp, extract(epoch FROM clock_timestamp())::float8, "
    "ARRAY(SELECT sp.category_id FROM showtime_price sp WHERE sp.showtime_id = st.id) "
    "FROM showtime st JOIN seating_plan p ON p.id = st.plan_id WHERE st.id = :id"
)
_PLAN = text("SELECT best_x, best_y FROM seating_plan WHERE id = :plan")
_SECTIONS = text("SELECT id, name, best_rank FROM section WHERE plan_id = :plan")
_CATEGORIES = text("SELECT id, name FROM price_category WHERE plan_id = :plan")
_SEATS = text(
    "SELECT id, section_id, row_label, seat_number, x, y, category_id, wheelchair, companion "
    "FROM seat WHERE plan_id = :plan"
)
_AREAS = text("SELECT section_id, shape FROM plan_area WHERE plan_id = :plan")
_CHANGES = text(
    "SELECT seat_id, state, extract(epoch FROM hold_expires_at)::float8, version "
    "FROM inventory_live WHERE showtime_id = :id AND version > :v"
)
_LOCK = text("SELECT pg_advisory_xact_lock(:cls, :id)")


@dataclass(frozen=True)
class HeldBest:
    """A group held by :func:`hold_best`: the ``choice`` and the hold's ``expires_at``."""

    choice: BestChoice
    expires_at: dt.datetime

    @property
    def seat_ids(self) -> tuple[int, ...]:
        """The held seats, left to right."""
        return self.choice.seat_ids


@dataclass
class _Plan:
    layout: BestLayout
    sections: dict[int, str]
    categories: dict[int, str]


@dataclass
class _Show:
    showtime_id: int
    plan_id: int
    version: int = 0
    free: set[int] = field(default_factory=set)
    held: dict[int, float] = field(default_factory=dict)  # live hold -> expiry (epoch seconds)
    lock: threading.Lock = field(default_factory=threading.Lock)


class BestCache:
    """Layouts per plan and seat states per showtime, for one database (see the module
    docstring). Thread-safe. :func:`cache_for` gives the process's cache of a session's
    database."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._plans: dict[tuple[int, int], _Plan] = {}
        self._shows: dict[int, _Show] = {}

    def plan(self, session: Session, plan_id: int, stamp: int) -> _Plan:
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

    def show(self, showtime_id: int, plan_id: int) -> _Show:
        """The showtime's state entry (a fresh one when its plan changed)."""
        with self._lock:
            entry = self._shows.get(showtime_id)
            if entry is None or entry.plan_id != plan_id:
                entry = self._shows[showtime_id] = _Show(showtime_id, plan_id)
            return entry


_CACHES: dict[tuple, BestCache] = {}
_CACHES_LOCK = threading.Lock()


def cache_for(session: Session) -> BestCache:
    """The process's :class:`BestCache` for the database ``session`` is bound to."""
    url = session.get_bind().engine.url
    key = (url.host, url.port, url.database)
    with _CACHES_LOCK:
        return _CACHES.setdefault(key, BestCache())


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


def _stage_rect(
    areas: list[tuple[int | None, dict]], names: dict[int, str]
) -> tuple[float, float, float, float] | None:
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


def _load_plan(session: Session, plan_id: int) -> _Plan:
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
        stage=_stage_rect(areas, names),
    )
    return _Plan(layout, names, categories)


def _refresh(session: Session, show: _Show, now: float) -> None:
    """Bring ``show`` up to date (call with ``show.lock`` held)."""
    rows = session.execute(_CHANGES, {"id": show.showtime_id, "v": show.version}).all()
    for seat_id, state, expires, version in rows:
        show.free.discard(seat_id)
        show.held.pop(seat_id, None)
        if state == "available":
            show.free.add(seat_id)
        elif state == "held" and expires is not None:
            show.held[seat_id] = expires
        show.version = max(show.version, version)
    for seat_id in [s for s, t in show.held.items() if t <= now]:
        del show.held[seat_id]
        show.free.add(seat_id)


def _context(session: Session, showtime_id: int, cache: BestCache) -> tuple[_Plan, _Show, frozenset[int]]:
    head = session.execute(_HEAD, {"id": showtime_id}).one_or_none()
    if head is None:
        raise NotFoundError(f"There is no showtime {showtime_id}.")
    plan_id, stamp, now, priced = head
    plan = cache.plan(session, plan_id, stamp)
    show = cache.show(showtime_id, plan_id)
    with show.lock:
        _refresh(session, show, now)
    return plan, show, frozenset(priced or ())


def warm(session: Session, *, showtime_id: int, cache: BestCache | None = None) -> int:
    """Build the showtime's plan layout and read its seat states now (e.g. on a worker when
    the counter opens the showtime), so the first best-available press is as fast as the
    rest; on a 100,000-seat plan this first read takes a few seconds. Returns the number
    of free seats. A read: ends the session's transaction.

    Raises:
        NotFoundError: no such showtime.
    """
    with unit_of_work(session):
        _, show, _ = _context(session, showtime_id, cache or cache_for(session))
    return len(show.free)


def _check_quantity(quantity: int, limit: int) -> None:
    if isinstance(quantity, bool) or not isinstance(quantity, int) or not 1 <= quantity <= limit:
        raise InvalidInputError(f"Best available finds 1 to {limit} seats together.")


def _named(kind: str, names: dict[int, str], wanted: str) -> int:
    matches = [i for i, n in names.items() if n.casefold() == wanted.strip().casefold()]
    if not matches:
        raise InvalidInputError(f"This plan has no {kind} {wanted!r} (it has: {', '.join(sorted(names.values()))}).")
    return matches[0]


def not_enough_message(
    quantity: int, *, category: str | None = None, section: str | None = None, wheelchair: bool = False
) -> str:
    """The one-line refusal, e.g. "No 4 seats together in Stalls." or "No 2 Premium
    seats together left."."""
    kind = f"{category} " if category else ""
    if wheelchair:
        what = "No wheelchair space" + (
            f" with {quantity - 1} seat{'s' if quantity > 2 else ''} beside it" if quantity > 1 else ""
        )
    elif quantity == 1:
        what = f"No {kind}seat"
    else:
        what = f"No {quantity} {kind}seats together"
    return f"{what} in {section}." if section else f"{what} left."


def _choose(
    plan: _Plan,
    show: _Show,
    priced: frozenset[int],
    quantity: int,
    *,
    category_id,
    section_id,
    wheelchair,
    skip,
    extra: Collection[int] = (),
    lost: Collection[int] = (),
) -> BestChoice:
    with show.lock:
        # a copy only when this call's view differs from the cache's (rare: a retry, or
        # the previous offer's seats to choose again)
        free = (show.free | set(extra)) - set(lost) if extra or lost else show.free
        choice = plan.layout.choose(
            free,
            quantity,
            category_id=category_id,
            section_id=section_id,
            wheelchair=wheelchair,
            skip=skip,
            priced_categories=priced,
        )
    if choice is None:
        raise NotEnoughTogetherError(
            not_enough_message(
                quantity,
                category=plan.categories.get(category_id) if category_id is not None else None,
                section=plan.sections.get(section_id) if section_id is not None else None,
                wheelchair=wheelchair,
            ),
            quantity=quantity,
            category_id=category_id,
            section_id=section_id,
        )
    return choice


def choose_best(
    session: Session,
    *,
    showtime_id: int,
    quantity: int,
    category_id: int | None = None,
    category_name: str | None = None,
    section_id: int | None = None,
    section_name: str | None = None,
    wheelchair: bool = False,
    skip: Collection[Collection[int]] = (),
    max_quantity: int = MAX_QUANTITY,
    cache: BestCache | None = None,
) -> BestChoice:
    """The best ``quantity`` seats together at ``showtime_id`` now, without holding them.
    ``category_id``/``category_name`` (case-insensitive) and ``section_id``/``section_name``
    limit the choice; ``wheelchair`` asks for a wheelchair space (with its companion seat
    from 2 seats); ``skip``: seat sets already offered ("next best").

    Raises:
        NotEnoughTogetherError: no such group is free (one-line message).
        InvalidInputError: ``quantity`` outside 1..``max_quantity``; an unknown category or
            section name.
        NotFoundError: no such showtime.
    """
    _check_quantity(quantity, max_quantity)
    cache = cache or cache_for(session)
    with unit_of_work(session):
        plan, show, priced = _context(session, showtime_id, cache)
    if category_name is not None:
        category_id = _named("price category", plan.categories, category_name)
    if section_name is not None:
        section_id = _named("section", plan.sections, section_name)
    return _choose(
        plan, show, priced, quantity, category_id=category_id, section_id=section_id, wheelchair=wheelchair, skip=skip
    )


_WEB_HOLD = web_holds._HOLD  # bo_web_hold with the channel's limits (migration 0019)


def hold_best(
    session: Session,
    *,
    showtime_id: int,
    token: uuid.UUID,
    quantity: int,
    channel: str,
    seconds: int,
    category_id: int | None = None,
    category_name: str | None = None,
    section_id: int | None = None,
    section_name: str | None = None,
    wheelchair: bool = False,
    skip: Collection[Collection[int]] = (),
    release: Collection[int] = (),
    buyer: web_holds.Buyer | None = None,
    limits: web_holds.HoldLimits | None = None,
    max_quantity: int = MAX_QUANTITY,
    cache: BestCache | None = None,
    late_sale: uuid.UUID | None = None,
) -> HeldBest:
    """Choose (as :func:`choose_best`) and hold the best group for ``token`` for
    ``seconds`` in one transaction, releasing ``release`` (the token's previous offer:
    those seats may be chosen again, e.g. shifted by one) except the seats chosen now.
    With ``buyer`` and ``limits`` the hold is a web hold (``bo_web_hold``, the channel's
    limits; ``channel`` is then ignored). Safe when many tills ask at once (module
    docstring): each gets other seats, and none is refused while a group is free.
    ``late_sale``: a manager's override after the showtime's sales closed (``bo_hold_late``,
    :mod:`boxoffice.services.late_sale`).

    Raises:
        NotEnoughTogetherError: no such group is free (nothing held, nothing released).
        SeatUnavailableError: the chosen seats kept being taken by clients outside the lock
            (:data:`ATTEMPTS` times).
        NotOnSaleError, BusyError, TooManySeatsError, TooManyHoldsError, HeldSeatsLimitError:
            as the hold functions.
        InvalidInputError, NotFoundError, PermissionDeniedError: bad input; no showtime;
            the actor may not sell.
    """
    if buyer is None:
        authorize(session, SELL)
    _check_quantity(quantity, max_quantity)
    cache = cache or cache_for(session)
    mine = sorted({int(s) for s in release})
    with unit_of_work(session):
        session.execute(_LOCK, {"cls": LOCK_CLASS, "id": showtime_id})
        plan, show, priced = _context(session, showtime_id, cache)
        if category_name is not None:
            category_id = _named("price category", plan.categories, category_name)
        if section_name is not None:
            section_id = _named("section", plan.sections, section_name)
        lost: set[int] = set()
        for attempt in range(ATTEMPTS):
            choice = _choose(
                plan,
                show,
                priced,
                quantity,
                category_id=category_id,
                section_id=section_id,
                wheelchair=wheelchair,
                skip=skip,
                extra=mine,
                lost=lost,
            )
            params = {"showtime": showtime_id, "seats": sorted(choice.seat_ids), "token": token, "seconds": seconds}
            try:
                with savepoint(session):
                    if buyer is not None:
                        expires = session.execute(
                            _WEB_HOLD,
                            {**params, **web_holds._who(buyer), **(limits or web_holds.HoldLimits()).params()},
                        ).scalar_one()
                    elif late_sale is not None:
                        expires = session.execute(
                            _HOLD_LATE, {**params, "channel": channel, "late_sale": late_sale}
                        ).scalar_one()
                    else:
                        expires = session.execute(_HOLD, {**params, "channel": channel}).scalar_one()
            except SeatUnavailableError as exc:
                named = exc.details.get("seat_ids")
                taken = {int(s) for s in named} if isinstance(named, list) and named else set(choice.seat_ids)
                lost |= taken
                if attempt == ATTEMPTS - 1:
                    raise
                continue
            break
        others = sorted(set(mine) - set(choice.seat_ids))
        if others:
            session.execute(_RELEASE, {"showtime": showtime_id, "seats": others, "token": token})
    with show.lock:  # what this transaction did, until the next refresh confirms it
        show.free.difference_update(choice.seat_ids)
        show.free.difference_update(lost)
    return HeldBest(choice, expires)
