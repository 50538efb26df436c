"""Issue 10 for the online channel and the door (migration 0012): each test connects as
the login of the person it plays (a door account, a cashier, a manager, the web
server's ``bo_web`` login), made by the contract functions of migration 0009, and
checks in the database, as the superuser, that a refused attempt changed nothing."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import psycopg
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.engine import make_url

from boxoffice.db.engine import make_engine, make_session_factory
from boxoffice.domain import webhook_signature
from boxoffice.domain.admission import VerdictKind
from boxoffice.domain.errors import PermissionDeniedError
from boxoffice.runtime import Database
from boxoffice.services import admission, bookings, door_info, inventory, tickets
from tests.door_helpers import door, open_house, sell
from tests.factories import make_small_house
from tests.web_helpers import SECRET, buy, make_app

PASSWORD = "pw-for-tests"


def _verifier(plain_url: str, login: str) -> str:
    with psycopg.connect(plain_url) as conn:
        return conn.pgconn.encrypt_password(PASSWORD.encode(), login.encode(), b"scram-sha-256").decode()


def _as(db_url: str, login: str) -> str:
    """The test database's URL for ``login`` (the test server trusts local sockets; the
    role and its privileges are real)."""
    return make_url(db_url).set(username=login, password=PASSWORD).render_as_string(hide_password=False)


@pytest.fixture
def logins(db_url, plain_db_url):
    """``make(kind)``: a login of a new staff member of role ``kind`` (cashier, door,
    manager) or, for ``web``, a web server login; returns its SQLAlchemy URL."""
    database = make_url(db_url).database
    engines = []

    def make(kind: str) -> str:
        name = f"t{len(engines)}{kind}"
        with psycopg.connect(plain_db_url, autocommit=True) as conn:
            if kind == "web":
                login = conn.execute(
                    "SELECT bo_web_login(%s, %s)", (name, _verifier(plain_db_url, f"{database}_web_{name}"))
                ).fetchone()[0]
            else:
                login = f"{database}_{name}"
                conn.execute(
                    "SELECT bo_staff_create(%s, %s, %s, %s)", (name, name.title(), kind, _verifier(plain_db_url, login))
                )
        engines.append(login)
        return _as(db_url, login)

    return make


@pytest.fixture
def session_as(logins):
    """``session_as(kind)``: a Session connected as a new login of ``kind``."""
    opened = []

    def open_session(kind: str):
        engine = make_engine(logins(kind), application_name="trust-test")
        session = make_session_factory(engine)()
        opened.append((engine, session))
        return session

    yield open_session
    for engine, session in opened:
        session.close()
        engine.dispose()


def _plain(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _one(session, sql: str, **params):
    session.rollback()
    return session.execute(text(sql), params).one()


def _pending_booking(session, house, seats) -> uuid.UUID:
    token = uuid.uuid4()
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=seats, token=token, channel="web", seconds=60
    )
    return bookings.create_booking(session, showtime_id=house["showtime_id"], hold_token=token, seconds=900).id


# --- the door ----------------------------------------------------------------------------


@pytest.fixture
def house(session):
    return open_house(session)


def test_door_login_gets_no_order_codes(session, session_as, house):
    (ticket,) = sell(session, house["showtime_id"], house["seat_ids"][:1])
    order_id = _one(session, "SELECT order_id FROM ticket WHERE id = :t", t=ticket.ticket_id).order_id
    door_session = session_as("door")
    with pytest.raises(PermissionDeniedError):  # bo_claim_codes (device keys, 0010) refuses a door login
        tickets.order_tickets(door_session, order_id=order_id)


def test_door_login_cannot_reissue_a_code(session, session_as, house):
    (ticket,) = sell(session, house["showtime_id"], house["seat_ids"][:1])
    with pytest.raises(PermissionDeniedError):
        tickets.reissue_code(session_as("door"), ticket_id=ticket.ticket_id)
    assert _one(session, "SELECT code_serial FROM ticket WHERE id = :t", t=ticket.ticket_id).code_serial == 1


@pytest.mark.parametrize("kind", ["door", "cashier", "manager"])
def test_staff_cannot_confirm_a_pending_booking(session, session_as, logins, house, kind):
    booking_id = _pending_booking(session, house, house["seat_ids"][:2])
    with pytest.raises(PermissionDeniedError):
        bookings.confirm_booking(session_as(kind), booking_id=booking_id, method="card")
    with psycopg.connect(_plain(logins(kind))) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("SELECT bo_confirm_booking(%s, 'card', 'till receipt 7')", (booking_id,))
    row = _one(session, "SELECT status, order_id FROM booking WHERE id = :b", b=booking_id)
    assert tuple(row) == ("pending", None)
    assert _one(session, "SELECT count(*) AS n FROM orders").n == 0


def test_door_login_admits_through_bo_admit(session, session_as, house):
    (ticket,) = sell(session, house["showtime_id"], house["seat_ids"][:1])
    verdict = admission.admit_ticket(
        session_as("door"), ticket_id=ticket.ticket_id, showtime_id=house["showtime_id"], door=door(house)
    )
    assert verdict.kind is VerdictKind.ADMIT
    row = _one(
        session, "SELECT count(*) AS n, min(gate) AS gate FROM admission WHERE ticket_id = :t", t=ticket.ticket_id
    )
    assert tuple(row) == (1, "North")


@pytest.mark.parametrize(
    "statement",
    [
        "INSERT INTO admission (ticket_id, showtime_id, kind, gate, device, scanned_at) "
        "VALUES (%(t)s, %(s)s, 'entry', 'North', 'x', now())",
        "UPDATE ticket SET inside = true, entries = 1, admitted_at = now(), admitted_gate = 'North' WHERE id = %(t)s",
        "INSERT INTO admission_conflict (offline_id, ticket_id, showtime_id, gate, device, scanned_at, verdict) "
        "VALUES (gen_random_uuid(), %(t)s, %(s)s, 'North', 'x', now(), 'void')",
        "UPDATE showtime SET doors_open_at = now() WHERE id = %(s)s",
    ],
)
def test_door_login_writes_no_table_directly(session, logins, house, statement):
    (ticket,) = sell(session, house["showtime_id"], house["seat_ids"][:1])
    with psycopg.connect(_plain(logins("door"))) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(statement, {"t": ticket.ticket_id, "s": house["showtime_id"]})
    row = _one(
        session,
        "SELECT (SELECT count(*) FROM admission) AS a, (SELECT count(*) FROM admission_conflict) AS c,"
        " (SELECT inside FROM ticket WHERE id = :t) AS inside",
        t=ticket.ticket_id,
    )
    assert tuple(row) == (0, 0, False)


def test_door_login_cannot_move_doors_open_and_a_manager_can(session, session_as, house):
    before = _one(session, "SELECT doors_open_at FROM showtime WHERE id = :s", s=house["showtime_id"]).doors_open_at
    later = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(hours=3)
    with pytest.raises(PermissionDeniedError):
        door_info.set_doors_open(session_as("door"), showtime_id=house["showtime_id"], doors_open_at=later)
    assert (
        _one(session, "SELECT doors_open_at FROM showtime WHERE id = :s", s=house["showtime_id"]).doors_open_at
        == before
    )
    door_info.set_doors_open(session_as("manager"), showtime_id=house["showtime_id"], doors_open_at=later)
    row = _one(
        session,
        "SELECT st.doors_open_at, a.actor FROM showtime st, audit_log a WHERE st.id = :s AND a.action = 'doors_open'",
        s=house["showtime_id"],
    )
    assert row.doors_open_at == later and row.actor.endswith("manager")


def test_only_reporting_staff_resolve_admission_conflicts(session, session_as, house):
    (ticket,) = sell(session, house["showtime_id"], house["seat_ids"][:1])
    gate = door(house)
    admission.admit_ticket(session, ticket_id=ticket.ticket_id, showtime_id=house["showtime_id"], door=gate)
    claim = type("Claim", (), {"ticket_id": ticket.ticket_id, "serial": 1, "showtime_id": house["showtime_id"]})
    clash = admission.admit_claim(
        session_as("door"),
        claim=claim,
        door=door(house, "South"),
        offline_id=uuid.uuid4(),
        scanned_at=dt.datetime.now(dt.UTC),
    )  # the door uploads
    assert clash.conflict_id is not None
    with pytest.raises(PermissionDeniedError):
        door_info.resolve_conflict(session_as("door"), conflict_id=clash.conflict_id, note="mine")
    assert _one(session, "SELECT resolved_at FROM admission_conflict").resolved_at is None
    done = door_info.resolve_conflict(session_as("manager"), conflict_id=clash.conflict_id, note="seated in K12")
    assert done.resolved_by.startswith("t") and done.note == "seated in K12"
    assert _one(session, "SELECT count(*) AS n FROM audit_log WHERE action = 'admission_conflict.resolve'").n == 1


# --- the online channel ------------------------------------------------------------------


@pytest.fixture
def web_client(session_as, db_url):
    """The web app connected as a ``bo_web`` login (no table privileges at all)."""
    web_session = session_as("web")
    engine = web_session.get_bind()
    with TestClient(make_app(Database(engine, make_session_factory(engine), db_url, embedded=False))) as client:
        yield client


@pytest.fixture
def far_house(session):
    """A showtime tomorrow (refunds still open)."""
    return make_small_house(session)


def test_web_login_runs_hold_book_pay_and_issues_tickets(session, web_client, far_house):
    house = far_house
    seats = house["seat_ids"][:2]
    done = buy(web_client, house["showtime_id"], seats)
    assert done["checkout"]["webhook_status"] == 200
    assert done["checkout"]["webhook_response"]["outcome"] == "confirmed"
    row = _one(
        session,
        "SELECT b.status, ps.status AS paid, o.staff_id, (SELECT count(*) FROM ticket t "
        "WHERE t.order_id = b.order_id AND t.status = 'valid') AS tickets, "
        "(SELECT count(*) FROM audit_log a WHERE a.action = 'sale' AND a.role = 'web') AS audited "
        "FROM booking b JOIN payment_session ps ON ps.booking_id = b.id "
        "LEFT JOIN orders o ON o.id = b.order_id WHERE b.id = :b",
        b=done["booking_id"],
    )
    assert tuple(row) == ("confirmed", "succeeded", None, 2, 1)
    seen = web_client.get(f"/showtimes/{house['showtime_id']}/seats").json()
    assert seen["counts"]["sold"] == 2
    refund = web_client.post(f"/bookings/{done['booking_id']}/refund")  # 24 h before: half back
    assert refund.status_code == 200, refund.text
    assert (refund.json()["amount_minor"], refund.json()["tickets_voided"]) == (2500, 2)
    row = _one(
        session,
        "SELECT b.status, r.amount_minor, (SELECT count(*) FROM ticket WHERE status = 'valid') AS valid "
        "FROM booking b JOIN refund r ON r.order_id = b.order_id WHERE b.id = :b",
        b=done["booking_id"],
    )
    assert tuple(row) == ("refunded", 2500, 0)


def test_web_login_reads_its_tickets_codes(web_client, house):
    done = buy(web_client, house["showtime_id"], house["seat_ids"][:1])
    answer = web_client.get(f"/bookings/{done['booking_id']}")
    assert answer.status_code == 200 and answer.json()["tickets"][0]["code"]


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE booking SET status = 'confirmed' WHERE id = %(b)s",
        "UPDATE booking SET total_minor = 0 WHERE id = %(b)s",
        "UPDATE payment_session SET status = 'succeeded' WHERE booking_id = %(b)s",
        "INSERT INTO webhook_event (id, type, payload) VALUES ('evt_x', 'payment.succeeded', '{}')",
        "SELECT hold_token FROM booking WHERE id = %(b)s",
        "SELECT bo_audit('sale', 'order BO-1', '{}')",
    ],
)
def test_web_login_writes_no_table_directly(session, logins, web_client, house, statement):
    hold = web_client.post(f"/showtimes/{house['showtime_id']}/holds", json={"seat_ids": house["seat_ids"][:1]})
    booking = web_client.post(
        "/bookings", json={"showtime_id": house["showtime_id"], "hold_token": hold.json()["hold_token"]}
    ).json()
    web_client.post(f"/bookings/{booking['id']}/payments")
    with psycopg.connect(_plain(logins("web"))) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(statement, {"b": booking["id"]})
    row = _one(
        session,
        "SELECT b.status, b.total_minor, ps.status AS ps, (SELECT count(*) FROM webhook_event) AS ev "
        "FROM booking b JOIN payment_session ps ON ps.booking_id = b.id WHERE b.id = :b",
        b=booking["id"],
    )
    assert tuple(row) == ("pending", 2500, "open", 0)


def test_the_webhook_secret_is_in_no_table(session, logins):
    assert _one(session, "SELECT to_regclass('channel_secret') AS reg").reg is None
    with psycopg.connect(_plain(logins("web"))) as conn, pytest.raises(psycopg.errors.UndefinedTable):
        conn.execute("SELECT value FROM channel_secret")


def test_a_paid_session_stays_paid_on_a_later_success_with_a_new_event_id(session, web_client, house):
    done = buy(web_client, house["showtime_id"], house["seat_ids"][:1])
    assert done["checkout"]["webhook_response"]["outcome"] == "confirmed"
    ps = _one(session, "SELECT id, amount_minor, currency FROM payment_session")
    body = json.dumps(
        {
            "id": "evt_second_" + uuid.uuid4().hex,
            "type": "payment.succeeded",
            "created": 0,
            "data": {
                "session_id": ps.id,
                "booking_id": done["booking_id"],
                "amount_minor": ps.amount_minor,
                "currency": ps.currency,
            },
        }
    ).encode()
    answer = web_client.post(
        "/payments/webhook",
        content=body,
        headers={"Content-Type": "application/json", webhook_signature.HEADER: webhook_signature.sign(body, SECRET)},
    )
    assert answer.status_code == 200 and answer.json()["outcome"] == "ignored_session_succeeded"
    row = _one(
        session,
        "SELECT ps.status, b.status AS booking, (SELECT count(*) FROM ticket WHERE status = 'valid') "
        "AS valid FROM payment_session ps JOIN booking b ON b.id = ps.booking_id",
    )
    assert tuple(row) == ("succeeded", "confirmed", 1)


_WEB_ONLY = [
    ("bo_book(%(s)s, gen_random_uuid(), 'web', 900)", "web"),
    ("bo_end_booking(%(b)s, 'cancelled')", "web"),
    ("bo_payment_session_open(%(b)s)", "web"),
    ("bo_gateway_decide('ps_x', 'succeeded')", "web"),
    ("bo_payment_event('evt_x', 'payment.succeeded', 'ps_x', '{}')", "web"),
    ("bo_tidy()", "web"),
    ("bo_confirm_booking(%(b)s, 'online', NULL)", "web"),
    ("bo_refund_booking(%(b)s)", "refund_any"),
]


@pytest.mark.parametrize(("call", "needs"), _WEB_ONLY, ids=[c.split("(")[0] for c, _ in _WEB_ONLY])
def test_cashier_cannot_call_the_web_channel_s_functions(session, logins, house, call, needs):
    booking_id = _pending_booking(session, house, house["seat_ids"][:1])
    with psycopg.connect(_plain(logins("cashier"))) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(f"SELECT {call}", {"s": house["showtime_id"], "b": booking_id})
    row = _one(
        session,
        "SELECT b.status, (SELECT count(*) FROM payment_session) AS ps, "
        "(SELECT count(*) FROM booking) AS n FROM booking b WHERE b.id = :b",
        b=booking_id,
    )
    assert tuple(row) == ("pending", 0, 1)


def test_the_web_channel_s_functions_check_the_caller_inside(session, logins, house):
    """Even with EXECUTE granted by mistake, the function refuses a cashier (bo_require)."""
    booking_id = _pending_booking(session, house, house["seat_ids"][:1])
    cashier = logins("cashier")
    session.execute(text("GRANT EXECUTE ON FUNCTION bo_confirm_booking(uuid, text, text), bo_tidy() TO bo_cashier"))
    session.commit()
    with psycopg.connect(_plain(cashier)) as conn:
        for call, needs in [("bo_confirm_booking(%(b)s, 'online', NULL)", "web"), ("bo_tidy()", "web")]:
            with pytest.raises(psycopg.errors.InsufficientPrivilege) as refused:
                conn.execute(f"SELECT {call}", {"b": booking_id})
            assert refused.value.diag.message_detail == needs
            conn.rollback()
    assert _one(session, "SELECT status FROM booking WHERE id = :b", b=booking_id).status == "pending"


def test_boxoffice_web_serves_as_its_bo_web_login(session, logins, far_house, tmp_path):
    """The command itself, on a central server's URL naming a bo_web login: it starts
    (no migration attempted), and a buyer holds, books, pays through a real HTTP webhook."""
    import httpx

    from tests.web_helpers import WebServer

    server = WebServer(logins("web"), tmp_path / "web.log")
    try:
        with httpx.Client(base_url=server.base_url, timeout=60) as client:
            done = buy(client, far_house["showtime_id"], far_house["seat_ids"][:1])
    finally:
        server.stop()
    assert done["checkout"]["webhook_response"]["outcome"] == "confirmed"
    assert _one(session, "SELECT status FROM booking WHERE id = :b", b=done["booking_id"]).status == "confirmed"


def test_racing_success_events_for_one_session_confirm_it_once(session, logins, web_client, far_house):
    """Twelve web servers deliver payment.succeeded for one session, each with its own
    event id, at the same moment (a barrier), as bo_web logins: one confirms, the rest
    see a paid session and change nothing."""
    import threading
    import time

    hold = web_client.post(f"/showtimes/{far_house['showtime_id']}/holds", json={"seat_ids": far_house["seat_ids"][:2]})
    booking = web_client.post(
        "/bookings", json={"showtime_id": far_house["showtime_id"], "hold_token": hold.json()["hold_token"]}
    ).json()
    ps = web_client.post(f"/bookings/{booking['id']}/payments").json()
    url, racers = _plain(logins("web")), 12
    barrier, spans, outcomes = threading.Barrier(racers), [], []

    def deliver(i: int) -> None:
        payload = {
            "id": f"evt_race_{i}",
            "type": "payment.succeeded",
            "data": {"session_id": ps["id"], "amount_minor": ps["amount_minor"], "currency": ps["currency"]},
        }
        with psycopg.connect(url) as conn:
            conn.execute("SELECT 1")
            barrier.wait()
            started = time.monotonic()
            row = conn.execute(
                "SELECT event_outcome FROM bo_payment_event(%s, 'payment.succeeded', %s, %s)",
                (payload["id"], ps["id"], json.dumps(payload)),
            ).fetchone()
            conn.commit()
            spans.append((started, time.monotonic()))
            outcomes.append(row[0])

    threads = [threading.Thread(target=deliver, args=(i,)) for i in range(racers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # the race is real: several deliveries were under way before the first one finished
    first_done = min(e for _, e in spans)
    assert sum(1 for s, _ in spans if s < first_done) >= 2
    assert sorted(outcomes) == ["confirmed"] + ["ignored_session_succeeded"] * (racers - 1)
    row = _one(
        session,
        "SELECT ps.status, b.status AS booking, (SELECT count(*) FROM orders) AS orders, "
        "(SELECT count(*) FROM ticket WHERE status = 'valid') AS valid, "
        "(SELECT count(*) FROM webhook_event) AS events "
        "FROM payment_session ps JOIN booking b ON b.id = ps.booking_id",
    )
    assert tuple(row) == ("succeeded", "confirmed", 1, 2, racers)


def test_a_signed_in_door_actor_is_told_why(session, house):
    """Through the till's own path (the actor on the session, playing its login): each
    refusal (naming the permission where this revision checks it), and nothing changed."""
    from boxoffice.services.auth import act_as
    from tests.factories import make_actor

    (ticket,) = sell(session, house["showtime_id"], house["seat_ids"][:1])
    order_id = _one(session, "SELECT order_id FROM ticket WHERE id = :t", t=ticket.ticket_id).order_id
    booking_id = _pending_booking(session, house, house["seat_ids"][1:2])
    doorman = make_actor(session, role="door")
    act_as(session, doorman)
    attempts = {
        "web": lambda: bookings.confirm_booking(session, booking_id=booking_id, method="card"),
        "setup": lambda: door_info.set_doors_open(session, showtime_id=house["showtime_id"], doors_open_at=None),
    }
    for permission, attempt in attempts.items():
        with pytest.raises(PermissionDeniedError) as refused:
            attempt()
        assert refused.value.details["permission"] == permission
        assert doorman.display_name in str(refused.value)
    for attempt in (
        lambda: tickets.order_tickets(session, order_id=order_id),
        lambda: tickets.reissue_code(session, ticket_id=ticket.ticket_id),
    ):
        with pytest.raises(PermissionDeniedError):
            attempt()
    verdict = admission.admit_ticket(
        session, ticket_id=ticket.ticket_id, showtime_id=house["showtime_id"], door=door(house)
    )
    assert verdict.kind is VerdictKind.ADMIT
    act_as(session, None)
    row = _one(
        session,
        "SELECT t.code_serial, b.status FROM ticket t, booking b WHERE t.id = :t AND b.id = :b",
        t=ticket.ticket_id,
        b=booking_id,
    )
    assert (row.code_serial, row.status) == (1, "pending")


def test_a_transaction_opened_before_a_booking_lapsed_cannot_confirm_it(session, logins, far_house):
    import time

    token = uuid.uuid4()
    inventory.hold_seats(
        session,
        showtime_id=far_house["showtime_id"],
        seat_ids=far_house["seat_ids"][:1],
        token=token,
        channel="web",
        seconds=60,
    )
    booking_id = bookings.create_booking(session, showtime_id=far_house["showtime_id"], hold_token=token, seconds=2).id
    late_token = uuid.uuid4()
    inventory.hold_seats(
        session,
        showtime_id=far_house["showtime_id"],
        seat_ids=far_house["seat_ids"][1:2],
        token=late_token,
        channel="web",
        seconds=60,
    )
    session.execute(
        text("UPDATE inventory SET hold_expires_at = clock_timestamp() + interval '2 seconds' WHERE hold_token = :t"),
        {"t": late_token},
    )
    session.commit()
    web = _plain(logins("web"))
    with psycopg.connect(web) as confirming, psycopg.connect(web) as booking:
        for conn in (confirming, booking):  # both transactions start while everything is live ...
            assert conn.execute(  # ... by the transaction's clock, now(): the control
                "SELECT (SELECT now() < expires_at FROM booking WHERE id = %s) AND "
                "(SELECT bool_and(now() < hold_expires_at) FROM inventory_live WHERE showtime_id = %s "
                "AND state = 'held')",
                (booking_id, far_house["showtime_id"]),
            ).fetchone()[0]
        time.sleep(2.3)
        with pytest.raises(psycopg.Error) as refused:
            confirming.execute("SELECT bo_confirm_booking(%s, 'online', 'ps_late')", (booking_id,))
        assert refused.value.sqlstate == "BO006"
        with pytest.raises(psycopg.Error) as refused:
            booking.execute("SELECT bo_book(%s, %s, 'web', 900)", (far_house["showtime_id"], late_token))
        assert refused.value.sqlstate == "BO002"
    row = _one(session, "SELECT (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM booking) AS n")
    assert tuple(row) == (0, 1)
