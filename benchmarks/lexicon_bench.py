"""Lexicon search at archive sizes: exact scan against the HNSW graph (`ingest/ann.py`).

Matching an English question's words to German corpus words is a nearest-neighbour
search over the lexicon, which grows to 1-3M words at 1M passages. Synthetic unit
vectors in clusters (a stand-in for word vectors; the real lexicon of the seed corpus
has ~2k words) at each size: build time, search p50 for one question's phrases (8
vectors, top 5, one thread), and recall@5 of the graph against the exact scan (one
matrix product, `ann.Flat`, what runs below `ann.FLAT_MAX`).

    python -m benchmarks.lexicon_bench [--sizes 100000,1000000]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

import numpy as np

from benchmarks import report
from ingest import ann

DIM = 384
QUERIES = 200
PHRASES = 8  # vectors per question (translate.MAX_PHRASES)


def synthetic(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """`n` unit vectors around 2,000 centres, and queries near some of them (a word's translation)."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((2000, DIM)).astype(np.float32)
    x = centres[rng.integers(0, len(centres), n)]
    x += 0.9 * rng.standard_normal((n, DIM)).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    q = x[rng.integers(0, n, QUERIES)] + 0.3 * rng.standard_normal((QUERIES, DIM)).astype(np.float32) / np.sqrt(DIM)
    return x, q / np.linalg.norm(q, axis=1, keepdims=True)


def p50_ms(index: object, queries: np.ndarray) -> float:
    times = []
    for i in range(0, len(queries), PHRASES):
        t = time.perf_counter()
        ann.search(index, queries[i : i + PHRASES], 5)
        times.append(time.perf_counter() - t)
    return 1000 * statistics.median(times)


def run(n: int) -> dict:
    import faiss

    x, q = synthetic(n)
    flat = ann.Flat(x)
    faiss.omp_set_num_threads(os.cpu_count() or 1)  # the build at ingest uses every core
    t = time.perf_counter()
    graph = ann.build(x) if n > ann.FLAT_MAX else None
    if graph is None:  # below the flat limit the product runs; build the graph anyway to compare
        limit, ann.FLAT_MAX = ann.FLAT_MAX, 0
        graph = ann.build(x)
        ann.FLAT_MAX = limit
    build_s = time.perf_counter() - t
    faiss.omp_set_num_threads(1)  # a question: one thread
    truth = ann.search(flat, q, 5)[1]
    found = ann.search(graph, q, 5)[1]
    recall = float(np.mean([len(set(a) & set(b)) / 5 for a, b in zip(found, truth, strict=True)]))
    scan, search = p50_ms(flat, q), p50_ms(graph, q)
    return {
        "words": n,
        "scan_p50_ms": round(scan, 2),
        "hnsw_p50_ms": round(search, 2),
        "speed_up": round(scan / search, 1),
        "recall@5": round(recall, 4),
        "hnsw_build_s": round(build_s, 1),
        "used": "hnsw" if n > ann.FLAT_MAX else "scan",
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.lexicon_bench")
    p.add_argument("--sizes", default="100000,1000000")
    p.add_argument("--out", type=Path, default=Path("bench-results/lexicon.json"))
    args = p.parse_args(argv)
    import faiss
    from threadpoolctl import threadpool_limits

    faiss.omp_set_num_threads(1)
    rows = []
    with threadpool_limits(1):
        for n in (int(s) for s in args.sizes.split(",")):
            rows.append(run(n))
            print(json.dumps(rows[-1]), flush=True)
    print("\n" + report.table(rows))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
