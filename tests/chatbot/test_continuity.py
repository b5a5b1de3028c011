from dataclasses import replace

from chatbot import continuity
from chatbot.evidence import Sentence
from chatbot.followup import resolve
from chatbot.retrieve import retrieve
from ingest.store import load_index


def test_a_follow_up_points_back_unless_it_names_someone_new():
    assert continuity.points_back(resolve("Who published that?", ["What did Leavitt say about a framework?"]))
    assert continuity.points_back(resolve("Und wem hat er das gesagt?", ["Was fordert Hodges?"]))
    assert not continuity.points_back(resolve("Und was sagt Scholz?", ["Was sagt Macron zur Friedenstruppe?"]))
    assert not continuity.points_back(resolve("Who published that?"))  # no last question


def _sentence(text: str, idx: int) -> Sentence:
    return Sentence(hit_rank=0, doc_id="doc", idx=idx, row=idx, start=0, end=len(text), text=text)


def test_a_bare_follow_up_points_back_one_with_words_of_its_own_does_not():
    q = resolve("Und worüber wollen sie reden?", ["Which generals are visiting Dan Caine?"])
    assert continuity.bare(q) and continuity.points_back(q)
    q = resolve("Is that support guaranteed?", ["What did Starmer say about US support?"])
    assert not continuity.bare(q) and not continuity.points_back(q)


def test_a_bare_follow_up_prefers_the_sentence_going_on_from_the_quote_over_the_quote_again():
    q = replace(
        resolve("Und worüber wollen sie reden?", ["Which generals are visiting Dan Caine?"]),
        after=frozenset({("doc", 5)}),
    )
    quote = _sentence("Das Weiße Haus bestätigte, dass Dan Caine Besuch bekommen werde.", 5)
    going_on = _sentence("Dabei solle über Sicherheitsgarantien gesprochen werden.", 6)
    unrelated = _sentence("Der Kreml lehnt Nato-Truppen in der Ukraine ab.", 6)
    assert continuity.goes_on(going_on, q.after) and not continuity.goes_on(unrelated, q.after)
    assert continuity.bonus(going_on, q) > 0 > continuity.bonus(quote, q)
    assert continuity.bonus(unrelated, q) == 0


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
