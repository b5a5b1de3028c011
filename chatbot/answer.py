"""The answer a reader gets: text with [n] markers, and the passages it cites.

`build` turns chosen sentences (quoted verbatim, in sections: a paragraph, a list, a
side of a comparison) into the answer text and numbers the citations by first use.
Each sentence is cited to the best-ranked retrieved passage that holds it, so a quote
is always inside the passage its number opens. Which sentences to quote is `kinds.py`'s
concern, whether to answer at all `abstain.py`'s.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from chatbot.evidence import Sentence
from chatbot.retrieve import Hit
from ingest.store import IndexData

MAX_PASSAGE_CHARS = 1500


@dataclass(frozen=True)
class AnswerSettings:
    """Weights and thresholds of sentence choice and abstention (calibrated in benchmarks)."""

    kind: float = 0.1  # bonus for a reason (why) or the expected kind of answer (fact), in probability units
    margin: float = 0.15  # a second quote must come this close to the best one's probability
    # … for a fact question, whose runner-up is shown when the ranking is this unsure of the best
    fact_margin: float = 0.25
    # a fact question is answered when the best sentence's probability reaches this;
    # None: the threshold trained with the model (benchmarks/train_scoring.py)
    min_p: float | None = None
    # other kinds: the similarity the chosen sentences need (calibrated on XQuAD off-topic
    # questions), and the step up when the question names something the corpus lacks
    min_similarity_de: float = 0.81
    min_similarity_en: float = 0.79
    unknown_step: float = 0.08
    # what a number question measures must be in the quote, or a word this close (word vectors)
    min_counterpart: float = 0.92
    # below those, the nearest statement is still shown, marked as no direct answer, when a
    # fact question's probability reaches this share of its threshold (other kinds: this
    # much below the similarity threshold)
    hedge_share: float = 0.5
    hedge_similarity: float = 0.02
    # a group's size asked, its members counted beside the other names asked about: a tenth
    # of the probability will do ("Wie groß soll die Friedenstruppe sein?": "100.000 Friedenswächter")
    members_share: float = 0.1


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
    kind: str = ""  # the question's kind: fact, overview, position, reason, comparison, empty, meta
    hedged: bool = False  # not answered, but the nearest statement is quoted, marked as such
    mode: str = "extractive"  # or "generative": written by a language model, every sentence checked
    note: str = ""  # shown under the answer: sentences removed, or why the generated answer is not shown
    sentences: list[dict[str, Any]] = field(default_factory=list)  # generative: each kept sentence, checked
    removed: list[dict[str, Any]] = field(default_factory=list)  # generative: sentences that failed the check
    done: bool = True  # False while a generated answer is still streaming
    tokens: int = 0  # while streaming: tokens the model has written so far

    def as_dict(self) -> dict[str, Any]:
        out = {
            "question": self.question,
            "answer": self.answer,
            "answered": self.answered,
            "hedged": self.hedged,
            "language": self.language,
            "confidence": round(self.confidence, 4),
            "kind": self.kind,
            "mode": self.mode,
            "citations": [c.as_dict() for c in self.citations],
        }
        if self.note:
            out["note"] = self.note
        if self.mode == "generative":
            out["sentences"] = self.sentences
        if self.mode == "generative" or self.removed:
            out["removed"] = self.removed
        return out


FRAMES = {
    "de": {
        "lead": "Die Artikel berichten dazu:",
        "overview": "Die Artikel nennen dazu:",
        "position": "Was {actor} laut den Artikeln sagt:",
        "reason": "Die Artikel nennen dazu:",
        "comparison": "Die Artikel zu beiden Seiten:",
        "comparison_many": "Die Artikel zu jeder Seite:",
        "summary": "Die Artikel im Überblick:",
        "missing_side": "Dazu steht in den Artikeln nichts.",
        "refuse": "Dazu steht in den Artikeln nichts. Am nächsten kommen die unten aufgeführten Passagen.",
        "hedge": "Eine direkte Antwort darauf steht nicht in den Artikeln. Am nächsten kommt diese Stelle:",
        "same_quote": "Das beantwortet auch der zweite Teil der Frage: dieselbe Stelle wie oben.",
        "empty": "Es sind noch keine Artikel im Index.",
        "no_question": "Bitte stellen Sie eine Frage zu den Artikeln, z. B. „Was sagt Moskau zu Nato-Truppen?“",
        "meta": (
            "Ich beantworte Fragen zu den Artikeln im Index, mit wörtlichen Zitaten und Quellenangaben. "
            "Fragen Sie z. B. „Welche Optionen für Sicherheitsgarantien werden diskutiert?“"
        ),
    },
    "en": {
        "lead": "The German-language articles say (quoted in the original German):",
        "overview": "The German-language articles name these points (quoted in the original German):",
        "position": "What {actor} said, according to the German-language articles (quoted in the original German):",
        "reason": "The German-language articles say (quoted in the original German):",
        "comparison": "The German-language articles on each side (quoted in the original German):",
        "comparison_many": "The German-language articles on each of them (quoted in the original German):",
        "summary": "The German-language articles at a glance (quoted in the original German):",
        "missing_side": "The articles say nothing about this.",
        "refuse": "The articles do not answer this. The nearest passages (in German) are listed below.",
        "hedge": "The articles do not answer this directly. The closest they come (quoted in the original German):",
        "same_quote": "The same passage, quoted above, answers the second part of the question too.",
        "empty": "There are no articles in the index yet.",
        "no_question": "Please ask a question about the articles, e.g. “What does Moscow say about NATO troops?”",
        "meta": (
            "I answer questions about the articles in the index, with verbatim quotes and numbered sources. "
            "Try e.g. “What options for security guarantees are being discussed?”"
        ),
    },
}


@dataclass
class Section:
    """A part of the answer: an optional label, then its sentences as a paragraph or a list."""

    label: str
    sentences: list[Sentence]
    as_list: bool = False
    note: str = ""  # said instead of quotes (a comparison side the articles say nothing about)


def build(
    index: IndexData,
    question: str,
    language: str,
    kind: str,
    lead: str,
    sections: list[Section],
    hits: list[Hit],
    k: int,
    confidence: float,
) -> Answer:
    """The answer text from `sections`, each sentence followed by its citation number."""
    quoted = [s for sec in sections for s in sec.sentences]
    rank_of = {id(s): holding_hit(hits, s) for s in quoted}
    order = list(dict.fromkeys(rank_of[id(s)] for s in quoted))
    numbers = {rank: n for n, rank in enumerate(order, start=1)}
    structured = any(sec.as_list or sec.label for sec in sections)
    parts = [lead]
    for sec in sections:
        items: list[str] = []  # a sentence brought along for the next one shares its list item
        joined = False
        for s in sec.sentences:
            quote = f"{s.text} [{numbers[rank_of[id(s)]]}]"
            if joined:
                items[-1] += f" {quote}"
            else:
                items.append(quote)
            joined = bool(s.features.get("lead_in"))
        body = sec.note or ("\n".join(f"- {c}" for c in items) if sec.as_list else " ".join(items))
        if sec.label:
            body = f"{sec.label}:" + ("\n" if sec.as_list and not sec.note else " ") + body
        parts.append(body)
    citations = [citation(index, hits[r], numbers[r], cited=True) for r in order]
    for cit, r in zip(citations, order, strict=True):
        base = hits[r].chunk.start
        cit.highlights = sorted({(s.start - base, s.end - base) for s in quoted if rank_of[id(s)] == r})
    rest = [i for i in range(len(hits)) if i not in numbers][: max(0, k - len(order))]
    citations += [citation(index, hits[i], len(order) + j, cited=False) for j, i in enumerate(rest, start=1)]
    return Answer(
        question,
        ("\n" if structured else " ").join(parts),
        True,
        citations,
        language,
        confidence=confidence,
        quotes=[(s.text, numbers[rank_of[id(s)]]) for s in quoted],
        kind=kind,
    )


def refusal(
    index: IndexData,
    question: str,
    language: str,
    kind: str,
    hits: list[Hit],
    k: int,
    confidence: float,
    text: str | None = None,
) -> Answer:
    """No answer: say so in the question's language and list the nearest passages."""
    cits = [citation(index, h, n, cited=False) for n, h in enumerate(hits[:k], start=1)]
    return Answer(question, text or FRAMES[language]["refuse"], False, cits, language, confidence, kind=kind)


def holding_hit(hits: list[Hit], s: Sentence) -> int:
    """The best-ranked hit whose passage holds the whole sentence (-1 if none does)."""
    return next(
        (
            i
            for i, h in enumerate(hits)
            if h.chunk.doc_id == s.doc_id and h.chunk.start <= s.start <= s.end <= h.chunk.end
        ),
        -1,
    )


def citation(index: IndexData, hit: Hit, n: int, cited: bool) -> Citation:
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
