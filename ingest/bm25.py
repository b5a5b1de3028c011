"""The BM25 matrix from the term table in a few array operations.

bm25s builds its score matrix passage by passage in Python (a `Counter` per passage),
most of an ingest at archive size. `BM25` overrides `build_index_from_ids`, the hook
bm25s provides for this, and computes the same Lucene-variant scores from `TermTable`'s
flat arrays: term frequencies by one `np.unique` over (term, passage) pairs, document
frequencies by `bincount`. A test checks the matrix equals bm25s's own.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import bm25s
import numpy as np

from ingest.terms import TermTable

K1, B = 1.2, 0.75


class BM25(bm25s.BM25):
    def __init__(self) -> None:
        super().__init__(method="lucene", k1=K1, b=B)

    def index_table(self, table: TermTable) -> None:
        """Index the passages of `table` (ids as in `table.terms`)."""
        self.index(SimpleNamespace(ids=table, vocab=table.vocab()), show_progress=False)

    def build_index_from_ids(
        self,
        unique_token_ids: list[int],
        corpus_token_ids: Any,
        show_progress: bool = True,
        leave_progress: bool = False,
    ) -> dict[str, Any]:
        if not isinstance(corpus_token_ids, TermTable):  # plain bm25s input: its own way
            return dict(super().build_index_from_ids(unique_token_ids, corpus_token_ids, show_progress, leave_progress))
        self.nonoccurrence_array = None  # the Lucene variant has none (bm25s sets it here)
        return scores(corpus_token_ids, len(unique_token_ids), self.k1, self.b, self.dtype)


def scores(table: TermTable, n_vocab: int, k1: float = K1, b: float = B, dtype: str = "float32") -> dict[str, Any]:
    """bm25s's CSC score matrix (passages × terms) for `table`."""
    n_docs = len(table)
    lengths = np.diff(table.offsets)
    avg = lengths.mean() if n_docs else 0.0
    doc = np.repeat(np.arange(n_docs, dtype=np.int64), lengths)
    pairs, tf = np.unique(table.flat.astype(np.int64) * max(1, n_docs) + doc, return_counts=True)
    term, doc = pairs // max(1, n_docs), pairs % max(1, n_docs)  # sorted by term, then passage
    df = np.bincount(term, minlength=n_vocab)
    with np.errstate(divide="ignore"):
        idf = np.where(df > 0, np.log(1 + (n_docs - df + 0.5) / (df + 0.5)), 0.0).astype(dtype)
    tf = tf.astype(dtype)
    tfc = tf / (k1 * ((1 - b) + b * lengths[doc] / avg) + tf)
    data = (idf[term] * tfc).astype(dtype)
    indptr = np.concatenate([[0], np.cumsum(df)]).astype(np.int32)
    return {"data": data, "indices": doc.astype(np.int32), "indptr": indptr, "num_docs": n_docs}
