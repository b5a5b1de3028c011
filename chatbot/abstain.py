"""Abstain from evidence, not from one similarity number: whether the chosen sentences
carry what the question's kind needs.

    e = evidence(q, chosen, index)      # what the rule looks at
    decide(e, q.language, settings, q.kind)      # answer?
    near_miss(e, q.language, settings, q.kind)   # or show the nearest statement, marked

fact        the decision model's probability (`scoring.py`) for a chosen sentence that holds
            the expected kind of answer reaches the threshold trained on XQuAD, what a number
            question counts or measures is named (or has a near-synonym, or its sign: "2 %"),
            and a country the question names, or whose thing it asks about ("die
            russische Armee"), is named there (not only in an outlet's name)
position    the actor speaks in a chosen sentence, and it is close to the question; a
            country or name the question asks about is named in the actor's quotes; a
            topic only someone else speaks of is not the actor's, nor one the corpus
            never names (`topics.py`)
comparison  both sides are found, and the quotes are close to the question or each side
            speaks for itself in them (the question naming nothing the corpus lacks)
list of     two or more outlets named in the chosen sentences ("Which outlets are cited?": the
the media   question is about the articles, not close to any sentence)
otherwise   the chosen sentences are close to the question (closer when the question names
            something the corpus never mentions; for a why-question whose best quotes give a
            cause, as close as a near miss will do); a question why someone did something
            ("Why did Trump stop …?") needs a stated cause in the best quotes
"""

from __future__ import annotations

from chatbot import continuity, grounds, known
from chatbot import evidence as ev
from chatbot import speakers as sp
from chatbot.answer import AnswerSettings
from chatbot.answer_kinds import sentence_holds_answer
from chatbot.evidence import Sentence
from chatbot.holders import head_forms, head_named
from chatbot.listing import lists_people_named
from chatbot.outlets import outlets_in
from chatbot.phrasing import STANCE_WORD
from chatbot.question import Question
from chatbot.scoring import ScoringModel
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

LIST_ITEMS = 2  # points of a list naming the kind of item asked for, to count as a near miss's evidence


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
    given = ev.CONDITION if q.condition else ev.CAUSE
    # … or, when it asks why something is hard, the difficulty ("… dass es „sehr schwierig“ sein würde …")
    cause = q.kind == "reason" and any(
        given.search(c.text) or (q.difficulty and ev.DIFFICULT.search(c.text)) for c in leading(chosen)
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
        "said_where": grounds.said_where_asked(q, chosen, index) if q.kind == "position" else 1.0,
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
        "country": grounds.countries_found(q, holding, index)
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
            and (grounds.about_people(q, chosen[:1], index) or bool(grounds.naming_country(q, chosen[:1], index)))
        ),
        # who refused something ("Which countries refused to join …?"), and whether a quote
        # says anyone did ("Die Briten … haben Bereitschaft signalisiert" says the opposite)
        "refusal_asked": float(q.kind == "overview" and q.refusal),
        "refused": float(any(ev.REFUSES.search(c.text) for c in chosen)),
        "office": float(bool(q.role)),
        "holder": max((c.features.get("holder", 0.0) for c in chosen), default=0.0),
        # who heads what is asked, by title and name ("Wer führt die Nato?": "Generalsekretär des
        # Militärbündnisses Mark Rutte"), in the best quote
        "heads": float(head_named(chosen[0].text, head_forms(q.head_of, asked))) if chosen and q.head_of else 0.0,
        # … or one who leads it ("Ein Normanne namens Oursel führte eine Gruppe …")
        "leader_asked": float(bool(q.leader and q.head_of)),
        "leads": float(bool(chosen) and bool(ev.LEADS.search(chosen[0].text))),
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
            bool(holding) and bool(ev.HYPOTHETICAL.search(holding[0].text) or ev.CALLED_FOR.search(holding[0].text))
        ),
        # the next time something happens asked ("das nächste Treffen"), the best quote on one still to come
        "next_asked": float(q.upcoming),
        "upcoming": float(bool(holding) and bool(ev.UPCOMING.search(holding[0].text))),
        # … and it names the event asked about ("der nächste Nato-Gipfel": not "in der kommenden Woche einen Entwurf")
        "next_named": float(bool(holding) and ev.names_event(q, holding[0].text, index)),
        # what came of an event asked ("the outcome of the meeting"), the best quote on one still to come
        # or only possible ("ein mögliches trilaterales Treffen")
        "outcome_asked": float(q.outcome),
        "not_held": float(
            bool(holding) and bool(ev.UPCOMING.search(holding[0].text) or ev.POSSIBLE.search(holding[0].text))
        ),
        # when something ends asked ("Wann endet der Stopp …?"), the best quote on an end or a duration
        "end_asked": float(bool(ends)),
        "ending": float(
            bool(ends)
            and any(ev.ENDING.search(c.text) or (ends == "duration" and ev.LASTING.search(c.text)) for c in holding)
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


def decide(e: dict[str, float], language: str, settings: AnswerSettings, kind: str = "fact") -> bool:
    """Answer only with the evidence the question's kind needs (see `evidence`):

    fact        the learned probability that the chosen sentence holds the answer reaches
                the threshold trained on XQuAD, and the expected kind of answer is there
                (a yes/no question has no answer span to find: it is judged like an overview);
                a question for an office's holder is answered by a sentence that names the
                holder right after the office, of the country asked about; half the
                probability will do when the best quote names the ordinal a follow-up asks
                for ("Und die zweite?" after "die erste Variante"), or its number counts
                what the question counts ("Armee von etwa 200.000 Soldaten"); a question on
                what is so now is not answered by what could be ("derzeit" / "könnten"), nor
                one on the next time something happens by a sentence on nothing to come
    position    the actor speaks in a chosen sentence, and it is close to the question (a
                question about nothing but the actor, "Was sagt Rubio?", needs only the
                actor surely speaking; one on a topic that only others speak of is refused)
    comparison  both sides are found, and the quotes are close to the question
    overview,   the chosen sentences are close to the question (closer when the question
    reason      names something the corpus never mentions, a little closer when it uses a
                noun the corpus never uses); a why-question whose best quotes give a cause
                ("…, da Russland … zustimmen müsste") needs only a near miss's closeness, and
                one asking why someone did something needs that cause ("Why did Trump stop
                weapons deliveries?" is not answered by the report of the stop)
    """
    if e.get("refusal_asked", 0.0) and not e.get("refused", 0.0):
        return False  # "Which countries refused to join the mission?": the quotes name who is willing
    if not e.get("referent", 1.0):
        return False  # "Has he sent French soldiers yet?" after Macron: a quote on others' soldiers
    if kind == "fact" and e.get("office", 0.0) > 0:
        return e.get("holder", 0.0) > 0  # the office asked about, with its holder's name right after it
    if kind == "fact" and e.get("heads", 0.0) and not e["unknown_name"]:
        return True  # "Wer führt die Nato?": "Generalsekretär des Militärbündnisses Mark Rutte"
    if kind == "fact" and e.get("leader_asked", 0.0) and not e.get("leads", 0.0):
        return False  # "Wer ist der Chef der Nato?": Trump's post on the Nato names no one leading it
    if kind == "fact" and e.get("actual_asked", 0.0) and e.get("hypothetical", 0.0):
        return False  # "Wie viele Soldaten hat die Armee derzeit?": "… einer Armee von etwa 200.000 … könnten"
    if kind == "fact" and e.get("outcome_asked", 0.0) and e.get("not_held", 0.0):
        return False  # "What was the outcome of the trilateral meeting?": "… ein mögliches trilaterales Treffen …"
    if kind == "fact" and not e.get("subject_named", 1.0):
        return False  # "Ist ein UN-Blauhelmeinsatz realistisch?": "… realistische Sicherheitsgarantien …"
    if kind == "fact" and e.get("next_asked", 0.0) and not e.get("upcoming", 0.0):
        return False  # "Wann findet das nächste Treffen in London statt?": "Am Sonntag trafen sich … in London"
    if kind == "fact" and e.get("next_asked", 0.0) and not e.get("next_named", 1.0):
        return False  # "Wann ist der nächste Nato-Gipfel?": "… in der kommenden Woche einen Entwurf …"
    if kind == "fact" and e.get("counts_other", 0.0):
        return False  # "How many US soldiers are stationed in Europe?": "… vieler tausend europäischer Soldaten"
    if kind == "fact" and e.get("end_asked", 0.0) and not e.get("ending", 0.0):
        return False  # "Wann endet der Stopp der Waffenlieferungen?": "… am Montag, … vor der Ankündigung eines Stopps"
    if kind in ("fact", "overview") and e.get("defined", 0.0):
        return True  # "What is the coalition of the willing?": "… forderte eine „Koalition der Willigen“"
    if kind in ("fact", "overview") and e.get("part", 0.0):
        return True  # "Was hat Obama damit zu tun?": "… die von US-Präsident Barack Obama geduldete Annexion …"
    if kind == "fact" and e.get("yesno", 0.0) == 0.0:
        # half the probability will do for "the second" a follow-up asks for, for an outlet
        # named as the source of what the question says was reported, with nothing unknown
        # asked, and for a number beside what the question counts, with nothing unknown asked
        if e.get("cited", 0.0) and e["kind_ok"]:
            return True  # the outlet beside the statement of the person asked about
        if e.get("continues", 0.0) and e.get("typed", 0.0) and not e["unknown_name"]:
            return True  # "Who published that?": the kind asked for, in or beside the last answer's quote
        if e.get("how_described", 0.0) and e.get("described", 0.0) and not e["unknown_name"]:
            return True  # "How is the terrain described?": "… in einem schwierigen Gelände von Wäldern …"
        if e.get("goes_on", 0.0):
            return True  # "Und worüber wollen sie reden?": "Dabei solle über … gesprochen werden."
        counted = e.get("counts", 0.0) and not e["unknown_name"] and not e.get("unknown_noun")
        said = e.get("said_by_named", 0.0) and not e["unknown_name"] and not e.get("unknown_noun")
        member = (
            (e.get("instance", 0.0) or e.get("described", 0.0) or e.get("talked_of", 0.0))
            and not e["unknown_name"]
            and not e.get("unknown_noun")
        )
        quoted = e.get("quote_named", 0.0)
        near = e.get("ordinal", 0.0) or e.get("source", 0.0) or counted or said or member or quoted
        need = _fact_threshold(settings, language) * (settings.hedge_share if near else 1.0)
        if counted and e.get("members", 0.0):
            need = _fact_threshold(settings, language) * settings.members_share
        located = e.get("country", 1.0) > 0 and e.get("people", 1.0) > 0
        return e["p"] >= need and bool(e["kind_ok"]) and _grounded(e, settings) and located
    if kind == "position" and "speaker" in e:  # the speaker is the evidence; an unknown noun is no sign
        if e["speaker"] >= 1.0 and e.get("topic", 1.0) == 0 and not e.get("unknown_topic", 0.0):
            return True  # "Was sagt Rubio?" asks for anything Rubio said: a quote of his answers it
        if not e.get("named_topic", 1.0):
            return False  # "What did Starmer say about Italy?": his quotes never name Italy
        if not e.get("said_where", 1.0):
            return False  # "What did Rutte say in Kyiv?": his words in Washington
        if e["speaker"] >= 1.0 and e.get("topic_said", 0.0):
            return True  # "What did Trump say about rare earths?": his own words name them
        if e.get("unknown_topic", 0.0):
            return False  # "Was sagt Selenskyj über Wahlen?": the articles never use the word
        if e.get("topic_elsewhere", 0.0):
            return False  # "Was sagt Sacharowa zu den Seltenen Erden?": Trump speaks of them, she never does
        return e["sim"] >= threshold(settings, language, bool(e["unknown_name"])) and e["speaker"] > 0
    if kind == "comparison" and "sides" in e:
        if e["sides"] >= 2 and e.get("sides_said", 0.0) >= 2 and not e["unknown_name"] and not e.get("unknown_noun"):
            return True  # each side speaks for itself, and the question names nothing the articles lack
        return e["sim"] >= threshold(settings, language, bool(e["unknown_name"])) and e["sides"] >= 2
    if not e.get("people", 1.0):
        return False  # "Warum ist Selenskyj nach London gereist?": no chosen sentence is about him
    if e.get("said_asked", 0.0) and e.get("unknown_noun", 0.0):
        return False  # "Hat sich der Papst … geäußert?": whoever it asks about, the articles never name
    if not e.get("stance_on_topic", 1.0):
        return False  # "Did Macron promise French troops?": his quote is on the talks, not on troops
    if not e.get("country", 1.0):
        return False  # "Which risks does Hodges see for Germany?": "dem Redaktionsnetzwerk Deutschland"
    if e.get("people_listed", 0.0) >= LIST_ITEMS:
        return True  # "Who is quoted in the articles?": the people its points name are the evidence
    if e.get("outlets", 0.0) >= LIST_ITEMS:
        return True  # "Which outlets are cited?": the sources it names are the evidence, however it is worded
    if e.get("motive", 0.0) and not e.get("motive_given", 0.0):
        return False  # "Why did Trump stop weapons deliveries?": the stop is reported, no cause of it
    need = threshold(settings, language, bool(e["unknown_name"]), bool(e.get("unknown_noun")))
    if e.get("reason", 0.0):  # "Warum gilt ein Blauhelmeinsatz als wenig realistisch?" — "…, da …": a reason
        need -= settings.hedge_similarity  # close enough to be shown is close enough when it says why
    elif e.get("items", 0.0) >= LIST_ITEMS or e.get("all_named", 0.0):  # "What risks …?": two points name a risk
        need -= settings.hedge_similarity
    return e["sim"] >= need


def near_miss(e: dict[str, float], language: str, settings: AnswerSettings, kind: str = "fact") -> bool:
    """Not evidence enough to answer, but close: the reader gets the nearest statement, marked
    as not answering the question directly. A position question whose actor is never quoted,
    or a fact question without its kind of answer, gets a plain refusal; a comparison with
    one side found shows that side and says the other is not in the articles."""
    if e.get("refusal_asked", 0.0) and not e.get("refused", 0.0):
        return False  # "Which countries refused to join the mission?": the quotes name who is willing
    if not e.get("referent", 1.0):
        return False  # nothing on the person "he" means to show
    if e.get("said_asked", 0.0) and e.get("unknown_noun", 0.0):
        return False  # "Hat sich der Papst … geäußert?": nothing of theirs to show
    if kind == "fact" and e.get("office", 0.0) > 0:
        return False  # the office named without its holder: nothing near enough to show
    if kind == "fact" and e.get("yesno", 0.0) == 0.0:
        need = settings.hedge_share * _fact_threshold(settings, language)
        return bool(e["kind_ok"]) and _grounded(e, settings) and e["p"] >= need
    if kind == "position" and e.get("speaker", 0.0) == 0:
        return False
    if kind == "comparison" and e.get("sides", 2.0) == 1.0:
        return True  # "Was sagen Rubio und Baerbock?": Rubio's side, and that Baerbock is not there
    if not e.get("people", 1.0):
        return False  # "Did Putin agree to a ceasefire?": the nearest quotes are about others
    need = threshold(settings, language, bool(e["unknown_name"]), bool(e.get("unknown_noun")))
    return e["sim"] >= need - settings.hedge_similarity


def _fact_threshold(settings: AnswerSettings, language: str) -> float:
    """The probability a fact answer needs: the setting if given, else the trained model's."""
    return settings.min_p if settings.min_p is not None else ScoringModel.load().threshold(language)


def _grounded(e: dict[str, float], settings: AnswerSettings) -> bool:
    """What a number question counts or measures is named in the quote, or a near-synonym
    (word vectors) is there: a number about something else is no answer ("Wie viele Drohnen
    …" is not answered by "100.000 Friedenswächter")."""
    return e.get("measured", 1.0) >= settings.min_counterpart


def threshold(settings: AnswerSettings, lang: str, unknown_name: bool, unknown_noun: bool = False) -> float:
    """The similarity the best sentence needs: higher when the question names something
    the corpus never mentions (a name: the full step; only a noun, which may be a
    paraphrase: half of it)."""
    base = settings.min_similarity_en if lang == "en" else settings.min_similarity_de
    if unknown_name:
        return base + settings.unknown_step
    return base + settings.unknown_step / 2 if unknown_noun else base
