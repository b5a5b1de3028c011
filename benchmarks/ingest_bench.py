"""Ingest benchmark (`make bench`): throughput by encoder, quality kept, re-ingest, memory.

Corpus: the 48 German XQuAD articles, one document each (title plus paragraphs),
ingested with the real pipeline and model into a fresh index, once per encoder in one
run, so the ratios are measured on the same box at the same time:

    torch-32    sentence-transformers, 32 texts per batch (the encoder before ONNX)
    torch       sentence-transformers, 8 texts per batch
    onnx        ONNX Runtime, float32 (the default)
    onnx-int8   ONNX Runtime, int8 weights

Each fresh index is then asked the German and English XQuAD questions (hybrid
retrieval): hit@1 and answer-hit show what an encoder costs in quality. Re-ingest of
the unchanged corpus runs several times with the default encoder; its median is reported.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks import report, xquad
from benchmarks.retrieval import evaluate
from chatbot.api import Chatbot
from ingest.embed import Backend, E5Embedder
from ingest.pipeline import ingest

ENCODERS: dict[str, tuple[Backend, int]] = {
    "torch-32": ("torch", 32),
    "torch": ("torch", 8),
    "onnx": ("onnx", 8),
    "onnx-int8": ("onnx-int8", 8),
}


def run_encoder(name: str, files_dir: Path, work: Path, de: dict, en: dict, quality: bool) -> dict:
    backend, batch = ENCODERS[name]
    embedder = E5Embedder(backend=backend, batch_size=batch)
    t = time.perf_counter()
    embedder.warm_up()
    load_s = time.perf_counter() - t
    first = ingest([files_dir], work / name, embedder)
    res = {
        "encoder": name,
        "model_load_s": round(load_s, 2),
        "ingest_s": round(first.seconds, 2),
        "passages": first.chunks_total,
        "passages_per_s": round(first.chunks_total / first.seconds, 2),
        "articles_per_s": round(first.documents_total / first.seconds, 3),
        "sentences_embedded": first.sentences_embedded,
    }
    if quality:
        bot = Chatbot(work / name, embedder=embedder)
        bot.ask("warm up")
        for lang, qs in (("de", xquad.questions(de, de)), ("en", xquad.questions(de, en))):
            r = evaluate(bot, qs, "hybrid")
            res[f"{lang}_hit@1"] = round(r["hit@1"], 3)
            res[f"{lang}_answer_hit"] = round(r["answer_hit"], 3)
    print(json.dumps(res), flush=True)
    return res


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.ingest_bench")
    p.add_argument("--xquad", type=Path, default=xquad.XQUAD_DIR)
    p.add_argument("--encoders", default=",".join(ENCODERS), help=f"comma-separated: {', '.join(ENCODERS)}")
    p.add_argument("--no-quality", action="store_true", help="skip the XQuAD questions on each index")
    p.add_argument("--repeat", type=int, default=3, help="re-ingest runs (median reported)")
    p.add_argument("--out", type=Path, default=Path("bench-results/ingest.json"))
    args = p.parse_args(argv)
    names = [n.strip() for n in args.encoders.split(",") if n.strip()]
    if unknown := [n for n in names if n not in ENCODERS]:
        p.error(f"unknown encoder {unknown[0]!r}; choose from {', '.join(ENCODERS)}")

    work = Path(tempfile.mkdtemp(prefix="ingest-bench-"))
    de, en = xquad.load("de", args.xquad), xquad.load("en", args.xquad)
    files = xquad.write_corpus(de, work / "corpus")
    rows = [run_encoder(n, work / "corpus", work, de, en, not args.no_quality) for n in names]

    default = E5Embedder()
    ingest([work / "corpus"], work / "again", default)
    again = [ingest([work / "corpus"], work / "again", default).seconds for _ in range(args.repeat)]
    base = rows[0]["passages_per_s"]
    cols = ["encoder", "passages_per_s", "articles_per_s", "ingest_s", "model_load_s"]
    if not args.no_quality:
        cols += ["de_hit@1", "de_answer_hit", "en_hit@1", "en_answer_hit"]
    print(f"\n{len(files)} XQuAD articles, {rows[0]['passages']} passages; speed-up against {rows[0]['encoder']}\n")
    shown = [{**r, "speed-up": f"{r['passages_per_s'] / base:.2f}x"} for r in rows]
    print(report.table(shown, [*cols, "speed-up"]))
    res = {
        "articles": len(files),
        "encoders": rows,
        "reingest_unchanged_median_s": round(statistics.median(again), 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    print(f"\nre-ingest unchanged (median of {args.repeat}): {res['reingest_unchanged_median_s']} s")
    print(f"peak RSS: {res['peak_rss_mb']} MB")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
