import numpy as np
import pytest

from chatbot.retrieve import FusionWeights, bm25_weight, fuse, is_near_duplicate, retrieve
from ingest.store import Chunk, load_index


def test_fuse_adds_normalised_scores():
    dense = {0: 0.80, 1: 0.90, 2: 0.86}
    bm25 = {0: 10.0, 3: 5.0}
    ranked = fuse(dense, bm25, w_bm25=0.5)
    scores = dict(ranked)
    assert scores[1] == pytest.approx(1.0)  # best dense, no bm25
    assert scores[0] == pytest.approx(0.0 + 0.5)  # worst dense, best bm25
    assert scores[3] == pytest.approx(0.25)  # bm25 only
    assert [i for i, _ in ranked] == [1, 2, 0, 3]


def test_fuse_with_zero_weight_is_dense_order():
    dense = {0: 0.7, 1: 0.9}
    assert [i for i, _ in fuse(dense, {0: 99.0}, 0.0)] == [1, 0]


def test_fuse_empty():
    assert fuse({}, {}, 1.0) == []


def test_english_questions_get_less_bm25_weight():
    w = FusionWeights(german=0.7, english=0.2)
    assert bm25_weight("de", 1.0, w) == pytest.approx(0.7)
    assert bm25_weight("en", 1.0, w) == pytest.approx(0.2)
    assert bm25_weight("de", 0.5, w) == pytest.approx(0.35)


def chunk(doc, start, end, text=""):
    return Chunk(doc, 0, start, end, text or f"Text von {doc} ab {start}", f"{doc}{start}")


def test_overlapping_passages_of_one_document_are_near_duplicates():
    assert is_near_duplicate(chunk("a", 100, 900), [chunk("a", 0, 800)])
    assert not is_near_duplicate(chunk("a", 600, 1400), [chunk("a", 0, 800)])
    assert not is_near_duplicate(chunk("b", 0, 800), [chunk("a", 0, 800)])


def test_the_same_agency_text_in_two_articles_is_a_near_duplicate():
    text = "Die USA werden keine Bodentruppen für eine mögliche Friedenstruppe entsenden, berichtete die dpa."
    assert is_near_duplicate(chunk("b", 0, 99, text), [chunk("a", 500, 599, text)])


def test_retrieve_modes_on_the_seed_index(fake_seed_index, fake_embedder):
    index = load_index(fake_seed_index)
    q = "Wie viele Friedenswächter könnten als Abschreckung dienen?"
    v = fake_embedder.embed([q], "query")[0]
    for mode in ("hybrid", "dense", "bm25"):
        hits = retrieve(index, q, v, k=5, mode=mode)
        assert 1 <= len(hits) <= 5
        assert any("100.000 Friedenswächter" in h.chunk.text for h in hits[:3])
        scores = [h.score for h in hits]
        assert scores == sorted(scores, reverse=True)
        kept = []
        for h in hits:
            assert not is_near_duplicate(h.chunk, kept)
            kept.append(h.chunk)


def test_compound_query_finds_compound_in_text(fake_seed_index, fake_embedder):
    index = load_index(fake_seed_index)
    hits = retrieve(
        index, "Friedenssicherungstruppe Drohnenabwehr", np.zeros(fake_embedder.dim, np.float32), mode="bm25"
    )
    assert "Drohnenabwehr" in hits[0].chunk.text


def test_dense_scores_match_the_plain_computation():
    """The cached sentence matrix and per-passage reduce give the same scores as gathering
    every sentence row and `np.maximum.at` (the plain way, kept here as the reference)."""
    import numpy as np

    from benchmarks.dense_bench import synthetic
    from chatbot.retrieve import EDGE_PENALTY, dense_scores
    from ingest.store import view

    seg, _ = synthetic(400)
    index = view([(seg, frozenset())], "fake", seg.dim, {})
    rng = np.random.default_rng(3)
    for _ in range(5):
        q = rng.standard_normal(index.dim).astype(np.float32)
        q /= np.linalg.norm(q)
        rows, owner, edge = index.sentence_rows()
        sent = index.sentence_vectors[rows] @ q - EDGE_PENALTY * edge
        best = np.full(len(index.chunks), -1.0, dtype=np.float32)
        np.maximum.at(best, owner, sent)
        ids = np.argsort(-(index.vectors @ q))[:50]
        cand = np.array(sorted(set(ids.tolist()) | {int(owner[j]) for j in np.argsort(-sent)[:50]}))
        own = index.vectors[cand] @ q
        mixed = 0.5 * own + 0.5 * np.where(best[cand] >= 0, best[cand], own)
        expected = {int(cand[i]): float(mixed[i]) for i in np.argsort(-mixed)[:50]}
        got = dense_scores(index, q, n=50, sentence_share=0.5)
        assert got.keys() == expected.keys()
        assert all(abs(got[k] - expected[k]) < 1e-5 for k in got)


def test_passages_joined_by_bm25_keep_their_dense_score():
    from chatbot.passages import merged
    from chatbot.retrieve import Hit

    a, b, c = chunk("a", 0, 10), chunk("b", 0, 10), chunk("c", 0, 10)
    best = [Hit(a, 1.0, 0.82, 2.0), Hit(b, 0.8, 0.80, 1.0), Hit(c, 0.5, 0.78, 0.5)]
    by_name = [Hit(c, 3.0, 0.0, 3.0)]  # BM25 alone: no dense score
    out = merged(best[:1], by_name, best)
    assert [h.chunk.doc_id for h in out] == ["a", "c", "b"]  # where the join puts it
    assert out[1].dense == 0.78  # with the score the hybrid search gave it
