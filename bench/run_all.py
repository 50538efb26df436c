"""Run every benchmark in this folder, one process each, and print their figures.

    make bench      (QT_QPA_PLATFORM=offscreen .venv/bin/python bench/run_all.py)

Benchmarks are not tests: they report figures (docs/performance.md records them) and
assert nothing. Each uses a private embedded PostgreSQL server in a temporary directory.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = [
    "sell_bench.py",
    "counter_flow.py",
    "cold_start.py",
    "notify_latency.py",
    "hold_throughput.py",
    "door_bench.py",
    "backup_bench.py",
    "web_bench.py",
    "web_safety_bench.py",
]


def main() -> int:
    """Run the scripts that exist, in order; returns non-zero if any failed."""
    failed = 0
    for name in SCRIPTS:
        path = HERE / name
        if not path.exists():
            continue
        print(f"== {name}", flush=True)
        started = time.perf_counter()
        status = subprocess.call([sys.executable, str(path)])
        print(f"   ({time.perf_counter() - started:.0f} s, exit {status})", flush=True)
        failed |= status != 0
    return int(failed)


if __name__ == "__main__":
    raise SystemExit(main())
