"""Which kind of answer a sentence holds, for a fact question that expects one: a number,
an amount of money, a date, a frequency, an organisation, a place, a person; and whether
its number counts what the question counts.

    has_kind("Nach Selenskyjs Besuch am 18. August …", "date")        # True
    has_kind("Trump schloss das laut Angaben kategorisch aus.", "place")  # False
    quantifies("… einer Armee von etwa 200.000 Soldaten …", {"soldat"}, index, None, 1.0)  # True

The patterns only recognise the kind; which sentence answers is `kinds.py`'s choice, and
whether to answer at all `abstain.py`'s.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

import numpy as np

from chatbot.evidence import Sentence, depends_on_previous, focus_forms, measured_forms, mentions
from chatbot.offices import holders_named
from chatbot.places import countries_in, owner
from chatbot.question import Question
from chatbot.speakers import known_people
from ingest.analyze import stem
from ingest.names import institution_names, person_names
from ingest.store import IndexData

_MONTHS = (
    "januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|january|february|march|"
    "may|june|july|october|december"
)
_WEEKDAYS = (
    "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|thursday|friday|"
    "saturday|sunday"
)
_NUMBER_WORDS = (
    "eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|hundert|tausend|million\\w*|"
    "milliarde\\w*|dutzend\\w*|hälfte|drittel|viertel|prozent|one|two|three|four|five|six|seven|eight|nine|ten|"
    "hundred|thousand|million|billion|dozen|half|percent"
)
KIND_PATTERNS = {
    # a multiple answers too ("das Zehnfache", "doppelt so viele")
    "number": re.compile(
        rf"\d|%|\b(?:{_NUMBER_WORDS})\b|\b\w+fache[nrs]?\b|\b(?:doppelt|dreifach|vierfach|twice|double|triple)\b",
        re.I,
    ),
    "money": re.compile(
        r"(?:\d[\d.,]*\s*(?:€|\$|£|euro|dollar|pfund|mio|mrd|millionen|milliarden))|(?:[€$£]\s*\d)|"
        r"\b(?:euro|dollar|kosten|kostet|milliarden|millionen|budget|haushalt)\b",
        re.I,
    ),
    "date": re.compile(
        rf"\b(?:\d{{1,2}}\.\s*(?:{_MONTHS})|(?:{_MONTHS})\b|(?:1\d|20)\d\d(?:er|ern|s)?\b|(?:{_WEEKDAYS})\b|"
        # decades and centuries: "in den 90er Jahren", "in the 1980s", "im 19. Jahrhundert"
        r"\d0(?:er|ern|s)\b|\d{1,2}\.\s*jahrhundert\w*|\d{1,2}(?:st|nd|rd|th)\s+century|"
        r"(?:heute|gestern|vorgestern|morgen|übermorgen|bald|demnächst|kürzlich|jüngst|zuletzt|später|"
        r"today|yesterday|tomorrow|soon|recently|later)\b|"
        r"(?:diese[rn]?|nächste[nr]?|kommende[nr]?|vergangene[nr]?|letzte[nr]?|this|next|last|coming)\s+"
        r"(?:woche|monat|jahr|week|month|year)\w*|"
        # a time from now or then ("vor zwei Wochen", "in a few days"), not a bare duration ("mehrere Wochen")
        r"\b(?:in|nach|vor|seit|binnen|innerhalb|within|for|after)\s+(?:(?:\d+|ein\w*|one|two)\s+(?:oder|bis|or|to)\s+)?"
        r"(?:\d+|ein\w*|zwei|drei|vier|fünf|sechs|mehrere[nr]?|wenige[nr]?|one|two|three|a few|several)\s+"
        r"(?:tag|woche|monat|jahr|stunde|day|week|month|year|hour)\w*|"
        r"\b(?:\d+|one|two|three|a few|several)\s+(?:day|week|month|year|hour)s?\s+ago\b|"
        r"\b(?:anfang|mitte|ende|beginn|early|mid|late)\s+(?:de[rs]\s+)?(?:\d|(?:{_MONTHS})|woche|monats|jahres)|"
        r"\b(?:frühjahr|sommer|herbst|winter|spring|summer|autumn|(?-i:fall))\b)",  # not German "Fall"
        re.I,
    ),
    # "Seit wann …?" is answered by a date or by the event since which: "Seit dem Ukraine-Gipfel …"
    "since": re.compile(
        r"\bseit\s+(?:dem|der|den|einem|einer)\s+(?:\w+\s+)?(?-i:[A-ZÄÖÜ])[\w\-]+|\bsince\s+the\s+\w+", re.I
    ),
    "org": re.compile(
        r"\b(?:[A-Z]{2,}[a-z]?\b|[A-ZÄÖÜ]\w+(?:agentur|netzwerk|rat|bündnis|ministerium|universität|university|news|"
        r"zeitung|magazin|sender|institut|partei|regierung|kommission|bank|konzern|gruppe|gerichtshof|verband|"
        r"komitee|gesellschaft|stiftung|akademie|kirche)\b|"
        # a name ending in a word for a body: "All India Muslim League", "Nationale Islamische Front"
        r"[A-ZÄÖÜ]\w+\s+(?:League|Liga|Front|Union|Court|Council|Committee|Association|Society|Foundation|Church|"
        r"Party|Organi[sz]ation|Institute|Academy|Company|Corporation|Bund|Verband|Komitee|Partei|Gerichtshof)\b|"
        r"(?i:laut|zufolge|berichtete[nt]?|berichtet|meldete|sender|magazin|zeitung|nachrichtenagentur|agentur|plattform|"
        r"quellen\s+des|quellen\s+der|bericht\s+de[rs]|interview\s+mit)\s+(?:de[rsm]\s+)?[A-ZÄÖÜ]\w+|"
        r"[A-ZÄÖÜ]\w+-(?i:bericht|sender|magazin|zeitung|agentur)\w*)"
    ),
    # "in London", "im Oval Office", "auf seiner Plattform Truth Social"
    "place": re.compile(
        r"\b(?:in|nach|aus|im|am|bei|an der|entlang|auf)\s+(?:der\s+|dem\s+|den\s+|seiner\s+|ihrer\s+|seinem\s+|"
        r"ihrem\s+)?(?:Plattform\s+|Website\s+|Webseite\s+|Kanal\s+)?[A-ZÄÖÜ]\w+"
    ),
    # "Wie oft …?": a number or a word of frequency ("selten", "jährlich")
    "frequency": re.compile(
        rf"\d|\b(?:{_NUMBER_WORDS}|mal|selten|oft|häufig|manchmal|gelegentlich|regelmäßig|ständig|nie|niemals|"
        r"täglich|wöchentlich|monatlich|jährlich|rarely|seldom|often|frequently|sometimes|occasionally|"
        r"regularly|never|daily|weekly|monthly|yearly|annually|once|twice|times)\b",
        re.I,
    ),
    "yesno": re.compile(r"."),
}


# a number that names something rather than counting it: "Artikel 5", "Absatz 2", "Article 5"
_DESIGNATOR = re.compile(
    r"\b(?:Artikel|Art\.|Absatz|Abs\.|Paragrafe?n?|Paragraphe?n?|Kapitel|Nummer|Nr\.|Article|Chapter|Section|No\.)\s*\d+\w*"
)

# a person named by one name, introduced as such ("Ein Normanne namens Oursel", "a monk named Gregory")
_NAMED = re.compile(r"\b(?:namens|named)\s+[A-ZÄÖÜ][a-zäöüß]{2,}")


def has_kind(text: str, kind: str | None) -> bool:
    """Does `text` hold the kind of answer a fact question expects?"""
    if kind is None:
        return True
    if kind == "person":  # "Wer …?" may be answered by an institution too ("Troika Design Group")
        return bool(person_names(text) or institution_names(text) or _NAMED.search(text))
    if kind == "number":  # "Artikel 5" names an article, it counts nothing
        text = _DESIGNATOR.sub(" ", text)
    if kind == "since":
        return has_kind(text, "date") or bool(KIND_PATTERNS["since"].search(text))
    pattern = KIND_PATTERNS.get(kind)
    return bool(pattern.search(text)) if pattern else True


_NUMBER = re.compile(rf"^(?:\d[\d.,]*|(?:{_NUMBER_WORDS}))$", re.I)
_TOKEN = re.compile(r"\d[\d.,]*\d|\d|\w+|[%€$£]")
COUNT_WINDOW = 3  # words between a number and what it counts: "200.000 Soldaten", "Armee von etwa 200.000"


# what a number question counts when it asks for countries ("Wie viele Länder …", "How many countries …")
_COUNTRY_NOUNS = re.compile(r"länder|staaten|nationen|countries|states|nations", re.I)
LISTED = 3  # countries a sentence names, to answer how many of them there are (a list, not a pair)


def lists_counted(text: str, measured: str | None, index: IndexData) -> bool:
    """Does `text` answer how many countries by naming them ("Wie viele Länder schicken ihre
    Militärchefs?": "… von seinen Kollegen aus Deutschland, Großbritannien, Frankreich, Finnland
    und Italien")? The reader counts the list; the sentence holds no number."""
    return bool(_COUNTRY_NOUNS.fullmatch(measured or "")) and len(countries_in(text, index)) >= LISTED


# the titles of whoever leads something: a head of state or government, an alliance's secretary
# general, an army's commander, a chair; or a verb saying someone led it
_HEAD = re.compile(
    r"(?:präsident|kanzler|premierminister|ministerpräsident|regierungschef|generalsekretär|chef|leiter|"
    r"kommandeur|kommandant|oberbefehlshaber|befehlshaber|führer)(?:in|innen|en|n|s|es|e)?\b|"  # "Generalstabschef"
    r"\bvorsitzend\w*|"
    r"\b(?:president|chancellor|prime\s+minister|secretary[\s\-]general|chair(?:man|woman)?|head|leader|chief|"
    r"commander)s?\b|"
    # … or whoever the sentence says led it ("Ein Normanne namens Oursel führte eine Gruppe …")
    r"\b(?:führte|leitete|befehligte|kommandierte|anführte|led|headed|commanded)\b",
    re.I,
)


_WHICH_PERSON = re.compile(r"^(?:und\s+|and\s+)?(?:welche[rsnm]?|which)\b", re.I)  # "Which general …", not "Who …"


def holds_answer(text: str, q: Question, index: IndexData) -> bool:
    """Does `text` hold the kind of answer the fact question `q` expects: the kind itself,
    for "how many countries" the countries named one by one, for "who" someone the archive
    names in full elsewhere, other than the people asked about ("Wer erhielt 1915 eine
    Nominierung?": "… Edison …", where "Thomas Edison" is named in another sentence)?"""
    if q.leader:  # "Wer führt die Nato?": a name with the title of a head ("Generalsekretär … Mark Rutte")
        return bool(_HEAD.search(text)) and has_kind(text, "person")
    asked = {stem(w.lower()) for w in q.focus}
    if q.expects == "person":

        def known_other() -> bool:  # someone the archive names in full, by the sentence's few words
            return bool((index.stems(text) & known_people(index)) - asked)

        if _WHICH_PERSON.match(q.text):
            # "Which general will meet Caine?": a person other than those asked about ("Wer …?" may be
            # answered by an institution or a group: "… in der Verantwortung der Europäer")
            return _someone_else(text, asked) or known_other()
        # someone other than the people asked about ("Who does Rubio think could take part?" is
        # not answered by "Der US-Außenminister Marco Rubio könnte …"), an institution, or a people
        # ("Who could take part?": "… auch die Europäer könnten partizipieren")
        if _someone_else(text, asked) or institution_names(text):
            return True
        # an office's holder the sentence names by the office alone ("Wer nannte Nato-Truppen inakzeptabel?":
        # "Der russische Außenminister hat erklärt …"), not the office asked about ("Wer ist der russische
        # Außenminister?"), nor the office of a person it names ("Der US-Außenminister Marco Rubio …")
        offices = holders_named(text) if not q.role and not person_names(text) else []
        if any(stem(o.lower()) not in asked for o in offices):
            return True
        people = _PEOPLE_OF.findall(text)
        return bool(people and not any(stem(m.lower()) in asked for m in people)) or known_other()
    if q.expects == "place":
        return _place_of_asked(text, q, index)
    if has_kind(text, q.expects):
        return True
    if q.expects == "number" and q.ends == "duration" and _SPAN.search(text):
        return True  # "How long might the negotiations last?": "… „mehrere Wochen“ in Anspruch nehmen …"
    if q.expects == "number":
        return lists_counted(text, q.measured, index) or states_size(text, q, index)
    return False


# a span of time with no figure, which answers how long ("mehrere Wochen", "a few months")
_SPAN = re.compile(
    r"\b(?:mehrere|einige|wenige|ein\s+paar|viele|several|a\s+few|few|many)\s+"
    r"(?:tage|wochen|monate|jahre|stunden|jahrzehnte|days|weeks|months|years|hours|decades)\b",
    re.I,
)


_SIZE = re.compile(r"\b(?:Größe|Umfang|Stärke|Anzahl|Zahl)\b")


def states_size(text: str, q: Question, index: IndexData) -> bool:
    """Does `text` speak of the size or number of what the question measures, with or without
    a figure ("Wie groß soll die Truppe sein?": "Die Schätzungen über die Größe dieser
    vorgeschlagenen Truppe schwanken stark …")? Not when it asks whose figure it is ("How many
    troops does he think it would take?")."""
    if q.actor or q.source:
        return False
    return bool(_SIZE.search(text)) and mentions(measured_forms(q, index), index.stems(text))


# a noun in the genitive right before a place: the place is that noun's ("… zur Beendigung des Krieges
# in der Ukraine": the war's place, not the meeting's)
_GENITIVE_BEFORE = re.compile(r"\bdes\s+(?:[a-zäöü]\w*\s+)?([A-ZÄÖÜ]\w+)\s+$")


def _place_of_asked(text: str, q: Question, index: IndexData) -> bool:
    """Does `text` name a place that is not the place of a noun in the genitive the question
    does not ask about ("Wo soll das trilaterale Treffen stattfinden?" is not answered by
    "… Treffen … zur Beendigung des Krieges in der Ukraine")?"""
    asked: set[str] | None = None  # the question's forms, read only when a genitive comes before a place
    for m in KIND_PATTERNS["place"].finditer(text):
        of = _GENITIVE_BEFORE.search(text, 0, m.start())
        if not of:
            return True
        if asked is None:
            asked = {s for forms in focus_forms(q, index).values() for s in forms}
        if stem(of.group(1).lower()) in asked:
            return True
    return False


def _someone_else(text: str, asked: set[str]) -> bool:
    """Does `text` name a person other than those asked about (by the last word of the name)?"""
    return any(stem(n.split()[-1].lower()) not in asked for n in person_names(text))


# a people named by its plural ("die Europäer", "die Briten und Franzosen"), who may answer "who"
_PEOPLE_OF = re.compile(
    r"\b(?:die|den|der)\s+(?:[a-zäöü]\w*\s+)?(Europäer|Briten|Franzosen|Amerikaner|Russen|Ukrainer|Deutschen|"
    r"Italiener|Polen|Finnen|Australier|Chinesen|Türken|Kanadier|Japaner|"
    # … or states as a group ("die Partnerstaaten", "die Verbündeten", "die Mitgliedstaaten")
    r"\w*(?:staaten|länder|partner|verbündeten|mitglieder))\b"
)


# kinds of answer a sentence may take from the one it leans on
LEANING_KINDS = ("person", "place", "org", "date", "since")


def sentence_holds_answer(c: Sentence, q: Question, index: IndexData) -> bool:
    """`holds_answer` for a candidate sentence; a sentence leaning on the one before is also
    answered by what that one names: a who-question by the "er" or "sie" it names ("Who warned
    about escalation?": "Zur Begründung verwies sie auf die Gefahr …" after "Außenamtssprecherin
    Maria Sacharowa erklärte: …"), a where-question by its place; the quote brings that
    sentence along."""
    if holds_answer(c.text, q, index):
        return True
    # "Dazu gehören die Themen Abtreibung, …" after "… die Westminster vorbehalten sind": where
    return q.expects in LEANING_KINDS and depends_on_previous(c.text) and holds_answer(c.before, q, index)


def quantifies(
    text: str, counted: AbstractSet[str], index: IndexData, vector: np.ndarray | None, min_cos: float
) -> bool:
    """Does a number in `text` count or measure what the question asks about: a word within
    COUNT_WINDOW words of it with one of the `counted` stems, or close to `vector` by word
    vectors ("100.000 Friedenswächter" for "Wie viele Friedenswächter", "Armee von etwa
    200.000 Soldaten" for "Heer"), not a number about something else ("drei Komponenten")?"""
    toks = _TOKEN.findall(text)
    near = _near_numbers(toks)
    if not near:
        return False
    words = [toks[j].lower() for j in sorted(near) if toks[j].isalpha()]
    if mentions(counted, {stem(w) for w in words}) or counted & {toks[j] for j in near}:
        return True  # the word, or its sign ("2 %" for "Prozent")
    if vector is None or not len(index.lexicon):
        return False
    rows = index.lexicon_rows()
    found = [rows[w] for w in words if w in rows]
    return bool(found) and float((index.lexicon_vectors[found] @ vector).max()) >= min_cos


def counted_owners(text: str, counted: AbstractSet[str]) -> set[str]:
    """Whose things a number in `text` counts: the countries, unions or alliances named right
    before a `counted` word near it ("vieler tausend europäischer Soldaten" -> {"europa"};
    "einer Armee von etwa 200.000 Soldaten" -> none)."""
    toks = _TOKEN.findall(text)
    out = set()
    for j in _near_numbers(toks):
        if j and toks[j].isalpha() and mentions(counted, {stem(toks[j].lower())}):
            who = owner(toks[j - 1])
            if who:
                out.add(who)
    return out


def _near_numbers(toks: list[str]) -> set[int]:
    """Positions of the tokens within COUNT_WINDOW of a number (the numbers left out)."""
    numbers = [i for i, t in enumerate(toks) if _NUMBER.match(t)]
    return {j for i in numbers for j in range(i - COUNT_WINDOW, i + COUNT_WINDOW + 1) if 0 <= j < len(toks) and j != i}
