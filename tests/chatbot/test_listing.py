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


def test_a_list_quoting_its_second_item_quotes_the_first():
    from chatbot.evidence import Sentence
    from chatbot.kinds import _with_sibling_items
    from chatbot.order import MAX_QUOTES

    def sent(idx: int, text: str) -> Sentence:
        return Sentence(0, "d", idx, idx, 0, 0, text)

    items = list_kind("Welche Optionen gibt es?")
    assert items is not None
    first = sent(16, "Die erste Variante orientiert sich am Nato-Artikel 5.")
    second = sent(19, "Als zweite Option nennt das Magazin die Entsendung einer Friedenstruppe.")
    others = [sent(30 + i, f"Punkt {i} ohne Nummer.") for i in range(MAX_QUOTES["overview"] - 1)]
    body = [first, second, *others, sent(50, "Die dritte Partei schweigt.")]
    full = [second, *others]
    out = _with_sibling_items(full, body, items.marker)
    assert first in out and second in out and len(out) == MAX_QUOTES["overview"]
    assert others[-1] not in out  # the last point without a number makes room
    assert _with_sibling_items(others[:2], body, items.marker) == others[:2]  # no numbered item quoted: nothing added


def test_the_states_of_one_country_are_no_list_of_countries():
    from chatbot.listing import list_of

    assert list_of("Which German states support the mission?") is None
    assert list_of("Welche deutschen Länder helfen?") is None
    assert list_of("Which European states support the mission?") == "country"


@pytest.mark.parametrize(
    ("question", "lists"),
    [
        ("Welche Personen werden genannt?", True),
        ("Who is quoted in the articles?", True),
        ("Wer kommt in den Artikeln vor?", True),
        ("Who's who?", True),
        ("Welche Experten kommen zu Wort?", True),  # "zu Wort kommen": are quoted
        ("Wer kommt zu Wort?", True),
        ("Which experts are quoted?", True),
        ("Welche Experten fordern Soldaten?", False),
        ("Welche Politiker wollen Truppen schicken?", False),  # a topic: who wants to send troops
        ("Who is quoted on NATO troops?", False),
    ],
)
def test_a_question_may_ask_only_which_people_the_articles_name(question, lists):
    from chatbot.listing import lists_people_named
    from chatbot.question import analyse

    assert lists_people_named(question) is lists
    if lists:
        q = analyse(question)
        assert (q.kind, q.expects) == ("overview", "person")


def test_the_people_a_list_of_those_named_names_are_its_evidence():
    from chatbot.abstain import decide
    from chatbot.answer import AnswerSettings

    e = {"p": 0.0, "kind_ok": 1.0, "unknown_name": 0.0, "unknown_noun": 0.0, "sim": 0.0}
    assert decide({**e, "people_listed": 3.0}, "de", AnswerSettings(), "overview")
    assert not decide({**e, "people_listed": 1.0}, "de", AnswerSettings(), "overview")
