import re
from dataclasses import replace

import pytest

from chatbot.answer import AnswerSettings
from chatbot.api import Chatbot, QuestionError
from chatbot.compose import compose
from chatbot.followup import resolve
from chatbot.known import unknown_names, unknown_terms
from chatbot.order import MAX_QUOTES
from chatbot.question import analyse
from ingest.store import load_index


@pytest.fixture(scope="module")
def bot(fake_bot):
    return fake_bot


def test_answer_quotes_sentences_verbatim_with_citations(bot):
    a = bot.ask("Wie viele Friedenswächter könnten als Abschreckung dienen?")
    assert a.answered and a.language == "de"
    assert "100.000 Friedenswächter" in a.answer
    index = bot.index
    by_n = {c.n: c for c in a.citations}
    for sentence, n in a.quotes:
        assert f"{sentence} [{n}]" in a.answer
        cit = by_n[n]
        assert sentence in cit.text  # never a sentence that is not in the cited passage
        doc = index.doc(cit.doc_id)
        assert doc.text[cit.start : cit.end] == cit.text
        assert any(cit.text[s:e] == sentence for s, e in cit.highlights)


def test_citations_numbered_by_first_use_then_the_rest(bot):
    a = bot.ask("Was sagt Moskau zu einer Nato-Militärpräsenz in der Ukraine?", k=5)
    used = [int(n) for n in re.findall(r"\[(\d+)\]", a.answer)]
    first_use = list(dict.fromkeys(used))
    assert first_use == list(range(1, len(first_use) + 1))
    assert [c.n for c in a.citations] == list(range(1, len(a.citations) + 1))
    assert all(c.cited for c in a.citations[: len(first_use)])
    assert not any(c.cited for c in a.citations[len(first_use) :])
    assert len(a.citations) <= 5
    assert len(a.quotes) <= 6


def test_k_limits_the_citations(bot):
    assert len(bot.ask("Was fordert Ben Hodges?", k=2).citations) <= 2


def test_english_question_gets_an_english_frame(bot):
    a = bot.ask("How many peacekeepers could serve as a deterrent? 100.000 Friedenswächter")
    assert a.language == "en"
    assert a.answer.startswith("The German-language articles say")


def test_refusal_in_the_questions_language_lists_nearest_passages(fake_seed_index):
    from ingest.embed import HashEmbedder

    strict = Chatbot(
        fake_seed_index,
        embedder=HashEmbedder(),
        settings=AnswerSettings(min_similarity_de=0.99, min_similarity_en=0.99, min_p=1.5),
    )
    de = strict.ask("Wie wird das Wetter morgen in Berlin?")
    assert not de.answered and "Dazu steht in den Artikeln nichts" in de.answer
    assert de.citations and not any(c.cited for c in de.citations)
    en = strict.ask("What will the weather be like tomorrow?")
    assert not en.answered and en.answer.startswith("The articles do not answer this")


def test_unknown_names_mean_no_answer(bot):
    index = bot.index
    assert unknown_names(analyse("Was sagt China zu den Sicherheitsgarantien?"), index) == ["China"]
    assert unknown_names(analyse("Was sagt Moskau zu den Sicherheitsgarantien?"), index) == []
    assert unknown_names(analyse("What does Baerbock think about Moscow?"), index) == ["Baerbock"]
    assert not bot.ask("Was sagt China zu den Sicherheitsgarantien?").answered


def test_follow_up_questions_are_searched_with_the_previous_one():
    q = resolve("Und was sagt Moskau dazu?", ["Will die Nato Truppen schicken?"])
    assert q.follow_up and "Truppen" in q.query and q.actor == "Moskau"
    alone = resolve("Wer ist Ben Hodges und was fordert er genau?", [])
    assert not alone.follow_up and alone.query == "Wer ist Ben Hodges und was fordert er genau?"


@pytest.mark.parametrize("bad", ["?!.,;:-()[]", "...", "und oder?"])
def test_content_free_questions_get_a_plain_prompt(bot, bad):
    a = bot.ask(bad)
    assert not a.answered and not a.citations
    assert "Frage zu den Artikeln" in a.answer or "question about the articles" in a.answer


def test_questions_about_the_bot_get_help_not_quotes(bot):
    a = bot.ask("What are your instructions?")
    assert not a.answered and not a.quotes and "articles" in a.answer


@pytest.fixture(scope="module")
def loose(fake_seed_index):
    """A bot on the fake index that never abstains, to test composition alone."""
    from ingest.embed import HashEmbedder

    never_abstain = AnswerSettings(min_similarity_de=0.0, min_similarity_en=0.0, unknown_step=0.0, min_p=0.0)
    return Chatbot(fake_seed_index, embedder=HashEmbedder(), settings=never_abstain)


def test_overview_answers_are_a_list_of_cited_points(loose):
    a = loose.ask("Welche Optionen für Sicherheitsgarantien werden diskutiert?")
    assert a.answered and a.kind == "overview"
    points = [line for line in a.answer.splitlines() if line.startswith("- ")]
    assert 2 <= len(points) <= 6
    assert all(re.search(r"\[\d+\]$", p) for p in points)
    assert len(set(points)) == len(points)


def test_a_list_of_people_quotes_each_speaker_once(loose):
    from chatbot.speakers import people_in

    a = loose.ask("Welche Experten haben sich alles geäußert?")
    assert a.answered and a.kind == "overview"
    points = [line for line in a.answer.splitlines() if line.startswith("- ")]
    speakers = [people_in(p, loose.index) for p in points]
    assert len(points) >= 2 and all(speakers)
    assert len(set().union(*speakers)) >= len(points)  # one point per person, not one person per point


def test_everything_an_actor_said_is_a_list_of_their_statements(loose):
    few = loose.ask("Was sagt Trump zur Sicherheit der Ukraine?")
    every = loose.ask("Was hat Trump alles zur Sicherheit der Ukraine gesagt?")
    assert every.answered and every.kind == "position"
    points = [line for line in every.answer.splitlines() if line.startswith("- ")]
    assert few.answered and MAX_QUOTES["position"] < len(points) <= 6  # more than the three of a position


def test_countries_are_found_by_any_of_their_names(loose):
    from chatbot.places import countries_in

    assert countries_in("Der Kreml lehnt das ab, hieß es in Paris.", loose.index) == {"russland", "frankreich"}


def test_a_quote_that_leans_on_the_one_before_brings_it_along(loose):
    a = loose.ask("Was sagt Rubio?")
    assert a.answered and a.kind == "position"
    texts = [t for t, _ in a.quotes]
    for i, t in enumerate(texts):
        if t.startswith("Er fügte hinzu"):
            assert i > 0  # the sentence naming the speaker comes first


@pytest.mark.parametrize("bad", ["", "   ", "x" * 2001])
def test_bad_questions(bot, bad):
    with pytest.raises(QuestionError):
        bot.ask(bad)


def test_k_must_be_positive(bot):
    with pytest.raises(QuestionError, match="k must be at least 1"):
        bot.ask("Frage?", k=0)


def test_compose_with_no_hits_says_the_index_is_empty(fake_seed_index):
    import numpy as np

    index = load_index(fake_seed_index)
    a = compose(index, analyse("Was ist los in Kiew?"), np.zeros(256, np.float32), [])
    assert not a.answered and not a.citations


def test_json_shape(bot):
    d = bot.ask("Was fordert Ben Hodges?").as_dict()
    assert set(d) >= {"question", "answer", "answered", "citations"}
    for c in d["citations"]:
        assert set(c) >= {"n", "source", "title", "text", "start", "end", "score"}
        assert len(c["text"]) <= 1500
        assert not c["source"].startswith("/")


def test_markup_in_a_question_is_dropped():
    from chatbot.api import check_question

    assert check_question("<script>alert(1)</script><b>Was sagt Rubio?</b>") == "Was sagt Rubio?"


def test_a_web_address_pasted_with_a_question_is_left_out_and_one_inside_it_names_the_site():
    from chatbot.api import QuestionError, check_question

    assert check_question("https://www.cnn.com/2025/03/01/europe/x.html was sagt Macron?") == "was sagt Macron?"
    assert check_question("Was schreibt https://www.spiegel.de/politik/x.html über Rutte?") == (
        "Was schreibt Spiegel über Rutte?"
    )
    with pytest.raises(QuestionError, match="empty"):
        check_question("https://www.cnn.com/2025/03/01/europe/x.html")


def test_position_without_an_actor_gets_the_plain_lead(loose):
    a = loose.ask("Was meinen sie dazu?")
    assert a.kind == "position" and "Was  laut" not in a.answer
    assert not a.answered or a.answer.startswith("Die Artikel berichten dazu:")


def test_a_number_counts_what_the_question_asks_about(loose):
    from chatbot.answer_kinds import quantifies
    from ingest.analyze import stem

    index = loose.index
    soldiers = {stem("soldaten")}
    assert quantifies("Eine Armee von etwa 200.000 Soldaten wäre nötig.", soldiers, index, None, 0.92)
    assert not quantifies(
        "Garantien benötigen drei Komponenten, sagte er über die Soldaten der Zukunft.", soldiers, index, None, 0.92
    )
    assert not quantifies("Die Soldaten kamen ohne Zahl.", soldiers, index, None, 0.92)


def test_how_many_quotes_the_number_of_the_thing_asked_first(loose):
    a = loose.ask("Wie viele Friedenswächter könnten als Abschreckung dienen?")
    assert a.answered and "100.000 Friedenswächter" in a.quotes[0][0]


def test_what_a_quote_means_is_answered_from_the_sentence_that_holds_it(loose):
    index = loose.index
    doc = next(d for d in index.documents if len(d.sentences) > 5)
    j = next(j for j in range(2, len(doc.sentences) - 1) if len(doc.text[slice(*doc.sentences[j])].split()) > 6)
    words = doc.text[slice(*doc.sentences[j])].split()[1:5]
    a = loose.ask(f"Was meint er mit „{' '.join(words)}“?")
    texts = [t for t, _ in a.quotes]
    assert a.answered and any(" ".join(words) in t for t in texts)


def test_nach_angaben_reports_who_speaks():
    from chatbot.speakers import speaks

    assert speaks("Nach Angaben von Leavitt wird das Thema mit Moskau besprochen.", {"leavitt"})
    assert not speaks("Das Thema wird mit Leavitt in Moskau besprochen.", {"leavitt"})
    # a place at the head of an outlet's name is not who reports
    assert not speaks("… einen Entwurf ausarbeiten, wie Quellen des Kyiv Independent berichten.", {"kyiv"})


def test_someone_named_by_office_after_the_verb_speaks_not_those_named_after_them():
    from chatbot.speakers import speaks

    text = "Inmitten von Spannungen fordert Präsident Zelensky klare Zusagen von den USA und Europa."
    assert speaks(text, {"zelensky"})
    assert not speaks(text, {"europa", "eu"})
    assert speaks("Das sagte der US-Außenminister Marco Rubio in Washington.", {"rubio"})


def test_an_office_between_the_verb_and_the_name_keeps_the_speaker():
    from chatbot.speakers import speaks

    text = "Die USA werden nach Angaben der Sprecherin des Weißen Hauses, Karoline Leavitt, mit Russland reden."
    assert speaks(text, {"leavitt"})
    obama = "Er verwies dabei auf die von US-Präsident Barack Obama geduldete Annexion der Krim."
    assert not speaks(obama, {"obama"})  # the man the statement is about, not its speaker
    later = "Er habe dies gemeint, stellte später die Sprecherin des Weißen Hauses, Karoline Leavitt, klar."
    assert speaks(later, {"leavitt"})  # an adverb between the verb and the office


def test_an_office_speaks_only_for_its_own_country():
    from chatbot.holders import office_holders, office_speaks
    from chatbot.places import country_of

    russian = "Der russische Außenminister hat bereits erklärt, dass NATO-Truppen inakzeptabel seien."
    assert office_speaks(russian, "außenminister", country_of("russische"))
    assert office_speaks(russian, "außenminister", country_of("Russia"))
    assert not office_speaks(russian, "außenminister", country_of("ukrainische"))
    us = "Verteidigungsminister Pete Hegseth betonte, dass europäische Truppen keinen Schutz hätten."
    assert not office_speaks(us, "verteidigungsminister", country_of("deutsche"))
    assert office_holders(
        ["Leavitt sagte, US-Präsident Donald Trump bespreche das."], "präsident", country_of("US")
    ) == {"trump"}


def test_whose_things_a_word_before_them_names():
    from chatbot.places import owner

    assert owner("US") == "usa" and owner("amerikanischen") == "usa" and owner("American") == "usa"
    assert owner("europäischer") == "europa" and owner("European") == "europa" and owner("EU") == "europa"
    assert owner("deutsche") == "deutschland" and owner("Nato") == "nato"
    assert owner("westlicher") is None and owner("vieler") is None and owner("Soldaten") is None


def test_an_outgoing_office_holder_is_no_answer_to_who_holds_it_next(loose):
    from chatbot.holders import NEXT_HOLDER, outgoing

    assert outgoing("Der scheidende deutsche Kanzler Olaf Scholz erklärte, dass …", "kanzler")
    assert outgoing("Ex-Präsident Barack Obama sagte …", "präsident")
    assert not outgoing("US-Präsident Donald Trump bespreche das Thema.", "präsident")
    assert NEXT_HOLDER.search("Wer wird neuer Bundeskanzler?") and not NEXT_HOLDER.search("Wer ist Kanzler?")
    assert not loose.ask("Wer wird neuer Bundeskanzler?").answered  # not "Der scheidende … Kanzler Olaf Scholz"


def test_an_office_is_found_inside_a_compound_and_after_a_coordinated_one():
    from chatbot.holders import office_holders, opens_with_office
    from chatbot.places import country_of
    from ingest.analyze import stem

    spokeswoman = "Außenamtssprecherin Maria Sacharowa erklärte: „Wir lehnen das ab.“"
    assert office_holders([spokeswoman], "sprecher", ()) == {"sacharowa"}
    assert opens_with_office(spokeswoman, "sprecher")
    white_house = "Die USA werden nach Angaben der Sprecherin des Weißen Hauses, Karoline Leavitt, mit Russland reden."
    assert office_holders([white_house], "sprecher", ()) == {"leavitt"}
    assert not opens_with_office(white_house, "sprecher")
    vance = "Streit mit dem US-Präsidenten Donald Trump und Vizepräsident JD Vance im Weißen Haus"
    assert office_holders([vance], "vizepräsident", country_of("US")) == {stem("vance")}
    assert office_holders([vance], "präsident", country_of("US")) == {"trump"}  # "Vizepräsident" is no "Präsident"
    assert country_of("Weißen") == ()  # "des Weißen Hauses" is no "Weißrussland"


def test_a_who_question_is_answered_by_someone_it_does_not_name():
    from chatbot.evidence import names_someone_else

    later = "Er habe dies gemeint, stellte später die Sprecherin des Weißen Hauses, Karoline Leavitt, klar."
    assert names_someone_else(later, {"trump"})
    assert not names_someone_else("Das sagte Präsident Donald Trump dem Sender.", {"trump"})


def test_an_ordinal_picks_the_sentence_about_that_one():
    from chatbot.ordinals import ordinal_root

    assert ordinal_root("zweite") == ordinal_root("zweiten") == ordinal_root("second") == "zweit"
    assert ordinal_root("nächste") is None and ordinal_root("Variante") is None


def test_a_name_in_what_is_said_is_not_the_speaker():
    from chatbot.speakers import speaks

    text = "Verteidigungsminister Pete Hegseth betonte, dass europäische Truppen keinen Schutz genießen würden."
    assert speaks(text, {"hegseth"}) and not speaks(text, {"europa", "europäisch"})
    assert speaks("„Das ist ein einmaliges Ereignis“, erklärte Starmer.", {"starm"})


def test_what_a_compound_is_about_does_not_speak_the_place_after_the_verb_does():
    from chatbot.speakers import speaks

    text = "Nach dem jüngsten Ukraine-Treffen in Washington bekräftigte Moskau seine ablehnende Haltung."
    assert not speaks(text, {"ukrain", "kiew"}) and speaks(text, {"moskau", "russland"})
    assert speaks("Ein Kreml-Sprecher erklärte, man lehne das ab.", {"kreml", "russland"})
    # officials speak for their country: "Andere US-Beamte haben erklärt …"
    assert speaks("Andere US-Beamte haben jedoch erklärt, dass die USA nicht Teil sein werden.", {"us", "usa"})


def test_a_follow_up_ordinal_is_answered_by_the_sentence_naming_it_or_not_at_all(loose):
    history = ["Was ist die erste Variante, die der Spiegel beschreibt?"]
    second = loose.ask("Und wie sieht die zweite aus?", history=history)
    assert second.answered and [t for t, _ in second.quotes] == [
        "Als zweite Option nennt das Magazin die Entsendung einer internationalen Friedenstruppe "
        "gemeinsam mit europäischen Staaten."
    ]
    assert not loose.ask("Und die dritte Option?", history=history).answered  # the articles name two


def test_das_before_a_noun_is_an_article_not_a_pointer_back():
    from chatbot.evidence import depends_on_previous

    assert not depends_on_previous("Das Weiße Haus bestätigte Fox News unterdessen, dass Caine Besuch bekomme.")
    assert depends_on_previous("Das sagte er am Montag.") and depends_on_previous("Diese Variante steht zur Wahl.")
    # "es" as a mere subject points nowhere; "es" for a thing named before does
    assert not depends_on_previous("„Es sollte nicht so schwer sein, einen Deal zu machen“, behauptete Trump.")
    assert depends_on_previous("Es orientiert sich am Nato-Artikel 5.")
    # "das"/"dies" for what the sentence before said, early on: "schloss das … aus", "dass dies …"
    assert depends_on_previous("Trump schloss das laut Angaben kategorisch aus.")
    assert depends_on_previous("Der scheidende deutsche Kanzler Olaf Scholz erklärte, dass dies „nötig“ sei.")
    assert not depends_on_previous("Trump lobte das neue Abkommen.")  # an article before its noun
    assert depends_on_previous("„Sicherheit ist so einfach“, äußerte er während eines Streits im Oval Office.")
    # "er" for someone the sentence itself names before
    assert not depends_on_previous("Obwohl Präsident Emmanuel Macron optimistisch war, stellte er auch fest, dass …")
    # "dann" for the case the sentence before describes; not "erst dann, wenn …", which points ahead
    assert depends_on_previous("Im Fall eines Angriffs könnten die Partner dann über einen Kriegseintritt abstimmen.")
    assert not depends_on_previous("Die Truppe wird erst dann entsandt, wenn ein Waffenstillstand gilt.")


def test_an_overview_naming_a_person_lists_that_persons_points(loose):
    a = loose.ask("Welche Bedingungen nennt der Ex-General Hodges, damit Zusagen etwas taugen?")
    texts = [t for t, _ in a.quotes]
    assert a.answered and texts and all("Hodges" in t for t in texts)


def test_a_why_question_gets_the_reason_the_same_person_goes_on_to_give(loose):
    a = loose.ask("Wieso hält Hodges westliche Soldaten für nötig?")
    texts = [t for t, _ in a.quotes]
    assert a.answered and any("leere Hülse" in t for t in texts)


def test_a_position_quotes_only_what_is_surely_the_actors_when_there_is_any(loose):
    a = loose.ask("Was sagt Mark Rutte?")
    texts = [t for t, _ in a.quotes]
    assert a.answered and any("Rutte" in t for t in texts)
    assert not any(t.startswith("Als zweite Option nennt das Magazin") for t in texts)  # the magazine's words


def test_a_position_on_a_named_thing_needs_a_quote_that_names_it(loose):
    assert not loose.ask("What did Starmer say about Italy?").answered
    assert loose.ask("What did Starmer say about Europe?").answered  # „… für die Sicherheit Europas“


def test_an_event_named_after_seit_or_nach_is_no_date():
    from chatbot.answer_kinds import has_kind

    assert not has_kind("Kiew will, dass Russland nach einem möglichen Friedensschluss nicht angreift.", "date")
    assert not has_kind("Seit dem Ukraine-Gipfel wird verstärkt diskutiert.", "date")
    assert has_kind("Nach Selenskyjs Besuch am 18. August rechnen Diplomaten damit.", "date")
    assert has_kind("Das soll in der kommenden Woche geschehen.", "date")
    # … but "Seit wann …?" asks since when, and the event since which answers it
    assert has_kind("Seit dem Ukraine-Gipfel wird verstärkt diskutiert.", "since")
    assert has_kind("Das soll in der kommenden Woche geschehen.", "since")
    assert not has_kind("Kiew will, dass Russland nach einem Friedensschluss nicht angreift.", "since")


def test_decades_and_centuries_are_dates():
    from chatbot.answer_kinds import has_kind

    assert has_kind("Die Bewegung entstand in den späten 1980ern.", "date")
    assert has_kind("Seit den 90er Jahren wächst das Interesse wieder.", "date")
    assert has_kind("It grew in the 1980s.", "date")
    assert has_kind("Im 19. Jahrhundert wurde die Stadt gegründet.", "date")
    assert not has_kind("Die Armee hätte 200 Soldaten.", "date")


def test_a_who_question_is_answered_by_a_surname_the_archive_names_in_full(fake_seed_index):
    from chatbot.answer_kinds import holds_answer
    from chatbot.question import analyse
    from ingest.store import load_index

    index = load_index(fake_seed_index)
    asked = analyse("Wer widersprach dem Pentagon?")
    assert holds_answer("Das sah Hodges anders.", asked, index)  # "Ben Hodges" is named in full elsewhere
    assert not holds_answer("Das sah der Minister anders.", asked, index)
    # the person asked about is no answer to who else did it
    assert not holds_answer("Das sah Hodges anders.", analyse("Wer widersprach Hodges?"), index)
    rubio = analyse("Who does Rubio think could take part?")
    assert not holds_answer(
        "Der US-Außenminister Marco Rubio könnte eine realistischere Sichtweise vertreten.", rubio, index
    )
    assert holds_answer("Er fügte hinzu, dass auch die Europäer partizipieren könnten.", rubio, index)  # a people


def test_a_german_question_typed_in_lower_case_still_names_its_nouns(fake_seed_index):
    from dataclasses import replace

    from chatbot.known import unknown_terms
    from chatbot.question import analyse
    from ingest.store import load_index

    index = load_index(fake_seed_index)
    q = analyse("wie viele panzer hat die ukraine")
    assert unknown_terms(replace(q, typed_lower=True), index) == ([], ["panzer"])  # no tanks in the articles
    assert unknown_terms(analyse("Wie viele Panzer hat die Ukraine?"), index) == ([], ["Panzer"])


def test_a_people_named_by_their_country_is_known_when_the_articles_name_the_country(fake_seed_index):
    from chatbot.known import unknown_terms
    from chatbot.question import analyse
    from ingest.store import load_index

    index = load_index(fake_seed_index)
    assert unknown_terms(analyse("Wie stehen die Russen zu einer Nato-Präsenz?"), index)[0] == []
    assert unknown_terms(analyse("Was sagen die Chinesen?"), index)[0] == ["Chinesen"]  # China is never named


def test_a_noun_for_what_someone_thinks_or_says_is_asked_not_a_topic_the_articles_must_name(fake_seed_index):
    from chatbot.known import unknown_terms
    from chatbot.question import analyse
    from ingest.store import load_index

    index = load_index(fake_seed_index)
    assert unknown_terms(analyse("Welche Rolle spielen Seltene Erden in Trumps Überlegungen?"), index) == ([], [])
    assert unknown_terms(analyse("Welche Rolle spielen Seltene Erden in Trumps Wahlkampf?"), index) == (
        [],
        ["Wahlkampf"],
    )


def test_which_person_is_not_answered_by_the_person_asked_about(fake_seed_index):
    from chatbot.answer_kinds import holds_answer
    from chatbot.question import analyse
    from ingest.store import load_index

    index = load_index(fake_seed_index)
    said = "US-Generalstabschef Dan Caine bekommt Besuch von seinen Kollegen aus Italien."
    assert not holds_answer(said, analyse("Which Italian general will meet Caine?"), index)
    assert holds_answer(said, analyse("Which general will meet colleagues from Italy?"), index)


def test_multiples_are_numbers_and_bodies_named_by_their_last_word_are_organisations():
    from chatbot.answer_kinds import has_kind

    assert has_kind("Sie fressen das Zehnfache ihres Eigengewichts.", "number")
    assert not has_kind("Die Armee ist stark.", "number")
    assert not has_kind("… da er den Schutz durch Artikel 5 einschließen würde.", "number")  # names an article
    assert has_kind("Der Nato-Artikel 5 gilt für 32 Staaten.", "number")
    assert has_kind("Er trat der All India Muslim League bei.", "org")
    assert has_kind("Daneben entstand der Europäische Gerichtshof für Menschenrechte.", "org")
    assert not has_kind("Er ging nach Hause.", "org")


def test_who_is_answered_by_er_or_sie_whom_the_sentence_before_names(fake_seed_index):
    from chatbot.answer_kinds import sentence_holds_answer
    from chatbot.evidence import Sentence
    from chatbot.question import analyse
    from ingest.store import load_index

    index = load_index(fake_seed_index)
    said = "Zur Begründung verwies sie auf die Gefahr „einer unkontrollierten Eskalation“."
    before = "Außenamtssprecherin Maria Sacharowa erklärte: „Wir lehnen das ab.“"
    c = Sentence(0, "d", 1, 0, 0, len(said), said, before=before)
    assert sentence_holds_answer(c, analyse("Who warned about escalation?"), index)
    alone = Sentence(0, "d", 1, 0, 0, len(said), said, before="Die Lage ist ernst.")
    assert not sentence_holds_answer(alone, analyse("Who warned about escalation?"), index)


def test_a_heads_title_ends_a_word_and_is_no_part_of_another():
    from chatbot.answer_kinds import _HEAD

    assert _HEAD.search("US-Generalstabschef Dan Caine") and _HEAD.search("die Präsidentin")
    assert not _HEAD.search("ahead of the talks") and not _HEAD.search("die Präsidentschaft")


def test_who_leads_something_is_answered_by_a_name_with_a_heads_title(fake_seed_index):
    from chatbot.answer_kinds import holds_answer
    from chatbot.question import analyse
    from ingest.store import load_index

    index = load_index(fake_seed_index)
    q = analyse("Wer führt die Nato?")
    assert q.leader and q.expects == "person"
    assert holds_answer("Laut Focus gab Generalsekretär des Militärbündnisses Mark Rutte zu erkennen …", q, index)
    # a name near the thing asked about is no head of it
    assert not holds_answer("Das könnte zu einem NATO-Krieg führen, warnte Mick Ryan, ein Experte.", q, index)
    # … or by whoever the sentence says led it
    led = analyse("Wer war der Anführer der Gruppe, als sie das Euphrattal betrat?")
    assert led.leader and holds_answer("Der Normanne Robert Oursel führte eine Gruppe in das Euphrattal.", led, index)
    assert not analyse("Wer hat den Nato-Beitritt ausgeschlossen?").leader
    assert analyse("Who is the head of the Ukrainian army?").leader  # asked by the title
    assert analyse("Wer ist der Chef der Nato?").leader and not analyse("Wer ist der Nato-Generalsekretär?").leader


def test_a_platform_something_was_posted_on_is_a_place():
    from chatbot.answer_kinds import has_kind

    assert has_kind("Trump schrieb auf seiner Plattform Truth Social: „Manche Dinge ändern sich nie!!!“", "place")
    assert has_kind("Am Sonntag trafen sich europäische Führer in London.", "place")
    assert not has_kind("Trump schloss das laut Angaben kategorisch aus.", "place")


def test_er_is_whoever_spoke_last_not_someone_named_earlier(loose):
    a = loose.ask("Was sagt Olaf Scholz?")
    assert a.answered and not any(t.startswith("Er hob hervor") for t, _ in a.quotes)  # that is Starmer


def test_a_why_answer_quotes_reasons_only_once_the_best_quote_gives_one(loose):
    from chatbot.answer import AnswerSettings
    from chatbot.evidence import Sentence
    from chatbot.kinds import pick

    texts = [
        "Ein UN-Einsatz scheint unwahrscheinlich, da Russland zustimmen müsste.",
        "Die Briten und Franzosen haben Bereitschaft signalisiert, Teil einer Mission zu sein.",
        "Der Einsatz sei schwierig, weil die Front lang ist.",
    ]
    cands = [Sentence(0, "d", 10 * i, i, 0, 0, t, score=0.3 - 0.05 * i) for i, t in enumerate(texts)]
    q = analyse("Warum ist ein UN-Einsatz unwahrscheinlich?")
    chosen = [c.text for sec in pick(cands, q, loose.index, {}, AnswerSettings()) for c in sec.sentences]
    assert chosen == [texts[0], texts[2]]  # not the one that gives no reason


def test_two_speakers_asked_together_answer_side_by_side(loose):
    a = loose.ask("Was sagen Rubio und Hegseth?")
    assert a.answered and a.kind == "comparison"
    assert "Rubio:" in a.answer and "Hegseth:" in a.answer


def test_kinds_of_answer_years_decades_and_how_often():
    from chatbot.answer_kinds import has_kind

    assert has_kind("Bis 1519 hatten sich seine Schriften verbreitet.", "date")
    assert has_kind("Das geschah in den 1950er Jahren.", "date")
    assert not has_kind("Im Fall eines Angriffs könnten die Partner abstimmen.", "date")  # "Fall" is no autumn
    assert analyse("Wie oft reist er allein?").expects == "frequency"
    assert has_kind("Der Doktor reist selten allein.", "frequency")
    assert not has_kind("Der Doktor reist allein.", "frequency")


def test_how_many_countries_is_answered_by_naming_them(loose):
    from chatbot.answer_kinds import lists_counted

    listed = "Caine bekommt Besuch von Kollegen aus Deutschland, Großbritannien, Frankreich, Finnland und Italien."
    assert lists_counted(listed, "Länder", loose.index) and lists_counted(listed, "countries", loose.index)
    assert not lists_counted(listed, "Soldaten", loose.index)  # soldiers are not counted by naming countries
    assert not lists_counted("Die USA sprechen mit Russland.", "Länder", loose.index)  # a pair is no list
    a = loose.ask("Wie viele Länder schicken ihre Generalstabschefs zu Caine?")
    assert a.answered and "Finnland" in a.answer
    assert analyse("wie viele länder schicken militärchefs").measured == "länder"  # typed in lower case


def test_a_fact_needs_its_probability_from_a_sentence_with_the_kind_of_answer(loose):
    from chatbot.evidence import Sentence
    from chatbot.signals import evidence

    q = analyse("Wann war der Streit im Oval Office?")
    no_date = Sentence(0, "d", 1, 0, 0, 0, "„Sicherheit ist einfach“, sagte er während eines Streits im Oval Office.")
    stray = Sentence(0, "d", 5, 0, 0, 0, "Am Montag trafen sich die Minister in Paris.")
    no_date.features["p_answer"], stray.features["p_answer"] = 0.9, 0.01
    e = evidence(q, [no_date, stray], loose.index)
    assert e["kind_ok"] == 1.0 and e["p"] == 0.01  # not the 0.9 of the sentence without a date


def test_a_country_inside_an_outlets_name_is_not_the_country_asked_about(loose):
    from chatbot.evidence import Sentence
    from chatbot.signals import evidence

    q = analyse("Wie viele Soldaten hat Deutschland zugesagt?")
    outlet = Sentence(0, "d", 1, 0, 0, 0, "„Es braucht Soldaten“, sagte Hodges dem Redaktionsnetzwerk Deutschland.")
    assert evidence(q, [outlet], loose.index)["country"] == 0.0
    named = Sentence(0, "d", 1, 0, 0, 0, "Deutschland will 5000 Soldaten schicken.")
    assert evidence(q, [named], loose.index)["country"] == 1.0
    president = analyse("Wie lange könnten die Gespräche laut dem französischen Präsidenten dauern?")
    assert evidence(president, [outlet], loose.index)["country"] == 1.0  # an adjective names no country to find


def test_a_comparison_with_one_side_absent_shows_that_side_and_says_so(loose):
    a = loose.ask("Was sagen Rubio und Baerbock?")
    assert not a.answered and a.hedged
    assert "Rubio:" in a.answer and "Baerbock: Dazu steht in den Artikeln nichts." in a.answer


def test_an_outlet_named_at_a_sentences_start_is_an_organisation():
    from chatbot.answer_kinds import has_kind

    assert has_kind("Laut Focus gab Mark Rutte zu erkennen, dass die Variante zur Diskussion steht.", "org")
    assert not has_kind("Er ging nach Hause.", "org")


def test_a_sentence_announcing_points_lends_its_score_to_the_points(loose):
    from chatbot.evidence import announces_points

    assert announces_points("In einem Spiegel-Bericht ist von zwei denkbaren Szenarien die Rede.")
    assert announces_points("Realistische Garantien benötigen drei Komponenten:")
    assert not announces_points("Die erste Variante orientiert sich am Nato-Artikel 5.")
    # a sentence giving its points after the colon announces nothing for the next ones
    assert not announces_points("Garantien benötigen drei Komponenten: eine Präsenz, Hilfe und eine Armee.")
    a = loose.ask("How do the two scenarios in the Spiegel report differ?")  # no two named sides: a list
    texts = [t for t, _ in a.quotes]
    assert a.answered and any("zwei denkbaren Szenarien" in t for t in texts)
    assert any("zweite Option" in t for t in texts)  # the points it announces, not only the announcement
    assert a.answer.startswith("The German-language articles name these points")


def test_er_after_a_sentence_whose_subject_is_someone_else_is_not_the_actor(loose):
    # "Trump hat Selenskyjs Anliegen … belächelt." „Sicherheit ist so einfach …“, äußerte er: Trump's words
    zelensky = loose.ask("Was sagt Selenskyj?")
    assert zelensky.answered and not any("2 % des Problems" in t for t, _ in zelensky.quotes)


def test_a_person_between_the_verb_and_the_actor_is_the_speaker():
    from chatbot.speakers import speaks

    text = "Auf die Frage erklärte Leavitt, US-Präsident Donald Trump bespreche das Thema mit Russland."
    assert speaks(text, {"trump"})  # without knowing who the people are, Trump is near the verb
    assert not speaks(text, {"trump"}, frozenset({"leavitt", "trump"}))
    assert speaks(text, {"leavitt"}, frozenset({"leavitt", "trump"}))


def test_a_summary_request_gets_each_articles_lead_under_its_title(bot):
    a = bot.ask("Fasse die Artikel zusammen.")
    assert a.answered and a.kind == "summary"
    titles = {d.title for d in bot.index.documents}
    labels = [line[:-1] for line in a.answer.splitlines() if line.endswith(":") and not line.startswith("- ")]
    assert set(labels[1:]) == titles  # every article of the (two-article) corpus, under its title
    points = [line for line in a.answer.splitlines() if line.startswith("- ")]
    assert points and all(re.search(r"\[\d+\]$", p) for p in points)
    first = bot.index.documents[0]
    assert any(s in a.answer for s in [first.text[b:e] for b, e in first.sentences[:4]])  # its opening
    english = bot.ask("Can you summarize the articles?")
    assert english.answered and english.kind == "summary" and "original German" in english.answer


def test_a_summary_of_a_topic_is_an_overview_of_it():
    q = analyse("Fasse zusammen, was Trump sagt.")
    assert q.kind == "overview" and q.focus == ("Trump",)
    assert analyse("Worum geht es?").kind == "summary"
    assert analyse("Worum geht es bei der Koalition der Willigen?").kind == "overview"


def test_the_first_passage_of_each_document_is_found_by_binary_search(bot):
    from chatbot.retrieve import leads

    index = bot.index
    hits = bot.search("Was sagt Rubio?").hits
    got = leads(index, hits, 5)
    assert [h.chunk.doc_id for h in got] == [d.doc_id for d in index.documents]
    assert all(h.chunk.n == 0 and h.chunk.start == 0 for h in got)
    one = leads(index, hits, 1)
    assert len(one) == 1 and one[0].chunk.doc_id == hits[0].chunk.doc_id  # more documents than wanted: the best


def test_a_country_speaks_through_its_capital_and_a_headline_naming_it_as_partner_is_no_speaker(loose):
    from chatbot.speakers import speaks

    a = loose.ask("Wie reagiert Russland?")
    assert a.answered and any("Moskau" in t or "Sacharowa" in t or "russische" in t for t, _ in a.quotes)
    assert not any(t.startswith("Die Vereinigten Staaten werden") for t, _ in a.quotes)  # "USA wollen mit Russland …"
    text = "Mit Blick auf Forderungen der Ukrainer schrieb der Republikaner auf Truth Social: „Nie!“"
    assert not speaks(text, {"ukrain"})  # the Republican writes, not the Ukrainians


def test_aus_ukrainischer_sicht_is_the_ukraines_view(loose):
    a = loose.ask("Was will die Ukraine?")
    assert a.answered and any(t.startswith("Aus ukrainischer Sicht") for t, _ in a.quotes)


def test_an_epithet_speaker_is_the_man_named_last_before_it(loose):
    from chatbot.speakers import epithet_person, known_people

    index = loose.index
    assert "ukrain" not in known_people(index)  # "… für die Ukraine Sicherheitsgarantien" names no one
    doc, j = next(
        (d, j) for d in index.documents for j, (s, e) in enumerate(d.sentences) if "der Republikaner" in d.text[s:e]
    )
    assert epithet_person(doc, j, index) == "trump"  # Leavitt, named after him, is "die Sprecherin"
    a = loose.ask("Was hat Trump auf Truth Social geschrieben?")
    assert a.answered and any("KEIN NATO-BEITRITT" in t for t, _ in a.quotes)
    ukraine = loose.ask("Was sagt die Ukraine?")
    assert not any("Republikaner" in t for t, _ in ukraine.quotes)


def test_an_outlet_question_needs_half_the_probability_when_nothing_it_asks_is_unknown():
    from chatbot.abstain import decide
    from chatbot.asks import asks_source

    assert asks_source("Welches ukrainische Nachrichtenportal beruft sich auf Quellen?")
    assert asks_source("Who reported that no US ground troops will be sent?")
    assert not asks_source("Welche Organisation wurde 1945 gegründet?")  # an organisation, not an outlet
    assert not asks_source("What channel did ABC launch in 1981?")  # a channel, but nothing reported
    settings = AnswerSettings(min_p=0.2)
    e = {"p": 0.12, "sim": 0.8, "kind_ok": 1.0, "measured": 1.0, "country": 1.0, "unknown_name": 0.0}
    assert not decide({**e, "source": 0.0}, "de", settings)
    assert decide({**e, "source": 1.0}, "de", settings)
    assert not decide({**e, "source": 1.0, "p": 0.05}, "de", settings)


def test_a_place_before_a_name_is_not_a_role_the_person_speaks_for():
    from chatbot.speakers import holders

    text = "Dazu hält der frühere Oberbefehlshaber der US-Streitkräfte in Europa, Ben Hodges, Soldaten für nötig."
    assert "hodg" not in holders({"europa", "europ"}, [text])  # "in Europa": where he commanded
    assert "putin" in holders({"russland", "russ"}, ["Russlands Präsident Wladimir Putin sagte, er sei bereit."])


def test_a_compound_whose_last_part_the_articles_use_is_a_paraphrase_not_an_unknown(loose):
    from chatbot.known import is_known

    assert is_known("Blauhelmeinsatz", loose.index)  # "… Einsatz …"
    assert not is_known("Verteidigungsetat", loose.index) and not is_known("Baerbock", loose.index)
    assert not is_known("Blauhelmeinsatz", loose.index, prefix=False)  # spelled as the articles spell it: no
    assert is_known("Gesamtproblem", loose.index)  # its last part inflected: "… des Problems aus"
    assert is_known("Kiews", loose.index)  # a genitive of "Kiew"
    assert is_known("Front", loose.index)  # the first part of a compound: "… Frontlinie …"
    from chatbot.known import known_by_head_only

    assert known_by_head_only("Atomwaffen", loose.index)  # "… Waffen …", never the atom
    assert not known_by_head_only("Luftunterstützung", loose.index)  # both parts: "Unterstützung in der Luft"
    assert not is_known("China", loose.index)  # "chinesisch" is no compound of it
    assert is_known("Raketen", loose.index)  # the last part of a compound: "… Langstreckenraketen …"
    assert not is_known("raketen", loose.index)  # a noun, not a verb's ending ("stellen" in "sicherstellen")
    # two parts of other compounds: "Militär|bündnis", "Regierungs|chefs"; "-isten" is an ending, no part
    assert is_known("Militärchefs", loose.index) and not is_known("Sozialisten", loose.index)


def test_compounds_ending_in_a_word_are_found_by_how_words_end(loose):
    from chatbot.known import compounds_ending

    assert "langstreckenraketen" in compounds_ending("Rakete", loose.index)  # inflected: "…raketen"
    assert "drohnenabwehr" in compounds_ending("abwehr", loose.index)
    assert not compounds_ending("Waffe", loose.index)  # "Waffenlieferungen" opens with it, ends otherwise
    assert not compounds_ending("Baerbock", loose.index)
    assert not compounds_ending("Krim", loose.index)  # too short to be a compound's last part


def test_a_number_of_someone_elses_things_is_no_count_of_those_asked(loose):
    from chatbot.answer_kinds import counted_owners
    from ingest.analyze import stem

    soldiers = {stem("soldaten")}
    hodges = "„Ohne die Entsendung vieler tausend europäischer Soldaten bleiben Garantien eine leere Hülse“"
    assert counted_owners(hodges, soldiers) == {"europa"}
    assert counted_owners("Bis zu 200.000 US-Soldaten könnten helfen.", soldiers) == {"usa"}
    assert counted_owners("Eine Armee von etwa 200.000 Soldaten wäre nötig.", soldiers) == set()
    a = loose.ask("How many US soldiers are stationed in Europe?")
    assert not a.answered  # not "vieler tausend europäischer Soldaten"
    b = loose.ask("Wie viele europäische Soldaten fordert Hodges?")
    assert b.answered and "tausend europäischer Soldaten" in b.answer


def test_a_country_whose_thing_is_asked_about_must_be_named(loose):
    from chatbot.evidence import Sentence
    from chatbot.signals import evidence

    ukrainian = Sentence(0, "d", 1, 0, 0, 0, "Eine ukrainische Armee von etwa 200.000 Soldaten könnte abschrecken.")
    for text in ("Wie viele Soldaten hat die russische Armee?", "How many soldiers does the Russian army have?"):
        assert evidence(analyse(text), [ukrainian], loose.index)["country"] == 0.0
    own = analyse("Wie viele Soldaten hat die ukrainische Armee?")
    assert evidence(own, [ukrainian], loose.index)["country"] == 1.0
    british = analyse("When did British begin to build the fort?")  # a people, not an adjective before a thing
    assert evidence(british, [ukrainian], loose.index)["country"] == 1.0


def test_an_obstacle_is_a_reason():
    from chatbot.cues import CAUSE

    assert CAUSE.search("Die lange Geschichte von Täuschung stellt das größte Hindernis für einen Frieden dar.")


def test_a_country_in_a_hyphenated_word_is_named(loose):
    from chatbot.evidence import stems_with_parts
    from ingest.analyze import stem

    stems = stems_with_parts("Er hob hervor, dass der Einsatz starke US-Unterstützung erfordere.", loose.index)
    assert stem("usa") in stems


def test_a_cause_is_a_stronger_reason_than_a_purpose():
    from chatbot.cues import CAUSE, REASON

    purpose = "Europäische Führer trafen sich in London, um Lösungen für die Ukraine zu suchen."
    assert REASON.search(purpose) and not CAUSE.search(purpose)
    assert CAUSE.search("Zur Begründung verwies sie auf die Gefahr einer Eskalation.")


def test_a_why_question_about_someone_is_not_answered_by_sentences_about_others():
    from chatbot.abstain import decide

    e = {"sim": 0.9, "unknown_name": 0.0, "unknown_noun": 0.0}
    assert decide(e, "de", AnswerSettings(), "reason")
    assert not decide({**e, "people": 0.0}, "de", AnswerSettings(), "reason")


def test_a_side_in_the_genitive_is_the_name(loose):
    from chatbot.passages import without_genitive

    assert without_genitive("Trumps", loose.index) == "Trump"
    assert without_genitive("Paris", loose.index) == "Paris"


def test_a_condition_that_keeps_something_from_happening_gives_a_reason():
    from chatbot.cues import REASON

    assert REASON.search("Doch solange der Kreml nicht gezwungen wird, bleiben diese Ideen unrealistisch.")
    assert REASON.search("They stay unrealistic as long as the Kremlin is not forced to negotiate.")


def test_a_comparison_where_each_side_speaks_for_itself_is_answered():
    from chatbot.abstain import decide

    settings = AnswerSettings()
    e = {"sim": 0.70, "sides": 2.0, "sides_said": 2.0, "unknown_name": 0.0, "unknown_noun": 0.0}
    assert decide(e, "de", settings, "comparison")
    assert not decide({**e, "sides_said": 1.0}, "de", settings, "comparison")  # one side only described
    assert not decide({**e, "unknown_noun": 1.0}, "de", settings, "comparison")  # "… bei den Zöllen?"


def test_any_country_of_the_world_is_a_name_in_any_language(bot):
    from chatbot.places import EXONYMS, PLACES

    assert EXONYMS["spain"] == "spanien" and EXONYMS["kyiv"] == "kiew"  # the hand list still wins
    assert "china" in PLACES and "türkei" in PLACES
    index = bot.index
    # a country the articles never name is a name, not a paraphrase: the step up is the full one
    assert unknown_names(analyse("Welche Rolle spielt Brasilien bei den Sicherheitsgarantien?"), index) == ["Brasilien"]
    assert unknown_names(analyse("What role does Spain play?"), index) == ["Spain"]
    assert unknown_names(analyse("What role does Australia play?"), index) == []  # "Australien"
    # a small number the articles write out ("drei Komponenten") is no unknown name
    assert unknown_names(analyse("What are the 3 components Schmidt mentions?"), index) == []
    assert unknown_names(analyse("What are the 7 components Schmidt mentions?"), index) == ["7"]
    # a German yes/no question's verb is capitalised as its first word, no noun
    from chatbot.known import unknown_terms

    assert unknown_terms(analyse("Schicken die Amerikaner Soldaten?"), index) == ([], [])


def test_a_topic_only_someone_else_speaks_of_is_not_the_actors(loose):
    # Trump speaks of the rare earths; Sacharowa is quoted, but never on them
    a = loose.ask("Was sagt Sacharowa zu den Seltenen Erden?")
    assert not a.answered
    assert loose.ask("Was sagt Trump zu den Seltenen Erden?").answered
    # a topic the articles name everywhere belongs to no one: Hodges' „solche Garantien“ answer
    assert loose.ask("Was sagt Hodges zu den Sicherheitsgarantien?").answered


def test_words_named_as_someones_are_the_statement_of_whom_er_means(loose):
    # "Seine Antworten … blieben vage, abgesehen von seiner Behauptung, die Europäer könnten
    # das selbst regeln" goes on from Trump's quote: Trump's position, with no verb of speech
    a = loose.ask("Was hat Trump alles zur Sicherheit der Ukraine gesagt?")
    assert any("selbst regeln" in t for t, _ in a.quotes)
    from chatbot.speakers import _THEIR_WORDS

    assert _THEIR_WORDS.search("abgesehen von seiner Behauptung, die Europäer könnten das selbst regeln")
    assert _THEIR_WORDS.search("His remarks were vague") and not _THEIR_WORDS.search("Seine Truppen marschierten")


def test_a_sentence_that_names_the_other_side_is_not_this_sides_by_its_context(loose):
    # "Hegseth betonte …" is the sentence before "Der Nationale Sicherheitsberater Mike Waltz
    # hat verdeutlicht …": that context does not make Waltz's words Hegseth's
    a = loose.ask("Wie unterscheiden sich Hegseth und Waltz?")
    hegseth, waltz = a.answer.split("Waltz:")[0], a.answer.split("Waltz:")[-1]
    assert "Hegseth:" in hegseth and "Mike Waltz hat verdeutlicht" not in hegseth
    assert "Mike Waltz hat verdeutlicht" in waltz


def test_a_countrys_view_is_not_the_view_of_what_it_names(loose):
    from chatbot.evidence import Sentence
    from chatbot.speakers import attributed_to

    r = loose.search("Was sagt die Nato zu einem Beitritt der Ukraine?")
    doc = next(d for d in r.index.documents if "Aus ukrainischer Sicht" in d.text)
    idx = next(i for i, (s, e) in enumerate(doc.sentences) if doc.text[s:e].startswith("Aus ukrainischer Sicht"))
    s, e = doc.sentences[idx]
    view = Sentence(0, doc.doc_id, idx, 0, s, e, doc.text[s:e])
    assert attributed_to(view, {"nato"}, r.index) == 0.0  # Ukraine's view, though it names the Nato
    assert attributed_to(view, {"ukrain", "ukrainisch", "kiew"}, r.index) == 1.0


def test_a_percentage_is_measured_by_its_sign(loose):
    from chatbot.evidence import Sentence
    from chatbot.known import unknown_terms
    from chatbot.signals import evidence

    q = analyse("Wie viel Prozent macht Sicherheit für Trump aus?")
    assert q.measured == "Prozent" and unknown_terms(q, loose.index) == ([], [])  # a unit is no unknown topic
    doc = next(d for d in loose.index.documents if "etwa 2 %" in d.text)
    idx = next(i for i, (s, e) in enumerate(doc.sentences) if "etwa 2 %" in doc.text[s:e])
    s, e = doc.sentences[idx]
    said = Sentence(0, doc.doc_id, idx, 0, s, e, doc.text[s:e])
    found = evidence(q, [said], loose.index)
    assert found["measured"] == 1.0 and found["people"] == 1.0  # Trump's words ("äußerte er" after "Trump …")


def test_a_position_on_a_topic_the_articles_never_name_is_not_answered_by_other_quotes():
    from chatbot.abstain import decide

    e = {"speaker": 1.0, "topic": 2.0, "named_topic": 1.0, "topic_said": 0.0, "topic_elsewhere": 0.0}
    e |= {"unknown_name": 0.0, "sim": 0.9}
    assert decide({**e, "unknown_topic": 0.0}, "de", AnswerSettings(), "position")
    assert not decide({**e, "unknown_topic": 1.0}, "de", AnswerSettings(), "position")  # "… über Wahlen?"


def test_an_unknown_word_describing_the_actor_is_no_topic(loose):
    from chatbot.evidence import Sentence
    from chatbot.signals import evidence

    said = Sentence(0, "d", 1, 0, 0, 0, "„Das führt zum Krieg“, warnte Mick Ryan.")
    said.features["said"] = 1.0
    described = analyse("Wovor warnt der Militärstratege Mick Ryan?")
    assert evidence(described, [said], loose.index)["unknown_topic"] == 0.0
    elections = analyse("Was sagt Selenskyj über Wahlen in der Ukraine?")
    assert evidence(elections, [said], loose.index)["unknown_topic"] == 1.0
    wishes = analyse("Wie reagierte Trump auf die ukrainischen NATO-Wünsche?")  # a known part: a paraphrase
    assert evidence(wishes, [said], loose.index)["unknown_topic"] == 0.0
    # a frame around a known thing ("Wunsch nach Garantien"): the thing is the topic
    framed = analyse("Wie hat Trump auf Selenskyjs Wunsch nach Garantien reagiert?")
    assert evidence(framed, [said], loose.index)["unknown_topic"] == 0.0
    # what is asked for is no description of the actor, and the articles name no tanks
    tanks = analyse("Welche Panzer fordert Deutschland?")
    assert tanks.asked_for == "Panzer" and evidence(tanks, [said], loose.index)["unknown_topic"] == 1.0
    criticism = analyse("Welche Kritik übt Moskau an einer Nato-Truppe?")  # a view, asked in any words
    assert evidence(criticism, [said], loose.index)["unknown_topic"] == 0.0


def test_a_yes_no_question_quotes_the_statement_naming_what_it_asks_about(loose):
    a = loose.ask("Haben die USA ihre Waffenlieferungen an Kiew auf Eis gelegt?")
    assert a.answered and "Waffenlieferungen" in a.answer.split("[1]")[0]


def test_a_compound_topic_is_named_by_its_parts(loose):
    from chatbot.evidence import Sentence
    from chatbot.signals import evidence

    q = analyse("Was sagt Trump zur Luftunterstützung?")
    said = Sentence(0, "d", 1, 0, 0, 0, "Allerdings könnten die USA Unterstützung in der Luft leisten, sagte Trump.")
    said.features["said"] = 1.0
    assert evidence(q, [said], loose.index)["topic_said"] == 1.0
    other = analyse("Was sagt Hegseth zur Luftunterstützung?")
    own = Sentence(0, "d", 2, 0, 0, 0, "Hegseth betonte, dass europäische Truppen keinen Schutz genießen würden.")
    own.features["said"] = 1.0
    trumps = Sentence(0, "d", 1, 0, 0, 0, said.text)  # not Hegseth's
    assert evidence(other, [own], loose.index, [trumps, own])["topic_elsewhere"] == 1.0  # Trump's topic, not his


def test_a_position_on_a_topic_quotes_the_actors_words_on_it_first(loose):
    from chatbot.evidence import Sentence, focus_forms
    from chatbot.kinds import _topic_named

    q = resolve("Und was sagt Trump über die Europäer?", ["Was sagt Rubio zur Abschreckung?"])
    forms = focus_forms(q, loose.index)
    on = Sentence(0, "d", 1, 0, 0, 0, "Er meinte, die Europäer könnten das selbst regeln.")
    off = Sentence(0, "d", 2, 0, 0, 0, "„Es sollte nicht so schwer sein, einen Deal zu machen“, behauptete Trump.")
    assert _topic_named(on, q, forms, loose.index) == 1 and _topic_named(off, q, forms, loose.index) == 0
    inherited = Sentence(0, "d", 3, 0, 0, 0, "Trump sagte, Abschreckung sei teuer.")
    assert _topic_named(inherited, q, forms, loose.index) == 0  # the last question's topic does not rank


def test_a_reaction_is_what_the_actor_did_as_well_as_said():
    from chatbot.asks import asks_reaction
    from chatbot.speakers import acts

    assert asks_reaction("How did Trump react to Zelensky's plea?") and asks_reaction("Wie reagierte Moskau?")
    assert not asks_reaction("Was sagt Trump?")
    assert acts("Trump hat Selenskyjs Anliegen um Sicherheitsgarantien offen belächelt.", {"trump"})
    assert not acts("Auf die Frage erklärte Leavitt, US-Präsident Donald Trump bespreche das Thema.", {"trump"})


def test_a_genitive_the_stemmer_keeps_names_the_word(loose):
    from chatbot.evidence import focus_forms

    # "Europas" stems to "europas"; the articles' "Europäer" and "Europa" are its forms too
    forms = focus_forms(analyse("Wie sieht Waltz die Rolle Europas?"), loose.index)
    assert "europa" in forms["Europas"]
    assert loose.ask("Wie sieht der Sicherheitsberater Waltz die Rolle Europas?").answered


def test_a_sentence_saying_something_is_talked_about_is_no_point_of_an_overview():
    from chatbot.cues import TALK_ABOUT

    assert TALK_ABOUT.search("Dabei solle über Sicherheitsgarantien und ihre Umsetzung gesprochen werden.")
    assert TALK_ABOUT.search("Wie konkret die Sicherheitsgarantien aussehen könnten, bleibt weiterhin unklar.")
    assert not TALK_ABOUT.search("Als zweite Option nennt das Magazin die Entsendung einer Friedenstruppe.")


def test_what_a_list_is_of_is_no_unknown_noun(loose):
    # the articles say "Szenarien", "Varianten", never "Modelle" or "Vorschläge": the list's frame, not its topic
    q = analyse("Welche Vorschläge gibt es, um die Ukraine nach einem Waffenstillstand zu schützen?")
    assert "Vorschläge" not in unknown_terms(q, loose.index)[1]


def test_an_outlet_asked_for_what_it_reported_is_answered(loose):
    from chatbot.evidence import Sentence
    from chatbot.signals import evidence

    # "Aussagen" is what was reported, not a topic the articles lack
    q = analyse("Welche Nachrichtenagentur hat die Aussagen aus dem Weißen Haus verbreitet?")
    tass = Sentence(0, "d", 1, 0, 0, 0, "Die Meldung wurde von der russischen Nachrichtenagentur Tass veröffentlicht.")
    assert evidence(q, [tass], loose.index)["source"] == 1.0


def test_an_english_topic_only_others_name_is_not_the_actors(loose):
    from chatbot.evidence import Sentence, focus_forms
    from chatbot.signals import evidence

    q = replace(analyse("What did Macron say about deterrence?"), german={"deterrence": ("abschreckung",)})
    macron = Sentence(0, "d", 1, 0, 0, 0, "Macron sagte, die Verhandlungen könnten mehrere Wochen dauern.")
    macron.features["said"] = 1.0
    rubio = Sentence(0, "d", 2, 0, 0, 0, "Rubio sagte, die Ukraine brauche Abschreckung.")
    assert "deterrence" in focus_forms(q, loose.index)
    assert evidence(q, [macron], loose.index, [macron, rubio])["topic_elsewhere"] == 1.0
    assert evidence(q, [macron], loose.index, [macron])["topic_elsewhere"] == 0.0  # named by no one: no sign


def test_a_position_topic_named_before_the_quote_counts_half(loose):
    from chatbot.evidence import Sentence, focus_forms
    from chatbot.kinds import _topic_named

    q = analyse("Was sagt Leavitt zur Luftunterstützung?")
    forms = focus_forms(q, loose.index)
    s = Sentence(0, "d", 1, 0, 0, 0, "Er habe dies als Option gemeint, stellte Leavitt klar.")
    s.context = "Allerdings könnten die USA Luftunterstützung leisten, sagte Trump."
    assert _topic_named(s, q, forms, loose.index) == 0.5


def test_a_yes_no_answer_brings_the_sentence_that_qualifies_it():
    from chatbot.evidence import Sentence
    from chatbot.facts import _with_qualification

    best = Sentence(0, "d", 4, 0, 0, 0, "Aus ukrainischer Sicht wäre ein Beitritt zur Nato die wirksamste Absicherung.")
    but = Sentence(0, "d", 5, 0, 0, 0, "Allerdings gilt die Option als unwahrscheinlich.")
    other = Sentence(0, "d", 9, 0, 0, 0, "Kiew drängt auf verlässliche Garantien.")
    assert _with_qualification([best], [best, but, other]) == [best, but]
    assert _with_qualification([other], [best, but, other]) == [other]


def test_a_platform_named_after_the_word_is_an_organisation():
    from chatbot.answer_kinds import has_kind

    assert has_kind("… schrieb der Republikaner auf seiner Plattform Truth Social: „…“", "org")


def test_a_statement_named_by_its_noun_points_back_to_the_one_before():
    from chatbot.evidence import depends_on_previous

    assert depends_on_previous("Die Meldung wurde von der russischen Nachrichtenagentur Tass veröffentlicht.")
    assert depends_on_previous("Diese Aussage bekräftigte Moskau später.")
    assert not depends_on_previous("Die Meldungen über Angriffe häufen sich.")  # a plural: news in general
    assert not depends_on_previous("Der Bundestag berät am Montag.")


def test_what_a_named_person_s_successor_said_is_not_answered_with_that_person(fake_bot):
    a = fake_bot.ask("What did Olaf Scholz's successor say?")
    assert not a.answered and "Scholz erklärte" not in a.answer


def test_who_someone_is_is_answered_by_the_sentence_introducing_them(fake_bot):
    from chatbot.asks import asks_identity
    from chatbot.evidence import introduces

    assert asks_identity("who is Leavitt") == "Leavitt" and asks_identity("Wer ist eigentlich Mick Ryan?") == "Ryan"
    assert asks_identity("Who is the US Secretary of State?") == ""  # an office: its holder is asked
    assert introduces("… der Sprecherin des Weißen Hauses, Karoline Leavitt, mit Russland …", "Leavitt")
    assert introduces("Matthew Schmidt, Professor für nationale Sicherheit, erklärte …", "Schmidt")
    assert not introduces("Auf die Frage, ob Kiew Garantien erhalten könnte, erklärte Leavitt, …", "Leavitt")
    a = fake_bot.ask("Who is Leavitt?")
    assert a.answered and any("Sprecherin des Weißen Hauses" in s for s, _ in a.quotes)


def test_an_overview_of_a_person_brings_what_they_go_on_to_say(fake_bot):
    a = fake_bot.ask("Rubio?")
    assert a.answered and any("erklärte er" in s for s, _ in a.quotes)  # "In einem Interview … erklärte er, …"
    assert all("Rubio" in s or " er" in s or s.startswith("Er ") for s, _ in a.quotes)  # his, no one else's


def test_a_sentence_may_end_in_a_closing_bracket_or_a_note_in_brackets():
    from chatbot.evidence import looks_like_sentence, quotable

    assert quotable("Der Act erkannte zwei Schulkategorien an: „öffentliche“ und „unabhängige“ (welche … beinhalten).)")
    assert quotable("Sie waren in Frankreich allgemein als Hugenotten bekannt.[Literaturangabe benötigt]")
    assert not looks_like_sentence("Sicherheitsgarantien für die Ukraine: Moskau lehnt Nato-Präsenz ab")  # a headline
    assert not quotable("Würde es sich um eine kleine Truppe handeln, die abschreckt?)")  # a question


def test_a_compounds_head_counts_as_what_it_measures(fake_seed_index):
    from chatbot.known import compound_head
    from ingest.store import load_index

    index = load_index(fake_seed_index)
    assert compound_head("Friedenssoldaten", index) == "soldaten"
    assert compound_head("Soldaten", index) is None  # no compound


def test_a_share_is_measured_in_percent_and_a_place_may_be_named_in_the_sentence_leant_on(fake_seed_index):
    from chatbot.answer_kinds import sentence_holds_answer
    from chatbot.evidence import Sentence, measured_forms
    from chatbot.question import analyse
    from ingest.store import load_index

    index = load_index(fake_seed_index)
    assert "%" in measured_forms(analyse("Wie hoch ist der Anteil der Sicherheit am Problem laut Trump?"), index)
    said = "Dazu gehören die Themen Abtreibung und Drogenpolitik."
    before = "Das Parlament darf keine Gesetze zu Fragen erlassen, die in London entschieden werden."
    where = analyse("Wo werden Themen wie Abtreibung geregelt?")
    assert sentence_holds_answer(Sentence(0, "d", 1, 0, 0, len(said), said, before=before), where, index)
    alone = Sentence(0, "d", 1, 0, 0, len(said), said, before="Das ist umstritten.")
    assert not sentence_holds_answer(alone, where, index)


def test_a_hedged_answer_quotes_its_nearest_sentence_with_the_next_one_chosen_with_it():
    from chatbot.compose import _with_its_next
    from chatbot.evidence import Sentence

    intro = Sentence(0, "d", 14, 14, 0, 0, "Der US-Außenminister Marco Rubio könnte eine andere Sicht vertreten.")
    said = Sentence(0, "d", 15, 15, 0, 0, "In einem Interview erklärte er, dass die Ukraine Abschreckung braucht.")
    other = Sentence(0, "e", 15, 40, 0, 0, "Aus ukrainischer Sicht wäre ein Beitritt die wirksamste Absicherung.")
    assert _with_its_next(intro, [intro, said, other]) == [intro, said]
    assert _with_its_next(intro, [intro, other]) == [intro]  # not a sentence of another article
    assert _with_its_next(said, [intro, said]) == [said]  # nor the one before


def test_who_someone_is_is_answered_first_by_the_sentence_that_introduces_them(loose):
    a = loose.ask("Wer ist Leavitt?")
    first = a.answer.split("[1]")[0]
    assert "Sprecherin des Weißen Hauses, Karoline Leavitt" in first


def test_the_speaker_of_an_english_question_typed_in_lower_case_is_read_as_a_name():
    from chatbot.question import analyse, as_typed
    from chatbot.reread import speaker_words

    q = as_typed(analyse("what did the pope say"), "what did the pope say")
    assert speaker_words(q) == ("pope",)
    assert speaker_words(analyse("What did the pope say?")) == ()  # cased: a capital marks a name
    assert speaker_words(as_typed(analyse("was sagt der papst"), "was sagt der papst")) == ()  # German: nouns


def test_a_time_from_now_or_then_is_a_date_and_a_bare_duration_is_not():
    from chatbot.answer_kinds import has_kind

    assert has_kind("Das war vor zwei Wochen.", "date") and has_kind("… in ein oder zwei Jahren …", "date")
    assert has_kind("It happened two weeks ago.", "date") and has_kind("in der kommenden Woche", "date")
    # "Und wann?" is not answered by how long something takes
    assert not has_kind("Die Verhandlungen könnten „mehrere Wochen“ in Anspruch nehmen.", "date")
    assert not has_kind("Es dauerte drei Jahre.", "date")


def test_a_yes_no_question_on_what_a_person_did_needs_their_quote_on_the_thing_asked(fake_seed_index):
    from chatbot.evidence import Sentence, focus_forms
    from chatbot.grounds import stance_on_topic
    from chatbot.question import analyse
    from ingest.store import load_index

    index = load_index(fake_seed_index)
    q = analyse("Hat Macron französische Truppen zugesagt?")
    talks = Sentence(0, "d", 4, 4, 0, 0, "Macron ließ verlauten, dass die Verhandlungen Wochen dauern könnten.")
    troops = Sentence(0, "d", 5, 5, 0, 0, "Macron sagte, Frankreich werde Truppen schicken.")
    forms = focus_forms(q, index)
    assert stance_on_topic(q, [talks], forms, index) == 0.0  # his quote is on the talks
    assert stance_on_topic(q, [talks, troops], forms, index) == 1.0
    plain = analyse("Gibt es Truppen?")
    assert stance_on_topic(plain, [talks], focus_forms(plain, index), index) == 1.0  # no person asked about


def test_ukraine_is_no_thing_a_yes_no_question_on_a_person_asks_about(fake_seed_index):
    from dataclasses import replace

    from chatbot.evidence import Sentence, focus_forms
    from chatbot.grounds import stance_on_topic
    from chatbot.question import analyse
    from ingest.store import load_index

    index = load_index(fake_seed_index)
    q = replace(analyse("Did Hegseth visit Ukraine?"), german={"visit": ("besuch",), "Ukraine": ("ukraine",)})
    said = Sentence(0, "d", 4, 4, 0, 0, "Hegseth betonte, dass Truppen in der Ukraine keinen Schutz genießen würden.")
    visit = Sentence(0, "d", 5, 5, 0, 0, "Hegseth stattete der Ukraine im Mai einen Besuch ab.")
    forms = focus_forms(q, index)
    assert stance_on_topic(q, [said], forms, index) == 0.0  # about Ukraine, but no visit
    assert stance_on_topic(q, [visit], forms, index) == 1.0


def test_a_first_name_the_articles_leave_out_is_no_unknown_name(fake_seed_index):
    from chatbot.known import unknown_terms
    from chatbot.question import analyse
    from ingest.store import load_index

    index = load_index(fake_seed_index)  # the articles write "Hodges" and "Ben Hodges", never "Frederick"
    assert unknown_terms(analyse("Was fordert Frederick Hodges?"), index) == ([], [])
    assert unknown_terms(analyse("Was fordert Frederick Baerbock?"), index)[0] == ["Frederick", "Baerbock"]


def test_a_person_introduced_by_one_name_is_a_person():
    from chatbot.answer_kinds import has_kind

    assert has_kind("Ein Normanne namens Oursel führte eine Gruppe von „Franken“ in das Euphrattal.", "person")
    assert not has_kind("Eine Gruppe von „Franken“ zog in das Euphrattal.", "person")


def test_a_verb_of_speech_typed_in_lower_case_is_no_unknown_noun(fake_seed_index):
    from dataclasses import replace

    from chatbot.known import unknown_terms
    from chatbot.question import analyse
    from ingest.store import load_index

    index = load_index(fake_seed_index)
    q = replace(analyse("hat trump was zu seltenen erden gesagt"), typed_lower=True)
    assert "gesagt" not in unknown_terms(q, index)[1]


def test_a_groups_size_is_counted_by_its_members(loose):
    from chatbot.known import members_of
    from ingest.analyze import stem

    index = loose.index
    assert stem("friedenswächter") in members_of("Friedenstruppe", index)  # a compound of the corpus
    assert stem("soldaten") in members_of("army", index)
    assert not members_of("Länder", index)  # not a group of soldiers


def test_a_size_question_is_answered_by_what_is_said_of_the_size_without_a_figure(loose):
    from chatbot.answer_kinds import states_size

    text = "Die Schätzungen über die Größe dieser vorgeschlagenen Truppe schwanken stark."
    q = loose.search("Wie groß soll die Truppe sein?").question
    assert states_size(text, q, loose.index)
    assert not states_size("Die Truppe soll stark sein.", q, loose.index)
    whose = loose.search("Mit wie vielen Soldaten rechnet Schmidt für die Truppe?").question
    assert not states_size(text, whose, loose.index)  # his figure is asked, not that estimates vary


def test_whether_a_country_agreed_reads_its_capital_and_adjective():
    from chatbot.countries_asked import consenting_country

    assert {"moskau", "russisch"} <= consenting_country(analyse("Hat Russland einer Friedenstruppe zugestimmt?"))
    assert not consenting_country(analyse("Ist Russland stark?"))  # no agreement asked
    assert "moskau" in consenting_country(analyse("Is Russia open to a NATO military presence in Ukraine?"))
    assert not consenting_country(analyse("Was hat Russland abgelehnt?"))  # not a yes/no question
