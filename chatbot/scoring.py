"""How likely a sentence answers the question: evidence features and two learned models.

    terms = question_terms(q, index)
    X = features(q, cands, hits, index, terms)        # one row per candidate sentence
    model = ScoringModel.load()
    rank = model.predict(X)                           # which sentence holds the answer
    answer = model.decide(X)                          # ... and is it there at all?

The features are what a careful reader checks: is the sentence about the question
(similarity; the question's rare words in it or in the sentences before it; for each
question word the nearest word there by word vectors, the same stem counting as a
perfect match), does it hold the kind of answer asked for (a number for "wie viele"),
does the question name something the corpus never mentions.

Choosing a sentence and deciding to answer are two models over the same rows. Word
overlap helps choose (out of fold on XQuAD the right sentence is first 86 % of the time
with it, 84 % without) but misleads the decision: near-topic questions reuse the
articles' words while readers paraphrase the answerable ones, so the decision model
leaves the overlap shares out (`DECIDE`). Both are logistic regressions trained by
`benchmarks/train_scoring.py` on XQuAD with held-out paragraphs (answerable questions,
near-topic questions whose paragraph is not indexed, and questions about articles not
indexed); they live in `scoring.json` with the decision thresholds (`abstain.decide`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from chatbot import known
from chatbot.answer_kinds import has_kind
from chatbot.evidence import Sentence
from chatbot.question import Question
from chatbot.retrieve import Hit
from ingest.analyze import analyze
from ingest.errors import ChatbotError
from ingest.store import IndexData

MODEL_FILE = Path(__file__).with_name("scoring.json")
FEATURES = (
    "sim",  # cosine of question and sentence
    "sim_gap",  # how far below the best candidate's cosine
    "sim_lift",  # how far above the median candidate's cosine (does it stand out?)
    "dense",  # the holding passage's dense score
    "rank",  # the holding passage's rank, 0..1
    "lex",  # weighted share of the question's corpus words in the sentence
    "lex_ctx",  # ... in the sentence and the sentences before it
    "missing",  # the rarest question word missing from sentence and context, relative
    "unknown_name",  # the question names something the corpus never mentions
    "unknown_noun",  # ... a noun (German) the corpus never uses
    "unknown_share",  # share of the question's content words the corpus lacks
    "expects",  # a fact question that expects a kind of answer (number, date, …)
    "kind",  # ... and the sentence holds that kind
    "english",  # an English question (the articles are German)
    "english_sim",  # interaction: similarity means less across languages
    "length",  # sentence length, 0..1
    "align",  # mean over the question's words of the nearest word in the sentence (word vectors)
    "align_min",  # the question word with the weakest counterpart in the sentence and its context
)
# what the decision to answer looks at: everything but the word-overlap shares
DECIDE = tuple(f for f in FEATURES if f not in ("lex", "lex_ctx", "missing"))
DECIDE_COLUMNS = [FEATURES.index(f) for f in DECIDE]


@dataclass(frozen=True)
class QuestionTerms:
    """The question's corpus words with their weights, and what it names that the corpus lacks."""

    weights: dict[str, float]
    unknown_name: bool
    unknown_noun: bool
    unknown_share: float


def question_terms(q: Question, index: IndexData) -> QuestionTerms:
    """Stems of the question (German forms of an English question's words included), weighted by rarity."""
    text = " ".join([q.query, *[w for ws in q.german.values() for w in ws]])
    weights = {s: w for s in dict.fromkeys(analyze(text, index.vocab)) if (w := term_weight(index, s)) > 0}
    names, nouns = known.unknown_terms(q, index)
    content = [w for w in q.focus if not w[0].isdigit()]
    unknown = [w for w in content if not any(known.is_known(f, index) for f in (w, *known.own_german(q, w)))]
    share = len(unknown) / len(content) if content else 0.0
    return QuestionTerms(weights, bool(names), bool(nouns), share)


def features(q: Question, cands: list[Sentence], hits: list[Hit], index: IndexData, terms: QuestionTerms) -> np.ndarray:
    """One row of `FEATURES` per candidate sentence."""
    if not cands:
        return np.zeros((0, len(FEATURES)), np.float32)
    best = max(c.sim for c in cands)
    median = float(np.median([c.sim for c in cands]))
    expects = q.kind == "fact" and q.expects not in (None, "yesno")
    english = q.language == "en"
    own, ctx = alignment(q, cands, index)
    total = sum(terms.weights.values())
    top = max(terms.weights.values(), default=0.0)
    rows = []
    for i, c in enumerate(cands):
        text_stems = index.stems(c.text)
        ctx_stems = text_stems | index.stems(c.context)
        in_own = {s for s in terms.weights if _same_word(s, text_stems)}
        in_ctx = in_own | {s for s in terms.weights if s not in in_own and _same_word(s, ctx_stems)}
        lex = sum(terms.weights[s] for s in in_own) / total if total else 0.0
        lex_ctx = sum(terms.weights[s] for s in in_ctx) / total if total else 0.0
        missing = max((w for s, w in terms.weights.items() if s not in in_ctx), default=0.0) / top if top else 0.0
        dense = hits[c.hit_rank].dense if c.hit_rank < len(hits) else 0.0
        rows.append(
            (
                c.sim,
                c.sim - best,
                c.sim - median,
                dense,
                min(c.hit_rank, 8) / 8,
                lex,
                lex_ctx,
                missing,
                float(terms.unknown_name),
                float(terms.unknown_noun),
                terms.unknown_share,
                float(expects),
                float(expects and has_kind(c.text, q.expects)),
                float(english),
                c.sim * english,
                min(len(c.text), 400) / 400,
                float(own[i].mean()) if own.shape[1] else 1.0,
                float(ctx[i].min()) if ctx.shape[1] else 1.0,
            )
        )
    return np.asarray(rows, np.float32)


def alignment(q: Question, cands: list[Sentence], index: IndexData) -> tuple[np.ndarray, np.ndarray]:
    """For each candidate and each of the question's words (`Question.align_words`), the
    cosine of the nearest corpus word in the sentence, and in the sentence and its context;
    1.0 where the sentence has the word's stem (or a German form's, for an English word).

    Word vectors come from the index's lexicon (every content word of the corpus, embedded
    at ingest) and from the question (embedded with it), so a paraphrase ("Heer" for
    "Armee") or a translation ("troops") still finds its counterpart, while a question word
    with no counterpart at all ("Verteidigungsetat") shows as a low value.
    """
    n = len(cands)
    words = [w for w in q.align_words if w in q.word_vectors]
    own = np.zeros((n, len(words)), np.float32)
    ctx = np.zeros((n, len(words)), np.float32)
    if not words:
        return own, ctx
    used = sorted({r for c in cands for r in (*index.word_rows(c.text), *index.word_rows(c.context))})
    if used and len(index.lexicon):
        col = {r: i for i, r in enumerate(used)}
        Q = np.stack([q.word_vectors[w] for w in words]).astype(np.float32)
        sims = Q @ index.lexicon_vectors[used].T  # (question words, corpus words in the candidates)
        for i, c in enumerate(cands):
            a = [col[r] for r in index.word_rows(c.text)]
            b = a + [col[r] for r in index.word_rows(c.context)]
            if a:
                own[i] = sims[:, a].max(axis=1)
            if b:
                ctx[i] = sims[:, b].max(axis=1)
    forms = [_stems_of(w, q, index) for w in words]
    for i, c in enumerate(cands):
        in_own, in_ctx = index.stems(c.text), index.stems(c.context)
        for j, f in enumerate(forms):
            if f & in_own:
                own[i, j] = ctx[i, j] = 1.0
            elif f & in_ctx:
                ctx[i, j] = 1.0
    for c, best in zip(cands, ctx, strict=True):
        c.features.update({f"w:{w}": float(v) for w, v in zip(words, best, strict=True)})
    return own, ctx


def term_weight(index: IndexData, stem_: str) -> float:
    """Inverse passage frequency of a stem: rare words say more about what is asked."""
    bm25 = index.bm25
    if bm25 is None:
        return 1.0
    return bm25.idf(stem_)


def _same_word(stem_: str, stems: frozenset[str]) -> bool:
    """Is `stem_` among `stems`, or the start of one, or one the start of it (names in the
    genitive, "Selenskyjs"; compounds, "Sicherheitsgarantien" for "Sicherheit")? Five letters at least."""
    if stem_ in stems:
        return True
    if len(stem_) < 5:
        return False
    return any(t.startswith(stem_) or (len(t) >= 5 and stem_.startswith(t)) for t in stems)


def _stems_of(word: str, q: Question, index: IndexData) -> frozenset[str]:
    """The stems of a question word and of its German forms (the first stem of each: the whole word)."""
    german = next((g for k, g in q.german.items() if k.lower() == word), ())
    return frozenset(st[0] for f in (word, *german) if (st := analyze(f, index.vocab)))


@dataclass(frozen=True)
class ScoringModel:
    """Two logistic regressions, one over `FEATURES` (which sentence holds the answer) and
    one over `DECIDE` (is the answer there at all), and the decision probability above
    which the bot answers, per language."""

    coef: tuple[float, ...]
    intercept: float
    decide_coef: tuple[float, ...]
    decide_intercept: float
    threshold_de: float = 0.5
    threshold_en: float = 0.5
    trained_on: str = ""

    def predict(self, X: np.ndarray) -> np.ndarray:
        """P(the sentence holds the answer) for each row of `X`: what ranks the sentences."""
        return _logistic(X, self.coef, self.intercept)

    def decide(self, X: np.ndarray) -> np.ndarray:
        """The same probability from the decision model (no word-overlap features): what
        the thresholds apply to."""
        return _logistic(X[:, DECIDE_COLUMNS] if len(X) else X, self.decide_coef, self.decide_intercept)

    def threshold(self, language: str) -> float:
        return self.threshold_en if language == "en" else self.threshold_de

    @staticmethod
    def load(path: Path = MODEL_FILE) -> ScoringModel:
        return _load(str(path))

    def save(self, path: Path = MODEL_FILE) -> None:
        data = {
            "features": list(FEATURES),
            "coef": [round(float(c), 6) for c in self.coef],
            "intercept": round(float(self.intercept), 6),
            "decide_features": list(DECIDE),
            "decide_coef": [round(float(c), 6) for c in self.decide_coef],
            "decide_intercept": round(float(self.decide_intercept), 6),
            "threshold_de": round(self.threshold_de, 4),
            "threshold_en": round(self.threshold_en, 4),
            "trained_on": self.trained_on,
        }
        path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def _logistic(X: np.ndarray, coef: tuple[float, ...], intercept: float) -> np.ndarray:
    if not len(X):
        return np.zeros(0, np.float32)
    z = X @ np.asarray(coef, np.float32) + intercept
    return 1.0 / (1.0 + np.exp(-z))


class ScoringError(ChatbotError, ValueError):
    """The scoring model file is missing, damaged, or made for other features."""


@cache
def _load(path: str) -> ScoringModel:
    retrain = "reinstall the package or run `make train`"
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        features = (tuple(data["features"]), tuple(data["decide_features"]))
        model = ScoringModel(
            tuple(float(c) for c in data["coef"]),
            float(data["intercept"]),
            tuple(float(c) for c in data["decide_coef"]),
            float(data["decide_intercept"]),
            float(data["threshold_de"]),
            float(data["threshold_en"]),
            str(data.get("trained_on", "")),
        )
    except OSError as e:
        raise ScoringError(f"{path}: cannot read the scoring model ({e.strerror}); {retrain}") from None
    except (ValueError, KeyError, TypeError) as e:
        raise ScoringError(f"{path}: damaged scoring model ({type(e).__name__}: {e}); {retrain}") from None
    if features != (FEATURES, DECIDE) or (len(model.coef), len(model.decide_coef)) != (len(FEATURES), len(DECIDE)):
        raise ScoringError(f"{path}: trained on other features; run python -m benchmarks.train_scoring")
    return model
