"""Changing a scheduled showtime's sales: its sales window (``on_sale_at`` /
``off_sale_at``), doors time, and pausing or resuming sales (status ``off_sale`` /
``on_sale``). Needs ``setup``; audited as ``showtime.sales`` with old and new values.
The database enforces the window in ``bo_hold`` / ``bo_book`` (migration 0005)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from boxoffice.domain.errors import InvalidInputError, NotFoundError
from boxoffice.domain.roles import SETUP
from boxoffice.services import audit
from boxoffice.services.auth import authorize
from boxoffice.services.errors import unit_of_work


@dataclass(frozen=True)
class SalesSettings:
    """A showtime's sales settings: times are aware (``on_sale_at`` ``None``: at once;
    ``off_sale_at`` ``None``: the venue's default, ``off_sale_after_minutes`` after the
    start (migration 0025); ``doors_open_at`` ``None``: 45 minutes before); ``paused``:
    status ``off_sale``."""

    showtime_id: int
    starts_at: dt.datetime
    timezone: str
    on_sale_at: dt.datetime | None
    off_sale_at: dt.datetime | None
    doors_open_at: dt.datetime | None
    paused: bool
    cancelled: bool


def sales_settings(session: Session, *, showtime_id: int) -> SalesSettings:
    """The sales settings of ``showtime_id``. Read only.

    Raises:
        NotFoundError: no such showtime.
    """
    row = session.execute(
        text(
            "SELECT st.id, st.starts_at, v.timezone, st.on_sale_at, "
            "CASE WHEN st.off_sale_default THEN NULL ELSE st.off_sale_at END, st.doors_open_at, "
            "st.status = 'off_sale', st.status = 'cancelled' FROM showtime st JOIN venue v ON v.id = st.venue_id "
            "WHERE st.id = :s"
        ),
        {"s": showtime_id},
    ).first()
    session.rollback()
    if row is None:
        raise NotFoundError(f"Showtime {showtime_id} does not exist.")
    return SalesSettings(*row)


@dataclass(frozen=True)
class _Old:
    starts_at: dt.datetime | None
    status: str
    on_sale_at: dt.datetime | None
    off_sale_at: dt.datetime | None
    doors_open_at: dt.datetime | None


def _when(value: str | None) -> dt.datetime | None:
    return None if value is None else dt.datetime.fromisoformat(value)


def set_sales(
    session: Session,
    *,
    showtime_id: int,
    on_sale_at: dt.datetime | None,
    off_sale_at: dt.datetime | None,
    doors_open_at: dt.datetime | None,
    paused: bool,
) -> None:
    """Set every sales setting of ``showtime_id`` (pass the current value to keep one).

    Raises:
        InvalidInputError: a naive time, sales closing before they open, doors opening
            after the start, or a cancelled showtime.
        NotFoundError: no such showtime.
        PermissionDeniedError: the actor may not set up the house.
    """
    authorize(session, SETUP)
    for when in (on_sale_at, off_sale_at, doors_open_at):
        if when is not None and when.tzinfo is None:
            raise InvalidInputError("Times must be timezone-aware.")
    if on_sale_at is not None and off_sale_at is not None and off_sale_at <= on_sale_at:
        raise InvalidInputError("Sales must close after they open.")
    with unit_of_work(session):
        row = session.execute(
            text(
                "SELECT starts_at, status, on_sale_at, off_sale_at, doors_open_at, off_sale_default "
                "FROM showtime WHERE id = :s"
            ),
            {"s": showtime_id},
        ).first()
        if row is None:
            raise NotFoundError(f"Showtime {showtime_id} does not exist.")
        if row.status == "cancelled":
            raise InvalidInputError("This showtime is cancelled; its sales cannot change.")
        if doors_open_at is not None and doors_open_at > row.starts_at:
            raise InvalidInputError("The doors must open before the showtime starts.")
        status = "off_sale" if paused else "on_sale"
        # bo_showtime_set_sales (migration 0013) locks the showtime, checks again and returns the old values
        before = session.execute(
            text("SELECT bo_showtime_set_sales(:s, :on, :off, :doors, :paused)"),
            {"s": showtime_id, "on": on_sale_at, "off": off_sale_at, "doors": doors_open_at, "paused": paused},
        ).scalar_one()
        old = _Old(
            *(
                before[k] if k == "status" else _when(before[k])
                for k in ("starts_at", "status", "on_sale_at", "off_sale_at", "doors_open_at")
            )
        )
        if row.off_sale_default:  # it followed the venue's default (migration 0025): None, as shown
            old = _Old(old.starts_at, old.status, old.on_sale_at, None, old.doors_open_at)
        changes = {
            name: {
                "old": before.isoformat() if isinstance(before, dt.datetime) else before,
                "new": after.isoformat() if isinstance(after, dt.datetime) else after,
            }
            for name, before, after in (
                ("on_sale_at", old.on_sale_at, on_sale_at),
                ("off_sale_at", old.off_sale_at, off_sale_at),
                ("doors_open_at", old.doors_open_at, doors_open_at),
                ("status", old.status, status),
            )
            if before != after
        }
        if changes:
            audit.record(session, action="showtime.sales", target=f"showtime {showtime_id}", details=changes)
