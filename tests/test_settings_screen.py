"""Sale → Settings… on the real main window: which server, which till, TLS on and
verified (against the system's PostgreSQL over TLS) or off on the embedded server, and
the server's version, read from the live connection on a worker."""

from __future__ import annotations

import psycopg
from PySide6.QtWidgets import QLabel
from sqlalchemy import text

from boxoffice.app import build_window
from boxoffice.config import Settings
from boxoffice.db.engine import make_engine, make_session_factory
from boxoffice.domain.roles import Actor
from boxoffice.runtime import Database, open_database
from boxoffice.ui.shell.settings import SettingsDialog
from tests.test_tls import tls_settings
from tests.tls_server import database, tls_server  # noqa: F401 - fixtures


def _open_settings(qtbot, db: Database, settings: Settings) -> SettingsDialog:
    window, runner = build_window(db, settings, actor=Actor.system("test"))
    qtbot.addWidget(window, before_close_func=lambda _w: runner.wait(5000))
    window.show()
    assert window.settings_action.text() == "Settings…"
    window.settings_action.trigger()  # the menu entry Sale → Settings…
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.facts is not None, timeout=10_000)
    return dialog


def _text(dialog, name: str) -> str:
    return dialog.findChild(QLabel, name).text()


def test_settings_on_a_central_server_over_verified_tls(qtbot, tls_server, database, monkeypatch, tmp_path):
    settings = tls_settings(monkeypatch, tmp_path, tls_server.url(database), SSLROOTCERT=tls_server.ca)
    db = open_database(settings, upgrade=True)
    try:
        with db.engine.connect() as conn:
            version = conn.execute(text("SHOW server_version")).scalar().split(" ")[0]
        dialog = _open_settings(qtbot, db, settings)
        assert _text(dialog, "server") == f"127.0.0.1 port {tls_server.port}, database {database}"
        assert _text(dialog, "till") == "front-1"
        tls = _text(dialog, "tls")
        assert tls.startswith("on (TLSv1.") and "certificate verified" in tls and str(tls_server.ca) in tls
        assert _text(dialog, "version") == f"PostgreSQL {version}"
        assert _text(dialog, "login") == f"postgres (database {database})"
        dialog.grab().save(str(tmp_path / "settings.png"))
    finally:
        db.close()


def test_settings_with_an_unverified_connection_says_so(qtbot, tls_server, database, monkeypatch, tmp_path):
    settings = tls_settings(monkeypatch, tmp_path, tls_server.url(database), SSLMODE="require")
    db = open_database(settings, upgrade=True)
    try:
        dialog = _open_settings(qtbot, db, settings)
        assert "certificate NOT verified (sslmode=require)" in _text(dialog, "tls")
    finally:
        db.close()


def test_settings_on_the_embedded_server(qtbot, db_url, tmp_path):
    settings = Settings(database_url=None, data_dir=tmp_path, till_name="foyer-2")
    engine = make_engine(db_url)
    try:
        dialog = _open_settings(qtbot, Database(engine, make_session_factory(engine), db_url, True), settings)
        assert _text(dialog, "server") == f"embedded at {tmp_path / 'pgdata'}"
        assert _text(dialog, "till") == "foyer-2"
        assert _text(dialog, "tls").startswith("off — not needed")
        with psycopg.connect(db_url.replace("+psycopg", "")) as conn:
            version = conn.execute("SHOW server_version").fetchone()[0].split(" ")[0]
        assert _text(dialog, "version") == f"PostgreSQL {version}"
        assert str(tmp_path / "backups") in _text(dialog, "backups")
    finally:
        engine.dispose()
