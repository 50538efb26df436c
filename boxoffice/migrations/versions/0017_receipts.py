"""Receipt details of a venue and VAT rates (issue 11, "Money at the counter").

* ``venue.address`` (printed lines, at most 500 characters), ``venue.tax_number`` (the
  venue's VAT registration, at most 40 characters) and ``venue.vat_rate_bp`` (the VAT
  rate its prices include, in basis points: 700 = 7 %, 0 to 10000);
* ``price_category.vat_rate_bp``: a category's own rate (NULL: the venue's). Categories
  belong to one version of a plan, so a new version's category inherits the rate of the
  newest same-named category of the same plan (trigger ``price_category_vat_inherit``),
  and the setter sets every version's category of that name;
* ``ticket.vat_rate_bp``: the rate in force when the ticket was sold, stamped by a BEFORE
  INSERT trigger from its category (or venue) and never changed afterwards (BO102), so a
  receipt printed again after a rate change still shows the VAT that was charged.
  Tickets sold before this revision get their venue's rate (0 % unless set).

Functions (SECURITY DEFINER, ``bo_require('setup')``, managers and admins):

* ``bo_venue_receipt_set(p_venue, p_address, p_tax_number, p_vat_rate_bp)``;
* ``bo_category_vat_set(p_category, p_vat_rate_bp)`` (NULL: use the venue's rate).

Both are audited (``config_change``). SQLSTATEs: BO100 (a VAT rate outside 0 to 10000
basis points), BO101 (a text too long), BO102 (a sold ticket's VAT rate changed),
P0002 (no such venue or category), 42501 (not allowed).

Revision ID: 0017_receipts
Revises: 0016_orders
Create Date: 2026-11-30
"""

from alembic import op

revision = "0017_receipts"
down_revision = "0016_orders"
branch_labels = None
depends_on = None

UPGRADE = r"""
ALTER TABLE venue
    ADD COLUMN address text NOT NULL DEFAULT '' CONSTRAINT venue_address_length CHECK (length(address) <= 500),
    ADD COLUMN tax_number varchar(40) NOT NULL DEFAULT '',
    ADD COLUMN vat_rate_bp integer NOT NULL DEFAULT 0
        CONSTRAINT venue_vat_rate_range CHECK (vat_rate_bp BETWEEN 0 AND 10000);
ALTER TABLE price_category
    ADD COLUMN vat_rate_bp integer CONSTRAINT price_category_vat_rate_range CHECK (vat_rate_bp BETWEEN 0 AND 10000);
ALTER TABLE ticket
    ADD COLUMN vat_rate_bp integer CONSTRAINT ticket_vat_rate_range CHECK (vat_rate_bp BETWEEN 0 AND 10000);

UPDATE ticket t SET vat_rate_bp = v.vat_rate_bp
FROM showtime st JOIN venue v ON v.id = st.venue_id
WHERE st.id = t.showtime_id;

GRANT SELECT (address, tax_number, vat_rate_bp) ON venue TO bo_cashier, bo_door, bo_manager, bo_admin, bo_web;
GRANT SELECT (vat_rate_bp) ON price_category TO bo_cashier, bo_door, bo_manager, bo_admin, bo_web;
GRANT SELECT (vat_rate_bp) ON ticket TO bo_cashier, bo_door, bo_manager, bo_admin, bo_web;

-- A new plan version's category keeps the VAT rate of the newest same-named category of
-- the same plan (name and venue) unless it brings its own.
CREATE FUNCTION bo_price_category_vat_inherit() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF NEW.vat_rate_bp IS NULL THEN
        SELECT c.vat_rate_bp INTO NEW.vat_rate_bp
        FROM seating_plan p
        JOIN seating_plan older ON older.venue_id = p.venue_id AND older.name = p.name AND older.id <> p.id
        JOIN price_category c ON c.plan_id = older.id AND c.name = NEW.name
        WHERE p.id = NEW.plan_id
        ORDER BY older.version DESC
        LIMIT 1;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER price_category_vat_inherit BEFORE INSERT ON price_category
    FOR EACH ROW EXECUTE FUNCTION bo_price_category_vat_inherit();

-- Stamp a new ticket with the VAT rate in force: its category's, else its venue's.
CREATE FUNCTION bo_ticket_vat_stamp() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF NEW.vat_rate_bp IS DISTINCT FROM OLD.vat_rate_bp THEN
            RAISE EXCEPTION 'the VAT rate of a sold ticket cannot change' USING ERRCODE = 'BO102';
        END IF;
        RETURN NEW;
    END IF;
    SELECT coalesce(c.vat_rate_bp, v.vat_rate_bp) INTO NEW.vat_rate_bp
    FROM showtime st
    JOIN venue v ON v.id = st.venue_id
    LEFT JOIN price_category c ON c.id = NEW.category_id
    WHERE st.id = NEW.showtime_id;
    RETURN NEW;
END $$;
CREATE TRIGGER ticket_vat_stamp BEFORE INSERT OR UPDATE OF vat_rate_bp ON ticket
    FOR EACH ROW EXECUTE FUNCTION bo_ticket_vat_stamp();

CREATE FUNCTION bo_vat_rate_check(p_rate integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF p_rate IS NOT NULL AND NOT p_rate BETWEEN 0 AND 10000 THEN
        RAISE EXCEPTION 'a VAT rate is 0 %% to 100 %% (0 to 10000 basis points), not % basis points', p_rate
            USING ERRCODE = 'BO100';
    END IF;
END $$;

-- The venue's receipt header and VAT rate (basis points, 2000 = 20 %).
CREATE FUNCTION bo_venue_receipt_set(p_venue integer, p_address text, p_tax_number text, p_vat_rate_bp integer)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_address text := btrim(coalesce(p_address, ''));
    v_tax text := btrim(coalesce(p_tax_number, ''));
    old venue%ROWTYPE;
BEGIN
    PERFORM bo_require('setup');
    IF p_vat_rate_bp IS NULL THEN
        RAISE EXCEPTION 'a venue needs a VAT rate (0 for none)' USING ERRCODE = 'BO100';
    END IF;
    PERFORM bo_vat_rate_check(p_vat_rate_bp);
    IF length(v_address) > 500 THEN
        RAISE EXCEPTION 'an address has at most 500 characters' USING ERRCODE = 'BO101', DETAIL = 'address';
    END IF;
    IF length(v_tax) > 40 THEN
        RAISE EXCEPTION 'a tax number has at most 40 characters' USING ERRCODE = 'BO101', DETAIL = 'tax_number';
    END IF;
    SELECT * INTO old FROM venue WHERE id = p_venue FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'venue % does not exist', p_venue USING ERRCODE = 'P0002';
    END IF;
    UPDATE venue SET address = v_address, tax_number = v_tax, vat_rate_bp = p_vat_rate_bp WHERE id = p_venue;
    PERFORM bo_audit('config_change', 'venue ' || p_venue,
                     jsonb_build_object('change', 'receipt_details', 'address', v_address, 'tax_number', v_tax,
                                        'vat_rate_bp', p_vat_rate_bp, 'was_vat_rate_bp', old.vat_rate_bp));
END $$;

-- Category p_category's own VAT rate (NULL: the venue's), set on every version's
-- category of that name in the same plan, so the next plan version keeps it.
CREATE FUNCTION bo_category_vat_set(p_category integer, p_vat_rate_bp integer)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    c record;
    n integer;
BEGIN
    PERFORM bo_require('setup');
    PERFORM bo_vat_rate_check(p_vat_rate_bp);
    SELECT pc.name, p.venue_id, p.name AS plan_name INTO c
    FROM price_category pc JOIN seating_plan p ON p.id = pc.plan_id WHERE pc.id = p_category;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'price category % does not exist', p_category USING ERRCODE = 'P0002';
    END IF;
    UPDATE price_category pc SET vat_rate_bp = p_vat_rate_bp
    FROM seating_plan p
    WHERE p.id = pc.plan_id AND p.venue_id = c.venue_id AND p.name = c.plan_name AND pc.name = c.name;
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM bo_audit('config_change', 'venue ' || c.venue_id,
                     jsonb_build_object('change', 'category_vat', 'plan', c.plan_name, 'category', c.name,
                                        'vat_rate_bp', p_vat_rate_bp));
    RETURN n;
END $$;

REVOKE ALL ON FUNCTION bo_venue_receipt_set(integer, text, text, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION bo_vat_rate_check(integer), bo_ticket_vat_stamp(), bo_price_category_vat_inherit() FROM PUBLIC;
REVOKE ALL ON FUNCTION bo_category_vat_set(integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bo_venue_receipt_set(integer, text, text, integer) TO bo_manager, bo_admin;
GRANT EXECUTE ON FUNCTION bo_category_vat_set(integer, integer) TO bo_manager, bo_admin;
"""

DOWNGRADE = r"""
DROP FUNCTION bo_category_vat_set(integer, integer);
DROP FUNCTION bo_venue_receipt_set(integer, text, text, integer);
DROP FUNCTION bo_vat_rate_check(integer);
DROP TRIGGER ticket_vat_stamp ON ticket;
DROP FUNCTION bo_ticket_vat_stamp();
DROP TRIGGER price_category_vat_inherit ON price_category;
DROP FUNCTION bo_price_category_vat_inherit();
ALTER TABLE ticket DROP COLUMN vat_rate_bp;
ALTER TABLE price_category DROP COLUMN vat_rate_bp;
ALTER TABLE venue DROP COLUMN address, DROP COLUMN tax_number, DROP COLUMN vat_rate_bp;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
