"""The order of quotes: best first to choose them, reading order to show them.

    ranked = best_first(cands)             # by score (`compose._score`)
    chosen = close(ranked, 3, margin)      # the best and those near it
    shown = reading_order(chosen)          # as the articles tell it

Composition by kind (`kinds.py`, `sides.py`) chooses with the first two and shows with the third.
"""

from __future__ import annotations

from chatbot.evidence import Sentence

# quotes an answer of each kind gives at most (a comparison: per side)
MAX_QUOTES = {"fact": 2, "reason": 3, "position": 3, "overview": 6, "comparison": 2, "summary": 2}


def best_first(cands: list[Sentence]) -> list[Sentence]:
    return sorted(cands, key=lambda c: -c.score)


def close(ranked: list[Sentence], n: int, margin: float) -> list[Sentence]:
    """The best sentence and those within `margin` of it, at most n, best first."""
    if not ranked:
        return []
    return [c for c in ranked if c.score >= ranked[0].score - margin][:n]


NEAR = 3  # sentences this close in one article (two between them at most) are read together


def reading_order(sents: list[Sentence]) -> list[Sentence]:
    """Best passage first, each passage's sentences as the article has them. Sentences near
    each other in one article stay together, in the article's order, where the best of them
    comes ("Die erste Variante …" before "Als zweite Option …", though a better passage
    holds the second)."""
    runs: list[list[Sentence]] = []
    for c in sorted(sents, key=lambda c: (c.doc_id, c.idx)):
        if runs and runs[-1][-1].doc_id == c.doc_id and c.idx - runs[-1][-1].idx <= NEAR:
            runs[-1].append(c)
        else:
            runs.append([c])
    runs.sort(key=lambda run: (min(c.hit_rank for c in run), run[0].doc_id, run[0].idx))
    return [c for run in runs for c in run]
