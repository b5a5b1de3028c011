"""Export the converted e5 model to ONNX for ONNX Runtime, at install time and offline.

`python -m ingest.model prepare` calls `export` after writing the sentence-transformers
folder. The graph is the whole encoder plus e5's mean pooling and L2 normalisation, so
ONNX Runtime returns the same normalised vectors as sentence-transformers (measured:
cosine >= 0.99999 to the torch vectors). A dynamically quantised int8 copy is written
beside it (`benchmarks/encode_bench.py` measures both against torch).

    models/multilingual-e5-small/onnx/model.onnx        float32
    models/multilingual-e5-small/onnx/model_qint8.onnx  int8 weights (MatMul)
"""

from __future__ import annotations

import logging
import os
import tempfile
import warnings
from pathlib import Path

from ingest.errors import ModelError

ONNX_DIR = "onnx"
FP32 = "model.onnx"
INT8 = "model_qint8.onnx"
OPSET = 17


def onnx_path(model_dir: Path, int8: bool = False) -> Path:
    return Path(model_dir) / ONNX_DIR / (INT8 if int8 else FP32)


def export(model_dir: Path) -> Path:
    """Write `onnx/model.onnx` and `onnx/model_qint8.onnx` inside `model_dir` (atomically each)."""
    try:
        import onnx
        import torch
        import transformers
        from onnxruntime.quantization import QuantType, quantize_dynamic
        from transformers import AutoModel, AutoTokenizer
    except ImportError as e:
        raise ModelError(f"cannot export the ONNX model ({e.name} is not installed); run `make install`") from None

    class Encoder(torch.nn.Module):
        """BERT, mean pooling over the attention mask, L2 normalisation: e5's sentence vector."""

        def __init__(self, bert: torch.nn.Module) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            hidden = self.bert(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, dim=-1)

    out = Path(model_dir) / ONNX_DIR
    out.mkdir(parents=True, exist_ok=True)
    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()
    bert = AutoModel.from_pretrained(str(model_dir), attn_implementation="eager", local_files_only=True).eval()
    tok = AutoTokenizer.from_pretrained(str(model_dir), local_files_only=True)
    sample = tok(["passage: Ein Beispiel.", "passage: Zwei"], padding=True, return_tensors="pt")
    fd, tmp_name = tempfile.mkstemp(prefix=".model-", suffix=".onnx", dir=out)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.chmod(0o644)
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)  # the quantiser's "consider pre-processing" hint
    try:
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the tracer's notes on Python control flow
            torch.onnx.export(
                Encoder(bert),
                (sample["input_ids"], sample["attention_mask"]),
                str(tmp),
                input_names=["input_ids", "attention_mask"],
                output_names=["embedding"],
                dynamic_axes={"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"}},
                opset_version=OPSET,
                dynamo=False,
            )
        os.replace(tmp, out / FP32)
        tmp.touch(0o644)
        quantize_dynamic(
            str(out / FP32),
            str(tmp),
            weight_type=QuantType.QInt8,
            extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
        )
        os.replace(tmp, out / INT8)
    finally:
        root.setLevel(level)
        tmp.unlink(missing_ok=True)
    return out / FP32
