"""Split a cleaned document into passages with exact character offsets.

Uses langchain-text-splitters' recursive splitter with German-aware separators:
paragraphs first, then lines, then sentence boundaries (`ingest.sentences`), and only
then clauses and words. A passage is a few sentences (at most `size` characters) and
overlaps its neighbour. Every passage records where it sits in the cleaned text, so
`text[start:end] == passage` holds; the UI uses that to show it in context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from langchain_text_splitters import RecursiveCharacterTextSplitter

from ingest.sentences import SENTENCE_BOUNDARY

CHUNK_SIZE = 800
CHUNK_OVERLAP = 400


@dataclass(frozen=True)
class Passage:
    """A passage of a document and its [start, end) offsets in the cleaned text."""

    text: str
    start: int
    end: int


def make_splitter(size: int = CHUNK_SIZE, overlap: int = CHUNK_OVERLAP) -> RecursiveCharacterTextSplitter:
    """The recursive splitter with paragraph, line, sentence, clause and word separators."""
    return RecursiveCharacterTextSplitter(
        separators=[r"\n\n+", r"\n", SENTENCE_BOUNDARY, r"(?<=[;:])\s+", r"(?<=,)\s+", r"\s+", ""],
        is_separator_regex=True,
        keep_separator="end",
        chunk_size=size,
        chunk_overlap=overlap,
        strip_whitespace=True,
    )


def chunk_text(text: str, size: int = CHUNK_SIZE, overlap: int = CHUNK_OVERLAP) -> list[Passage]:
    """Passages of `text`, in order, each with offsets that index into `text`."""
    passages: list[Passage] = []
    cursor = 0
    for piece in make_splitter(size, overlap).split_text(text):
        start = text.find(piece, max(0, cursor - size))
        if start < 0:  # the splitter may normalise whitespace at a join; locate by pattern
            pattern = r"\s+".join(re.escape(w) for w in piece.split())
            m = re.compile(pattern).search(text, max(0, cursor - size))
            if not m:
                continue
            start, piece = m.start(), m.group(0)
        end = start + len(piece)
        passages.append(Passage(piece, start, end))
        cursor = start + 1
    return passages
