"""Translate database errors into domain errors, rolling the session back."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from sqlalchemy.exc import DataError, DBAPIError, InterfaceError, OperationalError
from sqlalchemy.orm import Session

from boxoffice.domain import errors as e
from boxoffice.domain.roles import PERMISSION_LABELS


def _seat_ids(detail: str | None) -> list[int]:
    return [int(part) for part in (detail or "").split(",") if part.strip().isdigit()]


# BO003's DETAIL says why a showtime cannot be sold (migration 0005).
_NOT_ON_SALE = {
    "cancelled": "This showtime has been cancelled.",
    "off_sale": "This showtime is off sale.",
    "not_yet": "Sales for this showtime have not opened yet.",
    "closed": "Sales for this showtime have closed.",
}


# BO120-BO125: why a promo code cannot be used (migration 0021).
_PROMO = {
    "BO120": ("unknown", "There is no such promo code, or it has been switched off."),
    "BO121": ("not_valid_now", "This promo code is not valid at the moment."),
    "BO122": ("not_applicable", "This promo code does not apply to these tickets."),
    "BO123": ("used_up", "This promo code has been used as often as allowed."),
    "BO124": ("customer_limit", "This customer has already used this promo code as often as allowed."),
    "BO125": ("email_needed", "This promo code is limited per customer: it needs the customer's e-mail address."),
}


def _sentence(message: str) -> str:
    """A database message as a sentence: capital first letter, full stop."""
    message = message.strip()
    return (message[:1].upper() + message[1:]).rstrip(".") + "." if message else message


# Tenders (migration 0014): SQLSTATE -> (error, message)
_TENDER_ERRORS: dict[str, tuple[type[e.BoxOfficeError], str]] = {
    "BO070": (e.PaymentError, "The payments do not add up to the order's total."),
    "BO071": (e.PaymentError, "Only cash gives change; a card, online or complimentary tender is its exact amount."),
    "BO072": (
        e.InvalidInputError,
        "A card payment needs the terminal's reference (authorisation code), never the card number.",
    ),
    "BO073": (e.InvalidInputError, "A complimentary ticket needs a reason."),
    "BO074": (e.OverrideRequiredError, "A complimentary ticket needs a manager's override."),
    "BO075": (e.OverrideRequiredError, "The manager's override was already used or has expired; ask again."),
    "BO076": (e.PaymentError, "The payments would exceed the order's total."),
    "BO077": (e.InvalidInputError, "That is not a payment the till can take."),
    "BO078": (e.InvalidInputError, "A payment cannot be changed afterwards; refund it instead."),
    "BO079": (e.InvalidInputError, "A manager's override is used once and then kept as it is."),
}


# BO175-BO178: a manager's override for a sale after the close (migration 0033_sale_override)
_LATE_SALE = {
    "BO175": ("override_invalid", "The manager's approval for a late sale was used or has expired; ask again."),
    "BO176": ("override_other", "The manager's approval is for another showtime or another cashier."),
    "BO177": ("seller", "That person may not sell tickets, so a late sale cannot be approved for them."),
    "BO178": ("not_on_sale", "This showtime is paused or cancelled: a late sale cannot be approved."),
}


def seats_taken(seat_ids: list[int]) -> e.SeatUnavailableError:
    """The error for a hold refused because ``seat_ids`` are held, sold or blocked
    (SQLSTATE BO001, or the web's current seat map: ``routes_shop``)."""
    return e.SeatUnavailableError(
        "That seat has just been taken by someone else."
        if len(seat_ids) <= 1
        else f"{len(seat_ids)} of those seats have just been taken by someone else.",
        seat_ids=seat_ids,
    )


def translate(exc: DBAPIError) -> e.BoxOfficeError | None:
    """Map a SQLAlchemy-wrapped psycopg error to a domain error, or ``None`` if unknown.

    SQLSTATEs ``BO001``-``BO004`` come from the contract functions in migration 0001,
    ``BO005``-``BO008`` from the bookings of migration 0002, ``BO010``-``BO012`` from the
    staff accounts and audit log of migration 0004, ``BO013`` (a cancelled showtime
    stays cancelled) and ``23P01`` on ``showtime_no_overlap`` from migration 0005, ``BO014`` (a
    ticket type not sold for a seat) and ``BO015`` (a typed ticket's price or category is not
    the database's) from migration 0006, ``BO016`` (a general-admission area over capacity) and
    ``BO001`` from ``bo_ga_hold`` (DETAIL: places left) from migration 0008; ``55P03`` is
    ``lock_not_available`` (lock_timeout); ``23505`` on ``ticket_one_live_per_seat`` is a
    second live ticket for a seat, on ``booking_source_token_key`` a hold booked twice.
    ``BO110``-``BO112`` are the online channel's hold limits (migration 0019); ``40001`` and
    ``40P01`` (serialization failure, deadlock) are :class:`BusyError`; other data exceptions
    (class ``22``, or psycopg refusing a NUL character) are :class:`InvalidInputError`; classes
    ``08``, ``53`` and ``57`` (connection, resources, shutdown) are :class:`DatabaseUnavailableError`,
    except ``57014`` (a statement timeout or cancel: the connection is fine), which is
    :class:`StatementTimeoutError`.
    """
    orig = exc.orig
    state = getattr(orig, "sqlstate", None)
    diag = getattr(orig, "diag", None)
    detail = getattr(diag, "message_detail", None)
    if state == "BO001" and (getattr(diag, "message_primary", "") or "").startswith("only "):
        left = int(detail) if detail and detail.isdigit() else 0  # bo_ga_hold (migration 0008)
        return e.SeatUnavailableError(
            "That area is sold out."
            if left == 0
            else f"Only {left} place{'s' if left != 1 else ''} left in that area.",
            seat_ids=[],
            left=left,
        )
    if state == "BO001":
        return seats_taken(_seat_ids(detail))
    if state == "BO002":
        return e.HoldExpiredError(
            "The hold on some seats has expired; add them to the basket again.", seat_ids=_seat_ids(detail)
        )
    if state == "BO003":
        return e.NotOnSaleError(_NOT_ON_SALE.get(detail or "", "This showtime is not on sale."), reason=detail)
    if state == "BO004":
        return e.SeatUnavailableError("A ticket can only be issued for a sold seat.")
    if state == "BO005":
        return e.BookingStateError(f"The booking cannot change that way ({getattr(diag, 'message_primary', '')}).")
    if state == "BO006":
        return e.BookingExpiredError("The booking has expired; its seats have been released.")
    if state == "BO007":
        return e.InvalidInputError(
            "Some seats have no price for this showtime; they cannot be booked.", seat_ids=_seat_ids(detail)
        )
    if state == "BO008":
        return e.InvalidInputError("A void ticket cannot become valid again.")
    if state == "BO010":
        return e.AuditLogAppendOnlyError(
            "The audit log can only be added to; its entries cannot be changed or deleted."
        )
    if state == "BO011":
        return e.AccountInactiveError("This staff account has been deactivated; sign in with another account.")
    if state == "BO012":
        return e.InvalidInputError("The last active admin account cannot be deactivated or given another role.")
    if state == "BO013":
        return e.InvalidInputError("A cancelled showtime stays cancelled; schedule a new one instead.")
    if state in _PROMO:  # promo codes (migration 0021)
        reason, message = _PROMO[state]
        return e.PromoCodeError(message, reason=reason, promo_code=detail or "")
    if state == "P0002":  # no_data_found from a contract function (migration 0012)
        return e.NotFoundError(_sentence(getattr(diag, "message_primary", "") or "That does not exist."))
    if state == "BO040":  # bo_refund_booking: refunds have closed (migration 0012)
        return e.RefundNotAllowedError(
            "Refunds close 2 hours before the showtime starts; the tickets remain valid.", starts_at=detail
        )
    if state == "BO014":
        return e.TicketTypeNotSoldError(
            "That ticket type is not sold for some of these seats at this showtime.", seat_ids=_seat_ids(detail)
        )
    if state == "BO015":
        return e.InvalidInputError(
            "A ticket must carry its seat's category and the showtime's price for its type.", seat_ids=_seat_ids(detail)
        )
    if state == "BO016":
        return e.SeatUnavailableError("That general-admission area has no places left.", seat_ids=[])
    if state == "BO030":  # bo_checkout: the total changed, or the tender does not cover it (migration 0011)
        return e.PaymentError(f"The payment was refused: {getattr(diag, 'message_primary', orig)}.")
    if state == "BO031":
        return e.InvalidInputError("A sale cannot be changed afterwards; refund or exchange it instead.")
    if state == "BO032":
        return e.InvalidInputError("An order's total must equal the sum of its tickets.")
    if state in _TENDER_ERRORS:  # tenders (migration 0014)
        kind, message = _TENDER_ERRORS[state]
        if kind is e.OverrideRequiredError:
            return e.OverrideRequiredError(message, reason="missing" if state == "BO074" else "invalid")
        return kind(message)
    if (state or "").startswith("BO08"):  # the drawer (migration 0015_drawer)
        from boxoffice.domain import drawer

        return drawer.translate(state or "", detail, getattr(diag, "message_primary", "") or str(orig))
    if state == "BO060":  # bo_plan_store: a newer version was saved (migration 0013)
        return e.PlanVersionConflictError(
            "A newer version of this seating plan was saved after you opened it.",
            newest_version=int(detail) if detail and detail.isdigit() else None,
        )
    if state == "BO061":  # bo_showtime_move_plan: sold or held seats would change (migration 0013)
        return e.PlanMigrationRefusedError("The showtime cannot move: sold or held seats would change.", tickets=[])
    if (state or "").startswith("BO09") or (state == "42501" and detail in ("refund_any", "override")):
        return _orders_error(state or "", getattr(diag, "message_primary", "") or str(orig), detail)
    if state in ("BO100", "BO101", "BO102"):  # receipt details and VAT rates (migration 0017)
        return e.InvalidInputError(_sentence(getattr(diag, "message_primary", "") or str(orig)))
    if state in ("BO130", "BO131", "BO132", "BO133"):  # customers and the e-mail outbox (migration 0022)
        message = _sentence(getattr(diag, "message_primary", "") or str(orig))
        return e.NotFoundError(message) if state in ("BO130", "BO133") else e.InvalidInputError(message)
    if state in ("BO150", "BO151", "BO152", "BO153", "BO154"):  # best seats of a plan (0026_best_available)
        message = _sentence(getattr(diag, "message_primary", "") or str(orig))
        return e.NotFoundError(message) if state == "BO150" else e.InvalidInputError(message)

    if state in _LATE_SALE:  # a manager's override for a late sale (migration 0033_sale_override)
        reason, message = _LATE_SALE[state]
        if state == "BO177":
            return e.InvalidInputError(message)
        return e.NotOnSaleError(message, reason=reason)
    if state in ("BO140", "BO141", "BO142", "BO143"):  # venue settings and halls (migration 0025_halls)
        return e.InvalidInputError(_sentence(getattr(diag, "message_primary", "") or str(orig)))
    if state == "BO050":  # device keys (migration 0010)
        revoked = detail == "revoked"
        return e.DeviceNotEnrolledError(
            "This device's ticket key was revoked, so it cannot print tickets: make a new key "
            "(boxoffice device key --new) and have a manager enrol it (boxoffice device enrol NAME)."
            if revoked
            else "This device's ticket key is not enrolled, so it cannot print tickets: a manager runs "
            "'boxoffice device enrol NAME' on this device.",
            reason=detail,
        )
    if state == "BO051":
        return e.InvalidInputError(f"{getattr(diag, 'message_primary', orig)}.")
    if state == "23P01" and "showtime_no_overlap" in str(orig):
        return e.ScheduleConflictError("That would overlap another showtime in the same hall.")
    if state == "23505" and "staff_username_key" in str(orig):
        return e.InvalidInputError("There is already a staff account with that name.")
    if state == "23505" and "booking_source_token_key" in str(orig):
        return e.BookingStateError("This hold has already been turned into a booking.")
    if state == "23505" and "ticket_one_live_per_seat" in str(orig):
        return e.SeatUnavailableError("That seat already has a valid ticket.")
    if state == "42501":  # insufficient_privilege: bo_require (migration 0009) or a missing grant
        permission = detail or None
        return e.PermissionDeniedError(
            "The database refused: this account may not "
            + (PERMISSION_LABELS.get(permission, permission) if permission else "do that")
            + ". Ask a manager.",
            permission=permission,
            role=None,
        )
    if state == "55P03":
        return e.BusyError("Another till is working on the same seats; try again in a moment.")
    if state in {"BO110", "BO111", "BO112"}:  # the online channel's abuse limits (migration 0019)
        return _web_limit(state, detail)
    if state in {"40001", "40P01"}:  # serialization failure, deadlock: nothing was done, try again
        return e.BusyError("The database was busy with the same seats or buyer; try again in a moment.")
    if state in {"23514", "22023", "22003"}:
        return e.InvalidInputError(f"The database refused the values: {getattr(diag, 'message_primary', orig)}")
    if (state or "").startswith("22") or (state is None and isinstance(exc, DataError)):
        # data exceptions, e.g. a NUL character psycopg refuses to send (no SQLSTATE)
        return e.InvalidInputError(
            "The database refused the values: they contain characters or numbers it cannot store."
        )
    if state == "57014":  # query_canceled: a statement timeout or a cancel, not a lost connection
        primary = getattr(diag, "message_primary", "") or ""
        if "timeout" in primary:
            return e.StatementTimeoutError(
                "The database stopped the operation because it took longer than its time limit "
                "(statement timeout); nothing was saved. Try again later, or ask an administrator to raise the limit."
            )
        return e.StatementTimeoutError("The database operation was cancelled; nothing was saved.")
    if isinstance(exc, (OperationalError, InterfaceError)) or (state or "")[:2] in {"08", "53", "57"}:
        return e.DatabaseUnavailableError(
            "The connection to the database was lost; nothing was saved. Check the network and try again."
        )
    return None


def _orders_error(state: str, message: str, detail: str | None) -> e.BoxOfficeError:
    """Refunds and exchanges (migration 0016, BO090-BO099) and the refund rules' refusals."""
    if state == "42501":  # "order BO-001001 was sold by someone else" / "the show of order ... has started"
        return e.PermissionDeniedError(f"{_sentence(message)} Ask a manager.", permission=detail, role=None)
    if state == "BO090":
        ids = _seat_ids(detail)
        return e.SeatUnavailableError(
            "A seat you chose has just been taken; choose another."
            if len(ids) <= 1
            else f"{len(ids)} of the seats you chose have just been taken; choose others.",
            seat_ids=ids,
        )
    if state == "BO092":
        return e.BookingStateError("Some of those tickets were refunded or exchanged already.")
    if state in ("BO095", "BO096"):
        return e.PaymentError(f"The payment was refused: {message}.")
    return e.InvalidInputError(_sentence(message))


def _web_limit(state: str, detail: str | None) -> e.HoldLimitError:
    """BO110-BO112 (migration 0019) as the matching :class:`HoldLimitError`."""
    parts = (detail or "").split(",")
    numbers = [int(p) for p in parts if p.isdigit()]
    if state == "BO110":
        most = numbers[0] if numbers else None
        return e.TooManySeatsError(f"One hold can have at most {most} seats.", limit=most)
    if state == "BO111":
        wait = max(numbers[0] if numbers else 1, 1)
        return e.TooManyHoldsError(
            f"Too many holds in a minute; try again in {wait} second{'s' if wait != 1 else ''}.", retry_after=wait
        )
    per = parts[0] if parts and parts[0] in {"client", "ip"} else "ip"
    limit, left = (numbers + [0, 0])[:2]
    return e.HeldSeatsLimitError(
        f"One buyer may hold at most {limit} seats at a time ({left} more now); book or release some first.",
        per=per,
        limit=limit,
        left=left,
    )


@contextlib.contextmanager
def unit_of_work(session: Session) -> Iterator[Session]:
    """Run a block as one transaction on ``session``: commit at the end, roll back and
    raise a domain error (where one fits) on failure."""
    try:
        yield session
        session.commit()
    except DBAPIError as exc:
        _safe_rollback(session)
        domain = translate(exc)
        if domain is None:
            raise
        raise domain from exc
    except BaseException:
        _safe_rollback(session)
        raise


@contextlib.contextmanager
def savepoint(session: Session) -> Iterator[Session]:
    """Run a block in a SAVEPOINT of the current transaction: on failure only the block
    is undone, and a database error is raised as a domain error (where one fits), so the
    caller can record the failure and still commit the rest."""
    try:
        with session.begin_nested():
            yield session
    except DBAPIError as exc:
        domain = translate(exc)
        if domain is None:
            raise
        raise domain from exc


def _safe_rollback(session: Session) -> None:
    with contextlib.suppress(Exception):  # the connection may be gone; the server rolls back
        session.rollback()
