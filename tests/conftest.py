"""Test fixtures: a real PostgreSQL server (the embedded one, started once per session,
or ``BOXOFFICE_TEST_ADMIN_URL`` for an existing server), one migrated template database,
and a fresh database cloned from it for every test that asks for ``db_url``."""

from __future__ import annotations

import itertools
import os
import tempfile
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from boxoffice.db.embedded import start_embedded  # noqa: E402
from boxoffice.db.engine import make_engine, make_session_factory  # noqa: E402
from boxoffice.db.migrate import upgrade  # noqa: E402

TEMPLATE = "bo_test_template"
_counter = itertools.count(1)


def _plain(url: str) -> str:
    """libpq form of a SQLAlchemy URL, for psycopg.connect."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def admin_url(tmp_path_factory) -> str:
    """URL of the server's maintenance database (``postgres``)."""
    external = os.environ.get("BOXOFFICE_TEST_ADMIN_URL")
    if external:
        return external
    base = Path(os.environ.get("BOXOFFICE_TEST_PGDATA") or tmp_path_factory.mktemp("pg"))
    return start_embedded(base / "pgdata", database="postgres")


@pytest.fixture(scope="session")
def template_url(admin_url) -> str:
    """A database migrated to head, used as the template of every test database."""
    with psycopg.connect(_plain(admin_url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{TEMPLATE}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{TEMPLATE}"')
    url = make_url(admin_url).set(database=TEMPLATE).render_as_string(hide_password=False)
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    return url


@pytest.fixture
def db_url(admin_url, template_url) -> str:
    """URL of a fresh, migrated, empty database for this test (dropped afterwards)."""
    name = f"bo_test_{os.getpid()}_{next(_counter)}"
    with psycopg.connect(_plain(admin_url), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{TEMPLATE}" STRATEGY FILE_COPY OWNER bo_owner')
        conn.execute(f'REVOKE CONNECT, TEMPORARY ON DATABASE "{name}" FROM PUBLIC')
    yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    with psycopg.connect(_plain(admin_url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        # the test's staff and web logins (cluster-wide roles named after the database)
        for (login,) in conn.execute("SELECT rolname FROM pg_roles WHERE starts_with(rolname, %s)",
                                     (name + "_",)).fetchall():
            conn.execute(f'DROP ROLE IF EXISTS "{login}"')


@pytest.fixture
def engine(db_url):
    eng = make_engine(db_url, application_name="boxoffice-test")
    yield eng
    eng.dispose()


@pytest.fixture
def session_factory(engine):
    return make_session_factory(engine)


@pytest.fixture
def session(session_factory):
    with session_factory() as s:
        yield s


@pytest.fixture
def plain_db_url(db_url) -> str:
    """The test database as a libpq URL for raw psycopg connections."""
    return _plain(db_url)


@pytest.fixture(scope="session")
def scratch_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="boxoffice-test-"))
