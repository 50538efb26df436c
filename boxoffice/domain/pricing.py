"""Prices of a showtime from base prices and price rules; series of showtimes.

Pure rules, no database and no Qt. Money is in minor units (integers); times are
timezone-aware. The services (``services/prices.py``, ``services/schedule.py``) load
rules and write the results.

**Price rules.** A showtime's *full* price of each category starts from the base price
given when scheduling. Rules that match the showtime (venue or plan, weekday, local start
time) then adjust it, in ``position`` order:

* rules for the ``full`` ticket type adjust the full price;
* every other ticket type (concession, child, ...) starts from the adjusted full price
  and is adjusted by its own rules; a type with no matching rule for a category is not
  offered for it (no price).

Adjustments: ``set`` an amount, ``add`` an amount (negative: a discount), ``percent``
(``-20`` = 20 % off), rounded half up to the minor unit; never below zero.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from boxoffice.domain.errors import InvalidInputError

MAX_PRICE_MINOR = 100_000_00  # 100,000.00: no ticket costs more; above is a typo
FULL = "full"
KINDS = ("set", "add", "percent")
WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")  # ISO 1..7


def check_price(price_minor: object, what: str = "price") -> int:
    """Return ``price_minor`` if it is a possible ticket price (an int from 0 to
    :data:`MAX_PRICE_MINOR`, minor units).

    Raises:
        InvalidInputError: not an integer, negative, or above 100,000.00.
    """
    if isinstance(price_minor, bool) or not isinstance(price_minor, int):
        raise InvalidInputError(f"The {what} must be a whole number of minor units, not {price_minor!r}.")
    if price_minor < 0:
        raise InvalidInputError(f"The {what} cannot be negative.")
    if price_minor > MAX_PRICE_MINOR:
        raise InvalidInputError(f"The {what} is more than 100,000.00; that cannot be a ticket price.")
    return price_minor


@dataclass(frozen=True)
class Rule:
    """A price rule (see the module docstring). ``weekdays``: ISO numbers (1 Monday ..
    7 Sunday); ``from_time``/``until_time``: local start-time window ``[from, until)``
    (``None``: open); ``category_id`` ``None``: every category; ``plan_id`` ``None``:
    every plan of the venue; ``amount_minor`` for ``set``/``add``, ``percent`` for
    ``percent``."""

    ticket_type_id: int
    kind: str
    amount_minor: int | None = None
    percent: Decimal | None = None
    weekdays: frozenset[int] = field(default_factory=lambda: frozenset(range(1, 8)))
    from_time: dt.time | None = None
    until_time: dt.time | None = None
    category_id: int | None = None
    plan_id: int | None = None
    position: int = 0
    name: str = ""
    id: int | None = None

    def matches(self, local_start: dt.datetime, plan_id: int) -> bool:
        """Whether the rule applies to a showtime of ``plan_id`` starting at
        ``local_start`` (in the venue's time zone)."""
        if self.plan_id is not None and self.plan_id != plan_id:
            return False
        if local_start.isoweekday() not in self.weekdays:
            return False
        t = local_start.time().replace(tzinfo=None)
        if self.from_time is not None and t < self.from_time:
            return False
        return not (self.until_time is not None and t >= self.until_time)

    def apply(self, price_minor: int) -> int:
        """The price after this rule's adjustment (never below zero)."""
        if self.kind == "set":
            return int(self.amount_minor or 0)
        if self.kind == "add":
            return max(0, price_minor + int(self.amount_minor or 0))
        factor = (Decimal(100) + Decimal(self.percent or 0)) / Decimal(100)
        return max(0, int((Decimal(price_minor) * factor).quantize(Decimal(1), rounding=ROUND_HALF_UP)))

    def describe(self, currency_format=lambda m: f"{m / 100:.2f}") -> str:
        """A short human description: ``Sat Sun · before 17:00 · −20 %``."""
        days = "every day" if len(self.weekdays) == 7 else " ".join(WEEKDAY_NAMES[d - 1] for d in sorted(self.weekdays))
        window = ""
        if self.from_time and self.until_time:
            window = f" · {self.from_time:%H:%M}–{self.until_time:%H:%M}"
        elif self.from_time:
            window = f" · from {self.from_time:%H:%M}"
        elif self.until_time:
            window = f" · before {self.until_time:%H:%M}"
        if self.kind == "set":
            how = f"= {currency_format(self.amount_minor or 0)}"
        elif self.kind == "add":
            amount = self.amount_minor or 0
            how = f"{'+' if amount >= 0 else '−'}{currency_format(abs(amount))}"
        else:
            pct = Decimal(self.percent or 0)
            how = f"{'+' if pct >= 0 else '−'}{abs(pct).normalize():f} %"
        return f"{days}{window} · {how}"


def check_rule(rule: Rule) -> Rule:
    """Return ``rule`` if it is well formed.

    Raises:
        InvalidInputError: unknown kind, no weekday or one outside 1..7, an empty or
            reversed time window, a missing/negative/absurd amount, or a percentage
            outside -100..1000.
    """
    if rule.kind not in KINDS:
        raise InvalidInputError(f"A price rule sets, adds or takes a percentage, not {rule.kind!r}.")
    if not rule.weekdays or not set(rule.weekdays) <= set(range(1, 8)):
        raise InvalidInputError("A price rule needs at least one day of the week.")
    if rule.from_time and rule.until_time and rule.from_time >= rule.until_time:
        raise InvalidInputError("A price rule's time window must end after it starts.")
    if rule.kind == "percent":
        if rule.percent is None or not Decimal(-100) <= Decimal(rule.percent) <= Decimal(1000):
            raise InvalidInputError("A percentage must be between −100 and 1000.")
    elif rule.kind == "set":
        check_price(rule.amount_minor, "rule's price")
    else:
        if isinstance(rule.amount_minor, bool) or not isinstance(rule.amount_minor, int):
            raise InvalidInputError("A price rule that adds needs an amount.")
        if abs(rule.amount_minor) > MAX_PRICE_MINOR:
            raise InvalidInputError("The amount is more than 100,000.00; that cannot be a price change.")
    return rule


def compute_prices(
    base: dict[int, int],
    *,
    ticket_types: dict[int, str],
    rules: list[Rule],
    starts_at: dt.datetime,
    timezone: str,
    plan_id: int,
) -> dict[tuple[int, int], int]:
    """Prices of one showtime: ``{(category_id, ticket_type_id): price_minor}``.

    ``base`` maps category id to its base full price; ``ticket_types`` maps ticket type
    id to its code (exactly one must be ``"full"``); ``rules`` are the venue's active
    rules (any order: applied by ``position``, then id); ``starts_at`` is aware and
    rules see it in ``timezone`` (IANA name).

    Raises:
        InvalidInputError: a naive start, no full ticket type, or a resulting price
            above :data:`MAX_PRICE_MINOR` (or a base price that is not a price).
    """
    if starts_at.tzinfo is None:
        raise InvalidInputError("A showtime's start must be timezone-aware.")
    full = [tid for tid, code in ticket_types.items() if code == FULL]
    if len(full) != 1:
        raise InvalidInputError("The venue needs exactly one 'full' ticket type.")
    full_id = full[0]
    local = starts_at.astimezone(ZoneInfo(timezone))
    matching = sorted(
        (r for r in rules if r.matches(local, plan_id)), key=lambda r: (r.position, r.id if r.id is not None else 0)
    )
    prices: dict[tuple[int, int], int] = {}
    for category_id, base_price in base.items():
        price = check_price(base_price, "base price")
        for rule in matching:
            if rule.ticket_type_id == full_id and rule.category_id in (None, category_id):
                price = rule.apply(price)
        prices[(category_id, full_id)] = price
        for type_id in ticket_types:
            if type_id == full_id:
                continue
            own = [r for r in matching if r.ticket_type_id == type_id and r.category_id in (None, category_id)]
            if not own:
                continue
            typed = price
            for rule in own:
                typed = rule.apply(typed)
            prices[(category_id, type_id)] = typed
    for price in prices.values():
        if price > MAX_PRICE_MINOR:
            raise InvalidInputError(f"Price rules make a price of {price / 100:,.2f}, more than 100,000.00.")
    return prices


# ---------------------------------------------------------------------------
# Series of showtimes
# ---------------------------------------------------------------------------

MAX_SERIES = 1000  # showtimes in one series: more is a typo in the date range


def series_starts(
    *, first_day: dt.date, last_day: dt.date, weekdays: set[int] | frozenset[int], times: list[dt.time], timezone: str
) -> list[dt.datetime]:
    """The start times of a series, sorted: every ``times`` entry (local wall-clock time
    in ``timezone``) on every day from ``first_day`` to ``last_day`` inclusive whose ISO
    weekday (1 Monday .. 7 Sunday) is in ``weekdays``. Times are aware (the venue's zone);
    a wall-clock time that does not exist on a day (clocks going forward) is moved by the
    zone rules as ``zoneinfo`` does (fold 0).

    Raises:
        InvalidInputError: the series ends before it starts, no weekday, no time, or
            more than :data:`MAX_SERIES` showtimes.
    """
    if last_day < first_day:
        raise InvalidInputError("The series ends before it starts: pick a last day on or after the first.")
    if not weekdays:
        raise InvalidInputError("Pick at least one day of the week.")
    if not set(weekdays) <= set(range(1, 8)):
        raise InvalidInputError("Days of the week are 1 (Monday) to 7 (Sunday).")
    if not times:
        raise InvalidInputError("Give at least one start time.")
    zone = ZoneInfo(timezone)
    starts = []
    day = first_day
    while day <= last_day:
        if day.isoweekday() in weekdays:
            for t in sorted(set(times)):
                starts.append(dt.datetime.combine(day, t.replace(tzinfo=None), tzinfo=zone))
                if len(starts) > MAX_SERIES:
                    raise InvalidInputError(f"That is more than {MAX_SERIES} showtimes; shorten the date range.")
        day += dt.timedelta(days=1)
    return starts


def overlaps(a_start: dt.datetime, a_end: dt.datetime, b_start: dt.datetime, b_end: dt.datetime) -> bool:
    """Whether ``[a_start, a_end)`` and ``[b_start, b_end)`` overlap."""
    return a_start < b_end and b_start < a_end


def parse_times(text: str) -> list[dt.time]:
    """Parse start times typed as ``"14:30, 19:30"`` (or ``"1430 1930"``), sorted, unique.

    Raises:
        InvalidInputError: a part that is not a time of day.
    """
    out = set()
    for part in text.replace(";", ",").replace(" ", ",").split(","):
        part = part.strip()
        if not part:
            continue
        digits = part.replace(":", "").replace(".", "")
        if not digits.isdigit() or len(digits) not in (3, 4):
            raise InvalidInputError(f"{part!r} is not a time of day (use 19:30).")
        hour, minute = int(digits[:-2]), int(digits[-2:])
        if hour > 23 or minute > 59:
            raise InvalidInputError(f"{part!r} is not a time of day (use 19:30).")
        out.add(dt.time(hour, minute))
    return sorted(out)
