"""Several segments' vectors read as one, and rows read from disk, equal the plain array."""

import numpy as np

from ingest.rows import RowFile, Rows


def test_rows_and_row_files_read_what_the_array_holds(tmp_path):
    x = np.random.default_rng(0).standard_normal((1000, 8)).astype(np.float32)
    np.save(tmp_path / "x.npy", x[600:])
    joined = Rows([x[:600], RowFile(tmp_path / "x.npy")], 8)
    assert len(joined) == 1000 and joined.shape == (1000, 8)
    for rows in ([5, 3, 4, 4, 999, 0, 600, 601, 599], [], [7], np.arange(1000)[::-3]):
        assert np.array_equal(joined[rows], x[np.asarray(rows, dtype=int)])
    assert np.array_equal(joined[650], x[650]) and np.array_equal(joined[590:610], x[590:610])
    assert np.allclose(joined @ x[0], x @ x[0]) and np.array_equal(np.asarray(joined), x)
    single = RowFile(tmp_path / "x.npy")
    assert np.array_equal(single[2:9:2], x[602:609:2]) and np.array_equal(single[np.array([True] * 400)], x[600:])
