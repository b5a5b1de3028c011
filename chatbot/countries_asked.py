"""Whether the quotes are about the countries and places a question names: a country other
than Ukraine named in a quote (not only inside an outlet's name, "Redaktionsnetzwerk
Deutschland"), the country asked whether it agreed or refused, and the place where a
statement was made. Each check gives `signals.evidence` one figure, as in `grounds.py`.

    countries_found(q, holding, index)     # "Wie viele Soldaten hat Deutschland …?": Deutschland named
    consenting_group(q)                    # "Hat Russland … zugestimmt?": russland, moskau, kreml, …
    said_where_asked(q, chosen, index)     # "What did Rutte say in Kyiv?": Kyiv named
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from chatbot import places
from chatbot.evidence import Sentence
from chatbot.grounds import about, name_stem, names_place, people_named
from chatbot.listing import OUTLET_KINDS
from chatbot.question import Question
from ingest.analyze import stem
from ingest.store import IndexData

# an outlet or organisation whose name ends in a country ("Redaktionsnetzwerk Deutschland")
# or begins with its adjective ("Deutsche Presse-Agentur")
_ORG_WITH_COUNTRY = re.compile(
    rf"\b[A-ZÄÖÜ]\w*(?:{OUTLET_KINDS})\s+[A-ZÄÖÜ]\w+|\b[A-ZÄÖÜ]\w+\s+[A-ZÄÖÜ][\w\-]*(?i:{OUTLET_KINDS})\b"
)


def countries_found(q: Question, holding: list[Sentence], index: IndexData) -> float:
    """For a fact or yes/no question that names a country other than Ukraine ("Wie viele
    Soldaten hat Deutschland zugesagt?", "Is Germany willing to send troops?"; not an
    adjective, "der französische Präsident", whom a quote
    names as Macron): 1.0 when a sentence holding the kind of answer names that
    country, in itself or its context, and not only inside an outlet's name ("sagte Hodges
    dem Redaktionsnetzwerk Deutschland"); else 0.0. 1.0 when the question names none. For
    an overview or why-question on a person, the sentence must be about that person."""
    # by its name, or by an adjective before a thing ("die russische Armee"); every article
    # here is about Ukraine
    countries = places.countries_named(q.text) | places.countries_owning(q.text)
    # a follow-up asks about the countries of the question before too ("How many of them?" after
    # "Will the British send soldiers?"), named by a word of it other than a capital
    countries |= {g[0] for w in q.inherited if (g := places.country_of(w)) and stem(w.lower()) != stem(g[1])}
    asked = countries - {"ukraine"}
    if not asked:
        return 1.0
    named = people_named(q, index)
    if q.kind in ("overview", "reason"):
        if named:  # "Which risks does Hodges see for Germany?": his sentences
            holding = [c for c in holding if about(c, named, index)]
        holding = holding[:2]  # the best two, as for people: a later point on the country is no answer
    return float(any(_names_country(c, asked, index) for c in holding))


def naming_country(q: Question, cands: list[Sentence], index: IndexData, context: bool = True) -> list[Sentence]:
    """Those of `cands` that name a country the question names by its own name, other than
    Ukraine ("Welche Rolle spielt Finnland?"), in themselves (or, with `context`, the
    sentences before them), not only inside an outlet's name; none when it names none."""
    asked = places.countries_named(q.text) - {"ukraine"}
    return [c for c in cands if _names_country(c, asked, index, context)] if asked else []


def _names_country(c: Sentence, asked: AbstractSet[str], index: IndexData, context: bool = True) -> bool:
    """Does the sentence (or, with `context`, the sentences before it) name one of the countries
    `asked`, not only inside an outlet's name ("sagte Hodges dem Redaktionsnetzwerk Deutschland")?"""
    text = _ORG_WITH_COUNTRY.sub(" ", f"{c.context if context else ''} {c.text}")
    return bool(places.countries_in(text, index) & asked)


# whether someone agreed or refused ("Hat Russland einer Friedenstruppe zugestimmt?", "Did Moscow accept …?",
# "Is Russia open to …?")
_CONSENT = re.compile(
    r"\b(?:zugestimmt|zustimm\w*|akzeptier\w*|abgelehnt|ablehn\w*|einverstanden|agree[ds]?|accept\w*|"
    r"reject\w*|refuse[ds]?|open\s+to|offen\s+für|oppose[ds]?)\b",
    re.I,
)


def consenting_country(q: Question) -> set[str]:
    """The stems that speak for the country a yes/no question asks whether it agreed or
    refused: its names, capital and adjective ("Russland": "moskau", "kreml", "russisch");
    empty for any other question."""
    return {stem(n) for n in consenting_group(q)}


def consenting_group(q: Question) -> tuple[str, ...]:
    """The names of the country a yes/no question asks whether it agreed or refused ("Ist
    Russland mit Nato-Soldaten einverstanden?": "russland", "moskau", "kreml", …); () for none."""
    if q.expects != "yesno" or not _CONSENT.search(q.text):
        return ()
    return next((g for w in q.focus if w[:1].isupper() and (g := places.country_of(w))), ())


# where a statement was made, as a question names it ("What did Rutte say in Kyiv?", "Was sagte Starmer in London?")
_SAID_IN = re.compile(r"\b(?:in|im|at|bei)\s+([A-ZÄÖÜ][\w\-]+)")


def said_where_asked(q: Question, chosen: list[Sentence], index: IndexData) -> float:
    """For a position question naming a city or country where something was said ("What did
    Rutte say in Kyiv?"): 1.0 when a quote or its context names that place by its own name,
    else 0.0 (his words in Washington are no answer); 1.0 when it names none."""
    m = _SAID_IN.search(q.text)
    if not m or not places.country_of(m.group(1)):
        return 1.0
    place = name_stem(m.group(1))
    return float(any(names_place(c, place, index) for c in chosen))
