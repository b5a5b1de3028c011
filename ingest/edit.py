"""Operator edits on the index: correct an article's metadata, or remove an article.

Both write a new version under the writer lock, like an ingest (vectors are reused;
a new title re-embeds that article's passages, since the title is part of what the
model sees). Edited metadata survives re-ingesting the unchanged file: an unchanged
file keeps the stored document. Fields are validated like front matter.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from ingest.embed import Embedder
from ingest.errors import ChatbotError
from ingest.load import Document, validate_front_matter
from ingest.pipeline import Summary, commit
from ingest.store import Catalog, StoredDocument, load_catalog, writer_lock

EDITABLE = ("title", "outlet", "date", "author", "url")


def _find(data: Catalog, doc_id: str) -> StoredDocument:
    if any(e.doc_id == doc_id for e in data.entries()):
        return data.document(doc_id)
    raise ChatbotError(f"no article with id {doc_id} in the index")


def _quiet(stage: str, done: int, total: int) -> None:
    pass


def set_metadata(index_dir: Path, embedder: Embedder, doc_id: str, fields: dict[str, Any]) -> Summary:
    """Set title, outlet, date, author or url of one article (an empty value removes the field)."""
    started, summary = time.perf_counter(), Summary()
    unknown = sorted(set(fields) - set(EDITABLE))
    if unknown:
        raise ChatbotError(f"cannot edit {', '.join(unknown)}: editable fields are {', '.join(EDITABLE)}")
    given = {k: v for k, v in fields.items() if str(v).strip()}
    checked = validate_front_matter(given)  # raises LoadError naming the field
    with writer_lock(index_dir):
        prev = load_catalog(index_dir)
        target = _find(prev, doc_id)
        meta = {k: v for k, v in target.meta.items() if k not in fields or k in given}
        meta.update({k: v for k, v in checked.items() if k != "title"})
        title = str(checked.get("title") or target.title)
        if "title" in fields and not given.get("title"):
            raise ChatbotError("an article needs a title")
        doc = Document(source=target.source, path=target.path, title=title, text=target.text, meta=meta)
        new = StoredDocument(doc.doc_id, doc.source, doc.path, title, doc.text, meta, target.sentences,
                             target.sentence_hashes, target.raw_hash, target.stat)  # fmt: skip
        summary.updated.append(target.source)
        commit(index_dir, prev, [new], {doc_id}, embedder, summary, _quiet)
    summary.seconds = time.perf_counter() - started
    return summary


def remove(index_dir: Path, embedder: Embedder, doc_id: str) -> Summary:
    """Remove one article from the index (its file is left where it is)."""
    started, summary = time.perf_counter(), Summary()
    with writer_lock(index_dir):
        prev = load_catalog(index_dir)
        target = _find(prev, doc_id)
        summary.pruned.append(target.source)
        commit(index_dir, prev, [], {doc_id}, embedder, summary, _quiet)
    summary.seconds = time.perf_counter() - started
    return summary
