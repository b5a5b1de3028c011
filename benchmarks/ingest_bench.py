"""Ingest benchmark (`make bench`): throughput, model load, re-ingest, peak memory.

Corpus: the 48 German XQuAD articles, one document each (title plus paragraphs),
ingested with the real pipeline and model into a fresh index. Re-ingest of the
unchanged corpus is run several times and its median reported.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks import xquad
from ingest.embed import E5Embedder
from ingest.pipeline import ingest


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.ingest_bench")
    p.add_argument("--xquad", type=Path, default=xquad.XQUAD_DIR)
    p.add_argument("--repeat", type=int, default=3, help="re-ingest runs (median reported)")
    p.add_argument("--out", type=Path, default=Path("bench-results/ingest.json"))
    args = p.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="ingest-bench-"))
    files = xquad.write_corpus(xquad.load("de", args.xquad), work / "corpus")
    embedder = E5Embedder()
    t = time.perf_counter()
    embedder.warm_up()
    load_s = time.perf_counter() - t

    first = ingest([work / "corpus"], work / "index", embedder)
    again = [ingest([work / "corpus"], work / "index", embedder).seconds for _ in range(args.repeat)]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    res = {
        "articles": len(files),
        "chunks": first.chunks_total,
        "sentences_embedded": first.sentences_embedded,
        "model_load_s": round(load_s, 2),
        "ingest_s": round(first.seconds, 2),
        "chunks_per_s": round(first.chunks_total / first.seconds, 2),
        "articles_per_s": round(len(files) / first.seconds, 3),
        "reingest_unchanged_median_s": round(statistics.median(again), 3),
        "reingest_vs_first_ratio": round(statistics.median(again) / first.seconds, 4),
        "peak_rss_mb": round(peak_mb, 1),
    }
    print("| metric | value |\n|---|---|")
    for k, v in res.items():
        print(f"| {k} | {v} |")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
