import json

import pytest

from ingest.errors import IndexError_
from ingest.pipeline import ingest
from ingest.store import current_version, load_index


@pytest.fixture
def index(corpus_copy, tmp_path, fake_embedder):
    out = tmp_path / "index"
    ingest([corpus_copy], out, fake_embedder)
    return out


def test_missing_index(tmp_path):
    with pytest.raises(IndexError_, match="no index at"):
        load_index(tmp_path / "nothing")


def test_other_model(index):
    with pytest.raises(IndexError_, match="was built with model 'fake-hash-256'"):
        load_index(index, model_id="multilingual-e5-small")


def test_older_format(index):
    m = current_version(index) / "manifest.json"
    data = json.loads(m.read_text())
    data["format_version"] = 0
    m.write_text(json.dumps(data))
    with pytest.raises(IndexError_, match="format version 0"):
        load_index(index)


def test_missing_file(index):
    (current_version(index) / "vectors.faiss").unlink()
    with pytest.raises(IndexError_, match=r"no intact index version .*vectors\.faiss is missing"):
        load_index(index)


def test_current_points_nowhere(index):
    (index / "CURRENT").write_text("v999999\n")
    data = load_index(index)  # readers fall back to the newest intact version
    assert data.version == "v000001" and "v999999 is missing" in data.problems[0]


def test_a_version_2_index_with_passage_text_is_read_and_upgraded(index, corpus_copy, fake_embedder):
    """Format 2 stored each passage's text and no BM25 terms; it still loads, and the next ingest writes 3."""
    from ingest.integrity import file_table
    from ingest.store import TERMS

    vdir = current_version(index)
    data = load_index(index)
    rows = [json.loads(line) for line in (vdir / "chunks.jsonl").read_text("utf-8").splitlines()]
    for r, c in zip(rows, data.chunks, strict=True):
        r["text"] = c.text
    (vdir / "chunks.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    for name in TERMS:
        (vdir / name).unlink()
    manifest = json.loads((vdir / "manifest.json").read_text("utf-8"))
    manifest["format_version"] = 2
    manifest["files"] = file_table(vdir)
    (vdir / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    old = load_index(index, checksums=True)
    assert [c.text for c in old.chunks] == [c.text for c in data.chunks] and old.chunk_terms() == {}
    (corpus_copy / "neu.txt").write_text("Neu\n\n" + "Ein neuer Artikel über Sicherheitsgarantien. " * 5, "utf-8")
    ingest([corpus_copy], index, fake_embedder)
    new = load_index(index, checksums=True)
    assert new.manifest["format_version"] == 3 and len(new.chunk_terms()) == len(new.chunks)
