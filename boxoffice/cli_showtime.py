"""``boxoffice showtime``: scheduling from the command line.

    boxoffice showtime add --venue NAME [--hall NAME] --show TITLE --at ISO-DATETIME
                           [--plan NAME] [--price CATEGORY=AMOUNT ...] [--json]

schedules one showtime (``services/showtime_add.py``): the hall's newest seating plan
(``--hall`` may be left out when the venue has one hall), full prices from ``--price`` or
else as at the plan's last showtime, adjusted by the venue's price rules. ``--at`` is an
ISO date and time, in the venue's time zone unless it carries an offset. It acts as the
login of the database URL (the embedded server's superuser, or a manager's own login on a
central server); the database refuses a cashier. Exit status 1 with a one-line error when
it cannot be scheduled (an overlap in the hall, a start in the past, a missing price).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from boxoffice.config import Settings


def _when(value: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date and time (2026-12-05T19:30): {value!r}") from None


def _price(value: str) -> tuple[str, str]:
    name, sep, amount = value.rpartition("=")
    if not sep or not name.strip() or not amount.strip():
        raise argparse.ArgumentTypeError(f"a price is CATEGORY=AMOUNT, e.g. Stalls=24.50: {value!r}")
    return name.strip(), amount.strip()


def add_parser(sub) -> None:
    """Add the ``showtime`` subcommand group to the ``sub`` subparsers of ``boxoffice``."""
    showtime = sub.add_parser("showtime", help="schedule showtimes from the command line")
    actions = showtime.add_subparsers(dest="showtime_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="schedule one showtime (prices from the plan's categories and price rules)")
    add.add_argument("--venue", required=True, help="the venue's name")
    add.add_argument("--hall", help="the hall or screen (default: the venue's only hall)")
    add.add_argument("--show", required=True, help="the show's title")
    add.add_argument(
        "--at", required=True, type=_when, help="start, ISO (venue's local time unless an offset is given)"
    )
    add.add_argument("--plan", help="the seating plan's name (default: the hall's newest plan)")
    add.add_argument(
        "--price",
        action="append",
        type=_price,
        default=[],
        metavar="CATEGORY=AMOUNT",
        help="full price of a category, e.g. Stalls=24.50 (default: as at the plan's last showtime)",
    )
    add.add_argument("--json", action="store_true", help="print the showtime as JSON (prices in minor units)")


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run ``boxoffice showtime ...``; returns the exit status.

    Raises:
        BoxOfficeError: the database or the rules refused (printed as one line by ``cli.main``).
    """
    from boxoffice.domain.money import format_money, parse_money
    from boxoffice.runtime import open_database
    from boxoffice.services.showtime_add import add_showtime

    db = open_database(settings, application_name="boxoffice-cli")
    try:
        with db.session_factory() as session:
            prices = {name: parse_money(amount) for name, amount in args.price} or None
            added = add_showtime(
                session,
                venue_name=args.venue,
                hall_name=args.hall,
                show_title=args.show,
                starts_at=args.at,
                plan_name=args.plan,
                prices=prices,
            )
    finally:
        db.close()
    if args.json:
        print(json.dumps(added.as_dict(), indent=2, ensure_ascii=False))
    else:
        full = ", ".join(
            f"{category} {format_money(types['full'], added.currency)}"
            for category, types in added.prices.items()
            if "full" in types
        )
        print(
            f"Scheduled showtime {added.showtime_id}: {added.show!r} in {added.venue} · {added.hall} at "
            f"{added.starts_at} (until {added.ends_at[11:16]}, off sale {added.off_sale_at[11:16]}); full prices: {full}."
        )
    sys.stdout.flush()
    return 0
