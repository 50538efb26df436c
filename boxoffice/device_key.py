"""This device's ticket-signing key: an Ed25519 key pair made on first use, whose private
half never leaves the device (docs/security.md, "Device keys").

The key lives in ``<data dir>/device-key.pem`` (PKCS #8 PEM, unencrypted), readable and
writable by this OS user only (mode 0600; on Windows the user profile's ACL). It is
created atomically: written to a temporary file of mode 0600, flushed, then linked into
place, so two processes starting at once (a till and ``boxoffice web`` on one machine)
end up with the same one key, and a crash never leaves half a key. A key file other
users could read is refused, as ssh refuses one.

Why a file and not the OS keyring: tills, door stations and web servers run as a
dedicated OS user, often headless (no desktop keyring session to unlock, Secret Service
needs a D-Bus login session); the file's permissions draw the same line the keyring
would (this OS user), it survives reinstalling the app, and it is what ssh and TLS
servers do. A stolen key is dealt with by revoking it (``boxoffice device revoke``).

The database only ever sees the public half (``device_key``, migration 0010). No Qt, no
database here.
"""

from __future__ import annotations

import contextlib
import functools
import os
import stat
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from boxoffice.domain import ticket_code
from boxoffice.domain.errors import DeviceKeyFileError

KEY_FILE_NAME = "device-key.pem"


@dataclass(frozen=True)
class DeviceKey:
    """A device's key pair. ``public_key`` is the raw 32-byte Ed25519 public key (what
    ``device_key.public_key`` holds once enrolled); ``path`` is the key file (``None``
    for a key that only lives in memory, e.g. in tests)."""

    public_key: bytes
    path: Path | None
    _private: Ed25519PrivateKey = field(repr=False, compare=False)

    @classmethod
    def generate(cls, path: Path | None = None) -> DeviceKey:
        """A new key pair in memory (not saved)."""
        private = Ed25519PrivateKey.generate()
        return cls(private.public_key().public_bytes_raw(), path, private)

    def sign(self, claim: ticket_code.TicketClaim) -> str:
        """The signed ticket code of ``claim`` (whose ``key_id`` must be this key's
        enrolled id). Raises ValueError as :func:`boxoffice.domain.ticket_code.encode`."""
        return ticket_code.encode(claim, self._private.private_bytes_raw())

    def public_pem(self) -> str:
        """The public key as PEM (SubjectPublicKeyInfo), to hand to a manager."""
        return (
            self._private.public_key()
            .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
            .decode("ascii")
        )

    @property
    def fingerprint(self) -> str:
        """The public key in hex, grouped for reading aloud (``"3f2a 9c01 …"``)."""
        h = self.public_key.hex()
        return " ".join(h[i : i + 4] for i in range(0, len(h), 4))


def load_or_create(path: Path) -> DeviceKey:
    """The key pair in ``path``, made (and saved, mode 0600) if the file does not exist.

    Raises:
        DeviceKeyFileError: the file is readable by other users (POSIX), is not an
            Ed25519 private key, or cannot be read or written (the message says which).
    """
    path = Path(path)
    try:
        return _load(path)
    except FileNotFoundError:
        pass
    key = DeviceKey.generate(path)
    pem = key._private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    try:
        _create_exclusively(path, pem)
    except FileExistsError:  # another process made it first: use theirs
        return _load(path)
    except OSError as exc:
        raise DeviceKeyFileError(f"Cannot write this device's ticket key {path}: {exc.strerror or exc}") from exc
    return key


def public_key_from_pem(data: bytes) -> bytes:
    """The raw 32-byte Ed25519 public key in PEM ``data`` (a public key, or a private key
    file, whose public half is taken).

    Raises:
        DeviceKeyFileError: not an Ed25519 key in PEM.
    """
    try:
        if b"PRIVATE KEY" in data:
            private = serialization.load_pem_private_key(data, password=None)
            if not isinstance(private, Ed25519PrivateKey):
                raise ValueError("not Ed25519")
            return private.public_key().public_bytes_raw()
        public = serialization.load_pem_public_key(data)
        return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    except (ValueError, TypeError, AttributeError):
        raise DeviceKeyFileError("That is not an Ed25519 key in PEM form (boxoffice device key prints one).") from None


@functools.cache
def _cached(path: Path) -> DeviceKey:
    return load_or_create(path)


def this_device(data_dir: Path | None = None) -> DeviceKey:
    """This device's key: ``<data_dir>/device-key.pem`` (default: the settings' data
    directory, ``BOXOFFICE_DATA_DIR`` or the platform's), made on first use and then
    kept in memory for the life of the process. Raises as :func:`load_or_create`."""
    if data_dir is None:
        from boxoffice.config import Settings

        data_dir = Settings.from_env().data_dir
    return _cached(Path(data_dir).resolve() / KEY_FILE_NAME)


def forget_cached_keys() -> None:
    """Drop the keys :func:`this_device` keeps in memory (after replacing a key file)."""
    _cached.cache_clear()


def replace(path: Path) -> DeviceKey:
    """A new key pair in ``path``, the old file (if any) kept as ``<name>.old-<n>``:
    for a device whose key was revoked. Raises DeviceKeyFileError."""
    path = Path(path)
    if path.exists():
        n = 1
        while path.with_name(f"{path.name}.old-{n}").exists():
            n += 1
        path.rename(path.with_name(f"{path.name}.old-{n}"))
    forget_cached_keys()
    return load_or_create(path)


def _load(path: Path) -> DeviceKey:
    try:
        with open(path, "rb") as f:
            info = os.fstat(f.fileno())
            if sys.platform != "win32" and info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
                raise DeviceKeyFileError(
                    f"This device's ticket key {path} can be read by other users; "
                    f"make it private (chmod 600 {path}) or remove it to make a new one."
                )
            data = f.read()
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise DeviceKeyFileError(f"Cannot read this device's ticket key {path}: {exc.strerror or exc}") from exc
    try:
        private = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError):
        raise DeviceKeyFileError(f"{path} is not a readable private key; move it aside to make a new one.") from None
    if not isinstance(private, Ed25519PrivateKey):
        raise DeviceKeyFileError(f"{path} is not an Ed25519 key; move it aside to make a new one.")
    return DeviceKey(private.public_key().public_bytes_raw(), path, private)


def _create_exclusively(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` (mode 0600) so that it appears whole or not at all and
    never replaces an existing file. Raises FileExistsError if ``path`` exists."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)  # mode 0600
    try:
        with os.fdopen(fd, "wb") as f:
            if hasattr(os, "fchmod"):
                os.fchmod(f.fileno(), 0o600)
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.link(tmp, path)  # atomic, and fails if path exists (os.replace would overwrite)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    if hasattr(os, "O_DIRECTORY"):
        with contextlib.suppress(OSError):
            dir_fd = os.open(path.parent, os.O_DIRECTORY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
