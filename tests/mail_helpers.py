"""A real SMTP server in-process (aiosmtpd) and a web buyer who gives an e-mail."""

from __future__ import annotations

import email
import email.policy
import socket
from email.message import EmailMessage

from aiosmtpd.controller import Controller


class Inbox:
    """aiosmtpd handler that keeps every message it accepts (parsed)."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_smtp(port: int) -> tuple[Controller, Inbox]:
    """An SMTP server on 127.0.0.1:``port``; stop it with ``controller.stop()``."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    return controller, inbox


def buy_with_email(client, showtime_id: int, seat_ids: list[int], address: str) -> str:
    """Hold, book with ``address``, pay at the stand-in gateway; returns the booking id."""
    hold = client.post(f"/showtimes/{showtime_id}/holds", json={"seat_ids": seat_ids})
    assert hold.status_code == 201, hold.text
    booking = client.post(
        "/bookings", json={"showtime_id": showtime_id, "hold_token": hold.json()["hold_token"], "email": address}
    )
    assert booking.status_code == 201, booking.text
    payment = client.post(f"/bookings/{booking.json()['id']}/payments")
    assert payment.status_code == 201, payment.text
    checkout = client.post(f"/gateway/checkout/{payment.json()['id']}", params={"outcome": "succeeded"})
    assert checkout.status_code == 200 and checkout.json()["webhook_status"] == 200, checkout.text
    return booking.json()["id"]


def pdf_attachment(message: EmailMessage) -> bytes:
    (part,) = [p for p in message.iter_attachments() if p.get_content_type() == "application/pdf"]
    return part.get_content()
