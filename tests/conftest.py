"""Shared fixtures: the fake embedder, seed-corpus indexes (fake and real model)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from ingest.embed import E5Embedder, HashEmbedder
from ingest.pipeline import ingest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
DATA = Path(__file__).resolve().parent / "data"
SEEDS = ROOT.parent / "shared" / "seeds"

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")


@pytest.fixture
def fake_embedder() -> HashEmbedder:
    return HashEmbedder()


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled corpus."""
    dst = tmp_path / "corpus"
    shutil.copytree(CORPUS, dst)
    return dst


@pytest.fixture(scope="session")
def fake_seed_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed corpus ingested with the fake embedder (read-only for tests)."""
    out = tmp_path_factory.mktemp("fake-index") / "index"
    ingest([CORPUS], out, HashEmbedder())
    return out


@pytest.fixture(scope="session")
def real_embedder() -> E5Embedder:
    emb = E5Embedder()
    emb.warm_up()
    return emb


@pytest.fixture(scope="session")
def real_seed_index(tmp_path_factory: pytest.TempPathFactory, real_embedder: E5Embedder) -> Path:
    """The seed corpus ingested with the real model (read-only for tests)."""
    out = tmp_path_factory.mktemp("real-index") / "index"
    ingest([CORPUS], out, real_embedder)
    return out
