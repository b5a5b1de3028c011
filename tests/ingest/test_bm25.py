"""Our vectorised BM25 matrix is bm25s's own, and searches the same."""

import bm25s
import numpy as np

from ingest.analyze import analyze_many, build_vocab
from ingest.bm25 import BM25
from ingest.terms import grow
from tests.conftest import CORPUS


def test_matrix_and_scores_equal_bm25s():
    texts = [p for f in sorted(CORPUS.glob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    texts.append("")  # a passage with no terms
    tokens = analyze_many(texts, build_vocab(texts))
    table = grow([str(i) for i in range(len(tokens))], {str(i): t for i, t in enumerate(tokens)})
    ours, theirs = BM25(), bm25s.BM25(method="lucene", k1=1.2, b=0.75)
    ours.index_table(table)
    theirs.index((table.per_passage(), table.vocab()), show_progress=False)
    for key in ("indices", "indptr"):
        assert np.array_equal(ours.scores[key], theirs.scores[key]), key
    assert np.allclose(ours.scores["data"], theirs.scores["data"], rtol=1e-6)
    assert ours.vocab_dict == theirs.vocab_dict
    for q in (["sicher", "garanti"], ["ukrain"], ["gibtsnicht"]):
        assert np.allclose(ours.get_scores(q), theirs.get_scores(q), rtol=1e-6)
