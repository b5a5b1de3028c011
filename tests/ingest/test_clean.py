from pathlib import Path

import pytest

from ingest.clean import clean, looks_hard_wrapped
from ingest.load import load_document
from tests.conftest import CORPUS

SEED_004 = CORPUS / "004_ukraine-fordert-sicherheitsgarantien.txt"
SEED_000 = CORPUS / "000_nato-planspiele-optionen.txt"


@pytest.fixture(scope="module")
def doc004():
    return load_document(SEED_004)


def test_ischinger_sentence_is_joined_across_the_url_footer(doc004):
    assert "Wolfgang Ischinger, ein ehemaliger deutscher Botschafter in Washington, warnte jedoch, dass" in doc004.text
    assert "https://" not in doc004.text


def test_footer_urls_become_source_links(doc004):
    urls = doc004.meta["source_urls"]
    assert "https://www.state.gov/secretary-of-state-marco-rubio-with-brian-kilmeade-of-fox-news/" in urls
    assert len(urls) == 4
    assert all(u.startswith("https://") for u in urls)


@pytest.mark.parametrize(
    "kept",
    ["keiner US-Unterstützung bedarf", "NATO-Prinzips der kollektiven Sicherheit", "zu einem NATO-Krieg mit"],
)
def test_real_hyphens_survive_line_breaks(doc004, kept):
    assert kept in doc004.text


def test_line_wraps_are_joined_into_paragraphs(doc004):
    assert "Bis zu 100.000 Friedenswächter in Verbindung mit einer ukrainischen Armee" in doc004.text
    assert "Inmitten von Unsicherheiten und politischen Spannungen fordert Präsident Zelensky" in doc004.text
    # headings stay paragraphs of their own
    assert "\n\nTrumps Perspektive auf Sicherheitsgarantien\n\n" in doc004.text


def test_hyphenated_word_at_line_end_is_mended():
    raw = "\n".join(["Die Friedens-", "sicherung ist schwer und die Ein-", "und Ausfuhr auch"] * 4)
    text = clean(raw, hard_wrapped=True).text
    assert "Friedenssicherung" in text
    assert "Ein- und Ausfuhr" in text


def test_seed_000_dateline_and_agency_tag_go_to_metadata():
    doc = load_document(SEED_000)
    assert doc.meta["dateline"] == "Washington, D.C. /Kiew"
    assert doc.meta["agency"] == "dpa"
    assert "(jal/dpa)" not in doc.text
    assert "Während die Bemühungen um ein mögliches trilaterales Treffen" in doc.text
    assert doc.text.rstrip().endswith("sagte Hodges dem Redaktionsnetzwerk Deutschland.")


def test_wrap_detection():
    assert looks_hard_wrapped(SEED_004.read_text(encoding="utf-8"))
    assert not looks_hard_wrapped(SEED_000.read_text(encoding="utf-8"))


def test_invisible_characters_and_odd_spaces_are_removed():
    text = clean("Sicher\u00adheit\u200b und\u00a0Frieden.").text
    assert text == "Sicherheit und Frieden."


def test_raw_seed_files_are_kept_as_published():
    raw = SEED_004.read_text(encoding="utf-8")
    original = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "004_a5ec92196d37f77f.txt"
    if original.exists():
        assert raw.endswith(original.read_text(encoding="utf-8"))
    assert "https://www.cnn.com" in raw
