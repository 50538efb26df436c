"""Admission at the door: one admission per ticket across all gates, re-entry, offline sync.

Like 0001 and 0002 this is the database contract written out by hand
(docs/channel-contract.md, "Admission"; docs/door.md). What a door (or any other client)
could otherwise get wrong lives here:

* the ticket row carries its admission state (``inside``, ``admitted_at``,
  ``admitted_gate``, ``entries``), and ``bo_admit`` admits with ONE conditional UPDATE of
  that row: valid, of that showtime, with the current code serial, and not inside. Two
  gates scanning one ticket at the same moment serialise on the row lock; the second
  re-checks the row after the first commits and gets ``already_admitted`` with the
  first's time and gate. A refund racing an admission serialises the same way;
* ``bo_exit`` lets a ticket out again (re-entry): one conditional UPDATE of ``inside``;
* every admission and exit is a row of ``admission`` (gate, device, when, offline or not);
* a door that admitted while the database was unreachable uploads its queue through
  ``bo_admit`` with the queued entry's id: an upload is idempotent (``admission.offline_id``
  and ``admission_conflict.offline_id`` are unique), and an offline admission the
  database refuses (the ticket got in elsewhere meanwhile, or was voided) becomes a row
  of ``admission_conflict`` for managers;
* ``showtime.doors_open_at`` (NULL: 45 minutes before ``starts_at``, ``bo_doors_open``)
  refuses entries before the doors open.

Revision ID: 0003_admission
Revises: 0002
Create Date: 2026-12-06
"""

from alembic import op

revision = "0003_admission"
down_revision = "0002"
branch_labels = None
depends_on = None

SCHEMA = r"""
-- ---------------------------------------------------------------------------
-- Doors-open time, and the ticket's admission state
-- ---------------------------------------------------------------------------
ALTER TABLE showtime ADD COLUMN doors_open_at timestamptz;

-- When the doors of a showtime open: doors_open_at, or 45 minutes before the start.
CREATE FUNCTION bo_doors_open(p_showtime integer) RETURNS timestamptz LANGUAGE sql STABLE AS $$
    SELECT coalesce(doors_open_at, starts_at - interval '45 minutes') FROM showtime WHERE id = p_showtime
$$;

-- inside: the holder is in the venue now (an exit scan sets it false again).
-- admitted_at / admitted_gate: the latest entry; entries: how many entries so far.
ALTER TABLE ticket
    ADD COLUMN inside boolean NOT NULL DEFAULT false,
    ADD COLUMN admitted_at timestamptz,
    ADD COLUMN admitted_gate varchar(60),
    ADD COLUMN entries integer NOT NULL DEFAULT 0,
    ADD CONSTRAINT ticket_admission_complete CHECK (
        (entries = 0) = (admitted_at IS NULL) AND (admitted_at IS NULL) = (admitted_gate IS NULL)
        AND (NOT inside OR entries > 0) AND entries >= 0);
CREATE INDEX ticket_showtime_id_idx ON ticket (showtime_id);

-- Every entry and exit at a door, scanned or looked up by hand, online or uploaded later.
CREATE TABLE admission (
    id bigserial PRIMARY KEY,
    ticket_id bigint NOT NULL REFERENCES ticket(id),
    showtime_id integer NOT NULL REFERENCES showtime(id),
    kind varchar(5) NOT NULL CHECK (kind IN ('entry', 'exit')),
    reentry boolean NOT NULL DEFAULT false,        -- an entry after an exit
    method varchar(6) NOT NULL DEFAULT 'scan' CHECK (method IN ('scan', 'manual')),
    gate varchar(60) NOT NULL,
    device varchar(100) NOT NULL,
    scanned_at timestamptz NOT NULL,               -- at the door (the device's clock when offline)
    recorded_at timestamptz NOT NULL DEFAULT now(),
    offline boolean NOT NULL DEFAULT false,        -- queued at the door, uploaded later
    offline_id uuid UNIQUE,                        -- the door's id of the queued scan
    CONSTRAINT admission_offline_has_id CHECK (offline = (offline_id IS NOT NULL)),
    CONSTRAINT admission_reentry_is_entry CHECK (NOT reentry OR kind = 'entry')
);
CREATE INDEX admission_showtime_idx ON admission (showtime_id, scanned_at);
CREATE INDEX admission_ticket_idx ON admission (ticket_id);

-- An offline admission the database refused on upload: for managers to look into.
CREATE TABLE admission_conflict (
    id bigserial PRIMARY KEY,
    offline_id uuid NOT NULL UNIQUE,
    ticket_id bigint NOT NULL REFERENCES ticket(id),
    showtime_id integer NOT NULL REFERENCES showtime(id),
    gate varchar(60) NOT NULL,
    device varchar(100) NOT NULL,
    scanned_at timestamptz NOT NULL,               -- when the offline door let the holder in
    verdict varchar(20) NOT NULL
        CHECK (verdict IN ('already_admitted', 'void', 'wrong_showtime', 'not_valid')),
    reason text NOT NULL DEFAULT '',
    other_gate varchar(60),                        -- already_admitted: where and when
    other_at timestamptz,
    reported_at timestamptz NOT NULL DEFAULT now(),
    resolved_at timestamptz,
    resolved_by varchar(100),
    note text
);
CREATE INDEX admission_conflict_open_idx ON admission_conflict (reported_at) WHERE resolved_at IS NULL;

-- ---------------------------------------------------------------------------
-- The verdict of a scan
-- ---------------------------------------------------------------------------
-- verdict: admitted | already_admitted | wrong_showtime | void | not_valid | too_early
--          | exited | not_inside
-- reason:  void: refunded | exchanged | void | reprinted | cancelled (the showtime);
--          not_valid: unknown ticket;  otherwise ''
-- at, gate: admitted/exited: now (or the offline scan time) and this gate;
--          already_admitted: the latest entry; too_early: when the doors open
CREATE TYPE bo_admission_verdict AS (
    verdict text,
    reason text,
    ticket_id bigint,
    showtime_id integer,
    at timestamptz,
    gate text,
    reentry boolean,
    admission_id bigint,
    conflict_id bigint,
    replayed boolean
);

-- Why ticket p_ticket cannot enter (or leave) now, read after a conditional UPDATE touched
-- no row: NULL when nothing stands in the way (the row changed in between: try again).
CREATE FUNCTION bo_ticket_refusal(p_ticket bigint, p_serial integer, p_showtime integer, p_entry boolean)
RETURNS bo_admission_verdict LANGUAGE plpgsql STABLE AS $$
DECLARE
    t ticket%ROWTYPE;
    st showtime%ROWTYPE;
    v bo_admission_verdict;
BEGIN
    v.ticket_id := p_ticket;
    v.showtime_id := p_showtime;
    v.reason := '';
    v.reentry := false;
    v.replayed := false;
    SELECT * INTO t FROM ticket WHERE id = p_ticket;
    IF NOT FOUND OR t.showtime_id <> p_showtime THEN
        v.verdict := 'not_valid';
        v.reason := 'unknown ticket';
        RETURN v;
    END IF;
    SELECT * INTO st FROM showtime WHERE id = p_showtime;
    IF t.status <> 'valid' THEN
        v.verdict := 'void';
        v.reason := t.status;
        v.at := t.voided_at;
        RETURN v;
    END IF;
    IF p_serial IS NOT NULL AND t.code_serial <> p_serial THEN
        v.verdict := 'void';
        v.reason := 'reprinted';
        RETURN v;
    END IF;
    IF st.status = 'cancelled' THEN
        v.verdict := 'void';
        v.reason := 'cancelled';
        RETURN v;
    END IF;
    IF p_entry AND t.inside THEN
        v.verdict := 'already_admitted';
        v.at := t.admitted_at;
        v.gate := t.admitted_gate;
        RETURN v;
    END IF;
    IF NOT p_entry AND NOT t.inside THEN
        v.verdict := 'not_inside';
        v.at := t.admitted_at;
        v.gate := t.admitted_gate;
        RETURN v;
    END IF;
    RETURN NULL;
END $$;

-- Admit ticket p_ticket (code serial p_serial; NULL: looked up by hand, any serial) to
-- showtime p_showtime at gate p_gate. The admission itself is ONE conditional UPDATE:
-- the ticket row is taken only if it is valid, of that showtime, with the current
-- serial, and not inside. p_serving: the showtimes this gate admits to (NULL: any).
-- p_offline_id / p_scanned_at: an admission made offline at the door, uploaded now
-- (idempotent by p_offline_id; a refusal is recorded in admission_conflict; the doors
-- time is not checked again). Errors: 22023 bad arguments; 55P03 lock_timeout.
CREATE FUNCTION bo_admit(p_ticket bigint, p_serial integer, p_showtime integer, p_gate text, p_device text,
                         p_serving integer[] DEFAULT NULL, p_offline_id uuid DEFAULT NULL,
                         p_scanned_at timestamptz DEFAULT NULL)
RETURNS bo_admission_verdict LANGUAGE plpgsql AS $$
DECLARE
    v bo_admission_verdict;
    when_at timestamptz := coalesce(p_scanned_at, now());
    doors timestamptz;
    tries integer := 0;
BEGIN
    IF p_ticket IS NULL OR p_showtime IS NULL OR coalesce(p_gate, '') = '' OR coalesce(p_device, '') = ''
       OR (p_offline_id IS NULL) <> (p_scanned_at IS NULL) THEN
        RAISE EXCEPTION 'bo_admit needs a ticket, a showtime, a gate and a device (and an offline id with its time)'
            USING ERRCODE = '22023';
    END IF;
    v.ticket_id := p_ticket;
    v.showtime_id := p_showtime;
    v.reason := '';
    v.reentry := false;
    v.replayed := false;
    IF p_offline_id IS NOT NULL THEN
        -- an upload seen before: answer as the first time
        SELECT 'admitted', a.scanned_at, a.gate, a.reentry, a.id INTO v.verdict, v.at, v.gate, v.reentry, v.admission_id
        FROM admission a WHERE a.offline_id = p_offline_id;
        IF FOUND THEN
            v.replayed := true;
            RETURN v;
        END IF;
        SELECT c.verdict, c.reason, c.other_at, c.other_gate, c.id INTO v.verdict, v.reason, v.at, v.gate, v.conflict_id
        FROM admission_conflict c WHERE c.offline_id = p_offline_id;
        IF FOUND THEN
            v.replayed := true;
            RETURN v;
        END IF;
    END IF;

    IF p_serving IS NOT NULL AND NOT p_showtime = ANY (p_serving) THEN
        v.verdict := 'wrong_showtime';
    ELSE
        doors := bo_doors_open(p_showtime);
        LOOP
            IF p_offline_id IS NULL AND doors IS NOT NULL AND now() < doors THEN
                v := coalesce(bo_ticket_refusal(p_ticket, p_serial, p_showtime, true), v);
                IF v.verdict IS NULL THEN
                    v.verdict := 'too_early';
                    v.at := doors;
                END IF;
                EXIT;
            END IF;
            -- THE admission: one conditional statement on the ticket row.
            UPDATE ticket t
            SET inside = true, admitted_at = when_at, admitted_gate = p_gate, entries = t.entries + 1
            FROM showtime st
            WHERE t.id = p_ticket AND t.showtime_id = p_showtime AND t.status = 'valid'
              AND (p_serial IS NULL OR t.code_serial = p_serial) AND NOT t.inside
              AND st.id = t.showtime_id AND st.status <> 'cancelled'
            RETURNING t.entries > 1 INTO v.reentry;
            IF FOUND THEN
                INSERT INTO admission (ticket_id, showtime_id, kind, reentry, method, gate, device, scanned_at,
                                       offline, offline_id)
                VALUES (p_ticket, p_showtime, 'entry', v.reentry, CASE WHEN p_serial IS NULL THEN 'manual' ELSE 'scan' END,
                        p_gate, p_device, when_at, p_offline_id IS NOT NULL, p_offline_id)
                RETURNING id INTO v.admission_id;
                v.verdict := 'admitted';
                v.at := when_at;
                v.gate := p_gate;
                EXIT;
            END IF;
            v := coalesce(bo_ticket_refusal(p_ticket, p_serial, p_showtime, true), v);
            tries := tries + 1;
            EXIT WHEN v.verdict IS NOT NULL OR tries >= 5;  -- the row changed under us: look again
        END LOOP;
        IF v.verdict IS NULL THEN
            RAISE EXCEPTION 'ticket % keeps changing; scan again', p_ticket USING ERRCODE = '55P03';
        END IF;
    END IF;

    IF p_offline_id IS NOT NULL AND v.verdict <> 'admitted' THEN
        INSERT INTO admission_conflict (offline_id, ticket_id, showtime_id, gate, device, scanned_at, verdict, reason,
                                        other_gate, other_at)
        SELECT p_offline_id, p_ticket, p_showtime, p_gate, p_device, p_scanned_at, v.verdict, v.reason,
               v.gate, v.at
        WHERE EXISTS (SELECT 1 FROM ticket WHERE id = p_ticket AND showtime_id = p_showtime)
        RETURNING id INTO v.conflict_id;
    END IF;
    RETURN v;
END $$;

-- Let ticket p_ticket out (re-entry): ONE conditional UPDATE of a ticket that is inside,
-- valid and of the current serial. Verdict 'exited', or a refusal ('not_inside', 'void',
-- 'not_valid', 'wrong_showtime'). Offline exits are uploaded like admissions (no conflict
-- row: a refused exit changes nothing).
CREATE FUNCTION bo_exit(p_ticket bigint, p_serial integer, p_showtime integer, p_gate text, p_device text,
                        p_serving integer[] DEFAULT NULL, p_offline_id uuid DEFAULT NULL,
                        p_scanned_at timestamptz DEFAULT NULL)
RETURNS bo_admission_verdict LANGUAGE plpgsql AS $$
DECLARE
    v bo_admission_verdict;
    when_at timestamptz := coalesce(p_scanned_at, now());
    tries integer := 0;
BEGIN
    IF p_ticket IS NULL OR p_showtime IS NULL OR coalesce(p_gate, '') = '' OR coalesce(p_device, '') = ''
       OR (p_offline_id IS NULL) <> (p_scanned_at IS NULL) THEN
        RAISE EXCEPTION 'bo_exit needs a ticket, a showtime, a gate and a device' USING ERRCODE = '22023';
    END IF;
    v.ticket_id := p_ticket;
    v.showtime_id := p_showtime;
    v.reason := '';
    v.reentry := false;
    v.replayed := false;
    IF p_offline_id IS NOT NULL THEN
        SELECT 'exited', a.scanned_at, a.gate, a.id INTO v.verdict, v.at, v.gate, v.admission_id
        FROM admission a WHERE a.offline_id = p_offline_id;
        IF FOUND THEN
            v.replayed := true;
            RETURN v;
        END IF;
    END IF;
    IF p_serving IS NOT NULL AND NOT p_showtime = ANY (p_serving) THEN
        v.verdict := 'wrong_showtime';
        RETURN v;
    END IF;
    LOOP
        UPDATE ticket t SET inside = false
        WHERE t.id = p_ticket AND t.showtime_id = p_showtime AND t.status = 'valid'
          AND (p_serial IS NULL OR t.code_serial = p_serial) AND t.inside;
        IF FOUND THEN
            INSERT INTO admission (ticket_id, showtime_id, kind, method, gate, device, scanned_at, offline, offline_id)
            VALUES (p_ticket, p_showtime, 'exit', CASE WHEN p_serial IS NULL THEN 'manual' ELSE 'scan' END,
                    p_gate, p_device, when_at, p_offline_id IS NOT NULL, p_offline_id)
            RETURNING id INTO v.admission_id;
            v.verdict := 'exited';
            v.at := when_at;
            v.gate := p_gate;
            RETURN v;
        END IF;
        v := coalesce(bo_ticket_refusal(p_ticket, p_serial, p_showtime, false), v);
        tries := tries + 1;
        EXIT WHEN v.verdict IS NOT NULL OR tries >= 5;
    END LOOP;
    IF v.verdict IS NULL THEN
        RAISE EXCEPTION 'ticket % keeps changing; scan again', p_ticket USING ERRCODE = '55P03';
    END IF;
    RETURN v;
END $$;

-- What a door shows about a ticket: seat, category, show and showtime (doors_open_at
-- spelled out as in bo_doors_open, so the view needs no call per row).
CREATE VIEW door_ticket AS
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

DROP = r"""
DROP VIEW IF EXISTS door_ticket;
DROP FUNCTION IF EXISTS bo_exit, bo_admit, bo_ticket_refusal;
DROP TYPE IF EXISTS bo_admission_verdict;
DROP TABLE IF EXISTS admission_conflict, admission;
DROP INDEX IF EXISTS ticket_showtime_id_idx;
ALTER TABLE ticket DROP CONSTRAINT IF EXISTS ticket_admission_complete,
    DROP COLUMN IF EXISTS inside, DROP COLUMN IF EXISTS admitted_at, DROP COLUMN IF EXISTS admitted_gate,
    DROP COLUMN IF EXISTS entries;
DROP FUNCTION IF EXISTS bo_doors_open;
ALTER TABLE showtime DROP COLUMN IF EXISTS doors_open_at;
"""


def upgrade() -> None:
    op.execute(SCHEMA)


def downgrade() -> None:
    op.execute(DROP)
