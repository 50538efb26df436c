"""The online channel's hold limits without counting live holds on every hold (issue 14).

Migration 0019 checked "live held seats per client / per address" by counting, on every
web hold and twice (client and address), the live seats and places of every token the
key had used in two days, joined with the pending bookings made from them: 5 ms of
database time per count under an on-sale, the largest part of a web hold.

Now every row of ``web_hold_owner`` (one per web hold token, and one per pending
booking's hold token, with the client and address it counts against) also keeps
``seats``, an **upper bound** of what that token holds live (seats and places), good
until ``live_until``. The limit check (``bo_web_admit``, still under the key's row lock)
sums those rows (an index scan of the key's live tokens) and only when that sum would
pass the limit counts exactly (``bo_web_recount``), so a refusal, and the ``left`` it
reports, is as exact as before, and a buyer far from the limits costs a few index reads.

The bound is kept by every path that can make a token hold more, in the transaction
that does it:

* ``bo_web_hold`` / ``bo_web_ga_hold`` record the token's new size (exact: its other
  live seats and places plus the new ones) and stretch ``live_until`` to the new expiry,
  after the hold, under the key locks;
* a booking made from a web hold (``bo_book``, ``bo_book_lines``: a deferred trigger on
  ``booking`` at commit) moves the seats it took to a row of its own hold token, with the
  same keys, good until the booking expires;
* a booking that stops being pending (confirmed, cancelled, expired, refunded; deferred
  trigger) sets its row to what its token still holds (nothing, normally).

Releases and lapses only lower what a token holds, so the bound stays true without
them (a buyer who released seats is counted exactly, ``bo_web_recount``, until
the released hold would have lapsed). Concurrent holds of one client or address are still serialised
by its ``web_client`` row, so their sum cannot pass a limit; a booking's trigger locks
only the rows of its own tokens, never a key, so it cannot deadlock with a hold.

``bo_web_spend`` takes a hold from the key's bucket in one statement (was three).

SQLSTATEs: none new (BO110-BO112 as 0019).

Revision ID: 0028_web_hold_counts
Revises: 0027_import_speed
Create Date: 2026-11-30
"""

from alembic import op

revision = "0028_web_hold_counts"
down_revision = "0027_import_speed"
branch_labels = None
depends_on = None

UPGRADE = r"""
ALTER TABLE web_hold_owner
    ADD COLUMN seats integer NOT NULL DEFAULT 0 CHECK (seats >= 0),
    ADD COLUMN live_until timestamptz;
DROP INDEX web_hold_owner_client_idx;
DROP INDEX web_hold_owner_ip_idx;
CREATE INDEX web_hold_owner_client_live_idx ON web_hold_owner (client_key, live_until) WHERE client_key IS NOT NULL;
CREATE INDEX web_hold_owner_ip_live_idx ON web_hold_owner (ip_key, live_until);

-- What token p_token holds live now, seats and places, and until when (internal).
CREATE FUNCTION bo_web_token_live(p_token uuid, OUT seats integer, OUT until timestamptz)
LANGUAGE sql SET search_path = public, pg_temp AS $$
    SELECT (coalesce(i.n, 0) + coalesce(g.n, 0))::integer, greatest(i.until, g.until)
    FROM (SELECT count(*) AS n, max(hold_expires_at) AS until FROM inventory
          WHERE hold_token = p_token AND state = 'held' AND hold_expires_at > clock_timestamp()) i,
         (SELECT sum(quantity) AS n, max(expires_at) AS until FROM ga_hold
          WHERE token = p_token AND expires_at > clock_timestamp()) g
$$;

-- The rows of the pending bookings made from the web's tokens, and every row's bound.
INSERT INTO web_hold_owner (token, client_key, ip_key, seen_at)
SELECT b.hold_token, o.client_key, o.ip_key, o.seen_at
FROM booking b JOIN web_hold_owner o ON o.token = b.source_token
WHERE b.status = 'pending' AND b.expires_at > clock_timestamp()
ON CONFLICT (token) DO NOTHING;
UPDATE web_hold_owner o SET seats = x.seats, live_until = coalesce(x.until, clock_timestamp())
FROM web_hold_owner w CROSS JOIN LATERAL bo_web_token_live(w.token) x
WHERE o.token = w.token;
ALTER TABLE web_hold_owner ALTER COLUMN live_until SET NOT NULL;

-- One hold from key p_key's bucket, in one statement that locks its row until the end
-- of the transaction (internal). BO111 (DETAIL: seconds to wait) when it is empty.
CREATE OR REPLACE FUNCTION bo_web_spend(p_key text, p_per_minute integer) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
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

-- Exactly what key p_key ('client:...' or 'ip:...') holds live, leaving out token
-- p_except (internal; read-only, so it never waits for another transaction's rows).
CREATE FUNCTION bo_web_recount(p_key text, p_except uuid) RETURNS integer
LANGUAGE sql SET search_path = public, pg_temp AS $$
    SELECT coalesce(sum(x.seats), 0)::integer
    FROM web_hold_owner o CROSS JOIN LATERAL bo_web_token_live(o.token) x
    WHERE (o.client_key = p_key OR o.ip_key = p_key) AND o.live_until > clock_timestamp() AND o.token <> p_except
$$;

-- The key's bound: the sum of its live rows but p_except's (internal).
CREATE FUNCTION bo_web_bound(p_key text, p_client boolean, p_except uuid) RETURNS integer
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF p_client THEN
        RETURN (SELECT coalesce(sum(seats), 0) FROM web_hold_owner
                WHERE client_key = p_key AND live_until > clock_timestamp() AND token <> p_except);
    END IF;
    RETURN (SELECT coalesce(sum(seats), 0) FROM web_hold_owner
            WHERE ip_key = p_key AND live_until > clock_timestamp() AND token <> p_except);
END $$;

-- Refuse with BO112 if key p_key would hold more than p_limit with p_size more (internal).
CREATE FUNCTION bo_web_within(p_key text, p_client boolean, p_except uuid, p_size integer, p_limit integer,
                              p_who text) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
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

-- Check a web hold against the limits before it is made: p_size is what token p_token
-- will hold afterwards (seats and places, every showtime). Locks the client's and the
-- address's rows (internal; bo_web_hold and bo_web_ga_hold call it, then bo_web_record).
CREATE OR REPLACE FUNCTION bo_web_admit(p_token uuid, p_size integer, p_client text, p_ip text,
                                        p_limits bo_web_limits)
RETURNS void LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
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
        PERFORM bo_web_spend('client:' || p_client, p_limits.holds_per_minute_client);
    END IF;
    PERFORM bo_web_spend('ip:' || p_ip, p_limits.holds_per_minute_ip);
    IF p_size > p_limits.seats_per_hold THEN
        RAISE EXCEPTION 'a web hold takes at most % seats', p_limits.seats_per_hold
            USING ERRCODE = 'BO110', DETAIL = p_limits.seats_per_hold::text;
    END IF;
    IF p_client IS NOT NULL THEN
        PERFORM bo_web_within('client:' || p_client, true, p_token, p_size, p_limits.held_per_client,
                              'client ' || p_client);
    END IF;
    PERFORM bo_web_within('ip:' || p_ip, false, p_token, p_size, p_limits.held_per_ip, 'address ' || p_ip);
END $$;

-- After a web hold: token p_token holds p_size seats and places (exact: bo_web_admit's
-- size) until p_expires at most, counted against the buyer's keys (internal).
CREATE FUNCTION bo_web_record(p_token uuid, p_size integer, p_client text, p_ip text, p_expires timestamptz)
RETURNS void LANGUAGE sql SET search_path = public, pg_temp AS $$
    INSERT INTO web_hold_owner AS o (token, client_key, ip_key, seen_at, seats, live_until)
    VALUES (p_token, 'client:' || p_client, 'ip:' || p_ip, clock_timestamp(), p_size, p_expires)
    ON CONFLICT (token) DO UPDATE
    SET client_key = EXCLUDED.client_key, ip_key = EXCLUDED.ip_key, seen_at = EXCLUDED.seen_at,
        seats = EXCLUDED.seats,
        live_until = CASE WHEN o.live_until > clock_timestamp() THEN greatest(o.live_until, EXCLUDED.live_until)
                          ELSE EXCLUDED.live_until END
$$;

CREATE OR REPLACE FUNCTION bo_web_hold(p_showtime integer, p_seats integer[], p_token uuid, p_seconds integer,
                                       p_client text, p_ip text, p_limits bo_web_limits)
RETURNS timestamptz LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    wanted integer[];
    size_ integer;
    expires timestamptz;
BEGIN
    PERFORM bo_require('web');
    SELECT coalesce(array_agg(DISTINCT s ORDER BY s), '{}') INTO wanted FROM unnest(p_seats) s WHERE s IS NOT NULL;
    IF cardinality(wanted) = 0 OR p_seconds IS NULL OR p_seconds NOT BETWEEN 1 AND 3600 THEN
        RAISE EXCEPTION 'a web hold needs seats and a lifetime of 1 to 3600 seconds' USING ERRCODE = '22023';
    END IF;
    size_ := bo_web_token_size(p_token, p_showtime, wanted, NULL) + cardinality(wanted);
    PERFORM bo_web_admit(p_token, size_, p_client, p_ip, p_limits);
    expires := bo_hold(p_showtime, wanted, p_token, 'web', p_seconds);
    PERFORM bo_web_record(p_token, size_, p_client, p_ip, expires);
    RETURN expires;
END $$;

CREATE OR REPLACE FUNCTION bo_web_ga_hold(p_showtime integer, p_area integer, p_quantity integer, p_token uuid,
                                          p_seconds integer, p_client text, p_ip text, p_limits bo_web_limits)
RETURNS timestamptz LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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

-- At commit of a booking made from a web hold token: the seats and places it took from
-- that token count on a row of the booking's own hold token, same keys, until the
-- booking expires. Runs as the owner (the web login may not write these rows).
CREATE FUNCTION bo_web_booking_made() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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

-- At commit of a booking's end (confirmed, cancelled, expired, refunded): its row
-- counts what its token still holds (nothing, unless it is still being sold).
CREATE FUNCTION bo_web_booking_ended() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    UPDATE web_hold_owner o SET seats = x.seats
    FROM bo_web_token_live(NEW.hold_token) x
    WHERE o.token = NEW.hold_token AND o.seats <> x.seats;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER booking_web_hold_counts AFTER INSERT ON booking
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION bo_web_booking_made();
CREATE CONSTRAINT TRIGGER booking_web_hold_counts_end AFTER UPDATE OF status ON booking
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.status = 'pending' AND NEW.status <> 'pending')
    EXECUTE FUNCTION bo_web_booking_ended();

-- Forget clients whose bucket is full again and tokens that count nothing any more;
-- rows another transaction has locked are left for next time. Returns the rows dropped.
CREATE OR REPLACE FUNCTION bo_web_forget() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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

DROP FUNCTION bo_web_held(text, uuid);

REVOKE ALL ON FUNCTION bo_web_token_live(uuid), bo_web_recount(text, uuid), bo_web_bound(text, boolean, uuid),
    bo_web_within(text, boolean, uuid, integer, integer, text),
    bo_web_record(uuid, integer, text, text, timestamptz), bo_web_booking_made(), bo_web_booking_ended()
    FROM PUBLIC;
"""

DOWNGRADE = r"""
DROP TRIGGER booking_web_hold_counts_end ON booking;
DROP TRIGGER booking_web_hold_counts ON booking;
DROP FUNCTION bo_web_booking_ended();
DROP FUNCTION bo_web_booking_made();

CREATE FUNCTION bo_web_held(p_key text, p_except uuid) RETURNS integer
LANGUAGE sql SET search_path = public, pg_temp AS $$
    WITH mine AS (
        SELECT o.token FROM web_hold_owner o
        WHERE (o.client_key = p_key OR o.ip_key = p_key) AND o.token <> p_except
          AND o.seen_at > clock_timestamp() - interval '2 days'
    ), tokens AS (
        SELECT token FROM mine
        UNION ALL
        SELECT b.hold_token FROM booking b JOIN mine ON b.source_token = mine.token
        WHERE b.status = 'pending' AND b.expires_at > clock_timestamp()
    )
    SELECT ((SELECT count(*) FROM inventory i JOIN tokens t ON i.hold_token = t.token
             WHERE i.state = 'held' AND i.hold_expires_at > clock_timestamp())
          + (SELECT coalesce(sum(g.quantity), 0) FROM ga_hold g JOIN tokens t ON g.token = t.token
             WHERE g.expires_at > clock_timestamp()))::integer
$$;
REVOKE ALL ON FUNCTION bo_web_held(text, uuid) FROM PUBLIC;

CREATE OR REPLACE FUNCTION bo_web_spend(p_key text, p_per_minute integer) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
    c web_client%ROWTYPE;
    now_ timestamptz := clock_timestamp();
    budget double precision;
BEGIN
    INSERT INTO web_client (key, allowance, refilled_at) VALUES (p_key, p_per_minute, now_)
    ON CONFLICT (key) DO NOTHING;
    SELECT * INTO c FROM web_client WHERE key = p_key FOR UPDATE;
    budget := least(p_per_minute::double precision,
                       c.allowance + greatest(extract(epoch FROM now_ - c.refilled_at), 0) * p_per_minute / 60.0);
    IF budget < 1 THEN
        RAISE EXCEPTION 'too many holds from %', p_key
            USING ERRCODE = 'BO111', DETAIL = ceil((1 - budget) * 60.0 / p_per_minute)::integer::text;
    END IF;
    UPDATE web_client SET allowance = budget - 1, refilled_at = now_ WHERE key = p_key;
END $$;

CREATE OR REPLACE FUNCTION bo_web_admit(p_token uuid, p_size integer, p_client text, p_ip text, p_limits bo_web_limits)
RETURNS void LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
    ck text := 'client:' || p_client;
    ik text := 'ip:' || p_ip;
    held integer;
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
    IF p_client IS NOT NULL THEN
        PERFORM bo_web_spend(ck, p_limits.holds_per_minute_client);
    END IF;
    PERFORM bo_web_spend(ik, p_limits.holds_per_minute_ip);
    IF p_size > p_limits.seats_per_hold THEN
        RAISE EXCEPTION 'a web hold takes at most % seats', p_limits.seats_per_hold
            USING ERRCODE = 'BO110', DETAIL = p_limits.seats_per_hold::text;
    END IF;
    IF p_client IS NOT NULL THEN
        held := bo_web_held(ck, p_token);
        IF held + p_size > p_limits.held_per_client THEN
            RAISE EXCEPTION 'client % would hold more than % seats', p_client, p_limits.held_per_client
                USING ERRCODE = 'BO112',
                      DETAIL = format('client,%s,%s', p_limits.held_per_client, greatest(p_limits.held_per_client - held, 0));
        END IF;
    END IF;
    held := bo_web_held(ik, p_token);
    IF held + p_size > p_limits.held_per_ip THEN
        RAISE EXCEPTION 'address % would hold more than % seats', p_ip, p_limits.held_per_ip
            USING ERRCODE = 'BO112',
                  DETAIL = format('ip,%s,%s', p_limits.held_per_ip, greatest(p_limits.held_per_ip - held, 0));
    END IF;
    INSERT INTO web_hold_owner AS o (token, client_key, ip_key, seen_at)
    VALUES (p_token, CASE WHEN p_client IS NOT NULL THEN ck END, ik, clock_timestamp())
    ON CONFLICT (token) DO UPDATE
    SET client_key = EXCLUDED.client_key, ip_key = EXCLUDED.ip_key, seen_at = EXCLUDED.seen_at;
END $$;

CREATE OR REPLACE FUNCTION bo_web_hold(p_showtime integer, p_seats integer[], p_token uuid, p_seconds integer,
                                       p_client text, p_ip text, p_limits bo_web_limits)
RETURNS timestamptz LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    wanted integer[];
BEGIN
    PERFORM bo_require('web');
    SELECT coalesce(array_agg(DISTINCT s ORDER BY s), '{}') INTO wanted FROM unnest(p_seats) s WHERE s IS NOT NULL;
    IF cardinality(wanted) = 0 OR p_seconds IS NULL OR p_seconds NOT BETWEEN 1 AND 3600 THEN
        RAISE EXCEPTION 'a web hold needs seats and a lifetime of 1 to 3600 seconds' USING ERRCODE = '22023';
    END IF;
    PERFORM bo_web_admit(p_token, bo_web_token_size(p_token, p_showtime, wanted, NULL) + cardinality(wanted),
                         p_client, p_ip, p_limits);
    RETURN bo_hold(p_showtime, wanted, p_token, 'web', p_seconds);
END $$;

CREATE OR REPLACE FUNCTION bo_web_ga_hold(p_showtime integer, p_area integer, p_quantity integer, p_token uuid,
                                          p_seconds integer, p_client text, p_ip text, p_limits bo_web_limits)
RETURNS timestamptz LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM bo_require('web');
    IF p_area IS NULL OR p_quantity IS NULL OR p_quantity <= 0 OR p_seconds IS NULL
       OR p_seconds NOT BETWEEN 1 AND 3600 THEN
        RAISE EXCEPTION 'a web hold needs an area, a quantity and a lifetime of 1 to 3600 seconds'
            USING ERRCODE = '22023';
    END IF;
    PERFORM bo_web_admit(p_token, bo_web_token_size(p_token, p_showtime, NULL, p_area) + p_quantity,
                         p_client, p_ip, p_limits);
    RETURN bo_ga_hold(p_showtime, p_area, p_quantity, p_token, 'web', p_seconds);
END $$;

CREATE OR REPLACE FUNCTION bo_web_forget() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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
        SELECT token FROM web_hold_owner WHERE seen_at < clock_timestamp() - interval '2 days'
        FOR UPDATE SKIP LOCKED);
    GET DIAGNOSTICS m = ROW_COUNT;
    RETURN n + m;
END $$;

DROP FUNCTION bo_web_record(uuid, integer, text, text, timestamptz);
DROP FUNCTION bo_web_within(text, boolean, uuid, integer, integer, text);
DROP FUNCTION bo_web_bound(text, boolean, uuid);
DROP FUNCTION bo_web_recount(text, uuid);
DROP FUNCTION bo_web_token_live(uuid);
DROP INDEX web_hold_owner_ip_live_idx;
DROP INDEX web_hold_owner_client_live_idx;
CREATE INDEX web_hold_owner_client_idx ON web_hold_owner (client_key) WHERE client_key IS NOT NULL;
CREATE INDEX web_hold_owner_ip_idx ON web_hold_owner (ip_key);
ALTER TABLE web_hold_owner DROP COLUMN live_until, DROP COLUMN seats;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
