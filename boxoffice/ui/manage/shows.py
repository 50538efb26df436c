"""Manage → Shows: the list of shows and a form to add or change one (title, running
time, rating, description, poster image). Saving runs ``services.shows.save_show`` on a
worker thread; the service checks the ``setup`` permission and audits the change."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from boxoffice.domain.errors import InvalidInputError
from boxoffice.services import shows
from boxoffice.ui.common.tasks import TaskRunner, describe_error

ERROR_STYLE = "color: #b91c1c;"


class ShowsDialog(QDialog):
    """List + form. Ctrl+N starts a new show, Ctrl+S saves, Esc closes."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Shows"))
        self.runner = runner
        self.items: list[shows.ShowInfo] = []
        self.current_id: int | None = None
        self.image: object = shows.KEEP  # bytes / None (remove) / KEEP

        self.list = QListWidget()
        self.list.setObjectName("showList")
        self.list.setMinimumWidth(260)
        self.list.currentRowChanged.connect(self._selected)
        new_button = QPushButton(self.tr("New show"))
        new_button.clicked.connect(self.new_show)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(new_button)

        self.title = QLineEdit()
        self.title.setObjectName("showTitle")
        self.title.setMaxLength(200)
        self.duration = QSpinBox()
        self.duration.setObjectName("showDuration")
        self.duration.setRange(1, shows.MAX_DURATION_MINUTES)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setValue(120)
        self.rating = QLineEdit()
        self.rating.setMaxLength(20)
        self.rating.setPlaceholderText(self.tr("e.g. 12A, PG"))
        self.description = QPlainTextEdit()
        self.description.setMaximumHeight(110)
        self.poster = QLabel(self.tr("No image"))
        self.poster.setObjectName("poster")
        self.poster.setFixedSize(160, 220)
        self.poster.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.poster.setStyleSheet("border: 1px solid #ccc; background: #fafafa; color: #777;")
        choose = QPushButton(self.tr("Choose image…"))
        choose.clicked.connect(self.choose_image)
        remove = QPushButton(self.tr("Remove image"))
        remove.clicked.connect(self.remove_image)
        image_buttons = QVBoxLayout()
        image_buttons.addWidget(choose)
        image_buttons.addWidget(remove)
        image_buttons.addWidget(
            QLabel(self.tr("PNG or JPEG,\nat most {kib} KiB").format(kib=shows.MAX_IMAGE_BYTES // 1024))
        )
        image_buttons.addStretch(1)
        image_row = QHBoxLayout()
        image_row.addWidget(self.poster)
        image_row.addLayout(image_buttons)
        form = QFormLayout()
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("&Running time"), self.duration)
        form.addRow(self.tr("R&ating"), self.rating)
        form.addRow(self.tr("&Description"), self.description)
        form.addRow(self.tr("Poster"), image_row)
        self.error = QLabel("")
        self.error.setObjectName("error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveShow")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addStretch(1)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addLayout(right, 1)
        QShortcut(QKeySequence("Ctrl+N"), self, self.new_show)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.resize(860, 460)

    def load(self, select_id: int | None = None, note: str = "") -> None:
        """Fetch the shows (worker thread) and select ``select_id`` (or keep the
        selection); then show ``note`` (e.g. "Saved.") under the form."""
        keep = select_id if select_id is not None else self.current_id
        self.runner.run(shows.list_shows, lambda found: self._loaded(found, keep, note), self._failed, owner=self)

    def _loaded(self, found: list[shows.ShowInfo], keep: int | None, note: str = "") -> None:
        self.items = found
        self.list.blockSignals(True)
        self.list.clear()
        for s in found:
            item = QListWidgetItem(
                self.tr("{title}\n{minutes} min").format(title=s.title, minutes=s.duration_minutes)
                + (f" · {s.rating}" if s.rating else "")
                + " · "
                + self.tr("%n showtime(s)", "", s.showtimes)
            )
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        row = next((i for i, s in enumerate(found) if s.id == keep), 0 if found else -1)
        if row >= 0:
            self.list.blockSignals(True)
            self.list.setCurrentRow(row)
            self.list.blockSignals(False)
            self._selected(row)
        else:
            self.new_show()
        if note:
            self.error.setStyleSheet("color: #15803d;")
            self.error.setText(note)

    def _selected(self, row: int) -> None:
        if not 0 <= row < len(self.items):
            return
        s = self.items[row]
        self.current_id = s.id
        self.title.setText(s.title)
        self.duration.setValue(s.duration_minutes)
        self.rating.setText(s.rating)
        self.description.setPlainText(s.description)
        self.image = shows.KEEP
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setText("")
        self._show_poster(None, self.tr("Loading…") if s.image_type else self.tr("No image"))
        if s.image_type:
            show_id = s.id
            self.runner.run(
                lambda session: shows.show_image(session, show_id=show_id),
                lambda img: self._show_poster(
                    img[0] if img and show_id == self.current_id else None, self.tr("No image")
                ),
                self._failed,
                owner=self,
            )

    def _show_poster(self, data: bytes | None, text: str) -> None:
        if data:
            pix = QPixmap()
            pix.loadFromData(data)
            self.poster.setPixmap(
                pix.scaled(
                    self.poster.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            )
        else:
            self.poster.setPixmap(QPixmap())
            self.poster.setText(text)

    def new_show(self) -> None:
        """Clear the form for a new show."""
        self.current_id = None
        self.list.clearSelection()
        self.title.clear()
        self.duration.setValue(120)
        self.rating.clear()
        self.description.clear()
        self.image = None
        self._show_poster(None, self.tr("No image"))
        self.error.setText("")
        self.title.setFocus()

    def choose_image(self) -> None:
        """Pick a PNG/JPEG poster; it is checked here and saved with the show."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Poster image"), "", self.tr("Images (*.png *.jpg *.jpeg)"))
        if path:
            self.set_image(Path(path).read_bytes())

    def set_image(self, data: bytes) -> None:
        """Use ``data`` as the poster (shown at once, saved with Save); errors are shown."""
        try:
            shows.image_type_of(data)
        except InvalidInputError as exc:
            self.error.setText(str(exc))
            return
        self.image = data
        self.error.setText("")
        self._show_poster(data, self.tr("No image"))

    def remove_image(self) -> None:
        """Drop the poster (when saved)."""
        self.image = None
        self._show_poster(None, self.tr("No image"))

    def save(self) -> None:
        """Save the form (worker thread); errors appear under the form."""
        values = dict(
            show_id=self.current_id,
            title=self.title.text(),
            duration_minutes=self.duration.value(),
            description=self.description.toPlainText(),
            rating=self.rating.text(),
            image=self.image if self.current_id is not None or self.image is not None else shows.KEEP,
        )
        self.save_button.setEnabled(False)
        self.error.setText("")

        def done(show_id: int) -> None:
            self.save_button.setEnabled(True)
            self.image = shows.KEEP
            self.load(select_id=show_id, note=self.tr("Saved."))

        self.runner.run(lambda session: shows.save_show(session, **values), done, self._failed, owner=self)

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setText(describe_error(exc))
