"""How likely a sentence answers the question: evidence features and a learned model.

    terms = question_terms(q, index)
    X = features(q, cands, hits, index, terms)        # one row per candidate sentence
    p = ScoringModel.load().predict(X)               # P(sentence holds the answer)

The features are what a careful reader checks: is the sentence about the question
(similarity, and for each question word the nearest word in the sentence and the
sentences before it, by word vectors), does it hold the kind of answer asked for (a
number for "wie viele"), does the question name something the corpus never mentions.
Word overlap counts only there (the same stem is a perfect counterpart), not as features
of its own: readers paraphrase, and on XQuAD held-out articles a model without the
overlap shares ranked better and, in German, abstained better (out-of-fold).
The weights are a logistic regression trained by `benchmarks/train_scoring.py` on XQuAD
with held-out paragraphs (answerable questions, near-topic questions whose paragraph is
not indexed, and questions about articles not indexed); they live in `scoring.json`.
The same probability ranks sentences and decides abstention (`compose.decide`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from chatbot import evidence as ev
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


@dataclass(frozen=True)
class QuestionTerms:
    """What the question names that the corpus lacks."""

    unknown_name: bool
    unknown_noun: bool
    unknown_share: float


def question_terms(q: Question, index: IndexData) -> QuestionTerms:
    """The question's words (German forms of an English question's words included) the corpus never uses."""
    names, nouns = ev.unknown_terms(q, index)
    content = [w for w in q.focus if not w[0].isdigit()]
    unknown = [w for w in content if not any(ev.is_known(f, index) for f in (w, *q.german.get(w, ())))]
    share = len(unknown) / len(content) if content else 0.0
    return QuestionTerms(bool(names), bool(nouns), share)


def features(q: Question, cands: list[Sentence], hits: list[Hit], index: IndexData, terms: QuestionTerms) -> np.ndarray:
    """One row of `FEATURES` per candidate sentence."""
    if not cands:
        return np.zeros((0, len(FEATURES)), np.float32)
    best = max(c.sim for c in cands)
    median = float(np.median([c.sim for c in cands]))
    expects = q.kind == "fact" and q.expects not in (None, "yesno")
    english = q.language == "en"
    own, ctx = alignment(q, cands, index)
    rows = []
    for i, c in enumerate(cands):
        dense = hits[c.hit_rank].dense if c.hit_rank < len(hits) else 0.0
        rows.append(
            (
                c.sim,
                c.sim - best,
                c.sim - median,
                dense,
                min(c.hit_rank, 8) / 8,
                float(terms.unknown_name),
                float(terms.unknown_noun),
                terms.unknown_share,
                float(expects),
                float(expects and ev.has_kind(c.text, q.expects)),
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


def _stems_of(word: str, q: Question, index: IndexData) -> frozenset[str]:
    """The stems of a question word and of its German forms (the first stem of each: the whole word)."""
    german = next((g for k, g in q.german.items() if k.lower() == word), ())
    return frozenset(st[0] for f in (word, *german) if (st := analyze(f, index.vocab)))


@dataclass(frozen=True)
class ScoringModel:
    """A logistic regression over `FEATURES`, and the probability above which the bot answers."""

    coef: tuple[float, ...]
    intercept: float
    threshold_de: float = 0.5
    threshold_en: float = 0.5
    trained_on: str = ""

    def predict(self, X: np.ndarray) -> np.ndarray:
        """P(the sentence holds the answer) for each row of `X`."""
        if not len(X):
            return np.zeros(0, np.float32)
        z = X @ np.asarray(self.coef, np.float32) + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

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
            "threshold_de": round(self.threshold_de, 4),
            "threshold_en": round(self.threshold_en, 4),
            "trained_on": self.trained_on,
        }
        path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


class ScoringError(ChatbotError, ValueError):
    """The scoring model file is missing, damaged, or made for other features."""


@cache
def _load(path: str) -> ScoringModel:
    retrain = "reinstall the package or run `make train`"
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        features = tuple(data["features"])
        model = ScoringModel(
            tuple(float(c) for c in data["coef"]),
            float(data["intercept"]),
            float(data["threshold_de"]),
            float(data["threshold_en"]),
            str(data.get("trained_on", "")),
        )
    except OSError as e:
        raise ScoringError(f"{path}: cannot read the scoring model ({e.strerror}); {retrain}") from None
    except (ValueError, KeyError, TypeError) as e:
        raise ScoringError(f"{path}: damaged scoring model ({type(e).__name__}: {e}); {retrain}") from None
    if features != FEATURES or len(model.coef) != len(FEATURES):
        raise ScoringError(f"{path}: trained on other features; run python -m benchmarks.train_scoring")
    return model
