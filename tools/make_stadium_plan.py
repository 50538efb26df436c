"""Write the demo stadium (about 100,000 seats) as a pretix seating-plan JSON file.

    python tools/make_stadium_plan.py                          # ./demo-stadium.json
    python tools/make_stadium_plan.py --out /tmp/stadium.json --png /tmp/stadium.png
    python tools/make_stadium_plan.py --depth 0.25 --out /tmp/small-stadium.json

The plan comes from :func:`boxoffice.domain.stadium_generator.demo_stadium` (the same
function ``boxoffice demo`` builds the stadium with, so the file is not kept in the
repository: 12 MB) and is checked with :func:`boxoffice.domain.pretix_plan.parse_plan`
before it is written. ``--png`` also draws it (seats coloured by price category) with
Qt's painter, for a look.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from boxoffice.domain.errors import PlanImportError  # noqa: E402
from boxoffice.domain.pretix_plan import ParsedPlan, parse_plan  # noqa: E402
from boxoffice.domain.stadium_generator import demo_stadium  # noqa: E402


def render_png(parsed: ParsedPlan, path: Path, width: int = 2400) -> None:
    """Draw ``parsed`` to a PNG ``width`` px wide: areas, seats by category colour,
    wheelchair spaces in black, section names."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (fonts need it)
    scale = width / parsed.width
    image = QImage(width, round(parsed.height * scale), QImage.Format.Format_RGB32)
    image.fill(QColor("#f4f4f4"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(scale, scale)
    for area in parsed.areas:
        shape, pos = area.shape, area.shape["position"]
        painter.setPen(QPen(QColor(shape.get("border_color", "#000000")), 6))
        painter.setBrush(QColor(shape.get("color", "#cccccc")))
        if "rectangle" in shape:
            painter.drawRect(QRectF(pos["x"], pos["y"], shape["rectangle"]["width"], shape["rectangle"]["height"]))
        elif "circle" in shape:
            r = shape["circle"]["radius"]
            painter.drawEllipse(QPointF(pos["x"], pos["y"]), r, r)
    colours = {c.name: QColor(c.color) for c in parsed.categories}
    painter.setPen(Qt.PenStyle.NoPen)
    for seat in parsed.seats:
        painter.setBrush(QColor("#000000") if seat.wheelchair else colours[seat.category])
        r = seat.radius
        painter.drawEllipse(QRectF(seat.x - r, seat.y - r, 2 * r, 2 * r))
    first: dict[int, tuple[float, float, int]] = {}
    for seat in parsed.seats:
        x, y, n = first.get(seat.section, (0.0, 0.0, 0))
        first[seat.section] = (x + seat.x, y + seat.y, n + 1)
    painter.setPen(QColor("#000000"))
    painter.setFont(QFont("Sans", 90, QFont.Weight.Bold))
    for index, (x, y, n) in first.items():
        painter.drawText(
            QRectF(x / n - 300, y / n - 100, 600, 200), Qt.AlignmentFlag.AlignCenter, parsed.sections[index].name
        )
    painter.end()
    image.save(str(path))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("demo-stadium.json"), help="where to write the plan")
    parser.add_argument("--depth", type=float, default=1.0, help="scale every tier's rows (default 1.0)")
    parser.add_argument("--png", type=Path, help="also draw the plan to this PNG file")
    args = parser.parse_args(argv)
    if not args.depth > 0:
        parser.error("--depth must be positive")
    data = demo_stadium(depth=args.depth)
    try:
        parsed = parse_plan(data)
    except PlanImportError as exc:  # a generator bug: say so rather than write a bad file
        print(f"make_stadium_plan: generated plan is invalid: {exc}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    tiers = Counter(parsed.sections[s.section].name[0] for s in parsed.seats)
    print(
        f"wrote {args.out}: {len(parsed.seats)} seats in {len(parsed.sections)} sections, {parsed.rows} rows "
        f"(lower {tiers['1']}, middle {tiers['2']}, upper {tiers['3']}), "
        f"{parsed.wheelchair_spaces} wheelchair spaces, {len(parsed.categories)} categories, "
        f"{parsed.width:g}x{parsed.height:g}"
    )
    if args.png:
        render_png(parsed, args.png)
        print(f"drew {args.png}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
