"""Which language a question is in: German or English, by the question word it opens with,
its stop words, or the words the dictionary knows in one language only.

    language_of("Was sagt Rubio?")        # "de"
    language_of("rubio deterrence")       # "en"
"""

from __future__ import annotations

import re

from chatbot import dictionary
from ingest.analyze import ENGLISH_STOP, GERMAN_STOP, detect_language, words

# question words that open a question in one language only ("Welches Prinzip wurde in The Mask
# of Anarchy dargestellt?" is German, whatever the title's words; "What's …" is English)
_OPENS_GERMAN = re.compile(
    r"^\W*(?:und\s+)?(?:wer|wen|wem|wessen|wie|welche[mnrs]?|wann|wo|woher|wohin|warum|weshalb|wieso|wozu|womit|wor(?:an|auf|aus|über|um))\b",
    re.I,
)
_OPENS_ENGLISH = re.compile(r"^\W*(?:and\s+)?(?:who|whom|whose|what|which|when|where|why|how)(?:'s|s)?\b", re.I)
# a request that opens with its verb in one language only ("Quote Mick Ryan.": "Quote" is German
# for a quota; "Zitiere Macron.")
_REQUEST_GERMAN = re.compile(
    r"^\W*(?:bitte\s+)?(?:zitiere|zitier|nenne|erkläre|erklär|fasse|gib|zeige|zeig|beschreibe|liste)\s", re.I
)
_REQUEST_ENGLISH = re.compile(r"^\W*(?:please\s+)?(?:quote|tell|give|list|summari[sz]e|explain|describe|show)\s", re.I)


def language_of(text: str) -> str:
    """'de' or 'en' by the question word it opens with, else by stop words; keywords without
    any ("rubio deterrence") by the words the dictionary knows in one language only. A tie
    goes to German, the corpus language."""
    if _OPENS_GERMAN.search(text):
        return "de"
    if _OPENS_ENGLISH.search(text):
        return "en"
    if _REQUEST_GERMAN.search(text):
        return "de"
    if _REQUEST_ENGLISH.search(text):
        return "en"
    ws = words(text)
    if any(w in GERMAN_STOP or w in ENGLISH_STOP for w in ws):
        return detect_language(text)
    english = sum(1 for w in ws if dictionary.glosses(w) and not dictionary.english(w))
    german = sum(1 for w in ws if dictionary.english(w) and not dictionary.glosses(w))
    return "en" if english > german else "de"
