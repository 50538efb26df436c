"""Write a generated seating plan in pretix JSON format.

    python tools/make_demo_plan.py                      # boxoffice/resources/plans/demo-theatre.json
    python tools/make_demo_plan.py --grid 20000 --out /tmp/grid-20k.json

The plans come from :mod:`boxoffice.domain.plan_generator`; the result is checked with
:func:`boxoffice.domain.pretix_plan.parse_plan` before it is written.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from boxoffice.domain.errors import PlanImportError  # noqa: E402
from boxoffice.domain.plan_generator import demo_theatre, generate_grid_plan  # noqa: E402
from boxoffice.domain.pretix_plan import parse_plan  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=ROOT / "boxoffice" / "resources" / "plans" / "demo-theatre.json",
        help="where to write the plan (default: %(default)s)",
    )
    parser.add_argument(
        "--grid",
        type=int,
        metavar="N",
        help="write a plain plan of exactly N seats in straight rows instead of the demo theatre",
    )
    args = parser.parse_args(argv)
    if args.grid is not None and args.grid < 1:
        parser.error("--grid needs a positive number of seats")
    data = generate_grid_plan(args.grid) if args.grid is not None else demo_theatre()
    try:
        parsed = parse_plan(data)
    except PlanImportError as exc:  # a generator bug: say so rather than write a bad file
        print(f"make_demo_plan: generated plan is invalid: {exc}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    per_zone = {}
    for seat in parsed.seats:
        name = parsed.sections[seat.section].name
        per_zone[name] = per_zone.get(name, 0) + 1
    print(
        f"wrote {args.out}: {len(parsed.seats)} seats in {parsed.rows} rows "
        f"({', '.join(f'{k} {v}' for k, v in per_zone.items())}), "
        f"{parsed.wheelchair_spaces} wheelchair spaces, {len(parsed.categories)} categories, "
        f"{parsed.width:g}x{parsed.height:g}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
