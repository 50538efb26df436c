"""What a door reads: showtimes to serve, live counters, its offline copy, order look-up,
and the admission conflicts managers review.

Read-only use cases (one short transaction each) on the tables of migration 0003, but
for :func:`resolve_conflict` (``bo_resolve_conflict``) and :func:`set_doors_open`
(``bo_set_doors_open``, ``setup`` permission), SECURITY DEFINER functions of migration
0012. Conflicts are for managers (``reports`` permission). Times
are aware datetimes (UTC from the database). Raise ``DatabaseUnavailableError`` when the
database cannot be reached.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from sqlalchemy import Integer, bindparam, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from boxoffice.domain.admission import TicketFacts
from boxoffice.domain.errors import InvalidInputError, NotFoundError
from boxoffice.domain.roles import REPORTS, SETUP
from boxoffice.services.auth import authorize
from boxoffice.services.errors import unit_of_work


def _ids(statement: str, *names: str):
    return text(statement).bindparams(*(bindparam(n, type_=ARRAY(Integer)) for n in names))


@dataclass(frozen=True)
class DoorShowtime:
    """A showtime a gate may serve. ``doors_open_at`` is resolved (never NULL)."""

    id: int
    title: str
    starts_at: dt.datetime
    doors_open_at: dt.datetime
    status: str
    venue_id: int
    timezone: str

    def zone(self) -> dt.tzinfo:
        """The venue's time zone (UTC if the name is unknown here)."""
        try:
            return ZoneInfo(self.timezone)
        except (KeyError, ValueError):
            return dt.UTC

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "starts_at": self.starts_at.isoformat(),
            "doors_open_at": self.doors_open_at.isoformat(),
            "status": self.status,
            "venue_id": self.venue_id,
            "timezone": self.timezone,
        }

    @classmethod
    def from_json(cls, d: dict) -> DoorShowtime:
        return cls(
            int(d["id"]),
            d["title"],
            dt.datetime.fromisoformat(d["starts_at"]),
            dt.datetime.fromisoformat(d["doors_open_at"]),
            d["status"],
            int(d["venue_id"]),
            d["timezone"],
        )


_SHOWTIMES = """
SELECT st.id, sh.title, st.starts_at, coalesce(st.doors_open_at, st.starts_at - interval '45 minutes') AS doors,
       st.status, v.id AS venue_id, v.timezone
FROM showtime st JOIN show sh ON sh.id = st.show_id
JOIN seating_plan p ON p.id = st.plan_id JOIN venue v ON v.id = p.venue_id
"""


def door_showtimes(
    session: Session, *, ids: list[int] | None = None, around: dt.datetime | None = None, hours: float = 18.0
) -> list[DoorShowtime]:
    """Showtimes by ``ids``, or (no ids) those starting within ``hours`` of ``around``
    (aware; default now), soonest first. Unknown ids are left out."""
    with unit_of_work(session):
        if ids is not None:
            rows = session.execute(
                _ids(_SHOWTIMES + " WHERE st.id = ANY(:ids) ORDER BY st.starts_at, st.id", "ids"), {"ids": list(ids)}
            ).all()
        else:
            around = around or dt.datetime.now(dt.UTC)
            span = dt.timedelta(hours=hours)
            query = text(
                _SHOWTIMES + " WHERE st.starts_at BETWEEN :a AND :b AND st.status <> 'cancelled'"
                " ORDER BY st.starts_at, st.id"
            )
            rows = session.execute(query, {"a": around - span, "b": around + span}).all()
    return [DoorShowtime(*row) for row in rows]


def set_doors_open(session: Session, *, showtime_id: int, doors_open_at: dt.datetime | None) -> None:
    """Set when the doors of ``showtime_id`` open (aware; ``None``: the default,
    45 minutes before the start), through ``bo_set_doors_open`` (audited).

    Raises:
        PermissionDeniedError: the actor may not set up showtimes (door staff, cashiers);
            the database refuses such a login too.
        NotFoundError: no such showtime.
    """
    authorize(session, SETUP)
    with unit_of_work(session):
        session.execute(text("SELECT bo_set_doors_open(:id, :d)"), {"d": doors_open_at, "id": showtime_id})


# --- counters -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ShowtimeCount:
    """``expected``: valid tickets; ``admitted``: valid tickets that came in at least once;
    ``inside``: in now (differs with re-entry)."""

    showtime_id: int
    expected: int
    admitted: int
    inside: int


@dataclass(frozen=True)
class DoorCounters:
    """Live counters of the served showtimes. ``per_gate``: first entries by gate name;
    ``arrivals``: (bucket start, first entries) every ``bucket_minutes``, oldest first."""

    showtimes: list[ShowtimeCount]
    per_gate: dict[str, int]
    arrivals: list[tuple[dt.datetime, int]]
    bucket_minutes: int
    taken_at: dt.datetime

    @property
    def expected(self) -> int:
        return sum(s.expected for s in self.showtimes)

    @property
    def admitted(self) -> int:
        return sum(s.admitted for s in self.showtimes)


_COUNTS = _ids(
    """
SELECT st.id, count(t.id), count(t.id) FILTER (WHERE t.entries > 0), count(t.id) FILTER (WHERE t.inside)
FROM unnest(:ids) AS st(id) LEFT JOIN ticket t ON t.showtime_id = st.id AND t.status = 'valid'
GROUP BY st.id ORDER BY st.id""",
    "ids",
)
_GATES = _ids(
    """
SELECT gate, count(*) FROM admission WHERE showtime_id = ANY(:ids) AND kind = 'entry' AND NOT reentry
GROUP BY gate ORDER BY gate""",
    "ids",
)
_ARRIVALS = _ids(
    """
SELECT date_bin(make_interval(mins => :bucket), scanned_at, timestamptz '2000-01-01') AS b, count(*)
FROM admission WHERE showtime_id = ANY(:ids) AND kind = 'entry' AND NOT reentry
GROUP BY b ORDER BY b""",
    "ids",
)


def door_counters(session: Session, *, showtime_ids: list[int], bucket_minutes: int = 5) -> DoorCounters:
    """Admitted and expected per showtime, first entries per gate, and arrivals over time."""
    ids = list(showtime_ids)
    with unit_of_work(session):
        counts = [ShowtimeCount(*r) for r in session.execute(_COUNTS, {"ids": ids})]
        gates = dict(session.execute(_GATES, {"ids": ids}).all())
        arrivals = [(b, n) for b, n in session.execute(_ARRIVALS, {"ids": ids, "bucket": bucket_minutes})]
        now = session.execute(text("SELECT now()")).scalar_one()
    return DoorCounters(counts, gates, arrivals, bucket_minutes, now)


# --- the door's offline copy ---------------------------------------------------------------


@dataclass(frozen=True)
class DoorSnapshot:
    """What a door keeps for working offline: the enrolled, unrevoked public keys by key
    id, its showtimes, and every ticket of them as ``[id, showtime_id, status, serial,
    inside, admitted_at ISO or None, admitted_gate, order_number, section, row, seat,
    category, wheelchair, ticket type name or "" for full, companion, key id or None]``
    (the ticket type since migration 0006, companion since 0007, the key that signed the
    current code since 0010; older copies lack them)."""

    keys: dict[int, bytes]
    showtimes: list[DoorShowtime]
    tickets: list[list] = field(repr=False)
    taken_at: dt.datetime


_SNAPSHOT = _ids(
    """
SELECT d.ticket_id, d.showtime_id, d.status, d.code_serial, d.inside, d.admitted_at, d.admitted_gate, d.order_number,
       d.section, d.row_label, d.seat_number, d.category, d.wheelchair,
       CASE WHEN d.ticket_type_code = 'full' THEN '' ELSE d.ticket_type END AS ticket_type, d.companion, t.key_id
FROM door_ticket d JOIN ticket t ON t.id = d.ticket_id WHERE d.showtime_id = ANY(:ids) ORDER BY d.ticket_id""",
    "ids",
)


def door_snapshot(session: Session, *, showtime_ids: list[int]) -> DoorSnapshot:
    """The door's offline copy of ``showtime_ids`` (one transaction, one consistent view).

    The isolation level is set on the connection before the transaction begins (a
    signed-in session runs ``bo_act_as`` first thing in every transaction, after which
    ``SET TRANSACTION`` would be refused)."""
    ids = list(showtime_ids)
    with unit_of_work(session):
        session.connection(execution_options={"isolation_level": "REPEATABLE READ", "postgresql_readonly": True})
        keys = dict(session.execute(text("SELECT id, public_key FROM device_key WHERE revoked_at IS NULL")).all())
        showtimes = [
            DoorShowtime(*r)
            for r in session.execute(
                _ids(_SHOWTIMES + " WHERE st.id = ANY(:ids) ORDER BY st.starts_at", "ids"), {"ids": ids}
            )
        ]
        tickets = [
            [r[0], r[1], r[2], r[3], r[4], r[5].isoformat() if r[5] else None, *r[6:]]
            for r in session.execute(_SNAPSHOT, {"ids": ids})
        ]
        now = session.execute(text("SELECT now()")).scalar_one()
    return DoorSnapshot({k: bytes(v) for k, v in keys.items()}, showtimes, tickets, now)


# --- look-up by order number or e-mail -------------------------------------------------


@dataclass(frozen=True)
class FoundTicket:
    """A ticket found by hand, with its state at the door."""

    facts: TicketFacts
    status: str
    inside: bool
    admitted_at: dt.datetime | None
    admitted_gate: str | None


_FIND = _ids(
    """
SELECT d.ticket_id, d.showtime_id, d.order_number, d.section, d.row_label, d.seat_number, d.category, d.wheelchair,
       d.show_title, d.starts_at, d.doors_open_at, d.status, d.inside, d.admitted_at, d.admitted_gate,
       CASE WHEN d.ticket_type_code = 'full' THEN '' ELSE d.ticket_type END AS ticket_type
FROM door_ticket d
WHERE d.showtime_id = ANY(:ids)
  AND (upper(d.order_number) = upper(:q) OR d.order_number = :number
       OR d.order_id IN (SELECT order_id FROM booking WHERE lower(email) = lower(:q) AND order_id IS NOT NULL))
ORDER BY d.order_number, d.section, d.ticket_id
LIMIT 200""",
    "ids",
)


def find_tickets(session: Session, *, query: str, showtime_ids: list[int]) -> list[FoundTicket]:
    """Tickets of the served showtimes whose order number (``BO-001001``, or just
    ``1001``) or booking e-mail is ``query``; at most 200."""
    q = query.strip()
    if not q:
        return []
    digits = q.upper().removeprefix("BO-").removeprefix("BO")
    number = f"BO-{int(digits):06d}" if digits.isdigit() else q
    with unit_of_work(session):
        rows = session.execute(_FIND, {"ids": list(showtime_ids), "q": q, "number": number}).all()
    return [
        FoundTicket(TicketFacts(*r[:11], ticket_type=r.ticket_type), r.status, r.inside, r.admitted_at, r.admitted_gate)
        for r in rows
    ]


# --- conflicts -------------------------------------------------------------------------


@dataclass(frozen=True)
class Conflict:
    """An offline admission the database refused on upload (table ``admission_conflict``),
    with what a manager needs to follow it up: the ticket's order, seat and showtime.

    ``verdict`` is what the database said (``already_admitted``, ``void``,
    ``wrong_showtime``, ``not_valid``); ``other_gate`` / ``other_at`` where and when it was
    admitted first; ``resolved_at`` / ``resolved_by`` / ``note`` once a manager closed it."""

    id: int
    ticket_id: int
    showtime_id: int
    gate: str
    device: str
    scanned_at: dt.datetime
    verdict: str
    reason: str
    other_gate: str | None
    other_at: dt.datetime | None
    reported_at: dt.datetime
    resolved_at: dt.datetime | None
    resolved_by: str | None = None
    note: str | None = None
    order_number: str = ""
    seat: str = ""
    show_title: str = ""
    starts_at: dt.datetime | None = None


_CONFLICTS = """
SELECT c.id, c.ticket_id, c.showtime_id, c.gate, c.device, c.scanned_at, c.verdict, c.reason, c.other_gate,
       c.other_at, c.reported_at, c.resolved_at, c.resolved_by, c.note, coalesce(d.order_number, ''),
       coalesce(CASE WHEN d.general_admission THEN 'General admission · ' || d.section
                     ELSE d.section || ' · Row ' || d.row_label || ' · Seat ' || d.seat_number END, ''),
       coalesce(d.show_title, ''), d.starts_at
FROM admission_conflict c LEFT JOIN door_ticket d ON d.ticket_id = c.ticket_id
WHERE (CAST(:ids AS integer[]) IS NULL OR c.showtime_id = ANY(:ids))"""


def conflicts(session: Session, *, showtime_ids: list[int] | None = None, open_only: bool = True) -> list[Conflict]:
    """Admission conflicts, newest first (``showtime_ids=None``: all showtimes;
    ``open_only``: those nobody has resolved yet).

    Raises:
        PermissionDeniedError: the actor may not read reports (cashiers, door staff).
    """
    authorize(session, REPORTS)
    sql = _CONFLICTS + (" AND c.resolved_at IS NULL" if open_only else "")
    with unit_of_work(session):
        rows = session.execute(
            _ids(sql + " ORDER BY c.reported_at DESC, c.id DESC", "ids"),
            {"ids": None if showtime_ids is None else list(showtime_ids)},
        ).all()
    return [Conflict(*r) for r in rows]


def resolve_conflict(session: Session, *, conflict_id: int, note: str = "") -> Conflict:
    """Close an admission conflict once a manager has followed it up (e.g. "two guests on
    one ticket, second one seated in row K"). Records who and when, and the note (at most
    500 characters); audited as ``admission_conflict.resolve``. Returns the updated row.

    Raises:
        PermissionDeniedError: the actor may not read reports.
        NotFoundError: no such conflict.
        InvalidInputError: it was resolved already, or the note is too long.
    """
    authorize(session, REPORTS)
    note = note.strip()
    if len(note) > 500:
        raise InvalidInputError("A note has at most 500 characters.")
    with unit_of_work(session):
        state = session.execute(
            text("SELECT resolved_at FROM admission_conflict WHERE id = :id"), {"id": conflict_id}
        ).one_or_none()
        if state is None:
            raise NotFoundError(f"There is no admission conflict #{conflict_id}.")
        if state[0] is not None:
            raise InvalidInputError(f"Admission conflict #{conflict_id} is resolved already.")
        session.execute(text("SELECT bo_resolve_conflict(:id, :note)"), {"id": conflict_id, "note": note})
        row = session.execute(_ids(_CONFLICTS + " AND c.id = :id", "ids"), {"ids": None, "id": conflict_id}).one()
    return Conflict(*row)
