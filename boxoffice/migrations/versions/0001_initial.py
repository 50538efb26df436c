"""Initial schema: venues, seating plans, showtimes, inventory contract, orders, tickets.

The SQL here is the database contract that every channel relies on; it is written out
by hand so it can be read as such (docs/channel-contract.md explains it).

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

SCHEMA = r"""
CREATE TABLE venue (
    id serial PRIMARY KEY,
    name varchar(200) NOT NULL UNIQUE,
    timezone varchar(64) NOT NULL DEFAULT 'Europe/London',
    currency varchar(3) NOT NULL DEFAULT 'EUR',
    ticket_private_key bytea NOT NULL,
    ticket_public_key bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT venue_key_sizes CHECK (length(ticket_private_key) = 32 AND length(ticket_public_key) = 32)
);

CREATE TABLE seating_plan (
    id serial PRIMARY KEY,
    venue_id integer NOT NULL REFERENCES venue(id) ON DELETE CASCADE,
    name varchar(200) NOT NULL,
    version integer NOT NULL DEFAULT 1,
    width double precision NOT NULL,
    height double precision NOT NULL,
    source jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (venue_id, name, version)
);

CREATE TABLE price_category (
    id serial PRIMARY KEY,
    plan_id integer NOT NULL REFERENCES seating_plan(id) ON DELETE CASCADE,
    name varchar(100) NOT NULL,
    color varchar(16) NOT NULL DEFAULT '#888888',
    position integer NOT NULL DEFAULT 0,
    UNIQUE (plan_id, name)
);

CREATE TABLE section (
    id serial PRIMARY KEY,
    plan_id integer NOT NULL REFERENCES seating_plan(id) ON DELETE CASCADE,
    name varchar(200) NOT NULL,
    position integer NOT NULL DEFAULT 0
);

CREATE TABLE seat (
    id serial PRIMARY KEY,
    plan_id integer NOT NULL REFERENCES seating_plan(id) ON DELETE CASCADE,
    section_id integer NOT NULL REFERENCES section(id) ON DELETE CASCADE,
    category_id integer NOT NULL REFERENCES price_category(id),
    guid varchar(200) NOT NULL,
    row_label varchar(40) NOT NULL,
    seat_number varchar(40) NOT NULL,
    x double precision NOT NULL,
    y double precision NOT NULL,
    radius double precision NOT NULL DEFAULT 10,
    wheelchair boolean NOT NULL DEFAULT false,
    UNIQUE (plan_id, guid)
);
CREATE INDEX seat_plan_id_idx ON seat (plan_id);

CREATE TABLE plan_area (
    id serial PRIMARY KEY,
    plan_id integer NOT NULL REFERENCES seating_plan(id) ON DELETE CASCADE,
    section_id integer REFERENCES section(id) ON DELETE CASCADE,
    shape jsonb NOT NULL
);

CREATE TABLE show (
    id serial PRIMARY KEY,
    title varchar(200) NOT NULL,
    duration_minutes integer NOT NULL DEFAULT 120 CHECK (duration_minutes > 0),
    description text NOT NULL DEFAULT ''
);

CREATE TABLE showtime (
    id serial PRIMARY KEY,
    show_id integer NOT NULL REFERENCES show(id),
    plan_id integer NOT NULL REFERENCES seating_plan(id),
    starts_at timestamptz NOT NULL,
    status varchar(20) NOT NULL DEFAULT 'on_sale'
        CHECK (status IN ('on_sale', 'off_sale', 'cancelled'))
);
CREATE INDEX showtime_starts_at_idx ON showtime (starts_at);

CREATE TABLE showtime_price (
    showtime_id integer NOT NULL REFERENCES showtime(id) ON DELETE CASCADE,
    category_id integer NOT NULL REFERENCES price_category(id),
    price_minor integer NOT NULL,
    PRIMARY KEY (showtime_id, category_id),
    CONSTRAINT price_not_negative CHECK (price_minor >= 0)
);

-- Every change to an inventory row takes the next value: clients keep the highest
-- version they have seen and fetch rows with a greater one.
CREATE SEQUENCE inventory_version_seq;

CREATE TABLE inventory (
    showtime_id integer NOT NULL REFERENCES showtime(id) ON DELETE CASCADE,
    seat_id integer NOT NULL REFERENCES seat(id),
    state varchar(10) NOT NULL DEFAULT 'available'
        CHECK (state IN ('available', 'held', 'sold', 'blocked')),
    hold_token uuid,
    hold_channel varchar(60),
    hold_expires_at timestamptz,
    version bigint NOT NULL DEFAULT nextval('inventory_version_seq'),
    PRIMARY KEY (showtime_id, seat_id),
    CONSTRAINT inventory_hold_complete CHECK (
        state <> 'held' OR (hold_token IS NOT NULL AND hold_expires_at IS NOT NULL))
);
CREATE INDEX inventory_version_idx ON inventory (showtime_id, version);
CREATE INDEX inventory_hold_token_idx ON inventory (hold_token) WHERE hold_token IS NOT NULL;

CREATE SEQUENCE order_number_seq START 1001;

CREATE TABLE orders (
    id serial PRIMARY KEY,
    number varchar(20) NOT NULL UNIQUE
        DEFAULT 'BO-' || lpad(nextval('order_number_seq')::text, 6, '0'),
    channel varchar(60) NOT NULL,
    currency varchar(3) NOT NULL,
    total_minor integer NOT NULL CHECK (total_minor >= 0),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ticket (
    id bigserial PRIMARY KEY,
    order_id integer NOT NULL REFERENCES orders(id),
    showtime_id integer NOT NULL REFERENCES showtime(id),
    seat_id integer NOT NULL REFERENCES seat(id),
    category_id integer NOT NULL REFERENCES price_category(id),
    price_minor integer NOT NULL CHECK (price_minor >= 0),
    status varchar(12) NOT NULL DEFAULT 'valid'
        CHECK (status IN ('valid', 'refunded', 'exchanged', 'void')),
    code_serial integer NOT NULL DEFAULT 1
);
CREATE INDEX ticket_order_id_idx ON ticket (order_id);
-- The last line of defence: never two live tickets for one seat of one showtime,
-- whatever client writes them.
CREATE UNIQUE INDEX ticket_one_live_per_seat ON ticket (showtime_id, seat_id) WHERE status = 'valid';

CREATE TABLE payment (
    id serial PRIMARY KEY,
    order_id integer NOT NULL REFERENCES orders(id),
    method varchar(20) NOT NULL CHECK (method IN ('cash', 'card', 'online')),
    amount_minor integer NOT NULL,
    tendered_minor integer NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT payment_amount_not_negative CHECK (amount_minor >= 0),
    CONSTRAINT payment_tendered_covers_amount CHECK (tendered_minor >= amount_minor)
);

-- ---------------------------------------------------------------------------
-- Inventory contract
-- ---------------------------------------------------------------------------

-- The state a channel must act on: a hold whose expiry has passed is available,
-- whether or not anything has tidied it (lazy expiry).
CREATE VIEW inventory_live AS
SELECT showtime_id, seat_id,
       CASE WHEN state = 'held' AND hold_expires_at <= now() THEN 'available' ELSE state END AS state,
       CASE WHEN state = 'held' AND hold_expires_at > now() THEN hold_token END AS hold_token,
       CASE WHEN state = 'held' AND hold_expires_at > now() THEN hold_channel END AS hold_channel,
       CASE WHEN state = 'held' AND hold_expires_at > now() THEN hold_expires_at END AS hold_expires_at,
       version
FROM inventory;

CREATE FUNCTION bo_inventory_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := nextval('inventory_version_seq');
    RETURN NEW;
END $$;
CREATE TRIGGER inventory_bump_version BEFORE UPDATE ON inventory
    FOR EACH ROW EXECUTE FUNCTION bo_inventory_bump_version();

-- One notification per showtime per transaction: PostgreSQL folds identical
-- (channel, payload) pairs raised in one transaction into one.
CREATE FUNCTION bo_inventory_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    st integer;
BEGIN
    FOR st IN SELECT DISTINCT showtime_id FROM changed_rows LOOP
        PERFORM pg_notify('bo_inventory', st::text);
    END LOOP;
    RETURN NULL;
END $$;
CREATE TRIGGER inventory_notify_update AFTER UPDATE ON inventory
    REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bo_inventory_notify();
CREATE TRIGGER inventory_notify_insert AFTER INSERT ON inventory
    REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bo_inventory_notify();

-- Hold seats for a token: one conditional statement, all-or-nothing, rows locked in
-- seat_id order so that two channels holding overlapping sets cannot deadlock.
-- Returns the hold's expiry. Errors (SQLSTATE): BO001 a seat is not available
-- (DETAIL lists the seat ids), BO003 the showtime is not on sale, 22023 bad arguments.
CREATE FUNCTION bo_hold(p_showtime integer, p_seats integer[], p_token uuid,
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
END $$;

-- Release a token's live holds on the given seats (NULL: all its seats of the
-- showtime). Returns how many were released; releasing nothing is not an error.
CREATE FUNCTION bo_release(p_showtime integer, p_seats integer[], p_token uuid)
RETURNS integer LANGUAGE plpgsql AS $$
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
END $$;

-- Turn a token's live holds into sold seats, all-or-nothing; the caller writes the
-- order and tickets in the same transaction. Errors: BO002 a hold is missing or expired
-- (DETAIL lists the seat ids).
CREATE FUNCTION bo_sell(p_showtime integer, p_seats integer[], p_token uuid, p_channel text)
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
END $$;

-- A live ticket may only exist for a seat that the inventory says is sold.
CREATE FUNCTION bo_ticket_requires_sold_seat() RETURNS trigger LANGUAGE plpgsql AS $$
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
END $$;
CREATE TRIGGER ticket_requires_sold_seat BEFORE INSERT OR UPDATE OF status ON ticket
    FOR EACH ROW EXECUTE FUNCTION bo_ticket_requires_sold_seat();
"""

DROP = r"""
DROP TABLE IF EXISTS payment, ticket, orders, inventory, showtime_price, showtime, show,
    plan_area, seat, section, price_category, seating_plan, venue CASCADE;
DROP VIEW IF EXISTS inventory_live;
DROP SEQUENCE IF EXISTS inventory_version_seq, order_number_seq;
DROP FUNCTION IF EXISTS bo_inventory_bump_version, bo_inventory_notify, bo_hold, bo_release,
    bo_sell, bo_ticket_requires_sold_seat;
"""


def upgrade() -> None:
    op.execute(SCHEMA)


def downgrade() -> None:
    op.execute(DROP)
