"""A benchmark's rows as a Markdown table (what the README quotes)."""

from __future__ import annotations

from typing import Any


def table(rows: list[dict[str, Any]], cols: list[str] | None = None) -> str:
    """One line per row; `cols` (default: the first row's keys) in order."""
    cols = cols or list(rows[0])
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    lines += ["| " + " | ".join(str(r[c]) for c in cols) + " |" for r in rows]
    return "\n".join(lines)
