"""Hybrid retrieval: dense e5 search and German BM25 over the same passages, fused.

Fusion is a weighted sum of normalized scores. The BM25 weight depends on the
question: German questions get the full weight, scaled by how many of the question's
terms the corpus knows at all; English questions get a small weight, because English
words matched against German text find mostly noise (names and numbers still match).
Near-duplicate passages (overlapping neighbours, the same agency text in two articles)
are dropped so they do not crowd the top k.

Does not embed (the caller passes the question vector) and does not compose answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from ingest.analyze import analyze
from ingest.store import Chunk, IndexData

Mode = Literal["hybrid", "dense", "bm25"]
CANDIDATES = 50
EDGE_PENALTY = 0.02


@dataclass(frozen=True)
class FusionWeights:
    """BM25 weight for German and English questions (dense always has weight 1).

    `sentence` is the share of a passage's dense score that comes from its best
    matching sentence rather than from the passage as a whole.
    """

    german: float = 0.7
    english: float = 0.2
    english_translated: float = 0.7
    coverage_power: float = 1.0
    sentence: float = 0.6


@dataclass
class Hit:
    """A retrieved passage with its fused score and the two scores it came from."""

    chunk: Chunk
    score: float
    dense: float
    bm25: float


def query_terms(question: str, index: IndexData) -> list[str]:
    """The question's BM25 terms, analysed like the passages (compounds included)."""
    return analyze(question, index.vocab)


def term_coverage(terms: list[str], index: IndexData) -> float:
    """Share of the question's terms that occur in the index at all (0..1)."""
    if not terms or index.bm25 is None:
        return 0.0
    return sum(1 for t in terms if t in index.bm25) / len(terms)


def dense_scores(
    index: IndexData, qvec: np.ndarray, n: int = CANDIDATES, sentence_share: float = 0.5
) -> dict[int, float]:
    """Top-n passages by cosine: the passage's own, mixed with its best sentence's.

    Passage candidates are the top passages; the best sentences add theirs. A factoid
    question often matches one sentence far better than the passage around it.
    """
    if not len(index.chunks):
        return {}
    q = qvec.reshape(1, -1).astype(np.float32)
    if index.dense() is not None:
        return _searched_scores(index, q[0], n, sentence_share)
    own_all = index.vectors @ q[0]  # exact; one BLAS product beats FAISS's flat scan for one query
    passage = {int(i): float(own_all[i]) for i in _top(own_all, n)}
    rows, edge, starts, passages = index.sentence_runs()
    if sentence_share <= 0 or not len(rows):
        return passage
    owner = index.sentence_rows()[1]
    # each distinct sentence once, then per passage; a sentence at a cut edge of its passage
    # has no context there, so its neighbour, which shows it whole, wins
    sent = (index.sentence_vectors @ q[0])[rows] - EDGE_PENALTY * edge
    best = np.full(len(index.chunks), -1.0, dtype=np.float32)
    best[passages] = np.maximum.reduceat(sent, starts)  # a passage's sentences are one run
    candidates = set(passage) | {int(owner[j]) for j in _top(sent, n)}
    cand = np.array(sorted(candidates))
    own = own_all[cand]
    mixed = (1 - sentence_share) * own + sentence_share * np.where(best[cand] >= 0, best[cand], own)
    top = np.argsort(-mixed)[:n]
    return {int(cand[i]): float(mixed[i]) for i in top}


def _searched_scores(index: IndexData, q: np.ndarray, n: int, sentence_share: float) -> dict[int, float]:
    """`dense_scores` for an index whose big segments have graphs (`ingest/dense.py`): the
    candidates are the searched top passages and the passages of the searched top
    sentences; each is then scored exactly as the scan would, from the vectors on disk."""
    found = index.dense()
    assert found is not None
    passages, sentences = found
    cand = set(passages.top(q, n).tolist())
    rows, owner, edge = index.sentence_rows()
    first, order, by_row = index.passage_sentences()
    if sentence_share > 0 and len(rows):
        top = sentences.top(q, n)
        lo, hi = np.searchsorted(by_row, top, "left"), np.searchsorted(by_row, top, "right")
        counts = hi - lo  # a sentence is in one passage, or two where passages overlap
        at = np.repeat(lo - np.cumsum(counts) + counts, counts) + np.arange(int(counts.sum()))
        cand |= set(owner[order[at]].tolist())
    ids = np.array(sorted(cand), dtype=np.int64)
    if not len(ids):
        return {}
    own = index.vectors[ids] @ q
    mixed = own
    if sentence_share > 0 and len(rows):
        spans = [np.arange(first[i], first[i + 1]) for i in ids]
        flat = np.concatenate(spans) if spans else np.zeros(0, np.int64)
        sent = index.sentence_vectors[rows[flat]] @ q - EDGE_PENALTY * edge[flat]
        best = np.full(len(ids), -1.0, np.float32)
        counts = np.array([len(sp) for sp in spans])
        has = counts > 0
        if has.any():
            best[has] = np.maximum.reduceat(sent, np.cumsum(np.r_[0, counts[:-1]])[has])
        mixed = (1 - sentence_share) * own + sentence_share * np.where(best >= 0, best, own)
    top_ids = np.argsort(-mixed)[:n]
    return {int(ids[i]): float(mixed[i]) for i in top_ids}


def _top(scores: np.ndarray, n: int) -> np.ndarray:
    """The positions of the n highest scores, unordered (all of them when there are fewer)."""
    return np.argpartition(-scores, n - 1)[:n] if len(scores) > n else np.arange(len(scores))


def bm25_scores(index: IndexData, terms: list[str], n: int = CANDIDATES) -> dict[int, float]:
    """Top-n passages by BM25 (zero scores left out)."""
    if index.bm25 is None or not terms:
        return {}
    scores = np.asarray(index.bm25.get_scores(terms))
    return {int(i): float(scores[i]) for i in _top(scores, n) if scores[i] > 0}


def bm25_weight(language: str, coverage: float, weights: FusionWeights, translated: bool = False) -> float:
    """How much BM25 counts for a question in `language` (English counts more once translated)."""
    base = (weights.english_translated if translated else weights.english) if language == "en" else weights.german
    return base * coverage**weights.coverage_power


def fuse(dense: dict[int, float], bm25: dict[int, float], w_bm25: float) -> list[tuple[int, float]]:
    """Weighted sum of max-normalized scores over the union of candidates, best first.

    Dense cosines are rescaled to [0, 1] over the candidates (the e5 range is narrow);
    BM25 scores are divided by the best one. A passage missing from a list scores 0 there.
    """
    ids = set(dense) | set(bm25)
    if not ids:
        return []
    d_vals = np.array(list(dense.values())) if dense else np.zeros(1)
    d_lo, d_hi = float(d_vals.min()), float(d_vals.max())
    b_hi = max(bm25.values()) if bm25 else 1.0

    def dn(i: int) -> float:
        if i not in dense:
            return 0.0
        return (dense[i] - d_lo) / (d_hi - d_lo) if d_hi > d_lo else 1.0

    fused = {i: dn(i) + w_bm25 * (bm25.get(i, 0.0) / b_hi if b_hi > 0 else 0.0) for i in ids}
    return sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))


def _overlap(a: Chunk, b: Chunk) -> float:
    if a.doc_id != b.doc_id:
        return 0.0
    inter = min(a.end, b.end) - max(a.start, b.start)
    return max(0, inter) / max(1, min(a.end - a.start, b.end - b.start))


def _shingles(text: str, n: int = 5) -> set[tuple[str, ...]]:
    ws = text.lower().split()
    return {tuple(ws[i : i + n]) for i in range(max(1, len(ws) - n + 1))}


def is_near_duplicate(chunk: Chunk, kept: list[Chunk], max_overlap: float = 0.7) -> bool:
    """True if `chunk` mostly repeats a kept passage (same span, or same text elsewhere)."""
    sh = _shingles(chunk.text)
    for other in kept:
        if _overlap(chunk, other) > max_overlap:
            return True
        if other.doc_id != chunk.doc_id:
            osh = _shingles(other.text)
            if len(sh & osh) / max(1, min(len(sh), len(osh))) > 0.6:
                return True
    return False


def retrieve(
    index: IndexData,
    question: str,
    qvec: np.ndarray,
    k: int = 5,
    mode: Mode = "hybrid",
    weights: FusionWeights | None = None,
    translations: Sequence[str] = (),
    language: str = "de",
) -> list[Hit]:
    """The top k passages for `question` (vector `qvec`), near-duplicates removed.

    `translations` are German corpus words for an English question (see translate.py);
    they join the BM25 query. `language` is the question's ("de" or "en").
    """
    weights = weights or FusionWeights()
    terms = query_terms(question, index)
    if translations:
        terms = terms + [t for w in translations for t in analyze(w, index.vocab)]
    dense = dense_scores(index, qvec, sentence_share=weights.sentence) if mode != "bm25" else {}
    sparse = bm25_scores(index, terms) if mode != "dense" else {}
    if mode == "dense":
        ranked = sorted(dense.items(), key=lambda kv: -kv[1])
    elif mode == "bm25":
        ranked = sorted(sparse.items(), key=lambda kv: -kv[1])
    else:
        w = bm25_weight(language, term_coverage(terms, index), weights, translated=bool(translations))
        ranked = fuse(dense, sparse, w)
    hits: list[Hit] = []
    kept: list[Chunk] = []
    for i, score in ranked:
        chunk = index.chunks[i]
        if is_near_duplicate(chunk, kept):
            continue
        kept.append(chunk)
        hits.append(Hit(chunk, score, dense.get(i, 0.0), sparse.get(i, 0.0)))
        if len(hits) == k:
            break
    return hits


def leads(index: IndexData, hits: list[Hit], n: int) -> list[Hit]:
    """The first passage of each document among `hits` (best first, at most n): what a
    summary of the articles quotes. All documents when the archive holds n or fewer."""
    first = index.first_sentence_rows()  # in document order, as the passages are
    docs = [d.doc_id for d in index.documents] if len(index.documents) <= n else [h.chunk.doc_id for h in hits]
    out: list[Hit] = []
    for doc_id in dict.fromkeys(docs):
        i = _first_passage(index, first, doc_id)
        if i is not None:
            out.append(Hit(index.chunks[i], 1.0, 0.0, 0.0))
        if len(out) == n:
            break
    return out


def _first_passage(index: IndexData, first: dict[str, int], doc_id: str) -> int | None:
    """Position of the document's first passage in `index.chunks` (binary search: the
    passages are in document order)."""
    want = (first[doc_id], 0)
    lo, hi = 0, len(index.chunks)
    while lo < hi:
        mid = (lo + hi) // 2
        c = index.chunks[mid]
        if (first[c.doc_id], c.n) < want:
            lo = mid + 1
        else:
            hi = mid
    return lo if lo < len(index.chunks) and index.chunks[lo].doc_id == doc_id else None
