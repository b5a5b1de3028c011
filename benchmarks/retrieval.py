"""Retrieval and answer benchmark on XQuAD (`make bench` or `python -m benchmarks.retrieval`).

Builds a corpus from the 48 German XQuAD articles, ingests it with the real pipeline
and model, asks the 1190 German questions and their 1190 English twins, and reports
hit@1/3/5, MRR, answer-hit and warm latency (every question, one at a time, model
loaded) for hybrid retrieval and, in the same run,
for dense-only and BM25-only. Prints a markdown table and writes JSON.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks import xquad
from chatbot.api import Chatbot
from chatbot.compose import compose
from chatbot.retrieve import Mode
from ingest.embed import E5Embedder
from ingest.pipeline import ingest


def evaluate(bot: Chatbot, qs: list[xquad.Question], mode: Mode) -> dict[str, float]:
    """hit@1/3/5, MRR, answer-hit and warm latency of the whole answer, for one mode."""
    h = {1: 0, 3: 0, 5: 0}
    mrr = 0.0
    answer_hits = answered = 0
    times = []
    for q in qs:
        started = time.perf_counter()
        found = bot.search(q.question, k=5, mode=mode)
        hits = found.hits
        ranks = [i for i, hit in enumerate(hits) if xquad.is_hit(hit.chunk.text, q)]
        if ranks:
            r = ranks[0]
            for cut in h:
                h[cut] += r < cut
            mrr += 1 / (r + 1)
        ans = compose(found.index, found.question, found.qvec, hits, k=5, settings=bot.settings)
        times.append((time.perf_counter() - started) * 1000)
        answered += ans.answered
        answer_hits += ans.answered and xquad.answer_hit(ans.answer, q)
    n = len(qs)
    return {
        "hit@1": h[1] / n,
        "hit@3": h[3] / n,
        "hit@5": h[5] / n,
        "mrr": mrr / n,
        "answer_hit": answer_hits / n,
        "answered": answered / n,
        "p50_ms": statistics.median(times),
        "p95_ms": sorted(times)[int(0.95 * (n - 1))],
    }


def table(results: dict) -> str:
    rows = [
        "| questions | retrieval | hit@1 | hit@3 | hit@5 | MRR | answer-hit | answered | p50 ms | p95 ms |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for lang in ("de", "en"):
        for mode in ("hybrid", "dense", "bm25"):
            r = results[lang][mode]
            rows.append(
                f"| {'German' if lang == 'de' else 'English→German'} | {mode} | {r['hit@1']:.3f} | "
                f"{r['hit@3']:.3f} | {r['hit@5']:.3f} | {r['mrr']:.3f} | {r['answer_hit']:.3f} | "
                f"{r['answered']:.3f} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} |"
            )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.retrieval")
    p.add_argument("--xquad", type=Path, default=xquad.XQUAD_DIR)
    p.add_argument("--out", type=Path, default=Path("bench-results/xquad.json"))
    p.add_argument("--work", type=Path, default=None, help="keep corpus and index here")
    args = p.parse_args(argv)

    de, en = xquad.load("de", args.xquad), xquad.load("en", args.xquad)
    work = args.work or Path(tempfile.mkdtemp(prefix="xquad-bench-"))
    xquad.write_corpus(de, work / "corpus")
    embedder = E5Embedder()
    t = time.perf_counter()
    embedder.warm_up()
    load_s = time.perf_counter() - t
    summary = ingest([work / "corpus"], work / "index", embedder)
    bot = Chatbot(work / "index", embedder=embedder)
    questions = {"de": xquad.questions(de, de), "en": xquad.questions(de, en)}
    results: dict = {"model_load_s": load_s, "ingest": summary.as_dict()}
    for lang, qs in questions.items():
        results[lang] = {}
        for mode in ("hybrid", "dense", "bm25"):
            bot.ask("warm up", mode=mode)
            r = evaluate(bot, qs, mode)
            results[lang][mode] = r
            print(f"{lang} {mode}: " + ", ".join(f"{k}={v:.3f}" for k, v in r.items()), flush=True)
    md = table(results)
    print()
    print(md)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
