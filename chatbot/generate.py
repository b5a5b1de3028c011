"""Generated answers: a language model writes, every sentence is checked before it is shown.

`stream_answer` sends the retrieved passages (numbered as they will be cited) to the
server, splits the reply into sentences as it streams, and checks each finished
sentence against the passages it cites (`support.check`). Only supported sentences
are ever shown; removed ones are listed with the reason. When nothing survives, when
the model says the passages hold no answer, or when the server fails, the reader gets
the extractive answer with a note saying why.

Yields partial answers (`done=False`) while the model writes, then the final one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from chatbot.answer import Answer, Citation, citation
from chatbot.llm import LLMConfig, LLMError, stream_chat
from chatbot.prompt import PromptPassage, messages
from chatbot.question import Question
from chatbot.retrieve import Hit
from chatbot.speakers import known_people
from chatbot.support import Claim, Passage, Verdict, check, complete_claims, split_claims
from ingest.embed import Embedder
from ingest.store import IndexData

NOTES = {
    "de": {
        "removed": "{n} der generierten Antwort entfernt, weil die zitierte Quelle sie nicht stützt.",
        "one": "Ein Satz",
        "many": "{n} Sätze",
        "unverified": "Die generierte Antwort ließ sich nicht mit den Quellen belegen; hier die Antwort aus "
        "wörtlichen Zitaten.",
        "no_answer": "Das Sprachmodell fand in den Passagen keine Antwort; hier die Antwort aus wörtlichen Zitaten.",
        "unavailable": "Das Sprachmodell war nicht verfügbar ({error}); hier die Antwort aus wörtlichen Zitaten.",
    },
    "en": {
        "removed": "{n} of the generated answer removed: the cited source does not support it.",
        "one": "One sentence",
        "many": "{n} sentences",
        "unverified": "The generated answer could not be verified against the sources; here is the answer "
        "quoted from the articles.",
        "no_answer": "The language model found no answer in the passages; here is the answer quoted from the articles.",
        "unavailable": "The language model was unavailable ({error}); here is the answer quoted from the articles.",
    },
}
PROGRESS_EVERY = 8  # tokens between progress updates while no new sentence is finished
_NO_ANSWER = re.compile(
    r"\b(?:nicht (?:in den|aus den) (?:Passagen|Artikeln|Texten)|keine (?:Antwort|Informationen?|Angaben)|"
    r"not (?:in|contain|mention|say|provide)|no (?:answer|information|mention)|does not answer|do not answer|"
    r"cannot answer|can't answer|kann .{0,20}nicht beantworten)",
    re.I,
)


@dataclass
class Generated:
    """The checked sentences so far."""

    kept: list[tuple[Claim, Verdict]]
    removed: list[tuple[Claim, Verdict]]
    tokens: int = 0

    def removed_json(self) -> list[dict[str, Any]]:
        return [{"text": c.text, "citations": c.cites, "reason": v.reason} for c, v in self.removed]


def check_passages(index: IndexData, hits: list[Hit]) -> list[Passage]:
    """The numbered passages (1..n) with the vectors of the sentences inside them."""
    first = index.first_sentence_rows()
    out = []
    for n, h in enumerate(hits, start=1):
        c = h.chunk
        doc = index.doc(c.doc_id)
        rows, spans = [], []
        for j, (s, e) in enumerate(doc.sentences):
            if s < c.end and e > c.start:
                rows.append(first[c.doc_id] + j)
                spans.append((max(s, c.start) - c.start, min(e, c.end) - c.start))
        out.append(Passage(n, c.text, spans, index.sentence_vectors[rows]))
    return out


def _verify(
    claims: list[Claim],
    embedder: Embedder,
    passages: list[Passage],
    people: frozenset[str],
    q: Question,
) -> list[tuple[Claim, Verdict]]:
    if not claims:
        return []
    vecs = embedder.embed([c.plain or c.text for c in claims], "passage")
    return [(c, check(c, v, passages, people, q.text, q.language)) for c, v in zip(claims, vecs, strict=True)]


def stream_answer(
    index: IndexData,
    q: Question,
    hits: list[Hit],
    cfg: LLMConfig,
    embedder: Embedder,
    fallback: Callable[[], Answer],
    k: int = 5,
    turns: Sequence[tuple[str, str]] = (),
) -> Iterator[Answer]:
    """Partial answers while the model writes, then the final checked answer (or the fallback)."""
    shown = hits[:k]
    passages = check_passages(index, shown)
    people = known_people(index)
    prompt = messages(
        q.text,
        q.language,
        [
            PromptPassage(p.n, index.doc(h.chunk.doc_id).title, h.chunk.text)
            for p, h in zip(passages, shown, strict=True)
        ],
        list(turns)[-cfg.turns :] if cfg.turns else [],
    )
    g = Generated([], [])
    buffer = ""
    try:
        for piece in stream_chat(cfg, prompt):
            g.tokens += 1
            buffer += piece
            finished, buffer = complete_claims(buffer)
            _record(g, _verify(finished, embedder, passages, people, q))
            if finished or g.tokens % PROGRESS_EVERY == 1:
                yield _assemble(index, q, shown, passages, g, done=False)
        _record(g, _verify(split_claims(buffer), embedder, passages, people, q))
    except LLMError as e:
        yield _fallback(fallback(), g, NOTES[q.language]["unavailable"].format(error=str(e)))
        return
    if not g.kept:
        said_none = (
            bool(g.removed)
            and all(not c.cites for c, _ in g.removed)
            and any(_NO_ANSWER.search(c.plain) for c, _ in g.removed)
        )
        yield _fallback(fallback(), g, NOTES[q.language]["no_answer" if said_none else "unverified"])
        return
    yield _assemble(index, q, shown, passages, g, done=True)


def _record(g: Generated, verdicts: list[tuple[Claim, Verdict]]) -> None:
    seen = {c.plain for c, _ in g.kept}
    for claim, verdict in verdicts:
        if verdict.supported and claim.plain in seen:
            continue  # the model repeated itself
        (g.kept if verdict.supported else g.removed).append((claim, verdict))
        seen.add(claim.plain)


def _fallback(answer: Answer, g: Generated, note: str) -> Answer:
    return replace(answer, note=note, removed=g.removed_json())


def _assemble(
    index: IndexData,
    q: Question,
    hits: list[Hit],
    passages: list[Passage],
    g: Generated,
    done: bool,
) -> Answer:
    """The answer from the kept sentences. Citations keep the numbers the model was given."""
    cited = set(n for c, _ in g.kept for n in c.cites)
    texts, sentences = [], []
    for c, v in g.kept:
        marks = "".join(f"[{n}]" for n in c.cites)
        body = c.plain.rstrip()
        end = body[-1] if body and body[-1] in ".!?…" else ""
        texts.append(f"{body[: len(body) - len(end)].rstrip()} {marks}{end}")
        sentences.append(
            {"text": texts[-1], "citations": c.cites, "supported": True, "similarity": round(v.similarity, 4)}
        )
    citations: list[Citation] = []
    for p, h in zip(passages, hits, strict=True):
        cit = citation(index, h, p.n, cited=p.n in cited)
        cit.highlights = sorted({p.sentences[j] for _, v in g.kept for m, j in v.evidence.items() if m == p.n})
        citations.append(cit)
    removed = g.removed_json()
    notes = NOTES[q.language]
    count = notes["one"] if len(removed) == 1 else notes["many"].format(n=len(removed))
    note = notes["removed"].format(n=count) if removed and done else ""
    return Answer(
        q.text,
        " ".join(texts),
        True,
        citations,
        q.language,
        confidence=float(np.mean([v.similarity for _, v in g.kept])) if g.kept else 0.0,
        kind=q.kind,
        mode="generative",
        note=note,
        sentences=sentences,
        removed=removed,
        done=done,
        tokens=g.tokens,
    )
