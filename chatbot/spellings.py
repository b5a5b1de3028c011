"""How a name is spelled: the same person in another alphabet or language ("Zelensky",
"Selenskyj"), and a name typed one letter off ("Macorn").

    name_key("Zakharova")                  # "sacarova": the letters transliterations share
    spelling_variants(("Selenskyj",), near)  # {"Selenskyj": ("zelensky",)}
    typo_fixes(["Macorn"], near)           # {"Macorn": "Macron"}

Only a transliteration or a near-identical spelling counts, never a word that merely
looks alike.
"""

from __future__ import annotations

import re

NAME_ENDING = 4  # letters a form of a name may change at its end ("Technician" -> "techniker")


def begins_like(form: str, name: str) -> bool:
    """Does `form` share all of `name` but its last NAME_ENDING letters (four at least)?"""
    shared = next((i for i, (a, b) in enumerate(zip(form, name, strict=False)) if a != b), min(len(form), len(name)))
    return shared >= max(4, len(name) - NAME_ENDING) or shared == len(name)


def spelling_variants(names: tuple[str, ...], found: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    """For a German question's names, the corpus's other spellings of the same name
    (`found`: each name's lexicon neighbours): "Selenskyj" -> "zelensky", as one article
    writes it. Only a transliteration counts, never a neighbour that merely looks alike."""
    out = {}
    for w in names:
        key = name_key(w)
        forms = tuple(f for f in found.get(w.lower(), []) if f != w.lower() and name_key(f) == key)
        if forms:
            out[w] = forms
    return out


# English and German transliterate Russian and Ukrainian names differently ("Zakharova" /
# "Sacharowa", "Zelensky" / "Selenskyj", "Lavrov" / "Lawrow"): both spellings share a key
_TRANSLITERATION = (("sch", "s"), ("sh", "s"), ("zh", "s"), ("kh", "h"), ("ch", "h"), ("z", "s"), ("w", "v"))


def name_key(name: str) -> str:
    """The spelling-neutral key of a name: "Zakharova" and "Sacharowa" -> "saharova"."""
    key = name.lower()
    for a, b in _TRANSLITERATION:
        key = key.replace(a, b)
    key = key.replace("yj", "y").replace("j", "y")
    return re.sub(r"(.)\1", r"\1", key)


def typo_fixes(names: list[str], found: dict[str, list[str]]) -> dict[str, str]:
    """For names the corpus never mentions, the corpus word that is the same name mistyped
    (`found`: each name's lexicon neighbours, best first): "Macorn" -> "Macron", "Hodgez"
    -> "Hodges". A neighbour counts when it starts with the same letter and its spelling
    key (`name_key`) is one edit away (two for names of eight letters or more), so a
    different name ("Baerbock", whose nearest word is "barack") is never replaced."""
    out = {}
    for w in names:
        key = name_key(w)
        allowed = 1 if len(w) < 8 else 2
        for f in found.get(w.lower(), []):
            if f[0] == w[0].lower() and edit_distance(key, name_key(f)) <= allowed:
                out[w] = f.capitalize() if w[0].isupper() else f
                break
    return out


def edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions and swaps of
    two neighbouring letters ("macorn" / "macron": 1)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]
