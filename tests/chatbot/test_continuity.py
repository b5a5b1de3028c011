from chatbot import continuity
from chatbot.followup import resolve
from chatbot.retrieve import retrieve
from ingest.store import load_index


def test_a_follow_up_points_back_unless_it_names_someone_new():
    assert continuity.points_back(resolve("Who published that?", ["What did Leavitt say about a framework?"]))
    assert continuity.points_back(resolve("Und wem hat er das gesagt?", ["Was fordert Hodges?"]))
    assert not continuity.points_back(resolve("Und was sagt Scholz?", ["Was sagt Macron zur Friedenstruppe?"]))
    assert not continuity.points_back(resolve("Who published that?"))  # no last question


def test_a_quote_and_its_neighbours_continue_the_last_answer():
    after = frozenset({("doc", 5)})
    assert [j for j in range(2, 9) if continuity.continues("doc", j, after)] == [4, 5, 6]
    assert not continuity.continues("other", 5, after)


def test_the_quoted_sentences_are_found_in_their_passages_and_those_passages_come_right_after_the_best(
    fake_bot, fake_seed_index
):
    first = "Was sagt Hodges?"
    answer = fake_bot.ask(first)
    index = load_index(fake_seed_index)
    last_hits = fake_bot.search(first).hits
    after = continuity.quoted(answer, last_hits, index)
    assert after and all(index.doc(d).text[slice(*index.doc(d).sentences[j])] in answer.answer for d, j in after)

    other = retrieve(index, "Leavitt Rahmen", fake_bot.embedder.embed(["Leavitt Rahmen"], "query")[0], k=8)
    ordered = continuity.with_last_passages(other, last_hits, after, index)
    holding = [h for h in last_hits if any(h.chunk.doc_id == d for d, _ in after)]
    assert ordered[0] == other[0]  # the best passage stays first
    assert any(h.chunk.text == holding[0].chunk.text for h in ordered[1:3])
    assert len({(h.chunk.doc_id, h.chunk.start) for h in ordered}) == len(ordered)  # each passage once


def test_a_follow_up_after_an_unusable_question_is_still_answered(fake_bot):
    # the last question cannot be asked again (empty, too long): nothing to point back to, no error
    for history in (["", "   "], ["x" * 5000], ["Was sagt Rubio?", ""]):
        a = fake_bot.ask("Und wer hat das gemeldet?", history=history)
        assert a.question == "Und wer hat das gemeldet?"
