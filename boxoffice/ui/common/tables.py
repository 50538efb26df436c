"""The read-only list tables of the manage and counter screens, set up one way."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget


def list_table(
    columns: Sequence[str], name: str, *, stretch: int | None = None, select_rows: bool = True, single: bool = False
) -> QTableWidget:
    """A table with ``columns`` headers and object name ``name``: not editable, no row
    numbers, whole rows selected (``select_rows``; ``single``: one at a time; else no
    selection at all). Column ``stretch`` takes the spare width and the others fit their
    contents; ``None``: every column fits its contents and the last one stretches."""
    table = QTableWidget(0, len(columns))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(columns))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    if select_rows:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        if single:
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    else:
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table
