"""Setup use cases: venues (with their ticket key pair), shows, showtimes."""

from __future__ import annotations

import threading

from sqlalchemy import text

from boxoffice.services import setup


def test_two_first_runs_creating_one_venue_get_the_same_venue(session_factory, session):
    clients = 8
    barrier = threading.Barrier(clients)
    ids, errors = [], []

    def create() -> None:
        with session_factory() as s:
            try:
                barrier.wait()
                ids.append(setup.get_or_create_venue(s, name="Riverside"))
                s.commit()
            except Exception as exc:  # noqa: BLE001 - collected for the assertion
                errors.append(exc)

    threads = [threading.Thread(target=create) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(set(ids)) == 1 and len(ids) == clients
    rows = session.execute(text("SELECT id FROM venue WHERE name = 'Riverside'")).all()
    assert [tuple(r) for r in rows] == [(ids[0],)]


def test_existing_venue_is_found_by_its_trimmed_name(session):
    first = setup.get_or_create_venue(session, name="Hall")
    session.commit()
    assert setup.get_or_create_venue(session, name="  Hall ") == first
    session.commit()
    assert session.execute(text("SELECT count(*) FROM venue")).scalar_one() == 1
