"""Shared fixtures: the fake embedder, seed-corpus indexes (fake and real model)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.embed import E5Embedder, HashEmbedder
from ingest.pipeline import ingest
from tests.servers import free_port, wait_until_up

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


@pytest.fixture(scope="module")
def fake_bot(fake_seed_index):
    """A chatbot on the fake index, with thresholds suited to the fake embedder's low cosines
    (the learned fact threshold is for the real model: here any fact sentence of the right kind answers)."""
    from chatbot.answer import AnswerSettings
    from chatbot.api import Chatbot

    return Chatbot(
        fake_seed_index,
        embedder=HashEmbedder(),
        settings=AnswerSettings(min_similarity_de=0.2, min_similarity_en=0.2, min_p=0.0, min_counterpart=0.0),
    )


def start_server(work: Path, corpus: Path, index: Path, *extra: str) -> tuple[str, subprocess.Popen]:
    """Run `python -m chatbot serve` on a free loopback port; returns (url, process) once it answers."""
    port = free_port()
    log_path = work / "server.log"
    command = [sys.executable, "-m", "chatbot", "serve", "--index", str(index), "--corpus", str(corpus)]
    proc = subprocess.Popen(
        [*command, "--port", str(port), *extra],
        cwd=ROOT,
        stdout=log_path.open("w"),
        stderr=subprocess.STDOUT,
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
    )
    url = f"http://127.0.0.1:{port}/"
    wait_until_up(url, proc, log_path, 180, "server")
    return url, proc
