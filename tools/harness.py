"""Drive the real app headless for screenshots and benchmarks (not used by the app or tests).

Everything here is the production path: the embedded PostgreSQL server from the wheel in
a data directory of its own, Alembic migrations, demo data, and the real ``MainWindow``.
Run with ``QT_QPA_PLATFORM=offscreen`` (the Makefile targets set it).
"""

from __future__ import annotations

import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEventLoop, QPoint, Qt  # noqa: E402
from PySide6.QtGui import QMouseEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from boxoffice.config import Settings  # noqa: E402
from boxoffice.rehearsal.stats import percentile  # noqa: E402


def app() -> QApplication:
    """The process's QApplication (created on first use), speaking English as the app does
    (the English translation holds the plural forms: "2 seats", not "2 seat(s)")."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    created = QApplication([sys.argv[0]])
    from boxoffice.ui.common import i18n

    i18n.install(created, "en_GB")
    return created


def temp_settings(data_dir: Path | None = None, **overrides) -> Settings:
    """Settings on a private data directory (a fresh temporary one unless given)."""
    data_dir = data_dir or Path(tempfile.mkdtemp(prefix="boxoffice-harness-"))
    values = dict(database_url=None, data_dir=data_dir, till_name="harness")
    values.update(overrides)
    return Settings(**values)


def wait_until(predicate: Callable[[], bool], timeout: float = 20.0, what: str = "condition") -> float:
    """Process Qt events until ``predicate()`` holds; returns the seconds waited.

    Raises:
        TimeoutError: it did not hold within ``timeout`` seconds.
    """
    started = time.perf_counter()
    while not predicate():
        if time.perf_counter() - started > timeout:
            raise TimeoutError(f"timed out waiting for {what}")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        time.sleep(0.0005)
    return time.perf_counter() - started


HARNESS_ADMIN = "admin"
DEMO_BY_ROLE = {"cashier": "cara", "door": "dan", "manager": "maya"}


HARNESS_PASSWORD = "harness-admin-pass"  # a throwaway data directory's admin, for tools only


def sign_in(db, settings: Settings, role: str = "admin", sessions=None):
    """Sign in programmatically (no dialog) and return the Actor: ``role`` ``"admin"``
    is the harness's admin account (created on a fresh database), other roles are the
    demo accounts (``services.demo.DEMO_STAFF``). With ``sessions`` (a
    :class:`~boxoffice.services.till.TillSessions`) the person signs in with their
    password as their own database login, as at a real till; without, the returned
    Actor is played on the superuser's connections."""
    from boxoffice.app import till_channel
    from boxoffice.services import staff
    from boxoffice.services.demo import DEMO_STAFF

    till = till_channel(settings)
    with db.session_factory() as session:
        if role == "admin" and staff.needs_first_admin(session):
            staff.create_first_admin(
                session, username=HARNESS_ADMIN, display_name="Harness Admin", password=HARNESS_PASSWORD
            )
        username = HARNESS_ADMIN if role == "admin" else DEMO_BY_ROLE[role]
        if sessions is None:
            return staff.actor_of_account(session, username=username, till=till)
    password = HARNESS_PASSWORD if role == "admin" else next(p for u, _d, _r, p in DEMO_STAFF if u == username)
    return sessions.sign_in(username=username, password=password, till=till)


def open_window(
    settings: Settings,
    size: tuple[int, int] = (1400, 860),
    *,
    role: str = "admin",
    actor=None,
    idle_lock_seconds: float = 0,
):
    """Prepare the database as ``boxoffice run`` does, sign in (``actor``, or as
    :func:`sign_in` does for ``role``), then show the main window with today's showtime
    open. The idle lock is off unless ``idle_lock_seconds`` is given. Returns
    ``(window, runner, db)``."""
    from boxoffice.app import build_window, prepare
    from boxoffice.services.till import TillSessions

    app()
    db = prepare(settings, demo=True)
    sessions = None if actor is not None else TillSessions(db.url)  # the person's own login, as at a till
    actor = actor or sign_in(db, settings, role, sessions=sessions)
    window, runner = build_window(db, settings, actor=actor, sessions=sessions, idle_lock_seconds=idle_lock_seconds)
    window.resize(*size)
    window.show()
    window.start()
    sell = window.sell
    wait_until(lambda: sell.seat_map is not None and sell._version > 0, what="the seat map")
    return window, runner, db


def close_window(window, runner, db, settings: Settings) -> None:
    """Undo :func:`open_window`: release the basket's holds, let the runner finish, close
    the window and the database, and delete the temporary data directory."""
    import shutil

    window.sell.release_seats(None)
    runner.wait(5000)
    window.close()
    if window.lock is not None and window.lock.sessions is not None:
        window.lock.sessions.close()
    db.close()
    shutil.rmtree(settings.data_dir, ignore_errors=True)


def click(view, pos: QPoint) -> None:
    """A left click on ``view``'s viewport at ``pos`` (press and release events)."""
    target = view.viewport()
    for kind in (QMouseEvent.Type.MouseButtonPress, QMouseEvent.Type.MouseButtonRelease):
        event = QMouseEvent(
            kind,
            pos.toPointF(),
            target.mapToGlobal(pos).toPointF(),
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton if kind == QMouseEvent.Type.MouseButtonPress else Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(target, event)


def other_channels_take(db, showtime_id: int, *, sell: list[int], hold: list[int]) -> None:
    """Another till sells ``sell`` (cash) and the web holds ``hold``, straight through the
    services, as other channels would."""
    from boxoffice.services import inventory, sales

    with db.session_factory() as session:
        if sell:
            token = uuid.uuid4()
            inventory.hold_seats(
                session, showtime_id=showtime_id, seat_ids=sell, token=token, channel="till:2", seconds=300
            )
            quote = sales.quote(session, showtime_id=showtime_id, seat_ids=sell)
            sales.sell_cash(
                session,
                showtime_id=showtime_id,
                seat_ids=sell,
                token=token,
                channel="till:2",
                tendered_minor=quote.total_minor,
                expected_total_minor=quote.total_minor,
            )
        if hold:
            inventory.hold_seats(
                session, showtime_id=showtime_id, seat_ids=hold, token=uuid.uuid4(), channel="web", seconds=600
            )


def summary(values_s: list[float], digits: int = 1) -> dict:
    """Sample count, p50/p95/p99 and max of ``values_s`` (seconds), in milliseconds."""
    ms = [v * 1000 for v in values_s]
    return {
        "n": len(ms),
        **{f"p{q}_ms": round(percentile(ms, q / 100), digits) for q in (50, 95, 99)},
        "max_ms": round(max(ms), digits),
    }
