"""Words that frame what a question asks and are no topic of it: "What kind of missiles …" asks
for missiles, "im Zusammenhang mit der Krim" for Crimea, "Welche Rolle spielt Rutte?" for Rutte,
"Wer sprach von einer leeren Hülse?" for whoever said "leere Hülse".

    frame_words("Wer sprach von einer leeren Hülse?", "fact", "person", ("sprach", "leeren", "Hülse"))
    # {'sprach'}
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chatbot.actors import SOURCE_NOUNS_DE, SOURCE_NOUNS_EN
from chatbot.expects import DATE_SET
from chatbot.offices import office
from chatbot.phrasing import DESCRIBED
from chatbot.stances import asks_quote
from chatbot.timing import asks_how_long

# what someone does for a living asks who they are ("Welchen Beruf hat Ryan?", "What is Ryan's job?")
_PROFESSION = re.compile(
    r"\b(?:beruf|berufs|amt|job|profession|occupation)\b|"
    # a named person's task or post ("Welche Aufgabe hat Mike Waltz?"; not "… hätte die Friedenstruppe?")
    r"\b(?:welche[nrs]?|what|which)\s+(aufgabe|funktion|posten|titel|title)\s+(?:hat|hatte|has|had|does|did)\s+"
    r"(?!(?:die|der|das|den|the)\b)(?-i:[A-ZÄÖÜ])",
    re.I,
)


# the verb that asks for a comparison (not the noun: "im Vergleich zum Osten" says what is asked)
_COMPARE_VERB = re.compile(r"compare|comparing|vergleiche|vergleichen|vergleicht|differ|unterscheide[nt]?", re.I)

# the noun a why-question asks for ("Was hat Sacharowa als Grund genannt?"): what is asked, no topic
_REASON_NOUN = re.compile(r"gr[uü]nde?|begründung|reasons?|ursachen?|causes?|nachteile?|drawbacks?|downsides?", re.I)

# what part someone or something has ("Welche Rolle spielen die Seltenen Erden …", "What role does Italy
# play?"): the role and the playing are no topic
_PLAYING = ("spielt", "spielen", "spielte", "spielten", "gespielt", "play", "plays", "played", "playing")
_ROLE_WORDS = frozenset(("rolle", "role", *_PLAYING))
_ROLE_FRAME = re.compile(rf"\b(?:rolle|role)\b.*\b(?:{'|'.join(_PLAYING)})\b", re.I)

# a kind of something asked for: the frame word is no topic ("What kind of missiles", "Welche Art von Raketen")
_KIND_FRAME = re.compile(
    r"\b(kinds?|types?|sorts?|art|arten|sorte|sorten|typ|typen)\s+(?:of|von)\b|"
    r"\b(?:which|what)\s+(ones?)\b",  # "And which one is Rutte open to?": one of those asked about
    re.I,
)

# the name of an office's holder asked for ("Wie heißt der US-Verteidigungsminister?"): what the answer is, no topic
_NAME_ASKED = re.compile(r"^(?:und\s+)?wie\s+(hei(?:ß|ss)t|hie(?:ß|ss)|hei(?:ß|ss)en|hie(?:ß|ss)en)\b", re.I)

# a noun that only relates the topic ("im Zusammenhang mit der Krim", "with regard to NATO"): no topic of its own
_WITH_REGARD = re.compile(
    r"\b(?:im|in)\s+(zusammenhang|bezug|hinblick)\s+(?:mit|auf)\b|\bmit\s+(blick)\s+auf\b|"
    r"\b(?:in|with)\s+(connection|regard|respect|relation)\s+(?:with|to)\b|"
    # "in diesem Zusammenhang", "in this context": the topic already asked about
    r"\b(?:in|im)\s+(?:diesem|dem)\s+(zusammenhang|kontext)\b|\bin\s+(?:this|that|the)\s+(context)\b",
    re.I,
)
# "Was spricht für einen Nato-Beitritt?": the arguments for it are asked, no one speaks
_SPEAKS_FOR = re.compile(r"\bwas\s+(spricht)\s+(?:für|gegen)\b", re.I)

# the articles named as the source ("according to the article", "laut Artikel", "im Text"): where
# the answer is to be found, no topic (not "Artikel 5")
_ARTICLES = r"(articles?|texts?|artikeln?|texte?n?)\b(?!\s*\d)"  # the articles, not "Artikel 5"
_IN_THE_ARTICLES = re.compile(
    r"\b(?:according\s+to|in|from|laut|im|aus|nach)\s+(?:the|this|these|those|dem|den|der|diesem|diesen)?\s*"
    + _ARTICLES
    + r"|"
    # … or as who tells it ("How does the article describe …?", "Wie beschreibt der Artikel …?")
    r"\b(?:do|does|did)\s+the\s+(articles?|texts?)\b|"
    r"\b(?:beschreibt|beschreiben|nennt|nennen|schreibt|schreiben|sagt|sagen|bezeichnet|bezeichnen)\s+"
    r"(?:der|die|das)\s+(artikel|texte?)\b",
    re.I,
)

# … the place named as such, a phrase of its own ("laut dem Artikel", "in the articles")
_IN_THE_ARTICLES_PHRASE = re.compile(
    r",?\s*\b(?:according\s+to|in|laut|im)\s+(?:the|these|those|dem|den|diesem|diesen)?\s*" + _ARTICLES, re.I
)


# which of the articles tells of something ("Which article mentions Australia?", "In welchem Artikel
# geht es um Australien?"): the article is the one the answer quotes, no topic
_WHICH_ARTICLE = re.compile(
    r"^(?:und\s+|and\s+)?(?:in\s+)?(?:which|what|welche[mnrs]?)\s+(articles?|artikeln?|texte?n?|pieces?)\b"
    r"(?!\s*\d|\s+(?:of|des|der|von|im|in)\b)"  # not an article of a treaty ("Which article of the NATO treaty …")
    r"(?:\s+(mentions?|mentioned|talks?|covers?|discuss(?:es)?|erwähnt|erwähnen|nennt|nennen|behandelt|"
    r"behandeln|geht|berichtet|berichten)\b)?",
    re.I,
)


def without_articles_named(text: str) -> str:
    """`text` without the words naming the articles as where the answer is ("Welche Rolle spielt
    Mick Ryan im Artikel?" -> "Welche Rolle spielt Mick Ryan?", "Which article mentions
    Australia?" -> "mentions Australia?"): they name no topic to search for."""
    out = _IN_THE_ARTICLES_PHRASE.sub(" ", text)
    which = _WHICH_ARTICLE.match(out)
    out = out[which.end(1) :] if which else out
    out = re.sub(r"\s+([?!.,])", r"\1", " ".join(out.split())).lstrip(" ,;:")
    return out if any(c.isalpha() for c in out) else text


# the model, plan or view of the source a question names is no topic ("in Schmidts Modell",
# "in Schmidt's plan", "im Vorschlag von Hodges"): it says whose answer is asked for
_SOURCE_FRAME = re.compile(
    rf"\b(?:in|nach)\s+(?:[A-ZÄÖÜ][\w\-]+s|seine[mnr]?|ihre[mnr]?)\s+({SOURCE_NOUNS_DE})\b|"
    rf"\b(?:im|nach\s+dem)\s+({SOURCE_NOUNS_DE})\s+von\b|"
    rf"\bin\s+(?:[A-Z][\w\-]+['’]s|his|her|their)\s+({SOURCE_NOUNS_EN})\b|\bin\s+the\s+({SOURCE_NOUNS_EN})\s+of\s+(?=[A-Z])"
)

# what someone holds necessary asks for what they want done, not about necessity ("Was hält Rubio für nötig?")
_NEEDED = re.compile(
    r"\b(?:hält|hielt|halten|hielten)\b.*\bfür\s+(nötig|notwendig|erforderlich|unverzichtbar|unerlässlich)\b|"
    r"\b(?:consider|considers|considered|think|thinks|thought|deem|deems|deemed)\b.*\b(necessary|essential|needed)\b",
    re.I,
)


# who said a phrase ("Wer sprach von einer leeren Hülse?", "Wer hat den Ausdruck Koalition der Willigen
# verwendet?", "Who used the phrase …?"): the verb of speech and the word for a phrase frame the phrase
_SAID_PHRASE = re.compile(
    r"^(?:und\s+)?(?:wer|von\s+wem)\s+(sprach|spricht|redete|redet|nannte|nennt|bezeichnete|verwendete|benutzte|"
    r"gebrauchte|prägte|stammt)\b|"
    r"^(?:und\s+)?wer\s+(?:hat|hatte)\b.*\b(gesprochen|geredet|genannt|bezeichnet|verwendet|benutzt|gebraucht|"
    r"geprägt)\W*$|"
    r"^(?:and\s+)?who\s+(?:(?:has|had|did|first)\s+)?(talked|talks|talk|spoke|speaks|speak|called(?!\s+for)|"
    r"calls(?!\s+for)|call(?!\s+for)|used|uses|use|coined|mentioned|mentions)\b",
    re.I,
)
_PHRASE_NOUN = re.compile(r"ausdruck|begriff|formulierung|wendung|satz|zitat|phrase|term|expression|words?|quote", re.I)


# how long something takes ("How long will the talks take?", "Wie lange dauern …"): the duration is asked, no topic
_DURATION_VERBS = {"take", "takes", "last", "lasts", "dauern", "dauert", "dauerte", "dauere", "dauerten"}

# the words of a request for someone's words ("Give me a quote from …", "… exact words", "Zitiere …")
_QUOTE_WORD = re.compile(
    r"quotes?|quotations?|zitate?|zitiere|zitier|exact|own|actual|precise|words?|wortlaut|wörtlich|verbatim|"
    r"genauen?|eigenen?|exakten?|worte|give|gib|any",
    re.I,
)

# the medium a statement was made in ("im Fernsehen", "in einem Interview", "on TV")
_MEDIUM = re.compile(
    r"\b(?:im|in|on|auf|bei|during)\s+(?:(?:einem|einer|der|dem|the|an|a|his|her|seinem|ihrem)\s+)?"
    r"(fernsehen|tv|interview|radio|rundfunk|television|pressekonferenz)\b",
    re.I,
)

# a claim asked to be checked ("Stimmt es, dass …?", "Is it true that …?"): the truth is what is asked
_CLAIM_FRAME = re.compile(
    r"^(?:und\s+|and\s+|so\s+)?(?:(stimmt)\s+es|ist\s+es\s+(wahr|richtig)|is\s+it\s+(true|right|correct))"
    r"\s*,?\s+(?:dass|that)\b",
    re.I,
)

# how a term is asked about, not the term ("What is meant by …", "Was versteht man unter …"; how
# something is described is `phrasing.DESCRIBED`)
_MEANT = re.compile(
    r"\bwhat\s+is\s+(meant)\s+by\b|\bwas\s+(versteht)\s+man\s+unter\b|\bwas\s+(?:ist|sind)\b.*\bmit\b.*\b(gemeint)\b|"
    r"\bwas\s+(?:ist|sind)\b.*\bunter\b.*\bzu\s+(verstehen)\b",
    re.I,
)


def frame_words(text: str, kind: str, expects: str | None, focus: Sequence[str]) -> set[str]:
    """The words of `focus` (lower case) that frame what `text` asks rather than name its topic."""
    frames = (
        *_KIND_FRAME.finditer(text),
        *_WITH_REGARD.finditer(text),
        *_NEEDED.finditer(text),
        *_IN_THE_ARTICLES.finditer(text),
        *_SOURCE_FRAME.finditer(text),
        *_CLAIM_FRAME.finditer(text),
        *_MEANT.finditer(text),
        *DESCRIBED.finditer(text),  # "How is the terrain described?": the terrain, not the describing
        *_SPEAKS_FOR.finditer(text),
    )
    if kind == "fact":
        frames = (*frames, *_PROFESSION.finditer(text))
    if expects == "date":
        frames = (*frames, *DATE_SET.finditer(text))
    if office(text):  # "Wie heißt der US-Verteidigungsminister?": the holder's name
        frames = (*frames, *_NAME_ASKED.finditer(text))
    if kind == "position":  # "Was hat Rubio im Fernsehen gesagt?": where he said it, not what about
        frames = (*frames, *_MEDIUM.finditer(text))
    frame = {m[m.lastindex or 0].lower() for m in frames}
    if kind == "position" and asks_quote(text):  # "Zakharova's exact words": her words, no topic "words"
        frame |= {w.lower() for w in focus if _QUOTE_WORD.fullmatch(w)}
    if kind == "fact" and asks_how_long(text):
        frame |= {"long", "lange"} | {w.lower() for w in focus if w.lower() in _DURATION_VERBS}
    if _ROLE_FRAME.search(text):
        frame |= _ROLE_WORDS
    which = _WHICH_ARTICLE.match(text)
    if which:  # "Which article mentions Australia?": Australia
        frame |= {w.lower() for w in which.groups() if w}
    if kind == "comparison":  # "Compare what Trump and Leavitt said …", "Wie unterscheiden sich …": what is asked
        frame |= {w.lower() for w in focus if _COMPARE_VERB.fullmatch(w)}
    if kind == "reason":  # "Was hat Sacharowa als Grund genannt?": the reason is what is asked, no topic
        frame |= {w.lower() for w in focus if _REASON_NOUN.fullmatch(w)}
    said = _SAID_PHRASE.search(text) if expects == "person" else None
    if said:
        frame |= {
            (said.group(said.lastindex or 0) or "").lower(),
            *(w.lower() for w in focus if _PHRASE_NOUN.fullmatch(w)),
        }
    return frame
