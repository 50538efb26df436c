"""Client processes for the web-against-counter races (spawned by tests/test_web_races.py).

Each function runs in its own process, waits at a shared barrier, tries to buy each of
``seat_ids`` once (one seat at a time) and puts ``(name, bought seat ids, unexpected
errors)`` on ``results``.
"""

from __future__ import annotations

import uuid

ORDER_SQL = "INSERT INTO orders (channel, currency, total_minor) VALUES ('naive', 'EUR', 0) RETURNING id"


def web_buyer(name: str, base_url: str, showtime_id: int, seat_ids: list[int], barrier, results) -> None:
    """A buyer on the web: hold over HTTP, book, pay at the stand-in gateway."""
    import httpx

    bought, unexpected = [], []
    with httpx.Client(base_url=base_url, timeout=60) as client:
        client.get("/health")  # connect before the start line
        barrier.wait()
        for seat in seat_ids:
            try:
                hold = client.post(f"/showtimes/{showtime_id}/holds", json={"seat_ids": [seat]})
                if hold.status_code == 409 and hold.json()["error"]["code"] == "seat_unavailable":
                    continue
                if hold.status_code != 201:
                    unexpected.append(f"hold {seat}: {hold.status_code} {hold.text}")
                    continue
                booking = client.post(
                    "/bookings", json={"showtime_id": showtime_id, "hold_token": hold.json()["hold_token"]}
                )
                payment = client.post(f"/bookings/{booking.json()['id']}/payments")
                checkout = client.post(f"/gateway/checkout/{payment.json()['id']}", params={"outcome": "succeeded"})
                answer = checkout.json().get("webhook_response") or {}
                if answer.get("outcome") == "confirmed":
                    bought.append(seat)
                else:
                    unexpected.append(f"pay {seat}: {checkout.text}")
            except Exception as exc:  # noqa: BLE001 - reported to the test
                unexpected.append(f"{seat}: {type(exc).__name__}: {exc}")
    results.put((name, bought, unexpected))


def counter_clerk(name: str, db_url: str, showtime_id: int, seat_ids: list[int], barrier, results) -> None:
    """A till: hold and sell for cash through the services, on its own connection."""
    from sqlalchemy import text
    from sqlalchemy.pool import NullPool

    from boxoffice.db.engine import make_engine, make_session_factory
    from boxoffice.domain.errors import SeatUnavailableError
    from boxoffice.services import inventory, sales

    engine = make_engine(db_url, poolclass=NullPool, pool_size=None)
    bought, unexpected = [], []
    with make_session_factory(engine)() as session:
        session.execute(text("SELECT 1")).all()
        session.rollback()
        barrier.wait()
        for seat in seat_ids:
            token = uuid.uuid4()
            try:
                inventory.hold_seats(
                    session, showtime_id=showtime_id, seat_ids=[seat], token=token, channel=f"till:{name}", seconds=120
                )
            except SeatUnavailableError:
                continue
            except Exception as exc:  # noqa: BLE001
                unexpected.append(f"hold {seat}: {type(exc).__name__}: {exc}")
                continue
            try:
                sales.sell_cash(
                    session,
                    showtime_id=showtime_id,
                    seat_ids=[seat],
                    token=token,
                    channel=f"till:{name}",
                    tendered_minor=100_00,
                )
                bought.append(seat)
            except Exception as exc:  # noqa: BLE001
                unexpected.append(f"sell {seat}: {type(exc).__name__}: {exc}")
    engine.dispose()
    results.put((name, bought, unexpected))


def naive_seller(name: str, plain_url: str, showtime_id: int, seat_ids: list[int], barrier, results) -> None:
    """The negative control: read the state, think, then write sold and a ticket with no
    conditional statement (the guards have been dropped from this database)."""
    import psycopg

    bought = []
    with psycopg.connect(plain_url) as conn:
        conn.execute("SELECT 1")
        conn.commit()
        barrier.wait()
        for seat in seat_ids:
            state = conn.execute(
                "SELECT state FROM inventory_live WHERE showtime_id=%s AND seat_id=%s", (showtime_id, seat)
            ).fetchone()[0]
            conn.execute("SELECT pg_sleep(0.05)")  # the time a client takes between read and write
            if state != "available":
                conn.commit()
                continue
            conn.execute("UPDATE inventory SET state='sold' WHERE showtime_id=%s AND seat_id=%s", (showtime_id, seat))
            order_id = conn.execute(ORDER_SQL).fetchone()[0]
            conn.execute(
                "INSERT INTO ticket (order_id, showtime_id, seat_id, category_id, price_minor) "
                "SELECT %s, %s, id, category_id, 0 FROM seat WHERE id = %s",
                (order_id, showtime_id, seat),
            )
            conn.commit()
            bought.append(seat)
    results.put((name, bought, []))
