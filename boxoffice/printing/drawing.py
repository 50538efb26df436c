"""Drawing helpers for printed documents on a reportlab canvas (no Qt): QR codes as
vector paths, and text in any script (``fonts``) that wraps, shrinks or ellipsizes to
fit a width. Text styles are ``fonts.REGULAR`` / ``fonts.BOLD``; lengths are in PDF
points (1/72 inch)."""

from __future__ import annotations

import math
import unicodedata

import qrcode
from reportlab.lib.colors import black, white
from reportlab.pdfgen.canvas import Canvas

from boxoffice.printing.fonts import draw_text, is_rtl, text_width

# tonos (oxia), varia, perispomeni, breathings, ypogegrammeni
_GREEK_ACCENTS = frozenset("\u0301\u0300\u0342\u0313\u0314\u0345")


def qr_matrix(code: str) -> list[list[bool]]:
    """QR modules of ``code`` (error correction M, 4-module quiet zone included)."""
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    qr.add_data(code)
    qr.make(fit=True)
    return qr.get_matrix()


def draw_qr(c: Canvas, modules: list[list[bool]], x: float, y: float, module: float) -> None:
    """Draw ``modules`` with its bottom-left corner at (x, y), ``module`` points per module:
    a white square under the whole symbol (quiet zone), then one unstroked black path of
    horizontal runs, so adjacent modules merge without seams."""
    n = len(modules)
    c.setFillColor(white)
    c.rect(x, y, n * module, n * module, stroke=0, fill=1)
    c.setFillColor(black)
    path = c.beginPath()
    for r, row in enumerate(modules):
        ry = y + (n - 1 - r) * module
        col = 0
        while col < n:
            if row[col]:
                start = col
                while col < n and row[col]:
                    col += 1
                path.rect(x + start * module, ry, (col - start) * module, module)
            else:
                col += 1
    c.drawPath(path, stroke=0, fill=1)


def snap(value: float, step: float) -> float:
    """``value`` rounded down to a whole number of ``step`` (at least one step)."""
    return max(step, math.floor(value / step + 1e-9) * step)


def caps(text: str) -> str:
    """``text`` in capitals for a heading: ``str.upper``, except that Greek capitals lose
    their accents (tonos), as Greek is written in capitals ("Θέατρο" -> "ΘΕΑΤΡΟ")."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", text.upper()):
        if ch in _GREEK_ACCENTS and out and "\u0370" <= out[-1] <= "\u03ff":
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap of ``text`` (logical order, style ``font``) to ``width`` points;
    words longer than a line (or unspaced CJK text) are split between characters."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        while text_width(word, font, size) > width:
            cut = 1
            while cut < len(word) and text_width(word[: cut + 1], font, size) <= width:
                cut += 1
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:cut])
            word = word[cut:]
        candidate = f"{line} {word}" if line else word
        if line and text_width(candidate, font, size) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines or [""]


def fit_lines(
    text: str, font: str, sizes: tuple[float, ...], width: float, *, max_lines: int
) -> tuple[float, list[str]]:
    """The largest of ``sizes`` at which ``text`` wraps into ``max_lines``; if none does,
    the smallest size with the last line cut short by an ellipsis."""
    for size in sizes:
        lines = wrap_text(text, font, size, width)
        if len(lines) <= max_lines:
            return size, lines
    size = sizes[-1]
    lines = wrap_text(text, font, size, width)[:max_lines]
    lines[-1] = ellipsize(lines[-1] + " \u2026", font, size, width)
    return size, lines


def ellipsize(text: str, font: str, size: float, width: float) -> str:
    """``text`` if it fits ``width`` points, else its longest prefix that fits with "…" added."""
    if text_width(text, font, size) <= width:
        return text
    while text and text_width(text.rstrip() + "\u2026", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "\u2026"


def draw_line(
    c: Canvas, text: str, font: str, size: float, x: float, y: float, width: float, *, rtl: bool | None = None
) -> None:
    """Draw one line of ``text`` (style ``font``, ``size`` points) on baseline ``y`` in the
    box from ``x`` to ``x + width``: from its left edge, or from its right edge when the
    text reads right to left (an Arabic or Hebrew name). ``rtl`` overrides the direction
    found in ``text`` (e.g. with that of the whole paragraph the line was wrapped from)."""
    if rtl is None:
        rtl = is_rtl(text)
    if rtl:
        draw_text(c, x + width, y, text, font, size, anchor="end", direction="R")
    else:
        draw_text(c, x, y, text, font, size, direction="L")


def draw_fitted(
    c: Canvas, text: str, font: str, size: float, min_size: float, x: float, y: float, width: float
) -> None:
    """Draw ``text`` on one line in the box from ``x`` to ``x + width`` (see ``draw_line``),
    shrinking from ``size`` down to ``min_size`` points to fit, and cutting it short with
    an ellipsis below that. ``font`` is ``fonts.REGULAR`` or ``fonts.BOLD``."""
    while size > min_size and text_width(text, font, size) > width:
        size -= 0.5
    draw_line(c, ellipsize(text, font, size, width), font, size, x, y, width)
