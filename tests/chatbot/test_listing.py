import pytest

from chatbot.listing import list_kind


@pytest.mark.parametrize(
    ("question", "item", "other"),
    [
        ("Welche Optionen gibt es?", "Als zweite Option nennt das Magazin …", "Die Nutzung von Drohnen erfordert …"),
        ("What proposals are there?", "… wäre die wirksamste Absicherung", "Trump hat das Anliegen belächelt."),
        ("Welche Sicherheitsgarantien sind im Gespräch?", "… einen Abschreckungsmechanismus braucht", "Er sagte."),
        ("What are the risks of sending soldiers?", "… die Gefahr einer Eskalation", "Die erste Variante …"),
        ("Welche Bedenken gibt es?", "Bei dieser Option wäre allerdings denkbar, …", "Die erste Variante …"),
        ("Welche Bedingungen nennt Hodges?", "… drei Komponenten benötigen", "Er traf Starmer."),
    ],
)
def test_a_list_question_marks_the_sentences_that_name_its_kind_of_item(question, item, other):
    kind = list_kind(question)
    assert kind is not None
    assert kind.marker.search(item) and not kind.marker.search(other)


@pytest.mark.parametrize("question", ["Was sagt Rubio?", "Wie viele Soldaten?", "Welche Länder helfen?"])
def test_a_question_for_no_such_list_marks_nothing(question):
    assert list_kind(question) is None


def test_guarantees_are_the_topic_of_every_sentence_and_no_item_of_their_own():
    kind = list_kind("Welche Sicherheitsgarantien werden diskutiert?")
    assert kind is not None
    assert not kind.marker.search("CNN berichtete über die Dringlichkeit von Sicherheitsgarantien.")


def test_a_list_question_searches_for_the_words_naming_its_items():
    options, risks = list_kind("Welche Sicherheitsgarantien werden diskutiert?"), list_kind("What are the risks?")
    assert options is not None and "Variante" in options.words
    assert risks is not None and "Gefahr" in risks.words
    assert list_kind("Was sagt Rubio?") is None
