"""A hold's seats are found by its token, however many seats are held (issue 14).

Measured at the web bench (a 30,000-seat showtime): with the inventory's statistics
taken before the on-sale (as autovacuum leaves them: ``state = 'held'`` looks nearly
empty), PostgreSQL read every held seat of every showtime to find one token's seats.
The partial index ``inventory_held_expiry_idx (hold_expires_at) WHERE state = 'held'``
looked free for any statement that names ``state = 'held'``, so it won over
``inventory_hold_token_idx`` in ``bo_book``, ``bo_book_lines``, ``bo_release``,
``bo_web_token_size`` and ``bo_web_token_live``: about 1 ms per call at 10,000 held
seats, growing with every seat held (0.04 ms through the token's index).

* The expiry index now covers every row (``inventory_hold_expiry_idx``): scanning it
  whole looks as dear as it is, so a token's seats are read through the token's index.
* ``bo_tidy`` finds lapsed holds by a range of that index (holds that lapsed before
  the statement began, ``statement_timestamp()``; a hold that lapses during it is left
  for the next tidy) instead of reading every held seat.
* ``bo_web_admit`` reads both of the buyer's bounds (client and address) in one
  statement; only a buyer near a limit is counted exactly (``bo_web_within``, as in
  migration 0028).
* ``web_hold_owner_seen_idx`` goes: nothing has read by ``seen_at`` since migration
  0028 (``bo_web_forget`` goes by ``live_until``), and every web hold wrote to it.

SQLSTATEs: none new.

Revision ID: 0035_hold_token_lookups
Revises: 0034_promo_refund_gives_back
Create Date: 2026-12-01
"""

from alembic import op

revision = "0035_hold_token_lookups"
down_revision = "0034_promo_refund_gives_back"
branch_labels = None
depends_on = None

_TIDY = r"""
CREATE OR REPLACE FUNCTION bo_tidy() RETURNS TABLE (bookings_expired integer, holds_released integer)
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
        WHERE i.state = 'held' AND i.hold_expires_at <= {lapsed_before}
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
"""

_ADMIT = r"""
CREATE OR REPLACE FUNCTION bo_web_admit(p_token uuid, p_size integer, p_client text, p_ip text,
                                        p_limits bo_web_limits)
RETURNS void LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
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
"""

_ADMIT_0028 = r"""
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
"""

UPGRADE = (
    """
DROP INDEX inventory_held_expiry_idx;
CREATE INDEX inventory_hold_expiry_idx ON inventory (hold_expires_at);
DROP INDEX web_hold_owner_seen_idx;
"""
    + _TIDY.replace("{lapsed_before}", "statement_timestamp()")
    + _ADMIT
)

DOWNGRADE = (
    _ADMIT_0028
    + _TIDY.replace("{lapsed_before}", "clock_timestamp()")
    + """
DROP INDEX inventory_hold_expiry_idx;
CREATE INDEX inventory_held_expiry_idx ON inventory (hold_expires_at) WHERE state = 'held';
CREATE INDEX web_hold_owner_seen_idx ON web_hold_owner (seen_at);
"""
)


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
