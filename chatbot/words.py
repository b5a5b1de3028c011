"""The words of a question: tokens, stop and question words, and what carries meaning.

tokens("Was sagt Hegseth's Ministerium?")   # ['Was', 'sagt', 'Hegseth', 'Ministerium']
content_words("Was ist das?")               # []
is_keywords("Ukraine Sicherheitsgarantien") # True: a search-box query, not a sentence
"""

from __future__ import annotations

import re

from ingest.analyze import ENGLISH_STOP, GERMAN_STOP

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*(?:\s?%)?|[^\W\d_][\w\-]*")

# question words and fillers that are never the focus of a question ("mit der Sache zu tun")
_QUESTION_WORDS = set(
    """was wer wen wem wessen wann warum wieso weshalb weswegen wie wo wohin woher welche welcher welches
    welchem welchen womit wodurch wofür worüber worauf wovon worin wovor wozu woran worum wobei wogegen
    inwiefern ob und also eigentlich genau denn seiner ihrer seinen ihren seinem ihrem seines ihres
    bitte mal etwa what who whom whose when why how where which whether and so please exactly actually
    tell me explain describe gibt es there sache sachen angelegenheit wieviel wieviele wievielen wievieler
    konkret wirklich überhaupt tatsächlich really specifically concretely else latest neues
    nochmal nochmals again""".split()
)


# small numbers written out, German and English ("drei Komponenten", "three components")
SMALL_NUMBERS = {
    2: ("zwei", "two"), 3: ("drei", "three"), 4: ("vier", "four"), 5: ("fünf", "five"), 6: ("sechs", "six"),
    7: ("sieben", "seven"), 8: ("acht", "eight"), 9: ("neun", "nine"), 10: ("zehn", "ten"), 11: ("elf", "eleven"),
    12: ("zwölf", "twelve"),
}  # fmt: skip


def tokens(text: str) -> list[str]:
    """Words and numbers; a possessive "'s" is dropped ("Hegseth's" -> "Hegseth"), a negation
    is read as "not" ("won't" -> "will", "not"; "doesn't" -> "does", "not")."""
    return _TOKEN.findall(_NOT.sub(_negation, re.sub(r"[’']s\b", "", text)))


_NOT = re.compile(r"\b(?:(won|can)|(\w+)n)[’']t\b", re.I)


def _negation(m: re.Match[str]) -> str:
    word = m.group(2) or {"won": "will"}.get(m.group(1).lower(), m.group(1))
    return f"{word} not"


def is_stop(word: str) -> bool:
    low = word.lower()
    return low in GERMAN_STOP or low in ENGLISH_STOP or low in _QUESTION_WORDS


# an English noun that German uses as a stop word ("war"): a noun after an English determiner
_ENGLISH_NOUN_AFTER = frozenset(("the", "a", "this", "that", "of", "ukraine", "russia"))
_ENGLISH_NOUNS = frozenset(("war",))


def content_words(text: str) -> list[str]:
    """Words that carry meaning: not stop words, not question words, not one letter. "war" in
    "the war" is the English noun, not German "war"."""
    toks = tokens(text)
    return [
        t
        for i, t in enumerate(toks)
        if (not is_stop(t) or (t.lower() in _ENGLISH_NOUNS and i and toks[i - 1].lower() in _ENGLISH_NOUN_AFTER))
        and (len(t) > 1 or t[0].isdigit())
    ]


def is_keywords(text: str) -> bool:
    """A search-box query rather than a sentence: up to six words, none of them a question or
    stop word ("Trump", "Ukraine Sicherheitsgarantien", "trump nato beitritt ukraine position")."""
    toks = tokens(text)
    return 0 < len(toks) <= 6 and all(not is_stop(t) for t in toks)


_ENGLISH_TITLES = set(
    """President Chancellor Minister Secretary General Prime Foreign Defense Defence Chief Spokesperson Spokesman
    Spokeswoman Army Air Force Navy Security Council Parliament Government Former Ex Vice Senator Ambassador
    Professor King Queen Party Republican Democrat Summit Treaty Article Mr Mrs Ms Dr US U.S. I""".split()
)
_GERMAN_TITLES = set(
    """Präsident Präsidentin Kanzler Kanzlerin Bundeskanzler Minister Ministerin Außenminister Außenministerin
    Verteidigungsminister Sprecher Sprecherin General Generalsekretär Botschafter Professor Professorin Herr
    Frau Premierminister Premier Chef Ex""".split()
)
# nouns that name what a position question asks for, never who
STANCE_NOUNS = set(
    """Position Positionen Haltung Standpunkt Meinung Sicht Sichtweise Einschätzung Forderung Forderungen Reaktion
    Aussage Aussagen Äußerung Äußerungen Argument Argumente Vorschlag Vorschläge Kritik Warnung Ansicht
    Sichtweisen Haltungen Standpunkte Ansichten Meinungen Einschätzungen Perspektive Perspektiven Rolle Rollen
    Sorge Sorgen Bedenken Befürchtung Befürchtungen Warnungen Vorwurf Vorwürfe
    Überlegung Überlegungen Gedanke Gedanken Erwägung Erwägungen Kalkül Absicht Absichten
    position positions view views stance opinion take reaction statement argument proposal role roles
    concern concerns worry worries fear fears warning warnings criticism demand demands
    thinking thoughts considerations calculus intention intentions""".split()
)
# what a view is asked on when it is asked on everything: "Wie sieht Hodges die Lage?", "How does
# Rubio see the situation?" ask for his view, not for a sentence that names a situation
GENERAL_TOPICS = set(
    """Lage Situation Sache Dinge Angelegenheit Entwicklung Entwicklungen Geschehen Ganze Gesamtlage
    situation matter things developments everything""".split()
)


def is_stance_noun(word: str) -> bool:
    """A noun for what someone says or thinks ("Aussagen", "Sicht", "view"), never a topic or a speaker."""
    return word in STANCE_NOUNS or word[:1].upper() + word[1:] in STANCE_NOUNS  # typed in lower case: "meinung"


def is_title(word: str) -> bool:
    """A role, not a name: "Präsident", "Nato-Chef", "Secretary"."""
    last = word.split("-")[-1]
    return word in _ENGLISH_TITLES or word in _GERMAN_TITLES or last in _GERMAN_TITLES or last in _ENGLISH_TITLES


_QUOTED = re.compile(r"„[^“”„]*[“”]|»[^«»]*«|“[^”“]*”|\"[^\"]*\"")


def outside_quotes(text: str) -> str:
    """`text` without what it quotes: the speaker of "„… Russland …“, warnten Experten" is
    the experts, not Russland; "Was meint er mit „Manche Dinge …“?" names nobody."""
    return _QUOTED.sub(" ", text)


def quoted(text: str) -> str:
    """The longest quotation in `text` with two content words or more, without its marks
    ("" if none): „leere Hülse“ is a quote to look up, "die Ukraine" is not."""
    inner = [m.group()[1:-1].strip(" .,!?") for m in _QUOTED.finditer(text)]
    return max((q for q in inner if len(content_words(q)) >= 2), key=len, default="")


# words for the next time something happens ("das nächste Treffen", "the upcoming summit"):
# what a question on the next time asks by, and part of what a sentence on something still to come says
NEXT_WORDS = r"nächst\w*|next|upcoming|bevorstehend\w*|anstehend\w*"
