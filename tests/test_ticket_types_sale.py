"""Selling ticket types at the counter (migration 0006): the database prices each type,
refuses a type without a price, and the door and the printed ticket show the type."""

from __future__ import annotations

import uuid

import psycopg
import pypdfium2 as pdfium
import pytest
from sqlalchemy import text

from boxoffice.domain.admission import VerdictKind, describe
from boxoffice.domain.errors import HoldExpiredError, InvalidInputError, TicketTypeNotSoldError
from boxoffice.printing.tickets import render_tickets_pdf
from boxoffice.services import admission, inventory, prices, sales, tickets
from boxoffice.services.auth import act_as
from tests.door_helpers import door, open_house
from tests.factories import make_actor

CHILD, CONCESSION = 1250, 1800


@pytest.fixture
def house(session):
    """Category A: full 25.00, concession 18.00, child 12.50; B: full 15.00 and nothing else."""
    h = open_house(session)
    types = {t.code: t.id for t in prices.ticket_types_of(session, h["venue_id"])}
    a = h["category_ids"]["A"]
    session.execute(
        text("INSERT INTO showtime_type_price VALUES (:st, :a, :c, :cp), (:st, :a, :k, :kp)"),
        {"st": h["showtime_id"], "a": a, "c": types["concession"], "cp": CONCESSION, "k": types["child"], "kp": CHILD},
    )
    session.commit()
    h["types"] = types
    h["a_seats"] = h["seat_ids"][:10]  # row A: category A
    h["b_seats"] = h["seat_ids"][10:]  # rows B, C: category B
    return h


def _hold(session, house, seats) -> uuid.UUID:
    token = uuid.uuid4()
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=seats, token=token, channel="till-1", seconds=120
    )
    return token


def _tickets(session, order_id):
    return session.execute(
        text(
            "SELECT t.seat_id, t.price_minor, tt.code FROM ticket t LEFT JOIN ticket_type tt ON tt.id = t.ticket_type_id "
            "WHERE t.order_id = :o ORDER BY t.seat_id"
        ),
        {"o": order_id},
    ).all()


def test_ticket_prices_lists_the_types_sold_per_category(session, house):
    a, b = house["category_ids"]["A"], house["category_ids"]["B"]
    offered = sales.ticket_prices(session, showtime_id=house["showtime_id"], category_id=a)
    assert [(p.code, p.name, p.price_minor) for p in offered] == [
        ("full", "Full", 2500),
        ("concession", "Concession", CONCESSION),
        ("child", "Child", CHILD),
    ]
    assert [p.code for p in sales.ticket_prices(session, showtime_id=house["showtime_id"], category_id=b)] == ["full"]


def test_a_child_ticket_stores_the_child_price_and_type(session, house):
    s1, s2 = house["a_seats"][:2]
    token = _hold(session, house, [s1, s2])
    q = sales.quote(session, showtime_id=house["showtime_id"], seat_ids=[s1, s2], ticket_types={s2: "child"})
    assert q.total_minor == 2500 + CHILD
    result = sales.sell_cash(
        session,
        showtime_id=house["showtime_id"],
        seat_ids=[s1, s2],
        token=token,
        channel="till-1",
        tendered_minor=5000,
        expected_total_minor=2500 + CHILD,
        ticket_types={s2: house["types"]["child"]},
    )
    assert result.total_minor == 2500 + CHILD and result.change_minor == 5000 - 2500 - CHILD
    assert _tickets(session, result.order_id) == [(s1, 2500, "full"), (s2, CHILD, "child")]
    assert (
        session.execute(text("SELECT total_minor FROM orders WHERE id = :o"), {"o": result.order_id}).scalar_one()
        == 2500 + CHILD
    )
    audit = session.execute(
        text("SELECT details->'types' FROM audit_log WHERE action = 'sale' ORDER BY id DESC LIMIT 1")
    ).scalar_one()
    assert audit == ["full", "child"]
    # changing prices later never changes the sold ticket
    act_as(session, make_actor(session, role="manager"))
    prices.set_prices(
        session, showtime_id=house["showtime_id"], prices={(house["category_ids"]["A"], house["types"]["child"]): 900}
    )
    assert _tickets(session, result.order_id) == [(s1, 2500, "full"), (s2, CHILD, "child")]


def test_a_type_without_a_price_is_refused_and_nothing_is_sold(session, house):
    b1 = house["b_seats"][0]
    a1 = house["a_seats"][0]
    token = _hold(session, house, [a1, b1])
    with pytest.raises(TicketTypeNotSoldError) as err:
        sales.sell_cash(
            session,
            showtime_id=house["showtime_id"],
            seat_ids=[a1, b1],
            token=token,
            channel="till-1",
            tendered_minor=10_000,
            ticket_types={a1: "child", b1: "child"},
        )
    assert err.value.details["seat_ids"] == [b1]
    assert session.execute(text("SELECT count(*) FROM ticket")).scalar_one() == 0
    held = session.execute(
        text("SELECT count(*) FROM inventory_live WHERE hold_token = :t AND state = 'held'"), {"t": token}
    ).scalar_one()
    assert held == 2  # the hold remains
    with pytest.raises(InvalidInputError, match="Unknown ticket type"):
        sales.quote(session, showtime_id=house["showtime_id"], seat_ids=[a1], ticket_types={a1: "pensioner"})


def test_bo_sell_refuses_an_unpriced_type_in_the_database(plain_db_url, session, house):
    """The database itself refuses (BO014), whoever the client: the holds stay."""
    b1 = house["b_seats"][0]
    token = _hold(session, house, [b1])
    with psycopg.connect(plain_db_url) as conn:
        with pytest.raises(psycopg.Error) as err:
            conn.execute(
                "SELECT * FROM bo_sell(%s, %s, %s, 'raw', %s)",
                (house["showtime_id"], [b1], token, [house["types"]["concession"]]),
            )
        assert err.value.sqlstate == "BO014" and err.value.diag.message_detail == str(b1)
        conn.rollback()
        assert (
            conn.execute(
                "SELECT state FROM inventory_live WHERE showtime_id = %s AND seat_id = %s", (house["showtime_id"], b1)
            ).fetchone()[0]
            == "held"
        )
        # the same call with the full type (NULL) sells at the database's prices
        rows = conn.execute(
            "SELECT seat_id, price_minor FROM bo_sell(%s, %s, %s, 'raw', %s)",
            (house["showtime_id"], [b1], token, [None]),
        ).fetchall()
        assert rows == [(b1, 1500)]


def test_a_client_cannot_write_a_lower_price_for_a_typed_ticket(plain_db_url, session, house):
    a1 = house["a_seats"][0]
    token = _hold(session, house, [a1])
    child = house["types"]["child"]
    with psycopg.connect(plain_db_url) as conn:
        rows = conn.execute(
            "SELECT category_id, ticket_type_id, price_minor FROM bo_sell(%s, %s, %s, 'raw', %s)",
            (house["showtime_id"], [a1], token, [child]),
        ).fetchall()
        assert rows == [(house["category_ids"]["A"], child, CHILD)]
        order = conn.execute(
            "INSERT INTO orders (channel, currency, total_minor) VALUES ('raw', 'EUR', 1) RETURNING id"
        ).fetchone()[0]
        insert = (
            "INSERT INTO ticket (order_id, showtime_id, seat_id, category_id, price_minor, ticket_type_id) "
            "VALUES (%s, %s, %s, %s, %s, %s)"
        )
        for category, price in [(house["category_ids"]["A"], 1), (house["category_ids"]["B"], CHILD)]:
            conn.execute("SAVEPOINT s")
            with pytest.raises(psycopg.Error) as err:
                conn.execute(insert, (order, house["showtime_id"], a1, category, price, child))
            assert err.value.sqlstate == "BO015"
            conn.execute("ROLLBACK TO SAVEPOINT s")
        conn.execute(insert, (order, house["showtime_id"], a1, house["category_ids"]["A"], CHILD, child))
        with pytest.raises(psycopg.Error) as err:  # nor lower it afterwards
            conn.execute("UPDATE ticket SET price_minor = 0 WHERE seat_id = %s", (a1,))
        assert err.value.sqlstate == "BO031"  # a sold ticket is frozen (migration 0011)


def test_the_total_shown_must_match_the_types(session, house):
    a1 = house["a_seats"][0]
    token = _hold(session, house, [a1])
    from boxoffice.domain.errors import PaymentError

    with pytest.raises(PaymentError, match="total changed"):
        sales.sell_cash(
            session,
            showtime_id=house["showtime_id"],
            seat_ids=[a1],
            token=token,
            channel="till-1",
            tendered_minor=5000,
            expected_total_minor=CHILD,
            ticket_types={a1: "concession"},
        )
    with pytest.raises(HoldExpiredError):  # a typed sale still needs the live hold
        sales.sell_cash(
            session,
            showtime_id=house["showtime_id"],
            seat_ids=[a1],
            token=uuid.uuid4(),
            channel="till-1",
            tendered_minor=5000,
            ticket_types={a1: "concession"},
        )


def test_the_door_and_the_printed_ticket_show_the_type(session, house):
    s1, s2 = house["a_seats"][:2]
    token = _hold(session, house, [s1, s2])
    result = sales.sell_cash(
        session,
        showtime_id=house["showtime_id"],
        seat_ids=[s1, s2],
        token=token,
        channel="till-1",
        tendered_minor=5000,
        ticket_types={s1: "concession"},
    )
    views = tickets.order_tickets(session, order_id=result.order_id)
    by_seat = {v.seat: v for v in views}
    conc, full = by_seat["1"], by_seat["2"]
    assert (conc.ticket_type, conc.price_label, conc.price_minor) == ("Concession", "A · Concession", CONCESSION)
    assert (full.ticket_type, full.price_label) == ("Full", "A")
    # door: the ADMIT verdict says the type (not for full tickets)
    keys = tickets.venue_public_keys(session)
    verdict = admission.scan(session, code=conc.code, door=door(house), keys=keys)
    assert verdict.kind is VerdictKind.ADMIT and verdict.facts.ticket_type == "Concession"
    assert "A · Concession" in describe(verdict)
    verdict = admission.scan(session, code=full.code, door=door(house), keys=keys)
    assert verdict.facts.ticket_type == "" and "A" in describe(verdict)
    # the printed ticket
    pdf = pdfium.PdfDocument(render_tickets_pdf([conc, full], layout="a4"))
    texts = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    assert "A · Concession" in texts[0] and "Concession" not in "".join(texts[1:])
    roll = pdfium.PdfDocument(render_tickets_pdf([conc]))
    assert "A · Concession" in roll[0].get_textpage().get_text_range()


def test_migration_0006_downgrades_and_upgrades_with_sold_tickets(engine, session, house):
    """Down to 0005 with a typed ticket sold: the column, the typed bo_sell and the
    trigger go, door_ticket and the sale audit are 0003/0004's again; up again: old
    tickets read as full at the door."""
    from tests.test_migration_0005 import _to

    a1, a2 = house["a_seats"][:2]
    token = _hold(session, house, [a1])
    sales.sell_cash(
        session,
        showtime_id=house["showtime_id"],
        seat_ids=[a1],
        token=token,
        channel="till-1",
        tendered_minor=5000,
        ticket_types={a1: "child"},
    )
    session.close()
    _to(engine, "0005_shows_prices", down=True)
    with engine.begin() as conn:
        cols = (
            conn.execute(
                text("SELECT column_name FROM information_schema.columns WHERE table_name = :t"), {"t": "door_ticket"}
            )
            .scalars()
            .all()
        )
        assert "ticket_type" not in cols and "category" in cols
        assert conn.execute(text("SELECT count(*) FROM pg_proc WHERE proname = 'bo_sell'")).scalar_one() == 1
        assert conn.execute(text("SELECT price_minor FROM ticket")).scalar_one() == CHILD  # the sale is kept
    _to(engine, "head")
    with engine.begin() as conn:
        assert conn.execute(text("SELECT ticket_type, ticket_type_code FROM door_ticket")).one() == ("Full", "full")
    token = _hold(session, house, [a2])
    result = sales.sell_cash(
        session,
        showtime_id=house["showtime_id"],
        seat_ids=[a2],
        token=token,
        channel="till-1",
        tendered_minor=5000,
        ticket_types={a2: "concession"},
    )
    assert _tickets(session, result.order_id) == [(a2, CONCESSION, "concession")]


def test_the_door_copy_and_look_up_know_the_type(session, house):
    """Offline the door shows the type too (its copy holds it), and so does the look-up."""
    from boxoffice.door.offline import CachedTicket, DoorCopy
    from boxoffice.services import door_info

    s1, s2 = house["a_seats"][:2]
    token = _hold(session, house, [s1, s2])
    result = sales.sell_cash(
        session,
        showtime_id=house["showtime_id"],
        seat_ids=[s1, s2],
        token=token,
        channel="till-1",
        tendered_minor=5000,
        ticket_types={s2: "child"},
    )
    child_id, full_id = sorted(result.ticket_ids, reverse=True)  # tickets are written in seat order
    snap = door_info.door_snapshot(session, showtime_ids=[house["showtime_id"]])
    copy = DoorCopy.from_snapshot(snap)
    assert copy.facts(child_id, house["showtime_id"]).ticket_type == "Child"
    assert copy.facts(full_id, house["showtime_id"]).ticket_type == ""
    again = CachedTicket.from_row(copy.tickets[child_id].as_row())
    assert again.ticket_type == "Child"
    assert CachedTicket.from_row(copy.tickets[child_id].as_row()[:13]).ticket_type == ""  # a copy from before 0006
    found = door_info.find_tickets(session, query=result.order_number, showtime_ids=[house["showtime_id"]])
    assert sorted(f.facts.ticket_type for f in found) == ["", "Child"]
