"""Test fixtures: a real PostgreSQL server (the embedded one, started once per session,
or ``BOXOFFICE_TEST_ADMIN_URL`` for an existing server), one migrated template database,
and a fresh database cloned from it for every test that asks for ``db_url``."""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never touch the real user data directory; this device's ticket key (made on first
# use, migration 0010) lives here and is enrolled in the template database.
os.environ.setdefault("BOXOFFICE_DATA_DIR", tempfile.mkdtemp(prefix="boxoffice-test-data-"))

from boxoffice.db.embedded import start_embedded, stop_embedded  # noqa: E402
from boxoffice.db.engine import make_engine, make_session_factory  # noqa: E402
from boxoffice.db.migrate import upgrade  # noqa: E402
from boxoffice.device_key import this_device  # noqa: E402
from boxoffice.services.device_keys import enrol as enrol_device  # noqa: E402

TEMPLATE = "bo_test_template"
_counter = itertools.count(1)


def _plain(url: str) -> str:
    """libpq form of a SQLAlchemy URL, for psycopg.connect."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def admin_url():
    """URL of the server's maintenance database (``postgres``).

    The embedded server's cluster lives in a directory this session owns (not pytest's
    shared temp root, which another pytest run may reset under a running server); it is
    stopped and removed when the session ends."""
    external = os.environ.get("BOXOFFICE_TEST_ADMIN_URL")
    if external:
        yield external
        return
    if os.environ.get("BOXOFFICE_TEST_PGDATA"):
        yield start_embedded(Path(os.environ["BOXOFFICE_TEST_PGDATA"]) / "pgdata", database="postgres")
        return
    base = Path(tempfile.mkdtemp(prefix="boxoffice-pg-"))
    try:
        yield start_embedded(base / "pgdata", database="postgres")
    finally:
        stop_embedded(base / "pgdata")
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def template_url(admin_url) -> str:
    """A database migrated to head, used as the template of every test database."""
    with psycopg.connect(_plain(admin_url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{TEMPLATE}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{TEMPLATE}"')
    url = make_url(admin_url).set(database=TEMPLATE).render_as_string(hide_password=False)
    engine = make_engine(url)
    upgrade(engine)
    with make_session_factory(engine)() as session:  # the system principal enrols the tests' till key
        enrol_device(session, name="test-till", public_key=this_device().public_key)
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
        for (login,) in conn.execute(
            "SELECT rolname FROM pg_roles WHERE starts_with(rolname, %s)", (name + "_",)
        ).fetchall():
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


@pytest.fixture(scope="session")
def qapp(qapp):
    """pytest-qt's QApplication with the English translation installed, as ``boxoffice
    run`` installs it (its plural forms: "1 seat", "2 seats")."""
    from boxoffice.ui.common import i18n

    i18n.install(qapp, "en_GB")
    return qapp
