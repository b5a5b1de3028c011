"""Operator edits: metadata corrections and removal write a new version; edits survive re-ingest."""

from __future__ import annotations

import pytest

from ingest.edit import remove, set_metadata
from ingest.errors import ChatbotError, LoadError
from ingest.pipeline import ingest
from ingest.store import load_index


@pytest.fixture
def index(corpus_copy, tmp_path, fake_embedder):
    out = tmp_path / "index"
    ingest([corpus_copy], out, fake_embedder)
    return out


def _doc(index, source_part: str):
    return next(d for d in load_index(index).documents if source_part in d.source)


def test_metadata_edit_is_a_new_version_and_survives_reingest(index, corpus_copy, fake_embedder):
    doc = _doc(index, "004_")
    fields = {"title": "Neuer Titel", "outlet": "CNN", "date": "2025-03-03", "url": "https://www.cnn.com/x"}
    summary = set_metadata(index, fake_embedder, doc.doc_id, fields)
    assert summary.version == "v000002" and summary.updated == [doc.source]
    edited = _doc(index, "004_")
    assert edited.title == "Neuer Titel" and edited.meta["outlet"] == "CNN" and edited.meta["date"] == "2025-03-03"
    assert edited.meta["url"] == "https://www.cnn.com/x" and edited.text == doc.text
    again = ingest([corpus_copy], index, fake_embedder)  # the file itself did not change
    assert again.unchanged and _doc(index, "004_").meta["outlet"] == "CNN"
    set_metadata(index, fake_embedder, doc.doc_id, {"outlet": ""})  # an empty value removes a field
    assert "outlet" not in _doc(index, "004_").meta


def test_bad_edits_are_one_clear_error(index, fake_embedder):
    doc = _doc(index, "000_")
    with pytest.raises(LoadError, match="'date' is not a date"):
        set_metadata(index, fake_embedder, doc.doc_id, {"date": "gestern"})
    with pytest.raises(LoadError, match="not an http"):
        set_metadata(index, fake_embedder, doc.doc_id, {"url": "javascript:alert(1)"})
    with pytest.raises(ChatbotError, match="editable fields are"):
        set_metadata(index, fake_embedder, doc.doc_id, {"text": "x"})
    with pytest.raises(ChatbotError, match="needs a title"):
        set_metadata(index, fake_embedder, doc.doc_id, {"title": ""})
    with pytest.raises(ChatbotError, match="no article with id"):
        set_metadata(index, fake_embedder, "nope", {"outlet": "x"})
    assert load_index(index).version == "v000001"  # nothing was written


def test_remove_an_article(index, fake_embedder):
    doc = _doc(index, "000_")
    summary = remove(index, fake_embedder, doc.doc_id)
    data = load_index(index)
    assert summary.pruned == [doc.source] and [d.source for d in data.documents] == [_doc(index, "004_").source]
    assert all(c.doc_id != doc.doc_id for c in data.chunks)


def test_the_app_refuses_edits_without_login(index, fake_embedder):
    from chatbot.api import Chatbot
    from chatbot.operator import edit_article

    bot = Chatbot(index, embedder=fake_embedder)
    doc = _doc(index, "000_")
    line, _, _ = edit_article(bot, False, doc.doc_id, {"outlet": "x"})
    assert line.startswith("❌") and load_index(index).version == "v000001"
    line, rows, _ = edit_article(bot, True, doc.doc_id, {"outlet": "Neues Medium"})
    assert line.startswith("✅") and any(r[2] == "Neues Medium" for r in rows)
