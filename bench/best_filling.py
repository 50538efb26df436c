"""Best available while a stadium fills best first (pure domain, no database): the time of
a choice (``BestLayout.candidates`` for 2 or 4 seats, the 4 best offers) after 1,000 /
5,000 / 10,000 / 20,000 seats went to best groups of 1-6, over a plain set of free seats
and over :class:`boxoffice.domain.best_free.FreeSeats` (each row block's longest free run
kept between choices). Both fill the same way (same seed), so the columns compare.

    .venv/bin/python bench/best_filling.py [--choices 50] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

from boxoffice.domain.best_available import BestLayout
from boxoffice.domain.best_free import FreeSeats
from boxoffice.domain.stadium_generator import demo_stadium

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the property tests' seats
from tests.test_best_available_properties import _seats  # noqa: E402

MARKS = (1_000, 5_000, 10_000, 20_000)
GROUPS = (1, 2, 2, 3, 4, 4, 5, 6)


def stadium_layout() -> BestLayout:
    """The demo stadium's layout (the property tests' seats: a few not for sale)."""
    return BestLayout(_seats(demo_stadium()))


def fill(layout: BestLayout, kept: bool, choices: int) -> dict[int, float]:
    """ms per choice at each of :data:`MARKS` seats sold."""
    ids = {i for block in layout.blocks for i in block.ids}
    free = FreeSeats(layout, ids) if kept else ids
    rng, sold, out = random.Random(1), 0, {}
    for mark in MARKS:
        while sold < mark:
            choice = layout.choose(free, rng.choice(GROUPS))
            free.difference_update(choice.seat_ids)
            sold += len(choice.seat_ids)
        started = time.perf_counter()
        for _ in range(choices):
            layout.candidates(free, rng.choice((2, 4)), limit=4)
        out[mark] = round(1000 * (time.perf_counter() - started) / choices, 2)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--choices", type=int, default=50, help="choices timed at each mark")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    layout = stadium_layout()
    results = {
        "seats": layout.seat_count,
        "plain_set_ms": fill(layout, False, args.choices),
        "kept_free_seats_ms": fill(layout, True, args.choices),
    }
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"best available on the demo stadium ({results['seats']} seats), ms per choice of 2 or 4 (4 best offers)")
    print("  seats sold      plain set   FreeSeats")
    for mark in MARKS:
        print(f"  {mark:>10,}  {results['plain_set_ms'][mark]:>10}  {results['kept_free_seats_ms'][mark]:>10}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
