"""The people signed in at one till during one shift, each with their own database login.

A till connects to PostgreSQL as the person signed in (docs/security.md): signing in
opens a connection pool with that person's login and password, and every task of theirs
runs on it. Switching cashier at the lock screen switches pools. A PIN is a convenience
that never leaves the till: it is hashed (argon2id) in memory when a person who signed
in with their password chooses one, and it only switches back to someone who signed in
with their password on this till during this shift. Nothing of it is stored; a restart
or :meth:`TillSessions.sign_out` forgets it.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from boxoffice.db import migrate
from boxoffice.db.engine import login_url, make_engine, make_session_factory
from boxoffice.db.roles import login_role_name
from boxoffice.domain import passwords
from boxoffice.domain.errors import AccountInactiveError, DatabaseUnavailableError, SignInError
from boxoffice.domain.roles import Actor
from boxoffice.services import auth
from boxoffice.services.errors import unit_of_work

MAX_PIN_FAILURES = 5


@dataclass
class _Person:
    actor: Actor
    engine: Engine
    factory: sessionmaker[Session]
    pin_hash: str | None = None
    pin_failures: int = 0


class TillSessions:
    """Who has signed in at this till this shift, and their connection pools.

    ``url`` is the server's URL (its user and password, if any, are replaced by each
    person's). Thread-safe: the UI calls it from worker threads.
    """

    def __init__(self, url: str, *, pool_size: int = 2) -> None:
        self.url = url
        self.database = make_url(url).database or ""
        self.pool_size = pool_size
        self._people: dict[str, _Person] = {}
        self._lock = threading.Lock()

    def login_of(self, username: str) -> str:
        """The PostgreSQL login of ``username`` in this database."""
        return login_role_name(self.database, auth.normalise_username(username))

    def sign_in(
        self,
        *,
        username: str,
        password: str,
        till: str,
        permission: str | None = None,
        reason: str = "start",
        pin: str | None = None,
    ) -> Actor:
        """Connect as ``username``'s own login with ``password``, record the sign-in and
        return their Actor at ``till``. ``pin`` (4-8 digits), if given, lets them switch
        back later with it, on this till, this shift.

        Raises:
            SignInError: unknown name or wrong password (one message for both), or the
                role lacks ``permission``.
            AccountInactiveError: the account is deactivated.
            InvalidInputError: ``pin`` breaks the PIN rules.
            DatabaseUnavailableError: the server cannot be reached.
        """
        name = auth.normalise_username(username)
        if not name or not password:
            raise SignInError("Type your name and password.")
        if pin:
            passwords.check_pin_rules(pin)
        try:
            login = self.login_of(name)
        except ValueError:
            passwords.burn_time(password)
            raise SignInError("Unknown name or wrong password.") from None
        # application_name is where they work (the audit log's till column)
        engine = make_engine(login_url(self.url, login, password), application_name=till, pool_size=self.pool_size)
        factory = make_session_factory(engine)
        try:
            with factory() as session:
                actor = auth.signed_in(session, till=till, reason=reason, method="password", permission=permission)
                migrate.check_schema(session.connection())  # a till never migrates a shared server
        except DatabaseUnavailableError as exc:
            engine.dispose()
            raise _refusal(exc) from None
        except BaseException:
            engine.dispose()
            raise
        person = _Person(actor, engine, factory, passwords.hash_secret(pin) if pin else None)
        with self._lock:
            old = self._people.pop(name, None)
            self._people[name] = person
        if old is not None:
            old.engine.dispose()
        return actor

    def unlock(
        self, *, username: str, secret: str, till: str, permission: str | None = None, reason: str = "unlock"
    ) -> Actor:
        """At the lock screen: ``username`` continues (``reason`` ``"unlock"``) or takes over
        (``"switch"``) with their PIN (only if they signed in with their password here this
        shift) or their password. A wrong PIN is audited on the person's own connection.

        Raises:
            SignInError: wrong PIN or password, the PIN is locked after too many wrong
                tries, or the person has no PIN here and the secret is not their password.
            AccountInactiveError, DatabaseUnavailableError: as :meth:`sign_in`.
        """
        name = auth.normalise_username(username)
        with self._lock:
            person = self._people.get(name)
        if person is not None and person.pin_hash and passwords.looks_like_pin(secret):
            self._check_pin(person, name, secret, reason)
            with person.factory() as session:
                actor = auth.signed_in(session, till=till, reason=reason, method="pin", permission=permission)
            person.actor = actor
            return actor
        actor = self.sign_in(username=name, password=secret, till=till, permission=permission, reason=reason)
        if person is not None and person.pin_hash:
            with self._lock:  # they keep their PIN; the password also unlocks a locked one
                self._people[name].pin_hash = person.pin_hash
        return actor

    def _check_pin(self, person: _Person, name: str, pin: str, reason: str) -> None:
        """Accept ``pin`` for ``person`` or raise :class:`SignInError` (a wrong PIN is
        counted and audited on the person's own connection; five lock the PIN)."""
        if person.pin_failures >= MAX_PIN_FAILURES:
            raise SignInError("Too many wrong PINs: sign in with your password to use your PIN again.")
        if passwords.verify_secret(person.pin_hash or "", pin):
            person.pin_failures = 0
            return
        person.pin_failures += 1
        with person.factory() as session, unit_of_work(session):
            session.execute(
                text("SELECT bo_audit('sign_in_failed', :target, CAST(:details AS jsonb))"),
                {
                    "target": f"staff {name}",
                    "details": json.dumps({"method": "pin", "reason": reason, "why": "wrong_secret"}),
                },
            )
        raise SignInError("Wrong PIN.")

    def factory_by_pin(self, username: str, secret: str, *, reason: str = "override") -> sessionmaker[Session] | None:
        """The connection pool of ``username`` when ``secret`` is their PIN on this till
        this shift (e.g. a manager approving an override at a cashier's till); ``None``
        when they have no PIN here or ``secret`` is not a PIN (ask for the password).

        Raises:
            SignInError: a wrong PIN (counted and audited as at the lock screen).
        """
        name = auth.normalise_username(username)
        with self._lock:
            person = self._people.get(name)
        if person is None or not person.pin_hash or not passwords.looks_like_pin(secret):
            return None
        self._check_pin(person, name, secret, reason)
        return person.factory

    def set_pin(self, username: str, pin: str | None) -> None:
        """Give a person signed in this shift a PIN (``None``: remove it), in memory only.

        Raises:
            SignInError: they have not signed in with their password here.
            InvalidInputError: the PIN breaks the rules (4 to 8 digits).
        """
        if pin:
            passwords.check_pin_rules(pin)
        with self._lock:
            person = self._people.get(auth.normalise_username(username))
        if person is None:
            raise SignInError("Sign in with your password first.")
        person.pin_hash = passwords.hash_secret(pin) if pin else None
        person.pin_failures = 0

    def has_pin(self, username: str) -> bool:
        """Whether ``username`` can switch in with a PIN on this till now."""
        with self._lock:
            person = self._people.get(auth.normalise_username(username))
        return person is not None and person.pin_hash is not None

    def people(self) -> list[Actor]:
        """Everyone signed in at this till this shift, in sign-in order."""
        with self._lock:
            return [p.actor for p in self._people.values()]

    def session_factory(self, actor: Actor) -> sessionmaker[Session]:
        """The connection pool of ``actor`` (who must have signed in here).

        Raises:
            SignInError: ``actor`` has not signed in at this till (or signed out).
        """
        with self._lock:
            person = self._people.get(actor.username)
        if person is None:
            raise SignInError(f"{actor.display_name} is not signed in at this till.")
        return person.factory

    def url_of(self, actor: Actor) -> str:
        """The URL (with the password) of ``actor``'s connections, e.g. for the live feed."""
        with self._lock:
            person = self._people[actor.username]
        return person.engine.url.render_as_string(hide_password=False)

    def sign_out(self, username: str) -> None:
        """Forget ``username`` (their pool and PIN)."""
        with self._lock:
            person = self._people.pop(auth.normalise_username(username), None)
        if person is not None:
            person.engine.dispose()

    def close(self) -> None:
        """Forget everyone (end of the shift, the app closing)."""
        with self._lock:
            people, self._people = list(self._people.values()), {}
        for person in people:
            person.engine.dispose()


def _refusal(exc: DatabaseUnavailableError) -> Exception:
    """A failed connection as the person says why: a wrong password, a disabled login,
    or the server is down."""
    text = str(exc.__cause__ or exc)
    orig = getattr(exc.__cause__, "orig", None)
    message = str(orig or text)
    if "password authentication failed" in message or "does not exist" in message:
        return SignInError("Unknown name or wrong password.")
    if "not permitted to log in" in message:
        return AccountInactiveError("This account is deactivated. Ask an admin.")
    return exc
