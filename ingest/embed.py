"""Embedders: the real e5 model (lazy, offline) and a deterministic fake for tests.

An embedder is anything with `model_id`, `dim` and `embed(texts, kind)`, where `kind`
is "passage" for documents and "query" for questions (e5 needs the two prompts).
Vectors come back L2-normalized as float32, so inner product is cosine.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal, Protocol

import numpy as np

from ingest.errors import ModelError
from ingest.model import DEFAULT_DIR, MODEL_ID

Kind = Literal["passage", "query"]


class Embedder(Protocol):
    """What the index and the retriever need from a model."""

    model_id: str
    dim: int

    def embed(
        self,
        texts: Sequence[str],
        kind: Kind = "passage",
        on_batch: Callable[[int], None] | None = None,
    ) -> np.ndarray: ...


class E5Embedder:
    """multilingual-e5-small from the folder `python -m ingest.model prepare` wrote.

    Nothing is loaded until the first `embed`; the model never touches the network.
    """

    model_id = MODEL_ID
    dim = 384

    def __init__(self, model_dir: Path = DEFAULT_DIR, batch_size: int = 32) -> None:
        self.model_dir = Path(model_dir)
        self.batch_size = batch_size
        self._model: Any = None

    def warm_up(self) -> None:
        """Load the model now (idempotent)."""
        if self._model is not None:
            return
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        os.environ["HF_HUB_DISABLE_PROGRESS_BARS"] = "1"
        if not (self.model_dir / "modules.json").exists():
            raise ModelError(
                f"embedding model not found at {self.model_dir}; run `make install` "
                "(or `python -m ingest.model prepare`)"
            )
        import transformers
        from sentence_transformers import SentenceTransformer

        transformers.logging.set_verbosity_error()
        transformers.logging.disable_progress_bar()
        self._model = SentenceTransformer(str(self.model_dir), device="cpu", local_files_only=True)

    def embed(
        self,
        texts: Sequence[str],
        kind: Kind = "passage",
        on_batch: Callable[[int], None] | None = None,
    ) -> np.ndarray:
        """Normalized vectors for `texts`; `on_batch(n)` is called after each batch."""
        self.warm_up()
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        # longest first, so each batch pads to similar lengths; progress after each group
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        out = np.zeros((len(texts), self.dim), np.float32)
        group = self.batch_size * 4
        for g in range(0, len(order), group):
            ids = order[g : g + group]
            short = len(texts[ids[0]]) <= 40  # single words: big batches cost no padding
            vecs = self._model.encode(
                [texts[i].strip() for i in ids],
                prompt_name=kind,
                batch_size=self.batch_size * 4 if short else self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
            out[ids] = np.asarray(vecs, dtype=np.float32)
            if on_batch:
                on_batch(len(ids))
        return out


class HashEmbedder:
    """Deterministic fake: hashed bag of lower-cased words and character trigrams.

    Texts that share words get similar vectors, which is enough for fast tests of
    retrieval and answering without the model.
    """

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim
        self.model_id = f"fake-hash-{dim}"
        self.calls = 0

    def embed(
        self,
        texts: Sequence[str],
        kind: Kind = "passage",
        on_batch: Callable[[int], None] | None = None,
    ) -> np.ndarray:
        self.calls += len(texts)
        out = np.zeros((len(texts), self.dim), np.float32)
        for row, text in enumerate(texts):
            words = re.findall(r"\w+", text.lower())
            feats = words + [w[i : i + 4] for w in words if len(w) > 5 for i in range(len(w) - 3)]
            for f in feats:
                h = int.from_bytes(hashlib.blake2b(f.encode(), digest_size=8).digest(), "little")
                out[row, h % self.dim] += 1.0 if (h >> 32) & 1 else -1.0
            norm = np.linalg.norm(out[row])
            out[row] = out[row] / norm if norm else out[row]
            out[row, 0] += 0.0 if norm else 1.0
        if on_batch:
            on_batch(len(texts))
        return out
