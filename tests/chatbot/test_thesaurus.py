"""German synonyms for German question words the articles never use (OpenThesaurus format)."""

import numpy as np
import pytest

from chatbot import thesaurus
from ingest.store import load_index

# entries in the MyThes format of Debian's mythes-de: "word|senses", then one line per sense
MYTHES = """UTF-8
heer|2
-|Heer|Masse|Menge|Flut (ugs.)
-|Heer|Landstreitkraft|Armee (Oberbegriff)|Truppe (Oberbegriff)|schimmernde Wehr (geh.)
hürde|1
-|Barriere|Hemmnis|Hindernis|Hürde|Stolperstein (fig.)
beginnen|1
-|anfangen|starten|Beginn
"""


@pytest.fixture
def table(tmp_path, monkeypatch):
    source = tmp_path / "th_de.dat"
    source.write_text(MYTHES, encoding="utf-8")
    out = tmp_path / "thesaurus.sqlite"
    assert thesaurus.build(source, out) == 3
    monkeypatch.setenv("CHATBOT_THESAURUS", str(out))
    return out


def test_a_sense_line_gives_nouns_that_mean_the_same_not_broader_words_or_phrases():
    table = thesaurus.parse(MYTHES.splitlines())
    assert table["heer"] == ["masse", "menge", "flut", "landstreitkraft"]  # "Armee (Oberbegriff)" is broader
    assert table["hürde"] == ["barriere", "hemmnis", "hindernis", "stolperstein"]
    assert table["beginnen"] == ["beginn"]  # verbs ("anfangen") are left out: the questions' nouns are looked up


def test_an_inflected_word_is_looked_up_under_its_entry(table):
    assert thesaurus.synonyms("Hürden") == ("barriere", "hemmnis", "hindernis", "stolperstein")
    assert thesaurus.synonyms("Heeres")[:2] == ("masse", "menge")
    assert thesaurus.synonyms("Garantie") == ()


def test_without_a_table_a_word_has_no_synonyms(tmp_path, monkeypatch):
    monkeypatch.setenv("CHATBOT_THESAURUS", str(tmp_path / "missing.sqlite"))
    assert thesaurus.synonyms("Hürden") == ()
    assert thesaurus.main(["build", "--source", str(tmp_path / "none"), "--out", str(tmp_path / "t.sqlite")]) == 0


def test_only_a_noun_the_corpus_lacks_gets_the_synonyms_the_corpus_uses(table, fake_seed_index):
    index = load_index(fake_seed_index)
    vectors = {"hürden": np.zeros(index.lexicon_vectors.shape[1], np.float32)}
    found = thesaurus.corpus_synonyms(["Hürden", "Garantien", "Friedenstruppe"], index, vectors)
    assert found == {"Hürden": ("hindernis",)}  # the articles write "das größte Hindernis"


def test_a_file_that_is_no_thesaurus_is_an_error_and_keeps_the_table_in_place(table, tmp_path, capsys):
    bad = tmp_path / "notes.txt"
    bad.write_text("just some notes\nno entries here\n", encoding="utf-8")
    before = table.read_bytes()
    assert thesaurus.main(["build", "--source", str(bad), "--out", str(table)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: cannot compile {bad}") and "no entries" in err and err.count("\n") == 1
    assert table.read_bytes() == before and thesaurus.synonyms("Hürden")  # the old table still serves


def test_a_noun_the_thesaurus_cannot_help_with_finds_the_words_sharing_its_english_translation(
    table, tmp_path, monkeypatch
):
    from chatbot import dictionary

    ding = tmp_path / "de-en"  # "Waffenruhe" and "Waffenstillstand" are both a "ceasefire"
    ding.write_text(
        "# test\nWaffenruhe {f}; Feuerpause {f} :: ceasefire\nWaffenstillstand {m} :: ceasefire; truce\n",
        encoding="utf-8",
    )
    dictionary.build(ding, tmp_path / "dictionary.sqlite")
    monkeypatch.setenv("CHATBOT_DICTIONARY", str(tmp_path / "dictionary.sqlite"))
    assert "waffenstillstand" in thesaurus._through_english("Waffenruhe")
    assert thesaurus._through_english("Garantie") == ()  # no translation: nothing stands in for it


def test_a_verb_form_the_corpus_lacks_gets_the_forms_of_its_verb_the_corpus_uses(tmp_path, monkeypatch):
    from chatbot import dictionary
    from ingest.store import IndexData

    ding = tmp_path / "de-en"
    ding.write_text(
        "treffen {vt} | treffend | getroffen | er/sie trifft | ich/er/sie traf :: to meet\n"
        "machen {vt} | machend | gemacht | er/sie macht | ich/er/sie machte :: to make\n"
        "streiten {vi} | streitend | gestritten | er/sie streitet | ich/er/sie stritt :: to argue\n"
        "fordern {vt} | fordernd | gefordert | er/sie fordert | ich/er/sie forderte :: to demand\n",
        encoding="utf-8",
    )
    dictionary.build(ding, tmp_path / "dictionary.sqlite")
    monkeypatch.setenv("CHATBOT_DICTIONARY", str(tmp_path / "dictionary.sqlite"))
    lexicon = ["trafen", "treffen", "macht", "trifft", "streit", "forderung"]
    vocab = {w: 1 for w in lexicon}
    index = IndexData("m", 2, [], [], np.zeros((0, 2)), np.zeros((0, 2)), vocab, lexicon, np.eye(6, 2))
    found = thesaurus.corpus_verb_forms(["getroffen", "gemacht", "trifft", "gestritten", "gefordert"], index)
    # "Wo haben sich … getroffen?": "Am Sonntag trafen sich …"; not the infinitive, also a noun ("das Treffen");
    # a noun made from the verb ("Wer hat … gestritten?": "… während eines Streits …")
    assert found == {"getroffen": ("trifft", "trafen"), "gestritten": ("streit",), "gefordert": ("forderung",)}
