"""Simulated web buyers: real HTTP clients of ``boxoffice web``, many per process.

A buyer arrives (on-sale opening: everybody within the first seconds), wants a group of
1-6 seats, reads the showtime's availability, picks the best free group
(:mod:`boxoffice.domain.seat_picking`), and holds it. A refused hold (409: someone was
faster) sends them back to the availability. With a hold, some buyers walk away (the
hold lapses by itself); the others book, pay at the stand-in gateway and read their
confirmed booking with its tickets. Then the next buyer takes the place, until the
showtime is sold out or time is up.
"""

from __future__ import annotations

import asyncio
import random
import time

import httpx

from boxoffice.domain.seat_picking import PickSeat, pick_group
from boxoffice.rehearsal.stats import Recorder

GROUP_SIZES = (1, 2, 2, 2, 2, 3, 4, 4, 5, 6)
MAX_TRIES = 8


class SoldOut(Exception):
    """No seat is free and none is held: nothing left to buy."""


def buyers_main(
    base_url: str,
    showtime_id: int,
    index: int,
    count: int,
    deadline: float,
    seed: int,
    abandon_rate: float,
    pace_s: float,
    results,
) -> None:
    """Process entry: run ``count`` concurrent buyers until ``deadline`` (``time.time()``),
    then put ``("buyers", index, recorder.plain())`` (or ``("error", index, text)``)."""
    try:
        rec = asyncio.run(
            run_buyers(
                base_url,
                showtime_id,
                count=count,
                deadline=deadline,
                seed=seed,
                abandon_rate=abandon_rate,
                pace_s=pace_s,
            )
        )
        results.put(("buyers", index, rec.plain()))
    except BaseException as exc:  # noqa: BLE001 - reported by the parent
        results.put(("error", index, f"buyers {index}: {type(exc).__name__}: {exc}"))


async def run_buyers(
    base_url: str, showtime_id: int, *, count: int, deadline: float, seed: int, abandon_rate: float, pace_s: float
) -> Recorder:
    """Run ``count`` buyer loops on one HTTP connection pool; returns their figures."""
    rec = Recorder()
    limits = httpx.Limits(max_connections=count, max_keepalive_connections=count)
    async with httpx.AsyncClient(base_url=base_url, timeout=30.0, limits=limits) as client:
        await asyncio.gather(
            *(
                _buyer_loop(client, showtime_id, random.Random(seed * 10_007 + i), rec, deadline, abandon_rate, pace_s)
                for i in range(count)
            )
        )
    return rec


async def _buyer_loop(
    client: httpx.AsyncClient,
    showtime_id: int,
    rng: random.Random,
    rec: Recorder,
    deadline: float,
    abandon_rate: float,
    pace_s: float,
) -> None:
    await asyncio.sleep(rng.uniform(0, 2.0))  # the on-sale opens: everybody arrives at once
    while time.time() < deadline:
        try:
            await _one_purchase(client, showtime_id, rng, rec, deadline, abandon_rate, pace_s)
        except SoldOut:
            return
        except httpx.HTTPError as exc:
            rec.count(f"web.http_errors.{type(exc).__name__}")
            await asyncio.sleep(0.5)
        await asyncio.sleep(rng.uniform(0.2, 1.0) * pace_s)  # the next buyer in this seat at the screen


async def _timed(rec: Recorder, op: str, request) -> httpx.Response:
    started = time.perf_counter()
    response = await request
    rec.latencies[op].append(time.perf_counter() - started)
    return response


async def _one_purchase(
    client, showtime_id: int, rng: random.Random, rec: Recorder, deadline: float, abandon_rate: float, pace_s: float
) -> None:
    size = rng.choice(GROUP_SIZES)
    hold = None
    for _ in range(MAX_TRIES):
        if time.time() >= deadline:
            return
        r = await _timed(rec, "web.availability", client.get(f"/showtimes/{showtime_id}/seats"))
        r.raise_for_status()
        body = r.json()
        seats = _pick_seats(body["seats"])
        group = pick_group(seats, size, rng) or pick_group(seats, 1, rng)
        if group is None:
            if body["counts"].get("held", 0) == 0:
                raise SoldOut
            rec.count("web.waited_for_holds")
            await asyncio.sleep(1.0)
            continue
        r = await _timed(rec, "web.hold", client.post(f"/showtimes/{showtime_id}/holds", json={"seat_ids": group}))
        if r.status_code == 201:
            hold = r.json()
            break
        if r.status_code == 409:
            rec.count("web.conflicts")
            continue
        rec.count(f"web.hold_status_{r.status_code}")
        return
    if hold is None:
        rec.count("web.gave_up")
        return
    await asyncio.sleep(rng.uniform(0.5, 2.0) * pace_s)  # looks at the basket, fills in the form
    if rng.random() < abandon_rate:
        rec.count("web.abandoned_holds")  # closes the tab: the hold lapses by itself
        return
    await _book_and_pay(client, showtime_id, hold, rec)


async def _book_and_pay(client, showtime_id: int, hold: dict, rec: Recorder) -> None:
    r = await _timed(
        rec, "web.book", client.post("/bookings", json={"showtime_id": showtime_id, "hold_token": hold["hold_token"]})
    )
    if r.status_code != 201:
        rec.count(f"web.book_status_{r.status_code}")
        return
    booking = r.json()
    r = await _timed(rec, "web.start_payment", client.post(f"/bookings/{booking['id']}/payments"))
    if r.status_code != 201:
        rec.count(f"web.payment_status_{r.status_code}")
        return
    session_id = r.json()["id"]
    r = await _timed(
        rec, "web.pay_and_webhook", client.post(f"/gateway/checkout/{session_id}", params={"outcome": "succeeded"})
    )
    if r.status_code != 200:
        rec.count(f"web.checkout_status_{r.status_code}")
        return
    r = await _timed(rec, "web.booking_status", client.get(f"/bookings/{booking['id']}"))
    done = r.json() if r.status_code == 200 else {}
    if done.get("status") == "confirmed":
        rec.count("web.orders")
        rec.count("web.tickets", len(done.get("tickets", [])))
    else:
        rec.count(f"web.not_confirmed_{done.get('status', r.status_code)}")


def _pick_seats(raw: list[dict]) -> list[PickSeat]:
    """API seats as :class:`PickSeat` (positions from the plan; ``x``/``y`` in plan pixels)."""
    return [
        PickSeat(
            s["seat_id"],
            s["section"],
            s["row"],
            float(s["x"]),
            float(s["y"]),
            s["price_minor"],
            s["state"] == "available",
        )
        for s in raw
    ]
