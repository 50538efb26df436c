"""Promo codes (migration 0021): managing them, and pricing a basket with one.

A code takes a percentage (1-100) or a fixed amount (minor units, at most the ticket's
price) off each eligible ticket; eligible means matching every scope the code has (show,
showtime, price category, ticket type). The database decides everything: validity
window, usage limits (total, and per customer = per e-mail for now) and the discounts
(``bo_promo_discount``, ``bo_promo_quote``); a sale records one use of the code per order, and no race can
exceed a limit (trigger ``promo_redemption_limits``). Managing needs ``prices``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass

from sqlalchemy import bindparam, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session
from sqlalchemy.types import Integer

from boxoffice.domain.errors import InvalidInputError
from boxoffice.domain.roles import PRICES, SELL
from boxoffice.services.auth import authorize
from boxoffice.services.errors import unit_of_work

KINDS = ("percent", "amount")

_LIST = text(
    "SELECT c.id, c.code, c.description, c.kind, c.percent, c.amount_minor, c.show_id, c.showtime_id, "
    "c.category_id, c.ticket_type_id, c.valid_from, c.valid_until, c.max_uses, c.max_uses_per_customer, "
    "c.active, u.uses, c.redemptions FROM promo_code c JOIN promo_code_usage u ON u.code_id = c.id ORDER BY c.code"
)
_SAVE = text("SELECT bo_promo_save(:id, CAST(:data AS jsonb))")
_ACTIVE = text("SELECT bo_promo_set_active(:id, :active)")
_RESET = text("SELECT bo_promo_reset_usage(:id)")
_QUOTE = text(
    "SELECT code_id, code, discounts FROM bo_promo_quote(:code, :showtime, :seats, :types, CAST(:ga AS jsonb), :email)"
).bindparams(bindparam("seats", type_=ARRAY(Integer)), bindparam("types", type_=ARRAY(Integer)))


@dataclass(frozen=True)
class PromoDraft:
    """What a manager types for a code. ``kind`` is ``percent`` (``percent`` 1-100) or
    ``amount`` (``amount_minor`` off each eligible ticket, minor units). Scope ids are
    ``None`` for "any"; times are aware (``None``: open-ended); limits ``None``: none."""

    code: str
    kind: str
    percent: int | None = None
    amount_minor: int | None = None
    description: str = ""
    show_id: int | None = None
    showtime_id: int | None = None
    category_id: int | None = None
    ticket_type_id: int | None = None
    valid_from: dt.datetime | None = None
    valid_until: dt.datetime | None = None
    max_uses: int | None = None
    max_uses_per_customer: int | None = None
    active: bool = True


@dataclass(frozen=True)
class PromoCode(PromoDraft):
    """A stored code with ``uses`` (counted since its last reset: sold orders plus live
    pending web bookings) and ``redemptions`` (every use ever, resets included)."""

    id: int = 0
    uses: int = 0
    redemptions: int = 0


@dataclass(frozen=True)
class PromoQuote:
    """A code applied to basket lines: ``discounts`` parallel to the lines (minor units)."""

    code_id: int
    code: str
    discounts: list[int]

    @property
    def total_minor(self) -> int:
        """The whole basket's discount (minor units)."""
        return sum(self.discounts)


def list_codes(session: Session) -> list[PromoCode]:
    """Every promo code with its usage, by code.

    Raises:
        PermissionDeniedError: the actor may not change prices.
    """
    authorize(session, PRICES)
    with unit_of_work(session):
        rows = session.execute(_LIST).mappings().all()
    return [
        PromoCode(
            **{k: v for k, v in r.items() if k not in ("uses", "redemptions")},
            uses=r["uses"],
            redemptions=r["redemptions"],
        )
        for r in rows
    ]


def _check(draft: PromoDraft) -> None:
    if draft.kind not in KINDS:
        raise InvalidInputError("A promo code takes a percentage or an amount off.")
    if draft.kind == "percent" and not (draft.percent and 1 <= draft.percent <= 100):
        raise InvalidInputError("The percentage must be from 1 to 100.")
    if draft.kind == "amount" and not (draft.amount_minor and draft.amount_minor > 0):
        raise InvalidInputError("The amount off must be more than zero.")
    for moment in (draft.valid_from, draft.valid_until):
        if moment is not None and moment.tzinfo is None:
            raise InvalidInputError("Validity times need a time zone.")
    if draft.valid_from and draft.valid_until and draft.valid_until <= draft.valid_from:
        raise InvalidInputError("A promo code must end after it starts.")


def save_code(session: Session, draft: PromoDraft, *, code_id: int | None = None) -> int:
    """Create (``code_id`` ``None``) or change a promo code; returns its id. The code is
    stored upper case (3-30 letters, digits, ``-`` or ``_``) and must be unique.

    Raises:
        InvalidInputError: a bad value, or the code exists already.
        NotFoundError: no code ``code_id``.
        PermissionDeniedError: the actor may not change prices (the database decides).
    """
    authorize(session, PRICES)
    _check(draft)
    data = asdict(draft)
    if draft.kind == "percent":
        data["amount_minor"] = None
    else:
        data["percent"] = None
    for key in ("valid_from", "valid_until"):
        data[key] = data[key].isoformat() if data[key] else None
    with unit_of_work(session):
        return session.execute(_SAVE, {"id": code_id, "data": json.dumps(data)}).scalar_one()


def set_active(session: Session, code_id: int, *, active: bool) -> None:
    """Switch a code on or off (off: refused everywhere from now on).

    Raises: NotFoundError, PermissionDeniedError.
    """
    authorize(session, PRICES)
    with unit_of_work(session):
        session.execute(_ACTIVE, {"id": code_id, "active": active})


def reset_usage(session: Session, code_id: int) -> None:
    """Count the code's uses from zero again (the earlier uses stay on their orders).

    Raises: NotFoundError, PermissionDeniedError.
    """
    authorize(session, PRICES)
    with unit_of_work(session):
        session.execute(_RESET, {"id": code_id})


def quote_basket(
    session: Session,
    *,
    code: str,
    showtime_id: int,
    seat_ids: list[int],
    ticket_types: dict[int, int] | None = None,
    ga: dict[int, int] | None = None,
    email: str | None = None,
) -> PromoQuote:
    """What ``code`` takes off a counter basket at ``showtime_id`` (``bo_promo_quote``):
    ``seat_ids`` as ``ticket_types`` (seat id -> type id; missing: full), ``ga`` area id
    -> places (full). The database prices the lines itself, as the sale will, and uses
    nothing. ``discounts`` are in the sale's line order: seats by id, then each GA place
    by area id.

    Raises:
        PromoCodeError: unknown or disabled, not valid now, applies to nothing, used up,
            the customer's limit reached, or an e-mail is needed (``details['reason']``).
        PermissionDeniedError: the actor may not sell.
    """
    authorize(session, SELL)
    if not code.strip():
        raise InvalidInputError("Type a promo code.")
    seats = sorted({int(s) for s in seat_ids})
    types = [(ticket_types or {}).get(s) for s in seats]
    with unit_of_work(session):
        row = session.execute(
            _QUOTE,
            {
                "code": code,
                "showtime": showtime_id,
                "seats": seats,
                "types": types,
                "ga": json.dumps({str(a): n for a, n in sorted((ga or {}).items()) if n}),
                "email": email,
            },
        ).one()
    return PromoQuote(row.code_id, row.code, list(row.discounts))


@dataclass(frozen=True)
class PromoScopes:
    """What a code can be limited to, as ``(id, label)`` lists for pickers, and the
    currency amounts are entered in (the first venue's)."""

    shows: list[tuple[int, str]]
    showtimes: list[tuple[int, str]]
    categories: list[tuple[int, str]]
    ticket_types: list[tuple[int, str]]
    currency: str


_SHOWS = text("SELECT id, title FROM show ORDER BY title, id")
_SHOWTIMES = text(
    "SELECT st.id, sh.title, st.starts_at, v.timezone FROM showtime st JOIN show sh ON sh.id = st.show_id "
    "JOIN venue v ON v.id = st.venue_id WHERE st.starts_at > now() - interval '1 day' AND st.status <> 'cancelled' "
    "ORDER BY st.starts_at LIMIT 500"
)
_CATEGORIES = text(
    "SELECT pc.id, pc.name, p.name AS plan, p.version FROM price_category pc JOIN seating_plan p ON p.id = pc.plan_id "
    "ORDER BY p.name, p.version DESC, pc.position, pc.id"
)
_TYPES = text("SELECT id, name FROM ticket_type WHERE active ORDER BY venue_id, position, id")
_CURRENCY = text("SELECT currency FROM venue ORDER BY id LIMIT 1")


def scope_choices(session: Session) -> PromoScopes:
    """The shows, coming showtimes (from yesterday on, 500 at most), price categories
    (with their plan) and offered ticket types a code can be limited to."""
    from zoneinfo import ZoneInfo

    authorize(session, PRICES)
    with unit_of_work(session):
        shows = [(r.id, r.title) for r in session.execute(_SHOWS)]
        showtimes = [
            (r.id, f"{r.title} · {r.starts_at.astimezone(ZoneInfo(r.timezone)):%Y-%m-%d %H:%M}")
            for r in session.execute(_SHOWTIMES)
        ]
        categories = [(r.id, f"{r.name} ({r.plan} v{r.version})") for r in session.execute(_CATEGORIES)]
        types = [(r.id, r.name) for r in session.execute(_TYPES)]
        currency = session.execute(_CURRENCY).scalar_one_or_none() or "GBP"
    return PromoScopes(shows, showtimes, categories, types, currency)
