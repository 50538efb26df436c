"""A venue's receipt details (address, tax number) and VAT rates (migration 0017).

Managers read and change them in Manage → Receipt details and VAT…; the changes go
through ``bo_venue_receipt_set`` and ``bo_category_vat_set`` (SECURITY DEFINER, the
``setup`` permission, audited). Rates are integers in basis points (2000 = 20 %).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from boxoffice.domain.errors import InvalidInputError
from boxoffice.domain.roles import SETUP
from boxoffice.domain.vat import BP
from boxoffice.services.auth import authorize
from boxoffice.services.errors import unit_of_work


@dataclass(frozen=True)
class CategoryVat:
    """A price category of a plan's newest version: ``vat_rate_bp`` is its own rate, or
    ``None`` for the venue's."""

    category_id: int
    plan: str
    name: str
    vat_rate_bp: int | None


@dataclass(frozen=True)
class ReceiptDetails:
    """What a venue prints on its receipts and the VAT rate its prices include."""

    venue_id: int
    name: str
    address: str
    tax_number: str
    vat_rate_bp: int
    categories: list[CategoryVat]


def receipt_details(session: Session) -> list[ReceiptDetails]:
    """Every venue's receipt details, by name, each with the price categories of its
    plans' newest versions."""
    with unit_of_work(session):
        venues = session.execute(
            text("SELECT id, name, address, tax_number, vat_rate_bp FROM venue ORDER BY name")
        ).all()
        cats = session.execute(
            text(
                "SELECT p.venue_id, c.id, p.name AS plan, c.name, c.vat_rate_bp FROM price_category c "
                "JOIN seating_plan p ON p.id = c.plan_id "
                "WHERE p.version = (SELECT max(q.version) FROM seating_plan q WHERE q.venue_id = p.venue_id "
                "AND q.name = p.name) ORDER BY p.name, c.position, c.id"
            )
        ).all()
    by_venue: dict[int, list[CategoryVat]] = {}
    for c in cats:
        by_venue.setdefault(c.venue_id, []).append(CategoryVat(c.id, c.plan, c.name, c.vat_rate_bp))
    return [
        ReceiptDetails(v.id, v.name, v.address, v.tax_number, v.vat_rate_bp, by_venue.get(v.id, [])) for v in venues
    ]


def _check_rate(rate_bp: int | None, *, optional: bool = False) -> None:
    if rate_bp is None and optional:
        return
    if not isinstance(rate_bp, int) or not 0 <= rate_bp <= BP:
        raise InvalidInputError("A VAT rate is between 0 % and 100 %.")


def set_receipt_details(session: Session, *, venue_id: int, address: str, tax_number: str, vat_rate_bp: int) -> None:
    """Set venue ``venue_id``'s receipt address (lines separated by newlines, at most 500
    characters), tax number (at most 40) and VAT rate (basis points, 0 to 10000).

    Raises:
        PermissionDeniedError: the actor lacks ``setup`` (the database refuses too).
        InvalidInputError: a rate out of range or a text too long.
        NotFoundError: no such venue.
    """
    authorize(session, SETUP)
    _check_rate(vat_rate_bp)
    with unit_of_work(session):
        session.execute(
            text("SELECT bo_venue_receipt_set(:v, :a, :t, :r)"),
            {"v": venue_id, "a": address, "t": tax_number, "r": vat_rate_bp},
        )


def set_category_vat(session: Session, *, category_id: int, vat_rate_bp: int | None) -> int:
    """Give price category ``category_id`` its own VAT rate (basis points; ``None``: the
    venue's rate), on every version of its plan; returns how many category rows changed.
    Tickets already sold keep the rate they were sold at.

    Raises:
        PermissionDeniedError: the actor lacks ``setup``.
        InvalidInputError: a rate out of range.
        NotFoundError: no such category.
    """
    authorize(session, SETUP)
    _check_rate(vat_rate_bp, optional=True)
    with unit_of_work(session):
        n = session.execute(
            text("SELECT bo_category_vat_set(:c, :r)"), {"c": category_id, "r": vat_rate_bp}
        ).scalar_one()
    return int(n)
