"""A manager's override for a sale after a showtime's sales have closed (issue 13 item 6).

Since 0025_halls a showtime goes off sale some minutes after its start; a cashier's hold
is then refused (BO003 ``closed``), and only a manager signed in at the till could sell.
Now a manager approves a late sale in place, at the cashier's till, with the single-use
override token of 0014_tenders, in a new kind bound to one showtime and one seller:

* ``manager_override`` gets the kind ``late_sale`` with ``showtime_id`` and ``for_staff``
  (the cashier it is for; both required for the kind), and ``held_at`` (when it first
  held seats).
* ``bo_override_grant(kind, reason, showtime, seller)``: a manager (permission
  ``override``), connected as themselves for a moment at the cashier's till, gets a token
  for that showtime and that seller, valid 10 minutes; audited (``override.grant``).
  Refused: a showtime paused or cancelled (BO178), a seller who may not sell (BO177).
* ``bo_hold_late(override, showtime, seats, token, channel, seconds)`` and
  ``bo_ga_hold_late(override, showtime, area, quantity, token, channel, seconds)``: the
  seller's hold with the override. They check the token (BO175 unknown, used or expired;
  BO176 for another showtime or another seller), then run ``bo_hold`` / ``bo_ga_hold``
  with a pass that only they can open: a random nonce in the transaction-local setting
  ``boxoffice.late_pass`` and in table ``late_sale_pass`` (no grants), removed before they
  return. ``bo_sale_refusal`` does not refuse ``closed`` while that pass is open. A
  setting typed by a till matches no row; the table cannot be read or written by any
  application login. Paused (``off_sale``), cancelled and ``not_yet`` stay refused.
* The override is used by the sale: a deferred trigger on ``orders`` marks every override
  of the order's seller for a showtime of the order that has held seats as used by that
  order (``used_at``, ``used_by``, ``order_id``), audited (``override.use``); a used
  override holds nothing more.

* A new version of a plan (saved in the plan editor, or imported again) keeps the
  manager's best seats (0026_best_available): triggers copy the previous version's best
  point (``seating_plan.best_x/best_y``) and each section's ``best_rank`` by section name,
  unless the new rows bring their own.

SQLSTATEs: BO175 (the override is unknown, used or expired), BO176 (the override is for
another showtime or another seller), BO177 (the seller named may not sell), BO178 (the
showtime is paused, cancelled or unknown: no late sale).

Revision ID: 0033_sale_override
Revises: 0028_web_hold_counts
Create Date: 2026-12-01
"""

from alembic import op

revision = "0033_sale_override"
down_revision = "0028_web_hold_counts"
branch_labels = None
depends_on = None

UPGRADE = r"""
ALTER TABLE manager_override DROP CONSTRAINT manager_override_kind_check;
ALTER TABLE manager_override
    ADD CONSTRAINT manager_override_kind_check CHECK (kind IN ('comp', 'late_sale')),
    ADD COLUMN showtime_id integer REFERENCES showtime (id),
    ADD COLUMN for_staff integer REFERENCES staff (id),
    ADD COLUMN held_at timestamptz,
    ADD CONSTRAINT manager_override_late_sale_bound
        CHECK ((kind = 'late_sale') = (showtime_id IS NOT NULL AND for_staff IS NOT NULL));
CREATE INDEX manager_override_late_open_idx ON manager_override (for_staff, showtime_id)
    WHERE kind = 'late_sale' AND used_at IS NULL AND held_at IS NOT NULL;
GRANT SELECT (showtime_id, for_staff, held_at) ON manager_override TO bo_manager, bo_admin;

-- An override is used once and never deleted; a late sale's first hold is noted once.
CREATE OR REPLACE FUNCTION bo_override_frozen() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
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

-- The pass of a late hold: a nonce that lives only inside bo_hold_late / bo_ga_hold_late.
CREATE TABLE late_sale_pass (
    nonce uuid PRIMARY KEY
);
REVOKE ALL ON TABLE late_sale_pass FROM PUBLIC;

CREATE FUNCTION bo_late_pass_open() RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v text := current_setting('boxoffice.late_pass', true);
BEGIN
    IF v IS NULL OR v !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
        RETURN false;
    END IF;
    RETURN EXISTS (SELECT 1 FROM late_sale_pass WHERE nonce = v::uuid);
END $$;

-- A closed sales window stops neither a manager signed in as themselves nor a late hold
-- with a manager's override (bo_hold_late); paused, cancelled and not yet open stop everyone.
CREATE OR REPLACE FUNCTION bo_sale_refusal(p_status text, p_on timestamptz, p_off timestamptz)
RETURNS text LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN p_status = 'cancelled' THEN 'cancelled'
                WHEN p_status <> 'on_sale' THEN 'off_sale'
                WHEN p_on IS NOT NULL AND now() < p_on THEN 'not_yet'
                WHEN p_off IS NOT NULL AND now() >= p_off
                     AND NOT (bo_caller_kind() = 'staff' AND bo_may('override'))
                     AND NOT bo_late_pass_open() THEN 'closed'
           END
$$;

-- A manager at a cashier's till allows a late sale of one showtime by one seller.
CREATE FUNCTION bo_override_grant(p_kind text, p_reason text, p_showtime integer, p_seller integer) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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

-- The seller's override for p_showtime, checked and locked (BO175, BO176); notes the first hold.
CREATE FUNCTION bo_late_sale_check(p_override uuid, p_showtime integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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

CREATE FUNCTION bo_late_pass(p_open boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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

-- bo_hold with a manager's late-sale override (the seats of bo_hold, its errors, its result).
CREATE FUNCTION bo_hold_late(p_override uuid, p_showtime integer, p_seats integer[], p_token uuid, p_channel text,
                             p_seconds integer) RETURNS timestamptz
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v timestamptz;
BEGIN
    PERFORM bo_late_sale_check(p_override, p_showtime);
    PERFORM bo_late_pass(true);
    v := bo_hold(p_showtime, p_seats, p_token, p_channel, p_seconds);
    PERFORM bo_late_pass(false);
    RETURN v;
END $$;

-- bo_ga_hold with a manager's late-sale override.
CREATE FUNCTION bo_ga_hold_late(p_override uuid, p_showtime integer, p_area integer, p_quantity integer, p_token uuid,
                                p_channel text, p_seconds integer) RETURNS timestamptz
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v timestamptz;
BEGIN
    PERFORM bo_late_sale_check(p_override, p_showtime);
    PERFORM bo_late_pass(true);
    v := bo_ga_hold(p_showtime, p_area, p_quantity, p_token, p_channel, p_seconds);
    PERFORM bo_late_pass(false);
    RETURN v;
END $$;

-- At commit of a sale: the seller's late-sale overrides that held seats of its showtimes are used by it.
CREATE FUNCTION bo_late_sale_use() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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
CREATE CONSTRAINT TRIGGER orders_late_sale_use AFTER INSERT ON orders
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bo_late_sale_use();

-- A new version of a plan (plan editor, re-import) keeps the manager's best seats: the
-- best point of the previous version of that name, and each section's rank by its name.
CREATE FUNCTION bo_plan_best_carry() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF NEW.best_x IS NULL THEN
        SELECT p.best_x, p.best_y INTO NEW.best_x, NEW.best_y FROM seating_plan p
        WHERE p.venue_id = NEW.venue_id AND p.name = NEW.name AND p.version < NEW.version
        ORDER BY p.version DESC LIMIT 1;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER seating_plan_best_carry BEFORE INSERT ON seating_plan
    FOR EACH ROW EXECUTE FUNCTION bo_plan_best_carry();

CREATE FUNCTION bo_section_rank_carry() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
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
CREATE TRIGGER section_rank_carry BEFORE INSERT ON section
    FOR EACH ROW EXECUTE FUNCTION bo_section_rank_carry();

REVOKE ALL ON FUNCTION bo_late_pass_open(), bo_late_pass(boolean), bo_late_sale_check(uuid, integer),
    bo_override_grant(text, text, integer, integer), bo_late_sale_use(),
    bo_hold_late(uuid, integer, integer[], uuid, text, integer),
    bo_ga_hold_late(uuid, integer, integer, integer, uuid, text, integer) FROM PUBLIC;
-- bo_sale_refusal is granted to every application role (0009_trust): so is asking whether a pass is open
GRANT EXECUTE ON FUNCTION bo_late_pass_open() TO bo_cashier, bo_door, bo_manager, bo_admin, bo_web;
GRANT EXECUTE ON FUNCTION bo_override_grant(text, text, integer, integer) TO bo_manager, bo_admin;
GRANT EXECUTE ON FUNCTION bo_hold_late(uuid, integer, integer[], uuid, text, integer),
    bo_ga_hold_late(uuid, integer, integer, integer, uuid, text, integer) TO bo_cashier, bo_manager, bo_admin;
"""

DOWNGRADE = r"""
DROP TRIGGER section_rank_carry ON section;
DROP FUNCTION bo_section_rank_carry();
DROP TRIGGER seating_plan_best_carry ON seating_plan;
DROP FUNCTION bo_plan_best_carry();
DROP TRIGGER orders_late_sale_use ON orders;
DROP FUNCTION bo_late_sale_use();
DROP FUNCTION bo_hold_late(uuid, integer, integer[], uuid, text, integer);
DROP FUNCTION bo_ga_hold_late(uuid, integer, integer, integer, uuid, text, integer);
DROP FUNCTION bo_late_pass(boolean);
DROP FUNCTION bo_late_sale_check(uuid, integer);
DROP FUNCTION bo_override_grant(text, text, integer, integer);
CREATE OR REPLACE FUNCTION bo_sale_refusal(p_status text, p_on timestamptz, p_off timestamptz)
RETURNS text LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN p_status = 'cancelled' THEN 'cancelled'
                WHEN p_status <> 'on_sale' THEN 'off_sale'
                WHEN p_on IS NOT NULL AND now() < p_on THEN 'not_yet'
                WHEN p_off IS NOT NULL AND now() >= p_off
                     AND NOT (bo_caller_kind() = 'staff' AND bo_may('override')) THEN 'closed'
           END
$$;
DROP FUNCTION bo_late_pass_open();
DROP TABLE late_sale_pass;
CREATE OR REPLACE FUNCTION bo_override_frozen() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.used_at IS NOT NULL
       OR (NEW.id, NEW.kind, NEW.reason, NEW.granted_by, NEW.till, NEW.granted_at, NEW.expires_at)
          IS DISTINCT FROM (OLD.id, OLD.kind, OLD.reason, OLD.granted_by, OLD.till, OLD.granted_at, OLD.expires_at) THEN
        RAISE EXCEPTION 'a manager''s override is used once and then kept as it is' USING ERRCODE = 'BO079';
    END IF;
    RETURN NEW;
END $$;
DROP INDEX manager_override_late_open_idx;
ALTER TABLE manager_override DISABLE TRIGGER manager_override_frozen;
DELETE FROM manager_override WHERE kind = 'late_sale';
ALTER TABLE manager_override ENABLE TRIGGER manager_override_frozen;
ALTER TABLE manager_override DROP CONSTRAINT manager_override_late_sale_bound,
    DROP COLUMN held_at, DROP COLUMN for_staff, DROP COLUMN showtime_id,
    DROP CONSTRAINT manager_override_kind_check,
    ADD CONSTRAINT manager_override_kind_check CHECK (kind IN ('comp'));
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
