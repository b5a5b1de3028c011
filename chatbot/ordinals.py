"""Ordinals: a question or a follow-up that picks one of several things by its position
("Was ist die erste Variante?", "Und die zweite?", "the second option").

    ordinal_root("zweiten")            # "zweit"
    ordinal_forms({"zweit"})           # matches "zweite", "zweiten", "zweiter" …
"""

from __future__ import annotations

import re

from chatbot.phrasing import is_list_noun

# an ordinal picks one of several things ("die zweite Variante"); a follow-up's ordinal replaces the last one's
DECLINED = r"(?:e|er|es|en|em)"  # "zweite", "zweiten", "zweiter" …
ORDINAL_ROOTS = "erst|zweit|dritt|viert|fünft"  # the positions a list's items are numbered by
ORDINAL = re.compile(
    rf"^(?:{ORDINAL_ROOTS}|letzt|vorletzt|nächst|ander){DECLINED}?$|"
    r"^(?:first|second|third|fourth|fifth|last|next|other)$",
    re.I,
)
_ORDINAL_EN = {
    "first": "erst",
    "second": "zweit",
    "third": "dritt",
    "fourth": "viert",
    "fifth": "fünft",
    "last": "letzt",
}


def ordinal_root(word: str) -> str | None:
    """The German root of an ordinal ("zweiten", "second" -> "zweit"), None for other words
    and for "next", "other" (they pick nothing by position)."""
    low = word.lower()
    if not ORDINAL.match(low) or low in ("next", "other") or low.startswith(("nächst", "ander")):
        return None
    return _ORDINAL_EN.get(low) or re.sub(rf"{DECLINED}$", "", low)


def ordinal_forms(roots: set[str]) -> re.Pattern[str]:
    """Any declined form of the ordinals with these roots ("zweit" -> "zweite", "zweiten" …)."""
    return re.compile(rf"\b(?:{'|'.join(sorted(roots))}){DECLINED}?\b", re.I)


_ORDINAL_BEFORE = re.compile(r"\b([^\W\d_]+)(?=\s+([^\W\d_]+))")  # each word, and the one after it


def picks_an_item(text: str) -> bool:
    """Does the question pick one of a list's items by its position ("What's the second
    scenario?", "Was ist die erste Variante?"), not an ordinal of anything ("Wer war der
    erste Vorsitzende?")? The word after the ordinal is what lists are of, in the singular."""
    for m in _ORDINAL_BEFORE.finditer(text):
        noun = m.group(2).lower()
        plurals = (noun + "s", noun + "en", noun + "n", noun[:-1] + "en")  # "Optionen", "Varianten", "Szenarien"
        if ordinal_root(m.group(1)) and any(is_list_noun(p) for p in plurals):
            return True
    return False
