"""BM25 over segments, with corpus-wide statistics, scored at query time.

Each segment keeps its postings (`Postings`): its sorted terms, and for each term the
passages that hold it with their term frequencies, plus each passage's length. A
question's score for a passage is bm25s's Lucene variant,

    idf(t) * tf / (tf + k1 * (1 - b + b * length / average length)),
    idf(t) = log(1 + (N - df(t) + 0.5) / (df(t) + 0.5)),

with N, df and the average length taken over the live passages of all segments, so a
score does not change when the archive is split into segments or merged (a test checks
the scores equal bm25s's over the same passages). Nothing is precomputed per archive:
loading costs nothing, and adding a segment never rewrites the others.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ingest.rows import save_npy

K1, B = 1.2, 0.75


@dataclass
class Postings:
    """One segment's inverted index: `terms` sorted; the postings of term i are
    `docs[indptr[i]:indptr[i+1]]` (passages, ascending) with frequencies `tf`."""

    terms: np.ndarray  # str, sorted
    indptr: np.ndarray  # int64, terms + 1
    docs: np.ndarray  # int32
    tf: np.ndarray  # int32
    lengths: np.ndarray  # int32, one per passage: how many terms it has

    @property
    def passages(self) -> int:
        return len(self.lengths)

    @classmethod
    def build(cls, passages: Sequence[Sequence[str]]) -> Postings:
        """The postings of `passages`, each given as its list of terms."""
        terms = np.array(sorted({t for p in passages for t in p}), dtype=str)
        ids = {t: i for i, t in enumerate(terms.tolist())}
        lengths = np.array([len(p) for p in passages], dtype=np.int32)
        flat = np.fromiter((ids[t] for p in passages for t in p), np.int64, int(lengths.sum()))
        doc = np.repeat(np.arange(len(passages), dtype=np.int64), lengths)
        return cls._from_pairs(terms, flat, doc, np.ones(len(flat), np.int64), lengths)

    @classmethod
    def _from_pairs(
        cls, terms: np.ndarray, term: np.ndarray, doc: np.ndarray, tf: np.ndarray, lengths: np.ndarray
    ) -> Postings:
        """From (term, passage, frequency) triples, summing repeats."""
        n = max(1, len(lengths))
        key, inverse = np.unique(term * n + doc, return_inverse=True)
        summed = np.bincount(inverse.reshape(-1), weights=tf, minlength=len(key)).astype(np.int32)
        t, d = key // n, key % n
        indptr = np.concatenate([[0], np.cumsum(np.bincount(t, minlength=len(terms)))]).astype(np.int64)
        return cls(terms, indptr, d.astype(np.int32), summed, lengths.astype(np.int32))

    def lookup(self, term: str) -> int:
        """The row of `term`, or -1."""
        i = int(np.searchsorted(self.terms, term))
        return i if i < len(self.terms) and self.terms[i] == term else -1

    def passage_terms(self) -> list[list[str]]:
        """Each passage's terms (with repeats, in term order); for tests and inspection."""
        out: list[list[str]] = [[] for _ in range(self.passages)]
        for i, t in enumerate(self.terms.tolist()):
            for j in range(self.indptr[i], self.indptr[i + 1]):
                out[self.docs[j]].extend([t] * int(self.tf[j]))
        return out

    def subset(self, keep: np.ndarray) -> Postings:
        """The postings of the passages where `keep` is True, numbered anew; terms no kept
        passage has are dropped."""
        if keep.all():
            return self
        new_id = np.cumsum(keep) - 1
        term = np.repeat(np.arange(len(self.terms)), np.diff(self.indptr))
        live = keep[self.docs]
        return Postings._from_pairs(
            self.terms,
            term[live],
            new_id[self.docs[live]].astype(np.int64),
            self.tf[live].astype(np.int64),
            self.lengths[keep],
        ).compact()

    def compact(self) -> Postings:
        """Without the terms that have no postings."""
        counts = np.diff(self.indptr)
        if counts.all():
            return self
        used = counts > 0
        indptr = np.concatenate([[0], np.cumsum(counts[used])]).astype(np.int64)
        return Postings(self.terms[used], indptr, self.docs, self.tf, self.lengths)

    @staticmethod
    def concat(parts: Sequence[Postings]) -> Postings:
        """One set of postings for the passages of `parts`, one part after the other."""
        if not parts:
            return Postings.build([])
        terms = np.unique(np.concatenate([p.terms for p in parts]))
        t_all, d_all, tf_all = [], [], []
        offset = 0
        for p in parts:
            remap = np.searchsorted(terms, p.terms).astype(np.int64)
            t_all.append(np.repeat(remap, np.diff(p.indptr)))
            d_all.append(p.docs.astype(np.int64) + offset)
            tf_all.append(p.tf.astype(np.int64))
            offset += p.passages
        lengths = np.concatenate([p.lengths for p in parts])
        return Postings._from_pairs(
            terms, np.concatenate(t_all), np.concatenate(d_all), np.concatenate(tf_all), lengths
        )

    def save(self, terms_path: Path, postings_path: Path) -> None:
        save_npy(terms_path, self.terms.astype(str))
        buf = io.BytesIO()
        np.savez(buf, indptr=self.indptr, docs=self.docs, tf=self.tf, lengths=self.lengths)
        with postings_path.open("wb") as f:  # through Python: a full disk is an OSError with its errno
            f.write(buf.getbuffer())

    @classmethod
    def load(cls, terms_path: Path, postings_path: Path) -> Postings:
        terms = np.load(terms_path, mmap_mode="r")
        with np.load(postings_path) as z:
            p = cls(terms, z["indptr"], z["docs"], z["tf"], z["lengths"])
        if len(p.indptr) != len(p.terms) + 1 or p.indptr[-1] != len(p.docs) or len(p.tf) != len(p.docs):
            raise ValueError(f"{postings_path} does not fit {terms_path}")
        return p


class SegmentedBM25:
    """BM25 over the live passages of several segments' postings.

    `parts` are (postings, rows): rows[i] is the index-wide number of the segment's
    passage i, or -1 for a deleted one. `total` is the number of live passages."""

    def __init__(self, parts: Sequence[tuple[Postings, np.ndarray]], total: int, k1: float = K1, b: float = B):
        self.parts = [(p, rows, bool((rows < 0).any())) for p, rows in parts]
        self.total, self.k1, self.b = total, k1, b
        length = sum(int(p.lengths[rows >= 0].sum()) for p, rows in parts)
        self.average = length / total if total else 0.0
        self._df: dict[str, int] = {}

    def df(self, term: str) -> int:
        """How many live passages hold `term`."""
        got = self._df.get(term)
        if got is None:
            got = 0
            for p, rows, has_deleted in self.parts:
                i = p.lookup(term)
                if i < 0:
                    continue
                lo, hi = int(p.indptr[i]), int(p.indptr[i + 1])
                got += int((rows[p.docs[lo:hi]] >= 0).sum()) if has_deleted else hi - lo
            if len(self._df) > 100_000:
                self._df.clear()
            self._df[term] = got
        return got

    def __contains__(self, term: object) -> bool:
        return isinstance(term, str) and self.df(term) > 0

    def idf(self, term: str) -> float:
        df = self.df(term)
        return float(np.log(1 + (self.total - df + 0.5) / (df + 0.5))) if df else 0.0

    def get_scores(self, terms: Sequence[str]) -> np.ndarray:
        """The BM25 score of every live passage for the query `terms` (a repeated term counts again)."""
        scores = np.zeros(self.total, np.float32)
        for term in terms:
            idf = np.float32(self.idf(term))
            if not idf:
                continue
            for p, rows, _ in self.parts:
                i = p.lookup(term)
                if i < 0:
                    continue
                lo, hi = int(p.indptr[i]), int(p.indptr[i + 1])
                docs, tf = p.docs[lo:hi], p.tf[lo:hi].astype(np.float32)
                norm = self.k1 * ((1 - self.b) + self.b * p.lengths[docs] / np.float32(self.average))
                at = rows[docs]
                live = at >= 0
                scores[at[live]] += (idf * tf / (norm + tf))[live]
        return scores
