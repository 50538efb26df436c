"""``boxoffice device``: this device's ticket-signing key, and enrolling and revoking keys
(docs/security.md, "Device keys").

    boxoffice device key [--new]                      this machine's key: file, fingerprint, public PEM
    boxoffice device enrol NAME [--public-key-file F] enrol this machine's key (or F's) as NAME
    boxoffice device revoke NAME                      revoke device NAME's key
    boxoffice device list [--json]                    enrolled keys, revoked ones too

Enrolling and revoking need a manager: the command acts as whoever
``BOXOFFICE_DATABASE_URL`` logs in as (a manager's login; on the embedded server, the
system principal), and the database checks it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from boxoffice.config import Settings


def add_parser(sub) -> None:
    """Add the ``device`` subcommand to the ``sub`` subparsers of ``boxoffice``."""
    device = sub.add_parser(
        "device",
        help="ticket-signing keys of tills, doors and web servers (docs/security.md)",
        description="Each till and web server signs ticket codes with its own key, kept in "
        "its data directory; the database holds the enrolled public keys.",
    )
    actions = device.add_subparsers(dest="device_command", metavar="ACTION", required=True)
    key = actions.add_parser("key", help="show this machine's key (made on first use)")
    key.add_argument(
        "--new",
        action="store_true",
        help="replace this machine's key with a new one (after it was revoked); enrol it again",
    )
    enrol = actions.add_parser("enrol", help="enrol a device's public key (managers)")
    enrol.add_argument("name", help="the device's name, e.g. till-1 or web-1")
    enrol.add_argument(
        "--public-key-file",
        type=Path,
        metavar="F",
        help="the device's public key in PEM (from 'boxoffice device key' there); default: this machine's",
    )
    revoke = actions.add_parser("revoke", help="revoke a device's key: its codes stop admitting (managers)")
    revoke.add_argument("name", help="the device's name (boxoffice device list)")
    listing = actions.add_parser("list", help="list enrolled keys")
    listing.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run ``boxoffice device ...``; returns the exit status.

    Raises:
        BoxOfficeError: refused (not a manager, unknown device, a revoked key, a bad key
            file...), or the database cannot be reached.
    """
    from boxoffice import device_key

    path = settings.data_dir / device_key.KEY_FILE_NAME
    if args.device_command == "key":
        key = device_key.replace(path) if args.new else device_key.load_or_create(path)
        print(f"{'New key' if args.new else 'Key'} file: {key.path}\nFingerprint: {key.fingerprint}")
        print(key.public_pem(), end="")
        if args.new:
            print(
                "Enrol it: boxoffice device enrol NAME (a manager), or copy the public key above "
                "to a manager's machine and run boxoffice device enrol NAME --public-key-file F there.",
                file=sys.stderr,
            )
        return 0
    public = None
    if args.device_command == "enrol":
        public = (
            device_key.public_key_from_pem(args.public_key_file.read_bytes())
            if args.public_key_file
            else device_key.load_or_create(path).public_key
        )
    from boxoffice.runtime import open_database
    from boxoffice.services import device_keys

    db = open_database(settings, application_name="boxoffice-cli")
    try:
        with db.session_factory() as session:
            if args.device_command == "enrol":
                assert public is not None  # read above for enrol
                key_id = device_keys.enrol(session, name=args.name, public_key=public)
                print(f"Device {args.name!r} enrolled with key id {key_id}: it can print tickets now.")
                return 0
            if args.device_command == "revoke":
                key_id = device_keys.revoke(session, name=args.name)
                print(
                    f"Device {args.name!r} (key id {key_id}) revoked: its codes no longer admit once doors "
                    f"refresh; it cannot print until it has a new key (boxoffice device key --new) enrolled."
                )
                return 0
            keys = device_keys.list_keys(session)
    finally:
        db.close()
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": k.id,
                        "name": k.name,
                        "public_key": k.public_key.hex(),
                        "legacy": k.legacy,
                        "enrolled_at": k.enrolled_at.isoformat(),
                        "enrolled_by": k.enrolled_by,
                        "revoked_at": k.revoked_at.isoformat() if k.revoked_at else None,
                        "revoked_by": k.revoked_by,
                    }
                    for k in keys
                ],
                indent=2,
            )
        )
        return 0
    width = max([len(k.name) for k in keys] + [6])
    for k in keys:
        state = f"revoked {k.revoked_at:%Y-%m-%d %H:%M} UTC by {k.revoked_by or 'system'}" if k.revoked else "active"
        print(
            f"{k.id:>5}  {k.name:<{width}}  {k.public_key.hex()[:16]}…  {'legacy ' if k.legacy else ''}"
            f"enrolled {k.enrolled_at:%Y-%m-%d %H:%M} UTC by {k.enrolled_by or 'system'}  {state}"
        )
    print(f"{len(keys)} key(s).")
    return 0
