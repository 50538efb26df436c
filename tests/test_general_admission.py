"""General admission (migration 0008): areas with a capacity, held and sold by count.

Races start their clients together (a barrier) on separate connections and assert in the
database; a negative control shows that a naive read-then-insert oversells.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pypdfium2 as pdfium
import pytest
import zxingcpp
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from boxoffice.db.engine import make_engine, make_session_factory
from boxoffice.domain import plan_editing, plan_exchange, ticket_code
from boxoffice.domain.admission import VerdictKind, describe
from boxoffice.domain.errors import HoldExpiredError, PlanMigrationRefusedError, SeatUnavailableError
from boxoffice.domain.plan_validation import validate
from boxoffice.printing import LAYOUTS, render_tickets_pdf
from boxoffice.printing.render import pdf_page_images
from boxoffice.services import admission, general_admission, inventory, plan_editor, plans, sales, setup, tickets
from tests.factories import make_small_house

TZ = dt.UTC


def ga_house(session, *, capacity: int = 5, starts_in: dt.timedelta = dt.timedelta(days=2)) -> dict:
    """``make_small_house`` plus a GA area "Standing" (category B) and a showtime
    scheduled after it, so scheduling creates the area's ga_inventory row."""
    house = make_small_house(session)
    area_id = session.execute(
        text(
            "INSERT INTO ga_area (plan_id, name, capacity, category_id, x, y, w, h) "
            "VALUES (:p, 'Standing', :c, :cat, 50, 300, 300, 80) RETURNING id"
        ),
        {"p": house["plan_id"], "c": capacity, "cat": house["category_ids"]["B"]},
    ).scalar_one()
    session.commit()
    starts = dt.datetime.now(TZ).replace(microsecond=0) + starts_in
    showtime_id = setup.schedule_showtime(
        session, show_id=house["show_id"], plan_id=house["plan_id"], starts_at=starts, prices={"A": 2500, "B": 1500}
    )
    return {**house, "showtime_id": showtime_id, "area_id": area_id}


def _db(session, sql, **params):
    rows = session.execute(text(sql), params).all()
    session.rollback()
    return rows


def _state(session, house) -> general_admission.GaAreaState:
    (area,) = general_admission.area_states(session, showtime_id=house["showtime_id"])
    return area


def test_scheduling_creates_the_area_inventory_and_counts(session):
    house = ga_house(session, capacity=7)
    area = _state(session, house)
    assert (area.name, area.capacity, area.sold, area.held, area.available) == ("Standing", 7, 0, 0, 7)
    assert (area.x, area.y, area.w, area.h) == (50, 300, 300, 80)


def test_hold_is_all_or_nothing_and_says_how_many_are_left(session):
    house = ga_house(session, capacity=5)
    a, b = uuid.uuid4(), uuid.uuid4()
    general_admission.hold_places(
        session,
        showtime_id=house["showtime_id"],
        area_id=house["area_id"],
        quantity=3,
        token=a,
        channel="till-1",
        seconds=60,
    )
    with pytest.raises(SeatUnavailableError) as err:
        general_admission.hold_places(
            session,
            showtime_id=house["showtime_id"],
            area_id=house["area_id"],
            quantity=3,
            token=b,
            channel="till-2",
            seconds=60,
        )
    assert err.value.details["left"] == 2 and "Only 2 places left" in str(err.value)
    # the same token changes its own quantity (not counted against itself)
    general_admission.hold_places(
        session,
        showtime_id=house["showtime_id"],
        area_id=house["area_id"],
        quantity=5,
        token=a,
        channel="till-1",
        seconds=60,
    )
    assert _state(session, house).available == 0
    assert (
        general_admission.release_places(session, showtime_id=house["showtime_id"], token=a, area_id=house["area_id"])
        == 5
    )
    assert _state(session, house).available == 5


def test_an_expired_hold_frees_its_places_with_no_sweeper(session):
    house = ga_house(session, capacity=5)
    stale = uuid.uuid4()
    general_admission.hold_places(
        session,
        showtime_id=house["showtime_id"],
        area_id=house["area_id"],
        quantity=5,
        token=stale,
        channel="till-1",
        seconds=60,
    )
    assert _state(session, house).available == 0
    session.execute(text("UPDATE ga_hold SET expires_at = now() - interval '1 second' WHERE token = :t"), {"t": stale})
    session.commit()
    assert _state(session, house).available == 5  # the row is still there; nothing tidied it
    assert _db(session, "SELECT count(*) FROM ga_hold WHERE token = :t", t=stale) == [(1,)]
    general_admission.hold_places(
        session,
        showtime_id=house["showtime_id"],
        area_id=house["area_id"],
        quantity=5,
        token=uuid.uuid4(),
        channel="till-2",
        seconds=60,
    )
    # the lapsed hold cannot be sold
    with pytest.raises(HoldExpiredError):
        sales.sell_cash(
            session,
            showtime_id=house["showtime_id"],
            seat_ids=[],
            ga={house["area_id"]: 5},
            token=stale,
            channel="till-1",
            tendered_minor=100_00,
        )


def test_selling_converts_the_hold_with_seats_in_one_order(session):
    house = ga_house(session, capacity=5)
    token = uuid.uuid4()
    seat = house["seat_ids"][0]
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=[seat], token=token, channel="till-1", seconds=60
    )
    general_admission.hold_places(
        session,
        showtime_id=house["showtime_id"],
        area_id=house["area_id"],
        quantity=2,
        token=token,
        channel="till-1",
        seconds=60,
    )
    result = sales.sell_cash(
        session,
        showtime_id=house["showtime_id"],
        seat_ids=[seat],
        ga={house["area_id"]: 2},
        token=token,
        channel="till-1",
        tendered_minor=100_00,
        expected_total_minor=2500 + 2 * 1500,
    )
    assert result.total_minor == 5500 and len(result.ticket_ids) == 3
    rows = _db(
        session,
        "SELECT seat_id, ga_area_id, price_minor, category_id FROM ticket WHERE order_id = :o ORDER BY id",
        o=result.order_id,
    )
    assert rows == [
        (seat, None, 2500, house["category_ids"]["A"]),
        (None, house["area_id"], 1500, house["category_ids"]["B"]),
        (None, house["area_id"], 1500, house["category_ids"]["B"]),
    ]
    area = _state(session, house)
    assert (area.sold, area.held, area.available) == (2, 0, 3)
    assert _db(session, "SELECT count(*) FROM ga_hold") == [(0,)]
    views = tickets.order_tickets(session, order_id=result.order_id)
    assert [v.place_label for v in views][1:] == ["General admission · Standing"] * 2
    audit = _db(session, "SELECT details -> 'seats' FROM audit_log WHERE action = 'sale'")
    assert audit[-1][0][1:] == ["General admission Standing"] * 2


def test_a_sale_without_a_live_hold_sells_nothing(session):
    house = ga_house(session, capacity=5)
    token = uuid.uuid4()
    general_admission.hold_places(
        session,
        showtime_id=house["showtime_id"],
        area_id=house["area_id"],
        quantity=1,
        token=token,
        channel="till-1",
        seconds=60,
    )
    with pytest.raises(HoldExpiredError):  # asks for 2, holds 1
        sales.sell_cash(
            session,
            showtime_id=house["showtime_id"],
            seat_ids=[],
            ga={house["area_id"]: 2},
            token=token,
            channel="till-1",
            tendered_minor=100_00,
        )
    assert _db(session, "SELECT count(*) FROM ticket") == [(0,)]
    assert _state(session, house).held == 1  # the hold stays


def test_bypassing_the_service_cannot_oversell(session):
    """A client writing GA tickets itself meets the trigger ticket_ga_capacity: never more
    valid tickets plus live holds than the capacity."""
    house = ga_house(session, capacity=3)
    general_admission.hold_places(
        session,
        showtime_id=house["showtime_id"],
        area_id=house["area_id"],
        quantity=1,
        token=uuid.uuid4(),
        channel="web?",
        seconds=60,
    )
    order = session.execute(
        text("INSERT INTO orders (channel, currency, total_minor) VALUES ('rogue', 'EUR', 0) RETURNING id")
    ).scalar_one()
    insert = text(
        "INSERT INTO ticket (order_id, showtime_id, ga_area_id, category_id, price_minor) "
        "SELECT :o, :s, :a, :c, 0 FROM generate_series(1, :n)"
    )
    params = {"o": order, "s": house["showtime_id"], "a": house["area_id"], "c": house["category_ids"]["B"]}
    session.execute(insert, {**params, "n": 2})  # 2 tickets + 1 held = 3: allowed
    with pytest.raises(DBAPIError) as err:
        session.execute(insert, {**params, "n": 1})
    assert err.value.orig.sqlstate == "BO016"
    session.rollback()
    # a ticket must have a seat or an area, not both or neither
    order = session.execute(
        text("INSERT INTO orders (channel, currency, total_minor) VALUES ('rogue', 'EUR', 0) RETURNING id")
    ).scalar_one()
    with pytest.raises(DBAPIError) as err:
        session.execute(
            text("INSERT INTO ticket (order_id, showtime_id, category_id, price_minor) VALUES (:o, :s, :c, 0)"),
            {**params, "o": order},
        )
    assert err.value.orig.sqlstate == "23514"
    session.rollback()


def _race(db_url, n, attempt):
    engines = [make_engine(db_url, poolclass=NullPool, pool_size=None) for _ in range(n)]
    start, again = threading.Barrier(n), threading.Barrier(n)

    def client(i):
        with make_session_factory(engines[i])() as s:
            s.execute(text("SELECT 1")).all()
            s.rollback()
            start.wait()
            return attempt(s, i, again)

    try:
        with ThreadPoolExecutor(max_workers=n) as pool:
            return list(pool.map(client, range(n)))
    finally:
        for e in engines:
            e.dispose()


CLIENTS = 20


def test_twenty_tills_race_for_five_places_exactly_five_win(db_url, session):
    house = ga_house(session, capacity=5)

    def till(s, i, _):
        try:
            general_admission.hold_places(
                s,
                showtime_id=house["showtime_id"],
                area_id=house["area_id"],
                quantity=1,
                token=uuid.uuid4(),
                channel=f"till-{i}",
                seconds=60,
            )
            return "held"
        except SeatUnavailableError:
            return "sold out"

    outcomes = Counter(_race(db_url, CLIENTS, till))
    assert outcomes == {"held": 5, "sold out": CLIENTS - 5}
    assert _db(session, "SELECT count(*), sum(quantity) FROM ga_hold WHERE expires_at > now()") == [(5, 5)]
    assert _state(session, house).available == 0


def test_twenty_tills_race_to_hold_and_sell_never_oversell(db_url, session):
    house = ga_house(session, capacity=5)

    def till(s, i, _):
        token = uuid.uuid4()
        try:
            general_admission.hold_places(
                s,
                showtime_id=house["showtime_id"],
                area_id=house["area_id"],
                quantity=1,
                token=token,
                channel=f"till-{i}",
                seconds=60,
            )
            sales.sell_cash(
                s,
                showtime_id=house["showtime_id"],
                seat_ids=[],
                ga={house["area_id"]: 1},
                token=token,
                channel=f"till-{i}",
                tendered_minor=100_00,
            )
            return "sold"
        except SeatUnavailableError:
            return "sold out"

    outcomes = Counter(_race(db_url, CLIENTS, till))
    assert outcomes == {"sold": 5, "sold out": CLIENTS - 5}
    assert _db(
        session, "SELECT count(*) FROM ticket WHERE ga_area_id = :a AND status = 'valid'", a=house["area_id"]
    ) == [(5,)]


def test_control_naive_read_then_insert_oversells(db_url, session):
    """Without bo_ga_hold's row lock (count, then insert) the race holds more than the
    capacity: the race is real."""
    house = ga_house(session, capacity=5)

    def naive(s, i, again):
        taken = s.execute(
            text(
                "SELECT coalesce(sum(quantity), 0) FROM ga_hold WHERE showtime_id = :s "
                "AND ga_area_id = :a AND expires_at > now()"
            ),
            {"s": house["showtime_id"], "a": house["area_id"]},
        ).scalar_one()
        again.wait()  # everyone has counted before anyone inserts
        if taken + 1 > 5:
            return "sold out"
        s.execute(
            text(
                "INSERT INTO ga_hold (token, showtime_id, ga_area_id, quantity, channel, expires_at) "
                "VALUES (:t, :s, :a, 1, 'naive', now() + interval '1 minute')"
            ),
            {"t": uuid.uuid4(), "s": house["showtime_id"], "a": house["area_id"]},
        )
        s.commit()
        return "held"

    outcomes = Counter(_race(db_url, CLIENTS, naive))
    assert outcomes["held"] > 5
    assert _db(session, "SELECT sum(quantity) FROM ga_hold")[0][0] > 5


def test_the_door_admits_a_ga_ticket_once(session):
    house = ga_house(session, capacity=5, starts_in=dt.timedelta(minutes=30))
    token = uuid.uuid4()
    general_admission.hold_places(
        session,
        showtime_id=house["showtime_id"],
        area_id=house["area_id"],
        quantity=1,
        token=token,
        channel="till-1",
        seconds=60,
    )
    result = sales.sell_cash(
        session,
        showtime_id=house["showtime_id"],
        seat_ids=[],
        ga={house["area_id"]: 1},
        token=token,
        channel="till-1",
        tendered_minor=15_00,
    )
    (view,) = tickets.order_tickets(session, order_id=result.order_id)
    assert view.general_admission and (view.section, view.row, view.seat) == ("Standing", "", "")
    keys = tickets.venue_public_keys(session)
    door = admission.Door(gate="North", device="test", serving=(house["showtime_id"],))
    first = admission.scan(session, code=view.code, door=door, keys=keys)
    again = admission.scan(session, code=view.code, door=door, keys=keys)
    assert first.kind is VerdictKind.ADMIT and again.kind is VerdictKind.ALREADY_ADMITTED
    assert "General admission · Standing" in describe(first)
    assert _db(
        session,
        "SELECT section, row_label, seat_number, general_admission FROM door_ticket WHERE ticket_id = :t",
        t=view.ticket_id,
    ) == [("Standing", "", "", True)]


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_printed_ga_ticket_says_general_admission_and_scans(session, layout):
    house = ga_house(session, capacity=5)
    token = uuid.uuid4()
    general_admission.hold_places(
        session,
        showtime_id=house["showtime_id"],
        area_id=house["area_id"],
        quantity=1,
        token=token,
        channel="till-1",
        seconds=60,
    )
    result = sales.sell_cash(
        session,
        showtime_id=house["showtime_id"],
        seat_ids=[],
        ga={house["area_id"]: 1},
        token=token,
        channel="till-1",
        tendered_minor=15_00,
    )
    (view,) = tickets.order_tickets(session, order_id=result.order_id)
    pdf = render_tickets_pdf([view], layout=layout)
    document = pdfium.PdfDocument(pdf)
    try:
        text_ = document[0].get_textpage().get_text_range()
    finally:
        document.close()
    assert "General admission · Standing" in " ".join(text_.split()), text_
    assert "ROW" not in text_ and "SEAT" not in text_
    (image,) = pdf_page_images(pdf, dpi=200)
    codes = [b.text for b in zxingcpp.read_barcodes(image) if b.format == zxingcpp.BarcodeFormat.QRCode]
    keys = tickets.venue_public_keys(session)
    assert [ticket_code.decode(c, keys[ticket_code.peek_key_id(c)]).ticket_id for c in codes] == [view.ticket_id]


# -- plans: the editor's model, saving a version, moving a showtime -----------------------------------

from boxoffice.config import DEMO_PLAN_PATH as DEMO  # noqa: E402


def test_ga_areas_live_in_our_extension_and_not_in_the_pretix_export():
    plan = plan_exchange.from_pretix(json.loads(DEMO.read_text()))
    category = plan.categories[0].name
    area = plan_editing.add_ga_area(
        plan, plan_editing.ga_area(10, 20, 300, 80, name="Standing", capacity=143, category=category)
    )
    with pytest.raises(ValueError, match="already an area called"):
        plan_editing.add_ga_area(
            plan, plan_editing.ga_area(0, 0, 10, 10, name="standing", capacity=1, category=category)
        )
    with pytest.raises(ValueError, match="between 1 and 100,000"):
        plan_editing.add_ga_area(
            plan, plan_editing.ga_area(0, 0, 10, 10, name="Pit", capacity=100_001, category=category)
        )
    copy_ = plan.clone()
    plan_editing.move_areas(plan, [area.key], 5, 5)
    assert copy_.ga_areas[0].data["position"] == {"x": 10, "y": 20}  # undo snapshots are independent
    out = plan_exchange.to_pretix(plan)
    assert out["x-boxoffice"]["ga_areas"] == [
        {
            "name": "Standing",
            "capacity": 143,
            "category": category,
            "position": {"x": 15, "y": 25},
            "width": 300,
            "height": 80,
        }
    ]
    assert "x-boxoffice" not in plan_exchange.to_pretix(plan, pretix_only=True)
    back = plan_exchange.from_pretix(out)
    assert plan_exchange.to_pretix(back) == out
    assert plan_editing.delete_areas(back, [back.ga_areas[0].key]) == 1 and not back.ga_areas
    bad = plan.clone()
    bad.ga_areas[0].data[plan_editing.GA_KEY]["capacity"] = 0
    assert [p.code for p in validate(bad)] == ["ga_area"]


def _ga_version(session, plan_id, *, capacity, name="Standing"):
    loaded = plan_editor.load_plan(session, plan_id=plan_id)
    loaded.plan.ga_areas.clear()
    plan_editing.add_ga_area(
        loaded.plan,
        plan_editing.ga_area(40, 900, 400, 120, name=name, capacity=capacity, category=loaded.plan.categories[-1].name),
    )
    return plan_editor.save_plan_version(
        session,
        venue_name=loaded.venue,
        plan_name=loaded.name,
        plan=loaded.plan,
        based_on=loaded.plan_id,
        allow_newer=True,
    )


def test_plan_editor_round_trip_schedule_and_move_a_showtime(session):
    v1 = plans.import_plan(session, venue_name="GA Hall", data=json.loads(DEMO.read_text()))
    v2 = _ga_version(session, v1.plan_id, capacity=5)
    reloaded = plan_editor.load_plan(session, plan_id=v2.plan_id)
    (area,) = reloaded.plan.ga_areas
    assert area.data[plan_editing.GA_KEY]["name"] == "Standing" and area.data[plan_editing.GA_KEY]["capacity"] == 5
    assert _db(session, "SELECT name, capacity, x, y, w, h FROM ga_area WHERE plan_id = :p", p=v2.plan_id) == [
        ("Standing", 5, 40, 900, 400, 120)
    ]
    show_id = setup.create_show(session, title="Gig")
    categories = [c.name for c in reloaded.plan.categories]
    showtime = setup.schedule_showtime(
        session,
        show_id=show_id,
        plan_id=v2.plan_id,
        starts_at=dt.datetime.now(TZ).replace(microsecond=0) + dt.timedelta(days=3),
        prices={c: 1000 for c in categories},
    )
    (state,) = general_admission.area_states(session, showtime_id=showtime)
    token = uuid.uuid4()
    general_admission.hold_places(
        session, showtime_id=showtime, area_id=state.area_id, quantity=2, token=token, channel="till-1", seconds=60
    )
    sales.sell_cash(
        session,
        showtime_id=showtime,
        seat_ids=[],
        ga={state.area_id: 2},
        token=token,
        channel="till-1",
        tendered_minor=100_00,
    )
    general_admission.hold_places(
        session,
        showtime_id=showtime,
        area_id=state.area_id,
        quantity=1,
        token=uuid.uuid4(),
        channel="till-2",
        seconds=60,
    )
    small = _ga_version(session, v2.plan_id, capacity=2, name="STANDING")
    with pytest.raises(PlanMigrationRefusedError, match="3 sold or held, more than the new capacity 2"):
        plan_editor.migrate_showtime(session, showtime_id=showtime, new_plan_id=small.plan_id)
    gone = _ga_version(session, v2.plan_id, capacity=9, name="Pit")
    with pytest.raises(PlanMigrationRefusedError, match="removed from the plan"):
        plan_editor.migrate_showtime(session, showtime_id=showtime, new_plan_id=gone.plan_id)
    bigger = _ga_version(session, v2.plan_id, capacity=10)
    plan_editor.migrate_showtime(session, showtime_id=showtime, new_plan_id=bigger.plan_id)
    (moved,) = general_admission.area_states(session, showtime_id=showtime)
    assert (moved.capacity, moved.sold, moved.held, moved.available) == (10, 2, 1, 7)
    assert moved.area_id != state.area_id
    assert _db(session, "SELECT count(*) FROM ticket WHERE ga_area_id = :a", a=moved.area_id) == [(2,)]


def test_migration_downgrades_and_upgrades_again(engine, session):
    from alembic import command

    from boxoffice.db.migrate import alembic_config

    ga_house(session, capacity=5)
    session.close()
    cfg = alembic_config()
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0007_companion_seats")
        conn.commit()
        gone = conn.execute(text("SELECT to_regclass('ga_area'), to_regclass('ga_hold')")).one()
        nullable = conn.execute(
            text(
                "SELECT is_nullable FROM information_schema.columns "
                "WHERE table_name = 'ticket' AND column_name = 'seat_id'"
            )
        ).scalar_one()
        command.upgrade(cfg, "head")
        conn.commit()
        back = conn.execute(text("SELECT to_regclass('ga_area') IS NOT NULL")).scalar_one()
    assert tuple(gone) == (None, None) and nullable == "NO" and back


def test_the_schedule_screens_service_creates_ga_inventory_and_the_window_is_checked(session):
    from boxoffice.domain.errors import NotOnSaleError
    from boxoffice.services import schedule

    house = ga_house(session, capacity=4)
    starts = dt.datetime.now(TZ).replace(microsecond=0) + dt.timedelta(days=40)
    prices = {house["category_ids"]["A"]: 100, house["category_ids"]["B"]: 100}
    later = schedule.schedule_one(
        session,
        show_id=house["show_id"],
        plan_id=house["plan_id"],
        starts_at=starts,
        base_prices=prices,
        on_sale_days_before=30,
    )
    (area,) = general_admission.area_states(session, showtime_id=later)
    assert (area.capacity, area.available) == (4, 4)
    with pytest.raises(NotOnSaleError, match="not opened yet"):  # bo_ga_hold checks the sales window
        general_admission.hold_places(
            session, showtime_id=later, area_id=area.area_id, quantity=1, token=uuid.uuid4(), channel="till", seconds=60
        )


def test_a_refund_frees_the_places_and_the_refund_screen_names_the_area(session):
    from boxoffice.services import refunds

    house = ga_house(session, capacity=2)
    token = uuid.uuid4()
    general_admission.hold_places(
        session,
        showtime_id=house["showtime_id"],
        area_id=house["area_id"],
        quantity=2,
        token=token,
        channel="till-1",
        seconds=60,
    )
    result = sales.sell_cash(
        session,
        showtime_id=house["showtime_id"],
        seat_ids=[],
        ga={house["area_id"]: 2},
        token=token,
        channel="till-1",
        tendered_minor=30_00,
    )
    assert _state(session, house).available == 0
    order = refunds.find_order(session, order_number=result.order_number)
    assert [line.seat for line in order.lines] == ["General admission · Standing"] * 2
    refunds.refund_order(session, order_number=result.order_number, reason="Changed plans")
    assert _state(session, house).available == 2


def test_cancelling_the_showtime_drops_ga_holds_and_refuses_their_sale(session):
    from boxoffice.domain.errors import NotOnSaleError
    from boxoffice.services import cancellation

    house = ga_house(session, capacity=5)
    token = uuid.uuid4()
    general_admission.hold_places(
        session,
        showtime_id=house["showtime_id"],
        area_id=house["area_id"],
        quantity=2,
        token=token,
        channel="till-1",
        seconds=60,
    )
    cancellation.cancel_showtime(session, showtime_id=house["showtime_id"], reason="Storm")
    assert _db(session, "SELECT count(*) FROM ga_hold") == [(0,)]
    with pytest.raises(NotOnSaleError):
        general_admission.hold_places(
            session,
            showtime_id=house["showtime_id"],
            area_id=house["area_id"],
            quantity=1,
            token=token,
            channel="till-1",
            seconds=60,
        )


def test_ga_holds_and_sales_notify_the_showtime(session, plain_db_url):
    import psycopg

    house = ga_house(session, capacity=5)
    token = uuid.uuid4()
    with psycopg.connect(plain_db_url, autocommit=True) as listener:
        listener.execute("LISTEN bo_inventory")

        def heard() -> list[str]:
            return [n.payload for n in listener.notifies(timeout=1.0, stop_after=1)]

        general_admission.hold_places(
            session,
            showtime_id=house["showtime_id"],
            area_id=house["area_id"],
            quantity=2,
            token=token,
            channel="till-1",
            seconds=60,
        )
        assert heard() == [str(house["showtime_id"])]
        sales.sell_cash(
            session,
            showtime_id=house["showtime_id"],
            seat_ids=[],
            ga={house["area_id"]: 2},
            token=token,
            channel="till-1",
            tendered_minor=30_00,
        )
        assert heard() == [str(house["showtime_id"])]
        general_admission.release_places(session, showtime_id=house["showtime_id"], token=uuid.uuid4())
        assert heard() == []  # nothing released, nothing said


def test_an_offline_door_admits_a_ga_ticket_once_and_says_general_admission(session, tmp_path):
    from sqlalchemy.pool import NullPool

    from boxoffice.door.station import DoorStation

    house = ga_house(session, capacity=5, starts_in=dt.timedelta(minutes=30))
    token = uuid.uuid4()
    general_admission.hold_places(
        session,
        showtime_id=house["showtime_id"],
        area_id=house["area_id"],
        quantity=1,
        token=token,
        channel="till-1",
        seconds=60,
    )
    result = sales.sell_cash(
        session,
        showtime_id=house["showtime_id"],
        seat_ids=[],
        ga={house["area_id"]: 1},
        token=token,
        channel="till-1",
        tendered_minor=15_00,
    )
    (view,) = tickets.order_tickets(session, order_id=result.order_id)
    station = DoorStation(
        door=admission.Door(gate="North", device="test-north", serving=(house["showtime_id"],)),
        folder=tmp_path / "door",
    )
    station.sync(session)
    dead = make_engine("postgresql+psycopg://nobody@/nowhere?host=/nonexistent", poolclass=NullPool, pool_size=None)
    try:
        with make_session_factory(dead)() as offline_session:
            first = station.scan(offline_session, view.code)
            again = station.scan(offline_session, view.code)
    finally:
        dead.dispose()
    assert first.kind is VerdictKind.ADMIT and first.offline and again.kind is VerdictKind.ALREADY_ADMITTED
    assert "General admission · Standing" in describe(first)


def test_twenty_clients_writing_ga_tickets_directly_at_once_cannot_oversell(db_url, session):
    """No holds, no service: every client inserts a ticket itself at the same moment. The
    trigger ticket_ga_capacity (row lock, then count) lets exactly the capacity through."""
    house = ga_house(session, capacity=5)

    def rogue(s, i, _):
        try:
            order = s.execute(
                text("INSERT INTO orders (channel, currency, total_minor) VALUES ('rogue', 'EUR', 0) RETURNING id")
            ).scalar_one()
            s.execute(
                text(
                    "INSERT INTO ticket (order_id, showtime_id, ga_area_id, category_id, price_minor) "
                    "VALUES (:o, :s, :a, :c, 0)"
                ),
                {"o": order, "s": house["showtime_id"], "a": house["area_id"], "c": house["category_ids"]["B"]},
            )
            s.commit()
            return "written"
        except DBAPIError as exc:
            s.rollback()
            return exc.orig.sqlstate

    outcomes = Counter(_race(db_url, CLIENTS, rogue))
    assert outcomes == {"written": 5, "BO016": CLIENTS - 5}
    assert _db(
        session, "SELECT count(*) FROM ticket WHERE ga_area_id = :a AND status = 'valid'", a=house["area_id"]
    ) == [(5,)]


def test_the_tidy_job_drops_lapsed_ga_hold_rows(session):
    from boxoffice.services import tidy

    house = ga_house(session, capacity=5)
    for quantity, seconds in ((2, 60), (1, 60)):
        general_admission.hold_places(
            session,
            showtime_id=house["showtime_id"],
            area_id=house["area_id"],
            quantity=quantity,
            token=uuid.uuid4(),
            channel="till-1",
            seconds=seconds,
        )
    session.execute(text("UPDATE ga_hold SET expires_at = now() - interval '1 second' WHERE quantity = 2"))
    session.commit()
    tidy.tidy(session)
    assert _db(session, "SELECT quantity FROM ga_hold") == [(1,)]
