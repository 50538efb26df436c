"""Domain errors: each has a stable ``code`` (for logs, APIs and tests) and a human message.

Services raise these; the UI shows ``str(error)`` to the user and the CLI prints it as one
line. Database errors raised by the contract functions (SQLSTATE ``BO001``...) are
translated into these by :func:`boxoffice.services.errors.translate`.
"""

from __future__ import annotations


class BoxOfficeError(Exception):
    """Base of all domain errors. ``code`` is stable; the message is for people."""

    code = "error"

    def __init__(self, message: str, **details: object) -> None:
        super().__init__(message)
        self.details = details


class SeatUnavailableError(BoxOfficeError):
    """One or more seats are held by someone else, sold or blocked (SQLSTATE BO001).

    ``details['seat_ids']`` lists the seats that could not be held.
    """

    code = "seat_unavailable"


class HoldExpiredError(BoxOfficeError):
    """The basket's hold on some seats is gone (expired or released) (SQLSTATE BO002)."""

    code = "hold_expired"


class NotOnSaleError(BoxOfficeError):
    """The showtime is not on sale (SQLSTATE BO003): ``details['reason']`` is
    ``cancelled``, ``off_sale``, ``not_yet`` (before its on-sale time) or ``closed``
    (after its off-sale time), when known."""

    code = "not_on_sale"


class ScheduleConflictError(BoxOfficeError):
    """A showtime would overlap another one in the same venue (its start to its start
    plus the show's running time). ``details['conflicts']`` may list the other showtimes
    as ``(showtime id, title, starts_at)``."""

    code = "schedule_conflict"


class InvalidInputError(BoxOfficeError):
    """Input that can never succeed: an impossible amount, an empty basket, a bad file."""

    code = "invalid_input"


class TicketTypeNotSoldError(InvalidInputError):
    """A ticket type has no price in a seat's category for this showtime (SQLSTATE
    BO014), or it is switched off: ``details['seat_ids']`` lists the seats."""

    code = "ticket_type_not_sold"


class PaymentError(BoxOfficeError):
    """A payment cannot be taken as given, e.g. cash tendered below the total."""

    code = "payment_error"


class OverrideRequiredError(PaymentError):
    """A complimentary tender by someone without the ``comp`` permission needs a
    manager's override, and none (or a used or expired one) was given (SQLSTATE BO074,
    BO075). ``details['reason']`` is ``"missing"`` or ``"invalid"``."""

    code = "override_required"


class NotFoundError(BoxOfficeError):
    """A referenced record (showtime, order, venue...) does not exist."""

    code = "not_found"


class SchemaMismatchError(BoxOfficeError):
    """The database's schema is older or newer than this program: a till never migrates a
    shared server itself. The message names the command to run (``boxoffice db upgrade``
    as the owner, or installing the matching boxoffice)."""

    code = "schema_mismatch"


class DatabaseUnavailableError(BoxOfficeError):
    """The database cannot be reached or the connection dropped mid-operation.

    Whatever the operation was doing was rolled back; it is safe to retry.
    """

    code = "database_unavailable"


class BusyError(BoxOfficeError):
    """A lock could not be had within ``lock_timeout``; another till is working on the
    same seats. Retrying in a moment usually succeeds."""

    code = "busy"


class StatementTimeoutError(BoxOfficeError):
    """The database cancelled a statement that ran past its ``statement_timeout`` (or an
    administrator cancelled it). Whatever the operation was doing was rolled back; the
    connection is fine. Not a lost connection: retrying may take as long again."""

    code = "timeout"


class PlanImportError(BoxOfficeError):
    """A seating plan file was refused; ``details['where']`` is a JSON path to the problem."""

    code = "plan_invalid"


class BookingStateError(BoxOfficeError):
    """A booking is not in a state that allows the operation, e.g. cancelling a
    confirmed booking or refunding a pending one (SQLSTATE BO005)."""

    code = "booking_state"


class BookingExpiredError(BoxOfficeError):
    """A pending booking lapsed before it was paid; its seats are free again (BO006)."""

    code = "booking_expired"


class RefundNotAllowedError(BoxOfficeError):
    """The refund policy does not allow a refund any more (too close to the start)."""

    code = "refund_not_allowed"


class WebhookSignatureError(BoxOfficeError):
    """A payment webhook's signature header is missing, malformed, stale or wrong."""

    code = "webhook_signature_invalid"


class WebhookPayloadError(BoxOfficeError):
    """A correctly signed webhook whose body is not an event we understand."""

    code = "webhook_payload_invalid"


class PermissionDeniedError(BoxOfficeError):
    """The acting staff member's role does not allow the operation (or nobody is signed
    in at a till that requires it). ``details['permission']`` names what was missing,
    ``details['role']`` the actor's role. Nothing was done."""

    code = "permission_denied"


class SignInError(BoxOfficeError):
    """A sign-in was refused: unknown name, wrong password or PIN (the message does not
    say which), a PIN locked after too many wrong tries, or a role that cannot work here."""

    code = "sign_in_failed"


class AccountInactiveError(SignInError):
    """The staff account is deactivated (SQLSTATE BO011 when it was deactivated while
    signed in: its next transaction is refused)."""

    code = "account_inactive"


class AuditLogAppendOnlyError(BoxOfficeError):
    """Something tried to change or delete audit rows; the database refuses (BO010)."""

    code = "audit_append_only"


class PlanVersionConflictError(BoxOfficeError):
    """Someone saved a newer version of the seating plan after the one being edited was
    opened, so saving would silently drop their changes. ``details``: ``based_on_version``,
    ``newest_version``, ``newest_plan_id``, ``saved_by`` (username or ``None``),
    ``saved_at`` (ISO time). Nothing was saved."""

    code = "plan_version_conflict"


class PlanMigrationRefusedError(BoxOfficeError):
    """A showtime cannot move to another seating plan version because sold or held seats
    would move, change section or label, or disappear. ``details['tickets']`` lists them,
    each ``{"order", "section", "row", "seat", "state", "problem"}`` (``order`` is ``None``
    for a held seat). Nothing was changed."""

    code = "plan_migration_refused"


class DeviceKeyFileError(BoxOfficeError):
    """This device's ticket-signing key file cannot be used: unreadable, not an Ed25519
    key, or readable by other users (docs/security.md, "Device keys")."""

    code = "device_key_file"


class DeviceNotEnrolledError(BoxOfficeError):
    """This device's ticket-signing key is not enrolled in the database, or was revoked
    (SQLSTATE BO050; ``details['reason']``: ``unknown`` or ``revoked``): it cannot print
    ticket codes until a manager enrols it (``boxoffice device enrol NAME``)."""

    code = "device_not_enrolled"


class PrintedElsewhereError(BoxOfficeError):
    """A ticket's current code was signed by another device; printing it here needs a
    reprint (a new code, which voids the other one). ``details['ticket_ids']``."""

    code = "printed_elsewhere"


class HoldLimitError(BoxOfficeError):
    """An online hold was refused by the channel's abuse limits (migration 0019); nothing
    was held. Subclasses say which limit."""

    code = "hold_limit"


class TooManySeatsError(HoldLimitError):
    """The hold would have more seats and places than one web hold may (SQLSTATE BO110);
    ``details['limit']`` is the most allowed."""

    code = "too_many_seats"


class TooManyHoldsError(HoldLimitError):
    """This buyer (client id or address) made too many holds in the last minute (SQLSTATE
    BO111); ``details['retry_after']`` is the seconds to wait."""

    code = "too_many_holds"


class HeldSeatsLimitError(HoldLimitError):
    """This buyer (``details['per']``: ``client`` or ``ip``) would hold more live seats
    and places, counting its pending bookings, than ``details['limit']`` (SQLSTATE BO112);
    ``details['left']`` is how many more it may hold now."""

    code = "held_seats_limit"


class PromoCodeError(InvalidInputError):
    """A promo code cannot be used (SQLSTATE BO120-BO125, migration 0021):
    ``details['reason']`` is ``unknown`` (no such code, or disabled), ``not_valid_now``,
    ``not_applicable`` (nothing in the basket is eligible), ``used_up``,
    ``customer_limit`` or ``email_needed``; ``details['promo_code']`` the code."""

    code = "promo_code_refused"
