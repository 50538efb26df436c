"""The bundled TrueType fonts of printed documents, and text drawn in runs of one font.

Printed text may be in any of the venue's languages: a title in Japanese, a venue name
in Arabic, a section in Cyrillic. No single freely licensed TrueType font covers all of
that, so text is drawn in *runs*: each character goes to the first face of a fallback
chain that has a glyph for it (read from the face's ``cmap``), and consecutive
characters of one face are drawn with one ``drawString``. The chain, in order
(files in ``boxoffice/resources/fonts/``, licences beside them):

* Noto Sans (regular, bold; SIL OFL 1.1): Latin with its extensions, Greek, Cyrillic,
  currency signs and punctuation. ``REGULAR`` and ``BOLD`` name these two faces.
* Noto Sans Arabic (regular, bold; OFL): Arabic, including the presentation forms that
  shaped text is drawn with.
* Noto Sans Hebrew (regular, bold; OFL).
* Droid Sans Fallback (regular only; Apache 2.0): Japanese kana, CJK ideographs and
  Hangul. Its bold is synthesised by also stroking the outlines.

Right-to-left text is shaped and ordered for display before it is split into runs:
``arabic_reshaper`` picks each Arabic letter's joining form (a presentation-form
character, so the PDF's text layer still maps every glyph to a Unicode character), then
``python-bidi`` (the Unicode bidirectional algorithm; its pure-Python implementation, which
also mirrors brackets, "(" <-> ")") puts the line in visual order.
Fallback faces are registered with reportlab only when a character first needs them,
so Latin-only documents never load the 3.4 MB CJK face.

Characters no bundled face covers are folded to their base letter when that is covered,
else printed as "?" rather than as an empty box. Sizes and coordinates are PDF points.
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import arabic_reshaper
from bidi.algorithm import get_display
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from boxoffice.config import RESOURCES_DIR

FONTS_DIR = RESOURCES_DIR / "fonts"
"""Where the bundled ``.ttf`` files and their licence texts are."""

REGULAR, BOLD = "BoxofficeSans", "BoxofficeSans-Bold"
"""The two text styles of printed documents (names of the Noto Sans faces in reportlab)."""

# (reportlab name, file, synthesise bold) per style, in fallback order
_CHAINS: dict[str, tuple[tuple[str, str, bool], ...]] = {
    REGULAR: (
        ("BoxofficeSans", "NotoSans-Regular.ttf", False),
        ("BoxofficeSansArabic", "NotoSansArabic-Regular.ttf", False),
        ("BoxofficeSansHebrew", "NotoSansHebrew-Regular.ttf", False),
        ("BoxofficeSansCJK", "DroidSansFallback.ttf", False),
    ),
    BOLD: (
        ("BoxofficeSans-Bold", "NotoSans-Bold.ttf", False),
        ("BoxofficeSansArabic-Bold", "NotoSansArabic-Bold.ttf", False),
        ("BoxofficeSansHebrew-Bold", "NotoSansHebrew-Bold.ttf", False),
        ("BoxofficeSansCJK", "DroidSansFallback.ttf", True),
    ),
}
_FAKE_BOLD_STROKE = 0.035  # outline stroke of synthesised bold, in ems
_MARK_CENTRE = 0.16  # middle of a mark's outline right of its origin, in ems (Noto Arabic and Hebrew marks)
_RTL = frozenset(("R", "AL"))
# keep vowel marks; ``visual_order`` moves them behind their letter after the reordering
_RESHAPER = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False, "shift_harakat_position": False})
_lock = threading.Lock()
_loaded: dict[str, TTFont] = {}


@dataclass(frozen=True)
class Run:
    """A piece of a line drawn with one face: ``text`` in visual (left-to-right drawing)
    order, ``font`` a registered reportlab font name, ``fake_bold`` whether the outlines
    are also stroked to make a bold the face lacks."""

    text: str
    font: str
    fake_bold: bool = False


def _face(name: str, filename: str) -> TTFont:
    """The TrueType face ``name``, registered with reportlab on first use."""
    face = _loaded.get(name)
    if face is None:
        with _lock:
            face = _loaded.get(name)
            if face is None:
                # shapable=False: reportlab's own (experimental) HarfBuzz shaping stays off even
                # if uharfbuzz happens to be installed; text arrives here already shaped
                face = TTFont(name, str(FONTS_DIR / filename), shapable=False)
                pdfmetrics.registerFont(face)
                _loaded[name] = face
    return face


def _chain(style: str) -> tuple[tuple[str, str, bool], ...]:
    try:
        return _CHAINS[style]
    except KeyError:
        raise ValueError(f"Unknown text style {style!r}; use fonts.REGULAR or fonts.BOLD.") from None


def load(style: str) -> str:
    """Register the main face of ``style`` (``REGULAR`` or ``BOLD``) with reportlab if it
    is not yet, and return its font name (e.g. for a canvas's ``initialFontName``).

    Raises:
        ValueError: unknown ``style``.
    """
    name, filename, _ = _chain(style)[0]
    _face(name, filename)
    return name


def register_fonts() -> None:
    """Register every bundled face with reportlab now rather than on first use (e.g. to
    take the font loading, about 0.2 s, out of the first print)."""
    for style in _CHAINS:
        for name, filename, _ in _CHAINS[style]:
            _face(name, filename)


def is_rtl(text: str) -> bool:
    """Whether ``text`` reads right to left: its first strongly directional character is
    Arabic or Hebrew (the Unicode bidirectional algorithm's rule for a paragraph)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in _RTL:
            return True
        if kind == "L":
            return False
    return False


def visual_order(text: str, direction: str | None = None) -> str:
    """``text`` (logical order, as stored) as drawn left to right: Arabic letters in
    their joining forms, right-to-left runs reversed. ``direction`` is the line's base
    direction, ``"L"`` or ``"R"``; ``None`` takes it from the text (``is_rtl``). Text
    without right-to-left letters is returned unchanged."""
    if not any(unicodedata.bidirectional(ch) in _RTL for ch in text):
        return text
    drawn = get_display(_RESHAPER.reshape(text), base_dir=direction)
    # reversing a right-to-left run puts each letter's marks (Arabic vowels, Hebrew points)
    # before it; move them after it (UAX #9, L3), where draw_text centres them on it
    out: list[str] = []
    marks: list[str] = []
    for ch in drawn:
        if unicodedata.category(ch) == "Mn":
            marks.append(ch)
            continue
        if marks and unicodedata.bidirectional(ch) in _RTL:
            out.append(ch)
            out.extend(marks)
        else:
            out.extend(marks)
            out.append(ch)
        marks = []
    out.extend(marks)
    return "".join(out)


@lru_cache(maxsize=4096)
def runs(text: str, style: str = REGULAR, direction: str | None = None) -> tuple[Run, ...]:
    """Split one line of ``text`` into runs of one face each, in drawing order.

    Args:
        text: one line in logical order (no line breaks), any script.
        style: ``REGULAR`` or ``BOLD``.
        direction: the line's base direction (see ``visual_order``).

    Returns:
        The runs, left to right; empty for empty text. Letters go to the first face of the
        chain that has them; spaces, digits, punctuation and marks stay in the face of the
        run they are in when it has them, so "夏の夢 2026" is two runs, not three.

    Raises:
        ValueError: ``style`` is not ``REGULAR`` or ``BOLD``.
    """
    chain = _chain(style)
    out: list[Run] = []
    current: tuple[str, str, bool] | None = None
    chars: list[str] = []
    for ch in visual_order(unicodedata.normalize("NFC", str(text)), direction):
        if ch in "\r\n\t":
            ch = " "
        if current is not None and not unicodedata.category(ch).startswith("L") and _has(current, ch):
            chars.append(ch)
            continue
        ch, pick = _pick(chain, ch)
        if pick != current:
            if chars and current is not None:  # chars are only ever collected under a face
                out.append(Run("".join(chars), current[0], current[2]))
            current, chars = pick, []
        chars.append(ch)
    if chars and current is not None:
        out.append(Run("".join(chars), current[0], current[2]))
    return tuple(out)


def _has(entry: tuple[str, str, bool], ch: str) -> bool:
    return ord(ch) in _face(entry[0], entry[1]).face.charToGlyph


def _pick(chain: tuple[tuple[str, str, bool], ...], ch: str) -> tuple[str, tuple[str, str, bool]]:
    """The face of ``chain`` to draw ``ch`` with, and the character to draw (``ch``, its
    base letter, or "?" when no face has either)."""
    base = "".join(b for b in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(b))
    for candidate in (ch, base, "?"):
        if len(candidate) == 1:
            for entry in chain:
                if _has(entry, candidate):
                    return candidate, entry
    return "?", chain[0]


def text_width(text: str, style: str, size: float) -> float:
    """Width in points of one line of ``text`` drawn by ``draw_text`` at ``size`` points."""
    return sum(pdfmetrics.stringWidth(run.text, run.font, size) for run in runs(text, style))


def draw_text(
    c: Canvas,
    x: float,
    y: float,
    text: str,
    style: str,
    size: float,
    *,
    anchor: str = "start",
    direction: str | None = None,
) -> float:
    """Draw one line of ``text`` on its baseline ``y`` in the canvas's fill colour.

    Args:
        c: the canvas.
        x: where the line starts (``anchor="start"``), ends (``"end"``) or its middle
            (``"middle"``) is, in points from the page's left edge.
        y: the baseline, in points from the page's bottom edge.
        text: one line in logical order, any script (right-to-left text is shaped and
            reordered here).
        style: ``REGULAR`` or ``BOLD``.
        size: the font size in points.
        anchor: ``"start"``, ``"end"`` or ``"middle"``: which point of the line is at ``x``.
        direction: the line's base direction, ``"L"``, ``"R"`` or ``None`` (from the text);
            it decides where a right-to-left name goes in a left-to-right sentence.

    Returns:
        The width of the drawn line, in points.

    Raises:
        ValueError: unknown ``style`` or ``anchor``.
    """
    pieces = runs(text, style, direction)
    widths = [pdfmetrics.stringWidth(run.text, run.font, size) for run in pieces]
    total = sum(widths)
    try:
        x -= {"start": 0.0, "end": total, "middle": total / 2}[anchor]
    except KeyError:
        raise ValueError(f"Unknown anchor {anchor!r}; use 'start', 'end' or 'middle'.") from None
    for run, width in zip(pieces, widths):
        if any(unicodedata.category(ch) == "Mn" for ch in run.text):
            _draw_with_marks(c, x, y, run, size)
        else:
            _show(c, x, y, run.text, run, size)
        x += width
    return total


def _show(c: Canvas, x: float, y: float, text: str, run: Run, size: float) -> None:
    """Draw ``text`` in the face of ``run`` at (x, y), stroking the outlines too for a
    synthesised bold."""
    if run.fake_bold:
        c.saveState()
        c.setStrokeColor(getattr(c, "_fillColorObj", (0, 0, 0)))
        c.setLineWidth(size * _FAKE_BOLD_STROKE)
        c.setLineJoin(1)
        line = c.beginText(x, y)
        line.setTextRenderMode(2)  # fill, then stroke the outlines
        line.setFont(run.font, size)
        line.textOut(text)
        c.drawText(line)
        c.restoreState()
    else:
        c.setFont(run.font, size)
        c.drawString(x, y, text)


def _draw_with_marks(c: Canvas, x: float, y: float, run: Run, size: float) -> None:
    """Draw a run whose letters carry marks (Arabic vowels, Hebrew points), each mark
    centred over the letter before it. reportlab does no OpenType mark positioning, and
    the bundled faces' marks are zero-width outlines just right of their origin."""
    letters, start = "", x
    letter_x = letter_w = 0.0
    for ch in run.text:
        if unicodedata.category(ch) == "Mn":
            if letters:
                _show(c, start, y, letters, run, size)
                letters = ""
            _show(c, letter_x + letter_w / 2 - _MARK_CENTRE * size, y, ch, run, size)
            continue
        if not letters:
            start = x
        letter_x, letter_w = x, pdfmetrics.stringWidth(ch, run.font, size)
        letters += ch
        x += letter_w
    if letters:
        _show(c, start, y, letters, run, size)
