"""Who a question asks about: the named speaker of a position question, the two sides of a
comparison, two speakers asked about together.

    named_actor("Was sagt Marco Rubio zur Nato?", "de")                # "Marco Rubio"
    sides_of("Wie unterscheiden sich Trump und Selenskyj?", focus)      # ("Trump", "Selenskyj")
    two_actors("Was sagen Rubio und Hegseth?", "Rubio", "de")           # ("Rubio", "Hegseth")
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chatbot.ordinals import ORDINAL
from chatbot.phrasing import COMPARISON, SIDE_JOINERS
from chatbot.places import countries_named
from chatbot.stances import STANCE_DE, STANCE_EN
from chatbot.words import STANCE_NOUNS, content_words, is_stance_noun, is_stop, is_title, outside_quotes, tokens

_WHICH = {"welche", "welchen", "welcher", "welches", "welchem", "which"}


# an English question's subject, between "does"/"did" and the verb of speech
_SUBJECT_EN = re.compile(rf"\b(?:does|did|do|has|have)\s+(.*?)\s+(?:{STANCE_EN})\b", re.I)


# whose view a question asks for, named as its source: "laut Ischinger", "according to Schmidt",
# "nach Ansicht von Hodges", "in Schmidt's view", "in Schmidts Modell", "im Plan von Schmidt"
SOURCE_NOUNS_DE = r"Modell|Plan|Vorschlag|Konzept|Rechnung|Schätzung|Sicht|Augen|Vorstellung|Szenario"
SOURCE_NOUNS_EN = r"view|opinion|words|model|plan|proposal|estimate|scheme|eyes|scenario|calculation"
_SOURCE = re.compile(
    r"\b(?:[Ll]aut|[Aa]ccording\s+to|[Nn]ach\s+(?:Ansicht|Meinung|Auffassung|Einschätzung|Worten)(?:\s+von)?|"
    rf"[Ii]n\s+the\s+view\s+of|(?:im|nach\s+dem)\s+(?:{SOURCE_NOUNS_DE})\s+von|"
    rf"in\s+the\s+(?:{SOURCE_NOUNS_EN})\s+of)\s+((?:[A-ZÄÖÜ][\w\-]+\s+)?[A-ZÄÖÜ][\w\-]+)|"
    rf"\bin\s+([A-ZÄÖÜ][\w\-]+)['’]s\s+(?:{SOURCE_NOUNS_EN})\b|"
    rf"\b(?:in|nach)\s+([A-ZÄÖÜ][\w\-]+?)s\s+(?:{SOURCE_NOUNS_DE})\b"
)
_STANCE_VERB = re.compile(rf"\b(?:{STANCE_DE}|{STANCE_EN})\b", re.I)


def named_source(text: str) -> str | None:
    """Whom a question names as the source of what it asks ("laut Rubio", "according to
    Schmidt", "in Schmidt's view"), if anyone."""
    m = _SOURCE.search(outside_quotes(text))
    named = [w for w in (m[1] or m[2] or m[3]).split() if not is_title(w)] if m else []
    return " ".join(named[-2:]) or None


# a government named by its seat or country ("die Regierung in Moskau", "the government of France"): the place speaks
_GOVERNMENT_OF = re.compile(
    r"\b(?:Regierung|Führung|Staatsführung|government|administration|leadership)\s+(?:in|von|aus|of|in\s+der)\s+"
    r"(?:the\s+)?([A-ZÄÖÜ][\w\-]+)"
)


# whose view an English question asks ("what's biden's view", "Trump's position on NATO")
_WHOSE_VIEW = re.compile(r"\b([^\W\d_][\w\-]*)['’]s\s+(?=([^\W\d_]+))")
_NO_ONE = frozenset("article articles author paper text report piece story".split())  # "the article's view"


def named_actor(text: str, language: str) -> str | None:
    """The named speaker of a position question: the capitalised words near the stance verb
    (not those of a quotation: "Was meint er mit „Manche Dinge …“?" names nobody); without
    a stance verb, the one named as the source ("Welche Fähigkeiten fehlen Europa laut
    Ischinger?": Ischinger, not Europa; "Was sagt Rutte laut Focus?" is Rutte's)."""
    source = named_source(text)
    if source and not _STANCE_VERB.search(outside_quotes(text)):
        return source
    # typed in lower case, where no capital marks the name
    views = _WHOSE_VIEW.finditer(outside_quotes(text)) if language == "en" and text == text.lower() else iter(())
    whose = next((m[1] for m in views if is_stance_noun(m[2]) and not (is_stop(m[1]) or m[1].lower() in _NO_ONE)), None)
    if whose:  # "what's biden's view": Biden's, typed in lower case
        return whose
    government = _GOVERNMENT_OF.search(outside_quotes(text))
    if government:  # "Wie reagierte die Regierung in Moskau …?": Moskau speaks
        return government[1]
    toks = tokens(outside_quotes(text))
    subject = _SUBJECT_EN.search(text)  # "What did experts warn …", "what does hodges say"
    said_by = tokens(re.sub(r"^the\s+", "", subject[1], flags=re.I)) if subject else []
    if language == "en" and 0 < len(said_by) <= 2 and text != text.lower() and not any(t[0].isupper() for t in said_by):
        # "What did experts warn about a UN mission?": the experts speak, the UN is the topic
        # (not "What do some civil disobedient people feel …", no one in particular)
        return " ".join(content_words(" ".join(said_by))) or None
    if len(toks) > 1 and toks[0][:1].isupper() and toks[0].endswith("s") and is_stance_noun(toks[1]):
        return toks[0]  # "Trumps Meinung zur Nato": Trump's, put first (the genitive is read against the people known)
    caps = [
        i
        for i, t in enumerate(toks)
        if i > 0
        and t[0].isupper()
        and not is_stop(t)
        and t not in STANCE_NOUNS
        and toks[i - 1].lower() not in _WHICH  # "Welche Variante favorisiert Trump?": what is asked for
    ]
    if not caps:
        # typed in lower case ("was sagt hodges"): the first content word after the verb
        lower = text == text.lower()  # typed in lower case: in a cased question a name is capitalised
        if subject and lower:  # the subject between "does" and the verb: "the white house"
            return " ".join(content_words(subject[1])[-2:]) or None
        m = re.search(rf"\b(?:{STANCE_DE}|{STANCE_EN})\b\s+(.*)", text, re.I)
        after = content_words(m.group(1)) if m and lower else []
        return after[0] if after else None
    # the first run of capitalised words (e.g. "Marco Rubio", "Ben Hodges"), titles dropped
    run: list[str] = []
    for i in caps:
        if run and i != caps[caps.index(i) - 1] + 1:
            break
        run.append(toks[i])
    named = [w for w in run if not is_title(w)]
    if not named:  # "Does the US want …": a country's short name, which also stands before titles ("US President")
        return run[0] if len(run) == 1 and countries_named(run[0]) else None
    return " ".join(named[-2:])


_BOTH_OF = re.compile(r"\b(?:beiden|zwei|both|two)\s+[\w\-]+", re.I)


def sides_of(text: str, focus: Sequence[str]) -> tuple[str, ...]:
    """The things a comparison compares: the words around "und"/"and"/"vs"/"oder", with the
    names listed before them ("Trump, Rubio und Hegseth"), or the names it lists."""
    for joiner in (SIDE_JOINERS, r"von|from|mit|with|gegenüber|to"):
        for m in re.finditer(rf"([\w\-]+)\s+(?:{joiner})\s+(?:der|die|des|dem|den|the)?\s*([\w\-]+)", text):
            left, right = content_words(m.group(1)), content_words(m.group(2))
            if not left or not right or left[-1] in STANCE_NOUNS or right[0] in STANCE_NOUNS:
                continue  # "die Sicht von Rubio": Rubio is the side, his view what is compared
            if left[-1] != right[0] and not COMPARISON.match(left[-1]):
                ordinal = re.search(r"(\S+)\s+$", text[: m.start(1)])
                if ordinal and ORDINAL.match(ordinal[1]) and ORDINAL.match(right[0]):
                    return (ordinal[1], right[0])  # "the first option from the second": the first and the second
                before = _listed_before(text[: m.start(1)]) if m.group(1)[0].isupper() else []
                return (*before, left[-1], _surname(right[0], text[m.end(2) :]))[:MAX_SIDES]
    if _BOTH_OF.search(text):  # "Was unterscheidet die beiden Varianten …?": the two are a list, not two words
        return ()
    names: list[str] = []  # capitalised words, those side by side as one name ("Percy Shelley")
    for f in (f for f in focus if f[0].isupper() and f not in STANCE_NOUNS and not COMPARISON.fullmatch(f)):
        if names and f"{names[-1]} {f}" in text:
            names[-1] = f
        else:
            names.append(f)
    listed = [n for n in names if re.search(rf"\b{re.escape(n)}\s*,", text)]  # "Trump, Leavitt, Rubio: …"
    if len(listed) >= 2 and len(names) > 2:
        return tuple(names[: len(listed) + 1][:MAX_SIDES])
    return (names[0], names[1]) if len(names) >= 2 else ()


MAX_SIDES = 4  # "Trump, Leavitt, Rubio: who said what?" compares three
_LISTED = re.compile(r"((?:[A-ZÄÖÜ][\w\-]+\s*,\s*)+)$")


def _listed_before(text: str) -> list[str]:
    """The names listed with commas right before a comparison's "und" ("Trump, Rubio und
    Hegseth": "Trump"), as comparison sides of their own."""
    m = _LISTED.search(text)
    return [w.strip() for w in m.group(1).split(",") if w.strip()] if m else []


_NAME_GOES_ON = re.compile(r"\s+([A-ZÄÖÜ][\w\-]+)(?=\s+[a-zäöü]|\W*$)")


def _surname(word: str, rest: str) -> str:
    """The side a word opens: a first name goes on to a surname ("Mike Waltz gemeinsam" ->
    "Waltz"); a noun after a name is not one ("Selenskyj Sicht")."""
    m = _NAME_GOES_ON.match(rest)
    if word[0].isupper() and m and m.group(1) not in STANCE_NOUNS:
        return m.group(1)
    return word


_TWO_ACTORS = re.compile(r"\b([A-ZÄÖÜ][\w\-]+)\s+(?:und|and|sowie|or|oder)\s+((?:[A-ZÄÖÜ][\w\-]+\s+)?[A-ZÄÖÜ][\w\-]+)")


_SECOND_QUESTION = re.compile(r",?\s+(?:und|and)\s+(?=(?:was|wie|what|how)\b)", re.I)


def two_actors(text: str, actor: str | None, language: str) -> tuple[str, ...]:
    """The speakers a position question asks about together ("Was sagen Rubio und
    Hegseth?", "What do Macron and Scholz say?", "Was sagt Trump zur Nato und was meint
    Rutte?", "Was sagen Trump, Rubio und Hegseth?"); none for one speaker, or when the two
    are what the speaker is asked about ("Was sagt Trump über Selenskyj und Putin?")."""
    halves = _SECOND_QUESTION.split(text, maxsplit=1)
    if len(halves) == 2:  # two questions in one, each for a speaker of its own
        first, second = (named_actor(h, language) for h in halves)
        if first and second and first != second:
            return (first.split()[-1], second.split()[-1])
    plain = outside_quotes(text)
    m = _TWO_ACTORS.search(plain)
    if not m or m.start() == 0 or not actor:
        return ()
    before = _listed_before(plain[: m.start(1)])  # "Was sagen Trump, Rubio und Hegseth?"
    if (before or [m.group(1)])[0] not in actor.split():
        return ()
    return (*before, m.group(1), m.group(2).split()[-1])[:MAX_SIDES]  # a surname: "Pete Hegseth" -> "Hegseth"
