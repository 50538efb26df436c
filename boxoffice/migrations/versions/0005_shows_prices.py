"""Shows, showtimes, ticket types, price rules and seat blocks (managers set up the house).

Written out by hand like the earlier revisions; docs/shows-and-prices.md explains it and
docs/channel-contract.md lists what changed for clients.

* ``show``: ``rating`` (free text such as ``12A``) and a small poster image
  (``image`` bytea, PNG or JPEG, at most 512 KiB, with ``image_type``).
* ``showtime``: ``venue_id`` (copied from the plan by a trigger), ``ends_at`` (start +
  the show's running time, kept by triggers), a sales window ``on_sale_at`` /
  ``off_sale_at`` (NULL: open at that end), and ``cancelled_at`` / ``cancel_reason``
  (set exactly when ``status = 'cancelled'``; a cancelled showtime stays cancelled).
* **No two showtimes of one venue overlap**: an exclusion constraint
  ``showtime_no_overlap`` on (venue, [starts_at, ends_at)) for showtimes that are not
  cancelled (on ``bo_showtime_slot``: venue and times as one integer range). Showtimes
  scheduled before this revision that already overlapped an earlier one keep ``ends_at``
  NULL and are not checked until they are moved (a NOTICE counts them).
* ``bo_hold`` and ``bo_book`` refuse a showtime that is cancelled, off sale, not yet on
  sale or past its ``off_sale_at`` (``BO003``, ``DETAIL`` = ``cancelled`` | ``off_sale``
  | ``not_yet`` | ``closed``); ``bo_sell`` refuses a cancelled or off-sale showtime
  (taking a share lock on the showtime row, so a sale and a cancellation serialise).
  A hold or booking made inside the window may still be paid after ``off_sale_at``.
* ``ticket_type``: full, concession, child, complimentary... per venue (new venues get
  the four by a trigger). The **full** price of a (showtime, category) stays in
  ``showtime_price``, unchanged, so the sell screen, ``bo_book`` and the web keep working;
  the other types' prices are in ``showtime_type_price`` (which refuses the full type).
  The view ``showtime_prices`` shows both as (showtime, category, ticket type, price).
  Changes of ``showtime_type_price`` are audited as ``price_change`` like those of
  ``showtime_price``.
* ``price_rule``: per venue or plan, weekdays (ISO 1-7), a local start-time window,
  a category (or all) and a ticket type, and an adjustment: ``set`` an amount, ``add``
  an amount (may be negative) or ``percent``. The services apply them when scheduling
  (``boxoffice/domain/pricing.py``).
* Seat blocks: ``inventory.block_reason``; ``bo_block`` / ``bo_unblock`` block available
  seats (all-or-nothing, ``BO001`` for sold or held ones) and release blocked ones; the
  audit trigger now records the reason.

Revision ID: 0005_shows_prices
Revises: 0004_staff_audit
Create Date: 2026-12-10
"""

from alembic import op

revision = "0005_shows_prices"
down_revision = "0004_staff_audit"
branch_labels = None
depends_on = None

SCHEMA = r"""
-- A showtime's slot in its venue as one integer range, so that the exclusion constraint
-- below needs only the built-in GiST range operator class (btree_gist, which an
-- equality on venue_id would need, is not in every server build, e.g. the embedded one):
-- venue * 10^11 + Unix seconds of [start, end). 10^11 s is ~3,000 years.
CREATE FUNCTION bo_showtime_slot(p_venue integer, p_starts timestamptz, p_ends timestamptz) RETURNS int8range
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT int8range(p_venue::bigint * 100000000000 + floor(extract(epoch FROM p_starts))::bigint,
                     p_venue::bigint * 100000000000 + ceil(extract(epoch FROM p_ends))::bigint)
$$;

-- ---------------------------------------------------------------------------
-- Shows
-- ---------------------------------------------------------------------------
ALTER TABLE show
    ADD COLUMN rating varchar(20) NOT NULL DEFAULT '',
    ADD COLUMN image bytea,
    ADD COLUMN image_type varchar(20),
    ADD CONSTRAINT show_image_small CHECK (image IS NULL OR octet_length(image) <= 524288),
    ADD CONSTRAINT show_image_typed CHECK ((image IS NULL) = (image_type IS NULL)
                                           AND (image_type IS NULL OR image_type IN ('image/png', 'image/jpeg')));

-- ---------------------------------------------------------------------------
-- Showtimes: venue, end, sales window, cancellation
-- ---------------------------------------------------------------------------
ALTER TABLE showtime
    ADD COLUMN venue_id integer REFERENCES venue(id),
    ADD COLUMN ends_at timestamptz,
    ADD COLUMN on_sale_at timestamptz,
    ADD COLUMN off_sale_at timestamptz,
    ADD COLUMN cancelled_at timestamptz,
    ADD COLUMN cancel_reason varchar(200);
UPDATE showtime st SET venue_id = p.venue_id FROM seating_plan p WHERE p.id = st.plan_id;
UPDATE showtime SET cancelled_at = now() WHERE status = 'cancelled';
UPDATE showtime st SET ends_at = st.starts_at + make_interval(mins => sh.duration_minutes)
FROM show sh WHERE sh.id = st.show_id;
-- Showtimes that already overlap an earlier one of their venue are left unchecked.
DO $$
DECLARE
    n integer;
BEGIN
    WITH legacy AS (
        UPDATE showtime b SET ends_at = NULL
        WHERE b.status <> 'cancelled' AND EXISTS (
            SELECT 1 FROM showtime a
            WHERE a.venue_id = b.venue_id AND a.status <> 'cancelled' AND a.ends_at > b.starts_at
              AND (a.starts_at, a.id) < (b.starts_at, b.id))
        RETURNING 1)
    SELECT count(*) INTO n FROM legacy;
    IF n > 0 THEN
        RAISE NOTICE '% existing showtimes overlap an earlier one of their venue; they are not checked until moved', n;
    END IF;
END $$;
ALTER TABLE showtime
    ALTER COLUMN venue_id SET NOT NULL,
    ADD CONSTRAINT showtime_sale_window CHECK (on_sale_at IS NULL OR off_sale_at IS NULL OR on_sale_at < off_sale_at),
    ADD CONSTRAINT showtime_cancelled_when CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
    ADD CONSTRAINT showtime_ends_after_start CHECK (ends_at IS NULL OR ends_at > starts_at),
    ADD CONSTRAINT showtime_no_overlap EXCLUDE USING gist (bo_showtime_slot(venue_id, starts_at, ends_at) WITH &&)
        WHERE (status <> 'cancelled' AND ends_at IS NOT NULL);
CREATE INDEX showtime_venue_starts_idx ON showtime (venue_id, starts_at);

-- venue_id from the plan; ends_at from the start and the show's running time; cancelled_at
-- when a showtime is cancelled (a cancelled showtime stays cancelled: BO013).
CREATE FUNCTION bo_showtime_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT venue_id INTO NEW.venue_id FROM seating_plan WHERE id = NEW.plan_id;
    IF TG_OP = 'INSERT' OR NEW.starts_at IS DISTINCT FROM OLD.starts_at OR NEW.show_id IS DISTINCT FROM OLD.show_id
       OR NEW.plan_id IS DISTINCT FROM OLD.plan_id THEN
        SELECT NEW.starts_at + make_interval(mins => duration_minutes) INTO NEW.ends_at FROM show WHERE id = NEW.show_id;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.status = 'cancelled' AND NEW.status <> 'cancelled' THEN
        RAISE EXCEPTION 'showtime % is cancelled and stays cancelled', OLD.id USING ERRCODE = 'BO013';
    END IF;
    IF NEW.status = 'cancelled' AND NEW.cancelled_at IS NULL THEN
        NEW.cancelled_at := now();
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER showtime_fill BEFORE INSERT OR UPDATE OF plan_id, starts_at, show_id, status ON showtime
    FOR EACH ROW EXECUTE FUNCTION bo_showtime_fill();

-- A new running time moves the end of the show's showtimes (and may hit showtime_no_overlap).
CREATE FUNCTION bo_show_duration_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE showtime SET ends_at = starts_at + make_interval(mins => NEW.duration_minutes)
    WHERE show_id = NEW.id AND ends_at IS NOT NULL;
    RETURN NULL;
END $$;
CREATE TRIGGER show_duration_changed AFTER UPDATE OF duration_minutes ON show
    FOR EACH ROW WHEN (OLD.duration_minutes IS DISTINCT FROM NEW.duration_minutes)
    EXECUTE FUNCTION bo_show_duration_changed();

-- Why a showtime cannot be sold now (NULL: it can): cancelled, off_sale (status),
-- not_yet (before on_sale_at), closed (at or after off_sale_at).
CREATE FUNCTION bo_sale_refusal(p_status text, p_on timestamptz, p_off timestamptz) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN p_status = 'cancelled' THEN 'cancelled'
                WHEN p_status <> 'on_sale' THEN 'off_sale'
                WHEN p_on IS NOT NULL AND now() < p_on THEN 'not_yet'
                WHEN p_off IS NOT NULL AND now() >= p_off THEN 'closed'
           END
$$;

-- bo_hold as in 0001, with the sales window and cancellation checked.
CREATE OR REPLACE FUNCTION bo_hold(p_showtime integer, p_seats integer[], p_token uuid,
                                   p_channel text, p_seconds integer)
RETURNS timestamptz LANGUAGE plpgsql AS $$
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
END $$;

-- bo_sell as in 0001, refusing a cancelled or off-sale showtime. The share lock on the
-- showtime row makes a sale and a cancellation take turns: either the sale sees the
-- cancellation (BO003), or the cancellation waits and then lists the sale for refund.
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
END $$;

-- bo_book as in 0002, with the sales window and cancellation checked.
CREATE OR REPLACE FUNCTION bo_book(p_showtime integer, p_token uuid, p_channel text, p_seconds integer,
                                   p_email text DEFAULT NULL)
RETURNS uuid LANGUAGE plpgsql AS $$
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
END $$;

-- ---------------------------------------------------------------------------
-- Ticket types and their prices
-- ---------------------------------------------------------------------------
CREATE TABLE ticket_type (
    id serial PRIMARY KEY,
    venue_id integer NOT NULL REFERENCES venue(id) ON DELETE CASCADE,
    code varchar(30) NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]*$'),
    name varchar(60) NOT NULL CHECK (btrim(name) <> ''),
    position integer NOT NULL DEFAULT 0,
    active boolean NOT NULL DEFAULT true,
    UNIQUE (venue_id, code),
    UNIQUE (venue_id, name)
);

CREATE FUNCTION bo_seed_ticket_types(p_venue integer) RETURNS void LANGUAGE sql AS $$
    INSERT INTO ticket_type (venue_id, code, name, position)
    VALUES (p_venue, 'full', 'Full', 0), (p_venue, 'concession', 'Concession', 1),
           (p_venue, 'child', 'Child', 2), (p_venue, 'complimentary', 'Complimentary', 3)
    ON CONFLICT DO NOTHING
$$;
CREATE FUNCTION bo_venue_ticket_types() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM bo_seed_ticket_types(NEW.id);
    RETURN NULL;
END $$;
CREATE TRIGGER venue_ticket_types AFTER INSERT ON venue FOR EACH ROW EXECUTE FUNCTION bo_venue_ticket_types();
SELECT bo_seed_ticket_types(id) FROM venue;

-- Prices of the other ticket types; the full price stays in showtime_price.
CREATE TABLE showtime_type_price (
    showtime_id integer NOT NULL REFERENCES showtime(id) ON DELETE CASCADE,
    category_id integer NOT NULL REFERENCES price_category(id),
    ticket_type_id integer NOT NULL REFERENCES ticket_type(id),
    price_minor integer NOT NULL CHECK (price_minor >= 0),
    PRIMARY KEY (showtime_id, category_id, ticket_type_id)
);

CREATE FUNCTION bo_type_price_not_full() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM ticket_type WHERE id = NEW.ticket_type_id AND code = 'full';
    IF FOUND THEN
        RAISE EXCEPTION 'the full price of a showtime lives in showtime_price' USING ERRCODE = '22023';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER showtime_type_price_not_full BEFORE INSERT OR UPDATE OF ticket_type_id ON showtime_type_price
    FOR EACH ROW EXECUTE FUNCTION bo_type_price_not_full();

-- Every price of a showtime: (showtime, category, ticket type, price).
CREATE VIEW showtime_prices AS
SELECT sp.showtime_id, sp.category_id, tt.id AS ticket_type_id, tt.code AS ticket_type, sp.price_minor
FROM showtime_price sp JOIN showtime st ON st.id = sp.showtime_id
JOIN ticket_type tt ON tt.venue_id = st.venue_id AND tt.code = 'full'
UNION ALL
SELECT stp.showtime_id, stp.category_id, tt.id, tt.code, stp.price_minor
FROM showtime_type_price stp JOIN ticket_type tt ON tt.id = stp.ticket_type_id;

-- Audited like showtime_price: {"prices": {"<category> · <type>": {"old", "new"}}}.
CREATE FUNCTION bo_audit_type_prices() RETURNS trigger LANGUAGE plpgsql AS $$
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
CREATE TRIGGER showtime_type_price_audit_insert AFTER INSERT ON showtime_type_price
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bo_audit_type_prices();
CREATE TRIGGER showtime_type_price_audit_update AFTER UPDATE ON showtime_type_price
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bo_audit_type_prices();
CREATE TRIGGER showtime_type_price_audit_delete AFTER DELETE ON showtime_type_price
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bo_audit_type_prices();

-- ---------------------------------------------------------------------------
-- Price rules
-- ---------------------------------------------------------------------------
CREATE TABLE price_rule (
    id serial PRIMARY KEY,
    venue_id integer NOT NULL REFERENCES venue(id) ON DELETE CASCADE,
    plan_id integer REFERENCES seating_plan(id) ON DELETE CASCADE,        -- NULL: every plan of the venue
    name varchar(100) NOT NULL CHECK (btrim(name) <> ''),
    weekdays smallint[] NOT NULL DEFAULT '{1,2,3,4,5,6,7}',              -- ISO 8601: 1 Monday .. 7 Sunday
    from_time time,                                                       -- local start time >= from_time
    until_time time,                                                      -- local start time < until_time
    category_id integer REFERENCES price_category(id) ON DELETE CASCADE, -- NULL: every category
    ticket_type_id integer NOT NULL REFERENCES ticket_type(id) ON DELETE CASCADE,
    kind varchar(10) NOT NULL CHECK (kind IN ('set', 'add', 'percent')),
    amount_minor integer,
    percent numeric(7, 2),
    position integer NOT NULL DEFAULT 0,
    active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT price_rule_weekdays CHECK (cardinality(weekdays) BETWEEN 1 AND 7
                                          AND weekdays <@ '{1,2,3,4,5,6,7}'::smallint[]),
    CONSTRAINT price_rule_window CHECK (from_time IS NULL OR until_time IS NULL OR from_time < until_time),
    CONSTRAINT price_rule_adjustment CHECK (
        (kind = 'percent' AND percent IS NOT NULL AND amount_minor IS NULL AND percent BETWEEN -100 AND 1000)
        OR (kind = 'set' AND amount_minor IS NOT NULL AND percent IS NULL AND amount_minor BETWEEN 0 AND 10000000)
        OR (kind = 'add' AND amount_minor IS NOT NULL AND percent IS NULL AND abs(amount_minor) <= 10000000))
);
CREATE INDEX price_rule_venue_idx ON price_rule (venue_id, position);

-- ---------------------------------------------------------------------------
-- Seat blocks
-- ---------------------------------------------------------------------------
ALTER TABLE inventory ADD COLUMN block_reason varchar(200);

-- Block available seats (house seats, kills, broken seats), all-or-nothing, rows locked
-- in seat order. Returns how many seats were blocked (seats already blocked count as
-- done). BO001 (DETAIL: seat ids) when a seat is sold or held; 22023 no seats or reason.
CREATE FUNCTION bo_block(p_showtime integer, p_seats integer[], p_reason text) RETURNS integer
LANGUAGE plpgsql AS $$
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
END $$;

-- Release blocked seats back to sale; returns how many were released (others: ignored).
CREATE FUNCTION bo_unblock(p_showtime integer, p_seats integer[]) RETURNS integer LANGUAGE plpgsql AS $$
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
END $$;

-- The block audit of 0004, now with the reason (of the block; for a release, the old one).
CREATE OR REPLACE FUNCTION bo_audit_blocks() RETURNS trigger LANGUAGE plpgsql AS $$
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
"""

DROP = r"""
DROP FUNCTION IF EXISTS bo_block, bo_unblock;
ALTER TABLE inventory DROP COLUMN IF EXISTS block_reason;
DROP TABLE IF EXISTS price_rule;
DROP VIEW IF EXISTS showtime_prices;
DROP TABLE IF EXISTS showtime_type_price;
DROP FUNCTION IF EXISTS bo_audit_type_prices, bo_type_price_not_full;
DROP TRIGGER IF EXISTS venue_ticket_types ON venue;
DROP FUNCTION IF EXISTS bo_venue_ticket_types, bo_seed_ticket_types;
DROP TABLE IF EXISTS ticket_type;
DROP TRIGGER IF EXISTS show_duration_changed ON show;
DROP TRIGGER IF EXISTS showtime_fill ON showtime;
DROP FUNCTION IF EXISTS bo_show_duration_changed, bo_showtime_fill;
ALTER TABLE showtime DROP CONSTRAINT IF EXISTS showtime_no_overlap,
    DROP CONSTRAINT IF EXISTS showtime_ends_after_start, DROP CONSTRAINT IF EXISTS showtime_cancelled_when,
    DROP CONSTRAINT IF EXISTS showtime_sale_window,
    DROP COLUMN IF EXISTS venue_id, DROP COLUMN IF EXISTS ends_at, DROP COLUMN IF EXISTS on_sale_at,
    DROP COLUMN IF EXISTS off_sale_at, DROP COLUMN IF EXISTS cancelled_at, DROP COLUMN IF EXISTS cancel_reason;
DROP INDEX IF EXISTS showtime_venue_starts_idx;
DROP FUNCTION IF EXISTS bo_showtime_slot, bo_sale_refusal;
ALTER TABLE show DROP COLUMN IF EXISTS rating, DROP COLUMN IF EXISTS image, DROP COLUMN IF EXISTS image_type;
"""
# The downgrade then puts back the earlier versions of bo_hold, bo_sell, bo_book and
# bo_audit_blocks, written out here as they stood before this revision.

# bo_hold as 0001 wrote it.
_BO_HOLD_0001 = r"""CREATE OR REPLACE FUNCTION bo_hold(p_showtime integer, p_seats integer[], p_token uuid,
                        p_channel text, p_seconds integer)
RETURNS timestamptz LANGUAGE plpgsql AS $$
DECLARE
    wanted integer[];
    got integer[];
    expires timestamptz := now() + make_interval(secs => p_seconds);
BEGIN
    IF p_token IS NULL OR p_channel IS NULL OR p_seconds IS NULL OR p_seconds <= 0 THEN
        RAISE EXCEPTION 'bo_hold needs a token, a channel and a positive lifetime'
            USING ERRCODE = '22023';
    END IF;
    SELECT coalesce(array_agg(DISTINCT s ORDER BY s), '{}') INTO wanted FROM unnest(p_seats) s;
    IF cardinality(wanted) = 0 THEN
        RAISE EXCEPTION 'bo_hold needs at least one seat' USING ERRCODE = '22023';
    END IF;
    PERFORM 1 FROM showtime WHERE id = p_showtime AND status = 'on_sale';
    IF NOT FOUND THEN
        RAISE EXCEPTION 'showtime % is not on sale', p_showtime USING ERRCODE = 'BO003';
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
END $$;"""

# bo_sell as 0001 wrote it.
_BO_SELL_0001 = r"""CREATE OR REPLACE FUNCTION bo_sell(p_showtime integer, p_seats integer[], p_token uuid, p_channel text)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    wanted integer[];
    got integer[];
BEGIN
    SELECT coalesce(array_agg(DISTINCT s ORDER BY s), '{}') INTO wanted FROM unnest(p_seats) s;
    IF cardinality(wanted) = 0 THEN
        RAISE EXCEPTION 'bo_sell needs at least one seat' USING ERRCODE = '22023';
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
END $$;"""

# bo_book as 0002 wrote it.
_BO_BOOK_0002 = r"""CREATE OR REPLACE FUNCTION bo_book(p_showtime integer, p_token uuid, p_channel text, p_seconds integer,
                        p_email text DEFAULT NULL)
RETURNS uuid LANGUAGE plpgsql AS $$
DECLARE
    seats integer[];
    new_booking uuid := gen_random_uuid();
    new_token uuid := gen_random_uuid();
    expires timestamptz := now() + make_interval(secs => p_seconds);
    unpriced integer[];
    v_currency varchar(3);
BEGIN
    IF p_token IS NULL OR p_channel IS NULL OR p_seconds IS NULL OR p_seconds <= 0 THEN
        RAISE EXCEPTION 'bo_book needs a token, a channel and a positive lifetime' USING ERRCODE = '22023';
    END IF;
    SELECT v.currency INTO v_currency
    FROM showtime st JOIN seating_plan p ON p.id = st.plan_id JOIN venue v ON v.id = p.venue_id
    WHERE st.id = p_showtime AND st.status = 'on_sale';
    IF NOT FOUND THEN
        RAISE EXCEPTION 'showtime % is not on sale', p_showtime USING ERRCODE = 'BO003';
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
END $$;"""

# bo_audit_blocks as 0004 wrote it.
_BO_AUDIT_BLOCKS_0004 = r"""CREATE OR REPLACE FUNCTION bo_audit_blocks() RETURNS trigger LANGUAGE plpgsql AS $$
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
               jsonb_agg(n.seat_id ORDER BY n.seat_id) AS seat_ids
        FROM new_rows n JOIN old_rows o ON o.showtime_id = n.showtime_id AND o.seat_id = n.seat_id
        WHERE (o.state = 'blocked') <> (n.state = 'blocked')
        GROUP BY n.showtime_id, n.state = 'blocked'
        ORDER BY n.showtime_id
    LOOP
        PERFORM bo_audit(CASE WHEN r.blocked THEN 'seat_block' ELSE 'seat_release' END, 'showtime ' || r.showtime_id,
                         jsonb_build_object('showtime_id', r.showtime_id, 'seats', r.seats, 'seat_ids', r.seat_ids));
    END LOOP;
    RETURN NULL;
END $$;"""


def upgrade() -> None:
    op.execute(SCHEMA)


def downgrade() -> None:
    op.execute(DROP)
    for sql in (_BO_HOLD_0001, _BO_SELL_0001, _BO_BOOK_0002, _BO_AUDIT_BLOCKS_0004):
        op.execute(sql)
