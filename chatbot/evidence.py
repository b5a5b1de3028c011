"""What a sentence offers as evidence: its similarity, the kind of answer it holds, the
question's focus in it or its context, who says it, and whether it needs the one before.

Sentences come only from retrieved passages and only whole. The context of a sentence
is itself, the two sentences before it and the headline of its section: "Er fügte
hinzu …" is about whoever the sentence before names.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field

import numpy as np

from chatbot.question import Question
from chatbot.retrieve import Hit
from ingest.analyze import ENGLISH_STOP, GERMAN_STOP, analyze, stem
from ingest.store import IndexData, StoredDocument

CONTEXT_BEFORE = 2

# German spellings of names and places an English question may use (the general mechanism
# is the lexicon match in translate.py; this list covers what it cannot: short names)
EXONYMS = {
    "moscow": "moskau",
    "kyiv": "kiew",
    "kiev": "kiew",
    "russia": "russland",
    "russian": "russisch",
    "russians": "russen",
    "germany": "deutschland",
    "german": "deutsch",
    "germans": "deutsche",
    "europe": "europa",
    "european": "europäisch",
    "europeans": "europäer",
    "france": "frankreich",
    "french": "französisch",
    "britain": "großbritannien",
    "british": "britisch",
    "uk": "großbritannien",
    "poland": "polen",
    "turkey": "türkei",
    "italy": "italien",
    "finland": "finnland",
    "zelensky": "selenskyj",
    "zelenskyy": "selenskyj",
    "zelenskiy": "selenskyj",
    "us": "usa",
    "america": "amerika",
    "american": "amerikanisch",
    "americans": "amerikaner",
    "ukrainian": "ukrainisch",
    "ukrainians": "ukrainer",
    "crimea": "krim",
    "kremlin": "kreml",
    "australia": "australien",
    "white house": "weißen haus",
    "un": "un",
    "nato": "nato",
    "eu": "eu",
}

_PLACES = {v for v in EXONYMS.values() if " " not in v}

# In news a country speaks through its capital, its seat of government and its people:
# "Moskau lehnt ab", "der Kreml", "die russische Seite" all stand for Russland.
_ACTOR_GROUPS = (
    ("russland", "moskau", "kreml", "russisch", "russen"),
    ("usa", "washington", "amerikanisch", "amerikaner", "us-regierung", "vereinigten"),
    ("ukraine", "kiew", "ukrainisch", "ukrainer"),
    ("deutschland", "berlin", "bundesregierung", "deutsch"),
    ("frankreich", "paris", "französisch", "franzosen", "élysée"),
    ("großbritannien", "london", "britisch", "briten"),
    ("china", "peking", "chinesisch"),
    ("polen", "warschau", "polnisch"),
    ("italien", "rom", "italienisch"),
    ("türkei", "ankara", "türkisch"),
    ("finnland", "helsinki", "finnisch"),
    ("europa", "europäisch", "europäer", "eu", "brüssel"),
    ("nato", "militärbündnis", "bündnis", "allianz"),
)
ALIASES = {name: tuple(n for n in group if n != name) for group in _ACTOR_GROUPS for name in group}

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
    "number": re.compile(rf"\d|%|\b(?:{_NUMBER_WORDS})\b", re.I),
    "money": re.compile(
        r"(?:\d[\d.,]*\s*(?:€|\$|£|euro|dollar|pfund|mio|mrd|millionen|milliarden))|(?:[€$£]\s*\d)|"
        r"\b(?:euro|dollar|kosten|kostet|milliarden|millionen|budget|haushalt)\b",
        re.I,
    ),
    "date": re.compile(
        rf"\b(?:\d{{1,2}}\.\s*(?:{_MONTHS})|(?:{_MONTHS})\b|(?:1[89]|20)\d\d\b|(?:{_WEEKDAYS})\b|"
        r"(?:heute|gestern|vorgestern|morgen|übermorgen|bald|demnächst|kürzlich|jüngst|zuletzt|später|"
        r"today|yesterday|tomorrow|soon|recently|later)\b|"
        r"(?:diese[rn]?|nächste[nr]?|kommende[nr]?|vergangene[nr]?|letzte[nr]?|this|next|last|coming)\s+"
        r"(?:woche|monat|jahr|week|month|year)\w*|"
        r"\b(?:(?:in|nach|vor|seit|binnen|innerhalb|within|for)\s+)?(?:\d+|ein\w*|zwei|drei|vier|fünf|sechs|"
        r"mehrere[nr]?|wenige[nr]?|one|two|three|a few|several)\s+(?:tag|woche|monat|jahr|stunde|day|week|month|"
        r"year|hour)\w*|"
        r"\b(?:anfang|mitte|ende|beginn|early|mid|late)\s+(?:de[rs]\s+)?(?:\d|(?:{_MONTHS})|woche|monats|jahres)|"
        r"\b(?:seit|nach|since|after)\s+(?:dem|der|des|einem|einer|the)\s+(?:\w+\s+)?[A-ZÄÖÜ]\w+|"
        r"\b(?:frühjahr|sommer|herbst|winter|spring|summer|autumn|fall)\b)",
        re.I,
    ),
    "org": re.compile(
        r"\b(?:[A-Z]{2,}[a-z]?\b|[A-ZÄÖÜ]\w+(?:agentur|netzwerk|rat|bündnis|ministerium|universität|university|news|"
        r"zeitung|magazin|sender|institut|partei|regierung|kommission|bank|konzern|gruppe)\b|"
        r"(?:laut|zufolge|berichtete[nt]?|berichtet|meldete|sender|magazin|zeitung|nachrichtenagentur|agentur|"
        r"quellen\s+des|quellen\s+der|bericht\s+de[rs])\s+(?:de[rsm]\s+)?[A-ZÄÖÜ]\w+|"
        r"[A-ZÄÖÜ]\w+-(?i:bericht|sender|magazin|zeitung|agentur)\w*)"
    ),
    "place": re.compile(r"\b(?:in|nach|aus|im|am|bei|an der|entlang)\s+(?:der\s+|dem\s+|den\s+)?[A-ZÄÖÜ]\w+"),
    "yesno": re.compile(r"."),
}
_SPEECH_WORDS = (
    r"sagte|sagt|sagten|erklärte|erklärt|erklärten|betonte|betont|betonten|warnte|warnt|warnten|forderte|fordert|"
    r"forderten|meinte|meint|schrieb|schreibt|äußerte|äußert|verwies|fügte|stellte|bekräftigte|bekräftigt|"
    r"behauptete|behauptet|deutete|hob|kündigte|kritisierte|lehnt|lehnte|schloss|bestätigte|verdeutlicht|"
    r"verdeutlichte|hält|hielt|nannte|nennt|signalisiert|bekundet|laut|zufolge|ließ|berichtete|berichten|gab|"
    r"drängt|drängte|sprach|spricht|mahnte|mahnt|unterstrich|verlauten|said|says|told|stated|warned|argued|added|"
    r"wrote|stressed|demanded|called"
)
SPEECH = re.compile(rf"\b(?:{_SPEECH_WORDS})\b", re.I)  # a verb (or "laut", "zufolge") that reports speech
_SPEECH_WORD = re.compile(rf"(?:{_SPEECH_WORDS})", re.I)
SPEAKER_DISTANCE = 5  # words between a speaker's name and the verb of speech


_PRONOUN_START = re.compile(
    r"^(?:„?(?:Er|Sie|Es|Ihm|Ihr|Ihre|Ihrer|Sein|Seine|Seiner|Dabei|Dies|Diese|Dieser|Dieses|Diesen|Das|Dazu|"
    r"Damit|Daher|Deshalb|Darauf|Darin|Dort|Zudem|Außerdem|Auch|Allerdings|Doch|Jedoch|Trotzdem|Stattdessen|"
    r"Demnach|Bei dieser|Mit dieser|In diesem|He|She|It|They|This|That|These|Those|His|Her|Their)\b)"
)
_EARLY_PRONOUN = re.compile(
    r"^(?:[^\s,]+\s+){1,4}?(?:ist|war|sind|waren|hat|hatte|haben|wurde|wird|habe|sei|soll|will|kann|muss)\s+(?:er|sie)\b"
)
_PRONOUN_SUBJECT = re.compile(r"\b(?:er|sie|he|she|they)\b")
REASON = re.compile(
    r"\b(?:weil|da|denn|wegen|aufgrund|begründ\w*|grund|gründe|verwies|deshalb|daher|darum|sodass|so dass|"
    r"damit|um\s+\w+(?:\s+\w+){0,6}\s+zu|indem|durch|because|since|due to|so that|in order to|reason)\b",
    re.I,
)


@dataclass
class Sentence:
    """A candidate sentence inside a retrieved passage."""

    hit_rank: int
    doc_id: str
    idx: int  # position among the document's sentences
    row: int  # row in the index's sentence vectors
    start: int
    end: int
    text: str
    sim: float = 0.0
    score: float = 0.0
    context: str = ""  # the sentences before it and its section headline
    features: dict[str, float] = field(default_factory=dict)


def quotable(text: str) -> bool:
    """A statement an answer may quote: a sentence, not a question (an article's rhetorical
    question, "Würde es sich um eine kleine Truppe handeln …?", answers nothing)."""
    return looks_like_sentence(text) and not text.rstrip('“”"»«').endswith("?")


def looks_like_sentence(text: str) -> bool:
    """A statement: long enough and ending like one (not a headline, not a short question).

    A long question in an article ("Wie kann die Ukraine sicherstellen, dass Putin nicht
    in ein oder zwei Jahren …?") often states the facts it asks about, so it may be quoted.
    """
    if len(text) < 25 or not re.search(r"[.!?…“”\"»«]$", text):
        return False
    return not text.rstrip('“”"»«').endswith("?") or len(text) >= 100


def depends_on_previous(text: str) -> bool:
    """Does the sentence lean on the one before ("Er fügte hinzu …", "Dabei solle …", "Mit 39
    Jahren ist er …": a pronoun subject among its first words, with nobody named before it)?"""
    if _PRONOUN_START.match(text):
        return True
    if re.search(r"\b(?:erklärte|sagte|betonte|warnte|fügte|schrieb|verwies)\s+(?:er|sie)\b", text):
        return True
    m = _EARLY_PRONOUN.match(text)
    return m is not None and not person_names(m.group(0))


def has_kind(text: str, kind: str | None) -> bool:
    """Does `text` hold the kind of answer a fact question expects?"""
    if kind is None:
        return True
    if kind == "person":
        return bool(person_names(text))
    pattern = KIND_PATTERNS.get(kind)
    return bool(pattern.search(text)) if pattern else True


_TWO_CAPS = re.compile(
    r"\b([A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)(?=\s+([A-ZÄÖÜ][a-zäöüß]{2,}(?:-[A-ZÄÖÜ]\w+)?)\b)"
)


def person_names(text: str) -> list[str]:
    """Full names in `text`: two capitalised words, the first not an article or other stop
    word and neither a role ("Karoline Leavitt", "Ben Hodges"; not "Die Briten")."""
    out = []
    for m in _TWO_CAPS.finditer(text):
        first, last = m.group(1), m.group(2)
        if first.lower() in GERMAN_STOP or first.lower() in ENGLISH_STOP or _is_role(first) or _is_role(last):
            continue
        out.append(f"{first} {last}")
    return out


_ROLE_END = re.compile(
    r"(?:präsident|präsidentin|minister|ministerin|sprecher|sprecherin|kanzler|kanzlerin|chef|chefin|general|"
    r"botschafter|berater|beraterin|professor|professorin|experte|expertin|führer|staaten|länder|truppen|"
    r"soldaten|regierung|haus|hauses|rat|armee)$",
    re.I,
)


def _is_role(word: str) -> bool:
    return bool(_ROLE_END.search(word))


_WORD = re.compile(r"[\w\-]+")


def holders(actor_stems: set[str], texts: list[str], window: int = 8) -> set[str]:
    """Stems of the people named right after a role or a country that is not itself a name:
    "der frühere Oberbefehlshaber der US-Streitkräfte in Europa, Ben Hodges" makes "hodg"
    speak for "Oberbefehlshaber", "Russlands Präsident Wladimir Putin" for "Russland"."""
    if any(mentions(actor_stems, {stem(n.split()[-1].lower())}) for t in texts for n in person_names(t)):
        return set()  # the actor is a person's name already
    out: set[str] = set()
    for text in texts:
        toks = list(_WORD.finditer(outside_quotes(text)))
        for i, tok in enumerate(toks):
            if not mentions(actor_stems, {stem(tok.group().lower())}):
                continue
            plain = outside_quotes(text)
            end = toks[min(i + window, len(toks) - 1)].end()
            for m in _TWO_CAPS.finditer(plain, tok.end(), end):
                between = plain[tok.end() : m.start()]
                # an apposition: right after the role ("Präsident Wladimir Putin") or after a comma
                if (len(between.split()) <= 1 or between.rstrip().endswith(",")) and person_names(
                    plain[m.start() : end]
                ):
                    out.add(stem(person_names(plain[m.start() : end])[0].split()[-1].lower()))
    return out


def candidates(index: IndexData, hits: list[Hit], limit: int, qvec: np.ndarray) -> list[Sentence]:
    """Whole sentences inside the top `limit` passages, each once with its best rank and similarity."""
    seen: dict[tuple[str, int], Sentence] = {}
    offsets = index.first_sentence_rows()
    for rank, hit in enumerate(hits[:limit]):
        c = hit.chunk
        doc = index.doc(c.doc_id)
        for j, (s, e) in enumerate(doc.sentences):
            if s >= c.start and e <= c.end and (c.doc_id, j) not in seen:
                sent = Sentence(rank, c.doc_id, j, offsets[c.doc_id] + j, s, e, doc.text[s:e])
                sent.context = context_of(doc, j)
                seen[(c.doc_id, j)] = sent
    out = list(seen.values())
    if out:
        sims = index.sentence_vectors[[c.row for c in out]] @ qvec
        for sent, sim in zip(out, sims, strict=True):
            sent.sim = float(sim)
    return out


def context_of(doc: StoredDocument, j: int) -> str:
    """The sentences before sentence j (up to two) and the nearest headline above it."""
    before = [doc.text[s:e] for s, e in doc.sentences[max(0, j - CONTEXT_BEFORE) : j]]
    return " ".join([_headline(doc, j), *before])


def _headline(doc: StoredDocument, j: int) -> str:
    """The nearest headline above sentence j ("" if none)."""
    for s, e in reversed(doc.sentences[:j]):
        if not looks_like_sentence(doc.text[s:e]):
            return doc.text[s:e]
    return ""


# ----------------------------------------------------------------- focus


def term_weight(index: IndexData, stem_: str) -> float:
    """Inverse passage frequency of a stem: rare words say more about what is asked."""
    bm25 = index.bm25
    if bm25 is None:
        return 1.0
    tid = bm25.vocab_dict.get(stem_)
    if tid is None:
        return 0.0
    indptr = bm25.scores["indptr"]
    df = int(indptr[tid + 1] - indptr[tid])
    n = max(1, len(index.chunks))
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def focus_forms(q: Question, index: IndexData) -> dict[str, set[str]]:
    """For each focus word, the stems that count as it being mentioned (German forms included)."""
    out: dict[str, set[str]] = {}
    for word in q.all_focus:
        forms = {word, *q.german.get(word, ())}
        low = word.lower()
        if low in EXONYMS:
            forms.add(EXONYMS[low])
        for f in list(forms):
            forms.update(ALIASES.get(f.lower(), ()))
        stems: set[str] = set()
        for f in forms:
            st = analyze(f, index.vocab)
            if st:
                stems.add(st[0])
            if "-" in f:
                stems.update(stem(p) for p in f.lower().split("-") if len(p) > 2)
        if stems:
            out[word] = stems
    return out


def mentions(stems: set[str], text_stems: set[str]) -> bool:
    """Is one of `stems` in the text (exactly, or as the start of a longer word's stem)?"""
    if stems & text_stems:
        return True
    return any(len(s) >= 5 and any(t.startswith(s) for t in text_stems) for s in stems)


def focus_coverage(forms: dict[str, set[str]], weights: dict[str, float], text: str, index: IndexData) -> float:
    """Weighted share of the focus words mentioned in `text` (1.0 when nothing to check)."""
    total = sum(weights.values())
    if total <= 0:
        return 1.0
    text_stems = set(analyze(text, index.vocab))
    return sum(w for word, w in weights.items() if mentions(forms[word], text_stems)) / total


def focus_weights(forms: dict[str, set[str]], index: IndexData) -> dict[str, float]:
    """Each focus word's weight: the rarest of its stems in the corpus (0 if the corpus lacks it)."""
    return {word: max((term_weight(index, s) for s in stems), default=0.0) for word, stems in forms.items()}


_QUOTED = re.compile(r"„[^“”„]*[“”]|»[^«»]*«|“[^”“]*”|\"[^\"]*\"")


def outside_quotes(text: str) -> str:
    """`text` without what it quotes: the speaker of "„… Russland …“, warnten Experten" is
    the experts, not Russland."""
    return _QUOTED.sub(" ", text)


def speaks(text: str, actor_stems: set[str]) -> bool:
    """Is the actor the speaker of `text`: named outside the quotes, either first in the
    sentence or within a few words of the verb of speech ("sagte Leavitt", "Sacharowa
    erklärte:", "Matthew Schmidt, Professor …, erklärte"), not only somewhere in it ("ein
    Streit mit … JD Vance im Weißen Haus, den Selenskyj immer wieder betonte")."""
    toks = [t.group() for t in _WORD.finditer(outside_quotes(text))]
    at = [i for i, t in enumerate(toks) if mentions(actor_stems, {stem(t.lower())})]
    verbs = [i for i, t in enumerate(toks) if _SPEECH_WORD.fullmatch(t)]
    if not at or not verbs:
        return False
    return min(at) <= 2 or any(abs(i - j) <= SPEAKER_DISTANCE for i in at for j in verbs)


def known_people(index: IndexData) -> frozenset[str]:
    """Stems of the surnames of everyone the corpus names in full ("Keir Starmer" -> "starm"), built once."""
    cached = index.__dict__.get("_known_people")
    if cached is None:
        names = {n.split()[-1] for d in index.documents for n in person_names(d.text)}
        cached = index.__dict__["_known_people"] = frozenset(stem(n.lower()) for n in names)
    return cached


def _another_speaker(text: str, actor_stems: set[str], index: IndexData) -> bool:
    """Does someone else speak in `text`: a person the corpus knows, named near a verb of
    speech, who is not the actor and not a spokesperson (who speaks for someone)?"""
    if re.search(r"sprecher|sprecherin|spokes", text, re.I):
        return False
    people = known_people(index)
    others = {stem(t.group().lower()) for t in _WORD.finditer(outside_quotes(text))} & people
    return any(speaks(text, {o}) for o in others if not mentions(actor_stems, {o}))


def attributed_to(sentence: Sentence, actor_stems: set[str], index: IndexData) -> float:
    """How surely the actor is the speaker of a sentence that reports speech:
    1.0 when the actor `speaks` in it, or is the "er/sie" of one of the two
    sentences before it that names the actor; 0.5 for a spokesperson: the sentence before
    reports the actor's statement ("Moskau bekräftigte … Sacharowa erklärte: …"), or the
    section's headline names the actor; else 0."""
    if not SPEECH.search(sentence.text):
        return 0.0

    def names_actor(text: str) -> bool:
        return bool(text) and mentions(actor_stems, set(analyze(outside_quotes(text), index.vocab)))

    if speaks(sentence.text, actor_stems):
        return 1.0
    doc = index.doc(sentence.doc_id)
    before = [doc.text[s:e] for s, e in doc.sentences[max(0, sentence.idx - CONTEXT_BEFORE) : sentence.idx]]
    if any(names_actor(b) for b in before) and (
        depends_on_previous(sentence.text) or _PRONOUN_SUBJECT.search(sentence.text)
    ):
        return 1.0
    if _another_speaker(sentence.text, actor_stems, index):
        return 0.0  # "Starmer betonte …" after a sentence on Scholz is Starmer speaking
    previous = before[-1] if before else ""
    if names_actor(previous) and SPEECH.search(previous):
        return 0.5
    return 0.5 if names_actor(_headline(doc, sentence.idx)) else 0.0


# ----------------------------------------------------------------- unknown names


def unknown_terms(q: Question, index: IndexData) -> tuple[list[str], list[str]]:
    """Words of the question's focus that the corpus never mentions, in any form:
    (names and numbers, other nouns).

    In English every capitalised word after the first is a name. German capitalises every
    noun, so there an unknown word counts as a name only when it is the speaker a position
    question asks about ("Was sagt Baerbock?"); any other is a noun. An unknown name says
    the articles are about something else; an unknown noun may be a paraphrase
    ("Einschätzung" for "Sichtweise"), a weaker sign.
    """
    names, nouns = [], []
    for w in q.focus:
        if not (w[0].isdigit() or w in q.names or (q.language == "de" and w[0].isupper())):
            continue
        if any(is_known(f, index) for f in (w, *q.german.get(w, ()))):
            continue
        is_place = w.lower() in _PLACES  # a country or city the corpus never mentions is a name
        if q.language == "de" and not w[0].isdigit() and not is_place and w not in (q.actor or "").split():
            nouns.append(w)
        else:
            names.append(w)
    return names, nouns


def unknown_names(q: Question, index: IndexData) -> list[str]:
    """The names and numbers of `unknown_terms`."""
    return unknown_terms(q, index)[0]


def is_known(term: str, index: IndexData) -> bool:
    low = term.lower()
    low = EXONYMS.get(low, low)
    if low in index.vocab or low.replace(".", "") in index.vocab:
        return True
    if "-" in low:
        return all(is_known(part, index) for part in low.split("-") if part)
    vocab = index.bm25.vocab_dict if index.bm25 is not None else {}
    stems = analyze(low, index.vocab)  # the word's stem, then its compound parts' stems
    if not stems:
        return True  # a stop word is not something an answer must be about
    if stems[0] in vocab or (len(stems) > 1 and all(s in vocab for s in stems[1:])):
        return True
    return _shares_long_prefix(low, index)


def _shares_long_prefix(word: str, index: IndexData) -> bool:
    """True if a corpus word starts with most of `word` ("Schauspielerin" ~ "schauspieler").

    Inflections and derived forms count as known; short names ("China" ~ "chinesisch")
    do not, since at least six letters, and all but three, must agree.
    """
    need = max(6, len(word) - 3)
    if len(word) < need:
        return False
    words = index.sorted_words()
    prefix = word[:need]
    i = bisect.bisect_left(words, prefix)
    return i < len(words) and words[i].startswith(prefix)
