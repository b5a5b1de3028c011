"""How questions are phrased: the German and English words that ask (question words,
verbs of speech) and the patterns that tell a question's kind.

    classify("Was sagt Rubio?", "de")           # ('position', None)
    classify("Wie viele Soldaten …?", "de")     # ('fact', 'number')
    content_words("Was ist das?")              # []

Kinds: "fact" (with the kind of answer it expects: number, money, date, person, org,
place, yesno or None), "overview" (lists, options; "person" or "country" when it lists
those), "position" (what a named actor says), "reason" (why / how) and "comparison". A
question with no content words is "empty"; one about the bot itself is "meta". The
patterns only classify; they never decide an answer. `question.py` builds the analysed
question on top of them; what else a question asks for (a source, a motive, everything
on a subject) is `asks.py`'s.
"""

from __future__ import annotations

import re

from chatbot.listing import OUTLET_NOUNS, list_of, lists_outlets
from chatbot.utterance import only_pleasantries
from ingest.analyze import ENGLISH_STOP, GERMAN_STOP

Kind = str  # "fact" | "overview" | "position" | "reason" | "comparison" | "summary" | "empty" | "meta"

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*\s?%?|[^\W\d_][\w\-]*")

# question words and fillers that are never the focus of a question
_QUESTION_WORDS = set(
    """was wer wen wem wessen wann warum wieso weshalb weswegen wie wo wohin woher welche welcher welches
    welchem welchen womit wodurch wofür worüber worauf wovon worin wovor wozu woran worum wobei wogegen
    inwiefern ob und also eigentlich genau denn seiner ihrer seinen ihren seinem ihrem seines ihres
    bitte mal etwa what who whom whose when why how where which whether and so please exactly actually
    tell me explain describe gibt es there""".split()
)
# speech and stance verbs of position questions ("Was sagt X", "What did X say")
STANCE_DE = (
    r"sagt|sagte|sagen|sagten|meint|meinte|meinen|fordert|forderte|fordern|verlangt|verlangte|denkt|dachte|"
    r"hält|hielt|halten|will|wollte|wollen|warnt|warnte|warnen|kritisiert|kritisierte|erklärt|erklärte|"
    r"betont|betonte|schlägt|schlug|schreibt|schrieb|behauptet|behauptete|empfiehlt|empfahl|glaubt|"
    r"sieht|sah|befürchtet|verspricht|versprach|lehnt|lehnte|plant|plante|äußert|äußerte|antwortet|"
    r"antwortete|reagiert|reagierte|sprach|spricht|rät|riet|bietet|bot|vertritt|vertrat|argumentiert|"
    r"bevorzugt|bevorzugte|bevorzugen|favorisiert|wünscht|wünschte|hofft|hoffte"
)
STANCE_EN = (
    r"say|said|says|think|thinks|thought|want|wants|wanted|demand|demands|demanded|warn|warns|warned|"
    r"propose|proposes|proposed|claim|claims|claimed|argue(?!\s+with\b)|argues(?!\s+with\b)|argued(?!\s+with\b)|"
    r"believe|believes|believed|"
    r"suggest|suggests|suggested|stress|stresses|stressed|call for|calls for|called for|criticise|"
    r"criticize|criticised|criticized|recommend|recommends|recommended|expect|expects|expected|"
    r"offer|offers|offered|reject|rejects|rejected|insist|insists|insisted|fear|fears|feared|"
    r"promise|promises|promised|mean(?!\s+for\b)|means(?!\s+for\b)|meant(?!\s+for\b)|"
    r"make of|feel|feels|tell|told|respond|responded|react|reacted|"
    r"saying|thinking|wanting|demanding|warning|proposing|claiming|arguing|suggesting|stressing|calling for|"
    r"recommending|expecting|offering|rejecting|insisting|promising|asking for|pushing for|planning|"
    r"prefer|prefers|preferred|favour|favours|favoured|favor|favors|favored|hope|hopes|hoped|"
    r"clarify|clarifies|clarified|emphasi[sz]e|emphasi[sz]es|emphasi[sz]ed|point out|points out|pointed out"
)
_PARTICIPLES_DE = (
    r"gesagt|geschrieben|gefordert|erklärt|gewarnt|gemeint|betont|kritisiert|vorgeschlagen|angekündigt|"
    r"behauptet|verlangt|versprochen|geäußert|angeboten|abgelehnt|signalisiert|angedeutet|klargestellt|"
    r"bekräftigt|eingeräumt|mitgeteilt|verkündet|zugesagt|von sich gegeben|verlauten lassen|zu verstehen gegeben"
)
STANCE_WORD = re.compile(rf"^(?:{STANCE_DE}|{STANCE_EN}|{_PARTICIPLES_DE})$", re.I)
# "Wie sieht X das?", "How does X see …": a view asked with "wie"/"how", not a way
_HOW_SEEN = (
    re.compile(
        r"\bwie\s+(?:äußert|äußerte|äußern|positioniert|positionierte|positionieren|steht|stand|stehen|standen|"
        r"sieht|sah|sehen|sahen|bewertet|bewertete|bewerten|beurteilt|beurteilte|beurteilen)\b",
        re.I,
    ),
    re.compile(r"\bhow\s+(?:do|does|did)\s+.{1,60}?\b(?:see|view|react|respond|feel|position)\b", re.I),
)
_LOOKS_LIKE = re.compile(r"\bwie\s+(?:sieht|sah|sehen)\b.*\baus\W*$", re.I)  # what X looks like, not a view
# what a list is of: "Welche Optionen …", "What steps …"
_LIST_NOUNS = (
    r"optionen|möglichkeiten|vorschläge|ideen|länder|staaten|szenarien|varianten|modelle|wege|schritte|maßnahmen|"
    r"forderungen|bedingungen|komponenten|elemente|risiken|gefahren|probleme|hindernisse|argumente|akteure|"
    r"politiker|experten|rollen|aufgaben|options|possibilities|proposals|ideas|countries|states|nations|scenarios|"
    r"variants|models|ways|steps|measures|demands|conditions|components|elements|risks|dangers|problems|obstacles|"
    r"arguments|actors|politicians|experts|roles|tasks|guarantees|alternatives|plans|players|leaders"
)
_LIST_NOUN = re.compile(rf"(?:{_LIST_NOUNS}|{OUTLET_NOUNS})", re.I)

_FILLER = r"(?:(?:genau|eigentlich|denn|nun|konkret|bisher|dazu)\s+)?"  # "Was genau hat Trump geschrieben?"
# whose view: "Schmidt's view", "the position of Moscow" (a number asked in it is a fact:
# "How many troops … in Schmidt's view?")
_VIEW_OF = [
    re.compile(r"['’]s\s+(?:position|view|stance|opinion|take|argument|demand|warning|proposal|line)\b", re.I),
    re.compile(r"\b(?:position|stance|view|views|opinion)\s+of\b", re.I),
]
_POSITION = [
    *_HOW_SEEN,
    re.compile(rf"\b(?:was|wie|wofür|wogegen|worauf|wovor)\s+{_FILLER}(?:{STANCE_DE})\b", re.I),
    re.compile(
        rf"\b(?:was|wofür|wogegen|wovor)\s+{_FILLER}(?:hat|haben|hatte|hatten)\b.{{1,60}}?\b(?:{_PARTICIPLES_DE})\b",
        re.I,
    ),
    re.compile(r"\b(?:position|haltung|standpunkt|meinung|sichtweise|einschätzung|forderung|forderungen)\b", re.I),
    re.compile(r"\bkritik\s+(?:übt|übte|üben|übten|äußert|äußerte|äußern)\b", re.I),  # "Welche Kritik übt Moskau …?"
    re.compile(
        rf"\bwhat\s+(?:do|does|did|is|are|was|were|has|have|had|would|will)\s+.{{1,60}}?\b(?:{STANCE_EN})\b", re.I
    ),
    *_VIEW_OF,
    # "Welche Option bevorzugt Kiew?", "Which option does Kyiv prefer?": the actor's preference
    re.compile(r"\b(?:welche[nrs]?|which)\b.{0,40}?\b(?:bevorzug\w*|favorisier\w*|prefer\w*|favou?r(?:s|ed)?)\b", re.I),
    # "Welche Gefahr sieht Moskau …?", "What kind of weapons does Zelensky want?": a thing the actor
    # sees, fears or wants (not a list: "Welche Bedingungen fordert Hodges?" lists them)
    re.compile(
        rf"\b(?:welche[nrs]?)\s+(?!(?:{_LIST_NOUNS})\b)[\w\-]+\s+(?!(?:will|wollte|wollen|plant|plante)\b)"
        rf"(?:{STANCE_DE})\s+(?:der\s+|die\s+|das\s+)?"
        r"(?-i:[A-ZÄÖÜ])",
        re.I,
    ),
    re.compile(
        rf"\b(?:what|which)\s+(?!(?:{_LIST_NOUNS})\b)(?:[\w\-]+\s+){{1,3}}?(?:do|does|did)\s+(?:the\s+)?"
        rf"(?-i:[A-Z])[\w\-]*\s+(?:{STANCE_EN})\b",
        re.I,
    ),
    # a yes/no question on what someone thinks ("Does he think the US has to do it alone?",
    # "Meint Rubio, die USA müssten das allein tun?"): what they say on it
    re.compile(
        r"^(?:and\s+|but\s+|so\s+)?(?:does|do|did)\s+(?!(?:the\s+)?(?:articles?|texts?|you)\b)"
        r"(?:[\w\-']+\s+){1,3}?(?:think|believe|want|say|expect|agree|"
        r"feel|prefer|fear|suggest|propose)\b",
        re.I,
    ),
    re.compile(
        r"^(?:und\s+|aber\s+)?(?:meint|meinte|glaubt|glaubte|denkt|dachte|findet|fand|befürchtet|erwartet|bevorzugt)"
        r"\s+(?:er|sie|[A-ZÄÖÜ][\w\-]+)\b",
        re.I,
    ),
    re.compile(r"\bwhere\s+(?:do|does)\s+.{1,40}?\bstand\b", re.I),
]
COMPARISON = re.compile(
    r"\b(?:unterscheid\w*|unterschied\w*|vergleich\w*|verglichen|gemeinsam\w*|gegensatz|differ\w*|"
    r"compare\w*|comparison|contrast\w*|versus|vs\.?|in common|same as|similar\w*|far apart|auseinander\w*|"
    r"disagree\w*|uneinig\w*)\b",
    re.I,
)
_REASON = re.compile(
    r"^(?:und\s+|and\s+|but\s+|aber\s+)?(?:warum|wieso|weshalb|weswegen|why)\b|\baus welchem grund\b|\bwodurch\b|"
    r"\bwie\s+(?:begründ\w*|erklärt sich|kommt es)\b|\bwhat\s+(?:is|are|was|were)\s+the\s+reasons?\b|"
    r"\bfor what reason\b|\bhow come\b|\bgründe?\b|\bbegründ\w*|\breasons?\b|"
    r"^(?:und\s+|and\s+)?(?:wie|how)\s+(?!viele?\b|lange?\b|groß\w*|hoch\b|weit\b|alt\b|oft\b|stark\b|teuer\b|"
    r"schnell\b|many\b|much\b|long\b|large\b|big\b|high\b|far\b|old\b|often\b|soon\b|strong\b|expensive\b)"
    r"(?:\w+\s+){0,2}?(?:kann|könnte|können|könnten|soll|sollte|sollen|ließe|lässt|läßt|würde|würden|wird|"
    r"werden|muss|müsste|müssen|could|can|would|should|will|might|is|are|do|does|did)\b",
    re.I,
)
_OVERVIEW = re.compile(
    rf"\b(?:welche|which|what)\s+(?:\w+\s+){{0,2}}?(?:{_LIST_NOUNS})\b|"
    # "What are the two scenarios …?", "Was sind die beiden Varianten …?"
    rf"\b(?:what\s+(?:are|were)\s+the|was\s+(?:sind|waren)\s+die)\s+(?:\w+\s+)?(?:{_LIST_NOUNS})\b|"
    r"\b(?:überblick|überblicksartig|zusammenfassung|zusammenfassen|worum geht|was wird (?:\w+ )?diskutiert|"
    r"was ist im gespräch|was braucht|was bräuchte|was wäre nötig|was müssten?|was muss|was müssen|welche rolle|"
    r"what role|which role|"
    r"overview|summary|summari[sz]e|what is being discussed|what(?:'s| is) on the table|what would .{1,40} need|"
    r"what does .{1,40} need|what is needed|what needs|"
    r"what (?:would|does|will) it take (?:for|to)\b|list\b|aufzählen|nenne|alles|all the)\b|"
    r"^(?:und\s+)?welche\s+\w+\s+(?:[\w\-]+\s+){0,3}?(?:sind|werden|wurden|gibt es|gab es|haben|hatten|stehen|liegen|"
    r"könnten|würden|müssten|sollen|sollten)\b|^(?:and\s+)?(?:which|what)\s+\w+s\s+(?:are|were|have|had|would|could|"
    r"should|might|will)\b",
    re.I,
)
# "Wer hat das berichtet?", "Who published it?": an outlet asked for (the kind it expects, and a source
# question); so is whom a statement was made to ("Und wem hat er das gesagt?": "…, sagte Hodges dem
# Redaktionsnetzwerk Deutschland"; "Who did he say that to?")
WHO_REPORTED = (
    r"^(?:und\s+|and\s+)?(?:wer|who)\b.*\b(?:berichtet\w*|gemeldet|meldete|veröffentlich\w*|reported|reports|"
    r"published|interviewt\w*|interviewed)\b|"
    r"^(?:und\s+)?(?:wem|gegenüber\s+wem)\b.*\b(?:gesagt|erzählt|erklärt|geäußert|sagte|erklärte|erzählte|"
    r"interview\w*)\b|"
    r"^(?:and\s+)?(?:who|whom)\s+(?:did|has|had)\s+\w+\s+(?:say|said|tell|told|explain|give|gave)\b.*\bto\W*$|"
    r"\bto\s+whom\s+(?:did|has|had|was|were)\b"
)
_EXPECTS = [
    (
        "money",
        re.compile(
            r"\b(?:kost\w*|euro|dollar|preis\w*|geld|budget|finanzier\w*|ausgaben|cost\w*|price\w*|"
            r"money|spend\w*|fund\w*|pay\w*|expensive|teuer)\b",
            re.I,
        ),
    ),
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
    (
        "date",
        re.compile(
            r"\b(?:wann|seit\s+wann|bis\s+wann|an\s+welchem\s+tag|in\s+welchem\s+jahr|welches\s+datum|"
            r"zu\s+welchem\s+zeitpunkt|when|what\s+date|which\s+day|what\s+year|what\s+time|how\s+soon|"
            r"by\s+when)\b",
            re.I,
        ),
    ),
    (
        "org",
        re.compile(
            rf"{WHO_REPORTED}|"  # an outlet
            r"\b(?:welche[rsmn]?\s+(?:\w+\s+)?\w*(?:organisation|sender|zeitung|agentur|portal|medium|medien|"
            r"magazin|blatt|institution|institut|universität|hochschule|behörde|partei)|which\s+(?:organi[sz]ation|"
            r"outlet|newspaper|paper|agency|news\s+agency|broadcaster|network|magazine|channel|"
            r"institution|university|party|tv\s+station)|what\s+(?:organi[sz]ation|outlet|newspaper|"
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
            r"(?:politiker\w*|person|experte|experten|general|minister\w*|sprecher\w*|präsident\w*)|"
            r"which\s+(?:politician|person|expert|general|minister|spokes\w+|president|official))\b",
            re.I,
        ),
    ),
]
_YESNO_DE = re.compile(
    r"^(?:und\s+)?(?:ist|sind|war|waren|wird|werden|wurde|wurden|hat|haben|hatte|hatten|kann|können|könnte|"
    r"könnten|soll|sollen|sollte|sollten|will|wollen|wollte|würde|würden|darf|dürfen|muss|müssen|gibt|gab|"
    r"schickt|schicken|entsendet|entsenden|unterstützt|unterstützen|lehnt|lehnen|plant|planen|stimmt|"
    r"beteiligt|beteiligen|steht|stehen|bekommt|bekommen|erhält|erhalten|garantiert|garantieren)\b",
    re.I,
)
_YESNO_EN = re.compile(
    r"^(?:and\s+|but\s+|so\s+)?(?:is|are|was|were|do|does|did|can|could|will|would|should|has|have|had|may|"
    r"might|must|shall)\b",
    re.I,
)
_HOW_LIKELY = re.compile(
    r"^(?:und\s+|and\s+)?(?:wie\s+(?:wahrscheinlich|realistisch)|how\s+(?:likely|realistic))\b", re.I
)
_META = re.compile(
    r"\b(?:your|you|yourself|du|dich|dir|dein\w*)\b.*\b(?:instructions?|prompt|rules|anweisung\w*|regeln|who|wer|"
    r"what|was|can|kannst|are|bist)\b|\b(?:system\s*prompt|instructions|anweisungen)\b",
    re.I,
)
# a request for a summary ("Fasse die Artikel zusammen", "Worum geht es?", "Give me an overview")
_SUMMARY = re.compile(
    r"\b(?:fass\w*\b.*\bzusammen|zusammenfass\w*|überblick|summar\w*|overview|worum geht|"
    r"what(?:'s| is| are)\s+(?:this|it|the articles?|they)\s+about|was steht (?:in den|im) (?:artikeln?|texten?)|"
    r"what do the articles say|was sagen die artikel|tl;?dr|the gist|main points|wichtigsten punkte)",
    re.I,
)
# words of a summary request that name no topic
_SUMMARY_WORDS = re.compile(
    r"(?:fass\w*|zusammen\w*|überblick|summar\w*|overview|worum|geht|steht|artikel\w*|articles?|texte?n?|"
    r"give|gib|geben|mir|me|kurz\w*|short|brief\w*|bitte|please|main|points|wichtigsten|punkte|gist|tl|dr|"
    r"about|say|sagen|alle|all|nochmal|again|quick|schnell)$",
    re.I,
)


# "Erzähl mir was über Schmidt", "Tell me about the peacekeeping force", "Explain …": what
# follows is the topic
_ABOUT = re.compile(
    r"^(?:und\s+|and\s+)?(?:erzähl\w*(?: mir| uns)?(?: etwas| was| mehr)? (?:über|von|zu)|"
    r"tell me(?: something| more)? about|was weißt du (?:über|von|zu)|what do you know about|"
    r"infos? (?:zu|über)|informationen (?:zu|über)|"
    # "Erklär mir die Spiegel-Szenarien", "Explain the first option", "What's the deal with rare earths?"
    r"erklär\w*(?: mir| uns)?|beschreib\w*(?: mir| uns)?|explain(?: to me)?|describe|"
    r"what(?:'s| is) the (?:deal|story) with)\s+(.+?)[?.!]*$",
    re.I,
)


def about_topic(text: str) -> str | None:
    """The topic of a request to tell about something ("Schmidt" in "Erzähl mir was über
    Schmidt"), or None for any other question."""
    m = _ABOUT.match(text)
    return m.group(1) if m else None


def is_list_noun(word: str) -> bool:
    """Is `word` what a list is of ("Vorschläge", "Modelle", "options"): the list's frame, not its topic?"""
    return bool(_LIST_NOUN.fullmatch(word))


def asks_summary(text: str) -> bool:
    return bool(_SUMMARY.search(text))


def topic_of_summary(text: str) -> list[str]:
    """The content words of a summary request that name a topic ("Trump" in "Fasse
    zusammen, was Trump sagt"); none for "Fasse die Artikel zusammen"."""
    return [w for w in content_words(text) if not _SUMMARY_WORDS.match(w)]


def asks_reason(text: str) -> bool:
    """Does the question ask why or how ("Warum …", "Wie begründet …", "Why …")?"""
    return bool(_REASON.search(text))


def tokens(text: str) -> list[str]:
    """Words and numbers; a possessive "'s" is dropped ("Hegseth's" -> "Hegseth")."""
    return _TOKEN.findall(re.sub(r"[’']s\b", "", text))


def is_stop(word: str) -> bool:
    low = word.lower()
    return low in GERMAN_STOP or low in ENGLISH_STOP or low in _QUESTION_WORDS


def content_words(text: str) -> list[str]:
    """Words that carry meaning: not stop words, not question words, not one letter."""
    return [t for t in tokens(text) if not is_stop(t) and (len(t) > 1 or t[0].isdigit())]


def is_keywords(text: str) -> bool:
    """A search-box query rather than a sentence: a few words, none of them a question or
    stop word ("Trump", "Ukraine Sicherheitsgarantien")."""
    toks = tokens(text)
    return 0 < len(toks) <= 4 and all(not is_stop(t) for t in toks)


# a question opening with an amount or a time asks for it ("How many …", "Wann …")
_OPENS_WITH_AMOUNT = re.compile(
    r"(?:and\s+|und\s+)?(?:how\s+(?:many|much|long|large|big)|when|where|wie\s+viele?|wann|wo)\b", re.I
)


def classify(text: str, language: str) -> tuple[Kind, str | None]:
    """The question's kind, and for a fact question the kind of answer it expects."""
    if only_pleasantries(text):  # "Hallo!", "Danke": no question yet
        return "empty", None
    if not content_words(text):
        if _REASON.search(text):
            return "reason", None  # a bare "Warum?" continues the last question
        asked = next((name for name, pattern in _EXPECTS if pattern.search(text)), None)
        if asked:
            return "fact", asked  # "Und wann genau?", "And how many?" continue it, asking for a date, a number
        return "empty", None
    if _META.search(text):
        return "meta", None
    if _SUMMARY.search(text):  # "Fasse die Artikel zusammen": their leads; "… was Trump sagt": his points
        return ("summary" if not topic_of_summary(text) else "overview"), None
    if COMPARISON.search(text):
        return "comparison", None
    # "Wie sieht X das?", "How does X see …" ask for a view; "Wie sieht X aus?" does not
    how_seen = any(p.search(text) for p in _HOW_SEEN) and not _LOOKS_LIKE.search(text)
    if _REASON.search(text) and not _EXPECTS[1][1].search(text) and not how_seen:
        return "reason", None
    matched = [p for p in _POSITION if p.search(text)]
    # "How many troops would … need in Schmidt's view?" asks for a number, according to him
    amount_in_view = all(p in _VIEW_OF for p in matched) and _OPENS_WITH_AMOUNT.match(text)
    if matched and not amount_in_view and not _LOOKS_LIKE.search(text):
        return "position", None
    # "Erzähl mir was über Schmidt": what there is on him; "Welche Medien …": the media cited
    if _OVERVIEW.search(text) or about_topic(text) or lists_outlets(text):
        return "overview", list_of(text)
    for name, pattern in _EXPECTS:
        if pattern.search(text):
            if name == "person" and re.match(
                r"^(?:und\s+)?(?:wer|who)\s+(?:ist|war|is|was)\s+(?!(?:der|die|das|the|a|an|noch|auch|sonst|dabei|dort|"
                r"else|also|there)\b)",
                text,
                re.I,
            ):
                return "fact", None  # "Wer ist Ben Hodges?" asks who someone is; "Wer ist der …?" for a name
            return "fact", name
    yes_no = _YESNO_EN if language == "en" else _YESNO_DE
    if yes_no.match(text) or _HOW_LIKELY.match(text):  # "Wie wahrscheinlich ist …?": whether it will happen
        return "fact", "yesno"
    return "fact", None
