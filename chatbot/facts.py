"""Which sentences answer a fact or why-question (and a position question whose actor the
articles never name as such): the best sentences, best first, with what the question's kind
needs put first.

    sections = fact(quotable, q, index, forms, settings)

    an office's holder   "Who is the US Secretary of State?": the sentences naming the holder
                         right after the office, of its country (`country_in`)
    a kind of answer     a number, date, place, person or outlet first; for a number, those
                         counting what is asked ("200.000 Soldaten"); for an outlet, those
                         naming who reported what the question names
    yes/no               the statements naming most of what is asked, with their qualification
                         ("Allerdings …")
    an ordinal           "Und die zweite?": the sentences naming it
    why                  sentences giving a reason first, each with the next one when it
                         gives the reason or goes on from it
"""

from __future__ import annotations

import re
from collections.abc import Callable

from chatbot import countries_asked as ca
from chatbot import cues, places
from chatbot import evidence as ev
from chatbot import grounds as gr
from chatbot import holders as ho
from chatbot import speakers as sp
from chatbot.answer import AnswerSettings, Section
from chatbot.answer_kinds import counted_owners, has_kind, lists_counted, quantifies, sentence_holds_answer, states_size
from chatbot.continuity import continues
from chatbot.evidence import Sentence
from chatbot.holders import head_forms, head_named
from chatbot.known import members_of
from chatbot.order import MAX_QUOTES, best_first, close
from chatbot.ordinals import ordinal_forms, ordinal_root, picks_an_item
from chatbot.outlets import outlets_in
from chatbot.question import Question
from chatbot.sides import stems_of
from chatbot.translate import dictionary_stems
from ingest.analyze import stem
from ingest.store import IndexData


def _naming(c: Sentence, words: list[str], forms: dict[str, set[str]], index: IndexData) -> int:
    """How many of `words` a sentence names, in any of their forms (`forms`)."""
    stems = ev.stems_with_parts(c.text, index)
    return sum(ev.mentions(forms[w], stems) for w in words)


def fact(
    quotable: list[Sentence], q: Question, index: IndexData, forms: dict[str, set[str]], settings: AnswerSettings
) -> list[Section]:
    """Fact, reason (and the fallback): the best sentences, best first. A question for an
    office's holder ("Who is the US Secretary of State?") first quotes the sentences that
    name the holder with the office ("Der US-Außenminister Marco Rubio …")."""
    ranked = best_first(quotable)
    # "According to Moscow, what could a NATO presence lead to?": what the source says first
    # (Sacharowa after "… bekräftigte Moskau …"), not an expert's warning on the same; so for
    # "Why?" after "What does Moscow think about NATO troops?": Moscow's reason
    voice = (
        q.source if q.kind == "fact" and q.expects is None else q.actor if q.kind == "reason" and not q.role else None
    )
    if voice:
        speaker = stems_of(voice, q, forms, index)
        speaker |= {stem(a) for a in places.aliases(voice)}
        theirs = [c for c in ranked if sp.attributed_to(c, speaker, index) > 0] if speaker else []
        ranked = theirs + [c for c in ranked if c not in theirs]
    counted: list[Sentence] | None = None  # the sentences whose number counts what is asked
    if q.kind == "fact" and q.role:
        holding = _naming_holder(ranked, q, index)
        if holding:
            return [Section("", holding[: MAX_QUOTES["fact"]])]
    if q.kind == "fact" and q.expects not in (None, "yesno"):
        with_kind = [c for c in ranked if sentence_holds_answer(c, q, index)]
        if q.expects == "person" and q.actor:  # "And who clarified it later?" after Trump's words: someone else
            asked = {stem(w.lower()) for w in (*q.focus, *q.actor.split())}
            others = [c for c in with_kind if ev.names_someone_else(c.text, asked)]
            with_kind = others + [c for c in with_kind if c not in others]
        if q.after and (q.outlet or sp.SPEECH.search(q.text)):
            # "Who said that?": the speaker in the last answer's quotes, or next to them
            last = [c for c in with_kind if continues(c.doc_id, c.idx, q.after)]
            with_kind = last + [c for c in with_kind if c not in last]
        if q.head_of:  # "Who leads Russia?": its head by title and name ("Russlands Präsident Wladimir Putin")
            heads = head_forms(q.head_of, forms)
            first = [c for c in with_kind if head_named(c.text, heads)]
            with_kind = first + [c for c in with_kind if c not in first]
        if q.outlet:  # "Who published that?", "Who interviewed Rubio?": who reported it, beside what was reported
            with_kind = _naming_source(with_kind, q, index, forms)
        if q.measured:  # first the numbers that count what is asked about ("200.000 Soldaten")
            counting = _counting(with_kind, q, index, forms, settings)
            # … of what else it names: not "10 % der Amsterdamer Bevölkerung" for the Bevölkerungszahl of Pons Aelius
            first = [c for c in counting if c.features["names_asked"]]
            with_kind = first + [c for c in with_kind if c not in first]
            counted = counting
        ranked = with_kind + [c for c in ranked if c not in with_kind] if with_kind else ranked
    if q.kind == "fact" and q.expects == "yesno":  # the statement on what is asked: the most of its words first
        focus = [w for w in q.all_focus if w in forms and not ev.names_a_quality(w, q)]
        # on a person's stance, their own statements or those about them first ("Does Trump support
        # Ukraine joining NATO?": "… schrieb der Republikaner …" „KEIN NATO-BEITRITT DER UKRAINE.“)
        # … or a country's, whether it agreed: what its capital or officials said ("Hat Russland einer
        # Friedenstruppe zugestimmt?": "Der russische Außenminister hat … erklärt …")
        people = gr.people_named(q, index)
        named = people or ca.consenting_country(q)

        def stance(c: Sentence) -> tuple[bool, float]:  # about them, then their own words naming the most
            if not people and named:  # a country is named everywhere: what it said, then naming the most
                return sp.attributed_to(c, named, index) > 0, _naming(c, focus, forms, index)
            own = bool(named) and sp.attributed_to(c, named, index) >= 1.0
            return bool(named) and gr.about(c, named, index), _naming(c, focus, forms, index) + 0.5 * own

        ranked = sorted(ranked, key=stance, reverse=True)
    if q.identity:  # "Who is Leavitt?": the sentences that introduce her ("der Sprecherin …, Karoline Leavitt") first
        intro = [c for c in ranked if ev.introduces(c.text, q.identity)]
        ranked = intro + [c for c in ranked if c not in intro]
    item = _item_first(ranked, q)  # "What is the first scenario … based on?": "Die erste Variante …"
    ranked = item + [c for c in ranked if c not in item]
    ordinal = _ordinal_first(ranked, q)  # "Und wie sieht die zweite aus?": the sentence about the second
    if ordinal is not None:  # no "third" anywhere: nothing answers it
        # "Was wäre der Nachteil der zweiten?": the item, and what its next sentence says against it
        chosen = _with_reasons(ordinal[:1], quotable, index) if q.kind == "reason" else ordinal[:1]
        if chosen and q.expects not in (None, "yesno") and not sentence_holds_answer(chosen[0], q, index):
            # "Wer hat bestätigt, dass die erste diskutiert wird?": the sentence going on about the
            # item holds the kind asked for ("Laut Focus gab … Mark Rutte … zu erkennen, dass diese
            # Variante tatsächlich zur Diskussion steht.")
            by_pos = {(c.doc_id, c.idx): c for c in quotable}
            after = [by_pos.get((chosen[0].doc_id, chosen[0].idx + step)) for step in range(1, ITEM_GOES_ON + 1)]
            on_item = [c for c in after if c and _THIS_ONE.search(c.text) and sentence_holds_answer(c, q, index)]
            chosen = chosen + on_item[:1]
        return [Section("", chosen)] if chosen else []
    margin = settings.fact_margin if q.kind == "fact" else settings.margin
    chosen = close(ranked, MAX_QUOTES.get(q.kind, 2), margin)
    if item and chosen and chosen[0] is item[0]:  # the item, and what follows from it ("… dann …")
        chosen = _then(_with_next(chosen[:1], quotable, lambda c, nxt: ev.depends_on_previous(nxt.text)), chosen[1:])
    if counted is not None and chosen and chosen[0] not in counted:
        # the best sentence counts something else ("… drei Komponenten benötigen: …"): the
        # statement's next sentence, when it goes on with numbers ("Bis zu 100.000 …")
        chosen = _then(_with_next(chosen[:1], quotable, lambda c, nxt: _goes_on_counting(nxt, q, index)), chosen[1:])
    if q.what_about and chosen:  # "Worüber sprechen die Generalstabschefs?": "Dabei solle über … gesprochen werden."
        chosen = _then(_with_next(chosen[:1], quotable, ev.names_what_about), chosen[1:])
    if q.expects == "yesno" and chosen:  # "… Absicherung." "Allerdings gilt die Option als unwahrscheinlich."
        chosen = _with_qualification(chosen, quotable)
    source = q.source if q.kind == "fact" else None
    if source and chosen:  # "Wer könnte laut Rubio … mitmachen?": "Er fügte hinzu, dass … auch die Europäer …"
        chosen = _with_their_next(chosen, quotable, source, index)
    if q.kind == "reason":
        if chosen and cues.REASON.search(chosen[0].text):  # the best gives a reason: so must the others
            chosen = [c for c in chosen if cues.REASON.search(c.text)]
        chosen = _with_reasons(chosen, quotable, index)
    return [Section("", chosen)] if chosen else []


ITEM_GOES_ON = 2  # sentences after a list's item that may go on about it ("… dass diese Variante …")
# the item named before, taken up again ("diese Variante", "this option")
_THIS_ONE = re.compile(
    r"\b(?:diese[rsmn]?|this|that)\s+(?-i:[A-ZÄÖÜ])\w+|\b(?:this|that)\s+(?:option|variant|scenario)\b", re.I
)


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


def _item_first(ranked: list[Sentence], q: Question) -> list[Sentence]:
    """For a question of its own on one item of a list, asking more than what it is ("What
    is the first scenario in the Spiegel report based on?"), the sentences naming that item
    ("Die erste Variante orientiert sich am Nato-Artikel 5 …"), to be quoted first; none for
    any other question."""
    roots = {r for w in q.focus if (r := ordinal_root(w))}
    if q.kind != "fact" or q.follow_up or not roots or not picks_an_item(q.text) or len(q.focus) <= 2:
        return []
    pattern = ordinal_forms(roots)
    return [c for c in ranked if pattern.search(c.text)]


def _naming_holder(ranked: list[Sentence], q: Question, index: IndexData) -> list[Sentence]:
    """The sentences that name the holder of the office `q` asks about, right after the
    office and of its country; marked with `features["holder"]`."""
    office = q.role[1]
    asked = {stem(w.lower()) for w in q.focus}  # "Welchem früheren US-Präsidenten gibt Trump die Schuld?": not Trump
    next_holder = bool(ho.NEXT_HOLDER.search(q.text))  # "Wer wird neuer Bundeskanzler?": not "der scheidende Kanzler"
    out = []
    for c in ranked:
        if next_holder and ho.outgoing(c.text, office):
            continue
        if ho.office_holders([c.text], office, country_in(c, q, index)) - asked:
            c.features["holder"] = 1.0
            out.append(c)
    return out


def country_in(c: Sentence, q: Question, index: IndexData) -> tuple[str, ...]:
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
    source = [c for c in cands if cues.REPORTED_BY.search(c.text) or outlets_in(c.text, index)]
    words = [w for w in q.topic if w in forms and not cues.REPORTED_BY.fullmatch(w)]  # not "berichtet" itself

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
    listed = {id(c) for c in cands if lists_counted(c.text, q.measured, index)}  # "Wie viele Länder …": they are named
    out = [c for c in cands if id(c) in listed or quantifies(c.text, forms, index, vector, settings.min_counterpart)]
    # without a figure for it, those that speak of its size ("Die Schätzungen über die Größe dieser … Truppe schwanken")
    out = out or [c for c in cands if states_size(c.text, q, index)]
    others = [w for w in q.names if w != q.measured]  # "Wie viele Soldaten wollen die Briten schicken?": the Briten
    members = members_of(q.measured or "", index)  # a group's: "Truppe" -> "Soldaten", "Friedenswächter"
    sure = _counted_words(q) | members
    whose = _owner_asked(q)
    # a list of countries counts them for the people and places asked about, whatever else the
    # question calls them ("Wie viele Länder schicken ihre Militärchefs zu Caine?": "… Dan Caine …
    # von seinen Kollegen aus Deutschland, …"; not "Militärchefs")
    people = sp.known_people(index)
    proper = [w for w in others if places.country_of(w) or gr.name_stem(w) in people]
    for c in out:
        seen = ev.stems_with_parts(f"{c.context} {c.text}", index)
        named = all(ev.mentions(focus.get(w, set()), seen) for w in (proper if id(c) in listed else others))
        c.features["names_asked"] = float(named)
        c.features["counts"] = float(named and (id(c) in listed or quantifies(c.text, sure, index, None, 1.0)))
        # "Wie groß soll die Friedenstruppe sein?": "Bis zu 100.000 Friedenswächter …" counts its members
        c.features["members"] = float(named and bool(members) and quantifies(c.text, members, index, None, 1.0))
        # "How many US soldiers …?" is not answered by "vieler tausend europäischer Soldaten"
        owners = counted_owners(c.text, sure | forms) if whose else set()
        c.features["counts_other"] = float(bool(owners) and whose not in owners)
    return [c for c in out if not c.features["counts_other"]] + [c for c in out if c.features["counts_other"]]


def _goes_on_counting(nxt: Sentence, q: Question, index: IndexData) -> bool:
    """Does `nxt` hold the kind of answer asked for and go on with the sentence before it,
    naming no person of its own ("Bis zu 100.000 Friedenswächter … könnten …")?"""
    return has_kind(nxt.text, q.expects) and not (sp.known_people(index) & index.stems(nxt.text))


def _owner_asked(q: Question) -> str | None:
    """Whose things a number question counts, by the word before them ("How many US
    soldiers …", "Wie viele deutsche Soldaten …" -> "usa", "deutschland"); None if unsaid."""
    words = re.findall(r"[\w\-]+", q.text)
    at = [i for i, w in enumerate(words) if i and w == q.measured]
    if not at:
        return None
    before = places.owner(words[at[0] - 1])
    if before:
        return before
    # … or by the subject right after them ("Wie viele Soldaten hat Russland …", "How many soldiers
    # does Russia have"), not a place ("… in der Ukraine")
    after = words[at[0] + 1 : at[0] + 1 + _OWNER_AFTER]
    for j, w in enumerate(after):
        who = places.owner(w)
        if who and not (j and after[j - 1].lower() in _PLACE_BEFORE):
            return who
    return None


_OWNER_AFTER = 3  # words after what a number question counts where its owner may stand
_PLACE_BEFORE = {"in", "im", "nach", "an", "am", "auf", "aus", "to", "into", "at", "from", "der", "die", "dem", "the"}


def _counted_words(q: Question) -> set[str]:
    """The stems that surely name what a number question counts: the word itself, a German
    word's synonym that the articles use ("Heer": "Armee"), or an English word's dictionary
    translations ("soldiers" -> "soldat"); not a word that is merely near it by vector
    ("lineages" -> "verhältnis")."""
    word = q.measured or ""
    if q.language == "en":
        return dictionary_stems(word.lower())
    return {stem(word.lower())} | {stem(f) for f in q.german.get(word, ())}


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


def _then(first: list[Sentence], rest: list[Sentence]) -> list[Sentence]:
    """`first`, then those of `rest` it does not hold already (a next sentence brought along
    may be the second best too)."""
    return first + [c for c in rest if c not in first]


def _with_reasons(chosen: list[Sentence], quotable: list[Sentence], index: IndexData) -> list[Sentence]:
    """A statement followed by its reason in the next sentence ("… Zur Begründung verwies sie
    auf …") brings that sentence along: it is the answer to "warum". So does a statement
    without a reason of its own when the same person goes on to give it ("Hodges hält
    Soldaten für nötig." — "„Ohne … bleiben solche Garantien eine leere Hülse“, sagte Hodges.")
    or when the next sentence goes on from it ("… eine internationale Friedenstruppe." — "Bei
    dieser Option wäre denkbar, dass ein Angriff Russlands weitere Länder … hineinziehen würde.")."""

    def brings(c: Sentence, nxt: Sentence) -> bool:
        leans = ev.depends_on_previous(nxt.text)
        same = _same_speaker(c, nxt, index)
        gives_reason = bool(cues.REASON.search(nxt.text)) and leans
        no_reason = not cues.REASON.search(c.text)
        # the same person going on ("… ausreichen würde, um Russland in Schach zu halten." — "„Ich
        # glaube nicht, dass sich jemand zu schaffen macht, wenn wir dort …“, sagte er.") gives their reasoning
        return gives_reason or (same and leans) or (no_reason and (same or leans))

    out = _with_next(chosen, quotable, brings)
    if out and not any(cues.REASON.search(c.text) for c in out):
        # none gives a reason: the reason for the best statement may come two sentences on, after
        # one saying who speaks ("… bekräftigte Moskau seine ablehnende Haltung." "Sacharowa erklärte:
        # „…“" "Zur Begründung verwies sie auf …")
        by_pos = {(c.doc_id, c.idx): c for c in quotable}
        first = out[0]
        between, reason = (by_pos.get((first.doc_id, first.idx + step)) for step in (1, 2))
        if between is not None and reason is not None and brings(between, reason) and cues.REASON.search(reason.text):
            out = [first, between, reason, *(c for c in out[1:] if c not in (between, reason))]
    return out


def _with_their_next(chosen: list[Sentence], quotable: list[Sentence], source: str, index: IndexData) -> list[Sentence]:
    """A statement of the person a question names as its source ("laut Rubio"), followed by
    the next sentence when it goes on with the same person's words ("Er fügte hinzu, dass …"):
    what he said next may be what is asked."""
    people = {stem(w.lower()) for w in source.split()} & sp.known_people(index)

    def brings(c: Sentence, nxt: Sentence) -> bool:
        return (
            bool(people)
            and sp.attributed_to(c, people, index) >= 1.0
            and ev.depends_on_previous(nxt.text)
            and sp.attributed_to(nxt, people, index) >= 1.0
        )

    return _with_next(chosen, quotable, brings)


def _with_qualification(chosen: list[Sentence], quotable: list[Sentence]) -> list[Sentence]:
    """The statements on a yes/no question, each followed by the next sentence when that one
    qualifies it ("Allerdings …", "Doch …"): the answer may lie in the qualification."""
    return _with_next(chosen, quotable, lambda _c, nxt: bool(cues.QUALIFIES.match(nxt.text)))


def _same_speaker(a: Sentence, b: Sentence, index: IndexData) -> bool:
    """Does `b` go on with what `a` reports, in the words of the same person ("Hodges hält
    … für nötig." — "„Ohne …“, sagte Hodges.")?"""
    people = sp.known_people(index) & index.stems(a.text)
    if not people and ev.depends_on_previous(a.text):  # "Er deutete auch an, …" after "…, behauptete Trump"
        people = sp.known_people(index) & index.stems(a.context)
    return bool(people) and sp.attributed_to(b, set(people), index) >= 1.0
