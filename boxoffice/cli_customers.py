"""``boxoffice mail send`` and ``boxoffice customer export|erase`` (a manager's tools).

    boxoffice mail send                      send the due e-mails of the outbox once (SMTP: BOXOFFICE_SMTP_*)
    boxoffice customer export ID [--out F]   everything held about a customer, as JSON (GDPR access)
    boxoffice customer erase ID --yes        remove a customer's personal data; orders and money stay

They act as the login of the database URL (a manager's own login on a central server);
export and erasure are written to the audit log.
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
from pathlib import Path

from boxoffice.config import Settings


def add_parsers(sub) -> None:
    """Add the ``mail`` and ``customer`` command groups to ``boxoffice``'s subparsers."""
    m = sub.add_parser("mail", help="the e-mail outbox (tickets sent to web buyers)")
    m_sub = m.add_subparsers(dest="mail_command", metavar="ACTION", required=True)
    m_sub.add_parser("send", help="send the due e-mails once (settings: BOXOFFICE_SMTP_*, docs/operations.md)")
    c = sub.add_parser("customer", help="customers: GDPR export and erasure")
    c_sub = c.add_subparsers(dest="customer_command", metavar="ACTION", required=True)
    ex = c_sub.add_parser("export", help="print everything held about a customer as JSON")
    ex.add_argument("customer_id", type=int)
    ex.add_argument("--out", type=Path, help="write the JSON to this file instead")
    er = c_sub.add_parser("erase", help="remove a customer's personal data (orders and money are kept)")
    er.add_argument("customer_id", type=int)
    er.add_argument("--yes", action="store_true", help="confirm: erasure cannot be undone")


def _open(settings: Settings):
    from boxoffice.runtime import open_database

    return open_database(settings, application_name="boxoffice-cli")


def _as_cli(session) -> None:
    from boxoffice.domain.roles import Actor
    from boxoffice.services.auth import act_as

    act_as(session, Actor.system("system:cli", till=f"cli:{socket.gethostname()}"[:60]))


def run_mail(args: argparse.Namespace, settings: Settings) -> int:
    """``boxoffice mail send``: one pass of the sender; exit 1 if some e-mail failed.

    Raises:
        ConfigError-like ValueError: BOXOFFICE_SMTP_HOST is not set.
    """
    from boxoffice import config
    from boxoffice.services import mail

    smtp = mail.SmtpSettings.from_env()
    if smtp is None:
        raise ValueError("set BOXOFFICE_SMTP_HOST (and BOXOFFICE_SMTP_*) to send e-mail")
    db = _open(settings)
    try:
        result = mail.send_due(db.session_factory, smtp, secret=config.webhook_secret(settings))
    finally:
        db.close()
    print(f"sent {result.sent}, failed {result.failed} (retried later)")
    return 1 if result.failed else 0


def run_customer(args: argparse.Namespace, settings: Settings) -> int:
    """``boxoffice customer export|erase``; returns the exit status.

    Raises:
        BoxOfficeError: no such customer, erased already, or the login may not.
    """
    from boxoffice.services import customers

    if args.customer_command == "erase" and not args.yes:
        print("boxoffice: erasure cannot be undone; add --yes", file=sys.stderr)
        return 2
    db = _open(settings)
    try:
        with db.session_factory() as session:
            _as_cli(session)
            if args.customer_command == "export":
                doc = json.dumps(customers.export_customer(session, customer_id=args.customer_id), indent=2)
                if args.out:
                    args.out.write_text(doc + "\n", encoding="utf-8")
                else:
                    print(doc)
            else:
                counts = customers.erase_customer(session, customer_id=args.customer_id)
                print(f"customer {args.customer_id} erased: {json.dumps(counts, sort_keys=True)}")
    finally:
        db.close()
    return 0
