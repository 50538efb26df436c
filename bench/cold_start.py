"""Cold start of the app on the embedded server: from process launch to the sell screen
showing today's seat map with its live states.

* first run: an empty data directory (initdb, migrations, demo data);
* later runs: the same directory again (server start, migration check, map).

The child signs in programmatically (``run_app(..., sign_in=...)``), so the figures
leave out the person typing their password.

Each run is a fresh ``python`` process running the real ``boxoffice.app.run_app``; a timer
in the child quits as soon as the seat map is on screen and reports the time since the
parent launched it.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/cold_start.py [--runs 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import json, os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from boxoffice.app import run_app
from boxoffice.config import Settings

def poll():
    for w in QApplication.topLevelWidgets():
        sell = getattr(w, "sell", None)
        if w.isVisible() and sell is not None and sell.seat_map is not None and sell._version > 0:
            sell.map.viewport().repaint()
            print("READY " + json.dumps({"ready_s": time.time() - float(os.environ["BENCH_T0"]),
                                         "seats": len(sell.seat_map.seats)}), flush=True)
            app.quit()
            return
    QTimer.singleShot(5, poll)

QTimer.singleShot(0, poll)
from boxoffice.domain.roles import Actor
# no sign-in dialog: the benchmark signs in programmatically as a system principal
sys.exit(run_app(Settings.from_env(), sign_in=lambda db: Actor.system("bench")))
"""


def one_run(data_dir: Path) -> dict:
    """Launch the app once on ``data_dir``; returns the child's READY figures."""
    env = dict(
        os.environ, BOXOFFICE_DATA_DIR=str(data_dir), QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen")
    )
    env.pop("BOXOFFICE_DATABASE_URL", None)
    env["BENCH_T0"] = repr(time.time())
    proc = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=300)
    ready = [line for line in proc.stdout.splitlines() if line.startswith("READY ")]
    if proc.returncode != 0 or not ready:
        raise RuntimeError(f"the app did not come up (exit {proc.returncode}): {proc.stderr[-800:]}")
    return json.loads(ready[0][6:])


def main(argv: list[str] | None = None) -> int:
    """Measure one first run and ``--runs`` later runs; print the figures."""
    parser = argparse.ArgumentParser(description="cold start of the app on the embedded server")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    data_dir = Path(tempfile.mkdtemp(prefix="boxoffice-coldstart-"))
    try:
        first = one_run(data_dir)["ready_s"]
        later = [one_run(data_dir)["ready_s"] for _ in range(args.runs)]
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    results = {
        "first_run_s": round(first, 2),
        "later_runs_s": [round(v, 2) for v in later],
        "later_median_s": round(statistics.median(later), 2),
    }
    print(
        json.dumps(results, indent=2)
        if args.json
        else f"first run {results['first_run_s']} s; later runs median {results['later_median_s']} s "
        f"({', '.join(str(v) for v in results['later_runs_s'])})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
