"""Compose an extractive answer: chosen sentences, quoted verbatim, each cited.

Sentences come only from the retrieved passages and only whole: a sentence is a
candidate when its span lies inside a passage, and it is cited to the best-ranked
passage that holds it. Each is scored against the question with the model (cosine of
the question and the sentence vectors stored at ingest) plus lexical overlap of the
German analysis, plus a little of its passage's rank. Up to three sentences that score
close to the best are quoted, in reading order within each source.

When the best sentence is too far from the question, or the question names things the
articles never mention, the answer says so in the question's language and lists the
nearest passages instead (`answered=False`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from chatbot.retrieve import Hit
from ingest.analyze import analyze, detect_language
from ingest.store import IndexData

MAX_SENTENCES = 3
MAX_PASSAGE_CHARS = 1500


@dataclass(frozen=True)
class AnswerSettings:
    """Weights and thresholds of sentence choice and abstention (calibrated in benchmarks)."""

    lexical: float = 0.05
    rank_prior: float = 0.03
    margin: float = 0.05
    min_similarity_de: float = 0.81
    min_similarity_en: float = 0.79
    # a question naming something the corpus never mentions needs a closer match
    min_similarity_unknown_de: float = 0.89
    min_similarity_unknown_en: float = 0.87
    passages_for_sentences: int = 3


@dataclass
class Citation:
    """A passage the answer cites (or, after the cited ones, one more that was retrieved)."""

    n: int
    source: str
    title: str
    text: str
    start: int
    end: int
    score: float
    doc_id: str
    cited: bool
    highlights: list[tuple[int, int]] = field(default_factory=list)  # offsets inside `text`
    meta: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "source": self.source,
            "title": self.title,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "score": round(self.score, 4),
            "cited": self.cited,
            "doc_id": self.doc_id,
            "highlights": [list(h) for h in self.highlights],
            "meta": self.meta,
        }


@dataclass
class Answer:
    """The result of `ask`: the text with [n] markers and its citations."""

    question: str
    answer: str
    answered: bool
    citations: list[Citation]
    language: str
    confidence: float = 0.0
    quotes: list[tuple[str, int]] = field(default_factory=list)  # (sentence, n)

    def as_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answer": self.answer,
            "answered": self.answered,
            "language": self.language,
            "confidence": round(self.confidence, 4),
            "citations": [c.as_dict() for c in self.citations],
        }


@dataclass
class _Candidate:
    hit_rank: int
    doc_id: str
    row: int
    start: int  # in the document
    end: int
    text: str
    score: float = 0.0


FRAMES = {
    "de": {
        "lead": "Die Artikel berichten dazu:",
        "refuse": "Dazu steht in den Artikeln nichts. Am nächsten kommen die unten aufgeführten Passagen.",
        "empty": "Es sind noch keine Artikel im Index.",
    },
    "en": {
        "lead": "The German-language articles say (quoted in the original German):",
        "refuse": ("The articles do not answer this. The nearest passages (in German) are listed below."),
        "empty": "There are no articles in the index yet.",
    },
}


_ENGLISH_COMMON = set(
    """What Which Who Whom Whose When Where Why How Is Are Was Were Do Does Did Can Could Will Would
    Should Has Have Had The A An In On At Of For To And Or But If According I Mr Mrs Ms Dr
    President Chancellor Minister Secretary General Prime Foreign Defense Defence Chief Spokesperson
    Spokesman Spokeswoman Army Air Force Navy Security Council House White Parliament Government
    State States United Union European Western Eastern Northern Southern Former Ex Vice Senator
    Ambassador Professor King Queen Party Republican Democrat Coalition Summit Treaty Article""".split()
)


def salient_terms(question: str, lang: str) -> list[str]:
    """What an answer must be about: numbers and capitalised words after the first.

    In German that is names and nouns; in English, names (role words such as
    "President" or "Chancellor" are left out).
    """
    tokens = re.findall(r"\d+(?:[.,]\d+)*|[^\W\d_][\w\-]*", question)
    out = []
    for i, tok in enumerate(tokens):
        if tok[0].isdigit() or (i > 0 and tok[0].isupper() and not (lang == "en" and tok in _ENGLISH_COMMON)):
            out.append(tok)
    return out


# English names of the debate's places and people, as the German articles spell them
EXONYMS = {
    "moscow": "moskau",
    "kyiv": "kiew",
    "kiev": "kiew",
    "russia": "russland",
    "russian": "russisch",
    "germany": "deutschland",
    "german": "deutsch",
    "europe": "europa",
    "european": "europäisch",
    "europeans": "europäer",
    "france": "frankreich",
    "french": "französisch",
    "britain": "großbritannien",
    "british": "britisch",
    "uk": "großbritannien",
    "poland": "polen",
    "turkey": "türkei",
    "italy": "italien",
    "finland": "finnland",
    "zelensky": "selenskyj",
    "zelenskyy": "selenskyj",
    "us": "usa",
    "u.s.": "usa",
    "america": "amerika",
    "american": "amerikanisch",
    "americans": "amerikaner",
    "ukrainian": "ukrainisch",
    "ukrainians": "ukrainer",
    "crimea": "krim",
    "kremlin": "kreml",
    "australia": "australien",
    "un": "un",
    "nato": "nato",
    "eu": "eu",
}


def _known(term: str, index: IndexData) -> bool:
    low = term.lower()
    low = EXONYMS.get(low, low)
    if low in index.vocab or low.replace(".", "") in index.vocab:
        return True
    if "-" in low:
        return all(_known(part, index) for part in low.split("-") if part)
    vocab = index.bm25.vocab_dict if index.bm25 is not None else {}
    stems = analyze(term, index.vocab)  # the word's stem, then its compound parts' stems
    if not stems:
        return True  # a stop word is not something an answer must be about
    if stems[0] in vocab or (len(stems) > 1 and all(s in vocab for s in stems[1:])):
        return True
    return _shares_long_prefix(low, index)


def _shares_long_prefix(word: str, index: IndexData) -> bool:
    """True if a corpus word starts with most of `word` ("Schauspielerin" ~ "schauspieler").

    Inflections and derived forms count as known; short names ("China" ~ "chinesisch")
    do not, since at least six letters, and all but three, must agree.
    """
    need = max(6, len(word) - 3)
    if len(word) < need:
        return False
    words = index.sorted_words()
    prefix = word[:need]
    i = bisect.bisect_left(words, prefix)
    return i < len(words) and words[i].startswith(prefix)


def unknown_terms(question: str, lang: str, index: IndexData) -> list[str]:
    """Salient terms of the question that the corpus never mentions."""
    return [t for t in salient_terms(question, lang) if not _known(t, index)]


def threshold(settings: AnswerSettings, lang: str, has_unknown: bool) -> float:
    """The similarity the best sentence needs for an answer."""
    if lang == "en":
        return settings.min_similarity_unknown_en if has_unknown else settings.min_similarity_en
    return settings.min_similarity_unknown_de if has_unknown else settings.min_similarity_de


def _candidates(index: IndexData, hits: list[Hit], limit: int) -> list[_Candidate]:
    """Whole sentences inside the top `limit` passages; each once, with its best rank."""
    seen: dict[tuple[str, int], _Candidate] = {}
    offsets = index.first_sentence_rows()
    for rank, hit in enumerate(hits[:limit]):
        c = hit.chunk
        doc = index.doc(c.doc_id)
        for j, (s, e) in enumerate(doc.sentences):
            if s >= c.start and e <= c.end and (c.doc_id, j) not in seen:
                seen[(c.doc_id, j)] = _Candidate(rank, c.doc_id, offsets[c.doc_id] + j, s, e, doc.text[s:e])
    return list(seen.values())


def _lexical(q_terms: set[str], text: str, index: IndexData) -> float:
    """Share of the question's terms (stems and compound parts) found in `text` (0..1)."""
    if not q_terms:
        return 0.0
    return len(q_terms & set(analyze(text, index.vocab))) / len(q_terms)


def _looks_like_sentence(text: str) -> bool:
    """A statement: long enough and ending like one (not a headline, not a question)."""
    return len(text) >= 25 and bool(re.search(r"[.!…“”\"»«]$", text)) and not text.rstrip('“”"»«').endswith("?")


def choose_sentences(
    index: IndexData,
    question: str,
    qvec: np.ndarray,
    hits: list[Hit],
    settings: AnswerSettings,
    translations: Sequence[str] = (),
) -> tuple[list[_Candidate], float]:
    """The sentences to quote, best first (at most MAX_SENTENCES), and the similarity
    of the question to the best matching text (the confidence used for abstention).

    Headlines and questions are not quoted: a headline that matches lends its score to
    the two sentences after it, which say what the headline announces.
    """
    cands = _candidates(index, hits, settings.passages_for_sentences)
    if not cands:
        return [], 0.0
    sims = index.sentence_vectors[[c.row for c in cands]] @ qvec
    q_terms = set(analyze(" ".join([question, *translations]), index.vocab))
    for c, sim in zip(cands, sims, strict=True):
        c.score = float(sim) + settings.lexical * _lexical(q_terms, c.text, index) - settings.rank_prior * c.hit_rank
    by_row = {c.row: c for c in cands}
    sim_of = {c.row: float(sim) for c, sim in zip(cands, sims, strict=True)}
    for h in [c for c in cands if not _looks_like_sentence(c.text)]:
        for step in (1, 2):
            nxt = by_row.get(h.row + step)
            if nxt is not None and nxt.doc_id == h.doc_id and _looks_like_sentence(nxt.text):
                nxt.score = max(nxt.score, h.score - 0.01 * step)
                sim_of[nxt.row] = max(sim_of[nxt.row], sim_of[h.row] - 0.01 * step)
    quotable = sorted((c for c in cands if _looks_like_sentence(c.text)), key=lambda c: -c.score)
    if not quotable:
        return [], max(sim_of.values())
    best = quotable[0]
    close = [c for c in quotable[1:] if c.score >= best.score - settings.margin]
    chosen = [best, *close[: MAX_SENTENCES - 1]]
    return chosen, sim_of[best.row]


def compose(
    index: IndexData,
    question: str,
    qvec: np.ndarray,
    hits: list[Hit],
    k: int = 5,
    settings: AnswerSettings | None = None,
    translations: Sequence[str] = (),
) -> Answer:
    """The cited answer for `question` from the retrieved `hits`.

    `translations` (German words for an English question) count as question words
    in the lexical part of sentence choice.
    """
    settings = settings or AnswerSettings()
    lang = detect_language(question)
    frame = FRAMES[lang]
    if not hits:
        return Answer(question, frame["empty"], False, [], lang)
    chosen, similarity = choose_sentences(index, question, qvec, hits, settings, translations)
    answered = bool(chosen) and similarity >= threshold(settings, lang, bool(unknown_terms(question, lang, index)))
    if not answered:
        cits = [_citation(index, h, n, cited=False) for n, h in enumerate(hits[:k], start=1)]
        return Answer(question, frame["refuse"], False, cits, lang, confidence=similarity)

    # cite each sentence to the best-ranked passage holding it; number by first use
    order: list[int] = []  # hit indices in citation order
    quotes: list[tuple[_Candidate, int]] = []
    for c in sorted(chosen, key=lambda c: (c.hit_rank, c.start)):
        rank = next(
            i
            for i, h in enumerate(hits)
            if h.chunk.doc_id == c.doc_id and h.chunk.start <= c.start and c.end <= h.chunk.end
        )
        if rank not in order:
            order.append(rank)
        quotes.append((c, rank))
    quotes.sort(key=lambda q: (order.index(q[1]), q[0].start))
    numbers = {rank: n for n, rank in enumerate(order, start=1)}
    citations = [_citation(index, hits[r], numbers[r], cited=True) for r in order]
    for cit, r in zip(citations, order, strict=True):
        base = hits[r].chunk.start
        cit.highlights = [(c.start - base, c.end - base) for c, rr in quotes if rr == r]
    rest = [i for i in range(len(hits)) if i not in numbers][: max(0, k - len(order))]
    citations += [_citation(index, hits[i], len(order) + j, cited=False) for j, i in enumerate(rest, start=1)]
    body = " ".join(f"{c.text} [{numbers[r]}]" for c, r in quotes)
    text = f"{frame['lead']} {body}"
    return Answer(
        question,
        text,
        True,
        citations,
        lang,
        confidence=similarity,
        quotes=[(c.text, numbers[r]) for c, r in quotes],
    )


def _citation(index: IndexData, hit: Hit, n: int, cited: bool) -> Citation:
    c = hit.chunk
    doc = index.doc(c.doc_id)
    meta = {k: doc.meta[k] for k in ("outlet", "date", "author", "url", "agency", "source_urls") if doc.meta.get(k)}
    return Citation(
        n=n,
        source=doc.source,
        title=doc.title,
        text=c.text[:MAX_PASSAGE_CHARS],
        start=c.start,
        end=c.end,
        score=hit.score,
        doc_id=c.doc_id,
        cited=cited,
        meta=meta,
    )
