"""The optimistic best-available hold (services/best_available.py): chosen in a process's
own cache, held in one statement, chosen again on a collision.

Tills of *different processes* (each its own cache here) choose from the same states at
the same moment, so their picks collide for real: the database refuses all but one
(BO001) and the others choose again. The control turns the retries and the serialised
fallback off and sees most tills refused, so the retry is what keeps every till served.
Every verdict is read from the database. Also: "Enter again" on the optimistic path
gives the previous offer back in the hold's own statement (before it, for the web's
limits) and keeps it when the new hold fails.
"""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text

from boxoffice.domain.best_available import NotEnoughTogetherError
from boxoffice.domain.errors import SeatUnavailableError
from boxoffice.services import best_available as ba, inventory
from tests.factories import make_small_house
from tests.test_best_available_races import TILLS, _held, _race, _tills, nearly_full  # noqa: F401 - fixture

MINE = text("SELECT seat_id FROM inventory WHERE showtime_id = :s AND hold_token = :t AND state = 'held' ORDER BY 1")


def _own_caches(session, st: int, n: int) -> list[ba.BestCache]:
    """One warm cache per till, as if each till were a process of its own."""
    caches = [ba.BestCache() for _ in range(n)]
    for cache in caches:
        ba.warm(session, showtime_id=st, cache=cache)
    return caches


def test_tills_of_different_processes_collide_and_all_still_get_different_pairs(session, db_url, nearly_full):
    st = nearly_full["showtime_id"]
    tokens = [uuid.uuid4() for _ in range(TILLS + 1)]
    caches = _own_caches(session, st, TILLS + 1)
    engines = _tills(session, db_url, TILLS + 1)
    before = dict(ba.STATS)

    def attempt(s, i):
        return ba.hold_best(
            s, showtime_id=st, token=tokens[i], quantity=2, channel=f"till:{i}", seconds=120, cache=caches[i]
        ).seat_ids

    outcomes = _race(engines, attempt)
    errors = [o for o in outcomes if isinstance(o, Exception)]
    assert len(errors) == 1 and isinstance(errors[0], NotEnoughTogetherError), outcomes
    held = _held(session, st)
    assert len(held) == TILLS
    assert sorted(tuple(v) for v in held.values()) == sorted(nearly_full["pairs"])
    for i, o in enumerate(outcomes):
        if not isinstance(o, Exception):
            assert sorted(held[tokens[i]]) == sorted(o)
    # the race is real: picks collided in the database and were chosen again
    assert ba.STATS["collisions"] - before["collisions"] >= TILLS // 2


def test_control_without_retries_tills_of_different_processes_are_refused(session, db_url, nearly_full, monkeypatch):
    monkeypatch.setattr(ba, "OPTIMISTIC_ATTEMPTS", 1)
    monkeypatch.setattr(ba, "SERIALISED_FALLBACK", False)
    st = nearly_full["showtime_id"]
    tokens = [uuid.uuid4() for _ in range(TILLS)]
    caches = _own_caches(session, st, TILLS)
    engines = _tills(session, db_url, TILLS)

    def attempt(s, i):
        return ba.hold_best(
            s, showtime_id=st, token=tokens[i], quantity=2, channel=f"till:{i}", seconds=120, cache=caches[i]
        ).seat_ids

    outcomes = _race(engines, attempt)
    refused = [o for o in outcomes if isinstance(o, SeatUnavailableError)]
    assert len(refused) >= TILLS // 2, outcomes  # most chose the pair another till took
    held = _held(session, st)  # and the database is consistent all the same
    assert len(held) == TILLS - len(refused)
    for i, o in enumerate(outcomes):
        if not isinstance(o, Exception):
            assert sorted(held[tokens[i]]) == sorted(o)
    assert all(tuple(v) in nearly_full["pairs"] for v in held.values())


def test_enter_again_on_the_optimistic_path_gives_the_previous_offer_back(session):
    house = make_small_house(session)
    st, token = house["showtime_id"], uuid.uuid4()
    session.rollback()
    before = ba.STATS["optimistic"]
    first = ba.hold_best(session, showtime_id=st, token=token, quantity=2, channel="till:t", seconds=60)
    second = ba.hold_best(
        session, showtime_id=st, token=token, quantity=2, channel="till:t", seconds=60,
        skip=[first.seat_ids], release=first.seat_ids,
    )  # fmt: skip
    assert ba.STATS["optimistic"] - before == 2  # both in one statement each, no lock
    assert set(second.seat_ids) != set(first.seat_ids)
    assert list(session.execute(MINE, {"s": st, "t": token}).scalars()) == sorted(second.seat_ids)


def test_a_refused_enter_again_keeps_the_previous_offer(session, monkeypatch):
    """The cache goes stale and the seats it would choose next are taken outside: the
    one statement (give back, then hold) is refused as a whole; with no retry the till
    gets the refusal and still holds its previous offer."""
    house = make_small_house(session)
    st, ids, token = house["showtime_id"], house["seat_ids"], uuid.uuid4()
    cache = ba.BestCache()
    session.rollback()
    first = ba.hold_best(session, showtime_id=st, token=token, quantity=2, channel="till:t", seconds=60, cache=cache)
    nxt = ba.choose_best(session, showtime_id=st, quantity=2, skip=[first.seat_ids], cache=cache)
    monkeypatch.setattr(ba.best_cache, "apply", lambda *args: None)
    monkeypatch.setattr(ba, "OPTIMISTIC_ATTEMPTS", 1)
    monkeypatch.setattr(ba, "SERIALISED_FALLBACK", False)
    inventory.hold_seats(
        session, showtime_id=st, seat_ids=list(nxt.seat_ids), token=uuid.uuid4(), channel="till:x", seconds=60
    )
    session.rollback()
    with pytest.raises(SeatUnavailableError):
        ba.hold_best(
            session, showtime_id=st, token=token, quantity=2, channel="till:t", seconds=60,
            skip=[first.seat_ids], release=first.seat_ids, cache=cache,
        )  # fmt: skip
    assert list(session.execute(MINE, {"s": st, "t": token}).scalars()) == sorted(first.seat_ids)
    assert set(ids) >= set(nxt.seat_ids)


def test_web_enter_again_in_one_statement_gives_back_before_the_limits_count(session, db_url):
    """A web hold of 2 within a limit of 2 seats per hold, then "other seats": the
    previous 2 are given back before the new 2 are counted (else 4 > 2: refused)."""
    import psycopg
    from sqlalchemy.engine import make_url

    from boxoffice.db.engine import make_engine, make_session_factory
    from boxoffice.services.web_holds import Buyer, HoldLimits

    house = make_small_house(session)
    url = make_url(db_url).set(drivername="postgresql")
    login = f"{url.database}_web_best"
    with psycopg.connect(url.render_as_string(hide_password=False)) as conn:
        verifier = conn.pgconn.encrypt_password(b"pw", login.encode(), b"scram-sha-256").decode()
    session.execute(text("SELECT bo_web_login('best', :v)"), {"v": verifier})
    session.commit()
    web = make_engine(make_url(db_url).set(username=login, password="pw").render_as_string(hide_password=False))
    st, token = house["showtime_id"], uuid.uuid4()
    buyer, limits = Buyer(ip="192.0.2.9"), HoldLimits(seats_per_hold=2)
    before = ba.STATS["optimistic"]
    try:
        with make_session_factory(web)() as s:
            kw = {"showtime_id": st, "token": token, "quantity": 2, "channel": "web", "seconds": 300}
            first = ba.hold_best(s, **kw, buyer=buyer, limits=limits)
            second = ba.hold_best(s, **kw, buyer=buyer, limits=limits, skip=[first.seat_ids], release=first.seat_ids)
    finally:
        web.dispose()
    assert ba.STATS["optimistic"] - before == 2
    assert list(session.execute(MINE, {"s": st, "t": token}).scalars()) == sorted(second.seat_ids)
    assert set(second.seat_ids) != set(first.seat_ids)
