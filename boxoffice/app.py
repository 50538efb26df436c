"""Composition root: QApplication, database, services and the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QProgressBar, QVBoxLayout, QWidget

from boxoffice.config import Settings
from boxoffice.db.feed import InventoryFeed
from boxoffice.domain.errors import BoxOfficeError
from boxoffice.runtime import Database, open_database
from boxoffice.ui.live import LiveFeed
from boxoffice.ui.main_window import MainWindow
from boxoffice.ui.tasks import TaskRunner, describe_error, run_detached


class StartupSplash(QWidget):
    """Shown while the database starts and migrates (seconds on a first run)."""

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.SplashScreen)
        bar = QProgressBar()
        bar.setRange(0, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>boxoffice</b>"))
        self.label = QLabel("Starting the database…")
        layout.addWidget(self.label)
        layout.addWidget(bar)
        self.resize(360, 110)


def prepare(settings: Settings, *, demo: bool) -> Database:
    """Open and migrate the database; on the embedded default, make sure demo data exists.
    Runs on a worker thread."""
    db = open_database(settings)
    if demo and db.embedded:
        from boxoffice.services.demo import ensure_demo

        with db.session_factory() as session:
            ensure_demo(session)
    return db


def build_window(db: Database, settings: Settings) -> tuple[MainWindow, TaskRunner]:
    """The main window wired to ``db`` (no database work happens here). Its live feed
    (``window.live``, listening as ``boxoffice-feed:<till>``) starts with ``window.start()``
    and stops when the window closes."""
    runner = TaskRunner(db.session_factory)
    label = "embedded database" if db.embedded else "server: " + db.engine.url.render_as_string(hide_password=True)
    live = LiveFeed(InventoryFeed(db.url, application_name=f"boxoffice-feed:{settings.till_name}"))
    window = MainWindow(runner, channel=f"till:{settings.till_name}", hold_seconds=settings.hold_seconds,
                        database_label=label, live=live)
    live.setParent(window)
    return window, runner


def run_app(settings: Settings, *, demo: bool = True) -> int:
    """Run the GUI until the window closes; returns the exit status."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("boxoffice")
    app.setOrganizationName("boxoffice")
    splash = StartupSplash()
    splash.show()
    state: dict = {}

    def opened(db: Database) -> None:
        splash.close()
        window, runner = build_window(db, settings)
        state.update(db=db, window=window, runner=runner)
        window.resize(1400, 860)
        window.show()
        window.start()

    def failed(exc: BaseException) -> None:
        splash.close()
        QMessageBox.critical(None, "boxoffice cannot start", describe_error(exc) if isinstance(exc, BoxOfficeError)
                             else f"{type(exc).__name__}: {exc}")
        app.exit(1)

    run_detached(lambda: prepare(settings, demo=demo), opened, failed)
    status = app.exec()
    if "db" in state:
        if state["window"].live is not None:
            state["window"].live.stop()
        state["runner"].wait(5000)
        state["db"].close()
    return status
