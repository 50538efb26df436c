"""The online channel: bookings, payment sessions, webhook events, refunds, void tickets.

Like 0001 this is the database contract written out by hand (docs/channel-contract.md,
"Bookings"). The guarantees a third-party client could otherwise break live here:

* ``bo_book`` turns a live hold into a pending booking in one call: it re-keys the held
  seats to the booking's own (internal) token and makes the hold expire exactly when
  the booking does, so a lapsed pending booking frees its seats by lazy expiry;
* a trigger allows only the status transitions pending -> confirmed | cancelled |
  expired and confirmed -> refunded, and no confirmation of a lapsed booking;
* ``bo_end_booking`` cancels or expires a pending booking and releases its seats;
* ``bo_refund_order`` voids an order's valid tickets and returns their seats to sale;
* a voided ticket never becomes valid again, and the partial unique index
  ``ticket_one_live_per_seat`` (status = 'valid') already ignores it;
* at most one undecided and one succeeded payment session per booking; a webhook event id
  is processed once (primary key).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SCHEMA = r"""
-- ---------------------------------------------------------------------------
-- Tickets: a void ticket records when it was voided and never comes back.
-- ---------------------------------------------------------------------------
ALTER TABLE ticket ADD COLUMN voided_at timestamptz;
UPDATE ticket SET voided_at = now() WHERE status <> 'valid';
ALTER TABLE ticket ADD CONSTRAINT ticket_voided_when_not_valid
    CHECK ((status = 'valid') = (voided_at IS NULL));

CREATE FUNCTION bo_ticket_status_one_way() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status <> 'valid' AND NEW.status <> OLD.status THEN
        RAISE EXCEPTION 'ticket % is % and cannot become %', OLD.id, OLD.status, NEW.status
            USING ERRCODE = 'BO008';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER ticket_status_one_way BEFORE UPDATE OF status ON ticket
    FOR EACH ROW EXECUTE FUNCTION bo_ticket_status_one_way();

-- The gateway's reference of a card or online payment (NULL for cash).
ALTER TABLE payment ADD COLUMN reference varchar(100);

-- The tidy job looks for lapsed holds; without this it would scan all inventory.
CREATE INDEX inventory_held_expiry_idx ON inventory (hold_expires_at) WHERE state = 'held';

-- ---------------------------------------------------------------------------
-- Bookings
-- ---------------------------------------------------------------------------
CREATE TABLE booking (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    showtime_id integer NOT NULL REFERENCES showtime(id),
    channel varchar(60) NOT NULL,
    -- The token that holds the seats while pending: internal, never shown to buyers.
    hold_token uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    -- The buyer's hold this booking came from (its seats were re-keyed to hold_token).
    source_token uuid NOT NULL UNIQUE,
    status varchar(12) NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'confirmed', 'cancelled', 'expired', 'refunded')),
    email varchar(254),
    currency varchar(3) NOT NULL,
    total_minor integer NOT NULL CHECK (total_minor >= 0),
    expires_at timestamptz NOT NULL,
    order_id integer UNIQUE REFERENCES orders(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    confirmed_at timestamptz,
    ended_at timestamptz,
    CONSTRAINT booking_order_when_sold
        CHECK ((status IN ('confirmed', 'refunded')) = (order_id IS NOT NULL)),
    CONSTRAINT booking_expiry_after_creation CHECK (expires_at > created_at)
);
CREATE INDEX booking_pending_expiry_idx ON booking (expires_at) WHERE status = 'pending';

CREATE TABLE booking_seat (
    booking_id uuid NOT NULL REFERENCES booking(id) ON DELETE CASCADE,
    seat_id integer NOT NULL REFERENCES seat(id),
    category_id integer NOT NULL REFERENCES price_category(id),
    price_minor integer NOT NULL CHECK (price_minor >= 0),
    PRIMARY KEY (booking_id, seat_id)
);

-- What a channel must act on: a pending booking whose expiry has passed is expired,
-- whether or not the tidy job has marked it (lazy expiry, like inventory_live).
CREATE VIEW booking_live AS
SELECT id, showtime_id, channel, hold_token, source_token,
       CASE WHEN status = 'pending' AND expires_at <= now() THEN 'expired' ELSE status END AS status,
       email, currency, total_minor, expires_at, order_id, created_at, confirmed_at, ended_at
FROM booking;

-- Only these transitions; a lapsed pending booking cannot be confirmed.
CREATE FUNCTION bo_booking_transition() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status = OLD.status THEN
        RETURN NEW;
    END IF;
    IF NOT ((OLD.status = 'pending' AND NEW.status IN ('confirmed', 'cancelled', 'expired'))
            OR (OLD.status = 'confirmed' AND NEW.status = 'refunded')) THEN
        RAISE EXCEPTION 'booking % cannot go from % to %', OLD.id, OLD.status, NEW.status
            USING ERRCODE = 'BO005';
    END IF;
    IF NEW.status = 'confirmed' AND OLD.expires_at <= now() THEN
        RAISE EXCEPTION 'booking % expired at %', OLD.id, OLD.expires_at USING ERRCODE = 'BO006';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER booking_transition BEFORE UPDATE OF status ON booking
    FOR EACH ROW EXECUTE FUNCTION bo_booking_transition();

-- Turn p_token's live holds on p_showtime into a pending booking that lasts p_seconds.
-- The seats are re-keyed to the booking's own token, with the booking's expiry, so
-- p_token no longer holds (or can release) them. Prices come from showtime_price.
-- Returns the booking id. Errors: BO002 the token holds no live seats of the showtime,
-- BO003 not on sale, BO007 a seat has no price, 23505 (booking_source_token_key) the
-- hold was booked already, 22023 bad arguments.
CREATE FUNCTION bo_book(p_showtime integer, p_token uuid, p_channel text, p_seconds integer,
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
END $$;

-- End a pending booking as 'cancelled' or 'expired' and release the seats it holds.
-- Returns how many seats were released (0 when the hold had already lapsed).
-- Errors: BO005 the booking is not pending, 22023 bad status, P0002 no such booking.
CREATE FUNCTION bo_end_booking(p_booking uuid, p_status text) RETURNS integer LANGUAGE plpgsql AS $$
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
END $$;

-- Void an order's valid tickets as 'refunded' and return their seats to sale, in one
-- call: inventory rows are locked in (showtime, seat) order first. Returns how many
-- tickets were voided (0 when none was valid).
CREATE FUNCTION bo_refund_order(p_order integer) RETURNS integer LANGUAGE plpgsql AS $$
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
END $$;

-- ---------------------------------------------------------------------------
-- Payments (stand-in gateway), webhook events, refunds, channel secrets
-- ---------------------------------------------------------------------------
CREATE TABLE payment_session (
    id varchar(40) PRIMARY KEY,
    booking_id uuid NOT NULL REFERENCES booking(id),
    amount_minor integer NOT NULL CHECK (amount_minor >= 0),
    currency varchar(3) NOT NULL,
    -- What we learned from webhooks.
    status varchar(12) NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'succeeded', 'failed', 'expired', 'refund_due')),
    -- What the stand-in gateway's buyer did (NULL: not yet); set once.
    outcome varchar(12) CHECK (outcome IN ('succeeded', 'failed', 'expired')),
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    completed_at timestamptz
);
-- One session the buyer has not finished yet per booking, and one that paid.
CREATE UNIQUE INDEX payment_session_one_open ON payment_session (booking_id)
    WHERE status = 'open' AND outcome IS NULL;
CREATE UNIQUE INDEX payment_session_one_paid ON payment_session (booking_id) WHERE status = 'succeeded';

CREATE TABLE webhook_event (
    id varchar(100) PRIMARY KEY,
    type varchar(60) NOT NULL,
    payment_session_id varchar(40),
    outcome varchar(40) NOT NULL DEFAULT 'received',
    payload jsonb NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE refund (
    id serial PRIMARY KEY,
    order_id integer NOT NULL REFERENCES orders(id),
    amount_minor integer NOT NULL CHECK (amount_minor >= 0),
    reason varchar(200) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refund_order_id_idx ON refund (order_id);

CREATE TABLE channel_secret (
    name varchar(60) PRIMARY KEY,
    value text NOT NULL CHECK (length(value) >= 32),
    created_at timestamptz NOT NULL DEFAULT now()
);
"""

DROP = r"""
DROP TABLE IF EXISTS channel_secret, refund, webhook_event, payment_session CASCADE;
DROP FUNCTION IF EXISTS bo_refund_order, bo_end_booking, bo_book;
DROP VIEW IF EXISTS booking_live;
DROP TABLE IF EXISTS booking_seat, booking CASCADE;
DROP FUNCTION IF EXISTS bo_booking_transition;
DROP INDEX IF EXISTS inventory_held_expiry_idx;
ALTER TABLE payment DROP COLUMN IF EXISTS reference;
DROP TRIGGER IF EXISTS ticket_status_one_way ON ticket;
DROP FUNCTION IF EXISTS bo_ticket_status_one_way;
ALTER TABLE ticket DROP CONSTRAINT IF EXISTS ticket_voided_when_not_valid;
ALTER TABLE ticket DROP COLUMN IF EXISTS voided_at;
"""


def upgrade() -> None:
    op.execute(SCHEMA)


def downgrade() -> None:
    op.execute(DROP)
