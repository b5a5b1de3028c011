"""Two questions in one message ("Wer ist Hodges und was fordert er?"): each is answered on
its own, the second as a follow-up of the first (so "er" is Hodges), and the two answers
are joined under one list of sources.

    split("Wer ist Hodges und was fordert er?")   # ["Wer ist Hodges?", "Was fordert er?"]
    joined([first, second])                        # one Answer, sources numbered once

Two speakers asked the same thing ("Was sagt Trump und was meint Rutte?") stay one question:
that is a comparison, set side by side (`actors.two_actors`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from chatbot.answer import FRAMES, Answer, Citation
from chatbot.question import analyse
from chatbot.utterance import only_pleasantries
from chatbot.words import content_words

# ", und was …", " and who …": a second question begins
_SECOND = re.compile(
    r"[,;]?\s+(?:und|and)\s+(?=(?:was|wer|wie|warum|wieso|weshalb|wann|wo|welche[nrsm]?|"
    r"what|who|how|why|when|where|which)\b)",
    re.I,
)


# a first half ending in a preposition whose object the second half gives ("Was spricht für …",
# "What speaks for …")
_PREPOSITION = r"für|gegen|über|von|mit|ohne|zu|for|against|about|with|without|of|to"
_DANGLING = re.compile(rf"\b(?P<prep>{_PREPOSITION})\s*[,;]?\s*$", re.I)
# … and the second half that gives it, with a preposition of its own ("was gegen eine Friedenstruppe")
_OTHER_SIDE = re.compile(rf"^(?:was|what|wer|who)\s+(?P<prep>{_PREPOSITION})\s+(?P<topic>\S.*)$", re.I)


def split(text: str) -> list[str]:
    """The questions a message asks, each ending in "?"; one question stays as it is."""
    halves = _SECOND.split(text.strip(), maxsplit=1)
    if len(halves) != 2 or not content_words(halves[0]) or len(halves[1].split()) < 2 or only_pleasantries(halves[0]):
        return [text]  # "Warum und wie?" asks one thing; "…, und was sagt er?" leans on the first
    if not content_words(halves[1]) and len(halves[1].split()) <= 2:
        return [text]  # "Was schließt Trump aus und was nicht?": the second half asks nothing of its own
    dangling = _DANGLING.search(halves[0])
    if dangling:  # "Was spricht für und was gegen eine Friedenstruppe?": both halves ask of the second's topic
        other = _OTHER_SIDE.match(halves[1].strip().rstrip("?.!"))
        if not other:
            return [text]
        stem, second = halves[0][: dangling.start()].strip(), halves[1].strip().rstrip("?.!")
        # the first half completed with the topic; the second as it was asked
        return [f"{stem} {dangling['prep']} {other['topic'].strip()}?", f"{second[0].upper()}{second[1:]}?"]
    first, second = (h.strip().rstrip("?.!").strip() for h in halves)
    first_q, second_q = analyse(first), analyse(second)
    if first_q.kind == "position" and second_q.kind == "position":
        return [text]  # what two people say: one comparison
    return [f"{first}?", f"{second[0].upper()}{second[1:]}?"]


def joined(answers: list[Answer], question: str) -> Answer:
    """One answer from the answers to the parts of `question`: their texts one after the other,
    the passages they cite numbered once (a passage both cite keeps one number), then the
    passages retrieved but not cited."""
    order = [c for a in answers for c in a.citations if c.cited] + [c for a in answers for c in a.citations]
    merged: dict[tuple[str, int, int], Citation] = {}  # by passage, numbered in the order first met
    for c in order:
        kept = merged.get(_passage(c))
        if kept is None:
            merged[_passage(c)] = replace(c, n=len(merged) + 1, highlights=list(c.highlights))
        else:
            kept.cited = kept.cited or c.cited
            kept.highlights = sorted(set(kept.highlights) | set(c.highlights))
    texts: list[str] = []
    quotes: list[tuple[str, int]] = []
    for a in answers:
        renumber = {c.n: merged[_passage(c)].n for c in a.citations}
        text = _renumbered(a.answer, renumber)
        own = [(s, renumber.get(n, n)) for s, n in a.quotes]
        repeated = [q for q in own if q in quotes]
        if repeated and len(repeated) < len(own):  # a quote given for the first part is not repeated
            text = _without(text, repeated)
        elif repeated and a.answered:  # "… und wie viele Friedenswächter?": the same sentence answers both
            text = FRAMES[a.language]["same_quote"]
        texts.append(text)
        quotes += [q for q in own if q not in quotes]
    answered = any(a.answered for a in answers)
    return replace(
        answers[0],
        question=question,
        answer="\n\n".join(texts),
        answered=answered,
        hedged=not answered and any(a.hedged for a in answers),
        citations=sorted(merged.values(), key=lambda c: c.n),
        confidence=max(a.confidence for a in answers),
        quotes=quotes,
        note=" ".join(a.note for a in answers if a.note),
    )


def _passage(c: Citation) -> tuple[str, int, int]:
    """What a citation quotes: one passage of one document, whatever number it had."""
    return c.doc_id, c.start, c.end


def _renumbered(text: str, renumber: dict[int, int]) -> str:
    """`text` with each source marker "[n]" given its new number."""
    return re.sub(r"\[(\d+)\]", lambda m: f"[{renumber.get(int(m.group(1)), int(m.group(1)))}]", text)


def _without(text: str, repeated: list[tuple[str, int]]) -> str:
    """`text` without the quoted sentences `repeated` (each with its marker, as a list's line or in a run)."""
    for sentence, n in repeated:
        text = re.sub(rf"(?:^|\s)(?:- )?{re.escape(sentence)} \[{n}\]", "", text, count=1, flags=re.M)
    return text
