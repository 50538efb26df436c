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
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDockWidget,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from boxoffice.domain import plan_editing as pe, plan_validation as pv
from boxoffice.domain.errors import PlanImportError, PlanVersionConflictError
from boxoffice.domain.plan_exchange import from_pretix, to_pretix
from boxoffice.domain.pretix_plan import PALETTE, load_plan_file
from boxoffice.services import plan_editor as service
from boxoffice.ui.common.tasks import TaskRunner, describe_error
from boxoffice.ui.plan_editor.canvas import PlanCanvas
from boxoffice.ui.plan_editor.dialogs import BlockDialog, OpenPlanDialog
from boxoffice.ui.plan_editor.edits import Edit, PlanEdits

FLAG_LABELS = {
    "wheelchair": QT_TRANSLATE_NOOP("plan_editor", "Wheelchair space"),
    "companion": QT_TRANSLATE_NOOP("plan_editor", "Companion seat"),
    "restricted_view": QT_TRANSLATE_NOOP("plan_editor", "Restricted view"),
    "not_for_sale": QT_TRANSLATE_NOOP("plan_editor", "Not for sale"),
}


class PlanEditorWindow(PlanEdits, QMainWindow):
    """Edit seating plans and save them as new versions, running database work on
    ``runner`` (whose actor must be allowed to set up the house).

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
        self.canvas = PlanCanvas()
        self.setCentralWidget(self.canvas)
        self.canvas.selectionChanged.connect(self._selection_changed)
        self.canvas.moveRequested.connect(self.move_selection)
        self.canvas.rotateRequested.connect(self.rotate_selection)
        self.canvas.deleteRequested.connect(self.delete_selection)
        self._build_panel()
        self._build_actions()
        self.resize(1200, 800)
        self._update_title()
        self._selection_changed()

    # -- building --------------------------------------------------------------------------------

    def _build_panel(self) -> None:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        self.selection_label = QLabel(self.tr("Nothing selected"))
        self.selection_label.setWordWrap(True)
        layout.addWidget(self.selection_label)
        self.category = QComboBox()
        self.category.setObjectName("categoryChoice")
        layout.addWidget(QLabel(self.tr("Price category")))
        layout.addWidget(self.category)
        self.set_category_button = QPushButton(self.tr("Set category"))
        self.set_category_button.clicked.connect(lambda: self.set_attributes(category=self.category.currentData()))
        layout.addWidget(self.set_category_button)
        new_category = QPushButton(self.tr("New category…"))
        new_category.clicked.connect(self.add_category)
        layout.addWidget(new_category)
        self.flags: dict[str, QCheckBox] = {}
        for flag, label in FLAG_LABELS.items():
            box = QCheckBox(QCoreApplication.translate("plan_editor", label))
            box.clicked.connect(
                lambda _=False, f=flag, b=box: self.set_attributes(**{f: b.checkState() != Qt.CheckState.Unchecked})
            )
            layout.addWidget(box)
            self.flags[flag] = box
        self.legend = QLabel("")
        self.legend.setObjectName("planLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        self.renumber_button = QPushButton(self.tr("Renumber row…"))
        self.renumber_button.clicked.connect(self.renumber_selected_row)
        layout.addWidget(self.renumber_button)
        layout.addSpacing(12)
        validate_button = QPushButton(self.tr("Validate"))
        validate_button.clicked.connect(self.validate_plan)
        layout.addWidget(validate_button)
        self.problem_list = QListWidget()
        self.problem_list.setWordWrap(True)
        self.problem_list.itemClicked.connect(self._problem_clicked)
        layout.addWidget(self.problem_list, 1)
        dock = QDockWidget(self.tr("Selection"), self)
        dock.setObjectName("selectionDock")
        dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        dock.setWidget(panel)
        panel.setMinimumWidth(230)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)

    def _action(
        self, text: str, slot: Callable, key: str | QKeySequence.StandardKey | None = None, tip: str = ""
    ) -> QAction:
        action = QAction(text, self)
        if key is not None:
            action.setShortcut(QKeySequence(key))
        action.setToolTip(f"{tip or text} ({action.shortcut().toString()})" if key is not None else (tip or text))
        action.triggered.connect(lambda _=False: slot())
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.open_action = a(
            self.tr("Open…"), self.open_dialog, "Ctrl+O", self.tr("Open a stored plan version or start a new plan")
        )
        self.save_action = a(self.tr("Save"), self.save, "Ctrl+S", self.tr("Save as a new version"))
        self.import_action = a(self.tr("Import pretix JSON…"), self.import_file, "Ctrl+I")
        self.export_action = a(self.tr("Export JSON…"), lambda: self.export_file(pretix_only=False), "Ctrl+E")
        self.export_pretix_action = a(self.tr("Export for pretix…"), lambda: self.export_file(pretix_only=True))
        self.migrate_action = a(self.tr("Move showtimes to this version…"), self.move_showtimes)
        self.undo_action = a(self.tr("Undo"), self.undo_stack.undo, "Ctrl+Z")
        self.redo_action = a(self.tr("Redo"), self.undo_stack.redo, "Ctrl+Shift+Z")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action, can, text in (
            (self.undo_action, self.undo_stack.canUndoChanged, self.undo_stack.undoTextChanged),
            (self.redo_action, self.undo_stack.canRedoChanged, self.undo_stack.redoTextChanged),
        ):
            action.setEnabled(False)
            can.connect(action.setEnabled)
            text.connect(lambda words, act=action: act.setToolTip(f"{act.text()} {words}".strip()))
        self.add_rows_action = a(self.tr("Add rows…"), self.add_rows, "Ctrl+R", self.tr("Add a block of rows"))
        self.stage_action = a(self.tr("Add stage"), self.add_stage)
        self.text_action = a(self.tr("Add text…"), self.add_text)
        self.ga_action = a(
            self.tr("Add general admission area…"),
            self.add_ga_area,
            None,
            self.tr("A standing area sold by count: name, capacity, category, rectangle"),
        )
        self.rotate_action = a(
            self.tr("Rotate…"), self.rotate_dialog, None, self.tr("Rotate the selection ([ and ] turn by 5°)")
        )
        self.renumber_action = a(self.tr("Renumber row…"), self.renumber_selected_row)
        self.validate_action = a(self.tr("Validate"), self.validate_plan, "F7")
        self.fit_action = a(self.tr("Fit"), self.canvas.fit_all, "Ctrl+0")
        self.select_all_action = a(
            self.tr("Select all"), lambda: self.canvas.set_selection(self.plan.seat_map()), "Ctrl+A"
        )
        tools = self.addToolBar(self.tr("Plan"))
        tools.setObjectName("planTools")
        for action in (
            self.open_action,
            self.save_action,
            None,
            self.undo_action,
            self.redo_action,
            None,
            self.add_rows_action,
            self.stage_action,
            self.text_action,
            self.ga_action,
            self.rotate_action,
            self.renumber_action,
            None,
            self.validate_action,
            self.fit_action,
        ):
            tools.addSeparator() if action is None else tools.addAction(action)
        file_menu = self.menuBar().addMenu(self.tr("&Plan"))
        for action in (
            self.open_action,
            self.save_action,
            self.import_action,
            self.export_action,
            self.export_pretix_action,
            self.migrate_action,
        ):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("Close"), self.close, QKeySequence.StandardKey.Close))
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        for action in (
            self.undo_action,
            self.redo_action,
            self.select_all_action,
            self.add_rows_action,
            self.stage_action,
            self.text_action,
            self.ga_action,
            self.rotate_action,
            self.renumber_action,
            self.validate_action,
            self.fit_action,
        ):
            edit_menu.addAction(action)

    # -- showing ---------------------------------------------------------------------------------

    def _show(self, plan: pe.EditablePlan, selection: tuple[set, set]) -> None:
        """Make ``plan`` current (it is never changed afterwards) and select ``selection``."""
        self.plan = plan
        self.canvas.set_plan(plan)
        self.canvas.set_selection(*selection)
        self._refill_categories()
        if self.problems:
            self._set_problems(pv.validate(plan))
        self._update_title()
        self._selection_changed()

    def _update_title(self) -> None:
        if not self.plan_name:
            title = self.tr("Seating plan editor")
        else:
            version = (
                self.tr("version {version}").format(version=self.version) if self.version else self.tr("new, not saved")
            )
            title = self.tr("{venue} · {plan_name} ({version}) — seating plan editor").format(
                venue=self.venue, plan_name=self.plan_name, version=version
            )
        self.setWindowTitle(title + (" *" if self.dirty else ""))

    @property
    def dirty(self) -> bool:
        """Whether there are changes not yet saved."""
        return not self.undo_stack.isClean()

    def _refill_categories(self) -> None:
        current = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        for name in self.plan.category_names():
            self.category.addItem(name, name)
        index = self.category.findData(current)
        self.category.setCurrentIndex(max(0, index))
        self.category.blockSignals(False)

    def _update_legend(self) -> None:
        counts: dict[str | None, int] = {}
        for _, _, seat in self.plan.seats():
            counts[seat.category] = counts.get(seat.category, 0) + 1
        lines = [
            f'<span style="color:{self.canvas.colors[c.name].name()}">●</span> {c.name} ({counts.get(c.name, 0)})'
            for c in self.plan.categories
        ]
        if counts.get(None):
            lines.append(
                self.tr('<span style="color:#9ca3af">●</span> no category ({count})').format(count=counts[None])
            )
        lines.append(
            self.tr(
                '<span style="color:#6b7280">■ wheelchair · ○ companion · – restricted view · / not for sale</span>'
            )
        )
        self.legend.setText("<br>".join(lines))
        self.legend.setMinimumHeight(self.legend.fontMetrics().lineSpacing() * (len(lines) + 1) + 4)

    def _selection_changed(self) -> None:
        seats = [s for _, _, s in self.plan.seats() if s.guid in self.canvas.selected]
        areas = len(self.canvas.selected_areas)
        if not seats and not areas:
            text = self.tr("Nothing selected. {seat_count} seats in the plan.").format(
                seat_count=self.plan.seat_count()
            )
        else:
            rows = {self.plan.row_of(s.guid)[1].display for s in seats[:200]}
            text = self.tr("%n seat(s) selected", "", len(seats)) + (
                self.tr(" in row {row}").format(row=next(iter(rows))) if len(rows) == 1 else ""
            )
            if areas:
                text += f", {areas} {'area' if areas == 1 else 'areas'}"
            cats = {s.category for s in seats}
            if len(cats) == 1 and seats:
                text += f" · {next(iter(cats)) or self.tr('no category')}"
        self.selection_label.setText(text)
        for flag, box in self.flags.items():
            values = {getattr(s, flag) for s in seats}
            box.setEnabled(bool(seats))
            box.setTristate(len(values) > 1)  # mixed: shown partly checked; a click sets all
            box.setCheckState(
                Qt.CheckState.PartiallyChecked
                if len(values) > 1
                else (Qt.CheckState.Checked if values == {True} else Qt.CheckState.Unchecked)
            )
        self._update_legend()
        has_seats = bool(seats)
        self.set_category_button.setEnabled(has_seats and self.category.count() > 0)
        self.renumber_button.setEnabled(has_seats)
        self.renumber_action.setEnabled(has_seats)
        self.rotate_action.setEnabled(has_seats)
        self.statusBar().showMessage(text)

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
        self.problem_list.clear()
        for problem in problems:
            item = QListWidgetItem(problem.message)
            item.setData(Qt.ItemDataRole.UserRole, problem.guids)
            self.problem_list.addItem(item)
        if not problems:
            self.problem_list.addItem(self.tr("No problems."))
        self.canvas.set_problems({g for p in problems for g in p.guids})

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
                "Saved as version {version} ({seats} seats). Showtimes keep the version they were scheduled on."
            ).format(version=saved.version, seats=saved.seats),
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
