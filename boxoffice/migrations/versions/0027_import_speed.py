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
