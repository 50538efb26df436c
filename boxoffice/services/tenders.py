"""Tenders: how an order is paid at the counter (issue 11, migration 0014).

An order is paid by a list of :class:`Tender` (one ``payment`` row each): cash (the only
tender that gives change), card on an external terminal (``reference`` is the terminal's
authorisation code; no card data), online, or comp (complimentary: ``comp_reason``
required). The amounts must add up to the order's total; the database checks it
(``bo_checkout``). A cashier's comp needs a manager's override: the manager types their
name and password at the till, which connects as them for a moment
(:func:`override_with_password`) and gets a single-use token valid for two minutes
(:func:`grant_override`); ``sales.sell(..., override=token)`` consumes it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import TypeVar

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from boxoffice.db.engine import login_url, make_engine, make_session_factory, normalise_url
from boxoffice.domain.errors import DatabaseUnavailableError, InvalidInputError, PaymentError, SignInError
from boxoffice.domain.money import MAX_AMOUNT_MINOR
from boxoffice.services import auth
from boxoffice.services.errors import unit_of_work

T = TypeVar("T")

METHODS = ("cash", "card", "online", "comp")
"""Tenders a sale may take (``exchange`` credit is written by the exchange function)."""

COMP_REASONS = ("Press", "Staff", "Sponsor", "Artist guest", "Service recovery")
"""Reasons offered for a complimentary ticket (the cashier may also type one)."""

OVERRIDE_KINDS = ("comp",)

_GRANT = text("SELECT bo_override_grant(:kind, :reason)")


@dataclass(frozen=True)
class Tender:
    """One part of a payment, amounts in minor units.

    ``method``: one of :data:`METHODS`. ``amount_minor``: what this tender pays of the
    total. ``tendered_minor``: for cash, the money handed over (``>= amount_minor``, the
    rest is change; ``None``: exactly the amount); other tenders give no change.
    ``reference``: for card, the terminal's authorisation code (required).
    ``comp_reason``: for comp, why (required).
    """

    method: str
    amount_minor: int
    tendered_minor: int | None = None
    reference: str | None = None
    comp_reason: str | None = None

    @property
    def change_minor(self) -> int:
        """Change given back for this tender (cash only)."""
        return max(0, (self.tendered_minor or self.amount_minor) - self.amount_minor)

    def as_json(self) -> dict:
        """The tender as ``bo_checkout`` takes it (None fields left out)."""
        return {k: v for k, v in asdict(self).items() if v is not None}


def check_tenders(tenders: list[Tender], total_minor: int) -> None:
    """Refuse a tender list before it reaches the database, with a clear message: it
    must add up to ``total_minor``; cash must cover its amount; only cash gives change;
    card needs its reference; comp needs a reason.

    Raises:
        InvalidInputError: an unknown method, a negative or impossible amount, a card
            without reference, a comp without reason, or no tender.
        PaymentError: the amounts do not add up to the total, or cash short of its amount.
    """
    if not tenders:
        raise InvalidInputError("Choose how the customer pays.")
    for t in tenders:
        if t.method not in METHODS:
            raise InvalidInputError(f"Unknown payment method {t.method!r}.")
        if not 0 <= t.amount_minor <= MAX_AMOUNT_MINOR:
            raise InvalidInputError("A tender's amount is not a possible amount.")
        if t.tendered_minor is not None and not 0 <= t.tendered_minor <= MAX_AMOUNT_MINOR:
            raise InvalidInputError("The amount tendered is not a possible amount.")
        if t.method == "cash" and t.tendered_minor is not None and t.tendered_minor < t.amount_minor:
            raise PaymentError("The cash handed over is less than the amount it pays.")
        if t.method != "cash" and t.tendered_minor not in (None, t.amount_minor):
            raise PaymentError(f"A {t.method} payment gives no change.")
        if t.method == "card" and not (t.reference or "").strip():
            raise InvalidInputError("Type the card terminal's reference (authorisation code).")
        if t.method == "comp" and not (t.comp_reason or "").strip():
            raise InvalidInputError("Give a reason for the complimentary ticket.")
    paid = sum(t.amount_minor for t in tenders)
    if paid != total_minor:
        raise PaymentError(
            f"The payments add up to {paid / 100:.2f} but the total is {total_minor / 100:.2f}."
            if paid < total_minor
            else "The payments add up to more than the total."
        )


def grant_override(manager_session: Session, kind: str, reason: str) -> uuid.UUID:
    """On a session connected as a manager (permission ``comp``): allow one ``kind``
    (``"comp"``) for ``reason``; returns the single-use token, valid for two minutes.
    The grant is audited (``override.grant``) in the same transaction.

    Raises:
        PermissionDeniedError: the session's login may not give comps.
        InvalidInputError: unknown kind, or an empty reason.
    """
    if kind not in OVERRIDE_KINDS:
        raise InvalidInputError(f"Unknown override {kind!r}.")
    if not reason.strip():
        raise InvalidInputError("Give a reason for the override.")
    with unit_of_work(manager_session):
        return manager_session.execute(_GRANT, {"kind": kind, "reason": reason.strip()}).scalar_one()


def as_manager(url: str, *, username: str, password: str, till: str, action: Callable[[Session], T]) -> T:
    """At a cashier's till: connect once as manager ``username`` (their own login, with
    ``password``; ``url`` is the server's, as :class:`~boxoffice.services.till.TillSessions`
    has it), run ``action`` on a session of that login, return its result and disconnect.
    The cashier stays signed in; nothing of the manager stays on the till.

    Raises:
        SignInError: unknown name or wrong password.
        DatabaseUnavailableError: the server cannot be reached.
        whatever ``action`` raises.
    """
    from boxoffice.db.roles import login_role_name
    from boxoffice.services.till import _refusal

    name = auth.normalise_username(username)
    if not name or not password:
        raise SignInError("The manager types their name and password.")
    try:
        login = login_role_name(make_url(normalise_url(url)).database or "", name)
    except ValueError:
        raise SignInError("Unknown name or wrong password.") from None
    engine = make_engine(login_url(url, login, password), application_name=till, pool_size=None, poolclass=NullPool)
    try:
        with make_session_factory(engine)() as session:
            return action(session)
    except DatabaseUnavailableError as exc:
        raise _refusal(exc) from None
    finally:
        engine.dispose()


def override_with_password(url: str, *, username: str, password: str, till: str, kind: str, reason: str) -> uuid.UUID:
    """At a cashier's till: get an override token (:func:`grant_override`) on manager
    ``username``'s own login (:func:`as_manager`).

    Raises:
        SignInError: unknown name or wrong password.
        PermissionDeniedError: that person may not give the override.
        DatabaseUnavailableError: the server cannot be reached.
    """
    return as_manager(
        url, username=username, password=password, till=till, action=lambda s: grant_override(s, kind, reason)
    )
