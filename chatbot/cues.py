"""What a sentence says, by its words: a cause or a purpose, a condition, a refusal, a
difficulty, someone leading, a report, something hypothetical, upcoming or ending. The
rules of `abstain.py` and the choices of `kinds.py` and `facts.py` read these cues; which
sentences are candidates and what they need is `evidence.py`'s concern.

    CAUSE.search("Ein UN-Einsatz scheint unwahrscheinlich, da „Russland … zustimmen müsste“")  # a cause
    REFUSES.search("Moskau lehnt Nato-Militärpräsenz in der Ukraine strikt ab")                 # a refusal
"""

from __future__ import annotations

import re

from chatbot.listing import OUTLET_KINDS
from chatbot.words import NEXT_WORDS

IF = r"wenn|falls|sofern"  # the conjunctions that open a condition
# a sentence giving a reason says why ("weil", "Zur Begründung verwies sie …"), or, weaker,
# what for or on what condition ("um … zu", "damit", "solange")
_CAUSE = (
    r"weil|da|denn|wegen|aufgrund|begründ\w*|grund|gründe|verwies|deshalb|deswegen|daher|darum|sodass|so dass|"
    r"zumal|nämlich|folglich|angesichts|hindernis\w*|ursache\w*|because|since|due to|so that|reason|"
    r"obstacles?|causes?"
)
_PURPOSE = r"damit|um\s+\w+(?:\s+\w+){0,12}\s+zu|indem|durch|solange|in order to|as long as|unless"
# a sentence that qualifies the one before it ("Allerdings gilt die Option als unwahrscheinlich.")
QUALIFIES = re.compile(r"^„?(?:Allerdings|Doch|Jedoch|Aber|Dennoch|Trotzdem|However|But|Yet)\b")
# a refusal, rejection or ruling out ("lehnt … strikt ab", "kategorisch abzulehnen", "keine Bodentruppen")
REFUSES = re.compile(
    r"\b(?:ablehn\w*|abzulehnen|abgelehnt|lehn(?:t|te|ten|en)\b[^.]*?\bab|verweiger\w*|weiger\w*|abgesagt|"
    r"ausgeschlossen|auszuschließen|schl(?:ießt|ießen|oss|ossen)\b[^.]*?\baus|inakzeptabel\w*|unannehmbar\w*|"
    r"dagegen|kein(?:e|en|er|em|es)?|refus\w*|reject\w*)\b",
    re.I,
)
# someone leading or heading something ("Oursel führte eine Gruppe …", "der Anführer", "led by")
LEADS = re.compile(
    r"\b(?:führ(?:t|te|ten|en)|angeführt|anführ\w*|geführt|leit(?:et|ete|eten|en)|geleitet|leiter\w*|"
    r"kommand\w*|befehl\w*|chef\w*|spitze|led|leads?|leader\w*|head(?:s|ed)?|command\w*|chief)\b",
    re.I,
)
# a sentence that names who reported something ("Die Meldung wurde von … Tass veröffentlicht.",
# "berichtete die Deutsche Presse-Agentur", "sagte Trump dem TV-Sender Fox News")
REPORTED_BY = re.compile(
    r"\b(?:veröffentlicht\w*|bericht\w*|meldete\w*|meldung|laut|zitiert\w*|interview\w*|verbreitet\w*|"
    rf"\w*(?:{OUTLET_KINDS})|published|reported|according to)\b",
    re.I,
)
# a sentence that says something is talked about, asked or unclear, not what it is
TALK_ABOUT = re.compile(
    r"\b(?:erörter\w*|gesprochen|besprech\w*|bespricht|diskutier\w*|debatte|unklar|entwurf|dringlichkeit|"
    r"die frage nach|stellt sich die (?:zentrale )?frage|discuss\w*|debate\w*|unclear)\b",
    re.I,
)
# a statement of what could or would be ("… könnten als Abschreckung dienen"), not of what is
HYPOTHETICAL = re.compile(
    r"\b(?:könnte|könnten|würde|würden|wäre|wären|müsste|müssten|sollte|sollten|dürfte|dürften|"
    r"could|would|might)\b",
    re.I,
)
# a sentence on what someone calls for, or what it takes ("Ohne die Entsendung vieler tausend
# europäischer Soldaten … bleiben solche Garantien eine leere Hülse"): no count of what is there now
CALLED_FOR = re.compile(r"\b(?:entsendung|entsenden|forder\w*|verlang\w*|ohne\s+die|ohne\s+den)\b", re.I)
# a sentence on something still to come ("in der kommenden Woche", "das geplante Treffen")
UPCOMING = re.compile(
    rf"\b(?:{NEXT_WORDS}|kommend\w*|künftig\w*|geplant\w*|demnächst|bald|planned|scheduled|soon)\b", re.I
)
# a sentence on an event that may or may not take place ("ein mögliches trilaterales Treffen")
POSSIBLE = re.compile(r"\b(?:möglich\w*|denkbar\w*|possible|potential)\b", re.I)
# a sentence on when something ends ("bis Ende März", "aufgehoben"), or how long it lasts ("mehrere Wochen")
ENDING = re.compile(
    r"\b(?:end\w*|beend\w*|Ende|vorbei|aufgehoben|ausläuft|auslaufen|bis\s+(?:weit\s+)?(?:in|ins|zum|zur|Ende|Mitte|"
    r"Anfang|\d)|until|"
    r"over|lifted|expires?)\b",
    re.I,
)
LASTING = re.compile(
    r"\b(?:tage|tagen|woche|wochen|monat|monate|monaten|jahr|jahre|jahren|jahrzehnte\w*|jahrhundert\w*|days|weeks|"
    r"months|years|decades?|centur(?:y|ies))\b",
    re.I,
)
# a condition given ("solange der Kreml nicht gezwungen wird, …", "wenn …", "unless …")
CONDITION = re.compile(
    rf"\b(?:{IF}|solange|vorausgesetzt|voraussetzung|bedingung|unless|as long as|provided|if|only if)\b", re.I
)
REASON = re.compile(rf"\b(?:{_CAUSE}|{_PURPOSE})\b", re.I)
CAUSE = re.compile(rf"\b(?:{_CAUSE})\b", re.I)
# what makes something hard, for a question asking why it is ("Why might a ceasefire be hard to
# enforce?": "… dass es „sehr schwierig“ sein würde, einen Waffenstillstand … durchzusetzen")
DIFFICULT = re.compile(
    r"\b(?:schwierig\w*|schwer|erschwer\w*|herausforderung\w*|kompliziert\w*|difficult\w*|hard)\b", re.I
)
