"""Staff accounts (PostgreSQL logins) and roles enforced in the services (and, behind
them, the database: tests/test_trust.py). Sign-in, PINs and deactivation: tests/test_trust.py."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import text

from boxoffice.domain.errors import (
    InvalidInputError,
    PermissionDeniedError,
)
from boxoffice.services import audit, inventory, refunds, sales, setup, staff
from boxoffice.services.auth import act_as
from boxoffice.services.till import TillSessions
from tests.drawer_helpers import with_shift
from tests.factories import make_actor, make_small_house


def sell_as(session, actor, house, seats):
    """Hold and sell ``seats`` for cash as ``actor``; returns the SaleResult."""
    act_as(session, actor)
    token = uuid.uuid4()
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=seats, token=token, channel="till:test", seconds=60
    )
    return sales.sell_cash(
        session,
        showtime_id=house["showtime_id"],
        seat_ids=seats,
        token=token,
        channel="till:test",
        tendered_minor=100_00,
    )


def test_door_account_calling_the_sell_service_gets_a_permission_error(session):
    house = make_small_house(session)
    door = make_actor(session, role="door", display_name="Dan Door")
    act_as(session, door)
    with pytest.raises(PermissionDeniedError) as refused:
        inventory.hold_seats(
            session,
            showtime_id=house["showtime_id"],
            seat_ids=house["seat_ids"][:1],
            token=uuid.uuid4(),
            channel="till:test",
            seconds=60,
        )
    assert refused.value.code == "permission_denied"
    assert refused.value.details == {"permission": "sell", "role": "door"}
    assert str(refused.value) == "Dan Door is signed in as door and may not sell tickets. Ask a manager."
    with pytest.raises(PermissionDeniedError):
        sales.sell_cash(
            session,
            showtime_id=house["showtime_id"],
            seat_ids=house["seat_ids"][:1],
            token=uuid.uuid4(),
            channel="till:test",
            tendered_minor=100_00,
        )
    act_as(session, None)
    held = session.execute(text("SELECT count(*) FROM inventory_live WHERE state <> 'available'")).scalar_one()
    assert held == 0


def test_cashier_cannot_set_up_or_manage_accounts_but_a_manager_sets_up(session):
    house = make_small_house(session)
    cashier, manager = make_actor(session, role="cashier"), make_actor(session, role="manager")
    act_as(session, cashier)
    with pytest.raises(PermissionDeniedError, match="set up venues"):
        setup.create_show(session, title="Not allowed")
    with pytest.raises(PermissionDeniedError):
        staff.create_staff(session, username="x1", display_name="X", role="admin", password="whatever1")
    with pytest.raises(PermissionDeniedError):
        audit.search(session)
    act_as(session, manager)
    show_id = setup.create_show(session, title="Hamlet")
    with pytest.raises(PermissionDeniedError):
        staff.list_staff(session)
    page = audit.search(session, where=audit.AuditFilter(action="config_change", actor=manager.username))
    assert [(e.target, e.details["title"], e.role) for e in page.entries] == [(f"show {show_id}", "Hamlet", "manager")]
    assert house  # the small house was set up by the system principal (no actor)


def test_a_cashier_refunds_only_their_own_sales_and_only_before_the_start(session):
    house = make_small_house(session)
    cara, colin, maya = (  # each at their own till with an open shift: cash needs one (0015_drawer)
        with_shift(session, make_actor(session, role="cashier")),
        with_shift(session, make_actor(session, role="cashier")),
        with_shift(session, make_actor(session, role="manager")),
    )
    own = sell_as(session, cara, house, house["seat_ids"][:2])
    other = sell_as(session, colin, house, house["seat_ids"][2:3])
    sold_by = dict(session.execute(text("SELECT number, staff_id FROM orders")).all())
    assert sold_by == {own.order_number: cara.staff_id, other.order_number: colin.staff_id}

    act_as(session, cara)
    with pytest.raises(PermissionDeniedError, match="sold by someone else"):
        refunds.refund_order(session, order_number=other.order_number, reason="changed mind")
    late = dt.datetime.now(dt.UTC) + dt.timedelta(days=3)
    with pytest.raises(PermissionDeniedError, match="only a manager"):
        refunds.refund_order(session, order_number=own.order_number, reason="late", now=late)
    done = refunds.refund_order(session, order_number=own.order_number, reason="changed mind")
    assert (done.amount_minor, done.tickets_voided) == (own.total_minor, 2)

    act_as(session, maya)
    assert refunds.refund_order(session, order_number=other.order_number, reason="late", now=late).tickets_voided == 1
    act_as(session, None)
    rows = session.execute(
        text("SELECT actor, target, details->>'reason' FROM audit_log WHERE action = 'refund' ORDER BY id")
    ).all()
    assert [tuple(r) for r in rows] == [
        (cara.username, f"order {own.order_number}", "changed mind"),
        (maya.username, f"order {other.order_number}", "late"),
    ]


def test_first_admin_only_once_and_the_last_admin_stays(session):
    assert staff.needs_first_admin(session)
    info = staff.create_first_admin(session, username="Admin", display_name="The Admin", password="first-admin-pw")
    assert (info.username, info.role) == ("admin", "admin") and not staff.needs_first_admin(session)
    admin = staff.actor_of_account(session, username="admin", till="till:front")
    with pytest.raises(PermissionDeniedError, match="exists already"):
        staff.create_first_admin(session, username="evil", display_name="Evil", password="evil-admin-pw")

    act_as(session, admin)
    with pytest.raises(PermissionDeniedError, match="your own account"):
        staff.set_active(session, staff_id=admin.staff_id, active=False)
    with pytest.raises(InvalidInputError, match="last active admin"):  # the database refuses (BO012)
        staff.set_role(session, staff_id=admin.staff_id, role="manager")
    cashier = staff.create_staff(session, username="cara", display_name="Cara", role="cashier", password="cara-pass")
    with pytest.raises(InvalidInputError, match="already a staff account"):
        staff.create_staff(session, username="CARA", display_name="Cara 2", role="door", password="cara-pass")
    assert staff.set_role(session, staff_id=cashier.id, role="manager").role == "manager"
    staff.reset_password(session, staff_id=cashier.id, password="another-pass-1")
    act_as(session, None)
    changes = session.execute(
        text("SELECT actor, action, target FROM audit_log WHERE action LIKE 'staff%' ORDER BY id")
    ).all()
    assert [tuple(r) for r in changes] == [
        ("system", "staff_create", "staff admin"),
        ("admin", "staff_create", "staff cara"),
        ("admin", "staff_update", "staff cara"),
        ("admin", "staff_password", "staff cara"),
    ]
    # the logins exist with their group roles; no hash is in any table
    groups = dict(
        session.execute(
            text(
                "SELECT s.username, r.rolname FROM staff s JOIN pg_auth_members m ON m.member = s.login::regrole "
                "JOIN pg_roles r ON r.oid = m.roleid"
            )
        ).all()
    )
    assert groups == {"admin": "bo_admin", "cara": "bo_manager"}


def test_staff_cli_adds_from_stdin_lists_and_refuses_in_one_line(db_url, monkeypatch, capsys, session):
    import io
    import json as jsonlib

    from boxoffice import cli

    monkeypatch.setenv("BOXOFFICE_DATABASE_URL", db_url)
    monkeypatch.setattr("sys.stdin", io.StringIO("door-secret-1\n"))
    assert cli.main(["staff", "add", "Dan", "--role", "door", "--display-name", "Dan Door", "--password-stdin"]) == 0
    database = session.execute(text("SELECT current_database()")).scalar_one()
    assert capsys.readouterr().out.strip() == f"Added door 'dan' (Dan Door), database login {database}_dan."
    till = TillSessions(db_url)
    try:
        assert till.sign_in(username="dan", password="door-secret-1", till="door:north").role == "door"
    finally:
        till.close()

    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert cli.main(["staff", "add", "eve", "--role", "cashier", "--password-stdin"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == "boxoffice: error: A password needs at least 8 characters."

    assert cli.main(["staff", "list", "--json"]) == 0
    listed = jsonlib.loads(capsys.readouterr().out)
    assert [(a["username"], a["role"], a["login"], a["active"]) for a in listed] == [
        ("dan", "door", f"{database}_dan", True)
    ]
    row = session.execute(text("SELECT actor, role, db_user FROM audit_log WHERE action = 'staff_create'")).one()
    assert (row.actor, row.role) == ("system", "system")  # the URL's login: the test's superuser

    monkeypatch.setattr("sys.stdin", io.StringIO("door-secret-2\n"))
    assert cli.main(["staff", "reset", "dan", "--password-stdin"]) == 0
    assert cli.main(["staff", "disable", "dan"]) == 0
    assert "deactivated" in capsys.readouterr().out
    assert not session.execute(text(f"SELECT rolcanlogin FROM pg_roles WHERE rolname = '{database}_dan'")).scalar()
