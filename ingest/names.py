"""Full names of people in a text ("Karoline Leavitt", "Ben Hodges"), and their surnames'
stems: an ingest keeps each segment's (people.json), so the chatbot knows who the archive
names without reading every article at its first question."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ingest.analyze import ENGLISH_STOP, GERMAN_STOP, stem

TWO_CAPS = re.compile(
    r"\b([A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)(?=\s+([A-ZÄÖÜ][a-zäöüß]{2,}(?:-[A-ZÄÖÜ]\w+)?)\b)"
)


def person_names(text: str) -> list[str]:
    """Full names in `text`: two capitalised words, the first not an article or other stop
    word and neither a role ("Karoline Leavitt", "Ben Hodges"; not "Die Briten")."""
    out = []
    for m in TWO_CAPS.finditer(text):
        first, last = m.group(1), m.group(2)
        if first.lower() in GERMAN_STOP or first.lower() in ENGLISH_STOP or _is_role(first) or _is_role(last):
            continue
        out.append(f"{first} {last}")
    return out


_ROLE_END = re.compile(
    r"(?:präsident|präsidentin|minister|ministerin|sprecher|sprecherin|kanzler|kanzlerin|chef|chefin|general|"
    r"botschafter|berater|beraterin|professor|professorin|experte|expertin|führer|staaten|länder|truppen|"
    r"soldaten|regierung|haus|hauses|rat|armee)$",
    re.I,
)


def _is_role(word: str) -> bool:
    return bool(_ROLE_END.search(word))


def surnames(texts: Iterable[str]) -> set[str]:
    """Stems of the surnames of everyone `texts` name in full ("Keir Starmer" -> "starm")."""
    return {stem(n.split()[-1].lower()) for t in texts for n in person_names(t)}
