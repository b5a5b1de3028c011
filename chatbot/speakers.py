"""Who speaks in a sentence: the actor of a position question as its speaker.

    speaks("„…“, sagte Leavitt.", {"leavitt"})               # True
    attributed_to(sentence, {"moskau", "russland"}, index)   # 1.0, 0.5 or 0.0

A speaker is named outside what the sentence quotes, near a verb of speech or first in
the sentence; "Er fügte hinzu …" continues whoever the sentence before names; a
spokesperson speaks for the actor named in the sentence before or in the headline. A
role or a country stands for the person named beside it ("der frühere Oberbefehlshaber
…, Ben Hodges").
"""

from __future__ import annotations

import itertools
import re

from chatbot.evidence import (
    CONTEXT_BEFORE,
    Sentence,
    depends_on_previous,
    headline,
    mentions,
)
from chatbot.listing import OUTLET_NAME_ENDS
from chatbot.places import ALIASES, COUNTRIES, country_of
from chatbot.words import is_title, outside_quotes
from ingest.analyze import analyze, stem
from ingest.documents import StoredDocument
from ingest.names import TWO_CAPS, person_names, surnames
from ingest.store import IndexData

_SPEECH_WORDS = (
    r"sagte|sagt|sagten|erklärte|erklärt|erklärten|betonte|betont|betonten|warnte|warnt|warnten|forderte|fordert|"
    r"forderten|meinte|meint|schrieb|schreibt|äußerte|äußert|verwies|fügte|stellte|bekräftigte|bekräftigt|"
    r"behauptete|behauptet|deutete|hob|kündigte|kritisierte|lehnt|lehnte|schloss|bestätigte|verdeutlicht|"
    r"verdeutlichte|hält|hielt|nannte|nennt|signalisiert|bekundet|laut|zufolge|ließ|berichtete|berichten|gab|"
    r"drängt|drängte|sprach|spricht|mahnte|mahnt|unterstrich|verlauten|angaben|sicht|ansicht|"
    r"schlug|schlägt|said|says|told|stated|warned|argued|added|suggested|"
    r"wrote|stressed|demanded|called"
)
# a verb (or "laut", "zufolge", "nach Angaben") that reports speech
SPEECH = re.compile(rf"\b(?:{_SPEECH_WORDS})\b", re.I)
SPEAKER_DISTANCE = 5  # words between a speaker's name and the verb of speech
_PRONOUN_SUBJECT = re.compile(r"\b(?:er|sie|he|she|they)\b")
# what someone said, named as theirs: "seiner Behauptung, die Europäer könnten …", "his remarks"
_THEIR_WORDS = re.compile(
    r"\b(?:seine[mnrs]?|ihre[mnrs]?|his|her|their)\s+(?:\w+\s+)?"
    r"(?:antwort|behauptung|aussage|äußerung|worte|forderung|warnung|einschätzung|ansicht|meinung|"
    r"statement|claim|remark|words|answer|warning|demand)\w*",
    re.I,
)

WORD = re.compile(r"[\w\-]+")


def plain_words(text: str) -> list[str]:
    """The words of `text` outside what it quotes (a speaker is never inside the quote)."""
    return [t.group() for t in WORD.finditer(outside_quotes(text))]


def holders(actor_stems: set[str], texts: list[str], window: int = 8) -> set[str]:
    """Stems of the people named right after a role or a country that is not itself a name:
    "der frühere Oberbefehlshaber der US-Streitkräfte in Europa, Ben Hodges" makes "hodg"
    speak for "Oberbefehlshaber", "Russlands Präsident Wladimir Putin" for "Russland"."""
    if any(mentions(actor_stems, {stem(n.split()[-1].lower())}) for t in texts for n in person_names(t)):
        return set()  # the actor is a person's name already
    out: set[str] = set()
    for text in texts:
        plain = outside_quotes(text)
        toks = list(WORD.finditer(plain))
        # not as a place: "der Oberbefehlshaber der US-Streitkräfte in Europa, Ben Hodges"
        for i in _actor_at([t.group() for t in toks], actor_stems):
            tok = toks[i]
            end = toks[min(i + window, len(toks) - 1)].end()
            for m in TWO_CAPS.finditer(plain, tok.end(), end):
                between = plain[tok.end() : m.start()]
                # an apposition: right after the role ("Präsident Wladimir Putin") or after a comma
                if len(between.split()) > 1 and not between.rstrip().endswith(","):
                    continue
                names = person_names(plain[m.start() : end])
                if names:
                    out.add(stem(names[0].split()[-1].lower()))
    return out


# "im Weißen Haus", "mit … Trump": a place or a partner, not the one who speaks
_PLACE_OR_PARTNER = {"im", "in", "ins", "am", "an", "aus", "nach", "bei", "vom", "zum", "zur", "mit", "gegen", "über"}


def _actor_at(toks: list[str], actor_stems: set[str]) -> list[int]:
    """Where `toks` name the actor, not as a place or a partner ("im Weißen Haus", "mit … Trump"),
    nor as what a compound is about ("Ukraine-Treffen"; "US-Regierung", "Kreml-Sprecher" speak for it)."""
    return [
        i
        for i, t in enumerate(toks)
        if _names_actor(t, actor_stems) and not _as_place_or_partner(toks, i) and not _in_outlet_name(toks, i)
    ]


def _in_outlet_name(toks: list[str], i: int) -> bool:
    """Is the word at i the first of an outlet's name ("Quellen des Kyiv Independent berichten": not Kyiv)?"""
    return i + 1 < len(toks) and toks[i + 1] in OUTLET_NAME_ENDS


def _names_actor(word: str, actor_stems: set[str]) -> bool:
    """Does the word name the actor: as itself, or as a compound that speaks for its first part
    ("US-Beamte", "Kreml-Sprecher") or ends in it, not one only about it ("Ukraine-Treffen")?"""
    speaks_for = bool(_SPEAKS_FOR.search(word))
    forms = {stem(word.lower())} | ({stem(word.split("-")[0].lower())} if speaks_for else set())
    if not mentions(actor_stems, forms):
        return False
    return "-" not in word or speaks_for or mentions(actor_stems, {stem(word.split("-")[-1].lower())})


# the last part of a compound that speaks for its first ("US-Regierung", "Kreml-Sprecherin", "US-Beamte")
_SPEAKS_FOR = re.compile(
    r"-\w*(?:präsident|minister|sprecher|kanzler|chef|sekretär|botschafter|berater|regierung|führung|general|"
    r"beamt|vertreter|diplomat|behörde)\w*$",
    re.I,
)


def _as_place_or_partner(toks: list[str], i: int) -> bool:
    """Is the word at i named as a place or a partner (a preposition among the two words before it)?"""
    return bool(_PLACE_OR_PARTNER & {w.lower() for w in toks[max(0, i - 2) : i]})


def speaks(text: str, actor_stems: set[str], people: frozenset[str] = frozenset()) -> bool:
    """Is the actor the speaker of `text`: named outside the quotes, either first in the
    sentence or within a few words of the verb of speech ("sagte Leavitt", "Sacharowa
    erklärte:", "Matthew Schmidt, Professor …, erklärte"), not only somewhere in it ("ein
    Streit mit … JD Vance im Weißen Haus, den Selenskyj immer wieder betonte"). With the
    stems of the `people` the corpus names, a person between the verb and the actor is
    the speaker ("erklärte Leavitt, US-Präsident Donald Trump bespreche …" is Leavitt's)."""
    toks = plain_words(text)
    at = _actor_at(toks, actor_stems)
    verbs = [i for i, t in enumerate(toks) if SPEECH.fullmatch(t) and not _view_of_another(toks, i, actor_stems)]
    if not at or not verbs:
        return False
    content = [i for i, t in enumerate(toks) if t.lower() in _CLAUSE]  # "betonte, dass europäische Truppen …"
    others = [i for i, t in enumerate(toks) if (s := stem(t.lower())) in people and not mentions(actor_stems, {s})]
    others += _titled_others(toks, actor_stems)
    return min(at) <= 2 or any(
        abs(i - j) <= _reach(toks, i, j)
        and not any(min(i, j) < k < max(i, j) for k in [*content, *others])
        and not (i < j and (_subject_after(toks, j, actor_stems) or j + 1 in others))  # "…, erklärte Leavitt"
        for i in at
        for j in verbs
    )


def _titled_others(toks: list[str], actor_stems: set[str]) -> list[int]:
    """Where someone else is named by office and name ("fordert Präsident Zelensky klare
    Zusagen von den USA und Europa": Zelensky speaks, not Europe), the name's first word;
    a spelling the articles use nowhere else counts too."""
    out = []
    for k, t in enumerate(toks[:-1]):
        if not is_title(t):
            continue
        run = list(itertools.takewhile(lambda w: w[:1].isupper() and not is_title(w), toks[k + 1 :]))
        if run and not any(mentions(actor_stems, {stem(w.lower())}) for w in run):
            out.append(k + 1)
    return out


# words an office between the verb and the name adds ("nach Angaben der Sprecherin des
# Weißen Hauses, Karoline Leavitt")
APPOSITION = 4
OFFICE_AFTER_VERB = 3  # "stellte später die Sprecherin …": an adverb may come between


def _reach(toks: list[str], i: int, j: int) -> int:
    """How far apart a speaker's name (at i) and the verb (at j) may be: SPEAKER_DISTANCE,
    and APPOSITION more when the speaker's office follows the verb ("nach Angaben der
    Sprecherin …", "stellte später die Sprecherin …"; not "verwies dabei auf die von
    US-Präsident Barack Obama geduldete …")."""
    office = any(is_title(toks[k]) for k in range(min(i, j) + 1, max(i, j)) if abs(k - j) <= OFFICE_AFTER_VERB)
    return SPEAKER_DISTANCE + (APPOSITION if office else 0)


def acts(text: str, actor_stems: set[str]) -> bool:
    """Is the actor the subject at the start of `text` ("Trump hat Selenskyjs Anliegen …
    belächelt.", "Moskau lehnt … ab"): what the actor did, not only what they said?"""
    toks = plain_words(text)
    return any(i <= 1 for i in _actor_at(toks, actor_stems))


def _view_of_another(toks: list[str], j: int, actor_stems: set[str]) -> bool:
    """Is the view at j a country's other than the actor's ("Aus ukrainischer Sicht wäre ein
    Beitritt zur Nato …" is Ukraine's view, not the Nato's)?"""
    if toks[j].lower() not in ("sicht", "ansicht") or j == 0:
        return False
    owner = toks[j - 1]
    return bool(country_of(owner)) and not mentions(actor_stems, {stem(owner.lower())})


def _epithet_speaks(text: str, actor_stems: set[str]) -> bool:
    """Does someone other than the actor, named by a noun, speak in `text` ("schrieb der Republikaner")?"""
    toks = plain_words(text)
    return any(SPEECH.fullmatch(t) and _subject_after(toks, j, actor_stems) for j, t in enumerate(toks))


def _subject_after(toks: list[str], j: int, actor_stems: set[str]) -> bool:
    """Is someone else the subject right after the verb at j ("Mit Blick auf Forderungen der
    Ukrainer schrieb der Republikaner …": the Republican writes, not the Ukrainians)?"""
    if j + 1 < len(toks) and country_of(toks[j + 1]) and not mentions(actor_stems, {stem(toks[j + 1].lower())}):
        return True  # "… bekräftigte Moskau seine Haltung": Moscow speaks
    if j + 2 >= len(toks) or toks[j + 1].lower() not in ("der", "die"):
        return False
    noun = toks[j + 2]
    return noun[0].isupper() and not mentions(actor_stems, {stem(noun.lower())})


# what is said follows these: a name after them is what the statement is about, not its speaker
_CLAUSE = {"dass", "ob", "that", "whether"}


def known_people(index: IndexData) -> frozenset[str]:
    """Stems of the surnames of everyone the corpus names in full ("Keir Starmer" -> "starm"), built once."""
    cached = index.__dict__.get("_known_people")
    if cached is None:  # each segment keeps its own (ingest/names.py); an index without segments is read
        found = [seg.people for seg, _ in index.segments] or [surnames(d.text for d in index.documents)]
        # a place is no one ("… für die Ukraine Sicherheitsgarantien" is no "Ukraine" surname)
        cached = index.__dict__["_known_people"] = frozenset().union(*found) - _PLACE_STEMS
    return cached


_PLACE_STEMS = frozenset(stem(p) for p in (*ALIASES, *(c for group in COUNTRIES for c in group)))


def people_in(text: str, index: IndexData) -> frozenset[str]:
    """The people who speak in a text: surnames the corpus knows in full, named as the
    speaker ("sagte Hodges"; not "nach Selenskyjs Besuch", where "Besuch" is no one)."""
    return frozenset(s for s in known_people(index) & index.stems(text) if speaks(text, {s}))


def _another_speaker(text: str, actor_stems: set[str], index: IndexData) -> bool:
    """Does someone else speak in `text`: a person the corpus knows, named near a verb of
    speech, who is not the actor and not a spokesperson (who speaks for someone)?"""
    if re.search(r"sprecher|sprecherin|spokes", text, re.I):
        return False
    people = known_people(index)
    others = {stem(t.lower()) for t in plain_words(text)} & people
    return any(speaks(text, {o}) for o in others if not mentions(actor_stems, {o}))


def _subject_is_another(text: str, actor_stems: set[str], index: IndexData) -> bool:
    """Is the first person `text` names (outside quotes) someone other than the actor? In a
    sentence where no one speaks, the first person named is mostly its subject, whom the
    next sentence's "er" means ("Trump hat Selenskyjs Anliegen belächelt.")."""
    people = known_people(index)
    for t in plain_words(text):
        s = stem(t.lower())
        if s in people:
            return not mentions(actor_stems, {s})
    return False


# a speaker named by a noun, not a name: "schrieb der Republikaner", "Der Demokrat erklärte"
_EPITHET = re.compile(
    rf"\b(?:(?:{_SPEECH_WORDS})\s+der\s+(?:[a-zäöüß]+e\s+)?([A-ZÄÖÜ][a-zäöüß]+)|^Der\s+([A-ZÄÖÜ][a-zäöüß]+)\s+(?:{_SPEECH_WORDS}))\b"
)
_PERSON_NOUN = re.compile(r"(?:aner|ikaner|ist|at|ent|ner|ler|ger|eur)$")  # Republikaner, Demokrat, Präsident
_FEMININE = re.compile(
    r"\b(?:\w*(?:sprecherin|ministerin|präsidentin|kanzlerin|botschafterin|chefin|beraterin)|Frau)\b", re.I
)
EPITHET_REACH = 12  # sentences back to look for whom an epithet means


def epithet_person(doc: StoredDocument, j: int, index: IndexData) -> str | None:
    """Whom sentence j's epithet speaker means ("schrieb der Republikaner" after a passage
    naming Leavitt and Trump): the person named last before it, outside quotes, who is
    not named as a woman ("die Sprecherin …, Karoline Leavitt") when the epithet is "der";
    None when the sentence has no epithet speaker or names its speaker."""
    s, e = doc.sentences[j]
    text = outside_quotes(doc.text[s:e])
    m = _EPITHET.search(text)
    noun = m and (m.group(1) or m.group(2))
    people = known_people(index)
    if not noun or not _PERSON_NOUN.search(noun) or any(speaks(text, {p}) for p in people & index.stems(text)):
        return None  # no epithet, or the speaker is named
    female = _women(doc, index)
    for b, f in reversed(doc.sentences[max(0, j - EPITHET_REACH) : j]):
        named = [st for t in plain_words(doc.text[b:f]) if (st := stem(t.lower())) in people]
        for p in reversed(named):
            if p not in female:
                return p
    return None


def _women(doc: StoredDocument, index: IndexData) -> set[str]:
    """Stems of the people a document names as women: a feminine role within five words
    before the name ("der Sprecherin des Weißen Hauses, Karoline Leavitt"). Read once per
    document of an index version: each candidate sentence after an epithet asks again."""
    cache = index.__dict__.setdefault("_women", {})
    if doc.doc_id not in cache:
        people = known_people(index)
        toks = [t.group() for t in WORD.finditer(doc.text)]
        cache[doc.doc_id] = {
            st
            for i, t in enumerate(toks)
            if (st := stem(t.lower())) in people and any(_FEMININE.fullmatch(w) for w in toks[max(0, i - 6) : i])
        }
    return cache[doc.doc_id]


def attributed_to(sentence: Sentence, actor_stems: set[str], index: IndexData) -> float:
    """How surely the actor is the speaker of a sentence that reports speech (or names
    someone's words as theirs: "abgesehen von seiner Behauptung, …"):
    1.0 when the actor `speaks` in it, or is the "er/sie" of one of the two
    sentences before it that names the actor (and no one else speaks in between:
    "Scholz erklärte …" "Starmer betonte …" "Er hob hervor …" is Starmer); 0.5 for a spokesperson: the sentence before
    reports the actor's statement ("Moskau bekräftigte … Sacharowa erklärte: …"), or the
    section's headline names the actor; else 0."""
    their_words = bool(_THEIR_WORDS.search(sentence.text))  # "seiner Behauptung": the "er" before
    if not SPEECH.search(sentence.text) and not their_words:
        return 0.0

    def names_actor(text: str) -> bool:
        return bool(text) and mentions(actor_stems, set(analyze(outside_quotes(text), index.vocab)))

    people = known_people(index)
    if speaks(sentence.text, actor_stems, people):
        return 1.0
    toks = plain_words(sentence.text)
    views = [j for j, t in enumerate(toks) if SPEECH.fullmatch(t)]
    if views and not their_words and all(_view_of_another(toks, j, actor_stems) for j in views):
        return 0.0  # "Aus ukrainischer Sicht wäre …": Ukraine's view, whoever "er" is
    if _another_speaker(sentence.text, actor_stems, index):
        return 0.0  # "Starmer betonte …" after a sentence on Scholz; "„Er hat …“, sagte Leavitt": theirs
    doc = index.doc(sentence.doc_id)
    meant = epithet_person(doc, sentence.idx, index)
    if meant is not None:  # "schrieb der Republikaner": the man named last before
        return 1.0 if mentions(actor_stems, {meant}) else 0.0
    before = [doc.text[s:e] for s, e in doc.sentences[max(0, sentence.idx - CONTEXT_BEFORE) : sentence.idx]]
    if depends_on_previous(sentence.text) or _PRONOUN_SUBJECT.search(sentence.text) or their_words:
        for n, b in enumerate(reversed(before), start=1):  # "Er": the last one named before, unless another spoke
            meant = epithet_person(doc, sentence.idx - n, index)
            if meant is not None:  # "schrieb der Republikaner …" "Er verwies dabei …": the Republican
                return 1.0 if mentions(actor_stems, {meant}) else 0.0
            other = _another_speaker(b, actor_stems, index)
            own = speaks(b, actor_stems, people)
            if names_actor(b) and not other and not own and _subject_is_another(b, actor_stems, index):
                break  # "Trump hat Selenskyjs Anliegen belächelt." "„…“, äußerte er": Trump's words
            if names_actor(b) and not own and _epithet_speaks(b, actor_stems):
                break  # "… Forderungen der Ukrainer schrieb der Republikaner …" "Er verwies …": the Republican
            if names_actor(b) and (not other or own):
                return 1.0
            if other or (not names_actor(b) and not SPEECH.search(b) and people & index.stems(b)):
                break  # "Der US-Außenminister Marco Rubio …" "… erklärte er": Rubio, not a headline's Europeans
    previous = before[-1] if before else ""
    if names_actor(previous) and SPEECH.search(previous):
        return 0.5
    return 0.5 if _about(headline(doc, sentence.idx), actor_stems) else 0.0


def _about(headline: str, actor_stems: set[str]) -> bool:
    """Does a headline name the actor as what it is about, not as a place or partner ("USA
    wollen mit Russland … sprechen" is not about what Russland says)?"""
    return bool(_actor_at(plain_words(headline), actor_stems))
