"""Abstain from evidence, not from one similarity number: whether the chosen sentences
carry what the question's kind needs.

    e = signals.evidence(q, chosen, index, cands)   # what the rule looks at
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

from chatbot.answer import AnswerSettings
from chatbot.scoring import ScoringModel

LIST_ITEMS = 2  # points of a list naming the kind of item asked for, to count as a near miss's evidence


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
    if kind == "fact" and (e.get("next_asked", 0.0) or e.get("future_asked", 0.0)) and not e.get("upcoming", 0.0):
        # "Wann findet das nächste Treffen in London statt?", "Wann wird die Koalition ihre Truppen
        # entsenden?": not "Am Sonntag trafen sich … in London"
        return False
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
