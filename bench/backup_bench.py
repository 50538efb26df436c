"""Backup and restore figures (issue 12): ``boxoffice backup`` / ``boxoffice restore``'s
functions on a database with 100,000 tickets, on the embedded PostgreSQL server in a
temporary directory.

The tickets are written directly with SQL (as the superuser, quickly, with triggers off:
``session_replication_role = replica``, so no per-order audit rows): a grid plan of
``--seats`` seats, ``--showtimes`` showtimes, every seat sold in orders of four tickets
with one cash payment each. Then: backup (pg_dump -Fc) time and file size, restore into
an empty database (one transaction) time, restore with ``replace`` time, and a check
that the restored tickets, orders and payments match.

    .venv/bin/python bench/backup_bench.py [--seats 10000] [--showtimes 10] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def fill(url: str, seats: int, showtimes: int) -> int:
    """Sell every seat of every showtime in orders of 4 with a cash payment each; returns
    the number of tickets."""
    import psycopg
    from arena import make_arena

    from boxoffice.db.feed import libpq_url

    starts = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=30)
    plan_id, showtime_ids = make_arena(url, seats=seats, title="Backup bench", first_start=starts, showtimes=showtimes)
    with psycopg.connect(libpq_url(url)) as conn:
        # Triggers off: the deferred per-order sale audit (0004) looks payments up by
        # order_id, which has no index, so 100,000 bulk orders would take many minutes.
        conn.execute("SET session_replication_role = replica")
        for sid in showtime_ids:
            conn.execute("UPDATE inventory SET state = 'sold' WHERE showtime_id = %s", (sid,))
            conn.execute(
                """
                WITH seats AS (
                    SELECT id, category_id, (row_number() OVER (ORDER BY id) - 1) / 4 AS grp
                    FROM seat WHERE plan_id = %(p)s),
                orders_made AS (
                    INSERT INTO orders (channel, currency, total_minor)
                    SELECT 'till:bench', 'EUR', 1000 * count(*) FROM seats GROUP BY grp ORDER BY grp
                    RETURNING id),
                numbered AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS grp FROM orders_made),
                pay AS (
                    INSERT INTO payment (order_id, method, amount_minor, tendered_minor)
                    SELECT n.id, 'cash', 1000 * count(*), 1000 * count(*) FROM numbered n JOIN seats s USING (grp)
                    GROUP BY n.id)
                INSERT INTO ticket (order_id, showtime_id, seat_id, category_id, price_minor)
                SELECT n.id, %(s)s, s.id, s.category_id, 1000 FROM seats s JOIN numbered n USING (grp)
                """,
                {"p": plan_id, "s": sid},
            )
        conn.commit()
        return conn.execute("SELECT count(*) FROM ticket").fetchone()[0]


def checksum(url: str) -> tuple:
    """Counts and md5 of the ordered rows of ticket, orders and payment."""
    import psycopg

    from boxoffice.db.feed import libpq_url

    with psycopg.connect(libpq_url(url)) as conn:
        return tuple(
            conn.execute(f"SELECT count(*), md5(string_agg(x::text, '|' ORDER BY x.id)) FROM {t} x").fetchone()
            for t in ("ticket", "orders", "payment")
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seats", type=int, default=10_000, help="seats of the plan (default 10000)")
    parser.add_argument("--showtimes", type=int, default=10, help="showtimes, every seat sold (default 10)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    import psycopg
    from sqlalchemy.engine import make_url

    from boxoffice.db.backup import backup_database, restore_database
    from boxoffice.db.embedded import start_embedded, stop_embedded
    from boxoffice.db.feed import libpq_url

    base = Path(tempfile.mkdtemp(prefix="boxoffice-backup-bench-"))
    try:
        url = start_embedded(base / "pgdata")
        started = time.perf_counter()
        tickets = fill(url, args.seats, args.showtimes)
        fill_s = time.perf_counter() - started
        with psycopg.connect(libpq_url(url)) as conn:
            db_bytes = conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
        done = backup_database(url, base / "bench.dump")
        target = make_url(url).set(database="restored").render_as_string(hide_password=False)
        with psycopg.connect(
            libpq_url(make_url(url).set(database="postgres").render_as_string(False)), autocommit=True
        ) as conn:
            conn.execute("CREATE DATABASE restored TEMPLATE template0")
        restored = restore_database(target, done.path)
        replaced = restore_database(target, done.path, replace=True)
        same = checksum(url) == checksum(target)
        report = {
            "tickets": tickets,
            "database_mb": round(db_bytes / 1e6, 1),
            "fill_s": round(fill_s, 1),
            "backup_s": round(done.seconds, 2),
            "backup_file_mb": round(done.size / 1e6, 1),
            "restore_empty_s": round(restored.seconds, 2),
            "restore_replace_s": round(replaced.seconds, 2),
            "restored_rows_match": same,
        }
    finally:
        stop_embedded(base / "pgdata")  # before its folder goes, or it would outlive it
        shutil.rmtree(base, ignore_errors=True)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(
            f"backup bench: {report['tickets']} tickets, database {report['database_mb']} MB "
            f"(filled in {report['fill_s']} s), embedded PostgreSQL"
        )
        print(f"  backup (pg_dump -Fc):              {report['backup_s']:6.2f} s, file {report['backup_file_mb']} MB")
        print(f"  restore into an empty database:    {report['restore_empty_s']:6.2f} s")
        print(f"  restore --replace (staging, swap): {report['restore_replace_s']:6.2f} s")
        print(f"  restored tickets/orders/payments match: {report['restored_rows_match']}")
    return 0 if report["restored_rows_match"] else 1


if __name__ == "__main__":
    sys.exit(main())
