import pytest

from chatbot.listing import item_marker


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
    marker = item_marker(question)
    assert marker is not None
    assert marker.search(item) and not marker.search(other)


@pytest.mark.parametrize("question", ["Was sagt Rubio?", "Wie viele Soldaten?", "Welche Länder helfen?"])
def test_a_question_for_no_such_list_marks_nothing(question):
    assert item_marker(question) is None


def test_a_why_question_close_to_a_quote_giving_a_cause_is_answered():
    from chatbot.abstain import decide
    from chatbot.answer import AnswerSettings

    settings = AnswerSettings(min_similarity_de=0.80, hedge_similarity=0.02)
    e = {"sim": 0.79, "unknown_name": 0.0, "unknown_noun": 0.0, "people": 1.0}
    assert not decide({**e, "reason": 0.0}, "de", settings, "reason")
    assert decide({**e, "reason": 1.0}, "de", settings, "reason")
    assert not decide({**e, "sim": 0.77, "reason": 1.0}, "de", settings, "reason")
