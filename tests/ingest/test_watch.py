"""A live index: `ingest --watch` picks up new files, and a running chatbot follows new versions."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from chatbot.answer import AnswerSettings
from chatbot.api import Chatbot
from ingest.embed import HashEmbedder
from ingest.pipeline import ingest
from ingest.watch import snapshot
from tests.conftest import ROOT

WHALES = (
    "---\ntitle: Walfang-Beschluss\n---\nWalfang-Beschluss\n\n"
    "Der Rat der Walfänger in Reykjavík beschloss am Montag ein Fangverbot für Buckelwale. "
    "Die Walfänger in Reykjavík beschlossen das Verbot einstimmig, teilte der Rat mit.\n"
)
QUESTION = "Was beschloss der Rat der Walfänger in Reykjavík?"


def _read_line(proc: subprocess.Popen, timeout: float = 60) -> str:
    import select

    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    if not ready:
        raise AssertionError(f"no line from ingest --watch within {timeout} s")
    return proc.stdout.readline()  # type: ignore[union-attr]


def _default_sigint() -> None:
    """Ctrl-C as a terminal gives it: a shell that runs the tests in the background
    (`make test &`) ignores SIGINT, and a child inherits that, so it would never stop."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_watch_ingests_new_files_and_stops_cleanly(corpus_copy, tmp_path, stop):
    index = tmp_path / "index"
    proc = subprocess.Popen(
        [sys.executable, "-m", "ingest", "--watch", str(corpus_copy), "--index", str(index), "--fake-embedder", "-q"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_default_sigint,
    )
    try:
        first = _read_line(proc)
        assert "2 added" in first and "v000001" in first
        (corpus_copy / "wale.txt").write_text(WHALES, encoding="utf-8")
        second = _read_line(proc)
        assert "1 added" in second and "v000002" in second
    finally:
        proc.send_signal(stop)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0 and "stopped watching" in err and "Traceback" not in err


def test_snapshot_sees_changes(tmp_path: Path):
    (tmp_path / "a.txt").write_text("eins")
    before = snapshot([tmp_path])
    (tmp_path / "a.txt").write_text("eins und zwei")
    assert snapshot([tmp_path]) != before


def test_running_chatbot_follows_a_version_written_elsewhere(corpus_copy, tmp_path):
    index = tmp_path / "index"
    ingest([corpus_copy], index, HashEmbedder())
    settings = AnswerSettings(min_similarity_de=0.2, min_similarity_en=0.2, min_p=0.0, min_counterpart=0.0)
    bot = Chatbot(index, embedder=HashEmbedder(), settings=settings)
    bot.warm_up()
    bot.follow_index(every=0.2)
    try:
        assert "Walfänger" not in bot.ask(QUESTION).answer
        (corpus_copy / "wale.txt").write_text(WHALES, encoding="utf-8")
        ingest([corpus_copy], index, HashEmbedder())  # as `python -m ingest` in another process would
        deadline = time.time() + 10
        while bot.index.version != "v000002" and time.time() < deadline:
            time.sleep(0.1)
        answer = bot.ask(QUESTION)
        assert bot.index.version == "v000002" and "Walfänger in Reykjavík" in answer.answer
    finally:
        bot.stop_following()
