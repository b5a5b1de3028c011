"""How a question asks for someone's position: the verbs of speech and stance ("Was sagt
Rubio?", "What did Trump post?"), whose view ("Rubios Sicht", "the Kremlin's position"), and
how someone sees a matter ("Wie sieht Moskau das?"). `phrasing.classify` reads them.

    asks_position("Was fordert Hodges?")            # (True, False): a stance verb
    asks_position("How many troops in Schmidt's view?")  # (True, True): only whose view
"""

from __future__ import annotations

import re

from chatbot.listing import LIST_NOUNS

# speech and stance verbs of position questions ("Was sagt X", "What did X say")
STANCE_DE = (
    r"sagt|sagte|sagen|sagten|meint|meinte|meinen|fordert|forderte|fordern|verlangt|verlangte|denkt|dachte|"
    r"hält|hielt|halten|will|wollte|wollen|warnt|warnte|warnen|kritisiert|kritisierte|erklärt|erklärte|"
    r"betont|betonte|schlägt|schlug|schreibt|schrieb|behauptet|behauptete|empfiehlt|empfahl|glaubt|"
    r"sieht|sah|befürchtet|verspricht|versprach|lehnt|lehnte|plant|plante|äußert|äußerte|antwortet|"
    r"antwortete|reagiert|reagierte|sprach|spricht|rät|riet|bietet|bot|vertritt|vertrat|argumentiert|"
    r"bevorzugt|bevorzugte|bevorzugen|favorisiert|wünscht|wünschte|hofft|hoffte|verweist|verwies|weist|wies|"
    r"deutet|deutete|signalisiert|signalisierte|bekundet|bekundete|kündigt|kündigte|räumt|räumte"
)
STANCE_EN = (
    r"say|said|says|think|thinks|thought|want|wants|wanted|demand|demands|demanded|warn|warns|warned|"
    r"propose|proposes|proposed|claim|claims|claimed|argue(?!\s+with\b)|argues(?!\s+with\b)|argued(?!\s+with\b)|"
    r"believe|believes|believed|consider|considers|"
    r"suggest|suggests|suggested|stress|stresses|stressed|call for|calls for|called for|criticise|"
    r"criticize|criticised|criticized|recommend|recommends|recommended|expect|expects|expected|"
    r"offer|offers|offered|reject|rejects|rejected|insist|insists|insisted|fear|fears|feared|"
    r"promise|promises|promised|mean(?!\s+for\b)|means(?!\s+for\b)|meant(?!\s+for\b)|"
    r"make of|feel|feels|tell|told|respond|responded|react|reacted|"
    r"saying|thinking|wanting|demanding|warning|proposing|claiming|arguing|suggesting|stressing|calling for|"
    r"recommending|expecting|offering|rejecting|insisting|promising|asking for|pushing for|planning|"
    r"prefer|prefers|preferred|favour|favours|favoured|favor|favors|favored|hope|hopes|hoped|"
    r"clarify|clarifies|clarified|emphasi[sz]e|emphasi[sz]es|emphasi[sz]ed|point out|points out|pointed out|"
    r"point to|points to|pointed to|hint|hints|hinted|signal|signals|signalled|signaled|indicate|indicates|"
    r"indicated|announce|announces|announced|admit|admits|admitted|imply|implies|implied|"
    r"(?-i:post|posts)|posted|tweet|tweets|tweeted|write|writes|wrote"  # not the German noun "Post"
)
_PARTICIPLES_DE = (
    r"gesagt|geschrieben|gefordert|erklärt|gewarnt|gemeint|betont|kritisiert|vorgeschlagen|angekündigt|"
    r"behauptet|verlangt|versprochen|geäußert|angeboten|abgelehnt|signalisiert|angedeutet|klargestellt|"
    r"bekräftigt|eingeräumt|mitgeteilt|verkündet|zugesagt|von sich gegeben|verlauten lassen|zu verstehen gegeben"
)
# the first words of two-word stance verbs ("point to", "call for", "asking for"): no topic of their own
_STANCE_HEADS = r"point|points|pointed|call|calls|called|asking|pushing"
STANCE_WORD = re.compile(rf"^(?:{STANCE_DE}|{STANCE_EN}|{_PARTICIPLES_DE}|{_STANCE_HEADS})$", re.I)
# "Wie sieht X das?", "How does X see …": a view asked with "wie"/"how", not a way
_HOW_SEEN = (
    re.compile(
        r"\bwie\s+(?:äußert|äußerte|äußern|positioniert|positionierte|positionieren|steht|stand|stehen|standen|"
        r"sieht|sah|sehen|sahen|bewertet|bewertete|bewerten|beurteilt|beurteilte|beurteilen)\b"
        # not the odds of something ("Wie stehen die Chancen für einen UN-Einsatz?", "Wie steht es um …?")
        r"(?!\s+(?:die\s+)?(?:chancen|aussichten|es)\b)",
        re.I,
    ),
    re.compile(r"\bhow\s+(?:do|does|did)\s+.{1,60}?\b(?:see|view|react|respond|feel|position)\b", re.I),
    # "How did Sacharowa describe the scenarios?", "What did the Russian foreign minister call NATO
    # troops?": what they said of it (not the articles: "How does the article describe …?")
    re.compile(
        r"\b(?:how|what)\s+(?:do|does|did)\s+(?!(?:the\s+)?(?:articles?|texts?|reports?|stor(?:y|ies))\b).{1,60}?\b"
        r"(?:describe|call(?!\s+for\b))\b",
        re.I,
    ),
)
# what X looks like ("Wie sieht X aus?"), or what a rule prescribes ("Was schreibt das Gesetz vor?"): no view
_LOOKS_LIKE = re.compile(
    r"\bwie\s+(?:sieht|sah|sehen)\b.*\baus\W*$|\b(?:schreibt|schrieb|schreiben|schrieben)\b.*\bvor\W*$|"
    # what a term means ("What does deterrence mean in this context?"; not "What does Trump mean?")
    r"^(?:and\s+|so\s+)?what\s+(?:does|do|did)\s+(?:the\s+|a\s+|an\s+)?(?-i:[a-z][\w\-]*)(?:\s+(?-i:[a-z][\w\-]*)){0,3}"
    r"\s+mean\b",
    re.I,
)

_FILLER = r"(?:(?:genau|eigentlich|denn|nun|konkret|bisher|dazu)\s+)?"  # "Was genau hat Trump geschrieben?"
# whose view: "Schmidt's view", "the position of Moscow" (a number asked in it is a fact:
# "How many troops … in Schmidt's view?")
_VIEW_OF = [
    re.compile(
        r"['’]s?\s+(?:position|view|views|stance|opinion|take|argument|demand|warning|proposal|line|perspective|"
        r"viewpoint|standpoint|outlook)\b",
        re.I,
    ),
    re.compile(r"\b(?:position|stance|view|views|opinion|perspective)\s+of\b", re.I),
    # "What's his view on European troops?", "Was ist ihre Haltung?": the stance of whoever was asked about
    re.compile(
        r"\b(?:his|her|(?-i:[Ss])eine|(?-i:[Ii])hre)\s+(?:view|views|position|stance|opinion|take|perspective|"
        r"(?-i:Meinung|Haltung|Position|Sicht|Ansicht|Einschätzung|Sichtweise))\b",
        re.I,
    ),
    # "Rubios Sicht", "Trumps Ansicht", "Trumps Aussagen" (a name's genitive; not "aus ukrainischer Sicht")
    # ("nach Ischingers Ansicht" names the source of a fact)
    re.compile(r"(?<!\bnach )(?<!\baus )(?<!\bin )\b[A-ZÄÖÜ][\w\-]*s\s+(?:Sicht|Ansicht|Perspektive)\b"),
    # "What are Trump's statements?", "Fasse Trumps Aussagen zusammen" (not "Wer hat Leavitts Aussage verbreitet?",
    # which asks for the outlet)
    re.compile(
        r"^(?:(?:und|and|so)\s+)?(?:was|what|fass\w*|summari[sz]e|nenne|list|give|zeig\w*|show)\b.*"
        r"(?:['’]s?\s+(?:statements?|remarks|comments)|\b(?-i:[A-ZÄÖÜ])[\w\-]*s\s+(?:Aussagen?|Äußerungen?))\b",
        re.I,
    ),
]
# someone's words asked for as such: "a quote from Trump", "Quote Mick Ryan", "Zakharova's exact
# words", "in his own words", "Zitat von Macron", "Zitiere Hodges", "Selenskyjs genaue Worte"
_QUOTE_OF = [
    re.compile(r"\b(?:quotes?|quotations?|zitate?)\s+(?:from|by|of|von)\s+(?:the\s+)?(?-i:[A-ZÄÖÜ])", re.I),
    re.compile(r"^(?:(?:please|bitte)\s+)?(?:quote|zitiere|zitier)\s+(?-i:[A-ZÄÖÜ])", re.I),
    re.compile(r"['’]s?\s+(?:(?:exact|own|actual|precise)\s+)?(?:words|quotes?|quotations?)\b", re.I),
    re.compile(r"\bin\s+(?:his|her|their)\s+own\s+words\b|\bword\s+for\s+word\b|\bverbatim\b", re.I),
    re.compile(
        r"\b(?-i:[A-ZÄÖÜ])[\w\-]*s\s+(?:(?:genaue|genauen|eigene|eigenen|exakte|exakten)\s+)?(?:Worte|Wortlaut|Zitate?)\b"
    ),
    re.compile(r"\b(?:wörtlich|im\s+wortlaut)\b", re.I),
]
_POSITION = [
    *_HOW_SEEN,
    re.compile(rf"\b(?:was|wie|wofür|wogegen|worauf|wovor)\s+{_FILLER}(?:{STANCE_DE})\b", re.I),
    re.compile(
        rf"\b(?:was|wie|wofür|wogegen|wovor)\s+{_FILLER}(?:hat|haben|hatte|hatten)\b.{{1,60}}?\b"
        rf"(?:{_PARTICIPLES_DE}|reagiert|geantwortet)\b",
        re.I,
    ),
    # "Welche Position hat … inne?", "What position does he hold?" ask for a post, not a stance
    re.compile(
        r"\b(?:position|haltung|standpunkt|meinung|sichtweise|einschätzung|forderung|forderungen|demands|stance)\b"
        r"(?!.*\b(?:inne|innehat|innehatte|bekleidet|bekleidete)\b|.*\b(?:hold|holds|held)\b(?!\s+(?:on|about)\b))",
        re.I,
    ),
    re.compile(r"\bkritik\s+(?:übt|übte|üben|übten|äußert|äußerte|äußern)\b", re.I),  # "Welche Kritik übt Moskau …?"
    *_QUOTE_OF,
    # "Welche Botschaft hatte Trump für die Ukrainer?", "What message did Trump send?": what he said
    re.compile(r"\b(?:welche|what|which)\s+(?:botschaft|message)\b", re.I),
    re.compile(
        # not a noun of the subject: "What does the Kremlin's history of broken promises mean for peace?";
        # nor a passive: "What are the European leaders expected to draft?"
        r"\bwhat\s+(?!(?:is|are|was|were)\s+.{1,60}?\b(?:expected|said|thought|believed|considered|supposed)\s+to\b)"
        rf"(?:do|does|did|is|are|was|were|has|have|had|would|will)\s+.{{1,60}}?\b(?:{STANCE_EN})\b"
        r"(?!\s+(?:mean|means|meant|say|says|said|show|shows|showed|tell|tells|told)\b)",
        re.I,
    ),
    *_VIEW_OF,
    # "the White House line on …", "the Kremlin position on …": a name before the stance noun (a
    # summary of it, "Summarize the US position on …", lists the points)
    re.compile(r"\b(?-i:[A-Z])[\w\-]*(?:\s+(?-i:[A-Z])[\w\-]*)?\s+(?:line|position|stance|view|views)\s+on\b", re.I),
    # "Welche Option bevorzugt Kiew?", "Which option does Kyiv prefer?": the actor's preference
    re.compile(
        r"\b(?:welche[nrs]?|which|what|was)\b.{0,40}?\b(?:bevorzug\w*|favorisier\w*|prefer\w*|favou?r(?:s|ed)?)\b", re.I
    ),
    # "Welche Gefahr sieht Moskau …?", "What kind of weapons does Zelensky want?": a thing the actor
    # sees, fears or wants (not a list: "Welche Bedingungen fordert Hodges?" lists them)
    re.compile(
        rf"\b(?:welche[nrs]?)\s+(?!(?:{LIST_NOUNS})\b)[\w\-]+\s+(?!(?:will|wollte|wollen|plant|plante)\b)"
        rf"(?:{STANCE_DE})\s+(?:der\s+|die\s+|das\s+)?"
        r"(?-i:[A-ZÄÖÜ])",
        re.I,
    ),
    re.compile(
        rf"\b(?:what|which)\s+(?!(?:{LIST_NOUNS})\b)(?:[\w\-]+\s+){{1,3}}?(?:do|does|did|is|are|was|were)\s+"
        rf"(?:the\s+)?(?-i:[A-Z])[\w\-]*\s+(?:{STANCE_EN})\b",
        re.I,
    ),
    # "Welche Garantien will die Ukraine?": what the actor wants, with no deed after it ("… will … schicken")
    re.compile(
        rf"\b(?:welche[nrs]?)\s+(?!(?:{LIST_NOUNS})\b)[\w\-]+\s+(?:will|wollen|wollte|wollten)\s+"
        r"(?:der\s+|die\s+|das\s+)?(?-i:[A-ZÄÖÜ])[\w\-]*\s*\?*$",
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


def asks_quote(text: str) -> bool:
    """Does the question ask for someone's words as such ("Quote Mick Ryan", "Zakharova's exact words")?"""
    return any(p.search(text) for p in _QUOTE_OF)


def views_of(text: str) -> bool:
    """Does the question name whose view it asks ("Schmidt's view", "Rubios Sicht")?"""
    return any(p.search(text) for p in _VIEW_OF)


def looks_like(text: str) -> bool:
    """Does it ask what something looks like, what a rule prescribes or what a term means
    ("Wie sieht X aus?", "What does deterrence mean?"): no one's view?"""
    return bool(_LOOKS_LIKE.search(text))


def asks_how_seen(text: str) -> bool:
    """Does it ask how someone sees a matter ("Wie sieht Moskau das?", "How does Kyiv view …")?"""
    return any(p.search(text) for p in _HOW_SEEN) and not looks_like(text)


def asks_position(text: str) -> tuple[bool, bool]:
    """Does a pattern of a position question match, and are all that match "whose view" ones
    (a number "in Schmidt's view" is a fact, according to him)?"""
    matched = [p for p in _POSITION if p.search(text)]
    return bool(matched), all(p in _VIEW_OF for p in matched)
