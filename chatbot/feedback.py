"""Readers' thumbs up / down, kept where the operator can read them.

One JSON object per line in `feedback.jsonl` beside the index versions (retention never
touches it): time, rating, question, answer text, mode, and the index version that
answered. `counts` is what the corpus tab shows.
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

_lock = threading.Lock()


def path_for(index_dir: Path) -> Path:
    return Path(index_dir) / "feedback.jsonl"


def record(path: Path, liked: bool, entry: dict[str, Any]) -> None:
    """Append one rating; `entry` holds question, answer, mode and version."""
    row = {"time": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "rating": "up" if liked else "down", **entry}
    with _lock:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as f:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def counts(path: Path) -> dict[str, int]:
    """Ratings so far: {"up": n, "down": m}; lines that do not parse are skipped."""
    out = {"up": 0, "down": 0}
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            rating = json.loads(line).get("rating")
        except (ValueError, AttributeError):
            continue
        if rating in out:
            out[rating] += 1
    return out
