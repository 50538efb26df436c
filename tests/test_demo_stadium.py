"""The demo stadium: loaded on request (``boxoffice demo --stadium``), idempotent, its
events priced by category and sellable."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from boxoffice.cli import _parser
from boxoffice.services.demo_stadium import STADIUM_PRICES, STADIUM_VENUE, ensure_demo_stadium


def test_the_demo_stadium_is_loaded_once_with_two_priced_events(session):
    today = dt.date(2031, 6, 2)  # a Monday
    first = ensure_demo_stadium(session, today=today, depth=0.1)
    assert first.plan_created and first.showtimes_created == 2 and first.seats > 5_000
    again = ensure_demo_stadium(session, today=today, depth=0.1)
    assert (again.plan_created, again.showtimes_created, again.plan_id) == (False, 0, first.plan_id)

    rows = session.execute(
        text(
            "SELECT st.id, st.starts_at, count(DISTINCT sp.category_id), min(sp.price_minor), max(sp.price_minor), "
            "(SELECT count(*) FROM inventory i WHERE i.showtime_id = st.id AND i.state = 'available') "
            "FROM showtime st JOIN seating_plan p ON p.id = st.plan_id JOIN venue v ON v.id = p.venue_id "
            "JOIN showtime_price sp ON sp.showtime_id = st.id WHERE v.name = :v GROUP BY st.id ORDER BY st.starts_at"
        ),
        {"v": STADIUM_VENUE},
    ).all()
    session.rollback()
    assert len(rows) == 2
    assert [r[1].date() for r in rows] == [dt.date(2031, 6, 6), dt.date(2031, 6, 7)]  # Friday concert, Saturday match
    for _, _, categories, low, high, available in rows:
        assert categories == len(STADIUM_PRICES) == 7
        assert (low, high) == (min(STADIUM_PRICES.values()), max(STADIUM_PRICES.values()))
        assert available == first.seats


def test_boxoffice_demo_takes_stadium():
    assert _parser().parse_args(["demo", "--stadium"]).stadium is True
    assert _parser().parse_args(["demo"]).stadium is False
