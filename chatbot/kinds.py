"""Which sentences answer each kind of question (`compose.py` quotes them and decides
whether to answer at all).

    sections = pick(quotable, q, index, forms, settings)

    fact        the sentence holding the expected kind of answer (a number for "wie viele")
                and the question's focus; an office's holder named with the office; for
                a follow-up asking for "the second" of several, the sentence naming it
                (`facts.py`)
    reason      the same, with sentences that give a reason scored higher, and the next
                sentence when it gives the reason ("Zur Begründung verwies sie auf …")
    overview    up to six distinct points from across the passages, one per line, those
                naming the kind of item asked for first ("Welche Optionen …"); one per
                person or country for a list of people or countries
    position    what the actor said: sentences where the actor is the speaker
    comparison  the points of each side, grouped by side (`sides.py`)

Candidates come ranked by `features["p"]` plus bonuses (`compose._score`), best first.
"""

from __future__ import annotations

import re

from chatbot import countries_asked as ca
from chatbot import cues, places
from chatbot import evidence as ev
from chatbot import holders as ho
from chatbot import speakers as sp
from chatbot.answer import AnswerSettings, Section
from chatbot.asks import WRITTEN, asks_all, asks_reaction, asks_what_someone_says, player
from chatbot.evidence import Sentence
from chatbot.facts import country_in, fact
from chatbot.order import MAX_QUOTES, NEAR, best_first, close, reading_order
from chatbot.ordinals import DECLINED, ORDINAL_ROOTS
from chatbot.outlets import outlets_in
from chatbot.question import Question
from chatbot.sides import comparison, stems_of
from ingest.analyze import analyze
from ingest.store import IndexData

LEAD_SENTENCES = 3  # a document's title, subtitle and lead restate its topic
MAX_OVERLAP = 0.9  # two points this similar say the same thing


def pick(
    quotable: list[Sentence], q: Question, index: IndexData, forms: dict[str, set[str]], settings: AnswerSettings
) -> list[Section]:
    """The sections to quote for `q`, by its kind (`forms`: the stems that mention each focus word)."""
    if q.kind == "comparison" and len(q.sides) >= 2:
        return comparison(quotable, q, index, forms)
    by_kind = {"overview": _overview, "comparison": _overview, "position": _position}  # no two sides: a list
    return by_kind.get(q.kind, fact)(quotable, q, index, forms, settings)


def _topic_named(c: Sentence, q: Question, forms: dict[str, set[str]], index: IndexData) -> float:
    """How many words of a position question's own topic (not a follow-up's inherited one) a
    sentence names; a word only the sentence before it names counts half ("Er habe dies als
    „Option und Möglichkeit“ gemeint, stellte … Leavitt klar" after Trump's words on air support)."""
    words = [w for w in q.topic if w in forms and w in q.focus]
    own = ev.stems_with_parts(c.text, index)
    before = ev.stems_with_parts(c.context, index) if c.context else set()
    return sum(1.0 if ev.mentions(forms[w], own) else 0.5 * ev.mentions(forms[w], before) for w in words)


def _position(
    quotable: list[Sentence], q: Question, index: IndexData, forms: dict[str, set[str]], settings: AnswerSettings
) -> list[Section]:
    """What the actor said: sentences with the actor as speaker, else those naming the actor.
    An office ("der russische Außenminister") speaks only as itself, of its own country."""
    if q.role:
        office = q.role[1]
        country = {id(c): country_in(c, q, index) for c in quotable}
        holders = {h for c in quotable for h in ho.office_holders([c.text], office, country[id(c)])}
        for c in quotable:
            by_name = sp.attributed_to(c, holders, index) if holders else 0.0
            c.features["said"] = max(float(ho.office_speaks(c.text, office, country[id(c)])), by_name)
        said = [c for c in quotable if c.features["said"]]
        return [Section("", reading_order(best_first(said)[: MAX_QUOTES["position"]]))] if said else []
    actor_stems = stems_of(q.actor or "", q, forms, index)
    if not actor_stems:
        return fact(quotable, q, index, forms, settings)
    actor_stems = actor_stems | sp.holders(actor_stems, [c.text for c in quotable])
    surety = {id(c): sp.attributed_to(c, actor_stems, index) for c in quotable}
    if asks_reaction(q.text):  # "How did Trump react …?": what he did answers it too ("Trump hat … belächelt.")
        surety = {id(c): max(surety[id(c)], float(sp.acts(c.text, actor_stems))) for c in quotable}
    for c in quotable:
        c.features["said"] = surety[id(c)]
    # the actor's own statements: surely attributed ones, each by relevance; only when there
    # are none, those less surely theirs (a spokesperson's, one under a headline naming them)
    # the actor's quotes on the topic asked about first ("What is Trump's view on the Europeans?")
    theirs = [c for c in quotable if surety[id(c)] > 0]
    on_topic = {id(c): _topic_named(c, q, forms, index) for c in theirs}
    said = sorted(theirs, key=lambda c: (-surety[id(c)], -on_topic[id(c)], -c.score))
    written = [c for c in said if WRITTEN.search(c.text)] if q.written else []
    if written:  # "What did Trump post?": his written words ("… schrieb der Republikaner auf seiner
        # Plattform …"), and what goes on from them in his words ("Er verwies dabei …")
        goes_on = {(c.doc_id, c.idx + 1) for c in written}
        said = written + [c for c in said if (c.doc_id, c.idx) in goes_on and ev.depends_on_previous(c.text)]
    if said and surety[id(said[0])] >= 1.0:
        said = [c for c in said if surety[id(c)] >= 1.0]
    if said and asks_all(q.text):  # "Was hat Trump alles gesagt?": a list of his statements
        return [Section("", reading_order(said[: MAX_QUOTES["overview"]]), as_list=True)]
    if said:
        return [Section("", reading_order(said[: MAX_QUOTES["position"]]))]
    named = [c for c in quotable if ev.mentions(actor_stems, set(analyze(c.text, index.vocab)))]
    ranked = best_first(named)
    if not ranked:
        return []
    return [Section("", reading_order(close(ranked, MAX_QUOTES["position"], 3 * settings.margin)))]


def _overview(
    quotable: list[Sentence], q: Question, index: IndexData, forms: dict[str, set[str]], settings: AnswerSettings
) -> list[Section]:
    """Distinct points from across the passages (maximal marginal relevance), one per line;
    a list of people or countries gets one point for each person or country (when the
    passages name two or more). A question for what a named person says gets that
    person's points."""
    body = [c for c in quotable if c.idx >= LEAD_SENTENCES]
    ranked = best_first(body)
    if not ranked:
        return []
    # points come within a margin of the best probability: a headline's score, lent to the
    # two sentences after it, does not cut the others; nor does it cut a sentence naming the
    # kind of item asked for ("What are the main ideas …": "Die erste Variante …")
    floor = max(c.features.get("p", 0.0) for c in ranked) - 3 * settings.margin
    items = q.items.marker if q.items else None
    # about a person and nothing else ("Rubio?", "Erzähl mir was über Hodges"): what names them,
    # and what they go on to say ("Er fügte hinzu, …"), however far below the best it ranks
    person = _people_asked(q, index) if q.focus and set(q.focus) <= set(q.names) else set()
    theirs = {id(c) for c in ranked if person and (person & index.stems(c.text) or sp.attributed_to(c, person, index))}
    if q.part:  # "Welche Rolle spielt Finnland?": the points that name the country, however few
        theirs |= {id(c) for c in ca.naming_country(q, ranked, index, context=False)}
        # … or the alliance or body ("Welche Rolle spielt die Nato in den Planungen?")
        who = player(q.text)
        if who in forms and not places.country_of(who):
            theirs |= {id(c) for c in ranked if ev.mentions(forms[who], index.stems(c.text))}
    if q.willing and items is not None:  # "Wer ist bereit, …?": the points that say who is, however far below the best
        theirs |= {id(c) for c in ranked if items.search(c.text)}
    # "Und Deutschland?" after "Welche Länder sind bereit …?": what names that country beside who is
    # willing (Scholz on the mission; not Italy's generals visiting Washington), not the others
    country_asked = q.follow_up and q.willing and bool(q.focus) and all(places.country_of(w) for w in q.focus)
    if country_asked and items is not None:
        said = [c for c in body if items.search(c.text)]
        naming = ca.naming_country(q, ranked, index, context=False)
        near = [c for c in naming if any(o.doc_id == c.doc_id and abs(o.idx - c.idx) <= NEAR for o in said)]
        theirs = {id(c) for c in near} or theirs
    if len(theirs) >= 2 or ((q.part or q.willing or country_asked) and theirs):  # theirs only, not others ranking high
        ranked = [c for c in ranked if id(c) in theirs]
    ranked = [c for c in ranked if c.score >= floor or id(c) in theirs or (items is not None and items.search(c.text))]
    talk = [c for c in ranked if cues.TALK_ABOUT.search(c.text)]  # "Dabei solle über … gesprochen werden": no point
    ranked = [c for c in ranked if c not in talk] + talk
    chosen = _one_each(ranked, quotable, q, index) if q.expects in ENTITIES else []
    if len(chosen) >= 2:
        return [Section("", reading_order(chosen), as_list=True)]
    named = _people_asked(q, index) if q.expects not in ENTITIES and asks_what_someone_says(q.text) else set()
    if named:  # "Welche Bedingungen nennt Hodges?": his points, not everyone's
        own = [c for c in ranked if named & index.stems(c.text) or sp.attributed_to(c, named, index) > 0]
        ranked = own or ranked
    for c in ranked:
        if len(chosen) >= MAX_QUOTES["overview"]:
            break
        if c not in chosen and not any(_redundant(c, o, index) for o in chosen):
            chosen.append(c)
    if items is not None:
        chosen = _with_sibling_items(chosen, body, items)
    return [Section("", reading_order(chosen), as_list=True)]


def _with_sibling_items(chosen: list[Sentence], body: list[Sentence], items: re.Pattern[str]) -> list[Sentence]:
    """A list's point that names its item by position ("Als zweite Option nennt das Magazin
    …") brings the items before and after it ("Die erste Variante …"): a reader told of a
    second option expects the first. Each takes the place of the last point that is no
    numbered item when the list is full."""
    numbered = {id(c) for c in body if _numbered_item(c.text, items)}
    docs = {c.doc_id for c in chosen if id(c) in numbered}
    siblings = [c for c in body if id(c) in numbered and c.doc_id in docs and c not in chosen]
    out = list(chosen)
    for c in siblings:
        if len(out) >= MAX_QUOTES["overview"]:
            others = [o for o in out if id(o) not in numbered]
            if not others:
                break
            out.remove(others[-1])
        out.append(c)
    return out


_NUMBERED = re.compile(rf"\b(?:{ORDINAL_ROOTS}){DECLINED}?\s+([^\W\d_]+)", re.I)


def _numbered_item(text: str, items: re.Pattern[str]) -> bool:
    """Does the sentence name a list's item by its position ("die erste Variante", "Als
    zweite Option")?"""
    return any(items.fullmatch(m.group(1)) for m in _NUMBERED.finditer(text))


def _people_asked(q: Question, index: IndexData) -> set[str]:
    """Stems of the people the question names (a capitalised word after the first, a
    surname the corpus gives in full), in each spelling the articles use ("Zelensky" is
    also "Selenskyj")."""
    spellings = [f for w in q.names if w[0].isupper() for f in (w, *q.german.get(w, ()))]
    return {s for f in spellings for s in index.stems(f)} & sp.known_people(index)


ENTITIES = {"person": sp.people_in, "country": places.countries_in, "outlet": outlets_in}


def _one_each(ranked: list[Sentence], quotable: list[Sentence], q: Question, index: IndexData) -> list[Sentence]:
    """For each person (or country) the passages name, its best sentence, best first; those
    the question itself names are not points of the list ("Welche Länder helfen der Ukraine?").
    When the best sentence speaks of them as a group and names none ("Andere US-Beamte haben
    jedoch erklärt, …"), it leads the list, with the sentences after it that name them."""
    entities = ENTITIES[q.expects or ""]
    seen = set(entities(q.query, index))
    chosen: list[Sentence] = []
    if ranked and not entities(ranked[0].text, index) - seen:
        by_pos = {(c.doc_id, c.idx): c for c in quotable}
        nxt = by_pos.get((ranked[0].doc_id, ranked[0].idx + 1))
        while nxt is not None and len(chosen) < MAX_QUOTES["overview"] - 1:
            named = entities(nxt.text, index)
            if not named - seen:
                break
            chosen.append(nxt)
            seen |= named
            nxt = by_pos.get((nxt.doc_id, nxt.idx + 1))
        if chosen:  # the group the question asks for, member by member: nobody else
            return [ranked[0], *chosen]
    for c in ranked:
        if len(chosen) == MAX_QUOTES["overview"]:
            break
        new = entities(c.text, index) - seen
        if new:
            chosen.append(c)
            seen |= new
    return chosen


def _redundant(a: Sentence, b: Sentence, index: IndexData) -> bool:
    """Do two sentences say the same thing (nearly the same vector or the same words)?"""
    sim = float(index.sentence_vectors[a.row] @ index.sentence_vectors[b.row])
    if sim >= MAX_OVERLAP:
        return True
    ta, tb = set(analyze(a.text, index.vocab)), set(analyze(b.text, index.vocab))
    return len(ta & tb) / max(1, min(len(ta), len(tb))) > 0.6


def summary(index: IndexData, cands: list[Sentence]) -> list[Section]:
    """A summary of the articles: each article's first statements (its lead, which says
    what it reports), under its title, in the order of the passages given."""
    sections = []
    for doc_id in dict.fromkeys(c.doc_id for c in cands):
        lead = sorted((c for c in cands if c.doc_id == doc_id and ev.quotable(c.text)), key=lambda c: c.idx)
        if lead:
            sections.append(Section(index.doc(doc_id).title, lead[: MAX_QUOTES["summary"]], as_list=True))
    return sections
