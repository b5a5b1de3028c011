"""Incremental ingestion: files in, a new index version out.

    load -> clean -> chunk -> embed (only what is new) -> store (atomically)

A document is known by its file path and its content hash. The run reads only the live
version's catalog (store.load_catalog): a file with the size and time it had is not read,
one whose bytes hash as before is not cleaned again; changed and new files go into one
new segment (assemble.py), where only passages whose text is new are embedded; the
documents they replace are marked deleted in their segments. A file whose content is
already indexed under another name is reported as a duplicate. Bad files are reported
one line each and never stop the run.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ingest import segment
from ingest.assemble import Progress, assemble, word_counts
from ingest.documents import stored
from ingest.embed import Embedder
from ingest.errors import IndexError_, LoadError
from ingest.load import MAX_BYTES, Document, bytes_hash, content_hash, load_document, read_bytes
from ingest.segment import Entry
from ingest.sentences import sentence_spans
from ingest.store import Catalog, Segment, StoredDocument, load_catalog, plan_merges, write_version, writer_lock

log = logging.getLogger(__name__)


@dataclass
class Summary:
    """What one ingest run did; `as_dict()` is the `--json` output."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicates: list[dict[str, str]] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)
    failed: list[dict[str, str]] = field(default_factory=list)
    chunks_embedded: int = 0
    sentences_embedded: int = 0
    chunks_total: int = 0
    documents_total: int = 0
    version: str | None = None
    seconds: float = 0.0
    repaired: str = ""  # how a damaged live version was replaced, if it was

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": len(self.added),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "duplicates": len(self.duplicates),
            "pruned": len(self.pruned),
            "failed": self.failed,
            "chunks_embedded": self.chunks_embedded,
            "sentences_embedded": self.sentences_embedded,
            "chunks_total": self.chunks_total,
            "documents_total": self.documents_total,
            "version": self.version,
            "seconds": round(self.seconds, 3),
            "repaired": self.repaired,
            "files": {
                "added": self.added,
                "updated": self.updated,
                "duplicates": self.duplicates,
                "pruned": self.pruned,
            },
        }

    def line(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.updated)} updated, {len(self.unchanged)} unchanged, "
            f"{len(self.duplicates)} duplicates, {len(self.pruned)} pruned, {len(self.failed)} failed; "
            f"{self.chunks_embedded} chunks embedded, {self.chunks_total} chunks in "
            f"{self.documents_total} documents ({self.version or 'no new version'}) in {self.seconds:.1f}s"
            + (f"; repaired: {self.repaired}" if self.repaired else "")
        )


def discover(
    paths: Iterable[Path], root: Path | None = None, errors: list[tuple[str, str]] | None = None
) -> Iterator[tuple[str, Path]]:
    """(file, root) for every file under `paths`; hidden files and folders are skipped.
    Files are plain strings (an archive folder holds 100,000s; a `Path` each costs more
    than the check whether the file changed).

    Sources are named relative to `root` when given, else to the folder given (or,
    for a file, to its own folder). A path that does not exist or a folder that cannot
    be read goes into `errors` as (path, reason).
    """
    errors = errors if errors is not None else []

    def unreadable(e: OSError) -> None:
        errors.append((str(e.filename), f"cannot read this folder ({e.strerror or e})"))

    for given in paths:
        if not given.exists() and not given.is_symlink():
            errors.append((str(given), "no such file or folder"))
        elif given.is_dir():
            for dirpath, dirnames, filenames in os.walk(given, onerror=unreadable, followlinks=False):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(filenames):
                    if not name.startswith("."):
                        yield os.path.join(dirpath, name), root or given
        else:
            yield str(given), root or given.parent


def _previous(index_dir: Path, model_id: str, summary: Summary) -> Catalog | None:
    try:
        data = load_catalog(index_dir)
    except IndexError_ as e:
        if (index_dir / "CURRENT").exists():
            summary.repaired = f"no usable version ({e}); rebuilt from the files given"
        return None
    if data.problems:
        summary.repaired = f"{data.problems[0]}; rebuilt from the intact version {data.version}"
    if data.model_id != model_id:
        log.warning("index was built with %s; re-embedding everything with %s", data.model_id, model_id)
        return None
    return data


def ingest(
    paths: list[Path],
    index_dir: Path,
    embedder: Embedder,
    prune: bool = False,
    max_bytes: int = MAX_BYTES,
    progress: Progress | None = None,
    on_error: Callable[[str, str], None] | None = None,
    root: Path | None = None,
    on_note: Callable[[str], None] | None = None,
    optimize: bool = False,
) -> Summary:
    """Ingest `paths` into `index_dir`. Never raises for a bad file; see `Summary.failed`.
    With `optimize`, all segments are merged into one as well."""
    started = time.perf_counter()
    summary = Summary()
    report = progress or (lambda stage, done, total: None)
    index_dir = Path(index_dir)
    with writer_lock(index_dir, on_wait=on_note):
        prev = _previous(index_dir, embedder.model_id, summary)
        docs: dict[str, StoredDocument | Entry] = {e.path: e for e in prev.entries()} if prev else {}
        by_hash = {d.doc_id: d.path for d in docs.values()}
        changed: dict[str, Document] = {}
        rehashed: set[str] = set()  # unchanged text, other bytes: the document is kept with its new hash
        stats: dict[str, list[int]] = {}
        touched: dict[str, list[int]] = {}  # read and hashed as before, with another size or time

        missing: list[tuple[str, str]] = []
        files = list(discover(paths, root, missing))
        for path, error in missing:
            summary.failed.append({"path": path, "error": error})
            if on_error:
                on_error(path, error)
        for i, (file, base) in enumerate(files):
            report("files", i, len(files))
            known_doc = docs.get(os.path.abspath(file))
            stat = file_stat(file)  # before reading: a file changed meanwhile is read again next time
            if _unchanged_file(file, known_doc, stat, max_bytes):
                assert known_doc is not None
                summary.unchanged.append(known_doc.source)
                if known_doc.stat != stat:  # touched, bytes as before: remember its stat, not read next time
                    touched[known_doc.path] = stat
                continue
            try:
                doc = load_document(Path(file), base, max_bytes)
            except LoadError as e:
                summary.failed.append({"path": str(file), "error": str(e)})
                if on_error:
                    on_error(str(file), str(e))
                continue
            key, known = doc.path, docs.get(doc.path)
            owner = by_hash.get(doc.doc_id)  # the file that holds this content now
            if known is not None and known.doc_id == doc.doc_id:
                summary.unchanged.append(doc.source)
                if known.raw_hash != doc.raw_hash or known.stat != stat:  # other bytes or time: remember them
                    assert prev is not None
                    full = known if isinstance(known, StoredDocument) else prev.document(known.doc_id)
                    docs[key] = replace(stored(full), raw_hash=doc.raw_hash, stat=stat)
                    rehashed.add(key)
                continue
            if owner is not None and owner != key:
                holder = changed.get(owner) or docs.get(owner)
                if owner in changed or Path(owner).exists():
                    source = holder.source if holder else owner
                    summary.duplicates.append({"path": doc.source, "duplicate_of": source})
                    continue
                docs.pop(owner, None)  # same content, the old file is gone: it moved
            if known is not None:
                by_hash.pop(known.doc_id, None)
            (summary.updated if known is not None else summary.added).append(doc.source)
            changed[key] = doc
            stats[key] = stat
            by_hash[doc.doc_id] = key
        report("files", len(files), len(files))

        if prune:
            for key in [k for k in docs if k not in changed and not Path(k).exists()]:
                summary.pruned.append(docs.pop(key).source)

        for key, doc in changed.items():
            spans = sentence_spans(doc.text)
            docs[key] = StoredDocument(
                doc_id=doc.doc_id,
                source=doc.source,
                path=doc.path,
                title=doc.title,
                text=doc.text,
                meta=doc.meta,
                sentences=spans,
                sentence_hashes=[content_hash(doc.text[s:e]) for s, e in spans],
                raw_hash=doc.raw_hash,
                stat=stats[key],
            )

        if (
            not changed
            and not summary.pruned
            and not rehashed
            and not touched
            and not optimize
            and prev is not None
            and not prev.problems
        ):
            summary.version = prev.version
            summary.chunks_total, summary.documents_total = prev.chunk_count, sum(1 for _ in prev.entries())
            summary.seconds = time.perf_counter() - started
            return summary

        kept = {d.doc_id for k, d in docs.items() if k not in changed and k not in rehashed}
        removed = {e.doc_id for e in prev.entries()} - kept if prev is not None else set()
        new = [d for k, d in docs.items() if (k in changed or k in rehashed) and isinstance(d, StoredDocument)]
        # touched files stay in the manifest while their document lives unchanged in its segment
        still = {k for k in docs if k not in changed and k not in rehashed}
        touched = {k: v for k, v in {**(prev.touched if prev else {}), **touched}.items() if k in still}
        commit(index_dir, prev, new, removed, embedder, summary, report, optimize, touched)
    summary.seconds = time.perf_counter() - started
    return summary


def commit(
    index_dir: Path,
    prev: Catalog | None,
    new: list[StoredDocument],
    removed: set[str],
    embedder: Embedder,
    summary: Summary,
    report: Progress,
    optimize: bool = False,
    touched: dict[str, list[int]] | None = None,
) -> str:
    """Write the next version: `prev`'s segments with `removed` (document ids) deleted, and
    one new segment with the documents `new`; merge segments as `plan_merges` says, or all
    of them when `optimize`; `touched` files' stats go into the manifest. A merge that
    `plan_merges` asks for is written as a second version, after the one that makes the
    new documents live. The caller holds the writer lock."""
    if touched is None and prev is not None:  # an edit: the touched files it leaves alone stay known
        gone = removed | {d.doc_id for d in new}
        touched = {e.path: e.stat for e in prev.entries() if e.path in prev.touched and e.doc_id not in gone}
    vocab = word_counts(prev, new, removed)
    seg, summary.chunks_embedded, summary.sentences_embedded = assemble(new, prev, removed, vocab, embedder, report)
    parts: list[tuple[Segment, frozenset[str]]] = []
    dead: list[tuple[Segment, frozenset[str]]] = []
    for old, deleted in prev.segments if prev is not None else []:
        now = deleted | {e.doc_id for e in old.catalog if e.doc_id in removed}
        (dead if len(now) >= len(old.catalog) else parts).append((old, frozenset(now)))
    # a segment with no live document goes; the lexicon words it brought that are still used move to the new one
    if dead or seg.documents or not parts:
        parts.append((segment.merge([(seg, frozenset()), *dead], "", vocab) if dead else seg, frozenset()))
    sizes = [segment.live_chunks(s, d) for s, d in parts]
    if optimize:
        group = list(range(len(parts))) if len(parts) > 1 or any(d for _, d in parts) else []
    else:  # a full tier merges; else a segment that is mostly deleted is written again without them
        group = plan_merges(sizes) or [i for i, (s, d) in enumerate(parts) if len(d) > len(s.catalog) / 2][:1]
    if group and not optimize and (seg.documents or removed):
        # what changed goes live first (readers see it in seconds); the merge is a version of its own
        report("writing", 0, 1)
        summary.version = write_version(index_dir, embedder.model_id, embedder.dim, parts, vocab, prev, touched)
        report("writing", 1, 1)
        prev = load_catalog(index_dir)
        if prev.version != summary.version or len(prev.segments) != len(parts):
            return _counted(summary, parts)  # not the version just written (unreadable?): merge next time
        parts = list(prev.segments)
    if group:
        report("merging", 0, 1)
        merged = segment.merge([parts[i] for i in group], "", vocab)
        parts = [p for i, p in enumerate(parts) if i not in group[1:]]
        parts[group[0]] = (merged, frozenset())
        report("merging", 1, 1)
    report("writing", 0, 1)
    summary.version = write_version(index_dir, embedder.model_id, embedder.dim, parts, vocab, prev, touched)
    report("writing", 1, 1)
    return _counted(summary, parts)


def _counted(summary: Summary, parts: list[tuple[Segment, frozenset[str]]]) -> str:
    summary.chunks_total = sum(segment.live_chunks(s, d) for s, d in parts)
    summary.documents_total = sum(len(s.catalog) - len(d) for s, d in parts)
    assert summary.version is not None
    return summary.version


def _unchanged_file(file: str, known: StoredDocument | Entry | None, stat: list[int], max_bytes: int) -> bool:
    """Are the file's bytes those the index read last time? Then it is not cleaned again.
    Same size and modification time (`stat`) as then: yes, without reading it (as rsync and git do)."""
    if known is None or not known.raw_hash:
        return False
    if known.stat and known.stat == stat:
        return True
    try:
        return bytes_hash(read_bytes(Path(file), max_bytes)) == known.raw_hash
    except LoadError:
        return False  # loading it again reports why


def file_stat(file: str | Path) -> list[int]:
    """A file's size and modification time in nanoseconds ([] when it cannot be read)."""
    try:
        st = os.stat(file)
    except OSError:
        return []
    return [st.st_size, st.st_mtime_ns]
