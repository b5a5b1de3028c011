"""A language-model server that speaks the OpenAI chat API (llama.cpp, Ollama, vLLM, hosted).

    cfg = LLMConfig.from_env(url="http://127.0.0.1:8080/v1", model="smollm2")
    check_server(cfg)                      # one clear line if the URL, model or key is wrong
    for piece in stream_chat(cfg, messages):
        print(piece, end="")

Configured by `--llm-url/--llm-model` or `CHATBOT_LLM_URL`, `CHATBOT_LLM_MODEL`,
`CHATBOT_LLM_API_KEY`. The key is never printed or logged: it is kept out of `repr`
and out of every error message. The `openai` package is imported on first use only,
so the extractive default never pays for it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from ingest.errors import ChatbotError

DEFAULT_TIMEOUT = 60.0  # seconds for a whole answer
CONNECT_TIMEOUT = 5.0
DEFAULT_MAX_TOKENS = 400


class LLMError(ChatbotError):
    """The language-model server is misconfigured, unreachable, slow or answered nonsense."""


@dataclass(frozen=True)
class LLMConfig:
    """Where the server is, which model to use, and how long to wait."""

    url: str
    model: str
    api_key: str = field(default="", repr=False)
    timeout: float = DEFAULT_TIMEOUT
    max_tokens: int = DEFAULT_MAX_TOKENS
    temperature: float = 0.1
    turns: int = 3  # earlier question-answer pairs the model sees

    @classmethod
    def from_env(cls, url: str | None = None, model: str | None = None, **kw: Any) -> LLMConfig | None:
        """The configuration from arguments, else the environment; None when no URL is set."""
        url = url or os.environ.get("CHATBOT_LLM_URL") or ""
        if not url:
            if model:
                raise LLMError("--llm-model is set but no server: pass --llm-url URL or set CHATBOT_LLM_URL")
            return None
        model = model or os.environ.get("CHATBOT_LLM_MODEL") or ""
        if not model:
            raise LLMError("a language-model URL is set but no model: pass --llm-model NAME or set CHATBOT_LLM_MODEL")
        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise LLMError(f"--llm-url {url!r} is not an http(s) URL; e.g. http://127.0.0.1:8080/v1")
        key = os.environ.get("CHATBOT_LLM_API_KEY", "")
        return cls(url=url.rstrip("/"), model=model, api_key=key, **kw)


def _client(cfg: LLMConfig, timeout: float | None = None) -> Any:
    import openai

    total = timeout or cfg.timeout
    return openai.OpenAI(
        base_url=cfg.url,
        api_key=cfg.api_key or "not-needed",  # local servers ignore it; the client wants one
        timeout=openai.Timeout(total, connect=min(CONNECT_TIMEOUT, total)),
        max_retries=0,
    )


def _explain(cfg: LLMConfig, e: Exception) -> LLMError:
    """One line for what went wrong; never the key."""
    import openai

    where = f"the language-model server at {cfg.url}"
    if isinstance(e, openai.AuthenticationError | openai.PermissionDeniedError):
        return LLMError(f"{where} refused the API key ({e.status_code}): set CHATBOT_LLM_API_KEY")
    if isinstance(e, openai.NotFoundError):
        return LLMError(
            f"{where} answered 404 (unknown model {cfg.model!r}, or the URL lacks the API path such as /v1)"
        )
    if isinstance(e, openai.APITimeoutError):
        return LLMError(f"{where} did not answer within {cfg.timeout:.0f} s")
    if isinstance(e, openai.APIConnectionError):
        return LLMError(f"cannot reach {where}: is it running, and is the URL right?")
    if isinstance(e, openai.APIStatusError):
        return LLMError(f"{where} failed with HTTP {e.status_code}")
    return LLMError(f"{where} sent a reply that is not the OpenAI chat format ({type(e).__name__})")


def check_server(cfg: LLMConfig) -> None:
    """Raise `LLMError` unless the server answers and serves `cfg.model` (when it lists models)."""
    try:
        served = [m.id for m in _client(cfg, timeout=min(cfg.timeout, 10.0)).models.list()]
    except Exception as e:
        raise _explain(cfg, e) from None
    if served and cfg.model not in served:
        raise LLMError(
            f"the language-model server at {cfg.url} does not serve {cfg.model!r}; it serves: {', '.join(served[:5])}"
        )


def stream_chat(cfg: LLMConfig, messages: list[dict[str, str]]) -> Iterator[str]:
    """The answer's text as it arrives; raises `LLMError` on any failure or after `cfg.timeout`."""
    deadline = time.monotonic() + cfg.timeout
    written = False
    try:
        stream = _client(cfg).chat.completions.create(
            model=cfg.model,
            messages=messages,
            stream=True,
            max_tokens=cfg.max_tokens,
            temperature=cfg.temperature,
        )
        for chunk in stream:
            if time.monotonic() > deadline:
                stream.close()
                raise LLMError(f"the language-model server at {cfg.url} did not finish within {cfg.timeout:.0f} s")
            if not getattr(chunk, "choices", None):
                continue
            piece = chunk.choices[0].delta.content
            if piece:
                written = True
                yield piece
        if not written:
            raise LLMError(f"the language-model server at {cfg.url} sent no answer text")
    except LLMError:
        raise
    except Exception as e:
        raise _explain(cfg, e) from None
