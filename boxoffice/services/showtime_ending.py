"""When a showtime has started or ended, for the counter's showtime picker (pure rules on
:class:`~boxoffice.services.catalog.ShowtimeSummary`; no database, no Qt).

A showtime is *upcoming* before its start, *started* from its start until its sales close
(``off_sale_at``: the venue's ``off_sale_after_minutes`` after the start unless the
showtime's own sales window says otherwise, migration 0025), and *ended* after that. The
picker marks started showtimes and hides ended ones unless "Show ended" is ticked; the
database refuses a cashier's hold on an ended one (BO003 ``closed``) and lets a manager
sell it (the override).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from boxoffice.services.catalog import ShowtimeSummary

UPCOMING = "upcoming"
STARTED = "started"
ENDED = "ended"


def phase(showtime: ShowtimeSummary, now: dt.datetime | None = None) -> str:
    """:data:`UPCOMING`, :data:`STARTED` or :data:`ENDED` at ``now`` (aware; default: now).
    A showtime whose sales closed before its start is still upcoming (its sale note says
    "sales closed")."""
    now = now or dt.datetime.now(dt.UTC)
    if now < showtime.starts_at:
        return UPCOMING
    if showtime.off_sale_at is not None and now >= showtime.off_sale_at:
        return ENDED
    return STARTED


def visible(
    showtimes: Iterable[ShowtimeSummary],
    *,
    show_ended: bool,
    keep: int | None = None,
    now: dt.datetime | None = None,
) -> list[ShowtimeSummary]:
    """The showtimes the picker lists: all with ``show_ended``, else those not ended,
    plus showtime ``keep`` (the one open at the till) whatever its phase. Order kept."""
    now = now or dt.datetime.now(dt.UTC)
    return [s for s in showtimes if show_ended or s.id == keep or phase(s, now) != ENDED]
