"""Understand a question once: language, type, the kind of answer it expects, its focus.

    q = analyse("Was sagt Rubio über Abschreckung?")
    q.language, q.kind, q.expects, q.actor, q.focus    # 'de', 'position', None, 'Rubio', ('Rubio', 'Abschreckung')

Everything later (retrieval, composition, abstention) reads this one object; nothing
detects the language or re-parses the question again. Its kind comes from plain patterns
over German and English question words (`phrasing.py`); here are its focus, the names it
uses, the actor of a position question (or an office, "der russische Außenminister"),
the two sides of a comparison (both found by `actors.py`), what a number question
counts (`measures.py`), and words it quotes; words that only frame what is asked ("What
kind of …", "im Artikel", "Wer sprach von …") are no focus (`frames.py`).

Whether a question continues the last one is `followup.py`'s concern.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from chatbot import sought
from chatbot.actors import named_actor, named_source, sides_of, two_actors
from chatbot.asks import (
    OUTLET_NOUN_ASKED,
    asks_difficulty,
    asks_head_of,
    asks_identity,
    asks_leader,
    asks_motive,
    asks_part,
    asks_refusal,
    asks_source,
    asks_what_about,
    asks_who_said,
    asks_willing,
    asks_written,
    reporting_words,
)
from chatbot.expects import kind_named
from chatbot.frames import frame_words, without_articles_named
from chatbot.language import language_of
from chatbot.listing import WILLING_ITEMS, ListKind, list_kind
from chatbot.measures import measured
from chatbot.offices import RELATIONS, office
from chatbot.phrasing import (
    DESCRIBED,
    Kind,
    about_topic,
    asks_cause,
    asks_condition,
    asks_summary,
    classify,
    topic_of_summary,
)
from chatbot.places import nationality
from chatbot.rewording import (
    claim_asked,
    described_asked,
    idioms_plain,
    question_word_mended,
    topic_put_first,
    units_written_out,
)
from chatbot.stances import STANCE_WORD
from chatbot.timing import asks_actual, asks_end, asks_future, asks_next, asks_outcome, next_event
from chatbot.words import (
    GENERAL_TOPICS,
    STANCE_NOUNS,
    content_words,
    is_keywords,
    is_stop,
    is_title,
    outside_quotes,
    quoted,
    tokens,
)
from ingest.analyze import ENGLISH_STOP, GERMAN_STOP


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
    # focus words whose German forms are a thesaurus's synonyms ("Heer": "armee"): they find and
    # align with the articles' word, but a word the articles never use stays unknown
    by_synonym: tuple[str, ...] = ()
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
    source: str | None = None  # whom it names as the source of what it asks ("laut Rubio", "according to Schmidt")
    condition: bool = False  # it asks under what condition ("Welche Bedingung nennt der Artikel dafür, dass …?")
    difficulty: bool = False  # it asks why something is hard ("Why might a ceasefire be hard to enforce?")
    cause: bool = False  # it asks why, not how ("Warum lehnt Russland … ab?"; `phrasing.asks_cause`)
    motive: bool = False  # it asks why someone did something ("Why did Trump stop …?"; `asks.asks_motive`)
    what_about: bool = False  # it asks what about, for or with ("Worüber sollen sie sprechen?"; `asks.asks_what_about`)
    part: bool = False  # it asks what part someone plays ("Welche Rolle spielt Obama?"; `asks.asks_part`)
    refusal: bool = False  # it asks who refused something ("Which countries refused …?"; `asks.asks_refusal`)
    willing: bool = False  # it asks who is willing to do something ("Wer ist bereit, …?"; `asks.asks_willing`)
    actual: bool = False  # it asks what is so now or so far ("bisher", "already")
    upcoming: bool = False  # it asks about the next time something happens ("das nächste Treffen")
    future: bool = False  # it asks when something still to come will happen ("Wann wird … entsenden?")
    outcome: bool = False  # it asks what came of an event ("What was the outcome of the meeting?")
    next_of: str = ""  # … of what ("Gipfel" in "der nächste Nato-Gipfel"; `timing.next_event`)
    ends: str | None = None  # it asks when something ends ("end") or how long it lasts ("duration")
    typed_lower: bool = False  # typed all in lower case: a German noun is not capitalised ("wie viele panzer …")
    leader: bool = False  # it asks who leads something ("Wer führt die Nato?"; `asks.asks_leader`)
    head_of: tuple[str, ...] = ()  # … and what ("Nato"; `asks.asks_head_of`)
    who_said: bool = False  # it asks who said what it gives ("Who called the guarantees an empty shell?")
    identity: str = ""  # the person it asks who they are ("Who is Leavitt?": "Leavitt"; `asks.asks_identity`)
    # a follow-up's "he"/"his"/"er"/"seine": the person of the question before ("Is he a general?" after
    # "What did Hegseth say …?": "Hegseth"), whom the answer must be about
    referent: str = ""

    @property
    def all_focus(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*self.focus, *self.inherited)))

    @property
    def topic(self) -> tuple[str, ...]:
        """What a position question asks the actor about: the focus beyond the actor and the
        verb of speech, with what a follow-up takes over ("NATO" in "What does Rubio say
        about NATO?"; nothing in "Was sagt Rubio?", which asks for anything Rubio said)."""
        actor = set(re.sub(r"['’]s\b", "", (self.actor or "").lower()).split())  # "Britain's prime minister"
        actor |= {w for w in (_before_name(self.text, self.actor),) if w}  # "what did olaf scholz say": his name
        actor |= {f"{w}s" for w in actor}  # the actor's genitive ("Was ist Rubios Haltung?")
        asked = self.asked_for
        own = (
            w
            for w in self.focus
            if w.lower() not in actor
            and not STANCE_WORD.match(w)
            and (w not in STANCE_NOUNS or _as_event(w, self.text))
            and w != asked
            and w not in sought.KIND_OF
            and w not in GENERAL_TOPICS
        )
        # not the actor a follow-up takes over ("Who is Ben Hodges?" "And what does he want?"), nor
        # the last German question's verb beside its nouns ("Wo arbeitet Schmidt?" "Und was fordert er?")
        cased = self.language == "de" and any(w[:1].isupper() for w in self.inherited)
        inherited = (w for w in self.inherited if w.lower() not in actor and not (cased and w[:1].islower()))
        return tuple(dict.fromkeys((*own, *inherited)))

    @property
    def asked_for(self) -> str:
        """The thing a position question asks the actor for ("Gefahr" in "Welche Gefahr sieht
        Moskau in einer Nato-Truppe?", "weapons" in "What kind of weapons does Zelensky want?"):
        what the answer is, in whatever words, not a topic it must name; "" for none."""
        return sought.asked_for(self.text, self.kind)

    @property
    def instance_of(self) -> str:
        """The class a fact question asks for one member of ("Plattform" in "Welche Plattform
        nutzte Trump?", "platform" in "Which platform did Trump use?"): the answer is a name
        set beside it ("seiner Plattform Truth Social"); "" for none. A question for a person
        asks for one of the people the noun names ("Welcher Professor wird zitiert?": "Matthew
        Schmidt, Professor für …")."""
        return sought.instance_of(self.text, self.kind, self.expects, self.focus)

    @property
    def asked_class(self) -> str:
        """The noun naming the class of a typed answer a which-question asks for ("Universität"
        in "An welcher Universität arbeitet er?", "city" in "In which city …?"): the answer
        names a member ("University of New Haven"), not the class; "" for none."""
        return sought.asked_class(self.text, self.kind, self.expects, self.focus)

    @property
    def defines(self) -> str:
        """The term a question asks what it is ("coalition of the willing" in "What is the
        coalition of the willing?", "Truth Social" in "Was ist Truth Social?"), or what it is
        about ("rare earths" in "What's the deal with rare earths?"): a quote naming all its
        words answers; "" for none (someone's view, "What is Rutte's view?", is no term)."""
        if self.kind not in ("fact", "overview") or self.expects is not None or self.actor:
            return ""
        return sought.defined(self.text)

    @property
    def written(self) -> bool:
        """Does it ask what someone wrote or posted ("What did Trump post?")? Their written
        words answer it first, and search for it (`asks.asks_written`)."""
        return asks_written(self.text)

    @property
    def described(self) -> bool:
        """Does it ask how something is described ("How is the terrain described?")? The
        sentence describing it answers (`phrasing.DESCRIBED`)."""
        return bool(DESCRIBED.search(self.text))

    @property
    def kind_of(self) -> str:
        """The thing a fact question asks what kind of ("terrain" in "What kind of terrain …?",
        "Gelände" in "Welche Art von Gelände …?"): a sentence describing it answers; "" for none."""
        return sought.kind_of(self.text, self.kind, self.expects, self.focus)

    @property
    def align_words(self) -> tuple[str, ...]:
        """The focus words an answer should have a counterpart for (lower case, no numbers), at most 8."""
        return tuple(dict.fromkeys(w.lower() for w in self.focus if w.isalpha() and len(w) >= 3))[:8]


def _as_event(word: str, text: str) -> bool:
    """Is a stance noun an event the question dates something by ("What did Trump say during
    that argument?": the quarrel, a topic; not "What is Trump's argument?")?"""
    when = (
        r"(?:during|after|before|since|throughout|während|nach|seit)\s+"
        r"(?:(?:the|that|this|their|his|her|dem|der|des|diesem|dieser|diesen)\s+)?"
    )
    return bool(re.search(rf"\b{when}{re.escape(word)}\b", text, re.I))


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
        if is_title(t) or t in STANCE_NOUNS:
            continue
        out.append(t)
    return out


def as_typed(q: Question, typed: str) -> Question:
    """`q` read from `typed`, the question as the reader typed it, before names were re-cased
    ("wie viele länder schicken ihre militärchefs zu caine" is read with "Caine"): typed all
    in lower case, a German noun is not capitalised, and a number question counts the word
    after "wie viele" ("länder")."""
    lower = typed == typed.lower() and typed != typed.upper()
    if not lower:
        return q
    counted = q.measured or (measured(typed) if q.expects in ("number", "money") else None)
    return replace(q, typed_lower=True, measured=counted)


# the first of two German compounds that share their last part ("Staats- und Regierungschefs"):
# one group of people, named by the second, not two sides
_TRUNCATED = re.compile(r"\b[^\W\d_]+-\s+(?:und|oder|bzw\.|sowie)\s+(?=[^\W\d_])")


def analyse(text: str) -> Question:
    """The question on its own (no history): language, kind, expectation, focus.

    Keywords without a question ("Ukraine Sicherheitsgarantien") ask for an overview."""
    typed = question_word_mended(" ".join(text.split()))
    language = language_of(_TRUNCATED.sub("", typed))
    typed = topic_put_first(units_written_out(claim_asked(described_asked(idioms_plain(typed)), language), language))
    text = _TRUNCATED.sub("", typed)  # the rules read one group; the search keeps every word
    kind, expects = classify(text, language)
    named = kind_named(content_words(text)) if kind == "fact" and expects is None and is_keywords(text) else None
    if named:  # "ceasefire date": a date asked for
        expects = named[0]
    elif kind == "fact" and expects is None and is_keywords(text):
        kind = "overview"
    about = about_topic(text)  # "Erzähl mir was über Schmidt": about Schmidt, searched as "Schmidt"
    focus = tuple(dict.fromkeys(content_words(about or text)))
    # words that frame what is asked, no topic: "What kind of missiles …" asks for missiles
    frame = frame_words(text, kind, expects, focus) | ({named[1].lower()} if named else set())
    outlet = asks_source(text)
    reported = reporting_words(focus) if outlet else set()
    if outlet:  # "Welchem Medium hat er das gesagt?": the kind of outlet is what is asked, no topic
        frame |= {w.lower() for w in focus if OUTLET_NOUN_ASKED.fullmatch(w)}
    if len(focus) - len(reported) >= 2:
        # the topic finds the passage ("Wer hat über das Treffen der Generalstabschefs berichtet?");
        # without one ("Und wer hat das zuerst gemeldet?"), the report is all there is to find
        frame |= reported
    if frame:
        focus = tuple(w for w in focus if w.lower() not in frame)
    if kind in ("summary", "overview", "position") and asks_summary(text):  # "Fasse zusammen, was Trump sagt": Trump
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
    elif held and (
        actor is None or set(actor.split()) <= set(tokens(held[1])) or (held[0][1] in RELATIONS and held[0][0] in actor)
    ):
        role, actor = held  # an office, not a named person ("Meloni" stays the actor)
    sides = sides_of(text, focus) if kind == "comparison" else ()
    both = two_actors(text, actor, language) if kind == "position" and not role else ()
    if both:  # "Was sagen Rubio und Hegseth?": what each says, side by side
        kind, actor, sides = "comparison", None, both
    what = measured(text) if expects in ("number", "money") else None
    searched = without_articles_named(typed)  # "… im Artikel?": no topic to search for
    willing = kind == "overview" and asks_willing(text)
    return Question(
        text,
        language,
        kind,
        expects,
        focus,
        names,
        actor,
        sides,
        # an English question for an office searches its German word too
        query=f"{searched} {role[1].capitalize()}" if role and language == "en" else about or searched,
        measured=what,
        quote=quoted(text),
        role=role,
        role_country=nationality(role[0]) if role else (),
        items=WILLING_ITEMS if willing else list_kind(text),
        outlet=outlet,
        source=named_source(text),
        condition=asks_condition(text),
        difficulty=kind == "reason" and asks_difficulty(text),
        cause=kind == "reason" and asks_cause(text),
        motive=asks_motive(text),
        refusal=asks_refusal(text),
        willing=willing,
        part=asks_part(text),
        what_about=asks_what_about(text),
        actual=asks_actual(text),
        upcoming=asks_next(text),
        future=expects in ("date", "place") and asks_future(text),
        outcome=asks_outcome(text),
        next_of=next_event(text, language) if asks_next(text) else "",
        ends=asks_end(text),
        leader=expects == "person" and asks_leader(text),
        head_of=asks_head_of(text) if expects == "person" else (),
        identity=asks_identity(text) if kind == "fact" and not role else "",
        who_said=kind == "fact" and expects == "person" and asks_who_said(text),
    )


def _before_name(text: str, actor: str | None) -> str:
    """The word right before the actor's name in the question, typed in lower case: a first
    name or a title no capital marks ("olaf scholz", "kanzler scholz"); "" for none."""
    first = (actor or "").split()[:1]
    m = re.search(rf"\b([a-zäöüß]+)\s+{re.escape(first[0])}\b", text) if first else None
    return m.group(1) if m and m.group(1) not in ENGLISH_STOP and m.group(1) not in GERMAN_STOP else ""
