"""The drawer's guarantees held by the database, tested as the real logins (issue 11):
no app login writes a drawer table, nobody (not even the owner) changes or deletes a Z
report, and closing one shift from two tills at once makes exactly one Z report."""

from __future__ import annotations

import threading

import psycopg
import pytest
from sqlalchemy.engine import make_url

from tests.drawer_helpers import open_shift_as, sell_as
from tests.factories import make_actor, make_small_house

PASSWORD = "correct horse battery"


def _connect(plain_db_url: str, login: str, *, till: str = "till:test", autocommit: bool = True):
    url = make_url(plain_db_url)
    return psycopg.connect(
        host=url.query.get("host") or url.host,
        port=url.port,
        dbname=url.database,
        user=login,
        password=PASSWORD,
        application_name=till,
        autocommit=autocommit,
    )


@pytest.fixture
def closed(session, plain_db_url):
    """Logins for a cashier, a manager and an admin; the cashier's shift with a cash sale,
    a drop, closed into Z report 1; and an open shift of the manager."""
    house = make_small_house(session)
    people = {
        name: make_actor(session, role=role, username=name, password=PASSWORD, till=f"till:{name}")
        for name, role in (("ann", "cashier"), ("meg", "manager"), ("ada", "admin"))
    }
    shift = open_shift_as(session, people["ann"], 10_000)
    sell_as(session, people["ann"], house, 0, tendered=5_000)
    with _connect(plain_db_url, people["ann"].login, till="till:ann") as ann:
        ann.execute("SELECT bo_drawer_movement(%s, 'drop', 1000, 'safe')", (shift,))
        ann.execute("""SELECT bo_shift_close(%s, '{"10000": 1, "1000": 1}')""", (shift,))
    open_shift_as(session, people["meg"], 500)
    return {"people": people, "shift": shift, "house": house}


def _tamper(shift: int) -> list[str]:
    return [
        "UPDATE z_report SET counted_cash_minor = 99999",
        "UPDATE z_report SET figures = '{}'",
        "DELETE FROM z_report",
        "TRUNCATE z_report CASCADE",
        "UPDATE z_counter SET last_number = 0",
        "INSERT INTO z_report SELECT number + 1, shift_id, till, staff_id, closed_by, closed_at, currency, "
        "expected_cash_minor, counted_cash_minor, variance_minor, counted, figures FROM z_report",
        f"UPDATE till_shift SET float_minor = 0 WHERE id = {shift}",
        f"UPDATE till_shift SET closed_at = NULL WHERE id = {shift}",
        "DELETE FROM till_shift",
        "INSERT INTO till_shift (till, staff_id, currency, float_minor) SELECT 'x', id, 'EUR', 0 FROM staff LIMIT 1",
        "UPDATE drawer_movement SET amount_minor = 1",
        "DELETE FROM drawer_movement",
        f"INSERT INTO drawer_movement (shift_id, kind, amount_minor, reason) VALUES ({shift}, 'drop', 1, 'x')",
        "UPDATE payment SET shift_id = NULL",
        "UPDATE refund SET shift_id = NULL",
        # the internals are not callable
        "SELECT bo_my_open_shift()",
        "SELECT bo_count_total('{}')",
    ]


def _z_rows(plain_db_url: str) -> list[tuple]:
    with psycopg.connect(plain_db_url, autocommit=True) as admin:
        return admin.execute("SELECT z.*::text FROM z_report z ORDER BY number").fetchall()


@pytest.mark.parametrize("who", ["ann", "meg", "ada"])
def test_no_app_login_changes_a_z_report_or_the_drawer(closed, plain_db_url, who):
    before = _z_rows(plain_db_url)
    with _connect(plain_db_url, closed["people"][who].login) as conn:
        for statement in _tamper(closed["shift"]):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        # control: the same login reads the Z report (the refusals are about writing)
        assert conn.execute("SELECT number FROM z_report").fetchall() == [(1,)]
    assert _z_rows(plain_db_url) == before


def test_not_even_the_owner_changes_a_z_report(closed, plain_db_url):
    before = _z_rows(plain_db_url)
    with psycopg.connect(plain_db_url, autocommit=True) as owner:  # a superuser: triggers still fire
        owner.execute("SET ROLE bo_owner")
        for statement in [
            "UPDATE z_report SET counted_cash_minor = 99999",
            "DELETE FROM z_report",
            "TRUNCATE z_report CASCADE",
            "UPDATE z_counter SET last_number = 5",
            "DELETE FROM z_counter",
            f"UPDATE till_shift SET closed_at = NULL WHERE id = {closed['shift']}",
            "DELETE FROM drawer_movement",
            "UPDATE payment SET shift_id = NULL",
        ]:
            with pytest.raises(psycopg.DatabaseError) as refused:
                owner.execute(statement)
            assert refused.value.sqlstate == "BO081", statement
    assert _z_rows(plain_db_url) == before


def test_a_cashier_cannot_close_or_drop_from_anothers_shift_a_manager_can(closed, plain_db_url, session):
    ann_two = open_shift_as(session, closed["people"]["ann"], 2000)
    with _connect(plain_db_url, closed["people"]["ann"].login, till="till:ann") as ann:
        meg_shift = ann.execute("SELECT id FROM till_shift WHERE till = 'till:meg'").fetchone()[0]
        for statement in [
            f"SELECT bo_shift_close({meg_shift}, '{{}}')",
            f"SELECT bo_drawer_movement({meg_shift}, 'payout', 100, 'mine now')",
            f"SELECT bo_shift_figures({meg_shift})",
        ]:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                ann.execute(statement)
        with pytest.raises(psycopg.DatabaseError, match="till one works at"):
            ann.execute("SELECT bo_shift_open('till:meg', 0)")
    with _connect(plain_db_url, closed["people"]["meg"].login, till="till:meg") as meg:
        assert meg.execute(f"SELECT bo_shift_close({ann_two}, '{{\"1000\": 2}}') ->> 'number'").fetchone()[0] == "2"


def _close_together(plain_db_url: str, login: str, shift: int, *, guarded: bool) -> list:
    """Two clients (tills) close ``shift`` at the same moment. ``guarded=False`` is the
    control: each reads whether the shift is open without the function's row lock."""
    barrier = threading.Barrier(2)
    results: list = [None, None]

    def client(i: int) -> None:
        with _connect(plain_db_url, login, till=f"till:{i}", autocommit=False) as conn:
            barrier.wait()
            try:
                if guarded:
                    results[i] = conn.execute("SELECT bo_shift_close(%s, '{}') ->> 'number'", (shift,)).fetchone()[0]
                else:
                    open_ = conn.execute("SELECT closed_at IS NULL FROM till_shift WHERE id = %s", (shift,)).fetchone()
                    barrier.wait()  # both have looked before either acts
                    results[i] = "saw it open" if open_[0] else "saw it closed"
                conn.commit()
            except psycopg.DatabaseError as exc:
                results[i] = exc.sqlstate

    threads = [threading.Thread(target=client, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return results


def test_closing_one_shift_from_two_tills_at_once_makes_one_z_report(closed, plain_db_url, session):
    meg = closed["people"]["meg"]
    # control: without the lock both tills see the shift open, so the race is real
    with psycopg.connect(plain_db_url, autocommit=True) as admin:
        shift = admin.execute("SELECT id FROM till_shift WHERE closed_at IS NULL").fetchone()[0]
    assert _close_together(plain_db_url, meg.login, shift, guarded=False) == ["saw it open", "saw it open"]
    for attempt in range(5):
        results = _close_together(plain_db_url, meg.login, shift, guarded=True)
        assert sorted(results, key=str) == sorted([str(2 + attempt), "BO082"], key=str), results
        with psycopg.connect(plain_db_url, autocommit=True) as admin:
            assert admin.execute("SELECT count(*) FROM z_report WHERE shift_id = %s", (shift,)).fetchone()[0] == 1
            assert admin.execute("SELECT array_agg(number ORDER BY number) FROM z_report").fetchone()[0] == list(
                range(1, 3 + attempt)
            )
        shift = open_shift_as(session, meg, 100)


def test_a_sale_in_flight_when_the_shift_closes_is_in_its_z_report(session, plain_db_url):
    """The payment trigger share-locks the shift (and the payment's foreign key key-share
    locks it) while the close takes FOR UPDATE: a close waits for a sale that is being
    written, so the Z report counts it; a sale after the close is refused (BO080). With
    neither lock (FOR NO KEY UPDATE, no FOR SHARE) this test fails."""
    import uuid

    house = make_small_house(session)
    ann = make_actor(session, role="cashier", username="ann", password=PASSWORD, till="till:ann")
    meg = make_actor(session, role="manager", username="meg", password=PASSWORD, till="till:meg")
    shift = open_shift_as(session, ann, 1_000)
    st, seats = house["showtime_id"], house["seat_ids"]
    checkout = (
        'SELECT bo_checkout(%s, %s, \'till:ann\', %s, NULL, NULL, \'[{"method": "cash", "tendered_minor": 2500}]\')'
    )
    closed: list = []
    with _connect(plain_db_url, ann.login, till="till:ann", autocommit=False) as till:
        token = uuid.uuid4()
        till.execute("SELECT bo_hold(%s, %s, %s, 'till:ann', 60)", (st, [seats[0]], token))
        till.execute(checkout, (st, token, [seats[0]]))  # written, not yet committed

        def close() -> None:
            with _connect(plain_db_url, meg.login, till="till:meg") as office:
                closed.append(office.execute("SELECT bo_shift_close(%s, '{}')", (shift,)).fetchone()[0])

        closer = threading.Thread(target=close)
        closer.start()
        closer.join(1.0)
        assert closer.is_alive()  # the close waits for the sale in flight
        till.commit()
        closer.join(10)
        assert closed and closed[0]["figures"]["cash"]["sales_minor"] == 2500
        token = uuid.uuid4()
        till.execute("SELECT bo_hold(%s, %s, %s, 'till:ann', 60)", (st, [seats[1]], token))
        till.commit()
        with pytest.raises(psycopg.DatabaseError) as refused:
            till.execute(checkout, (st, token, [seats[1]]))
        assert refused.value.sqlstate == "BO080"
