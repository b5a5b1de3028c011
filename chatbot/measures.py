"""What a number question counts or measures: "Wie viele Drohnen …" -> "Drohnen", "Wie hoch ist
der Verteidigungsetat …" -> "Verteidigungsetat", "How many troops …" -> "troops"."""

from __future__ import annotations

import re

from chatbot.words import is_stop

_ADJECTIVE = r"(?:[a-zäöüß]+(?:e|en|er|es|em)\s+)?"
# a German question typed in lower case: the noun right after "wie viele"
_MEASURED_TYPED_LOWER = re.compile(r"\bwie\s*viel(?:e|en|er)?\s+([a-zäöüß][\w\-]+)")
_MEASURED = [
    re.compile(rf"\b(?i:wie)\s*viel(?:e|en|er)?\s+{_ADJECTIVE}([A-ZÄÖÜ][\w\-]+)"),
    re.compile(
        r"\b(?i:wie)\s+(?:hoch|groß|lang|weit|stark|klein|teuer)\s+(?:ist|sind|war|waren|wäre|wären|müsste|müssten|"
        r"soll|sollte|sollten|wird|werden|könnte|könnten|würde|würden|dürfte|dürften|muss|müssen)\s+"
        rf"(?:der|die|das|den|dem|des)\s+{_ADJECTIVE}([A-ZÄÖÜ][\w\-]+)"
    ),
    re.compile(
        r"\b(?i:how)\s+many\s+(?:[A-Za-z]+\s+)?([A-Za-z][\w\-]+)\s+(?:do|does|did|are|is|were|was|will|would|could|can|"
        r"has|have)\b"
    ),
    # "How many NATO members support …", "How many French soldiers …": the noun after a
    # name or an adjective of nationality (not "How many Russians died")
    re.compile(r"\b(?i:how)\s+many\s+(?:[A-Z]{2,}|[A-Z][a-z]+(?:an|ish|ese|ch))\s+([a-z][\w\-]+)"),
    re.compile(r"\b(?i:how)\s+many\s+([A-Za-z][\w\-]+)"),
    re.compile(r"\b(?i:how)\s+(?:large|big|long|high|strong|much)\s+(?:a|an)\s+([A-Za-z][\w\-]+)"),  # "an army"
    # "How big could the international peacekeeping presence be?": the last word before "be"
    re.compile(
        r"\b(?i:how)\s+(?:much|large|big|long|high|strong)\s+(?:would|will|should|could|can|might|must)\s+"
        r"(?:the\s+)?(?:[A-Za-z][\w\-]*\s+){0,3}?([A-Za-z][\w\-]+)\s+be\b"
    ),
    # "What size of peacekeeping contingent is floated?": the last word before the verb
    re.compile(
        r"\b(?i:what)\s+(?:size|strength)\s+of\s+(?:the\s+|an?\s+)?(?:[A-Za-z][\w\-]*\s+){0,3}?([A-Za-z][\w\-]+)\s+"
        r"(?:is|are|was|were|would|could|will|should|might|do|does|did)\b"
    ),
    re.compile(
        r"\b(?i:how)\s+(?:much|large|big|long|high|strong)\s+(?:is|are|was|were|would|will|should|could|can|might|"
        r"must)\s+(?:the\s+)?"
        r"(?:[A-Za-z]+(?:['’]s)?\s+)?([A-Za-z][\w\-]+)\b(?!['’])"  # "How big is Ukraine's army": the army
    ),
]


# the verb of a duration asked ("How long will the talks take?"): nothing is measured but time
_DURATION_VERB = re.compile(r"takes?|lasts?|took|lasted", re.I)

# a word for a quantity, and what it is a quantity of ("die geschätzte Anzahl der Baumarten")
_QUANTITY_WORDS = r"anzahl|zahl|menge|number|amount"
_QUANTITY = re.compile(_QUANTITY_WORDS, re.I)
_QUANTITY_OF = re.compile(rf"(?i:{_QUANTITY_WORDS})\s+(?:der|des|an|von|of)\s+(?:the\s+)?{_ADJECTIVE}([^\W\d_][\w\-]+)")


def measured(text: str) -> str | None:
    """The noun a number question counts or measures: "Wie viele Drohnen …" -> "Drohnen",
    "Wie hoch ist der Verteidigungsetat …" -> "Verteidigungsetat", "How many troops …" -> "troops"."""
    for pattern in _MEASURED:
        m = pattern.search(text)
        if m and not is_stop(m.group(1)) and not _DURATION_VERB.fullmatch(m.group(1)):
            of = _QUANTITY_OF.match(text, m.start(1)) if _QUANTITY.fullmatch(m.group(1)) else None
            return of.group(1) if of else m.group(1)  # "die Anzahl der Baumarten": the Baumarten
    m = _MEASURED_TYPED_LOWER.search(text) if text == text.lower() else None  # "wie viele länder schicken …"
    return m.group(1) if m and not is_stop(m.group(1)) else None
