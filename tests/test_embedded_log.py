"""The embedded server's log is kept to a week: a file per weekday under <pgdata>/logs,
each overwritten a week later, and a refused call is logged without its statement
(boxoffice/db/embedded.py, LOG_SETTINGS; docs/operations.md)."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import psycopg
import pytest

from boxoffice.db.embedded import LOG_SETTINGS, start_embedded, stop_embedded
from tests.conftest import _plain


def _setting(url: str, name: str) -> str:
    with psycopg.connect(_plain(url)) as conn:
        return conn.execute("SELECT setting FROM pg_settings WHERE name = %s", (name,)).fetchone()[0]


def _refuse_something(url: str) -> None:
    with psycopg.connect(_plain(url)) as conn, pytest.raises(psycopg.errors.DivisionByZero):
        conn.execute("SELECT 1 / 0 AS boxoffice_log_probe")


def _wait_for(path_glob: list[Path], text: str) -> str:
    """The text of the log files once one of them holds ``text`` (the collector writes
    through a pipe, a moment after the backend)."""
    for _ in range(100):
        found = "".join(p.read_text(errors="replace") for p in path_glob if p.is_file())
        if text in found:
            return found
        time.sleep(0.05)
    raise AssertionError(f"{text!r} never reached the log")


def test_the_log_rotates_by_weekday_from_the_next_start(tmp_path):
    pgdata = tmp_path / "till" / "pgdata"
    try:
        url = start_embedded(pgdata, database="postgres")
        # control: a new cluster's first run logs into pg_ctl's single file, as before
        assert _setting(url, "logging_collector") == "off"
        assert _setting(url, "log_min_error_statement") == "panic"  # reloaded at once
        _refuse_something(url)
        first = _wait_for([pgdata / "log"], "division by zero")
        assert "STATEMENT" not in first  # the refused statement's text stays out of the log
        stop_embedded(pgdata)

        url = start_embedded(pgdata, database="postgres")
        for name in ("logging_collector", "log_truncate_on_rotation"):
            assert _setting(url, name) == "on"
        assert _setting(url, "log_filename") == LOG_SETTINGS["log_filename"]
        _refuse_something(url)
        today = (pgdata / "logs").glob("postgresql-*.log")
        text = _wait_for(list(today), "division by zero")
        assert "boxoffice_log_probe" not in text
        files = sorted(p.name for p in (pgdata / "logs").iterdir())
        # one file, named by a weekday (the server's time zone: any of today's neighbours)
        days = {(dt.date.today() + dt.timedelta(days=d)).strftime("%a") for d in (-1, 0, 1)}
        assert len(files) == 1 and files[0].removeprefix("postgresql-").removesuffix(".log") in days
        # pg_ctl's own file got no more of the server's messages
        assert (pgdata / "log").read_text(errors="replace").count("division by zero") == 1
    finally:
        stop_embedded(pgdata)


def test_the_settings_are_written_once(tmp_path):
    """A second process joining the running server finds them in place and writes nothing
    (postgresql.auto.conf keeps its modification time)."""
    pgdata = tmp_path / "till" / "pgdata"
    try:
        start_embedded(pgdata, database="postgres")
        auto = pgdata / "postgresql.auto.conf"
        before = auto.stat().st_mtime_ns
        for name, value in LOG_SETTINGS.items():
            assert f"{name} = '{value}'" in auto.read_text()
        time.sleep(0.02)
        start_embedded(pgdata, database="postgres")
        assert auto.stat().st_mtime_ns == before
    finally:
        stop_embedded(pgdata)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _postmaster(pgdata: Path) -> int:
    """The postmaster's pid, from ``postmaster.pid``."""
    return int((pgdata / "postmaster.pid").read_text().split()[0])


def test_stop_embedded_stops_the_server_before_its_folder_is_deleted(tmp_path):
    """Benchmarks delete a scratch data directory when they end; the server's own stop at
    exit needs that directory, so each stops the server first (``stop_embedded``). The
    control is a server in another folder of the same process, which keeps running."""
    kept, scratch = tmp_path / "kept" / "pgdata", tmp_path / "scratch" / "pgdata"
    try:
        start_embedded(kept, database="postgres")
        start_embedded(scratch, database="postgres")
        scratch_pid, kept_pid = _postmaster(scratch), _postmaster(kept)
        assert _running(scratch_pid) and _running(kept_pid)
        stop_embedded(scratch)
        for _ in range(100):
            if not _running(scratch_pid):
                break
            time.sleep(0.05)
        assert not _running(scratch_pid), "the scratch server still runs after stop_embedded"
        assert _running(kept_pid)  # only the named folder's server stops
        stop_embedded(scratch)  # a second call finds nothing and does nothing
    finally:
        stop_embedded(scratch)
        stop_embedded(kept)
