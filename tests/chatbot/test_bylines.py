"""Questions about the articles themselves: who wrote or published them, and when."""

import pytest

from chatbot.bylines import asks_byline, described


@pytest.mark.parametrize(
    "text",
    [
        "Wer hat den Artikel über die Nato-Planspiele geschrieben?",
        "Von wem stammen die Artikel?",
        "Welche Agentur hat den Text veröffentlicht?",
        "Wann wurde der Artikel veröffentlicht?",
        "Who wrote the article?",
        "Which agency published these articles?",
        "Who is the author of this article?",
    ],
)
def test_a_question_about_who_wrote_the_articles_is_a_byline_question(text):
    assert asks_byline(text)


@pytest.mark.parametrize(
    "text",
    [
        "Was hat Trump auf Truth Social geschrieben?",
        "Wer hat die Meldung veröffentlicht?",  # the report the article quotes: Tass, in the text
        "Who published the Spiegel report?",
        "Welche Artikel gibt es?",
        # an article the text tells of
        "Wann wurde der Artikel veröffentlicht, auf dem das Diagramm beruhte?",
        "Who wrote the article that the report cited?",
    ],
)
def test_a_question_about_what_the_articles_report_is_not(text):
    assert not asks_byline(text)


def test_an_article_is_described_by_what_is_stored_with_it():
    line, given = described("Titel", {"agency": "dpa"}, "de")
    assert (line, given) == ("„Titel“: Agentur: dpa", True)
    line, given = described("Title", {"source_urls": ["https://www.cnn.com/2025/a.html"]}, "en")
    assert (line, given) == ("„Title“: links to cnn.com", False)
    assert described("Titel", {"agency": "dpa"}, "de", when=True)[1] is False  # no date stored


def test_the_bot_answers_who_wrote_an_article_from_what_is_stored(fake_bot):
    a = fake_bot.ask("Wer hat den Artikel über die Nato-Planspiele geschrieben?")
    assert a.answered and a.kind == "byline" and "dpa" in a.answer
    assert a.citations[0].source.startswith("000_nato")
    when = fake_bot.ask("Wann wurde der Artikel veröffentlicht?")
    assert not when.answered and "Datum" in when.answer
