from chatbot.answer import Answer, Citation
from chatbot.parts import joined, split


def test_two_questions_in_one_are_split_two_speakers_asked_the_same_stay_one():
    assert split("Wer ist Hodges und was fordert er?") == ["Wer ist Hodges?", "Was fordert er?"]
    assert split("Who is Leavitt, and what did she say?") == ["Who is Leavitt?", "What did she say?"]
    assert split("Was sagt Trump und was meint Rutte?") == ["Was sagt Trump und was meint Rutte?"]  # a comparison
    assert split("Was sagen Rubio und Hegseth?") == ["Was sagen Rubio und Hegseth?"]
    assert split("Warum und wie?") == ["Warum und wie?"]  # no words of their own


def _citation(n: int, doc: str, start: int, cited: bool = True) -> Citation:
    return Citation(n, "src", "title", "text", start, start + 10, 1.0, doc, cited)


def test_two_answers_are_joined_under_one_list_of_sources_numbered_once():
    first = Answer("q1", "A: Satz eins. [1]", True, [_citation(1, "a", 0), _citation(2, "b", 0, False)], "de")
    first.quotes = [("Satz eins.", 1)]
    second = Answer("q2", "B: Satz eins. [2] Satz zwei. [1]", True, [_citation(1, "c", 5), _citation(2, "a", 0)], "de")
    second.quotes = [("Satz eins.", 2), ("Satz zwei.", 1)]
    a = joined([first, second], "q1 und q2")
    assert [(c.n, c.doc_id, c.cited) for c in a.citations] == [(1, "a", True), (2, "c", True), (3, "b", False)]
    # the passage both cite keeps its number; a quote given for the first part is not repeated
    assert a.answer == "A: Satz eins. [1]\n\nB: Satz zwei. [2]"
    assert a.quotes == [("Satz eins.", 1), ("Satz zwei.", 2)] and a.question == "q1 und q2" and a.answered


def test_a_second_part_answered_by_the_same_quote_says_so_instead_of_repeating_it():
    first = Answer("q1", "A: Satz eins. [1]", True, [_citation(1, "a", 0)], "de")
    first.quotes = [("Satz eins.", 1)]
    second = Answer("q2", "B: Satz eins. [1]", True, [_citation(1, "a", 0)], "de")
    second.quotes = [("Satz eins.", 1)]
    a = joined([first, second], "q1 und q2")
    assert a.answer.count("Satz eins.") == 1 and "dieselbe Stelle wie oben" in a.answer


def test_a_message_with_two_questions_answers_both(fake_bot):
    a = fake_bot.ask("Wer ist Hodges und was fordert er?")
    assert a.answered and a.answer.count("Hodges") >= 2 and "\n\n" in a.answer
    assert all(f"[{c.n}]" in a.answer for c in a.citations if c.cited)


def test_a_second_half_that_asks_nothing_of_its_own_is_no_second_question():
    from chatbot.parts import split

    assert split("Was schließt Trump aus und was nicht?") == ["Was schließt Trump aus und was nicht?"]
    assert len(split("Which experts are quoted and what do they say?")) == 2  # "they": the experts


def test_a_first_half_ending_in_a_preposition_shares_the_second_halfs_topic():
    assert split("Was spricht für und was gegen eine Friedenstruppe?") == [
        "Was spricht für eine Friedenstruppe?",
        "Was gegen eine Friedenstruppe?",
    ]
    assert split("Was spricht für und dagegen?") == ["Was spricht für und dagegen?"]  # no topic to share: one question
