"""The database authenticates every person and is the authority (issue 10, migration 0009).

Each test connects as the person it plays — a real login with its own password, over the
embedded server's SCRAM authentication — never as the superuser, and tries what that
person must not be able to do: the database refuses, and nothing changes.
"""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from boxoffice.domain.errors import AccountInactiveError, PermissionDeniedError, SignInError
from boxoffice.services import auth, staff
from boxoffice.services.till import TillSessions
from tests.factories import make_actor, make_small_house

PASSWORD = "correct horse battery"
ROLES = ("cashier", "door", "manager", "admin")


def _connect(plain_db_url: str, login: str, password: str = PASSWORD) -> psycopg.Connection:
    """A connection as ``login`` with ``password`` (what a person with psql could open)."""
    url = make_url(plain_db_url)
    return psycopg.connect(
        host=url.query.get("host") or url.host,
        port=url.port,
        dbname=url.database,
        user=login,
        password=password,
        autocommit=True,
    )


@pytest.fixture
def people(session):
    """One login per staff role, and a web server's login, with PASSWORD."""
    found = {role: make_actor(session, role=role, password=PASSWORD) for role in ROLES}
    login = found["cashier"].login.rsplit("_", 1)[0]
    verifier = staff.scram_verifier(session, login=f"{login}_web_shop", password=PASSWORD)
    found["web"] = session.execute(text("SELECT bo_web_login('shop', :v)"), {"v": verifier}).scalar_one()
    session.commit()
    return found


def _login(people, who: str) -> str:
    return people[who] if who == "web" else people[who].login


def _tables(conn) -> dict[str, str]:
    """Every table of the schema -> its first column."""
    return dict(
        conn.execute(
            "SELECT c.relname, a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = 1 "
            "WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') ORDER BY c.relname"
        ).fetchall()
    )


@pytest.mark.parametrize("who", [*ROLES, "web"])
def test_no_application_login_writes_any_table_directly(session, plain_db_url, people, who):
    make_small_house(session)
    with psycopg.connect(plain_db_url, autocommit=True) as admin:
        tables = _tables(admin)
        before = {t: admin.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    assert {"inventory", "orders", "ticket", "payment", "staff", "audit_log", "showtime_price"} <= set(tables)
    with _connect(plain_db_url, _login(people, who)) as conn:
        for table, column in tables.items():
            for statement in (
                f'DELETE FROM "{table}"',
                f'UPDATE "{table}" SET "{column}" = "{column}"',
                f'TRUNCATE "{table}"',
                f'INSERT INTO "{table}" DEFAULT VALUES',
            ):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute(statement)
    with psycopg.connect(plain_db_url, autocommit=True) as admin:
        after = {t: admin.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    assert after == before


@pytest.mark.parametrize("who", [*ROLES, "web"])
def test_no_secret_is_readable(session, plain_db_url, people, who):
    make_small_house(session)
    with _connect(plain_db_url, _login(people, who)) as conn:
        for query in (
            "SELECT rolpassword FROM pg_authid",
            "SELECT hold_token FROM inventory",
            "SELECT hold_token FROM inventory_live",
            "SELECT token FROM ga_hold",
            "SELECT hold_token, source_token FROM booking",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(query)
        columns = {
            r[0]
            for r in conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'staff'"
            ).fetchall()
        }
        assert not columns & {"password_hash", "pin_hash"}
        # what may be read still can be
        assert conn.execute("SELECT count(*) FROM seat").fetchone()[0] > 0


@pytest.mark.parametrize("who", ["cashier", "door", "manager"])
def test_nobody_impersonates_or_switches_off_the_rules(session, plain_db_url, people, who):
    manager_id = people["manager"].staff_id
    with _connect(plain_db_url, _login(people, who)) as conn:
        with pytest.raises(psycopg.errors.UndefinedFunction):
            conn.execute("SELECT bo_act_as(%s, NULL, NULL, 'x')", (manager_id,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SET session_replication_role = replica")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("ALTER TABLE ticket DISABLE TRIGGER ALL")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(f'SET SESSION AUTHORIZATION "{people["admin"].login}"')
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(f'SET ROLE "{people["admin"].login}"')
        # making oneself admin, or replacing a manager's password
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT bo_staff_update(%s, NULL, 'admin', NULL)", (people[who].staff_id,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "SELECT bo_staff_set_password(%s, 'SCRAM-SHA-256$4096:c2FsdA==$YQ==:Yg==')", (people["admin"].staff_id,)
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "SELECT bo_staff_create('mallory', 'Mallory', 'admin', 'SCRAM-SHA-256$4096:c2FsdA==$YQ==:Yg==')"
            )
    roles = dict(session.execute(text("SELECT username, role FROM staff")).all())
    assert roles[people[who].username] == who


def test_audit_rows_carry_the_login_and_the_database_clock(session, plain_db_url, people):
    cashier = people["cashier"]
    with _connect(plain_db_url, cashier.login) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO audit_log (at, actor, role, action, db_user) "
                "VALUES ('2020-01-01', 'maya', 'manager', 'refund', 'maya')"
            )
        conn.execute("SELECT bo_audit('note', 'test', '{}'::jsonb, 'forged-till')")
    row = session.execute(
        text(
            "SELECT staff_id, actor, role, db_user, at > now() - interval '1 minute' "
            "FROM audit_log WHERE action = 'note'"
        )
    ).one()
    assert tuple(row) == (cashier.staff_id, cashier.username, "cashier", cashier.login, True)


def test_sign_in_wrong_password_disabled_account_and_reset(session, db_url, people):
    till = TillSessions(db_url)
    cashier = people["cashier"]
    try:
        with pytest.raises(SignInError, match="wrong password"):
            till.sign_in(username=cashier.username, password="not the password", till="till:t")
        with pytest.raises(SignInError, match="wrong password"):
            till.sign_in(username="nobody-here", password=PASSWORD, till="till:t")
        actor = till.sign_in(username=cashier.username, password=PASSWORD, till="till:t", pin="4321")
        assert (actor.staff_id, actor.login) == (cashier.staff_id, cashier.login)
        with till.session_factory(actor)() as s:
            assert s.execute(text("SELECT session_user")).scalar_one() == cashier.login
        # the PIN switches back to them on this till, in memory only
        assert till.unlock(username=cashier.username, secret="4321", till="till:t").login == cashier.login
        with pytest.raises(SignInError, match="Wrong PIN"):
            till.unlock(username=cashier.username, secret="9999", till="till:t")
        # a door account cannot work at a till
        with pytest.raises(SignInError, match="cannot sell"):
            till.sign_in(username=people["door"].username, password=PASSWORD, till="till:t", permission="sell")
        # an admin resets the password and then deactivates: open sessions end, sign-in refused
        admin_session = auth.act_as(session, people["admin"])
        staff.reset_password(admin_session, staff_id=cashier.staff_id, password="a new password 42")
        with pytest.raises(SignInError):
            till.sign_in(username=cashier.username, password=PASSWORD, till="till:t")
        actor = till.sign_in(username=cashier.username, password="a new password 42", till="till:t")
        staff.set_active(admin_session, staff_id=cashier.staff_id, active=False)
        with pytest.raises(AccountInactiveError):
            till.sign_in(username=cashier.username, password="a new password 42", till="till:t")
        with pytest.raises(Exception):  # noqa: B017 - the server ended the person's session
            with till.session_factory(actor)() as s:
                s.execute(text("SELECT 1")).scalar_one()
                s.execute(text("SELECT bo_require('sell')")).scalar_one()
    finally:
        till.close()


def test_a_cashier_cannot_manage_accounts_through_the_service(session, people):
    auth.act_as(session, people["cashier"])
    with pytest.raises(PermissionDeniedError):
        staff.create_staff(session, username="eve", display_name="Eve", role="admin", password="long enough 1")
    # even without the service's check, the database refuses
    auth.act_as(
        session,
        people["cashier"].__class__(
            people["cashier"].staff_id, people["cashier"].username, "x", "admin", "till:t", people["cashier"].login
        ),
    )
    with pytest.raises(PermissionDeniedError, match="database refused"):
        staff.create_staff(session, username="eve", display_name="Eve", role="admin", password="long enough 1")
    auth.act_as(session, None)
    assert session.execute(text("SELECT count(*) FROM staff WHERE username = 'eve'")).scalar_one() == 0
