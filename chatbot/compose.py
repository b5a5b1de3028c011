"""Compose the extractive answer by the question's kind, and abstain without evidence.

    fact        the sentence holding the expected kind of answer (a number for "wie viele")
                and the question's focus
    overview    up to six distinct points from across the passages, one per line
    position    what the actor said: sentences where the actor is the speaker
    reason      sentences that give the reason or the way (weil, da, denn, because …)
    comparison  the points of each side, grouped by side

Every sentence is quoted verbatim and cited; one that leans on the sentence before it
("Er fügte hinzu …") brings that one along. The answer is given only when the chosen
sentences carry the evidence: close enough to the question, the question's focus in the
sentence or its context, the expected kind of answer there for a fact question, and
nothing named in the question that the corpus never mentions (else a closer match is
needed). The thresholds are calibrated in `benchmarks/abstention.py`.
"""

from __future__ import annotations

import numpy as np

from chatbot import evidence as ev
from chatbot.answer import FRAMES, Answer, AnswerSettings, Section, build, holding_hit, refusal
from chatbot.evidence import Sentence
from chatbot.question import Question
from chatbot.retrieve import Hit
from ingest.analyze import analyze
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
    if q.kind in ("empty", "meta") or (not q.focus and not q.follow_up):
        text = frame["meta"] if q.kind == "meta" else frame["no_question"]
        return Answer(q.text, text, False, [], q.language, kind=q.kind)
    if not hits:
        return Answer(q.text, frame["empty"], False, [], q.language, kind=q.kind)
    sections, cands = choose(index, q, qvec, hits, settings)
    chosen = [s for sec in sections for s in sec.sentences]
    if not chosen or not answerable(q, chosen, index, settings):
        return refusal(index, q.text, q.language, q.kind, hits, k, max((c.sim for c in cands), default=0.0))
    for sec in sections:
        sec.sentences = _with_antecedents(sec.sentences, cands, hits, index)
    lead = frame.get(q.kind, frame["lead"]).format(actor=q.actor or "")
    return build(index, q.text, q.language, q.kind, lead, sections, hits, k, confidence=chosen[0].sim)


def choose(
    index: IndexData, q: Question, qvec: np.ndarray, hits: list[Hit], settings: AnswerSettings
) -> tuple[list[Section], list[Sentence]]:
    """The sections to quote for `q` by its kind (best sentence first), and all candidates."""
    cands = ev.candidates(index, hits, PASSAGES.get(q.kind, 3), qvec)
    forms = ev.focus_forms(q, index)
    _score(cands, q, index, forms, ev.focus_weights(forms, index), settings)
    quotable = [c for c in cands if ev.looks_like_sentence(c.text)]
    pick = {"overview": _overview, "position": _position, "comparison": _comparison}.get(q.kind, _fact)
    return pick(quotable, q, index, forms, settings), cands


def evidence(q: Question, chosen: list[Sentence], index: IndexData) -> dict[str, float]:
    """What the abstention rule looks at: similarity, focus coverage, expected kind, unknown words."""
    names, nouns = ev.unknown_terms(q, index)
    kind_ok = q.kind != "fact" or q.expects in (None, "yesno") or any(ev.has_kind(c.text, q.expects) for c in chosen)
    return {
        "sim": chosen[0].sim if chosen else 0.0,
        "coverage": max((c.features.get("coverage", 1.0) for c in chosen), default=0.0),
        "kind_ok": float(kind_ok),
        "unknown_name": float(bool(names)),
        "unknown_noun": float(bool(nouns)),
    }


def _score(
    cands: list[Sentence],
    q: Question,
    index: IndexData,
    forms: dict[str, set[str]],
    weights: dict[str, float],
    settings: AnswerSettings,
) -> None:
    """Each candidate's score: similarity, lexical overlap, focus, expected kind, rank.

    A headline that matches lends its score to the two sentences after it, which say
    what the headline announces.
    """
    q_terms = set(analyze(" ".join([q.query, *[w for ws in q.german.values() for w in ws]]), index.vocab))
    for c in cands:
        terms = set(analyze(c.text, index.vocab))
        lexical = len(q_terms & terms) / len(q_terms) if q_terms else 0.0
        c.features["coverage"] = ev.focus_coverage(forms, weights, f"{c.text} {c.context}", index)
        c.features["own_coverage"] = ev.focus_coverage(forms, weights, c.text, index)
        bonus = 0.0
        if q.kind == "fact" and q.expects not in (None, "yesno"):
            bonus = settings.kind if ev.has_kind(c.text, q.expects) else 0.0
        elif q.kind == "reason":
            bonus = settings.kind if ev.REASON.search(c.text) else 0.0
        c.score = (
            c.sim
            + settings.lexical * lexical
            + settings.focus * c.features["own_coverage"]
            + bonus
            - settings.rank_prior * c.hit_rank
        )
    by_pos = {(c.doc_id, c.idx): c for c in cands}
    for h in [c for c in cands if not ev.looks_like_sentence(c.text)]:
        for step in (1, 2):
            nxt = by_pos.get((h.doc_id, h.idx + step))
            if nxt is not None and ev.looks_like_sentence(nxt.text):
                nxt.score = max(nxt.score, h.score - 0.01 * step)
                nxt.sim = max(nxt.sim, h.sim - 0.01 * step)


def answerable(q: Question, chosen: list[Sentence], index: IndexData, settings: AnswerSettings) -> bool:
    """The evidence rule: close enough, about the question's focus, with the expected kind."""
    return decide(evidence(q, chosen, index), q.language, settings)


def decide(e: dict[str, float], language: str, settings: AnswerSettings) -> bool:
    """Answer only when every piece of evidence is there (see `evidence`)."""
    need = threshold(settings, language, bool(e["unknown_name"]), bool(e["unknown_noun"]))
    return e["sim"] >= need and e["coverage"] >= settings.min_coverage and bool(e["kind_ok"])


def threshold(settings: AnswerSettings, lang: str, unknown_name: bool, unknown_noun: bool = False) -> float:
    """The similarity the best sentence needs: higher when the question names something
    the corpus never mentions (a name: the full step; only a noun: half of it)."""
    base, strict = (
        (settings.min_similarity_en, settings.min_similarity_unknown_en)
        if lang == "en"
        else (settings.min_similarity_de, settings.min_similarity_unknown_de)
    )
    if unknown_name:
        return strict
    return (base + strict) / 2 if unknown_noun else base


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
    """Fact, reason (and the fallback): the best sentences, best first."""
    ranked = _best_first(quotable)
    if q.kind == "fact" and q.expects not in (None, "yesno"):
        with_kind = [c for c in ranked if ev.has_kind(c.text, q.expects)]
        ranked = with_kind + [c for c in ranked if c not in with_kind] if with_kind else ranked
    chosen = _close(ranked, MAX_QUOTES.get(q.kind, 2), settings.margin)
    return [Section("", chosen)] if chosen else []


def _position(
    quotable: list[Sentence], q: Question, index: IndexData, forms: dict[str, set[str]], settings: AnswerSettings
) -> list[Section]:
    """What the actor said: sentences with the actor as speaker, else those naming the actor."""
    actor_stems = _stems_of(q.actor or "", q, forms, index)
    if not actor_stems:
        return _fact(quotable, q, index, forms, settings)
    surety = {id(c): ev.attributed_to(c, actor_stems, index) for c in quotable}
    said = sorted((c for c in quotable if surety[id(c)] > 0), key=lambda c: -(c.score - 0.02 * (1 - surety[id(c)])))
    named = [c for c in quotable if ev.mentions(actor_stems, set(analyze(c.text, index.vocab)))]
    ranked = said or _best_first(named)
    if not ranked:
        return []
    return [Section("", _reading_order(_close(ranked, MAX_QUOTES["position"], 3 * settings.margin)))]


def _overview(
    quotable: list[Sentence], q: Question, index: IndexData, forms: dict[str, set[str]], settings: AnswerSettings
) -> list[Section]:
    """Distinct points from across the passages (maximal marginal relevance), one per line."""
    body = [c for c in quotable if c.idx >= LEAD_SENTENCES]
    ranked = _best_first(body)
    if not ranked:
        return []
    floor = ranked[0].score - 3 * settings.margin
    chosen: list[Sentence] = []
    for c in ranked:
        if c.score < floor or len(chosen) == MAX_QUOTES["overview"]:
            break
        if any(_redundant(c, o, index) for o in chosen):
            continue
        chosen.append(c)
    return [Section("", _reading_order(chosen), as_list=True)]


def _comparison(
    quotable: list[Sentence], q: Question, index: IndexData, forms: dict[str, set[str]], settings: AnswerSettings
) -> list[Section]:
    """For each side, its best sentences (its own statements first)."""
    if len(q.sides) < 2:
        return _overview(quotable, q, index, forms, settings)
    sections = []
    used: set[int] = set()
    for side in q.sides:
        stems = _stems_of(side, q, forms, index)
        about = [
            c
            for c in quotable
            if id(c) not in used and ev.mentions(stems, set(analyze(f"{c.text} {c.context}", index.vocab)))
        ]
        said = [c for c in about if ev.attributed_to(c, stems, index) == 1.0]
        ranked = _best_first(said) + [c for c in _best_first(about) if c not in said]
        chosen = ranked[: MAX_QUOTES["comparison"]]
        used.update(id(c) for c in chosen)
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
    last = parts[-1]
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
            out.append(prev)
            have.add((prev.doc_id, prev.idx))
        out.append(c)
    return out
