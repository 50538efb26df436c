"""Money, dates and times written and read the way a locale writes them (Babel, no Qt).

Locales are CLDR/POSIX names such as ``"de_DE"``, ``"en_GB"`` or ``"fr_FR"`` (a bare
language such as ``"de"`` works too). Money stays in integer minor units everywhere
else; only these functions turn it into text and back.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Literal
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError, dates, numbers

from boxoffice.domain.errors import InvalidInputError
from boxoffice.domain.money import MAX_AMOUNT_MINOR

DEFAULT_LOCALE = "en_GB"
_SPACES = {" ", "\u00a0", "\u202f", "\u2009", "'", "’"}


def normalize_locale(name: str | None) -> str:
    """A Babel-usable locale name for ``name`` (``"de"``, ``"de-DE"``, ``"de_DE.UTF-8"``,
    ``"C"``/``None`` -> :data:`DEFAULT_LOCALE`). Unknown names fall back to the default."""
    if not name or name in {"C", "POSIX"}:
        return DEFAULT_LOCALE
    cleaned = name.split(".")[0].split("@")[0].replace("-", "_")
    try:
        return str(Locale.parse(cleaned))
    except (ValueError, UnknownLocaleError):
        return DEFAULT_LOCALE


def _digits(currency: str) -> int:
    return numbers.get_currency_precision(currency)


def format_money(amount_minor: int, currency: str, locale: str) -> str:
    """``amount_minor`` (e.g. ``2050``) of ``currency`` (ISO 4217, e.g. ``"EUR"``) as
    ``locale`` writes it: ``"€20.50"`` in en_GB, ``"20,50 €"`` in de_DE."""
    value = Decimal(int(amount_minor)).scaleb(-_digits(currency))
    return numbers.format_currency(value, currency, locale=normalize_locale(locale))


def format_amount(amount_minor: int, currency: str, locale: str) -> str:
    """Like :func:`format_money` without the currency sign and grouping (``"20,50"`` in
    de_DE): what an entry field shows for editing; :func:`parse_money` reads it back."""
    digits = _digits(currency)
    value = Decimal(int(amount_minor)).scaleb(-digits)
    pattern = "0" if digits == 0 else "0." + "0" * digits
    return numbers.format_decimal(value, format=pattern, locale=normalize_locale(locale))


def parse_money(text: str, currency: str, locale: str) -> int:
    """Read an amount a person typed (``"20,50"``, ``"20,50 €"``, ``"1.020,50"`` in
    de_DE; ``"€20.50"``, ``"1,020.50"`` in en_GB) into minor units of ``currency``.

    The decimal separator is the locale's: in de_DE ``"20.50"`` is refused rather than
    read as 2050, since a cashier who meant twenty euros fifty must not be charged more.

    Raises:
        InvalidInputError: empty, not a number in this locale, negative, more decimals
            than the currency has, or absurdly large.
    """
    loc = normalize_locale(locale)
    raw = str(text).strip()
    cleaned = raw
    signs = {currency, numbers.get_currency_symbol(currency, locale=loc), "€", "$", "£"}
    for sign in sorted(signs, key=len, reverse=True):  # "£GB" (fr_FR) before "£"
        cleaned = cleaned.replace(sign, "")
    cleaned = "".join(ch for ch in cleaned if ch not in _SPACES)
    if cleaned.startswith(("-", "−")):
        raise InvalidInputError("An amount of money cannot be negative")
    decimal_sign = numbers.get_decimal_symbol(loc)
    if not cleaned or not any(ch.isdigit() for ch in cleaned):
        raise InvalidInputError(f"{raw!r} is not an amount of money")
    try:
        value = numbers.parse_decimal(cleaned, locale=loc, strict=True)
    except (numbers.NumberFormatError, InvalidOperation, ValueError):
        raise InvalidInputError(
            f"{raw!r} is not an amount of money (the decimal sign here is {decimal_sign!r}, e.g. 20{decimal_sign}50)"
        ) from None
    if value < 0:
        raise InvalidInputError("An amount of money cannot be negative")
    digits = _digits(currency)
    if not value.is_finite() or value.adjusted() > 20:  # "1E100": far too large, and quantize would overflow
        raise InvalidInputError(f"{raw!r} is too large to be a real amount")
    if value != value.quantize(Decimal(1).scaleb(-digits)):
        raise InvalidInputError(f"{raw!r} has more than {digits} decimal places")
    minor = int(value.scaleb(digits))
    if minor > MAX_AMOUNT_MINOR:
        raise InvalidInputError(f"{raw!r} is too large to be a real amount")
    return minor


def _zone(tz: str | dt.tzinfo | None) -> dt.tzinfo | None:
    return ZoneInfo(tz) if isinstance(tz, str) else tz


def format_datetime(moment: dt.datetime, tz: str | dt.tzinfo | None, locale: str, *, date: str = "yMMMEd") -> str:
    """An aware ``moment`` in time zone ``tz`` (name, tzinfo, or ``None``: the computer's)
    as a date and a short time, e.g. ``"Sat, 5 Dec 2026, 19:30"`` (en_GB) or
    ``"Sa., 5. Dez. 2026, 19:30"`` (de_DE). ``date`` is a CLDR skeleton for the date part
    (``"yMMMMEEEEd"`` for the long form, ``"MMMd"`` for day and month)."""
    loc = normalize_locale(locale)
    joined = str(dates.get_datetime_format("medium", locale=loc))
    return joined.replace("{1}", format_date(moment, tz, loc, date=date)).replace("{0}", format_time(moment, tz, loc))


def format_date(moment: dt.datetime, tz: str | dt.tzinfo | None, locale: str, *, date: str = "yMMMEd") -> str:
    """The date of an aware ``moment`` in ``tz`` after the CLDR skeleton ``date``."""
    local = moment.astimezone(_zone(tz))
    return dates.format_skeleton(date, local, locale=normalize_locale(locale))


def format_time(moment: dt.datetime, tz: str | dt.tzinfo | None, locale: str) -> str:
    """The short time of an aware ``moment`` in ``tz`` (``"19:30"``; ``"7:30 PM"`` in en_US)."""
    local = moment.astimezone(_zone(tz))
    return dates.format_time(local, "short", locale=normalize_locale(locale))


def format_number(value: int | Decimal, locale: str) -> str:
    """``value`` with the locale's grouping and decimal sign (``"1.234"`` in de_DE)."""
    return numbers.format_decimal(value, locale=normalize_locale(locale))


def weekday_names(locale: str, width: Literal["abbreviated", "short", "wide"] = "abbreviated") -> list[str]:
    """Monday to Sunday as the locale names them (``["Mo.", "Di.", …]`` in de_DE);
    ``width`` is ``"abbreviated"``, ``"short"`` or ``"wide"``."""
    names = dates.get_day_names(width, locale=normalize_locale(locale))
    return [names[i] for i in range(7)]
