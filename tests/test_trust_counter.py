"""The counter's contract (issue 10, migration 0011): a hostile cashier with psql and the
till's login can do nothing the app would not let them.

Every test connects as the person it plays (a real login, SCRAM password) and tries what
that person must not do; the database refuses, the rows are unchanged, and no audit row
was written. Controls show that the same attempt by an allowed person, or a naive
client without the guard, does go through.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
import uuid

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from boxoffice.services import setup
from tests.drawer_helpers import till_of, with_shift
from tests.factories import make_actor, make_small_house

PASSWORD = "correct horse battery"
WATCHED = ("inventory", "orders", "ticket", "payment", "refund", "ga_hold", "ga_inventory", "audit_log")
CHECKOUT = (  # one cash tender paying the whole total (migration 0014): %s is the cash handed over
    "SELECT bo_checkout(%s, %s, 'till-1', %s, NULL, %s, "
    "jsonb_build_array(jsonb_build_object('method', 'cash', 'tendered_minor', %s::integer)))"
)


def ga_house(session, *, capacity: int) -> dict:
    """``make_small_house`` plus a GA area "Standing" (category B, 1500) on a second showtime."""
    house = make_small_house(session)
    area_id = session.execute(
        text(
            "INSERT INTO ga_area (plan_id, name, capacity, category_id) VALUES (:p, 'Standing', :c, :cat) RETURNING id"
        ),
        {"p": house["plan_id"], "c": capacity, "cat": house["category_ids"]["B"]},
    ).scalar_one()
    session.commit()
    starts = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=2)
    showtime_id = setup.schedule_showtime(
        session, show_id=house["show_id"], plan_id=house["plan_id"], starts_at=starts, prices={"A": 2500, "B": 1500}
    )
    return {**house, "showtime_id": showtime_id, "area_id": area_id}


def _connect(plain_db_url: str, login: str, password: str = PASSWORD) -> psycopg.Connection:
    url = make_url(plain_db_url)
    return psycopg.connect(
        host=url.query.get("host") or url.host,
        port=url.port,
        dbname=url.database,
        user=login,
        password=password,
        application_name=till_of(login),  # the person's own till, where their shift is open
        autocommit=True,
    )


def _snapshot(plain_db_url: str) -> dict[str, str]:
    """Every watched table's full content (as the superuser), to compare before/after."""
    with psycopg.connect(plain_db_url, autocommit=True) as admin:
        return {
            t: admin.execute(
                f"SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') FROM {t} x"
            ).fetchone()[0]
            for t in WATCHED
        }


@pytest.fixture
def counter(session, plain_db_url):
    """A house with a GA area, logins for two cashiers, a door and a manager, and one
    completed sale by cashier ``ann`` (seat 0) and a live hold of ``ann`` (seats 1-2)."""
    house = ga_house(session, capacity=5)
    people = {
        name: make_actor(session, role=role, username=name, password=PASSWORD)
        for name, role in (("ann", "cashier"), ("bob", "cashier"), ("dan", "door"), ("meg", "manager"))
    }
    for name in ("ann", "bob", "meg"):  # their drawers are open: cash needs a shift (0015_drawer)
        people[name] = with_shift(session, people[name])
    seats, st = house["seat_ids"], house["showtime_id"]
    token = uuid.uuid4()
    with _connect(plain_db_url, people["ann"].login) as ann:
        ann.execute("SELECT bo_hold(%s, %s, %s, 'till-1', 60)", (st, [seats[0]], token))
        sale = ann.execute(CHECKOUT, (st, token, [seats[0]], None, 5000)).fetchone()[0]
        held = uuid.uuid4()
        ann.execute("SELECT bo_hold(%s, %s, %s, 'till-1', 60)", (st, seats[1:3], held))
        ann.execute("SELECT bo_ga_hold(%s, %s, 2, %s, 'till-1', 60)", (st, house["area_id"], held))
    return {**house, "people": people, "sale": sale, "held": held, "login": {k: v.login for k, v in people.items()}}


def _direct_writes(c) -> list[str]:
    st, seat, order = c["showtime_id"], c["seat_ids"][0], c["sale"]["order_id"]
    return [
        f"UPDATE inventory SET state = 'sold' WHERE showtime_id = {st}",
        f"UPDATE inventory SET state = 'available', hold_token = NULL WHERE showtime_id = {st}",
        "INSERT INTO orders (channel, currency, total_minor) VALUES ('psql', 'EUR', 0)",
        f"UPDATE orders SET total_minor = 0 WHERE id = {order}",
        f"DELETE FROM orders WHERE id = {order}",
        f"INSERT INTO ticket (order_id, showtime_id, seat_id, category_id, price_minor) "
        f"VALUES ({order}, {st}, {seat}, 1, 0)",
        f"UPDATE ticket SET price_minor = 0 WHERE order_id = {order}",
        f"UPDATE ticket SET status = 'refunded', voided_at = now() WHERE order_id = {order}",
        f"DELETE FROM ticket WHERE order_id = {order}",
        f"UPDATE payment SET amount_minor = 0, tendered_minor = 0 WHERE order_id = {order}",
        f"DELETE FROM payment WHERE order_id = {order}",
        f"INSERT INTO refund (order_id, amount_minor, reason) VALUES ({order}, 2500, 'psql')",
        "DELETE FROM refund",
        f"INSERT INTO ga_hold (token, showtime_id, ga_area_id, quantity, channel, expires_at) "
        f"VALUES (gen_random_uuid(), {st}, {c['area_id']}, 1, 'psql', now() + interval '1 day')",
        "DELETE FROM ga_hold",
        "UPDATE ga_inventory SET capacity = 100000",
        "INSERT INTO sale_amendment (xact) VALUES (pg_current_xact_id())",
        # the contract's internals are not callable: selling without a ticket, amending a sale
        f"SELECT bo_sell({st}, ARRAY[{c['seat_ids'][1]}], '{c['held']}', 'psql')",
        f"SELECT * FROM bo_sell({st}, ARRAY[{c['seat_ids'][1]}], '{c['held']}', 'psql', NULL)",
        f"SELECT * FROM bo_ga_sell({st}, {c['area_id']}, 2, '{c['held']}')",
        "SELECT bo_amend_sale_begin()",
    ]


@pytest.mark.parametrize("who", ["ann", "dan"])
def test_direct_writes_are_refused_and_change_nothing(counter, plain_db_url, who):
    before = _snapshot(plain_db_url)
    with _connect(plain_db_url, counter["login"][who]) as conn:
        for statement in _direct_writes(counter):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
    assert _snapshot(plain_db_url) == before


def test_a_door_login_cannot_hold_sell_refund_reprint_or_block(counter, plain_db_url):
    st, seats = counter["showtime_id"], counter["seat_ids"]
    ticket = counter["sale"]["ticket_ids"][0]
    before = _snapshot(plain_db_url)
    with _connect(plain_db_url, counter["login"]["dan"]) as door:
        for statement, args in [
            ("SELECT bo_hold(%s, %s, %s, 'door', 60)", (st, [seats[5]], uuid.uuid4())),
            ("SELECT bo_ga_hold(%s, %s, 1, %s, 'door', 60)", (st, counter["area_id"], uuid.uuid4())),
            (CHECKOUT, (st, counter["held"], seats[1:3], None, 10_000)),
            ("SELECT bo_refund(%s, 'door')", (counter["sale"]["number"],)),
            ("SELECT bo_refund_order(%s)", (counter["sale"]["order_id"],)),
            ("SELECT bo_reissue_key(%s, '\\x00'::bytea)", (ticket,)),
            ("SELECT bo_block(%s, %s, 'door')", (st, [seats[6]])),
            ("SELECT bo_release(%s, NULL, %s)", (st, counter["held"])),
        ]:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                door.execute(statement, args)
    assert _snapshot(plain_db_url) == before


def test_another_logins_hold_cannot_be_sold_released_or_taken_even_with_its_token(counter, plain_db_url):
    st, seats, area, stolen = counter["showtime_id"], counter["seat_ids"], counter["area_id"], counter["held"]
    before = _snapshot(plain_db_url)
    with _connect(plain_db_url, counter["login"]["bob"]) as bob:
        with pytest.raises(psycopg.Error) as err:
            bob.execute(CHECKOUT, (st, stolen, seats[1:3], None, 10_000))
        assert err.value.sqlstate == "BO002"  # "hold missing or expired": it is not bob's
        with pytest.raises(psycopg.Error) as err:
            bob.execute(CHECKOUT, (st, stolen, [], json.dumps({str(area): 2}), 10_000))
        assert err.value.sqlstate == "BO002"
        with pytest.raises(psycopg.Error) as err:  # re-holding with the token does not take it over
            bob.execute("SELECT bo_hold(%s, %s, %s, 'till-2', 60)", (st, seats[1:3], stolen))
        assert err.value.sqlstate == "BO001"
        with pytest.raises(psycopg.Error) as err:
            bob.execute("SELECT bo_ga_hold(%s, %s, 1, %s, 'till-2', 60)", (st, area, stolen))
        assert err.value.sqlstate == "BO001"
        assert bob.execute("SELECT bo_release(%s, NULL, %s)", (st, stolen)).fetchone()[0] == 0
        assert bob.execute("SELECT bo_ga_release(%s, %s)", (stolen, st)).fetchone()[0] == 0
        # the token is not readable by anyone but its holder
        assert (
            bob.execute("SELECT count(own_hold_token) FROM inventory_live WHERE showtime_id = %s", (st,)).fetchone()[0]
            == 0
        )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            bob.execute("SELECT hold_token FROM inventory_live")
    assert _snapshot(plain_db_url) == before
    with _connect(plain_db_url, counter["login"]["ann"]) as ann:  # control: the holder sees and sells it
        assert {
            r[0]
            for r in ann.execute(
                "SELECT own_hold_token FROM inventory_live WHERE showtime_id = %s AND own_hold_token IS NOT NULL", (st,)
            )
        } == {stolen}
        sale = ann.execute(CHECKOUT, (st, stolen, seats[1:3], json.dumps({str(area): 2}), 10_000)).fetchone()[0]
    assert sale["total_minor"] == 2500 + 2500 + 2 * 1500


def test_prices_are_the_databases_and_the_tender_is_checked(counter, plain_db_url, session):
    st, seats = counter["showtime_id"], counter["seat_ids"]
    rows = session.execute(
        text(
            "SELECT t.price_minor, t.ticket_type_id IS NOT NULL, o.total_minor, p.amount_minor, "
            "p.tendered_minor, o.staff_id FROM ticket t JOIN orders o ON o.id = t.order_id "
            "JOIN payment p ON p.order_id = o.id WHERE o.id = :o"
        ),
        {"o": counter["sale"]["order_id"]},
    ).all()
    assert [tuple(r) for r in rows] == [(2500, True, 2500, 2500, 5000, counter["people"]["ann"].staff_id)]
    with _connect(plain_db_url, counter["login"]["ann"]) as ann:
        # No function the cashier may call takes a price, an amount or a seller.
        args = ann.execute(
            # the names of the arguments a caller passes (IN, INOUT, VARIADIC), not of the
            # columns a function returns (e.g. an order history's totals)
            "SELECT p.proname, coalesce((SELECT array_agg(x.n) FROM unnest(coalesce(p.proargnames, '{}'), "
            "coalesce(p.proargmodes, array_fill('i'::\"char\", ARRAY[coalesce(cardinality(p.proargnames), 0)]))) "
            "AS x(n, m) WHERE x.m IN ('i', 'b', 'v') AND x.n IS NOT NULL), '{}') FROM pg_proc p "
            "WHERE p.pronamespace = 'public'::regnamespace AND p.prosecdef "
            "AND has_function_privilege(p.oid, 'EXECUTE')"
        ).fetchall()
        assert "bo_checkout" in {a[0] for a in args}
        # (a cash drop or pay-out is an amount the cashier counts out of their drawer: 0015_drawer)
        sale_args = [a for a in args if a[0] != "bo_drawer_movement"]
        assert not [a for a in sale_args if any(w in n for n in a[1] for w in ("price", "amount", "total", "seller"))]
        before = _snapshot(plain_db_url)
        held = counter["held"]
        for method, tendered, expected in [
            ("cash", 4999, None),
            ("card", 4000, None),
            ("card", 6000, None),
            ("cash", 9999, 4000),
        ]:
            with pytest.raises(psycopg.Error) as err:
                ann.execute(
                    "SELECT bo_checkout(%s, %s, 'till-1', %s, NULL, NULL, jsonb_build_array(jsonb_build_object("
                    "'method', %s::text, 'tendered_minor', %s::integer, 'reference', 'auth-1')), NULL, %s)",
                    (st, held, seats[1:3], method, tendered, expected),
                )
            assert err.value.sqlstate == ("BO071" if method == "card" else "BO030"), (method, tendered, expected)
        with pytest.raises(psycopg.Error) as err:  # a type the venue does not sell for the seat
            ann.execute(
                'SELECT bo_checkout(%s, %s, \'till-1\', %s, %s, NULL, \'[{"method": "cash", "tendered_minor": 99999}]\')',
                (st, held, seats[1:3], [999999, None]),
            )
        assert err.value.sqlstate in {"BO014", "23503"}
        assert _snapshot(plain_db_url) == before


def test_a_sold_ticket_cannot_be_repriced_even_through_a_function(counter, plain_db_url, session):
    order = counter["sale"]["order_id"]
    with psycopg.connect(plain_db_url) as admin:  # the superuser runs into the trigger too
        for statement in (
            f"UPDATE ticket SET price_minor = 0 WHERE order_id = {order}",
            f"UPDATE ticket SET seat_id = {counter['seat_ids'][9]} WHERE order_id = {order}",
            f"UPDATE orders SET total_minor = 0, staff_id = NULL WHERE id = {order}",
            f"UPDATE payment SET method = 'card' WHERE order_id = {order}",
            f"DELETE FROM payment WHERE order_id = {order}",
        ):
            with pytest.raises(psycopg.Error) as err:
                admin.execute(statement)
            assert err.value.sqlstate == "BO031", statement
            admin.rollback()
        # an owner's SECURITY DEFINER function that forgot the rules, granted to cashiers
        admin.execute("SET ROLE bo_owner")
        admin.execute(
            "CREATE FUNCTION evil_discount(p_order integer) RETURNS void LANGUAGE sql SECURITY DEFINER "
            "SET search_path = public AS $$ UPDATE ticket SET price_minor = 0 WHERE order_id = p_order $$"
        )
        admin.execute("GRANT EXECUTE ON FUNCTION evil_discount(integer) TO bo_cashier")
        admin.commit()
    before = _snapshot(plain_db_url)
    with _connect(plain_db_url, counter["login"]["ann"]) as ann:
        ann.execute("SET boxoffice.amend_sale = 'on'")  # a client-set flag means nothing
        with pytest.raises(psycopg.Error) as err:
            ann.execute("SELECT evil_discount(%s)", (order,))
        assert err.value.sqlstate == "BO031"
    assert _snapshot(plain_db_url) == before
    with psycopg.connect(plain_db_url) as admin:  # control: a marked transaction may amend (plan moves)
        admin.execute("SELECT bo_amend_sale_begin()")
        admin.execute("UPDATE ticket SET seat_id = %s WHERE order_id = %s", (counter["seat_ids"][9], order))
        admin.commit()
        assert (
            admin.execute("SELECT seat_id FROM ticket WHERE order_id = %s", (order,)).fetchone()[0]
            == counter["seat_ids"][9]
        )


def test_an_order_total_must_be_the_sum_of_its_tickets(counter, plain_db_url):
    st, seat = counter["showtime_id"], counter["seat_ids"][9]
    for total, ok in ((999, False), (1500, True)):
        with psycopg.connect(plain_db_url) as admin:
            admin.execute("UPDATE inventory SET state = 'sold' WHERE showtime_id = %s AND seat_id = %s", (st, seat))
            order = admin.execute(
                "INSERT INTO orders (channel, currency, total_minor) VALUES ('raw', 'EUR', %s) RETURNING id", (total,)
            ).fetchone()[0]
            admin.execute(
                "INSERT INTO ticket (order_id, showtime_id, seat_id, category_id, price_minor) "
                "SELECT %s, %s, id, category_id, 1500 FROM seat WHERE id = %s",
                (order, st, seat),
            )
            admin.execute(  # paid in full (migration 0014), so only the tickets' sum is in question
                "INSERT INTO payment (order_id, method, amount_minor, tendered_minor) VALUES (%s, 'cash', %s, %s)",
                (order, total, total),
            )
            if ok:
                admin.commit()
            else:
                with pytest.raises(psycopg.Error) as err:
                    admin.commit()
                assert err.value.sqlstate == "BO032"


def _audit_refunds(plain_db_url) -> int:
    with psycopg.connect(plain_db_url, autocommit=True) as admin:
        return admin.execute("SELECT count(*) FROM audit_log WHERE action = 'refund'").fetchone()[0]


def test_refunds_follow_the_rules_in_the_database(counter, plain_db_url):
    number = counter["sale"]["number"]
    before = _snapshot(plain_db_url)
    with _connect(plain_db_url, counter["login"]["bob"]) as bob:
        for statement, args in [
            ("SELECT bo_refund(%s, 'not mine')", (number,)),
            ("SELECT bo_refund_order(%s)", (counter["sale"]["order_id"],)),
        ]:
            with pytest.raises(psycopg.errors.InsufficientPrivilege) as err:
                bob.execute(statement, args)
            assert err.value.diag.message_detail == "refund_any"
    assert _snapshot(plain_db_url) == before and _audit_refunds(plain_db_url) == 0
    with psycopg.connect(plain_db_url, autocommit=True) as admin:  # the show has started
        admin.execute(
            "UPDATE showtime SET starts_at = now() - interval '1 minute', "
            "doors_open_at = now() - interval '30 minutes' WHERE id = %s",
            (counter["showtime_id"],),
        )
    with _connect(plain_db_url, counter["login"]["ann"]) as ann:  # her own sale, but too late for a cashier
        with pytest.raises(psycopg.errors.InsufficientPrivilege) as err:
            ann.execute("SELECT bo_refund(%s, 'late')", (number,))
        assert err.value.diag.message_detail == "override"
    assert _audit_refunds(plain_db_url) == 0
    with _connect(plain_db_url, counter["login"]["meg"]) as meg:  # a manager may
        done = meg.execute("SELECT bo_refund(%s, 'manager')", (number,)).fetchone()[0]
    assert (done["amount_minor"], done["tickets_voided"]) == (2500, 1)
    assert _audit_refunds(plain_db_url) == 1


def test_blocks_need_block(counter, plain_db_url):
    st, seat = counter["showtime_id"], counter["seat_ids"][8]
    before = _snapshot(plain_db_url)
    with _connect(plain_db_url, counter["login"]["bob"]) as bob:
        for statement in ("SELECT bo_block(%s, %s, 'house')", "SELECT bo_unblock(%s, %s)"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                bob.execute(statement, (st, [seat]))
    assert _snapshot(plain_db_url) == before
    with _connect(plain_db_url, counter["login"]["meg"]) as meg:  # control: a manager may
        assert meg.execute("SELECT bo_block(%s, %s, 'house')", (st, [seat])).fetchone()[0] == 1


def test_hold_lifetimes_and_sizes_are_capped(session, plain_db_url):
    house = make_small_house(session, rows=11, seats_per_row=10)
    ann = make_actor(session, role="cashier", password=PASSWORD)
    st, seats = house["showtime_id"], house["seat_ids"]
    with _connect(plain_db_url, ann.login) as conn:
        for ids, seconds in ((seats[:1], 0), (seats[:1], 3601), (seats[:101], 60)):
            with pytest.raises(psycopg.Error) as err:
                conn.execute("SELECT bo_hold(%s, %s, %s, 'till-1', %s)", (st, ids, uuid.uuid4(), seconds))
            assert err.value.sqlstate == "22023", (len(ids), seconds)
        conn.execute("SELECT bo_hold(%s, %s, %s, 'till-1', 3600)", (st, seats[:100], uuid.uuid4()))


def test_a_hold_that_lapsed_cannot_be_sold_from_a_transaction_opened_before(counter, plain_db_url):
    st, seat = counter["showtime_id"], counter["seat_ids"][7]
    token = uuid.uuid4()
    with _connect(plain_db_url, counter["login"]["ann"]) as ann:
        ann.execute("SELECT bo_hold(%s, %s, %s, 'till-1', 1)", (st, [seat], token))
        ann.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
        ann.execute("SELECT count(*) FROM inventory_live")  # the snapshot and now() are taken here
        time.sleep(1.3)
        # a check with now() would still call the hold live...
        assert (
            ann.execute(
                "SELECT hold_expires_at > now() FROM inventory WHERE showtime_id = %s AND seat_id = %s", (st, seat)
            ).fetchone()[0]
            is True
        )
        with pytest.raises(psycopg.Error) as err:  # ...the contract looks at the clock
            ann.execute(CHECKOUT, (st, token, [seat], None, 5000))
        assert err.value.sqlstate == "BO002"
        ann.execute("ROLLBACK")


ISOLATION = ("READ COMMITTED", "REPEATABLE READ", "SERIALIZABLE")


def _race(plain_db_url, login, n, attempt) -> list:
    """n clients as ``login`` start ``attempt(conn, i, barrier)`` together; the results."""
    barrier = threading.Barrier(n)
    results: list = [None] * n

    def client(i):
        with _connect(plain_db_url, login) if login else psycopg.connect(plain_db_url, autocommit=True) as conn:
            try:
                results[i] = attempt(conn, i, barrier)
            except psycopg.Error as exc:
                conn.execute("ROLLBACK")
                results[i] = exc.sqlstate

    threads = [threading.Thread(target=client, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return results


@pytest.mark.parametrize("level", ISOLATION)
def test_fifty_tills_racing_for_ga_places_never_oversell_at_any_isolation(session, plain_db_url, level):
    house = ga_house(session, capacity=10)
    ann = with_shift(session, make_actor(session, role="cashier", password=PASSWORD))
    st, area = house["showtime_id"], house["area_id"]

    def till(conn, i, barrier):
        conn.execute(f"BEGIN ISOLATION LEVEL {level}")
        conn.execute("SELECT 1")  # the snapshot is taken before the others commit
        barrier.wait()
        token = uuid.uuid4()
        conn.execute("SELECT bo_ga_hold(%s, %s, 1, %s, 'till', 60)", (st, area, token))
        conn.execute(CHECKOUT, (st, token, [], json.dumps({str(area): 1}), 1500))
        conn.execute("COMMIT")
        return "sold"

    results = _race(plain_db_url, ann.login, 50, till)
    sold = session.execute(
        text("SELECT count(*) FROM ticket WHERE showtime_id = :s AND ga_area_id = :a AND status = 'valid'"),
        {"s": st, "a": area},
    ).scalar_one()
    assert results.count("sold") == sold <= 10
    assert set(results) <= {"sold", "BO001", "40001"}, results  # refusals, never anything else
    if level == "READ COMMITTED":
        assert sold == 10  # they took turns


def test_control_a_naive_count_then_insert_oversells(session, plain_db_url):
    house = ga_house(session, capacity=10)
    st, area = house["showtime_id"], house["area_id"]

    def naive(conn, i, barrier):  # the superuser, counting without the row lock
        conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
        left = conn.execute(
            "SELECT capacity - bo_ga_taken(showtime_id, ga_area_id) FROM ga_inventory "
            "WHERE showtime_id = %s AND ga_area_id = %s",
            (st, area),
        ).fetchone()[0]
        barrier.wait()
        if left < 1:
            return "full"
        conn.execute(
            "INSERT INTO ga_hold (token, showtime_id, ga_area_id, quantity, channel, expires_at) "
            "VALUES (%s, %s, %s, 1, 'naive', now() + interval '1 hour')",
            (uuid.uuid4(), st, area),
        )
        conn.execute("COMMIT")
        return "held"

    results = _race(plain_db_url, None, 50, naive)
    held = session.execute(
        text("SELECT coalesce(sum(quantity), 0) FROM ga_hold WHERE showtime_id = :s"), {"s": st}
    ).scalar_one()
    assert held == results.count("held") > 10  # the race is real: oversold


def test_control_locking_the_row_without_updating_it_oversells_under_repeatable_read(session, plain_db_url):
    """0008's bo_ga_hold only locked the row (SELECT ... FOR UPDATE): a REPEATABLE READ
    transaction then counts with its old snapshot after the wait, and oversells."""
    house = ga_house(session, capacity=10)
    ann = make_actor(session, role="cashier", password=PASSWORD)
    st, area = house["showtime_id"], house["area_id"]
    with psycopg.connect(plain_db_url, autocommit=True) as admin:
        body = admin.execute("SELECT pg_get_functiondef('bo_ga_hold'::regproc)").fetchone()[0]
        touch = (
            "UPDATE ga_inventory SET capacity = capacity WHERE showtime_id = p_showtime AND ga_area_id = p_area\n"
            "    RETURNING capacity INTO cap;"
        )
        assert touch in body
        admin.execute("SET ROLE bo_owner")
        admin.execute(
            body.replace(
                touch,
                "SELECT capacity INTO cap FROM ga_inventory "
                "WHERE showtime_id = p_showtime AND ga_area_id = p_area FOR UPDATE;",
            )
        )

    def till(conn, i, barrier):
        conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
        conn.execute("SELECT 1")
        barrier.wait()
        conn.execute("SELECT bo_ga_hold(%s, %s, 1, %s, 'till', 60)", (st, area, uuid.uuid4()))
        conn.execute("COMMIT")
        return "held"

    results = _race(plain_db_url, ann.login, 50, till)
    held = session.execute(
        text("SELECT coalesce(sum(quantity), 0) FROM ga_hold WHERE showtime_id = :s"), {"s": st}
    ).scalar_one()
    assert held == results.count("held") > 10
