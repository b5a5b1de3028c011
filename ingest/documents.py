"""What the index keeps of a document and of each of its passages, and passages read
from the numbers a segment stores them as."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, overload

import numpy as np

from ingest.rows import save_npy


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


class Texts:
    """A segment's document texts and sentence spans on disk, read per document when a
    document is used (an archive holds 100,000s; a question reads a few).

        texts.txt             every text, UTF-8, one after the other; texts.npy their byte offsets
        spans.npy             every sentence's (start, end); sentence_starts.npy where each document's begin
        sentence_hashes.json  every sentence's hash (read only by an ingest that reuses vectors)
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.offsets = np.load(folder / "texts.npy")
        self.starts = np.load(folder / "sentence_starts.npy")
        self.spans = np.load(folder / "spans.npy")
        self.fd = os.open(folder / "texts.txt", os.O_RDONLY)  # a text is read with pread when used
        fits = os.fstat(self.fd).st_size == self.offsets[-1] and self.starts[-1] == len(self.spans)
        if not fits or len(self.starts) != len(self.offsets):
            raise ValueError(f"{folder}/texts.npy, sentence_starts.npy and their files do not fit")

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            os.close(self.fd)

    def text(self, i: int) -> str:
        start, end = int(self.offsets[i]), int(self.offsets[i + 1])
        return os.pread(self.fd, end - start, start).decode("utf-8")

    def sentences(self, i: int) -> list[tuple[int, int]]:
        return [(int(s), int(e)) for s, e in self.spans[self.starts[i] : self.starts[i + 1]]]

    def sentence_hashes(self, i: int) -> list[str]:
        every = self.__dict__.get("_hashes")
        if every is None:
            every = self.__dict__["_hashes"] = json.loads((self.folder / "sentence_hashes.json").read_text("utf-8"))
        return list(every[self.starts[i] : self.starts[i + 1]])

    @staticmethod
    def write(folder: Path, documents: Sequence[StoredDocument]) -> None:
        encoded = [d.text.encode("utf-8") for d in documents]
        with (folder / "texts.txt").open("wb") as f:
            for b in encoded:
                f.write(b)
        save_npy(folder / "texts.npy", np.cumsum([0, *(len(b) for b in encoded)], dtype=np.int64))
        counts = [len(d.sentences) for d in documents]
        save_npy(folder / "sentence_starts.npy", np.cumsum([0, *counts], dtype=np.int64))
        spans = np.array([se for d in documents for se in d.sentences], np.int64).reshape(-1, 2)
        save_npy(folder / "spans.npy", spans)
        hashes = [h for d in documents for h in d.sentence_hashes]
        (folder / "sentence_hashes.json").write_text(json.dumps(hashes), encoding="utf-8")


class LazyDocument(StoredDocument):
    """A stored document whose text, sentence spans and hashes are read on first use."""

    def __init__(self, texts: Texts, i: int, **fields: Any) -> None:
        self.__dict__.update(fields, _texts=texts, _i=i)

    def __getattr__(self, name: str) -> Any:  # only for what is not read yet
        texts, i = self.__dict__.get("_texts"), self.__dict__.get("_i")
        if texts is None or name not in ("text", "sentences", "sentence_hashes"):
            raise AttributeError(name)
        value = getattr(texts, name)(i)
        if name != "sentence_hashes":  # kept: the text and spans are what questions use again
            self.__dict__[name] = value
        return value

    @property
    def sentence_count(self) -> int:
        texts, i = self.__dict__["_texts"], self.__dict__["_i"]
        return int(texts.starts[i + 1] - texts.starts[i])


def stored(d: StoredDocument) -> StoredDocument:
    """`d` with every field read (a plain `StoredDocument`, to copy or change)."""
    return StoredDocument(**{f.name: getattr(d, f.name) for f in fields(StoredDocument)})


def sentence_count(d: StoredDocument) -> int:
    """How many sentences `d` has, without reading them when it is stored lazily."""
    return d.sentence_count if isinstance(d, LazyDocument) else len(d.sentences)


class _Passages(Sequence[Chunk]):
    """A sequence of passages made on demand: subclasses say how to get passage `i`."""

    def _get(self, i: int) -> Chunk:
        raise NotImplementedError

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
        return self._get(i)


class ChunkList(_Passages):
    """A segment's passages as stored (document, number, start, end, hash), each made into
    a `Chunk` when first used: an archive holds 100,000s and a question reads a few."""

    def __init__(self, documents: Sequence[StoredDocument], table: np.ndarray, hashes: list[str]) -> None:
        self.documents, self.table, self.hashes = documents, table, hashes
        self.made: dict[int, Chunk] = {}

    def __len__(self) -> int:
        return len(self.hashes)

    def _get(self, i: int) -> Chunk:
        got = self.made.get(i)
        if got is None:
            doc, n, start, end = (int(v) for v in self.table[i])
            d = self.documents[doc]
            got = self.made[i] = Chunk(d.doc_id, n, start, end, d.text[start:end], self.hashes[i])
        return got


class Chained(_Passages):
    """Several segments' live passages as one sequence: (passages, the positions that are
    live, or None for all) per segment."""

    def __init__(self, parts: Sequence[tuple[Sequence[Chunk], np.ndarray | None]]) -> None:
        self.parts = [(seq, live) for seq, live in parts if (len(seq) if live is None else len(live))]
        self.starts = np.cumsum([0, *(len(seq) if live is None else len(live) for seq, live in self.parts)])

    def __len__(self) -> int:
        return int(self.starts[-1])

    def _get(self, i: int) -> Chunk:
        part = int(np.searchsorted(self.starts, i, side="right")) - 1
        seq, live = self.parts[part]
        local = i - int(self.starts[part])
        return seq[local if live is None else int(live[local])]
