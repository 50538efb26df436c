"""Money at the counter: tenders (issue 11).

An order is paid by a list of tenders, one ``payment`` row each: ``cash`` (change only
here), ``card`` on an external terminal (``reference`` = the terminal's authorisation
code, required; no card data: a reference that looks like a card number is refused),
``online``, ``comp`` (complimentary: ``comp_reason`` required, and a manager's
single-use, short-lived override unless the seller may ``comp``) and ``exchange``
(credit from exchanged tickets, written by the exchange function of the orders work).

* ``bo_checkout`` takes the tender list (jsonb) instead of one method; the sum of the
  tenders must be the order's total, which the database prices itself.
* ``bo_override_grant(kind, reason)``: a manager (permission ``comp``), connected as
  themselves for a moment at the cashier's till, gets a token valid for 2 minutes that
  ``bo_checkout`` consumes once (a conditional UPDATE: never twice, also concurrently);
  both the grant and its use are audited.
* ``order_paid``: the money recorded against each order, raised by a BEFORE INSERT
  trigger on ``payment`` with a conditional upsert, so payments can never exceed the
  total even when two transactions add to one order at once (at any isolation level);
  a deferred constraint trigger checks at commit that an order's payments add up to its
  total.

SQLSTATEs: BO070 (tenders do not add up to the total), BO071 (change on a non-cash
tender), BO072 (card reference missing or looks like a card number), BO073 (comp without
a reason), BO074 (comp needs a manager's override), BO075 (override unknown, used,
expired or of another kind), BO076 (payments would exceed the order total), BO077 (a
malformed tender).

Revision ID: 0014_tenders
Revises: 0021_promo
Create Date: 2026-11-30
"""

from alembic import op

revision = "0014_tenders"
down_revision = "0021_promo"
branch_labels = None
depends_on = None

UPGRADE = r"""
-- Managers and admins may give complimentary tickets themselves; cashiers need an override.
INSERT INTO role_permission (role, permission) VALUES ('manager', 'comp'), ('admin', 'comp');

-- A manager's override: a single-use, short-lived token (the id, never readable by tills).
CREATE TABLE manager_override (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    kind varchar(20) NOT NULL CHECK (kind IN ('comp')),
    reason varchar(200) NOT NULL CHECK (btrim(reason) <> ''),
    granted_by integer REFERENCES staff(id),
    till varchar(100) NOT NULL DEFAULT '',
    granted_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    used_by integer REFERENCES staff(id),
    order_id integer REFERENCES orders(id),
    CONSTRAINT manager_override_used_together CHECK ((used_at IS NULL) = (order_id IS NULL))
);

-- (payment_method_check already takes 'comp' and 'exchange': revision 0016)
ALTER TABLE payment ADD COLUMN comp_reason varchar(200), ADD COLUMN override_id uuid REFERENCES manager_override(id);
ALTER TABLE payment ADD CONSTRAINT payment_change_only_cash CHECK (method = 'cash' OR tendered_minor = amount_minor);
ALTER TABLE payment ADD CONSTRAINT payment_comp_reason
    CHECK ((method = 'comp') = (comp_reason IS NOT NULL) AND (comp_reason IS NULL OR btrim(comp_reason) <> ''));
ALTER TABLE payment ADD CONSTRAINT payment_override_only_comp CHECK (override_id IS NULL OR method = 'comp');

-- The money recorded against each order so far: raised by every payment with a
-- conditional upsert, the row lock that keeps concurrent payments from overshooting.
CREATE TABLE order_paid (
    order_id integer PRIMARY KEY REFERENCES orders(id),
    paid_minor bigint NOT NULL CHECK (paid_minor >= 0)
);
INSERT INTO order_paid (order_id, paid_minor) SELECT order_id, sum(amount_minor) FROM payment GROUP BY order_id;

CREATE FUNCTION bo_payment_within_total() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_total integer;
    v_ok boolean;
BEGIN
    SELECT total_minor INTO v_total FROM orders WHERE id = NEW.order_id;
    IF NOT FOUND THEN
        RETURN NEW;  -- the foreign key refuses it
    END IF;
    IF NEW.amount_minor > v_total THEN
        RAISE EXCEPTION 'payments of order % would exceed its total %', NEW.order_id, v_total
            USING ERRCODE = 'BO076', DETAIL = NEW.order_id::text;
    END IF;
    -- ON CONFLICT takes the row lock and re-reads the newest version (READ COMMITTED),
    -- or fails with a serialization error (REPEATABLE READ, SERIALIZABLE).
    INSERT INTO order_paid AS p (order_id, paid_minor) VALUES (NEW.order_id, NEW.amount_minor)
    ON CONFLICT (order_id) DO UPDATE SET paid_minor = p.paid_minor + EXCLUDED.paid_minor
        WHERE p.paid_minor + EXCLUDED.paid_minor <= v_total
    RETURNING true INTO v_ok;
    IF v_ok IS NULL THEN
        RAISE EXCEPTION 'payments of order % would exceed its total %', NEW.order_id, v_total
            USING ERRCODE = 'BO076', DETAIL = NEW.order_id::text;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER payment_within_total BEFORE INSERT ON payment
    FOR EACH ROW EXECUTE FUNCTION bo_payment_within_total();

-- At commit: an order's payments add up to its total.
CREATE FUNCTION bo_order_paid_check() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    o integer;
    v_total integer;
    v_paid bigint;
BEGIN
    IF TG_TABLE_NAME = 'orders' THEN
        o := NEW.id;
    ELSE
        o := NEW.order_id;
    END IF;
    SELECT total_minor INTO v_total FROM orders WHERE id = o;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    SELECT coalesce(sum(amount_minor), 0) INTO v_paid FROM payment WHERE order_id = o;
    IF v_paid <> v_total THEN
        RAISE EXCEPTION 'order % totals % but its payments add up to %', o, v_total, v_paid
            USING ERRCODE = 'BO070', DETAIL = v_total::text;
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER orders_paid_in_full AFTER INSERT ON orders
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bo_order_paid_check();
CREATE CONSTRAINT TRIGGER payment_adds_up AFTER INSERT ON payment
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bo_order_paid_check();

-- A payment's tender, reason and override never change (the other columns: bo_sale_record_frozen).
CREATE FUNCTION bo_payment_tender_frozen() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF TG_OP = 'DELETE' OR (NEW.method, NEW.comp_reason, NEW.override_id)
                           IS DISTINCT FROM (OLD.method, OLD.comp_reason, OLD.override_id) THEN
        RAISE EXCEPTION 'a payment''s tender cannot be changed or deleted; refund it instead' USING ERRCODE = 'BO078';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER payment_tender_frozen BEFORE UPDATE OR DELETE ON payment
    FOR EACH ROW EXECUTE FUNCTION bo_payment_tender_frozen();

-- An override is used once (used_at, used_by and order_id set together) and never deleted.
CREATE FUNCTION bo_override_frozen() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.used_at IS NOT NULL
       OR (NEW.id, NEW.kind, NEW.reason, NEW.granted_by, NEW.till, NEW.granted_at, NEW.expires_at)
          IS DISTINCT FROM (OLD.id, OLD.kind, OLD.reason, OLD.granted_by, OLD.till, OLD.granted_at, OLD.expires_at) THEN
        RAISE EXCEPTION 'a manager''s override is used once and then kept as it is' USING ERRCODE = 'BO079';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER manager_override_frozen BEFORE UPDATE OR DELETE ON manager_override
    FOR EACH ROW EXECUTE FUNCTION bo_override_frozen();

-- A manager, signed in for a moment at a cashier's till, allows one comp: returns the token.
CREATE FUNCTION bo_override_grant(p_kind text, p_reason text) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_staff integer := bo_require('comp');
    v_id uuid;
BEGIN
    IF p_kind IS NULL OR p_kind NOT IN ('comp') THEN
        RAISE EXCEPTION 'unknown override kind %', p_kind USING ERRCODE = 'BO077';
    END IF;
    IF p_reason IS NULL OR btrim(p_reason) = '' OR length(p_reason) > 200 THEN
        RAISE EXCEPTION 'an override needs a reason of at most 200 characters' USING ERRCODE = 'BO073';
    END IF;
    INSERT INTO manager_override (kind, reason, granted_by, till, expires_at)
    VALUES (p_kind, btrim(p_reason), v_staff, left(coalesce(current_setting('application_name', true), ''), 100),
            clock_timestamp() + interval '2 minutes')
    RETURNING id INTO v_id;
    PERFORM bo_audit('override.grant', 'override ' || left(v_id::text, 8),
                     jsonb_build_object('kind', p_kind, 'reason', btrim(p_reason), 'valid_seconds', 120));
    RETURN v_id;
END $$;

DROP FUNCTION bo_checkout(integer, uuid, text, integer[], integer[], jsonb, text, integer, text, integer, text);

-- Sell a basket paid by a list of tenders: [{"method": "cash"|"card"|"online"|"comp",
-- "amount_minor": n (absent in at most one tender: it pays the rest), "tendered_minor": n (cash: the money handed over; others: = amount or
-- absent), "reference": "terminal auth code" (card: required), "comp_reason": "..." (comp:
-- required)}]. The amounts must add up to the total the database prices. A comp by a
-- seller without permission 'comp' consumes the manager's override p_override. Returns
-- {"order_id", "number", "ticket_ids", "total_minor", "tendered_minor", "change_minor",
-- "currency", "method" (the tender's, or 'split'), "tenders"}.
CREATE FUNCTION bo_checkout(p_showtime integer, p_token uuid, p_channel text, p_seats integer[], p_types integer[],
                            p_ga jsonb, p_tenders jsonb, p_override uuid DEFAULT NULL,
                            p_expected integer DEFAULT NULL, p_promo text DEFAULT NULL)
RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_staff integer := bo_require('sell');
    v_currency varchar(3);
    seats integer[] := coalesce(p_seats, '{}');
    l_seat integer[] := '{}';
    l_area integer[] := '{}';
    l_cat integer[] := '{}';
    l_type integer[] := '{}';
    l_price integer[] := '{}';
    l_disc integer[];  -- promo
    v_promo integer;   -- promo
    r record;
    g record;
    v_total bigint;
    v_order orders%ROWTYPE;
    v_tickets bigint[];
    -- tenders
    t jsonb;
    t_method text[] := '{}';
    t_amount bigint[] := '{}';
    t_tendered bigint[] := '{}';
    t_ref text[] := '{}';
    t_reason text[] := '{}';
    v_amount bigint;
    v_given bigint;
    v_ref text;
    v_reason text;
    v_paid bigint := 0;
    v_handed bigint := 0;
    v_comp bigint := 0;
    v_override manager_override%ROWTYPE;
    v_rest integer;
BEGIN
    IF p_token IS NULL OR p_channel IS NULL OR btrim(p_channel) = '' OR length(p_channel) > 60 THEN
        RAISE EXCEPTION 'bo_checkout needs a token and a channel' USING ERRCODE = '22023';
    END IF;
    IF p_tenders IS NULL OR jsonb_typeof(p_tenders) <> 'array' OR jsonb_array_length(p_tenders) NOT BETWEEN 1 AND 20 THEN
        RAISE EXCEPTION 'a sale is paid by a list of 1 to 20 tenders' USING ERRCODE = 'BO077';
    END IF;
    FOR t IN SELECT value FROM jsonb_array_elements(p_tenders) LOOP
        IF jsonb_typeof(t) <> 'object' OR (t ->> 'method') IS NULL
           OR (t ->> 'method') NOT IN ('cash', 'card', 'online', 'comp') THEN
            RAISE EXCEPTION 'unknown payment method %', t ->> 'method' USING ERRCODE = 'BO077';
        END IF;
        IF coalesce(jsonb_typeof(t -> 'amount_minor'), 'null') = 'null' THEN
            IF v_rest IS NOT NULL THEN  -- a tender without an amount pays the rest
                RAISE EXCEPTION 'only one tender can pay the rest' USING ERRCODE = 'BO077';
            END IF;
            v_rest := cardinality(t_method) + 1;
        ELSIF jsonb_typeof(t -> 'amount_minor') <> 'number' OR (t ->> 'amount_minor') !~ '^[0-9]{1,10}$'
           OR (t ->> 'amount_minor')::bigint > 1000000000 THEN
            RAISE EXCEPTION 'a tender''s amount is a whole number of minor units' USING ERRCODE = 'BO077';
        END IF;
        IF coalesce(jsonb_typeof(t -> 'tendered_minor'), 'null') NOT IN ('null', 'number')
           OR ((t ->> 'tendered_minor') IS NOT NULL AND ((t ->> 'tendered_minor') !~ '^[0-9]{1,10}$'
               OR (t ->> 'tendered_minor')::bigint > 1000000000)) THEN
            RAISE EXCEPTION 'the amount tendered is a whole number of minor units' USING ERRCODE = 'BO077';
        END IF;
        v_amount := (t ->> 'amount_minor')::bigint;
        v_given := coalesce((t ->> 'tendered_minor')::bigint, v_amount);  -- NULL for the rest: filled in below
        v_ref := nullif(btrim(t ->> 'reference'), '');
        v_reason := nullif(btrim(t ->> 'comp_reason'), '');
        IF length(v_ref) > 100 THEN
            RAISE EXCEPTION 'a payment reference has at most 100 characters' USING ERRCODE = '22023';
        END IF;
        IF t ->> 'method' = 'cash' THEN
            IF v_given < v_amount THEN
                RAISE EXCEPTION 'cash tendered % is less than its amount %', v_given, v_amount
                    USING ERRCODE = 'BO030', DETAIL = v_amount::text;
            END IF;
        ELSIF v_given <> v_amount THEN
            RAISE EXCEPTION 'a % tender gives no change', t ->> 'method' USING ERRCODE = 'BO071';
        END IF;
        IF t ->> 'method' = 'card' AND (v_ref IS NULL
                                        OR regexp_replace(v_ref, '[\s-]', '', 'g') ~ '[0-9]{13,}') THEN
            RAISE EXCEPTION 'a card tender needs the terminal''s reference (never the card number)'
                USING ERRCODE = 'BO072';
        END IF;
        IF t ->> 'method' = 'comp' THEN
            IF v_reason IS NULL OR length(v_reason) > 200 THEN
                RAISE EXCEPTION 'a complimentary tender needs a reason of at most 200 characters' USING ERRCODE = 'BO073';
            END IF;
            v_comp := v_comp + coalesce(v_amount, 0);
        ELSIF v_reason IS NOT NULL THEN
            RAISE EXCEPTION 'only a complimentary tender has a reason' USING ERRCODE = 'BO077';
        END IF;
        t_method := t_method || (t ->> 'method');
        t_amount := t_amount || v_amount;
        t_tendered := t_tendered || v_given;
        t_ref := t_ref || v_ref;
        t_reason := t_reason || v_reason;
        v_paid := v_paid + coalesce(v_amount, 0);
        v_handed := v_handed + CASE WHEN v_amount IS NULL THEN 0 ELSE v_given END;  -- the rest: below
    END LOOP;
    IF p_ga IS NOT NULL AND jsonb_typeof(p_ga) <> 'object' THEN
        RAISE EXCEPTION 'p_ga maps area ids to places' USING ERRCODE = '22023';
    END IF;
    IF cardinality(seats) = 0 AND coalesce(p_ga, '{}') = '{}' THEN
        RAISE EXCEPTION 'the basket is empty' USING ERRCODE = '22023';
    END IF;
    SELECT v.currency INTO v_currency FROM showtime st JOIN venue v ON v.id = st.venue_id WHERE st.id = p_showtime;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'showtime % does not exist', p_showtime USING ERRCODE = 'P0002';
    END IF;
    IF cardinality(seats) > 0 THEN
        FOR r IN SELECT * FROM bo_sell(p_showtime, seats, p_token, p_channel, p_types) LOOP
            l_seat := l_seat || r.seat_id;
            l_area := l_area || NULL::integer;
            l_cat := l_cat || r.category_id;
            l_type := l_type || r.ticket_type_id;
            l_price := l_price || r.price_minor;
        END LOOP;
    END IF;
    FOR g IN SELECT key::integer AS area, value FROM jsonb_each(coalesce(p_ga, '{}')) ORDER BY key::integer LOOP
        IF jsonb_typeof(g.value) <> 'number' OR (g.value #>> '{}')::numeric NOT BETWEEN 1 AND 500
           OR (g.value #>> '{}')::numeric <> trunc((g.value #>> '{}')::numeric) THEN
            RAISE EXCEPTION 'places of area % must be a whole number from 1 to 500', g.area USING ERRCODE = '22023';
        END IF;
        SELECT * INTO r FROM bo_ga_sell(p_showtime, g.area, (g.value #>> '{}')::integer, p_token);
        IF r.price_minor IS NULL THEN
            RAISE EXCEPTION 'area % has no price for this showtime', g.area
                USING ERRCODE = 'BO014', DETAIL = 'area ' || g.area;
        END IF;
        FOR i IN 1 .. (g.value #>> '{}')::integer LOOP
            l_seat := l_seat || NULL::integer;
            l_area := l_area || g.area;
            l_cat := l_cat || r.category_id;
            l_type := l_type || r.ticket_type_id;
            l_price := l_price || r.price_minor;
        END LOOP;
    END LOOP;
    -- promo: the discount of each line (BO120-BO125 when the code does not apply)
    l_disc := array_fill(0, ARRAY[cardinality(l_price)]);
    IF p_promo IS NOT NULL AND btrim(p_promo) <> '' THEN
        SELECT d.code_id, d.discounts INTO v_promo, l_disc
        FROM bo_promo_discount(p_promo, p_showtime, l_cat, l_type, l_price) d;
    END IF;
    SELECT coalesce(sum(p - d), 0) INTO v_total FROM unnest(l_price, l_disc) AS x(p, d);
    IF v_total > 1000000000 THEN
        RAISE EXCEPTION 'the total % is not a possible amount', v_total USING ERRCODE = '22023';
    END IF;
    IF p_expected IS NOT NULL AND p_expected <> v_total THEN
        RAISE EXCEPTION 'the total changed to %', v_total USING ERRCODE = 'BO030', DETAIL = v_total::text;
    END IF;
    IF v_rest IS NOT NULL THEN
        IF v_paid > v_total THEN
            RAISE EXCEPTION 'the tenders add up to % but the total is %', v_paid, v_total
                USING ERRCODE = 'BO070', DETAIL = v_total::text;
        END IF;
        t_amount[v_rest] := v_total - v_paid;
        t_tendered[v_rest] := coalesce(t_tendered[v_rest], t_amount[v_rest]);
        IF t_method[v_rest] = 'cash' AND t_tendered[v_rest] < t_amount[v_rest] THEN
            RAISE EXCEPTION 'cash tendered % is less than the total %', t_tendered[v_rest], v_total
                USING ERRCODE = 'BO030', DETAIL = v_total::text;
        ELSIF t_method[v_rest] <> 'cash' AND t_tendered[v_rest] <> t_amount[v_rest] THEN
            RAISE EXCEPTION 'a % tender gives no change', t_method[v_rest] USING ERRCODE = 'BO071';
        END IF;
        IF t_method[v_rest] = 'comp' THEN
            v_comp := v_comp + t_amount[v_rest];
        END IF;
        v_paid := v_total;
        v_handed := v_handed + t_tendered[v_rest];
    END IF;
    IF v_paid <> v_total THEN
        RAISE EXCEPTION 'the tenders add up to % but the total is %', v_paid, v_total
            USING ERRCODE = 'BO070', DETAIL = v_total::text;
    END IF;
    INSERT INTO orders (channel, currency, total_minor, staff_id)
    VALUES (p_channel, v_currency, v_total, v_staff) RETURNING * INTO v_order;
    IF v_comp > 0 OR 'comp' = ANY (t_method) THEN
        IF NOT bo_may('comp') THEN
            IF p_override IS NULL THEN
                RAISE EXCEPTION 'a complimentary tender needs a manager''s override' USING ERRCODE = 'BO074';
            END IF;
            -- one conditional statement: a token is used once, even by two tills at the same moment
            UPDATE manager_override SET used_at = clock_timestamp(), used_by = v_staff, order_id = v_order.id
            WHERE id = p_override AND kind = 'comp' AND used_at IS NULL AND expires_at > clock_timestamp()
            RETURNING * INTO v_override;
            IF NOT FOUND THEN
                RAISE EXCEPTION 'the manager''s override is unknown, used or expired; ask again'
                    USING ERRCODE = 'BO075';
            END IF;
            PERFORM bo_audit('override.use', 'order ' || v_order.number,
                             jsonb_build_object('override', left(v_override.id::text, 8), 'kind', v_override.kind,
                                                'reason', v_override.reason, 'granted_by', v_override.granted_by,
                                                'comp_minor', v_comp, 'currency', v_currency), p_channel);
        END IF;
    END IF;
    WITH made AS (
        INSERT INTO ticket (order_id, showtime_id, seat_id, ga_area_id, category_id, ticket_type_id, price_minor,
                            discount_minor, promo_code_id)
        SELECT v_order.id, p_showtime, l.seat, l.area, l.cat, l.type, l.price,
               l.disc, CASE WHEN v_promo IS NOT NULL AND l.disc > 0 THEN v_promo END
        FROM unnest(l_seat, l_area, l_cat, l_type, l_price, l_disc)
             WITH ORDINALITY AS l(seat, area, cat, type, price, disc, n)
        ORDER BY l.n
        RETURNING id
    )
    SELECT array_agg(id ORDER BY id) INTO v_tickets FROM made;
    -- promo: one use of the code (its trigger enforces the limits under a lock)
    IF v_promo IS NOT NULL THEN
        INSERT INTO promo_redemption (code_id, epoch, order_id, discount_minor)
        SELECT v_promo, 0, v_order.id, sum(d) FROM unnest(l_disc) d;
    END IF;
    INSERT INTO payment (order_id, method, amount_minor, tendered_minor, reference, comp_reason, override_id)
    SELECT v_order.id, x.method, x.amount, x.given, x.ref, x.reason,
           CASE WHEN x.method = 'comp' THEN v_override.id END
    FROM unnest(t_method, t_amount, t_tendered, t_ref, t_reason) WITH ORDINALITY AS x(method, amount, given, ref, reason, n)
    ORDER BY x.n;
    RETURN jsonb_build_object(
        'order_id', v_order.id, 'number', v_order.number, 'ticket_ids', to_jsonb(v_tickets),
        'total_minor', v_total, 'tendered_minor', v_handed, 'change_minor', v_handed - v_total,
        'currency', v_currency, 'discount_minor', (SELECT sum(d) FROM unnest(l_disc) d),
        'method', CASE WHEN cardinality(array(SELECT DISTINCT unnest(t_method))) = 1 THEN t_method[1] ELSE 'split' END,
        'tenders', (SELECT jsonb_agg(jsonb_build_object('method', x.method, 'amount_minor', x.amount,
                                                        'tendered_minor', x.given) ORDER BY x.n)
                    FROM unnest(t_method, t_amount, t_tendered) WITH ORDINALITY AS x(method, amount, given, n)));
END $$;

-- Grants: tills see no override token; nobody writes these tables directly.
REVOKE ALL ON TABLE manager_override, order_paid FROM PUBLIC;
GRANT SELECT (kind, reason, granted_by, till, granted_at, expires_at, used_at, used_by, order_id)
    ON manager_override TO bo_manager, bo_admin;
GRANT SELECT ON order_paid TO bo_cashier, bo_manager, bo_admin;
GRANT SELECT (comp_reason) ON payment TO bo_cashier, bo_door, bo_manager, bo_admin, bo_web;
GRANT SELECT (override_id) ON payment TO bo_manager, bo_admin;
REVOKE ALL ON FUNCTION bo_payment_within_total(), bo_order_paid_check(), bo_payment_tender_frozen(),
    bo_override_frozen(), bo_override_grant(text, text),
    bo_checkout(integer, uuid, text, integer[], integer[], jsonb, jsonb, uuid, integer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bo_checkout(integer, uuid, text, integer[], integer[], jsonb, jsonb, uuid, integer, text)
    TO bo_cashier, bo_manager, bo_admin;
GRANT EXECUTE ON FUNCTION bo_override_grant(text, text) TO bo_manager, bo_admin;
"""

DOWNGRADE = r"""
DROP FUNCTION bo_checkout(integer, uuid, text, integer[], integer[], jsonb, jsonb, uuid, integer, text);
DROP FUNCTION bo_override_grant(text, text);
DROP TRIGGER payment_tender_frozen ON payment;
DROP TRIGGER payment_adds_up ON payment;
DROP TRIGGER orders_paid_in_full ON orders;
DROP TRIGGER payment_within_total ON payment;
DROP FUNCTION bo_payment_tender_frozen();
DROP FUNCTION bo_order_paid_check();
DROP FUNCTION bo_payment_within_total();
DROP TABLE order_paid;
ALTER TABLE payment DROP CONSTRAINT payment_override_only_comp, DROP CONSTRAINT payment_comp_reason,
    DROP CONSTRAINT payment_change_only_cash;
ALTER TABLE payment DROP COLUMN override_id, DROP COLUMN comp_reason;
DROP TRIGGER manager_override_frozen ON manager_override;
DROP FUNCTION bo_override_frozen();
DROP TABLE manager_override;
DELETE FROM role_permission WHERE permission = 'comp';

-- bo_checkout as revision 0021 made it (one method, a promo code)
CREATE FUNCTION bo_checkout(p_showtime integer, p_token uuid, p_channel text, p_seats integer[], p_types integer[],
                            p_ga jsonb, p_method text, p_tendered integer, p_reference text,
                            p_expected integer DEFAULT NULL, p_promo text DEFAULT NULL) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_staff integer := bo_require('sell');
    v_currency varchar(3);
    seats integer[] := coalesce(p_seats, '{}');
    l_seat integer[] := '{}';
    l_area integer[] := '{}';
    l_cat integer[] := '{}';
    l_type integer[] := '{}';
    l_price integer[] := '{}';
    l_disc integer[];  -- promo
    v_promo integer;   -- promo
    r record;
    g record;
    v_total bigint;
    v_tendered integer;
    v_order orders%ROWTYPE;
    v_tickets bigint[];
BEGIN
    IF p_token IS NULL OR p_channel IS NULL OR btrim(p_channel) = '' OR length(p_channel) > 60 THEN
        RAISE EXCEPTION 'bo_checkout needs a token and a channel' USING ERRCODE = '22023';
    END IF;
    IF p_method IS NULL OR p_method NOT IN ('cash', 'card', 'online') THEN
        RAISE EXCEPTION 'unknown payment method %', p_method USING ERRCODE = '22023';
    END IF;
    IF length(p_reference) > 100 THEN
        RAISE EXCEPTION 'a payment reference has at most 100 characters' USING ERRCODE = '22023';
    END IF;
    IF p_ga IS NOT NULL AND jsonb_typeof(p_ga) <> 'object' THEN
        RAISE EXCEPTION 'p_ga maps area ids to places' USING ERRCODE = '22023';
    END IF;
    IF cardinality(seats) = 0 AND coalesce(p_ga, '{}') = '{}' THEN
        RAISE EXCEPTION 'the basket is empty' USING ERRCODE = '22023';
    END IF;
    SELECT v.currency INTO v_currency FROM showtime st JOIN venue v ON v.id = st.venue_id WHERE st.id = p_showtime;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'showtime % does not exist', p_showtime USING ERRCODE = 'P0002';
    END IF;
    IF cardinality(seats) > 0 THEN
        FOR r IN SELECT * FROM bo_sell(p_showtime, seats, p_token, p_channel, p_types) LOOP
            l_seat := l_seat || r.seat_id;
            l_area := l_area || NULL::integer;
            l_cat := l_cat || r.category_id;
            l_type := l_type || r.ticket_type_id;
            l_price := l_price || r.price_minor;
        END LOOP;
    END IF;
    FOR g IN SELECT key::integer AS area, value FROM jsonb_each(coalesce(p_ga, '{}')) ORDER BY key::integer LOOP
        IF jsonb_typeof(g.value) <> 'number' OR (g.value #>> '{}')::numeric NOT BETWEEN 1 AND 500
           OR (g.value #>> '{}')::numeric <> trunc((g.value #>> '{}')::numeric) THEN
            RAISE EXCEPTION 'places of area % must be a whole number from 1 to 500', g.area USING ERRCODE = '22023';
        END IF;
        SELECT * INTO r FROM bo_ga_sell(p_showtime, g.area, (g.value #>> '{}')::integer, p_token);
        IF r.price_minor IS NULL THEN
            RAISE EXCEPTION 'area % has no price for this showtime', g.area
                USING ERRCODE = 'BO014', DETAIL = 'area ' || g.area;
        END IF;
        FOR i IN 1 .. (g.value #>> '{}')::integer LOOP
            l_seat := l_seat || NULL::integer;
            l_area := l_area || g.area;
            l_cat := l_cat || r.category_id;
            l_type := l_type || r.ticket_type_id;
            l_price := l_price || r.price_minor;
        END LOOP;
    END LOOP;
    -- promo: the discount of each line (BO120-BO125 when the code does not apply)
    l_disc := array_fill(0, ARRAY[cardinality(l_price)]);
    IF p_promo IS NOT NULL AND btrim(p_promo) <> '' THEN
        SELECT d.code_id, d.discounts INTO v_promo, l_disc
        FROM bo_promo_discount(p_promo, p_showtime, l_cat, l_type, l_price) d;
    END IF;
    SELECT coalesce(sum(p - d), 0) INTO v_total FROM unnest(l_price, l_disc) AS x(p, d);
    IF v_total > 1000000000 THEN
        RAISE EXCEPTION 'the total % is not a possible amount', v_total USING ERRCODE = '22023';
    END IF;
    IF p_expected IS NOT NULL AND p_expected <> v_total THEN
        RAISE EXCEPTION 'the total changed to %', v_total USING ERRCODE = 'BO030', DETAIL = v_total::text;
    END IF;
    IF p_method = 'cash' THEN
        IF p_tendered IS NULL OR p_tendered NOT BETWEEN 0 AND 1000000000 THEN
            RAISE EXCEPTION 'a cash sale needs the amount tendered' USING ERRCODE = '22023';
        END IF;
        IF p_tendered < v_total THEN
            RAISE EXCEPTION 'cash tendered % is less than the total %', p_tendered, v_total
                USING ERRCODE = 'BO030', DETAIL = v_total::text;
        END IF;
        v_tendered := p_tendered;
    ELSE
        v_tendered := coalesce(p_tendered, v_total);
        IF v_tendered <> v_total THEN
            RAISE EXCEPTION 'a % payment must be exactly the total %', p_method, v_total
                USING ERRCODE = 'BO030', DETAIL = v_total::text;
        END IF;
    END IF;
    INSERT INTO orders (channel, currency, total_minor, staff_id)
    VALUES (p_channel, v_currency, v_total, v_staff) RETURNING * INTO v_order;
    WITH made AS (
        INSERT INTO ticket (order_id, showtime_id, seat_id, ga_area_id, category_id, ticket_type_id, price_minor,
                            discount_minor, promo_code_id)
        SELECT v_order.id, p_showtime, l.seat, l.area, l.cat, l.type, l.price,
               l.disc, CASE WHEN v_promo IS NOT NULL AND l.disc > 0 THEN v_promo END
        FROM unnest(l_seat, l_area, l_cat, l_type, l_price, l_disc)
             WITH ORDINALITY AS l(seat, area, cat, type, price, disc, n)
        ORDER BY l.n
        RETURNING id
    )
    SELECT array_agg(id ORDER BY id) INTO v_tickets FROM made;
    -- promo: one use of the code (its trigger enforces the limits under a lock)
    IF v_promo IS NOT NULL THEN
        INSERT INTO promo_redemption (code_id, epoch, order_id, discount_minor)
        SELECT v_promo, 0, v_order.id, sum(d) FROM unnest(l_disc) d;
    END IF;
    INSERT INTO payment (order_id, method, amount_minor, tendered_minor, reference)
    VALUES (v_order.id, p_method, v_total, v_tendered, p_reference);
    RETURN jsonb_build_object('order_id', v_order.id, 'number', v_order.number, 'ticket_ids', to_jsonb(v_tickets),
                              'total_minor', v_total, 'tendered_minor', v_tendered,
                              'change_minor', v_tendered - v_total, 'currency', v_currency, 'method', p_method,
                              'discount_minor', (SELECT sum(d) FROM unnest(l_disc) d));
END $$;

REVOKE ALL ON FUNCTION bo_checkout(integer, uuid, text, integer[], integer[], jsonb, text, integer, text, integer, text)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bo_checkout(integer, uuid, text, integer[], integer[], jsonb, text, integer, text, integer, text)
    TO bo_cashier, bo_manager, bo_admin;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
