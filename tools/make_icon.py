"""Draw the application icon, a theatre ticket, into packaging/icons/: ``boxoffice.png``
(512 px, the Linux .desktop icon), ``boxoffice.ico`` (16 to 256 px, Windows) and
``boxoffice.icns`` (macOS). Drawn here with Pillow, so the project carries no third-party
artwork. Run again after changing the drawing; the files are committed.

    .venv/bin/python tools/make_icon.py
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parents[1] / "packaging" / "icons"
SIZE = 1024  # drawn at this size, then scaled down (smooth edges)
RED, DARK_RED, CREAM, GOLD = (198, 40, 40), (142, 24, 24), (255, 248, 231), (255, 193, 7)


def _star(cx: float, cy: float, outer: float, inner: float) -> list[tuple[float, float]]:
    """The ten corners of a five-pointed star centred on (cx, cy), point up."""
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def draw_ticket(size: int = SIZE) -> Image.Image:
    """The icon at ``size`` x ``size`` pixels (RGBA, transparent around the ticket)."""
    s = size / 1024
    ticket = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(ticket)
    left, top, right, bottom = 112 * s, 272 * s, 912 * s, 752 * s
    d.rounded_rectangle((left, top, right, bottom), radius=56 * s, fill=RED, outline=DARK_RED, width=int(14 * s))
    stub = 680 * s  # the perforation between ticket and stub
    notch = 46 * s
    for y in (top, bottom):  # half-circle notches at both ends of the perforation
        d.ellipse((stub - notch, y - notch, stub + notch, y + notch), fill=(0, 0, 0, 0))
    for y in range(int(top + 70 * s), int(bottom - 60 * s), int(44 * s)):
        d.rounded_rectangle((stub - 7 * s, y, stub + 7 * s, y + 24 * s), radius=7 * s, fill=CREAM)
    d.polygon(_star(396 * s, 470 * s, 150 * s, 62 * s), fill=GOLD)
    d.rounded_rectangle((236 * s, 640 * s, 556 * s, 668 * s), radius=14 * s, fill=CREAM)
    for i, y in enumerate((372, 470, 568)):  # the stub's "ADMIT ONE" lines
        width = (120, 90, 120)[i]
        d.rounded_rectangle(
            (796 * s - width * s / 2, y * s, 796 * s + width * s / 2, (y + 34) * s), radius=17 * s, fill=CREAM
        )
    return ticket.rotate(14, resample=Image.Resampling.BICUBIC, center=(size / 2, size / 2))


def main() -> int:
    """Write the PNG, ICO and ICNS files; print where."""
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw_ticket()
    png = big.resize((512, 512), Image.Resampling.LANCZOS)
    png.save(OUT / "boxoffice.png", optimize=True)
    big.save(OUT / "boxoffice.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    big.save(OUT / "boxoffice.icns")
    for name in ("boxoffice.png", "boxoffice.ico", "boxoffice.icns"):
        print(f"{OUT / name} ({(OUT / name).stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
