"""Documents into a segment: chunk, embed what is new, analyse for BM25, and the
lexicon words they bring (the chunk -> embed steps of an ingest)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import numpy as np

from ingest.analyze import analyze_many, build_vocab, lexicon_words
from ingest.bm25 import Postings
from ingest.chunk import chunk_text
from ingest.documents import Chunk, StoredDocument, sentence_count
from ingest.embed import Embedder
from ingest.index import Catalog
from ingest.load import content_hash
from ingest.segment import Segment

Progress = Callable[[str, int, int], None]  # (stage, done, total)


def embed_text(title: str, passage: str) -> str:
    """What the model sees for a passage: the article title, then the passage."""
    return f"{title}\n{passage}" if title and not passage.startswith(title) else passage


def assemble(
    documents: list[StoredDocument],
    prev: Catalog | None,
    removed: set[str],
    vocab: dict[str, int],
    embedder: Embedder,
    report: Progress,
) -> tuple[Segment, int, int]:
    """A segment of `documents`: chunked, analysed for BM25, embedded, with the lexicon
    words they bring; and how many passages and sentences were embedded. Vectors of the
    `removed` documents of `prev` are reused where the text is the same (an edited
    article re-embeds only its changed passages)."""
    documents = sorted(documents, key=lambda d: d.source)
    old_chunks, chunk_vec, sent_vec = _reusable(prev, removed)
    titles_before = {e.doc_id: e.title for e in prev.entries() if e.doc_id in removed} if prev is not None else {}
    chunks: list[Chunk] = []
    for d in documents:
        if d.doc_id in old_chunks and titles_before.get(d.doc_id) == d.title:
            chunks.extend(old_chunks[d.doc_id])
            continue
        for n, p in enumerate(chunk_text(d.text)):
            chunks.append(Chunk(d.doc_id, n, p.start, p.end, p.text, content_hash(embed_text(d.title, p.text))))

    titles = {d.doc_id: d.title for d in documents}
    todo = list({c.hash: c for c in chunks if c.hash not in chunk_vec}.values())
    done = 0

    def tick(n: int) -> None:
        nonlocal done
        done += n
        report("chunks", done, len(todo))

    if todo or any(h not in sent_vec for d in documents for h in d.sentence_hashes):
        report("model", 0, 1)  # loading takes a while the first time: the operator sees it
        getattr(embedder, "warm_up", lambda: None)()
        report("model", 1, 1)
    if todo:
        report("chunks", 0, len(todo))
        vecs = embedder.embed([embed_text(titles[c.doc_id], c.text) for c in todo], "passage", tick)
        chunk_vec.update(zip((c.hash for c in todo), vecs, strict=True))

    sent_todo: dict[str, str] = {}
    for d in documents:
        for (s, e), h in zip(d.sentences, d.sentence_hashes, strict=True):
            if h not in sent_vec:
                sent_todo.setdefault(h, d.text[s:e])
    if sent_todo:
        report("sentences", 0, len(sent_todo))
        vecs = embedder.embed(list(sent_todo.values()), "passage")
        sent_vec.update(zip(sent_todo, vecs, strict=True))
        report("sentences", len(sent_todo), len(sent_todo))

    dim = embedder.dim
    vectors = np.array([chunk_vec[c.hash] for c in chunks], np.float32).reshape(-1, dim)
    sentence_vectors = np.array([sent_vec[h] for d in documents for h in d.sentence_hashes], np.float32).reshape(
        -1, dim
    )
    terms = analyze_many((embed_text(titles[c.doc_id], c.text) for c in chunks), vocab)
    known = prev.lexicon() if prev is not None else set()
    words = [w for w in lexicon_words(build_vocab(d.text for d in documents)) if w not in known]
    lexicon_vectors = np.zeros((0, dim), np.float32)
    if words:
        report("words", 0, len(words))
        lexicon_vectors = np.asarray(embedder.embed(words, "query"), np.float32).reshape(-1, dim)
        report("words", len(words), len(words))
    seg = Segment("", documents, chunks, vectors, sentence_vectors, Postings.build(terms), words, lexicon_vectors)
    return seg, len(todo), len(sent_todo)


def _reusable(
    prev: Catalog | None, removed: set[str]
) -> tuple[dict[str, list[Chunk]], dict[str, np.ndarray], dict[str, np.ndarray]]:
    """The passages (by document) and passage and sentence vectors (by hash) of the
    documents of `prev` that are being removed or replaced (only their segments are read)."""
    old_chunks: dict[str, list[Chunk]] = {}
    chunk_vec: dict[str, np.ndarray] = {}
    sent_vec: dict[str, np.ndarray] = {}
    if prev is None or not removed:
        return old_chunks, chunk_vec, sent_vec
    for seg, deleted in prev.segments:
        if not any(e.doc_id in removed and e.doc_id not in deleted for e in seg.catalog):
            continue
        for i, c in enumerate(seg.chunks):
            if c.doc_id in removed:
                old_chunks.setdefault(c.doc_id, []).append(c)
                chunk_vec[c.hash] = np.asarray(seg.vectors[i])
        row = 0
        for d in seg.documents:
            if d.doc_id in removed:
                rows = seg.sentence_vectors[row : row + len(d.sentences)]
                sent_vec.update(zip(d.sentence_hashes, np.asarray(rows), strict=True))
            row += sentence_count(d)  # the others' spans are not read
    return old_chunks, chunk_vec, sent_vec


def word_counts(prev: Catalog | None, new: list[StoredDocument], removed: set[str]) -> dict[str, int]:
    """The corpus word counts: the previous counts, minus the documents gone or changed,
    plus the new ones (counting every document again grows with the archive)."""
    if prev is None or not prev.vocab:
        return build_vocab(d.text for d in new)
    counts = Counter(prev.vocab)
    counts.subtract(build_vocab(prev.document(i).text for i in removed))
    counts.update(build_vocab(d.text for d in new))
    return {w: n for w, n in counts.items() if n > 0}
