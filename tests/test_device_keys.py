"""Device keys (migration 0010): no private signing key is readable through the database.

Each till signs with its own key; the database keeps enrolled public keys and which key
signed each ticket's code. A door admits a code only from an enrolled, unrevoked key
that is the ticket's own, online and offline. Security checks connect as the person's
real login (a cashier, a door, a manager, the web), never as the superuser.
"""

from __future__ import annotations

import os
import stat
import threading
import uuid

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from boxoffice import device_key
from boxoffice.db.engine import make_engine, make_session_factory
from boxoffice.device_key import DeviceKey, this_device
from boxoffice.domain.admission import VerdictKind
from boxoffice.domain.errors import (
    DeviceKeyFileError,
    DeviceNotEnrolledError,
    NotFoundError,
    PrintedElsewhereError,
)
from boxoffice.domain.ticket_code import TicketClaim
from boxoffice.door.station import DoorStation
from boxoffice.services import admission, device_keys, inventory, sales, tickets
from tests.door_helpers import door, open_house


@pytest.fixture
def house(session):
    return open_house(session)


@pytest.fixture
def till_a(session):
    key = DeviceKey.generate()
    device_keys.enrol(session, name="till-a", public_key=key.public_key)
    return key


@pytest.fixture
def till_b(session):
    key = DeviceKey.generate()
    device_keys.enrol(session, name="till-b", public_key=key.public_key)
    return key


@pytest.fixture
def dead_session():
    engine = make_engine("postgresql+psycopg://nobody@/nowhere?host=/nonexistent", poolclass=NullPool, pool_size=None)
    with make_session_factory(engine)() as session:
        yield session
    engine.dispose()


def _sold(session, house, seats, signer=None):
    """Sell ``seats`` (indexes) in one order; returns (order id, tickets signed by ``signer``)."""
    ids = [house["seat_ids"][i] for i in seats]
    token = uuid.uuid4()
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=ids, token=token, channel="till-1", seconds=120
    )
    result = sales.sell_cash(
        session, showtime_id=house["showtime_id"], seat_ids=ids, token=token, channel="till-1", tendered_minor=1_000_00
    )
    if signer is None:
        return result.order_id, []
    return result.order_id, tickets.order_tickets(session, order_id=result.order_id, signer=signer)


def _mint(session, key: DeviceKey, ticket_id: int, showtime_id: int, serial: int = 1) -> str:
    """A code for ``ticket_id`` signed by ``key`` under its enrolled id (what a thief with a
    stolen device key can make)."""
    key_id = session.execute(
        text("SELECT id FROM device_key WHERE public_key = :k"), {"k": key.public_key}
    ).scalar_one()
    session.rollback()
    return key.sign(TicketClaim(key_id, showtime_id, ticket_id, serial))


def _scan(session, house, code):
    return admission.scan(session, code=code, door=door(house), keys=tickets.ticket_public_keys(session))


def _admissions(session) -> int:
    n = session.execute(text("SELECT count(*) FROM admission")).scalar_one()
    session.rollback()
    return n


# --- the key file ----------------------------------------------------------------------------


def test_the_key_file_is_made_once_private_and_reloaded(tmp_path):
    path = tmp_path / "data" / "device-key.pem"
    key = device_key.load_or_create(path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert b"PRIVATE KEY" in path.read_bytes()
    assert device_key.load_or_create(path).public_key == key.public_key
    assert [p.name for p in path.parent.iterdir()] == ["device-key.pem"]  # no temporary file left
    os.chmod(path, 0o644)
    with pytest.raises(DeviceKeyFileError, match="chmod 600"):
        device_key.load_or_create(path)


def test_two_processes_starting_at_once_share_one_key(tmp_path):
    path = tmp_path / "device-key.pem"
    barrier = threading.Barrier(8)
    keys = []

    def start():
        barrier.wait()
        keys.append(device_key.load_or_create(path).public_key)

    threads = [threading.Thread(target=start) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(keys) == 8 and len(set(keys)) == 1
    assert device_key.load_or_create(path).public_key == keys[0]


def test_a_new_key_replaces_a_revoked_one_and_keeps_the_old_file(tmp_path):
    path = tmp_path / "device-key.pem"
    old = device_key.load_or_create(path)
    new = device_key.replace(path)
    assert new.public_key != old.public_key and device_key.load_or_create(path).public_key == new.public_key
    assert device_key.public_key_from_pem((tmp_path / "device-key.pem.old-1").read_bytes()) == old.public_key
    assert device_key.public_key_from_pem(new.public_pem().encode()) == new.public_key


# --- printing ---------------------------------------------------------------------------------


def test_a_ticket_records_the_key_that_signed_it_and_its_code_admits(session, house, till_a):
    order_id, views = _sold(session, house, [0, 1], signer=till_a)
    key_id = device_keys.enrolled_id(session, till_a)
    rows = session.execute(text("SELECT key_id FROM ticket WHERE order_id = :o"), {"o": order_id}).scalars().all()
    assert rows == [key_id, key_id]
    assert _scan(session, house, views[0].code).kind is VerdictKind.ADMIT
    # printing again at the same till gives the same codes (Ed25519 is deterministic)
    again = tickets.order_tickets(session, order_id=order_id, signer=till_a)
    assert [v.code for v in again] == [v.code for v in views]


def test_a_till_whose_key_is_not_enrolled_cannot_print_and_says_how_to_fix_it(session, house):
    order_id, _ = _sold(session, house, [0])
    stranger = DeviceKey.generate()
    with pytest.raises(DeviceNotEnrolledError, match="boxoffice device enrol NAME"):
        tickets.order_tickets(session, order_id=order_id, signer=stranger)
    assert session.execute(text("SELECT key_id FROM ticket WHERE order_id = :o"), {"o": order_id}).scalar() is None


def test_a_till_checks_it_can_print_before_taking_money(session, till_a):
    assert tickets.require_signer(session, till_a) == device_keys.enrolled_id(session, till_a)
    assert tickets.require_signer(session) == device_keys.enrolled_id(session, this_device())  # conftest's
    with pytest.raises(DeviceNotEnrolledError, match="boxoffice device enrol NAME"):
        tickets.require_signer(session, DeviceKey.generate())


def test_a_revoked_till_cannot_print(session, house, till_a):
    order_id, _ = _sold(session, house, [0])
    device_keys.revoke(session, name="till-a")
    with pytest.raises(DeviceNotEnrolledError, match="revoked") as err:
        tickets.order_tickets(session, order_id=order_id, signer=till_a)
    assert err.value.details["reason"] == "revoked"


def test_another_till_must_reprint_and_the_first_code_is_then_void(session, house, till_a, till_b):
    order_id, (first,) = _sold(session, house, [0], signer=till_a)
    with pytest.raises(PrintedElsewhereError, match="printed by another device"):
        tickets.order_tickets(session, order_id=order_id, signer=till_b)
    new = tickets.reissue_code(session, ticket_id=first.ticket_id, signer=till_b)
    old_verdict = _scan(session, house, first.code)
    assert (old_verdict.kind, old_verdict.reason) == (VerdictKind.VOID, "reprinted")
    assert _scan(session, house, new.code).kind is VerdictKind.ADMIT


def test_reissue_of_an_unknown_ticket_is_not_found(session, till_a):
    with pytest.raises(NotFoundError):
        tickets.reissue_code(session, ticket_id=999_999, signer=till_a)


# --- the door, online ------------------------------------------------------------------------


def test_online_the_door_refuses_unknown_revoked_and_foreign_keys(session, house, till_a, till_b):
    _, (sold_by_a, other_by_a) = _sold(session, house, [0, 1], signer=till_a)
    _, (sold_by_b,) = _sold(session, house, [2], signer=till_b)
    never_printed_order, _ = _sold(session, house, [3])
    unprinted = session.execute(
        text("SELECT id FROM ticket WHERE order_id = :o"), {"o": never_printed_order}
    ).scalar_one()
    session.rollback()
    st = house["showtime_id"]

    # till B's key (stolen) mints a code for a ticket till A sold: refused, nothing recorded
    forged = _scan(session, house, _mint(session, till_b, sold_by_a.ticket_id, st))
    assert forged.kind is VerdictKind.NOT_VALID and "not by the device that printed" in forged.reason
    # ... and for a ticket nobody printed yet
    unprinted_verdict = _scan(session, house, _mint(session, till_b, unprinted, st))
    assert unprinted_verdict.kind is VerdictKind.NOT_VALID and "ever printed" in unprinted_verdict.reason
    # a key that was never enrolled, claiming an enrolled key's id: the signature fails
    stranger = DeviceKey.generate()
    key_b = device_keys.enrolled_id(session, till_b)
    assert (
        _scan(session, house, stranger.sign(TicketClaim(key_b, st, sold_by_b.ticket_id, 1))).kind
        is VerdictKind.NOT_VALID
    )
    assert _admissions(session) == 0  # a refused key never reaches bo_admit

    # the genuine codes admit
    assert _scan(session, house, sold_by_a.code).kind is VerdictKind.ADMIT
    assert _admissions(session) == 1

    # once B is revoked its codes stop admitting, even with the door's key list from before
    keys_before = tickets.ticket_public_keys(session)
    device_keys.revoke(session, name="till-b")
    revoked = admission.scan(session, code=sold_by_b.code, door=door(house), keys=keys_before)
    assert revoked.kind is VerdictKind.NOT_VALID and "revoked" in revoked.reason
    assert key_b not in tickets.ticket_public_keys(session)
    assert _scan(session, house, other_by_a.code).kind is VerdictKind.ADMIT  # A is unaffected


def test_control_without_the_key_check_the_stolen_key_would_get_in(session, house, till_a, till_b):
    """The negative control: bo_admit alone (no key check) admits the minted code, so the
    refusals above come from the key check."""
    _, (sold_by_a,) = _sold(session, house, [0], signer=till_a)
    minted = _mint(session, till_b, sold_by_a.ticket_id, house["showtime_id"])
    from boxoffice.domain.admission import verify

    claim = verify(minted, tickets.ticket_public_keys(session))  # a genuine signature of an enrolled key
    assert admission.admit_claim(session, claim=claim, door=door(house)).kind is VerdictKind.NOT_VALID  # checked
    row = session.execute(
        text("SELECT verdict FROM bo_admit(:t, 1, :s, 'North', 'test', NULL, NULL, NULL)"),
        {"t": claim.ticket_id, "s": claim.showtime_id},
    ).scalar_one()
    session.rollback()
    assert row == "admitted"  # without it


# --- the door, offline -----------------------------------------------------------------------


def test_offline_the_door_refuses_revoked_and_foreign_keys_from_its_copy(
    session, dead_session, house, till_a, till_b, tmp_path
):
    _, (sold_by_a, second_by_a) = _sold(session, house, [0, 1], signer=till_a)
    _, (sold_by_b,) = _sold(session, house, [2], signer=till_b)
    device_keys.revoke(session, name="till-b")
    station = DoorStation(door=door(house), folder=tmp_path / "door")
    station.sync(session)
    assert device_keys.enrolled_id(session, till_a) in station.copy.keys

    revoked = station.scan(dead_session, sold_by_b.code)
    assert revoked.kind is VerdictKind.NOT_VALID and revoked.offline is False and station.online is False
    # a stolen (still enrolled) key of another till cannot mint A's ticket offline either
    c = DeviceKey.generate()
    device_keys.enrol(session, name="till-c", public_key=c.public_key)
    station.sync(session)
    minted = station.scan(dead_session, _mint(session, c, sold_by_a.ticket_id, house["showtime_id"]))
    assert minted.kind is VerdictKind.NOT_VALID and minted.offline and "not signed by the device" in minted.reason
    assert station.pending == 0
    ok = station.scan(dead_session, second_by_a.code)
    assert ok.kind is VerdictKind.ADMIT and ok.offline and station.pending == 1


def test_a_door_learns_a_device_enrolled_after_its_refresh(session, house, till_a, tmp_path):
    station = DoorStation(door=door(house), folder=tmp_path / "door")
    station.sync(session)
    late = DeviceKey.generate()
    device_keys.enrol(session, name="till-late", public_key=late.public_key)
    _, (view,) = _sold(session, house, [5], signer=late)
    assert station.scan(session, view.code).kind is VerdictKind.ADMIT


# --- who may do what (real logins) -----------------------------------------------------------


def _login(session, db_url: str, username: str, role: str) -> str:
    """A staff login of ``role`` (made by the system principal); returns its libpq URL."""
    url = make_url(db_url).set(drivername="postgresql")
    login = f"{url.database}_{username}"
    with psycopg.connect(url.render_as_string(hide_password=False)) as conn:
        verifier = conn.pgconn.encrypt_password(b"pw", login.encode(), b"scram-sha-256").decode()
    session.execute(text("SELECT bo_staff_create(:u, :u, :r, :v)"), {"u": username, "r": role, "v": verifier})
    session.commit()
    return url.set(username=login, password="pw").render_as_string(hide_password=False)


def _web_login(session, db_url: str, name: str) -> str:
    url = make_url(db_url).set(drivername="postgresql")
    login = f"{url.database}_web_{name}"
    with psycopg.connect(url.render_as_string(hide_password=False)) as conn:
        verifier = conn.pgconn.encrypt_password(b"pw", login.encode(), b"scram-sha-256").decode()
    session.execute(text("SELECT bo_web_login(:n, :v)"), {"n": name, "v": verifier})
    session.commit()
    return url.set(username=login, password="pw").render_as_string(hide_password=False)


def _refused(conn, sql: str, params=()) -> str:
    with pytest.raises(psycopg.errors.InsufficientPrivilege) as err:
        conn.execute(sql, params)
    conn.rollback()
    return str(err.value)


def test_no_login_can_read_a_private_key_and_a_cashier_cannot_enrol_or_revoke(session, db_url, house, till_a):
    cashier = _login(session, db_url, "cara", "cashier")
    with psycopg.connect(cashier) as conn:
        # there is no private key in the database to read: no such column anywhere
        cols = conn.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = 'public' AND column_name ~ 'private|secret_key'"
        ).fetchall()
        assert cols == []
        with pytest.raises(psycopg.errors.UndefinedColumn):
            conn.execute("SELECT ticket_private_key FROM venue")
        conn.rollback()
        # the public keys are readable
        assert conn.execute("SELECT count(*) FROM device_key WHERE name = 'till-a'").fetchone()[0] == 1
        # enrol / revoke: the database refuses
        _refused(conn, "SELECT bo_device_enrol('cara-laptop', %s)", (DeviceKey.generate().public_key,))
        _refused(conn, "SELECT bo_device_revoke('till-a')")
        _refused(conn, "UPDATE device_key SET revoked_at = now()")
        _refused(conn, "INSERT INTO device_key (name, public_key) VALUES ('x', %s)", (b"\0" * 32,))
        _refused(conn, "UPDATE ticket SET key_id = 1")
    keys = device_keys.list_keys(session)
    assert [(k.name, k.revoked) for k in keys if k.name in ("till-a", "cara-laptop")] == [("till-a", False)]


def test_a_manager_enrols_and_revokes_and_the_audit_log_names_them(session, db_url):
    manager = _login(session, db_url, "meg", "manager")
    key = DeviceKey.generate()
    with psycopg.connect(manager) as conn:
        key_id = conn.execute("SELECT bo_device_enrol('till-9', %s)", (key.public_key,)).fetchone()[0]
        assert conn.execute("SELECT bo_device_enrol('till-9', %s)", (key.public_key,)).fetchone()[0] == key_id
        conn.commit()
        with pytest.raises(psycopg.Error, match="another key"):
            conn.execute("SELECT bo_device_enrol('till-9', %s)", (DeviceKey.generate().public_key,))
        conn.rollback()
        conn.execute("SELECT bo_device_revoke('till-9')")
        conn.commit()
        with pytest.raises(psycopg.Error, match="cannot be enrolled again"):
            conn.execute("SELECT bo_device_enrol('till-9b', %s)", (key.public_key,))
        conn.rollback()
    (k,) = [k for k in device_keys.list_keys(session) if k.name == "till-9"]
    assert (k.id, k.enrolled_by, k.revoked_by, k.revoked) == (key_id, "meg", "meg", True)
    audit = session.execute(text("SELECT action, actor FROM audit_log WHERE action LIKE 'device_%' ORDER BY id")).all()
    assert [tuple(r) for r in audit][-2:] == [("device_enrol", "meg"), ("device_revoke", "meg")]


def test_who_may_record_a_signing_key(session, db_url, house, till_a):
    door_url = _login(session, db_url, "dora", "door")
    web_url = _web_login(session, db_url, "shop")
    cashier_url = _login(session, db_url, "cara", "cashier")
    order_id, _ = _sold(session, house, [0])
    till_order, _ = _sold(session, house, [1])
    session.execute(text("SELECT bo_amend_sale_begin()"))  # as if cara had sold it (sales are frozen: 0011)
    session.execute(
        text("UPDATE orders SET staff_id = (SELECT id FROM staff WHERE username = 'cara') WHERE id = :o"),
        {"o": till_order},
    )
    session.commit()
    with psycopg.connect(door_url) as conn:
        _refused(conn, "SELECT bo_claim_codes(%s, %s)", (order_id, till_a.public_key))
        _refused(conn, "SELECT bo_reissue_key(1, %s)", (till_a.public_key,))
    with psycopg.connect(web_url) as conn:  # the web prints its own orders, not a till's
        assert "may not print" in _refused(conn, "SELECT bo_claim_codes(%s, %s)", (till_order, till_a.public_key))
        _refused(conn, "SELECT bo_reissue_key(1, %s)", (till_a.public_key,))
    assert session.execute(text("SELECT count(*) FROM ticket WHERE key_id IS NOT NULL")).scalar_one() == 0
    session.rollback()
    with psycopg.connect(cashier_url) as conn:
        key_id = conn.execute("SELECT bo_claim_codes(%s, %s)", (till_order, till_a.public_key)).fetchone()[0]
        conn.commit()
        with pytest.raises(psycopg.Error, match="not enrolled"):
            conn.execute("SELECT bo_claim_codes(%s, %s)", (order_id, DeviceKey.generate().public_key))
        conn.rollback()
    assert session.execute(text("SELECT key_id FROM ticket WHERE order_id = :o"), {"o": till_order}).scalar() == key_id


# --- set-up ---------------------------------------------------------------------------------


def test_the_embedded_set_up_enrols_its_own_key(session, engine, tmp_path):
    from boxoffice.config import Settings
    from boxoffice.runtime import Database, enrol_this_device

    settings = Settings(database_url=None, data_dir=tmp_path, till_name="Front desk #1")
    db = Database(engine, make_session_factory(engine), "", embedded=True)
    enrol_this_device(db, settings)
    enrol_this_device(db, settings)  # again: nothing new
    key = this_device(tmp_path)
    (k,) = [k for k in device_keys.list_keys(session) if k.public_key == key.public_key]
    assert k.name == "Front-desk-1" and not k.revoked


def test_sessions_of_an_opened_database_sign_with_its_data_dirs_key(db_url, session, house, tmp_path):
    from boxoffice.config import Settings
    from boxoffice.domain import ticket_code
    from boxoffice.runtime import open_database

    db = open_database(Settings(database_url=db_url, data_dir=tmp_path, till_name="t"))
    try:
        key = this_device(tmp_path)
        assert key.public_key != this_device().public_key  # not the tests' default key
        key_id = device_keys.enrol(session, name="till-t", public_key=key.public_key)
        order_id, _ = _sold(session, house, [0])
        with db.session_factory() as s:
            (view,) = tickets.order_tickets(s, order_id=order_id)
    finally:
        db.close()
    assert ticket_code.peek_key_id(view.code) == key_id
    assert ticket_code.decode(view.code, key.public_key).ticket_id == view.ticket_id


def test_the_command_line_enrols_lists_and_revokes(db_url, tmp_path, monkeypatch, capsys):
    from boxoffice.cli import main

    monkeypatch.setenv("BOXOFFICE_DATABASE_URL", db_url)
    monkeypatch.setenv("BOXOFFICE_DATA_DIR", str(tmp_path))
    other = DeviceKey.generate()
    (tmp_path / "web.pem").write_text(other.public_pem())
    assert main(["device", "key"]) == 0
    assert "BEGIN PUBLIC KEY" in capsys.readouterr().out
    assert main(["device", "enrol", "till-x"]) == 0
    assert main(["device", "enrol", "web-1", "--public-key-file", str(tmp_path / "web.pem")]) == 0
    assert main(["device", "revoke", "web-1"]) == 0
    capsys.readouterr()
    assert main(["device", "list"]) == 0
    out = capsys.readouterr().out
    assert "till-x" in out and "web-1" in out and "revoked" in out
    assert main(["device", "revoke", "nobody"]) == 1
    assert "No enrolled device" in capsys.readouterr().err


# --- upgrading a venue that printed with its old venue key --------------------------------------


def _migrate(engine, revision: str, down: bool = False) -> None:
    from alembic import command

    from boxoffice.db.migrate import alembic_config, upgrade

    if not down:
        upgrade(engine, revision)
        return
    cfg = alembic_config()
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
        conn.commit()


def test_codes_printed_with_the_venue_key_before_the_upgrade_still_admit(engine, session, house, till_a):
    order_id, _ = _sold(session, house, [0, 1])
    session.close()
    _migrate(engine, "0009_trust", down=True)  # the venue gets a key pair in venue.ticket_private_key
    with engine.begin() as conn:
        venue_id, private = conn.execute(text("SELECT id, ticket_private_key FROM venue")).one()
        ticket_ids = (
            conn.execute(text("SELECT id FROM ticket WHERE order_id = :o ORDER BY id"), {"o": order_id}).scalars().all()
        )
    from boxoffice.domain import ticket_code

    old_codes = [
        ticket_code.encode(TicketClaim(venue_id, house["showtime_id"], t, 1), bytes(private)) for t in ticket_ids
    ]
    _migrate(engine, "head")
    with engine.begin() as conn:
        assert (
            conn.execute(
                text(
                    "SELECT count(*) FROM information_schema.columns WHERE table_name = 'venue' "
                    "AND column_name LIKE 'ticket_%_key'"
                )
            ).scalar_one()
            == 0
        )
        legacy = conn.execute(text("SELECT id, name, legacy FROM device_key WHERE legacy")).all()
        assert [tuple(r) for r in legacy] == [(venue_id, f"legacy-venue-{venue_id}", True)]
        assert conn.execute(
            text("SELECT DISTINCT key_id FROM ticket WHERE order_id = :o"), {"o": order_id}
        ).scalars().all() == [venue_id]
        # new keys get ids after the legacy ones
        new_id = conn.execute(
            text("SELECT bo_device_enrol('till-new', :k)"), {"k": DeviceKey.generate().public_key}
        ).scalar_one()
        assert new_id > venue_id
    with make_session_factory(engine)() as s:
        device_keys.enrol(s, name="till-a", public_key=till_a.public_key)  # the downgrade forgot it
        assert _scan(s, house, old_codes[0]).kind is VerdictKind.ADMIT  # printed before the upgrade
        # printing the order at a till moves the other ticket to the till's key: a new serial
        views = tickets.order_tickets(s, order_id=order_id, signer=till_a)
        old = _scan(s, house, old_codes[1])
        assert (old.kind, old.reason) == (VerdictKind.VOID, "reprinted")
        assert _scan(s, house, views[1].code).kind is VerdictKind.ADMIT
