"""``boxoffice web`` and ``boxoffice tidy`` on the command line: results and one-line errors.
(``boxoffice web`` serving for real is exercised by tests/test_web_races.py.)"""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest
from sqlalchemy import text

from boxoffice import cli


def test_tidy_command_reports_counts(db_url, monkeypatch, capsys):
    monkeypatch.setenv("BOXOFFICE_DATABASE_URL", db_url)
    assert cli.main(["tidy"]) == 0
    assert capsys.readouterr().out.strip() == "Tidied: 0 pending bookings expired, 0 lapsed holds released."


def test_web_on_a_busy_port_is_a_one_line_error(monkeypatch, capsys):
    monkeypatch.setenv("BOXOFFICE_DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none")
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        assert cli.main(["web", "--host", "127.0.0.1", "--port", str(port)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"boxoffice: error: cannot listen on 127.0.0.1:{port}") and "\n" not in err


def test_short_webhook_secret_is_refused(monkeypatch, capsys):
    monkeypatch.setenv("BOXOFFICE_WEBHOOK_SECRET", "too-short")
    assert cli.main(["tidy"]) == 1
    assert "BOXOFFICE_WEBHOOK_SECRET must be at least 32 characters" in capsys.readouterr().err


def test_web_package_does_not_import_qt():
    code = "import sys, boxoffice.web.app; print(any(m.startswith('PySide6') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


@pytest.mark.parametrize("embedded", [True, False], ids=["embedded", "control: a server by URL"])
@pytest.mark.parametrize("demo", [True, False], ids=["--demo", "control: without"])
def test_web_demo_loads_the_demo_before_serving_on_the_embedded_server_only(db_url, monkeypatch, demo, embedded):
    """``make web`` (``boxoffice web --demo``) on a fresh data directory served an empty
    shop: the demo data came only with ``make run``. Now the demo is there before the
    first request, on the embedded server only (a server given by URL is left alone)."""
    from boxoffice import runtime
    from boxoffice.db.engine import make_engine, make_session_factory
    from boxoffice.web import serve

    engine = make_engine(db_url)
    database = runtime.Database(engine, make_session_factory(engine), db_url, embedded)
    served: list = []
    monkeypatch.setattr(runtime, "open_database", lambda *a, **k: database)
    monkeypatch.setattr(serve, "serve", lambda app, sock, options: served.append(app))
    monkeypatch.setenv("BOXOFFICE_WEBHOOK_SECRET", "0123456789abcdef0123456789abcdef")
    args = ["web", "--port", "0"] + (["--demo"] if demo else [])
    assert cli.main(args) == 0 and len(served) == 1
    check = make_engine(db_url)
    with check.connect() as conn:
        on_sale = conn.execute(text("SELECT count(*) FROM showtime WHERE status = 'on_sale'")).scalar_one()
    check.dispose()
    assert (on_sale > 0) == (demo and embedded)
