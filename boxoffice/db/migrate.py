"""Alembic upgrades run from code (the app on start, ``boxoffice db upgrade``, tests)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from boxoffice.config import MIGRATIONS_DIR
from boxoffice.db import roles
from boxoffice.domain.errors import SchemaMismatchError

# Any fixed 64-bit number: two processes upgrading one server take turns on it.
_MIGRATION_LOCK = 0x626F786F6666


def alembic_config() -> Config:
    """Alembic config pointing at the package's ``migrations/`` folder (no ini file needed)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("path_separator", "os")
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str | None]:
    """Upgrade the database of ``engine`` to ``revision``; returns ``(before, after)``.

    Serialised with an advisory lock, so several tills starting at once on a fresh
    server migrate it once. As a superuser, the roles are made first
    (:func:`boxoffice.db.roles.ensure_cluster_roles`) and the migrations run as
    ``bo_owner``; otherwise the login must be ``bo_owner`` (or a member of it).
    """
    cfg = alembic_config()
    with engine.connect() as conn:
        conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _MIGRATION_LOCK})
        try:
            if roles.is_superuser(conn):
                # The embedded server, tests, `boxoffice server init`: make the roles, then
                # migrate as the owner so every object (and SECURITY DEFINER function) is its.
                roles.ensure_cluster_roles(conn)
                conn.execute(text(f"SET ROLE {roles.OWNER}"))
                conn.commit()
            before = MigrationContext.configure(conn).get_current_revision()
            conn.commit()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
            conn.commit()
            after = MigrationContext.configure(conn).get_current_revision()
        finally:
            conn.rollback()
            conn.execute(text("RESET ROLE"))
            conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _MIGRATION_LOCK})
            conn.commit()
    return before, after


def head_revision() -> str | None:
    """The newest revision in ``migrations/``."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def known_revisions() -> set[str]:
    """Every revision id in ``migrations/`` (to tell an old schema from a newer one)."""
    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def check_schema(conn) -> None:
    """Refuse to work on a database whose schema revision is not this program's.

    Raises:
        SchemaMismatchError: older (run ``boxoffice db upgrade`` as the owner) or newer
            (install the boxoffice that migrated it) or not a boxoffice database.
    """
    found = (
        conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        if conn.execute(text("SELECT to_regclass('public.alembic_version') IS NOT NULL")).scalar()
        else None
    )
    wanted = head_revision()
    if found == wanted:
        return
    if found is None:
        raise SchemaMismatchError(
            "This database has no boxoffice schema yet: run `boxoffice server init` (as a superuser) "
            "or `boxoffice db upgrade` (as the owner) first."
        )
    known = known_revisions()
    if found in known:
        raise SchemaMismatchError(
            f"The database schema is at {found}, this boxoffice needs {wanted}: run `boxoffice db upgrade` "
            "with the owner's URL (docs/security.md), then start again."
        )
    raise SchemaMismatchError(
        f"The database schema ({found}) is newer than this boxoffice ({wanted}): install the boxoffice "
        "version the server was upgraded to."
    )
