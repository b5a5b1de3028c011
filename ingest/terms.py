"""Each passage's BM25 terms as one table, kept in the index so an ingest analyses only
new passages and reuses the rest as arrays.

    terms    the distinct terms (list of str)
    flat     every passage's term ids, one passage after the other (int32)
    offsets  where each passage starts in `flat`, plus the end (int64, passages + 1)

`grow` builds the next version's table from the previous one and the new passages'
terms; ids of reused passages are copied as slices, never turned back into strings.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass
class TermTable:
    terms: list[str]
    flat: np.ndarray
    offsets: np.ndarray

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def ids(self, i: int) -> np.ndarray:
        return self.flat[self.offsets[i] : self.offsets[i + 1]]

    def passage(self, i: int) -> list[str]:
        return [self.terms[j] for j in self.ids(i)]

    def per_passage(self) -> list[np.ndarray]:
        return np.split(self.flat, self.offsets[1:-1]) if len(self) else []

    def vocab(self) -> dict[str, int]:
        return {t: i for i, t in enumerate(self.terms)}


def grow(
    hashes: list[str],
    new: dict[str, list[str]],
    prev: TermTable | None = None,
    prev_rows: dict[str, int] | None = None,
) -> TermTable:
    """The table for passages `hashes` (in order): terms from `new` where given, else the
    row of `prev` that `prev_rows` names. Terms no passage uses any more are dropped."""
    ids: dict[str, int] = {t: i for i, t in enumerate(prev.terms)} if prev is not None else {}
    parts: list[np.ndarray] = []
    for h in hashes:
        if h in new:
            parts.append(np.fromiter((ids.setdefault(t, len(ids)) for t in new[h]), np.int32, len(new[h])))
        else:
            assert prev is not None and prev_rows is not None
            parts.append(prev.ids(prev_rows[h]))
    offsets = np.cumsum([0, *(len(p) for p in parts)], dtype=np.int64)
    flat = np.concatenate(parts).astype(np.int32) if parts else np.zeros(0, np.int32)
    terms = list(ids)
    used, inverse = np.unique(flat, return_inverse=True)
    if len(used) < len(terms):  # compact: only terms some passage has
        terms = [terms[i] for i in used]
        flat = inverse.astype(np.int32).reshape(-1)
    return TermTable(terms, flat, offsets)
