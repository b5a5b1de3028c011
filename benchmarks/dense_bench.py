"""Dense scoring as the archive grows: the exact scan against the graph search.

Synthetic index of N passages with 4 sentences each; vectors are clustered like real
embeddings (topics, passages near their topic, sentences near their passage; random
unit vectors have no neighbours worth the name and make any approximate search look
worse than it is). Questions are sentences with noise. For each size: the time of
`retrieve.dense_scores` scanning every vector and searching the graphs (`ingest/dense.py`),
medians of the questions, and how many of the ideal top 50 and top 5 passages (the mixed
score computed for every passage; both searches score only candidates) each finds; and
the graphs' own recall: how many of the exact top 50 passage and sentence vectors the
graph search returns. One BLAS thread, as the chatbot runs it.

    python -m benchmarks.dense_bench [--sizes 20000 100000]
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from chatbot.retrieve import EDGE_PENALTY, dense_scores
from ingest import dense
from ingest.bm25 import Postings
from ingest.store import Chunk, IndexData, Segment, StoredDocument, view

DIM = 384
PER_DOC = 8  # passages per article
SENTS = 4  # sentences per passage
TOPICS = 500


def _unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)


def synthetic(n_passages: int, seed: int = 0) -> tuple[Segment, np.ndarray]:
    """A segment of `n_passages` passages, and questions (sentence vectors with noise)."""
    rng = np.random.default_rng(seed)
    sentence = "Ein Satz mit etwa vierzig Zeichen Länge hier. "
    docs, chunks = [], []
    step = len(sentence)
    for d in range(max(1, n_passages // PER_DOC)):
        text = sentence * (PER_DOC * SENTS)
        spans = [(i * step, (i + 1) * step - 1) for i in range(PER_DOC * SENTS)]
        doc_id = f"d{d}"
        docs.append(StoredDocument(doc_id, f"{d}.txt", f"/{d}.txt", f"Artikel {d}", text, {}, spans, [""] * len(spans)))
        for p in range(PER_DOC):
            start, end = p * SENTS * step, (p + 1) * SENTS * step - 1
            chunks.append(Chunk(doc_id, p, start, end, text[start:end], f"{d}-{p}"))
    topics = _unit(rng.standard_normal((TOPICS, DIM)))
    passages = _unit(
        topics[rng.integers(0, TOPICS, len(chunks))] + 0.9 * _unit(rng.standard_normal((len(chunks), DIM)))
    )
    sentences = _unit(np.repeat(passages, SENTS, axis=0) + 0.8 * _unit(rng.standard_normal((len(chunks) * SENTS, DIM))))
    picked = sentences[rng.choice(len(sentences), 40, replace=False)]
    questions = _unit(picked + 0.9 * _unit(rng.standard_normal(picked.shape)))
    seg = Segment("s1", docs, chunks, passages, sentences, Postings.build([[] for _ in chunks]))
    return seg, questions


def _ideal(index: IndexData, q: np.ndarray, n: int = 50, share: float = 0.6) -> list[int]:
    """The top `n` passages by the mixed score computed for every passage (what both
    searches approximate: they score only candidates)."""
    rows, owner, edge = index.sentence_rows()
    sent = np.asarray(index.sentence_vectors)[rows] @ q - EDGE_PENALTY * edge
    best = np.full(len(index.chunks), -1.0, np.float32)
    np.maximum.at(best, owner, sent)
    mixed = (1 - share) * (np.asarray(index.vectors) @ q) + share * best
    return np.argsort(-mixed)[:n].tolist()


def _recall(found: list[dict[int, float]], ideal: list[list[int]], k: int) -> float:
    tops = [sorted(f, key=f.__getitem__, reverse=True)[:k] for f in found]
    return float(np.mean([len(set(t) & set(i[:k])) / k for t, i in zip(tops, ideal, strict=True)]))


def _graph_recall(graph: object, vectors: np.ndarray, questions: np.ndarray, k: int = 50) -> float:
    """Share of the exact top `k` rows that the graph search returns (it is asked for
    `dense.WIDEN` times `k` candidates, as a question asks it)."""
    search = dense.Search([(graph, vectors, np.arange(len(vectors)))])
    hits = []
    for q in questions:
        exact = np.argsort(-(vectors @ q))[:k]
        hits.append(len(set(exact.tolist()) & set(search.top(q, k).tolist())) / k)
    return float(np.mean(hits))


def _time(index: IndexData, questions: np.ndarray) -> tuple[float, list[dict[int, float]]]:
    dense_scores(index, questions[0])  # builds the caches a question uses
    times, found = [], []
    for q in questions:
        t = time.perf_counter()
        found.append(dense_scores(index, q))
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), found


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.dense_bench", description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[20000, 100000])
    args = p.parse_args(argv)
    from threadpoolctl import threadpool_limits

    print(
        "| passages | sentences | scan p50 | graph p50 | recall@50 scan / graph | recall@5 scan / graph | graph build |"
    )
    print("|---|---|---|---|---|---|---|")
    for n in args.sizes:
        seg, questions = synthetic(n)
        t = time.perf_counter()
        seg.passage_graph, seg.sentence_graph = dense.build(seg.vectors), dense.build(seg.sentence_vectors)
        build = time.perf_counter() - t
        searched = view([(seg, frozenset())], "fake", DIM, {})
        graphs = seg.passage_graph, seg.sentence_graph
        seg.passage_graph = seg.sentence_graph = None
        scanned = view([(seg, frozenset())], "fake", DIM, {})
        seg.passage_graph, seg.sentence_graph = graphs
        with threadpool_limits(1, user_api="blas"):
            scan_ms, truth = _time(scanned, questions)
            graph_ms, got = _time(searched, questions)
        ideal = [_ideal(scanned, q) for q in questions]
        print(f"| {len(seg.chunks)} | {len(seg.sentence_vectors)} | {scan_ms:.1f} ms | {graph_ms:.1f} ms | "
              f"{_recall(truth, ideal, 50):.3f} / {_recall(got, ideal, 50):.3f} | "
              f"{_recall(truth, ideal, 5):.3f} / {_recall(got, ideal, 5):.3f} | "
              f"{_graph_recall(graphs[0], seg.vectors, questions):.3f} / "
              f"{_graph_recall(graphs[1], seg.sentence_vectors, questions):.3f} | "
              f"{build:.0f} s |", flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
