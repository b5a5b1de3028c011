import numpy as np

from chatbot.translatable import phrases
from chatbot.translate import (
    all_words,
    as_close_as_dictionary,
    german_forms,
    lone_names,
    translate,
    with_phrases,
)
from ingest.store import IndexData


def tiny_index() -> IndexData:
    lexicon = ["bodentruppen", "frieden", "wetter"]
    vecs = np.eye(3, 4, dtype=np.float32)
    return IndexData("m", 4, [], [], np.zeros((0, 4)), np.zeros((0, 4)), {}, lexicon, vecs)


def test_phrases_are_content_words_and_pairs():
    assert phrases("Will the US send ground troops?") == ["send", "ground", "troops", "send ground", "ground troops"]
    assert phrases("What is it?") == []
    # two words joined by "of" pair in the order of the compound they make
    assert phrases("Who is the Secretary of Defense?") == ["secretary", "defense", "defense secretary"]


def test_translate_keeps_close_words_only_best_first():
    index = tiny_index()
    ground_troops = np.array([0.95, 0.1, 0.0, 0.0], np.float32)
    peace = np.array([0.0, 0.9, 0.0, 0.1], np.float32)
    unrelated = np.array([0.3, 0.3, 0.3, 0.8], np.float32)
    found = translate(
        index, ["peace", "ground troops", "x"], np.stack([peace, ground_troops, unrelated]), threshold=0.88
    )
    assert found == {"peace": ["frieden"], "ground troops": ["bodentruppen"]}
    assert all_words(found) == ["frieden", "bodentruppen"]
    assert translate(index, ["x"], np.stack([unrelated]), threshold=0.88) == {}
    assert translate(index, [], np.zeros((0, 4), np.float32)) == {}


def test_a_word_the_dictionary_translates_keeps_neighbours_as_close_as_its_translation_or_compounds_of_it():
    lexicon = ["diskussion", "angaben", "general", "generalstabschef"]
    vecs = np.eye(4, 5, dtype=np.float32)
    index = IndexData("m", 5, [], [], np.zeros((0, 5)), np.zeros((0, 5)), {}, lexicon, vecs)
    argument = np.array([0.95, 0.9, 0.0, 0.0, 0.0], np.float32)  # "angaben" a little less close
    general = np.array([0.0, 0.0, 0.95, 0.5, 0.0], np.float32)
    weather = np.array([0.0, 0.9, 0.0, 0.0, 0.2], np.float32)  # no dictionary entry: all neighbours stay
    by_vector = {
        "argument": ["diskussion", "angaben"],
        "general": ["general", "generalstabschef"],
        "weather": ["angaben"],
    }
    by_dictionary = {"argument": ["diskussion"], "general": ["general"]}
    kept = as_close_as_dictionary(
        index, ["argument", "general", "weather"], np.stack([argument, general, weather]), by_dictionary, by_vector
    )
    assert kept == {"argument": ["diskussion"], "general": ["general", "generalstabschef"], "weather": ["angaben"]}


def test_a_name_keeps_its_german_transliteration_not_other_names():
    from chatbot.spellings import name_key
    from chatbot.translate import german_forms

    assert name_key("Zakharova") == name_key("Sacharowa") and name_key("Lavrov") == name_key("Lawrow")
    assert name_key("Zelensky") == name_key("Selenskyj") != name_key("Sacharowa")
    found = {"zakharova": ["sacharowa", "gefahr"], "zelensky": ["selenskyjs", "putin"]}
    forms = german_forms(("Zakharova", "Zelensky"), ("Zakharova", "Zelensky"), found)
    assert forms == {"Zakharova": ("sacharowa",), "Zelensky": ("selenskyjs",)}
    found = {"erdogan": ["erden"], "ukraine": ["ukrainische", "russland"], "technician": ["techniker"]}
    forms = german_forms(("Erdogan", "Ukraine", "Technician"), ("Erdogan", "Ukraine", "Technician"), found)
    assert forms == {"Erdogan": (), "Ukraine": ("ukrainische",), "Technician": ("techniker",)}  # not "erden"


def test_a_german_name_finds_its_other_spelling_and_nothing_that_only_looks_alike():
    from chatbot.spellings import spelling_variants

    found = {"selenskyj": ["selenskyjs", "zelensky", "selenski"], "europa": ["europäer"]}
    assert spelling_variants(("Selenskyj", "Europa"), found) == {"Selenskyj": ("zelensky",)}


def test_a_mistyped_name_is_one_edit_from_a_neighbour_with_the_same_first_letter():
    from chatbot.spellings import edit_distance, typo_fixes

    assert edit_distance("macorn", "macron") == 1 and edit_distance("kitten", "sitting") == 3
    near = {"macorn": ["macron"], "baerbock": ["barack"], "rubbio": ["rubio"], "meloni": ["italien"]}
    assert typo_fixes(["Macorn", "Baerbock", "Rubbio", "Meloni"], near) == {"Macorn": "Macron", "Rubbio": "Rubio"}
    assert typo_fixes(["Nacron"], {"nacron": ["macron"]}) == {}  # a first letter is rarely mistyped


def test_a_name_standing_alone_keeps_its_dictionary_translation_a_word_of_a_longer_name_does_not():
    by_dictionary = {"crimea": ["krim"], "white": ["weißen"], "house": ["haus"]}
    names = ("Crimea", "White", "House")
    given = lone_names("Did Trump visit Crimea or the White House?", names, by_dictionary)
    assert given == {"crimea": ["krim"]}
    found = {"crimea": ["krim", "kiew"], "white": ["weißen"], "house": ["haus"]}
    forms = german_forms(("Crimea", "White", "House"), names, found, given)
    assert forms == {"Crimea": ("krim",), "White": (), "House": ()}  # "kiew" is only near by vector


def test_a_word_of_a_phrase_the_dictionary_translates_as_one_gets_that_word():
    german = {"peacekeeping": ("friedenssicherung",), "force": ("gewalt",), "Nato": ("nato",)}
    by_dictionary = {"peacekeeping force": ["friedenstruppe"], "force": ["gewalt"], "nato force": ["natotruppe"]}
    out = with_phrases(german, ("Nato",), by_dictionary)
    assert out["force"] == ("gewalt", "friedenstruppe", "natotruppe")
    assert out["peacekeeping"] == ("friedenssicherung", "friedenstruppe")
    assert out["Nato"] == ("nato",)  # a name keeps its own forms
    anthem = with_phrases(
        {"National": (), "Anthem": ()}, ("National", "Anthem"), {"national anthem": ["nationalhymne"]}
    )
    assert anthem == {"National": ("nationalhymne",), "Anthem": ("nationalhymne",)}  # a name of two words


def test_a_name_the_articles_write_only_as_a_compounds_first_part_finds_the_compounds(fake_bot):
    from chatbot.known import compounds_opening

    index = fake_bot.index
    assert compounds_opening("UN", index) == ["un-einsatz", "un-sicherheitsrats"]
    q = fake_bot.search("Why is a UN peacekeeping mission unlikely?").question
    assert set(q.german["UN"]) == {"un-einsatz", "un-sicherheitsrats"}
    # a name the articles use alone keeps its own forms ("Ukraine", not "Ukraine-Gipfel")
    assert "ukraine-gipfel" not in fake_bot.search(
        "Why is Ukraine's NATO membership off the table?"
    ).question.german.get("Ukraine", ())


def test_a_separable_verb_gets_its_infinitive_with_zu_from_its_participle():
    from chatbot.translate import _with_zu

    forms = ("durchsetzen", "durchsetzend", "durchgesetzt", "durchsetzt")
    assert _with_zu("durchsetzen", forms)[-1] == "durchzusetzen"
    assert _with_zu("begehen", ("begehen", "begangen", "beging")) == ("begehen", "begangen", "beging")
    assert _with_zu("verhandeln", ("verhandeln", "verhandelt")) == ("verhandeln", "verhandelt")


def test_a_possessive_is_translated_as_the_name_it_is_of():
    # "Zakharova's" has no corpus word near it; "Zakharova" has "sacharowa"
    assert phrases("What were Zakharova's words?")[:2] == ["zakharova", "words"]
    assert phrases("What did Hodges' interview say?")[0] == "hodges"


def test_the_english_words_a_german_question_borrows_are_translated_as_english(fake_seed_index):
    from chatbot.translatable import english_in_german
    from ingest.store import load_index

    index = load_index(fake_seed_index)
    assert english_in_german("Was ist mit Air Support gemeint?", index) == ["air", "support", "air support"]
    assert "defense secretary" in english_in_german("Was hat der Secretary of Defense gesagt?", index)
    # German words, and words the articles use, are no borrowed English
    assert english_in_german("Wie viele Soldaten will Deutschland schicken?", index) == []
    assert english_in_german("Was sagt Rubio zur Nato?", index) == []
