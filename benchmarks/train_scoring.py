"""Train the sentence scoring model (`chatbot/scoring.json`) and choose when to answer.

Training data is XQuAD, never the seed articles or our own questions:
- the articles at odd positions are indexed, each without every third paragraph
  (`xquad.split(parity=1)`); questions on indexed paragraphs are answerable, questions on
  held-out paragraphs are near-topic unanswerable ones (their article is there, the fact
  is not), and the questions of the even articles are unanswerable off-topic ones;
- German questions and their English twins, asked through the real chatbot.
Each candidate sentence of each question is one row (`compose.candidate_features`),
labelled 1 when it holds the gold answer. Two logistic regressions are fitted: one on all
features ranks the sentences, one without the word-overlap shares (`scoring.DECIDE`)
decides whether to answer. The answer threshold per language is chosen on out-of-fold
predictions (folds by article) to minimise false abstentions plus the false-answer rates
of near and off-topic questions (a wrong answer costs at least as much as a refusal).
`benchmarks.answers` evaluates on the other half (even articles).

    python -m benchmarks.train_scoring [--work DIR] [--dry-run]
"""

from __future__ import annotations

import argparse
import pickle
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from benchmarks import xquad
from chatbot import evidence as ev
from chatbot.answer_kinds import sentence_holds_answer
from chatbot.api import Chatbot
from chatbot.compose import candidate_features
from chatbot.scoring import DECIDE, DECIDE_COLUMNS, FEATURES, ScoringModel
from ingest.embed import E5Embedder
from ingest.pipeline import ingest

THRESHOLDS = np.round(np.arange(0.05, 0.96, 0.025), 3)


@dataclass
class Row:
    """One question: its candidates' features, which hold the gold answer, and what the kind rule needs."""

    qid: str
    language: str
    group: str
    article: str
    X: np.ndarray
    y: np.ndarray
    has_kind: np.ndarray  # the candidate holds the expected kind of answer (all True without one)
    expects: bool


def collect(bot: Chatbot, de: dict, data_q: dict, split: xquad.Split, language: str) -> list[Row]:
    """Ask every question of `data_q` that the split assigns a group, and featurise its candidates."""
    rows = []
    for q in xquad.questions(de, data_q):
        group = split.group.get(q.qid)
        if group is None:
            continue
        r = bot.search(q.question)
        cands, X = candidate_features(r.index, r.question, r.qvec, r.hits)
        keep = [i for i, c in enumerate(cands) if ev.quotable(c.text)]
        y = np.array([group == "answerable" and xquad.answer_hit(cands[i].text, q) for i in keep], bool)
        qq = r.question
        expects = qq.kind == "fact" and qq.expects not in (None, "yesno")
        kinds = np.array([not expects or sentence_holds_answer(cands[i], qq, r.index) for i in keep], bool)
        rows.append(Row(q.qid, language, group, split.article[q.qid], X[keep], y, kinds, expects))
    return rows


def configurations(split: xquad.Split) -> list[tuple[str, dict, dict[str, str]]]:
    """The indexes to learn from: the whole archive of indexed articles (off-topic questions
    included), and each article alone (a small single-topic corpus like the seed articles)."""
    out = [("archive", split.corpus, split.group)]
    for n, art in enumerate(split.corpus["data"]):
        group = {q: g for q, g in split.group.items() if split.article[q] == art["title"] and g != "far"}
        out.append((f"topic-{n:02d}", {**split.corpus, "data": [art]}, group))
    return out


def build(folder: Path, corpus: dict, embedder: E5Embedder) -> Path:
    """`folder/index` for `corpus`, reused when it exists."""
    index = folder / "index"
    if not index.exists():
        xquad.write_corpus(corpus, folder / "corpus")
        summary = ingest([folder / "corpus"], index, embedder)
        if summary.failed:
            raise SystemExit(f"error: ingest failed for {summary.failed}")
    return index


Probs = tuple[np.ndarray, np.ndarray]  # per candidate: the ranking model's and the decision model's probability


def decisions(rows: list[Row], probs: list[Probs], threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """Per question: answered? and did the chosen sentence hold the answer? (as the chatbot
    decides: the best-ranked sentence with the expected kind, answered when its decision
    probability reaches the threshold)."""
    answered, hit = [], []
    for r, (rank, decide) in zip(rows, probs, strict=True):
        if not len(rank):
            answered.append(False)
            hit.append(False)
            continue
        with_kind = np.flatnonzero(r.has_kind)
        best = int(with_kind[np.argmax(rank[with_kind])]) if len(with_kind) else int(np.argmax(rank))
        ok = bool(decide[best] >= threshold and r.has_kind[best])
        answered.append(ok)
        hit.append(ok and bool(r.y[best]))
    return np.array(answered), np.array(hit)


def rates(rows: list[Row], probs: list[Probs], threshold: float) -> dict[str, float]:
    answered, hit = decisions(rows, probs, threshold)
    out = {}
    for g in xquad.GROUPS:
        m = np.array([r.group == g for r in rows])
        out[g] = float(answered[m].mean()) if m.any() else 0.0
        out[f"n_{g}"] = int(m.sum())
    m = np.array([r.group == "answerable" for r in rows])
    out["hit"] = float(hit[m].mean()) if m.any() else 0.0
    out["false_abstention"] = 1 - out["answerable"]
    # a confident, cited, wrong answer misleads; a refusal only disappoints: every false
    # answer (near-topic or off-topic) costs as much as a false abstention
    out["cost"] = out["false_abstention"] + out["near"] + out["far"]
    return out


def fit(rows: list[Row], columns: list[int] | None = None) -> LogisticRegression:
    """A logistic regression on the rows' features (or only `columns` of them)."""
    X = np.concatenate([r.X if columns is None else r.X[:, columns] for r in rows])
    y = np.concatenate([r.y for r in rows])
    return LogisticRegression(C=1.0, max_iter=5000).fit(X, y)


def out_of_fold(rows: list[Row], folds: int = 5) -> list[Probs]:
    """Each question's candidate probabilities (ranking, decision) from models that never saw its article."""
    probs: list[Probs] = [(np.zeros(0), np.zeros(0))] * len(rows)
    groups = [r.article for r in rows]
    for train, test in GroupKFold(folds).split(rows, groups=groups):
        part = [rows[i] for i in train]
        rank, decide = fit(part), fit(part, DECIDE_COLUMNS)
        for i in test:
            X = rows[i].X
            if len(X):
                probs[i] = (rank.predict_proba(X)[:, 1], decide.predict_proba(X[:, DECIDE_COLUMNS])[:, 1])
    return probs


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.train_scoring", description=__doc__.split("\n\n")[0])
    p.add_argument("--work", type=Path, help="keep (and reuse) the training index here")
    p.add_argument("--rows", type=Path, help="cache the featurised questions in FILE (pickle); reuse it when it exists")
    p.add_argument("--dry-run", action="store_true", help="print the figures, do not write chatbot/scoring.json")
    args = p.parse_args(argv)
    de, en = xquad.load("de"), xquad.load("en")
    split = xquad.split(de, parity=1)
    work = args.work or Path(tempfile.mkdtemp(prefix="train-scoring-"))
    embedder = E5Embedder()
    started = time.perf_counter()
    if args.rows and args.rows.exists():
        try:
            rows: list[Row] = pickle.loads(args.rows.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as e:
            raise SystemExit(f"error: {args.rows}: not a readable rows cache ({e}); delete it to rebuild") from None
    else:
        rows = []
        for name, corpus, group in configurations(split):
            bot = Chatbot(build(work / name, corpus, embedder), embedder=embedder)
            split_ = xquad.Split(corpus, group, split.article)
            rows += collect(bot, de, de, split_, "de") + collect(bot, de, en, split_, "en")
        if args.rows:
            args.rows.write_bytes(pickle.dumps(rows))
    n_cands = sum(len(r.y) for r in rows)
    print(f"{len(rows)} questions, {n_cands} candidate sentences ({time.perf_counter() - started:.0f} s)")

    probs = out_of_fold(rows)
    print("\nOut-of-fold sweep (folds by article): share answered per group, answer-hit on answerable\n")
    print(
        "| language | threshold | answerable answered | answer-hit | near-topic answered | off-topic answered | cost |"
    )
    print("|---|---|---|---|---|---|---|")
    chosen = {}
    for lang in ("de", "en"):
        idx = [i for i, r in enumerate(rows) if r.language == lang]
        sub, sub_p = [rows[i] for i in idx], [probs[i] for i in idx]
        sweep = {float(t): rates(sub, sub_p, float(t)) for t in THRESHOLDS}
        chosen[lang] = min(sweep, key=lambda t: sweep[t]["cost"])
        for t, v in sweep.items():
            if abs(t - chosen[lang]) <= 0.1 + 1e-9:
                mark = " **chosen**" if t == chosen[lang] else ""
                print(
                    f"| {lang} | {t:.3f}{mark} | {v['answerable']:.3f} | {v['hit']:.3f} | {v['near']:.3f} | "
                    f"{v['far']:.3f} | {v['cost']:.3f} |"
                )
    counts = {g: sum(r.group == g for r in rows) for g in xquad.GROUPS}
    print(f"\nquestions per group (both languages): {counts}")

    rank, decide = fit(rows), fit(rows, DECIDE_COLUMNS)
    for title, names, model in (("ranking", FEATURES, rank), ("decision", DECIDE, decide)):
        print(f"\n{title} weights:")
        for name, w in zip(names, model.coef_[0], strict=True):
            print(f"  {name:15s} {w:+.3f}")
        print(f"  {'intercept':15s} {model.intercept_[0]:+.3f}")
    trained = ScoringModel(
        tuple(float(w) for w in rank.coef_[0]),
        float(rank.intercept_[0]),
        tuple(float(w) for w in decide.coef_[0]),
        float(decide.intercept_[0]),
        chosen["de"],
        chosen["en"],
        trained_on=f"XQuAD odd articles, every third paragraph held out; {len(rows)} questions (de+en)",
    )
    if not args.dry_run:
        trained.save()
        print("\nwrote chatbot/scoring.json")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
