import bm25s

from ingest.analyze import analyze, build_vocab, detect_language, split_compound, words


def test_compounds_split_against_the_corpus_vocabulary():
    vocab = build_vocab(["Sicherheit ist wichtig. Garantien fehlen. Sicherheitsgarantien werden diskutiert."])
    assert split_compound("sicherheitsgarantien", vocab) == ["sicherheit", "garantien"]
    assert split_compound("garantien", vocab) == []


def test_garantien_finds_sicherheitsgarantien_with_bm25():
    docs = [
        "Über Sicherheitsgarantien wird verhandelt.",
        "Der Winter kommt früh.",
        "Sicherheit zuerst. Garantien?",
    ]
    vocab = build_vocab(docs)
    with_compounds = bm25s.BM25()
    with_compounds.index([analyze(d, vocab) for d in docs], show_progress=False)
    without = bm25s.BM25()
    without.index([analyze(d, vocab, compounds=False) for d in docs], show_progress=False)
    q = analyze("Garantien", vocab)
    assert with_compounds.get_scores(q)[0] > 0
    assert without.get_scores(analyze("Garantien", vocab, compounds=False))[0] == 0


def test_numbers_keep_their_thousands():
    assert words("Bis zu 100.000 Soldaten") == ["bis", "zu", "100000", "soldaten"]


def test_language_detection():
    assert detect_language("Was sagt Moskau dazu?") == "de"
    assert detect_language("What did the US say about ground troops?") == "en"
    assert detect_language("Größe?") == "de"


def test_a_long_run_of_letters_is_split_once_per_tail_or_not_at_all():
    vocab = {"abcde": 3, "fghij": 2}
    # fourteen known parts in a row: each tail is split once (trying every split of every
    # tail again took 2 s for ten parts and grew exponentially)
    assert split_compound("abcdefghij" * 7, vocab) == ["abcde", "fghij"] * 7
    assert split_compound("x" * 5000, vocab) == []  # a pasted blob is no compound
