"""What a quote must be about, beyond being close to the question: the people, the
outlet, the counted thing and the motive a question names (the countries and places are
`countries_asked.py`'s). Each check reads the chosen sentences (with what they lean on)
and gives `signals.evidence` one figure; `abstain.decide` weighs them by the question's kind.

    people_found(q, chosen, index)      # "Did Putin agree …?": a quote about Putin
    own_cause(q, leading, index)        # "Why does Zelensky want …?": a cause in his words
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from chatbot import cues, dictionary, places, translate
from chatbot import evidence as ev
from chatbot import speakers as sp
from chatbot.answer_kinds import lists_counted
from chatbot.asks import OUTLET_NOUN
from chatbot.evidence import Sentence
from chatbot.outlets import outlets_in
from chatbot.question import Question
from chatbot.stances import STANCE_WORD
from chatbot.words import is_stance_noun, tokens
from ingest.analyze import stem
from ingest.store import IndexData


def cited_beside(q: Question, chosen: list[Sentence], index: IndexData) -> float:
    """1.0 when one of the best two quotes cites an outlet (`outlets.py`) in a sentence that
    names, in itself or the one before, a person the question names; else 0.0."""
    people = people_named(q, index)
    if not people:
        return 0.0
    for c in chosen[:2]:
        if outlets_in(c.text, index) and about(c, people, index):
            return 1.0
    return 0.0


def reported(noun: str) -> bool:
    """Is an unknown noun of an outlet question an outlet or a statement, not a topic?"""
    return bool(OUTLET_NOUN.fullmatch(noun)) or is_stance_noun(noun)


# what a fact question asks of the people it names ("Wann trifft sich Trump mit Putin?", "Wie viele
# Soldaten will Macron schicken?"): a sentence about others holds no answer on them
_ABOUT_SOMEONE = ("yesno", "date", "number", "money", "place")


def people_found(q: Question, chosen: list[Sentence], index: IndexData) -> float:
    """For an overview, a why-, a yes/no or an outlet question that names people the articles
    name ("Warum ist Selenskyj nach London gereist?", "Did Putin agree to a ceasefire?",
    "Welcher Sender hat das Interview mit Putin ausgestrahlt?"): 1.0
    when one of the best two chosen sentences (a lead-in may come first) or its context
    names one of them, or one of them speaks there ("schrieb der Republikaner" is Trump),
    else 0.0; 1.0 when it names none. A later quote about them is no answer when the best
    ones are about others."""
    if q.kind not in ("overview", "reason") and q.expects not in _ABOUT_SOMEONE and not q.outlet:
        return 1.0
    named = people_named(q, index)
    if q.expects in _ABOUT_SOMEONE[1:]:  # a word the dictionary knows ("im Jahr 2015") is no one's name here
        named = {n for w in q.names if not dictionary.english(w) and (n := name_stem(w)) in named}
    if not named:
        return 1.0
    if q.expects in ("date", "place") and len(named) >= 2 and chosen:
        # "Wann wird Selenskyj Putin treffen?", "Where will Trump and Putin meet?": a date or place of both
        return float(all(about(chosen[0], {n}, index) for n in named))
    # an overview's points stand in reading order: its best two are those that rank highest
    best = sorted(chosen, key=lambda c: -c.features.get("p", 0.0))[:2] if q.kind == "overview" else chosen[:2]
    return float(any(about(c, named, index) for c in best))


def referent_found(q: Question, chosen: list[Sentence], forms: dict[str, set[str]], index: IndexData) -> float:
    """For a follow-up pointing back to a person ("Is he a general?" after a question on
    Hegseth): 1.0 when one of the best two quotes (or its context) names them or is their
    statement, and a quote about them names one of the things the follow-up itself asks
    about (`forms`: `evidence.focus_forms`), else 0.0; 1.0 when it points to no one the
    articles name. A quote on someone else answers nothing about "him", nor one on him that
    names nothing asked ("How old is he?")."""
    people = {name_stem(w) for w in q.referent.split()} & sp.known_people(index)
    if not people:
        return 1.0
    named = {w: f for w, f in _surely_named(q, forms, index).items() if name_stem(w) not in people}
    # the class a which-question asks for need not be named ("An welcher Universität arbeitet
    # er?": "University of New Haven"), though a quote naming it does name what is asked
    own = [f for w, f in named.items() if w != q.asked_class]
    if any(not f for f in own):
        return 0.0  # "Which book did he write?": the articles never name a book
    if not any(about(c, people, index) for c in chosen[:2]):
        return 0.0
    if not own:
        return 1.0  # nothing asked but the class of the answer, or nothing at all
    own += [f for w, f in named.items() if w == q.asked_class]
    return float(any(about(c, people, index) and _names_any(c, own, index) for c in chosen))


# English verbs that carry no meaning of their own beside a noun ("give a reason", "make a point")
_LIGHT_VERBS = frozenset("give gives gave given giving make makes made making take takes took taken get got".split())


def _placed(w: str, q: Question, index: IndexData) -> set[str] | None:
    """For an English question's word the dictionary knows, not a name: the stems of its
    translations the articles use ("party": "partei", "trupp"), empty when they use none;
    None for any other word, whose forms stand as found."""
    if q.language != "en" or w in q.names or not dictionary.glosses(w.lower()):
        return None
    return translate.used_dictionary_stems(w, index)


def _surely_named(q: Question, forms: dict[str, set[str]], index: IndexData) -> dict[str, set[str]]:
    """The forms of the things a follow-up itself asks about (German nouns, English words;
    not how it was said) that surely name them, never Ukraine, which every article is about
    ("Kyiv"). An English word has its dictionary translations that the articles use
    ("party": "partei", "trupp"; not "politischen", near it by vector); one whose
    translations they never use has no forms ("book", not the "professor" near it by vector)
    unless the question asks for a kind of answer ("Where does he teach?" keeps
    "professor"); a function word is no word of its own ("else": "sonst")."""
    out = {}
    for w, f in forms.items():
        if w not in q.focus or STANCE_WORD.match(w) or is_stance_noun(w):
            continue  # "Wo hat er seine Haltung deutlich gemacht?" asks where, not for the word "Haltung"
        if q.language == "de" and not w[:1].isupper():
            continue  # a German verb or adjective
        if w.lower() in _LIGHT_VERBS:
            continue  # "What reason did she give?": the reason is asked, not a word for giving
        if q.language == "en" and (translate.function_word(w) or not (q.german.get(w) or w[:1].isupper())):
            continue  # an English function word ("else": "sonst"), or one the articles have no word for ("alone")
        used = _placed(w, q, index)
        if used is not None:
            f = used or (f if q.expects not in (None, "yesno") else set())
        out[w] = {s for s in f if not s.startswith("ukrain")}
    return out


def about_people(q: Question, chosen: list[Sentence], index: IndexData) -> bool:
    """Does the question name people the articles name, and is one of `chosen` about them?"""
    named = people_named(q, index)
    return bool(named) and any(about(c, named, index) for c in chosen)


def own_cause(q: Question, chosen: list[Sentence], index: IndexData, forms: dict[str, set[str]] | None = None) -> bool:
    """Does one of the quotes (the caller's choice: the best two and those going on from
    them) give a cause, in a sentence about the people the question names (if it names
    any), by itself or the sentence it leans on? "Why does
    Zelensky want long-range missiles?" is not answered by the obstacle to peace two
    sentences after his words ("Die lange Geschichte von Täuschung …"). Without people named,
    the cause must name one of the things asked about (`forms`: each focus word's forms), not
    only the country that did it."""
    named = people_named(q, index)
    if named:
        return any(cues.CAUSE.search(c.text) and about(c, named, index, ev.own_context(c)) for c in chosen)
    # no one named ("Why did the US pause weapons deliveries?"): a cause on what was done, not on
    # something else ("Ein UN-Einsatz scheint unwahrscheinlich, da …")
    surely = _surely_named(q, forms, index) if forms else {}
    things = [f for w, f in surely.items() if f and not places.country_of(w)]  # the country is who did it

    def on_it(c: Sentence) -> bool:  # in the sentence, or the one it leans on ("Er …", "Dabei …")
        seen = ev.stems_with_parts(c.text, index) | index.stems(c.before if ev.depends_on_previous(c.text) else "")
        return any(ev.mentions(f, seen) for f in things)

    return any(cues.CAUSE.search(c.text) and (not things or on_it(c)) for c in chosen)


def people_named(q: Question, index: IndexData) -> set[str]:
    """Stems of the people the articles name whom the question names ("Zelensky" is "Selenskyj")."""
    return {name_stem(w) for w in q.names} & sp.known_people(index)


def name_stem(name: str) -> str:
    """The stem a name of the question has in the articles, in their spelling ("Zelensky": "selenskyj")."""
    return stem(places.EXONYMS.get(name.lower(), name.lower()))


def about(c: Sentence, people: set[str], index: IndexData, context: str | None = None) -> bool:
    """Does the sentence or its context (`c.context` unless given: the sentences before it)
    name one of these people, or is it one's statement?"""
    seen = index.stems(c.text) | index.stems(c.context if context is None else context)
    return ev.mentions(people, seen) or sp.attributed_to(c, people, index) > 0


_CONDITION = re.compile(r"\b(?:ohne|without)\b", re.I)  # "Ohne … Soldaten … bleiben solche Garantien eine leere Hülse"


def purpose_on_topic(q: Question, chosen: list[Sentence], forms: dict[str, set[str]], index: IndexData) -> bool:
    """For a question why someone did something (whose best quotes state no cause): does one
    of the best three give a purpose or condition that names, by one of its nouns, what the
    question is about beyond who did it ("Why did Hodges call for European soldiers?" —
    "„Ohne die Entsendung vieler tausend europäischer Soldaten … leere Hülse“")? A purpose
    of something else ("…, um Russland in Schach zu halten" after the stop of weapons
    deliveries) is no motive."""
    words = [w for w in q.focus if w in forms and w not in q.names and w.lower() not in places.PLACES]
    for c in chosen[:3]:
        if cues.REASON.search(c.text) or _CONDITION.search(c.text):
            # its nouns, outside outlets' names ("Fox News"): an English verb's German forms
            # are too loose ("stop" ~ "halten")
            text = ev.without_institutions(c.text)
            seen = ev.stems_with_parts(" ".join(t for t in tokens(text)[1:] if t[0].isupper()), index)
            if any(ev.mentions(forms[w], seen) for w in words):
                return True
    return False


def measured_found(q: Question, chosen: list[Sentence], index: IndexData) -> float:
    """How surely a chosen sentence (or its context) names what a number question measures:
    1.0 when it names it, else the cosine of its nearest word to it."""
    if not q.measured or any(lists_counted(c.text, q.measured, index) for c in chosen):
        return 1.0  # nothing counted, or the countries asked about, named one by one
    forms = ev.measured_forms(q, index)
    signs = {f for f in forms if not f.isalnum()}  # "2 %" names the "Prozent" asked about
    if forms and any(
        ev.mentions(forms, index.stems(c.text) | index.stems(c.context)) or any(g in c.text for g in signs)
        for c in chosen
    ):
        return 1.0
    return max((c.features.get(f"w:{q.measured.lower()}", 0.0) for c in chosen), default=0.0)


def all_named(q: Question, chosen: list[Sentence], forms: dict[str, set[str]], index: IndexData) -> bool:
    """Does one of the quotes name every word the question asks about (a German form of an
    English one counts; `forms`: `evidence.focus_forms`)?"""
    words = [w for w in q.all_focus if forms.get(w)]
    if not words or len(words) < len(q.all_focus):
        return False
    return any(all(ev.mentions(forms[w], ev.stems_with_parts(c.text, index)) for w in words) for c in chosen)


QUOTE_NAMED_SHARE = 2 / 3  # of the words a who-said question gives, named by the statement


def quote_named(q: Question, chosen: list[Sentence], forms: dict[str, set[str]], index: IndexData) -> bool:
    """Does one of the two best quotes report a statement (a verb of speech) that names most of
    what a who-said question gives, two words at least? English words lose some of theirs in
    German ("never change": "ändern sich nie"), so two in three will do."""
    words = q.all_focus
    for c in chosen[:2]:
        if not sp.SPEECH.search(c.text):
            continue
        seen = ev.stems_with_parts(c.text, index)
        named = sum(bool(forms.get(w)) and ev.mentions(forms[w], seen) for w in words)
        if named >= 2 and named >= QUOTE_NAMED_SHARE * len(words):
            return True
    return False


def said_by_named(q: Question, chosen: list[Sentence], index: IndexData) -> bool:
    """Is the best quote the words of the person the question names, and does it (or the
    sentences before it) name the other names asked about? "Was wirft Trump Obama vor?" —
    "Er verwies dabei auf die von US-Präsident Barack Obama geduldete Annexion der Krim …",
    where "er" is the Republican who wrote the sentence before: Trump."""
    if not chosen:
        return False
    best = chosen[0]
    speakers = {p for p in people_named(q, index) if sp.attributed_to(best, {p}, index) >= 1.0}
    if len(speakers) != 1:
        return False
    forms = ev.focus_forms(q, index)
    seen = index.stems(best.text) | index.stems(best.context)
    others = [w for w in q.names if name_stem(w) not in speakers]
    return all(ev.mentions(forms.get(w, set()), seen) for w in others)


def subject_named(q: Question, chosen: list[Sentence], forms: dict[str, set[str]], index: IndexData) -> float:
    """For a yes/no question: 1.0 when a quote (or its context) names one of the things the
    question asks about (its nouns in German, its words with a German form in English), or
    when it asks about none, else 0.0."""
    things = _things_asked(q, forms, index)
    if not things:
        return 1.0
    return float(any(_names_any(c, things, index) for c in chosen))


# going somewhere ("Ist Macron nach Kiew gereist?", "Has she visited Kyiv?")
_TRAVEL = re.compile(
    r"\b(?:gereist|reist\w*|gefahren|fuhr|geflogen|flog|besucht\w*|visit\w*|travel\w*|"
    r"(?:went|been|gone|flew|flown)\s+to)\b",
    re.I,
)


def _went_to(q: Question, people: AbstractSet[str]) -> str:
    """The stem of the city or country other than Ukraine a yes/no question asks whether
    one of `people` went to, by its own name ("kiew" for "Kyiv"); "" for none."""
    if q.expects != "yesno" or not _TRAVEL.search(q.text):
        return ""
    for w in q.focus:
        own = places.EXONYMS.get(w.lower(), w.lower())
        if w[:1].isupper() and own in places.PLACES and own != "ukraine" and name_stem(w) not in people:
            return name_stem(w)
    return ""


def names_place(c: Sentence, place: str, index: IndexData) -> bool:
    """Does the quote, or its context, name a place by its own name (`place`: its stem, `name_stem`)?"""
    return place in index.stems(f"{c.context} {c.text}")


def _things_asked(
    q: Question, forms: dict[str, set[str]], index: IndexData, people: AbstractSet[str] = frozenset()
) -> list[set[str]]:
    """The forms of what a question asks about: its nouns (German) or its words with a German
    form (English), neither how it was said ("sagen"), nor a quality ("realistic"), nor one of
    `people`; Ukraine only when nothing else is asked."""
    things = []
    for w, f in forms.items():
        if (
            name_stem(w) in people
            or STANCE_WORD.match(w)
            or ev.names_a_quality(w, q)
            or not (w[:1].isupper() if q.language == "de" else q.german.get(w))
        ):
            continue
        # an English word the dictionary knows is named by its translations the articles use, not
        # by words near it by vector ("lost": "letzte", "blieben"); with none, it tells nothing either way
        used = _placed(w, q, index)
        if used is None or used:
            things.append(f if used is None else used)
    # every article is about Ukraine: naming it says nothing when something else is asked
    other = [f for f in things if not any(s.startswith(("ukrain", "kiew", "kyiv")) for s in f)]
    return other or things


def _names_any(c: Sentence, things: list[set[str]], index: IndexData) -> bool:
    """Does the quote, or its context, name one of `things` (each a word's forms)?"""
    seen = ev.stems_with_parts(c.text, index) | index.stems(c.context)
    return any(ev.mentions(f, seen) for f in things)


def stance_on_topic(q: Question, chosen: list[Sentence], forms: dict[str, set[str]], index: IndexData) -> float:
    """For a yes/no question on what a person the articles name did or said ("Did Macron
    promise French troops?"): 1.0 when a quote about that person (or its context) names
    something else the question asks about ("Truppen"; `forms`: `evidence.focus_forms`), and
    one is about all the people it names, else 0.0; 1.0 when it names no such person or
    nothing else. His remark on the talks is no answer to whether he promised troops."""
    people = people_named(q, index)
    if not people:
        return 1.0
    # two people asked about together ("Hat Selenskyj sich mit Putin getroffen?"): a quote about both
    if len(people) >= 2 and not any(sum(about(c, {p}, index) for p in people) >= 2 for c in chosen):
        return 0.0
    went = _went_to(q, people)  # "Ist Macron nach Kiew gereist?": a quote about him naming Kiew, not the Ukraine
    if went and not any(about(c, people, index) and names_place(c, went, index) for c in chosen):
        return 0.0
    other = _things_asked(q, forms, index, people)  # what else is asked, not the person nor how they said it
    # … nor Ukraine, which every article is about ("Did Hegseth visit Ukraine?": the visit is asked)
    other = [f for f in other if not any(x.startswith("ukrain") for x in f)]
    if not other:
        return 1.0
    return float(any(about(c, people, index) and _names_any(c, other, index) for c in chosen))
