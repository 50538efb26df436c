"""A fully refunded order gives its promo code's use back.

``bo_promo_uses`` (0021) counted a use while its order existed, so a code limited to ten
uses stayed used up after one of its ten buyers was refunded in full: the venue's "first
ten buyers" offer lost a place with every refund. As pretix does for a cancelled order's
voucher, a use now counts while its order still has a ticket that is not refunded (a
partial refund keeps the use: the order still enjoys the discount on its other tickets;
an exchange keeps it too, since the order was not given back), or while its web booking is
pending and alive, as before. The counting still happens inside the code's row lock
(trigger ``promo_redemption_limits``), so no race can pass a limit; a refund only lowers
the count.

``promo_code.redemptions`` (uses ever recorded) is unchanged.

SQLSTATEs: none new.

Revision ID: 0034_promo_refund_gives_back
Revises: 0033_sale_override
"""

from __future__ import annotations

from alembic import op

revision = "0034_promo_refund_gives_back"
down_revision = "0033_sale_override"
branch_labels = None
depends_on = None

_USES = r"""
CREATE OR REPLACE FUNCTION bo_promo_uses(p_code integer, p_epoch integer, p_email text DEFAULT NULL) RETURNS integer
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT count(*)::integer FROM promo_redemption r
    WHERE r.code_id = p_code AND r.epoch = p_epoch
      AND (p_email IS NULL OR lower(r.email) = lower(p_email))
      AND ((r.order_id IS NOT NULL
            AND (EXISTS (SELECT 1 FROM ticket t WHERE t.order_id = r.order_id AND t.status <> 'refunded')
                 OR NOT EXISTS (SELECT 1 FROM ticket t WHERE t.order_id = r.order_id)))
           OR EXISTS (SELECT 1 FROM booking b WHERE b.id = r.booking_id AND b.status = 'pending'
                                                AND b.expires_at > clock_timestamp()))
$$;
"""

_OLD_USES = r"""
CREATE OR REPLACE FUNCTION bo_promo_uses(p_code integer, p_epoch integer, p_email text DEFAULT NULL) RETURNS integer
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT count(*)::integer FROM promo_redemption r
    WHERE r.code_id = p_code AND r.epoch = p_epoch
      AND (p_email IS NULL OR lower(r.email) = lower(p_email))
      AND (r.order_id IS NOT NULL
           OR EXISTS (SELECT 1 FROM booking b WHERE b.id = r.booking_id AND b.status = 'pending'
                                                AND b.expires_at > clock_timestamp()))
$$;
"""


def upgrade() -> None:
    """Count a use only while its order keeps an unrefunded ticket."""
    op.execute(_USES)


def downgrade() -> None:
    """Count every order's use again, refunded or not."""
    op.execute(_OLD_USES)
