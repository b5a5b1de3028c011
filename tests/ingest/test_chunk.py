import itertools

import pytest

from ingest.chunk import chunk_text
from ingest.load import load_document
from ingest.sentences import split_sentences
from tests.conftest import CORPUS


@pytest.mark.parametrize(
    "text",
    [
        "Das gilt z. B. für die Ukraine.",
        "Er wohnt in der Hauptstraße Nr. 5 in Kiew.",
        "Nach dem Besuch am 18. August rechnen Diplomaten damit.",
        "Die Front ist 1.000 Kilometer lang.",
        "Dr. Müller und Prof. Schmidt sind sich einig.",
        "Washington, D.C. ist die Hauptstadt.",
    ],
)
def test_abbreviations_and_numbers_do_not_end_sentences(text):
    assert split_sentences(text) == [text]


def test_sentences_split_at_real_ends():
    text = "Trump schloss das aus. Allerdings könnten die USA helfen! Ist das sicher? „Ja“, sagte er."
    assert split_sentences(text) == [
        "Trump schloss das aus.",
        "Allerdings könnten die USA helfen!",
        "Ist das sicher?",
        "„Ja“, sagte er.",
    ]


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.txt")))
def test_chunk_offsets_match_the_cleaned_text(name):
    doc = load_document(CORPUS / name)
    passages = chunk_text(doc.text)
    assert passages
    for p in passages:
        assert doc.text[p.start : p.end] == p.text
        assert len(p.text) <= 800
    # together they cover the whole text
    covered = set()
    for p in passages:
        covered.update(range(p.start, p.end))
    assert all(i in covered for i, ch in enumerate(doc.text) if not ch.isspace())


def test_neighbouring_passages_overlap():
    doc = load_document(CORPUS / "004_ukraine-fordert-sicherheitsgarantien.txt")
    passages = chunk_text(doc.text)
    assert any(b.start < a.end for a, b in itertools.pairwise(passages))


def test_passages_do_not_cut_sentences_when_they_fit():
    doc = load_document(CORPUS / "004_ukraine-fordert-sicherheitsgarantien.txt")
    for p in chunk_text(doc.text):
        assert p.text[-1] in '.?!“"»:' or p.end == len(doc.text) or "\n" in doc.text[p.end : p.end + 2]
