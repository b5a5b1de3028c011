"""Calibrate and measure the citation check (chatbot/support.py) on labelled pairs.

The pairs are built from XQuAD, which we did not write: each article's paragraphs are
the passages a generated sentence may cite (German, numbered), and the claims are

  supported    translation   an English sentence of the parallel paragraph, citing it
               qa-de, qa-en  a question with its gold answer ("Wann …: 1945."), citing its paragraph
  unsupported  other         an English sentence citing another paragraph of the article
               qa-other      a question-answer statement citing another paragraph
               wrong-number  an English sentence with one number changed, citing its paragraph
               wrong-answer  a question with the gold answer of another paragraph's question

Thresholds are swept on the even articles and reported on the odd ones; the seed pairs in
tests/data/support_pairs.jsonl (hand-written paraphrases, translations and wrong claims
about the seed articles) are reported as a second, independent check.

    python -m benchmarks.support_pairs [--query-prefix] [--out results.json]
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from benchmarks import xquad
from chatbot.support import Claim, Passage, check
from ingest.analyze import stem
from ingest.embed import E5Embedder
from ingest.names import person_names
from ingest.sentences import sentence_spans, split_sentences

SUPPORTED = ("translation", "qa-de", "qa-en", "seed-supported")
SEED_PAIRS = Path(__file__).resolve().parent.parent / "tests" / "data" / "support_pairs.jsonl"


@dataclass
class Pair:
    kind: str
    article: int
    claim: str
    cites: int  # index of the cited paragraph
    passages: int  # the article whose paragraphs are offered
    question: str = ""  # the question the claim answers (its words need no passage)
    lang: str = ""  # the claim's language, when not given by its kind

    @property
    def language(self) -> str:
        return self.lang or ("de" if self.kind in ("qa-de", "qa-other", "wrong-answer") else "en")


def _statement(question: str, answer: str) -> str:
    return f"{question.strip().rstrip('?').strip()}: {answer.strip()}."


def _change_number(sentence: str, rng: random.Random) -> str | None:
    ms = [m for m in re.finditer(r"\d+", sentence) if len(m.group()) <= 4]
    if not ms:
        return None
    m = rng.choice(ms)
    value = int(m.group())
    new = value + rng.choice([1, 2, 3, 10]) if value < 1000 else value + rng.choice([1, 5, 10])
    return sentence[: m.start()] + str(new) + sentence[m.end() :]


def build_pairs(de: dict, en: dict, seed: int = 0) -> list[Pair]:
    rng = random.Random(seed)
    pairs: list[Pair] = []
    for a, (art_de, art_en) in enumerate(zip(de["data"], en["data"], strict=True)):
        paras = art_de["paragraphs"]
        n = len(paras)
        for i, (p_de, p_en) in enumerate(zip(paras, art_en["paragraphs"], strict=True)):
            other = (i + 1) % n
            for s in split_sentences(p_en["context"]):
                if len(s) < 30:
                    continue
                pairs.append(Pair("translation", a, s, i, a))
                pairs.append(Pair("other", a, s, other, a))
                changed = _change_number(s, rng)
                if changed:
                    pairs.append(Pair("wrong-number", a, changed, i, a))
            qa_en = {qa["id"]: qa for qa in p_en["qas"]}
            for qa in p_de["qas"]:
                ans = qa["answers"][0]["text"]
                pairs.append(Pair("qa-de", a, _statement(qa["question"], ans), i, a, qa["question"]))
                pairs.append(Pair("qa-other", a, _statement(qa["question"], ans), other, a, qa["question"]))
                if qa["id"] in qa_en:
                    q_en = qa_en[qa["id"]]
                    statement = _statement(q_en["question"], q_en["answers"][0]["text"])
                    pairs.append(Pair("qa-en", a, statement, i, a, q_en["question"]))
                wrong = [
                    q2["answers"][0]["text"]
                    for j, p2 in enumerate(paras)
                    if j != i
                    for q2 in p2["qas"]
                    if q2["answers"][0]["text"].lower() not in p_de["context"].lower()
                ]
                if wrong:
                    statement = _statement(qa["question"], rng.choice(wrong))
                    pairs.append(Pair("wrong-answer", a, statement, i, a, qa["question"]))
    return pairs


def article_passages(de: dict, embedder: E5Embedder) -> list[list[Passage]]:
    """Each article's paragraphs as numbered passages (1..n) with sentence vectors."""
    texts: list[str] = []
    layout: list[list[tuple[str, list[tuple[int, int]]]]] = []
    for art in de["data"]:
        paras = []
        for p in art["paragraphs"]:
            spans = sentence_spans(p["context"])
            paras.append((p["context"], spans))
            texts += [p["context"][s:e] for s, e in spans]
        layout.append(paras)
    vecs = embedder.embed(texts, "passage")
    out, row = [], 0
    for paras in layout:
        arts = []
        for n, (text, spans) in enumerate(paras, start=1):
            arts.append(Passage(n, text, spans, vecs[row : row + len(spans)]))
            row += len(spans)
        out.append(arts)
    return out


def people_of(de: dict) -> list[frozenset[str]]:
    return [
        frozenset(stem(name.split()[-1].lower()) for p in art["paragraphs"] for name in person_names(p["context"]))
        for art in de["data"]
    ]


def verdicts(
    pairs: list[Pair], vecs: np.ndarray, passages: list[list[Passage]], people: list[frozenset[str]], **kw: float
) -> list[bool]:
    out = []
    for pair, v in zip(pairs, vecs, strict=True):
        claim = Claim(pair.claim, pair.claim, [pair.cites + 1])
        out.append(
            check(claim, v, passages[pair.passages], people[pair.article], pair.question, pair.language, **kw).supported
        )
    return out


def table(pairs: list[Pair], kept: list[bool]) -> dict[str, tuple[int, float]]:
    by: dict[str, list[bool]] = defaultdict(list)
    for p, k in zip(pairs, kept, strict=True):
        by[p.kind].append(k)
    return {kind: (len(v), sum(v) / len(v)) for kind, v in sorted(by.items())}


def seed_pairs(embedder: E5Embedder, prefix: str) -> tuple[list[Pair], np.ndarray, list[list[Passage]], list]:
    """The hand-written seed pairs: each row has passages (German), a claim and the cited number."""
    rows = [json.loads(line) for line in SEED_PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]
    groups: list[list[Passage]] = []
    pairs: list[Pair] = []
    for r in rows:
        texts = r["passages"]
        spans = [sentence_spans(t) for t in texts]
        vecs = embedder.embed([t[s:e] for t, sp in zip(texts, spans, strict=True) for s, e in sp], "passage")
        ps, row = [], 0
        for n, (t, sp) in enumerate(zip(texts, spans, strict=True), start=1):
            ps.append(Passage(n, t, sp, vecs[row : row + len(sp)]))
            row += len(sp)
        groups.append(ps)
        kind = "seed-supported" if r["supported"] else f"seed-{r['kind']}"
        pairs.append(Pair(kind, len(groups) - 1, r["claim"], r["cites"] - 1, len(groups) - 1, lang=r["language"]))
    known = frozenset(stem(n.split()[-1].lower()) for r in rows for t in r["passages"] for n in person_names(t))
    people = [known] * len(rows)
    claim_vecs = embedder.embed([p.claim for p in pairs], prefix)  # type: ignore[arg-type]
    return pairs, claim_vecs, groups, people


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--query-prefix", action="store_true", help="embed claims as queries, not passages")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    prefix = "query" if args.query_prefix else "passage"
    de, en = xquad.load("de"), xquad.load("en")
    embedder = E5Embedder()
    pairs = build_pairs(de, en)
    passages = article_passages(de, embedder)
    people = people_of(de)
    vecs = embedder.embed([p.claim for p in pairs], prefix)  # type: ignore[arg-type]
    print(f"{len(pairs)} XQuAD pairs; claims embedded as {prefix}")
    even = [i for i, p in enumerate(pairs) if p.article % 2 == 0]
    odd = [i for i, p in enumerate(pairs) if p.article % 2 == 1]

    def run(idx: list[int], **kw: float) -> dict[str, tuple[int, float]]:
        sub = [pairs[i] for i in idx]
        return table(sub, verdicts(sub, vecs[idx], passages, people, **kw))

    print("\n## Sweep on the even articles (share kept)\n")
    kinds = sorted({p.kind for p in pairs})
    print("| min_similarity | max_elsewhere | " + " | ".join(kinds) + " |")
    print("|---" * (len(kinds) + 2) + "|")
    for ms in (0.80, 0.82, 0.83, 0.84, 0.85, 0.86, 0.87, 0.88):
        for me in (0.0, 0.03, 1.0):
            t = run(even, min_similarity=ms, max_elsewhere=me)
            print(f"| {ms:.2f} | {me:.2f} | " + " | ".join(f"{t[k][1]:.3f}" for k in kinds) + " |")

    print("\n## Held out: odd articles, shipped thresholds\n")
    results = {"xquad_odd": run(odd)}
    sp, svecs, sgroups, speople = seed_pairs(embedder, prefix)
    results["seed"] = table(sp, verdicts(sp, svecs, sgroups, speople))
    for name, t in results.items():
        print(f"### {name}\n\n| pairs | n | kept |\n|---|---|---|")
        for kind, (n, share) in t.items():
            print(f"| {kind} | {n} | {share:.3f} |")
        print()
    if args.out:
        args.out.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
