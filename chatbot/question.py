"""Understand a question once: language, type, the kind of answer it expects, its focus.

    q = analyse("Was sagt Rubio über Abschreckung?")
    q.language, q.kind, q.expects, q.actor, q.focus    # 'de', 'position', None, 'Rubio', ('Rubio', 'Abschreckung')

Everything later (retrieval, composition, abstention) reads this one object; nothing
detects the language or re-parses the question again. Its kind comes from plain patterns
over German and English question words (`phrasing.py`); here are its focus, the names it
uses, the actor of a position question (or an office, "der russische Außenminister"),
the two sides of a comparison, what a number question counts, and words it quotes.

Whether a question continues the last one is `followup.py`'s concern.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from chatbot.asks import asks_source
from chatbot.listing import ListKind, list_kind
from chatbot.offices import office
from chatbot.phrasing import (
    COMPARISON,
    STANCE_DE,
    STANCE_EN,
    STANCE_WORD,
    Kind,
    about_topic,
    asks_summary,
    classify,
    topic_of_summary,
)
from chatbot.places import countries_named, nationality
from chatbot.words import content_words, is_keywords, is_stop, tokens
from ingest.analyze import detect_language


@dataclass(frozen=True)
class Question:
    """One analysed question. `query` is what retrieval searches (follow-ups add context)."""

    text: str
    language: str
    kind: Kind
    expects: str | None = None
    focus: tuple[str, ...] = ()  # names and content words the answer must be about, as asked
    names: tuple[str, ...] = ()  # the focus words that are names (capitalised, not sentence-initial)
    actor: str | None = None  # the speaker of a position question
    sides: tuple[str, ...] = ()  # the two sides of a comparison
    query: str = ""
    follow_up: bool = False
    inherited: tuple[str, ...] = ()  # focus taken over from the previous question ("er", "dazu")
    german: dict[str, tuple[str, ...]] = field(default_factory=dict)  # focus word -> German corpus words
    # vectors of the focus words (`align_words`), set once by the API with the question's own vector
    word_vectors: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    measured: str | None = None  # what a number question counts or measures ("Drohnen" in "Wie viele Drohnen …")
    quote: str = ""  # words the question quotes ("Was meint er mit „Manche Dinge ändern sich nie“?")
    # a country's office as the actor, or whose holder a fact question asks for: ("russische", "außenminister")
    role: tuple[str, ...] = ()
    role_country: tuple[str, ...] = ()  # the names of the country the office belongs to (`places.nationality`)
    items: ListKind | None = None  # the kind of item a list question asks for (options, risks, …)
    outlet: bool = False  # it asks which outlet reported, said or published something ("Welches Magazin berichtet …?")
    # a follow-up pointing back: the sentences the last answer quoted, as (doc id, sentence number)
    after: frozenset[tuple[str, int]] = frozenset()

    @property
    def all_focus(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*self.focus, *self.inherited)))

    @property
    def topic(self) -> tuple[str, ...]:
        """What a position question asks the actor about: the focus beyond the actor and the
        verb of speech, with what a follow-up takes over ("NATO" in "What does Rubio say
        about NATO?"; nothing in "Was sagt Rubio?", which asks for anything Rubio said)."""
        actor = set(re.sub(r"['’]s\b", "", (self.actor or "").lower()).split())  # "Britain's prime minister"
        asked = self.asked_for
        own = (
            w
            for w in self.focus
            if w.lower() not in actor
            and not STANCE_WORD.match(w)
            and (w not in _STANCE_NOUNS or _as_event(w, self.text))
            and w != asked
            and w not in _KIND_OF
        )
        return tuple(dict.fromkeys((*own, *self.inherited)))

    @property
    def asked_for(self) -> str:
        """The thing a position question asks the actor for ("Gefahr" in "Welche Gefahr sieht
        Moskau in einer Nato-Truppe?", "weapons" in "What kind of weapons does Zelensky want?"):
        what the answer is, in whatever words, not a topic it must name; "" for none."""
        if self.kind != "position":
            return ""
        m = _ASKED_FOR.search(self.text)
        return m.group(1) if m and m.group(1) not in _STANCE_NOUNS else ""  # "Welche Kritik übt …": a view

    @property
    def align_words(self) -> tuple[str, ...]:
        """The focus words an answer should have a counterpart for (lower case, no numbers), at most 8."""
        return tuple(dict.fromkeys(w.lower() for w in self.focus if w.isalpha() and len(w) >= 3))[:8]


_ASKED_FOR = re.compile(
    r"^(?:und\s+|and\s+)?(?:welche[nrs]?(?:\s+art\s+(?:von|an))?|(?:what|which)\s+(?:kind|sort|type)s?\s+of|which|"
    r"what(?!\s+(?:do|does|did|is|are|was|were|has|have|had|would|will|can|could|should)\b))\s+([\w\-]+)",
    re.I,
)
_KIND_OF = {"kind", "kinds", "sort", "sorts", "type", "types", "Art"}  # "What kind of weapons …": the weapons
_ENGLISH_TITLES = set(
    """President Chancellor Minister Secretary General Prime Foreign Defense Defence Chief Spokesperson Spokesman
    Spokeswoman Army Air Force Navy Security Council Parliament Government Former Ex Vice Senator Ambassador
    Professor King Queen Party Republican Democrat Summit Treaty Article Mr Mrs Ms Dr US U.S. I""".split()
)
_GERMAN_TITLES = set(
    """Präsident Präsidentin Kanzler Kanzlerin Bundeskanzler Minister Ministerin Außenminister Außenministerin
    Verteidigungsminister Sprecher Sprecherin General Generalsekretär Botschafter Professor Professorin Herr
    Frau Premierminister Premier Chef Ex""".split()
)
# nouns that name what a position question asks for, never who
_STANCE_NOUNS = set(
    """Position Positionen Haltung Standpunkt Meinung Sicht Sichtweise Einschätzung Forderung Forderungen Reaktion
    Aussage Aussagen Äußerung Äußerungen Argument Argumente Vorschlag Vorschläge Kritik Warnung Ansicht
    Sichtweisen Haltungen Standpunkte Ansichten Meinungen Einschätzungen Perspektive Perspektiven Rolle Rollen
    Sorge Sorgen Bedenken Befürchtung Befürchtungen Warnungen Vorwurf Vorwürfe
    position positions view views stance opinion take reaction statement argument proposal role roles
    concern concerns worry worries fear fears warning warnings criticism demand demands""".split()
)


def _as_event(word: str, text: str) -> bool:
    """Is a stance noun an event the question dates something by ("What did Trump say during
    that argument?": the quarrel, a topic; not "What is Trump's argument?")?"""
    when = (
        r"(?:during|after|before|since|throughout|während|nach|seit)\s+"
        r"(?:(?:the|that|this|their|his|her|dem|der|des|diesem|dieser|diesen)\s+)?"
    )
    return bool(re.search(rf"\b{when}{re.escape(word)}\b", text, re.I))


def is_stance_noun(word: str) -> bool:
    """A noun for what someone says or thinks ("Aussagen", "Sicht", "view"), never a topic or a speaker."""
    return word in _STANCE_NOUNS


def is_title(word: str) -> bool:
    """A role, not a name: "Präsident", "Nato-Chef", "Secretary"."""
    last = word.split("-")[-1]
    return word in _ENGLISH_TITLES or word in _GERMAN_TITLES or last in _GERMAN_TITLES or last in _ENGLISH_TITLES


def _names(text: str, language: str) -> list[str]:
    """Capitalised words after the first word (in a keyword query, all): names (and, in
    German, nouns too).

    In English a capital marks a name; in German every noun has one, so German
    "names" are nouns and names alike, which is what a focus needs.
    """
    toks = tokens(text)
    first = 1 if not is_keywords(text) else 0  # "Scholz?" is a name, not a capitalised first word
    out = []
    for i, t in enumerate(toks):
        if i < first or not t[0].isupper() or is_stop(t):
            continue
        if is_title(t) or t in _STANCE_NOUNS:
            continue
        out.append(t)
    return out


_QUOTED = re.compile(r"„[^“”„]*[“”]|»[^«»]*«|“[^”“]*”|\"[^\"]*\"")


def outside_quotes(text: str) -> str:
    """`text` without what it quotes: the speaker of "„… Russland …“, warnten Experten" is
    the experts, not Russland; "Was meint er mit „Manche Dinge …“?" names nobody."""
    return _QUOTED.sub(" ", text)


def quoted(text: str) -> str:
    """The longest quotation in `text` with two content words or more, without its marks
    ("" if none): „leere Hülse“ is a quote to look up, "die Ukraine" is not."""
    inner = [m.group()[1:-1].strip(" .,!?") for m in _QUOTED.finditer(text)]
    return max((q for q in inner if len(content_words(q)) >= 2), key=len, default="")


_WHICH = {"welche", "welchen", "welcher", "welches", "welchem", "which"}


# an English question's subject, between "does"/"did" and the verb of speech
_SUBJECT_EN = re.compile(rf"\b(?:does|did|do|has|have)\s+(.*?)\s+(?:{STANCE_EN})\b", re.I)


def named_actor(text: str, language: str) -> str | None:
    """The named speaker of a position question: the capitalised words near the stance verb
    (not those of a quotation: "Was meint er mit „Manche Dinge …“?" names nobody)."""
    toks = tokens(outside_quotes(text))
    subject = _SUBJECT_EN.search(text)  # "What did experts warn …", "what does hodges say"
    said_by = tokens(re.sub(r"^the\s+", "", subject[1], flags=re.I)) if subject else []
    if language == "en" and 0 < len(said_by) <= 2 and text != text.lower() and not any(t[0].isupper() for t in said_by):
        # "What did experts warn about a UN mission?": the experts speak, the UN is the topic
        # (not "What do some civil disobedient people feel …", no one in particular)
        return " ".join(content_words(" ".join(said_by))) or None
    caps = [
        i
        for i, t in enumerate(toks)
        if i > 0
        and t[0].isupper()
        and not is_stop(t)
        and t not in _STANCE_NOUNS
        and toks[i - 1].lower() not in _WHICH  # "Welche Variante favorisiert Trump?": what is asked for
    ]
    if not caps:
        # typed in lower case ("was sagt hodges"): the first content word after the verb
        lower = text == text.lower()  # typed in lower case: in a cased question a name is capitalised
        if subject and lower:  # the subject between "does" and the verb: "the white house"
            return " ".join(content_words(subject[1])[-2:]) or None
        m = re.search(rf"\b(?:{STANCE_DE}|{STANCE_EN})\b\s+(.*)", text, re.I)
        after = content_words(m.group(1)) if m and lower else []
        return after[0] if after else None
    # the first run of capitalised words (e.g. "Marco Rubio", "Ben Hodges"), titles dropped
    run: list[str] = []
    for i in caps:
        if run and i != caps[caps.index(i) - 1] + 1:
            break
        run.append(toks[i])
    named = [w for w in run if not is_title(w)]
    if not named:  # "Does the US want …": a country's short name, which also stands before titles ("US President")
        return run[0] if len(run) == 1 and countries_named(run[0]) else None
    return " ".join(named[-2:])


_BOTH_OF = re.compile(r"\b(?:beiden|zwei|both|two)\s+[\w\-]+", re.I)


def _sides(text: str, focus: Sequence[str]) -> tuple[str, ...]:
    """The two things a comparison compares: the words around "und"/"and"/"vs"/"oder"."""
    for joiner in (r"und|and|vs\.?|versus|oder|or", r"von|from|mit|with|gegenüber|to"):
        for m in re.finditer(rf"([\w\-]+)\s+(?:{joiner})\s+(?:der|die|des|dem|den|the)?\s*([\w\-]+)", text):
            left, right = content_words(m.group(1)), content_words(m.group(2))
            if not left or not right or left[-1] in _STANCE_NOUNS or right[0] in _STANCE_NOUNS:
                continue  # "die Sicht von Rubio": Rubio is the side, his view what is compared
            if left[-1] != right[0] and not COMPARISON.match(left[-1]):
                return (left[-1], _surname(right[0], text[m.end(2) :]))
    if _BOTH_OF.search(text):  # "Was unterscheidet die beiden Varianten …?": the two are a list, not two words
        return ()
    names: list[str] = []  # capitalised words, those side by side as one name ("Percy Shelley")
    for f in (f for f in focus if f[0].isupper() and f not in _STANCE_NOUNS):
        if names and f"{names[-1]} {f}" in text:
            names[-1] = f
        else:
            names.append(f)
    return (names[0], names[1]) if len(names) >= 2 else ()


_NAME_GOES_ON = re.compile(r"\s+([A-ZÄÖÜ][\w\-]+)(?=\s+[a-zäöü]|\W*$)")


def _surname(word: str, rest: str) -> str:
    """The side a word opens: a first name goes on to a surname ("Mike Waltz gemeinsam" ->
    "Waltz"); a noun after a name is not one ("Selenskyj Sicht")."""
    m = _NAME_GOES_ON.match(rest)
    if word[0].isupper() and m and m.group(1) not in _STANCE_NOUNS:
        return m.group(1)
    return word


_TWO_ACTORS = re.compile(r"\b([A-ZÄÖÜ][\w\-]+)\s+(?:und|and|sowie|or|oder)\s+((?:[A-ZÄÖÜ][\w\-]+\s+)?[A-ZÄÖÜ][\w\-]+)")


_SECOND_QUESTION = re.compile(r",?\s+(?:und|and)\s+(?=(?:was|wie|what|how)\b)", re.I)


def _two_actors(text: str, actor: str | None, language: str) -> tuple[str, ...]:
    """The two speakers a position question asks about together ("Was sagen Rubio und
    Hegseth?", "What do Macron and Scholz say?", "Was sagt Trump zur Nato und was meint
    Rutte?"); none for one speaker, or when the two are what the speaker is asked about
    ("Was sagt Trump über Selenskyj und Putin?")."""
    halves = _SECOND_QUESTION.split(text, maxsplit=1)
    if len(halves) == 2:  # two questions in one, each for a speaker of its own
        first, second = (named_actor(h, language) for h in halves)
        if first and second and first != second:
            return (first.split()[-1], second.split()[-1])
    m = _TWO_ACTORS.search(outside_quotes(text))
    if not m or m.start() == 0 or not actor or actor.split()[-1] != m.group(1):
        return ()
    return (m.group(1), m.group(2).split()[-1])  # a surname: "Pete Hegseth" -> "Hegseth"


_ADJECTIVE = r"(?:[a-zäöüß]+(?:e|en|er|es|em)\s+)?"
_MEASURED = [
    re.compile(rf"\b(?i:wie)\s*viele?\s+{_ADJECTIVE}([A-ZÄÖÜ][\w\-]+)"),
    re.compile(
        r"\b(?i:wie)\s+(?:hoch|groß|lang|weit|stark|klein|teuer)\s+(?:ist|sind|war|waren|wäre|wären|müsste|müssten|"
        r"soll|sollte|sollten|wird|werden|könnte|könnten|würde|würden|dürfte|dürften|muss|müssen)\s+"
        rf"(?:der|die|das|den|dem|des)\s+{_ADJECTIVE}([A-ZÄÖÜ][\w\-]+)"
    ),
    re.compile(
        r"\b(?i:how)\s+many\s+(?:[A-Za-z]+\s+)?([A-Za-z][\w\-]+)\s+(?:do|does|did|are|is|were|was|will|would|could|can|"
        r"has|have)\b"
    ),
    # "How many NATO members support …", "How many French soldiers …": the noun after a
    # name or an adjective of nationality (not "How many Russians died")
    re.compile(r"\b(?i:how)\s+many\s+(?:[A-Z]{2,}|[A-Z][a-z]+(?:an|ish|ese|ch))\s+([a-z][\w\-]+)"),
    re.compile(r"\b(?i:how)\s+many\s+([A-Za-z][\w\-]+)"),
    re.compile(r"\b(?i:how)\s+(?:large|big|long|high|strong|much)\s+(?:a|an)\s+([A-Za-z][\w\-]+)"),  # "an army"
    re.compile(
        r"\b(?i:how)\s+(?:much|large|big|long|high|strong)\s+(?:is|are|was|were|would|will|should|could|can|might|"
        r"must)\s+(?:the\s+)?"
        r"(?:[A-Za-z]+(?:['’]s)?\s+)?([A-Za-z][\w\-]+)\b(?!['’])"  # "How big is Ukraine's army": the army
    ),
]


def measured(text: str) -> str | None:
    """The noun a number question counts or measures: "Wie viele Drohnen …" -> "Drohnen",
    "Wie hoch ist der Verteidigungsetat …" -> "Verteidigungsetat", "How many troops …" -> "troops"."""
    for pattern in _MEASURED:
        m = pattern.search(text)
        if m and not is_stop(m.group(1)):
            return m.group(1)
    return None


def analyse(text: str) -> Question:
    """The question on its own (no history): language, kind, expectation, focus.

    Keywords without a question ("Ukraine Sicherheitsgarantien") ask for an overview."""
    text = " ".join(text.split())
    language = detect_language(text)
    kind, expects = classify(text, language)
    if kind == "fact" and expects is None and is_keywords(text):
        kind = "overview"
    about = about_topic(text)  # "Erzähl mir was über Schmidt": about Schmidt, searched as "Schmidt"
    focus = tuple(dict.fromkeys(content_words(about or text)))
    if kind in ("summary", "overview") and asks_summary(text):  # "Fasse zusammen, was Trump sagt": Trump
        topic = set(topic_of_summary(text))
        focus = tuple(w for w in focus if w in topic)
    names = tuple(dict.fromkeys(n for n in _names(outside_quotes(text), language) if n in focus))
    actor = named_actor(text, language) if kind == "position" else None
    held = (
        office(outside_quotes(text)) if kind == "position" or (kind == "fact" and expects in (None, "person")) else None
    )
    role: tuple[str, ...] = ()
    if held and kind == "fact":  # "Who is the US Secretary of State?" asks for the holder's name
        role, expects = held[0], "person"
    elif held and (actor is None or set(actor.split()) <= set(tokens(held[1]))):
        role, actor = held  # an office, not a named person ("Meloni" stays the actor)
    sides = _sides(text, focus) if kind == "comparison" else ()
    both = _two_actors(text, actor, language) if kind == "position" and not role else ()
    if both:  # "Was sagen Rubio und Hegseth?": what each says, side by side
        kind, actor, sides = "comparison", None, both
    what = measured(text) if expects in ("number", "money") else None
    return Question(
        text,
        language,
        kind,
        expects,
        focus,
        names,
        actor,
        sides,
        query=f"{text} {role[1].capitalize()}" if role and language == "en" else about or text,  # the office in German
        measured=what,
        quote=quoted(text),
        role=role,
        role_country=nationality(role[0]) if role else (),
        items=list_kind(text),
        outlet=asks_source(text),
    )
