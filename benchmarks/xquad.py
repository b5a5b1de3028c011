"""XQuAD as a retrieval benchmark: corpus files, questions and the hit test.

Each of the 48 German articles becomes one document (title plus paragraphs). A hit is
a passage that contains the gold answer with about 25 characters of context on each
side (whitespace-normalized); passages over 1500 characters never count.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ingest.clean import normalize

XQUAD_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "benchmarks" / "xquad"
CONTEXT = 25
MAX_PASSAGE = 1500


@dataclass(frozen=True)
class Question:
    """One XQuAD question with its gold answer and the evidence a passage must hold."""

    qid: str
    question: str
    answer: str
    evidence: str


def _squish(text: str) -> str:
    return " ".join(normalize(text).split())


def load(lang: str, xquad_dir: Path = XQUAD_DIR) -> dict:
    path = xquad_dir / f"xquad.{lang}.json"
    if not path.exists():
        raise SystemExit(f"error: {path} not found; pass --xquad DIR")
    return json.loads(path.read_text(encoding="utf-8"))


def write_corpus(data: dict, out: Path) -> list[Path]:
    """One .txt per article: title line, then the paragraphs, blank-line separated."""
    out.mkdir(parents=True, exist_ok=True)
    files = []
    for n, art in enumerate(data["data"]):
        title = art["title"].replace("_", " ")
        body = "\n\n".join(p["context"].strip() for p in art["paragraphs"])
        f = out / f"{n:02d}_{art['title'][:40]}.txt"
        f.write_text(f"---\ntitle: {json.dumps(title)}\n---\n{title}\n\n{body}\n", encoding="utf-8")
        files.append(f)
    return files


def questions(data_de: dict, data_q: dict) -> list[Question]:
    """Questions from `data_q` (de or en), with evidence taken from the German contexts."""
    gold: dict[str, tuple[str, str]] = {}
    for art in data_de["data"]:
        for p in art["paragraphs"]:
            ctx = p["context"]
            for qa in p["qas"]:
                a = qa["answers"][0]
                s, e = a["answer_start"], a["answer_start"] + len(a["text"])
                gold[qa["id"]] = (a["text"], _squish(ctx[max(0, s - CONTEXT) : e + CONTEXT]))
    out = []
    for art in data_q["data"]:
        for p in art["paragraphs"]:
            for qa in p["qas"]:
                if qa["id"] in gold:
                    ans, ev = gold[qa["id"]]
                    out.append(Question(qa["id"], qa["question"], ans, ev))
    return out


def is_hit(passage: str, q: Question) -> bool:
    """Does `passage` hold the gold answer in its context?"""
    return len(passage) <= MAX_PASSAGE and q.evidence in _squish(passage)


def answer_hit(answer: str, q: Question) -> bool:
    """Does the composed answer contain the gold answer?"""
    return _squish(q.answer) in _squish(answer)


GROUPS = ("answerable", "near", "far")  # the groups of a `Split`'s questions


@dataclass(frozen=True)
class Split:
    """A corpus with held-out parts, and which questions it can answer.

    `corpus` holds the indexed articles without their held-out paragraphs. `group` maps a
    question id to "answerable" (its paragraph is indexed), "near" (its article is indexed
    but its paragraph is not, and the gold answer occurs nowhere in the indexed text: a
    near-topic question the corpus cannot answer) or "far" (its article is not indexed).
    """

    corpus: dict
    group: dict[str, str]
    article: dict[str, str]  # question id -> its article's title


def split(data_de: dict, parity: int, hold_every: int = 3) -> Split:
    """Index the articles at positions of `parity` (0 or 1), each without the paragraphs at
    positions j with j % hold_every == 1; the rest of the questions become unanswerable."""
    kept_articles = []
    group: dict[str, str] = {}
    held: list[tuple[str, str]] = []  # (qid, gold answer) of held-out paragraphs
    for i, art in enumerate(data_de["data"]):
        if i % 2 != parity:
            group.update({qa["id"]: "far" for p in art["paragraphs"] for qa in p["qas"]})
            continue
        kept = []
        for j, p in enumerate(art["paragraphs"]):
            if j % hold_every == 1:
                held += [(qa["id"], qa["answers"][0]["text"]) for qa in p["qas"]]
            else:
                kept.append(p)
                group.update({qa["id"]: "answerable" for qa in p["qas"]})
        kept_articles.append({**art, "paragraphs": kept})
    indexed = _squish(" ".join(p["context"] for art in kept_articles for p in art["paragraphs"]))
    for qid, answer in held:
        if _squish(answer) not in indexed:
            group[qid] = "near"
    article = {qa["id"]: art["title"] for art in data_de["data"] for p in art["paragraphs"] for qa in p["qas"]}
    return Split({**data_de, "data": kept_articles}, group, article)
