"""Automatic backups of the embedded default into ``<data dir>/backups``.

The app takes one when it starts and no automatic backup exists from today (on a
background thread, :data:`START_DELAY_MS` after the database opened, so it does not
compete with loading the first seat map), and one when it closes cleanly (after the
window is gone, so closing feels instant). Automatic backups are named
``auto-YYYY-MM-DD-HHMMSS.dump`` (local time); rotation keeps the newest one of each of
the last :data:`KEEP_DAYS` days that have one and deletes the rest. Hand-made backups
(``boxoffice backup``, named ``boxoffice-…``) are never rotated. Failures are logged,
never raised: a backup must not stop a till from selling.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import threading
from pathlib import Path

from boxoffice.config import Settings
from boxoffice.db.backup import SUFFIX, BackupResult, backup_database
from boxoffice.db.backup_logins import logins_path

log = logging.getLogger(__name__)
KEEP_DAYS = 14
START_DELAY_MS = 20_000
AUTO_PREFIX = "auto-"
_AUTO_RE = re.compile(r"^auto-(\d{4}-\d{2}-\d{2})-(\d{6})\.dump$")


def backups_dir(settings: Settings) -> Path:
    """Where backups of the embedded database go: ``<data dir>/backups``."""
    return settings.data_dir / "backups"


def backup_name(prefix: str, now: dt.datetime) -> str:
    """A backup file name for ``now`` (local time), e.g. ``auto-2026-11-30-093000.dump``."""
    return f"{prefix}{now:%Y-%m-%d-%H%M%S}{SUFFIX}"


def auto_backups(folder: Path) -> list[tuple[dt.date, Path]]:
    """The automatic backups in ``folder`` with their days, oldest first."""
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            match = _AUTO_RE.match(path.name)
            if match:
                found.append((dt.date.fromisoformat(match.group(1)), path))
    return sorted(found, key=lambda item: item[1].name)


def rotate(folder: Path, keep_days: int = KEEP_DAYS) -> list[Path]:
    """Keep the newest automatic backup of each of the newest ``keep_days`` days that have
    one; delete the others. Returns the deleted files."""
    newest: dict[dt.date, Path] = {}
    for day, path in auto_backups(folder):
        newest[day] = path  # sorted oldest first: the last one of a day wins
    kept = {newest[day] for day in sorted(newest)[-keep_days:]}
    deleted = []
    for _day, path in auto_backups(folder):
        if path not in kept:
            path.unlink(missing_ok=True)
            logins_path(path).unlink(missing_ok=True)
            deleted.append(path)
    return deleted


def take_auto_backup(url: str, folder: Path, *, now: dt.datetime | None = None) -> BackupResult | None:
    """Back up ``url`` into ``folder`` as an automatic backup and rotate; ``None`` (and a
    log line) if it failed."""
    now = now or dt.datetime.now()
    try:
        result = backup_database(url, folder / backup_name(AUTO_PREFIX, now), logins=True)
    except Exception as exc:  # noqa: BLE001 - a backup must never stop the till
        log.warning("automatic backup failed: %s", exc)
        return None
    log.info("automatic backup %s (%d bytes, %.1f s)", result.path, result.size, result.seconds)
    rotate(folder)
    return result


def daily_backup_due(folder: Path, today: dt.date | None = None) -> bool:
    """Whether ``folder`` has no automatic backup from ``today`` (default: today)."""
    today = today or dt.date.today()
    return all(day != today for day, _path in auto_backups(folder))


def start_daily_backup(settings: Settings, url: str) -> threading.Thread | None:
    """If no automatic backup exists from today, take one on a background thread (returned,
    so shutdown can wait for it); else ``None``."""
    folder = backups_dir(settings)
    if not daily_backup_due(folder):
        return None
    thread = threading.Thread(target=take_auto_backup, args=(url, folder), name="daily-backup", daemon=True)
    thread.start()
    return thread


def backup_on_shutdown(settings: Settings, url: str, *, running: threading.Thread | None = None) -> None:
    """The clean-shutdown backup: waits for a daily backup still ``running``, then takes
    one more (the day's newest state). Never raises."""
    if running is not None:
        running.join(timeout=120)
    take_auto_backup(url, backups_dir(settings))
