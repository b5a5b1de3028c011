"""BM25 over segments scores exactly as bm25s does over the same live passages."""

import bm25s
import numpy as np

from ingest.analyze import analyze_many, build_vocab
from ingest.bm25 import Postings, SegmentedBM25
from tests.conftest import CORPUS

QUERIES = (["sicher", "garanti"], ["ukrain"], ["ukrain", "ukrain", "nato"], ["gibtsnicht"])


def _passages() -> list[list[str]]:
    texts = [p for f in sorted(CORPUS.glob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    texts.append("")  # a passage with no terms
    return analyze_many(texts, build_vocab(texts))


def _theirs(passages: list[list[str]], query: list[str]) -> np.ndarray:
    theirs = bm25s.BM25(method="lucene", k1=1.2, b=0.75)
    vocab = {t: i for i, t in enumerate(sorted({t for p in passages for t in p}))}
    theirs.index(([[vocab[t] for t in p] for p in passages], vocab), show_progress=False)
    return theirs.get_scores(query) if any(t in vocab for t in query) else np.zeros(len(passages))


def test_one_segment_scores_equal_bm25s():
    passages = _passages()
    ours = SegmentedBM25([(Postings.build(passages), np.arange(len(passages)))], len(passages))
    for q in QUERIES:
        assert np.allclose(ours.get_scores(q), _theirs(passages, q), rtol=1e-5, atol=1e-6), q
    assert "ukrain" in ours and "gibtsnicht" not in ours


def test_split_segments_with_deletions_score_as_the_live_passages_alone():
    passages = _passages()
    half = len(passages) // 2
    first, second = Postings.build(passages[:half]), Postings.build(passages[half:])
    gone = {1, 4, half + 2}  # deleted passages keep their postings until a merge
    live = [p for i, p in enumerate(passages) if i not in gone]
    at = np.full(len(passages), -1)
    at[[i for i in range(len(passages)) if i not in gone]] = np.arange(len(live))
    ours = SegmentedBM25([(first, at[:half]), (second, at[half:])], len(live))
    for q in QUERIES:
        assert np.allclose(ours.get_scores(q), _theirs(live, q), rtol=1e-5, atol=1e-6), q


def test_postings_subset_concat_and_save(tmp_path):
    passages = _passages()
    whole = Postings.build(passages)
    joined = Postings.concat([Postings.build(passages[:5]), Postings.build(passages[5:])])
    assert joined.terms.tolist() == whole.terms.tolist() and np.array_equal(joined.docs, whole.docs)
    assert np.array_equal(joined.tf, whole.tf) and np.array_equal(joined.indptr, whole.indptr)
    keep = np.ones(len(passages), bool)
    keep[[0, 3]] = False
    sub = whole.subset(keep)
    expected = [sorted(p) for i, p in enumerate(passages) if keep[i]]
    assert [sorted(p) for p in sub.passage_terms()] == expected
    assert set(sub.terms.tolist()) == {t for p in expected for t in p}  # unused terms dropped
    sub.save(tmp_path / "t.npy", tmp_path / "p.npz")
    back = Postings.load(tmp_path / "t.npy", tmp_path / "p.npz")
    assert back.terms.tolist() == sub.terms.tolist() and np.array_equal(back.docs, sub.docs)
