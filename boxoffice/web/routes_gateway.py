"""The stand-in payment gateway's hosted checkout (what a real provider would host).

A simulated buyer opens the checkout URL and pays or fails; the gateway then sends a
correctly signed event to our webhook (``/payments/webhook`` of this app, handed to it
in-process by default: :func:`~boxoffice.web.context.app_deliver`) and shows what it
answered. Finishing a session again re-delivers the same event.
"""

from __future__ import annotations

import html
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from boxoffice.domain.money import format_money
from boxoffice.services import payments
from boxoffice.web import purchase
from boxoffice.web.context import ContextDep, SessionDep
from boxoffice.web.errors import responses
from boxoffice.web.schemas import CheckoutOut

router = APIRouter(prefix="/gateway", tags=["stand-in payment gateway"])

_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Stand-in checkout</title></head>
<body style="font-family: sans-serif; max-width: 32em; margin: 3em auto">
<h1>Stand-in payment gateway</h1>
<p>Payment session <code>{id}</code>: <strong>{amount}</strong> ({status}).</p>
<form method="post" action="{action}?outcome=succeeded"><button>Pay</button></form>
<form method="post" action="{action}?outcome=failed"><button>Decline the payment</button></form>
<p>Either button sends a signed webhook to the box office and shows its answer.</p>
</body></html>"""


@router.get("/checkout/{session_id}", response_class=HTMLResponse, responses=responses(404))
def checkout_page(session_id: str, request: Request, session: SessionDep) -> HTMLResponse:
    """The checkout page a buyer is sent to: two buttons, pay or decline."""
    ps = payments.get_payment_session(session, session_id=session_id, base_url=str(request.base_url))
    return HTMLResponse(
        _PAGE.format(
            id=html.escape(ps.id),
            amount=html.escape(format_money(ps.amount_minor, ps.currency)),
            status=html.escape(ps.outcome or "waiting for the buyer"),
            action=html.escape(f"/gateway/checkout/{ps.id}"),
        )
    )


@router.post("/checkout/{session_id}", response_model=CheckoutOut, responses=responses(404))
async def finish_checkout(
    session_id: str,
    request: Request,
    outcome: Annotated[Literal["succeeded", "failed"], Query(description="what the buyer did")],
    ctx: ContextDep,
) -> CheckoutOut:
    """The buyer pays (``succeeded``) or the payment fails (``failed``); the first answer
    counts (``expired`` if the session had expired). The event is signed with the shared
    secret and delivered to our webhook before this returns."""

    event = await purchase.complete_checkout(request.app.state.loop_connections, session_id=session_id, outcome=outcome)
    url = str(request.url_for("payment_webhook"))
    status, answer = await ctx.deliver(url, event.body, event.headers(ctx.secret))
    return CheckoutOut(
        session_id=session_id, event_id=event.id, type=event.type, webhook_status=status, webhook_response=answer
    )
