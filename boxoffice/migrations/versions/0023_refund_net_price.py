"""Refunds and exchanges at the price paid (orders x promo codes).

Since 0021_promo a ticket keeps its list price (``price_minor``) and its promo discount
(``discount_minor``); the customer paid ``price_minor - discount_minor``. 0016's
``bo_refund_tickets`` (and so ``bo_refund``, which goes through it), ``bo_exchange`` (the
credit) and the ``refund_ticket`` check (a line's ceiling) still used the list price, so a
discounted ticket was refunded and credited at more than was paid. This revision replaces
the three bodies (otherwise as in 0016) to use the price paid; the new tickets of an
exchange keep their list price from ``bo_sale_lines``. CREATE OR REPLACE keeps owners,
grants, SECURITY DEFINER and search_path. No new SQLSTATEs.

Revision ID: 0023_refund_net_price
Revises: 0022_customers
Create Date: 2026-11-30
"""

from alembic import op

revision = "0023_refund_net_price"
down_revision = "0022_customers"
branch_labels = None
depends_on = None

UPGRADE = r"""
-- As 0016, with each ticket price that stands for money paid now price_minor - discount_minor.
CREATE OR REPLACE FUNCTION bo_refund_ticket_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM refund r JOIN ticket t ON t.order_id = r.order_id
                   WHERE r.id = NEW.refund_id AND t.id = NEW.ticket_id AND NEW.amount_minor <= t.price_minor - t.discount_minor) THEN
        RAISE EXCEPTION 'ticket % is not part of the refunded order, or is refunded above its price', NEW.ticket_id
            USING ERRCODE = 'BO091', DETAIL = NEW.ticket_id::text;
    END IF;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION bo_refund_tickets(p_order integer, p_tickets bigint[], p_method text, p_reason text)
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
    SELECT coalesce(sum(price_minor - discount_minor), 0) INTO amount FROM ticket WHERE id = ANY (wanted);
    n := bo_tickets_give_back(wanted, 'refunded');
    INSERT INTO refund (order_id, amount_minor, reason, method)
    VALUES (o.id, amount, btrim(p_reason), v_method) RETURNING id INTO v_refund;
    INSERT INTO refund_ticket (refund_id, ticket_id, amount_minor)
    SELECT v_refund, t.id, t.price_minor - t.discount_minor FROM ticket t WHERE t.id = ANY (wanted) ORDER BY t.id;
    IF NOT EXISTS (SELECT 1 FROM ticket WHERE order_id = o.id AND status = 'valid') THEN
        UPDATE booking SET status = 'refunded', ended_at = clock_timestamp()
        WHERE order_id = o.id AND status = 'confirmed';
    END IF;
    RETURN jsonb_build_object('refund_id', v_refund, 'order_id', o.id, 'number', o.number, 'amount_minor', amount,
                              'currency', o.currency, 'method', v_method,
                              'ticket_ids', to_jsonb(ARRAY(SELECT unnest(wanted) ORDER BY 1)), 'tickets_refunded', n);
END $$;

CREATE OR REPLACE FUNCTION bo_exchange(p_order integer, p_tickets bigint[], p_showtime integer, p_seats integer[],
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
    SELECT coalesce(sum(price_minor - discount_minor), 0) INTO credit FROM ticket WHERE id = ANY (p_tickets);
    SELECT coalesce(sum(l.price_minor), 0) INTO new_total FROM bo_sale_lines(p_showtime, seats, p_types) l;
    used := least(credit, new_total);
    due := new_total - used;
    remainder := credit - used;
    IF p_expected_difference IS NOT NULL AND p_expected_difference <> due - remainder THEN
        RAISE EXCEPTION 'the difference changed to %', due - remainder
            USING ERRCODE = 'BO096', DETAIL = (due - remainder)::text;
    END IF;

    IF remainder > 0 AND (p_refund_method IS NULL OR p_refund_method NOT IN ('cash', 'card', 'online')) THEN
        RAISE EXCEPTION 'say how % is paid back: cash, card or online', remainder
            USING ERRCODE = 'BO097', DETAIL = coalesce(p_refund_method, '');
    END IF;
    -- The tenders, checked before anything is written: they pay exactly the difference.
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
        paid := paid + (tender.t ->> 'amount_minor')::bigint;
    END LOOP;
    IF paid <> due THEN
        RAISE EXCEPTION 'the tenders add up to %, the difference to pay is %', paid, due
            USING ERRCODE = 'BO095', DETAIL = due::text;
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
    SELECT v_credit_refund, t.id, t.price_minor - t.discount_minor FROM ticket t WHERE t.id = ANY (p_tickets) ORDER BY t.id;
    IF remainder > 0 THEN
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
    INSERT INTO payment (order_id, method, amount_minor, tendered_minor, reference)
    SELECT v_new.id, t ->> 'method', (t ->> 'amount_minor')::integer,
           coalesce((t ->> 'tendered_minor')::integer, (t ->> 'amount_minor')::integer), t ->> 'reference'
    FROM jsonb_array_elements(coalesce(p_tenders, '[]')) WITH ORDINALITY AS x(t, n) ORDER BY n;
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
"""

# 0016_orders' bodies, restored as they were.
DOWNGRADE = r"""
CREATE OR REPLACE FUNCTION bo_refund_ticket_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM refund r JOIN ticket t ON t.order_id = r.order_id
                   WHERE r.id = NEW.refund_id AND t.id = NEW.ticket_id AND NEW.amount_minor <= t.price_minor) THEN
        RAISE EXCEPTION 'ticket % is not part of the refunded order, or is refunded above its price', NEW.ticket_id
            USING ERRCODE = 'BO091', DETAIL = NEW.ticket_id::text;
    END IF;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION bo_refund_tickets(p_order integer, p_tickets bigint[], p_method text, p_reason text)
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

CREATE OR REPLACE FUNCTION bo_exchange(p_order integer, p_tickets bigint[], p_showtime integer, p_seats integer[],
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

    IF remainder > 0 AND (p_refund_method IS NULL OR p_refund_method NOT IN ('cash', 'card', 'online')) THEN
        RAISE EXCEPTION 'say how % is paid back: cash, card or online', remainder
            USING ERRCODE = 'BO097', DETAIL = coalesce(p_refund_method, '');
    END IF;
    -- The tenders, checked before anything is written: they pay exactly the difference.
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
        paid := paid + (tender.t ->> 'amount_minor')::bigint;
    END LOOP;
    IF paid <> due THEN
        RAISE EXCEPTION 'the tenders add up to %, the difference to pay is %', paid, due
            USING ERRCODE = 'BO095', DETAIL = due::text;
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
    INSERT INTO payment (order_id, method, amount_minor, tendered_minor, reference)
    SELECT v_new.id, t ->> 'method', (t ->> 'amount_minor')::integer,
           coalesce((t ->> 'tendered_minor')::integer, (t ->> 'amount_minor')::integer), t ->> 'reference'
    FROM jsonb_array_elements(coalesce(p_tenders, '[]')) WITH ORDINALITY AS x(t, n) ORDER BY n;
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
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
