"""Simulated web buyers: real HTTP clients of ``boxoffice web``, many per process.

A buyer arrives (on-sale opening: everybody within the first seconds), wants a group of
1-6 seats, reads the showtime's seat map (``GET /showtimes/{id}/map``, sending the ETag
it has: ``304`` while nothing changed), looks at it, picks the best free group
(:mod:`boxoffice.domain.seat_picking`), and holds it. A refused hold (409: someone was
faster) sends them back to the map. With a hold, some buyers walk away (the hold lapses
by itself); the others fill in the form, book, pay at the stand-in gateway and read
their confirmed booking with its tickets. Then the next buyer takes the place, until the
showtime is sold out or time is up.

Each buyer has an HTTP client of their own (one keep-alive connection, as a browser
tab): one pool of hundreds of connections per process spent two thirds of the load
generator's time scanning itself. Think times (seconds, times ``pace_s``) are in
:data:`THINK`. Every answer's ``Server-Timing`` is recorded next to the client's time.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import re
import ssl
import time
from collections.abc import Callable

import httpx

from boxoffice.domain.seat_picking import PickLayout, PickSeat
from boxoffice.rehearsal.stats import Recorder

GROUP_SIZES = (1, 2, 2, 2, 2, 3, 4, 4, 5, 6)
# A map buyer chooses among this many of the best free groups (``--among``; see
# docs/rehearsal.md: 8 makes 200 buyers chase the same few groups, most holds refused).
AMONG = 8
MAX_TRIES = 8
# (low, high) seconds of each pause, scaled by pace_s
THINK = {
    "pick": (1.0, 3.0),  # looks at the seat map, chooses seats
    "retry": (0.3, 1.0),  # after a 409: looks again
    "form": (3.0, 8.0),  # name, e-mail, terms, before booking
    "card": (2.0, 5.0),  # types the card details at the gateway
    "next": (1.0, 4.0),  # the next buyer at this screen
}
_SERVER_TIMING = re.compile(r"(app|queue|db);dur=([0-9.]+)")


class SoldOut(Exception):
    """No seat is free and none is held: nothing left to buy."""


def run_loop(coroutine):
    """Run ``coroutine`` to its end on a new event loop: uvloop's where it is installed
    (everywhere but Windows; less CPU per request for the load generator), else asyncio's."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(coroutine)
    return uvloop.run(coroutine)


def prepare() -> None:
    """Get a buyer process ready before the on-sale opens (:mod:`boxoffice.rehearsal.gate`):
    the TLS context its clients share."""
    _tls()


def buyers_main(
    base_url: str,
    showtime_id: int,
    index: int,
    count: int,
    seed: int,
    abandon_rate: float,
    pace_s: float,
    results,
    gate,
    pick: str = "map",
    among: int = AMONG,
) -> None:
    """Process entry: wait at ``gate`` (:class:`~boxoffice.rehearsal.gate.StartGate`) for
    the on-sale to open, run ``count`` concurrent buyers until its deadline,
    then put ``("buyers", index, recorder.plain())`` (or ``("error", index, text)``).
    ``pick``: ``"map"`` buyers read the seat map and click seats, ``"best"`` buyers ask
    for the best available seats (``POST /showtimes/{id}/best-available``); map buyers
    choose among the ``among`` best free groups."""
    try:
        rec = run_loop(
            run_buyers(
                base_url,
                showtime_id,
                count=count,
                opens=gate.ready_and_wait,
                seed=seed,
                abandon_rate=abandon_rate,
                pace_s=pace_s,
                pick=pick,
                among=among,
            )
        )
        results.put(("buyers", index, rec.plain()))
    except BaseException as exc:  # noqa: BLE001 - reported by the parent
        results.put(("error", index, f"buyers {index}: {type(exc).__name__}: {exc}"))


async def run_buyers(
    base_url: str,
    showtime_id: int,
    *,
    count: int,
    opens: Callable[[], float],
    seed: int,
    abandon_rate: float,
    pace_s: float,
    pick: str = "map",
    among: int = AMONG,
) -> Recorder:
    """Run ``count`` buyer loops, each with its own HTTP client; returns their figures.
    The clients are made first (the buyers' browsers are open when the on-sale opens),
    then ``opens()`` (blocking, e.g. the start gate's wait) gives the deadline
    (``time.time()`` seconds). ``pick`` and ``among`` as :func:`buyers_main`."""
    rec = Recorder()
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    rngs = [random.Random(seed * 10_007 + i) for i in range(count)]
    async with contextlib.AsyncExitStack() as stack:
        clients = [
            await stack.enter_async_context(
                httpx.AsyncClient(
                    base_url=base_url, timeout=30.0, limits=limits, headers=buyer_headers(rng), verify=_tls()
                )
            )
            for rng in rngs
        ]
        deadline = await asyncio.get_running_loop().run_in_executor(None, opens)
        await asyncio.gather(
            *(
                _buyer_loop(client, showtime_id, rng, rec, deadline, abandon_rate, pace_s, pick, among)
                for client, rng in zip(clients, rngs, strict=True)
            )
        )
    return rec


_TLS: list[ssl.SSLContext] = []


def _tls() -> ssl.SSLContext:
    """One TLS context for a process's buyers. Each new client made its own, loading the CA
    store (about 10 ms of CPU): 50 buyers arriving together kept the process busy for half
    a second, and the first seat maps of the on-sale measured that (about 500 ms, while
    the server took 0.2-80 ms)."""
    if not _TLS:
        _TLS.append(ssl.create_default_context())
    return _TLS[0]


def buyer_headers(rng: random.Random) -> dict[str, str]:
    """Who a simulated buyer is to the web server: an address of its own (sent as
    ``X-Forwarded-For``, which uvicorn honours from 127.0.0.1, as from a reverse proxy)
    and a shop client id (``Boxoffice-Client``). Real buyers come from many addresses;
    all from 127.0.0.1 they shared one per-address row of the hold limits (migration
    0019), which every web hold locks until it commits, and queued behind each other."""
    address = f"10.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"
    return {"X-Forwarded-For": address, "Boxoffice-Client": f"rehearsal-{rng.getrandbits(48):012x}"}


def _think(rng: random.Random, what: str, pace_s: float):
    low, high = THINK[what]
    return asyncio.sleep(rng.uniform(low, high) * pace_s)


async def _buyer_loop(
    client: httpx.AsyncClient,
    showtime_id: int,
    rng: random.Random,
    rec: Recorder,
    deadline: float,
    abandon_rate: float,
    pace_s: float,
    pick: str = "map",
    among: int = AMONG,
) -> None:
    await asyncio.sleep(rng.uniform(0, 2.0))  # the on-sale opens: everybody arrives at once
    seat_map = _SeatMap()
    while time.time() < deadline:
        try:
            if pick == "best":
                await _one_best_purchase(client, showtime_id, rng, rec, deadline, abandon_rate, pace_s)
            else:
                await _one_purchase(client, showtime_id, rng, rec, deadline, abandon_rate, pace_s, seat_map, among)
        except SoldOut:
            return
        except httpx.HTTPError as exc:
            rec.count(f"web.http_errors.{type(exc).__name__}")
            await asyncio.sleep(0.5)
        await _think(rng, "next", pace_s)  # the next buyer in this seat at the screen


async def _timed(rec: Recorder, op: str, request) -> httpx.Response:
    started = time.perf_counter()
    response = await request
    took = time.perf_counter() - started
    rec.latencies[op].append(took)
    server = record_server_timing(rec, op, response.headers.get("server-timing", ""))
    rec.samples.append((time.time(), op, took, -1.0 if server is None else server))
    return response


def record_server_timing(rec: Recorder, op: str, header: str) -> float | None:
    """Record the server's own time for ``op`` from a ``Server-Timing`` header: ``app``
    as ``rec.server[op]``, the ``queue`` and ``db`` phases (boxoffice/web/timing.py) as
    ``rec.server[op + ":queue"]`` and ``[op + ":db"]``, in seconds. Returns ``app``
    (``None``: the header did not say)."""
    app = None
    for name, ms in _SERVER_TIMING.findall(header):
        seconds = float(ms) / 1000.0
        rec.server[op if name == "app" else f"{op}:{name}"].append(seconds)
        if name == "app":
            app = seconds
    return app


class _SeatMap:
    """The last seat map a buyer read and its ETag (a browser's HTTP cache)."""

    def __init__(self) -> None:
        self.etag: str | None = None
        self.doc: dict | None = None

    async def read(self, client: httpx.AsyncClient, showtime_id: int, rec: Recorder) -> dict:
        headers = {"If-None-Match": self.etag} if self.etag and self.doc is not None else {}
        r = await _timed(rec, "web.seat_map", client.get(f"/showtimes/{showtime_id}/map", headers=headers))
        if r.status_code == 304 and self.doc is not None:
            rec.count("web.seat_map_unchanged")
            return self.doc
        r.raise_for_status()
        self.etag = r.headers.get("etag")
        self.doc = _parsed(self.etag, r)
        return self.doc


async def _one_purchase(
    client,
    showtime_id: int,
    rng: random.Random,
    rec: Recorder,
    deadline: float,
    abandon_rate: float,
    pace_s: float,
    seat_map: _SeatMap,
    among: int = AMONG,
) -> None:
    size = rng.choice(GROUP_SIZES)
    hold = None
    for attempt in range(MAX_TRIES):
        if time.time() >= deadline:
            return
        body = await seat_map.read(client, showtime_id, rec)
        group = _pick(seat_map.etag, body, size, rng, among) or _pick(seat_map.etag, body, 1, rng, among)
        if group is None:
            if body["counts"].get("held", 0) == 0:
                raise SoldOut
            rec.count("web.waited_for_holds")
            await asyncio.sleep(1.0)
            continue
        await _think(rng, "retry" if attempt else "pick", pace_s)
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
    await _think(rng, "form", pace_s)  # looks at the basket, fills in the form
    if rng.random() < abandon_rate:
        rec.count("web.abandoned_holds")  # closes the tab: the hold lapses by itself
        return
    await _book_and_pay(client, showtime_id, hold, rec, rng, pace_s)


async def _one_best_purchase(
    client, showtime_id: int, rng: random.Random, rec: Recorder, deadline: float, abandon_rate: float, pace_s: float
) -> None:
    """A buyer who asks for the best N seats (the shop's "best available" button): fewer
    when N are not free together, waits while only holds are left; gives up (SoldOut)
    after :data:`MAX_TRIES` answers that not even one seat is free."""
    size, hold, code = rng.choice(GROUP_SIZES), None, None
    await _think(rng, "pick", pace_s)  # chooses how many, which category
    for _ in range(MAX_TRIES):
        if time.time() >= deadline:
            return
        r = await _timed(
            rec, "web.best_available", client.post(f"/showtimes/{showtime_id}/best-available", json={"quantity": size})
        )
        if r.status_code == 201:
            hold = r.json()
            break
        code = r.json().get("error", {}).get("code") if r.status_code >= 400 else None
        if code == "not_enough_together" and size > 1:
            rec.count("web.fewer_seats")
            size = max(1, size // 2)
            continue
        if code == "not_enough_together":
            rec.count("web.waited_for_holds")
            await asyncio.sleep(1.0)
            continue
        rec.count(f"web.best_status_{r.status_code}")
        await _think(rng, "retry", pace_s)
    if hold is None and code == "not_enough_together":
        raise SoldOut
    if hold is None:
        rec.count("web.gave_up")
        return
    await _think(rng, "form", pace_s)
    if rng.random() < abandon_rate:
        rec.count("web.abandoned_holds")
        return
    await _book_and_pay(client, showtime_id, hold, rec, rng, pace_s)


async def _book_and_pay(client, showtime_id: int, hold: dict, rec: Recorder, rng, pace_s: float) -> None:
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
    await _think(rng, "card", pace_s)
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


_LAYOUTS: dict[tuple, PickLayout] = {}  # per process: the buyers of a process share them
# Per process, by the map's ETag: the parsed document and its free seats, and the best
# groups per (size, among). The buyers of a process read the same map versions; each used
# to parse the 100 KB document and rank the house's groups again, and the load generator
# spent about 5 ms of CPU per request (62 % of its core at 116 requests/s): its own queue
# then showed in the clients' latencies. The choices are the same (a random one among the
# same best groups).
_DOCS: dict[str, tuple[dict, set[int]]] = {}
_BEST: dict[tuple[str, int, int], list[tuple[tuple, list[int]]]] = {}
_KEEP = 64


def _parsed(etag: str | None, response: httpx.Response) -> dict:
    """The map document of ``response``, parsed once per process and ETag."""
    if etag is None:
        return response.json()
    found = _DOCS.get(etag)
    if found is None:
        if len(_DOCS) >= _KEEP:
            _DOCS.clear()
        doc = response.json()
        found = _DOCS[etag] = (doc, _free(doc))
    return found[0]


def _pick(etag: str | None, doc: dict, size: int, rng: random.Random, among: int) -> list[int] | None:
    """A random one of the ``among`` best free groups of ``size`` on the map ``doc``."""
    layout = _layout(doc)
    free = _DOCS[etag][1] if etag in _DOCS else _free(doc)
    key = (etag or "", size, among)
    best = _BEST.get(key) if etag else None
    if best is None:
        if len(_BEST) >= _KEEP * 8:
            _BEST.clear()
        best = layout.free_groups(free, size, among)
        if etag:
            _BEST[key] = best
    return rng.choice(best)[1] if best else None


def _layout(doc: dict) -> PickLayout:
    """The picking layout of the map's plan, made once per process (the seat positions
    and prices do not change with the states)."""
    key = (doc["showtime_id"], json.dumps(doc["categories"]), doc["plan"]["width"], doc["plan"]["height"])
    layout = _LAYOUTS.get(key)
    if layout is None:
        layout = _LAYOUTS[key] = PickLayout(_pick_seats(doc))
    return layout


def _free(doc: dict) -> set[int]:
    """Ids of the map's available seats."""
    return {
        s["id"]
        for section in doc["sections"]
        for row in section["rows"]
        for s in row["seats"]
        if s["state"] == "available"
    }


def _pick_seats(doc: dict) -> list[PickSeat]:
    """The seat map's seats as :class:`PickSeat` (positions in plan pixels; the price of
    the seat's category)."""
    prices = [c["price_minor"] for c in doc["categories"]]
    return [
        PickSeat(
            s["id"],
            section["name"],
            row["row"],
            float(s["x"]),
            float(s["y"]),
            prices[s["category"]] if s["category"] is not None else None,
            s["state"] == "available",
        )
        for section in doc["sections"]
        for row in section["rows"]
        for s in row["seats"]
    ]
