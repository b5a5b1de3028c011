"""Abstention calibration: answer rates on answerable and unanswerable questions.

Ingests the seed corpus with the real model, asks `tests/data/seed_questions.jsonl`
(answerable questions, and unanswerable off-topic and near-topic ones), and reports the
false-abstention and false-answer rates with the current thresholds, plus a sweep of
the similarity threshold. With --xquad-index, XQuAD questions against their own corpus
add a larger answerable set.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from dataclasses import replace
from pathlib import Path

from benchmarks import xquad
from chatbot.answer import AnswerSettings, threshold
from chatbot.api import Chatbot
from ingest.embed import E5Embedder
from ingest.pipeline import ingest

ROOT = Path(__file__).resolve().parent.parent


def rates(rows: list[dict], settings: AnswerSettings) -> dict[str, float]:
    """False-abstention and false-answer rates under `settings` (the rule `compose` uses)."""

    def answered(r: dict) -> bool:
        return r["confidence"] >= threshold(settings, r["language"], bool(r["unknown"]))

    pos = [r for r in rows if r["answerable"]]
    neg = [r for r in rows if not r["answerable"]]
    return {
        "false_abstention": sum(not answered(r) for r in pos) / max(1, len(pos)),
        "false_answer": sum(answered(r) for r in neg) / max(1, len(neg)),
        "n_answerable": len(pos),
        "n_unanswerable": len(neg),
    }


def collect(bot: Chatbot, questions: list[dict]) -> list[dict]:
    from chatbot.answer import unknown_terms

    rows = []
    for q in questions:
        a = bot.ask(q["question"])
        cited = " ".join(c.text for c in a.citations if c.cited) or " ".join(c.text for c in a.citations)
        rows.append(
            {
                **q,
                "language": a.language,
                "confidence": a.confidence,
                "answered": a.answered,
                "unknown": unknown_terms(q["question"], a.language, bot.index),
                "expect_found": q.get("expect", "") in cited if q["answerable"] else None,
            }
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.abstention")
    p.add_argument("--questions", type=Path, default=ROOT / "tests" / "data" / "seed_questions.jsonl")
    p.add_argument("--xquad-index", type=Path, help="an index of the XQuAD corpus (from chatbot.bench --work)")
    p.add_argument("--xquad-n", type=int, default=300)
    args = p.parse_args(argv)

    embedder = E5Embedder()
    work = Path(tempfile.mkdtemp(prefix="abstain-"))
    ingest([ROOT / "corpus"], work / "index", embedder)
    bot = Chatbot(work / "index", embedder=embedder)
    seed_qs = [json.loads(line) for line in args.questions.read_text(encoding="utf-8").splitlines() if line]
    rows = collect(bot, seed_qs)
    for r in rows:
        flag = "ok " if r["answered"] == r["answerable"] else "BAD"
        print(f"{flag} {r['confidence']:.3f} {r['unknown']!s:20.20} {r['question']}")
    if args.xquad_index:
        de, en = xquad.load("de"), xquad.load("en")
        xbot = Chatbot(args.xquad_index, embedder=embedder)
        for lang, data in (("de", de), ("en", en)):
            qs = xquad.questions(de, data)[: args.xquad_n]
            rows += collect(xbot, [{"question": q.question, "answerable": True, "kind": f"xquad-{lang}"} for q in qs])
    s = AnswerSettings()
    print("\ncurrent thresholds:", json.dumps(rates(rows, s)))
    for kind in sorted({r.get("kind", "seed") for r in rows}):
        sub = [r for r in rows if r.get("kind", "seed") == kind]
        print(f"  {kind}: answered {sum(r['answered'] for r in sub)}/{len(sub)}")
    seed_pos = [r for r in rows if r["answerable"] and "kind" not in r]
    print(
        f"  seed answerable whose expected passage was returned: "
        f"{sum(bool(r['expect_found']) for r in seed_pos)}/{len(seed_pos)}"
    )
    print("\nsweep (de, en; +0.08 when a term is unknown) -> false_abstention, false_answer")
    for de_t in (0.80, 0.81, 0.82, 0.83):
        for en_t in (0.78, 0.79, 0.80):
            t = replace(
                s,
                min_similarity_de=de_t,
                min_similarity_en=en_t,
                min_similarity_unknown_de=de_t + 0.08,
                min_similarity_unknown_en=en_t + 0.08,
            )
            r = rates(rows, t)
            print(f"  {de_t:.3f} {en_t:.3f} -> {r['false_abstention']:.3f} {r['false_answer']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
