"""A small OpenAI-compatible server (standard library only) that returns scripted answers.

    with FakeLLM(reply="Trump schloss das kategorisch aus. [2]") as server:
        cfg = LLMConfig(url=server.url, model="fake")

`reply` is a string or a function of the request's messages. `behaviour` scripts the
failures: "ok", "slow" (waits `delay` seconds before answering), "500", "401",
"malformed" (a stream that is not the chat format), "empty" (no stream at all). Every request is kept in `requests`.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Reply = str | Callable[[list[dict[str, str]]], str]


class FakeLLM:
    def __init__(self, reply: Reply = "", behaviour: str = "ok", delay: float = 0.0, model: str = "fake") -> None:
        self.reply, self.behaviour, self.delay, self.model = reply, behaviour, delay, model
        self.requests: list[dict[str, Any]] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def __enter__(self) -> FakeLLM:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _text(self, messages: list[dict[str, str]]) -> str:
        return self.reply(messages) if callable(self.reply) else self.reply

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _json(self, status: int, body: object) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _refuse(self) -> bool:
                if fake.behaviour == "401":
                    self._json(401, {"error": {"message": "invalid api key", "type": "auth"}})
                    return True
                if fake.behaviour == "500":
                    self._json(500, {"error": {"message": "boom"}})
                    return True
                return False

            def do_GET(self) -> None:
                if self._refuse():
                    return
                if self.path.rstrip("/") == "/v1/models":
                    self._json(200, {"object": "list", "data": [{"id": fake.model, "object": "model"}]})
                else:
                    self._json(404, {"error": {"message": "not found"}})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                fake.requests.append(body)
                if self._refuse():
                    return
                if self.path.rstrip("/") != "/v1/chat/completions":
                    self._json(404, {"error": {"message": "not found"}})
                    return
                if body.get("model") != fake.model:
                    self._json(404, {"error": {"message": f"model {body.get('model')} not found"}})
                    return
                if fake.behaviour == "slow":
                    time.sleep(fake.delay)
                if fake.behaviour in ("malformed", "empty"):
                    data = b"data: {this is not json\n\n" if fake.behaviour == "malformed" else b"{}"
                    self.send_response(200)
                    self.send_header("Content-Type", "text/event-stream" if body.get("stream") else "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                    return
                text = fake._text(body.get("messages", []))
                if not body.get("stream"):
                    self._json(200, _completion(fake.model, text))
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                for piece in _pieces(text):
                    chunk = _chunk(fake.model, {"content": piece})
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                    self.wfile.flush()
                self.wfile.write(f"data: {json.dumps(_chunk(fake.model, {}, 'stop'))}\n\n".encode())
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()

        return Handler


def prompt_passages(messages: list[dict[str, str]]) -> dict[int, str]:
    """The numbered passages of a chat request, as `chatbot.prompt` fenced them."""
    user = messages[-1]["content"]
    return {int(n): t for n, t in re.findall(r'<passage n="(\d+)"[^>]*>\n(.*?)\n</passage>', user, re.S)}


def _pieces(text: str, size: int = 7) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]


def _chunk(model: str, delta: dict[str, str], finish: str | None = None) -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }


def _completion(model: str, text: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": 0,
        "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
    }
