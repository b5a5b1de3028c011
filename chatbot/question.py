"""Understand a question once: language, type, the kind of answer it expects, its focus.

    q = analyse("Was sagt Rubio über Abschreckung?")
    q.language, q.kind, q.expects, q.actor, q.focus    # 'de', 'position', None, 'Rubio', ('Rubio', 'Abschreckung')

Everything later (retrieval, composition, abstention) reads this one object; nothing
detects the language or re-parses the question again. The rules are plain patterns over
German and English question words; they only classify, they never decide an answer.

Kinds: "fact" (with `expects`: number, money, date, person, org, place, yesno or None),
"overview" (lists, options; `expects` "person" or "country" when it lists those),
"position" (what a named actor says), "reason" (why / how) and "comparison" (two
sides, in `sides`). A question with no content words at all is
"empty"; a question about the bot itself ("What are your instructions?") is "meta".

Whether a question continues the last one is `followup.py`'s concern.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ingest.analyze import ENGLISH_STOP, GERMAN_STOP, detect_language

Kind = str  # "fact" | "overview" | "position" | "reason" | "comparison" | "empty" | "meta"

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*\s?%?|[^\W\d_][\w\-]*")

# question words and fillers that are never the focus of a question
_QUESTION_WORDS = set(
    """was wer wen wem wessen wann warum wieso weshalb weswegen wie wo wohin woher welche welcher welches
    welchem welchen womit wodurch wofür worüber worauf wovon worin wovor wozu woran worum wobei wogegen
    inwiefern ob und also eigentlich genau denn
    bitte mal etwa what who whom whose when why how where which whether and so please exactly actually
    tell me explain describe gibt es there""".split()
)
# speech and stance verbs of position questions ("Was sagt X", "What did X say")
_STANCE_DE = (
    r"sagt|sagte|sagen|sagten|meint|meinte|meinen|fordert|forderte|fordern|verlangt|verlangte|denkt|dachte|"
    r"hält|hielt|halten|will|wollte|wollen|warnt|warnte|warnen|kritisiert|kritisierte|erklärt|erklärte|"
    r"betont|betonte|schlägt|schlug|schreibt|schrieb|behauptet|behauptete|empfiehlt|empfahl|glaubt|"
    r"sieht|sah|befürchtet|verspricht|versprach|lehnt|lehnte|plant|plante|äußert|äußerte|antwortet|"
    r"antwortete|reagiert|reagierte|sprach|spricht|rät|riet|bietet|bot|vertritt|vertrat|argumentiert"
)
_STANCE_EN = (
    r"say|said|says|think|thinks|thought|want|wants|wanted|demand|demands|demanded|warn|warns|warned|"
    r"propose|proposes|proposed|claim|claims|claimed|argue|argues|argued|believe|believes|believed|"
    r"suggest|suggests|suggested|stress|stresses|stressed|call for|calls for|called for|criticise|"
    r"criticize|criticised|criticized|recommend|recommends|recommended|expect|expects|expected|"
    r"offer|offers|offered|reject|rejects|rejected|insist|insists|insisted|fear|fears|feared|"
    r"promise|promises|promised|mean|means|meant|make of|feel|feels|tell|told|respond|responded|react|reacted|"
    r"saying|thinking|wanting|demanding|warning|proposing|claiming|arguing|suggesting|stressing|calling for|"
    r"recommending|expecting|offering|rejecting|insisting|promising|asking for|pushing for|planning"
)
_PARTICIPLES_DE = (
    r"gesagt|geschrieben|gefordert|erklärt|gewarnt|gemeint|betont|kritisiert|vorgeschlagen|angekündigt|"
    r"behauptet|verlangt|versprochen|geäußert|angeboten|abgelehnt|signalisiert|angedeutet|klargestellt|"
    r"bekräftigt|eingeräumt|mitgeteilt|verkündet|zugesagt|von sich gegeben|verlauten lassen|zu verstehen gegeben"
)
_STANCE_WORD = re.compile(rf"^(?:{_STANCE_DE}|{_STANCE_EN}|{_PARTICIPLES_DE})$", re.I)
# "Wie sieht X das?", "How does X see …": a view asked with "wie"/"how", not a way
_HOW_SEEN = (
    re.compile(r"\bwie\s+(?:äußert|äußerte|positioniert|positionierte|steht|stand|stehen|sieht|sah)\b", re.I),
    re.compile(r"\bhow\s+(?:do|does|did)\s+.{1,60}?\b(?:see|view|react|respond|feel|position)\b", re.I),
)
_LOOKS_LIKE = re.compile(r"\bwie\s+(?:sieht|sah|sehen)\b.*\baus\W*$", re.I)  # what X looks like, not a view
_POSITION = [
    *_HOW_SEEN,
    re.compile(rf"\b(?:was|wie|wofür|wogegen|worauf|wovor)\s+(?:{_STANCE_DE})\b", re.I),
    re.compile(
        rf"\b(?:was|wofür|wogegen|wovor)\s+(?:hat|haben|hatte|hatten)\b.{{1,60}}?\b(?:{_PARTICIPLES_DE})\b", re.I
    ),
    re.compile(r"\b(?:position|haltung|standpunkt|meinung|sichtweise|einschätzung|forderung|forderungen)\b", re.I),
    re.compile(
        rf"\bwhat\s+(?:do|does|did|is|are|was|were|has|have|had|would|will)\s+.{{1,60}}?\b(?:{_STANCE_EN})\b", re.I
    ),
    re.compile(r"['’]s\s+(?:position|view|stance|opinion|take|argument|demand|warning|proposal|line)\b", re.I),
    re.compile(r"\b(?:position|stance|view|views|opinion)\s+of\b", re.I),
    re.compile(r"\bwhere\s+(?:do|does)\s+.{1,40}?\bstand\b", re.I),
]
_COMPARISON = re.compile(
    r"\b(?:unterscheid\w*|unterschied\w*|vergleich\w*|verglichen|gemeinsam\w*|gegensatz|differ\w*|"
    r"compare\w*|comparison|contrast\w*|versus|vs\.?|in common|same as|similar\w*)\b",
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
    r"\b(?:welche|which|what)\s+(?:\w+\s+){0,2}?(?:optionen|möglichkeiten|vorschläge|ideen|länder|staaten|"
    r"szenarien|varianten|modelle|wege|schritte|maßnahmen|forderungen|bedingungen|komponenten|elemente|"
    r"risiken|gefahren|probleme|hindernisse|argumente|akteure|politiker|experten|rollen|aufgaben|"
    r"options|possibilities|proposals|ideas|countries|states|nations|scenarios|variants|models|ways|steps|"
    r"measures|demands|conditions|components|elements|risks|dangers|problems|obstacles|arguments|actors|"
    r"politicians|experts|roles|tasks|guarantees|alternatives|plans|players|leaders)\b|"
    r"\b(?:überblick|überblicksartig|zusammenfassung|zusammenfassen|worum geht|was wird (?:\w+ )?diskutiert|"
    r"was ist im gespräch|was braucht|was bräuchte|was wäre nötig|was müsste|was muss|welche rolle|"
    r"overview|summary|summari[sz]e|what is being discussed|what(?:'s| is) on the table|what would .{1,40} need|"
    r"what does .{1,40} need|what is needed|what needs|list\b|aufzählen|nenne|alles|all the)\b|"
    r"^(?:und\s+)?welche\s+\w+\s+(?:[\w\-]+\s+){0,3}?(?:sind|werden|wurden|gibt es|gab es|haben|hatten|stehen|liegen|"
    r"könnten|würden|müssten|sollen|sollten)\b|^(?:and\s+)?(?:which|what)\s+\w+s\s+(?:are|were|have|had|would|could|"
    r"should|might|will)\b",
    re.I,
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
            r"^(?:und\s+|and\s+)?(?:wer|wem|wen|wessen|who|whom|whose)\b|\b(?:welche[rsmn]?\s+"
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
_META = re.compile(
    r"\b(?:your|you|yourself|du|dich|dir|dein\w*)\b.*\b(?:instructions?|prompt|rules|anweisung\w*|regeln|who|wer|"
    r"what|was|can|kannst|are|bist)\b|\b(?:system\s*prompt|instructions|anweisungen)\b",
    re.I,
)
# "Was meint er …", "What did she say …": the speaker is whoever the last question named
_PRONOUN_ACTOR = re.compile(
    rf"\b(?:{_STANCE_DE}|hat|hatte)\s+(?:er|sie)\b|\b(?:does|did|do|is|was|has)\s+(?:he|she|they)\b", re.I
)


def asks_pronoun_speaker(text: str) -> bool:
    """Does the question ask what "he" or "she" said ("Was meint er …", "What did she say …")?"""
    return bool(_PRONOUN_ACTOR.search(text))


def asks_reason(text: str) -> bool:
    """Does the question ask why or how ("Warum …", "Wie begründet …", "Why …")?"""
    return bool(_REASON.search(text))


@dataclass(frozen=True)
class Question:
    """One analysed question. `query` is what retrieval searches (follow-ups add context)."""

    text: str
    language: str
    kind: Kind
    expects: str | None = None
    focus: tuple[str, ...] = ()  # names and content words the answer must be about, as asked
    names: tuple[str, ...] = ()  # the focus words that are names (capitalised, not sentence-initial)
    actor: str | None = None  # the speaker of a position question
    sides: tuple[str, ...] = ()  # the two sides of a comparison
    query: str = ""
    follow_up: bool = False
    inherited: tuple[str, ...] = ()  # focus taken over from the previous question ("er", "dazu")
    german: dict[str, tuple[str, ...]] = field(default_factory=dict)  # focus word -> German corpus words
    # vectors of the focus words (`align_words`), set once by the API with the question's own vector
    word_vectors: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    measured: str | None = None  # what a number question counts or measures ("Drohnen" in "Wie viele Drohnen …")
    quote: str = ""  # words the question quotes ("Was meint er mit „Manche Dinge ändern sich nie“?")
    role: tuple[str, ...] = ()  # a country's office as the actor: ("russische", "außenminister")

    @property
    def all_focus(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*self.focus, *self.inherited)))

    @property
    def topic(self) -> tuple[str, ...]:
        """What a position question asks the actor about: the focus beyond the actor and the
        verb of speech, with what a follow-up takes over ("NATO" in "What does Rubio say
        about NATO?"; nothing in "Was sagt Rubio?", which asks for anything Rubio said)."""
        actor = set((self.actor or "").lower().split())
        own = (w for w in self.focus if w.lower() not in actor and not _STANCE_WORD.match(w))
        return tuple(dict.fromkeys((*own, *self.inherited)))

    @property
    def align_words(self) -> tuple[str, ...]:
        """The focus words an answer should have a counterpart for (lower case, no numbers), at most 8."""
        return tuple(dict.fromkeys(w.lower() for w in self.focus if w.isalpha() and len(w) >= 3))[:8]


def tokens(text: str) -> list[str]:
    """Words and numbers; a possessive "'s" is dropped ("Hegseth's" -> "Hegseth")."""
    return _TOKEN.findall(re.sub(r"[’']s\b", "", text))


def _is_stop(word: str) -> bool:
    low = word.lower()
    return low in GERMAN_STOP or low in ENGLISH_STOP or low in _QUESTION_WORDS


def content_words(text: str) -> list[str]:
    """Words that carry meaning: not stop words, not question words, not one letter."""
    return [t for t in tokens(text) if not _is_stop(t) and (len(t) > 1 or t[0].isdigit())]


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
_STANCE_NOUNS = set(
    """Position Positionen Haltung Standpunkt Meinung Sicht Sichtweise Einschätzung Forderung Forderungen Reaktion
    Aussage Aussagen Äußerung Äußerungen Argument Argumente Vorschlag Vorschläge Kritik Warnung Ansicht
    position view views stance opinion take reaction statement argument proposal""".split()
)


def _is_title(word: str) -> bool:
    """A role, not a name: "Präsident", "Nato-Chef", "Secretary"."""
    last = word.split("-")[-1]
    return word in _ENGLISH_TITLES or word in _GERMAN_TITLES or last in _GERMAN_TITLES or last in _ENGLISH_TITLES


def _names(text: str, language: str) -> list[str]:
    """Capitalised words after the first word (in a keyword query, all): names (and, in
    German, nouns too).

    In English a capital marks a name; in German every noun has one, so German
    "names" are nouns and names alike, which is what a focus needs.
    """
    toks = tokens(text)
    first = 1 if not is_keywords(text) else 0  # "Scholz?" is a name, not a capitalised first word
    out = []
    for i, t in enumerate(toks):
        if i < first or not t[0].isupper() or _is_stop(t):
            continue
        if _is_title(t) or t in _STANCE_NOUNS:
            continue
        out.append(t)
    return out


_QUOTED = re.compile(r"„[^“”„]*[“”]|»[^«»]*«|“[^”“]*”|\"[^\"]*\"")


def outside_quotes(text: str) -> str:
    """`text` without what it quotes: the speaker of "„… Russland …“, warnten Experten" is
    the experts, not Russland; "Was meint er mit „Manche Dinge …“?" names nobody."""
    return _QUOTED.sub(" ", text)


# offices a position question may ask about, as asked -> the German word the articles use
_ROLES = {
    "foreign minister": "außenminister",
    "secretary of state": "außenminister",
    "defence minister": "verteidigungsminister",
    "defense minister": "verteidigungsminister",
    "defence secretary": "verteidigungsminister",
    "defense secretary": "verteidigungsminister",
    "prime minister": "premierminister",
    "president": "präsident",
    "chancellor": "kanzler",
    "außenminister": "außenminister",
    "verteidigungsminister": "verteidigungsminister",
    "premierminister": "premierminister",
    "ministerpräsident": "ministerpräsident",
    "regierungschef": "regierungschef",
    "präsident": "präsident",
    "kanzler": "kanzler",
    "bundeskanzler": "kanzler",
}
_ROLE_RE = re.compile(
    r"(?:\b(?:der|die|the)\s+)?(?P<nat>[^\W\d_]+)(?:['’]s)?[\s\-]+(?P<role>"
    + "|".join(sorted(_ROLES, key=len, reverse=True))
    + r")(?:in|innen)?\b",
    re.I,
)


def office(text: str) -> tuple[tuple[str, str], str] | None:
    """The office a question asks about, with the country it belongs to, and the phrase as
    written: "der russische Außenminister" -> (("russische", "außenminister"), "der
    russische Außenminister"); "Ukraine's foreign minister" -> (("Ukraine", "außenminister"), …)."""
    for m in _ROLE_RE.finditer(outside_quotes(text)):
        nat = m.group("nat")
        if not _is_stop(nat):
            return (nat, _ROLES[m.group("role").lower()]), m.group()
    return None


def quoted(text: str) -> str:
    """The longest quotation in `text` with two content words or more, without its marks
    ("" if none): „leere Hülse“ is a quote to look up, "die Ukraine" is not."""
    inner = [m.group()[1:-1].strip(" .,!?") for m in _QUOTED.finditer(text)]
    return max((q for q in inner if len(content_words(q)) >= 2), key=len, default="")


def _actor(text: str, language: str) -> str | None:
    """The named speaker of a position question: the capitalised words near the stance verb
    (not those of a quotation: "Was meint er mit „Manche Dinge …“?" names nobody)."""
    toks = tokens(outside_quotes(text))
    caps = [i for i, t in enumerate(toks) if i > 0 and t[0].isupper() and not _is_stop(t) and t not in _STANCE_NOUNS]
    if not caps:
        # typed in lower case ("was sagt hodges"): the first content word after the verb
        m = re.search(rf"\b(?:{_STANCE_DE}|{_STANCE_EN})\b\s+(.*)", text, re.I)
        after = content_words(m.group(1)) if m and text == text.lower() else []
        return after[0] if after else None
    # the first run of capitalised words (e.g. "Marco Rubio", "Ben Hodges"), titles dropped
    run: list[str] = []
    for i in caps:
        if run and i != caps[caps.index(i) - 1] + 1:
            break
        run.append(toks[i])
    named = [w for w in run if not _is_title(w)]
    if not named:
        return None
    return " ".join(named[-2:])


def _sides(text: str, focus: Sequence[str]) -> tuple[str, ...]:
    """The two things a comparison compares: the words around "und"/"and"/"vs"/"oder"."""
    for joiner in (r"und|and|vs\.?|versus|oder|or", r"von|from|mit|with|gegenüber|to"):
        for m in re.finditer(rf"([\w\-]+)\s+(?:{joiner})\s+(?:der|die|des|dem|den|the)?\s*([\w\-]+)", text):
            left, right = content_words(m.group(1)), content_words(m.group(2))
            if left and right and left[-1] != right[0] and not _COMPARISON.match(left[-1]):
                return (left[-1], right[0])
    caps = [f for f in focus if f[0].isupper()]
    return (caps[0], caps[1]) if len(caps) >= 2 else ()


_ADJECTIVE = r"(?:[a-zäöüß]+(?:e|en|er|es|em)\s+)?"
_MEASURED = [
    re.compile(rf"\b(?i:wie)\s*viele?\s+{_ADJECTIVE}([A-ZÄÖÜ][\w\-]+)"),
    re.compile(
        r"\b(?i:wie)\s+(?:hoch|groß|lang|weit|stark|klein|teuer)\s+(?:ist|sind|war|waren|wäre|wären|müsste|müssten|"
        rf"soll|sollte|sollten|wird|werden)\s+(?:der|die|das|den|dem|des)\s+{_ADJECTIVE}([A-ZÄÖÜ][\w\-]+)"
    ),
    re.compile(
        r"\b(?i:how)\s+many\s+(?:[A-Za-z]+\s+)?([A-Za-z][\w\-]+)\s+(?:do|does|did|are|is|were|was|will|would|could|can|"
        r"has|have)\b"
    ),
    re.compile(r"\b(?i:how)\s+many\s+([A-Za-z][\w\-]+)"),
    re.compile(
        r"\b(?i:how)\s+(?:much|large|big|long|high|strong)\s+(?:is|are|was|were|would|will|should)\s+(?:the\s+)?"
        r"(?:[A-Za-z]+\s+)?([A-Za-z][\w\-]+)\b"
    ),
]


def measured(text: str) -> str | None:
    """The noun a number question counts or measures: "Wie viele Drohnen …" -> "Drohnen",
    "Wie hoch ist der Verteidigungsetat …" -> "Verteidigungsetat", "How many troops …" -> "troops"."""
    for pattern in _MEASURED:
        m = pattern.search(text)
        if m and not _is_stop(m.group(1)):
            return m.group(1)
    return None


def classify(text: str, language: str) -> tuple[Kind, str | None]:
    """The question's kind, and for a fact question the kind of answer it expects."""
    if not content_words(text):
        if _REASON.search(text):
            return "reason", None  # a bare "Warum?" continues the last question
        return "empty", None
    if _META.search(text):
        return "meta", None
    if _COMPARISON.search(text):
        return "comparison", None
    # "Wie sieht X das?", "How does X see …" ask for a view; "Wie sieht X aus?" does not
    how_seen = any(p.search(text) for p in _HOW_SEEN) and not _LOOKS_LIKE.search(text)
    if _REASON.search(text) and not _EXPECTS[1][1].search(text) and not how_seen:
        return "reason", None
    if any(p.search(text) for p in _POSITION) and not _LOOKS_LIKE.search(text):
        return "position", None
    if _OVERVIEW.search(text):
        return "overview", _list_of(text)
    for name, pattern in _EXPECTS:
        if pattern.search(text):
            if name == "person" and re.match(r"^(?:und\s+)?(?:wer|who)\s+(?:ist|war|is|was)\b", text, re.I):
                return "fact", None  # "Wer ist Ben Hodges?" asks who someone is, not for a name
            return "fact", name
    yes_no = _YESNO_EN if language == "en" else _YESNO_DE
    if yes_no.match(text):
        return "fact", "yesno"
    return "fact", None


# an overview whose points are people or countries: one point each ("Wer hat sich alles
# geäußert?", "Which leaders …", "Welche Länder …")
_PEOPLE_LIST = re.compile(
    r"^(?:und\s+)?wer\b.*\balles\b|\b(?:welche|which|what)\s+(?:[\w\-]+\s+){0,2}?(?:politiker\w*|experten|"
    r"akteure|personen|leute|regierungschefs|staatschefs|leaders|politicians|experts|actors|players|officials|people)\b",
    re.I,
)
_COUNTRY_LIST = re.compile(
    r"\b(?:welche|which|what)\s+(?:[\w\-]+\s+){0,2}?(?:länder|staaten|nationen|countries|states|nations)\b", re.I
)


def _list_of(text: str) -> str | None:
    """What an overview lists, when its points are people ("person") or countries ("country")."""
    if _PEOPLE_LIST.search(text):
        return "person"
    return "country" if _COUNTRY_LIST.search(text) else None


def is_keywords(text: str) -> bool:
    """A search-box query rather than a sentence: a few words, none of them a question or
    stop word ("Trump", "Ukraine Sicherheitsgarantien")."""
    toks = tokens(text)
    return 0 < len(toks) <= 4 and all(not _is_stop(t) for t in toks)


def analyse(text: str) -> Question:
    """The question on its own (no history): language, kind, expectation, focus.

    Keywords without a question ("Ukraine Sicherheitsgarantien") ask for an overview."""
    text = " ".join(text.split())
    language = detect_language(text)
    kind, expects = classify(text, language)
    if kind == "fact" and expects is None and is_keywords(text):
        kind = "overview"
    focus = tuple(dict.fromkeys(content_words(text)))
    names = tuple(dict.fromkeys(n for n in _names(outside_quotes(text), language) if n in focus))
    actor = _actor(text, language) if kind == "position" else None
    held = office(text) if kind == "position" else None
    role: tuple[str, ...] = ()
    if held and (actor is None or set(actor.split()) <= set(tokens(held[1]))):
        role, actor = held  # an office, not a named person ("Meloni" stays the actor)
    sides = _sides(text, focus) if kind == "comparison" else ()
    what = measured(text) if expects in ("number", "money") else None
    return Question(
        text,
        language,
        kind,
        expects,
        focus,
        names,
        actor,
        sides,
        query=text,
        measured=what,
        quote=quoted(text),
        role=role,
    )
