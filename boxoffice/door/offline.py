"""The door's offline fallback: its local copy, its queue of offline scans, and the
offline verdict. No Qt, no database.

Files (JSON; never SQLite) in the door's folder (``<data dir>/door/``), one pair per gate:

* ``<gate>-copy.json``: the enrolled, unrevoked device keys (public), the served
  showtimes, and every ticket of them with its status, code serial, signing key,
  admission state and seat (refreshed while online,
  :func:`boxoffice.services.door_info.door_snapshot`; rewritten atomically: a temporary
  file, fsync, rename);
* ``<gate>-queue.jsonl``: the admissions and exits made offline, waiting for upload
  (:class:`boxoffice.services.admission.QueuedScan`), one JSON object per line, in order
  (appended and flushed to disk per scan).

Offline the door decides on the code's signature, that copy and its own admissions:
a ticket admitted at another gate after the last refresh cannot be known here; that
double admission is caught when the queue is uploaded (an admission conflict).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from boxoffice.domain.admission import TicketFacts, Verdict, VerdictKind
from boxoffice.domain.ticket_code import TicketClaim
from boxoffice.services.admission import QueuedScan
from boxoffice.services.door_info import DoorShowtime, DoorSnapshot

FORMAT = 1


def gate_slug(gate: str) -> str:
    """A file-name-safe form of a gate name (``"North / Stalls"`` -> ``"north-stalls"``)."""
    return re.sub(r"[^a-z0-9]+", "-", gate.lower()).strip("-") or "gate"


def write_json_atomically(path: Path, data: object) -> None:
    """Write ``data`` as JSON to ``path`` so a crash leaves the old file or the new one,
    never half of either. Raises OSError."""
    write_text_atomically(path, json.dumps(data, separators=(",", ":")))


def write_text_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file, fsync and rename. Raises OSError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@dataclass
class CachedTicket:
    """A ticket in the door's copy (see ``DoorSnapshot.tickets``). Mutable: the door
    updates ``inside``/``admitted_at``/``admitted_gate``/``entries`` as it admits."""

    id: int
    showtime_id: int
    status: str
    serial: int
    inside: bool
    admitted_at: dt.datetime | None
    admitted_gate: str | None
    order_number: str
    section: str
    row: str
    seat: str
    category: str
    wheelchair: bool
    entries: int = 0
    ticket_type: str = ""  # its name unless full (migration 0006)
    companion: bool = False  # migration 0007
    key_id: int | None = None  # migration 0010: the device key that signed the current code

    @classmethod
    def from_row(cls, row: list) -> CachedTicket:
        at = dt.datetime.fromisoformat(row[5]) if row[5] else None
        return cls(
            int(row[0]),
            int(row[1]),
            row[2],
            int(row[3]),
            bool(row[4]),
            at,
            row[6],
            row[7],
            row[8],
            row[9],
            row[10],
            row[11],
            bool(row[12]),
            1 if at else 0,
            (row[13] or "") if len(row) > 13 else "",
            bool(row[14]) if len(row) > 14 else False,
            int(row[15]) if len(row) > 15 and row[15] is not None else None,
        )

    def as_row(self) -> list:
        return [
            self.id,
            self.showtime_id,
            self.status,
            self.serial,
            self.inside,
            self.admitted_at.isoformat() if self.admitted_at else None,
            self.admitted_gate,
            self.order_number,
            self.section,
            self.row,
            self.seat,
            self.category,
            self.wheelchair,
            self.ticket_type,
            self.companion,
            self.key_id,
        ]


class DoorCopy:
    """The door's local copy of keys, showtimes and tickets (see the module docstring)."""

    def __init__(
        self,
        keys: dict[int, bytes] | None = None,
        showtimes: list[DoorShowtime] | None = None,
        tickets: list[CachedTicket] | None = None,
        taken_at: dt.datetime | None = None,
    ) -> None:
        self.keys = dict(keys or {})
        self.showtimes = {s.id: s for s in showtimes or []}
        self.tickets = {t.id: t for t in tickets or []}
        self.taken_at = taken_at

    @classmethod
    def from_snapshot(cls, snap: DoorSnapshot) -> DoorCopy:
        return cls(snap.keys, snap.showtimes, [CachedTicket.from_row(r) for r in snap.tickets], snap.taken_at)

    def facts(self, ticket_id: int, showtime_id: int) -> TicketFacts | None:
        """The ticket's seat and showtime as far as the copy knows them."""
        t = self.tickets.get(ticket_id)
        st = self.showtimes.get(showtime_id)
        if t is None and st is None:
            return None
        base: dict[str, Any] = dict(ticket_id=ticket_id, showtime_id=showtime_id)
        if st is not None:
            base.update(show_title=st.title, starts_at=st.starts_at, doors_open_at=st.doors_open_at)
        if t is not None:
            base.update(
                order_number=t.order_number,
                section=t.section,
                row=t.row,
                seat=t.seat,
                category=t.category,
                wheelchair=t.wheelchair,
                ticket_type=t.ticket_type,
                companion=t.companion,
            )
        return TicketFacts(**base)

    def record(self, verdict: Verdict, serial: int | None = None, key_id: int | None = None) -> None:
        """Apply a verdict given at this door (online or offline) to the copy: admissions
        and exits, and what an online verdict taught (admitted elsewhere, voided). A ticket
        the copy does not know yet (sold since the refresh) is added. ``serial`` and
        ``key_id``: of the code scanned (a newer serial: the ticket was reprinted, by
        the device of ``key_id``, ``None`` if unknown)."""
        if verdict.ticket_id is None or verdict.showtime_id is None:
            return
        t = self.tickets.get(verdict.ticket_id)
        if t is None:
            if verdict.kind not in (VerdictKind.ADMIT, VerdictKind.EXITED, VerdictKind.ALREADY_ADMITTED):
                return
            f = verdict.facts or TicketFacts(verdict.ticket_id, verdict.showtime_id)
            t = self.tickets[verdict.ticket_id] = CachedTicket(
                verdict.ticket_id,
                verdict.showtime_id,
                "valid",
                serial or 1,
                False,
                None,
                None,
                f.order_number,
                f.section,
                f.row,
                f.seat,
                f.category,
                f.wheelchair,
                ticket_type=f.ticket_type,
                companion=f.companion,
                key_id=key_id,
            )
        if verdict.kind is VerdictKind.ADMIT:
            t.inside, t.admitted_at, t.admitted_gate, t.entries = True, verdict.at, verdict.gate, t.entries + 1
        elif verdict.kind is VerdictKind.EXITED:
            t.inside = False
        elif verdict.kind is VerdictKind.ALREADY_ADMITTED and not verdict.offline:  # came in elsewhere
            t.inside, t.admitted_at, t.admitted_gate = True, verdict.at, verdict.gate
            t.entries = max(t.entries, 1)
        elif verdict.kind is VerdictKind.VOID and verdict.reason in ("refunded", "exchanged", "void"):
            t.status = verdict.reason
        if serial is not None and serial > t.serial:
            t.serial, t.key_id = serial, key_id

    def as_json(self) -> dict:
        return {
            "format": FORMAT,
            "taken_at": self.taken_at.isoformat() if self.taken_at else None,
            "keys": {str(k): v.hex() for k, v in self.keys.items()},
            "showtimes": [s.as_json() for s in self.showtimes.values()],
            "tickets": [t.as_row() for t in self.tickets.values()],
        }

    def save(self, path: Path) -> None:
        """Write the copy to ``path`` atomically. Raises OSError."""
        write_json_atomically(path, self.as_json())

    @classmethod
    def load(cls, path: Path) -> DoorCopy:
        """The copy saved at ``path``; an empty copy when the file is missing or unreadable
        (a door that has never been online knows no keys: every code is NOT VALID)."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                return cls()
            return cls(
                {int(k): bytes.fromhex(v) for k, v in data["keys"].items()},
                [DoorShowtime.from_json(s) for s in data["showtimes"]],
                [CachedTicket.from_row(r) for r in data["tickets"]],
                dt.datetime.fromisoformat(data["taken_at"]) if data.get("taken_at") else None,
            )
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return cls()


class OfflineQueue:
    """Offline scans waiting for upload, in a JSON Lines file (one JSON object per line).

    Each scan is appended and flushed to disk (fsync) before :meth:`append` returns, so an
    admission shown as ADMIT offline survives a crash; appending costs the same however
    long the queue is. A torn last line (power lost mid-write) is skipped on loading; a
    file that cannot be read otherwise is renamed aside for a person to look at.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.scans: list[QueuedScan] = []
        self.unreadable = False
        if not path.exists():
            return
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
            for i, line in enumerate(lines):
                if not line.strip():
                    continue
                try:
                    self.scans.append(QueuedScan.from_json(json.loads(line)))
                except (ValueError, KeyError, TypeError):
                    if i != len(lines) - 1:
                        raise
        except (OSError, ValueError, KeyError, TypeError):
            self.unreadable = True
            self.scans = []
            path.rename(path.with_suffix(f".unreadable-{dt.datetime.now():%Y%m%d%H%M%S}.jsonl"))

    def __len__(self) -> int:
        return len(self.scans)

    def append(self, scan: QueuedScan) -> None:
        """Add ``scan`` to the file (flushed to disk) and the list. Raises OSError."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path, "a", encoding="utf-8") as f:
            f.write(json.dumps(scan.as_json(), separators=(",", ":")) + "\n")
            f.flush()
            os.fsync(f.fileno())
        self.scans.append(scan)

    def drop(self, ids: set) -> None:
        """Forget the scans with these ids (uploaded): the file is rewritten atomically.
        Raises OSError."""
        kept = [s for s in self.scans if s.id not in ids]
        if len(kept) == len(self.scans):
            return
        write_text_atomically(self.path, "".join(json.dumps(s.as_json(), separators=(",", ":")) + "\n" for s in kept))
        self.scans = kept


def decide_offline(
    claim: TicketClaim, *, copy: DoorCopy, serving: set[int], gate: str, now: dt.datetime, exit_scan: bool = False
) -> Verdict:
    """The verdict on a verified ``claim`` without the database, by the rules of
    :mod:`boxoffice.domain.admission`, from ``copy`` (which already holds this door's own
    admissions). ``now`` is aware. The caller queues an admitted verdict."""
    facts = copy.facts(claim.ticket_id, claim.showtime_id)
    common: dict[str, Any] = dict(ticket_id=claim.ticket_id, showtime_id=claim.showtime_id, offline=True, facts=facts)
    if claim.showtime_id not in serving:
        return Verdict(VerdictKind.WRONG_SHOWTIME, **common)
    t = copy.tickets.get(claim.ticket_id)
    st = copy.showtimes.get(claim.showtime_id)
    if t is not None and t.showtime_id != claim.showtime_id:
        return Verdict(VerdictKind.NOT_VALID, reason="The ticket is not of the showtime in its code", **common)
    if t is not None and t.status != "valid":
        return Verdict(VerdictKind.VOID, reason=t.status, **common)
    if t is not None and claim.serial < t.serial:
        return Verdict(VerdictKind.VOID, reason="reprinted", **common)
    if t is not None and t.key_id is not None and claim.serial == t.serial and claim.key_id != t.key_id:
        # a stolen device key cannot mint a ticket another device printed (a newer serial
        # than the copy's is a reprint since the refresh: its key cannot be known here)
        return Verdict(
            VerdictKind.NOT_VALID,
            reason="The code is not signed by the device that printed this ticket (forged)",
            **common,
        )
    if st is not None and st.status == "cancelled":
        return Verdict(VerdictKind.VOID, reason="cancelled", **common)
    inside = t is not None and t.inside
    if exit_scan:
        if not inside and t is not None:
            return Verdict(VerdictKind.NOT_INSIDE, **common)
        return Verdict(VerdictKind.EXITED, at=now, gate=gate, **common)
    if t is not None and t.inside:
        return Verdict(VerdictKind.ALREADY_ADMITTED, at=t.admitted_at, gate=t.admitted_gate, **common)
    if st is not None and now < st.doors_open_at:
        return Verdict(VerdictKind.TOO_EARLY, at=st.doors_open_at, **common)
    return Verdict(VerdictKind.ADMIT, at=now, gate=gate, reentry=t is not None and t.entries > 0, **common)
