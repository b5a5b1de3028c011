"""A segment: an immutable part of the index, written once by the ingest that made it.

    s000004/
      catalog.json      which documents it holds, from which files (all an ingest reads),
                        column by column (one list per field: 100,000s parse fast)
      documents.json    the documents' metadata, column by column; their texts, sentence
      texts.txt ...     spans and hashes in files read per document (documents.Texts)
      chunks.npy        its passages as (document, number, start, end) in their documents,
      chunk_hashes.json and their content hashes
      vectors.npy       passage vectors, one row per passage
      sentences.npy     sentence vectors, in the order of the documents' sentence spans
      runs.npy          for each passage, the rows of its sentences (see `sentence_runs`)
      people.json       who the documents name in full (surname stems, ingest/names.py)
      terms.npy         the segment's BM25 terms, sorted; postings.npz their postings
      lexicon.json      the content words this segment brought into the corpus, and
      lexicon.npy       their vectors; lexicon.hnsw when there are many (ann.py)
      vectors.hnsw      for a big segment, graphs its passage and sentence vectors are
      sentences.hnsw    searched through (dense.py)

An ingest adds one segment with only what is new; a version (store.py) lists its live
segments and the documents deleted from them. `merge` rewrites several segments as one
(their live documents only) without embedding or analysing anything again.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Container, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ingest import ann, dense
from ingest.bm25 import Postings
from ingest.documents import Chunk, ChunkList, LazyDocument, StoredDocument, Texts, sentence_count
from ingest.names import surnames
from ingest.rows import RowFile, save_npy

LEXICON_GRAPH = "lexicon.hnsw"  # only for a segment lexicon over ann.FLAT_MAX words


@dataclass
class Entry:
    """What an ingest needs to know of a stored document, without its text (catalog.json)."""

    doc_id: str
    path: str
    source: str
    title: str
    raw_hash: str
    chunks: int
    stat: list[int] = field(default_factory=list)  # the file's size and mtime (ns) when it was read


_ENTRY_FIELDS = ("doc_id", "path", "source", "title", "raw_hash", "chunks", "stat")
_DOCUMENT_FIELDS = ("doc_id", "source", "path", "title", "meta", "raw_hash", "stat")
_HEAVY = (
    "documents",
    "chunks",
    "vectors",
    "sentence_vectors",
    "postings",
    "lexicon_vectors",
    "lexicon_graph",
    "runs",
    "passage_graph",
    "sentence_graph",
    "people",
)
GRAPHS = {"passage_graph": ("vectors", "vectors.hnsw"), "sentence_graph": ("sentence_vectors", "sentences.hnsw")}


class Segment:
    """A segment in memory, or on disk and read on first use of its documents or vectors
    (an ingest reads only the catalog: which documents it holds, from which files)."""

    documents: list[StoredDocument]
    chunks: Sequence[Chunk]
    vectors: np.ndarray
    sentence_vectors: np.ndarray
    postings: Postings
    lexicon_vectors: np.ndarray
    lexicon_graph: Any  # an HNSW graph over `lexicon_vectors`, for a big lexicon
    runs: np.ndarray  # (3, rows) int64: sentence row, passage, edge (see `sentence_runs`)
    passage_graph: Any  # HNSW graphs over the vectors of a big segment (dense.py), else None
    sentence_graph: Any
    people: set[str]  # stems of the surnames the documents name in full (ingest/names.py)

    def __init__(
        self,
        name: str,
        documents: list[StoredDocument],
        chunks: Sequence[Chunk],
        vectors: np.ndarray,
        sentence_vectors: np.ndarray,
        postings: Postings,
        lexicon: list[str] | None = None,
        lexicon_vectors: np.ndarray | None = None,
        lexicon_graph: Any = None,
        runs: np.ndarray | None = None,
    ) -> None:
        self.name, self.dim = name, int(vectors.shape[1]) if vectors.ndim == 2 else 0
        self.folder: Path | None = None
        self.documents, self.chunks, self.vectors, self.sentence_vectors = documents, chunks, vectors, sentence_vectors
        self.postings, self.lexicon = postings, lexicon or []
        self.lexicon_vectors = lexicon_vectors if lexicon_vectors is not None else np.zeros((0, self.dim), np.float32)
        self.lexicon_graph = lexicon_graph
        self.runs = runs if runs is not None else sentence_runs(documents, chunks)
        self.passage_graph = self.sentence_graph = None
        self.people = surnames(d.text for d in documents)
        counts = Counter(c.doc_id for c in chunks)
        self.catalog = [
            Entry(d.doc_id, d.path, d.source, d.title, d.raw_hash, counts[d.doc_id], d.stat) for d in documents
        ]

    @classmethod
    def on_disk(cls, folder: Path, dim: int) -> Segment:
        """The segment in `folder`: its catalog and lexicon words now, the rest on first use."""
        seg = cls.__new__(cls)
        seg.name, seg.folder, seg.dim = folder.name, folder, dim
        columns = json.loads((folder / "catalog.json").read_text(encoding="utf-8"))
        seg.catalog = [Entry(*row) for row in zip(*(columns[f] for f in _ENTRY_FIELDS), strict=True)]
        seg.lexicon = json.loads((folder / "lexicon.json").read_text(encoding="utf-8"))
        return seg

    def __getattr__(self, name: str) -> Any:  # only called for what is not read yet
        if name in _HEAVY and self.__dict__.get("folder") is not None and "documents" not in self.__dict__:
            _read_into(self)
            return getattr(self, name)
        raise AttributeError(name)


def sentence_runs(documents: Sequence[StoredDocument], chunks: Sequence[Chunk]) -> np.ndarray:
    """For each passage, the rows (in the segment's sentence vectors) of the sentences
    inside it: (3, n) int64 of sentence row, passage, and 1 where the sentence starts or
    ends its passage with no context beside it. Passages keep their documents' order."""
    first: dict[str, int] = {}
    row = 0
    for d in documents:
        first[d.doc_id] = row
        row += len(d.sentences)
    by_id = {d.doc_id: d for d in documents}
    out: list[tuple[int, int, int]] = []
    for i, c in enumerate(chunks):
        d, base = by_id[c.doc_id], first[c.doc_id]
        for j, (s, e) in enumerate(d.sentences):
            if s >= c.start and e <= c.end:
                edge = (s - c.start < 25 and c.start > 0) or (c.end - e < 25 and c.end < len(d.text))
                out.append((base + j, i, int(edge)))
    return np.array(out, dtype=np.int64).reshape(-1, 3).T.copy()


# ---------------------------------------------------------------- reading and writing


def write(folder: Path, seg: Segment) -> None:
    """Write `seg` into `folder` (which exists and is empty)."""
    columns = {f: [getattr(d, f) for d in seg.documents] for f in _DOCUMENT_FIELDS}
    (folder / "documents.json").write_text(json.dumps(columns, ensure_ascii=False), encoding="utf-8")
    Texts.write(folder, seg.documents)
    columns = {f: [getattr(e, f) for e in seg.catalog] for f in _ENTRY_FIELDS}
    (folder / "catalog.json").write_text(json.dumps(columns, ensure_ascii=False), encoding="utf-8")
    # a passage is its document's text[start:end]: stored as numbers, not text
    position = {d.doc_id: i for i, d in enumerate(seg.documents)}
    table = np.array([(position[c.doc_id], c.n, c.start, c.end) for c in seg.chunks], np.int64).reshape(-1, 4)
    save_npy(folder / "chunks.npy", table)
    (folder / "chunk_hashes.json").write_text(json.dumps([c.hash for c in seg.chunks]), encoding="utf-8")
    save_npy(folder / "vectors.npy", np.ascontiguousarray(seg.vectors, dtype=np.float32))
    save_npy(folder / "sentences.npy", np.ascontiguousarray(seg.sentence_vectors, dtype=np.float32))
    save_npy(folder / "runs.npy", seg.runs)
    (folder / "people.json").write_text(json.dumps(sorted(seg.people), ensure_ascii=False), encoding="utf-8")
    seg.postings.save(folder / "terms.npy", folder / "postings.npz")
    (folder / "lexicon.json").write_text(json.dumps(seg.lexicon, ensure_ascii=False), encoding="utf-8")
    dim = seg.vectors.shape[1] if seg.vectors.ndim == 2 else 0
    save_npy(folder / "lexicon.npy", np.ascontiguousarray(seg.lexicon_vectors, dtype=np.float32).reshape(-1, dim))
    for graph, (rows, file) in GRAPHS.items():  # a big segment's vectors are searched through graphs
        if len(getattr(seg, rows)) >= dense.GRAPH_MIN:
            if getattr(seg, graph) is None:
                setattr(seg, graph, dense.build(getattr(seg, rows)))
            ann.save(getattr(seg, graph), folder / file)
    if len(seg.lexicon) > ann.FLAT_MAX:  # a big lexicon is searched through a graph, built once
        if seg.lexicon_graph is None or seg.lexicon_graph.ntotal != len(seg.lexicon):
            seg.lexicon_graph = ann.build(seg.lexicon_vectors)
        ann.save(seg.lexicon_graph, folder / LEXICON_GRAPH)


def read(folder: Path, dim: int) -> Segment:
    """Read a segment written by `write`, all of it. Raises OSError/ValueError/KeyError when damaged."""
    seg = Segment.on_disk(folder, dim)
    _read_into(seg)
    return seg


def _read_into(seg: Segment) -> None:
    folder, dim = seg.folder, seg.dim
    assert folder is not None
    columns = json.loads((folder / "documents.json").read_text(encoding="utf-8"))
    texts = Texts(folder)
    documents: list[StoredDocument] = [
        LazyDocument(texts, i, **dict(zip(_DOCUMENT_FIELDS, row, strict=True)))
        for i, row in enumerate(zip(*(columns[f] for f in _DOCUMENT_FIELDS), strict=True))
    ]
    if len(documents) != len(texts.offsets) - 1:
        raise ValueError(f"{folder}/documents.json does not fit texts.npy")
    table = np.load(folder / "chunks.npy").reshape(-1, 4)
    hashes = json.loads((folder / "chunk_hashes.json").read_text(encoding="utf-8"))
    if len(table) != len(hashes) or (len(table) and not 0 <= table[:, 0].min() <= table[:, 0].max() < len(documents)):
        raise ValueError(f"{folder}/chunks.npy does not fit its documents")
    chunks = ChunkList(documents, table, hashes)
    graph = None
    if (folder / LEXICON_GRAPH).exists():
        try:
            graph = ann.load(folder / LEXICON_GRAPH)
        except RuntimeError as e:
            raise ValueError(f"{folder / LEXICON_GRAPH} cannot be read ({str(e).splitlines()[0]})") from None
    seg.documents, seg.chunks = documents, chunks
    seg.vectors, seg.sentence_vectors = _vectors(folder / "vectors.npy", dim), _vectors(folder / "sentences.npy", dim)
    seg.postings = Postings.load(folder / "terms.npy", folder / "postings.npz")
    seg.lexicon_vectors = _vectors(folder / "lexicon.npy", dim)
    seg.lexicon_graph = graph
    seg.runs = np.load(folder / "runs.npy").reshape(3, -1)
    people = folder / "people.json"  # a segment written before it was kept: its texts are read once
    seg.people = set(json.loads(people.read_text("utf-8"))) if people.exists() else surnames(d.text for d in documents)
    for graph, (_, file) in GRAPHS.items():
        try:
            setattr(seg, graph, ann.load(folder / file) if (folder / file).exists() else None)
        except RuntimeError as e:
            raise ValueError(f"{folder / file} cannot be read ({str(e).splitlines()[0]})") from None
    _check(seg, folder)


def _vectors(path: Path, dim: int) -> Any:
    """A segment's vectors: read into memory when few, else rows read from disk when used
    (`rows.RowFile`; a big segment is searched through its graphs, and only candidates'
    vectors are read)."""
    if path.stat().st_size > dense.GRAPH_MIN * 4 * max(1, dim):  # a segment big enough for graphs
        return RowFile(path)
    array = np.load(path)
    return array.reshape(-1, dim) if len(array) else np.zeros((0, dim), np.float32)


def _check(seg: Segment, folder: Path) -> None:
    found = {
        "vectors": (len(seg.vectors), len(seg.chunks)),
        "sentence vectors": (len(seg.sentence_vectors), sum(sentence_count(d) for d in seg.documents)),
        "postings passages": (seg.postings.passages, len(seg.chunks)),
        "lexicon vectors": (len(seg.lexicon_vectors), len(seg.lexicon)),
        "catalog documents": (len(seg.catalog), len(seg.documents)),
        "passage graph": (
            len(seg.vectors) if seg.passage_graph is None else seg.passage_graph.ntotal,
            len(seg.vectors),
        ),
        "sentence graph": (
            len(seg.sentence_vectors) if seg.sentence_graph is None else seg.sentence_graph.ntotal,
            len(seg.sentence_vectors),
        ),
        "lexicon graph": (
            seg.lexicon_graph.ntotal if seg.lexicon_graph is not None else len(seg.lexicon),
            len(seg.lexicon),
        ),
    }
    for what, (n, expected) in found.items():
        if n != expected:
            raise ValueError(f"{folder} is inconsistent: {n} {what}, expected {expected}")


# ---------------------------------------------------------------- merging


def live_rows(seg: Segment, deleted: frozenset[str] | set[str]) -> tuple[np.ndarray, np.ndarray]:
    """Boolean masks of the segment's passages and sentences whose document is not deleted."""
    if not deleted:
        return np.ones(len(seg.chunks), bool), np.ones(len(seg.sentence_vectors), bool)
    live = np.array([d.doc_id not in deleted for d in seg.documents], bool)
    if isinstance(seg.chunks, ChunkList):  # the document of each passage, without making passages
        chunks = live[seg.chunks.table[:, 0]] if len(seg.chunks) else np.zeros(0, bool)
    else:
        chunks = np.fromiter((c.doc_id not in deleted for c in seg.chunks), bool, len(seg.chunks))
    sentences = np.repeat(live, [sentence_count(d) for d in seg.documents])
    return chunks, sentences.astype(bool)


def live_chunks(seg: Segment, deleted: frozenset[str] | set[str]) -> int:
    """How many of the segment's passages belong to documents not deleted (from its catalog)."""
    return sum(e.chunks for e in seg.catalog if e.doc_id not in deleted)


def merge(parts: list[tuple[Segment, frozenset[str]]], name: str, words: Container[str] | None = None) -> Segment:
    """One segment holding the live documents of `parts` (segment, its deleted documents), in
    order; vectors and postings are copied, nothing is embedded or analysed. Lexicon words
    not in `words` (no document uses them any more) are dropped."""
    documents: list[StoredDocument] = []
    chunks: list[Chunk] = []
    vectors, sentence_vectors, postings = [], [], []
    lexicon: list[str] = []
    lexicon_vectors = []
    seen: set[str] = set()
    dim = 0
    for seg, deleted in parts:
        dim = seg.vectors.shape[1]
        live_c, live_s = live_rows(seg, deleted)
        documents.extend(d for d in seg.documents if d.doc_id not in deleted)
        chunks.extend(c for c, keep in zip(seg.chunks, live_c, strict=True) if keep)
        vectors.append(np.asarray(seg.vectors)[live_c])
        sentence_vectors.append(np.asarray(seg.sentence_vectors)[live_s])
        postings.append(seg.postings.subset(live_c))
        keep_w = [i for i, w in enumerate(seg.lexicon) if w not in seen and (words is None or w in words)]
        lexicon.extend(seg.lexicon[i] for i in keep_w)
        seen.update(seg.lexicon[i] for i in keep_w)
        lexicon_vectors.append(np.asarray(seg.lexicon_vectors)[keep_w])
    return Segment(
        name,
        documents,
        chunks,
        np.concatenate(vectors) if vectors else np.zeros((0, dim), np.float32),
        np.concatenate(sentence_vectors) if sentence_vectors else np.zeros((0, dim), np.float32),
        Postings.concat(postings),
        lexicon,
        np.concatenate(lexicon_vectors).reshape(-1, dim) if lexicon_vectors else np.zeros((0, dim), np.float32),
    )
