"""Money in minor units (integers, e.g. cents) and its parsing and display.

ISO 4217 currencies used here have two decimal places; amounts are never floats.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from boxoffice.domain.errors import InvalidInputError

SYMBOLS = {"EUR": "€", "GBP": "£", "USD": "$", "CHF": "CHF "}
MAX_AMOUNT_MINOR = 10_000_000_00  # ten million in major units: anything above is a typo


def format_money(amount_minor: int, currency: str) -> str:
    """Format ``amount_minor`` (e.g. 1250) as ``"€12.50"``; negative amounts get a minus."""
    sign = "-" if amount_minor < 0 else ""
    major, minor = divmod(abs(int(amount_minor)), 100)
    symbol = SYMBOLS.get(currency, currency + " ")
    return f"{sign}{symbol}{major:,}.{minor:02d}"


def parse_money(text: str) -> int:
    """Parse what a cashier typed (``"20"``, ``"20.5"``, ``"€ 1,020.50"``) into minor units.

    Raises:
        InvalidInputError: not a number, negative, more than two decimals, or absurdly large.
    """
    cleaned = "".join(ch for ch in str(text) if ch.isdigit() or ch in ".-")
    if not cleaned or cleaned in {".", "-"}:
        raise InvalidInputError(f"{text!r} is not an amount of money")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise InvalidInputError(f"{text!r} is not an amount of money") from None
    if value < 0:
        raise InvalidInputError("An amount of money cannot be negative")
    if value != value.quantize(Decimal("0.01")):
        raise InvalidInputError(f"{text!r} has more than two decimal places")
    minor = int(value * 100)
    if minor > MAX_AMOUNT_MINOR:
        raise InvalidInputError(f"{text!r} is too large to be a real amount")
    return minor
