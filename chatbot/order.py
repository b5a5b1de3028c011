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


def reading_order(sents: list[Sentence]) -> list[Sentence]:
    return sorted(sents, key=lambda c: (c.hit_rank, c.doc_id, c.idx))
