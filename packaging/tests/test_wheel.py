"""The wheel works when installed (not editable) into a fresh virtual environment: it
carries its migrations and resources, and ``boxoffice --smoke-test`` passes from a folder
outside the checkout on a fresh data directory. Run by ``make package-test`` (slow: it
builds an sdist and the wheel from it, and installs the dependencies, from pip's cache
when they are there)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _package_files(part: str) -> set[str]:
    folder = ROOT / "boxoffice" / part
    return {
        f"boxoffice/{p.relative_to(folder.parent).as_posix()}"
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }


def test_installed_wheel_finds_its_migrations_and_resources():
    # Not under pytest's base temp: as root, pgserver runs PostgreSQL as another user, who
    # must reach the new environment's PostgreSQL programs and the data directory.
    tmp_path = Path(tempfile.mkdtemp(prefix="boxoffice-wheel-"))
    try:
        _build_install_and_smoke(tmp_path)
    finally:
        shutil.rmtree(tmp_path, ignore_errors=True)


def _build_install_and_smoke(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)], check=True, capture_output=True, timeout=900
    )
    wheel = next(out.glob("boxoffice-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert any(n.startswith("boxoffice/migrations/versions/") and n.endswith(".py") for n in names)
    for part in ("migrations", "resources"):
        missing = _package_files(part) - names
        assert not missing, f"the wheel lacks {sorted(missing)}"
    assert not [n for n in names if n.endswith(".pyc")]

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bin_dir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    python = bin_dir / ("python.exe" if sys.platform == "win32" else "python")
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel)],
        check=True,
        capture_output=True,
        text=True,
        timeout=1800,
    )

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("BOXOFFICE_DATABASE_URL", "PYTHONPATH", "VIRTUAL_ENV")}
    env.update(BOXOFFICE_DATA_DIR=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")
    where = subprocess.run(
        [str(python), "-c", "import boxoffice.config as c; print(c.PACKAGE_DIR)"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert Path(where).is_relative_to(env_dir), f"boxoffice was imported from {where}, not the new environment"

    program = bin_dir / ("boxoffice.exe" if sys.platform == "win32" else "boxoffice")
    done = subprocess.run(
        [str(program), "--smoke-test"], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "boxoffice smoke test passed" in done.stdout
