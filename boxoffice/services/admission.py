"""Admission use cases: scan a code at a gate, admit by hand, let out, upload offline scans.

The rule lives in PostgreSQL (migration 0003): ``bo_admit`` admits with ONE conditional
UPDATE of the ticket row, so two gates scanning one ticket at the same moment admit it
once and the other gets ``already_admitted`` with the first's time and gate. Here a code
is verified by its signature *before* any database look-up (a forged, altered or
other-key code never reaches the database), then one statement calls the function and
joins the ticket's seat and showtime for the screen: one round trip per scan.

Every function that writes needs the ``scan`` permission (door staff, managers; the
system principal) and raises ``PermissionDeniedError`` otherwise. Each runs one short
transaction on the given Session and raises ``DatabaseUnavailableError`` when the database cannot be reached (the door then decides
offline, :mod:`boxoffice.door`), ``BusyError`` on a lock timeout.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import DateTime, Integer, bindparam, text
from sqlalchemy.dialects.postgresql import ARRAY, UUID
from sqlalchemy.orm import Session

from boxoffice.domain.admission import TicketFacts, Verdict, VerdictKind, not_valid, verify
from boxoffice.domain.roles import SCAN
from boxoffice.domain.ticket_code import TicketClaim, TicketCodeError
from boxoffice.services.auth import authorize
from boxoffice.services.errors import unit_of_work

_COLUMNS = """v.verdict, v.reason, v.ticket_id, v.showtime_id, v.at, v.gate, v.reentry, v.admission_id,
       v.conflict_id, v.replayed, d.order_number, d.section, d.row_label, d.seat_number, d.category,
       d.wheelchair, d.show_title, d.starts_at, d.doors_open_at, d.ticket_type, d.ticket_type_code,
       d.companion"""


def _call(function: str):
    return text(
        f"SELECT {_COLUMNS} FROM {function}(:ticket, :serial, :showtime, :gate, :device, :serving, "
        ":offline_id, :scanned_at) v LEFT JOIN door_ticket d ON d.ticket_id = v.ticket_id"
    ).bindparams(
        bindparam("serving", type_=ARRAY(Integer)),
        bindparam("offline_id", type_=UUID(as_uuid=True)),
        bindparam("scanned_at", type_=DateTime(timezone=True)),
    )


_ADMIT = _call("bo_admit")
_EXIT = _call("bo_exit")


def _keyed(function: str):
    """The scan of a code: first ``bo_code_key_refusal`` (migration 0010: the code's key
    is enrolled, unrevoked and the one the ticket records), then, only if it has no
    objection, the function, in one statement (one round trip). ``OFFSET 0`` keeps the
    subquery apart, so its condition gates the function call instead of filtering its
    result: a refused code never reaches ``bo_admit``."""
    return text(
        f"WITH k AS MATERIALIZED (SELECT bo_code_key_refusal(:ticket, :serial, :key) AS refusal) "
        f"SELECT k.refusal AS key_refusal, {_COLUMNS} FROM k "
        f"LEFT JOIN LATERAL (SELECT * FROM {function}(:ticket, :serial, :showtime, :gate, :device, :serving, "
        f":offline_id, :scanned_at) WHERE k.refusal IS NULL OFFSET 0) v ON true "
        f"LEFT JOIN door_ticket d ON d.ticket_id = v.ticket_id"
    ).bindparams(
        bindparam("serving", type_=ARRAY(Integer)),
        bindparam("offline_id", type_=UUID(as_uuid=True)),
        bindparam("scanned_at", type_=DateTime(timezone=True)),
    )


_ADMIT_KEYED = _keyed("bo_admit")
_EXIT_KEYED = _keyed("bo_exit")


@dataclass(frozen=True)
class Door:
    """Who is scanning: the gate's name (shown to other gates: "admitted at North"),
    this device's name, and the showtime ids the gate admits to."""

    gate: str
    device: str
    serving: tuple[int, ...]

    def __post_init__(self) -> None:
        if not self.gate.strip() or not self.device.strip():
            raise ValueError("A door needs a gate name and a device name.")
        if len(self.gate) > 60 or len(self.device) > 100:
            raise ValueError("A gate name has at most 60 characters, a device name at most 100.")


def scan(session: Session, *, code: str, door: Door, keys: dict[int, bytes], exit_scan: bool = False) -> Verdict:
    """The verdict on a scanned ``code`` at ``door``, recording the admission (or exit).

    Args:
        code: the scanned text.
        door: the gate, device and served showtimes.
        keys: enrolled device public keys by key id (:func:`boxoffice.services.tickets.ticket_public_keys`).
        exit_scan: an exit scan (re-entry): lets the ticket out instead of in.

    Returns:
        The verdict; ``NOT_VALID`` for a bad signature without touching the database.

    Raises:
        DatabaseUnavailableError, BusyError: see the module docstring.
    """
    try:
        claim = verify(code, keys)
    except TicketCodeError as exc:
        return not_valid(str(exc))
    return admit_claim(session, claim=claim, door=door, exit_scan=exit_scan)


def admit_claim(
    session: Session,
    *,
    claim: TicketClaim,
    door: Door,
    exit_scan: bool = False,
    offline_id: uuid.UUID | None = None,
    scanned_at: dt.datetime | None = None,
) -> Verdict:
    """Admit (or with ``exit_scan`` let out) the ticket of a verified ``claim`` at ``door``.

    ``offline_id`` and ``scanned_at`` (aware) upload a scan the door made offline: the call
    is idempotent by ``offline_id`` and a refusal is recorded as an admission conflict
    (``verdict.conflict_id``). Raises as :func:`scan`.

    A live scan (no ``offline_id``) is ``NOT_VALID`` when the code's key is not enrolled,
    was revoked, or is not the key that signed the ticket's current code (migration 0010:
    a stolen device key cannot mint tickets other devices printed). An upload was checked
    against the door's copy when it was scanned and is not checked again.
    """
    if offline_id is None:
        statement = _EXIT_KEYED if exit_scan else _ADMIT_KEYED
    else:
        statement = _EXIT if exit_scan else _ADMIT
    return _run(
        session,
        statement,
        ticket=claim.ticket_id,
        serial=claim.serial,
        showtime=claim.showtime_id,
        door=door,
        offline_id=offline_id,
        scanned_at=scanned_at,
        key=claim.key_id if offline_id is None else None,
    )


def admit_ticket(session: Session, *, ticket_id: int, showtime_id: int, door: Door) -> Verdict:
    """Admit a ticket found by hand (order look-up), whatever its code serial; recorded
    with method ``manual``. Raises as :func:`scan`."""
    return _run(
        session,
        _ADMIT,
        ticket=ticket_id,
        serial=None,
        showtime=showtime_id,
        door=door,
        offline_id=None,
        scanned_at=None,
    )


def _run(
    session: Session,
    statement,
    *,
    ticket: int,
    serial: int | None,
    showtime: int,
    door: Door,
    offline_id: uuid.UUID | None,
    scanned_at: dt.datetime | None,
    key: int | None = None,
) -> Verdict:
    authorize(session, SCAN)
    with unit_of_work(session):
        row = session.execute(
            statement,
            {
                "ticket": ticket,
                "serial": serial,
                "showtime": showtime,
                "gate": door.gate,
                "device": door.device,
                "serving": list(door.serving),
                "offline_id": offline_id,
                "scanned_at": scanned_at,
                "key": key,
            },
        ).one()
    if getattr(row, "key_refusal", None):
        return not_valid(row.key_refusal)
    return verdict_from_row(row)


def verdict_from_row(row) -> Verdict:
    """A :class:`Verdict` from a row of ``bo_admit``/``bo_exit`` joined with ``door_ticket``."""
    facts = None
    if row.order_number is not None:
        facts = TicketFacts(
            ticket_id=row.ticket_id,
            showtime_id=row.showtime_id,
            order_number=row.order_number,
            section=row.section,
            row=row.row_label,
            seat=row.seat_number,
            category=row.category,
            wheelchair=row.wheelchair,
            show_title=row.show_title,
            starts_at=row.starts_at,
            doors_open_at=row.doors_open_at,
            ticket_type="" if row.ticket_type_code == "full" else (row.ticket_type or ""),
            companion=bool(row.companion),
        )
    kind = VerdictKind(row.verdict)
    reason = row.reason or ""
    if kind is VerdictKind.NOT_VALID and reason == "unknown ticket":
        reason = "The ticket is not in the database (unknown ticket)"
    return Verdict(
        kind,
        reason=reason,
        ticket_id=row.ticket_id,
        showtime_id=row.showtime_id,
        at=row.at,
        gate=row.gate,
        reentry=bool(row.reentry),
        facts=facts,
        admission_id=row.admission_id,
        conflict_id=row.conflict_id,
        replayed=bool(row.replayed),
    )


# --- offline uploads ----------------------------------------------------------------------


@dataclass(frozen=True)
class QueuedScan:
    """An admission (or exit) a door made offline, waiting for upload.

    ``id`` makes the upload idempotent; ``scanned_at`` is aware (the door's clock).
    """

    id: uuid.UUID
    kind: str  # "entry" or "exit"
    ticket_id: int
    serial: int
    showtime_id: int
    scanned_at: dt.datetime

    def as_json(self) -> dict:
        """A JSON-ready dict (the door's queue file)."""
        return {
            "id": str(self.id),
            "kind": self.kind,
            "ticket_id": self.ticket_id,
            "serial": self.serial,
            "showtime_id": self.showtime_id,
            "scanned_at": self.scanned_at.isoformat(),
        }

    @classmethod
    def from_json(cls, data: dict) -> QueuedScan:
        """The inverse of :meth:`as_json`. Raises KeyError/ValueError on a malformed entry."""
        kind = data["kind"]
        if kind not in ("entry", "exit"):
            raise ValueError(f"unknown queued scan kind {kind!r}")
        when = dt.datetime.fromisoformat(data["scanned_at"])
        if when.tzinfo is None:
            raise ValueError("a queued scan's time must be timezone-aware")
        return cls(
            uuid.UUID(data["id"]), kind, int(data["ticket_id"]), int(data["serial"]), int(data["showtime_id"]), when
        )


@dataclass(frozen=True)
class Upload:
    """The database's answer to one uploaded scan. ``conflict``: an offline admission the
    database refused (the ticket got in elsewhere meanwhile, or was voided): it is in
    table ``admission_conflict`` as ``verdict.conflict_id``."""

    scan: QueuedScan
    verdict: Verdict

    @property
    def conflict(self) -> bool:
        return self.scan.kind == "entry" and not self.verdict.admitted
