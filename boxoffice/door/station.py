"""A door station: one gate's scanning logic, online with the database and offline
without it. No Qt: the door screen runs these methods on worker threads (each with a
fresh Session) and shows what they return; tests and the benchmark call them directly.

* :meth:`DoorStation.scan`: verify the code's signature with the enrolled device keys
  (before any database look-up; a key id the copy does not know is looked up once more
  while online: a device enrolled since the refresh), then ask the database (the key
  check and ``bo_admit``/``bo_exit``).
  When the database cannot be reached the station goes offline and decides from its
  local copy and its own admissions, queueing each offline admission in a JSON file.
  While offline, scans do not try the database (a verdict must come at once).
* :meth:`DoorStation.sync`: upload the queue (idempotent), collect the conflicts (a
  ticket admitted elsewhere meanwhile, or voided), refresh the local copy, go online.
  The screen calls it every few seconds while offline and every ``refresh`` seconds
  online.

Thread safety: state (copy, queue, online flag, conflicts) changes under a lock; the
database work itself runs outside it, so a slow probe never delays a scan.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from boxoffice.domain import ticket_code
from boxoffice.domain.admission import Verdict, VerdictKind, not_valid, verify
from boxoffice.domain.errors import DatabaseUnavailableError
from boxoffice.domain.ticket_code import TicketClaim, TicketCodeError
from boxoffice.door.offline import DoorCopy, OfflineQueue, decide_offline, gate_slug, write_json_atomically
from boxoffice.services import admission, door_info, tickets
from boxoffice.services.admission import Door, QueuedScan, Upload

log = logging.getLogger(__name__)


def utc_now() -> dt.datetime:
    """The current time, aware, in UTC."""
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class SyncReport:
    """What :meth:`DoorStation.sync` did: ``uploaded`` offline scans (``conflicts``: those
    the database refused, each recorded in ``admission_conflict``), and whether the
    local copy was refreshed (``tickets`` in it)."""

    uploaded: int = 0
    conflicts: list[Upload] = field(default_factory=list)
    refreshed: bool = False
    tickets: int = 0


def _key_id(code: str) -> int | None:
    try:
        return ticket_code.peek_key_id(code)
    except TicketCodeError:
        return None


class DoorStation:
    """One gate's scanning logic (see the module docstring).

    Args:
        door: gate name, device name and the showtime ids the gate serves.
        folder: where the local copy and the queue live (created if missing).
        clock: returns the current aware time (tests pass their own).
    """

    def __init__(self, *, door: Door, folder: Path, clock: Callable[[], dt.datetime] = utc_now) -> None:
        self.door = door
        self.clock = clock
        slug = gate_slug(door.gate)
        self.copy_path = folder / f"{slug}-copy.json"
        self._lock = threading.Lock()
        self.queue = OfflineQueue(folder / f"{slug}-queue.jsonl")
        self.copy = self._with_queue(DoorCopy.load(self.copy_path))  # a restart while offline remembers
        self._online: bool | None = None
        self.conflicts: list[Upload] = []

    # --- state --------------------------------------------------------------------------

    @property
    def online(self) -> bool | None:
        """``True``/``False`` once known; ``None`` before the first database contact."""
        return self._online

    @property
    def pending(self) -> int:
        """Offline scans waiting for upload."""
        return len(self.queue)

    def went_offline(self, exc: BaseException | str) -> None:
        """Mark the station offline (scans decide locally until :meth:`sync` succeeds)."""
        with self._lock:
            if self._online is not False:
                log.warning("door %s is offline: %s", self.door.gate, exc)
            self._online = False

    # --- scanning ------------------------------------------------------------------------

    def scan(self, session: Session, code: str, *, exit_scan: bool = False) -> Verdict:
        """The verdict on a scanned ``code`` (an exit scan with ``exit_scan``).

        Never raises DatabaseUnavailableError: without the database the verdict is made
        offline (``verdict.offline``) and an admission is queued. Raises BusyError on a
        lock timeout (scan again) and OSError if the queue file cannot be written (the
        offline admission did not happen).
        """
        with self._lock:
            keys = self.copy.keys
        key_id = _key_id(code)
        if self._online is not False and (not keys or (key_id is not None and key_id not in keys)):
            # not synced yet, or a device enrolled since the refresh: the keys are public, fetch them
            try:
                keys = tickets.ticket_public_keys(session)
            except DatabaseUnavailableError as exc:
                self.went_offline(exc)
            else:
                with self._lock:
                    self.copy.keys = keys
        try:
            claim = verify(code, keys)
        except TicketCodeError as exc:
            if not keys:
                return not_valid("This door has no ticket keys yet: it must be online once")
            return not_valid(str(exc))
        if self._online is not False:
            try:
                verdict = admission.admit_claim(session, claim=claim, door=self.door, exit_scan=exit_scan)
            except DatabaseUnavailableError as exc:
                self.went_offline(exc)
            else:
                with self._lock:
                    self._online = True
                    self.copy.record(verdict, claim.serial, claim.key_id)
                return verdict
        return self._scan_offline(claim, exit_scan)

    def _scan_offline(self, claim: TicketClaim, exit_scan: bool) -> Verdict:
        with self._lock:
            verdict = decide_offline(
                claim,
                copy=self.copy,
                serving=set(self.door.serving),
                gate=self.door.gate,
                now=self.clock(),
                exit_scan=exit_scan,
            )
            if verdict.admitted:
                assert verdict.at is not None  # an admitted verdict has its time
                self.queue.append(
                    QueuedScan(
                        uuid.uuid4(),
                        "exit" if exit_scan else "entry",
                        claim.ticket_id,
                        claim.serial,
                        claim.showtime_id,
                        verdict.at,
                    )
                )
                self.copy.record(verdict, claim.serial, claim.key_id)
        return verdict

    def admit_by_hand(self, session: Session, *, ticket_id: int, showtime_id: int) -> Verdict:
        """Admit a ticket found by order look-up (online only: recorded as ``manual``).

        Raises:
            DatabaseUnavailableError: offline (look-up needs the database).
        """
        try:
            verdict = admission.admit_ticket(session, ticket_id=ticket_id, showtime_id=showtime_id, door=self.door)
        except DatabaseUnavailableError as exc:
            self.went_offline(exc)
            raise
        with self._lock:
            self.copy.record(verdict)
        return verdict

    # --- reconnecting ----------------------------------------------------------------------

    def sync(self, session: Session, *, refresh: bool = True) -> SyncReport:
        """Upload queued offline scans, refresh the local copy (with ``refresh``), go online.

        Uploaded scans leave the queue file in batches of 100 (and when the sync ends or
        fails), so an interrupted sync resumes near where it stopped; an upload repeated
        after a crash is harmless (idempotent by the scan's id).

        Raises:
            DatabaseUnavailableError: the database cannot be reached (the station stays or
                goes offline; nothing is lost).
            OSError: the queue or copy file cannot be written.
        """
        with self._lock:
            queued = list(self.queue.scans)
        conflicts: list[Upload] = []
        uploaded: set[uuid.UUID] = set()

        def forget_uploaded() -> None:  # in batches: each drop rewrites the queue file
            with self._lock:
                self.queue.drop(uploaded)
            uploaded.clear()

        try:
            for scan in queued:
                claim = TicketClaim(0, scan.showtime_id, scan.ticket_id, scan.serial)
                verdict = admission.admit_claim(
                    session,
                    claim=claim,
                    door=self.door,
                    exit_scan=scan.kind == "exit",
                    offline_id=scan.id,
                    scanned_at=scan.scanned_at,
                )
                upload = Upload(scan, verdict)
                if upload.conflict:
                    conflicts.append(upload)
                uploaded.add(scan.id)
                if len(uploaded) >= 100:
                    forget_uploaded()
            forget_uploaded()
            snapshot = door_info.door_snapshot(session, showtime_ids=list(self.door.serving)) if refresh else None
        except DatabaseUnavailableError as exc:
            forget_uploaded()
            self.went_offline(exc)
            with self._lock:
                self.conflicts.extend(conflicts)
            raise
        data = None
        with self._lock:
            self.conflicts.extend(conflicts)
            if snapshot is not None:
                self.copy = self._with_queue(DoorCopy.from_snapshot(snapshot))  # + scans made while uploading
                data = self.copy.as_json()
            self._online = True
            tickets = len(self.copy.tickets)
        if data is not None:
            write_json_atomically(self.copy_path, data)
        return SyncReport(len(queued), conflicts, snapshot is not None, tickets)

    def _with_queue(self, copy: DoorCopy) -> DoorCopy:
        """``copy`` with this door's queued offline scans applied (call under the lock)."""
        for scan in self.queue.scans:
            kind = VerdictKind.EXITED if scan.kind == "exit" else VerdictKind.ADMIT
            copy.record(
                Verdict(
                    kind,
                    ticket_id=scan.ticket_id,
                    showtime_id=scan.showtime_id,
                    at=scan.scanned_at,
                    gate=self.door.gate,
                ),
                scan.serial,
            )
        return copy

    def take_conflicts(self) -> list[Upload]:
        """The conflicts found by uploads so far, for the door staff; clears the list."""
        with self._lock:
            found, self.conflicts = self.conflicts, []
        return found

    def timezone(self) -> dt.tzinfo:
        """The venue's time zone (of the first served showtime known), else UTC."""
        from zoneinfo import ZoneInfo

        with self._lock:
            for showtime in self.copy.showtimes.values():
                try:
                    return ZoneInfo(showtime.timezone)
                except (KeyError, ValueError):
                    break
        return dt.UTC
