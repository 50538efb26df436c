"""Migrations are history: each revision carries its own SQL, and 0005-0008 go down to
0004 and up again leaving exactly the schema they found."""

from __future__ import annotations

import re
import uuid

import psycopg
import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.engine import make_url

from boxoffice.config import MIGRATIONS_DIR
from boxoffice.db import roles
from boxoffice.db.engine import make_engine
from boxoffice.db.migrate import alembic_config, upgrade
from boxoffice.db.pgtools import libpq_url
from boxoffice.db.schema_dump import dump_schema

# A revision that reads or patches another revision's file changes when that file does.
READS_FILES = re.compile(r"__file__|(?<!\w)open\(|read_text\(|[a-z)]\.replace\(|re\.sub|import_module")


def test_no_revision_reads_another_revisions_file():
    offenders = [
        f"{path.name}:{number}: {line.strip()}"
        for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if READS_FILES.search(line)
    ]
    assert offenders == [], "revisions must carry their own SQL:\n" + "\n".join(offenders)


def test_the_check_sees_a_revision_reading_a_file():
    assert READS_FILES.search('    text = (Path(__file__).parent / "0006.py").read_text()')
    assert READS_FILES.search("    op.execute(view.replace(old, new))")
    assert READS_FILES.search("    with (HERE / '0001_initial.py').open() as f:")
    assert not READS_FILES.search("CREATE OR REPLACE FUNCTION bo_doors_open(p_showtime integer)")


@pytest.fixture
def empty_db_url(admin_url):
    """A new database with nothing in it (not from the migrated template)."""
    name = f"bo_test_empty_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(libpq_url(admin_url), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    with psycopg.connect(libpq_url(admin_url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _downgrade(engine, revision: str) -> None:
    """Downgrade as ``upgrade`` upgrades: as the owner role, so what it recreates is the owner's."""
    cfg = alembic_config()
    with engine.connect() as conn:
        conn.execute(text(f"SET ROLE {roles.OWNER}"))
        conn.commit()
        try:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, revision)
            conn.commit()
        finally:
            conn.rollback()
            conn.execute(text("RESET ROLE"))  # the pooled connection goes back as it came
            conn.commit()


def test_0005_to_0008_go_down_to_0004_and_up_again_unchanged(empty_db_url):
    engine = make_engine(empty_db_url)
    try:
        upgrade(engine, "0004_staff_audit")
        at_0004 = dump_schema(empty_db_url)
        upgrade(engine, "0008_general_admission")
        at_0008 = dump_schema(empty_db_url)
        assert "bo_ga_hold" in at_0008 and "bo_ga_hold" not in at_0004
        _downgrade(engine, "0004_staff_audit")
        assert dump_schema(empty_db_url) == at_0004
        upgrade(engine, "0008_general_admission")
        assert dump_schema(empty_db_url) == at_0008
    finally:
        engine.dispose()
