"""The operator's side of the web app: the corpus table, uploads, metadata edits, removal,
logins and the feedback counts. Plain functions; `app.py` wires them to the UI."""

from __future__ import annotations

import hmac
import os
import re
from pathlib import Path
from typing import Any

from chatbot.api import Chatbot
from chatbot.feedback import counts
from ingest.errors import ChatbotError
from ingest.load import MAX_BYTES, SUPPORTED
from ingest.pipeline import ingest

UPLOAD_DIR = "uploads"


def corpus_rows(bot: Chatbot) -> list[list[Any]]:
    """One row per ingested article: title, date, outlet, chunks, file."""
    try:
        index = bot.index
    except ChatbotError:
        return []
    counts = index.passage_counts()
    return [
        [
            d.title,
            str(d.meta.get("date", "")),
            str(d.meta.get("outlet") or d.meta.get("agency") or ""),
            counts.get(d.doc_id, 0),
            d.source,
        ]
        for d in index.documents
    ]


def safe_name(name: str) -> str:
    """A file name with no directory part and only plain characters."""
    base = os.path.basename(name.replace("\\", "/"))
    m = re.search(r"\.[A-Za-z0-9]{1,8}$", base)
    stem, ext = (base[: m.start()], m.group(0)) if m else (base, "")
    stem = re.sub(r"[^\w.-]+", "_", stem, flags=re.UNICODE).strip("._") or "artikel"
    return f"{stem[:80]}{ext.lower()}"


def save_uploads(paths: list[str], corpus_dir: Path, max_bytes: int = MAX_BYTES) -> tuple[list[Path], list[str]]:
    """Copy uploaded temp files into `corpus_dir/uploads`; returns (saved, refusals)."""
    target = corpus_dir / UPLOAD_DIR
    target.mkdir(parents=True, exist_ok=True)
    saved, refused = [], []
    for p in paths:
        src = Path(p)
        name = safe_name(src.name)  # Gradio keeps the uploaded file's own name as the basename
        ext = os.path.splitext(name)[1]
        if ext not in SUPPORTED:
            refused.append(f"{name}: unsupported file type {ext or '(none)'}; allowed: {', '.join(SUPPORTED)}")
            continue
        size = src.stat().st_size
        if size > max_bytes:
            refused.append(f"{name}: file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit")
            continue
        data = src.read_bytes()
        dst = target / name
        n = 1
        while dst.exists() and dst.read_bytes() != data:  # same name, other content: number it
            dst = target / f"{Path(name).stem}-{n}{ext}"
            n += 1
        dst.write_bytes(data)
        saved.append(dst)
    return saved, refused


def ingest_uploads(
    bot: Chatbot, paths: list[str], corpus_dir: Path, progress: Any = None
) -> tuple[str, list[list[Any]]]:
    """Save and ingest uploaded files; returns (report markdown, new corpus rows)."""
    if not paths:
        return "No files chosen.", corpus_rows(bot)
    saved, lines = save_uploads(paths, corpus_dir)
    lines = [f"❌ {line}" for line in lines]

    def report(stage: str, done: int, total: int) -> None:
        if progress is not None and total:
            progress(done / total, desc=f"{stage}: {done}/{total}")

    if saved:
        summary = ingest(saved, bot.index_dir, bot.embedder, progress=report, root=corpus_dir)
        failed = {Path(f["path"]).name: f["error"] for f in summary.failed}
        for path in saved:
            if path.name in failed:
                lines.append(f"❌ {path.name}: {failed[path.name]}")
                path.unlink(missing_ok=True)  # keep the corpus folder free of files that did not go in
        for d in summary.duplicates:
            lines.append(f"⚠️ {Path(d['path']).name}: already in the index as {d['duplicate_of']}")
        for name in summary.added + summary.updated:
            lines.append(f"✅ {name}: added")
        for name in summary.unchanged:
            lines.append(f"✅ {name}: already up to date")
        bot.refresh()
        lines.append(f"\nIndex {summary.version}: {summary.documents_total} articles, {summary.chunks_total} passages.")
    return "\n".join(lines), corpus_rows(bot)


def article_choices(bot: Chatbot) -> list[tuple[str, str]]:
    try:
        return [(f"{d.title} — {d.source}", d.doc_id) for d in bot.index.documents]
    except ChatbotError:
        return []


def edit_article(
    bot: Chatbot, allowed: bool, doc_id: str | None, fields: dict[str, str] | None
) -> tuple[str, Any, Any]:
    """Save metadata (`fields`) or remove the article (None); operators only. Returns
    (status line, corpus rows, article choices)."""
    import gradio as gr

    from ingest.edit import remove, set_metadata

    if not allowed:
        return "❌ Nur nach Anmeldung / log in first", corpus_rows(bot), gr.update()
    if not doc_id:
        return "❌ Bitte einen Artikel wählen / choose an article", corpus_rows(bot), gr.update()
    try:
        if fields is None:
            summary = remove(bot.index_dir, bot.embedder, doc_id)
            line = f"✅ entfernt / removed: {', '.join(summary.pruned)} (Index {summary.version})"
        else:
            summary = set_metadata(bot.index_dir, bot.embedder, doc_id, fields)
            line = f"✅ gespeichert / saved: {', '.join(summary.updated)} (Index {summary.version})"
    except ChatbotError as e:
        return f"❌ {e}", corpus_rows(bot), gr.update()
    bot.refresh()
    return line, corpus_rows(bot), gr.update(choices=article_choices(bot), value=None)


def feedback_line(path: Path) -> str:
    c = counts(path)
    return f"Bewertungen der Antworten / answer ratings: 👍 {c['up']} · 👎 {c['down']} (`{path}`)"


def check_login(admin: tuple[str, str], name: str, secret: str) -> bool:
    """Constant-time comparison of an operator login."""
    return hmac.compare_digest(name.encode(), admin[0].encode()) & hmac.compare_digest(
        secret.encode(), admin[1].encode()
    )


def credentials(value: str | None, flag: str) -> tuple[str, str] | None:
    """USER:PASSWORD as a pair; both must be non-empty."""
    if not value:
        return None
    if ":" not in value:
        raise ChatbotError(f"{flag} must be USER:PASSWORD")
    user, password = value.split(":", 1)
    if not user.strip() or not password:
        raise ChatbotError(f"{flag} needs a user name and a password, both non-empty: USER:PASSWORD")
    return user, password
