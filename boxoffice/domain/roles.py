"""Staff roles, what each may do, and the acting principal of a use case.

Pure rules: no Qt, no database. The services enforce them (``services/auth.authorize``);
the UI only uses them to decide which menus to show.

Roles (docs/staff-and-audit.md has the full table):

``cashier``  sell at the counter, refund their own sales, print tickets again
``door``     scan tickets at the door, nothing else
``manager``  everything a cashier does, plus refund anyone's sale and override the refund
             window, set up venues / plans / shows / showtimes, prices, block seats,
             reports, the audit log; may also work the door
``admin``    everything a manager does, plus staff accounts

An :class:`Actor` with role ``system`` is a trusted in-process principal (the command
line on the server, tests): it may do everything its database login may. A Session
without an actor counts as the system principal too (see ``services/auth``). The
database holds the same table (``role_permission``, migration 0009) and is the authority:
these rules only give clear messages before a round trip.
"""

from __future__ import annotations

from dataclasses import dataclass

ROLES = ("cashier", "door", "manager", "admin")
SYSTEM_ROLE = "system"

# Permissions (stable strings, also used in error details and the docs).
SELL = "sell"  # hold, release and sell seats at the counter
REFUND_OWN = "refund_own"  # refund an order one sold oneself, before the show starts
REFUND_ANY = "refund_any"  # refund anyone's order (and a web booking)
OVERRIDE = "override"  # step outside the usual rules, e.g. refund after the start
REPRINT = "reprint"  # print an order's tickets again
SCAN = "scan"  # admit tickets at the door
SETUP = "setup"  # venues, seating plans, shows, showtimes
PRICES = "prices"  # change prices
BLOCK = "block"  # block seats and release them back to sale
REPORTS = "reports"  # the day's figures
AUDIT = "audit"  # browse and export the audit log
ACCOUNTS = "accounts"  # staff accounts
COMP = "comp"  # give complimentary tickets (cashiers need a manager's override)

PERMISSIONS = (
    SELL,
    REFUND_OWN,
    REFUND_ANY,
    OVERRIDE,
    REPRINT,
    SCAN,
    SETUP,
    PRICES,
    BLOCK,
    REPORTS,
    AUDIT,
    ACCOUNTS,
    COMP,
)

_CASHIER = frozenset({SELL, REFUND_OWN, REPRINT})
_MANAGER = _CASHIER | {REFUND_ANY, OVERRIDE, SCAN, SETUP, PRICES, BLOCK, REPORTS, AUDIT, COMP}
ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    "cashier": _CASHIER,
    "door": frozenset({SCAN}),
    "manager": frozenset(_MANAGER),
    "admin": frozenset(_MANAGER | {ACCOUNTS}),
    SYSTEM_ROLE: frozenset(PERMISSIONS),
}

ROLE_LABELS = {"cashier": "Cashier", "door": "Door", "manager": "Manager", "admin": "Admin", SYSTEM_ROLE: "System"}

PERMISSION_LABELS = {
    SELL: "sell tickets",
    REFUND_OWN: "refund your own sales",
    REFUND_ANY: "refund other people's sales",
    OVERRIDE: "override the rules",
    REPRINT: "print tickets again",
    SCAN: "scan tickets at the door",
    SETUP: "set up venues and showtimes",
    PRICES: "change prices",
    BLOCK: "block seats",
    REPORTS: "read reports",
    AUDIT: "read the audit log",
    ACCOUNTS: "manage staff accounts",
    COMP: "give complimentary tickets",
}


def can(role: str, permission: str) -> bool:
    """Whether ``role`` (one of :data:`ROLES` or ``"system"``) has ``permission``.
    Unknown roles and permissions have nothing."""
    return permission in ROLE_PERMISSIONS.get(role, frozenset())


@dataclass(frozen=True)
class Actor:
    """Who is acting: a signed-in staff member at a till, or a system principal.

    ``staff_id`` is the ``staff`` row (``None`` for a system principal); ``username`` is
    the sign-in name (lower case); ``display_name`` is for people; ``role`` is one of
    :data:`ROLES` or ``"system"``; ``till`` names where they act (e.g. ``"till:front-1"``),
    recorded in the audit log. ``login`` is their PostgreSQL login role
    (``"<database>_<username>"``, ``boxoffice.db.roles.login_role_name``); empty for a
    system principal. The database knows who acts from the login alone.
    """

    staff_id: int | None
    username: str
    display_name: str
    role: str
    till: str = ""
    login: str = ""

    @classmethod
    def system(cls, name: str = "system", *, till: str = "") -> Actor:
        """A trusted in-process principal (e.g. ``Actor.system("system:cli")``)."""
        return cls(None, name, name, SYSTEM_ROLE, till)

    @property
    def is_system(self) -> bool:
        """Whether this is a system principal rather than a staff member."""
        return self.role == SYSTEM_ROLE

    def can(self, permission: str) -> bool:
        """Whether this actor's role has ``permission``."""
        return can(self.role, permission)

    def at(self, till: str) -> Actor:
        """The same person acting at ``till``."""
        return Actor(self.staff_id, self.username, self.display_name, self.role, till, self.login)

    def describe(self) -> str:
        """E.g. ``"Cara Cashier (cashier)"``."""
        return f"{self.display_name} ({self.role})"
