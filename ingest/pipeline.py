"""Incremental ingestion: files in, a new index version out.

    load -> clean -> chunk -> embed (only what is new) -> store (atomically)

A document is known by its file path and its content hash. Unchanged files keep their
chunks and vectors; changed files are re-chunked and only passages whose text is new
are embedded; a file whose content is already indexed under another name is reported
as a duplicate. Bad files are reported one line each and never stop the run.
"""

from __future__ import annotations

import logging
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from ingest import segment
from ingest.analyze import analyze_many, build_vocab, lexicon_words
from ingest.bm25 import Postings
from ingest.chunk import chunk_text
from ingest.embed import Embedder
from ingest.errors import IndexError_, LoadError
from ingest.load import MAX_BYTES, Document, bytes_hash, content_hash, load_document, read_bytes
from ingest.segment import Entry
from ingest.sentences import sentence_spans
from ingest.store import Catalog, Chunk, Segment, StoredDocument, load_catalog, plan_merges, write_version, writer_lock

log = logging.getLogger(__name__)
Progress = Callable[[str, int, int], None]  # (stage, done, total)


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


def embed_text(title: str, passage: str) -> str:
    """What the model sees for a passage: the article title, then the passage."""
    return f"{title}\n{passage}" if title and not passage.startswith(title) else passage


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

        missing: list[tuple[str, str]] = []
        files = list(discover(paths, root, missing))
        for path, error in missing:
            summary.failed.append({"path": path, "error": error})
            if on_error:
                on_error(path, error)
        for i, (file, base) in enumerate(files):
            report("files", i, len(files))
            known_doc = docs.get(os.path.abspath(file))
            if _unchanged_file(file, known_doc, max_bytes):
                assert known_doc is not None
                summary.unchanged.append(known_doc.source)
                continue
            try:
                stat = file_stat(file)  # before reading: a file changed meanwhile is read again next time
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
                    docs[key] = replace(full, raw_hash=doc.raw_hash, stat=stat)
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
        commit(index_dir, prev, new, removed, embedder, summary, report, optimize)
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
) -> str:
    """Write the next version: `prev`'s segments with `removed` (document ids) deleted, and
    one new segment with the documents `new`; merge segments as `plan_merges` says, or all
    of them when `optimize`. The caller holds the writer lock."""
    vocab = _vocab(prev, new, removed)
    seg = assemble(new, prev, removed, vocab, embedder, summary, report)
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
    if group:
        report("merging", 0, 1)
        merged = segment.merge([parts[i] for i in group], "", vocab)
        parts = [p for i, p in enumerate(parts) if i not in group[1:]]
        parts[group[0]] = (merged, frozenset())
        report("merging", 1, 1)
    report("writing", 0, 1)
    summary.version = write_version(index_dir, embedder.model_id, embedder.dim, parts, vocab, prev)
    report("writing", 1, 1)
    summary.chunks_total = sum(segment.live_chunks(s, d) for s, d in parts)
    summary.documents_total = sum(len(s.catalog) - len(d) for s, d in parts)
    return summary.version


def _unchanged_file(file: str, known: StoredDocument | Entry | None, max_bytes: int) -> bool:
    """Are the file's bytes those the index read last time? Then it is not cleaned again.
    Same size and modification time as then: yes, without reading it (as rsync and git do)."""
    if known is None or not known.raw_hash:
        return False
    if known.stat and known.stat == file_stat(file):
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


def assemble(
    documents: list[StoredDocument],
    prev: Catalog | None,
    removed: set[str],
    vocab: dict[str, int],
    embedder: Embedder,
    summary: Summary,
    report: Progress,
) -> Segment:
    """A segment of `documents`: chunked, analysed for BM25, embedded, with the lexicon
    words they bring. Vectors of the `removed` documents of `prev` are reused where the
    text is the same (an edited article re-embeds only its changed passages)."""
    documents = sorted(documents, key=lambda d: d.source)
    old_chunks, chunk_vec, sent_vec = _reusable(prev, removed)
    titles_before = {e.doc_id: e.title for e in prev.entries() if e.doc_id in removed} if prev is not None else {}
    chunks: list[Chunk] = []
    for d in documents:
        if d.doc_id in old_chunks and titles_before.get(d.doc_id) == d.title:
            chunks.extend(old_chunks[d.doc_id])
            continue
        for n, p in enumerate(chunk_text(d.text)):
            chunks.append(Chunk(d.doc_id, n, p.start, p.end, p.text, content_hash(embed_text(d.title, p.text))))

    titles = {d.doc_id: d.title for d in documents}
    todo = list({c.hash: c for c in chunks if c.hash not in chunk_vec}.values())
    done = 0

    def tick(n: int) -> None:
        nonlocal done
        done += n
        report("chunks", done, len(todo))

    if todo or any(h not in sent_vec for d in documents for h in d.sentence_hashes):
        report("model", 0, 1)  # loading takes a while the first time: the operator sees it
        getattr(embedder, "warm_up", lambda: None)()
        report("model", 1, 1)
    if todo:
        report("chunks", 0, len(todo))
        vecs = embedder.embed([embed_text(titles[c.doc_id], c.text) for c in todo], "passage", tick)
        chunk_vec.update(zip((c.hash for c in todo), vecs, strict=True))
    summary.chunks_embedded = len(todo)

    sent_todo: dict[str, str] = {}
    for d in documents:
        for (s, e), h in zip(d.sentences, d.sentence_hashes, strict=True):
            if h not in sent_vec:
                sent_todo.setdefault(h, d.text[s:e])
    if sent_todo:
        report("sentences", 0, len(sent_todo))
        vecs = embedder.embed(list(sent_todo.values()), "passage")
        sent_vec.update(zip(sent_todo, vecs, strict=True))
        report("sentences", len(sent_todo), len(sent_todo))
    summary.sentences_embedded = len(sent_todo)

    dim = embedder.dim
    vectors = np.array([chunk_vec[c.hash] for c in chunks], np.float32).reshape(-1, dim)
    sentence_vectors = np.array([sent_vec[h] for d in documents for h in d.sentence_hashes], np.float32).reshape(
        -1, dim
    )
    terms = analyze_many((embed_text(titles[c.doc_id], c.text) for c in chunks), vocab)
    known = prev.lexicon() if prev is not None else set()
    words = [w for w in lexicon_words(build_vocab(d.text for d in documents)) if w not in known]
    lexicon_vectors = np.zeros((0, dim), np.float32)
    if words:
        report("words", 0, len(words))
        lexicon_vectors = np.asarray(embedder.embed(words, "query"), np.float32).reshape(-1, dim)
        report("words", len(words), len(words))
    return Segment("", documents, chunks, vectors, sentence_vectors, Postings.build(terms), words, lexicon_vectors)


def _reusable(
    prev: Catalog | None, removed: set[str]
) -> tuple[dict[str, list[Chunk]], dict[str, np.ndarray], dict[str, np.ndarray]]:
    """The passages (by document) and passage and sentence vectors (by hash) of the
    documents of `prev` that are being removed or replaced (only their segments are read)."""
    old_chunks: dict[str, list[Chunk]] = {}
    chunk_vec: dict[str, np.ndarray] = {}
    sent_vec: dict[str, np.ndarray] = {}
    if prev is None or not removed:
        return old_chunks, chunk_vec, sent_vec
    for seg, deleted in prev.segments:
        if not any(e.doc_id in removed and e.doc_id not in deleted for e in seg.catalog):
            continue
        for i, c in enumerate(seg.chunks):
            if c.doc_id in removed:
                old_chunks.setdefault(c.doc_id, []).append(c)
                chunk_vec[c.hash] = np.asarray(seg.vectors[i])
        row = 0
        for d in seg.documents:
            if d.doc_id in removed:
                rows = seg.sentence_vectors[row : row + len(d.sentences)]
                sent_vec.update(zip(d.sentence_hashes, np.asarray(rows), strict=True))
            row += len(d.sentences)
    return old_chunks, chunk_vec, sent_vec


def _vocab(prev: Catalog | None, new: list[StoredDocument], removed: set[str]) -> dict[str, int]:
    """The corpus word counts: the previous counts, minus the documents gone or changed,
    plus the new ones (counting every document again grows with the archive)."""
    if prev is None or not prev.vocab:
        return build_vocab(d.text for d in new)
    counts = Counter(prev.vocab)
    counts.subtract(build_vocab(prev.document(i).text for i in removed))
    counts.update(build_vocab(d.text for d in new))
    return {w: n for w, n in counts.items() if n > 0}
