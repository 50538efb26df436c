"""Gates racing to admit the same ticket, on real, separate PostgreSQL connections
released together by a barrier; the verdict is read from the database.

A negative control admits with a naive read-then-write on the same set-up and admits
one ticket many times: the race is real, and ``bo_admit``'s one conditional UPDATE is
what stops it.
"""

from __future__ import annotations

import random
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import text
from sqlalchemy.pool import NullPool

from boxoffice.db.engine import make_engine, make_session_factory
from boxoffice.domain.admission import VerdictKind
from boxoffice.services import admission, tickets
from tests.door_helpers import open_house, sell

GATES = 16


def _race(db_url, n, attempt):
    """Run ``attempt(session, i, barrier)`` in ``n`` threads on ``n`` separate connections;
    ``barrier`` (n parties) is passed so attempts can line up again. Returns the outcomes."""
    engines = [make_engine(db_url, poolclass=NullPool, pool_size=None) for _ in range(n)]
    start, again = threading.Barrier(n), threading.Barrier(n)

    def client(i):
        with make_session_factory(engines[i])() as session:
            session.execute(text("SELECT 1")).all()  # connect before the start line
            session.rollback()
            start.wait()
            return attempt(session, i, again)

    try:
        with ThreadPoolExecutor(max_workers=n) as pool:
            return list(pool.map(client, range(n)))
    finally:
        for e in engines:
            e.dispose()


def _db(session, sql, **params):
    rows = session.execute(text(sql), params).all()
    session.rollback()
    return rows


def test_many_gates_one_ticket_admit_it_exactly_once(db_url, session):
    house = open_house(session)
    (view,) = sell(session, house["showtime_id"], [house["seat_ids"][0]])
    keys = tickets.venue_public_keys(session)

    def gate(session, i, _):
        door = admission.Door(gate=f"Gate {i}", device=f"scanner-{i}", serving=(house["showtime_id"],))
        return admission.scan(session, code=view.code, door=door, keys=keys)

    verdicts = _race(db_url, GATES, gate)
    kinds = Counter(v.kind for v in verdicts)
    assert kinds == {VerdictKind.ADMIT: 1, VerdictKind.ALREADY_ADMITTED: GATES - 1}
    (winner,) = [v for v in verdicts if v.kind is VerdictKind.ADMIT]
    for loser in (v for v in verdicts if v.kind is VerdictKind.ALREADY_ADMITTED):
        assert (loser.gate, loser.at) == (winner.gate, winner.at)  # "already admitted at <gate>, <when>"
    assert _db(session, "SELECT gate FROM admission WHERE ticket_id = :t", t=view.ticket_id) == [(winner.gate,)]
    assert _db(session, "SELECT inside, entries, admitted_gate FROM ticket WHERE id = :t", t=view.ticket_id) == [
        (True, 1, winner.gate)
    ]


def test_gates_scanning_a_crowd_in_different_orders_admit_each_ticket_once(db_url, session):
    house = open_house(session)
    views = sell(session, house["showtime_id"], house["seat_ids"][:12])
    keys = tickets.venue_public_keys(session)

    def gate(session, i, _):
        door = admission.Door(gate=f"Gate {i}", device=f"scanner-{i}", serving=(house["showtime_id"],))
        order = list(views)
        random.Random(i).shuffle(order)
        return [(v.ticket_id, admission.scan(session, code=v.code, door=door, keys=keys).kind) for v in order]

    results = [pair for per_gate in _race(db_url, 8, gate) for pair in per_gate]
    admitted = Counter(t for t, kind in results if kind is VerdictKind.ADMIT)
    assert admitted == {v.ticket_id: 1 for v in views}
    assert {kind for _, kind in results} == {VerdictKind.ADMIT, VerdictKind.ALREADY_ADMITTED}
    per_ticket = dict(_db(session, "SELECT ticket_id, count(*) FROM admission GROUP BY ticket_id"))
    assert per_ticket == {v.ticket_id: 1 for v in views}


def test_control_naive_read_then_write_admits_one_ticket_many_times(db_url, session):
    """Without the conditional UPDATE (read "not inside", then write) every gate admits."""
    house = open_house(session)
    (view,) = sell(session, house["showtime_id"], [house["seat_ids"][0]])

    def naive_gate(session, i, again):
        inside = session.execute(text("SELECT inside FROM ticket WHERE id = :t"), {"t": view.ticket_id}).scalar_one()
        again.wait()  # everyone has read before anyone writes: the window a real race hits sometimes
        if inside:
            return "already"
        session.execute(
            text(
                "UPDATE ticket SET inside = true, admitted_at = now(), admitted_gate = :g, "
                "entries = entries + 1 WHERE id = :t"
            ),
            {"g": f"Gate {i}", "t": view.ticket_id},
        )
        session.execute(
            text(
                "INSERT INTO admission (ticket_id, showtime_id, kind, gate, device, scanned_at) "
                "VALUES (:t, :s, 'entry', :g, 'naive', now())"
            ),
            {"t": view.ticket_id, "s": house["showtime_id"], "g": f"Gate {i}"},
        )
        session.commit()
        return "admitted"

    outcomes = Counter(_race(db_url, GATES, naive_gate))
    assert outcomes["admitted"] > 1
    assert _db(session, "SELECT count(*) FROM admission WHERE ticket_id = :t", t=view.ticket_id) == [(GATES,)]
