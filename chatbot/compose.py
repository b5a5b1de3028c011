"""Compose the extractive answer: score the candidate sentences of the retrieved
passages, let `kinds.py` choose what to quote for the question's kind, decide with
`abstain.py` whether that answers, and build the cited answer (`answer.py`).

Every sentence is quoted verbatim and cited; one that leans on the sentence before it
("Er fügte hinzu …") brings that one along. Sentences are ranked by the learned
probability that they hold the answer (`scoring.py`). Whether the chosen sentences carry
the evidence to answer at all is `abstain.py`'s concern; a near miss is shown as "no
direct answer" with the nearest statement.
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np

from chatbot import bylines, continuity, cues, grounds, scoring
from chatbot import evidence as ev
from chatbot.abstain import decide, near_miss
from chatbot.answer import FRAMES, Answer, AnswerSettings, Section, build, citation, holding_hit, refusal
from chatbot.asks import asks_all
from chatbot.evidence import Sentence
from chatbot.kinds import pick, summary
from chatbot.order import best_first
from chatbot.question import Question
from chatbot.retrieve import Hit
from chatbot.scoring import ScoringModel
from chatbot.signals import evidence
from ingest.analyze import words
from ingest.store import IndexData

# how many of the top passages sentences are taken from, by kind
# a comparison reads the best passages and those that name each side (passages.SIDE_PASSAGES)
PASSAGES = {"fact": 3, "reason": 4, "position": 6, "overview": 8, "comparison": 12, "yesno": 6}


def compose(
    index: IndexData,
    q: Question,
    qvec: np.ndarray,
    hits: list[Hit],
    k: int = 5,
    settings: AnswerSettings | None = None,
) -> Answer:
    """The cited answer for `q` from the retrieved `hits`, or a refusal that lists them."""
    settings = settings or AnswerSettings()
    frame = FRAMES[q.language]
    if not has_content(q):
        text = frame["meta"] if q.kind == "meta" else frame["no_question"]
        return Answer(q.text, text, False, [], q.language, kind=q.kind)
    if not hits:
        return Answer(q.text, frame["empty"], False, [], q.language, kind=q.kind)
    if q.kind == "summary":  # "Fasse die Artikel zusammen": each article's lead, under its title
        sections = summary(index, ev.candidates(index, hits, len(hits), qvec))
        return build(index, q.text, q.language, q.kind, frame["summary"], sections, hits, k, confidence=1.0)
    if q.kind == "byline":  # "Wer hat den Artikel geschrieben?": what is stored with each article
        return _byline(index, q, hits)
    sections, cands = choose(index, q, qvec, hits, settings)
    quoting = _quoting(q, cands)
    if quoting:  # "Was meint er mit „…“?": the quoted sentence and what follows it
        sections = [Section("", _with_antecedents(quoting, cands, hits, index))]
        lead = frame["lead"]
        best_p = max(c.features.get("p_answer", 0.0) for c in quoting)
        return build(index, q.text, q.language, q.kind, lead, sections, hits, k, confidence=best_p)
    chosen = [s for sec in sections for s in sec.sentences]
    e = evidence(q, chosen, index, cands) if chosen else {}
    if not chosen or not decide(e, q.language, settings, q.kind):
        if chosen and near_miss(e, q.language, settings, q.kind):
            if q.kind == "comparison":  # the side found, and the note that the other is missing
                nearest = [
                    replace(sec, sentences=_with_antecedents(sec.sentences, cands, hits, index)) for sec in sections
                ]
            else:
                best = chosen[0] if q.kind == "fact" else best_first(chosen)[0]  # a fact's first holds its kind
                nearest = [Section("", _with_antecedents(_with_its_next(best, chosen), cands, hits, index))]
            hedged = build(index, q.text, q.language, q.kind, frame["hedge"], nearest, hits, k, confidence=e["p"])
            hedged.answered, hedged.hedged = False, True
            return hedged
        best_p = max((c.features.get("p_answer", 0.0) for c in cands), default=0.0)
        return refusal(index, q.text, q.language, q.kind, hits, k, best_p)
    for sec in sections:
        sec.sentences = _with_antecedents(sec.sentences, cands, hits, index)
    shape = "overview" if q.kind == "comparison" and len(q.sides) < 2 else q.kind  # no two sides: a list
    if shape == "comparison" and len(q.sides) > 2:  # "Trump, Leavitt, Rubio: who said what?"
        shape = "comparison_many"
    lead = frame.get(shape, frame["lead"]) if q.actor or q.kind != "position" else frame["lead"]
    actor = actor_phrase(q)
    lead = lead.format(actor=actor)
    if q.language == "de" and _PLURAL.match(actor):  # "Was die Russen laut den Artikeln sagen:"
        lead = lead.replace(" sagt:", " sagen:")
    return build(index, q.text, q.language, q.kind, lead, sections, hits, k, confidence=e["p"])


_ROLE_WORDS = (
    r"prime|minister|president|chancellor|foreign|defen[cs]e|secretary|spokes\w+|government|leader|leaders|"
    r"army|chief|general|ambassador|officials?|außenminister\w*|präsident\w*|regierung|sprecher\w*"
)


# the actor as a plural ("die Russen", "die Europäer", "die USA"), not "die Sprecherin", "die Ukraine"
_PLURAL = re.compile(r"^die\s+(?:(?:\w+\s+)*\w+(?:en|er|ern)|USA|Niederlande)$", re.I)


def _with_its_next(best: Sentence, chosen: list[Sentence]) -> list[Sentence]:
    """The nearest quote of a hedged answer, with the next sentence of its article when that was
    chosen too: it goes on from it ("Rubio könnte eine realistischere Sichtweise vertreten." —
    "… erklärte er, dass „die Ukraine wirklich einen Abschreckungsmechanismus braucht …“")."""
    nxt = next((c for c in chosen if c.doc_id == best.doc_id and c.idx == best.idx + 1), None)
    return [best, nxt] if nxt is not None else [best]


def actor_phrase(q: Question) -> str:
    """The actor as the question names it, role and article included ("the British prime
    minister", "der russische Außenminister"; not "British"), for the answer's lead line."""
    phrase = q.actor or ""
    if not phrase:
        return ""
    m = re.search(rf"\b{re.escape(phrase)}(?:\s+(?:{_ROLE_WORDS})\b)+", q.text, re.I)
    phrase = m.group() if m else phrase
    article = re.search(rf"\b(?:the|der|die)\s+{re.escape(phrase)}", q.text, re.I)
    phrase = article.group() if article else phrase
    if q.text[1:] != q.text[1:].lower() or q.role:
        return phrase
    named = set((q.actor or "").split())  # a name typed in lower case ("was sagt rubio") is written as a name
    return " ".join(w.capitalize() if w in named else w for w in phrase.split())


def _byline(index: IndexData, q: Question, hits: list[Hit]) -> Answer:
    """Who wrote or published the articles asked about, and when, as stored with each; each
    article's best passage cited."""
    ranks = bylines.articles_asked(q.text, hits)
    lines, given, when = [], False, bylines.asks_date(q.text)
    for n, r in enumerate(ranks, start=1):
        doc = index.doc(hits[r].chunk.doc_id)
        line, stored = bylines.described(doc.title, doc.meta, q.language, when)
        lines.append(f"- {line} [{n}]")
        given = given or stored
    cits = [citation(index, hits[r], n, cited=True) for n, r in enumerate(ranks, start=1)]
    text = "\n".join([bylines.frame(q.language, given, when), *lines])
    return Answer(q.text, text, given, cits, q.language, confidence=1.0 if given else 0.0, kind=q.kind)


def has_content(q: Question) -> bool:
    """Does the question ask about something (not "?!", "hello" or "what can you do")?"""
    lists_people = q.kind == "overview" and q.expects == "person"  # "Who's who?": the people named
    return (
        q.kind in ("summary", "byline")
        or lists_people
        or (q.kind not in ("empty", "meta") and bool(q.focus or q.follow_up))
    )


def choose(
    index: IndexData, q: Question, qvec: np.ndarray, hits: list[Hit], settings: AnswerSettings
) -> tuple[list[Section], list[Sentence]]:
    """The sections to quote for `q` by its kind (best sentence first), and all candidates."""
    cands = scored_candidates(index, q, qvec, hits)
    forms = ev.focus_forms(q, index)
    _score(cands, q, settings)
    # a question for an office's holder may quote a long question of the article that names him
    # ("Wie kann die Ukraine sicherstellen, dass Russlands Präsident Wladimir Putin …?")
    quotable = [c for c in cands if ev.quotable(c.text) or (bool(q.role) and ev.quotable_question(c.text))]
    return pick(quotable, q, index, forms, settings), cands


def scored_candidates(index: IndexData, q: Question, qvec: np.ndarray, hits: list[Hit]) -> list[Sentence]:
    """The sentences of the top passages (how many depends on the kind), each with the learned
    probability that it holds the answer: `features["p"]` from the model that ranks them,
    `features["p_answer"]` from the one that decides whether to answer (see `scoring.py`)."""
    cands, X = candidate_features(index, q, qvec, hits)
    model = ScoringModel.load()
    for c, p, p_answer in zip(cands, model.predict(X), model.decide(X), strict=True):
        c.features["p"] = float(p)
        c.features["p_answer"] = float(p_answer)
    return cands


def candidate_features(
    index: IndexData, q: Question, qvec: np.ndarray, hits: list[Hit]
) -> tuple[list[Sentence], np.ndarray]:
    """The candidate sentences for `q` and their `scoring.FEATURES` rows (what the model is trained on)."""
    # an office's holder and their words, or the head of something ("Wer ist der Chef der Nato?"):
    # only sentences naming the office or a title count, so every passage is read
    limit = PASSAGES["overview"] if q.role or q.head_of else PASSAGES.get(q.kind, 3)
    if q.expects == "yesno":
        limit = PASSAGES["yesno"]  # the statement on what is asked, which any passage may hold
    if q.kind == "position" and asks_all(q.text):
        limit = PASSAGES["overview"]  # everything the actor said: from as many passages as an overview
    if q.kind == "fact":
        limit = _naming_asked(index, q, hits, limit)
    cands = ev.candidates(index, hits, limit, qvec)
    return cands, scoring.features(q, cands, hits, index, scoring.question_terms(q, index))


def _naming_asked(index: IndexData, q: Question, hits: list[Hit], limit: int) -> int:
    """How many passages to read so that one names the person the question names, when the
    first `limit` do not ("Wie groß soll die Friedenstruppe laut Schmidt sein?": his passage
    is the fourth); at most as many as a yes/no question reads."""
    people = grounds.people_named(q, index)
    if not people:
        return limit
    for rank, hit in enumerate(hits[: PASSAGES["yesno"]]):
        if ev.mentions(people, index.stems(hit.chunk.text)):
            return max(limit, rank + 1)
    return limit


LISTING = ("overview", "comparison")  # kinds whose answer is several points
SECTION = 4  # sentences under a headline that a why-question reads for the reason it gives
ANNOUNCED = 4  # sentences after one announcing a list ("zwei denkbare Szenarien") that give its points


def _reason_given(text: str, q: Question) -> float:
    """How much of a reason a sentence gives: a cause in full, a purpose or a condition half
    (a condition in full when the question asks under what condition, a difficulty when it
    asks why something is hard)."""
    if (
        cues.CAUSE.search(text)
        or (q.condition and cues.CONDITION.search(text))
        or (q.difficulty and cues.DIFFICULT.search(text))
    ):
        return 1.0
    return 0.5 if cues.REASON.search(text) else 0.0


def _score(cands: list[Sentence], q: Question, settings: AnswerSettings) -> None:
    """Each candidate's score: the learned probability, plus a bonus for a reason when asked
    why, and half of it for a sentence naming the kind of item a list asks for ("Welche
    Optionen …": "Als zweite Option nennt das Magazin …", `listing.py`).

    A headline that matches lends its score to the two sentences after it, which say
    what the headline announces. For a list (an overview; a comparison without two named
    sides), a sentence announcing points ("… von zwei denkbaren Szenarien die Rede")
    lends its score to the sentences that give them.
    """
    items = q.items.marker if q.items and q.kind in LISTING else None  # "Welche Optionen …": "Als zweite Option …"
    member = ev.instance_pattern(q)  # "Welche Plattform …?": "… auf seiner Plattform Truth Social"
    for c in cands:
        # "Welche Bedingung …?": "… solange der Kreml nicht gezwungen wird …" gives it in full
        bonus = settings.kind * _reason_given(c.text, q) if q.kind == "reason" else 0.0
        if items is not None and items.search(c.text):
            bonus = settings.kind / 2
        bonus += continuity.bonus(c, q)  # "Who published that?": in or next to the last quote
        if q.identity and ev.introduces(c.text, q.identity):  # "Who is Leavitt?": "der Sprecherin …, Karoline Leavitt"
            bonus += settings.kind
        if member and member.search(c.text):
            bonus += settings.kind
        c.score = c.features.get("p", 0.0) + bonus
    by_pos = {(c.doc_id, c.idx): c for c in cands}
    for h in [c for c in cands if not ev.looks_like_sentence(c.text)]:
        for step in (1, 2):
            nxt = by_pos.get((h.doc_id, h.idx + step))
            if nxt is not None and ev.looks_like_sentence(nxt.text):
                nxt.score = max(nxt.score, h.score - 0.05 * step)
        if q.cause:  # "Moskau lehnt … ab": the reason its section gives ("Zur Begründung verwies sie …")
            for step in range(1, SECTION + 1):
                nxt = by_pos.get((h.doc_id, h.idx + step))
                if nxt is None or not ev.looks_like_sentence(nxt.text):
                    break
                given = _reason_given(nxt.text, q)
                if given and ev.depends_on_previous(nxt.text):  # a reason for what the section said
                    nxt.score = max(nxt.score, h.score + settings.kind * given - 0.02 * step)
    if q.kind in LISTING:
        for h in [c for c in cands if ev.announces_points(c.text)]:
            for step in range(1, ANNOUNCED + 1):
                nxt = by_pos.get((h.doc_id, h.idx + step))
                if nxt is None or not ev.looks_like_sentence(nxt.text):
                    break
                nxt.score = max(nxt.score, h.score - 0.02 * step)


FOLLOWING = 2  # sentences after a quoted one that explain it


def _quoting(q: Question, cands: list[Sentence]) -> list[Sentence]:
    """The sentence holding the words the question quotes, and the sentences after it (up to
    FOLLOWING, while the retrieved passages hold them): they say what the quote means."""
    if not q.quote:
        return []
    want = " ".join(words(q.quote))
    holder = next((c for c in cands if want in " ".join(words(c.text))), None)
    if holder is None:
        return []
    by_pos = {(c.doc_id, c.idx): c for c in cands}
    out = [holder]
    for step in range(1, FOLLOWING + 1):
        nxt = by_pos.get((holder.doc_id, holder.idx + step))
        if nxt is None or not ev.quotable(nxt.text):
            break
        out.append(nxt)
    return out


def _with_antecedents(
    chosen: list[Sentence], cands: list[Sentence], hits: list[Hit], index: IndexData
) -> list[Sentence]:
    """Bring along the sentence before each quote that depends on it, so every quote reads
    alone; for "diese Variante", the sentence a little before that names the variant. One
    that is quoted anyway, further down, moves up before the quote that depends on it."""
    by_pos = {(c.doc_id, c.idx): c for c in cands}
    quoted = {(c.doc_id, c.idx) for c in chosen}
    out: list[Sentence] = []
    done: set[tuple[str, int]] = set()

    def emit(c: Sentence) -> None:
        done.add((c.doc_id, c.idx))
        prev = by_pos.get((c.doc_id, c.idx - 1)) if ev.depends_on_previous(c.text) else _named_before(c, by_pos)
        if prev is not None and (prev.doc_id, prev.idx) not in done:
            if (prev.doc_id, prev.idx) in quoted:  # a quote further down: moved up, with what it leans on
                prev.features["lead_in"] = 1.0  # read together with the next one (one list item)
                emit(prev)
            elif ev.looks_like_sentence(prev.text) and holding_hit(hits, prev) >= 0:
                prev.features["lead_in"] = 1.0
                done.add((prev.doc_id, prev.idx))
                out.append(prev)
        out.append(c)

    for c in chosen:
        if (c.doc_id, c.idx) not in done:  # not moved up already
            emit(c)
    return out


ANTECEDENT_WINDOW = 3  # sentences back to the one that names what "diese Variante" points to


def _named_before(c: Sentence, by_pos: dict[tuple[str, int], Sentence]) -> Sentence | None:
    """The nearest sentence before `c`, within ANTECEDENT_WINDOW, that names the thing `c`
    points back to ("Die erste Variante orientiert sich …" for "…, dass diese Variante …")."""
    noun = ev.refers_back_to(c.text)
    if noun is None or noun.lower() in c.text.lower().split(noun.lower(), 1)[0]:
        return None  # nothing pointed to, or named earlier in the sentence itself
    for step in range(1, ANTECEDENT_WINDOW + 1):
        prev = by_pos.get((c.doc_id, c.idx - step))
        if prev is not None and noun.lower() in prev.text.lower() and ev.refers_back_to(prev.text) != noun:
            return prev
    return None
