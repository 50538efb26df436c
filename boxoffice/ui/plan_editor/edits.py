"""The plan editor's edits: each gesture or dialog becomes one undoable :class:`Edit`
holding the plan (and selection) before and after. Mixed into
:class:`~boxoffice.ui.plan_editor.window.PlanEditorWindow`, which provides ``plan``, ``canvas``,
``undo_stack``, ``category`` and ``_show``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QInputDialog, QMessageBox

from boxoffice.domain import plan_editing as pe
from boxoffice.domain.plan_blocks import add_block, renumber_row
from boxoffice.domain.plan_exchange import content_bounds
from boxoffice.domain.pretix_plan import PALETTE
from boxoffice.ui.plan_editor.dialogs import BlockDialog, GaAreaDialog, RenumberDialog, default_block_position


class Edit(QUndoCommand):
    """One edit: the plan (and selection) before and after."""

    def __init__(self, editor, text: str, before, after) -> None:
        super().__init__(text)
        self.editor, self.before, self.after = editor, before, after

    def redo(self) -> None:
        self.editor._show(*self.after)

    def undo(self) -> None:
        self.editor._show(*self.before)


class PlanEdits:
    """The editing half of the editor window (see the module docstring)."""

    def edit(self, text: str, change: Callable[[pe.EditablePlan], object], *, select=None) -> bool:
        """Apply ``change(plan_copy)`` as one undoable command called ``text``; ``select``
        (optional) maps the changed plan to the ``(guids, area_keys)`` to select after it.
        A ``ValueError`` from ``change`` is shown and nothing happens. Returns whether an
        edit was made."""
        after = self.plan.clone()
        try:
            change(after)
        except ValueError as exc:
            QMessageBox.warning(self, text, str(exc))
            return False
        before_sel = (set(self.canvas.selected), set(self.canvas.selected_areas))
        after_sel = select(after) if select else before_sel
        self.undo_stack.push(Edit(self, text, (self.plan, before_sel), (after, after_sel)))
        return True

    def move_selection(self, dx: float, dy: float) -> None:
        """Move the selected seats and areas by ``dx``, ``dy`` plan pixels."""
        seats, areas = set(self.canvas.selected), set(self.canvas.selected_areas)
        if seats or areas:
            self.edit(
                QCoreApplication.translate("PlanEdits", "Move"),
                lambda p: (pe.move_seats(p, seats, dx, dy), pe.move_areas(p, areas, dx, dy)),
            )

    def rotate_selection(self, degrees: float) -> None:
        """Turn the selected seats by ``degrees`` (clockwise) about their centre."""
        seats = set(self.canvas.selected)
        if seats:
            self.edit(
                QCoreApplication.translate("PlanEdits", "Rotate {degrees:+g}°").format(degrees=degrees),
                lambda p: pe.rotate_seats(p, seats, degrees),
            )

    def delete_selection(self) -> None:
        """Remove the selected seats and areas."""
        seats, areas = set(self.canvas.selected), set(self.canvas.selected_areas)
        if seats or areas:
            self.edit(
                "Delete",
                lambda p: (pe.delete_seats(p, seats), pe.delete_areas(p, areas)),
                select=lambda p: (set(), set()),
            )

    def set_attributes(self, **values) -> None:
        """Set ``category`` and/or flags on the selected seats (one command)."""
        seats = set(self.canvas.selected)
        if seats:
            words = ", ".join(
                f"{k.replace('_', ' ')} {'on' if v is True else 'off' if v is False else v}" for k, v in values.items()
            )
            self.edit(
                QCoreApplication.translate("PlanEdits", "Set {words}").format(words=words),
                lambda p: pe.set_attributes(p, seats, **values),
            )

    def add_category(self, name: str | None = None) -> None:
        """Add a price category (asks for its name unless given); colour from the palette."""
        if name is None:
            name, ok = QInputDialog.getText(
                self,
                QCoreApplication.translate("PlanEdits", "New category"),
                QCoreApplication.translate("PlanEdits", "Name of the price category:"),
            )
            if not ok:
                return
        name = name.strip()
        if not name:
            return

        def change(p: pe.EditablePlan) -> None:
            if name in p.category_names():
                raise ValueError(
                    QCoreApplication.translate("PlanEdits", "There is already a category called “{name}”.").format(
                        name=name
                    )
                )
            p.categories.append(pe.Category(name, PALETTE[len(p.categories) % len(PALETTE)]))

        if self.edit(QCoreApplication.translate("PlanEdits", "New category {name}").format(name=name), change):
            self.category.setCurrentIndex(self.category.findData(name))

    def add_rows(self) -> BlockDialog:
        """Open the "Add rows" dialog (non-blocking); its OK adds the block as one command."""
        dialog = BlockDialog(
            self.plan, at=default_block_position(self.plan), preview=self.canvas.set_preview, parent=self
        )
        dialog.accepted.connect(lambda: self._add_block(dialog.spec(), dialog.section_name()))
        self.block_dialog = dialog
        dialog.open()
        return dialog

    def _add_block(self, spec, section: str) -> None:
        added: list[str] = []

        def change(p: pe.EditablePlan) -> None:
            rows = add_block(p, spec, section=section)
            added.extend(s.guid for r in rows for s in r.seats)

        self.edit(
            QCoreApplication.translate("PlanEdits", "Add {rows} rows").format(rows=spec.rows),
            change,
            select=lambda p: (set(added), set()),
        )

    def add_stage(self) -> None:
        """Add a stage rectangle above everything on the plan."""
        bounds = content_bounds(self.plan) or (100.0, 200.0, 700.0, 400.0)
        width = max(200, round((bounds[2] - bounds[0]) * 0.6))
        x = (bounds[0] + bounds[2]) / 2 - width / 2
        added: list[int] = []

        def change(p: pe.EditablePlan) -> None:
            stage = pe.add_area(p, pe.stage_area(round(x), round(bounds[1] - 110), width, 70))
            label = pe.add_area(
                p, pe.text_area(round(x + width / 2), round(bounds[1] - 75), "STAGE", size=24, color="#ffffff")
            )
            added.extend([stage.key, label.key])

        self.edit(QCoreApplication.translate("PlanEdits", "Add stage"), change, select=lambda p: (set(), set(added)))

    def add_text(self, text: str | None = None) -> None:
        """Add a text label in the middle of the view (asks for the text unless given)."""
        if text is None:
            text, ok = QInputDialog.getText(
                self,
                QCoreApplication.translate("PlanEdits", "Add text"),
                QCoreApplication.translate("PlanEdits", "Text to show on the plan (e.g. EXIT, BAR):"),
            )
            if not ok:
                return
        if not text.strip():
            return
        x, y = self.canvas.visible_centre()
        added: list[int] = []
        self.edit(
            QCoreApplication.translate("PlanEdits", "Add text"),
            lambda p: added.append(pe.add_area(p, pe.text_area(round(x), round(y), text.strip())).key),
            select=lambda p: (set(), set(added)),
        )

    def add_ga_area(self, values: dict | None = None) -> bool:
        """Add a general-admission area (asks with :class:`GaAreaDialog` unless ``values``,
        the keyword arguments of :func:`pe.ga_area`, are given); selected, undoable."""
        if values is None:
            dialog = GaAreaDialog(self.plan, self)
            if not dialog.exec():
                return False
            values = dialog.values()
        values = dict(values)
        x, y, width, height = (values.pop(k) for k in ("x", "y", "width", "height"))
        colors = {c.name: c.color or PALETTE[i % len(PALETTE)] for i, c in enumerate(self.plan.categories)}
        added: list[int] = []
        data = pe.ga_area(x, y, width, height, color=colors.get(values.get("category")), **values)
        return self.edit(
            QCoreApplication.translate("PlanEdits", "Add general admission area"),
            lambda p: added.append(pe.add_ga_area(p, data).key),
            select=lambda p: (set(), set(added)),
        )

    def rotate_dialog(self) -> None:
        """Ask for an angle and rotate the selected seats by it."""
        degrees, ok = QInputDialog.getDouble(
            self,
            QCoreApplication.translate("PlanEdits", "Rotate"),
            QCoreApplication.translate("PlanEdits", "Degrees (clockwise; negative turns left):"),
            0,
            -360,
            360,
            1,
        )
        if ok and degrees:
            self.rotate_selection(degrees)

    def renumber_selected_row(self) -> RenumberDialog | None:
        """Open "Renumber row" for the row of the first selected seat (non-blocking)."""
        seats = [s for _, _, s in self.plan.seats() if s.guid in self.canvas.selected]
        if not seats:
            return None
        _, row = self.plan.row_of(seats[0].guid)
        dialog = RenumberDialog(row.display, self)
        key = row.key
        dialog.accepted.connect(
            lambda: self.edit(
                QCoreApplication.translate("PlanEdits", "Renumber row {display}").format(display=row.display),
                lambda p: renumber_row(
                    p, key, mode=dialog.numbering.currentData(), first=dialog.first.value(), label=dialog.label.text()
                ),
            )
        )
        dialog.open()
        return dialog
