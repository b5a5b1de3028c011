"""The real model on the seed corpus: known answers, English questions, refusals, the CLI."""

import json
import subprocess
import sys

import pytest

from chatbot.api import Chatbot
from tests.conftest import DATA, ROOT

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def bot(real_seed_index, real_embedder):
    return Chatbot(real_seed_index, embedder=real_embedder)


def cited(answer):
    return [c for c in answer.citations if c.cited]


def test_peacekeepers_question_cites_the_100000_passage(bot):
    a = bot.ask("Wie viele Friedenswächter könnten als Abschreckung dienen?")
    assert a.answered and a.language == "de"
    assert "100.000" in a.answer
    assert any("100.000" in c.text for c in cited(a))


def test_english_question_about_us_ground_troops_cites_the_no_troops_passage(bot):
    a = bot.ask("Will the USA send ground troops for a peacekeeping force in Ukraine?")
    assert a.language == "en"
    assert any("keine Bodentruppen" in c.text for c in a.citations[:3])


def test_german_ground_troops_question_quotes_the_sentence(bot):
    a = bot.ask("Werden die USA Bodentruppen für eine Friedenstruppe entsenden?")
    assert a.answered and "keine Bodentruppen" in a.answer


@pytest.mark.parametrize(
    "question,expected",
    [
        ("Was sagt Moskau zu einer Nato-Militärpräsenz in der Ukraine?", "Sacharowa"),
        ("Was forderte Keir Starmer?", "Koalition der Willigen"),
        ("What did Wolfgang Ischinger warn about?", "Ischinger"),
        ("Wie lang ist die Frontlinie?", "1.000 Kilometer"),
        ("Was sagt der russische Außenminister?", "kategorisch inakzeptabel"),
        ("Was sagt der amerikanische Präsident?", "Trump"),
        # a person named in another spelling than the article's ("Zelensky" / "Selenskyj")
        ("What weapons should the Ukrainian army have according to Zelensky?", "Langstreckenraketen"),
        ("What did Trump post about Ukraine joining NATO?", "KEIN NATO-BEITRITT"),
        ("Wie würde die erste Variante aus dem Spiegel-Bericht funktionieren?", "Kriegseintritt abstimmen"),
        ("What did the article say about drones?", "Drohnenabwehr"),
        ("Was ist Mick Ryan von Beruf?", "Experte für militärische Strategien"),
        # a group's size: the count of its members, or what is said of its size
        ("Wie groß soll die Friedenstruppe laut Schmidt sein?", "100.000 Friedenswächter"),
        ("How big is the Ukrainian army supposed to be?", "200.000 Soldaten"),
        ("Wie groß soll die Truppe sein?", "Größe dieser vorgeschlagenen Truppe"),
    ],
)
def test_known_answers(bot, question, expected):
    a = bot.ask(question)
    assert a.answered and expected in a.answer


def test_every_quoted_sentence_is_in_its_cited_passage(bot):
    for q in ("Was sagt Moskau zu einer Nato-Präsenz?", "Who is Ben Hodges and what does he demand?"):
        a = bot.ask(q)
        by_n = {c.n: c for c in a.citations}
        for sentence, n in a.quotes:
            assert sentence in by_n[n].text


@pytest.mark.parametrize(
    "q", ["Was sagt der deutsche Verteidigungsminister?", "What does Ukraine's foreign minister say?"]
)
def test_an_office_the_articles_never_quote_is_refused(bot, q):
    assert not bot.ask(q).answered  # not Hegseth (US), not the Russian foreign minister


@pytest.mark.parametrize("actor", ["Rubio", "Scholz", "Hegseth"])
def test_asking_what_someone_says_is_answered_in_both_languages_when_they_are_quoted(bot, actor):
    de, en = bot.ask(f"Was sagt {actor}?"), bot.ask(f"What does {actor} say?")
    assert de.answered and en.answered and actor in de.answer and actor in en.answer
    assert not bot.ask("What does Merz say?").answered  # never quoted, never named


def test_an_offices_holder_is_named_only_when_the_articles_name_them_in_that_office(bot):
    a = bot.ask("Who is the US Secretary of State?")
    assert a.answered and "Marco Rubio" in a.answer
    for q in ("What is the name of Russia's foreign minister?", "Wer ist der deutsche Verteidigungsminister?"):
        a = bot.ask(q)  # the articles name the Russian minister without a name, Hegseth is American
        assert not a.answered and not a.hedged
    # named in a long question of the article, which states who holds the office
    a = bot.ask("Wer ist Präsident Russlands?")
    assert a.answered and "Russlands Präsident Wladimir Putin" in a.answer


REFUSE = [json.loads(line) for line in (DATA / "seed_questions.jsonl").read_text().splitlines() if line]


@pytest.mark.parametrize("q", [r["question"] for r in REFUSE if not r["answerable"]])
def test_unanswerable_questions_are_refused(bot, q):
    a = bot.ask(q)
    assert not a.answered
    if a.hedged:  # the nearest statement may be shown, never as an answer
        assert a.answer.startswith(
            ("Eine direkte Antwort darauf steht nicht", "The articles do not answer this directly")
        )
        assert len(a.quotes) <= 2
    else:
        assert a.citations and not any(c.cited for c in a.citations)


@pytest.mark.parametrize(
    "question",
    [
        "Wie viele Drohnen feuert Russland täglich auf die Ukraine ab?",
        "Wie hoch ist der Verteidigungsetat der Ukraine?",
    ],
)
def test_a_number_about_something_else_is_no_answer(bot, question):
    a = bot.ask(question)
    assert not a.answered and not a.hedged


def test_answerable_seed_questions_mostly_answered(bot):
    rows = [r for r in REFUSE if r["answerable"]]
    answered = [bot.ask(r["question"]) for r in rows]
    assert sum(a.answered for a in answered) >= 0.85 * len(rows)
    found = sum(any(r["expect"] in c.text for c in a.citations) for r, a in zip(rows, answered, strict=True))
    assert found == len(rows)


def run_ask(*args: str, stdin: str | None = None, index=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "chatbot", "ask", *args, *(["--index", str(index)] if index else [])],
        cwd=ROOT,
        capture_output=True,
        text=True,
        input=stdin,
        timeout=300,
    )


def test_cli_text_json_and_jsonl(real_seed_index):
    r = run_ask("Wie viele Friedenswächter könnten als Abschreckung dienen?", index=real_seed_index)
    assert r.returncode == 0, r.stderr
    assert "100.000" in r.stdout and "Sources:" in r.stdout and "[1]" in r.stdout
    r = run_ask("Was forderte Keir Starmer?", "--json", "--k", "3", index=real_seed_index)
    out = json.loads(r.stdout)
    assert out["answered"] and len(out["citations"]) <= 3 and out["citations"][0]["n"] == 1
    r = run_ask("--jsonl", stdin="Wer ist Ben Hodges?\n\nWie backe ich Brot?\n", index=real_seed_index)
    lines = [json.loads(line) for line in r.stdout.splitlines()]
    assert [line["answered"] for line in lines] == [True, False]


def test_cli_errors_are_one_line(real_seed_index, tmp_path):
    r = run_ask("", index=real_seed_index)
    assert r.returncode == 2 and r.stderr.strip() == "error: the question is empty: type a question about the articles"
    r = run_ask("Frage?", index=tmp_path / "none")
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1 and "no index at" in r.stderr
    r = run_ask("Frage?", "--k", "0", index=real_seed_index)
    assert r.returncode == 2 and "--k must be at least 1" in r.stderr
    r = run_ask(index=real_seed_index)
    assert r.returncode == 2 and "give a question" in r.stderr


def test_cli_refuses_an_index_built_with_another_model(fake_seed_index):
    r = run_ask("Frage?", index=fake_seed_index)
    assert r.returncode == 2
    assert "was built with model 'fake-hash-256'" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_every_example_in_the_ui_is_answered(bot):
    from chatbot.app import EXAMPLES

    for question in EXAMPLES:
        a = bot.ask(question)
        assert a.answered and a.quotes, question


def test_a_place_is_not_a_speaker_and_a_multiword_name_is_known(bot):
    a = bot.ask("What does the White House say about the guarantees?")
    assert a.answered and "Leavitt" in a.answer
    assert not bot.ask("Wie positioniert sich JD Vance bei den Sicherheitsgarantien?").answered


def test_an_office_speaks_through_its_holder_where_the_office_is_not_repeated(bot):
    a = bot.ask("Was fordert der britische Premierminister?")
    assert a.answered and "Keir Starmer" in a.answer
    assert any(t.startswith("Starmer betonte") for t, _ in a.quotes)  # a passage the office never names


def test_a_mistyped_name_is_read_as_the_corpus_spelling_and_said_so(bot):
    a = bot.ask("Was sagt Macorn?")
    assert a.answered and "Macron" in a.answer and a.note == "Gelesen als: „Macorn“ → „Macron“"
    assert bot.ask("What does Hodgez demand?").note == 'Read as: "Hodgez" → "Hodges"'
    assert not bot.ask("Was sagt Baerbock?").note  # another name, not a mistyping (nearest word "barack")
    assert not bot.ask("Was sagt Martin Schulz?").answered  # a first name the articles never use: someone else


def test_a_spokesperson_is_named_by_what_they_speak_for(bot):
    a = bot.ask("Wer ist die Sprecherin des russischen Außenministeriums?")
    assert a.answered and "Sacharowa" in a.answer and "Leavitt" not in a.answer
    a = bot.ask("Who is the White House press secretary?")
    assert a.answered and "Leavitt" in a.answer


def test_a_why_question_brings_the_sentence_that_goes_on_from_the_statement(bot):
    a = bot.ask("Warum könnte eine europäische Friedenstruppe gefährlich werden?")
    assert a.answered and "hineinziehen" in a.answer


def test_a_follow_up_who_question_names_someone_other_than_the_speaker_asked_about(bot):
    a = bot.ask("And who clarified it later?", history=["What did Trump say on Fox News?"])
    assert a.answered and "Leavitt" in a.answer


def test_a_comparison_finds_each_sides_own_words(bot):
    a = bot.ask("Was ist der Unterschied zwischen Trumps und Selenskyjs Sicht auf Sicherheitsgarantien?")
    assert a.answered and "starke ukrainische Armee" in a.answer and "2 %" in a.answer
    assert "\nTrump:" in a.answer and "\nSelenskyj:" in a.answer  # the names, not their genitives


def test_a_position_question_reads_the_passages_naming_the_actor(bot):
    # the question's wording favours other passages; the one where Selenskyj speaks is read too
    a = bot.ask("What kind of weapons does Zelensky want for the army?")
    assert a.answered and "Langstreckenraketen" in a.answer


def test_a_comparison_quotes_each_side_on_what_is_compared(bot):
    a = bot.ask("How far apart are Kyiv and Moscow on foreign troops and NATO membership?")
    kyiv, moscow = a.answer.split("\nMoscow:")
    assert "Beitritt zur Nato" in kyiv and "NATO-Truppen" in moscow
    assert "Kyiv Independent" not in kyiv  # an outlet's name is no statement of Kyiv's


def test_a_comparison_of_two_capitals_quotes_each_for_itself(bot):
    a = bot.ask("Wie unterscheiden sich die Positionen von Kiew und Moskau?")
    kiew, moskau = a.answer.split("\nMoskau:")
    assert "Aus ukrainischer Sicht" in kiew and "Sacharowa" not in kiew
    assert "Sacharowa" in moskau and "ukrainischer Sicht" not in moskau


def test_a_question_for_options_lists_options_from_several_passages(bot):
    # the headline over NATO membership lends its score to the two sentences after it; the
    # other options (air support, a peacekeeping force) are points of the list all the same
    a = bot.ask("Welche Optionen gibt es für Sicherheitsgarantien?")
    assert a.answered and "Beitritt zur Nato" in a.answer
    assert "in der Luft" in a.answer and "Friedenstruppe" in a.answer


def test_a_why_question_whose_nearest_quote_gives_the_cause_is_answered(bot):
    a = bot.ask("Warum gilt ein Blauhelmeinsatz der Vereinten Nationen als wenig realistisch?")
    assert a.answered and not a.hedged and "zustimmen müsste" in a.answer


def test_a_comparison_asking_for_differences_is_answered_and_another_person_is_no_sides_point(bot):
    # "Unterschiede" asks how they differ; it is no topic the articles would have to name
    a = bot.ask("Welche Unterschiede gibt es zwischen den Positionen von Hegseth und Rubio?")
    assert a.answered and "Abschreckungsmechanismus" in a.answer and "keinen Schutz" in a.answer
    hegseth = a.answer.split("\nRubio:")[0]
    assert "Waltz" not in hegseth  # the sentence after Hegseth's is Waltz's, not his


def test_a_follow_up_asking_who_published_it_names_the_outlet_not_the_office(bot):
    first = "Was sagte die Sprecherin des Weißen Hauses über einen Rahmen?"
    a = bot.ask("Wer hat das veröffentlicht?", history=[first])
    # the report's sentence, with the statement it names ("Die Meldung …" leans on Leavitt's words)
    assert a.answered and any(
        t.startswith("Die Meldung wurde von der russischen Nachrichtenagentur Tass") for t, _ in a.quotes
    )


def test_a_yes_no_question_on_a_person_needs_quotes_about_that_person(bot):
    putin = bot.ask("Is it true that Putin agreed to a ceasefire?")
    assert not putin.answered and not putin.hedged  # the nearest quotes are about Trump and the options
    trump = bot.ask("Stimmt es, dass Trump einen Nato-Beitritt der Ukraine ablehnt?")
    assert trump.answered and "KEIN NATO-BEITRITT" in trump.answer  # "schrieb der Republikaner" is Trump
    # his own statement first, not one that only names him ("… erklärte Leavitt, … Trump bespreche …")
    support = bot.ask("Does Trump support Ukraine joining NATO?")
    assert support.answered and "KEIN NATO-BEITRITT" in support.answer


def test_why_something_is_hard_is_answered_by_the_statement_of_the_difficulty(bot):
    # not the UN sentence's "da …", which is why a UN mission is unlikely
    a = bot.ask("Why might a ceasefire be hard to enforce?")
    assert a.answered and "sehr schwierig" in a.answer and "1.000 Kilometer" in a.answer


def test_whether_a_country_agreed_reads_what_it_said_however_the_question_words_it(bot):
    # the Russian statements rank below Hodges' passage for "einverstanden": its passages join the best
    a = bot.ask("Ist Russland mit Nato-Soldaten in der Ukraine einverstanden?")
    assert a.answered and "kategorisch" in a.answer and "Hodges" not in a.answer


def test_who_leads_something_needs_a_quote_naming_its_head_or_a_leader(bot):
    assert "Rutte" in bot.ask("Wer führt die Nato?").answer
    a = bot.ask("Wer ist der Chef der Nato?")  # Rutte's passage, not Trump's post on the Nato, which leads nothing
    assert a.answered and "Rutte" in a.answer
    assert not bot.ask("Wer ist der Chef der Bundeswehr?").answered  # no head of it in the articles


def test_how_long_is_answered_by_a_span_with_no_figure(bot):
    a = bot.ask("Wie lange könnten die Verhandlungen dauern?")
    assert a.answered and "mehrere Wochen" in a.answer


def test_when_something_to_come_will_happen_is_not_answered_by_a_past_date(bot):
    # "Am Sonntag trafen sich europäische Führer in London …" is past
    assert not bot.ask("Wann wird die Koalition der Willigen ihre Truppen entsenden?").answered


def test_a_date_question_naming_two_people_needs_a_date_of_both(bot):
    # "Nach Selenskyjs Besuch im Weißen Haus am 18. August …" never names Putin
    assert not bot.ask("Wann wird Selenskyj Putin treffen?").answered
    assert bot.ask("Wann besuchte Selenskyj das Weiße Haus?").answered


def test_a_place_to_come_naming_three_people_needs_a_place_of_all(bot):
    # the articles name the White House where Selenskyj argued with Trump, not where all three meet
    assert not bot.ask("Where will Trump, Putin and Zelensky meet?").answered


def test_two_surnames_side_by_side_are_a_speaker_and_whom_they_address(bot):
    # "Putin Selenskyj" is no one's full name: Putin speaks, and the articles quote no offer of his
    assert not bot.ask("Was hat Putin Selenskyj angeboten?").answered
    a = bot.ask("Was hat Trump Selenskyj gesagt?")
    assert a.answered and "2 %" in a.answer


def test_why_someone_did_something_needs_a_stated_cause(bot):
    stop = bot.ask("Why did Trump stop weapons deliveries to Ukraine?")
    assert not stop.answered and stop.hedged  # the stop is reported, its cause is not
    obama = bot.ask("Why did Trump mention Obama?")
    assert obama.answered and "verwies dabei" in obama.answer
    # a condition on what was called for is his motive: "Ohne … europäischer Soldaten … leere Hülse"
    hodges = bot.ask("Why did Hodges call for European soldiers?")
    assert hodges.answered and "leere Hülse" in hodges.answer


def test_a_list_of_guarantees_reads_the_passages_naming_options(bot):
    # every passage names "Sicherheitsgarantien"; the one naming the variants is searched for
    a = bot.ask("Welche Sicherheitsgarantien werden diskutiert?")
    assert a.answered and "Die erste Variante orientiert sich am Nato-Artikel 5" in a.answer
    assert "Als zweite Option nennt das Magazin" in a.answer
    # an English list of ideas keeps the sentences that name an option, below the best's margin
    ideas = bot.ask("What are the main ideas for guaranteeing Ukraine's security?")
    assert ideas.answered and "Artikel 5" in ideas.answer and "Als zweite Option" in ideas.answer


def test_a_region_adjective_is_no_name_a_position_quote_must_repeat(bot):
    a = bot.ask("What does Moscow think about Western troops in Ukraine?")
    assert a.answered and not a.hedged and "kategorisch abzulehnen" in a.answer
    # a country's adjective is: Macron never speaks of French troops
    assert not bot.ask("What did Macron say about sending French troops?").answered


def test_an_english_topic_named_by_its_translation_in_the_actors_own_words_is_answered(bot):
    # "deterrence" is "Abschreckung" in the dictionary: Rubio's "Abschreckungsmechanismus"
    a = bot.ask("What did Rubio say about deterrence?")
    assert a.answered and not a.hedged and "Abschreckungsmechanismus" in a.answer


def test_a_kind_of_thing_the_articles_never_name_is_no_topic_the_actor_spoke_on(bot):
    # "Atomwaffen" is known only by its last part ("Waffen"); Macron's quote is about the front
    a = bot.ask("Was sagt Macron über Atomwaffen?")
    assert not a.answered
    # Hodges' quote names Germany only in the outlet's name ("dem Redaktionsnetzwerk Deutschland")
    assert not bot.ask("Which risks does Hodges see for Germany?").answered


def test_an_english_list_of_risks_is_answered_with_the_warnings(bot):
    a = bot.ask("What risks does a peacekeeping mission carry?")
    assert a.answered and "NATO-Krieg" in a.answer


def test_what_an_actor_is_asked_to_demand_must_be_a_thing_the_articles_name(bot):
    # "Welche Sanktionen fordert Selenskyj?": no sanctions anywhere; his quotes are about the army
    assert not bot.ask("Welche Sanktionen fordert Selenskyj?").answered
    # a concern is what he says, no topic: Ischinger's warning answers it
    a = bot.ask("Welche Sorge äußert Ischinger?")
    assert a.answered and "militärischen Fähigkeiten" in a.answer


def test_a_country_describing_the_speaker_is_no_topic_he_spoke_on(bot):
    # "ein ehemaliger deutscher Botschafter": Ischinger's warning is about Europe, not Germany
    assert not bot.ask("Was fordert Ischinger von Deutschland?").answered
    # "US-Unterstützung" names the US
    a = bot.ask("Was meint Starmer zur Unterstützung der USA?")
    assert a.answered and "starke US-Unterstützung" in a.answer


def test_officials_of_a_country_speak_for_it(bot):
    a = bot.ask("What did the US say it would not be part of?")
    assert a.answered and "nicht Teil dieses Abschreckungsmechanismus" in a.answer


def test_a_list_of_the_media_cited_names_one_outlet_per_point(bot):
    a = bot.ask("Auf welche Medien stützen sich die Artikel?")
    assert a.answered
    for outlet in ("Spiegel", "Focus", "Tass", "Fox News"):
        assert outlet in a.answer


def test_an_outlet_question_on_a_persons_statement_is_answered_by_the_outlet_cited_beside_it(bot):
    a = bot.ask("Welche Nachrichtenagentur hat Leavitts Aussage verbreitet?")
    assert a.answered and "Nachrichtenagentur Tass" in a.answer
    rnd = bot.ask("Welche Zeitung hat Hodges interviewt?")
    assert rnd.answered and "Redaktionsnetzwerk Deutschland" in rnd.answer
    # no person asked about: an outlet cited anywhere is no answer
    assert not bot.ask("Which news agency reported the casualty figures from Kharkiv?").answered


def test_who_spread_a_report_named_by_a_synonym_is_answered_by_its_outlet(bot):
    # "Gespräche" is a word the articles lack; the thesaurus finds their "Diskussion"
    a = bot.ask("Wer hat die Meldung über die Gespräche der USA mit Russland verbreitet?")
    assert a.answered and "Nachrichtenagentur Tass" in a.answer


def test_who_refused_is_not_answered_by_who_agreed(bot):
    assert not bot.ask("Which countries refused to join the peacekeeping mission?").answered
    assert not bot.ask("Warum tritt Scholz als Kanzler ab?").answered  # "der scheidende … Kanzler": no reason
    a = bot.ask("Which countries have ruled out sending troops?")
    assert a.answered and "keine Bodentruppen" in a.answer


def test_what_they_will_talk_about_is_answered_by_the_sentence_going_on(bot):
    a = bot.ask("Worüber sollen die Militärs bei Caine sprechen?")
    assert a.answered and "Umsetzung" in a.answer  # "Dabei solle über Sicherheitsgarantien und ihre Umsetzung …"


def test_a_list_on_a_country_needs_it_in_the_best_points(bot):
    # "Deutschland" only in a later point (a visitor of Caine's) is no answer to what Germany asked
    assert not bot.ask("Welche Staaten hat Deutschland um Truppen gebeten?").answered


def test_who_else_is_not_answered_by_the_person_asked_about(bot):
    assert not bot.ask("Wer wird Scholz als Kanzler nachfolgen?").answered  # "Der scheidende … Kanzler Olaf Scholz"
    a = bot.ask("Wer hat das Interview mit Rubio geführt?")  # an outlet: "In einem Interview mit Fox News …"
    assert a.answered and "Fox News" in a.answer


def test_a_why_question_brings_the_same_persons_next_words_with_their_reasoning(bot):
    a = bot.ask("Warum glaubt Trump, dass US-Firmen in der Ukraine reichen würden?")
    # "Er deutete auch an, …" and then, in his own words: "„… wenn wir dort mit vielen Arbeitern sind“, sagte er."
    assert a.answered and "vielen Arbeitern" in a.answer


def test_a_fact_according_to_a_source_is_not_quoted_from_someone_else(bot):
    a = bot.ask("According to Moscow, what could a NATO military presence lead to?")
    assert "Mick Ryan" not in a.answer  # an expert's warning is not Moscow's


def test_a_yes_no_question_opening_with_any_verb_is_answered_with_its_qualification(bot):
    a = bot.ask("Gilt ein Nato-Beitritt der Ukraine als wahrscheinlich?")
    assert a.answered and "unwahrscheinlich" in a.answer


def test_keywords_asking_a_position_take_the_person_among_them_as_the_speaker(bot):
    a = bot.ask("trump nato beitritt ukraine position")  # Trump speaks, not "Nato"
    assert a.answered and "KEIN NATO-BEITRITT" in a.answer
    # no person among them: the place speaks, by its German name too
    assert bot.ask("Moskau Haltung Nato-Truppen").answer.startswith("Was Moskau laut den Artikeln sagt")


def test_what_the_problem_with_something_is_asks_for_the_difficulty(bot):
    # "enforcing": "durchsetzen", which the article writes "durchzusetzen"
    a = bot.ask("whats the problem with enforcing a ceasefire")
    assert a.answered and "sehr schwierig" in a.answer


def test_who_refused_something_needs_a_refusal_of_it(bot):
    # Moscow rejects Nato troops; no one is said to refuse joining the mission
    assert not bot.ask("Which countries refused to join the peacekeeping mission?").answered


def test_what_part_someone_plays_is_answered_by_the_sentence_about_them(bot):
    a = bot.ask("Was hat Obama mit der Sache zu tun?")
    assert a.answered and "Obama geduldete Annexion" in a.answer
    assert not bot.ask("Was hat Merkel damit zu tun?").answered  # never named


def test_since_when_is_answered_by_the_event_since_which(bot):
    a = bot.ask("Seit wann wird stärker über Sicherheitsgarantien diskutiert?")
    assert a.answered and "Seit dem Ukraine-Gipfel" in a.answer


def test_what_kind_of_thing_is_answered_by_its_description(bot):
    a = bot.ask("What kind of terrain would peacekeepers have to work in?")
    assert a.answered and "Wäldern und Feldern" in a.answer


def test_an_office_of_a_country_the_articles_never_name_has_no_holder_here(bot):
    # "Finnish" is read through the dictionary ("finnisch"): no Finnish president is quoted
    assert not bot.ask("What did the Finnish president say?").answered
    # "der Präsident der EU-Kommission" belongs to the EU: Selenskyj is no answer
    assert not bot.ask("Wer ist der Präsident der EU-Kommission?").answered
    # "Britain's" owns the office; it is no topic the quotes must name
    a = bot.ask("What does Britain's prime minister want?")
    assert a.answered and "Koalition der Willigen" in a.answer


def test_a_list_of_countries_reads_the_sentence_that_names_several(bot):
    a = bot.ask("which countries are sending army chiefs to washington")
    assert a.answered
    assert all(c in a.answer for c in ("Deutschland", "Großbritannien", "Frankreich", "Finnland", "Italien"))


def test_a_quote_pointing_back_to_a_variant_brings_the_sentence_that_names_it(bot):
    a = bot.ask("Was hat Rutte in Washington gesagt?")
    assert a.answered and "zur Diskussion" in a.answer
    assert a.answer.index("Die erste Variante orientiert sich am Nato-Artikel 5") < a.answer.index("Mark Rutte")


def test_a_topic_named_only_near_the_actors_quote_is_not_his(bot):
    # "Australien hat … Interesse" stands two sentences before Starmer's quote
    assert not bot.ask("What did Starmer say about Australia?").answered
    assert not bot.ask("Was sagt Rutte über Russland?").answered


def test_experts_asked_about_speak_themselves(bot):
    a = bot.ask("What did experts warn about a UN mission?")
    assert a.answered and "zustimmen müsste" in a.answer


def test_a_number_beside_what_is_counted_answers_a_follow_up(bot):
    a = bot.ask("Und wie groß soll die ukrainische Armee sein?", history=["Was schlägt Schmidt vor?"])
    assert a.answered and "200.000" in a.answer
    # a number of soldiers, but not of British ones
    assert not bot.ask("Wie viele Soldaten wollen die Briten schicken?").answered


def test_a_question_for_a_lists_item_by_its_position_gets_that_item(bot):
    a = bot.ask("What's the second scenario?")
    assert a.answered and "Als zweite Option" in a.answer


def test_how_likely_is_answered_with_the_qualification(bot):
    a = bot.ask("Wie wahrscheinlich ist ein Nato-Beitritt?")
    assert a.answered and "unwahrscheinlich" in a.answer


def test_who_interviewed_someone_is_answered_by_the_outlet_beside_their_words(bot):
    a = bot.ask("Who interviewed Rubio?")
    assert a.answered and "Interview mit Fox News" in a.answer
    # "erklärte er" leans on the sentence naming Rubio: that one comes first
    assert a.answer.index("Marco Rubio") < a.answer.index("Interview mit Fox News")
    assert not bot.ask("Who interviewed Ischinger?").answered  # no outlet beside his words
    # the interview with Fox News is Rubio's, not Putin's
    assert not bot.ask("Welcher Sender hat das Interview mit Putin ausgestrahlt?").answered


def test_a_question_typed_in_lower_case_finds_the_names_it_asks_about(bot):
    a = bot.ask("what weapons does zelensky want")
    assert a.answered and "Langstreckenraketen" in a.answer


def test_why_someone_wants_something_needs_a_cause_in_their_own_words(bot):
    # the obstacle to peace ("Die lange Geschichte von Täuschung …") is no motive of Zelensky's
    assert not bot.ask("Why does Zelensky want long-range missiles?").answered


def test_an_english_topic_counts_in_any_of_its_dictionary_translations(bot):
    a = bot.ask("What rules of engagement does Hodges want?")
    assert a.answered and "strengen Einsatzregeln" in a.answer


@pytest.mark.parametrize(
    "first, follow_up, expected",
    [
        # the outlet in the quoted sentence itself, and in the one after it
        ("Was sagt Rubio?", "Und wo hat er das gesagt?", "Fox News"),
        ("Was fordert Hodges?", "Und wem hat er das gesagt?", "Redaktionsnetzwerk Deutschland"),
        ("What did the White House spokeswoman say about a framework?", "Who published that?", "Tass"),
        # the speaker in the sentence after the one quoted
        ("Wo trafen sich die europäischen Staats- und Regierungschefs?", "Und wer hat dort gesprochen?", "Starmer"),
        # the platform in the sentence before the quote
        ("What did Trump say about NATO membership for Ukraine?", "Where did he post that?", "Truth Social"),
        # a bare follow-up: the sentence going on from the quote
        ("Which generals are visiting Dan Caine?", "Und worüber wollen sie reden?", "Umsetzung"),
    ],
)
def test_a_follow_up_pointing_back_is_answered_from_the_last_answers_quotes(bot, first, follow_up, expected):
    bot.ask(first)
    a = bot.ask(follow_up, history=[first])
    assert a.answered and any(expected in text for text, _ in a.quotes)


def test_a_follow_up_pointing_back_asks_the_last_question_again_when_it_was_not_answered_here(
    real_seed_index, real_embedder
):
    fresh = Chatbot(real_seed_index, embedder=real_embedder)  # another session: the last answer is not remembered
    a = fresh.ask("Who published that?", history=["What did the White House spokeswoman say about a framework?"])
    assert a.answered and any("Tass" in text for text, _ in a.quotes)


def test_what_could_be_is_no_answer_to_what_is_now(bot):
    a = bot.ask("Wie viele Soldaten hat die ukrainische Armee derzeit?")  # the articles give a planned size
    assert not a.answered
    assert bot.ask("Wie groß soll die ukrainische Armee sein?").answered


def test_an_office_opening_a_sentence_is_of_the_country_acting_in_the_one_before(bot):
    # "… bekräftigte Moskau seine ablehnende Haltung. Außenamtssprecherin Maria Sacharowa erklärte: …"
    for q in (
        "Was sagt die Sprecherin des russischen Außenministeriums zur Nato?",
        "What did the Russian foreign ministry spokeswoman say?",
    ):
        a = bot.ask(q)
        assert a.answered and "Sacharowa" in a.quotes[0][0]
    # the sentence before names Ukraine only in "Ukraine-Treffen", and Washington only as a place
    assert not bot.ask("Was sagt die Sprecherin des ukrainischen Außenministeriums?").answered
    assert not bot.ask("Was sagt die Sprecherin des US-Außenministeriums?").answered


@pytest.mark.parametrize(
    "question",
    [
        "Why does Moscow reject a NATO contingent?",
        # the reason two sentences after the best quote, going on from it ("Zur Begründung …")
        "Why does Moscow oppose NATO troops in Ukraine?",
        # the headline says what is rejected ("Moskau lehnt Nato-Militärpräsenz … ab"); its
        # section gives the reason, leaning on the sentence before it
        "Warum lehnt Russland Nato-Truppen in der Ukraine ab?",
        # "rejection" found as the verb's participle ("ablehnende Haltung"), the reason two sentences on
        "How did Moscow justify its rejection?",
    ],
)
def test_a_motive_given_in_the_sentence_after_the_statement_answers_why(bot, question):
    a = bot.ask(question)
    assert a.answered and "unkontrollierten Eskalation" in a.answer


def test_who_someone_wants_something_from_is_a_party_not_only_a_person(bot):
    a = bot.ask("Who does Zelensky want guarantees from?")
    assert a.answered and "von den USA und Europa" in a.quotes[0][0]


def test_what_someone_said_during_a_quarrel_is_what_he_said_in_it(bot):
    first = "Who argued with Zelensky in the White House?"
    a = bot.ask("What did Trump say during that argument?", history=[first])
    assert a.answered and any("2 %" in text for text, _ in a.quotes)


def test_what_someone_added_answers_what_he_is_named_as_the_source_of(bot):
    a = bot.ask("Wer könnte laut Rubio beim Abschreckungsmechanismus mitmachen?")
    assert a.answered and any("Europäer könnten partizipieren" in text for text, _ in a.quotes)


def test_a_follow_up_on_a_new_country_asks_about_it_not_the_countries_before(bot):
    a = bot.ask("And the US?", history=["Would Britain and France take part in a peacekeeping mission?"])
    assert a.answered and any("US-Unterstützung" in text for text, _ in a.quotes)


def test_a_reaction_to_someones_post_needs_a_quote_naming_them(bot):
    a = bot.ask("Wie reagierte Kiew auf Trumps Truth-Social-Post?")  # Kiew's demands never name Trump
    assert not a.answered


def test_a_yes_no_question_on_a_thing_no_quote_names_is_not_answered(bot):
    a = bot.ask("Ist ein UN-Blauhelmeinsatz realistisch?")  # "realistische Sicherheitsgarantien" names no UN mission
    assert not a.answered


def test_several_people_listed_are_each_quoted_under_their_name(bot):
    a = bot.ask("Was sagen Trump, Rubio und Hegseth?")
    assert a.answered and a.answer.startswith("Die Artikel zu jeder Seite:")
    for name in ("Trump:", "Rubio:", "Hegseth:"):
        assert name in a.answer


def test_a_group_asked_for_is_listed_member_by_member_after_the_sentence_on_the_group(bot):
    a = bot.ask("Which US officials say America won't be part of the deterrent?")
    quoted = " ".join(text for text, _ in a.quotes)
    assert a.answered and "Andere US-Beamte" in quoted and "Hegseth" in quoted and "Waltz" in quoted
    assert "Leavitt" not in quoted  # nobody else's sentence


def test_a_kind_of_something_is_found_in_a_compound_of_its_translation(bot):
    a = bot.ask("What kind of missiles should Ukraine's army have according to Zelensky?")
    assert a.answered and "Langstreckenraketen" in a.quotes[0][0]


def test_what_someone_said_about_a_person_needs_a_quote_naming_that_person(bot):
    a = bot.ask("Was hat Ischinger über Trump gesagt?")
    assert not a.answered  # his warning on Europe names no Trump


def test_what_someone_pointed_to_is_his_statement(bot):
    a = bot.ask("Worauf wies Trump im Zusammenhang mit der Krim hin?")
    assert a.answered and any("Obama" in text for text, _ in a.quotes)


def test_one_item_of_a_list_is_quoted_with_what_follows_from_it(bot):
    a = bot.ask("What is the first scenario in the Spiegel report based on?")
    assert a.answered and "Nato-Artikel 5" in a.quotes[0][0]
    b = bot.ask("What would happen if Russia attacked again under the first option?")
    assert b.answered and any("Kriegseintritt" in text for text, _ in b.quotes)


def test_a_condition_answers_a_question_for_one(bot):
    a = bot.ask("Welche Bedingung nennt der Artikel dafür, dass die Ideen realistisch werden?")
    assert a.answered and any("solange der Kreml nicht gezwungen wird" in text for text, _ in a.quotes)


def test_a_word_the_articles_use_only_through_a_synonym_is_found(bot):
    # "ceasefire" is "Waffenruhe" in the dictionary; the articles say "Waffenstillstand" ("truce")
    a = bot.ask("Why would it be hard to keep a ceasefire along the front?")
    assert a.answered and "1.000 Kilometer" in a.quotes[0][0]


def test_an_acronym_the_passages_spell_out_is_the_outlet_they_name(bot):
    a = bot.ask("What did Hodges tell the RND?")  # "sagte Hodges dem Redaktionsnetzwerk Deutschland"
    assert a.answered and "vieler tausend europäischer Soldaten" in a.answer
    assert not bot.ask("What did Hodges tell the BBC?").answered


def test_each_side_of_a_comparison_is_quoted_on_what_is_compared(bot):
    # Leavitt's „Option und Möglichkeit“ leans on Trump's air support, named the sentence before
    a = bot.ask("Compare what Trump and Leavitt said about US help from the air.")
    assert a.answered and "Option und Möglichkeit" in a.answer


def test_a_yes_no_question_on_a_country_needs_a_statement_naming_it_outside_an_outlets_name(bot):
    # "… keine Bodentruppen …, berichtete die Deutsche Presse-Agentur" is about the US
    for question in ("Is Germany willing to send troops?", "Ist Deutschland bereit, Truppen zu schicken?"):
        assert not bot.ask(question).answered
    assert bot.ask("Werden die USA Bodentruppen für eine Friedenstruppe entsenden?").answered


@pytest.mark.parametrize(
    "question",
    ["Wer ist bereit, Soldaten in die Ukraine zu schicken?", "Which countries are willing to send troops?"],
)
def test_who_is_willing_is_answered_by_those_who_said_so(bot, question):
    # not Hodges' call for European soldiers, nor Ryan's warning about British soldiers
    a = bot.ask(question)
    assert a.answered and "Bereitschaft signalisiert" in a.answer and "Australien" in a.answer
    assert "Hodges" not in a.answer and "Ryan" not in a.answer


def test_who_is_willing_to_do_what_the_articles_never_report_is_refused(bot):
    assert not bot.ask("Which countries are willing to send fighter jets to Ukraine?").answered


def test_a_number_question_answered_by_a_statement_that_counts_something_else_brings_its_next_sentence(bot):
    # "… drei Komponenten benötigen: …" counts components; the numbers follow in the next sentence
    a = bot.ask("How big is the peacekeeping force Schmidt has in mind?")
    assert a.answered and "100.000" in a.answer


def test_which_office_is_answered_by_the_sentence_naming_its_holder(bot):
    a = bot.ask("Which vice president was part of the Oval Office dispute?")
    assert a.answered and "Vizepräsident JD Vance" in a.answer


def test_a_report_quoted_for_what_an_outlet_reported_brings_the_statement_it_names(bot):
    a = bot.ask("was hat die tass gemeldet")  # "Die Meldung wurde von … Tass veröffentlicht." names Leavitt's words
    assert a.answered and "Rahmen für diese Sicherheitsgarantien" in a.answer


def test_a_fact_said_by_the_person_asked_about_naming_the_other_person_asked_about_is_answered(bot):
    # "Er" continues "schrieb der Republikaner", whom the article named last before: Trump
    a = bot.ask("Was wirft Trump Obama vor?")
    assert a.answered and "Annexion der Krim" in a.answer
    # the words of someone else, or a person they never name, answer nothing
    assert not bot.ask("Was wirft Leavitt Obama vor?").answered
    assert not bot.ask("Was wirft Trump Putin vor?").answered


def test_a_people_named_by_their_country_speaks_for_it_in_a_plural_lead(bot):
    a = bot.ask("Wie stehen die Russen zu einer Nato-Präsenz?")
    assert a.answered and a.answer.startswith("Was die Russen laut den Artikeln sagen:")
    assert "kategorisch" in a.answer


def test_a_number_of_what_else_the_question_names_comes_first(bot):
    # "200.000 Soldaten" counts soldiers too, but the sentence naming Schmidt's plan is his
    a = bot.ask("Wie viele Friedenssoldaten hält Schmidt für sinnvoll?")
    assert a.answered and "100.000" in a.answer


@pytest.mark.parametrize(
    "first,follow_up",
    [
        ("What did Macron say about the negotiations?", "Has he sent French soldiers yet?"),  # Ryan's soldiers
        ("What did Hegseth say about European troops?", "Is he a general?"),  # Hodges is one
        ("Who is Matthew Schmidt?", "Which book did he write?"),  # no book is named
        ("Who is Ben Hodges?", "Did he visit Kyiv?"),  # Ukraine is not Kyiv
    ],
)
def test_a_follow_up_on_him_needs_a_quote_about_him_naming_what_it_asks(bot, first, follow_up):
    assert not bot.ask(follow_up, history=[first]).answered


@pytest.mark.parametrize(
    "first,follow_up,fact",
    [
        ("Who is Matthew Schmidt?", "Where does he teach?", "University of New Haven"),
        ("What did Rubio say on Fox News?", "Did he say anything else?", "Europäer könnten partizipieren"),
        ("Wer ist Ben Hodges?", "Was verlangt er?", "vieler tausend europäischer Soldaten"),
        ("Wer ist Mark Rutte?", "Wo hat er seine Haltung deutlich gemacht?", "Washington"),  # where, not "Haltung"
        ("What did Rubio say in the Fox News interview?", "Does he want the US involved?", "mit den USA"),
    ],
)
def test_a_follow_up_on_him_is_answered_by_his_quote(bot, first, follow_up, fact):
    a = bot.ask(follow_up, history=[first])
    assert a.answered and fact in a.answer


def test_how_many_countries_is_answered_by_the_countries_named_whatever_else_it_calls_them(bot):
    a = bot.ask("Wie viele Länder schicken ihre Militärchefs zu Caine?")  # "Kollegen", not "Militärchefs"
    assert a.answered and "Deutschland, Großbritannien, Frankreich, Finnland und Italien" in a.answer


@pytest.mark.parametrize(
    "question",
    [
        "Hat Selenskyj sich mit Putin getroffen?",  # his quotes never name Putin
        "Wie viele Soldaten hat Russland an der Front?",  # Hodges' European soldiers are not Russia's
    ],
)
def test_a_quote_on_someone_else_or_their_things_answers_nothing(bot, question):
    assert not bot.ask(question).answered


def test_an_adverb_asks_for_nothing_of_its_own(bot):
    a = bot.ask("Was fordert Hodges konkret?")
    assert a.answered and "vieler tausend europäischer Soldaten" in a.answer


def test_a_countrys_part_is_what_the_sentences_naming_it_say(bot):
    a = bot.ask("Welche Rolle spielt Finnland?")
    assert a.answered and all("Finnland" in t or t.startswith("Dabei solle") for t, _ in a.quotes)
    assert not bot.ask("Welche Rolle spielt Polen?").answered


def test_a_compound_is_named_by_its_parts_and_europe_as_an_object_does_not_speak(bot):
    assert bot.ask("Hat Trump Luftunterstützung zugesagt?").answered  # "Unterstützung in der Luft"
    assert not bot.ask("Was halten die Europäer von der Luftunterstützung der USA?").answered


def test_what_they_talk_about_brings_the_sentence_saying_it(bot):
    a = bot.ask("Worüber sprechen die Generalstabschefs?")
    assert a.answered and "Sicherheitsgarantien und ihre Umsetzung" in a.answer


def test_what_someone_posted_is_what_they_wrote(bot):
    for question in ("What did Trump post?", "Was hat Trump geschrieben?"):
        a = bot.ask(question)
        assert a.answered and a.quotes[0][0].startswith("Mit Blick auf entsprechende Forderungen"), question


def test_who_said_that_is_the_speaker_of_the_last_answers_quotes(bot):
    a = bot.ask("Who said that?", history=["What does Moscow think about NATO troops?"])
    assert a.answered and "Sacharowa" in a.quotes[0][0]


def test_who_confirmed_a_listed_item_is_in_the_sentence_going_on_about_it(bot):
    a = bot.ask(
        "Wer hat bestätigt, dass die erste diskutiert wird?", history=["Welche zwei Szenarien beschreibt der Spiegel?"]
    )
    assert a.answered and "Mark Rutte" in a.answer


def test_why_after_what_someone_thinks_is_their_reason(bot):
    history = ["What does Moscow think about NATO troops?", "Who said that?"]
    a = bot.ask("Why?", history=history)
    assert a.answered and "unkontrollierten Eskalation" in a.answer and "Mick Ryan" not in a.answer


def test_he_is_the_person_named_just_before_not_a_headlines_group(bot):
    # "Reaktionen deutscher und europäischer Politiker" / "Der US-Außenminister Marco Rubio …" /
    # "… erklärte er": Rubio speaks, not the EU
    assert not bot.ask("What is the EU's position?").answered
    a = bot.ask("What does Rubio say?")
    assert a.answered and "Abschreckungsmechanismus" in a.answer


def test_who_said_what_the_question_gives_is_answered_by_the_statement(bot):
    a = bot.ask("Who wrote 'Some things never change'?")
    assert a.answered and "Truth Social" in a.answer
    a = bot.ask("Who called the guarantees an empty shell without European troops?")
    assert a.answered and "Hodges" in a.answer


def test_a_claim_to_check_is_asked_yes_or_no(bot):
    a = bot.ask("Ich habe gelesen, dass Trump Bodentruppen schicken will. Stimmt das?")
    assert a.answered and "keine Bodentruppen" in a.answer


def test_what_else_lists_the_other_options(bot):
    a = bot.ask("What else is being considered?", history=["Tell me about the NATO option."])
    assert a.answered and "Friedenstruppe" in a.answer


def test_search_box_queries_in_lower_case_find_the_person_and_the_answer(bot):
    a = bot.ask("trumps meinung zur nato")
    assert a.answered and "Trump" in a.answer.split(":")[0]
    a = bot.ask("usa truppen ukraine ja/nein")
    assert a.answered and "keine Bodentruppen" in a.answer
    a = bot.ask("mick ryan warnung")
    assert a.answered and "NATO-Krieg" in a.answer


def test_how_something_is_described_is_answered_by_its_description(bot):
    a = bot.ask("How is the terrain described?")
    assert a.answered and "Wäldern und Feldern" in a.answer


def test_a_genitive_put_first_is_the_person_whose_view_is_asked(bot):
    assert bot.search("trumps meinung zur nato").question.actor == "Trump"
    assert bot.search("Hodges Meinung zur Truppe").question.actor == "Hodges"  # a name ending in "s"
    assert bot.search("what does hodges mean").question.actor == "Hodges"


def test_which_professor_is_quoted_is_answered_by_the_name_beside_the_title(bot):
    a = bot.ask("Welcher Professor wird zitiert?")
    assert a.answered and "Matthew Schmidt" in a.answer
    a = bot.ask("An welcher Uni lehrt er?", history=["Welcher Professor wird zitiert?"])
    assert a.answered and "University of New Haven" in a.answer


def test_a_date_question_on_someone_is_not_answered_by_a_date_of_others(bot):
    a = bot.ask("Gibt es schon einen Termin für das Treffen mit Putin?")
    assert not a.answered
    a = bot.ask("Wann war Selenskyj im Weißen Haus?")
    assert a.answered and "18. August" in a.answer


def test_a_short_question_on_the_last_ones_thing_continues_it(bot):
    a = bot.ask("What was the meeting for?", history=["Where did European leaders meet on Sunday?"])
    assert a.answered and "Lösungen für die Ukraine" in a.answer


def test_is_nato_membership_realistic_quotes_the_membership_not_realistic_guarantees(bot):
    a = bot.ask("Is NATO membership for Ukraine realistic?")
    assert a.answered and "unwahrscheinlich" in a.answer and "Matthew Schmidt" not in a.answer


def test_what_the_government_in_moscow_says_is_moscows_position(bot):
    a = bot.ask("Wie reagierte die Regierung in Moskau auf das Treffen in Washington?")
    assert a.answered and "ablehnende Haltung" in a.answer


def test_the_first_option_and_the_second_are_compared_side_by_side(bot):
    a = bot.ask("What distinguishes the first option from the second?")
    assert a.answered and "Nato-Artikel 5" in a.answer and "Friedenstruppe" in a.answer


def test_why_a_country_did_something_needs_a_cause_of_that_not_of_something_else(bot):
    a = bot.ask("Why did the US pause weapons deliveries?")
    assert not a.answered  # the stop is reported; the cause quoted nearby is why a UN mission is unlikely
    a = bot.ask("Why does Moscow reject NATO troops?")
    assert a.answered and "Eskalation" in a.answer


def test_an_office_with_a_holder_the_articles_never_name_speaks_as_the_office(bot):
    a = bot.ask("Danke. Und was sagt Russlands Außenminister Lawrow dazu?")
    assert a.answered and "kategorisch inakzeptabel" in a.answer
    assert a.answer.count("Dazu steht") == 0  # a thanks before it is no question of its own


def test_whether_someone_the_articles_never_name_spoke_is_refused(bot):
    assert not bot.ask("Hat sich eigentlich der Papst zu den Sicherheitsgarantien geäußert?").answered
    assert not bot.ask("wats biden's view").answered


def test_the_plans_are_the_debate_not_an_unknown_topic(bot):
    a = bot.ask("Was sagt die Ukraine zu den Plänen?")
    assert a.answered and "verlässliche Garantien" in a.answer


def test_the_size_of_an_army_the_articles_never_count_is_refused(bot):
    assert not bot.ask("Wie groß ist die russische Armee?").answered


def test_someones_view_asked_with_their_genitive_quotes_them(bot):
    for question in ("Was ist Rubios Haltung?", "Summarize Rubio's view."):
        a = bot.ask(question)
        assert a.answered and "Abschreckungsmechanismus" in a.answer and "Rubios laut" not in a.answer, question


def test_whether_a_country_agreed_is_answered_by_what_its_officials_said(bot):
    a = bot.ask("Hat Russland einer Friedenstruppe zugestimmt?")
    assert a.answered and a.quotes[0][0].startswith("Der russische Außenminister")


def test_a_follow_up_on_a_thing_the_articles_never_name_is_not_answered(bot):
    a = bot.ask("Und wann?", history=["Wie viele Panzer will Deutschland liefern?"])
    assert not a.answered


def test_the_part_an_alliance_plays_is_told_by_the_points_naming_it(bot):
    a = bot.ask("Welche Rolle spielt die Nato in den Planungen?")
    assert a.answered and "Artikel 5" in a.answer and "UN-Einsatz" not in a.answer  # not the UN's part


def test_what_stands_in_the_way_of_peace_quotes_the_obstacle(bot):
    for question in ("What stands in the way of a lasting peace?", "Was steht einem dauerhaften Frieden im Weg?"):
        a = bot.ask(question)
        assert a.answered and "Täuschung und Versprechen" in a.answer, question


def test_which_country_is_answered_by_a_country_the_question_does_not_name(bot):
    for question in (
        "Welches Land außer Großbritannien und Frankreich will helfen?",
        "Which country outside Europe wants a role?",
    ):
        a = bot.ask(question)
        assert a.answered and a.quotes[0][0].startswith("Australien"), question


def test_a_country_named_after_a_list_of_countries_gets_what_names_it(bot):
    a = bot.ask("Und Deutschland?", history=["Welche Länder haben Bereitschaft signalisiert?"])
    assert a.answered and "Scholz" in a.answer and "Briten und Franzosen" not in a.answer
    # Italy's generals visit Washington: nothing on whether Italy is willing
    assert not bot.ask("Und Italien?", history=["Welche Länder haben Bereitschaft signalisiert?"]).answered


def test_a_speakers_genitive_is_read_as_their_name(bot):
    assert bot.ask("Was ist Leavitts Meinung?").answer.startswith("Was Leavitt laut den Artikeln sagt")


def test_a_long_purpose_clause_gives_the_motive(bot):
    # "…, um Lösungen für die Ukraine sowie längerfristige Antworten für … zu suchen": eleven words between
    a = bot.ask("Why did European leaders meet in London?")
    assert a.answered and "Lösungen für die Ukraine" in a.answer


def test_a_follow_up_on_her_reason_is_answered_by_the_reason_she_gave(bot):
    # "give" is no word of its own that her quote must name
    a = bot.ask("What reason did she give?", history=["What did Sacharowa say?"])
    assert a.answered and "unkontrollierten Eskalation" in a.answer


def test_a_follow_up_on_his_words_about_a_topic_reads_its_synonyms_translation(bot):
    # "ceasefire": "truce": "Waffenstillstand", as the search reads it
    a = bot.ask("And what did he say about the ceasefire?", history=["What did Macron say?"])
    assert a.answered and "sehr schwierig" in a.answer


def test_whether_someone_went_somewhere_needs_a_quote_about_them_naming_the_place(bot):
    # Macron's quotes are on the talks and the front; none names Kiew
    assert not bot.ask("Ist Macron nach Kiew gereist?").answered
    assert bot.ask("Did Selenskyj visit the White House in August?").answered


def test_the_class_a_follow_up_asks_for_need_not_be_named_in_the_quote(bot):
    # the articles write "University of New Haven", never "Universität"
    a = bot.ask("An welcher Universität arbeitet er?", history=["Wer ist Matthew Schmidt?"])
    assert a.answered and "University of New Haven" in a.answer
    assert bot.ask("Which university does he work at?", history=["What does Schmidt teach?"]).answered


def test_a_how_long_question_and_a_kind_of_outlet_and_what_makes_something_so(bot):
    assert "mehrere Wochen" in bot.ask("Wie lange werden die Verhandlungen dauern?").answer
    a = bot.ask("Welchem Medium hat er das gesagt?", history=["Was genau hat Hodges gefordert?"])
    assert a.answered and "Redaktionsnetzwerk Deutschland" in a.answer
    a = bot.ask("What makes a UN mission impractical?")
    assert a.answered and "zustimmen müsste" in a.answer


def test_a_claim_from_a_post_is_checked_against_the_articles(bot):
    a = bot.ask("Ein Post behauptet, Russland akzeptiere Nato-Soldaten in der Ukraine. Stimmt das?")
    assert a.answered and "inakzeptabel" in a.answer


def test_a_request_for_someones_exact_words_quotes_them(bot):
    a = bot.ask("What were Zakharova's exact words?")
    assert a.answered and "kategorisch abzulehnen" in a.answer
    a = bot.ask("Quote Mick Ryan.")
    assert a.answered and a.language == "en" and "NATO-" in a.answer


@pytest.mark.parametrize("question", ["Wer ist der Chef der Nato?", "Who is the head of NATO?", "Wer leitet die Nato?"])
def test_the_head_of_something_is_found_by_title_however_little_else_the_passage_shares(bot, question):
    # "Generalsekretär des Militärbündnisses Mark Rutte": the passage shares only "Nato" with the question
    a = bot.ask(question)
    assert a.answered and "Mark Rutte" in a.answer


def test_english_words_in_a_german_question_are_read_in_their_german_forms(bot):
    a = bot.ask("Was hat der Secretary of Defense gesagt?")
    assert a.answered and "Hegseth" in a.answer and a.language == "de"
    a = bot.ask("Wie viele Peacekeeper braucht man laut Schmidt?")
    assert a.answered and "100.000" in a.answer


def test_a_yes_no_claim_is_not_confirmed_by_words_near_its_verb_by_vector(bot):
    # "lost" has no translation the articles use; words near it by vector ("letzte", "blieben")
    # name nothing it asks, and nothing else asked ("Krieg") is in the quotes
    assert not bot.ask("Is it true that Ukraine lost the war?").answered
    assert bot.ask("Did Trump rule out sending troops?").answered
