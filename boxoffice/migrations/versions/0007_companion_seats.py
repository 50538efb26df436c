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


# door_ticket with the companion flag (0006's view plus s.companion, last).
_DOOR_TICKET_0007 = r"""CREATE OR REPLACE VIEW door_ticket AS
SELECT t.id AS ticket_id, t.showtime_id, t.order_id, o.number AS order_number, t.status, t.code_serial,
       t.inside, t.admitted_at, t.admitted_gate, t.entries,
       sec.name AS section, s.row_label, s.seat_number, s.wheelchair, pc.name AS category,
       sh.title AS show_title, st.starts_at, st.status AS showtime_status,
       coalesce(st.doors_open_at, st.starts_at - interval '45 minutes') AS doors_open_at,
       coalesce(tt.name, ft.name, 'Full') AS ticket_type, coalesce(tt.code, 'full') AS ticket_type_code, s.companion
FROM ticket t
JOIN orders o ON o.id = t.order_id
JOIN seat s ON s.id = t.seat_id
JOIN section sec ON sec.id = s.section_id
JOIN price_category pc ON pc.id = t.category_id
JOIN showtime st ON st.id = t.showtime_id
JOIN show sh ON sh.id = st.show_id
LEFT JOIN ticket_type tt ON tt.id = t.ticket_type_id
LEFT JOIN ticket_type ft ON ft.venue_id = st.venue_id AND ft.code = 'full';
"""

# door_ticket as 0006 wrote it, for the downgrade.
_DOOR_TICKET_0006 = r"""CREATE VIEW door_ticket AS
SELECT t.id AS ticket_id, t.showtime_id, t.order_id, o.number AS order_number, t.status, t.code_serial,
       t.inside, t.admitted_at, t.admitted_gate, t.entries,
       sec.name AS section, s.row_label, s.seat_number, s.wheelchair, pc.name AS category,
       sh.title AS show_title, st.starts_at, st.status AS showtime_status,
       coalesce(st.doors_open_at, st.starts_at - interval '45 minutes') AS doors_open_at,
       coalesce(tt.name, ft.name, 'Full') AS ticket_type, coalesce(tt.code, 'full') AS ticket_type_code
FROM ticket t
JOIN orders o ON o.id = t.order_id
JOIN seat s ON s.id = t.seat_id
JOIN section sec ON sec.id = s.section_id
JOIN price_category pc ON pc.id = t.category_id
JOIN showtime st ON st.id = t.showtime_id
JOIN show sh ON sh.id = st.show_id
LEFT JOIN ticket_type tt ON tt.id = t.ticket_type_id
LEFT JOIN ticket_type ft ON ft.venue_id = st.venue_id AND ft.code = 'full';
"""


def upgrade() -> None:
    op.execute("ALTER TABLE seat ADD COLUMN companion boolean NOT NULL DEFAULT false")
    op.execute(_BACKFILL)
    op.execute(_DOOR_TICKET_0007)


def downgrade() -> None:
    op.execute("DROP VIEW door_ticket")
    op.execute(_DOOR_TICKET_0006)
    op.execute("ALTER TABLE seat DROP COLUMN companion")
