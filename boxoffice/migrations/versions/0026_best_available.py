"""Best available: where a plan's best seats are (issue 13 item 1).

* ``section.best_rank`` (integer 1..1000, NULL): a manager's ranking of sections, 1 =
  best; every seat of a ranked section beats every seat of a section ranked lower, and
  unranked sections come after the ranked ones (by geometry).
* ``seating_plan.best_x``/``best_y`` (double precision, both NULL or both set, plan
  pixels within the plan): the best point; NULL = the default (the stage's front centre).
* ``seating_plan.best_stamp`` (integer, starts at 0): bumped by every change, so a
  process caching a plan's best-available layout (services/best_available.py) knows
  when to rebuild it (plans are otherwise immutable per id).
* ``bo_plan_set_best(plan, best_x, best_y, ranks jsonb)`` (SECURITY DEFINER, permission
  ``setup``: managers and admins) sets the point and replaces the whole ranking
  (``ranks``: ``{"<section id>": rank or null}``; sections not named lose their rank),
  audits it (``config_change``) and returns the new stamp. App logins cannot write the
  columns directly (no UPDATE grant, as for every table).

SQLSTATEs (BO150-BO154): BO150 no such plan; BO151 a best point needs both coordinates,
finite; BO152 ``ranks`` is not an object of this plan's section ids; BO153 a rank is not
an integer from 1 to 1000; BO154 the best point lies outside the plan.

Revision ID: 0026_best_available
Revises: 0025_halls
Create Date: 2026-11-30
"""

from alembic import op

revision = "0026_best_available"
down_revision = "0025_halls"
branch_labels = None
depends_on = None

_ROLES = "bo_cashier, bo_door, bo_manager, bo_admin, bo_web"

UPGRADE = rf"""
ALTER TABLE section ADD COLUMN best_rank integer
    CONSTRAINT section_best_rank_range CHECK (best_rank BETWEEN 1 AND 1000);
ALTER TABLE seating_plan
    ADD COLUMN best_x double precision,
    ADD COLUMN best_y double precision,
    ADD COLUMN best_stamp integer NOT NULL DEFAULT 0,
    ADD CONSTRAINT seating_plan_best_point_whole CHECK ((best_x IS NULL) = (best_y IS NULL));
GRANT SELECT (best_rank) ON section TO {_ROLES};
GRANT SELECT (best_x, best_y, best_stamp) ON seating_plan TO {_ROLES};

CREATE FUNCTION bo_plan_set_best(p_plan integer, p_best_x double precision, p_best_y double precision,
                                 p_ranks jsonb)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_staff integer := bo_require('setup');
    p seating_plan%ROWTYPE;
    ranks jsonb := coalesce(p_ranks, '{{}}'::jsonb);
    bad text;
    stamp integer;
BEGIN
    SELECT * INTO p FROM seating_plan WHERE id = p_plan FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'seating plan % does not exist', p_plan USING ERRCODE = 'BO150', DETAIL = p_plan::text;
    END IF;
    IF (p_best_x IS NULL) <> (p_best_y IS NULL)
       OR p_best_x IN ('NaN', 'Infinity', '-Infinity') OR p_best_y IN ('NaN', 'Infinity', '-Infinity') THEN
        RAISE EXCEPTION 'a best point needs both coordinates, as finite numbers' USING ERRCODE = 'BO151';
    END IF;
    IF p_best_x IS NOT NULL AND (p_best_x NOT BETWEEN 0 AND p.width OR p_best_y NOT BETWEEN 0 AND p.height) THEN
        RAISE EXCEPTION 'the best point (%, %) lies outside the plan (% x %)', p_best_x, p_best_y, p.width, p.height
            USING ERRCODE = 'BO154';
    END IF;
    IF jsonb_typeof(ranks) <> 'object' THEN
        RAISE EXCEPTION 'section ranks are an object of section ids' USING ERRCODE = 'BO152';
    END IF;
    SELECT k INTO bad FROM jsonb_object_keys(ranks) k
    WHERE k !~ '^[0-9]{{1,9}}$' OR NOT EXISTS (SELECT 1 FROM section s WHERE s.id = k::integer AND s.plan_id = p_plan)
    LIMIT 1;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'section % is not a section of seating plan %', bad, p_plan
            USING ERRCODE = 'BO152', DETAIL = bad;
    END IF;
    SELECT e.key INTO bad FROM jsonb_each(ranks) e
    WHERE jsonb_typeof(e.value) <> 'null'
      AND (jsonb_typeof(e.value) <> 'number' OR e.value::text !~ '^[0-9]{{1,4}}$'
           OR e.value::text::integer NOT BETWEEN 1 AND 1000)
    LIMIT 1;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'the rank of section % must be a whole number from 1 to 1000', bad
            USING ERRCODE = 'BO153', DETAIL = bad;
    END IF;
    UPDATE seating_plan SET best_x = p_best_x, best_y = p_best_y, best_stamp = best_stamp + 1
    WHERE id = p_plan RETURNING best_stamp INTO stamp;
    UPDATE section s SET best_rank = nullif(ranks ->> s.id::text, '')::integer
    WHERE s.plan_id = p_plan AND s.best_rank IS DISTINCT FROM nullif(ranks ->> s.id::text, '')::integer;
    PERFORM bo_audit('config_change', 'seating plan ' || p_plan || ' best seats',
                     jsonb_build_object('plan_id', p_plan, 'best_x', p_best_x, 'best_y', p_best_y,
                                        'ranks', (SELECT coalesce(jsonb_object_agg(s.name, s.best_rank), '{{}}')
                                                  FROM section s WHERE s.plan_id = p_plan AND s.best_rank IS NOT NULL)));
    RETURN stamp;
END $$;
REVOKE ALL ON FUNCTION bo_plan_set_best(integer, double precision, double precision, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bo_plan_set_best(integer, double precision, double precision, jsonb)
    TO bo_manager, bo_admin;
"""

DOWNGRADE = r"""
DROP FUNCTION bo_plan_set_best(integer, double precision, double precision, jsonb);
ALTER TABLE seating_plan DROP CONSTRAINT seating_plan_best_point_whole,
    DROP COLUMN best_stamp, DROP COLUMN best_y, DROP COLUMN best_x;
ALTER TABLE section DROP COLUMN best_rank;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
