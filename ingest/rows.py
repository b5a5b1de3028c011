"""Rows of several arrays seen as one array, without copying them, and rows of .npy files
read from disk when asked for.

Each segment keeps its vectors in its own file; an index of many segments
reads `index.sentence_vectors[rows]` across them. Joining them into one array would copy
every vector into memory at each load; `Rows` gathers only the rows asked for, and a
product with one vector runs part by part.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np


def save_npy(path: Path, array: np.ndarray) -> None:
    """Write `array` as .npy through Python, so a full disk is an OSError with its errno
    (numpy's own file writing loses it)."""
    buf = io.BytesIO()
    np.save(buf, array)
    with path.open("wb") as f:
        f.write(buf.getbuffer())


class RowFile:
    """The rows of an .npy file on disk, read with `pread` when asked for: only those bytes
    come into memory. (A memory map would do the same in principle, but the page cache maps
    whole large folios around each row read: a few hundred rows a question left hundreds of
    megabytes of the archive's vectors resident.)"""

    def __init__(self, path: Path) -> None:
        with path.open("rb") as f:
            version = np.lib.format.read_magic(f)
            read = np.lib.format.read_array_header_1_0 if version == (1, 0) else np.lib.format.read_array_header_2_0
            shape, fortran, dtype = read(f)
            self.offset = f.tell()
        if fortran or len(shape) != 2 or dtype != np.float32:
            raise ValueError(f"{path} is not a float32 matrix")
        self.path, self.shape, self.dtype, self.ndim = path, (int(shape[0]), int(shape[1])), np.dtype(np.float32), 2
        self.fd = os.open(path, os.O_RDONLY)
        self.row_bytes = 4 * self.shape[1]

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            os.close(self.fd)

    def __len__(self) -> int:
        return self.shape[0]

    def _read(self, start: int, stop: int) -> np.ndarray:
        data = os.pread(self.fd, (stop - start) * self.row_bytes, self.offset + start * self.row_bytes)
        return np.frombuffer(data, np.float32).reshape(stop - start, self.shape[1])

    def __getitem__(self, key: Any) -> np.ndarray:
        if isinstance(key, (int, np.integer)):
            row = int(key) + (len(self) if key < 0 else 0)
            if not 0 <= row < len(self):
                raise IndexError(key)
            return self._read(row, row + 1)[0]
        if isinstance(key, slice):
            start, stop, step = key.indices(len(self))
            return self._read(start, max(start, stop))[::step] if step > 0 else self[np.arange(start, stop, step)]
        rows = np.asarray(key)
        rows = np.flatnonzero(rows) if rows.dtype == bool else rows.astype(np.int64).reshape(-1)
        if len(rows) and (rows.min() < 0 or rows.max() >= len(self)):
            raise IndexError(f"row out of range for {len(self)} rows")
        out = np.empty((len(rows), self.shape[1]), np.float32)
        if not len(rows):
            return out
        order = np.argsort(rows, kind="stable")
        ordered = rows[order]
        breaks = np.flatnonzero(np.diff(ordered) > 1) + 1  # runs of neighbouring rows: one read each
        for run in np.split(np.arange(len(ordered)), breaks):
            first, last = int(ordered[run[0]]), int(ordered[run[-1]])
            block = self._read(first, last + 1)
            out[order[run]] = block[ordered[run] - first]
        return out

    def __matmul__(self, other: np.ndarray) -> np.ndarray:
        step = 65_536
        return np.concatenate([self._read(i, min(len(self), i + step)) @ other for i in range(0, len(self), step)])

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        out = self._read(0, len(self))
        return out.astype(dtype) if dtype is not None else out


class Picked:
    """Some rows of an array (a segment's live rows when it has deleted documents), read
    only when asked for, like the array itself."""

    def __init__(self, array: Any, rows: np.ndarray) -> None:
        self.array, self.rows = array, rows
        self.shape, self.ndim, self.dtype = (len(rows), array.shape[1]), 2, np.dtype(np.float32)

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, key: Any) -> np.ndarray:
        return np.asarray(self.array[self.rows[key]], np.float32)

    def __matmul__(self, other: np.ndarray) -> np.ndarray:
        return np.asarray(self.array @ other)[self.rows]

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        out = np.asarray(self.array[self.rows], np.float32)
        return out.astype(dtype) if dtype is not None else out


class Rows:
    def __init__(self, parts: Sequence[np.ndarray], dim: int) -> None:
        self.parts = [p for p in parts if len(p)]
        self.starts = np.cumsum([0, *(len(p) for p in self.parts)])
        self.shape = (int(self.starts[-1]), dim)
        self.ndim, self.dtype = 2, np.dtype(np.float32)

    def __len__(self) -> int:
        return self.shape[0]

    def _locate(self, rows: np.ndarray) -> np.ndarray:
        if len(rows) and (rows.min() < 0 or rows.max() >= len(self)):
            raise IndexError(f"row out of range for {len(self)} rows")
        return np.searchsorted(self.starts, rows, side="right") - 1

    def __getitem__(self, key: Any) -> np.ndarray:
        if isinstance(key, (int, np.integer)):
            row = int(key) + (len(self) if key < 0 else 0)
            part = int(self._locate(np.array([row]))[0])
            return np.asarray(self.parts[part][row - self.starts[part]], np.float32)
        if isinstance(key, slice):
            rows = np.arange(*key.indices(len(self)))
        else:
            rows = np.asarray(key)
            rows = np.flatnonzero(rows) if rows.dtype == bool else rows.astype(np.int64).reshape(-1)
        out = np.empty((len(rows), self.shape[1]), np.float32)
        where = self._locate(rows)
        for part in np.unique(where):
            mask = where == part
            out[mask] = self.parts[part][rows[mask] - self.starts[part]]
        return out

    def __matmul__(self, other: np.ndarray) -> np.ndarray:
        if not self.parts:
            return np.zeros((0, *other.shape[1:]), np.float32)
        return np.concatenate([p @ other for p in self.parts])

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        out = np.concatenate(self.parts) if self.parts else np.zeros(self.shape, np.float32)
        return out.astype(dtype) if dtype is not None else out
