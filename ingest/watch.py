"""`python -m ingest --watch FOLDER…`: ingest files as they appear or change.

The folders are polled (a stat per file, no inotify dependency); a change starts a
quiet period, and the ingest runs once nothing has changed for `settle` seconds, so a
file being copied in is read whole and a burst of files is one run.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from ingest.pipeline import discover

Snapshot = dict[str, tuple[int, int]]


def snapshot(paths: Iterable[Path]) -> Snapshot:
    """Modification time and size of every file under `paths` (files that vanish are skipped)."""
    out: Snapshot = {}
    for file, _ in discover(paths, errors=[]):
        try:
            st = os.stat(file)
        except OSError:
            continue
        out[file] = (st.st_mtime_ns, st.st_size)
    return out


def watch(
    paths: list[Path],
    run: Callable[[], None],
    every: float = 1.0,
    settle: float = 2.0,
    stop: threading.Event | None = None,
) -> None:
    """Call `run()` now, then after every change under `paths` once it has settled; until `stop`."""
    stop = stop or threading.Event()
    last = snapshot(paths)  # before the run: a file that arrives during it starts the next one
    run()
    changed_at: float | None = None
    while not stop.wait(every):
        now = snapshot(paths)
        if now != last:
            last, changed_at = now, time.monotonic()
        elif changed_at is not None and time.monotonic() - changed_at >= settle:
            changed_at = None
            run()
