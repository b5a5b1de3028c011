"""Segments: an ingest writes only what is new, small segments merge as they pile up,
`--optimize` merges all, and none of it changes what a question finds."""

import json

import numpy as np

from ingest.edit import remove
from ingest.pipeline import ingest
from ingest.store import current_version, load_index, plan_merges, versions
from tests.ingest.test_pipeline import EXTRA, run_cli


def _article(i: int) -> str:
    return EXTRA.replace("Neue Entwicklung", f"Bericht {i}").replace("Montag", f"Tag {i} der Beratungen")


def _same_search(a, b) -> None:
    """Both indexes hold the same passages with the same vectors and BM25 scores."""
    key_a = {c.hash: i for i, c in enumerate(a.chunks)}
    order = [key_a[c.hash] for c in b.chunks]
    assert sorted(key_a) == sorted(c.hash for c in b.chunks)
    assert np.allclose(np.asarray(a.vectors)[order], b.vectors)
    for terms in (["ukrain"], ["sicherheitsgarantie", "friedenstrupp"], ["berat", "tag"]):
        assert np.allclose(a.bm25.get_scores(terms)[order], b.bm25.get_scores(terms), rtol=1e-5, atol=1e-6)
    rows_a, rows_b = a.sentence_rows(), b.sentence_rows()
    assert len(rows_a[0]) == len(rows_b[0])
    first_a = np.asarray(a.sentence_vectors)[rows_a[0]]
    by_owner = {}
    for j, owner in enumerate(rows_a[1]):
        by_owner.setdefault(a.chunks[owner].hash, []).append(first_a[j])
    for j, owner in enumerate(rows_b[1]):
        assert any(np.allclose(v, b.sentence_vectors[rows_b[0][j]]) for v in by_owner[b.chunks[owner].hash])


def test_plan_merges_takes_a_full_tier_and_leaves_big_merges_for_optimize():
    assert plan_merges([50] * 9) == []
    assert plan_merges([50] * 10) == list(range(10))
    assert plan_merges([5000, *[50] * 10]) == list(range(1, 11))  # the big one is another tier
    assert plan_merges([5000, 40, 30]) == []
    assert plan_merges([100_000] * 10, most=200_000) == []  # too big for a merge during an ingest


def test_segments_pile_up_merge_and_search_as_one_fresh_index(corpus_copy, tmp_path, fake_embedder):
    index = tmp_path / "index"
    ingest([corpus_copy], index, fake_embedder)
    merged_at = None
    for i in range(11):
        (corpus_copy / f"bericht{i:02d}.md").write_text(_article(i), encoding="utf-8")
        before = versions(index)[-1]
        summary = ingest([corpus_copy], index, fake_embedder)
        assert summary.chunks_embedded <= 2  # only the new article is embedded
        written = [v for v in versions(index) if v > before]
        if len(written) == 2:  # a merge: first the version that makes the article live, then the merge
            merged_at = i
            first = json.loads((index / written[0] / "manifest.json").read_text(encoding="utf-8"))
            newest = first["segments"][-1]["name"]
            catalog = json.loads((index / written[0] / newest / "catalog.json").read_text(encoding="utf-8"))
            assert f"bericht{i:02d}.md" in json.dumps(catalog)
            assert len(first["segments"]) > len(load_index(index).manifest["segments"])
        else:
            assert len(written) == 1
    assert merged_at is not None
    data = load_index(index, checksums=True)
    segments = data.manifest["segments"]
    assert len(segments) < 12 and len(data.documents) == 13  # ten one-article segments became one
    fresh = tmp_path / "fresh"
    ingest([corpus_copy], fresh, fake_embedder)
    _same_search(load_index(fresh), data)

    r = run_cli("--optimize", "--index", str(index), "-q")
    assert r.returncode == 0, r.stderr
    optimized = load_index(index, checksums=True)
    assert [s["name"] for s in optimized.manifest["segments"]] == [f"s{data.manifest['next_segment']:06d}"]
    _same_search(optimized, data)
    assert set(optimized.lexicon) == set(data.lexicon) and len(optimized.documents) == 13


def test_deleted_documents_are_gone_from_search_and_dropped_by_a_merge(corpus_copy, tmp_path, fake_embedder):
    index = tmp_path / "index"
    (corpus_copy / "bericht.md").write_text(_article(1), encoding="utf-8")
    ingest([corpus_copy], index, fake_embedder)
    before = load_index(index)
    gone = next(d for d in before.documents if d.title == "Bericht 1")
    remove(index, fake_embedder, gone.doc_id)
    after = load_index(index, checksums=True)
    assert after.manifest["segments"][0]["deleted"] == [gone.doc_id]
    assert gone.doc_id not in {c.doc_id for c in after.chunks} and len(after.vectors) == len(after.chunks)
    (corpus_copy / "bericht.md").unlink()
    fresh = tmp_path / "fresh"
    ingest([corpus_copy], fresh, fake_embedder)
    _same_search(load_index(fresh), after)  # corpus-wide statistics count live passages only
    ingest([], index, fake_embedder, optimize=True)
    merged = load_index(index, checksums=True)
    assert merged.manifest["segments"][0]["deleted"] == [] and len(merged.documents) == len(after.documents)
    assert not (current_version(index) / "s000001").exists()
    _same_search(merged, after)


def test_an_ingest_reads_only_catalogs_and_a_reader_only_the_new_segment(
    corpus_copy, tmp_path, fake_embedder, monkeypatch
):
    from ingest import pipeline, segment

    index = tmp_path / "index"
    ingest([corpus_copy], index, fake_embedder)
    load_index(index)  # a reader (the app) has the first version
    segments_read, files_read = [], []
    real_read, real_bytes = segment._read_into, pipeline.read_bytes
    monkeypatch.setattr(segment, "_read_into", lambda seg: segments_read.append(seg.name) or real_read(seg))
    monkeypatch.setattr(pipeline, "read_bytes", lambda f, *a: files_read.append(f) or real_bytes(f, *a))
    (corpus_copy / "bericht.md").write_text(_article(1), encoding="utf-8")
    summary = ingest([corpus_copy], index, fake_embedder)
    assert len(summary.added) == 1 and len(summary.unchanged) == 2
    assert segments_read == [] and files_read == []  # unchanged files: same size and time, not read
    data = load_index(index)
    assert segments_read == ["s000002"] and len(data.documents) == 3  # s000001 is reused from the first load


def test_a_big_segment_is_searched_through_graphs_with_the_scan_s_scores(
    corpus_copy, tmp_path, fake_embedder, monkeypatch
):
    from chatbot.retrieve import dense_scores
    from ingest import dense

    for i in range(12):
        (corpus_copy / f"bericht{i:02d}.md").write_text(_article(i), encoding="utf-8")
    scanned = tmp_path / "scanned"
    ingest([corpus_copy], scanned, fake_embedder)
    monkeypatch.setattr(dense, "GRAPH_MIN", 10)
    searched = tmp_path / "searched"
    ingest([corpus_copy], searched, fake_embedder)
    assert (current_version(searched) / "s000001" / "sentences.hnsw").exists()
    a, b = load_index(scanned), load_index(searched, checksums=True)
    assert a.dense() is None and b.dense() is not None
    for q in ("Was sagt Moskau?", "Friedenstruppe Beratungen", "Sicherheitsgarantien Ukraine Nato"):
        qvec = fake_embedder.embed([q], "query")[0]
        n = len(a.chunks)  # every passage a candidate: the scores must be the scan's, exactly
        exact, found = dense_scores(a, qvec, n, sentence_share=0.6), dense_scores(b, qvec, n, sentence_share=0.6)
        assert set(exact) == set(found)
        assert np.allclose([exact[i] for i in exact], [found[i] for i in exact], atol=1e-6)
