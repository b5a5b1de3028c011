"""Which sentences answer each kind of question (`compose.py` quotes them and decides
whether to answer at all).

    sections = pick(quotable, q, index, forms, settings)

    fact        the sentence holding the expected kind of answer (a number for "wie viele")
                and the question's focus; an office's holder named with the office; for
                a follow-up asking for "the second" of several, the sentence naming it
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

from collections.abc import Callable

from chatbot import evidence as ev
from chatbot import holders as ho
from chatbot import places
from chatbot import speakers as sp
from chatbot.answer import AnswerSettings, Section
from chatbot.answer_kinds import has_kind, quantifies
from chatbot.asks import asks_all, asks_reaction, asks_what_someone_says
from chatbot.evidence import Sentence
from chatbot.order import best_first, close, reading_order
from chatbot.ordinals import ordinal_forms, ordinal_root, picks_an_item
from chatbot.outlets import outlets_in
from chatbot.question import Question
from chatbot.sides import QUOTES_PER_SIDE, comparison, stems_of
from chatbot.translate import dictionary_stems
from ingest.analyze import analyze, stem
from ingest.store import IndexData

MAX_QUOTES = {"fact": 2, "reason": 3, "position": 3, "overview": 6, "comparison": QUOTES_PER_SIDE, "summary": 2}
LEAD_SENTENCES = 3  # a document's title, subtitle and lead restate its topic
MAX_OVERLAP = 0.9  # two points this similar say the same thing


def pick(
    quotable: list[Sentence], q: Question, index: IndexData, forms: dict[str, set[str]], settings: AnswerSettings
) -> list[Section]:
    """The sections to quote for `q`, by its kind (`forms`: the stems that mention each focus word)."""
    if q.kind == "comparison" and len(q.sides) >= 2:
        return comparison(quotable, q, index, forms)
    by_kind = {"overview": _overview, "comparison": _overview, "position": _position}  # no two sides: a list
    return by_kind.get(q.kind, _fact)(quotable, q, index, forms, settings)


def _naming(c: Sentence, words: list[str], forms: dict[str, set[str]], index: IndexData) -> int:
    """How many of `words` a sentence names, in any of their forms (`forms`)."""
    stems = ev.stems_with_parts(c.text, index)
    return sum(ev.mentions(forms[w], stems) for w in words)


def _topic_named(c: Sentence, q: Question, forms: dict[str, set[str]], index: IndexData) -> float:
    """How many words of a position question's own topic (not a follow-up's inherited one) a
    sentence names; a word only the sentence before it names counts half ("Er habe dies als
    „Option und Möglichkeit“ gemeint, stellte … Leavitt klar" after Trump's words on air support)."""
    words = [w for w in q.topic if w in forms and w in q.focus]
    own = ev.stems_with_parts(c.text, index)
    before = ev.stems_with_parts(c.context, index) if c.context else set()
    return sum(1.0 if ev.mentions(forms[w], own) else 0.5 * ev.mentions(forms[w], before) for w in words)


def _fact(
    quotable: list[Sentence], q: Question, index: IndexData, forms: dict[str, set[str]], settings: AnswerSettings
) -> list[Section]:
    """Fact, reason (and the fallback): the best sentences, best first. A question for an
    office's holder ("Who is the US Secretary of State?") first quotes the sentences that
    name the holder with the office ("Der US-Außenminister Marco Rubio …")."""
    ranked = best_first(quotable)
    if q.kind == "fact" and q.role:
        holding = _naming_holder(ranked, q, index)
        if holding:
            return [Section("", holding[: MAX_QUOTES["fact"]])]
    if q.kind == "fact" and q.expects not in (None, "yesno"):
        with_kind = [c for c in ranked if has_kind(c.text, q.expects)]
        if q.expects == "person" and q.actor:  # "And who clarified it later?" after Trump's words: someone else
            asked = {stem(w.lower()) for w in (*q.focus, *q.actor.split())}
            others = [c for c in with_kind if ev.names_someone_else(c.text, asked)]
            with_kind = others + [c for c in with_kind if c not in others]
        if q.outlet:  # "Who published that?", "Who interviewed Rubio?": who reported it, beside what was reported
            with_kind = _naming_source(with_kind, q, index, forms)
        if q.measured:  # first the numbers that count what is asked about ("200.000 Soldaten")
            counting = _counting(with_kind, q, index, forms, settings)
            with_kind = counting + [c for c in with_kind if c not in counting]
        ranked = with_kind + [c for c in ranked if c not in with_kind] if with_kind else ranked
    if q.kind == "fact" and q.expects == "yesno":  # the statement on what is asked: the most of its words first
        focus = [w for w in q.all_focus if w in forms]
        ranked = sorted(ranked, key=lambda c: -_naming(c, focus, forms, index))
    ordinal = _ordinal_first(ranked, q)  # "Und wie sieht die zweite aus?": the sentence about the second
    if ordinal is not None:
        return [Section("", ordinal[:1])] if ordinal else []  # no "third" anywhere: nothing answers it
    chosen = close(ranked, MAX_QUOTES.get(q.kind, 2), settings.margin)
    if q.expects == "yesno" and chosen:  # "… Absicherung." "Allerdings gilt die Option als unwahrscheinlich."
        chosen = _with_qualification(chosen, quotable)
    if q.kind == "reason":
        if chosen and ev.REASON.search(chosen[0].text):  # the best gives a reason: so must the others
            chosen = [c for c in chosen if ev.REASON.search(c.text)]
        chosen = _with_reasons(chosen, quotable, index)
    return [Section("", chosen)] if chosen else []


def _ordinal_first(ranked: list[Sentence], q: Question) -> list[Sentence] | None:
    """The sentences that name the ordinal a follow-up asks about ("Und die zweite?" after
    "Was ist die erste Variante?"), best first: it picks one of the things the last question
    was about, and the others are not the answer; none when no sentence names it ("And
    the third?" after two options), or that a question asking for nothing but a list's item
    picks it by ("What's the second scenario?"). None when the question asks for no ordinal, or for an ordinal of
    anything else: in "Wer war der erste Vorsitzende?" the ordinal need not be in the answer
    (on XQuAD, putting those sentences first cost five answers)."""
    roots = {r for w in q.focus if (r := ordinal_root(w))}
    # in a question of its own, the ordinal is one word of many ("What happens under the
    # second option if Russia attacks?" is answered after the option is named), unless the
    # question asks for nothing but the item ("What's the second scenario?")
    if not roots or not (q.follow_up or (picks_an_item(q.text) and len(q.focus) <= 2)):
        return None
    pattern = ordinal_forms(roots)
    out = [c for c in ranked if pattern.search(c.text)]
    for c in out:
        c.features["ordinal"] = 1.0
    return out


def _naming_holder(ranked: list[Sentence], q: Question, index: IndexData) -> list[Sentence]:
    """The sentences that name the holder of the office `q` asks about, right after the
    office and of its country; marked with `features["holder"]`."""
    office = q.role[1]
    asked = {stem(w.lower()) for w in q.focus}  # "Welchem früheren US-Präsidenten gibt Trump die Schuld?": not Trump
    out = []
    for c in ranked:
        if ho.office_holders([c.text], office, _country_in(c, q, index)) - asked:
            c.features["holder"] = 1.0
            out.append(c)
    return out


def _country_in(c: Sentence, q: Question, index: IndexData) -> tuple[str, ...]:
    """The country `q`'s office must be of in `c`: none when the office opens the sentence
    after one that names the country ("… bekräftigte Moskau seine ablehnende Haltung.
    Außenamtssprecherin Maria Sacharowa erklärte …"): the office is that country's."""
    country = q.role_country
    after = (
        bool(country)
        and ho.opens_with_office(c.text, q.role[1])
        and country[0] in places.acting_countries(c.before, index)
    )
    return () if after else country


def _naming_source(cands: list[Sentence], q: Question, index: IndexData, forms: dict[str, set[str]]) -> list[Sentence]:
    """`cands` with the sentences that name who reported something first ("Die Meldung wurde
    von der russischen Nachrichtenagentur Tass veröffentlicht.", "In einem Interview mit Fox
    News … erklärte er"), those whose own words or
    the sentences before them name most of what the question is about first of all."""
    source = [c for c in cands if ev.REPORTED_BY.search(c.text) or outlets_in(c.text, index)]
    words = [w for w in q.topic if w in forms and not ev.REPORTED_BY.fullmatch(w)]  # not "berichtet" itself

    def named(c: Sentence) -> int:
        seen = ev.stems_with_parts(f"{c.context} {c.text}", index)
        return sum(ev.mentions(forms[w], seen) for w in words)

    naming = {id(c): named(c) for c in source}
    source = sorted(source, key=lambda c: -naming[id(c)])
    source = [c for c in source if naming[id(c)]] or source  # an outlet beside something else is no source of it
    return source + [c for c in cands if c not in source]


def _counting(
    cands: list[Sentence], q: Question, index: IndexData, focus: dict[str, set[str]], settings: AnswerSettings
) -> list[Sentence]:
    """The sentences whose number counts or measures `q.measured` (`answer_kinds.quantifies`),
    marked with `features["counts"]` when the word beside the number surely is what is
    counted and they (or their context) name what else the question names (`focus`: each
    focus word's forms)."""
    forms = ev.measured_forms(q, index)
    vector = q.word_vectors.get((q.measured or "").lower())
    out = [c for c in cands if quantifies(c.text, forms, index, vector, settings.min_counterpart)]
    others = [w for w in q.names if w != q.measured]  # "Wie viele Soldaten wollen die Briten schicken?": the Briten
    sure = _counted_words(q)
    for c in out:
        seen = ev.stems_with_parts(f"{c.context} {c.text}", index)
        named = all(ev.mentions(focus.get(w, set()), seen) for w in others)
        c.features["counts"] = float(named and quantifies(c.text, sure, index, None, 1.0))
    return out


def _counted_words(q: Question) -> set[str]:
    """The stems that surely name what a number question counts: the word itself, or an
    English word's dictionary translations ("soldiers" -> "soldat"), not a word that is
    merely near it by vector ("lineages" -> "verhältnis")."""
    word = (q.measured or "").lower()
    return dictionary_stems(word) if q.language == "en" else {stem(word)}


def _with_next(
    chosen: list[Sentence], quotable: list[Sentence], brings: Callable[[Sentence, Sentence], bool]
) -> list[Sentence]:
    """Each chosen sentence, followed by the next sentence of its document when `brings(it,
    next)` says that one belongs with it (and it is not quoted already)."""
    by_pos = {(c.doc_id, c.idx): c for c in quotable}
    out: list[Sentence] = []
    for c in chosen:
        out.append(c)
        nxt = by_pos.get((c.doc_id, c.idx + 1))
        if nxt is not None and nxt not in chosen and nxt not in out and brings(c, nxt):
            out.append(nxt)
    return out


def _with_reasons(chosen: list[Sentence], quotable: list[Sentence], index: IndexData) -> list[Sentence]:
    """A statement followed by its reason in the next sentence ("… Zur Begründung verwies sie
    auf …") brings that sentence along: it is the answer to "warum". So does a statement
    without a reason of its own when the same person goes on to give it ("Hodges hält
    Soldaten für nötig." — "„Ohne … bleiben solche Garantien eine leere Hülse“, sagte Hodges.")
    or when the next sentence goes on from it ("… eine internationale Friedenstruppe." — "Bei
    dieser Option wäre denkbar, dass ein Angriff Russlands weitere Länder … hineinziehen würde.")."""

    def brings(c: Sentence, nxt: Sentence) -> bool:
        gives_reason = bool(ev.REASON.search(nxt.text)) and ev.depends_on_previous(nxt.text)
        no_reason = not ev.REASON.search(c.text)
        return gives_reason or (no_reason and (_same_speaker(c, nxt, index) or ev.depends_on_previous(nxt.text)))

    return _with_next(chosen, quotable, brings)


def _with_qualification(chosen: list[Sentence], quotable: list[Sentence]) -> list[Sentence]:
    """The statements on a yes/no question, each followed by the next sentence when that one
    qualifies it ("Allerdings …", "Doch …"): the answer may lie in the qualification."""
    return _with_next(chosen, quotable, lambda _c, nxt: bool(ev.QUALIFIES.match(nxt.text)))


def _same_speaker(a: Sentence, b: Sentence, index: IndexData) -> bool:
    """Does `b` go on with what `a` reports, in the words of the same person ("Hodges hält
    … für nötig." — "„Ohne …“, sagte Hodges.")?"""
    people = sp.known_people(index) & index.stems(a.text)
    return bool(people) and sp.attributed_to(b, set(people), index) >= 1.0


def _position(
    quotable: list[Sentence], q: Question, index: IndexData, forms: dict[str, set[str]], settings: AnswerSettings
) -> list[Section]:
    """What the actor said: sentences with the actor as speaker, else those naming the actor.
    An office ("der russische Außenminister") speaks only as itself, of its own country."""
    if q.role:
        office = q.role[1]
        country = {id(c): _country_in(c, q, index) for c in quotable}
        holders = {h for c in quotable for h in ho.office_holders([c.text], office, country[id(c)])}
        for c in quotable:
            by_name = sp.attributed_to(c, holders, index) if holders else 0.0
            c.features["said"] = max(float(ho.office_speaks(c.text, office, country[id(c)])), by_name)
        said = [c for c in quotable if c.features["said"]]
        return [Section("", reading_order(best_first(said)[: MAX_QUOTES["position"]]))] if said else []
    actor_stems = stems_of(q.actor or "", q, forms, index)
    if not actor_stems:
        return _fact(quotable, q, index, forms, settings)
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
    ranked = [c for c in ranked if c.score >= floor or (items is not None and items.search(c.text))]
    talk = [c for c in ranked if ev.TALK_ABOUT.search(c.text)]  # "Dabei solle über … gesprochen werden": no point
    ranked = [c for c in ranked if c not in talk] + talk
    chosen = _one_each(ranked, q, index) if q.expects in ENTITIES else []
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
    return [Section("", reading_order(chosen), as_list=True)]


def _people_asked(q: Question, index: IndexData) -> set[str]:
    """Stems of the people the question names (a capitalised word after the first, a
    surname the corpus gives in full)."""
    return {s for w in q.names if w[0].isupper() for s in index.stems(w)} & sp.known_people(index)


ENTITIES = {"person": sp.people_in, "country": places.countries_in, "outlet": outlets_in}


def _one_each(ranked: list[Sentence], q: Question, index: IndexData) -> list[Sentence]:
    """For each person (or country) the passages name, its best sentence, best first; those
    the question itself names are not points of the list ("Welche Länder helfen der Ukraine?")."""
    entities = ENTITIES[q.expects or ""]
    seen = set(entities(q.query, index))
    chosen: list[Sentence] = []
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
