"""Places and the actors that speak for them: the names an English question may use for a
German one ("Moscow" -> "Moskau"), who stands for a country ("der Kreml" for Russland),
and which countries a text names. The world's countries come from the CLDR names that
Babel ships (English and German); the hand list covers the rest (short names, adjectives,
capitals). The general mechanism for other English words is the lexicon match in translate.py.
"""

from __future__ import annotations

import re

from babel import Locale

from chatbot import dictionary
from ingest.analyze import ENGLISH_STOP, GERMAN_STOP, stem
from ingest.store import IndexData

# German spellings of names and places an English question may use (the general mechanism
# is the lexicon match in translate.py; this list covers what it cannot: short names)
EXONYMS = {
    "moscow": "moskau",
    "kyiv": "kiew",
    "kiev": "kiew",
    "russia": "russland",
    "russian": "russisch",
    "russians": "russen",
    "germany": "deutschland",
    "german": "deutsch",
    "germans": "deutsche",
    "europe": "europa",
    "european": "europäisch",
    "europeans": "europäer",
    "france": "frankreich",
    "french": "französisch",
    "britain": "großbritannien",
    "british": "britisch",
    "uk": "großbritannien",
    "poland": "polen",
    "turkey": "türkei",
    "italy": "italien",
    "finland": "finnland",
    "zelensky": "selenskyj",
    "zelenskyy": "selenskyj",
    "zelenskiy": "selenskyj",
    "us": "usa",
    "america": "amerika",
    "amis": "amerikaner",  # colloquial German: "Warum schicken die Amis keine Soldaten?"
    "ami": "amerikaner",
    "american": "amerikanisch",
    "americans": "amerikaner",
    "ukrainian": "ukrainisch",
    "ukrainians": "ukrainer",
    "crimea": "krim",
    "kremlin": "kreml",
    "australia": "australien",
    "white house": "weißen haus",
    "un": "un",
    "nato": "nato",
    "eu": "eu",
}


_NO_COUNTRY = ("EU", "EZ", "UN", "ZZ", "QO")  # unions and unknown regions among the territories


def _world_countries() -> dict[str, str]:
    """Every country's one-word name, English and German, lower case, mapped to its German
    name ("spain" -> "spanien", "china" -> "china"), from the CLDR territory names."""
    de, en = Locale("de").territories, Locale("en").territories
    codes = [c for c in de if isinstance(c, str) and len(c) == 2 and c.isalpha() and c not in _NO_COUNTRY]
    out: dict[str, str] = {}
    for code in codes:
        german = de[code].lower()
        if " " in german:
            continue
        out[german] = german
        english = en.get(code, "").lower()
        if english and " " not in english:
            out.setdefault(english, german)
    return out


# every country the world has: a question about "China" names a place, not a paraphrase
EXONYMS = {**_world_countries(), **EXONYMS}
PLACES = {v for v in EXONYMS.values() if " " not in v}

# In news a country speaks through its capital, its seat of government and its people:
# "Moskau lehnt ab", "der Kreml", "die russische Seite" all stand for Russland.
_ACTOR_GROUPS = (
    ("russland", "moskau", "kreml", "russisch", "russen"),
    ("usa", "washington", "amerikanisch", "amerikaner", "amerika", "us-regierung", "vereinigten"),
    ("ukraine", "kiew", "ukrainisch", "ukrainer"),
    ("deutschland", "berlin", "bundesregierung", "deutsch"),
    ("frankreich", "paris", "französisch", "franzosen", "élysée"),
    ("großbritannien", "london", "britisch", "briten"),
    ("china", "peking", "chinesisch"),
    ("polen", "warschau", "polnisch"),
    ("italien", "rom", "italienisch"),
    ("türkei", "ankara", "türkisch"),
    ("finnland", "helsinki", "finnisch"),
    ("europa", "europäisch", "europäer", "eu", "brüssel"),
    ("nato", "militärbündnis", "bündnis", "allianz"),
    ("un", "uno", "vereinten"),  # "die Vereinten Nationen"
)
ALIASES = {name: tuple(n for n in group if n != name) for group in _ACTOR_GROUPS for name in group}
_NOT_COUNTRIES = ("europa", "nato", "un")  # unions and alliances: no country of a list


def aliases(word: str) -> tuple[str, ...]:
    """The other names that speak for the same country as `word`, English or German
    ("Russia" or "Russland" -> "moskau", "kreml", …); () for a word that names none."""
    low = word.lower()
    found = ALIASES.get(EXONYMS.get(low, low), ())
    if not found and low.endswith("ern"):  # a people in the dative plural: "von den Amerikanern", "den Europäern"
        found = ALIASES.get(low[:-1], ())
    return found


# countries for lists ("Welche Länder …"): the groups above that are countries, and more
COUNTRIES = (
    *(g for g in _ACTOR_GROUPS if g[0] not in _NOT_COUNTRIES),
    *(
        (c,)
        for c in "australien kanada japan spanien niederlande belgien schweden norwegen dänemark estland "
        "lettland litauen rumänien tschechien ungarn österreich schweiz irland portugal griechenland "
        "weißrussland belarus georgien moldau indien brasilien südafrika".split()
    ),
)


_COUNTRY_STEMS: list[tuple[tuple[str, ...], tuple[str, ...]]] = []  # (group, its names' stems), built once


def _country_stems() -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    if not _COUNTRY_STEMS:
        _COUNTRY_STEMS.extend((g, tuple(stem(n) for n in g)) for g in COUNTRIES)
    return _COUNTRY_STEMS


def country_of(word: str) -> tuple[str, ...]:
    """The names of the country a word stands for ("russische", "Russia", "Russlands" ->
    Russland's group; "British" -> Großbritannien's); () if it names none."""
    s = stem(EXONYMS.get(word.lower(), word.lower()))
    for group, stems in _country_stems():
        # "Russlands", "italienische"; "deutsch" for "Deutschland", but "Weißen" is no "Weißrussland"
        if any(
            s == n or (min(len(s), len(n)) >= 5 and (s.startswith(n) or (n.startswith(s) and len(n) - len(s) <= 4)))
            for n in stems
        ):
            return group
    return ()


def nationality(word: str) -> tuple[str, ...]:
    """The names of the country an office belongs to, as a question names it ("russische",
    "Russia's", "Finnish"). An English adjective the country groups lack is read through the
    dictionary ("Danish" -> "dänisch"): its German adjective alone, then, is the country's
    name, so "the Danish prime minister" is never Britain's. A union or alliance has its own
    names ("EU": "europa", "brüssel", …). () for none ("des Weißen Hauses": any holder)."""
    group = country_of(word)
    if group:
        return group
    low = EXONYMS.get(word.lower(), word.lower())
    if low in ALIASES:  # "der Präsident der EU-Kommission" belongs to the EU, "the NATO chief" to NATO
        return (low, *ALIASES[low])
    if not word.isascii():
        return ()
    adjectives = [g for g in dictionary.glosses(word.lower()) if g.endswith("isch")]  # "finnisch", "dänisch"
    for adjective in adjectives:
        group = country_of(adjective)
        if group:
            return group
    return tuple(adjectives[:1])


_UNIONS = tuple(g for g in _ACTOR_GROUPS if g[0] in _NOT_COUNTRIES)
_COUNTRY_NAMES = frozenset(g[0] for g in COUNTRIES)


def owner(word: str) -> str | None:
    """The country, union or alliance a word before a noun says something belongs to ("US
    soldiers", "deutsche Soldaten", "europäischer Soldaten" -> "usa", "deutschland",
    "europa"); None for a word that names none ("westlicher")."""
    group = nationality(word) if word.isascii() else country_of(word)
    if group and group[0] in _COUNTRY_NAMES:
        return group[0]
    s = stem(EXONYMS.get(word.lower(), word.lower()))
    for union in _UNIONS:
        if any(s == stem(n) for n in union):
            return union[0]
    return None


def countries_named(text: str) -> frozenset[str]:
    """The countries a text names by their own name ("Deutschland", "Germany", "USA"), not
    by an adjective or a capital ("deutsche", "Berlin")."""
    out = set()
    for word in re.findall(r"[\w\-]+", text):
        group = country_of(word)
        if group and stem(EXONYMS.get(word.lower(), word.lower())) == stem(group[0]):
            out.add(group[0])
    return frozenset(out)


def countries_owning(text: str) -> frozenset[str]:
    """The countries a text names by an adjective before a thing ("die russische Armee",
    "British troops"), not before a person or an office ("der französische Präsident",
    whom a quote may name as Macron)."""
    out = set()
    for m in re.finditer(r"\b(?:(the|a|an|its|their|his|her)\s+)?([\w\-]+)\s+(?=([\w\-]+))", text, re.I):
        article, adjective, noun = m.groups()
        group = country_of(adjective)
        if not group or stem(EXONYMS.get(adjective.lower(), adjective.lower())) == stem(group[0]):
            continue  # not an adjective of a country ("Russland", "Russia" are its name)
        if _is_stop_word(noun) or _PERSON_NOUN.match(noun):
            continue
        # a German noun is capitalised; English capitalises the adjective, and a noun follows
        # it after an article or in the plural ("the Russian army", "British troops", not
        # "When did British begin …")
        if noun[0].isupper() or (adjective[0].isupper() and (article or noun.endswith("s"))):
            out.add(group[0])
    return frozenset(out)


def _is_stop_word(word: str) -> bool:
    return word.lower() in GERMAN_STOP or word.lower() in ENGLISH_STOP


# nouns for a person or an office: a country's adjective before them need not recur in a quote
_PERSON_NOUN = re.compile(
    r"(?:\w*(?:präsident|kanzler|minister|sprecher|botschafter|general|chef|führer|beamte|politiker|diplomat|"
    r"experte|regierung|seite|staatschef|regierungschef)\w*|president|chancellor|minister|secretary|spokes\w*|"
    r"ambassador|general|chief|leader|official|politician|diplomat|expert|government|side|prime)$",
    re.I,
)


def leading_parts(text: str) -> frozenset[str]:
    """The stems of the first parts of a text's hyphenated words, a country's short name read
    as the country ("US-Unterstützung": "usa"; "Nato-Staaten": "nato")."""
    parts = (p for w in re.findall(r"\w+(?:-\w+)+", text) for p in w.lower().split("-")[:-1])
    return frozenset(stem(EXONYMS.get(p, p)) for p in parts if len(p) > 1)


def countries_in(text: str, index: IndexData) -> frozenset[str]:
    """The countries a text names, by any of their names ("Moskau", "Kreml" -> "russland"),
    also as the first part of a hyphenated word ("US-Waffenlieferungen" -> "usa")."""
    found = index.stems(text) | leading_parts(text)
    return frozenset(group[0] for group, stems in _country_stems() if any(n in found for n in stems))


_PLACE_BEFORE = {"in", "nach", "aus", "von", "vom", "mit", "zwischen", "gegen", "für", "über", "im", "am", "bei", "der"}


def acting_countries(text: str, index: IndexData) -> frozenset[str]:
    """The countries a sentence names as actors: a word of its own, not after a preposition
    ("… bekräftigte Moskau seine Haltung": Russia; not "in Washington" or "Ukraine-Treffen")."""
    words = text.split()
    return frozenset(
        country
        for i, w in enumerate(words)
        if "-" not in w and (i == 0 or words[i - 1].lower() not in _PLACE_BEFORE)
        for country in countries_in(w.strip('.,;:!?„“"()'), index)
    )
