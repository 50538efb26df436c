"""Prices: ticket types, a showtime's price grid (category × ticket type) and price rules.

The full price of a (showtime, category) is ``showtime_price`` (what the sell screen,
``bo_book`` and the web charge); other ticket types' prices are ``showtime_type_price``.
Changing them needs ``prices``; the database audits every change as ``price_change``
with old and new amounts. Orders and tickets keep the price they were sold at, so a
price change never changes a sale. Price rules (``price_rule``) are applied when
showtimes are scheduled (``services/schedule.py``, ``domain/pricing.py``); saving or
deleting one needs ``prices`` and is audited as ``price_rule.save`` / ``price_rule.delete``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from boxoffice.db.models import (
    PriceCategory,
    PriceRule,
    SeatingPlan,
    Show,
    Showtime,
    ShowtimePrice,
    ShowtimeTypePrice,
    TicketType,
    Venue,
)
from boxoffice.domain import pricing
from boxoffice.domain.errors import InvalidInputError, NotFoundError
from boxoffice.domain.roles import PRICES
from boxoffice.services import audit
from boxoffice.services.auth import authorize
from boxoffice.services.errors import unit_of_work


@dataclass(frozen=True)
class TicketTypeInfo:
    """A ticket type of a venue: ``code`` is stable (``full``, ``concession``...)."""

    id: int
    code: str
    name: str
    position: int


@dataclass(frozen=True)
class PriceGrid:
    """A showtime's prices: ``prices[(category id, ticket type id)]`` in minor units
    (missing: that type is not sold in that category). ``categories`` and
    ``ticket_types`` are in display order; ``full_type_id`` is the full price's type."""

    showtime_id: int
    title: str
    starts_at: dt.datetime
    status: str
    timezone: str
    currency: str
    categories: dict[int, str]
    ticket_types: list[TicketTypeInfo]
    full_type_id: int
    prices: dict[tuple[int, int], int]


def ticket_types_of(session: Session, venue_id: int) -> list[TicketTypeInfo]:
    """The active ticket types of ``venue_id`` in display order (inside the caller's
    transaction; read only)."""
    return [
        TicketTypeInfo(*r)
        for r in session.execute(
            select(TicketType.id, TicketType.code, TicketType.name, TicketType.position)
            .where(TicketType.venue_id == venue_id, TicketType.active)
            .order_by(TicketType.position, TicketType.id)
        )
    ]


def load_rules(session: Session, *, venue_id: int) -> list[pricing.Rule]:
    """The active price rules of ``venue_id`` as :class:`~boxoffice.domain.pricing.Rule`
    (inside the caller's transaction; read only)."""
    return [
        _to_rule(r)
        for r in session.scalars(
            select(PriceRule)
            .where(PriceRule.venue_id == venue_id, PriceRule.active)
            .order_by(PriceRule.position, PriceRule.id)
        )
    ]


def _to_rule(r: PriceRule) -> pricing.Rule:
    return pricing.Rule(
        ticket_type_id=r.ticket_type_id,
        kind=r.kind,
        amount_minor=r.amount_minor,
        percent=r.percent,
        weekdays=frozenset(r.weekdays),
        from_time=r.from_time,
        until_time=r.until_time,
        category_id=r.category_id,
        plan_id=r.plan_id,
        position=r.position,
        name=r.name,
        id=r.id,
    )


def price_grid(session: Session, *, showtime_id: int) -> PriceGrid:
    """The price grid of ``showtime_id``. Read only; no permission needed (prices are
    public), but changing them needs ``prices``.

    Raises:
        NotFoundError: no such showtime.
    """
    row = session.execute(
        select(Showtime, Show.title, Venue.timezone, Venue.currency)
        .join(Show, Show.id == Showtime.show_id)
        .join(Venue, Venue.id == Showtime.venue_id)
        .where(Showtime.id == showtime_id)
    ).first()
    if row is None:
        session.rollback()
        raise NotFoundError(f"Showtime {showtime_id} does not exist.")
    st, title, tz, currency = row
    categories = dict(
        session.execute(
            select(PriceCategory.id, PriceCategory.name)
            .where(PriceCategory.plan_id == st.plan_id)
            .order_by(PriceCategory.position)
        ).all()
    )
    types = ticket_types_of(session, st.venue_id)
    full_id = next(t.id for t in types if t.code == pricing.FULL)
    prices = {
        (c, full_id): p
        for c, p in session.execute(
            select(ShowtimePrice.category_id, ShowtimePrice.price_minor).where(ShowtimePrice.showtime_id == showtime_id)
        )
    }
    prices.update(
        {
            (c, t): p
            for c, t, p in session.execute(
                select(
                    ShowtimeTypePrice.category_id, ShowtimeTypePrice.ticket_type_id, ShowtimeTypePrice.price_minor
                ).where(ShowtimeTypePrice.showtime_id == showtime_id)
            )
        }
    )
    session.rollback()
    return PriceGrid(showtime_id, title, st.starts_at, st.status, tz, currency, categories, types, full_id, prices)


def set_prices(session: Session, *, showtime_id: int, prices: dict[tuple[int, int], int | None]) -> int:
    """Set prices of ``showtime_id``: ``{(category id, ticket type id): minor units}``;
    ``None`` stops selling that ticket type in that category (not allowed for the full
    price: every category needs one). Only changed prices are written (one audited
    ``price_change`` row per showtime with old and new). Sold orders keep their prices.
    Returns how many prices changed.

    Raises:
        InvalidInputError: a negative or absurd price (above 100,000.00), a category not
            of the showtime's plan, an unknown ticket type, or removing a full price.
        NotFoundError: no such showtime.
        PermissionDeniedError: the actor may not change prices.
    """
    authorize(session, PRICES)
    for value in prices.values():
        if value is not None:
            pricing.check_price(value)
    with unit_of_work(session):
        st = session.get(Showtime, showtime_id)
        if st is None:
            raise NotFoundError(f"Showtime {showtime_id} does not exist.")
        categories = set(session.scalars(select(PriceCategory.id).where(PriceCategory.plan_id == st.plan_id)))
        types = {t.id: t for t in ticket_types_of(session, st.venue_id)}
        full_id = next(t.id for t in types.values() if t.code == pricing.FULL)
        current = {
            (c, full_id): p
            for c, p in session.execute(
                select(ShowtimePrice.category_id, ShowtimePrice.price_minor).where(
                    ShowtimePrice.showtime_id == showtime_id
                )
            )
        }
        current.update(
            {
                (c, t): p
                for c, t, p in session.execute(
                    select(
                        ShowtimeTypePrice.category_id, ShowtimeTypePrice.ticket_type_id, ShowtimeTypePrice.price_minor
                    ).where(ShowtimeTypePrice.showtime_id == showtime_id)
                )
            }
        )
        full_rows, type_rows, removed = [], [], []
        for (category_id, type_id), value in prices.items():
            if category_id not in categories:
                raise InvalidInputError(f"Price category {category_id} is not a category of this showtime's plan.")
            if type_id not in types:
                raise InvalidInputError(f"Ticket type {type_id} is not a ticket type of this venue.")
            if current.get((category_id, type_id)) == value:
                continue
            if value is None:
                if type_id == full_id:
                    raise InvalidInputError("Every category needs a full price; set one instead of removing it.")
                removed.append((category_id, type_id))
            elif type_id == full_id:
                full_rows.append({"showtime_id": showtime_id, "category_id": category_id, "price_minor": value})
            else:
                type_rows.append(
                    {
                        "showtime_id": showtime_id,
                        "category_id": category_id,
                        "ticket_type_id": type_id,
                        "price_minor": value,
                    }
                )
        changes = [
            {"category_id": r["category_id"], "ticket_type_id": full_id, "price_minor": r["price_minor"]}
            for r in full_rows
        ]
        changes += [
            {"category_id": r["category_id"], "ticket_type_id": r["ticket_type_id"], "price_minor": r["price_minor"]}
            for r in type_rows
        ]
        changes += [{"category_id": c, "ticket_type_id": t, "price_minor": None} for c, t in removed]
        if not changes:
            return 0
        # bo_prices_set (migration 0013) checks the caller ('prices') and every price again
        return session.execute(
            text("SELECT bo_prices_set(:s, CAST(:p AS jsonb))"), {"s": showtime_id, "p": json.dumps(changes)}
        ).scalar_one()


# ---------------------------------------------------------------------------
# Price rules
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleRow:
    """A price rule for the rules editor, with names and a human summary."""

    id: int
    name: str
    plan_id: int | None
    category: str
    ticket_type: str
    summary: str
    position: int
    rule: pricing.Rule


def list_rules(session: Session, *, venue_id: int) -> list[RuleRow]:
    """The active price rules of ``venue_id`` in the order they apply. Read only."""
    venue = session.get(Venue, venue_id)
    if venue is None:
        session.rollback()
        raise NotFoundError(f"Venue {venue_id} does not exist.")
    from boxoffice.domain.money import format_money

    cats = dict(
        session.execute(
            select(PriceCategory.id, PriceCategory.name)
            .join(SeatingPlan, SeatingPlan.id == PriceCategory.plan_id)
            .where(SeatingPlan.venue_id == venue_id)
        ).all()
    )
    types = {t.id: t.name for t in ticket_types_of(session, venue_id)}
    rows = [
        RuleRow(
            r.id,
            r.name,
            r.plan_id,
            cats.get(r.category_id, "every category") if r.category_id else "every category",
            types.get(r.ticket_type_id, "?"),
            r.describe(lambda m: format_money(m, venue.currency)),
            r.position,
            r,
        )
        for r in load_rules(session, venue_id=venue_id)
    ]
    session.rollback()
    return rows


def save_rule(session: Session, *, venue_id: int, name: str, rule: pricing.Rule, rule_id: int | None = None) -> int:
    """Create (``rule_id`` ``None``) or replace a price rule of ``venue_id``; returns its
    id. It applies to showtimes scheduled from now on; existing prices are not changed.

    Raises:
        InvalidInputError: no name, a malformed rule (see
            :func:`~boxoffice.domain.pricing.check_rule`), or a plan, category or ticket
            type that is not the venue's.
        NotFoundError: no such venue or rule.
        PermissionDeniedError: the actor may not change prices.
    """
    authorize(session, PRICES)
    name = (name or "").strip()
    if not name:
        raise InvalidInputError("Give the rule a name (e.g. Weekend matinee).")
    if len(name) > 100:
        raise InvalidInputError("A rule's name can have at most 100 characters.")
    pricing.check_rule(rule)
    with unit_of_work(session):
        if session.get(Venue, venue_id) is None:
            raise NotFoundError(f"Venue {venue_id} does not exist.")
        if session.scalar(select(TicketType.venue_id).where(TicketType.id == rule.ticket_type_id)) != venue_id:
            raise InvalidInputError("That ticket type is not one of this venue's.")
        if (
            rule.plan_id is not None
            and session.scalar(select(SeatingPlan.venue_id).where(SeatingPlan.id == rule.plan_id)) != venue_id
        ):
            raise InvalidInputError("That seating plan is not one of this venue's.")
        if rule.category_id is not None:
            cat_plan = session.scalar(select(PriceCategory.plan_id).where(PriceCategory.id == rule.category_id))
            cat_venue = (
                None
                if cat_plan is None
                else session.scalar(select(SeatingPlan.venue_id).where(SeatingPlan.id == cat_plan))
            )
            if cat_venue != venue_id:
                raise InvalidInputError("That price category is not one of this venue's plans.")
        values = dict(
            plan_id=rule.plan_id,
            name=name,
            weekdays=sorted(rule.weekdays),
            from_time=None if rule.from_time is None else rule.from_time.isoformat(),
            until_time=None if rule.until_time is None else rule.until_time.isoformat(),
            category_id=rule.category_id,
            ticket_type_id=rule.ticket_type_id,
            kind=rule.kind,
            amount_minor=None if rule.kind == "percent" else rule.amount_minor,
            percent=str(Decimal(rule.percent)) if rule.kind == "percent" else None,
            position=rule.position,
        )
        if (
            rule_id is not None
            and session.scalar(select(PriceRule.id).where(PriceRule.id == rule_id, PriceRule.venue_id == venue_id))
            is None
        ):
            raise NotFoundError(f"Price rule {rule_id} does not exist.")
        # bo_price_rule_save (migration 0013): the database checks the caller and the rule's venue
        saved_id = session.execute(
            text("SELECT bo_price_rule_save(:id, :venue, CAST(:data AS jsonb))"),
            {"id": rule_id, "venue": venue_id, "data": json.dumps(values)},
        ).scalar_one()
        audit.record(
            session,
            action="price_rule.save",
            target=f"price rule {saved_id}",
            details={
                "name": name,
                "new": rule_id is None,
                "summary": rule.describe(),
                "ticket_type_id": rule.ticket_type_id,
                "category_id": rule.category_id,
            },
        )
        return saved_id


def delete_rule(session: Session, *, rule_id: int) -> None:
    """Delete a price rule (prices already set from it stay as they are).

    Raises:
        NotFoundError: no such rule.
        PermissionDeniedError: the actor may not change prices.
    """
    authorize(session, PRICES)
    with unit_of_work(session):
        row = session.get(PriceRule, rule_id)
        if row is None:
            raise NotFoundError(f"Price rule {rule_id} does not exist.")
        audit.record(
            session,
            action="price_rule.delete",
            target=f"price rule {rule_id}",
            details={"name": row.name, "summary": _to_rule(row).describe()},
        )
        session.expunge(row)
        session.execute(text("SELECT bo_price_rule_delete(:id)"), {"id": rule_id})


def venue_choices(session: Session) -> list[tuple[int, str, str]]:
    """``(venue id, name, currency)`` of every venue, by name. Read only."""
    rows = session.execute(select(Venue.id, Venue.name, Venue.currency).order_by(Venue.name)).all()
    session.rollback()
    return [tuple(r) for r in rows]


@dataclass(frozen=True)
class RuleChoices:
    """What a rule of a venue can refer to: ticket types, and the price categories of
    its plans as ``(id, "Plan · Category")``. Plans as ``(id, "Name v2")``."""

    ticket_types: list[TicketTypeInfo]
    categories: list[tuple[int, str]]
    plans: list[tuple[int, str]]


def rule_choices(session: Session, *, venue_id: int) -> RuleChoices:
    """The ticket types, categories and plans of ``venue_id`` for the rules editor. Read only."""
    types = ticket_types_of(session, venue_id)
    cats = [
        (cid, f"{plan} · {name}")
        for cid, plan, name in session.execute(
            select(PriceCategory.id, SeatingPlan.name, PriceCategory.name)
            .join(SeatingPlan, SeatingPlan.id == PriceCategory.plan_id)
            .where(SeatingPlan.venue_id == venue_id)
            .order_by(SeatingPlan.name, SeatingPlan.version.desc(), PriceCategory.position)
        )
    ]
    plans = [
        (pid, f"{name} v{version}")
        for pid, name, version in session.execute(
            select(SeatingPlan.id, SeatingPlan.name, SeatingPlan.version)
            .where(SeatingPlan.venue_id == venue_id)
            .order_by(SeatingPlan.name, SeatingPlan.version.desc())
        )
    ]
    session.rollback()
    return RuleChoices(types, cats, plans)


def all_ticket_types(session: Session, *, venue_id: int) -> list[tuple[TicketTypeInfo, bool]]:
    """Every ticket type of ``venue_id`` with whether it is active, in display order. Read only."""
    rows = session.execute(
        select(TicketType.id, TicketType.code, TicketType.name, TicketType.position, TicketType.active)
        .where(TicketType.venue_id == venue_id)
        .order_by(TicketType.position, TicketType.id)
    ).all()
    session.rollback()
    return [(TicketTypeInfo(r.id, r.code, r.name, r.position), r.active) for r in rows]


def save_ticket_type(
    session: Session, *, venue_id: int, name: str, position: int = 0, active: bool = True, type_id: int | None = None
) -> int:
    """Add a ticket type to ``venue_id`` (``type_id`` ``None``; its code is made from the
    name, e.g. ``Student`` -> ``student``) or rename / reorder / (de)activate one; returns
    its id. An inactive type is no longer offered in price grids and rules; its prices
    and sold tickets stay. The full type cannot be deactivated.

    Raises:
        InvalidInputError: empty or too long name, a name or code the venue already has,
            or deactivating the full type.
        NotFoundError: no such venue or type.
        PermissionDeniedError: the actor may not change prices.
    """
    authorize(session, PRICES)
    name = (name or "").strip()
    if not name or len(name) > 60:
        raise InvalidInputError("A ticket type needs a name of at most 60 characters.")
    code = "".join(ch if ch.isalnum() else "_" for ch in name.lower()).strip("_") or "type"
    if not code[0].isalpha():
        code = "t_" + code
    with unit_of_work(session):
        if session.get(Venue, venue_id) is None:
            raise NotFoundError(f"Venue {venue_id} does not exist.")
        same = func.lower(TicketType.name) == name.lower()
        if type_id is None:  # a new type also needs a code of its own
            same = same | (TicketType.code == code[:30])
        clash = session.scalar(
            select(TicketType.id).where(TicketType.venue_id == venue_id, same, TicketType.id != (type_id or 0))
        )
        if clash is not None:
            raise InvalidInputError(f"This venue already has a ticket type called {name!r}.")
        if type_id is None:
            row_code = code[:30]
        else:
            row_code = session.scalar(
                select(TicketType.code).where(TicketType.id == type_id, TicketType.venue_id == venue_id)
            )
            if row_code is None:
                raise NotFoundError(f"Ticket type {type_id} does not exist.")
            if row_code == pricing.FULL and not active:
                raise InvalidInputError("The full price type cannot be switched off.")
        # bo_ticket_type_save (migration 0013): the database checks the caller and the values
        saved_id = session.execute(
            text("SELECT bo_ticket_type_save(:id, :venue, :code, :name, :pos, :active)"),
            {"id": type_id, "venue": venue_id, "code": row_code, "name": name, "pos": position, "active": active},
        ).scalar_one()
        audit.record(
            session,
            action="ticket_type.save",
            target=f"ticket type {saved_id}",
            details={
                "venue_id": venue_id,
                "code": row_code,
                "name": name,
                "position": position,
                "active": active,
                "new": type_id is None,
            },
        )
        return saved_id
