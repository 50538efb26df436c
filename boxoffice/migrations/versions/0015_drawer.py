"""The drawer: till shifts, cash drops and pay-outs, the blind count and numbered Z reports
(issue 11, docs/drawer.md, /work/shared-spec/money.md).

* ``till_shift``: one person's drawer on one till (the till is the connection's
  ``application_name``, as the audit log names it); at most one open shift per till and
  per person; a closed shift never changes, no shift is ever deleted.
* ``drawer_movement``: cash drops and pay-outs with a reason (append-only).
* ``z_report`` and ``z_counter``: one Z report per closed shift, numbered gap-free from a
  counter row locked in the closing transaction; its figures are stored as jsonb at close
  and no one (not even the owner) may change or delete it.
* ``payment.shift_id`` and ``refund.shift_id``: set by BEFORE INSERT triggers to the
  acting person's open shift on their till; cash without an open shift is refused (BO080).
  A refund's tender is ``refund.method`` when that column exists (revision 0016_orders),
  otherwise the tender of the order's first payment (cash for a counter cash sale).
* ``bo_shift_open``, ``bo_drawer_movement``, ``bo_shift_figures`` (the X report; the Z
  report stores the same document), ``bo_shift_close`` (blind count -> Z report).

SQLSTATEs: BO080 (cash without an open shift), BO081 (a Z report, closed shift or drawer
movement cannot change), BO082 (the shift is already closed; DETAIL: its Z number), BO083
(the till or the person already has an open shift; DETAIL: the till), BO084 (a drop or
pay-out larger than the cash in the drawer), 22023 (bad input), P0002 (no such shift),
42501 (not allowed; DETAIL: the permission).

Revision ID: 0015_drawer
Revises: 0013_setup_contract
Create Date: 2026-11-30
"""

from alembic import op

revision = "0015_drawer"
down_revision = "0013_setup_contract"
branch_labels = None
depends_on = None

UPGRADE = r"""
CREATE TABLE till_shift (
    id serial PRIMARY KEY,
    till varchar(100) NOT NULL CHECK (btrim(till) <> ''),
    staff_id integer NOT NULL REFERENCES staff (id),
    currency varchar(3) NOT NULL,
    float_minor integer NOT NULL CHECK (float_minor BETWEEN 0 AND 100000000),
    float_counted jsonb,
    opened_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    closed_at timestamptz,
    closed_by integer REFERENCES staff (id)
);
CREATE UNIQUE INDEX till_shift_one_open_per_till ON till_shift (till) WHERE closed_at IS NULL;
CREATE UNIQUE INDEX till_shift_one_open_per_person ON till_shift (staff_id) WHERE closed_at IS NULL;
CREATE INDEX till_shift_opened_at ON till_shift (opened_at);

CREATE TABLE drawer_movement (
    id bigserial PRIMARY KEY,
    shift_id integer NOT NULL REFERENCES till_shift (id),
    kind varchar(10) NOT NULL CHECK (kind IN ('drop', 'payout')),
    amount_minor integer NOT NULL CHECK (amount_minor BETWEEN 1 AND 100000000),
    reason varchar(200) NOT NULL CHECK (btrim(reason) <> ''),
    staff_id integer REFERENCES staff (id),
    created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX drawer_movement_shift ON drawer_movement (shift_id);

CREATE TABLE z_counter (
    id boolean PRIMARY KEY DEFAULT true CHECK (id),
    last_number integer NOT NULL DEFAULT 0
);
INSERT INTO z_counter (id, last_number) VALUES (true, 0);

CREATE TABLE z_report (
    number integer PRIMARY KEY CHECK (number > 0),
    shift_id integer NOT NULL UNIQUE REFERENCES till_shift (id),
    till varchar(100) NOT NULL,
    staff_id integer NOT NULL REFERENCES staff (id),
    closed_by integer REFERENCES staff (id),
    closed_at timestamptz NOT NULL,
    currency varchar(3) NOT NULL,
    expected_cash_minor bigint NOT NULL,
    counted_cash_minor bigint NOT NULL,
    variance_minor bigint NOT NULL,
    counted jsonb NOT NULL,
    figures jsonb NOT NULL
);

ALTER TABLE payment ADD COLUMN shift_id integer REFERENCES till_shift (id);
ALTER TABLE refund ADD COLUMN shift_id integer REFERENCES till_shift (id);
CREATE INDEX payment_shift ON payment (shift_id) WHERE shift_id IS NOT NULL;
CREATE INDEX refund_shift ON refund (shift_id) WHERE shift_id IS NOT NULL;
CREATE INDEX payment_created_at ON payment (created_at);
CREATE INDEX refund_created_at ON refund (created_at);

-- ---------------------------------------------------------------------------
-- Nothing closed changes: Z reports, counters of the past, movements, closed shifts
-- ---------------------------------------------------------------------------
CREATE FUNCTION bo_drawer_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- (nested IFs: a condition naming another table's column would not even parse)
    IF TG_TABLE_NAME = 'till_shift' AND TG_OP = 'UPDATE' THEN
        IF OLD.closed_at IS NULL
           AND (NEW.id, NEW.till, NEW.staff_id, NEW.currency, NEW.float_minor, NEW.float_counted, NEW.opened_at)
               IS NOT DISTINCT FROM (OLD.id, OLD.till, OLD.staff_id, OLD.currency, OLD.float_minor,
                                     OLD.float_counted, OLD.opened_at) THEN
            RETURN NEW;  -- closing an open shift is the one change a shift may see
        END IF;
    ELSIF TG_TABLE_NAME IN ('payment', 'refund') AND TG_OP = 'UPDATE' THEN
        IF NEW.shift_id IS NOT DISTINCT FROM OLD.shift_id THEN
            RETURN NEW;  -- their other columns have their own guard (bo_sale_record_frozen)
        END IF;
    END IF;
    RAISE EXCEPTION '% rows cannot be changed or deleted (% refused)', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'BO081', DETAIL = TG_TABLE_NAME;
END $$;
CREATE TRIGGER z_report_frozen BEFORE UPDATE OR DELETE ON z_report
    FOR EACH ROW EXECUTE FUNCTION bo_drawer_frozen();
CREATE TRIGGER z_report_no_truncate BEFORE TRUNCATE ON z_report
    FOR EACH STATEMENT EXECUTE FUNCTION bo_drawer_frozen();
CREATE TRIGGER z_counter_no_delete BEFORE DELETE ON z_counter
    FOR EACH ROW EXECUTE FUNCTION bo_drawer_frozen();
CREATE TRIGGER z_counter_no_truncate BEFORE TRUNCATE ON z_counter
    FOR EACH STATEMENT EXECUTE FUNCTION bo_drawer_frozen();
CREATE TRIGGER drawer_movement_frozen BEFORE UPDATE OR DELETE ON drawer_movement
    FOR EACH ROW EXECUTE FUNCTION bo_drawer_frozen();
CREATE TRIGGER drawer_movement_no_truncate BEFORE TRUNCATE ON drawer_movement
    FOR EACH STATEMENT EXECUTE FUNCTION bo_drawer_frozen();
CREATE TRIGGER till_shift_frozen BEFORE UPDATE OR DELETE ON till_shift
    FOR EACH ROW EXECUTE FUNCTION bo_drawer_frozen();
CREATE TRIGGER till_shift_no_truncate BEFORE TRUNCATE ON till_shift
    FOR EACH STATEMENT EXECUTE FUNCTION bo_drawer_frozen();
CREATE TRIGGER payment_shift_frozen BEFORE UPDATE OF shift_id ON payment
    FOR EACH ROW EXECUTE FUNCTION bo_drawer_frozen();
CREATE TRIGGER refund_shift_frozen BEFORE UPDATE OF shift_id ON refund
    FOR EACH ROW EXECUTE FUNCTION bo_drawer_frozen();
-- the counter only ever counts up by one
CREATE FUNCTION bo_z_counter_step() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.last_number <> OLD.last_number + 1 THEN
        RAISE EXCEPTION 'the Z counter only counts up by one' USING ERRCODE = 'BO081', DETAIL = 'z_counter';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER z_counter_step BEFORE UPDATE ON z_counter FOR EACH ROW EXECUTE FUNCTION bo_z_counter_step();

-- ---------------------------------------------------------------------------
-- Which shift a payment or refund belongs to (BEFORE INSERT)
-- ---------------------------------------------------------------------------
-- The open shift of the acting person on the till of this connection (application_name),
-- share-locked so a close waits for the sale and a sale after the close finds none.
CREATE FUNCTION bo_my_open_shift() RETURNS integer LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
    v_shift integer;
BEGIN
    IF bo_caller_kind() <> 'staff' THEN
        RETURN NULL;
    END IF;
    SELECT sh.id INTO v_shift FROM till_shift sh
    WHERE sh.till = left(coalesce(current_setting('application_name', true), ''), 100)
      AND sh.staff_id = (bo_actor() ->> 'staff_id')::integer AND sh.closed_at IS NULL
    FOR SHARE;
    RETURN v_shift;
END $$;

-- A refund's tender: refund.method once it exists (0016_orders), else the tender of the
-- order's first payment, else cash.
CREATE FUNCTION bo_refund_tender(p_refund refund) RETURNS text LANGUAGE sql STABLE
SET search_path = public, pg_temp AS $$
    SELECT coalesce(to_jsonb(p_refund) ->> 'method',
                    (SELECT p.method FROM payment p WHERE p.order_id = p_refund.order_id ORDER BY p.id LIMIT 1),
                    'cash')
$$;

CREATE FUNCTION bo_money_shift() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
    v_method text;
BEGIN
    NEW.shift_id := bo_my_open_shift();
    IF TG_TABLE_NAME = 'payment' THEN
        v_method := NEW.method;
    ELSE
        v_method := bo_refund_tender(NEW);
    END IF;
    IF NEW.shift_id IS NULL AND v_method = 'cash' AND bo_caller_kind() = 'staff' THEN
        RAISE EXCEPTION 'cash needs an open shift: open the drawer of till % first',
            left(coalesce(current_setting('application_name', true), ''), 100)
            USING ERRCODE = 'BO080', DETAIL = left(coalesce(current_setting('application_name', true), ''), 100);
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER payment_shift BEFORE INSERT ON payment FOR EACH ROW EXECUTE FUNCTION bo_money_shift();
CREATE TRIGGER refund_shift BEFORE INSERT ON refund FOR EACH ROW EXECUTE FUNCTION bo_money_shift();

-- ---------------------------------------------------------------------------
-- Shift functions
-- ---------------------------------------------------------------------------
-- A count by denomination {"<minor>": count} -> its total in minor units (22023 if bad).
CREATE FUNCTION bo_count_total(p_counted jsonb) RETURNS bigint LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    r record;
    total bigint := 0;
BEGIN
    IF p_counted IS NULL OR jsonb_typeof(p_counted) <> 'object' THEN
        RAISE EXCEPTION 'a count is an object of denomination (minor units) to number of pieces'
            USING ERRCODE = '22023';
    END IF;
    FOR r IN SELECT key, value FROM jsonb_each(p_counted) LOOP
        IF r.key !~ '^[1-9][0-9]{0,7}$' OR jsonb_typeof(r.value) <> 'number'
           OR (r.value #>> '{}') !~ '^[0-9]{1,6}$' THEN
            RAISE EXCEPTION 'bad count % x %', r.value, r.key USING ERRCODE = '22023';
        END IF;
        total := total + r.key::bigint * (r.value #>> '{}')::bigint;
    END LOOP;
    RETURN total;
END $$;

-- The shift p_shift, share-locked, when the caller may act on it: their own, or anyone's
-- with p_other_permission. Returns the row; P0002 / 42501 otherwise.
CREATE FUNCTION bo_shift_for(p_shift integer, p_other_permission text, p_lock boolean) RETURNS till_shift
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
    sh till_shift%ROWTYPE;
    me integer := bo_require('sell');
BEGIN
    IF p_lock THEN
        SELECT * INTO sh FROM till_shift WHERE id = p_shift FOR UPDATE;
    ELSE
        SELECT * INTO sh FROM till_shift WHERE id = p_shift;
    END IF;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'shift % does not exist', p_shift USING ERRCODE = 'P0002';
    END IF;
    IF me IS NOT NULL AND sh.staff_id <> me THEN
        PERFORM bo_require(p_other_permission);
    END IF;
    RETURN sh;
END $$;

-- Open a shift on till p_till (for a person: their connection's till) with a float of
-- p_float minor units, optionally counted by denomination (p_counted, whose total must be
-- p_float). Returns the shift id. BO083 when the till or the person has an open shift.
CREATE FUNCTION bo_shift_open(p_till text, p_float integer, p_counted jsonb DEFAULT NULL) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me integer := bo_require('sell');
    v_till text := btrim(coalesce(p_till, ''));
    v_other till_shift%ROWTYPE;
    v_id integer;
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION 'a shift belongs to a person: sign in at the till' USING ERRCODE = '22023';
    END IF;
    IF v_till = '' OR v_till <> left(coalesce(current_setting('application_name', true), ''), 100) THEN
        RAISE EXCEPTION 'a shift is opened on the till one works at (%), not %',
            current_setting('application_name', true), v_till USING ERRCODE = '22023';
    END IF;
    IF p_float IS NULL OR p_float NOT BETWEEN 0 AND 100000000 THEN
        RAISE EXCEPTION 'the float must be 0 or more' USING ERRCODE = '22023';
    END IF;
    IF p_counted IS NOT NULL AND bo_count_total(p_counted) <> p_float THEN
        RAISE EXCEPTION 'the counted float adds up to %, not %', bo_count_total(p_counted), p_float
            USING ERRCODE = '22023';
    END IF;
    SELECT * INTO v_other FROM till_shift WHERE closed_at IS NULL AND (till = v_till OR staff_id = me) LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'till % already has an open shift', v_other.till USING ERRCODE = 'BO083', DETAIL = v_other.till;
    END IF;
    BEGIN
        INSERT INTO till_shift (till, staff_id, currency, float_minor, float_counted)
        VALUES (v_till, me, coalesce((SELECT currency FROM venue ORDER BY id LIMIT 1), 'EUR'), p_float, p_counted)
        RETURNING id INTO v_id;
    EXCEPTION WHEN unique_violation THEN  -- opened at the same moment elsewhere
        RAISE EXCEPTION 'till % already has an open shift', v_till USING ERRCODE = 'BO083', DETAIL = v_till;
    END;
    PERFORM bo_audit('drawer.open', 'shift ' || v_id, jsonb_build_object('float_minor', p_float, 'till', v_till));
    RETURN v_id;
END $$;

-- The figures of shift p_shift so far (the X report; the Z report stores the same): see
-- docs/drawer.md for the document. Own shift, or anyone's with 'reports'.
CREATE FUNCTION bo_shift_figures(p_shift integer) RETURNS jsonb LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
    sh till_shift%ROWTYPE := bo_shift_for(p_shift, 'reports', false);
    v_until timestamptz := coalesce(sh.closed_at, clock_timestamp());
    v_tz text := coalesce((SELECT timezone FROM venue ORDER BY id LIMIT 1), 'UTC');
    v_day date := (v_until AT TIME ZONE v_tz)::date;
    v_from timestamptz := v_day::timestamp AT TIME ZONE v_tz;
    v_tenders jsonb;
    v_moves jsonb;
    v_web jsonb;
    v_cash_in bigint;
    v_cash_out bigint;
    v_drops bigint;
    v_payouts bigint;
    v_orders integer;
BEGIN
    WITH pay AS (
        SELECT method, count(*) AS n, sum(amount_minor) AS amount FROM payment WHERE shift_id = sh.id GROUP BY method
    ), ref AS (
        SELECT bo_refund_tender(r) AS method, count(*) AS n, sum(r.amount_minor) AS amount
        FROM refund r WHERE r.shift_id = sh.id GROUP BY 1
    )
    SELECT coalesce(jsonb_object_agg(m.method, jsonb_build_object(
               'payments', coalesce(pay.n, 0), 'paid_minor', coalesce(pay.amount, 0),
               'refunds', coalesce(ref.n, 0), 'refunded_minor', coalesce(ref.amount, 0),
               'net_minor', coalesce(pay.amount, 0) - coalesce(ref.amount, 0))), '{}')
    INTO v_tenders
    FROM (SELECT method FROM pay UNION SELECT method FROM ref) m
    LEFT JOIN pay ON pay.method = m.method LEFT JOIN ref ON ref.method = m.method;
    v_cash_in := coalesce((v_tenders #>> '{cash,paid_minor}')::bigint, 0);
    v_cash_out := coalesce((v_tenders #>> '{cash,refunded_minor}')::bigint, 0);
    SELECT coalesce(sum(amount_minor) FILTER (WHERE kind = 'drop'), 0),
           coalesce(sum(amount_minor) FILTER (WHERE kind = 'payout'), 0),
           coalesce(jsonb_agg(jsonb_build_object('kind', m.kind, 'amount_minor', m.amount_minor, 'reason', m.reason,
                                                 'at', m.created_at, 'by', s.username) ORDER BY m.id), '[]')
    INTO v_drops, v_payouts, v_moves
    FROM drawer_movement m LEFT JOIN staff s ON s.id = m.staff_id WHERE m.shift_id = sh.id;
    SELECT count(DISTINCT order_id) INTO v_orders FROM payment WHERE shift_id = sh.id;
    -- the web channel's takings of the venue's day so far, by gateway (channel and tender)
    WITH pay AS (
        SELECT o.channel, p.method, count(*) AS n, sum(p.amount_minor) AS amount
        FROM payment p JOIN orders o ON o.id = p.order_id
        WHERE p.created_at >= v_from AND p.created_at < v_until AND o.channel LIKE 'web%'
        GROUP BY 1, 2
    ), ref AS (
        SELECT o.channel, bo_refund_tender(r) AS method, count(*) AS n, sum(r.amount_minor) AS amount
        FROM refund r JOIN orders o ON o.id = r.order_id
        WHERE r.created_at >= v_from AND r.created_at < v_until AND o.channel LIKE 'web%'
        GROUP BY 1, 2
    )
    SELECT coalesce(jsonb_agg(jsonb_build_object(
               'gateway', k.channel || ' · ' || k.method, 'channel', k.channel, 'method', k.method,
               'payments', coalesce(pay.n, 0), 'paid_minor', coalesce(pay.amount, 0),
               'refunds', coalesce(ref.n, 0), 'refunded_minor', coalesce(ref.amount, 0),
               'net_minor', coalesce(pay.amount, 0) - coalesce(ref.amount, 0)) ORDER BY k.channel, k.method), '[]')
    INTO v_web
    FROM (SELECT channel, method FROM pay UNION SELECT channel, method FROM ref) k
    LEFT JOIN pay ON pay.channel = k.channel AND pay.method = k.method
    LEFT JOIN ref ON ref.channel = k.channel AND ref.method = k.method;
    RETURN jsonb_build_object(
        'shift_id', sh.id, 'till', sh.till, 'staff_id', sh.staff_id,
        'staff', (SELECT display_name FROM staff WHERE id = sh.staff_id),
        'opened_at', sh.opened_at, 'closed_at', sh.closed_at, 'until', v_until, 'currency', sh.currency,
        'orders', v_orders, 'tenders', v_tenders, 'movements', v_moves,
        'cash', jsonb_build_object('float_minor', sh.float_minor, 'sales_minor', v_cash_in,
                                   'refunds_minor', v_cash_out, 'drops_minor', v_drops, 'payouts_minor', v_payouts,
                                   'expected_minor', sh.float_minor + v_cash_in - v_cash_out - v_drops - v_payouts),
        'day', jsonb_build_object('date', v_day, 'timezone', v_tz, 'web', v_web));
END $$;

-- A cash drop (to the safe) or pay-out (petty cash) of p_amount from open shift p_shift,
-- with a reason. Own shift, or anyone's with 'override'. BO084 when the drawer holds less.
CREATE FUNCTION bo_drawer_movement(p_shift integer, p_kind text, p_amount integer, p_reason text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    sh till_shift%ROWTYPE := bo_shift_for(p_shift, 'override', true);
    v_expected bigint;
    v_id bigint;
BEGIN
    IF p_kind IS NULL OR p_kind NOT IN ('drop', 'payout') THEN
        RAISE EXCEPTION 'a drawer movement is a drop or a payout' USING ERRCODE = '22023';
    END IF;
    IF p_amount IS NULL OR p_amount NOT BETWEEN 1 AND 100000000 THEN
        RAISE EXCEPTION 'the amount must be more than 0' USING ERRCODE = '22023';
    END IF;
    IF p_reason IS NULL OR btrim(p_reason) = '' OR length(btrim(p_reason)) > 200 THEN
        RAISE EXCEPTION 'a % needs a reason of at most 200 characters', p_kind USING ERRCODE = '22023';
    END IF;
    IF sh.closed_at IS NOT NULL THEN
        RAISE EXCEPTION 'shift % is closed', sh.id USING ERRCODE = 'BO082',
            DETAIL = coalesce((SELECT number::text FROM z_report WHERE shift_id = sh.id), '');
    END IF;
    v_expected := (bo_shift_figures(sh.id) #>> '{cash,expected_minor}')::bigint;
    IF p_amount > v_expected THEN
        RAISE EXCEPTION 'the drawer should hold only %', v_expected USING ERRCODE = 'BO084',
            DETAIL = v_expected::text;
    END IF;
    INSERT INTO drawer_movement (shift_id, kind, amount_minor, reason, staff_id)
    VALUES (sh.id, p_kind, p_amount, btrim(p_reason), (bo_actor() ->> 'staff_id')::integer)
    RETURNING id INTO v_id;
    PERFORM bo_audit('drawer.' || p_kind, 'shift ' || sh.id,
                     jsonb_build_object('amount_minor', p_amount, 'reason', btrim(p_reason)));
    RETURN v_id;
END $$;

-- Close shift p_shift with the blind count p_counted ({"<minor>": pieces}): the shift
-- closes and its Z report is made with the next number. Own shift, or anyone's with
-- 'override'. BO082 when it is already closed (DETAIL: the Z number). Returns the Z row.
CREATE FUNCTION bo_shift_close(p_shift integer, p_counted jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    sh till_shift%ROWTYPE := bo_shift_for(p_shift, 'override', true);
    v_counted bigint := bo_count_total(p_counted);
    v_now timestamptz := clock_timestamp();
    v_me integer := (bo_actor() ->> 'staff_id')::integer;
    v_figures jsonb;
    v_expected bigint;
    v_number integer;
BEGIN
    IF sh.closed_at IS NOT NULL THEN
        RAISE EXCEPTION 'shift % is already closed', sh.id USING ERRCODE = 'BO082',
            DETAIL = coalesce((SELECT number::text FROM z_report WHERE shift_id = sh.id), '');
    END IF;
    UPDATE till_shift SET closed_at = v_now, closed_by = v_me WHERE id = sh.id;
    v_figures := bo_shift_figures(sh.id);
    v_expected := (v_figures #>> '{cash,expected_minor}')::bigint;
    v_figures := v_figures || jsonb_build_object(
        'count', jsonb_build_object('counted', p_counted, 'counted_minor', v_counted,
                                    'variance_minor', v_counted - v_expected),
        'closed_by', (SELECT display_name FROM staff WHERE id = v_me));
    UPDATE z_counter SET last_number = last_number + 1 WHERE id RETURNING last_number INTO v_number;
    v_figures := v_figures || jsonb_build_object('number', v_number);
    INSERT INTO z_report (number, shift_id, till, staff_id, closed_by, closed_at, currency,
                          expected_cash_minor, counted_cash_minor, variance_minor, counted, figures)
    VALUES (v_number, sh.id, sh.till, sh.staff_id, v_me, v_now, sh.currency,
            v_expected, v_counted, v_counted - v_expected, p_counted, v_figures);
    PERFORM bo_audit('drawer.close', 'shift ' || sh.id,
                     jsonb_build_object('z_number', v_number, 'expected_minor', v_expected,
                                        'counted_minor', v_counted, 'variance_minor', v_counted - v_expected));
    RETURN jsonb_build_object('number', v_number, 'figures', v_figures);
END $$;

-- ---------------------------------------------------------------------------
-- Grants: staff read the drawer tables; they change them only through the functions
-- ---------------------------------------------------------------------------
ALTER TABLE till_shift OWNER TO bo_owner;
ALTER TABLE drawer_movement OWNER TO bo_owner;
ALTER TABLE z_counter OWNER TO bo_owner;
ALTER TABLE z_report OWNER TO bo_owner;
GRANT SELECT ON till_shift, drawer_movement, z_report TO bo_cashier, bo_manager, bo_admin;
GRANT SELECT (shift_id) ON payment, refund TO bo_cashier, bo_door, bo_manager, bo_admin, bo_web;
REVOKE ALL ON FUNCTION bo_drawer_frozen(), bo_z_counter_step(), bo_my_open_shift(), bo_refund_tender(refund),
    bo_money_shift(), bo_count_total(jsonb), bo_shift_for(integer, text, boolean),
    bo_shift_open(text, integer, jsonb), bo_shift_figures(integer), bo_drawer_movement(integer, text, integer, text),
    bo_shift_close(integer, jsonb)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bo_shift_open(text, integer, jsonb), bo_shift_figures(integer),
    bo_drawer_movement(integer, text, integer, text), bo_shift_close(integer, jsonb)
    TO bo_cashier, bo_manager, bo_admin;
"""

DOWNGRADE = r"""
DROP FUNCTION bo_shift_close(integer, jsonb);
DROP FUNCTION bo_drawer_movement(integer, text, integer, text);
DROP FUNCTION bo_shift_figures(integer);
DROP FUNCTION bo_shift_open(text, integer, jsonb);
DROP FUNCTION bo_shift_for(integer, text, boolean);
DROP FUNCTION bo_count_total(jsonb);
DROP TRIGGER payment_shift ON payment;
DROP TRIGGER refund_shift ON refund;
DROP TRIGGER payment_shift_frozen ON payment;
DROP TRIGGER refund_shift_frozen ON refund;
DROP FUNCTION bo_money_shift();
DROP FUNCTION bo_refund_tender(refund);
DROP FUNCTION bo_my_open_shift();
ALTER TABLE payment DROP COLUMN shift_id;
ALTER TABLE refund DROP COLUMN shift_id;
DROP INDEX payment_created_at;
DROP INDEX refund_created_at;
DROP TABLE z_report;
DROP TABLE z_counter;
DROP TABLE drawer_movement;
DROP TABLE till_shift;
DROP FUNCTION bo_z_counter_step();
DROP FUNCTION bo_drawer_frozen();
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
