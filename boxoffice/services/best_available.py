"""Best available as use cases: choose the best N seats together, or choose and hold them.

The geometry and the rules are :mod:`boxoffice.domain.best_available`; the per-process
caches (each plan's layout, each showtime's seat states kept current by inventory
version) are :mod:`boxoffice.services.best_cache`. This module feeds the one with the
other and holds.

:func:`hold_best` holds **optimistically**: it brings the cached states up to date (one
statement), chooses in the cache under the showtime's in-process lock, claiming the seats
so that other threads of this process choose others, and holds them in one statement in
autocommit (``bo_hold``, or ``bo_web_hold`` for the web; the previous offer given back in
the same statement, before the hold). No database lock is waited for while choosing, so
holds of one showtime run side by side. Another process may have chosen the same seats
at the same moment: the database refuses the second hold atomically (BO001, naming the
seats) and the loser chooses again with the refreshed states, among a few of the best
groups at random once the showtime's picks have been colliding (so processes stop asking
for the same group together), up to :data:`OPTIMISTIC_ATTEMPTS` times. Then, or when the
session already has a transaction open, it takes the **serialised** path: a
transaction-level advisory lock per showtime (``pg_advisory_xact_lock(20260026,
showtime)``) around read, choose and hold, retried in a savepoint when a seat was taken by
a hold that does not take the lock (a seat clicked on the map), up to :data:`ATTEMPTS`
times. Optimistic holds take that lock *shared* for their one statement, so they never
wait for each other but never refuse a serialised hold either: a till is not refused
while a group is free. :data:`STATS` counts the paths taken (for the benchmark).
"""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from boxoffice.domain.best_available import BestChoice, NotEnoughTogetherError
from boxoffice.domain.errors import BusyError, InvalidInputError, SeatUnavailableError
from boxoffice.domain.roles import SELL
from boxoffice.services import best_cache, web_holds
from boxoffice.services.auth import authorize
from boxoffice.services.best_cache import BestCache, cache_for
from boxoffice.services.errors import savepoint, translate, unit_of_work
from boxoffice.services.inventory import _HOLD, _HOLD_LATE, _RELEASE

__all__ = [
    "ATTEMPTS",
    "MAX_QUANTITY",
    "OPTIMISTIC_ATTEMPTS",
    "STATS",
    "BestCache",
    "HeldBest",
    "NotEnoughTogetherError",
    "cache_for",
    "choose_best",
    "hold_best",
    "not_enough_message",
    "warm",
]

MAX_QUANTITY = 50  # seats in one best-available group
OPTIMISTIC_ATTEMPTS = 6  # optimistic holds tried before the serialised path
SPREAD_MAX = 16  # after collisions, choose among this many best groups at most
ATTEMPTS = 20  # holds tried on the serialised path when someone outside the lock took a seat
SERIALISED_FALLBACK = True  # off only in the race test's control
LOCK_CLASS = 20260026  # pg_advisory_xact_lock(LOCK_CLASS, showtime_id)

_LOCK = text("SELECT pg_advisory_xact_lock(:cls, :id)")
_WEB_HOLD = web_holds._HOLD  # bo_web_hold with the channel's limits (migration 0019)
# One statement each, psycopg's own parameters (autocommit: one round trip). Subqueries
# (OFFSET 0: each evaluated before what selects from it) first take the showtime's lock
# *shared* (optimistic holds do not wait for each other; a serialised hold, which takes it
# exclusive, is never refused by one of them), then give the previous offer back (so the
# web's limits do not count it; it comes back if the hold is refused), then hold.
_TILL_HOLD = "SELECT bo_hold(%(showtime)s, %(seats)s::integer[], %(token)s, %(channel)s, %(seconds)s)"
_TURN = "(SELECT pg_advisory_xact_lock_shared(%(cls)s::integer, %(showtime)s::integer) OFFSET 0) AS turn"
_GIVE_BACK = f"(SELECT bo_release(%(showtime)s, %(others)s::integer[], %(token)s) FROM {_TURN} OFFSET 0) AS given_back"

STATS: dict[str, int] = {"optimistic": 0, "collisions": 0, "serialised": 0, "serialised_retries": 0}
_STATS_LOCK = threading.Lock()


def _count(key: str) -> None:
    with _STATS_LOCK:
        STATS[key] += 1


@dataclass(frozen=True)
class HeldBest:
    """A group held by :func:`hold_best`: the ``choice`` and the hold's ``expires_at``."""

    choice: BestChoice
    expires_at: dt.datetime

    @property
    def seat_ids(self) -> tuple[int, ...]:
        """The held seats, left to right."""
        return self.choice.seat_ids


@dataclass(frozen=True)
class _Ask:
    showtime_id: int
    token: uuid.UUID
    quantity: int
    channel: str
    seconds: int
    category_id: int | None
    category_name: str | None
    section_id: int | None
    section_name: str | None
    wheelchair: bool
    skip: Collection[Collection[int]]
    mine: tuple[int, ...]  # the previous offer (held by token), given back
    buyer: web_holds.Buyer | None
    limits: web_holds.HoldLimits | None
    late_sale: uuid.UUID | None = None  # a manager's override after sales closed (0033)


def _read(session: Session, showtime_id: int, cache: BestCache):
    return best_cache.read(session, showtime_id, cache)


def warm(session: Session, *, showtime_id: int, cache: BestCache | None = None) -> int:
    """Build the showtime's plan layout and read its seat states now (e.g. on a worker when
    the counter opens the showtime), so the first best-available press is as fast as the
    rest; on a 100,000-seat plan this first read takes a few seconds. Returns the number
    of free seats. A read: ends the session's transaction.

    Raises:
        NotFoundError: no such showtime.
    """
    with unit_of_work(session):
        _, show, _ = _read(session, showtime_id, cache or cache_for(session))
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


def _filters(plan: best_cache.PlanLayout, ask: _Ask, priced: frozenset[int]) -> dict:
    category_id, section_id = ask.category_id, ask.section_id
    if ask.category_name is not None:
        category_id = _named("price category", plan.categories, ask.category_name)
    if ask.section_name is not None:
        section_id = _named("section", plan.sections, ask.section_name)
    return {
        "category_id": category_id,
        "section_id": section_id,
        "wheelchair": ask.wheelchair,
        "skip": ask.skip,
        "priced_categories": priced,
    }


def _none_left(plan: best_cache.PlanLayout, quantity: int, filters: dict) -> NotEnoughTogetherError:
    category_id, section_id = filters["category_id"], filters["section_id"]
    return NotEnoughTogetherError(
        not_enough_message(
            quantity,
            category=plan.categories.get(category_id) if category_id is not None else None,
            section=plan.sections.get(section_id) if section_id is not None else None,
            wheelchair=filters["wheelchair"],
        ),
        quantity=quantity,
        category_id=category_id,
        section_id=section_id,
    )


def _autocommit_ok(session: Session) -> bool:
    """One statement per round trip is possible: no transaction open, and the connection
    is the actor's own login (a superuser connection plays the actor with ``SET LOCAL``,
    which needs a transaction)."""
    if session.in_transaction():
        return False
    actor = session.info.get("actor")
    return actor is None or not actor.login or session.get_bind().engine.url.username == actor.login


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
        if _autocommit_ok(session):
            session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
        plan, show, priced = _read(session, showtime_id, cache)
    ask = _Ask(
        showtime_id, uuid.UUID(int=0), quantity, "", 0, category_id, category_name, section_id, section_name,
        wheelchair, skip, (), None, None,
    )  # fmt: skip
    filters = _filters(plan, ask, priced)
    with show.lock:
        choice = plan.layout.choose(show.free, quantity, **filters)
    if choice is None:
        raise _none_left(plan, quantity, filters)
    return choice


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
    ``seconds``, giving back ``release`` (the token's previous offer: those seats may be
    chosen again, e.g. shifted by one) except the seats chosen now, in the same
    transaction as the hold (first, so the web's limits do not count them). With
    ``buyer`` and ``limits`` the hold is a web hold (``bo_web_hold``, the channel's
    limits; ``channel`` is then ignored). Safe when many tills ask at once (module
    docstring): each gets other seats, and none is refused while a group is free.
    Commits (on a session with a transaction open, that transaction).
    ``late_sale``: a manager's override after the showtime's sales closed (``bo_hold_late``,
    :mod:`boxoffice.services.late_sale`; always the serialised path).

    Raises:
        NotEnoughTogetherError: no such group is free (nothing held, nothing released).
        SeatUnavailableError: the chosen seats kept being taken by others (:data:`ATTEMPTS`
            times on the serialised path).
        NotOnSaleError, BusyError, TooManySeatsError, TooManyHoldsError, HeldSeatsLimitError:
            as the hold functions.
        InvalidInputError, NotFoundError, PermissionDeniedError: bad input; no showtime;
            the actor may not sell.
    """
    if buyer is None:
        authorize(session, SELL)
    _check_quantity(quantity, max_quantity)
    cache = cache or cache_for(session)
    ask = _Ask(
        showtime_id, token, quantity, channel, seconds, category_id, category_name, section_id, section_name,
        wheelchair, skip, tuple(sorted({int(s) for s in release})), buyer, limits, late_sale,
    )  # fmt: skip
    if late_sale is None and _autocommit_ok(session):
        held = _hold_optimistic(session, cache, ask)
        if held is not None or not SERIALISED_FALLBACK:
            if held is None:
                raise SeatUnavailableError("The best seats were taken while choosing them.", seat_ids=[])
            return held
    _count("serialised")
    return _hold_serialised(session, cache, ask)


def _params(ask: _Ask, choice: BestChoice) -> dict:
    params = {
        "showtime": ask.showtime_id,
        "seats": sorted(choice.seat_ids),
        "token": ask.token,
        "seconds": ask.seconds,
        "others": sorted(set(ask.mine) - set(choice.seat_ids)),
        "cls": LOCK_CLASS,
    }
    if ask.buyer is not None:
        return {**params, **web_holds._who(ask.buyer), **(ask.limits or web_holds.HoldLimits()).params()}
    return {**params, "channel": ask.channel}


def _gone(exc: SeatUnavailableError, choice: BestChoice) -> set[int]:
    named = exc.details.get("seat_ids")
    return {int(s) for s in named} if isinstance(named, list) and named else set(choice.seat_ids)


def _hold_optimistic(session: Session, cache: BestCache, ask: _Ask) -> HeldBest | None:
    """The optimistic path (module docstring); ``None`` after :data:`OPTIMISTIC_ATTEMPTS`
    collisions."""
    lost: set[int] = set()
    with unit_of_work(session):  # one connection; every statement commits on its own
        connection = session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
        for attempt in range(OPTIMISTIC_ATTEMPTS):
            plan, show, priced = _read(session, ask.showtime_id, cache)
            filters = _filters(plan, ask, priced)
            choice, taken = best_cache.claim(
                plan,
                show,
                ask.quantity,
                extra=ask.mine,
                lost=lost,
                spread=best_cache.spread(show, attempt, SPREAD_MAX),
                **filters,
            )
            if choice is None:
                raise _none_left(plan, ask.quantity, filters)
            params = _params(ask, choice)
            sql = web_holds._DRIVER_HOLD if ask.buyer is not None else _TILL_HOLD
            sql += " FROM " + (_GIVE_BACK if params["others"] else _TURN)
            gone: set[int] = set()
            expires = None
            try:
                expires = connection.exec_driver_sql(sql, params).scalar_one()
            except DBAPIError as exc:
                domain = translate(exc)
                if isinstance(domain, SeatUnavailableError):
                    gone = _gone(domain, choice)
                elif not isinstance(domain, BusyError):  # a deadlock or lock time-out: choose again
                    if domain is None:
                        raise
                    raise domain from exc
            finally:
                best_cache.settle(show, taken, held=expires is not None, gone=gone)
            best_cache.note_collision(show, expires is None)
            if expires is not None:
                _count("optimistic")
                return HeldBest(choice, expires)
            _count("collisions")
            lost |= gone
    return None


def _hold_serialised(session: Session, cache: BestCache, ask: _Ask) -> HeldBest:
    """The serialised path (module docstring): one transaction under the showtime's lock."""
    lost: set[int] = set()
    held: HeldBest | None = None
    with unit_of_work(session):
        session.execute(_LOCK, {"cls": LOCK_CLASS, "id": ask.showtime_id})
        plan, show, priced = _read(session, ask.showtime_id, cache)
        filters = _filters(plan, ask, priced)
        if ask.mine:  # first, so the web's limits do not count them; undone with the rest
            session.execute(_RELEASE, {"showtime": ask.showtime_id, "seats": list(ask.mine), "token": ask.token})
        for attempt in range(ATTEMPTS):
            choice, taken = best_cache.claim(plan, show, ask.quantity, extra=ask.mine, lost=lost, **filters)
            if choice is None:
                raise _none_left(plan, ask.quantity, filters)
            try:
                with savepoint(session):
                    params = _params(ask, choice)
                    if ask.buyer is not None:
                        statement = _WEB_HOLD
                    elif ask.late_sale is not None:
                        statement, params = _HOLD_LATE, {**params, "late_sale": ask.late_sale}
                    else:
                        statement = _HOLD
                    expires = session.execute(statement, params).scalar_one()
            except SeatUnavailableError as exc:
                gone = _gone(exc, choice)
                lost |= gone
                best_cache.settle(show, taken, held=False, gone=gone)
                _count("serialised_retries")
                if attempt == ATTEMPTS - 1:
                    raise
                plan, show, priced = _read(session, ask.showtime_id, cache)
                continue
            except BaseException:
                best_cache.settle(show, taken, held=False)
                raise
            held = HeldBest(choice, expires)
            break
        try:
            session.commit()
        except BaseException:
            best_cache.settle(show, taken, held=False)
            raise
    best_cache.settle(show, taken, held=True)
    assert held is not None  # the loop holds or raises
    return held
