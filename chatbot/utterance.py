"""What of a reader's message is the question: greetings, thanks and "I have a question"
are not part of it, and a shouted question is read like a written one.

    core("Hallo! Ich hätte eine Frage: Was sagt Macron? Danke!")   # "Was sagt Macron?"
    core("WAS SAGT RUBIO ÜBER DIE NATO?")                          # "was sagt rubio über die nato?"
    core("whats trumps view")                                      # "what is trumps view"

A message that is nothing but pleasantries ("Danke!") stays as it is: it has no question,
and the bot says so. A question in another language ("Que dit Macron ?") is named as such
(`other_language`): the bot reads German and English.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ingest.analyze import ENGLISH_STOP, GERMAN_STOP

_SEGMENT_END = re.compile(r"(?<=[.!?:])\s+")
_PLEASANTRY = (
    r"hallo|hello|hi|hey|moin|servus|grüß gott|guten (?:morgen|tag|abend)|good (?:morning|afternoon|evening)|"
    r"danke(?: schön| sehr| dir| euch)?|vielen dank|besten dank|thanks?(?: a lot| so much)?|thank you(?: so much)?|"
    r"cheers|bitte|please|ok|okay|super|prima|gut|great|"
    r"(?:ich (?:hätte|habe) )?(?:noch |mal )?(?:eine|ne) (?:kurze )?frage|"
    r"(?:i have |i've got )?(?:one more|another|a quick|a|one) question|quick question|"
    r"(?:liebe|viele|beste) grüße|lg|gruß|regards|best"
)
# a segment that is only a pleasantry ("Hallo!", "Ich hätte eine Frage:", "Thanks!")
_ONLY_PLEASANTRY = re.compile(rf"^(?:{_PLEASANTRY})(?:\s*(?:,|und|and)?\s*(?:{_PLEASANTRY}))*\s*[!.,:;)]*$", re.I)
# a greeting before the question in the same segment ("Hallo, was sagt Rubio?")
_LEADING_GREETING = re.compile(r"^(?:hallo|hello|hi|hey|moin|servus|guten (?:morgen|tag|abend))\s*[,!]\s*", re.I)
# thanks after the question in the same segment ("Was sagt Rubio, danke?")
_TRAILING_THANKS = re.compile(r"\s*,\s*(?:danke(?: schön)?|thanks?|thank you|bitte|please)\s*(?=[?!.]*$)", re.I)
_SHOUTING_SHARE = 0.8  # this share of the letters upper case: the question is shouted


def only_pleasantries(text: str) -> bool:
    """Is the message nothing but greetings and thanks ("Hallo!", "Danke", "Thanks a lot")?"""
    parts = [p for p in _SEGMENT_END.split(text.strip()) if p]
    return bool(parts) and all(_ONLY_PLEASANTRY.match(p) for p in parts)


def core(text: str) -> str:
    """The question in `text`, without greetings and thanks, not shouted."""
    parts = [p for p in _SEGMENT_END.split(text.strip()) if p]
    kept = [p for p in parts if not _ONLY_PLEASANTRY.match(p)]
    if not kept:
        return text.strip()
    out = " ".join(kept)
    out = _LEADING_GREETING.sub("", out)
    out = _TRAILING_THANKS.sub("", out)
    return unshout(_CONTRACTED.sub(lambda m: f"{m.group(1)} is", out))


# a question word and "is" typed without the apostrophe ("whos Leavitt", "whats the plan")
_CONTRACTED = re.compile(r"\b(who|what|where|when|why|how)s\b(?!\s+(?:been|got)\b)", re.I)


def unshout(text: str) -> str:
    """A question in capitals ("WAS SAGT RUBIO?") in lower case, as a reader types it in a
    hurry (names in lower case are found as well); a question that is not shouted stays as
    it is."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 8 or sum(c.isupper() for c in letters) < _SHOUTING_SHARE * len(letters):
        return text
    return text.lower()


def names_recased(text: str, names: Callable[[str], bool]) -> str:
    """A question typed in lower case with the words `names` knows as names capitalised
    ("what weapons does zelensky want" -> "… Zelensky …"; "What did hodges tell the RND" ->
    "… Hodges …"), so that it reads like a typed one. Its first word and words in capitals
    ("RND", "NATO") may be capitalised; a question with any other capitalised word stays as
    it is."""
    later = _WORDS.findall(text)[1:]
    if any(w[0].isupper() and not w.isupper() for w in later):
        return text
    return re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize() if names(m.group()) else m.group(), text)


# function words of other languages that German and English questions do not use
_OTHER_WORDS = {
    "French": set(
        "le les du que qui quoi est sont une pour sur avec dans pas ce cette il elle nous vous ils comment "
        "pourquoi quel quelle quels quelles dit et au aux ou où".split()
    ),
    "Spanish": set(
        "el los las del qué que por para con una está están cómo cuál cuáles dice y según sobre porqué".split()
    ),
    "Italian": set("il gli della delle che perché cosa sono è di con una dice come sulla sul quale quali".split()),
}
_WORDS = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[а-яА-ЯёЁіІїЇєЄґҐ]")


def other_language(text: str) -> str | None:
    """The language of a question that is neither German nor English ("French" for "Que
    dit Macron sur les garanties ?", "Ukrainian or Russian" for Cyrillic), else None. Names
    and single borrowed words do not make a question foreign: it takes at least two
    function words of one language, and more of them than of German and English."""
    letters = [c for c in text if c.isalpha()]
    if letters and sum(bool(_CYRILLIC.match(c)) for c in letters) > len(letters) / 2:
        return "Ukrainian or Russian"
    ws = [w.lower() for w in _WORDS.findall(text)]
    ours = sum(w in GERMAN_STOP or w in ENGLISH_STOP for w in ws)
    best = max(_OTHER_WORDS, key=lambda lang: sum(w in _OTHER_WORDS[lang] for w in ws))
    n = sum(w in _OTHER_WORDS[best] for w in ws)
    return best if n >= 2 and n > ours else None
