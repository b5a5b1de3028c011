"""Incremental, atomic ingestion and the command line."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from ingest.documents import Texts
from ingest.pipeline import ingest
from ingest.store import current_version, load_index
from tests.conftest import ROOT

EXTRA = (
    "---\ntitle: Neue Entwicklung\n---\nNeue Entwicklung bei den Sicherheitsgarantien\n\n"
    "Die Außenminister berieten am Montag erneut über die Sicherheitsgarantien für die Ukraine. "
    "Eine Entscheidung über eine Friedenstruppe wurde vertagt.\n"
)


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ingest", *args, "--fake-embedder"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_first_run_adds_second_run_embeds_nothing(corpus_copy, tmp_path, fake_embedder):
    index = tmp_path / "index"
    first = ingest([corpus_copy], index, fake_embedder)
    assert len(first.added) == 2 and first.chunks_embedded == first.chunks_total > 0
    calls = fake_embedder.calls
    second = ingest([corpus_copy], index, fake_embedder)
    assert len(second.unchanged) == 2 and not second.added
    assert second.chunks_embedded == 0 and fake_embedder.calls == calls
    assert second.version == first.version


def test_changed_file_reembeds_only_its_own_chunks(corpus_copy, tmp_path, fake_embedder):
    index = tmp_path / "index"
    ingest([corpus_copy], index, fake_embedder)
    before = load_index(index)
    target = corpus_copy / "000_nato-planspiele-optionen.txt"
    target.write_text(target.read_text(encoding="utf-8") + "\nEin neuer Absatz über Sicherheitsgarantien.\n")
    s = ingest([corpus_copy], index, fake_embedder)
    assert s.updated == ["000_nato-planspiele-optionen.txt"] and len(s.unchanged) == 1
    after = load_index(index)
    changed_doc = next(d for d in after.documents if d.source.startswith("000"))
    n_changed = sum(1 for c in after.chunks if c.doc_id == changed_doc.doc_id)
    assert 0 < s.chunks_embedded <= n_changed
    # the other document's chunks and vectors are untouched
    other = next(d for d in before.documents if d.source.startswith("004"))
    old = [(c.hash, v.tolist()) for c, v in zip(before.chunks, before.vectors, strict=True) if c.doc_id == other.doc_id]
    new = [(c.hash, v.tolist()) for c, v in zip(after.chunks, after.vectors, strict=True) if c.doc_id == other.doc_id]
    assert old == new
    assert len(after.documents) == 2


def test_same_article_under_another_name_is_a_duplicate(corpus_copy, tmp_path, fake_embedder):
    index = tmp_path / "index"
    ingest([corpus_copy], index, fake_embedder)
    shutil.copy(corpus_copy / "000_nato-planspiele-optionen.txt", corpus_copy / "kopie.txt")
    s = ingest([corpus_copy], index, fake_embedder)
    assert s.duplicates == [{"path": "kopie.txt", "duplicate_of": "000_nato-planspiele-optionen.txt"}]
    assert len(load_index(index).documents) == 2


def test_duplicates_within_one_run(tmp_path, fake_embedder):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(EXTRA)
    (src / "b.txt").write_text(EXTRA)
    s = ingest([src], tmp_path / "index", fake_embedder)
    assert s.added == ["a.txt"] and s.duplicates[0]["path"] == "b.txt"


def test_moved_file_is_followed_not_duplicated(corpus_copy, tmp_path, fake_embedder):
    index = tmp_path / "index"
    ingest([corpus_copy], index, fake_embedder)
    (corpus_copy / "000_nato-planspiele-optionen.txt").rename(corpus_copy / "renamed.txt")
    s = ingest([corpus_copy], index, fake_embedder)
    assert s.added == ["renamed.txt"] and not s.duplicates
    assert sorted(d.source for d in load_index(index).documents) == [
        "004_ukraine-fordert-sicherheitsgarantien.txt",
        "renamed.txt",
    ]


def test_prune_drops_documents_whose_files_are_gone(corpus_copy, tmp_path, fake_embedder):
    index = tmp_path / "index"
    ingest([corpus_copy], index, fake_embedder)
    (corpus_copy / "004_ukraine-fordert-sicherheitsgarantien.txt").unlink()
    kept = ingest([corpus_copy], index, fake_embedder)
    assert not kept.pruned and len(load_index(index).documents) == 2
    s = ingest([corpus_copy], index, fake_embedder, prune=True)
    assert s.pruned == ["004_ukraine-fordert-sicherheitsgarantien.txt"]
    data = load_index(index)
    assert [d.source for d in data.documents] == ["000_nato-planspiele-optionen.txt"]
    assert all(c.doc_id == data.documents[0].doc_id for c in data.chunks)


def test_bad_files_are_reported_and_good_files_still_go_in(corpus_copy, tmp_path, fake_embedder):
    (corpus_copy / "empty.txt").write_text("")
    (corpus_copy / "notes.docx").write_bytes(b"PK")
    (corpus_copy / "bin.txt").write_bytes(bytes(range(256)) * 10)
    s = ingest([corpus_copy], tmp_path / "index", fake_embedder)
    assert len(s.added) == 2
    reasons = {Path(f["path"]).name: f["error"] for f in s.failed}
    assert set(reasons) == {"empty.txt", "notes.docx", "bin.txt"}
    assert "empty" in reasons["empty.txt"] and "unsupported" in reasons["notes.docx"]


def test_a_folder_with_thousands_of_files(tmp_path, fake_embedder):
    src = tmp_path / "many"
    src.mkdir()
    for i in range(2000):
        (src / f"{i:04d}.txt").write_text(f"Meldung {i}\n\nDie Meldung Nummer {i} berichtet über Sicherheit {i}.")
    s = ingest([src], tmp_path / "index", fake_embedder)
    assert len(s.added) == 2000 and not s.failed
    assert load_index(tmp_path / "index").manifest["counts"]["documents"] == 2000


def test_manifest_and_files_are_inspectable(corpus_copy, tmp_path, fake_embedder):
    index = tmp_path / "index"
    ingest([corpus_copy], index, fake_embedder)
    vdir = current_version(index)
    manifest = json.loads((vdir / "manifest.json").read_text())
    assert manifest["format_version"] == 4 and manifest["model_id"] == fake_embedder.model_id
    assert manifest["dim"] == fake_embedder.dim and manifest["counts"]["documents"] == 2
    assert [s["name"] for s in manifest["segments"]] == ["s000001"] and manifest["segments"][0]["documents"] == 2
    seg = vdir / "s000001"
    table = np.load(seg / "chunks.npy")  # a passage is (document, number, start, end): no text
    hashes = json.loads((seg / "chunk_hashes.json").read_text())
    docs = json.loads((seg / "documents.json").read_text())  # metadata, a list per field
    catalog = json.loads((seg / "catalog.json").read_text())
    assert catalog["doc_id"] == docs["doc_id"] and sum(catalog["chunks"]) == len(table)
    texts = Texts(seg)  # the texts, read per document
    loaded = {c.hash: c.text for c in load_index(index).chunks}
    for (doc, _, start, end), h in zip(table.tolist(), hashes, strict=True):  # loaded, its text is that span
        assert loaded[h] == texts.text(doc)[start:end]


def test_old_versions_are_cleaned_up(corpus_copy, tmp_path, fake_embedder):
    index = tmp_path / "index"
    for i in range(4):
        (corpus_copy / f"extra{i}.txt").write_text(EXTRA.replace("Montag", f"Tag {i}"))
        ingest([corpus_copy], index, fake_embedder)
    versions = sorted(p.name for p in index.glob("v*"))
    assert len(versions) == 2 and current_version(index).name == versions[-1]


def test_cli_json_summary_and_exit_codes(corpus_copy, tmp_path):
    index = tmp_path / "index"
    r = run_cli(str(corpus_copy), "--index", str(index), "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    for key in (
        "added",
        "updated",
        "unchanged",
        "duplicates",
        "pruned",
        "failed",
        "chunks_embedded",
        "chunks_total",
        "seconds",
    ):
        assert key in out
    assert out["added"] == 2 and out["failed"] == []
    r = run_cli(str(corpus_copy), "--index", str(index), "--json")
    out = json.loads(r.stdout)
    assert out["unchanged"] == 2 and out["chunks_embedded"] == 0
    (corpus_copy / "bad.txt").write_bytes(b"")
    r = run_cli(str(corpus_copy), "--index", str(index))
    assert r.returncode == 1
    assert "bad.txt: file is empty" in r.stderr
    assert "0 added" in r.stdout.strip().splitlines()[-1]


def test_cli_plain_output_is_one_summary_line(corpus_copy, tmp_path):
    r = run_cli(str(corpus_copy), "--index", str(tmp_path / "index"))
    assert r.returncode == 0
    assert len(r.stdout.strip().splitlines()) == 1
    assert r.stdout.startswith("2 added")


def test_killed_ingest_leaves_the_previous_version_loadable(corpus_copy, tmp_path, fake_embedder):
    index = tmp_path / "index"
    ingest([corpus_copy], index, fake_embedder)
    good = load_index(index)
    big = tmp_path / "big"
    big.mkdir()
    for i in range(1500):
        (big / f"{i:04d}.txt").write_text(f"Bericht {i}\n\n" + EXTRA.replace("Montag", f"Tag {i}") * 3)
    env = dict(os.environ)
    for delay in (0.5, 1.5, 3.0, 5.0):
        p = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "ingest",
                str(corpus_copy),
                str(big),
                "--index",
                str(index),
                "--fake-embedder",
                "-q",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        p.send_signal(signal.SIGKILL)
        p.wait()
        data = load_index(index)  # whatever happened, the live version loads and is whole
        assert len(data.chunks) == len(data.vectors)
        assert {d.source for d in good.documents} <= {d.source for d in data.documents}
    s = ingest([corpus_copy, big], index, fake_embedder)
    assert not s.failed
    assert load_index(index).manifest["counts"]["documents"] == 1502
    assert not list(index.glob(".tmp-*"))


def test_hidden_files_are_skipped(tmp_path, fake_embedder):
    src = tmp_path / "src"
    src.mkdir()
    (src / ".DS_Store").write_bytes(b"\x00\x01")
    (src / "a.txt").write_text(EXTRA)
    s = ingest([src], tmp_path / "index", fake_embedder)
    assert s.added == ["a.txt"] and not s.failed


@pytest.mark.parametrize("missing", ["nowhere.txt"])
def test_missing_path_is_a_failure_not_a_crash(tmp_path, fake_embedder, missing):
    s = ingest([tmp_path / missing], tmp_path / "index", fake_embedder)
    assert s.failed and "no such file or folder" in s.failed[0]["error"]


def test_adding_one_article_reads_and_analyses_only_that_one(corpus_copy, tmp_path, fake_embedder, monkeypatch):
    """O(new): unchanged files are not cleaned again, the old segment is linked (not
    written again), only the new article is analysed, and the word counts are updated,
    not recounted."""
    from ingest import assemble, pipeline
    from ingest.analyze import build_vocab, stem

    index = tmp_path / "index"
    ingest([corpus_copy], index, fake_embedder)
    first = load_index(index)
    loaded, analysed = [], []
    real_load, real_analyze = pipeline.load_document, assemble.analyze_many
    monkeypatch.setattr(pipeline, "load_document", lambda f, *a: loaded.append(f.name) or real_load(f, *a))
    monkeypatch.setattr(assemble, "analyze_many", lambda texts, v: real_analyze(_seen(analysed, texts), v))
    (corpus_copy / "neu.md").write_text(EXTRA, encoding="utf-8")
    summary = ingest([corpus_copy], index, fake_embedder)
    assert loaded == ["neu.md"] and len(summary.unchanged) == 2
    second = load_index(index)
    new_chunks = [c for c in second.chunks if c.doc_id not in {d.doc_id for d in first.documents}]
    assert len(analysed) == len(new_chunks) > 0
    old_seg, new_seg = (current_version(index) / name / "vectors.npy" for name in ("s000001", "s000002"))
    assert old_seg.stat().st_nlink == 2 and new_seg.stat().st_nlink == 1  # shared with the version before
    assert second.bm25 is not None and second.bm25.df(stem("außenminister")) > 0
    assert second.vocab == build_vocab(d.text for d in second.documents)

    (corpus_copy / "neu.md").unlink()
    ingest([corpus_copy], index, fake_embedder, prune=True)
    third = load_index(index)
    assert third.vocab == build_vocab(d.text for d in third.documents) == first.vocab
    assert "s000002" not in [s["name"] for s in third.manifest["segments"]]  # the emptied segment is gone


def _seen(into: list, texts) -> list:
    texts = list(texts)
    into.extend(texts)
    return texts


def test_an_edited_file_is_read_again(corpus_copy, tmp_path, fake_embedder):
    index = tmp_path / "index"
    ingest([corpus_copy], index, fake_embedder)
    docs = current_version(index) / "s000001" / "documents.json"
    assert all(json.loads(docs.read_text("utf-8"))["raw_hash"])
    article = sorted(corpus_copy.glob("*.txt"))[0]
    article.write_text(article.read_text(encoding="utf-8") + "\nEin neuer Absatz zum Schluss des Artikels.\n", "utf-8")
    summary = ingest([corpus_copy], index, fake_embedder)
    assert len(summary.updated) == 1 and len(summary.unchanged) == 1


def test_a_touched_file_is_hashed_once_then_known_by_its_stat(corpus_copy, tmp_path, fake_embedder, monkeypatch):
    """`touch` (or a copy that resets times) changes a file's time, not its bytes: the next
    ingest hashes it, keeps its document where it is and records the new stat in the
    manifest; the one after reads nothing. An edit elsewhere keeps that record."""
    from ingest import pipeline

    index = tmp_path / "index"
    first = ingest([corpus_copy], index, fake_embedder)
    article = sorted(corpus_copy.glob("*.txt"))[0]
    os.utime(article, ns=(time.time_ns(), time.time_ns() + 5_000_000_000))
    hashed: list[str] = []
    real = pipeline.read_bytes
    monkeypatch.setattr(pipeline, "read_bytes", lambda p, *a: hashed.append(Path(p).name) or real(p, *a))
    second = ingest([corpus_copy], index, fake_embedder)
    assert hashed == [article.name] and len(second.unchanged) == 2 and not second.updated
    assert second.chunks_embedded == 0 and second.version != first.version
    manifest = load_index(index).manifest
    assert manifest["touched"] == {str(article.resolve()): [article.stat().st_size, article.stat().st_mtime_ns]}
    assert [s["name"] for s in manifest["segments"]] == ["s000001"]  # nothing rewritten

    hashed.clear()
    third = ingest([corpus_copy], index, fake_embedder)
    assert hashed == [] and third.version == second.version

    other = sorted(corpus_copy.glob("*.txt"))[1]
    other.write_text(other.read_text(encoding="utf-8") + "\nEin Nachtrag.\n", encoding="utf-8")
    ingest([corpus_copy], index, fake_embedder)
    assert str(article.resolve()) in load_index(index).manifest["touched"]
    hashed.clear()
    assert ingest([corpus_copy], index, fake_embedder).updated == [] and hashed == []


def test_a_hand_edited_touched_record_only_means_files_are_read_again(corpus_copy, tmp_path, fake_embedder):
    index = tmp_path / "index"
    ingest([corpus_copy], index, fake_embedder)
    manifest = current_version(index) / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    manifest.write_text(json.dumps({**data, "touched": 5}), encoding="utf-8")
    summary = ingest([corpus_copy], index, fake_embedder)
    assert len(summary.unchanged) == 2 and not summary.failed
