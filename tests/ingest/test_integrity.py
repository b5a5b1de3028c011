"""Index integrity: checksums, falling back to an intact version, repair, retention, write failures.

Each test damages a real index (built with the fake embedder) and checks: one line, the
exit code, readers still answer, the next ingest repairs.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.errors import IndexError_
from ingest.integrity import verify, versions
from ingest.pipeline import ingest
from ingest.store import REQUIRED_FILES, current_name, load_index
from tests.conftest import ROOT

FAKE_JSON = ("--fake-embedder", "--json")
EXTRA = "---\ntitle: Zusatz\n---\nZusatz\n\nDie Nato berät über Luftverteidigung für die Ukraine. Das ist neu.\n"
# an ingest writes only what is new: an article this long needs more than the space left below
LONG = "---\ntitle: Lang\n---\nLang\n\n" + "\n\n".join(
    f"Absatz {i}: Die Nato berät zum {i}. Mal über Luftverteidigung für die Ukraine." for i in range(300)
)


@pytest.fixture
def two_versions(corpus_copy, tmp_path, fake_embedder) -> tuple[Path, Path]:
    """An index with two versions (the corpus, then one more article): (index, corpus)."""
    index = tmp_path / "index"
    ingest([corpus_copy], index, fake_embedder)
    (corpus_copy / "zusatz.txt").write_text(EXTRA, encoding="utf-8")
    ingest([corpus_copy], index, fake_embedder)
    assert versions(index) == ["v000001", "v000002"] and current_name(index) == "v000002"
    return index, corpus_copy


def _ingest_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ingest", *args, "--fake-embedder", "-q"], cwd=ROOT, capture_output=True, text=True
    )


def _ask_cli(index: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "chatbot", "ask", "Was sagt Moskau?", "--index", str(index), *FAKE_JSON],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def test_manifest_lists_every_file_with_a_checksum(two_versions):
    index, _ = two_versions
    vdir = index / "v000002"
    files = json.loads((vdir / "manifest.json").read_text())["files"]
    on_disk = {p.relative_to(vdir).as_posix() for p in vdir.rglob("*") if p.is_file()} - {"manifest.json"}
    assert set(files) == on_disk and {f.split("/")[0] for f in files} == {"s000001", "s000002", "vocab.json"}
    assert all(len(v["sha256"]) == 64 and v["size"] >= 0 for v in files.values())
    assert verify(vdir, checksums=True, required=REQUIRED_FILES) is None


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _new(v: Path) -> Path:
    """The segment the version added (the older one is shared with the version before)."""
    return sorted(v.glob("s*"))[-1]


DAMAGE = {
    "vectors cut short": lambda v: _truncate(_new(v) / "vectors.npy"),
    "chunks cut short": lambda v: _truncate(_new(v) / "chunks.npy"),
    "broken manifest": lambda v: (v / "manifest.json").write_text("{not json"),
    "postings deleted": lambda v: (_new(v) / "postings.npz").unlink(),
    "sentences missing": lambda v: (_new(v) / "sentences.npy").unlink(),
    "segment folder gone": lambda v: shutil.rmtree(_new(v)),
    "version folder gone": lambda v: shutil.rmtree(v),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_damaged_live_version_readers_fall_back_and_ingest_repairs(two_versions, fake_embedder, damage, caplog):
    index, corpus = two_versions
    DAMAGE[damage](index / "v000002")
    data = load_index(index)
    assert data.version == "v000001" and data.live == "v000002" and data.problems
    assert "damaged" in caplog.text and "answering from v000001" in caplog.text
    asked = _ask_cli(index)
    assert asked.returncode == 0 and json.loads(asked.stdout)["citations"]
    summary = ingest([corpus], index, fake_embedder)
    assert summary.repaired and "v000001" in summary.repaired
    fresh = load_index(index, checksums=True)
    assert fresh.version == current_name(index) == summary.version and not fresh.problems
    assert len(fresh.documents) == 3  # the article added in the damaged version is back


def test_flipped_byte_is_found_by_checksums_only(two_versions):
    index, _ = two_versions
    path = _new(index / "v000002") / "texts.txt"
    path.write_bytes(path.read_bytes().replace(b"Ukraine", b"Ukrainf", 1))  # same size, other text
    assert load_index(index).version == "v000002"  # same size: the cheap check passes
    assert load_index(index, checksums=True).version == "v000001"
    out = _ingest_cli("--verify", "--index", str(index))
    assert out.returncode == 1 and "v000002 (live): DAMAGED" in out.stdout and "v000001: intact" in out.stdout


def test_no_intact_version_is_one_line_and_ingest_rebuilds(two_versions, fake_embedder):
    index, corpus = two_versions
    _truncate(index / "v000001" / "s000001" / "vectors.npy")  # the segment both versions share
    with pytest.raises(IndexError_, match="no intact index version"):
        load_index(index)
    asked = _ask_cli(index)
    assert asked.returncode == 2 and asked.stderr.count("\n") == 1 and "Traceback" not in asked.stderr
    assert _ingest_cli("--verify", "--index", str(index)).returncode == 2
    out = _ingest_cli(str(corpus), "--index", str(index))
    assert out.returncode == 0 and "repaired" in out.stdout and "Traceback" not in out.stderr
    assert len(load_index(index, checksums=True).documents) == 3


def test_retention_keeps_live_and_previous_and_removes_litter(two_versions, fake_embedder):
    index, corpus = two_versions
    shutil.copytree(index / "v000002", index / "v000003")  # renamed into place, never made live
    (index / ".CURRENT.99999").write_text("v000003\n")
    (index / ".tmp-v000004-99999").mkdir()
    (corpus / "zusatz2.txt").write_text(EXTRA.replace("Zusatz", "Zweiter Zusatz"), encoding="utf-8")
    summary = ingest([corpus], index, fake_embedder)
    assert versions(index) == ["v000002", summary.version] and current_name(index) == summary.version
    assert not list(index.glob(".CURRENT.*")) and not list(index.glob(".tmp-*"))


def test_retention_skips_a_damaged_previous_version(two_versions, fake_embedder):
    index, corpus = two_versions
    (index / "v000001" / "manifest.json").write_text("{not json")
    (corpus / "zusatz2.txt").write_text(EXTRA.replace("Zusatz", "Zweiter Zusatz"), encoding="utf-8")
    summary = ingest([corpus], index, fake_embedder)
    assert versions(index) == ["v000002", summary.version]


def test_write_failure_removes_the_temporary_folder_and_keeps_live(two_versions, fake_embedder, monkeypatch):
    index, corpus = two_versions
    import ingest.store as store

    def refuse(tmp, *args):
        (tmp / "partial.bin").write_bytes(b"x" * 1000)
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp / "partial.bin"))

    monkeypatch.setattr(store, "_write_files", refuse)
    (corpus / "zusatz2.txt").write_text(EXTRA.replace("Zusatz", "Zweiter Zusatz"), encoding="utf-8")
    with pytest.raises(IndexError_, match=r"no write permission for .*partial\.bin"):
        ingest([corpus], index, fake_embedder)
    assert not list(index.glob(".tmp-*")) and versions(index) == ["v000001", "v000002"]
    assert load_index(index).version == "v000002"


def _small_filesystem(path: Path, size: str) -> bool:
    path.mkdir(parents=True, exist_ok=True)
    try:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True)
    except OSError:
        return False
    return done.returncode == 0


def test_disk_full_is_one_line_exit_2_and_leaves_nothing_behind(corpus_copy, tmp_path):
    disk = tmp_path / "disk"
    if not _small_filesystem(disk, "4M"):
        pytest.skip("cannot mount a small tmpfs here (the RLIMIT_FSIZE variant below runs instead)")
    try:
        index = disk / "index"
        assert _ingest_cli(str(corpus_copy), "--index", str(index)).returncode == 0
        free = shutil.disk_usage(disk).free
        (disk / "filler").write_bytes(b"\0" * max(0, free - 64_000))
        (corpus_copy / "zusatz.txt").write_text(LONG, encoding="utf-8")
        out = _ingest_cli(str(corpus_copy), "--index", str(index))
        assert out.returncode == 2 and out.stderr.count("\n") == 1, out.stderr
        assert "disk full while writing" in out.stderr and "MB free" in out.stderr
        assert not list(index.glob(".tmp-*")) and versions(index) == ["v000001"]
        assert _ask_cli(index).returncode == 0  # readers still answer
        (disk / "filler").unlink()
        out = _ingest_cli(str(corpus_copy), "--index", str(index))
        assert out.returncode == 0 and versions(index)[-1] == "v000002"
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def test_file_size_limit_is_one_line_exit_2(corpus_copy, tmp_path):
    """Where no filesystem can be mounted: a file-size limit makes writes fail the same way."""
    index = tmp_path / "index"
    assert _ingest_cli(str(corpus_copy), "--index", str(index)).returncode == 0
    (corpus_copy / "zusatz.txt").write_text(LONG, encoding="utf-8")
    code = (
        "import resource, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
        "resource.setrlimit(resource.RLIMIT_FSIZE, (20000, 20000)); "
        "from ingest.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(corpus_copy), "--index", str(index), "--fake-embedder", "-q"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and "Traceback" not in out.stderr, out.stderr
    assert "file size limit" in out.stderr
    assert not list(index.glob(".tmp-*")) and versions(index) == ["v000001"]
    assert _ask_cli(index).returncode == 0


def test_verify_on_a_healthy_index(two_versions):
    index, _ = two_versions
    out = _ingest_cli("--verify", "--index", str(index))
    assert out.returncode == 0 and "v000002 (live): intact" in out.stdout
    missing = _ingest_cli("--verify", "--index", str(index.parent / "nothing"))
    assert missing.returncode == 2 and "no index at" in missing.stderr


def test_ingest_without_paths_is_one_line():
    out = _ingest_cli()
    assert out.returncode == 2 and "give article files" in out.stderr and os.linesep in out.stderr


def test_a_second_ingest_says_it_waits_for_the_lock(two_versions):
    import threading

    from ingest.store import writer_lock

    index, corpus = two_versions
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with writer_lock(index):
            held.set()
            release.wait(10)

    t = threading.Thread(target=hold)
    t.start()
    held.wait(5)
    proc = subprocess.Popen(
        [sys.executable, "-m", "ingest", str(corpus), "--index", str(index), "--fake-embedder", "-q"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    import time

    time.sleep(3)
    release.set()
    t.join()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0
    assert "waiting for another ingest to finish" in err and "got the lock after waiting" in err


def test_missing_path_and_unreadable_folder_are_reported(tmp_path, monkeypatch):
    from ingest.pipeline import discover

    errors: list[tuple[str, str]] = []
    assert list(discover([tmp_path / "nope"], errors=errors)) == []
    assert errors == [(str(tmp_path / "nope"), "no such file or folder")]

    def walk(top, onerror=None, followlinks=False):
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "locked")))
        return iter([])

    monkeypatch.setattr("ingest.pipeline.os.walk", walk)
    errors.clear()
    list(discover([tmp_path], errors=errors))
    assert errors == [(str(tmp_path / "locked"), "cannot read this folder (Permission denied)")]
    out = _ingest_cli(str(tmp_path / "nope"), "--index", str(tmp_path / "index"))
    assert out.returncode == 1 and "nope: no such file or folder" in out.stderr
