"""E-mail with the tickets: SMTP settings, the message, and the outbox sender.

Settings (environment; docs/operations.md)::

    BOXOFFICE_SMTP_HOST      the SMTP server (unset: no e-mail is sent; rows wait in the outbox)
    BOXOFFICE_SMTP_PORT      its port (default 587 with STARTTLS, else 25)
    BOXOFFICE_SMTP_USER      login name, if the server wants one
    BOXOFFICE_SMTP_PASSWORD  its password
    BOXOFFICE_SMTP_FROM      the sender address (default ``boxoffice@localhost``)
    BOXOFFICE_SMTP_STARTTLS  ``1`` (default) to upgrade the connection with STARTTLS, ``0`` not to
    BOXOFFICE_WEB_PUBLIC_URL the shop's API address as buyers reach it; when set, the e-mail
                             carries a signed link ``<url>/customers/verify?token=...`` that
                             verifies the address and links the buyer's guest orders

Delivery protocol (never sent twice). The outbox row is written by the database in the
transaction that confirms the booking (migration 0022, trigger ``booking_mails_tickets``).
A sender, in ONE transaction: ``bo_mail_claim`` locks one due row (``FOR UPDATE SKIP
LOCKED``: a second sender skips it, it never waits for it nor sees it), sends the message
over SMTP, marks the row sent (``bo_mail_sent``) and COMMITs. A failure to send records
the error and the next attempt (``bo_mail_failed``: exponential backoff) instead, and
commits. The lock is held until the commit, so no two senders can hold the same row, and a
committed ``sent_at`` is never claimed again. The one window left is a crash (or a lost
database) between the SMTP server's acceptance and the COMMIT: the row stays unsent and
is sent again later (at least once there, never lost); the message keeps the same
``Message-ID`` (derived from the booking) so mail software can recognise the repeat.
"""

from __future__ import annotations

import logging
import os
import smtplib
import uuid
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate

from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from boxoffice.domain.errors import BoxOfficeError
from boxoffice.domain.money import format_money
from boxoffice.printing.tickets import render_tickets_pdf, when_text
from boxoffice.services import bookings

log = logging.getLogger(__name__)

_CLAIM = text("SELECT * FROM bo_mail_claim()")
_SENT = text("SELECT bo_mail_sent(:id)")
_FAILED = text("SELECT bo_mail_failed(:id, :error)")


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to send: ``port`` an integer; ``starttls`` upgrades the connection."""

    host: str
    port: int = 587
    user: str | None = None
    password: str | None = None
    sender: str = "boxoffice@localhost"
    starttls: bool = True
    timeout: float = 20.0
    public_url: str | None = None

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> SmtpSettings | None:
        """The settings from ``BOXOFFICE_SMTP_*``; ``None`` when no host is set.

        Raises:
            ValueError: the port is not a number.
        """
        env = os.environ if environ is None else environ
        host = env.get("BOXOFFICE_SMTP_HOST", "").strip()
        if not host:
            return None
        starttls = env.get("BOXOFFICE_SMTP_STARTTLS", "1").strip().lower() not in ("0", "false", "no", "off")
        return cls(
            host=host,
            port=int(env.get("BOXOFFICE_SMTP_PORT") or (587 if starttls else 25)),
            user=env.get("BOXOFFICE_SMTP_USER") or None,
            password=env.get("BOXOFFICE_SMTP_PASSWORD") or None,
            sender=env.get("BOXOFFICE_SMTP_FROM") or "boxoffice@localhost",
            starttls=starttls,
            public_url=(env.get("BOXOFFICE_WEB_PUBLIC_URL") or "").rstrip("/") or None,
        )


@dataclass(frozen=True)
class SendResult:
    """One sender pass: rows sent, rows that failed (retried later)."""

    sent: int
    failed: int


def tickets_message(
    session: Session, *, booking_id: uuid.UUID, recipient: str, sender: str, verify_url: str | None = None
) -> EmailMessage:
    """The e-mail for a confirmed booking: the order summary as text and the tickets as
    one A4 PDF (``tickets-<order number>.pdf``), with a ``Message-ID`` derived from the
    booking (the same on every attempt); ``verify_url`` (a signed link) is offered for
    seeing all one's orders.

    Raises:
        NotFoundError: no such booking, or it has no valid tickets.
    """
    booking = bookings.get_booking(session, booking_id=booking_id)
    views = booking.tickets
    number = booking.order_number or str(booking_id)
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = recipient
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = f"<tickets-{booking_id}@{sender.rpartition('@')[2] or 'boxoffice'}>"
    title = views[0].show_title if views else "your booking"
    msg["Subject"] = f"Your tickets for {title} ({number})"
    lines = [f"Thank you for your order {number}.", ""]
    if views:
        lines += [f"{views[0].show_title}, {views[0].venue_name}", when_text(views[0].starts_at, views[0].locale), ""]
    for v in views:
        net = v.price_minor - v.discount_minor
        lines.append(f"  {v.place_label} ({v.price_label}): {format_money(net, v.currency)}")
    lines += ["", f"Total: {format_money(booking.total_minor, booking.currency)}", ""]
    lines.append("Your tickets are attached (PDF): print them or show them on your phone at the door.")
    if verify_url:
        lines += ["", f"See all your orders (this link confirms your e-mail address): {verify_url}"]
    msg.set_content("\n".join(lines))
    if views:
        msg.add_attachment(
            render_tickets_pdf(views, layout="a4"),
            maintype="application",
            subtype="pdf",
            filename=f"tickets-{number}.pdf",
        )
    return msg


def deliver(settings: SmtpSettings, message: EmailMessage) -> None:
    """Hand ``message`` to the SMTP server (one connection).

    Raises:
        OSError, smtplib.SMTPException: the server is unreachable or refused it.
    """
    with smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout) as smtp:
        if settings.starttls:
            smtp.starttls()
        if settings.user:
            smtp.login(settings.user, settings.password or "")
        smtp.send_message(message)


def send_due(
    session_factory: sessionmaker[Session], settings: SmtpSettings, *, secret: str | None = None, limit: int = 50
) -> SendResult:
    """Send up to ``limit`` due outbox rows, one claiming transaction per row (module
    docstring); the message is built on a second session, as reading a booking's tickets
    commits. With ``secret`` (the web server's) and ``settings.public_url`` the e-mail
    carries a signed verification link. Never raises for a row that fails to send: it is
    retried later with backoff.

    Raises:
        SQLAlchemyError: the database failed (nothing is marked; rows are retried).
    """
    sent = failed = 0
    for _ in range(limit):
        with session_factory() as claim:
            row = claim.execute(_CLAIM).one_or_none()  # locked until claim commits
            if row is None:
                claim.rollback()
                break
            try:
                with session_factory() as reader:
                    message = tickets_message(
                        reader,
                        booking_id=row.booking_id,
                        recipient=row.recipient,
                        sender=settings.sender,
                        verify_url=_verify_url(settings, secret, row.recipient),
                    )
                deliver(settings, message)
            except (OSError, smtplib.SMTPException, BoxOfficeError) as exc:
                claim.execute(_FAILED, {"id": row.id, "error": f"{type(exc).__name__}: {exc}"})
                claim.commit()
                log.warning("e-mail %s for booking %s not sent (retried later): %s", row.id, row.booking_id, exc)
                failed += 1
                continue
            claim.execute(_SENT, {"id": row.id})
            claim.commit()
            sent += 1
    return SendResult(sent, failed)


def _verify_url(settings: SmtpSettings, secret: str | None, email: str) -> str | None:
    from boxoffice.domain import customer_token

    if not (settings.public_url and secret):
        return None
    token = customer_token.sign("verify", email, secret, seconds=customer_token.VERIFY_SECONDS)
    return f"{settings.public_url}/customers/verify?token={token}"
