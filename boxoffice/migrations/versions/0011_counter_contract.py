"""The counter's contract: holds, sales, general admission, refunds, reprints and blocks
are SECURITY DEFINER functions that check the caller (issue 10, docs/security.md).

A cashier with psql and the till's login can do nothing the app would not let them:

* ``bo_checkout`` sells a basket in one call: it converts the caller's live holds
  (``bo_sell`` / ``bo_ga_sell``, no longer callable by application logins), prices every
  line from the database, writes the order, its tickets and the payment, and validates
  the tender (cash covers the total; card and online are exactly the total). The web
  confirms a paid booking through ``bo_confirm_booking`` (its booked prices, from
  ``booking_seat``, never a client's).
* Holds belong to the login that made them (``inventory.hold_login``,
  ``ga_hold.hold_login``): another login cannot extend, release, book or sell them even
  with the token (web servers share the web's holds; the system principal may act on
  any). ``inventory_live`` shows a hold's token only to its holder. Hold lifetimes are
  capped (1 s-1 h at a till, up to 24 h for the web and the system principal) and so is
  the number of seats per call (100).
* Expiry is compared with ``clock_timestamp()`` everywhere, so a transaction opened
  before a hold lapsed cannot sell it afterwards. General-admission capacity holds at any
  isolation level: every hold and sale *updates* its ``ga_inventory`` row before
  counting, so concurrent ones take turns (READ COMMITTED) or fail with a serialization
  error (REPEATABLE READ, SERIALIZABLE) - a refusal, never an oversell.
* A sale is immutable: a ticket's order, showtime, seat, area, category, type and price,
  an order's number, channel, currency, total and seller, a payment's amount, method,
  tender and reference, and refunds cannot be changed or deleted (``BO031``) except by a
  transaction that an owner-context function marked with ``bo_amend_sale_begin()``
  (no application login can write the marker table ``sale_amendment``). An order's total
  must equal the sum of its tickets' prices at commit (deferred constraint triggers,
  ``BO032``).
* Refunds: ``bo_refund(order number, reason)`` and ``bo_refund_order(order)`` apply the
  rule in the database - ``refund_any``, or ``refund_own`` for one's own sale before the
  showtime starts (``override`` after the start); the web refunds only bookings.
  ``bo_reissue(ticket)`` needs ``reprint``; ``bo_block``/``bo_unblock`` need ``block``.

Revision ID: 0011_counter_contract
Revises: 0010_device_keys
Create Date: 2026-11-30
"""

from alembic import op

revision = "0011_counter_contract"
down_revision = "0010_device_keys"
branch_labels = None
depends_on = None

UPGRADE = r"""
-- ---------------------------------------------------------------------------
-- Holds belong to the login that made them
-- ---------------------------------------------------------------------------
ALTER TABLE inventory ADD COLUMN hold_login name;
ALTER TABLE ga_hold ADD COLUMN hold_login name;
GRANT SELECT (hold_login) ON inventory, ga_hold TO bo_cashier, bo_door, bo_manager, bo_admin, bo_web;

-- Whether the caller may act on a live hold made by p_login: its own, any for the system
-- principal, and the web channel's holds for every web login (a buyer's token travels
-- between the web servers of one shop).
CREATE FUNCTION bo_holder_is_caller(p_login name) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp AS $$
    SELECT p_login = session_user
        OR bo_caller_kind() = 'system'
        OR (bo_caller_kind() = 'web'
            AND EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = p_login AND pg_has_role(r.oid, 'bo_web', 'MEMBER')))
$$;

-- Refuse unless the caller may hold and sell: staff with 'sell', the web channel, the system.
CREATE FUNCTION bo_require_seller() RETURNS integer LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public, pg_temp AS $$
BEGIN
    IF bo_caller_kind() = 'web' THEN
        RETURN bo_require('web');
    END IF;
    RETURN bo_require('sell');
END $$;

-- The longest hold the caller may ask for, in seconds: a till an hour, the web and the
-- system principal a day.
CREATE FUNCTION bo_hold_limit() RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp AS $$
    SELECT CASE WHEN bo_caller_kind() IN ('web', 'system') THEN 86400 ELSE 3600 END
$$;

-- ---------------------------------------------------------------------------
-- A sale cannot be changed afterwards
-- ---------------------------------------------------------------------------
-- Transactions allowed to amend a sale record (plan version moves, future exchanges).
-- Only owner-context code can write here; no application login has any privilege on it.
CREATE TABLE sale_amendment (
    xact xid8 PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- Mark the current transaction as one that may amend sale records. Not granted to any
-- application role: owner-context (SECURITY DEFINER) functions and superusers only.
CREATE FUNCTION bo_amend_sale_begin() RETURNS void LANGUAGE sql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
    INSERT INTO sale_amendment (xact) VALUES (pg_current_xact_id()) ON CONFLICT DO NOTHING
$$;

CREATE FUNCTION bo_sale_amending() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM sale_amendment WHERE xact = pg_current_xact_id_if_assigned())
$$;

CREATE FUNCTION bo_sale_record_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
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
CREATE TRIGGER ticket_sale_frozen BEFORE UPDATE OR DELETE ON ticket
    FOR EACH ROW EXECUTE FUNCTION bo_sale_record_frozen();
CREATE TRIGGER orders_sale_frozen BEFORE UPDATE OR DELETE ON orders
    FOR EACH ROW EXECUTE FUNCTION bo_sale_record_frozen();
CREATE TRIGGER payment_sale_frozen BEFORE UPDATE OR DELETE ON payment
    FOR EACH ROW EXECUTE FUNCTION bo_sale_record_frozen();
CREATE TRIGGER refund_sale_frozen BEFORE UPDATE OR DELETE ON refund
    FOR EACH ROW EXECUTE FUNCTION bo_sale_record_frozen();

-- An order's total is the sum of its tickets' prices (checked at commit).
CREATE FUNCTION bo_order_total_check() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
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
    SELECT coalesce(sum(price_minor), 0) INTO lines FROM ticket WHERE order_id = o;
    IF lines <> total THEN
        RAISE EXCEPTION 'order % totals % but its tickets add up to %', o, total, lines
            USING ERRCODE = 'BO032', DETAIL = o::text;
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER orders_total_matches_tickets AFTER INSERT OR UPDATE ON orders
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bo_order_total_check();
CREATE CONSTRAINT TRIGGER ticket_total_matches_order AFTER INSERT OR UPDATE OR DELETE ON ticket
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bo_order_total_check();

-- The sale's audit entry fires at commit, outside any SECURITY DEFINER function: it runs
-- as the owner so every channel (the web has no bo_audit) gets it.
ALTER FUNCTION bo_audit_sale() SECURITY DEFINER SET search_path = public, pg_temp;

-- ---------------------------------------------------------------------------
-- Live state: expiry by the clock, tokens only for their holder
-- ---------------------------------------------------------------------------
CREATE OR REPLACE VIEW inventory_live AS
SELECT showtime_id, seat_id,
       CASE WHEN state = 'held' AND hold_expires_at <= clock_timestamp() THEN 'available' ELSE state END AS state,
       CASE WHEN state = 'held' AND hold_expires_at > clock_timestamp() THEN hold_token END AS hold_token,
       CASE WHEN state = 'held' AND hold_expires_at > clock_timestamp() THEN hold_channel END AS hold_channel,
       CASE WHEN state = 'held' AND hold_expires_at > clock_timestamp() THEN hold_expires_at END AS hold_expires_at,
       version,
       -- the token of a live hold, shown only to the login that holds it (and the system)
       CASE WHEN state = 'held' AND hold_expires_at > clock_timestamp()
                 AND (hold_login = session_user OR (SELECT bo_caller_kind()) = 'system') THEN hold_token END
           AS own_hold_token
FROM inventory;
GRANT SELECT (own_hold_token) ON inventory_live TO bo_cashier, bo_door, bo_manager, bo_admin, bo_web;

CREATE OR REPLACE VIEW booking_live AS
SELECT id, showtime_id, channel, hold_token, source_token,
       CASE WHEN status = 'pending' AND expires_at <= clock_timestamp() THEN 'expired' ELSE status END AS status,
       email, currency, total_minor, expires_at, order_id, created_at, confirmed_at, ended_at
FROM booking;

CREATE OR REPLACE FUNCTION bo_ga_taken(p_showtime integer, p_area integer, p_except uuid DEFAULT NULL)
RETURNS integer LANGUAGE sql VOLATILE AS $$
    SELECT (SELECT count(*) FROM ticket t
            WHERE t.showtime_id = p_showtime AND t.ga_area_id = p_area AND t.status = 'valid')::integer
         + (SELECT coalesce(sum(h.quantity), 0) FROM ga_hold h
            WHERE h.showtime_id = p_showtime AND h.ga_area_id = p_area AND h.expires_at > clock_timestamp()
              AND (p_except IS NULL OR h.token <> p_except))::integer
$$;

CREATE OR REPLACE VIEW ga_availability AS
SELECT gi.showtime_id, gi.ga_area_id, a.name, gi.capacity, a.category_id,
       (SELECT count(*) FROM ticket t WHERE t.showtime_id = gi.showtime_id AND t.ga_area_id = gi.ga_area_id
          AND t.status = 'valid')::integer AS sold,
       (SELECT coalesce(sum(h.quantity), 0) FROM ga_hold h WHERE h.showtime_id = gi.showtime_id
          AND h.ga_area_id = gi.ga_area_id AND h.expires_at > clock_timestamp())::integer AS held,
       gi.capacity - bo_ga_taken(gi.showtime_id, gi.ga_area_id) AS available
FROM ga_inventory gi JOIN ga_area a ON a.id = gi.ga_area_id;

-- ---------------------------------------------------------------------------
-- Seats: hold, release, sell (sell only from inside bo_checkout / bo_confirm_booking)
-- ---------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION bo_hold(p_showtime integer, p_seats integer[], p_token uuid, p_channel text,
                                   p_seconds integer)
RETURNS timestamptz LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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

CREATE OR REPLACE FUNCTION bo_release(p_showtime integer, p_seats integer[], p_token uuid)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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

-- Converts the caller's live holds to sold; no ticket, so only contract functions call it.
CREATE OR REPLACE FUNCTION bo_sell(p_showtime integer, p_seats integer[], p_token uuid, p_channel text)
RETURNS integer LANGUAGE plpgsql AS $$
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

-- ---------------------------------------------------------------------------
-- General admission: the ga_inventory row is updated (not only locked) before counting
-- ---------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION bo_ga_hold(p_showtime integer, p_area integer, p_quantity integer, p_token uuid,
                                      p_channel text, p_seconds integer)
RETURNS timestamptz LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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

CREATE OR REPLACE FUNCTION bo_ga_release(p_token uuid, p_showtime integer, p_area integer DEFAULT NULL)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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

-- Converts the caller's live GA hold of exactly p_quantity places; only contract functions call it.
CREATE OR REPLACE FUNCTION bo_ga_sell(p_showtime integer, p_area integer, p_quantity integer, p_token uuid)
RETURNS TABLE(category_id integer, ticket_type_id integer, price_minor integer) LANGUAGE plpgsql AS $$
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

-- The capacity trigger updates the row too (see bo_ga_hold).
CREATE OR REPLACE FUNCTION bo_ticket_ga_capacity() RETURNS trigger LANGUAGE plpgsql AS $$
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

-- ---------------------------------------------------------------------------
-- Checkout: one call sells a basket at the database's prices
-- ---------------------------------------------------------------------------
-- Sell what p_token holds for the caller at p_showtime: seats p_seats (ticket types
-- p_types, parallel, NULL = full) and general-admission places p_ga ({"area id": places}),
-- paid by p_method (cash: p_tendered covers the total, the rest is change; card/online:
-- exactly the total) with the provider's p_reference. p_expected, if given, is the total
-- the customer was shown: a different total refuses the sale (BO030). Returns
-- {"order_id", "number", "ticket_ids", "total_minor", "tendered_minor", "change_minor",
-- "currency", "method"}.
CREATE FUNCTION bo_checkout(p_showtime integer, p_token uuid, p_channel text, p_seats integer[], p_types integer[],
                            p_ga jsonb, p_method text, p_tendered integer, p_reference text,
                            p_expected integer DEFAULT NULL)
RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_staff integer := bo_require('sell');
    v_currency varchar(3);
    seats integer[] := coalesce(p_seats, '{}');
    l_seat integer[] := '{}';
    l_area integer[] := '{}';
    l_cat integer[] := '{}';
    l_type integer[] := '{}';
    l_price integer[] := '{}';
    r record;
    g record;
    v_total bigint;
    v_tendered integer;
    v_order orders%ROWTYPE;
    v_tickets bigint[];
BEGIN
    IF p_token IS NULL OR p_channel IS NULL OR btrim(p_channel) = '' OR length(p_channel) > 60 THEN
        RAISE EXCEPTION 'bo_checkout needs a token and a channel' USING ERRCODE = '22023';
    END IF;
    IF p_method IS NULL OR p_method NOT IN ('cash', 'card', 'online') THEN
        RAISE EXCEPTION 'unknown payment method %', p_method USING ERRCODE = '22023';
    END IF;
    IF length(p_reference) > 100 THEN
        RAISE EXCEPTION 'a payment reference has at most 100 characters' USING ERRCODE = '22023';
    END IF;
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
    SELECT coalesce(sum(p), 0) INTO v_total FROM unnest(l_price) p;
    IF v_total > 1000000000 THEN
        RAISE EXCEPTION 'the total % is not a possible amount', v_total USING ERRCODE = '22023';
    END IF;
    IF p_expected IS NOT NULL AND p_expected <> v_total THEN
        RAISE EXCEPTION 'the total changed to %', v_total USING ERRCODE = 'BO030', DETAIL = v_total::text;
    END IF;
    IF p_method = 'cash' THEN
        IF p_tendered IS NULL OR p_tendered NOT BETWEEN 0 AND 1000000000 THEN
            RAISE EXCEPTION 'a cash sale needs the amount tendered' USING ERRCODE = '22023';
        END IF;
        IF p_tendered < v_total THEN
            RAISE EXCEPTION 'cash tendered % is less than the total %', p_tendered, v_total
                USING ERRCODE = 'BO030', DETAIL = v_total::text;
        END IF;
        v_tendered := p_tendered;
    ELSE
        v_tendered := coalesce(p_tendered, v_total);
        IF v_tendered <> v_total THEN
            RAISE EXCEPTION 'a % payment must be exactly the total %', p_method, v_total
                USING ERRCODE = 'BO030', DETAIL = v_total::text;
        END IF;
    END IF;
    INSERT INTO orders (channel, currency, total_minor, staff_id)
    VALUES (p_channel, v_currency, v_total, v_staff) RETURNING * INTO v_order;
    WITH made AS (
        INSERT INTO ticket (order_id, showtime_id, seat_id, ga_area_id, category_id, ticket_type_id, price_minor)
        SELECT v_order.id, p_showtime, l.seat, l.area, l.cat, l.type, l.price
        FROM unnest(l_seat, l_area, l_cat, l_type, l_price) WITH ORDINALITY AS l(seat, area, cat, type, price, n)
        ORDER BY l.n
        RETURNING id
    )
    SELECT array_agg(id ORDER BY id) INTO v_tickets FROM made;
    INSERT INTO payment (order_id, method, amount_minor, tendered_minor, reference)
    VALUES (v_order.id, p_method, v_total, v_tendered, p_reference);
    RETURN jsonb_build_object('order_id', v_order.id, 'number', v_order.number, 'ticket_ids', to_jsonb(v_tickets),
                              'total_minor', v_total, 'tendered_minor', v_tendered,
                              'change_minor', v_tendered - v_total, 'currency', v_currency, 'method', p_method);
END $$;

-- The web channel: a paid pending booking becomes an order at its booked prices.
CREATE FUNCTION bo_confirm_booking(p_booking uuid, p_method text, p_reference text)
RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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

-- ---------------------------------------------------------------------------
-- Web bookings: expiry by the clock, the holder's seats only
-- ---------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION bo_book(p_showtime integer, p_token uuid, p_channel text, p_seconds integer,
                                   p_email text DEFAULT NULL)
RETURNS uuid LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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

CREATE OR REPLACE FUNCTION bo_end_booking(p_booking uuid, p_status text)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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

-- ---------------------------------------------------------------------------
-- Refunds and reprints
-- ---------------------------------------------------------------------------
-- Void the valid tickets of order p_order and put their seats back on sale; returns how
-- many. Staff need refund_any, or refund_own for an order they sold whose showtime has
-- not started (override after the start); the web channel refunds only its bookings.
CREATE OR REPLACE FUNCTION bo_refund_order(p_order integer)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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

-- Refund order p_number in full at the counter for p_reason (bo_refund_order's rules):
-- its valid tickets are voided, the refund (their prices) recorded, a web booking of it
-- marked refunded. Returns {"order_id", "number", "amount_minor", "currency", "tickets_voided"}.
CREATE FUNCTION bo_refund(p_number text, p_reason text)
RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    o orders%ROWTYPE;
    amount bigint;
    n integer;
BEGIN
    PERFORM bo_require('refund_own');
    IF p_reason IS NULL OR btrim(p_reason) = '' OR length(btrim(p_reason)) > 200 THEN
        RAISE EXCEPTION 'a refund needs a reason of at most 200 characters' USING ERRCODE = '22023';
    END IF;
    SELECT * INTO o FROM orders WHERE number = upper(btrim(p_number)) FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'order % does not exist', p_number USING ERRCODE = 'P0002';
    END IF;
    SELECT coalesce(sum(price_minor), 0) INTO amount FROM ticket WHERE order_id = o.id AND status = 'valid';
    n := bo_refund_order(o.id);
    IF n = 0 THEN
        RAISE EXCEPTION 'order % has no valid tickets left', o.number USING ERRCODE = 'BO005';
    END IF;
    INSERT INTO refund (order_id, amount_minor, reason) VALUES (o.id, amount, btrim(p_reason));
    UPDATE booking SET status = 'refunded', ended_at = clock_timestamp() WHERE order_id = o.id AND status = 'confirmed';
    RETURN jsonb_build_object('order_id', o.id, 'number', o.number, 'amount_minor', amount, 'currency', o.currency,
                              'tickets_voided', n);
END $$;

-- Reprint: bump a valid ticket's code serial (older codes are void). Returns its order
-- id, or NULL when the ticket does not exist or is not valid.
CREATE FUNCTION bo_reissue(p_ticket bigint)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    o integer;
BEGIN
    PERFORM bo_require('reprint');
    UPDATE ticket SET code_serial = code_serial + 1 WHERE id = p_ticket AND status = 'valid' RETURNING order_id INTO o;
    RETURN o;
END $$;

-- ---------------------------------------------------------------------------
-- Blocks
-- ---------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION bo_block(p_showtime integer, p_seats integer[], p_reason text)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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

CREATE OR REPLACE FUNCTION bo_unblock(p_showtime integer, p_seats integer[])
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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

-- ---------------------------------------------------------------------------
-- Grants
-- ---------------------------------------------------------------------------
REVOKE ALL ON FUNCTION bo_holder_is_caller(name), bo_require_seller(), bo_hold_limit(), bo_amend_sale_begin(),
    bo_sale_amending(), bo_sale_record_frozen(), bo_order_total_check(),
    bo_checkout(integer, uuid, text, integer[], integer[], jsonb, text, integer, text, integer),
    bo_confirm_booking(uuid, text, text), bo_refund(text, text), bo_reissue(bigint) FROM PUBLIC;
-- Selling without a ticket is no longer a client's call: only bo_checkout / bo_confirm_booking.
REVOKE EXECUTE ON FUNCTION bo_sell(integer, integer[], uuid, text), bo_sell(integer, integer[], uuid, text, integer[]),
    bo_ga_sell(integer, integer, integer, uuid) FROM bo_cashier, bo_manager, bo_admin, bo_web;
GRANT EXECUTE ON FUNCTION bo_checkout(integer, uuid, text, integer[], integer[], jsonb, text, integer, text, integer),
    bo_refund(text, text), bo_reissue(bigint) TO bo_cashier, bo_manager, bo_admin;
GRANT EXECUTE ON FUNCTION bo_confirm_booking(uuid, text, text) TO bo_web;
"""

DOWNGRADE = r"""
REVOKE EXECUTE ON FUNCTION bo_sell(integer, integer[], uuid, text), bo_sell(integer, integer[], uuid, text, integer[]),
    bo_ga_sell(integer, integer, integer, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bo_sell(integer, integer[], uuid, text), bo_sell(integer, integer[], uuid, text, integer[]),
    bo_ga_sell(integer, integer, integer, uuid) TO bo_cashier, bo_manager, bo_admin, bo_web;
DROP FUNCTION bo_checkout(integer, uuid, text, integer[], integer[], jsonb, text, integer, text, integer);
DROP FUNCTION bo_confirm_booking(uuid, text, text);
DROP FUNCTION bo_refund(text, text);
DROP FUNCTION bo_reissue(bigint);
DROP TRIGGER orders_total_matches_tickets ON orders;
DROP TRIGGER ticket_total_matches_order ON ticket;
DROP FUNCTION bo_order_total_check();
DROP TRIGGER ticket_sale_frozen ON ticket;
DROP TRIGGER orders_sale_frozen ON orders;
DROP TRIGGER payment_sale_frozen ON payment;
DROP TRIGGER refund_sale_frozen ON refund;
DROP FUNCTION bo_sale_record_frozen();
DROP FUNCTION bo_sale_amending();
DROP FUNCTION bo_amend_sale_begin();
DROP TABLE sale_amendment;
ALTER FUNCTION bo_audit_sale() SECURITY INVOKER;
ALTER FUNCTION bo_audit_sale() RESET search_path;
-- the 0009 definitions, as they were
CREATE OR REPLACE FUNCTION bo_hold(p_showtime integer, p_seats integer[], p_token uuid, p_channel text, p_seconds integer)
 RETURNS timestamp with time zone
 LANGUAGE plpgsql
AS $fn$
DECLARE
    wanted integer[];
    got integer[];
    expires timestamptz := now() + make_interval(secs => p_seconds);
    why text;
BEGIN
    IF p_token IS NULL OR p_channel IS NULL OR p_seconds IS NULL OR p_seconds <= 0 THEN
        RAISE EXCEPTION 'bo_hold needs a token, a channel and a positive lifetime'
            USING ERRCODE = '22023';
    END IF;
    SELECT coalesce(array_agg(DISTINCT s ORDER BY s), '{}') INTO wanted FROM unnest(p_seats) s;
    IF cardinality(wanted) = 0 THEN
        RAISE EXCEPTION 'bo_hold needs at least one seat' USING ERRCODE = '22023';
    END IF;
    SELECT coalesce(bo_sale_refusal(status, on_sale_at, off_sale_at), '') INTO why FROM showtime WHERE id = p_showtime;
    IF why IS NULL OR why <> '' THEN
        RAISE EXCEPTION 'showtime % is not on sale (%)', p_showtime, coalesce(why, 'unknown')
            USING ERRCODE = 'BO003', DETAIL = coalesce(why, 'unknown');
    END IF;
    WITH locked AS (
        SELECT seat_id FROM inventory
        WHERE showtime_id = p_showtime AND seat_id = ANY (wanted)
        ORDER BY seat_id
        FOR UPDATE
    ), held AS (
        UPDATE inventory i
        SET state = 'held', hold_token = p_token, hold_channel = p_channel, hold_expires_at = expires
        FROM locked
        WHERE i.showtime_id = p_showtime AND i.seat_id = locked.seat_id
          AND (i.state = 'available'
               OR (i.state = 'held' AND (i.hold_expires_at <= now() OR i.hold_token = p_token)))
        RETURNING i.seat_id
    )
    SELECT coalesce(array_agg(seat_id), '{}') INTO got FROM held;
    IF cardinality(got) < cardinality(wanted) THEN
        RAISE EXCEPTION 'seats not available'
            USING ERRCODE = 'BO001',
                  DETAIL = array_to_string(ARRAY(SELECT unnest(wanted) EXCEPT SELECT unnest(got) ORDER BY 1), ',');
    END IF;
    RETURN expires;
END $fn$;

CREATE OR REPLACE FUNCTION bo_release(p_showtime integer, p_seats integer[], p_token uuid)
 RETURNS integer
 LANGUAGE plpgsql
AS $fn$
DECLARE
    n integer;
BEGIN
    WITH locked AS (
        SELECT seat_id FROM inventory
        WHERE showtime_id = p_showtime AND hold_token = p_token AND state = 'held'
          AND (p_seats IS NULL OR seat_id = ANY (p_seats))
        ORDER BY seat_id
        FOR UPDATE
    ), released AS (
        UPDATE inventory i
        SET state = 'available', hold_token = NULL, hold_channel = NULL, hold_expires_at = NULL
        FROM locked
        WHERE i.showtime_id = p_showtime AND i.seat_id = locked.seat_id AND i.hold_token = p_token
        RETURNING 1
    )
    SELECT count(*) INTO n FROM released;
    RETURN n;
END $fn$;

CREATE OR REPLACE FUNCTION bo_sell(p_showtime integer, p_seats integer[], p_token uuid, p_channel text)
 RETURNS integer
 LANGUAGE plpgsql
AS $fn$
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
        SET state = 'sold', hold_token = NULL, hold_channel = p_channel, hold_expires_at = NULL
        FROM locked
        WHERE i.showtime_id = p_showtime AND i.seat_id = locked.seat_id
          AND i.state = 'held' AND i.hold_token = p_token AND i.hold_expires_at > now()
        RETURNING i.seat_id
    )
    SELECT coalesce(array_agg(seat_id), '{}') INTO got FROM sold;
    IF cardinality(got) < cardinality(wanted) THEN
        RAISE EXCEPTION 'hold missing or expired'
            USING ERRCODE = 'BO002',
                  DETAIL = array_to_string(ARRAY(SELECT unnest(wanted) EXCEPT SELECT unnest(got) ORDER BY 1), ',');
    END IF;
    RETURN cardinality(got);
END $fn$;

CREATE OR REPLACE FUNCTION bo_ga_hold(p_showtime integer, p_area integer, p_quantity integer, p_token uuid, p_channel text, p_seconds integer)
 RETURNS timestamp with time zone
 LANGUAGE plpgsql
AS $fn$
DECLARE
    expires timestamptz := now() + make_interval(secs => p_seconds);
    why text;
    cap integer;
    others integer;
BEGIN
    IF p_token IS NULL OR p_channel IS NULL OR p_seconds IS NULL OR p_seconds <= 0 THEN
        RAISE EXCEPTION 'bo_ga_hold needs a token, a channel and a positive lifetime' USING ERRCODE = '22023';
    END IF;
    IF p_quantity IS NULL OR p_quantity <= 0 THEN
        RAISE EXCEPTION 'bo_ga_hold needs a positive quantity' USING ERRCODE = '22023';
    END IF;
    SELECT coalesce(bo_sale_refusal(status, on_sale_at, off_sale_at), '') INTO why FROM showtime WHERE id = p_showtime;
    IF why IS NULL OR why <> '' THEN
        RAISE EXCEPTION 'showtime % is not on sale (%)', p_showtime, coalesce(why, 'unknown')
            USING ERRCODE = 'BO003', DETAIL = coalesce(why, 'unknown');
    END IF;
    SELECT capacity INTO cap FROM ga_inventory WHERE showtime_id = p_showtime AND ga_area_id = p_area FOR UPDATE;
    IF cap IS NULL THEN
        RAISE EXCEPTION 'area % is not part of showtime %', p_area, p_showtime USING ERRCODE = '22023';
    END IF;
    others := bo_ga_taken(p_showtime, p_area, p_token);
    IF others + p_quantity > cap THEN
        RAISE EXCEPTION 'only % places left', greatest(cap - others, 0)
            USING ERRCODE = 'BO001', DETAIL = greatest(cap - others, 0)::text;
    END IF;
    INSERT INTO ga_hold (token, showtime_id, ga_area_id, quantity, channel, expires_at)
    VALUES (p_token, p_showtime, p_area, p_quantity, p_channel, expires)
    ON CONFLICT (token, showtime_id, ga_area_id)
    DO UPDATE SET quantity = EXCLUDED.quantity, channel = EXCLUDED.channel, expires_at = EXCLUDED.expires_at;
    RETURN expires;
END $fn$;

CREATE OR REPLACE FUNCTION bo_ga_release(p_token uuid, p_showtime integer, p_area integer DEFAULT NULL::integer)
 RETURNS integer
 LANGUAGE plpgsql
AS $fn$
DECLARE
    n integer;
BEGIN
    WITH gone AS (
        DELETE FROM ga_hold WHERE token = p_token AND showtime_id = p_showtime
                              AND (p_area IS NULL OR ga_area_id = p_area)
        RETURNING quantity
    )
    SELECT coalesce(sum(quantity), 0) INTO n FROM gone;
    RETURN n;
END $fn$;

CREATE OR REPLACE FUNCTION bo_ga_sell(p_showtime integer, p_area integer, p_quantity integer, p_token uuid)
 RETURNS TABLE(category_id integer, ticket_type_id integer, price_minor integer)
 LANGUAGE plpgsql
AS $fn$
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
    SELECT capacity INTO cap FROM ga_inventory WHERE showtime_id = p_showtime AND ga_area_id = p_area FOR UPDATE;
    DELETE FROM ga_hold h WHERE h.token = p_token AND h.showtime_id = p_showtime AND h.ga_area_id = p_area
                            AND h.expires_at > now() AND h.quantity = p_quantity
    RETURNING h.quantity INTO got;
    IF cap IS NULL OR got IS NULL THEN
        RAISE EXCEPTION 'general admission hold missing or expired'
            USING ERRCODE = 'BO002', DETAIL = 'area ' || p_area;
    END IF;
    RETURN QUERY
        SELECT a.category_id, tt.id, bo_type_price(p_showtime, a.category_id, tt.id)
        FROM ga_area a JOIN ticket_type tt ON tt.venue_id = v_venue AND tt.code = 'full'
        WHERE a.id = p_area;
END $fn$;

CREATE OR REPLACE FUNCTION bo_ga_taken(p_showtime integer, p_area integer, p_except uuid DEFAULT NULL::uuid)
 RETURNS integer
 LANGUAGE sql
 STABLE
AS $fn$
    SELECT (SELECT count(*) FROM ticket t
            WHERE t.showtime_id = p_showtime AND t.ga_area_id = p_area AND t.status = 'valid')::integer
         + (SELECT coalesce(sum(h.quantity), 0) FROM ga_hold h
            WHERE h.showtime_id = p_showtime AND h.ga_area_id = p_area AND h.expires_at > now()
              AND (p_except IS NULL OR h.token <> p_except))::integer
$fn$;

CREATE OR REPLACE FUNCTION bo_ticket_ga_capacity()
 RETURNS trigger
 LANGUAGE plpgsql
AS $fn$
DECLARE
    cap integer;
BEGIN
    SELECT capacity INTO cap FROM ga_inventory
    WHERE showtime_id = NEW.showtime_id AND ga_area_id = NEW.ga_area_id FOR UPDATE;
    IF cap IS NULL THEN
        RAISE EXCEPTION 'area % is not part of showtime %', NEW.ga_area_id, NEW.showtime_id USING ERRCODE = 'BO016';
    END IF;
    IF bo_ga_taken(NEW.showtime_id, NEW.ga_area_id) > cap THEN
        RAISE EXCEPTION 'general admission area % of showtime % is over capacity', NEW.ga_area_id, NEW.showtime_id
            USING ERRCODE = 'BO016', DETAIL = NEW.ga_area_id::text;
    END IF;
    RETURN NULL;
END $fn$;

CREATE OR REPLACE FUNCTION bo_book(p_showtime integer, p_token uuid, p_channel text, p_seconds integer, p_email text DEFAULT NULL::text)
 RETURNS uuid
 LANGUAGE plpgsql
AS $fn$
DECLARE
    seats integer[];
    new_booking uuid := gen_random_uuid();
    new_token uuid := gen_random_uuid();
    expires timestamptz := now() + make_interval(secs => p_seconds);
    unpriced integer[];
    v_currency varchar(3);
    why text;
BEGIN
    IF p_token IS NULL OR p_channel IS NULL OR p_seconds IS NULL OR p_seconds <= 0 THEN
        RAISE EXCEPTION 'bo_book needs a token, a channel and a positive lifetime' USING ERRCODE = '22023';
    END IF;
    SELECT v.currency, coalesce(bo_sale_refusal(st.status, st.on_sale_at, st.off_sale_at), '') INTO v_currency, why
    FROM showtime st JOIN venue v ON v.id = st.venue_id
    WHERE st.id = p_showtime;
    IF why IS NULL OR why <> '' THEN
        RAISE EXCEPTION 'showtime % is not on sale (%)', p_showtime, coalesce(why, 'unknown')
            USING ERRCODE = 'BO003', DETAIL = coalesce(why, 'unknown');
    END IF;
    SELECT coalesce(array_agg(seat_id ORDER BY seat_id), '{}') INTO seats FROM (
        SELECT seat_id FROM inventory
        WHERE showtime_id = p_showtime AND state = 'held' AND hold_token = p_token AND hold_expires_at > now()
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
END $fn$;

CREATE OR REPLACE FUNCTION bo_end_booking(p_booking uuid, p_status text)
 RETURNS integer
 LANGUAGE plpgsql
AS $fn$
DECLARE
    b booking%ROWTYPE;
BEGIN
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
    UPDATE booking SET status = p_status, ended_at = now() WHERE id = p_booking;
    RETURN bo_release(b.showtime_id, NULL, b.hold_token);
END $fn$;

CREATE OR REPLACE FUNCTION bo_refund_order(p_order integer)
 RETURNS integer
 LANGUAGE plpgsql
AS $fn$
DECLARE
    n integer;
BEGIN
    PERFORM 1 FROM inventory i JOIN ticket t ON t.showtime_id = i.showtime_id AND t.seat_id = i.seat_id
    WHERE t.order_id = p_order AND t.status = 'valid'
    ORDER BY i.showtime_id, i.seat_id
    FOR UPDATE OF i;
    WITH voided AS (
        UPDATE ticket SET status = 'refunded', voided_at = now()
        WHERE order_id = p_order AND status = 'valid'
        RETURNING showtime_id, seat_id
    ), freed AS (
        UPDATE inventory i
        SET state = 'available', hold_token = NULL, hold_channel = NULL, hold_expires_at = NULL
        FROM voided v
        WHERE i.showtime_id = v.showtime_id AND i.seat_id = v.seat_id AND i.state = 'sold'
        RETURNING 1
    )
    SELECT count(*) INTO n FROM voided;
    RETURN n;
END $fn$;

CREATE OR REPLACE FUNCTION bo_block(p_showtime integer, p_seats integer[], p_reason text)
 RETURNS integer
 LANGUAGE plpgsql
AS $fn$
DECLARE
    wanted integer[];
    got integer[];
BEGIN
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
        SET state = 'blocked', hold_token = NULL, hold_channel = NULL, hold_expires_at = NULL,
            block_reason = left(btrim(p_reason), 200)
        FROM locked
        WHERE i.showtime_id = p_showtime AND i.seat_id = locked.seat_id
          AND (i.state = 'available' OR (i.state = 'held' AND i.hold_expires_at <= now()))
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
END $fn$;

CREATE OR REPLACE FUNCTION bo_unblock(p_showtime integer, p_seats integer[])
 RETURNS integer
 LANGUAGE plpgsql
AS $fn$
DECLARE
    n integer;
BEGIN
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
END $fn$;

CREATE OR REPLACE VIEW booking_live AS
 SELECT id,
    showtime_id,
    channel,
    hold_token,
    source_token,
        CASE
            WHEN status::text = 'pending'::text AND expires_at <= now() THEN 'expired'::character varying
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
   FROM booking;

CREATE OR REPLACE VIEW ga_availability AS
 SELECT gi.showtime_id,
    gi.ga_area_id,
    a.name,
    gi.capacity,
    a.category_id,
    (( SELECT count(*) AS count
           FROM ticket t
          WHERE t.showtime_id = gi.showtime_id AND t.ga_area_id = gi.ga_area_id AND t.status::text = 'valid'::text))::integer AS sold,
    (( SELECT COALESCE(sum(h.quantity), 0::bigint) AS "coalesce"
           FROM ga_hold h
          WHERE h.showtime_id = gi.showtime_id AND h.ga_area_id = gi.ga_area_id AND h.expires_at > now()))::integer AS held,
    gi.capacity - bo_ga_taken(gi.showtime_id, gi.ga_area_id) AS available
   FROM ga_inventory gi
     JOIN ga_area a ON a.id = gi.ga_area_id;

DO $$
DECLARE
    cols text;
BEGIN
    SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO cols FROM pg_attribute
    WHERE attrelid = 'inventory_live'::regclass AND attnum > 0 AND attname NOT IN ('hold_token', 'own_hold_token');
    EXECUTE 'DROP VIEW inventory_live';
    EXECUTE $v$CREATE VIEW inventory_live AS
 SELECT showtime_id,
    seat_id,
        CASE
            WHEN state::text = 'held'::text AND hold_expires_at <= now() THEN 'available'::character varying
            ELSE state
        END AS state,
        CASE
            WHEN state::text = 'held'::text AND hold_expires_at > now() THEN hold_token
            ELSE NULL::uuid
        END AS hold_token,
        CASE
            WHEN state::text = 'held'::text AND hold_expires_at > now() THEN hold_channel
            ELSE NULL::character varying
        END AS hold_channel,
        CASE
            WHEN state::text = 'held'::text AND hold_expires_at > now() THEN hold_expires_at
            ELSE NULL::timestamp with time zone
        END AS hold_expires_at,
    version
   FROM inventory$v$;
    EXECUTE format('GRANT SELECT (%s) ON inventory_live TO bo_cashier, bo_door, bo_manager, bo_admin, bo_web', cols);
END $$;

DROP FUNCTION bo_hold_limit();
DROP FUNCTION bo_require_seller();
DROP FUNCTION bo_holder_is_caller(name);
ALTER TABLE ga_hold DROP COLUMN hold_login;
ALTER TABLE inventory DROP COLUMN hold_login;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
