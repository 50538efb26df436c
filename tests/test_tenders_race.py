"""A split payment never exceeds its order's total, also when two transactions add to
one order at the same moment (migration 0014: ``order_paid``'s conditional upsert).

The order starts paid 20.00 of 50.00 (as an import of an order whose second tender was
lost would leave it). Two clients each add the missing 30.00 at once, run the commit-time
check (``SET CONSTRAINTS ALL IMMEDIATE``), wait for each other and commit. With the guard
one of them is refused; the control switches the guard off and both get through, so the
order is overpaid although each transaction on its own added up: the commit-time sum
alone cannot see the other transaction.
"""

from __future__ import annotations

import json
import threading
import uuid

import psycopg
import pytest
from sqlalchemy.engine import make_url

from tests.drawer_helpers import till_of, with_shift
from tests.factories import make_actor, make_small_house

PASSWORD = "correct horse battery"


def _underpaid_order(session, plain_db_url) -> int:
    house = make_small_house(session)
    ann = with_shift(session, make_actor(session, role="cashier", username="ann", password=PASSWORD))
    url = make_url(plain_db_url)
    st, seats, token = house["showtime_id"], house["seat_ids"][:2], uuid.uuid4()
    with psycopg.connect(
        host=url.query.get("host"),
        dbname=url.database,
        user=ann.login,
        password=PASSWORD,
        autocommit=True,
        application_name=till_of(ann.login),
    ) as conn:
        conn.execute("SELECT bo_hold(%s, %s, %s, 'till-1', 60)", (st, seats, token))
        tenders = [{"method": "card", "amount_minor": 2000, "reference": "A1"}, {"method": "cash"}]
        sale = conn.execute(
            "SELECT bo_checkout(%s, %s, 'till-1', %s, NULL, NULL, %s)", (st, token, seats, json.dumps(tenders))
        ).fetchone()[0]
    with psycopg.connect(plain_db_url) as admin:  # the cash row goes missing (triggers set aside to do it)
        admin.execute("SET session_replication_role = replica")
        admin.execute("DELETE FROM payment WHERE order_id = %s AND method = 'cash'", (sale["order_id"],))
        admin.execute("UPDATE order_paid SET paid_minor = 2000 WHERE order_id = %s", (sale["order_id"],))
    return sale["order_id"]


def _race(plain_db_url: str, order_id: int, isolation: str) -> list[str]:
    """Two clients add 30.00 cash to ``order_id`` at once; returns each one's outcome."""
    start, checked = threading.Barrier(2), threading.Barrier(2)
    outcomes: list[str] = []

    def client() -> None:
        with psycopg.connect(plain_db_url) as conn:
            conn.execute(f"SET TRANSACTION ISOLATION LEVEL {isolation}")
            conn.execute("SELECT 1")  # the snapshot is taken before the other commits
            start.wait(timeout=10)
            try:
                conn.execute(
                    "INSERT INTO payment (order_id, method, amount_minor, tendered_minor) VALUES (%s, 'cash', 3000, 3000)",
                    (order_id,),
                )
                conn.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the commit-time sum, now
                try:
                    checked.wait(timeout=3)  # with the guard the other client is waiting on the row lock
                except threading.BrokenBarrierError:
                    pass
                conn.commit()
                outcomes.append("paid")
            except psycopg.Error as exc:
                outcomes.append(exc.sqlstate or "error")

    threads = [threading.Thread(target=client) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return sorted(outcomes)


def _paid(plain_db_url: str, order_id: int) -> int:
    with psycopg.connect(plain_db_url, autocommit=True) as conn:
        return conn.execute("SELECT sum(amount_minor) FROM payment WHERE order_id = %s", (order_id,)).fetchone()[0]


@pytest.mark.parametrize("isolation", ["READ COMMITTED", "REPEATABLE READ"])
def test_two_tills_cannot_overpay_one_order(session, plain_db_url, isolation):
    order_id = _underpaid_order(session, plain_db_url)
    outcomes = _race(plain_db_url, order_id, isolation)
    refused = "BO076" if isolation == "READ COMMITTED" else "40001"
    assert outcomes == sorted(["paid", refused])
    assert _paid(plain_db_url, order_id) == 5000  # asserted in the database


def test_control_without_the_guard_the_order_is_overpaid(session, plain_db_url):
    order_id = _underpaid_order(session, plain_db_url)
    with psycopg.connect(plain_db_url, autocommit=True) as admin:
        admin.execute("ALTER TABLE payment DISABLE TRIGGER payment_within_total")
    try:
        outcomes = _race(plain_db_url, order_id, "READ COMMITTED")
    finally:
        with psycopg.connect(plain_db_url, autocommit=True) as admin:
            admin.execute("ALTER TABLE payment ENABLE TRIGGER payment_within_total")
    assert outcomes == ["paid", "paid"]
    assert _paid(plain_db_url, order_id) == 8000  # 30.00 too much: the race is real
