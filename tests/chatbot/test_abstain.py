import pytest

from chatbot.abstain import decide
from chatbot.answer import AnswerSettings
from chatbot.asks import asks_motive, asks_refusal
from chatbot.cues import ENDING, HYPOTHETICAL, LASTING, UPCOMING
from chatbot.evidence import Sentence
from chatbot.signals import leading, read_sim
from chatbot.timing import asks_actual, asks_end, asks_next, next_event
from chatbot.topics import describing


def test_a_why_question_close_to_a_quote_giving_a_cause_is_answered():
    settings = AnswerSettings(min_similarity_de=0.80, hedge_similarity=0.02)
    e = {"sim": 0.79, "unknown_name": 0.0, "unknown_noun": 0.0, "people": 1.0}
    assert not decide({**e, "reason": 0.0}, "de", settings, "reason")
    assert decide({**e, "reason": 1.0}, "de", settings, "reason")
    assert not decide({**e, "sim": 0.77, "reason": 1.0}, "de", settings, "reason")


def test_a_yes_no_question_needs_a_quote_naming_what_it_asks_about():
    settings = AnswerSettings()
    e = {"p": 0.9, "kind_ok": 1.0, "unknown_name": 0.0, "unknown_noun": 0.0, "sim": 0.9, "yesno": 1.0}
    assert not decide({**e, "subject_named": 0.0}, "de", settings, "fact")
    assert decide({**e, "subject_named": 1.0}, "de", settings, "fact")


def test_a_call_for_sending_soldiers_is_no_count_of_those_there_now():
    from chatbot.cues import CALLED_FOR

    call = "„Ohne die Entsendung vieler tausend europäischer Soldaten … bleiben solche Garantien eine leere Hülse“"
    assert CALLED_FOR.search(call)
    assert not CALLED_FOR.search("Bis zu 100.000 Friedenswächter in Verbindung mit einer ukrainischen Armee …")


def test_an_event_only_possible_has_no_outcome():
    from chatbot.cues import POSSIBLE

    settings = AnswerSettings()
    e = {"p": 0.9, "kind_ok": 1.0, "unknown_name": 0.0, "unknown_noun": 0.0, "sim": 0.9}
    assert POSSIBLE.search("Während die Bemühungen um ein mögliches trilaterales Treffen … voranschreiten")
    assert not decide({**e, "outcome_asked": 1.0, "not_held": 1.0}, "en", settings, "fact")
    assert decide({**e, "outcome_asked": 1.0, "not_held": 0.0}, "en", settings, "fact")
    assert decide({**e, "outcome_asked": 0.0, "not_held": 1.0}, "en", settings, "fact")


@pytest.mark.parametrize(
    ("question", "motive"),
    [
        ("Why did Macron travel to Kyiv?", True),
        ("Why won't the US send ground troops?", True),
        ("Warum hat Ungarn die EU-Sanktionen blockiert?", True),
        ("Warum ist Vance nach Moskau geflogen?", True),
        ("Warum will Trump keine Soldaten schicken?", True),
        ("Warum ist Scholz zurückgetreten?", True),  # a separable verb: "zurück|getreten"
        ("Warum wurden die Waffenlieferungen gestoppt?", True),  # done to something
        ("Warum wurde das Treffen verschoben?", True),  # an inseparable verb: no "ge"
        ("Why were the deliveries halted?", True),
        ("Why was Zelensky in Washington?", False),
        ("Warum ist Russland dagegen?", True),  # someone's stance: their reason for it
        ("Warum ist Vance gegen die Garantien?", True),
        ("Why is Moscow opposed to NATO troops?", True),
        ("Warum ist ein Beitritt unwahrscheinlich?", False),
        ("Warum ist es so schwer, Russland zu vertrauen?", False),  # why something is so
        ("Warum gilt ein UN-Einsatz als unwahrscheinlich?", False),
        ("Why does Trump think companies are enough?", False),  # what he thinks, no deed
        ("Why does Zelensky want long-range missiles?", True),
        ("Why does it matter?", False),
        ("Warum tritt Scholz als Kanzler ab?", True),  # a deed in the present tense
        ("Warum reist Selenskyj nach London?", True),
        ("Warum schickt die USA keine Bodentruppen?", True),  # the subject with its article
        ("Warum zweifelt Ischinger an Europa?", False),  # what he thinks
        ("Warum braucht die Ukraine Sicherheitsgarantien?", False),  # why something is so
        ("Und warum?", False),
    ],
)
def test_a_why_question_about_a_deed_asks_for_a_motive(question, motive):
    assert asks_motive(question) is motive


def test_who_heads_what_is_asked_by_title_and_name_answers_who_leads_it():
    settings = AnswerSettings()
    e = {"p": 0.03, "kind_ok": 1.0, "unknown_name": 0.0, "yesno": 0.0}
    assert decide({**e, "heads": 1.0}, "en", settings, "fact")  # "Generalsekretär des Militärbündnisses Mark Rutte"
    assert not decide({**e, "heads": 1.0, "unknown_name": 1.0}, "en", settings, "fact")
    assert not decide({**e, "heads": 0.0}, "en", settings, "fact")


def test_a_motive_is_answered_only_by_a_stated_cause():
    settings = AnswerSettings(min_similarity_en=0.80)
    e = {"sim": 0.85, "unknown_name": 0.0, "unknown_noun": 0.0, "people": 1.0, "motive": 1.0}
    assert not decide({**e, "motive_given": 0.0}, "en", settings, "reason")  # the deed reported, no cause
    assert decide({**e, "motive_given": 1.0}, "en", settings, "reason")
    assert decide({**e, "motive": 0.0, "motive_given": 0.0}, "en", settings, "reason")


@pytest.mark.parametrize(
    ("question", "refusal"),
    [
        ("Which countries refused to join the peacekeeping mission?", True),
        ("Who has ruled out sending troops?", True),
        ("Welche Länder lehnen eine Beteiligung ab?", True),
        ("Und wer ist dagegen?", True),
        ("Which countries are willing to join the mission?", False),
        ("What capabilities would a force need against drones?", False),  # "against" a thing
    ],
)
def test_a_question_for_who_refused_is_recognised(question, refusal):
    assert asks_refusal(question) is refusal


def test_a_list_of_who_refused_needs_a_quote_that_says_no():
    settings = AnswerSettings(min_similarity_en=0.80)
    e = {"sim": 0.85, "unknown_name": 0.0, "unknown_noun": 0.0, "people": 1.0, "refusal_asked": 1.0}
    assert not decide({**e, "refused": 0.0}, "en", settings, "overview")  # only who is willing
    assert decide({**e, "refused": 1.0}, "en", settings, "overview")


@pytest.mark.parametrize(
    ("word", "question", "describes"),
    [
        ("Western", "What does Moscow think about Western troops?", True),
        ("European", "What did Russia say about European soldiers?", True),
        ("French", "What did Macron say about French troops?", False),  # a country's troops
        ("Italy", "What did Starmer say about Italy?", False),
        ("Western", "What did the West and Western leaders say?", True),
    ],
)
def test_a_region_adjective_before_a_noun_describes_and_names_nothing(word, question, describes):
    assert describing(word, question) is describes


def test_a_list_whose_points_name_the_kind_of_item_asked_for_needs_a_near_miss_closeness():
    settings = AnswerSettings(min_similarity_en=0.80, hedge_similarity=0.02)
    e = {"sim": 0.79, "unknown_name": 0.0, "unknown_noun": 0.0, "people": 1.0}
    assert not decide({**e, "items": 1.0}, "en", settings, "overview")
    assert decide({**e, "items": 2.0}, "en", settings, "overview")  # "What risks …": "… warnte", "… allerdings …"


def test_a_country_asked_about_must_be_named_outside_an_outlets_name():
    settings = AnswerSettings(min_similarity_en=0.80)
    e = {"sim": 0.9, "unknown_name": 0.0, "unknown_noun": 0.0, "people": 1.0}
    assert decide({**e, "country": 1.0}, "en", settings, "overview")
    assert not decide({**e, "country": 0.0}, "en", settings, "overview")  # "… dem Redaktionsnetzwerk Deutschland"


def test_an_outlet_cited_beside_the_statement_asked_about_answers_an_outlet_question():
    settings = AnswerSettings(min_p=0.2)
    e = {"p": 0.05, "kind_ok": 1.0, "sim": 0.8, "unknown_name": 0.0, "unknown_noun": 1.0}
    assert not decide({**e, "cited": 0.0}, "de", settings, "fact")
    assert decide({**e, "cited": 1.0}, "de", settings, "fact")


@pytest.mark.parametrize(
    ("question", "actual"),
    [
        ("Wie viele Soldaten hat die ukrainische Armee derzeit?", True),
        ("How many NATO soldiers are already in Ukraine?", True),
        ("Wie viele Waffen haben die USA bisher geliefert?", True),
        ("Wie viele Soldaten hat die ukrainische Armee heute?", True),
        ("How big is the Ukrainian army today?", True),
        ("How many peacekeepers would be needed?", False),
        ("Wie groß soll die ukrainische Armee sein?", False),
    ],
)
def test_a_question_may_ask_what_is_so_now(question, actual):
    assert asks_actual(question) is actual


@pytest.mark.parametrize(
    ("question", "next_"),
    [
        ("Wann findet das nächste Treffen in London statt?", True),
        ("Where will the next Ukraine summit take place?", True),
        ("What is on the agenda of the upcoming meeting?", True),
        ("Wann trafen sich die europäischen Führer in London?", False),
        ("When did Selenskyj visit the White House?", False),
        ("When will the London summit be held again?", True),
        ("Wann treffen sich die Europäer wieder?", True),
        ("Was würde passieren, wenn Russland erneut angreift?", False),  # a condition, no when
    ],
)
def test_a_question_may_ask_for_the_next_time(question, next_):
    assert asks_next(question) is next_


def test_the_last_meeting_does_not_answer_for_the_next():
    settings = AnswerSettings()
    e = {"p": 0.9, "kind_ok": 1.0, "unknown_name": 0.0, "unknown_noun": 0.0, "sim": 0.9}
    past = "Am Sonntag trafen sich europäische Führer in London, um Lösungen für die Ukraine … zu suchen."
    coming = "… rechnen Diplomaten damit, dass die Staats- und Regierungschefs in der kommenden Woche einen Entwurf …"
    assert not UPCOMING.search(past) and UPCOMING.search(coming)
    assert not decide({**e, "next_asked": 1.0, "upcoming": 0.0}, "de", settings, "fact")
    assert decide({**e, "next_asked": 1.0, "upcoming": 1.0}, "de", settings, "fact")
    assert decide({**e, "next_asked": 0.0, "upcoming": 0.0}, "de", settings, "fact")
    # a time to come on another event: "Wann ist der nächste Nato-Gipfel?" — "… in der kommenden Woche einen Entwurf"
    assert not decide({**e, "next_asked": 1.0, "upcoming": 1.0, "next_named": 0.0}, "de", settings, "fact")


@pytest.mark.parametrize(
    ("question", "language", "event"),
    [
        ("Wann findet der nächste Nato-Gipfel statt?", "de", "Gipfel"),
        ("When is the next NATO summit?", "en", "summit"),
        ("When will the next round of talks with Russia begin?", "en", "talks"),
        ("Wann ist das nächste Treffen in London?", "de", "Treffen"),
        ("When will the leaders meet again?", "en", ""),
    ],
)
def test_a_question_on_the_next_time_names_the_event(question, language, event):
    assert next_event(question, language) == event


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Wann endet der Stopp der Waffenlieferungen?", "end"),
        ("When will the war end?", "end"),
        ("Bis wann gilt die Waffenruhe?", "end"),
        ("How long will the negotiations take?", "duration"),
        ("Wie lange dauern die Verhandlungen laut Macron?", "duration"),
        ("Wann beginnt die Mission?", None),
        ("When did Trump announce the stop?", None),
    ],
)
def test_a_question_may_ask_when_something_ends(question, asked):
    assert asks_end(question) == asked


def test_when_something_was_announced_does_not_answer_when_it_ends():
    settings = AnswerSettings()
    e = {"p": 0.9, "kind_ok": 1.0, "unknown_name": 0.0, "unknown_noun": 0.0, "sim": 0.9}
    announced = "… behauptete Trump am Montag, wenige Stunden vor der Ankündigung eines Stopps der Waffenlieferungen."
    assert not ENDING.search(announced) and ENDING.search("Der Stopp soll bis Ende März gelten.")
    assert LASTING.search("… dass die Verhandlungen „mehrere Wochen“ in Anspruch nehmen könnten")
    assert not decide({**e, "end_asked": 1.0, "ending": 0.0}, "de", settings, "fact")
    assert decide({**e, "end_asked": 1.0, "ending": 1.0}, "de", settings, "fact")


def test_an_overview_whose_quote_names_all_it_asks_about_needs_less_closeness():
    settings = AnswerSettings()
    near = settings.min_similarity_en - settings.hedge_similarity / 2
    e = {"p": 0.5, "kind_ok": 1.0, "unknown_name": 0.0, "unknown_noun": 0.0, "sim": near}
    assert not decide(e, "en", settings, "overview")
    assert decide({**e, "all_named": 1.0}, "en", settings, "overview")


def test_a_list_of_the_media_cited_is_answered_by_the_media_it_names():
    settings = AnswerSettings()
    e = {"p": 0.02, "kind_ok": 1.0, "unknown_name": 0.0, "unknown_noun": 0.0, "sim": 0.70}  # far from "Which outlets …"
    assert not decide({**e, "outlets": 1.0}, "en", settings, "overview")
    assert decide({**e, "outlets": 2.0}, "en", settings, "overview")


def test_what_could_be_does_not_answer_what_is():
    settings = AnswerSettings()
    e = {"p": 0.9, "kind_ok": 1.0, "unknown_name": 0.0, "unknown_noun": 0.0, "sim": 0.9}
    could = "Bis zu 100.000 Friedenswächter … könnten als Abschreckung dienen."
    assert HYPOTHETICAL.search(could) and not HYPOTHETICAL.search("Trump schloss das kategorisch aus.")
    assert decide({**e, "actual_asked": 1.0, "hypothetical": 0.0}, "de", settings, "fact")
    assert not decide({**e, "actual_asked": 1.0, "hypothetical": 1.0}, "de", settings, "fact")
    assert decide({**e, "actual_asked": 0.0, "hypothetical": 1.0}, "de", settings, "fact")


def test_a_quote_leaning_on_the_sentence_before_is_as_close_as_that_one():
    said = Sentence(0, "d", 4, 4, 0, 0, "Sacharowa erklärte: „Wir lehnen das kategorisch ab.“", sim=0.80)
    why = Sentence(0, "d", 5, 5, 0, 0, "Zur Begründung verwies sie auf die Gefahr einer Eskalation.", sim=0.76)
    alone = Sentence(0, "d", 9, 9, 0, 0, "Die Gefahr einer Eskalation ist groß.", sim=0.76)
    assert read_sim(why, [said, why, alone]) == 0.80  # read with what it leans on
    assert read_sim(alone, [said, why, alone]) == 0.76
    assert read_sim(why, [why]) == 0.76  # the sentence before was not read


def test_the_leading_quotes_are_the_best_two_and_those_going_on_from_them():
    def s(text: str, idx: int) -> Sentence:
        return Sentence(hit_rank=0, doc_id="d", idx=idx, row=idx, start=0, end=len(text), text=text)

    best = [s("Nach dem Treffen bekräftigte Moskau seine ablehnende Haltung.", 1), s("Sacharowa erklärte: …", 2)]
    reason = s("Zur Begründung verwies sie auf die Gefahr einer Eskalation.", 3)
    elsewhere = s("Zur Begründung verwies sie auf etwas anderes.", 9)
    assert leading([*best, reason, elsewhere]) == [*best, reason]


def test_a_follow_up_asks_about_the_country_of_the_question_before(fake_seed_index):
    from chatbot.countries_asked import countries_found
    from chatbot.followup import resolve
    from ingest.store import load_index

    index = load_index(fake_seed_index)
    many = Sentence(0, "d", 1, 1, 0, 0, "Ohne die Entsendung vieler tausend europäischer Soldaten bleibt das leer.")
    british = Sentence(0, "d", 2, 2, 0, 0, "Die Briten würden 5.000 Soldaten schicken.")
    q = resolve("How many of them?", ["Will the British send soldiers?"])
    assert countries_found(q, [many], index) == 0.0
    assert countries_found(q, [british], index) == 1.0
    # a capital asked about before is where something happened, not a country asked about
    assert countries_found(resolve("How many of them?", ["Who met in London?"]), [many], index) == 1.0


def test_a_statement_asked_for_where_it_was_made_must_be_from_there(fake_seed_index):
    from chatbot.countries_asked import said_where_asked
    from chatbot.question import analyse
    from ingest.store import load_index

    index = load_index(fake_seed_index)
    rutte = Sentence(0, "d", 1, 1, 0, 0, "Mark Rutte gab in Washington zu erkennen, dass dies zur Diskussion steht.")
    assert said_where_asked(analyse("What did Rutte say in Kyiv?"), [rutte], index) == 0.0
    assert said_where_asked(analyse("Was sagte Rutte in Washington?"), [rutte], index) == 1.0
    assert said_where_asked(analyse("What did Rutte say in the interview?"), [rutte], index) == 1.0  # no place


def test_a_compound_the_articles_never_use_is_named_by_its_parts():
    from chatbot.evidence import PARTS, mentions

    luft = f"luft{PARTS}unterstutz"
    assert mentions({"luftunterstutz", luft}, {"allerding", "luft", "unterstutz", "leist"})
    assert not mentions({"luftunterstutz", luft}, {"unterstutz", "boden"})  # support, not from the air
    assert mentions({"unterstutz"}, {"unterstutzung"})  # a stem opening a longer word's stem


def test_a_term_named_in_full_by_a_quote_is_answered_whatever_the_similarity():
    settings = AnswerSettings()
    e = {"p": 0.1, "kind_ok": 1.0, "unknown_name": 0.0, "unknown_noun": 0.0, "sim": 0.7}
    assert not decide(e, "en", settings, "overview")
    assert decide({**e, "defined": 1.0}, "en", settings, "overview")  # "What's the deal with rare earths?"
