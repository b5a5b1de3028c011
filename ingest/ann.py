"""Vector search that does not scan: exact below a size, an HNSW graph above it.

The lexicon (every content word of the corpus, embedded) grows with the archive: news
vocabularies reach 1-3M words at 1M passages. Matching an English question's words to
German corpus words is then a nearest-neighbour search, not a product with every word.
Below `FLAT_MAX` vectors an exact scan (one matrix product) is fast enough and needs no
build; above it, an HNSW graph is built at ingest, saved in the version folder, and read
at load (`benchmarks/lexicon_bench.py` measures scan, HNSW and recall against the scan).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

FLAT_MAX = 20_000  # vectors; a scan of 8 phrases then takes ~13 ms on one core, a graph search ~5 ms
HNSW_M = 32  # neighbours per node
EF_CONSTRUCTION = 64
EF_SEARCH = 256
TRAIN_ROWS = 50_000  # for the 8-bit quantizer's ranges
BATCH = 20_000  # rows added at a time (vectors may be memory-mapped)


class Flat:
    """Exact search by one matrix product (BLAS; FAISS's flat scan is slower for a few queries)."""

    def __init__(self, vectors: np.ndarray) -> None:
        self.vectors = vectors
        self.ntotal = len(vectors)

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        sims = queries @ self.vectors.T
        top = (
            np.argpartition(-sims, k - 1, axis=1)[:, :k]
            if k < self.ntotal
            else np.tile(np.arange(self.ntotal), (len(queries), 1))
        )
        part = np.take_along_axis(sims, top, axis=1)
        order = np.argsort(-part, axis=1)
        return np.take_along_axis(part, order, axis=1), np.take_along_axis(top, order, axis=1).astype(np.int64)


class Parts:
    """Several indexes searched as one: part i's rows start at `offsets[i]` (a segmented
    lexicon: a graph for each big segment, one scan over the small ones)."""

    def __init__(self, parts: list[tuple[Any, int]]) -> None:
        self.parts = parts
        self.ntotal = sum(index.ntotal for index, _ in parts)

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        sims, rows = [], []
        for index, offset in self.parts:
            if index.ntotal:
                s, r = index.search(queries, min(k, index.ntotal))
                sims.append(s)
                rows.append(np.where(r >= 0, r + offset, -1))
        if not sims:
            return np.zeros((len(queries), 0), np.float32), np.zeros((len(queries), 0), np.int64)
        s, r = np.concatenate(sims, axis=1), np.concatenate(rows, axis=1)
        order = np.argsort(-s, axis=1, kind="stable")[:, :k]
        return np.take_along_axis(s, order, axis=1), np.take_along_axis(r, order, axis=1)


def build(vectors: np.ndarray) -> Any:
    """A nearest-neighbour index over unit `vectors` (inner product): flat when small, HNSW when large."""
    if len(vectors) <= FLAT_MAX:
        return Flat(np.ascontiguousarray(vectors, dtype=np.float32))
    index = hnsw(vectors, HNSW_M, EF_CONSTRUCTION)
    _tune(index)
    return index


def hnsw(vectors: np.ndarray, links: int, construction: int) -> Any:
    """An HNSW graph over unit `vectors` (inner product) with 8-bit codes: about 384 bytes
    a vector plus 8 bytes a link (the lexicon's, and a big segment's passages and sentences)."""
    import faiss

    make: Any = faiss.IndexHNSWSQ  # (dimension, 8-bit codes, links, metric); its stub types the codes wrongly
    index = make(vectors.shape[1], faiss.ScalarQuantizer.QT_8bit, links, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction = construction
    step = max(1, len(vectors) // TRAIN_ROWS)
    index.train(np.ascontiguousarray(vectors[::step][:TRAIN_ROWS], dtype=np.float32))
    for i in range(0, len(vectors), BATCH):
        index.add(np.ascontiguousarray(vectors[i : i + BATCH], dtype=np.float32))
    return index


class Rescored:
    """A graph whose candidates are scored again exactly from the vectors (the graph's
    8-bit codes give approximate similarities; callers compare them with thresholds)."""

    def __init__(self, graph: Any, vectors: Any) -> None:
        self.graph, self.vectors, self.hnsw, self.ntotal = graph, vectors, graph.hnsw, graph.ntotal

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        _, rows = self.graph.search(queries, min(self.ntotal, 2 * k))
        sims = np.full(rows.shape, -np.inf, np.float32)
        for i, (q, r) in enumerate(zip(queries, rows, strict=True)):
            found = r >= 0
            sims[i, found] = np.asarray(self.vectors[r[found]], np.float32) @ q
        order = np.argsort(-sims, axis=1)[:, :k]
        sims, rows = np.take_along_axis(sims, order, axis=1), np.take_along_axis(rows, order, axis=1)
        return sims, np.where(np.isfinite(sims), rows, -1)


def save(index: Any, path: Path) -> None:
    """Write a FAISS index to `path` (a `Flat` one needs no file: it is the vectors).
    Serialised here and written by Python, so a full disk is an OSError, not a C++ error."""
    import faiss

    path.write_bytes(faiss.serialize_index(index).tobytes())


def load(path: Path) -> Any:
    import faiss

    index = faiss.read_index(str(path))
    _tune(index)
    return index


def is_graph(index: Any) -> bool:
    return hasattr(index, "hnsw")


def search(index: Any, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(similarities, rows) of the `k` nearest vectors to each query; rows are -1 past the end."""
    if not index.ntotal or not len(queries):
        return np.zeros((len(queries), 0), np.float32), np.zeros((len(queries), 0), np.int64)
    sims, rows = index.search(np.ascontiguousarray(queries, dtype=np.float32), min(k, index.ntotal))
    return sims, rows


def _tune(index: Any) -> None:
    if is_graph(index):
        index.hnsw.efSearch = EF_SEARCH
