"""E-mailed tickets: the outbox row is written with the confirmation, a real SMTP server
(aiosmtpd) receives the message, its PDF's QR code admits at the door; SMTP down loses
nothing and sends once; two senders racing send once."""

from __future__ import annotations

import threading

import pytest
import zxingcpp
from fastapi.testclient import TestClient
from sqlalchemy import text

from boxoffice.domain.admission import VerdictKind
from boxoffice.printing.render import pdf_page_images
from boxoffice.runtime import Database
from boxoffice.services import admission, mail, tickets
from tests.door_helpers import door, open_house
from tests.mail_helpers import buy_with_email, free_port, pdf_attachment, start_smtp
from tests.web_helpers import make_app


@pytest.fixture
def house(session):
    return open_house(session)


@pytest.fixture
def client(engine, session_factory, db_url):
    with TestClient(make_app(Database(engine, session_factory, db_url, embedded=False))) as c:
        yield c


@pytest.fixture
def smtp():
    port = free_port()
    controller, inbox = start_smtp(port)
    yield mail.SmtpSettings(host="127.0.0.1", port=port, starttls=False, sender="tickets@venue.example"), inbox
    controller.stop()


def _outbox(session):
    session.rollback()
    rows = session.execute(text("SELECT recipient, attempts, sent_at IS NOT NULL, last_error FROM mail_outbox")).all()
    session.rollback()
    return rows


def test_confirmed_booking_is_mailed_with_tickets_that_admit(session, session_factory, house, client, smtp):
    settings, inbox = smtp
    booking_id = buy_with_email(client, house["showtime_id"], house["seat_ids"][:2], "Ada@Example.org")
    assert [r[:3] for r in _outbox(session)] == [("Ada@Example.org", 0, False)]  # written with the confirmation

    assert mail.send_due(session_factory, settings) == mail.SendResult(1, 0)
    assert mail.send_due(session_factory, settings) == mail.SendResult(0, 0)  # never twice
    (message,) = inbox.messages
    assert message["To"] == "Ada@Example.org" and booking_id in message["Message-ID"]
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "Total:" in body and "Row A" in body
    images = pdf_page_images(pdf_attachment(message), dpi=150)
    assert len(images) == 2
    codes = [
        b.text for image in images for b in zxingcpp.read_barcodes(image) if b.format == zxingcpp.BarcodeFormat.QRCode
    ]
    assert len(codes) == 2
    keys = tickets.venue_public_keys(session)
    verdict = admission.scan(session, code=codes[0], door=door(house), keys=keys)
    assert verdict.kind is VerdictKind.ADMIT
    assert [r[1:3] for r in _outbox(session)] == [(1, True)]


def test_a_booking_without_e_mail_queues_nothing(session, house, client):
    from tests.web_helpers import buy

    buy(client, house["showtime_id"], house["seat_ids"][:1])
    assert _outbox(session) == []


def test_smtp_down_loses_nothing_and_delivers_once_when_back(session, session_factory, house, client):
    port = free_port()
    settings = mail.SmtpSettings(host="127.0.0.1", port=port, starttls=False, timeout=2)
    buy_with_email(client, house["showtime_id"], house["seat_ids"][:1], "bob@example.org")
    assert mail.send_due(session_factory, settings) == mail.SendResult(0, 1)  # nobody listens
    ((_, attempts, sent, error),) = _outbox(session)
    assert (attempts, sent) == (1, False) and "ConnectionRefused" in error
    assert mail.send_due(session_factory, settings) == mail.SendResult(0, 0)  # backing off: not due yet
    session.execute(text("UPDATE mail_outbox SET next_attempt_at = now() - interval '1 second'"))
    session.commit()
    controller, inbox = start_smtp(port)
    try:
        assert mail.send_due(session_factory, settings) == mail.SendResult(1, 0)
        assert mail.send_due(session_factory, settings) == mail.SendResult(0, 0)
    finally:
        controller.stop()
    assert len(inbox.messages) == 1
    assert [r[1:3] for r in _outbox(session)] == [(2, True)]


def test_backoff_grows_exponentially(session, house, client):
    buy_with_email(client, house["showtime_id"], house["seat_ids"][:1], "c@example.org")
    (row_id,) = session.execute(text("SELECT id FROM mail_outbox")).scalars().all()
    gaps = []
    for _ in range(3):
        gaps.append(
            session.execute(
                text("SELECT extract(epoch FROM bo_mail_failed(:id, 'down') - clock_timestamp())"), {"id": row_id}
            ).scalar_one()
        )
    session.rollback()
    assert [round(float(g)) for g in gaps] == [30, 60, 120]


def _race_two_senders(session_factory, settings, monkeypatch) -> tuple[list, threading.Event]:
    """Two sender passes at once; each delivery waits (up to 5 s) until the other sender is
    delivering too, holding its claim meanwhile. Returns their results and the overlap flag."""
    overlap = threading.Event()
    active = []
    real_deliver = mail.deliver

    def slow_deliver(s, message):
        active.append(1)
        if len(active) >= 2:
            overlap.set()
        overlap.wait(timeout=5)
        real_deliver(s, message)

    monkeypatch.setattr(mail, "deliver", slow_deliver)
    results: list = []

    def one_pass():
        try:
            results.append(mail.send_due(session_factory, settings))
        except Exception as exc:  # noqa: BLE001 - the control's naive sender fails to mark
            results.append(exc)

    threads = [threading.Thread(target=one_pass) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results, overlap


def test_control_a_claim_without_row_locks_sends_twice(session, session_factory, house, client, smtp, monkeypatch):
    """The control for the race below: with a naive claim (read the first unsent row, no
    ``FOR UPDATE SKIP LOCKED``) the same two racing senders deliver one message twice."""
    settings, inbox = smtp
    buy_with_email(client, house["showtime_id"], house["seat_ids"][:1], "naive@example.org")
    naive = text(
        "SELECT id, kind, booking_id, recipient, attempts FROM mail_outbox WHERE sent_at IS NULL ORDER BY id LIMIT 1"
    )
    monkeypatch.setattr(mail, "_CLAIM", naive)
    _race_two_senders(session_factory, settings, monkeypatch)
    assert [m["To"] for m in inbox.messages] == ["naive@example.org", "naive@example.org"]


def test_two_senders_racing_send_each_message_once(session, session_factory, house, client, smtp, monkeypatch):
    """Two sender passes at once over three messages: each is delivered exactly once. The
    control shows the race is real: both senders are inside delivery at the same moment
    (and the test above: without row locks the same race sends twice)."""
    settings, inbox = smtp
    for i, seat in enumerate(house["seat_ids"][:3]):
        buy_with_email(client, house["showtime_id"], [seat], f"race{i}@example.org")
    results, overlap = _race_two_senders(session_factory, settings, monkeypatch)
    assert overlap.is_set(), "control: the two senders never delivered at the same time"
    assert sum(r.sent for r in results) == 3 and all(r.sent for r in results)
    recipients = sorted(m["To"] for m in inbox.messages)
    assert recipients == ["race0@example.org", "race1@example.org", "race2@example.org"]
    assert session.execute(text("SELECT count(*) FROM mail_outbox WHERE sent_at IS NOT NULL")).scalar_one() == 3


def test_hostile_till_a_cashier_cannot_claim_mark_or_write_the_outbox(session, house, client):
    from sqlalchemy.exc import DBAPIError

    from boxoffice.services.auth import act_as
    from tests.factories import make_actor

    buy_with_email(client, house["showtime_id"], house["seat_ids"][:1], "d@example.org")
    (row_id,) = session.execute(text("SELECT id FROM mail_outbox")).scalars().all()
    session.rollback()
    act_as(session, make_actor(session, role="cashier"))
    for sql in [
        "SELECT * FROM bo_mail_claim()",
        f"SELECT bo_mail_sent({row_id})",
        "INSERT INTO mail_outbox (kind, recipient) VALUES ('tickets', 'x@example.org')",
        "UPDATE mail_outbox SET sent_at = now()",
        "SELECT recipient FROM mail_outbox",
    ]:
        with pytest.raises(DBAPIError) as err:
            session.execute(text(sql))
        assert err.value.orig.sqlstate == "42501", sql
        session.rollback()
    act_as(session, None)
    assert [r[2] for r in _outbox(session)] == [False]


def test_the_web_server_s_sender_loop_delivers(engine, session_factory, db_url, session, house, smtp, monkeypatch):
    import time

    settings, inbox = smtp
    monkeypatch.setenv("BOXOFFICE_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("BOXOFFICE_SMTP_PORT", str(settings.port))
    monkeypatch.setenv("BOXOFFICE_SMTP_STARTTLS", "0")
    monkeypatch.setenv("BOXOFFICE_MAIL_SECONDS", "0.2")
    monkeypatch.setenv("BOXOFFICE_WEB_PUBLIC_URL", "https://shop.example/api")
    with TestClient(make_app(Database(engine, session_factory, db_url, embedded=False))) as web:
        buy_with_email(web, house["showtime_id"], house["seat_ids"][:1], "loop@example.org")
        deadline = time.monotonic() + 20
        while not inbox.messages and time.monotonic() < deadline:
            time.sleep(0.1)
    (message,) = inbox.messages
    assert "https://shop.example/api/customers/verify?token=" in message.get_body(("plain",)).get_content()


def test_boxoffice_mail_send_sends_once_and_says_so(session, db_url, house, client, smtp, monkeypatch, capsys):
    from boxoffice.cli import main

    settings, inbox = smtp
    buy_with_email(client, house["showtime_id"], house["seat_ids"][:1], "cli@example.org")
    monkeypatch.setenv("BOXOFFICE_DATABASE_URL", db_url)
    monkeypatch.delenv("BOXOFFICE_SMTP_HOST", raising=False)
    assert main(["mail", "send"]) == 1  # no SMTP host: a one-line error
    assert "BOXOFFICE_SMTP_HOST" in capsys.readouterr().err
    monkeypatch.setenv("BOXOFFICE_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("BOXOFFICE_SMTP_PORT", str(settings.port))
    monkeypatch.setenv("BOXOFFICE_SMTP_STARTTLS", "0")
    monkeypatch.setenv("BOXOFFICE_WEBHOOK_SECRET", "x" * 40)
    assert main(["mail", "send"]) == 0
    assert main(["mail", "send"]) == 0
    assert "sent 0, failed 0" in capsys.readouterr().out
    assert [m["To"] for m in inbox.messages] == ["cli@example.org"]
