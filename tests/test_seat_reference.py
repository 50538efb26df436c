"""Seat references typed at the till (domain/seat_reference.py): examples and properties."""

from __future__ import annotations

import pytest
from hypothesis import example, given, strategies as st

from boxoffice.domain.errors import InvalidInputError
from boxoffice.domain.seat_reference import (
    SeatReference,
    find_seats,
    matches,
    normalise,
    parse_seat_reference,
)

letters = st.text(alphabet="ABCDEFGHJKLMNOPQRSTUVWXYZabcdefghjk", min_size=1, max_size=3)
numbers = st.integers(min_value=1, max_value=999).map(str)
section_words = st.lists(st.one_of(letters, numbers), min_size=1, max_size=3).map(" ".join)
separators = st.sampled_from([" ", "  ", "-", " - ", "/", ", ", "."])


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("K14", SeatReference(None, "K", "14")),
        ("k 14", SeatReference(None, "k", "14")),
        ("112 K 14", SeatReference("112", "K", "14")),
        ("112K14", SeatReference("112", "K", "14")),
        ("Stalls K-14", SeatReference("Stalls", "K", "14")),
        ("Upper Circle B 3", SeatReference("Upper Circle", "B", "3")),
        ("12 5", SeatReference(None, "12", "5")),
        ("  AA/101 ", SeatReference(None, "AA", "101")),
    ],
)
def test_examples(typed, expected):
    assert parse_seat_reference(typed) == expected


@pytest.mark.parametrize("typed", ["", "   ", "14", "K", "--", "x" * 61])
def test_nonsense_is_refused_with_a_message(typed):
    with pytest.raises(InvalidInputError):
        parse_seat_reference(typed)


@given(row=letters, seat=numbers, sep=st.sampled_from(["", " ", "-", " / "]))
@example(row="K", seat="14", sep="")
def test_row_and_seat_round_trip(row, seat, sep):
    ref = parse_seat_reference(f"{row}{sep}{seat}")
    assert (ref.section, ref.row, ref.seat) == (None, row, seat)


@given(section=section_words, row=letters, seat=numbers, sep=separators)
@example(section="112", row="K", seat="14", sep=" ")
def test_section_row_and_seat_round_trip(section, row, seat, sep):
    ref = parse_seat_reference(f"{section}{sep}{row}{sep}{seat}")
    assert (normalise(ref.row), normalise(ref.seat)) == (normalise(row), normalise(seat))
    assert matches(ref, section=section, row=row, seat=seat)
    assert parse_seat_reference(ref.text()) == ref


@given(st.text(max_size=80))
def test_any_text_parses_or_is_refused_cleanly(typed):
    try:
        ref = parse_seat_reference(typed)
    except InvalidInputError as exc:
        assert str(exc)
    else:
        assert ref.row and ref.seat


@given(row=letters, seat=st.integers(1, 999), zeros=st.integers(0, 2))
def test_case_and_leading_zeros_do_not_matter(row, seat, zeros):
    ref = parse_seat_reference(f"{row.lower()}{'0' * zeros}{seat}")
    assert matches(ref, section="Stalls", row=row.upper(), seat=str(seat))
    assert not matches(ref, section="Stalls", row=row.upper(), seat=str(seat + 1))


def test_find_seats_by_row_and_seat_and_by_section():
    seats = [
        (1, "Block 111", "K", "14"),
        (2, "Block 112", "K", "14"),
        (3, "Block 112", "K", "15"),
        (4, "Stalls", "k", "014"),
    ]
    assert find_seats(parse_seat_reference("K14"), seats) == [1, 2, 4]
    assert find_seats(parse_seat_reference("112 K 14"), seats) == [2]
    assert find_seats(parse_seat_reference("block 112 k 15"), seats) == [3]
    assert find_seats(parse_seat_reference("12 K 14"), seats) == []  # "12" is not the end of "112"
