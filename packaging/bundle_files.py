"""Helpers of packaging/boxoffice.spec (plain Python, importable without PyInstaller)."""

from __future__ import annotations

import re
from pathlib import Path

_SKIPPED_DIRS = {"__pycache__"}
_SKIPPED_SUFFIXES = {".pyc", ".pyo"}


def package_tree(src: Path, dest: str) -> list[tuple[str, str]]:
    """PyInstaller ``datas`` for every file under ``src`` (any kind, any depth), placed
    under ``dest`` in the same layout; byte-code caches are left out.

    Raises:
        FileNotFoundError: ``src`` is not a folder.
    """
    if not src.is_dir():
        raise FileNotFoundError(f"{src} is not a folder")
    pairs = []
    for path in sorted(src.rglob("*")):
        rel = path.relative_to(src)
        if path.is_file() and not _SKIPPED_DIRS & set(rel.parts) and path.suffix not in _SKIPPED_SUFFIXES:
            pairs.append((str(path), str(Path(dest, rel.parent))))
    return pairs


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """``"1.2.3"`` (or ``"1.2.3rc1"``, ``"1.2"``) as the four numbers Windows wants."""
    numbers = [int(m.group()) if (m := re.match(r"\d+", part)) else 0 for part in version.split(".")[:4]]
    return tuple((numbers + [0, 0, 0, 0])[:4])


def windows_version_text(version: str) -> str:
    """The Windows version resource of boxoffice.exe, in PyInstaller's version-file syntax."""
    nums = version_numbers(version)
    template = (Path(__file__).with_name("windows") / "version_info.txt").read_text(encoding="utf-8")
    return template.replace("{NUMBERS}", repr(nums)).replace("{VERSION}", version)


def windows_version_file(version: str, build_dir: Path) -> str:
    """Write the version resource under ``build_dir``; returns its path for ``EXE(version=)``."""
    build_dir.mkdir(parents=True, exist_ok=True)
    path = build_dir / "windows_version_info.txt"
    path.write_text(windows_version_text(version), encoding="utf-8")
    return str(path)
