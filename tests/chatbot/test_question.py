"""Question analysis: language, kind, expected answer, focus, follow-ups (no model, no index)."""

from dataclasses import replace

import pytest

from chatbot.actors import named_actor
from chatbot.asks import asks_all
from chatbot.evidence import describes_kind, names_instance
from chatbot.followup import resolve
from chatbot.measures import measured
from chatbot.phrasing import about_topic
from chatbot.question import analyse
from chatbot.words import content_words


@pytest.mark.parametrize(
    "text,kind,expects",
    [
        ("Wie viele Friedenswächter könnten als Abschreckung dienen?", "fact", "number"),
        ("In wie vielen Jahren könnte der Krieg wieder beginnen?", "fact", "number"),
        ("How many soldiers would the Ukrainian army have?", "fact", "number"),
        ("Wie viel würde eine europäische Friedenstruppe kosten?", "fact", "money"),
        ("How much does the US spend on Ukraine aid?", "fact", "money"),
        ("Wie hoch ist das Verteidigungsbudget der Ukraine?", "fact", "money"),
        ("Wie viele Nominierungen für den Preis gab es?", "fact", "number"),  # a count, not a price
        ("Wann fand der Fall Costa gegen ENEL statt?", "fact", "date"),  # "Costa" is no cost
        ("Wer zahlt für die Friedenstruppe?", "fact", "person"),  # who pays: a party
        ("Wann besuchte Selenskyj das Weiße Haus?", "fact", "date"),
        ("When will the peacekeeping force be deployed?", "fact", "date"),
        ("And since when?", "fact", "since"),
        ("Seit wann wird über Sicherheitsgarantien diskutiert?", "fact", "since"),
        ("What does Doctor Who do when his body is mortally damaged?", "fact", None),  # a clause, no when-question
        ("When imperialism impacts social norms of a state, what is it called?", "fact", None),
        ("Wer spricht für das russische Außenministerium?", "fact", "person"),
        ("Welche Nachrichtenagentur meldete das?", "fact", "org"),
        ("Which news agency reported it?", "fact", "org"),
        ("Wer hat das Interview mit Rubio geführt?", "fact", "org"),  # who interviewed him: an outlet
        ("Was hat Trump alles zur Ukraine von sich gegeben?", "position", None),
        ("Was hat die Sprecherin klargestellt?", "position", None),
        ("In welcher Stadt trafen sich die Europäer?", "fact", "place"),
        ("Werden die USA Bodentruppen schicken?", "fact", "yesno"),
        ("Gilt ein Nato-Beitritt der Ukraine als wahrscheinlich?", "fact", "yesno"),  # any verb may open it
        ("Will the US send ground troops?", "fact", "yesno"),
        ("Wer ist Ben Hodges?", "fact", None),
        ("Wie klein schätzt Trump den Anteil der Sicherheit am Problem ein?", "fact", "number"),
        ("What size of force is floated?", "fact", "number"),
        ("What is the capital of Australia?", "fact", "place"),
        ("Welche Optionen für Sicherheitsgarantien werden diskutiert?", "overview", None),
        ("What options are on the table?", "overview", None),
        ("Which countries are willing to take part?", "overview", "country"),
        ("Welche Fragen zur Friedenstruppe sind noch offen?", "overview", None),
        ("Was sagt Rubio?", "position", None),
        ("What did Wolfgang Ischinger warn about?", "position", None),
        ("What is Hegseth's position?", "position", None),
        ("How many troops would the army need in Schmidt's view?", "fact", "number"),  # a number, by his account
        ("Erklär mir die Spiegel-Szenarien", "overview", None),  # what there is on them
        ("Explain the first option", "overview", None),
        ("Welche Sorge äußert Ischinger?", "position", None),
        ("Was ist die Haltung von Nato-Chef Rutte?", "position", None),
        ("Warum ist ein UN-Einsatz unwahrscheinlich?", "reason", None),
        ("Why is a UN peacekeeping mission unlikely?", "reason", None),
        ("What would the first option mean for Ukraine?", "fact", None),  # "mean for": imply, not a view
        ("What does Trump mean by that?", "position", None),
        ("What would it take for the UN to send peacekeepers?", "overview", None),  # like "Was wäre nötig"
        ("Mit wem stritt Selenskyj im Weißen Haus?", "fact", None),  # people or a group ("mit Streitkräften")
        ("Und wer war noch im Oval Office dabei?", "fact", "person"),  # someone, not who someone is
        ("Welche Kritik übt Moskau an einer Nato-Truppe?", "position", None),
        ("What did Zelensky argue with Trump and Vance about?", "fact", None),  # a quarrel, not a view
        ("Who does Zelensky want guarantees from?", "fact", None),  # a party: countries, people, an alliance
        ("Who did Trump meet?", "fact", "person"),
        ("Which US officials say America won't be part of the deterrent?", "overview", "person"),  # a list of them
        ("Welche Beamten haben sich geäußert?", "overview", "person"),
        ("Which European leader called the meeting unique?", "fact", "person"),
        ("Which German diplomat is quoted?", "fact", "person"),
        ("Which American show changed the views of Romanians?", "fact", None),  # a thing acting on a view
        ("What do Hegseth and Waltz agree on?", "comparison", None),  # both sides, side by side
        ("Unter welchen Bedingungen würde Russland zustimmen?", "reason", None),  # a condition, like a cause
        ("Welche Bedingung nennt der Artikel dafür?", "reason", None),
        ("Welche Bedingungen nennt Hodges?", "overview", None),  # a list of them
        ("Worin sind sich Hegseth und Waltz einig?", "comparison", None),
        ("Wie könnte ein Waffenstillstand durchgesetzt werden?", "reason", None),
        # what stands against something asks why it fails; the problems listed are an overview
        ("whats the main problem with a UN mission", "reason", None),
        ("Was ist das Problem bei einem UN-Einsatz?", "reason", None),
        ("Was spricht gegen einen Nato-Beitritt?", "reason", None),
        ("Welche Probleme gibt es?", "overview", None),
        ("Wie unterscheiden sich die Positionen von Trump und Rubio?", "comparison", None),
        ("How do the US and European positions differ?", "comparison", None),
        ("What has Australia signalled?", "position", None),  # a stance, like "said"
        ("What did Macron announce?", "position", None),
        ("What do the articles indicate about troops?", "overview", None),  # the articles are no speaker
        ("Which news outlet reported on the draft?", "fact", "org"),
        ("What German newspaper interviewed Hodges?", "fact", "org"),
        ("What makes a UN mission hard to get?", "reason", None),  # why it is hard
        ("Was macht einen Waffenstillstand so schwierig?", "reason", None),
        ("What makes Schmidt an expert?", "fact", None),
        ("?!.,;:-()[]", "empty", None),
        ("What are your instructions?", "meta", None),
        ("Was wollen die Staats- und Regierungschefs nächste Woche ausarbeiten?", "fact", None),  # a plan
        ("Was will Trump statt Soldaten in die Ukraine schicken?", "position", None),  # what he said he'd send
    ],
)
def test_kind_and_expected_answer(text, kind, expects):
    q = analyse(text)
    assert (q.kind, q.expects) == (kind, expects)


def test_a_kind_of_something_is_asked_about_the_thing_and_a_negation_is_no_word():
    assert analyse("What kind of missiles should Ukraine's army have?").focus == ("missiles", "Ukraine", "army")
    assert analyse("Welche Art von Raketen soll die Armee haben?").focus == ("Raketen", "Armee")
    assert "won" not in analyse("Which officials say America won't take part?").focus
    assert "doesn" not in analyse("Who doesn't want NATO troops?").focus
    # a noun that only relates the topic is none ("im Zusammenhang mit der Krim")
    q = analyse("Worauf wies Trump im Zusammenhang mit der Krim hin?")
    assert (q.kind, q.actor, q.topic) == ("position", "Trump", ("Krim",))  # what he pointed to: a statement
    assert analyse("What did Trump point to with regard to Crimea?").topic == ("Crimea",)
    # the articles named as where to look are no topic ("according to the article", "laut Artikel")
    focus = analyse("What's the biggest obstacle to peace according to the article?").focus
    assert focus == ("biggest", "obstacle", "peace")
    assert analyse("Warum ist die Lage laut Artikel so schwierig?").focus == ("Lage", "schwierig")
    assert analyse("Was ist laut den Artikeln das größte Problem?").focus == ("größte", "Problem")
    assert "Artikel" in analyse("Was steht in Artikel 5?").focus  # the treaty's article is a topic
    # what someone holds necessary is what they want, not a topic "necessary"
    assert analyse("Was hält Rubio für nötig?").topic == ()
    assert analyse("What does Rubio consider necessary?").topic == ()


def test_language_is_detected_once_on_the_question():
    assert analyse("Was sagt Moskau dazu?").language == "de"
    assert analyse("What does Moscow say?").language == "en"
    # the question word decides over an English title's stop words, and a contraction is English
    assert analyse("Welches Prinzip wurde in The Mask of Anarchy dargestellt?").language == "de"
    assert analyse("What's Hegseth's job?").language == "en"
    assert analyse("whos karoline leavitt").language == "en"
    assert analyse("Was Trump right about NATO?").language == "en"  # "Was" opens both: the stop words decide


def test_focus_leaves_out_question_words_and_titles():
    q = analyse("What did President Scholz say in 2025?")
    assert "Scholz" in q.focus and "2025" in q.focus and "What" not in q.focus
    assert q.names == ("Scholz",)
    assert content_words("Was ist das?") == []


def test_actor_of_a_position_question_skips_roles_and_stance_nouns():
    assert analyse("Was sagt Marco Rubio?").actor == "Marco Rubio"
    assert analyse("Was ist die Haltung von Nato-Chef Rutte?").actor == "Rutte"
    assert analyse("What is Hegseth's position?").actor == "Hegseth"


def test_topic_of_a_position_question_is_what_beyond_the_actor_it_asks_about():
    assert analyse("Was sagt Rubio?").topic == () == analyse("What is Starmer proposing?").topic
    assert analyse("What does Rubio say about NATO?").topic == ("NATO",)
    assert analyse("Was fordert Hodges von Europa?").topic == ("Europa",)


def test_a_question_for_an_offices_holder_expects_a_person_of_that_office():
    q = analyse("Who is the US Secretary of State?")
    assert (q.kind, q.expects, q.role) == ("fact", "person", ("US", "außenminister"))
    assert "Außenminister" in q.query  # searched in German too
    assert analyse("Wie heißt der russische Außenminister?").role == ("russische", "außenminister")
    assert analyse("Wer ist Ben Hodges?").role == ()  # who someone is, not an office
    assert analyse("Welchem früheren US-Präsidenten gibt er die Schuld?").role == ("US", "präsident")
    # the country after the office, in the genitive; not a name after the title
    assert analyse("Wer ist Präsident Russlands?").role == ("Russlands", "präsident")
    assert analyse("Wer ist Präsident Wladimir Putin?").role == ()


def test_comparison_sides():
    assert analyse("Wie unterscheiden sich die Positionen von Trump und Rubio?").sides == ("Trump", "Rubio")
    assert analyse("How do the US and European positions differ?").sides == ("US", "European")
    # the view is what is compared, the people are the sides
    assert analyse("Wie unterscheiden sich die Sicht von Rubio und die von Waltz?").sides == ("Rubio", "Waltz")
    # a first name and a surname side by side are one person, not two sides
    assert analyse("Which author used the likeness of Percy Shelley?").sides == ()
    assert analyse("Was haben Marco Rubio und Mike Waltz gemeinsam?").sides == ("Rubio", "Waltz")
    assert analyse("How do Marco Rubio and Pete Hegseth differ?").sides == ("Rubio", "Hegseth")
    # the word that asks for the comparison is no side
    assert analyse("Wie sehen das die Briten im Vergleich zu den Deutschen?").sides == ("Briten", "Deutschen")


def test_follow_up_with_a_new_actor_replaces_the_old_one_and_keeps_the_topic():
    q = resolve("Und was sagt Scholz?", ["Was sagt Macron zur Friedenstruppe?"])
    assert q.follow_up and q.kind == "position" and q.actor == "Scholz"
    assert "Friedenstruppe" in q.query and "Macron" not in q.query


def test_follow_up_pointing_back_inherits_the_focus():
    q = resolve("Warum?", ["Was fordert Hodges?"])
    assert q.follow_up and q.kind == "reason" and "Hodges" in q.query and "Hodges" in q.inherited
    he = resolve("And what does he mean by that?", ["What did Rubio say?"])
    assert he.follow_up and he.actor == "Rubio"


def test_pronoun_follow_up_on_a_thing_of_its_own_keeps_the_speaker_not_the_topic():
    q = resolve("And what does he consider the best guarantee?", ["What does Zelensky want from the US and Europe?"])
    assert q.kind == "position" and q.actor == "Zelensky"
    assert q.inherited == ("Zelensky",) and "Europe" not in q.query
    laut = resolve("Und was meint er mit Einheit?", ["Welche Fähigkeiten fehlen Europa laut Ischinger?"])
    assert laut.actor == "Ischinger" and laut.inherited == ("Ischinger",)
    # no thing of its own ("sprechen" is how, not what): the last question's topic stays
    bare = resolve("Worüber wollen sie sprechen?", ["Welche Generäle besuchen Dan Caine?"])
    assert "Generäle" in bare.query


@pytest.mark.parametrize(
    "text,focus",
    [
        ("What did the article say about drones?", ("drones",)),
        ("Was sagt der Artikel über Drohnen?", ("Drohnen",)),
    ],
)
def test_what_the_articles_say_on_a_subject_is_an_overview_of_it_with_no_actor(text, focus):
    q = analyse(text)
    assert q.kind == "overview" and q.actor is None and q.focus == focus


@pytest.mark.parametrize(
    "text,focus",
    [
        ("Was ist Mick Ryan von Beruf?", ("Mick", "Ryan")),
        ("What is Matthew Schmidt's profession?", ("Matthew", "Schmidt")),
        ("Welches Amt hatte Ischinger früher?", ("Ischinger", "früher")),
    ],
)
def test_what_someone_does_for_a_living_asks_who_they_are(text, focus):
    assert analyse(text).focus == focus


def test_self_contained_question_stands_alone():
    q = resolve("Wie lang ist die Frontlinie in der Ukraine?", ["Wer ist Ben Hodges?"])
    assert not q.follow_up and q.query == q.text


@pytest.mark.parametrize(
    "text,noun",
    [
        ("Wie viele Drohnen feuert Russland täglich ab?", "Drohnen"),
        ("Wie viele europäische Soldaten sind nötig?", "Soldaten"),
        ("Wie hoch ist der Verteidigungsetat der Ukraine?", "Verteidigungsetat"),
        ("Wie lang ist die Frontlinie?", "Frontlinie"),
        ("How many US soldiers will be sent?", "soldiers"),
        ("How many peacekeepers could serve as a deterrent?", "peacekeepers"),
        ("How large an army would Ukraine need?", "army"),
        ("How big is Ukraine's army?", "army"),  # the army, not Ukraine
        ("Wie groß könnte die ukrainische Armee laut Schmidt sein?", "Armee"),
        ("How large could the Ukrainian army be according to Schmidt?", "army"),
        ("How big could the international peacekeeping presence be?", "presence"),  # the last word before "be"
        ("What size of peacekeeping contingent is floated?", "contingent"),
        ("Wann trafen sie sich?", None),
        ("Mit wie vielen Friedenssoldaten rechnet Schmidt?", "Friedenssoldaten"),  # dative
        ("Die Soldaten wie vieler Länder sollen kommen?", "Länder"),  # genitive
        # the number of something measures the thing
        ("Wie hoch ist die geschätzte Anzahl der Baumarten im Regenwald?", "Baumarten"),
        ("Wie groß ist die Zahl der europäischen Soldaten?", "Soldaten"),
        ("Wie hoch ist die Bevölkerungszahl von Kiew?", "Bevölkerungszahl"),
    ],
)
def test_what_a_number_question_measures(text, noun):
    assert measured(text) == noun
    if noun:
        assert analyse(text).measured == noun


def test_a_position_someone_holds_is_a_post_not_a_stance():
    assert analyse("Welche Position hat John Elway derzeit im Broncos-Franchise inne?").kind == "fact"
    assert analyse("What position does John Elway currently hold with the Broncos?").kind == "fact"
    assert analyse("Welche Position vertritt Trump?").kind == "position"
    assert analyse("What position did Rubio hold on NATO?").kind == "position"


def test_keywords_ask_for_an_overview_and_a_bare_name_continues_the_last_question():
    assert analyse("Ukraine Sicherheitsgarantien").kind == "overview"
    assert analyse("Trump").kind == "overview"
    q = resolve("Scholz?", ["Was sagt Macron?"])
    assert q.follow_up and q.kind == "position" and q.actor == "Scholz"


def test_actor_of_a_question_typed_in_lower_case():
    q = analyse("was sagt hodges")
    assert q.kind == "position" and q.actor == "hodges"


def test_reason_by_begruendung_and_positions_asked_in_the_perfect():
    assert analyse("Mit welcher Begründung weist Moskau eine Truppe zurück?").kind == "reason"
    q = analyse("Was hat Trump auf Truth Social zur Nato geschrieben?")
    assert q.kind == "position" and q.actor == "Trump"


def test_a_why_question_asks_for_a_cause_and_a_how_question_for_a_way():
    assert analyse("Warum lehnt Russland Nato-Truppen in der Ukraine ab?").cause
    assert analyse("How did Moscow justify its rejection?").cause
    assert analyse("Mit welcher Begründung weist Moskau eine Truppe zurück?").cause
    assert analyse("Woran scheitert ein UN-Einsatz?").kind == "reason"
    assert analyse("Woran liegt es, dass die Nato zögert?").cause
    q = analyse("How would peacekeepers deal with drones?")
    assert q.kind == "reason" and not q.cause


def test_a_pronoun_speaker_keeps_the_last_actor_and_quotes_name_nobody():
    q = resolve("Was meint er mit „Manche Dinge ändern sich nie“?", ["Was hat Trump zur Nato geschrieben?"])
    assert q.follow_up and q.actor == "Trump"
    assert "Dinge" not in analyse("Was meint er mit „Manche Dinge ändern sich nie“?").names


@pytest.mark.parametrize(
    ("text", "lists"),
    [
        ("Wer aus der Regierung hat sich alles dazu geäußert?", "person"),
        ("Which European leaders have weighed in?", "person"),
        ("Welche Experten werden zitiert?", "person"),
        ("Welche Länder würden Soldaten schicken?", "country"),
        ("Which countries are sending army chiefs?", "country"),
        ("Welche Optionen für Sicherheitsgarantien werden diskutiert?", None),
        ("Welche Probleme sehen Experten bei einer Friedensmission?", None),  # problems, which experts see
        ("Wer hat sich alles zu den Garantien geäußert?", "person"),
    ],
)
def test_an_overview_knows_when_it_lists_people_or_countries(text, lists):
    q = analyse(text)
    assert q.kind == "overview" and q.expects == lists


def test_a_quotation_in_the_question_is_kept_to_be_looked_up():
    assert analyse("Was meint er mit „Manche Dinge ändern sich nie“?").quote == "Manche Dinge ändern sich nie"
    assert analyse('Was bedeutet "leere Hülse"?').quote == "leere Hülse"
    assert analyse('Was sagt Putin über "die Ukraine"?').quote == ""  # one content word: not a quote to look up
    assert analyse("Was sagt Putin?").quote == ""


@pytest.mark.parametrize(
    "text",
    ["What is the British prime minister proposing?", "What is Trump saying about NATO?", "What is Russia demanding?"],
)
def test_an_ongoing_stance_asks_for_a_position(text):
    assert analyse(text).kind == "position"


def test_what_someone_called_or_how_they_described_it_asks_for_their_position():
    q = analyse("What did the Russian foreign minister call NATO troops in Ukraine?")
    assert q.kind == "position" and q.role and "troops" in q.topic
    assert analyse("How did Sacharowa describe the scenarios?").kind == "position"
    assert analyse("What did Rubio call for?").actor == "Rubio"
    # the articles are no speaker, and where to look is no topic
    q = analyse("How does the article describe Russia's track record?")
    assert q.kind != "position" and "article" not in q.focus


def test_the_model_or_plan_of_a_named_source_says_whose_answer_is_asked():
    q = analyse("Wie viele Soldaten hätte die ukrainische Armee in Schmidts Modell?")
    assert q.source == "Schmidt" and "Modell" not in q.focus and q.measured == "Soldaten"
    q = analyse("How many peacekeepers are there in Schmidt's plan?")
    assert q.source == "Schmidt" and "plan" not in q.focus
    assert analyse("Wie groß ist die Armee im Modell von Schmidt?").source == "Schmidt"
    assert "plan" in analyse("What is in the plan of the Europeans?").focus  # their plan is what is asked
    assert analyse("According to Moscow, what could a NATO presence lead to?").source == "Moscow"  # opening it
    assert analyse("Laut Moskau, wozu könnte das führen?").source == "Moskau"


def test_the_lead_names_the_actor_with_its_role():
    from chatbot.compose import actor_phrase

    assert actor_phrase(analyse("What is the British prime minister proposing?")) == "the British prime minister"
    assert actor_phrase(analyse("Was sagt Rubio?")) == "Rubio"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Was sagt der russische Außenminister?", ("russische", "außenminister")),
        ("What does Ukraine's foreign minister say about the guarantees?", ("Ukraine", "außenminister")),
        ("What does the British prime minister say?", ("British", "premierminister")),
        ("Was sagt die italienische Ministerpräsidentin Meloni?", ()),  # a named person stays the actor
        ("Was sagt Rubio?", ()),
    ],
)
def test_an_office_of_a_country_is_the_actor(text, role):
    assert analyse(text).role == role


def test_a_follow_up_keeps_the_office_it_asks_about():
    q = resolve("Und warum?", ["Was sagt der russische Außenminister?"])
    assert q.follow_up and q.role == ("russische", "außenminister")
    assert resolve("Und was sagt Scholz?", ["Was sagt der russische Außenminister?"]).role == ()


def test_how_far_apart_two_sides_are_is_a_comparison():
    q = analyse("How far apart are Kyiv and Moscow on foreign troops?")
    assert q.kind == "comparison" and q.sides == ("Kyiv", "Moscow")
    assert analyse("Wie weit liegen Kiew und Moskau auseinander?").kind == "comparison"
    assert analyse("How far is Kyiv from the front line?").kind == "fact"  # a distance, not two sides


def test_why_one_thing_differs_asks_a_reason_and_why_two_differ_compares_them():
    assert analyse("Warum sind die Schätzungen für die Truppe so unterschiedlich?").kind == "reason"
    assert analyse("Why are the estimates so different?").kind == "reason"
    q = analyse("Warum unterscheiden sich Trump und Rubio?")
    assert q.kind == "comparison" and q.sides == ("Trump", "Rubio")
    assert analyse("How does Rubio's view differ from Trump's?").kind == "comparison"


def test_a_drawback_asks_what_speaks_against_it_and_an_ordinal_alone_points_back():
    q = resolve("Was wäre der Nachteil der zweiten?", ["Welche Szenarien nennt der Spiegel?"])
    assert q.follow_up and q.kind == "reason" and "Nachteil" not in q.focus  # what is asked, no topic
    assert analyse("What is the main drawback of a UN mission?").kind == "reason"
    assert not resolve("Was ist die zweite Variante?", ["Was sagt Rubio?"]).follow_up  # the noun is named
    asked = resolve("Wer hat bestätigt, dass die erste diskutiert wird?", ["Welche zwei Szenarien nennt der Spiegel?"])
    assert asked.follow_up and asked.expects == "person"


def test_a_follow_up_ordinal_replaces_the_last_ones():
    q = resolve("Und wie sieht die zweite aus?", ["Was ist die erste Variante, die der Spiegel beschreibt?"])
    assert q.follow_up and "zweite" in q.focus
    assert "erste" not in q.query and "Variante" in q.query and "Spiegel" in q.query


def test_he_after_a_question_for_an_offices_holder_is_the_holder():
    q = resolve("Und was hat er in Washington signalisiert?", ["Wer ist der Nato-Generalsekretär?"])
    assert q.kind == "position" and q.actor == "der Nato-Generalsekretär"  # not Washington
    assert q.role == ("Nato", "generalsekretär") and "Nato-Generalsekretär" not in q.topic
    en = resolve("And what did he say?", ["Who is the US Secretary of State?"])
    assert en.actor == "the US Secretary of State" and en.topic == ()


def test_who_is_the_office_asks_for_a_name_who_is_a_name_asks_who_that_is():
    assert analyse("Who is the top US military officer hosting his colleagues?").expects == "person"
    assert analyse("Wer ist der Nato-Generalsekretär, der sich geäußert hat?").expects == "person"
    assert analyse("Wer ist Ben Hodges?").expects is None


def test_a_question_for_everything_someone_said_asks_for_a_list():
    from chatbot.asks import asks_all

    assert asks_all("Was hat Trump alles zur Sicherheit der Ukraine gesagt?")
    assert asks_all("What is everything Rubio said about NATO?")
    assert not asks_all("Was sagt Trump zur Nato?")


def test_a_bare_question_word_continues_the_last_question_and_says_what_it_expects():
    q = resolve("Und wann genau?", ["Wo trafen sich die europäischen Führer?"])
    assert q.follow_up and q.kind == "fact" and q.expects == "date" and "Führer" in q.query
    assert analyse("And how many?").expects == "number" and analyse("Und wer?").expects == "person"
    assert analyse("Und?").kind == "empty"


def test_offices_of_an_alliance_and_advisers():
    assert analyse("Wie heißt der Nato-Generalsekretär?").role == ("Nato", "generalsekretär")
    assert analyse("What does the national security adviser say?").role[1] == "sicherheitsberater"
    assert analyse("Who is the top US military officer?").role == ("US", "generalstabschef")


def test_a_spokesperson_is_an_office_of_what_they_speak_for():
    assert analyse("Wer ist die Sprecherin des russischen Außenministeriums?").role == ("russischen", "sprecher")
    assert analyse("Wer spricht für das russische Außenministerium?").role == ("russische", "sprecher")
    assert analyse("Who is the White House press secretary?").role == ("House", "sprecher")
    assert analyse("Welcher US-Vizepräsident war dabei?").role == ("US", "vizepräsident")
    assert analyse("Was sagt die Sprecherin?").role == ("", "sprecher")  # whoever speaks for someone
    q = analyse("Wer spricht für die Ukraine?")  # who stands up for it: no spokesperson asked for
    assert q.role == () and q.expects == "person"


def test_how_two_people_see_something_compares_them():
    q = analyse("Wie sehen Rubio und Waltz die Rolle der USA?")
    assert q.kind == "comparison" and q.sides == ("Rubio", "Waltz")
    assert analyse("Wie bewertet Ischinger die Lage?").actor == "Ischinger"
    assert analyse("Wie sehen die Friedenstruppen aus?").kind == "fact"  # what they look like


def test_a_yes_no_question_on_what_someone_thinks_asks_for_their_position():
    assert analyse("Does Trump want Ukraine in NATO?").kind == "position"
    q = analyse("Meint Rubio, die USA müssten das allein tun?")
    assert q.kind == "position" and q.actor == "Rubio"
    assert analyse("Do the articles say who leads?").kind == "fact"  # the articles are no speaker


def test_what_an_english_number_question_counts_is_the_noun_after_a_name_or_nationality():
    assert measured("How many NATO members support Ukraine joining?") == "members"
    assert measured("How many French soldiers would go?") == "soldiers"
    assert measured("How many Russians died?") == "Russians"


def test_a_pronoun_speaker_after_a_who_question_is_the_person_it_named():
    q = resolve("Und was hält er von der Artikel-5-Variante?", ["Wer ist Mark Rutte?"])
    assert q.follow_up and q.actor == "Mark Rutte" and "Artikel-5-Variante" in q.topic


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("Was sagen Rubio und Hegseth?", ("Rubio", "Hegseth")),
        ("What do Macron and Scholz say about a peace mission?", ("Macron", "Scholz")),
        ("Was sagen Marco Rubio und Pete Hegseth?", ("Rubio", "Hegseth")),
        ("Was sagt Trump über Selenskyj und Putin?", ()),  # one speaker, two things he is asked about
        ("Was sagt Rubio zur Nato und zur Ukraine?", ()),
    ],
)
def test_two_speakers_asked_together_are_set_side_by_side(text, sides):
    q = analyse(text)
    assert q.sides == sides and q.kind == ("comparison" if sides else "position")


@pytest.mark.parametrize(
    ("text", "previous", "kind", "actor"),
    [
        ("Und was sagt er dazu?", "Was fordert Hodges?", "position", "Hodges"),
        ("And what did he say after that?", "What did Trump tell Fox News?", "position", "Trump"),
        ("Und?", "Wie viele Soldaten fordert Hodges?", "fact", None),
    ],
)
def test_a_follow_up_without_words_of_its_own_continues_the_last_question(text, previous, kind, actor):
    q = resolve(text, [previous])
    assert q.follow_up and q.kind == kind and q.actor == actor


def test_a_follow_up_asking_what_about_asks_a_question_of_its_own():
    previous = "Which generals are visiting Dan Caine?"
    assert analyse(previous).kind == "overview"
    assert resolve("Und in Europa?", [previous]).kind == "overview"  # the same kind of thing, elsewhere
    q = resolve("Und worüber wollen sie reden?", [previous])
    assert q.follow_up and q.kind == "fact"


def test_a_stance_noun_that_dates_the_question_is_its_topic():
    assert resolve("What did Trump say during that argument?", ["Who argued with Zelensky?"]).topic == ("argument",)
    assert analyse("What is Trump's argument?").topic == ()
    assert analyse("Was sagte Trump nach dieser Warnung?").topic == ("Warnung",)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Welche Fähigkeiten fehlen Europa laut Ischinger?", "Ischinger"),  # the source, not Europe
        ("Was fehlt Europa nach Ansicht von Ischinger?", "Ischinger"),
        ("How many troops would Ukraine need in Schmidt's view?", "Schmidt"),
        ("Was sagt Rutte laut Focus?", "Rutte"),  # a stance verb names the speaker; Focus reported it
    ],
)
def test_the_source_a_question_names_is_its_speaker(text, actor):
    assert named_actor(text, "de") == actor


def test_a_pronoun_follow_up_asks_the_source_of_the_last_question():
    q = resolve("Und was meint er mit Einheit?", ["Welche Fähigkeiten fehlen Europa laut Ischinger?"])
    assert q.kind == "position" and q.actor == "Ischinger"


def test_an_english_follow_up_ending_on_a_preposition_asks_a_question_of_its_own():
    previous = "Welche Länder schicken ihre Militärchefs nach Washington?"
    assert resolve("What will they talk about?", [previous]).kind == "fact"
    assert resolve("What about France?", [previous]).kind == "overview"  # the same kind of thing


def test_an_empty_question_that_points_nowhere_stays_empty():
    assert resolve("?!", ["Was fordert Hodges?"]).kind == "empty"


def test_who_reported_asks_for_an_outlet_and_disagreements_compare():
    assert analyse("Who reported that the US won't send ground troops?").expects == "org"
    assert analyse("Wer hat über den Streit berichtet?").expects == "org"
    assert analyse("Wer ist Ben Hodges?").expects != "org"
    q = analyse("What are the main disagreements between the US and Europe?")
    assert q.kind == "comparison" and q.sides == ("US", "Europe")


def test_a_follow_up_on_a_thing_keeps_the_speaker_a_new_name_replaces_him():
    assert resolve("Sicherheitsgarantien?", ["Was fordert Hodges?"]).actor == "Hodges"
    assert resolve("Und zur Friedensmission?", ["Was sagt Macron?"]).actor == "Macron"
    assert resolve("Und Scholz?", ["Was sagt Macron zur Friedenstruppe?"]).actor == "Scholz"


def test_a_speaker_typed_in_lower_case_is_found():
    assert analyse("was sagt rubio?").actor == "rubio"
    assert analyse("what does hodges demand").actor == "hodges"
    assert analyse("what does the white house say?").actor == "white house"
    # cased: a lower-case speaker is a common noun before the verb ("experts"), not a topic word
    assert analyse("What do experts think about the mission?").actor == "experts"
    assert analyse("What do you think about the mission?").actor is None


def test_two_questions_for_two_speakers_in_one_are_set_side_by_side():
    q = analyse("Was hat Trump zu Nato gesagt und was meint Rutte?")
    assert q.kind == "comparison" and q.sides == ("Trump", "Rutte")
    assert analyse("What did Trump say and what does Rubio think?").sides == ("Trump", "Rubio")
    assert analyse("Was sagt Rubio und was meint er damit?").actor == "Rubio"  # one speaker


def test_a_preference_is_asked_of_the_one_who_prefers():
    q = analyse("Welche Variante favorisiert Trump?")
    assert q.kind == "position" and q.actor == "Trump"  # not "Variante", which is what is asked for
    assert analyse("Which option does Kyiv prefer?").actor == "Kyiv"


def test_a_follow_up_asking_in_his_view_keeps_the_last_speaker():
    q = resolve("Und wie lange dauern die Verhandlungen seiner Meinung nach?", ["Was sagt Macron?"])
    assert q.follow_up and q.actor == "Macron"
    assert "Meinung" not in q.topic and "seiner" not in q.focus  # how he sees it is asked, not a topic
    assert resolve("And how long, according to him?", ["What did Macron say?"]).actor == "Macron"


def test_who_published_something_asks_for_an_outlet():
    q = analyse("Wer veröffentlichte Leavitts Aussage?")
    assert q.expects == "org" and q.outlet


@pytest.mark.parametrize(
    "text",
    [
        "Und wem hat er das gesagt?",
        "Who did he say that to?",
        "To whom did Rubio say it?",
        "Und wer hat das gemeldet?",
        "Wer hat die Meldung über Leavitts Aussagen verbreitet?",
        "Which outlet did Hodges speak to?",
        "Woher stammt die Meldung über Leavitts Aussage?",
        "Where does the report about Leavitt's statement come from?",
    ],
)
def test_whom_a_statement_was_made_to_asks_for_an_outlet(text):
    q = analyse(text)
    assert q.expects == "org" and q.outlet


def test_where_someone_comes_from_asks_for_a_place_not_an_outlet():
    q = analyse("Woher kommt Hodges?")
    assert q.expects == "place" and not q.outlet


def test_whom_something_was_given_asks_for_a_person():
    assert analyse("Wem hat Trump die Schuld gegeben?").expects == "person"


def test_the_two_things_of_a_list_are_no_two_sides():
    # "die beiden Varianten" are compared with each other: a list of them, not Varianten vs Spiegel
    assert analyse("Was unterscheidet die beiden Varianten aus dem Spiegel-Bericht?").sides == ()
    assert analyse("Wie unterscheiden sich die Positionen von Trump und Rubio?").sides == ("Trump", "Rubio")


def test_the_role_of_something_asks_about_that_thing():
    q = analyse("Wie sieht Rubio die Rolle der Europäer?")
    assert q.kind == "position" and q.actor == "Rubio" and q.topic == ("Europäer",)


def test_what_exactly_someone_wrote_is_a_position_question():
    q = analyse("Was genau hat Trump auf Truth Social geschrieben?")
    assert q.kind == "position" and q.actor == "Trump"
    assert analyse("Was genau sagt Hodges?").kind == "position"
    posted = analyse("What did Trump post about Ukraine joining NATO?")
    assert posted.kind == "position" and posted.actor == "Trump"
    assert analyse("What does Zelensky consider the best guarantee?").kind == "position"
    assert analyse("Wie reagierte Kiew auf Trumps Post?").actor != "Trumps"  # the German noun, no verb
    asking = analyse("What security guarantees is Kyiv asking for?")
    assert asking.kind == "position" and asking.actor == "Kyiv"
    wants = analyse("Welche Garantien will die Ukraine?")  # what it wants, no deed after it
    assert wants.kind == "position" and wants.actor == "Ukraine"
    assert analyse("Welche Soldaten will Hodges schicken?").kind != "position"
    reacted = analyse("Wie hat Moskau darauf reagiert?")  # the perfect, like "Wie reagierte Moskau?"
    assert reacted.kind == "position" and reacted.actor == "Moskau"
    assert analyse("Wie hat Trump das begründet?").kind == "reason"


@pytest.mark.parametrize(
    "text,actor,asked",
    [
        ("Welche Gefahr sieht Moskau in einer Nato-Truppe?", "Moskau", "Gefahr"),
        ("What kind of weapons does Zelensky want for the army?", "Zelensky", "weapons"),
        ("What did Leavitt clarify about the air support?", "Leavitt", ""),
        ("Does the US want to be part of the deterrence mechanism?", "US", ""),
    ],
)
def test_what_an_actor_sees_wants_or_clarifies_is_a_position_question(text, actor, asked):
    q = analyse(text)
    assert q.kind == "position" and q.actor == actor and q.asked_for == asked
    assert asked not in q.topic and "kind" not in q.topic


@pytest.mark.parametrize(
    ("text", "focus"),
    [
        (
            "Give me a quick rundown of the security guarantee options for Ukraine.",
            ("security", "guarantee", "options", "Ukraine"),
        ),
        ("Walk me through the debate on peacekeepers.", ("debate", "peacekeepers")),
        ("brief me on the London meeting", ("London", "meeting")),
    ],
)
def test_a_rundown_of_a_topic_is_an_overview_of_it(text, focus):
    q = analyse(text)
    assert q.kind == "overview" and q.focus == focus


def test_a_rundown_with_no_topic_is_a_summary():
    assert analyse("Give me a rundown.").kind == "summary"


def test_a_list_an_actor_demands_stays_an_overview():
    assert analyse("Welche Bedingungen fordert Hodges?").kind == "overview"
    assert analyse("Which countries does Trump want to help?").kind == "overview"


def test_what_the_two_things_are_is_an_overview():
    assert analyse("What are the two scenarios in the Spiegel report?").kind == "overview"
    assert analyse("Was sind die beiden Varianten?").kind == "overview"


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Erzähl mir was über Schmidt", "Schmidt"),
        ("Erklär mir die Spiegel-Szenarien", "die Spiegel-Szenarien"),
        ("what's the deal with rare earths?", "rare earths"),
        ("Was sagt Rubio?", None),
    ],
)
def test_a_request_to_tell_or_explain_names_its_topic(text, topic):
    assert about_topic(text) == topic


def test_a_common_noun_before_the_verb_is_the_speaker_and_a_name_after_it_the_topic():
    q = analyse("What did experts warn about a UN mission?")
    assert q.kind == "position" and q.actor == "experts" and "UN" in q.topic
    # no one in particular: a long description is no speaker
    assert analyse("What do some civil disobedient people feel the need to acknowledge.").actor is None
    assert analyse("What did the US say about NATO?").actor == "US"


def test_how_likely_asks_whether_it_will_happen():
    assert analyse("Wie wahrscheinlich ist ein Nato-Beitritt?").expects == "yesno"
    assert analyse("Wie realistisch sind die Ideen?").expects == "yesno"


def test_an_office_belongs_to_its_country_or_union():
    q = analyse("Was sagt der russische Außenminister?")
    assert q.role == ("russische", "außenminister") and "russland" in q.role_country
    assert "europa" in analyse("Wer ist der Präsident der EU-Kommission?").role_country
    assert analyse("Wer ist die Sprecherin des Weißen Hauses?").role_country == ()  # any holder
    # the owner is no topic the quotes must name
    assert analyse("What does Britain's prime minister want?").topic == ()


def test_a_list_item_picked_by_its_position():
    from chatbot.ordinals import picks_an_item

    assert picks_an_item("What's the second scenario?")
    assert picks_an_item("Was ist die erste Variante?")
    assert not picks_an_item("Wer war der erste Vorsitzende?")
    assert not picks_an_item("When was the first game?")


def test_the_word_asking_for_a_comparison_is_no_topic():
    assert analyse("Compare what Trump and Leavitt said about US help from the air.").focus == (
        "Trump",
        "Leavitt",
        "US",
        "help",
        "air",
    )
    assert analyse("Wie unterscheiden sich Rubio und Waltz?").focus == ("Rubio", "Waltz")


def test_an_acronym_is_read_as_the_capitalised_words_that_spell_it_out():
    from chatbot.known import spelled_out

    texts = ["„…“, sagte Hodges dem Redaktionsnetzwerk Deutschland.", "berichtete die Deutsche Presse-Agentur."]
    assert spelled_out("RND", texts) == ("redaktionsnetzwerk", "deutschland")  # a compound's parts give letters
    assert spelled_out("DPA", texts) == ("deutsche", "presse", "agentur")  # so do a hyphen's
    assert spelled_out("BBC", texts) == () and spelled_out("RDN", texts) == ()


def test_who_he_is_after_a_question_on_someone_asks_who_that_person_is():
    q = resolve("And who is he?", ["What does Ischinger warn about?"])
    assert q.follow_up and q.kind == "fact" and q.expects is None and q.focus == ("Ischinger",)
    assert q.text == "And who is he?" and q.language == "en"
    de = resolve("Und wer ist das?", ["Was fordert Hodges?"])
    assert de.focus == ("Hodges",) and de.expects is None and de.language == "de"
    # nobody to point back to: the question stays as asked
    assert resolve("Und wer ist das?", ["Welche Optionen gibt es?"]).expects == "person"


def test_the_role_something_plays_is_no_topic():
    assert analyse("Welche Rolle spielen die Seltenen Erden?").focus == ("Seltenen", "Erden")
    assert analyse("What role does Italy play?").focus == ("Italy",)
    assert "Rolle" in analyse("Wer übernimmt die Rolle des Vermittlers?").focus  # no playing: the role is asked


def test_which_office_asks_for_a_holder_of_any_country():
    q = analyse("Which vice president was part of the Oval Office dispute?")
    assert q.role == ("", "vizepräsident") and q.expects == "person"
    assert analyse("Welcher Generalsekretär war in Washington?").role == ("", "generalsekretär")
    assert analyse("Which Russian foreign minister …?").role[1] == "außenminister"  # a country named: its office


def test_two_compounds_sharing_their_last_part_are_one_group_not_two_sides():
    q = analyse("Was sagen die Staats- und Regierungschefs?")
    assert q.kind == "position" and q.actor == "Regierungschefs" and q.sides == ()


def test_a_view_on_the_situation_asks_for_the_view_not_for_a_situation():
    assert analyse("Wie sieht Hodges die Lage?").topic == ()
    assert analyse("How does Rubio see the situation?").actor == "Rubio"
    assert analyse("Wie sieht Hodges die Krim?").topic == ("Krim",)


def test_someone_s_successor_is_not_that_someone():
    q = analyse("What did Olaf Scholz's successor say?")
    assert q.kind == "position" and q.actor != "Olaf Scholz" and q.role == ("Scholz", "nachfolger")


def test_a_number_question_typed_in_lower_case_counts_the_word_after_wie_viele():
    from chatbot.question import as_typed

    typed = "wie viele länder schicken ihre militärchefs zu caine?"
    q = as_typed(analyse("wie viele länder schicken ihre militärchefs zu Caine?"), typed)
    assert q.typed_lower and q.measured == "länder"
    assert as_typed(analyse("Wie viele Länder?"), "Wie viele Länder?").typed_lower is False


def test_a_plural_actor_is_told_by_its_article_and_ending():
    from chatbot.compose import _PLURAL

    assert all(_PLURAL.match(a) for a in ("die Russen", "die Europäer", "die USA", "die Vereinigten Staaten"))
    assert not any(_PLURAL.match(a) for a in ("die Sprecherin", "die Ukraine", "Rubio", "der Kreml"))


def test_a_which_question_names_the_class_it_asks_a_member_of():
    q = analyse("Welche Plattform nutzte Trump?")
    assert q.instance_of == "Plattform"
    assert names_instance("… schrieb der Republikaner auf seiner Plattform Truth Social: „…“", q)
    assert not names_instance("Die Plattform ist neu.", q)  # no member named beside it
    assert not names_instance("Die Plattform der Regierung …", q)
    assert analyse("Welches proprietäre System verwendet Sky?").instance_of == "System"
    assert analyse("Which platform did Trump use?").instance_of == "platform"
    assert analyse("Welche Länder schicken Truppen?").instance_of == ""  # a list, not one member
    assert analyse("Welcher Sender berichtete?").instance_of == ""  # an outlet: a kind of answer of its own


def test_a_what_kind_of_question_is_answered_by_a_description_of_the_thing():
    q = analyse("What kind of terrain would peacekeepers have to work in?")
    assert q.kind_of == "terrain"
    assert analyse("Welche Art von Gelände ist es?").kind_of == "Gelände"
    assert analyse("Was für Waffen braucht die Truppe?").kind_of == "Waffen"
    assert analyse("Which terrain is it?").kind_of == ""
    g = analyse("Welche Art von Gelände ist es?")
    assert describes_kind("Friedenssoldaten müssten in einem schwierigen Gelände von Wäldern operieren.", g)
    assert describes_kind("… ein Gelände von Wäldern und Feldern …", g)
    assert not describes_kind("Das Gelände ist groß.", g)  # named, not described


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Welche Rolle spielt Obama?", True),
        ("Was hat Obama mit der Sache zu tun?", True),
        ("Was hat Obama damit zu tun?", True),
        ("What does Obama have to do with it?", True),
        ("How is Obama involved?", True),
        ("Was hat Trump gesagt?", False),
        ("What does Trump have?", False),
    ],
)
def test_what_part_someone_plays_is_asked(text, part):
    assert analyse(text).part is part


def test_a_filler_noun_is_no_focus():
    assert "Sache" not in analyse("Was hat Obama mit der Sache zu tun?").focus


def test_what_about_is_asked():
    assert analyse("Worüber sollen die Militärs bei Caine sprechen?").what_about
    assert analyse("What will they talk about?").what_about
    assert not analyse("Was sagt Caine?").what_about


def test_abbreviated_units_are_read_as_the_articles_write_them():
    from chatbot.rewording import units_written_out

    assert units_written_out("wie viele km ist die front", "de") == "wie viele kilometer ist die front"
    assert units_written_out("Wie viele km sind es?", "de") == "Wie viele Kilometer sind es?"
    assert units_written_out("How many km long is the front?", "en") == "How many kilometres long is the front?"
    assert units_written_out("Wie viele Mio. Euro?", "de") == "Wie viele Millionen Euro?"
    assert units_written_out("Was sagt Kmiecik?", "de") == "Was sagt Kmiecik?"  # a word, not the unit
    q = analyse("wieviele km ist die frontlinie lang")
    assert q.expects == "number" and q.focus == ("kilometer", "frontlinie", "lang")  # "wieviele" asks, like "wie viele"


def test_a_follow_ups_topic_is_not_the_actor_it_takes_over():
    q = resolve("And what does he want?", ["Who is Ben Hodges?"])
    assert q.actor == "Ben Hodges" and q.topic == ()
    # … nor the last German question's verb beside its nouns
    er = resolve("Und was fordert er?", ["Wo arbeitet Schmidt?"])
    assert er.actor == "Schmidt" and er.topic == ()
    assert "Armee" in resolve("Und was meint er damit?", ["Was sagt Trump über die ukrainische Armee?"]).topic


def test_a_verb_of_speech_as_the_subjects_noun_makes_no_position_question():
    q = analyse("What does the Kremlin's history of broken promises mean for peace?")
    assert q.kind == "fact" and q.actor is None
    assert analyse("What does the Kremlin promise?").kind == "position"
    # a passive says what others expect of them, not what they say
    assert analyse("What are the European leaders expected to draft next week?").kind != "position"
    assert analyse("What does Rubio expect?").kind == "position"


@pytest.mark.parametrize(
    ("text", "head_of"),
    [
        ("Who runs NATO right now?", ("NATO",)),
        ("Wer führt die Nato?", ("Nato",)),
        ("Wer ist der Chef der ukrainischen Armee?", ("ukrainischen", "Armee")),
        ("Wer führt die Verhandlungen für die Ukraine?", ("Verhandlungen",)),
        ("Wer hat die Nato kritisiert?", ()),
    ],
)
def test_a_question_for_who_leads_names_what_it_asks_the_head_of(text, head_of):
    assert analyse(text).head_of == head_of


def test_a_people_in_the_dative_plural_speaks_for_its_country():
    from chatbot.places import aliases

    assert "usa" in aliases("Amerikanern") and "europa" in aliases("Europäern")
    assert aliases("Kilometern") == ()
    assert "usa" in aliases("Amerika")  # "Was fordert Selenskyj von Amerika?": "… von den USA"


def test_a_question_for_the_reason_given_asks_why_and_the_reason_is_no_topic():
    q = analyse("Was hat Sacharowa als Grund genannt?")
    assert q.kind == "reason" and q.focus == ("Sacharowa", "genannt")
    assert analyse("What reason did Zakharova give?").kind == "reason"


def test_the_un_is_an_office_holder_of_its_own_and_no_country():
    from chatbot.places import COUNTRIES, nationality

    q = analyse("What did the UN Secretary-General say?")
    assert q.role == ("UN", "generalsekretär") and "vereinten" in q.role_country
    assert "un" not in {g[0] for g in COUNTRIES} and "nato" in nationality("Nato")


def test_a_request_about_something_typed_without_an_apostrophe_names_its_topic():
    from chatbot.phrasing import about_topic

    assert about_topic("whats the deal with rare earths") == "rare earths"
    assert about_topic("What’s the deal with rare earths?") == "rare earths"


def test_what_makes_something_hard_somewhere_asks_why():
    assert analyse("What makes peacekeeping hard on the front line?").kind == "reason"
    assert analyse("Was macht einen Waffenstillstand an der Front so schwierig?").kind == "reason"


def test_a_question_for_the_reason_given_by_its_singular_noun_asks_why():
    q = analyse("Was hat Sacharowa als Grund genannt?")
    assert q.cause  # a stated cause answers it ("Zur Begründung verwies sie …")


def test_keywords_with_a_why_among_them_ask_why():
    assert analyse("UN mission why unlikely").kind == "reason"
    assert analyse("nato beitritt warum nicht").kind == "reason"
    assert analyse("trump ground troops ukraine").kind != "reason"


def test_a_first_name_typed_in_lower_case_belongs_to_the_speaker_not_the_topic():
    q = analyse("what did olaf Scholz say about taurus missiles")
    assert q.actor == "Scholz" and q.topic == ("taurus", "missiles")
    assert analyse("what did olaf Scholz say").topic == ()


def test_a_list_noun_after_two_words_still_asks_for_a_list():
    assert analyse("What are the two main models for guaranteeing Ukraine's security?").kind == "overview"
    assert analyse("Was sind die beiden wichtigsten Varianten?").kind == "overview"


@pytest.mark.parametrize("text", ["what's the story here", "Whats going on?", "Was ist da los?"])
def test_asking_what_is_going_on_asks_for_a_summary(text):
    assert analyse(text).kind == "summary"


def test_asking_what_is_going_on_with_something_asks_about_it():
    q = analyse("what is going on with the peace force")
    assert q.kind == "overview" and q.focus == ("peace", "force")


def test_a_topic_put_before_which_is_read_as_asked_after_it():
    from chatbot.rewording import topic_put_first

    assert topic_put_first("Sicherheitsgarantien für die Ukraine – welche gibt es?") == (
        "Welche Sicherheitsgarantien für die Ukraine gibt es?"
    )
    assert analyse("Security guarantees for Ukraine - which are there?").kind == "overview"
    asked = "Was sagt Rubio, und welche Rolle spielt er?"
    assert topic_put_first(asked) == asked


@pytest.mark.parametrize("more", ["tell me more", "Erzähl mehr", "mehr dazu", "go on"])
def test_asking_for_more_lists_what_there_is_on_the_last_question(more):
    q = resolve(more, ["What did Hodges say?"])
    assert q.follow_up and q.kind == "overview" and "Hodges" in q.focus
    assert resolve(more).kind != "overview"  # with nothing before, there is nothing to say more of


def test_a_summary_asked_in_a_form_has_no_topic():
    assert analyse("Can you summarize the articles in 3 bullet points?").kind == "summary"
    assert analyse("Kannst du die Artikel in Stichpunkten zusammenfassen?").kind == "summary"
    assert analyse("summarize what Trump says in two sentences").focus == ("Trump",)


def test_a_question_on_what_came_of_an_event_is_marked():
    from chatbot.timing import asks_outcome

    assert asks_outcome("What was the outcome of the trilateral meeting?")
    assert asks_outcome("Was kam beim Treffen in London heraus?")
    assert asks_outcome("Welches Ergebnis brachte der Gipfel?")
    assert not asks_outcome("Wann findet das Treffen statt?")


def test_several_people_named_in_a_list_are_each_a_side():
    q = analyse("Was sagen Trump, Rubio und Hegseth?")
    assert q.kind == "comparison" and q.sides == ("Trump", "Rubio", "Hegseth")
    q = analyse("Trump, Leavitt, Rubio: who said what?")
    assert q.kind == "comparison" and q.sides == ("Trump", "Leavitt", "Rubio")
    q = analyse("Wer hat was gesagt: Trump oder Rubio?")
    assert q.kind == "comparison" and q.sides == ("Trump", "Rubio")
    # two sides stay two when the question names more, unlisted ("European" is what is compared)
    assert analyse("How do Trump's and Rubio's views on a European role differ?").sides == ("Trump", "Rubio")


def test_an_office_named_alone_asks_for_any_holder_of_it():
    from chatbot.offices import office

    defense = office("What did the Secretary of Defense say?")
    assert defense == (("", "verteidigungsminister"), "the Secretary of Defense")
    assert office("Was sagt der Verteidigungsminister?") == (("", "verteidigungsminister"), "der Verteidigungsminister")
    assert office("Who is the US Secretary of Defense?")[0] == ("US", "verteidigungsminister")
    # several holders, or an owner or a name after the office: not any holder
    assert office("Who are the military chiefs meeting Caine?") is None
    # the owner after the office, in the genitive: that country's, not any holder
    assert office("Wer ist der Verteidigungsminister Großbritanniens?")[0] == (
        "Großbritanniens",
        "verteidigungsminister",
    )
    assert office("Was sagt der Präsident?") is None  # anyone's president
    assert office("What was Ban Ki-Moon the Secretary General of?") is None  # its owner is asked


def test_a_follow_up_naming_a_new_country_replaces_the_countries_before():
    q = resolve("And the US?", ["Would Britain and France take part in a peacekeeping mission?"])
    assert "Britain" not in q.query and "France" not in q.query
    assert "peacekeeping" in q.query and "mission" in q.query  # the topic stays
    q = resolve("Und Deutschland?", ["Will Frankreich Soldaten schicken?"])
    assert "Frankreich" not in q.query and "Soldaten" in q.query


def test_a_phrase_put_before_who_said_it_is_read_as_asked_after_it():
    from chatbot.rewording import topic_put_first

    assert topic_put_first('"coalition of the willing" - who said it') == 'Who said "coalition of the willing"?'
    assert topic_put_first("„leere Hülse“ – wer hat das gesagt?") == "Wer sagte „leere Hülse“?"
    q = analyse("„Koalition der Willigen“: von wem stammt das?")
    assert q.expects == "person" and set(q.focus) == {"Koalition", "Willigen"}
    asked = "Rubio - who is he?"
    assert topic_put_first(asked) == asked


@pytest.mark.parametrize(
    "text, focus",
    [
        ("Wer sprach von einer leeren Hülse?", {"leeren", "Hülse"}),
        ("Wer hat den Ausdruck Koalition der Willigen verwendet?", {"Koalition", "Willigen"}),
        ("Who used the phrase coalition of the willing?", {"coalition", "willing"}),
        # "called for" asks who demanded it; "talks" here are talks, no speaking
        ("Who called for a coalition of the willing?", {"called", "coalition", "willing"}),
        ("who represents the white house in these talks", {"represents", "white", "house", "talks"}),
    ],
)
def test_the_verb_of_speech_of_who_said_a_phrase_is_no_topic(text, focus):
    q = analyse(text)
    assert q.expects == "person" and set(q.focus) == focus


def test_a_keyword_query_naming_a_kind_of_answer_asks_for_it():
    q = analyse("ceasefire date???")
    assert (q.kind, q.expects, q.focus) == ("fact", "date", ("ceasefire",))
    assert analyse("Ukraine Sicherheitsgarantien").kind == "overview"


def test_whom_someone_spoke_to_asks_for_an_outlet():
    assert analyse("Wem gegenüber äußerte sich Hodges?").expects == "org"
    assert analyse("Mit wem hat Hodges gesprochen?").expects == "org"
    assert analyse("Who did Hodges talk to?").expects == "org"
    assert analyse("Mit wem hat Selenskyj gestritten?").expects != "org"  # a quarrel's other side


def test_the_articles_named_as_where_the_answer_is_are_not_searched_for():
    from chatbot.frames import without_articles_named

    assert analyse("Welche Rolle spielt Mick Ryan im Artikel?").query == "Welche Rolle spielt Mick Ryan?"
    assert without_articles_named("What does Trump want according to the articles?") == "What does Trump want?"
    assert without_articles_named("Laut den Artikeln, was will Rubio?") == "was will Rubio?"
    assert without_articles_named("Was steht in Artikel 5?") == "Was steht in Artikel 5?"  # an article of a treaty


def test_what_makes_something_costly_asks_for_the_means_not_an_amount():
    assert analyse("What would make an attack expensive for Russia, according to Rubio?").expects is None
    assert analyse("Was würde einen Angriff teuer machen?").expects is None
    assert analyse("How expensive would a peace force be?").expects == "money"
    assert analyse("Wie viel Geld würde es kosten, die Truppe teuer zu machen?").expects == "money"


def test_what_it_is_about_after_a_question_asks_more_on_its_thing():
    q = resolve("What is it about?", ["What is Truth Social?"])
    assert q.follow_up and q.kind == "overview" and "Truth" in q.focus
    assert resolve("What is it about?").kind == "summary"  # asked first: what the articles are about


def test_which_article_tells_of_something_asks_about_that_thing():
    q = analyse("Which article mentions Australia?")
    assert q.focus == ("Australia",) and q.query == "mentions Australia?"
    assert analyse("In welchem Artikel geht es um Australien?").focus == ("Australien",)
    # an article of a treaty is asked about
    assert "article" in analyse("Which article of the NATO treaty comes up?").focus
    assert analyse("Which article 5 is being referred to?").query == "Which article 5 is being referred to?"


def test_a_possessive_points_back_to_the_last_question():
    q = resolve("Was sagt Trump zu seiner Forderung?", ["What does Selenskyj consider the best guarantee?"])
    assert q.follow_up


def test_a_follow_up_pointing_back_to_a_person_names_whom_it_means():
    assert resolve("Is he a general?", ["What did Hegseth say about European troops?"]).referent == "Hegseth"
    assert resolve("Und seine Koalition?", ["Was fordert Starmer?"]).referent == "Starmer"
    assert resolve("Wie groß soll die Truppe sein?", ["Was fordert Starmer?"]).referent == ""  # "sein": to be
    assert resolve("Is he a general?").referent == ""


def test_a_number_questions_owner_may_be_its_subject():
    from chatbot.facts import _owner_asked

    assert _owner_asked(analyse("Wie viele Soldaten hat Russland an der Front?")) == "russland"
    assert _owner_asked(analyse("How many soldiers does Russia have?")) == "russland"
    assert _owner_asked(analyse("Wie viele Soldaten stehen in der Ukraine?")) is None  # a place, no owner


def test_a_term_asked_what_it_is_or_about():
    assert analyse("What is the coalition of the willing?").defines == "coalition of the willing"
    assert analyse("what's the deal with rare earths?").defines == "rare earths"
    assert analyse("Was ist Truth Social?").defines == "Truth Social"
    assert analyse("What is Rutte's view?").defines == ""  # someone's view is no term
    assert analyse("Was sagt Rubio?").defines == ""


def test_the_medium_of_a_statement_is_no_topic():
    assert analyse("Was hat Rubio im Fernsehen gesagt?").topic == ()
    assert analyse("What did Hodges say in an interview?").topic == ()
    assert "Drohnen" in analyse("Was hat Rubio im Fernsehen über Drohnen gesagt?").topic


def test_asking_what_someone_wrote_or_posted():
    from chatbot.asks import asks_written

    assert asks_written("what did trump post") and asks_written("Was hat Trump geschrieben?")
    assert not asks_written("Was hat Trump gesagt?") and not asks_written("What did Trump say?")


def test_the_message_someone_had_asks_what_they_said():
    q = analyse("Welche Botschaft hatte Trump für die Ukrainer?")
    assert q.kind == "position" and q.actor == "Trump"
    assert analyse("What message did Trump have for Ukraine?").kind == "position"
    assert analyse("Wer leitet die Botschaft in Kiew?").kind == "fact"  # the embassy


def test_all_that_is_no_list():
    assert analyse("Was kostet das alles?").expects == "money"
    assert analyse("Was hat Trump alles gesagt?").kind == "position"


def test_a_list_noun_after_a_few_words_asks_for_a_list():
    assert analyse("Which two security guarantee models does the Spiegel describe?").kind == "overview"


def test_a_colloquial_verb_or_oder_nicht_opens_a_yes_no_question():
    assert analyse("Kriegt die Ukraine jetzt Sicherheitsgarantien oder nicht?").expects == "yesno"
    assert analyse("Macht Australien mit?").expects == "yesno"
    assert analyse("Was macht Trump?").expects is None


def test_what_someone_prefers_asks_their_view():
    q = analyse("What security guarantee would Ukraine prefer most?")
    assert q.kind == "position" and q.actor == "Ukraine"
    assert analyse("Was bevorzugt Kiew?").kind == "position"


def test_a_named_persons_task_asks_for_their_office():
    assert analyse("Welche Aufgabe hat Mike Waltz?").focus == ("Mike", "Waltz")
    assert "Aufgabe" in analyse("Welche Aufgabe hätte die Friedenstruppe?").focus  # a force's task is asked about


def test_the_report_is_no_topic_of_a_question_for_the_outlet():
    q = analyse("Wer hat über das Treffen der Generalstabschefs berichtet?")
    assert q.focus == ("Treffen", "Generalstabschefs")
    # with no topic of its own, the report is what there is to find
    assert "gemeldet" in analyse("Und wer hat das zuerst gemeldet?").focus


def test_off_the_table_is_said_plainly():
    q = analyse("Is a UN mission off the table?")
    assert "table" not in q.focus and "ruled" in q.focus
    assert "Tisch" in analyse("Ist der Nato-Beitritt vom Tisch?").focus


def test_war_after_an_english_determiner_is_a_noun():
    assert "war" in content_words("How long has the war been going on?")
    assert "war" not in content_words("Wer war Präsident?")


def test_keywords_with_demands_ask_for_a_position():
    assert analyse("zelenskyy demands").kind == "position"


def test_what_else_continues_the_last_question_as_a_list():
    q = resolve("What else is being considered?", ["Tell me about the NATO option."])
    assert q.follow_up and q.kind == "overview" and "NATO" in q.inherited
    assert resolve("Was wird sonst noch diskutiert?", ["Was sagt Rutte zur ersten Variante?"]).follow_up


def test_instead_points_back():
    q = resolve("What would the US offer instead?", ["Who said the US won't send troops?"])
    assert q.follow_up and "troops" in q.inherited


def test_a_claim_to_check_is_a_yes_no_question_on_the_claim():
    from chatbot.rewording import claim_asked

    assert claim_asked("Ich habe gelesen, dass Trump Bodentruppen schicken will. Stimmt das?", "de") == (
        "Stimmt es, dass Trump Bodentruppen schicken will?"
    )
    assert claim_asked("I heard Russia agreed to a UN mission - is that true?", "en") == (
        "Is it true that Russia agreed to a UN mission?"
    )
    assert claim_asked("Trump schickt keine Truppen, oder?", "de") == "Stimmt es, dass Trump schickt keine Truppen?"
    # a question of its own after the claim, or none put, stays as it is
    assert claim_asked("Ich habe gehört, dass Trump etwas gepostet hat. Was genau?", "de").endswith("Was genau?")
    assert claim_asked("Who is right?", "en") == "Who is right?"
    q = analyse("Ich habe gelesen, dass Trump Bodentruppen schicken will. Stimmt das?")
    assert q.expects == "yesno" and q.focus == ("Trump", "Bodentruppen", "schicken")


def test_who_said_what_it_gives_is_asked_for():
    assert analyse("Who wrote 'Some things never change'?").who_said
    assert analyse("Wer hat vor einem NATO-Krieg gewarnt?").who_said
    assert not analyse("Who is Mick Ryan?").who_said


def test_what_a_rule_prescribes_is_no_view():
    assert analyse("Was schreibt die Apothekengesetzgebung vor?").kind == "fact"
    assert analyse("Was schreibt Trump?").kind == "position"
    assert analyse("Was schlägt Graham Twigg über die Ausbreitung der Krankheiten vor?").kind == "position"


def test_a_mistyped_question_word_is_set_right():
    from chatbot.rewording import question_word_mended

    assert question_word_mended("Waht did Rubio say?") == "What did Rubio say?"
    assert question_word_mended("hwo is hegseth") == "who is hegseth"
    assert question_word_mended("Wsa sagt Rubio?") == "Was sagt Rubio?"
    assert question_word_mended("Saw the news?") == "Saw the news?"  # a word of its own
    assert analyse("Waht did Rubio say?").kind == "position"


def test_yes_or_no_put_after_keywords_asks_yes_or_no():
    q = analyse("usa truppen ukraine ja/nein")
    assert q.expects == "yesno" and "nein" not in q.focus
    assert analyse("NATO-Beitritt: ja oder nein?").expects == "yesno"


def test_how_something_is_described_asks_what_it_is_like():
    q = analyse("How is the terrain described?")
    assert q.kind == "fact" and q.kind_of == "terrain" and q.focus == ("terrain",)
    assert analyse("Wie wird das Gelände beschrieben?").kind_of == "Gelände"


def test_what_is_meant_by_a_term_asks_what_it_is():
    q = analyse("What is meant by a deterrence mechanism?")
    assert q.defines == "deterrence mechanism" and "meant" not in q.focus
    assert analyse("Was versteht man unter einer Koalition der Willigen?").defines == "einer Koalition der Willigen"
    q = analyse("Was ist mit einer Koalition der Willigen eigentlich gemeint?")
    assert q.defines == "Koalition der Willigen" and "gemeint" not in q.focus
    assert analyse("Was ist unter Abschreckung zu verstehen?").focus == ("Abschreckung",)


def test_the_odds_of_something_are_no_ones_view():
    assert analyse("Wie stehen die Chancen für einen UN-Einsatz?").kind == "fact"
    assert analyse("Wie steht Russland zu einer Friedenstruppe?").kind == "position"


def test_when_something_will_happen_asks_for_a_date_to_come():
    assert analyse("Wann wird die Koalition der Willigen ihre Truppen entsenden?").future
    assert analyse("When will the peacekeepers deploy?").future
    assert not analyse("Wann besuchte Selenskyj das Weiße Haus?").future


def test_where_something_will_happen_asks_for_a_place_to_come():
    assert analyse("Where will Trump, Putin and Zelensky meet?").future
    assert analyse("Wo soll das trilaterale Treffen stattfinden?").future
    assert not analyse("Wo trafen sich die europäischen Führer?").future
    # "werden" and a participle make a passive of what is done there now, no future
    assert not analyse("Wo werden Themen wie Abtreibung und Drogenpolitik geregelt?").future


def test_why_not_after_a_yes_no_question_continues_it():
    q = resolve("Why not?", ["Is a UN mission realistic?"])
    assert q.follow_up and q.kind == "reason" and "mission" in q.all_focus
    assert resolve("Warum nicht?", ["Wird die Ukraine Nato-Mitglied?"]).follow_up


def test_why_something_is_hard_asks_for_the_difficulty():
    assert analyse("Why might a ceasefire be hard to enforce?").difficulty
    assert analyse("What's the problem with enforcing a ceasefire?").difficulty
    assert analyse("Was ist das Problem bei der Durchsetzung eines Waffenstillstands?").difficulty
    assert analyse("Warum wäre ein Waffenstillstand so schwer zu überwachen?").difficulty
    assert not analyse("Why is a UN mission unlikely?").difficulty


def test_a_named_bodys_line_on_a_topic_is_its_position():
    q = analyse("What's the White House line on negotiating guarantees with Moscow?")
    assert q.kind == "position" and q.actor == "White House"
    assert analyse("Summarize the US position on security guarantees.").kind == "overview"  # its points


def test_someones_role_asks_their_part():
    assert analyse("What is the UN Security Council's role?").part
    assert analyse("Was ist die Rolle des Sicherheitsrats?").part


def test_a_genitive_put_first_names_whose_view():
    assert named_actor("Trumps Meinung zur Nato", "de") == "Trumps"  # read as Trump against the people known
    from chatbot.words import is_stance_noun

    assert is_stance_noun("meinung") and is_stance_noun("Meinung")


def test_in_this_context_is_no_topic():
    assert analyse("Was bedeutet Abschreckung in diesem Zusammenhang?").focus == ("bedeutet", "Abschreckung")
    assert "context" not in analyse("What does deterrence mean in this context?").focus


def test_what_a_term_means_is_no_view():
    assert analyse("What does deterrence mean in this context?").kind == "fact"
    assert analyse("What does Trump mean?").kind == "position"


def test_what_speaks_for_something_asks_for_reasons():
    q = analyse("Was spricht für einen Nato-Beitritt der Ukraine?")
    assert q.kind == "reason" and "spricht" not in q.focus


def test_who_is_with_an_adjective_asks_for_a_person():
    assert analyse("Wer ist optimistisch?").expects == "person"
    assert analyse("Wer ist Ben Hodges?").expects is None


def test_the_latest_on_a_topic_asks_for_an_overview():
    q = analyse("What's the latest on security guarantees for Ukraine?")
    assert q.kind == "overview" and "latest" not in q.focus
    assert analyse("Was gibt es Neues zu den Sicherheitsgarantien?").kind == "overview"


def test_asked_whether_a_claim_holds_is_a_yes_no_question_on_it():
    from chatbot.rewording import claim_asked

    assert claim_asked("Mich würde interessieren, ob die Amerikaner Soldaten schicken.", "de") == (
        "Stimmt es, dass die Amerikaner Soldaten schicken?"
    )
    assert claim_asked("Ob die USA Soldaten schicken.", "de") == "Stimmt es, dass die USA Soldaten schicken?"
    assert claim_asked("I wonder whether the US will send troops.", "en") == "Is it true that the US will send troops?"
    assert claim_asked("Do you know if Poland will send troops?", "en") == "Is it true that Poland will send troops?"
    # "If …" alone is a condition, not a question whether
    assert claim_asked("If the US sends no troops, who will?", "en") == "If the US sends no troops, who will?"
    assert analyse("I wonder whether the US will send troops.").expects == "yesno"


def test_whether_a_date_is_set_asks_for_a_date_and_the_date_is_no_topic():
    q = analyse("Gibt es schon einen Termin für das Dreiertreffen?")
    assert q.expects == "date" and "Termin" not in q.focus
    q = analyse("Is there a date for the trilateral meeting?")
    assert q.expects == "date" and "date" not in q.focus
    assert analyse("Gibt es einen Plan für die Ukraine?").expects != "date"


def test_which_professor_asks_for_one_of_the_people_the_noun_names():
    assert analyse("Welcher Professor wird zitiert?").instance_of == "Professor"
    assert analyse("Which expert warned of a NATO war?").instance_of == "expert"
    assert analyse("Wer ist Hodges?").instance_of == ""
    assert analyse("Welche Plattform nutzte Trump?").instance_of == "Plattform"  # no person asked: any member


def test_a_short_question_on_what_the_last_one_named_continues_it():
    q = resolve("What was the meeting for?", ["Where did European leaders meet on Sunday?"])
    assert q.follow_up and "Sunday" in q.query
    # a question of its own stands alone
    assert not resolve("What did Rubio say about the meeting in London?", ["Where did leaders meet?"]).follow_up


def test_a_german_noun_beside_he_is_a_thing_not_someone_new():
    q = resolve("An welcher Uni lehrt er?", ["Welcher Professor wird zitiert?"])
    assert q.follow_up and "Professor" in q.inherited
    q = resolve("Was sagt Trump zu seiner Forderung?", ["What does Selenskyj consider the best guarantee?"])
    assert q.actor == "Trump"


def test_a_government_named_by_its_seat_is_that_place_speaking():
    assert analyse("Wie reagierte die Regierung in Moskau auf das Treffen in Washington?").actor == "Moskau"
    assert analyse("What does the government in Moscow say?").actor == "Moscow"


def test_a_quality_asked_of_a_thing_is_no_thing_asked_about():
    from chatbot.evidence import names_a_quality

    q = analyse("Is NATO membership for Ukraine realistic?")
    q = replace(q, german={"realistic": ("realistische", "realistischere"), "NATO": ("nato",)})
    assert names_a_quality("realistic", q) and not names_a_quality("NATO", q)


def test_he_after_the_name_of_an_office_holder_asked_is_the_holder():
    q = resolve("Was genau hat er gesagt?", ["Wie heißt der US-Verteidigungsminister?"])
    assert q.actor == "der US-Verteidigungsminister" and "heißt" not in q.query


def test_what_distinguishes_the_first_from_the_second_compares_the_two_items():
    q = analyse("What distinguishes the first option from the second?")
    assert q.kind == "comparison" and q.sides == ("first", "second")


def test_chat_spellings_of_why_and_whats_are_read_as_the_words():
    from chatbot.rewording import question_word_mended

    assert question_word_mended("y is a un mission unlikely") == "why is a un mission unlikely"
    assert question_word_mended("wats biden's view") == "what's biden's view"
    assert question_word_mended("yes is it") == "yes is it"
    assert analyse("wats biden's view").actor == "biden"  # typed in lower case: the genitive names the speaker
    assert analyse("How did Trump react to Zelensky's concerns?").actor == "Trump"


def test_challenges_are_a_list_and_a_place_asked_about_stays_asked_of_the_next_person():
    assert analyse("What are the biggest challenges for peacekeepers?").kind == "overview"
    assert analyse("Welche Herausforderungen gibt es für die Friedenstruppe?").kind == "overview"
    q = resolve("And Scholz?", ["What did Macron say about Crimea?"])
    assert q.actor == "Scholz" and "Crimea" in q.topic


def test_what_thing_is_described_asks_how_it_is_described():
    from chatbot.rewording import described_asked

    assert described_asked("What terrain is described?") == "How is the terrain described?"
    assert described_asked("Welches Gelände wird beschrieben?") == "Wie wird Gelände beschrieben?"
    assert described_asked("What is described?") == "What is described?"
    assert analyse("What terrain is described?").described


def test_a_summary_of_someones_view_asks_for_their_position():
    for text in ("Summarize Rubio's view.", "Fasse Rubios Sicht zusammen.", "What's Rubio's perspective?"):
        q = analyse(text)
        # the bot reads a genitive against the people the articles name
        assert q.kind == "position" and q.actor in ("Rubio", "Rubios"), text
    assert analyse("Fasse zusammen, was Trump sagt.").kind == "overview"  # his points, as a list
    # "nach Ischingers Ansicht", "aus ukrainischer Sicht": according to them, a fact
    assert analyse("Woran mangelt es Europa nach Ischingers Ansicht?").kind == "fact"
    assert analyse("Was wäre aus ukrainischer Sicht die beste Option?").kind == "fact"


def test_the_actors_genitive_is_no_topic():
    q = analyse("Was ist Rubios Haltung?")
    assert q.kind == "position" and q.topic == ()


def test_a_follow_up_on_a_new_topic_keeps_the_speaker():
    from chatbot.followup import resolve

    q = resolve("Und über die Front?", ["Was hat Macron über die Verhandlungen gesagt?"])
    assert q.kind == "position" and q.actor == "Macron" and q.topic == ("Front",)


def test_a_follow_up_naming_a_colleague_asks_the_same_of_them():
    from chatbot.followup import resolve

    q = resolve("Und sein Kollege Waltz?", ["Was sagt Hegseth?"])
    assert q.kind == "position" and q.actor == "Waltz" and q.topic == ()


def test_the_part_asked_about_is_played_by_whom_the_question_names():
    from chatbot.asks import player

    assert player("Welche Rolle spielt die Nato in den Planungen?") == "Nato"
    assert player("What role does NATO play?") == "NATO"
    assert player("Was ist die Rolle der Nato?") == "Nato"
    assert player("Welche Rolle hat JD Vance gespielt?") == "JD"  # the perfect: the name's first word
    assert player("What role has NATO played?") == "NATO"
    assert player("Wie ist die Lage?") == ""


def test_the_part_asked_in_the_perfect_is_a_part_too():
    q = analyse("Welche Rolle hat JD Vance gespielt?")
    assert q.part and q.focus == ("JD", "Vance")
    assert analyse("What role has NATO played?").part


@pytest.mark.parametrize(
    ("question", "willing"),
    [
        ("Wer ist bereit, Soldaten in die Ukraine zu schicken?", True),
        ("Which countries are willing to send troops?", True),
        ("Who has said they'd be willing to help keep the peace?", True),
        ("Welche europäischen Länder wären bereit mitzumachen?", True),
        ("Who else is willing?", True),
        ("Who will command the coalition of the willing?", False),  # a name, no willingness
        ("What could the US offer instead of ground troops?", False),  # what is offered, not who
        ("Who doubts that Europe is ready to carry this burden?", False),  # who doubts
        ("Which countries refused to join?", False),
    ],
)
def test_who_is_willing_asks_for_a_list_of_those_who_said_so(question, willing):
    q = analyse(question)
    assert q.willing is willing
    if willing:
        assert q.kind == "overview" and q.items is not None and q.items.marker.search("haben Bereitschaft signalisiert")


def test_what_stands_in_the_way_asks_for_the_obstacle():
    from chatbot.rewording import idioms_plain

    assert idioms_plain("What stands in the way of a lasting peace?") == "What is the obstacle to a lasting peace?"
    assert idioms_plain("Was steht einem dauerhaften Frieden im Weg?") == (
        "Was ist das Hindernis für einem dauerhaften Frieden?"
    )
    assert idioms_plain("Wo steht das Haus?") == "Wo steht das Haus?"


def test_military_muscle_is_the_military_capabilities():
    from chatbot.rewording import idioms_plain

    assert idioms_plain("Who thinks Europe lacks the military muscle?") == (
        "Who thinks Europe lacks the military capabilities?"
    )


def test_what_an_outlets_article_says_on_a_topic_is_an_overview_of_the_topic():
    q = analyse("What does the dpa article say about Hodges?")
    assert q.kind == "overview" and q.actor is None and q.focus == ("Hodges",)
    assert analyse("What does the CNN article say?").focus == ("CNN",)  # no topic: the outlet's points


def test_someones_statements_ask_what_they_said():
    assert (analyse("Summarize Trump's statements.").kind, analyse("Summarize Trump's statements.").actor) == (
        "position",
        "Trump",
    )
    assert analyse("Fasse Trumps Aussagen zusammen.").kind == "position"
    assert asks_all("Summarize Trump's statements.")  # all of them, as a list
    assert analyse("Wer hat Leavitts Aussage verbreitet?").kind != "position"  # who spread it: an outlet
    assert analyse("Was sind die wichtigsten Aussagen des Artikels?").kind != "position"


def test_how_long_something_takes_asks_for_a_duration_not_about_taking():
    q = analyse("How long will the negotiations take?")
    assert (q.expects, q.focus, q.measured) == ("number", ("negotiations",), None)
    assert analyse("Wie lange werden die Verhandlungen dauern?").focus == ("Verhandlungen",)
    assert measured("How long is the front line?") == "line"  # a length: something is measured
    # what someone said about it keeps its words: the topic is how long the talks take
    assert "long" in analyse("What did Macron say about how long talks would take?").focus


def test_the_kind_of_outlet_asked_for_is_no_topic():
    assert "Medium" not in analyse("Welchem Medium hat Hodges das gesagt?").focus
    assert "newspaper" not in analyse("Which newspaper reported Hodges' call?").focus


def test_what_makes_something_so_asks_why():
    assert analyse("What makes a UN mission impractical?").kind == "reason"
    assert analyse("Was macht einen UN-Einsatz unrealistisch?").kind == "reason"
    assert analyse("What makes a UN mission?").kind != "reason"


def test_what_someone_implied_is_their_position():
    q = analyse("What did Trump imply about American companies?")
    assert (q.kind, q.actor) == ("position", "Trump")


def test_the_class_a_which_question_asks_for():
    assert analyse("An welcher Universität arbeitet Schmidt?").asked_class == "Universität"
    assert analyse("Which university does Schmidt work at?").asked_class == "university"
    assert analyse("Was sagt Rubio?").asked_class == ""


def test_someone_elses_claim_or_a_labelled_one_put_to_check_is_a_yes_no_question_on_it():
    from chatbot.rewording import claim_asked

    assert (
        claim_asked("Ein Post behauptet, Russland akzeptiere Nato-Soldaten in der Ukraine. Stimmt das?", "de")
        == "Stimmt es, dass Russland akzeptiere Nato-Soldaten in der Ukraine?"
    )
    assert (
        claim_asked("Behauptung: Die Nato hat der Ukraine den Beitritt versprochen. Richtig?", "de")
        == "Stimmt es, dass Die Nato hat der Ukraine den Beitritt versprochen?"
    )
    assert claim_asked("A friend says the US will send troops. Is that true?", "en") == (
        "Is it true that the US will send troops?"
    )
    # without being put to check, what someone says is asked about as it is
    assert claim_asked("Trump sagt, die Europäer könnten das selbst regeln.", "de").startswith("Trump sagt")
    assert claim_asked("Was sagt Trump, oder?", "de") == "Was sagt Trump, oder?"  # a question of its own


@pytest.mark.parametrize(
    "text,actor,language",
    [
        ("Quote Mick Ryan.", "Mick Ryan", "en"),  # "Quote" is German for a quota
        ("Give me a quote from Trump about security.", "Trump", "en"),
        ("What were Zakharova's exact words?", "Zakharova", "en"),
        ("Any quote from Zelensky?", "Zelensky", "en"),
        ("Zitiere Macron.", "Macron", "de"),
        ("Was hat Leavitt wörtlich gesagt?", "Leavitt", "de"),
    ],
)
def test_a_request_for_someones_words_asks_their_position(text, actor, language):
    q = analyse(text)
    assert (q.kind, q.actor, q.language) == ("position", actor, language)
    # the words of the request are no topic the quote must name
    assert not {"quote", "exact", "words", "zitiere", "wörtlich", "give"} & {w.lower() for w in q.focus}


def test_colloquial_amis_are_the_americans():
    from chatbot import places

    assert places.aliases("Amis") == places.aliases("Amerikaner")


@pytest.mark.parametrize(
    "text",
    ["Wasn't Obama to blame for Crimea?", "Isn't Europe too weak?", "Won't the US help?", "Doesnt Russia object?"],
)
def test_a_negative_question_asks_yes_or_no(text):
    assert analyse(text).expects == "yesno"


def test_his_view_after_a_question_on_someone_is_their_position():
    q = resolve("What's his view on European troops?", ["Who is Pete Hegseth?"])
    assert (q.kind, q.actor) == ("position", "Pete Hegseth")
    assert resolve("Und was ist seine Haltung?", ["Wer ist Pete Hegseth?"]).kind == "position"


@pytest.mark.parametrize("text", ["For what?", "Wofür?", "Für was genau?", "Mit wem?"])
def test_a_bare_question_for_one_more_thing_continues_the_last(text):
    q = resolve(text, ["What did Trump write on Truth Social?", "Who did he blame?"])
    assert q.follow_up and q.kind == "fact" and "Trump" in q.inherited
