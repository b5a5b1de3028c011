"""What of a reader's message is the question: greetings, thanks, "I have a question", words
before it that ask nothing and the reader's sentences about themselves are not part of it; a
shouted question is read like a written one, and English typed without its auxiliary like
English with it.

    core("Hallo! Ich hätte eine Frage: Was sagt Macron? Danke!")   # "Was sagt Macron?"
    core("WAS SAGT RUBIO ÜBER DIE NATO?")                          # "was sagt rubio über die nato?"
    core("whats trumps view")                                      # "what is trumps view"
    core("Kannst du mir sagen, wer Rubio ist?")                    # "Wer ist Rubio?"
    core("I'm new to this. In short, what does Rubio want?")        # "What does Rubio want?"
    core("what hegseth said about drones")                          # "what did hegseth say about drones"

A message that is nothing but pleasantries ("Danke!") stays as it is: it has no question,
and the bot says so. A question in another language ("Que dit Macron ?") is named as such
(`other_language`): the bot reads German and English.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from chatbot.words import is_stop
from ingest.analyze import ENGLISH_STOP, GERMAN_STOP

_SEGMENT_END = re.compile(r"(?<=[.!?:])\s+")
_PLEASANTRY = (
    r"hallo|hello|hi|hey|moin|servus|grüß gott|guten (?:morgen|tag|abend)|good (?:morning|afternoon|evening)|"
    r"danke(?: schön| sehr| dir| euch)?|vielen dank|besten dank|thanks?(?: a lot| so much)?|thank you(?: so much)?|"
    # … for the last answer ("Danke für die letzte Antwort!", "Thanks for that answer")
    r"(?:danke|vielen dank|thanks?|thank you)(?: (?:für|for) (?:die|deine|ihre|the|your|that|this)"
    r"(?: letzte| vorige| last| previous)? (?:antwort|answer|info|infos|information))|"
    r"noch eine sache|eine sache noch|one more thing|"
    r"cheers|bitte|please|ok|okay|super|prima|gut|great|"
    r"(?:ich (?:hätte|habe) )?(?:noch |mal )?(?:eine|ne) (?:kurze )?frage|"
    r"(?:i have |i've got )?(?:one more|another|a quick|a|one) question|quick question|"
    r"(?:liebe|viele|beste) grüße|lg|gruß|regards|best"
)
# a segment that is only a pleasantry ("Hallo!", "Ich hätte eine Frage:", "Thanks!")
_ONLY_PLEASANTRY = re.compile(rf"^(?:{_PLEASANTRY})(?:\s*(?:,|und|and)?\s*(?:{_PLEASANTRY}))*\s*[!.,:;)]*$", re.I)
# a greeting before the question in the same segment ("Hallo, was sagt Rubio?")
_LEADING_GREETING = re.compile(r"^(?:hallo|hello|hi|hey|moin|servus|guten (?:morgen|tag|abend))\s*[,!]\s*", re.I)
# thanks after the question in the same segment ("Was sagt Rubio, danke?")
_TRAILING_THANKS = re.compile(r"\s*,\s*(?:danke(?: schön)?|thanks?|thank you|bitte|please)\s*(?=[?!.]*$)", re.I)
# a request around the question ("Can you tell me what …", "Kannst du mir sagen, wer …", "I'd like to know
# why …"): the question is what follows it; "Tell me about X" stays, it asks for what there is on X
_WH = (
    r"(?:what|who|whom|whose|which|why|how|when|where|"
    r"was|wer|wen|wem|wessen|welche\w*|warum|wieso|weshalb|wie|wann|wo\w*)\b"
)
# the words a reader wants to know with ("Weißt du, …", "Ich möchte wissen, …", "I'd like to know …",
# "Do you know …"): before what they ask (`_REQUEST`) or whether something holds (`rewording`)
KNOW_ASKED = (
    r"do\s+you\s+know|i(?:'d|\s+would)\s+like\s+to\s+know|i\s+(?:want|need)\s+to\s+know|i\s+wonder|"
    r"weißt\s+du|wissen\s+sie|ich\s+(?:möchte|will|würde\s+gerne?|wüsste\s+gerne?)\s+(?:gerne?\s+)?wissen|"
    r"ich\s+hätte\s+gerne?\s+gewusst|ich\s+wüsste\s+gerne?|"
    r"sag\s+mir(?:\s+bitte)?"
)
_REQUEST = re.compile(
    r"^(?:(?:please\s+)?(?:can|could|would|will)\s+you\s+(?:please\s+)?"
    r"(?:(?:tell|show|explain(?:\s+to)?)\s+me|explain|describe)|"
    r"(?:please\s+)?(?:tell|explain\s+to|show)\s+me|(?:please\s+)?(?:explain|describe)|"
    rf"i(?:'m|\s+am)?\s+(?:was\s+)?wondering|{KNOW_ASKED}|"
    r"(?:kannst|könntest)\s+du\s+(?:mir\s+)?(?:bitte\s+)?(?:sagen|erklären|verraten|zusammenfassen)|"
    r"(?:können|könnten)\s+sie\s+mir\s+(?:bitte\s+)?(?:sagen|erklären|verraten)|"
    rf"(?:erklär|beschreib)e?(?:\s+mir)?(?:\s+bitte)?|mich\s+interessiert)\s*,?\s*(?={_WH})",
    re.I,
)
# an asked question in a request's word order: German puts the verb last ("… wer Rubio ist",
# "… was Rubio gesagt hat"), English the auxiliary after the subject ("… who Leavitt is")
_DE_EMBEDDED = re.compile(
    r"^((?:was|wer|wen|wem|wann|wo|warum|wieso|weshalb|"
    r"wie(?:\s+(?:viele?|lange|hoch|groß|weit|oft)(?:\s+[A-ZÄÖÜ][\w-]*)?)?|welche[nrsm]?\s+[A-ZÄÖÜ][\w-]*))\s+"
    r"(.+?)\s+((?-i:[a-zäöüß]+))\s*([?.!]*)$",
    re.I,
)
_EN_EMBEDDED = re.compile(
    r"^((?:what|who|whom|which|why|when|where|how(?:\s+(?:many|much|long|big|large|often))?)(?:\s+(?!the\b)[a-z]+s)?)\s+"
    r"((?:\S+\s+){0,4}?)(is|are|was|were|will|would|could|can|should|has|have|had|must|might)\b\s*(.*)$",
    re.I,
)
_EN_WORDS = re.compile(r"^(?:what|who|whom|which|why|when|where|how)\b", re.I)
_ASKING = frozenset(
    "was wer wen wem wessen wann warum wieso weshalb wie wo welche welcher welches welchem welchen "
    "what who whom whose when why how where which".split()
)
# words a reader puts before the question that ask nothing themselves ("In your own words,",
# "Let me ask differently:", "Out of interest,", "Bitte in einem Satz:", "Sorry if this is a
# dumb question, but"): function words and these
_DISCOURSE = frozenset(
    """let ask differently again another way own words out interest curiosity honestly just wondering curious
    quick question questions short brief briefly nutshell seriously ok okay so well now then actually simply put
    plain english one more thing sorry dumb stupid silly follow followup follow-up side note btw anyway
    bitte einem satz kurz kurze gesagt mal ehrlich eigenen worten übrigens frage zwischenfrage eigentlich
    genau dumme blöde noch nachfrage also gut na entschuldigung verzeihung pardon excuse""".split()
)
_PREFACE = re.compile(r"^([^,:;?!]{1,60}?)\s*(?:[,:;]|\s[-–—])\s*(?:but\s+|aber\s+)?(?=\S)", re.I)
# what the articles say on what the reader just said ("Mein Mann behauptet, … Was sagen die Artikel?")
ARTICLES_ON_IT = (
    r"was\s+sagen\s+die\s+artikel(?:\s+dazu)?|was\s+steht\s+(?:dazu\s+)?in\s+den\s+artikeln|"
    r"what\s+do\s+the\s+articles\s+say(?:\s+about\s+(?:it|that|this))?"
)
_ASKS_ARTICLES_ON_IT = re.compile(rf"^(?:und\s+|and\s+)?(?:{ARTICLES_ON_IT})\s*[?!.]*$", re.I)
# a reader's sentence about themselves before the question ("I'm trying to understand the
# debate.", "Ich lese gerade die Artikel."): it asks nothing
_ABOUT_READER = re.compile(r"^(?:i|i'm|i've|i'd|my|we|we're|ich|wir|mein\w*|unser\w*|sorry|entschuldig\w*)\b", re.I)
# a word in the question that points back to what the reader said before it ("Do the articles
# mention her?", "Is that right?"): the reader's sentence then holds what is asked about
_BACK_REFERENCE = re.compile(
    r"\b(?:it|its|her|him|his|she|he|they|them|their|this|that|these|those|es|sie|ihr|ihre[nmrs]?|er|ihn|ihm|"
    r"sein|seine[nmrs]?|das|dies|dieser|diese[nmrs]?|dazu|darüber|davon)\b",
    re.I,
)


_AUXILIARY = frozenset(
    """ist sind war waren wird werden wurde wurden hat haben hatte hatten kann können könnte könnten soll sollen
    sollte sollten muss müssen müsste müssten will wollen wollte wollten würde würden gibt gab""".split()
)
_VERB_ENDING = re.compile(r"(?:t|en|et|te|ten|n)$")


_SPEECH_LAST = re.compile(r"sagt|sagen|sagte|sagten|meint|meinen|meinte|denkt|denken|hält|halten", re.I)


def _verb_last(rest: str, last: str) -> bool:
    """Is `last` the verb an asked German question puts last ("… wer Rubio ist", "… was er
    fordert"), not a word after the verb in direct order ("Was fordert er?", "Was sagen die
    Experten dazu?", "Welche Optionen werden diskutiert?")?"""
    first = rest.split()[0].lower()
    if first in _AUXILIARY or first == "es":  # the verb comes first: direct already ("wie es weitergeht": no verb)
        return False
    if last in _AUXILIARY:
        return True
    # a verb of speech the stop words hold ("… was Russland zu einer Friedenstruppe sagt")
    return (not is_stop(last) or bool(_SPEECH_LAST.fullmatch(last))) and bool(_VERB_ENDING.search(last))


def direct(text: str) -> str:
    """The question in direct word order ("Wer Rubio ist?" -> "Wer ist Rubio?", "Who Leavitt is?"
    -> "Who is Leavitt?"), as the question rules read it ("What Trump thinks" is read by
    `with_auxiliary`)."""
    if _EN_WORDS.match(text):
        m = _EN_EMBEDDED.match(text)
        if not m or not m.group(2).strip():
            return text
        asked, verb, rest, tail = m.group(1), m.group(3), m.group(2).strip(), m.group(4)
    else:
        m = _DE_EMBEDDED.match(text)
        if not m or not _verb_last(m.group(2), m.group(3)):
            return text
        asked, rest, verb, tail = m.groups()
    return f"{asked} {verb} {rest}" + ("" if tail[:1] in ("", "?", ".", "!") else " ") + tail


_SHOUTING_SHARE = 0.8  # this share of the letters upper case: the question is shouted


def only_pleasantries(text: str) -> bool:
    """Is the message nothing but greetings and thanks ("Hallo!", "Danke", "Thanks a lot")?"""
    parts = [p for p in _SEGMENT_END.split(text.strip()) if p]
    return bool(parts) and all(_ONLY_PLEASANTRY.match(p) for p in parts)


def _about_reader(parts: list[str]) -> list[str]:
    """`parts` without the reader's sentences about themselves around a question ("I'm trying
    to understand the debate. What does Trump think?"), unless the question points back to
    them ("I read that the US might help from the air. Is that right?")."""
    asked = [p for p in parts if p.rstrip().endswith("?")]
    if not asked or any(_BACK_REFERENCE.search(p) or _ASKS_ARTICLES_ON_IT.match(p) for p in asked):
        return parts
    kept = [p for p in parts if p in asked or not _ABOUT_READER.match(p)]
    return kept or parts


def _without_preface(text: str) -> str:
    """The question without words before it that ask nothing ("In your own words, what is …",
    "Let me ask differently: how do …", "Bitte in einem Satz: Was ist …")."""
    m = _PREFACE.match(text)
    if m is None:
        return text
    said = re.findall(r"\w+", m.group(1))
    if not said or any(w.lower() in _ASKING for w in said):  # "Wer hat was gesagt: Trump oder Rubio?" asks
        return text
    if any(c.isdigit() for c in m.group(1)):  # "In 1972, did Norway …?": a time is part of the question
        return text
    if not all(is_stop(w) or w.lower() in _DISCOURSE for w in said):
        return text
    rest = text[m.end() :]
    return rest[0].upper() + rest[1:] if rest else text


# English typed without its auxiliary, as many readers whose first language it is not type it:
# "what hegseth said about drones", "what trump want from europe?", "russia says what about
# nato soldiers", "trump position on nato"
_PAST_OF = {
    "say": "said", "want": "wanted", "think": "thought", "mean": "meant", "demand": "demanded",
    "propose": "proposed", "fear": "feared", "warn": "warned", "plan": "planned", "expect": "expected",
    "believe": "believed",
}  # fmt: skip
# each form of these verbs -> the auxiliary and base form a question asks with ("said": "did", "say")
_ASKED_WITH = {
    **{base: ("does", base) for base in _PAST_OF},
    **{base + "s": ("does", base) for base in _PAST_OF},
    **{past: ("did", base) for base, past in _PAST_OF.items()},
}
_SPEECH = "|".join(sorted(_ASKED_WITH, key=len, reverse=True))
_EN_AUXILIARY = r"do|does|did|is|are|was|were|will|would|can|could|should|has|have|had|must|might|may"
_NO_AUXILIARY = re.compile(
    rf"^(what|why|how)\s+(?!(?:{_EN_AUXILIARY})\b)((?:the\s+)?[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*)?)\s+"
    rf"({_SPEECH})\b(.*)$",
    re.I,
)
_SAYS_WHAT = re.compile(rf"^((?:the\s+)?[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*)?)\s+({_SPEECH})\s+what\b(.*)$", re.I)
_STANCE_OF = re.compile(
    r"^([^\W\d_][\w-]*)\s+(?:position|view|views|stance|opinion|take)\s+(?:on|about|regarding|towards?)\b", re.I
)


def with_auxiliary(text: str) -> str:
    """An English question typed without its auxiliary, as written with it ("what hegseth
    said about drones" -> "what did hegseth say about drones"; "russia says what about nato"
    -> "what does russia say about nato"; "trump position on nato" -> "trump's position on
    nato"); any other text as it is."""
    if (m := _NO_AUXILIARY.match(text)) and not is_stop(m.group(2).split()[-1]):
        aux, verb = _ASKED_WITH[m.group(3).lower()]
        return f"{m.group(1)} {aux} {m.group(2)} {verb}{m.group(4)}"
    if (m := _SAYS_WHAT.match(text)) and not is_stop(m.group(1).split()[-1]):
        aux, verb = _ASKED_WITH[m.group(2).lower()]
        return f"what {aux} {m.group(1)} {verb}{m.group(3)}"
    if (m := _STANCE_OF.match(text)) and not is_stop(m.group(1)):
        return f"{m.group(1)}'s {text[m.end(1) :].lstrip()}"
    return text


def core(text: str) -> str:
    """The question in `text`, without greetings and thanks, not shouted."""
    parts = [p for p in _SEGMENT_END.split(text.strip()) if p]
    kept = _about_reader([p for p in parts if not _ONLY_PLEASANTRY.match(p)])
    if not kept:
        return text.strip()
    out = " ".join(kept)
    out = _LEADING_GREETING.sub("", out)
    out = _without_preface(out)
    out = _TRAILING_THANKS.sub("", out)
    if (asked := _REQUEST.sub("", out)) != out:
        out = direct(asked[0].upper() + asked[1:])
    out = _ABBREVIATED.sub(lambda m: _ABBREVIATIONS[re.sub(r"[\s.]+", " ", m.group().lower()).strip()], out)
    return with_auxiliary(unshout(_CONTRACTED.sub(lambda m: f"{m.group(1)} is", out)))


# chat shorthand, read as written out ("whos the nato sec gen", "what does ukraine need acc to schmidt")
_ABBREVIATIONS = {
    "sec gen": "secretary general",
    "secgen": "secretary general",
    "govt": "government",
    "gov't": "government",
    "intl": "international",
    "acc to": "according to",
    "abt": "about",
    "bc": "because",
    "b/c": "because",
    "cuz": "because",
    "w/o": "without",
    "w/": "with",
    "ppl": "people",
    "pls": "please",
    "plz": "please",
    "bzgl": "bezüglich",
    "ggü": "gegenüber",
}
_ABBREVIATED = re.compile(
    r"(?<![\w/])(?:sec\.?\s*gen\.?|secgen|govt|gov't|intl|acc\.?\s+to|abt|bc|b/c|cuz|w/o|w/|ppl|pls|plz|bzgl\.?|ggü\.?)"
    r"(?![\w/])",
    re.I,
)


# a question word and "is" typed without the apostrophe ("whos Leavitt", "whats the plan")
_CONTRACTED = re.compile(r"\b(who|what|where|when|why|how)s\b(?!\s+(?:been|got)\b)", re.I)


def unshout(text: str) -> str:
    """A question in capitals ("WAS SAGT RUBIO?") in lower case, as a reader types it in a
    hurry (names in lower case are found as well); a question that is not shouted stays as
    it is."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 8 or sum(c.isupper() for c in letters) < _SHOUTING_SHARE * len(letters):
        return text
    return text.lower()


def names_recased(text: str, names: Callable[[str], bool]) -> str:
    """A question typed in lower case with the words `names` knows as names capitalised
    ("what weapons does zelensky want" -> "… Zelensky …"; "What did hodges tell the RND" ->
    "… Hodges …"), so that it reads like a typed one. Its first word and words in capitals
    ("RND", "NATO") may be capitalised; a question with any other capitalised word stays as
    it is."""
    later = _WORDS.findall(text)[1:]
    if any(w[0].isupper() and not w.isupper() for w in later):
        return text
    return re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize() if names(m.group()) else m.group(), text)


# function words of other languages that German and English questions do not use
_OTHER_WORDS = {
    "French": set(
        "le les du que qui quoi est sont une pour sur avec dans pas ce cette il elle nous vous ils comment "
        "pourquoi quel quelle quels quelles dit et au aux ou où".split()
    ),
    "Spanish": set(
        "el los las del qué que por para con una está están cómo cuál cuáles dice y según sobre porqué".split()
    ),
    "Italian": set("il gli della delle che perché cosa sono è di con una dice come sulla sul quale quali".split()),
}
_WORDS = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[а-яА-ЯёЁіІїЇєЄґҐ]")


def other_language(text: str) -> str | None:
    """The language of a question that is neither German nor English ("French" for "Que
    dit Macron sur les garanties ?", "Ukrainian or Russian" for Cyrillic), else None. Names
    and single borrowed words do not make a question foreign: it takes at least two
    function words of one language, and more of them than of German and English."""
    letters = [c for c in text if c.isalpha()]
    if letters and sum(bool(_CYRILLIC.match(c)) for c in letters) > len(letters) / 2:
        return "Ukrainian or Russian"
    ws = [w.lower() for w in _WORDS.findall(text)]
    ours = sum(w in GERMAN_STOP or w in ENGLISH_STOP for w in ws)
    best = max(_OTHER_WORDS, key=lambda lang: sum(w in _OTHER_WORDS[lang] for w in ws))
    n = sum(w in _OTHER_WORDS[best] for w in ws)
    return best if n >= 2 and n > ours else None
