"""Seat references typed at the till: ``"K14"``, ``"k 14"``, ``"112 K 14"``,
``"Stalls K-14"``, ``"Upper Circle B 3"`` (pure, no database, no Qt).

A reference names a seat by its labels as printed on tickets: the seat label last, the
row label before it, and optionally the section's name before that (the rest of the
text, so section names may contain spaces). Separators are spaces, ``-``, ``/``, ``,``,
``.`` and ``:``; a token that runs letters into digits (``K14``, ``112K``) is split where
the kind of character changes, so ``"K14"`` is row K, seat 14 and ``"112K14"`` is
section 112, row K, seat 14.

Labels are compared without regard to case and with leading zeros of numbers ignored
(``"k014"`` finds row K seat 14).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from boxoffice.domain.errors import InvalidInputError

MAX_LENGTH = 60
_SEPARATORS = re.compile(r"[\s\-/,.:]+")
_RUNS = re.compile(r"\d+|[^\d]+")


@dataclass(frozen=True)
class SeatReference:
    """A parsed reference: ``section`` (``None``: any section), ``row`` and ``seat``
    labels as typed (``row`` may be ``""`` for plans without row labels)."""

    section: str | None
    row: str
    seat: str

    def text(self) -> str:
        """The reference written back, e.g. ``"112 K 14"`` or ``"K 14"``."""
        return " ".join(p for p in (self.section, self.row, self.seat) if p)


@lru_cache(maxsize=65536)  # labels repeat (rows A..Z, seats 1..40): a plan of 100,000 seats has few
def normalise(label: str) -> str:
    """A label for comparison: upper case, spaces collapsed, leading zeros of each run
    of digits dropped (``" k 014 "`` -> ``"K 14"``)."""
    folded = " ".join(str(label).split()).upper()
    return re.sub(r"\d+", lambda m: str(int(m.group())), folded)


def _tokens(text: str) -> list[str]:
    tokens: list[str] = []
    for part in _SEPARATORS.split(text.strip()):
        if part:
            tokens.extend(_RUNS.findall(part))
    return tokens


def parse_seat_reference(text: str) -> SeatReference:
    """Read a typed seat reference (see the module's docstring).

    Raises:
        InvalidInputError: ``text`` is empty, longer than 60 characters, or names no seat
            (a single token that is not row letters followed by a seat number, e.g. ``"14"``).
    """
    if len(text) > MAX_LENGTH:
        raise InvalidInputError(f"A seat reference is at most {MAX_LENGTH} characters.")
    tokens = _tokens(text)
    if not tokens:
        raise InvalidInputError("Type a seat, e.g. K14 or 112 K 14.")
    if len(tokens) == 1:
        raise InvalidInputError(f"“{text.strip()}” names no seat: type the row and the seat, e.g. K14.")
    seat, row = tokens[-1], tokens[-2]
    section = " ".join(tokens[:-2]) or None
    return SeatReference(section, row, seat)


def matches(reference: SeatReference, *, section: str, row: str, seat: str) -> bool:
    """Whether a seat labelled ``section`` / ``row`` / ``seat`` is the one ``reference``
    names (case, separators and leading zeros aside; a section given must be the
    section's name or its last words, so ``"112"`` finds section ``"Block 112"``)."""
    if normalise(reference.seat) != normalise(seat) or normalise(reference.row) != normalise(row):
        return False
    if reference.section is None:
        return True
    wanted = normalise(" ".join(_tokens(reference.section))).split()
    have = normalise(" ".join(_tokens(section))).split()
    return bool(wanted) and have[-len(wanted) :] == wanted


def label_key(row: str, seat: str) -> tuple[str, str]:
    """The row and seat labels as compared (:func:`normalise`), e.g. to index a plan's seats."""
    return normalise(row), normalise(seat)


def find_seats(reference: SeatReference, seats: Iterable[tuple[int, str, str, str]]) -> list[int]:
    """Ids of the seats ``reference`` names among ``seats`` (``(id, section name, row
    label, seat label)``), in the order given (several when no section was typed and
    more than one section has that row and seat)."""
    return [sid for sid, sec, row, seat in seats if matches(reference, section=sec, row=row, seat=seat)]
