"""Seat search (F6 or Ctrl+F): type a section, row and seat ("112 K 14", "Block 3 12 7",
"stalls k14") and jump there. Suggestions complete section by section, then row, then
seat; Enter or Tab takes the highlighted one; a seat is centred, zoomed in and ringed.

:class:`SeatIndex` is plain Python (no Qt) so other features, e.g. typed seat references
at the counter, can reuse it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

FILLER = {"row", "seat", "reihe", "platz", "rang"}  # words people type between the parts
COMPACT = re.compile(r"^([a-z]+)(\d+)$")  # "k14": row K, seat 14


@dataclass(frozen=True)
class Suggestion:
    """A match: ``kind`` is ``section``, ``row`` or ``seat``; ``text`` is shown, ``fill``
    is what the search box is completed to; ``seat_id`` is set for seats."""

    kind: str
    text: str
    fill: str
    section: int
    row: str = ""
    seat_id: int | None = None


class SeatIndex:
    """Sections, rows and seats of a plan by their labels, for :meth:`suggest`.

    Args:
        seats: objects with ``id, section_id, row, number`` (``SeatInfo``), in plan order.
        sections: section id -> name.
    """

    def __init__(self, seats, sections: dict[int, str]) -> None:
        self.names = {key: name for key, name in sections.items() if name}
        self.rows: dict[int, dict[str, list[tuple[str, int]]]] = {}
        for seat in seats:
            self.rows.setdefault(seat.section_id, {}).setdefault(str(seat.row), []).append((str(seat.number), seat.id))
        for key in self.rows:
            self.names.setdefault(key, "")

    def suggest(self, text: str, limit: int = 12) -> list[Suggestion]:
        """Up to ``limit`` matches for ``text``, best first (exact section names before
        prefixes, exact rows and seats before prefixes)."""
        tokens = [t for t in re.split(r"[\s,·/]+", text.strip().lower()) if t and t not in FILLER]
        if not tokens:
            return [self._section(key) for key in list(self.rows)[:limit]]
        out: list[Suggestion] = []
        seen: set[tuple] = set()
        for k in range(len(tokens), -1, -1):
            rest = tokens[k:]
            if len(rest) == 1 and (m := COMPACT.match(rest[0])):
                rest = [*m.groups()] if k else rest
            if len(rest) > 2:
                continue
            for key in self._sections_matching(" ".join(tokens[:k]), exact=bool(rest)):
                for found in self._within(key, rest):
                    ident = (found.kind, found.section, found.row, found.seat_id)
                    if ident not in seen:
                        seen.add(ident)
                        out.append(found)
                    if len(out) >= limit:
                        return out
        return out

    def _sections_matching(self, words: str, *, exact: bool) -> list[int]:
        if not words:
            return list(self.rows)
        named = [(key, name.lower()) for key, name in self.names.items()]
        same = [key for key, name in named if name == words]
        if exact:
            return same
        return (
            same
            + [key for key, name in named if name != words and name.startswith(words)]
            + [key for key, name in named if not name.startswith(words) and words in name]
        )

    def _section(self, key: int) -> Suggestion:
        name = self.names.get(key, "")
        return Suggestion("section", name, name + " ", key)

    def _within(self, key: int, rest: list[str]) -> list[Suggestion]:
        name, rows = self.names.get(key, ""), self.rows.get(key, {})
        if not rest:
            return [self._section(key)]
        wanted = rest[0]
        labels = [r for r in rows if r.lower() == wanted] + [
            r for r in rows if r.lower() != wanted and r.lower().startswith(wanted)
        ]
        if len(rest) == 1:
            return [Suggestion("row", f"{name} · {row_words(r)}", f"{name} {r} ", key, r) for r in labels[:12]]
        out = []
        for r in labels[:1]:
            seats = rows[r]
            number = rest[1]
            hits = [s for s in seats if s[0].lower() == number] + [
                s for s in seats if s[0].lower() != number and s[0].lower().startswith(number)
            ]
            out += [
                Suggestion("seat", f"{name} · {row_words(r)} · {seat_words(n)}", f"{name} {r} {n}", key, r, sid)
                for n, sid in hits[:12]
            ]
        return out


def row_words(row: str) -> str:
    """``"Row K"`` in the till's language."""
    return QCoreApplication.translate("SeatSearchDialog", "Row {row}").format(row=row)


def seat_words(number: str) -> str:
    """``"Seat 14"`` in the till's language."""
    return QCoreApplication.translate("SeatSearchDialog", "Seat {number}").format(number=number)


class SeatSearchDialog(QDialog):
    """The seat search box over a :class:`~boxoffice.ui.seatmap.map_view.SeatMapView`. Found seats
    are shown with :meth:`SeatMapView.show_seat`, sections with ``show_section``."""

    def __init__(self, view, parent: QWidget | None = None) -> None:
        super().__init__(parent or view)
        self.setObjectName("seatSearch")
        self.setWindowTitle(self.tr("Find seat"))
        self.view = view
        self.edit = QLineEdit()
        self.edit.setObjectName("seatSearchText")
        self.edit.setPlaceholderText(self.tr("Section, row, seat — e.g. 112 K 14"))
        self.edit.textEdited.connect(self.refresh)
        self.edit.installEventFilter(self)
        self.list = QListWidget()
        self.list.setObjectName("seatSearchList")
        self.list.itemActivated.connect(lambda item: self.take(item.data(Qt.ItemDataRole.UserRole)))
        self.note = QLabel("")
        self.note.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addWidget(self.list)
        layout.addWidget(self.note)
        self.resize(420, 360)

    def start(self) -> None:
        """Show the box, empty, with the plan's sections offered."""
        self.edit.clear()
        self.refresh("")
        self.show()
        self.raise_()
        self.activateWindow()
        self.edit.setFocus()

    def refresh(self, text: str) -> None:
        """Suggest matches for ``text``; the first is highlighted."""
        index = self.view.seat_index()
        found = index.suggest(text) if index is not None else []
        self.list.clear()
        for suggestion in found:
            item = QListWidgetItem(suggestion.text)
            item.setData(Qt.ItemDataRole.UserRole, suggestion)
            self.list.addItem(item)
        if found:
            self.list.setCurrentRow(0)
        self.note.setText("" if found or not text.strip() else self.tr("No such section, row or seat."))

    def current(self) -> Suggestion | None:
        """The highlighted suggestion, if any."""
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def take(self, suggestion: Suggestion | None) -> None:
        """Go to ``suggestion``: a seat is shown and the box closes; a section or row is
        shown and completed in the box, so the row or seat can be typed next."""
        if suggestion is None:
            return
        if suggestion.kind == "seat":
            self.view.show_seat(suggestion.seat_id)
            self.accept()
            self.view.setFocus()
            return
        if suggestion.kind == "section":
            self.view.show_section(suggestion.section)
        else:
            self.view.show_row(suggestion.section, suggestion.row)
        self.edit.setText(suggestion.fill)
        self.refresh(suggestion.fill)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        """Up/Down move through the suggestions, Enter and Tab take one."""
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.list.count():
                step = 1 if key == Qt.Key.Key_Down else -1
                self.list.setCurrentRow(max(0, min(self.list.count() - 1, self.list.currentRow() + step)))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
                self.take(self.current())
                return True
        return super().eventFilter(watched, event)
