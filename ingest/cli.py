"""`python -m ingest PATH... [--index DIR] [--prune] [--json]`: the operator's command line.

Progress bars on a terminal, plain lines otherwise, one summary line at the end (or one
JSON object with --json). Exit code 0 when every file went in, 1 when any failed, 2 when
the run itself could not happen (no model, unusable index folder).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ingest.embed import BACKENDS, E5Embedder, Embedder, HashEmbedder
from ingest.errors import ChatbotError
from ingest.load import MAX_BYTES
from ingest.pipeline import Progress, ingest


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m ingest", description="Ingest articles into the index.")
    p.add_argument("paths", nargs="*", type=Path, help="article files or folders (.txt .md .html .pdf)")
    p.add_argument(
        "--watch", action="store_true", help="keep running: ingest the paths again whenever files appear or change"
    )
    p.add_argument(
        "--verify", action="store_true", help="check every index version's files against their checksums, then exit"
    )
    p.add_argument("--index", type=Path, default=Path(os.environ.get("CHATBOT_INDEX", "index")))
    p.add_argument("--prune", action="store_true", help="drop documents whose files are gone")
    p.add_argument(
        "--optimize", action="store_true", help="merge the index's segments into one (nothing is embedded again)"
    )
    p.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    p.add_argument("--max-mb", type=float, default=MAX_BYTES / 1e6, help="refuse larger files")
    p.add_argument(
        "--encoder",
        choices=BACKENDS,
        default="onnx",
        help="onnx: the default; onnx-int8: 2.7x faster, English hit@1 1.7 points lower (benchmarks/ingest_bench.py)",
    )
    p.add_argument("--fake-embedder", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    return p.parse_args(argv)


def make_progress(quiet: bool) -> tuple[Progress, Any]:
    """A progress callback: tqdm bars on a terminal, a plain line per stage otherwise."""
    bars: dict[str, Any] = {}
    if quiet:
        return (lambda stage, done, total: None), bars
    if sys.stderr.isatty():
        from tqdm import tqdm

        def bar(stage: str, done: int, total: int) -> None:
            b = bars.get(stage)
            if b is None:
                b = bars[stage] = tqdm(total=total, desc=stage, unit=stage.rstrip("s"), leave=False)
            b.total = total
            b.n = done
            b.refresh()

        return bar, bars
    started: set[str] = set()

    def plain(stage: str, done: int, total: int) -> None:
        if stage not in started and total:
            started.add(stage)
            print(f"{stage}: {total} to process", file=sys.stderr)
        elif done == total and total and (stage + "!") not in started:
            started.add(stage + "!")
            print(f"{stage}: {done}/{total} done", file=sys.stderr)

    return plain, bars


def verify_index(index_dir: Path) -> int:
    """One line per version; exit 0 when the live one is intact, 1 when readers fall back to
    an older one (the next ingest repairs), 2 when none is intact or there is no index."""
    from ingest.integrity import verify, versions
    from ingest.store import REQUIRED_FILES, current_name

    live = current_name(index_dir) if index_dir.exists() else None
    if live is None:
        print(f"error: no index at {index_dir}: run `python -m ingest corpus/ --index {index_dir}`", file=sys.stderr)
        return 2
    intact = {}
    for name in reversed(versions(index_dir)):
        problem = verify(index_dir / name, checksums=True, required=REQUIRED_FILES)
        intact[name] = problem is None
        state = "intact" if problem is None else f"DAMAGED: {problem}"
        print(f"{name}{' (live)' if name == live else ''}: {state}")
    if intact.get(live):
        return 0
    if any(ok for name, ok in intact.items() if name < live):
        print(f"readers use the newest intact version; `python -m ingest corpus/ --index {index_dir}` repairs it")
        return 1
    print(f"error: no intact version: rebuild with `python -m ingest corpus/ --index {index_dir}`", file=sys.stderr)
    return 2


def watch_and_ingest(args: argparse.Namespace, run: Callable[[], Any], bars: dict[str, Any]) -> int:
    """Ingest now and after every change; one line per run; Ctrl-C stops cleanly."""
    from ingest.watch import watch

    def once() -> None:
        try:
            summary = run()
            line = json.dumps(summary.as_dict(), ensure_ascii=False) if args.json else summary.line()
        except ChatbotError as e:
            line = f"error: {e}"
        finally:
            for b in bars.values():
                b.close()
            bars.clear()
        print(f"{time.strftime('%H:%M:%S')} {line}", flush=True)

    def stop(*_: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)  # a service manager's stop ends it as cleanly as Ctrl-C
    folders = ", ".join(str(p) for p in args.paths)
    print(f"watching {folders} for new or changed articles (Ctrl-C stops)", file=sys.stderr, flush=True)
    try:
        watch(args.paths, once)
    except KeyboardInterrupt:
        print("stopped watching; the index is as the last run left it", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.verify:
        return verify_index(args.index)
    if not args.paths and not args.optimize:
        print("error: give article files or folders to ingest (or --verify, --optimize)", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    embedder: Embedder = HashEmbedder() if args.fake_embedder else E5Embedder(backend=args.encoder)
    progress, bars = make_progress(args.quiet or args.json)

    def on_error(path: str, error: str) -> None:
        if not args.json:
            print(f"error: {path}: {error}", file=sys.stderr)

    def run() -> Any:
        return ingest(
            args.paths,
            args.index,
            embedder,
            prune=args.prune,
            max_bytes=int(args.max_mb * 1e6),
            progress=progress,
            on_error=on_error,
            on_note=lambda line: print(line, file=sys.stderr, flush=True),
            optimize=args.optimize,
        )

    if not (args.quiet or args.json):  # the model takes a while to load: say so from the first second
        print(f"ingest: reading {len(args.paths)} path(s) into {args.index} …", file=sys.stderr, flush=True)
    if args.watch:
        return watch_and_ingest(args, run, bars)
    try:
        summary = run()
    except ChatbotError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted: the previous index version is still live", file=sys.stderr)
        return 130
    finally:
        for b in bars.values():
            b.close()
    if args.json:
        print(json.dumps(summary.as_dict(), ensure_ascii=False))
    else:
        print(summary.line())
    return 1 if summary.failed else 0
