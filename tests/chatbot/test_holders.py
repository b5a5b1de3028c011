from chatbot.holders import head_forms, head_named
from ingest.analyze import stem

NATO = [{stem("nato"), stem("militärbündnis")}]


def test_the_head_of_what_is_asked_is_named_by_title_and_name():
    assert head_named("Laut Focus gab Generalsekretär des Militärbündnisses Mark Rutte zu erkennen, …", NATO)
    assert head_named("Nato-Generalsekretär Mark Rutte sagte …", NATO)
    ukraine = [{stem("ukraine"), stem("ukrainisch")}]
    assert head_named("… betonte der ukrainische Präsident Wolodymyr Selenskyj.", ukraine)
    # the head of something else, or a title with no name after it
    assert not head_named("… betonte der ukrainische Präsident Wolodymyr Selenskyj.", NATO)
    assert not head_named("Der Generalsekretär des Militärbündnisses sagte nichts.", NATO)
    assert not head_named("Das könnte zu einem NATO-Krieg führen, warnte Mick Ryan.", NATO)


def test_head_forms_reads_the_questions_focus_forms_in_any_case():
    assert head_forms(("NATO",), {"Nato": {"nato", "militarbundnis"}}) == [{"nato", "militarbundnis"}]
    assert head_forms(("Armee",), {}) == [{stem("armee")}]
    # an English name with its kind: the name says which; a country's thing needs both
    assert head_forms(("NATO", "alliance"), {"Nato": {"nato"}}) == [{"nato"}]
    assert len(head_forms(("Ukrainian", "army"), {})) == 2


def test_an_office_holder_named_by_the_office_answers_who_but_not_who_holds_it(fake_seed_index):
    from chatbot.answer_kinds import holds_answer
    from chatbot.offices import holders_named
    from chatbot.question import analyse
    from ingest.store import load_index

    index = load_index(fake_seed_index)

    said = "Der russische Außenminister hat bereits erklärt, dass die Präsenz von NATO-Truppen „inakzeptabel“ sei."
    assert holders_named(said) == ["Außenminister"]
    assert holders_named("Die Staats- und Regierungschefs arbeiten einen Entwurf aus.") == []
    assert holds_answer(said, analyse("Wer nannte Nato-Truppen inakzeptabel?"), index)
    assert not holds_answer(said, analyse("Wer ist der russische Außenminister?"), index)


def test_a_place_of_a_noun_in_the_genitive_is_not_the_place_asked_for(fake_seed_index):
    from chatbot.answer_kinds import holds_answer
    from chatbot.question import analyse
    from ingest.store import load_index

    index = load_index(fake_seed_index)
    war = "Die Bemühungen um ein Treffen zur Beendigung des Krieges in der Ukraine schreiten voran."
    assert not holds_answer(war, analyse("Wo soll das Treffen stattfinden?"), index)
    assert holds_answer(war, analyse("Wo findet der Krieg statt?"), index)  # the war's place is asked
    assert holds_answer(
        "Am Sonntag trafen sich europäische Führer in London.", analyse("Wo trafen sich die Führer?"), index
    )


def test_states_as_a_group_answer_who(fake_seed_index):
    from chatbot.answer_kinds import holds_answer
    from chatbot.question import analyse
    from ingest.store import load_index

    index = load_index(fake_seed_index)
    vote = "Im Fall eines Angriffs könnten die Partnerstaaten dann über einen Kriegseintritt abstimmen."
    assert holds_answer(vote, analyse("Wer würde über einen Kriegseintritt abstimmen?"), index)
    nobody = "Im Fall eines Angriffs könnte dann über einen Kriegseintritt abgestimmt werden."
    assert not holds_answer(nobody, analyse("Wer würde über einen Kriegseintritt abstimmen?"), index)
