"""What the chosen sentences of an answer carry, as named signals that `abstain.decide`
weighs: the learned probability and the similarity, whether the sentence holds the kind of
answer asked for, whether the actor speaks, the people, countries and topic the question
names, a cause for a why-question, and the question's own frames (a refusal asked, an
office's holder, an ordinal, what is so now).

    e = evidence(q, chosen, index, cands)   # {"p": 0.42, "sim": 0.86, "speaker": 1.0, …}
"""

from __future__ import annotations

from chatbot import continuity, countries_asked, cues, grounds, known
from chatbot import evidence as ev
from chatbot import speakers as sp
from chatbot.answer_kinds import sentence_holds_answer
from chatbot.evidence import Sentence
from chatbot.holders import head_forms, head_named
from chatbot.listing import lists_people_named
from chatbot.outlets import outlets_in
from chatbot.phrasing import is_list_noun
from chatbot.question import Question
from chatbot.stances import STANCE_WORD
from chatbot.topics import (
    english_topic_elsewhere,
    english_topic_said,
    named_topic_found,
    topic_elsewhere,
    topic_forms,
    topic_said,
    unknown_topic,
)
from chatbot.words import tokens
from ingest.store import IndexData


def evidence(
    q: Question, chosen: list[Sentence], index: IndexData, read: list[Sentence] | None = None
) -> dict[str, float]:
    """What the abstention rule looks at: the learned probability and the similarity of the
    chosen sentences, the expected kind of answer, the actor as speaker, the sides found,
    and whether the question names something the corpus never mentions (`read`: every
    sentence read for the answer, the chosen ones by default)."""
    typed = q.kind == "fact" and q.expects not in (None, "yesno")
    holding = [c for c in chosen if sentence_holds_answer(c, q, index)] if typed else chosen
    ends = q.ends
    names, nouns = known.unknown_terms(q, index)
    items = q.items.marker if q.items and q.kind == "overview" else None
    # a position question's German topic noun known by its last part only ("Atomwaffen")
    german_actor = bool(q.actor) and q.language == "de"
    by_head = [w for w in q.topic if w[:1].isupper() and known.known_by_head_only(w, index)] if german_actor else []
    outlet_asked = q.expects == "org" and bool(q.outlet) and not names  # nothing unknown asked but the outlet
    refusal_asked = q.kind == "overview" and q.refusal
    motive = q.kind == "reason" and q.motive
    # what counts as naming each word asked about (the topic checks read it only with an actor)
    asked = ev.focus_forms(q, index)
    forms = asked if q.actor or motive else {}
    topic = topic_forms(q, forms, index)
    read = chosen if read is None else read
    # a quote names every word asked, and the question nothing the articles lack (for an
    # overview, or a term asked what it is)
    every_named = (
        (q.kind == "overview" or bool(q.defines))
        and not names
        and not nouns
        and grounds.all_named(q, chosen, asked, index)
    )
    # a why-question's best quotes give a cause ("…, da Russland … zustimmen müsste"; not a purpose)
    # or a sentence leaning on one of them ("… bekräftigte Moskau …" "Sacharowa erklärte: …" "Zur
    # Begründung verwies sie auf …")
    # (a condition, when the question asks under what condition: "… solange der Kreml nicht gezwungen wird …")
    given = cues.CONDITION if q.condition else cues.CAUSE
    # … or, when it asks why something is hard, the difficulty ("… dass es „sehr schwierig“ sein würde …")
    cause = q.kind == "reason" and any(
        given.search(c.text) or (q.difficulty and cues.DIFFICULT.search(c.text)) for c in leading(chosen)
    )
    return {
        "measured": grounds.measured_found(q, chosen, index),
        # the probability of a sentence that holds the kind of answer asked for (as trained:
        # "Wann …?" is not answered by a sentence without a date beside one with a stray date)
        "p": max((c.features.get("p_answer", 0.0) for c in holding), default=0.0),
        "sim": max((read_sim(c, read) for c in chosen), default=0.0),
        "kind_ok": float(bool(holding)),
        "speaker": max((c.features.get("said", 0.0) for c in chosen), default=0.0) if q.actor else 1.0,
        "topic": float(len(q.topic)) if q.actor else 1.0,
        "named_topic": named_topic_found(q, chosen, forms, index),
        "said_where": countries_asked.said_where_asked(q, chosen, index) if q.kind == "position" else 1.0,
        "topic_said": topic_said(chosen, topic, index) or english_topic_said(q, chosen, index),
        "topic_elsewhere": topic_elsewhere(chosen, read, topic, index)
        or english_topic_elsewhere(q, chosen, read, forms, index),
        "people": grounds.people_found(q, chosen, index),
        "referent": grounds.referent_found(q, chosen, asked, index),
        # an overview whose quotes name all it asks about, in one sentence ("What did the article
        # say about drones?": "Die Nutzung von Drohnen …"), with nothing asked that the articles lack
        "all_named": float(q.kind == "overview" and every_named),
        # a term asked what it is ("What is the coalition of the willing?"), or about ("What's the
        # deal with rare earths?"), with nothing the articles lack: a quote names all its words
        "defined": float(bool(q.defines) and every_named),
        "reason": float(cause),
        # a list's points that name the kind of item asked for ("What risks …": "… warnte",
        # "… allerdings denkbar, dass …")
        "items": float(sum(bool(items.search(c.text)) for c in chosen)) if items is not None else 0.0,
        # the people a list of those the articles name names ("Welche Personen werden genannt?")
        "people_listed": float(len(set().union(*(sp.people_in(c.text, index) for c in chosen))))
        if q.kind == "overview" and q.expects == "person" and lists_people_named(q.text)
        else 0.0,
        # the media a list of the articles' sources names ("Which outlets are cited?": CNN, Tass, …)
        "outlets": float(len(set().union(*(outlets_in(c.text, index) for c in chosen))))
        if q.kind == "overview" and q.expects == "outlet"
        else 0.0,
        # it asks why someone did something ("Why did Macron travel to Kyiv?"): a motive, and
        # whether the best quotes give it (a cause, or a purpose on what is asked)
        "motive": float(motive),
        "motive_given": float(
            grounds.own_cause(q, leading(chosen), index, forms) or grounds.purpose_on_topic(q, chosen, forms, index)
        )
        if motive
        else 0.0,
        "country": countries_asked.countries_found(q, holding, index)
        if typed or q.kind in ("overview", "reason") or q.expects == "yesno"
        else 1.0,
        "sides": float(len({c.features.get("side", -1) for c in chosen} - {-1})) if len(q.sides) >= 2 else 2.0,
        # sides whose own statements are quoted ("Trump: „…“, äußerte er"; "Rubio: … erklärte er")
        "sides_said": float(len({c.features["side"] for c in chosen if c.features.get("side_said")})),
        "unknown_name": float(bool(names)),
        # a question for an outlet whose only unknown words are outlets ("Welches Nachrichtenportal …")
        # or what they reported ("Welche Nachrichtenagentur hat die Aussagen … verbreitet?")
        # (or a topic the articles name by a synonym: "die Gespräche" of the USA with Russland)
        "source": float(outlet_asked and all(grounds.reported(n) or n in q.by_synonym for n in nouns)),
        # an outlet cited next to the statement of a person the question names ("Welche
        # Nachrichtenagentur hat Leavitts Aussage verbreitet?": "…, sagte Leavitt. Die Meldung
        # wurde von der russischen Nachrichtenagentur Tass veröffentlicht.")
        "cited": grounds.cited_beside(q, chosen, index) if outlet_asked else 0.0,
        "unknown_noun": float(bool(nouns)),
        # a position question's topic is a noun the corpus never uses ("Was sagt Selenskyj über Wahlen?")
        # or a compound known by its last part only, naming a kind of it the articles never do
        # ("Was sagt Macron über Atomwaffen?")
        "unknown_topic": float(bool(q.actor) and any(unknown_topic(n, q, index) for n in [*nouns, *by_head])),
        "yesno": float(q.expects == "yesno"),
        # whether someone said something ("Hat sich der Papst zu den Garantien geäußert?")
        # of someone the articles do not name (not "Hat Macron gesagt, dass … Monate …?")
        "said_asked": float(
            q.expects == "yesno"
            and any(STANCE_WORD.match(w) for w in tokens(q.text))
            and not grounds.people_named(q, index)
        ),
        # … on what a named person did or said: a quote about them names what else it asks
        "stance_on_topic": grounds.stance_on_topic(q, chosen, asked, index) if q.expects == "yesno" else 1.0,
        # … on a thing: a quote names it ("Ist ein UN-Blauhelmeinsatz realistisch?": "Ein UN-Einsatz
        # scheint unwahrscheinlich", not "… realistische Sicherheitsgarantien …")
        "subject_named": grounds.subject_named(q, chosen, asked, index) if q.expects == "yesno" else 1.0,
        # what part a person the articles name plays ("Welche Rolle spielt Obama?"), nothing else
        # asked that they lack, and the best quote is about that person
        # (or a country, and the best quote names it: "Welche Rolle spielt Finnland?")
        "part": float(
            q.part
            and not names
            and not nouns
            and (
                grounds.about_people(q, chosen[:1], index) or bool(countries_asked.naming_country(q, chosen[:1], index))
            )
        ),
        # who refused something ("Which countries refused to join …?"), and whether a quote
        # says anyone did ("Die Briten … haben Bereitschaft signalisiert" says the opposite)
        "refusal_asked": float(refusal_asked),
        # … of what is asked ("… join the peacekeeping mission": not Moscow rejecting Nato troops)
        "refused": float(refusal_asked and refused_of(q, chosen, asked, index)),
        "office": float(bool(q.role)),
        "holder": max((c.features.get("holder", 0.0) for c in chosen), default=0.0),
        # who heads what is asked, by title and name ("Wer führt die Nato?": "Generalsekretär des
        # Militärbündnisses Mark Rutte"), in the best quote
        "heads": float(head_named(chosen[0].text, head_forms(q.head_of, asked))) if chosen and q.head_of else 0.0,
        # … or one who leads it ("Ein Normanne namens Oursel führte eine Gruppe …")
        "leader_asked": float(bool(q.leader and q.head_of)),
        "leads": float(bool(chosen) and bool(cues.LEADS.search(chosen[0].text))),
        "ordinal": max((c.features.get("ordinal", 0.0) for c in chosen), default=0.0),
        # the best quote's number counts what the question counts ("ukrainischen Armee von etwa 200.000 Soldaten")
        "counts": holding[0].features.get("counts", 0.0) if typed and holding else 0.0,
        "members": holding[0].features.get("members", 0.0) if typed and holding else 0.0,
        # … or counts the same things of someone else ("vieler tausend europäischer Soldaten" for US soldiers)
        "counts_other": holding[0].features.get("counts_other", 0.0) if typed and holding else 0.0,
        "typed": float(typed),  # a fact question expecting a kind of answer
        # the best quote is what the person asked about said, naming all else asked ("Was wirft Trump Obama vor?")
        "said_by_named": float(q.kind == "fact" and q.expects is None and grounds.said_by_named(q, chosen, index)),
        # who said what the question gives: a reported statement names most of it, and it asks
        # nothing the articles lack ("Who wrote 'Some things never change'?": "… schrieb der
        # Republikaner auf seiner Plattform Truth Social: „Manche Dinge ändern sich nie!!!“")
        "quote_named": float(q.who_said and not names and not nouns and grounds.quote_named(q, chosen, asked, index)),
        # the best quote names a member of the class asked beside it ("Welche Plattform …?": "Plattform Truth Social")
        "instance": float(bool(chosen) and ev.names_instance(chosen[0].text, q)),
        # … or what kind of thing is asked, and the best quote describes it ("What kind of terrain …?":
        # "… in einem schwierigen Gelände von Wäldern und Feldern …")
        "described": float(bool(chosen) and ev.describes_kind(chosen[0].text, q)),
        # … asked how it is described ("How is the terrain described?"): the description is the answer
        "how_described": float(q.described),
        # what they will talk about, in the sentence going on from the best quote ("… bekommen werde." —
        # "Dabei solle über Sicherheitsgarantien und ihre Umsetzung gesprochen werden.")
        "talked_of": float(q.what_about and len(chosen) > 1 and ev.names_what_about(chosen[0], chosen[1])),
        # what is so now asked ("derzeit", "bisher"), what could be or is called for quoted ("… könnten …
        # dienen", "Ohne die Entsendung …")
        "actual_asked": float(q.actual),
        "hypothetical": float(
            bool(holding) and bool(cues.HYPOTHETICAL.search(holding[0].text) or cues.CALLED_FOR.search(holding[0].text))
        ),
        # the next time something happens asked ("das nächste Treffen"), the best quote on one still to come
        "next_asked": float(q.upcoming),
        "future_asked": float(q.future),
        "upcoming": float(bool(holding) and bool(cues.UPCOMING.search(holding[0].text))),
        # … and it names the event asked about ("der nächste Nato-Gipfel": not "in der kommenden Woche einen Entwurf")
        "next_named": float(bool(holding) and ev.names_event(q, holding[0].text, index)),
        # what came of an event asked ("the outcome of the meeting"), the best quote on one still to come
        # or only possible ("ein mögliches trilaterales Treffen")
        "outcome_asked": float(q.outcome),
        "not_held": float(
            bool(holding) and bool(cues.UPCOMING.search(holding[0].text) or cues.POSSIBLE.search(holding[0].text))
        ),
        # when something ends asked ("Wann endet der Stopp …?"), the best quote on an end or a duration
        "end_asked": float(bool(ends)),
        "ending": float(
            bool(ends)
            and any(cues.ENDING.search(c.text) or (ends == "duration" and cues.LASTING.search(c.text)) for c in holding)
        ),
        # a follow-up pointing back, answered by the last answer's quote or the sentence next
        # to it ("Who published that?": "Die Meldung wurde von … Tass veröffentlicht.")
        "continues": float(bool(holding) and continuity.continues(holding[0].doc_id, holding[0].idx, q.after)),
        # a bare follow-up ("Und worüber wollen sie reden?") answered by the sentence going on from the last quote
        "goes_on": float(bool(holding) and continuity.bare(q) and continuity.goes_on(holding[0], q.after)),
    }


def leans_on(c: Sentence, among: list[Sentence]) -> Sentence | None:
    """The sentence among `among` that `c` leans on: the one right before it, when `c`
    depends on it ("Zur Begründung verwies sie auf …" after "Sacharowa erklärte: …")."""
    if not ev.depends_on_previous(c.text):
        return None
    return next((o for o in among if o.doc_id == c.doc_id and o.idx == c.idx - 1), None)


def leading(chosen: list[Sentence]) -> list[Sentence]:
    """The best two quotes, and each quote after them that goes on from the one before it."""
    out = chosen[:2]
    for c in chosen[2:]:
        if leans_on(c, out) is not None:
            out.append(c)
    return out


def read_sim(c: Sentence, read: list[Sentence]) -> float:
    """A quote's closeness to the question, read with the sentence it leans on (which the
    answer brings along)."""
    before = leans_on(c, read)
    return max(c.sim, before.sim) if before is not None else c.sim


def refused_of(q: Question, chosen: list[Sentence], forms: dict[str, set[str]], index: IndexData) -> bool:
    """Does a chosen sentence refuse what the question asks was refused: a refusal naming one
    of its words besides the refusal and the list noun, in it or the sentences it goes on
    from ("Which countries refused to join the mission?": "mission")? Any refusal will do
    when the question names nothing else."""
    asked = [w for w in q.focus if w in forms and not cues.REFUSES.search(w) and not is_list_noun(w)]

    def names_asked(c: Sentence) -> bool:
        stems = index.stems(c.text) | index.stems(c.context)
        return not asked or any(ev.mentions(forms[w], stems) for w in asked)

    return any(cues.REFUSES.search(c.text) and names_asked(c) for c in chosen)
