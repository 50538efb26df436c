"""Composition root: QApplication, database, sign-in, services and the main window.

Start-up: a splash while the database starts and migrates (on a worker), then the
sign-in dialog (on a first run, the dialog that creates the admin account), then the
main window, running every task as the staff member who signed in.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QProgressBar, QVBoxLayout, QWidget

from boxoffice.config import Settings
from boxoffice.db.feed import InventoryFeed
from boxoffice.domain.errors import BoxOfficeError
from boxoffice.domain.roles import SELL, Actor
from boxoffice.runtime import Database, open_database
from boxoffice.services.till import TillSessions
from boxoffice.ui.common import i18n
from boxoffice.ui.common.screen_fit import fit_to_screen
from boxoffice.ui.common.tasks import TaskRunner, describe_error, run_detached
from boxoffice.ui.seatmap.live import LiveFeed
from boxoffice.ui.shell.main_window import MainWindow


class StartupSplash(QWidget):
    """Shown while the database starts and migrates (seconds on a first run)."""

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.SplashScreen)
        bar = QProgressBar()
        bar.setRange(0, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>boxoffice</b>"))
        self.label = QLabel(self.tr("Starting the database…"))
        layout.addWidget(self.label)
        layout.addWidget(bar)
        self.resize(360, 110)


def prepare(settings: Settings, *, demo: bool) -> Database:
    """Open and migrate the database; on the embedded default, make sure demo data exists.
    Runs on a worker thread."""
    db = open_database(settings, connect=False)  # a central server's schema is checked at sign-in
    if demo:
        db.ensure_demo()
    return db


def till_channel(settings: Settings) -> str:
    """This till's channel name, e.g. ``"till:front-1"`` (on holds, orders, audit rows)."""
    return f"till:{settings.till_name}"


def build_window(
    db: Database,
    settings: Settings,
    *,
    actor: Actor,
    sessions: TillSessions | None = None,
    idle_lock_seconds: float | None = None,
) -> tuple[MainWindow, TaskRunner]:
    """The main window wired to ``db``, signed in as ``actor`` (no database work happens
    here). With ``sessions`` (the app), every task runs on the person's own database
    login. Without (tools, benchmarks, tests, on a superuser connection), tasks run on
    ``db``'s connections and *play* the actor's login (``services.auth.act_as``): get an
    Actor from ``services.staff.actor_of_account`` and pass it.

    Every task of the returned runner runs as ``actor`` (it refuses to run with nobody
    signed in); the till locks after ``idle_lock_seconds`` (default: the settings') and
    on Ctrl+L. The live feed (``window.live``, listening as ``boxoffice-feed:<till>``)
    starts with ``window.start()`` and stops when the window closes."""
    runner = TaskRunner(
        db.session_factory,
        actor=actor.at(till_channel(settings)),
        require_actor=True,
        factory_for=sessions.session_factory if sessions is not None else None,
    )
    gate = TaskRunner(db.session_factory, max_threads=1)
    label = (
        QCoreApplication.translate("app", "embedded database")
        if db.embedded
        else QCoreApplication.translate("app", "server: {url}").format(
            url=db.engine.url.render_as_string(hide_password=True)
        )
    )
    feed_url = sessions.url_of(actor) if sessions is not None else db.url
    live = LiveFeed(InventoryFeed(feed_url, application_name=f"boxoffice-feed:{settings.till_name}"))
    idle = settings.idle_lock_seconds if idle_lock_seconds is None else idle_lock_seconds
    from boxoffice.services.connection_info import till_setup

    window = MainWindow(
        runner,
        channel=till_channel(settings),
        hold_seconds=settings.hold_seconds,
        database_label=label,
        live=live,
        gate=gate,
        idle_lock_seconds=idle,
        sessions=sessions or TillSessions(db.url),
        till_setup=till_setup(settings, db.url, embedded=db.embedded),
        data_dir=settings.data_dir,
    )
    live.setParent(window)
    gate.setParent(window)
    return window, runner


_open_dialogs: set = set()


def ask_sign_in(
    db: Database, sessions: TillSessions, settings: Settings, on_actor: Callable[[Actor | None], None]
) -> None:
    """Ask who works at this till: on the embedded server's first run the dialog that
    creates the admin account, else the sign-in dialog (as the person's own database
    login, into ``sessions``). Calls ``on_actor(actor)``, or ``on_actor(None)`` when the
    person quits. Returns at once (the check runs on a worker)."""
    from boxoffice.services import staff
    from boxoffice.ui.shell.sign_in import FirstAdminDialog, SignInDialog

    gate = TaskRunner(db.session_factory, max_threads=1)
    till = till_channel(settings)

    def decided(first_run: bool) -> None:
        dialog = (
            FirstAdminDialog(gate, sessions, till=till)
            if first_run
            else SignInDialog(gate, sessions, till=till, permission=SELL)
        )
        _open_dialogs.add(dialog)  # a top-level dialog lives as long as Python refers to it

        def finished(_result: int) -> None:
            _open_dialogs.discard(dialog)
            dialog.deleteLater()
            on_actor(dialog.actor)

        dialog.finished.connect(finished)
        dialog.open()

    if not db.embedded:  # a central server's first admin is made there (`boxoffice staff add`)
        decided(False)
        return
    gate.run(lambda s: staff.needs_first_admin(s), decided, lambda exc: (_fail(exc), on_actor(None)))


def _fail(exc: BaseException) -> None:
    QMessageBox.critical(
        None,
        QCoreApplication.translate("app", "boxoffice cannot start"),
        describe_error(exc) if isinstance(exc, BoxOfficeError) else f"{type(exc).__name__}: {exc}",
    )


def run_app(settings: Settings, *, demo: bool = True, sign_in: Callable[[Database], Actor] | None = None) -> int:
    """Run the GUI until the window closes; returns the exit status. ``sign_in`` (for
    benchmarks) signs in programmatically instead of asking: it is called on a worker
    thread with the open database and returns the Actor."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("boxoffice")
    app.setOrganizationName("boxoffice")
    i18n.install(app, settings.language)
    splash = StartupSplash()
    splash.show()
    state: dict = {}

    def opened(prepared) -> None:
        db, actor = prepared
        splash.close()
        state["db"] = db
        state["sessions"] = TillSessions(db.url)
        if db.embedded:  # docs/operations.md: the embedded default's daily backup, once start-up is done
            from boxoffice.db.auto_backup import START_DELAY_MS, start_daily_backup

            QTimer.singleShot(START_DELAY_MS, lambda: state.update(daily_backup=start_daily_backup(settings, db.url)))
        if actor is not None:
            signed_in(actor, programmatic=True)
        else:
            ask_sign_in(db, state["sessions"], settings, signed_in)

    def signed_in(actor: Actor | None, programmatic: bool = False) -> None:
        if actor is None:
            app.exit(0)
            return
        window, runner = build_window(
            state["db"], settings, actor=actor, sessions=None if programmatic else state["sessions"]
        )
        state.update(window=window, runner=runner)
        fit_to_screen(window)
        window.show()
        window.start()

    def failed(exc: BaseException) -> None:
        splash.close()
        _fail(exc)
        app.exit(1)

    def start():
        db = prepare(settings, demo=demo)
        return db, (sign_in(db) if sign_in is not None else None)

    run_detached(start, opened, failed)
    status = app.exec()
    if "window" in state:
        if state["window"].live is not None:
            state["window"].live.stop()
        state["runner"].wait(5000)
    if "sessions" in state:
        state["sessions"].close()
    if "db" in state:
        if status == 0 and state["db"].embedded:  # the window is gone: closing already felt instant
            from boxoffice.db.auto_backup import backup_on_shutdown

            backup_on_shutdown(settings, state["db"].url, running=state.get("daily_backup"))
        state["db"].close()
    return status


def run_smoke_test(settings: Settings, *, timeout_s: float = 180.0) -> int:
    """Check an installation end to end without a person: start (or join) the database,
    migrate it, load the demo (embedded server only), open the main window on the sell
    screen and wait until it shows a showtime's seat map with its live states; then close.

    Signs in as the system principal ``smoke-test`` (no staff account is created, so the
    first-run admin dialog is skipped). Uses Qt's offscreen platform unless
    ``QT_QPA_PLATFORM`` says otherwise. Prints one line to stdout on success (exit status
    0) or one line to stderr on failure (status 1), including after ``timeout_s`` seconds.
    """
    import logging
    import os
    import time

    from PySide6.QtCore import QTimer

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    began = time.perf_counter()
    app = QApplication.instance() or QApplication(sys.argv)
    state: dict = {"status": 1, "message": ""}

    def finish(status: int, line: str) -> None:
        if state.get("done"):
            return
        state.update(done=True, status=status)
        print(line, file=sys.stdout if status == 0 else sys.stderr, flush=True)
        if "window" in state:
            state["window"].close()
        app.exit(status)

    def start() -> tuple[Database | None, BaseException | None]:
        try:  # a failure is reported in one line (run with --debug for the traceback)
            return prepare(settings, demo=True), None
        except Exception as exc:  # noqa: BLE001 - any failure fails the smoke test
            logging.getLogger(__name__).debug("smoke test: the database did not open", exc_info=True)
            return None, exc

    def opened(prepared: tuple[Database | None, BaseException | None]) -> None:
        db, exc = prepared
        if db is None:
            failed(exc)
            return
        state["db"] = db
        window, runner = build_window(db, settings, actor=Actor.system("smoke-test"), idle_lock_seconds=0)
        window.statusBar().messageChanged.connect(lambda text: text and state.update(message=text))
        state.update(window=window, runner=runner)
        fit_to_screen(window)
        window.show()
        window.start()
        poll()

    def poll() -> None:
        window = state["window"]
        sell = window.sell
        if window.isVisible() and sell.seat_map is not None and sell._version > 0:
            shown = sell.seat_map
            finish(
                0,
                f"boxoffice smoke test passed: the sell screen shows {shown.showtime.title!r} "
                f"({len(shown.seats)} seats) after {time.perf_counter() - began:.1f} s",
            )
        elif not state.get("done"):
            QTimer.singleShot(20, poll)

    def failed(exc: BaseException) -> None:
        reason = describe_error(exc) if isinstance(exc, BoxOfficeError) else f"{type(exc).__name__}: {exc}"
        finish(1, "boxoffice: smoke test failed: " + " ".join(reason.split()))

    def timed_out() -> None:
        last = f" (last message: {state['message']})" if state["message"] else ""
        finish(1, f"boxoffice: smoke test failed: no seat map on the sell screen within {timeout_s:.0f} s{last}")

    QTimer.singleShot(int(timeout_s * 1000), timed_out)
    run_detached(start, opened, failed)
    app.exec()
    if "runner" in state:
        state["runner"].wait(5000)
    if "db" in state:
        state["db"].close()
    return state["status"]
