"""boxoffice/migrations/schema.sql is the schema the migrations build today.

When this fails, a revision changed the schema and schema.sql was not regenerated:
run ``.venv/bin/python tools/dump_schema.py`` and commit the file with the revision.
"""

from __future__ import annotations

import difflib
import re

import pytest

from boxoffice.db.pgtools import pg_binary, pg_major
from boxoffice.db.schema_dump import (
    REGENERATE_COMMAND,
    SCHEMA_FILE,
    dump_schema,
    dumped_majors,
    normalise,
    server_major,
)

DIFF_LINES = 40


def first_differences(expected: str, actual: str, limit: int = DIFF_LINES) -> str:
    """The first ``limit`` lines of a unified diff (with their @@ positions) of two texts."""
    diff = difflib.unified_diff(
        expected.splitlines(),
        actual.splitlines(),
        "boxoffice/migrations/schema.sql (checked in)",
        "freshly migrated database",
        n=1,
        lineterm="",
    )
    before = expected.splitlines()
    lines = [_with_object(line, before) for line in diff]
    shown = lines[:limit]
    if len(lines) > limit:
        shown.append(f"... and {len(lines) - limit} more diff lines")
    return "\n".join(shown)


def _with_object(line: str, before: list[str]) -> str:
    """A hunk header followed by the object it is in (the dump's nearest "-- Name:" above)."""
    match = re.match(r"@@ -(\d+)", line)
    if not match:
        return line
    for number in range(min(int(match.group(1)), len(before)) - 1, -1, -1):
        if before[number].startswith("-- Name: "):
            return f"{line}  in {before[number][len('-- Name: ') :].split(';')[0]}"
    return line


def test_schema_sql_is_what_the_migrations_build(db_url):
    assert SCHEMA_FILE.is_file(), f"{SCHEMA_FILE} is missing; create it with: {REGENERATE_COMMAND}"
    checked_in = SCHEMA_FILE.read_text()
    majors = dumped_majors(checked_in)
    server = server_major(db_url)
    dump_major = pg_major(pg_binary("pg_dump", min_major=server))
    if majors is not None and majors != (server, dump_major):
        pytest.skip(
            f"schema.sql was dumped by pg_dump {majors[1]} from PostgreSQL {majors[0]}; here pg_dump "
            f"{dump_major} and PostgreSQL {server} print it differently (compare on the embedded server)"
        )
    actual = dump_schema(db_url)
    if actual != checked_in:
        pytest.fail(
            f"boxoffice/migrations/schema.sql is not the schema the migrations build.\n"
            f"Regenerate it and commit it with your revision:\n\n    {REGENERATE_COMMAND}\n\n"
            f"First differences:\n{first_differences(checked_in, actual)}",
            pytrace=False,
        )


def test_the_diff_shows_where_a_definition_changed():
    old = "CREATE FUNCTION public.bo_sell() RETURNS integer\n    AS $$ SELECT 1 $$;\n" * 3
    new = old.replace("SELECT 1 $$;\n", "SELECT 2 $$;\n", 1)
    shown = first_differences(old, new)
    assert "-    AS $$ SELECT 1 $$;" in shown and "+    AS $$ SELECT 2 $$;" in shown
    named = first_differences("-- Name: show; Type: TABLE\n" + "x\n" * 9, "-- Name: show; Type: TABLE\n" + "x\n" * 8)
    assert named.splitlines()[2].endswith("  in show")
    assert len(first_differences("a\n" * 100, "b\n" * 100).splitlines()) == DIFF_LINES + 1


PG_DUMP_SAMPLE = """\
--
-- PostgreSQL database dump
--

\\restrict Xq7RANDOMKEY

-- Dumped from database version 18.4
-- Dumped by pg_dump version 18.4

SET statement_timeout = 0;

--
-- Name: bo_sell(integer); Type: FUNCTION; Schema: public; Owner: Box Admin
--

CREATE FUNCTION public.bo_sell(p integer) RETURNS integer
    LANGUAGE sql
    AS $$
    SELECT 1


    -- two blank lines above belong to the body; TO "Box Admin" in a body stays
$$;


ALTER FUNCTION public.bo_sell(p integer) OWNER TO "Box Admin";
REVOKE ALL ON FUNCTION public.bo_sell(p integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_sell(p integer) TO bo_cashier, "Box Admin";
GRANT SELECT ON TABLE public.show TO "Box Admins";
ALTER DEFAULT PRIVILEGES FOR ROLE "Box Admin" GRANT SELECT ON TABLES TO bo_cashier;

--
-- PostgreSQL database dump complete
--

\\unrestrict Xq7RANDOMKEY

"""


def test_normalise_drops_random_lines_and_names_the_migrator_postgres():
    text = normalise(PG_DUMP_SAMPLE, migrated_by="Box Admin")
    assert "restrict" not in text and "Dumped" not in text
    assert "\n\n\n" not in text.split("SET statement_timeout")[0]  # no gap where the dropped lines were
    assert "SELECT 1\n\n\n    -- two blank lines" in text  # function bodies byte for byte
    assert "; Owner: postgres\n" in text
    assert "OWNER TO postgres;" in text
    assert "TO bo_cashier, postgres;" in text
    assert 'TO "Box Admins";' in text  # another role with a longer name is left alone
    assert "FOR ROLE postgres GRANT" in text
    assert "in a body stays" in text and text.count("Box Admin") == 2
    assert normalise(PG_DUMP_SAMPLE.replace("Xq7RANDOMKEY", "other"), migrated_by="Box Admin") == text
