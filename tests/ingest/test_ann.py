"""The lexicon is searched, not scanned: flat when small, an HNSW graph when big, grown per ingest."""

import numpy as np
import pytest

from ingest import ann
from ingest.pipeline import grown_lexicon, ingest
from ingest.store import LEXICON_GRAPH, current_version, load_index
from tests.ingest.test_pipeline import EXTRA


def _unit(n: int, dim: int = 32, seed: int = 0) -> np.ndarray:
    x = np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_small_is_flat_big_is_a_graph_and_both_find_the_nearest(monkeypatch):
    x = _unit(500)
    flat = ann.build(x)
    assert not ann.is_graph(flat)
    monkeypatch.setattr(ann, "FLAT_MAX", 100)
    graph = ann.build(x)
    assert ann.is_graph(graph)
    queries = x[[3, 77, 420]] + 0.01 * _unit(3, seed=1)
    for index in (flat, graph):
        sims, rows = ann.search(index, queries, 2)
        assert rows[:, 0].tolist() == [3, 77, 420]
        assert sims.shape == (3, 2) and (sims[:, 0] > 0.99).all()


def test_extended_adds_rows_and_leaves_the_original(monkeypatch):
    monkeypatch.setattr(ann, "FLAT_MAX", 10)
    x = _unit(300)
    graph = ann.build(x[:200])
    bigger = ann.extended(graph, x[200:])
    assert graph.ntotal == 200 and bigger.ntotal == 300
    assert ann.search(bigger, x[[250]], 1)[1][0, 0] == 250


def test_search_of_an_empty_index_is_empty():
    sims, rows = ann.search(ann.build(np.zeros((0, 8), np.float32)), _unit(2, 8), 5)
    assert sims.shape == (2, 0) and rows.shape == (2, 0)


def test_lexicon_grows_by_appending_and_is_rebuilt_when_stale():
    assert grown_lexicon([], ["b", "a"]) == ["b", "a"]
    assert grown_lexicon(["b", "d"], ["a", "b", "c", "d"]) == ["b", "d", "a", "c"]  # old rows keep their place
    prev = [f"w{i:02d}" for i in range(10)]
    assert grown_lexicon(prev, [*prev[1:], "neu"]) == [*prev, "neu"]  # one stale word stays
    assert grown_lexicon(prev, prev[5:]) == prev[5:]  # half stale: rebuilt


def test_a_big_lexicon_is_saved_as_a_graph_and_grown_by_the_next_ingest(
    monkeypatch, corpus_copy, tmp_path, fake_embedder
):
    monkeypatch.setattr(ann, "FLAT_MAX", 50)
    index = tmp_path / "index"
    ingest([corpus_copy], index, fake_embedder)
    assert (current_version(index) / LEXICON_GRAPH).exists()
    first = load_index(index, checksums=True)
    graph = first.lexicon_graph()
    assert graph is not None and graph.ntotal == len(first.lexicon)

    (corpus_copy / "neu.md").write_text(EXTRA.replace("Montag", "Donnerstagabend"), encoding="utf-8")
    ingest([corpus_copy], index, fake_embedder)
    second = load_index(index, checksums=True)
    assert second.lexicon[: len(first.lexicon)] == first.lexicon  # appended, rows kept
    assert "donnerstagabend" in second.lexicon[len(first.lexicon) :]
    grown = second.lexicon_graph()
    assert grown is not None and grown.ntotal == len(second.lexicon)
    row = second.lexicon.index("donnerstagabend")
    assert ann.search(grown, second.lexicon_vectors[[row]], 1)[1][0, 0] == row


def test_a_damaged_graph_file_falls_back_to_the_previous_version(monkeypatch, corpus_copy, tmp_path, fake_embedder):
    monkeypatch.setattr(ann, "FLAT_MAX", 50)
    index = tmp_path / "index"
    ingest([corpus_copy], index, fake_embedder)
    (corpus_copy / "neu.md").write_text(EXTRA, encoding="utf-8")
    ingest([corpus_copy], index, fake_embedder)
    live = current_version(index)
    (live / LEXICON_GRAPH).write_bytes(b"not a graph")
    data = load_index(index)
    assert data.version != live.name and data.problems


@pytest.mark.parametrize("threshold", [0.0, 2.0])
def test_translate_uses_the_search(fake_seed_index, fake_embedder, threshold):
    from chatbot.translate import translate

    data = load_index(fake_seed_index)
    word = data.lexicon[5]
    found = translate(data, [word], fake_embedder.embed([word], "query"), threshold=threshold)
    assert (found == {}) == (threshold > 1) and (threshold > 1 or found[word][0] == word)
