"""Comparisons: the points of each side, grouped under the side's name.

    sections = comparison(quotable, q, index, forms)   # one section per side of `q.sides`

A side's own statements come first, then sentences about it. A sentence is about a side
when it names it, or when the sentence before it does and it names no other side; an
outlet's name ("Kyiv Independent") names no side.
"""

from __future__ import annotations

from chatbot import evidence as ev
from chatbot import places
from chatbot import speakers as sp
from chatbot.answer import FRAMES, Section
from chatbot.evidence import Sentence
from chatbot.order import MAX_QUOTES, best_first, reading_order
from chatbot.ordinals import ordinal_root
from chatbot.phrasing import COMPARISON
from chatbot.question import Question
from ingest.analyze import analyze, stem
from ingest.store import IndexData

QUOTES_PER_SIDE = MAX_QUOTES["comparison"]


def comparison(quotable: list[Sentence], q: Question, index: IndexData, forms: dict[str, set[str]]) -> list[Section]:
    """For each of the (two or more) sides, its best sentences (its own statements first);
    no sections when no side is found."""
    sections: list[Section] = []
    used: set[int] = set()
    all_stems = [stems_of(side, q, forms, index) for side in q.sides]
    own = {id(c): set(analyze(ev.without_institutions(c.text), index.vocab)) for c in quotable}
    on_topic = _on_topic(quotable, q, forms, all_stems, index)
    for n, side in enumerate(q.sides):
        stems = all_stems[n]
        others = [st for m, st in enumerate(all_stems) if m != n]
        about = [c for c in quotable if id(c) not in used and _about_side(c, own[id(c)], stems, others, index)]
        said = [
            c for c in about if sp.attributed_to(c, stems, index) == 1.0 and not _only_in_outlet(c, stems, own, index)
        ]
        # its own statements first, and of each, those on what is compared
        ranked = sorted(best_first(said), key=lambda c: -on_topic[id(c)])
        ranked += sorted((c for c in best_first(about) if c not in said), key=lambda c: -on_topic[id(c)])
        chosen = ranked[:QUOTES_PER_SIDE]
        used.update(id(c) for c in chosen)
        for c in chosen:
            c.features["side"] = float(len(sections))
            c.features["side_said"] = float(c in said)  # the side itself speaks here
        note = "" if chosen else FRAMES[q.language]["missing_side"]
        sections.append(Section(side, reading_order(chosen), as_list=True, note=note))
    if all(sec.note for sec in sections):
        return []
    return sections


def _on_topic(
    quotable: list[Sentence], q: Question, forms: dict[str, set[str]], side_stems: list[set[str]], index: IndexData
) -> dict[int, float]:
    """How much of what the comparison is about (its focus beyond the sides) each sentence
    names, each word weighted by how few of the sentences name it (a compound by its last
    part: "NATO-Truppen" names "Truppen"): in "How far apart are Kyiv and Moscow on foreign
    troops and NATO?" a sentence on "NATO-Truppen" beats one that names only the Ukraine,
    which nearly all do. A sentence leaning on the one before ("Er habe dies als „Option"
    gemeint …") names, at half the weight, what that one names ("Unterstützung in der Luft")."""
    sides = set().union(*side_stems)  # "Trumps" in "Trumps und Selenskyjs Sicht" is a side
    words = [w for w in q.topic if forms.get(w) and not forms[w] & sides and not COMPARISON.match(w)]
    stems = {id(c): ev.stems_with_parts(c.text, index) for c in quotable}
    leant = {id(c): ev.stems_with_parts(c.before, index) for c in quotable if ev.depends_on_previous(c.text)}
    named = {w: {id(c) for c in quotable if _names_head(forms[w], stems[id(c)])} for w in words}
    by_before = {w: {i for i, st in leant.items() if _names_head(forms[w], st)} - named[w] for w in words}
    weight = {w: 1.0 - len(ids) / max(1, len(quotable)) for w, ids in named.items()}

    def share(c: Sentence, w: str) -> float:
        return 1.0 if id(c) in named[w] else 0.5 if id(c) in by_before[w] else 0.0

    return {id(c): sum(weight[w] * share(c, w) for w in words) for c in quotable}


def _names_head(forms: set[str], stems: set[str]) -> bool:
    """Does a text name one of `forms`, or a compound it ends ("Bodentruppen" names "Truppen")?"""
    return ev.mentions(forms, stems) or any(len(f) >= 5 and any(t.endswith(f) for t in stems) for f in forms)


def _only_in_outlet(c: Sentence, side: set[str], own: dict[int, set[str]], index: IndexData) -> bool:
    """Is the side named in `c` only inside an institution's name ("wie Quellen des Kyiv
    Independent berichten" is no statement of Kyiv's)?"""
    return ev.mentions(side, set(analyze(c.text, index.vocab))) and not ev.mentions(side, own[id(c)])


def _about_side(c: Sentence, own: set[str], side: set[str], others: list[set[str]], index: IndexData) -> bool:
    """Does `c` (`own`: the stems of its text) name the side, or follow a sentence that does
    while naming no other side and no other person ("Hegseth betonte …" "Waltz hat
    verdeutlicht …": the second is about Waltz, not Hegseth)?"""
    if ev.mentions(side, own):
        return True
    if any(ev.mentions(other, own) for other in others) or (sp.known_people(index) & own) - side:
        return False  # another side, or another person, is who the sentence is about
    return ev.mentions(side, set(analyze(ev.without_institutions(c.context), index.vocab)))


def stems_of(words: str, q: Question, forms: dict[str, set[str]], index: IndexData) -> set[str]:
    """Stems that count as a mention of `words` (a name: its last word is enough; an ordinal:
    its German root)."""
    parts = [w for w in words.split() if w]
    if not parts:
        return set()
    root = ordinal_root(parts[-1])
    if root and len(parts) == 1:  # "the first option from the second": "Die erste Variante", "Als zweite Option"
        return {stem(root)}
    german = places.EXONYMS.get(" ".join(parts).lower())  # "White House" -> "weißen haus": its last word
    last = german.split()[-1] if german and " " in german else parts[-1]
    if last in forms:
        return forms[last]
    return ev.focus_forms(Question(last, q.language, "fact", focus=(last,), german=q.german), index).get(last, set())
