"""What a question asks for besides its kind (`phrasing.classify`): an outlet as the source
of a report, what "he" or "she" said, a motive, a reaction, everything on a subject, or
what someone names.

    asks_source("Welche Nachrichtenagentur hat das verbreitet?")   # True
    asks_motive("Why did Macron travel to Kyiv?")                    # True
    asks_all("Was hat Trump alles gesagt?")                         # True

Like `phrasing.py`, these patterns only read the question; they never decide an answer.
"""

from __future__ import annotations

import re

from chatbot.expects import WHO_REPORTED
from chatbot.listing import OUTLET_KINDS
from chatbot.phrasing import WILLING
from chatbot.stances import STANCE_DE, STANCE_WORD
from chatbot.words import content_words, tokens

_OUTLETS_DE = rf"{OUTLET_KINDS}|medium|medien"
# a question for the outlet that reported something ("Welches Magazin berichtet …?", "Who reported …?")
_OUTLETS_EN = r"outlet|newspaper|paper|agency|broadcaster|network|magazine|channel|platform"
_SOURCE = re.compile(
    rf"{WHO_REPORTED}|"
    rf"\b(?:welche[rsmn]?|which|what)\s+(?:\w+\s+)?\w*(?:{_OUTLETS_DE}|{_OUTLETS_EN})\b|"
    r"\blaut\s+wem\b|\baccording\s+to\s+whom\b",
    re.I,
)
OUTLET_NOUN = re.compile(rf"\w*(?:{_OUTLETS_DE})", re.I)  # "Nachrichtenportal", "TV-Sender"
OUTLET_NOUN_ASKED = re.compile(rf"\w*(?:{_OUTLETS_DE})|(?:news)?(?:{_OUTLETS_EN})s?", re.I)  # and "newspaper"


# what an outlet does with a statement: report, quote, publish it (not "What channel did ABC launch?")
_REPORTING = re.compile(
    r"\b(?:bericht\w*|meld\w*|schreib\w*|schrieb\w*|sag\w*|zitier\w*|verbreit\w*|veröffentlich\w*|beruf\w*|"
    r"beschr\w*|gesprochen|sprach|interview\w*|erklär\w*|gesagt|gemeldet|geschrieben|erzähl\w*|geäußert|report\w*|says?|said|tell|told|"
    r"wr[io]te\w*|written|"
    r"publish\w*|quot\w*|cit\w*|describ\w*|spoke|speak|spoken|talk\w*|according|posted|gepostet|laut)\b",
    re.I,
)


def asks_source(text: str) -> bool:
    """Does the question ask which outlet reported, quoted or was told something?"""
    return bool(_SOURCE.search(text)) and bool(_REPORTING.search(text))


# who said, wrote or called something ("Who called the guarantees an empty shell?", "Wer hat vor einem
# NATO-Krieg gewarnt?"): the person whose words the question gives
_WHO_SAID = re.compile(
    r"^(?:and\s+|und\s+)?(?:who|wer)\b(?:\s+[\w\-]+){0,6}?\s+(?:said|say|says|called|calls|wrote|writes|warned|warns|"
    r"described|describes|spoke|speaks|posted|claimed|claims|argued|argues|stressed|insisted|demanded|confirmed|"
    r"sagte|sagt|gesagt|warnte|warnt|gewarnt|schrieb|geschrieben|nannte|genannt|bezeichnete|bezeichnet|sprach|"
    r"gesprochen|behauptete|behauptet|betonte|betont|forderte|gefordert|erklärte|erklärt|bestätigte|bestätigt)\b",
    re.I,
)


def asks_who_said(text: str) -> bool:
    """Does the question ask who said something it gives ("Who wrote 'Some things never change'?")?"""
    return bool(_WHO_SAID.match(text))


def reporting_words(focus: tuple[str, ...]) -> set[str]:
    """The words of `focus` (lower case) that say an outlet reported: no topic of a question for
    the outlet ("Wer hat über das Treffen berichtet?" asks about the meeting, not a report)."""
    return {w.lower() for w in focus if _REPORTING.fullmatch(w)}


# "Was meint er …", "What did she say …": the speaker is whoever the last question named
_PRONOUN_ACTOR = re.compile(
    rf"\b(?:{STANCE_DE}|hat|hatte)\s+(?:er|sie)\b|\b(?:does|did|do|is|was|has)\s+(?:he|she|they)\b|"
    # "… seiner Meinung nach", "laut ihm", "in her view": whose view it is, in a possessive
    r"\b(?:nach\s+)?(?:seiner|ihrer)\s+(?:meinung|ansicht|einschätzung|auffassung|überzeugung)\b|"
    r"\b(?:laut|zufolge)\s+(?:ihm|ihr)\b|\b(?:ihm|ihr)\s+zufolge\b|\baccording\s+to\s+(?:him|her)\b|"
    r"\bin\s+(?:his|her)\s+(?:view|opinion|words)\b|"
    # "What's his view on …?", "Was ist seine Haltung zu …?": their stance, asked by a possessive
    r"\b(?:his|her)\s+(?:view|views|position|stance|opinion|take|line|perspective)\b|"
    r"\b(?:seine|ihre)\s+(?:meinung|haltung|position|sicht|ansicht|einschätzung|sichtweise)\b",
    re.I,
)


def asks_pronoun_speaker(text: str) -> bool:
    """Does the question ask what "he" or "she" said ("Was meint er …", "What did she say …")?"""
    return bool(_PRONOUN_ACTOR.search(text))


# a separable verb's particle before its participle ("zurück|getreten", "ab|gereist")
_PARTICLE = r"(?:ab|an|auf|aus|bei|ein|mit|nach|vor|weg|zu|zurück|zusammen|los|fest|frei|hin|her)"
# why someone did something, once ("Why did Trump stop …?", "Warum hat Trump … gestoppt?"): a
# motive, which only a stated cause answers
_MOTIVE = re.compile(
    r"^(?:and\s+|but\s+|und\s+|aber\s+)?(?:"
    r"why\s+(?:did|didn't|won't|wouldn't|will|has|have|had)\s+(?!it\b|there\b)\w+"
    # "Why does Zelensky want …?", not what someone thinks ("Why does Trump think …?")
    r"|why\s+(?:does|doesn't|do|don't)\s+(?!it\b|there\b)(?!.*\b(?:think|believe|say|consider)\b)\w+"
    r"|(?:warum|wieso|weshalb|weswegen)\s+(?:hat|haben|hatte|hatten|will|wollte|wollten)\b"
    # what someone does now: "Warum tritt Scholz ab?", "Warum reist Selenskyj …?" (not "Warum gilt …",
    # "Warum braucht die Ukraine …", nor what someone says or thinks: "Warum zweifelt Ischinger …?")
    r"|(?:warum|wieso|weshalb|weswegen)\s+(?!(?:ist|sind|war|waren|wird|werden|gilt|gelten|galt|scheint|scheinen|"
    r"wäre|wären|sollte|sollten|soll|sollen|könnte|könnten|kann|können|müsste|müssten|muss|müssen|darf|dürfen|"
    r"gibt|gab|bleibt|bleiben|blieb|braucht|brauchen|fehlt|fehlen|sei|seien|hält|halten|denkt|denken|glaubt|"
    rf"glauben|findet|finden|zweifelt|belächelt|lobt|lacht|spottet|{STANCE_DE})\b)\w+\s+"
    r"(?:(?:die|der|das|den)\s+)?(?-i:[A-ZÄÖÜ])"  # "Warum schickt die USA …?"
    # done to something: "Warum wurden die Waffenlieferungen gestoppt?", "Why were deliveries halted?"
    r"|why\s+(?:was|were)\s+(?!it\b|there\b).*\b\w+(?:ed|en)\W*$"
    r"|(?:warum|wieso|weshalb|weswegen)\s+(?:wurde|wurden)\b.*\b(?:be|ver|er|ent|zer|emp|miss)\w+(?:t|en)\W*$"
    rf"|(?:warum|wieso|weshalb|weswegen)\s+(?:ist|sind|war|waren|wurde|wurden)\b.*\b(?:{_PARTICLE}?ge\w+(?:t|en)|\w+iert|zerbrochen)\W*$"
    # someone's stance: "Warum ist Vance gegen die Garantien?", "Why is Moscow opposed to …?"
    r"|(?:warum|wieso|weshalb|weswegen)\s+(?:ist|sind|war|waren)\s+(?:der\s+|die\s+|das\s+)?(?-i:[A-ZÄÖÜ])\S*\s+(?:\S+\s+)?(?:gegen|dagegen)\b"
    r"|why\s+(?:is|are|was|were)\s+(?!it\b|there\b|this\b|that\b)(?:the\s+)?(?-i:[A-Z])\S*\s+(?:\S+\s+)?(?:against|opposed)\b)",
    re.I,
)


def asks_motive(text: str) -> bool:
    """Does the question ask why someone did something ("Why did Macron travel to Kyiv?",
    "Warum hat Ungarn … blockiert?"), not why something is so ("Warum gilt …")?"""
    return bool(_MOTIVE.search(text.strip()))


# who refused or rejected something ("Which countries refused to join …?", "Wer lehnt … ab?"):
# what others agreed to is no answer
_REFUSAL = re.compile(
    r"\b(?:refus\w*|reject\w*|declin\w*|oppos\w*|rul(?:e|es|ed|ing)\s+out|(?:is|are|was|were)\s+against|"
    r"ablehn\w*|abgelehnt|lehn(?:t|te|ten|en)\b.*\bab|verweiger\w*|weiger\w*|abgesagt|ausgeschlossen|"
    r"schl(?:ießt|ießen|oss|ossen)\b.*\baus|dagegen|(?:ist|sind|war|waren)\s+gegen)\b",
    re.I,
)


# why something is hard ("Why might a ceasefire be hard to enforce?", "Warum wäre das so schwierig?",
# "What's the problem with enforcing a ceasefire?")
_DIFFICULTY = re.compile(
    r"\b(?:hard|harder|difficult|tough|tricky|challenging|complicated|schwer|schwerer|schwierig\w*|"
    r"kompliziert\w*|heikel|difficult(?:y|ies)|challenges?|problems?\s+(?:with|of|in)|"
    r"probleme?\s+(?:mit|bei|beim)|herausforderung\w*)\b",
    re.I,
)


def asks_difficulty(text: str) -> bool:
    """Does the question ask what makes something hard ("Why would it be so hard to police a
    ceasefire?"): a statement of the difficulty answers it as a cause does?"""
    return bool(_DIFFICULTY.search(text))


def asks_willing(text: str) -> bool:
    """Does the question ask who is willing, ready or offers to do something ("Wer ist bereit,
    Soldaten zu schicken?", "Who has offered to help keep the peace?")?"""
    return bool(WILLING.search(text)) and not asks_refusal(text)


def asks_refusal(text: str) -> bool:
    """Does the question ask who refused, rejected or ruled out something ("Which countries
    refused to join the mission?", "Wer ist dagegen?")?"""
    return bool(_REFUSAL.search(text))


# what part someone plays ("Welche Rolle spielt Obama?", "Was hat Obama damit zu tun?", "What
# does Obama have to do with it?"): any sentence about them answers it
_PART = re.compile(
    r"^(?:und\s+|and\s+)?(?:welche\s+rolle\s+(?:spielt|spielte|spielen|hat|hatte)\b|"
    r"was\s+(?:hat|haben|hatte|hatten)\s+.+?\s+(?:damit|da\s+\w+|mit\s+.+?)\s+zu\s+tun\b|"
    r"what\s+(?:role|part)\s+(?:does|did|do|is|was|has|have|had)\b|what\s+(?:does|did|do)\s+.+?\s+have\s+to\s+do\s+with\b|"
    r"how\s+(?:is|was|are|were)\s+.+?\s+involved\b|"
    # "What is the UN Security Council's role?", "Was ist die Rolle des Sicherheitsrats?"
    r"what(?:['’]s|\s+is|\s+was)\s+.+?['’]s?\s+(?:role|part)\s*[?.!]*$|"
    r"what(?:['’]s|\s+is|\s+was)\s+the\s+(?:role|part)\s+of\b|was\s+ist\s+die\s+rolle\s+(?:des|der|von)\b)",
    re.I,
)


# who plays the part asked about ("Welche Rolle spielt die Nato …", "What role does NATO play", "die Rolle der Nato")
_PLAYER = re.compile(
    r"\b(?:spielt|spielen|spielte|spielten)\s+(?:der|die|das|den)?\s*([A-ZÄÖÜ][\w\-]+)|"
    # "Welche Rolle hat JD Vance gespielt?"
    r"\b(?i:rolle)\s+(?:hat|hatte|haben|hatten)\s+(?:der|die|das|den)?\s*([A-ZÄÖÜ][\w\-]+)(?=.*\bgespielt\b)|"
    r"\b(?:does|do|did)\s+(?:the\s+)?([A-Z][\w\-]+)\s+play\b|\b(?:has|have|had)\s+(?:the\s+)?([A-Z][\w\-]+)(?=.*\bplayed\b)|"
    r"\b(?i:rolle)\s+(?:des|der|von)\s+([A-ZÄÖÜ][\w\-]+)"
)


def player(text: str) -> str:
    """The one whose part the question asks ("Nato" in "Welche Rolle spielt die Nato in den
    Planungen?"); "" for none."""
    m = _PLAYER.search(text)
    return next((g for g in m.groups() if g), "") if m else ""


def asks_part(text: str) -> bool:
    """Does the question ask what part someone plays in the matter ("Welche Rolle spielt
    Obama?", "What does Obama have to do with it?")?"""
    return bool(_PART.search(text))


# German's question words made of "wo" and a preposition ask for a thing: what about, what for, with what
# (so do English questions ending on the preposition: "What will they talk about?", "What for?")
_WHAT_ABOUT = re.compile(
    r"\bwo(?:r(?:über|um|an|auf|aus|in|unter)|von|für|mit|zu|bei|nach|gegen|durch)\b|"
    r"^(?:and\s+|but\s+|so\s+)?what\b.*\b(?:about|for|with|on)\W*$",
    re.I,
)


def asks_what_about(text: str) -> bool:
    """Does the question ask for a thing by a preposition: what about, for or with
    ("Worüber sollen sie sprechen?", "Wozu?", "What will they talk about?")?"""
    return bool(_WHAT_ABOUT.search(text))


_WRITTEN = re.compile(
    r"\b(?:post|posts|posted|posting|tweet|tweets|tweeted|wrote|write|writes|gepostet|postete|posten|"
    r"getwittert|twitterte|schrieb|schreibt|geschrieben)\b",
    re.I,
)
# a written statement in the articles' words: "schrieb der Republikaner auf seiner Plattform …"
WRITTEN = re.compile(r"\b(?:schrieb|schreibt|geschrieben|postete|gepostet|twitterte|getwittert|plattform)\w*", re.I)
# … and the words that find the passage reporting one, searched beside the writer's names
WRITTEN_SEARCHED = ("schrieb", "schreibt", "Plattform", "postete")


def asks_written(text: str) -> bool:
    """Does the question ask what someone wrote or posted ("What did Trump post?")? Their
    written words answer it first."""
    return bool(_WRITTEN.search(text))


_REACTION = re.compile(r"\b(?:reagier\w*|reaktion\w*|react\w*|respond\w*|response)\b", re.I)


def asks_reaction(text: str) -> bool:
    """Does the question ask how someone reacted ("Wie reagierte Trump …?", "How did Trump
    react …?")? What they did answers it as well as what they said."""
    return bool(_REACTION.search(text))


# who leads something ("Wer führt die Nato?", "Who commands the Ukrainian army?"): its head, whom
# the articles name by a title ("Generalsekretär … Mark Rutte"), not anyone named near it
_LEADS = re.compile(
    r"^(?:und\s+|and\s+)?(?:wer|who)\s+(?:(?:is|was)\s+)?(?:führt|führte|leitet|leitete|regiert|regierte|"
    r"kommandiert|kommandierte|befehligt|befehligte|anführt|steht\s+an\s+der\s+spitze|leads|led|leading|heads|"
    r"headed|heading|runs|ran|running|commands|commanded|commanding|chairs|chaired|governs|governed|"
    r"in\s+charge\s+of)\b|"
    # "Who is the head of the Ukrainian army?", "Wer ist der Chef der Armee?": the same, asked by the title
    r"^(?:und\s+|and\s+)?(?:wer|who)\s+(?:is|was|ist|war)\s+(?:the|der|die)\s+(?:current\s+|aktuelle\s+)?"
    r"(?:head|leader|chief|commander|commander-in-chief|chef|chefin|anführer|anführerin|oberbefehlshaber|"
    r"kommandeur|befehlshaber|leiter|leiterin)\s+(?:of|der|des|von)\b",
    re.I,
)


# who someone is ("Who is Leavitt?", "Wer ist eigentlich Mick Ryan?"): the sentence that introduces
# them, with their title or what they are ("der Sprecherin des Weißen Hauses, Karoline Leavitt")
_WHO_IS = re.compile(
    r"^(?:und\s+|and\s+)?(?:who|wer)(?:\s+(?:is|was|ist|war)|['’]s)\s+(?:eigentlich\s+|genau\s+|exactly\s+|this\s+|dieser\s+|diese\s+)?"
    r"((?-i:[A-ZÄÖÜ])[\w\-]+(?:\s+(?-i:[A-ZÄÖÜ])[\w\-]+)?)\s*[?.!]*$",
    re.I,
)


def asks_identity(text: str) -> str:
    """The person a question asks who they are ("Who is Leavitt?": "Leavitt", "Wer ist Mick
    Ryan?": "Ryan"), or ""."""
    m = _WHO_IS.match(text)
    return m.group(1).split()[-1] if m else ""


def asks_leader(text: str) -> bool:
    """Does the question ask who leads something ("Wer führt die Nato?", "Who heads the army?")?"""
    return bool(_LEADS.search(text))


# where what is led ends: "Wer führt die Verhandlungen | für die Ukraine?", "Who runs NATO | right now?"
_LED_ENDS = re.compile(
    r"\s(?:für|for|in|im|at|bei|beim|während|during|seit|since|right|now|currently|today|derzeit|aktuell|"
    r"heute|jetzt|zurzeit|momentan|gerade|eigentlich)\b|[?.!,]",
    re.I,
)


def asks_head_of(text: str) -> tuple[str, ...]:
    """What a question asks the head of, its last two content words: "Nato" in "Who runs NATO
    right now?", ("ukrainischen", "Armee") in "Wer ist der Chef der ukrainischen Armee?"; ()
    when it asks no one's head."""
    m = _LEADS.search(text)
    if not m:
        return ()
    rest = text[m.end() :]
    end = _LED_ENDS.search(rest)
    return tuple(content_words(rest[: end.start()] if end else rest)[-2:])


_ALL = re.compile(
    r"\b(?:(?<!das )(?<!dies )alles|everything|all\s+(?:the|of)\b|all\s+that)\b|"
    # "Summarize Trump's statements", "Fasse Trumps Aussagen zusammen": all of them
    r"^(?:summari[sz]e|fass\w*)\b.*\b(?:statements|remarks|comments|aussagen|äußerungen)\b",
    re.I,
)


def asks_all(text: str) -> bool:
    """Does the question ask for everything on a subject ("Was hat Trump alles gesagt?",
    "everything Rubio said"): a list rather than the few best quotes?"""
    return bool(_ALL.search(text))


_SAYS = re.compile(r"\b(?:nennt|nannte|nennen|laut|zufolge|according\s+to|lists?|listed|names?|named)\b", re.I)


def asks_what_someone_says(text: str) -> bool:
    """Does the question ask for what someone says, names or demands ("Welche Bedingungen
    nennt Hodges?", "What does Rubio propose?", "laut Schmidt")?"""
    return bool(_SAYS.search(text)) or any(STANCE_WORD.match(t) for t in tokens(text))
