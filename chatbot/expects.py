"""The kind of answer a fact question expects, from its wording: a number ("Wie viele …",
"How many …"), money, a date, a person, an organisation or outlet, a place, yes or no.

    expected("Wie viele Soldaten fordert Hodges?", "de")   # "number"
    expected("Wer ist Ben Hodges?", "de")                  # None: who someone is, not a name
    expected("Werden die USA Truppen schicken?", "de")     # "yesno"

Which sentence holds such an answer is `answer_kinds.py`'s concern.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# "Wer hat das berichtet?", "Who published it?": an outlet asked for (the kind it expects, and a source
# question); so is whom a statement was made to ("Und wem hat er das gesagt?", "Mit wem hat Hodges
# gesprochen?": "…, sagte Hodges dem Redaktionsnetzwerk Deutschland"; "Who did he say that to?")
WHO_REPORTED = (
    r"^(?:und\s+|and\s+)?(?:wer|who)\b.*\b(?:berichtet\w*|gemeldet|meldete|veröffentlich\w*|verbreitet\w*|reported|"
    r"reports|published|interviewt\w*|interviewed|"
    # "Wer hat das Interview mit Rubio geführt?", "Who conducted the interview?"
    r"interview\w*\b.*\b(?:geführt|führte|conducted|did))\b|"
    r"^(?:und\s+)?(?:wem|gegenüber\s+wem)\b.*\b(?:gesagt|erzählt|erklärt|geäußert|sagte|erklärte|erzählte|äußerte|sprach|"
    r"interview\w*)\b|"
    r"^(?:and\s+)?(?:who|whom)\s+(?:did|has|had)\s+\w+\s+(?:say|said|tell|told|explain|give|gave)\b.*\bto\W*$|"
    # "Mit wem hat Hodges gesprochen?", "Who did Hodges talk to?": whom he spoke to, an outlet as often as not
    r"^(?:und\s+)?mit\s+wem\b.*\b(?:gesprochen|geredet|sprach|spricht|redete|redet)\b|"
    r"^(?:and\s+)?(?:who|whom)\s+(?:did|has|had|does)\s+\w+\s+(?:speak|spoken|talk|talked)\s+(?:to|with)\W*$|"
    r"\bto\s+whom\s+(?:did|has|had|was|were)\b|"
    # "Woher stammt die Meldung …?", "Where does the report come from?": who reported it
    r"^(?:und\s+)?woher\s+(?:stammt|stammen|kommt|kommen)\b.*\b(?:meldung|nachricht|information|bericht|angaben)\w*|"
    r"^(?:and\s+)?where\s+(?:does|did|do)\b.*\b(?:report|news|information|story)s?\b.*\bcome\s+from\b"
)
# money asked for: a word of cost or spending ("Was würde sie kosten?", "How expensive …"), or an
# amount ("wie viel", "how much", "wie hoch") of money ("Wie viel Geld …", "How much funding …").
# Not "Costa", "Kostümsammlung", "fundamental", nor a prize counted ("Wie viele Nominierungen für den
# Preis …": a number), nor who or when pays ("Wer zahlt …?": a party)
_COSTS = re.compile(
    r"\b(?:kost(?:e|est|et|en|ete|eten|spielig\w*)|teuer\w*|ausgeben|ausgegeben|costs?|costing|costly|expensive|"
    r"spend|spends|spent|spending)\b",
    re.I,
)
_AMOUNT = re.compile(
    r"\b(?:wie\s+viel|wieviel|wie\s+hoch|welche[nrs]?\s+(?:summe|betrag)|how\s+much|what\s+(?:amount|sum))\b", re.I
)
_MONEY = re.compile(
    r"\b(?:euro|dollar|preis(?:e|es)?|\w*(?:geld|gelder|budget|etat|ausgaben|hilfen|kosten)|finanzier\w*|mittel|"
    r"price\w*|money|budget|funds?|funding|pay|paid|worth|aid)\b",
    re.I,
)
_ASKS_OTHER = re.compile(r"^(?:und\s+|and\s+)?(?:wer|wem|wen|wann|wo|who|whom|when|where)\b", re.I)


# what makes something costly for someone asks for the means, not an amount ("What would make an
# attack expensive for Russia?", "Was würde einen Angriff teuer machen?")
_MADE_COSTLY = re.compile(
    r"\b(?:make|makes|making|made)\b[^?]*\b(?:expensive|costly)\b|\b(?:teuer|kostspielig)\s+(?:zu\s+)?"
    r"(?:machen|macht|machte|machten|gemacht)\b",
    re.I,
)


def _asks_money(text: str) -> bool:
    if _ASKS_OTHER.match(text):
        return False
    if _AMOUNT.search(text) and _MONEY.search(text):
        return True
    return bool(_COSTS.search(text)) and not _MADE_COSTLY.search(text)


# the nouns for people a question asks which one of ("Welcher Professor …", "Which expert …")
PEOPLE_DE = (
    r"politiker\w*|person|experte|experten|general|minister\w*|sprecher\w*|präsident\w*|beamte\w*|"
    r"führer|diplomat\w*|kanzler\w*|botschafter\w*|professor\w*|oberbefehlshaber\w*|staatschef\w*|regierungschef\w*"
)
PEOPLE_EN = (
    r"politicians?|person|people|experts?|generals?|ministers?|spokes\w+|presidents?|officials?|"
    r"leaders?|diplomats?|chancellors?|ambassadors?|professors?|commanders?|secretar(?:y|ies)"
)
_PEOPLE = re.compile(rf"(?:{PEOPLE_DE}|{PEOPLE_EN})", re.I)


def names_people(word: str) -> bool:
    """Is `word` a noun for people a question may ask which one of ("Professor", "experts")?"""
    return bool(_PEOPLE.fullmatch(word))


# whether a date is set ("Gibt es schon einen Termin für …?", "Is there a date for …?"): a date is
# asked for, and the date noun (the group) is no topic (`frames`)
DATE_SET = re.compile(
    r"^(?:und\s+|and\s+)?(?:gibt\s+es|steht)\s+(?:schon\s+|bereits\s+)?(?:einen|ein|den|das)\s+(termin|datum)\b|"
    r"^(?:and\s+|so\s+)?is\s+there\s+(?:already\s+|yet\s+)?(?:a|any)\s+(?:set\s+)?(date)\b",
    re.I,
)


_PATTERNS = [
    ("frequency", re.compile(r"\b(?:wie\s+oft|wie\s+häufig|how\s+often|how\s+frequently)\b", re.I)),
    (
        "number",
        re.compile(
            r"\b(?:wie\s+viel\w*|wieviel\w*|wie\s+(?:groß|klein|hoch|niedrig|lang|weit|stark|oft|alt)\w*|anzahl|"
            r"wie\s+viel\s+prozent|prozent\w*|welche[nrs]?\s+(?:anteil|umfang|größe|zahl)|"
            r"how\s+(?:many|much|large|big|small|long|far|high|often|old|strong)|"
            r"what\s+(?:percentage|share|proportion|number|size|fraction)|number\s+of|percent)\b",
            re.I,
        ),
    ),
    ("since", re.compile(r"\b(?:seit\s+wann|since\s+when)\b", re.I)),  # a date, or the event since which
    (
        "date",
        re.compile(
            r"\b(?:wann|seit\s+wann|bis\s+wann|an\s+welchem\s+tag|in\s+welchem\s+jahr|welches\s+datum|"
            r"zu\s+welchem\s+zeitpunkt|what\s+date|which\s+day|what\s+year|what\s+time|how\s+soon|"
            r"(?:by|since|until|till)\s+when)\b|"
            rf"{DATE_SET.pattern}|"  # whether a date is set
            # "When …?", "… and when?"; not a clause ("What does he do when his body is damaged?",
            # "When imperialism impacts social norms, what is it called?")
            r"^(?:and\s+|but\s+|so\s+|then\s+)?when\b(?![^?]*,\s*(?:what|who|which|how|where|why)\b)|\bwhen\W*$",
            re.I,
        ),
    ),
    (
        "org",
        re.compile(
            rf"{WHO_REPORTED}|"  # an outlet
            r"\b(?:welche[rsmn]?\s+(?:\w+\s+)?\w*(?:organisation|sender|zeitung|agentur|portal|medium|medien|"
            r"magazin|blatt|institution|institut|universität|uni|hochschule|behörde|partei)|which\s+(?:[\w\-]+\s+)?(?:organi[sz]ation|"
            r"outlet|newspaper|paper|agency|news\s+agency|broadcaster|network|magazine|channel|"
            r"institution|university|party|tv\s+station)|what\s+(?:[\w\-]+\s+)?(?:organi[sz]ation|outlet|newspaper|"
            r"agency|broadcaster|network|magazine|channel|university))\b",
            re.I,
        ),
    ),
    (
        "place",
        re.compile(
            r"\b(?:wo|wohin|woher|in\s+welche[rmn]?\s+(?:stadt|land|ort|hauptstadt)|an\s+welchem\s+ort|hauptstadt|"
            r"where|which\s+city|what\s+city|in\s+which\s+(?:country|city|place)|capital)\b",
            re.I,
        ),
    ),
    (
        "person",
        re.compile(
            # "Who does Zelensky want guarantees from?" asks for a party: countries, a person, an alliance
            r"^(?:und\s+|and\s+)?(?:wer|wem|wen|wessen|who|whom|whose)\b(?!.*\b(?:from|against)\W*$)|\b(?:welche[rsmn]?\s+"
            rf"(?:\w+\s+)?(?:\w+-)?(?:{PEOPLE_DE})|which\s+(?:\w+\s+)?(?:{PEOPLE_EN}))\b",
            re.I,
        ),
    ),
]
_YESNO_DE = re.compile(
    r"^(?:und\s+)?(?:ist|sind|war|waren|wird|werden|wurde|wurden|hat|haben|hatte|hatten|kann|können|könnte|"
    r"könnten|soll|sollen|sollte|sollten|will|wollen|wollte|würde|würden|darf|dürfen|muss|müssen|gibt|gab|"
    r"schickt|schicken|entsendet|entsenden|unterstützt|unterstützen|lehnt|lehnen|plant|planen|stimmt|"
    r"beteiligt|beteiligen|steht|stehen|bekommt|bekommen|erhält|erhalten|garantiert|garantieren|"
    # any verb a question may open with ("Gilt ein Nato-Beitritt als wahrscheinlich?")
    r"gilt|gelten|galt|bleibt|bleiben|braucht|brauchen|fordert|fordern|hält|halten|sieht|sehen|glaubt|glauben|"
    r"befürwortet|befürworten|droht|drohen|liefert|liefern|akzeptiert|akzeptieren|schließt|schließen|reicht|reichen|"
    r"fehlt|fehlen|erwartet|erwarten|rechnet|rechnen|zählt|zählen|warnt|warnen|hofft|hoffen|teilt|teilen|gehört|"
    r"gehören|besteht|bestehen|zahlt|zahlen|trägt|tragen|kommt|kommen|sagt|sagte|spricht|sprach|kriegt|kriegen|"
    r"macht|machen)\b",
    re.I,
)
_YESNO_EN = re.compile(
    r"^(?:and\s+|but\s+|so\s+)?(?:(?:is|are|was|were|do|does|did|can|could|will|would|should|has|have|had|may|"
    r"might|must|shall)(?:n['’]?t)?|won['’]?t)\b",  # "Wasn't Obama to blame …?" asks yes or no too
    re.I,
)
_HOW_LIKELY = re.compile(
    r"^(?:und\s+|and\s+)?(?:wie\s+(?:wahrscheinlich|realistisch)|how\s+(?:likely|realistic))\b", re.I
)


# in order: the first kind the wording asks for is the one expected
_EXPECTS: list[tuple[str, Callable[[str], bool]]] = [
    ("money", _asks_money),
    *((name, lambda text, p=pattern: bool(p.search(text))) for name, pattern in _PATTERNS),
]


def answer_kind(text: str) -> str | None:
    """The first kind of answer the wording asks for, if any ("Und wann genau?": a date)."""
    return next((name for name, asks in _EXPECTS if asks(text)), None)


def asks_frequency(text: str) -> bool:
    """Does the wording ask how often ("Wie oft …", "How often …"), not how or why?"""
    return dict(_EXPECTS)["frequency"](text)


# who is like that ("Wer ist optimistisch?"): a name is asked for, not who someone is
_WHO_IS_LIKE = re.compile(r"^(?:und\s+)?(?:wer|who)\s+(?:ist|war|is|was)\s+(?-i:[a-zäöüß])\w+\s*[?.!]*$", re.I)


def expected(text: str, language: str) -> str | None:
    """The kind of answer a fact question expects, yes or no included; None for any."""
    for name, asks in _EXPECTS:
        if asks(text):
            if (
                name == "person"
                and re.match(
                    r"^(?:und\s+)?(?:wer|who)\s+(?:ist|war|is|was)\s+(?!(?:der|die|das|the|a|an|noch|auch|sonst|dabei|dort|"
                    r"else|also|there)\b)",
                    text,
                    re.I,
                )
                and not _WHO_IS_LIKE.match(text)
            ):
                # "Wer ist Ben Hodges?" asks who someone is; "Wer ist der …?" and "Wer ist optimistisch?" for a name
                return None
            return name
    yes_no = _YESNO_EN if language == "en" else _YESNO_DE
    if yes_no.match(text) or _HOW_LIKELY.match(text):  # "Wie wahrscheinlich ist …?": whether it will happen
        return "yesno"
    return None


# a search-box query that names the kind of answer it wants ("ceasefire date", "Kosten Friedenstruppe",
# "Anzahl Soldaten"): the word names the kind, it is no topic
_KIND_NOUNS = {
    "date": "date",
    "datum": "date",
    "termin": "date",
    "zeitpunkt": "date",
    "cost": "money",
    "costs": "money",
    "kosten": "money",
    "price": "money",
    "preis": "money",
    "number": "number",
    "anzahl": "number",
    "place": "place",
    "location": "place",
    "ort": "place",
}


def kind_named(words: list[str]) -> tuple[str, str] | None:
    """The kind of answer a keyword query names, and the word naming it: ["ceasefire", "date"]
    -> ("date", "date"); None when no word names one."""
    return next(((_KIND_NOUNS[w.lower()], w) for w in words if w.lower() in _KIND_NOUNS), None)
