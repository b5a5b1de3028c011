"""Dense scoring cost as the archive grows (synthetic index, random unit vectors).

Times `retrieve.dense_scores` (FAISS passage search plus the best-sentence mix) on
synthetic indexes of N passages with 4 sentences each; prints medians of 30 queries.
Only our own per-question work shows: no model, no BM25.

    python -m benchmarks.dense_bench [--sizes 1000 10000 40000]
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from chatbot.retrieve import dense_scores
from ingest.store import Chunk, IndexData, StoredDocument

DIM = 384
PER_DOC = 8  # passages per article
SENTS = 4  # sentences per passage


def synthetic(n_passages: int, seed: int = 0) -> IndexData:
    rng = np.random.default_rng(seed)
    sentence = "Ein Satz mit etwa vierzig Zeichen Länge hier. "
    docs, chunks = [], []
    for d in range(max(1, n_passages // PER_DOC)):
        text = sentence * (PER_DOC * SENTS)
        step = len(sentence)
        spans = [(i * step, (i + 1) * step - 1) for i in range(PER_DOC * SENTS)]
        doc_id = f"d{d}"
        docs.append(StoredDocument(doc_id, f"{d}.txt", f"/{d}.txt", f"Artikel {d}", text, {}, spans, [""] * len(spans)))
        for p in range(PER_DOC):
            start, end = p * SENTS * step, (p + 1) * SENTS * step - 1
            chunks.append(Chunk(doc_id, p, start, end, text[start:end], f"{d}-{p}"))

    def unit(n: int) -> np.ndarray:
        v = rng.standard_normal((n, DIM)).astype(np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    n_sent = sum(len(d.sentences) for d in docs)
    return IndexData("fake", DIM, docs, chunks, unit(len(chunks)), unit(n_sent), {})


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.dense_bench", description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 40000])
    p.add_argument("--queries", type=int, default=30)
    args = p.parse_args(argv)
    from threadpoolctl import threadpool_limits

    threadpool_limits(1, user_api="blas")  # as the chatbot runs it
    print("| passages | sentences | first query (builds caches) | dense_scores p50 | p95 |")
    print("|---|---|---|---|---|")
    rng = np.random.default_rng(1)
    for n in args.sizes:
        index = synthetic(n)
        qs = rng.standard_normal((args.queries + 1, DIM)).astype(np.float32)
        qs /= np.linalg.norm(qs, axis=1, keepdims=True)
        t = time.perf_counter()
        dense_scores(index, qs[0])
        first = time.perf_counter() - t
        times = []
        for q in qs[1:]:
            t = time.perf_counter()
            dense_scores(index, q)
            times.append((time.perf_counter() - t) * 1000)
        times.sort()
        p95 = times[int(0.95 * (len(times) - 1))]
        print(f"| {len(index.chunks)} | {len(index.sentence_vectors)} | {first:.2f} s | "
              f"{statistics.median(times):.1f} ms | {p95:.1f} ms |")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
