"""Start-up helpers for servers run as subprocesses by tests and benchmarks."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_up(poll_url: str, proc: subprocess.Popen, log: Path, timeout: float, what: str) -> None:
    """Return once `poll_url` answers; kill `proc` and raise RuntimeError with the log's tail
    if it exits or `timeout` seconds pass first."""
    deadline = time.time() + timeout
    while True:
        try:
            urllib.request.urlopen(poll_url, timeout=2)
            return
        except OSError:
            if proc.poll() is not None or time.time() > deadline:
                proc.kill()
                raise RuntimeError(f"{what} did not start:\n{log.read_text()[-2000:]}") from None
            time.sleep(0.5)
