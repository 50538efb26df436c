"""The refund policy of bookings: how much of the price comes back, by time to the start.

========================================  ===========================================
time left before the showtime starts      refund
========================================  ===========================================
48 hours or more                           100 % of the booking's total
at least 2 hours, less than 48 hours       50 % (rounded up to the minor unit)
less than 2 hours, or after the start      no refund: the request is refused and the
                                           tickets stay valid
the venue cancelled the showtime           100 %, whenever asked
========================================  ===========================================

A refund always covers the whole booking: every ticket is voided and every seat goes
back on sale.

The database applies the same table with its own clock (``bo_refund_booking``,
migration 0012), which is what refunds a booking; this module states the rule for
people and tests. Change both together.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from boxoffice.domain.errors import InvalidInputError, RefundNotAllowedError

FULL_REFUND_UNTIL = dt.timedelta(hours=48)
HALF_REFUND_UNTIL = dt.timedelta(hours=2)


@dataclass(frozen=True)
class RefundDecision:
    """What the policy grants: ``amount_minor`` (minor units), ``percent`` of the total
    and ``rule``, a short human description recorded with the refund."""

    amount_minor: int
    percent: int
    rule: str


def decide_refund(
    *, total_minor: int, starts_at: dt.datetime, now: dt.datetime, showtime_cancelled: bool = False
) -> RefundDecision:
    """Apply the policy to a booking of ``total_minor`` for a showtime at ``starts_at``
    (aware) when asked at ``now`` (aware).

    Raises:
        RefundNotAllowedError: less than 2 hours before the start, or after it.
        InvalidInputError: a naive time or a negative total.
    """
    if starts_at.tzinfo is None or now.tzinfo is None:
        raise InvalidInputError("Refund times must be timezone-aware.")
    if total_minor < 0:
        raise InvalidInputError("A booking total cannot be negative.")
    if showtime_cancelled:
        return RefundDecision(total_minor, 100, "showtime cancelled by the venue: full refund")
    left = starts_at - now
    if left >= FULL_REFUND_UNTIL:
        return RefundDecision(total_minor, 100, "48 hours or more before the start: full refund")
    if left >= HALF_REFUND_UNTIL:
        return RefundDecision((total_minor + 1) // 2, 50, "2 to 48 hours before the start: half refund")
    raise RefundNotAllowedError(
        "Refunds close 2 hours before the showtime starts; the tickets remain valid.",
        starts_at=starts_at.isoformat(),
    )
