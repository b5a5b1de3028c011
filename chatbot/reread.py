"""The analysed question read again against what the articles know: a genitive put first
names the speaker ("Trumps Meinung zur Nato": Trump), keywords asking a position name
their speaker by the first person the articles name, an office with a holder the articles
never name speaks for itself ("Was sagt Russlands Außenminister Lawrow?").

    q = reread(analyse(text), known_people(index), index)
"""

from __future__ import annotations

import re
from dataclasses import replace

from chatbot import holders, passages, places
from chatbot.known import is_known
from chatbot.offices import office
from chatbot.places import nationality
from chatbot.question import Question
from chatbot.typos import is_name
from chatbot.words import is_keywords, is_stop, outside_quotes, tokens
from ingest.store import IndexData


def reread(q: Question, people: frozenset[str], index: IndexData) -> Question:
    """`q` with its speaker or office read as the articles name them (see the module)."""
    q = speaker_of_keywords(genitive_actor(first_of_two(q, people, index), people, index), people, index)
    return office_of_unknown_holder(q, people, index)


def speaker_words(q: Question) -> tuple[str, ...]:
    """The words naming the speaker of an English position question typed in lower case
    ("what did the pope say": "pope"), which no capital marks as a name."""
    if q.language != "en" or not q.typed_lower or q.kind != "position" or not q.actor:
        return ()
    return tuple(w for w in q.all_focus if w.lower() in q.actor.lower().split() and w not in q.names)


def as_named(word: str, people: frozenset[str], index: IndexData) -> str:
    """The word as it names someone the articles name (or a place), a genitive "s" dropped
    (`passages.without_genitive`: "trumps": "trump"; "Hodges" stays, a name ending in "s");
    "" when it names no one."""
    base = passages.without_genitive(word, index)
    if base != word and is_name(base, people):  # "Leavitts": "Leavitt", though the stem of both is one
        return base
    return word if is_name(word, people) else ""


def first_of_two(q: Question, people: frozenset[str], index: IndexData) -> Question:
    """Two surnames side by side are two people, not a first name and a surname: in "Was hat
    Putin Selenskyj angeboten?" Putin speaks and Selenskyj is whom he spoke to."""
    words = (q.actor or "").split()
    if q.kind != "position" or len(words) != 2 or not all(is_name(w, people) for w in words):
        return q
    if any(w.lower() in places.EXONYMS for w in words):
        return q  # a place beside a name ("Moskau Sacharowa") is not read here
    return replace(q, actor=words[0])


def office_of_unknown_holder(q: Question, people: frozenset[str], index: IndexData) -> Question:
    """A position question naming an office and a holder the articles never name ("Was sagt
    Russlands Außenminister Lawrow?", where they write "Der russische Außenminister hat …
    erklärt"): the office speaks. A holder they name stays the actor ("Außenminister Rubio")."""
    if q.kind != "position" or q.role or not q.actor:
        return q
    held = office(outside_quotes(q.text))
    if not held:
        return q
    rest = [w for w in q.actor.split() if w not in tokens(held[1]) and not is_stop(w)]
    if not rest or any(as_named(w, people, index) or is_known(w, index) for w in rest):
        return q
    if not re.search(rf"{re.escape(held[1])}\s+{re.escape(' '.join(rest))}\b", q.text):
        return q  # the name must follow the office ("Außenminister Lawrow"), not come before it ("White House …")
    country = nationality(held[0][0])
    if holders.named_holders(index, held[0][1], country):
        return q  # the articles name who holds it, someone else ("Bundeskanzler Merz": they name Scholz)
    focus = tuple(w for w in q.focus if w not in rest)  # the holder's name is no topic
    names = tuple(n for n in q.names if n not in rest)
    return replace(q, role=held[0], actor=held[1], role_country=country, focus=focus, names=names)


def genitive_actor(q: Question, people: frozenset[str], index: IndexData) -> Question:
    """The speaker named first, in the genitive, is the person ("Trumps Meinung zur Nato": Trump;
    "Hodges Meinung": Hodges, whose name ends in "s")."""
    actor = q.actor or ""
    named = as_named(actor, people, index) if actor and " " not in actor else ""
    if not named or named == actor:
        return q
    toks = [t.lower() for t in tokens(q.text)]
    at = toks.index(actor.lower()) if actor.lower() in toks else -1
    if at < 0 or (at and toks[at - 1] in _GOVERNING):  # "Gibt es Kritik an Trumps Haltung?": criticism of him
        return q
    return replace(q, actor=named)  # "Trumps Meinung zur Nato", "Was ist Rubios Haltung?"


# prepositions before a genitive that make its person the topic, not the speaker ("Kritik an Trumps Haltung")
_GOVERNING = frozenset("an gegen zu zur zum über von vom auf mit für in um bei of on about against to with for".split())


def speaker_of_keywords(q: Question, people: frozenset[str], index: IndexData) -> Question:
    """Keywords asking for a position ("trump nato beitritt ukraine position") have no
    sentence to say who speaks: the speaker is the first person among them whom the articles
    name (Trump, not the first name-like word, Nato), else the first place ("Moskau")."""
    # a search-box query typed in lower case may hold a stop word ("trumps meinung zur nato")
    typed = q.typed_lower and len(q.text.split()) <= 6 and not q.text.rstrip().endswith("?")
    if q.kind != "position" or q.follow_up or not (is_keywords(q.text) or (typed and not q.actor)):
        return q
    # a genitive names the person too ("trumps meinung zur nato": Trump)
    # … or a place, by its English or German name ("Moskau Haltung Nato-Truppen": Moskau)
    named = [n for n in (as_named(w, people, index) or (w if w.lower() in places.PLACES else "") for w in q.focus) if n]
    persons = [w for w in named if w.lower() not in places.EXONYMS and w.lower() not in places.PLACES]
    speaker = (persons or named or [""])[0]
    return replace(q, actor=speaker) if speaker and speaker != q.actor else q
