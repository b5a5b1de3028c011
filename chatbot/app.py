"""The Gradio app: a cited chat, a sources panel per answer, and a corpus tab.

`build_app()` returns the Blocks; `serve()` launches it. `respond()` is a plain
generator (question, chat, history) -> chat updates that tests call without a server.
The documented API endpoint is `/ask` (question, k) -> answer JSON with citations.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from chatbot.answer import Answer
from chatbot.api import Chatbot
from chatbot.corpus_tab import corpus_tab
from chatbot.feedback import path_for, record
from chatbot.llm import LLMConfig, check_server
from chatbot.operator import credentials
from chatbot.page import CSS, HEAD, theme
from chatbot.render import error_html, esc, message_html
from ingest.errors import ChatbotError
from ingest.load import MAX_BYTES

log = logging.getLogger(__name__)

EXAMPLES = [
    "Wie viele Friedenswächter könnten als Abschreckung dienen?",
    "Werden die USA Bodentruppen in die Ukraine schicken?",
    "Was sagt Moskau zu einer Nato-Truppe in der Ukraine?",
    "What did Wolfgang Ischinger warn Europe about?",
    "Why is a UN peacekeeping mission unlikely?",
]
STREAM_STEPS = 12
MAX_K = 20  # passages an /ask call may request


def respond(
    bot: Chatbot,
    message: str,
    chat: list[dict[str, Any]] | None,
    history: list[str] | None,
    k: int = 5,
    turns: list[tuple[str, str]] | None = None,
) -> Iterator[tuple[list[dict[str, Any]], list[str], Answer | None]]:
    """Answer `message`, streaming: yields (chat messages, question history, answer).

    `turns` are the earlier (question, answer) pairs a language model sees, if one is set."""
    chat = list(chat or [])
    history = list(history or [])
    question = (message or "").strip()
    if not question:
        yield chat, history, None
        return
    chat.append({"role": "user", "content": esc(question)})  # shown as text, never as HTML
    turn = str(len(chat))
    try:
        parts = bot.ask_stream(question, k=k, history=history, turns=turns or ())
        answer = next(parts)
        chat.append({"role": "assistant", "content": ""})
        while not answer.done:  # a generated answer: show each sentence once it is checked
            chat[-1] = {"role": "assistant", "content": message_html(answer, turn, with_sources=False)}
            yield list(chat), history, answer
            answer = next(parts)
    except ChatbotError as e:
        if chat[-1]["role"] == "assistant":
            chat.pop()
        chat.append({"role": "assistant", "content": error_html(str(e))})
        yield chat, history, None
        return
    history.append(question)
    if answer.mode == "generative":
        chat[-1] = {"role": "assistant", "content": message_html(answer, turn)}
        yield list(chat), history, answer
        return
    step = max(1, len(answer.answer) // STREAM_STEPS)
    for upto in range(step, len(answer.answer), step):
        chat[-1] = {"role": "assistant", "content": message_html(answer, turn, upto=upto, with_sources=False)}
        yield list(chat), history, answer
    chat[-1] = {"role": "assistant", "content": message_html(answer, turn)}
    yield list(chat), history, answer


def plain_answer(answer: Answer) -> str:
    """The answer text without citation markers, as an earlier turn for a language model."""
    return " ".join(re.sub(r"\s*\[\d+\]", "", answer.answer).split())


def build_app(bot: Chatbot, corpus_dir: Path, admin: tuple[str, str] | None = None, allow_uploads: bool = False) -> Any:
    """The Gradio Blocks of the chat and the corpus tab. Uploads are for operators: open with
    `allow_uploads` (single user), behind a login with `admin`, else not offered at all."""
    uploads = "open" if allow_uploads else "login" if admin else "none"
    feedback_file = path_for(bot.index_dir)
    import gradio as gr

    with gr.Blocks(title="Sicherheitsgarantien für die Ukraine — Artikel-Chat") as demo:
        gr.Markdown(
            "## Sicherheitsgarantien für die Ukraine — Fragen an die Artikel\n"
            "Antworten zitieren Sätze aus den Artikeln; jede Nummer [n] öffnet die Quelle. "
            "Ask in German or English."
        )
        with gr.Tab("Chat"):
            chat = gr.Chatbot(
                label="Chat",
                show_label=False,  # a sticky label would cover message text on a phone
                height="min(560px, 62vh)",
                sanitize_html=True,
                render_markdown=False,
                elem_id="chat",
                buttons=["copy"],
            )
            history = gr.State([])
            turns = gr.State([])
            answered = gr.State([])  # per assistant message: what feedback on it refers to
            with gr.Row():
                box = gr.Textbox(
                    placeholder="Frage zu den Artikeln … / Ask about the articles …",
                    show_label=False,
                    scale=8,
                    elem_id="question",
                    max_length=2000,
                )
                send = gr.Button("Fragen", variant="primary", scale=1, elem_id="send")
                clear = gr.Button("Neu", scale=1, elem_id="clear")
            examples = gr.Examples(EXAMPLES, inputs=box, label="Beispiele / Examples")

            def on_submit(
                message: str, chat_value: list, hist: list, past: list, log: list
            ) -> Iterator[tuple[Any, Any, Any, Any, Any]]:
                past, log = list(past or []), list(log or [])
                entry: dict[str, Any] | None = None  # what a rating of this answer will refer to
                for c, h, answer in respond(bot, message, chat_value, hist, turns=[(q, a) for q, a in past]):
                    if entry is None and answer is not None and answer.done and len(h) > len(hist or []):
                        past = [*past, (h[-1], plain_answer(answer))][-10:]
                        entry = {"question": h[-1], "answer": answer.answer, "mode": answer.mode}
                        entry["version"] = bot.index.version
                        log = [*log, entry]
                    elif entry is None and answer is None and len(c) > len(chat_value or []):
                        entry = {"question": message, "answer": "", "mode": "error", "version": ""}
                        log = [*log, entry]
                    yield c, h, "", past, log

            def on_like(log: list, data: gr.LikeData) -> None:
                index = data.index if isinstance(data.index, int) else data.index[0]
                n = index // 2  # user and assistant messages alternate
                if 0 <= n < len(log or []):
                    record(feedback_file, bool(data.liked), log[n])

            on_like.__annotations__["data"] = gr.LikeData  # a real class, not a string: Gradio injects it
            chat.like(on_like, [answered], None, api_visibility="private")

            # an example asks at once when clicked
            for trigger in (box.submit, send.click, examples.load_input_event.then):
                trigger(
                    on_submit,
                    [box, chat, history, turns, answered],
                    [chat, history, box, turns, answered],
                    api_visibility="private",
                )
            clear.click(
                lambda: ([], [], "", [], []), None, [chat, history, box, turns, answered], api_visibility="private"
            )

        with gr.Tab("Artikel / Corpus"):
            corpus_tab(bot, corpus_dir, uploads, admin, feedback_file)

        def ask(question: str, k: int = 5) -> dict[str, Any]:
            """Answer a question; returns the answer JSON with its citations."""
            try:
                n = int(k)
            except (TypeError, ValueError):
                n = 0
            if not 1 <= n <= MAX_K or isinstance(k, bool):
                return {"question": question, "error": f"k must be a whole number from 1 to {MAX_K}, got {k!r}"}
            try:
                return bot.ask(question, k=n).as_dict()
            except ChatbotError as e:
                return {"question": question, "error": str(e)}

        gr.api(ask, api_name="ask")
    return demo


def is_loopback(host: str) -> bool:
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    index_dir: Path,
    corpus_dir: Path,
    host: str = "127.0.0.1",
    port: int = 7860,
    auth: str | None = None,
    allow_remote: bool = False,
    fake_embedder: bool = False,
    block: bool = True,
    llm: LLMConfig | None = None,
    admin: str | None = None,
    allow_uploads: bool = False,
) -> int:
    """Load the model and index once, then serve the app (blocks unless `block=False`)."""
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    login = credentials(auth, "--auth")
    admin_login = credentials(admin, "--admin")
    if not is_loopback(host) and login is None and not allow_remote:
        raise ChatbotError(
            f"refusing to serve on {host} without a login: pass --auth USER:PASSWORD (or set CHATBOT_AUTH), "
            "or --allow-remote to serve openly"
        )
    from ingest.embed import HashEmbedder

    if llm is not None:
        check_server(llm)
    bot = Chatbot(index_dir, embedder=HashEmbedder() if fake_embedder else None, llm=llm)
    started = time.perf_counter()
    bot.warm_up(checksums=True)
    bot.follow_index()  # versions written by `python -m ingest` (or --watch) go live here
    index = bot.index
    demo = build_app(bot, corpus_dir, admin=admin_login, allow_uploads=allow_uploads)
    demo.queue(default_concurrency_limit=4)
    try:
        demo.launch(
            server_name=host,
            server_port=port,
            share=False,
            auth=login,
            max_file_size=MAX_BYTES,
            theme=theme(),
            css=CSS,
            head=HEAD,
            footer_links=["api"],
            prevent_thread_lock=True,  # the start line below comes once it listens
            quiet=True,  # our own start line; no public-sharing hint
        )
    except OSError as e:  # the port is taken, or the host cannot be bound
        raise ChatbotError(f"cannot serve on {host}:{port} ({e.strerror or 'in use'}); choose another --port") from None
    shown_host = f"[{host}]" if ":" in host else host
    print(  # once the server listens: the address works the moment it is shown
        f"Chat on http://{shown_host}:{port}/ — index {index.version}, {len(index.documents)} articles "
        f"(loaded in {time.perf_counter() - started:.1f} s){'; answers written by ' + llm.model if llm else ''}. "
        "Ctrl-C stops.",
        flush=True,
    )
    if block:
        demo.block_thread()
    return 0
