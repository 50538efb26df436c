"""A complimentary order's refund goes back as comp, never as money.

``bo_refund_tickets`` (0016, 0023) chose the refund's tender, when none was given, from the
order's cash, card or online payments and fell back to ``cash``: refunding an order paid
by comp alone took its price out of the drawer in cash (and a till could choose cash or
card for it too). Now such an order is refunded as ``comp`` (``method`` NULL); a money
tender asked for it is refused (BO097). Found by the randomized ledger test
(tests/test_report_ledger.py).

Revision ID: 0024_comp_refunds
Revises: 0023_refund_net_price
Create Date: 2026-11-30
"""

from alembic import op

revision = "0024_comp_refunds"
down_revision = "0023_refund_net_price"
branch_labels = None
depends_on = None

UPGRADE = r"""
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
    -- an order paid by comp alone goes back as comp: no money leaves for it
    IF EXISTS (SELECT 1 FROM payment p WHERE p.order_id = o.id AND p.method = 'comp')
       AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.order_id = o.id AND p.method <> 'comp') THEN
        IF v_method IS NOT NULL THEN
            RAISE EXCEPTION 'a complimentary order is refunded as comp, not %', v_method
                USING ERRCODE = 'BO097', DETAIL = v_method;
        END IF;
        v_method := 'comp';
    END IF;
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
"""

DOWNGRADE = r"""
-- bo_refund_tickets as 0023_refund_net_price left it
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
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
