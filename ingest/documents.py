"""What the index keeps of a document and of each of its passages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Chunk:
    """A passage of a document: `text == document.text[start:end]`."""

    doc_id: str
    n: int
    start: int
    end: int
    text: str
    hash: str

    @property
    def chunk_id(self) -> str:
        return f"{self.doc_id}:{self.n}"


@dataclass
class StoredDocument:
    """A document as the index keeps it."""

    doc_id: str
    source: str
    path: str
    title: str
    text: str
    meta: dict[str, Any]
    sentences: list[tuple[int, int]]
    sentence_hashes: list[str]
    raw_hash: str = ""  # of the source file's bytes, when it was read
    stat: list[int] = field(default_factory=list)  # the file's size and mtime (ns) then
