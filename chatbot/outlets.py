"""Which outlets a sentence cites: the media an article relies on.

    outlets_in("Laut Focus gab … Rutte zu erkennen", index)                  # {"focus"}
    outlets_in("… sagte Hodges dem Redaktionsnetzwerk Deutschland.", index)   # {"redaktionsnetzwerk deutschland"}

News prose names its sources in a few fixed ways: "laut Focus", "ein Spiegel-Bericht", "die
Nachrichtenagentur Tass", "CNN berichtete", "berichtete die Deutsche Presse-Agentur",
"Quellen des Kyiv Independent", "in einem Interview mit Fox News". A list of the media the
articles cite ("Auf welche Medien stützen sich die Artikel?") gets one point per outlet
(`kinds.ENTITIES`).
"""

from __future__ import annotations

import re

from chatbot import places
from chatbot.listing import OUTLET_KINDS, OUTLET_NAME_ENDS
from chatbot.speakers import known_people
from ingest.analyze import stem
from ingest.names import institution_names
from ingest.store import IndexData

_NAME = r"[A-ZÄÖÜ][\w\-]*(?:\s+[A-ZÄÖÜ][\w\-]*){0,2}"  # up to three capitalised words
_REPORTS = r"(?:bericht\w*|meldet\w*|meldeten|zitiert\w*|veröffentlicht\w*|reported)"  # not "schrieb der Republikaner"
_CUES = [
    re.compile(rf"\b(?i:laut|according to)\s+(?:dem\s+|der\s+|des\s+)?({_NAME})"),  # "Laut Focus"
    re.compile(r"\b([A-ZÄÖÜ][\w]+)-(?:Bericht|Berichten|Interview|Meldung|Umfrage)\b"),  # "ein Spiegel-Bericht"
    # "die Nachrichtenagentur Tass", "dem TV-Sender Fox News", "dem Redaktionsnetzwerk Deutschland"
    re.compile(rf"\b((?:[A-ZÄÖÜ][\w]*-)?\w*(?:{OUTLET_KINDS})\s+({_NAME}))"),
    # a name ending in what it is: "die Deutsche Presse-Agentur", "die Frankfurter Allgemeine Zeitung"
    re.compile(r"\b((?:[A-ZÄÖÜ]\w+\s+){1,2}[A-ZÄÖÜ][\w\-]*(?:Agentur|Zeitung|Rundschau))\b"),
    re.compile(rf"(?:^|[.;:]\s+)({_NAME})\s+{_REPORTS}\b"),  # "CNN berichtete über …"
    re.compile(rf"\b{_REPORTS}\s+(?:die|der|das|the)\s+({_NAME})"),  # "berichtete die Deutsche Presse-Agentur"
    re.compile(rf"\b(?:Quellen|sources)\s+(?:des|der|of)\s+(?:the\s+)?({_NAME})"),  # "Quellen des Kyiv Independent"
]
# capitalised words that open a cue's match but name no outlet
_NOT_OUTLET = {"die", "der", "das", "ein", "eine", "einem", "angaben", "informationen", "quellen", "the"}


def outlets_in(text: str, index: IndexData) -> frozenset[str]:
    """The outlets `text` cites, lower-cased ("focus", "nachrichtenagentur tass" is "tass");
    never a person the corpus names ("laut Trump")."""
    found = set()
    for cue in _CUES:
        for m in cue.finditer(text):
            # "Redaktionsnetzwerk Deutschland": a country after the kind of outlet is part of its name
            whole = m.lastindex == 2 and places.country_of(m.group(2).split()[0])
            found.add(m.group(1) if whole or m.lastindex == 1 else m.group(2))
    found |= {n for n in institution_names(text) if n.split()[-1] in OUTLET_NAME_ENDS}
    people = known_people(index)
    out = set()
    for name in found:
        words = name.split()
        if not words or words[0].lower() in _NOT_OUTLET or any(stem(w.lower()) in people for w in words):
            continue
        if len(words) > 1 and not places.country_of(words[-1]):  # "TV-Sender Fox News" is Fox News
            name = re.sub(rf"^[\w\-]*(?:{OUTLET_KINDS})\s+", "", name, flags=re.I)
        out.add(re.sub(r"^(\w+e)n\b", r"\1", name.lower()))  # "der Deutschen Presse-Agentur"
    return frozenset(out)
