"""Scale probe: our own pipeline's cost as the archive grows (a fast fake embedder).

Synthetic German articles of 4 XQuAD paragraphs each, plus 5 made-up names per article
so the vocabulary grows as a news archive's does. Each size runs in its own process
(for a clean peak RSS): first ingest, adding ONE article to that archive, loading the
index, asking 60 XQuAD questions (p50/p95, no model: the fake embedder costs
microseconds), peak RSS, and the size on disk of the live version.

    python -m benchmarks.scale [--sizes 1000,10000] [--batch 10000]

The first ingest of a big archive runs in batches of `--batch` articles (an archive is
ingested as it grows; one batch is one segment), and its time is the sum.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from benchmarks import report, xquad

DIM = 384
QUESTIONS = 60


class FastFakeEmbedder:
    """A unit vector per text, seeded by its hash: no model, microseconds a text."""

    model_id = "fake-fast-384"
    dim = DIM

    def embed(
        self, texts: Sequence[str], kind: str = "passage", on_batch: Callable[[int], None] | None = None
    ) -> np.ndarray:
        out = np.empty((len(texts), DIM), np.float32)
        for i, t in enumerate(texts):
            seed = int.from_bytes(hashlib.blake2b(t.encode(), digest_size=8).digest(), "little")
            out[i] = np.random.default_rng(seed).standard_normal(DIM)
        out /= np.linalg.norm(out, axis=1, keepdims=True)
        if on_batch:
            on_batch(len(texts))
        return out


def write_articles(out: Path, n: int, start: int = 0, seed: int = 0) -> None:
    paragraphs = [p["context"] for a in xquad.load("de")["data"] for p in a["paragraphs"]]
    rng = np.random.default_rng(seed + start)
    syll = ["ka", "lo", "mi", "ner", "tus", "va", "bre", "dor", "fin", "gel", "hos", "wen"]
    for i in range(start, start + n):
        picked = rng.choice(len(paragraphs), 4, replace=False)
        names = ["".join(rng.choice(syll, 3)).capitalize() for _ in range(5)]
        body = "\n\n".join(paragraphs[j] for j in picked)
        lead = f"Bericht {i}: {', '.join(names)} äußerten sich am Montag."
        (out / f"a{i:06d}.md").write_text(f"---\ntitle: Artikel {i}\n---\n{lead}\n\n{body}\n", encoding="utf-8")


def du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def one(n: int, work: Path, batch: int = 10_000) -> dict:
    """Measure one archive size (run in a fresh process)."""
    from chatbot.api import Chatbot
    from ingest.pipeline import ingest
    from ingest.store import current_version, load_index

    corpus, index = work / "corpus", work / "index"
    corpus.mkdir(parents=True)
    emb = FastFakeEmbedder()
    first_s = 0.0
    for start in range(0, n, batch):
        write_articles(corpus, min(batch, n - start), start=start)
        t = time.perf_counter()
        first = ingest([corpus], index, emb)
        first_s += time.perf_counter() - t
    write_articles(corpus, 1, start=n, seed=1)
    t = time.perf_counter()
    ingest([corpus], index, emb)
    add_s = time.perf_counter() - t
    t = time.perf_counter()
    load_index(index, model_id=emb.model_id)
    load_s = time.perf_counter() - t
    bot = Chatbot(index, embedder=emb)  # type: ignore[arg-type]
    bot.ask("Wer ist Artikel 1?")  # builds the caches a question uses
    de = xquad.load("de")
    qs = [q.question for q in xquad.questions(de, de)][:: max(1, 1190 // QUESTIONS)][:QUESTIONS]
    times = []
    for q in qs:
        t = time.perf_counter()
        bot.ask(q)
        times.append(1000 * (time.perf_counter() - t))
    vdir = current_version(index)
    assert vdir is not None
    segments = len(json.loads((vdir / "manifest.json").read_text(encoding="utf-8"))["segments"])
    return {
        "articles": n,
        "passages": first.chunks_total,
        "segments": segments,
        "first_ingest_s": round(first_s, 1),
        "add_one_s": round(add_s, 2),
        "load_s": round(load_s, 2),
        "ask_p50_ms": round(statistics.median(times), 1),
        "ask_p95_ms": round(float(np.percentile(times, 95)), 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "disk_mb": round(du(vdir) / 1e6),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.scale")
    p.add_argument("--sizes", default="1000,10000")
    p.add_argument("--batch", type=int, default=10_000, help="articles per ingest while building the archive")
    p.add_argument("--one", type=int, help=argparse.SUPPRESS)
    p.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--out", type=Path, default=Path("bench-results/scale.json"))
    args = p.parse_args(argv)
    if args.one:
        print(json.dumps(one(args.one, args.work, args.batch)))
        return 0
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        work = Path(tempfile.mkdtemp(prefix=f"scale-{n}-"))
        try:
            done = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "benchmarks.scale",
                    "--one",
                    str(n),
                    "--work",
                    str(work),
                    "--batch",
                    str(args.batch),
                ],
                capture_output=True,
                text=True,
                check=False,
            )
        finally:
            shutil.rmtree(work, ignore_errors=True)
        if done.returncode:
            print(f"{n} articles failed:\n{done.stderr[-2000:]}", file=sys.stderr)
            continue
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), flush=True)
    if rows:
        print("\n" + report.table(rows))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0 if rows else 1


if __name__ == "__main__":
    raise SystemExit(main())
