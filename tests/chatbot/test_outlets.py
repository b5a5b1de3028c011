import pytest

from chatbot.listing import lists_outlets
from chatbot.outlets import outlets_in


@pytest.mark.parametrize(
    ("text", "outlets"),
    [
        ("Laut Focus gab Generalsekretär Mark Rutte zu erkennen, dass …", {"focus"}),
        ("In einem Spiegel-Bericht ist von zwei denkbaren Szenarien die Rede.", {"spiegel"}),
        ("Die Meldung wurde von der russischen Nachrichtenagentur Tass veröffentlicht.", {"tass"}),
        ("…, sagte Trump dem TV-Sender Fox News.", {"fox news"}),
        ("CNN berichtete über die Dringlichkeit von Sicherheitsgarantien.", {"cnn"}),
        ("…, berichtete die Deutsche Presse-Agentur.", {"deutsche presse-agentur"}),
        ("…, wie Quellen des Kyiv Independent berichten.", {"kyiv independent"}),
        ("„…“, sagte Hodges dem Redaktionsnetzwerk Deutschland.", {"redaktionsnetzwerk deutschland"}),
        ("Laut Trump ist das einfach.", set()),  # a person the articles name
        ("Trump schloss das laut Angaben kategorisch aus.", set()),
        ("Mit Blick darauf schrieb der Republikaner auf seiner Plattform Truth Social: „…“", set()),
    ],
)
def test_the_outlets_a_sentence_cites(fake_bot, text, outlets):
    assert outlets_in(text, fake_bot.index) == outlets


@pytest.mark.parametrize(
    ("question", "lists"),
    [
        ("Auf welche Medien stützen sich die Artikel?", True),
        ("Which sources do the articles cite?", True),
        ("Welche Quellen werden zitiert?", True),
        ("Which outlets reported Leavitt's statement?", False),  # the one that reported it
        ("Welche Optionen gibt es?", False),
    ],
)
def test_a_question_for_the_media_the_articles_cite(question, lists):
    assert lists_outlets(question) is lists
