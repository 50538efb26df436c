"""Password and PIN hashing (argon2id through argon2-cffi) and the rules they follow.

Hashes are PHC strings (``$argon2id$v=19$m=65536,t=3,p=4$<salt>$<hash>``) with a random
salt each; the parameters are argon2-cffi's defaults (RFC 9106 low-memory profile,
about 0.1-0.2 s per hash on a desktop), so guessing offline is slow. A hash made with
older parameters still verifies; :func:`needs_rehash` tells when to store a new one.

Rules: a password has 8 to 200 characters; a PIN is 4 to 8 digits (for switching the
cashier at a shared till; it never opens a fresh session, see docs/staff-and-audit.md).
"""

from __future__ import annotations

import functools

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from boxoffice.domain.errors import InvalidInputError

MIN_PASSWORD = 8
MAX_PASSWORD = 200
PIN_DIGITS = (4, 8)

_hasher = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    """Verified when a name is unknown, so that an unknown name costs as long as a wrong
    password and the time taken does not tell which names exist (made on first use, not
    at import: a hash takes a noticeable fraction of a second)."""
    return _hasher.hash("not a password of anyone")


def check_password_rules(password: str) -> None:
    """Raise unless ``password`` is acceptable.

    Raises:
        InvalidInputError: shorter than 8 or longer than 200 characters.
    """
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise InvalidInputError(f"A password needs at least {MIN_PASSWORD} characters.")
    if len(password) > MAX_PASSWORD:
        raise InvalidInputError(f"A password can have at most {MAX_PASSWORD} characters.")


def check_pin_rules(pin: str) -> None:
    """Raise unless ``pin`` is 4 to 8 digits.

    Raises:
        InvalidInputError: anything else.
    """
    low, high = PIN_DIGITS
    if not isinstance(pin, str) or not pin.isascii() or not pin.isdigit() or not low <= len(pin) <= high:
        raise InvalidInputError(f"A PIN is {low} to {high} digits.")


def looks_like_pin(secret: str) -> bool:
    """Whether ``secret`` could be a PIN (4 to 8 ASCII digits)."""
    low, high = PIN_DIGITS
    return secret.isascii() and secret.isdigit() and low <= len(secret) <= high


def hash_secret(secret: str) -> str:
    """A new argon2id hash of ``secret`` (a password or PIN already checked by the rules)."""
    return _hasher.hash(secret)


def verify_secret(stored_hash: str | None, secret: str) -> bool:
    """Whether ``secret`` matches ``stored_hash``. ``None`` or a malformed hash never
    matches (it still takes as long as a real check)."""
    if not stored_hash:
        _burn(secret)
        return False
    try:
        return _hasher.verify(stored_hash, secret)
    except VerifyMismatchError:
        return False
    except (InvalidHashError, VerificationError):
        _burn(secret)
        return False


def needs_rehash(stored_hash: str) -> bool:
    """Whether ``stored_hash`` was made with parameters other than today's."""
    try:
        return _hasher.check_needs_rehash(stored_hash)
    except (InvalidHashError, ValueError):
        return True


def burn_time(secret: str) -> None:
    """Spend as long as a verification (for unknown names)."""
    _burn(secret)


def _burn(secret: str) -> None:
    try:
        _hasher.verify(_dummy_hash(), secret)
    except VerificationError:
        pass
