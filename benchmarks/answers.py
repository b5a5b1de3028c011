"""Answer benchmark: facts covered on realistic questions, and XQuAD with unanswerable questions.

Part 1 (seed): ingests `corpus/` with the real model and asks realistic questions from
JSONL files (type, follow-up history, answerable, and the facts an answer should state,
each a list of alternative German strings). A fact is covered when one of its
alternatives occurs in the answer text, case-insensitive, whitespace collapsed on both
sides; a refused answerable question covers nothing. Reports facts covered, false
abstentions and false answers per question type, for follow-ups and per language, and
lists the questions that failed.

Part 2 (xquad): indexes the XQuAD articles at even positions, each without every third
paragraph (`xquad.split(parity=0)`). Questions on indexed paragraphs are answerable;
questions on held-out paragraphs are near-topic unanswerable ones (the article is there,
the fact is not); questions on the odd articles are off-topic. German questions and their
English twins, sampled deterministically.

It measures the chatbot and tunes nothing; the scoring model and its threshold are
trained on the other half (odd articles) by `benchmarks.train_scoring`.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks import xquad
from chatbot.api import Chatbot
from ingest.embed import E5Embedder
from ingest.pipeline import ingest

ROOT = Path(__file__).resolve().parent.parent
TYPES = ("fact", "overview", "position", "reason", "comparison")
FIELDS = ("id", "question", "language", "type", "follow_up", "history", "answerable", "facts")
PREVIEW = 300


def squish(text: str) -> str:
    """Whitespace collapsed and case folded, for substring tests."""
    return " ".join(text.split()).casefold()


def coverage(answer: str, facts: list[list[str]]) -> tuple[float | None, list[list[str]]]:
    """Share of `facts` with an alternative in `answer` (None without facts), and the missing facts."""
    text = squish(answer)
    missing = [fact for fact in facts if not any(squish(alt) in text for alt in fact)]
    return (1 - len(missing) / len(facts) if facts else None), missing


def ratio(part: float, whole: int) -> float | None:
    return part / whole if whole else None


def mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def cell(value: float | int | None) -> str:
    if value is None:
        return "–"
    return str(value) if isinstance(value, int) else f"{value:.3f}"


def load_questions(paths: Sequence[Path]) -> list[dict[str, Any]]:
    """The questions of all `paths`; exits naming the file and line of a malformed one."""
    out = []
    for path in paths:
        if not path.exists():
            raise SystemExit(f"error: {path} not found; pass --questions FILE")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            q = json.loads(line)
            missing = [f for f in FIELDS if f not in q]
            if missing or q["type"] not in TYPES:
                raise SystemExit(f"error: {path}:{n}: missing {missing} or type not in {TYPES}")
            out.append(q)
    return out


# ----- part 1: realistic questions on the seed corpus -----


def seed_rows(bot: Chatbot, questions: list[dict[str, Any]], k: int = 5) -> list[dict[str, Any]]:
    """Ask every question (with its history) and score the answer's facts.

    `covered` counts an answer only when the bot answered; `shown` also counts the
    statement quoted by a hedged answer ("no direct answer; the closest passage says …")."""
    rows = []
    for q in questions:
        a = bot.ask(q["question"], k=k, history=q["history"])
        shown, missing = coverage(a.answer, q["facts"]) if (a.answered or a.hedged) else (None, q["facts"])
        covered = shown if a.answered else None
        if q["answerable"] and q["facts"]:
            shown, covered = shown or 0.0, covered or 0.0
        rows.append(
            {
                **q,
                "answered": a.answered,
                "hedged": a.hedged,
                "answer": a.answer,
                "covered": covered,
                "shown": shown,
                "missing": missing,
            }
        )
    return rows


def seed_summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Facts covered (and shown), false abstentions, false answers and hedges of a group of rows."""
    pos = [r for r in rows if r["answerable"]]
    neg = [r for r in rows if not r["answerable"]]
    return {
        "n_answerable": len(pos),
        "facts_covered": mean([r["covered"] for r in pos if r["covered"] is not None]),
        "facts_shown": mean([r["shown"] for r in pos if r["shown"] is not None]),
        "false_abstentions": ratio(sum(not r["answered"] for r in pos), len(pos)),
        "hedged_answerable": ratio(sum(r["hedged"] for r in pos), len(pos)),
        "n_unanswerable": len(neg),
        "false_answers": ratio(sum(r["answered"] for r in neg), len(neg)),
        "hedged_unanswerable": ratio(sum(r["hedged"] for r in neg), len(neg)),
    }


def seed_groups(rows: list[dict[str, Any]]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Summaries per type, for follow-ups and overall; and overall per language."""
    by_type = {t: seed_summary([r for r in rows if r["type"] == t]) for t in TYPES}
    by_type["follow-up"] = seed_summary([r for r in rows if r["follow_up"]])
    by_type["all"] = seed_summary(rows)
    by_lang = {lang: seed_summary([r for r in rows if r["language"] == lang]) for lang in ("de", "en")}
    return by_type, by_lang


SEED_COLUMNS = (
    ("n_answerable", "n answerable"),
    ("facts_covered", "facts covered"),
    ("false_abstentions", "false abstentions"),
    ("facts_shown", "facts shown, hedged incl."),
    ("hedged_answerable", "hedged"),
    ("n_unanswerable", "n unanswerable"),
    ("false_answers", "false answers"),
    ("hedged_unanswerable", "hedged"),
)


def seed_table(groups: dict[str, Any], label: str) -> str:
    lines = [
        f"| {label} | " + " | ".join(name for _, name in SEED_COLUMNS) + " |",
        "|---" * (len(SEED_COLUMNS) + 1) + "|",
    ]
    for name, s in groups.items():
        lines.append(f"| {name} | " + " | ".join(cell(s[key]) for key, _ in SEED_COLUMNS) + " |")
    return "\n".join(lines)


def failure(row: dict[str, Any]) -> str | None:
    """Why a row failed, or None."""
    if row["answerable"] and not row["answered"]:
        return "hedged (answerable)" if row["hedged"] else "refused (answerable)"
    if not row["answerable"] and row["answered"]:
        return "answered (unanswerable)"
    if row["answerable"] and row["covered"] is not None and row["covered"] < 1:
        return f"covered {row['covered']:.2f}"
    return None


def describe(row: dict[str, Any]) -> str:
    """A question's outcome over a few lines: verdict, covered share, missing facts, answer start."""
    verdict = "answered" if row["answered"] else "hedged" if row["hedged"] else "refused"
    missing = "; ".join(" | ".join(alts) for alts in row["missing"]) or "–"
    preview = " ".join(row["answer"].split())[:PREVIEW]
    return (
        f"{row['id']} [{row['type']}, {row['language']}] {verdict}, covered {cell(row['covered'])}: {row['question']}\n"
        f"    history: {row['history'] or '–'}\n    missing: {missing}\n    answer: {preview}"
    )


# ----- part 2: XQuAD with unanswerable questions -----


def sample(items: list[Any], n: int, seed: int = 0) -> list[Any]:
    """At most `n` of `items`, chosen by `random.Random(seed)`, in their original order."""
    if len(items) <= n:
        return list(items)
    return [items[i] for i in sorted(random.Random(seed).sample(range(len(items)), n))]


def xquad_rows(
    bot: Chatbot,
    data_de: dict[str, Any],
    data_q: dict[str, Any],
    split: xquad.Split,
    language: str,
    n: int = 300,
    k: int = 5,
) -> list[dict[str, Any]]:
    """Ask up to `n` questions of `data_q` (German or English twins) per group of `split`:
    answerable, near-topic (paragraph not indexed), off-topic (article not indexed)."""
    qs = xquad.questions(data_de, data_q)
    rows = []
    for group in xquad.GROUPS:
        for q in sample([q for q in qs if split.group.get(q.qid) == group], n):
            a = bot.ask(q.question, k=k)
            answerable = group == "answerable"
            rows.append(
                {
                    "qid": q.qid,
                    "question": q.question,
                    "language": language,
                    "group": group,
                    "kind": a.kind,
                    "answerable": answerable,
                    "answered": a.answered,
                    "hedged": a.hedged,
                    "answer": a.answer,
                    "confidence": a.confidence,
                    "hit": answerable and a.answered and xquad.answer_hit(a.answer, q),
                }
            )
    return rows


def xquad_summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    pos = [r for r in rows if r["answerable"]]
    near = [r for r in rows if r["group"] == "near"]
    far = [r for r in rows if r["group"] == "far"]
    answered = ratio(sum(r["answered"] for r in pos), len(pos))
    return {
        "n_answerable": len(pos),
        "answered": answered,
        "false_abstentions": None if answered is None else 1 - answered,
        "answer_hit": ratio(sum(r["hit"] for r in pos), len(pos)),
        "n_near": len(near),
        "false_answers_near": ratio(sum(r["answered"] for r in near), len(near)),
        "n_far": len(far),
        "false_answers_far": ratio(sum(r["answered"] for r in far), len(far)),
        "hedged_answerable": ratio(sum(r["hedged"] for r in pos), len(pos)),
        "hedged_near": ratio(sum(r["hedged"] for r in near), len(near)),
    }


def xquad_table(summaries: dict[str, Any]) -> str:
    keys = (
        "n_answerable",
        "false_abstentions",
        "answer_hit",
        "n_near",
        "false_answers_near",
        "n_far",
        "false_answers_far",
        "hedged_answerable",
        "hedged_near",
    )
    lines = [
        "| questions | answerable n | false abstentions | answer-hit | near-topic n | false answers | "
        "off-topic n | false answers | hedged: answerable | hedged: near-topic |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for lang, s in summaries.items():
        name = "German" if lang == "de" else "English→German"
        lines.append(f"| {name} | " + " | ".join(cell(s[key]) for key in keys) + " |")
    return "\n".join(lines)


# ----- running -----


def build_index(work: Path, write: Callable[[Path], object], embedder: E5Embedder) -> tuple[Path, dict | None]:
    """`work/index`, reused when it exists; otherwise `write(work / "corpus")` and ingest it."""
    index = work / "index"
    if index.exists():
        print(f"reusing {index}", flush=True)
        return index, None
    write(work / "corpus")
    summary = ingest([work / "corpus"], index, embedder)
    if summary.failed:
        raise SystemExit(f"error: ingest failed for {summary.failed}")
    return index, summary.as_dict()


def copy_corpus(src: Path) -> Callable[[Path], None]:
    def write(out: Path) -> None:
        for f in sorted(src.rglob("*")):
            if f.is_file() and not f.name.startswith("."):
                (out / f.relative_to(src)).parent.mkdir(parents=True, exist_ok=True)
                (out / f.relative_to(src)).write_bytes(f.read_bytes())

    return write


def run_seed(args: argparse.Namespace, questions: list[dict[str, Any]], embedder: E5Embedder) -> dict[str, Any]:
    started = time.perf_counter()
    work = args.seed_work or Path(tempfile.mkdtemp(prefix="answers-seed-"))
    index, summary = build_index(work, copy_corpus(args.corpus), embedder)
    ingest_s = time.perf_counter() - started
    bot = Chatbot(index, embedder=embedder)
    started = time.perf_counter()
    rows = seed_rows(bot, questions, args.k)
    ask_s = time.perf_counter() - started
    by_type, by_lang = seed_groups(rows)
    print("\n## Realistic questions on the seed corpus\n")
    print(seed_table(by_type, "type"))
    print()
    print(seed_table(by_lang, "language"))
    if args.verbose:
        print("\n### All questions\n")
        print("\n".join(describe(r) for r in rows))
    failed = [(r, why) for r in rows if (why := failure(r))]
    print(f"\n### Failed questions ({len(failed)} of {len(rows)})\n")
    for r, why in failed:
        missing = "; ".join(" | ".join(alts) for alts in r["missing"])
        tail = f" (missing: {missing})" if missing else ""
        print(f"- {r['id']} [{r['type']}, {r['language']}] {why}: {r['question']}{tail}")
    print(f"\nseed: index {ingest_s:.1f} s, {len(rows)} questions {ask_s:.1f} s", flush=True)
    return {
        "questions": [str(p) for p in args.questions],
        "ingest": summary,
        "index_s": ingest_s,
        "ask_s": ask_s,
        "by_type": by_type,
        "by_language": by_lang,
        "failed": [r["id"] for r, _ in failed],
        "rows": rows,
    }


def run_xquad(args: argparse.Namespace, embedder: E5Embedder) -> dict[str, Any]:
    de, en = xquad.load("de", args.xquad), xquad.load("en", args.xquad)
    split = xquad.split(de, parity=0)
    started = time.perf_counter()
    work = args.xquad_work or Path(tempfile.mkdtemp(prefix="answers-xquad-"))
    index, summary = build_index(work, lambda out: xquad.write_corpus(split.corpus, out), embedder)
    ingest_s = time.perf_counter() - started
    bot = Chatbot(index, embedder=embedder)
    rows: list[dict[str, Any]] = []
    summaries, ask_s = {}, {}
    for lang, data in (("de", de), ("en", en)):
        started = time.perf_counter()
        lang_rows = xquad_rows(bot, de, data, split, lang, args.xquad_n, args.k)
        ask_s[lang] = time.perf_counter() - started
        summaries[lang] = xquad_summary(lang_rows)
        rows += lang_rows
    n_articles = len(split.corpus["data"])
    print(
        f"\n## XQuAD: {n_articles} of {len(de['data'])} articles indexed without every third paragraph; "
        "questions on those paragraphs are near-topic, the other articles' off-topic\n"
    )
    print(xquad_table(summaries))
    counts = {lang: sum(r["language"] == lang for r in rows) for lang in ask_s}
    asked = ", ".join(f"{lang}: {counts[lang]} questions {secs:.1f} s" for lang, secs in ask_s.items())
    print(f"\nxquad: index {ingest_s:.1f} s, {asked}", flush=True)
    return {
        "indexed_titles": sorted(a["title"] for a in split.corpus["data"]),
        "ingest": summary,
        "index_s": ingest_s,
        "ask_s": ask_s,
        "by_language": summaries,
        "rows": rows,
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.answers", description=__doc__.split("\n\n")[0])
    default_q = ROOT / "tests" / "data" / "realistic_questions.jsonl"
    p.add_argument("--questions", type=Path, nargs="+", default=[default_q], help="JSONL question files")
    p.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    p.add_argument("--xquad", type=Path, default=xquad.XQUAD_DIR)
    p.add_argument("--xquad-n", type=int, default=300, help="at most this many per group and language")
    p.add_argument("--k", type=int, default=5)
    p.add_argument("--seed-work", type=Path, help="keep the seed index in DIR/index; reuse it when it exists")
    p.add_argument("--xquad-work", type=Path, help="keep the XQuAD index in DIR/index; reuse it when it exists")
    p.add_argument("--skip-seed", action="store_true")
    p.add_argument("--skip-xquad", action="store_true")
    p.add_argument("--verbose", action="store_true", help="print every seed question with its answer")
    p.add_argument("--out", type=Path, default=Path("bench-results/answers.json"))
    args = p.parse_args(argv)

    questions = [] if args.skip_seed else load_questions(args.questions)  # a bad file fails before the model loads
    embedder = E5Embedder()
    started = time.perf_counter()
    embedder.warm_up()
    results: dict[str, Any] = {"model_load_s": time.perf_counter() - started, "k": args.k}
    if not args.skip_seed:
        results["seed"] = run_seed(args, questions, embedder)
    if not args.skip_xquad:
        results["xquad"] = run_xquad(args, embedder)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
