"""A follow-up that points back to the last answer: it is about what that answer quoted.

    "Was fordert Hodges?"       -> „Ohne die Entsendung vieler tausend …“, sagte Hodges dem
                                   Redaktionsnetzwerk Deutschland.
    "Und wem hat er das gesagt?" -> the same sentence holds it ("dem Redaktionsnetzwerk …")
    "Who published that?"        -> the sentence after it ("Die Meldung wurde von … Tass
                                   veröffentlicht.")

"das", "that", "dort", "there", "them" point to what the last answer said; what such a
follow-up asks for (an outlet, a place, a person) is then mostly in the quoted sentence or
right next to it. So a follow-up that keeps the last question's subject (it names no new
actor) and asks for a kind of answer reads the passages the last answer quoted right
after the best one (`with_last_passages`), the sentences in and around a quote count more
(`CONTINUES_BONUS`), and one of them holding the kind asked for answers it
(`abstain.decide`). The last answer is the one this process gave for the same history,
or is asked again (`Chatbot._last_quoted`).
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from chatbot.answer import Answer
from chatbot.evidence import Sentence, depends_on_previous
from chatbot.question import Question
from chatbot.retrieve import Hit
from ingest.store import IndexData

Position = tuple[str, int]  # (doc id, sentence number)

WINDOW = 1  # sentences either side of a quote that continue it
CONTINUES_BONUS = 0.2  # in probability units, twice the bonus for a reason


def points_back(q: Question) -> bool:
    """Does a follow-up keep the last question's subject (no new actor or thing named) and
    ask for a kind of answer (an outlet, a place, a person, a date, a number), or ask a fact
    with no more than a verb of its own ("Und worüber wollen sie reden?")?

    Only those: an open follow-up with words of its own ("Und warum meint er das?", "Is
    that support guaranteed?") is answered better from what the whole question finds than
    from the sentences around the last quotes (measured: four answers got a worse first
    quote)."""
    if not (q.follow_up and q.inherited):
        return False
    return q.expects not in (None, "yesno") or bare(q)


def bare(q: Question) -> bool:
    """A fact follow-up with at most a verb of its own ("Und worüber wollen sie reden?"): it
    asks for more on what the last answer quoted."""
    return q.kind == "fact" and q.expects is None and len(q.focus) <= 1 and not q.names


def quoted(answer: Answer, hits: list[Hit], index: IndexData) -> frozenset[Position]:
    """The sentences an answer quoted, by their position in their documents."""
    if not answer.answered:
        return frozenset()
    texts = {text for text, _ in answer.quotes}
    out: set[Position] = set()
    for doc_id in dict.fromkeys(h.chunk.doc_id for h in hits):
        doc = index.doc(doc_id)
        out.update((doc_id, j) for j, (s, e) in enumerate(doc.sentences) if doc.text[s:e] in texts)
    return frozenset(out)


def continues(doc_id: str, idx: int, after: AbstractSet[Position]) -> bool:
    """Is the sentence a quote of the last answer, or next to one?"""
    return any((doc_id, idx + step) in after for step in range(-WINDOW, WINDOW + 1))


def bonus(c: Sentence, q: Question) -> float:
    """What continuing the last answer adds to a sentence's score: the quote itself may hold
    what is asked ("Und wem hat er das gesagt?": "…, sagte Hodges dem Redaktionsnetzwerk
    Deutschland"), or the sentence next to it ("Die Meldung wurde von … Tass veröffentlicht").
    A bare follow-up asks for more than the quote said: the sentence that goes on from it
    ("Dabei solle über Sicherheitsgarantien … gesprochen werden"), never the quote again."""
    if not q.after or not continues(c.doc_id, c.idx, q.after):
        return 0.0
    if bare(q):
        return CONTINUES_BONUS if goes_on(c, q.after) else -CONTINUES_BONUS if (c.doc_id, c.idx) in q.after else 0.0
    return CONTINUES_BONUS


def goes_on(c: Sentence, after: AbstractSet[Position]) -> bool:
    """Does the sentence follow a quote of the last answer and lean on it ("Dabei solle …")?"""
    return (c.doc_id, c.idx - 1) in after and (c.doc_id, c.idx) not in after and depends_on_previous(c.text)


def with_last_passages(
    hits: list[Hit], last_hits: list[Hit], after: AbstractSet[Position], index: IndexData
) -> list[Hit]:
    """The best passage, then those of the last answer's quotes (from its retrieval), then the rest."""
    holding = []
    for h in last_hits:
        doc = index.doc(h.chunk.doc_id)
        spans = [doc.sentences[j] for d, j in after if d == h.chunk.doc_id and j < len(doc.sentences)]
        if any(s >= h.chunk.start and e <= h.chunk.end for s, e in spans):
            holding.append(h)
    best = hits[:1]
    seen = {(h.chunk.doc_id, h.chunk.start) for h in best}
    holding = [h for h in holding if (h.chunk.doc_id, h.chunk.start) not in seen]
    seen |= {(h.chunk.doc_id, h.chunk.start) for h in holding}
    return best + holding + [h for h in hits if (h.chunk.doc_id, h.chunk.start) not in seen]
