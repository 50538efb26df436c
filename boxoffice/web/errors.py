"""Every failure as ``{"error": {"code": ..., "message": ..., "details": ...}}`` with a
fitting HTTP status; domain errors keep their stable codes. Database errors a service
let through are translated here too (:func:`boxoffice.services.errors.translate`): a
database that cannot be reached is 503 with ``Retry-After``, input the database cannot
store is 422; only a real fault of ours is 500."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError, TimeoutError as PoolTimeoutError
from starlette.exceptions import HTTPException as StarletteHTTPException

from boxoffice.domain import errors as e
from boxoffice.domain.best_available import NotEnoughTogetherError
from boxoffice.domain.ticket_code import TicketCodeError
from boxoffice.services.errors import translate
from boxoffice.web.schemas import ErrorBody

log = logging.getLogger(__name__)

# Most specific first: the first class an error is an instance of decides.
STATUS: list[tuple[type[e.BoxOfficeError], int]] = [
    (e.TooManySeatsError, 422),  # the hold limits (migration 0019)
    (e.TooManyHoldsError, 429),
    (e.HeldSeatsLimitError, 409),
    (e.NotFoundError, 404),
    (e.SeatUnavailableError, 409),
    (NotEnoughTogetherError, 409),  # best available: no such group free
    (e.NotOnSaleError, 409),
    (e.BookingStateError, 409),
    (e.RefundNotAllowedError, 409),
    (e.PaymentError, 409),
    (e.PrintedElsewhereError, 409),  # device keys (migration 0010): another server printed it
    (e.HoldExpiredError, 410),
    (e.BookingExpiredError, 410),
    (e.WebhookSignatureError, 400),
    (e.WebhookPayloadError, 400),
    (TicketCodeError, 400),
    (e.InvalidInputError, 422),
    (e.PlanImportError, 422),
    (e.BusyError, 503),
    (e.DatabaseUnavailableError, 503),
    (e.DeviceNotEnrolledError, 503),  # this server's ticket key is not enrolled (or was revoked)
    (e.DeviceKeyFileError, 503),
]

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "payload_too_large",
    429: "too_many_requests",
    415: "unsupported_media_type",
}


def error_response(
    status: int, code: str, message: str, details: dict | None = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    """The JSON error body with ``status``."""
    body = {"error": {"code": code, "message": message, "details": details or None}}
    return JSONResponse(body, status_code=status, headers=headers)


def status_of(exc: e.BoxOfficeError) -> int:
    """The HTTP status of a domain error (500 for an unknown kind)."""
    return next((status for cls, status in STATUS if isinstance(exc, cls)), 500)


# Seconds a client should wait before trying again, by status.
RETRY_AFTER = {503: 1, 429: 1}
RETRY_AFTER_UNAVAILABLE = 5  # the database is down: no sooner than this


async def _domain(request: Request, exc: e.BoxOfficeError) -> JSONResponse:
    status = status_of(exc)
    headers = None
    if status in RETRY_AFTER:
        wait = exc.details.get("retry_after") or RETRY_AFTER[status]
        if isinstance(exc, e.DatabaseUnavailableError):
            wait = RETRY_AFTER_UNAVAILABLE
        headers = {"Retry-After": str(wait)}
    return error_response(status, exc.code, str(exc), dict(exc.details) or None, headers)


async def _database(request: Request, exc: DBAPIError) -> JSONResponse:
    """A database error no service translated: as its domain error, else a 500."""
    domain = translate(exc)
    if domain is None:
        return await _unexpected(request, exc)
    return await _domain(request, domain)


async def _pool_timeout(request: Request, exc: PoolTimeoutError) -> JSONResponse:
    return await _domain(request, e.BusyError("The server is busy; try again in a moment."))


async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
    problems = exc.errors()
    if any(p.get("type") == "json_invalid" for p in problems):
        return error_response(400, "malformed_json", "The request body is not valid JSON.")
    first = problems[0] if problems else {}
    where = ".".join(str(part) for part in first.get("loc", ()) if part != "body")
    message = f"{where}: {first.get('msg', 'invalid')}" if where else str(first.get("msg", "invalid request"))
    details = [{"loc": list(p.get("loc", ())), "msg": p.get("msg"), "type": p.get("type")} for p in problems]
    return error_response(422, "invalid_request", message, {"problems": details})


async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    code = _HTTP_CODES.get(exc.status_code, f"http_{exc.status_code}")
    message = exc.detail if isinstance(exc.detail, str) else "HTTP error"
    return error_response(exc.status_code, code, message, headers=getattr(exc, "headers", None))


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return error_response(500, "internal_error", "Something went wrong on our side; nothing was changed.")


def install(app: FastAPI) -> None:
    """Register the handlers that give every failure the error body."""
    # Starlette types handlers as taking any Exception; each of ours takes the class it is registered for
    app.add_exception_handler(e.BoxOfficeError, _domain)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _http)  # type: ignore[arg-type]
    app.add_exception_handler(DBAPIError, _database)  # type: ignore[arg-type]
    app.add_exception_handler(PoolTimeoutError, _pool_timeout)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _unexpected)


def responses(*statuses: int) -> dict[int | str, dict]:
    """OpenAPI ``responses`` for the error statuses an endpoint can return, plus 413 (body
    too large), 422 (invalid request) and 503 (database unavailable or busy), which any can."""
    return {status: {"model": ErrorBody} for status in sorted({*statuses, 413, 422, 503})}
