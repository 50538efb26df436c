"""The drawer at a till: a shift opens with a counted float, takes cash drops and
pay-outs, shows an X report at any time and closes with a blind count into a numbered,
unchangeable Z report (docs/drawer.md; migration 0015_drawer holds the rules).

A shift belongs to one till (the till's name: ``Actor.till``, which is the
``application_name`` of the till's connections) and one person. Every counter payment and
refund is attributed to the acting person's open shift on their till by the database
(BEFORE INSERT triggers); cash without an open shift is refused (``NoOpenShiftError``).

Expected cash = float + cash payments − cash refunds − drops − pay-outs. The X report and
the Z report come from the same database function (``bo_shift_figures``), so a Z report
says exactly what the X report said at the moment of closing, and the CLI and the UI read
the same document.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from boxoffice.domain.drawer import clean_count, count_total
from boxoffice.domain.errors import InvalidInputError, NotFoundError
from boxoffice.domain.roles import SELL
from boxoffice.services.auth import authorize
from boxoffice.services.errors import unit_of_work

KINDS = ("drop", "payout")


@dataclass(frozen=True)
class OpenShift:
    """An open shift: ``float_minor`` in minor units of ``currency``."""

    shift_id: int
    till: str
    staff_id: int
    staff_name: str
    opened_at: dt.datetime
    float_minor: int
    currency: str


@dataclass(frozen=True)
class TenderLine:
    """One tender's takings in a shift (or one web gateway's in the day), minor units."""

    name: str
    payments: int
    paid_minor: int
    refunds: int
    refunded_minor: int
    net_minor: int


@dataclass(frozen=True)
class ShiftFigures:
    """A shift's figures so far (an X report) or at close (inside a Z report).

    Cash lines (minor units): ``float_minor``, ``cash_sales_minor`` (cash payments, not
    tendered), ``cash_refunds_minor``, ``drops_minor``, ``payouts_minor`` and
    ``expected_cash_minor``. ``tenders``: the shift's takings by tender; ``web``: the web
    channel's takings of the venue's day (``day``) by gateway (channel · tender) up to
    ``until``. ``data`` is the database's document, as :meth:`as_json` returns it.
    """

    data: dict[str, Any]

    def _cash(self, key: str) -> int:
        return int(self.data["cash"][key])

    shift_id = property(lambda self: int(self.data["shift_id"]))
    till = property(lambda self: str(self.data["till"]))
    staff_name = property(lambda self: str(self.data.get("staff") or ""))
    currency = property(lambda self: str(self.data["currency"]))
    orders = property(lambda self: int(self.data.get("orders") or 0))
    float_minor = property(lambda self: self._cash("float_minor"))
    cash_sales_minor = property(lambda self: self._cash("sales_minor"))
    cash_refunds_minor = property(lambda self: self._cash("refunds_minor"))
    drops_minor = property(lambda self: self._cash("drops_minor"))
    payouts_minor = property(lambda self: self._cash("payouts_minor"))
    expected_cash_minor = property(lambda self: self._cash("expected_minor"))

    @property
    def opened_at(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.data["opened_at"])

    @property
    def until(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.data["until"])

    @property
    def day(self) -> dt.date:
        return dt.date.fromisoformat(self.data["day"]["date"])

    @property
    def tenders(self) -> list[TenderLine]:
        """The shift's takings by tender, cash first, then by name."""
        lines = [_line(name, t) for name, t in self.data.get("tenders", {}).items()]
        return sorted(lines, key=lambda t: (t.name != "cash", t.name))

    @property
    def web(self) -> list[TenderLine]:
        """The web channel's takings of the day so far, by gateway."""
        return [_line(w["gateway"], w) for w in self.data.get("day", {}).get("web", [])]

    @property
    def movements(self) -> list[dict[str, Any]]:
        """Drops and pay-outs: ``{"kind", "amount_minor", "reason", "at", "by"}``."""
        return list(self.data.get("movements", []))

    def as_json(self) -> dict[str, Any]:
        """The figures as a JSON-ready dict (the database's document)."""
        return dict(self.data)


@dataclass(frozen=True)
class ZReport:
    """A closed shift's numbered Z report: the figures at close, the blind count
    (``counted``: denomination minor -> pieces) and ``variance_minor`` = counted − expected
    (negative: short)."""

    number: int
    closed_at: dt.datetime
    counted: dict[int, int]
    counted_cash_minor: int
    expected_cash_minor: int
    variance_minor: int
    figures: ShiftFigures

    @property
    def closed_by(self) -> str:
        return str(self.figures.data.get("closed_by") or "")

    def as_json(self) -> dict[str, Any]:
        """The Z report as a JSON-ready dict: the stored figures with ``number`` and ``count``."""
        return dict(self.figures.data)


def _line(name: str, t: Mapping[str, Any]) -> TenderLine:
    return TenderLine(
        name,
        int(t["payments"]),
        int(t["paid_minor"]),
        int(t["refunds"]),
        int(t["refunded_minor"]),
        int(t["net_minor"]),
    )


def _z_from_figures(figures: dict[str, Any]) -> ZReport:
    count = figures["count"]
    return ZReport(
        number=int(figures["number"]),
        closed_at=dt.datetime.fromisoformat(figures["closed_at"]),
        counted={int(k): int(v) for k, v in (count.get("counted") or {}).items()},
        counted_cash_minor=int(count["counted_minor"]),
        expected_cash_minor=int(figures["cash"]["expected_minor"]),
        variance_minor=int(count["variance_minor"]),
        figures=ShiftFigures(figures),
    )


def _count_json(counted: Mapping[int, int] | None) -> str | None:
    if counted is None:
        return None
    return json.dumps({str(d): n for d, n in clean_count(counted).items()})


_SHIFTS = (
    "SELECT sh.id, sh.till, sh.staff_id, s.display_name, sh.opened_at, sh.float_minor, sh.currency "
    "FROM till_shift sh JOIN staff s ON s.id = sh.staff_id WHERE sh.closed_at IS NULL"
)


def open_shift(session: Session, till: str, float_minor: int, counted: Mapping[int, int] | None = None) -> int:
    """Open a shift for the signed-in person on ``till`` (their own till's name) with a
    float of ``float_minor`` minor units, optionally counted by denomination (``counted``
    must then add up to ``float_minor``). Returns the shift id.

    Raises:
        ShiftAlreadyOpenError: the till or the person already has an open shift.
        InvalidInputError: a negative float, a count that does not add up, or ``till`` is not
            the till the person works at.
        PermissionDeniedError: a role that may not sell.
    """
    authorize(session, SELL)
    if counted is not None and count_total(counted) != float_minor:
        raise InvalidInputError("The counted float does not add up to the float.")
    with unit_of_work(session):
        return int(
            session.execute(
                text("SELECT bo_shift_open(:till, :float, CAST(:counted AS jsonb))"),
                {"till": till, "float": float_minor, "counted": _count_json(counted)},
            ).scalar_one()
        )


def current_shift(session: Session, till: str) -> OpenShift | None:
    """The open shift on ``till`` (whoever's it is), or ``None``."""
    with unit_of_work(session):
        row = session.execute(text(_SHIFTS + " AND sh.till = :till"), {"till": till}).first()
    return OpenShift(*row) if row else None


def open_shifts(session: Session) -> list[OpenShift]:
    """Every open shift, oldest first (for a manager closing a shift left open)."""
    with unit_of_work(session):
        rows = session.execute(text(_SHIFTS + " ORDER BY sh.opened_at, sh.id")).all()
    return [OpenShift(*r) for r in rows]


def record_movement(session: Session, shift_id: int, kind: str, amount_minor: int, reason: str) -> int:
    """Take ``amount_minor`` out of the drawer of open shift ``shift_id``: ``kind``
    ``"drop"`` (to the safe) or ``"payout"`` (petty cash), with a ``reason``. Returns the
    movement's id.

    Raises:
        InvalidInputError: unknown kind, amount not positive, no reason.
        DrawerShortError: more than the drawer should hold.
        ShiftClosedError: the shift is closed.
        PermissionDeniedError: another person's shift without ``override``.
    """
    if kind not in KINDS:
        raise InvalidInputError(f"A drawer movement is a drop or a pay-out, not {kind!r}.")
    if amount_minor <= 0:
        raise InvalidInputError("The amount must be more than 0.")
    if not (reason or "").strip():
        raise InvalidInputError("Give a reason.")
    with unit_of_work(session):
        return int(
            session.execute(
                text("SELECT bo_drawer_movement(:shift, :kind, :amount, :reason)"),
                {"shift": shift_id, "kind": kind, "amount": amount_minor, "reason": reason.strip()},
            ).scalar_one()
        )


def x_report(session: Session, shift_id: int) -> ShiftFigures:
    """The figures of shift ``shift_id`` so far; nothing is closed or stored.

    Raises:
        NotFoundError: no such shift.
        PermissionDeniedError: another person's shift without ``reports``.
    """
    with unit_of_work(session):
        data = session.execute(text("SELECT bo_shift_figures(:shift)"), {"shift": shift_id}).scalar_one()
    return ShiftFigures(data)


def close_shift(session: Session, shift_id: int, counted: Mapping[int, int]) -> ZReport:
    """Close shift ``shift_id`` with the blind count ``counted`` (denomination minor ->
    pieces) and return its new Z report, numbered without gaps. Closing a shift twice (two
    tills at once) makes one Z report; the other gets ``ShiftClosedError``.

    Raises:
        ShiftClosedError: the shift is already closed (``details['z_number']``).
        InvalidInputError: an impossible count.
        PermissionDeniedError: another person's shift without ``override``.
    """
    payload = _count_json(counted)
    with unit_of_work(session):
        row = session.execute(
            text("SELECT bo_shift_close(:shift, CAST(:counted AS jsonb))"), {"shift": shift_id, "counted": payload}
        ).scalar_one()
    return _z_from_figures(row["figures"])


def z_report(session: Session, number: int) -> ZReport:
    """Z report number ``number`` as stored at close.

    Raises:
        NotFoundError: no Z report with that number.
    """
    with unit_of_work(session):
        figures = session.execute(text("SELECT figures FROM z_report WHERE number = :n"), {"n": number}).scalar()
    if figures is None:
        raise NotFoundError(f"There is no Z report {number}.")
    return _z_from_figures(figures)


def z_report_of_shift(session: Session, shift_id: int) -> ZReport | None:
    """The Z report of shift ``shift_id``, or ``None`` while it is open."""
    with unit_of_work(session):
        figures = session.execute(text("SELECT figures FROM z_report WHERE shift_id = :s"), {"s": shift_id}).scalar()
    return _z_from_figures(figures) if figures is not None else None
