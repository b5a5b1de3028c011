"""What a sentence offers as evidence: its similarity, the question's focus in it or its
context, and whether it needs the one before (who says it is `speakers.py`'s concern, the
kind of answer it holds `answer_kinds.py`'s, whether the articles know a word `known.py`'s,
what its words say, a cause or a refusal, `cues.py`'s).

Sentences come only from retrieved passages and only whole. The context of a sentence
is itself, the two sentences before it and the headline of its section: "Er fügte
hinzu …" is about whoever the sentence before names.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace

import numpy as np

from chatbot.cues import IF
from chatbot.known import UNIT_SIGNS, compound_head, is_genitive, members_of
from chatbot.places import EXONYMS, aliases, countries_named, leading_parts
from chatbot.question import Question
from chatbot.retrieve import Hit
from chatbot.words import is_stop
from ingest.analyze import analyze, stem
from ingest.names import institution_names, person_names
from ingest.store import IndexData, StoredDocument

CONTEXT_BEFORE = 2

# "„Es sollte nicht so schwer sein, …“": "es" as a mere subject, pointing nowhere
_EXPLETIVE_ES = re.compile(
    r"^„?Es\s+(?:gibt|gab|ist|war|sei|wäre|sollte|sollten|wird|würde|könnte|kann|muss|geht|ging|bleibt)\b"
)
# "Das Weiße Haus bestätigte …": "Das" before a noun is the article, not "das" pointing back
_ARTICLE_START = re.compile(r"^„?Das\s+(?:[a-zäöü]\w*\s+)?[A-ZÄÖÜ]\w")
_PRONOUN_START = re.compile(
    r"^(?:„?(?:Er|Sie|Es|Ihm|Ihr|Ihre|Ihrer|Sein|Seine|Seiner|Dabei|Dies|Diese|Dieser|Dieses|Diesen|Das|Dazu|"
    r"Damit|Daher|Deshalb|Darauf|Darin|Dort|Zudem|Außerdem|Auch|Allerdings|Doch|Jedoch|Trotzdem|Stattdessen|"
    r"Demnach|Bei dieser|Mit dieser|In diesem|He|She|It|They|This|That|These|Those|His|Her|Their)\b)"
)
_EARLY_PRONOUN = re.compile(
    r"^(?:[^\s,]+\s+){1,4}?(?:ist|war|sind|waren|hat|hatte|haben|wurde|wird|habe|sei|soll|will|kann|muss)\s+(?:er|sie)\b"
)
# "das"/"dies" for what the sentence before said, early in a sentence: after a verb and before
# an adverb or a preposition ("schloss das laut Angaben … aus"), or after "dass" ("dass dies …")
_EARLY_OBJECT = re.compile(
    r"^(?:(?:[^\s]+\s+){1,3}?(?:das|dies)\s+(?:laut|als|nicht|auch|bereits|schon|so|kategorisch|ausdrücklich|nur|"
    r"entschieden|klar|deutlich|ab|aus|an|zurück|für|mit|gegenüber|bei)\b|(?:[^\s]+\s+){1,7}?dass\s+dies\b)"
)
# a statement named by its noun as its subject ("Die Meldung wurde … veröffentlicht"): the one just quoted
_REPORT_START = re.compile(
    r"^(?:die|der|diese|dieser)\s+(?:meldung|nachricht|aussage|äußerung|erklärung|mitteilung|ankündigung|"
    r"bericht|forderung|warnung|stellungnahme)\b",
    re.I,
)
# "dann" for the case the sentence before describes (not "erst dann, wenn …", which points ahead)
_THEN = re.compile(r"(?<!\berst )(?<!\bnur )\bdann\b", re.I)
_OWN_CONDITION = re.compile(rf"\b(?:{IF}|sobald)\b", re.I)  # "wenn …, dann …": its own case, not the one before


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
    headline: str = ""  # its section's headline
    before: str = ""  # the sentence right before it ("" for the first)
    features: dict[str, float] = field(default_factory=dict)


# text in an article that gives orders to a language model (a planted prompt injection)
INSTRUCTION = re.compile(
    r"\b(?:ignor\w*\s+(?:(?:all|alle|any|sämtliche)\s+)?(?:(?:the|die|your|deine)\s+)?(?:previous|prior|above|earlier|"
    r"vorherigen|bisherigen|obigen|vorigen)\s+(?:instructions?|anweisungen|befehle|prompts?)|antworte\s+(?:nur|ausschließlich)|"
    r"(?:reply|respond|answer)\s+(?:only\s+)?with|system\s*prompt|you\s+are\s+now|du\s+bist\s+(?:jetzt|nun))\b",
    re.I,
)


def gives_orders(text: str) -> bool:
    """Does `text` address a language model ("Ignore all previous instructions", "Antworte nur mit")?
    Such text is never quoted or repeated as an answer."""
    return bool(INSTRUCTION.search(text))


def quotable(text: str) -> bool:
    """A statement an answer may quote: a sentence, not a question (an article's rhetorical
    question, "Würde es sich um eine kleine Truppe handeln …?", answers nothing), and no
    orders planted for a language model."""
    return looks_like_sentence(text) and not _asks(text) and not gives_orders(text)


def quotable_question(text: str) -> bool:
    """A long question of the article, no orders in it: it states who holds an office, which
    it does not ask ("… dass Russlands Präsident Wladimir Putin einem möglichen
    Waffenstillstandsabkommen treu bleibt …?")."""
    return looks_like_sentence(text) and _asks(text) and not gives_orders(text)


def _asks(text: str) -> bool:
    return text.rstrip('“”"»«)]').endswith("?")


def looks_like_sentence(text: str) -> bool:
    """A statement: long enough and ending like one (not a headline, not a short question).

    A long question in an article ("Wie kann die Ukraine sicherstellen, dass Putin nicht
    in ein oder zwei Jahren …?") often states the facts it asks about, so it may be quoted.
    """
    # a closing bracket or a note in brackets may follow the end ("… beinhalten.)", "… bekannt.[Beleg fehlt]")
    if len(text) < 25 or not re.search(r"[.!?…“”\"»«](?:\)|\[[^\]]*\])*$", text):
        return False
    return not text.rstrip('“”"»«)]').endswith("?") or len(text) >= 100


# a sentence that announces the points after it ("… ist von zwei denkbaren Szenarien die Rede")
_ANNOUNCES = re.compile(
    r"\b(?:zwei|drei|vier|fünf|sechs|mehrere[nr]?|verschiedene[nr]?|folgende[nr]?|two|three|four|five|several)\s+"
    r"(?:\w+\s+){0,2}?(?:Szenarien|Optionen|Modelle|Varianten|Möglichkeiten|Komponenten|Punkte|Wege|Vorschläge|"
    r"Bedingungen|Elemente|Schritte|Säulen|Modellen|Szenarios|scenarios|options|models|ways|proposals|conditions|"
    r"elements|steps)\b",
    re.I,
)


def announces_points(text: str) -> bool:
    """Does the sentence announce a list that the next sentences give ("In einem
    Spiegel-Bericht ist von zwei denkbaren Szenarien die Rede, …", "… braucht es drei
    Komponenten:"), not one it gives itself after a colon?"""
    m = _ANNOUNCES.search(text)
    if m and re.search(r":\s*\S+(?:\s+\S+){2}", text[m.end() :]):
        return False  # "… drei Komponenten benötigen: eine …, US-Unterstützung und …": it gives them itself
    return bool(m) or text.rstrip().endswith(":")


def without_institutions(text: str) -> str:
    """`text` without the names of institutions: "Quellen des Kyiv Independent" is not about
    Kyiv, and "Fox News" is no noun of what was said."""
    for name in institution_names(text):
        text = text.replace(name, " ")
    return text


_SAID_BY_PRONOUN = re.compile(
    r"\b(?:erklärte|sagte|betonte|warnte|fügte|schrieb|verwies|äußerte|behauptete|meinte|forderte|kritisierte|"
    r"ergänzte|mahnte|stellte|hob|deutete)\s+(?:er|sie)\b"
)


def depends_on_previous(text: str) -> bool:
    """Does the sentence lean on the one before ("Er fügte hinzu …", "Dabei solle …", "Mit 39
    Jahren ist er …": a pronoun subject among its first words, with nobody named before it)?"""
    if _PRONOUN_START.match(text) and not _ARTICLE_START.match(text) and not _EXPLETIVE_ES.match(text):
        return True
    said = _SAID_BY_PRONOUN.search(text)
    if said and not person_names(text[: said.start()]):  # not "Obwohl … Macron … ließ, stellte er auch fest, …"
        return True
    if _EARLY_OBJECT.match(text):
        return True  # "Trump schloss das laut Angaben kategorisch aus.", "Scholz erklärte, dass dies …"
    if _THEN.search(text) and not _OWN_CONDITION.search(text):
        return True  # "… könnten die Partnerstaaten dann über einen Kriegseintritt abstimmen": in that case
    if _REPORT_START.match(text):
        return True  # "Die Meldung wurde von der russischen Nachrichtenagentur Tass veröffentlicht.": which one
    m = _EARLY_PRONOUN.match(text)
    return m is not None and not person_names(m.group(0))


# "diese Variante", "dieser Option": a thing named in a sentence before, by its noun
_DEMONSTRATIVE = re.compile(r"\b(?:diese|dieser|dieses|diesem|diesen)\s+([A-ZÄÖÜ][^\W\d_]{3,})")


def refers_back_to(text: str) -> str | None:
    """The noun of a thing the sentence points back to ("Variante" in "…, dass diese Variante
    tatsächlich zur Diskussion steht"): a sentence before names it ("Die erste Variante …")."""
    m = _DEMONSTRATIVE.search(text)
    return m.group(1) if m else None


def own_context(c: Sentence) -> str:
    """The headline above `c`, and the sentence before when `c` leans on it ("Er fügte
    hinzu …"): what `c` says itself, not what the sentences near it say."""
    return f"{c.headline} {c.before}" if depends_on_previous(c.text) else c.headline


def names_someone_else(text: str, asked: AbstractSet[str]) -> bool:
    """Does `text` name a person in full whose surname's stem is not in `asked` (the people a
    "who" question names itself, who are not its answer)?"""
    return any(stem(name.split()[-1].lower()) not in asked for name in person_names(text))


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
                sent.headline = headline(doc, j)
                sent.before = doc.text[slice(*doc.sentences[j - 1])] if j else ""
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
    return " ".join([headline(doc, j), *before])


def headline(doc: StoredDocument, j: int) -> str:
    """The nearest headline above sentence j ("" if none)."""
    for s, e in reversed(doc.sentences[:j]):
        if not looks_like_sentence(doc.text[s:e]):
            return doc.text[s:e]
    return ""


# ----------------------------------------------------------------- focus


def focus_forms(q: Question, index: IndexData) -> dict[str, set[str]]:
    """For each focus word, the stems that count as it being mentioned (German forms included)."""
    out: dict[str, set[str]] = {}
    for word in q.all_focus:
        forms = {word, *q.german.get(word, ())}
        low = word.lower()
        if low in EXONYMS:
            forms.add(EXONYMS[low])
        for f in list(forms):
            forms.update(aliases(f))  # "Amerikanern": "usa", …
        stems: set[str] = set()
        for f in forms:
            st = analyze(f, index.vocab)
            if st:
                stems.add(st[0])
            if len(st) > 2 and index.bm25 is not None and st[0] not in index.bm25:
                # a compound the articles never use, named by its parts ("Luftunterstützung":
                # "Unterstützung in der Luft")
                stems.add(PARTS.join(st[1:]))
            low_f = f.lower()
            if len(low_f) >= 5 and is_genitive(low_f, index):
                stems.add(stem(low_f[:-1]))  # a genitive the stemmer keeps: "Europas" names "Europa", "Europäer"
            if "-" in f:
                stems.update(stem(p) for p in f.lower().split("-") if len(p) > 2)
        if stems:
            out[word] = stems
    return out


# German adjective endings: an English word whose German forms all end so names a quality, no thing
_ADJECTIVE = re.compile(r"(?:isch|lich|ig|bar|sam|los|haft)(?:er)?(?:e|en|er|es|em)?$")


def names_a_quality(word: str, q: Question) -> bool:
    """Is an English question's word a quality ("realistic": "realistisch"), not a thing asked
    about? A yes/no question asks whether the thing has it ("Is NATO membership realistic?")."""
    german = q.german.get(word, ())
    return q.language == "en" and bool(german) and all(_ADJECTIVE.search(g) for g in german)


def names_event(q: Question, text: str, index: IndexData) -> bool:
    """Does the text name the event a question on the next one asks about (`Question.next_of`:
    "Gipfel", "summit"), in any of its forms? True when it asks of none."""
    if not q.next_of:
        return True
    forms = _stems_naming(q, q.next_of, index)
    return not forms or mentions(forms, stems_with_parts(text, index))


def _stems_naming(q: Question, word: str, index: IndexData) -> set[str]:
    """The stems that count as naming one word of the question (`focus_forms` of that word alone)."""
    return focus_forms(replace(q, focus=(word,), inherited=()), index).get(word, set())


def measured_forms(q: Question, index: IndexData) -> set[str]:
    """The stems that count as naming what a number question counts or measures ("Drohnen"
    in "Wie viele Drohnen …", German forms included); empty without one."""
    if not q.measured:
        return set()
    forms = _stems_naming(q, q.measured, index)
    head = compound_head(q.measured, index) if q.language == "de" else None
    if head:  # "Wie hoch ist die Anzahl der Baumarten?": "… in 16.000 Arten unterteilt"
        forms = forms | {stem(head)}
    forms |= members_of(q.measured, index)
    sign = UNIT_SIGNS.get(q.measured.lower())
    return forms | {sign} if sign else forms


def stems_with_parts(text: str, index: IndexData) -> set[str]:
    """The stems of `text`, and of the first parts of its hyphenated words, a country's
    short name read as the country ("US-Unterstützung": "usa")."""
    return set(index.stems(text) | leading_parts(text))


PARTS = "+"  # joins the parts' stems of a compound named by its parts (`focus_forms`)


def mentions(stems: AbstractSet[str], text_stems: AbstractSet[str]) -> bool:
    """Is one of `stems` in the text (exactly, or as the start of a longer word's stem)? A
    compound's parts ("luft+unterstutz") are there when each of them is."""
    if stems & text_stems:
        return True
    if any(len(s) >= 5 and any(t.startswith(s) for t in text_stems) for s in stems):
        return True
    return any(all(mentions({p}, text_stems) for p in s.split(PARTS)) for s in stems if PARTS in s)


_ARTICLE = r"(?:der|die|das|des|dem|den|ein|eine|einer|eines|einem|einen)\b"


def _word_forms(word: str, q: Question, german: int | None = None) -> str:
    """A regex alternation of `word` and its German forms (the first `german` of them), the
    longest first, each of three letters or more; "" for no word."""
    forms = {word.lower(), *q.german.get(word, ())[:german]} if word else set()
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True) if len(f) >= 3)


def instance_pattern(q: Question) -> re.Pattern[str] | None:
    """What names a member of the class the question asks for, set beside the class ("… auf
    seiner Plattform Truth Social", "das proprietäre System OpenTV", "Matthew Schmidt, Professor
    für …") for "Welche Plattform
    …", "Which platform …" (`Question.instance_of`); None when it asks for no such member.
    Built once per question, searched in each candidate."""
    alternatives = _word_forms(q.instance_of, q)
    if not alternatives:
        return None
    beside = rf"(?i:\b(?:{alternatives})\w{{0,3}})\s+(?!(?i:{_ARTICLE}))[A-ZÄÖÜ0-9][\w+\-]*"
    # … or the name with the class after it ("Matthew Schmidt, Professor für …", "Mick Ryan, ein Experte …")
    article = r"(?:(?i:ein|eine|der|die|the|a|an)\s+)?"
    after = rf"[A-ZÄÖÜ][\w\-]+,\s+{article}(?:[\w\-]+\s+){{0,2}}(?i:(?:{alternatives})\w{{0,3}})\b"
    return re.compile(f"{beside}|{after}")


# nouns for a country ("Welches Land …?", "Which country …?"): any country is a member
_COUNTRY_NOUNS = frozenset("land länder staat staaten country countries nation nations".split())


def names_instance(text: str, q: Question) -> bool:
    """Does the sentence name a member of the class the question asks for (`instance_pattern`),
    or for a country, a country other than those the question names and Ukraine, which every
    article names ("Which country outside Europe wants a role?": "Australien hat …")?"""
    if q.instance_of.lower() in _COUNTRY_NOUNS:
        return bool(countries_named(text) - countries_named(q.text) - {"ukraine"})
    pattern = instance_pattern(q)
    return bool(pattern and pattern.search(text))


def describes_kind(text: str, q: Question) -> bool:
    """Does the sentence describe the thing the question asks what kind of (`Question.kind_of`):
    a form of it with an adjective before it or what it is of after it ("in einem schwierigen
    Gelände von Wäldern und Feldern", "moderne Langstreckenraketen")?"""
    alternatives = _word_forms(q.kind_of, q, german=1)  # its closest German word only
    if not alternatives:
        return False
    thing = rf"(?i:(?:{alternatives})\w{{0,3}})\b"
    described = rf"\b[a-zäöüß]\w+(?:e|en|er|es|em)\s+{thing}|\b{thing}\s+(?:von|aus|mit)\s+[A-ZÄÖÜ]"
    return bool(re.search(described, text))


_ABOUT = re.compile(r"\b(?:über|about)\s+(?:\w+\s+)?[A-ZÄÖÜ]")  # "über Sicherheitsgarantien", "about the guarantees"


def names_what_about(best: Sentence, nxt: Sentence) -> bool:
    """Does `nxt` go on from `best` (the next sentence, leaning on it) and say what about
    ("Dabei solle über Sicherheitsgarantien … gesprochen werden.")?"""
    follows = nxt.doc_id == best.doc_id and nxt.idx == best.idx + 1
    return follows and depends_on_previous(nxt.text) and bool(_ABOUT.search(nxt.text))


def introduces(text: str, surname: str) -> bool:
    """Does `text` introduce the person `surname` names: with the first name or a title before
    it ("Karoline Leavitt", "US-Generalstabschef Dan Caine") or what they are after it ("Matthew
    Schmidt, Professor für …", "Mick Ryan, ein Experte …")? "sagte Leavitt" only names her."""
    name = re.escape(surname)
    before = re.search(rf"(?<![\w\-])(?-i:[A-ZÄÖÜ])[\w\-]+\s+{name}\b", text)
    if before and not is_stop(before.group().split()[0]):
        return True
    what = r"(?:ein|eine|einer|der|die|das|a|an|the|(?-i:[A-ZÄÖÜ])\w+\s+(?:für|of|at|an|der|des))\b"
    return bool(re.search(rf"\b{name},\s+{what}", text))
