"""Full names of people in a text ("Karoline Leavitt", "Ben Hodges"), and their surnames'
stems: an ingest keeps each segment's (people.json), so the chatbot knows who the archive
names without reading every article at its first question."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ingest.analyze import ENGLISH_STOP, GERMAN_STOP, stem

TWO_CAPS = re.compile(  # on one line: a headline's last word and the next line's first are no name
    # a first name may be initials ("JD Vance", "J.D. Vance"), not an abbreviation ("US", "EU")
    r"\b([A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?|[A-Z]\.?[A-Z]\.?)"
    r"(?=[ \t]+([A-ZÄÖÜ][a-zäöüß]{2,}(?:-[A-ZÄÖÜ]\w+)?)\b)"
)
_NEXT_CAP = re.compile(r"[ \t]+([A-ZÄÖÜ][a-zäöüß]{2,})\b")
_CAPITALISED = re.compile(r"\b[A-ZÄÖÜ]\w*")
# words that start a sentence or a clause in the middle of a line, never part of a name
_NOT_NAME = {"seit", "wird", "werden", "wurde", "mehrere", "einige", "viele", "laut", "nach", "zudem"}
_NOT_NAME |= {"us", "un", "eu", "uk", "tv", "ex", "dr", "nr", "ok"}  # abbreviations, not initials


def person_names(text: str) -> list[str]:
    """Full names in `text`: two capitalised words on one line, neither a stop word nor a
    role or a kind of organisation ("Karoline Leavitt", "Ben Hodges"; not "Die Briten",
    "Nachrichtenagentur Tass"). In a run of three ("des Militärbündnisses Mark Rutte") the
    name is the last two; a genitive of a name in the same text ("Selenskyjs Besuch",
    where "Selenskyj" occurs too) is no first name."""
    out = []
    words: set[str] | None = None  # the text's capitalised words, found once if a genitive needs them
    for m in TWO_CAPS.finditer(text):
        first, last = m.group(1), m.group(2)
        if _not_name(first) or _not_name(last) or _after_no_name(text, m.start()):
            continue
        following = _NEXT_CAP.match(text, m.end(2))
        if following and (not _not_name(following.group(1)) or _INSTITUTION.match(following.group(1))):
            continue
        if first.endswith("s"):
            if words is None:
                words = set(_CAPITALISED.findall(text))
            if _occurs(first[:-1], text, words):
                continue
        out.append(f"{first} {last}")
    return out


# an article or a preposition with one ("die Sicherheit Europas", "im Oval Office", "des Kyiv
# Independent", "University of New Haven") comes before a noun, not a person's first name
_DETERMINER = {
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen",
    "im", "am", "beim", "vom", "zum", "zur", "ins", "diese", "dieser", "dieses", "diesen", "diesem",
    "of", "the",
}  # fmt: skip
# a kind of organisation before the pair names the organisation ("TV-Sender Fox News")
_ORG_KIND = re.compile(r"(?:sender|plattform|agentur|netzwerk|magazin|zeitung|portal|partei|konzern)$", re.I)
_FIRST_WORD = re.compile(r"\w+")
_ADJECTIVE_END = re.compile(r"(?:en|e|er|es|em)$")
_PREVIOUS = re.compile(r"([\w\-]+)[ \t]+$")


def _after_no_name(text: str, start: int) -> bool:
    """Does the word before a pair of capitalised words (on its line) make it no person's name?"""
    before = _PREVIOUS.search(text, max(0, start - 40), start)
    if before is None:
        return False
    word = before.group(1)
    relative = word.lower() in ("der", "die", "das") and text[: before.start()].rstrip().endswith(",")
    first = _FIRST_WORD.match(text, start)
    if relative and first and not _ADJECTIVE_END.search(first.group()):
        return False  # a relative pronoun: "die Prinzipien, die William Smith …" ("…, die Seltenen Erden" is none)
    return word.lower() in _DETERMINER or bool(_ORG_KIND.search(word))


def _occurs(name: str, text: str, words: set[str]) -> bool:
    """Is `name` a word of `text` (`words`: its capitalised words; a hyphenated name is
    looked for as it stands)?"""
    if "-" in name:
        return bool(re.search(rf"\b{re.escape(name)}\b", text))
    return name in words


_ROLE_END = re.compile(
    r"(?:präsident|minister|sprecher|kanzler|chef|general|botschafter|berater|professor|experte|führer|"
    r"staaten|länder|truppen|soldaten|regierung|haus|rat|armee|agentur|sender|plattform|netzwerk|magazin|"
    r"zeitung|portal|bündnis|ministerium|partei)(?:in|innen|en|n|s|es|ses|e)?$",
    re.I,
)
# the English words that end the names of outlets and institutions ("Fox News", "Oval Office",
# "South Kensington Museum"): the words before them are no person's name either
_INSTITUTION_WORDS = (
    "news times post journal press mail independent office social media group institute university college "
    "foundation corporation company society library gallery museum house school council agency"
).split()
_INSTITUTION = re.compile(rf"^(?:{'|'.join(_INSTITUTION_WORDS)})$", re.I)
# an institution's name: up to three capitalised words, then one of those words capitalised
_INSTITUTION_NAME = re.compile(
    rf"\b(?:[A-ZÄÖÜ][\w\-]*[ \t]+){{1,3}}(?:{'|'.join(w.capitalize() for w in _INSTITUTION_WORDS)})\b"
)


def institution_names(text: str) -> list[str]:
    """Names of outlets and institutions in English form ("Troika Design Group", "General
    Pharmaceutical Council"): what a "who" question may be answered with besides a person."""
    return [m.group() for m in _INSTITUTION_NAME.finditer(text)]


def _not_name(word: str) -> bool:
    low = word.lower()
    return (
        low in GERMAN_STOP
        or low in ENGLISH_STOP
        or low in _NOT_NAME
        or bool(_ROLE_END.search(word) or _INSTITUTION.match(word))
    )


def surnames(texts: Iterable[str]) -> set[str]:
    """Stems of the surnames of everyone `texts` name in full ("Keir Starmer" -> "starm").
    A pair whose first word is the genitive of a surname found in any of the texts is no
    name ("Selenskyjs Besuch" where another article names "Wolodymyr Selenskyj")."""
    pairs = {tuple(n.split()) for t in texts for n in person_names(t)}
    last = {b for _, b in pairs}
    return {stem(b.lower()) for a, b in pairs if not (a.endswith("s") and a[:-1] in last)}
