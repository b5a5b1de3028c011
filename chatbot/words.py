"""The words of a question: tokens, stop and question words, and what carries meaning.

tokens("Was sagt Hegseth's Ministerium?")   # ['Was', 'sagt', 'Hegseth', 'Ministerium']
content_words("Was ist das?")               # []
is_keywords("Ukraine Sicherheitsgarantien") # True: a search-box query, not a sentence
"""

from __future__ import annotations

import re

from ingest.analyze import ENGLISH_STOP, GERMAN_STOP

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*\s?%?|[^\W\d_][\w\-]*")

# question words and fillers that are never the focus of a question
_QUESTION_WORDS = set(
    """was wer wen wem wessen wann warum wieso weshalb weswegen wie wo wohin woher welche welcher welches
    welchem welchen womit wodurch wofür worüber worauf wovon worin wovor wozu woran worum wobei wogegen
    inwiefern ob und also eigentlich genau denn seiner ihrer seinen ihren seinem ihrem seines ihres
    bitte mal etwa what who whom whose when why how where which whether and so please exactly actually
    tell me explain describe gibt es there""".split()
)


def tokens(text: str) -> list[str]:
    """Words and numbers; a possessive "'s" is dropped ("Hegseth's" -> "Hegseth")."""
    return _TOKEN.findall(re.sub(r"[’']s\b", "", text))


def is_stop(word: str) -> bool:
    low = word.lower()
    return low in GERMAN_STOP or low in ENGLISH_STOP or low in _QUESTION_WORDS


def content_words(text: str) -> list[str]:
    """Words that carry meaning: not stop words, not question words, not one letter."""
    return [t for t in tokens(text) if not is_stop(t) and (len(t) > 1 or t[0].isdigit())]


def is_keywords(text: str) -> bool:
    """A search-box query rather than a sentence: a few words, none of them a question or
    stop word ("Trump", "Ukraine Sicherheitsgarantien")."""
    toks = tokens(text)
    return 0 < len(toks) <= 4 and all(not is_stop(t) for t in toks)
