"""A till's default printers and receipt rule, kept in the data directory (no Qt).

The settings live in ``<data dir>/printers.json``, one entry per till name (several tills
may share a machine's data directory), and are edited in Sale → Settings…:

* ``ticket_printer`` / ``receipt_printer``: the printer that tickets / receipts go to
  after each sale without a dialog (a system printer's name, or ``"pdf:<folder>"`` to
  write PDF files into a folder); ``None``: ask with the print dialog;
* ``ticket_layout`` / ``receipt_layout``: ``"roll80"`` or ``"a4"``;
* ``receipt_methods``: a sale paid with any of these tenders gets a receipt unless the
  cashier unticks it (default: card and exchange; cash sales on request).

A document that could not be printed is kept under ``<data dir>/unprinted/``
(:func:`keep_unprinted`) so the cashier can print it later.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

SETTINGS_FILE = "printers.json"
UNPRINTED_DIR = "unprinted"
PDF_FOLDER = "pdf:"
"""Prefix of a printer name that writes PDF files into the folder after it."""
DEFAULT_RECEIPT_METHODS = frozenset({"card", "exchange"})

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TillPrinters:
    """One till's printing settings (see the module docstring)."""

    ticket_printer: str | None = None
    receipt_printer: str | None = None
    ticket_layout: str = "roll80"
    receipt_layout: str = "roll80"
    receipt_methods: frozenset[str] = field(default_factory=lambda: DEFAULT_RECEIPT_METHODS)

    def as_json(self) -> dict:
        """The settings as stored (methods as a sorted list)."""
        data = asdict(self)
        data["receipt_methods"] = sorted(self.receipt_methods)
        return data

    @classmethod
    def from_json(cls, data: dict) -> TillPrinters:
        """Settings from their stored form; unknown keys are ignored, bad values fall
        back to the defaults."""
        defaults = cls()
        layouts = ("roll80", "a4")

        def name(key: str) -> str | None:
            value = data.get(key)
            return value.strip() or None if isinstance(value, str) else None

        def layout(key: str) -> str:
            value = data.get(key)
            return value if value in layouts else getattr(defaults, key)

        methods = data.get("receipt_methods")
        return cls(
            ticket_printer=name("ticket_printer"),
            receipt_printer=name("receipt_printer"),
            ticket_layout=layout("ticket_layout"),
            receipt_layout=layout("receipt_layout"),
            receipt_methods=frozenset(str(m) for m in methods)
            if isinstance(methods, list)
            else defaults.receipt_methods,
        )


def _path(data_dir: Path) -> Path:
    return Path(data_dir) / SETTINGS_FILE


def _read_all(data_dir: Path) -> dict:
    try:
        data = json.loads(_path(data_dir).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("cannot read %s (%s); using the default printers", _path(data_dir), exc)
        return {}
    return data if isinstance(data, dict) else {}


def load(data_dir: Path, till: str) -> TillPrinters:
    """Till ``till``'s settings from ``data_dir`` (defaults when there are none, or the
    file is unreadable)."""
    entry = _read_all(data_dir).get("tills", {}).get(till)
    return TillPrinters.from_json(entry) if isinstance(entry, dict) else TillPrinters()


def save(data_dir: Path, till: str, printers: TillPrinters) -> Path:
    """Store ``printers`` as till ``till``'s settings (other tills' entries are kept);
    the file is replaced atomically. Returns its path.

    Raises:
        OSError: the data directory cannot be written.
    """
    data = _read_all(data_dir)
    tills = data.get("tills")
    if not isinstance(tills, dict):
        tills = {}
    tills[till] = printers.as_json()
    data["tills"] = tills
    path = _path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path


def receipt_by_default(methods: Iterable[str], printers: TillPrinters) -> bool:
    """Whether a sale paid with ``methods`` (tender methods, e.g. ``["cash", "card"]``)
    gets a receipt unless the cashier says otherwise: when any of them is one of the
    till's ``receipt_methods`` (default card and exchange)."""
    return any(m in printers.receipt_methods for m in methods)


def keep_unprinted(data_dir: Path, name: str, pdf: bytes, *, now: dt.datetime | None = None) -> Path:
    """Save ``pdf`` as ``<data dir>/unprinted/<name>-<YYYYmmdd-HHMMSS>.pdf`` (``name``
    made safe for a file name, e.g. ``"receipt-BO-001001"``) and return the path.

    Raises:
        OSError: the folder cannot be written.
    """
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._-") or "document"
    folder = Path(data_dir) / UNPRINTED_DIR
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{safe}-{stamp}.pdf"
    n = 1
    while path.exists():
        n += 1
        path = folder / f"{safe}-{stamp}-{n}.pdf"
    path.write_bytes(pdf)
    return path
