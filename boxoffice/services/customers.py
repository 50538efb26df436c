"""Customers: find or create, verify a guest's e-mail, order history, GDPR export and
erasure (migration 0022; every change is a SECURITY DEFINER function).

Staff (permission ``sell``) find and create customers at the counter; the web login
creates them and links guest orders once the buyer proves the e-mail (a signed link,
:mod:`boxoffice.domain.customer_token`). Export and erasure need ``audit`` (managers)
and are written to the audit log. Erasure removes the personal data (the customer's
name, e-mail and phone, the e-mail of their bookings, the names and e-mails recorded on
their orders, queued e-mails) and keeps orders, tickets and payments, so reports still
add up.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from boxoffice.services.errors import unit_of_work

_SAVE = text("SELECT bo_customer_save(:name, :email, :phone, :consent)")
_FIND = text("SELECT * FROM bo_customer_find(:q)")
_VERIFY = text("SELECT bo_customer_verify(:email)")
_LINK = text("SELECT bo_customer_link_order(:customer, :order)")
_ORDERS = text("SELECT * FROM bo_customer_orders(:customer)")
_EXPORT = text("SELECT bo_customer_export(:customer)")
_ERASE = text("SELECT bo_customer_erase(:customer)")


@dataclass(frozen=True)
class Customer:
    """A customer as staff find them; ``verified_at`` is when the e-mail was proved."""

    id: int
    name: str | None
    email: str | None
    phone: str | None
    marketing_consent: bool
    verified_at: dt.datetime | None


@dataclass(frozen=True)
class CustomerOrder:
    """One order in a customer's history; ``total_minor`` in minor units of ``currency``."""

    order_id: int
    number: str
    created_at: dt.datetime
    total_minor: int
    currency: str
    tickets: int


def save_customer(
    session: Session, *, email: str, name: str | None = None, phone: str | None = None, consent: bool | None = None
) -> int:
    """Find the customer with ``email`` or create one; a given name/phone replaces the
    stored one; ``consent`` ``True`` records marketing consent (dated now), ``False``
    withdraws it, ``None`` leaves it. Returns the customer's id.

    Raises:
        InvalidInputError (BO131): not an e-mail address. PermissionDeniedError.
    """
    with unit_of_work(session):
        return session.execute(_SAVE, {"name": name, "email": email, "phone": phone, "consent": consent}).scalar_one()


def find_customers(session: Session, *, query: str) -> list[Customer]:
    """Customers whose name, e-mail or phone contains ``query`` (at least 2 characters;
    at most 50, by name). Raises PermissionDeniedError without ``sell``."""
    with unit_of_work(session):
        return [Customer(*r) for r in session.execute(_FIND, {"q": query})]


def verify_email(session: Session, *, email: str) -> int:
    """The web channel, after checking a signed link: mark ``email`` verified (creating
    the customer if needed) and link every order booked online with it. Returns the id."""
    with unit_of_work(session):
        return session.execute(_VERIFY, {"email": email}).scalar_one()


def link_order(session: Session, *, customer_id: int, order_id: int) -> None:
    """Staff: record that ``order_id`` was bought by ``customer_id`` (a phone booking).

    Raises:
        NotFoundError (BO130): no such customer (or erased).
    """
    with unit_of_work(session):
        session.execute(_LINK, {"customer": customer_id, "order": order_id})


def customer_orders(session: Session, *, customer_id: int) -> list[CustomerOrder]:
    """The customer's orders, newest first."""
    with unit_of_work(session):
        return [CustomerOrder(*r) for r in session.execute(_ORDERS, {"customer": customer_id})]


def export_customer(session: Session, *, customer_id: int) -> dict:
    """Everything held about the customer (GDPR access), as JSON-ready data; audited.

    Raises:
        NotFoundError (BO130). PermissionDeniedError without ``audit``.
    """
    with unit_of_work(session):
        return session.execute(_EXPORT, {"customer": customer_id}).scalar_one()


def erase_customer(session: Session, *, customer_id: int) -> dict:
    """Remove the customer's personal data (GDPR erasure), keeping orders and money;
    audited. Returns counts: ``bookings``, ``order_customer``, ``emails`` touched.

    Raises:
        NotFoundError (BO130), BO132 erased already. PermissionDeniedError without ``audit``.
    """
    with unit_of_work(session):
        return session.execute(_ERASE, {"customer": customer_id}).scalar_one()


def save_for_order(session: Session, *, order_id: int, name: str, email: str) -> int | None:
    """The counter's "Save customer" on an order (a phone booking): record the name and
    e-mail on the order (:func:`boxoffice.services.orders.set_customer`) and, when an
    e-mail is given, find or create the customer record and link the order to it.
    Returns the customer's id, or ``None`` without an e-mail.

    Raises:
        InvalidInputError: a name over 120 characters, or not an e-mail address.
        NotFoundError: no such order. PermissionDeniedError: the actor may not sell.
    """
    from boxoffice.services import orders

    orders.set_customer(session, order_id=order_id, name=name, email=email)
    if not email.strip():
        return None
    customer_id = save_customer(session, email=email, name=name or None)
    link_order(session, customer_id=customer_id, order_id=order_id)
    return customer_id
