"""Abuse limits of the online channel, enforced in the database (issue 14).

An anonymous buyer must not be able to hold a theatre: the web server now holds seats
(and general-admission places) only through ``bo_web_hold`` / ``bo_web_ga_hold``, which
take the buyer's client id (the shop's ``Boxoffice-Client`` header, or ``NULL``), the
buyer's IP address and the web server's limits (``bo_web_limits``), and, under a row lock
per client and per IP address (taken in key order, so two holds never deadlock):

* refuse a hold that would have more than ``seats_per_hold`` seats and places (BO110),
* refuse more than ``holds_per_minute_client`` / ``_ip`` holds a minute per client / IP
  (a token bucket per key in ``web_client``; BO111, DETAIL: seconds to wait),
* refuse a hold that would leave the client / IP with more than ``held_per_client`` /
  ``held_per_ip`` live held seats and places, counting pending bookings made from its
  holds (BO112, DETAIL: ``client|ip,<limit>,<left>``),

then call ``bo_hold`` / ``bo_ga_hold`` and record who made the hold (``web_hold_owner``).
Two concurrent holds of one client or address are serialised by the key's row lock, so
their sum cannot pass a limit; under REPEATABLE READ or SERIALIZABLE the second fails
(40001) instead of counting with a stale snapshot. The web login loses EXECUTE on
``bo_hold`` and ``bo_ga_hold``, so it cannot go around the limits; a web hold lasts at
most an hour (``bo_hold_limit``, was a day). ``bo_web_forget`` drops bookkeeping rows no
limit needs any more (the tidy job calls it).

SQLSTATEs: BO110, BO111, BO112; 22023 (bad input), 42501 (not allowed).

Revision ID: 0019_web_limits
Revises: 0018_reports
Create Date: 2026-11-30
"""

from alembic import op

revision = "0019_web_limits"
down_revision = "0018_reports"
branch_labels = None
depends_on = None

UPGRADE = r"""
CREATE TYPE bo_web_limits AS (
    seats_per_hold integer,
    held_per_client integer,
    held_per_ip integer,
    holds_per_minute_client integer,
    holds_per_minute_ip integer
);

-- One row per client id ('client:<id>') and IP address ('ip:<address>'): the lock that
-- serialises its holds, and its token bucket of holds (refilled at the per-minute rate).
CREATE TABLE web_client (
    key text PRIMARY KEY CHECK (length(key) BETWEEN 4 AND 100),
    allowance double precision NOT NULL,
    refilled_at timestamptz NOT NULL
);

-- Who made each web hold token (its latest holder): the seats of a token, and of the
-- pending booking made from it, count against these keys.
CREATE TABLE web_hold_owner (
    token uuid PRIMARY KEY,
    client_key text CHECK (length(client_key) <= 100),
    ip_key text NOT NULL CHECK (length(ip_key) <= 100),
    seen_at timestamptz NOT NULL
);
CREATE INDEX web_hold_owner_client_idx ON web_hold_owner (client_key) WHERE client_key IS NOT NULL;
CREATE INDEX web_hold_owner_ip_idx ON web_hold_owner (ip_key);
CREATE INDEX web_hold_owner_seen_idx ON web_hold_owner (seen_at);

-- A web hold lasts at most an hour, a till's at most an hour, the system's a day.
CREATE OR REPLACE FUNCTION bo_hold_limit() RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp AS $$
    SELECT CASE WHEN bo_caller_kind() = 'system' THEN 86400 ELSE 3600 END
$$;

-- Take one hold from key p_key's bucket (p_per_minute a minute, bursts of p_per_minute),
-- locking its row until the end of the transaction (internal; no grant).
CREATE FUNCTION bo_web_spend(p_key text, p_per_minute integer) RETURNS void
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

-- Live held seats and places of the holds made by key p_key (a client or an address),
-- with the pending bookings made from them, leaving out token p_except (internal).
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

-- Check a web hold against the limits before it is made: p_size is what token p_token
-- will hold afterwards (seats and places, every showtime). Locks the client's and the
-- address's rows (internal; the two functions below call it).
CREATE FUNCTION bo_web_admit(p_token uuid, p_size integer, p_client text, p_ip text, p_limits bo_web_limits)
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
    -- key order: 'client:...' sorts before 'ip:...', so every hold locks in one order
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

-- What token p_token holds live, seats and places, leaving out p_showtime's seats
-- p_seats and its area p_area (those the new hold sets).
CREATE FUNCTION bo_web_token_size(p_token uuid, p_showtime integer, p_seats integer[], p_area integer)
RETURNS integer LANGUAGE sql SET search_path = public, pg_temp AS $$
    SELECT ((SELECT count(*) FROM inventory i
             WHERE i.hold_token = p_token AND i.state = 'held' AND i.hold_expires_at > clock_timestamp()
               AND NOT (i.showtime_id = p_showtime AND i.seat_id = ANY (coalesce(p_seats, '{}'))))
          + (SELECT coalesce(sum(g.quantity), 0) FROM ga_hold g
             WHERE g.token = p_token AND g.expires_at > clock_timestamp()
               AND NOT (g.showtime_id = p_showtime AND g.ga_area_id IS NOT DISTINCT FROM p_area)))::integer
$$;

-- bo_hold for the online channel, within the limits (see the module docstring).
CREATE FUNCTION bo_web_hold(p_showtime integer, p_seats integer[], p_token uuid, p_seconds integer,
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

-- bo_ga_hold for the online channel, within the limits: token p_token holds p_quantity
-- places of area p_area (its earlier count for the area is replaced, as bo_ga_hold does).
CREATE FUNCTION bo_web_ga_hold(p_showtime integer, p_area integer, p_quantity integer, p_token uuid,
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

-- Forget clients whose bucket is full again and holds no limit counts any more; rows
-- another transaction has locked are left for next time. Returns the rows dropped.
CREATE FUNCTION bo_web_forget() RETURNS integer
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

REVOKE ALL ON TABLE web_client, web_hold_owner FROM PUBLIC;
REVOKE ALL ON FUNCTION bo_web_spend(text, integer), bo_web_held(text, uuid),
    bo_web_admit(uuid, integer, text, text, bo_web_limits), bo_web_token_size(uuid, integer, integer[], integer),
    bo_web_hold(integer, integer[], uuid, integer, text, text, bo_web_limits),
    bo_web_ga_hold(integer, integer, integer, uuid, integer, text, text, bo_web_limits), bo_web_forget()
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bo_web_hold(integer, integer[], uuid, integer, text, text, bo_web_limits),
    bo_web_ga_hold(integer, integer, integer, uuid, integer, text, text, bo_web_limits), bo_web_forget()
    TO bo_web;
-- the web login holds only within the limits
REVOKE EXECUTE ON FUNCTION bo_hold(integer, integer[], uuid, text, integer),
    bo_ga_hold(integer, integer, integer, uuid, text, integer) FROM bo_web;
"""

DOWNGRADE = r"""
GRANT EXECUTE ON FUNCTION bo_hold(integer, integer[], uuid, text, integer),
    bo_ga_hold(integer, integer, integer, uuid, text, integer) TO bo_web;
DROP FUNCTION bo_web_forget();
DROP FUNCTION bo_web_ga_hold(integer, integer, integer, uuid, integer, text, text, bo_web_limits);
DROP FUNCTION bo_web_hold(integer, integer[], uuid, integer, text, text, bo_web_limits);
DROP FUNCTION bo_web_token_size(uuid, integer, integer[], integer);
DROP FUNCTION bo_web_admit(uuid, integer, text, text, bo_web_limits);
DROP FUNCTION bo_web_held(text, uuid);
DROP FUNCTION bo_web_spend(text, integer);
CREATE OR REPLACE FUNCTION bo_hold_limit() RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp AS $$
    SELECT CASE WHEN bo_caller_kind() IN ('web', 'system') THEN 86400 ELSE 3600 END
$$;
DROP TABLE web_hold_owner;
DROP TABLE web_client;
DROP TYPE bo_web_limits;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
