"""PostgreSQL roles of a boxoffice database: the owner, the group role per staff role, and
staff logins (docs/security.md).

* ``bo_owner`` owns the schema and every object in it and alone runs migrations. The
  contract functions are ``SECURITY DEFINER`` and owned by it. It has ``CREATEROLE`` so
  the staff-account functions (run as the owner) can create, disable and reset logins,
  and ``pg_signal_backend`` to end a disabled person's sessions.
* Group roles ``bo_cashier``, ``bo_door``, ``bo_manager``, ``bo_admin`` (one per staff
  role) and ``bo_web`` (the online channel's servers) hold the grants; they cannot log in.
* Every staff member is a login role (SCRAM-SHA-256 password) named
  :func:`login_role_name`: the database name, ``_`` and the sign-in name, so two venue
  databases on one server never share a login.

Roles are cluster-wide, so they are created outside Alembic by
:func:`ensure_cluster_roles`, run as a superuser (the embedded server, tests, and
``boxoffice server init`` on a central server).
"""

from __future__ import annotations

from sqlalchemy import Connection, text

OWNER = "bo_owner"
GROUPS = {"cashier": "bo_cashier", "door": "bo_door", "manager": "bo_manager", "admin": "bo_admin"}
WEB = "bo_web"
ALL_GROUPS = (*GROUPS.values(), WEB)
MAX_ROLE_NAME = 63  # PostgreSQL's NAMEDATALEN - 1


def login_role_name(database: str, username: str) -> str:
    """The PostgreSQL login of staff member ``username`` in ``database``:
    ``"<database>_<username>"`` (e.g. ``boxoffice_cara``).

    Raises:
        ValueError: the name would exceed PostgreSQL's 63-byte limit.
    """
    name = f"{database}_{username}"
    if len(name.encode()) > MAX_ROLE_NAME:
        raise ValueError(f"login name {name!r} is longer than {MAX_ROLE_NAME} bytes; use a shorter sign-in name")
    return name


_BOOTSTRAP = f"""
DO $$
DECLARE
    g text;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{OWNER}') THEN
        CREATE ROLE {OWNER} NOLOGIN CREATEROLE;
    END IF;
    FOREACH g IN ARRAY ARRAY[{", ".join(f"'{g}'" for g in ALL_GROUPS)}] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = g) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', g);
        END IF;
        EXECUTE format('GRANT %I TO {OWNER} WITH ADMIN OPTION', g);
    END LOOP;
    GRANT pg_signal_backend TO {OWNER};
END $$;
"""

# Hand every object of the public schema (and the schema itself) to the owner: databases
# migrated before 0009 belong to whoever ran the migrations (the embedded superuser).
_ADOPT = f"""
DO $$
DECLARE
    r record;
BEGIN
    EXECUTE format('ALTER DATABASE %I OWNER TO {OWNER}', current_database());
    ALTER SCHEMA public OWNER TO {OWNER};
    FOR r IN SELECT c.oid::regclass AS obj, c.relkind FROM pg_class c
             WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'v', 'm', 'S', 'p', 'f', 'c')
               AND c.relowner <> '{OWNER}'::regrole
               AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid
                                                    AND d.deptype IN ('a', 'i')))
    LOOP
        EXECUTE format('ALTER %s %s OWNER TO {OWNER}',
                       CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'c' THEN 'TYPE'
                                      WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, r.obj);
    END LOOP;
    FOR r IN SELECT p.oid::regprocedure AS fn, p.prokind FROM pg_proc p
             WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> '{OWNER}'::regrole
    LOOP
        EXECUTE format('ALTER %s %s OWNER TO {OWNER}',
                       CASE r.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END, r.fn);
    END LOOP;
    FOR r IN SELECT t.oid::regtype AS ty FROM pg_type t
             WHERE t.typnamespace = 'public'::regnamespace AND t.typowner <> '{OWNER}'::regrole
               AND t.typtype IN ('e', 'd', 'c') AND t.typrelid = 0
    LOOP
        EXECUTE format('ALTER TYPE %s OWNER TO {OWNER}', r.ty);
    END LOOP;
END $$;
"""


def is_superuser(conn: Connection) -> bool:
    """Whether ``conn`` is logged in as a PostgreSQL superuser."""
    return bool(conn.execute(text("SELECT rolsuper FROM pg_roles WHERE rolname = session_user")).scalar())


def ensure_cluster_roles(conn: Connection) -> None:
    """As a superuser: create the owner and group roles where missing, and make the owner
    own the current database and every object in its public schema. Idempotent; commits.

    Raises:
        sqlalchemy.exc.ProgrammingError: ``conn`` is not a superuser.
    """
    conn.execute(text(_BOOTSTRAP))
    conn.execute(text(_ADOPT))
    conn.commit()


def roles_exist(conn: Connection) -> bool:
    """Whether the owner and every group role exist on the server."""
    found = conn.execute(
        text("SELECT count(*) FROM pg_roles WHERE rolname = ANY(:names)"), {"names": [OWNER, *ALL_GROUPS]}
    ).scalar()
    return found == 1 + len(ALL_GROUPS)
