"""Embedders: the real e5 model (lazy, offline) and a deterministic fake for tests.

An embedder is anything with `model_id`, `dim` and `embed(texts, kind)`, where `kind`
is "passage" for documents and "query" for questions (e5 needs the two prompts).
Vectors come back L2-normalized as float32, so inner product is cosine.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal, Protocol

import numpy as np

from ingest.errors import ModelError
from ingest.model import DEFAULT_DIR, MODEL_ID
from ingest.onnx_model import onnx_path

Kind = Literal["passage", "query"]
log = logging.getLogger(__name__)


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


Backend = Literal["onnx", "onnx-int8", "torch"]
BACKENDS: tuple[Backend, ...] = ("onnx", "onnx-int8", "torch")
TOKEN_BUDGET = 1024  # ONNX Runtime: tokens per batch, padding included
TORCH_BATCH = 8  # sentence-transformers: texts per batch (on long paragraphs 2.2x faster than 32; a whole
# ingest the same, benchmarks/ingest_bench.py)


def backend_for(model_id: str | None) -> Backend:
    """The encoder that embeds questions for an index built with `model_id`."""
    return "onnx-int8" if model_id == f"{MODEL_ID} int8" else "onnx"


class E5Embedder:
    """multilingual-e5-small from the folder `python -m ingest.model prepare` wrote.

    `backend` is "onnx" (ONNX Runtime, float32: the same vectors as torch, faster; the
    default), "onnx-int8" (int8 weights: faster still, vectors within ~0.02 cosine, so
    it has its own `model_id` and an index built with it is asked with it), or "torch"
    (sentence-transformers). Without the ONNX export, "onnx" falls back to torch.
    Nothing is loaded until the first `embed`; the model never touches the network.
    """

    dim = 384

    def __init__(self, model_dir: Path = DEFAULT_DIR, batch_size: int = TORCH_BATCH, backend: Backend = "onnx") -> None:
        if backend not in BACKENDS:
            raise ModelError(f"unknown encoder backend '{backend}'; choose one of {', '.join(BACKENDS)}")
        self.model_dir = Path(model_dir)
        self.batch_size = batch_size
        self.backend: Backend = backend
        self.model_id = f"{MODEL_ID} int8" if backend == "onnx-int8" else MODEL_ID
        self._model: Any = None  # the sentence-transformers model, or an ONNX Runtime session
        self._tokenizer: Any = None

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

        transformers.logging.set_verbosity_error()
        transformers.logging.disable_progress_bar()
        if self.backend != "torch":
            path = onnx_path(self.model_dir, int8=self.backend == "onnx-int8")
            if path.exists() or self.backend == "onnx-int8":
                self._load_onnx(path)
                return
            log.warning("%s is missing (run `make install`); encoding with torch", path)
            self.backend = "torch"
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(str(self.model_dir), device="cpu", local_files_only=True)

    def _load_onnx(self, path: Path) -> None:
        try:
            import onnxruntime as ort
        except ImportError:
            raise ModelError("onnxruntime is not installed; run `make install`") from None
        from transformers import AutoTokenizer

        if not path.exists():
            raise ModelError(f"{path} is missing; run `make install` (or `python -m ingest.model prepare`)")
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = os.cpu_count() or 1
        opts.log_severity_level = 3
        self._model = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
        self._tokenizer = AutoTokenizer.from_pretrained(str(self.model_dir), local_files_only=True)

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
        if self._tokenizer is not None:
            return self._embed_onnx(texts, kind, on_batch)
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
                batch_size=self.batch_size * 8 if short else self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
            out[ids] = np.asarray(vecs, dtype=np.float32)
            if on_batch:
                on_batch(len(ids))
        return out

    def _embed_onnx(self, texts: Sequence[str], kind: Kind, on_batch: Callable[[int], None] | None) -> np.ndarray:
        """Tokenize everything, then run batches of similar length within `TOKEN_BUDGET`
        tokens: a long passage runs alone, single words run hundreds at a time."""
        ids = self._tokenizer([f"{kind}: {t.strip()}" for t in texts], truncation=True, max_length=512)["input_ids"]
        order = sorted(range(len(ids)), key=lambda i: -len(ids[i]))
        out = np.zeros((len(texts), self.dim), np.float32)
        pad = self._tokenizer.pad_token_id
        start = 0
        while start < len(order):
            width = len(ids[order[start]])  # the longest of the batch
            stop = min(len(order), start + max(1, TOKEN_BUDGET // width))
            batch = order[start:stop]
            tokens = np.full((len(batch), width), pad, np.int64)
            mask = np.zeros((len(batch), width), np.int64)
            for row, i in enumerate(batch):
                tokens[row, : len(ids[i])] = ids[i]
                mask[row, : len(ids[i])] = 1
            out[batch] = self._model.run(None, {"input_ids": tokens, "attention_mask": mask})[0]
            if on_batch:
                on_batch(len(batch))
            start = stop
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
