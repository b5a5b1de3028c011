from chatbot.evidence import Sentence
from chatbot.order import reading_order


def _sent(rank: int, idx: int, text: str, doc: str = "d") -> Sentence:
    return Sentence(rank, doc, idx, idx, 0, 0, text)


def test_quotes_are_read_best_passage_first_each_as_the_article_has_it():
    a, b = _sent(1, 3, "Später."), _sent(0, 20, "Zuerst.")
    c = _sent(1, 2, "Davor.")
    assert [s.text for s in reading_order([a, b, c])] == ["Zuerst.", "Davor.", "Später."]


def test_neighbouring_sentences_stay_together_in_the_articles_order():
    # the first item lies in a weaker passage than the second: it is still read first, with it
    second = _sent(0, 19, "Als zweite Option nennt das Magazin die Friedenstruppe.")
    first = _sent(2, 16, "Die erste Variante orientiert sich am Nato-Artikel 5.")
    other = _sent(1, 40, "Ein UN-Einsatz scheint unwahrscheinlich.")
    other_doc = _sent(0, 17, "Anderswo.", doc="e")
    shown = [s.text for s in reading_order([second, first, other, other_doc])]
    assert shown.index(first.text) == shown.index(second.text) - 1
    assert shown[-1] == other.text


def test_a_fact_answer_shows_the_runner_up_when_the_ranking_is_unsure():
    from chatbot.answer import AnswerSettings
    from chatbot.facts import fact
    from chatbot.question import analyse

    best, runner_up = _sent(0, 1, "Die Friedenstruppe wäre groß."), _sent(0, 5, "Die Truppe hätte 100.000 Soldaten.")
    best.score, runner_up.score = 0.6, 0.4  # 0.2 apart: more than a second quote's margin, within a fact's
    q = analyse("Was wird über die Friedenstruppe gesagt?")
    settings = AnswerSettings()
    assert settings.margin < 0.2 <= settings.fact_margin
    chosen = [s.text for sec in fact([best, runner_up], q, None, {}, settings) for s in sec.sentences]  # type: ignore[arg-type]
    assert chosen == [best.text, runner_up.text]
    far = _sent(0, 9, "Etwas anderes.")
    far.score = 0.2
    chosen = [s.text for sec in fact([best, far], q, None, {}, settings) for s in sec.sentences]  # type: ignore[arg-type]
    assert chosen == [best.text]
