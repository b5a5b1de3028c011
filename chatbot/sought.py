"""What a question seeks beyond its topic, read from its words: the thing a position question
asks the actor for, the class of which a fact question asks for one member, the class of a
typed answer, a term to define, the thing whose kind is asked.

    asked_for("Welche Gefahr sieht Moskau in einer Nato-Truppe?", "position")   # "Gefahr"
    instance_of("Welche Plattform nutzte Trump?", "fact", None, focus)          # "Plattform"
    asked_class("An welcher Universität arbeitet er?", "fact", "org", focus)    # "Universität"
    defined("What is the coalition of the willing?")                             # "coalition of the willing"
    kind_of("What kind of terrain is it?", "fact", None, focus)                  # "terrain"

`Question` reads them as properties (`question.py`).
"""

from __future__ import annotations

import re

from chatbot.expects import names_people
from chatbot.phrasing import DESCRIBED, about_topic
from chatbot.words import STANCE_NOUNS

_ASKED_FOR = re.compile(
    r"^(?:und\s+|and\s+)?(?:welche[nrs]?(?:\s+art\s+(?:von|an))?|(?:what|which)\s+(?:kind|sort|type)s?\s+of|which|"
    r"what(?!\s+(?:do|does|did|is|are|was|were|has|have|had|would|will|can|could|should)\b))\s+([\w\-]+)",
    re.I,
)
# "Welche Plattform …", "Welches proprietäre System …", "Which platform …": the class asked for
DEFINED_WORDS = 5  # words of a term a question asks what it is
_DEFINITION = re.compile(
    r"^(?:and\s+|und\s+|so\s+)?(?:what\s+is\s+meant\s+by|was\s+versteht\s+man\s+unter|"
    r"what(?:['’]s|s|\s+is|\s+are)|was\s+(?:ist|sind|bedeutet|bedeuten|heißt)|"
    r"wofür\s+steht|what\s+does)\s+(?:(?:the|a|an|der|die|das|den|ein|eine)\s+)?([^?]+?)(?:\s+mean)?\s*[?.!]*$",
    re.I,
)
# … or what is meant by it ("Was ist mit Sicherheitsgarantien überhaupt gemeint?", "Was ist unter
# Abschreckung zu verstehen?")
_MEANT_BY = re.compile(
    r"^(?:und\s+)?was\s+(?:ist|sind|wird|werden)\s+(?:(?:eigentlich|überhaupt|genau|denn)\s+)*(?:mit|unter)\s+"
    r"(?:(?:der|die|das|den|dem|einer|einem|einen|ein|eine)\s+)?([^?]+?)"
    r"(?:\s+(?:eigentlich|überhaupt|genau|denn))*\s+(?:gemeint|zu\s+verstehen)\s*[?.!]*$",
    re.I,
)
_INSTANCE_OF = re.compile(
    r"^(?i:und\s+|and\s+)?(?:(?i:welche[mnrs]?)\s+(?:[a-zäöüß][\w\-]*\s+)?([A-ZÄÖÜ][\w\-]+)|(?i:which)\s+([a-z][\w\-]+))"
)
_ASKED_CLASS = re.compile(
    r"^(?i:und\s+|and\s+)?(?i:(?:an|in|bei|für|von|mit|aus|auf|zu|at|for|from|with|on|by)\s+)?"
    r"(?:(?i:welche[mnrs]?)\s+(?:[a-zäöüß][\w\-]*\s+)?([A-ZÄÖÜ][\w\-]+)|(?i:which|what)\s+([A-Za-z][\w\-]+))"
)
_KIND_FRAME_OF = re.compile(
    r"\b(?:(?:what|which)\s+(?:kinds?|sorts?|types?)\s+of|welche[nrs]?\s+(?:art|arten|sorte)\s+(?:von|an)|"
    r"was\s+für(?:\s+(?:ein|eine|einen|einem|einer))?)\s+([\w\-]+)",
    re.I,
)
KIND_OF = {"kind", "kinds", "sort", "sorts", "type", "types", "Art"}  # "What kind of weapons …": the weapons


def asked_for(text: str, kind: str) -> str:
    """The thing a position question asks the actor for ("Gefahr" in "Welche Gefahr sieht
    Moskau …?"); "" for none, or a view ("Welche Kritik übt …")."""
    if kind != "position":
        return ""
    m = _ASKED_FOR.search(text)
    return m.group(1) if m and m.group(1) not in STANCE_NOUNS else ""


def instance_of(text: str, kind: str, expects: str | None, focus: tuple[str, ...]) -> str:
    """The class a fact question asks for one member of ("Plattform"); for a person, a noun
    naming people ("Welcher Professor wird zitiert?"); "" for none."""
    if kind != "fact" or expects not in (None, "person"):
        return ""
    m = _INSTANCE_OF.search(text)
    word = (m.group(1) or m.group(2)) if m else ""
    if expects == "person" and not names_people(word):
        return ""
    return word if word and word not in KIND_OF and word in focus else ""


def asked_class(text: str, kind: str, expects: str | None, focus: tuple[str, ...]) -> str:
    """The noun naming the class of a typed answer a which-question asks for ("Universität");
    "" for none."""
    if kind != "fact" or expects in (None, "yesno"):
        return ""
    m = _ASKED_CLASS.search(text)
    word = (m.group(1) or m.group(2)) if m else ""
    return word if word in focus else ""


def defined(text: str) -> str:
    """The term a question asks what it is, or what it is about; "" for none or a view."""
    m = _MEANT_BY.match(text) or _DEFINITION.match(text)
    term = about_topic(text) or (m.group(1) if m else "")
    if not term or "'" in term or "’" in term or len(term.split()) > DEFINED_WORDS:
        return ""
    return term


def kind_of(text: str, kind: str, expects: str | None, focus: tuple[str, ...]) -> str:
    """The thing a fact question asks what kind of ("terrain"), or how it is described; "" for none."""
    if kind != "fact" or expects is not None:
        return ""
    m = _KIND_FRAME_OF.search(text) or DESCRIBED.search(text)  # "How is the terrain described?"
    return m.group(1) if m and m.group(1) in focus else ""
