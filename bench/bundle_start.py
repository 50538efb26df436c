"""The desktop bundle's figures: build time, size, and cold start of the built app against
the source checkout's, measured in the same run (docs/packaging.md).

Start-up is ``--smoke-test`` (embedded server, migrations, demo, sell screen showing a
seat map; docs/packaging.md) in a new process, offscreen:

* first start: on an empty data directory (initdb, all migrations, demo data);
* second start: again on that directory (server start, migration check, seat map).

Two times per start: *ready* (launch to the "smoke test passed" line: the seat map is on
screen) and *exit* (launch to the process's end: also closing the window, stopping the
embedded server). Built and source runs alternate, so both see the same machine load.
"Cold" means a new process; the files are in the OS page cache after the first run.

    .venv/bin/python bench/bundle_start.py [--runs 3] [--no-build] [--json]
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

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "boxoffice"
EXECUTABLE = BUNDLE / ("boxoffice-cli.exe" if sys.platform == "win32" else "boxoffice")
COMMANDS = {"built": [str(EXECUTABLE)], "source": [sys.executable, "-m", "boxoffice"]}


def build() -> float:
    """Build the bundle from scratch (``make package``); returns the seconds it took, not
    counting the set-up of the virtual environment (done first)."""
    subprocess.run(["make", ".venv/.packaging"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    began = time.perf_counter()
    subprocess.run(["make", "package"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - began


def folder_size(folder: Path) -> int:
    """Bytes of all files under ``folder`` (what ``du -s --apparent-size`` counts)."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def start(kind: str, data_dir: Path) -> tuple[float, float]:
    """One ``--smoke-test`` of ``kind`` ("built" or "source") on ``data_dir``; returns
    ``(ready_s, exit_s)`` from launch. Raises RuntimeError if it fails."""
    env = {k: v for k, v in os.environ.items() if k != "BOXOFFICE_DATABASE_URL"}
    env.update(BOXOFFICE_DATA_DIR=str(data_dir), QT_QPA_PLATFORM="offscreen")
    began = time.perf_counter()
    proc = subprocess.Popen(
        [*COMMANDS[kind], "--smoke-test"],
        env=env,
        cwd=data_dir.parent,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    ready = None
    for line in proc.stdout:
        if line.startswith("boxoffice smoke test passed"):
            ready = time.perf_counter() - began
    err = proc.stderr.read()
    status = proc.wait()
    ended = time.perf_counter() - began
    if status != 0 or ready is None:
        raise RuntimeError(f"{kind} smoke test failed (exit {status}): {err.strip()[-600:]}")
    return ready, ended


def main(argv: list[str] | None = None) -> int:
    """Build (unless ``--no-build``), then time ``--runs`` first and second starts of each."""
    parser = argparse.ArgumentParser(description="bundle size, build time, built vs source cold start")
    parser.add_argument("--runs", type=int, default=3, help="fresh data directories per kind (default 3)")
    parser.add_argument("--no-build", action="store_true", help="measure the bundle already in dist/boxoffice")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    results: dict = {"build_s": None if args.no_build else round(build(), 1)}
    if not EXECUTABLE.exists():
        print(f"no bundle at {EXECUTABLE}: run `make package` (or drop --no-build)", file=sys.stderr)
        return 1
    results["bundle_mb"] = round(folder_size(BUNDLE) / 1e6, 1)
    times: dict = {kind: {"first": [], "second": []} for kind in COMMANDS}
    scratch = Path(tempfile.mkdtemp(prefix="boxoffice-bundle-bench-"))
    try:
        for run in range(args.runs):
            for kind in COMMANDS:
                data = scratch / f"{kind}-{run}" / "data"
                data.parent.mkdir(parents=True)
                times[kind]["first"].append(start(kind, data))
                times[kind]["second"].append(start(kind, data))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    for kind, starts in times.items():
        for which, values in starts.items():
            results[f"{kind}_{which}_ready_s"] = round(statistics.median(v[0] for v in values), 2)
            results[f"{kind}_{which}_exit_s"] = round(statistics.median(v[1] for v in values), 2)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    if results["build_s"] is not None:
        print(f"build (make package): {results['build_s']} s")
    print(f"bundle dist/boxoffice: {results['bundle_mb']} MB")
    print(f"median of {args.runs} runs        ready (s)  exit (s)")
    for kind in COMMANDS:
        for which in ("first", "second"):
            print(
                f"  {kind:6} {which:6} start    {results[f'{kind}_{which}_ready_s']:8.2f}  "
                f"{results[f'{kind}_{which}_exit_s']:8.2f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
