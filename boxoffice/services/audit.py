"""The audit log: record what happened, browse it page by page, export it as CSV.

Rows are written in the same transaction as the change they describe, so a change that
rolls back leaves no audit row and a committed change always has one. Changes every
channel makes through SQL (sales, refunds, voids, reprints, prices, blocks) are recorded
by database triggers (migration 0004); the services record sign-ins, configuration and
account changes with :func:`record`. The table is append-only in the database.

Each row: ``at`` (transaction time, aware), ``actor`` (username or ``system``...),
``role``, ``till``, ``action`` (see :data:`ACTIONS`), ``target`` (e.g. ``"order
BO-001002"``), ``details`` (a JSON object), ``db_user`` (the database login).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO

from sqlalchemy import text
from sqlalchemy.orm import Session

from boxoffice.domain.errors import InvalidInputError
from boxoffice.domain.money import format_money
from boxoffice.domain.roles import AUDIT
from boxoffice.services.auth import authorize
from boxoffice.services.errors import unit_of_work

# The actions in the log, with their meaning (the audit screen offers them as filters).
ACTIONS = {
    "sale": "tickets sold (any channel)",
    "refund": "an order refunded (all or some tickets)",
    "exchange": "tickets exchanged for other seats or another showtime (a new order)",
    "void": "a ticket voided or exchanged",
    "reprint": "a ticket printed again with a new code",
    "price_change": "showtime prices set, changed or removed",
    "seat_block": "seats blocked",
    "seat_release": "blocked seats released back to sale",
    "sign_in": "a staff member signed in (start, unlock, switch)",
    "sign_in_failed": "a refused sign-in",
    "config_change": "venues, plans, shows, showtimes",
    "plan.save": "a seating plan saved as a new version from the plan editor",
    "plan.migrate": "a showtime moved to another version of its seating plan",
    "staff_change": "staff accounts: created, role, password, PIN, (de)activated",
    "admission_conflict.resolve": "a ticket let in twice while a door was offline, followed up",
    "show.save": "a show created or changed (title, running time, rating, poster)",
    "showtime.schedule": "showtimes scheduled (one or a series)",
    "showtime.cancel": "a showtime cancelled (holds released, orders to refund)",
    "showtime.sales": "a showtime's sales window, doors time or pause changed",
    "price_rule.save": "a price rule added or changed",
    "price_rule.delete": "a price rule deleted",
    "ticket_type.save": "a ticket type added, renamed, reordered or switched off",
    "override.grant": "a manager allowed a complimentary ticket or a late sale at a till (single use)",
    "override.use": "a manager's override used for a complimentary ticket or a late sale",
}
MAX_PAGE = 1000
CSV_COLUMNS = ("id", "at", "actor", "role", "till", "action", "target", "details", "db_user")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

_RECORD = text("SELECT bo_audit(:action, :target, CAST(:details AS jsonb), :till)")


def record(
    session: Session, *, action: str, target: str = "", details: dict | None = None, till: str | None = None
) -> int:
    """Inside the caller's transaction: append an audit row as the session's actor
    (``system`` without one). ``target`` names the thing changed (at most 200
    characters kept); ``details`` must be JSON-serialisable (never put secrets in it);
    ``till`` is used when the actor has none. Returns the row id."""
    return session.execute(
        _RECORD, {"action": action, "target": target, "till": till, "details": json.dumps(details or {}, default=str)}
    ).scalar_one()


@dataclass(frozen=True)
class AuditFilter:
    """What to show: every given field must match. ``actor`` / ``action`` / ``till`` are
    exact values (``None``: any); ``since`` (inclusive) and ``until`` (exclusive) are
    aware datetimes; ``text`` is a case-insensitive substring of the target or details."""

    actor: str | None = None
    action: str | None = None
    till: str | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None
    text: str | None = None

    def where(self) -> tuple[str, dict]:
        """SQL condition and parameters.

        Raises:
            InvalidInputError: a naive datetime, or ``until`` not after ``since``.
        """
        parts, params = ["true"], {}
        for name in ("actor", "action", "till"):
            value = getattr(self, name)
            if value is not None:
                parts.append(f"{name} = :{name}")
                params[name] = value
        for name, op in (("since", ">="), ("until", "<")):
            value = getattr(self, name)
            if value is not None:
                if value.tzinfo is None:
                    raise InvalidInputError("Audit date filters must be timezone-aware.")
                parts.append(f"at {op} :{name}")
                params[name] = value
        if self.since and self.until and self.until <= self.since:
            raise InvalidInputError("The end of the date range must be after its start.")
        if self.text:
            parts.append("(target ILIKE :text OR details::text ILIKE :text)")
            params["text"] = "%" + self.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        return " AND ".join(parts), params


@dataclass(frozen=True)
class AuditEntry:
    """One audit row (see the module docstring)."""

    id: int
    at: dt.datetime
    actor: str
    role: str
    till: str
    action: str
    target: str
    details: dict
    db_user: str


@dataclass(frozen=True)
class AuditPage:
    """A page of entries, newest first. ``total`` counts every entry matching the filter;
    pass ``next_before`` as ``before_id`` for the next (older) page (``None``: last page)."""

    entries: list[AuditEntry]
    total: int
    next_before: int | None


@dataclass(frozen=True)
class AuditChoices:
    """Values the filters can take: actors and tills seen in the log, and the actions."""

    actors: list[str]
    tills: list[str]
    actions: list[str] = field(default_factory=lambda: list(ACTIONS))


_COLUMNS = "id, at, actor, role, till, action, target, details, db_user"


def search(
    session: Session, *, where: AuditFilter | None = None, before_id: int | None = None, limit: int = 200
) -> AuditPage:
    """A page of at most ``limit`` entries matching ``where``, newest first, older than
    entry ``before_id`` when given (keyset paging: every page costs the same however deep).

    Raises:
        PermissionDeniedError: the actor may not read the audit log (managers and admins may).
        InvalidInputError: a bad filter or ``limit`` (1 to 1000).
    """
    authorize(session, AUDIT)
    if not 1 <= limit <= MAX_PAGE:
        raise InvalidInputError(f"A page has 1 to {MAX_PAGE} entries.")
    condition, params = (where or AuditFilter()).where()
    with unit_of_work(session):
        total = session.execute(text(f"SELECT count(*) FROM audit_log WHERE {condition}"), params).scalar_one()
        page = condition + ("" if before_id is None else " AND id < :before")
        rows = session.execute(
            text(f"SELECT {_COLUMNS} FROM audit_log WHERE {page} ORDER BY id DESC LIMIT :limit"),
            {**params, "before": before_id, "limit": limit + 1},
        ).all()
    entries = [AuditEntry(*r) for r in rows[:limit]]
    return AuditPage(entries, total, entries[-1].id if len(rows) > limit else None)


def choices(session: Session) -> AuditChoices:
    """The actors and tills that occur in the log (for the filter lists), each found by an
    index skip-scan, so this stays quick on a large log.

    Raises:
        PermissionDeniedError: the actor may not read the audit log.
    """
    authorize(session, AUDIT)
    with unit_of_work(session):
        values = {}
        for column in ("actor", "till"):
            values[column] = list(
                session.execute(
                    text(
                        f"WITH RECURSIVE v(x) AS ((SELECT {column} FROM audit_log ORDER BY {column} LIMIT 1) UNION ALL "
                        f"SELECT (SELECT {column} FROM audit_log WHERE {column} > v.x ORDER BY {column} LIMIT 1) "
                        f"FROM v WHERE v.x IS NOT NULL) SELECT x FROM v WHERE x IS NOT NULL"
                    )
                ).scalars()
            )
    return AuditChoices(values["actor"], values["till"])


def export_csv(
    session: Session,
    *,
    out: TextIO,
    where: AuditFilter | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    batch: int = 2000,
) -> int:
    """Write the entries matching ``where`` to ``out`` as CSV (header :data:`CSV_COLUMNS`,
    oldest first; ``at`` in ISO 8601 UTC; ``details`` as JSON), from one consistent
    snapshot. Text cells that a spreadsheet would run as a formula (starting with
    ``= + - @``) get a leading apostrophe. ``progress(done, total)`` is called after each
    batch; ``cancelled()`` returning true stops early. Returns the rows written.

    Raises:
        PermissionDeniedError: the actor may not read the audit log.
        InvalidInputError: a bad filter.
    """
    authorize(session, AUDIT)
    condition, params = (where or AuditFilter()).where()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    written = 0
    with unit_of_work(session):
        # one snapshot for the whole export (set before the transaction begins: the
        # actor's bo_act_as is its first statement)
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        total = session.execute(text(f"SELECT count(*) FROM audit_log WHERE {condition}"), params).scalar_one()
        if progress:
            progress(0, total)
        after = 0
        while written < total:
            rows = session.execute(
                text(f"SELECT {_COLUMNS} FROM audit_log WHERE {condition} AND id > :after ORDER BY id LIMIT :n"),
                {**params, "after": after, "n": batch},
            ).all()
            if not rows:
                break
            writer.writerows(csv_row(AuditEntry(*r)) for r in rows)
            written += len(rows)
            after = rows[-1].id
            if progress:
                progress(written, total)
            if cancelled and cancelled():
                break
    return written


def csv_row(entry: AuditEntry) -> list:
    """One CSV row of ``entry`` (see :func:`export_csv`)."""
    at = entry.at.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    cells = [
        entry.actor,
        entry.role,
        entry.till,
        entry.action,
        entry.target,
        json.dumps(entry.details, ensure_ascii=False, sort_keys=True),
        entry.db_user,
    ]
    return [entry.id, at, *(_safe_cell(c) for c in cells)]


def _safe_cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def describe(entry: AuditEntry) -> str:
    """A short human summary of ``entry.details`` for the audit screen, e.g.
    ``"2 seats · Stalls A-1, Stalls A-2 · cash · 50.00 GBP"``."""
    d = entry.details or {}
    if entry.action == "sale":
        seats = d.get("seats") or []
        pays = ", ".join(p.get("method", "") for p in d.get("payments") or [])
        return (
            f"{len(seats)} seat{'s' if len(seats) != 1 else ''} · {', '.join(seats[:6])}"
            f"{'…' if len(seats) > 6 else ''} · {pays} · {_money(d.get('total_minor'), d.get('currency'))}"
        )
    if entry.action == "refund":
        return f"{_money(d.get('amount_minor'), d.get('currency'))} · {d.get('reason', '')}"
    if entry.action == "price_change":
        return "; ".join(
            f"{name}: {_money(c.get('old'))} → {_money(c.get('new'))}" for name, c in (d.get("prices") or {}).items()
        )
    if entry.action in ("seat_block", "seat_release"):
        seats = d.get("seats") or []
        reason = f" · {d['reason']}" if d.get("reason") else ""
        return f"{len(seats)} seats · {', '.join(seats[:6])}{'…' if len(seats) > 6 else ''}{reason}"
    first = [k for k in ("change", "method", "reason", "why") if k in d]
    keys = first + [k for k in d if k not in first]
    return " · ".join(f"{k}: {_plain(d[k])}" for k in keys if d[k] not in (None, "", [], {}))


def _plain(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _money(minor, currency: str | None = None) -> str:
    if minor is None:
        return "–"
    if currency:
        return format_money(int(minor), currency)
    major, cents = divmod(abs(int(minor)), 100)
    return f"{'-' if minor < 0 else ''}{major:,}.{cents:02d}"
