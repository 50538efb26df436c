"""Transitional: managers' set-up screens still write some tables directly.

The counter, the door and the web channel change state only through contract functions
(0009-0012). The manager's set-up services (seating plans and the plan editor, shows,
scheduling, prices, ticket types, price rules, sales windows, cancelling) have not been
moved into functions yet, so ``bo_manager`` and ``bo_admin`` keep INSERT / UPDATE /
DELETE on the set-up tables those services write — and on ``inventory`` and
``ga_inventory``, which scheduling fills and plan moves re-map. Audit triggers still
record price changes and blocks. docs/security.md lists this as the open gap; the next
revision that moves set-up into functions revokes these grants.

Revision ID: 0013_manager_setup_grants
Revises: 0012_web_door_contract
Create Date: 2026-11-30
"""

from alembic import op

revision = "0013_manager_setup_grants"
down_revision = "0012_web_door_contract"
branch_labels = None
depends_on = None

_TABLES = ("venue", "seating_plan", "section", "seat", "plan_area", "price_category", "show", "showtime",
           "showtime_price", "showtime_type_price", "ticket_type", "price_rule", "ga_area", "ga_inventory",
           "inventory")

UPGRADE = f"""
GRANT INSERT, UPDATE, DELETE ON {", ".join(_TABLES)} TO bo_manager, bo_admin;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO bo_manager, bo_admin;
"""

DOWNGRADE = f"""
REVOKE INSERT, UPDATE, DELETE ON {", ".join(_TABLES)} FROM bo_manager, bo_admin;
REVOKE USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public FROM bo_manager, bo_admin;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
