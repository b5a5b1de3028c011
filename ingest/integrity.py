"""Is an index version intact, and which versions to keep.

Every file of a version is listed in its manifest with its size and SHA-256, written
before the version goes live. `verify` checks sizes always (cheap) and checksums when
asked (`python -m ingest --verify`, and once when `serve` starts); the counts inside
the files are checked by `store.load_index` as it reads them.

Retention keeps the live version and the newest intact version before it. Versions
renamed into place but never made live (a run killed before its switch), temporary
folders and pointer files of dead runs are litter and are removed.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

MANIFEST = "manifest.json"


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def file_table(vdir: Path) -> dict[str, dict[str, Any]]:
    """Size and SHA-256 of every file in a version folder except the manifest itself."""
    out = {}
    for path in sorted(p for p in vdir.rglob("*") if p.is_file() and p.name != MANIFEST):
        out[path.relative_to(vdir).as_posix()] = {"size": path.stat().st_size, "sha256": sha256(path)}
    return out


def verify(vdir: Path, checksums: bool = False, required: tuple[str, ...] = ()) -> str | None:
    """None when the version's files are whole; else the first problem, as one line."""
    try:
        manifest = json.loads((vdir / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return f"{vdir / MANIFEST} is missing"
    except (OSError, ValueError) as e:
        return f"{vdir / MANIFEST} is unreadable ({type(e).__name__})"
    if not isinstance(manifest, dict):
        return f"{vdir / MANIFEST} is not a manifest"
    for name in required:
        if not (vdir / name).exists():
            return f"{vdir / name} is missing"
    for name, expected in (manifest.get("files") or {}).items():
        path = vdir / name
        try:
            size = path.stat().st_size
        except OSError:
            return f"{path} is missing"
        if size != expected.get("size"):
            return f"{path} has {size} bytes, the manifest says {expected.get('size')}"
        if checksums and sha256(path) != expected.get("sha256"):
            return f"{path} does not match its checksum"
    return None


def versions(index_dir: Path) -> list[str]:
    """Names of the version folders, oldest first."""
    return sorted(p.name for p in index_dir.glob("v[0-9]*") if p.is_dir())


def remove_litter(index_dir: Path) -> list[str]:
    """Remove temporary folders and pointer files of earlier runs. Call it holding the
    writer lock: then no other run is writing, so all of them are stale."""
    removed = []
    for path in [*index_dir.glob(".tmp-*"), *index_dir.glob(".CURRENT.*")]:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        removed.append(path.name)
    return removed


def retire(index_dir: Path, live: str, before: str | None, required: tuple[str, ...] = ()) -> list[str]:
    """Keep `live` and the newest intact version up to `before` (the one live until now);
    remove every other version, including any never made live."""
    keep = {live}
    for name in reversed([v for v in versions(index_dir) if before is not None and v <= before and v != live]):
        if verify(index_dir / name, required=required) is None:
            keep.add(name)
            break
    removed = []
    for name in versions(index_dir):
        if name not in keep:
            shutil.rmtree(index_dir / name, ignore_errors=True)
            removed.append(name)
    return removed
