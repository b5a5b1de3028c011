"""Follow-ups: does a question continue the last one, and what does it then ask?

    q = resolve("Und was sagt Scholz?", ["Was sagt Macron zur Friedenstruppe?"])
    q.actor, q.query       # 'Scholz', 'Und was sagt Scholz? Friedenstruppe'

A follow-up that names a new actor keeps the last question's topic and replaces its
focus ("Und was sagt Scholz?" after Macron); one that points back ("Warum?", "Was meint
er damit?") inherits the last question's focus and actor. A self-contained question
stands alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from chatbot import places
from chatbot.actors import named_actor
from chatbot.asks import asks_pronoun_speaker, asks_what_about
from chatbot.ordinals import DECLINED, ORDINAL, ORDINAL_ROOTS
from chatbot.phrasing import asks_more, asks_reason
from chatbot.places import country_of
from chatbot.question import Question, analyse
from chatbot.stances import STANCE_WORD
from chatbot.words import is_keywords

_FOLLOW_START = re.compile(
    r"^(?:und|aber|also|and|but|so|what about|how about|und was|und wie|und warum|und wer|und wann)\b|"
    r"^(?:(?:warum|wieso|weshalb|why)(?:\s+(?:not|nicht))?|how so|wie das)\s*\??$",
    re.I,
)
_BACK_REFERENCE = re.compile(
    r"\b(?:dazu|darüber|davon|daran|dafür|dagegen|damit|dabei|deren|dessen|er|ihm|ihn|ihr|ihnen|dies|diese|"
    r"seine|seinen|seinem|seiner|seines|ihre|ihren|ihrem|ihrer|ihres|"
    r"dieser|dieses|diesen|dort|damals|das|it|its|they|them|their|he|him|his|she|her|that|this|these|those|"
    r"there|instead|stattdessen)\b",
    re.I,
)


# German capitalises every noun: these endings make a word a thing, not someone who speaks
# ("Sicherheitsgarantien?" after "Was fordert Hodges?" asks Hodges about guarantees)
_NOUN_ENDING = re.compile(
    r"(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|tät|täten|ismus|nahme|nahmen|"
    r"garantie|garantien|truppe|truppen|einsatz|einsätze|frage|fragen|mission|missionen)$",
    re.I,
)


# who the last question's person is ("And who is he?", "Und wer ist das?"): as if asked by name
_WHO_IS_THAT = re.compile(
    r"^(?:and\s+|but\s+|so\s+|und\s+|aber\s+|also\s+)?(who\s+is|who's|who\s+was|wer\s+ist|wer\s+war)\s+"
    r"(?:he|she|that|this|him|er|sie|das|dies|der|die|dieser|diese)\s*[?.!]*$",
    re.I,
)


# who holds an office ("Wer ist der Nato-Generalsekretär?", "Who is the US Secretary of State?"): the office
_WHO_HOLDS = re.compile(
    r"^(?:und\s+|and\s+)?(?:(?:wer|who)\s+(?:ist|war|is|was)|wie\s+hei(?:ß|ss)t|what(?:'s|\s+is)\s+the\s+name\s+of)\s+"
    r"(.+?)\s*[?.!]*$",
    re.I,
)


# a person a follow-up points back to ("Is he a general?", "Was verlangt er?", "seine Koalition"); not
# "sie"/"ihr", which are also "they", nor "sein", also "to be"
_PERSON_PRONOUN = re.compile(
    r"\b(?:he|him|his|she|her|hers|himself|herself|er|ihm|ihn|seine|seinen|seinem|seiner|seines)\b", re.I
)


# a new topic for the last question's speaker ("Und über die Front?" after "Was hat Macron über die
# Verhandlungen gesagt?", "And on Crimea?"): what follows is a thing, not a new speaker
_ON_NEW_TOPIC = re.compile(r"^(?:und|aber|and|but)\s+(?:über|zu|zur|zum|von|vom|bezüglich|about|on|regarding)\b", re.I)
# how a follow-up relates its new person to the last one ("Und sein Kollege Waltz?", "And his counterpart?")
_RELATED = frozenset("kollege kollegin kollegen amtskollege amtskollegin colleague counterpart".split())


def _unrelated(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w for w in words if w.lower() not in _RELATED)


def _own_thing(word: str, language: str) -> bool:
    """Is `word` a thing a follow-up asks about, not how someone speaks of it: a German noun
    ("Einheit", not "sprechen"), or any English word but a verb of saying ("guarantee")."""
    return not STANCE_WORD.match(word) and (language == "en" or word[:1].isupper())


def _common_noun(word: str) -> bool:
    return bool(_NOUN_ENDING.search(word))


def is_follow_up(q: Question, previous: Question) -> bool:
    """Does `q` continue `previous`? Short, starting with "Und …", or pointing back."""
    if q.kind in ("meta", "summary"):
        return False
    if q.kind == "empty":  # "Und was sagt er dazu?", "And then?": no words of its own, all from the last one
        return bool(_FOLLOW_START.search(q.text) or asks_pronoun_speaker(q.text) or _BACK_REFERENCE.search(q.text))
    n_words = len(q.text.split())
    if _FOLLOW_START.search(q.text) or asks_pronoun_speaker(q.text) or _ELSE.search(q.text):
        return True
    if n_words <= 4 and not (q.kind == "position" and q.actor and len(q.focus) > 1):
        return True
    if n_words <= 6 and _names_nothing_new(q, previous):
        return True  # "What was the meeting for?" after "Where did European leaders meet on Sunday?"
    return bool(_BACK_REFERENCE.search(q.text) or _ONE_OF_THOSE.search(q.text)) and len(q.focus) <= 3


def _names_nothing_new(q: Question, previous: Question) -> bool:
    """Does `q` name only what the last question named (a word of the same root: "meeting",
    "meet")? It asks more about the same thing."""
    last = [w.lower() for w in previous.all_focus]
    own = [w.lower() for w in q.focus]
    return bool(own) and all(any(_same_root(w, v) for v in last) for w in own)


def _same_root(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and (short == long or (len(short) >= 4 and len(long) - len(short) <= 3))


# an ordinal standing for a noun, one of the things the last question listed ("Was wäre der
# Nachteil der zweiten?", "What about the second one?")
_ONE_OF_THOSE = re.compile(
    rf"\b(?:der|die|das|den|dem|des)\s+(?:{ORDINAL_ROOTS}|letzt){DECLINED}\b(?!\s+(?-i:[A-ZÄÖÜ]))|"
    r"\bthe\s+(?:first|second|third|fourth|fifth|last)(?:\s+one)?\s*[?.!]*$",
    re.I,
)


# what else there is besides what the last question asked ("What else is being considered?", "Was
# wird sonst noch diskutiert?", "Wer noch?"): more of the same topic, as a list
_ELSE = re.compile(
    r"^(?:and\s+|und\s+)?(?:what|who|which|where|was|wer|welche\w*|wo)\s+else\b|\bsonst\s+noch\b|"
    r"^(?:und\s+)?(?:was|wer|wo)\s+noch\b",
    re.I,
)


# what "it" is about, asked after a question ("What is it about?" after "What is Truth Social?"): more on
# the last question's thing; asked first, it asks what the articles are about
_WHAT_IT_IS_ABOUT = re.compile(
    r"^(?:and\s+|und\s+|so\s+)?(?:what(?:['’]s|\s+is)\s+it\s+(?:all\s+)?about|worum\s+geht\s+es\s+(?:da|dabei|darin|dort))"
    r"\W*$",
    re.I,
)


def resolve(text: str, history: Sequence[str] = ()) -> Question:
    """Analyse `text`, continuing the last question of `history` when it is a follow-up."""
    q = analyse(text)
    if not history:
        return q
    previous = resolve(history[-1], history[:-1])
    if (asks_more(q.text) or _WHAT_IT_IS_ABOUT.match(q.text)) and previous.kind not in ("empty", "meta"):
        # "Tell me more" after "What did Hodges say?": what the articles hold on the same thing
        kind = previous.kind if previous.kind == "summary" else "overview"
        return replace(previous, text=q.text, kind=kind, expects=None, follow_up=True)
    if not is_follow_up(q, previous):
        return q
    # "Und sein Kollege Waltz?": how the new person relates to the last is no name and no topic
    q = replace(q, focus=_unrelated(q.focus), names=_unrelated(q.names))
    person = previous.actor or named_actor(previous.text, previous.language)  # whom the last question was about
    # whom "he" or "his" means: the last question's person, or the one it pointed back to
    referent = (person or previous.referent) if _PERSON_PRONOUN.search(q.text) else ""
    who = _WHO_IS_THAT.match(q.text)
    if who and person:  # "And who is he?" after "What does Ischinger warn about?": "Who is Ischinger?"
        asked = analyse(f"{who.group(1)} {person}?")
        return replace(asked, text=q.text, language=q.language, follow_up=True)
    pronoun = asks_pronoun_speaker(q.text)  # "Was meint er …": the last question's actor speaks
    speaker = person if pronoun else None
    # "Und was hat er in Washington signalisiert?" after "Wer ist der Nato-Generalsekretär?": the
    # office's holder speaks (not Washington)
    office = _WHO_HOLDS.match(previous.text) if pronoun and not speaker and previous.role else None
    holder = office.group(1) if office else None  # "der Nato-Generalsekretär"
    speaker = holder or speaker
    # "er" stays the last question's person: a German noun beside it is a thing ("An welcher Uni lehrt er?")
    same_person = bool(pronoun) or (q.language == "de" and bool(_PERSON_PRONOUN.search(q.text)))
    asked_actor = (q.actor or "").split()  # "Was sagt Trump zu seiner Forderung?": Trump is new all the same
    on_topic = bool(_ON_NEW_TOPIC.match(q.text)) and previous.kind == "position" and bool(previous.actor)
    fresh = [n for n in q.names if n not in previous.all_focus and not _common_noun(n) and not on_topic]
    new_names = [n for n in fresh if n in asked_actor or not same_person]
    # a country named anew ("And the US?" after Britain and France) replaces the countries before
    new_countries = [] if pronoun else [w for w in q.focus if w not in previous.all_focus and country_of(w)]
    new_names += [w for w in new_countries if w not in new_names]
    if new_names:
        # a new actor or thing replaces the previous actor (or, in English, names); the topic stays
        old = set((previous.actor or "").split()) or (set(previous.names) if previous.language == "en" else set())
        if new_countries:
            old |= {w for w in previous.all_focus if country_of(w)}
        topic = [w for w in previous.all_focus if w not in old and w not in q.focus]
        # … and a place or person it was asked about stays asked ("And Scholz?" after "What did
        # Macron say about Crimea?": Scholz on Crimea)
        inherited: tuple[str, ...] = tuple(
            w for w in topic if w in previous.names and places.EXONYMS.get(w.lower(), w.lower()) in places.PLACES
        )
    elif on_topic:  # "Und über die Front?": the same speaker on a new thing, not on the last one
        topic = [w for w in (previous.actor or "").split() if w not in q.focus]
        inherited = tuple(topic)
    elif pronoun and speaker and any(_own_thing(w, q.language) for w in q.focus):
        # "And what does he consider the best guarantee?": his words on a thing of its own, not the last topic
        topic = [w for w in speaker.split() if w not in q.focus]
        inherited = tuple(topic)
    else:
        topic = [w for w in previous.all_focus if w not in q.focus]
        if any(ORDINAL.match(w) for w in q.focus):  # "Und die zweite?" after "die erste Variante": not the first
            topic = [w for w in topic if not ORDINAL.match(w)]
        inherited = tuple(topic)
    if holder:  # the office is who speaks, not a topic its words must be quoted with
        topic = [w for w in topic if w not in holder.split()]
        inherited = tuple(topic)
    kind, expects = q.kind, q.expects
    if kind == "empty":  # what "er" says, or the same kind of thing as the last question
        kind, expects = ("position", None) if pronoun else (previous.kind, previous.expects)
    # "Und in Europa?" asks the same kind of thing; "Und worüber wollen sie reden?" asks what about
    asks_same = (kind == "fact" and expects is None and not asks_what_about(q.text)) or is_keywords(q.text)
    same = asks_same and len(q.focus) <= 1 and not asks_reason(q.text)
    if same:
        kind, expects = previous.kind, previous.expects  # "Und in Europa?" asks the same kind of thing
    if _ELSE.search(q.text) and q.kind == "fact" and q.expects is None:  # what else: the rest, as a list
        kind, expects = "overview", None
    actor = q.actor or (previous.actor if not new_names else None)
    if pronoun:  # "Und was hält er von …?" after "Wer ist Mark Rutte?": Rutte speaks
        actor = speaker or actor
    if kind == "position" and not actor and new_names:
        actor = " ".join(new_names[:2])
    query = " ".join([q.text, *topic, *([holder] if holder else [])])
    if not new_names and previous.actor and previous.actor not in query:
        query = f"{query} {previous.actor}"
    sides = q.sides or (previous.sides if kind == "comparison" else ())
    # "Und warum?" after an office asks the office; "Wer hat das veröffentlicht?" asks for an outlet
    role = q.role or (previous.role if (actor == previous.actor or bool(holder)) and not q.outlet else ())
    return replace(
        q,
        kind=kind,
        expects=expects,
        actor=actor,
        sides=sides,
        query=query,
        follow_up=True,
        inherited=inherited,
        role=role,
        role_country=q.role_country if q.role else previous.role_country if role else (),
        referent=referent,
        # "Und Deutschland?" after "Welche Länder sind bereit …?": who is willing, again
        willing=q.willing or (same and previous.willing),
        items=q.items or (previous.items if same and previous.willing else None),
    )
