"""VAT included in prices: the per-rate breakdown printed on receipts.

Prices are VAT-inclusive (the customer pays the gross price). For each rate on a receipt
the gross amounts of the lines at that rate are added up first, and the VAT in that
total is

    VAT = gross × rate / (1 + rate)

rounded half-up to a whole minor unit (half away from zero for refunds), once per rate
total, never per line; net = gross − VAT. Rates are integers in basis points
(1 bp = 0.01 %, so 2000 = 20 %, 700 = 7 %); amounts are integers in minor units.
Pure arithmetic: no floats, no Qt, no database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

BP = 10_000
"""Basis points in 100 %."""


def vat_included(gross_minor: int, rate_bp: int) -> int:
    """The VAT included in ``gross_minor`` (minor units, VAT-inclusive) at ``rate_bp``
    basis points: ``gross × rate / (1 + rate)`` rounded half-up (a negative gross, e.g. a
    refund, rounds half away from zero, so it mirrors the sale exactly).

    >>> vat_included(1000, 2000)  # 10.00 at 20 %: 1.666… -> 1.67
    167
    >>> vat_included(-1000, 2000)
    -167

    Raises:
        ValueError: ``rate_bp`` outside 0 to 10000.
    """
    if not 0 <= rate_bp <= BP:
        raise ValueError(f"A VAT rate is 0 to {BP} basis points, not {rate_bp}.")
    sign = -1 if gross_minor < 0 else 1
    numerator = abs(int(gross_minor)) * rate_bp
    denominator = BP + rate_bp
    return sign * ((2 * numerator + denominator) // (2 * denominator))


def rate_text(rate_bp: int) -> str:
    """A rate as printed: ``"20%"``, ``"7.7%"``, ``"5.5%"``, ``"0%"``."""
    whole, frac = divmod(int(rate_bp), 100)
    return f"{whole}%" if frac == 0 else f"{whole}.{frac:02d}".rstrip("0") + "%"


@dataclass(frozen=True)
class VatLine:
    """One rate's share of a receipt: ``gross_minor`` (what the lines at this rate cost,
    VAT included), ``vat_minor`` in it and ``net_minor`` = gross − VAT, all minor units."""

    rate_bp: int
    gross_minor: int
    vat_minor: int

    @property
    def net_minor(self) -> int:
        """The amount without VAT."""
        return self.gross_minor - self.vat_minor


def vat_breakdown(lines: Iterable[tuple[int, int]]) -> list[VatLine]:
    """Group ``(gross_minor, rate_bp)`` pairs by rate and compute each rate's VAT from its
    total (see the module's rule). Returns one :class:`VatLine` per rate, highest rate
    first; rates whose lines add up to zero are left out.

    Raises:
        ValueError: a rate outside 0 to 10000 basis points.
    """
    totals: dict[int, int] = {}
    for gross, rate in lines:
        totals[int(rate)] = totals.get(int(rate), 0) + int(gross)
    return [
        VatLine(rate, gross, vat_included(gross, rate)) for rate, gross in sorted(totals.items(), reverse=True) if gross
    ]
