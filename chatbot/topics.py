"""Whose topic it is: for a position question on a topic ("Was sagt Sacharowa zu den
Seltenen Erden?", "What did Macron say about nuclear deterrence?"), whether the actor's own
quotes name it, whether only others do, and whether the articles know it at all.

    topic = topic_forms(q, forms, index)        # each topic word's forms and compound parts
    topic_said(chosen, topic, index)            # 1.0: the actor's quote names all of it
    topic_elsewhere(chosen, read, topic, index) # 1.0: someone else's topic, not the actor's

`signals.py` reads these as evidence for `abstain.py`'s decision.
"""

from __future__ import annotations

import re

from chatbot import evidence as ev
from chatbot import known, places
from chatbot import speakers as sp
from chatbot.evidence import Sentence
from chatbot.question import Question
from chatbot.translate import dictionary_stems
from chatbot.words import tokens
from ingest.analyze import analyze
from ingest.store import IndexData


def named_topic_found(q: Question, chosen: list[Sentence], forms: dict[str, set[str]], index: IndexData) -> float:
    """For a position question about a named thing ("What did Starmer say about Italy?"):
    1.0 when a chosen sentence or its context names it (or there is none to name), else 0.0.
    A name is a country, a city or a person the articles name, or, in English, any
    capitalised word."""
    if not q.actor:
        return 1.0
    # in German a person the articles name ("Was sagt Ischinger über Trump?"), also in the genitive
    # ("Wie reagierte Kiew auf Trumps Truth-Social-Post?")
    people = sp.known_people(index)
    named = [
        w
        for w in q.topic
        if w in q.names
        and (q.language == "en" or w.lower() in places.PLACES or (index.stems(w) | forms.get(w, set())) & people)
        and not describing(w, q.text)
    ]
    if not named:
        return 1.0
    # the sentence itself, its headline, and the sentence before when it leans on it ("Er hob
    # hervor …"), not any sentence nearby ("Australien hat … Interesse", then Starmer)
    context = [ev.own_context(c) for c in chosen]
    seen = [ev.stems_with_parts(f"{x} {c.text}", index) for c, x in zip(chosen, context, strict=True)]
    owned = [_countries(f"{x} {c.text}") for c, x in zip(chosen, context, strict=True)]

    def found(w: str) -> bool:
        country = places.country_of(w)
        if country and country[0] in places.countries_named(w):  # a country by its name: "Deutschland"
            return any(country[0] in o for o in owned)
        return any(ev.mentions(forms.get(w, set()), s) for s in seen)

    return float(all(found(w) for w in named))


def _countries(text: str) -> frozenset[str]:
    """The countries a text names, by name or before a thing ("die russische Armee"), not
    describing a person ("ein ehemaliger deutscher Botschafter") nor inside an institution's
    English-form name ("Quellen des Kyiv Independent"). A German outlet's name ending in a
    country ("Redaktionsnetzwerk Deutschland") still counts here; `countries_asked._ORG_WITH_COUNTRY`
    strips those for fact questions."""
    text = ev.without_institutions(text)
    return places.countries_named(text.replace("-", " ")) | places.countries_owning(text)  # "US-Unterstützung"


# an English adjective of a region or people ("Western", "European", "Russian")
_DEMONYM = re.compile(r"(?:ern|ean|ian|ish|ese|can|man|ench|utch)$")


def describing(word: str, text: str) -> bool:
    """An English capitalised adjective of a region before a noun ("Western troops",
    "European soldiers") describes the thing asked about; it is no name a quote must repeat.
    A country's ("French troops") is: they are that country's."""
    if not _DEMONYM.search(word) or places.country_of(word):
        return False
    return re.search(rf"\b{re.escape(word)}\s+[a-z]", text) is not None


Named = tuple[set[str], list[str]]  # a word's forms (any names it), its compound's parts (all name it)


def topic_forms(q: Question, forms: dict[str, set[str]], index: IndexData) -> dict[str, Named] | None:
    """The forms of each word of a German position question's topic, with a compound's
    parts ("Luftunterstützung": "Unterstützung in der Luft"); None for another question,
    or when a word has no form to look for (it is never found)."""
    if not q.actor or not q.topic or q.language != "de":  # an English word's nearest German words are no translation
        return None
    if not all(w in forms for w in q.topic):
        return None
    return {w: (forms[w], analyze(w.lower(), index.vocab)[1:]) for w in q.topic}


def _names(word: Named, seen: set[str]) -> bool:
    """Does a sentence with these stems name the word, in one of its forms or by all its parts?"""
    forms, parts = word
    return ev.mentions(forms, seen) or (len(parts) >= 2 and all(p in seen for p in parts))


def topic_said(chosen: list[Sentence], topic: dict[str, Named] | None, index: IndexData) -> float:
    """For a position question on a topic (`topic_forms`): 1.0 when a chosen sentence in
    which the actor surely speaks names every word of the topic (in any of its forms, or a
    hyphenated word's part: "US-Unterstützung"), else 0.0."""
    if topic is None:
        return 0.0
    for c in chosen:
        if c.features.get("said", 0.0) >= 1.0:
            seen = ev.stems_with_parts(c.text, index)
            if all(_names(f, seen) for f in topic.values()):
                return 1.0
    return 0.0


def english_topic_said(q: Question, chosen: list[Sentence], index: IndexData) -> float:
    """For an English position question on a topic ("What did Rubio say about deterrence?"):
    1.0 when a chosen sentence in which the actor surely speaks names each topic word by
    one of its dictionary translations ("Abschreckung" in "… einen Abschreckungsmechanismus
    braucht", "Einsatz" in "strengen Einsatzregeln"), a name by its German forms (which are
    never a word merely near it by vector: "RND", "Redaktionsnetzwerk"), else 0.0. The nearer
    words by vector are no translation and do not count."""
    if q.language != "en" or not q.actor or not q.topic:
        return 0.0
    topic: dict[str, Named] = {}
    for w in q.topic:
        translations = dictionary_stems(w)
        if not translations and w in q.names:
            translations = {st[0] for f in q.german.get(w, ()) if (st := analyze(f, index.vocab))}
        if not translations:
            return 0.0
        topic[w] = (translations, [])
    return topic_said(chosen, topic, index)


def topic_elsewhere(
    chosen: list[Sentence], read: list[Sentence], topic: dict[str, Named] | None, index: IndexData
) -> float:
    """For a German position question on a topic (`topic_forms`; "Was sagt Sacharowa zu den
    Seltenen Erden?"): 1.0 when the topic is someone else's: one or two of the sentences read name
    every word of it, none of them the actor's, and the actor's own quotes name no word of
    it, nor the sentences they answer; else 0.0. A topic the articles name everywhere
    ("Sicherheitsgarantien") is no one's."""
    if topic is None:
        return 0.0
    seen = {id(c): ev.stems_with_parts(c.text, index) for c in [*read, *chosen]}
    naming = [c for c in read if all(_names(f, seen[id(c)]) for f in topic.values())]
    if not 1 <= len(naming) <= 2 or any(c.features.get("said", 0.0) > 0 for c in naming):
        return 0.0
    # the actor's quotes, with what they answer ("Die Briten und Franzosen haben Bereitschaft
    # signalisiert, Teil einer Nachkriegsmission … zu sein." "Scholz erklärte, dass dies …")
    own = [seen[id(c)] | ev.stems_with_parts(c.context, index) for c in chosen if c.features.get("said", 0.0) >= 1.0]
    return float(not any(_names(f, stems) for stems in own for f in topic.values()))


_ABOUT_EN = re.compile(r"\b(?:about|on|regarding|concerning)\s+(.+)$", re.I)


def english_topic_elsewhere(
    q: Question, chosen: list[Sentence], read: list[Sentence], forms: dict[str, set[str]], index: IndexData
) -> float:
    """For an English position question about a topic ("What did Macron say about nuclear
    deterrence?"): 1.0 when the actor's own quotes (and the sentences before them) name no
    word of the topic in any German form, while other sentences read name one ("Abschreckung"
    is Rubio's and Schmidt's word); else 0.0."""
    m = _ABOUT_EN.search(q.text)
    if q.language != "en" or not q.actor or not m:
        return 0.0
    after = set(tokens(m.group(1)))  # what comes after "about": "What did the IPCC say was mistaken?" names none
    words = [w for w in q.topic if forms.get(w) and w in q.focus and w in after]
    own = [c for c in chosen if c.features.get("said", 0.0) >= 1.0]
    if not words or not own:
        return 0.0

    def naming(c: Sentence, context: bool) -> bool:
        seen = ev.stems_with_parts(c.text, index) | (ev.stems_with_parts(c.context, index) if context else set())
        return any(ev.mentions(forms[w], seen) for w in words)

    if any(naming(c, True) for c in own):
        return 0.0
    return float(any(naming(c, False) for c in read if c not in own))


def unknown_topic(noun: str, q: Question, index: IndexData) -> bool:
    """Is an unknown noun what a position question asks about, with no part the articles
    know ("Wahlen"; not "NATO-Wünsche", a paraphrase of the Nato demands; not the
    actor's description, "der Militärstratege Mick Ryan")?"""
    parts = [p for p in noun.split("-") if p]
    known_part = len(parts) > 1 and any(known.is_known(p, index) for p in parts)
    asked = noun in q.topic or noun == q.asked_for  # "Welche Panzer fordert Deutschland?": no tanks anywhere
    return asked and not known_part and not _describes_actor(noun, q) and not _frames_known(noun, q, index)


def _frames_known(noun: str, q: Question, index: IndexData) -> bool:
    """Is the noun a frame around a known thing right after it ("Wunsch nach Garantien",
    "Bitte um Unterstützung"): the thing is the topic, the frame a paraphrase?"""
    m = re.search(rf"\b{re.escape(noun)}\s+(?:nach|um|auf|über|für)\s+(?:\w+\s+)?([A-ZÄÖÜ][\w\-]+)", q.text)
    return m is not None and known.is_known(m.group(1), index)


def _describes_actor(word: str, q: Question) -> bool:
    """Does `word` describe the actor rather than name a topic ("der Militärstratege Mick Ryan")?"""
    actor = (q.actor or "").split()
    if not actor:
        return False
    # right before the actor, or before a first name of theirs (not "Welche Panzer fordert Deutschland")
    return re.search(rf"\b{re.escape(word)}\s+(?:[A-ZÄÖÜ]\w+\s+)?{re.escape(actor[0])}\b", q.text) is not None
