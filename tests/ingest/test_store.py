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
