"""Refunds and exchanges against a hostile till and against each other (migration 0016).

Every client connects as the person it plays (a real cashier or door login). Direct
writes to tickets, refunds and exchanges are refused and change nothing; two tills
exchanging into one seat at the same moment: exactly one wins and the loser's order is
untouched. A naive check-then-write control shows the race is real.
"""

from __future__ import annotations

import json
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest

from boxoffice.services import inventory, sales
from boxoffice.services.auth import act_as
from tests.factories import make_actor
from tests.test_trust_counter import PASSWORD, _connect, ga_house

WATCHED = ("inventory", "orders", "ticket", "payment", "refund", "refund_ticket", "exchange", "order_customer")
EXCHANGE = "SELECT bo_exchange(%s, %s, %s, %s, NULL, %s, NULL, 'Better seat', 'till-1', NULL)"


def _snapshot(plain_db_url: str) -> dict[str, str]:
    with psycopg.connect(plain_db_url, autocommit=True) as admin:
        return {
            t: admin.execute(
                f"SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') FROM {t} x"
            ).fetchone()[0]
            for t in WATCHED
        }


def _sell(session, actor, showtime_id: int, seats: list[int]) -> dict:
    """A card sale by ``actor`` (the session plays their login); ``{"order_id", "ticket_ids"}``."""
    act_as(session, actor)
    token = uuid.uuid4()
    inventory.hold_seats(session, showtime_id=showtime_id, seat_ids=seats, token=token, channel="till-1", seconds=60)
    sale = sales.sell(
        session, showtime_id=showtime_id, seat_ids=seats, token=token, channel="till-1", method="card",
        reference="auth-1",
    )  # fmt: skip
    act_as(session, None)
    return {"order_id": sale.order_id, "ticket_ids": sale.ticket_ids}


@pytest.fixture
def counter(session, plain_db_url):
    """Cashiers ann and bob (one card sale each: ann seat 0, bob seat 1) and door dan."""
    house = ga_house(session, capacity=5)
    people = {
        name: make_actor(session, role=role, username=name, password=PASSWORD)
        for name, role in (("ann", "cashier"), ("bob", "cashier"), ("dan", "door"))
    }
    login = {k: v.login for k, v in people.items()}
    st, seats = house["showtime_id"], house["seat_ids"]
    sold = {name: _sell(session, people[name], st, [seats[i]]) for i, name in enumerate(("ann", "bob"))}
    return {**house, "login": login, "sales": sold}


def test_a_hostile_cashier_cannot_write_refunds_tickets_or_exchanges(counter, plain_db_url):
    ann_sale, bob_sale = counter["sales"]["ann"], counter["sales"]["bob"]
    ann_ticket, bob_ticket = ann_sale["ticket_ids"][0], bob_sale["ticket_ids"][0]
    before = _snapshot(plain_db_url)
    with _connect(plain_db_url, counter["login"]["ann"]) as ann:
        for statement in [
            f"UPDATE ticket SET status = 'exchanged', voided_at = now() WHERE id = {ann_ticket}",
            f"UPDATE ticket SET status = 'refunded', voided_at = now() WHERE id = {bob_ticket}",
            f"INSERT INTO refund (order_id, amount_minor, reason, method) VALUES ({ann_sale['order_id']}, 99999, 'x', 'cash')",
            "UPDATE refund SET amount_minor = 0",
            f"INSERT INTO refund_ticket (refund_id, ticket_id, amount_minor) VALUES (1, {ann_ticket}, 1)",
            "DELETE FROM refund_ticket",
            f"INSERT INTO exchange (from_order_id, to_order_id, credit_minor, new_total_minor, credit_refund_id) "
            f"VALUES ({ann_sale['order_id']}, {bob_sale['order_id']}, 0, 0, 1)",
            f"INSERT INTO order_customer (order_id, name) VALUES ({bob_sale['order_id']}, 'x')",
            f"UPDATE orders SET exchanged_from = {bob_sale['order_id']} WHERE id = {ann_sale['order_id']}",
            # the internal helpers are no one's to call
            f"SELECT bo_tickets_give_back(ARRAY[{bob_ticket}]::bigint[], 'refunded')",
            f"SELECT bo_order_take_back({bob_sale['order_id']}, ARRAY[{bob_ticket}]::bigint[], NULL)",
        ]:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                ann.execute(statement)
        # through the contract: not bob's order (refund_own), whatever the method
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="sold by someone else"):
            ann.execute("SELECT bo_refund_tickets(%s, %s, 'cash', 'mine now')", (bob_sale["order_id"], [bob_ticket]))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="sold by someone else"):
            ann.execute(
                EXCHANGE, (bob_sale["order_id"], [bob_ticket], counter["showtime_id"], [counter["seat_ids"][5]], "[]")
            )
        with pytest.raises(psycopg.Error) as err:  # her own ticket, through another order
            ann.execute("SELECT bo_refund_tickets(%s, %s, 'cash', 'x')", (bob_sale["order_id"], [ann_ticket]))
        assert err.value.sqlstate == "BO091"
    with _connect(plain_db_url, counter["login"]["dan"]) as dan:  # the door refunds and exchanges nothing
        for statement, args in [
            ("SELECT bo_refund_tickets(%s, NULL, 'cash', 'x')", (ann_sale["order_id"],)),
            (EXCHANGE, (ann_sale["order_id"], [ann_ticket], counter["showtime_id"], [counter["seat_ids"][5]], "[]")),
            ("SELECT bo_order_customer_set(%s, 'x', NULL)", (ann_sale["order_id"],)),
        ]:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                dan.execute(statement, args)
    assert _snapshot(plain_db_url) == before
    # control: the seller refunds her own ticket through the contract, at the database's price
    with _connect(plain_db_url, counter["login"]["ann"]) as ann:
        done = ann.execute(
            "SELECT bo_refund_tickets(%s, %s, 'card', 'Customer request')", (ann_sale["order_id"], [ann_ticket])
        ).fetchone()[0]
        assert (done["amount_minor"], done["method"]) == (2500, "card")
        with pytest.raises(psycopg.Error) as err:  # and only once
            ann.execute("SELECT bo_refund_tickets(%s, %s, 'online', 'again')", (ann_sale["order_id"], [ann_ticket]))
        assert err.value.sqlstate == "BO092"
    with psycopg.connect(plain_db_url) as admin, pytest.raises(psycopg.errors.UniqueViolation):
        admin.execute(  # even the owner cannot refund a ticket twice: one line per ticket
            "INSERT INTO refund_ticket (refund_id, ticket_id, amount_minor) SELECT id, %s, 0 FROM refund", (ann_ticket,)
        )


def _exchange_race(counter, plain_db_url, target: dict[str, int]) -> dict[str, str]:
    """ann and bob each exchange their ticket, at the same moment, into ``target[name]``."""
    barrier = threading.Barrier(2)

    def till(name: str) -> str:
        sale = counter["sales"][name]
        with _connect(plain_db_url, counter["login"][name]) as conn:
            conn.execute("SELECT 1")
            barrier.wait()
            try:
                conn.execute(
                    EXCHANGE, (sale["order_id"], sale["ticket_ids"], counter["showtime_id"], [target[name]], "[]")
                )
            except psycopg.Error as exc:
                return exc.sqlstate or "error"
            return "won"

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(("ann", "bob"), pool.map(till, ("ann", "bob")), strict=True))


def test_two_tills_exchanging_into_one_seat_exactly_one_wins(counter, plain_db_url):
    seat = counter["seat_ids"][5]  # category A, like seats 0 and 1: no difference to pay
    outcome = _exchange_race(counter, plain_db_url, {"ann": seat, "bob": seat})
    assert sorted(outcome.values()) == ["BO090", "won"], outcome
    winner = next(n for n, o in outcome.items() if o == "won")
    loser = "bob" if winner == "ann" else "ann"
    lost = counter["sales"][loser]
    with psycopg.connect(plain_db_url, autocommit=True) as admin:
        live = admin.execute(
            "SELECT o.exchanged_from FROM ticket t JOIN orders o ON o.id = t.order_id "
            "WHERE t.showtime_id = %s AND t.seat_id = %s AND t.status = 'valid'",
            (counter["showtime_id"], seat),
        ).fetchall()
        assert live == [(counter["sales"][winner]["order_id"],)]
        # the loser's order is exactly as it was: ticket valid, its seat sold, no refund, no new order
        assert admin.execute("SELECT status FROM ticket WHERE id = %s", (lost["ticket_ids"][0],)).fetchone() == (
            "valid",
        )
        assert admin.execute(
            "SELECT state FROM inventory WHERE showtime_id = %s AND seat_id = %s",
            (counter["showtime_id"], counter["seat_ids"][0 if loser == "ann" else 1]),
        ).fetchone() == ("sold",)
        assert admin.execute(
            "SELECT (SELECT count(*) FROM refund WHERE order_id = %s), "
            "(SELECT count(*) FROM orders WHERE exchanged_from = %s), (SELECT count(*) FROM exchange)",
            (lost["order_id"], lost["order_id"]),
        ).fetchone() == (0, 0, 1)
        assert admin.execute("SELECT state FROM inventory WHERE showtime_id = %s AND seat_id = %s",
                             (counter["showtime_id"], seat)).fetchone() == ("sold",)  # fmt: skip


def test_control_two_tills_exchanging_into_different_seats_both_win(counter, plain_db_url):
    """The same race into two different seats: both exchanges go through, so the loser
    above lost to the seat, not to the race harness."""
    outcome = _exchange_race(counter, plain_db_url, {"ann": counter["seat_ids"][5], "bob": counter["seat_ids"][6]})
    assert outcome == {"ann": "won", "bob": "won"}
    with psycopg.connect(plain_db_url, autocommit=True) as admin:
        assert admin.execute("SELECT count(*) FROM exchange").fetchone() == (2,)


def test_control_a_naive_check_then_write_exchange_gives_one_seat_twice(counter, plain_db_url):
    """Negative control: checking the seat is free and then taking it in a second
    statement (what bo_exchange does not do) lets both tills believe they took it."""
    seat, st = counter["seat_ids"][7], counter["showtime_id"]
    barrier = threading.Barrier(2)

    def naive(_i: int) -> bool:
        with psycopg.connect(plain_db_url) as conn:
            conn.execute("SELECT 1")
            barrier.wait()
            state = conn.execute(
                "SELECT state FROM inventory WHERE showtime_id = %s AND seat_id = %s", (st, seat)
            ).fetchone()[0]
            conn.execute("SELECT pg_sleep(0.05)")
            if state != "available":
                return False
            conn.execute("UPDATE inventory SET state = 'sold' WHERE showtime_id = %s AND seat_id = %s", (st, seat))
            conn.commit()
            return True

    with ThreadPoolExecutor(max_workers=2) as pool:
        assert sum(pool.map(naive, range(2))) == 2


def test_tenders_must_add_up_to_the_difference(counter, plain_db_url):
    sale = counter["sales"]["ann"]
    dearer = counter["seat_ids"][5]  # A -> A: nothing to pay, so any tender is too much
    before = _snapshot(plain_db_url)
    with _connect(plain_db_url, counter["login"]["ann"]) as ann:
        with pytest.raises(psycopg.Error) as err:
            ann.execute(
                EXCHANGE,
                (sale["order_id"], sale["ticket_ids"], counter["showtime_id"], [dearer],
                 json.dumps([{"method": "cash", "amount_minor": 100}])),
            )  # fmt: skip
        assert err.value.sqlstate == "BO095"
        with pytest.raises(psycopg.Error) as err:
            ann.execute(
                EXCHANGE,
                (sale["order_id"], sale["ticket_ids"], counter["showtime_id"], [dearer],
                 json.dumps([{"method": "online", "amount_minor": 100}])),
            )  # fmt: skip
        assert err.value.sqlstate == "BO095"
    assert _snapshot(plain_db_url) == before
