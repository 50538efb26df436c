"""Companion seats known to the database, so the door can say so.

Written out by hand like the earlier revisions.

* ``seat.companion`` (boolean, default false): a seat for the companion of a wheelchair
  user. The plan editor keeps the flag in the plan's ``"x-boxoffice"`` extension
  (docs/seating-plans.md); from this revision the importer also writes it to the seat
  row, and existing plans are backfilled from their stored JSON here.
* ``door_ticket`` gains ``companion`` (last column), so ADMIT shows a notice for
  companion seats as it does for wheelchair spaces (issue: "a notice for wheelchair or
  companion seats").

Revision ID: 0007_companion_seats
Revises: 0006_ticket_types_at_sale
Create Date: 2026-12-12
"""

import re
from pathlib import Path

from alembic import op

revision = "0007_companion_seats"
down_revision = "0006_ticket_types_at_sale"
branch_labels = None
depends_on = None

_BACKFILL = r"""
UPDATE seat s SET companion = true
FROM seating_plan p, jsonb_each(coalesce(p.source -> 'x-boxoffice' -> 'seats', '{}'::jsonb)) AS f(guid, flags)
WHERE s.plan_id = p.id AND s.guid = f.guid AND jsonb_typeof(f.flags) = 'object'
  AND (f.flags ->> 'companion') = 'true';
"""


def _view_of_0006() -> str:
    """``door_ticket`` as revision 0006 defines it, read from that file."""
    text = (Path(__file__).resolve().parent / "0006_ticket_types_at_sale.py").read_text()
    return re.search(r"CREATE OR REPLACE VIEW door_ticket AS.*?;\n", text, re.S).group(0)


def upgrade() -> None:
    op.execute("ALTER TABLE seat ADD COLUMN companion boolean NOT NULL DEFAULT false")
    op.execute(_BACKFILL)
    view = _view_of_0006()
    last = "coalesce(tt.code, 'full') AS ticket_type_code\n"
    assert last in view, "door_ticket of 0006 changed: update this revision"
    op.execute(view.replace(last, "coalesce(tt.code, 'full') AS ticket_type_code, s.companion\n"))


def downgrade() -> None:
    op.execute("DROP VIEW door_ticket")
    op.execute(_view_of_0006().replace("CREATE OR REPLACE VIEW", "CREATE VIEW"))
    op.execute("ALTER TABLE seat DROP COLUMN companion")
