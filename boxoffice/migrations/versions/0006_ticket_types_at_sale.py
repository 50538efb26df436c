"""Ticket types at the counter: a sold ticket records its type, priced by the database.

Written out by hand like the earlier revisions; docs/channel-contract.md ("Selling with
ticket types") and docs/shows-and-prices.md explain it.

* ``ticket.ticket_type_id`` (nullable, references ``ticket_type``). **NULL means the
  full price at the price the client wrote**: the rows sold before this revision and the
  web channel's bookings (priced by ``bo_book`` when booked, which may differ from the
  showtime's current price by the time the payment arrives). Old rows are not backfilled,
  so the upgrade rewrites nothing and the downgrade loses nothing but the new column.
* ``bo_type_price(showtime, category, type)``: the price of that ticket type in that
  category for that showtime (``showtime_prices``), NULL when it is not sold there (no
  price, or the type is switched off).
* ``bo_sell(showtime, seats, token, channel, types integer[])`` (new overload; the
  four-argument ``bo_sell`` is unchanged): ``types`` runs parallel to ``seats`` (NULL,
  or a NULL element: the venue's full type). It refuses a seat whose type has no price
  in that seat's category (``BO014``, ``DETAIL`` = the seat ids) before touching any
  seat, then converts the holds exactly like the four-argument call (``BO002`` /
  ``BO003``), and returns one row per seat: ``(seat_id, category_id, ticket_type_id,
  price_minor)`` — the prices the tickets must carry.
* Trigger ``ticket_typed_price``: a ticket **with** a type must carry the seat's own
  category and exactly the showtime's current price for that type (``BO015``), and a type
  without a price is refused (``BO014``). So a client cannot write a cheaper price than
  the database's; changing prices later never touches sold tickets (the check runs only
  when a ticket is written or its type or price changes; moving a showtime to a new plan
  version re-points tickets' seats and categories unchecked).
* ``door_ticket`` gains ``ticket_type`` (the type's name; the venue's full type for NULL)
  and ``ticket_type_code``; the sale audit lists each ticket's type (``types``).

Revision ID: 0006_ticket_types_at_sale
Revises: 0005_shows_prices
Create Date: 2026-12-11
"""

from alembic import op

revision = "0006_ticket_types_at_sale"
down_revision = "0005_shows_prices"
branch_labels = None
depends_on = None

SCHEMA = r"""
ALTER TABLE ticket ADD COLUMN ticket_type_id integer REFERENCES ticket_type(id);

-- The price of one ticket type in one category of a showtime; NULL: not sold there.
CREATE FUNCTION bo_type_price(p_showtime integer, p_category integer, p_type integer) RETURNS integer
LANGUAGE sql STABLE AS $$
    SELECT sp.price_minor
    FROM showtime_prices sp JOIN ticket_type tt ON tt.id = sp.ticket_type_id
    WHERE sp.showtime_id = p_showtime AND sp.category_id = p_category AND sp.ticket_type_id = p_type AND tt.active
$$;

-- One line per seat of a sale: its category, type (NULL -> the venue's full type) and
-- price (NULL when that type is not sold in that category).
CREATE FUNCTION bo_sale_lines(p_showtime integer, p_seats integer[], p_types integer[])
RETURNS TABLE (seat_id integer, category_id integer, ticket_type_id integer, price_minor integer)
LANGUAGE sql STABLE AS $$
    WITH full_type AS (
        SELECT tt.id FROM showtime st JOIN ticket_type tt ON tt.venue_id = st.venue_id AND tt.code = 'full'
        WHERE st.id = p_showtime
    ), lines AS (
        SELECT l.seat, coalesce(l.type, (SELECT id FROM full_type)) AS type
        FROM unnest(p_seats, coalesce(p_types, array_fill(NULL::integer, ARRAY[cardinality(p_seats)]))) AS l(seat, type)
    )
    SELECT l.seat, s.category_id, l.type, bo_type_price(p_showtime, s.category_id, l.type)
    FROM lines l JOIN seat s ON s.id = l.seat
    ORDER BY l.seat
$$;

-- Selling with ticket types: refuse unpriced types (BO014) first, then convert the holds
-- as the four-argument bo_sell does, and return the prices the tickets must carry.
CREATE FUNCTION bo_sell(p_showtime integer, p_seats integer[], p_token uuid, p_channel text, p_types integer[])
RETURNS TABLE (seat_id integer, category_id integer, ticket_type_id integer, price_minor integer)
LANGUAGE plpgsql AS $$
DECLARE
    unpriced integer[];
BEGIN
    IF p_seats IS NULL OR cardinality(p_seats) = 0 THEN
        RAISE EXCEPTION 'bo_sell needs at least one seat' USING ERRCODE = '22023';
    END IF;
    IF p_types IS NOT NULL AND cardinality(p_types) <> cardinality(p_seats) THEN
        RAISE EXCEPTION 'bo_sell: p_types must be as long as p_seats' USING ERRCODE = '22023';
    END IF;
    IF (SELECT count(DISTINCT s) FROM unnest(p_seats) s) <> cardinality(p_seats) THEN
        RAISE EXCEPTION 'bo_sell: a seat is listed twice' USING ERRCODE = '22023';
    END IF;
    SELECT coalesce(array_agg(l.seat_id ORDER BY l.seat_id), '{}') INTO unpriced
    FROM bo_sale_lines(p_showtime, p_seats, p_types) l WHERE l.price_minor IS NULL;
    IF cardinality(unpriced) > 0 THEN
        RAISE EXCEPTION 'ticket type not sold for these seats at this showtime'
            USING ERRCODE = 'BO014', DETAIL = array_to_string(unpriced, ',');
    END IF;
    PERFORM bo_sell(p_showtime, p_seats, p_token, p_channel);
    RETURN QUERY SELECT l.seat_id, l.category_id, l.ticket_type_id, l.price_minor
                 FROM bo_sale_lines(p_showtime, p_seats, p_types) l;
END $$;

-- A typed ticket carries its seat's category and the showtime's price for its type, when
-- written or when its type or price changes. Re-pointing sold tickets to a new plan
-- version's seats and categories (services/plan_editor) is not a sale and is not checked.
CREATE FUNCTION bo_ticket_typed_price() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    v_price integer;
    v_category integer;
BEGIN
    IF NEW.ticket_type_id IS NULL OR (TG_OP = 'UPDATE' AND NEW.ticket_type_id IS NOT DISTINCT FROM OLD.ticket_type_id
                                      AND NEW.price_minor IS NOT DISTINCT FROM OLD.price_minor) THEN
        RETURN NEW;
    END IF;
    SELECT s.category_id INTO v_category FROM seat s WHERE s.id = NEW.seat_id;
    IF v_category IS DISTINCT FROM NEW.category_id THEN
        RAISE EXCEPTION 'ticket category % is not the category of seat %', NEW.category_id, NEW.seat_id
            USING ERRCODE = 'BO015', DETAIL = NEW.seat_id::text;
    END IF;
    v_price := bo_type_price(NEW.showtime_id, NEW.category_id, NEW.ticket_type_id);
    IF v_price IS NULL THEN
        RAISE EXCEPTION 'ticket type % is not sold for seat % at this showtime', NEW.ticket_type_id, NEW.seat_id
            USING ERRCODE = 'BO014', DETAIL = NEW.seat_id::text;
    END IF;
    IF NEW.price_minor IS DISTINCT FROM v_price THEN
        RAISE EXCEPTION 'ticket price % is not the showtime''s price % for its type', NEW.price_minor, v_price
            USING ERRCODE = 'BO015', DETAIL = NEW.seat_id::text;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER ticket_typed_price BEFORE INSERT OR UPDATE OF ticket_type_id, price_minor ON ticket
    FOR EACH ROW EXECUTE FUNCTION bo_ticket_typed_price();

-- The door shows the ticket type (the venue's full type for untyped tickets).
CREATE OR REPLACE VIEW door_ticket AS
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

-- The sale audit as in 0004, with each ticket's type ("types", in ticket order).
CREATE OR REPLACE FUNCTION bo_audit_sale() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    d jsonb;
BEGIN
    SELECT jsonb_build_object(
        'order_id', NEW.id, 'order', NEW.number, 'channel', NEW.channel, 'currency', NEW.currency,
        'total_minor', NEW.total_minor,
        'showtime_id', (SELECT min(t.showtime_id) FROM ticket t WHERE t.order_id = NEW.id),
        'tickets', (SELECT coalesce(jsonb_agg(t.id ORDER BY t.id), '[]') FROM ticket t WHERE t.order_id = NEW.id),
        'seats', (SELECT coalesce(jsonb_agg(bo_seat_label(t.seat_id) ORDER BY t.id), '[]')
                  FROM ticket t WHERE t.order_id = NEW.id),
        'types', (SELECT coalesce(jsonb_agg(coalesce(tt.code, 'full') ORDER BY t.id), '[]')
                  FROM ticket t LEFT JOIN ticket_type tt ON tt.id = t.ticket_type_id WHERE t.order_id = NEW.id),
        'payments', (SELECT coalesce(jsonb_agg(jsonb_build_object('method', p.method, 'amount_minor', p.amount_minor,
                                                                  'tendered_minor', p.tendered_minor) ORDER BY p.id), '[]')
                     FROM payment p WHERE p.order_id = NEW.id))
    INTO d;
    PERFORM bo_audit('sale', 'order ' || NEW.number, d, NEW.channel);
    RETURN NULL;
END $$;
"""

DROP = r"""
DROP VIEW IF EXISTS door_ticket;
DROP TRIGGER IF EXISTS ticket_typed_price ON ticket;
DROP FUNCTION IF EXISTS bo_ticket_typed_price();
DROP FUNCTION IF EXISTS bo_sell(integer, integer[], uuid, text, integer[]);
DROP FUNCTION IF EXISTS bo_sale_lines(integer, integer[], integer[]);
DROP FUNCTION IF EXISTS bo_type_price(integer, integer, integer);
ALTER TABLE ticket DROP COLUMN IF EXISTS ticket_type_id;
"""
# The downgrade then puts back door_ticket as 0003 wrote it and bo_audit_sale as 0004
# did, written out here.

# door_ticket as 0003 wrote it.
_DOOR_TICKET_0003 = r"""CREATE VIEW door_ticket AS
SELECT t.id AS ticket_id, t.showtime_id, t.order_id, o.number AS order_number, t.status, t.code_serial,
       t.inside, t.admitted_at, t.admitted_gate, t.entries,
       sec.name AS section, s.row_label, s.seat_number, s.wheelchair, pc.name AS category,
       sh.title AS show_title, st.starts_at, st.status AS showtime_status,
       coalesce(st.doors_open_at, st.starts_at - interval '45 minutes') AS doors_open_at
FROM ticket t
JOIN orders o ON o.id = t.order_id
JOIN seat s ON s.id = t.seat_id
JOIN section sec ON sec.id = s.section_id
JOIN price_category pc ON pc.id = t.category_id
JOIN showtime st ON st.id = t.showtime_id
JOIN show sh ON sh.id = st.show_id;
"""

# bo_audit_sale as 0004 wrote it.
_BO_AUDIT_SALE_0004 = r"""CREATE OR REPLACE FUNCTION bo_audit_sale() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    d jsonb;
BEGIN
    SELECT jsonb_build_object(
        'order_id', NEW.id, 'order', NEW.number, 'channel', NEW.channel, 'currency', NEW.currency,
        'total_minor', NEW.total_minor,
        'showtime_id', (SELECT min(t.showtime_id) FROM ticket t WHERE t.order_id = NEW.id),
        'tickets', (SELECT coalesce(jsonb_agg(t.id ORDER BY t.id), '[]') FROM ticket t WHERE t.order_id = NEW.id),
        'seats', (SELECT coalesce(jsonb_agg(bo_seat_label(t.seat_id) ORDER BY t.id), '[]')
                  FROM ticket t WHERE t.order_id = NEW.id),
        'payments', (SELECT coalesce(jsonb_agg(jsonb_build_object('method', p.method, 'amount_minor', p.amount_minor,
                                                                  'tendered_minor', p.tendered_minor) ORDER BY p.id), '[]')
                     FROM payment p WHERE p.order_id = NEW.id))
    INTO d;
    PERFORM bo_audit('sale', 'order ' || NEW.number, d, NEW.channel);
    RETURN NULL;
END $$;"""


def upgrade() -> None:
    op.execute(SCHEMA)


def downgrade() -> None:
    op.execute(DROP)
    op.execute(_DOOR_TICKET_0003)
    op.execute(_BO_AUDIT_SALE_0004)
