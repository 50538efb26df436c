"""Admission verdicts: what a door says about a scanned ticket, and how it says it.

Pure rules and wording, no Qt and no database. The database decides online
(``bo_admit`` in migration 0003, called by :mod:`boxoffice.services.admission`); the
door decides offline with the same rules (:mod:`boxoffice.door.offline`). Both produce a
:class:`Verdict`.

The order of the checks, online and offline alike:

1. the code's signature (before any look-up): ``NOT_VALID`` when unreadable, altered,
   or signed by a key the door does not know (not enrolled, or revoked: migration 0010),
   or by another key than the one that signed the ticket's current code (a stolen
   device key: online always, offline when the copy knows the ticket);
2. the code's showtime against the showtimes the gate serves: ``WRONG_SHOWTIME``;
3. the ticket: unknown -> ``NOT_VALID``; refunded, exchanged, void, an older code serial
   (reprinted) or a cancelled showtime -> ``VOID``; already inside -> ``ALREADY_ADMITTED``;
4. the doors: before they open -> ``TOO_EARLY``;
5. otherwise ``ADMIT`` (an exit scan: ``EXITED``, or ``NOT_INSIDE``).
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from boxoffice.domain import ticket_code
from boxoffice.domain.ticket_code import TicketClaim, TicketCodeError

DOORS_OPEN_BEFORE = dt.timedelta(minutes=45)
"""When ``showtime.doors_open_at`` is NULL the doors open this long before the start
(the same default as the SQL function ``bo_doors_open``)."""


class VerdictKind(enum.StrEnum):
    """The verdicts; the values are those ``bo_admit`` / ``bo_exit`` return."""

    ADMIT = "admitted"
    ALREADY_ADMITTED = "already_admitted"
    WRONG_SHOWTIME = "wrong_showtime"
    VOID = "void"
    NOT_VALID = "not_valid"
    TOO_EARLY = "too_early"
    EXITED = "exited"
    NOT_INSIDE = "not_inside"


HEADLINES: dict[VerdictKind, str] = {
    VerdictKind.ADMIT: "ADMIT",
    VerdictKind.ALREADY_ADMITTED: "ALREADY ADMITTED",
    VerdictKind.WRONG_SHOWTIME: "WRONG SHOWTIME",
    VerdictKind.VOID: "VOID",
    VerdictKind.NOT_VALID: "NOT VALID",
    VerdictKind.TOO_EARLY: "TOO EARLY",
    VerdictKind.EXITED: "EXIT OK",
    VerdictKind.NOT_INSIDE: "NOT INSIDE",
}

VOID_REASONS: dict[str, str] = {
    "refunded": "Refunded ticket",
    "exchanged": "Exchanged ticket (the new ticket replaces it)",
    "void": "Voided ticket",
    "reprinted": "Reprinted: this is an older copy. Ask for the newest one.",
    "cancelled": "The showtime was cancelled",
}


@dataclass(frozen=True)
class TicketFacts:
    """What the door shows about a ticket. Times are aware (UTC from the database)."""

    ticket_id: int
    showtime_id: int
    order_number: str = ""
    section: str = ""
    row: str = ""
    seat: str = ""
    category: str = ""
    wheelchair: bool = False
    show_title: str = ""
    starts_at: dt.datetime | None = None
    doors_open_at: dt.datetime | None = None
    ticket_type: str = ""  # its name unless full ("Child"); shown after the category
    companion: bool = False  # a wheelchair user's companion seat (migration 0007)


@dataclass(frozen=True)
class Verdict:
    """The answer to one scan.

    ``reason``: for ``VOID`` one of :data:`VOID_REASONS`' keys; for ``NOT_VALID`` why
    (for people). ``at`` / ``gate``: admitted or exited now -> this scan's time and
    gate; ``ALREADY_ADMITTED`` -> the latest entry; ``TOO_EARLY`` -> when the doors open.
    ``offline``: decided by the door without the database (queued for upload).
    ``facts``: the ticket's seat and showtime, when known.
    """

    kind: VerdictKind
    reason: str = ""
    ticket_id: int | None = None
    showtime_id: int | None = None
    at: dt.datetime | None = None
    gate: str | None = None
    reentry: bool = False
    offline: bool = False
    facts: TicketFacts | None = None
    admission_id: int | None = None
    conflict_id: int | None = None
    replayed: bool = False

    @property
    def admitted(self) -> bool:
        """Whether the holder may pass (an entry admitted, or an exit recorded)."""
        return self.kind in (VerdictKind.ADMIT, VerdictKind.EXITED)

    @property
    def headline(self) -> str:
        """The one or two words shown huge, e.g. ``"ADMIT"``."""
        return HEADLINES[self.kind]


def doors_open_at(starts_at: dt.datetime, doors: dt.datetime | None) -> dt.datetime:
    """When the doors open: ``doors`` if set, else :data:`DOORS_OPEN_BEFORE` before ``starts_at``."""
    return doors if doors is not None else starts_at - DOORS_OPEN_BEFORE


def verify(code: str, keys: dict[int, bytes]) -> TicketClaim:
    """Check ``code``'s signature with the device public key named in it.

    Args:
        code: the scanned text (base32; surrounding whitespace and lower case accepted).
        keys: raw 32-byte Ed25519 public keys by key id (enrolled device keys, migration 0010).

    Raises:
        TicketCodeError: unreadable, unknown format, a key the door does not know, or a
            signature that does not verify (a changed byte, another key's signature).
    """
    key_id = ticket_code.peek_key_id(code)
    key = keys.get(key_id)
    if key is None:
        raise TicketCodeError(
            "The code is signed by a key this door does not know (forged, revoked or another venue's)"
        )
    return ticket_code.decode(code, key)


def not_valid(reason: str) -> Verdict:
    """A ``NOT_VALID`` verdict for an unreadable, forged or unknown code."""
    return Verdict(VerdictKind.NOT_VALID, reason=reason)


# --- wording ----------------------------------------------------------------------------


_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def date_time_text(local: dt.datetime) -> str:
    """``"Sat 28 Nov 19:30"``: English whatever the machine's locale (Qt sets the C
    library's locale, so ``strftime("%a")`` would not be)."""
    return f"{_DAYS[local.weekday()]} {local.day} {_MONTHS[local.month - 1]} {local.hour:02d}:{local.minute:02d}"


def _clock(when: dt.datetime, tz: dt.tzinfo, now: dt.datetime | None) -> str:
    local = when.astimezone(tz)
    today = (now or dt.datetime.now(dt.UTC)).astimezone(tz).date()
    if local.date() == today:
        return f"{local.hour:02d}:{local.minute:02d}"
    return date_time_text(local)


def seat_line(facts: TicketFacts) -> str:
    """``"Stalls · Row C · Seat 4"`` (the parts that are known); a general-admission
    ticket (an area, no row or seat: migration 0008) reads ``"General admission · Standing"``."""
    if facts.section and not facts.row and not facts.seat:
        return f"General admission \u00b7 {facts.section}"
    parts = [facts.section] if facts.section else []
    if facts.row:
        parts.append(f"Row {facts.row}")
    if facts.seat:
        parts.append(f"Seat {facts.seat}")
    return " \u00b7 ".join(parts)


def showtime_line(facts: TicketFacts, tz: dt.tzinfo) -> str:
    """``"Hamlet, Sat 28 Nov 19:30"`` (or what is known of it), in time zone ``tz``."""
    if facts.starts_at is None:
        return facts.show_title or f"showtime {facts.showtime_id}"
    when = date_time_text(facts.starts_at.astimezone(tz))
    return f"{facts.show_title}, {when}" if facts.show_title else when


def describe(verdict: Verdict, tz: dt.tzinfo = dt.UTC, now: dt.datetime | None = None) -> list[str]:
    """The lines under the headline, for people, most important first.

    Args:
        verdict: the verdict to describe.
        tz: the venue's time zone (times are shown in it).
        now: the current time (aware), to show "19:02" for today and a date otherwise.
    """
    k, f = verdict.kind, verdict.facts
    lines: list[str] = []
    if k in (VerdictKind.ADMIT, VerdictKind.EXITED):
        if f is not None and seat_line(f):
            lines.append(seat_line(f))
        if f is not None and (f.category or f.ticket_type):
            lines.append(" · ".join(part for part in (f.category, f.ticket_type) if part))
        if k is VerdictKind.ADMIT and f is not None and f.wheelchair:
            lines.append("WHEELCHAIR SPACE: show the way")
        if k is VerdictKind.ADMIT and f is not None and f.companion:
            lines.append("COMPANION SEAT: next to a wheelchair space")
        if verdict.reentry:
            lines.append("Re-entry")
        if k is VerdictKind.EXITED:
            lines.append("May come back in with this ticket")
        if f is None or not seat_line(f):
            lines.append(f"Ticket {verdict.ticket_id} (seat details not available offline)")
    elif k is VerdictKind.ALREADY_ADMITTED:
        if verdict.at is not None:
            where = f", gate {verdict.gate}" if verdict.gate else ""
            lines.append(f"Admitted at {_clock(verdict.at, tz, now)}{where}")
        if f is not None and seat_line(f):
            lines.append(seat_line(f))
    elif k is VerdictKind.WRONG_SHOWTIME:
        lines.append("This ticket is for:")
        lines.append(showtime_line(f, tz) if f is not None else f"showtime {verdict.showtime_id}")
    elif k is VerdictKind.VOID:
        lines.append(VOID_REASONS.get(verdict.reason, verdict.reason or "Void ticket"))
        if f is not None and seat_line(f):
            lines.append(seat_line(f))
    elif k is VerdictKind.NOT_VALID:
        lines.append("Unreadable, forged or unknown code")
        if verdict.reason:
            lines.append(verdict.reason)
    elif k is VerdictKind.TOO_EARLY:
        if verdict.at is not None:
            lines.append(f"Doors open at {_clock(verdict.at, tz, now)}")
        if f is not None:
            lines.append(showtime_line(f, tz))
    elif k is VerdictKind.NOT_INSIDE:
        lines.append("No entry is recorded for this ticket")
    if verdict.offline:
        lines.append("Checked offline")
    return lines
