"""Enrolled device keys: which public keys may sign ticket codes (migration 0010,
docs/security.md "Device keys").

Each till, door and web server signs with its own Ed25519 key (:mod:`boxoffice.device_key`);
the database holds the public keys, by key id (the 2-byte key id in a ticket code).
Enrolling and revoking need the ``setup`` permission (managers, admins) or the system
principal; the database checks it (``bo_device_enrol`` / ``bo_device_revoke``).
Reading the public keys is open to every login: they are public.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from boxoffice.device_key import DeviceKey
from boxoffice.domain.errors import InvalidInputError, NotFoundError
from boxoffice.domain.roles import SETUP
from boxoffice.services.auth import authorize
from boxoffice.services.errors import unit_of_work

NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,59}$")


@dataclass(frozen=True)
class EnrolledKey:
    """A row of ``device_key``. ``legacy``: a venue's key from before migration 0010
    (key id = venue id), kept so codes printed before the upgrade still admit. Times are
    aware (UTC); ``enrolled_by``/``revoked_by`` are usernames (``None``: the system)."""

    id: int
    name: str
    public_key: bytes
    legacy: bool
    enrolled_at: dt.datetime
    enrolled_by: str | None
    revoked_at: dt.datetime | None
    revoked_by: str | None

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None


def device_name(raw: str) -> str:
    """``raw`` (e.g. a host name) made into a valid device name: runs of other characters
    become ``-``, at most 60 characters; ``"device"`` if nothing is left."""
    name = re.sub(r"[^A-Za-z0-9._:-]+", "-", raw or "").strip("-._:")[:60]
    return name or "device"


def _check_name(name: str) -> str:
    name = (name or "").strip()
    if not NAME_PATTERN.match(name):
        raise InvalidInputError(
            "A device name is 1 to 60 letters, digits, dots, colons, underscores or dashes, "
            "starting with a letter or digit."
        )
    return name


def enrol(session: Session, *, name: str, public_key: bytes) -> int:
    """Enrol ``public_key`` (raw 32-byte Ed25519) as device ``name``; returns its key id.
    Enrolling the same name and key again returns the same id.

    Raises:
        InvalidInputError: a bad name or key; the key is enrolled under another name or
            was revoked; the name is in use by another unrevoked key.
        PermissionDeniedError: the caller may not set up the house.
    """
    authorize(session, SETUP)
    name = _check_name(name)
    if len(public_key) != 32:
        raise InvalidInputError("A device key is a 32-byte Ed25519 public key.")
    with unit_of_work(session):
        return session.execute(text("SELECT bo_device_enrol(:n, :k)"), {"n": name, "k": public_key}).scalar_one()


def revoke(session: Session, *, name: str) -> int:
    """Revoke device ``name``'s key: codes it signed stop admitting (online at once,
    offline doors at their next refresh) and it cannot sign again. Returns the key id.

    Raises:
        NotFoundError: no unrevoked device of that name.
        PermissionDeniedError: the caller may not set up the house.
    """
    authorize(session, SETUP)
    name = _check_name(name)
    with unit_of_work(session):
        found = session.execute(
            text("SELECT 1 FROM device_key WHERE name = :n AND revoked_at IS NULL"), {"n": name}
        ).first()
        if found is None:
            raise NotFoundError(f"No enrolled device is named {name!r} (boxoffice device list shows them).")
        return session.execute(text("SELECT bo_device_revoke(:n)"), {"n": name}).scalar_one()


def list_keys(session: Session) -> list[EnrolledKey]:
    """Every enrolled key, revoked ones too, by key id."""
    with unit_of_work(session):
        rows = session.execute(
            text("""
            SELECT k.id, k.name, k.public_key, k.legacy, k.enrolled_at, e.username, k.revoked_at, r.username
            FROM device_key k LEFT JOIN staff e ON e.id = k.enrolled_by LEFT JOIN staff r ON r.id = k.revoked_by
            ORDER BY k.id""")
        ).all()
    return [EnrolledKey(r[0], r[1], bytes(r[2]), r[3], r[4], r[5], r[6], r[7]) for r in rows]


def public_keys(session: Session) -> dict[int, bytes]:
    """The enrolled, unrevoked public keys by key id: what a door verifies codes with."""
    with unit_of_work(session):
        rows = session.execute(text("SELECT id, public_key FROM device_key WHERE revoked_at IS NULL")).all()
    return {r[0]: bytes(r[1]) for r in rows}


def enrolled_id(session: Session, key: DeviceKey) -> int | None:
    """``key``'s key id if it is enrolled and not revoked, else ``None``."""
    with unit_of_work(session):
        return session.execute(
            text("SELECT id FROM device_key WHERE public_key = :k AND revoked_at IS NULL"), {"k": key.public_key}
        ).scalar_one_or_none()


def ensure_enrolled(session: Session, *, name: str, key: DeviceKey) -> int:
    """As the system principal on a single-machine set-up (the embedded server): enrol
    this device's ``key`` unless it is enrolled; returns its key id. When ``name`` is
    taken by another key (a data directory restored without its key), the key is
    enrolled as ``<name>-<first 6 hex digits of the key>``.

    Raises:
        InvalidInputError: the key was revoked (make a new one: ``boxoffice device key --new``).
        PermissionDeniedError: not the system principal or a manager.
    """
    found = enrolled_id(session, key)
    if found is not None:
        return found
    name = device_name(name)
    taken = {k.name for k in list_keys(session) if not k.revoked}
    if name in taken:
        name = f"{name[:53]}-{key.public_key.hex()[:6]}"
    return enrol(session, name=name, public_key=key.public_key)
