"""The manager's set-up contract: every set-up write is a SECURITY DEFINER function that
checks its caller (docs/security.md).

After 0009 no application login writes a table directly; this revision gives managers
and admins (``setup``; prices, ticket types and price rules: ``prices``) the functions
the manage screens need, each validating its input in the database:

* ``bo_venue_create`` (a venue by name; audited ``config_change``),
* ``bo_plan_store`` (a seating plan version with its categories, sections, seats, areas
  and general-admission areas from one jsonb document, inserted set-based; locks the
  venue so two saves cannot pick one version; refuses with BO060 when ``p_based_on`` is
  no longer the newest version),
* ``bo_show_save`` (create or change a show),
* ``bo_showtimes_create`` (one or a series of showtimes with prices, inventory,
  general-admission inventory and the plan's not-for-sale blocks; prices are audited
  by the existing triggers; overlaps are refused by ``showtime_no_overlap``),
* ``bo_showtime_set_sales`` (sales window, doors, pause), ``bo_showtime_cancel``
  (status, holds released, pending web bookings cancelled),
* ``bo_showtime_move_plan`` (carry a showtime to another version of its plan by seat
  guid; refuses with BO061 when a sold or held seat would change),
* ``bo_prices_set``, ``bo_ticket_type_save``, ``bo_price_rule_save``,
  ``bo_price_rule_delete`` (``prices``).

SQLSTATEs: BO060 (plan version conflict), BO061 (plan move refused), 22023 (bad input),
P0002 (no such row), 42501 (not allowed).

Revision ID: 0013_setup_contract
Revises: 0012_web_door_contract
Create Date: 2026-11-30
"""

from alembic import op

revision = "0013_setup_contract"
down_revision = "0012_web_door_contract"
branch_labels = None
depends_on = None

UPGRADE = r"""
-- Block the seats plan p_plan marks not for sale among showtime p_showtime's available
-- seats (internal: called by the functions below; no grant).
CREATE FUNCTION bo_block_not_for_sale(p_showtime integer, p_plan integer) RETURNS integer
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
    flagged integer[];
    n integer;
BEGIN
    -- The flagged seats first, then an update by primary key: a join against inventory
    -- rows inserted a moment ago (no planner statistics yet) became a nested loop over
    -- every seat of a big plan (a minute for 20,000 seats).
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

CREATE FUNCTION bo_bad_input(p_message text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', p_message USING ERRCODE = '22023';
END $$;

-- ---------------------------------------------------------------------------
-- Venues and seating plans (setup)
-- ---------------------------------------------------------------------------

-- The id of venue p_name, created (currency: ISO 4217 letters; timezone: IANA name) if
-- missing. Two first runs at once get the one venue.
CREATE FUNCTION bo_venue_create(p_name text, p_currency text, p_timezone text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_name text := btrim(coalesce(p_name, ''));
    v_id integer;
BEGIN
    PERFORM bo_require('setup');
    IF v_name = '' OR length(v_name) > 200 THEN
        PERFORM bo_bad_input('a venue needs a name of 1 to 200 characters');
    END IF;
    SELECT id INTO v_id FROM venue WHERE name = v_name;
    IF FOUND THEN
        RETURN v_id;
    END IF;
    IF p_currency IS NULL OR p_currency !~ '^[A-Za-z]{3}$' THEN
        PERFORM bo_bad_input('a currency is three letters (ISO 4217)');
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = p_timezone) THEN
        PERFORM bo_bad_input('unknown time zone');
    END IF;
    INSERT INTO venue (name, currency, timezone) VALUES (v_name, upper(p_currency), p_timezone)
    ON CONFLICT (name) DO NOTHING RETURNING id INTO v_id;
    IF v_id IS NULL THEN
        SELECT id INTO v_id FROM venue WHERE name = v_name;
        RETURN v_id;
    END IF;
    PERFORM bo_audit('config_change', 'venue ' || v_id,
                     jsonb_build_object('change', 'create_venue', 'name', v_name, 'currency', upper(p_currency),
                                        'timezone', p_timezone));
    RETURN v_id;
END $$;

-- Store a new version of plan p_name at venue p_venue: the pretix JSON p_source and the
-- rows of p_rows = {"categories": [{name, color}], "sections": [{name}],
-- "seats": [{section, category (indexes into the lists above), guid, row_label,
-- seat_number, x, y, radius, wheelchair, companion}], "areas": [{section (index or
-- null), shape}], "ga_areas": [{name, capacity, category, x, y, w, h}]}.
-- p_based_on: the version the editor opened; BO060 when a newer one of that name exists.
-- Returns {"plan_id", "version"}.
CREATE FUNCTION bo_plan_store(p_venue integer, p_name text, p_width double precision, p_height double precision,
                              p_source jsonb, p_rows jsonb, p_based_on integer DEFAULT NULL)
RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_name text := btrim(coalesce(p_name, ''));
    v_version integer;
    v_newest integer;
    v_plan integer;
    v_cats integer[];
    v_secs integer[];
    n_wanted integer;
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

    n_wanted := jsonb_array_length(coalesce(p_rows -> 'seats', '[]'));
    INSERT INTO seat (plan_id, section_id, category_id, guid, row_label, seat_number, x, y, radius, wheelchair, companion)
    SELECT v_plan, v_secs[s.section + 1], v_cats[s.category + 1], s.guid, s.row_label, s.seat_number, s.x, s.y,
           coalesce(s.radius, 10), coalesce(s.wheelchair, false), coalesce(s.companion, false)
    FROM jsonb_to_recordset(coalesce(p_rows -> 'seats', '[]'))
         AS s(section integer, category integer, guid text, row_label text, seat_number text, x double precision,
              y double precision, radius double precision, wheelchair boolean, companion boolean)
    WHERE v_secs[s.section + 1] IS NOT NULL AND v_cats[s.category + 1] IS NOT NULL
      AND s.guid <> '' AND s.x = s.x AND s.y = s.y AND abs(s.x) < 1e7 AND abs(s.y) < 1e7
      AND coalesce(s.radius, 10) > 0 AND coalesce(s.radius, 10) < 1e4;
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

-- ---------------------------------------------------------------------------
-- Shows and showtimes (setup)
-- ---------------------------------------------------------------------------

-- Create (p_show NULL) or change a show; returns its id. p_set_image: replace the poster
-- with p_image / p_image_type (NULL: remove it); otherwise the poster is kept.
CREATE FUNCTION bo_show_save(p_show integer, p_title text, p_duration integer, p_description text, p_rating text,
                             p_set_image boolean DEFAULT false, p_image bytea DEFAULT NULL,
                             p_image_type text DEFAULT NULL)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_title text := btrim(coalesce(p_title, ''));
    v_id integer;
BEGIN
    PERFORM bo_require('setup');
    IF v_title = '' OR length(v_title) > 200 THEN
        PERFORM bo_bad_input('a show needs a title of 1 to 200 characters');
    END IF;
    IF p_duration IS NULL OR p_duration NOT BETWEEN 1 AND 1440 THEN
        PERFORM bo_bad_input('a running time is 1 to 1440 minutes');
    END IF;
    IF length(coalesce(p_rating, '')) > 20 THEN
        PERFORM bo_bad_input('a rating has at most 20 characters');
    END IF;
    IF p_show IS NULL THEN
        INSERT INTO show (title, duration_minutes, description, rating, image, image_type)
        VALUES (v_title, p_duration, coalesce(p_description, ''), btrim(coalesce(p_rating, '')),
                CASE WHEN p_set_image THEN p_image END, CASE WHEN p_set_image THEN p_image_type END)
        RETURNING id INTO v_id;
        RETURN v_id;
    END IF;
    UPDATE show SET title = v_title, duration_minutes = p_duration, description = coalesce(p_description, ''),
                    rating = btrim(coalesce(p_rating, '')),
                    image = CASE WHEN p_set_image THEN p_image ELSE image END,
                    image_type = CASE WHEN p_set_image THEN p_image_type ELSE image_type END
    WHERE id = p_show RETURNING id INTO v_id;
    IF v_id IS NULL THEN
        RAISE EXCEPTION 'show % does not exist', p_show USING ERRCODE = 'P0002';
    END IF;
    RETURN v_id;
END $$;

-- Schedule showtimes of p_show on plan p_plan: p_showtimes = [{"starts_at",
-- "on_sale_at", "off_sale_at", "doors_open_at" (ISO times, may be null), "prices":
-- [{"category_id", "ticket_type_id" (null: the full price), "price_minor"}]}], each with
-- its inventory (every seat available, the plan's not-for-sale seats blocked) and its
-- general-admission inventory. Returns the new ids in the order given.
CREATE FUNCTION bo_showtimes_create(p_show integer, p_plan integer, p_showtimes jsonb)
RETURNS integer[] LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_venue integer;
    v_full integer;
    v_ids integer[] := '{}';
    v_id integer;
    st record;
BEGIN
    PERFORM bo_require('setup');
    IF NOT EXISTS (SELECT 1 FROM show WHERE id = p_show) THEN
        RAISE EXCEPTION 'show % does not exist', p_show USING ERRCODE = 'P0002';
    END IF;
    SELECT venue_id INTO v_venue FROM seating_plan WHERE id = p_plan;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'seating plan % does not exist', p_plan USING ERRCODE = 'P0002';
    END IF;
    IF p_showtimes IS NULL OR jsonb_typeof(p_showtimes) <> 'array' OR jsonb_array_length(p_showtimes) NOT BETWEEN 1 AND 1000 THEN
        PERFORM bo_bad_input('schedule 1 to 1000 showtimes at once');
    END IF;
    SELECT id INTO v_full FROM ticket_type WHERE venue_id = v_venue AND code = 'full';
    -- prices: a category of this plan, a ticket type of this venue, 0 to 100,000.00
    IF EXISTS (
        SELECT 1 FROM jsonb_array_elements(p_showtimes) e,
             jsonb_to_recordset(coalesce(e -> 'prices', '[]')) AS p(category_id integer, ticket_type_id integer,
                                                                   price_minor bigint)
        WHERE p.price_minor IS NULL OR p.price_minor NOT BETWEEN 0 AND 10000000
           OR NOT EXISTS (SELECT 1 FROM price_category c WHERE c.id = p.category_id AND c.plan_id = p_plan)
           OR (p.ticket_type_id IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM ticket_type t WHERE t.id = p.ticket_type_id AND t.venue_id = v_venue)))
    THEN
        PERFORM bo_bad_input('a price is negative, above 100,000.00, or not for a category or ticket type of this plan');
    END IF;
    FOR st IN SELECT e, ord FROM jsonb_array_elements(p_showtimes) WITH ORDINALITY AS x(e, ord) ORDER BY ord LOOP
        INSERT INTO showtime (show_id, plan_id, starts_at, on_sale_at, off_sale_at, doors_open_at)
        VALUES (p_show, p_plan, (st.e ->> 'starts_at')::timestamptz, (st.e ->> 'on_sale_at')::timestamptz,
                (st.e ->> 'off_sale_at')::timestamptz, (st.e ->> 'doors_open_at')::timestamptz)
        RETURNING id INTO v_id;
        IF (st.e ->> 'doors_open_at') IS NOT NULL AND (st.e ->> 'doors_open_at')::timestamptz > (st.e ->> 'starts_at')::timestamptz THEN
            PERFORM bo_bad_input('the doors must open before the showtime starts');
        END IF;
        v_ids := v_ids || v_id;
        INSERT INTO inventory (showtime_id, seat_id) SELECT v_id, s.id FROM seat s WHERE s.plan_id = p_plan ORDER BY s.id;
        INSERT INTO ga_inventory (showtime_id, ga_area_id, capacity)
        SELECT v_id, a.id, a.capacity FROM ga_area a WHERE a.plan_id = p_plan ORDER BY a.id;
        PERFORM bo_block_not_for_sale(v_id, p_plan);
    END LOOP;
    -- one statement per table for every showtime: the audit triggers record each showtime's prices once
    INSERT INTO showtime_price (showtime_id, category_id, price_minor)
    SELECT v_ids[x.ord], p.category_id, p.price_minor
    FROM jsonb_array_elements(p_showtimes) WITH ORDINALITY AS x(e, ord),
         jsonb_to_recordset(coalesce(x.e -> 'prices', '[]')) AS p(category_id integer, ticket_type_id integer,
                                                                 price_minor integer)
    WHERE p.ticket_type_id IS NULL OR p.ticket_type_id = v_full;
    INSERT INTO showtime_type_price (showtime_id, category_id, ticket_type_id, price_minor)
    SELECT v_ids[x.ord], p.category_id, p.ticket_type_id, p.price_minor
    FROM jsonb_array_elements(p_showtimes) WITH ORDINALITY AS x(e, ord),
         jsonb_to_recordset(coalesce(x.e -> 'prices', '[]')) AS p(category_id integer, ticket_type_id integer,
                                                                 price_minor integer)
    WHERE p.ticket_type_id IS NOT NULL AND p.ticket_type_id IS DISTINCT FROM v_full;
    RETURN v_ids;
END $$;

-- Set a showtime's sales window, doors time and pause (status off_sale / on_sale).
-- Returns the old values {"starts_at", "status", "on_sale_at", "off_sale_at", "doors_open_at"}.
CREATE FUNCTION bo_showtime_set_sales(p_showtime integer, p_on_sale_at timestamptz, p_off_sale_at timestamptz,
                                      p_doors_open_at timestamptz, p_paused boolean)
RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    old showtime%ROWTYPE;
BEGIN
    PERFORM bo_require('setup');
    SELECT * INTO old FROM showtime WHERE id = p_showtime FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'showtime % does not exist', p_showtime USING ERRCODE = 'P0002';
    END IF;
    IF old.status = 'cancelled' THEN
        RAISE EXCEPTION 'showtime % is cancelled and stays cancelled', p_showtime USING ERRCODE = 'BO013';
    END IF;
    IF p_doors_open_at IS NOT NULL AND p_doors_open_at > old.starts_at THEN
        PERFORM bo_bad_input('the doors must open before the showtime starts');
    END IF;
    UPDATE showtime SET on_sale_at = p_on_sale_at, off_sale_at = p_off_sale_at, doors_open_at = p_doors_open_at,
                        status = CASE WHEN coalesce(p_paused, false) THEN 'off_sale' ELSE 'on_sale' END
    WHERE id = p_showtime;
    RETURN jsonb_build_object('starts_at', old.starts_at, 'status', old.status, 'on_sale_at', old.on_sale_at,
                              'off_sale_at', old.off_sale_at, 'doors_open_at', old.doors_open_at);
END $$;

-- Cancel a showtime (p_reason: 1 to 200 characters): no channel can hold, book or sell
-- it any more; its holds are released and pending web bookings cancelled. Sold tickets
-- stay valid until refunded. Returns {"released_holds", "cancelled_bookings"}.
CREATE FUNCTION bo_showtime_cancel(p_showtime integer, p_reason text)
RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_reason text := btrim(coalesce(p_reason, ''));
    v_status text;
    n_bookings integer;
    n_released integer;
BEGIN
    PERFORM bo_require('setup');
    IF v_reason = '' OR length(v_reason) > 200 THEN
        PERFORM bo_bad_input('a cancellation needs a reason of 1 to 200 characters');
    END IF;
    SELECT status INTO v_status FROM showtime WHERE id = p_showtime FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'showtime % does not exist', p_showtime USING ERRCODE = 'P0002';
    END IF;
    IF v_status = 'cancelled' THEN
        RAISE EXCEPTION 'showtime % is already cancelled', p_showtime USING ERRCODE = 'BO013';
    END IF;
    UPDATE showtime SET status = 'cancelled', cancelled_at = now(), cancel_reason = v_reason WHERE id = p_showtime;
    WITH b AS (UPDATE booking SET status = 'cancelled', ended_at = now()
               WHERE showtime_id = p_showtime AND status = 'pending' RETURNING 1)
    SELECT count(*) INTO n_bookings FROM b;
    WITH locked AS (SELECT seat_id FROM inventory WHERE showtime_id = p_showtime AND state = 'held'
                    ORDER BY seat_id FOR UPDATE),
         r AS (UPDATE inventory i SET state = 'available', hold_token = NULL, hold_channel = NULL,
                                      hold_expires_at = NULL, hold_login = NULL
               FROM locked WHERE i.showtime_id = p_showtime AND i.seat_id = locked.seat_id AND i.state = 'held'
               RETURNING 1)
    SELECT count(*) INTO n_released FROM r;
    DELETE FROM ga_hold WHERE showtime_id = p_showtime;
    RETURN jsonb_build_object('released_holds', n_released, 'cancelled_bookings', n_bookings);
END $$;

-- Move showtime p_showtime to plan version p_new_plan of the same venue: inventory,
-- valid tickets and pending bookings follow their seat by guid, prices their category by
-- name, general admission its area by name. Refused (BO061, DETAIL: how many) when a sold
-- or held seat would disappear, move by 0.5 or more, change section or label, or a
-- general-admission area would lose room for what is sold or held.
-- Returns {"carried", "added", "dropped", "from_plan"}.
CREATE FUNCTION bo_showtime_move_plan(p_showtime integer, p_new_plan integer)
RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_old integer;
    v_old_venue integer;
    v_new_venue integer;
    n_refused integer;
    n_carried integer;
    n_added integer;
    n_dropped integer;
    seat_old integer[];
    seat_new integer[];
    dropped integer[];
    cat_old integer[];
    cat_new integer[];
    ga_old integer[];
    ga_new integer[];
BEGIN
    PERFORM bo_require('setup');
    SELECT plan_id INTO v_old FROM showtime WHERE id = p_showtime FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'showtime % does not exist', p_showtime USING ERRCODE = 'P0002';
    END IF;
    SELECT venue_id INTO v_new_venue FROM seating_plan WHERE id = p_new_plan;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'seating plan % does not exist', p_new_plan USING ERRCODE = 'P0002';
    END IF;
    SELECT venue_id INTO v_old_venue FROM seating_plan WHERE id = v_old;
    IF v_old = p_new_plan OR v_old_venue <> v_new_venue THEN
        PERFORM bo_bad_input('a showtime moves to another version of a plan of its own venue');
    END IF;
    PERFORM 1 FROM inventory WHERE showtime_id = p_showtime ORDER BY seat_id FOR UPDATE;
    PERFORM 1 FROM ga_inventory WHERE showtime_id = p_showtime ORDER BY ga_area_id FOR UPDATE;
    -- seats with a sale, a live hold or a valid ticket must keep section, place and label
    SELECT count(*) INTO n_refused
    FROM inventory i JOIN seat o ON o.id = i.seat_id JOIN section os ON os.id = o.section_id
    LEFT JOIN seat n ON n.plan_id = p_new_plan AND n.guid = o.guid
    LEFT JOIN section ns ON ns.id = n.section_id
    WHERE i.showtime_id = p_showtime
      AND (i.state = 'sold' OR (i.state = 'held' AND i.hold_expires_at > now())
           OR EXISTS (SELECT 1 FROM ticket t WHERE t.showtime_id = p_showtime AND t.seat_id = i.seat_id
                      AND t.status = 'valid'))
      AND (n.id IS NULL OR ns.name <> os.name OR sqrt((n.x - o.x) ^ 2 + (n.y - o.y) ^ 2) >= 0.5
           OR n.row_label <> o.row_label OR n.seat_number <> o.seat_number);
    SELECT n_refused + count(*) INTO n_refused
    FROM ga_area a LEFT JOIN ga_area b ON b.plan_id = p_new_plan AND lower(btrim(b.name)) = lower(btrim(a.name))
    WHERE a.plan_id = v_old AND coalesce(bo_ga_taken(p_showtime, a.id), 0) > coalesce(b.capacity, 0);
    IF n_refused > 0 THEN
        RAISE EXCEPTION 'the showtime cannot move: % sold or held places would change', n_refused
            USING ERRCODE = 'BO061', DETAIL = n_refused::text;
    END IF;
    SELECT coalesce(array_agg(o.id ORDER BY o.id), '{}'), coalesce(array_agg(n.id ORDER BY o.id), '{}')
    INTO seat_old, seat_new FROM seat o JOIN seat n ON n.plan_id = p_new_plan AND n.guid = o.guid WHERE o.plan_id = v_old;
    SELECT coalesce(array_agg(o.id), '{}') INTO dropped
    FROM seat o WHERE o.plan_id = v_old AND NOT EXISTS (SELECT 1 FROM seat n WHERE n.plan_id = p_new_plan AND n.guid = o.guid);
    SELECT coalesce(array_agg(o.id ORDER BY o.id), '{}'), coalesce(array_agg(n.id ORDER BY o.id), '{}')
    INTO cat_old, cat_new
    FROM price_category o JOIN price_category n ON n.plan_id = p_new_plan AND n.name = o.name WHERE o.plan_id = v_old;
    SELECT coalesce(array_agg(o.id ORDER BY o.id), '{}'), coalesce(array_agg(n.id ORDER BY o.id), '{}')
    INTO ga_old, ga_new
    FROM ga_area o JOIN ga_area n ON n.plan_id = p_new_plan AND lower(btrim(n.name)) = lower(btrim(o.name))
    WHERE o.plan_id = v_old;

    DELETE FROM inventory WHERE showtime_id = p_showtime AND seat_id = ANY (dropped);
    UPDATE inventory i SET seat_id = m.new FROM unnest(seat_old, seat_new) AS m(old, new)
    WHERE i.showtime_id = p_showtime AND i.seat_id = m.old;
    GET DIAGNOSTICS n_carried = ROW_COUNT;
    INSERT INTO inventory (showtime_id, seat_id)
    SELECT p_showtime, s.id FROM seat s WHERE s.plan_id = p_new_plan AND s.id <> ALL (seat_new) ORDER BY s.id;
    GET DIAGNOSTICS n_added = ROW_COUNT;
    PERFORM bo_block_not_for_sale(p_showtime, p_new_plan);
    -- sold tickets follow their seat: a sanctioned amendment of the sale record (migration 0011)
    PERFORM bo_amend_sale_begin();
    UPDATE ticket t SET seat_id = m.new FROM unnest(seat_old, seat_new) AS m(old, new)
    WHERE t.showtime_id = p_showtime AND t.seat_id = m.old;
    UPDATE ticket t SET category_id = m.new FROM unnest(cat_old, cat_new) AS m(old, new)
    WHERE t.showtime_id = p_showtime AND t.category_id = m.old;
    UPDATE booking_seat t SET seat_id = m.new FROM unnest(seat_old, seat_new) AS m(old, new)
    WHERE t.booking_id IN (SELECT id FROM booking WHERE showtime_id = p_showtime) AND t.seat_id = m.old;
    UPDATE booking_seat t SET category_id = m.new FROM unnest(cat_old, cat_new) AS m(old, new)
    WHERE t.booking_id IN (SELECT id FROM booking WHERE showtime_id = p_showtime) AND t.category_id = m.old;
    DELETE FROM showtime_price WHERE showtime_id = p_showtime AND category_id <> ALL (cat_old);
    UPDATE showtime_price p SET category_id = m.new FROM unnest(cat_old, cat_new) AS m(old, new)
    WHERE p.showtime_id = p_showtime AND p.category_id = m.old;
    DELETE FROM showtime_type_price WHERE showtime_id = p_showtime AND category_id <> ALL (cat_old);
    UPDATE showtime_type_price p SET category_id = m.new FROM unnest(cat_old, cat_new) AS m(old, new)
    WHERE p.showtime_id = p_showtime AND p.category_id = m.old;
    -- general admission: new rows for the new areas; holds and tickets follow their area
    DELETE FROM ga_hold WHERE showtime_id = p_showtime AND expires_at <= now();
    INSERT INTO ga_inventory (showtime_id, ga_area_id, capacity)
    SELECT p_showtime, a.id, a.capacity FROM ga_area a WHERE a.plan_id = p_new_plan ORDER BY a.id;
    UPDATE ga_hold t SET ga_area_id = m.new FROM unnest(ga_old, ga_new) AS m(old, new)
    WHERE t.showtime_id = p_showtime AND t.ga_area_id = m.old;
    UPDATE ticket t SET ga_area_id = m.new FROM unnest(ga_old, ga_new) AS m(old, new)
    WHERE t.showtime_id = p_showtime AND t.ga_area_id = m.old;
    DELETE FROM ga_inventory gi USING ga_area a
    WHERE gi.showtime_id = p_showtime AND a.id = gi.ga_area_id AND a.plan_id <> p_new_plan;
    UPDATE showtime SET plan_id = p_new_plan WHERE id = p_showtime;
    n_dropped := cardinality(dropped);
    RETURN jsonb_build_object('carried', cardinality(seat_old), 'added', n_added, 'dropped', n_dropped,
                              'from_plan', v_old);
END $$;

-- ---------------------------------------------------------------------------
-- Prices, ticket types, price rules (prices)
-- ---------------------------------------------------------------------------

-- Set prices of a showtime: p_prices = [{"category_id", "ticket_type_id",
-- "price_minor" (0..100,000.00; null: stop selling that type there, not for the full
-- price)}]. Only changed prices are written (audited by the price triggers). Returns
-- how many changed.
CREATE FUNCTION bo_prices_set(p_showtime integer, p_prices jsonb)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_plan integer;
    v_venue integer;
    v_full integer;
    n integer;
    total integer := 0;
BEGIN
    PERFORM bo_require('prices');
    SELECT plan_id, venue_id INTO v_plan, v_venue FROM showtime WHERE id = p_showtime;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'showtime % does not exist', p_showtime USING ERRCODE = 'P0002';
    END IF;
    IF p_prices IS NULL OR jsonb_typeof(p_prices) <> 'array' THEN
        PERFORM bo_bad_input('prices are a JSON array');
    END IF;
    SELECT id INTO v_full FROM ticket_type WHERE venue_id = v_venue AND code = 'full';
    IF EXISTS (SELECT 1 FROM jsonb_to_recordset(p_prices) AS p(category_id integer, ticket_type_id integer, price_minor bigint)
               WHERE NOT EXISTS (SELECT 1 FROM price_category c WHERE c.id = p.category_id AND c.plan_id = v_plan)) THEN
        PERFORM bo_bad_input('a price category is not one of this showtime''s plan');
    END IF;
    IF EXISTS (SELECT 1 FROM jsonb_to_recordset(p_prices) AS p(category_id integer, ticket_type_id integer, price_minor bigint)
               WHERE NOT EXISTS (SELECT 1 FROM ticket_type t WHERE t.id = p.ticket_type_id AND t.venue_id = v_venue)) THEN
        PERFORM bo_bad_input('a ticket type is not one of this venue''s');
    END IF;
    IF EXISTS (SELECT 1 FROM jsonb_to_recordset(p_prices) AS x(category_id integer, ticket_type_id integer, price_minor bigint) WHERE price_minor NOT BETWEEN 0 AND 10000000) THEN
        PERFORM bo_bad_input('a price is negative or above 100,000.00');
    END IF;
    IF EXISTS (SELECT 1 FROM jsonb_to_recordset(p_prices) AS x(category_id integer, ticket_type_id integer, price_minor bigint) WHERE ticket_type_id = v_full AND price_minor IS NULL) THEN
        PERFORM bo_bad_input('every category needs a full price');
    END IF;
    INSERT INTO showtime_price AS sp (showtime_id, category_id, price_minor)
    SELECT p_showtime, category_id, price_minor FROM jsonb_to_recordset(p_prices) AS x(category_id integer, ticket_type_id integer, price_minor bigint) WHERE ticket_type_id = v_full
    ON CONFLICT (showtime_id, category_id) DO UPDATE SET price_minor = EXCLUDED.price_minor
    WHERE sp.price_minor IS DISTINCT FROM EXCLUDED.price_minor;
    GET DIAGNOSTICS n = ROW_COUNT;
    total := total + n;
    INSERT INTO showtime_type_price AS tp (showtime_id, category_id, ticket_type_id, price_minor)
    SELECT p_showtime, category_id, ticket_type_id, price_minor FROM jsonb_to_recordset(p_prices) AS x(category_id integer, ticket_type_id integer, price_minor bigint)
    WHERE ticket_type_id <> v_full AND price_minor IS NOT NULL
    ON CONFLICT (showtime_id, category_id, ticket_type_id) DO UPDATE SET price_minor = EXCLUDED.price_minor
    WHERE tp.price_minor IS DISTINCT FROM EXCLUDED.price_minor;
    GET DIAGNOSTICS n = ROW_COUNT;
    total := total + n;
    DELETE FROM showtime_type_price tp USING jsonb_to_recordset(p_prices) AS p(category_id integer, ticket_type_id integer, price_minor bigint)
    WHERE tp.showtime_id = p_showtime AND tp.category_id = p.category_id AND tp.ticket_type_id = p.ticket_type_id
      AND p.price_minor IS NULL AND p.ticket_type_id <> v_full;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN total + n;
END $$;

-- Add (p_type NULL) or change a ticket type of p_venue; returns its id. The full type
-- cannot be switched off; a code never changes.
CREATE FUNCTION bo_ticket_type_save(p_type integer, p_venue integer, p_code text, p_name text, p_position integer,
                                    p_active boolean)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_name text := btrim(coalesce(p_name, ''));
    v_id integer;
    v_code text;
BEGIN
    PERFORM bo_require('prices');
    IF v_name = '' OR length(v_name) > 60 THEN
        PERFORM bo_bad_input('a ticket type needs a name of 1 to 60 characters');
    END IF;
    IF NOT EXISTS (SELECT 1 FROM venue WHERE id = p_venue) THEN
        RAISE EXCEPTION 'venue % does not exist', p_venue USING ERRCODE = 'P0002';
    END IF;
    IF p_type IS NULL THEN
        INSERT INTO ticket_type (venue_id, code, name, position, active)
        VALUES (p_venue, left(p_code, 30), v_name, coalesce(p_position, 0), coalesce(p_active, true))
        RETURNING id INTO v_id;
        RETURN v_id;
    END IF;
    SELECT code INTO v_code FROM ticket_type WHERE id = p_type AND venue_id = p_venue FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'ticket type % does not exist', p_type USING ERRCODE = 'P0002';
    END IF;
    IF v_code = 'full' AND NOT coalesce(p_active, true) THEN
        PERFORM bo_bad_input('the full price type cannot be switched off');
    END IF;
    UPDATE ticket_type SET name = v_name, position = coalesce(p_position, 0), active = coalesce(p_active, true)
    WHERE id = p_type;
    RETURN p_type;
END $$;

-- Create (p_rule NULL) or replace a price rule of p_venue from p_data = {"plan_id",
-- "name", "weekdays", "from_time", "until_time", "category_id", "ticket_type_id",
-- "kind", "amount_minor", "percent", "position"}; the plan, category and ticket type
-- must be the venue's. Returns its id.
CREATE FUNCTION bo_price_rule_save(p_rule integer, p_venue integer, p_data jsonb)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    r record;
    v_id integer;
BEGIN
    PERFORM bo_require('prices');
    IF NOT EXISTS (SELECT 1 FROM venue WHERE id = p_venue) THEN
        RAISE EXCEPTION 'venue % does not exist', p_venue USING ERRCODE = 'P0002';
    END IF;
    SELECT * INTO r FROM jsonb_to_record(p_data) AS x(plan_id integer, name text, weekdays smallint[], from_time time,
        until_time time, category_id integer, ticket_type_id integer, kind text, amount_minor integer,
        percent numeric, position integer);
    IF btrim(coalesce(r.name, '')) = '' OR length(r.name) > 100 THEN
        PERFORM bo_bad_input('a rule needs a name of 1 to 100 characters');
    END IF;
    IF NOT EXISTS (SELECT 1 FROM ticket_type WHERE id = r.ticket_type_id AND venue_id = p_venue) THEN
        PERFORM bo_bad_input('that ticket type is not one of this venue''s');
    END IF;
    IF r.plan_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM seating_plan WHERE id = r.plan_id AND venue_id = p_venue) THEN
        PERFORM bo_bad_input('that seating plan is not one of this venue''s');
    END IF;
    IF r.category_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM price_category c JOIN seating_plan p ON p.id = c.plan_id
        WHERE c.id = r.category_id AND p.venue_id = p_venue) THEN
        PERFORM bo_bad_input('that price category is not one of this venue''s plans');
    END IF;
    IF p_rule IS NULL THEN
        INSERT INTO price_rule (venue_id, plan_id, name, weekdays, from_time, until_time, category_id, ticket_type_id,
                                kind, amount_minor, percent, position)
        VALUES (p_venue, r.plan_id, btrim(r.name), coalesce(r.weekdays, '{1,2,3,4,5,6,7}'), r.from_time, r.until_time,
                r.category_id, r.ticket_type_id, r.kind, r.amount_minor, r.percent, coalesce(r.position, 0))
        RETURNING id INTO v_id;
        RETURN v_id;
    END IF;
    UPDATE price_rule SET plan_id = r.plan_id, name = btrim(r.name), weekdays = coalesce(r.weekdays, '{1,2,3,4,5,6,7}'),
                          from_time = r.from_time, until_time = r.until_time, category_id = r.category_id,
                          ticket_type_id = r.ticket_type_id, kind = r.kind, amount_minor = r.amount_minor,
                          percent = r.percent, position = coalesce(r.position, 0)
    WHERE id = p_rule AND venue_id = p_venue RETURNING id INTO v_id;
    IF v_id IS NULL THEN
        RAISE EXCEPTION 'price rule % does not exist', p_rule USING ERRCODE = 'P0002';
    END IF;
    RETURN v_id;
END $$;

-- Delete a price rule (prices already set from it stay).
CREATE FUNCTION bo_price_rule_delete(p_rule integer)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM bo_require('prices');
    DELETE FROM price_rule WHERE id = p_rule;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'price rule % does not exist', p_rule USING ERRCODE = 'P0002';
    END IF;
END $$;

-- ---------------------------------------------------------------------------
-- Grants: managers and admins; the internal helpers to nobody
-- ---------------------------------------------------------------------------
REVOKE ALL ON FUNCTION bo_block_not_for_sale(integer, integer), bo_bad_input(text),
    bo_venue_create(text, text, text),
    bo_plan_store(integer, text, double precision, double precision, jsonb, jsonb, integer),
    bo_show_save(integer, text, integer, text, text, boolean, bytea, text),
    bo_showtimes_create(integer, integer, jsonb),
    bo_showtime_set_sales(integer, timestamptz, timestamptz, timestamptz, boolean),
    bo_showtime_cancel(integer, text), bo_showtime_move_plan(integer, integer),
    bo_prices_set(integer, jsonb), bo_ticket_type_save(integer, integer, text, text, integer, boolean),
    bo_price_rule_save(integer, integer, jsonb), bo_price_rule_delete(integer)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bo_venue_create(text, text, text),
    bo_plan_store(integer, text, double precision, double precision, jsonb, jsonb, integer),
    bo_show_save(integer, text, integer, text, text, boolean, bytea, text),
    bo_showtimes_create(integer, integer, jsonb),
    bo_showtime_set_sales(integer, timestamptz, timestamptz, timestamptz, boolean),
    bo_showtime_cancel(integer, text), bo_showtime_move_plan(integer, integer),
    bo_prices_set(integer, jsonb), bo_ticket_type_save(integer, integer, text, text, integer, boolean),
    bo_price_rule_save(integer, integer, jsonb), bo_price_rule_delete(integer)
    TO bo_manager, bo_admin;
"""

DOWNGRADE = r"""
DROP FUNCTION bo_price_rule_delete(integer);
DROP FUNCTION bo_price_rule_save(integer, integer, jsonb);
DROP FUNCTION bo_ticket_type_save(integer, integer, text, text, integer, boolean);
DROP FUNCTION bo_prices_set(integer, jsonb);
DROP FUNCTION bo_showtime_move_plan(integer, integer);
DROP FUNCTION bo_showtime_cancel(integer, text);
DROP FUNCTION bo_showtime_set_sales(integer, timestamptz, timestamptz, timestamptz, boolean);
DROP FUNCTION bo_showtimes_create(integer, integer, jsonb);
DROP FUNCTION bo_show_save(integer, text, integer, text, text, boolean, bytea, text);
DROP FUNCTION bo_plan_store(integer, text, double precision, double precision, jsonb, jsonb, integer);
DROP FUNCTION bo_venue_create(text, text, text);
DROP FUNCTION bo_bad_input(text);
DROP FUNCTION bo_block_not_for_sale(integer, integer);
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
