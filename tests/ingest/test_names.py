"""Who an article names in full (ingest/names.py): people, not noun pairs."""

from ingest.analyze import stem
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


def test_a_first_name_may_be_initials_an_abbreviation_is_none():
    assert person_names("mit Präsident Donald Trump und Vizepräsident JD Vance im Weißen Haus") == [
        "Donald Trump",
        "JD Vance",
    ]
    assert person_names("J.D. Vance sagte das.") == ["J.D. Vance"]
    assert person_names("Ob die USA Unterstützung leisten, ist offen; der EU Kommission, dem UN Sicherheitsrat") == []


def test_surnames_are_stemmed_last_words():
    assert surnames(["Der britische Premierminister Keir Starmer erklärte."]) == {"starm"}


def test_an_article_or_an_organisation_kind_before_a_pair_makes_it_no_name():
    assert person_names("Es geht um die Sicherheit Europas und einen Angriff Russlands.") == []
    assert person_names("Das sagte er im Oval Office, wie Quellen des Kyiv Independent berichten.") == []
    assert person_names("Er lehrt an der University of New Haven.") == []
    assert person_names("Das sagte Trump dem TV-Sender Fox News.") == []
    assert person_names("In einem Interview mit Fox News erklärte er das.") == []  # an outlet's name
    assert person_names("Er besuchte das South Kensington Museum.") == []
    # a relative pronoun after a comma may well come before a name; an adjective is no first name
    assert person_names("Die Prinzipien, die William Smith beschrieb.") == ["William Smith"]
    assert person_names("Firmen, die Seltenen Erden abbauen.") == []


def test_a_genitive_of_a_surname_from_another_article_is_no_first_name():
    texts = ["Der Präsident Wolodymyr Selenskyj reiste ab.", "Nach Selenskyjs Besuch wurde beraten."]
    assert surnames(texts) == {stem("selenskyj")}


def test_institutions_are_named_apart_from_people():
    from ingest.names import institution_names

    assert institution_names("Das Netzwerk beauftragte die Troika Design Group damit.") == ["Troika Design Group"]
    assert institution_names("Ben Hodges sagte das.") == []
