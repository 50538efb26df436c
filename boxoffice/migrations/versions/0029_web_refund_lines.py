"""The refund policy's refunds (web bookings) write per-ticket refund lines.

``bo_refund_booking`` (0012) wrote one ``refund`` row and no ``refund_ticket`` lines, so the
reports' "returned" figures (``services/report_queries.returned_tickets``) counted a
half refund at the tickets' full price. It now shares the refunded amount out over the
tickets it voids in proportion to what was paid for each (list price less promo discount),
rounding on the running total so that the lines add up to the refund exactly and none is
above its ticket's price (``bo_refund_ticket_check``, 0023). The rules are unchanged.

Revision ID: 0029_web_refund_lines
Revises: 0024_comp_refunds
"""

from __future__ import annotations

from alembic import op

revision = "0029_web_refund_lines"
down_revision = "0024_comp_refunds"
branch_labels = None
depends_on = None

_HEAD = r"""
CREATE OR REPLACE FUNCTION bo_refund_booking(p_booking uuid, p_at timestamptz DEFAULT NULL)
RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    b booking%ROWTYPE;
    st showtime%ROWTYPE;
    at_ timestamptz := clock_timestamp();
    pct integer;
    amount integer;
    v_rule text;
    voided integer;
    v_refund integer;
    v_tickets bigint[];
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
"""

_NEW_LINES = r"""
    SELECT coalesce(array_agg(id ORDER BY id), '{}') INTO v_tickets
    FROM ticket WHERE order_id = b.order_id AND status = 'valid';
    voided := bo_refund_order(b.order_id);
    INSERT INTO refund (order_id, amount_minor, reason) VALUES (b.order_id, amount, v_rule)
    RETURNING id INTO v_refund;
    -- Each line: the refund's share of the running total of what was paid, minus the share
    -- before it (floor on both), so the lines sum to the refund and none exceeds its price.
    INSERT INTO refund_ticket (refund_id, ticket_id, amount_minor)
    SELECT v_refund, id,
           CASE WHEN total = 0 THEN 0
                ELSE (running * LEAST(amount, total) / total) - ((running - paid) * LEAST(amount, total) / total) END
    FROM (SELECT id, (price_minor - discount_minor)::bigint AS paid,
                 sum(price_minor - discount_minor) OVER (ORDER BY id)::bigint AS running,
                 sum(price_minor - discount_minor) OVER ()::bigint AS total
          FROM ticket WHERE id = ANY (v_tickets)) shares;
"""

_OLD_LINES = r"""
    voided := bo_refund_order(b.order_id);
    INSERT INTO refund (order_id, amount_minor, reason) VALUES (b.order_id, amount, v_rule);
"""

_END = r"""
    UPDATE booking SET status = 'refunded', ended_at = clock_timestamp() WHERE id = b.id;
    RETURN jsonb_build_object('amount_minor', amount, 'percent', pct, 'rule', v_rule, 'tickets_voided', voided);
END $$;
"""


def upgrade() -> None:
    """Replace ``bo_refund_booking`` with the version that writes refund lines (grants
    and owner are kept by ``CREATE OR REPLACE``)."""
    op.execute(_HEAD + _NEW_LINES + _END)


def downgrade() -> None:
    """Back to 0012's behaviour: one refund row, no lines."""
    op.execute(_HEAD + _OLD_LINES + _END)
