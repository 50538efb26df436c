"""The seating plan editor's view: the map, the selection panel, the actions with their
keys, toolbar and menus, and how a plan, a selection and problems look. No database,
no undo stack, no files: the controller (:class:`boxoffice.ui.plan_editor.window.PlanEditorWindow`,
a subclass, as TagStudio's ``qt/controllers`` subclass its ``qt/views``) connects the
widgets and actions to what they do and calls the ``show_*`` methods here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from boxoffice.domain import plan_editing as pe, plan_validation as pv
from boxoffice.ui.plan_editor.canvas import PlanCanvas

FLAG_LABELS = {
    "wheelchair": QT_TRANSLATE_NOOP("plan_editor", "Wheelchair space"),
    "companion": QT_TRANSLATE_NOOP("plan_editor", "Companion seat"),
    "restricted_view": QT_TRANSLATE_NOOP("plan_editor", "Restricted view"),
    "not_for_sale": QT_TRANSLATE_NOOP("plan_editor", "Not for sale"),
}


# _NUMERUS: PySide6 (6.11) finds a view's self.tr() text through the subclass's MRO, but not
# a plural one (self.tr(text, "", n) run on the controller subclass comes back
# untranslated), and lupdate does not read plural QCoreApplication.translate() calls: so
# the controller makes the plural texts and hands them to the view.


class StackAction(QAction):
    """Undo or Redo: its tooltip names the step (``show_step``, a slot of the action, so
    the undo stack's signal is disconnected when the action goes)."""

    @Slot(str)
    def show_step(self, words: str) -> None:
        """Tooltip "Undo <step>" / "Redo <step>"."""
        self.setToolTip(f"{self.text()} {words}".strip())


class PlanEditorView(QMainWindow):
    """The editor window's widgets (see the module docstring). Actions are made here with
    their text, keys and tooltips and placed in the toolbar and menus; the controller
    connects their ``triggered`` signals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = PlanCanvas()
        self.setCentralWidget(self.canvas)
        self._build_panel()
        self._build_actions()
        self.resize(1200, 800)

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
        layout.addWidget(self.set_category_button)
        self.new_category_button = QPushButton(self.tr("New category…"))
        layout.addWidget(self.new_category_button)
        self.flags: dict[str, QCheckBox] = {}
        for flag, label in FLAG_LABELS.items():
            box = QCheckBox(QCoreApplication.translate("plan_editor", str(label)))
            layout.addWidget(box)
            self.flags[flag] = box
        self.legend = QLabel("")
        self.legend.setObjectName("planLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        self.renumber_button = QPushButton(self.tr("Renumber row…"))
        layout.addWidget(self.renumber_button)
        layout.addSpacing(12)
        self.validate_button = QPushButton(self.tr("Validate"))
        layout.addWidget(self.validate_button)
        self.problem_list = QListWidget()
        self.problem_list.setWordWrap(True)
        layout.addWidget(self.problem_list, 1)
        dock = QDockWidget(self.tr("Selection"), self)
        dock.setObjectName("selectionDock")
        dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        dock.setWidget(panel)
        panel.setMinimumWidth(230)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)

    def _action(self, text: str, key: str | QKeySequence.StandardKey | None = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if key is not None:
            action.setShortcut(QKeySequence(key))
        action.setToolTip(f"{tip or text} ({action.shortcut().toString()})" if key is not None else (tip or text))
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.open_action = a(self.tr("Open…"), "Ctrl+O", self.tr("Open a stored plan version or start a new plan"))
        self.save_action = a(self.tr("Save"), "Ctrl+S", self.tr("Save as a new version"))
        self.import_action = a(self.tr("Import pretix JSON…"), "Ctrl+I")
        self.export_action = a(self.tr("Export JSON…"), "Ctrl+E")
        self.export_pretix_action = a(self.tr("Export for pretix…"))
        self.migrate_action = a(self.tr("Move showtimes to this version…"))
        self.undo_action = StackAction(self.tr("Undo"), self)
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = StackAction(self.tr("Redo"), self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for stack_action in (self.undo_action, self.redo_action):
            stack_action.setToolTip(f"{stack_action.text()} ({stack_action.shortcut().toString()})")
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.add_rows_action = a(self.tr("Add rows…"), "Ctrl+R", self.tr("Add a block of rows"))
        self.stage_action = a(self.tr("Add stage"))
        self.text_action = a(self.tr("Add text…"))
        self.ga_action = a(
            self.tr("Add general admission area…"),
            None,
            self.tr("A standing area sold by count: name, capacity, category, rectangle"),
        )
        self.rotate_action = a(self.tr("Rotate…"), None, self.tr("Rotate the selection ([ and ] turn by 5°)"))
        self.renumber_action = a(self.tr("Renumber row…"))
        self.validate_action = a(self.tr("Validate"), "F7")
        self.fit_action = a(self.tr("Fit"), "Ctrl+0")
        self.fit_action.triggered.connect(lambda _=False: self.canvas.fit_all())
        self.select_all_action = a(self.tr("Select all"), "Ctrl+A")
        self.close_action = a(self.tr("Close"), QKeySequence.StandardKey.Close)
        self.close_action.triggered.connect(lambda _=False: self.close())
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
        file_menu.addAction(self.close_action)
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

    # -- how things look -------------------------------------------------------------------------

    def show_title(self, venue: str, plan_name: str, version: int | None, dirty: bool) -> None:
        """The window title: venue, plan, version (or "new, not saved"), ``*`` when dirty."""
        if not plan_name:
            title = self.tr("Seating plan editor")
        else:
            shown = self.tr("version {version}").format(version=version) if version else self.tr("new, not saved")
            title = self.tr("{venue} · {plan_name} ({version}) — seating plan editor").format(
                venue=venue, plan_name=plan_name, version=shown
            )
        self.setWindowTitle(title + (" *" if dirty else ""))

    def show_categories(self, names: list[str]) -> None:
        """The category choice's entries (keeping the current one where it still exists)."""
        current = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        for name in names:
            self.category.addItem(name, name)
        index = self.category.findData(current)
        self.category.setCurrentIndex(max(0, index))
        self.category.blockSignals(False)

    def show_legend(self, plan: pe.EditablePlan) -> None:
        """The categories with their colours and seat counts, and the seat marks."""
        counts: dict[str | None, int] = {}
        for _, _, seat in plan.seats():
            counts[seat.category] = counts.get(seat.category, 0) + 1
        lines = [
            f'<span style="color:{self.canvas.colors[c.name].name()}">●</span> {c.name} ({counts.get(c.name, 0)})'
            for c in plan.categories
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

    def show_selection(self, plan: pe.EditablePlan, seats: list, areas: int, seats_text: str, empty_text: str) -> None:
        """Describe the selected ``seats`` (of ``plan``; ``seats_text``: "N seats selected",
        ``empty_text``: "Nothing selected. N seats in the plan.", see _NUMERUS) and ``areas``
        (a count) in the panel and status bar, set the flag boxes from them and enable what
        applies to seats."""
        if not seats and not areas:
            text = empty_text
        else:
            rows = {plan.row_of(s.guid)[1].display for s in seats[:200]}
            text = seats_text + (self.tr(" in row {row}").format(row=next(iter(rows))) if len(rows) == 1 else "")
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
        self.show_legend(plan)
        has_seats = bool(seats)
        self.set_category_button.setEnabled(has_seats and self.category.count() > 0)
        self.renumber_button.setEnabled(has_seats)
        self.renumber_action.setEnabled(has_seats)
        self.rotate_action.setEnabled(has_seats)
        self.statusBar().showMessage(text)

    def show_problems(self, problems: list[pv.Problem]) -> None:
        """List ``problems`` in the panel (each remembers its seats) and outline their seats."""
        self.problem_list.clear()
        for problem in problems:
            item = QListWidgetItem(problem.message)
            item.setData(Qt.ItemDataRole.UserRole, problem.guids)
            self.problem_list.addItem(item)
        if not problems:
            self.problem_list.addItem(self.tr("No problems."))
        self.canvas.set_problems({g for p in problems for g in p.guids})
