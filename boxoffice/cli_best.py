"""``boxoffice best-available``: the seats best available would choose, without holding them.

    boxoffice best-available --showtime ID --quantity N [--category NAME] [--section NAME]
                             [--wheelchair] [--json]

Prints the group (section, row, seat labels and seat ids) or, when no such group is free,
a one-line error on stderr with exit status 1 (services/best_available.py). ``--json``
prints ``{"showtime_id", "quantity", "seat_ids", "section", "row", "seats", "score",
"leaves_single"}``. The command acts as the login of the database URL.
"""

from __future__ import annotations

import argparse
import json
import sys

from boxoffice.config import Settings


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def add_parser(sub) -> None:
    """Add ``best-available`` to the ``sub`` subparsers of ``boxoffice``."""
    best = sub.add_parser("best-available", help="print the best N seats together at a showtime (no hold)")
    best.add_argument("--showtime", type=_positive, required=True, metavar="ID", help="the showtime's id")
    best.add_argument("--quantity", type=_positive, required=True, metavar="N", help="how many seats together")
    best.add_argument("--category", metavar="NAME", help="only seats of this price category")
    best.add_argument("--section", metavar="NAME", help="only seats of this section")
    best.add_argument("--wheelchair", action="store_true", help="a wheelchair space (with its companion seat)")
    best.add_argument("--json", action="store_true", help="print the group as JSON")


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run ``boxoffice best-available``; returns the exit status (0: found).

    Raises:
        NotEnoughTogetherError: no such group is free (printed as one line by the caller).
        InvalidInputError, NotFoundError: unknown category/section name, no such showtime.
    """
    from boxoffice.runtime import open_database
    from boxoffice.services.best_available import choose_best

    db = open_database(settings, application_name="boxoffice-cli")
    try:
        with db.session_factory() as session:
            choice = choose_best(
                session,
                showtime_id=args.showtime,
                quantity=args.quantity,
                category_name=args.category,
                section_name=args.section,
                wheelchair=args.wheelchair,
            )
    finally:
        db.close()
    if args.json:
        doc = {
            "showtime_id": args.showtime,
            "quantity": args.quantity,
            "seat_ids": list(choice.seat_ids),
            "section": choice.section,
            "row": choice.row,
            "seats": list(choice.seats),
            "score": round(choice.score, 3),
            "leaves_single": choice.leaves_single,
        }
        print(json.dumps(doc, ensure_ascii=False))
    else:
        print(f"{choice.describe()} (seat ids {', '.join(map(str, choice.seat_ids))})")
    sys.stdout.flush()
    return 0
