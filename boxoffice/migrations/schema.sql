-- The boxoffice database schema at the newest revision of boxoffice/migrations/versions:
-- every current table, view, function, trigger, owner and grant in one file.
-- Generated, do not edit: `pg_dump --schema-only` of a freshly migrated database.
-- Regenerate: .venv/bin/python tools/dump_schema.py
-- PostgreSQL 18, pg_dump 18

--
-- PostgreSQL database dump
--

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET transaction_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: public; Type: SCHEMA; Schema: -; Owner: bo_owner
--

-- *not* creating schema, since initdb creates it


ALTER SCHEMA public OWNER TO bo_owner;

--
-- Name: bo_admission_verdict; Type: TYPE; Schema: public; Owner: bo_owner
--

CREATE TYPE public.bo_admission_verdict AS (
	verdict text,
	reason text,
	ticket_id bigint,
	showtime_id integer,
	at timestamp with time zone,
	gate text,
	reentry boolean,
	admission_id bigint,
	conflict_id bigint,
	replayed boolean
);


ALTER TYPE public.bo_admission_verdict OWNER TO bo_owner;

--
-- Name: bo_web_limits; Type: TYPE; Schema: public; Owner: bo_owner
--

CREATE TYPE public.bo_web_limits AS (
	seats_per_hold integer,
	held_per_client integer,
	held_per_ip integer,
	holds_per_minute_client integer,
	holds_per_minute_ip integer
);


ALTER TYPE public.bo_web_limits OWNER TO bo_owner;

--
-- Name: bo_actor(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_actor() RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    s staff%ROWTYPE;
    kind text := bo_caller_kind();
    till text := left(coalesce(current_setting('application_name', true), ''), 100);
BEGIN
    IF kind = 'staff' THEN
        SELECT * INTO s FROM staff WHERE login = session_user;
        RETURN jsonb_build_object('staff_id', s.id, 'name', s.username, 'role', s.role, 'till', till,
                                  'active', s.active);
    END IF;
    -- not a person at a till: the caller's channel (bo_audit's p_till) names where
    RETURN jsonb_build_object('staff_id', NULL, 'name', CASE kind WHEN 'none' THEN session_user::text ELSE kind END,
                              'role', kind, 'till', '', 'active', kind <> 'none');
END $$;


ALTER FUNCTION public.bo_actor() OWNER TO bo_owner;

--
-- Name: bo_admit(bigint, integer, integer, text, text, integer[], uuid, timestamp with time zone); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_admit(p_ticket bigint, p_serial integer, p_showtime integer, p_gate text, p_device text, p_serving integer[] DEFAULT NULL::integer[], p_offline_id uuid DEFAULT NULL::uuid, p_scanned_at timestamp with time zone DEFAULT NULL::timestamp with time zone) RETURNS public.bo_admission_verdict
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    v bo_admission_verdict;
    when_at timestamptz := coalesce(p_scanned_at, clock_timestamp());
    doors timestamptz;
    tries integer := 0;
BEGIN
    PERFORM bo_require('scan');
    IF p_ticket IS NULL OR p_showtime IS NULL OR coalesce(p_gate, '') = '' OR coalesce(p_device, '') = ''
       OR (p_offline_id IS NULL) <> (p_scanned_at IS NULL) THEN
        RAISE EXCEPTION 'bo_admit needs a ticket, a showtime, a gate and a device (and an offline id with its time)'
            USING ERRCODE = '22023';
    END IF;
    IF p_scanned_at > clock_timestamp() + interval '5 minutes' THEN
        RAISE EXCEPTION 'an offline scan cannot come from the future (%)', p_scanned_at USING ERRCODE = '22023';
    END IF;
    v.ticket_id := p_ticket;
    v.showtime_id := p_showtime;
    v.reason := '';
    v.reentry := false;
    v.replayed := false;
    IF p_offline_id IS NOT NULL THEN
        -- an upload seen before: answer as the first time
        SELECT 'admitted', a.scanned_at, a.gate, a.reentry, a.id INTO v.verdict, v.at, v.gate, v.reentry, v.admission_id
        FROM admission a WHERE a.offline_id = p_offline_id;
        IF FOUND THEN
            v.replayed := true;
            RETURN v;
        END IF;
        SELECT c.verdict, c.reason, c.other_at, c.other_gate, c.id INTO v.verdict, v.reason, v.at, v.gate, v.conflict_id
        FROM admission_conflict c WHERE c.offline_id = p_offline_id;
        IF FOUND THEN
            v.replayed := true;
            RETURN v;
        END IF;
    END IF;

    IF p_serving IS NOT NULL AND NOT p_showtime = ANY (p_serving) THEN
        v.verdict := 'wrong_showtime';
    ELSE
        doors := bo_doors_open(p_showtime);
        LOOP
            IF p_offline_id IS NULL AND doors IS NOT NULL AND clock_timestamp() < doors THEN
                v := coalesce(bo_ticket_refusal(p_ticket, p_serial, p_showtime, true), v);
                IF v.verdict IS NULL THEN
                    v.verdict := 'too_early';
                    v.at := doors;
                END IF;
                EXIT;
            END IF;
            -- THE admission: one conditional statement on the ticket row.
            UPDATE ticket t
            SET inside = true, admitted_at = when_at, admitted_gate = p_gate, entries = t.entries + 1
            FROM showtime st
            WHERE t.id = p_ticket AND t.showtime_id = p_showtime AND t.status = 'valid'
              AND (p_serial IS NULL OR t.code_serial = p_serial) AND NOT t.inside
              AND st.id = t.showtime_id AND st.status <> 'cancelled'
            RETURNING t.entries > 1 INTO v.reentry;
            IF FOUND THEN
                INSERT INTO admission (ticket_id, showtime_id, kind, reentry, method, gate, device, scanned_at,
                                       offline, offline_id)
                VALUES (p_ticket, p_showtime, 'entry', v.reentry, CASE WHEN p_serial IS NULL THEN 'manual' ELSE 'scan' END,
                        p_gate, p_device, when_at, p_offline_id IS NOT NULL, p_offline_id)
                RETURNING id INTO v.admission_id;
                v.verdict := 'admitted';
                v.at := when_at;
                v.gate := p_gate;
                EXIT;
            END IF;
            v := coalesce(bo_ticket_refusal(p_ticket, p_serial, p_showtime, true), v);
            tries := tries + 1;
            EXIT WHEN v.verdict IS NOT NULL OR tries >= 5;  -- the row changed under us: look again
        END LOOP;
        IF v.verdict IS NULL THEN
            RAISE EXCEPTION 'ticket % keeps changing; scan again', p_ticket USING ERRCODE = '55P03';
        END IF;
    END IF;

    IF p_offline_id IS NOT NULL AND v.verdict <> 'admitted' THEN
        INSERT INTO admission_conflict (offline_id, ticket_id, showtime_id, gate, device, scanned_at, verdict, reason,
                                        other_gate, other_at)
        SELECT p_offline_id, p_ticket, p_showtime, p_gate, p_device, p_scanned_at, v.verdict, v.reason,
               v.gate, v.at
        WHERE EXISTS (SELECT 1 FROM ticket WHERE id = p_ticket AND showtime_id = p_showtime)
        RETURNING id INTO v.conflict_id;
    END IF;
    RETURN v;
END $$;


ALTER FUNCTION public.bo_admit(p_ticket bigint, p_serial integer, p_showtime integer, p_gate text, p_device text, p_serving integer[], p_offline_id uuid, p_scanned_at timestamp with time zone) OWNER TO bo_owner;

--
-- Name: bo_amend_sale_begin(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_amend_sale_begin() RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
    INSERT INTO sale_amendment (xact) VALUES (pg_current_xact_id()) ON CONFLICT DO NOTHING
$$;


ALTER FUNCTION public.bo_amend_sale_begin() OWNER TO bo_owner;

--
-- Name: bo_audit(text, text, jsonb, text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_audit(p_action text, p_target text, p_details jsonb, p_till text DEFAULT NULL::text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $_$
DECLARE
    a jsonb := bo_actor();
    new_id bigint;
BEGIN
    IF p_action IS NULL OR p_action !~ '^[a-z][a-z_.]{0,39}$' THEN
        RAISE EXCEPTION 'an audit action is 1-40 lower-case letters, dots and underscores' USING ERRCODE = '22023';
    END IF;
    INSERT INTO audit_log (staff_id, actor, role, till, action, target, details)
    VALUES ((a->>'staff_id')::integer, a->>'name', a->>'role',
            left(coalesce(nullif(a->>'till', ''), p_till, current_setting('application_name', true), ''), 100),
            p_action, left(coalesce(p_target, ''), 200), coalesce(p_details, '{}'))
    RETURNING id INTO new_id;
    RETURN new_id;
END $_$;


ALTER FUNCTION public.bo_audit(p_action text, p_target text, p_details jsonb, p_till text) OWNER TO bo_owner;

--
-- Name: bo_audit_blocks(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_audit_blocks() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    r record;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM new_rows WHERE state = 'blocked')
       AND NOT EXISTS (SELECT 1 FROM old_rows WHERE state = 'blocked') THEN
        RETURN NULL;
    END IF;
    FOR r IN
        SELECT n.showtime_id, n.state = 'blocked' AS blocked,
               jsonb_agg(bo_seat_label(n.seat_id) ORDER BY n.seat_id) AS seats,
               jsonb_agg(n.seat_id ORDER BY n.seat_id) AS seat_ids,
               min(CASE WHEN n.state = 'blocked' THEN n.block_reason ELSE o.block_reason END) AS reason
        FROM new_rows n JOIN old_rows o ON o.showtime_id = n.showtime_id AND o.seat_id = n.seat_id
        WHERE (o.state = 'blocked') <> (n.state = 'blocked')
        GROUP BY n.showtime_id, n.state = 'blocked'
        ORDER BY n.showtime_id
    LOOP
        PERFORM bo_audit(CASE WHEN r.blocked THEN 'seat_block' ELSE 'seat_release' END, 'showtime ' || r.showtime_id,
                         jsonb_build_object('showtime_id', r.showtime_id, 'seats', r.seats, 'seat_ids', r.seat_ids,
                                            'reason', r.reason));
    END LOOP;
    RETURN NULL;
END $$;


ALTER FUNCTION public.bo_audit_blocks() OWNER TO bo_owner;

--
-- Name: bo_audit_log_append_only(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_audit_log_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'BO010', HINT = 'audit rows can only be added';
END $$;


ALTER FUNCTION public.bo_audit_log_append_only() OWNER TO bo_owner;

--
-- Name: bo_audit_log_stamp(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_audit_log_stamp() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    a jsonb := bo_actor();
BEGIN
    NEW.at := clock_timestamp();
    NEW.staff_id := (a->>'staff_id')::integer;
    NEW.actor := left(a->>'name', 100);
    NEW.role := left(a->>'role', 10);
    NEW.db_user := session_user;
    NEW.xact := pg_current_xact_id()::text::bigint;
    RETURN NEW;
END $$;


ALTER FUNCTION public.bo_audit_log_stamp() OWNER TO bo_owner;

--
-- Name: bo_audit_prices(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_audit_prices() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT n.showtime_id, jsonb_object_agg(pc.name, jsonb_build_object('old', NULL, 'new', n.price_minor)) AS prices
        FROM new_rows n JOIN price_category pc ON pc.id = n.category_id
        GROUP BY n.showtime_id ORDER BY n.showtime_id
    LOOP
        PERFORM bo_audit('price_change', 'showtime ' || r.showtime_id,
                         jsonb_build_object('showtime_id', r.showtime_id, 'prices', r.prices));
    END LOOP;
    RETURN NULL;
END $$;


ALTER FUNCTION public.bo_audit_prices() OWNER TO bo_owner;

--
-- Name: bo_audit_prices_changed(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_audit_prices_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    r record;
BEGIN
    FOR r IN
        WITH changes AS (
            SELECT coalesce(n.showtime_id, o.showtime_id) AS showtime_id,
                   coalesce(n.category_id, o.category_id) AS category_id,
                   o.price_minor AS old_minor, n.price_minor AS new_minor
            FROM old_rows o FULL JOIN new_rows n ON n.showtime_id = o.showtime_id AND n.category_id = o.category_id
            WHERE o.price_minor IS DISTINCT FROM n.price_minor
        )
        SELECT c.showtime_id, jsonb_object_agg(pc.name, jsonb_build_object('old', c.old_minor, 'new', c.new_minor)) AS prices
        FROM changes c JOIN price_category pc ON pc.id = c.category_id
        GROUP BY c.showtime_id ORDER BY c.showtime_id
    LOOP
        PERFORM bo_audit('price_change', 'showtime ' || r.showtime_id,
                         jsonb_build_object('showtime_id', r.showtime_id, 'prices', r.prices));
    END LOOP;
    RETURN NULL;
END $$;


ALTER FUNCTION public.bo_audit_prices_changed() OWNER TO bo_owner;

--
-- Name: bo_audit_prices_removed(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_audit_prices_removed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT o.showtime_id, jsonb_object_agg(pc.name, jsonb_build_object('old', o.price_minor, 'new', NULL)) AS prices
        FROM old_rows o JOIN price_category pc ON pc.id = o.category_id
        GROUP BY o.showtime_id ORDER BY o.showtime_id
    LOOP
        PERFORM bo_audit('price_change', 'showtime ' || r.showtime_id,
                         jsonb_build_object('showtime_id', r.showtime_id, 'prices', r.prices));
    END LOOP;
    RETURN NULL;
END $$;


ALTER FUNCTION public.bo_audit_prices_removed() OWNER TO bo_owner;

--
-- Name: bo_audit_refund(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_audit_refund() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    o orders%ROWTYPE;
BEGIN
    SELECT * INTO o FROM orders WHERE id = NEW.order_id;
    PERFORM bo_audit('refund', 'order ' || o.number,
                     jsonb_build_object('order_id', o.id, 'order', o.number, 'amount_minor', NEW.amount_minor,
                                        'currency', o.currency, 'reason', NEW.reason, 'sold_by', o.staff_id,
                                        'tickets_refunded', (SELECT count(*) FROM ticket t
                                                             WHERE t.order_id = o.id AND t.status = 'refunded')),
                     o.channel);
    RETURN NULL;
END $$;


ALTER FUNCTION public.bo_audit_refund() OWNER TO bo_owner;

--
-- Name: bo_audit_sale(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_audit_sale() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    d jsonb;
BEGIN
    SELECT jsonb_build_object(
        'order_id', NEW.id, 'order', NEW.number, 'channel', NEW.channel, 'currency', NEW.currency,
        'total_minor', NEW.total_minor,
        'showtime_id', (SELECT min(t.showtime_id) FROM ticket t WHERE t.order_id = NEW.id),
        'tickets', (SELECT coalesce(jsonb_agg(t.id ORDER BY t.id), '[]') FROM ticket t WHERE t.order_id = NEW.id),
        'seats', (SELECT coalesce(jsonb_agg(coalesce(bo_seat_label(t.seat_id), bo_ga_label(t.ga_area_id)) ORDER BY t.id), '[]')
                  FROM ticket t WHERE t.order_id = NEW.id),
        'types', (SELECT coalesce(jsonb_agg(coalesce(tt.code, 'full') ORDER BY t.id), '[]')
                  FROM ticket t LEFT JOIN ticket_type tt ON tt.id = t.ticket_type_id WHERE t.order_id = NEW.id),
        'payments', (SELECT coalesce(jsonb_agg(jsonb_build_object('method', p.method, 'amount_minor', p.amount_minor,
                                                                  'tendered_minor', p.tendered_minor) ORDER BY p.id), '[]')
                     FROM payment p WHERE p.order_id = NEW.id))
    INTO d;
    PERFORM bo_audit('sale', 'order ' || NEW.number, d, NEW.channel);
    RETURN NULL;
END $$;


ALTER FUNCTION public.bo_audit_sale() OWNER TO bo_owner;

--
-- Name: bo_audit_ticket(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_audit_ticket() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    num text;
BEGIN
    SELECT number INTO num FROM orders WHERE id = NEW.order_id;
    IF OLD.status IS DISTINCT FROM NEW.status THEN
        PERFORM bo_audit('void', 'ticket ' || NEW.id,
                         jsonb_build_object('ticket_id', NEW.id, 'order', num, 'from', OLD.status, 'to', NEW.status,
                                            'showtime_id', NEW.showtime_id, 'seat', bo_seat_label(NEW.seat_id)));
    END IF;
    IF OLD.code_serial IS DISTINCT FROM NEW.code_serial THEN
        PERFORM bo_audit('reprint', 'ticket ' || NEW.id,
                         jsonb_build_object('ticket_id', NEW.id, 'order', num, 'serial', NEW.code_serial,
                                            'showtime_id', NEW.showtime_id, 'seat', bo_seat_label(NEW.seat_id)));
    END IF;
    RETURN NULL;
END $$;


ALTER FUNCTION public.bo_audit_ticket() OWNER TO bo_owner;

--
-- Name: bo_audit_type_prices(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_audit_type_prices() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    r record;
BEGIN
    IF TG_OP = 'INSERT' THEN
        FOR r IN
            SELECT n.showtime_id, jsonb_object_agg(pc.name || ' · ' || tt.name,
                                                   jsonb_build_object('old', NULL, 'new', n.price_minor)) AS prices
            FROM new_rows n JOIN price_category pc ON pc.id = n.category_id JOIN ticket_type tt ON tt.id = n.ticket_type_id
            GROUP BY n.showtime_id ORDER BY n.showtime_id
        LOOP
            PERFORM bo_audit('price_change', 'showtime ' || r.showtime_id,
                             jsonb_build_object('showtime_id', r.showtime_id, 'prices', r.prices));
        END LOOP;
    ELSIF TG_OP = 'DELETE' THEN
        FOR r IN
            SELECT o.showtime_id, jsonb_object_agg(pc.name || ' · ' || tt.name,
                                                   jsonb_build_object('old', o.price_minor, 'new', NULL)) AS prices
            FROM old_rows o JOIN price_category pc ON pc.id = o.category_id JOIN ticket_type tt ON tt.id = o.ticket_type_id
            GROUP BY o.showtime_id ORDER BY o.showtime_id
        LOOP
            PERFORM bo_audit('price_change', 'showtime ' || r.showtime_id,
                             jsonb_build_object('showtime_id', r.showtime_id, 'prices', r.prices));
        END LOOP;
    ELSE
        FOR r IN
            WITH changes AS (
                SELECT coalesce(n.showtime_id, o.showtime_id) AS showtime_id,
                       coalesce(n.category_id, o.category_id) AS category_id,
                       coalesce(n.ticket_type_id, o.ticket_type_id) AS ticket_type_id,
                       o.price_minor AS old_minor, n.price_minor AS new_minor
                FROM old_rows o FULL JOIN new_rows n ON n.showtime_id = o.showtime_id
                     AND n.category_id = o.category_id AND n.ticket_type_id = o.ticket_type_id
                WHERE o.price_minor IS DISTINCT FROM n.price_minor
            )
            SELECT c.showtime_id, jsonb_object_agg(pc.name || ' · ' || tt.name,
                                                   jsonb_build_object('old', c.old_minor, 'new', c.new_minor)) AS prices
            FROM changes c JOIN price_category pc ON pc.id = c.category_id JOIN ticket_type tt ON tt.id = c.ticket_type_id
            GROUP BY c.showtime_id ORDER BY c.showtime_id
        LOOP
            PERFORM bo_audit('price_change', 'showtime ' || r.showtime_id,
                             jsonb_build_object('showtime_id', r.showtime_id, 'prices', r.prices));
        END LOOP;
    END IF;
    RETURN NULL;
END $$;


ALTER FUNCTION public.bo_audit_type_prices() OWNER TO bo_owner;

--
-- Name: bo_bad_input(text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_bad_input(p_message text) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION '%', p_message USING ERRCODE = '22023';
END $$;


ALTER FUNCTION public.bo_bad_input(p_message text) OWNER TO bo_owner;

--
-- Name: bo_block(integer, integer[], text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_block(p_showtime integer, p_seats integer[], p_reason text) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    wanted integer[];
    got integer[];
BEGIN
    PERFORM bo_require('block');
    IF p_reason IS NULL OR btrim(p_reason) = '' THEN
        RAISE EXCEPTION 'a block needs a reason' USING ERRCODE = '22023';
    END IF;
    SELECT coalesce(array_agg(DISTINCT s ORDER BY s), '{}') INTO wanted FROM unnest(p_seats) s;
    IF cardinality(wanted) = 0 THEN
        RAISE EXCEPTION 'bo_block needs at least one seat' USING ERRCODE = '22023';
    END IF;
    WITH locked AS (
        SELECT seat_id FROM inventory
        WHERE showtime_id = p_showtime AND seat_id = ANY (wanted)
        ORDER BY seat_id
        FOR UPDATE
    ), blocked AS (
        UPDATE inventory i
        SET state = 'blocked', hold_token = NULL, hold_channel = NULL, hold_expires_at = NULL, hold_login = NULL,
            block_reason = left(btrim(p_reason), 200)
        FROM locked
        WHERE i.showtime_id = p_showtime AND i.seat_id = locked.seat_id
          AND (i.state = 'available' OR (i.state = 'held' AND i.hold_expires_at <= clock_timestamp()))
        RETURNING i.seat_id
    )
    SELECT coalesce(array_agg(seat_id), '{}') INTO got FROM blocked;
    got := got || ARRAY(SELECT seat_id FROM inventory WHERE showtime_id = p_showtime AND seat_id = ANY (wanted)
                        AND state = 'blocked' AND NOT seat_id = ANY (got));
    IF cardinality(got) < cardinality(wanted) THEN
        RAISE EXCEPTION 'seats cannot be blocked (sold or held)'
            USING ERRCODE = 'BO001',
                  DETAIL = array_to_string(ARRAY(SELECT unnest(wanted) EXCEPT SELECT unnest(got) ORDER BY 1), ',');
    END IF;
    RETURN cardinality(got);
END $$;


ALTER FUNCTION public.bo_block(p_showtime integer, p_seats integer[], p_reason text) OWNER TO bo_owner;

--
-- Name: bo_block_not_for_sale(integer, integer); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_block_not_for_sale(p_showtime integer, p_plan integer) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO 'public', 'pg_temp'
    SET enable_nestloop TO 'off'
    AS $$
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


ALTER FUNCTION public.bo_block_not_for_sale(p_showtime integer, p_plan integer) OWNER TO bo_owner;

--
-- Name: bo_book(integer, uuid, text, integer, text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_book(p_showtime integer, p_token uuid, p_channel text, p_seconds integer, p_email text DEFAULT NULL::text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    seats integer[];
    new_booking uuid := gen_random_uuid();
    new_token uuid := gen_random_uuid();
    expires timestamptz;
    unpriced integer[];
    v_currency varchar(3);
    why text;
BEGIN
    PERFORM bo_require('web');
    IF p_token IS NULL OR p_channel IS NULL OR p_seconds IS NULL OR p_seconds NOT BETWEEN 1 AND 86400 THEN
        RAISE EXCEPTION 'bo_book needs a token, a channel and a lifetime of 1 to 86400 seconds' USING ERRCODE = '22023';
    END IF;
    SELECT v.currency, coalesce(bo_sale_refusal(st.status, st.on_sale_at, st.off_sale_at), '') INTO v_currency, why
    FROM showtime st JOIN venue v ON v.id = st.venue_id
    WHERE st.id = p_showtime;
    IF why IS NULL OR why <> '' THEN
        RAISE EXCEPTION 'showtime % is not on sale (%)', p_showtime, coalesce(why, 'unknown')
            USING ERRCODE = 'BO003', DETAIL = coalesce(why, 'unknown');
    END IF;
    expires := clock_timestamp() + make_interval(secs => p_seconds);
    SELECT coalesce(array_agg(seat_id ORDER BY seat_id), '{}') INTO seats FROM (
        SELECT seat_id FROM inventory
        WHERE showtime_id = p_showtime AND state = 'held' AND hold_token = p_token
          AND hold_expires_at > clock_timestamp() AND bo_holder_is_caller(hold_login)
        ORDER BY seat_id
        FOR UPDATE
    ) locked;
    IF cardinality(seats) = 0 THEN
        RAISE EXCEPTION 'no live hold for this token' USING ERRCODE = 'BO002';
    END IF;
    SELECT coalesce(array_agg(s.id ORDER BY s.id), '{}') INTO unpriced
    FROM seat s LEFT JOIN showtime_price sp ON sp.showtime_id = p_showtime AND sp.category_id = s.category_id
    WHERE s.id = ANY (seats) AND sp.price_minor IS NULL;
    IF cardinality(unpriced) > 0 THEN
        RAISE EXCEPTION 'seats without a price' USING ERRCODE = 'BO007', DETAIL = array_to_string(unpriced, ',');
    END IF;
    INSERT INTO booking (id, showtime_id, channel, hold_token, source_token, email, currency, total_minor, expires_at)
    SELECT new_booking, p_showtime, p_channel, new_token, p_token, p_email, v_currency, sum(sp.price_minor), expires
    FROM seat s JOIN showtime_price sp ON sp.showtime_id = p_showtime AND sp.category_id = s.category_id
    WHERE s.id = ANY (seats);
    INSERT INTO booking_seat (booking_id, seat_id, category_id, price_minor)
    SELECT new_booking, s.id, s.category_id, sp.price_minor
    FROM seat s JOIN showtime_price sp ON sp.showtime_id = p_showtime AND sp.category_id = s.category_id
    WHERE s.id = ANY (seats);
    UPDATE inventory SET hold_token = new_token, hold_channel = p_channel, hold_expires_at = expires
    WHERE showtime_id = p_showtime AND seat_id = ANY (seats);
    RETURN new_booking;
END $$;


ALTER FUNCTION public.bo_book(p_showtime integer, p_token uuid, p_channel text, p_seconds integer, p_email text) OWNER TO bo_owner;

--
-- Name: bo_book_lines(integer, uuid, text, integer, text, jsonb, jsonb, text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_book_lines(p_showtime integer, p_token uuid, p_channel text, p_seconds integer, p_email text, p_types jsonb DEFAULT NULL::jsonb, p_ga jsonb DEFAULT NULL::jsonb, p_promo text DEFAULT NULL::text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    new_booking uuid := gen_random_uuid();
    new_token uuid := gen_random_uuid();
    expires timestamptz;
    v_currency varchar(3);
    v_venue integer;
    v_full integer;
    why text;
    seats integer[];
    r record;
    e record;
    n integer;
    l_seat integer[] := '{}';
    l_area integer[] := '{}';
    l_cat integer[] := '{}';
    l_type integer[] := '{}';
    l_price integer[] := '{}';
    l_disc integer[];
    v_promo integer;
    v_total bigint;
BEGIN
    PERFORM bo_require('web');
    IF p_token IS NULL OR p_channel IS NULL OR p_seconds IS NULL OR p_seconds NOT BETWEEN 1 AND 86400 THEN
        RAISE EXCEPTION 'bo_book_lines needs a token, a channel and a lifetime of 1 to 86400 seconds'
            USING ERRCODE = '22023';
    END IF;
    IF (p_types IS NOT NULL AND jsonb_typeof(p_types) <> 'object') OR (p_ga IS NOT NULL AND jsonb_typeof(p_ga) <> 'object') THEN
        RAISE EXCEPTION 'p_types and p_ga are JSON objects' USING ERRCODE = '22023';
    END IF;
    SELECT v.currency, v.id, coalesce(bo_sale_refusal(st.status, st.on_sale_at, st.off_sale_at), '')
    INTO v_currency, v_venue, why
    FROM showtime st JOIN venue v ON v.id = st.venue_id WHERE st.id = p_showtime;
    IF why IS NULL OR why <> '' THEN
        RAISE EXCEPTION 'showtime % is not on sale (%)', p_showtime, coalesce(why, 'unknown')
            USING ERRCODE = 'BO003', DETAIL = coalesce(why, 'unknown');
    END IF;
    SELECT id INTO v_full FROM ticket_type WHERE venue_id = v_venue AND code = 'full';
    expires := clock_timestamp() + make_interval(secs => p_seconds);
    SELECT coalesce(array_agg(seat_id ORDER BY seat_id), '{}') INTO seats FROM (
        SELECT seat_id FROM inventory
        WHERE showtime_id = p_showtime AND state = 'held' AND hold_token = p_token
          AND hold_expires_at > clock_timestamp() AND bo_holder_is_caller(hold_login)
        ORDER BY seat_id FOR UPDATE
    ) locked;
    FOR r IN SELECT s.id, s.category_id FROM seat s WHERE s.id = ANY (seats) ORDER BY s.id LOOP
        l_seat := l_seat || r.id;
        l_area := l_area || NULL::integer;
        l_cat := l_cat || r.category_id;
        l_type := l_type || coalesce((p_types ->> r.id::text)::integer, v_full);
    END LOOP;
    FOR r IN SELECT h.ga_area_id, h.quantity, a.category_id FROM ga_hold h JOIN ga_area a ON a.id = h.ga_area_id
             WHERE h.token = p_token AND h.showtime_id = p_showtime AND h.expires_at > clock_timestamp()
               AND bo_holder_is_caller(h.hold_login)
             ORDER BY h.ga_area_id FOR UPDATE OF h LOOP
        n := 0;
        FOR e IN SELECT key::integer AS type_id, (value #>> '{}')::integer AS places
                 FROM jsonb_each(coalesce(p_ga -> r.ga_area_id::text, jsonb_build_object(v_full::text, r.quantity)))
                 ORDER BY key::integer LOOP
            IF e.places IS NULL OR e.places < 0 THEN
                RAISE EXCEPTION 'places must be whole numbers' USING ERRCODE = '22023';
            END IF;
            FOR i IN 1 .. e.places LOOP
                l_seat := l_seat || NULL::integer;
                l_area := l_area || r.ga_area_id;
                l_cat := l_cat || r.category_id;
                l_type := l_type || e.type_id;
            END LOOP;
            n := n + e.places;
        END LOOP;
        IF n <> r.quantity THEN
            RAISE EXCEPTION 'area %: % places held but % given ticket types', r.ga_area_id, r.quantity, n
                USING ERRCODE = '22023';
        END IF;
    END LOOP;
    IF cardinality(l_cat) = 0 THEN
        RAISE EXCEPTION 'no live hold for this token' USING ERRCODE = 'BO002';
    END IF;
    SELECT array_agg(bo_type_price(p_showtime, c, t) ORDER BY k) INTO l_price
    FROM unnest(l_cat, l_type) WITH ORDINALITY AS x(c, t, k);
    IF array_position(l_price, NULL) IS NOT NULL THEN
        RAISE EXCEPTION 'ticket type not sold for these places at this showtime' USING ERRCODE = 'BO014',
            DETAIL = coalesce(l_seat[array_position(l_price, NULL)]::text, 'area ' || l_area[array_position(l_price, NULL)]);
    END IF;
    l_disc := array_fill(0, ARRAY[cardinality(l_price)]);
    IF p_promo IS NOT NULL AND btrim(p_promo) <> '' THEN
        SELECT d.code_id, d.discounts INTO v_promo, l_disc
        FROM bo_promo_discount(p_promo, p_showtime, l_cat, l_type, l_price, p_email) d;
    END IF;
    SELECT sum(p - d) INTO v_total FROM unnest(l_price, l_disc) AS x(p, d);
    INSERT INTO booking (id, showtime_id, channel, hold_token, source_token, email, currency, total_minor, expires_at)
    VALUES (new_booking, p_showtime, p_channel, new_token, p_token, p_email, v_currency, v_total, expires);
    INSERT INTO booking_line (booking_id, line_no, seat_id, ga_area_id, category_id, ticket_type_id, price_minor,
                              discount_minor, promo_code_id)
    SELECT new_booking, l.k, l.seat, l.area, l.cat, l.type, l.price, l.disc,
           CASE WHEN l.disc > 0 THEN v_promo END
    FROM unnest(l_seat, l_area, l_cat, l_type, l_price, l_disc) WITH ORDINALITY AS l(seat, area, cat, type, price, disc, k);
    INSERT INTO booking_seat (booking_id, seat_id, category_id, price_minor)
    SELECT booking_id, seat_id, category_id, price_minor - discount_minor FROM booking_line
    WHERE booking_id = new_booking AND seat_id IS NOT NULL;
    UPDATE inventory SET hold_token = new_token, hold_channel = p_channel, hold_expires_at = expires
    WHERE showtime_id = p_showtime AND seat_id = ANY (seats);
    UPDATE ga_hold SET token = new_token, channel = p_channel, expires_at = expires
    WHERE token = p_token AND showtime_id = p_showtime AND expires_at > clock_timestamp();
    IF v_promo IS NOT NULL THEN
        INSERT INTO promo_redemption (code_id, epoch, email, booking_id, discount_minor)
        SELECT v_promo, 0, p_email, new_booking, sum(d) FROM unnest(l_disc) d;
    END IF;
    RETURN new_booking;
END $$;


ALTER FUNCTION public.bo_book_lines(p_showtime integer, p_token uuid, p_channel text, p_seconds integer, p_email text, p_types jsonb, p_ga jsonb, p_promo text) OWNER TO bo_owner;

--
-- Name: bo_booking_frees_ga(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_booking_frees_ga() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    DELETE FROM ga_hold WHERE token = NEW.hold_token AND showtime_id = NEW.showtime_id;
    RETURN NULL;
END $$;


ALTER FUNCTION public.bo_booking_frees_ga() OWNER TO bo_owner;

--
-- Name: bo_booking_mails_tickets(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_booking_mails_tickets() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    INSERT INTO mail_outbox (kind, booking_id, recipient) VALUES ('tickets', NEW.id, NEW.email)
    ON CONFLICT (kind, booking_id) DO NOTHING;
    RETURN NULL;
END $$;


ALTER FUNCTION public.bo_booking_mails_tickets() OWNER TO bo_owner;

--
-- Name: bo_booking_transition(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_booking_transition() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW.status = OLD.status THEN
        RETURN NEW;
    END IF;
    IF NOT ((OLD.status = 'pending' AND NEW.status IN ('confirmed', 'cancelled', 'expired'))
            OR (OLD.status = 'confirmed' AND NEW.status = 'refunded')) THEN
        RAISE EXCEPTION 'booking % cannot go from % to %', OLD.id, OLD.status, NEW.status
            USING ERRCODE = 'BO005';
    END IF;
    IF NEW.status = 'confirmed' AND OLD.expires_at <= clock_timestamp() THEN
        RAISE EXCEPTION 'booking % expired at %', OLD.id, OLD.expires_at USING ERRCODE = 'BO006';
    END IF;
    RETURN NEW;
END $$;


ALTER FUNCTION public.bo_booking_transition() OWNER TO bo_owner;

--
-- Name: bo_caller_kind(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_caller_kind() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
    SELECT CASE
        WHEN (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN 'system'
        WHEN session_user = 'bo_owner' OR pg_has_role(session_user, 'bo_owner', 'MEMBER') THEN 'system'
        WHEN EXISTS (SELECT 1 FROM staff WHERE login = session_user) THEN 'staff'
        WHEN pg_has_role(session_user, 'bo_web', 'MEMBER') THEN 'web'
        ELSE 'none'
    END
$$;


ALTER FUNCTION public.bo_caller_kind() OWNER TO bo_owner;

--
-- Name: bo_category_seat_restrict(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_category_seat_restrict() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'public', 'pg_temp'
    AS $$
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


ALTER FUNCTION public.bo_category_seat_restrict() OWNER TO bo_owner;

--
-- Name: bo_category_vat_set(integer, integer); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_category_vat_set(p_category integer, p_vat_rate_bp integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    c record;
    n integer;
BEGIN
    PERFORM bo_require('setup');
    PERFORM bo_vat_rate_check(p_vat_rate_bp);
    SELECT pc.name, p.venue_id, p.name AS plan_name INTO c
    FROM price_category pc JOIN seating_plan p ON p.id = pc.plan_id WHERE pc.id = p_category;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'price category % does not exist', p_category USING ERRCODE = 'P0002';
    END IF;
    UPDATE price_category pc SET vat_rate_bp = p_vat_rate_bp
    FROM seating_plan p
    WHERE p.id = pc.plan_id AND p.venue_id = c.venue_id AND p.name = c.plan_name AND pc.name = c.name;
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM bo_audit('config_change', 'venue ' || c.venue_id,
                     jsonb_build_object('change', 'category_vat', 'plan', c.plan_name, 'category', c.name,
                                        'vat_rate_bp', p_vat_rate_bp));
    RETURN n;
END $$;


ALTER FUNCTION public.bo_category_vat_set(p_category integer, p_vat_rate_bp integer) OWNER TO bo_owner;

--
-- Name: bo_check_verifier(text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_check_verifier(p_verifier text) RETURNS void
    LANGUAGE plpgsql IMMUTABLE
    AS $_$
BEGIN
    IF p_verifier IS NULL OR p_verifier !~ '^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$' THEN
        RAISE EXCEPTION 'a password must be given as a SCRAM-SHA-256 verifier' USING ERRCODE = '22023';
    END IF;
END $_$;


ALTER FUNCTION public.bo_check_verifier(p_verifier text) OWNER TO bo_owner;

--
-- Name: bo_checkout(integer, uuid, text, integer[], integer[], jsonb, jsonb, uuid, integer, text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_checkout(p_showtime integer, p_token uuid, p_channel text, p_seats integer[], p_types integer[], p_ga jsonb, p_tenders jsonb, p_override uuid DEFAULT NULL::uuid, p_expected integer DEFAULT NULL::integer, p_promo text DEFAULT NULL::text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $_$
DECLARE
    v_staff integer := bo_require('sell');
    v_currency varchar(3);
    seats integer[] := coalesce(p_seats, '{}');
    l_seat integer[] := '{}';
    l_area integer[] := '{}';
    l_cat integer[] := '{}';
    l_type integer[] := '{}';
    l_price integer[] := '{}';
    l_disc integer[];  -- promo
    v_promo integer;   -- promo
    r record;
    g record;
    v_total bigint;
    v_order orders%ROWTYPE;
    v_tickets bigint[];
    -- tenders
    t jsonb;
    t_method text[] := '{}';
    t_amount bigint[] := '{}';
    t_tendered bigint[] := '{}';
    t_ref text[] := '{}';
    t_reason text[] := '{}';
    v_amount bigint;
    v_given bigint;
    v_ref text;
    v_reason text;
    v_paid bigint := 0;
    v_handed bigint := 0;
    v_comp bigint := 0;
    v_override manager_override%ROWTYPE;
    v_rest integer;
BEGIN
    IF p_token IS NULL OR p_channel IS NULL OR btrim(p_channel) = '' OR length(p_channel) > 60 THEN
        RAISE EXCEPTION 'bo_checkout needs a token and a channel' USING ERRCODE = '22023';
    END IF;
    IF p_tenders IS NULL OR jsonb_typeof(p_tenders) <> 'array' OR jsonb_array_length(p_tenders) NOT BETWEEN 1 AND 20 THEN
        RAISE EXCEPTION 'a sale is paid by a list of 1 to 20 tenders' USING ERRCODE = 'BO077';
    END IF;
    FOR t IN SELECT value FROM jsonb_array_elements(p_tenders) LOOP
        IF jsonb_typeof(t) <> 'object' OR (t ->> 'method') IS NULL
           OR (t ->> 'method') NOT IN ('cash', 'card', 'online', 'comp') THEN
            RAISE EXCEPTION 'unknown payment method %', t ->> 'method' USING ERRCODE = 'BO077';
        END IF;
        IF coalesce(jsonb_typeof(t -> 'amount_minor'), 'null') = 'null' THEN
            IF v_rest IS NOT NULL THEN  -- a tender without an amount pays the rest
                RAISE EXCEPTION 'only one tender can pay the rest' USING ERRCODE = 'BO077';
            END IF;
            v_rest := cardinality(t_method) + 1;
        ELSIF jsonb_typeof(t -> 'amount_minor') <> 'number' OR (t ->> 'amount_minor') !~ '^[0-9]{1,10}$'
           OR (t ->> 'amount_minor')::bigint > 1000000000 THEN
            RAISE EXCEPTION 'a tender''s amount is a whole number of minor units' USING ERRCODE = 'BO077';
        END IF;
        IF coalesce(jsonb_typeof(t -> 'tendered_minor'), 'null') NOT IN ('null', 'number')
           OR ((t ->> 'tendered_minor') IS NOT NULL AND ((t ->> 'tendered_minor') !~ '^[0-9]{1,10}$'
               OR (t ->> 'tendered_minor')::bigint > 1000000000)) THEN
            RAISE EXCEPTION 'the amount tendered is a whole number of minor units' USING ERRCODE = 'BO077';
        END IF;
        v_amount := (t ->> 'amount_minor')::bigint;
        v_given := coalesce((t ->> 'tendered_minor')::bigint, v_amount);  -- NULL for the rest: filled in below
        v_ref := nullif(btrim(t ->> 'reference'), '');
        v_reason := nullif(btrim(t ->> 'comp_reason'), '');
        IF length(v_ref) > 100 THEN
            RAISE EXCEPTION 'a payment reference has at most 100 characters' USING ERRCODE = '22023';
        END IF;
        IF t ->> 'method' = 'cash' THEN
            IF v_given < v_amount THEN
                RAISE EXCEPTION 'cash tendered % is less than its amount %', v_given, v_amount
                    USING ERRCODE = 'BO030', DETAIL = v_amount::text;
            END IF;
        ELSIF v_given <> v_amount THEN
            RAISE EXCEPTION 'a % tender gives no change', t ->> 'method' USING ERRCODE = 'BO071';
        END IF;
        IF t ->> 'method' = 'card' AND (v_ref IS NULL
                                        OR regexp_replace(v_ref, '[\s-]', '', 'g') ~ '[0-9]{13,}') THEN
            RAISE EXCEPTION 'a card tender needs the terminal''s reference (never the card number)'
                USING ERRCODE = 'BO072';
        END IF;
        IF t ->> 'method' = 'comp' THEN
            IF v_reason IS NULL OR length(v_reason) > 200 THEN
                RAISE EXCEPTION 'a complimentary tender needs a reason of at most 200 characters' USING ERRCODE = 'BO073';
            END IF;
            v_comp := v_comp + coalesce(v_amount, 0);
        ELSIF v_reason IS NOT NULL THEN
            RAISE EXCEPTION 'only a complimentary tender has a reason' USING ERRCODE = 'BO077';
        END IF;
        t_method := t_method || (t ->> 'method');
        t_amount := t_amount || v_amount;
        t_tendered := t_tendered || v_given;
        t_ref := t_ref || v_ref;
        t_reason := t_reason || v_reason;
        v_paid := v_paid + coalesce(v_amount, 0);
        v_handed := v_handed + CASE WHEN v_amount IS NULL THEN 0 ELSE v_given END;  -- the rest: below
    END LOOP;
    IF p_ga IS NOT NULL AND jsonb_typeof(p_ga) <> 'object' THEN
        RAISE EXCEPTION 'p_ga maps area ids to places' USING ERRCODE = '22023';
    END IF;
    IF cardinality(seats) = 0 AND coalesce(p_ga, '{}') = '{}' THEN
        RAISE EXCEPTION 'the basket is empty' USING ERRCODE = '22023';
    END IF;
    SELECT v.currency INTO v_currency FROM showtime st JOIN venue v ON v.id = st.venue_id WHERE st.id = p_showtime;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'showtime % does not exist', p_showtime USING ERRCODE = 'P0002';
    END IF;
    IF cardinality(seats) > 0 THEN
        FOR r IN SELECT * FROM bo_sell(p_showtime, seats, p_token, p_channel, p_types) LOOP
            l_seat := l_seat || r.seat_id;
            l_area := l_area || NULL::integer;
            l_cat := l_cat || r.category_id;
            l_type := l_type || r.ticket_type_id;
            l_price := l_price || r.price_minor;
        END LOOP;
    END IF;
    FOR g IN SELECT key::integer AS area, value FROM jsonb_each(coalesce(p_ga, '{}')) ORDER BY key::integer LOOP
        IF jsonb_typeof(g.value) <> 'number' OR (g.value #>> '{}')::numeric NOT BETWEEN 1 AND 500
           OR (g.value #>> '{}')::numeric <> trunc((g.value #>> '{}')::numeric) THEN
            RAISE EXCEPTION 'places of area % must be a whole number from 1 to 500', g.area USING ERRCODE = '22023';
        END IF;
        SELECT * INTO r FROM bo_ga_sell(p_showtime, g.area, (g.value #>> '{}')::integer, p_token);
        IF r.price_minor IS NULL THEN
            RAISE EXCEPTION 'area % has no price for this showtime', g.area
                USING ERRCODE = 'BO014', DETAIL = 'area ' || g.area;
        END IF;
        FOR i IN 1 .. (g.value #>> '{}')::integer LOOP
            l_seat := l_seat || NULL::integer;
            l_area := l_area || g.area;
            l_cat := l_cat || r.category_id;
            l_type := l_type || r.ticket_type_id;
            l_price := l_price || r.price_minor;
        END LOOP;
    END LOOP;
    -- promo: the discount of each line (BO120-BO125 when the code does not apply)
    l_disc := array_fill(0, ARRAY[cardinality(l_price)]);
    IF p_promo IS NOT NULL AND btrim(p_promo) <> '' THEN
        SELECT d.code_id, d.discounts INTO v_promo, l_disc
        FROM bo_promo_discount(p_promo, p_showtime, l_cat, l_type, l_price) d;
    END IF;
    SELECT coalesce(sum(p - d), 0) INTO v_total FROM unnest(l_price, l_disc) AS x(p, d);
    IF v_total > 1000000000 THEN
        RAISE EXCEPTION 'the total % is not a possible amount', v_total USING ERRCODE = '22023';
    END IF;
    IF p_expected IS NOT NULL AND p_expected <> v_total THEN
        RAISE EXCEPTION 'the total changed to %', v_total USING ERRCODE = 'BO030', DETAIL = v_total::text;
    END IF;
    IF v_rest IS NOT NULL THEN
        IF v_paid > v_total THEN
            RAISE EXCEPTION 'the tenders add up to % but the total is %', v_paid, v_total
                USING ERRCODE = 'BO070', DETAIL = v_total::text;
        END IF;
        t_amount[v_rest] := v_total - v_paid;
        t_tendered[v_rest] := coalesce(t_tendered[v_rest], t_amount[v_rest]);
        IF t_method[v_rest] = 'cash' AND t_tendered[v_rest] < t_amount[v_rest] THEN
            RAISE EXCEPTION 'cash tendered % is less than the total %', t_tendered[v_rest], v_total
                USING ERRCODE = 'BO030', DETAIL = v_total::text;
        ELSIF t_method[v_rest] <> 'cash' AND t_tendered[v_rest] <> t_amount[v_rest] THEN
            RAISE EXCEPTION 'a % tender gives no change', t_method[v_rest] USING ERRCODE = 'BO071';
        END IF;
        IF t_method[v_rest] = 'comp' THEN
            v_comp := v_comp + t_amount[v_rest];
        END IF;
        v_paid := v_total;
        v_handed := v_handed + t_tendered[v_rest];
    END IF;
    IF v_paid <> v_total THEN
        RAISE EXCEPTION 'the tenders add up to % but the total is %', v_paid, v_total
            USING ERRCODE = 'BO070', DETAIL = v_total::text;
    END IF;
    INSERT INTO orders (channel, currency, total_minor, staff_id)
    VALUES (p_channel, v_currency, v_total, v_staff) RETURNING * INTO v_order;
    IF v_comp > 0 OR 'comp' = ANY (t_method) THEN
        IF NOT bo_may('comp') THEN
            IF p_override IS NULL THEN
                RAISE EXCEPTION 'a complimentary tender needs a manager''s override' USING ERRCODE = 'BO074';
            END IF;
            -- one conditional statement: a token is used once, even by two tills at the same moment
            UPDATE manager_override SET used_at = clock_timestamp(), used_by = v_staff, order_id = v_order.id
            WHERE id = p_override AND kind = 'comp' AND used_at IS NULL AND expires_at > clock_timestamp()
            RETURNING * INTO v_override;
            IF NOT FOUND THEN
                RAISE EXCEPTION 'the manager''s override is unknown, used or expired; ask again'
                    USING ERRCODE = 'BO075';
            END IF;
            PERFORM bo_audit('override.use', 'order ' || v_order.number,
                             jsonb_build_object('override', left(v_override.id::text, 8), 'kind', v_override.kind,
                                                'reason', v_override.reason, 'granted_by', v_override.granted_by,
                                                'comp_minor', v_comp, 'currency', v_currency), p_channel);
        END IF;
    END IF;
    WITH made AS (
        INSERT INTO ticket (order_id, showtime_id, seat_id, ga_area_id, category_id, ticket_type_id, price_minor,
                            discount_minor, promo_code_id)
        SELECT v_order.id, p_showtime, l.seat, l.area, l.cat, l.type, l.price,
               l.disc, CASE WHEN v_promo IS NOT NULL AND l.disc > 0 THEN v_promo END
        FROM unnest(l_seat, l_area, l_cat, l_type, l_price, l_disc)
             WITH ORDINALITY AS l(seat, area, cat, type, price, disc, n)
        ORDER BY l.n
        RETURNING id
    )
    SELECT array_agg(id ORDER BY id) INTO v_tickets FROM made;
    -- promo: one use of the code (its trigger enforces the limits under a lock)
    IF v_promo IS NOT NULL THEN
        INSERT INTO promo_redemption (code_id, epoch, order_id, discount_minor)
        SELECT v_promo, 0, v_order.id, sum(d) FROM unnest(l_disc) d;
    END IF;
    INSERT INTO payment (order_id, method, amount_minor, tendered_minor, reference, comp_reason, override_id)
    SELECT v_order.id, x.method, x.amount, x.given, x.ref, x.reason,
           CASE WHEN x.method = 'comp' THEN v_override.id END
    FROM unnest(t_method, t_amount, t_tendered, t_ref, t_reason) WITH ORDINALITY AS x(method, amount, given, ref, reason, n)
    ORDER BY x.n;
    RETURN jsonb_build_object(
        'order_id', v_order.id, 'number', v_order.number, 'ticket_ids', to_jsonb(v_tickets),
        'total_minor', v_total, 'tendered_minor', v_handed, 'change_minor', v_handed - v_total,
        'currency', v_currency, 'discount_minor', (SELECT sum(d) FROM unnest(l_disc) d),
        'method', CASE WHEN cardinality(array(SELECT DISTINCT unnest(t_method))) = 1 THEN t_method[1] ELSE 'split' END,
        'tenders', (SELECT jsonb_agg(jsonb_build_object('method', x.method, 'amount_minor', x.amount,
                                                        'tendered_minor', x.given) ORDER BY x.n)
                    FROM unnest(t_method, t_amount, t_tendered) WITH ORDINALITY AS x(method, amount, given, n)));
END $_$;


ALTER FUNCTION public.bo_checkout(p_showtime integer, p_token uuid, p_channel text, p_seats integer[], p_types integer[], p_ga jsonb, p_tenders jsonb, p_override uuid, p_expected integer, p_promo text) OWNER TO bo_owner;

--
-- Name: bo_claim_codes(integer, bytea); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_claim_codes(p_order integer, p_public_key bytea) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    o orders%ROWTYPE;
    k device_key%ROWTYPE;
    me integer;
BEGIN
    SELECT * INTO o FROM orders WHERE id = p_order;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    IF bo_caller_kind() = 'web' THEN
        PERFORM bo_require('web');
        IF o.staff_id IS NOT NULL THEN
            RAISE EXCEPTION 'the web channel may not print order %, sold at a till', o.number
                USING ERRCODE = '42501', DETAIL = 'reprint';
        END IF;
    ELSE
        me := bo_require('sell');
        IF me IS NOT NULL AND o.staff_id IS DISTINCT FROM me THEN
            PERFORM bo_require('reprint');
        END IF;
    END IF;
    k := bo_device_key_live(p_public_key);
    UPDATE ticket t SET key_id = k.id,
                        code_serial = CASE WHEN t.key_id IS NULL THEN t.code_serial ELSE t.code_serial + 1 END
    WHERE t.order_id = p_order AND t.status = 'valid'
      AND (t.key_id IS NULL OR t.key_id IN (SELECT id FROM device_key WHERE legacy));
    RETURN k.id;
END $$;


ALTER FUNCTION public.bo_claim_codes(p_order integer, p_public_key bytea) OWNER TO bo_owner;

--
-- Name: bo_code_key_refusal(bigint, integer, integer); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_code_key_refusal(p_ticket bigint, p_serial integer, p_key integer) RETURNS text
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    k device_key%ROWTYPE;
    t record;
BEGIN
    SELECT * INTO k FROM device_key WHERE id = p_key;
    IF NOT FOUND THEN
        RETURN 'The code is signed by a key that is not enrolled (forged)';
    END IF;
    IF k.revoked_at IS NOT NULL THEN
        RETURN format('The code is signed by the revoked key of device %s', k.name);
    END IF;
    SELECT key_id, code_serial INTO t FROM ticket WHERE id = p_ticket;
    IF NOT FOUND OR p_serial < t.code_serial THEN
        RETURN NULL;
    END IF;
    IF t.key_id IS NULL THEN
        RETURN 'No code of this ticket was ever printed (forged)';
    END IF;
    IF t.key_id <> p_key THEN
        RETURN format('The code is signed by device %s, not by the device that printed this ticket (forged)',
                      k.name);
    END IF;
    RETURN NULL;
END $$;


ALTER FUNCTION public.bo_code_key_refusal(p_ticket bigint, p_serial integer, p_key integer) OWNER TO bo_owner;

--
-- Name: bo_commit_version_lock(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_commit_version_lock() RETURNS bigint
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'public', 'pg_temp'
    AS $$ SELECT 4242020020::bigint $$;


ALTER FUNCTION public.bo_commit_version_lock() OWNER TO bo_owner;

--
-- Name: bo_confirm_booking(uuid, text, text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_confirm_booking(p_booking uuid, p_method text, p_reference text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    b booking%ROWTYPE;
    seats integer[];
    v_order orders%ROWTYPE;
    v_tickets bigint[];
BEGIN
    PERFORM bo_require('web');
    IF p_method IS NULL OR p_method NOT IN ('card', 'online') THEN
        RAISE EXCEPTION 'a booking is paid by card or online' USING ERRCODE = '22023';
    END IF;
    IF length(p_reference) > 100 THEN
        RAISE EXCEPTION 'a payment reference has at most 100 characters' USING ERRCODE = '22023';
    END IF;
    SELECT * INTO b FROM booking WHERE id = p_booking FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'booking % does not exist', p_booking USING ERRCODE = 'P0002';
    END IF;
    IF b.status = 'expired' OR (b.status = 'pending' AND b.expires_at <= clock_timestamp()) THEN
        RAISE EXCEPTION 'booking % has expired', p_booking USING ERRCODE = 'BO006';
    END IF;
    IF b.status <> 'pending' THEN
        RAISE EXCEPTION 'booking % is %', p_booking, b.status USING ERRCODE = 'BO005';
    END IF;
    -- promo: bookings with typed / GA / discounted lines (bo_book_lines)
    IF EXISTS (SELECT 1 FROM booking_line WHERE booking_id = b.id) THEN
        RETURN bo_confirm_booking_lines(b.id, p_method, p_reference);
    END IF;
    SELECT array_agg(seat_id ORDER BY seat_id) INTO seats FROM booking_seat WHERE booking_id = b.id;
    PERFORM bo_sell(b.showtime_id, seats, b.hold_token, b.channel);
    INSERT INTO orders (channel, currency, total_minor, staff_id)
    VALUES (b.channel, b.currency, b.total_minor, NULL) RETURNING * INTO v_order;
    WITH made AS (
        INSERT INTO ticket (order_id, showtime_id, seat_id, category_id, price_minor)
        SELECT v_order.id, b.showtime_id, bs.seat_id, bs.category_id, bs.price_minor
        FROM booking_seat bs WHERE bs.booking_id = b.id ORDER BY bs.seat_id
        RETURNING id
    )
    SELECT array_agg(id ORDER BY id) INTO v_tickets FROM made;
    INSERT INTO payment (order_id, method, amount_minor, tendered_minor, reference)
    VALUES (v_order.id, p_method, b.total_minor, b.total_minor, p_reference);
    UPDATE booking SET status = 'confirmed', order_id = v_order.id, confirmed_at = clock_timestamp() WHERE id = b.id;
    RETURN jsonb_build_object('order_id', v_order.id, 'number', v_order.number, 'ticket_ids', to_jsonb(v_tickets),
                              'total_minor', b.total_minor, 'tendered_minor', b.total_minor, 'change_minor', 0,
                              'currency', b.currency, 'method', p_method);
END $$;


ALTER FUNCTION public.bo_confirm_booking(p_booking uuid, p_method text, p_reference text) OWNER TO bo_owner;

--
-- Name: bo_confirm_booking_lines(uuid, text, text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_confirm_booking_lines(p_booking uuid, p_method text, p_reference text) RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    b booking%ROWTYPE;
    seats integer[];
    g record;
    got integer;
    v_order orders%ROWTYPE;
    v_tickets bigint[];
BEGIN
    SELECT * INTO b FROM booking WHERE id = p_booking FOR UPDATE;
    -- A typed ticket must carry the showtime's current price for its type (trigger
    -- ticket_typed_price): if a manager changed a price while the booking was pending,
    -- it cannot be sold as booked; BO005 makes the payment webhook mark it refund_due.
    IF EXISTS (SELECT 1 FROM booking_line l WHERE l.booking_id = b.id
               AND bo_type_price(b.showtime_id, l.category_id, l.ticket_type_id) IS DISTINCT FROM l.price_minor) THEN
        RAISE EXCEPTION 'booking % cannot be sold at its prices: the showtime''s prices changed', b.id
            USING ERRCODE = 'BO005';
    END IF;
    SELECT coalesce(array_agg(seat_id ORDER BY seat_id), '{}') INTO seats
    FROM booking_line WHERE booking_id = b.id AND seat_id IS NOT NULL;
    IF cardinality(seats) > 0 THEN
        PERFORM bo_sell(b.showtime_id, seats, b.hold_token, b.channel);
    END IF;
    FOR g IN SELECT ga_area_id, count(*)::integer AS places FROM booking_line
             WHERE booking_id = b.id AND ga_area_id IS NOT NULL GROUP BY ga_area_id ORDER BY ga_area_id LOOP
        UPDATE ga_inventory SET capacity = capacity WHERE showtime_id = b.showtime_id AND ga_area_id = g.ga_area_id;
        DELETE FROM ga_hold WHERE token = b.hold_token AND showtime_id = b.showtime_id AND ga_area_id = g.ga_area_id
                              AND expires_at > clock_timestamp() AND quantity = g.places
        RETURNING quantity INTO got;
        IF got IS NULL THEN
            RAISE EXCEPTION 'general admission hold missing or expired' USING ERRCODE = 'BO002',
                DETAIL = 'area ' || g.ga_area_id;
        END IF;
    END LOOP;
    INSERT INTO orders (channel, currency, total_minor, staff_id)
    VALUES (b.channel, b.currency, b.total_minor, NULL) RETURNING * INTO v_order;
    WITH made AS (
        INSERT INTO ticket (order_id, showtime_id, seat_id, ga_area_id, category_id, ticket_type_id, price_minor,
                            discount_minor, promo_code_id)
        SELECT v_order.id, b.showtime_id, l.seat_id, l.ga_area_id, l.category_id, l.ticket_type_id, l.price_minor,
               l.discount_minor, l.promo_code_id
        FROM booking_line l WHERE l.booking_id = b.id ORDER BY l.line_no
        RETURNING id
    )
    SELECT array_agg(id ORDER BY id) INTO v_tickets FROM made;
    INSERT INTO payment (order_id, method, amount_minor, tendered_minor, reference)
    VALUES (v_order.id, p_method, b.total_minor, b.total_minor, p_reference);
    UPDATE promo_redemption SET order_id = v_order.id WHERE booking_id = b.id;
    UPDATE booking SET status = 'confirmed', order_id = v_order.id, confirmed_at = clock_timestamp() WHERE id = b.id;
    RETURN jsonb_build_object('order_id', v_order.id, 'number', v_order.number, 'ticket_ids', to_jsonb(v_tickets),
                              'total_minor', b.total_minor, 'tendered_minor', b.total_minor, 'change_minor', 0,
                              'currency', b.currency, 'method', p_method);
END $$;


ALTER FUNCTION public.bo_confirm_booking_lines(p_booking uuid, p_method text, p_reference text) OWNER TO bo_owner;

--
-- Name: bo_count_total(jsonb); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_count_total(p_counted jsonb) RETURNS bigint
    LANGUAGE plpgsql IMMUTABLE
    AS $_$
DECLARE
    r record;
    total bigint := 0;
BEGIN
    IF p_counted IS NULL OR jsonb_typeof(p_counted) <> 'object' THEN
        RAISE EXCEPTION 'a count is an object of denomination (minor units) to number of pieces'
            USING ERRCODE = '22023';
    END IF;
    FOR r IN SELECT key, value FROM jsonb_each(p_counted) LOOP
        IF r.key !~ '^[1-9][0-9]{0,7}$' OR jsonb_typeof(r.value) <> 'number'
           OR (r.value #>> '{}') !~ '^[0-9]{1,6}$' THEN
            RAISE EXCEPTION 'bad count % x %', r.value, r.key USING ERRCODE = '22023';
        END IF;
        total := total + r.key::bigint * (r.value #>> '{}')::bigint;
    END LOOP;
    RETURN total;
END $_$;


ALTER FUNCTION public.bo_count_total(p_counted jsonb) OWNER TO bo_owner;

--
-- Name: bo_customer_erase(integer); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_customer_erase(p_customer integer) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    c customer%ROWTYPE;
    n_bookings integer;
    n_names integer;
    n_mails integer;
BEGIN
    PERFORM bo_require('audit');
    SELECT * INTO c FROM customer WHERE id = p_customer FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no such customer %', p_customer USING ERRCODE = 'BO130';
    END IF;
    IF c.erased_at IS NOT NULL THEN
        RAISE EXCEPTION 'customer % was erased already', p_customer USING ERRCODE = 'BO132';
    END IF;
    DELETE FROM order_customer oc
    WHERE (c.email IS NOT NULL AND lower(oc.email) = c.email)
       OR oc.order_id IN (SELECT order_id FROM customer_order WHERE customer_id = c.id);
    GET DIAGNOSTICS n_names = ROW_COUNT;
    UPDATE booking SET email = NULL WHERE c.email IS NOT NULL AND lower(email) = c.email;
    GET DIAGNOSTICS n_bookings = ROW_COUNT;
    UPDATE promo_redemption SET email = NULL WHERE c.email IS NOT NULL AND lower(email) = c.email;
    UPDATE mail_outbox SET recipient = NULL, last_error = NULL
    WHERE c.email IS NOT NULL AND lower(recipient) = c.email;
    GET DIAGNOSTICS n_mails = ROW_COUNT;
    UPDATE customer SET name = NULL, email = NULL, phone = NULL, marketing_consent = false, consent_at = NULL,
                        erased_at = clock_timestamp()
    WHERE id = c.id;
    PERFORM bo_audit('customer_erase', 'customer ' || p_customer,
                     jsonb_build_object('customer_id', p_customer, 'bookings', n_bookings,
                                        'order_customer', n_names, 'emails', n_mails));
    RETURN jsonb_build_object('bookings', n_bookings, 'order_customer', n_names, 'emails', n_mails);
END $$;


ALTER FUNCTION public.bo_customer_erase(p_customer integer) OWNER TO bo_owner;

--
-- Name: bo_customer_export(integer); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_customer_export(p_customer integer) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    c customer%ROWTYPE;
    v_doc jsonb;
BEGIN
    PERFORM bo_require('audit');
    SELECT * INTO c FROM customer WHERE id = p_customer;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no such customer %', p_customer USING ERRCODE = 'BO130';
    END IF;
    v_doc := jsonb_build_object(
        'customer', to_jsonb(c),
        'orders', coalesce((SELECT jsonb_agg(jsonb_build_object(
                'order_id', o.id, 'number', o.number, 'created_at', o.created_at,
                'total_minor', o.total_minor, 'currency', o.currency,
                'tickets', (SELECT coalesce(jsonb_agg(jsonb_build_object('ticket_id', t.id, 'showtime_id',
                            t.showtime_id, 'seat_id', t.seat_id, 'price_minor', t.price_minor, 'status', t.status)
                            ORDER BY t.id), '[]') FROM ticket t WHERE t.order_id = o.id)) ORDER BY o.id)
            FROM customer_order co JOIN orders o ON o.id = co.order_id WHERE co.customer_id = c.id), '[]'),
        'order_customer', coalesce((SELECT jsonb_agg(to_jsonb(oc) ORDER BY oc.order_id) FROM order_customer oc
            WHERE (c.email IS NOT NULL AND lower(oc.email) = c.email)
               OR oc.order_id IN (SELECT order_id FROM customer_order WHERE customer_id = c.id)), '[]'),
        'bookings', coalesce((SELECT jsonb_agg(jsonb_build_object('id', b.id, 'email', b.email,
                'status', b.status, 'total_minor', b.total_minor, 'currency', b.currency,
                'created_at', b.created_at, 'order_id', b.order_id) ORDER BY b.created_at)
            FROM booking b WHERE c.email IS NOT NULL AND lower(b.email) = c.email), '[]'),
        'promo_redemptions', coalesce((SELECT jsonb_agg(jsonb_build_object('id', r.id, 'email', r.email,
                'order_id', r.order_id, 'booking_id', r.booking_id, 'discount_minor', r.discount_minor,
                'created_at', r.created_at) ORDER BY r.id)
            FROM promo_redemption r WHERE c.email IS NOT NULL AND lower(r.email) = c.email), '[]'),
        'emails', coalesce((SELECT jsonb_agg(jsonb_build_object('id', m.id, 'kind', m.kind,
                'recipient', m.recipient, 'created_at', m.created_at, 'sent_at', m.sent_at) ORDER BY m.id)
            FROM mail_outbox m WHERE c.email IS NOT NULL AND lower(m.recipient) = c.email), '[]'));
    PERFORM bo_audit('customer_export', 'customer ' || p_customer, jsonb_build_object('customer_id', p_customer));
    RETURN v_doc;
END $$;


ALTER FUNCTION public.bo_customer_export(p_customer integer) OWNER TO bo_owner;

--
-- Name: bo_customer_find(text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_customer_find(p_query text) RETURNS TABLE(id integer, name character varying, email character varying, phone character varying, marketing_consent boolean, verified_at timestamp with time zone)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    q text := '%' || replace(replace(replace(lower(btrim(coalesce(p_query, ''))), '\', '\\'), '%', '\%'), '_', '\_')
              || '%';
BEGIN
    PERFORM bo_require('sell');
    IF length(btrim(coalesce(p_query, ''))) < 2 THEN
        RETURN;
    END IF;
    RETURN QUERY
        SELECT c.id, c.name, c.email, c.phone, c.marketing_consent, c.verified_at FROM customer c
        WHERE c.erased_at IS NULL AND (c.email LIKE q OR lower(c.name) LIKE q OR c.phone LIKE q)
        ORDER BY c.name NULLS LAST, c.id LIMIT 50;
END $$;


ALTER FUNCTION public.bo_customer_find(p_query text) OWNER TO bo_owner;

--
-- Name: bo_customer_link_order(integer, integer); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_customer_link_order(p_customer integer, p_order integer) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    PERFORM bo_require('sell');
    IF NOT EXISTS (SELECT 1 FROM customer WHERE id = p_customer AND erased_at IS NULL) THEN
        RAISE EXCEPTION 'no such customer %', p_customer USING ERRCODE = 'BO130';
    END IF;
    INSERT INTO customer_order (order_id, customer_id) VALUES (p_order, p_customer)
    ON CONFLICT (order_id) DO UPDATE SET customer_id = EXCLUDED.customer_id, linked_at = now();
END $$;


ALTER FUNCTION public.bo_customer_link_order(p_customer integer, p_order integer) OWNER TO bo_owner;

--
-- Name: bo_customer_orders(integer); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_customer_orders(p_customer integer) RETURNS TABLE(order_id integer, number character varying, created_at timestamp with time zone, total_minor integer, currency character varying, tickets bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    PERFORM bo_customer_require();
    RETURN QUERY
        SELECT o.id, o.number::varchar, o.created_at, o.total_minor, o.currency::varchar,
               (SELECT count(*) FROM ticket t WHERE t.order_id = o.id)
        FROM customer_order co JOIN orders o ON o.id = co.order_id
        WHERE co.customer_id = p_customer
        ORDER BY o.created_at DESC, o.id DESC;
END $$;


ALTER FUNCTION public.bo_customer_orders(p_customer integer) OWNER TO bo_owner;

--
-- Name: bo_customer_require(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_customer_require() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    IF bo_caller_kind() = 'web' THEN
        PERFORM bo_require('web');
    ELSE
        PERFORM bo_require('sell');
    END IF;
END $$;


ALTER FUNCTION public.bo_customer_require() OWNER TO bo_owner;

--
-- Name: bo_customer_save(text, text, text, boolean); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_customer_save(p_name text, p_email text, p_phone text, p_consent boolean) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $_$
DECLARE
    v_email text := nullif(lower(btrim(coalesce(p_email, ''))), '');
    v_id integer;
BEGIN
    PERFORM bo_customer_require();
    IF v_email IS NULL OR v_email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' OR length(v_email) > 254 THEN
        RAISE EXCEPTION 'a customer needs a valid e-mail address' USING ERRCODE = 'BO131';
    END IF;
    INSERT INTO customer AS c (name, email, phone, marketing_consent, consent_at)
    VALUES (nullif(btrim(left(p_name, 120)), ''), v_email, nullif(btrim(left(p_phone, 40)), ''),
            coalesce(p_consent, false), CASE WHEN p_consent THEN clock_timestamp() END)
    ON CONFLICT (email) WHERE email IS NOT NULL DO UPDATE
    SET name = coalesce(EXCLUDED.name, c.name), phone = coalesce(EXCLUDED.phone, c.phone),
        marketing_consent = coalesce(p_consent, c.marketing_consent),
        consent_at = CASE WHEN p_consent IS NULL THEN c.consent_at
                          WHEN p_consent AND c.marketing_consent THEN c.consent_at
                          WHEN p_consent THEN clock_timestamp() END
    RETURNING c.id INTO v_id;
    RETURN v_id;
END $_$;


ALTER FUNCTION public.bo_customer_save(p_name text, p_email text, p_phone text, p_consent boolean) OWNER TO bo_owner;

--
-- Name: bo_customer_verify(text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_customer_verify(p_email text) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    v_id integer;
BEGIN
    PERFORM bo_require('web');
    v_id := bo_customer_save(NULL, p_email, NULL, NULL);
    UPDATE customer SET verified_at = coalesce(verified_at, clock_timestamp()) WHERE id = v_id;
    INSERT INTO customer_order (order_id, customer_id)
    SELECT b.order_id, v_id FROM booking b
    WHERE lower(b.email) = lower(btrim(p_email)) AND b.order_id IS NOT NULL
    ON CONFLICT (order_id) DO NOTHING;
    RETURN v_id;
END $$;


ALTER FUNCTION public.bo_customer_verify(p_email text) OWNER TO bo_owner;

--
-- Name: bo_device_enrol(text, bytea); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_device_enrol(p_name text, p_public_key bytea) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $_$
DECLARE
    me integer := bo_require('setup');
    k device_key%ROWTYPE;
BEGIN
    IF p_name IS NULL OR p_name !~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,59}$' THEN
        RAISE EXCEPTION 'a device name is 1-60 letters, digits, dots, colons, underscores or dashes'
            USING ERRCODE = '22023';
    END IF;
    IF p_public_key IS NULL OR length(p_public_key) <> 32 THEN
        RAISE EXCEPTION 'a device key is a raw 32-byte Ed25519 public key' USING ERRCODE = '22023';
    END IF;
    SELECT * INTO k FROM device_key WHERE public_key = p_public_key;
    IF FOUND THEN
        IF k.revoked_at IS NOT NULL THEN
            RAISE EXCEPTION 'that key was revoked (device %); a revoked key cannot be enrolled again', k.name
                USING ERRCODE = 'BO051', DETAIL = 'revoked';
        ELSIF k.name <> p_name THEN
            RAISE EXCEPTION 'that key is already enrolled as device %', k.name USING ERRCODE = 'BO051',
                DETAIL = 'other_name';
        END IF;
        RETURN k.id;
    END IF;
    IF EXISTS (SELECT 1 FROM device_key WHERE name = p_name AND revoked_at IS NULL) THEN
        RAISE EXCEPTION 'device % is enrolled with another key; revoke it first', p_name USING ERRCODE = 'BO051',
            DETAIL = 'name_taken';
    END IF;
    INSERT INTO device_key (name, public_key, enrolled_by) VALUES (p_name, p_public_key, me) RETURNING * INTO k;
    PERFORM bo_audit('device_enrol', 'device ' || p_name,
                     jsonb_build_object('key_id', k.id, 'public_key', encode(p_public_key, 'hex')));
    RETURN k.id;
END $_$;


ALTER FUNCTION public.bo_device_enrol(p_name text, p_public_key bytea) OWNER TO bo_owner;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: device_key; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.device_key (
    id integer NOT NULL,
    name character varying(60) NOT NULL,
    public_key bytea NOT NULL,
    legacy boolean DEFAULT false NOT NULL,
    enrolled_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    enrolled_by integer,
    revoked_at timestamp with time zone,
    revoked_by integer,
    CONSTRAINT device_key_id_fits_code CHECK (((id >= 1) AND (id <= 65535))),
    CONSTRAINT device_key_name_check CHECK (((name)::text ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,59}$'::text)),
    CONSTRAINT device_key_public_key_check CHECK ((length(public_key) = 32)),
    CONSTRAINT device_key_revoked_by_needs_time CHECK (((revoked_by IS NULL) OR (revoked_at IS NOT NULL)))
);


ALTER TABLE public.device_key OWNER TO bo_owner;

--
-- Name: bo_device_key_live(bytea); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_device_key_live(p_public_key bytea) RETURNS public.device_key
    LANGUAGE plpgsql
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    k device_key%ROWTYPE;
BEGIN
    SELECT * INTO k FROM device_key WHERE public_key = p_public_key FOR SHARE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'this device''s ticket key is not enrolled' USING ERRCODE = 'BO050', DETAIL = 'unknown';
    END IF;
    IF k.revoked_at IS NOT NULL THEN
        RAISE EXCEPTION 'the ticket key of device % was revoked', k.name USING ERRCODE = 'BO050', DETAIL = 'revoked';
    END IF;
    RETURN k;
END $$;


ALTER FUNCTION public.bo_device_key_live(p_public_key bytea) OWNER TO bo_owner;

--
-- Name: bo_device_revoke(text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_device_revoke(p_name text) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    me integer := bo_require('setup');
    k device_key%ROWTYPE;
BEGIN
    UPDATE device_key SET revoked_at = clock_timestamp(), revoked_by = me
    WHERE name = p_name AND revoked_at IS NULL RETURNING * INTO k;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no enrolled device named %', p_name USING ERRCODE = 'P0002';
    END IF;
    PERFORM bo_audit('device_revoke', 'device ' || p_name, jsonb_build_object('key_id', k.id));
    RETURN k.id;
END $$;


ALTER FUNCTION public.bo_device_revoke(p_name text) OWNER TO bo_owner;

--
-- Name: bo_doors_open(integer); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_doors_open(p_showtime integer) RETURNS timestamp with time zone
    LANGUAGE sql STABLE
    AS $$
    SELECT coalesce(doors_open_at, starts_at - interval '45 minutes') FROM showtime WHERE id = p_showtime
$$;


ALTER FUNCTION public.bo_doors_open(p_showtime integer) OWNER TO bo_owner;

--
-- Name: bo_drawer_frozen(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_drawer_frozen() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    -- (nested IFs: a condition naming another table's column would not even parse)
    IF TG_TABLE_NAME = 'till_shift' AND TG_OP = 'UPDATE' THEN
        IF OLD.closed_at IS NULL
           AND (NEW.id, NEW.till, NEW.staff_id, NEW.currency, NEW.float_minor, NEW.float_counted, NEW.opened_at)
               IS NOT DISTINCT FROM (OLD.id, OLD.till, OLD.staff_id, OLD.currency, OLD.float_minor,
                                     OLD.float_counted, OLD.opened_at) THEN
            RETURN NEW;  -- closing an open shift is the one change a shift may see
        END IF;
    ELSIF TG_TABLE_NAME IN ('payment', 'refund') AND TG_OP = 'UPDATE' THEN
        IF NEW.shift_id IS NOT DISTINCT FROM OLD.shift_id THEN
            RETURN NEW;  -- their other columns have their own guard (bo_sale_record_frozen)
        END IF;
    END IF;
    RAISE EXCEPTION '% rows cannot be changed or deleted (% refused)', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'BO081', DETAIL = TG_TABLE_NAME;
END $$;


ALTER FUNCTION public.bo_drawer_frozen() OWNER TO bo_owner;

--
-- Name: bo_drawer_movement(integer, text, integer, text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_drawer_movement(p_shift integer, p_kind text, p_amount integer, p_reason text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    sh till_shift%ROWTYPE := bo_shift_for(p_shift, 'override', true);
    v_expected bigint;
    v_id bigint;
BEGIN
    IF p_kind IS NULL OR p_kind NOT IN ('drop', 'payout') THEN
        RAISE EXCEPTION 'a drawer movement is a drop or a payout' USING ERRCODE = '22023';
    END IF;
    IF p_amount IS NULL OR p_amount NOT BETWEEN 1 AND 100000000 THEN
        RAISE EXCEPTION 'the amount must be more than 0' USING ERRCODE = '22023';
    END IF;
    IF p_reason IS NULL OR btrim(p_reason) = '' OR length(btrim(p_reason)) > 200 THEN
        RAISE EXCEPTION 'a % needs a reason of at most 200 characters', p_kind USING ERRCODE = '22023';
    END IF;
    IF sh.closed_at IS NOT NULL THEN
        RAISE EXCEPTION 'shift % is closed', sh.id USING ERRCODE = 'BO082',
            DETAIL = coalesce((SELECT number::text FROM z_report WHERE shift_id = sh.id), '');
    END IF;
    v_expected := (bo_shift_figures(sh.id) #>> '{cash,expected_minor}')::bigint;
    IF p_amount > v_expected THEN
        RAISE EXCEPTION 'the drawer should hold only %', v_expected USING ERRCODE = 'BO084',
            DETAIL = v_expected::text;
    END IF;
    INSERT INTO drawer_movement (shift_id, kind, amount_minor, reason, staff_id)
    VALUES (sh.id, p_kind, p_amount, btrim(p_reason), (bo_actor() ->> 'staff_id')::integer)
    RETURNING id INTO v_id;
    PERFORM bo_audit('drawer.' || p_kind, 'shift ' || sh.id,
                     jsonb_build_object('amount_minor', p_amount, 'reason', btrim(p_reason)));
    RETURN v_id;
END $$;


ALTER FUNCTION public.bo_drawer_movement(p_shift integer, p_kind text, p_amount integer, p_reason text) OWNER TO bo_owner;

--
-- Name: bo_end_booking(uuid, text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_end_booking(p_booking uuid, p_status text) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    b booking%ROWTYPE;
BEGIN
    PERFORM bo_require('web');
    IF p_status NOT IN ('cancelled', 'expired') THEN
        RAISE EXCEPTION 'a booking ends as cancelled or expired, not %', p_status USING ERRCODE = '22023';
    END IF;
    SELECT * INTO b FROM booking WHERE id = p_booking FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'booking % does not exist', p_booking USING ERRCODE = 'P0002';
    END IF;
    IF b.status <> 'pending' THEN
        RAISE EXCEPTION 'booking % is %', p_booking, b.status USING ERRCODE = 'BO005';
    END IF;
    UPDATE booking SET status = p_status, ended_at = clock_timestamp() WHERE id = p_booking;
    RETURN bo_release(b.showtime_id, NULL, b.hold_token);
END $$;


ALTER FUNCTION public.bo_end_booking(p_booking uuid, p_status text) OWNER TO bo_owner;

--
-- Name: bo_end_booking_if_pending(uuid, text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_end_booking_if_pending(p_booking uuid, p_status text) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    b booking%ROWTYPE;
BEGIN
    SELECT * INTO b FROM booking WHERE id = p_booking FOR UPDATE;
    IF NOT FOUND OR b.status <> 'pending' THEN
        RETURN false;
    END IF;
    PERFORM bo_end_booking(p_booking, CASE WHEN b.expires_at <= clock_timestamp() THEN 'expired' ELSE p_status END);
    RETURN true;
END $$;


ALTER FUNCTION public.bo_end_booking_if_pending(p_booking uuid, p_status text) OWNER TO bo_owner;

--
-- Name: bo_exchange(integer, bigint[], integer, integer[], integer[], jsonb, text, text, text, integer); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_exchange(p_order integer, p_tickets bigint[], p_showtime integer, p_seats integer[], p_types integer[], p_tenders jsonb, p_refund_method text, p_reason text, p_channel text, p_expected_difference integer DEFAULT NULL::integer) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    v_staff integer := bo_require('sell');
    o orders%ROWTYPE;
    st showtime%ROWTYPE;
    v_currency varchar(3);
    why text;
    seats integer[] := coalesce(p_seats, '{}');
    got integer[];
    unpriced integer[];
    credit bigint;
    new_total bigint;
    used bigint;
    remainder bigint;
    due bigint;
    tender record;
    paid bigint := 0;
    change bigint := 0;
    v_credit_refund integer;
    v_rest_refund integer;
    v_new orders%ROWTYPE;
    v_tickets bigint[];
    v_exchange integer;
BEGIN
    PERFORM bo_require('refund_own');
    IF p_channel IS NULL OR btrim(p_channel) = '' OR length(p_channel) > 60 THEN
        RAISE EXCEPTION 'an exchange needs the till''s channel' USING ERRCODE = '22023';
    END IF;
    IF p_reason IS NULL OR btrim(p_reason) = '' OR length(btrim(p_reason)) > 200 THEN
        RAISE EXCEPTION 'an exchange needs a reason of at most 200 characters' USING ERRCODE = '22023';
    END IF;
    IF cardinality(seats) = 0 OR cardinality(seats) <> cardinality(coalesce(p_tickets, '{}'))
       OR (p_types IS NOT NULL AND cardinality(p_types) <> cardinality(seats))
       OR (SELECT count(DISTINCT s) FROM unnest(seats) s) <> cardinality(seats) THEN
        RAISE EXCEPTION 'choose one new seat for each ticket exchanged' USING ERRCODE = 'BO093';
    END IF;
    IF p_tenders IS NOT NULL AND jsonb_typeof(p_tenders) <> 'array' THEN
        RAISE EXCEPTION 'p_tenders is a list of tenders' USING ERRCODE = '22023';
    END IF;
    o := bo_order_take_back(p_order, p_tickets, v_staff);
    SELECT * INTO st FROM showtime WHERE id = p_showtime FOR SHARE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'showtime % does not exist', p_showtime USING ERRCODE = 'P0002';
    END IF;
    SELECT v.currency INTO v_currency FROM venue v WHERE v.id = st.venue_id;
    IF EXISTS (SELECT 1 FROM ticket t JOIN showtime s ON s.id = t.showtime_id
               WHERE t.id = ANY (p_tickets) AND s.show_id <> st.show_id) OR v_currency <> o.currency THEN
        RAISE EXCEPTION 'tickets are exchanged for the same show, in the same currency' USING ERRCODE = 'BO094';
    END IF;
    why := coalesce(bo_sale_refusal(st.status, st.on_sale_at, st.off_sale_at), '');
    IF why <> '' THEN
        RAISE EXCEPTION 'showtime % is not on sale (%)', p_showtime, why USING ERRCODE = 'BO003', DETAIL = why;
    END IF;
    SELECT coalesce(array_agg(l.seat_id ORDER BY l.seat_id), '{}') INTO unpriced
    FROM bo_sale_lines(p_showtime, seats, p_types) l WHERE l.price_minor IS NULL;
    IF cardinality(unpriced) > 0 OR (SELECT count(*) FROM bo_sale_lines(p_showtime, seats, p_types)) <> cardinality(seats)
    THEN
        RAISE EXCEPTION 'ticket type not sold for these seats at this showtime'
            USING ERRCODE = 'BO014', DETAIL = array_to_string(unpriced, ',');
    END IF;
    SELECT coalesce(sum(price_minor - discount_minor), 0) INTO credit FROM ticket WHERE id = ANY (p_tickets);
    SELECT coalesce(sum(l.price_minor), 0) INTO new_total FROM bo_sale_lines(p_showtime, seats, p_types) l;
    used := least(credit, new_total);
    due := new_total - used;
    remainder := credit - used;
    IF p_expected_difference IS NOT NULL AND p_expected_difference <> due - remainder THEN
        RAISE EXCEPTION 'the difference changed to %', due - remainder
            USING ERRCODE = 'BO096', DETAIL = (due - remainder)::text;
    END IF;

    IF remainder > 0 AND (p_refund_method IS NULL OR p_refund_method NOT IN ('cash', 'card', 'online')) THEN
        RAISE EXCEPTION 'say how % is paid back: cash, card or online', remainder
            USING ERRCODE = 'BO097', DETAIL = coalesce(p_refund_method, '');
    END IF;
    -- The tenders, checked before anything is written: they pay exactly the difference.
    FOR tender IN SELECT value AS t FROM jsonb_array_elements(coalesce(p_tenders, '[]')) LOOP
        IF jsonb_typeof(tender.t) <> 'object' OR tender.t ->> 'method' IS NULL
           OR tender.t ->> 'method' NOT IN ('cash', 'card')
           OR jsonb_typeof(tender.t -> 'amount_minor') <> 'number'
           OR (tender.t ->> 'amount_minor')::numeric NOT BETWEEN 1 AND 1000000000
           OR (tender.t ->> 'amount_minor')::numeric <> trunc((tender.t ->> 'amount_minor')::numeric)
           OR length(tender.t ->> 'reference') > 100 THEN
            RAISE EXCEPTION 'a tender is {"method": cash or card, "amount_minor": 1 or more}: %', tender.t
                USING ERRCODE = 'BO095';
        END IF;
        IF tender.t ->> 'method' = 'cash' THEN
            IF coalesce((tender.t ->> 'tendered_minor')::numeric, (tender.t ->> 'amount_minor')::numeric)
               NOT BETWEEN (tender.t ->> 'amount_minor')::numeric AND 1000000000 THEN
                RAISE EXCEPTION 'cash tendered must cover its amount' USING ERRCODE = 'BO095';
            END IF;
            change := change + coalesce((tender.t ->> 'tendered_minor')::bigint, (tender.t ->> 'amount_minor')::bigint)
                      - (tender.t ->> 'amount_minor')::bigint;
        ELSIF coalesce((tender.t ->> 'tendered_minor')::numeric, (tender.t ->> 'amount_minor')::numeric)
              <> (tender.t ->> 'amount_minor')::numeric THEN
            RAISE EXCEPTION 'only cash gives change' USING ERRCODE = 'BO095';
        END IF;
        paid := paid + (tender.t ->> 'amount_minor')::bigint;
    END LOOP;
    IF paid <> due THEN
        RAISE EXCEPTION 'the tenders add up to %, the difference to pay is %', paid, due
            USING ERRCODE = 'BO095', DETAIL = due::text;
    END IF;

    -- Old and new seats locked together in one order (no deadlock between two tills), the
    -- old ones given back, then the new ones taken only if free: the loser of a race for a
    -- seat gets BO090 and its transaction, old tickets included, is rolled back.
    PERFORM 1 FROM inventory i
    WHERE (i.showtime_id = p_showtime AND i.seat_id = ANY (seats))
       OR (i.showtime_id, i.seat_id) IN (SELECT t.showtime_id, t.seat_id FROM ticket t WHERE t.id = ANY (p_tickets))
    ORDER BY i.showtime_id, i.seat_id FOR UPDATE;
    PERFORM bo_tickets_give_back(p_tickets, 'exchanged');
    WITH taken AS (
        UPDATE inventory i
        SET state = 'sold', hold_token = NULL, hold_channel = p_channel, hold_expires_at = NULL, hold_login = NULL
        WHERE i.showtime_id = p_showtime AND i.seat_id = ANY (seats)
          AND (i.state = 'available' OR (i.state = 'held' AND i.hold_expires_at <= clock_timestamp()))
        RETURNING i.seat_id
    )
    SELECT coalesce(array_agg(seat_id), '{}') INTO got FROM taken;
    IF cardinality(got) < cardinality(seats) THEN
        RAISE EXCEPTION 'seats % are no longer free', ARRAY(SELECT unnest(seats) EXCEPT SELECT unnest(got) ORDER BY 1)
            USING ERRCODE = 'BO090',
                  DETAIL = array_to_string(ARRAY(SELECT unnest(seats) EXCEPT SELECT unnest(got) ORDER BY 1), ',');
    END IF;

    INSERT INTO refund (order_id, amount_minor, reason, method)
    VALUES (o.id, used, btrim(p_reason), 'exchange') RETURNING id INTO v_credit_refund;
    INSERT INTO refund_ticket (refund_id, ticket_id, amount_minor)
    SELECT v_credit_refund, t.id, t.price_minor - t.discount_minor FROM ticket t WHERE t.id = ANY (p_tickets) ORDER BY t.id;
    IF remainder > 0 THEN
        INSERT INTO refund (order_id, amount_minor, reason, method)
        VALUES (o.id, remainder, btrim(p_reason), p_refund_method) RETURNING id INTO v_rest_refund;
    END IF;

    INSERT INTO orders (channel, currency, total_minor, staff_id, exchanged_from)
    VALUES (p_channel, o.currency, new_total, v_staff, o.id) RETURNING * INTO v_new;
    WITH made AS (
        INSERT INTO ticket (order_id, showtime_id, seat_id, category_id, ticket_type_id, price_minor)
        SELECT v_new.id, p_showtime, l.seat_id, l.category_id, l.ticket_type_id, l.price_minor
        FROM bo_sale_lines(p_showtime, seats, p_types) l
        JOIN unnest(seats) WITH ORDINALITY AS s(seat, n) ON s.seat = l.seat_id
        ORDER BY s.n
        RETURNING id
    )
    SELECT array_agg(id ORDER BY id) INTO v_tickets FROM made;
    IF used > 0 THEN
        INSERT INTO payment (order_id, method, amount_minor, tendered_minor, reference)
        VALUES (v_new.id, 'exchange', used, used, 'exchange of ' || o.number);
    END IF;
    INSERT INTO payment (order_id, method, amount_minor, tendered_minor, reference)
    SELECT v_new.id, t ->> 'method', (t ->> 'amount_minor')::integer,
           coalesce((t ->> 'tendered_minor')::integer, (t ->> 'amount_minor')::integer), t ->> 'reference'
    FROM jsonb_array_elements(coalesce(p_tenders, '[]')) WITH ORDINALITY AS x(t, n) ORDER BY n;
    INSERT INTO exchange (from_order_id, to_order_id, credit_minor, new_total_minor, credit_refund_id,
                          remainder_refund_id, staff_id)
    VALUES (o.id, v_new.id, credit, new_total, v_credit_refund, v_rest_refund, v_staff) RETURNING id INTO v_exchange;
    PERFORM bo_audit('exchange', 'order ' || o.number,
                     jsonb_build_object('from_order', o.number, 'to_order', v_new.number, 'tickets', to_jsonb(p_tickets),
                                        'showtime_id', p_showtime, 'seats', to_jsonb(seats), 'credit_minor', credit,
                                        'new_total_minor', new_total));
    RETURN jsonb_build_object('exchange_id', v_exchange, 'order_id', v_new.id, 'number', v_new.number,
                              'ticket_ids', to_jsonb(v_tickets), 'credit_minor', credit, 'new_total_minor', new_total,
                              'collected_minor', due, 'refunded_minor', remainder, 'change_minor', change,
                              'currency', o.currency);
END $$;


ALTER FUNCTION public.bo_exchange(p_order integer, p_tickets bigint[], p_showtime integer, p_seats integer[], p_types integer[], p_tenders jsonb, p_refund_method text, p_reason text, p_channel text, p_expected_difference integer) OWNER TO bo_owner;

--
-- Name: bo_exit(bigint, integer, integer, text, text, integer[], uuid, timestamp with time zone); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_exit(p_ticket bigint, p_serial integer, p_showtime integer, p_gate text, p_device text, p_serving integer[] DEFAULT NULL::integer[], p_offline_id uuid DEFAULT NULL::uuid, p_scanned_at timestamp with time zone DEFAULT NULL::timestamp with time zone) RETURNS public.bo_admission_verdict
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    v bo_admission_verdict;
    when_at timestamptz := coalesce(p_scanned_at, clock_timestamp());
    tries integer := 0;
BEGIN
    PERFORM bo_require('scan');
    IF p_ticket IS NULL OR p_showtime IS NULL OR coalesce(p_gate, '') = '' OR coalesce(p_device, '') = ''
       OR (p_offline_id IS NULL) <> (p_scanned_at IS NULL) THEN
        RAISE EXCEPTION 'bo_exit needs a ticket, a showtime, a gate and a device' USING ERRCODE = '22023';
    END IF;
    IF p_scanned_at > clock_timestamp() + interval '5 minutes' THEN
        RAISE EXCEPTION 'an offline scan cannot come from the future (%)', p_scanned_at USING ERRCODE = '22023';
    END IF;
    v.ticket_id := p_ticket;
    v.showtime_id := p_showtime;
    v.reason := '';
    v.reentry := false;
    v.replayed := false;
    IF p_offline_id IS NOT NULL THEN
        SELECT 'exited', a.scanned_at, a.gate, a.id INTO v.verdict, v.at, v.gate, v.admission_id
        FROM admission a WHERE a.offline_id = p_offline_id;
        IF FOUND THEN
            v.replayed := true;
            RETURN v;
        END IF;
    END IF;
    IF p_serving IS NOT NULL AND NOT p_showtime = ANY (p_serving) THEN
        v.verdict := 'wrong_showtime';
        RETURN v;
    END IF;
    LOOP
        UPDATE ticket t SET inside = false
        WHERE t.id = p_ticket AND t.showtime_id = p_showtime AND t.status = 'valid'
          AND (p_serial IS NULL OR t.code_serial = p_serial) AND t.inside;
        IF FOUND THEN
            INSERT INTO admission (ticket_id, showtime_id, kind, method, gate, device, scanned_at, offline, offline_id)
            VALUES (p_ticket, p_showtime, 'exit', CASE WHEN p_serial IS NULL THEN 'manual' ELSE 'scan' END,
                    p_gate, p_device, when_at, p_offline_id IS NOT NULL, p_offline_id)
            RETURNING id INTO v.admission_id;
            v.verdict := 'exited';
            v.at := when_at;
            v.gate := p_gate;
            RETURN v;
        END IF;
        v := coalesce(bo_ticket_refusal(p_ticket, p_serial, p_showtime, false), v);
        tries := tries + 1;
        EXIT WHEN v.verdict IS NOT NULL OR tries >= 5;
    END LOOP;
    IF v.verdict IS NULL THEN
        RAISE EXCEPTION 'ticket % keeps changing; scan again', p_ticket USING ERRCODE = '55P03';
    END IF;
    RETURN v;
END $$;


ALTER FUNCTION public.bo_exit(p_ticket bigint, p_serial integer, p_showtime integer, p_gate text, p_device text, p_serving integer[], p_offline_id uuid, p_scanned_at timestamp with time zone) OWNER TO bo_owner;

--
-- Name: bo_ga_hold(integer, integer, integer, uuid, text, integer); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_ga_hold(p_showtime integer, p_area integer, p_quantity integer, p_token uuid, p_channel text, p_seconds integer) RETURNS timestamp with time zone
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    expires timestamptz;
    why text;
    cap integer;
    others integer;
    lim integer;
    ok integer;
BEGIN
    PERFORM bo_require_seller();
    lim := bo_hold_limit();
    IF p_token IS NULL OR p_channel IS NULL OR length(p_channel) > 60 OR p_seconds IS NULL
       OR p_seconds NOT BETWEEN 1 AND lim THEN
        RAISE EXCEPTION 'bo_ga_hold needs a token, a channel and a lifetime of 1 to % seconds', lim
            USING ERRCODE = '22023';
    END IF;
    IF p_quantity IS NULL OR p_quantity <= 0 OR (p_quantity > 500 AND bo_caller_kind() <> 'system') THEN
        RAISE EXCEPTION 'bo_ga_hold holds 1 to 500 places at a time' USING ERRCODE = '22023';
    END IF;
    SELECT coalesce(bo_sale_refusal(status, on_sale_at, off_sale_at), '') INTO why FROM showtime WHERE id = p_showtime;
    IF why IS NULL OR why <> '' THEN
        RAISE EXCEPTION 'showtime % is not on sale (%)', p_showtime, coalesce(why, 'unknown')
            USING ERRCODE = 'BO003', DETAIL = coalesce(why, 'unknown');
    END IF;
    -- An UPDATE, not SELECT ... FOR UPDATE: under REPEATABLE READ or SERIALIZABLE a
    -- concurrent hold or sale of this area that committed after our snapshot makes this
    -- fail (40001) instead of letting us count with a stale snapshot.
    UPDATE ga_inventory SET capacity = capacity WHERE showtime_id = p_showtime AND ga_area_id = p_area
    RETURNING capacity INTO cap;
    IF cap IS NULL THEN
        RAISE EXCEPTION 'area % is not part of showtime %', p_area, p_showtime USING ERRCODE = '22023';
    END IF;
    others := bo_ga_taken(p_showtime, p_area, p_token);
    IF others + p_quantity > cap THEN
        RAISE EXCEPTION 'only % places left', greatest(cap - others, 0)
            USING ERRCODE = 'BO001', DETAIL = greatest(cap - others, 0)::text;
    END IF;
    expires := clock_timestamp() + make_interval(secs => p_seconds);
    INSERT INTO ga_hold AS h (token, showtime_id, ga_area_id, quantity, channel, expires_at, hold_login)
    VALUES (p_token, p_showtime, p_area, p_quantity, p_channel, expires, session_user)
    ON CONFLICT (token, showtime_id, ga_area_id)
    DO UPDATE SET quantity = EXCLUDED.quantity, channel = EXCLUDED.channel, expires_at = EXCLUDED.expires_at,
                  hold_login = EXCLUDED.hold_login
    WHERE h.expires_at <= clock_timestamp() OR bo_holder_is_caller(h.hold_login)
    RETURNING 1 INTO ok;
    IF ok IS NULL THEN
        RAISE EXCEPTION 'these places are held by another till' USING ERRCODE = 'BO001', DETAIL = '';
    END IF;
    RETURN expires;
END $$;


ALTER FUNCTION public.bo_ga_hold(p_showtime integer, p_area integer, p_quantity integer, p_token uuid, p_channel text, p_seconds integer) OWNER TO bo_owner;

--
-- Name: bo_ga_hold_late(uuid, integer, integer, integer, uuid, text, integer); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_ga_hold_late(p_override uuid, p_showtime integer, p_area integer, p_quantity integer, p_token uuid, p_channel text, p_seconds integer) RETURNS timestamp with time zone
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    v timestamptz;
BEGIN
    PERFORM bo_late_sale_check(p_override, p_showtime);
    PERFORM bo_late_pass(true);
    v := bo_ga_hold(p_showtime, p_area, p_quantity, p_token, p_channel, p_seconds);
    PERFORM bo_late_pass(false);
    RETURN v;
END $$;


ALTER FUNCTION public.bo_ga_hold_late(p_override uuid, p_showtime integer, p_area integer, p_quantity integer, p_token uuid, p_channel text, p_seconds integer) OWNER TO bo_owner;

--
-- Name: bo_ga_label(integer); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_ga_label(p_area integer) RETURNS text
    LANGUAGE sql STABLE
    AS $$
    SELECT 'General admission ' || name FROM ga_area WHERE id = p_area
$$;


ALTER FUNCTION public.bo_ga_label(p_area integer) OWNER TO bo_owner;

--
-- Name: bo_ga_notify(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_ga_notify() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    st integer;
BEGIN
    IF TG_TABLE_NAME = 'ticket' THEN
        FOR st IN SELECT DISTINCT showtime_id FROM changed_rows WHERE ga_area_id IS NOT NULL LOOP
            PERFORM pg_notify('bo_inventory', st::text);
        END LOOP;
    ELSE
        FOR st IN SELECT DISTINCT showtime_id FROM changed_rows LOOP
            PERFORM pg_notify('bo_inventory', st::text);
        END LOOP;
    END IF;
    RETURN NULL;
END $$;


ALTER FUNCTION public.bo_ga_notify() OWNER TO bo_owner;

--
-- Name: bo_ga_release(uuid, integer, integer); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_ga_release(p_token uuid, p_showtime integer, p_area integer DEFAULT NULL::integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    n integer;
BEGIN
    PERFORM bo_require_seller();
    WITH gone AS (
        DELETE FROM ga_hold WHERE token = p_token AND showtime_id = p_showtime
                              AND (p_area IS NULL OR ga_area_id = p_area) AND bo_holder_is_caller(hold_login)
        RETURNING quantity
    )
    SELECT coalesce(sum(quantity), 0) INTO n FROM gone;
    RETURN n;
END $$;


ALTER FUNCTION public.bo_ga_release(p_token uuid, p_showtime integer, p_area integer) OWNER TO bo_owner;

--
-- Name: bo_ga_sell(integer, integer, integer, uuid); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_ga_sell(p_showtime integer, p_area integer, p_quantity integer, p_token uuid) RETURNS TABLE(category_id integer, ticket_type_id integer, price_minor integer)
    LANGUAGE plpgsql
    AS $$
DECLARE
    st_status text;
    v_venue integer;
    cap integer;
    got integer;
BEGIN
    IF p_quantity IS NULL OR p_quantity <= 0 THEN
        RAISE EXCEPTION 'bo_ga_sell needs a positive quantity' USING ERRCODE = '22023';
    END IF;
    SELECT status, venue_id INTO st_status, v_venue FROM showtime WHERE id = p_showtime FOR SHARE;
    IF st_status IS DISTINCT FROM 'on_sale' THEN
        RAISE EXCEPTION 'showtime % is not on sale (%)', p_showtime, coalesce(st_status, 'unknown')
            USING ERRCODE = 'BO003', DETAIL = CASE WHEN st_status = 'cancelled' THEN 'cancelled'
                                                   WHEN st_status IS NULL THEN 'unknown' ELSE 'off_sale' END;
    END IF;
    UPDATE ga_inventory gi SET capacity = gi.capacity WHERE gi.showtime_id = p_showtime AND gi.ga_area_id = p_area
    RETURNING gi.capacity INTO cap;
    DELETE FROM ga_hold h WHERE h.token = p_token AND h.showtime_id = p_showtime AND h.ga_area_id = p_area
                            AND h.expires_at > clock_timestamp() AND h.quantity = p_quantity
                            AND bo_holder_is_caller(h.hold_login)
    RETURNING h.quantity INTO got;
    IF cap IS NULL OR got IS NULL THEN
        RAISE EXCEPTION 'general admission hold missing or expired'
            USING ERRCODE = 'BO002', DETAIL = 'area ' || p_area;
    END IF;
    RETURN QUERY
        SELECT a.category_id, tt.id, bo_type_price(p_showtime, a.category_id, tt.id)
        FROM ga_area a JOIN ticket_type tt ON tt.venue_id = v_venue AND tt.code = 'full'
        WHERE a.id = p_area;
END $$;


ALTER FUNCTION public.bo_ga_sell(p_showtime integer, p_area integer, p_quantity integer, p_token uuid) OWNER TO bo_owner;

--
-- Name: bo_ga_taken(integer, integer, uuid); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_ga_taken(p_showtime integer, p_area integer, p_except uuid DEFAULT NULL::uuid) RETURNS integer
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
    SELECT (SELECT count(*) FROM ticket t
            WHERE t.showtime_id = p_showtime AND t.ga_area_id = p_area AND t.status = 'valid')::integer
         + (SELECT coalesce(sum(h.quantity), 0) FROM ga_hold h
            WHERE h.showtime_id = p_showtime AND h.ga_area_id = p_area AND h.expires_at > clock_timestamp()
              AND (p_except IS NULL OR h.token <> p_except))::integer
$$;


ALTER FUNCTION public.bo_ga_taken(p_showtime integer, p_area integer, p_except uuid) OWNER TO bo_owner;

--
-- Name: bo_gateway_decide(text, text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_gateway_decide(p_session text, p_outcome text) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    PERFORM bo_require('web');
    IF p_outcome IS NULL OR p_outcome NOT IN ('succeeded', 'failed') THEN
        RAISE EXCEPTION 'a checkout ends as succeeded or failed, not %', p_outcome USING ERRCODE = '22023';
    END IF;
    UPDATE payment_session
    SET outcome = CASE WHEN expires_at <= clock_timestamp() THEN 'expired' ELSE p_outcome END
    WHERE id = p_session AND outcome IS NULL;
    RETURN EXISTS (SELECT 1 FROM payment_session WHERE id = p_session);
END $$;


ALTER FUNCTION public.bo_gateway_decide(p_session text, p_outcome text) OWNER TO bo_owner;

--
-- Name: bo_group_of(text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_group_of(p_role text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$
    SELECT 'bo_' || p_role
$$;


ALTER FUNCTION public.bo_group_of(p_role text) OWNER TO bo_owner;

--
-- Name: bo_hall_add(integer, text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_hall_add(p_venue integer, p_name text) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    v_name text;
    v_id integer;
BEGIN
    PERFORM bo_require('setup');
    v_name := bo_hall_name(p_name);
    PERFORM 1 FROM venue WHERE id = p_venue FOR UPDATE;  -- one add per venue at a time: positions stay distinct
    IF NOT FOUND THEN
        RAISE EXCEPTION 'venue % does not exist', p_venue USING ERRCODE = 'P0002';
    END IF;
    IF EXISTS (SELECT 1 FROM hall WHERE venue_id = p_venue AND name = v_name) THEN
        RAISE EXCEPTION 'the venue already has a hall called %', v_name USING ERRCODE = 'BO140', DETAIL = 'hall';
    END IF;
    INSERT INTO hall (venue_id, name, position)
    VALUES (p_venue, v_name, coalesce((SELECT max(position) + 1 FROM hall WHERE venue_id = p_venue), 0))
    RETURNING id INTO v_id;
    PERFORM bo_audit('config_change', 'venue ' || p_venue,
                     jsonb_build_object('change', 'hall_add', 'hall', v_id, 'name', v_name));
    RETURN v_id;
END $$;


ALTER FUNCTION public.bo_hall_add(p_venue integer, p_name text) OWNER TO bo_owner;

--
-- Name: bo_hall_name(text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_hall_name(p_name text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    AS $$
BEGIN
    IF btrim(coalesce(p_name, '')) = '' OR length(btrim(p_name)) > 100 THEN
        RAISE EXCEPTION 'a hall needs a name of 1 to 100 characters' USING ERRCODE = 'BO141', DETAIL = 'hall';
    END IF;
    RETURN btrim(p_name);
END $$;


ALTER FUNCTION public.bo_hall_name(p_name text) OWNER TO bo_owner;

--
-- Name: bo_hall_rename(integer, text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_hall_rename(p_hall integer, p_name text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    v_name text;
    old hall%ROWTYPE;
BEGIN
    PERFORM bo_require('setup');
    v_name := bo_hall_name(p_name);
    SELECT * INTO old FROM hall WHERE id = p_hall FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'hall % does not exist', p_hall USING ERRCODE = 'P0002';
    END IF;
    IF EXISTS (SELECT 1 FROM hall WHERE venue_id = old.venue_id AND name = v_name AND id <> p_hall) THEN
        RAISE EXCEPTION 'the venue already has a hall called %', v_name USING ERRCODE = 'BO140', DETAIL = 'hall';
    END IF;
    UPDATE hall SET name = v_name WHERE id = p_hall;
    PERFORM bo_audit('config_change', 'venue ' || old.venue_id,
                     jsonb_build_object('change', 'hall_rename', 'hall', p_hall, 'was', old.name, 'name', v_name));
END $$;


ALTER FUNCTION public.bo_hall_rename(p_hall integer, p_name text) OWNER TO bo_owner;

--
-- Name: bo_hold(integer, integer[], uuid, text, integer); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_hold(p_showtime integer, p_seats integer[], p_token uuid, p_channel text, p_seconds integer) RETURNS timestamp with time zone
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    wanted integer[];
    got integer[];
    expires timestamptz;
    why text;
    lim integer;
BEGIN
    PERFORM bo_require_seller();
    lim := bo_hold_limit();
    IF p_token IS NULL OR p_channel IS NULL OR length(p_channel) > 60 OR p_seconds IS NULL
       OR p_seconds NOT BETWEEN 1 AND lim THEN
        RAISE EXCEPTION 'bo_hold needs a token, a channel and a lifetime of 1 to % seconds', lim
            USING ERRCODE = '22023';
    END IF;
    SELECT coalesce(array_agg(DISTINCT s ORDER BY s), '{}') INTO wanted FROM unnest(p_seats) s;
    IF cardinality(wanted) = 0 OR (cardinality(wanted) > 100 AND bo_caller_kind() <> 'system') THEN
        RAISE EXCEPTION 'bo_hold holds 1 to 100 seats at a time' USING ERRCODE = '22023';
    END IF;
    SELECT coalesce(bo_sale_refusal(status, on_sale_at, off_sale_at), '') INTO why FROM showtime WHERE id = p_showtime;
    IF why IS NULL OR why <> '' THEN
        RAISE EXCEPTION 'showtime % is not on sale (%)', p_showtime, coalesce(why, 'unknown')
            USING ERRCODE = 'BO003', DETAIL = coalesce(why, 'unknown');
    END IF;
    expires := clock_timestamp() + make_interval(secs => p_seconds);
    WITH locked AS (
        SELECT seat_id FROM inventory
        WHERE showtime_id = p_showtime AND seat_id = ANY (wanted)
        ORDER BY seat_id
        FOR UPDATE
    ), held AS (
        UPDATE inventory i
        SET state = 'held', hold_token = p_token, hold_channel = p_channel, hold_expires_at = expires,
            hold_login = session_user
        FROM locked
        WHERE i.showtime_id = p_showtime AND i.seat_id = locked.seat_id
          AND (i.state = 'available'
               OR (i.state = 'held' AND (i.hold_expires_at <= clock_timestamp()
                                         OR (i.hold_token = p_token AND bo_holder_is_caller(i.hold_login)))))
        RETURNING i.seat_id
    )
    SELECT coalesce(array_agg(seat_id), '{}') INTO got FROM held;
    IF cardinality(got) < cardinality(wanted) THEN
        RAISE EXCEPTION 'seats not available'
            USING ERRCODE = 'BO001',
                  DETAIL = array_to_string(ARRAY(SELECT unnest(wanted) EXCEPT SELECT unnest(got) ORDER BY 1), ',');
    END IF;
    RETURN expires;
END $$;


ALTER FUNCTION public.bo_hold(p_showtime integer, p_seats integer[], p_token uuid, p_channel text, p_seconds integer) OWNER TO bo_owner;

--
-- Name: bo_hold_late(uuid, integer, integer[], uuid, text, integer); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_hold_late(p_override uuid, p_showtime integer, p_seats integer[], p_token uuid, p_channel text, p_seconds integer) RETURNS timestamp with time zone
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    v timestamptz;
BEGIN
    PERFORM bo_late_sale_check(p_override, p_showtime);
    PERFORM bo_late_pass(true);
    v := bo_hold(p_showtime, p_seats, p_token, p_channel, p_seconds);
    PERFORM bo_late_pass(false);
    RETURN v;
END $$;


ALTER FUNCTION public.bo_hold_late(p_override uuid, p_showtime integer, p_seats integer[], p_token uuid, p_channel text, p_seconds integer) OWNER TO bo_owner;

--
-- Name: bo_hold_limit(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_hold_limit() RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
    SELECT CASE WHEN bo_caller_kind() = 'system' THEN 86400 ELSE 3600 END
$$;


ALTER FUNCTION public.bo_hold_limit() OWNER TO bo_owner;

--
-- Name: bo_holder_is_caller(name); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_holder_is_caller(p_login name) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
    SELECT p_login = session_user
        OR bo_caller_kind() = 'system'
        OR (bo_caller_kind() = 'web'
            AND EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = p_login AND pg_has_role(r.oid, 'bo_web', 'MEMBER')))
$$;


ALTER FUNCTION public.bo_holder_is_caller(p_login name) OWNER TO bo_owner;

--
-- Name: bo_inventory_bump_version(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_inventory_bump_version() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    -- pending until COMMIT (bo_inventory_commit_version); the stamp sets version itself
    IF NEW.version IS NOT DISTINCT FROM OLD.version THEN
        NEW.version := -1;
    END IF;
    RETURN NEW;
END $$;


ALTER FUNCTION public.bo_inventory_bump_version() OWNER TO bo_owner;

--
-- Name: bo_inventory_commit_version(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_inventory_commit_version() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
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


ALTER FUNCTION public.bo_inventory_commit_version() OWNER TO bo_owner;

--
-- Name: bo_inventory_notify(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_inventory_notify() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    st integer;
BEGIN
    FOR st IN SELECT DISTINCT showtime_id FROM changed_rows LOOP
        PERFORM pg_notify('bo_inventory', st::text);
    END LOOP;
    RETURN NULL;
END $$;


ALTER FUNCTION public.bo_inventory_notify() OWNER TO bo_owner;

--
-- Name: bo_inventory_ref_check_row(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_inventory_ref_check_row() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'public', 'pg_temp'
    AS $$
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


ALTER FUNCTION public.bo_inventory_ref_check_row() OWNER TO bo_owner;

--
-- Name: bo_inventory_refs_check(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_inventory_refs_check() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'public', 'pg_temp'
    SET enable_hashjoin TO 'off'
    SET enable_mergejoin TO 'off'
    AS $$
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


ALTER FUNCTION public.bo_inventory_refs_check() OWNER TO bo_owner;

--
-- Name: bo_late_pass(boolean); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_late_pass(p_open boolean) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    v uuid;
BEGIN
    IF p_open THEN
        v := gen_random_uuid();
        INSERT INTO late_sale_pass (nonce) VALUES (v);
        PERFORM set_config('boxoffice.late_pass', v::text, true);
    ELSE
        DELETE FROM late_sale_pass
        WHERE nonce::text = coalesce(nullif(current_setting('boxoffice.late_pass', true), ''), '-');
        PERFORM set_config('boxoffice.late_pass', '', true);
    END IF;
END $$;


ALTER FUNCTION public.bo_late_pass(p_open boolean) OWNER TO bo_owner;

--
-- Name: bo_late_pass_open(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_late_pass_open() RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $_$
DECLARE
    v text := current_setting('boxoffice.late_pass', true);
BEGIN
    IF v IS NULL OR v !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
        RETURN false;
    END IF;
    RETURN EXISTS (SELECT 1 FROM late_sale_pass WHERE nonce = v::uuid);
END $_$;


ALTER FUNCTION public.bo_late_pass_open() OWNER TO bo_owner;

--
-- Name: bo_late_sale_check(uuid, integer); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_late_sale_check(p_override uuid, p_showtime integer) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    v_staff integer := bo_require('sell');
    o manager_override%ROWTYPE;
BEGIN
    SELECT * INTO o FROM manager_override WHERE id = p_override AND kind = 'late_sale' FOR UPDATE;
    IF NOT FOUND OR o.used_at IS NOT NULL OR o.expires_at <= clock_timestamp() THEN
        RAISE EXCEPTION 'the manager''s override for a late sale is unknown, used or expired; ask again'
            USING ERRCODE = 'BO175';
    END IF;
    IF o.showtime_id <> p_showtime OR v_staff IS NULL OR o.for_staff <> v_staff THEN
        RAISE EXCEPTION 'the manager''s override is for another showtime or another seller'
            USING ERRCODE = 'BO176';
    END IF;
    IF o.held_at IS NULL THEN
        UPDATE manager_override SET held_at = clock_timestamp() WHERE id = o.id;
    END IF;
END $$;


ALTER FUNCTION public.bo_late_sale_check(p_override uuid, p_showtime integer) OWNER TO bo_owner;

--
-- Name: bo_late_sale_use(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_late_sale_use() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    o record;
BEGIN
    IF NEW.staff_id IS NULL THEN
        RETURN NULL;
    END IF;
    FOR o IN
        UPDATE manager_override m SET used_at = clock_timestamp(), used_by = NEW.staff_id, order_id = NEW.id
        WHERE m.kind = 'late_sale' AND m.used_at IS NULL AND m.held_at IS NOT NULL AND m.for_staff = NEW.staff_id
          AND m.showtime_id IN (SELECT t.showtime_id FROM ticket t WHERE t.order_id = NEW.id)
        RETURNING m.id, m.showtime_id, m.reason, m.granted_by
    LOOP
        PERFORM bo_audit('override.use', 'order ' || NEW.number,
                         jsonb_build_object('override', left(o.id::text, 8), 'kind', 'late_sale',
                                            'showtime', o.showtime_id, 'reason', o.reason,
                                            'granted_by', o.granted_by,
                                            'granted_by_name', (SELECT username FROM staff WHERE id = o.granted_by),
                                            'order', NEW.number));
    END LOOP;
    RETURN NULL;
END $$;


ALTER FUNCTION public.bo_late_sale_use() OWNER TO bo_owner;

--
-- Name: bo_mail_claim(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_mail_claim() RETURNS TABLE(id bigint, kind character varying, booking_id uuid, recipient character varying, attempts integer)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    PERFORM bo_mail_require();
    RETURN QUERY
        SELECT m.id, m.kind, m.booking_id, m.recipient, m.attempts FROM mail_outbox m
        WHERE m.sent_at IS NULL AND m.recipient IS NOT NULL AND m.next_attempt_at <= clock_timestamp()
        ORDER BY m.next_attempt_at, m.id
        LIMIT 1
        FOR UPDATE SKIP LOCKED;
END $$;


ALTER FUNCTION public.bo_mail_claim() OWNER TO bo_owner;

--
-- Name: bo_mail_failed(bigint, text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_mail_failed(p_id bigint, p_error text) RETURNS timestamp with time zone
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    v_next timestamptz;
BEGIN
    PERFORM bo_mail_require();
    UPDATE mail_outbox
    SET attempts = attempts + 1, last_error = left(coalesce(p_error, ''), 500),
        next_attempt_at = clock_timestamp() + least(interval '30 seconds' * power(2, least(attempts, 10)),
                                                    interval '1 hour')
    WHERE id = p_id AND sent_at IS NULL
    RETURNING next_attempt_at INTO v_next;
    IF v_next IS NULL THEN
        RAISE EXCEPTION 'no unsent outbox row %', p_id USING ERRCODE = 'BO133';
    END IF;
    RETURN v_next;
END $$;


ALTER FUNCTION public.bo_mail_failed(p_id bigint, p_error text) OWNER TO bo_owner;

--
-- Name: bo_mail_require(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_mail_require() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    IF bo_caller_kind() = 'web' THEN
        PERFORM bo_require('web');
    ELSE
        PERFORM bo_require('audit');
    END IF;
END $$;


ALTER FUNCTION public.bo_mail_require() OWNER TO bo_owner;

--
-- Name: bo_mail_sent(bigint); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_mail_sent(p_id bigint) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    PERFORM bo_mail_require();
    UPDATE mail_outbox SET sent_at = clock_timestamp(), attempts = attempts + 1, last_error = NULL
    WHERE id = p_id AND sent_at IS NULL;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no unsent outbox row %', p_id USING ERRCODE = 'BO133';
    END IF;
END $$;


ALTER FUNCTION public.bo_mail_sent(p_id bigint) OWNER TO bo_owner;

--
-- Name: bo_may(text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_may(p_permission text) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    PERFORM bo_require(p_permission);
    RETURN true;
EXCEPTION WHEN insufficient_privilege OR sqlstate 'BO011' THEN
    RETURN false;
END $$;


ALTER FUNCTION public.bo_may(p_permission text) OWNER TO bo_owner;

--
-- Name: bo_money_shift(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_money_shift() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    v_method text;
BEGIN
    NEW.shift_id := bo_my_open_shift();
    IF TG_TABLE_NAME = 'payment' THEN
        v_method := NEW.method;
    ELSE
        v_method := bo_refund_tender(NEW);
    END IF;
    IF NEW.shift_id IS NULL AND v_method = 'cash' AND bo_caller_kind() = 'staff' THEN
        RAISE EXCEPTION 'cash needs an open shift: open the drawer of till % first',
            left(coalesce(current_setting('application_name', true), ''), 100)
            USING ERRCODE = 'BO080', DETAIL = left(coalesce(current_setting('application_name', true), ''), 100);
    END IF;
    RETURN NEW;
END $$;


ALTER FUNCTION public.bo_money_shift() OWNER TO bo_owner;

--
-- Name: bo_my_open_shift(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_my_open_shift() RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    v_shift integer;
BEGIN
    IF bo_caller_kind() <> 'staff' THEN
        RETURN NULL;
    END IF;
    SELECT sh.id INTO v_shift FROM till_shift sh
    WHERE sh.till = left(coalesce(current_setting('application_name', true), ''), 100)
      AND sh.staff_id = (bo_actor() ->> 'staff_id')::integer AND sh.closed_at IS NULL
    FOR SHARE;
    RETURN v_shift;
END $$;


ALTER FUNCTION public.bo_my_open_shift() OWNER TO bo_owner;

--
-- Name: bo_order_customer_set(integer, text, text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_order_customer_set(p_order integer, p_name text, p_email text) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $_$
DECLARE
    v_name text := nullif(btrim(coalesce(p_name, '')), '');
    v_email text := nullif(lower(btrim(coalesce(p_email, ''))), '');
BEGIN
    PERFORM bo_require('sell');
    IF length(v_name) > 120 OR length(v_email) > 254 OR (v_email IS NOT NULL AND v_email !~ '^[^@\s]+@[^@\s]+$') THEN
        RAISE EXCEPTION 'a name has at most 120 characters and an e-mail looks like name@example.org'
            USING ERRCODE = '22023';
    END IF;
    PERFORM 1 FROM orders WHERE id = p_order;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'order % does not exist', p_order USING ERRCODE = 'P0002';
    END IF;
    IF v_name IS NULL AND v_email IS NULL THEN
        DELETE FROM order_customer WHERE order_id = p_order;
    ELSE
        INSERT INTO order_customer (order_id, name, email) VALUES (p_order, v_name, v_email)
        ON CONFLICT (order_id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email, updated_at = now();
    END IF;
    RETURN p_order;
END $_$;


ALTER FUNCTION public.bo_order_customer_set(p_order integer, p_name text, p_email text) OWNER TO bo_owner;

--
-- Name: bo_order_paid_check(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_order_paid_check() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    o integer;
    v_total integer;
    v_paid bigint;
BEGIN
    IF TG_TABLE_NAME = 'orders' THEN
        o := NEW.id;
    ELSE
        o := NEW.order_id;
    END IF;
    SELECT total_minor INTO v_total FROM orders WHERE id = o;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    SELECT coalesce(sum(amount_minor), 0) INTO v_paid FROM payment WHERE order_id = o;
    IF v_paid <> v_total THEN
        RAISE EXCEPTION 'order % totals % but its payments add up to %', o, v_total, v_paid
            USING ERRCODE = 'BO070', DETAIL = v_total::text;
    END IF;
    RETURN NULL;
END $$;


ALTER FUNCTION public.bo_order_paid_check() OWNER TO bo_owner;

--
-- Name: order_number_seq; Type: SEQUENCE; Schema: public; Owner: bo_owner
--

CREATE SEQUENCE public.order_number_seq
    START WITH 1001
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.order_number_seq OWNER TO bo_owner;

--
-- Name: orders; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.orders (
    id integer NOT NULL,
    number character varying(20) DEFAULT ('BO-'::text || lpad((nextval('public.order_number_seq'::regclass))::text, 6, '0'::text)) NOT NULL,
    channel character varying(60) NOT NULL,
    currency character varying(3) NOT NULL,
    total_minor integer NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    staff_id integer DEFAULT ((public.bo_actor() ->> 'staff_id'::text))::integer,
    exchanged_from integer,
    CONSTRAINT orders_total_minor_check CHECK ((total_minor >= 0))
);


ALTER TABLE public.orders OWNER TO bo_owner;

--
-- Name: bo_order_take_back(integer, bigint[], integer); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_order_take_back(p_order integer, p_tickets bigint[], p_staff integer) RETURNS public.orders
    LANGUAGE plpgsql
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    o orders%ROWTYPE;
    bad bigint[];
    starts timestamptz;
BEGIN
    SELECT * INTO o FROM orders WHERE id = p_order FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'order % does not exist', p_order USING ERRCODE = 'P0002';
    END IF;
    IF p_tickets IS NULL OR cardinality(p_tickets) = 0 THEN
        RAISE EXCEPTION 'choose at least one ticket' USING ERRCODE = '22023';
    END IF;
    IF (SELECT count(DISTINCT x) FROM unnest(p_tickets) x) <> cardinality(p_tickets) THEN
        RAISE EXCEPTION 'a ticket is listed twice' USING ERRCODE = '22023';
    END IF;
    SELECT coalesce(array_agg(x ORDER BY x), '{}') INTO bad FROM unnest(p_tickets) x
    WHERE NOT EXISTS (SELECT 1 FROM ticket t WHERE t.id = x AND t.order_id = p_order);
    IF cardinality(bad) > 0 THEN
        RAISE EXCEPTION 'tickets % are not part of order %', bad, o.number
            USING ERRCODE = 'BO091', DETAIL = array_to_string(bad, ',');
    END IF;
    PERFORM 1 FROM ticket WHERE id = ANY (p_tickets) ORDER BY id FOR UPDATE;
    SELECT coalesce(array_agg(id ORDER BY id), '{}') INTO bad FROM ticket
    WHERE id = ANY (p_tickets) AND status <> 'valid';
    IF cardinality(bad) > 0 THEN
        RAISE EXCEPTION 'tickets % of order % are no longer valid', bad, o.number
            USING ERRCODE = 'BO092', DETAIL = array_to_string(bad, ',');
    END IF;
    IF bo_caller_kind() = 'staff' THEN
        IF o.staff_id IS DISTINCT FROM p_staff AND NOT bo_may('refund_any') THEN
            RAISE EXCEPTION 'order % was sold by someone else', o.number USING ERRCODE = '42501', DETAIL = 'refund_any';
        END IF;
        SELECT min(st.starts_at) INTO starts FROM ticket t JOIN showtime st ON st.id = t.showtime_id
        WHERE t.id = ANY (p_tickets);
        IF starts <= clock_timestamp() AND NOT bo_may('override') THEN
            RAISE EXCEPTION 'the show of order % has started', o.number USING ERRCODE = '42501', DETAIL = 'override';
        END IF;
    END IF;
    RETURN o;
END $$;


ALTER FUNCTION public.bo_order_take_back(p_order integer, p_tickets bigint[], p_staff integer) OWNER TO bo_owner;

--
-- Name: bo_order_total_check(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_order_total_check() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    o integer;
    total integer;
    lines bigint;
BEGIN
    IF TG_TABLE_NAME = 'orders' THEN
        o := NEW.id;
    ELSIF TG_OP = 'DELETE' THEN
        o := OLD.order_id;
    ELSE
        o := NEW.order_id;
    END IF;
    SELECT total_minor INTO total FROM orders WHERE id = o;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    SELECT coalesce(sum(price_minor - discount_minor), 0) INTO lines FROM ticket WHERE order_id = o;
    IF lines <> total THEN
        RAISE EXCEPTION 'order % totals % but its tickets add up to %', o, total, lines
            USING ERRCODE = 'BO032', DETAIL = o::text;
    END IF;
    RETURN NULL;
END $$;


ALTER FUNCTION public.bo_order_total_check() OWNER TO bo_owner;

--
-- Name: bo_override_frozen(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_override_frozen() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.used_at IS NOT NULL
       OR (NEW.id, NEW.kind, NEW.reason, NEW.granted_by, NEW.till, NEW.granted_at, NEW.expires_at,
           NEW.showtime_id, NEW.for_staff)
          IS DISTINCT FROM (OLD.id, OLD.kind, OLD.reason, OLD.granted_by, OLD.till, OLD.granted_at, OLD.expires_at,
                            OLD.showtime_id, OLD.for_staff)
       OR (OLD.held_at IS NOT NULL AND NEW.held_at IS DISTINCT FROM OLD.held_at) THEN
        RAISE EXCEPTION 'a manager''s override is used once and then kept as it is' USING ERRCODE = 'BO079';
    END IF;
    RETURN NEW;
END $$;


ALTER FUNCTION public.bo_override_frozen() OWNER TO bo_owner;

--
-- Name: bo_override_grant(text, text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_override_grant(p_kind text, p_reason text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    v_staff integer := bo_require('comp');
    v_id uuid;
BEGIN
    IF p_kind IS NULL OR p_kind NOT IN ('comp') THEN
        RAISE EXCEPTION 'unknown override kind %', p_kind USING ERRCODE = 'BO077';
    END IF;
    IF p_reason IS NULL OR btrim(p_reason) = '' OR length(p_reason) > 200 THEN
        RAISE EXCEPTION 'an override needs a reason of at most 200 characters' USING ERRCODE = 'BO073';
    END IF;
    INSERT INTO manager_override (kind, reason, granted_by, till, expires_at)
    VALUES (p_kind, btrim(p_reason), v_staff, left(coalesce(current_setting('application_name', true), ''), 100),
            clock_timestamp() + interval '2 minutes')
    RETURNING id INTO v_id;
    PERFORM bo_audit('override.grant', 'override ' || left(v_id::text, 8),
                     jsonb_build_object('kind', p_kind, 'reason', btrim(p_reason), 'valid_seconds', 120));
    RETURN v_id;
END $$;


ALTER FUNCTION public.bo_override_grant(p_kind text, p_reason text) OWNER TO bo_owner;

--
-- Name: bo_override_grant(text, text, integer, integer); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_override_grant(p_kind text, p_reason text, p_showtime integer, p_seller integer) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    v_staff integer := bo_require('override');
    v_reason text := coalesce(nullif(btrim(p_reason), ''), 'Late sale');
    v_status text;
    v_seller staff%ROWTYPE;
    v_id uuid;
    v_at timestamptz;
BEGIN
    IF p_kind IS NULL OR p_kind <> 'late_sale' THEN
        RAISE EXCEPTION 'unknown override kind %', p_kind USING ERRCODE = 'BO077';
    END IF;
    IF length(v_reason) > 200 THEN
        RAISE EXCEPTION 'an override needs a reason of at most 200 characters' USING ERRCODE = 'BO073';
    END IF;
    SELECT status INTO v_status FROM showtime WHERE id = p_showtime;
    IF v_status IS NULL OR v_status <> 'on_sale' THEN
        RAISE EXCEPTION 'showtime % is not on sale (%): no late sale', p_showtime, coalesce(v_status, 'unknown')
            USING ERRCODE = 'BO178', DETAIL = coalesce(v_status, 'unknown');
    END IF;
    SELECT * INTO v_seller FROM staff WHERE id = p_seller;
    IF NOT FOUND OR NOT v_seller.active OR NOT EXISTS (
        SELECT 1 FROM role_permission WHERE role = v_seller.role AND permission = 'sell') THEN
        RAISE EXCEPTION 'staff % may not sell', p_seller USING ERRCODE = 'BO177';
    END IF;
    v_at := clock_timestamp();  -- one instant: the pass lasts exactly 10 minutes from its grant
    INSERT INTO manager_override (kind, reason, granted_by, till, granted_at, expires_at, showtime_id, for_staff)
    VALUES ('late_sale', v_reason, v_staff, left(coalesce(current_setting('application_name', true), ''), 100),
            v_at, v_at + interval '10 minutes', p_showtime, p_seller)
    RETURNING id INTO v_id;
    PERFORM bo_audit('override.grant', 'showtime ' || p_showtime,
                     jsonb_build_object('kind', 'late_sale', 'override', left(v_id::text, 8), 'reason', v_reason,
                                        'showtime', p_showtime, 'for', v_seller.username, 'valid_seconds', 600));
    RETURN v_id;
END $$;


ALTER FUNCTION public.bo_override_grant(p_kind text, p_reason text, p_showtime integer, p_seller integer) OWNER TO bo_owner;

--
-- Name: bo_payment_event(text, text, text, jsonb); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_payment_event(p_event text, p_type text, p_session text, p_payload jsonb) RETURNS TABLE(event_duplicate boolean, event_outcome text, event_booking uuid)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    ps payment_session%ROWTYPE;
    fresh text;
    v_outcome text;
BEGIN
    PERFORM bo_require('web');
    IF p_event IS NULL OR length(p_event) NOT BETWEEN 1 AND 100
       OR p_type IS NULL OR p_type NOT IN ('payment.succeeded', 'payment.failed', 'payment.expired')
       OR p_session IS NULL OR length(p_session) NOT BETWEEN 1 AND 40 OR p_payload IS NULL THEN
        RAISE EXCEPTION 'a payment event needs an id, a known type, a session and its payload' USING ERRCODE = '22023';
    END IF;
    INSERT INTO webhook_event (id, type, payment_session_id, payload)
    VALUES (p_event, p_type, p_session, p_payload)
    ON CONFLICT (id) DO NOTHING
    RETURNING id INTO fresh;
    IF fresh IS NULL THEN
        RETURN QUERY
        SELECT true, e.outcome::text, (SELECT s.booking_id FROM payment_session s WHERE s.id = e.payment_session_id)
        FROM webhook_event e WHERE e.id = p_event;
        RETURN;
    END IF;

    SELECT * INTO ps FROM payment_session WHERE id = p_session FOR UPDATE;
    IF NOT FOUND THEN
        v_outcome := 'ignored_unknown_session';
    ELSIF ps.status <> 'open' THEN
        IF p_type = 'payment.succeeded' AND ps.status IN ('failed', 'expired') THEN
            -- paid after we gave up on this session: give the money back
            PERFORM bo_payment_session_set(ps.id, 'refund_due');
            v_outcome := 'refund_due';
        ELSE
            -- a paid session stays paid, whatever arrives later
            v_outcome := 'ignored_session_' || ps.status;
        END IF;
    ELSIF p_type = 'payment.failed' THEN
        PERFORM bo_payment_session_set(ps.id, 'failed');
        v_outcome := 'kept_pending';
    ELSIF p_type = 'payment.expired' THEN
        PERFORM bo_payment_session_set(ps.id, 'expired');
        v_outcome := CASE WHEN bo_end_booking_if_pending(ps.booking_id, 'expired') THEN 'booking_expired'
                          ELSE 'session_expired' END;
    ELSIF (p_payload->'data'->'amount_minor') IS DISTINCT FROM to_jsonb(ps.amount_minor)
          OR (p_payload->'data'->'currency') IS DISTINCT FROM to_jsonb(ps.currency::text) THEN
        PERFORM bo_payment_session_set(ps.id, 'refund_due');
        v_outcome := 'refund_due_amount_mismatch';
    ELSE
        BEGIN
            PERFORM bo_confirm_booking(ps.booking_id, 'online', ps.id);
            v_outcome := 'confirmed';
        EXCEPTION WHEN sqlstate 'BO001' OR sqlstate 'BO002' OR sqlstate 'BO003' OR sqlstate 'BO004'
                       OR sqlstate 'BO005' OR sqlstate 'BO006' OR unique_violation THEN
            v_outcome := 'refund_due';
        END;
        IF v_outcome = 'confirmed' THEN
            PERFORM bo_payment_session_set(ps.id, 'succeeded');
        ELSE
            PERFORM bo_payment_session_set(ps.id, 'refund_due');
            PERFORM bo_end_booking_if_pending(ps.booking_id, 'cancelled');
        END IF;
    END IF;
    UPDATE webhook_event SET outcome = v_outcome WHERE id = p_event;
    RETURN QUERY SELECT false, v_outcome, ps.booking_id;
END $$;


ALTER FUNCTION public.bo_payment_event(p_event text, p_type text, p_session text, p_payload jsonb) OWNER TO bo_owner;

--
-- Name: bo_payment_session_open(uuid); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_payment_session_open(p_booking uuid) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    b booking%ROWTYPE;
    sid text;
BEGIN
    PERFORM bo_require('web');
    SELECT * INTO b FROM booking WHERE id = p_booking FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'booking % does not exist', p_booking USING ERRCODE = 'P0002';
    END IF;
    IF b.status = 'expired' OR (b.status = 'pending' AND b.expires_at <= clock_timestamp()) THEN
        RAISE EXCEPTION 'booking % expired at %', b.id, b.expires_at USING ERRCODE = 'BO006';
    END IF;
    IF b.status <> 'pending' THEN
        RAISE EXCEPTION 'booking % is %', b.id, b.status USING ERRCODE = 'BO005';
    END IF;
    SELECT id INTO sid FROM payment_session
    WHERE booking_id = b.id AND status = 'open' AND outcome IS NULL ORDER BY created_at, id LIMIT 1;
    IF sid IS NULL THEN
        sid := 'ps_' || left(replace(gen_random_uuid()::text, '-', ''), 24);
        INSERT INTO payment_session (id, booking_id, amount_minor, currency, expires_at)
        VALUES (sid, b.id, b.total_minor, b.currency, b.expires_at);
    END IF;
    RETURN sid;
END $$;


ALTER FUNCTION public.bo_payment_session_open(p_booking uuid) OWNER TO bo_owner;

--
-- Name: bo_payment_session_set(text, text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_payment_session_set(p_session text, p_status text) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
    UPDATE payment_session SET status = p_status, completed_at = coalesce(completed_at, clock_timestamp())
    WHERE id = p_session
$$;


ALTER FUNCTION public.bo_payment_session_set(p_session text, p_status text) OWNER TO bo_owner;

--
-- Name: bo_payment_tender_frozen(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_payment_tender_frozen() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    IF TG_OP = 'DELETE' OR (NEW.method, NEW.comp_reason, NEW.override_id)
                           IS DISTINCT FROM (OLD.method, OLD.comp_reason, OLD.override_id) THEN
        RAISE EXCEPTION 'a payment''s tender cannot be changed or deleted; refund it instead' USING ERRCODE = 'BO078';
    END IF;
    RETURN NEW;
END $$;


ALTER FUNCTION public.bo_payment_tender_frozen() OWNER TO bo_owner;

--
-- Name: bo_payment_within_total(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_payment_within_total() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    v_total integer;
    v_ok boolean;
BEGIN
    SELECT total_minor INTO v_total FROM orders WHERE id = NEW.order_id;
    IF NOT FOUND THEN
        RETURN NEW;  -- the foreign key refuses it
    END IF;
    IF NEW.amount_minor > v_total THEN
        RAISE EXCEPTION 'payments of order % would exceed its total %', NEW.order_id, v_total
            USING ERRCODE = 'BO076', DETAIL = NEW.order_id::text;
    END IF;
    -- ON CONFLICT takes the row lock and re-reads the newest version (READ COMMITTED),
    -- or fails with a serialization error (REPEATABLE READ, SERIALIZABLE).
    INSERT INTO order_paid AS p (order_id, paid_minor) VALUES (NEW.order_id, NEW.amount_minor)
    ON CONFLICT (order_id) DO UPDATE SET paid_minor = p.paid_minor + EXCLUDED.paid_minor
        WHERE p.paid_minor + EXCLUDED.paid_minor <= v_total
    RETURNING true INTO v_ok;
    IF v_ok IS NULL THEN
        RAISE EXCEPTION 'payments of order % would exceed its total %', NEW.order_id, v_total
            USING ERRCODE = 'BO076', DETAIL = NEW.order_id::text;
    END IF;
    RETURN NEW;
END $$;


ALTER FUNCTION public.bo_payment_within_total() OWNER TO bo_owner;

--
-- Name: bo_plan_best_carry(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_plan_best_carry() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    IF NEW.best_x IS NULL THEN
        SELECT p.best_x, p.best_y INTO NEW.best_x, NEW.best_y FROM seating_plan p
        WHERE p.venue_id = NEW.venue_id AND p.name = NEW.name AND p.version < NEW.version
        ORDER BY p.version DESC LIMIT 1;
    END IF;
    RETURN NEW;
END $$;


ALTER FUNCTION public.bo_plan_best_carry() OWNER TO bo_owner;

--
-- Name: bo_plan_hall_fill(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_plan_hall_fill() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    IF NEW.hall_id IS NULL THEN
        SELECT p.hall_id INTO NEW.hall_id FROM seating_plan p
        WHERE p.venue_id = NEW.venue_id AND p.name = NEW.name ORDER BY p.version DESC LIMIT 1;
    END IF;
    IF NEW.hall_id IS NULL THEN
        SELECT h.id INTO NEW.hall_id FROM hall h WHERE h.venue_id = NEW.venue_id ORDER BY h.position, h.id LIMIT 1;
    END IF;
    RETURN NEW;
END $$;


ALTER FUNCTION public.bo_plan_hall_fill() OWNER TO bo_owner;

--
-- Name: bo_plan_hall_set(integer, integer); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_plan_hall_set(p_plan integer, p_hall integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    v_venue integer;
    v_old integer;
    n integer;
BEGIN
    PERFORM bo_require('setup');
    SELECT venue_id, hall_id INTO v_venue, v_old FROM seating_plan WHERE id = p_plan FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'seating plan % does not exist', p_plan USING ERRCODE = 'P0002';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM hall WHERE id = p_hall) THEN
        RAISE EXCEPTION 'hall % does not exist', p_hall USING ERRCODE = 'P0002';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM hall WHERE id = p_hall AND venue_id = v_venue) THEN
        RAISE EXCEPTION 'hall % is not a hall of the plan''s venue', p_hall USING ERRCODE = 'BO143';
    END IF;
    IF v_old = p_hall THEN
        RETURN 0;
    END IF;
    UPDATE seating_plan SET hall_id = p_hall WHERE id = p_plan;
    -- its showtimes move with it: the overlap constraint checks the new hall (23P01)
    UPDATE showtime SET hall_id = p_hall WHERE plan_id = p_plan;
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM bo_audit('config_change', 'plan ' || p_plan,
                     jsonb_build_object('change', 'plan_hall', 'hall', p_hall, 'was', v_old, 'showtimes', n));
    RETURN n;
END $$;


ALTER FUNCTION public.bo_plan_hall_set(p_plan integer, p_hall integer) OWNER TO bo_owner;

--
-- Name: bo_plan_set_best(integer, double precision, double precision, jsonb); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_plan_set_best(p_plan integer, p_best_x double precision, p_best_y double precision, p_ranks jsonb) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $_$
DECLARE
    v_staff integer := bo_require('setup');
    p seating_plan%ROWTYPE;
    ranks jsonb := coalesce(p_ranks, '{}'::jsonb);
    bad text;
    stamp integer;
BEGIN
    SELECT * INTO p FROM seating_plan WHERE id = p_plan FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'seating plan % does not exist', p_plan USING ERRCODE = 'BO150', DETAIL = p_plan::text;
    END IF;
    IF (p_best_x IS NULL) <> (p_best_y IS NULL)
       OR p_best_x IN ('NaN', 'Infinity', '-Infinity') OR p_best_y IN ('NaN', 'Infinity', '-Infinity') THEN
        RAISE EXCEPTION 'a best point needs both coordinates, as finite numbers' USING ERRCODE = 'BO151';
    END IF;
    IF p_best_x IS NOT NULL AND (p_best_x NOT BETWEEN 0 AND p.width OR p_best_y NOT BETWEEN 0 AND p.height) THEN
        RAISE EXCEPTION 'the best point (%, %) lies outside the plan (% x %)', p_best_x, p_best_y, p.width, p.height
            USING ERRCODE = 'BO154';
    END IF;
    IF jsonb_typeof(ranks) <> 'object' THEN
        RAISE EXCEPTION 'section ranks are an object of section ids' USING ERRCODE = 'BO152';
    END IF;
    SELECT k INTO bad FROM jsonb_object_keys(ranks) k
    WHERE k !~ '^[0-9]{1,9}$' OR NOT EXISTS (SELECT 1 FROM section s WHERE s.id = k::integer AND s.plan_id = p_plan)
    LIMIT 1;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'section % is not a section of seating plan %', bad, p_plan
            USING ERRCODE = 'BO152', DETAIL = bad;
    END IF;
    SELECT e.key INTO bad FROM jsonb_each(ranks) e
    WHERE jsonb_typeof(e.value) <> 'null'
      AND (jsonb_typeof(e.value) <> 'number' OR e.value::text !~ '^[0-9]{1,4}$'
           OR e.value::text::integer NOT BETWEEN 1 AND 1000)
    LIMIT 1;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'the rank of section % must be a whole number from 1 to 1000', bad
            USING ERRCODE = 'BO153', DETAIL = bad;
    END IF;
    UPDATE seating_plan SET best_x = p_best_x, best_y = p_best_y, best_stamp = best_stamp + 1
    WHERE id = p_plan RETURNING best_stamp INTO stamp;
    UPDATE section s SET best_rank = nullif(ranks ->> s.id::text, '')::integer
    WHERE s.plan_id = p_plan AND s.best_rank IS DISTINCT FROM nullif(ranks ->> s.id::text, '')::integer;
    PERFORM bo_audit('config_change', 'seating plan ' || p_plan || ' best seats',
                     jsonb_build_object('plan_id', p_plan, 'best_x', p_best_x, 'best_y', p_best_y,
                                        'ranks', (SELECT coalesce(jsonb_object_agg(s.name, s.best_rank), '{}')
                                                  FROM section s WHERE s.plan_id = p_plan AND s.best_rank IS NOT NULL)));
    RETURN stamp;
END $_$;


ALTER FUNCTION public.bo_plan_set_best(p_plan integer, p_best_x double precision, p_best_y double precision, p_ranks jsonb) OWNER TO bo_owner;

--
-- Name: bo_plan_store(integer, text, double precision, double precision, jsonb, jsonb, integer); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_plan_store(p_venue integer, p_name text, p_width double precision, p_height double precision, p_source jsonb, p_rows jsonb, p_based_on integer DEFAULT NULL::integer) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
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


ALTER FUNCTION public.bo_plan_store(p_venue integer, p_name text, p_width double precision, p_height double precision, p_source jsonb, p_rows jsonb, p_based_on integer) OWNER TO bo_owner;

--
-- Name: bo_plan_store_bulk(integer, text, double precision, double precision, jsonb, jsonb, integer[], integer[], text[], text[], text[], double precision[], double precision[], double precision[], boolean[], boolean[], integer); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_plan_store_bulk(p_venue integer, p_name text, p_width double precision, p_height double precision, p_source jsonb, p_rows jsonb, p_section integer[], p_category integer[], p_guid text[], p_row_label text[], p_seat_number text[], p_x double precision[], p_y double precision[], p_radius double precision[], p_wheelchair boolean[], p_companion boolean[], p_based_on integer DEFAULT NULL::integer) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
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


ALTER FUNCTION public.bo_plan_store_bulk(p_venue integer, p_name text, p_width double precision, p_height double precision, p_source jsonb, p_rows jsonb, p_section integer[], p_category integer[], p_guid text[], p_row_label text[], p_seat_number text[], p_x double precision[], p_y double precision[], p_radius double precision[], p_wheelchair boolean[], p_companion boolean[], p_based_on integer) OWNER TO bo_owner;

--
-- Name: bo_price_category_vat_inherit(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_price_category_vat_inherit() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    IF NEW.vat_rate_bp IS NULL THEN
        SELECT c.vat_rate_bp INTO NEW.vat_rate_bp
        FROM seating_plan p
        JOIN seating_plan older ON older.venue_id = p.venue_id AND older.name = p.name AND older.id <> p.id
        JOIN price_category c ON c.plan_id = older.id AND c.name = NEW.name
        WHERE p.id = NEW.plan_id
        ORDER BY older.version DESC
        LIMIT 1;
    END IF;
    RETURN NEW;
END $$;


ALTER FUNCTION public.bo_price_category_vat_inherit() OWNER TO bo_owner;

--
-- Name: bo_price_rule_delete(integer); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_price_rule_delete(p_rule integer) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    PERFORM bo_require('prices');
    DELETE FROM price_rule WHERE id = p_rule;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'price rule % does not exist', p_rule USING ERRCODE = 'P0002';
    END IF;
END $$;


ALTER FUNCTION public.bo_price_rule_delete(p_rule integer) OWNER TO bo_owner;

--
-- Name: bo_price_rule_save(integer, integer, jsonb); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_price_rule_save(p_rule integer, p_venue integer, p_data jsonb) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
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


ALTER FUNCTION public.bo_price_rule_save(p_rule integer, p_venue integer, p_data jsonb) OWNER TO bo_owner;

--
-- Name: bo_prices_set(integer, jsonb); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_prices_set(p_showtime integer, p_prices jsonb) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
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


ALTER FUNCTION public.bo_prices_set(p_showtime integer, p_prices jsonb) OWNER TO bo_owner;

--
-- Name: bo_promo_discount(text, integer, integer[], integer[], integer[], text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_promo_discount(p_code text, p_showtime integer, p_categories integer[], p_types integer[], p_prices integer[], p_email text DEFAULT NULL::text, OUT code_id integer, OUT discounts integer[]) RETURNS record
    LANGUAGE plpgsql STABLE
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    c promo_code%ROWTYPE;
    v_show integer;
    now_ timestamptz := clock_timestamp();
    d integer;
    any_line boolean := false;
BEGIN
    IF cardinality(p_categories) IS DISTINCT FROM cardinality(p_prices)
       OR cardinality(p_types) IS DISTINCT FROM cardinality(p_prices) THEN
        RAISE EXCEPTION 'bo_promo_discount: the line arrays differ in length' USING ERRCODE = '22023';
    END IF;
    SELECT * INTO c FROM promo_code WHERE code = upper(btrim(coalesce(p_code, '')));
    IF NOT FOUND OR NOT c.active THEN
        RAISE EXCEPTION 'there is no promo code %', upper(btrim(coalesce(p_code, '')))
            USING ERRCODE = 'BO120', DETAIL = coalesce(c.code, '');
    END IF;
    IF (c.valid_from IS NOT NULL AND now_ < c.valid_from) OR (c.valid_until IS NOT NULL AND now_ >= c.valid_until) THEN
        RAISE EXCEPTION 'promo code % is not valid now', c.code USING ERRCODE = 'BO121', DETAIL = c.code;
    END IF;
    IF c.max_uses_per_customer IS NOT NULL AND (p_email IS NULL OR btrim(p_email) = '') THEN
        RAISE EXCEPTION 'promo code % needs the customer''s e-mail', c.code USING ERRCODE = 'BO125', DETAIL = c.code;
    END IF;
    IF c.max_uses IS NOT NULL AND bo_promo_uses(c.id, c.epoch) >= c.max_uses THEN
        RAISE EXCEPTION 'promo code % has been used up', c.code USING ERRCODE = 'BO123', DETAIL = c.code;
    END IF;
    IF c.max_uses_per_customer IS NOT NULL AND bo_promo_uses(c.id, c.epoch, p_email) >= c.max_uses_per_customer THEN
        RAISE EXCEPTION 'this customer has used promo code % as often as allowed', c.code
            USING ERRCODE = 'BO124', DETAIL = c.code;
    END IF;
    SELECT show_id INTO v_show FROM showtime WHERE id = p_showtime;
    discounts := '{}';
    FOR i IN 1 .. coalesce(cardinality(p_prices), 0) LOOP
        IF (c.show_id IS NULL OR c.show_id = v_show) AND (c.showtime_id IS NULL OR c.showtime_id = p_showtime)
           AND (c.category_id IS NULL OR c.category_id = p_categories[i])
           AND (c.ticket_type_id IS NULL OR c.ticket_type_id = p_types[i]) AND p_prices[i] IS NOT NULL THEN
            any_line := true;
            d := CASE WHEN c.kind = 'percent' THEN (p_prices[i]::bigint * c.percent + 50) / 100
                      ELSE least(c.amount_minor, p_prices[i]) END;
        ELSE
            d := 0;
        END IF;
        discounts := discounts || d;
    END LOOP;
    IF NOT any_line THEN
        RAISE EXCEPTION 'promo code % does not apply to these tickets', c.code USING ERRCODE = 'BO122', DETAIL = c.code;
    END IF;
    code_id := c.id;
END $$;


ALTER FUNCTION public.bo_promo_discount(p_code text, p_showtime integer, p_categories integer[], p_types integer[], p_prices integer[], p_email text, OUT code_id integer, OUT discounts integer[]) OWNER TO bo_owner;

--
-- Name: bo_promo_quote(text, integer, integer[], integer[], jsonb, text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_promo_quote(p_code text, p_showtime integer, p_seats integer[], p_types integer[], p_ga jsonb DEFAULT NULL::jsonb, p_email text DEFAULT NULL::text) RETURNS TABLE(code_id integer, code text, discounts integer[])
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    l_cat integer[] := '{}';
    l_type integer[] := '{}';
    l_price integer[] := '{}';
    r record;
    g record;
    v_full integer;
BEGIN
    PERFORM bo_require_seller();
    IF p_types IS NOT NULL AND cardinality(p_types) <> cardinality(p_seats) THEN
        RAISE EXCEPTION 'bo_promo_quote: p_types must be as long as p_seats' USING ERRCODE = '22023';
    END IF;
    IF p_ga IS NOT NULL AND jsonb_typeof(p_ga) <> 'object' THEN
        RAISE EXCEPTION 'p_ga maps area ids to places' USING ERRCODE = '22023';
    END IF;
    IF cardinality(p_seats) > 0 THEN
        FOR r IN SELECT * FROM bo_sale_lines(p_showtime, p_seats, p_types) LOOP
            l_cat := l_cat || r.category_id;
            l_type := l_type || r.ticket_type_id;
            l_price := l_price || r.price_minor;
        END LOOP;
    END IF;
    SELECT tt.id INTO v_full FROM showtime st JOIN ticket_type tt ON tt.venue_id = st.venue_id AND tt.code = 'full'
    WHERE st.id = p_showtime;
    FOR g IN SELECT key::integer AS area, value FROM jsonb_each(coalesce(p_ga, '{}')) ORDER BY key::integer LOOP
        IF jsonb_typeof(g.value) <> 'number' OR (g.value #>> '{}')::numeric NOT BETWEEN 1 AND 500
           OR (g.value #>> '{}')::numeric <> trunc((g.value #>> '{}')::numeric) THEN
            RAISE EXCEPTION 'places of area % must be a whole number from 1 to 500', g.area USING ERRCODE = '22023';
        END IF;
        SELECT a.category_id INTO r FROM ga_area a WHERE a.id = g.area;
        FOR i IN 1 .. (g.value #>> '{}')::integer LOOP
            l_cat := l_cat || r.category_id;
            l_type := l_type || v_full;
            l_price := l_price || bo_type_price(p_showtime, r.category_id, v_full);
        END LOOP;
    END LOOP;
    RETURN QUERY
        SELECT d.code_id, c.code::text, d.discounts
        FROM bo_promo_discount(p_code, p_showtime, l_cat, l_type, l_price, p_email) d
        JOIN promo_code c ON c.id = d.code_id;
END $$;


ALTER FUNCTION public.bo_promo_quote(p_code text, p_showtime integer, p_seats integer[], p_types integer[], p_ga jsonb, p_email text) OWNER TO bo_owner;

--
-- Name: bo_promo_redemption_limits(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_promo_redemption_limits() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    c promo_code%ROWTYPE;
BEGIN
    -- An UPDATE, not SELECT ... FOR UPDATE: a REPEATABLE READ caller whose snapshot
    -- misses a use committed meanwhile fails (40001) instead of counting too few.
    UPDATE promo_code SET redemptions = redemptions + 1 WHERE id = NEW.code_id RETURNING * INTO c;
    NEW.epoch := c.epoch;
    IF c.max_uses IS NOT NULL AND bo_promo_uses(c.id, c.epoch) >= c.max_uses THEN
        RAISE EXCEPTION 'promo code % has been used up', c.code USING ERRCODE = 'BO123', DETAIL = c.code;
    END IF;
    IF c.max_uses_per_customer IS NOT NULL THEN
        IF NEW.email IS NULL OR btrim(NEW.email) = '' THEN
            RAISE EXCEPTION 'promo code % needs the customer''s e-mail', c.code USING ERRCODE = 'BO125', DETAIL = c.code;
        END IF;
        IF bo_promo_uses(c.id, c.epoch, NEW.email) >= c.max_uses_per_customer THEN
            RAISE EXCEPTION 'this customer has used promo code % as often as allowed', c.code
                USING ERRCODE = 'BO124', DETAIL = c.code;
        END IF;
    END IF;
    RETURN NEW;
END $$;


ALTER FUNCTION public.bo_promo_redemption_limits() OWNER TO bo_owner;

--
-- Name: bo_promo_reset_usage(integer); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_promo_reset_usage(p_id integer) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    v_code text;
BEGIN
    PERFORM bo_require('prices');
    UPDATE promo_code SET epoch = epoch + 1 WHERE id = p_id RETURNING code INTO v_code;
    IF v_code IS NULL THEN
        RAISE EXCEPTION 'promo code % does not exist', p_id USING ERRCODE = 'P0002';
    END IF;
    PERFORM bo_audit('config_change', 'promo code ' || v_code, jsonb_build_object('usage', 'reset'));
END $$;


ALTER FUNCTION public.bo_promo_reset_usage(p_id integer) OWNER TO bo_owner;

--
-- Name: bo_promo_save(integer, jsonb); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_promo_save(p_id integer, p_data jsonb) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $_$
DECLARE
    v_id integer;
    v_code text := upper(btrim(coalesce(p_data ->> 'code', '')));
BEGIN
    PERFORM bo_require('prices');
    IF p_data IS NULL OR jsonb_typeof(p_data) <> 'object' THEN
        RAISE EXCEPTION 'a promo code is described by a JSON object' USING ERRCODE = '22023';
    END IF;
    IF v_code !~ '^[A-Z0-9][A-Z0-9_-]{2,29}$' THEN
        RAISE EXCEPTION 'a promo code has 3 to 30 letters, digits, - or _' USING ERRCODE = '22023';
    END IF;
    IF p_id IS NULL THEN
        INSERT INTO promo_code (code, description, kind, percent, amount_minor, show_id, showtime_id, category_id,
                                ticket_type_id, valid_from, valid_until, max_uses, max_uses_per_customer, active)
        VALUES (v_code, coalesce(p_data ->> 'description', ''), p_data ->> 'kind', (p_data ->> 'percent')::integer,
                (p_data ->> 'amount_minor')::integer, (p_data ->> 'show_id')::integer,
                (p_data ->> 'showtime_id')::integer, (p_data ->> 'category_id')::integer,
                (p_data ->> 'ticket_type_id')::integer, (p_data ->> 'valid_from')::timestamptz,
                (p_data ->> 'valid_until')::timestamptz, (p_data ->> 'max_uses')::integer,
                (p_data ->> 'max_uses_per_customer')::integer, coalesce((p_data ->> 'active')::boolean, true))
        RETURNING id INTO v_id;
    ELSE
        UPDATE promo_code SET code = v_code, description = coalesce(p_data ->> 'description', ''),
            kind = p_data ->> 'kind', percent = (p_data ->> 'percent')::integer,
            amount_minor = (p_data ->> 'amount_minor')::integer, show_id = (p_data ->> 'show_id')::integer,
            showtime_id = (p_data ->> 'showtime_id')::integer, category_id = (p_data ->> 'category_id')::integer,
            ticket_type_id = (p_data ->> 'ticket_type_id')::integer,
            valid_from = (p_data ->> 'valid_from')::timestamptz, valid_until = (p_data ->> 'valid_until')::timestamptz,
            max_uses = (p_data ->> 'max_uses')::integer,
            max_uses_per_customer = (p_data ->> 'max_uses_per_customer')::integer,
            active = coalesce((p_data ->> 'active')::boolean, active)
        WHERE id = p_id RETURNING id INTO v_id;
        IF v_id IS NULL THEN
            RAISE EXCEPTION 'promo code % does not exist', p_id USING ERRCODE = 'P0002';
        END IF;
    END IF;
    PERFORM bo_audit('config_change', 'promo code ' || v_code, p_data);
    RETURN v_id;
EXCEPTION WHEN unique_violation THEN
    RAISE EXCEPTION 'there is already a promo code %', v_code USING ERRCODE = '22023';
END $_$;


ALTER FUNCTION public.bo_promo_save(p_id integer, p_data jsonb) OWNER TO bo_owner;

--
-- Name: bo_promo_set_active(integer, boolean); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_promo_set_active(p_id integer, p_active boolean) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    v_code text;
BEGIN
    PERFORM bo_require('prices');
    UPDATE promo_code SET active = coalesce(p_active, false) WHERE id = p_id RETURNING code INTO v_code;
    IF v_code IS NULL THEN
        RAISE EXCEPTION 'promo code % does not exist', p_id USING ERRCODE = 'P0002';
    END IF;
    PERFORM bo_audit('config_change', 'promo code ' || v_code, jsonb_build_object('active', p_active));
END $$;


ALTER FUNCTION public.bo_promo_set_active(p_id integer, p_active boolean) OWNER TO bo_owner;

--
-- Name: bo_promo_uses(integer, integer, text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_promo_uses(p_code integer, p_epoch integer, p_email text DEFAULT NULL::text) RETURNS integer
    LANGUAGE sql STABLE
    SET search_path TO 'public', 'pg_temp'
    AS $$
    SELECT count(*)::integer FROM promo_redemption r
    WHERE r.code_id = p_code AND r.epoch = p_epoch
      AND (p_email IS NULL OR lower(r.email) = lower(p_email))
      AND ((r.order_id IS NOT NULL
            AND (EXISTS (SELECT 1 FROM ticket t WHERE t.order_id = r.order_id AND t.status <> 'refunded')
                 OR NOT EXISTS (SELECT 1 FROM ticket t WHERE t.order_id = r.order_id)))
           OR EXISTS (SELECT 1 FROM booking b WHERE b.id = r.booking_id AND b.status = 'pending'
                                                AND b.expires_at > clock_timestamp()))
$$;


ALTER FUNCTION public.bo_promo_uses(p_code integer, p_epoch integer, p_email text) OWNER TO bo_owner;

--
-- Name: bo_refund(text, text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_refund(p_number text, p_reason text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    v_order integer;
    done jsonb;
BEGIN
    PERFORM bo_require('refund_own');
    SELECT id INTO v_order FROM orders WHERE number = upper(btrim(p_number));
    IF NOT FOUND THEN
        RAISE EXCEPTION 'order % does not exist', p_number USING ERRCODE = 'P0002';
    END IF;
    done := bo_refund_tickets(v_order, NULL, NULL, p_reason);
    RETURN jsonb_build_object('order_id', v_order, 'number', done ->> 'number', 'amount_minor', done -> 'amount_minor',
                              'currency', done ->> 'currency', 'tickets_voided', done -> 'tickets_refunded');
END $$;


ALTER FUNCTION public.bo_refund(p_number text, p_reason text) OWNER TO bo_owner;

--
-- Name: bo_refund_booking(uuid, timestamp with time zone); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_refund_booking(p_booking uuid, p_at timestamp with time zone DEFAULT NULL::timestamp with time zone) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    b booking%ROWTYPE;
    st showtime%ROWTYPE;
    at_ timestamptz := clock_timestamp();
    pct integer;
    amount integer;
    v_rule text;
    voided integer;
    v_refund integer;
    v_tickets bigint[];
BEGIN
    IF NOT bo_may('web') THEN
        PERFORM bo_require('refund_any');
    END IF;
    IF p_at IS NOT NULL THEN
        IF bo_caller_kind() <> 'system' THEN
            RAISE EXCEPTION 'only the system principal may apply the refund policy at another time'
                USING ERRCODE = '42501', DETAIL = 'system';
        END IF;
        at_ := p_at;
    END IF;
    SELECT * INTO b FROM booking WHERE id = p_booking FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'booking % does not exist', p_booking USING ERRCODE = 'P0002';
    END IF;
    IF b.status <> 'confirmed' THEN
        RAISE EXCEPTION 'only a confirmed booking can be refunded; this one is %', b.status USING ERRCODE = 'BO005';
    END IF;
    SELECT * INTO st FROM showtime WHERE id = b.showtime_id;
    IF st.status = 'cancelled' THEN
        pct := 100;
        v_rule := 'showtime cancelled by the venue: full refund';
    ELSIF st.starts_at - at_ >= interval '48 hours' THEN
        pct := 100;
        v_rule := '48 hours or more before the start: full refund';
    ELSIF st.starts_at - at_ >= interval '2 hours' THEN
        pct := 50;
        v_rule := '2 to 48 hours before the start: half refund';
    ELSE
        RAISE EXCEPTION 'refunds close 2 hours before the showtime starts' USING ERRCODE = 'BO040',
            DETAIL = to_char(st.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+00:00"');
    END IF;
    amount := CASE WHEN pct = 100 THEN b.total_minor ELSE (b.total_minor + 1) / 2 END;

    SELECT coalesce(array_agg(id ORDER BY id), '{}') INTO v_tickets
    FROM ticket WHERE order_id = b.order_id AND status = 'valid';
    voided := bo_refund_order(b.order_id);
    INSERT INTO refund (order_id, amount_minor, reason) VALUES (b.order_id, amount, v_rule)
    RETURNING id INTO v_refund;
    -- Each line: the refund's share of the running total of what was paid, minus the share
    -- before it (floor on both), so the lines sum to the refund and none exceeds its price.
    INSERT INTO refund_ticket (refund_id, ticket_id, amount_minor)
    SELECT v_refund, id,
           CASE WHEN total = 0 THEN 0
                ELSE (running * LEAST(amount, total) / total) - ((running - paid) * LEAST(amount, total) / total) END
    FROM (SELECT id, (price_minor - discount_minor)::bigint AS paid,
                 sum(price_minor - discount_minor) OVER (ORDER BY id)::bigint AS running,
                 sum(price_minor - discount_minor) OVER ()::bigint AS total
          FROM ticket WHERE id = ANY (v_tickets)) shares;

    UPDATE booking SET status = 'refunded', ended_at = clock_timestamp() WHERE id = b.id;
    RETURN jsonb_build_object('amount_minor', amount, 'percent', pct, 'rule', v_rule, 'tickets_voided', voided);
END $$;


ALTER FUNCTION public.bo_refund_booking(p_booking uuid, p_at timestamp with time zone) OWNER TO bo_owner;

--
-- Name: bo_refund_method_default(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_refund_method_default() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW.method IS NULL THEN
        NEW.method := coalesce((SELECT p.method FROM payment p WHERE p.order_id = NEW.order_id
                                AND p.method <> 'exchange' ORDER BY p.id LIMIT 1), 'cash');
    END IF;
    RETURN NEW;
END $$;


ALTER FUNCTION public.bo_refund_method_default() OWNER TO bo_owner;

--
-- Name: bo_refund_order(integer); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_refund_order(p_order integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    o orders%ROWTYPE;
    kind text := bo_caller_kind();
    v_staff integer;
    starts timestamptz;
    n integer;
BEGIN
    IF kind = 'web' THEN
        PERFORM bo_require('web');
    ELSE
        v_staff := bo_require('refund_own');
    END IF;
    SELECT * INTO o FROM orders WHERE id = p_order FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'order % does not exist', p_order USING ERRCODE = 'P0002';
    END IF;
    IF kind = 'web' AND NOT EXISTS (SELECT 1 FROM booking WHERE order_id = o.id) THEN
        RAISE EXCEPTION 'the web channel refunds only its own bookings' USING ERRCODE = '42501', DETAIL = 'refund_any';
    END IF;
    IF kind = 'staff' THEN
        IF o.staff_id IS DISTINCT FROM v_staff AND NOT bo_may('refund_any') THEN
            RAISE EXCEPTION 'order % was sold by someone else', o.number USING ERRCODE = '42501', DETAIL = 'refund_any';
        END IF;
        SELECT min(st.starts_at) INTO starts FROM ticket t JOIN showtime st ON st.id = t.showtime_id
        WHERE t.order_id = o.id AND t.status = 'valid';
        IF starts <= clock_timestamp() AND NOT bo_may('override') THEN
            RAISE EXCEPTION 'the show of order % has started', o.number USING ERRCODE = '42501', DETAIL = 'override';
        END IF;
    END IF;
    PERFORM 1 FROM inventory i JOIN ticket t ON t.showtime_id = i.showtime_id AND t.seat_id = i.seat_id
    WHERE t.order_id = p_order AND t.status = 'valid'
    ORDER BY i.showtime_id, i.seat_id
    FOR UPDATE OF i;
    WITH voided AS (
        UPDATE ticket SET status = 'refunded', voided_at = clock_timestamp()
        WHERE order_id = p_order AND status = 'valid'
        RETURNING showtime_id, seat_id
    ), freed AS (
        UPDATE inventory i
        SET state = 'available', hold_token = NULL, hold_channel = NULL, hold_expires_at = NULL, hold_login = NULL
        FROM voided v
        WHERE i.showtime_id = v.showtime_id AND i.seat_id = v.seat_id AND i.state = 'sold'
        RETURNING 1
    )
    SELECT count(*) INTO n FROM voided;
    RETURN n;
END $$;


ALTER FUNCTION public.bo_refund_order(p_order integer) OWNER TO bo_owner;

--
-- Name: refund; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.refund (
    id integer NOT NULL,
    order_id integer NOT NULL,
    amount_minor integer NOT NULL,
    reason character varying(200) NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    shift_id integer,
    method character varying(20) NOT NULL,
    CONSTRAINT refund_amount_minor_check CHECK ((amount_minor >= 0)),
    CONSTRAINT refund_method_check CHECK (((method)::text = ANY ((ARRAY['cash'::character varying, 'card'::character varying, 'online'::character varying, 'comp'::character varying, 'exchange'::character varying])::text[])))
);


ALTER TABLE public.refund OWNER TO bo_owner;

--
-- Name: bo_refund_tender(public.refund); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_refund_tender(p_refund public.refund) RETURNS text
    LANGUAGE sql STABLE
    SET search_path TO 'public', 'pg_temp'
    AS $$
    SELECT coalesce(to_jsonb(p_refund) ->> 'method',
                    (SELECT p.method FROM payment p WHERE p.order_id = p_refund.order_id ORDER BY p.id LIMIT 1),
                    'cash')
$$;


ALTER FUNCTION public.bo_refund_tender(p_refund public.refund) OWNER TO bo_owner;

--
-- Name: bo_refund_ticket_check(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_refund_ticket_check() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM refund r JOIN ticket t ON t.order_id = r.order_id
                   WHERE r.id = NEW.refund_id AND t.id = NEW.ticket_id AND NEW.amount_minor <= t.price_minor - t.discount_minor) THEN
        RAISE EXCEPTION 'ticket % is not part of the refunded order, or is refunded above its price', NEW.ticket_id
            USING ERRCODE = 'BO091', DETAIL = NEW.ticket_id::text;
    END IF;
    RETURN NEW;
END $$;


ALTER FUNCTION public.bo_refund_ticket_check() OWNER TO bo_owner;

--
-- Name: bo_refund_tickets(integer, bigint[], text, text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_refund_tickets(p_order integer, p_tickets bigint[], p_method text, p_reason text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    v_staff integer := bo_require('refund_own');
    o orders%ROWTYPE;
    wanted bigint[] := p_tickets;
    v_method text := p_method;
    amount bigint;
    v_refund integer;
    n integer;
BEGIN
    IF p_reason IS NULL OR btrim(p_reason) = '' OR length(btrim(p_reason)) > 200 THEN
        RAISE EXCEPTION 'a refund needs a reason of at most 200 characters' USING ERRCODE = '22023';
    END IF;
    IF v_method IS NOT NULL AND v_method NOT IN ('cash', 'card', 'online') THEN
        RAISE EXCEPTION 'money goes back in cash, by card or online, not %', v_method
            USING ERRCODE = 'BO097', DETAIL = v_method;
    END IF;
    IF wanted IS NULL THEN
        PERFORM 1 FROM orders WHERE id = p_order FOR UPDATE;
        SELECT coalesce(array_agg(id ORDER BY id), '{}') INTO wanted FROM ticket
        WHERE order_id = p_order AND status = 'valid';
        IF cardinality(wanted) = 0 AND EXISTS (SELECT 1 FROM orders WHERE id = p_order) THEN
            RAISE EXCEPTION 'order % has no valid tickets left', p_order USING ERRCODE = 'BO005';
        END IF;
    END IF;
    o := bo_order_take_back(p_order, wanted, v_staff);
    -- an order paid by comp alone goes back as comp: no money leaves for it
    IF EXISTS (SELECT 1 FROM payment p WHERE p.order_id = o.id AND p.method = 'comp')
       AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.order_id = o.id AND p.method <> 'comp') THEN
        IF v_method IS NOT NULL THEN
            RAISE EXCEPTION 'a complimentary order is refunded as comp, not %', v_method
                USING ERRCODE = 'BO097', DETAIL = v_method;
        END IF;
        v_method := 'comp';
    END IF;
    IF v_method IS NULL THEN
        v_method := coalesce((SELECT p.method FROM payment p WHERE p.order_id = o.id
                              AND p.method IN ('cash', 'card', 'online') ORDER BY p.id LIMIT 1), 'cash');
    END IF;
    SELECT coalesce(sum(price_minor - discount_minor), 0) INTO amount FROM ticket WHERE id = ANY (wanted);
    n := bo_tickets_give_back(wanted, 'refunded');
    INSERT INTO refund (order_id, amount_minor, reason, method)
    VALUES (o.id, amount, btrim(p_reason), v_method) RETURNING id INTO v_refund;
    INSERT INTO refund_ticket (refund_id, ticket_id, amount_minor)
    SELECT v_refund, t.id, t.price_minor - t.discount_minor FROM ticket t WHERE t.id = ANY (wanted) ORDER BY t.id;
    IF NOT EXISTS (SELECT 1 FROM ticket WHERE order_id = o.id AND status = 'valid') THEN
        UPDATE booking SET status = 'refunded', ended_at = clock_timestamp()
        WHERE order_id = o.id AND status = 'confirmed';
    END IF;
    RETURN jsonb_build_object('refund_id', v_refund, 'order_id', o.id, 'number', o.number, 'amount_minor', amount,
                              'currency', o.currency, 'method', v_method,
                              'ticket_ids', to_jsonb(ARRAY(SELECT unnest(wanted) ORDER BY 1)), 'tickets_refunded', n);
END $$;


ALTER FUNCTION public.bo_refund_tickets(p_order integer, p_tickets bigint[], p_method text, p_reason text) OWNER TO bo_owner;

--
-- Name: bo_reissue_key(bigint, bytea); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_reissue_key(p_ticket bigint, p_public_key bytea) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    k device_key%ROWTYPE;
    v_order integer;
BEGIN
    PERFORM bo_require('reprint');
    k := bo_device_key_live(p_public_key);
    UPDATE ticket SET code_serial = code_serial + 1, key_id = k.id
    WHERE id = p_ticket AND status = 'valid' RETURNING ticket.order_id INTO v_order;
    RETURN v_order;
END $$;


ALTER FUNCTION public.bo_reissue_key(p_ticket bigint, p_public_key bytea) OWNER TO bo_owner;

--
-- Name: bo_release(integer, integer[], uuid); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_release(p_showtime integer, p_seats integer[], p_token uuid) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    n integer;
BEGIN
    PERFORM bo_require_seller();
    WITH locked AS (
        SELECT seat_id FROM inventory
        WHERE showtime_id = p_showtime AND hold_token = p_token AND state = 'held'
          AND (p_seats IS NULL OR seat_id = ANY (p_seats))
        ORDER BY seat_id
        FOR UPDATE
    ), released AS (
        UPDATE inventory i
        SET state = 'available', hold_token = NULL, hold_channel = NULL, hold_expires_at = NULL, hold_login = NULL
        FROM locked
        WHERE i.showtime_id = p_showtime AND i.seat_id = locked.seat_id AND i.hold_token = p_token
          AND bo_holder_is_caller(i.hold_login)
        RETURNING 1
    )
    SELECT count(*) INTO n FROM released;
    RETURN n;
END $$;


ALTER FUNCTION public.bo_release(p_showtime integer, p_seats integer[], p_token uuid) OWNER TO bo_owner;

--
-- Name: bo_require(text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_require(p_permission text) RETURNS integer
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    s staff%ROWTYPE;
    kind text := bo_caller_kind();
BEGIN
    IF kind = 'system' THEN
        RETURN NULL;
    ELSIF kind = 'web' THEN
        IF p_permission = 'web' THEN
            RETURN NULL;
        END IF;
    ELSIF kind = 'staff' THEN
        SELECT * INTO s FROM staff WHERE login = session_user;
        IF NOT s.active THEN
            RAISE EXCEPTION 'staff account % is not active', s.username USING ERRCODE = 'BO011';
        END IF;
        IF EXISTS (SELECT 1 FROM role_permission WHERE role = s.role AND permission = p_permission) THEN
            RETURN s.id;
        END IF;
    END IF;
    RAISE EXCEPTION 'permission denied: % may not %', session_user, p_permission
        USING ERRCODE = '42501', DETAIL = p_permission;
END $$;


ALTER FUNCTION public.bo_require(p_permission text) OWNER TO bo_owner;

--
-- Name: bo_require_seller(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_require_seller() RETURNS integer
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    IF bo_caller_kind() = 'web' THEN
        RETURN bo_require('web');
    END IF;
    RETURN bo_require('sell');
END $$;


ALTER FUNCTION public.bo_require_seller() OWNER TO bo_owner;

--
-- Name: bo_resolve_conflict(bigint, text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_resolve_conflict(p_conflict bigint, p_note text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    c admission_conflict%ROWTYPE;
    v_note text := btrim(coalesce(p_note, ''));
BEGIN
    PERFORM bo_require('reports');
    IF length(v_note) > 500 THEN
        RAISE EXCEPTION 'a note has at most 500 characters' USING ERRCODE = '22023';
    END IF;
    SELECT * INTO c FROM admission_conflict WHERE id = p_conflict FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no admission conflict #%', p_conflict USING ERRCODE = 'P0002';
    END IF;
    IF c.resolved_at IS NOT NULL THEN
        RAISE EXCEPTION 'admission conflict #% is resolved already', p_conflict USING ERRCODE = '22023';
    END IF;
    UPDATE admission_conflict SET resolved_at = clock_timestamp(), resolved_by = left(bo_actor()->>'name', 100),
                                  note = v_note
    WHERE id = p_conflict;
    -- the audit row's actor and time are stamped by audit_log_stamp
    INSERT INTO audit_log (actor, role, till, action, target, details)
    VALUES ('', '', left(coalesce(current_setting('application_name', true), ''), 100), 'admission_conflict.resolve',
            'ticket ' || c.ticket_id,
            jsonb_build_object('conflict_id', c.id, 'verdict', c.verdict, 'gate', c.gate, 'note', v_note));
END $$;


ALTER FUNCTION public.bo_resolve_conflict(p_conflict bigint, p_note text) OWNER TO bo_owner;

--
-- Name: bo_sale_amending(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_sale_amending() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
    SELECT EXISTS (SELECT 1 FROM sale_amendment WHERE xact = pg_current_xact_id_if_assigned())
$$;


ALTER FUNCTION public.bo_sale_amending() OWNER TO bo_owner;

--
-- Name: bo_sale_lines(integer, integer[], integer[]); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_sale_lines(p_showtime integer, p_seats integer[], p_types integer[]) RETURNS TABLE(seat_id integer, category_id integer, ticket_type_id integer, price_minor integer)
    LANGUAGE sql STABLE
    AS $$
    WITH full_type AS (
        SELECT tt.id FROM showtime st JOIN ticket_type tt ON tt.venue_id = st.venue_id AND tt.code = 'full'
        WHERE st.id = p_showtime
    ), lines AS (
        SELECT l.seat, coalesce(l.type, (SELECT id FROM full_type)) AS type
        FROM unnest(p_seats, coalesce(p_types, array_fill(NULL::integer, ARRAY[cardinality(p_seats)]))) AS l(seat, type)
    )
    SELECT l.seat, s.category_id, l.type, bo_type_price(p_showtime, s.category_id, l.type)
    FROM lines l JOIN seat s ON s.id = l.seat
    ORDER BY l.seat
$$;


ALTER FUNCTION public.bo_sale_lines(p_showtime integer, p_seats integer[], p_types integer[]) OWNER TO bo_owner;

--
-- Name: bo_sale_record_frozen(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_sale_record_frozen() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    changed boolean;
BEGIN
    IF TG_OP = 'DELETE' THEN
        changed := true;
    ELSIF TG_TABLE_NAME = 'ticket' THEN
        changed := (NEW.order_id, NEW.showtime_id, NEW.seat_id, NEW.ga_area_id, NEW.category_id, NEW.ticket_type_id,
                    NEW.price_minor)
                   IS DISTINCT FROM (OLD.order_id, OLD.showtime_id, OLD.seat_id, OLD.ga_area_id, OLD.category_id,
                                     OLD.ticket_type_id, OLD.price_minor);
    ELSIF TG_TABLE_NAME = 'orders' THEN
        changed := (NEW.id, NEW.number, NEW.channel, NEW.currency, NEW.total_minor, NEW.staff_id, NEW.created_at)
                   IS DISTINCT FROM (OLD.id, OLD.number, OLD.channel, OLD.currency, OLD.total_minor, OLD.staff_id,
                                     OLD.created_at);
    ELSIF TG_TABLE_NAME = 'payment' THEN
        changed := (NEW.id, NEW.order_id, NEW.method, NEW.amount_minor, NEW.tendered_minor, NEW.reference, NEW.created_at)
                   IS DISTINCT FROM (OLD.id, OLD.order_id, OLD.method, OLD.amount_minor, OLD.tendered_minor,
                                     OLD.reference, OLD.created_at);
    ELSE
        changed := NEW IS DISTINCT FROM OLD;
    END IF;
    IF changed AND NOT bo_sale_amending() THEN
        RAISE EXCEPTION 'a sold % cannot be changed or deleted; refund or exchange it', TG_TABLE_NAME
            USING ERRCODE = 'BO031', DETAIL = TG_TABLE_NAME;
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;


ALTER FUNCTION public.bo_sale_record_frozen() OWNER TO bo_owner;

--
-- Name: bo_sale_refusal(text, timestamp with time zone, timestamp with time zone); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_sale_refusal(p_status text, p_on timestamp with time zone, p_off timestamp with time zone) RETURNS text
    LANGUAGE sql STABLE
    AS $$
    SELECT CASE WHEN p_status = 'cancelled' THEN 'cancelled'
                WHEN p_status <> 'on_sale' THEN 'off_sale'
                WHEN p_on IS NOT NULL AND now() < p_on THEN 'not_yet'
                WHEN p_off IS NOT NULL AND now() >= p_off
                     AND NOT (bo_caller_kind() = 'staff' AND bo_may('override'))
                     AND NOT bo_late_pass_open() THEN 'closed'
           END
$$;


ALTER FUNCTION public.bo_sale_refusal(p_status text, p_on timestamp with time zone, p_off timestamp with time zone) OWNER TO bo_owner;

--
-- Name: bo_seat_cascade(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_seat_cascade() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    IF TG_TABLE_NAME = 'seating_plan' THEN
        DELETE FROM seat s USING gone g WHERE s.plan_id = g.id;
    ELSE
        DELETE FROM seat s USING gone g WHERE s.section_id = g.id;
    END IF;
    RETURN NULL;
END $$;


ALTER FUNCTION public.bo_seat_cascade() OWNER TO bo_owner;

--
-- Name: bo_seat_inventory_restrict(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_seat_inventory_restrict() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'public', 'pg_temp'
    AS $$
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


ALTER FUNCTION public.bo_seat_inventory_restrict() OWNER TO bo_owner;

--
-- Name: bo_seat_label(integer); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_seat_label(p_seat integer) RETURNS text
    LANGUAGE sql STABLE
    AS $$
    SELECT sec.name || ' ' || s.row_label || '-' || s.seat_number
    FROM seat s JOIN section sec ON sec.id = s.section_id WHERE s.id = p_seat
$$;


ALTER FUNCTION public.bo_seat_label(p_seat integer) OWNER TO bo_owner;

--
-- Name: bo_seat_ref_check_row(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_seat_ref_check_row() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'public', 'pg_temp'
    AS $$
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


ALTER FUNCTION public.bo_seat_ref_check_row() OWNER TO bo_owner;

--
-- Name: bo_seat_refs_check(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_seat_refs_check() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'public', 'pg_temp'
    AS $$
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


ALTER FUNCTION public.bo_seat_refs_check() OWNER TO bo_owner;

--
-- Name: bo_section_rank_carry(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_section_rank_carry() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    IF NEW.best_rank IS NULL THEN
        SELECT s.best_rank INTO NEW.best_rank
        FROM seating_plan n
        JOIN LATERAL (SELECT p.id FROM seating_plan p
                      WHERE p.venue_id = n.venue_id AND p.name = n.name AND p.version < n.version
                      ORDER BY p.version DESC LIMIT 1) prev ON true
        JOIN section s ON s.plan_id = prev.id AND s.name = NEW.name
        WHERE n.id = NEW.plan_id AND s.best_rank IS NOT NULL
        LIMIT 1;
    END IF;
    RETURN NEW;
END $$;


ALTER FUNCTION public.bo_section_rank_carry() OWNER TO bo_owner;

--
-- Name: bo_seed_ticket_types(integer); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_seed_ticket_types(p_venue integer) RETURNS void
    LANGUAGE sql
    AS $$
    INSERT INTO ticket_type (venue_id, code, name, position)
    VALUES (p_venue, 'full', 'Full', 0), (p_venue, 'concession', 'Concession', 1),
           (p_venue, 'child', 'Child', 2), (p_venue, 'complimentary', 'Complimentary', 3)
    ON CONFLICT DO NOTHING
$$;


ALTER FUNCTION public.bo_seed_ticket_types(p_venue integer) OWNER TO bo_owner;

--
-- Name: bo_sell(integer, integer[], uuid, text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_sell(p_showtime integer, p_seats integer[], p_token uuid, p_channel text) RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE
    wanted integer[];
    got integer[];
    st_status text;
BEGIN
    SELECT coalesce(array_agg(DISTINCT s ORDER BY s), '{}') INTO wanted FROM unnest(p_seats) s;
    IF cardinality(wanted) = 0 THEN
        RAISE EXCEPTION 'bo_sell needs at least one seat' USING ERRCODE = '22023';
    END IF;
    SELECT status INTO st_status FROM showtime WHERE id = p_showtime FOR SHARE;
    IF st_status IS DISTINCT FROM 'on_sale' THEN
        RAISE EXCEPTION 'showtime % is not on sale (%)', p_showtime, coalesce(st_status, 'unknown')
            USING ERRCODE = 'BO003', DETAIL = CASE WHEN st_status = 'cancelled' THEN 'cancelled'
                                                   WHEN st_status IS NULL THEN 'unknown' ELSE 'off_sale' END;
    END IF;
    WITH locked AS (
        SELECT seat_id FROM inventory
        WHERE showtime_id = p_showtime AND seat_id = ANY (wanted)
        ORDER BY seat_id
        FOR UPDATE
    ), sold AS (
        UPDATE inventory i
        SET state = 'sold', hold_token = NULL, hold_channel = p_channel, hold_expires_at = NULL, hold_login = NULL
        FROM locked
        WHERE i.showtime_id = p_showtime AND i.seat_id = locked.seat_id
          AND i.state = 'held' AND i.hold_token = p_token AND i.hold_expires_at > clock_timestamp()
          AND bo_holder_is_caller(i.hold_login)
        RETURNING i.seat_id
    )
    SELECT coalesce(array_agg(seat_id), '{}') INTO got FROM sold;
    IF cardinality(got) < cardinality(wanted) THEN
        RAISE EXCEPTION 'hold missing or expired'
            USING ERRCODE = 'BO002',
                  DETAIL = array_to_string(ARRAY(SELECT unnest(wanted) EXCEPT SELECT unnest(got) ORDER BY 1), ',');
    END IF;
    RETURN cardinality(got);
END $$;


ALTER FUNCTION public.bo_sell(p_showtime integer, p_seats integer[], p_token uuid, p_channel text) OWNER TO bo_owner;

--
-- Name: bo_sell(integer, integer[], uuid, text, integer[]); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_sell(p_showtime integer, p_seats integer[], p_token uuid, p_channel text, p_types integer[]) RETURNS TABLE(seat_id integer, category_id integer, ticket_type_id integer, price_minor integer)
    LANGUAGE plpgsql
    AS $$
DECLARE
    unpriced integer[];
BEGIN
    IF p_seats IS NULL OR cardinality(p_seats) = 0 THEN
        RAISE EXCEPTION 'bo_sell needs at least one seat' USING ERRCODE = '22023';
    END IF;
    IF p_types IS NOT NULL AND cardinality(p_types) <> cardinality(p_seats) THEN
        RAISE EXCEPTION 'bo_sell: p_types must be as long as p_seats' USING ERRCODE = '22023';
    END IF;
    IF (SELECT count(DISTINCT s) FROM unnest(p_seats) s) <> cardinality(p_seats) THEN
        RAISE EXCEPTION 'bo_sell: a seat is listed twice' USING ERRCODE = '22023';
    END IF;
    SELECT coalesce(array_agg(l.seat_id ORDER BY l.seat_id), '{}') INTO unpriced
    FROM bo_sale_lines(p_showtime, p_seats, p_types) l WHERE l.price_minor IS NULL;
    IF cardinality(unpriced) > 0 THEN
        RAISE EXCEPTION 'ticket type not sold for these seats at this showtime'
            USING ERRCODE = 'BO014', DETAIL = array_to_string(unpriced, ',');
    END IF;
    PERFORM bo_sell(p_showtime, p_seats, p_token, p_channel);
    RETURN QUERY SELECT l.seat_id, l.category_id, l.ticket_type_id, l.price_minor
                 FROM bo_sale_lines(p_showtime, p_seats, p_types) l;
END $$;


ALTER FUNCTION public.bo_sell(p_showtime integer, p_seats integer[], p_token uuid, p_channel text, p_types integer[]) OWNER TO bo_owner;

--
-- Name: bo_set_doors_open(integer, timestamp with time zone); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_set_doors_open(p_showtime integer, p_doors_open_at timestamp with time zone) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    old_at timestamptz;
BEGIN
    PERFORM bo_require('setup');
    SELECT doors_open_at INTO old_at FROM showtime WHERE id = p_showtime FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'showtime % does not exist', p_showtime USING ERRCODE = 'P0002';
    END IF;
    UPDATE showtime SET doors_open_at = p_doors_open_at WHERE id = p_showtime;
    IF old_at IS DISTINCT FROM p_doors_open_at THEN
        PERFORM bo_audit('doors_open', 'showtime ' || p_showtime,
                         jsonb_build_object('showtime_id', p_showtime, 'old', old_at, 'new', p_doors_open_at));
    END IF;
END $$;


ALTER FUNCTION public.bo_set_doors_open(p_showtime integer, p_doors_open_at timestamp with time zone) OWNER TO bo_owner;

--
-- Name: bo_setting_refused(text, text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_setting_refused(p_field text, p_message text) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION '%', p_message USING ERRCODE = 'BO141', DETAIL = p_field;
END $$;


ALTER FUNCTION public.bo_setting_refused(p_field text, p_message text) OWNER TO bo_owner;

--
-- Name: bo_shift_close(integer, jsonb); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_shift_close(p_shift integer, p_counted jsonb) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    sh till_shift%ROWTYPE := bo_shift_for(p_shift, 'override', true);
    v_counted bigint := bo_count_total(p_counted);
    v_now timestamptz := clock_timestamp();
    v_me integer := (bo_actor() ->> 'staff_id')::integer;
    v_figures jsonb;
    v_expected bigint;
    v_number integer;
BEGIN
    IF sh.closed_at IS NOT NULL THEN
        RAISE EXCEPTION 'shift % is already closed', sh.id USING ERRCODE = 'BO082',
            DETAIL = coalesce((SELECT number::text FROM z_report WHERE shift_id = sh.id), '');
    END IF;
    UPDATE till_shift SET closed_at = v_now, closed_by = v_me WHERE id = sh.id;
    v_figures := bo_shift_figures(sh.id);
    v_expected := (v_figures #>> '{cash,expected_minor}')::bigint;
    v_figures := v_figures || jsonb_build_object(
        'count', jsonb_build_object('counted', p_counted, 'counted_minor', v_counted,
                                    'variance_minor', v_counted - v_expected),
        'closed_by', (SELECT display_name FROM staff WHERE id = v_me));
    UPDATE z_counter SET last_number = last_number + 1 WHERE id RETURNING last_number INTO v_number;
    v_figures := v_figures || jsonb_build_object('number', v_number);
    INSERT INTO z_report (number, shift_id, till, staff_id, closed_by, closed_at, currency,
                          expected_cash_minor, counted_cash_minor, variance_minor, counted, figures)
    VALUES (v_number, sh.id, sh.till, sh.staff_id, v_me, v_now, sh.currency,
            v_expected, v_counted, v_counted - v_expected, p_counted, v_figures);
    PERFORM bo_audit('drawer.close', 'shift ' || sh.id,
                     jsonb_build_object('z_number', v_number, 'expected_minor', v_expected,
                                        'counted_minor', v_counted, 'variance_minor', v_counted - v_expected));
    RETURN jsonb_build_object('number', v_number, 'figures', v_figures);
END $$;


ALTER FUNCTION public.bo_shift_close(p_shift integer, p_counted jsonb) OWNER TO bo_owner;

--
-- Name: bo_shift_figures(integer); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_shift_figures(p_shift integer) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    sh till_shift%ROWTYPE := bo_shift_for(p_shift, 'reports', false);
    v_until timestamptz := coalesce(sh.closed_at, clock_timestamp());
    v_tz text := coalesce((SELECT timezone FROM venue ORDER BY id LIMIT 1), 'UTC');
    v_day date := (v_until AT TIME ZONE v_tz)::date;
    v_from timestamptz := v_day::timestamp AT TIME ZONE v_tz;
    v_tenders jsonb;
    v_moves jsonb;
    v_web jsonb;
    v_cash_in bigint;
    v_cash_out bigint;
    v_drops bigint;
    v_payouts bigint;
    v_orders integer;
BEGIN
    WITH pay AS (
        SELECT method, count(*) AS n, sum(amount_minor) AS amount FROM payment WHERE shift_id = sh.id GROUP BY method
    ), ref AS (
        SELECT bo_refund_tender(r) AS method, count(*) AS n, sum(r.amount_minor) AS amount
        FROM refund r WHERE r.shift_id = sh.id GROUP BY 1
    )
    SELECT coalesce(jsonb_object_agg(m.method, jsonb_build_object(
               'payments', coalesce(pay.n, 0), 'paid_minor', coalesce(pay.amount, 0),
               'refunds', coalesce(ref.n, 0), 'refunded_minor', coalesce(ref.amount, 0),
               'net_minor', coalesce(pay.amount, 0) - coalesce(ref.amount, 0))), '{}')
    INTO v_tenders
    FROM (SELECT method FROM pay UNION SELECT method FROM ref) m
    LEFT JOIN pay ON pay.method = m.method LEFT JOIN ref ON ref.method = m.method;
    v_cash_in := coalesce((v_tenders #>> '{cash,paid_minor}')::bigint, 0);
    v_cash_out := coalesce((v_tenders #>> '{cash,refunded_minor}')::bigint, 0);
    SELECT coalesce(sum(amount_minor) FILTER (WHERE kind = 'drop'), 0),
           coalesce(sum(amount_minor) FILTER (WHERE kind = 'payout'), 0),
           coalesce(jsonb_agg(jsonb_build_object('kind', m.kind, 'amount_minor', m.amount_minor, 'reason', m.reason,
                                                 'at', m.created_at, 'by', s.username) ORDER BY m.id), '[]')
    INTO v_drops, v_payouts, v_moves
    FROM drawer_movement m LEFT JOIN staff s ON s.id = m.staff_id WHERE m.shift_id = sh.id;
    SELECT count(DISTINCT order_id) INTO v_orders FROM payment WHERE shift_id = sh.id;
    -- the web channel's takings of the venue's day so far, by gateway (channel and tender)
    WITH pay AS (
        SELECT o.channel, p.method, count(*) AS n, sum(p.amount_minor) AS amount
        FROM payment p JOIN orders o ON o.id = p.order_id
        WHERE p.created_at >= v_from AND p.created_at < v_until AND o.channel LIKE 'web%'
        GROUP BY 1, 2
    ), ref AS (
        SELECT o.channel, bo_refund_tender(r) AS method, count(*) AS n, sum(r.amount_minor) AS amount
        FROM refund r JOIN orders o ON o.id = r.order_id
        WHERE r.created_at >= v_from AND r.created_at < v_until AND o.channel LIKE 'web%'
        GROUP BY 1, 2
    )
    SELECT coalesce(jsonb_agg(jsonb_build_object(
               'gateway', k.channel || ' · ' || k.method, 'channel', k.channel, 'method', k.method,
               'payments', coalesce(pay.n, 0), 'paid_minor', coalesce(pay.amount, 0),
               'refunds', coalesce(ref.n, 0), 'refunded_minor', coalesce(ref.amount, 0),
               'net_minor', coalesce(pay.amount, 0) - coalesce(ref.amount, 0)) ORDER BY k.channel, k.method), '[]')
    INTO v_web
    FROM (SELECT channel, method FROM pay UNION SELECT channel, method FROM ref) k
    LEFT JOIN pay ON pay.channel = k.channel AND pay.method = k.method
    LEFT JOIN ref ON ref.channel = k.channel AND ref.method = k.method;
    RETURN jsonb_build_object(
        'shift_id', sh.id, 'till', sh.till, 'staff_id', sh.staff_id,
        'staff', (SELECT display_name FROM staff WHERE id = sh.staff_id),
        'opened_at', sh.opened_at, 'closed_at', sh.closed_at, 'until', v_until, 'currency', sh.currency,
        'orders', v_orders, 'tenders', v_tenders, 'movements', v_moves,
        'cash', jsonb_build_object('float_minor', sh.float_minor, 'sales_minor', v_cash_in,
                                   'refunds_minor', v_cash_out, 'drops_minor', v_drops, 'payouts_minor', v_payouts,
                                   'expected_minor', sh.float_minor + v_cash_in - v_cash_out - v_drops - v_payouts),
        'day', jsonb_build_object('date', v_day, 'timezone', v_tz, 'web', v_web));
END $$;


ALTER FUNCTION public.bo_shift_figures(p_shift integer) OWNER TO bo_owner;

--
-- Name: till_shift; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.till_shift (
    id integer NOT NULL,
    till character varying(100) NOT NULL,
    staff_id integer NOT NULL,
    currency character varying(3) NOT NULL,
    float_minor integer NOT NULL,
    float_counted jsonb,
    opened_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    closed_at timestamp with time zone,
    closed_by integer,
    CONSTRAINT till_shift_float_minor_check CHECK (((float_minor >= 0) AND (float_minor <= 100000000))),
    CONSTRAINT till_shift_till_check CHECK ((btrim((till)::text) <> ''::text))
);


ALTER TABLE public.till_shift OWNER TO bo_owner;

--
-- Name: bo_shift_for(integer, text, boolean); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_shift_for(p_shift integer, p_other_permission text, p_lock boolean) RETURNS public.till_shift
    LANGUAGE plpgsql
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    sh till_shift%ROWTYPE;
    me integer := bo_require('sell');
BEGIN
    IF p_lock THEN
        SELECT * INTO sh FROM till_shift WHERE id = p_shift FOR UPDATE;
    ELSE
        SELECT * INTO sh FROM till_shift WHERE id = p_shift;
    END IF;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'shift % does not exist', p_shift USING ERRCODE = 'P0002';
    END IF;
    IF me IS NOT NULL AND sh.staff_id <> me THEN
        PERFORM bo_require(p_other_permission);
    END IF;
    RETURN sh;
END $$;


ALTER FUNCTION public.bo_shift_for(p_shift integer, p_other_permission text, p_lock boolean) OWNER TO bo_owner;

--
-- Name: bo_shift_open(text, integer, jsonb); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_shift_open(p_till text, p_float integer, p_counted jsonb DEFAULT NULL::jsonb) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    me integer := bo_require('sell');
    v_till text := btrim(coalesce(p_till, ''));
    v_other till_shift%ROWTYPE;
    v_id integer;
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION 'a shift belongs to a person: sign in at the till' USING ERRCODE = '22023';
    END IF;
    IF v_till = '' OR v_till <> left(coalesce(current_setting('application_name', true), ''), 100) THEN
        RAISE EXCEPTION 'a shift is opened on the till one works at (%), not %',
            current_setting('application_name', true), v_till USING ERRCODE = '22023';
    END IF;
    IF p_float IS NULL OR p_float NOT BETWEEN 0 AND 100000000 THEN
        RAISE EXCEPTION 'the float must be 0 or more' USING ERRCODE = '22023';
    END IF;
    IF p_counted IS NOT NULL AND bo_count_total(p_counted) <> p_float THEN
        RAISE EXCEPTION 'the counted float adds up to %, not %', bo_count_total(p_counted), p_float
            USING ERRCODE = '22023';
    END IF;
    SELECT * INTO v_other FROM till_shift WHERE closed_at IS NULL AND (till = v_till OR staff_id = me) LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'till % already has an open shift', v_other.till USING ERRCODE = 'BO083', DETAIL = v_other.till;
    END IF;
    BEGIN
        INSERT INTO till_shift (till, staff_id, currency, float_minor, float_counted)
        VALUES (v_till, me, coalesce((SELECT currency FROM venue ORDER BY id LIMIT 1), 'EUR'), p_float, p_counted)
        RETURNING id INTO v_id;
    EXCEPTION WHEN unique_violation THEN  -- opened at the same moment elsewhere
        RAISE EXCEPTION 'till % already has an open shift', v_till USING ERRCODE = 'BO083', DETAIL = v_till;
    END;
    PERFORM bo_audit('drawer.open', 'shift ' || v_id, jsonb_build_object('float_minor', p_float, 'till', v_till));
    RETURN v_id;
END $$;


ALTER FUNCTION public.bo_shift_open(p_till text, p_float integer, p_counted jsonb) OWNER TO bo_owner;

--
-- Name: bo_show_duration_changed(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_show_duration_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    UPDATE showtime SET ends_at = starts_at + make_interval(mins => NEW.duration_minutes)
    WHERE show_id = NEW.id AND ends_at IS NOT NULL;
    RETURN NULL;
END $$;


ALTER FUNCTION public.bo_show_duration_changed() OWNER TO bo_owner;

--
-- Name: bo_show_save(integer, text, integer, text, text, boolean, bytea, text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_show_save(p_show integer, p_title text, p_duration integer, p_description text, p_rating text, p_set_image boolean DEFAULT false, p_image bytea DEFAULT NULL::bytea, p_image_type text DEFAULT NULL::text) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
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


ALTER FUNCTION public.bo_show_save(p_show integer, p_title text, p_duration integer, p_description text, p_rating text, p_set_image boolean, p_image bytea, p_image_type text) OWNER TO bo_owner;

--
-- Name: bo_showtime_cancel(integer, text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_showtime_cancel(p_showtime integer, p_reason text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
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


ALTER FUNCTION public.bo_showtime_cancel(p_showtime integer, p_reason text) OWNER TO bo_owner;

--
-- Name: bo_showtime_fill(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_showtime_fill() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    v_minutes integer;
BEGIN
    SELECT p.venue_id, p.hall_id, v.off_sale_after_minutes INTO NEW.venue_id, NEW.hall_id, v_minutes
    FROM seating_plan p JOIN venue v ON v.id = p.venue_id WHERE p.id = NEW.plan_id;
    IF TG_OP = 'INSERT' OR NEW.starts_at IS DISTINCT FROM OLD.starts_at OR NEW.show_id IS DISTINCT FROM OLD.show_id
       OR NEW.plan_id IS DISTINCT FROM OLD.plan_id THEN
        SELECT NEW.starts_at + make_interval(mins => duration_minutes) INTO NEW.ends_at FROM show WHERE id = NEW.show_id;
    END IF;
    IF TG_OP = 'INSERT' OR NEW.off_sale_at IS DISTINCT FROM OLD.off_sale_at THEN
        NEW.off_sale_default := NEW.off_sale_at IS NULL;  -- a time given is explicit; NULL: the venue's default
    END IF;
    IF NEW.off_sale_default THEN
        NEW.off_sale_at := NEW.starts_at + make_interval(mins => coalesce(v_minutes, 30));
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.status = 'cancelled' AND NEW.status <> 'cancelled' THEN
        RAISE EXCEPTION 'showtime % is cancelled and stays cancelled', OLD.id USING ERRCODE = 'BO013';
    END IF;
    IF NEW.status = 'cancelled' AND NEW.cancelled_at IS NULL THEN
        NEW.cancelled_at := now();
    END IF;
    RETURN NEW;
END $$;


ALTER FUNCTION public.bo_showtime_fill() OWNER TO bo_owner;

--
-- Name: bo_showtime_inventory_cascade(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_showtime_inventory_cascade() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    DELETE FROM inventory i USING gone g WHERE i.showtime_id = g.id;
    RETURN NULL;
END $$;


ALTER FUNCTION public.bo_showtime_inventory_cascade() OWNER TO bo_owner;

--
-- Name: bo_showtime_move_plan(integer, integer); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_showtime_move_plan(p_showtime integer, p_new_plan integer) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
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


ALTER FUNCTION public.bo_showtime_move_plan(p_showtime integer, p_new_plan integer) OWNER TO bo_owner;

--
-- Name: bo_showtime_set_sales(integer, timestamp with time zone, timestamp with time zone, timestamp with time zone, boolean); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_showtime_set_sales(p_showtime integer, p_on_sale_at timestamp with time zone, p_off_sale_at timestamp with time zone, p_doors_open_at timestamp with time zone, p_paused boolean) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
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


ALTER FUNCTION public.bo_showtime_set_sales(p_showtime integer, p_on_sale_at timestamp with time zone, p_off_sale_at timestamp with time zone, p_doors_open_at timestamp with time zone, p_paused boolean) OWNER TO bo_owner;

--
-- Name: bo_showtime_slot(integer, timestamp with time zone, timestamp with time zone); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_showtime_slot(p_venue integer, p_starts timestamp with time zone, p_ends timestamp with time zone) RETURNS int8range
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT int8range(p_venue::bigint * 100000000000 + floor(extract(epoch FROM p_starts))::bigint,
                     p_venue::bigint * 100000000000 + ceil(extract(epoch FROM p_ends))::bigint)
$$;


ALTER FUNCTION public.bo_showtime_slot(p_venue integer, p_starts timestamp with time zone, p_ends timestamp with time zone) OWNER TO bo_owner;

--
-- Name: bo_showtimes_create(integer, integer, jsonb); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_showtimes_create(p_show integer, p_plan integer, p_showtimes jsonb) RETURNS integer[]
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
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


ALTER FUNCTION public.bo_showtimes_create(p_show integer, p_plan integer, p_showtimes jsonb) OWNER TO bo_owner;

--
-- Name: bo_signed_in(text, text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_signed_in(p_reason text, p_method text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    s staff%ROWTYPE;
BEGIN
    SELECT * INTO s FROM staff WHERE login = session_user FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the login % is not a staff account of this venue', session_user USING ERRCODE = '42501';
    END IF;
    IF NOT s.active THEN
        RAISE EXCEPTION 'staff account % is not active', s.username USING ERRCODE = 'BO011';
    END IF;
    UPDATE staff SET last_sign_in_at = clock_timestamp() WHERE id = s.id;
    PERFORM bo_audit('sign_in', 'staff ' || s.username,
                     jsonb_build_object('method', left(coalesce(p_method, 'password'), 20),
                                        'reason', left(coalesce(p_reason, 'start'), 20)));
    RETURN jsonb_build_object('staff_id', s.id, 'username', s.username, 'display_name', s.display_name,
                              'role', s.role);
END $$;


ALTER FUNCTION public.bo_signed_in(p_reason text, p_method text) OWNER TO bo_owner;

--
-- Name: bo_staff_create(text, text, text, text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_staff_create(p_username text, p_display_name text, p_role text, p_verifier text) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    login text := current_database() || '_' || p_username;
    new_id integer;
BEGIN
    PERFORM bo_require('accounts');
    PERFORM bo_check_verifier(p_verifier);
    IF p_role NOT IN ('cashier', 'door', 'manager', 'admin') THEN
        RAISE EXCEPTION 'unknown staff role %', p_role USING ERRCODE = '22023';
    END IF;
    IF octet_length(login) > 63 THEN
        RAISE EXCEPTION 'the login % is too long', login USING ERRCODE = '22023';
    END IF;
    INSERT INTO staff (username, display_name, role, login) VALUES (p_username, p_display_name, p_role, login)
    RETURNING id INTO new_id;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login) THEN
        RAISE EXCEPTION 'a database login named % already exists on this server', login USING ERRCODE = '23505',
            CONSTRAINT = 'staff_username_key';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', login, p_verifier, bo_group_of(p_role));
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), login);
    PERFORM bo_audit('staff_create', 'staff ' || p_username,
                     jsonb_build_object('staff_id', new_id, 'role', p_role, 'display_name', p_display_name));
    RETURN new_id;
END $$;


ALTER FUNCTION public.bo_staff_create(p_username text, p_display_name text, p_role text, p_verifier text) OWNER TO bo_owner;

--
-- Name: bo_staff_keep_an_admin(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_staff_keep_an_admin() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM old_rows WHERE role = 'admin' AND active) THEN
        -- Two admins demoting each other at once take turns here; the second one's
        -- statement below then sees the first's commit.
        PERFORM pg_advisory_xact_lock(hashtext('boxoffice.staff.admins'));
        IF NOT EXISTS (SELECT 1 FROM staff WHERE role = 'admin' AND active) THEN
            RAISE EXCEPTION 'the last active admin cannot be deactivated, demoted or removed'
                USING ERRCODE = 'BO012';
        END IF;
    END IF;
    RETURN NULL;
END $$;


ALTER FUNCTION public.bo_staff_keep_an_admin() OWNER TO bo_owner;

--
-- Name: bo_staff_set_password(integer, text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_staff_set_password(p_staff integer, p_verifier text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    s staff%ROWTYPE;
BEGIN
    SELECT * INTO s FROM staff WHERE id = p_staff FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no staff account %', p_staff USING ERRCODE = 'P0002';
    END IF;
    IF s.login IS DISTINCT FROM session_user::text THEN
        PERFORM bo_require('accounts');
    END IF;
    PERFORM bo_check_verifier(p_verifier);
    IF s.login IS NULL THEN
        UPDATE staff SET login = current_database() || '_' || s.username WHERE id = s.id RETURNING * INTO s;
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', s.login, p_verifier, bo_group_of(s.role));
        EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), s.login);
        IF NOT s.active THEN
            EXECUTE format('ALTER ROLE %I NOLOGIN', s.login);
        END IF;
    ELSE
        EXECUTE format('ALTER ROLE %I PASSWORD %L', s.login, p_verifier);
    END IF;
    PERFORM bo_audit('staff_password', 'staff ' || s.username, jsonb_build_object('staff_id', s.id));
END $$;


ALTER FUNCTION public.bo_staff_set_password(p_staff integer, p_verifier text) OWNER TO bo_owner;

--
-- Name: bo_staff_update(integer, text, text, boolean); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_staff_update(p_staff integer, p_display_name text, p_role text, p_active boolean) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    s staff%ROWTYPE;
    changes jsonb := '{}';
BEGIN
    PERFORM bo_require('accounts');
    SELECT * INTO s FROM staff WHERE id = p_staff FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no staff account %', p_staff USING ERRCODE = 'P0002';
    END IF;
    IF p_role IS NOT NULL AND p_role NOT IN ('cashier', 'door', 'manager', 'admin') THEN
        RAISE EXCEPTION 'unknown staff role %', p_role USING ERRCODE = '22023';
    END IF;
    UPDATE staff SET display_name = coalesce(p_display_name, display_name), role = coalesce(p_role, role),
                     active = coalesce(p_active, active)
    WHERE id = p_staff;
    IF p_display_name IS NOT NULL AND p_display_name <> s.display_name THEN
        changes := changes || jsonb_build_object('display_name', jsonb_build_object('old', s.display_name, 'new', p_display_name));
    END IF;
    IF p_role IS NOT NULL AND p_role <> s.role THEN
        changes := changes || jsonb_build_object('role', jsonb_build_object('old', s.role, 'new', p_role));
        IF s.login IS NOT NULL THEN
            EXECUTE format('REVOKE %I FROM %I', bo_group_of(s.role), s.login);
            EXECUTE format('GRANT %I TO %I', bo_group_of(p_role), s.login);
        END IF;
    END IF;
    IF p_active IS NOT NULL AND p_active <> s.active THEN
        changes := changes || jsonb_build_object('active', jsonb_build_object('old', s.active, 'new', p_active));
        IF s.login IS NOT NULL THEN
            EXECUTE format('ALTER ROLE %I %s', s.login, CASE WHEN p_active THEN 'LOGIN' ELSE 'NOLOGIN' END);
            IF NOT p_active THEN
                PERFORM pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE usename = s.login AND pid <> pg_backend_pid();
            END IF;
        END IF;
    END IF;
    IF changes <> '{}' THEN
        PERFORM bo_audit('staff_update', 'staff ' || s.username, changes || jsonb_build_object('staff_id', s.id));
    END IF;
END $$;


ALTER FUNCTION public.bo_staff_update(p_staff integer, p_display_name text, p_role text, p_active boolean) OWNER TO bo_owner;

--
-- Name: bo_ticket_ga_capacity(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_ticket_ga_capacity() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    cap integer;
BEGIN
    UPDATE ga_inventory SET capacity = capacity
    WHERE showtime_id = NEW.showtime_id AND ga_area_id = NEW.ga_area_id
    RETURNING capacity INTO cap;
    IF cap IS NULL THEN
        RAISE EXCEPTION 'area % is not part of showtime %', NEW.ga_area_id, NEW.showtime_id USING ERRCODE = 'BO016';
    END IF;
    IF bo_ga_taken(NEW.showtime_id, NEW.ga_area_id) > cap THEN
        RAISE EXCEPTION 'general admission area % of showtime % is over capacity', NEW.ga_area_id, NEW.showtime_id
            USING ERRCODE = 'BO016', DETAIL = NEW.ga_area_id::text;
    END IF;
    RETURN NULL;
END $$;


ALTER FUNCTION public.bo_ticket_ga_capacity() OWNER TO bo_owner;

--
-- Name: bo_ticket_promo_frozen(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_ticket_promo_frozen() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF (NEW.discount_minor, NEW.promo_code_id) IS DISTINCT FROM (OLD.discount_minor, OLD.promo_code_id)
       AND NOT bo_sale_amending() THEN
        RAISE EXCEPTION 'a sold ticket''s discount cannot change' USING ERRCODE = 'BO126';
    END IF;
    RETURN NEW;
END $$;


ALTER FUNCTION public.bo_ticket_promo_frozen() OWNER TO bo_owner;

--
-- Name: bo_ticket_refusal(bigint, integer, integer, boolean); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_ticket_refusal(p_ticket bigint, p_serial integer, p_showtime integer, p_entry boolean) RETURNS public.bo_admission_verdict
    LANGUAGE plpgsql STABLE
    AS $$
DECLARE
    t ticket%ROWTYPE;
    st showtime%ROWTYPE;
    v bo_admission_verdict;
BEGIN
    v.ticket_id := p_ticket;
    v.showtime_id := p_showtime;
    v.reason := '';
    v.reentry := false;
    v.replayed := false;
    SELECT * INTO t FROM ticket WHERE id = p_ticket;
    IF NOT FOUND OR t.showtime_id <> p_showtime THEN
        v.verdict := 'not_valid';
        v.reason := 'unknown ticket';
        RETURN v;
    END IF;
    SELECT * INTO st FROM showtime WHERE id = p_showtime;
    IF t.status <> 'valid' THEN
        v.verdict := 'void';
        v.reason := t.status;
        v.at := t.voided_at;
        RETURN v;
    END IF;
    IF p_serial IS NOT NULL AND t.code_serial <> p_serial THEN
        v.verdict := 'void';
        v.reason := 'reprinted';
        RETURN v;
    END IF;
    IF st.status = 'cancelled' THEN
        v.verdict := 'void';
        v.reason := 'cancelled';
        RETURN v;
    END IF;
    IF p_entry AND t.inside THEN
        v.verdict := 'already_admitted';
        v.at := t.admitted_at;
        v.gate := t.admitted_gate;
        RETURN v;
    END IF;
    IF NOT p_entry AND NOT t.inside THEN
        v.verdict := 'not_inside';
        v.at := t.admitted_at;
        v.gate := t.admitted_gate;
        RETURN v;
    END IF;
    RETURN NULL;
END $$;


ALTER FUNCTION public.bo_ticket_refusal(p_ticket bigint, p_serial integer, p_showtime integer, p_entry boolean) OWNER TO bo_owner;

--
-- Name: bo_ticket_requires_sold_seat(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_ticket_requires_sold_seat() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW.status = 'valid' AND NEW.seat_id IS NOT NULL THEN
        PERFORM 1 FROM inventory
        WHERE showtime_id = NEW.showtime_id AND seat_id = NEW.seat_id AND state = 'sold';
        IF NOT FOUND THEN
            RAISE EXCEPTION 'seat % of showtime % is not sold', NEW.seat_id, NEW.showtime_id
                USING ERRCODE = 'BO004';
        END IF;
    END IF;
    RETURN NEW;
END $$;


ALTER FUNCTION public.bo_ticket_requires_sold_seat() OWNER TO bo_owner;

--
-- Name: bo_ticket_status_one_way(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_ticket_status_one_way() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF OLD.status <> 'valid' AND NEW.status <> OLD.status THEN
        RAISE EXCEPTION 'ticket % is % and cannot become %', OLD.id, OLD.status, NEW.status
            USING ERRCODE = 'BO008';
    END IF;
    RETURN NEW;
END $$;


ALTER FUNCTION public.bo_ticket_status_one_way() OWNER TO bo_owner;

--
-- Name: bo_ticket_type_save(integer, integer, text, text, integer, boolean); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_ticket_type_save(p_type integer, p_venue integer, p_code text, p_name text, p_position integer, p_active boolean) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
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


ALTER FUNCTION public.bo_ticket_type_save(p_type integer, p_venue integer, p_code text, p_name text, p_position integer, p_active boolean) OWNER TO bo_owner;

--
-- Name: bo_ticket_typed_price(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_ticket_typed_price() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    v_price integer;
    v_category integer;
    v_what text := coalesce(NEW.seat_id::text, 'area ' || NEW.ga_area_id);
BEGIN
    IF NEW.ticket_type_id IS NULL OR (TG_OP = 'UPDATE' AND NEW.ticket_type_id IS NOT DISTINCT FROM OLD.ticket_type_id
                                      AND NEW.price_minor IS NOT DISTINCT FROM OLD.price_minor) THEN
        RETURN NEW;
    END IF;
    IF NEW.seat_id IS NOT NULL THEN
        SELECT s.category_id INTO v_category FROM seat s WHERE s.id = NEW.seat_id;
    ELSE
        SELECT a.category_id INTO v_category FROM ga_area a WHERE a.id = NEW.ga_area_id;
    END IF;
    IF v_category IS DISTINCT FROM NEW.category_id THEN
        RAISE EXCEPTION 'ticket category % is not the category of %', NEW.category_id, v_what
            USING ERRCODE = 'BO015', DETAIL = v_what;
    END IF;
    v_price := bo_type_price(NEW.showtime_id, NEW.category_id, NEW.ticket_type_id);
    IF v_price IS NULL THEN
        RAISE EXCEPTION 'ticket type % is not sold for % at this showtime', NEW.ticket_type_id, v_what
            USING ERRCODE = 'BO014', DETAIL = v_what;
    END IF;
    IF NEW.price_minor IS DISTINCT FROM v_price THEN
        RAISE EXCEPTION 'ticket price % is not the showtime''s price % for its type', NEW.price_minor, v_price
            USING ERRCODE = 'BO015', DETAIL = v_what;
    END IF;
    RETURN NEW;
END $$;


ALTER FUNCTION public.bo_ticket_typed_price() OWNER TO bo_owner;

--
-- Name: bo_ticket_vat_stamp(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_ticket_vat_stamp() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF NEW.vat_rate_bp IS DISTINCT FROM OLD.vat_rate_bp THEN
            RAISE EXCEPTION 'the VAT rate of a sold ticket cannot change' USING ERRCODE = 'BO102';
        END IF;
        RETURN NEW;
    END IF;
    SELECT coalesce(c.vat_rate_bp, v.vat_rate_bp) INTO NEW.vat_rate_bp
    FROM showtime st
    JOIN venue v ON v.id = st.venue_id
    LEFT JOIN price_category c ON c.id = NEW.category_id
    WHERE st.id = NEW.showtime_id;
    RETURN NEW;
END $$;


ALTER FUNCTION public.bo_ticket_vat_stamp() OWNER TO bo_owner;

--
-- Name: bo_tickets_give_back(bigint[], text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_tickets_give_back(p_tickets bigint[], p_status text) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    n integer;
BEGIN
    PERFORM 1 FROM inventory i JOIN ticket t ON t.showtime_id = i.showtime_id AND t.seat_id = i.seat_id
    WHERE t.id = ANY (p_tickets) ORDER BY i.showtime_id, i.seat_id FOR UPDATE OF i;
    WITH voided AS (
        UPDATE ticket SET status = p_status, voided_at = clock_timestamp()
        WHERE id = ANY (p_tickets) AND status = 'valid'
        RETURNING showtime_id, seat_id
    ), freed AS (
        UPDATE inventory i
        SET state = 'available', hold_token = NULL, hold_channel = NULL, hold_expires_at = NULL, hold_login = NULL
        FROM voided v
        WHERE i.showtime_id = v.showtime_id AND i.seat_id = v.seat_id AND i.state = 'sold'
        RETURNING 1
    )
    SELECT count(*) INTO n FROM voided;
    RETURN n;
END $$;


ALTER FUNCTION public.bo_tickets_give_back(p_tickets bigint[], p_status text) OWNER TO bo_owner;

--
-- Name: bo_tidy(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_tidy() RETURNS TABLE(bookings_expired integer, holds_released integer)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    n_bookings integer;
    n_holds integer;
BEGIN
    PERFORM bo_require('web');
    WITH lapsed AS (
        SELECT b.id FROM booking b WHERE b.status = 'pending' AND b.expires_at <= clock_timestamp()
        ORDER BY b.id FOR UPDATE SKIP LOCKED
    ), expired AS (
        UPDATE booking b SET status = 'expired', ended_at = clock_timestamp()
        FROM lapsed WHERE b.id = lapsed.id
        RETURNING 1
    )
    SELECT count(*) INTO n_bookings FROM expired;
    WITH lapsed AS (
        SELECT i.showtime_id, i.seat_id FROM inventory i
        WHERE i.state = 'held' AND i.hold_expires_at <= statement_timestamp()
        ORDER BY i.showtime_id, i.seat_id FOR UPDATE SKIP LOCKED
    ), released AS (
        UPDATE inventory i
        SET state = 'available', hold_token = NULL, hold_channel = NULL, hold_expires_at = NULL
        FROM lapsed
        WHERE i.showtime_id = lapsed.showtime_id AND i.seat_id = lapsed.seat_id
          AND i.state = 'held' AND i.hold_expires_at <= clock_timestamp()
        RETURNING 1
    )
    SELECT count(*) INTO n_holds FROM released;
    DELETE FROM ga_hold WHERE ctid IN (SELECT g.ctid FROM ga_hold g WHERE g.expires_at <= clock_timestamp()
                                       FOR UPDATE SKIP LOCKED);
    RETURN QUERY SELECT n_bookings, n_holds;
END $$;


ALTER FUNCTION public.bo_tidy() OWNER TO bo_owner;

--
-- Name: bo_type_price(integer, integer, integer); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_type_price(p_showtime integer, p_category integer, p_type integer) RETURNS integer
    LANGUAGE sql STABLE
    AS $$
    SELECT sp.price_minor
    FROM showtime_prices sp JOIN ticket_type tt ON tt.id = sp.ticket_type_id
    WHERE sp.showtime_id = p_showtime AND sp.category_id = p_category AND sp.ticket_type_id = p_type AND tt.active
$$;


ALTER FUNCTION public.bo_type_price(p_showtime integer, p_category integer, p_type integer) OWNER TO bo_owner;

--
-- Name: bo_type_price_not_full(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_type_price_not_full() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    PERFORM 1 FROM ticket_type WHERE id = NEW.ticket_type_id AND code = 'full';
    IF FOUND THEN
        RAISE EXCEPTION 'the full price of a showtime lives in showtime_price' USING ERRCODE = '22023';
    END IF;
    RETURN NEW;
END $$;


ALTER FUNCTION public.bo_type_price_not_full() OWNER TO bo_owner;

--
-- Name: bo_unblock(integer, integer[]); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_unblock(p_showtime integer, p_seats integer[]) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    n integer;
BEGIN
    PERFORM bo_require('block');
    WITH locked AS (
        SELECT seat_id FROM inventory
        WHERE showtime_id = p_showtime AND seat_id = ANY (p_seats) AND state = 'blocked'
        ORDER BY seat_id
        FOR UPDATE
    ), released AS (
        UPDATE inventory i SET state = 'available', block_reason = NULL
        FROM locked WHERE i.showtime_id = p_showtime AND i.seat_id = locked.seat_id AND i.state = 'blocked'
        RETURNING 1
    )
    SELECT count(*) INTO n FROM released;
    RETURN n;
END $$;


ALTER FUNCTION public.bo_unblock(p_showtime integer, p_seats integer[]) OWNER TO bo_owner;

--
-- Name: bo_vat_rate_check(integer); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_vat_rate_check(p_rate integer) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF p_rate IS NOT NULL AND NOT p_rate BETWEEN 0 AND 10000 THEN
        RAISE EXCEPTION 'a VAT rate is 0 %% to 100 %% (0 to 10000 basis points), not % basis points', p_rate
            USING ERRCODE = 'BO100';
    END IF;
END $$;


ALTER FUNCTION public.bo_vat_rate_check(p_rate integer) OWNER TO bo_owner;

--
-- Name: bo_venue_create(text, text, text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_venue_create(p_name text, p_currency text, p_timezone text) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $_$
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
END $_$;


ALTER FUNCTION public.bo_venue_create(p_name text, p_currency text, p_timezone text) OWNER TO bo_owner;

--
-- Name: bo_venue_hall(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_venue_hall() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    INSERT INTO hall (venue_id, name, position) VALUES (NEW.id, 'Main hall', 0);
    RETURN NULL;
END $$;


ALTER FUNCTION public.bo_venue_hall() OWNER TO bo_owner;

--
-- Name: bo_venue_receipt_set(integer, text, text, integer); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_venue_receipt_set(p_venue integer, p_address text, p_tax_number text, p_vat_rate_bp integer) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    v_address text := btrim(coalesce(p_address, ''));
    v_tax text := btrim(coalesce(p_tax_number, ''));
    old venue%ROWTYPE;
BEGIN
    PERFORM bo_require('setup');
    IF p_vat_rate_bp IS NULL THEN
        RAISE EXCEPTION 'a venue needs a VAT rate (0 for none)' USING ERRCODE = 'BO100';
    END IF;
    PERFORM bo_vat_rate_check(p_vat_rate_bp);
    IF length(v_address) > 500 THEN
        RAISE EXCEPTION 'an address has at most 500 characters' USING ERRCODE = 'BO101', DETAIL = 'address';
    END IF;
    IF length(v_tax) > 40 THEN
        RAISE EXCEPTION 'a tax number has at most 40 characters' USING ERRCODE = 'BO101', DETAIL = 'tax_number';
    END IF;
    SELECT * INTO old FROM venue WHERE id = p_venue FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'venue % does not exist', p_venue USING ERRCODE = 'P0002';
    END IF;
    UPDATE venue SET address = v_address, tax_number = v_tax, vat_rate_bp = p_vat_rate_bp WHERE id = p_venue;
    PERFORM bo_audit('config_change', 'venue ' || p_venue,
                     jsonb_build_object('change', 'receipt_details', 'address', v_address, 'tax_number', v_tax,
                                        'vat_rate_bp', p_vat_rate_bp, 'was_vat_rate_bp', old.vat_rate_bp));
END $$;


ALTER FUNCTION public.bo_venue_receipt_set(p_venue integer, p_address text, p_tax_number text, p_vat_rate_bp integer) OWNER TO bo_owner;

--
-- Name: bo_venue_ticket_types(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_venue_ticket_types() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    PERFORM bo_seed_ticket_types(NEW.id);
    RETURN NULL;
END $$;


ALTER FUNCTION public.bo_venue_ticket_types() OWNER TO bo_owner;

--
-- Name: bo_venue_update(integer, text, text, text, text, text, text, integer); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_venue_update(p_venue integer, p_name text, p_address text, p_tax_number text, p_currency text, p_timezone text, p_locale text, p_off_sale_minutes integer) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $_$
DECLARE
    old venue%ROWTYPE;
    v_name text := btrim(coalesce(p_name, ''));
    v_address text := btrim(coalesce(p_address, ''));
    v_tax text := btrim(coalesce(p_tax_number, ''));
    v_currency text := upper(btrim(coalesce(p_currency, '')));
    v_locale text := btrim(coalesce(p_locale, ''));
    v_changes jsonb := '{}';
BEGIN
    PERFORM bo_require('setup');
    SELECT * INTO old FROM venue WHERE id = p_venue FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'venue % does not exist', p_venue USING ERRCODE = 'P0002';
    END IF;
    IF v_name = '' OR length(v_name) > 200 THEN
        PERFORM bo_setting_refused('name', 'a venue needs a name of 1 to 200 characters');
    END IF;
    IF EXISTS (SELECT 1 FROM venue WHERE name = v_name AND id <> p_venue) THEN
        RAISE EXCEPTION 'there is already a venue called %', v_name USING ERRCODE = 'BO140', DETAIL = 'name';
    END IF;
    IF length(v_address) > 500 THEN
        PERFORM bo_setting_refused('address', 'an address has at most 500 characters');
    END IF;
    IF length(v_tax) > 40 THEN
        PERFORM bo_setting_refused('tax_number', 'a tax number has at most 40 characters');
    END IF;
    IF v_currency !~ '^[A-Z]{3}$' THEN
        PERFORM bo_setting_refused('currency', 'a currency is three letters (ISO 4217)');
    END IF;
    IF v_currency <> old.currency AND EXISTS (
        SELECT 1 FROM ticket t JOIN showtime st ON st.id = t.showtime_id WHERE st.venue_id = p_venue) THEN
        RAISE EXCEPTION 'the venue has sold tickets in %: its currency stays', old.currency
            USING ERRCODE = 'BO142', DETAIL = old.currency;
    END IF;
    IF p_timezone IS NULL OR NOT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = p_timezone) THEN
        PERFORM bo_setting_refused('timezone', 'unknown time zone');
    END IF;
    IF v_locale !~ '^[a-z]{2,3}(_[A-Za-z0-9]{2,4}){0,2}$' THEN
        PERFORM bo_setting_refused('locale', 'a locale looks like en_GB or de_DE');
    END IF;
    IF p_off_sale_minutes IS NULL OR p_off_sale_minutes NOT BETWEEN -1440 AND 1440 THEN
        PERFORM bo_setting_refused('off_sale_after_minutes',
                                   'sales close between 24 hours before and 24 hours after the start');
    END IF;
    UPDATE venue SET name = v_name, address = v_address, tax_number = v_tax, currency = v_currency,
                     timezone = p_timezone, locale = v_locale, off_sale_after_minutes = p_off_sale_minutes
    WHERE id = p_venue;
    IF p_off_sale_minutes <> old.off_sale_after_minutes THEN
        -- NULL: "the venue's default" again, which bo_showtime_fill works out with the new minutes
        UPDATE showtime SET off_sale_at = NULL WHERE venue_id = p_venue AND off_sale_default;
    END IF;
    SELECT coalesce(jsonb_object_agg(n.key, jsonb_build_object('was', o.value, 'now', n.value)), '{}') INTO v_changes
    FROM jsonb_each(jsonb_build_object('name', v_name, 'address', v_address, 'tax_number', v_tax,
                                       'currency', v_currency, 'timezone', p_timezone, 'locale', v_locale,
                                       'off_sale_after_minutes', p_off_sale_minutes)) n
    JOIN jsonb_each(to_jsonb(old)) o ON o.key = n.key
    WHERE o.value IS DISTINCT FROM n.value;
    IF v_changes <> '{}' THEN
        PERFORM bo_audit('config_change', 'venue ' || p_venue,
                         jsonb_build_object('change', 'venue_settings', 'changes', v_changes));
    END IF;
    RETURN v_changes;
END $_$;


ALTER FUNCTION public.bo_venue_update(p_venue integer, p_name text, p_address text, p_tax_number text, p_currency text, p_timezone text, p_locale text, p_off_sale_minutes integer) OWNER TO bo_owner;

--
-- Name: bo_web_admit(uuid, integer, text, text, public.bo_web_limits); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_web_admit(p_token uuid, p_size integer, p_client text, p_ip text, p_limits public.bo_web_limits) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    ck text := 'client:' || p_client;
    ik text := 'ip:' || p_ip;
    by_client integer;
    by_ip integer;
BEGIN
    IF p_token IS NULL OR p_ip IS NULL OR length(p_ip) NOT BETWEEN 1 AND 64
       OR (p_client IS NOT NULL AND length(p_client) NOT BETWEEN 1 AND 64) OR p_limits IS NULL
       OR p_limits.seats_per_hold IS NULL OR p_limits.seats_per_hold NOT BETWEEN 1 AND 500
       OR p_limits.held_per_client IS NULL OR p_limits.held_per_client NOT BETWEEN 1 AND 1000000
       OR p_limits.held_per_ip IS NULL OR p_limits.held_per_ip NOT BETWEEN 1 AND 1000000
       OR p_limits.holds_per_minute_client IS NULL OR p_limits.holds_per_minute_client NOT BETWEEN 1 AND 1000000
       OR p_limits.holds_per_minute_ip IS NULL OR p_limits.holds_per_minute_ip NOT BETWEEN 1 AND 1000000 THEN
        RAISE EXCEPTION 'a web hold needs a token, the buyer''s address (and client id, if any, up to 64 '
                        'characters) and limits of at least 1' USING ERRCODE = '22023';
    END IF;
    -- key order: 'client:...' sorts before 'ip:...', so every hold locks in one order
    IF p_client IS NOT NULL THEN
        PERFORM bo_web_spend(ck, p_limits.holds_per_minute_client);
    END IF;
    PERFORM bo_web_spend(ik, p_limits.holds_per_minute_ip);
    IF p_size > p_limits.seats_per_hold THEN
        RAISE EXCEPTION 'a web hold takes at most % seats', p_limits.seats_per_hold
            USING ERRCODE = 'BO110', DETAIL = p_limits.seats_per_hold::text;
    END IF;
    -- both bounds (upper bounds, migration 0028) in one statement
    SELECT coalesce(sum(seats) FILTER (WHERE client_key = ck), 0), coalesce(sum(seats) FILTER (WHERE ip_key = ik), 0)
    INTO by_client, by_ip
    FROM web_hold_owner
    WHERE (client_key = ck OR ip_key = ik) AND live_until > clock_timestamp() AND token <> p_token;
    IF p_client IS NOT NULL AND by_client + p_size > p_limits.held_per_client THEN
        PERFORM bo_web_within(ck, true, p_token, p_size, p_limits.held_per_client, 'client ' || p_client);
    END IF;
    IF by_ip + p_size > p_limits.held_per_ip THEN
        PERFORM bo_web_within(ik, false, p_token, p_size, p_limits.held_per_ip, 'address ' || p_ip);
    END IF;
END $$;


ALTER FUNCTION public.bo_web_admit(p_token uuid, p_size integer, p_client text, p_ip text, p_limits public.bo_web_limits) OWNER TO bo_owner;

--
-- Name: bo_web_booking_ended(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_web_booking_ended() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    UPDATE web_hold_owner o SET seats = x.seats
    FROM bo_web_token_live(NEW.hold_token) x
    WHERE o.token = NEW.hold_token AND o.seats <> x.seats;
    RETURN NULL;
END $$;


ALTER FUNCTION public.bo_web_booking_ended() OWNER TO bo_owner;

--
-- Name: bo_web_booking_made(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_web_booking_made() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    o web_hold_owner%ROWTYPE;
    x record;
BEGIN
    SELECT * INTO o FROM web_hold_owner WHERE token = NEW.source_token FOR UPDATE;
    IF NOT FOUND THEN
        RETURN NULL;  -- not a web hold
    END IF;
    SELECT * INTO x FROM bo_web_token_live(NEW.hold_token);
    INSERT INTO web_hold_owner AS w (token, client_key, ip_key, seen_at, seats, live_until)
    VALUES (NEW.hold_token, o.client_key, o.ip_key, clock_timestamp(), x.seats,
            greatest(x.until, NEW.expires_at, clock_timestamp()))
    ON CONFLICT (token) DO UPDATE SET seats = EXCLUDED.seats, live_until = EXCLUDED.live_until;
    UPDATE web_hold_owner SET seats = greatest(seats - x.seats, 0) WHERE token = NEW.source_token;
    RETURN NULL;
END $$;


ALTER FUNCTION public.bo_web_booking_made() OWNER TO bo_owner;

--
-- Name: bo_web_bound(text, boolean, uuid); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_web_bound(p_key text, p_client boolean, p_except uuid) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    IF p_client THEN
        RETURN (SELECT coalesce(sum(seats), 0) FROM web_hold_owner
                WHERE client_key = p_key AND live_until > clock_timestamp() AND token <> p_except);
    END IF;
    RETURN (SELECT coalesce(sum(seats), 0) FROM web_hold_owner
            WHERE ip_key = p_key AND live_until > clock_timestamp() AND token <> p_except);
END $$;


ALTER FUNCTION public.bo_web_bound(p_key text, p_client boolean, p_except uuid) OWNER TO bo_owner;

--
-- Name: bo_web_forget(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_web_forget() RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    n integer;
    m integer;
BEGIN
    PERFORM bo_require('web');
    DELETE FROM web_client WHERE key IN (
        SELECT key FROM web_client WHERE refilled_at < clock_timestamp() - interval '1 hour'
        FOR UPDATE SKIP LOCKED);
    GET DIAGNOSTICS n = ROW_COUNT;
    DELETE FROM web_hold_owner WHERE token IN (
        SELECT token FROM web_hold_owner WHERE live_until < clock_timestamp() - interval '5 minutes'
        FOR UPDATE SKIP LOCKED);
    GET DIAGNOSTICS m = ROW_COUNT;
    RETURN n + m;
END $$;


ALTER FUNCTION public.bo_web_forget() OWNER TO bo_owner;

--
-- Name: bo_web_ga_hold(integer, integer, integer, uuid, integer, text, text, public.bo_web_limits); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_web_ga_hold(p_showtime integer, p_area integer, p_quantity integer, p_token uuid, p_seconds integer, p_client text, p_ip text, p_limits public.bo_web_limits) RETURNS timestamp with time zone
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    size_ integer;
    expires timestamptz;
BEGIN
    PERFORM bo_require('web');
    IF p_area IS NULL OR p_quantity IS NULL OR p_quantity <= 0 OR p_seconds IS NULL
       OR p_seconds NOT BETWEEN 1 AND 3600 THEN
        RAISE EXCEPTION 'a web hold needs an area, a quantity and a lifetime of 1 to 3600 seconds'
            USING ERRCODE = '22023';
    END IF;
    size_ := bo_web_token_size(p_token, p_showtime, NULL, p_area) + p_quantity;
    PERFORM bo_web_admit(p_token, size_, p_client, p_ip, p_limits);
    expires := bo_ga_hold(p_showtime, p_area, p_quantity, p_token, 'web', p_seconds);
    PERFORM bo_web_record(p_token, size_, p_client, p_ip, expires);
    RETURN expires;
END $$;


ALTER FUNCTION public.bo_web_ga_hold(p_showtime integer, p_area integer, p_quantity integer, p_token uuid, p_seconds integer, p_client text, p_ip text, p_limits public.bo_web_limits) OWNER TO bo_owner;

--
-- Name: bo_web_hold(integer, integer[], uuid, integer, text, text, public.bo_web_limits); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_web_hold(p_showtime integer, p_seats integer[], p_token uuid, p_seconds integer, p_client text, p_ip text, p_limits public.bo_web_limits) RETURNS timestamp with time zone
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    wanted integer[];
    size_ integer;
    expires timestamptz;
    taken integer[];
    found integer;
BEGIN
    PERFORM bo_require('web');
    SELECT coalesce(array_agg(DISTINCT s ORDER BY s), '{}') INTO wanted FROM unnest(p_seats) s WHERE s IS NOT NULL;
    IF cardinality(wanted) = 0 OR p_seconds IS NULL OR p_seconds NOT BETWEEN 1 AND 3600 THEN
        RAISE EXCEPTION 'a web hold needs seats and a lifetime of 1 to 3600 seconds' USING ERRCODE = '22023';
    END IF;
    SELECT array_agg(i.seat_id ORDER BY i.seat_id) FILTER (
               WHERE i.state <> 'available'
                 AND NOT (i.state = 'held' AND (i.hold_expires_at <= clock_timestamp() OR i.hold_token = p_token))),
           count(*)
    INTO taken, found
    FROM inventory i WHERE i.showtime_id = p_showtime AND i.seat_id = ANY (wanted);
    IF taken IS NOT NULL AND found = cardinality(wanted) AND EXISTS (
        SELECT 1 FROM showtime st
        WHERE st.id = p_showtime AND coalesce(bo_sale_refusal(st.status, st.on_sale_at, st.off_sale_at), '') = ''
    ) THEN
        RAISE EXCEPTION 'seats not available' USING ERRCODE = 'BO001', DETAIL = array_to_string(taken, ',');
    END IF;
    size_ := bo_web_token_size(p_token, p_showtime, wanted, NULL) + cardinality(wanted);
    PERFORM bo_web_admit(p_token, size_, p_client, p_ip, p_limits);
    expires := bo_hold(p_showtime, wanted, p_token, 'web', p_seconds);
    PERFORM bo_web_record(p_token, size_, p_client, p_ip, expires);
    RETURN expires;
END $$;


ALTER FUNCTION public.bo_web_hold(p_showtime integer, p_seats integer[], p_token uuid, p_seconds integer, p_client text, p_ip text, p_limits public.bo_web_limits) OWNER TO bo_owner;

--
-- Name: bo_web_login(text, text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_web_login(p_name text, p_verifier text) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $_$
DECLARE
    login text := current_database() || '_web_' || p_name;
BEGIN
    PERFORM bo_require('accounts');
    PERFORM bo_check_verifier(p_verifier);
    IF p_name !~ '^[a-z0-9][a-z0-9._-]{0,20}$' THEN
        RAISE EXCEPTION 'a web login name is 1-21 lower-case letters, digits, dots, dashes' USING ERRCODE = '22023';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login) THEN
        EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', login, p_verifier);
    ELSE
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE bo_web', login, p_verifier);
    END IF;
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), login);
    PERFORM bo_audit('web_login', login, '{}');
    RETURN login;
END $_$;


ALTER FUNCTION public.bo_web_login(p_name text, p_verifier text) OWNER TO bo_owner;

--
-- Name: bo_web_record(uuid, integer, text, text, timestamp with time zone); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_web_record(p_token uuid, p_size integer, p_client text, p_ip text, p_expires timestamp with time zone) RETURNS void
    LANGUAGE sql
    SET search_path TO 'public', 'pg_temp'
    AS $$
    INSERT INTO web_hold_owner AS o (token, client_key, ip_key, seen_at, seats, live_until)
    VALUES (p_token, 'client:' || p_client, 'ip:' || p_ip, clock_timestamp(), p_size, p_expires)
    ON CONFLICT (token) DO UPDATE
    SET client_key = EXCLUDED.client_key, ip_key = EXCLUDED.ip_key, seen_at = EXCLUDED.seen_at,
        seats = EXCLUDED.seats,
        live_until = CASE WHEN o.live_until > clock_timestamp() THEN greatest(o.live_until, EXCLUDED.live_until)
                          ELSE EXCLUDED.live_until END
$$;


ALTER FUNCTION public.bo_web_record(p_token uuid, p_size integer, p_client text, p_ip text, p_expires timestamp with time zone) OWNER TO bo_owner;

--
-- Name: bo_web_recount(text, uuid); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_web_recount(p_key text, p_except uuid) RETURNS integer
    LANGUAGE sql
    SET search_path TO 'public', 'pg_temp'
    AS $$
    SELECT coalesce(sum(x.seats), 0)::integer
    FROM web_hold_owner o CROSS JOIN LATERAL bo_web_token_live(o.token) x
    WHERE (o.client_key = p_key OR o.ip_key = p_key) AND o.live_until > clock_timestamp() AND o.token <> p_except
$$;


ALTER FUNCTION public.bo_web_recount(p_key text, p_except uuid) OWNER TO bo_owner;

--
-- Name: bo_web_spend(text, integer); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_web_spend(p_key text, p_per_minute integer) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    left_ double precision;
BEGIN
    INSERT INTO web_client AS c (key, allowance, refilled_at) VALUES (p_key, p_per_minute - 1, clock_timestamp())
    ON CONFLICT (key) DO UPDATE
    SET allowance = least(p_per_minute::double precision,
                          c.allowance + greatest(extract(epoch FROM clock_timestamp() - c.refilled_at), 0)
                                        * p_per_minute / 60.0) - 1,
        refilled_at = clock_timestamp()
    RETURNING c.allowance INTO left_;
    IF left_ < 0 THEN  -- the statement's change goes with the error
        RAISE EXCEPTION 'too many holds from %', p_key
            USING ERRCODE = 'BO111', DETAIL = ceil(-left_ * 60.0 / p_per_minute)::integer::text;
    END IF;
END $$;


ALTER FUNCTION public.bo_web_spend(p_key text, p_per_minute integer) OWNER TO bo_owner;

--
-- Name: bo_web_token_live(uuid); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_web_token_live(p_token uuid, OUT seats integer, OUT until timestamp with time zone) RETURNS record
    LANGUAGE sql
    SET search_path TO 'public', 'pg_temp'
    AS $$
    SELECT (coalesce(i.n, 0) + coalesce(g.n, 0))::integer, greatest(i.until, g.until)
    FROM (SELECT count(*) AS n, max(hold_expires_at) AS until FROM inventory
          WHERE hold_token = p_token AND state = 'held' AND hold_expires_at > clock_timestamp()) i,
         (SELECT sum(quantity) AS n, max(expires_at) AS until FROM ga_hold
          WHERE token = p_token AND expires_at > clock_timestamp()) g
$$;


ALTER FUNCTION public.bo_web_token_live(p_token uuid, OUT seats integer, OUT until timestamp with time zone) OWNER TO bo_owner;

--
-- Name: bo_web_token_size(uuid, integer, integer[], integer); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_web_token_size(p_token uuid, p_showtime integer, p_seats integer[], p_area integer) RETURNS integer
    LANGUAGE sql
    SET search_path TO 'public', 'pg_temp'
    AS $$
    SELECT ((SELECT count(*) FROM inventory i
             WHERE i.hold_token = p_token AND i.state = 'held' AND i.hold_expires_at > clock_timestamp()
               AND NOT (i.showtime_id = p_showtime AND i.seat_id = ANY (coalesce(p_seats, '{}'))))
          + (SELECT coalesce(sum(g.quantity), 0) FROM ga_hold g
             WHERE g.token = p_token AND g.expires_at > clock_timestamp()
               AND NOT (g.showtime_id = p_showtime AND g.ga_area_id IS NOT DISTINCT FROM p_area)))::integer
$$;


ALTER FUNCTION public.bo_web_token_size(p_token uuid, p_showtime integer, p_seats integer[], p_area integer) OWNER TO bo_owner;

--
-- Name: bo_web_within(text, boolean, uuid, integer, integer, text); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_web_within(p_key text, p_client boolean, p_except uuid, p_size integer, p_limit integer, p_who text) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    held integer := bo_web_bound(p_key, p_client, p_except);
BEGIN
    IF held + p_size <= p_limit THEN
        RETURN;  -- the bound is enough: no count
    END IF;
    held := bo_web_recount(p_key, p_except);
    IF held + p_size > p_limit THEN
        RAISE EXCEPTION '% would hold more than % seats', p_who, p_limit
            USING ERRCODE = 'BO112',
                  DETAIL = format('%s,%s,%s', CASE WHEN p_client THEN 'client' ELSE 'ip' END, p_limit,
                                  greatest(p_limit - held, 0));
    END IF;
END $$;


ALTER FUNCTION public.bo_web_within(p_key text, p_client boolean, p_except uuid, p_size integer, p_limit integer, p_who text) OWNER TO bo_owner;

--
-- Name: bo_z_counter_step(); Type: FUNCTION; Schema: public; Owner: bo_owner
--

CREATE FUNCTION public.bo_z_counter_step() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW.last_number <> OLD.last_number + 1 THEN
        RAISE EXCEPTION 'the Z counter only counts up by one' USING ERRCODE = 'BO081', DETAIL = 'z_counter';
    END IF;
    RETURN NEW;
END $$;


ALTER FUNCTION public.bo_z_counter_step() OWNER TO bo_owner;

--
-- Name: admission; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.admission (
    id bigint NOT NULL,
    ticket_id bigint NOT NULL,
    showtime_id integer NOT NULL,
    kind character varying(5) NOT NULL,
    reentry boolean DEFAULT false NOT NULL,
    method character varying(6) DEFAULT 'scan'::character varying NOT NULL,
    gate character varying(60) NOT NULL,
    device character varying(100) NOT NULL,
    scanned_at timestamp with time zone NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    offline boolean DEFAULT false NOT NULL,
    offline_id uuid,
    CONSTRAINT admission_kind_check CHECK (((kind)::text = ANY ((ARRAY['entry'::character varying, 'exit'::character varying])::text[]))),
    CONSTRAINT admission_method_check CHECK (((method)::text = ANY ((ARRAY['scan'::character varying, 'manual'::character varying])::text[]))),
    CONSTRAINT admission_offline_has_id CHECK ((offline = (offline_id IS NOT NULL))),
    CONSTRAINT admission_reentry_is_entry CHECK (((NOT reentry) OR ((kind)::text = 'entry'::text)))
);


ALTER TABLE public.admission OWNER TO bo_owner;

--
-- Name: admission_conflict; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.admission_conflict (
    id bigint NOT NULL,
    offline_id uuid NOT NULL,
    ticket_id bigint NOT NULL,
    showtime_id integer NOT NULL,
    gate character varying(60) NOT NULL,
    device character varying(100) NOT NULL,
    scanned_at timestamp with time zone NOT NULL,
    verdict character varying(20) NOT NULL,
    reason text DEFAULT ''::text NOT NULL,
    other_gate character varying(60),
    other_at timestamp with time zone,
    reported_at timestamp with time zone DEFAULT now() NOT NULL,
    resolved_at timestamp with time zone,
    resolved_by character varying(100),
    note text,
    CONSTRAINT admission_conflict_verdict_check CHECK (((verdict)::text = ANY ((ARRAY['already_admitted'::character varying, 'void'::character varying, 'wrong_showtime'::character varying, 'not_valid'::character varying])::text[])))
);


ALTER TABLE public.admission_conflict OWNER TO bo_owner;

--
-- Name: admission_conflict_id_seq; Type: SEQUENCE; Schema: public; Owner: bo_owner
--

CREATE SEQUENCE public.admission_conflict_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.admission_conflict_id_seq OWNER TO bo_owner;

--
-- Name: admission_conflict_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: bo_owner
--

ALTER SEQUENCE public.admission_conflict_id_seq OWNED BY public.admission_conflict.id;


--
-- Name: admission_id_seq; Type: SEQUENCE; Schema: public; Owner: bo_owner
--

CREATE SEQUENCE public.admission_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.admission_id_seq OWNER TO bo_owner;

--
-- Name: admission_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: bo_owner
--

ALTER SEQUENCE public.admission_id_seq OWNED BY public.admission.id;


--
-- Name: alembic_version; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.alembic_version (
    version_num character varying(32) NOT NULL
);


ALTER TABLE public.alembic_version OWNER TO bo_owner;

--
-- Name: audit_log; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.audit_log (
    id bigint NOT NULL,
    at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    staff_id integer,
    actor character varying(100) NOT NULL,
    role character varying(10) NOT NULL,
    till character varying(100) DEFAULT ''::character varying NOT NULL,
    action character varying(40) NOT NULL,
    target character varying(200) DEFAULT ''::character varying NOT NULL,
    details jsonb DEFAULT '{}'::jsonb NOT NULL,
    db_user text DEFAULT SESSION_USER NOT NULL,
    xact bigint DEFAULT ((pg_current_xact_id())::text)::bigint NOT NULL
);


ALTER TABLE public.audit_log OWNER TO bo_owner;

--
-- Name: audit_log_id_seq; Type: SEQUENCE; Schema: public; Owner: bo_owner
--

CREATE SEQUENCE public.audit_log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.audit_log_id_seq OWNER TO bo_owner;

--
-- Name: audit_log_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: bo_owner
--

ALTER SEQUENCE public.audit_log_id_seq OWNED BY public.audit_log.id;


--
-- Name: booking; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.booking (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    showtime_id integer NOT NULL,
    channel character varying(60) NOT NULL,
    hold_token uuid DEFAULT gen_random_uuid() NOT NULL,
    source_token uuid NOT NULL,
    status character varying(12) DEFAULT 'pending'::character varying NOT NULL,
    email character varying(254),
    currency character varying(3) NOT NULL,
    total_minor integer NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    order_id integer,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    confirmed_at timestamp with time zone,
    ended_at timestamp with time zone,
    CONSTRAINT booking_expiry_after_creation CHECK ((expires_at > created_at)),
    CONSTRAINT booking_order_when_sold CHECK ((((status)::text = ANY ((ARRAY['confirmed'::character varying, 'refunded'::character varying])::text[])) = (order_id IS NOT NULL))),
    CONSTRAINT booking_status_check CHECK (((status)::text = ANY ((ARRAY['pending'::character varying, 'confirmed'::character varying, 'cancelled'::character varying, 'expired'::character varying, 'refunded'::character varying])::text[]))),
    CONSTRAINT booking_total_minor_check CHECK ((total_minor >= 0))
);


ALTER TABLE public.booking OWNER TO bo_owner;

--
-- Name: booking_line; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.booking_line (
    booking_id uuid NOT NULL,
    line_no integer NOT NULL,
    seat_id integer,
    ga_area_id integer,
    category_id integer NOT NULL,
    ticket_type_id integer NOT NULL,
    price_minor integer NOT NULL,
    discount_minor integer DEFAULT 0 NOT NULL,
    promo_code_id integer,
    CONSTRAINT booking_line_discount CHECK (((discount_minor >= 0) AND (discount_minor <= price_minor))),
    CONSTRAINT booking_line_price_minor_check CHECK ((price_minor >= 0)),
    CONSTRAINT booking_line_seat_or_area CHECK (((seat_id IS NULL) <> (ga_area_id IS NULL)))
);


ALTER TABLE public.booking_line OWNER TO bo_owner;

--
-- Name: booking_live; Type: VIEW; Schema: public; Owner: bo_owner
--

CREATE VIEW public.booking_live AS
 SELECT id,
    showtime_id,
    channel,
    hold_token,
    source_token,
        CASE
            WHEN (((status)::text = 'pending'::text) AND (expires_at <= clock_timestamp())) THEN 'expired'::character varying
            ELSE status
        END AS status,
    email,
    currency,
    total_minor,
    expires_at,
    order_id,
    created_at,
    confirmed_at,
    ended_at
   FROM public.booking;


ALTER VIEW public.booking_live OWNER TO bo_owner;

--
-- Name: booking_seat; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.booking_seat (
    booking_id uuid NOT NULL,
    seat_id integer NOT NULL,
    category_id integer NOT NULL,
    price_minor integer NOT NULL,
    CONSTRAINT booking_seat_price_minor_check CHECK ((price_minor >= 0))
);


ALTER TABLE public.booking_seat OWNER TO bo_owner;

--
-- Name: customer; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.customer (
    id integer NOT NULL,
    name character varying(120),
    email character varying(254),
    phone character varying(40),
    marketing_consent boolean DEFAULT false NOT NULL,
    consent_at timestamp with time zone,
    verified_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    erased_at timestamp with time zone,
    CONSTRAINT customer_consent_dated CHECK (((NOT marketing_consent) OR (consent_at IS NOT NULL))),
    CONSTRAINT customer_email_lower CHECK (((email)::text = lower((email)::text)))
);


ALTER TABLE public.customer OWNER TO bo_owner;

--
-- Name: customer_id_seq; Type: SEQUENCE; Schema: public; Owner: bo_owner
--

ALTER TABLE public.customer ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.customer_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: customer_order; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.customer_order (
    order_id integer NOT NULL,
    customer_id integer NOT NULL,
    linked_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE public.customer_order OWNER TO bo_owner;

--
-- Name: device_key_id_seq; Type: SEQUENCE; Schema: public; Owner: bo_owner
--

ALTER TABLE public.device_key ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.device_key_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    MAXVALUE 65535
    CACHE 1
);


--
-- Name: ga_area; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.ga_area (
    id integer NOT NULL,
    plan_id integer NOT NULL,
    name character varying(100) NOT NULL,
    capacity integer NOT NULL,
    category_id integer NOT NULL,
    x double precision DEFAULT 0 NOT NULL,
    y double precision DEFAULT 0 NOT NULL,
    w double precision DEFAULT 100 NOT NULL,
    h double precision DEFAULT 100 NOT NULL,
    CONSTRAINT ga_area_capacity_check CHECK (((capacity > 0) AND (capacity <= 100000))),
    CONSTRAINT ga_area_h_check CHECK ((h > (0)::double precision)),
    CONSTRAINT ga_area_w_check CHECK ((w > (0)::double precision))
);


ALTER TABLE public.ga_area OWNER TO bo_owner;

--
-- Name: price_category; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.price_category (
    id integer NOT NULL,
    plan_id integer NOT NULL,
    name character varying(100) NOT NULL,
    color character varying(16) DEFAULT '#888888'::character varying NOT NULL,
    "position" integer DEFAULT 0 NOT NULL,
    vat_rate_bp integer,
    CONSTRAINT price_category_vat_rate_range CHECK (((vat_rate_bp >= 0) AND (vat_rate_bp <= 10000)))
);


ALTER TABLE public.price_category OWNER TO bo_owner;

--
-- Name: seat; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.seat (
    id integer NOT NULL,
    plan_id integer NOT NULL,
    section_id integer NOT NULL,
    category_id integer NOT NULL,
    guid character varying(200) NOT NULL,
    row_label character varying(40) NOT NULL,
    seat_number character varying(40) NOT NULL,
    x double precision NOT NULL,
    y double precision NOT NULL,
    radius double precision DEFAULT 10 NOT NULL,
    wheelchair boolean DEFAULT false NOT NULL,
    companion boolean DEFAULT false NOT NULL
);


ALTER TABLE public.seat OWNER TO bo_owner;

--
-- Name: section; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.section (
    id integer NOT NULL,
    plan_id integer NOT NULL,
    name character varying(200) NOT NULL,
    "position" integer DEFAULT 0 NOT NULL,
    best_rank integer,
    CONSTRAINT section_best_rank_range CHECK (((best_rank >= 1) AND (best_rank <= 1000)))
);


ALTER TABLE public.section OWNER TO bo_owner;

--
-- Name: show; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.show (
    id integer NOT NULL,
    title character varying(200) NOT NULL,
    duration_minutes integer DEFAULT 120 NOT NULL,
    description text DEFAULT ''::text NOT NULL,
    rating character varying(20) DEFAULT ''::character varying NOT NULL,
    image bytea,
    image_type character varying(20),
    CONSTRAINT show_duration_minutes_check CHECK ((duration_minutes > 0)),
    CONSTRAINT show_image_small CHECK (((image IS NULL) OR (octet_length(image) <= 524288))),
    CONSTRAINT show_image_typed CHECK ((((image IS NULL) = (image_type IS NULL)) AND ((image_type IS NULL) OR ((image_type)::text = ANY ((ARRAY['image/png'::character varying, 'image/jpeg'::character varying])::text[])))))
);


ALTER TABLE public.show OWNER TO bo_owner;

--
-- Name: showtime; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.showtime (
    id integer NOT NULL,
    show_id integer NOT NULL,
    plan_id integer NOT NULL,
    starts_at timestamp with time zone NOT NULL,
    status character varying(20) DEFAULT 'on_sale'::character varying NOT NULL,
    doors_open_at timestamp with time zone,
    venue_id integer NOT NULL,
    ends_at timestamp with time zone,
    on_sale_at timestamp with time zone,
    off_sale_at timestamp with time zone,
    cancelled_at timestamp with time zone,
    cancel_reason character varying(200),
    hall_id integer NOT NULL,
    off_sale_default boolean DEFAULT false NOT NULL,
    CONSTRAINT showtime_cancelled_when CHECK ((((status)::text = 'cancelled'::text) = (cancelled_at IS NOT NULL))),
    CONSTRAINT showtime_ends_after_start CHECK (((ends_at IS NULL) OR (ends_at > starts_at))),
    CONSTRAINT showtime_sale_window CHECK (((on_sale_at IS NULL) OR (off_sale_at IS NULL) OR (on_sale_at < off_sale_at))),
    CONSTRAINT showtime_status_check CHECK (((status)::text = ANY ((ARRAY['on_sale'::character varying, 'off_sale'::character varying, 'cancelled'::character varying])::text[])))
);


ALTER TABLE public.showtime OWNER TO bo_owner;

--
-- Name: ticket; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.ticket (
    id bigint NOT NULL,
    order_id integer NOT NULL,
    showtime_id integer NOT NULL,
    seat_id integer,
    category_id integer NOT NULL,
    price_minor integer NOT NULL,
    status character varying(12) DEFAULT 'valid'::character varying NOT NULL,
    code_serial integer DEFAULT 1 NOT NULL,
    voided_at timestamp with time zone,
    inside boolean DEFAULT false NOT NULL,
    admitted_at timestamp with time zone,
    admitted_gate character varying(60),
    entries integer DEFAULT 0 NOT NULL,
    ticket_type_id integer,
    ga_area_id integer,
    key_id integer,
    vat_rate_bp integer,
    discount_minor integer DEFAULT 0 NOT NULL,
    promo_code_id integer,
    CONSTRAINT ticket_admission_complete CHECK ((((entries = 0) = (admitted_at IS NULL)) AND ((admitted_at IS NULL) = (admitted_gate IS NULL)) AND ((NOT inside) OR (entries > 0)) AND (entries >= 0))),
    CONSTRAINT ticket_discount_has_code CHECK (((discount_minor = 0) OR (promo_code_id IS NOT NULL))),
    CONSTRAINT ticket_discount_within_price CHECK (((discount_minor >= 0) AND (discount_minor <= price_minor))),
    CONSTRAINT ticket_price_minor_check CHECK ((price_minor >= 0)),
    CONSTRAINT ticket_seat_or_area CHECK (((seat_id IS NULL) <> (ga_area_id IS NULL))),
    CONSTRAINT ticket_status_check CHECK (((status)::text = ANY ((ARRAY['valid'::character varying, 'refunded'::character varying, 'exchanged'::character varying, 'void'::character varying])::text[]))),
    CONSTRAINT ticket_vat_rate_range CHECK (((vat_rate_bp >= 0) AND (vat_rate_bp <= 10000))),
    CONSTRAINT ticket_voided_when_not_valid CHECK ((((status)::text = 'valid'::text) = (voided_at IS NULL)))
);


ALTER TABLE public.ticket OWNER TO bo_owner;

--
-- Name: ticket_type; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.ticket_type (
    id integer NOT NULL,
    venue_id integer NOT NULL,
    code character varying(30) NOT NULL,
    name character varying(60) NOT NULL,
    "position" integer DEFAULT 0 NOT NULL,
    active boolean DEFAULT true NOT NULL,
    CONSTRAINT ticket_type_code_check CHECK (((code)::text ~ '^[a-z][a-z0-9_]*$'::text)),
    CONSTRAINT ticket_type_name_check CHECK ((btrim((name)::text) <> ''::text))
);


ALTER TABLE public.ticket_type OWNER TO bo_owner;

--
-- Name: door_ticket; Type: VIEW; Schema: public; Owner: bo_owner
--

CREATE VIEW public.door_ticket AS
 SELECT t.id AS ticket_id,
    t.showtime_id,
    t.order_id,
    o.number AS order_number,
    t.status,
    t.code_serial,
    t.inside,
    t.admitted_at,
    t.admitted_gate,
    t.entries,
    COALESCE(sec.name, ga.name) AS section,
    COALESCE(s.row_label, ''::character varying) AS row_label,
    COALESCE(s.seat_number, ''::character varying) AS seat_number,
    COALESCE(s.wheelchair, false) AS wheelchair,
    pc.name AS category,
    sh.title AS show_title,
    st.starts_at,
    st.status AS showtime_status,
    COALESCE(st.doors_open_at, (st.starts_at - '00:45:00'::interval)) AS doors_open_at,
    COALESCE(tt.name, ft.name, 'Full'::character varying) AS ticket_type,
    COALESCE(tt.code, 'full'::character varying) AS ticket_type_code,
    COALESCE(s.companion, false) AS companion,
    (t.ga_area_id IS NOT NULL) AS general_admission
   FROM (((((((((public.ticket t
     JOIN public.orders o ON ((o.id = t.order_id)))
     LEFT JOIN public.seat s ON ((s.id = t.seat_id)))
     LEFT JOIN public.section sec ON ((sec.id = s.section_id)))
     LEFT JOIN public.ga_area ga ON ((ga.id = t.ga_area_id)))
     JOIN public.price_category pc ON ((pc.id = t.category_id)))
     JOIN public.showtime st ON ((st.id = t.showtime_id)))
     JOIN public.show sh ON ((sh.id = st.show_id)))
     LEFT JOIN public.ticket_type tt ON ((tt.id = t.ticket_type_id)))
     LEFT JOIN public.ticket_type ft ON (((ft.venue_id = st.venue_id) AND ((ft.code)::text = 'full'::text))));


ALTER VIEW public.door_ticket OWNER TO bo_owner;

--
-- Name: drawer_movement; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.drawer_movement (
    id bigint NOT NULL,
    shift_id integer NOT NULL,
    kind character varying(10) NOT NULL,
    amount_minor integer NOT NULL,
    reason character varying(200) NOT NULL,
    staff_id integer,
    created_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    CONSTRAINT drawer_movement_amount_minor_check CHECK (((amount_minor >= 1) AND (amount_minor <= 100000000))),
    CONSTRAINT drawer_movement_kind_check CHECK (((kind)::text = ANY ((ARRAY['drop'::character varying, 'payout'::character varying])::text[]))),
    CONSTRAINT drawer_movement_reason_check CHECK ((btrim((reason)::text) <> ''::text))
);


ALTER TABLE public.drawer_movement OWNER TO bo_owner;

--
-- Name: drawer_movement_id_seq; Type: SEQUENCE; Schema: public; Owner: bo_owner
--

CREATE SEQUENCE public.drawer_movement_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.drawer_movement_id_seq OWNER TO bo_owner;

--
-- Name: drawer_movement_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: bo_owner
--

ALTER SEQUENCE public.drawer_movement_id_seq OWNED BY public.drawer_movement.id;


--
-- Name: exchange; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.exchange (
    id integer NOT NULL,
    from_order_id integer NOT NULL,
    to_order_id integer NOT NULL,
    credit_minor integer NOT NULL,
    new_total_minor integer NOT NULL,
    credit_refund_id integer NOT NULL,
    remainder_refund_id integer,
    staff_id integer,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT exchange_credit_minor_check CHECK ((credit_minor >= 0)),
    CONSTRAINT exchange_new_total_minor_check CHECK ((new_total_minor >= 0))
);


ALTER TABLE public.exchange OWNER TO bo_owner;

--
-- Name: exchange_id_seq; Type: SEQUENCE; Schema: public; Owner: bo_owner
--

CREATE SEQUENCE public.exchange_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.exchange_id_seq OWNER TO bo_owner;

--
-- Name: exchange_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: bo_owner
--

ALTER SEQUENCE public.exchange_id_seq OWNED BY public.exchange.id;


--
-- Name: ga_area_id_seq; Type: SEQUENCE; Schema: public; Owner: bo_owner
--

CREATE SEQUENCE public.ga_area_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.ga_area_id_seq OWNER TO bo_owner;

--
-- Name: ga_area_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: bo_owner
--

ALTER SEQUENCE public.ga_area_id_seq OWNED BY public.ga_area.id;


--
-- Name: ga_hold; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.ga_hold (
    token uuid NOT NULL,
    showtime_id integer NOT NULL,
    ga_area_id integer NOT NULL,
    quantity integer NOT NULL,
    channel character varying(60) NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    hold_login name,
    CONSTRAINT ga_hold_quantity_check CHECK ((quantity > 0))
);


ALTER TABLE public.ga_hold OWNER TO bo_owner;

--
-- Name: ga_inventory; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.ga_inventory (
    showtime_id integer NOT NULL,
    ga_area_id integer NOT NULL,
    capacity integer NOT NULL,
    CONSTRAINT ga_inventory_capacity_check CHECK ((capacity > 0))
);


ALTER TABLE public.ga_inventory OWNER TO bo_owner;

--
-- Name: ga_availability; Type: VIEW; Schema: public; Owner: bo_owner
--

CREATE VIEW public.ga_availability AS
 SELECT gi.showtime_id,
    gi.ga_area_id,
    a.name,
    gi.capacity,
    a.category_id,
    (( SELECT count(*) AS count
           FROM public.ticket t
          WHERE ((t.showtime_id = gi.showtime_id) AND (t.ga_area_id = gi.ga_area_id) AND ((t.status)::text = 'valid'::text))))::integer AS sold,
    (( SELECT COALESCE(sum(h.quantity), (0)::bigint) AS "coalesce"
           FROM public.ga_hold h
          WHERE ((h.showtime_id = gi.showtime_id) AND (h.ga_area_id = gi.ga_area_id) AND (h.expires_at > clock_timestamp()))))::integer AS held,
    (gi.capacity - public.bo_ga_taken(gi.showtime_id, gi.ga_area_id)) AS available
   FROM (public.ga_inventory gi
     JOIN public.ga_area a ON ((a.id = gi.ga_area_id)));


ALTER VIEW public.ga_availability OWNER TO bo_owner;

--
-- Name: hall; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.hall (
    id integer NOT NULL,
    venue_id integer NOT NULL,
    name character varying(100) NOT NULL,
    "position" integer DEFAULT 0 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT hall_name_check CHECK (((btrim((name)::text) <> ''::text) AND ((name)::text = btrim((name)::text))))
);


ALTER TABLE public.hall OWNER TO bo_owner;

--
-- Name: hall_id_seq; Type: SEQUENCE; Schema: public; Owner: bo_owner
--

CREATE SEQUENCE public.hall_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.hall_id_seq OWNER TO bo_owner;

--
-- Name: hall_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: bo_owner
--

ALTER SEQUENCE public.hall_id_seq OWNED BY public.hall.id;


--
-- Name: inventory_version_seq; Type: SEQUENCE; Schema: public; Owner: bo_owner
--

CREATE SEQUENCE public.inventory_version_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.inventory_version_seq OWNER TO bo_owner;

--
-- Name: inventory; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.inventory (
    showtime_id integer NOT NULL,
    seat_id integer NOT NULL,
    state character varying(10) DEFAULT 'available'::character varying NOT NULL,
    hold_token uuid,
    hold_channel character varying(60),
    hold_expires_at timestamp with time zone,
    version bigint DEFAULT nextval('public.inventory_version_seq'::regclass) NOT NULL,
    block_reason character varying(200),
    hold_login name,
    CONSTRAINT inventory_hold_complete CHECK ((((state)::text <> 'held'::text) OR ((hold_token IS NOT NULL) AND (hold_expires_at IS NOT NULL)))),
    CONSTRAINT inventory_state_check CHECK (((state)::text = ANY ((ARRAY['available'::character varying, 'held'::character varying, 'sold'::character varying, 'blocked'::character varying])::text[])))
);


ALTER TABLE public.inventory OWNER TO bo_owner;

--
-- Name: inventory_live; Type: VIEW; Schema: public; Owner: bo_owner
--

CREATE VIEW public.inventory_live AS
 SELECT showtime_id,
    seat_id,
        CASE
            WHEN (((state)::text = 'held'::text) AND (hold_expires_at <= clock_timestamp())) THEN 'available'::character varying
            ELSE state
        END AS state,
        CASE
            WHEN (((state)::text = 'held'::text) AND (hold_expires_at > clock_timestamp())) THEN hold_token
            ELSE NULL::uuid
        END AS hold_token,
        CASE
            WHEN (((state)::text = 'held'::text) AND (hold_expires_at > clock_timestamp())) THEN hold_channel
            ELSE NULL::character varying
        END AS hold_channel,
        CASE
            WHEN (((state)::text = 'held'::text) AND (hold_expires_at > clock_timestamp())) THEN hold_expires_at
            ELSE NULL::timestamp with time zone
        END AS hold_expires_at,
    version,
        CASE
            WHEN (((state)::text = 'held'::text) AND (hold_expires_at > clock_timestamp()) AND ((hold_login = SESSION_USER) OR (( SELECT public.bo_caller_kind() AS bo_caller_kind) = 'system'::text))) THEN hold_token
            ELSE NULL::uuid
        END AS own_hold_token
   FROM public.inventory;


ALTER VIEW public.inventory_live OWNER TO bo_owner;

--
-- Name: late_sale_pass; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.late_sale_pass (
    nonce uuid NOT NULL
);


ALTER TABLE public.late_sale_pass OWNER TO bo_owner;

--
-- Name: mail_outbox; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.mail_outbox (
    id bigint NOT NULL,
    kind character varying(20) NOT NULL,
    booking_id uuid,
    recipient character varying(254),
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    next_attempt_at timestamp with time zone DEFAULT now() NOT NULL,
    last_error character varying(500),
    sent_at timestamp with time zone,
    CONSTRAINT mail_outbox_kind_check CHECK (((kind)::text = 'tickets'::text))
);


ALTER TABLE public.mail_outbox OWNER TO bo_owner;

--
-- Name: mail_outbox_id_seq; Type: SEQUENCE; Schema: public; Owner: bo_owner
--

ALTER TABLE public.mail_outbox ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.mail_outbox_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: manager_override; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.manager_override (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    kind character varying(20) NOT NULL,
    reason character varying(200) NOT NULL,
    granted_by integer,
    till character varying(100) DEFAULT ''::character varying NOT NULL,
    granted_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    used_at timestamp with time zone,
    used_by integer,
    order_id integer,
    showtime_id integer,
    for_staff integer,
    held_at timestamp with time zone,
    CONSTRAINT manager_override_kind_check CHECK (((kind)::text = ANY ((ARRAY['comp'::character varying, 'late_sale'::character varying])::text[]))),
    CONSTRAINT manager_override_late_sale_bound CHECK ((((kind)::text = 'late_sale'::text) = ((showtime_id IS NOT NULL) AND (for_staff IS NOT NULL)))),
    CONSTRAINT manager_override_reason_check CHECK ((btrim((reason)::text) <> ''::text)),
    CONSTRAINT manager_override_used_together CHECK (((used_at IS NULL) = (order_id IS NULL)))
);


ALTER TABLE public.manager_override OWNER TO bo_owner;

--
-- Name: order_customer; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.order_customer (
    order_id integer NOT NULL,
    name character varying(120),
    email character varying(254),
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT order_customer_named CHECK (((name IS NOT NULL) OR (email IS NOT NULL)))
);


ALTER TABLE public.order_customer OWNER TO bo_owner;

--
-- Name: order_paid; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.order_paid (
    order_id integer NOT NULL,
    paid_minor bigint NOT NULL,
    CONSTRAINT order_paid_paid_minor_check CHECK ((paid_minor >= 0))
);


ALTER TABLE public.order_paid OWNER TO bo_owner;

--
-- Name: orders_id_seq; Type: SEQUENCE; Schema: public; Owner: bo_owner
--

CREATE SEQUENCE public.orders_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.orders_id_seq OWNER TO bo_owner;

--
-- Name: orders_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: bo_owner
--

ALTER SEQUENCE public.orders_id_seq OWNED BY public.orders.id;


--
-- Name: payment; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.payment (
    id integer NOT NULL,
    order_id integer NOT NULL,
    method character varying(20) NOT NULL,
    amount_minor integer NOT NULL,
    tendered_minor integer NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    reference character varying(100),
    shift_id integer,
    comp_reason character varying(200),
    override_id uuid,
    CONSTRAINT payment_amount_not_negative CHECK ((amount_minor >= 0)),
    CONSTRAINT payment_change_only_cash CHECK ((((method)::text = 'cash'::text) OR (tendered_minor = amount_minor))),
    CONSTRAINT payment_comp_reason CHECK (((((method)::text = 'comp'::text) = (comp_reason IS NOT NULL)) AND ((comp_reason IS NULL) OR (btrim((comp_reason)::text) <> ''::text)))),
    CONSTRAINT payment_method_check CHECK (((method)::text = ANY ((ARRAY['cash'::character varying, 'card'::character varying, 'online'::character varying, 'comp'::character varying, 'exchange'::character varying])::text[]))),
    CONSTRAINT payment_override_only_comp CHECK (((override_id IS NULL) OR ((method)::text = 'comp'::text))),
    CONSTRAINT payment_tendered_covers_amount CHECK ((tendered_minor >= amount_minor))
);


ALTER TABLE public.payment OWNER TO bo_owner;

--
-- Name: payment_id_seq; Type: SEQUENCE; Schema: public; Owner: bo_owner
--

CREATE SEQUENCE public.payment_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.payment_id_seq OWNER TO bo_owner;

--
-- Name: payment_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: bo_owner
--

ALTER SEQUENCE public.payment_id_seq OWNED BY public.payment.id;


--
-- Name: payment_session; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.payment_session (
    id character varying(40) NOT NULL,
    booking_id uuid NOT NULL,
    amount_minor integer NOT NULL,
    currency character varying(3) NOT NULL,
    status character varying(12) DEFAULT 'open'::character varying NOT NULL,
    outcome character varying(12),
    expires_at timestamp with time zone NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    completed_at timestamp with time zone,
    CONSTRAINT payment_session_amount_minor_check CHECK ((amount_minor >= 0)),
    CONSTRAINT payment_session_outcome_check CHECK (((outcome)::text = ANY ((ARRAY['succeeded'::character varying, 'failed'::character varying, 'expired'::character varying])::text[]))),
    CONSTRAINT payment_session_status_check CHECK (((status)::text = ANY ((ARRAY['open'::character varying, 'succeeded'::character varying, 'failed'::character varying, 'expired'::character varying, 'refund_due'::character varying])::text[])))
);


ALTER TABLE public.payment_session OWNER TO bo_owner;

--
-- Name: plan_area; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.plan_area (
    id integer NOT NULL,
    plan_id integer NOT NULL,
    section_id integer,
    shape jsonb NOT NULL
);


ALTER TABLE public.plan_area OWNER TO bo_owner;

--
-- Name: plan_area_id_seq; Type: SEQUENCE; Schema: public; Owner: bo_owner
--

CREATE SEQUENCE public.plan_area_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.plan_area_id_seq OWNER TO bo_owner;

--
-- Name: plan_area_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: bo_owner
--

ALTER SEQUENCE public.plan_area_id_seq OWNED BY public.plan_area.id;


--
-- Name: price_category_id_seq; Type: SEQUENCE; Schema: public; Owner: bo_owner
--

CREATE SEQUENCE public.price_category_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.price_category_id_seq OWNER TO bo_owner;

--
-- Name: price_category_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: bo_owner
--

ALTER SEQUENCE public.price_category_id_seq OWNED BY public.price_category.id;


--
-- Name: price_rule; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.price_rule (
    id integer NOT NULL,
    venue_id integer NOT NULL,
    plan_id integer,
    name character varying(100) NOT NULL,
    weekdays smallint[] DEFAULT '{1,2,3,4,5,6,7}'::smallint[] NOT NULL,
    from_time time without time zone,
    until_time time without time zone,
    category_id integer,
    ticket_type_id integer NOT NULL,
    kind character varying(10) NOT NULL,
    amount_minor integer,
    percent numeric(7,2),
    "position" integer DEFAULT 0 NOT NULL,
    active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT price_rule_adjustment CHECK (((((kind)::text = 'percent'::text) AND (percent IS NOT NULL) AND (amount_minor IS NULL) AND ((percent >= ('-100'::integer)::numeric) AND (percent <= (1000)::numeric))) OR (((kind)::text = 'set'::text) AND (amount_minor IS NOT NULL) AND (percent IS NULL) AND ((amount_minor >= 0) AND (amount_minor <= 10000000))) OR (((kind)::text = 'add'::text) AND (amount_minor IS NOT NULL) AND (percent IS NULL) AND (abs(amount_minor) <= 10000000)))),
    CONSTRAINT price_rule_kind_check CHECK (((kind)::text = ANY ((ARRAY['set'::character varying, 'add'::character varying, 'percent'::character varying])::text[]))),
    CONSTRAINT price_rule_name_check CHECK ((btrim((name)::text) <> ''::text)),
    CONSTRAINT price_rule_weekdays CHECK ((((cardinality(weekdays) >= 1) AND (cardinality(weekdays) <= 7)) AND (weekdays <@ '{1,2,3,4,5,6,7}'::smallint[]))),
    CONSTRAINT price_rule_window CHECK (((from_time IS NULL) OR (until_time IS NULL) OR (from_time < until_time)))
);


ALTER TABLE public.price_rule OWNER TO bo_owner;

--
-- Name: price_rule_id_seq; Type: SEQUENCE; Schema: public; Owner: bo_owner
--

CREATE SEQUENCE public.price_rule_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.price_rule_id_seq OWNER TO bo_owner;

--
-- Name: price_rule_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: bo_owner
--

ALTER SEQUENCE public.price_rule_id_seq OWNED BY public.price_rule.id;


--
-- Name: promo_code; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.promo_code (
    id integer NOT NULL,
    code character varying(30) NOT NULL,
    description character varying(200) DEFAULT ''::character varying NOT NULL,
    kind character varying(10) NOT NULL,
    percent integer,
    amount_minor integer,
    show_id integer,
    showtime_id integer,
    category_id integer,
    ticket_type_id integer,
    valid_from timestamp with time zone,
    valid_until timestamp with time zone,
    max_uses integer,
    max_uses_per_customer integer,
    active boolean DEFAULT true NOT NULL,
    epoch integer DEFAULT 1 NOT NULL,
    redemptions integer DEFAULT 0 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT promo_code_amount_minor_check CHECK (((amount_minor >= 1) AND (amount_minor <= 1000000000))),
    CONSTRAINT promo_code_code_check CHECK (((code)::text ~ '^[A-Z0-9][A-Z0-9_-]{2,29}$'::text)),
    CONSTRAINT promo_code_kind_check CHECK (((kind)::text = ANY ((ARRAY['percent'::character varying, 'amount'::character varying])::text[]))),
    CONSTRAINT promo_code_max_uses_check CHECK ((max_uses > 0)),
    CONSTRAINT promo_code_max_uses_per_customer_check CHECK ((max_uses_per_customer > 0)),
    CONSTRAINT promo_code_percent_check CHECK (((percent >= 1) AND (percent <= 100))),
    CONSTRAINT promo_code_value CHECK (((((kind)::text = 'percent'::text) = (percent IS NOT NULL)) AND (((kind)::text = 'amount'::text) = (amount_minor IS NOT NULL)))),
    CONSTRAINT promo_code_window CHECK (((valid_from IS NULL) OR (valid_until IS NULL) OR (valid_until > valid_from)))
);


ALTER TABLE public.promo_code OWNER TO bo_owner;

--
-- Name: promo_code_id_seq; Type: SEQUENCE; Schema: public; Owner: bo_owner
--

ALTER TABLE public.promo_code ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.promo_code_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: promo_code_usage; Type: VIEW; Schema: public; Owner: bo_owner
--

CREATE VIEW public.promo_code_usage AS
 SELECT id AS code_id,
    public.bo_promo_uses(id, epoch) AS uses,
    redemptions
   FROM public.promo_code c;


ALTER VIEW public.promo_code_usage OWNER TO bo_owner;

--
-- Name: promo_redemption; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.promo_redemption (
    id bigint NOT NULL,
    code_id integer NOT NULL,
    epoch integer NOT NULL,
    email character varying(254),
    order_id integer,
    booking_id uuid,
    discount_minor integer NOT NULL,
    created_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    CONSTRAINT promo_redemption_discount_minor_check CHECK ((discount_minor >= 0)),
    CONSTRAINT promo_redemption_for_a_sale CHECK (((order_id IS NOT NULL) OR (booking_id IS NOT NULL)))
);


ALTER TABLE public.promo_redemption OWNER TO bo_owner;

--
-- Name: promo_redemption_id_seq; Type: SEQUENCE; Schema: public; Owner: bo_owner
--

ALTER TABLE public.promo_redemption ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.promo_redemption_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: refund_id_seq; Type: SEQUENCE; Schema: public; Owner: bo_owner
--

CREATE SEQUENCE public.refund_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.refund_id_seq OWNER TO bo_owner;

--
-- Name: refund_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: bo_owner
--

ALTER SEQUENCE public.refund_id_seq OWNED BY public.refund.id;


--
-- Name: refund_ticket; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.refund_ticket (
    refund_id integer NOT NULL,
    ticket_id bigint NOT NULL,
    amount_minor integer NOT NULL,
    CONSTRAINT refund_ticket_amount_minor_check CHECK ((amount_minor >= 0))
);


ALTER TABLE public.refund_ticket OWNER TO bo_owner;

--
-- Name: role_permission; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.role_permission (
    role character varying(10) NOT NULL,
    permission character varying(20) NOT NULL
);


ALTER TABLE public.role_permission OWNER TO bo_owner;

--
-- Name: sale_amendment; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.sale_amendment (
    xact xid8 NOT NULL,
    at timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);


ALTER TABLE public.sale_amendment OWNER TO bo_owner;

--
-- Name: sale_line; Type: VIEW; Schema: public; Owner: bo_owner
--

CREATE VIEW public.sale_line AS
 SELECT t.id AS ticket_id,
    t.order_id,
    t.showtime_id,
    t.seat_id,
    t.ga_area_id,
    t.category_id,
    t.ticket_type_id,
    t.status,
    t.price_minor,
    t.discount_minor,
    (t.price_minor - t.discount_minor) AS net_minor,
    c.code AS promo_code
   FROM (public.ticket t
     LEFT JOIN public.promo_code c ON ((c.id = t.promo_code_id)));


ALTER VIEW public.sale_line OWNER TO bo_owner;

--
-- Name: seat_id_seq; Type: SEQUENCE; Schema: public; Owner: bo_owner
--

CREATE SEQUENCE public.seat_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.seat_id_seq OWNER TO bo_owner;

--
-- Name: seat_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: bo_owner
--

ALTER SEQUENCE public.seat_id_seq OWNED BY public.seat.id;


--
-- Name: seating_plan; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.seating_plan (
    id integer NOT NULL,
    venue_id integer NOT NULL,
    name character varying(200) NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    width double precision NOT NULL,
    height double precision NOT NULL,
    source jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    hall_id integer NOT NULL,
    best_x double precision,
    best_y double precision,
    best_stamp integer DEFAULT 0 NOT NULL,
    CONSTRAINT seating_plan_best_point_whole CHECK (((best_x IS NULL) = (best_y IS NULL)))
);


ALTER TABLE public.seating_plan OWNER TO bo_owner;

--
-- Name: seating_plan_id_seq; Type: SEQUENCE; Schema: public; Owner: bo_owner
--

CREATE SEQUENCE public.seating_plan_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.seating_plan_id_seq OWNER TO bo_owner;

--
-- Name: seating_plan_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: bo_owner
--

ALTER SEQUENCE public.seating_plan_id_seq OWNED BY public.seating_plan.id;


--
-- Name: section_id_seq; Type: SEQUENCE; Schema: public; Owner: bo_owner
--

CREATE SEQUENCE public.section_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.section_id_seq OWNER TO bo_owner;

--
-- Name: section_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: bo_owner
--

ALTER SEQUENCE public.section_id_seq OWNED BY public.section.id;


--
-- Name: show_id_seq; Type: SEQUENCE; Schema: public; Owner: bo_owner
--

CREATE SEQUENCE public.show_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.show_id_seq OWNER TO bo_owner;

--
-- Name: show_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: bo_owner
--

ALTER SEQUENCE public.show_id_seq OWNED BY public.show.id;


--
-- Name: showtime_id_seq; Type: SEQUENCE; Schema: public; Owner: bo_owner
--

CREATE SEQUENCE public.showtime_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.showtime_id_seq OWNER TO bo_owner;

--
-- Name: showtime_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: bo_owner
--

ALTER SEQUENCE public.showtime_id_seq OWNED BY public.showtime.id;


--
-- Name: showtime_price; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.showtime_price (
    showtime_id integer NOT NULL,
    category_id integer NOT NULL,
    price_minor integer NOT NULL,
    CONSTRAINT price_not_negative CHECK ((price_minor >= 0))
);


ALTER TABLE public.showtime_price OWNER TO bo_owner;

--
-- Name: showtime_type_price; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.showtime_type_price (
    showtime_id integer NOT NULL,
    category_id integer NOT NULL,
    ticket_type_id integer NOT NULL,
    price_minor integer NOT NULL,
    CONSTRAINT showtime_type_price_price_minor_check CHECK ((price_minor >= 0))
);


ALTER TABLE public.showtime_type_price OWNER TO bo_owner;

--
-- Name: showtime_prices; Type: VIEW; Schema: public; Owner: bo_owner
--

CREATE VIEW public.showtime_prices AS
 SELECT sp.showtime_id,
    sp.category_id,
    tt.id AS ticket_type_id,
    tt.code AS ticket_type,
    sp.price_minor
   FROM ((public.showtime_price sp
     JOIN public.showtime st ON ((st.id = sp.showtime_id)))
     JOIN public.ticket_type tt ON (((tt.venue_id = st.venue_id) AND ((tt.code)::text = 'full'::text))))
UNION ALL
 SELECT stp.showtime_id,
    stp.category_id,
    tt.id AS ticket_type_id,
    tt.code AS ticket_type,
    stp.price_minor
   FROM (public.showtime_type_price stp
     JOIN public.ticket_type tt ON ((tt.id = stp.ticket_type_id)));


ALTER VIEW public.showtime_prices OWNER TO bo_owner;

--
-- Name: staff; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.staff (
    id integer NOT NULL,
    username character varying(40) NOT NULL,
    display_name character varying(100) NOT NULL,
    role character varying(10) NOT NULL,
    active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    last_sign_in_at timestamp with time zone,
    login name,
    CONSTRAINT staff_display_name_given CHECK ((length(btrim((display_name)::text)) > 0)),
    CONSTRAINT staff_role_check CHECK (((role)::text = ANY ((ARRAY['cashier'::character varying, 'door'::character varying, 'manager'::character varying, 'admin'::character varying])::text[]))),
    CONSTRAINT staff_username_format CHECK (((username)::text ~ '^[a-z0-9][a-z0-9._-]{0,39}$'::text))
);


ALTER TABLE public.staff OWNER TO bo_owner;

--
-- Name: staff_id_seq; Type: SEQUENCE; Schema: public; Owner: bo_owner
--

CREATE SEQUENCE public.staff_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.staff_id_seq OWNER TO bo_owner;

--
-- Name: staff_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: bo_owner
--

ALTER SEQUENCE public.staff_id_seq OWNED BY public.staff.id;


--
-- Name: ticket_id_seq; Type: SEQUENCE; Schema: public; Owner: bo_owner
--

CREATE SEQUENCE public.ticket_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.ticket_id_seq OWNER TO bo_owner;

--
-- Name: ticket_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: bo_owner
--

ALTER SEQUENCE public.ticket_id_seq OWNED BY public.ticket.id;


--
-- Name: ticket_type_id_seq; Type: SEQUENCE; Schema: public; Owner: bo_owner
--

CREATE SEQUENCE public.ticket_type_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.ticket_type_id_seq OWNER TO bo_owner;

--
-- Name: ticket_type_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: bo_owner
--

ALTER SEQUENCE public.ticket_type_id_seq OWNED BY public.ticket_type.id;


--
-- Name: till_shift_id_seq; Type: SEQUENCE; Schema: public; Owner: bo_owner
--

CREATE SEQUENCE public.till_shift_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.till_shift_id_seq OWNER TO bo_owner;

--
-- Name: till_shift_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: bo_owner
--

ALTER SEQUENCE public.till_shift_id_seq OWNED BY public.till_shift.id;


--
-- Name: venue; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.venue (
    id integer NOT NULL,
    name character varying(200) NOT NULL,
    timezone character varying(64) DEFAULT 'Europe/London'::character varying NOT NULL,
    currency character varying(3) DEFAULT 'EUR'::character varying NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    address text DEFAULT ''::text NOT NULL,
    tax_number character varying(40) DEFAULT ''::character varying NOT NULL,
    vat_rate_bp integer DEFAULT 0 NOT NULL,
    locale character varying(20) DEFAULT 'en_GB'::character varying NOT NULL,
    off_sale_after_minutes integer DEFAULT 30 NOT NULL,
    CONSTRAINT venue_address_length CHECK ((length(address) <= 500)),
    CONSTRAINT venue_locale_check CHECK (((locale)::text ~ '^[a-z]{2,3}(_[A-Za-z0-9]{2,4}){0,2}$'::text)),
    CONSTRAINT venue_off_sale_after_minutes_check CHECK (((off_sale_after_minutes >= '-1440'::integer) AND (off_sale_after_minutes <= 1440))),
    CONSTRAINT venue_vat_rate_range CHECK (((vat_rate_bp >= 0) AND (vat_rate_bp <= 10000)))
);


ALTER TABLE public.venue OWNER TO bo_owner;

--
-- Name: venue_id_seq; Type: SEQUENCE; Schema: public; Owner: bo_owner
--

CREATE SEQUENCE public.venue_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.venue_id_seq OWNER TO bo_owner;

--
-- Name: venue_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: bo_owner
--

ALTER SEQUENCE public.venue_id_seq OWNED BY public.venue.id;


--
-- Name: web_client; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.web_client (
    key text NOT NULL,
    allowance double precision NOT NULL,
    refilled_at timestamp with time zone NOT NULL,
    CONSTRAINT web_client_key_check CHECK (((length(key) >= 4) AND (length(key) <= 100)))
);


ALTER TABLE public.web_client OWNER TO bo_owner;

--
-- Name: web_hold_owner; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.web_hold_owner (
    token uuid NOT NULL,
    client_key text,
    ip_key text NOT NULL,
    seen_at timestamp with time zone NOT NULL,
    seats integer DEFAULT 0 NOT NULL,
    live_until timestamp with time zone NOT NULL,
    CONSTRAINT web_hold_owner_client_key_check CHECK ((length(client_key) <= 100)),
    CONSTRAINT web_hold_owner_ip_key_check CHECK ((length(ip_key) <= 100)),
    CONSTRAINT web_hold_owner_seats_check CHECK ((seats >= 0))
);


ALTER TABLE public.web_hold_owner OWNER TO bo_owner;

--
-- Name: webhook_event; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.webhook_event (
    id character varying(100) NOT NULL,
    type character varying(60) NOT NULL,
    payment_session_id character varying(40),
    outcome character varying(40) DEFAULT 'received'::character varying NOT NULL,
    payload jsonb NOT NULL,
    received_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE public.webhook_event OWNER TO bo_owner;

--
-- Name: z_counter; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.z_counter (
    id boolean DEFAULT true NOT NULL,
    last_number integer DEFAULT 0 NOT NULL,
    CONSTRAINT z_counter_id_check CHECK (id)
);


ALTER TABLE public.z_counter OWNER TO bo_owner;

--
-- Name: z_report; Type: TABLE; Schema: public; Owner: bo_owner
--

CREATE TABLE public.z_report (
    number integer NOT NULL,
    shift_id integer NOT NULL,
    till character varying(100) NOT NULL,
    staff_id integer NOT NULL,
    closed_by integer,
    closed_at timestamp with time zone NOT NULL,
    currency character varying(3) NOT NULL,
    expected_cash_minor bigint NOT NULL,
    counted_cash_minor bigint NOT NULL,
    variance_minor bigint NOT NULL,
    counted jsonb NOT NULL,
    figures jsonb NOT NULL,
    CONSTRAINT z_report_number_check CHECK ((number > 0))
);


ALTER TABLE public.z_report OWNER TO bo_owner;

--
-- Name: admission id; Type: DEFAULT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.admission ALTER COLUMN id SET DEFAULT nextval('public.admission_id_seq'::regclass);


--
-- Name: admission_conflict id; Type: DEFAULT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.admission_conflict ALTER COLUMN id SET DEFAULT nextval('public.admission_conflict_id_seq'::regclass);


--
-- Name: audit_log id; Type: DEFAULT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.audit_log ALTER COLUMN id SET DEFAULT nextval('public.audit_log_id_seq'::regclass);


--
-- Name: drawer_movement id; Type: DEFAULT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.drawer_movement ALTER COLUMN id SET DEFAULT nextval('public.drawer_movement_id_seq'::regclass);


--
-- Name: exchange id; Type: DEFAULT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.exchange ALTER COLUMN id SET DEFAULT nextval('public.exchange_id_seq'::regclass);


--
-- Name: ga_area id; Type: DEFAULT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.ga_area ALTER COLUMN id SET DEFAULT nextval('public.ga_area_id_seq'::regclass);


--
-- Name: hall id; Type: DEFAULT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.hall ALTER COLUMN id SET DEFAULT nextval('public.hall_id_seq'::regclass);


--
-- Name: orders id; Type: DEFAULT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.orders ALTER COLUMN id SET DEFAULT nextval('public.orders_id_seq'::regclass);


--
-- Name: payment id; Type: DEFAULT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.payment ALTER COLUMN id SET DEFAULT nextval('public.payment_id_seq'::regclass);


--
-- Name: plan_area id; Type: DEFAULT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.plan_area ALTER COLUMN id SET DEFAULT nextval('public.plan_area_id_seq'::regclass);


--
-- Name: price_category id; Type: DEFAULT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.price_category ALTER COLUMN id SET DEFAULT nextval('public.price_category_id_seq'::regclass);


--
-- Name: price_rule id; Type: DEFAULT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.price_rule ALTER COLUMN id SET DEFAULT nextval('public.price_rule_id_seq'::regclass);


--
-- Name: refund id; Type: DEFAULT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.refund ALTER COLUMN id SET DEFAULT nextval('public.refund_id_seq'::regclass);


--
-- Name: seat id; Type: DEFAULT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.seat ALTER COLUMN id SET DEFAULT nextval('public.seat_id_seq'::regclass);


--
-- Name: seating_plan id; Type: DEFAULT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.seating_plan ALTER COLUMN id SET DEFAULT nextval('public.seating_plan_id_seq'::regclass);


--
-- Name: section id; Type: DEFAULT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.section ALTER COLUMN id SET DEFAULT nextval('public.section_id_seq'::regclass);


--
-- Name: show id; Type: DEFAULT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.show ALTER COLUMN id SET DEFAULT nextval('public.show_id_seq'::regclass);


--
-- Name: showtime id; Type: DEFAULT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.showtime ALTER COLUMN id SET DEFAULT nextval('public.showtime_id_seq'::regclass);


--
-- Name: staff id; Type: DEFAULT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.staff ALTER COLUMN id SET DEFAULT nextval('public.staff_id_seq'::regclass);


--
-- Name: ticket id; Type: DEFAULT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.ticket ALTER COLUMN id SET DEFAULT nextval('public.ticket_id_seq'::regclass);


--
-- Name: ticket_type id; Type: DEFAULT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.ticket_type ALTER COLUMN id SET DEFAULT nextval('public.ticket_type_id_seq'::regclass);


--
-- Name: till_shift id; Type: DEFAULT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.till_shift ALTER COLUMN id SET DEFAULT nextval('public.till_shift_id_seq'::regclass);


--
-- Name: venue id; Type: DEFAULT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.venue ALTER COLUMN id SET DEFAULT nextval('public.venue_id_seq'::regclass);


--
-- Name: admission_conflict admission_conflict_offline_id_key; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.admission_conflict
    ADD CONSTRAINT admission_conflict_offline_id_key UNIQUE (offline_id);


--
-- Name: admission_conflict admission_conflict_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.admission_conflict
    ADD CONSTRAINT admission_conflict_pkey PRIMARY KEY (id);


--
-- Name: admission admission_offline_id_key; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.admission
    ADD CONSTRAINT admission_offline_id_key UNIQUE (offline_id);


--
-- Name: admission admission_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.admission
    ADD CONSTRAINT admission_pkey PRIMARY KEY (id);


--
-- Name: alembic_version alembic_version_pkc; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.alembic_version
    ADD CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num);


--
-- Name: audit_log audit_log_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id);


--
-- Name: booking booking_hold_token_key; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.booking
    ADD CONSTRAINT booking_hold_token_key UNIQUE (hold_token);


--
-- Name: booking_line booking_line_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.booking_line
    ADD CONSTRAINT booking_line_pkey PRIMARY KEY (booking_id, line_no);


--
-- Name: booking booking_order_id_key; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.booking
    ADD CONSTRAINT booking_order_id_key UNIQUE (order_id);


--
-- Name: booking booking_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.booking
    ADD CONSTRAINT booking_pkey PRIMARY KEY (id);


--
-- Name: booking_seat booking_seat_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.booking_seat
    ADD CONSTRAINT booking_seat_pkey PRIMARY KEY (booking_id, seat_id);


--
-- Name: booking booking_source_token_key; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.booking
    ADD CONSTRAINT booking_source_token_key UNIQUE (source_token);


--
-- Name: customer_order customer_order_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.customer_order
    ADD CONSTRAINT customer_order_pkey PRIMARY KEY (order_id);


--
-- Name: customer customer_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.customer
    ADD CONSTRAINT customer_pkey PRIMARY KEY (id);


--
-- Name: device_key device_key_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.device_key
    ADD CONSTRAINT device_key_pkey PRIMARY KEY (id);


--
-- Name: device_key device_key_public_key_key; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.device_key
    ADD CONSTRAINT device_key_public_key_key UNIQUE (public_key);


--
-- Name: drawer_movement drawer_movement_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.drawer_movement
    ADD CONSTRAINT drawer_movement_pkey PRIMARY KEY (id);


--
-- Name: exchange exchange_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.exchange
    ADD CONSTRAINT exchange_pkey PRIMARY KEY (id);


--
-- Name: exchange exchange_to_order_id_key; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.exchange
    ADD CONSTRAINT exchange_to_order_id_key UNIQUE (to_order_id);


--
-- Name: ga_area ga_area_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.ga_area
    ADD CONSTRAINT ga_area_pkey PRIMARY KEY (id);


--
-- Name: ga_area ga_area_plan_id_name_key; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.ga_area
    ADD CONSTRAINT ga_area_plan_id_name_key UNIQUE (plan_id, name);


--
-- Name: ga_hold ga_hold_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.ga_hold
    ADD CONSTRAINT ga_hold_pkey PRIMARY KEY (token, showtime_id, ga_area_id);


--
-- Name: ga_inventory ga_inventory_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.ga_inventory
    ADD CONSTRAINT ga_inventory_pkey PRIMARY KEY (showtime_id, ga_area_id);


--
-- Name: hall hall_id_venue_key; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.hall
    ADD CONSTRAINT hall_id_venue_key UNIQUE (id, venue_id);


--
-- Name: hall hall_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.hall
    ADD CONSTRAINT hall_pkey PRIMARY KEY (id);


--
-- Name: hall hall_venue_name_key; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.hall
    ADD CONSTRAINT hall_venue_name_key UNIQUE (venue_id, name);


--
-- Name: inventory inventory_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.inventory
    ADD CONSTRAINT inventory_pkey PRIMARY KEY (showtime_id, seat_id);


--
-- Name: late_sale_pass late_sale_pass_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.late_sale_pass
    ADD CONSTRAINT late_sale_pass_pkey PRIMARY KEY (nonce);


--
-- Name: mail_outbox mail_outbox_kind_booking_id_key; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.mail_outbox
    ADD CONSTRAINT mail_outbox_kind_booking_id_key UNIQUE (kind, booking_id);


--
-- Name: mail_outbox mail_outbox_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.mail_outbox
    ADD CONSTRAINT mail_outbox_pkey PRIMARY KEY (id);


--
-- Name: manager_override manager_override_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.manager_override
    ADD CONSTRAINT manager_override_pkey PRIMARY KEY (id);


--
-- Name: order_customer order_customer_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.order_customer
    ADD CONSTRAINT order_customer_pkey PRIMARY KEY (order_id);


--
-- Name: order_paid order_paid_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.order_paid
    ADD CONSTRAINT order_paid_pkey PRIMARY KEY (order_id);


--
-- Name: orders orders_number_key; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.orders
    ADD CONSTRAINT orders_number_key UNIQUE (number);


--
-- Name: orders orders_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.orders
    ADD CONSTRAINT orders_pkey PRIMARY KEY (id);


--
-- Name: payment payment_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.payment
    ADD CONSTRAINT payment_pkey PRIMARY KEY (id);


--
-- Name: payment_session payment_session_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.payment_session
    ADD CONSTRAINT payment_session_pkey PRIMARY KEY (id);


--
-- Name: plan_area plan_area_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.plan_area
    ADD CONSTRAINT plan_area_pkey PRIMARY KEY (id);


--
-- Name: price_category price_category_id_plan_key; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.price_category
    ADD CONSTRAINT price_category_id_plan_key UNIQUE (id, plan_id);


--
-- Name: price_category price_category_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.price_category
    ADD CONSTRAINT price_category_pkey PRIMARY KEY (id);


--
-- Name: price_category price_category_plan_id_name_key; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.price_category
    ADD CONSTRAINT price_category_plan_id_name_key UNIQUE (plan_id, name);


--
-- Name: price_rule price_rule_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.price_rule
    ADD CONSTRAINT price_rule_pkey PRIMARY KEY (id);


--
-- Name: promo_code promo_code_code_key; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.promo_code
    ADD CONSTRAINT promo_code_code_key UNIQUE (code);


--
-- Name: promo_code promo_code_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.promo_code
    ADD CONSTRAINT promo_code_pkey PRIMARY KEY (id);


--
-- Name: promo_redemption promo_redemption_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.promo_redemption
    ADD CONSTRAINT promo_redemption_pkey PRIMARY KEY (id);


--
-- Name: refund refund_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.refund
    ADD CONSTRAINT refund_pkey PRIMARY KEY (id);


--
-- Name: refund_ticket refund_ticket_once; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.refund_ticket
    ADD CONSTRAINT refund_ticket_once UNIQUE (ticket_id);


--
-- Name: refund_ticket refund_ticket_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.refund_ticket
    ADD CONSTRAINT refund_ticket_pkey PRIMARY KEY (refund_id, ticket_id);


--
-- Name: role_permission role_permission_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.role_permission
    ADD CONSTRAINT role_permission_pkey PRIMARY KEY (role, permission);


--
-- Name: sale_amendment sale_amendment_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.sale_amendment
    ADD CONSTRAINT sale_amendment_pkey PRIMARY KEY (xact);


--
-- Name: seat seat_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.seat
    ADD CONSTRAINT seat_pkey PRIMARY KEY (id);


--
-- Name: seat seat_plan_id_guid_key; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.seat
    ADD CONSTRAINT seat_plan_id_guid_key UNIQUE (plan_id, guid);


--
-- Name: seating_plan seating_plan_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.seating_plan
    ADD CONSTRAINT seating_plan_pkey PRIMARY KEY (id);


--
-- Name: seating_plan seating_plan_venue_id_name_version_key; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.seating_plan
    ADD CONSTRAINT seating_plan_venue_id_name_version_key UNIQUE (venue_id, name, version);


--
-- Name: section section_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.section
    ADD CONSTRAINT section_pkey PRIMARY KEY (id);


--
-- Name: show show_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.show
    ADD CONSTRAINT show_pkey PRIMARY KEY (id);


--
-- Name: showtime showtime_no_overlap; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.showtime
    ADD CONSTRAINT showtime_no_overlap EXCLUDE USING gist (public.bo_showtime_slot(hall_id, starts_at, ends_at) WITH &&) WHERE ((((status)::text <> 'cancelled'::text) AND (ends_at IS NOT NULL)));


--
-- Name: showtime showtime_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.showtime
    ADD CONSTRAINT showtime_pkey PRIMARY KEY (id);


--
-- Name: showtime_price showtime_price_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.showtime_price
    ADD CONSTRAINT showtime_price_pkey PRIMARY KEY (showtime_id, category_id);


--
-- Name: showtime_type_price showtime_type_price_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.showtime_type_price
    ADD CONSTRAINT showtime_type_price_pkey PRIMARY KEY (showtime_id, category_id, ticket_type_id);


--
-- Name: staff staff_login_key; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.staff
    ADD CONSTRAINT staff_login_key UNIQUE (login);


--
-- Name: staff staff_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.staff
    ADD CONSTRAINT staff_pkey PRIMARY KEY (id);


--
-- Name: staff staff_username_key; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.staff
    ADD CONSTRAINT staff_username_key UNIQUE (username);


--
-- Name: ticket ticket_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.ticket
    ADD CONSTRAINT ticket_pkey PRIMARY KEY (id);


--
-- Name: ticket_type ticket_type_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.ticket_type
    ADD CONSTRAINT ticket_type_pkey PRIMARY KEY (id);


--
-- Name: ticket_type ticket_type_venue_id_code_key; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.ticket_type
    ADD CONSTRAINT ticket_type_venue_id_code_key UNIQUE (venue_id, code);


--
-- Name: ticket_type ticket_type_venue_id_name_key; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.ticket_type
    ADD CONSTRAINT ticket_type_venue_id_name_key UNIQUE (venue_id, name);


--
-- Name: till_shift till_shift_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.till_shift
    ADD CONSTRAINT till_shift_pkey PRIMARY KEY (id);


--
-- Name: venue venue_name_key; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.venue
    ADD CONSTRAINT venue_name_key UNIQUE (name);


--
-- Name: venue venue_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.venue
    ADD CONSTRAINT venue_pkey PRIMARY KEY (id);


--
-- Name: web_client web_client_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.web_client
    ADD CONSTRAINT web_client_pkey PRIMARY KEY (key);


--
-- Name: web_hold_owner web_hold_owner_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.web_hold_owner
    ADD CONSTRAINT web_hold_owner_pkey PRIMARY KEY (token);


--
-- Name: webhook_event webhook_event_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.webhook_event
    ADD CONSTRAINT webhook_event_pkey PRIMARY KEY (id);


--
-- Name: z_counter z_counter_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.z_counter
    ADD CONSTRAINT z_counter_pkey PRIMARY KEY (id);


--
-- Name: z_report z_report_pkey; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.z_report
    ADD CONSTRAINT z_report_pkey PRIMARY KEY (number);


--
-- Name: z_report z_report_shift_id_key; Type: CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.z_report
    ADD CONSTRAINT z_report_shift_id_key UNIQUE (shift_id);


--
-- Name: admission_conflict_open_idx; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX admission_conflict_open_idx ON public.admission_conflict USING btree (reported_at) WHERE (resolved_at IS NULL);


--
-- Name: admission_showtime_idx; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX admission_showtime_idx ON public.admission USING btree (showtime_id, scanned_at);


--
-- Name: admission_ticket_idx; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX admission_ticket_idx ON public.admission USING btree (ticket_id);


--
-- Name: audit_log_action_idx; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX audit_log_action_idx ON public.audit_log USING btree (action, id);


--
-- Name: audit_log_actor_idx; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX audit_log_actor_idx ON public.audit_log USING btree (actor, id);


--
-- Name: audit_log_at_idx; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX audit_log_at_idx ON public.audit_log USING btree (at);


--
-- Name: audit_log_till_idx; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX audit_log_till_idx ON public.audit_log USING btree (till, id);


--
-- Name: booking_pending_expiry_idx; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX booking_pending_expiry_idx ON public.booking USING btree (expires_at) WHERE ((status)::text = 'pending'::text);


--
-- Name: customer_email_key; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE UNIQUE INDEX customer_email_key ON public.customer USING btree (email) WHERE (email IS NOT NULL);


--
-- Name: customer_order_customer; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX customer_order_customer ON public.customer_order USING btree (customer_id);


--
-- Name: device_key_live_name; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE UNIQUE INDEX device_key_live_name ON public.device_key USING btree (name) WHERE (revoked_at IS NULL);


--
-- Name: drawer_movement_shift; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX drawer_movement_shift ON public.drawer_movement USING btree (shift_id);


--
-- Name: exchange_from_order_idx; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX exchange_from_order_idx ON public.exchange USING btree (from_order_id);


--
-- Name: ga_hold_area_idx; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX ga_hold_area_idx ON public.ga_hold USING btree (showtime_id, ga_area_id);


--
-- Name: inventory_hold_expiry_idx; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX inventory_hold_expiry_idx ON public.inventory USING btree (hold_expires_at);


--
-- Name: inventory_hold_token_idx; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX inventory_hold_token_idx ON public.inventory USING btree (hold_token) WHERE (hold_token IS NOT NULL);


--
-- Name: inventory_version_idx; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX inventory_version_idx ON public.inventory USING btree (showtime_id, version);


--
-- Name: mail_outbox_due; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX mail_outbox_due ON public.mail_outbox USING btree (next_attempt_at) WHERE (sent_at IS NULL);


--
-- Name: manager_override_late_open_idx; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX manager_override_late_open_idx ON public.manager_override USING btree (for_staff, showtime_id) WHERE (((kind)::text = 'late_sale'::text) AND (used_at IS NULL) AND (held_at IS NOT NULL));


--
-- Name: orders_created_at_idx; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX orders_created_at_idx ON public.orders USING btree (created_at);


--
-- Name: orders_exchanged_from_idx; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX orders_exchanged_from_idx ON public.orders USING btree (exchanged_from) WHERE (exchanged_from IS NOT NULL);


--
-- Name: payment_created_at; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX payment_created_at ON public.payment USING btree (created_at);


--
-- Name: payment_created_at_idx; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX payment_created_at_idx ON public.payment USING btree (created_at);


--
-- Name: payment_order_id_idx; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX payment_order_id_idx ON public.payment USING btree (order_id);


--
-- Name: payment_session_one_open; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE UNIQUE INDEX payment_session_one_open ON public.payment_session USING btree (booking_id) WHERE (((status)::text = 'open'::text) AND (outcome IS NULL));


--
-- Name: payment_session_one_paid; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE UNIQUE INDEX payment_session_one_paid ON public.payment_session USING btree (booking_id) WHERE ((status)::text = 'succeeded'::text);


--
-- Name: payment_shift; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX payment_shift ON public.payment USING btree (shift_id) WHERE (shift_id IS NOT NULL);


--
-- Name: price_rule_venue_idx; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX price_rule_venue_idx ON public.price_rule USING btree (venue_id, "position");


--
-- Name: promo_redemption_code; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX promo_redemption_code ON public.promo_redemption USING btree (code_id, epoch);


--
-- Name: promo_redemption_one_per_booking; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE UNIQUE INDEX promo_redemption_one_per_booking ON public.promo_redemption USING btree (booking_id) WHERE (booking_id IS NOT NULL);


--
-- Name: promo_redemption_one_per_order; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE UNIQUE INDEX promo_redemption_one_per_order ON public.promo_redemption USING btree (order_id) WHERE (order_id IS NOT NULL);


--
-- Name: refund_created_at; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX refund_created_at ON public.refund USING btree (created_at);


--
-- Name: refund_created_at_idx; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX refund_created_at_idx ON public.refund USING btree (created_at);


--
-- Name: refund_order_id_idx; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX refund_order_id_idx ON public.refund USING btree (order_id);


--
-- Name: refund_shift; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX refund_shift ON public.refund USING btree (shift_id) WHERE (shift_id IS NOT NULL);


--
-- Name: seat_plan_id_idx; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX seat_plan_id_idx ON public.seat USING btree (plan_id);


--
-- Name: seating_plan_hall_idx; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX seating_plan_hall_idx ON public.seating_plan USING btree (hall_id);


--
-- Name: showtime_starts_at_idx; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX showtime_starts_at_idx ON public.showtime USING btree (starts_at);


--
-- Name: showtime_venue_starts_idx; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX showtime_venue_starts_idx ON public.showtime USING btree (venue_id, starts_at);


--
-- Name: ticket_ga_live_idx; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX ticket_ga_live_idx ON public.ticket USING btree (showtime_id, ga_area_id) WHERE ((ga_area_id IS NOT NULL) AND ((status)::text = 'valid'::text));


--
-- Name: ticket_one_live_per_seat; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE UNIQUE INDEX ticket_one_live_per_seat ON public.ticket USING btree (showtime_id, seat_id) WHERE ((status)::text = 'valid'::text);


--
-- Name: ticket_order_id_idx; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX ticket_order_id_idx ON public.ticket USING btree (order_id);


--
-- Name: ticket_showtime_id_idx; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX ticket_showtime_id_idx ON public.ticket USING btree (showtime_id);


--
-- Name: ticket_voided_at_idx; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX ticket_voided_at_idx ON public.ticket USING btree (voided_at) WHERE (voided_at IS NOT NULL);


--
-- Name: till_shift_one_open_per_person; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE UNIQUE INDEX till_shift_one_open_per_person ON public.till_shift USING btree (staff_id) WHERE (closed_at IS NULL);


--
-- Name: till_shift_one_open_per_till; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE UNIQUE INDEX till_shift_one_open_per_till ON public.till_shift USING btree (till) WHERE (closed_at IS NULL);


--
-- Name: till_shift_opened_at; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX till_shift_opened_at ON public.till_shift USING btree (opened_at);


--
-- Name: web_hold_owner_client_live_idx; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX web_hold_owner_client_live_idx ON public.web_hold_owner USING btree (client_key, live_until) WHERE (client_key IS NOT NULL);


--
-- Name: web_hold_owner_ip_live_idx; Type: INDEX; Schema: public; Owner: bo_owner
--

CREATE INDEX web_hold_owner_ip_live_idx ON public.web_hold_owner USING btree (ip_key, live_until);


--
-- Name: audit_log audit_log_append_only; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER audit_log_append_only BEFORE DELETE OR UPDATE OR TRUNCATE ON public.audit_log FOR EACH STATEMENT EXECUTE FUNCTION public.bo_audit_log_append_only();

ALTER TABLE public.audit_log ENABLE ALWAYS TRIGGER audit_log_append_only;


--
-- Name: audit_log audit_log_stamp; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER audit_log_stamp BEFORE INSERT ON public.audit_log FOR EACH ROW EXECUTE FUNCTION public.bo_audit_log_stamp();

ALTER TABLE public.audit_log ENABLE ALWAYS TRIGGER audit_log_stamp;


--
-- Name: booking booking_frees_ga; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER booking_frees_ga AFTER UPDATE OF status ON public.booking FOR EACH ROW WHEN ((((new.status)::text = ANY ((ARRAY['cancelled'::character varying, 'expired'::character varying])::text[])) AND ((old.status)::text = 'pending'::text))) EXECUTE FUNCTION public.bo_booking_frees_ga();


--
-- Name: booking booking_mails_tickets; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER booking_mails_tickets AFTER UPDATE OF status ON public.booking FOR EACH ROW WHEN ((((new.status)::text = 'confirmed'::text) AND ((old.status)::text <> 'confirmed'::text) AND (new.email IS NOT NULL))) EXECUTE FUNCTION public.bo_booking_mails_tickets();


--
-- Name: booking booking_transition; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER booking_transition BEFORE UPDATE OF status ON public.booking FOR EACH ROW EXECUTE FUNCTION public.bo_booking_transition();


--
-- Name: booking booking_web_hold_counts; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE CONSTRAINT TRIGGER booking_web_hold_counts AFTER INSERT ON public.booking DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.bo_web_booking_made();


--
-- Name: booking booking_web_hold_counts_end; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE CONSTRAINT TRIGGER booking_web_hold_counts_end AFTER UPDATE OF status ON public.booking DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN ((((old.status)::text = 'pending'::text) AND ((new.status)::text <> 'pending'::text))) EXECUTE FUNCTION public.bo_web_booking_ended();


--
-- Name: drawer_movement drawer_movement_frozen; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER drawer_movement_frozen BEFORE DELETE OR UPDATE ON public.drawer_movement FOR EACH ROW EXECUTE FUNCTION public.bo_drawer_frozen();


--
-- Name: drawer_movement drawer_movement_no_truncate; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER drawer_movement_no_truncate BEFORE TRUNCATE ON public.drawer_movement FOR EACH STATEMENT EXECUTE FUNCTION public.bo_drawer_frozen();


--
-- Name: exchange exchange_frozen; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER exchange_frozen BEFORE DELETE OR UPDATE ON public.exchange FOR EACH ROW EXECUTE FUNCTION public.bo_sale_record_frozen();


--
-- Name: ga_hold ga_hold_notify_delete; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER ga_hold_notify_delete AFTER DELETE ON public.ga_hold REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION public.bo_ga_notify();


--
-- Name: ga_hold ga_hold_notify_insert; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER ga_hold_notify_insert AFTER INSERT ON public.ga_hold REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION public.bo_ga_notify();


--
-- Name: ga_hold ga_hold_notify_update; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER ga_hold_notify_update AFTER UPDATE ON public.ga_hold REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION public.bo_ga_notify();


--
-- Name: inventory inventory_audit_blocks; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER inventory_audit_blocks AFTER UPDATE ON public.inventory REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.bo_audit_blocks();


--
-- Name: inventory inventory_bump_version; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER inventory_bump_version BEFORE UPDATE ON public.inventory FOR EACH ROW EXECUTE FUNCTION public.bo_inventory_bump_version();


--
-- Name: inventory inventory_commit_version; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE CONSTRAINT TRIGGER inventory_commit_version AFTER UPDATE ON public.inventory DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN ((new.version = '-1'::integer)) EXECUTE FUNCTION public.bo_inventory_commit_version();


--
-- Name: inventory inventory_notify_insert; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER inventory_notify_insert AFTER INSERT ON public.inventory REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION public.bo_inventory_notify();


--
-- Name: inventory inventory_notify_update; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER inventory_notify_update AFTER UPDATE ON public.inventory REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION public.bo_inventory_notify();


--
-- Name: inventory inventory_refs_insert; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER inventory_refs_insert AFTER INSERT ON public.inventory REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.bo_inventory_refs_check();


--
-- Name: inventory inventory_refs_update; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER inventory_refs_update AFTER UPDATE OF showtime_id, seat_id ON public.inventory FOR EACH ROW WHEN (((old.showtime_id IS DISTINCT FROM new.showtime_id) OR (old.seat_id IS DISTINCT FROM new.seat_id))) EXECUTE FUNCTION public.bo_inventory_ref_check_row();


--
-- Name: manager_override manager_override_frozen; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER manager_override_frozen BEFORE DELETE OR UPDATE ON public.manager_override FOR EACH ROW EXECUTE FUNCTION public.bo_override_frozen();


--
-- Name: orders orders_audit_sale; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE CONSTRAINT TRIGGER orders_audit_sale AFTER INSERT ON public.orders DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.bo_audit_sale();


--
-- Name: orders orders_late_sale_use; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE CONSTRAINT TRIGGER orders_late_sale_use AFTER INSERT ON public.orders DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.bo_late_sale_use();


--
-- Name: orders orders_paid_in_full; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE CONSTRAINT TRIGGER orders_paid_in_full AFTER INSERT ON public.orders DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.bo_order_paid_check();


--
-- Name: orders orders_sale_frozen; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER orders_sale_frozen BEFORE DELETE OR UPDATE ON public.orders FOR EACH ROW EXECUTE FUNCTION public.bo_sale_record_frozen();


--
-- Name: orders orders_total_matches_tickets; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE CONSTRAINT TRIGGER orders_total_matches_tickets AFTER INSERT OR UPDATE ON public.orders DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.bo_order_total_check();


--
-- Name: payment payment_adds_up; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE CONSTRAINT TRIGGER payment_adds_up AFTER INSERT ON public.payment DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.bo_order_paid_check();


--
-- Name: payment payment_sale_frozen; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER payment_sale_frozen BEFORE DELETE OR UPDATE ON public.payment FOR EACH ROW EXECUTE FUNCTION public.bo_sale_record_frozen();


--
-- Name: payment payment_shift; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER payment_shift BEFORE INSERT ON public.payment FOR EACH ROW EXECUTE FUNCTION public.bo_money_shift();


--
-- Name: payment payment_shift_frozen; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER payment_shift_frozen BEFORE UPDATE OF shift_id ON public.payment FOR EACH ROW EXECUTE FUNCTION public.bo_drawer_frozen();


--
-- Name: payment payment_tender_frozen; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER payment_tender_frozen BEFORE DELETE OR UPDATE ON public.payment FOR EACH ROW EXECUTE FUNCTION public.bo_payment_tender_frozen();


--
-- Name: payment payment_within_total; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER payment_within_total BEFORE INSERT ON public.payment FOR EACH ROW EXECUTE FUNCTION public.bo_payment_within_total();


--
-- Name: price_category price_category_seat_restrict; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER price_category_seat_restrict AFTER DELETE ON public.price_category REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION public.bo_category_seat_restrict();


--
-- Name: price_category price_category_vat_inherit; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER price_category_vat_inherit BEFORE INSERT ON public.price_category FOR EACH ROW EXECUTE FUNCTION public.bo_price_category_vat_inherit();


--
-- Name: promo_redemption promo_redemption_limits; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER promo_redemption_limits BEFORE INSERT ON public.promo_redemption FOR EACH ROW EXECUTE FUNCTION public.bo_promo_redemption_limits();


--
-- Name: refund refund_audit; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER refund_audit AFTER INSERT ON public.refund FOR EACH ROW EXECUTE FUNCTION public.bo_audit_refund();


--
-- Name: refund refund_method_default; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER refund_method_default BEFORE INSERT ON public.refund FOR EACH ROW EXECUTE FUNCTION public.bo_refund_method_default();


--
-- Name: refund refund_sale_frozen; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER refund_sale_frozen BEFORE DELETE OR UPDATE ON public.refund FOR EACH ROW EXECUTE FUNCTION public.bo_sale_record_frozen();


--
-- Name: refund refund_shift; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER refund_shift BEFORE INSERT ON public.refund FOR EACH ROW EXECUTE FUNCTION public.bo_money_shift();


--
-- Name: refund refund_shift_frozen; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER refund_shift_frozen BEFORE UPDATE OF shift_id ON public.refund FOR EACH ROW EXECUTE FUNCTION public.bo_drawer_frozen();


--
-- Name: refund_ticket refund_ticket_check; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER refund_ticket_check BEFORE INSERT ON public.refund_ticket FOR EACH ROW EXECUTE FUNCTION public.bo_refund_ticket_check();


--
-- Name: refund_ticket refund_ticket_frozen; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER refund_ticket_frozen BEFORE DELETE OR UPDATE ON public.refund_ticket FOR EACH ROW EXECUTE FUNCTION public.bo_sale_record_frozen();


--
-- Name: seat seat_inventory_restrict; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER seat_inventory_restrict AFTER DELETE ON public.seat REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION public.bo_seat_inventory_restrict();


--
-- Name: seat seat_refs_insert; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER seat_refs_insert AFTER INSERT ON public.seat REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.bo_seat_refs_check();


--
-- Name: seat seat_refs_update; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER seat_refs_update AFTER UPDATE OF plan_id, section_id, category_id ON public.seat FOR EACH ROW WHEN (((old.plan_id IS DISTINCT FROM new.plan_id) OR (old.section_id IS DISTINCT FROM new.section_id) OR (old.category_id IS DISTINCT FROM new.category_id))) EXECUTE FUNCTION public.bo_seat_ref_check_row();


--
-- Name: seating_plan seating_plan_best_carry; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER seating_plan_best_carry BEFORE INSERT ON public.seating_plan FOR EACH ROW EXECUTE FUNCTION public.bo_plan_best_carry();


--
-- Name: seating_plan seating_plan_hall; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER seating_plan_hall BEFORE INSERT ON public.seating_plan FOR EACH ROW EXECUTE FUNCTION public.bo_plan_hall_fill();


--
-- Name: seating_plan seating_plan_seat_cascade; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER seating_plan_seat_cascade AFTER DELETE ON public.seating_plan REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION public.bo_seat_cascade();


--
-- Name: section section_rank_carry; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER section_rank_carry BEFORE INSERT ON public.section FOR EACH ROW EXECUTE FUNCTION public.bo_section_rank_carry();


--
-- Name: section section_seat_cascade; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER section_seat_cascade AFTER DELETE ON public.section REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION public.bo_seat_cascade();


--
-- Name: show show_duration_changed; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER show_duration_changed AFTER UPDATE OF duration_minutes ON public.show FOR EACH ROW WHEN ((old.duration_minutes IS DISTINCT FROM new.duration_minutes)) EXECUTE FUNCTION public.bo_show_duration_changed();


--
-- Name: showtime showtime_fill; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER showtime_fill BEFORE INSERT OR UPDATE OF plan_id, starts_at, show_id, status, off_sale_at, off_sale_default ON public.showtime FOR EACH ROW EXECUTE FUNCTION public.bo_showtime_fill();


--
-- Name: showtime showtime_inventory_cascade; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER showtime_inventory_cascade AFTER DELETE ON public.showtime REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION public.bo_showtime_inventory_cascade();


--
-- Name: showtime_price showtime_price_audit_delete; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER showtime_price_audit_delete AFTER DELETE ON public.showtime_price REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.bo_audit_prices_removed();


--
-- Name: showtime_price showtime_price_audit_insert; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER showtime_price_audit_insert AFTER INSERT ON public.showtime_price REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.bo_audit_prices();


--
-- Name: showtime_price showtime_price_audit_update; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER showtime_price_audit_update AFTER UPDATE ON public.showtime_price REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.bo_audit_prices_changed();


--
-- Name: showtime_type_price showtime_type_price_audit_delete; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER showtime_type_price_audit_delete AFTER DELETE ON public.showtime_type_price REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.bo_audit_type_prices();


--
-- Name: showtime_type_price showtime_type_price_audit_insert; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER showtime_type_price_audit_insert AFTER INSERT ON public.showtime_type_price REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.bo_audit_type_prices();


--
-- Name: showtime_type_price showtime_type_price_audit_update; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER showtime_type_price_audit_update AFTER UPDATE ON public.showtime_type_price REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.bo_audit_type_prices();


--
-- Name: showtime_type_price showtime_type_price_not_full; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER showtime_type_price_not_full BEFORE INSERT OR UPDATE OF ticket_type_id ON public.showtime_type_price FOR EACH ROW EXECUTE FUNCTION public.bo_type_price_not_full();


--
-- Name: staff staff_keep_an_admin_delete; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER staff_keep_an_admin_delete AFTER DELETE ON public.staff REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.bo_staff_keep_an_admin();


--
-- Name: staff staff_keep_an_admin_update; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER staff_keep_an_admin_update AFTER UPDATE ON public.staff REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.bo_staff_keep_an_admin();


--
-- Name: ticket ticket_audit; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER ticket_audit AFTER UPDATE OF status, code_serial ON public.ticket FOR EACH ROW WHEN (((old.code_serial IS DISTINCT FROM new.code_serial) OR (((old.status)::text = 'valid'::text) AND ((new.status)::text = ANY ((ARRAY['void'::character varying, 'exchanged'::character varying])::text[]))))) EXECUTE FUNCTION public.bo_audit_ticket();


--
-- Name: ticket ticket_ga_capacity; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER ticket_ga_capacity AFTER INSERT OR UPDATE OF status, ga_area_id, showtime_id ON public.ticket FOR EACH ROW WHEN (((new.ga_area_id IS NOT NULL) AND ((new.status)::text = 'valid'::text))) EXECUTE FUNCTION public.bo_ticket_ga_capacity();


--
-- Name: ticket ticket_ga_notify_insert; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER ticket_ga_notify_insert AFTER INSERT ON public.ticket REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION public.bo_ga_notify();


--
-- Name: ticket ticket_ga_notify_update; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER ticket_ga_notify_update AFTER UPDATE ON public.ticket REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION public.bo_ga_notify();


--
-- Name: ticket ticket_promo_frozen; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER ticket_promo_frozen BEFORE UPDATE OF discount_minor, promo_code_id ON public.ticket FOR EACH ROW EXECUTE FUNCTION public.bo_ticket_promo_frozen();


--
-- Name: ticket ticket_requires_sold_seat; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER ticket_requires_sold_seat BEFORE INSERT OR UPDATE OF status ON public.ticket FOR EACH ROW EXECUTE FUNCTION public.bo_ticket_requires_sold_seat();


--
-- Name: ticket ticket_sale_frozen; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER ticket_sale_frozen BEFORE DELETE OR UPDATE ON public.ticket FOR EACH ROW EXECUTE FUNCTION public.bo_sale_record_frozen();


--
-- Name: ticket ticket_status_one_way; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER ticket_status_one_way BEFORE UPDATE OF status ON public.ticket FOR EACH ROW EXECUTE FUNCTION public.bo_ticket_status_one_way();


--
-- Name: ticket ticket_total_matches_order; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE CONSTRAINT TRIGGER ticket_total_matches_order AFTER INSERT OR DELETE OR UPDATE ON public.ticket DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.bo_order_total_check();


--
-- Name: ticket ticket_typed_price; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER ticket_typed_price BEFORE INSERT OR UPDATE OF ticket_type_id, price_minor ON public.ticket FOR EACH ROW EXECUTE FUNCTION public.bo_ticket_typed_price();


--
-- Name: ticket ticket_vat_stamp; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER ticket_vat_stamp BEFORE INSERT OR UPDATE OF vat_rate_bp ON public.ticket FOR EACH ROW EXECUTE FUNCTION public.bo_ticket_vat_stamp();


--
-- Name: till_shift till_shift_frozen; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER till_shift_frozen BEFORE DELETE OR UPDATE ON public.till_shift FOR EACH ROW EXECUTE FUNCTION public.bo_drawer_frozen();


--
-- Name: till_shift till_shift_no_truncate; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER till_shift_no_truncate BEFORE TRUNCATE ON public.till_shift FOR EACH STATEMENT EXECUTE FUNCTION public.bo_drawer_frozen();


--
-- Name: venue venue_hall; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER venue_hall AFTER INSERT ON public.venue FOR EACH ROW EXECUTE FUNCTION public.bo_venue_hall();


--
-- Name: venue venue_ticket_types; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER venue_ticket_types AFTER INSERT ON public.venue FOR EACH ROW EXECUTE FUNCTION public.bo_venue_ticket_types();


--
-- Name: z_counter z_counter_no_delete; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER z_counter_no_delete BEFORE DELETE ON public.z_counter FOR EACH ROW EXECUTE FUNCTION public.bo_drawer_frozen();


--
-- Name: z_counter z_counter_no_truncate; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER z_counter_no_truncate BEFORE TRUNCATE ON public.z_counter FOR EACH STATEMENT EXECUTE FUNCTION public.bo_drawer_frozen();


--
-- Name: z_counter z_counter_step; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER z_counter_step BEFORE UPDATE ON public.z_counter FOR EACH ROW EXECUTE FUNCTION public.bo_z_counter_step();


--
-- Name: z_report z_report_frozen; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER z_report_frozen BEFORE DELETE OR UPDATE ON public.z_report FOR EACH ROW EXECUTE FUNCTION public.bo_drawer_frozen();


--
-- Name: z_report z_report_no_truncate; Type: TRIGGER; Schema: public; Owner: bo_owner
--

CREATE TRIGGER z_report_no_truncate BEFORE TRUNCATE ON public.z_report FOR EACH STATEMENT EXECUTE FUNCTION public.bo_drawer_frozen();


--
-- Name: admission_conflict admission_conflict_showtime_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.admission_conflict
    ADD CONSTRAINT admission_conflict_showtime_id_fkey FOREIGN KEY (showtime_id) REFERENCES public.showtime(id);


--
-- Name: admission_conflict admission_conflict_ticket_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.admission_conflict
    ADD CONSTRAINT admission_conflict_ticket_id_fkey FOREIGN KEY (ticket_id) REFERENCES public.ticket(id);


--
-- Name: admission admission_showtime_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.admission
    ADD CONSTRAINT admission_showtime_id_fkey FOREIGN KEY (showtime_id) REFERENCES public.showtime(id);


--
-- Name: admission admission_ticket_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.admission
    ADD CONSTRAINT admission_ticket_id_fkey FOREIGN KEY (ticket_id) REFERENCES public.ticket(id);


--
-- Name: audit_log audit_log_staff_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_staff_id_fkey FOREIGN KEY (staff_id) REFERENCES public.staff(id);


--
-- Name: booking_line booking_line_booking_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.booking_line
    ADD CONSTRAINT booking_line_booking_id_fkey FOREIGN KEY (booking_id) REFERENCES public.booking(id) ON DELETE CASCADE;


--
-- Name: booking_line booking_line_category_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.booking_line
    ADD CONSTRAINT booking_line_category_id_fkey FOREIGN KEY (category_id) REFERENCES public.price_category(id);


--
-- Name: booking_line booking_line_ga_area_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.booking_line
    ADD CONSTRAINT booking_line_ga_area_id_fkey FOREIGN KEY (ga_area_id) REFERENCES public.ga_area(id);


--
-- Name: booking_line booking_line_promo_code_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.booking_line
    ADD CONSTRAINT booking_line_promo_code_id_fkey FOREIGN KEY (promo_code_id) REFERENCES public.promo_code(id);


--
-- Name: booking_line booking_line_seat_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.booking_line
    ADD CONSTRAINT booking_line_seat_id_fkey FOREIGN KEY (seat_id) REFERENCES public.seat(id);


--
-- Name: booking_line booking_line_ticket_type_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.booking_line
    ADD CONSTRAINT booking_line_ticket_type_id_fkey FOREIGN KEY (ticket_type_id) REFERENCES public.ticket_type(id);


--
-- Name: booking booking_order_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.booking
    ADD CONSTRAINT booking_order_id_fkey FOREIGN KEY (order_id) REFERENCES public.orders(id);


--
-- Name: booking_seat booking_seat_booking_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.booking_seat
    ADD CONSTRAINT booking_seat_booking_id_fkey FOREIGN KEY (booking_id) REFERENCES public.booking(id) ON DELETE CASCADE;


--
-- Name: booking_seat booking_seat_category_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.booking_seat
    ADD CONSTRAINT booking_seat_category_id_fkey FOREIGN KEY (category_id) REFERENCES public.price_category(id);


--
-- Name: booking_seat booking_seat_seat_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.booking_seat
    ADD CONSTRAINT booking_seat_seat_id_fkey FOREIGN KEY (seat_id) REFERENCES public.seat(id);


--
-- Name: booking booking_showtime_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.booking
    ADD CONSTRAINT booking_showtime_id_fkey FOREIGN KEY (showtime_id) REFERENCES public.showtime(id);


--
-- Name: customer_order customer_order_customer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.customer_order
    ADD CONSTRAINT customer_order_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customer(id);


--
-- Name: customer_order customer_order_order_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.customer_order
    ADD CONSTRAINT customer_order_order_id_fkey FOREIGN KEY (order_id) REFERENCES public.orders(id);


--
-- Name: device_key device_key_enrolled_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.device_key
    ADD CONSTRAINT device_key_enrolled_by_fkey FOREIGN KEY (enrolled_by) REFERENCES public.staff(id);


--
-- Name: device_key device_key_revoked_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.device_key
    ADD CONSTRAINT device_key_revoked_by_fkey FOREIGN KEY (revoked_by) REFERENCES public.staff(id);


--
-- Name: drawer_movement drawer_movement_shift_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.drawer_movement
    ADD CONSTRAINT drawer_movement_shift_id_fkey FOREIGN KEY (shift_id) REFERENCES public.till_shift(id);


--
-- Name: drawer_movement drawer_movement_staff_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.drawer_movement
    ADD CONSTRAINT drawer_movement_staff_id_fkey FOREIGN KEY (staff_id) REFERENCES public.staff(id);


--
-- Name: exchange exchange_credit_refund_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.exchange
    ADD CONSTRAINT exchange_credit_refund_id_fkey FOREIGN KEY (credit_refund_id) REFERENCES public.refund(id);


--
-- Name: exchange exchange_from_order_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.exchange
    ADD CONSTRAINT exchange_from_order_id_fkey FOREIGN KEY (from_order_id) REFERENCES public.orders(id);


--
-- Name: exchange exchange_remainder_refund_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.exchange
    ADD CONSTRAINT exchange_remainder_refund_id_fkey FOREIGN KEY (remainder_refund_id) REFERENCES public.refund(id);


--
-- Name: exchange exchange_staff_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.exchange
    ADD CONSTRAINT exchange_staff_id_fkey FOREIGN KEY (staff_id) REFERENCES public.staff(id);


--
-- Name: exchange exchange_to_order_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.exchange
    ADD CONSTRAINT exchange_to_order_id_fkey FOREIGN KEY (to_order_id) REFERENCES public.orders(id);


--
-- Name: ga_area ga_area_category_id_plan_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.ga_area
    ADD CONSTRAINT ga_area_category_id_plan_id_fkey FOREIGN KEY (category_id, plan_id) REFERENCES public.price_category(id, plan_id);


--
-- Name: ga_area ga_area_plan_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.ga_area
    ADD CONSTRAINT ga_area_plan_id_fkey FOREIGN KEY (plan_id) REFERENCES public.seating_plan(id) ON DELETE CASCADE;


--
-- Name: ga_hold ga_hold_showtime_id_ga_area_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.ga_hold
    ADD CONSTRAINT ga_hold_showtime_id_ga_area_id_fkey FOREIGN KEY (showtime_id, ga_area_id) REFERENCES public.ga_inventory(showtime_id, ga_area_id) ON DELETE CASCADE;


--
-- Name: ga_inventory ga_inventory_ga_area_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.ga_inventory
    ADD CONSTRAINT ga_inventory_ga_area_id_fkey FOREIGN KEY (ga_area_id) REFERENCES public.ga_area(id);


--
-- Name: ga_inventory ga_inventory_showtime_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.ga_inventory
    ADD CONSTRAINT ga_inventory_showtime_id_fkey FOREIGN KEY (showtime_id) REFERENCES public.showtime(id) ON DELETE CASCADE;


--
-- Name: hall hall_venue_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.hall
    ADD CONSTRAINT hall_venue_id_fkey FOREIGN KEY (venue_id) REFERENCES public.venue(id);


--
-- Name: mail_outbox mail_outbox_booking_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.mail_outbox
    ADD CONSTRAINT mail_outbox_booking_id_fkey FOREIGN KEY (booking_id) REFERENCES public.booking(id);


--
-- Name: manager_override manager_override_for_staff_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.manager_override
    ADD CONSTRAINT manager_override_for_staff_fkey FOREIGN KEY (for_staff) REFERENCES public.staff(id);


--
-- Name: manager_override manager_override_granted_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.manager_override
    ADD CONSTRAINT manager_override_granted_by_fkey FOREIGN KEY (granted_by) REFERENCES public.staff(id);


--
-- Name: manager_override manager_override_order_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.manager_override
    ADD CONSTRAINT manager_override_order_id_fkey FOREIGN KEY (order_id) REFERENCES public.orders(id);


--
-- Name: manager_override manager_override_showtime_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.manager_override
    ADD CONSTRAINT manager_override_showtime_id_fkey FOREIGN KEY (showtime_id) REFERENCES public.showtime(id);


--
-- Name: manager_override manager_override_used_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.manager_override
    ADD CONSTRAINT manager_override_used_by_fkey FOREIGN KEY (used_by) REFERENCES public.staff(id);


--
-- Name: order_customer order_customer_order_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.order_customer
    ADD CONSTRAINT order_customer_order_id_fkey FOREIGN KEY (order_id) REFERENCES public.orders(id);


--
-- Name: order_paid order_paid_order_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.order_paid
    ADD CONSTRAINT order_paid_order_id_fkey FOREIGN KEY (order_id) REFERENCES public.orders(id);


--
-- Name: orders orders_exchanged_from_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.orders
    ADD CONSTRAINT orders_exchanged_from_fkey FOREIGN KEY (exchanged_from) REFERENCES public.orders(id);


--
-- Name: orders orders_staff_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.orders
    ADD CONSTRAINT orders_staff_id_fkey FOREIGN KEY (staff_id) REFERENCES public.staff(id);


--
-- Name: payment payment_order_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.payment
    ADD CONSTRAINT payment_order_id_fkey FOREIGN KEY (order_id) REFERENCES public.orders(id);


--
-- Name: payment payment_override_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.payment
    ADD CONSTRAINT payment_override_id_fkey FOREIGN KEY (override_id) REFERENCES public.manager_override(id);


--
-- Name: payment_session payment_session_booking_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.payment_session
    ADD CONSTRAINT payment_session_booking_id_fkey FOREIGN KEY (booking_id) REFERENCES public.booking(id);


--
-- Name: payment payment_shift_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.payment
    ADD CONSTRAINT payment_shift_id_fkey FOREIGN KEY (shift_id) REFERENCES public.till_shift(id);


--
-- Name: plan_area plan_area_plan_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.plan_area
    ADD CONSTRAINT plan_area_plan_id_fkey FOREIGN KEY (plan_id) REFERENCES public.seating_plan(id) ON DELETE CASCADE;


--
-- Name: plan_area plan_area_section_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.plan_area
    ADD CONSTRAINT plan_area_section_id_fkey FOREIGN KEY (section_id) REFERENCES public.section(id) ON DELETE CASCADE;


--
-- Name: price_category price_category_plan_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.price_category
    ADD CONSTRAINT price_category_plan_id_fkey FOREIGN KEY (plan_id) REFERENCES public.seating_plan(id) ON DELETE CASCADE;


--
-- Name: price_rule price_rule_category_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.price_rule
    ADD CONSTRAINT price_rule_category_id_fkey FOREIGN KEY (category_id) REFERENCES public.price_category(id) ON DELETE CASCADE;


--
-- Name: price_rule price_rule_plan_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.price_rule
    ADD CONSTRAINT price_rule_plan_id_fkey FOREIGN KEY (plan_id) REFERENCES public.seating_plan(id) ON DELETE CASCADE;


--
-- Name: price_rule price_rule_ticket_type_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.price_rule
    ADD CONSTRAINT price_rule_ticket_type_id_fkey FOREIGN KEY (ticket_type_id) REFERENCES public.ticket_type(id) ON DELETE CASCADE;


--
-- Name: price_rule price_rule_venue_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.price_rule
    ADD CONSTRAINT price_rule_venue_id_fkey FOREIGN KEY (venue_id) REFERENCES public.venue(id) ON DELETE CASCADE;


--
-- Name: promo_code promo_code_category_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.promo_code
    ADD CONSTRAINT promo_code_category_id_fkey FOREIGN KEY (category_id) REFERENCES public.price_category(id);


--
-- Name: promo_code promo_code_show_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.promo_code
    ADD CONSTRAINT promo_code_show_id_fkey FOREIGN KEY (show_id) REFERENCES public.show(id);


--
-- Name: promo_code promo_code_showtime_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.promo_code
    ADD CONSTRAINT promo_code_showtime_id_fkey FOREIGN KEY (showtime_id) REFERENCES public.showtime(id);


--
-- Name: promo_code promo_code_ticket_type_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.promo_code
    ADD CONSTRAINT promo_code_ticket_type_id_fkey FOREIGN KEY (ticket_type_id) REFERENCES public.ticket_type(id);


--
-- Name: promo_redemption promo_redemption_booking_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.promo_redemption
    ADD CONSTRAINT promo_redemption_booking_id_fkey FOREIGN KEY (booking_id) REFERENCES public.booking(id);


--
-- Name: promo_redemption promo_redemption_code_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.promo_redemption
    ADD CONSTRAINT promo_redemption_code_id_fkey FOREIGN KEY (code_id) REFERENCES public.promo_code(id);


--
-- Name: promo_redemption promo_redemption_order_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.promo_redemption
    ADD CONSTRAINT promo_redemption_order_id_fkey FOREIGN KEY (order_id) REFERENCES public.orders(id);


--
-- Name: refund refund_order_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.refund
    ADD CONSTRAINT refund_order_id_fkey FOREIGN KEY (order_id) REFERENCES public.orders(id);


--
-- Name: refund refund_shift_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.refund
    ADD CONSTRAINT refund_shift_id_fkey FOREIGN KEY (shift_id) REFERENCES public.till_shift(id);


--
-- Name: refund_ticket refund_ticket_refund_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.refund_ticket
    ADD CONSTRAINT refund_ticket_refund_id_fkey FOREIGN KEY (refund_id) REFERENCES public.refund(id);


--
-- Name: refund_ticket refund_ticket_ticket_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.refund_ticket
    ADD CONSTRAINT refund_ticket_ticket_id_fkey FOREIGN KEY (ticket_id) REFERENCES public.ticket(id);


--
-- Name: seating_plan seating_plan_hall_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.seating_plan
    ADD CONSTRAINT seating_plan_hall_fkey FOREIGN KEY (hall_id, venue_id) REFERENCES public.hall(id, venue_id);


--
-- Name: seating_plan seating_plan_venue_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.seating_plan
    ADD CONSTRAINT seating_plan_venue_id_fkey FOREIGN KEY (venue_id) REFERENCES public.venue(id) ON DELETE CASCADE;


--
-- Name: section section_plan_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.section
    ADD CONSTRAINT section_plan_id_fkey FOREIGN KEY (plan_id) REFERENCES public.seating_plan(id) ON DELETE CASCADE;


--
-- Name: showtime showtime_hall_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.showtime
    ADD CONSTRAINT showtime_hall_fkey FOREIGN KEY (hall_id) REFERENCES public.hall(id);


--
-- Name: showtime showtime_plan_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.showtime
    ADD CONSTRAINT showtime_plan_id_fkey FOREIGN KEY (plan_id) REFERENCES public.seating_plan(id);


--
-- Name: showtime_price showtime_price_category_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.showtime_price
    ADD CONSTRAINT showtime_price_category_id_fkey FOREIGN KEY (category_id) REFERENCES public.price_category(id);


--
-- Name: showtime_price showtime_price_showtime_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.showtime_price
    ADD CONSTRAINT showtime_price_showtime_id_fkey FOREIGN KEY (showtime_id) REFERENCES public.showtime(id) ON DELETE CASCADE;


--
-- Name: showtime showtime_show_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.showtime
    ADD CONSTRAINT showtime_show_id_fkey FOREIGN KEY (show_id) REFERENCES public.show(id);


--
-- Name: showtime_type_price showtime_type_price_category_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.showtime_type_price
    ADD CONSTRAINT showtime_type_price_category_id_fkey FOREIGN KEY (category_id) REFERENCES public.price_category(id);


--
-- Name: showtime_type_price showtime_type_price_showtime_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.showtime_type_price
    ADD CONSTRAINT showtime_type_price_showtime_id_fkey FOREIGN KEY (showtime_id) REFERENCES public.showtime(id) ON DELETE CASCADE;


--
-- Name: showtime_type_price showtime_type_price_ticket_type_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.showtime_type_price
    ADD CONSTRAINT showtime_type_price_ticket_type_id_fkey FOREIGN KEY (ticket_type_id) REFERENCES public.ticket_type(id);


--
-- Name: showtime showtime_venue_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.showtime
    ADD CONSTRAINT showtime_venue_id_fkey FOREIGN KEY (venue_id) REFERENCES public.venue(id);


--
-- Name: ticket ticket_category_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.ticket
    ADD CONSTRAINT ticket_category_id_fkey FOREIGN KEY (category_id) REFERENCES public.price_category(id);


--
-- Name: ticket ticket_ga_area_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.ticket
    ADD CONSTRAINT ticket_ga_area_id_fkey FOREIGN KEY (ga_area_id) REFERENCES public.ga_area(id);


--
-- Name: ticket ticket_key_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.ticket
    ADD CONSTRAINT ticket_key_id_fkey FOREIGN KEY (key_id) REFERENCES public.device_key(id);


--
-- Name: ticket ticket_order_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.ticket
    ADD CONSTRAINT ticket_order_id_fkey FOREIGN KEY (order_id) REFERENCES public.orders(id);


--
-- Name: ticket ticket_promo_code_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.ticket
    ADD CONSTRAINT ticket_promo_code_id_fkey FOREIGN KEY (promo_code_id) REFERENCES public.promo_code(id);


--
-- Name: ticket ticket_seat_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.ticket
    ADD CONSTRAINT ticket_seat_id_fkey FOREIGN KEY (seat_id) REFERENCES public.seat(id);


--
-- Name: ticket ticket_showtime_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.ticket
    ADD CONSTRAINT ticket_showtime_id_fkey FOREIGN KEY (showtime_id) REFERENCES public.showtime(id);


--
-- Name: ticket ticket_ticket_type_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.ticket
    ADD CONSTRAINT ticket_ticket_type_id_fkey FOREIGN KEY (ticket_type_id) REFERENCES public.ticket_type(id);


--
-- Name: ticket_type ticket_type_venue_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.ticket_type
    ADD CONSTRAINT ticket_type_venue_id_fkey FOREIGN KEY (venue_id) REFERENCES public.venue(id) ON DELETE CASCADE;


--
-- Name: till_shift till_shift_closed_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.till_shift
    ADD CONSTRAINT till_shift_closed_by_fkey FOREIGN KEY (closed_by) REFERENCES public.staff(id);


--
-- Name: till_shift till_shift_staff_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.till_shift
    ADD CONSTRAINT till_shift_staff_id_fkey FOREIGN KEY (staff_id) REFERENCES public.staff(id);


--
-- Name: z_report z_report_closed_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.z_report
    ADD CONSTRAINT z_report_closed_by_fkey FOREIGN KEY (closed_by) REFERENCES public.staff(id);


--
-- Name: z_report z_report_shift_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.z_report
    ADD CONSTRAINT z_report_shift_id_fkey FOREIGN KEY (shift_id) REFERENCES public.till_shift(id);


--
-- Name: z_report z_report_staff_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: bo_owner
--

ALTER TABLE ONLY public.z_report
    ADD CONSTRAINT z_report_staff_id_fkey FOREIGN KEY (staff_id) REFERENCES public.staff(id);


--
-- Name: SCHEMA public; Type: ACL; Schema: -; Owner: bo_owner
--

GRANT USAGE ON SCHEMA public TO bo_cashier;
GRANT USAGE ON SCHEMA public TO bo_door;
GRANT USAGE ON SCHEMA public TO bo_manager;
GRANT USAGE ON SCHEMA public TO bo_admin;
GRANT USAGE ON SCHEMA public TO bo_web;


--
-- Name: FUNCTION bo_actor(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_actor() FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_actor() TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_actor() TO bo_door;
GRANT ALL ON FUNCTION public.bo_actor() TO bo_manager;
GRANT ALL ON FUNCTION public.bo_actor() TO bo_admin;
GRANT ALL ON FUNCTION public.bo_actor() TO bo_web;


--
-- Name: FUNCTION bo_admit(p_ticket bigint, p_serial integer, p_showtime integer, p_gate text, p_device text, p_serving integer[], p_offline_id uuid, p_scanned_at timestamp with time zone); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_admit(p_ticket bigint, p_serial integer, p_showtime integer, p_gate text, p_device text, p_serving integer[], p_offline_id uuid, p_scanned_at timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_admit(p_ticket bigint, p_serial integer, p_showtime integer, p_gate text, p_device text, p_serving integer[], p_offline_id uuid, p_scanned_at timestamp with time zone) TO bo_door;
GRANT ALL ON FUNCTION public.bo_admit(p_ticket bigint, p_serial integer, p_showtime integer, p_gate text, p_device text, p_serving integer[], p_offline_id uuid, p_scanned_at timestamp with time zone) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_admit(p_ticket bigint, p_serial integer, p_showtime integer, p_gate text, p_device text, p_serving integer[], p_offline_id uuid, p_scanned_at timestamp with time zone) TO bo_admin;


--
-- Name: FUNCTION bo_amend_sale_begin(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_amend_sale_begin() FROM PUBLIC;


--
-- Name: FUNCTION bo_audit(p_action text, p_target text, p_details jsonb, p_till text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_audit(p_action text, p_target text, p_details jsonb, p_till text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_audit(p_action text, p_target text, p_details jsonb, p_till text) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_audit(p_action text, p_target text, p_details jsonb, p_till text) TO bo_door;
GRANT ALL ON FUNCTION public.bo_audit(p_action text, p_target text, p_details jsonb, p_till text) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_audit(p_action text, p_target text, p_details jsonb, p_till text) TO bo_admin;


--
-- Name: FUNCTION bo_audit_blocks(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_audit_blocks() FROM PUBLIC;


--
-- Name: FUNCTION bo_audit_log_append_only(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_audit_log_append_only() FROM PUBLIC;


--
-- Name: FUNCTION bo_audit_log_stamp(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_audit_log_stamp() FROM PUBLIC;


--
-- Name: FUNCTION bo_audit_prices(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_audit_prices() FROM PUBLIC;


--
-- Name: FUNCTION bo_audit_prices_changed(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_audit_prices_changed() FROM PUBLIC;


--
-- Name: FUNCTION bo_audit_prices_removed(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_audit_prices_removed() FROM PUBLIC;


--
-- Name: FUNCTION bo_audit_refund(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_audit_refund() FROM PUBLIC;


--
-- Name: FUNCTION bo_audit_sale(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_audit_sale() FROM PUBLIC;


--
-- Name: FUNCTION bo_audit_ticket(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_audit_ticket() FROM PUBLIC;


--
-- Name: FUNCTION bo_audit_type_prices(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_audit_type_prices() FROM PUBLIC;


--
-- Name: FUNCTION bo_bad_input(p_message text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_bad_input(p_message text) FROM PUBLIC;


--
-- Name: FUNCTION bo_block(p_showtime integer, p_seats integer[], p_reason text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_block(p_showtime integer, p_seats integer[], p_reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_block(p_showtime integer, p_seats integer[], p_reason text) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_block(p_showtime integer, p_seats integer[], p_reason text) TO bo_admin;


--
-- Name: FUNCTION bo_block_not_for_sale(p_showtime integer, p_plan integer); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_block_not_for_sale(p_showtime integer, p_plan integer) FROM PUBLIC;


--
-- Name: FUNCTION bo_book(p_showtime integer, p_token uuid, p_channel text, p_seconds integer, p_email text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_book(p_showtime integer, p_token uuid, p_channel text, p_seconds integer, p_email text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_book(p_showtime integer, p_token uuid, p_channel text, p_seconds integer, p_email text) TO bo_web;


--
-- Name: FUNCTION bo_book_lines(p_showtime integer, p_token uuid, p_channel text, p_seconds integer, p_email text, p_types jsonb, p_ga jsonb, p_promo text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_book_lines(p_showtime integer, p_token uuid, p_channel text, p_seconds integer, p_email text, p_types jsonb, p_ga jsonb, p_promo text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_book_lines(p_showtime integer, p_token uuid, p_channel text, p_seconds integer, p_email text, p_types jsonb, p_ga jsonb, p_promo text) TO bo_web;


--
-- Name: FUNCTION bo_booking_frees_ga(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_booking_frees_ga() FROM PUBLIC;


--
-- Name: FUNCTION bo_booking_mails_tickets(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_booking_mails_tickets() FROM PUBLIC;


--
-- Name: FUNCTION bo_booking_transition(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_booking_transition() FROM PUBLIC;


--
-- Name: FUNCTION bo_caller_kind(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_caller_kind() FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_caller_kind() TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_caller_kind() TO bo_door;
GRANT ALL ON FUNCTION public.bo_caller_kind() TO bo_manager;
GRANT ALL ON FUNCTION public.bo_caller_kind() TO bo_admin;
GRANT ALL ON FUNCTION public.bo_caller_kind() TO bo_web;


--
-- Name: FUNCTION bo_category_seat_restrict(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_category_seat_restrict() FROM PUBLIC;


--
-- Name: FUNCTION bo_category_vat_set(p_category integer, p_vat_rate_bp integer); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_category_vat_set(p_category integer, p_vat_rate_bp integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_category_vat_set(p_category integer, p_vat_rate_bp integer) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_category_vat_set(p_category integer, p_vat_rate_bp integer) TO bo_admin;


--
-- Name: FUNCTION bo_check_verifier(p_verifier text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_check_verifier(p_verifier text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_check_verifier(p_verifier text) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_check_verifier(p_verifier text) TO bo_door;
GRANT ALL ON FUNCTION public.bo_check_verifier(p_verifier text) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_check_verifier(p_verifier text) TO bo_admin;
GRANT ALL ON FUNCTION public.bo_check_verifier(p_verifier text) TO bo_web;


--
-- Name: FUNCTION bo_checkout(p_showtime integer, p_token uuid, p_channel text, p_seats integer[], p_types integer[], p_ga jsonb, p_tenders jsonb, p_override uuid, p_expected integer, p_promo text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_checkout(p_showtime integer, p_token uuid, p_channel text, p_seats integer[], p_types integer[], p_ga jsonb, p_tenders jsonb, p_override uuid, p_expected integer, p_promo text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_checkout(p_showtime integer, p_token uuid, p_channel text, p_seats integer[], p_types integer[], p_ga jsonb, p_tenders jsonb, p_override uuid, p_expected integer, p_promo text) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_checkout(p_showtime integer, p_token uuid, p_channel text, p_seats integer[], p_types integer[], p_ga jsonb, p_tenders jsonb, p_override uuid, p_expected integer, p_promo text) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_checkout(p_showtime integer, p_token uuid, p_channel text, p_seats integer[], p_types integer[], p_ga jsonb, p_tenders jsonb, p_override uuid, p_expected integer, p_promo text) TO bo_admin;


--
-- Name: FUNCTION bo_claim_codes(p_order integer, p_public_key bytea); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_claim_codes(p_order integer, p_public_key bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_claim_codes(p_order integer, p_public_key bytea) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_claim_codes(p_order integer, p_public_key bytea) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_claim_codes(p_order integer, p_public_key bytea) TO bo_admin;
GRANT ALL ON FUNCTION public.bo_claim_codes(p_order integer, p_public_key bytea) TO bo_web;


--
-- Name: FUNCTION bo_code_key_refusal(p_ticket bigint, p_serial integer, p_key integer); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_code_key_refusal(p_ticket bigint, p_serial integer, p_key integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_code_key_refusal(p_ticket bigint, p_serial integer, p_key integer) TO bo_door;
GRANT ALL ON FUNCTION public.bo_code_key_refusal(p_ticket bigint, p_serial integer, p_key integer) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_code_key_refusal(p_ticket bigint, p_serial integer, p_key integer) TO bo_admin;


--
-- Name: FUNCTION bo_commit_version_lock(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_commit_version_lock() FROM PUBLIC;


--
-- Name: FUNCTION bo_confirm_booking(p_booking uuid, p_method text, p_reference text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_confirm_booking(p_booking uuid, p_method text, p_reference text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_confirm_booking(p_booking uuid, p_method text, p_reference text) TO bo_web;


--
-- Name: FUNCTION bo_confirm_booking_lines(p_booking uuid, p_method text, p_reference text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_confirm_booking_lines(p_booking uuid, p_method text, p_reference text) FROM PUBLIC;


--
-- Name: FUNCTION bo_count_total(p_counted jsonb); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_count_total(p_counted jsonb) FROM PUBLIC;


--
-- Name: FUNCTION bo_customer_erase(p_customer integer); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_customer_erase(p_customer integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_customer_erase(p_customer integer) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_customer_erase(p_customer integer) TO bo_admin;


--
-- Name: FUNCTION bo_customer_export(p_customer integer); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_customer_export(p_customer integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_customer_export(p_customer integer) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_customer_export(p_customer integer) TO bo_admin;


--
-- Name: FUNCTION bo_customer_find(p_query text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_customer_find(p_query text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_customer_find(p_query text) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_customer_find(p_query text) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_customer_find(p_query text) TO bo_admin;


--
-- Name: FUNCTION bo_customer_link_order(p_customer integer, p_order integer); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_customer_link_order(p_customer integer, p_order integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_customer_link_order(p_customer integer, p_order integer) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_customer_link_order(p_customer integer, p_order integer) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_customer_link_order(p_customer integer, p_order integer) TO bo_admin;


--
-- Name: FUNCTION bo_customer_orders(p_customer integer); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_customer_orders(p_customer integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_customer_orders(p_customer integer) TO bo_web;
GRANT ALL ON FUNCTION public.bo_customer_orders(p_customer integer) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_customer_orders(p_customer integer) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_customer_orders(p_customer integer) TO bo_admin;


--
-- Name: FUNCTION bo_customer_require(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_customer_require() FROM PUBLIC;


--
-- Name: FUNCTION bo_customer_save(p_name text, p_email text, p_phone text, p_consent boolean); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_customer_save(p_name text, p_email text, p_phone text, p_consent boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_customer_save(p_name text, p_email text, p_phone text, p_consent boolean) TO bo_web;
GRANT ALL ON FUNCTION public.bo_customer_save(p_name text, p_email text, p_phone text, p_consent boolean) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_customer_save(p_name text, p_email text, p_phone text, p_consent boolean) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_customer_save(p_name text, p_email text, p_phone text, p_consent boolean) TO bo_admin;


--
-- Name: FUNCTION bo_customer_verify(p_email text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_customer_verify(p_email text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_customer_verify(p_email text) TO bo_web;


--
-- Name: FUNCTION bo_device_enrol(p_name text, p_public_key bytea); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_device_enrol(p_name text, p_public_key bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_device_enrol(p_name text, p_public_key bytea) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_device_enrol(p_name text, p_public_key bytea) TO bo_admin;


--
-- Name: TABLE device_key; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT ON TABLE public.device_key TO bo_cashier;
GRANT SELECT ON TABLE public.device_key TO bo_door;
GRANT SELECT ON TABLE public.device_key TO bo_manager;
GRANT SELECT ON TABLE public.device_key TO bo_admin;
GRANT SELECT ON TABLE public.device_key TO bo_web;


--
-- Name: FUNCTION bo_device_key_live(p_public_key bytea); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_device_key_live(p_public_key bytea) FROM PUBLIC;


--
-- Name: FUNCTION bo_device_revoke(p_name text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_device_revoke(p_name text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_device_revoke(p_name text) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_device_revoke(p_name text) TO bo_admin;


--
-- Name: FUNCTION bo_doors_open(p_showtime integer); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_doors_open(p_showtime integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_doors_open(p_showtime integer) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_doors_open(p_showtime integer) TO bo_door;
GRANT ALL ON FUNCTION public.bo_doors_open(p_showtime integer) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_doors_open(p_showtime integer) TO bo_admin;
GRANT ALL ON FUNCTION public.bo_doors_open(p_showtime integer) TO bo_web;


--
-- Name: FUNCTION bo_drawer_frozen(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_drawer_frozen() FROM PUBLIC;


--
-- Name: FUNCTION bo_drawer_movement(p_shift integer, p_kind text, p_amount integer, p_reason text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_drawer_movement(p_shift integer, p_kind text, p_amount integer, p_reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_drawer_movement(p_shift integer, p_kind text, p_amount integer, p_reason text) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_drawer_movement(p_shift integer, p_kind text, p_amount integer, p_reason text) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_drawer_movement(p_shift integer, p_kind text, p_amount integer, p_reason text) TO bo_admin;


--
-- Name: FUNCTION bo_end_booking(p_booking uuid, p_status text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_end_booking(p_booking uuid, p_status text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_end_booking(p_booking uuid, p_status text) TO bo_web;


--
-- Name: FUNCTION bo_end_booking_if_pending(p_booking uuid, p_status text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_end_booking_if_pending(p_booking uuid, p_status text) FROM PUBLIC;


--
-- Name: FUNCTION bo_exchange(p_order integer, p_tickets bigint[], p_showtime integer, p_seats integer[], p_types integer[], p_tenders jsonb, p_refund_method text, p_reason text, p_channel text, p_expected_difference integer); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_exchange(p_order integer, p_tickets bigint[], p_showtime integer, p_seats integer[], p_types integer[], p_tenders jsonb, p_refund_method text, p_reason text, p_channel text, p_expected_difference integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_exchange(p_order integer, p_tickets bigint[], p_showtime integer, p_seats integer[], p_types integer[], p_tenders jsonb, p_refund_method text, p_reason text, p_channel text, p_expected_difference integer) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_exchange(p_order integer, p_tickets bigint[], p_showtime integer, p_seats integer[], p_types integer[], p_tenders jsonb, p_refund_method text, p_reason text, p_channel text, p_expected_difference integer) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_exchange(p_order integer, p_tickets bigint[], p_showtime integer, p_seats integer[], p_types integer[], p_tenders jsonb, p_refund_method text, p_reason text, p_channel text, p_expected_difference integer) TO bo_admin;


--
-- Name: FUNCTION bo_exit(p_ticket bigint, p_serial integer, p_showtime integer, p_gate text, p_device text, p_serving integer[], p_offline_id uuid, p_scanned_at timestamp with time zone); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_exit(p_ticket bigint, p_serial integer, p_showtime integer, p_gate text, p_device text, p_serving integer[], p_offline_id uuid, p_scanned_at timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_exit(p_ticket bigint, p_serial integer, p_showtime integer, p_gate text, p_device text, p_serving integer[], p_offline_id uuid, p_scanned_at timestamp with time zone) TO bo_door;
GRANT ALL ON FUNCTION public.bo_exit(p_ticket bigint, p_serial integer, p_showtime integer, p_gate text, p_device text, p_serving integer[], p_offline_id uuid, p_scanned_at timestamp with time zone) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_exit(p_ticket bigint, p_serial integer, p_showtime integer, p_gate text, p_device text, p_serving integer[], p_offline_id uuid, p_scanned_at timestamp with time zone) TO bo_admin;


--
-- Name: FUNCTION bo_ga_hold(p_showtime integer, p_area integer, p_quantity integer, p_token uuid, p_channel text, p_seconds integer); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_ga_hold(p_showtime integer, p_area integer, p_quantity integer, p_token uuid, p_channel text, p_seconds integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_ga_hold(p_showtime integer, p_area integer, p_quantity integer, p_token uuid, p_channel text, p_seconds integer) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_ga_hold(p_showtime integer, p_area integer, p_quantity integer, p_token uuid, p_channel text, p_seconds integer) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_ga_hold(p_showtime integer, p_area integer, p_quantity integer, p_token uuid, p_channel text, p_seconds integer) TO bo_admin;


--
-- Name: FUNCTION bo_ga_hold_late(p_override uuid, p_showtime integer, p_area integer, p_quantity integer, p_token uuid, p_channel text, p_seconds integer); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_ga_hold_late(p_override uuid, p_showtime integer, p_area integer, p_quantity integer, p_token uuid, p_channel text, p_seconds integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_ga_hold_late(p_override uuid, p_showtime integer, p_area integer, p_quantity integer, p_token uuid, p_channel text, p_seconds integer) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_ga_hold_late(p_override uuid, p_showtime integer, p_area integer, p_quantity integer, p_token uuid, p_channel text, p_seconds integer) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_ga_hold_late(p_override uuid, p_showtime integer, p_area integer, p_quantity integer, p_token uuid, p_channel text, p_seconds integer) TO bo_admin;


--
-- Name: FUNCTION bo_ga_label(p_area integer); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_ga_label(p_area integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_ga_label(p_area integer) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_ga_label(p_area integer) TO bo_door;
GRANT ALL ON FUNCTION public.bo_ga_label(p_area integer) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_ga_label(p_area integer) TO bo_admin;
GRANT ALL ON FUNCTION public.bo_ga_label(p_area integer) TO bo_web;


--
-- Name: FUNCTION bo_ga_notify(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_ga_notify() FROM PUBLIC;


--
-- Name: FUNCTION bo_ga_release(p_token uuid, p_showtime integer, p_area integer); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_ga_release(p_token uuid, p_showtime integer, p_area integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_ga_release(p_token uuid, p_showtime integer, p_area integer) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_ga_release(p_token uuid, p_showtime integer, p_area integer) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_ga_release(p_token uuid, p_showtime integer, p_area integer) TO bo_admin;
GRANT ALL ON FUNCTION public.bo_ga_release(p_token uuid, p_showtime integer, p_area integer) TO bo_web;


--
-- Name: FUNCTION bo_ga_sell(p_showtime integer, p_area integer, p_quantity integer, p_token uuid); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_ga_sell(p_showtime integer, p_area integer, p_quantity integer, p_token uuid) FROM PUBLIC;


--
-- Name: FUNCTION bo_ga_taken(p_showtime integer, p_area integer, p_except uuid); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_ga_taken(p_showtime integer, p_area integer, p_except uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_ga_taken(p_showtime integer, p_area integer, p_except uuid) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_ga_taken(p_showtime integer, p_area integer, p_except uuid) TO bo_door;
GRANT ALL ON FUNCTION public.bo_ga_taken(p_showtime integer, p_area integer, p_except uuid) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_ga_taken(p_showtime integer, p_area integer, p_except uuid) TO bo_admin;
GRANT ALL ON FUNCTION public.bo_ga_taken(p_showtime integer, p_area integer, p_except uuid) TO bo_web;


--
-- Name: FUNCTION bo_gateway_decide(p_session text, p_outcome text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_gateway_decide(p_session text, p_outcome text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_gateway_decide(p_session text, p_outcome text) TO bo_web;


--
-- Name: FUNCTION bo_group_of(p_role text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_group_of(p_role text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_group_of(p_role text) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_group_of(p_role text) TO bo_door;
GRANT ALL ON FUNCTION public.bo_group_of(p_role text) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_group_of(p_role text) TO bo_admin;
GRANT ALL ON FUNCTION public.bo_group_of(p_role text) TO bo_web;


--
-- Name: FUNCTION bo_hall_add(p_venue integer, p_name text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_hall_add(p_venue integer, p_name text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_hall_add(p_venue integer, p_name text) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_hall_add(p_venue integer, p_name text) TO bo_admin;


--
-- Name: FUNCTION bo_hall_name(p_name text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_hall_name(p_name text) FROM PUBLIC;


--
-- Name: FUNCTION bo_hall_rename(p_hall integer, p_name text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_hall_rename(p_hall integer, p_name text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_hall_rename(p_hall integer, p_name text) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_hall_rename(p_hall integer, p_name text) TO bo_admin;


--
-- Name: FUNCTION bo_hold(p_showtime integer, p_seats integer[], p_token uuid, p_channel text, p_seconds integer); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_hold(p_showtime integer, p_seats integer[], p_token uuid, p_channel text, p_seconds integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_hold(p_showtime integer, p_seats integer[], p_token uuid, p_channel text, p_seconds integer) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_hold(p_showtime integer, p_seats integer[], p_token uuid, p_channel text, p_seconds integer) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_hold(p_showtime integer, p_seats integer[], p_token uuid, p_channel text, p_seconds integer) TO bo_admin;


--
-- Name: FUNCTION bo_hold_late(p_override uuid, p_showtime integer, p_seats integer[], p_token uuid, p_channel text, p_seconds integer); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_hold_late(p_override uuid, p_showtime integer, p_seats integer[], p_token uuid, p_channel text, p_seconds integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_hold_late(p_override uuid, p_showtime integer, p_seats integer[], p_token uuid, p_channel text, p_seconds integer) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_hold_late(p_override uuid, p_showtime integer, p_seats integer[], p_token uuid, p_channel text, p_seconds integer) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_hold_late(p_override uuid, p_showtime integer, p_seats integer[], p_token uuid, p_channel text, p_seconds integer) TO bo_admin;


--
-- Name: FUNCTION bo_hold_limit(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_hold_limit() FROM PUBLIC;


--
-- Name: FUNCTION bo_holder_is_caller(p_login name); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_holder_is_caller(p_login name) FROM PUBLIC;


--
-- Name: FUNCTION bo_inventory_bump_version(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_inventory_bump_version() FROM PUBLIC;


--
-- Name: FUNCTION bo_inventory_commit_version(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_inventory_commit_version() FROM PUBLIC;


--
-- Name: FUNCTION bo_inventory_notify(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_inventory_notify() FROM PUBLIC;


--
-- Name: FUNCTION bo_inventory_ref_check_row(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_inventory_ref_check_row() FROM PUBLIC;


--
-- Name: FUNCTION bo_inventory_refs_check(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_inventory_refs_check() FROM PUBLIC;


--
-- Name: FUNCTION bo_late_pass(p_open boolean); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_late_pass(p_open boolean) FROM PUBLIC;


--
-- Name: FUNCTION bo_late_pass_open(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_late_pass_open() FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_late_pass_open() TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_late_pass_open() TO bo_door;
GRANT ALL ON FUNCTION public.bo_late_pass_open() TO bo_manager;
GRANT ALL ON FUNCTION public.bo_late_pass_open() TO bo_admin;
GRANT ALL ON FUNCTION public.bo_late_pass_open() TO bo_web;


--
-- Name: FUNCTION bo_late_sale_check(p_override uuid, p_showtime integer); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_late_sale_check(p_override uuid, p_showtime integer) FROM PUBLIC;


--
-- Name: FUNCTION bo_late_sale_use(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_late_sale_use() FROM PUBLIC;


--
-- Name: FUNCTION bo_mail_claim(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_mail_claim() FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_mail_claim() TO bo_web;
GRANT ALL ON FUNCTION public.bo_mail_claim() TO bo_manager;
GRANT ALL ON FUNCTION public.bo_mail_claim() TO bo_admin;


--
-- Name: FUNCTION bo_mail_failed(p_id bigint, p_error text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_mail_failed(p_id bigint, p_error text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_mail_failed(p_id bigint, p_error text) TO bo_web;
GRANT ALL ON FUNCTION public.bo_mail_failed(p_id bigint, p_error text) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_mail_failed(p_id bigint, p_error text) TO bo_admin;


--
-- Name: FUNCTION bo_mail_require(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_mail_require() FROM PUBLIC;


--
-- Name: FUNCTION bo_mail_sent(p_id bigint); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_mail_sent(p_id bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_mail_sent(p_id bigint) TO bo_web;
GRANT ALL ON FUNCTION public.bo_mail_sent(p_id bigint) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_mail_sent(p_id bigint) TO bo_admin;


--
-- Name: FUNCTION bo_may(p_permission text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_may(p_permission text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_may(p_permission text) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_may(p_permission text) TO bo_door;
GRANT ALL ON FUNCTION public.bo_may(p_permission text) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_may(p_permission text) TO bo_admin;
GRANT ALL ON FUNCTION public.bo_may(p_permission text) TO bo_web;


--
-- Name: FUNCTION bo_money_shift(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_money_shift() FROM PUBLIC;


--
-- Name: FUNCTION bo_my_open_shift(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_my_open_shift() FROM PUBLIC;


--
-- Name: FUNCTION bo_order_customer_set(p_order integer, p_name text, p_email text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_order_customer_set(p_order integer, p_name text, p_email text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_order_customer_set(p_order integer, p_name text, p_email text) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_order_customer_set(p_order integer, p_name text, p_email text) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_order_customer_set(p_order integer, p_name text, p_email text) TO bo_admin;


--
-- Name: FUNCTION bo_order_paid_check(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_order_paid_check() FROM PUBLIC;


--
-- Name: COLUMN orders.id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(id) ON TABLE public.orders TO bo_cashier;
GRANT SELECT(id) ON TABLE public.orders TO bo_door;
GRANT SELECT(id) ON TABLE public.orders TO bo_manager;
GRANT SELECT(id) ON TABLE public.orders TO bo_admin;
GRANT SELECT(id) ON TABLE public.orders TO bo_web;


--
-- Name: COLUMN orders.number; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(number) ON TABLE public.orders TO bo_cashier;
GRANT SELECT(number) ON TABLE public.orders TO bo_door;
GRANT SELECT(number) ON TABLE public.orders TO bo_manager;
GRANT SELECT(number) ON TABLE public.orders TO bo_admin;
GRANT SELECT(number) ON TABLE public.orders TO bo_web;


--
-- Name: COLUMN orders.channel; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(channel) ON TABLE public.orders TO bo_cashier;
GRANT SELECT(channel) ON TABLE public.orders TO bo_door;
GRANT SELECT(channel) ON TABLE public.orders TO bo_manager;
GRANT SELECT(channel) ON TABLE public.orders TO bo_admin;
GRANT SELECT(channel) ON TABLE public.orders TO bo_web;


--
-- Name: COLUMN orders.currency; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(currency) ON TABLE public.orders TO bo_cashier;
GRANT SELECT(currency) ON TABLE public.orders TO bo_door;
GRANT SELECT(currency) ON TABLE public.orders TO bo_manager;
GRANT SELECT(currency) ON TABLE public.orders TO bo_admin;
GRANT SELECT(currency) ON TABLE public.orders TO bo_web;


--
-- Name: COLUMN orders.total_minor; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(total_minor) ON TABLE public.orders TO bo_cashier;
GRANT SELECT(total_minor) ON TABLE public.orders TO bo_door;
GRANT SELECT(total_minor) ON TABLE public.orders TO bo_manager;
GRANT SELECT(total_minor) ON TABLE public.orders TO bo_admin;
GRANT SELECT(total_minor) ON TABLE public.orders TO bo_web;


--
-- Name: COLUMN orders.created_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(created_at) ON TABLE public.orders TO bo_cashier;
GRANT SELECT(created_at) ON TABLE public.orders TO bo_door;
GRANT SELECT(created_at) ON TABLE public.orders TO bo_manager;
GRANT SELECT(created_at) ON TABLE public.orders TO bo_admin;
GRANT SELECT(created_at) ON TABLE public.orders TO bo_web;


--
-- Name: COLUMN orders.staff_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(staff_id) ON TABLE public.orders TO bo_cashier;
GRANT SELECT(staff_id) ON TABLE public.orders TO bo_door;
GRANT SELECT(staff_id) ON TABLE public.orders TO bo_manager;
GRANT SELECT(staff_id) ON TABLE public.orders TO bo_admin;
GRANT SELECT(staff_id) ON TABLE public.orders TO bo_web;


--
-- Name: COLUMN orders.exchanged_from; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(exchanged_from) ON TABLE public.orders TO bo_cashier;
GRANT SELECT(exchanged_from) ON TABLE public.orders TO bo_door;
GRANT SELECT(exchanged_from) ON TABLE public.orders TO bo_manager;
GRANT SELECT(exchanged_from) ON TABLE public.orders TO bo_admin;
GRANT SELECT(exchanged_from) ON TABLE public.orders TO bo_web;


--
-- Name: FUNCTION bo_order_take_back(p_order integer, p_tickets bigint[], p_staff integer); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_order_take_back(p_order integer, p_tickets bigint[], p_staff integer) FROM PUBLIC;


--
-- Name: FUNCTION bo_order_total_check(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_order_total_check() FROM PUBLIC;


--
-- Name: FUNCTION bo_override_frozen(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_override_frozen() FROM PUBLIC;


--
-- Name: FUNCTION bo_override_grant(p_kind text, p_reason text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_override_grant(p_kind text, p_reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_override_grant(p_kind text, p_reason text) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_override_grant(p_kind text, p_reason text) TO bo_admin;


--
-- Name: FUNCTION bo_override_grant(p_kind text, p_reason text, p_showtime integer, p_seller integer); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_override_grant(p_kind text, p_reason text, p_showtime integer, p_seller integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_override_grant(p_kind text, p_reason text, p_showtime integer, p_seller integer) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_override_grant(p_kind text, p_reason text, p_showtime integer, p_seller integer) TO bo_admin;


--
-- Name: FUNCTION bo_payment_event(p_event text, p_type text, p_session text, p_payload jsonb); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_payment_event(p_event text, p_type text, p_session text, p_payload jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_payment_event(p_event text, p_type text, p_session text, p_payload jsonb) TO bo_web;


--
-- Name: FUNCTION bo_payment_session_open(p_booking uuid); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_payment_session_open(p_booking uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_payment_session_open(p_booking uuid) TO bo_web;


--
-- Name: FUNCTION bo_payment_session_set(p_session text, p_status text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_payment_session_set(p_session text, p_status text) FROM PUBLIC;


--
-- Name: FUNCTION bo_payment_tender_frozen(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_payment_tender_frozen() FROM PUBLIC;


--
-- Name: FUNCTION bo_payment_within_total(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_payment_within_total() FROM PUBLIC;


--
-- Name: FUNCTION bo_plan_best_carry(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_plan_best_carry() FROM PUBLIC;


--
-- Name: FUNCTION bo_plan_hall_fill(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_plan_hall_fill() FROM PUBLIC;


--
-- Name: FUNCTION bo_plan_hall_set(p_plan integer, p_hall integer); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_plan_hall_set(p_plan integer, p_hall integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_plan_hall_set(p_plan integer, p_hall integer) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_plan_hall_set(p_plan integer, p_hall integer) TO bo_admin;


--
-- Name: FUNCTION bo_plan_set_best(p_plan integer, p_best_x double precision, p_best_y double precision, p_ranks jsonb); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_plan_set_best(p_plan integer, p_best_x double precision, p_best_y double precision, p_ranks jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_plan_set_best(p_plan integer, p_best_x double precision, p_best_y double precision, p_ranks jsonb) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_plan_set_best(p_plan integer, p_best_x double precision, p_best_y double precision, p_ranks jsonb) TO bo_admin;


--
-- Name: FUNCTION bo_plan_store(p_venue integer, p_name text, p_width double precision, p_height double precision, p_source jsonb, p_rows jsonb, p_based_on integer); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_plan_store(p_venue integer, p_name text, p_width double precision, p_height double precision, p_source jsonb, p_rows jsonb, p_based_on integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_plan_store(p_venue integer, p_name text, p_width double precision, p_height double precision, p_source jsonb, p_rows jsonb, p_based_on integer) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_plan_store(p_venue integer, p_name text, p_width double precision, p_height double precision, p_source jsonb, p_rows jsonb, p_based_on integer) TO bo_admin;


--
-- Name: FUNCTION bo_plan_store_bulk(p_venue integer, p_name text, p_width double precision, p_height double precision, p_source jsonb, p_rows jsonb, p_section integer[], p_category integer[], p_guid text[], p_row_label text[], p_seat_number text[], p_x double precision[], p_y double precision[], p_radius double precision[], p_wheelchair boolean[], p_companion boolean[], p_based_on integer); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_plan_store_bulk(p_venue integer, p_name text, p_width double precision, p_height double precision, p_source jsonb, p_rows jsonb, p_section integer[], p_category integer[], p_guid text[], p_row_label text[], p_seat_number text[], p_x double precision[], p_y double precision[], p_radius double precision[], p_wheelchair boolean[], p_companion boolean[], p_based_on integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_plan_store_bulk(p_venue integer, p_name text, p_width double precision, p_height double precision, p_source jsonb, p_rows jsonb, p_section integer[], p_category integer[], p_guid text[], p_row_label text[], p_seat_number text[], p_x double precision[], p_y double precision[], p_radius double precision[], p_wheelchair boolean[], p_companion boolean[], p_based_on integer) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_plan_store_bulk(p_venue integer, p_name text, p_width double precision, p_height double precision, p_source jsonb, p_rows jsonb, p_section integer[], p_category integer[], p_guid text[], p_row_label text[], p_seat_number text[], p_x double precision[], p_y double precision[], p_radius double precision[], p_wheelchair boolean[], p_companion boolean[], p_based_on integer) TO bo_admin;


--
-- Name: FUNCTION bo_price_category_vat_inherit(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_price_category_vat_inherit() FROM PUBLIC;


--
-- Name: FUNCTION bo_price_rule_delete(p_rule integer); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_price_rule_delete(p_rule integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_price_rule_delete(p_rule integer) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_price_rule_delete(p_rule integer) TO bo_admin;


--
-- Name: FUNCTION bo_price_rule_save(p_rule integer, p_venue integer, p_data jsonb); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_price_rule_save(p_rule integer, p_venue integer, p_data jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_price_rule_save(p_rule integer, p_venue integer, p_data jsonb) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_price_rule_save(p_rule integer, p_venue integer, p_data jsonb) TO bo_admin;


--
-- Name: FUNCTION bo_prices_set(p_showtime integer, p_prices jsonb); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_prices_set(p_showtime integer, p_prices jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_prices_set(p_showtime integer, p_prices jsonb) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_prices_set(p_showtime integer, p_prices jsonb) TO bo_admin;


--
-- Name: FUNCTION bo_promo_discount(p_code text, p_showtime integer, p_categories integer[], p_types integer[], p_prices integer[], p_email text, OUT code_id integer, OUT discounts integer[]); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_promo_discount(p_code text, p_showtime integer, p_categories integer[], p_types integer[], p_prices integer[], p_email text, OUT code_id integer, OUT discounts integer[]) FROM PUBLIC;


--
-- Name: FUNCTION bo_promo_quote(p_code text, p_showtime integer, p_seats integer[], p_types integer[], p_ga jsonb, p_email text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_promo_quote(p_code text, p_showtime integer, p_seats integer[], p_types integer[], p_ga jsonb, p_email text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_promo_quote(p_code text, p_showtime integer, p_seats integer[], p_types integer[], p_ga jsonb, p_email text) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_promo_quote(p_code text, p_showtime integer, p_seats integer[], p_types integer[], p_ga jsonb, p_email text) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_promo_quote(p_code text, p_showtime integer, p_seats integer[], p_types integer[], p_ga jsonb, p_email text) TO bo_admin;
GRANT ALL ON FUNCTION public.bo_promo_quote(p_code text, p_showtime integer, p_seats integer[], p_types integer[], p_ga jsonb, p_email text) TO bo_web;


--
-- Name: FUNCTION bo_promo_redemption_limits(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_promo_redemption_limits() FROM PUBLIC;


--
-- Name: FUNCTION bo_promo_reset_usage(p_id integer); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_promo_reset_usage(p_id integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_promo_reset_usage(p_id integer) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_promo_reset_usage(p_id integer) TO bo_admin;


--
-- Name: FUNCTION bo_promo_save(p_id integer, p_data jsonb); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_promo_save(p_id integer, p_data jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_promo_save(p_id integer, p_data jsonb) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_promo_save(p_id integer, p_data jsonb) TO bo_admin;


--
-- Name: FUNCTION bo_promo_set_active(p_id integer, p_active boolean); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_promo_set_active(p_id integer, p_active boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_promo_set_active(p_id integer, p_active boolean) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_promo_set_active(p_id integer, p_active boolean) TO bo_admin;


--
-- Name: FUNCTION bo_promo_uses(p_code integer, p_epoch integer, p_email text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_promo_uses(p_code integer, p_epoch integer, p_email text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_promo_uses(p_code integer, p_epoch integer, p_email text) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_promo_uses(p_code integer, p_epoch integer, p_email text) TO bo_admin;


--
-- Name: FUNCTION bo_refund(p_number text, p_reason text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_refund(p_number text, p_reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_refund(p_number text, p_reason text) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_refund(p_number text, p_reason text) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_refund(p_number text, p_reason text) TO bo_admin;


--
-- Name: FUNCTION bo_refund_booking(p_booking uuid, p_at timestamp with time zone); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_refund_booking(p_booking uuid, p_at timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_refund_booking(p_booking uuid, p_at timestamp with time zone) TO bo_web;
GRANT ALL ON FUNCTION public.bo_refund_booking(p_booking uuid, p_at timestamp with time zone) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_refund_booking(p_booking uuid, p_at timestamp with time zone) TO bo_admin;


--
-- Name: FUNCTION bo_refund_method_default(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_refund_method_default() FROM PUBLIC;


--
-- Name: FUNCTION bo_refund_order(p_order integer); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_refund_order(p_order integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_refund_order(p_order integer) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_refund_order(p_order integer) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_refund_order(p_order integer) TO bo_admin;
GRANT ALL ON FUNCTION public.bo_refund_order(p_order integer) TO bo_web;


--
-- Name: COLUMN refund.id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(id) ON TABLE public.refund TO bo_cashier;
GRANT SELECT(id) ON TABLE public.refund TO bo_door;
GRANT SELECT(id) ON TABLE public.refund TO bo_manager;
GRANT SELECT(id) ON TABLE public.refund TO bo_admin;
GRANT SELECT(id) ON TABLE public.refund TO bo_web;


--
-- Name: COLUMN refund.order_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(order_id) ON TABLE public.refund TO bo_cashier;
GRANT SELECT(order_id) ON TABLE public.refund TO bo_door;
GRANT SELECT(order_id) ON TABLE public.refund TO bo_manager;
GRANT SELECT(order_id) ON TABLE public.refund TO bo_admin;
GRANT SELECT(order_id) ON TABLE public.refund TO bo_web;


--
-- Name: COLUMN refund.amount_minor; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(amount_minor) ON TABLE public.refund TO bo_cashier;
GRANT SELECT(amount_minor) ON TABLE public.refund TO bo_door;
GRANT SELECT(amount_minor) ON TABLE public.refund TO bo_manager;
GRANT SELECT(amount_minor) ON TABLE public.refund TO bo_admin;
GRANT SELECT(amount_minor) ON TABLE public.refund TO bo_web;


--
-- Name: COLUMN refund.reason; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(reason) ON TABLE public.refund TO bo_cashier;
GRANT SELECT(reason) ON TABLE public.refund TO bo_door;
GRANT SELECT(reason) ON TABLE public.refund TO bo_manager;
GRANT SELECT(reason) ON TABLE public.refund TO bo_admin;
GRANT SELECT(reason) ON TABLE public.refund TO bo_web;


--
-- Name: COLUMN refund.created_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(created_at) ON TABLE public.refund TO bo_cashier;
GRANT SELECT(created_at) ON TABLE public.refund TO bo_door;
GRANT SELECT(created_at) ON TABLE public.refund TO bo_manager;
GRANT SELECT(created_at) ON TABLE public.refund TO bo_admin;
GRANT SELECT(created_at) ON TABLE public.refund TO bo_web;


--
-- Name: COLUMN refund.shift_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(shift_id) ON TABLE public.refund TO bo_cashier;
GRANT SELECT(shift_id) ON TABLE public.refund TO bo_door;
GRANT SELECT(shift_id) ON TABLE public.refund TO bo_manager;
GRANT SELECT(shift_id) ON TABLE public.refund TO bo_admin;
GRANT SELECT(shift_id) ON TABLE public.refund TO bo_web;


--
-- Name: COLUMN refund.method; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(method) ON TABLE public.refund TO bo_cashier;
GRANT SELECT(method) ON TABLE public.refund TO bo_door;
GRANT SELECT(method) ON TABLE public.refund TO bo_manager;
GRANT SELECT(method) ON TABLE public.refund TO bo_admin;
GRANT SELECT(method) ON TABLE public.refund TO bo_web;


--
-- Name: FUNCTION bo_refund_tender(p_refund public.refund); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_refund_tender(p_refund public.refund) FROM PUBLIC;


--
-- Name: FUNCTION bo_refund_ticket_check(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_refund_ticket_check() FROM PUBLIC;


--
-- Name: FUNCTION bo_refund_tickets(p_order integer, p_tickets bigint[], p_method text, p_reason text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_refund_tickets(p_order integer, p_tickets bigint[], p_method text, p_reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_refund_tickets(p_order integer, p_tickets bigint[], p_method text, p_reason text) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_refund_tickets(p_order integer, p_tickets bigint[], p_method text, p_reason text) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_refund_tickets(p_order integer, p_tickets bigint[], p_method text, p_reason text) TO bo_admin;


--
-- Name: FUNCTION bo_reissue_key(p_ticket bigint, p_public_key bytea); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_reissue_key(p_ticket bigint, p_public_key bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_reissue_key(p_ticket bigint, p_public_key bytea) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_reissue_key(p_ticket bigint, p_public_key bytea) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_reissue_key(p_ticket bigint, p_public_key bytea) TO bo_admin;


--
-- Name: FUNCTION bo_release(p_showtime integer, p_seats integer[], p_token uuid); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_release(p_showtime integer, p_seats integer[], p_token uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_release(p_showtime integer, p_seats integer[], p_token uuid) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_release(p_showtime integer, p_seats integer[], p_token uuid) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_release(p_showtime integer, p_seats integer[], p_token uuid) TO bo_admin;
GRANT ALL ON FUNCTION public.bo_release(p_showtime integer, p_seats integer[], p_token uuid) TO bo_web;


--
-- Name: FUNCTION bo_require(p_permission text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_require(p_permission text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_require(p_permission text) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_require(p_permission text) TO bo_door;
GRANT ALL ON FUNCTION public.bo_require(p_permission text) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_require(p_permission text) TO bo_admin;
GRANT ALL ON FUNCTION public.bo_require(p_permission text) TO bo_web;


--
-- Name: FUNCTION bo_require_seller(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_require_seller() FROM PUBLIC;


--
-- Name: FUNCTION bo_resolve_conflict(p_conflict bigint, p_note text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_resolve_conflict(p_conflict bigint, p_note text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_resolve_conflict(p_conflict bigint, p_note text) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_resolve_conflict(p_conflict bigint, p_note text) TO bo_admin;


--
-- Name: FUNCTION bo_sale_amending(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_sale_amending() FROM PUBLIC;


--
-- Name: FUNCTION bo_sale_lines(p_showtime integer, p_seats integer[], p_types integer[]); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_sale_lines(p_showtime integer, p_seats integer[], p_types integer[]) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_sale_lines(p_showtime integer, p_seats integer[], p_types integer[]) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_sale_lines(p_showtime integer, p_seats integer[], p_types integer[]) TO bo_door;
GRANT ALL ON FUNCTION public.bo_sale_lines(p_showtime integer, p_seats integer[], p_types integer[]) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_sale_lines(p_showtime integer, p_seats integer[], p_types integer[]) TO bo_admin;
GRANT ALL ON FUNCTION public.bo_sale_lines(p_showtime integer, p_seats integer[], p_types integer[]) TO bo_web;


--
-- Name: FUNCTION bo_sale_record_frozen(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_sale_record_frozen() FROM PUBLIC;


--
-- Name: FUNCTION bo_sale_refusal(p_status text, p_on timestamp with time zone, p_off timestamp with time zone); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_sale_refusal(p_status text, p_on timestamp with time zone, p_off timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_sale_refusal(p_status text, p_on timestamp with time zone, p_off timestamp with time zone) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_sale_refusal(p_status text, p_on timestamp with time zone, p_off timestamp with time zone) TO bo_door;
GRANT ALL ON FUNCTION public.bo_sale_refusal(p_status text, p_on timestamp with time zone, p_off timestamp with time zone) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_sale_refusal(p_status text, p_on timestamp with time zone, p_off timestamp with time zone) TO bo_admin;
GRANT ALL ON FUNCTION public.bo_sale_refusal(p_status text, p_on timestamp with time zone, p_off timestamp with time zone) TO bo_web;


--
-- Name: FUNCTION bo_seat_cascade(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_seat_cascade() FROM PUBLIC;


--
-- Name: FUNCTION bo_seat_inventory_restrict(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_seat_inventory_restrict() FROM PUBLIC;


--
-- Name: FUNCTION bo_seat_label(p_seat integer); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_seat_label(p_seat integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_seat_label(p_seat integer) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_seat_label(p_seat integer) TO bo_door;
GRANT ALL ON FUNCTION public.bo_seat_label(p_seat integer) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_seat_label(p_seat integer) TO bo_admin;
GRANT ALL ON FUNCTION public.bo_seat_label(p_seat integer) TO bo_web;


--
-- Name: FUNCTION bo_seat_ref_check_row(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_seat_ref_check_row() FROM PUBLIC;


--
-- Name: FUNCTION bo_seat_refs_check(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_seat_refs_check() FROM PUBLIC;


--
-- Name: FUNCTION bo_section_rank_carry(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_section_rank_carry() FROM PUBLIC;


--
-- Name: FUNCTION bo_seed_ticket_types(p_venue integer); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_seed_ticket_types(p_venue integer) FROM PUBLIC;


--
-- Name: FUNCTION bo_sell(p_showtime integer, p_seats integer[], p_token uuid, p_channel text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_sell(p_showtime integer, p_seats integer[], p_token uuid, p_channel text) FROM PUBLIC;


--
-- Name: FUNCTION bo_sell(p_showtime integer, p_seats integer[], p_token uuid, p_channel text, p_types integer[]); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_sell(p_showtime integer, p_seats integer[], p_token uuid, p_channel text, p_types integer[]) FROM PUBLIC;


--
-- Name: FUNCTION bo_set_doors_open(p_showtime integer, p_doors_open_at timestamp with time zone); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_set_doors_open(p_showtime integer, p_doors_open_at timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_set_doors_open(p_showtime integer, p_doors_open_at timestamp with time zone) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_set_doors_open(p_showtime integer, p_doors_open_at timestamp with time zone) TO bo_admin;


--
-- Name: FUNCTION bo_setting_refused(p_field text, p_message text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_setting_refused(p_field text, p_message text) FROM PUBLIC;


--
-- Name: FUNCTION bo_shift_close(p_shift integer, p_counted jsonb); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_shift_close(p_shift integer, p_counted jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_shift_close(p_shift integer, p_counted jsonb) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_shift_close(p_shift integer, p_counted jsonb) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_shift_close(p_shift integer, p_counted jsonb) TO bo_admin;


--
-- Name: FUNCTION bo_shift_figures(p_shift integer); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_shift_figures(p_shift integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_shift_figures(p_shift integer) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_shift_figures(p_shift integer) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_shift_figures(p_shift integer) TO bo_admin;


--
-- Name: TABLE till_shift; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT ON TABLE public.till_shift TO bo_cashier;
GRANT SELECT ON TABLE public.till_shift TO bo_manager;
GRANT SELECT ON TABLE public.till_shift TO bo_admin;


--
-- Name: FUNCTION bo_shift_for(p_shift integer, p_other_permission text, p_lock boolean); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_shift_for(p_shift integer, p_other_permission text, p_lock boolean) FROM PUBLIC;


--
-- Name: FUNCTION bo_shift_open(p_till text, p_float integer, p_counted jsonb); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_shift_open(p_till text, p_float integer, p_counted jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_shift_open(p_till text, p_float integer, p_counted jsonb) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_shift_open(p_till text, p_float integer, p_counted jsonb) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_shift_open(p_till text, p_float integer, p_counted jsonb) TO bo_admin;


--
-- Name: FUNCTION bo_show_duration_changed(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_show_duration_changed() FROM PUBLIC;


--
-- Name: FUNCTION bo_show_save(p_show integer, p_title text, p_duration integer, p_description text, p_rating text, p_set_image boolean, p_image bytea, p_image_type text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_show_save(p_show integer, p_title text, p_duration integer, p_description text, p_rating text, p_set_image boolean, p_image bytea, p_image_type text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_show_save(p_show integer, p_title text, p_duration integer, p_description text, p_rating text, p_set_image boolean, p_image bytea, p_image_type text) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_show_save(p_show integer, p_title text, p_duration integer, p_description text, p_rating text, p_set_image boolean, p_image bytea, p_image_type text) TO bo_admin;


--
-- Name: FUNCTION bo_showtime_cancel(p_showtime integer, p_reason text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_showtime_cancel(p_showtime integer, p_reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_showtime_cancel(p_showtime integer, p_reason text) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_showtime_cancel(p_showtime integer, p_reason text) TO bo_admin;


--
-- Name: FUNCTION bo_showtime_fill(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_showtime_fill() FROM PUBLIC;


--
-- Name: FUNCTION bo_showtime_inventory_cascade(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_showtime_inventory_cascade() FROM PUBLIC;


--
-- Name: FUNCTION bo_showtime_move_plan(p_showtime integer, p_new_plan integer); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_showtime_move_plan(p_showtime integer, p_new_plan integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_showtime_move_plan(p_showtime integer, p_new_plan integer) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_showtime_move_plan(p_showtime integer, p_new_plan integer) TO bo_admin;


--
-- Name: FUNCTION bo_showtime_set_sales(p_showtime integer, p_on_sale_at timestamp with time zone, p_off_sale_at timestamp with time zone, p_doors_open_at timestamp with time zone, p_paused boolean); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_showtime_set_sales(p_showtime integer, p_on_sale_at timestamp with time zone, p_off_sale_at timestamp with time zone, p_doors_open_at timestamp with time zone, p_paused boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_showtime_set_sales(p_showtime integer, p_on_sale_at timestamp with time zone, p_off_sale_at timestamp with time zone, p_doors_open_at timestamp with time zone, p_paused boolean) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_showtime_set_sales(p_showtime integer, p_on_sale_at timestamp with time zone, p_off_sale_at timestamp with time zone, p_doors_open_at timestamp with time zone, p_paused boolean) TO bo_admin;


--
-- Name: FUNCTION bo_showtime_slot(p_venue integer, p_starts timestamp with time zone, p_ends timestamp with time zone); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_showtime_slot(p_venue integer, p_starts timestamp with time zone, p_ends timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_showtime_slot(p_venue integer, p_starts timestamp with time zone, p_ends timestamp with time zone) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_showtime_slot(p_venue integer, p_starts timestamp with time zone, p_ends timestamp with time zone) TO bo_door;
GRANT ALL ON FUNCTION public.bo_showtime_slot(p_venue integer, p_starts timestamp with time zone, p_ends timestamp with time zone) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_showtime_slot(p_venue integer, p_starts timestamp with time zone, p_ends timestamp with time zone) TO bo_admin;
GRANT ALL ON FUNCTION public.bo_showtime_slot(p_venue integer, p_starts timestamp with time zone, p_ends timestamp with time zone) TO bo_web;


--
-- Name: FUNCTION bo_showtimes_create(p_show integer, p_plan integer, p_showtimes jsonb); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_showtimes_create(p_show integer, p_plan integer, p_showtimes jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_showtimes_create(p_show integer, p_plan integer, p_showtimes jsonb) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_showtimes_create(p_show integer, p_plan integer, p_showtimes jsonb) TO bo_admin;


--
-- Name: FUNCTION bo_signed_in(p_reason text, p_method text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_signed_in(p_reason text, p_method text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_signed_in(p_reason text, p_method text) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_signed_in(p_reason text, p_method text) TO bo_door;
GRANT ALL ON FUNCTION public.bo_signed_in(p_reason text, p_method text) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_signed_in(p_reason text, p_method text) TO bo_admin;


--
-- Name: FUNCTION bo_staff_create(p_username text, p_display_name text, p_role text, p_verifier text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_staff_create(p_username text, p_display_name text, p_role text, p_verifier text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_staff_create(p_username text, p_display_name text, p_role text, p_verifier text) TO bo_admin;


--
-- Name: FUNCTION bo_staff_keep_an_admin(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_staff_keep_an_admin() FROM PUBLIC;


--
-- Name: FUNCTION bo_staff_set_password(p_staff integer, p_verifier text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_staff_set_password(p_staff integer, p_verifier text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_staff_set_password(p_staff integer, p_verifier text) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_staff_set_password(p_staff integer, p_verifier text) TO bo_door;
GRANT ALL ON FUNCTION public.bo_staff_set_password(p_staff integer, p_verifier text) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_staff_set_password(p_staff integer, p_verifier text) TO bo_admin;


--
-- Name: FUNCTION bo_staff_update(p_staff integer, p_display_name text, p_role text, p_active boolean); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_staff_update(p_staff integer, p_display_name text, p_role text, p_active boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_staff_update(p_staff integer, p_display_name text, p_role text, p_active boolean) TO bo_admin;


--
-- Name: FUNCTION bo_ticket_ga_capacity(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_ticket_ga_capacity() FROM PUBLIC;


--
-- Name: FUNCTION bo_ticket_promo_frozen(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_ticket_promo_frozen() FROM PUBLIC;


--
-- Name: FUNCTION bo_ticket_refusal(p_ticket bigint, p_serial integer, p_showtime integer, p_entry boolean); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_ticket_refusal(p_ticket bigint, p_serial integer, p_showtime integer, p_entry boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_ticket_refusal(p_ticket bigint, p_serial integer, p_showtime integer, p_entry boolean) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_ticket_refusal(p_ticket bigint, p_serial integer, p_showtime integer, p_entry boolean) TO bo_door;
GRANT ALL ON FUNCTION public.bo_ticket_refusal(p_ticket bigint, p_serial integer, p_showtime integer, p_entry boolean) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_ticket_refusal(p_ticket bigint, p_serial integer, p_showtime integer, p_entry boolean) TO bo_admin;
GRANT ALL ON FUNCTION public.bo_ticket_refusal(p_ticket bigint, p_serial integer, p_showtime integer, p_entry boolean) TO bo_web;


--
-- Name: FUNCTION bo_ticket_requires_sold_seat(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_ticket_requires_sold_seat() FROM PUBLIC;


--
-- Name: FUNCTION bo_ticket_status_one_way(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_ticket_status_one_way() FROM PUBLIC;


--
-- Name: FUNCTION bo_ticket_type_save(p_type integer, p_venue integer, p_code text, p_name text, p_position integer, p_active boolean); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_ticket_type_save(p_type integer, p_venue integer, p_code text, p_name text, p_position integer, p_active boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_ticket_type_save(p_type integer, p_venue integer, p_code text, p_name text, p_position integer, p_active boolean) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_ticket_type_save(p_type integer, p_venue integer, p_code text, p_name text, p_position integer, p_active boolean) TO bo_admin;


--
-- Name: FUNCTION bo_ticket_typed_price(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_ticket_typed_price() FROM PUBLIC;


--
-- Name: FUNCTION bo_ticket_vat_stamp(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_ticket_vat_stamp() FROM PUBLIC;


--
-- Name: FUNCTION bo_tickets_give_back(p_tickets bigint[], p_status text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_tickets_give_back(p_tickets bigint[], p_status text) FROM PUBLIC;


--
-- Name: FUNCTION bo_tidy(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_tidy() FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_tidy() TO bo_web;


--
-- Name: FUNCTION bo_type_price(p_showtime integer, p_category integer, p_type integer); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_type_price(p_showtime integer, p_category integer, p_type integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_type_price(p_showtime integer, p_category integer, p_type integer) TO bo_cashier;
GRANT ALL ON FUNCTION public.bo_type_price(p_showtime integer, p_category integer, p_type integer) TO bo_door;
GRANT ALL ON FUNCTION public.bo_type_price(p_showtime integer, p_category integer, p_type integer) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_type_price(p_showtime integer, p_category integer, p_type integer) TO bo_admin;
GRANT ALL ON FUNCTION public.bo_type_price(p_showtime integer, p_category integer, p_type integer) TO bo_web;


--
-- Name: FUNCTION bo_type_price_not_full(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_type_price_not_full() FROM PUBLIC;


--
-- Name: FUNCTION bo_unblock(p_showtime integer, p_seats integer[]); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_unblock(p_showtime integer, p_seats integer[]) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_unblock(p_showtime integer, p_seats integer[]) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_unblock(p_showtime integer, p_seats integer[]) TO bo_admin;


--
-- Name: FUNCTION bo_vat_rate_check(p_rate integer); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_vat_rate_check(p_rate integer) FROM PUBLIC;


--
-- Name: FUNCTION bo_venue_create(p_name text, p_currency text, p_timezone text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_venue_create(p_name text, p_currency text, p_timezone text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_venue_create(p_name text, p_currency text, p_timezone text) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_venue_create(p_name text, p_currency text, p_timezone text) TO bo_admin;


--
-- Name: FUNCTION bo_venue_hall(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_venue_hall() FROM PUBLIC;


--
-- Name: FUNCTION bo_venue_receipt_set(p_venue integer, p_address text, p_tax_number text, p_vat_rate_bp integer); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_venue_receipt_set(p_venue integer, p_address text, p_tax_number text, p_vat_rate_bp integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_venue_receipt_set(p_venue integer, p_address text, p_tax_number text, p_vat_rate_bp integer) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_venue_receipt_set(p_venue integer, p_address text, p_tax_number text, p_vat_rate_bp integer) TO bo_admin;


--
-- Name: FUNCTION bo_venue_ticket_types(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_venue_ticket_types() FROM PUBLIC;


--
-- Name: FUNCTION bo_venue_update(p_venue integer, p_name text, p_address text, p_tax_number text, p_currency text, p_timezone text, p_locale text, p_off_sale_minutes integer); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_venue_update(p_venue integer, p_name text, p_address text, p_tax_number text, p_currency text, p_timezone text, p_locale text, p_off_sale_minutes integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_venue_update(p_venue integer, p_name text, p_address text, p_tax_number text, p_currency text, p_timezone text, p_locale text, p_off_sale_minutes integer) TO bo_manager;
GRANT ALL ON FUNCTION public.bo_venue_update(p_venue integer, p_name text, p_address text, p_tax_number text, p_currency text, p_timezone text, p_locale text, p_off_sale_minutes integer) TO bo_admin;


--
-- Name: FUNCTION bo_web_admit(p_token uuid, p_size integer, p_client text, p_ip text, p_limits public.bo_web_limits); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_web_admit(p_token uuid, p_size integer, p_client text, p_ip text, p_limits public.bo_web_limits) FROM PUBLIC;


--
-- Name: FUNCTION bo_web_booking_ended(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_web_booking_ended() FROM PUBLIC;


--
-- Name: FUNCTION bo_web_booking_made(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_web_booking_made() FROM PUBLIC;


--
-- Name: FUNCTION bo_web_bound(p_key text, p_client boolean, p_except uuid); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_web_bound(p_key text, p_client boolean, p_except uuid) FROM PUBLIC;


--
-- Name: FUNCTION bo_web_forget(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_web_forget() FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_web_forget() TO bo_web;


--
-- Name: FUNCTION bo_web_ga_hold(p_showtime integer, p_area integer, p_quantity integer, p_token uuid, p_seconds integer, p_client text, p_ip text, p_limits public.bo_web_limits); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_web_ga_hold(p_showtime integer, p_area integer, p_quantity integer, p_token uuid, p_seconds integer, p_client text, p_ip text, p_limits public.bo_web_limits) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_web_ga_hold(p_showtime integer, p_area integer, p_quantity integer, p_token uuid, p_seconds integer, p_client text, p_ip text, p_limits public.bo_web_limits) TO bo_web;


--
-- Name: FUNCTION bo_web_hold(p_showtime integer, p_seats integer[], p_token uuid, p_seconds integer, p_client text, p_ip text, p_limits public.bo_web_limits); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_web_hold(p_showtime integer, p_seats integer[], p_token uuid, p_seconds integer, p_client text, p_ip text, p_limits public.bo_web_limits) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_web_hold(p_showtime integer, p_seats integer[], p_token uuid, p_seconds integer, p_client text, p_ip text, p_limits public.bo_web_limits) TO bo_web;


--
-- Name: FUNCTION bo_web_login(p_name text, p_verifier text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_web_login(p_name text, p_verifier text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bo_web_login(p_name text, p_verifier text) TO bo_admin;


--
-- Name: FUNCTION bo_web_record(p_token uuid, p_size integer, p_client text, p_ip text, p_expires timestamp with time zone); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_web_record(p_token uuid, p_size integer, p_client text, p_ip text, p_expires timestamp with time zone) FROM PUBLIC;


--
-- Name: FUNCTION bo_web_recount(p_key text, p_except uuid); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_web_recount(p_key text, p_except uuid) FROM PUBLIC;


--
-- Name: FUNCTION bo_web_spend(p_key text, p_per_minute integer); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_web_spend(p_key text, p_per_minute integer) FROM PUBLIC;


--
-- Name: FUNCTION bo_web_token_live(p_token uuid, OUT seats integer, OUT until timestamp with time zone); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_web_token_live(p_token uuid, OUT seats integer, OUT until timestamp with time zone) FROM PUBLIC;


--
-- Name: FUNCTION bo_web_token_size(p_token uuid, p_showtime integer, p_seats integer[], p_area integer); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_web_token_size(p_token uuid, p_showtime integer, p_seats integer[], p_area integer) FROM PUBLIC;


--
-- Name: FUNCTION bo_web_within(p_key text, p_client boolean, p_except uuid, p_size integer, p_limit integer, p_who text); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_web_within(p_key text, p_client boolean, p_except uuid, p_size integer, p_limit integer, p_who text) FROM PUBLIC;


--
-- Name: FUNCTION bo_z_counter_step(); Type: ACL; Schema: public; Owner: bo_owner
--

REVOKE ALL ON FUNCTION public.bo_z_counter_step() FROM PUBLIC;


--
-- Name: COLUMN admission.id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(id) ON TABLE public.admission TO bo_cashier;
GRANT SELECT(id) ON TABLE public.admission TO bo_door;
GRANT SELECT(id) ON TABLE public.admission TO bo_manager;
GRANT SELECT(id) ON TABLE public.admission TO bo_admin;
GRANT SELECT(id) ON TABLE public.admission TO bo_web;


--
-- Name: COLUMN admission.ticket_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(ticket_id) ON TABLE public.admission TO bo_cashier;
GRANT SELECT(ticket_id) ON TABLE public.admission TO bo_door;
GRANT SELECT(ticket_id) ON TABLE public.admission TO bo_manager;
GRANT SELECT(ticket_id) ON TABLE public.admission TO bo_admin;
GRANT SELECT(ticket_id) ON TABLE public.admission TO bo_web;


--
-- Name: COLUMN admission.showtime_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(showtime_id) ON TABLE public.admission TO bo_cashier;
GRANT SELECT(showtime_id) ON TABLE public.admission TO bo_door;
GRANT SELECT(showtime_id) ON TABLE public.admission TO bo_manager;
GRANT SELECT(showtime_id) ON TABLE public.admission TO bo_admin;
GRANT SELECT(showtime_id) ON TABLE public.admission TO bo_web;


--
-- Name: COLUMN admission.kind; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(kind) ON TABLE public.admission TO bo_cashier;
GRANT SELECT(kind) ON TABLE public.admission TO bo_door;
GRANT SELECT(kind) ON TABLE public.admission TO bo_manager;
GRANT SELECT(kind) ON TABLE public.admission TO bo_admin;
GRANT SELECT(kind) ON TABLE public.admission TO bo_web;


--
-- Name: COLUMN admission.reentry; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(reentry) ON TABLE public.admission TO bo_cashier;
GRANT SELECT(reentry) ON TABLE public.admission TO bo_door;
GRANT SELECT(reentry) ON TABLE public.admission TO bo_manager;
GRANT SELECT(reentry) ON TABLE public.admission TO bo_admin;
GRANT SELECT(reentry) ON TABLE public.admission TO bo_web;


--
-- Name: COLUMN admission.method; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(method) ON TABLE public.admission TO bo_cashier;
GRANT SELECT(method) ON TABLE public.admission TO bo_door;
GRANT SELECT(method) ON TABLE public.admission TO bo_manager;
GRANT SELECT(method) ON TABLE public.admission TO bo_admin;
GRANT SELECT(method) ON TABLE public.admission TO bo_web;


--
-- Name: COLUMN admission.gate; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(gate) ON TABLE public.admission TO bo_cashier;
GRANT SELECT(gate) ON TABLE public.admission TO bo_door;
GRANT SELECT(gate) ON TABLE public.admission TO bo_manager;
GRANT SELECT(gate) ON TABLE public.admission TO bo_admin;
GRANT SELECT(gate) ON TABLE public.admission TO bo_web;


--
-- Name: COLUMN admission.device; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(device) ON TABLE public.admission TO bo_cashier;
GRANT SELECT(device) ON TABLE public.admission TO bo_door;
GRANT SELECT(device) ON TABLE public.admission TO bo_manager;
GRANT SELECT(device) ON TABLE public.admission TO bo_admin;
GRANT SELECT(device) ON TABLE public.admission TO bo_web;


--
-- Name: COLUMN admission.scanned_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(scanned_at) ON TABLE public.admission TO bo_cashier;
GRANT SELECT(scanned_at) ON TABLE public.admission TO bo_door;
GRANT SELECT(scanned_at) ON TABLE public.admission TO bo_manager;
GRANT SELECT(scanned_at) ON TABLE public.admission TO bo_admin;
GRANT SELECT(scanned_at) ON TABLE public.admission TO bo_web;


--
-- Name: COLUMN admission.recorded_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(recorded_at) ON TABLE public.admission TO bo_cashier;
GRANT SELECT(recorded_at) ON TABLE public.admission TO bo_door;
GRANT SELECT(recorded_at) ON TABLE public.admission TO bo_manager;
GRANT SELECT(recorded_at) ON TABLE public.admission TO bo_admin;
GRANT SELECT(recorded_at) ON TABLE public.admission TO bo_web;


--
-- Name: COLUMN admission.offline; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(offline) ON TABLE public.admission TO bo_cashier;
GRANT SELECT(offline) ON TABLE public.admission TO bo_door;
GRANT SELECT(offline) ON TABLE public.admission TO bo_manager;
GRANT SELECT(offline) ON TABLE public.admission TO bo_admin;
GRANT SELECT(offline) ON TABLE public.admission TO bo_web;


--
-- Name: COLUMN admission.offline_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(offline_id) ON TABLE public.admission TO bo_cashier;
GRANT SELECT(offline_id) ON TABLE public.admission TO bo_door;
GRANT SELECT(offline_id) ON TABLE public.admission TO bo_manager;
GRANT SELECT(offline_id) ON TABLE public.admission TO bo_admin;
GRANT SELECT(offline_id) ON TABLE public.admission TO bo_web;


--
-- Name: COLUMN admission_conflict.id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(id) ON TABLE public.admission_conflict TO bo_cashier;
GRANT SELECT(id) ON TABLE public.admission_conflict TO bo_door;
GRANT SELECT(id) ON TABLE public.admission_conflict TO bo_manager;
GRANT SELECT(id) ON TABLE public.admission_conflict TO bo_admin;
GRANT SELECT(id) ON TABLE public.admission_conflict TO bo_web;


--
-- Name: COLUMN admission_conflict.offline_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(offline_id) ON TABLE public.admission_conflict TO bo_cashier;
GRANT SELECT(offline_id) ON TABLE public.admission_conflict TO bo_door;
GRANT SELECT(offline_id) ON TABLE public.admission_conflict TO bo_manager;
GRANT SELECT(offline_id) ON TABLE public.admission_conflict TO bo_admin;
GRANT SELECT(offline_id) ON TABLE public.admission_conflict TO bo_web;


--
-- Name: COLUMN admission_conflict.ticket_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(ticket_id) ON TABLE public.admission_conflict TO bo_cashier;
GRANT SELECT(ticket_id) ON TABLE public.admission_conflict TO bo_door;
GRANT SELECT(ticket_id) ON TABLE public.admission_conflict TO bo_manager;
GRANT SELECT(ticket_id) ON TABLE public.admission_conflict TO bo_admin;
GRANT SELECT(ticket_id) ON TABLE public.admission_conflict TO bo_web;


--
-- Name: COLUMN admission_conflict.showtime_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(showtime_id) ON TABLE public.admission_conflict TO bo_cashier;
GRANT SELECT(showtime_id) ON TABLE public.admission_conflict TO bo_door;
GRANT SELECT(showtime_id) ON TABLE public.admission_conflict TO bo_manager;
GRANT SELECT(showtime_id) ON TABLE public.admission_conflict TO bo_admin;
GRANT SELECT(showtime_id) ON TABLE public.admission_conflict TO bo_web;


--
-- Name: COLUMN admission_conflict.gate; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(gate) ON TABLE public.admission_conflict TO bo_cashier;
GRANT SELECT(gate) ON TABLE public.admission_conflict TO bo_door;
GRANT SELECT(gate) ON TABLE public.admission_conflict TO bo_manager;
GRANT SELECT(gate) ON TABLE public.admission_conflict TO bo_admin;
GRANT SELECT(gate) ON TABLE public.admission_conflict TO bo_web;


--
-- Name: COLUMN admission_conflict.device; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(device) ON TABLE public.admission_conflict TO bo_cashier;
GRANT SELECT(device) ON TABLE public.admission_conflict TO bo_door;
GRANT SELECT(device) ON TABLE public.admission_conflict TO bo_manager;
GRANT SELECT(device) ON TABLE public.admission_conflict TO bo_admin;
GRANT SELECT(device) ON TABLE public.admission_conflict TO bo_web;


--
-- Name: COLUMN admission_conflict.scanned_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(scanned_at) ON TABLE public.admission_conflict TO bo_cashier;
GRANT SELECT(scanned_at) ON TABLE public.admission_conflict TO bo_door;
GRANT SELECT(scanned_at) ON TABLE public.admission_conflict TO bo_manager;
GRANT SELECT(scanned_at) ON TABLE public.admission_conflict TO bo_admin;
GRANT SELECT(scanned_at) ON TABLE public.admission_conflict TO bo_web;


--
-- Name: COLUMN admission_conflict.verdict; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(verdict) ON TABLE public.admission_conflict TO bo_cashier;
GRANT SELECT(verdict) ON TABLE public.admission_conflict TO bo_door;
GRANT SELECT(verdict) ON TABLE public.admission_conflict TO bo_manager;
GRANT SELECT(verdict) ON TABLE public.admission_conflict TO bo_admin;
GRANT SELECT(verdict) ON TABLE public.admission_conflict TO bo_web;


--
-- Name: COLUMN admission_conflict.reason; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(reason) ON TABLE public.admission_conflict TO bo_cashier;
GRANT SELECT(reason) ON TABLE public.admission_conflict TO bo_door;
GRANT SELECT(reason) ON TABLE public.admission_conflict TO bo_manager;
GRANT SELECT(reason) ON TABLE public.admission_conflict TO bo_admin;
GRANT SELECT(reason) ON TABLE public.admission_conflict TO bo_web;


--
-- Name: COLUMN admission_conflict.other_gate; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(other_gate) ON TABLE public.admission_conflict TO bo_cashier;
GRANT SELECT(other_gate) ON TABLE public.admission_conflict TO bo_door;
GRANT SELECT(other_gate) ON TABLE public.admission_conflict TO bo_manager;
GRANT SELECT(other_gate) ON TABLE public.admission_conflict TO bo_admin;
GRANT SELECT(other_gate) ON TABLE public.admission_conflict TO bo_web;


--
-- Name: COLUMN admission_conflict.other_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(other_at) ON TABLE public.admission_conflict TO bo_cashier;
GRANT SELECT(other_at) ON TABLE public.admission_conflict TO bo_door;
GRANT SELECT(other_at) ON TABLE public.admission_conflict TO bo_manager;
GRANT SELECT(other_at) ON TABLE public.admission_conflict TO bo_admin;
GRANT SELECT(other_at) ON TABLE public.admission_conflict TO bo_web;


--
-- Name: COLUMN admission_conflict.reported_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(reported_at) ON TABLE public.admission_conflict TO bo_cashier;
GRANT SELECT(reported_at) ON TABLE public.admission_conflict TO bo_door;
GRANT SELECT(reported_at) ON TABLE public.admission_conflict TO bo_manager;
GRANT SELECT(reported_at) ON TABLE public.admission_conflict TO bo_admin;
GRANT SELECT(reported_at) ON TABLE public.admission_conflict TO bo_web;


--
-- Name: COLUMN admission_conflict.resolved_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(resolved_at) ON TABLE public.admission_conflict TO bo_cashier;
GRANT SELECT(resolved_at) ON TABLE public.admission_conflict TO bo_door;
GRANT SELECT(resolved_at) ON TABLE public.admission_conflict TO bo_manager;
GRANT SELECT(resolved_at) ON TABLE public.admission_conflict TO bo_admin;
GRANT SELECT(resolved_at) ON TABLE public.admission_conflict TO bo_web;


--
-- Name: COLUMN admission_conflict.resolved_by; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(resolved_by) ON TABLE public.admission_conflict TO bo_cashier;
GRANT SELECT(resolved_by) ON TABLE public.admission_conflict TO bo_door;
GRANT SELECT(resolved_by) ON TABLE public.admission_conflict TO bo_manager;
GRANT SELECT(resolved_by) ON TABLE public.admission_conflict TO bo_admin;
GRANT SELECT(resolved_by) ON TABLE public.admission_conflict TO bo_web;


--
-- Name: COLUMN admission_conflict.note; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(note) ON TABLE public.admission_conflict TO bo_cashier;
GRANT SELECT(note) ON TABLE public.admission_conflict TO bo_door;
GRANT SELECT(note) ON TABLE public.admission_conflict TO bo_manager;
GRANT SELECT(note) ON TABLE public.admission_conflict TO bo_admin;
GRANT SELECT(note) ON TABLE public.admission_conflict TO bo_web;


--
-- Name: COLUMN alembic_version.version_num; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(version_num) ON TABLE public.alembic_version TO bo_cashier;
GRANT SELECT(version_num) ON TABLE public.alembic_version TO bo_door;
GRANT SELECT(version_num) ON TABLE public.alembic_version TO bo_manager;
GRANT SELECT(version_num) ON TABLE public.alembic_version TO bo_admin;
GRANT SELECT(version_num) ON TABLE public.alembic_version TO bo_web;


--
-- Name: COLUMN audit_log.id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(id) ON TABLE public.audit_log TO bo_cashier;
GRANT SELECT(id) ON TABLE public.audit_log TO bo_door;
GRANT SELECT(id) ON TABLE public.audit_log TO bo_manager;
GRANT SELECT(id) ON TABLE public.audit_log TO bo_admin;
GRANT SELECT(id) ON TABLE public.audit_log TO bo_web;


--
-- Name: COLUMN audit_log.at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(at) ON TABLE public.audit_log TO bo_cashier;
GRANT SELECT(at) ON TABLE public.audit_log TO bo_door;
GRANT SELECT(at) ON TABLE public.audit_log TO bo_manager;
GRANT SELECT(at) ON TABLE public.audit_log TO bo_admin;
GRANT SELECT(at) ON TABLE public.audit_log TO bo_web;


--
-- Name: COLUMN audit_log.staff_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(staff_id) ON TABLE public.audit_log TO bo_cashier;
GRANT SELECT(staff_id) ON TABLE public.audit_log TO bo_door;
GRANT SELECT(staff_id) ON TABLE public.audit_log TO bo_manager;
GRANT SELECT(staff_id) ON TABLE public.audit_log TO bo_admin;
GRANT SELECT(staff_id) ON TABLE public.audit_log TO bo_web;


--
-- Name: COLUMN audit_log.actor; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(actor) ON TABLE public.audit_log TO bo_cashier;
GRANT SELECT(actor) ON TABLE public.audit_log TO bo_door;
GRANT SELECT(actor) ON TABLE public.audit_log TO bo_manager;
GRANT SELECT(actor) ON TABLE public.audit_log TO bo_admin;
GRANT SELECT(actor) ON TABLE public.audit_log TO bo_web;


--
-- Name: COLUMN audit_log.role; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(role) ON TABLE public.audit_log TO bo_cashier;
GRANT SELECT(role) ON TABLE public.audit_log TO bo_door;
GRANT SELECT(role) ON TABLE public.audit_log TO bo_manager;
GRANT SELECT(role) ON TABLE public.audit_log TO bo_admin;
GRANT SELECT(role) ON TABLE public.audit_log TO bo_web;


--
-- Name: COLUMN audit_log.till; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(till) ON TABLE public.audit_log TO bo_cashier;
GRANT SELECT(till) ON TABLE public.audit_log TO bo_door;
GRANT SELECT(till) ON TABLE public.audit_log TO bo_manager;
GRANT SELECT(till) ON TABLE public.audit_log TO bo_admin;
GRANT SELECT(till) ON TABLE public.audit_log TO bo_web;


--
-- Name: COLUMN audit_log.action; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(action) ON TABLE public.audit_log TO bo_cashier;
GRANT SELECT(action) ON TABLE public.audit_log TO bo_door;
GRANT SELECT(action) ON TABLE public.audit_log TO bo_manager;
GRANT SELECT(action) ON TABLE public.audit_log TO bo_admin;
GRANT SELECT(action) ON TABLE public.audit_log TO bo_web;


--
-- Name: COLUMN audit_log.target; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(target) ON TABLE public.audit_log TO bo_cashier;
GRANT SELECT(target) ON TABLE public.audit_log TO bo_door;
GRANT SELECT(target) ON TABLE public.audit_log TO bo_manager;
GRANT SELECT(target) ON TABLE public.audit_log TO bo_admin;
GRANT SELECT(target) ON TABLE public.audit_log TO bo_web;


--
-- Name: COLUMN audit_log.details; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(details) ON TABLE public.audit_log TO bo_cashier;
GRANT SELECT(details) ON TABLE public.audit_log TO bo_door;
GRANT SELECT(details) ON TABLE public.audit_log TO bo_manager;
GRANT SELECT(details) ON TABLE public.audit_log TO bo_admin;
GRANT SELECT(details) ON TABLE public.audit_log TO bo_web;


--
-- Name: COLUMN audit_log.db_user; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(db_user) ON TABLE public.audit_log TO bo_cashier;
GRANT SELECT(db_user) ON TABLE public.audit_log TO bo_door;
GRANT SELECT(db_user) ON TABLE public.audit_log TO bo_manager;
GRANT SELECT(db_user) ON TABLE public.audit_log TO bo_admin;
GRANT SELECT(db_user) ON TABLE public.audit_log TO bo_web;


--
-- Name: COLUMN audit_log.xact; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(xact) ON TABLE public.audit_log TO bo_cashier;
GRANT SELECT(xact) ON TABLE public.audit_log TO bo_door;
GRANT SELECT(xact) ON TABLE public.audit_log TO bo_manager;
GRANT SELECT(xact) ON TABLE public.audit_log TO bo_admin;
GRANT SELECT(xact) ON TABLE public.audit_log TO bo_web;


--
-- Name: COLUMN booking.id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(id) ON TABLE public.booking TO bo_cashier;
GRANT SELECT(id) ON TABLE public.booking TO bo_door;
GRANT SELECT(id) ON TABLE public.booking TO bo_manager;
GRANT SELECT(id) ON TABLE public.booking TO bo_admin;
GRANT SELECT(id) ON TABLE public.booking TO bo_web;


--
-- Name: COLUMN booking.showtime_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(showtime_id) ON TABLE public.booking TO bo_cashier;
GRANT SELECT(showtime_id) ON TABLE public.booking TO bo_door;
GRANT SELECT(showtime_id) ON TABLE public.booking TO bo_manager;
GRANT SELECT(showtime_id) ON TABLE public.booking TO bo_admin;
GRANT SELECT(showtime_id) ON TABLE public.booking TO bo_web;


--
-- Name: COLUMN booking.channel; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(channel) ON TABLE public.booking TO bo_cashier;
GRANT SELECT(channel) ON TABLE public.booking TO bo_door;
GRANT SELECT(channel) ON TABLE public.booking TO bo_manager;
GRANT SELECT(channel) ON TABLE public.booking TO bo_admin;
GRANT SELECT(channel) ON TABLE public.booking TO bo_web;


--
-- Name: COLUMN booking.status; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(status) ON TABLE public.booking TO bo_cashier;
GRANT SELECT(status) ON TABLE public.booking TO bo_door;
GRANT SELECT(status) ON TABLE public.booking TO bo_manager;
GRANT SELECT(status) ON TABLE public.booking TO bo_admin;
GRANT SELECT(status) ON TABLE public.booking TO bo_web;


--
-- Name: COLUMN booking.email; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(email) ON TABLE public.booking TO bo_cashier;
GRANT SELECT(email) ON TABLE public.booking TO bo_door;
GRANT SELECT(email) ON TABLE public.booking TO bo_manager;
GRANT SELECT(email) ON TABLE public.booking TO bo_admin;
GRANT SELECT(email) ON TABLE public.booking TO bo_web;


--
-- Name: COLUMN booking.currency; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(currency) ON TABLE public.booking TO bo_cashier;
GRANT SELECT(currency) ON TABLE public.booking TO bo_door;
GRANT SELECT(currency) ON TABLE public.booking TO bo_manager;
GRANT SELECT(currency) ON TABLE public.booking TO bo_admin;
GRANT SELECT(currency) ON TABLE public.booking TO bo_web;


--
-- Name: COLUMN booking.total_minor; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(total_minor) ON TABLE public.booking TO bo_cashier;
GRANT SELECT(total_minor) ON TABLE public.booking TO bo_door;
GRANT SELECT(total_minor) ON TABLE public.booking TO bo_manager;
GRANT SELECT(total_minor) ON TABLE public.booking TO bo_admin;
GRANT SELECT(total_minor) ON TABLE public.booking TO bo_web;


--
-- Name: COLUMN booking.expires_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(expires_at) ON TABLE public.booking TO bo_cashier;
GRANT SELECT(expires_at) ON TABLE public.booking TO bo_door;
GRANT SELECT(expires_at) ON TABLE public.booking TO bo_manager;
GRANT SELECT(expires_at) ON TABLE public.booking TO bo_admin;
GRANT SELECT(expires_at) ON TABLE public.booking TO bo_web;


--
-- Name: COLUMN booking.order_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(order_id) ON TABLE public.booking TO bo_cashier;
GRANT SELECT(order_id) ON TABLE public.booking TO bo_door;
GRANT SELECT(order_id) ON TABLE public.booking TO bo_manager;
GRANT SELECT(order_id) ON TABLE public.booking TO bo_admin;
GRANT SELECT(order_id) ON TABLE public.booking TO bo_web;


--
-- Name: COLUMN booking.created_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(created_at) ON TABLE public.booking TO bo_cashier;
GRANT SELECT(created_at) ON TABLE public.booking TO bo_door;
GRANT SELECT(created_at) ON TABLE public.booking TO bo_manager;
GRANT SELECT(created_at) ON TABLE public.booking TO bo_admin;
GRANT SELECT(created_at) ON TABLE public.booking TO bo_web;


--
-- Name: COLUMN booking.confirmed_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(confirmed_at) ON TABLE public.booking TO bo_cashier;
GRANT SELECT(confirmed_at) ON TABLE public.booking TO bo_door;
GRANT SELECT(confirmed_at) ON TABLE public.booking TO bo_manager;
GRANT SELECT(confirmed_at) ON TABLE public.booking TO bo_admin;
GRANT SELECT(confirmed_at) ON TABLE public.booking TO bo_web;


--
-- Name: COLUMN booking.ended_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(ended_at) ON TABLE public.booking TO bo_cashier;
GRANT SELECT(ended_at) ON TABLE public.booking TO bo_door;
GRANT SELECT(ended_at) ON TABLE public.booking TO bo_manager;
GRANT SELECT(ended_at) ON TABLE public.booking TO bo_admin;
GRANT SELECT(ended_at) ON TABLE public.booking TO bo_web;


--
-- Name: TABLE booking_line; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT ON TABLE public.booking_line TO bo_web;
GRANT SELECT ON TABLE public.booking_line TO bo_manager;
GRANT SELECT ON TABLE public.booking_line TO bo_admin;


--
-- Name: COLUMN booking_live.id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(id) ON TABLE public.booking_live TO bo_cashier;
GRANT SELECT(id) ON TABLE public.booking_live TO bo_door;
GRANT SELECT(id) ON TABLE public.booking_live TO bo_manager;
GRANT SELECT(id) ON TABLE public.booking_live TO bo_admin;
GRANT SELECT(id) ON TABLE public.booking_live TO bo_web;


--
-- Name: COLUMN booking_live.showtime_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(showtime_id) ON TABLE public.booking_live TO bo_cashier;
GRANT SELECT(showtime_id) ON TABLE public.booking_live TO bo_door;
GRANT SELECT(showtime_id) ON TABLE public.booking_live TO bo_manager;
GRANT SELECT(showtime_id) ON TABLE public.booking_live TO bo_admin;
GRANT SELECT(showtime_id) ON TABLE public.booking_live TO bo_web;


--
-- Name: COLUMN booking_live.channel; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(channel) ON TABLE public.booking_live TO bo_cashier;
GRANT SELECT(channel) ON TABLE public.booking_live TO bo_door;
GRANT SELECT(channel) ON TABLE public.booking_live TO bo_manager;
GRANT SELECT(channel) ON TABLE public.booking_live TO bo_admin;
GRANT SELECT(channel) ON TABLE public.booking_live TO bo_web;


--
-- Name: COLUMN booking_live.status; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(status) ON TABLE public.booking_live TO bo_cashier;
GRANT SELECT(status) ON TABLE public.booking_live TO bo_door;
GRANT SELECT(status) ON TABLE public.booking_live TO bo_manager;
GRANT SELECT(status) ON TABLE public.booking_live TO bo_admin;
GRANT SELECT(status) ON TABLE public.booking_live TO bo_web;


--
-- Name: COLUMN booking_live.email; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(email) ON TABLE public.booking_live TO bo_cashier;
GRANT SELECT(email) ON TABLE public.booking_live TO bo_door;
GRANT SELECT(email) ON TABLE public.booking_live TO bo_manager;
GRANT SELECT(email) ON TABLE public.booking_live TO bo_admin;
GRANT SELECT(email) ON TABLE public.booking_live TO bo_web;


--
-- Name: COLUMN booking_live.currency; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(currency) ON TABLE public.booking_live TO bo_cashier;
GRANT SELECT(currency) ON TABLE public.booking_live TO bo_door;
GRANT SELECT(currency) ON TABLE public.booking_live TO bo_manager;
GRANT SELECT(currency) ON TABLE public.booking_live TO bo_admin;
GRANT SELECT(currency) ON TABLE public.booking_live TO bo_web;


--
-- Name: COLUMN booking_live.total_minor; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(total_minor) ON TABLE public.booking_live TO bo_cashier;
GRANT SELECT(total_minor) ON TABLE public.booking_live TO bo_door;
GRANT SELECT(total_minor) ON TABLE public.booking_live TO bo_manager;
GRANT SELECT(total_minor) ON TABLE public.booking_live TO bo_admin;
GRANT SELECT(total_minor) ON TABLE public.booking_live TO bo_web;


--
-- Name: COLUMN booking_live.expires_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(expires_at) ON TABLE public.booking_live TO bo_cashier;
GRANT SELECT(expires_at) ON TABLE public.booking_live TO bo_door;
GRANT SELECT(expires_at) ON TABLE public.booking_live TO bo_manager;
GRANT SELECT(expires_at) ON TABLE public.booking_live TO bo_admin;
GRANT SELECT(expires_at) ON TABLE public.booking_live TO bo_web;


--
-- Name: COLUMN booking_live.order_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(order_id) ON TABLE public.booking_live TO bo_cashier;
GRANT SELECT(order_id) ON TABLE public.booking_live TO bo_door;
GRANT SELECT(order_id) ON TABLE public.booking_live TO bo_manager;
GRANT SELECT(order_id) ON TABLE public.booking_live TO bo_admin;
GRANT SELECT(order_id) ON TABLE public.booking_live TO bo_web;


--
-- Name: COLUMN booking_live.created_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(created_at) ON TABLE public.booking_live TO bo_cashier;
GRANT SELECT(created_at) ON TABLE public.booking_live TO bo_door;
GRANT SELECT(created_at) ON TABLE public.booking_live TO bo_manager;
GRANT SELECT(created_at) ON TABLE public.booking_live TO bo_admin;
GRANT SELECT(created_at) ON TABLE public.booking_live TO bo_web;


--
-- Name: COLUMN booking_live.confirmed_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(confirmed_at) ON TABLE public.booking_live TO bo_cashier;
GRANT SELECT(confirmed_at) ON TABLE public.booking_live TO bo_door;
GRANT SELECT(confirmed_at) ON TABLE public.booking_live TO bo_manager;
GRANT SELECT(confirmed_at) ON TABLE public.booking_live TO bo_admin;
GRANT SELECT(confirmed_at) ON TABLE public.booking_live TO bo_web;


--
-- Name: COLUMN booking_live.ended_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(ended_at) ON TABLE public.booking_live TO bo_cashier;
GRANT SELECT(ended_at) ON TABLE public.booking_live TO bo_door;
GRANT SELECT(ended_at) ON TABLE public.booking_live TO bo_manager;
GRANT SELECT(ended_at) ON TABLE public.booking_live TO bo_admin;
GRANT SELECT(ended_at) ON TABLE public.booking_live TO bo_web;


--
-- Name: COLUMN booking_seat.booking_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(booking_id) ON TABLE public.booking_seat TO bo_cashier;
GRANT SELECT(booking_id) ON TABLE public.booking_seat TO bo_door;
GRANT SELECT(booking_id) ON TABLE public.booking_seat TO bo_manager;
GRANT SELECT(booking_id) ON TABLE public.booking_seat TO bo_admin;
GRANT SELECT(booking_id) ON TABLE public.booking_seat TO bo_web;


--
-- Name: COLUMN booking_seat.seat_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(seat_id) ON TABLE public.booking_seat TO bo_cashier;
GRANT SELECT(seat_id) ON TABLE public.booking_seat TO bo_door;
GRANT SELECT(seat_id) ON TABLE public.booking_seat TO bo_manager;
GRANT SELECT(seat_id) ON TABLE public.booking_seat TO bo_admin;
GRANT SELECT(seat_id) ON TABLE public.booking_seat TO bo_web;


--
-- Name: COLUMN booking_seat.category_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(category_id) ON TABLE public.booking_seat TO bo_cashier;
GRANT SELECT(category_id) ON TABLE public.booking_seat TO bo_door;
GRANT SELECT(category_id) ON TABLE public.booking_seat TO bo_manager;
GRANT SELECT(category_id) ON TABLE public.booking_seat TO bo_admin;
GRANT SELECT(category_id) ON TABLE public.booking_seat TO bo_web;


--
-- Name: COLUMN booking_seat.price_minor; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(price_minor) ON TABLE public.booking_seat TO bo_cashier;
GRANT SELECT(price_minor) ON TABLE public.booking_seat TO bo_door;
GRANT SELECT(price_minor) ON TABLE public.booking_seat TO bo_manager;
GRANT SELECT(price_minor) ON TABLE public.booking_seat TO bo_admin;
GRANT SELECT(price_minor) ON TABLE public.booking_seat TO bo_web;


--
-- Name: TABLE customer; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT ON TABLE public.customer TO bo_manager;
GRANT SELECT ON TABLE public.customer TO bo_admin;


--
-- Name: TABLE customer_order; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT ON TABLE public.customer_order TO bo_manager;
GRANT SELECT ON TABLE public.customer_order TO bo_admin;


--
-- Name: COLUMN ga_area.id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(id) ON TABLE public.ga_area TO bo_cashier;
GRANT SELECT(id) ON TABLE public.ga_area TO bo_door;
GRANT SELECT(id) ON TABLE public.ga_area TO bo_manager;
GRANT SELECT(id) ON TABLE public.ga_area TO bo_admin;
GRANT SELECT(id) ON TABLE public.ga_area TO bo_web;


--
-- Name: COLUMN ga_area.plan_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(plan_id) ON TABLE public.ga_area TO bo_cashier;
GRANT SELECT(plan_id) ON TABLE public.ga_area TO bo_door;
GRANT SELECT(plan_id) ON TABLE public.ga_area TO bo_manager;
GRANT SELECT(plan_id) ON TABLE public.ga_area TO bo_admin;
GRANT SELECT(plan_id) ON TABLE public.ga_area TO bo_web;


--
-- Name: COLUMN ga_area.name; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(name) ON TABLE public.ga_area TO bo_cashier;
GRANT SELECT(name) ON TABLE public.ga_area TO bo_door;
GRANT SELECT(name) ON TABLE public.ga_area TO bo_manager;
GRANT SELECT(name) ON TABLE public.ga_area TO bo_admin;
GRANT SELECT(name) ON TABLE public.ga_area TO bo_web;


--
-- Name: COLUMN ga_area.capacity; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(capacity) ON TABLE public.ga_area TO bo_cashier;
GRANT SELECT(capacity) ON TABLE public.ga_area TO bo_door;
GRANT SELECT(capacity) ON TABLE public.ga_area TO bo_manager;
GRANT SELECT(capacity) ON TABLE public.ga_area TO bo_admin;
GRANT SELECT(capacity) ON TABLE public.ga_area TO bo_web;


--
-- Name: COLUMN ga_area.category_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(category_id) ON TABLE public.ga_area TO bo_cashier;
GRANT SELECT(category_id) ON TABLE public.ga_area TO bo_door;
GRANT SELECT(category_id) ON TABLE public.ga_area TO bo_manager;
GRANT SELECT(category_id) ON TABLE public.ga_area TO bo_admin;
GRANT SELECT(category_id) ON TABLE public.ga_area TO bo_web;


--
-- Name: COLUMN ga_area.x; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(x) ON TABLE public.ga_area TO bo_cashier;
GRANT SELECT(x) ON TABLE public.ga_area TO bo_door;
GRANT SELECT(x) ON TABLE public.ga_area TO bo_manager;
GRANT SELECT(x) ON TABLE public.ga_area TO bo_admin;
GRANT SELECT(x) ON TABLE public.ga_area TO bo_web;


--
-- Name: COLUMN ga_area.y; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(y) ON TABLE public.ga_area TO bo_cashier;
GRANT SELECT(y) ON TABLE public.ga_area TO bo_door;
GRANT SELECT(y) ON TABLE public.ga_area TO bo_manager;
GRANT SELECT(y) ON TABLE public.ga_area TO bo_admin;
GRANT SELECT(y) ON TABLE public.ga_area TO bo_web;


--
-- Name: COLUMN ga_area.w; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(w) ON TABLE public.ga_area TO bo_cashier;
GRANT SELECT(w) ON TABLE public.ga_area TO bo_door;
GRANT SELECT(w) ON TABLE public.ga_area TO bo_manager;
GRANT SELECT(w) ON TABLE public.ga_area TO bo_admin;
GRANT SELECT(w) ON TABLE public.ga_area TO bo_web;


--
-- Name: COLUMN ga_area.h; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(h) ON TABLE public.ga_area TO bo_cashier;
GRANT SELECT(h) ON TABLE public.ga_area TO bo_door;
GRANT SELECT(h) ON TABLE public.ga_area TO bo_manager;
GRANT SELECT(h) ON TABLE public.ga_area TO bo_admin;
GRANT SELECT(h) ON TABLE public.ga_area TO bo_web;


--
-- Name: COLUMN price_category.id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(id) ON TABLE public.price_category TO bo_cashier;
GRANT SELECT(id) ON TABLE public.price_category TO bo_door;
GRANT SELECT(id) ON TABLE public.price_category TO bo_manager;
GRANT SELECT(id) ON TABLE public.price_category TO bo_admin;
GRANT SELECT(id) ON TABLE public.price_category TO bo_web;


--
-- Name: COLUMN price_category.plan_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(plan_id) ON TABLE public.price_category TO bo_cashier;
GRANT SELECT(plan_id) ON TABLE public.price_category TO bo_door;
GRANT SELECT(plan_id) ON TABLE public.price_category TO bo_manager;
GRANT SELECT(plan_id) ON TABLE public.price_category TO bo_admin;
GRANT SELECT(plan_id) ON TABLE public.price_category TO bo_web;


--
-- Name: COLUMN price_category.name; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(name) ON TABLE public.price_category TO bo_cashier;
GRANT SELECT(name) ON TABLE public.price_category TO bo_door;
GRANT SELECT(name) ON TABLE public.price_category TO bo_manager;
GRANT SELECT(name) ON TABLE public.price_category TO bo_admin;
GRANT SELECT(name) ON TABLE public.price_category TO bo_web;


--
-- Name: COLUMN price_category.color; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(color) ON TABLE public.price_category TO bo_cashier;
GRANT SELECT(color) ON TABLE public.price_category TO bo_door;
GRANT SELECT(color) ON TABLE public.price_category TO bo_manager;
GRANT SELECT(color) ON TABLE public.price_category TO bo_admin;
GRANT SELECT(color) ON TABLE public.price_category TO bo_web;


--
-- Name: COLUMN price_category."position"; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT("position") ON TABLE public.price_category TO bo_cashier;
GRANT SELECT("position") ON TABLE public.price_category TO bo_door;
GRANT SELECT("position") ON TABLE public.price_category TO bo_manager;
GRANT SELECT("position") ON TABLE public.price_category TO bo_admin;
GRANT SELECT("position") ON TABLE public.price_category TO bo_web;


--
-- Name: COLUMN price_category.vat_rate_bp; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(vat_rate_bp) ON TABLE public.price_category TO bo_cashier;
GRANT SELECT(vat_rate_bp) ON TABLE public.price_category TO bo_door;
GRANT SELECT(vat_rate_bp) ON TABLE public.price_category TO bo_manager;
GRANT SELECT(vat_rate_bp) ON TABLE public.price_category TO bo_admin;
GRANT SELECT(vat_rate_bp) ON TABLE public.price_category TO bo_web;


--
-- Name: COLUMN seat.id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(id) ON TABLE public.seat TO bo_cashier;
GRANT SELECT(id) ON TABLE public.seat TO bo_door;
GRANT SELECT(id) ON TABLE public.seat TO bo_manager;
GRANT SELECT(id) ON TABLE public.seat TO bo_admin;
GRANT SELECT(id) ON TABLE public.seat TO bo_web;


--
-- Name: COLUMN seat.plan_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(plan_id) ON TABLE public.seat TO bo_cashier;
GRANT SELECT(plan_id) ON TABLE public.seat TO bo_door;
GRANT SELECT(plan_id) ON TABLE public.seat TO bo_manager;
GRANT SELECT(plan_id) ON TABLE public.seat TO bo_admin;
GRANT SELECT(plan_id) ON TABLE public.seat TO bo_web;


--
-- Name: COLUMN seat.section_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(section_id) ON TABLE public.seat TO bo_cashier;
GRANT SELECT(section_id) ON TABLE public.seat TO bo_door;
GRANT SELECT(section_id) ON TABLE public.seat TO bo_manager;
GRANT SELECT(section_id) ON TABLE public.seat TO bo_admin;
GRANT SELECT(section_id) ON TABLE public.seat TO bo_web;


--
-- Name: COLUMN seat.category_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(category_id) ON TABLE public.seat TO bo_cashier;
GRANT SELECT(category_id) ON TABLE public.seat TO bo_door;
GRANT SELECT(category_id) ON TABLE public.seat TO bo_manager;
GRANT SELECT(category_id) ON TABLE public.seat TO bo_admin;
GRANT SELECT(category_id) ON TABLE public.seat TO bo_web;


--
-- Name: COLUMN seat.guid; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(guid) ON TABLE public.seat TO bo_cashier;
GRANT SELECT(guid) ON TABLE public.seat TO bo_door;
GRANT SELECT(guid) ON TABLE public.seat TO bo_manager;
GRANT SELECT(guid) ON TABLE public.seat TO bo_admin;
GRANT SELECT(guid) ON TABLE public.seat TO bo_web;


--
-- Name: COLUMN seat.row_label; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(row_label) ON TABLE public.seat TO bo_cashier;
GRANT SELECT(row_label) ON TABLE public.seat TO bo_door;
GRANT SELECT(row_label) ON TABLE public.seat TO bo_manager;
GRANT SELECT(row_label) ON TABLE public.seat TO bo_admin;
GRANT SELECT(row_label) ON TABLE public.seat TO bo_web;


--
-- Name: COLUMN seat.seat_number; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(seat_number) ON TABLE public.seat TO bo_cashier;
GRANT SELECT(seat_number) ON TABLE public.seat TO bo_door;
GRANT SELECT(seat_number) ON TABLE public.seat TO bo_manager;
GRANT SELECT(seat_number) ON TABLE public.seat TO bo_admin;
GRANT SELECT(seat_number) ON TABLE public.seat TO bo_web;


--
-- Name: COLUMN seat.x; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(x) ON TABLE public.seat TO bo_cashier;
GRANT SELECT(x) ON TABLE public.seat TO bo_door;
GRANT SELECT(x) ON TABLE public.seat TO bo_manager;
GRANT SELECT(x) ON TABLE public.seat TO bo_admin;
GRANT SELECT(x) ON TABLE public.seat TO bo_web;


--
-- Name: COLUMN seat.y; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(y) ON TABLE public.seat TO bo_cashier;
GRANT SELECT(y) ON TABLE public.seat TO bo_door;
GRANT SELECT(y) ON TABLE public.seat TO bo_manager;
GRANT SELECT(y) ON TABLE public.seat TO bo_admin;
GRANT SELECT(y) ON TABLE public.seat TO bo_web;


--
-- Name: COLUMN seat.radius; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(radius) ON TABLE public.seat TO bo_cashier;
GRANT SELECT(radius) ON TABLE public.seat TO bo_door;
GRANT SELECT(radius) ON TABLE public.seat TO bo_manager;
GRANT SELECT(radius) ON TABLE public.seat TO bo_admin;
GRANT SELECT(radius) ON TABLE public.seat TO bo_web;


--
-- Name: COLUMN seat.wheelchair; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(wheelchair) ON TABLE public.seat TO bo_cashier;
GRANT SELECT(wheelchair) ON TABLE public.seat TO bo_door;
GRANT SELECT(wheelchair) ON TABLE public.seat TO bo_manager;
GRANT SELECT(wheelchair) ON TABLE public.seat TO bo_admin;
GRANT SELECT(wheelchair) ON TABLE public.seat TO bo_web;


--
-- Name: COLUMN seat.companion; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(companion) ON TABLE public.seat TO bo_cashier;
GRANT SELECT(companion) ON TABLE public.seat TO bo_door;
GRANT SELECT(companion) ON TABLE public.seat TO bo_manager;
GRANT SELECT(companion) ON TABLE public.seat TO bo_admin;
GRANT SELECT(companion) ON TABLE public.seat TO bo_web;


--
-- Name: COLUMN section.id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(id) ON TABLE public.section TO bo_cashier;
GRANT SELECT(id) ON TABLE public.section TO bo_door;
GRANT SELECT(id) ON TABLE public.section TO bo_manager;
GRANT SELECT(id) ON TABLE public.section TO bo_admin;
GRANT SELECT(id) ON TABLE public.section TO bo_web;


--
-- Name: COLUMN section.plan_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(plan_id) ON TABLE public.section TO bo_cashier;
GRANT SELECT(plan_id) ON TABLE public.section TO bo_door;
GRANT SELECT(plan_id) ON TABLE public.section TO bo_manager;
GRANT SELECT(plan_id) ON TABLE public.section TO bo_admin;
GRANT SELECT(plan_id) ON TABLE public.section TO bo_web;


--
-- Name: COLUMN section.name; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(name) ON TABLE public.section TO bo_cashier;
GRANT SELECT(name) ON TABLE public.section TO bo_door;
GRANT SELECT(name) ON TABLE public.section TO bo_manager;
GRANT SELECT(name) ON TABLE public.section TO bo_admin;
GRANT SELECT(name) ON TABLE public.section TO bo_web;


--
-- Name: COLUMN section."position"; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT("position") ON TABLE public.section TO bo_cashier;
GRANT SELECT("position") ON TABLE public.section TO bo_door;
GRANT SELECT("position") ON TABLE public.section TO bo_manager;
GRANT SELECT("position") ON TABLE public.section TO bo_admin;
GRANT SELECT("position") ON TABLE public.section TO bo_web;


--
-- Name: COLUMN section.best_rank; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(best_rank) ON TABLE public.section TO bo_cashier;
GRANT SELECT(best_rank) ON TABLE public.section TO bo_door;
GRANT SELECT(best_rank) ON TABLE public.section TO bo_manager;
GRANT SELECT(best_rank) ON TABLE public.section TO bo_admin;
GRANT SELECT(best_rank) ON TABLE public.section TO bo_web;


--
-- Name: COLUMN show.id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(id) ON TABLE public.show TO bo_cashier;
GRANT SELECT(id) ON TABLE public.show TO bo_door;
GRANT SELECT(id) ON TABLE public.show TO bo_manager;
GRANT SELECT(id) ON TABLE public.show TO bo_admin;
GRANT SELECT(id) ON TABLE public.show TO bo_web;


--
-- Name: COLUMN show.title; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(title) ON TABLE public.show TO bo_cashier;
GRANT SELECT(title) ON TABLE public.show TO bo_door;
GRANT SELECT(title) ON TABLE public.show TO bo_manager;
GRANT SELECT(title) ON TABLE public.show TO bo_admin;
GRANT SELECT(title) ON TABLE public.show TO bo_web;


--
-- Name: COLUMN show.duration_minutes; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(duration_minutes) ON TABLE public.show TO bo_cashier;
GRANT SELECT(duration_minutes) ON TABLE public.show TO bo_door;
GRANT SELECT(duration_minutes) ON TABLE public.show TO bo_manager;
GRANT SELECT(duration_minutes) ON TABLE public.show TO bo_admin;
GRANT SELECT(duration_minutes) ON TABLE public.show TO bo_web;


--
-- Name: COLUMN show.description; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(description) ON TABLE public.show TO bo_cashier;
GRANT SELECT(description) ON TABLE public.show TO bo_door;
GRANT SELECT(description) ON TABLE public.show TO bo_manager;
GRANT SELECT(description) ON TABLE public.show TO bo_admin;
GRANT SELECT(description) ON TABLE public.show TO bo_web;


--
-- Name: COLUMN show.rating; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(rating) ON TABLE public.show TO bo_cashier;
GRANT SELECT(rating) ON TABLE public.show TO bo_door;
GRANT SELECT(rating) ON TABLE public.show TO bo_manager;
GRANT SELECT(rating) ON TABLE public.show TO bo_admin;
GRANT SELECT(rating) ON TABLE public.show TO bo_web;


--
-- Name: COLUMN show.image; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(image) ON TABLE public.show TO bo_cashier;
GRANT SELECT(image) ON TABLE public.show TO bo_door;
GRANT SELECT(image) ON TABLE public.show TO bo_manager;
GRANT SELECT(image) ON TABLE public.show TO bo_admin;
GRANT SELECT(image) ON TABLE public.show TO bo_web;


--
-- Name: COLUMN show.image_type; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(image_type) ON TABLE public.show TO bo_cashier;
GRANT SELECT(image_type) ON TABLE public.show TO bo_door;
GRANT SELECT(image_type) ON TABLE public.show TO bo_manager;
GRANT SELECT(image_type) ON TABLE public.show TO bo_admin;
GRANT SELECT(image_type) ON TABLE public.show TO bo_web;


--
-- Name: COLUMN showtime.id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(id) ON TABLE public.showtime TO bo_cashier;
GRANT SELECT(id) ON TABLE public.showtime TO bo_door;
GRANT SELECT(id) ON TABLE public.showtime TO bo_manager;
GRANT SELECT(id) ON TABLE public.showtime TO bo_admin;
GRANT SELECT(id) ON TABLE public.showtime TO bo_web;


--
-- Name: COLUMN showtime.show_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(show_id) ON TABLE public.showtime TO bo_cashier;
GRANT SELECT(show_id) ON TABLE public.showtime TO bo_door;
GRANT SELECT(show_id) ON TABLE public.showtime TO bo_manager;
GRANT SELECT(show_id) ON TABLE public.showtime TO bo_admin;
GRANT SELECT(show_id) ON TABLE public.showtime TO bo_web;


--
-- Name: COLUMN showtime.plan_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(plan_id) ON TABLE public.showtime TO bo_cashier;
GRANT SELECT(plan_id) ON TABLE public.showtime TO bo_door;
GRANT SELECT(plan_id) ON TABLE public.showtime TO bo_manager;
GRANT SELECT(plan_id) ON TABLE public.showtime TO bo_admin;
GRANT SELECT(plan_id) ON TABLE public.showtime TO bo_web;


--
-- Name: COLUMN showtime.starts_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(starts_at) ON TABLE public.showtime TO bo_cashier;
GRANT SELECT(starts_at) ON TABLE public.showtime TO bo_door;
GRANT SELECT(starts_at) ON TABLE public.showtime TO bo_manager;
GRANT SELECT(starts_at) ON TABLE public.showtime TO bo_admin;
GRANT SELECT(starts_at) ON TABLE public.showtime TO bo_web;


--
-- Name: COLUMN showtime.status; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(status) ON TABLE public.showtime TO bo_cashier;
GRANT SELECT(status) ON TABLE public.showtime TO bo_door;
GRANT SELECT(status) ON TABLE public.showtime TO bo_manager;
GRANT SELECT(status) ON TABLE public.showtime TO bo_admin;
GRANT SELECT(status) ON TABLE public.showtime TO bo_web;


--
-- Name: COLUMN showtime.doors_open_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(doors_open_at) ON TABLE public.showtime TO bo_cashier;
GRANT SELECT(doors_open_at) ON TABLE public.showtime TO bo_door;
GRANT SELECT(doors_open_at) ON TABLE public.showtime TO bo_manager;
GRANT SELECT(doors_open_at) ON TABLE public.showtime TO bo_admin;
GRANT SELECT(doors_open_at) ON TABLE public.showtime TO bo_web;


--
-- Name: COLUMN showtime.venue_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(venue_id) ON TABLE public.showtime TO bo_cashier;
GRANT SELECT(venue_id) ON TABLE public.showtime TO bo_door;
GRANT SELECT(venue_id) ON TABLE public.showtime TO bo_manager;
GRANT SELECT(venue_id) ON TABLE public.showtime TO bo_admin;
GRANT SELECT(venue_id) ON TABLE public.showtime TO bo_web;


--
-- Name: COLUMN showtime.ends_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(ends_at) ON TABLE public.showtime TO bo_cashier;
GRANT SELECT(ends_at) ON TABLE public.showtime TO bo_door;
GRANT SELECT(ends_at) ON TABLE public.showtime TO bo_manager;
GRANT SELECT(ends_at) ON TABLE public.showtime TO bo_admin;
GRANT SELECT(ends_at) ON TABLE public.showtime TO bo_web;


--
-- Name: COLUMN showtime.on_sale_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(on_sale_at) ON TABLE public.showtime TO bo_cashier;
GRANT SELECT(on_sale_at) ON TABLE public.showtime TO bo_door;
GRANT SELECT(on_sale_at) ON TABLE public.showtime TO bo_manager;
GRANT SELECT(on_sale_at) ON TABLE public.showtime TO bo_admin;
GRANT SELECT(on_sale_at) ON TABLE public.showtime TO bo_web;


--
-- Name: COLUMN showtime.off_sale_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(off_sale_at) ON TABLE public.showtime TO bo_cashier;
GRANT SELECT(off_sale_at) ON TABLE public.showtime TO bo_door;
GRANT SELECT(off_sale_at) ON TABLE public.showtime TO bo_manager;
GRANT SELECT(off_sale_at) ON TABLE public.showtime TO bo_admin;
GRANT SELECT(off_sale_at) ON TABLE public.showtime TO bo_web;


--
-- Name: COLUMN showtime.cancelled_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(cancelled_at) ON TABLE public.showtime TO bo_cashier;
GRANT SELECT(cancelled_at) ON TABLE public.showtime TO bo_door;
GRANT SELECT(cancelled_at) ON TABLE public.showtime TO bo_manager;
GRANT SELECT(cancelled_at) ON TABLE public.showtime TO bo_admin;
GRANT SELECT(cancelled_at) ON TABLE public.showtime TO bo_web;


--
-- Name: COLUMN showtime.cancel_reason; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(cancel_reason) ON TABLE public.showtime TO bo_cashier;
GRANT SELECT(cancel_reason) ON TABLE public.showtime TO bo_door;
GRANT SELECT(cancel_reason) ON TABLE public.showtime TO bo_manager;
GRANT SELECT(cancel_reason) ON TABLE public.showtime TO bo_admin;
GRANT SELECT(cancel_reason) ON TABLE public.showtime TO bo_web;


--
-- Name: COLUMN showtime.hall_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(hall_id) ON TABLE public.showtime TO bo_cashier;
GRANT SELECT(hall_id) ON TABLE public.showtime TO bo_door;
GRANT SELECT(hall_id) ON TABLE public.showtime TO bo_manager;
GRANT SELECT(hall_id) ON TABLE public.showtime TO bo_admin;
GRANT SELECT(hall_id) ON TABLE public.showtime TO bo_web;


--
-- Name: COLUMN showtime.off_sale_default; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(off_sale_default) ON TABLE public.showtime TO bo_cashier;
GRANT SELECT(off_sale_default) ON TABLE public.showtime TO bo_door;
GRANT SELECT(off_sale_default) ON TABLE public.showtime TO bo_manager;
GRANT SELECT(off_sale_default) ON TABLE public.showtime TO bo_admin;
GRANT SELECT(off_sale_default) ON TABLE public.showtime TO bo_web;


--
-- Name: COLUMN ticket.id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(id) ON TABLE public.ticket TO bo_cashier;
GRANT SELECT(id) ON TABLE public.ticket TO bo_door;
GRANT SELECT(id) ON TABLE public.ticket TO bo_manager;
GRANT SELECT(id) ON TABLE public.ticket TO bo_admin;
GRANT SELECT(id) ON TABLE public.ticket TO bo_web;


--
-- Name: COLUMN ticket.order_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(order_id) ON TABLE public.ticket TO bo_cashier;
GRANT SELECT(order_id) ON TABLE public.ticket TO bo_door;
GRANT SELECT(order_id) ON TABLE public.ticket TO bo_manager;
GRANT SELECT(order_id) ON TABLE public.ticket TO bo_admin;
GRANT SELECT(order_id) ON TABLE public.ticket TO bo_web;


--
-- Name: COLUMN ticket.showtime_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(showtime_id) ON TABLE public.ticket TO bo_cashier;
GRANT SELECT(showtime_id) ON TABLE public.ticket TO bo_door;
GRANT SELECT(showtime_id) ON TABLE public.ticket TO bo_manager;
GRANT SELECT(showtime_id) ON TABLE public.ticket TO bo_admin;
GRANT SELECT(showtime_id) ON TABLE public.ticket TO bo_web;


--
-- Name: COLUMN ticket.seat_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(seat_id) ON TABLE public.ticket TO bo_cashier;
GRANT SELECT(seat_id) ON TABLE public.ticket TO bo_door;
GRANT SELECT(seat_id) ON TABLE public.ticket TO bo_manager;
GRANT SELECT(seat_id) ON TABLE public.ticket TO bo_admin;
GRANT SELECT(seat_id) ON TABLE public.ticket TO bo_web;


--
-- Name: COLUMN ticket.category_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(category_id) ON TABLE public.ticket TO bo_cashier;
GRANT SELECT(category_id) ON TABLE public.ticket TO bo_door;
GRANT SELECT(category_id) ON TABLE public.ticket TO bo_manager;
GRANT SELECT(category_id) ON TABLE public.ticket TO bo_admin;
GRANT SELECT(category_id) ON TABLE public.ticket TO bo_web;


--
-- Name: COLUMN ticket.price_minor; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(price_minor) ON TABLE public.ticket TO bo_cashier;
GRANT SELECT(price_minor) ON TABLE public.ticket TO bo_door;
GRANT SELECT(price_minor) ON TABLE public.ticket TO bo_manager;
GRANT SELECT(price_minor) ON TABLE public.ticket TO bo_admin;
GRANT SELECT(price_minor) ON TABLE public.ticket TO bo_web;


--
-- Name: COLUMN ticket.status; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(status) ON TABLE public.ticket TO bo_cashier;
GRANT SELECT(status) ON TABLE public.ticket TO bo_door;
GRANT SELECT(status) ON TABLE public.ticket TO bo_manager;
GRANT SELECT(status) ON TABLE public.ticket TO bo_admin;
GRANT SELECT(status) ON TABLE public.ticket TO bo_web;


--
-- Name: COLUMN ticket.code_serial; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(code_serial) ON TABLE public.ticket TO bo_cashier;
GRANT SELECT(code_serial) ON TABLE public.ticket TO bo_door;
GRANT SELECT(code_serial) ON TABLE public.ticket TO bo_manager;
GRANT SELECT(code_serial) ON TABLE public.ticket TO bo_admin;
GRANT SELECT(code_serial) ON TABLE public.ticket TO bo_web;


--
-- Name: COLUMN ticket.voided_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(voided_at) ON TABLE public.ticket TO bo_cashier;
GRANT SELECT(voided_at) ON TABLE public.ticket TO bo_door;
GRANT SELECT(voided_at) ON TABLE public.ticket TO bo_manager;
GRANT SELECT(voided_at) ON TABLE public.ticket TO bo_admin;
GRANT SELECT(voided_at) ON TABLE public.ticket TO bo_web;


--
-- Name: COLUMN ticket.inside; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(inside) ON TABLE public.ticket TO bo_cashier;
GRANT SELECT(inside) ON TABLE public.ticket TO bo_door;
GRANT SELECT(inside) ON TABLE public.ticket TO bo_manager;
GRANT SELECT(inside) ON TABLE public.ticket TO bo_admin;
GRANT SELECT(inside) ON TABLE public.ticket TO bo_web;


--
-- Name: COLUMN ticket.admitted_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(admitted_at) ON TABLE public.ticket TO bo_cashier;
GRANT SELECT(admitted_at) ON TABLE public.ticket TO bo_door;
GRANT SELECT(admitted_at) ON TABLE public.ticket TO bo_manager;
GRANT SELECT(admitted_at) ON TABLE public.ticket TO bo_admin;
GRANT SELECT(admitted_at) ON TABLE public.ticket TO bo_web;


--
-- Name: COLUMN ticket.admitted_gate; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(admitted_gate) ON TABLE public.ticket TO bo_cashier;
GRANT SELECT(admitted_gate) ON TABLE public.ticket TO bo_door;
GRANT SELECT(admitted_gate) ON TABLE public.ticket TO bo_manager;
GRANT SELECT(admitted_gate) ON TABLE public.ticket TO bo_admin;
GRANT SELECT(admitted_gate) ON TABLE public.ticket TO bo_web;


--
-- Name: COLUMN ticket.entries; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(entries) ON TABLE public.ticket TO bo_cashier;
GRANT SELECT(entries) ON TABLE public.ticket TO bo_door;
GRANT SELECT(entries) ON TABLE public.ticket TO bo_manager;
GRANT SELECT(entries) ON TABLE public.ticket TO bo_admin;
GRANT SELECT(entries) ON TABLE public.ticket TO bo_web;


--
-- Name: COLUMN ticket.ticket_type_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(ticket_type_id) ON TABLE public.ticket TO bo_cashier;
GRANT SELECT(ticket_type_id) ON TABLE public.ticket TO bo_door;
GRANT SELECT(ticket_type_id) ON TABLE public.ticket TO bo_manager;
GRANT SELECT(ticket_type_id) ON TABLE public.ticket TO bo_admin;
GRANT SELECT(ticket_type_id) ON TABLE public.ticket TO bo_web;


--
-- Name: COLUMN ticket.ga_area_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(ga_area_id) ON TABLE public.ticket TO bo_cashier;
GRANT SELECT(ga_area_id) ON TABLE public.ticket TO bo_door;
GRANT SELECT(ga_area_id) ON TABLE public.ticket TO bo_manager;
GRANT SELECT(ga_area_id) ON TABLE public.ticket TO bo_admin;
GRANT SELECT(ga_area_id) ON TABLE public.ticket TO bo_web;


--
-- Name: COLUMN ticket.key_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(key_id) ON TABLE public.ticket TO bo_cashier;
GRANT SELECT(key_id) ON TABLE public.ticket TO bo_door;
GRANT SELECT(key_id) ON TABLE public.ticket TO bo_manager;
GRANT SELECT(key_id) ON TABLE public.ticket TO bo_admin;
GRANT SELECT(key_id) ON TABLE public.ticket TO bo_web;


--
-- Name: COLUMN ticket.vat_rate_bp; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(vat_rate_bp) ON TABLE public.ticket TO bo_cashier;
GRANT SELECT(vat_rate_bp) ON TABLE public.ticket TO bo_door;
GRANT SELECT(vat_rate_bp) ON TABLE public.ticket TO bo_manager;
GRANT SELECT(vat_rate_bp) ON TABLE public.ticket TO bo_admin;
GRANT SELECT(vat_rate_bp) ON TABLE public.ticket TO bo_web;


--
-- Name: COLUMN ticket.discount_minor; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(discount_minor) ON TABLE public.ticket TO bo_cashier;
GRANT SELECT(discount_minor) ON TABLE public.ticket TO bo_door;
GRANT SELECT(discount_minor) ON TABLE public.ticket TO bo_manager;
GRANT SELECT(discount_minor) ON TABLE public.ticket TO bo_admin;
GRANT SELECT(discount_minor) ON TABLE public.ticket TO bo_web;


--
-- Name: COLUMN ticket.promo_code_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(promo_code_id) ON TABLE public.ticket TO bo_cashier;
GRANT SELECT(promo_code_id) ON TABLE public.ticket TO bo_door;
GRANT SELECT(promo_code_id) ON TABLE public.ticket TO bo_manager;
GRANT SELECT(promo_code_id) ON TABLE public.ticket TO bo_admin;
GRANT SELECT(promo_code_id) ON TABLE public.ticket TO bo_web;


--
-- Name: COLUMN ticket_type.id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(id) ON TABLE public.ticket_type TO bo_cashier;
GRANT SELECT(id) ON TABLE public.ticket_type TO bo_door;
GRANT SELECT(id) ON TABLE public.ticket_type TO bo_manager;
GRANT SELECT(id) ON TABLE public.ticket_type TO bo_admin;
GRANT SELECT(id) ON TABLE public.ticket_type TO bo_web;


--
-- Name: COLUMN ticket_type.venue_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(venue_id) ON TABLE public.ticket_type TO bo_cashier;
GRANT SELECT(venue_id) ON TABLE public.ticket_type TO bo_door;
GRANT SELECT(venue_id) ON TABLE public.ticket_type TO bo_manager;
GRANT SELECT(venue_id) ON TABLE public.ticket_type TO bo_admin;
GRANT SELECT(venue_id) ON TABLE public.ticket_type TO bo_web;


--
-- Name: COLUMN ticket_type.code; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(code) ON TABLE public.ticket_type TO bo_cashier;
GRANT SELECT(code) ON TABLE public.ticket_type TO bo_door;
GRANT SELECT(code) ON TABLE public.ticket_type TO bo_manager;
GRANT SELECT(code) ON TABLE public.ticket_type TO bo_admin;
GRANT SELECT(code) ON TABLE public.ticket_type TO bo_web;


--
-- Name: COLUMN ticket_type.name; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(name) ON TABLE public.ticket_type TO bo_cashier;
GRANT SELECT(name) ON TABLE public.ticket_type TO bo_door;
GRANT SELECT(name) ON TABLE public.ticket_type TO bo_manager;
GRANT SELECT(name) ON TABLE public.ticket_type TO bo_admin;
GRANT SELECT(name) ON TABLE public.ticket_type TO bo_web;


--
-- Name: COLUMN ticket_type."position"; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT("position") ON TABLE public.ticket_type TO bo_cashier;
GRANT SELECT("position") ON TABLE public.ticket_type TO bo_door;
GRANT SELECT("position") ON TABLE public.ticket_type TO bo_manager;
GRANT SELECT("position") ON TABLE public.ticket_type TO bo_admin;
GRANT SELECT("position") ON TABLE public.ticket_type TO bo_web;


--
-- Name: COLUMN ticket_type.active; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(active) ON TABLE public.ticket_type TO bo_cashier;
GRANT SELECT(active) ON TABLE public.ticket_type TO bo_door;
GRANT SELECT(active) ON TABLE public.ticket_type TO bo_manager;
GRANT SELECT(active) ON TABLE public.ticket_type TO bo_admin;
GRANT SELECT(active) ON TABLE public.ticket_type TO bo_web;


--
-- Name: COLUMN door_ticket.ticket_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(ticket_id) ON TABLE public.door_ticket TO bo_cashier;
GRANT SELECT(ticket_id) ON TABLE public.door_ticket TO bo_door;
GRANT SELECT(ticket_id) ON TABLE public.door_ticket TO bo_manager;
GRANT SELECT(ticket_id) ON TABLE public.door_ticket TO bo_admin;
GRANT SELECT(ticket_id) ON TABLE public.door_ticket TO bo_web;


--
-- Name: COLUMN door_ticket.showtime_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(showtime_id) ON TABLE public.door_ticket TO bo_cashier;
GRANT SELECT(showtime_id) ON TABLE public.door_ticket TO bo_door;
GRANT SELECT(showtime_id) ON TABLE public.door_ticket TO bo_manager;
GRANT SELECT(showtime_id) ON TABLE public.door_ticket TO bo_admin;
GRANT SELECT(showtime_id) ON TABLE public.door_ticket TO bo_web;


--
-- Name: COLUMN door_ticket.order_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(order_id) ON TABLE public.door_ticket TO bo_cashier;
GRANT SELECT(order_id) ON TABLE public.door_ticket TO bo_door;
GRANT SELECT(order_id) ON TABLE public.door_ticket TO bo_manager;
GRANT SELECT(order_id) ON TABLE public.door_ticket TO bo_admin;
GRANT SELECT(order_id) ON TABLE public.door_ticket TO bo_web;


--
-- Name: COLUMN door_ticket.order_number; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(order_number) ON TABLE public.door_ticket TO bo_cashier;
GRANT SELECT(order_number) ON TABLE public.door_ticket TO bo_door;
GRANT SELECT(order_number) ON TABLE public.door_ticket TO bo_manager;
GRANT SELECT(order_number) ON TABLE public.door_ticket TO bo_admin;
GRANT SELECT(order_number) ON TABLE public.door_ticket TO bo_web;


--
-- Name: COLUMN door_ticket.status; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(status) ON TABLE public.door_ticket TO bo_cashier;
GRANT SELECT(status) ON TABLE public.door_ticket TO bo_door;
GRANT SELECT(status) ON TABLE public.door_ticket TO bo_manager;
GRANT SELECT(status) ON TABLE public.door_ticket TO bo_admin;
GRANT SELECT(status) ON TABLE public.door_ticket TO bo_web;


--
-- Name: COLUMN door_ticket.code_serial; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(code_serial) ON TABLE public.door_ticket TO bo_cashier;
GRANT SELECT(code_serial) ON TABLE public.door_ticket TO bo_door;
GRANT SELECT(code_serial) ON TABLE public.door_ticket TO bo_manager;
GRANT SELECT(code_serial) ON TABLE public.door_ticket TO bo_admin;
GRANT SELECT(code_serial) ON TABLE public.door_ticket TO bo_web;


--
-- Name: COLUMN door_ticket.inside; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(inside) ON TABLE public.door_ticket TO bo_cashier;
GRANT SELECT(inside) ON TABLE public.door_ticket TO bo_door;
GRANT SELECT(inside) ON TABLE public.door_ticket TO bo_manager;
GRANT SELECT(inside) ON TABLE public.door_ticket TO bo_admin;
GRANT SELECT(inside) ON TABLE public.door_ticket TO bo_web;


--
-- Name: COLUMN door_ticket.admitted_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(admitted_at) ON TABLE public.door_ticket TO bo_cashier;
GRANT SELECT(admitted_at) ON TABLE public.door_ticket TO bo_door;
GRANT SELECT(admitted_at) ON TABLE public.door_ticket TO bo_manager;
GRANT SELECT(admitted_at) ON TABLE public.door_ticket TO bo_admin;
GRANT SELECT(admitted_at) ON TABLE public.door_ticket TO bo_web;


--
-- Name: COLUMN door_ticket.admitted_gate; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(admitted_gate) ON TABLE public.door_ticket TO bo_cashier;
GRANT SELECT(admitted_gate) ON TABLE public.door_ticket TO bo_door;
GRANT SELECT(admitted_gate) ON TABLE public.door_ticket TO bo_manager;
GRANT SELECT(admitted_gate) ON TABLE public.door_ticket TO bo_admin;
GRANT SELECT(admitted_gate) ON TABLE public.door_ticket TO bo_web;


--
-- Name: COLUMN door_ticket.entries; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(entries) ON TABLE public.door_ticket TO bo_cashier;
GRANT SELECT(entries) ON TABLE public.door_ticket TO bo_door;
GRANT SELECT(entries) ON TABLE public.door_ticket TO bo_manager;
GRANT SELECT(entries) ON TABLE public.door_ticket TO bo_admin;
GRANT SELECT(entries) ON TABLE public.door_ticket TO bo_web;


--
-- Name: COLUMN door_ticket.section; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(section) ON TABLE public.door_ticket TO bo_cashier;
GRANT SELECT(section) ON TABLE public.door_ticket TO bo_door;
GRANT SELECT(section) ON TABLE public.door_ticket TO bo_manager;
GRANT SELECT(section) ON TABLE public.door_ticket TO bo_admin;
GRANT SELECT(section) ON TABLE public.door_ticket TO bo_web;


--
-- Name: COLUMN door_ticket.row_label; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(row_label) ON TABLE public.door_ticket TO bo_cashier;
GRANT SELECT(row_label) ON TABLE public.door_ticket TO bo_door;
GRANT SELECT(row_label) ON TABLE public.door_ticket TO bo_manager;
GRANT SELECT(row_label) ON TABLE public.door_ticket TO bo_admin;
GRANT SELECT(row_label) ON TABLE public.door_ticket TO bo_web;


--
-- Name: COLUMN door_ticket.seat_number; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(seat_number) ON TABLE public.door_ticket TO bo_cashier;
GRANT SELECT(seat_number) ON TABLE public.door_ticket TO bo_door;
GRANT SELECT(seat_number) ON TABLE public.door_ticket TO bo_manager;
GRANT SELECT(seat_number) ON TABLE public.door_ticket TO bo_admin;
GRANT SELECT(seat_number) ON TABLE public.door_ticket TO bo_web;


--
-- Name: COLUMN door_ticket.wheelchair; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(wheelchair) ON TABLE public.door_ticket TO bo_cashier;
GRANT SELECT(wheelchair) ON TABLE public.door_ticket TO bo_door;
GRANT SELECT(wheelchair) ON TABLE public.door_ticket TO bo_manager;
GRANT SELECT(wheelchair) ON TABLE public.door_ticket TO bo_admin;
GRANT SELECT(wheelchair) ON TABLE public.door_ticket TO bo_web;


--
-- Name: COLUMN door_ticket.category; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(category) ON TABLE public.door_ticket TO bo_cashier;
GRANT SELECT(category) ON TABLE public.door_ticket TO bo_door;
GRANT SELECT(category) ON TABLE public.door_ticket TO bo_manager;
GRANT SELECT(category) ON TABLE public.door_ticket TO bo_admin;
GRANT SELECT(category) ON TABLE public.door_ticket TO bo_web;


--
-- Name: COLUMN door_ticket.show_title; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(show_title) ON TABLE public.door_ticket TO bo_cashier;
GRANT SELECT(show_title) ON TABLE public.door_ticket TO bo_door;
GRANT SELECT(show_title) ON TABLE public.door_ticket TO bo_manager;
GRANT SELECT(show_title) ON TABLE public.door_ticket TO bo_admin;
GRANT SELECT(show_title) ON TABLE public.door_ticket TO bo_web;


--
-- Name: COLUMN door_ticket.starts_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(starts_at) ON TABLE public.door_ticket TO bo_cashier;
GRANT SELECT(starts_at) ON TABLE public.door_ticket TO bo_door;
GRANT SELECT(starts_at) ON TABLE public.door_ticket TO bo_manager;
GRANT SELECT(starts_at) ON TABLE public.door_ticket TO bo_admin;
GRANT SELECT(starts_at) ON TABLE public.door_ticket TO bo_web;


--
-- Name: COLUMN door_ticket.showtime_status; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(showtime_status) ON TABLE public.door_ticket TO bo_cashier;
GRANT SELECT(showtime_status) ON TABLE public.door_ticket TO bo_door;
GRANT SELECT(showtime_status) ON TABLE public.door_ticket TO bo_manager;
GRANT SELECT(showtime_status) ON TABLE public.door_ticket TO bo_admin;
GRANT SELECT(showtime_status) ON TABLE public.door_ticket TO bo_web;


--
-- Name: COLUMN door_ticket.doors_open_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(doors_open_at) ON TABLE public.door_ticket TO bo_cashier;
GRANT SELECT(doors_open_at) ON TABLE public.door_ticket TO bo_door;
GRANT SELECT(doors_open_at) ON TABLE public.door_ticket TO bo_manager;
GRANT SELECT(doors_open_at) ON TABLE public.door_ticket TO bo_admin;
GRANT SELECT(doors_open_at) ON TABLE public.door_ticket TO bo_web;


--
-- Name: COLUMN door_ticket.ticket_type; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(ticket_type) ON TABLE public.door_ticket TO bo_cashier;
GRANT SELECT(ticket_type) ON TABLE public.door_ticket TO bo_door;
GRANT SELECT(ticket_type) ON TABLE public.door_ticket TO bo_manager;
GRANT SELECT(ticket_type) ON TABLE public.door_ticket TO bo_admin;
GRANT SELECT(ticket_type) ON TABLE public.door_ticket TO bo_web;


--
-- Name: COLUMN door_ticket.ticket_type_code; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(ticket_type_code) ON TABLE public.door_ticket TO bo_cashier;
GRANT SELECT(ticket_type_code) ON TABLE public.door_ticket TO bo_door;
GRANT SELECT(ticket_type_code) ON TABLE public.door_ticket TO bo_manager;
GRANT SELECT(ticket_type_code) ON TABLE public.door_ticket TO bo_admin;
GRANT SELECT(ticket_type_code) ON TABLE public.door_ticket TO bo_web;


--
-- Name: COLUMN door_ticket.companion; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(companion) ON TABLE public.door_ticket TO bo_cashier;
GRANT SELECT(companion) ON TABLE public.door_ticket TO bo_door;
GRANT SELECT(companion) ON TABLE public.door_ticket TO bo_manager;
GRANT SELECT(companion) ON TABLE public.door_ticket TO bo_admin;
GRANT SELECT(companion) ON TABLE public.door_ticket TO bo_web;


--
-- Name: COLUMN door_ticket.general_admission; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(general_admission) ON TABLE public.door_ticket TO bo_cashier;
GRANT SELECT(general_admission) ON TABLE public.door_ticket TO bo_door;
GRANT SELECT(general_admission) ON TABLE public.door_ticket TO bo_manager;
GRANT SELECT(general_admission) ON TABLE public.door_ticket TO bo_admin;
GRANT SELECT(general_admission) ON TABLE public.door_ticket TO bo_web;


--
-- Name: TABLE drawer_movement; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT ON TABLE public.drawer_movement TO bo_cashier;
GRANT SELECT ON TABLE public.drawer_movement TO bo_manager;
GRANT SELECT ON TABLE public.drawer_movement TO bo_admin;


--
-- Name: COLUMN exchange.id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(id) ON TABLE public.exchange TO bo_cashier;
GRANT SELECT(id) ON TABLE public.exchange TO bo_manager;
GRANT SELECT(id) ON TABLE public.exchange TO bo_admin;


--
-- Name: COLUMN exchange.from_order_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(from_order_id) ON TABLE public.exchange TO bo_cashier;
GRANT SELECT(from_order_id) ON TABLE public.exchange TO bo_manager;
GRANT SELECT(from_order_id) ON TABLE public.exchange TO bo_admin;


--
-- Name: COLUMN exchange.to_order_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(to_order_id) ON TABLE public.exchange TO bo_cashier;
GRANT SELECT(to_order_id) ON TABLE public.exchange TO bo_manager;
GRANT SELECT(to_order_id) ON TABLE public.exchange TO bo_admin;


--
-- Name: COLUMN exchange.credit_minor; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(credit_minor) ON TABLE public.exchange TO bo_cashier;
GRANT SELECT(credit_minor) ON TABLE public.exchange TO bo_manager;
GRANT SELECT(credit_minor) ON TABLE public.exchange TO bo_admin;


--
-- Name: COLUMN exchange.new_total_minor; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(new_total_minor) ON TABLE public.exchange TO bo_cashier;
GRANT SELECT(new_total_minor) ON TABLE public.exchange TO bo_manager;
GRANT SELECT(new_total_minor) ON TABLE public.exchange TO bo_admin;


--
-- Name: COLUMN exchange.credit_refund_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(credit_refund_id) ON TABLE public.exchange TO bo_cashier;
GRANT SELECT(credit_refund_id) ON TABLE public.exchange TO bo_manager;
GRANT SELECT(credit_refund_id) ON TABLE public.exchange TO bo_admin;


--
-- Name: COLUMN exchange.remainder_refund_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(remainder_refund_id) ON TABLE public.exchange TO bo_cashier;
GRANT SELECT(remainder_refund_id) ON TABLE public.exchange TO bo_manager;
GRANT SELECT(remainder_refund_id) ON TABLE public.exchange TO bo_admin;


--
-- Name: COLUMN exchange.staff_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(staff_id) ON TABLE public.exchange TO bo_cashier;
GRANT SELECT(staff_id) ON TABLE public.exchange TO bo_manager;
GRANT SELECT(staff_id) ON TABLE public.exchange TO bo_admin;


--
-- Name: COLUMN exchange.created_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(created_at) ON TABLE public.exchange TO bo_cashier;
GRANT SELECT(created_at) ON TABLE public.exchange TO bo_manager;
GRANT SELECT(created_at) ON TABLE public.exchange TO bo_admin;


--
-- Name: COLUMN ga_hold.showtime_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(showtime_id) ON TABLE public.ga_hold TO bo_cashier;
GRANT SELECT(showtime_id) ON TABLE public.ga_hold TO bo_door;
GRANT SELECT(showtime_id) ON TABLE public.ga_hold TO bo_manager;
GRANT SELECT(showtime_id) ON TABLE public.ga_hold TO bo_admin;
GRANT SELECT(showtime_id) ON TABLE public.ga_hold TO bo_web;


--
-- Name: COLUMN ga_hold.ga_area_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(ga_area_id) ON TABLE public.ga_hold TO bo_cashier;
GRANT SELECT(ga_area_id) ON TABLE public.ga_hold TO bo_door;
GRANT SELECT(ga_area_id) ON TABLE public.ga_hold TO bo_manager;
GRANT SELECT(ga_area_id) ON TABLE public.ga_hold TO bo_admin;
GRANT SELECT(ga_area_id) ON TABLE public.ga_hold TO bo_web;


--
-- Name: COLUMN ga_hold.quantity; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(quantity) ON TABLE public.ga_hold TO bo_cashier;
GRANT SELECT(quantity) ON TABLE public.ga_hold TO bo_door;
GRANT SELECT(quantity) ON TABLE public.ga_hold TO bo_manager;
GRANT SELECT(quantity) ON TABLE public.ga_hold TO bo_admin;
GRANT SELECT(quantity) ON TABLE public.ga_hold TO bo_web;


--
-- Name: COLUMN ga_hold.channel; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(channel) ON TABLE public.ga_hold TO bo_cashier;
GRANT SELECT(channel) ON TABLE public.ga_hold TO bo_door;
GRANT SELECT(channel) ON TABLE public.ga_hold TO bo_manager;
GRANT SELECT(channel) ON TABLE public.ga_hold TO bo_admin;
GRANT SELECT(channel) ON TABLE public.ga_hold TO bo_web;


--
-- Name: COLUMN ga_hold.expires_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(expires_at) ON TABLE public.ga_hold TO bo_cashier;
GRANT SELECT(expires_at) ON TABLE public.ga_hold TO bo_door;
GRANT SELECT(expires_at) ON TABLE public.ga_hold TO bo_manager;
GRANT SELECT(expires_at) ON TABLE public.ga_hold TO bo_admin;
GRANT SELECT(expires_at) ON TABLE public.ga_hold TO bo_web;


--
-- Name: COLUMN ga_hold.hold_login; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(hold_login) ON TABLE public.ga_hold TO bo_cashier;
GRANT SELECT(hold_login) ON TABLE public.ga_hold TO bo_door;
GRANT SELECT(hold_login) ON TABLE public.ga_hold TO bo_manager;
GRANT SELECT(hold_login) ON TABLE public.ga_hold TO bo_admin;
GRANT SELECT(hold_login) ON TABLE public.ga_hold TO bo_web;


--
-- Name: COLUMN ga_inventory.showtime_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(showtime_id) ON TABLE public.ga_inventory TO bo_cashier;
GRANT SELECT(showtime_id) ON TABLE public.ga_inventory TO bo_door;
GRANT SELECT(showtime_id) ON TABLE public.ga_inventory TO bo_manager;
GRANT SELECT(showtime_id) ON TABLE public.ga_inventory TO bo_admin;
GRANT SELECT(showtime_id) ON TABLE public.ga_inventory TO bo_web;


--
-- Name: COLUMN ga_inventory.ga_area_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(ga_area_id) ON TABLE public.ga_inventory TO bo_cashier;
GRANT SELECT(ga_area_id) ON TABLE public.ga_inventory TO bo_door;
GRANT SELECT(ga_area_id) ON TABLE public.ga_inventory TO bo_manager;
GRANT SELECT(ga_area_id) ON TABLE public.ga_inventory TO bo_admin;
GRANT SELECT(ga_area_id) ON TABLE public.ga_inventory TO bo_web;


--
-- Name: COLUMN ga_inventory.capacity; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(capacity) ON TABLE public.ga_inventory TO bo_cashier;
GRANT SELECT(capacity) ON TABLE public.ga_inventory TO bo_door;
GRANT SELECT(capacity) ON TABLE public.ga_inventory TO bo_manager;
GRANT SELECT(capacity) ON TABLE public.ga_inventory TO bo_admin;
GRANT SELECT(capacity) ON TABLE public.ga_inventory TO bo_web;


--
-- Name: COLUMN ga_availability.showtime_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(showtime_id) ON TABLE public.ga_availability TO bo_cashier;
GRANT SELECT(showtime_id) ON TABLE public.ga_availability TO bo_door;
GRANT SELECT(showtime_id) ON TABLE public.ga_availability TO bo_manager;
GRANT SELECT(showtime_id) ON TABLE public.ga_availability TO bo_admin;
GRANT SELECT(showtime_id) ON TABLE public.ga_availability TO bo_web;


--
-- Name: COLUMN ga_availability.ga_area_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(ga_area_id) ON TABLE public.ga_availability TO bo_cashier;
GRANT SELECT(ga_area_id) ON TABLE public.ga_availability TO bo_door;
GRANT SELECT(ga_area_id) ON TABLE public.ga_availability TO bo_manager;
GRANT SELECT(ga_area_id) ON TABLE public.ga_availability TO bo_admin;
GRANT SELECT(ga_area_id) ON TABLE public.ga_availability TO bo_web;


--
-- Name: COLUMN ga_availability.name; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(name) ON TABLE public.ga_availability TO bo_cashier;
GRANT SELECT(name) ON TABLE public.ga_availability TO bo_door;
GRANT SELECT(name) ON TABLE public.ga_availability TO bo_manager;
GRANT SELECT(name) ON TABLE public.ga_availability TO bo_admin;
GRANT SELECT(name) ON TABLE public.ga_availability TO bo_web;


--
-- Name: COLUMN ga_availability.capacity; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(capacity) ON TABLE public.ga_availability TO bo_cashier;
GRANT SELECT(capacity) ON TABLE public.ga_availability TO bo_door;
GRANT SELECT(capacity) ON TABLE public.ga_availability TO bo_manager;
GRANT SELECT(capacity) ON TABLE public.ga_availability TO bo_admin;
GRANT SELECT(capacity) ON TABLE public.ga_availability TO bo_web;


--
-- Name: COLUMN ga_availability.category_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(category_id) ON TABLE public.ga_availability TO bo_cashier;
GRANT SELECT(category_id) ON TABLE public.ga_availability TO bo_door;
GRANT SELECT(category_id) ON TABLE public.ga_availability TO bo_manager;
GRANT SELECT(category_id) ON TABLE public.ga_availability TO bo_admin;
GRANT SELECT(category_id) ON TABLE public.ga_availability TO bo_web;


--
-- Name: COLUMN ga_availability.sold; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(sold) ON TABLE public.ga_availability TO bo_cashier;
GRANT SELECT(sold) ON TABLE public.ga_availability TO bo_door;
GRANT SELECT(sold) ON TABLE public.ga_availability TO bo_manager;
GRANT SELECT(sold) ON TABLE public.ga_availability TO bo_admin;
GRANT SELECT(sold) ON TABLE public.ga_availability TO bo_web;


--
-- Name: COLUMN ga_availability.held; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(held) ON TABLE public.ga_availability TO bo_cashier;
GRANT SELECT(held) ON TABLE public.ga_availability TO bo_door;
GRANT SELECT(held) ON TABLE public.ga_availability TO bo_manager;
GRANT SELECT(held) ON TABLE public.ga_availability TO bo_admin;
GRANT SELECT(held) ON TABLE public.ga_availability TO bo_web;


--
-- Name: COLUMN ga_availability.available; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(available) ON TABLE public.ga_availability TO bo_cashier;
GRANT SELECT(available) ON TABLE public.ga_availability TO bo_door;
GRANT SELECT(available) ON TABLE public.ga_availability TO bo_manager;
GRANT SELECT(available) ON TABLE public.ga_availability TO bo_admin;
GRANT SELECT(available) ON TABLE public.ga_availability TO bo_web;


--
-- Name: COLUMN hall.id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(id) ON TABLE public.hall TO bo_cashier;
GRANT SELECT(id) ON TABLE public.hall TO bo_door;
GRANT SELECT(id) ON TABLE public.hall TO bo_manager;
GRANT SELECT(id) ON TABLE public.hall TO bo_admin;
GRANT SELECT(id) ON TABLE public.hall TO bo_web;


--
-- Name: COLUMN hall.venue_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(venue_id) ON TABLE public.hall TO bo_cashier;
GRANT SELECT(venue_id) ON TABLE public.hall TO bo_door;
GRANT SELECT(venue_id) ON TABLE public.hall TO bo_manager;
GRANT SELECT(venue_id) ON TABLE public.hall TO bo_admin;
GRANT SELECT(venue_id) ON TABLE public.hall TO bo_web;


--
-- Name: COLUMN hall.name; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(name) ON TABLE public.hall TO bo_cashier;
GRANT SELECT(name) ON TABLE public.hall TO bo_door;
GRANT SELECT(name) ON TABLE public.hall TO bo_manager;
GRANT SELECT(name) ON TABLE public.hall TO bo_admin;
GRANT SELECT(name) ON TABLE public.hall TO bo_web;


--
-- Name: COLUMN hall."position"; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT("position") ON TABLE public.hall TO bo_cashier;
GRANT SELECT("position") ON TABLE public.hall TO bo_door;
GRANT SELECT("position") ON TABLE public.hall TO bo_manager;
GRANT SELECT("position") ON TABLE public.hall TO bo_admin;
GRANT SELECT("position") ON TABLE public.hall TO bo_web;


--
-- Name: COLUMN hall.created_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(created_at) ON TABLE public.hall TO bo_cashier;
GRANT SELECT(created_at) ON TABLE public.hall TO bo_door;
GRANT SELECT(created_at) ON TABLE public.hall TO bo_manager;
GRANT SELECT(created_at) ON TABLE public.hall TO bo_admin;
GRANT SELECT(created_at) ON TABLE public.hall TO bo_web;


--
-- Name: COLUMN inventory.showtime_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(showtime_id) ON TABLE public.inventory TO bo_cashier;
GRANT SELECT(showtime_id) ON TABLE public.inventory TO bo_door;
GRANT SELECT(showtime_id) ON TABLE public.inventory TO bo_manager;
GRANT SELECT(showtime_id) ON TABLE public.inventory TO bo_admin;
GRANT SELECT(showtime_id) ON TABLE public.inventory TO bo_web;


--
-- Name: COLUMN inventory.seat_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(seat_id) ON TABLE public.inventory TO bo_cashier;
GRANT SELECT(seat_id) ON TABLE public.inventory TO bo_door;
GRANT SELECT(seat_id) ON TABLE public.inventory TO bo_manager;
GRANT SELECT(seat_id) ON TABLE public.inventory TO bo_admin;
GRANT SELECT(seat_id) ON TABLE public.inventory TO bo_web;


--
-- Name: COLUMN inventory.state; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(state) ON TABLE public.inventory TO bo_cashier;
GRANT SELECT(state) ON TABLE public.inventory TO bo_door;
GRANT SELECT(state) ON TABLE public.inventory TO bo_manager;
GRANT SELECT(state) ON TABLE public.inventory TO bo_admin;
GRANT SELECT(state) ON TABLE public.inventory TO bo_web;


--
-- Name: COLUMN inventory.hold_channel; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(hold_channel) ON TABLE public.inventory TO bo_cashier;
GRANT SELECT(hold_channel) ON TABLE public.inventory TO bo_door;
GRANT SELECT(hold_channel) ON TABLE public.inventory TO bo_manager;
GRANT SELECT(hold_channel) ON TABLE public.inventory TO bo_admin;
GRANT SELECT(hold_channel) ON TABLE public.inventory TO bo_web;


--
-- Name: COLUMN inventory.hold_expires_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(hold_expires_at) ON TABLE public.inventory TO bo_cashier;
GRANT SELECT(hold_expires_at) ON TABLE public.inventory TO bo_door;
GRANT SELECT(hold_expires_at) ON TABLE public.inventory TO bo_manager;
GRANT SELECT(hold_expires_at) ON TABLE public.inventory TO bo_admin;
GRANT SELECT(hold_expires_at) ON TABLE public.inventory TO bo_web;


--
-- Name: COLUMN inventory.version; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(version) ON TABLE public.inventory TO bo_cashier;
GRANT SELECT(version) ON TABLE public.inventory TO bo_door;
GRANT SELECT(version) ON TABLE public.inventory TO bo_manager;
GRANT SELECT(version) ON TABLE public.inventory TO bo_admin;
GRANT SELECT(version) ON TABLE public.inventory TO bo_web;


--
-- Name: COLUMN inventory.block_reason; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(block_reason) ON TABLE public.inventory TO bo_cashier;
GRANT SELECT(block_reason) ON TABLE public.inventory TO bo_door;
GRANT SELECT(block_reason) ON TABLE public.inventory TO bo_manager;
GRANT SELECT(block_reason) ON TABLE public.inventory TO bo_admin;
GRANT SELECT(block_reason) ON TABLE public.inventory TO bo_web;


--
-- Name: COLUMN inventory.hold_login; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(hold_login) ON TABLE public.inventory TO bo_cashier;
GRANT SELECT(hold_login) ON TABLE public.inventory TO bo_door;
GRANT SELECT(hold_login) ON TABLE public.inventory TO bo_manager;
GRANT SELECT(hold_login) ON TABLE public.inventory TO bo_admin;
GRANT SELECT(hold_login) ON TABLE public.inventory TO bo_web;


--
-- Name: COLUMN inventory_live.showtime_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(showtime_id) ON TABLE public.inventory_live TO bo_cashier;
GRANT SELECT(showtime_id) ON TABLE public.inventory_live TO bo_door;
GRANT SELECT(showtime_id) ON TABLE public.inventory_live TO bo_manager;
GRANT SELECT(showtime_id) ON TABLE public.inventory_live TO bo_admin;
GRANT SELECT(showtime_id) ON TABLE public.inventory_live TO bo_web;


--
-- Name: COLUMN inventory_live.seat_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(seat_id) ON TABLE public.inventory_live TO bo_cashier;
GRANT SELECT(seat_id) ON TABLE public.inventory_live TO bo_door;
GRANT SELECT(seat_id) ON TABLE public.inventory_live TO bo_manager;
GRANT SELECT(seat_id) ON TABLE public.inventory_live TO bo_admin;
GRANT SELECT(seat_id) ON TABLE public.inventory_live TO bo_web;


--
-- Name: COLUMN inventory_live.state; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(state) ON TABLE public.inventory_live TO bo_cashier;
GRANT SELECT(state) ON TABLE public.inventory_live TO bo_door;
GRANT SELECT(state) ON TABLE public.inventory_live TO bo_manager;
GRANT SELECT(state) ON TABLE public.inventory_live TO bo_admin;
GRANT SELECT(state) ON TABLE public.inventory_live TO bo_web;


--
-- Name: COLUMN inventory_live.hold_channel; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(hold_channel) ON TABLE public.inventory_live TO bo_cashier;
GRANT SELECT(hold_channel) ON TABLE public.inventory_live TO bo_door;
GRANT SELECT(hold_channel) ON TABLE public.inventory_live TO bo_manager;
GRANT SELECT(hold_channel) ON TABLE public.inventory_live TO bo_admin;
GRANT SELECT(hold_channel) ON TABLE public.inventory_live TO bo_web;


--
-- Name: COLUMN inventory_live.hold_expires_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(hold_expires_at) ON TABLE public.inventory_live TO bo_cashier;
GRANT SELECT(hold_expires_at) ON TABLE public.inventory_live TO bo_door;
GRANT SELECT(hold_expires_at) ON TABLE public.inventory_live TO bo_manager;
GRANT SELECT(hold_expires_at) ON TABLE public.inventory_live TO bo_admin;
GRANT SELECT(hold_expires_at) ON TABLE public.inventory_live TO bo_web;


--
-- Name: COLUMN inventory_live.version; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(version) ON TABLE public.inventory_live TO bo_cashier;
GRANT SELECT(version) ON TABLE public.inventory_live TO bo_door;
GRANT SELECT(version) ON TABLE public.inventory_live TO bo_manager;
GRANT SELECT(version) ON TABLE public.inventory_live TO bo_admin;
GRANT SELECT(version) ON TABLE public.inventory_live TO bo_web;


--
-- Name: COLUMN inventory_live.own_hold_token; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(own_hold_token) ON TABLE public.inventory_live TO bo_cashier;
GRANT SELECT(own_hold_token) ON TABLE public.inventory_live TO bo_door;
GRANT SELECT(own_hold_token) ON TABLE public.inventory_live TO bo_manager;
GRANT SELECT(own_hold_token) ON TABLE public.inventory_live TO bo_admin;
GRANT SELECT(own_hold_token) ON TABLE public.inventory_live TO bo_web;


--
-- Name: TABLE mail_outbox; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT ON TABLE public.mail_outbox TO bo_manager;
GRANT SELECT ON TABLE public.mail_outbox TO bo_admin;


--
-- Name: COLUMN manager_override.kind; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(kind) ON TABLE public.manager_override TO bo_manager;
GRANT SELECT(kind) ON TABLE public.manager_override TO bo_admin;


--
-- Name: COLUMN manager_override.reason; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(reason) ON TABLE public.manager_override TO bo_manager;
GRANT SELECT(reason) ON TABLE public.manager_override TO bo_admin;


--
-- Name: COLUMN manager_override.granted_by; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(granted_by) ON TABLE public.manager_override TO bo_manager;
GRANT SELECT(granted_by) ON TABLE public.manager_override TO bo_admin;


--
-- Name: COLUMN manager_override.till; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(till) ON TABLE public.manager_override TO bo_manager;
GRANT SELECT(till) ON TABLE public.manager_override TO bo_admin;


--
-- Name: COLUMN manager_override.granted_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(granted_at) ON TABLE public.manager_override TO bo_manager;
GRANT SELECT(granted_at) ON TABLE public.manager_override TO bo_admin;


--
-- Name: COLUMN manager_override.expires_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(expires_at) ON TABLE public.manager_override TO bo_manager;
GRANT SELECT(expires_at) ON TABLE public.manager_override TO bo_admin;


--
-- Name: COLUMN manager_override.used_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(used_at) ON TABLE public.manager_override TO bo_manager;
GRANT SELECT(used_at) ON TABLE public.manager_override TO bo_admin;


--
-- Name: COLUMN manager_override.used_by; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(used_by) ON TABLE public.manager_override TO bo_manager;
GRANT SELECT(used_by) ON TABLE public.manager_override TO bo_admin;


--
-- Name: COLUMN manager_override.order_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(order_id) ON TABLE public.manager_override TO bo_manager;
GRANT SELECT(order_id) ON TABLE public.manager_override TO bo_admin;


--
-- Name: COLUMN manager_override.showtime_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(showtime_id) ON TABLE public.manager_override TO bo_manager;
GRANT SELECT(showtime_id) ON TABLE public.manager_override TO bo_admin;


--
-- Name: COLUMN manager_override.for_staff; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(for_staff) ON TABLE public.manager_override TO bo_manager;
GRANT SELECT(for_staff) ON TABLE public.manager_override TO bo_admin;


--
-- Name: COLUMN manager_override.held_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(held_at) ON TABLE public.manager_override TO bo_manager;
GRANT SELECT(held_at) ON TABLE public.manager_override TO bo_admin;


--
-- Name: COLUMN order_customer.order_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(order_id) ON TABLE public.order_customer TO bo_cashier;
GRANT SELECT(order_id) ON TABLE public.order_customer TO bo_manager;
GRANT SELECT(order_id) ON TABLE public.order_customer TO bo_admin;


--
-- Name: COLUMN order_customer.name; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(name) ON TABLE public.order_customer TO bo_cashier;
GRANT SELECT(name) ON TABLE public.order_customer TO bo_manager;
GRANT SELECT(name) ON TABLE public.order_customer TO bo_admin;


--
-- Name: COLUMN order_customer.email; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(email) ON TABLE public.order_customer TO bo_cashier;
GRANT SELECT(email) ON TABLE public.order_customer TO bo_manager;
GRANT SELECT(email) ON TABLE public.order_customer TO bo_admin;


--
-- Name: COLUMN order_customer.updated_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(updated_at) ON TABLE public.order_customer TO bo_cashier;
GRANT SELECT(updated_at) ON TABLE public.order_customer TO bo_manager;
GRANT SELECT(updated_at) ON TABLE public.order_customer TO bo_admin;


--
-- Name: TABLE order_paid; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT ON TABLE public.order_paid TO bo_cashier;
GRANT SELECT ON TABLE public.order_paid TO bo_manager;
GRANT SELECT ON TABLE public.order_paid TO bo_admin;


--
-- Name: COLUMN payment.id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(id) ON TABLE public.payment TO bo_cashier;
GRANT SELECT(id) ON TABLE public.payment TO bo_door;
GRANT SELECT(id) ON TABLE public.payment TO bo_manager;
GRANT SELECT(id) ON TABLE public.payment TO bo_admin;
GRANT SELECT(id) ON TABLE public.payment TO bo_web;


--
-- Name: COLUMN payment.order_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(order_id) ON TABLE public.payment TO bo_cashier;
GRANT SELECT(order_id) ON TABLE public.payment TO bo_door;
GRANT SELECT(order_id) ON TABLE public.payment TO bo_manager;
GRANT SELECT(order_id) ON TABLE public.payment TO bo_admin;
GRANT SELECT(order_id) ON TABLE public.payment TO bo_web;


--
-- Name: COLUMN payment.method; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(method) ON TABLE public.payment TO bo_cashier;
GRANT SELECT(method) ON TABLE public.payment TO bo_door;
GRANT SELECT(method) ON TABLE public.payment TO bo_manager;
GRANT SELECT(method) ON TABLE public.payment TO bo_admin;
GRANT SELECT(method) ON TABLE public.payment TO bo_web;


--
-- Name: COLUMN payment.amount_minor; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(amount_minor) ON TABLE public.payment TO bo_cashier;
GRANT SELECT(amount_minor) ON TABLE public.payment TO bo_door;
GRANT SELECT(amount_minor) ON TABLE public.payment TO bo_manager;
GRANT SELECT(amount_minor) ON TABLE public.payment TO bo_admin;
GRANT SELECT(amount_minor) ON TABLE public.payment TO bo_web;


--
-- Name: COLUMN payment.tendered_minor; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(tendered_minor) ON TABLE public.payment TO bo_cashier;
GRANT SELECT(tendered_minor) ON TABLE public.payment TO bo_door;
GRANT SELECT(tendered_minor) ON TABLE public.payment TO bo_manager;
GRANT SELECT(tendered_minor) ON TABLE public.payment TO bo_admin;
GRANT SELECT(tendered_minor) ON TABLE public.payment TO bo_web;


--
-- Name: COLUMN payment.created_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(created_at) ON TABLE public.payment TO bo_cashier;
GRANT SELECT(created_at) ON TABLE public.payment TO bo_door;
GRANT SELECT(created_at) ON TABLE public.payment TO bo_manager;
GRANT SELECT(created_at) ON TABLE public.payment TO bo_admin;
GRANT SELECT(created_at) ON TABLE public.payment TO bo_web;


--
-- Name: COLUMN payment.reference; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(reference) ON TABLE public.payment TO bo_cashier;
GRANT SELECT(reference) ON TABLE public.payment TO bo_door;
GRANT SELECT(reference) ON TABLE public.payment TO bo_manager;
GRANT SELECT(reference) ON TABLE public.payment TO bo_admin;
GRANT SELECT(reference) ON TABLE public.payment TO bo_web;


--
-- Name: COLUMN payment.shift_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(shift_id) ON TABLE public.payment TO bo_cashier;
GRANT SELECT(shift_id) ON TABLE public.payment TO bo_door;
GRANT SELECT(shift_id) ON TABLE public.payment TO bo_manager;
GRANT SELECT(shift_id) ON TABLE public.payment TO bo_admin;
GRANT SELECT(shift_id) ON TABLE public.payment TO bo_web;


--
-- Name: COLUMN payment.comp_reason; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(comp_reason) ON TABLE public.payment TO bo_cashier;
GRANT SELECT(comp_reason) ON TABLE public.payment TO bo_door;
GRANT SELECT(comp_reason) ON TABLE public.payment TO bo_manager;
GRANT SELECT(comp_reason) ON TABLE public.payment TO bo_admin;
GRANT SELECT(comp_reason) ON TABLE public.payment TO bo_web;


--
-- Name: COLUMN payment.override_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(override_id) ON TABLE public.payment TO bo_manager;
GRANT SELECT(override_id) ON TABLE public.payment TO bo_admin;


--
-- Name: COLUMN payment_session.id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(id) ON TABLE public.payment_session TO bo_cashier;
GRANT SELECT(id) ON TABLE public.payment_session TO bo_door;
GRANT SELECT(id) ON TABLE public.payment_session TO bo_manager;
GRANT SELECT(id) ON TABLE public.payment_session TO bo_admin;
GRANT SELECT(id) ON TABLE public.payment_session TO bo_web;


--
-- Name: COLUMN payment_session.booking_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(booking_id) ON TABLE public.payment_session TO bo_cashier;
GRANT SELECT(booking_id) ON TABLE public.payment_session TO bo_door;
GRANT SELECT(booking_id) ON TABLE public.payment_session TO bo_manager;
GRANT SELECT(booking_id) ON TABLE public.payment_session TO bo_admin;
GRANT SELECT(booking_id) ON TABLE public.payment_session TO bo_web;


--
-- Name: COLUMN payment_session.amount_minor; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(amount_minor) ON TABLE public.payment_session TO bo_cashier;
GRANT SELECT(amount_minor) ON TABLE public.payment_session TO bo_door;
GRANT SELECT(amount_minor) ON TABLE public.payment_session TO bo_manager;
GRANT SELECT(amount_minor) ON TABLE public.payment_session TO bo_admin;
GRANT SELECT(amount_minor) ON TABLE public.payment_session TO bo_web;


--
-- Name: COLUMN payment_session.currency; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(currency) ON TABLE public.payment_session TO bo_cashier;
GRANT SELECT(currency) ON TABLE public.payment_session TO bo_door;
GRANT SELECT(currency) ON TABLE public.payment_session TO bo_manager;
GRANT SELECT(currency) ON TABLE public.payment_session TO bo_admin;
GRANT SELECT(currency) ON TABLE public.payment_session TO bo_web;


--
-- Name: COLUMN payment_session.status; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(status) ON TABLE public.payment_session TO bo_cashier;
GRANT SELECT(status) ON TABLE public.payment_session TO bo_door;
GRANT SELECT(status) ON TABLE public.payment_session TO bo_manager;
GRANT SELECT(status) ON TABLE public.payment_session TO bo_admin;
GRANT SELECT(status) ON TABLE public.payment_session TO bo_web;


--
-- Name: COLUMN payment_session.outcome; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(outcome) ON TABLE public.payment_session TO bo_cashier;
GRANT SELECT(outcome) ON TABLE public.payment_session TO bo_door;
GRANT SELECT(outcome) ON TABLE public.payment_session TO bo_manager;
GRANT SELECT(outcome) ON TABLE public.payment_session TO bo_admin;
GRANT SELECT(outcome) ON TABLE public.payment_session TO bo_web;


--
-- Name: COLUMN payment_session.expires_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(expires_at) ON TABLE public.payment_session TO bo_cashier;
GRANT SELECT(expires_at) ON TABLE public.payment_session TO bo_door;
GRANT SELECT(expires_at) ON TABLE public.payment_session TO bo_manager;
GRANT SELECT(expires_at) ON TABLE public.payment_session TO bo_admin;
GRANT SELECT(expires_at) ON TABLE public.payment_session TO bo_web;


--
-- Name: COLUMN payment_session.created_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(created_at) ON TABLE public.payment_session TO bo_cashier;
GRANT SELECT(created_at) ON TABLE public.payment_session TO bo_door;
GRANT SELECT(created_at) ON TABLE public.payment_session TO bo_manager;
GRANT SELECT(created_at) ON TABLE public.payment_session TO bo_admin;
GRANT SELECT(created_at) ON TABLE public.payment_session TO bo_web;


--
-- Name: COLUMN payment_session.completed_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(completed_at) ON TABLE public.payment_session TO bo_cashier;
GRANT SELECT(completed_at) ON TABLE public.payment_session TO bo_door;
GRANT SELECT(completed_at) ON TABLE public.payment_session TO bo_manager;
GRANT SELECT(completed_at) ON TABLE public.payment_session TO bo_admin;
GRANT SELECT(completed_at) ON TABLE public.payment_session TO bo_web;


--
-- Name: COLUMN plan_area.id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(id) ON TABLE public.plan_area TO bo_cashier;
GRANT SELECT(id) ON TABLE public.plan_area TO bo_door;
GRANT SELECT(id) ON TABLE public.plan_area TO bo_manager;
GRANT SELECT(id) ON TABLE public.plan_area TO bo_admin;
GRANT SELECT(id) ON TABLE public.plan_area TO bo_web;


--
-- Name: COLUMN plan_area.plan_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(plan_id) ON TABLE public.plan_area TO bo_cashier;
GRANT SELECT(plan_id) ON TABLE public.plan_area TO bo_door;
GRANT SELECT(plan_id) ON TABLE public.plan_area TO bo_manager;
GRANT SELECT(plan_id) ON TABLE public.plan_area TO bo_admin;
GRANT SELECT(plan_id) ON TABLE public.plan_area TO bo_web;


--
-- Name: COLUMN plan_area.section_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(section_id) ON TABLE public.plan_area TO bo_cashier;
GRANT SELECT(section_id) ON TABLE public.plan_area TO bo_door;
GRANT SELECT(section_id) ON TABLE public.plan_area TO bo_manager;
GRANT SELECT(section_id) ON TABLE public.plan_area TO bo_admin;
GRANT SELECT(section_id) ON TABLE public.plan_area TO bo_web;


--
-- Name: COLUMN plan_area.shape; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(shape) ON TABLE public.plan_area TO bo_cashier;
GRANT SELECT(shape) ON TABLE public.plan_area TO bo_door;
GRANT SELECT(shape) ON TABLE public.plan_area TO bo_manager;
GRANT SELECT(shape) ON TABLE public.plan_area TO bo_admin;
GRANT SELECT(shape) ON TABLE public.plan_area TO bo_web;


--
-- Name: COLUMN price_rule.id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(id) ON TABLE public.price_rule TO bo_cashier;
GRANT SELECT(id) ON TABLE public.price_rule TO bo_door;
GRANT SELECT(id) ON TABLE public.price_rule TO bo_manager;
GRANT SELECT(id) ON TABLE public.price_rule TO bo_admin;
GRANT SELECT(id) ON TABLE public.price_rule TO bo_web;


--
-- Name: COLUMN price_rule.venue_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(venue_id) ON TABLE public.price_rule TO bo_cashier;
GRANT SELECT(venue_id) ON TABLE public.price_rule TO bo_door;
GRANT SELECT(venue_id) ON TABLE public.price_rule TO bo_manager;
GRANT SELECT(venue_id) ON TABLE public.price_rule TO bo_admin;
GRANT SELECT(venue_id) ON TABLE public.price_rule TO bo_web;


--
-- Name: COLUMN price_rule.plan_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(plan_id) ON TABLE public.price_rule TO bo_cashier;
GRANT SELECT(plan_id) ON TABLE public.price_rule TO bo_door;
GRANT SELECT(plan_id) ON TABLE public.price_rule TO bo_manager;
GRANT SELECT(plan_id) ON TABLE public.price_rule TO bo_admin;
GRANT SELECT(plan_id) ON TABLE public.price_rule TO bo_web;


--
-- Name: COLUMN price_rule.name; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(name) ON TABLE public.price_rule TO bo_cashier;
GRANT SELECT(name) ON TABLE public.price_rule TO bo_door;
GRANT SELECT(name) ON TABLE public.price_rule TO bo_manager;
GRANT SELECT(name) ON TABLE public.price_rule TO bo_admin;
GRANT SELECT(name) ON TABLE public.price_rule TO bo_web;


--
-- Name: COLUMN price_rule.weekdays; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(weekdays) ON TABLE public.price_rule TO bo_cashier;
GRANT SELECT(weekdays) ON TABLE public.price_rule TO bo_door;
GRANT SELECT(weekdays) ON TABLE public.price_rule TO bo_manager;
GRANT SELECT(weekdays) ON TABLE public.price_rule TO bo_admin;
GRANT SELECT(weekdays) ON TABLE public.price_rule TO bo_web;


--
-- Name: COLUMN price_rule.from_time; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(from_time) ON TABLE public.price_rule TO bo_cashier;
GRANT SELECT(from_time) ON TABLE public.price_rule TO bo_door;
GRANT SELECT(from_time) ON TABLE public.price_rule TO bo_manager;
GRANT SELECT(from_time) ON TABLE public.price_rule TO bo_admin;
GRANT SELECT(from_time) ON TABLE public.price_rule TO bo_web;


--
-- Name: COLUMN price_rule.until_time; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(until_time) ON TABLE public.price_rule TO bo_cashier;
GRANT SELECT(until_time) ON TABLE public.price_rule TO bo_door;
GRANT SELECT(until_time) ON TABLE public.price_rule TO bo_manager;
GRANT SELECT(until_time) ON TABLE public.price_rule TO bo_admin;
GRANT SELECT(until_time) ON TABLE public.price_rule TO bo_web;


--
-- Name: COLUMN price_rule.category_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(category_id) ON TABLE public.price_rule TO bo_cashier;
GRANT SELECT(category_id) ON TABLE public.price_rule TO bo_door;
GRANT SELECT(category_id) ON TABLE public.price_rule TO bo_manager;
GRANT SELECT(category_id) ON TABLE public.price_rule TO bo_admin;
GRANT SELECT(category_id) ON TABLE public.price_rule TO bo_web;


--
-- Name: COLUMN price_rule.ticket_type_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(ticket_type_id) ON TABLE public.price_rule TO bo_cashier;
GRANT SELECT(ticket_type_id) ON TABLE public.price_rule TO bo_door;
GRANT SELECT(ticket_type_id) ON TABLE public.price_rule TO bo_manager;
GRANT SELECT(ticket_type_id) ON TABLE public.price_rule TO bo_admin;
GRANT SELECT(ticket_type_id) ON TABLE public.price_rule TO bo_web;


--
-- Name: COLUMN price_rule.kind; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(kind) ON TABLE public.price_rule TO bo_cashier;
GRANT SELECT(kind) ON TABLE public.price_rule TO bo_door;
GRANT SELECT(kind) ON TABLE public.price_rule TO bo_manager;
GRANT SELECT(kind) ON TABLE public.price_rule TO bo_admin;
GRANT SELECT(kind) ON TABLE public.price_rule TO bo_web;


--
-- Name: COLUMN price_rule.amount_minor; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(amount_minor) ON TABLE public.price_rule TO bo_cashier;
GRANT SELECT(amount_minor) ON TABLE public.price_rule TO bo_door;
GRANT SELECT(amount_minor) ON TABLE public.price_rule TO bo_manager;
GRANT SELECT(amount_minor) ON TABLE public.price_rule TO bo_admin;
GRANT SELECT(amount_minor) ON TABLE public.price_rule TO bo_web;


--
-- Name: COLUMN price_rule.percent; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(percent) ON TABLE public.price_rule TO bo_cashier;
GRANT SELECT(percent) ON TABLE public.price_rule TO bo_door;
GRANT SELECT(percent) ON TABLE public.price_rule TO bo_manager;
GRANT SELECT(percent) ON TABLE public.price_rule TO bo_admin;
GRANT SELECT(percent) ON TABLE public.price_rule TO bo_web;


--
-- Name: COLUMN price_rule."position"; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT("position") ON TABLE public.price_rule TO bo_cashier;
GRANT SELECT("position") ON TABLE public.price_rule TO bo_door;
GRANT SELECT("position") ON TABLE public.price_rule TO bo_manager;
GRANT SELECT("position") ON TABLE public.price_rule TO bo_admin;
GRANT SELECT("position") ON TABLE public.price_rule TO bo_web;


--
-- Name: COLUMN price_rule.active; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(active) ON TABLE public.price_rule TO bo_cashier;
GRANT SELECT(active) ON TABLE public.price_rule TO bo_door;
GRANT SELECT(active) ON TABLE public.price_rule TO bo_manager;
GRANT SELECT(active) ON TABLE public.price_rule TO bo_admin;
GRANT SELECT(active) ON TABLE public.price_rule TO bo_web;


--
-- Name: COLUMN price_rule.created_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(created_at) ON TABLE public.price_rule TO bo_cashier;
GRANT SELECT(created_at) ON TABLE public.price_rule TO bo_door;
GRANT SELECT(created_at) ON TABLE public.price_rule TO bo_manager;
GRANT SELECT(created_at) ON TABLE public.price_rule TO bo_admin;
GRANT SELECT(created_at) ON TABLE public.price_rule TO bo_web;


--
-- Name: TABLE promo_code; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT ON TABLE public.promo_code TO bo_manager;
GRANT SELECT ON TABLE public.promo_code TO bo_admin;


--
-- Name: COLUMN promo_code.id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(id) ON TABLE public.promo_code TO bo_cashier;
GRANT SELECT(id) ON TABLE public.promo_code TO bo_door;
GRANT SELECT(id) ON TABLE public.promo_code TO bo_web;


--
-- Name: COLUMN promo_code.code; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(code) ON TABLE public.promo_code TO bo_cashier;
GRANT SELECT(code) ON TABLE public.promo_code TO bo_door;
GRANT SELECT(code) ON TABLE public.promo_code TO bo_web;


--
-- Name: COLUMN promo_code.kind; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(kind) ON TABLE public.promo_code TO bo_cashier;
GRANT SELECT(kind) ON TABLE public.promo_code TO bo_door;
GRANT SELECT(kind) ON TABLE public.promo_code TO bo_web;


--
-- Name: COLUMN promo_code.percent; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(percent) ON TABLE public.promo_code TO bo_cashier;
GRANT SELECT(percent) ON TABLE public.promo_code TO bo_door;
GRANT SELECT(percent) ON TABLE public.promo_code TO bo_web;


--
-- Name: COLUMN promo_code.amount_minor; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(amount_minor) ON TABLE public.promo_code TO bo_cashier;
GRANT SELECT(amount_minor) ON TABLE public.promo_code TO bo_door;
GRANT SELECT(amount_minor) ON TABLE public.promo_code TO bo_web;


--
-- Name: TABLE promo_code_usage; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT ON TABLE public.promo_code_usage TO bo_manager;
GRANT SELECT ON TABLE public.promo_code_usage TO bo_admin;


--
-- Name: TABLE promo_redemption; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT ON TABLE public.promo_redemption TO bo_manager;
GRANT SELECT ON TABLE public.promo_redemption TO bo_admin;


--
-- Name: COLUMN refund_ticket.refund_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(refund_id) ON TABLE public.refund_ticket TO bo_cashier;
GRANT SELECT(refund_id) ON TABLE public.refund_ticket TO bo_door;
GRANT SELECT(refund_id) ON TABLE public.refund_ticket TO bo_manager;
GRANT SELECT(refund_id) ON TABLE public.refund_ticket TO bo_admin;
GRANT SELECT(refund_id) ON TABLE public.refund_ticket TO bo_web;


--
-- Name: COLUMN refund_ticket.ticket_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(ticket_id) ON TABLE public.refund_ticket TO bo_cashier;
GRANT SELECT(ticket_id) ON TABLE public.refund_ticket TO bo_door;
GRANT SELECT(ticket_id) ON TABLE public.refund_ticket TO bo_manager;
GRANT SELECT(ticket_id) ON TABLE public.refund_ticket TO bo_admin;
GRANT SELECT(ticket_id) ON TABLE public.refund_ticket TO bo_web;


--
-- Name: COLUMN refund_ticket.amount_minor; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(amount_minor) ON TABLE public.refund_ticket TO bo_cashier;
GRANT SELECT(amount_minor) ON TABLE public.refund_ticket TO bo_door;
GRANT SELECT(amount_minor) ON TABLE public.refund_ticket TO bo_manager;
GRANT SELECT(amount_minor) ON TABLE public.refund_ticket TO bo_admin;
GRANT SELECT(amount_minor) ON TABLE public.refund_ticket TO bo_web;


--
-- Name: COLUMN role_permission.role; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(role) ON TABLE public.role_permission TO bo_cashier;
GRANT SELECT(role) ON TABLE public.role_permission TO bo_door;
GRANT SELECT(role) ON TABLE public.role_permission TO bo_manager;
GRANT SELECT(role) ON TABLE public.role_permission TO bo_admin;
GRANT SELECT(role) ON TABLE public.role_permission TO bo_web;


--
-- Name: COLUMN role_permission.permission; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(permission) ON TABLE public.role_permission TO bo_cashier;
GRANT SELECT(permission) ON TABLE public.role_permission TO bo_door;
GRANT SELECT(permission) ON TABLE public.role_permission TO bo_manager;
GRANT SELECT(permission) ON TABLE public.role_permission TO bo_admin;
GRANT SELECT(permission) ON TABLE public.role_permission TO bo_web;


--
-- Name: TABLE sale_line; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT ON TABLE public.sale_line TO bo_cashier;
GRANT SELECT ON TABLE public.sale_line TO bo_manager;
GRANT SELECT ON TABLE public.sale_line TO bo_admin;
GRANT SELECT ON TABLE public.sale_line TO bo_web;


--
-- Name: COLUMN seating_plan.id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(id) ON TABLE public.seating_plan TO bo_cashier;
GRANT SELECT(id) ON TABLE public.seating_plan TO bo_door;
GRANT SELECT(id) ON TABLE public.seating_plan TO bo_manager;
GRANT SELECT(id) ON TABLE public.seating_plan TO bo_admin;
GRANT SELECT(id) ON TABLE public.seating_plan TO bo_web;


--
-- Name: COLUMN seating_plan.venue_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(venue_id) ON TABLE public.seating_plan TO bo_cashier;
GRANT SELECT(venue_id) ON TABLE public.seating_plan TO bo_door;
GRANT SELECT(venue_id) ON TABLE public.seating_plan TO bo_manager;
GRANT SELECT(venue_id) ON TABLE public.seating_plan TO bo_admin;
GRANT SELECT(venue_id) ON TABLE public.seating_plan TO bo_web;


--
-- Name: COLUMN seating_plan.name; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(name) ON TABLE public.seating_plan TO bo_cashier;
GRANT SELECT(name) ON TABLE public.seating_plan TO bo_door;
GRANT SELECT(name) ON TABLE public.seating_plan TO bo_manager;
GRANT SELECT(name) ON TABLE public.seating_plan TO bo_admin;
GRANT SELECT(name) ON TABLE public.seating_plan TO bo_web;


--
-- Name: COLUMN seating_plan.version; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(version) ON TABLE public.seating_plan TO bo_cashier;
GRANT SELECT(version) ON TABLE public.seating_plan TO bo_door;
GRANT SELECT(version) ON TABLE public.seating_plan TO bo_manager;
GRANT SELECT(version) ON TABLE public.seating_plan TO bo_admin;
GRANT SELECT(version) ON TABLE public.seating_plan TO bo_web;


--
-- Name: COLUMN seating_plan.width; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(width) ON TABLE public.seating_plan TO bo_cashier;
GRANT SELECT(width) ON TABLE public.seating_plan TO bo_door;
GRANT SELECT(width) ON TABLE public.seating_plan TO bo_manager;
GRANT SELECT(width) ON TABLE public.seating_plan TO bo_admin;
GRANT SELECT(width) ON TABLE public.seating_plan TO bo_web;


--
-- Name: COLUMN seating_plan.height; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(height) ON TABLE public.seating_plan TO bo_cashier;
GRANT SELECT(height) ON TABLE public.seating_plan TO bo_door;
GRANT SELECT(height) ON TABLE public.seating_plan TO bo_manager;
GRANT SELECT(height) ON TABLE public.seating_plan TO bo_admin;
GRANT SELECT(height) ON TABLE public.seating_plan TO bo_web;


--
-- Name: COLUMN seating_plan.source; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(source) ON TABLE public.seating_plan TO bo_cashier;
GRANT SELECT(source) ON TABLE public.seating_plan TO bo_door;
GRANT SELECT(source) ON TABLE public.seating_plan TO bo_manager;
GRANT SELECT(source) ON TABLE public.seating_plan TO bo_admin;
GRANT SELECT(source) ON TABLE public.seating_plan TO bo_web;


--
-- Name: COLUMN seating_plan.created_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(created_at) ON TABLE public.seating_plan TO bo_cashier;
GRANT SELECT(created_at) ON TABLE public.seating_plan TO bo_door;
GRANT SELECT(created_at) ON TABLE public.seating_plan TO bo_manager;
GRANT SELECT(created_at) ON TABLE public.seating_plan TO bo_admin;
GRANT SELECT(created_at) ON TABLE public.seating_plan TO bo_web;


--
-- Name: COLUMN seating_plan.hall_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(hall_id) ON TABLE public.seating_plan TO bo_cashier;
GRANT SELECT(hall_id) ON TABLE public.seating_plan TO bo_door;
GRANT SELECT(hall_id) ON TABLE public.seating_plan TO bo_manager;
GRANT SELECT(hall_id) ON TABLE public.seating_plan TO bo_admin;
GRANT SELECT(hall_id) ON TABLE public.seating_plan TO bo_web;


--
-- Name: COLUMN seating_plan.best_x; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(best_x) ON TABLE public.seating_plan TO bo_cashier;
GRANT SELECT(best_x) ON TABLE public.seating_plan TO bo_door;
GRANT SELECT(best_x) ON TABLE public.seating_plan TO bo_manager;
GRANT SELECT(best_x) ON TABLE public.seating_plan TO bo_admin;
GRANT SELECT(best_x) ON TABLE public.seating_plan TO bo_web;


--
-- Name: COLUMN seating_plan.best_y; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(best_y) ON TABLE public.seating_plan TO bo_cashier;
GRANT SELECT(best_y) ON TABLE public.seating_plan TO bo_door;
GRANT SELECT(best_y) ON TABLE public.seating_plan TO bo_manager;
GRANT SELECT(best_y) ON TABLE public.seating_plan TO bo_admin;
GRANT SELECT(best_y) ON TABLE public.seating_plan TO bo_web;


--
-- Name: COLUMN seating_plan.best_stamp; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(best_stamp) ON TABLE public.seating_plan TO bo_cashier;
GRANT SELECT(best_stamp) ON TABLE public.seating_plan TO bo_door;
GRANT SELECT(best_stamp) ON TABLE public.seating_plan TO bo_manager;
GRANT SELECT(best_stamp) ON TABLE public.seating_plan TO bo_admin;
GRANT SELECT(best_stamp) ON TABLE public.seating_plan TO bo_web;


--
-- Name: COLUMN showtime_price.showtime_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(showtime_id) ON TABLE public.showtime_price TO bo_cashier;
GRANT SELECT(showtime_id) ON TABLE public.showtime_price TO bo_door;
GRANT SELECT(showtime_id) ON TABLE public.showtime_price TO bo_manager;
GRANT SELECT(showtime_id) ON TABLE public.showtime_price TO bo_admin;
GRANT SELECT(showtime_id) ON TABLE public.showtime_price TO bo_web;


--
-- Name: COLUMN showtime_price.category_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(category_id) ON TABLE public.showtime_price TO bo_cashier;
GRANT SELECT(category_id) ON TABLE public.showtime_price TO bo_door;
GRANT SELECT(category_id) ON TABLE public.showtime_price TO bo_manager;
GRANT SELECT(category_id) ON TABLE public.showtime_price TO bo_admin;
GRANT SELECT(category_id) ON TABLE public.showtime_price TO bo_web;


--
-- Name: COLUMN showtime_price.price_minor; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(price_minor) ON TABLE public.showtime_price TO bo_cashier;
GRANT SELECT(price_minor) ON TABLE public.showtime_price TO bo_door;
GRANT SELECT(price_minor) ON TABLE public.showtime_price TO bo_manager;
GRANT SELECT(price_minor) ON TABLE public.showtime_price TO bo_admin;
GRANT SELECT(price_minor) ON TABLE public.showtime_price TO bo_web;


--
-- Name: COLUMN showtime_type_price.showtime_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(showtime_id) ON TABLE public.showtime_type_price TO bo_cashier;
GRANT SELECT(showtime_id) ON TABLE public.showtime_type_price TO bo_door;
GRANT SELECT(showtime_id) ON TABLE public.showtime_type_price TO bo_manager;
GRANT SELECT(showtime_id) ON TABLE public.showtime_type_price TO bo_admin;
GRANT SELECT(showtime_id) ON TABLE public.showtime_type_price TO bo_web;


--
-- Name: COLUMN showtime_type_price.category_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(category_id) ON TABLE public.showtime_type_price TO bo_cashier;
GRANT SELECT(category_id) ON TABLE public.showtime_type_price TO bo_door;
GRANT SELECT(category_id) ON TABLE public.showtime_type_price TO bo_manager;
GRANT SELECT(category_id) ON TABLE public.showtime_type_price TO bo_admin;
GRANT SELECT(category_id) ON TABLE public.showtime_type_price TO bo_web;


--
-- Name: COLUMN showtime_type_price.ticket_type_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(ticket_type_id) ON TABLE public.showtime_type_price TO bo_cashier;
GRANT SELECT(ticket_type_id) ON TABLE public.showtime_type_price TO bo_door;
GRANT SELECT(ticket_type_id) ON TABLE public.showtime_type_price TO bo_manager;
GRANT SELECT(ticket_type_id) ON TABLE public.showtime_type_price TO bo_admin;
GRANT SELECT(ticket_type_id) ON TABLE public.showtime_type_price TO bo_web;


--
-- Name: COLUMN showtime_type_price.price_minor; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(price_minor) ON TABLE public.showtime_type_price TO bo_cashier;
GRANT SELECT(price_minor) ON TABLE public.showtime_type_price TO bo_door;
GRANT SELECT(price_minor) ON TABLE public.showtime_type_price TO bo_manager;
GRANT SELECT(price_minor) ON TABLE public.showtime_type_price TO bo_admin;
GRANT SELECT(price_minor) ON TABLE public.showtime_type_price TO bo_web;


--
-- Name: COLUMN showtime_prices.showtime_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(showtime_id) ON TABLE public.showtime_prices TO bo_cashier;
GRANT SELECT(showtime_id) ON TABLE public.showtime_prices TO bo_door;
GRANT SELECT(showtime_id) ON TABLE public.showtime_prices TO bo_manager;
GRANT SELECT(showtime_id) ON TABLE public.showtime_prices TO bo_admin;
GRANT SELECT(showtime_id) ON TABLE public.showtime_prices TO bo_web;


--
-- Name: COLUMN showtime_prices.category_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(category_id) ON TABLE public.showtime_prices TO bo_cashier;
GRANT SELECT(category_id) ON TABLE public.showtime_prices TO bo_door;
GRANT SELECT(category_id) ON TABLE public.showtime_prices TO bo_manager;
GRANT SELECT(category_id) ON TABLE public.showtime_prices TO bo_admin;
GRANT SELECT(category_id) ON TABLE public.showtime_prices TO bo_web;


--
-- Name: COLUMN showtime_prices.ticket_type_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(ticket_type_id) ON TABLE public.showtime_prices TO bo_cashier;
GRANT SELECT(ticket_type_id) ON TABLE public.showtime_prices TO bo_door;
GRANT SELECT(ticket_type_id) ON TABLE public.showtime_prices TO bo_manager;
GRANT SELECT(ticket_type_id) ON TABLE public.showtime_prices TO bo_admin;
GRANT SELECT(ticket_type_id) ON TABLE public.showtime_prices TO bo_web;


--
-- Name: COLUMN showtime_prices.ticket_type; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(ticket_type) ON TABLE public.showtime_prices TO bo_cashier;
GRANT SELECT(ticket_type) ON TABLE public.showtime_prices TO bo_door;
GRANT SELECT(ticket_type) ON TABLE public.showtime_prices TO bo_manager;
GRANT SELECT(ticket_type) ON TABLE public.showtime_prices TO bo_admin;
GRANT SELECT(ticket_type) ON TABLE public.showtime_prices TO bo_web;


--
-- Name: COLUMN showtime_prices.price_minor; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(price_minor) ON TABLE public.showtime_prices TO bo_cashier;
GRANT SELECT(price_minor) ON TABLE public.showtime_prices TO bo_door;
GRANT SELECT(price_minor) ON TABLE public.showtime_prices TO bo_manager;
GRANT SELECT(price_minor) ON TABLE public.showtime_prices TO bo_admin;
GRANT SELECT(price_minor) ON TABLE public.showtime_prices TO bo_web;


--
-- Name: COLUMN staff.id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(id) ON TABLE public.staff TO bo_cashier;
GRANT SELECT(id) ON TABLE public.staff TO bo_door;
GRANT SELECT(id) ON TABLE public.staff TO bo_manager;
GRANT SELECT(id) ON TABLE public.staff TO bo_admin;
GRANT SELECT(id) ON TABLE public.staff TO bo_web;


--
-- Name: COLUMN staff.username; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(username) ON TABLE public.staff TO bo_cashier;
GRANT SELECT(username) ON TABLE public.staff TO bo_door;
GRANT SELECT(username) ON TABLE public.staff TO bo_manager;
GRANT SELECT(username) ON TABLE public.staff TO bo_admin;
GRANT SELECT(username) ON TABLE public.staff TO bo_web;


--
-- Name: COLUMN staff.display_name; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(display_name) ON TABLE public.staff TO bo_cashier;
GRANT SELECT(display_name) ON TABLE public.staff TO bo_door;
GRANT SELECT(display_name) ON TABLE public.staff TO bo_manager;
GRANT SELECT(display_name) ON TABLE public.staff TO bo_admin;
GRANT SELECT(display_name) ON TABLE public.staff TO bo_web;


--
-- Name: COLUMN staff.role; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(role) ON TABLE public.staff TO bo_cashier;
GRANT SELECT(role) ON TABLE public.staff TO bo_door;
GRANT SELECT(role) ON TABLE public.staff TO bo_manager;
GRANT SELECT(role) ON TABLE public.staff TO bo_admin;
GRANT SELECT(role) ON TABLE public.staff TO bo_web;


--
-- Name: COLUMN staff.active; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(active) ON TABLE public.staff TO bo_cashier;
GRANT SELECT(active) ON TABLE public.staff TO bo_door;
GRANT SELECT(active) ON TABLE public.staff TO bo_manager;
GRANT SELECT(active) ON TABLE public.staff TO bo_admin;
GRANT SELECT(active) ON TABLE public.staff TO bo_web;


--
-- Name: COLUMN staff.created_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(created_at) ON TABLE public.staff TO bo_cashier;
GRANT SELECT(created_at) ON TABLE public.staff TO bo_door;
GRANT SELECT(created_at) ON TABLE public.staff TO bo_manager;
GRANT SELECT(created_at) ON TABLE public.staff TO bo_admin;
GRANT SELECT(created_at) ON TABLE public.staff TO bo_web;


--
-- Name: COLUMN staff.last_sign_in_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(last_sign_in_at) ON TABLE public.staff TO bo_cashier;
GRANT SELECT(last_sign_in_at) ON TABLE public.staff TO bo_door;
GRANT SELECT(last_sign_in_at) ON TABLE public.staff TO bo_manager;
GRANT SELECT(last_sign_in_at) ON TABLE public.staff TO bo_admin;
GRANT SELECT(last_sign_in_at) ON TABLE public.staff TO bo_web;


--
-- Name: COLUMN staff.login; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(login) ON TABLE public.staff TO bo_cashier;
GRANT SELECT(login) ON TABLE public.staff TO bo_door;
GRANT SELECT(login) ON TABLE public.staff TO bo_manager;
GRANT SELECT(login) ON TABLE public.staff TO bo_admin;
GRANT SELECT(login) ON TABLE public.staff TO bo_web;


--
-- Name: COLUMN venue.id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(id) ON TABLE public.venue TO bo_cashier;
GRANT SELECT(id) ON TABLE public.venue TO bo_door;
GRANT SELECT(id) ON TABLE public.venue TO bo_manager;
GRANT SELECT(id) ON TABLE public.venue TO bo_admin;
GRANT SELECT(id) ON TABLE public.venue TO bo_web;


--
-- Name: COLUMN venue.name; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(name) ON TABLE public.venue TO bo_cashier;
GRANT SELECT(name) ON TABLE public.venue TO bo_door;
GRANT SELECT(name) ON TABLE public.venue TO bo_manager;
GRANT SELECT(name) ON TABLE public.venue TO bo_admin;
GRANT SELECT(name) ON TABLE public.venue TO bo_web;


--
-- Name: COLUMN venue.timezone; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(timezone) ON TABLE public.venue TO bo_cashier;
GRANT SELECT(timezone) ON TABLE public.venue TO bo_door;
GRANT SELECT(timezone) ON TABLE public.venue TO bo_manager;
GRANT SELECT(timezone) ON TABLE public.venue TO bo_admin;
GRANT SELECT(timezone) ON TABLE public.venue TO bo_web;


--
-- Name: COLUMN venue.currency; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(currency) ON TABLE public.venue TO bo_cashier;
GRANT SELECT(currency) ON TABLE public.venue TO bo_door;
GRANT SELECT(currency) ON TABLE public.venue TO bo_manager;
GRANT SELECT(currency) ON TABLE public.venue TO bo_admin;
GRANT SELECT(currency) ON TABLE public.venue TO bo_web;


--
-- Name: COLUMN venue.created_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(created_at) ON TABLE public.venue TO bo_cashier;
GRANT SELECT(created_at) ON TABLE public.venue TO bo_door;
GRANT SELECT(created_at) ON TABLE public.venue TO bo_manager;
GRANT SELECT(created_at) ON TABLE public.venue TO bo_admin;
GRANT SELECT(created_at) ON TABLE public.venue TO bo_web;


--
-- Name: COLUMN venue.address; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(address) ON TABLE public.venue TO bo_cashier;
GRANT SELECT(address) ON TABLE public.venue TO bo_door;
GRANT SELECT(address) ON TABLE public.venue TO bo_manager;
GRANT SELECT(address) ON TABLE public.venue TO bo_admin;
GRANT SELECT(address) ON TABLE public.venue TO bo_web;


--
-- Name: COLUMN venue.tax_number; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(tax_number) ON TABLE public.venue TO bo_cashier;
GRANT SELECT(tax_number) ON TABLE public.venue TO bo_door;
GRANT SELECT(tax_number) ON TABLE public.venue TO bo_manager;
GRANT SELECT(tax_number) ON TABLE public.venue TO bo_admin;
GRANT SELECT(tax_number) ON TABLE public.venue TO bo_web;


--
-- Name: COLUMN venue.vat_rate_bp; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(vat_rate_bp) ON TABLE public.venue TO bo_cashier;
GRANT SELECT(vat_rate_bp) ON TABLE public.venue TO bo_door;
GRANT SELECT(vat_rate_bp) ON TABLE public.venue TO bo_manager;
GRANT SELECT(vat_rate_bp) ON TABLE public.venue TO bo_admin;
GRANT SELECT(vat_rate_bp) ON TABLE public.venue TO bo_web;


--
-- Name: COLUMN venue.locale; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(locale) ON TABLE public.venue TO bo_cashier;
GRANT SELECT(locale) ON TABLE public.venue TO bo_door;
GRANT SELECT(locale) ON TABLE public.venue TO bo_manager;
GRANT SELECT(locale) ON TABLE public.venue TO bo_admin;
GRANT SELECT(locale) ON TABLE public.venue TO bo_web;


--
-- Name: COLUMN venue.off_sale_after_minutes; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(off_sale_after_minutes) ON TABLE public.venue TO bo_cashier;
GRANT SELECT(off_sale_after_minutes) ON TABLE public.venue TO bo_door;
GRANT SELECT(off_sale_after_minutes) ON TABLE public.venue TO bo_manager;
GRANT SELECT(off_sale_after_minutes) ON TABLE public.venue TO bo_admin;
GRANT SELECT(off_sale_after_minutes) ON TABLE public.venue TO bo_web;


--
-- Name: COLUMN webhook_event.id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(id) ON TABLE public.webhook_event TO bo_cashier;
GRANT SELECT(id) ON TABLE public.webhook_event TO bo_door;
GRANT SELECT(id) ON TABLE public.webhook_event TO bo_manager;
GRANT SELECT(id) ON TABLE public.webhook_event TO bo_admin;
GRANT SELECT(id) ON TABLE public.webhook_event TO bo_web;


--
-- Name: COLUMN webhook_event.type; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(type) ON TABLE public.webhook_event TO bo_cashier;
GRANT SELECT(type) ON TABLE public.webhook_event TO bo_door;
GRANT SELECT(type) ON TABLE public.webhook_event TO bo_manager;
GRANT SELECT(type) ON TABLE public.webhook_event TO bo_admin;
GRANT SELECT(type) ON TABLE public.webhook_event TO bo_web;


--
-- Name: COLUMN webhook_event.payment_session_id; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(payment_session_id) ON TABLE public.webhook_event TO bo_cashier;
GRANT SELECT(payment_session_id) ON TABLE public.webhook_event TO bo_door;
GRANT SELECT(payment_session_id) ON TABLE public.webhook_event TO bo_manager;
GRANT SELECT(payment_session_id) ON TABLE public.webhook_event TO bo_admin;
GRANT SELECT(payment_session_id) ON TABLE public.webhook_event TO bo_web;


--
-- Name: COLUMN webhook_event.outcome; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(outcome) ON TABLE public.webhook_event TO bo_cashier;
GRANT SELECT(outcome) ON TABLE public.webhook_event TO bo_door;
GRANT SELECT(outcome) ON TABLE public.webhook_event TO bo_manager;
GRANT SELECT(outcome) ON TABLE public.webhook_event TO bo_admin;
GRANT SELECT(outcome) ON TABLE public.webhook_event TO bo_web;


--
-- Name: COLUMN webhook_event.payload; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(payload) ON TABLE public.webhook_event TO bo_cashier;
GRANT SELECT(payload) ON TABLE public.webhook_event TO bo_door;
GRANT SELECT(payload) ON TABLE public.webhook_event TO bo_manager;
GRANT SELECT(payload) ON TABLE public.webhook_event TO bo_admin;
GRANT SELECT(payload) ON TABLE public.webhook_event TO bo_web;


--
-- Name: COLUMN webhook_event.received_at; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT(received_at) ON TABLE public.webhook_event TO bo_cashier;
GRANT SELECT(received_at) ON TABLE public.webhook_event TO bo_door;
GRANT SELECT(received_at) ON TABLE public.webhook_event TO bo_manager;
GRANT SELECT(received_at) ON TABLE public.webhook_event TO bo_admin;
GRANT SELECT(received_at) ON TABLE public.webhook_event TO bo_web;


--
-- Name: TABLE z_report; Type: ACL; Schema: public; Owner: bo_owner
--

GRANT SELECT ON TABLE public.z_report TO bo_cashier;
GRANT SELECT ON TABLE public.z_report TO bo_manager;
GRANT SELECT ON TABLE public.z_report TO bo_admin;


--
-- Name: DEFAULT PRIVILEGES FOR FUNCTIONS; Type: DEFAULT ACL; Schema: -; Owner: bo_owner
--

ALTER DEFAULT PRIVILEGES FOR ROLE bo_owner REVOKE ALL ON FUNCTIONS FROM PUBLIC;


--
-- PostgreSQL database dump complete
--
