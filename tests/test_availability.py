"""The buyer's view of a showtime: states are always live, the cached layout only
saves reading seats and prices again."""

from __future__ import annotations

import uuid

from sqlalchemy import text

from boxoffice.services import inventory
from boxoffice.services.availability import LayoutCache, showtime_availability
from tests.factories import make_small_house


def test_states_are_live_even_with_a_cached_layout(session):
    house = make_small_house(session)
    st, seat = house["showtime_id"], house["seat_ids"][0]
    cache = LayoutCache(ttl_seconds=3600)
    before = showtime_availability(session, showtime_id=st, layouts=cache)
    assert before.counts["available"] == 30
    inventory.hold_seats(session, showtime_id=st, seat_ids=[seat], token=uuid.uuid4(), channel="web", seconds=60)
    after = showtime_availability(session, showtime_id=st, layouts=cache)
    assert after.counts == {"available": 29, "held": 1, "sold": 0, "blocked": 0}
    assert next(s for s in after.seats if s.seat_id == seat).state == "held"


def test_a_price_change_shows_once_the_layout_is_stale(session):
    house = make_small_house(session)
    st, seat = house["showtime_id"], house["seat_ids"][0]

    def price(cache):
        found = showtime_availability(session, showtime_id=st, layouts=cache)
        return next(s.price_minor for s in found.seats if s.seat_id == seat)

    kept, fresh = LayoutCache(ttl_seconds=3600), LayoutCache(ttl_seconds=0)
    assert price(kept) == price(fresh) == 2500
    session.execute(
        text("UPDATE showtime_price SET price_minor = 2700 WHERE showtime_id = :s AND price_minor = 2500"), {"s": st}
    )
    session.commit()
    assert price(kept) == 2500  # within its lifetime the layout is reused
    assert price(fresh) == 2700
    assert price(None) == 2700  # without a cache every call reads the prices
