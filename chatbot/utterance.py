"""What of a reader's message is the question: greetings, thanks and "I have a question"
are not part of it, and a shouted question is read like a written one.

    core("Hallo! Ich hätte eine Frage: Was sagt Macron? Danke!")   # "Was sagt Macron?"
    core("WAS SAGT RUBIO ÜBER DIE NATO?")                          # "was sagt rubio über die nato?"

A message that is nothing but pleasantries ("Danke!") stays as it is: it has no question,
and the bot says so.
"""

from __future__ import annotations

import re

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


def core(text: str) -> str:
    """The question in `text`, without greetings and thanks, not shouted."""
    parts = [p for p in _SEGMENT_END.split(text.strip()) if p]
    kept = [p for p in parts if not _ONLY_PLEASANTRY.match(p)]
    if not kept:
        return text.strip()
    out = " ".join(kept)
    out = _LEADING_GREETING.sub("", out)
    out = _TRAILING_THANKS.sub("", out)
    return unshout(out)


def unshout(text: str) -> str:
    """A question in capitals ("WAS SAGT RUBIO?") in lower case, as a reader types it in a
    hurry (names in lower case are found as well); a question that is not shouted stays as
    it is."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 8 or sum(c.isupper() for c in letters) < _SHOUTING_SHARE * len(letters):
        return text
    return text.lower()
