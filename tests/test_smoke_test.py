"""``boxoffice --smoke-test``: the check an installed bundle or wheel runs (docs/packaging.md).
From the source checkout here; ``make package-test`` runs the same flag on the built bundle
and on an installed wheel (packaging/tests/)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from boxoffice import cli


@pytest.fixture
def scratch():
    """A folder outside pytest's base temp: as root, pgserver runs PostgreSQL as another
    user, who cannot enter pytest's (owner-only) folders."""
    path = Path(tempfile.mkdtemp(prefix="boxoffice-smoke-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


def _smoke(data_dir, **env) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k != "BOXOFFICE_DATABASE_URL"}
    environ.update(BOXOFFICE_DATA_DIR=str(data_dir), QT_QPA_PLATFORM="offscreen", **env)
    return subprocess.run(
        [sys.executable, "-m", "boxoffice", "--smoke-test"], env=environ, capture_output=True, text=True, timeout=300
    )


def test_smoke_test_opens_the_sell_screen_on_a_fresh_data_dir_then_again(scratch):
    for run in ("first", "second"):
        done = _smoke(scratch / "data")
        assert done.returncode == 0, f"{run} run: {done.stderr[-2000:]}"
        assert done.stdout.startswith("boxoffice smoke test passed: the sell screen shows"), done.stdout
        assert "seats)" in done.stdout
    assert (scratch / "data" / "pgdata" / "PG_VERSION").exists()


def test_smoke_test_failure_is_one_line_and_non_zero(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data directory should be")
    done = _smoke(blocker)
    assert done.returncode == 1
    lines = [line for line in done.stderr.splitlines() if line.startswith("boxoffice")]
    assert len(lines) == 1 and lines[0].startswith("boxoffice: smoke test failed: "), done.stderr
    assert "Traceback" not in done.stderr


def test_smoke_test_refuses_a_server_url(monkeypatch, capsys):
    monkeypatch.setenv("BOXOFFICE_DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none")
    assert cli.main(["--smoke-test"]) == 2
    assert capsys.readouterr().err.strip() == (
        "boxoffice: error: --smoke-test runs on the embedded database; unset BOXOFFICE_DATABASE_URL"
    )
