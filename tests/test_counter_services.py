"""The till's stitched use cases are one transaction each (services/counter.py, issue 13
item 7). Each test has a control: the old step-by-step sequence (one commit per step)
leaves the half-done state in the database that the one-transaction service does not."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text

from boxoffice.device_key import DeviceKey
from boxoffice.domain.errors import SeatUnavailableError
from boxoffice.services import counter, device_keys, general_admission, inventory, sales, tickets
from boxoffice.services.tenders import Tender
from tests.test_general_admission import ga_house

TILL = "till:test"


def _held(session, showtime_id: int, token: uuid.UUID) -> tuple[int, int]:
    """(seats held by ``token``, general-admission places held by ``token``), from the database."""
    seats = session.execute(
        text("SELECT count(*) FROM inventory WHERE showtime_id = :s AND state = 'held' AND hold_token = :t"),
        {"s": showtime_id, "t": token},
    ).scalar_one()
    places = session.execute(
        text("SELECT coalesce(sum(quantity), 0) FROM ga_hold WHERE showtime_id = :s AND token = :t"),
        {"s": showtime_id, "t": token},
    ).scalar_one()
    session.rollback()
    return seats, places


def _orders(session) -> int:
    count = session.execute(text("SELECT count(*) FROM orders")).scalar_one()
    session.rollback()
    return count


@pytest.fixture
def house(session):
    return ga_house(session, capacity=5)


def test_renew_holds_holds_seats_and_places_with_one_expiry(session, house):
    token = uuid.uuid4()
    seats = house["seat_ids"][:2]
    expires = counter.renew_holds(
        session,
        showtime_id=house["showtime_id"],
        token=token,
        channel=TILL,
        seconds=120,
        seat_ids=seats,
        places={house["area_id"]: 3},
    )
    assert expires is not None
    assert _held(session, house["showtime_id"], token) == (2, 3)
    assert (
        counter.renew_holds(
            session, showtime_id=house["showtime_id"], token=token, channel=TILL, seconds=60, seat_ids=[], places={}
        )
        is None
    )


def test_a_refused_area_leaves_no_seat_held(session, house):
    showtime_id, area_id, seats = house["showtime_id"], house["area_id"], house["seat_ids"][:2]
    other = uuid.uuid4()
    general_admission.hold_places(
        session, showtime_id=showtime_id, area_id=area_id, quantity=4, token=other, channel=TILL, seconds=120
    )
    token = uuid.uuid4()
    with pytest.raises(SeatUnavailableError):
        counter.renew_holds(
            session,
            showtime_id=showtime_id,
            token=token,
            channel=TILL,
            seconds=120,
            seat_ids=seats,
            places={area_id: 2},
        )
    assert _held(session, showtime_id, token) == (0, 0)  # one transaction: nothing held

    # control: the old sequence (seats, commit, then places) leaves the seats held
    control = uuid.uuid4()
    inventory.hold_seats(session, showtime_id=showtime_id, seat_ids=seats, token=control, channel=TILL, seconds=120)
    with pytest.raises(SeatUnavailableError):
        general_admission.hold_places(
            session, showtime_id=showtime_id, area_id=area_id, quantity=2, token=control, channel=TILL, seconds=120
        )
    assert _held(session, showtime_id, control) == (2, 0)


@pytest.fixture
def signer(session):
    key = DeviceKey.generate()
    device_keys.enrol(session, name="till-a", public_key=key.public_key)
    return key


def _hold(session, house, token):
    seats = house["seat_ids"][:2]
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=seats, token=token, channel=TILL, seconds=120
    )
    return seats


def _sale(house, seats, token) -> dict:
    return {
        "showtime_id": house["showtime_id"],
        "seat_ids": seats,
        "token": token,
        "channel": TILL,
        "tenders": [Tender("cash", 50_00, tendered_minor=50_00)],
    }


def test_sell_and_issue_returns_the_sale_and_its_signed_tickets(session, house, signer):
    token = uuid.uuid4()
    seats = _hold(session, house, token)
    result, views = counter.sell_and_issue(session, signer=signer, **_sale(house, seats, token))
    assert [v.order_number for v in views] == [result.order_number] * 2
    assert all(v.code for v in views)
    assert _orders(session) == 1


def _refuse_code_claims(session) -> None:
    """A database that refuses to record the tickets' codes (as a revoked key or a broken
    claim would): a trigger on the ticket table."""
    session.execute(
        text(
            "CREATE FUNCTION test_no_claims() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "IF NEW.key_id IS DISTINCT FROM OLD.key_id THEN RAISE EXCEPTION 'claims refused'; END IF; "
            "RETURN NEW; END $$"
        )
    )
    session.execute(
        text("CREATE TRIGGER test_no_claims BEFORE UPDATE ON ticket FOR EACH ROW EXECUTE FUNCTION test_no_claims()")
    )
    session.commit()


def test_a_sale_whose_tickets_cannot_be_issued_is_not_sold(session, house, signer):
    _refuse_code_claims(session)
    token = uuid.uuid4()
    seats = _hold(session, house, token)
    with pytest.raises(Exception, match="claims refused"):
        counter.sell_and_issue(session, signer=signer, **_sale(house, seats, token))
    assert _orders(session) == 0  # one transaction: nothing sold, the seats still held
    assert _held(session, house["showtime_id"], token) == (2, 0)

    # control: the old sequence (sell, commit, then fetch the tickets) sold the seats
    # although the till then reported a failure
    tickets.require_signer(session, signer)
    result = sales.sell(session, **_sale(house, seats, token))
    with pytest.raises(Exception, match="claims refused"):
        tickets.order_tickets(session, order_id=result.order_id, signer=signer)
    assert _orders(session) == 1
