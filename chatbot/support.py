"""Does a cited passage support the generated sentence that cites it?

A generated answer is split into sentences (`split_claims`), each with the passage
numbers it cites. A sentence is kept only when all of these hold:

- it cites at least one passage, and every number it cites is a passage the model was given;
- it does not repeat orders that a passage gives to a language model ("ignore all previous
  instructions");
- every number it states (digits or number words, "100.000" = "100,000") is in a cited passage;
- every person or country it names that the corpus knows is named in a cited passage
  (English exonyms count: "Moscow" is found as "Moskau", "Kreml" or "Russland");
- its e5 similarity to the closest sentence of the cited passages reaches `MIN_SIMILARITY`
  for the answer's language (this works across German and English), and no passage it does not cite fits it clearly
  better (`MAX_ELSEWHERE` more similar): a claim taken from another passage is not
  supported by the one it cites.

The thresholds are calibrated on labelled pairs built from XQuAD by
`benchmarks/support_pairs.py` (translations and question-answer statements against
their own paragraph, other paragraphs, and wrong numbers or answers); the figures are in
the README. Embedding is the caller's concern: `check` takes vectors.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from chatbot.evidence import gives_orders
from chatbot.places import ALIASES, EXONYMS
from chatbot.words import SMALL_NUMBERS
from ingest.analyze import stem
from ingest.sentences import SENTENCE_BOUNDARY

# a German claim against German passages scores higher than an English one: one bar each
MIN_SIMILARITY = {"de": 0.86, "en": 0.84}
MAX_ELSEWHERE = 0.03

_MARKERS = re.compile(r"\s*\[(\d+(?:\s*,\s*\d+)*)\]")
_MARKERS_AFTER_END = re.compile(r"([.!?…])((?:\s*\[\d+(?:\s*,\s*\d+)*\])+)")
_BOUNDARY = re.compile(rf"{SENTENCE_BOUNDARY}|(?<=\])\s+(?=[\"„“»]?[A-ZÄÖÜ])|\n+")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+")
_NUMBER = re.compile(r"(?<![\w])\d{1,3}(?:(?:[.,\u202f\u00a0]| (?=\d{3}\b))\d{3})+(?!\d)|(?<![\w])\d+(?:[.,]\d+)?")
_NUMBER_WORDS = {
    **{word: str(n) for n, words in SMALL_NUMBERS.items() for word in words},
    "dutzend": "12", "dozen": "12", "zwanzig": "20", "twenty": "20", "dreißig": "30", "thirty": "30",
    "fünfzig": "50", "fifty": "50", "hundert": "100", "hundred": "100", "tausend": "1000", "thousand": "1000",
}  # fmt: skip
_STARTS_WITH_WORD = re.compile(r"\s*(?:[-*•]\s+|\d{1,2}[.)]\s+)?[\"„“»(]?[A-Za-zÄÖÜäöü]")
_WORD = re.compile(r"[A-Za-zÄÖÜäöüßÉé]+(?:-[A-Za-zÄÖÜäöüßÉé]+)*")


@dataclass
class Claim:
    """One sentence of a generated answer."""

    text: str  # as the model wrote it, markers included
    plain: str  # without markers or list bullet
    cites: list[int]  # passage numbers as written, in order, without repeats


@dataclass
class Verdict:
    """Whether a claim is kept, and why not."""

    supported: bool
    similarity: float = 0.0
    reason: str = ""  # empty when supported
    evidence: dict[int, int] = field(default_factory=dict)  # cited passage -> its best-matching sentence


@dataclass
class Passage:
    """What a claim is checked against: one numbered passage, its sentences and their vectors."""

    n: int
    text: str
    sentences: list[tuple[int, int]]  # spans inside `text`
    vectors: np.ndarray  # one row per sentence


def _pieces(text: str) -> list[str]:
    """`text` cut at sentence ends, citation markers moved before the full stop they follow."""
    text = _MARKERS_AFTER_END.sub(lambda m: f"{m.group(2)}{m.group(1)}", text)
    return [p for p in _BOUNDARY.split(text) if p.strip()]


def _claims(pieces: list[str]) -> list[Claim]:
    pieces = [p.strip() for p in pieces]
    for i in range(len(pieces) - 1):  # "1." of a numbered list belongs to its item
        if re.fullmatch(r"\d{1,2}[.)]", pieces[i]):
            pieces[i], pieces[i + 1] = "", f"{pieces[i]} {pieces[i + 1]}"
    claims = []
    for piece in pieces:
        if not piece:
            continue
        cites = [int(n) for m in _MARKERS.finditer(piece) for n in re.split(r"\s*,\s*", m.group(1))]
        plain = " ".join(_BULLET.sub("", _MARKERS.sub("", piece)).split())
        plain = re.sub(r"\s+([.,;:!?])", r"\1", plain)
        if plain or cites:
            claims.append(Claim(piece, plain, list(dict.fromkeys(cites))))
    return claims


def split_claims(text: str) -> list[Claim]:
    """The sentences of a generated answer; markers after the full stop stay with their sentence."""
    return _claims(_pieces(text))


def complete_claims(buffer: str) -> tuple[list[Claim], str]:
    """While streaming: the claims finished in `buffer`, and the text still being written.

    A sentence is finished when the next one has begun with a word (not with its own
    citation markers, which may still be arriving)."""
    pieces = _pieces(buffer)
    claims = _claims(pieces)
    if len(claims) < 2 or not _STARTS_WITH_WORD.match(pieces[-1]):
        return [], buffer
    return claims[:-1], pieces[-1].lstrip()


def numbers(text: str) -> set[str]:
    """The numbers in `text`, normalized: "100.000", "100,000" and "100 000" are "100000",
    "2,5" and "2.5" are "2.5", "zwei" and "two" are "2"."""
    out = set()
    for m in _NUMBER.finditer(text):
        raw = m.group().replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
        if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", raw):
            out.add(str(int(re.sub(r"[.,]", "", raw))))
        else:
            value = raw.replace(",", ".")
            out.add(value.rstrip("0").rstrip(".") if "." in value else str(int(value)))
    for w in _WORD.findall(text.lower()):
        if w in _NUMBER_WORDS:
            out.add(_NUMBER_WORDS[w])
    return out


def _group(word: str) -> tuple[str, ...]:
    """A country or alliance with all its German forms ("moscow" -> moskau, russland, kreml …)."""
    w = EXONYMS.get(word, word)
    if w not in ALIASES:
        return ()
    return tuple(dict.fromkeys((word, w, *ALIASES[w])))


def names(text: str, people: frozenset[str]) -> list[tuple[str, tuple[str, ...]]]:
    """The people (surname stems in `people`) and countries `text` names: (as written, forms to look for).
    A form ending in "*" is a stem: any word that starts with it counts."""
    out: list[tuple[str, tuple[str, ...]]] = []
    for w in _WORD.findall(text):
        low = w.lower()
        group = _group(low)
        if group:
            out.append((w, group))
        elif w[0].isupper() and len(w) > 2:
            s = stem(EXONYMS.get(low, low))
            if s in people:
                out.append((w, (f"{s}*",)))
    return out


def _named_in(forms: tuple[str, ...], text: str) -> bool:
    low = text.lower()
    for f in forms:
        if f.endswith("*"):
            if re.search(rf"(?<![a-zäöüß]){re.escape(f[:-1])}", low):
                return True
        elif len(f) <= 3:
            if re.search(rf"(?<![a-zäöüß]){re.escape(f)}(?![a-zäöüß])", low):
                return True
        elif f in low:
            return True
    return False


def check(
    claim: Claim,
    vector: np.ndarray,
    passages: Sequence[Passage],
    people: frozenset[str] = frozenset(),
    question: str = "",
    language: str = "de",
    min_similarity: float | None = None,
    max_elsewhere: float = MAX_ELSEWHERE,
) -> Verdict:
    """Is `claim` (its e5 vector `vector`) supported by the passages it cites?

    `question`'s own words may appear in the claim without a passage for them."""
    if min_similarity is None:
        min_similarity = MIN_SIMILARITY.get(language, MIN_SIMILARITY["en"])
    by_n = {p.n: p for p in passages}
    if not claim.cites:
        return Verdict(False, reason="cites no passage")
    missing = [n for n in claim.cites if n not in by_n]
    if missing:
        return Verdict(False, reason=f"cites [{missing[0]}], which is not one of the passages")
    if gives_orders(claim.plain):
        return Verdict(False, reason="repeats an instruction written in a passage")
    cited = [by_n[n] for n in claim.cites]
    cited_text = " ".join(p.text for p in cited)
    absent = sorted(numbers(claim.plain) - numbers(cited_text))
    if absent:
        return Verdict(False, reason=f"the number {absent[0]} is not in the cited passage")
    for written, forms in names(claim.plain, people):
        if not _named_in(forms, cited_text):
            return Verdict(False, reason=f"{written} is not named in the cited passage")
    elsewhere_text = " ".join(p.text for p in passages if p.n not in claim.cites)
    borrowed = _borrowed(claim.plain, cited_text, elsewhere_text, question)
    if borrowed:
        return Verdict(False, reason=f"{borrowed} is in another passage, not in the cited one")
    best: dict[int, tuple[float, int]] = {}
    for p in passages:
        if len(p.vectors):
            sims = p.vectors @ vector
            j = int(np.argmax(sims))
            best[p.n] = (float(sims[j]), j)
    sim = max((best[n][0] for n in claim.cites if n in best), default=0.0)
    evidence = {n: best[n][1] for n in claim.cites if n in best}
    if sim < min_similarity:
        return Verdict(False, sim, f"the cited passage does not say this (similarity {sim:.2f})", evidence)
    elsewhere = max((s for n, (s, _) in best.items() if n not in claim.cites), default=0.0)
    if elsewhere - sim > max_elsewhere:
        other = max((n for n in best if n not in claim.cites), key=lambda n: best[n][0])
        return Verdict(False, sim, f"this is in passage [{other}], not in the one cited", evidence)
    return Verdict(True, sim, "", evidence)


def _borrowed(claim: str, cited_text: str, elsewhere_text: str, question: str = "") -> str:
    """A capitalised word of the claim (not its first) that another passage has and the cited ones lack:
    the sign of a fact taken from the wrong passage ("Macron said …" citing Starmer's words)."""
    cited, elsewhere, asked = cited_text.lower(), elsewhere_text.lower(), question.lower()
    for w in _WORD.findall(claim)[1:]:
        if len(w) < 4 or not w[0].isupper():
            continue
        key = stem(w.lower())[:8]
        if len(key) >= 3 and key not in cited and key in elsewhere and key not in asked:
            return w
    return ""
