"""The till's use cases that take several steps, each as ONE transaction (issue 13 item 7):
what the sell screen used to stitch together itself, one commit per step.

* :func:`renew_holds`: hold the basket's seats and general-admission places again, with
  one expiry: every seat and place is held, or none (before: the seats were renewed and
  committed, then a refused area left them held with the area missing).
* :func:`sell_and_issue`: sell the basket and issue its tickets (codes claimed by this
  till's key): a sale whose tickets cannot be issued is not sold (before: the sale was
  committed, then the till said "nothing was sold" when fetching the tickets failed).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy.orm import Session

from boxoffice.device_key import DeviceKey
from boxoffice.services import general_admission, inventory, sales, tickets
from boxoffice.services.errors import unit_of_work
from boxoffice.services.sales import SaleResult
from boxoffice.services.tickets import TicketView


def renew_holds(
    session: Session,
    *,
    showtime_id: int,
    token: uuid.UUID,
    channel: str,
    seconds: int,
    seat_ids: list[int],
    places: dict[int, int],
    late_sale: uuid.UUID | None = None,
) -> dt.datetime | None:
    """Hold ``seat_ids`` and ``places`` (general-admission area id -> quantity) for
    ``token`` for ``seconds``, renewing what the token holds already, as one transaction.
    Returns the earliest expiry, or ``None`` when there is nothing to hold. ``late_sale``:
    a manager's override after the showtime's sales closed (:mod:`~boxoffice.services.late_sale`).

    Raises:
        SeatUnavailableError: a seat is taken (``details['seat_ids']``) or an area has
            not that many places left (``details['left']``); nothing was held or renewed.
        NotOnSaleError, BusyError, InvalidInputError, PermissionDeniedError: as
            :func:`boxoffice.services.inventory.hold_seats`.
    """
    expiries: list[dt.datetime] = []
    with unit_of_work(session):
        if seat_ids:
            expiries.append(
                inventory.hold_seats_in_transaction(
                    session,
                    showtime_id=showtime_id,
                    seat_ids=seat_ids,
                    token=token,
                    channel=channel,
                    seconds=seconds,
                    late_sale=late_sale,
                )
            )
        for area_id, quantity in places.items():
            expiries.append(
                general_admission.hold_places_in_transaction(
                    session,
                    showtime_id=showtime_id,
                    area_id=area_id,
                    quantity=quantity,
                    token=token,
                    channel=channel,
                    seconds=seconds,
                    late_sale=late_sale,
                )
            )
    return min(expiries) if expiries else None


def sell_and_issue(
    session: Session, *, signer: DeviceKey | None = None, **sale: Any
) -> tuple[SaleResult, list[TicketView]]:
    """Sell the basket (``sale``: the keyword arguments of
    :func:`boxoffice.services.sales.sell`, amounts in minor units) and issue its tickets
    signed by ``signer`` (default: this till's key), as one transaction.

    Refuses before taking money when this till cannot sign tickets.

    Raises:
        DeviceNotEnrolledError, DeviceKeyFileError: this till cannot sign tickets (checked
            first: nothing is sold).
        Every error of :func:`~boxoffice.services.sales.sell` and of
        :func:`~boxoffice.services.tickets.issue_tickets`; in every case nothing is sold.
    """
    tickets.require_signer(session, signer)
    issued: list[list[TicketView]] = []
    result = sales.sell(
        session,
        after_sale=lambda s, done: issued.append(tickets.issue_tickets(s, order_id=done.order_id, signer=signer)),
        **sale,
    )
    return result, issued[0]
