"""Backups and restore: demo data and some sales, backed up and restored into a fresh
database (and, through the command line, into a fresh embedded data directory) with
every table's row count and a checksum of orders, tickets and payments unchanged; a
corrupt or truncated file is one clear line and changes nothing."""

from __future__ import annotations

import datetime as dt
import itertools
import uuid

import psycopg
import pytest
from sqlalchemy.engine import make_url

from boxoffice import cli
from boxoffice.db import auto_backup
from boxoffice.db.backup import BackupError, backup_database, restore_database, roles_in
from boxoffice.db.embedded import start_embedded, stop_embedded
from boxoffice.services import inventory, sales
from boxoffice.services.demo import ensure_demo
from tests.conftest import _plain
from tests.factories import make_actor, make_small_house

_names = itertools.count(1)


def _sell(session, house, seats):
    """A cash sale of ``seats`` on the test's (superuser) session, as the system principal."""
    token = uuid.uuid4()
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=seats, token=token, channel="till:a", seconds=120
    )
    sales.sell_cash(
        session, showtime_id=house["showtime_id"], seat_ids=seats, token=token, channel="till:a", tendered_minor=100_000
    )
    session.rollback()


@pytest.fixture
def sold_db(session, db_url):
    """The test database with demo data and three sales."""
    ensure_demo(session, days=2)
    house = make_small_house(session)
    for seats in ([0, 1], [2], [5, 6, 7]):
        _sell(session, house, [house["seat_ids"][i] for i in seats])
    session.close()
    return db_url


@pytest.fixture
def empty_db(admin_url):
    """A fresh, empty database (not migrated) on the test server; yields its URL."""
    name = f"bo_restore_{next(_names)}"
    with psycopg.connect(_plain(admin_url), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
    yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    with psycopg.connect(_plain(admin_url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'DROP DATABASE IF EXISTS "{name}_restoring" WITH (FORCE)')


def fingerprint(url: str) -> dict[str, object]:
    """Row count of every table, and md5 of the ordered rows of orders, tickets, payments."""
    with psycopg.connect(_plain(url)) as conn:
        tables = [
            t for (t,) in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
        ]
        facts: dict[str, object] = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
        for t in ("orders", "ticket", "payment"):
            facts[f"md5:{t}"] = conn.execute(
                f"SELECT md5(string_agg(x::text, '|' ORDER BY x.id)) FROM \"{t}\" x"
            ).fetchone()[0]
    return facts


def _objects(url: str) -> int:
    with psycopg.connect(_plain(url)) as conn:
        return conn.execute(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'"
        ).fetchone()[0]


def test_backup_and_restore_into_a_fresh_database_keeps_every_row(sold_db, empty_db, tmp_path):
    before = fingerprint(sold_db)
    assert before["ticket"] == 6 and before["orders"] == 3 and before["payment"] == 3 and before["seat"] > 100
    done = backup_database(sold_db, tmp_path / "nightly.dump")
    assert done.size > 10_000 and (tmp_path / "nightly.dump").read_bytes()[:5] == b"PGDMP"
    assert (tmp_path / "nightly.dump").stat().st_mode & 0o077 == 0  # for its owner's eyes only
    restored = restore_database(empty_db, tmp_path / "nightly.dump")
    assert not restored.replaced
    assert fingerprint(empty_db) == before


def test_restore_refuses_a_database_that_is_not_empty_unless_replace(sold_db, empty_db, tmp_path):
    backup_database(sold_db, tmp_path / "b.dump")
    restore_database(empty_db, tmp_path / "b.dump")
    with psycopg.connect(_plain(empty_db), autocommit=True) as conn:
        conn.execute("CREATE TABLE scribble (note text)")  # a change made after the backup
        conn.execute("INSERT INTO scribble VALUES ('x')")
    with pytest.raises(BackupError, match=r"is not empty .* use --replace"):
        restore_database(empty_db, tmp_path / "b.dump")
    assert fingerprint(empty_db)["scribble"] == 1
    assert restore_database(empty_db, tmp_path / "b.dump", replace=True).replaced
    assert fingerprint(empty_db) == fingerprint(sold_db)


def test_a_truncated_backup_changes_nothing(sold_db, empty_db, tmp_path):
    whole = tmp_path / "whole.dump"
    backup_database(sold_db, whole)
    cut = tmp_path / "cut.dump"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size * 2 // 3])
    with pytest.raises(BackupError) as caught:
        restore_database(empty_db, cut)
    assert "\n" not in str(caught.value) and "nothing" in str(caught.value)
    assert _objects(empty_db) == 0
    # and replacing a database with it leaves the database as it was
    restore_database(empty_db, whole)
    before = fingerprint(empty_db)
    with pytest.raises(BackupError):
        restore_database(empty_db, cut, replace=True)
    assert fingerprint(empty_db) == before


def test_a_file_that_is_no_backup_is_one_line(empty_db, tmp_path):
    junk = tmp_path / "junk.dump"
    junk.write_bytes(b"this is not a backup\n" * 100)
    with pytest.raises(BackupError, match=r"is not a readable boxoffice backup .*nothing was restored"):
        restore_database(empty_db, junk)
    with pytest.raises(BackupError, match="No backup file at"):
        restore_database(empty_db, tmp_path / "missing.dump")
    assert _objects(empty_db) == 0


def test_roles_the_backup_needs_are_found():
    sql = (
        'ALTER TABLE public.ticket OWNER TO bo_owner;\nGRANT SELECT ON TABLE public.v TO bo_cashier, "bo door";\n'
        "REVOKE ALL ON FUNCTION public.f() FROM PUBLIC;\n"
    )
    assert roles_in(sql) == {"bo_owner", "bo_cashier", "bo door"}


def test_command_line_backup_then_restore_into_a_fresh_data_dir(sold_db, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("BOXOFFICE_DATABASE_URL", sold_db)
    monkeypatch.setenv("BOXOFFICE_DATA_DIR", str(tmp_path / "till"))
    assert cli.main(["backup"]) == 0
    out = capsys.readouterr().out
    made = sorted((tmp_path / "till" / "backups").glob("boxoffice-*.dump"))
    assert len(made) == 1 and out.startswith(f"Backed up to {made[0]}")

    monkeypatch.delenv("BOXOFFICE_DATABASE_URL")
    monkeypatch.setenv("BOXOFFICE_DATA_DIR", str(tmp_path / "new-laptop"))  # a fresh embedded server
    try:
        assert cli.main(["restore", str(made[0])]) == 0  # creates bo_owner and the group roles it needs
        assert "Restored" in capsys.readouterr().out
        assert cli.main(["restore", str(made[0])]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("boxoffice: error: The database boxoffice is not empty")
        assert fingerprint(start_embedded(tmp_path / "new-laptop" / "pgdata")) == fingerprint(sold_db)
    finally:
        stop_embedded(tmp_path / "new-laptop" / "pgdata")


def test_staff_logins_travel_beside_an_embedded_backup(sold_db, session, tmp_path):
    """On the embedded default the staff logins (cluster roles) go into <backup>.logins.json,
    and a restore on a new computer recreates them: people keep their own passwords."""
    actor = make_actor(session, role="cashier", username="bk", password="correct horse 42")
    backup = backup_database(sold_db, tmp_path / "b.dump", logins=True)
    assert backup.logins == 5  # bk and the four demo staff
    side = tmp_path / "b.dump.logins.json"
    assert side.stat().st_mode & 0o077 == 0 and "SCRAM-SHA-256$" in side.read_text()
    assert "correct horse" not in side.read_text()
    pgdata = tmp_path / "new-laptop" / "pgdata"
    try:
        url = start_embedded(pgdata)
        side.rename(tmp_path / "elsewhere.json")  # without the logins the restore is refused, naming them
        with pytest.raises(BackupError, match=rf"roles this server does not have \(.*{actor.login}.*pg_dumpall"):
            restore_database(url, tmp_path / "b.dump")
        assert _objects(url) == 0
        (tmp_path / "elsewhere.json").rename(side)
        done = restore_database(url, tmp_path / "b.dump")
        assert done.logins_created == 5
        socket_dir = make_url(url).query["host"]
        with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
            psycopg.connect(host=socket_dir, dbname="boxoffice", user=actor.login, password="wrong")
        with psycopg.connect(
            host=socket_dir, dbname="boxoffice", user=actor.login, password="correct horse 42"
        ) as conn:
            # the database-level grants came along: CONNECT for each login, not for PUBLIC
            acl = conn.execute("SELECT datacl::text FROM pg_database WHERE datname = 'boxoffice'").fetchone()[0]
            assert actor.login in acl and "=Tc/" not in acl and not acl.startswith("{=c")
            assert (
                conn.execute(
                    "SELECT count(*) FROM pg_roles WHERE pg_has_role(session_user, oid, 'MEMBER') "
                    "AND rolname = 'bo_cashier'"
                ).fetchone()[0]
                == 1
            )
    finally:
        stop_embedded(pgdata)


def test_daily_backups_rotate_keeping_the_newest_of_each_of_14_days(sold_db, tmp_path):
    folder = tmp_path / "backups"
    start = dt.datetime(2026, 11, 1, 9, 0, 0)
    assert auto_backup.daily_backup_due(folder, start.date())
    first = auto_backup.take_auto_backup(sold_db, folder, now=start)
    assert first is not None and not auto_backup.daily_backup_due(folder, start.date())
    for n in range(1, 17):  # a start-of-day and an end-of-day backup for 16 more days
        for hour in (9, 23):
            name = auto_backup.backup_name("auto-", start + dt.timedelta(days=n, hours=hour - 9))
            (folder / name).write_bytes(b"PGDMP")
    (folder / "boxoffice-2026-01-01-000000.dump").write_bytes(b"PGDMP")  # hand-made: kept
    auto_backup.take_auto_backup(sold_db, folder, now=start + dt.timedelta(days=17))
    left = auto_backup.auto_backups(folder)
    assert len(left) == 14 and len({day for day, _ in left}) == 14
    assert left[-1][0] == (start + dt.timedelta(days=17)).date()
    assert all(p.name.endswith("-230000.dump") for _, p in left[:-1])
    assert (folder / "boxoffice-2026-01-01-000000.dump").exists()


def test_an_automatic_backup_that_fails_is_logged_not_raised(tmp_path, caplog):
    bad = "postgresql://nobody@127.0.0.1:1/none"
    assert auto_backup.take_auto_backup(bad, tmp_path) is None
    assert "automatic backup failed" in caplog.text
    assert list(tmp_path.iterdir()) == []


def test_the_days_first_start_backs_up_once_and_shutdown_adds_the_newest(sold_db, tmp_path):
    from boxoffice.config import Settings

    settings = Settings(database_url=None, data_dir=tmp_path)
    thread = auto_backup.start_daily_backup(settings, sold_db)
    assert thread is not None
    thread.join(60)
    first = auto_backup.auto_backups(tmp_path / "backups")
    assert len(first) == 1 and first[0][0] == dt.date.today()
    assert auto_backup.start_daily_backup(settings, sold_db) is None  # already one from today
    morning = first[0][1].stat().st_mtime_ns
    auto_backup.backup_on_shutdown(settings, sold_db)
    after = auto_backup.auto_backups(tmp_path / "backups")
    assert len(after) == 1 and after[0][1].stat().st_mtime_ns > morning  # today's newest replaces the morning's
