"""The index on disk: versioned, inspectable, switched atomically; written in segments.

    index/
      CURRENT            name of the live version, e.g. "v000003" (replaced atomically)
      .lock              held by a writer while it ingests
      v000003/
        manifest.json    format version, model id, dimension, counts, the live segments
                         with the documents deleted from each, size and SHA-256 per file
        vocab.json       corpus word frequencies for splitting compounds
        s000001/ ...     segments (segment.py): passages, vectors, sentence vectors,
        s000003/ ...     BM25 postings and lexicon words of the documents one ingest added

An ingest writes a new version that holds the previous version's segments as hard links
(nothing is copied or rewritten), one new segment with what is new, and a manifest that
marks replaced or removed documents as deleted. Small segments are merged as they pile
up (merge.py, Lucene's tiered policy), all of them on `python -m ingest --optimize`.
A version is written into a temporary folder, fsynced, renamed into place, and only then
named in CURRENT. A crash at any point leaves the previous version live. Versions share
their unchanged segment files: a damaged shared file damages both, and the next ingest
rebuilds from the source files.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import logging
import os
import shutil
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from ingest import segment
from ingest.documents import Chunk, StoredDocument
from ingest.errors import IndexError_
from ingest.index import Catalog, IndexData, view
from ingest.integrity import file_table, remove_litter, retire, sha256, verify, versions
from ingest.merge import plan_merges
from ingest.segment import Segment

log = logging.getLogger(__name__)

__all__ = [
    "Catalog",
    "Chunk",
    "IndexData",
    "Segment",
    "StoredDocument",
    "load_index",
    "plan_merges",
    "view",
    "write_version",
    "writer_lock",
]

FORMAT_VERSION = 4  # 4: segments; 3: one folder, passages as offsets; 2: passages with their text
READABLE_FORMATS = (3, 4)  # a version 3 index is read (and the next ingest writes version 4)
REQUIRED_FILES = ("manifest.json", "vocab.json")


def current_name(index_dir: Path) -> str | None:
    """The name CURRENT gives (e.g. "v000003"), or None for an index without a version yet."""
    try:
        return (index_dir / "CURRENT").read_text(encoding="utf-8").strip() or None
    except FileNotFoundError:
        return None


def indexed_model(index_dir: Path) -> str | None:
    """The model id the live version was built with (None without a readable version)."""
    vdir = current_version(index_dir)
    try:
        return None if vdir is None else str(json.loads((vdir / "manifest.json").read_text("utf-8"))["model_id"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def current_version(index_dir: Path) -> Path | None:
    """The live version folder, or None for an index that has none yet."""
    name = current_name(index_dir)
    return None if name is None else index_dir / name


class _Damaged(Exception):
    """A version's files are there but cannot be read as they should be."""


_warned: set[tuple[str, str, str]] = set()


def load_index(
    index_dir: Path, model_id: str | None = None, with_bm25: bool = True, checksums: bool = False
) -> IndexData:
    """Load the live version, or, when it is damaged, the newest intact one before it (and say
    so once in the log). Sizes and counts are always checked, checksums when asked.
    Raises `IndexError_` naming the problem and the fix."""
    got = _retried(Path(index_dir), lambda d: _load_intact(d, model_id, with_bm25, checksums))
    assert isinstance(got, IndexData)
    return got


def load_catalog(index_dir: Path) -> Catalog:
    """The live version's catalog (or the newest intact one's, like `load_index`): what an
    ingest needs, read without the documents' text or any vector."""
    got = _retried(Path(index_dir), lambda d: _load_intact(d, None, False, False, light=True))
    assert isinstance(got, Catalog)
    return got


def _retried(index_dir: Path, load: Callable[[Path], Any]) -> Any:
    if not index_dir.exists():
        raise IndexError_(f"no index at {index_dir}: run `python -m ingest corpus/ --index {index_dir}`")
    for attempt in range(3):  # a writer may retire the version between CURRENT and open
        try:
            return load(index_dir)
        except FileNotFoundError:
            if attempt == 2:
                raise IndexError_(f"{index_dir} changed while loading it: try again") from None
            time.sleep(0.05)
    raise AssertionError("unreachable")


def _load_intact(index_dir: Path, model_id: str | None, with_bm25: bool, checksums: bool, light: bool = False) -> Any:
    live = current_name(index_dir)
    if live is None:
        raise IndexError_(f"{index_dir} holds no index version (no CURRENT file): run `python -m ingest`")
    problems: list[str] = []
    for name in [live, *(v for v in reversed(versions(index_dir)) if v < live)]:
        vdir = index_dir / name
        problem = verify(vdir, checksums, REQUIRED_FILES) if vdir.is_dir() else f"{vdir} is missing"
        if problem is None:
            try:
                data = _load(vdir, model_id, with_bm25, light)
            except _Damaged as e:
                problem = str(e)
        if problem is not None:
            problems.append(problem)
            continue
        data.live, data.problems = live, problems
        if name != live and (str(index_dir), live, name) not in _warned:
            _warned.add((str(index_dir), live, name))
            log.warning("index version %s is damaged (%s); answering from %s", live, problems[0], name)
        return data
    raise IndexError_(
        f"no intact index version in {index_dir} ({problems[0]}): rebuild it with "
        f"`python -m ingest corpus/ --index {index_dir}`"
    )


def _load(vdir: Path, model_id: str | None, with_bm25: bool, light: bool = False) -> Any:
    try:
        manifest = json.loads((vdir / "manifest.json").read_text(encoding="utf-8"))
        fmt = manifest.get("format_version")
        if fmt is not None and fmt not in READABLE_FORMATS:
            readable = " and ".join(map(str, READABLE_FORMATS))
            raise IndexError_(
                f"index {vdir} has format version {fmt}, this program reads {readable}: "
                f"delete {vdir.parent} and re-run `python -m ingest`"
            )
        if model_id is not None and manifest["model_id"] != model_id:
            raise IndexError_(
                f"index {vdir.parent} was built with model '{manifest['model_id']}', but this program "
                f"uses '{model_id}': re-ingest into a new --index folder"
            )
        data: IndexData | Catalog
        if fmt == 3:
            from ingest.legacy import read_version

            data = read_version(vdir, manifest)
        elif light:
            data = _read_catalog(vdir, manifest)
        else:
            data = _read_version(vdir, manifest)
        if light and isinstance(data, IndexData):
            data = Catalog(data.model_id, data.dim, data.vocab, data.segments)
    except IndexError_:
        raise
    except FileNotFoundError as e:
        if not vdir.exists():
            raise  # retired by a writer while we read: load_index tries again
        raise _Damaged(f"{e.filename} is missing") from None
    except (OSError, ValueError, KeyError, TypeError, RuntimeError, EOFError) as e:
        raise _Damaged(f"{vdir} is unreadable ({type(e).__name__}: {str(e)[:120]})") from None
    if not with_bm25 and isinstance(data, IndexData):
        data.bm25 = None
    data.version, data.path, data.manifest = vdir.name, vdir, manifest
    return data


_cache: dict[str, dict[tuple[str, str], Segment]] = {}  # index folder -> (segment, checksum) -> segment


def _read_version(vdir: Path, manifest: dict[str, Any]) -> IndexData:
    """Read a version; segments read for an earlier version of this index are reused (they
    never change: a reader reloading after an ingest reads only the new segment)."""
    dim = manifest["dim"]
    known = _cache.get(str(vdir.parent.resolve()), {})
    files = manifest.get("files", {})
    keys = [(e["name"], files.get(f"{e['name']}/documents.json", {}).get("sha256", "")) for e in manifest["segments"]]
    todo = [key for key in keys if not key[1] or key not in known]
    # two at a time: reading a segment's graphs (most of a load) lets go of Python's lock
    with ThreadPoolExecutor(max_workers=2) as pool:
        read = dict(zip(todo, pool.map(lambda key: segment.read(vdir / key[0], dim), todo), strict=True))
    kept = {key: read.get(key) or known[key] for key in keys}
    parts = [(kept[key], frozenset(e.get("deleted", ()))) for key, e in zip(keys, manifest["segments"], strict=True)]
    _cache[str(vdir.parent.resolve())] = kept
    vocab = json.loads((vdir / "vocab.json").read_text(encoding="utf-8"))
    data = view(parts, manifest["model_id"], dim, vocab)
    counts = manifest["counts"]
    for what, n in (("documents", len(data.documents)), ("chunks", len(data.chunks))):
        if n != counts[what]:
            raise _Damaged(f"{vdir} is inconsistent: {n} {what}, expected {counts[what]}")
    return data


# ---------------------------------------------------------------- writing


@contextlib.contextmanager
def writer_lock(index_dir: Path, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the index's writer lock; a second ingest waits for the first, and says so
    through `on_wait` when it starts waiting and when it got the lock."""
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        lock_file = (index_dir / ".lock").open("a")
    except OSError as e:
        raise _write_error(index_dir, e) from None
    with lock_file as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            say = on_wait or (lambda line: log.info(line))
            say(f"waiting for another ingest to finish (it holds {index_dir / '.lock'}) …")
            started = time.monotonic()
            fcntl.flock(f, fcntl.LOCK_EX)
            say(f"got the lock after waiting {time.monotonic() - started:.1f} s")
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def _fsync_tree(folder: Path) -> None:
    for root, _dirs, files in os.walk(folder):
        for name in files:
            _fsync_dir(Path(root) / name)
        _fsync_dir(Path(root))


def _fsync_dir(folder: Path) -> None:
    """fsync a folder's entries (or a file's data: the call is the same)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _read_catalog(vdir: Path, manifest: dict[str, Any]) -> Catalog:
    dim = manifest["dim"]
    parts = [(Segment.on_disk(vdir / s["name"], dim), frozenset(s.get("deleted", ()))) for s in manifest["segments"]]
    vocab = json.loads((vdir / "vocab.json").read_text(encoding="utf-8"))
    catalog = Catalog(manifest["model_id"], dim, vocab, parts)
    if catalog.chunk_count != manifest["counts"]["chunks"]:
        raise _Damaged(f"{vdir} is inconsistent: {catalog.chunk_count} chunks, expected {manifest['counts']['chunks']}")
    return catalog


def _link_tree(src: Path, dst: Path) -> None:
    """`dst` as hard links to `src`'s files (a copy where the file system has no links)."""
    dst.mkdir()
    for f in src.iterdir():
        try:
            os.link(f, dst / f.name)
        except OSError as e:
            if e.errno in (errno.ENOSPC, errno.EDQUOT):
                raise
            shutil.copy2(f, dst / f.name)


def write_version(
    index_dir: Path,
    model_id: str,
    dim: int,
    parts: Sequence[tuple[Segment, frozenset[str]]],
    vocab: dict[str, int],
    prev: Catalog | None = None,
    touched: dict[str, list[int]] | None = None,
) -> str:
    """Write the version of `parts` (segments and the documents deleted from each), switch
    CURRENT to it, retire old versions. Segments of `prev` are linked, not written again;
    new ones (not in `prev`) get their names here. `touched`: files whose bytes are as
    indexed but whose size/time changed (path -> stat), kept in the manifest.

    The caller holds `writer_lock`. Returns the new version's name. A failure (disk full,
    no permission) removes the half-written folder and raises `IndexError_` in one line;
    the live version stays as it was.
    """
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        remove_litter(index_dir)
    except OSError as e:
        raise _write_error(index_dir, e) from None
    existing = versions(index_dir)
    before = current_name(index_dir)
    number = int(existing[-1][1:]) + 1 if existing else 1
    name = f"v{number:06d}"
    tmp = index_dir / f".tmp-{name}-{os.getpid()}"
    try:
        tmp.mkdir()
        _write_files(tmp, name, model_id, dim, parts, vocab, prev, touched or {})
        final = index_dir / name
        os.rename(tmp, final)
        _fsync_dir(index_dir)
        pointer_tmp = index_dir / f".CURRENT.{os.getpid()}"
        with pointer_tmp.open("w", encoding="utf-8") as f:
            f.write(name + "\n")
            f.flush()
            os.fsync(f.fileno())
        os.replace(pointer_tmp, index_dir / "CURRENT")
        _fsync_dir(index_dir)
    except OSError as e:
        shutil.rmtree(tmp, ignore_errors=True)
        if (index_dir / name).exists() and current_name(index_dir) != name:
            shutil.rmtree(index_dir / name, ignore_errors=True)
        for stale in index_dir.glob(f".CURRENT.{os.getpid()}"):
            stale.unlink(missing_ok=True)
        raise _write_error(index_dir, e) from None
    retire(index_dir, name, before, REQUIRED_FILES)
    return name


def _write_files(
    tmp: Path,
    name: str,
    model_id: str,
    dim: int,
    parts: Sequence[tuple[Segment, frozenset[str]]],
    vocab: dict[str, int],
    prev: Catalog | None,
    touched: dict[str, list[int]],
) -> None:
    old = {seg.name for seg, _ in prev.segments} if prev is not None and prev.path is not None else set()
    known = prev.manifest.get("files", {}) if prev is not None else {}
    number = int(prev.manifest.get("next_segment", 1)) if prev is not None else 1
    files: dict[str, dict[str, Any]] = {}
    entries = []
    new_folders = []
    for seg, deleted in parts:
        if seg.name in old and prev is not None and prev.path is not None and (prev.path / seg.name).is_dir():
            _link_tree(prev.path / seg.name, tmp / seg.name)
            for f in (tmp / seg.name).iterdir():
                key = f"{seg.name}/{f.name}"
                files[key] = known.get(key) or {"size": f.stat().st_size, "sha256": sha256(f)}
        else:
            seg.name = f"s{number:06d}"
            number += 1
            (tmp / seg.name).mkdir()
            segment.write(tmp / seg.name, seg)
            new_folders.append(tmp / seg.name)
        entries.append(
            {
                "name": seg.name,
                "documents": len(seg.catalog),
                "chunks": sum(e.chunks for e in seg.catalog),
                "deleted": sorted(deleted),
            }
        )
    (tmp / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    for folder in new_folders:
        files.update({f"{folder.name}/{k}": v for k, v in file_table(folder).items()})
    files["vocab.json"] = {"size": (tmp / "vocab.json").stat().st_size, "sha256": sha256(tmp / "vocab.json")}
    manifest = {
        "format_version": FORMAT_VERSION,
        "version": name,
        "model_id": model_id,
        "dim": dim,
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "counts": {
            "documents": sum(1 for seg, deleted in parts for e in seg.catalog if e.doc_id not in deleted),
            "chunks": sum(segment.live_chunks(seg, deleted) for seg, deleted in parts),
            "segments": len(parts),
        },
        "segments": entries,
        "next_segment": number,
        "analyzer": "german-snowball+compounds",
        "files": dict(sorted(files.items())),  # size and SHA-256 of every file, checked when the version is read
    }
    if touched:  # files touched since they were read, bytes unchanged: their stat, so they are not read again
        manifest["touched"] = dict(sorted(touched.items()))
    (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
    for folder in new_folders:
        _fsync_tree(folder)
    for f in (tmp / "vocab.json", tmp / "manifest.json"):
        _fsync_dir(f)
    for seg, _ in parts:
        _fsync_dir(tmp / seg.name)
    _fsync_dir(tmp)


def _write_error(index_dir: Path, e: OSError) -> IndexError_:
    """One line for a write that failed: disk full (what is free), no permission, or the OS's reason."""
    where = e.filename or index_dir
    if e.errno == errno.ENOSPC:
        free = shutil.disk_usage(index_dir if index_dir.exists() else index_dir.parent).free
        return IndexError_(
            f"disk full while writing {where}: {free / 1e6:.1f} MB free; the index needs about "
            f"{_live_size(index_dir) / 1e6:.1f} MB more: free space and re-run (the previous version stays live)"
        )
    if e.errno == errno.EFBIG:
        return IndexError_(f"file size limit reached while writing {where}: raise the limit (ulimit -f) and re-run")
    if e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return IndexError_(f"no write permission for {where}: choose another --index or fix its permissions")
    return IndexError_(f"could not write the index at {where}: {e.strerror or e}")


def _live_size(index_dir: Path) -> int:
    live = current_version(index_dir)
    if live is None or not live.is_dir():
        return 0
    return sum(p.stat().st_size for p in live.rglob("*") if p.is_file())
