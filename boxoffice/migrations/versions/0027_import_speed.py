"""Stadium-sized plans: storing a 100,000-seat plan and scheduling a showtime on it fast.

* ``bo_plan_store_bulk``: what ``bo_plan_store`` (0013) does, with the seats given as
  parallel arrays (one per column) instead of a jsonb list. Unpacking 100,000 seat
  objects with ``jsonb_to_recordset`` took most of a 13 s import; ``unnest`` over arrays
  sent by the driver takes a fraction of it. Same checks (every array as long as the
  seat list, sections and categories by index, a guid, finite positions, a positive
  radius), same locking and version rules (BO060), same result. ``bo_plan_store`` stays
  for callers that send jsonb.
* ``bo_block_not_for_sale`` (0013) joined the plan's flagged seats to the showtime's new
  inventory with ``seat_id = ANY (flagged)``: with no planner statistics on rows inserted
  a moment before, that became a sequential scan testing every inventory row against
  every flagged seat (100,000 x 20,000: over a minute). Now the flagged seats are a set
  joined by hash (nested loops are off inside the function), whatever the statistics say.
* ``bo_inventory_commit_version`` (0020), the deferred trigger that stamps a showtime's
  changed rows at COMMIT, fires once per changed row; each firing asked "is my row still
  pending?" with ``version = -1`` in its query, which the planner answered from
  ``inventory_version_idx``: after the first firing had stamped the showtime, every later
  one walked the index entries of all the rows stamped a moment before (dead versions
  still in the index), so a transaction changing N seats of one showtime cost N x N:
  20,000 not-for-sale seats blocked when scheduling took 80 s at COMMIT. Now it reads its
  own row by primary key and looks at the version there.
* ``inventory``'s two foreign keys (to ``showtime`` and ``seat``) checked every inserted row
  on its own, one query and one row lock each: three quarters of scheduling a showtime
  on a 100,000-seat plan (1.4 s of server CPU, 4-5 s on a busy machine). They are now
  checked once per statement (``bo_inventory_refs_check``: one anti-join over the
  statement's new rows, by primary key; the showtimes locked ``FOR KEY SHARE`` as the
  keys did); a row whose seat or showtime changes is checked on its own as before; a
  deleted showtime still takes its inventory with it and a seat with inventory still
  cannot be deleted (statement triggers on ``showtime`` and ``seat``). Inventory rows are
  written only by the SECURITY DEFINER functions; a seat disappears only with its plan,
  whose row the scheduling transaction holds ``FOR KEY SHARE`` through its showtime.
* ``seat``'s three foreign keys (plan, section, price category) likewise: three queries
  per stored seat were most of the server's work in an import (2 of 3 s of CPU for
  100,000 seats). ``bo_seat_refs_check`` checks and locks each distinct plan, section
  and category of a statement once; deleting a plan or a section still deletes its
  seats, a category with seats still cannot be deleted (statement triggers).

SQLSTATEs: 22023 (bad input), BO060, P0002, 42501 as in 0013. (BO160-BO162 are reserved
for this revision and not used yet.)

Revision ID: 0027_import_speed
Revises: 0026_best_available
Create Date: 2026-11-30
"""

from alembic import op

revision = "0027_import_speed"
down_revision = "0026_best_available"
branch_labels = None
depends_on = None

UPGRADE = r"""
-- Store a new version of plan p_name at venue p_venue, like bo_plan_store (0013), from the
-- pretix JSON p_source, p_rows = {"categories": [{name, color}], "sections": [{name}],
-- "areas": [{section (index or null), shape}], "ga_areas": [{name, capacity, category,
-- x, y, w, h}]} and the seats as parallel arrays, one element per seat in file order:
-- section and category (0-based indexes into the lists above), guid, row label, seat
-- number, x, y, radius (NULL: 10), wheelchair, companion (NULL: false).
-- p_based_on: the version the editor opened; BO060 when a newer one of that name exists.
-- Returns {"plan_id", "version"}.
CREATE FUNCTION bo_plan_store_bulk(p_venue integer, p_name text, p_width double precision, p_height double precision,
                                   p_source jsonb, p_rows jsonb, p_section integer[], p_category integer[],
                                   p_guid text[], p_row_label text[], p_seat_number text[], p_x double precision[],
                                   p_y double precision[], p_radius double precision[], p_wheelchair boolean[],
                                   p_companion boolean[], p_based_on integer DEFAULT NULL)
RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_name text := btrim(coalesce(p_name, ''));
    v_version integer;
    v_newest integer;
    v_plan integer;
    v_cats integer[];
    v_secs integer[];
    n_wanted integer := coalesce(cardinality(p_guid), 0);
    n_done integer;
BEGIN
    PERFORM bo_require('setup');
    IF v_name = '' OR length(v_name) > 200 THEN
        PERFORM bo_bad_input('a plan needs a name of 1 to 200 characters');
    END IF;
    IF p_width IS NULL OR p_height IS NULL OR NOT (p_width > 0 AND p_height > 0 AND p_width < 1e7 AND p_height < 1e7) THEN
        PERFORM bo_bad_input('a plan''s size must be positive');
    END IF;
    IF p_source IS NULL OR jsonb_typeof(p_source) <> 'object' OR p_rows IS NULL OR jsonb_typeof(p_rows) <> 'object' THEN
        PERFORM bo_bad_input('a plan is a JSON object');
    END IF;
    IF n_wanted = 0 THEN
        PERFORM bo_bad_input('a plan needs at least one seat');
    END IF;
    IF coalesce(array_ndims(p_guid), 0) <> 1
       OR (n_wanted = ALL (ARRAY[cardinality(p_section), cardinality(p_category), cardinality(p_row_label),
                                 cardinality(p_seat_number), cardinality(p_x), cardinality(p_y), cardinality(p_radius),
                                 cardinality(p_wheelchair), cardinality(p_companion)])) IS NOT TRUE THEN
        PERFORM bo_bad_input('every seat list must have one entry per seat');
    END IF;
    -- one save per venue at a time: the version is the highest + 1
    PERFORM 1 FROM venue WHERE id = p_venue FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'venue % does not exist', p_venue USING ERRCODE = 'P0002';
    END IF;
    SELECT max(version) INTO v_newest FROM seating_plan WHERE venue_id = p_venue AND name = v_name;
    IF p_based_on IS NOT NULL AND v_newest IS NOT NULL
       AND v_newest > coalesce((SELECT version FROM seating_plan
                                WHERE id = p_based_on AND venue_id = p_venue AND name = v_name), v_newest) THEN
        RAISE EXCEPTION 'a newer version of plan % was saved', v_name USING ERRCODE = 'BO060', DETAIL = v_newest::text;
    END IF;
    v_version := coalesce(v_newest, 0) + 1;
    INSERT INTO seating_plan (venue_id, name, version, width, height, source)
    VALUES (p_venue, v_name, v_version, p_width, p_height, p_source) RETURNING id INTO v_plan;

    WITH ins AS (
        INSERT INTO price_category (plan_id, name, color, position)
        SELECT v_plan, btrim(c.name), coalesce(c.color, '#888888'), (c.ord - 1)::integer
        FROM ROWS FROM (jsonb_to_recordset(coalesce(p_rows -> 'categories', '[]')) AS (name text, color text))
             WITH ORDINALITY AS c(name, color, ord)
        ORDER BY c.ord
        RETURNING id, position)
    SELECT coalesce(array_agg(id ORDER BY position), '{}') INTO v_cats FROM ins;
    WITH ins AS (
        INSERT INTO section (plan_id, name, position)
        SELECT v_plan, s.name, (s.ord - 1)::integer
        FROM ROWS FROM (jsonb_to_recordset(coalesce(p_rows -> 'sections', '[]')) AS (name text)) WITH ORDINALITY AS s(name, ord)
        ORDER BY s.ord
        RETURNING id, position)
    SELECT coalesce(array_agg(id ORDER BY position), '{}') INTO v_secs FROM ins;

    INSERT INTO seat (plan_id, section_id, category_id, guid, row_label, seat_number, x, y, radius, wheelchair, companion)
    SELECT v_plan, v_secs[s.section + 1], v_cats[s.category + 1], s.guid, s.row_label, s.seat_number, s.x, s.y,
           coalesce(s.radius, 10), coalesce(s.wheelchair, false), coalesce(s.companion, false)
    FROM unnest(p_section, p_category, p_guid, p_row_label, p_seat_number, p_x, p_y, p_radius, p_wheelchair,
                p_companion) WITH ORDINALITY
         AS s(section, category, guid, row_label, seat_number, x, y, radius, wheelchair, companion, ord)
    WHERE v_secs[s.section + 1] IS NOT NULL AND v_cats[s.category + 1] IS NOT NULL
      AND s.guid <> '' AND s.x = s.x AND s.y = s.y AND abs(s.x) < 1e7 AND abs(s.y) < 1e7
      AND coalesce(s.radius, 10) > 0 AND coalesce(s.radius, 10) < 1e4
    ORDER BY s.ord;
    GET DIAGNOSTICS n_done = ROW_COUNT;
    IF n_done <> n_wanted THEN
        PERFORM bo_bad_input(format('%s of %s seats have an unknown section or category, no guid, or an odd position',
                                    n_wanted - n_done, n_wanted));
    END IF;

    n_wanted := jsonb_array_length(coalesce(p_rows -> 'areas', '[]'));
    INSERT INTO plan_area (plan_id, section_id, shape)
    SELECT v_plan, v_secs[a.section + 1], a.shape
    FROM jsonb_to_recordset(coalesce(p_rows -> 'areas', '[]')) AS a(section integer, shape jsonb)
    WHERE (a.section IS NULL OR v_secs[a.section + 1] IS NOT NULL) AND jsonb_typeof(a.shape) = 'object';
    GET DIAGNOSTICS n_done = ROW_COUNT;
    IF n_done <> n_wanted THEN
        PERFORM bo_bad_input('an area has an unknown section or no shape');
    END IF;

    n_wanted := jsonb_array_length(coalesce(p_rows -> 'ga_areas', '[]'));
    INSERT INTO ga_area (plan_id, name, capacity, category_id, x, y, w, h)
    SELECT v_plan, g.name, g.capacity, v_cats[g.category + 1], g.x, g.y, g.w, g.h
    FROM jsonb_to_recordset(coalesce(p_rows -> 'ga_areas', '[]'))
         AS g(name text, capacity integer, category integer, x double precision, y double precision,
              w double precision, h double precision)
    WHERE v_cats[g.category + 1] IS NOT NULL;
    GET DIAGNOSTICS n_done = ROW_COUNT;
    IF n_done <> n_wanted THEN
        PERFORM bo_bad_input('a general-admission area has an unknown category');
    END IF;
    RETURN jsonb_build_object('plan_id', v_plan, 'version', v_version);
END $$;

REVOKE ALL ON FUNCTION bo_plan_store_bulk(integer, text, double precision, double precision, jsonb, jsonb, integer[],
    integer[], text[], text[], text[], double precision[], double precision[], double precision[], boolean[], boolean[],
    integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bo_plan_store_bulk(integer, text, double precision, double precision, jsonb, jsonb, integer[],
    integer[], text[], text[], text[], double precision[], double precision[], double precision[], boolean[], boolean[],
    integer) TO bo_manager, bo_admin;

-- Block the seats plan p_plan marks not for sale among showtime p_showtime's available
-- seats (internal: called by bo_showtimes_create and bo_showtime_move_plan; no grant).
-- Both joins are by hash whatever the planner statistics say: the showtime's inventory
-- was inserted a moment ago and has none yet.
CREATE OR REPLACE FUNCTION bo_block_not_for_sale(p_showtime integer, p_plan integer) RETURNS integer
LANGUAGE plpgsql SET search_path = public, pg_temp SET enable_nestloop = off AS $$
DECLARE
    flagged integer[];
    n integer;
BEGIN
    SELECT coalesce(array_agg(s.id), '{}') INTO flagged
    FROM seating_plan p
    CROSS JOIN LATERAL jsonb_each(coalesce(p.source -> 'x-boxoffice' -> 'seats', '{}'::jsonb)) AS f(guid, flags)
    JOIN seat s ON s.plan_id = p.id AND s.guid = f.guid
    WHERE p.id = p_plan AND jsonb_typeof(f.flags) = 'object' AND (f.flags ->> 'not_for_sale') = 'true';
    IF cardinality(flagged) = 0 THEN
        RETURN 0;
    END IF;
    UPDATE inventory i SET state = 'blocked', block_reason = 'Not for sale'
    FROM unnest(flagged) AS f(seat_id)
    WHERE i.showtime_id = p_showtime AND i.seat_id = f.seat_id AND i.state = 'available';
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END $$;

-- inventory's references, checked once per statement instead of per row (SQLSTATE 23503
-- as a foreign key would). Index probes by primary key whatever the statistics say.
ALTER TABLE inventory DROP CONSTRAINT inventory_seat_id_fkey, DROP CONSTRAINT inventory_showtime_id_fkey;

CREATE FUNCTION bo_inventory_refs_check() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
    v_showtime integer;
    v_seat integer;
BEGIN
    -- the showtimes first, locked as a foreign key locks them (a few rows)
    FOR v_showtime IN SELECT DISTINCT showtime_id FROM new_rows ORDER BY 1 LOOP
        PERFORM 1 FROM showtime WHERE id = v_showtime FOR KEY SHARE;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'insert or update on table "inventory" violates foreign key constraint "inventory_showtime_id_fkey"'
                USING ERRCODE = '23503', DETAIL = format('Key (showtime_id)=(%s) is not present in table "showtime".', v_showtime);
        END IF;
    END LOOP;
    SELECT r.seat_id INTO v_seat FROM new_rows r WHERE NOT EXISTS (SELECT 1 FROM seat s WHERE s.id = r.seat_id) LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'insert or update on table "inventory" violates foreign key constraint "inventory_seat_id_fkey"'
            USING ERRCODE = '23503', DETAIL = format('Key (seat_id)=(%s) is not present in table "seat".', v_seat);
    END IF;
    RETURN NULL;
END $$;

-- One row whose seat or showtime changed (bo_showtime_move_plan): the same check.
CREATE FUNCTION bo_inventory_ref_check_row() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM 1 FROM showtime WHERE id = NEW.showtime_id FOR KEY SHARE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'insert or update on table "inventory" violates foreign key constraint "inventory_showtime_id_fkey"'
            USING ERRCODE = '23503', DETAIL = format('Key (showtime_id)=(%s) is not present in table "showtime".', NEW.showtime_id);
    END IF;
    PERFORM 1 FROM seat WHERE id = NEW.seat_id FOR KEY SHARE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'insert or update on table "inventory" violates foreign key constraint "inventory_seat_id_fkey"'
            USING ERRCODE = '23503', DETAIL = format('Key (seat_id)=(%s) is not present in table "seat".', NEW.seat_id);
    END IF;
    RETURN NULL;
END $$;

-- A deleted showtime takes its inventory with it (was ON DELETE CASCADE).
CREATE FUNCTION bo_showtime_inventory_cascade() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    DELETE FROM inventory i USING gone g WHERE i.showtime_id = g.id;
    RETURN NULL;
END $$;

-- A seat with inventory cannot be deleted (was the foreign key's NO ACTION).
CREATE FUNCTION bo_seat_inventory_restrict() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
    v_seat integer;
BEGIN
    SELECT g.id INTO v_seat FROM gone g WHERE EXISTS (SELECT 1 FROM inventory i WHERE i.seat_id = g.id) LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'update or delete on table "seat" violates foreign key constraint "inventory_seat_id_fkey" on table "inventory"'
            USING ERRCODE = '23503', DETAIL = format('Key (id)=(%s) is still referenced from table "inventory".', v_seat);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER inventory_refs_insert AFTER INSERT ON inventory REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bo_inventory_refs_check();
CREATE TRIGGER inventory_refs_update AFTER UPDATE OF showtime_id, seat_id ON inventory FOR EACH ROW
    WHEN (OLD.showtime_id IS DISTINCT FROM NEW.showtime_id OR OLD.seat_id IS DISTINCT FROM NEW.seat_id)
    EXECUTE FUNCTION bo_inventory_ref_check_row();
CREATE TRIGGER showtime_inventory_cascade AFTER DELETE ON showtime REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION bo_showtime_inventory_cascade();
CREATE TRIGGER seat_inventory_restrict AFTER DELETE ON seat REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION bo_seat_inventory_restrict();
REVOKE ALL ON FUNCTION bo_inventory_refs_check(), bo_inventory_ref_check_row(), bo_showtime_inventory_cascade(),
    bo_seat_inventory_restrict() FROM PUBLIC;

-- seat's references, checked once per statement: a stored plan's seats name one plan,
-- its sections and its categories, so a few distinct keys each.
ALTER TABLE seat DROP CONSTRAINT seat_plan_id_fkey, DROP CONSTRAINT seat_section_id_fkey,
    DROP CONSTRAINT seat_category_id_fkey;

CREATE FUNCTION bo_seat_refs_check() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
    v integer;
BEGIN
    FOR v IN SELECT DISTINCT plan_id FROM new_rows ORDER BY 1 LOOP
        PERFORM 1 FROM seating_plan WHERE id = v FOR KEY SHARE;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'insert or update on table "seat" violates foreign key constraint "seat_plan_id_fkey"'
                USING ERRCODE = '23503', DETAIL = format('Key (plan_id)=(%s) is not present in table "seating_plan".', v);
        END IF;
    END LOOP;
    FOR v IN SELECT DISTINCT section_id FROM new_rows ORDER BY 1 LOOP
        PERFORM 1 FROM section WHERE id = v FOR KEY SHARE;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'insert or update on table "seat" violates foreign key constraint "seat_section_id_fkey"'
                USING ERRCODE = '23503', DETAIL = format('Key (section_id)=(%s) is not present in table "section".', v);
        END IF;
    END LOOP;
    FOR v IN SELECT DISTINCT category_id FROM new_rows ORDER BY 1 LOOP
        PERFORM 1 FROM price_category WHERE id = v FOR KEY SHARE;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'insert or update on table "seat" violates foreign key constraint "seat_category_id_fkey"'
                USING ERRCODE = '23503',
                      DETAIL = format('Key (category_id)=(%s) is not present in table "price_category".', v);
        END IF;
    END LOOP;
    RETURN NULL;
END $$;

-- One seat whose plan, section or category changed: the same check.
CREATE FUNCTION bo_seat_ref_check_row() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM 1 FROM seating_plan WHERE id = NEW.plan_id FOR KEY SHARE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'insert or update on table "seat" violates foreign key constraint "seat_plan_id_fkey"'
            USING ERRCODE = '23503', DETAIL = format('Key (plan_id)=(%s) is not present in table "seating_plan".', NEW.plan_id);
    END IF;
    PERFORM 1 FROM section WHERE id = NEW.section_id FOR KEY SHARE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'insert or update on table "seat" violates foreign key constraint "seat_section_id_fkey"'
            USING ERRCODE = '23503', DETAIL = format('Key (section_id)=(%s) is not present in table "section".', NEW.section_id);
    END IF;
    PERFORM 1 FROM price_category WHERE id = NEW.category_id FOR KEY SHARE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'insert or update on table "seat" violates foreign key constraint "seat_category_id_fkey"'
            USING ERRCODE = '23503',
                  DETAIL = format('Key (category_id)=(%s) is not present in table "price_category".', NEW.category_id);
    END IF;
    RETURN NULL;
END $$;

-- Deleting a plan or a section deletes its seats (was ON DELETE CASCADE).
CREATE FUNCTION bo_seat_cascade() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF TG_TABLE_NAME = 'seating_plan' THEN
        DELETE FROM seat s USING gone g WHERE s.plan_id = g.id;
    ELSE
        DELETE FROM seat s USING gone g WHERE s.section_id = g.id;
    END IF;
    RETURN NULL;
END $$;

-- A category still used by a seat cannot be deleted (was the foreign key's NO ACTION);
-- seats of a plan being deleted (its row gone already) are on their way out too.
CREATE FUNCTION bo_category_seat_restrict() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
    v_category integer;
BEGIN
    SELECT s.category_id INTO v_category FROM seat s JOIN gone g ON g.id = s.category_id
    WHERE EXISTS (SELECT 1 FROM seating_plan p WHERE p.id = s.plan_id) LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'update or delete on table "price_category" violates foreign key constraint "seat_category_id_fkey" on table "seat"'
            USING ERRCODE = '23503', DETAIL = format('Key (id)=(%s) is still referenced from table "seat".', v_category);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER seat_refs_insert AFTER INSERT ON seat REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bo_seat_refs_check();
CREATE TRIGGER seat_refs_update AFTER UPDATE OF plan_id, section_id, category_id ON seat FOR EACH ROW
    WHEN (OLD.plan_id IS DISTINCT FROM NEW.plan_id OR OLD.section_id IS DISTINCT FROM NEW.section_id
          OR OLD.category_id IS DISTINCT FROM NEW.category_id)
    EXECUTE FUNCTION bo_seat_ref_check_row();
CREATE TRIGGER seating_plan_seat_cascade AFTER DELETE ON seating_plan REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION bo_seat_cascade();
CREATE TRIGGER section_seat_cascade AFTER DELETE ON section REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION bo_seat_cascade();
CREATE TRIGGER price_category_seat_restrict AFTER DELETE ON price_category REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION bo_category_seat_restrict();
REVOKE ALL ON FUNCTION bo_seat_refs_check(), bo_seat_ref_check_row(), bo_seat_cascade(), bo_category_seat_restrict()
    FROM PUBLIC;

-- At COMMIT, per changed row (deferred): stamp the pending rows of the row's showtime
-- with one number, unless an earlier firing did. Reads its own row by primary key only.
CREATE OR REPLACE FUNCTION bo_inventory_commit_version() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v bigint;
    v_now bigint;
BEGIN
    SELECT version INTO v_now FROM inventory WHERE showtime_id = NEW.showtime_id AND seat_id = NEW.seat_id;
    IF v_now IS DISTINCT FROM -1 THEN
        RETURN NULL;  -- stamped already, with the rest of its showtime (or gone)
    END IF;
    PERFORM pg_advisory_xact_lock(bo_commit_version_lock());
    v := nextval('inventory_version_seq');
    UPDATE inventory SET version = v WHERE showtime_id = NEW.showtime_id AND version = -1;
    RETURN NULL;
END $$;
"""

DOWNGRADE = r"""
DROP TRIGGER price_category_seat_restrict ON price_category;
DROP TRIGGER section_seat_cascade ON section;
DROP TRIGGER seating_plan_seat_cascade ON seating_plan;
DROP TRIGGER seat_refs_update ON seat;
DROP TRIGGER seat_refs_insert ON seat;
DROP FUNCTION bo_category_seat_restrict();
DROP FUNCTION bo_seat_cascade();
DROP FUNCTION bo_seat_ref_check_row();
DROP FUNCTION bo_seat_refs_check();
ALTER TABLE seat ADD CONSTRAINT seat_plan_id_fkey FOREIGN KEY (plan_id) REFERENCES seating_plan(id) ON DELETE CASCADE,
    ADD CONSTRAINT seat_section_id_fkey FOREIGN KEY (section_id) REFERENCES section(id) ON DELETE CASCADE,
    ADD CONSTRAINT seat_category_id_fkey FOREIGN KEY (category_id) REFERENCES price_category(id);
DROP TRIGGER seat_inventory_restrict ON seat;
DROP TRIGGER showtime_inventory_cascade ON showtime;
DROP TRIGGER inventory_refs_update ON inventory;
DROP TRIGGER inventory_refs_insert ON inventory;
DROP FUNCTION bo_seat_inventory_restrict();
DROP FUNCTION bo_showtime_inventory_cascade();
DROP FUNCTION bo_inventory_ref_check_row();
DROP FUNCTION bo_inventory_refs_check();
ALTER TABLE inventory ADD CONSTRAINT inventory_seat_id_fkey FOREIGN KEY (seat_id) REFERENCES seat(id),
    ADD CONSTRAINT inventory_showtime_id_fkey FOREIGN KEY (showtime_id) REFERENCES showtime(id) ON DELETE CASCADE;
-- bo_inventory_commit_version as 0020_commit_order left it
CREATE OR REPLACE FUNCTION bo_inventory_commit_version() RETURNS trigger
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
DROP FUNCTION bo_plan_store_bulk(integer, text, double precision, double precision, jsonb, jsonb, integer[], integer[],
    text[], text[], text[], double precision[], double precision[], double precision[], boolean[], boolean[], integer);
-- bo_block_not_for_sale as 0013_setup_contract left it
CREATE OR REPLACE FUNCTION bo_block_not_for_sale(p_showtime integer, p_plan integer) RETURNS integer
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
    flagged integer[];
    n integer;
BEGIN
    SELECT coalesce(array_agg(s.id), '{}') INTO flagged
    FROM seating_plan p
    CROSS JOIN LATERAL jsonb_each(coalesce(p.source -> 'x-boxoffice' -> 'seats', '{}'::jsonb)) AS f(guid, flags)
    JOIN seat s ON s.plan_id = p.id AND s.guid = f.guid
    WHERE p.id = p_plan AND jsonb_typeof(f.flags) = 'object' AND (f.flags ->> 'not_for_sale') = 'true';
    IF cardinality(flagged) = 0 THEN
        RETURN 0;
    END IF;
    UPDATE inventory SET state = 'blocked', block_reason = 'Not for sale'
    WHERE showtime_id = p_showtime AND seat_id = ANY (flagged) AND state = 'available';
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END $$;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
