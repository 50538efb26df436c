"""A till never migrates a shared server: on a URL, a schema that is not this program's
is refused with one line naming the command to run (issue 10, point 6)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from boxoffice.config import Settings
from boxoffice.db.migrate import check_schema, head_revision
from boxoffice.domain.errors import SchemaMismatchError
from boxoffice.runtime import open_database


def _set_revision(engine, revision: str) -> None:
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})


def test_a_shared_server_on_another_schema_is_refused_not_migrated(engine, db_url, tmp_path):
    settings = Settings(database_url=db_url, data_dir=tmp_path)
    open_database(settings).close()  # at head: fine, and nothing was migrated
    _set_revision(engine, "0008_general_admission")
    with pytest.raises(SchemaMismatchError, match="boxoffice db upgrade"):
        open_database(settings)
    with engine.connect() as conn:  # still where it was: the till did not migrate it
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "0008_general_admission"
    _set_revision(engine, "9999_from_the_future")
    with pytest.raises(SchemaMismatchError, match="newer than this boxoffice"):
        open_database(settings)
    _set_revision(engine, head_revision())
    with engine.connect() as conn:
        check_schema(conn)  # the control: the same check passes at head


def test_the_cli_says_it_in_one_line(engine, db_url, monkeypatch, capsys):
    from boxoffice import cli

    _set_revision(engine, "0005_shows_prices")
    monkeypatch.setenv("BOXOFFICE_DATABASE_URL", db_url)
    assert cli.main(["staff", "list"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("boxoffice: error: The database schema is at 0005_shows_prices") and "\n" not in err
