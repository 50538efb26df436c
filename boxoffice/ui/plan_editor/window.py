"""The seating plan editor window (Manage → Seating plans…, for staff who may set up the house).

Every change is an undoable command on a :class:`QUndoStack` holding the plan before and
after (plans are cloned, never changed in place, so a snapshot stays true). Saving
validates first (problems are listed and outlined in red on the map, and nothing is
saved until they are fixed), then writes a **new version** on a worker thread
(``services/plan_editor.save_plan_version``). Import and export read and write pretix
JSON files. See ``docs/plan-editor.md`` for the shortcuts.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QListWidgetItem,
    QMessageBox,
    QWidget,
)

from boxoffice.domain import plan_editing as pe, plan_validation as pv
from boxoffice.domain.errors import PlanImportError, PlanVersionConflictError
from boxoffice.domain.plan_exchange import from_pretix, to_pretix
from boxoffice.domain.pretix_plan import PALETTE, load_plan_file
from boxoffice.services import plan_editor as service
from boxoffice.ui.common.tasks import TaskRunner, describe_error
from boxoffice.ui.plan_editor.dialogs import BlockDialog, OpenPlanDialog
from boxoffice.ui.plan_editor.edits import Edit, PlanEdits
from boxoffice.ui.plan_editor.window_view import PlanEditorView


class PlanEditorWindow(PlanEdits, PlanEditorView):
    """Edit seating plans and save them as new versions, running database work on
    ``runner`` (whose actor must be allowed to set up the house). The controller over
    :class:`~boxoffice.ui.plan_editor.window_view.PlanEditorView`: the plan, its undo
    stack, loading, saving, files and closing.

    Signals:
        saved(object): a version was saved (the :class:`~boxoffice.services.plan_editor.SavedPlan`).
    """

    saved = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.venue, self.plan_name = "", ""
        self.plan_id: int | None = None
        self.version: int | None = None
        self.plan = pe.EditablePlan(name="")
        self.problems: list[pv.Problem] = []
        self.saving = False
        self._close_after_save = False
        self.block_dialog: BlockDialog | None = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(100)
        self.undo_stack.cleanChanged.connect(lambda _: self._update_title())
        self._connect()
        self._update_title()
        self._selection_changed()

    def _connect(self) -> None:
        """The view's widgets and actions to what they do."""
        self.canvas.selectionChanged.connect(self._selection_changed)
        self.canvas.moveRequested.connect(self.move_selection)
        self.canvas.rotateRequested.connect(self.rotate_selection)
        self.canvas.deleteRequested.connect(self.delete_selection)
        self.set_category_button.clicked.connect(lambda: self.set_attributes(category=self.category.currentData()))
        self.new_category_button.clicked.connect(lambda: self.add_category())
        for flag, box in self.flags.items():
            box.clicked.connect(
                lambda _=False, f=flag, b=box: self.set_attributes(**{f: b.checkState() != Qt.CheckState.Unchecked})
            )
        self.renumber_button.clicked.connect(self.renumber_selected_row)
        self.validate_button.clicked.connect(self.validate_plan)
        self.problem_list.itemClicked.connect(self._problem_clicked)
        for action, slot in (
            (self.open_action, self.open_dialog),
            (self.save_action, self.save),
            (self.import_action, self.import_file),
            (self.export_action, lambda: self.export_file(pretix_only=False)),
            (self.export_pretix_action, lambda: self.export_file(pretix_only=True)),
            (self.migrate_action, self.move_showtimes),
            (self.undo_action, self.undo_stack.undo),
            (self.redo_action, self.undo_stack.redo),
            (self.add_rows_action, self.add_rows),
            (self.stage_action, self.add_stage),
            (self.text_action, self.add_text),
            (self.ga_action, self.add_ga_area),
            (self.rotate_action, self.rotate_dialog),
            (self.renumber_action, self.renumber_selected_row),
            (self.validate_action, self.validate_plan),
            (self.select_all_action, lambda: self.canvas.set_selection(self.plan.seat_map())),
        ):
            action.triggered.connect(lambda _=False, slot=slot: slot())
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_stack.undoTextChanged.connect(self.undo_action.show_step)
        self.undo_stack.redoTextChanged.connect(self.redo_action.show_step)

    # -- showing ---------------------------------------------------------------------------------

    def _show(self, plan: pe.EditablePlan, selection: tuple[set, set]) -> None:
        """Make ``plan`` current (it is never changed afterwards) and select ``selection``."""
        self.plan = plan
        self.canvas.set_plan(plan)
        self.canvas.set_selection(*selection)
        self.show_categories(self.plan.category_names())
        if self.problems:
            self._set_problems(pv.validate(plan))
        self._update_title()
        self._selection_changed()

    def _update_title(self) -> None:
        self.show_title(self.venue, self.plan_name, self.version, self.dirty)

    @property
    def dirty(self) -> bool:
        """Whether there are changes not yet saved."""
        return not self.undo_stack.isClean()

    def _selection_changed(self) -> None:
        seats = [s for _, _, s in self.plan.seats() if s.guid in self.canvas.selected]
        text = self.tr("%n seat(s) selected", "", len(seats))  # plural texts: see window_view._NUMERUS
        empty = self.tr("Nothing selected. %n seat(s) in the plan.", "", self.plan.seat_count())
        self.show_selection(self.plan, seats, len(self.canvas.selected_areas), text, empty)

    # -- validation ------------------------------------------------------------------------------

    def validate_plan(self) -> list[pv.Problem]:
        """List the plan's problems in the panel and outline their seats; returns them."""
        problems = pv.validate(self.plan)
        self._set_problems(problems)
        self.statusBar().showMessage(
            self.tr("No problems: the plan can be saved.")
            if not problems
            else self.tr("%n problem(s) to fix before saving.", "", len(problems)),
            8000,
        )
        return problems

    def _set_problems(self, problems: list[pv.Problem]) -> None:
        self.problems = problems
        self.show_problems(problems)

    def _problem_clicked(self, item: QListWidgetItem) -> None:
        guids = item.data(Qt.ItemDataRole.UserRole)
        if guids:
            self.canvas.set_selection(guids)

    # -- loading and saving -----------------------------------------------------------------------

    def open_dialog(self) -> None:
        """Fetch the stored versions and let the user open one or start a new plan."""
        if not self._may_discard():
            return
        self.runner.run(service.list_plan_versions, self._choose, self._failed)

    def _choose(self, versions) -> None:
        dialog = OpenPlanDialog(versions, self)
        if dialog.exec() != OpenPlanDialog.DialogCode.Accepted:
            return
        if dialog.chosen is not None:
            self.load_version(dialog.chosen)
        elif dialog.new_plan:
            self.new_plan(*dialog.new_plan)

    def load_version(self, plan_id: int) -> None:
        """Open stored version ``plan_id`` (loaded on a worker thread)."""
        self.runner.run(lambda s: service.load_plan(s, plan_id=plan_id), self._loaded, self._failed)

    def _loaded(self, loaded: service.LoadedPlan) -> None:
        self.venue, self.plan_name = loaded.venue, loaded.name
        self.plan_id, self.version = loaded.plan_id, loaded.version
        self._reset(loaded.plan)
        note = (
            self.tr(" %n showtime(s) use this version; saving makes a new one.", "", loaded.showtimes)
            if loaded.showtimes
            else ""
        )
        self.statusBar().showMessage(
            self.tr("Opened version {version}.{note}").format(version=loaded.version, note=note), 10_000
        )

    def new_plan(self, venue: str, name: str) -> None:
        """Start an empty plan ``name`` at ``venue`` with one category, "Standard"."""
        self.venue, self.plan_name = venue.strip(), name.strip()
        self.plan_id = self.version = None
        self._reset(pe.EditablePlan(name=self.plan_name, categories=[pe.Category(self.tr("Standard"), PALETTE[1])]))

    def _reset(self, plan: pe.EditablePlan) -> None:
        self.undo_stack.clear()
        self.problems = []
        self.problem_list.clear()
        self._show(plan, (set(), set()))
        self.canvas.set_problems(())
        self.canvas.fit_all()
        self._update_title()

    def save(self, *, allow_newer: bool = False) -> bool:
        """Validate, then save a new version on a worker thread. Returns whether a save
        started (``False``: problems to fix, nothing open, or a save already running).
        If someone saved a newer version meanwhile, asks whether to save anyway
        (``allow_newer`` skips that check)."""
        if not self.plan_name or self.saving:
            return False
        if self.validate_plan():
            QMessageBox.warning(
                self,
                "Cannot save yet",
                "Fix the problems listed on the right (their seats are outlined in red), then save.",
            )
            return False
        snapshot, venue, name, based_on = self.plan, self.venue, self.plan_name, self.plan_id
        self.saving = True
        self.save_action.setEnabled(False)
        index = self.undo_stack.index()
        self.runner.run(
            lambda s: service.save_plan_version(
                s, venue_name=venue, plan_name=name, plan=snapshot, based_on=based_on, allow_newer=allow_newer
            ),
            lambda saved: self._saved(saved, index),
            self._save_failed,
        )
        self.statusBar().showMessage(self.tr("Saving…"))
        return True

    def _saved(self, saved: service.SavedPlan, index: int) -> None:
        self.saving = False
        self.save_action.setEnabled(True)
        self.plan_id, self.version = saved.plan_id, saved.version
        if self.undo_stack.index() == index:
            self.undo_stack.setClean()
        self._update_title()
        self.statusBar().showMessage(
            self.tr(
                "Saved as version {version} (%n seat(s)). Showtimes keep the version they were scheduled on.",
                "",
                saved.seats,
            ).format(version=saved.version),
            10_000,
        )
        self.saved.emit(saved)
        if self._close_after_save:
            self.close()

    def _save_failed(self, exc: BaseException) -> None:
        self.saving = False
        self.save_action.setEnabled(True)
        if isinstance(exc, PlanVersionConflictError):
            answer = QMessageBox.question(
                self,
                self.tr("A newer version exists"),
                self.tr(
                    "{error}\n\nSave yours anyway as the newest version? (Otherwise keep editing, or "
                    "open the newer version and make your changes there.)"
                ).format(error=describe_error(exc)),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Save:
                self.save(allow_newer=True)
                return
        self._close_after_save = False
        if not isinstance(exc, PlanVersionConflictError):
            self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        self.statusBar().showMessage(describe_error(exc), 15_000)
        QMessageBox.warning(self, "Seating plans", describe_error(exc))

    def move_showtimes(self):
        """Open "Move showtimes" for the version on screen (saved, without unsaved changes)."""
        if self.plan_id is None or self.dirty:
            QMessageBox.information(
                self, self.tr("Move showtimes"), self.tr("Save the plan first: showtimes move to a saved version.")
            )
            return None
        from boxoffice.ui.plan_editor.migrate import MoveShowtimesDialog

        dialog = MoveShowtimesDialog(self.runner, plan_id=self.plan_id, version=self.version, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.load()
        return dialog

    # -- files -----------------------------------------------------------------------------------

    def import_file(self, path: str | None = None) -> bool:
        """Replace the plan's content with a pretix JSON file (undoable); asks for the file
        unless given. Shows why a file is refused. Returns whether it was imported."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import a pretix seating plan"), "", self.tr("Seating plans (*.json)")
            )
            if not path:
                return False
        try:
            plan = from_pretix(load_plan_file(path))
        except PlanImportError as exc:
            QMessageBox.warning(self, "Cannot import this plan", str(exc))
            return False
        if not self.plan_name:
            self.venue, self.plan_name = self.venue or self.tr("Venue"), plan.name.strip() or Path(path).stem
        before = (self.plan, (set(self.canvas.selected), set(self.canvas.selected_areas)))
        self.undo_stack.push(
            Edit(self, self.tr("Import {name}").format(name=Path(path).name), before, (plan, (set(), set())))
        )
        self.canvas.fit_all()
        return True

    def export_file(self, path: str | None = None, *, pretix_only: bool = False) -> bool:
        """Write the plan as pretix JSON (``pretix_only``: without our ``x-boxoffice``
        key); asks for the file unless given. Returns whether it was written."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export seating plan"),
                f"{self.plan_name or 'seating-plan'}.json",
                self.tr("Seating plans (*.json)"),
            )
            if not path:
                return False
        data = to_pretix(self.plan, pretix_only=pretix_only)
        try:
            Path(path).write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
        except OSError as exc:
            QMessageBox.warning(self, "Cannot export", f"Cannot write {path}: {exc.strerror or exc}.")
            return False
        self.statusBar().showMessage(self.tr("Exported to {path}.").format(path=path), 8000)
        return True

    # -- closing ---------------------------------------------------------------------------------

    def _may_discard(self) -> bool:
        if not self.dirty:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Discard the changes to this plan?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.dirty and not self._close_after_save:
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("Save the changes to this plan as a new version before closing?"),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                event.ignore()
                return
            if answer == QMessageBox.StandardButton.Save:
                event.ignore()
                self._close_after_save = self.save()
                return
        if self.saving:
            event.ignore()
            return
        self.canvas.set_preview([])
        for dialog in self.findChildren(QDialog):  # Add rows, Move showtimes... go with the editor
            dialog.close()
        event.accept()
