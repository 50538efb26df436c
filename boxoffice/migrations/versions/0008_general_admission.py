"""General admission: areas with a capacity, sold by count instead of seat.

Written out by hand like the earlier revisions; docs/channel-contract.md ("General
admission") and docs/plan-editor.md explain it.

* ``ga_area`` (per plan version): a named area with a ``capacity``, a price category of
  the same plan (composite foreign key) and a rectangle ``x, y, w, h`` for the map.
* ``ga_inventory (showtime, area, capacity)``: one row per area of a showtime's plan,
  written when the showtime is scheduled. It is the area's **serialization point**: every
  hold and sale of the area locks this row first (``FOR UPDATE``).
* ``ga_hold (token, showtime, area, quantity, channel, expires_at)``: a basket's places in
  an area; **live while expires_at > now()** (lazy expiry, as seat holds: nothing needs to
  tidy them for correctness).
* ``bo_ga_hold(showtime, area, quantity, token, channel, seconds)`` sets the token's hold
  on the area to ``quantity`` places (new, larger, smaller: the expiry is renewed) only if
  sold + live holds of other tokens + quantity <= capacity, else ``BO001`` with
  ``DETAIL`` = how many places are left. Sales window and cancellation as ``bo_hold``
  (``BO003``). ``bo_ga_release(token, showtime, area /* NULL = all */)``.
* ``bo_ga_sell(showtime, area, quantity, token)`` converts a live hold of exactly
  ``quantity`` places (else ``BO002``) and returns the category, the full ticket type and
  its price; the caller inserts ``quantity`` tickets with ``seat_id`` NULL and
  ``ga_area_id`` set, in the same transaction as the seats' ``bo_sell``.
* ``ticket.seat_id`` becomes nullable, ``ticket.ga_area_id`` is new; a ticket has exactly
  one of them. ``ticket_one_live_per_seat`` stays as it was (seated tickets only).
  The trigger ``ticket_ga_capacity`` (after insert or a status / area change of a live GA
  ticket) locks the area's ``ga_inventory`` row and refuses (``BO016``) more valid tickets
  plus live holds than the capacity, whoever writes the ticket.
* ``ticket_requires_sold_seat`` and ``ticket_typed_price`` learn GA tickets (the area's
  category), ``bo_seat_label`` too (the audit shows the area's name).
* ``door_ticket`` LEFT JOINs the seat: a GA ticket reads section = area name, empty row
  and seat, and ``general_admission`` true (last column).
* Changes to ``ga_hold`` and to GA tickets notify ``bo_inventory`` with the showtime id,
  like seat changes, so open tills refresh the area's count.

Revision ID: 0008_general_admission
Revises: 0007_companion_seats
Create Date: 2026-12-13
"""

from alembic import op

revision = "0008_general_admission"
down_revision = "0007_companion_seats"
branch_labels = None
depends_on = None

SCHEMA = r"""
ALTER TABLE price_category ADD CONSTRAINT price_category_id_plan_key UNIQUE (id, plan_id);

CREATE TABLE ga_area (
    id serial PRIMARY KEY,
    plan_id integer NOT NULL REFERENCES seating_plan(id) ON DELETE CASCADE,
    name varchar(100) NOT NULL,
    capacity integer NOT NULL CHECK (capacity > 0 AND capacity <= 100000),
    category_id integer NOT NULL,
    x double precision NOT NULL DEFAULT 0,
    y double precision NOT NULL DEFAULT 0,
    w double precision NOT NULL DEFAULT 100 CHECK (w > 0),
    h double precision NOT NULL DEFAULT 100 CHECK (h > 0),
    UNIQUE (plan_id, name),
    FOREIGN KEY (category_id, plan_id) REFERENCES price_category(id, plan_id)
);

CREATE TABLE ga_inventory (
    showtime_id integer NOT NULL REFERENCES showtime(id) ON DELETE CASCADE,
    ga_area_id integer NOT NULL REFERENCES ga_area(id),
    capacity integer NOT NULL CHECK (capacity > 0),
    PRIMARY KEY (showtime_id, ga_area_id)
);

CREATE TABLE ga_hold (
    token uuid NOT NULL,
    showtime_id integer NOT NULL,
    ga_area_id integer NOT NULL,
    quantity integer NOT NULL CHECK (quantity > 0),
    channel varchar(60) NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (token, showtime_id, ga_area_id),
    FOREIGN KEY (showtime_id, ga_area_id) REFERENCES ga_inventory(showtime_id, ga_area_id) ON DELETE CASCADE
);
CREATE INDEX ga_hold_area_idx ON ga_hold (showtime_id, ga_area_id);

ALTER TABLE ticket ALTER COLUMN seat_id DROP NOT NULL;
ALTER TABLE ticket ADD COLUMN ga_area_id integer REFERENCES ga_area(id);
ALTER TABLE ticket ADD CONSTRAINT ticket_seat_or_area CHECK ((seat_id IS NULL) <> (ga_area_id IS NULL));
CREATE INDEX ticket_ga_live_idx ON ticket (showtime_id, ga_area_id) WHERE ga_area_id IS NOT NULL AND status = 'valid';

-- Places of an area taken at a showtime: valid tickets, and live holds (all tokens, or
-- all but p_except).
CREATE FUNCTION bo_ga_taken(p_showtime integer, p_area integer, p_except uuid DEFAULT NULL) RETURNS integer
LANGUAGE sql STABLE AS $$
    SELECT (SELECT count(*) FROM ticket t
            WHERE t.showtime_id = p_showtime AND t.ga_area_id = p_area AND t.status = 'valid')::integer
         + (SELECT coalesce(sum(h.quantity), 0) FROM ga_hold h
            WHERE h.showtime_id = p_showtime AND h.ga_area_id = p_area AND h.expires_at > now()
              AND (p_except IS NULL OR h.token <> p_except))::integer
$$;

-- What every channel reads: per area of a showtime, capacity, sold, live holds, left.
CREATE VIEW ga_availability AS
SELECT gi.showtime_id, gi.ga_area_id, a.name, gi.capacity, a.category_id,
       (SELECT count(*) FROM ticket t WHERE t.showtime_id = gi.showtime_id AND t.ga_area_id = gi.ga_area_id
          AND t.status = 'valid')::integer AS sold,
       (SELECT coalesce(sum(h.quantity), 0) FROM ga_hold h WHERE h.showtime_id = gi.showtime_id
          AND h.ga_area_id = gi.ga_area_id AND h.expires_at > now())::integer AS held,
       gi.capacity - bo_ga_taken(gi.showtime_id, gi.ga_area_id) AS available
FROM ga_inventory gi JOIN ga_area a ON a.id = gi.ga_area_id;

-- Hold p_quantity places of an area for a token (replacing the token's earlier quantity
-- there and renewing its expiry), only if they are free. The ga_inventory row lock makes
-- all holds and sales of one area take turns.
CREATE FUNCTION bo_ga_hold(p_showtime integer, p_area integer, p_quantity integer, p_token uuid,
                           p_channel text, p_seconds integer)
RETURNS timestamptz LANGUAGE plpgsql AS $$
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
END $$;

-- Release a token's places in one area (NULL: every area of the showtime); returns how
-- many places were released (live or not).
CREATE FUNCTION bo_ga_release(p_token uuid, p_showtime integer, p_area integer DEFAULT NULL) RETURNS integer
LANGUAGE plpgsql AS $$
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
END $$;

-- Sell a live hold of exactly p_quantity places: the hold goes, and the caller inserts
-- p_quantity tickets (seat_id NULL, ga_area_id = p_area) in the same transaction.
-- Returns the category, the venue's full ticket type and its price.
CREATE FUNCTION bo_ga_sell(p_showtime integer, p_area integer, p_quantity integer, p_token uuid)
RETURNS TABLE (category_id integer, ticket_type_id integer, price_minor integer)
LANGUAGE plpgsql AS $$
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
END $$;

-- The last line of defence: never more live GA tickets plus live holds than the area's
-- capacity, whoever writes the tickets.
CREATE FUNCTION bo_ticket_ga_capacity() RETURNS trigger LANGUAGE plpgsql AS $$
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
END $$;
CREATE TRIGGER ticket_ga_capacity AFTER INSERT OR UPDATE OF status, ga_area_id, showtime_id ON ticket
    FOR EACH ROW WHEN (NEW.ga_area_id IS NOT NULL AND NEW.status = 'valid')
    EXECUTE FUNCTION bo_ticket_ga_capacity();

-- 0001's rule for seated tickets; a GA ticket has no seat to be sold.
CREATE OR REPLACE FUNCTION bo_ticket_requires_sold_seat() RETURNS trigger LANGUAGE plpgsql AS $$
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

-- 0006's typed-price rule; a GA ticket's category is its area's.
CREATE OR REPLACE FUNCTION bo_ticket_typed_price() RETURNS trigger LANGUAGE plpgsql AS $$
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

-- Notifications: a GA hold or a GA ticket changing tells the showtime's listeners.
CREATE FUNCTION bo_ga_notify() RETURNS trigger LANGUAGE plpgsql AS $$
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
CREATE TRIGGER ga_hold_notify_insert AFTER INSERT ON ga_hold REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bo_ga_notify();
CREATE TRIGGER ga_hold_notify_update AFTER UPDATE ON ga_hold REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bo_ga_notify();
CREATE TRIGGER ga_hold_notify_delete AFTER DELETE ON ga_hold REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bo_ga_notify();
CREATE TRIGGER ticket_ga_notify_insert AFTER INSERT ON ticket REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bo_ga_notify();
CREATE TRIGGER ticket_ga_notify_update AFTER UPDATE ON ticket REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bo_ga_notify();

-- Audit and door labels: a GA ticket is its area.
CREATE OR REPLACE FUNCTION bo_ga_label(p_area integer) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT 'General admission ' || name FROM ga_area WHERE id = p_area
$$;
"""

# door_ticket for seated and GA tickets: the seat LEFT JOINed, the area's name as section,
# general_admission last.
_DOOR_TICKET_0008 = r"""CREATE VIEW door_ticket AS
SELECT t.id AS ticket_id, t.showtime_id, t.order_id, o.number AS order_number, t.status, t.code_serial,
       t.inside, t.admitted_at, t.admitted_gate, t.entries,
       coalesce(sec.name, ga.name) AS section, coalesce(s.row_label, '') AS row_label,
       coalesce(s.seat_number, '') AS seat_number, coalesce(s.wheelchair, false) AS wheelchair, pc.name AS category,
       sh.title AS show_title, st.starts_at, st.status AS showtime_status,
       coalesce(st.doors_open_at, st.starts_at - interval '45 minutes') AS doors_open_at,
       coalesce(tt.name, ft.name, 'Full') AS ticket_type, coalesce(tt.code, 'full') AS ticket_type_code, coalesce(s.companion, false) AS companion, t.ga_area_id IS NOT NULL AS general_admission
FROM ticket t
JOIN orders o ON o.id = t.order_id
LEFT JOIN seat s ON s.id = t.seat_id
LEFT JOIN section sec ON sec.id = s.section_id
LEFT JOIN ga_area ga ON ga.id = t.ga_area_id
JOIN price_category pc ON pc.id = t.category_id
JOIN showtime st ON st.id = t.showtime_id
JOIN show sh ON sh.id = st.show_id
LEFT JOIN ticket_type tt ON tt.id = t.ticket_type_id
LEFT JOIN ticket_type ft ON ft.venue_id = st.venue_id AND ft.code = 'full';
"""

# The sale audit of 0006, a GA ticket labelled by its area (bo_ga_label).
_BO_AUDIT_SALE_0008 = r"""CREATE OR REPLACE FUNCTION bo_audit_sale() RETURNS trigger LANGUAGE plpgsql AS $$
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
END $$;"""

# Sold general-admission tickets cannot be represented before 0008: refuse rather than lose sales.
_REFUSE_IF_GA_SOLD = r"""DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM ticket WHERE ga_area_id IS NOT NULL) THEN
            RAISE EXCEPTION 'general-admission tickets exist; 0008 cannot be downgraded without losing them';
        END IF;
    END $$"""

# door_ticket as 0007 wrote it, for the downgrade.
_DOOR_TICKET_0007 = r"""CREATE VIEW door_ticket AS
SELECT t.id AS ticket_id, t.showtime_id, t.order_id, o.number AS order_number, t.status, t.code_serial,
       t.inside, t.admitted_at, t.admitted_gate, t.entries,
       sec.name AS section, s.row_label, s.seat_number, s.wheelchair, pc.name AS category,
       sh.title AS show_title, st.starts_at, st.status AS showtime_status,
       coalesce(st.doors_open_at, st.starts_at - interval '45 minutes') AS doors_open_at,
       coalesce(tt.name, ft.name, 'Full') AS ticket_type, coalesce(tt.code, 'full') AS ticket_type_code, s.companion
FROM ticket t
JOIN orders o ON o.id = t.order_id
JOIN seat s ON s.id = t.seat_id
JOIN section sec ON sec.id = s.section_id
JOIN price_category pc ON pc.id = t.category_id
JOIN showtime st ON st.id = t.showtime_id
JOIN show sh ON sh.id = st.show_id
LEFT JOIN ticket_type tt ON tt.id = t.ticket_type_id
LEFT JOIN ticket_type ft ON ft.venue_id = st.venue_id AND ft.code = 'full';
"""

# bo_audit_sale as 0006 wrote it.
_BO_AUDIT_SALE_0006 = r"""CREATE OR REPLACE FUNCTION bo_audit_sale() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    d jsonb;
BEGIN
    SELECT jsonb_build_object(
        'order_id', NEW.id, 'order', NEW.number, 'channel', NEW.channel, 'currency', NEW.currency,
        'total_minor', NEW.total_minor,
        'showtime_id', (SELECT min(t.showtime_id) FROM ticket t WHERE t.order_id = NEW.id),
        'tickets', (SELECT coalesce(jsonb_agg(t.id ORDER BY t.id), '[]') FROM ticket t WHERE t.order_id = NEW.id),
        'seats', (SELECT coalesce(jsonb_agg(bo_seat_label(t.seat_id) ORDER BY t.id), '[]')
                  FROM ticket t WHERE t.order_id = NEW.id),
        'types', (SELECT coalesce(jsonb_agg(coalesce(tt.code, 'full') ORDER BY t.id), '[]')
                  FROM ticket t LEFT JOIN ticket_type tt ON tt.id = t.ticket_type_id WHERE t.order_id = NEW.id),
        'payments', (SELECT coalesce(jsonb_agg(jsonb_build_object('method', p.method, 'amount_minor', p.amount_minor,
                                                                  'tendered_minor', p.tendered_minor) ORDER BY p.id), '[]')
                     FROM payment p WHERE p.order_id = NEW.id))
    INTO d;
    PERFORM bo_audit('sale', 'order ' || NEW.number, d, NEW.channel);
    RETURN NULL;
END $$;"""

# bo_ticket_requires_sold_seat as 0001 wrote it.
_BO_TICKET_REQUIRES_SOLD_SEAT_0001 = r"""CREATE OR REPLACE FUNCTION bo_ticket_requires_sold_seat() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status = 'valid' THEN
        PERFORM 1 FROM inventory
        WHERE showtime_id = NEW.showtime_id AND seat_id = NEW.seat_id AND state = 'sold';
        IF NOT FOUND THEN
            RAISE EXCEPTION 'seat % of showtime % is not sold', NEW.seat_id, NEW.showtime_id
                USING ERRCODE = 'BO004';
        END IF;
    END IF;
    RETURN NEW;
END $$;"""

# bo_ticket_typed_price as 0006 wrote it.
_BO_TICKET_TYPED_PRICE_0006 = r"""CREATE OR REPLACE FUNCTION bo_ticket_typed_price() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    v_price integer;
    v_category integer;
BEGIN
    IF NEW.ticket_type_id IS NULL OR (TG_OP = 'UPDATE' AND NEW.ticket_type_id IS NOT DISTINCT FROM OLD.ticket_type_id
                                      AND NEW.price_minor IS NOT DISTINCT FROM OLD.price_minor) THEN
        RETURN NEW;
    END IF;
    SELECT s.category_id INTO v_category FROM seat s WHERE s.id = NEW.seat_id;
    IF v_category IS DISTINCT FROM NEW.category_id THEN
        RAISE EXCEPTION 'ticket category % is not the category of seat %', NEW.category_id, NEW.seat_id
            USING ERRCODE = 'BO015', DETAIL = NEW.seat_id::text;
    END IF;
    v_price := bo_type_price(NEW.showtime_id, NEW.category_id, NEW.ticket_type_id);
    IF v_price IS NULL THEN
        RAISE EXCEPTION 'ticket type % is not sold for seat % at this showtime', NEW.ticket_type_id, NEW.seat_id
            USING ERRCODE = 'BO014', DETAIL = NEW.seat_id::text;
    END IF;
    IF NEW.price_minor IS DISTINCT FROM v_price THEN
        RAISE EXCEPTION 'ticket price % is not the showtime''s price % for its type', NEW.price_minor, v_price
            USING ERRCODE = 'BO015', DETAIL = NEW.seat_id::text;
    END IF;
    RETURN NEW;
END $$;"""

# What the upgrade added, dropped last.
DROP = r"""
DROP TRIGGER IF EXISTS ticket_ga_notify_insert ON ticket;
DROP TRIGGER IF EXISTS ticket_ga_notify_update ON ticket;
DROP TRIGGER IF EXISTS ticket_ga_capacity ON ticket;
DROP VIEW IF EXISTS ga_availability;
ALTER TABLE ticket DROP CONSTRAINT IF EXISTS ticket_seat_or_area;
ALTER TABLE ticket DROP COLUMN IF EXISTS ga_area_id;
ALTER TABLE ticket ALTER COLUMN seat_id SET NOT NULL;
DROP TABLE IF EXISTS ga_hold, ga_inventory, ga_area;
DROP FUNCTION IF EXISTS bo_ga_notify(), bo_ticket_ga_capacity(), bo_ga_label(integer),
    bo_ga_sell(integer, integer, integer, uuid), bo_ga_release(uuid, integer, integer),
    bo_ga_hold(integer, integer, integer, uuid, text, integer), bo_ga_taken(integer, integer, uuid);
ALTER TABLE price_category DROP CONSTRAINT IF EXISTS price_category_id_plan_key;
"""


def upgrade() -> None:
    op.execute(SCHEMA)
    op.execute("DROP VIEW door_ticket")
    op.execute(_DOOR_TICKET_0008)
    op.execute(_BO_AUDIT_SALE_0008)


def downgrade() -> None:
    op.execute(_REFUSE_IF_GA_SOLD)
    op.execute("DROP VIEW door_ticket")
    op.execute(_DOOR_TICKET_0007)
    op.execute(_BO_AUDIT_SALE_0006)
    op.execute(_BO_TICKET_REQUIRES_SOLD_SEAT_0001)
    op.execute(_BO_TICKET_TYPED_PRICE_0006)
    op.execute(DROP)
