"""The words of a question to translate into the corpus's German: an English question's
content words and pairs of neighbouring ones, and the English words a German question
borrows ("Was ist mit Air Support gemeint?").

    phrases("Who is the Secretary of Defense?")     # ["secretary", "defense", "defense secretary"]
    english_in_german("Was ist mit Air Support gemeint?", index)   # ["air", "support", "air support"]
"""

from __future__ import annotations

import itertools
import re

from chatbot import dictionary
from chatbot.known import is_known
from chatbot.translate import english_glosses
from ingest.analyze import ENGLISH_STOP, GERMAN_STOP, words
from ingest.store import IndexData

MAX_PHRASES = 8

_POSSESSIVE = re.compile(r"(?<=\w)['’]s?$")


def phrases(question: str) -> list[str]:
    """Content words of the question and the pairs of neighbouring content words; two words
    joined by "of" in the order of the compound they make ("Secretary of Defense": "defense
    secretary", as German "Verteidigungsminister")."""
    every = [_POSSESSIVE.sub("", w) for w in words(question)]  # "Zakharova's" is "Zakharova"
    kept = [i for i, w in enumerate(every) if w not in ENGLISH_STOP and len(w) > 2 and not w[0].isdigit()]
    ws = [every[i] for i in kept]
    pairs = [
        f"{every[j]} {every[i]}" if j == i + 2 and every[i + 1] == "of" else f"{every[i]} {every[j]}"
        for i, j in itertools.pairwise(kept)
    ]
    return list(dict.fromkeys(ws + pairs))[:MAX_PHRASES]


# words that join English words into one phrase ("Secretary of Defense", "Boots on the Ground")
_JOINING = frozenset("of on the in for and".split())


def english_in_german(text: str, index: IndexData) -> list[str]:
    """The English phrases a German question borrows ("Was ist der Deal mit den Rare Earths?":
    "rare earths"; "Was ist mit Air Support gemeint?": "air support"), each a run of words
    the articles never use that the dictionary knows as English only, to be translated
    as an English question's are (`phrases`)."""
    runs: list[list[str]] = [[]]
    for w in words(text):
        borrowed = (
            not w[0].isdigit()
            and w not in GERMAN_STOP
            and w not in ENGLISH_STOP
            and not is_known(w, index)
            and bool(english_glosses(w))
            and not dictionary.english(w)
        )
        if borrowed or (w in _JOINING and runs[-1]):
            runs[-1].append(w)
        elif runs[-1]:
            runs.append([])
    out = []
    for run in runs:
        while run and run[-1] in _JOINING:
            run.pop()
        if run:
            out.extend(phrases(" ".join(run)))
    return list(dict.fromkeys(out))
