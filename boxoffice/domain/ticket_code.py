"""Signed ticket codes carried by QR codes.

A code is 81 bytes, written in RFC 4648 base32 without padding (130 characters of
``A-Z2-7``, all in QR alphanumeric mode and safe for keyboard-wedge scanners)::

    offset size  field
    0      1     format version (1)
    1      2     key id: the enrolled device key (``device_key.id``) that signed the code
    3      4     showtime id
    7      8     ticket id
    15     2     code serial (bumped on reprint so older codes are void)
    17     64    Ed25519 signature (RFC 8032) over b"boxoffice-ticket\\0" + bytes 0..16

All integers are unsigned big-endian. Checking a code needs only the signing device's
public key, so door devices can verify offline and cannot mint tickets. Each till and
web server signs with its own key (migration 0010; before it the key id was the venue
id, whose public key stays enrolled as a *legacy* key so codes printed then still scan).
"""

from __future__ import annotations

import base64
import binascii
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from boxoffice.domain.errors import BoxOfficeError

FORMAT_VERSION = 1
_HEADER = struct.Struct(">BHIQH")
_CONTEXT = b"boxoffice-ticket\x00"
_SIGNATURE_SIZE = 64
CODE_BYTES = _HEADER.size + _SIGNATURE_SIZE


class TicketCodeError(BoxOfficeError):
    """A scanned code is unreadable, of an unknown format, or its signature does not verify."""

    code = "ticket_code_invalid"


@dataclass(frozen=True)
class TicketClaim:
    """What a verified code says: which ticket, of which showtime, signed by which key."""

    key_id: int
    showtime_id: int
    ticket_id: int
    serial: int


def new_key_pair() -> tuple[bytes, bytes]:
    """Create an Ed25519 key pair; returns ``(private_raw32, public_raw32)``."""
    private = Ed25519PrivateKey.generate()
    return private.private_bytes_raw(), private.public_key().public_bytes_raw()


def encode(claim: TicketClaim, private_key: bytes) -> str:
    """Sign ``claim`` with the raw 32-byte Ed25519 ``private_key``; returns the code text.

    Raises:
        ValueError: a field does not fit its size (e.g. a negative id).
    """
    try:
        header = _HEADER.pack(FORMAT_VERSION, claim.key_id, claim.showtime_id, claim.ticket_id, claim.serial)
    except struct.error as exc:
        raise ValueError(f"ticket claim does not fit the code format: {exc}") from None
    signature = Ed25519PrivateKey.from_private_bytes(private_key).sign(_CONTEXT + header)
    return base64.b32encode(header + signature).decode("ascii").rstrip("=")


def peek_key_id(code: str) -> int:
    """Read the key id of ``code`` without verifying it, to choose the public key.

    Raises:
        TicketCodeError: the text is not a code of a known format.
    """
    return _split(code)[1][1]


def decode(code: str, public_key: bytes) -> TicketClaim:
    """Verify ``code`` against the raw 32-byte Ed25519 ``public_key`` and return its claim.

    Whitespace around the code and lower case (some scanners) are accepted.

    Raises:
        TicketCodeError: unreadable, unknown format, or the signature does not verify
            (a changed byte, or another key's signature).
    """
    raw, fields = _split(code)
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(raw[_HEADER.size :], _CONTEXT + raw[: _HEADER.size])
    except InvalidSignature:
        raise TicketCodeError("The ticket code's signature is not valid (forged or altered)") from None
    _, key_id, showtime_id, ticket_id, serial = fields
    return TicketClaim(key_id=key_id, showtime_id=showtime_id, ticket_id=ticket_id, serial=serial)


def _split(code: str) -> tuple[bytes, tuple[int, int, int, int, int]]:
    text = (code or "").strip().upper()
    padded = text + "=" * (-len(text) % 8)
    try:
        raw = base64.b32decode(padded)
    except (binascii.Error, ValueError):
        raise TicketCodeError("The code is not a boxoffice ticket code (unreadable)") from None
    if len(raw) != CODE_BYTES:
        raise TicketCodeError("The code is not a boxoffice ticket code (wrong length)")
    fields = _HEADER.unpack(raw[: _HEADER.size])
    if fields[0] != FORMAT_VERSION:
        raise TicketCodeError(f"Unknown ticket code format version {fields[0]}")
    return raw, fields
