"""A simulated till: the sell screen's sequence of service calls, without the screen.

Per customer the till (1) refreshes the seat states it has (all at first, then what
changed since its version, as the sell screen does), (2) picks the best free group of
1-6 seats, (3) "clicks" them one by one: each click holds the whole basket plus the new
seat (``inventory.hold_seats``), (4) takes cash for the basket (``sales.sell_cash`` with
the total it showed) and fetches the tickets to print (``tickets.order_tickets``). A seat
another channel took first is a conflict: the till picks again, as a cashier would.
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Callable

from boxoffice.domain.errors import BoxOfficeError, BusyError, HoldExpiredError, SeatUnavailableError
from boxoffice.domain.seat_picking import PickLayout, PickSeat
from boxoffice.rehearsal.stats import Recorder

GROUP_SIZES = (1, 2, 2, 2, 3, 4, 4, 5, 6)  # couples and families are the common case


def prepare() -> None:
    """Import what a till needs before the on-sale opens (:mod:`boxoffice.rehearsal.gate`)."""
    import boxoffice.db.engine
    import boxoffice.domain.best_available
    import boxoffice.services.best_available
    import boxoffice.services.catalog
    import boxoffice.services.inventory  # noqa: F401


def till_main(
    url: str, showtime_id: int, index: int, seed: int, pace_s: float, results, gate, pick: str = "map"
) -> None:
    """Process entry: run one till until ``deadline`` (``time.time()``) or sold out, then
    put ``("till", index, recorder.plain())`` on ``results`` (or ``("error", index, text)``).
    ``pick``: ``"map"`` clicks seats on the map, ``"best"`` asks best available."""
    try:
        run = run_till if pick == "map" else run_till_best
        recorder = run(url, showtime_id, index=index, opens=gate.ready_and_wait, rng=random.Random(seed), pace_s=pace_s)
        results.put(("till", index, recorder.plain()))
    except BaseException as exc:  # noqa: BLE001 - reported by the parent
        results.put(("error", index, f"till {index}: {type(exc).__name__}: {exc}"))


def run_till(
    url: str, showtime_id: int, *, index: int, opens: Callable[[], float], rng: random.Random, pace_s: float
) -> Recorder:
    """Sell at one till until its deadline or until no seat is free; returns its figures.
    The till opens the showtime's map first, then waits for the on-sale: ``opens()``
    (:meth:`~boxoffice.rehearsal.gate.StartGate.ready_and_wait`) returns the deadline
    (``time.time()`` seconds)."""
    from boxoffice.db.engine import make_engine, make_session_factory
    from boxoffice.services import catalog, inventory

    engine = make_engine(url, application_name=f"rehearsal-till-{index}", pool_size=1)
    session = make_session_factory(engine)()
    rec = Recorder()
    channel = f"till:rehearsal-{index}"
    try:
        seat_map = catalog.load_seat_map(session, showtime_id=showtime_id)
        prices = {c.id: c.price_minor for c in seat_map.categories.values()}
        sections = seat_map.sections
        states: dict[int, str] = {}
        version = 0
        # the plan's geometry, once: a till keeps its seat map's layout (it was rebuilt
        # for every customer: two thirds of a till process's CPU, on the load generator's core)
        layout = PickLayout(
            [
                PickSeat(s.id, sections.get(s.section_id, ""), s.row, s.x, s.y, prices.get(s.category_id), True)
                for s in seat_map.seats
            ]
        )
        deadline = opens()
        while time.time() < deadline:
            with rec.timed("till.refresh"):
                snapshot = inventory.seat_states(session, showtime_id=showtime_id, since_version=version)
            for s in snapshot.states:
                states[s.seat_id] = s.state
            version = snapshot.version
            free = {s.id for s in seat_map.seats if states.get(s.id) == "available"}
            group = layout.pick(free, rng.choice(GROUP_SIZES), rng) or layout.pick(free, 1, rng)
            if group is None:
                if not any(st == "held" for st in states.values()):
                    break  # sold out
                time.sleep(0.2)  # only holds left: wait for them to sell or lapse
                version = 0
                continue
            sold = _serve_customer(session, showtime_id, group, channel, rec)
            for seat_id in sold:
                states[seat_id] = "sold"
            time.sleep(rng.uniform(0.5, 1.5) * pace_s)
    finally:
        session.close()
        engine.dispose()
    return rec


def _serve_customer(session, showtime_id: int, group: list[int], channel: str, rec: Recorder) -> list[int]:
    """Click ``group``'s seats into a basket and sell it; returns the seats sold."""
    from boxoffice.services import inventory

    token = uuid.uuid4()
    basket: list[int] = []
    for seat_id in group:
        try:
            with rec.timed("till.hold"):
                inventory.hold_seats(
                    session,
                    showtime_id=showtime_id,
                    seat_ids=basket + [seat_id],
                    token=token,
                    channel=channel,
                    seconds=300,
                )
            basket.append(seat_id)
        except SeatUnavailableError:
            rec.count("till.conflicts")
            break
    if not basket:
        return []
    return _sell(session, showtime_id, basket, token, channel, rec)


def _sell(session, showtime_id: int, basket: list[int], token: uuid.UUID, channel: str, rec: Recorder) -> list[int]:
    """Take cash for the held ``basket`` and fetch its tickets; returns the seats sold."""
    from boxoffice.services import inventory, sales, tickets

    try:
        total = sales.quote(session, showtime_id=showtime_id, seat_ids=basket).total_minor
        with rec.timed("till.sell"):
            result = sales.sell_cash(
                session,
                showtime_id=showtime_id,
                seat_ids=basket,
                token=token,
                channel=channel,
                tendered_minor=total,
                expected_total_minor=total,
            )
            tickets.order_tickets(session, order_id=result.order_id)
    except HoldExpiredError:
        rec.count("till.holds_lost")
        return []
    except BoxOfficeError:
        rec.count("till.errors")
        inventory.release_seats(session, showtime_id=showtime_id, token=token)
        return []
    rec.count("till.orders")
    rec.count("till.tickets", len(basket))
    return basket


def run_till_best(
    url: str, showtime_id: int, *, index: int, opens: Callable[[], float], rng: random.Random, pace_s: float
) -> Recorder:
    """A till that sells by best available (the counter's "Best N" key: choose and hold
    in one step, ``best_available.hold_best``), then takes cash; until its deadline or
    until nothing is free and nothing held. ``opens`` as :func:`run_till`."""
    from sqlalchemy import text

    from boxoffice.db.engine import make_engine, make_session_factory
    from boxoffice.domain.best_available import NotEnoughTogetherError
    from boxoffice.services import best_available

    engine = make_engine(url, application_name=f"rehearsal-till-{index}", pool_size=1)
    session = make_session_factory(engine)()
    rec = Recorder()
    channel = f"till:rehearsal-{index}"
    held_now = text("SELECT count(*) FROM inventory_live WHERE showtime_id = :s AND state = 'held'")
    try:
        try:  # the layout, built before the first hold (not under the showtime's lock)
            best_available.choose_best(session, showtime_id=showtime_id, quantity=1)
        except NotEnoughTogetherError:
            pass
        deadline = opens()
        while time.time() < deadline:
            token, held, busy = uuid.uuid4(), None, False
            # the customer's group, else one seat, else a wheelchair user's space (best
            # available offers those only when asked)
            for size, wheelchair in dict.fromkeys(((rng.choice(GROUP_SIZES), False), (1, False), (1, True))):
                try:
                    with rec.timed("till.best_hold"):
                        held = best_available.hold_best(
                            session,
                            showtime_id=showtime_id,
                            token=token,
                            quantity=size,
                            channel=channel,
                            seconds=300,
                            wheelchair=wheelchair,
                        )
                    break
                except NotEnoughTogetherError:
                    rec.count("till.not_enough_together")
                except SeatUnavailableError:
                    rec.count("till.conflicts")
                except BusyError:  # the showtime's best-available turn took too long: try again
                    rec.count("till.busy")
                    busy = True
                    break
            if busy:
                continue
            if held is None:
                left = session.execute(held_now, {"s": showtime_id}).scalar_one()
                session.rollback()
                if left == 0:
                    break  # sold out
                time.sleep(0.2)
                continue
            _sell(session, showtime_id, list(held.seat_ids), token, channel, rec)
            time.sleep(rng.uniform(0.5, 1.5) * pace_s)
    finally:
        session.close()
        engine.dispose()
    return rec
