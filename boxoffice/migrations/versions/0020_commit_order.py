"""Inventory versions in commit order (issue 14).

Until now a changed inventory row took its ``version`` from ``inventory_version_seq``
when the row changed (``bo_inventory_bump_version``, migration 0001), not when its
transaction committed. A transaction that took version 100 and committed after another
one's version 101 had been fetched was never seen by a client reading
``version > 101``: a till (ui/live.py re-read the last 5 s to hide it) or the web's
cached seat map showed a held seat as available for as long as it was watched.

Now a changed row is marked pending (``version = -1``) and gets its version at COMMIT:

* ``bo_inventory_bump_version`` (BEFORE UPDATE, per row) marks the row ``-1`` unless
  the statement set ``version`` itself (the stamp below);
* the deferred constraint trigger ``inventory_commit_version`` (AFTER UPDATE, per row,
  ``WHEN (NEW.version = -1)``, ``INITIALLY DEFERRED``) fires at COMMIT. Its first
  firing per showtime takes the transaction-level advisory lock
  ``bo_commit_version_lock()`` (held until the commit is visible), draws one number from
  ``inventory_version_seq`` and stamps every pending row of that showtime with it
  (``inventory_version_idx`` finds them); later firings see their row stamped already.

Because the number is drawn under a lock that is released only after the commit is
visible, a transaction holding a higher version committed after every one holding a
lower version: a reader that has seen version v has seen every commit with a version up
to v, whatever the writers' transaction lengths. A pending ``-1`` is only ever visible
to its own transaction (``version > since`` with ``since >= 0`` skips it). The lock
serialises the last moment of inventory commits the way a notifying commit's global
lock already does (docs/performance.md). Inserted rows (new showtimes, a plan move's new
seats) keep the sequence default: a client loads a showtime, or one whose plan moved,
whole.

SQLSTATEs: none new (BO140-BO149 reserved for this area).

Revision ID: 0020_commit_order
Revises: 0019_web_limits
Create Date: 2026-11-30
"""

from alembic import op

revision = "0020_commit_order"
down_revision = "0019_web_limits"
branch_labels = None
depends_on = None

UPGRADE = r"""
-- The advisory lock key of the commit-order stamp (one lock for all showtimes: a
-- transaction touching several showtimes cannot deadlock on it).
CREATE FUNCTION bo_commit_version_lock() RETURNS bigint
LANGUAGE sql IMMUTABLE SET search_path = public, pg_temp AS $$ SELECT 4242020020::bigint $$;

CREATE OR REPLACE FUNCTION bo_inventory_bump_version() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    -- pending until COMMIT (bo_inventory_commit_version); the stamp sets version itself
    IF NEW.version IS NOT DISTINCT FROM OLD.version THEN
        NEW.version := -1;
    END IF;
    RETURN NEW;
END $$;

-- Runs at COMMIT as the owner (the app logins may not update inventory).
CREATE FUNCTION bo_inventory_commit_version() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v bigint;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM inventory
                   WHERE showtime_id = NEW.showtime_id AND seat_id = NEW.seat_id AND version = -1) THEN
        RETURN NULL;  -- stamped already, with the rest of its showtime
    END IF;
    PERFORM pg_advisory_xact_lock(bo_commit_version_lock());
    v := nextval('inventory_version_seq');
    UPDATE inventory SET version = v WHERE showtime_id = NEW.showtime_id AND version = -1;
    RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION bo_inventory_commit_version(), bo_commit_version_lock() FROM PUBLIC;

CREATE CONSTRAINT TRIGGER inventory_commit_version AFTER UPDATE ON inventory
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NEW.version = -1) EXECUTE FUNCTION bo_inventory_commit_version();
"""

DOWNGRADE = r"""
DROP TRIGGER inventory_commit_version ON inventory;
DROP FUNCTION bo_inventory_commit_version();
DROP FUNCTION bo_commit_version_lock();
CREATE OR REPLACE FUNCTION bo_inventory_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := nextval('inventory_version_seq');
    RETURN NEW;
END $$;
ALTER FUNCTION bo_inventory_bump_version() RESET search_path;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
