"""Dense search that does not grow with the archive.

A big segment's passage and sentence vectors are searched through an HNSW graph built
when the segment is written (`ann.hnsw`: 8-bit codes in memory, ~520 bytes a vector; the
float32 vectors stay on disk, and the few candidates' rows are read to rescore them
exactly). A small
segment is searched by one exact product: below `GRAPH_MIN` rows that is as fast as a
graph and needs no build. `benchmarks/dense_bench.py` measures recall against the exact
search and the time per question.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np

from ingest import ann

GRAPH_MIN = 50_000  # rows of one segment; an exact product over 50,000 vectors takes ~5 ms
HNSW_M = 16
# measured on clustered synthetic vectors (benchmarks/dense_bench.py): the share of the exact
# top 50 the graph returns among its candidates. 80,000 sentences: construction effort 40,
# search 256: 0.983; 400,000 sentences: effort 80, search 256 / 512: 0.906 / 0.956 (more
# candidates did not help: the graph never reached them); effort 120, search 384: 0.997;
# effort 200, search 256: 1.000 at 1.6x the build time. 8-bit codes are no limit (an exact
# scan over them finds 1.000).
EF_CONSTRUCTION = 120
EF_SEARCH = 384
WIDEN = 2  # a graph is asked for this many times the candidates wanted: they are rescored exactly
SEARCH_THREADS = 2  # the machines have two cores


def build(vectors: np.ndarray) -> Any:
    """An HNSW graph over a big segment's passage or sentence `vectors` (saved and read with
    `ann.save` and `ann.load`)."""
    return ann.hnsw(vectors, HNSW_M, EF_CONSTRUCTION)


_POOL: list[ThreadPoolExecutor] = []


def _pool() -> ThreadPoolExecutor:
    if not _POOL:
        _POOL.append(ThreadPoolExecutor(max_workers=SEARCH_THREADS, thread_name_prefix="graph-search"))
    return _POOL[0]


class Search:
    """Top rows over several segments' vectors: (graph or None, vectors, index-wide row of
    each segment row or -1 for a deleted one) per segment."""

    def __init__(self, parts: Sequence[tuple[Any, np.ndarray, np.ndarray]], effort: int = EF_SEARCH) -> None:
        import faiss

        self.parts = [p for p in parts if len(p[1])]
        self.params = faiss.SearchParametersHNSW()  # type: ignore[attr-defined]  # missing from the stubs
        self.params.efSearch = effort

    def _searched(self, graph: Any, q: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
        s, found = graph.search(q.reshape(1, -1).astype(np.float32), WIDEN * n, params=self.params)
        return s[0], found[0]

    def top(self, q: np.ndarray, n: int) -> np.ndarray:
        """Index-wide rows of the best vectors for `q`, best first: `WIDEN` times `n`, so
        that after exact rescoring the best `n` are found (approximate where a segment has
        a graph)."""
        rows, sims = [], []
        graphs = [graph for graph, _, _ in self.parts if graph is not None]
        # FAISS lets go of the GIL while it searches: two graphs at a time on two cores
        found = iter(_pool().map(lambda g: self._searched(g, q, n), graphs) if len(graphs) > 1 else [])
        for graph, vectors, at in self.parts:
            if graph is None:
                s = np.asarray(vectors @ q, np.float32)
                local = np.argpartition(-s, n - 1)[:n] if len(s) > n else np.arange(len(s))
                s = s[local]
            else:
                s, local = next(found) if len(graphs) > 1 else self._searched(graph, q, n)
                s, local = s[local >= 0], local[local >= 0]
            where = at[local]
            rows.append(where[where >= 0])
            sims.append(s[where >= 0])
        if not rows:
            return np.zeros(0, np.int64)
        r, s = np.concatenate(rows), np.concatenate(sims)
        return r[np.argsort(-s, kind="stable")[: WIDEN * n]]
