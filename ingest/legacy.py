"""Reading a version written before segments (format 3: one folder for everything).

It is read as one segment; the next ingest writes it out as a segment of format 4.
Its BM25 terms are analysed again here (older versions kept them in another shape).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from ingest import ann
from ingest.analyze import analyze_many
from ingest.assemble import embed_text
from ingest.bm25 import Postings
from ingest.documents import Chunk, StoredDocument
from ingest.index import IndexData, view
from ingest.segment import Segment


def read_version(vdir: Path, manifest: dict[str, Any]) -> IndexData:
    import faiss

    documents = [_document(d) for d in _read_jsonl(vdir / "documents.jsonl")]
    texts = {d.doc_id: d.text for d in documents}
    titles = {d.doc_id: d.title for d in documents}
    chunks = []
    for c in _read_jsonl(vdir / "chunks.jsonl"):
        if c.get("doc_id") not in texts:
            raise ValueError(f"{vdir}/chunks.jsonl names a document that is not there ({c.get('doc_id')})")
        c.setdefault("text", texts[c["doc_id"]][c["start"] : c["end"]])
        chunks.append(Chunk(**c))
    dim = manifest["dim"]
    findex = faiss.read_index(str(vdir / "vectors.faiss"))
    vectors = findex.reconstruct_n(0, findex.ntotal) if findex.ntotal else np.zeros((0, dim), np.float32)
    vocab = json.loads((vdir / "vocab.json").read_text(encoding="utf-8"))
    passages = (embed_text(titles[c.doc_id], c.text) for c in chunks)
    graph = ann.load(vdir / "lexicon.hnsw") if (vdir / "lexicon.hnsw").exists() else None
    seg = Segment(
        "legacy",
        documents,
        chunks,
        np.asarray(vectors, np.float32).reshape(-1, dim),
        np.load(vdir / "sentences.npy").reshape(-1, dim),
        Postings.build(analyze_many(passages, vocab)),
        json.loads((vdir / "lexicon.json").read_text(encoding="utf-8")),
        np.load(vdir / "lexicon.npy").reshape(-1, dim),
        graph,
    )
    if len(seg.sentence_vectors) != sum(len(d.sentences) for d in documents) or len(vectors) != len(chunks):
        raise ValueError(f"{vdir} is inconsistent: vectors and passages or sentences do not match")
    return view([(seg, frozenset())], manifest["model_id"], dim, vocab)


def _document(d: dict[str, Any]) -> StoredDocument:
    return StoredDocument(
        doc_id=d["doc_id"],
        source=d["source"],
        path=d["path"],
        title=d["title"],
        text=d["text"],
        meta=d["meta"],
        sentences=[(s, e) for s, e in d["sentences"]],
        sentence_hashes=d["sentence_hashes"],
        raw_hash=d.get("raw_hash", ""),
        stat=d.get("stat", []),
    )


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)
