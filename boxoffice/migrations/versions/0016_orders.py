"""Orders at the counter (issue 11): refunds of chosen tickets to a chosen tender, and
exchanges to other seats or another showtime of the same show, in one transaction.

* ``refund.method``: the tender the money went back to (cash, card, online, comp,
  exchange). Rows written without one (the web's ``bo_refund_booking``) take the order's
  first real payment method (trigger ``refund_method_default``); existing rows are
  backfilled the same way.
* ``refund_ticket (refund_id, ticket_id UNIQUE, amount_minor)``: the tickets a refund
  paid back, each at most once, at the price the database holds.
* ``orders.exchanged_from``: the order a new order's tickets were exchanged from.
* ``exchange``: one row per exchange (old order, new order, credit, difference).
* ``order_customer`` and ``bo_order_customer_set``: who an order is for (name, e-mail), to
  find it again at the counter (F4).
* ``bo_refund_tickets(order, tickets|NULL, method|NULL, reason)``: refund some (NULL: all
  valid) tickets of an order; ``bo_refund`` (whole order by number) now goes through it.
* ``bo_exchange(order, tickets, showtime, seats, types, tenders, refund_method, reason,
  channel, expected_difference)``: old tickets -> 'exchanged', a refund of method
  'exchange' for the credit used, a new order paid by an 'exchange' payment plus the
  tenders for any difference (or a second refund of the remainder in ``refund_method``).
  The new seats are taken in the same statement that checks they are free.

SQLSTATEs: BO090 (a new seat is not free), BO091 (a ticket is not part of the order),
BO092 (a ticket is no longer valid), BO093 (tickets and seats do not match), BO094 (not the
same show or currency), BO095 (tenders do not match the difference), BO096 (the difference
changed), BO097 (unknown refund method); 42501 (not allowed), 22023 (bad input).

Revision ID: 0016_orders
Revises: 0015_drawer
Create Date: 2026-11-30
"""

from alembic import op

revision = "0016_orders"
down_revision = "0015_drawer"
branch_labels = None
depends_on = None

UPGRADE = r"""
-- ---------------------------------------------------------------------------
-- The ledger: refund tender, refunded tickets, exchanges
-- ---------------------------------------------------------------------------
-- The payment methods this revision writes ('exchange'); kept if another revision already
-- widened the list.
DO $do$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'payment_method_check'
                   AND pg_get_constraintdef(oid) LIKE '%exchange%') THEN
        ALTER TABLE payment DROP CONSTRAINT IF EXISTS payment_method_check;
        ALTER TABLE payment ADD CONSTRAINT payment_method_check
            CHECK (method IN ('cash', 'card', 'online', 'comp', 'exchange'));
    END IF;
END $do$;

ALTER TABLE refund ADD COLUMN method varchar(20);
ALTER TABLE refund DISABLE TRIGGER refund_sale_frozen;
UPDATE refund r SET method = coalesce(
    (SELECT p.method FROM payment p WHERE p.order_id = r.order_id ORDER BY p.id LIMIT 1), 'cash');
ALTER TABLE refund ENABLE TRIGGER refund_sale_frozen;
ALTER TABLE refund ALTER COLUMN method SET NOT NULL;
ALTER TABLE refund ADD CONSTRAINT refund_method_check
    CHECK (method IN ('cash', 'card', 'online', 'comp', 'exchange'));
GRANT SELECT (method) ON refund TO bo_cashier, bo_door, bo_manager, bo_admin, bo_web;

-- A refund written without a tender goes back the way the order was paid.
CREATE FUNCTION bo_refund_method_default() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.method IS NULL THEN
        NEW.method := coalesce((SELECT p.method FROM payment p WHERE p.order_id = NEW.order_id
                                AND p.method <> 'exchange' ORDER BY p.id LIMIT 1), 'cash');
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER refund_method_default BEFORE INSERT ON refund
    FOR EACH ROW EXECUTE FUNCTION bo_refund_method_default();

CREATE TABLE refund_ticket (
    refund_id integer NOT NULL REFERENCES refund (id),
    ticket_id bigint NOT NULL REFERENCES ticket (id),
    amount_minor integer NOT NULL CHECK (amount_minor >= 0),
    PRIMARY KEY (refund_id, ticket_id),
    CONSTRAINT refund_ticket_once UNIQUE (ticket_id)
);
ALTER TABLE refund_ticket OWNER TO bo_owner;
GRANT SELECT (refund_id, ticket_id, amount_minor) ON refund_ticket
    TO bo_cashier, bo_door, bo_manager, bo_admin, bo_web;

-- A line names a ticket of the refund's own order, for no more than its price.
CREATE FUNCTION bo_refund_ticket_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM refund r JOIN ticket t ON t.order_id = r.order_id
                   WHERE r.id = NEW.refund_id AND t.id = NEW.ticket_id AND NEW.amount_minor <= t.price_minor) THEN
        RAISE EXCEPTION 'ticket % is not part of the refunded order, or is refunded above its price', NEW.ticket_id
            USING ERRCODE = 'BO091', DETAIL = NEW.ticket_id::text;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER refund_ticket_check BEFORE INSERT ON refund_ticket
    FOR EACH ROW EXECUTE FUNCTION bo_refund_ticket_check();
CREATE TRIGGER refund_ticket_frozen BEFORE UPDATE OR DELETE ON refund_ticket
    FOR EACH ROW EXECUTE FUNCTION bo_sale_record_frozen();

ALTER TABLE orders ADD COLUMN exchanged_from integer REFERENCES orders (id);
CREATE INDEX orders_exchanged_from_idx ON orders (exchanged_from) WHERE exchanged_from IS NOT NULL;
GRANT SELECT (exchanged_from) ON orders TO bo_cashier, bo_door, bo_manager, bo_admin, bo_web;

CREATE TABLE exchange (
    id serial PRIMARY KEY,
    from_order_id integer NOT NULL REFERENCES orders (id),
    to_order_id integer NOT NULL UNIQUE REFERENCES orders (id),
    credit_minor integer NOT NULL CHECK (credit_minor >= 0),
    new_total_minor integer NOT NULL CHECK (new_total_minor >= 0),
    credit_refund_id integer NOT NULL REFERENCES refund (id),
    remainder_refund_id integer REFERENCES refund (id),
    staff_id integer REFERENCES staff (id),
    created_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE exchange OWNER TO bo_owner;
ALTER SEQUENCE exchange_id_seq OWNER TO bo_owner;
CREATE INDEX exchange_from_order_idx ON exchange (from_order_id);
GRANT SELECT (id, from_order_id, to_order_id, credit_minor, new_total_minor, credit_refund_id,
              remainder_refund_id, staff_id, created_at) ON exchange TO bo_cashier, bo_manager, bo_admin;
CREATE TRIGGER exchange_frozen BEFORE UPDATE OR DELETE ON exchange
    FOR EACH ROW EXECUTE FUNCTION bo_sale_record_frozen();

-- Who an order is for (a phone order's name, an e-mail), so the counter can find it again.
-- Not part of the sale record: the seller (or anyone who may sell) can correct it.
CREATE TABLE order_customer (
    order_id integer PRIMARY KEY REFERENCES orders (id),
    name varchar(120),
    email varchar(254),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT order_customer_named CHECK (name IS NOT NULL OR email IS NOT NULL)
);
ALTER TABLE order_customer OWNER TO bo_owner;
GRANT SELECT (order_id, name, email, updated_at) ON order_customer TO bo_cashier, bo_manager, bo_admin;

-- Record (or with both empty: forget) who order p_order is for. Returns the order id.
CREATE FUNCTION bo_order_customer_set(p_order integer, p_name text, p_email text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_name text := nullif(btrim(coalesce(p_name, '')), '');
    v_email text := nullif(lower(btrim(coalesce(p_email, ''))), '');
BEGIN
    PERFORM bo_require('sell');
    IF length(v_name) > 120 OR length(v_email) > 254 OR (v_email IS NOT NULL AND v_email !~ '^[^@\s]+@[^@\s]+$') THEN
        RAISE EXCEPTION 'a name has at most 120 characters and an e-mail looks like name@example.org'
            USING ERRCODE = '22023';
    END IF;
    PERFORM 1 FROM orders WHERE id = p_order;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'order % does not exist', p_order USING ERRCODE = 'P0002';
    END IF;
    IF v_name IS NULL AND v_email IS NULL THEN
        DELETE FROM order_customer WHERE order_id = p_order;
    ELSE
        INSERT INTO order_customer (order_id, name, email) VALUES (p_order, v_name, v_email)
        ON CONFLICT (order_id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email, updated_at = now();
    END IF;
    RETURN p_order;
END $$;

-- ---------------------------------------------------------------------------
-- Helpers (internal; no grant)
-- ---------------------------------------------------------------------------
-- Lock order p_order and check the caller may take back its tickets p_tickets (valid, of
-- this order): staff need refund_any for another seller's order and override once the
-- earliest of those showtimes has started. Returns the order.
CREATE FUNCTION bo_order_take_back(p_order integer, p_tickets bigint[], p_staff integer) RETURNS orders
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
    o orders%ROWTYPE;
    bad bigint[];
    starts timestamptz;
BEGIN
    SELECT * INTO o FROM orders WHERE id = p_order FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'order % does not exist', p_order USING ERRCODE = 'P0002';
    END IF;
    IF p_tickets IS NULL OR cardinality(p_tickets) = 0 THEN
        RAISE EXCEPTION 'choose at least one ticket' USING ERRCODE = '22023';
    END IF;
    IF (SELECT count(DISTINCT x) FROM unnest(p_tickets) x) <> cardinality(p_tickets) THEN
        RAISE EXCEPTION 'a ticket is listed twice' USING ERRCODE = '22023';
    END IF;
    SELECT coalesce(array_agg(x ORDER BY x), '{}') INTO bad FROM unnest(p_tickets) x
    WHERE NOT EXISTS (SELECT 1 FROM ticket t WHERE t.id = x AND t.order_id = p_order);
    IF cardinality(bad) > 0 THEN
        RAISE EXCEPTION 'tickets % are not part of order %', bad, o.number
            USING ERRCODE = 'BO091', DETAIL = array_to_string(bad, ',');
    END IF;
    PERFORM 1 FROM ticket WHERE id = ANY (p_tickets) ORDER BY id FOR UPDATE;
    SELECT coalesce(array_agg(id ORDER BY id), '{}') INTO bad FROM ticket
    WHERE id = ANY (p_tickets) AND status <> 'valid';
    IF cardinality(bad) > 0 THEN
        RAISE EXCEPTION 'tickets % of order % are no longer valid', bad, o.number
            USING ERRCODE = 'BO092', DETAIL = array_to_string(bad, ',');
    END IF;
    IF bo_caller_kind() = 'staff' THEN
        IF o.staff_id IS DISTINCT FROM p_staff AND NOT bo_may('refund_any') THEN
            RAISE EXCEPTION 'order % was sold by someone else', o.number USING ERRCODE = '42501', DETAIL = 'refund_any';
        END IF;
        SELECT min(st.starts_at) INTO starts FROM ticket t JOIN showtime st ON st.id = t.showtime_id
        WHERE t.id = ANY (p_tickets);
        IF starts <= clock_timestamp() AND NOT bo_may('override') THEN
            RAISE EXCEPTION 'the show of order % has started', o.number USING ERRCODE = '42501', DETAIL = 'override';
        END IF;
    END IF;
    RETURN o;
END $$;

-- Set tickets p_tickets (locked by bo_order_take_back) to p_status and put their seats back
-- on sale (general-admission places free themselves: they count valid tickets).
CREATE FUNCTION bo_tickets_give_back(p_tickets bigint[], p_status text) RETURNS integer
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
    n integer;
BEGIN
    PERFORM 1 FROM inventory i JOIN ticket t ON t.showtime_id = i.showtime_id AND t.seat_id = i.seat_id
    WHERE t.id = ANY (p_tickets) ORDER BY i.showtime_id, i.seat_id FOR UPDATE OF i;
    WITH voided AS (
        UPDATE ticket SET status = p_status, voided_at = clock_timestamp()
        WHERE id = ANY (p_tickets) AND status = 'valid'
        RETURNING showtime_id, seat_id
    ), freed AS (
        UPDATE inventory i
        SET state = 'available', hold_token = NULL, hold_channel = NULL, hold_expires_at = NULL, hold_login = NULL
        FROM voided v
        WHERE i.showtime_id = v.showtime_id AND i.seat_id = v.seat_id AND i.state = 'sold'
        RETURNING 1
    )
    SELECT count(*) INTO n FROM voided;
    RETURN n;
END $$;

-- ---------------------------------------------------------------------------
-- Refunds of chosen tickets
-- ---------------------------------------------------------------------------
-- Refund tickets p_tickets (NULL: every valid ticket) of order p_order for p_reason, the
-- money going back by p_method (cash, card, online; NULL: how the order was paid). The
-- amount is the tickets' prices as sold. Returns {"refund_id", "order_id", "number",
-- "amount_minor", "currency", "method", "ticket_ids", "tickets_refunded"}.
CREATE FUNCTION bo_refund_tickets(p_order integer, p_tickets bigint[], p_method text, p_reason text)
RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_staff integer := bo_require('refund_own');
    o orders%ROWTYPE;
    wanted bigint[] := p_tickets;
    v_method text := p_method;
    amount bigint;
    v_refund integer;
    n integer;
BEGIN
    IF p_reason IS NULL OR btrim(p_reason) = '' OR length(btrim(p_reason)) > 200 THEN
        RAISE EXCEPTION 'a refund needs a reason of at most 200 characters' USING ERRCODE = '22023';
    END IF;
    IF v_method IS NOT NULL AND v_method NOT IN ('cash', 'card', 'online') THEN
        RAISE EXCEPTION 'money goes back in cash, by card or online, not %', v_method
            USING ERRCODE = 'BO097', DETAIL = v_method;
    END IF;
    IF wanted IS NULL THEN
        PERFORM 1 FROM orders WHERE id = p_order FOR UPDATE;
        SELECT coalesce(array_agg(id ORDER BY id), '{}') INTO wanted FROM ticket
        WHERE order_id = p_order AND status = 'valid';
        IF cardinality(wanted) = 0 AND EXISTS (SELECT 1 FROM orders WHERE id = p_order) THEN
            RAISE EXCEPTION 'order % has no valid tickets left', p_order USING ERRCODE = 'BO005';
        END IF;
    END IF;
    o := bo_order_take_back(p_order, wanted, v_staff);
    IF v_method IS NULL THEN
        v_method := coalesce((SELECT p.method FROM payment p WHERE p.order_id = o.id
                              AND p.method IN ('cash', 'card', 'online') ORDER BY p.id LIMIT 1), 'cash');
    END IF;
    SELECT coalesce(sum(price_minor), 0) INTO amount FROM ticket WHERE id = ANY (wanted);
    n := bo_tickets_give_back(wanted, 'refunded');
    INSERT INTO refund (order_id, amount_minor, reason, method)
    VALUES (o.id, amount, btrim(p_reason), v_method) RETURNING id INTO v_refund;
    INSERT INTO refund_ticket (refund_id, ticket_id, amount_minor)
    SELECT v_refund, t.id, t.price_minor FROM ticket t WHERE t.id = ANY (wanted) ORDER BY t.id;
    IF NOT EXISTS (SELECT 1 FROM ticket WHERE order_id = o.id AND status = 'valid') THEN
        UPDATE booking SET status = 'refunded', ended_at = clock_timestamp()
        WHERE order_id = o.id AND status = 'confirmed';
    END IF;
    RETURN jsonb_build_object('refund_id', v_refund, 'order_id', o.id, 'number', o.number, 'amount_minor', amount,
                              'currency', o.currency, 'method', v_method,
                              'ticket_ids', to_jsonb(ARRAY(SELECT unnest(wanted) ORDER BY 1)), 'tickets_refunded', n);
END $$;

-- Refund order p_number in full at the counter (bo_refund_tickets of its valid tickets, to
-- the tender it was paid with). Returns {"order_id", "number", "amount_minor", "currency",
-- "tickets_voided"} as before.
CREATE OR REPLACE FUNCTION bo_refund(p_number text, p_reason text)
RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_order integer;
    done jsonb;
BEGIN
    PERFORM bo_require('refund_own');
    SELECT id INTO v_order FROM orders WHERE number = upper(btrim(p_number));
    IF NOT FOUND THEN
        RAISE EXCEPTION 'order % does not exist', p_number USING ERRCODE = 'P0002';
    END IF;
    done := bo_refund_tickets(v_order, NULL, NULL, p_reason);
    RETURN jsonb_build_object('order_id', v_order, 'number', done ->> 'number', 'amount_minor', done -> 'amount_minor',
                              'currency', done ->> 'currency', 'tickets_voided', done -> 'tickets_refunded');
END $$;

-- ---------------------------------------------------------------------------
-- Exchanges
-- ---------------------------------------------------------------------------
-- Exchange tickets p_tickets of order p_order for seats p_seats (as many, in the same
-- order; ticket types p_types parallel, NULL = full) at showtime p_showtime of the same
-- show, for p_reason, on channel p_channel (the till). The credit is the old tickets'
-- prices; a dearer new total is collected by p_tenders ([{"method": "cash"|"card",
-- "amount_minor", "tendered_minor"?, "reference"?}], amounts adding up to the difference);
-- a cheaper one pays the rest back by p_refund_method (cash, card, online).
-- p_expected_difference, if given, is the difference the customer was shown (positive:
-- to pay, negative: to get back); another refuses (BO096). Returns {"exchange_id",
-- "order_id", "number", "ticket_ids", "credit_minor", "new_total_minor",
-- "collected_minor", "refunded_minor", "change_minor", "currency"}.
CREATE FUNCTION bo_exchange(p_order integer, p_tickets bigint[], p_showtime integer, p_seats integer[],
                            p_types integer[], p_tenders jsonb, p_refund_method text, p_reason text,
                            p_channel text, p_expected_difference integer DEFAULT NULL)
RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_staff integer := bo_require('sell');
    o orders%ROWTYPE;
    st showtime%ROWTYPE;
    v_currency varchar(3);
    why text;
    seats integer[] := coalesce(p_seats, '{}');
    got integer[];
    unpriced integer[];
    credit bigint;
    new_total bigint;
    used bigint;
    remainder bigint;
    due bigint;
    tender record;
    paid bigint := 0;
    change bigint := 0;
    v_credit_refund integer;
    v_rest_refund integer;
    v_new orders%ROWTYPE;
    v_tickets bigint[];
    v_exchange integer;
BEGIN
    PERFORM bo_require('refund_own');
    IF p_channel IS NULL OR btrim(p_channel) = '' OR length(p_channel) > 60 THEN
        RAISE EXCEPTION 'an exchange needs the till''s channel' USING ERRCODE = '22023';
    END IF;
    IF p_reason IS NULL OR btrim(p_reason) = '' OR length(btrim(p_reason)) > 200 THEN
        RAISE EXCEPTION 'an exchange needs a reason of at most 200 characters' USING ERRCODE = '22023';
    END IF;
    IF cardinality(seats) = 0 OR cardinality(seats) <> cardinality(coalesce(p_tickets, '{}'))
       OR (p_types IS NOT NULL AND cardinality(p_types) <> cardinality(seats))
       OR (SELECT count(DISTINCT s) FROM unnest(seats) s) <> cardinality(seats) THEN
        RAISE EXCEPTION 'choose one new seat for each ticket exchanged' USING ERRCODE = 'BO093';
    END IF;
    IF p_tenders IS NOT NULL AND jsonb_typeof(p_tenders) <> 'array' THEN
        RAISE EXCEPTION 'p_tenders is a list of tenders' USING ERRCODE = '22023';
    END IF;
    o := bo_order_take_back(p_order, p_tickets, v_staff);
    SELECT * INTO st FROM showtime WHERE id = p_showtime FOR SHARE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'showtime % does not exist', p_showtime USING ERRCODE = 'P0002';
    END IF;
    SELECT v.currency INTO v_currency FROM venue v WHERE v.id = st.venue_id;
    IF EXISTS (SELECT 1 FROM ticket t JOIN showtime s ON s.id = t.showtime_id
               WHERE t.id = ANY (p_tickets) AND s.show_id <> st.show_id) OR v_currency <> o.currency THEN
        RAISE EXCEPTION 'tickets are exchanged for the same show, in the same currency' USING ERRCODE = 'BO094';
    END IF;
    why := coalesce(bo_sale_refusal(st.status, st.on_sale_at, st.off_sale_at), '');
    IF why <> '' THEN
        RAISE EXCEPTION 'showtime % is not on sale (%)', p_showtime, why USING ERRCODE = 'BO003', DETAIL = why;
    END IF;
    SELECT coalesce(array_agg(l.seat_id ORDER BY l.seat_id), '{}') INTO unpriced
    FROM bo_sale_lines(p_showtime, seats, p_types) l WHERE l.price_minor IS NULL;
    IF cardinality(unpriced) > 0 OR (SELECT count(*) FROM bo_sale_lines(p_showtime, seats, p_types)) <> cardinality(seats)
    THEN
        RAISE EXCEPTION 'ticket type not sold for these seats at this showtime'
            USING ERRCODE = 'BO014', DETAIL = array_to_string(unpriced, ',');
    END IF;
    SELECT coalesce(sum(price_minor), 0) INTO credit FROM ticket WHERE id = ANY (p_tickets);
    SELECT coalesce(sum(l.price_minor), 0) INTO new_total FROM bo_sale_lines(p_showtime, seats, p_types) l;
    used := least(credit, new_total);
    due := new_total - used;
    remainder := credit - used;
    IF p_expected_difference IS NOT NULL AND p_expected_difference <> due - remainder THEN
        RAISE EXCEPTION 'the difference changed to %', due - remainder
            USING ERRCODE = 'BO096', DETAIL = (due - remainder)::text;
    END IF;

    -- Old and new seats locked together in one order (no deadlock between two tills), the
    -- old ones given back, then the new ones taken only if free: the loser of a race for a
    -- seat gets BO090 and its transaction, old tickets included, is rolled back.
    PERFORM 1 FROM inventory i
    WHERE (i.showtime_id = p_showtime AND i.seat_id = ANY (seats))
       OR (i.showtime_id, i.seat_id) IN (SELECT t.showtime_id, t.seat_id FROM ticket t WHERE t.id = ANY (p_tickets))
    ORDER BY i.showtime_id, i.seat_id FOR UPDATE;
    PERFORM bo_tickets_give_back(p_tickets, 'exchanged');
    WITH taken AS (
        UPDATE inventory i
        SET state = 'sold', hold_token = NULL, hold_channel = p_channel, hold_expires_at = NULL, hold_login = NULL
        WHERE i.showtime_id = p_showtime AND i.seat_id = ANY (seats)
          AND (i.state = 'available' OR (i.state = 'held' AND i.hold_expires_at <= clock_timestamp()))
        RETURNING i.seat_id
    )
    SELECT coalesce(array_agg(seat_id), '{}') INTO got FROM taken;
    IF cardinality(got) < cardinality(seats) THEN
        RAISE EXCEPTION 'seats % are no longer free', ARRAY(SELECT unnest(seats) EXCEPT SELECT unnest(got) ORDER BY 1)
            USING ERRCODE = 'BO090',
                  DETAIL = array_to_string(ARRAY(SELECT unnest(seats) EXCEPT SELECT unnest(got) ORDER BY 1), ',');
    END IF;

    INSERT INTO refund (order_id, amount_minor, reason, method)
    VALUES (o.id, used, btrim(p_reason), 'exchange') RETURNING id INTO v_credit_refund;
    INSERT INTO refund_ticket (refund_id, ticket_id, amount_minor)
    SELECT v_credit_refund, t.id, t.price_minor FROM ticket t WHERE t.id = ANY (p_tickets) ORDER BY t.id;
    IF remainder > 0 THEN
        IF p_refund_method IS NULL OR p_refund_method NOT IN ('cash', 'card', 'online') THEN
            RAISE EXCEPTION 'say how % is paid back: cash, card or online', remainder
                USING ERRCODE = 'BO097', DETAIL = coalesce(p_refund_method, '');
        END IF;
        INSERT INTO refund (order_id, amount_minor, reason, method)
        VALUES (o.id, remainder, btrim(p_reason), p_refund_method) RETURNING id INTO v_rest_refund;
    END IF;

    INSERT INTO orders (channel, currency, total_minor, staff_id, exchanged_from)
    VALUES (p_channel, o.currency, new_total, v_staff, o.id) RETURNING * INTO v_new;
    WITH made AS (
        INSERT INTO ticket (order_id, showtime_id, seat_id, category_id, ticket_type_id, price_minor)
        SELECT v_new.id, p_showtime, l.seat_id, l.category_id, l.ticket_type_id, l.price_minor
        FROM bo_sale_lines(p_showtime, seats, p_types) l
        JOIN unnest(seats) WITH ORDINALITY AS s(seat, n) ON s.seat = l.seat_id
        ORDER BY s.n
        RETURNING id
    )
    SELECT array_agg(id ORDER BY id) INTO v_tickets FROM made;
    IF used > 0 THEN
        INSERT INTO payment (order_id, method, amount_minor, tendered_minor, reference)
        VALUES (v_new.id, 'exchange', used, used, 'exchange of ' || o.number);
    END IF;
    FOR tender IN SELECT value AS t FROM jsonb_array_elements(coalesce(p_tenders, '[]')) LOOP
        IF jsonb_typeof(tender.t) <> 'object' OR tender.t ->> 'method' IS NULL
           OR tender.t ->> 'method' NOT IN ('cash', 'card')
           OR jsonb_typeof(tender.t -> 'amount_minor') <> 'number'
           OR (tender.t ->> 'amount_minor')::numeric NOT BETWEEN 1 AND 1000000000
           OR (tender.t ->> 'amount_minor')::numeric <> trunc((tender.t ->> 'amount_minor')::numeric)
           OR length(tender.t ->> 'reference') > 100 THEN
            RAISE EXCEPTION 'a tender is {"method": cash or card, "amount_minor": 1 or more}: %', tender.t
                USING ERRCODE = 'BO095';
        END IF;
        IF tender.t ->> 'method' = 'cash' THEN
            IF coalesce((tender.t ->> 'tendered_minor')::numeric, (tender.t ->> 'amount_minor')::numeric)
               NOT BETWEEN (tender.t ->> 'amount_minor')::numeric AND 1000000000 THEN
                RAISE EXCEPTION 'cash tendered must cover its amount' USING ERRCODE = 'BO095';
            END IF;
            change := change + coalesce((tender.t ->> 'tendered_minor')::bigint, (tender.t ->> 'amount_minor')::bigint)
                      - (tender.t ->> 'amount_minor')::bigint;
        ELSIF coalesce((tender.t ->> 'tendered_minor')::numeric, (tender.t ->> 'amount_minor')::numeric)
              <> (tender.t ->> 'amount_minor')::numeric THEN
            RAISE EXCEPTION 'only cash gives change' USING ERRCODE = 'BO095';
        END IF;
        INSERT INTO payment (order_id, method, amount_minor, tendered_minor, reference)
        VALUES (v_new.id, tender.t ->> 'method', (tender.t ->> 'amount_minor')::integer,
                coalesce((tender.t ->> 'tendered_minor')::integer, (tender.t ->> 'amount_minor')::integer),
                tender.t ->> 'reference');
        paid := paid + (tender.t ->> 'amount_minor')::bigint;
    END LOOP;
    IF paid <> due THEN
        RAISE EXCEPTION 'the tenders add up to %, the difference to pay is %', paid, due
            USING ERRCODE = 'BO095', DETAIL = due::text;
    END IF;
    INSERT INTO exchange (from_order_id, to_order_id, credit_minor, new_total_minor, credit_refund_id,
                          remainder_refund_id, staff_id)
    VALUES (o.id, v_new.id, credit, new_total, v_credit_refund, v_rest_refund, v_staff) RETURNING id INTO v_exchange;
    PERFORM bo_audit('exchange', 'order ' || o.number,
                     jsonb_build_object('from_order', o.number, 'to_order', v_new.number, 'tickets', to_jsonb(p_tickets),
                                        'showtime_id', p_showtime, 'seats', to_jsonb(seats), 'credit_minor', credit,
                                        'new_total_minor', new_total));
    RETURN jsonb_build_object('exchange_id', v_exchange, 'order_id', v_new.id, 'number', v_new.number,
                              'ticket_ids', to_jsonb(v_tickets), 'credit_minor', credit, 'new_total_minor', new_total,
                              'collected_minor', due, 'refunded_minor', remainder, 'change_minor', change,
                              'currency', o.currency);
END $$;

REVOKE ALL ON FUNCTION bo_refund_method_default(), bo_refund_ticket_check(), bo_order_customer_set(integer, text, text),
    bo_order_take_back(integer, bigint[], integer), bo_tickets_give_back(bigint[], text),
    bo_refund_tickets(integer, bigint[], text, text),
    bo_exchange(integer, bigint[], integer, integer[], integer[], jsonb, text, text, text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bo_refund_tickets(integer, bigint[], text, text),
    bo_exchange(integer, bigint[], integer, integer[], integer[], jsonb, text, text, text, integer)
    TO bo_cashier, bo_manager, bo_admin;
GRANT EXECUTE ON FUNCTION bo_order_customer_set(integer, text, text) TO bo_cashier, bo_manager, bo_admin;
"""

DOWNGRADE = r"""
DROP FUNCTION bo_exchange(integer, bigint[], integer, integer[], integer[], jsonb, text, text, text, integer);
CREATE OR REPLACE FUNCTION bo_refund(p_number text, p_reason text)
RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    o orders%ROWTYPE;
    amount bigint;
    n integer;
BEGIN
    PERFORM bo_require('refund_own');
    IF p_reason IS NULL OR btrim(p_reason) = '' OR length(btrim(p_reason)) > 200 THEN
        RAISE EXCEPTION 'a refund needs a reason of at most 200 characters' USING ERRCODE = '22023';
    END IF;
    SELECT * INTO o FROM orders WHERE number = upper(btrim(p_number)) FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'order % does not exist', p_number USING ERRCODE = 'P0002';
    END IF;
    SELECT coalesce(sum(price_minor), 0) INTO amount FROM ticket WHERE order_id = o.id AND status = 'valid';
    n := bo_refund_order(o.id);
    IF n = 0 THEN
        RAISE EXCEPTION 'order % has no valid tickets left', o.number USING ERRCODE = 'BO005';
    END IF;
    INSERT INTO refund (order_id, amount_minor, reason) VALUES (o.id, amount, btrim(p_reason));
    UPDATE booking SET status = 'refunded', ended_at = clock_timestamp() WHERE order_id = o.id AND status = 'confirmed';
    RETURN jsonb_build_object('order_id', o.id, 'number', o.number, 'amount_minor', amount, 'currency', o.currency,
                              'tickets_voided', n);
END $$;
DROP FUNCTION bo_refund_tickets(integer, bigint[], text, text);
DROP FUNCTION bo_tickets_give_back(bigint[], text);
DROP FUNCTION bo_order_take_back(integer, bigint[], integer);
DROP TABLE exchange;
DROP FUNCTION bo_order_customer_set(integer, text, text);
DROP TABLE order_customer;
ALTER TABLE orders DROP COLUMN exchanged_from;
DROP TABLE refund_ticket;
DROP FUNCTION bo_refund_ticket_check();
DROP TRIGGER refund_method_default ON refund;
DROP FUNCTION bo_refund_method_default();
ALTER TABLE refund DROP COLUMN method;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
