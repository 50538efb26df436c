"""The online channel's and the door's contract: every write is a SECURITY DEFINER
function that checks its caller (docs/security.md, docs/channel-contract.md).

Web channel (``bo_require('web')``: members of ``bo_web`` and the system principal):

* ``bo_book`` / ``bo_end_booking`` become SECURITY DEFINER with the web check and use
  ``clock_timestamp()`` (a transaction opened before a hold lapsed cannot book it);
* ``bo_confirm_booking`` sells a pending booking's seats at its booked prices and writes
  the order, tickets and payment inside the database (a web login cannot read the
  booking's hold token); web only;
* ``bo_book``, ``bo_end_booking``, ``bo_confirm_booking`` and the SECURITY DEFINER of
  ``bo_audit_sale``, ``bo_hold``, ``bo_release`` are also in the counter's contract
  revision (0011, which must come before this one): each is defined here only if no
  earlier revision did (a guard), and marked with a comment so that the downgrade undoes
  only what this revision did;
* ``bo_refund_booking`` applies the refund policy with the database clock (BO040 when
  refunds have closed); staff need ``refund_any``;
* ``bo_payment_session_open``, ``bo_gateway_decide`` (the stand-in gateway),
  ``bo_payment_event`` (one webhook event, once per event id; a paid session stays paid
  when a later ``payment.succeeded`` arrives) and ``bo_tidy`` (the tidy job);
* ``channel_secret`` is dropped: the webhook secret is the web server's own setting
  (``BOXOFFICE_WEBHOOK_SECRET`` or ``<data dir>/webhook-secret``); the old value is not
  migrated.

Door: ``bo_admit`` / ``bo_exit`` need ``scan``; ``bo_resolve_conflict`` needs
``reports``; ``bo_set_doors_open`` needs ``setup``. (Order codes and reprints are the
device keys' revision: ``bo_claim_codes``, ``bo_reissue_key``.)

Revision ID: 0012_web_door_contract
Revises: 0011_counter_contract
Create Date: 2026-11-30
"""

from alembic import op

revision = "0012_web_door_contract"
down_revision = "0011_counter_contract"
branch_labels = None
depends_on = None

UPGRADE = r"""
-- ---------------------------------------------------------------------------
-- The online channel's bookings: SECURITY DEFINER, web only (system passes)
-- ---------------------------------------------------------------------------

-- bo_book and bo_end_booking become SECURITY DEFINER, web only, by the database clock.
-- The counter's contract revision (0011, applied before this one) defines them too, with
-- hold ownership: then this revision leaves them be. The comment marks the definitions
-- made here, for the downgrade.
DO $guard$
BEGIN
    IF NOT (SELECT prosecdef FROM pg_proc WHERE oid = 'bo_book(integer, uuid, text, integer, text)'::regprocedure) THEN
        -- Turn the live hold p_token has on p_showtime into a pending booking lasting
        -- p_seconds, priced at the showtime's current prices; the seats move to the
        -- booking's own token.
        EXECUTE $def$CREATE OR REPLACE FUNCTION bo_book(p_showtime integer, p_token uuid, p_channel text, p_seconds integer,
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
        WHERE showtime_id = p_showtime AND state = 'held' AND hold_token = p_token
          AND hold_expires_at > clock_timestamp()
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
    expires := clock_timestamp() + make_interval(secs => p_seconds);
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
END $$;$def$;
        COMMENT ON FUNCTION bo_book(integer, uuid, text, integer, text) IS '0012_web_door_contract';
    END IF;
    IF NOT (SELECT prosecdef FROM pg_proc WHERE oid = 'bo_end_booking(uuid, text)'::regprocedure) THEN
        -- End a pending booking as cancelled or expired and release its seats.
        EXECUTE $def$CREATE OR REPLACE FUNCTION bo_end_booking(p_booking uuid, p_status text)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    b booking%ROWTYPE;
BEGIN
    PERFORM bo_require('web');
    IF p_status IS NULL OR p_status NOT IN ('cancelled', 'expired') THEN
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
END $$;$def$;
        COMMENT ON FUNCTION bo_end_booking(uuid, text) IS '0012_web_door_contract';
    END IF;
END $guard$;

-- Internal (no grants): end p_booking if it is still pending, as 'expired' when it has
-- lapsed, else as p_status; whether it was pending.
CREATE FUNCTION bo_end_booking_if_pending(p_booking uuid, p_status text)
RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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

-- The status of a booking moves only forward; confirming needs a live booking (the
-- database clock at the moment of change, not the transaction's start).
CREATE OR REPLACE FUNCTION bo_booking_transition() RETURNS trigger LANGUAGE plpgsql AS $$
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

-- Confirm a pending, live booking as paid (p_method card or online, p_reference the
-- payment's reference): sell its seats at the prices it was booked at, write the order,
-- its tickets and the payment. The web channel only (on a verified payment; staff take
-- payments at the counter). Returns {"order_id", "number", "ticket_ids", "total_minor",
-- "tendered_minor", "change_minor", "currency", "method"}. The counter's contract
-- revision (0011, applied before this one) defines the same function: then this revision
-- leaves it be.
DO $guard$
BEGIN
    IF to_regprocedure('bo_confirm_booking(uuid, text, text)') IS NULL THEN
        EXECUTE $def$
CREATE FUNCTION bo_confirm_booking(p_booking uuid, p_method text, p_reference text)
RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    b booking%ROWTYPE;
    seats integer[];
    booked integer;
    v_order orders%ROWTYPE;
    v_tickets bigint[];
BEGIN
    PERFORM bo_require('web');
    IF p_method IS NULL OR p_method NOT IN ('card', 'online') THEN
        RAISE EXCEPTION 'a booking is paid by card or online, not %', p_method USING ERRCODE = '22023';
    END IF;
    IF length(p_reference) > 100 THEN
        RAISE EXCEPTION 'a payment reference has at most 100 characters' USING ERRCODE = '22023';
    END IF;
    SELECT * INTO b FROM booking WHERE id = p_booking FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'booking % does not exist', p_booking USING ERRCODE = 'P0002';
    END IF;
    IF b.status = 'expired' OR (b.status = 'pending' AND b.expires_at <= clock_timestamp()) THEN
        RAISE EXCEPTION 'booking % has expired', b.id USING ERRCODE = 'BO006';
    END IF;
    IF b.status <> 'pending' THEN
        RAISE EXCEPTION 'booking % is %', b.id, b.status USING ERRCODE = 'BO005';
    END IF;
    SELECT array_agg(seat_id ORDER BY seat_id), sum(price_minor) INTO seats, booked
    FROM booking_seat WHERE booking_id = b.id;
    IF booked IS DISTINCT FROM b.total_minor THEN
        RAISE EXCEPTION 'booking % is inconsistent (seats %, total %)', b.id, booked, b.total_minor
            USING ERRCODE = 'XX000';
    END IF;
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
    UPDATE booking SET status = 'confirmed', order_id = v_order.id, confirmed_at = clock_timestamp()
    WHERE id = b.id;
    RETURN jsonb_build_object('order_id', v_order.id, 'number', v_order.number, 'ticket_ids', to_jsonb(v_tickets),
                              'total_minor', b.total_minor, 'tendered_minor', b.total_minor, 'change_minor', 0,
                              'currency', b.currency, 'method', p_method);
END $$$def$;
        COMMENT ON FUNCTION bo_confirm_booking(uuid, text, text) IS '0012_web_door_contract';
        REVOKE ALL ON FUNCTION bo_confirm_booking(uuid, text, text) FROM PUBLIC;
        GRANT EXECUTE ON FUNCTION bo_confirm_booking(uuid, text, text) TO bo_web;
    END IF;
END $guard$;

-- Refund a confirmed booking under the refund policy (docs/channel-contract.md): 100 %
-- 48 h or more before the start or when the venue cancelled, 50 % (rounded up) from 2 h,
-- refused (BO040, DETAIL the start) later. Voids the tickets, frees the seats, records the
-- refund. The web channel, or staff who may refund anyone's sale. p_at (the time the
-- policy is applied at) is for the system principal only (tests, the command line).
-- Returns {"amount_minor", "percent", "rule", "tickets_voided"}.
CREATE FUNCTION bo_refund_booking(p_booking uuid, p_at timestamptz DEFAULT NULL)
RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    b booking%ROWTYPE;
    st showtime%ROWTYPE;
    at_ timestamptz := clock_timestamp();
    pct integer;
    amount integer;
    v_rule text;
    voided integer;
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
    voided := bo_refund_order(b.order_id);
    INSERT INTO refund (order_id, amount_minor, reason) VALUES (b.order_id, amount, v_rule);
    UPDATE booking SET status = 'refunded', ended_at = clock_timestamp() WHERE id = b.id;
    RETURN jsonb_build_object('amount_minor', amount, 'percent', pct, 'rule', v_rule, 'tickets_voided', voided);
END $$;

-- ---------------------------------------------------------------------------
-- Payments: sessions, the stand-in gateway's decision, webhook events
-- ---------------------------------------------------------------------------

-- Open a payment session for a pending, live booking, for its total, expiring with it;
-- an open session the buyer has not finished is returned again. Returns its id.
CREATE FUNCTION bo_payment_session_open(p_booking uuid)
RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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

-- The stand-in gateway (it runs in the web server): the buyer finishes p_session with
-- p_outcome (succeeded or failed); the first decision stands ('expired' after the
-- session's expiry). Whether a session of that id exists.
CREATE FUNCTION bo_gateway_decide(p_session text, p_outcome text)
RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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

-- Internal (no grants): set a payment session's status, remembering when it completed.
CREATE FUNCTION bo_payment_session_set(p_session text, p_status text)
RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    UPDATE payment_session SET status = p_status, completed_at = coalesce(completed_at, clock_timestamp())
    WHERE id = p_session
$$;

-- Apply one payment event, exactly once per event id (the web server has verified its
-- signature; the payload is the signed body). Returns whether it was a duplicate (then
-- nothing changed and the first outcome is returned), the outcome and the booking:
--   payment.succeeded: confirmed (tickets issued, bo_confirm_booking); refund_due when the
--     booking can no longer be sold (it ends as cancelled) or the amount differs
--     (refund_due_amount_mismatch); on a session already failed or expired: refund_due;
--     on a session already paid: ignored_session_succeeded (a paid session stays paid);
--   payment.failed: kept_pending (the booking waits for a retry);
--   payment.expired: booking_expired (a pending booking ends, its seats are freed) or
--     session_expired; ignored_unknown_session, ignored_session_<status> otherwise.
CREATE FUNCTION bo_payment_event(p_event text, p_type text, p_session text, p_payload jsonb)
RETURNS TABLE (event_duplicate boolean, event_outcome text, event_booking uuid)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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

-- The tidy job: mark lapsed pending bookings expired, return lapsed seat holds to
-- available and drop lapsed general-admission holds; rows locked by others are skipped
-- (SKIP LOCKED) and tidied next time. Returns how many bookings and seat holds.
CREATE FUNCTION bo_tidy() RETURNS TABLE (bookings_expired integer, holds_released integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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
        WHERE i.state = 'held' AND i.hold_expires_at <= clock_timestamp()
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

-- The web channel commits sales as a login that may not call bo_audit: the deferred sale
-- audit trigger runs as the owner. And, until the counter's contract revision replaces
-- bo_hold/bo_release with caller checks, they run as the owner too (EXECUTE is granted to
-- sellers and the web only, by 0009). Each is changed only if no revision did it before;
-- the comment marks what was changed here, for the downgrade.
DO $guard$
DECLARE
    f regprocedure;
BEGIN
    FOREACH f IN ARRAY ARRAY['bo_audit_sale()'::regprocedure,
                             'bo_hold(integer, integer[], uuid, text, integer)'::regprocedure,
                             'bo_release(integer, integer[], uuid)'::regprocedure] LOOP
        IF NOT (SELECT prosecdef FROM pg_proc WHERE oid = f) THEN
            EXECUTE format('ALTER FUNCTION %s SECURITY DEFINER SET search_path = public, pg_temp', f);
            EXECUTE format('COMMENT ON FUNCTION %s IS %L', f, '0012_web_door_contract');
        END IF;
    END LOOP;
END $guard$;

-- The webhook secret lives in the web server's configuration now (docs/web-api.md).
DROP TABLE channel_secret;

-- ---------------------------------------------------------------------------
-- The door
-- ---------------------------------------------------------------------------

-- Admit a ticket (see migration 0003): one conditional UPDATE of the ticket row. Needs
-- 'scan'. An offline upload (p_offline_id, p_scanned_at: the door's clock, at most 5
-- minutes ahead of the database's) is idempotent and records a refusal as a conflict.
CREATE OR REPLACE FUNCTION bo_admit(p_ticket bigint, p_serial integer, p_showtime integer, p_gate text, p_device text,
                                    p_serving integer[] DEFAULT NULL, p_offline_id uuid DEFAULT NULL,
                                    p_scanned_at timestamptz DEFAULT NULL)
RETURNS bo_admission_verdict LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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

-- Let a ticket out (re-entry allowed later). Needs 'scan'.
CREATE OR REPLACE FUNCTION bo_exit(p_ticket bigint, p_serial integer, p_showtime integer, p_gate text, p_device text,
                                   p_serving integer[] DEFAULT NULL, p_offline_id uuid DEFAULT NULL,
                                   p_scanned_at timestamptz DEFAULT NULL)
RETURNS bo_admission_verdict LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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

-- Close an admission conflict once followed up, with a note (at most 500 characters);
-- records who (the caller) and when, audited as admission_conflict.resolve. Needs
-- 'reports'. Refuses a conflict resolved already (22023) or unknown (P0002).
CREATE FUNCTION bo_resolve_conflict(p_conflict bigint, p_note text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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

-- Move when the doors of a showtime open (NULL: the default, 45 minutes before the
-- start). Needs 'setup'; audited as doors_open.
CREATE FUNCTION bo_set_doors_open(p_showtime integer, p_doors_open_at timestamptz)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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

-- ---------------------------------------------------------------------------
-- Grants
-- ---------------------------------------------------------------------------
REVOKE ALL ON FUNCTION bo_end_booking_if_pending(uuid, text), bo_refund_booking(uuid, timestamptz), bo_payment_session_open(uuid), bo_gateway_decide(text, text),
    bo_payment_session_set(text, text), bo_payment_event(text, text, text, jsonb), bo_tidy(),
    bo_resolve_conflict(bigint, text), bo_set_doors_open(integer, timestamptz)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bo_book(integer, uuid, text, integer, text), bo_end_booking(uuid, text),
    bo_payment_session_open(uuid), bo_gateway_decide(text, text), bo_payment_event(text, text, text, jsonb),
    bo_tidy() TO bo_web;
GRANT EXECUTE ON FUNCTION bo_refund_booking(uuid, timestamptz) TO bo_web, bo_manager, bo_admin;
GRANT EXECUTE ON FUNCTION bo_resolve_conflict(bigint, text), bo_set_doors_open(integer, timestamptz)
    TO bo_manager, bo_admin;
"""

DOWNGRADE = r"""
DROP FUNCTION bo_set_doors_open(integer, timestamptz);
DROP FUNCTION bo_resolve_conflict(bigint, text);
DROP FUNCTION bo_tidy();
DROP FUNCTION bo_payment_event(text, text, text, jsonb);
DROP FUNCTION bo_payment_session_set(text, text);
DROP FUNCTION bo_gateway_decide(text, text);
DROP FUNCTION bo_payment_session_open(uuid);
DROP FUNCTION bo_refund_booking(uuid, timestamptz);
DROP FUNCTION bo_end_booking_if_pending(uuid, text);

CREATE TABLE channel_secret (
    name varchar(60) PRIMARY KEY,
    value text NOT NULL CHECK (length(value) >= 32),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- What this revision made SECURITY DEFINER (marked by its comment) goes back to 0009.
DO $guard$
DECLARE
    f regprocedure;
BEGIN
    IF obj_description(to_regprocedure('bo_confirm_booking(uuid, text, text)'), 'pg_proc') = '0012_web_door_contract' THEN
        DROP FUNCTION bo_confirm_booking(uuid, text, text);
    END IF;
    FOREACH f IN ARRAY ARRAY['bo_audit_sale()'::regprocedure,
                             'bo_hold(integer, integer[], uuid, text, integer)'::regprocedure,
                             'bo_release(integer, integer[], uuid)'::regprocedure] LOOP
        IF obj_description(f, 'pg_proc') = '0012_web_door_contract' THEN
            EXECUTE format('ALTER FUNCTION %s SECURITY INVOKER', f);
            EXECUTE format('ALTER FUNCTION %s RESET search_path', f);
            EXECUTE format('COMMENT ON FUNCTION %s IS NULL', f);
        END IF;
    END LOOP;
END $guard$;

-- The 0009 definitions (SECURITY INVOKER, no caller checks, now()).
DO $guard$
BEGIN
    IF obj_description('bo_book(integer, uuid, text, integer, text)'::regprocedure, 'pg_proc') = '0012_web_door_contract' THEN
        EXECUTE $def$CREATE OR REPLACE FUNCTION bo_book(p_showtime integer, p_token uuid, p_channel text, p_seconds integer, p_email text DEFAULT NULL::text) RETURNS uuid
    LANGUAGE plpgsql
    AS $$
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
END $$;$def$;
        COMMENT ON FUNCTION bo_book(integer, uuid, text, integer, text) IS NULL;
    END IF;
    IF obj_description('bo_end_booking(uuid, text)'::regprocedure, 'pg_proc') = '0012_web_door_contract' THEN
        EXECUTE $def$CREATE OR REPLACE FUNCTION bo_end_booking(p_booking uuid, p_status text) RETURNS integer
    LANGUAGE plpgsql
    AS $$
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
END $$;$def$;
        COMMENT ON FUNCTION bo_end_booking(uuid, text) IS NULL;
    END IF;
END $guard$;



CREATE OR REPLACE FUNCTION bo_admit(p_ticket bigint, p_serial integer, p_showtime integer, p_gate text, p_device text, p_serving integer[] DEFAULT NULL::integer[], p_offline_id uuid DEFAULT NULL::uuid, p_scanned_at timestamp with time zone DEFAULT NULL::timestamp with time zone) RETURNS public.bo_admission_verdict
    LANGUAGE plpgsql
    AS $$
DECLARE
    v bo_admission_verdict;
    when_at timestamptz := coalesce(p_scanned_at, now());
    doors timestamptz;
    tries integer := 0;
BEGIN
    IF p_ticket IS NULL OR p_showtime IS NULL OR coalesce(p_gate, '') = '' OR coalesce(p_device, '') = ''
       OR (p_offline_id IS NULL) <> (p_scanned_at IS NULL) THEN
        RAISE EXCEPTION 'bo_admit needs a ticket, a showtime, a gate and a device (and an offline id with its time)'
            USING ERRCODE = '22023';
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
            IF p_offline_id IS NULL AND doors IS NOT NULL AND now() < doors THEN
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

CREATE OR REPLACE FUNCTION bo_exit(p_ticket bigint, p_serial integer, p_showtime integer, p_gate text, p_device text, p_serving integer[] DEFAULT NULL::integer[], p_offline_id uuid DEFAULT NULL::uuid, p_scanned_at timestamp with time zone DEFAULT NULL::timestamp with time zone) RETURNS public.bo_admission_verdict
    LANGUAGE plpgsql
    AS $$
DECLARE
    v bo_admission_verdict;
    when_at timestamptz := coalesce(p_scanned_at, now());
    tries integer := 0;
BEGIN
    IF p_ticket IS NULL OR p_showtime IS NULL OR coalesce(p_gate, '') = '' OR coalesce(p_device, '') = ''
       OR (p_offline_id IS NULL) <> (p_scanned_at IS NULL) THEN
        RAISE EXCEPTION 'bo_exit needs a ticket, a showtime, a gate and a device' USING ERRCODE = '22023';
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

CREATE OR REPLACE FUNCTION bo_booking_transition() RETURNS trigger
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
    IF NEW.status = 'confirmed' AND OLD.expires_at <= now() THEN
        RAISE EXCEPTION 'booking % expired at %', OLD.id, OLD.expires_at USING ERRCODE = 'BO006';
    END IF;
    RETURN NEW;
END $$;

"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
