"""Save docs/screenshots/settings.png: Sale → Settings… of a till on a central server
over verified TLS (the system's PostgreSQL, started in a temporary directory with a
throw-away CA as the TLS tests do; needs scripts/system-deps.sh).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/settings_screenshot.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402

OUT = harness.ROOT / "docs" / "screenshots"


def main() -> None:
    import psycopg

    from boxoffice.app import build_window
    from boxoffice.domain.roles import Actor
    from boxoffice.runtime import open_database
    from boxoffice.ui.shell.settings import SettingsDialog
    from tests.tls_server import start_tls_server, system_pg_bin

    bin_dir = system_pg_bin()
    if bin_dir is None:
        sys.exit("settings_screenshot: the system's PostgreSQL is not installed (scripts/system-deps.sh)")
    server, stop = start_tls_server(bin_dir)
    try:
        with psycopg.connect(server.url(sslmode="require"), autocommit=True) as conn:
            conn.execute("CREATE DATABASE boxoffice")
        settings = harness.temp_settings(
            database_url=server.url("boxoffice").replace("127.0.0.1", "localhost"),
            till_name="front-1",
            db_sslmode="verify-full",
            db_sslrootcert=server.ca,
        )
        harness.app()
        db = open_database(settings, upgrade=True)
        window, runner = build_window(db, settings, actor=Actor.system("screenshot"))
        window.show()
        window.settings_action.trigger()
        dialog = window.findChild(SettingsDialog)
        harness.wait_until(lambda: dialog.facts is not None, what="the connection's facts")
        dialog.adjustSize()
        OUT.mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(OUT / "settings.png"))
        print(f"wrote {OUT / 'settings.png'}")
        dialog.close()
        window.close()
        runner.wait(5000)
        db.close()
    finally:
        stop()


if __name__ == "__main__":
    main()
