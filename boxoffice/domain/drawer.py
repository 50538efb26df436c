"""The drawer's pure rules: denominations to count by, a count's total, and the errors of
the drawer functions (SQLSTATEs BO080-BO089 of migration 0015_drawer).

Amounts are integers in minor units (cents, pence). A *count* maps a denomination in
minor units to a number of pieces, e.g. ``{2000: 3, 50: 4}`` is 3 × 20.00 + 4 × 0.50.
"""

from __future__ import annotations

from collections.abc import Mapping

from boxoffice.domain.errors import BoxOfficeError, InvalidInputError

# Notes and coins in circulation, largest first (minor units).
DENOMINATIONS: dict[str, tuple[int, ...]] = {
    "EUR": (50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1),
    "GBP": (5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1),
    "USD": (10000, 5000, 2000, 1000, 500, 200, 100, 25, 10, 5, 1),
    "CHF": (100000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5),
}
MAX_PIECES = 999_999


def denominations(currency: str) -> tuple[int, ...]:
    """The notes and coins of ``currency`` (ISO 4217), largest first; the euro's for a
    currency not listed."""
    return DENOMINATIONS.get((currency or "").upper(), DENOMINATIONS["EUR"])


def count_total(counted: Mapping[int, int]) -> int:
    """The total in minor units of a count ``{denomination minor: pieces}``.

    Raises:
        InvalidInputError: a denomination below 1 or a number of pieces outside 0..999,999.
    """
    total = 0
    for denomination, pieces in counted.items():
        if int(denomination) < 1 or not 0 <= int(pieces) <= MAX_PIECES:
            raise InvalidInputError(f"A count of {pieces} × {denomination} is not possible.")
        total += int(denomination) * int(pieces)
    return total


def clean_count(counted: Mapping[int, int]) -> dict[int, int]:
    """The count without denominations of zero pieces, largest denomination first."""
    count_total(counted)
    return {int(d): int(n) for d, n in sorted(counted.items(), key=lambda kv: -int(kv[0])) if int(n)}


class NoOpenShiftError(BoxOfficeError):
    """Cash was taken or paid out at a till where the person has no open shift (BO080):
    ``details['till']`` names the till."""

    code = "no_open_shift"


class DrawerRecordFrozenError(BoxOfficeError):
    """A Z report, a closed shift or a drawer movement cannot change (BO081)."""

    code = "drawer_record_frozen"


class ShiftClosedError(BoxOfficeError):
    """The shift is already closed (BO082): ``details['z_number']`` is its Z report's number."""

    code = "shift_closed"


class ShiftAlreadyOpenError(BoxOfficeError):
    """The till or the person already has an open shift (BO083): ``details['till']``."""

    code = "shift_already_open"


class DrawerShortError(BoxOfficeError):
    """A drop or pay-out larger than the cash the drawer should hold (BO084):
    ``details['expected_minor']``."""

    code = "drawer_short"


def translate(state: str, detail: str | None, message: str) -> BoxOfficeError | None:
    """The domain error for a drawer SQLSTATE (``BO080``-``BO089``), or ``None``."""
    detail = detail or ""
    if state == "BO080":
        return NoOpenShiftError(
            f"Cash needs an open shift on this till ({detail}): open the drawer first (Drawer → Open shift).",
            till=detail,
        )
    if state == "BO081":
        return DrawerRecordFrozenError("Z reports, closed shifts and drawer movements can never be changed or deleted.")
    if state == "BO082":
        number = int(detail) if detail.isdigit() else None
        return ShiftClosedError(
            f"This shift is already closed (Z report {number})." if number else "This shift is already closed.",
            z_number=number,
        )
    if state == "BO083":
        return ShiftAlreadyOpenError(
            f"There is already an open shift on {detail}: close it first (a manager can close another's shift).",
            till=detail,
        )
    if state == "BO084":
        expected = int(detail) if detail.lstrip("-").isdigit() else None
        return DrawerShortError("The drawer does not hold that much cash.", expected_minor=expected)
    if state.startswith("BO08"):
        return InvalidInputError(message)
    return None
