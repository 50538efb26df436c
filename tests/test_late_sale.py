"""A manager's override for a sale after the close (migration 0033_sale_override): the token
is bound to one showtime and one cashier, short-lived, used up by the sale, audited; a
hostile till (the cashier's own login, raw SQL) can neither mint, read, forge nor reuse one."""

from __future__ import annotations

import datetime as dt
import uuid

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from boxoffice.domain.errors import InvalidInputError, NotOnSaleError, PermissionDeniedError, SignInError
from boxoffice.services import counter, late_sale, sales, setup
from boxoffice.services.auth import act_as
from boxoffice.services.till import TillSessions
from tests.drawer_helpers import till_of, with_shift
from tests.factories import make_actor, make_small_house

PASSWORD = "correct horse battery"


def _connect(plain_db_url: str, login: str) -> psycopg.Connection:
    url = make_url(plain_db_url)
    return psycopg.connect(
        host=url.query.get("host") or url.host,
        port=url.port,
        dbname=url.database,
        user=login,
        password=PASSWORD,
        autocommit=True,
        application_name=till_of(login),
    )


@pytest.fixture
def late(session, db_url):
    """A house whose showtime started 40 minutes ago (closed 10 minutes ago), a second
    showtime later that evening, cashiers ``ann`` and ``bob`` and manager ``meg``."""
    house = make_small_house(session)
    later = setup.schedule_showtime(
        session,
        show_id=house["show_id"],
        plan_id=house["plan_id"],
        starts_at=dt.datetime.now(dt.UTC) + dt.timedelta(days=3),
        prices={"A": 2500, "B": 1500},
    )
    session.execute(
        text("UPDATE showtime SET starts_at = now() - interval '40 minutes' WHERE id = :s"),
        {"s": house["showtime_id"]},
    )
    session.commit()
    ann = with_shift(session, make_actor(session, role="cashier", username="ann", password=PASSWORD))
    bob = make_actor(session, role="cashier", username="bob", password=PASSWORD)
    meg = make_actor(session, role="manager", username="meg", password=PASSWORD)
    return {**house, "later": later, "ann": ann, "bob": bob, "meg": meg, "url": db_url}


def _grant(late, *, showtime=None, seller=None, username="meg", password=PASSWORD, reason="Latecomer"):
    return late_sale.late_sale_with_password(
        late["url"],
        username=username,
        password=password,
        till="till:front",
        showtime_id=showtime or late["showtime_id"],
        seller_staff_id=(seller or late["ann"]).staff_id,
        reason=reason,
    )


def _hold(session, late, seats, actor, override=None, token=None):
    token = token or uuid.uuid4()
    act_as(session, actor)
    counter.renew_holds(
        session,
        showtime_id=late["showtime_id"],
        token=token,
        channel="till:front",
        seconds=120,
        seat_ids=seats,
        places={},
        late_sale=override,
    )
    return token


def test_a_cashier_sells_late_with_a_manager_s_override_used_once_and_audited(session, late):
    seats = late["seat_ids"][:2]
    with pytest.raises(NotOnSaleError) as closed:
        _hold(session, late, seats, late["ann"])
    assert closed.value.details["reason"] == "closed"
    with pytest.raises(SignInError):
        _grant(late, password="wrong password")
    with pytest.raises(PermissionDeniedError):  # a cashier is no manager
        _grant(late, username="bob")
    override = _grant(late)
    token = _hold(session, late, seats, late["ann"], override)
    token = _hold(session, late, late["seat_ids"][:3], late["ann"], override, token)  # one more seat, same sale
    act_as(session, late["ann"])
    sale = sales.sell(
        session,
        showtime_id=late["showtime_id"],
        seat_ids=late["seat_ids"][:3],
        token=token,
        channel="till:front",
        method="cash",
        tendered_minor=7500,
    )
    # used up by the sale: another basket of the same cashier cannot pass it again
    with pytest.raises(NotOnSaleError) as reused:
        _hold(session, late, late["seat_ids"][5:6], late["ann"], override)
    assert reused.value.details["reason"] == "override_invalid"
    act_as(session, None)
    row = session.execute(
        text(
            "SELECT o.kind, o.showtime_id, o.for_staff, o.used_by, o.order_id, o.reason, g.username, "
            "o.expires_at - o.granted_at FROM manager_override o JOIN staff g ON g.id = o.granted_by"
        )
    ).one()
    assert tuple(row) == (
        "late_sale",
        late["showtime_id"],
        late["ann"].staff_id,
        late["ann"].staff_id,
        sale.order_id,
        "Latecomer",
        "meg",
        dt.timedelta(minutes=10),
    )
    audit = session.execute(
        text("SELECT action, actor, target, details FROM audit_log WHERE action LIKE 'override.%' ORDER BY id")
    ).all()
    assert [(a, who, target) for a, who, target, _ in audit] == [
        ("override.grant", "meg", f"showtime {late['showtime_id']}"),
        ("override.use", "ann", f"order {sale.order_number}"),
    ]
    assert audit[0].details["for"] == "ann" and audit[0].details["kind"] == "late_sale"
    assert audit[1].details["granted_by_name"] == "meg" and audit[1].details["showtime"] == late["showtime_id"]
    sold = session.execute(
        text("SELECT count(*) FROM ticket WHERE order_id = :o AND status = 'valid'"), {"o": sale.order_id}
    ).scalar_one()
    assert sold == 3
    session.commit()


def test_the_override_is_bound_to_its_showtime_and_its_cashier_and_expires(session, late, plain_db_url):
    override = _grant(late)
    with pytest.raises(NotOnSaleError) as other_cashier:
        _hold(session, late, late["seat_ids"][:1], late["bob"], override)
    assert other_cashier.value.details["reason"] == "override_other"
    act_as(session, late["ann"])
    with pytest.raises(NotOnSaleError, match="another showtime"):
        counter.renew_holds(
            session,
            showtime_id=late["later"],
            token=uuid.uuid4(),
            channel="till:front",
            seconds=60,
            seat_ids=late["seat_ids"][:1],
            places={},
            late_sale=override,
        )
    with psycopg.connect(plain_db_url) as admin:  # ten minutes pass (the frozen trigger set aside for it)
        admin.execute("ALTER TABLE manager_override DISABLE TRIGGER manager_override_frozen")
        admin.execute("UPDATE manager_override SET expires_at = clock_timestamp() - interval '1 second'")
        admin.execute("ALTER TABLE manager_override ENABLE TRIGGER manager_override_frozen")
    with pytest.raises(NotOnSaleError) as expired:
        _hold(session, late, late["seat_ids"][:1], late["ann"], override)
    assert expired.value.details["reason"] == "override_invalid"


def test_a_paused_showtime_gets_no_late_sale_and_a_seller_must_sell(session, late):
    with pytest.raises(InvalidInputError, match="may not sell"):
        door = make_actor(session, role="door")
        _grant(late, seller=door)
    override = _grant(late)
    session.execute(text("UPDATE showtime SET status = 'off_sale' WHERE id = :s"), {"s": late["showtime_id"]})
    session.commit()
    with pytest.raises(NotOnSaleError, match="paused or cancelled"):
        _grant(late)
    with pytest.raises(NotOnSaleError) as paused:  # a paused showtime stays paused, override or not
        _hold(session, late, late["seat_ids"][:1], late["ann"], override)
    assert paused.value.details["reason"] == "off_sale"


def test_a_manager_approves_with_the_pin_of_their_shift_at_this_till(session, late, db_url):
    sessions = TillSessions(db_url, pool_size=1)
    try:
        sessions.sign_in(username="meg", password=PASSWORD, till="till:front", pin="2468")
        with pytest.raises(SignInError, match="Wrong PIN"):
            late_sale.late_sale_at_till(
                sessions,
                username="meg",
                secret="1111",
                till="till:front",
                showtime_id=late["showtime_id"],
                seller_staff_id=late["ann"].staff_id,
            )
        override = late_sale.late_sale_at_till(
            sessions,
            username="meg",
            secret="2468",
            till="till:front",
            showtime_id=late["showtime_id"],
            seller_staff_id=late["ann"].staff_id,
        )
        assert _hold(session, late, late["seat_ids"][:1], late["ann"], override)
        # bob has no PIN here: his "PIN" is tried as a password, and he is no manager anyway
        with pytest.raises(SignInError):
            late_sale.late_sale_at_till(
                sessions,
                username="bob",
                secret="2468",
                till="till:front",
                showtime_id=late["showtime_id"],
                seller_staff_id=late["ann"].staff_id,
            )
    finally:
        sessions.close()
    act_as(session, None)
    reason = session.execute(text("SELECT reason FROM manager_override")).scalar_one()
    assert reason == late_sale.DEFAULT_REASON


def test_a_hostile_till_can_neither_mint_read_forge_nor_reuse_an_override(session, late, plain_db_url):
    st, later = late["showtime_id"], late["later"]
    ann = late["ann"]
    seat = late["seat_ids"][7]
    good = _grant(late)
    used = _grant(late)
    token = _hold(session, late, [late["seat_ids"][8]], ann, used)
    act_as(session, ann)
    sales.sell(
        session,
        showtime_id=st,
        seat_ids=[late["seat_ids"][8]],
        token=token,
        channel="till:front",
        method="cash",
        tendered_minor=2500,
    )
    hold = f"SELECT bo_hold_late(%s, %s, ARRAY[{seat}], gen_random_uuid(), 'till:front', 60)"
    refused = [
        f"SELECT bo_override_grant('late_sale', 'me', {st}, {ann.staff_id})",
        "SELECT bo_override_grant('comp', 'me')",
        "INSERT INTO manager_override (kind, reason, expires_at, showtime_id, for_staff) "
        f"VALUES ('late_sale', 'me', now() + interval '1 day', {st}, {ann.staff_id})",
        f"UPDATE manager_override SET used_at = NULL, order_id = NULL WHERE id = '{used}'",
        f"UPDATE manager_override SET expires_at = now() + interval '1 day' WHERE id = '{good}'",
        "SELECT id FROM manager_override",
        "SELECT * FROM late_sale_pass",
        f"INSERT INTO late_sale_pass (nonce) VALUES ('{uuid.uuid4()}')",
        "SELECT bo_late_pass(true)",
        f"SELECT bo_late_sale_check('{good}', {st})",
    ]
    with _connect(plain_db_url, ann.login) as till:
        for statement in refused:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                till.execute(statement)
        # a forged token, a used one, another showtime's: refused before any hold
        for override, showtime, state in [
            (uuid.uuid4(), st, "BO175"),
            (used, st, "BO175"),
            (good, later, "BO176"),
        ]:
            with pytest.raises(psycopg.Error) as exc:
                till.execute(hold % ("%s", "%s"), (override, showtime))
            assert exc.value.sqlstate == state
        # the pass cannot be typed in: a setting matches no nonce, the token itself is no nonce
        for value in (str(good), str(uuid.uuid4())):
            with till.transaction():
                till.execute("SELECT set_config('boxoffice.late_pass', %s, true)", (value,))
                with pytest.raises(psycopg.Error) as exc:
                    till.execute(f"SELECT bo_hold({st}, ARRAY[{seat}], gen_random_uuid(), 'till:front', 60)")
                assert exc.value.sqlstate == "BO003" and exc.value.diag.message_detail == "closed"
                raise psycopg.Rollback()
        # the real thing works from the cashier's own login, and leaves no pass open behind it
        with till.transaction():
            expires = till.execute(hold % ("%s", "%s"), (good, st)).fetchone()[0]
            assert expires is not None
            left = till.execute("SELECT current_setting('boxoffice.late_pass', true)").fetchone()[0]
            assert left == ""
            with pytest.raises(psycopg.Error) as exc:
                till.execute(f"SELECT bo_hold({st}, ARRAY[{late['seat_ids'][9]}], gen_random_uuid(), 'till:front', 60)")
            assert exc.value.sqlstate == "BO003"
            raise psycopg.Rollback()
    # control: the same token in bob's hands is another seller's
    with _connect(plain_db_url, late["bob"].login) as bob:
        with pytest.raises(psycopg.Error) as exc:
            bob.execute(hold % ("%s", "%s"), (good, st))
        assert exc.value.sqlstate == "BO176"
    act_as(session, None)
    state = session.execute(
        text("SELECT state FROM inventory WHERE showtime_id = :s AND seat_id = :seat"), {"s": st, "seat": seat}
    ).scalar_one()
    assert state == "available"  # every hold above was rolled back or refused
    count = session.execute(text("SELECT count(*) FROM late_sale_pass")).scalar_one()
    assert count == 0
    session.commit()


def test_the_revision_goes_down_and_up_again_with_late_sales_recorded(session, late, engine):
    from tests.test_migration_0025 import _downgrade

    override = _grant(late)
    _hold(session, late, late["seat_ids"][:1], late["ann"], override)
    session.commit()
    session.close()
    from alembic.script import ScriptDirectory

    from boxoffice.db.migrate import alembic_config

    before = ScriptDirectory.from_config(alembic_config()).get_revision("0033_sale_override").down_revision
    _downgrade(engine, before)  # the revision before this one (the chain is re-ordered at merges)
    with engine.begin() as conn:
        assert conn.execute(text("SELECT to_regclass('late_sale_pass')")).scalar_one() is None
        assert conn.execute(text("SELECT count(*) FROM manager_override")).scalar_one() == 0
    from boxoffice.db.migrate import upgrade

    upgrade(engine, "head")
    with engine.begin() as conn:
        assert conn.execute(text("SELECT to_regclass('late_sale_pass')")).scalar_one() is not None
