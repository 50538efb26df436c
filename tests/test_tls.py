"""Tills on a central server over TLS: BOXOFFICE_DB_SSL* against a real TLS-enabled
PostgreSQL (the system's, tests/tls_server.py), and one-line errors for a wrong CA, a
wrong host name and a missing client certificate."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import text

from boxoffice import cli
from boxoffice.config import ConfigError, Settings
from boxoffice.db.engine import KEEPALIVES
from boxoffice.domain.errors import DatabaseUnavailableError
from boxoffice.runtime import open_database
from tests.tls_server import database, tls_server  # noqa: F401 - fixtures


def tls_settings(monkeypatch, tmp_path, url: str, **env: str) -> Settings:
    for key in ("BOXOFFICE_DB_SSLROOTCERT", "BOXOFFICE_DB_SSLCERT", "BOXOFFICE_DB_SSLKEY", "BOXOFFICE_DB_SSLMODE"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("BOXOFFICE_DATABASE_URL", url)
    monkeypatch.setenv("BOXOFFICE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("BOXOFFICE_TILL", "front-1")
    for key, value in env.items():
        monkeypatch.setenv(f"BOXOFFICE_DB_{key}", str(value))
    return Settings.from_env()


def test_good_ca_connects_verified_and_migrates(tls_server, database, monkeypatch, tmp_path):
    settings = tls_settings(monkeypatch, tmp_path, tls_server.url(database), SSLROOTCERT=tls_server.ca)
    assert settings.db_sslmode == "verify-full"
    db = open_database(settings, upgrade=True)
    try:
        with db.engine.connect() as conn:
            ssl, version = conn.execute(text("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).one()
            app, tables = conn.execute(
                text(
                    "SELECT current_setting('application_name'), "
                    "(SELECT count(*) FROM pg_tables WHERE schemaname = 'public')"
                )
            ).one()
            params = conn.connection.driver_connection.info.get_parameters()
    finally:
        db.close()
    assert ssl is True and version.startswith("TLS")
    assert app == "boxoffice:front-1"
    assert tables > 10  # migrated
    assert params["sslmode"] == "verify-full" and params["sslrootcert"] == str(tls_server.ca)
    assert params["keepalives"] == "1" and params["keepalives_idle"] == str(KEEPALIVES["keepalives_idle"])


def test_wrong_ca_is_one_line_naming_the_setting(tls_server, database, monkeypatch, tmp_path):
    settings = tls_settings(monkeypatch, tmp_path, tls_server.url(database), SSLROOTCERT=tls_server.other_ca)
    with pytest.raises(DatabaseUnavailableError) as caught:
        open_database(settings)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(
        f"The database server's certificate is not signed by the CA in BOXOFFICE_DB_SSLROOTCERT ({tls_server.other_ca})"
    )


def test_wrong_host_is_one_line_naming_the_url(tls_server, database, monkeypatch, tmp_path):
    # db.example resolves to the server's address, but its certificate is for localhost
    url = tls_server.url(database, host="db.example", hostaddr="127.0.0.1")
    settings = tls_settings(monkeypatch, tmp_path, url, SSLROOTCERT=tls_server.ca)
    with pytest.raises(DatabaseUnavailableError) as caught:
        open_database(settings, upgrade=False)
    message = str(caught.value)
    assert "\n" not in message
    assert "does not match host db.example" in message and "BOXOFFICE_DATABASE_URL" in message


def test_the_command_line_says_it_in_one_line(tls_server, database, monkeypatch, tmp_path, capsys):
    tls_settings(monkeypatch, tmp_path, tls_server.url(database), SSLROOTCERT=tls_server.other_ca)
    assert cli.main(["db", "upgrade"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith(
        "boxoffice: error: The database server's certificate is not signed by the CA in BOXOFFICE_DB_SSLROOTCERT"
    )


def test_client_certificate_when_the_server_asks_for_one(tls_server, monkeypatch, tmp_path):
    with psycopg.connect(tls_server.url(sslmode="require"), autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS certdb WITH (FORCE)")
        conn.execute("CREATE DATABASE certdb")
    url = tls_server.url("certdb")
    without = tls_settings(monkeypatch, tmp_path, url, SSLROOTCERT=tls_server.ca)
    with pytest.raises(DatabaseUnavailableError) as caught:
        open_database(without, upgrade=False)
    assert "BOXOFFICE_DB_SSLCERT" in str(caught.value) and "\n" not in str(caught.value)

    with_cert = tls_settings(
        monkeypatch,
        tmp_path,
        url,
        SSLROOTCERT=tls_server.ca,
        SSLCERT=tls_server.client_cert,
        SSLKEY=tls_server.client_key,
    )
    db = open_database(with_cert, upgrade=True)
    try:
        with db.engine.connect() as conn:
            assert (
                conn.execute(text("SELECT client_dn FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).scalar()
                == "/CN=postgres"
            )
    finally:
        db.close()


def test_tls_settings_are_checked(monkeypatch, tmp_path):
    ca = tmp_path / "ca.pem"
    ca.write_text("x")
    s = tls_settings(monkeypatch, tmp_path, "postgresql://db.example/bo", SSLROOTCERT=ca, SSLMODE="verify-ca")
    assert s.db_sslmode == "verify-ca"
    with pytest.raises(ConfigError, match="BOXOFFICE_DB_SSLROOTCERT names a file that does not exist"):
        tls_settings(monkeypatch, tmp_path, "postgresql://db.example/bo", SSLROOTCERT=tmp_path / "nope.pem")
    with pytest.raises(ConfigError, match="BOXOFFICE_DB_SSLMODE must be one of"):
        tls_settings(monkeypatch, tmp_path, "postgresql://db.example/bo", SSLMODE="verify")
    with pytest.raises(ConfigError, match="set both or neither"):
        tls_settings(monkeypatch, tmp_path, "postgresql://db.example/bo", SSLCERT=ca)
    plain = tls_settings(monkeypatch, tmp_path, "postgresql://db.example/bo")
    assert plain.db_sslmode is None


def test_backup_and_restore_over_verified_tls(tls_server, database, monkeypatch, tmp_path, capsys):
    """boxoffice backup / restore on a central server reach it with the same TLS settings,
    with a pg_dump at least as new as the server."""
    tls_settings(monkeypatch, tmp_path, tls_server.url(database), SSLROOTCERT=tls_server.ca)
    assert cli.main(["db", "upgrade"]) == 0
    assert cli.main(["backup", str(tmp_path / "central.dump")]) == 0
    assert (tmp_path / "central.dump").read_bytes()[:5] == b"PGDMP"
    assert (tmp_path / "central.dump.logins.json").exists()  # taken as a superuser
    assert cli.main(["restore", str(tmp_path / "central.dump")]) == 1  # not empty
    assert cli.main(["restore", str(tmp_path / "central.dump"), "--replace"]) == 0
    assert "replacing its contents" in capsys.readouterr().out
    tls_settings(monkeypatch, tmp_path, tls_server.url(database), SSLROOTCERT=tls_server.other_ca)
    assert cli.main(["backup", str(tmp_path / "never.dump")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not signed by the CA in BOXOFFICE_DB_SSLROOTCERT" in err
    assert not (tmp_path / "never.dump").exists()
