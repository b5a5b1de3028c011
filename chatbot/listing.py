"""What a list question asks for, and which sentences give its items.

    kind = list_kind(q.text)         # "Welche Optionen …": the words that name an option
    kind.marker.search(sentence)     # "Als zweite Option nennt das Magazin …"
    list_of("Welche Länder …?")      # "country": one point per country (also "person", "outlet")

A question for a list names what the list is of: options, risks, conditions, the media
cited. A sentence that gives one item usually names the kind in a word of its own ("Als
zweite Option …", "… die wirksamste Absicherung", "… eine leere Hülse" does not, "… die
Gefahr einer Eskalation" does). Each kind has a few German and English word stems; they
are matched inside compounds ("Drohnenabwehr" is no option). The topic every sentence
here names ("Sicherheitsgarantien") is no item word; the kind's German words also find
the passages that give its items (`ListKind.words`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chatbot.places import country_of
from chatbot.words import content_words

# the media an article cites, asked for as a list ("Auf welche Medien stützen sich die Artikel?")
OUTLET_NOUNS = (
    r"medien|quellen|zeitungen|sender|nachrichtenagenturen|outlets|sources|media|newspapers|news\s+agencies|"
    r"agencies|broadcasters"
)

# what a list is of: "Welche Optionen …", "What steps …"
LIST_NOUNS = (
    r"optionen|möglichkeiten|vorschläge|ideen|länder|staaten|szenarien|varianten|modelle|wege|schritte|maßnahmen|"
    r"forderungen|bedingungen|komponenten|elemente|risiken|gefahren|probleme|hindernisse|argumente|akteure|"
    r"politiker|experten|rollen|aufgaben|fakten|options|possibilities|proposals|ideas|countries|states|nations|scenarios|"
    r"facts|"
    r"variants|models|ways|steps|measures|demands|conditions|components|elements|risks|dangers|problems|obstacles|"
    r"arguments|actors|politicians|experts|roles|tasks|guarantees|alternatives|plans|players|leaders|officials|"
    r"diplomats|beamte|beamten|diplomaten|herausforderungen|schwierigkeiten|hürden|challenges|difficulties|hurdles|"
    r"pläne|plänen|planungen|planung"
)
# what a list is of (the asked-for noun, or a compound ending in it) -> the stems naming an
# item, and the German words a passage naming such items uses (searched, BM25, for its passages)
_KINDS = (
    (
        r"optionen|möglichkeiten|vorschläge|ideen|szenarien|varianten|modelle|lösungen|alternativen|"
        r"garantien|sicherheitsgarantien|zusagen|options|possibilities|proposals|ideas|scenarios|variants|models|"
        r"solutions|alternatives|plans|guarantees",
        r"option|möglichkeit|variante|szenari|vorschl|idee|modell|lösung|alternativ|absicherung|"
        r"zusage|mechanismus|scenario|variant|proposal|solution|mechanism",
        "Option Optionen Variante Szenarien Möglichkeit Vorschlag Modell Lösung Alternative Absicherung",
    ),
    (
        r"risiken|gefahren|probleme|hindernisse|bedenken|herausforderungen|schwierigkeiten|einwände|"
        r"risks|dangers|problems|obstacles|concerns|challenges|difficulties|objections|drawbacks|downsides",
        r"risik|gefahr|gefähr|problem|hindernis|bedenken|herausforderung|schwierig|eskalation|warn|befürcht|"
        r"sorge|allerdings|jedoch|risk|danger|obstacle|concern|challeng|difficult|however",
        "Risiko Gefahr Problem Hindernis Bedenken Herausforderung Schwierigkeit Eskalation",
    ),
    (
        r"bedingungen|voraussetzungen|forderungen|komponenten|elemente|conditions|requirements|demands|"
        r"components|elements|prerequisites",
        r"bedingung|voraussetzung|forder|erforder|benötig|komponente|nötig|requir|condition|component",
        "Bedingung Voraussetzung Forderung Komponenten erfordern benötigen nötig",
    ),
    (
        OUTLET_NOUNS,
        r"bericht|laut|meldung|nachrichtenagentur|sender|interview|magazin|quellen|report|according",
        "berichtete Bericht laut Meldung Nachrichtenagentur Sender Interview Magazin Quellen",
    ),
)


@dataclass(frozen=True)
class ListKind:
    """The kind of item a list question asks for: the stems that name one in a sentence,
    and the German words that find the passages giving such items (BM25)."""

    marker: re.Pattern[str]
    words: str


_ASKED = [
    (re.compile(rf"\b\w*(?:{asked})\b", re.I), ListKind(re.compile(rf"\w*(?:{item})\w*", re.I), searched))
    for asked, item, searched in _KINDS
]


# who is willing to do something ("Wer ist bereit, …?"): a statement of readiness or an offer ("Die
# Briten und Franzosen haben Bereitschaft signalisiert", "Australien hat ebenfalls Interesse an einer
# Rolle bekundet"; not "vorbereitet")
WILLING_ITEMS = ListKind(
    re.compile(
        r"\b(?:bereit|bereitschaft|bereiterklärt|bereitstehe\w*|angeboten|interesse|zugesagt|"
        r"willing|ready|prepared|offered|volunteered)\b",
        re.I,
    ),
    "Bereitschaft bereit Interesse angeboten zugesagt",
)


def list_kind(text: str) -> ListKind | None:
    """The kind of item the list a question asks for is of ("Welche Optionen …": options),
    or None when it asks for no list of these kinds."""
    return next((kind for asked, kind in _ASKED if asked.search(text)), None)


# what an outlet is, as the last part of its name or the noun before it ("Nachrichtenagentur
# Tass", "Redaktionsnetzwerk Deutschland", "TV-Sender Fox News"), matched at a word's end
OUTLET_KINDS = r"agentur|sender|zeitung|magazin|portal|netzwerk|rundfunk|fernsehen|radio|blatt|plattform"
# the last word of an outlet's English name ("Fox News", "Kyiv Independent")
OUTLET_NAME_ENDS = frozenset({"News", "Independent", "Post", "Times"})

_OUTLET_LIST = re.compile(rf"\b(?:welche|which|what)\s+(?:[\w\-]+\s+){{0,2}}?(?:{OUTLET_NOUNS})\b", re.I)
_ABOUT_ARTICLES = re.compile(rf"(?:{OUTLET_NOUNS}|artikel\w*|articles?|texte?n?|berichte?n?)", re.I)


def lists_outlets(text: str) -> bool:
    """Does the question ask which media the articles cite ("Auf welche Medien stützen sich die
    Artikel?", "Which sources do the articles cite?"), not which one reported a statement it
    names ("Which outlets reported Leavitt's statement?": a capitalised name besides)?"""
    if not _OUTLET_LIST.search(text):
        return False
    words = re.findall(r"[\w\-]+", text)[1:]  # the first word is capitalised as the first
    return not [w for w in words if w[0].isupper() and not _ABOUT_ARTICLES.fullmatch(w)]


# an overview whose points are people or countries: one point each ("Wer hat sich alles
# geäußert?", "Which leaders …", "Welche Länder …")
_PEOPLE_LIST = re.compile(
    r"^(?:und\s+)?wer\b.*\balles\b|\b(?:welche|which|what)\s+(?:[\w\-]+\s+){0,2}?(?:politiker\w*|experten|"
    r"akteure|personen|leute|regierungschefs|staatschefs|[\w\-]*beamte\w*|diplomat\w*|leaders|politicians|experts|actors|"
    r"players|officials|people)\b",
    re.I,
)


# the people the articles name or quote, nothing else asked ("Welche Personen werden genannt?", "Who is
# quoted in the articles?", "Wer kommt in den Artikeln vor?", "Who's who?")
_WHO_NAMED = re.compile(
    r"^(?:und\s+|and\s+)?(?:who(?:'s|’s| is| are)\s+who|wer\s+ist\s+wer|"
    r"(?:who|wer)\s+(?:is|are|was|were|gets?|wird|werden|wurde|kommt|kommen)\b.*\b"
    r"(?:mentioned|named|quoted|cited|zitiert|genannt|erwähnt|vor|wort)\b)",
    re.I,
)
_MENTION_WORDS = re.compile(
    r"(?:personen|leute|menschen|people|persons|names|namen|akteure|actors|players|experten|fachleute|experts|"
    r"genannt|erwähnt|zitiert|vor|kommt|kommen|wort|mentioned|named|quoted|cited|appear\w*|artikel\w*|articles?|"
    r"texte?n?|who|wer)$",
    re.I,
)


def lists_people_named(text: str) -> bool:
    """Does the question ask which people the articles name or quote, and nothing else
    ("Welche Personen werden genannt?", "Who is quoted?"; not "Welche Politiker wollen Truppen
    schicken?")? The people named are the answer, however the question is worded."""
    if not (_WHO_NAMED.search(text) or _PEOPLE_LIST.search(text)):
        return False
    return all(_MENTION_WORDS.match(w) for w in content_words(text))


_COUNTRY_LIST = re.compile(
    r"\b(?:welche|which|what)\s+(?:[\w\-]+\s+){0,2}?(?:länder|staaten|nationen|countries|states|nations)\b", re.I
)


def _of_one_country(asked: str) -> bool:
    """Are the states asked for those of one country ("Which German states …", "Welche
    amerikanischen Staaten …"), not countries? "European states" are countries."""
    return any(country_of(w) for w in re.findall(r"[\w\-]+", asked)[1:-1])


def list_of(text: str) -> str | None:
    """What an overview lists, when its points are people ("person"), countries ("country") or
    the media cited ("outlet"); a list of problems or options is none ("Welche Probleme sehen
    Experten …?")."""
    if lists_outlets(text):
        return "outlet"
    if lists_people_named(text):
        return "person"
    for kind, pattern in (("person", _PEOPLE_LIST), ("country", _COUNTRY_LIST)):
        m = pattern.search(text)
        if m and list_kind(m.group(0)) is None and not (kind == "country" and _of_one_country(m.group(0))):
            return kind
    return None
