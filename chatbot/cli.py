"""`python -m chatbot ask|serve`: the command line of the chatbot.

    python -m chatbot ask "QUESTION" [--index DIR] [--k N] [--json]
    python -m chatbot ask --jsonl [--index DIR] [--k N]      < questions.txt
    python -m chatbot serve [--index DIR] [--host 127.0.0.1] [--port 7860]

Either command takes `--llm-url URL --llm-model NAME` (or CHATBOT_LLM_URL,
CHATBOT_LLM_MODEL, CHATBOT_LLM_API_KEY) to have a language-model server write the
answer; every generated sentence is checked against the passage it cites.

Errors a user can fix (no index, another model, an empty question) print one line
and exit with 2. In --jsonl mode a bad line gives an object with "error" and the run
goes on.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import textwrap
from pathlib import Path

from chatbot.answer import Answer
from ingest.errors import ChatbotError


def _index_default() -> Path:
    return Path(os.environ.get("CHATBOT_INDEX", "index"))


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m chatbot", description="Cited answers from German news articles.")
    sub = p.add_subparsers(dest="command", required=True)
    ask = sub.add_parser("ask", help="answer a question (or --jsonl: questions from stdin)")
    ask.add_argument("question", nargs="?", help="the question, German or English")
    ask.add_argument("--index", type=Path, default=_index_default())
    ask.add_argument("--k", type=int, default=5, help="passages to return (default 5)")
    ask.add_argument("--json", action="store_true", help="print one JSON object")
    ask.add_argument("--jsonl", action="store_true", help="read questions from stdin, one per line")
    ask.add_argument("--fake-embedder", action="store_true", help=argparse.SUPPRESS)
    _llm_args(ask)
    serve = sub.add_parser("serve", help="start the web chat")
    serve.add_argument("--index", type=Path, default=_index_default())
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=int(os.environ.get("CHATBOT_PORT", "7860")))
    serve.add_argument("--corpus", type=Path, default=Path("corpus"), help="where uploads are stored")
    serve.add_argument("--auth", help="USER:PASSWORD for login (or set CHATBOT_AUTH)")
    serve.add_argument("--allow-remote", action="store_true", help="allow a non-loopback --host without --auth")
    serve.add_argument("--admin", help="USER:PASSWORD of the operator who may upload (or set CHATBOT_ADMIN)")
    serve.add_argument("--allow-uploads", action="store_true", help="anyone may upload (a single-user setup)")
    serve.add_argument("--fake-embedder", action="store_true", help=argparse.SUPPRESS)
    _llm_args(serve)
    return p.parse_args(argv)


def _llm_args(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("generated answers (optional)")
    g.add_argument("--llm-url", help="OpenAI-compatible server, e.g. http://127.0.0.1:8080/v1 (or CHATBOT_LLM_URL)")
    g.add_argument("--llm-model", help="model name on that server (or CHATBOT_LLM_MODEL)")
    g.add_argument("--llm-timeout", type=float, default=60.0, help="seconds for a whole answer (default 60)")
    g.add_argument("--llm-max-tokens", type=int, default=400, help="longest answer in tokens (default 400)")


def llm_config(args: argparse.Namespace):  # -> LLMConfig | None
    """The language-model server from the arguments or the environment (None: extractive answers)."""
    from chatbot.llm import LLMConfig, LLMError

    if args.llm_timeout <= 0 or args.llm_max_tokens < 1:
        raise LLMError("--llm-timeout must be positive and --llm-max-tokens at least 1")
    return LLMConfig.from_env(args.llm_url, args.llm_model, timeout=args.llm_timeout, max_tokens=args.llm_max_tokens)


def render_text(answer: Answer) -> str:
    """The answer, then the numbered sources, for a terminal."""
    lines = [textwrap.fill(answer.answer, 100), ""]
    if answer.note:
        lines[-1:] = [textwrap.fill(f"({answer.note})", 100), ""]
    heading = (
        "Sources:"
        if answer.answered or answer.hedged
        else ("Nächste Passagen:" if answer.language == "de" else "Nearest passages:")
    )
    lines.append(heading)
    for c in answer.citations:
        mark = "" if c.cited else " (retrieved, not quoted)" if answer.answered or answer.hedged else ""
        lines.append(f"[{c.n}] {c.title} — {c.source} [{c.start}:{c.end}]{mark}")
        lines.append(textwrap.indent(textwrap.fill(c.text.replace("\n", " "), 96), "    "))
    return "\n".join(lines)


def _make_bot(args: argparse.Namespace):  # -> Chatbot
    from chatbot.api import Chatbot
    from chatbot.llm import check_server
    from ingest.embed import HashEmbedder

    llm = llm_config(args)
    if llm is not None:
        check_server(llm)
    return Chatbot(args.index, embedder=HashEmbedder() if args.fake_embedder else None, llm=llm)


def cmd_ask(args: argparse.Namespace) -> int:
    from chatbot.api import check_question

    if args.k < 1:
        print(f"error: --k must be at least 1, got {args.k}", file=sys.stderr)
        return 2
    bot = _make_bot(args)
    if args.jsonl:
        _ = bot.index  # fail early, once, on a missing or mismatched index
        for line in sys.stdin:
            if not line.strip():
                continue
            try:
                out = bot.ask(line, k=args.k).as_dict()
            except ChatbotError as e:
                out = {"question": line.strip(), "error": str(e)}
            print(json.dumps(out, ensure_ascii=False), flush=True)
        return 0
    if args.question is None:
        print("error: give a question, or --jsonl to read questions from stdin", file=sys.stderr)
        return 2
    check_question(args.question)
    answer = bot.ask(args.question, k=args.k)
    print(json.dumps(answer.as_dict(), ensure_ascii=False, indent=2) if args.json else render_text(answer))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from chatbot.app import serve

    auth = args.auth or os.environ.get("CHATBOT_AUTH")
    return serve(
        index_dir=args.index,
        corpus_dir=args.corpus,
        host=args.host,
        port=args.port,
        auth=auth,
        allow_remote=args.allow_remote,
        fake_embedder=args.fake_embedder,
        llm=llm_config(args),
        admin=args.admin or os.environ.get("CHATBOT_ADMIN"),
        allow_uploads=args.allow_uploads,
    )


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    try:
        return cmd_ask(args) if args.command == "ask" else cmd_serve(args)
    except ChatbotError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
