"""The BM25 term table: reused passages keep their ids, unused terms are dropped."""

from ingest.terms import grow


def test_grow_from_nothing_and_reuse_by_hash():
    first = grow(["h1", "h2"], {"h1": ["sicher", "garanti"], "h2": ["garanti", "ukrain"]})
    assert first.passage(0) == ["sicher", "garanti"] and first.passage(1) == ["garanti", "ukrain"]
    rows = {"h1": 0, "h2": 1}
    second = grow(["h2", "h3"], {"h3": ["truppe", "ukrain"]}, first, rows)
    assert [second.passage(i) for i in range(len(second))] == [["garanti", "ukrain"], ["truppe", "ukrain"]]
    assert "sicher" not in second.terms  # only h1 used it, and h1 is gone
    assert second.vocab() == {t: i for i, t in enumerate(second.terms)}
    assert [a.tolist() for a in second.per_passage()] == [second.ids(0).tolist(), second.ids(1).tolist()]


def test_empty_passages_and_no_passages():
    t = grow(["a", "b"], {"a": [], "b": ["x"]})
    assert t.passage(0) == [] and t.passage(1) == ["x"]
    empty = grow([], {})
    assert len(empty) == 0 and empty.per_passage() == []
