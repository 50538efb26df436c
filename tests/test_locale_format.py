"""Money, dates and times in a locale (boxoffice.domain.locale_format, Babel)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from boxoffice.domain.errors import InvalidInputError
from boxoffice.domain.locale_format import (
    format_amount,
    format_datetime,
    format_money,
    format_time,
    normalize_locale,
    parse_money,
)
from boxoffice.domain.money import MAX_AMOUNT_MINOR

LOCALES = ["en_GB", "de_DE", "fr_FR"]


@given(
    minor=st.integers(min_value=0, max_value=MAX_AMOUNT_MINOR),
    locale=st.sampled_from(LOCALES),
    currency=st.sampled_from(["EUR", "GBP", "CHF"]),
)
def test_formatted_money_reads_back_as_the_same_amount(minor, locale, currency):
    assert parse_money(format_money(minor, currency, locale), currency, locale) == minor
    assert parse_money(format_amount(minor, currency, locale), currency, locale) == minor


def test_money_is_written_the_locale_s_way():
    assert format_money(2050, "EUR", "en_GB") == "€20.50"
    assert format_money(2050, "EUR", "de_DE") == "20,50\xa0€"
    assert format_money(123456, "EUR", "de_DE") == "1.234,56\xa0€"
    assert format_money(-2050, "GBP", "en_GB") == "-£20.50"
    assert format_amount(2050, "EUR", "de_DE") == "20,50"


@pytest.mark.parametrize(
    "text, locale, minor",
    [
        ("20,50", "de_DE", 2050),
        ("20", "de_DE", 2000),
        ("1.020,50 €", "de_DE", 102050),
        ("20,5", "de", 2050),
        ("20.50", "en_GB", 2050),
        ("€ 1,020.50", "en_GB", 102050),
        ("1 020,50", "fr_FR", 102050),
    ],
)
def test_typed_amounts_are_read_in_the_locale(text, locale, minor):
    assert parse_money(text, "EUR", locale) == minor


@pytest.mark.parametrize(
    "text, locale, words",
    [
        ("20.50", "de_DE", "decimal sign here is ','"),  # not 2050: a German till writes 20,50
        ("abc", "de_DE", "not an amount"),
        ("", "en_GB", "not an amount"),
        ("-3", "en_GB", "negative"),
        ("20.505", "en_GB", "more than 2 decimal"),
        ("99999999999", "en_GB", "too large"),
        ("12,3,4", "de_DE", "not an"),
    ],
)
def test_garbage_is_refused_with_a_clear_message(text, locale, words):
    with pytest.raises(InvalidInputError, match=words):
        parse_money(text, "EUR", locale)


def test_dates_and_times_are_local_and_in_the_locale():
    moment = dt.datetime(2026, 12, 5, 18, 30, tzinfo=dt.UTC)
    assert format_datetime(moment, "Europe/Berlin", "en_GB") == "Sat, 5 Dec 2026, 19:30"
    assert format_datetime(moment, "Europe/Berlin", "de_DE") == "Sa., 5. Dez. 2026, 19:30"
    assert format_datetime(moment, "Europe/London", "de_DE", date="yMMMMEEEEd") == "Sa., 5. Dezember 2026, 18:30"
    assert format_time(moment, "America/New_York", "en_US") == "1:30\u202fPM"


def test_locale_names_are_normalised():
    assert normalize_locale("de-DE") == "de_DE"
    assert normalize_locale("de_DE.UTF-8") == "de_DE"
    assert normalize_locale("C") == normalize_locale(None) == normalize_locale("xx_YY") == "en_GB"


def test_weekday_names_come_from_the_locale():
    from boxoffice.domain.locale_format import weekday_names

    assert weekday_names("de_DE")[:2] == ["Mo.", "Di."] and weekday_names("en_GB")[6] == "Sun"


@given(text=st.text(max_size=12), locale=st.sampled_from(LOCALES))
def test_anything_typed_is_an_amount_or_a_clear_refusal(text, locale):
    """Whatever a cashier types is read as a whole number of minor units or refused with
    InvalidInputError (never another exception, never a fraction of a cent)."""
    try:
        value = parse_money(text, "EUR", locale)
    except InvalidInputError as exc:
        assert str(exc)
    else:
        assert isinstance(value, int) and 0 <= value <= MAX_AMOUNT_MINOR


@pytest.mark.parametrize(
    "locale, typed, minor", [("de_DE", "20,50", 2050), ("en_GB", "20.50", 2050), ("fr_FR", "20,5", 2050)]
)
def test_the_comma_is_the_decimal_sign_where_the_locale_says_so(locale, typed, minor):
    assert parse_money(typed, "EUR", locale) == minor
    if locale == "en_GB":  # here the comma groups thousands: "20,50" is no amount (not 2,050.00)
        with pytest.raises(InvalidInputError):
            parse_money("20,50", "EUR", locale)
