"""Composition of the door station (``boxoffice door``): database, station, screen.

Start-up follows ``boxoffice.app``: a splash while the database starts and migrates on a
worker thread, then the window. The door uses its own engine with short timeouts (3 s to
connect, 5 s for an unanswered request over TCP), so a lost network turns into offline
mode quickly. With ``BOXOFFICE_DATABASE_URL`` set and the server unreachable at start,
the door starts offline from its local copy (it must have been online once).

Door staff sign in before the screen opens (:func:`sign_in_door_staff`: an account with
the ``scan`` permission, i.e. door, manager or admin); every scan then runs as them, the
services check the permission, and the sign-in is in the audit log with the device.
A door that starts offline cannot check a password: it opens unsigned, says so, and
its queued admissions are uploaded as the device (gate and device are on every row).
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QProgressBar, QVBoxLayout, QWidget
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from boxoffice.config import Settings
from boxoffice.db.engine import make_engine, make_session_factory
from boxoffice.domain.errors import BoxOfficeError, DatabaseUnavailableError, NotFoundError
from boxoffice.domain.roles import SCAN, Actor
from boxoffice.door.offline import DoorCopy, gate_slug
from boxoffice.door.station import DoorStation
from boxoffice.runtime import Database, open_database
from boxoffice.services import door_info
from boxoffice.services.admission import Door
from boxoffice.services.door_info import DoorShowtime
from boxoffice.services.till import TillSessions
from boxoffice.ui.common import i18n
from boxoffice.ui.common.tasks import TaskRunner, describe_error, run_detached
from boxoffice.ui.door.media import VerdictSounds
from boxoffice.ui.door.screen import DoorScreen
from boxoffice.ui.door.setup import DoorSetupDialog


@dataclass
class DoorStart:
    """What start-up found: the door's engine and sessions, the showtimes (asked for, or
    around today to choose from), and whether the database was reachable."""

    engine: Engine
    session_factory: sessionmaker[Session]
    showtimes: list[DoorShowtime]
    online: bool
    database: Database | None = None
    sessions: TillSessions | None = None  # after sign-in: the door person's own login
    sign_in_first: bool = False  # a central server's URL without a password: sign in, then load showtimes

    def close(self) -> None:
        if self.sessions is not None:
            self.sessions.close()
        self.engine.dispose()
        if self.database is not None:
            self.database.close()


def door_folder(settings: Settings):
    """Where doors keep their offline copies and queues: ``<data dir>/door``."""
    return settings.data_dir / "door"


def prepare_door(settings: Settings, *, gate: str, showtime_ids: list[int] | None) -> DoorStart:
    """Open the database (migrating it; demo data on the embedded server, as the app
    does) and load the showtimes. Runs on a worker thread. On a central server whose URL
    carries no password (people sign in with their own), nothing is read yet: the
    returned start says ``sign_in_first`` and the showtimes are loaded after the sign-in
    (:func:`load_showtimes`).

    Raises:
        DatabaseUnavailableError: unreachable and no offline start possible.
        NotFoundError: a ``showtime_ids`` entry does not exist.
    """
    from sqlalchemy.engine import make_url

    sign_in_first = bool(settings.database_url) and not make_url(settings.database_url).password
    try:
        db = open_database(settings, application_name="boxoffice-door", connect=not sign_in_first)
    except DatabaseUnavailableError:
        if not settings.database_url:
            raise
        from boxoffice.db.tls import with_tls

        engine = _door_engine(with_tls(settings.database_url, settings), settings)
        copy = DoorCopy.load(door_folder(settings) / f"{gate_slug(gate)}-copy.json")
        showtimes = [s for s in copy.showtimes.values() if not showtime_ids or s.id in showtime_ids]
        if not showtimes:
            raise
        return DoorStart(engine, make_session_factory(engine), showtimes, online=False)
    if db.embedded:
        from boxoffice.services.demo import ensure_demo

        with db.session_factory() as session:
            ensure_demo(session)
    engine = _door_engine(db.url, settings)
    factory = make_session_factory(engine)
    if sign_in_first:
        return DoorStart(engine, factory, [], online=True, database=db, sign_in_first=True)
    return DoorStart(engine, factory, load_showtimes(factory, showtime_ids), online=True, database=db)


def load_showtimes(factory: sessionmaker[Session], showtime_ids: list[int] | None) -> list[DoorShowtime]:
    """The showtimes ``showtime_ids`` (none: those around today to choose from), read on
    ``factory``'s connections. Runs on a worker thread.

    Raises:
        NotFoundError: a ``showtime_ids`` entry does not exist.
    """
    with factory() as session:
        showtimes = door_info.door_showtimes(session, ids=showtime_ids)
    if showtime_ids:
        missing = sorted(set(showtime_ids) - {s.id for s in showtimes})
        if missing:
            raise NotFoundError(
                QCoreApplication.translate("door_app", "No showtime {ids}.").format(ids=", ".join(map(str, missing)))
            )
    return showtimes


def _door_engine(url: str, settings: Settings) -> Engine:
    return make_engine(
        url,
        application_name=f"boxoffice-door:{settings.till_name}",
        pool_size=3,
        connect_timeout=3,
        tcp_user_timeout_ms=5000,
    )


def sign_in_door_staff(
    start: DoorStart, settings: Settings, *, gate: str, parent: QWidget | None = None
) -> tuple[bool, Actor | None]:
    """Ask who works the door (modal sign-in dialog; the account needs the ``scan``
    permission). Returns ``(go_on, actor)``: ``(True, actor)`` signed in, ``(False, None)``
    the person quit, ``(True, None)`` the database was unreachable at start, so nobody can
    be checked and the door opens unsigned (it says so)."""
    del settings
    if not start.online:
        QMessageBox.warning(
            parent,
            "Door opens without sign-in",
            "The database cannot be reached, so passwords cannot be checked. The door works "
            "offline on the ticket signatures and uploads its admissions when the database is back.",
        )
        return True, None
    from boxoffice.ui.shell.sign_in import SignInDialog

    runner = TaskRunner(start.session_factory, max_threads=1)
    sessions = TillSessions(start.engine.url.render_as_string(hide_password=False))
    dialog = SignInDialog(
        runner,
        sessions,
        till=f"door:{gate}",
        permission=SCAN,
        parent=parent,
        offer_pin=False,
        venue_hint=QCoreApplication.translate("door_app", "Door staff: sign in to scan tickets."),
        hint=QCoreApplication.translate(
            "door_app",
            "Door, manager and admin accounts may scan. Forgotten your password? An admin can set a new one.",
        ),
    )
    accepted = dialog.exec() == QDialog.DialogCode.Accepted and dialog.actor is not None
    runner.wait(3000)
    if not accepted:
        sessions.close()
        return False, None
    # from here on the door works as the person who signed in, on their own login
    start.sessions, start.session_factory = sessions, sessions.session_factory(dialog.actor)
    return True, dialog.actor


def build_door_screen(
    start: DoorStart,
    settings: Settings,
    *,
    gate: str,
    showtimes: list[DoorShowtime],
    reentry: bool = False,
    sounds: bool = True,
    actor: Actor | None = None,
) -> tuple[DoorScreen, list[TaskRunner]]:
    """The door screen for ``gate`` serving ``showtimes`` (no database work happens here;
    call ``screen.start()``). Database work runs as ``actor`` (``None``: the system
    principal, e.g. offline or in tests). Returns the screen and its task runners (wait
    on them at exit)."""
    door = Door(gate=gate, device=settings.till_name, serving=tuple(s.id for s in showtimes))
    station = DoorStation(door=door, folder=door_folder(settings))
    if not start.online:
        station.went_offline(QCoreApplication.translate("door_app", "the database was unreachable at start"))
    at = actor.at(f"door:{gate}") if actor is not None else None
    scans = TaskRunner(start.session_factory, max_threads=1, actor=at)  # verdicts in scan order
    info = TaskRunner(start.session_factory, max_threads=2, actor=at)
    screen = DoorScreen(
        station, scans, info_runner=info, showtimes=showtimes, reentry=reentry, sounds=VerdictSounds(enabled=sounds)
    )
    scans.setParent(screen)
    info.setParent(screen)
    if actor is not None:
        screen.gate_label.setText(QCoreApplication.translate("door_app", "Gate {gate}").format(gate=gate))
        screen.gate_label.setToolTip(
            QCoreApplication.translate("door_app", "Signed in: {who}").format(who=actor.describe())
        )
        screen.served_label.setText(f"{actor.display_name} · {screen.served_label.text()}")
        screen.setWindowTitle(f"{screen.windowTitle()} · {actor.display_name}")
    return screen, [scans, info]


class _Splash(QWidget):
    def __init__(self, text: str) -> None:
        super().__init__(None, Qt.WindowType.SplashScreen)
        bar = QProgressBar()
        bar.setRange(0, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<b>boxoffice door</b>")))
        layout.addWidget(QLabel(text))
        layout.addWidget(bar)
        self.resize(360, 110)


def run_door(settings: Settings, gate: str, showtime_ids: list[int] | None = None, *, reentry: bool = False) -> int:
    """Run the door screen until it closes; returns the exit status.

    Args:
        settings: as for the app (database, data dir, device name = ``till_name``).
        gate: the gate's name (shown to other gates).
        showtime_ids: the showtimes it serves; none: choose among today's in a dialog.
        reentry: offer exit scans (F6) so a ticket may come in again.
    """
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("boxoffice-door")
    i18n.install(app, settings.language)
    splash = _Splash(QCoreApplication.translate("door_app", "Starting the database…"))
    splash.show()
    state: dict = {}

    def opened(start: DoorStart) -> None:
        splash.close()
        state["start"] = start
        if not start.sign_in_first:
            choose(start, None)
            return
        go_on, actor = sign_in_door_staff(start, settings, gate=gate)  # a central server: who first
        if not go_on or actor is None:
            app.exit(0)
            return

        def loaded(showtimes: list[DoorShowtime]) -> None:
            start.showtimes = showtimes
            choose(start, actor)

        run_detached(lambda: load_showtimes(start.session_factory, showtime_ids), loaded, failed)

    def choose(start: DoorStart, actor: Actor | None) -> None:
        chosen_gate, showtimes = gate, start.showtimes
        if not showtime_ids:
            zone = start.showtimes[0].zone() if start.showtimes else dt.UTC
            dialog = DoorSetupDialog(start.showtimes, gate=gate, tz=zone)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                app.exit(0)
                return
            chosen_gate = dialog.gate()
            showtimes = [s for s in start.showtimes if s.id in set(dialog.showtime_ids())]
        if actor is None:
            go_on, actor = sign_in_door_staff(start, settings, gate=chosen_gate)
            if not go_on:
                app.exit(0)
                return
        screen, runners = build_door_screen(
            start, settings, gate=chosen_gate, showtimes=showtimes, reentry=reentry, actor=actor
        )
        state.update(screen=screen, runners=runners)
        screen.resize(1280, 800)
        screen.showMaximized()
        screen.start()

    def failed(exc: BaseException) -> None:
        splash.close()
        QMessageBox.critical(
            None,
            QCoreApplication.translate("door_app", "boxoffice door cannot start"),
            describe_error(exc) if isinstance(exc, BoxOfficeError) else f"{type(exc).__name__}: {exc}",
        )
        app.exit(1)

    run_detached(lambda: prepare_door(settings, gate=gate, showtime_ids=showtime_ids), opened, failed)
    status = app.exec()
    if "screen" in state:
        state["screen"].stop()
        for runner in state["runners"]:
            runner.wait(5000)
    if "start" in state:
        state["start"].close()
    return status
