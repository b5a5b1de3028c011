"""Rows of several arrays seen as one array, without copying them.

Each segment keeps its vectors in its own memory-mapped file; an index of many segments
reads `index.sentence_vectors[rows]` across them. Joining them into one array would copy
every vector into memory at each load; `Rows` gathers only the rows asked for, and a
product with one vector runs part by part.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np


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
