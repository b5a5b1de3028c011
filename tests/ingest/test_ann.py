"""The lexicon is searched, not scanned: flat when small, an HNSW graph when big, grown per ingest."""

import numpy as np
import pytest

from ingest import ann
from ingest.pipeline import ingest
from ingest.segment import LEXICON_GRAPH
from ingest.store import current_version, load_index
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


def test_a_graph_with_8_bit_codes_rescored_gives_exact_similarities(monkeypatch):
    monkeypatch.setattr(ann, "FLAT_MAX", 10)
    x = _unit(300)
    graph = ann.build(x)
    sims, rows = ann.search(ann.Rescored(graph, x), x[[5, 250]], 3)
    assert rows[:, 0].tolist() == [5, 250] and np.allclose(sims, np.take_along_axis(x[[5, 250]] @ x.T, rows, 1))


def test_search_of_an_empty_index_is_empty():
    sims, rows = ann.search(ann.build(np.zeros((0, 8), np.float32)), _unit(2, 8), 5)
    assert sims.shape == (2, 0) and rows.shape == (2, 0)


def test_parts_are_searched_as_one():
    x = _unit(300)
    parts = ann.Parts([(ann.Flat(x[:100]), 0), (ann.build(x[100:250]), 100), (ann.Flat(x[250:]), 250)])
    assert parts.ntotal == 300
    sims, rows = ann.search(parts, x[[5, 150, 299]], 3)
    assert rows[:, 0].tolist() == [5, 150, 299] and np.all(np.diff(sims, axis=1) <= 0)


def test_a_big_segment_lexicon_is_saved_as_a_graph_and_new_words_are_found_in_the_next_segment(
    monkeypatch, corpus_copy, tmp_path, fake_embedder
):
    monkeypatch.setattr(ann, "FLAT_MAX", 50)
    index = tmp_path / "index"
    ingest([corpus_copy], index, fake_embedder)
    graphs = list(current_version(index).glob(f"s*/{LEXICON_GRAPH}"))
    assert len(graphs) == 1
    first = load_index(index, checksums=True)
    assert ann.is_graph(first.lexicon_index()) and first.lexicon_index().ntotal == len(first.lexicon)

    (corpus_copy / "neu.md").write_text(EXTRA.replace("Montag", "Donnerstagabend"), encoding="utf-8")
    ingest([corpus_copy], index, fake_embedder)
    second = load_index(index, checksums=True)
    assert second.lexicon[: len(first.lexicon)] == first.lexicon  # the graph's words keep their rows
    assert "donnerstagabend" in second.lexicon[len(first.lexicon) :]
    both = second.lexicon_index()
    assert isinstance(both, ann.Parts) and both.ntotal == len(second.lexicon)
    for word in ("donnerstagabend", first.lexicon[7]):
        row = second.lexicon.index(word)
        assert ann.search(both, second.lexicon_vectors[[row]], 1)[1][0, 0] == row


def test_a_damaged_graph_file_is_one_line_and_ingest_rebuilds(monkeypatch, corpus_copy, tmp_path, fake_embedder):
    from ingest.errors import IndexError_

    monkeypatch.setattr(ann, "FLAT_MAX", 50)
    index = tmp_path / "index"
    ingest([corpus_copy], index, fake_embedder)
    (corpus_copy / "neu.md").write_text(EXTRA, encoding="utf-8")
    ingest([corpus_copy], index, fake_embedder)
    graph = next(current_version(index).glob(f"s*/{LEXICON_GRAPH}"))
    graph.write_bytes(b"not a graph")  # the segment is shared by both versions: both are damaged
    with pytest.raises(IndexError_, match=f"no intact index version .*{LEXICON_GRAPH}"):
        load_index(index)
    summary = ingest([corpus_copy], index, fake_embedder)
    assert summary.repaired and len(load_index(index, checksums=True).documents) == 3


@pytest.mark.parametrize("threshold", [0.0, 2.0])
def test_translate_uses_the_search(fake_seed_index, fake_embedder, threshold):
    from chatbot.translate import translate

    data = load_index(fake_seed_index)
    word = data.lexicon[5]
    found = translate(data, [word], fake_embedder.embed([word], "query"), threshold=threshold)
    assert (found == {}) == (threshold > 1) and (threshold > 1 or found[word][0] == word)
