"""Compose the extractive answer by the question's kind.

    fact        the sentence holding the expected kind of answer (a number for "wie viele")
                and the question's focus
    overview    up to six distinct points from across the passages, one per line
    position    what the actor said: sentences where the actor is the speaker
    reason      sentences that give the reason or the way (weil, da, denn, because …)
    comparison  the points of each side, grouped by side

Every sentence is quoted verbatim and cited; one that leans on the sentence before it
("Er fügte hinzu …") brings that one along. Sentences are ranked by the learned
probability that they hold the answer (`scoring.py`). Whether the chosen sentences carry
the evidence to answer at all is `abstain.py`'s concern; a near miss is shown as "no
direct answer" with the nearest statement.
"""

from __future__ import annotations

import re

import numpy as np

from chatbot import evidence as ev
from chatbot import places, scoring
from chatbot import speakers as sp
from chatbot.abstain import decide, evidence, near_miss
from chatbot.answer import FRAMES, Answer, AnswerSettings, Section, build, holding_hit, refusal
from chatbot.evidence import Sentence
from chatbot.phrasing import asks_all, ordinal_root
from chatbot.question import Question
from chatbot.retrieve import Hit
from chatbot.scoring import ScoringModel
from ingest.analyze import analyze, stem, words
from ingest.store import IndexData

# how many of the top passages sentences are taken from, by kind
PASSAGES = {"fact": 3, "reason": 4, "position": 6, "overview": 8, "comparison": 8}
MAX_QUOTES = {"fact": 2, "reason": 3, "position": 3, "overview": 6, "comparison": 2}
LEAD_SENTENCES = 3  # a document's title, subtitle and lead restate its topic
MAX_OVERLAP = 0.9  # two points this similar say the same thing


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
    sections, cands = choose(index, q, qvec, hits, settings)
    quoting = _quoting(q, cands)
    if quoting:  # "Was meint er mit „…“?": the quoted sentence and what follows it
        sections = [Section("", _with_antecedents(quoting, cands, hits, index))]
        lead = frame["lead"]
        best_p = max(c.features.get("p_answer", 0.0) for c in quoting)
        return build(index, q.text, q.language, q.kind, lead, sections, hits, k, confidence=best_p)
    chosen = [s for sec in sections for s in sec.sentences]
    e = evidence(q, chosen, index) if chosen else {}
    if not chosen or not decide(e, q.language, settings, q.kind):
        if chosen and near_miss(e, q.language, settings, q.kind):
            best = _best_first(chosen)[0]
            nearest = [Section("", _with_antecedents([best], cands, hits, index))]
            hedged = build(index, q.text, q.language, q.kind, frame["hedge"], nearest, hits, k, confidence=e["p"])
            hedged.answered, hedged.hedged = False, True
            return hedged
        best_p = max((c.features.get("p_answer", 0.0) for c in cands), default=0.0)
        return refusal(index, q.text, q.language, q.kind, hits, k, best_p)
    for sec in sections:
        sec.sentences = _with_antecedents(sec.sentences, cands, hits, index)
    lead = frame.get(q.kind, frame["lead"]) if q.actor or q.kind != "position" else frame["lead"]
    lead = lead.format(actor=actor_phrase(q))
    return build(index, q.text, q.language, q.kind, lead, sections, hits, k, confidence=e["p"])


_ROLE_WORDS = (
    r"prime|minister|president|chancellor|foreign|defen[cs]e|secretary|spokes\w+|government|leader|leaders|"
    r"army|chief|general|ambassador|officials?|außenminister\w*|präsident\w*|regierung|sprecher\w*"
)


def actor_phrase(q: Question) -> str:
    """The actor as the question names it, role and article included ("the British prime
    minister", "der russische Außenminister"; not "British"), for the answer's lead line."""
    phrase = q.actor or ""
    if not phrase:
        return ""
    m = re.search(rf"\b{re.escape(phrase)}(?:\s+(?:{_ROLE_WORDS})\b)+", q.text, re.I)
    phrase = m.group() if m else phrase
    article = re.search(rf"\b(?:the|der|die)\s+{re.escape(phrase)}", q.text, re.I)
    return article.group() if article else phrase


def has_content(q: Question) -> bool:
    """Does the question ask about something (not "?!", "hello" or "what can you do")?"""
    return q.kind not in ("empty", "meta") and bool(q.focus or q.follow_up)


def choose(
    index: IndexData, q: Question, qvec: np.ndarray, hits: list[Hit], settings: AnswerSettings
) -> tuple[list[Section], list[Sentence]]:
    """The sections to quote for `q` by its kind (best sentence first), and all candidates."""
    cands = scored_candidates(index, q, qvec, hits)
    forms = ev.focus_forms(q, index)
    _score(cands, q, settings)
    quotable = [c for c in cands if ev.quotable(c.text)]
    pick = {"overview": _overview, "position": _position, "comparison": _comparison}.get(q.kind, _fact)
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
    limit = PASSAGES["position"] if q.role else PASSAGES.get(q.kind, 3)  # an office's holder, like its words
    if q.kind == "position" and asks_all(q.text):
        limit = PASSAGES["overview"]  # everything the actor said: from as many passages as an overview
    cands = ev.candidates(index, hits, limit, qvec)
    return cands, scoring.features(q, cands, hits, index, scoring.question_terms(q, index))


def _score(cands: list[Sentence], q: Question, settings: AnswerSettings) -> None:
    """Each candidate's score: the learned probability, plus a bonus for a reason when asked why.

    A headline that matches lends its score to the two sentences after it, which say
    what the headline announces.
    """
    for c in cands:
        bonus = settings.kind if q.kind == "reason" and ev.REASON.search(c.text) else 0.0
        c.score = c.features.get("p", 0.0) + bonus
    by_pos = {(c.doc_id, c.idx): c for c in cands}
    for h in [c for c in cands if not ev.looks_like_sentence(c.text)]:
        for step in (1, 2):
            nxt = by_pos.get((h.doc_id, h.idx + step))
            if nxt is not None and ev.looks_like_sentence(nxt.text):
                nxt.score = max(nxt.score, h.score - 0.05 * step)


# ----------------------------------------------------------------- by kind


def _best_first(cands: list[Sentence]) -> list[Sentence]:
    return sorted(cands, key=lambda c: -c.score)


def _close(ranked: list[Sentence], n: int, margin: float) -> list[Sentence]:
    """The best sentence and those within `margin` of it, at most n, best first."""
    if not ranked:
        return []
    return [c for c in ranked if c.score >= ranked[0].score - margin][:n]


def _reading_order(sents: list[Sentence]) -> list[Sentence]:
    return sorted(sents, key=lambda c: (c.hit_rank, c.doc_id, c.idx))


def _fact(
    quotable: list[Sentence], q: Question, index: IndexData, forms: dict[str, set[str]], settings: AnswerSettings
) -> list[Section]:
    """Fact, reason (and the fallback): the best sentences, best first. A question for an
    office's holder ("Who is the US Secretary of State?") first quotes the sentences that
    name the holder with the office ("Der US-Außenminister Marco Rubio …")."""
    ranked = _best_first(quotable)
    if q.kind == "fact" and q.role:
        holding = _naming_holder(ranked, q)
        if holding:
            return [Section("", holding[: MAX_QUOTES["fact"]])]
    if q.kind == "fact" and q.expects not in (None, "yesno"):
        with_kind = [c for c in ranked if ev.has_kind(c.text, q.expects)]
        if q.measured:  # first the numbers that count what is asked about ("200.000 Soldaten")
            counting = _counting(with_kind, q, index, settings)
            with_kind = counting + [c for c in with_kind if c not in counting]
        ranked = with_kind + [c for c in ranked if c not in with_kind] if with_kind else ranked
    ordinal = _ordinal_first(ranked, q)  # "Und wie sieht die zweite aus?": the sentence about the second
    if ordinal is not None:
        return [Section("", ordinal[:1])] if ordinal else []  # no "third" anywhere: nothing answers it
    chosen = _close(ranked, MAX_QUOTES.get(q.kind, 2), settings.margin)
    if q.kind == "reason":
        chosen = _with_reasons(chosen, quotable)
    return [Section("", chosen)] if chosen else []


def _ordinal_first(ranked: list[Sentence], q: Question) -> list[Sentence] | None:
    """The sentences that name the ordinal a follow-up asks about ("Und die zweite?" after
    "Was ist die erste Variante?"), best first: it picks one of the things the last question
    was about, and the others are not the answer; none when no sentence names it ("And
    the third?" after two options). None when the question asks for no ordinal, or asks on
    its own: in "Wer war der erste Vorsitzende?" the ordinal need not be in the answer (on
    XQuAD, putting those sentences first cost five answers)."""
    roots = {r for w in q.focus if (r := ordinal_root(w))}
    if not roots or not q.follow_up:  # in a question of its own an ordinal is one word of many
        return None
    pattern = re.compile(rf"\b(?:{'|'.join(sorted(roots))})(?:e|er|es|en|em)?\b", re.I)
    out = [c for c in ranked if pattern.search(c.text)]
    for c in out:
        c.features["ordinal"] = 1.0
    return out


def _naming_holder(ranked: list[Sentence], q: Question) -> list[Sentence]:
    """The sentences that name the holder of the office `q` asks about, right after the
    office and of its country; marked with `features["holder"]`."""
    nationality, office = q.role
    country = places.country_of(nationality)
    asked = {stem(w.lower()) for w in q.focus}  # "Welchem früheren US-Präsidenten gibt Trump die Schuld?": not Trump
    out = []
    for c in ranked:
        if sp.office_holders([c.text], office, country) - asked:
            c.features["holder"] = 1.0
            out.append(c)
    return out


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


def _counting(cands: list[Sentence], q: Question, index: IndexData, settings: AnswerSettings) -> list[Sentence]:
    """The sentences whose number counts or measures `q.measured` (`evidence.quantifies`)."""
    forms = ev.measured_forms(q, index)
    vector = q.word_vectors.get((q.measured or "").lower())
    return [c for c in cands if ev.quantifies(c.text, forms, index, vector, settings.min_counterpart)]


def _with_reasons(chosen: list[Sentence], quotable: list[Sentence]) -> list[Sentence]:
    """A statement followed by its reason in the next sentence ("… Zur Begründung verwies sie
    auf …") brings that sentence along: it is the answer to "warum"."""
    by_pos = {(c.doc_id, c.idx): c for c in quotable}
    out: list[Sentence] = []
    for c in chosen:
        out.append(c)
        nxt = by_pos.get((c.doc_id, c.idx + 1))
        if nxt is None or nxt in chosen or nxt in out:
            continue
        if ev.REASON.search(nxt.text) and ev.depends_on_previous(nxt.text):
            out.append(nxt)
    return out


def _position(
    quotable: list[Sentence], q: Question, index: IndexData, forms: dict[str, set[str]], settings: AnswerSettings
) -> list[Section]:
    """What the actor said: sentences with the actor as speaker, else those naming the actor.
    An office ("der russische Außenminister") speaks only as itself, of its own country."""
    if q.role:
        nationality, office = q.role
        country = places.country_of(nationality)
        holders = sp.office_holders([c.text for c in quotable], office, country)
        for c in quotable:
            by_name = sp.attributed_to(c, holders, index) if holders else 0.0
            c.features["said"] = max(float(sp.office_speaks(c.text, office, country)), by_name)
        said = [c for c in quotable if c.features["said"]]
        return [Section("", _reading_order(_best_first(said)[: MAX_QUOTES["position"]]))] if said else []
    actor_stems = _stems_of(q.actor or "", q, forms, index)
    if not actor_stems:
        return _fact(quotable, q, index, forms, settings)
    actor_stems = actor_stems | sp.holders(actor_stems, [c.text for c in quotable])
    surety = {id(c): sp.attributed_to(c, actor_stems, index) for c in quotable}
    for c in quotable:
        c.features["said"] = surety[id(c)]
    # the actor's own statements: surely attributed ones first, each group by relevance
    said = sorted((c for c in quotable if surety[id(c)] > 0), key=lambda c: (-surety[id(c)], -c.score))
    if said and asks_all(q.text):  # "Was hat Trump alles gesagt?": a list of his statements
        return [Section("", _reading_order(said[: MAX_QUOTES["overview"]]), as_list=True)]
    if said:
        return [Section("", _reading_order(said[: MAX_QUOTES["position"]]))]
    named = [c for c in quotable if ev.mentions(actor_stems, set(analyze(c.text, index.vocab)))]
    ranked = _best_first(named)
    if not ranked:
        return []
    return [Section("", _reading_order(_close(ranked, MAX_QUOTES["position"], 3 * settings.margin)))]


def _overview(
    quotable: list[Sentence], q: Question, index: IndexData, forms: dict[str, set[str]], settings: AnswerSettings
) -> list[Section]:
    """Distinct points from across the passages (maximal marginal relevance), one per line;
    a list of people or countries gets one point for each person or country (when the
    passages name two or more)."""
    body = [c for c in quotable if c.idx >= LEAD_SENTENCES]
    ranked = _best_first(body)
    if not ranked:
        return []
    floor = ranked[0].score - 3 * settings.margin
    ranked = [c for c in ranked if c.score >= floor]
    chosen = _one_each(ranked, q, index) if q.expects in ENTITIES else []
    if len(chosen) >= 2:
        return [Section("", _reading_order(chosen), as_list=True)]
    for c in ranked:
        if len(chosen) >= MAX_QUOTES["overview"]:
            break
        if c not in chosen and not any(_redundant(c, o, index) for o in chosen):
            chosen.append(c)
    return [Section("", _reading_order(chosen), as_list=True)]


ENTITIES = {"person": sp.people_in, "country": places.countries_in}


def _one_each(ranked: list[Sentence], q: Question, index: IndexData) -> list[Sentence]:
    """For each person (or country) the passages name, its best sentence, best first; those
    the question itself names are not points of the list ("Welche Länder helfen der Ukraine?")."""
    entities = ENTITIES[q.expects or ""]
    seen = set(entities(q.query, index))
    chosen: list[Sentence] = []
    for c in ranked:
        if len(chosen) == MAX_QUOTES["overview"]:
            break
        new = entities(c.text, index) - seen
        if new:
            chosen.append(c)
            seen |= new
    return chosen


def _comparison(
    quotable: list[Sentence], q: Question, index: IndexData, forms: dict[str, set[str]], settings: AnswerSettings
) -> list[Section]:
    """For each side, its best sentences (its own statements first)."""
    if len(q.sides) < 2:
        return _overview(quotable, q, index, forms, settings)
    sections: list[Section] = []
    used: set[int] = set()
    for side in q.sides:
        stems = _stems_of(side, q, forms, index)
        about = [
            c
            for c in quotable
            if id(c) not in used and ev.mentions(stems, set(analyze(f"{c.text} {c.context}", index.vocab)))
        ]
        said = [c for c in about if sp.attributed_to(c, stems, index) == 1.0]
        ranked = _best_first(said) + [c for c in _best_first(about) if c not in said]
        chosen = ranked[: MAX_QUOTES["comparison"]]
        used.update(id(c) for c in chosen)
        for c in chosen:
            c.features["side"] = float(len(sections))
        note = "" if chosen else FRAMES[q.language]["missing_side"]
        sections.append(Section(side, _reading_order(chosen), as_list=True, note=note))
    if all(sec.note for sec in sections):
        return []
    return sections


# ----------------------------------------------------------------- helpers


def _stems_of(words: str, q: Question, forms: dict[str, set[str]], index: IndexData) -> set[str]:
    """Stems that count as a mention of `words` (a name: its last word is enough)."""
    parts = [w for w in words.split() if w]
    if not parts:
        return set()
    german = places.EXONYMS.get(" ".join(parts).lower())  # "White House" -> "weißen haus": its last word
    last = german.split()[-1] if german and " " in german else parts[-1]
    if last in forms:
        return forms[last]
    return ev.focus_forms(Question(last, q.language, "fact", focus=(last,), german=q.german), index).get(last, set())


def _redundant(a: Sentence, b: Sentence, index: IndexData) -> bool:
    """Do two sentences say the same thing (nearly the same vector or the same words)?"""
    sim = float(index.sentence_vectors[a.row] @ index.sentence_vectors[b.row])
    if sim >= MAX_OVERLAP:
        return True
    ta, tb = set(analyze(a.text, index.vocab)), set(analyze(b.text, index.vocab))
    return len(ta & tb) / max(1, min(len(ta), len(tb))) > 0.6


def _with_antecedents(
    chosen: list[Sentence], cands: list[Sentence], hits: list[Hit], index: IndexData
) -> list[Sentence]:
    """Bring along the sentence before each quote that depends on it, so every quote reads alone."""
    by_pos = {(c.doc_id, c.idx): c for c in cands}
    have = {(c.doc_id, c.idx) for c in chosen}
    out: list[Sentence] = []
    for c in chosen:
        prev = by_pos.get((c.doc_id, c.idx - 1))
        if (
            ev.depends_on_previous(c.text)
            and prev is not None
            and (prev.doc_id, prev.idx) not in have
            and ev.looks_like_sentence(prev.text)
            and holding_hit(hits, prev) >= 0
        ):
            prev.features["lead_in"] = 1.0  # read together with the next one (one list item)
            out.append(prev)
            have.add((prev.doc_id, prev.idx))
        out.append(c)
    return out
