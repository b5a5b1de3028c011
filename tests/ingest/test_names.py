"""Who an article names in full (ingest/names.py): people, not noun pairs."""

from ingest.names import person_names, surnames


def test_full_names_and_what_is_not_one():
    assert person_names("US-Präsident Donald Trump sagte, Karoline Leavitt habe recht.") == [
        "Donald Trump",
        "Karoline Leavitt",
    ]
    assert person_names("Generalsekretär des Militärbündnisses Mark Rutte in Washington") == ["Mark Rutte"]
    assert person_names("Die Meldung der russischen Nachrichtenagentur Tass.") == []
    assert person_names("Mehrere Optionen liegen auf dem Tisch\nSeit dem Gipfel wird beraten.") == []
    assert person_names("Wolodymyr Selenskyj reiste ab. Nach Selenskyjs Besuch wurde beraten.") == [
        "Wolodymyr Selenskyj"
    ]


def test_surnames_are_stemmed_last_words():
    assert surnames(["Der britische Premierminister Keir Starmer erklärte."]) == {"starm"}
