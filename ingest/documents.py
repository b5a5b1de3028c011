"""What the index keeps of a document and of each of its passages, and passages read
from the numbers a segment stores them as."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, overload

import numpy as np


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


class ChunkList(Sequence[Chunk]):
    """A segment's passages as stored (document, number, start, end, hash), each made into
    a `Chunk` when first used: an archive holds 100,000s and a question reads a few."""

    def __init__(self, documents: Sequence[StoredDocument], table: np.ndarray, hashes: list[str]) -> None:
        self.documents, self.table, self.hashes = documents, table, hashes
        self.made: dict[int, Chunk] = {}

    def __len__(self) -> int:
        return len(self.hashes)

    @overload
    def __getitem__(self, i: int) -> Chunk: ...
    @overload
    def __getitem__(self, i: slice) -> list[Chunk]: ...
    def __getitem__(self, i: int | slice) -> Chunk | list[Chunk]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        i = int(i) + (len(self) if i < 0 else 0)
        got = self.made.get(i)
        if got is None:
            doc, n, start, end = (int(v) for v in self.table[i])
            d = self.documents[doc]
            got = self.made[i] = Chunk(d.doc_id, n, start, end, d.text[start:end], self.hashes[i])
        return got


class Chained(Sequence[Chunk]):
    """Several segments' live passages as one sequence: (passages, the positions that are
    live, or None for all) per segment."""

    def __init__(self, parts: Sequence[tuple[Sequence[Chunk], np.ndarray | None]]) -> None:
        self.parts = [(seq, live) for seq, live in parts if (len(seq) if live is None else len(live))]
        self.starts = np.cumsum([0, *(len(seq) if live is None else len(live) for seq, live in self.parts)])

    def __len__(self) -> int:
        return int(self.starts[-1])

    @overload
    def __getitem__(self, i: int) -> Chunk: ...
    @overload
    def __getitem__(self, i: slice) -> list[Chunk]: ...
    def __getitem__(self, i: int | slice) -> Chunk | list[Chunk]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        i = int(i) + (len(self) if i < 0 else 0)
        if not 0 <= i < len(self):
            raise IndexError(i)
        part = int(np.searchsorted(self.starts, i, side="right")) - 1
        seq, live = self.parts[part]
        local = i - int(self.starts[part])
        return seq[local if live is None else int(live[local])]
