"""How questions are phrased: the patterns that tell a question's kind (the words
themselves are `words.py`'s, the kind of answer a fact question expects `expects.py`'s,
the verbs of speech and the ways of asking someone's view `stances.py`'s).

    classify("Was sagt Rubio?", "de")           # ('position', None)
    classify("Wie viele Soldaten …?", "de")     # ('fact', 'number')

Kinds: "fact" (with the kind of answer it expects, `expects.expected`: number, money,
date, person, org, place, yesno or None), "overview" (lists, options; "person" or "country" when it lists
those), "position" (what a named actor says), "reason" (why / how) and "comparison". A
question with no content words is "empty"; one about the bot itself is "meta". The
patterns only classify; they never decide an answer. `question.py` builds the analysed
question on top of them; what else a question asks for (a source, a motive, everything
on a subject) is `asks.py`'s.
"""

from __future__ import annotations

import re

from chatbot.bylines import asks_byline
from chatbot.expects import answer_kind, asks_frequency, expected
from chatbot.listing import LIST_NOUNS, OUTLET_NOUNS, list_of, lists_outlets, lists_people_named
from chatbot.stances import STANCE_DE, asks_how_seen, asks_position, looks_like, views_of
from chatbot.utterance import only_pleasantries
from chatbot.words import content_words, is_keywords, tokens

Kind = str  # "fact" | "overview" | "position" | "reason" | "comparison" | "summary" | "byline" | "empty" | "meta"

_LIST_NOUN = re.compile(rf"(?:{LIST_NOUNS}|{OUTLET_NOUNS})", re.I)

COMPARISON = re.compile(
    r"\b(?:unterscheid\w*|unterschied\w*|vergleich\w*|verglichen|gemeinsam\w*|gegensatz|differ\w*|"
    r"compare\w*|comparison|contrast\w*|versus|vs\.?|in common|same as|similar\w*|far apart|auseinander\w*|"
    r"disagree\w*|uneinig\w*|distinguish\w*)\b",
    re.I,
)
# who of several people named said what ("Trump, Leavitt, Rubio: who said what?", "Wer hat was
# gesagt, Hegseth oder Waltz?"): what each says, side by side
_WHO_SAID_WHAT = re.compile(
    r"\bwho\s+(?:said|says|wants|wanted|thinks|demands|demanded|proposes|proposed|stands\s+for)\s+what\b|"
    r"\bwer\s+(?:hat\s+)?was\s+(?:gesagt|sagt|will|meint|fordert|gefordert|vorgeschlagen|schlägt)\b|"
    r"\bwer\s+(?:sagt|will|meint|fordert|denkt)\s+was\b",
    re.I,
)


# a question opening with why ("Warum …", "And why …")
_WHY_FIRST = r"(?:und\s+|and\s+|but\s+|aber\s+)?(?:warum|wieso|weshalb|weswegen|why)\b"
_OPENS_WHY = re.compile(rf"\W*{_WHY_FIRST}", re.I)
# what joins the two sides of a comparison ("Trump und Rubio", "Kyiv vs Moscow")
SIDE_JOINERS = r"und|and|vs\.?|versus|oder|or"
_TWO_SIDES = re.compile(rf"\b(?:{SIDE_JOINERS})\b", re.I)


def _why_one_differs(text: str) -> bool:
    """Does a why-question ask about one thing's differences ("Warum sind die Schätzungen so
    unterschiedlich?")? That asks for a reason; "Warum unterscheiden sich Trump und Rubio?"
    names two sides and compares them."""
    return bool(_OPENS_WHY.match(text)) and not _TWO_SIDES.search(re.sub(r"^\W*(?:und|and)\s+", "", text, flags=re.I))


def _who_said_what(text: str) -> bool:
    """Does the question ask who of two or more people it names said what?"""
    named = set(re.findall(r"\b[A-ZÄÖÜ][a-zäöüß][\w\-]+", text)) - {"Wer", "Who"}
    return bool(_WHO_SAID_WHAT.search(text)) and len(named) >= 2


# what two sides agree on is a comparison too ("What do Hegseth and Waltz agree on?", "Worin sind sich … einig?")
_AGREE = re.compile(r"^(?:und\s+|and\s+)?(?:worin|worüber|wobei|what|where)\b.*\b(?:einig|überein|agree)\b", re.I)
_REASON = re.compile(
    rf"^{_WHY_FIRST}|"
    r"\baus welchem grund\b|\bwodurch\b|"
    r"\bwie\s+(?:begründ\w*|erklärt sich|kommt es)\b|\bwhat\s+(?:is|are|was|were)\s+the\s+reasons?\b|"
    r"\bfor what reason\b|\bhow come\b|\bgr[uü]nde?\b|\bbegründ\w*|\breasons?\b|"
    # "Woran scheitert ein UN-Einsatz?", "Woran liegt es …?": what it comes down to, why
    r"\bworan\s+(?:scheiter\w*|lieg\w*|lag\w*|hapert\w*)\b|"
    # "What makes a UN mission so hard?", "Was macht einen Waffenstillstand so schwierig?": why it is so
    r"^(?:und\s+|and\s+)?(?:what\s+(?:makes|made|would\s+make)|was\s+(?:macht|machte))"
    r"\b.*\b(?:so\s+|too\s+|zu\s+)?(?:hard|difficult|unlikely|likely|impossible|possible|risky|dangerous|"
    r"impractical|practical|unrealistic|realistic|unworkable|workable|(?:in)?feasible|problematic|complicated|"
    r"tricky|challenging|expensive|costly|necessary|important|urgent|controversial|"
    r"schwer|schwierig|unwahrscheinlich|wahrscheinlich|unmöglich|möglich|riskant|gefährlich|heikel|"
    r"unrealistisch|realistisch|undurchführbar|durchführbar|problematisch|kompliziert|teuer|notwendig|nötig|"
    r"wichtig|dringend|umstritten)\w*"
    # … to do something, or somewhere: "What makes peacekeeping hard on the front line?"
    r"(?:\s+(?:to|zu)\s+\w+|\s+(?:on|in|at|for|along|an|auf|im|bei|für|entlang)\s+[^?.!]{1,40})?\W*$|"
    # "What's the main problem with a UN mission?", "Was ist das Problem bei einem UN-Einsatz?": what
    # stands against it, why it fails; "Was spricht gegen …?"
    r"\b(?:the|das|die)\s+(?:(?:main|biggest|big|key|real|haupt)\s*)?(?:problem|issue|catch|difficulty|"
    r"schwierigkeit|haken)s?\s+(?:with|mit|bei)\b|\bwas\s+spricht\s+(?:gegen|für|dafür|dagegen)\b|"
    # "Was wäre der Nachteil der zweiten?", "What's the drawback of a UN mission?": what speaks against it
    r"\b(?:the|der|die)\s+(?:(?:main|biggest|big|key|real|größte|haupt)\s*)?(?:drawbacks?|downsides?|nachteile?)\s+"
    r"(?:of|with|to|der|des|von|vom|bei|beim|mit)\b|"
    r"^(?:und\s+|and\s+)?(?:wie|how)\s+(?!viele?\b|lange?\b|groß\w*|hoch\b|weit\b|alt\b|oft\b|stark\b|teuer\b|"
    r"schnell\b|many\b|much\b|long\b|large\b|big\b|high\b|far\b|old\b|often\b|soon\b|strong\b|expensive\b)"
    r"(?:\w+\s+){0,2}?(?:kann|könnte|können|könnten|soll|sollte|sollen|ließe|lässt|läßt|würde|würden|wird|"
    r"werden|muss|müsste|müssen|could|can|would|should|will|might|is|are|do|does|did)\b",
    re.I,
)
# how something is described ("How is the terrain described?", "Wie wird das Gelände beschrieben?"): what
# the articles say it is like, no way nor reason
DESCRIBED = re.compile(
    r"^(?:and\s+|und\s+)?(?:how\s+(?:is|are|was|were)|wie\s+(?:wird|werden|wurde|wurden))\s+"
    r"(?:(?:the|der|die|das|den)\s+)?(?:[\w\-]+\s+){0,3}?([\w\-]+)\s+(?:(?:in\s+the\s+articles?|in\s+den\s+artikeln)\s+)?"
    r"(described|portrayed|depicted|characteri[sz]ed|beschrieben|dargestellt|geschildert|charakterisiert)\W*$",
    re.I,
)
# who is willing to do something ("Wer ist bereit, Soldaten zu schicken?", "Who has offered to help?",
# "Welche Länder wären bereit …?"): everyone who said so, a list. Not what was offered ("What could the
# US offer?"), who doubts that someone is ready, nor the coalition of the willing
_PARTIES = (
    r"länder|land|staaten|staat|nationen|nation|regierungen|regierung|politiker|partner|verbündeten?|"
    r"countries|country|nations|states|governments|leaders|allies|partners"
)
WILLING = re.compile(
    rf"^(?:und\s+|and\s+|so\s+)?(?:wer|who|(?:welche[rsn]?|which|what)\s+(?:[\w\-]+\s+)?(?:{_PARTIES}))\b"
    r"(?:(?!\b(?:that|dass|ob|whether|if)\b)[^,?]){0,40}?"
    r"\b(?:bereit|bereitschaft|angeboten|anbieten|bietet|boten|interessiert|interesse|(?<!the\s)willing|ready|"
    r"prepared|offered|offer|offers|volunteered|volunteer|interested)\b",
    re.I,
)
_OVERVIEW = re.compile(
    # "What's the latest on …?", "Was gibt es Neues zu …?", "Wie ist der aktuelle Stand …?": what the articles report
    r"\bwhat(?:['’]s|\s+is)\s+the\s+latest\b|\bwas\s+gibt\s+es\s+neues\b|"
    r"\b(?:der|den)\s+(?:aktuellen?|neuesten?|letzten?)\s+stand\b|\bcurrent\s+state\s+of\s+play\b|"
    # "Give me three facts about …", "Nenne mir drei Punkte zu …"
    r"\b(?:give|gib|nenne|name|list)\s+(?:me\s+|mir\s+|us\s+|uns\s+)?(?:\w+\s+)?"
    r"(?:facts|fakten|points|punkte|examples|beispiele|details)\b|"
    rf"\b(?:welche|which|what)\s+(?:\w+\s+){{0,3}}?(?:{LIST_NOUNS})\b|"
    # "What are the two scenarios …?", "Was sind die beiden wichtigsten Varianten …?"
    rf"\b(?:what\s+(?:are|were)\s+the|was\s+(?:sind|waren)\s+die)\s+(?:\w+\s+){{0,2}}(?:{LIST_NOUNS})\b|"
    r"\b(?:überblick|überblicksartig|zusammenfassung|zusammenfassen|worum geht|was wird (?:\w+ )?diskutiert|"
    r"was ist im gespräch|was braucht|was bräuchte|was wäre nötig|was müssten?|was muss|was müssen|welche rolle|"
    r"what role|which role|"
    r"overview|summary|summari[sz]e|what is being discussed|what(?:'s| is) on the table|what would .{1,40} need|"
    r"what does .{1,40} need|what is needed|what needs|"
    r"what (?:would|does|will) it take (?:for|to)\b|list\b|aufzählen|nenne|(?<!das )(?<!dies )alles|all the)\b|"
    r"^(?:und\s+)?welche\s+\w+\s+(?:[\w\-]+\s+){0,3}?(?:sind|werden|wurden|gibt es|gab es|haben|hatten|stehen|liegen|"
    r"könnten|würden|müssten|sollen|sollten)\b|^(?:and\s+)?(?:which|what)\s+\w+s\s+(?:are|were|have|had|would|could|"
    r"should|might|will)\b",
    re.I,
)
# a question about the bot itself ("Wer bist du?", "What are your instructions?"), not one that only
# addresses it ("Can you tell me what the US plans?", "Was denkst du über Trump?")
_META = re.compile(
    r"\b(?:your|yourself|dein\w*)\s+(?:\w+\s+)?(?:instructions?|prompt|rules|anweisung\w*|regeln|vorgaben)\b|"
    r"\b(?:system\s*prompt|instructions|anweisungen)\b|\bignor\w*\b.*\b(?:rules|regeln|previous|vorherigen)\b|"
    r"^\W*(?:who|what)\s+are\s+you\b|^\W*what\s+(?:can|do)\s+you\s+do\b|^\W*how\s+do\s+you\s+work\b|"
    r"^\W*(?:wer|was)\s+bist\s+du\b|^\W*was\s+(?:kannst|machst)\s+du\b|^\W*wie\s+funktionierst\s+du\b",
    re.I,
)
# a request for a summary ("Fasse die Artikel zusammen", "Worum geht es?", "Give me an overview")
_SUMMARY = re.compile(
    r"\b(?:fass\w*\b.*\bzusammen|zusammenfass\w*|überblick|summar\w*|overview|worum geht|"
    r"what(?:'s| is| are)\s+(?:this|it|the articles?|they)\s+about|was steht (?:in den|im) (?:artikeln?|texten?)|"
    r"^(?:und\s+)?was steht (?:da|dort|hier|drin|darin) (?:über|zu|zur|zum)\b|"
    # … or the article of an outlet ("What does the CNN article say about rare earths?")
    r"what (?:do|does|did) the (?:[\w\-]+ )?(?:articles?|texts?) (?:say|report|write|indicate|suggest|mention)|"
    r"was (?:sagen|sagt|berichten|berichtet|schreiben|schreibt) (?:die artikel|der artikel|die texte|der text)|"
    r"tl;?dr|the gist|main points|wichtigsten punkte|"
    # "Give me a quick rundown of …", "Walk me through …", "Catch me up on …"
    r"run-?down|recap|(?:walk|run|take)\s+me\s+through|(?:catch|fill)\s+me\s+(?:up|in)\s+on|brief\s+me\s+on|"
    # "what's the story here", "what's going on", "Was ist da los?": what the articles are about
    r"what(?:'s|’s|s| is) (?:the story|going on)(?: here)?\W*$|was ist (?:hier |da )?los\W*$)",
    re.I,
)
# words of a summary request that name no topic
_SUMMARY_WORDS = re.compile(
    r"(?:fass\w*|zusammen\w*|überblick|summar\w*|overview|worum|geht|steht|artikel\w*|articles?|texte?n?|"
    r"give|gib|geben|mir|me|kurz\w*|short|brief\w*|bitte|please|main|points|wichtigsten|punkte|gist|tl|dr|"
    r"about|say|says|said|sagen|sagt|report|reports|reported|berichten|berichtet|write|writes|wrote|schreiben|"
    r"indicate|suggest|mention|"
    r"schreibt|did|does|do|der|die|text|alle|all|nochmal|again|quick|schnell|story|whats|going|los|here|hier|"
    r"can|could|you|du|ihr|kannst|könntest|rundown|run-down|recap|walk|run|take|through|catch|fill|up|in|on)$",
    re.I,
)


# "Erzähl mir was über Schmidt", "Tell me about the peacekeeping force", "Explain …": what
# follows is the topic
_ABOUT = re.compile(
    r"^(?:und\s+|and\s+)?(?:erzähl\w*(?: mir| uns)?(?: etwas| was| mehr)? (?:über|von|zu)|"
    r"tell me(?: something| more)? about|was weißt du (?:über|von|zu)|what do you know about|"
    r"infos? (?:zu|über)|informationen (?:zu|über)|"
    r"do you have (?:anything|something|any\s+news|news|infos?|information) (?:on|about)|"
    r"(?:hast du|habt ihr|gibt es) (?:etwas|was|infos?|informationen|neues) (?:zu|über|von)|"
    # "Erklär mir die Spiegel-Szenarien", "Explain the first option", "What's the deal with rare earths?"
    r"erklär\w*(?: mir| uns)?|beschreib\w*(?: mir| uns)?|explain(?: to me)?|describe|"
    r"what(?:['’]?s| is) (?:the (?:deal|story) with|going on with))\s+(.+?)[?.!]*$",
    re.I,
)


# "What is the debate about?", "What was the Oval Office dispute about?": the thing in between
_WHAT_IS_ABOUT = re.compile(
    r"^(?:and\s+|so\s+)?what(?:'s|\s+is|\s+are|\s+was|\s+were)\s+((?:the|this|that|these|those)\s+[\w\-']+"
    r"(?:\s+[\w\-']+){0,3}?)\s+(?:all\s+)?about\s*[?.!]*$",
    re.I,
)


def about_topic(text: str) -> str | None:
    """The topic of a request to tell about something ("Schmidt" in "Erzähl mir was über
    Schmidt", "the debate" in "What is the debate about?"), or None for any other question."""
    m = _ABOUT.match(text) or _WHAT_IS_ABOUT.match(text)
    return m.group(1) if m else None


def is_list_noun(word: str) -> bool:
    """Is `word` what a list is of ("Vorschläge", "Modelle", "options"): the list's frame, not its topic?"""
    return bool(_LIST_NOUN.fullmatch(word))


def asks_summary(text: str) -> bool:
    return bool(_SUMMARY.search(text))


# the form a summary is asked in ("in 3 bullet points", "in drei Sätzen", "als Stichpunkte")
_SUMMARY_FORM = re.compile(
    r"\b(?:in|als|as|with|mit)\s+(?:(?:\d+|a\s+few|ein\s+paar|wenigen|one|two|three|four|five|six|ten|einem|"
    r"einer|zwei|drei|vier|fünf|sechs|zehn|kurzen|short|some)\s+)?(?:bullet\s+points?|bullets|points|sentences?|"
    r"words|lines|paragraphs?|list|sätzen|satz|worten|wörtern|punkten|stichpunkten?|stichworten|zeilen|absätzen|"
    r"absatz|liste)\b",
    re.I,
)


def topic_of_summary(text: str) -> list[str]:
    """The content words of a summary request that name a topic ("Trump" in "Fasse
    zusammen, was Trump sagt"); none for "Fasse die Artikel zusammen" or "Can you summarize
    the articles in 3 bullet points?"."""
    words = [w for w in content_words(_SUMMARY_FORM.sub(" ", text)) if not _SUMMARY_WORDS.match(w)]
    # whose article it is, when the question names a topic too ("What does the CNN article say
    # about rare earths?": the rare earths, wherever the articles name them)
    whose = {m.lower() for m in _WHOSE_ARTICLE.findall(text)}
    topic = [w for w in words if w.lower() not in whose]
    return topic or words


_WHOSE_ARTICLE = re.compile(r"\bthe\s+([\w\-]+)\s+(?:articles?|texts?)\b", re.I)


def asks_reason(text: str) -> bool:
    """Does the question ask why or how ("Warum …", "Wie begründet …", "Why …")?"""
    return bool(_REASON.search(text))


# a condition asked for ("Unter welchen Bedingungen …", "Welche Bedingung nennt …", "Under what conditions …")
_CONDITION = re.compile(
    r"\bunter\s+welche[nr]?\s+(?:bedingung\w*|voraussetzung\w*|umständen)|\bwelche\s+(?:bedingung|voraussetzung)\b|"
    r"\bunder\s+what\s+(?:conditions?|circumstances)|\bon\s+what\s+condition|"
    r"\bwhat\s+(?:condition|precondition)\s+(?:must|would|has|is|does)\b",
    re.I,
)


def asks_condition(text: str) -> bool:
    """Does the question ask under what condition something is or would be so ("Welche
    Bedingung nennt der Artikel dafür, dass die Ideen realistisch werden?")? A condition
    ("solange …", "wenn …", "unless …") answers it, as a cause answers why."""
    return bool(_CONDITION.search(text))


# asking for a cause, not for a way ("Warum …", "How come …", "Woran scheitert …"; not "How would …")
_CAUSE = re.compile(
    r"\b(?:warum|wieso|weshalb|weswegen|why|how come|aus welchem grund|for what reasons?|reasons?|gr[uü]nde?|"
    r"begründ\w*|justif\w*|rechtfertig\w*|woran\s+(?:scheiter\w*|lieg\w*|lag\w*|hapert\w*))\b",
    re.I,
)


def asks_cause(text: str) -> bool:
    """Does the question ask why something is so ("Warum lehnt Russland … ab?", "How does the
    Kremlin justify …?"), not how it is done ("How would peacekeepers deal with drones?")?"""
    return bool(_CAUSE.search(text))


_OPENS_WITH_WHICH = re.compile(r"(?:and\s+|und\s+)?(?:which|welche[mnrs]?)\s+\w+", re.I)
# a question opening with an amount or a time asks for it ("How many …", "Wann …")
_OPENS_WITH_AMOUNT = re.compile(
    r"(?:and\s+|und\s+)?(?:how\s+(?:many|much|long|large|big)|when|where|wie\s+viele?|wann|wo)\b", re.I
)


# what a group wants to do, not what it wants: "Was wollen die Regierungschefs nächste Woche
# ausarbeiten?" asks what is planned, whoever reports it; "Was will Selenskyj?" asks his position,
# and "Was will Trump statt Soldaten schicken?" what he said he would send
_PLANS_TO = re.compile(
    rf"^(?:und\s+)?was\s+(?:will|wollen|wollte|wollten)\s+(?:die|der|das)\s+(?!.*\b(?:{STANCE_DE})\b).*\s"
    r"(?-i:[a-zäöüß]+e?n)\s*[?.!]*$",
    re.I,
)


_WHY = re.compile(r"^(?:warum|wieso|weshalb|why)$", re.I)


def _keywords_why(text: str) -> bool:
    """Keywords with a why among them ("UN mission why unlikely", "nato beitritt warum nicht")."""
    toks = tokens(text)
    rest = [t for t in toks if not _WHY.match(t) and t not in ("not", "nicht")]
    why = any(_WHY.match(t) for t in toks)
    return why and len(toks) <= 7 and (not rest or is_keywords(" ".join(rest)))


# a request for more on the last question ("tell me more", "Erzähl mehr", "mehr dazu", "go on")
_MORE = re.compile(
    r"^(?:and\s+|und\s+|ok\W*|okay\W*)?(?:(?:please\s+|bitte\s+)?(?:tell|give)\s+me\s+more(?:\s+about\s+(?:it|that|this|him|her))?|"
    r"more(?:\s+(?:please|details|on\s+(?:that|this|it)))?|go\s+on|continue|keep\s+going|"
    r"(?:erzähl|erzähle|sag)\w*(?:\s+(?:mir|uns))?\s+mehr(?:\s+(?:dazu|darüber))?|mehr(?:\s+(?:dazu|darüber|bitte|details))?|"
    r"weiter|und\s+weiter|mach\s+weiter)(?:\s+(?:please|bitte))?\W*$",
    re.I,
)


def asks_more(text: str) -> bool:
    """Does the question ask for more on the last one, with nothing of its own ("tell me more")?"""
    return bool(_MORE.match(text))


# a bare question for one more thing about the last answer ("For what?", "Wofür?", "Mit wem?")
_BARE_FOLLOW = re.compile(
    r"^\W*(?:and\s+|und\s+)?(?:for\s+what|what\s+for|about\s+what|with\s+whom|against\s+whom|to\s+whom|"
    r"wofür|wozu|für\s+was|worüber|über\s+was|womit|mit\s+wem|gegen\s+wen|wogegen|an\s+wen)"
    r"(?:\s+(?:exactly|genau|denn|then))?\W*$",
    re.I,
)


def classify(text: str, language: str) -> tuple[Kind, str | None]:
    """The question's kind, and for a fact question the kind of answer it expects."""
    if only_pleasantries(text) or asks_more(text):  # "Hallo!", "Danke", "Erzähl mehr": no question of its own
        return "empty", None
    if _META.search(text):
        return "meta", None
    if asks_byline(text):  # "Wer hat den Artikel geschrieben?": what is stored with the articles
        return "byline", None
    if not content_words(text):
        if _SUMMARY.search(text):
            return "summary", None  # "What is this about?", "Fass zusammen"
        if _REASON.search(text):
            return "reason", None  # a bare "Warum?" continues the last question
        if lists_people_named(text):
            return "overview", "person"  # "Who's who?": the people the articles name
        asked = answer_kind(text)
        if asked:
            return "fact", asked  # "Und wann genau?", "And how many?" continue it, asking for a date, a number
        if _BARE_FOLLOW.match(text):
            return "fact", None  # "For what?", "Wofür?", "Mit wem?": the last question, asked for one more thing
        return "empty", None
    if _SUMMARY.search(text):  # "Fasse die Artikel zusammen": their leads; "… was Trump sagt": his points
        if topic_of_summary(text) and views_of(text):
            return "position", None  # "Summarize Rubio's view", "Fasse Rubios Sicht zusammen": his words
        return ("summary" if not topic_of_summary(text) else "overview"), None
    if (COMPARISON.search(text) and not _why_one_differs(text)) or _AGREE.search(text) or _who_said_what(text):
        return "comparison", None
    # "Wie sieht X das?", "How does X see …" ask for a view; "Wie sieht X aus?" does not
    how_seen = asks_how_seen(text)
    asks_why = _REASON.search(text) or asks_condition(text) or _keywords_why(text)
    if asks_why and not asks_frequency(text) and not how_seen and not DESCRIBED.search(text):
        return "reason", None
    position_asked, only_view_of = asks_position(text)
    # "How many troops would … need in Schmidt's view?" asks for a number, according to him
    # … and "Which American show changed the views of Romanians?" asks for a thing that acted on a view
    not_asked = only_view_of and (_OPENS_WITH_AMOUNT.match(text) or _OPENS_WITH_WHICH.match(text))
    if position_asked and not not_asked and not looks_like(text) and not _PLANS_TO.search(text):
        return "position", None
    # "Erzähl mir was über Schmidt": what there is on him; "Welche Medien …": the media cited
    if (
        _OVERVIEW.search(text)
        or about_topic(text)
        or lists_outlets(text)
        or lists_people_named(text)
        or WILLING.search(text)
    ):
        return "overview", list_of(text)
    return "fact", expected(text, language)
