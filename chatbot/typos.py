"""Names as the reader typed them, read as the articles spell them.

    names_recased("was will selenskyj", lambda w: is_name(w, people))   # "was will Selenskyj"
    fixes = mistyped(index, q, word_vectors)                             # {"Macorn": "Macron"}
    read_as("Was sagt Macorn?", fixes)                                   # "Was sagt Macron?"
    as_written("wo ham sich die aussenminister getroffen", index)        # "… haben … außenminister …"
    with_reading(answer, fixes)                                          # notes „Macorn“ → „Macron“

Only a person the articles name is read into a mistyped name, never someone else ("Martin
Schulz" has a first name the articles never use: he is not "Olaf Scholz").
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np

from chatbot import dictionary, places
from chatbot.answer import Answer
from chatbot.known import is_known
from chatbot.language import language_of
from chatbot.question import Question
from chatbot.speakers import known_people
from chatbot.spellings import edit_distance, name_key, typo_fixes
from chatbot.translate import translate
from chatbot.words import is_stop, is_title
from ingest.analyze import GERMAN_STOP, stem
from ingest.store import IndexData


def is_name(word: str, people: frozenset[str]) -> bool:
    """Is a lower-case word the surname of someone the articles name, or a place ("zelensky",
    "moskau")? Short words are not read as names ("us", "eu")."""
    low = word.lower()
    return len(low) > 2 and not is_stop(low) and (stem(places.EXONYMS.get(low, low)) in people or low in places.EXONYMS)


def near_person(word: str, index: IndexData) -> bool:
    """Is a lower-case word one the articles never use and no dictionary knows, spelled one
    letter off the surname of a person they name ("selenski": "Selenskyj", "makron":
    "Macron")? It is then read as a name, and `mistyped` reads it as theirs. Short words
    are not ("trum")."""
    low = word.lower()
    if len(low) < 5 or is_stop(low) or low in index.vocab:
        return False
    key = name_key(stem(low))
    if not any(first == key[:1] and edit_distance(key, k) <= 1 for first, k in _name_keys(index)):
        return False
    bases = {low, low[:-1] if low.endswith("s") else low, low[:-2] if low.endswith("es") else low}
    return not any(dictionary.glosses(b) or dictionary.english(b) or dictionary.verb_forms(b) for b in bases)


def _name_keys(index: IndexData) -> frozenset[tuple[str, str]]:
    """The first letter and spelling key (`name_key`) of the surname of everyone the corpus
    names, built once."""
    cached = index.__dict__.get("_name_keys")
    if cached is None:
        cached = index.__dict__["_name_keys"] = frozenset((p[:1], name_key(p)) for p in known_people(index))
    return cached


# German typed without umlauts or ß ("aussenminister", "ueber"), each spelled the articles' way
_PLAIN = re.compile(r"ss|ae|oe|ue", re.I)
_SPELLED = {"ss": "ß", "ae": "ä", "oe": "ö", "ue": "ü"}
_PLAIN_WORD = re.compile(r"\b\w*(?:ss|ae|oe|ue)\w*\b", re.I)


def as_written(text: str, index: IndexData) -> str:
    """A German question as written: a word typed without umlauts or ß ("aussenminister",
    "fuer") spelled as the articles spell it ("außenminister", "für"), when the articles never
    use the word as typed and do use one spelling of it; a word typed as spoken ("ham",
    "gibts") as written ("haben", "gibt es"); every other word as typed. Another language's
    question stays as it is."""

    def spelled(m: re.Match[str]) -> str:
        word = m.group(0)
        low = word.lower()
        if low in index.vocab or len(low) > 40:
            return word
        spots = list(_PLAIN.finditer(low))[:4]
        for mask in range(1, 2 ** len(spots)):
            out, at = [], 0
            for i, spot in enumerate(spots):
                if mask >> i & 1:
                    out.append(low[at : spot.start()] + _SPELLED[spot.group(0)])
                    at = spot.end()
            candidate = "".join(out) + low[at:]
            if candidate in index.vocab or candidate in GERMAN_STOP:
                return candidate.capitalize() if word[:1].isupper() else candidate
        return word

    if language_of(text) != "de":  # "gross" stays English
        return text
    return _SPOKEN_WORD.sub(lambda m: _WRITTEN[m.group(0).lower()], _PLAIN_WORD.sub(spelled, text))


# German typed as it is spoken ("wo ham sich die Europäer getroffen", "gibts", "wieviele"), as written
_WRITTEN = {
    "ham": "haben",
    "hamse": "haben sie",
    "gibts": "gibt es",
    "gibt's": "gibt es",
    "wieviel": "wie viel",
    "wieviele": "wie viele",
    "nen": "einen",
    "is": "ist",
    "nich": "nicht",
    "nix": "nichts",
    "grad": "gerade",
}
_SPOKEN_WORD = re.compile(r"(?<![\w'])(?:" + "|".join(map(re.escape, _WRITTEN)) + r")(?![\w'])", re.I)


TYPO_SIMILARITY = 0.7  # lexicon words this close to a name are checked as its mistyping


def unknown_first_name(text: str, surname: str, index: IndexData) -> bool:
    """Is `surname` preceded by a first name the corpus never mentions? Then it is someone
    else ("Martin Schulz"), not a mistyped name of the corpus ("Olaf Scholtz")."""
    m = re.search(rf"\b([A-ZÄÖÜ][a-zäöüß]+)\s+{re.escape(surname)}\b", text)
    if m is None:
        return False
    first = m.group(1)
    return not is_title(first) and not is_stop(first) and not is_known(first, index)


def read_as(question: str, fixes: dict[str, str]) -> str:
    """The question with each mistyped name replaced by the corpus's spelling (also where it
    is typed in lower case: "selenski")."""
    for wrong, right in fixes.items():
        question = re.sub(rf"\b{re.escape(wrong)}\b", right, question, flags=re.I)
    return question


def with_reading(answer: Answer, fixes: dict[str, str]) -> Answer:
    """The answer with a note saying how the mistyped names were read."""
    read = ", ".join(f"„{a}“ → „{b}“" if answer.language == "de" else f'"{a}" → "{b}"' for a, b in fixes.items())
    note = f"Gelesen als: {read}" if answer.language == "de" else f"Read as: {read}"
    return replace(answer, note=f"{note}. {answer.note}".strip() if answer.note else note)


def mistyped(index: IndexData, q: Question, vec_of: dict[str, np.ndarray]) -> dict[str, str]:
    """The question's names that the corpus never mentions but that are the name of a
    person it names, mistyped (their nearest lexicon words, `spellings.typo_fixes`)."""
    # "Hegset" is known by its prefix ("hegseth") but names no one: spelled unlike the corpus
    unknown = [n for n in q.names if n.lower() in vec_of and n.isalpha() and not is_known(n, index, prefix=False)]
    unknown = [n for n in unknown if not unknown_first_name(q.text, n, index)]
    if not unknown:
        return {}
    vecs = np.array([vec_of[n.lower()] for n in unknown])
    near = translate(index, [n.lower() for n in unknown], vecs, threshold=TYPO_SIMILARITY, per_phrase=3)
    # only a person's name (in any spelling: "zelensky" for "Selenskyj") is read as mistyped
    people = known_people(index)
    keys = {name_key(p) for p in people}
    near = {n: [f for f in forms if stem(f) in people or name_key(stem(f)) in keys] for n, forms in near.items()}
    return typo_fixes(unknown, near)
