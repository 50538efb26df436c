"""The demo cinema: four screens of different sizes in one venue, each plan in its own
hall, recliners as their own category, wheelchair spaces with companions, and films that
overlap across screens but never within one (the database's constraint holds)."""

from __future__ import annotations

import datetime as dt
import time

from sqlalchemy import text

from boxoffice.services.demo_cinema import CINEMA_VENUE, ensure_demo_cinema


def test_four_screens_and_a_week_of_overlapping_showtimes(session):
    started = time.perf_counter()
    created = ensure_demo_cinema(session, today=dt.date(2031, 3, 3), days=7)
    elapsed = time.perf_counter() - started
    assert created == 7 * 15
    screens = session.execute(
        text(
            "SELECT h.name, count(s.id), count(*) FILTER (WHERE s.wheelchair), count(*) FILTER (WHERE s.companion), "
            "count(*) FILTER (WHERE c.name = 'Recliner') "
            "FROM hall h JOIN venue v ON v.id = h.venue_id JOIN seating_plan p ON p.hall_id = h.id "
            "JOIN seat s ON s.plan_id = p.id JOIN price_category c ON c.id = s.category_id "
            "WHERE v.name = :v GROUP BY h.name, h.position ORDER BY h.position"
        ),
        {"v": CINEMA_VENUE},
    ).all()
    assert [s[0] for s in screens] == ["Screen 1", "Screen 2", "Screen 3", "Screen 4"]
    sizes = [s[1] for s in screens]
    assert sizes == sorted(sizes, reverse=True) and len(set(sizes)) == 4
    assert all(wc >= 1 and comp == wc and recl >= 6 for _n, _s, wc, comp, recl in screens)
    # films overlap across screens, never within one
    across = session.execute(
        text(
            "SELECT count(*) FROM showtime a JOIN showtime b ON a.venue_id = b.venue_id AND a.id < b.id "
            "AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at WHERE a.hall_id <> b.hall_id"
        )
    ).scalar_one()
    within = session.execute(
        text(
            "SELECT count(*) FROM showtime a JOIN showtime b ON a.hall_id = b.hall_id AND a.id < b.id "
            "AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at"
        )
    ).scalar_one()
    assert across > 50 and within == 0
    # every showtime has its prices for full, concession and child tickets
    unpriced = session.execute(
        text(
            "SELECT count(*) FROM showtime st WHERE (SELECT count(*) FROM showtime_prices p "
            "WHERE p.showtime_id = st.id) < 9"
        )
    ).scalar_one()
    assert unpriced == 0
    assert ensure_demo_cinema(session, today=dt.date(2031, 3, 3), days=7) == 0  # idempotent
    print(f"demo cinema: {created} showtimes in {elapsed:.2f} s")
