"""Reports: indexes for reading a day of the ledger (services/reports.py).

The day report selects orders, payments and refunds by time and joins payments to their
orders; none of these had an index (``payment.order_id`` had none at all). Reading stays
with the manager's own login (column grants of 0009); nothing here writes.

Revision ID: 0018_reports
Revises: 0017_receipts
Create Date: 2026-11-30
"""

from alembic import op

revision = "0018_reports"
down_revision = "0017_receipts"
branch_labels = None
depends_on = None

UPGRADE = r"""
CREATE INDEX orders_created_at_idx ON orders (created_at);
CREATE INDEX payment_order_id_idx ON payment (order_id);
CREATE INDEX payment_created_at_idx ON payment (created_at);
CREATE INDEX refund_created_at_idx ON refund (created_at);
CREATE INDEX ticket_voided_at_idx ON ticket (voided_at) WHERE voided_at IS NOT NULL;
"""

DOWNGRADE = r"""
DROP INDEX ticket_voided_at_idx;
DROP INDEX refund_created_at_idx;
DROP INDEX payment_created_at_idx;
DROP INDEX payment_order_id_idx;
DROP INDEX orders_created_at_idx;
"""


def upgrade() -> None:
    # Earlier revisions in the same upgrade transaction may leave deferred trigger events
    # queued on these tables (0015-0017 stamp rows), and PostgreSQL refuses CREATE INDEX on a
    # table with pending trigger events: run them now.
    op.execute("SET CONSTRAINTS ALL IMMEDIATE")
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
