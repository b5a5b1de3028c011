"""The index on disk: versioned, inspectable, switched atomically.

    index/
      CURRENT            name of the live version, e.g. "v000003" (replaced atomically)
      .lock              held by a writer while it ingests
      v000003/
        manifest.json    format version, model id, dimension, counts, hash per document
        documents.jsonl  one cleaned document per line, with metadata and sentence spans
        chunks.jsonl     one passage per line: doc id, offsets, text, content hash
        vectors.faiss    passage vectors (inner product on normalized vectors)
        sentences.npy    sentence vectors, in the order of the documents' sentence spans
        bm25/            bm25s index over the German analysis of each passage
        vocab.json       corpus word frequencies for splitting compounds at query time
        lexicon.json     the corpus's content words, and lexicon.npy their vectors: English
                         question words are matched to them to search BM25 in German

A version is written into a temporary folder, fsynced, renamed into place, and only
then named in CURRENT. A crash at any point leaves the previous version live.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ingest.analyze import analyze, words
from ingest.errors import IndexError_

FORMAT_VERSION = 2
KEEP_VERSIONS = 2
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

    def faiss(self) -> Any:
        """A FAISS inner-product index over `vectors` (built on first use)."""
        cached = self.__dict__.get("_faiss")
        if cached is None or cached.ntotal != len(self.vectors):
            import faiss

            cached = faiss.IndexFlatIP(self.dim)
            if len(self.vectors):
                cached.add(np.ascontiguousarray(self.vectors, dtype=np.float32))
            self.__dict__["_faiss"] = cached
        return cached

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


def current_version(index_dir: Path) -> Path | None:
    """The live version folder, or None for an index that has none yet."""
    pointer = index_dir / "CURRENT"
    if not pointer.exists():
        return None
    name = pointer.read_text(encoding="utf-8").strip()
    return index_dir / name


def read_manifest(index_dir: Path) -> dict[str, Any]:
    """The live version's manifest, with clear errors for what is missing or old."""
    if not index_dir.exists():
        raise IndexError_(f"no index at {index_dir}: run `python -m ingest corpus/ --index {index_dir}`")
    vdir = current_version(index_dir)
    if vdir is None:
        raise IndexError_(f"{index_dir} holds no index version (no CURRENT file): run `python -m ingest`")
    if not vdir.is_dir():
        raise IndexError_(f"{index_dir}/CURRENT names {vdir.name}, which is missing: re-run `python -m ingest`")
    for name in REQUIRED_FILES:
        if not (vdir / name).exists():
            raise IndexError_(f"index version {vdir} is missing {name}: re-run `python -m ingest`")
    manifest = json.loads((vdir / "manifest.json").read_text(encoding="utf-8"))
    fmt = manifest.get("format_version")
    if fmt != FORMAT_VERSION:
        raise IndexError_(
            f"index {vdir} has format version {fmt}, this program reads {FORMAT_VERSION}: "
            f"delete {index_dir} and re-run `python -m ingest`"
        )
    return manifest


def load_index(index_dir: Path, model_id: str | None = None, with_bm25: bool = True) -> IndexData:
    """Load the live version. Raises `IndexError_` naming the problem and the fix."""
    index_dir = Path(index_dir)
    for attempt in range(3):  # a writer may retire the version between CURRENT and open
        try:
            return _load(index_dir, model_id, with_bm25)
        except FileNotFoundError:
            if attempt == 2:
                raise
            time.sleep(0.05)
    raise AssertionError("unreachable")


def _load(index_dir: Path, model_id: str | None, with_bm25: bool) -> IndexData:
    import faiss

    manifest = read_manifest(index_dir)
    vdir = current_version(index_dir)
    assert vdir is not None
    if model_id is not None and manifest["model_id"] != model_id:
        raise IndexError_(
            f"index {index_dir} was built with model '{manifest['model_id']}', but this program "
            f"uses '{model_id}': re-ingest into a new --index folder"
        )
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
        )
        for d in _read_jsonl(vdir / "documents.jsonl")
    ]
    chunks = [Chunk(**c) for c in _read_jsonl(vdir / "chunks.jsonl")]
    findex = faiss.read_index(str(vdir / "vectors.faiss"))
    vectors = findex.reconstruct_n(0, findex.ntotal) if findex.ntotal else np.zeros((0, manifest["dim"]))
    sentence_vectors = np.load(vdir / "sentences.npy")
    counts = manifest["counts"]
    if len(chunks) != counts["chunks"] or len(vectors) != len(chunks) or len(documents) != counts["documents"]:
        raise IndexError_(f"index version {vdir} is inconsistent (counts differ): re-run `python -m ingest`")
    bm25 = None
    if with_bm25 and chunks:
        import bm25s

        bm25 = bm25s.BM25.load(str(vdir / "bm25"))
    vocab = json.loads((vdir / "vocab.json").read_text(encoding="utf-8"))
    lexicon = json.loads((vdir / "lexicon.json").read_text(encoding="utf-8"))
    lexicon_vectors = np.load(vdir / "lexicon.npy").astype(np.float32)
    data = IndexData(
        model_id=manifest["model_id"],
        dim=manifest["dim"],
        documents=documents,
        chunks=chunks,
        vectors=np.asarray(vectors, np.float32),
        sentence_vectors=sentence_vectors.astype(np.float32),
        vocab=vocab,
        lexicon=lexicon,
        lexicon_vectors=lexicon_vectors,
        bm25=bm25,
        version=vdir.name,
        path=vdir,
        manifest=manifest,
    )
    data.__dict__["_faiss"] = findex
    return data


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


# ---------------------------------------------------------------- writing


@contextlib.contextmanager
def writer_lock(index_dir: Path) -> Iterator[None]:
    """Hold the index's writer lock; a second ingest waits for the first."""
    index_dir.mkdir(parents=True, exist_ok=True)
    with (index_dir / ".lock").open("a") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
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


def write_version(index_dir: Path, data: IndexData, bm25_tokens: list[list[str]]) -> str:
    """Write `data` as a new version, switch CURRENT to it, retire old versions.

    The caller holds `writer_lock`. Returns the new version's name.
    """
    import faiss

    index_dir.mkdir(parents=True, exist_ok=True)
    for stale in index_dir.glob(".tmp-*"):
        shutil.rmtree(stale, ignore_errors=True)
    existing = sorted(p.name for p in index_dir.glob("v[0-9]*") if p.is_dir())
    number = int(existing[-1][1:]) + 1 if existing else 1
    name = f"v{number:06d}"
    tmp = index_dir / f".tmp-{name}-{os.getpid()}"
    tmp.mkdir()

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
                "text": d.text,
            }
            for d in data.documents
        ],
    )
    _write_jsonl(tmp / "chunks.jsonl", [c.__dict__ for c in data.chunks])
    findex = faiss.IndexFlatIP(data.dim)
    if len(data.vectors):
        findex.add(np.ascontiguousarray(data.vectors, dtype=np.float32))
    faiss.write_index(findex, str(tmp / "vectors.faiss"))
    np.save(tmp / "sentences.npy", np.ascontiguousarray(data.sentence_vectors, dtype=np.float32))
    (tmp / "vocab.json").write_text(json.dumps(data.vocab, ensure_ascii=False), encoding="utf-8")
    (tmp / "lexicon.json").write_text(json.dumps(data.lexicon, ensure_ascii=False), encoding="utf-8")
    lexicon_vectors = np.ascontiguousarray(data.lexicon_vectors, dtype=np.float32).reshape(-1, data.dim)
    np.save(tmp / "lexicon.npy", lexicon_vectors)
    if data.chunks:
        import bm25s

        retriever = bm25s.BM25(method="lucene", k1=1.2, b=0.75)
        retriever.index(bm25_tokens, show_progress=False)
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
    }
    (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
    _fsync_tree(tmp)

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

    for old in sorted(p.name for p in index_dir.glob("v[0-9]*") if p.is_dir())[:-KEEP_VERSIONS]:
        shutil.rmtree(index_dir / old, ignore_errors=True)
    return name
