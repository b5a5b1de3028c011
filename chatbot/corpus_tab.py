"""The corpus tab: the articles in the index, and for operators uploads and metadata edits.

Uploads are for operators: open (`uploads == "open"`, single user), behind a login
(`"login"`), or not offered (`"none"`). Every handler checks the permission again: a
hidden button is no permission.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from chatbot.api import Chatbot
from chatbot.operator import (
    article_choices,
    check_login,
    corpus_rows,
    edit_article,
    feedback_line,
    ingest_uploads,
)
from ingest.load import MAX_BYTES, SUPPORTED


def corpus_tab(
    bot: Chatbot, corpus_dir: Path, uploads: str, admin: tuple[str, str] | None, feedback_file: Path
) -> None:
    """Build the tab's components inside the current Gradio Blocks and wire their handlers."""
    import gradio as gr

    table = gr.Dataframe(
        headers=["Titel", "Datum", "Medium", "Passagen", "Datei"],
        value=lambda: corpus_rows(bot),
        interactive=False,
        wrap=True,  # whole titles, also on a phone
        elem_id="corpus-table",
    )
    operator = gr.State(uploads == "open")
    with gr.Group(visible=uploads == "login") as login_box:
        gr.Markdown("Artikel hochladen nur für Redaktion / operators only: bitte anmelden.")
        user = gr.Textbox(label="Benutzer / user", elem_id="admin-user")
        password = gr.Textbox(label="Passwort / password", type="password", elem_id="admin-password")
        login = gr.Button("Anmelden / Log in", elem_id="admin-login")
        login_status = gr.Markdown(elem_id="admin-status")
    with gr.Group(visible=uploads == "open") as upload_box:
        files = gr.File(
            label=f"Artikel hochladen ({', '.join(SUPPORTED)}; max. {MAX_BYTES // 1_000_000} MB)",
            file_count="multiple",
            file_types=list(SUPPORTED),
            type="filepath",
            elem_id="upload",
        )
        upload = gr.Button("Aufnehmen / Ingest", variant="primary", elem_id="ingest")
        gr.Markdown("**Artikel bearbeiten / edit an article**")
        article = gr.Dropdown(choices=article_choices(bot), label="Artikel", elem_id="edit-article")
        with gr.Row():
            fields = {
                name: gr.Textbox(label=label, elem_id=f"edit-{name}")
                for name, label in (
                    ("title", "Titel"),
                    ("outlet", "Medium"),
                    ("date", "Datum (JJJJ-MM-TT)"),
                    ("author", "Autor"),
                    ("url", "Link zum Original"),
                )
            }
        with gr.Row():
            save = gr.Button("Speichern / Save", elem_id="edit-save")
            delete = gr.Button("Aus dem Index entfernen / Remove", variant="stop", elem_id="edit-remove")
    status = gr.Markdown(elem_id="ingest-status")
    gr.Markdown(lambda: feedback_line(feedback_file), elem_id="feedback-counts", every=10)

    def on_login(name: str, secret: str) -> tuple[Any, Any, Any, str]:
        if admin is not None and check_login(admin, name, secret):
            return True, gr.update(visible=False), gr.update(visible=True), ""
        return False, gr.update(), gr.update(visible=False), "❌ Anmeldung fehlgeschlagen / login failed"

    login.click(on_login, [user, password], [operator, login_box, upload_box, login_status], api_visibility="private")

    def on_upload(
        paths: list[str] | None,
        allowed: bool,
        progress: Any = gr.Progress(),  # noqa: B008
    ) -> tuple[str, Any]:
        if not allowed:  # checked here too: a hidden button is no permission
            return "❌ Hochladen nur nach Anmeldung / log in to upload", corpus_rows(bot)
        return ingest_uploads(bot, list(paths or []), corpus_dir, progress)

    upload.click(on_upload, [files, operator], [status, table], api_visibility="private")
    names = list(fields)

    def on_pick(doc_id: str | None) -> list[str]:
        doc = next((d for d in bot.index.documents if d.doc_id == doc_id), None)
        if doc is None:
            return [""] * len(names)
        return [doc.title if n == "title" else str(doc.meta.get(n, "")) for n in names]

    article.change(on_pick, [article], list(fields.values()), api_visibility="private")

    def on_save(allowed: bool, doc_id: str | None, *values: str) -> tuple[str, Any, Any]:
        return edit_article(bot, allowed, doc_id, dict(zip(names, values, strict=True)))

    def on_remove(allowed: bool, doc_id: str | None) -> tuple[str, Any, Any]:
        return edit_article(bot, allowed, doc_id, None)

    outputs = [status, table, article]
    save.click(on_save, [operator, article, *fields.values()], outputs, api_visibility="private")
    delete.click(on_remove, [operator, article], outputs, api_visibility="private")
