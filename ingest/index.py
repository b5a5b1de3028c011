"""The index in memory: the live documents, passages and vectors of a version's segments,
seen as one (store.py reads and writes them; segment.py is one segment).

`IndexData` is what the chatbot asks: passages and vectors in one numbering, BM25 over
all segments, the lexicon and its search, and caches built once per version. `Catalog`
is what an ingest needs: which documents each segment holds, without their text.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from ingest import ann, dense, segment
from ingest.analyze import analyze, words
from ingest.bm25 import Postings, SegmentedBM25
from ingest.documents import Chained, Chunk, StoredDocument, sentence_count
from ingest.rows import Picked, Rows
from ingest.segment import Entry, Segment


@dataclass
class IndexData:
    """Everything one index version holds, in memory: its segments' live documents,
    passages and vectors one after the other."""

    model_id: str
    dim: int
    documents: list[StoredDocument]
    chunks: Sequence[Chunk]
    vectors: np.ndarray
    sentence_vectors: np.ndarray
    vocab: dict[str, int]
    lexicon: list[str] = field(default_factory=list)
    lexicon_vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), np.float32))
    bm25: SegmentedBM25 | None = None
    version: str = ""
    path: Path | None = None
    manifest: dict[str, Any] = field(default_factory=dict)
    live: str = ""  # the version CURRENT named when this was loaded (`version` differs if that was damaged)
    problems: list[str] = field(default_factory=list)  # why newer versions could not be used
    segments: list[tuple[Segment, frozenset[str]]] = field(default_factory=list)  # (segment, its deleted doc ids)

    def sorted_words(self) -> list[str]:
        """The corpus vocabulary, sorted (for prefix look-ups), built once."""
        cached = self.__dict__.get("_sorted_words")
        if cached is None:
            cached = sorted(self.vocab)
            self.__dict__["_sorted_words"] = cached
        return cached

    def reversed_words(self) -> list[str]:
        """The corpus vocabulary, each word spelled backwards, sorted (for look-ups of how
        words end: the compounds with a given last part), built once."""
        cached = self.__dict__.get("_reversed_words")
        if cached is None:
            cached = self.__dict__["_reversed_words"] = sorted(w[::-1] for w in self.vocab)
        return cached

    def stems(self, text: str) -> frozenset[str]:
        """The BM25 analysis of `text` as a set (compounds split), cached per text."""
        cache = self.__dict__.setdefault("_stems", {})
        got = cache.get(text)
        if got is None:
            got = cache[text] = frozenset(analyze(text, self.vocab))
        return got

    def lexicon_rows(self) -> dict[str, int]:
        """Row of each lexicon word in `lexicon_vectors`, built once."""
        cached = self.__dict__.get("_lexicon_rows")
        if cached is None:
            cached = self.__dict__["_lexicon_rows"] = {w: i for i, w in enumerate(self.lexicon)}
        return cached

    def word_rows(self, text: str) -> tuple[int, ...]:
        """The lexicon rows of the words of `text` (those the lexicon has), cached per text."""
        cache = self.__dict__.setdefault("_word_rows", {})
        got = cache.get(text)
        if got is None:
            rows = self.lexicon_rows()
            got = cache[text] = tuple(dict.fromkeys(rows[w] for w in words(text) if w in rows))
        return got

    def lexicon_index(self) -> Any:
        """The lexicon's nearest-neighbour index (`ann.py`): each big segment's saved graph,
        one exact scan over the words of the small ones, searched as one."""
        cached = self.__dict__.get("_lexicon_index")
        if cached is None or cached.ntotal != len(self.lexicon):
            cached = self.__dict__["_lexicon_index"] = _lexicon_parts(self)
        return cached

    def first_sentence_rows(self) -> dict[str, int]:
        """Row of each document's first sentence in `sentence_vectors`, built once."""
        cached = self.__dict__.get("_first_rows")
        if cached is None:
            cached, row = {}, 0
            for d in self.documents:
                cached[d.doc_id] = row
                row += sentence_count(d)
            self.__dict__["_first_rows"] = cached
        return cached

    def sentence_rows(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """For each chunk, the rows of `sentence_vectors` of the sentences inside it.

        Returned flat: `rows`, `owner` (the chunk index of each row) and `edge` (True
        where the sentence starts or ends its chunk, with no context beside it); read from
        the segments' `runs` at load.
        """
        cached = self.__dict__.get("_sentence_rows")
        if cached is None:
            runs = segment.sentence_runs(self.documents, self.chunks)
            cached = self.__dict__["_sentence_rows"] = (runs[0], runs[1], runs[2].astype(bool))
        return cached

    def sentence_runs(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """`sentence_rows`' rows and `edge` (as float32), the start of each passage's run and
        that passage, built once. A question scores each distinct sentence once (overlapping
        passages share half their sentences) and gathers the scores by `rows`."""
        cached = self.__dict__.get("_sentence_runs")
        if cached is None:
            rows, owner, edge = self.sentence_rows()
            starts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]]) if len(owner) else owner
            cached = (rows, edge.astype(np.float32), starts, owner[starts] if len(owner) else owner)
            self.__dict__["_sentence_runs"] = cached
        return cached

    def dense(self) -> tuple[dense.Search, dense.Search] | None:
        """Searches over passage and sentence vectors when a segment has graphs (a big
        index, `dense.py`); None when every segment is small enough to scan."""
        return self.__dict__.get("_dense")

    def passage_sentences(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """For looking up in `sentence_rows`: where each passage's run starts (passages + 1),
        and the entries ordered by sentence row with those rows (built once)."""
        cached = self.__dict__.get("_passage_sentences")
        if cached is None:
            rows, owner, _ = self.sentence_rows()
            first = np.searchsorted(owner, np.arange(len(self.chunks) + 1))
            order = np.argsort(rows, kind="stable")
            cached = self.__dict__["_passage_sentences"] = (first, order, rows[order])
        return cached

    def passage_counts(self) -> dict[str, int]:
        """Passages per live document (from the segments' catalogs: no passage is read)."""
        if self.segments:
            live = ((e, deleted) for seg, deleted in self.segments for e in seg.catalog)
            return {e.doc_id: e.chunks for e, deleted in live if e.doc_id not in deleted}
        counts: dict[str, int] = {}
        for c in self.chunks:
            counts[c.doc_id] = counts.get(c.doc_id, 0) + 1
        return counts

    def doc(self, doc_id: str) -> StoredDocument:
        return self.doc_by_id[doc_id]

    @property
    def doc_by_id(self) -> dict[str, StoredDocument]:
        cached = self.__dict__.get("_doc_by_id")
        if cached is None or len(cached) != len(self.documents):
            cached = {d.doc_id: d for d in self.documents}
            self.__dict__["_doc_by_id"] = cached
        return cached


@dataclass
class Catalog:
    """What an ingest needs of the live version: its segments, which documents each holds
    and from which files, the word counts. Documents, passages and vectors stay on disk
    until a segment is merged or one of its documents is replaced (then that segment is read)."""

    model_id: str
    dim: int
    vocab: dict[str, int]
    segments: list[tuple[Segment, frozenset[str]]]
    version: str = ""
    path: Path | None = None
    manifest: dict[str, Any] = field(default_factory=dict)
    live: str = ""
    problems: list[str] = field(default_factory=list)

    def entries(self) -> Iterator[Entry]:
        """The live documents (with the size and time their file had when last seen: a file
        touched since it was read, its bytes unchanged, has its new stat in the manifest)."""
        touched = self.touched
        for seg, deleted in self.segments:
            for e in seg.catalog:
                if e.doc_id not in deleted:
                    yield replace(e, stat=touched[e.path]) if e.path in touched else e

    @property
    def touched(self) -> dict[str, list[int]]:
        """Files whose bytes are as indexed but whose size/time changed: path -> stat."""
        touched = self.manifest.get("touched", {})
        return touched if isinstance(touched, dict) else {}  # a hand-edited manifest: read the files again

    def _where(self) -> dict[str, tuple[Segment, int]]:
        """Each live document's segment and position in it, built once."""
        cached = self.__dict__.get("_where_cache")
        if cached is None:
            cached = self.__dict__["_where_cache"] = {
                e.doc_id: (seg, i)
                for seg, deleted in self.segments
                for i, e in enumerate(seg.catalog)
                if e.doc_id not in deleted
            }
        return cached

    def document(self, doc_id: str) -> StoredDocument:
        """A live document with its text (its segment is read)."""
        seg, i = self._where()[doc_id]
        return seg.documents[i]

    def lexicon(self) -> set[str]:
        cached = self.__dict__.get("_lexicon")
        if cached is None:
            cached = self.__dict__["_lexicon"] = {w for seg, _ in self.segments for w in seg.lexicon}
        return cached

    @property
    def chunk_count(self) -> int:
        return sum(segment.live_chunks(seg, deleted) for seg, deleted in self.segments)


def _lexicon_parts(data: IndexData) -> Any:
    parts: list[tuple[Any, int]] = []
    offset = flat_from = 0
    for seg, _ in data.segments:
        if seg.lexicon_graph is not None:
            if offset > flat_from:
                parts.append((ann.Flat(np.asarray(data.lexicon_vectors[flat_from:offset], np.float32)), flat_from))
            parts.append((ann.Rescored(seg.lexicon_graph, seg.lexicon_vectors), offset))
            flat_from = offset + len(seg.lexicon)
        offset += len(seg.lexicon)
    if len(data.lexicon) > flat_from or not parts:
        rest = np.asarray(data.lexicon_vectors[flat_from:], np.float32).reshape(-1, data.dim)
        built = ann.build(rest) if not data.segments else ann.Flat(np.ascontiguousarray(rest))
        parts.append((ann.Rescored(built, rest) if ann.is_graph(built) else built, flat_from))
    return parts[0][0] if len(parts) == 1 and parts[0][1] == 0 else ann.Parts(parts)


def view(parts: Sequence[tuple[Segment, frozenset[str]]], model_id: str, dim: int, vocab: dict[str, int]) -> IndexData:
    """The index that `parts` (segments with their deleted documents) make together."""
    documents: list[StoredDocument] = []
    chunk_parts: list[tuple[Sequence[Chunk], np.ndarray | None]] = []
    vectors: list[Any] = []
    sentences: list[Any] = []
    runs, lexicon_vectors = [], []
    lexicon: list[str] = []
    postings: list[tuple[Postings, np.ndarray]] = []
    passage_parts: list[tuple[Any, np.ndarray, np.ndarray]] = []
    sentence_parts: list[tuple[Any, np.ndarray, np.ndarray]] = []
    n_chunks = n_sentences = 0
    for seg, deleted in parts:
        live_c, live_s = segment.live_rows(seg, deleted)
        if deleted:
            documents.extend(d for d in seg.documents if d.doc_id not in deleted)
            chunk_parts.append((seg.chunks, np.flatnonzero(live_c)))
            vectors.append(Picked(seg.vectors, np.flatnonzero(live_c)))  # read when used, like the rest
            sentences.append(Picked(seg.sentence_vectors, np.flatnonzero(live_s)))
        else:
            documents.extend(seg.documents)
            chunk_parts.append((seg.chunks, None))
            vectors.append(seg.vectors)
            sentences.append(seg.sentence_vectors)
        chunk_at = np.where(live_c, np.cumsum(live_c) - 1 + n_chunks, -1)
        sentence_at = np.where(live_s, np.cumsum(live_s) - 1 + n_sentences, -1)
        keep = live_c[seg.runs[1]]
        runs.append(np.stack([sentence_at[seg.runs[0][keep]], chunk_at[seg.runs[1][keep]], seg.runs[2][keep]]))
        postings.append((seg.postings, chunk_at))
        passage_parts.append((seg.passage_graph, seg.vectors, chunk_at))
        sentence_parts.append((seg.sentence_graph, seg.sentence_vectors, sentence_at))
        lexicon.extend(seg.lexicon)
        lexicon_vectors.append(seg.lexicon_vectors)
        n_chunks += int(live_c.sum())
        n_sentences += int(live_s.sum())
    data = IndexData(
        model_id,
        dim,
        documents,
        Chained(chunk_parts),
        _joined(vectors, dim),
        _joined(sentences, dim),
        vocab,
        lexicon,
        _joined(lexicon_vectors, dim),
        SegmentedBM25(postings, n_chunks) if n_chunks else None,
        segments=list(parts),
    )
    if any(seg.passage_graph is not None or seg.sentence_graph is not None for seg, _ in parts):
        data.__dict__["_dense"] = (dense.Search(passage_parts), dense.Search(sentence_parts))
    joined = np.concatenate(runs, axis=1) if runs else np.zeros((3, 0), np.int64)
    data.__dict__["_sentence_rows"] = (joined[0], joined[1], joined[2].astype(bool))
    return data


def _joined(arrays: list[Any], dim: int) -> Any:
    """`arrays`' rows as one array: a single one as it is, several as `Rows` (segments'
    vectors stay where they are, in memory or on disk, until a row is read; nothing is copied)."""
    arrays = [a for a in arrays if len(a)]
    if not arrays:
        return np.zeros((0, dim), np.float32)
    return arrays[0] if len(arrays) == 1 else Rows(arrays, dim)


# ---------------------------------------------------------------- reading
