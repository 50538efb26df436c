"""Staff accounts, sign-in (argon2 passwords and PINs) and roles enforced in the services."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import text

from boxoffice.domain import passwords
from boxoffice.domain.errors import (
    AccountInactiveError,
    InvalidInputError,
    PermissionDeniedError,
    SignInError,
)
from boxoffice.domain.roles import Actor
from boxoffice.services import audit, auth, inventory, refunds, sales, setup, staff
from boxoffice.services.auth import act_as
from tests.factories import make_actor, make_small_house


def sell_as(session, actor, house, seats):
    """Hold and sell ``seats`` for cash as ``actor``; returns the SaleResult."""
    act_as(session, actor)
    token = uuid.uuid4()
    inventory.hold_seats(session, showtime_id=house["showtime_id"], seat_ids=seats, token=token,
                         channel="till:test", seconds=60)
    return sales.sell_cash(session, showtime_id=house["showtime_id"], seat_ids=seats, token=token,
                           channel="till:test", tendered_minor=100_00)


def test_passwords_and_pins_are_argon2_hashes_that_verify():
    h = passwords.hash_secret("correct horse")
    assert h.startswith("$argon2id$") and "correct horse" not in h
    assert passwords.hash_secret("correct horse") != h  # salted
    assert passwords.verify_secret(h, "correct horse")
    assert not passwords.verify_secret(h, "correct horsE")
    assert not passwords.verify_secret("garbage", "x") and not passwords.verify_secret(None, "x")
    assert not passwords.needs_rehash(h)
    with pytest.raises(InvalidInputError):
        passwords.check_password_rules("short")
    for bad in ("123", "123456789", "12a4", "١٢٣٤"):
        with pytest.raises(InvalidInputError):
            passwords.check_pin_rules(bad)
    passwords.check_pin_rules("0042")


def test_sign_in_with_password_and_pin_refuses_wrong_ones_and_audits_every_attempt(session):
    actor = make_actor(session, role="cashier", username="cara", password="cara-secret", pin="4321")

    signed = auth.sign_in(session, username=" Cara ", secret="cara-secret", till="till:front")
    assert signed == Actor(actor.staff_id, "cara", actor.display_name, "cashier", "till:front")
    assert auth.sign_in(session, username="cara", secret="4321", till="till:front", method="pin").role == "cashier"
    # "either" (the lock screen): digits are tried as the PIN, anything else as the password
    assert auth.sign_in(session, username="cara", secret="4321", till="t", method="either").staff_id == actor.staff_id
    assert auth.sign_in(session, username="cara", secret="cara-secret", till="t", method="either")

    with pytest.raises(SignInError, match="Unknown name or wrong password") as wrong:
        auth.sign_in(session, username="cara", secret="cara-secreT", till="till:front")
    with pytest.raises(SignInError, match="Unknown name or wrong password") as unknown:
        auth.sign_in(session, username="nobody", secret="whatever1", till="till:front")
    assert str(wrong.value) == str(unknown.value)  # the message does not tell which names exist
    with pytest.raises(SignInError, match="Wrong PIN"):
        auth.sign_in(session, username="cara", secret="1234", till="till:front", method="pin")

    rows = session.execute(text("SELECT actor, action, target, details->>'method', details->>'why', till "
                                "FROM audit_log WHERE action LIKE 'sign_in%' ORDER BY id")).all()
    assert [tuple(r) for r in rows] == [
        ("cara", "sign_in", "staff cara", "password", None, "till:front"),
        ("cara", "sign_in", "staff cara", "pin", None, "till:front"),
        ("cara", "sign_in", "staff cara", "pin", None, "t"),
        ("cara", "sign_in", "staff cara", "password", None, "t"),
        ("cara", "sign_in_failed", "staff cara", "password", "wrong_secret", "till:front"),
        ("anonymous", "sign_in_failed", "", "password", "unknown", "till:front"),  # what was typed is not kept
        ("cara", "sign_in_failed", "staff cara", "pin", "wrong_secret", "till:front"),
    ]
    assert "cara-secret" not in str(session.execute(text("SELECT array_agg(details::text) FROM audit_log")).scalar())


def test_pin_locks_after_five_wrong_tries_until_a_password_sign_in(session):
    make_actor(session, role="cashier", username="colin", password="colin-secret", pin="2222")
    for _ in range(auth.MAX_PIN_FAILURES):
        with pytest.raises(SignInError):
            auth.sign_in(session, username="colin", secret="9999", till="t", method="pin")
    with pytest.raises(SignInError, match="Too many wrong PINs"):
        auth.sign_in(session, username="colin", secret="2222", till="t", method="pin")
    auth.sign_in(session, username="colin", secret="colin-secret", till="t")
    assert auth.sign_in(session, username="colin", secret="2222", till="t", method="pin").username == "colin"


def test_deactivated_account_is_refused_at_sign_in_and_in_open_sessions(session, session_factory):
    admin = make_actor(session, role="admin")
    cashier = make_actor(session, role="cashier", username="dora", password="dora-secret")
    house = make_small_house(session)
    with session_factory() as till:  # dora is signed in at a till
        act_as(till, cashier)
        inventory.hold_seats(till, showtime_id=house["showtime_id"], seat_ids=house["seat_ids"][:1],
                             token=uuid.uuid4(), channel="till:test", seconds=60)

        act_as(session, admin)
        info = staff.set_active(session, staff_id=cashier.staff_id, active=False)
        assert not info.active

        with pytest.raises(AccountInactiveError):  # her next transaction is refused by the database
            inventory.hold_seats(till, showtime_id=house["showtime_id"], seat_ids=house["seat_ids"][1:2],
                                 token=uuid.uuid4(), channel="till:test", seconds=60)
    act_as(session, None)
    with pytest.raises(AccountInactiveError, match="deactivated"):
        auth.sign_in(session, username="dora", secret="dora-secret", till="t")
    with pytest.raises(SignInError):  # a wrong password does not even learn that
        auth.sign_in(session, username="dora", secret="wrong-secret", till="t")


def test_door_account_calling_the_sell_service_gets_a_permission_error(session):
    house = make_small_house(session)
    door = make_actor(session, role="door", display_name="Dan Door")
    act_as(session, door)
    with pytest.raises(PermissionDeniedError) as refused:
        inventory.hold_seats(session, showtime_id=house["showtime_id"], seat_ids=house["seat_ids"][:1],
                             token=uuid.uuid4(), channel="till:test", seconds=60)
    assert refused.value.code == "permission_denied"
    assert refused.value.details == {"permission": "sell", "role": "door"}
    assert str(refused.value) == "Dan Door is signed in as door and may not sell tickets. Ask a manager."
    with pytest.raises(PermissionDeniedError):
        sales.sell_cash(session, showtime_id=house["showtime_id"], seat_ids=house["seat_ids"][:1],
                        token=uuid.uuid4(), channel="till:test", tendered_minor=100_00)
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
    cara, colin, maya = (make_actor(session, role="cashier"), make_actor(session, role="cashier"),
                         make_actor(session, role="manager"))
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
    rows = session.execute(text("SELECT actor, target, details->>'reason' FROM audit_log WHERE action = 'refund' "
                                "ORDER BY id")).all()
    assert [tuple(r) for r in rows] == [(cara.username, f"order {own.order_number}", "changed mind"),
                                        (maya.username, f"order {other.order_number}", "late")]


def test_first_admin_only_once_and_the_last_admin_stays(session):
    assert staff.needs_first_admin(session)
    admin = staff.create_first_admin(session, username="Admin", display_name="The Admin", password="first-admin-pw",
                                     till="till:front")
    assert (admin.username, admin.role) == ("admin", "admin") and not staff.needs_first_admin(session)
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
    assert staff.set_pin(session, staff_id=cashier.id, pin="1234").has_pin
    changes = session.execute(text("SELECT actor, target, details->>'change' FROM audit_log "
                                   "WHERE action = 'staff_change' ORDER BY id")).all()
    assert [tuple(r) for r in changes] == [("admin", "staff admin", "create"), ("admin", "staff cara", "create"),
                                           ("admin", "staff cara", "role"), ("admin", "staff cara", "pin")]
    hashes = session.execute(text("SELECT password_hash FROM staff")).scalars().all()
    assert all(h.startswith("$argon2id$") for h in hashes)


def test_staff_cli_adds_from_stdin_lists_and_refuses_in_one_line(db_url, monkeypatch, capsys, session):
    import io
    import json as jsonlib

    from boxoffice import cli

    monkeypatch.setenv("BOXOFFICE_DATABASE_URL", db_url)
    monkeypatch.setattr("sys.stdin", io.StringIO("door-secret-1\n3333\n"))
    assert cli.main(["staff", "add", "Dan", "--role", "door", "--display-name", "Dan Door", "--password-stdin",
                     "--pin"]) == 0
    assert capsys.readouterr().out.strip() == "Added door 'dan' (Dan Door) with a PIN."
    assert auth.sign_in(session, username="dan", secret="3333", till="door:north", method="pin").role == "door"

    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert cli.main(["staff", "add", "eve", "--role", "cashier", "--password-stdin"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == "boxoffice: error: A password needs at least 8 characters."

    assert cli.main(["staff", "list", "--json"]) == 0
    listed = jsonlib.loads(capsys.readouterr().out)
    assert [(a["username"], a["role"], a["pin"], a["active"]) for a in listed] == [("dan", "door", True, True)]
    row = session.execute(text("SELECT actor, role, till FROM audit_log WHERE action = 'staff_change'")).one()
    assert (row.actor, row.role) == ("system:cli", "system") and row.till.startswith("cli:")
