"""A manager says where a plan's best seats are (migration 0026_best_available): section
ranks and a best point, through ``bo_plan_set_best`` only; best available follows them at
once; a cashier (hostile till) can neither call the setter nor write the columns."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from boxoffice.domain.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from boxoffice.domain.plan_generator import demo_theatre
from boxoffice.services import auth, best_ranking, plans, setup
from boxoffice.services.best_available import choose_best
from boxoffice.services.errors import unit_of_work
from tests.factories import make_actor

PASSWORD = "correct horse battery"


def _connect(plain_db_url: str, login: str) -> psycopg.Connection:
    url = make_url(plain_db_url)
    return psycopg.connect(
        host=url.query.get("host") or url.host,
        port=url.port,
        dbname=url.database,
        user=login,
        password=PASSWORD,
        autocommit=True,
    )


@pytest.fixture
def theatre(session):
    summary = plans.import_plan(session, venue_name="Riverside", data=demo_theatre())
    show = setup.create_show(session, title="Hamlet")
    import datetime as dt

    cats = dict(
        session.execute(text("SELECT name, id FROM price_category WHERE plan_id = :p"), {"p": summary.plan_id}).all()
    )
    starts = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=3)
    showtime = setup.schedule_showtime(
        session,
        show_id=show,
        plan_id=summary.plan_id,
        starts_at=starts,
        prices={n: 1000 + i for i, n in enumerate(cats)},
    )
    sections = dict(
        session.execute(text("SELECT name, id FROM section WHERE plan_id = :p"), {"p": summary.plan_id}).all()
    )
    return {"plan_id": summary.plan_id, "showtime_id": showtime, "sections": sections}


def _ranks(plain_db_url):
    with psycopg.connect(plain_db_url, autocommit=True) as admin:
        return (
            sorted(admin.execute("SELECT id, best_rank FROM section").fetchall()),
            admin.execute("SELECT best_x, best_y, best_stamp FROM seating_plan").fetchall(),
        )


def test_a_manager_ranks_sections_and_best_available_follows(session, theatre):
    st, secs = theatre["showtime_id"], theatre["sections"]
    assert choose_best(session, showtime_id=st, quantity=2).section == "Stalls"  # default: front centre
    manager = make_actor(session, role="manager")
    auth.act_as(session, manager)
    stamp = best_ranking.set_plan_best(
        session, plan_id=theatre["plan_id"], best_point=None, ranks={secs["Circle"]: 1, secs["Stalls"]: 2}
    )
    assert stamp == 1
    assert choose_best(session, showtime_id=st, quantity=2).section == "Circle"
    # a best point in the balcony: balcony first among the unranked... but ranked sections win
    balcony = best_ranking.section_centre(best_ranking.plan_best(session, theatre["plan_id"]), secs["Balcony"])
    best_ranking.set_plan_best(session, plan_id=theatre["plan_id"], best_point=balcony, ranks={})
    choice = choose_best(session, showtime_id=st, quantity=2)
    assert choice.section == "Balcony"
    info = best_ranking.plan_best(session, theatre["plan_id"])
    assert info.best_point == pytest.approx(balcony) and info.stamp == 2
    assert all(s.rank is None for s in info.sections)
    entry = session.execute(text("SELECT action, target FROM audit_log ORDER BY id DESC LIMIT 1")).one()
    assert entry == ("config_change", f"seating plan {theatre['plan_id']} best seats")


def test_impossible_settings_are_refused_by_the_database(session, theatre):
    plan, secs = theatre["plan_id"], theatre["sections"]
    with pytest.raises(InvalidInputError, match="outside the plan"):
        best_ranking.set_plan_best(session, plan_id=plan, best_point=(-5, 10), ranks={})
    with pytest.raises(InvalidInputError, match="from 1 to 1000"):
        best_ranking.set_plan_best(session, plan_id=plan, best_point=None, ranks={secs["Stalls"]: 0})
    with pytest.raises(InvalidInputError, match="not a section"):
        best_ranking.set_plan_best(session, plan_id=plan, best_point=None, ranks={999999: 1})
    with pytest.raises(NotFoundError):
        best_ranking.set_plan_best(session, plan_id=999999, best_point=None, ranks={})
    with pytest.raises(InvalidInputError, match="both coordinates"), unit_of_work(session):
        session.execute(text("SELECT bo_plan_set_best(:p, 1, NULL, '{}')"), {"p": plan})


def test_a_cashier_cannot_set_the_best_seats_nor_write_the_columns(session, plain_db_url, theatre):
    plan, secs = theatre["plan_id"], theatre["sections"]
    cashier = make_actor(session, role="cashier", password=PASSWORD)
    before = _ranks(plain_db_url)
    auth.act_as(session, cashier)
    with pytest.raises(PermissionDeniedError):
        best_ranking.set_plan_best(session, plan_id=plan, best_point=None, ranks={secs["Balcony"]: 1})
    auth.act_as(session, None)
    statements = [
        ("SELECT bo_plan_set_best(%s, NULL, NULL, %s::jsonb)", (plan, f'{{"{secs["Balcony"]}": 1}}')),
        ("UPDATE section SET best_rank = 1", None),
        ("UPDATE seating_plan SET best_x = 1, best_y = 1, best_stamp = best_stamp + 1", None),
    ]
    with _connect(plain_db_url, cashier.login) as conn:
        # the cashier may read them (best available runs on the till's login)
        assert conn.execute("SELECT count(best_rank) FROM section").fetchone() == (0,)
        for sql, args in statements:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql, args)
    # the second line: even with EXECUTE granted by mistake, the setter checks its caller
    with psycopg.connect(plain_db_url, autocommit=True) as admin:
        admin.execute(
            "GRANT EXECUTE ON FUNCTION bo_plan_set_best(integer, double precision, "
            "double precision, jsonb) TO bo_cashier"
        )
    with _connect(plain_db_url, cashier.login) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege) as refused:
            conn.execute(*statements[0])
        assert refused.value.diag.message_detail == "setup"
    assert _ranks(plain_db_url) == before
