"""Sign-in time at a till since staff are PostgreSQL logins (issue 10): from the name and
password to a connected pool of the person's own login with the sign-in recorded
(``TillSessions.sign_in``: a new connection, SCRAM-SHA-256 authentication, ``bo_signed_in``,
the schema check), and a PIN switch back (in memory, plus ``bo_signed_in`` on the
person's pool).

    .venv/bin/python bench/sign_in_bench.py [--repeats 30] [--json]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main(argv: list[str] | None = None) -> int:
    """Start a private embedded server, make a cashier, time sign-ins; print a summary."""
    parser = argparse.ArgumentParser(description="sign-in time as a database login")
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from sqlalchemy import text

    from boxoffice.db.embedded import start_embedded, stop_embedded
    from boxoffice.db.engine import make_engine, make_session_factory
    from boxoffice.db.migrate import upgrade
    from boxoffice.rehearsal.stats import percentile
    from boxoffice.services.staff import scram_verifier
    from boxoffice.services.till import TillSessions

    data_dir = Path(tempfile.mkdtemp(prefix="boxoffice-signin-"))
    try:
        url = start_embedded(data_dir / "pgdata", database="signin")
        engine = make_engine(url)
        upgrade(engine)
        with make_session_factory(engine)() as session:
            verifier = scram_verifier(session, login="signin_cara", password="cara-bench-pass")
            session.execute(text("SELECT bo_staff_create('cara', 'Cara', 'cashier', :v)"), {"v": verifier})
            session.commit()
        engine.dispose()
        password_ms, pin_ms = [], []
        for _ in range(args.repeats):
            till = TillSessions(url)
            started = time.perf_counter()
            till.sign_in(username="cara", password="cara-bench-pass", till="till:bench", pin="2468")
            password_ms.append(1000 * (time.perf_counter() - started))
            started = time.perf_counter()
            till.unlock(username="cara", secret="2468", till="till:bench")
            pin_ms.append(1000 * (time.perf_counter() - started))
            till.close()
    finally:
        stop_embedded(data_dir / "pgdata")  # before its folder goes, or it would outlive it
        shutil.rmtree(data_dir, ignore_errors=True)
    result = {
        name: {"n": len(v), "p50_ms": round(percentile(v, 0.5), 1), "p95_ms": round(percentile(v, 0.95), 1)}
        for name, v in (("password_sign_in", password_ms), ("pin_switch", pin_ms))
    }
    print(
        json.dumps(result, indent=2)
        if args.json
        else "\n".join(f"{k:18s} p50 {v['p50_ms']} ms, p95 {v['p95_ms']} ms (n={v['n']})" for k, v in result.items())
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
