import json

import numpy as np
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
    (current_version(index) / "s000001" / "vectors.npy").unlink()
    with pytest.raises(IndexError_, match=r"no intact index version .*vectors\.npy is missing"):
        load_index(index)


def test_current_points_nowhere(index):
    (index / "CURRENT").write_text("v999999\n")
    data = load_index(index)  # readers fall back to the newest intact version
    assert data.version == "v000001" and "v999999 is missing" in data.problems[0]


def _as_format_3(index, vdir) -> None:
    """Rewrite the version `vdir` in the layout before segments (format 3: one folder)."""
    import shutil

    import faiss
    import numpy as np

    from ingest.documents import stored
    from ingest.integrity import file_table

    data = load_index(index)
    docs = [stored(d).__dict__ for d in data.documents]  # read before the folder goes
    chunks = [{k: v for k, v in c.__dict__.items() if k != "text"} for c in data.chunks]
    shutil.rmtree(vdir)
    vdir.mkdir()
    seg_rows = {
        "documents.jsonl": docs,
        "chunks.jsonl": chunks,
    }
    for name, rows in seg_rows.items():
        (vdir / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    flat = faiss.IndexFlatIP(data.dim)
    flat.add(np.ascontiguousarray(data.vectors))
    faiss.write_index(flat, str(vdir / "vectors.faiss"))
    np.save(vdir / "sentences.npy", np.asarray(data.sentence_vectors))
    np.save(vdir / "lexicon.npy", np.asarray(data.lexicon_vectors))
    (vdir / "vocab.json").write_text(json.dumps(data.vocab), "utf-8")
    (vdir / "lexicon.json").write_text(json.dumps(data.lexicon), "utf-8")
    counts = {"documents": len(data.documents), "chunks": len(data.chunks)}
    manifest = {"format_version": 3, "model_id": data.model_id, "dim": data.dim, "counts": counts}
    manifest["files"] = file_table(vdir)
    (vdir / "manifest.json").write_text(json.dumps(manifest), "utf-8")


def test_a_version_3_index_is_read_and_upgraded_to_segments(index, corpus_copy, fake_embedder):
    """Format 3 kept everything in one folder; it still loads, and the next ingest writes segments."""
    data = load_index(index)
    _as_format_3(index, current_version(index))
    old = load_index(index, checksums=True)
    assert old.manifest["format_version"] == 3 and [c.text for c in old.chunks] == [c.text for c in data.chunks]
    assert np.allclose(old.bm25.get_scores(["ukrain"]), data.bm25.get_scores(["ukrain"]))
    (corpus_copy / "neu.txt").write_text("Neu\n\n" + "Ein neuer Artikel über Sicherheitsgarantien. " * 5, "utf-8")
    summary = ingest([corpus_copy], index, fake_embedder)
    assert summary.chunks_embedded == 1  # the old passages keep their vectors
    new = load_index(index, checksums=True)
    assert new.manifest["format_version"] == 4 and len(new.documents) == 3
    assert [s["name"] for s in new.manifest["segments"]] == ["s000001", "s000002"]
