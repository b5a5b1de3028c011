import numpy as np
import pytest

from chatbot import dictionary
from chatbot.language import language_of
from chatbot.translate import dictionary_words, english_lemmas, german_inflections, merged
from ingest.store import IndexData

# four lines in the format of Ding's de-en list (Debian's trans-de-en)
DING = """# Version :: test
Frieden {m}; Friede {m} [pol.] | dauerhafter Frieden | Frieden schließen :: peace | lasting peace | to make peace
Hindernis {n}; Hemmnis {n} (für etw.) [übtr.] | Hindernisse {pl} :: obstacle (to sth.) [fig.] | obstacles
Auflage {f}; Unterstützung {f} :: support
unterstützen; etw. fördern {vt} :: to support sth.
"""


@pytest.fixture
def table(tmp_path, monkeypatch):
    source = tmp_path / "de-en"
    source.write_text(DING, encoding="utf-8")
    out = tmp_path / "dictionary.sqlite"
    assert dictionary.build(source, out) == 4  # peace, obstacle, obstacles, support
    monkeypatch.setenv("CHATBOT_DICTIONARY", str(out))
    return out


def test_a_ding_line_pairs_german_and_english_senses():
    table = dictionary.parse(DING.splitlines())
    assert table["peace"] == ["frieden", "friede"]  # annotations dropped, the dictionary's order kept
    assert table["obstacle"] == ["hindernis", "hemmnis"] and table["obstacles"] == ["hindernisse"]
    assert table["support"] == ["auflage", "unterstützung", "unterstützen", "fördern"]  # noun and verb ("to …")
    assert "lasting peace" not in table  # its German is two words: no single-word translation
    assert "make peace" not in table
    placeholders = dictionary.parse(["jds. Bereitschaft {f}; Bereitwilligkeit :: sb.’s readiness; willingness"])
    assert placeholders["readiness"] == ["bereitschaft", "bereitwilligkeit"]  # "sb.’s" holds a place, no word


def test_glosses_are_looked_up_in_the_compiled_table(table):
    assert dictionary.available()
    assert dictionary.glosses("Peace") == ("frieden", "friede")
    assert dictionary.glosses("weather") == ()


def test_without_a_table_there_are_no_glosses(tmp_path, monkeypatch):
    monkeypatch.setenv("CHATBOT_DICTIONARY", str(tmp_path / "missing.sqlite"))
    assert not dictionary.available() and dictionary.glosses("peace") == ()
    bad = tmp_path / "bad.sqlite"
    bad.write_text("not a database", encoding="utf-8")
    monkeypatch.setenv("CHATBOT_DICTIONARY", str(bad))
    assert not dictionary.available() and dictionary.glosses("peace") == ()


def test_build_without_the_source_warns_and_writes_nothing(tmp_path, capsys):
    out = tmp_path / "d.sqlite"
    assert dictionary.main(["build", "--source", str(tmp_path / "none"), "--out", str(out)]) == 0
    assert "apt-get install trans-de-en" in capsys.readouterr().err and not out.exists()


def test_english_and_german_inflections():
    assert english_lemmas("obstacles") == ["obstacles", "obstacl", "obstacle"]
    assert "weigh" in english_lemmas("weighed") and "host" in english_lemmas("hosting")
    assert "country" in english_lemmas("countries")
    assert "dauerhaften" in german_inflections("dauerhaft") and "steht" in german_inflections("stehen")
    assert "fehle" in german_inflections("fehlen")  # reported speech: "…, dass Europa … die Einheit fehle"


def tiny_index() -> IndexData:
    lexicon = ["frieden", "unterstützung", "auflage", "hindernis"]
    vecs = np.eye(4, 5, dtype=np.float32)
    return IndexData("m", 5, [], [], np.zeros((0, 5)), np.zeros((0, 5)), {}, lexicon, vecs)


def test_dictionary_words_are_corpus_words_closest_sense_first(table):
    index = tiny_index()
    peace = np.array([0.9, 0, 0, 0, 0.1], np.float32)
    support = np.array([0, 0.8, 0.3, 0, 0], np.float32)  # nearer "unterstützung" than "auflage"
    found = dictionary_words(index, ["peace", "support", "obstacles", "weather"], np.stack([peace, support] * 2))
    assert found == {"peace": ["frieden"], "support": ["unterstützung", "auflage"], "obstacles": ["hindernis"]}
    assert merged(found, {"peace": ["presse", "frieden"]})["peace"] == ["frieden", "presse"]


def test_a_translation_the_corpus_uses_only_as_a_compounds_last_part_finds_the_compound(tmp_path, monkeypatch):
    compiled("Rakete {f} | Raketen {pl} :: missile | missiles\n", tmp_path, monkeypatch)
    lexicon = ["langstreckenraketen", "mission"]
    index = IndexData("m", 2, [], [], np.zeros((0, 2)), np.zeros((0, 2)), {w: 1 for w in lexicon}, lexicon, np.eye(2))
    found = dictionary_words(index, ["missiles"], np.array([[0.2, 0.9]], np.float32))
    assert found == {"missiles": ["langstreckenraketen"]}  # not "mission", nearer by vector


def test_two_english_words_find_the_german_compound_of_their_translations(tmp_path, monkeypatch):
    ding = "Frieden {m}; Friede {m} :: peace\nTruppe {f} | Truppen {pl} :: troop | troops\n"
    compiled(ding, tmp_path, monkeypatch)
    lexicon = ["friedenstruppe", "bodentruppen", "frieden"]
    vocab = {w: 1 for w in lexicon}
    index = IndexData("m", 3, [], [], np.zeros((0, 3)), np.zeros((0, 3)), vocab, lexicon, np.eye(3))
    found = dictionary_words(index, ["peace troops"], np.array([[0.5, 0.5, 0.5]], np.float32))
    assert found == {"peace troops": ["friedenstruppe"]}  # not "bodentruppen": troops, but not of peace


def test_no_dictionary_means_no_dictionary_words(tmp_path, monkeypatch):
    monkeypatch.setenv("CHATBOT_DICTIONARY", str(tmp_path / "missing.sqlite"))
    vec = np.zeros((1, 5), np.float32)
    assert dictionary_words(tiny_index(), ["peace"], vec) == {}


def test_an_english_adjective_of_a_country_is_read_through_the_dictionary(tmp_path, monkeypatch):
    from chatbot.places import nationality

    compiled("finnisch {adj} :: Finnish\ndänisch {adj} :: Danish\n", tmp_path, monkeypatch)
    assert "finnland" in nationality("Finnish")  # "finnisch" is one of Finland's names
    assert nationality("Danish") == ("dänisch",)  # a country the groups lack: its adjective alone
    assert "russland" in nationality("Russian")  # no dictionary needed


def test_an_english_word_is_surely_named_by_any_of_its_translations(table):
    from chatbot.translate import dictionary_stems

    assert dictionary_stems("obstacles") >= {"hindernis"}  # the plural's dictionary form too
    assert dictionary_stems("weather") == set()


# the synonym links of Ding's list as they are: "ceasefire" is "Waffenruhe", which also translates
# "truce", and "truce" is also "Waffenstillstand"; "Frieden" translates "truce" among other words
SYNONYMS = """Feuerpause {f}; Waffenruhe {f}; Feuereinstellung {f} [mil.] :: cease-fire; ceasefire; truce
Waffenstillstand {m} [pol.] [mil.] :: armistice; truce
Frieden {m}; Friede {m} :: truce; peace; quietude
Hindernis {n}; Hemmnis {n} :: obstacle
Hindernis {n}; Schranke {f}; Absperrung {f} :: barrier
"""


def compiled(text, tmp_path, monkeypatch):
    """`text` in Ding's format, compiled and in use."""
    source = tmp_path / "de-en"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "dictionary.sqlite"
    dictionary.build(source, out)
    monkeypatch.setenv("CHATBOT_DICTIONARY", str(out))
    return out


@pytest.fixture
def synonyms(tmp_path, monkeypatch):
    return compiled(SYNONYMS, tmp_path, monkeypatch)


def test_the_table_is_read_backwards_too(synonyms):
    assert dictionary.english("Waffenstillstand") == ("truce", "armistice")
    assert set(dictionary.english("waffenruhe")) == {"cease-fire", "ceasefire", "truce"}
    assert dictionary.english("wetter") == ()


def test_a_synonyms_translation_counts_when_it_translates_back_mostly_to_synonyms(synonyms):
    # "truce" holds all of "ceasefire"'s translations; "Waffenstillstand" is "truce" or "armistice"
    # (half of it a synonym), "Frieden" is mostly "peace" (one third)
    assert dictionary.synonym_glosses("ceasefire") == ("waffenstillstand",)
    # "barrier" does not hold all of "obstacle"'s translations ("Hemmnis"): a sense of its own
    assert dictionary.synonym_glosses("obstacle") == ()
    assert dictionary.synonym_glosses("armistice") == ()  # one translation: no synonym to go by


def test_a_word_whose_translations_the_corpus_lacks_is_found_through_a_synonym(synonyms):
    lexicon = ["waffenstillstand", "frieden"]
    index = IndexData("m", 2, [], [], np.zeros((0, 2)), np.zeros((0, 2)), {w: 1 for w in lexicon}, lexicon, np.eye(2))
    found = dictionary_words(index, ["ceasefire"], np.array([[0.1, 0.9]], np.float32))
    assert found == {"ceasefire": ["waffenstillstand"]}  # not "frieden", nearer by vector


def test_a_table_compiled_before_the_backward_look_up_still_serves_glosses(tmp_path, monkeypatch):
    import sqlite3

    old = tmp_path / "old.sqlite"
    with sqlite3.connect(old) as db:
        db.execute("CREATE TABLE glosses (english TEXT PRIMARY KEY, german TEXT NOT NULL) WITHOUT ROWID")
        db.execute("INSERT INTO glosses VALUES ('ceasefire', 'waffenruhe feuerpause')")
    monkeypatch.setenv("CHATBOT_DICTIONARY", str(old))
    assert dictionary.glosses("ceasefire") == ("waffenruhe", "feuerpause")
    assert dictionary.english("waffenruhe") == () and dictionary.synonym_glosses("ceasefire") == ()
    assert dictionary.verb_forms("sprechen") == ()


# verb entries list the forms: participles, third person present, past ("schloss")
VERBS = "\n".join(
    [
        "schließen {vt} | schließend | geschlossen | er/sie schließt | ich/er/sie schloss :: to close | closing",
        "ausschließen {vt} | ausschließend | ausgeschlossen :: to rule out | ruling out | ruled out",
        "sprechen; reden {vi} | sprechend; redend | gesprochen; geredet | Er spricht leise. :: to speak | speaking",
        "Gespräch {n} | Gespräche {pl} :: talk | talks",
        "treffen; schlagen {vt} | treffend; schlagend | getroffen; geschlagen | er/sie trifft | ich/er/sie traf"
        " | Er hat ins Schwarze getroffen. :: to hit | hitting | hit",
    ]
)


def test_a_verbs_forms_come_from_its_entry():
    verbs = dictionary.parse_verbs(VERBS.splitlines())
    assert verbs["schließen"] == ["schließend", "geschlossen", "schließt", "schloss"]
    assert verbs["reden"] == ["redend", "geredet"]  # each verb of the entry its own forms; an example is none
    assert "gespräch" not in verbs  # a noun
    # an entry of several verbs gives the forms of one person to its first verb
    assert verbs["treffen"] == ["treffend", "getroffen", "trifft", "traf"]
    assert verbs["schlagen"] == ["schlagend", "geschlagen"]
    family = dictionary.families(verbs)
    assert family["schloss"] == ["schließen", "schließend", "geschlossen", "schließt", "schloss"]
    # a separable verb's base stands alone in a sentence ("Trump schloss das … aus")
    assert "schloss" in family["ausschließen"] and "ausschließen" not in family["schloss"]


def test_an_english_verbs_translation_is_found_in_any_of_its_forms(tmp_path, monkeypatch):
    compiled(VERBS, tmp_path, monkeypatch)
    assert dictionary.verb_forms("gesprochen") == ("sprechen", "sprechend", "gesprochen")
    lexicon = ["gesprochen", "sprechen"]
    index = IndexData("m", 2, [], [], np.zeros((0, 2)), np.zeros((0, 2)), {w: 1 for w in lexicon}, lexicon, np.eye(2))
    found = dictionary_words(index, ["speak"], np.array([[0.9, 0.1]], np.float32))
    assert found == {"speak": ["gesprochen", "sprechen"]}  # "gesprochen" by the verb's entry


def test_a_noun_the_corpus_uses_only_as_its_verb_finds_the_verbs_forms_that_keep_its_stem(tmp_path, monkeypatch):
    compiled("Ablehnung {f} | Ablehnungen {pl} :: rejection | rejections\n", tmp_path, monkeypatch)
    lexicon = ["lehnt", "ablehnen", "reaktion"]
    vocab = {w: 1 for w in lexicon}
    index = IndexData("m", 3, [], [], np.zeros((0, 3)), np.zeros((0, 3)), vocab, lexicon, np.eye(3))
    found = dictionary_words(index, ["rejection"], np.array([[0.5, 0.2, 0.9]], np.float32))
    assert found == {"rejection": ["ablehnen"]}  # not "lehnt", which any verb "-lehnen" shares


def test_keywords_without_stop_words_take_the_language_of_their_dictionary_words(table):
    assert language_of("rubio obstacles") == "en"  # "obstacles" is English only
    assert language_of("Hodges Hindernis") == "de"  # "hindernis" is German only
    assert language_of("Rutte Selenskyj") == "de"  # nothing known: the corpus language
    assert language_of("What is the obstacle?") == "en"  # stop words decide first


def test_a_file_that_is_no_dictionary_is_an_error_and_writes_nothing(tmp_path, capsys):
    bad = tmp_path / "notes.txt"
    bad.write_bytes(b"not\xff a word list\n")
    out = tmp_path / "d.sqlite"
    assert dictionary.main(["build", "--source", str(bad), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: cannot compile {bad}") and "nothing was written" in err and not out.exists()


def test_a_compound_the_corpus_writes_as_two_words_finds_both(tmp_path, monkeypatch):
    compiled("Seltenerden {pl} :: rare earths\n", tmp_path, monkeypatch)
    lexicon = ["seltenen", "erden", "selten"]
    vocab = {w: 1 for w in lexicon}
    index = IndexData("m", 3, [], [], np.zeros((0, 3)), np.zeros((0, 3)), vocab, lexicon, np.eye(3))
    found = dictionary_words(index, ["rare earths"], np.array([[0.5, 0.5, 0.5]], np.float32))
    assert set(found["rare earths"]) == {"selten", "seltenen", "erden"}
