"""When a question asks about: what is so now ("derzeit", "already"), what came of an event,
the next time something happens, something still to come, when something ends or how long
it lasts. A quote on another time is no answer to it.

    asks_actual("Wie viele Soldaten hat die Armee derzeit?")        # True
    asks_future("Where will Trump, Putin and Zelensky meet?")      # True
    next_event("When is the next NATO summit?", "en")              # "summit"
    asks_end("Wie lange dauern die Verhandlungen?")                 # "duration"

Like `asks.py`, these patterns only read the question; they never decide an answer.
"""

from __future__ import annotations

import re

from chatbot.words import NEXT_WORDS, is_stop

# what is so now or has happened so far ("Wie viele Soldaten hat die Armee derzeit?", "How many
# NATO soldiers are already in Ukraine?"): what could or would be is no answer to it
_ACTUAL = re.compile(
    r"\b(?:derzeit|derzeitig\w*|aktuell\w*|zurzeit|momentan\w*|gegenwärtig\w*|bisher|bislang|bereits|schon|"
    r"heute|heutzutage|jetzt|currently|current|today|nowadays|so\s+far|already|at\s+(?:the\s+)?moment|right\s+now|to\s+date|as\s+of\s+now)\b",
    re.I,
)


def asks_actual(text: str) -> bool:
    """Does the question ask what is so now, or has happened so far ("derzeit", "bisher", "already")?"""
    return bool(_ACTUAL.search(text))


# what came of an event ("Was kam beim Treffen heraus?", "What was the outcome of the summit?"):
# an event the articles call possible or still to come has none yet
_OUTCOME = re.compile(
    r"\b(?:outcome\w*|results?|ergebnis\w*|resultat\w*|herausgekommen|heraus|came\s+out\s+of|come\s+out\s+of)\b",
    re.I,
)


def asks_outcome(text: str) -> bool:
    """Does the question ask what came of an event ("outcome", "Ergebnis", "herausgekommen")?"""
    return bool(_OUTCOME.search(text))


# the next time something happens ("Wann findet das nächste Treffen statt?", "Where will the next
# summit take place?", "When will the leaders meet again?"): an account of the last one is no answer to it
_NEXT = re.compile(rf"\b(?:{NEXT_WORDS})\b|^(?:and\s+|und\s+)?(?:when|wann)\b.*\b(?:again|wieder|erneut)\b", re.I)


# when or where something still to come will happen ("Wann wird die Koalition ihre Truppen entsenden?", "When
# will the force deploy?", "Where will they meet?"): a date or place of something past is no answer
_WHEN_FUTURE = re.compile(
    r"^(?:und\s+|and\s+)?(?:(?:wann|wo)\s+(?:wird|werden|soll|sollen)|"
    r"(?:when|where)\s+(?:will|shall|(?:is|are)\s+.{1,60}?\s+going\s+to))\b",
    re.I,
)


# where, with a participle at the end: "werden" makes a passive of what is done there now, no
# future ("Wo werden Themen wie Abtreibung geregelt?"); "Wann wird der Entwurf vorgelegt?" asks ahead
_WHERE_PASSIVE = re.compile(r"^(?:und\s+)?wo\b.*\b(?:ge|\w+ge)\w+(?:t|en)\W*$", re.I)


def asks_future(text: str) -> bool:
    """Does the question ask when or where something still to come will happen?"""
    return bool(_WHEN_FUTURE.search(text)) and not _WHERE_PASSIVE.search(text)


def asks_next(text: str) -> bool:
    """Does the question ask about the next or upcoming time something happens?"""
    return bool(_NEXT.search(text))


_NEXT_WORD = re.compile(rf"^(?:{NEXT_WORDS})$", re.I)


def next_event(text: str, language: str) -> str:
    """What the question asks the next of, the head of the words after "next" ("summit" in
    "When is the next NATO summit?", "talks" in "the next round of talks", "Gipfel" in "der
    nächste Nato-Gipfel"); "" for none. Only a quote on that event answers it."""
    toks = re.findall(r"[\w\-]+", text)
    at = next((i for i, t in enumerate(toks) if _NEXT_WORD.match(t)), None)
    if at is None:
        return ""
    phrase: list[str] = []
    for t in toks[at + 1 : at + 4]:
        if is_stop(t) or (language == "de" and phrase and not t[:1].isupper()):
            break  # German: the noun ends the phrase ("der nächste Nato-Gipfel statt")
        phrase.append(t)
    rest = toks[at + 1 + len(phrase) :]
    if phrase and len(rest) >= 2 and rest[0].lower() in ("of", "der", "von") and not is_stop(rest[1]):
        phrase.append(rest[1])  # "the next round of talks": talks
    return phrase[-1].split("-")[-1] if phrase else ""


# when something ends ("Wann endet der Stopp der Waffenlieferungen?", "When will the war end?") or how
# long it lasts ("Wie lange dauern die Verhandlungen?"): when it began or was announced is no answer
_END = re.compile(
    r"\bwann\s+(?:endet|enden|endete|ist\s+\w+\s+vorbei|läuft|laufen)\b|\bbis\s+wann\b|"
    r"\bwhen\s+(?:will|does|did|would|do)\b.*\b(?:end|be\s+over|be\s+lifted|expire)\W*$|\buntil\s+when\b",
    re.I,
)
_HOW_LONG = re.compile(r"\bwie\s+lange\b|\bhow\s+long\b", re.I)


def asks_how_long(text: str) -> bool:
    """Does the question ask how long something lasts ("Wie lange …", "How long …")?"""
    return bool(_HOW_LONG.search(text))


def asks_end(text: str) -> str | None:
    """Does the question ask when something ends ("end"), or how long it lasts ("duration")?"""
    return "end" if _END.search(text) else "duration" if asks_how_long(text) else None
