"""Clean article text: one normal form for every loader, before chunking.

What it does:
- Unicode NFC, unified line ends, no soft hyphens, zero-width or odd space characters.
- Pulls lines that are only URLs (PDF page footers, link lists) out of the text and
  returns them as source links, then re-joins a sentence that such a footer split.
- Repairs hard line wraps from PDF extraction: lines of a paragraph are joined and
  words hyphenated at a line end are mended, while real hyphens ("US-Unterstützung",
  "NATO-Prinzips", "Ein- und Ausfuhr") are kept.
- Takes a dateline ("Washington, D.C. /Kiew – ") and a closing agency tag ("(jal/dpa)")
  into metadata.

What it does not do: decide what an article is (loaders do) or split it (chunk.py).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

_URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")
_URL = re.compile(r"https?://[^\s<>\"')\]]+")
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]")
_SENTENCE_END = re.compile(r"[.!?:;…“”\"»«)\]]$")
_AGENCY = re.compile(r"\s*\((?:[a-zA-Z]{1,6}/)*(dpa|afp|ap|reuters|kna|epd|dts|AFP|AP|Reuters)\)\s*$")
_DATELINE = re.compile(r"^(?P<place>[A-ZÄÖÜ][\w.,/ ]{1,60}?)\s+[–-]\s+(?=[A-ZÄÖÜ])")
_FUNCTION_WORDS = set(
    "von vom und oder der die das den dem des ein eine einer einen einem eines auf mit zu zum zur "
    "für im in an am bei aus nach über unter vor durch gegen ohne um als wie dass ob sowie "
    "the a an of and or to in on for with".split()
)
_MID_SENTENCE_END = re.compile(r"[.!?] \S")
_HYPHEN_KEEP_NEXT = {"und", "oder", "bis", "sowie", "als", "wie", "noch", "bzw."}


@dataclass
class Cleaned:
    """Clean text plus what cleaning took out of it."""

    text: str
    urls: list[str] = field(default_factory=list)
    dateline: str | None = None
    agency: str | None = None


def normalize(text: str) -> str:
    """NFC, '\\n' line ends, plain spaces, no invisible characters."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_INVISIBLE)
    text = _SPACES.sub(" ", text)
    return "\n".join(line.rstrip() for line in text.split("\n"))


def looks_hard_wrapped(text: str) -> bool:
    """True for text with PDF-style line wraps: many short lines that end mid-sentence."""
    lines = [ln for ln in text.split("\n") if ln.strip() and not _URL_LINE.match(ln)]
    if len(lines) < 8:
        return False
    lengths = sorted(len(ln) for ln in lines)
    median = lengths[len(lengths) // 2]
    open_ends = sum(1 for ln in lines if not _SENTENCE_END.search(ln.strip()))
    return median < 110 and open_ends / len(lines) > 0.5


def _join_wrapped(prev: str, nxt: str) -> str:
    """Join two wrapped lines, mending a hyphenation at the end of `prev`."""
    m = re.search(r"(\w+)-$", prev)
    if not m:
        return prev + " " + nxt
    head, first = m.group(1), nxt.split(" ", 1)[0]
    if first in _HYPHEN_KEEP_NEXT or first.rstrip(",.") in _HYPHEN_KEEP_NEXT:
        return prev + " " + nxt  # "Ein- und Ausfuhr"
    if first[:1].isupper() or first[:1].isdigit() or head.isupper() or head[-1:].isdigit():
        return prev + nxt  # "US-\nUnterstützung" -> "US-Unterstützung"
    return prev[:-1] + nxt  # "Friedens-\nsicherung" -> "Friedenssicherung"


def _unwrap(paragraph: list[str]) -> str:
    out = paragraph[0].strip()
    for line in paragraph[1:]:
        out = _join_wrapped(out, line.strip())
    return out


def _paragraphs(lines: list[str]) -> list[list[str]]:
    paras: list[list[str]] = []
    cur: list[str] = []
    for line in lines:
        if line.strip():
            cur.append(line)
        elif cur:
            paras.append(cur)
            cur = []
    if cur:
        paras.append(cur)
    return paras


def _continues(prev: str, nxt: str) -> bool:
    """True when paragraph `prev` breaks off mid-sentence and `nxt` carries the sentence on.

    Headings also end without punctuation, so it takes one more sign: `nxt` starts
    lower-case, `prev` ends in a function word ("von", "und"), or `prev` already holds
    a finished sentence (a heading does not).
    """
    if _SENTENCE_END.search(prev) or not nxt:
        return False
    last = prev.rsplit(" ", 1)[-1].lower()
    return nxt[:1].islower() or last in _FUNCTION_WORDS or bool(_MID_SENTENCE_END.search(prev))


def _rejoin_split_sentences(paras: list[str]) -> list[str]:
    """Join paragraphs that a page break or footer split in the middle of a sentence."""
    out: list[str] = []
    for p in paras:
        if out and _continues(out[-1], p):
            out[-1] = _join_wrapped(out[-1], p)
        else:
            out.append(p)
    return out


def clean(text: str, hard_wrapped: bool | None = None) -> Cleaned:
    """Clean raw article text; `hard_wrapped=None` detects PDF-style wraps itself."""
    text = normalize(text)
    lines = text.split("\n")
    urls = [ln.strip() for ln in lines if _URL_LINE.match(ln)]
    lines = [ln for ln in lines if not _URL_LINE.match(ln)]
    if hard_wrapped is None:
        hard_wrapped = looks_hard_wrapped("\n".join(lines))
    if hard_wrapped:
        paras = _rejoin_split_sentences([_unwrap(p) for p in _paragraphs(lines)])
    else:
        paras = [" ".join(ln.split()) for ln in lines if ln.strip()]

    result = Cleaned(text="", urls=_unique(urls))
    if len(paras) > 2:
        # a dateline opens the first body paragraph (after title and teaser)
        for i in range(min(3, len(paras))):
            m = _DATELINE.match(paras[i])
            if m and len(paras[i]) > 120 and "." not in m.group("place").replace("D.C.", ""):
                result.dateline = m.group("place").strip()
                paras[i] = paras[i][m.end() :]
                break
    if paras:
        m = _AGENCY.search(paras[-1])
        if m:
            result.agency = m.group(1).lower()
            paras[-1] = paras[-1][: m.start()].rstrip()
            if not paras[-1]:
                paras.pop()
    result.urls = _unique(result.urls + [u.rstrip(".,;") for p in paras for u in _URL.findall(p)])
    result.text = "\n\n".join(p for p in paras if p)
    return result


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
