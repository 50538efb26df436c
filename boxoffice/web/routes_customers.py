"""Customers on the web: verify a guest's e-mail by its signed link, the order history;
and the e-mail sender loop (this router's lifespan, merged into the app's).

The sender runs while the app runs when ``BOXOFFICE_SMTP_HOST`` is set
(:class:`boxoffice.services.mail.SmtpSettings`), every ``BOXOFFICE_MAIL_SECONDS``
(default 10 s); ``boxoffice mail send`` does one pass from the command line.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import os
from collections.abc import AsyncIterator

from fastapi import APIRouter, FastAPI, Query
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from boxoffice.domain import customer_token
from boxoffice.services import customers, mail
from boxoffice.web.context import ContextDep, SessionDep, WebContext
from boxoffice.web.errors import responses

log = logging.getLogger(__name__)


@contextlib.asynccontextmanager
async def _mail_sender(app: FastAPI) -> AsyncIterator[None]:
    settings = mail.SmtpSettings.from_env()
    task = None
    if settings is not None:
        seconds = float(os.environ.get("BOXOFFICE_MAIL_SECONDS", "10") or 10)
        task = asyncio.create_task(_send_every(app.state.context, settings, seconds))
    try:
        yield
    finally:
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


async def _send_every(context: WebContext, settings: mail.SmtpSettings, seconds: float) -> None:
    while True:
        try:
            await run_in_threadpool(lambda: mail.send_due(context.session_factory, settings, secret=context.secret))
        except Exception:  # noqa: BLE001 - the database is down: try again at the next tick
            log.exception("the e-mail sender failed")
        await asyncio.sleep(seconds)


router = APIRouter(prefix="/customers", tags=["customers"], lifespan=_mail_sender)


class VerifiedOut(BaseModel):
    """A verified customer: ``orders_token`` reads the order history for a day."""

    customer_id: int
    email: str
    orders_token: str


class OrderOut(BaseModel):
    """One order in the history; money in minor units."""

    order_id: int
    number: str
    created_at: dt.datetime
    total_minor: int
    currency: str
    tickets: int


@router.get("/verify", response_model=VerifiedOut, responses=responses())
def verify(token: str, session: SessionDep, ctx: ContextDep) -> VerifiedOut:
    """Open the signed link e-mailed with the tickets: the e-mail is verified, the
    guest's orders are linked to the customer, and a token for the history is returned."""
    email = customer_token.verify(token, "verify", ctx.secret)
    customer_id = customers.verify_email(session, email=email)
    orders_token = customer_token.sign("orders", email, ctx.secret, seconds=customer_token.ORDERS_SECONDS)
    return VerifiedOut(customer_id=customer_id, email=email, orders_token=orders_token)


@router.get("/orders", response_model=list[OrderOut], responses=responses())
def orders(
    token: str = Query(description="the orders_token from /customers/verify"), *, session: SessionDep, ctx: ContextDep
) -> list[OrderOut]:
    """The verified customer's orders, newest first."""
    email = customer_token.verify(token, "orders", ctx.secret)
    customer_id = customers.verify_email(session, email=email)
    return [
        OrderOut.model_validate(o, from_attributes=True)
        for o in customers.customer_orders(session, customer_id=customer_id)
    ]
