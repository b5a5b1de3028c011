"""The index on disk: versioned, inspectable, switched atomically.

    index/
      CURRENT            name of the live version, e.g. "v000003" (replaced atomically)
      .lock              held by a writer while it ingests
      v000003/
        manifest.json    format version, model id, dimension, counts, hash per document
        documents.jsonl  one cleaned document per line, with metadata and sentence spans
        chunks.jsonl     one passage per line: doc id, offsets, content hash (its text is the
                         document's text between the offsets)
        vectors.faiss    passage vectors (inner product on normalized vectors)
        sentences.npy    sentence vectors, in the order of the documents' sentence spans
        bm25/            bm25s index over the German analysis of each passage
        vocab.json       corpus word frequencies for splitting compounds at query time
        lexicon.json     the corpus's content words, and lexicon.npy their vectors: English
                         question words are matched to them to search BM25 in German
        lexicon.hnsw     for a big lexicon, the graph it is searched through (ann.py)
        terms.*          each passage's BM25 terms: the next ingest analyses only new passages

A version is written into a temporary folder, fsynced, renamed into place, and only
then named in CURRENT. A crash at any point leaves the previous version live.
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
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ingest import ann
from ingest.analyze import analyze, words
from ingest.errors import IndexError_
from ingest.integrity import file_table, remove_litter, retire, verify, versions
from ingest.terms import TermTable

log = logging.getLogger(__name__)

FORMAT_VERSION = 3  # 3: passages stored as offsets without their text; terms.* files
READABLE_FORMATS = (2, 3)  # a version 2 index is read (and the next ingest writes version 3)
TERMS = ("terms.json", "terms.npy", "terms_offsets.npy")  # BM25 terms per passage (for the next ingest)
LEXICON_GRAPH = "lexicon.hnsw"  # only for a lexicon over ann.FLAT_MAX words
REQUIRED_FILES = (
    "manifest.json",
    "documents.jsonl",
    "chunks.jsonl",
    "vectors.faiss",
    "sentences.npy",
    "vocab.json",
    "lexicon.json",
    "lexicon.npy",
)


@dataclass
class Chunk:
    """A passage of a document: `text == document.text[start:end]`."""

    doc_id: str
    n: int
    start: int
    end: int
    text: str
    hash: str

    @property
    def chunk_id(self) -> str:
        return f"{self.doc_id}:{self.n}"


@dataclass
class StoredDocument:
    """A document as the index keeps it."""

    doc_id: str
    source: str
    path: str
    title: str
    text: str
    meta: dict[str, Any]
    sentences: list[tuple[int, int]]
    sentence_hashes: list[str]
    raw_hash: str = ""  # of the source file's bytes, when it was read


@dataclass
class IndexData:
    """Everything one index version holds, in memory."""

    model_id: str
    dim: int
    documents: list[StoredDocument]
    chunks: list[Chunk]
    vectors: np.ndarray
    sentence_vectors: np.ndarray
    vocab: dict[str, int]
    lexicon: list[str] = field(default_factory=list)
    lexicon_vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), np.float32))
    bm25: Any = None
    version: str = ""
    path: Path | None = None
    manifest: dict[str, Any] = field(default_factory=dict)
    live: str = ""  # the version CURRENT named when this was loaded (`version` differs if that was damaged)
    problems: list[str] = field(default_factory=list)  # why newer versions could not be used

    def sorted_words(self) -> list[str]:
        """The corpus vocabulary, sorted (for prefix look-ups), built once."""
        cached = self.__dict__.get("_sorted_words")
        if cached is None:
            cached = sorted(self.vocab)
            self.__dict__["_sorted_words"] = cached
        return cached

    def stems(self, text: str) -> frozenset[str]:
        """The BM25 analysis of `text` as a set (compounds split), cached per text."""
        cache = self.__dict__.setdefault("_stems", {})
        got = cache.get(text)
        if got is None:
            got = cache[text] = frozenset(analyze(text, self.vocab))
        return got

    def lexicon_rows(self) -> dict[str, int]:
        """Row of each lexicon word in `lexicon_vectors`, built once."""
        cached = self.__dict__.get("_lexicon_rows")
        if cached is None:
            cached = self.__dict__["_lexicon_rows"] = {w: i for i, w in enumerate(self.lexicon)}
        return cached

    def word_rows(self, text: str) -> tuple[int, ...]:
        """The lexicon rows of the words of `text` (those the lexicon has), cached per text."""
        cache = self.__dict__.setdefault("_word_rows", {})
        got = cache.get(text)
        if got is None:
            rows = self.lexicon_rows()
            got = cache[text] = tuple(dict.fromkeys(rows[w] for w in words(text) if w in rows))
        return got

    def term_table(self) -> TermTable | None:
        """Each passage's BM25 terms as this version analysed them (`terms.py`), read from
        disk on demand; None for a version written before they were kept."""
        if self.path is None or not all((self.path / f).exists() for f in TERMS):
            return None
        try:
            table = TermTable(
                json.loads((self.path / TERMS[0]).read_text(encoding="utf-8")),
                np.load(self.path / TERMS[1]),
                np.load(self.path / TERMS[2]),
            )
        except (OSError, ValueError):
            return None  # analysed again: slower, never wrong
        return table if len(table) == len(self.chunks) else None

    def chunk_terms(self) -> dict[str, list[str]]:
        """`term_table` by passage content hash, as strings (empty without a table)."""
        table = self.term_table()
        return {c.hash: table.passage(i) for i, c in enumerate(self.chunks)} if table is not None else {}

    def lexicon_index(self) -> Any:
        """The lexicon's nearest-neighbour index (`ann.py`): read from the version when it
        saved an HNSW graph, else built here (flat when small), once."""
        cached = self.__dict__.get("_lexicon_index")
        if cached is None or cached.ntotal != len(self.lexicon):
            cached = ann.build(self.lexicon_vectors.reshape(len(self.lexicon), -1))
            self.__dict__["_lexicon_index"] = cached
        return cached

    def lexicon_graph(self) -> Any:
        """The lexicon's HNSW graph if it has one (a big lexicon), else None."""
        index = self.__dict__.get("_lexicon_index")
        return index if index is not None and ann.is_graph(index) and index.ntotal == len(self.lexicon) else None

    def set_lexicon_index(self, index: Any) -> None:
        self.__dict__["_lexicon_index"] = index

    def first_sentence_rows(self) -> dict[str, int]:
        """Row of each document's first sentence in `sentence_vectors`, built once."""
        cached = self.__dict__.get("_first_rows")
        if cached is None:
            cached, row = {}, 0
            for d in self.documents:
                cached[d.doc_id] = row
                row += len(d.sentences)
            self.__dict__["_first_rows"] = cached
        return cached

    def sentence_rows(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """For each chunk, the rows of `sentence_vectors` of the sentences inside it.

        Returned flat: `rows`, `owner` (the chunk index of each row) and `edge` (True
        where the sentence starts or ends its chunk, with no context beside it), built once.
        """
        cached = self.__dict__.get("_sentence_rows")
        if cached is None:
            first = self.first_sentence_rows()
            rows: list[int] = []
            owner: list[int] = []
            edge: list[bool] = []
            for i, c in enumerate(self.chunks):
                d, base = self.doc_by_id[c.doc_id], first[c.doc_id]
                for j, (s, e) in enumerate(d.sentences):
                    if s >= c.start and e <= c.end:
                        rows.append(base + j)
                        owner.append(i)
                        edge.append((s - c.start < 25 and c.start > 0) or (c.end - e < 25 and c.end < len(d.text)))
            cached = (np.array(rows, dtype=np.int64), np.array(owner, dtype=np.int64), np.array(edge, dtype=bool))
            self.__dict__["_sentence_rows"] = cached
        return cached

    def sentence_runs(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """`sentence_rows`' rows and `edge` (as float32), the start of each passage's run and
        that passage, built once. A question scores each distinct sentence once (overlapping
        passages share half their sentences) and gathers the scores by `rows`."""
        cached = self.__dict__.get("_sentence_runs")
        if cached is None:
            rows, owner, edge = self.sentence_rows()
            starts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]]) if len(owner) else owner
            cached = (rows, edge.astype(np.float32), starts, owner[starts] if len(owner) else owner)
            self.__dict__["_sentence_runs"] = cached
        return cached

    def doc(self, doc_id: str) -> StoredDocument:
        return self.doc_by_id[doc_id]

    @property
    def doc_by_id(self) -> dict[str, StoredDocument]:
        cached = self.__dict__.get("_doc_by_id")
        if cached is None or len(cached) != len(self.documents):
            cached = {d.doc_id: d for d in self.documents}
            self.__dict__["_doc_by_id"] = cached
        return cached


# ---------------------------------------------------------------- reading


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
    index_dir = Path(index_dir)
    if not index_dir.exists():
        raise IndexError_(f"no index at {index_dir}: run `python -m ingest corpus/ --index {index_dir}`")
    for attempt in range(3):  # a writer may retire the version between CURRENT and open
        try:
            return _load_intact(index_dir, model_id, with_bm25, checksums)
        except FileNotFoundError:
            if attempt == 2:
                raise IndexError_(f"{index_dir} changed while loading it: try again") from None
            time.sleep(0.05)
    raise AssertionError("unreachable")


def _load_intact(index_dir: Path, model_id: str | None, with_bm25: bool, checksums: bool) -> IndexData:
    live = current_name(index_dir)
    if live is None:
        raise IndexError_(f"{index_dir} holds no index version (no CURRENT file): run `python -m ingest`")
    problems: list[str] = []
    for name in [live, *(v for v in reversed(versions(index_dir)) if v < live)]:
        vdir = index_dir / name
        problem = verify(vdir, checksums, REQUIRED_FILES) if vdir.is_dir() else f"{vdir} is missing"
        if problem is None:
            try:
                data = _load(vdir, model_id, with_bm25)
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


def _load(vdir: Path, model_id: str | None, with_bm25: bool) -> IndexData:
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
        return _read_version(vdir, manifest, with_bm25)
    except IndexError_:
        raise
    except FileNotFoundError as e:
        if not vdir.exists():
            raise  # retired by a writer while we read: load_index tries again
        raise _Damaged(f"{e.filename} is missing") from None
    except (OSError, ValueError, KeyError, TypeError, RuntimeError, EOFError) as e:
        raise _Damaged(f"{vdir} is unreadable ({type(e).__name__}: {str(e)[:80]})") from None


def _read_version(vdir: Path, manifest: dict[str, Any], with_bm25: bool) -> IndexData:
    import faiss

    documents = [
        StoredDocument(
            doc_id=d["doc_id"],
            source=d["source"],
            path=d["path"],
            title=d["title"],
            text=d["text"],
            meta=d["meta"],
            sentences=[(s, e) for s, e in d["sentences"]],
            sentence_hashes=d["sentence_hashes"],
            raw_hash=d.get("raw_hash", ""),
        )
        for d in _read_jsonl(vdir / "documents.jsonl")
    ]
    texts = {d.doc_id: d.text for d in documents}
    chunks = []
    for c in _read_jsonl(vdir / "chunks.jsonl"):
        if "text" not in c:  # a passage is a span of its document (written without its text)
            if c.get("doc_id") not in texts:
                raise _Damaged(f"{vdir}/chunks.jsonl names a document that is not there ({c.get('doc_id')})")
            c["text"] = texts[c["doc_id"]][c["start"] : c["end"]]
        chunks.append(Chunk(**c))
    findex = faiss.read_index(str(vdir / "vectors.faiss"))
    vectors = findex.reconstruct_n(0, findex.ntotal) if findex.ntotal else np.zeros((0, manifest["dim"]))
    sentence_vectors = np.load(vdir / "sentences.npy", mmap_mode="r")  # read on demand, shared with the page cache
    vocab = json.loads((vdir / "vocab.json").read_text(encoding="utf-8"))
    lexicon = json.loads((vdir / "lexicon.json").read_text(encoding="utf-8"))
    lexicon_vectors = np.asarray(np.load(vdir / "lexicon.npy", mmap_mode="r"), np.float32)
    counts = manifest["counts"]
    found = {
        "documents": len(documents),
        "chunks": len(chunks),
        "vectors": len(vectors),
        "sentences": len(sentence_vectors),
        "sentence spans": sum(len(d.sentences) for d in documents),
        "lexicon": len(lexicon),
        "lexicon vectors": len(lexicon_vectors),
    }
    expected = {
        "documents": counts["documents"],
        "chunks": counts["chunks"],
        "vectors": counts["chunks"],
        "sentences": counts.get("sentences", len(sentence_vectors)),
        "sentence spans": len(sentence_vectors),
        "lexicon": counts.get("lexicon", len(lexicon)),
        "lexicon vectors": len(lexicon),
    }
    for what, n in found.items():
        if n != expected[what]:
            raise _Damaged(f"{vdir} is inconsistent: {n} {what}, expected {expected[what]}")
    bm25 = None
    if with_bm25 and chunks:
        bm25 = _bm25s().BM25.load(str(vdir / "bm25"))
    data = IndexData(
        model_id=manifest["model_id"],
        dim=manifest["dim"],
        documents=documents,
        chunks=chunks,
        vectors=np.asarray(vectors, np.float32),
        sentence_vectors=np.asarray(sentence_vectors, np.float32),
        vocab=vocab,
        lexicon=lexicon,
        lexicon_vectors=lexicon_vectors,
        bm25=bm25,
        version=vdir.name,
        path=vdir,
        manifest=manifest,
    )
    graph = vdir / LEXICON_GRAPH
    if graph.exists():
        try:
            index = ann.load(graph)
        except RuntimeError as e:
            raise _Damaged(f"{graph} cannot be read ({str(e).splitlines()[0]})") from None
        if index.ntotal != len(lexicon):
            raise _Damaged(f"{vdir} is inconsistent: {index.ntotal} words in {LEXICON_GRAPH}, expected {len(lexicon)}")
        data.set_lexicon_index(index)
    return data


def _bm25s() -> Any:
    """The bm25s module, with its logger kept quiet (it sets itself to DEBUG on import)."""
    import bm25s

    logging.getLogger("bm25s").setLevel(logging.WARNING)
    return bm25s


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


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
            fd = os.open(os.path.join(root, name), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        _fsync_dir(Path(root))


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_jsonl(path: Path, rows: Iterator[dict[str, Any]] | list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_version(index_dir: Path, data: IndexData, terms: TermTable) -> str:
    """Write `data` as a new version, switch CURRENT to it, retire old versions.

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
        _write_files(tmp, name, data, terms)
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


def _write_terms(tmp: Path, terms: TermTable) -> None:
    """Each passage's BM25 terms (`terms.py`), so the next ingest analyses only new passages."""
    (tmp / TERMS[0]).write_text(json.dumps(terms.terms, ensure_ascii=False), encoding="utf-8")
    _save_npy(tmp / TERMS[1], terms.flat)
    _save_npy(tmp / TERMS[2], terms.offsets)


class _PyWriter:
    """A file numpy cannot write to directly, so it writes through Python in chunks and a
    full disk is an OSError with its errno (numpy's own `tofile` loses it)."""

    def __init__(self, f: Any) -> None:
        self.f = f

    def write(self, data: bytes) -> int:
        return int(self.f.write(data))


def _save_npy(path: Path, array: np.ndarray) -> None:
    with path.open("wb") as f:
        np.save(_PyWriter(f), array)


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


def _write_files(tmp: Path, name: str, data: IndexData, terms: TermTable) -> None:
    import faiss

    _write_jsonl(
        tmp / "documents.jsonl",
        [
            {
                "doc_id": d.doc_id,
                "source": d.source,
                "path": d.path,
                "title": d.title,
                "meta": d.meta,
                "sentences": d.sentences,
                "sentence_hashes": d.sentence_hashes,
                "raw_hash": d.raw_hash,
                "text": d.text,
            }
            for d in data.documents
        ],
    )
    # a passage's text is its document's text[start:end]: not stored twice
    _write_jsonl(tmp / "chunks.jsonl", [{k: v for k, v in c.__dict__.items() if k != "text"} for c in data.chunks])
    findex = faiss.IndexFlatIP(data.dim)
    if len(data.vectors):
        findex.add(np.ascontiguousarray(data.vectors, dtype=np.float32))
    ann.save(findex, tmp / "vectors.faiss")
    _save_npy(tmp / "sentences.npy", np.ascontiguousarray(data.sentence_vectors, dtype=np.float32))
    (tmp / "vocab.json").write_text(json.dumps(data.vocab, ensure_ascii=False), encoding="utf-8")
    (tmp / "lexicon.json").write_text(json.dumps(data.lexicon, ensure_ascii=False), encoding="utf-8")
    lexicon_vectors = np.ascontiguousarray(data.lexicon_vectors, dtype=np.float32).reshape(-1, data.dim)
    _save_npy(tmp / "lexicon.npy", lexicon_vectors)
    if len(data.lexicon) > ann.FLAT_MAX:  # a big lexicon is searched through a graph, saved once built
        ann.save(data.lexicon_index(), tmp / LEXICON_GRAPH)
    _write_terms(tmp, terms)
    if data.chunks:
        from ingest.bm25 import BM25

        _bm25s()  # its logging quietened
        retriever = BM25()
        retriever.index_table(terms)
        retriever.save(str(tmp / "bm25"))
    manifest = {
        "format_version": FORMAT_VERSION,
        "version": name,
        "model_id": data.model_id,
        "dim": data.dim,
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "counts": {
            "documents": len(data.documents),
            "chunks": len(data.chunks),
            "sentences": len(data.sentence_vectors),
            "lexicon": len(data.lexicon),
        },
        "documents": {d.doc_id: {"source": d.source, "title": d.title} for d in data.documents},
        "analyzer": "german-snowball+compounds",
        "files": file_table(tmp),  # size and SHA-256 of every file, checked when the version is read
    }
    (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
    _fsync_tree(tmp)
