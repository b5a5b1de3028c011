"""How a reader puts a question, reworded to what it asks: an idiom said plainly, a claim to
check asked as yes or no, units written out ("km"), a topic put first moved after its
question word.

    idioms_plain("Why is it off the table?")
    # 'Why is it ruled out?'
    idioms_plain("Was steht einem dauerhaften Frieden im Weg?")
    # 'Was ist das Hindernis für einem dauerhaften Frieden?'
    claim_asked("Ich habe gelesen, dass Trump Bodentruppen schicken will. Stimmt das?", "de")
    # 'Stimmt es, dass Trump Bodentruppen schicken will?'
    claim_asked("I heard Russia agreed to a UN mission - is that true?", "en")
    # 'Is it true that Russia agreed to a UN mission?'
    claim_asked("Mich würde interessieren, ob die Amerikaner Soldaten schicken.", "de")
    # 'Stimmt es, dass die Amerikaner Soldaten schicken?'
    described_asked("What terrain is described?")
    # 'How is the terrain described?'
    question_word_mended("Waht did Rubio say?")
    # 'What did Rubio say?'
    question_word_mended("y is a un mission unlikely")
    # 'why is a un mission unlikely'
"""

from __future__ import annotations

import re

from chatbot.utterance import ARTICLES_ON_IT, KNOW_ASKED
from chatbot.words import is_stop

# an English idiom for being ruled out: a table is neither asked about nor searched for (German
# "vom Tisch" finds its passages as it is)
_RULED_OUT = re.compile(r"\boff\s+the\s+table\b", re.I)
# military might as a body's ("military muscle", "the muscle to …"): the capabilities
_MUSCLE = re.compile(r"\b(?:military\s+)?muscle\b", re.I)


# what stands in the way of something: its obstacle ("What stands in the way of a lasting peace?",
# "Was steht einem dauerhaften Frieden im Weg?")
_IN_THE_WAY = re.compile(r"\b(?:stands|stand|stood|is\s+standing|are\s+standing)\s+in\s+the\s+way\s+of\b", re.I)
_IM_WEG = re.compile(
    r"^(?P<lead>(?:und\s+)?)was\s+(?:steht|stand|stehen)\s+(?P<what>.+?)\s+im\s+wege?\s*(?P<end>[?.!]*)$", re.I
)


def idioms_plain(text: str) -> str:
    """The question with an idiom said plainly: "Why is it off the table?" -> "Why is it
    ruled out?"; "What stands in the way of peace?" -> "What is the obstacle to peace?";
    "Does Europe have the military muscle?" -> "… the military capabilities?"."""
    text = _IN_THE_WAY.sub("is the obstacle to", _RULED_OUT.sub("ruled out", text))
    text = _MUSCLE.sub("military capabilities", text)
    m = _IM_WEG.match(text)
    if not m:
        return text
    return f"{m['lead']}{'was' if m['lead'] else 'Was'} ist das Hindernis für {m['what']}{m['end'] or '?'}"


# what thing is described ("What terrain is described?", "Welches Gelände wird beschrieben?"): how it is
_WHAT_DESCRIBED = re.compile(
    r"^(?P<lead>(?:and\s+|und\s+)?)(?:what|which|welche[srnm]?)\s+(?P<thing>[\w\-]+)\s+"
    r"(?P<verb>is|are|was|were|wird|werden|wurde|wurden)\s+"
    r"(?P<done>described|portrayed|depicted|beschrieben|dargestellt|geschildert)(?P<end>\W*)$",
    re.I,
)


def described_asked(text: str) -> str:
    """What thing is described, asked as how it is: "What terrain is described?" -> "How is
    the terrain described?", "Welches Gelände wird beschrieben?" -> "Wie wird Gelände beschrieben?"."""
    m = _WHAT_DESCRIBED.match(text)
    if not m:
        return text
    german = m["verb"].lower().startswith("w")
    how, thing = ("Wie", m["thing"]) if german else ("How", f"the {m['thing']}")  # "How is the terrain described?"
    return f"{m['lead']}{how} {m['verb']} {thing} {m['done']}{m['end']}"


# where a reader heard a claim ("Ich habe gelesen, dass …", "Man hört, …", "I heard that …")
_HEARD = re.compile(
    r"^(?:(?:ich\s+)?(?:habe|hab)\s+(?:gelesen|gehört)|ich\s+(?:lese|höre|dachte|glaube)|man\s+(?:hört|liest|sagt)|"
    r"es\s+heißt|angeblich|"
    r"i\s+(?:read|heard|(?:have|'ve)\s+(?:read|heard)|thought|think)|people\s+say|apparently|reportedly)"
    r"\s*,?\s*(?:(?:dass|that)\s+)?(?P<claim>.+?)\s*[.?!]*$",
    re.I,
)
# whether the claim holds, asked after it ("… Stimmt das?", "… – is that true?", "…, right?")
_TRUE = re.compile(
    r"^(?P<claim>.+?)\s*(?:[.,;:–—-]|\s-)\s*(?:stimmt\s+das|ist\s+das\s+(?:richtig|wahr|so)|oder|nicht\s+wahr|"
    r"is\s+(?:that|this|it)\s+(?:true|right|correct|so)|right|true|correct|richtig|wahr|korrekt|stimmt['’]?s|"
    rf"stimmt\s+es|{ARTICLES_ON_IT})\s*[?!.]*$",
    re.I,
)
# a claim labelled as one ("Behauptung: …", "Claim: …")
_LABEL = re.compile(r"^(?:behauptung|these|gerücht|aussage|claim|rumou?r|statement)\s*:\s*", re.I)
# someone else's claim put to check ("Ein Post behauptet, … Stimmt das?", "A friend says … Is that true?")
_CLAIMED = re.compile(
    r"^(?:[\w\-]+\s+){1,4}?(?:behauptet|behaupten|behauptete|schreibt|schreiben|schrieb|sagt|sagen|sagte|"
    r"meint|meinen|claims?|claimed|says|said|posted|writes|wrote|tweeted)\s*,?\s*(?:(?:dass|that)\s+)?"
    r"(?P<claim>.+)$",
    re.I,
)
# … or whether yes or no ("NATO-Beitritt: ja oder nein?", "usa truppen ukraine ja/nein")
_YES_OR_NO = re.compile(
    r"^(?P<claim>.+?)\s*[.,;:–—-]?\s*(?:ja\s*(?:/|oder)\s*nein|yes\s*(?:/|or)\s*no)\s*[?!.]*$", re.I
)
# … or asked whether it holds ("Mich würde interessieren, ob …", "Ich frage mich, ob …", "Weißt du,
# ob …", "I wonder whether …", "Do you know if …"): a yes or no on the clause; "If …" alone is a condition
_WHETHER = re.compile(
    rf"^(?:(?:{KNOW_ASKED}|mich\s+(?:würde\s+)?interessier\w*|ich\s+frage\s+mich|"
    r"(?:kannst|könntest)\s+du\s+(?:mir\s+)?(?:bitte\s+)?sagen|(?:können|könnten)\s+sie\s+mir\s+(?:bitte\s+)?sagen|"
    r"i(?:'m|\s+am|\s+was)?\s+wondering|(?:can|could)\s+you\s+(?:please\s+)?tell\s+me|tell\s+me|any\s+idea)"
    r"\s*,?\s*(?:ob|whether|if)|ob|whether)\s+(?P<claim>.+?)\s*[.?!]*$",
    re.I,
)
_TRAILING = re.compile(r"\s*[.?!]+$")
# a question of its own after where the claim was heard ("Ich habe gelesen, … Wann war das?")
_OWN_QUESTION = re.compile(r"[.?!]\s+\S")


def claim_asked(text: str, language: str) -> str:
    """A claim put to check, asked as yes or no in the question's language ("Stimmt es, dass …?",
    "Is it true that …?"); any other question as it is."""
    checked = _TRUE.match(text) or _YES_OR_NO.match(text) or _WHETHER.match(text)
    said = checked["claim"] if checked else text
    if checked and said.split()[0].lower() in _QUESTION_WORDS:
        return text  # "Was sagt Trump, oder?": a question of its own, no claim
    heard = _HEARD.match(said) or (_CLAIMED.match(_LABEL.sub("", said)) if checked else None)
    if not (checked or heard):
        return text
    claim = _TRAILING.sub("", heard["claim"] if heard else _LABEL.sub("", said))
    if not claim or _OWN_QUESTION.search(claim):
        return text
    return f"Stimmt es, dass {claim}?" if language == "de" else f"Is it true that {claim}?"


_QUESTION_WORDS = (
    "what", "who", "why", "when", "where", "which", "how", "whose",
    "was", "wer", "wie", "wann", "warum", "wieso", "welche", "welcher", "welches", "wo", "wem", "wen",
)  # fmt: skip
_WORDS_ALREADY = {"saw", "thaw"}  # words of their own with a question word's letters
_FIRST_WORD = re.compile(r"^\s*([^\W\d_]+)")
_WATS = re.compile(r"^w[ao]t'?s\b", re.I)
_Y_FOR_WHY = re.compile(
    r"^\s*y(?=\s+(?:is|are|was|were|do|does|did|would|should|can|could|will|has|have|not|isn't|doesn't|don't)\b)", re.I
)


def question_word_mended(text: str) -> str:
    """The question with a mistyped question word opening it set right ("Waht did Rubio say?",
    "Hwo is Hegseth?", "wich countries …"): a word that is no word of either language, with
    the letters of a question word or one letter fewer."""
    if _Y_FOR_WHY.match(text):  # "y is a un mission unlikely": "why", as typed in a chat
        return _Y_FOR_WHY.sub(lambda m: "Why" if m[0].strip()[0] == "Y" else "why", text, count=1)
    if _WATS.match(text):  # "wats biden's view": "what's"
        return _WATS.sub(lambda m: "What's" if m[0][0] == "W" else "what's", text, count=1)
    m = _FIRST_WORD.match(text)
    if not m or len(m[1]) < 3 or is_stop(m[1]) or m[1].lower() in _WORDS_ALREADY:
        return text
    typed = m[1].lower()
    for word in _QUESTION_WORDS:
        swapped = sorted(typed) == sorted(word)
        dropped = len(typed) == len(word) - 1 >= 3 and any(word[:i] + word[i + 1 :] == typed for i in range(len(word)))
        if swapped or dropped:
            mended = word.capitalize() if m[1][0].isupper() else word
            return text[: m.start(1)] + mended + text[m.end(1) :]
    return text


# units and numbers as readers abbreviate them ("wie viele km …"): the word the articles write
_ABBREVIATED = {
    "km": ("Kilometer", "kilometres"),
    "qkm": ("Quadratkilometer", "square kilometres"),
    "kg": ("Kilogramm", "kilograms"),
    "mio": ("Millionen", "million"),
    "mrd": ("Milliarden", "billion"),
    "tsd": ("Tausend", "thousand"),
}
_ABBREVIATION = re.compile(rf"(?<![\w\-])({'|'.join(_ABBREVIATED)})\.?(?![\w\-])", re.I)


def units_written_out(text: str, language: str) -> str:
    """The question with its abbreviated units written out, in its language and case: "wie
    viele km" -> "wie viele kilometer", "Wie viele km" -> "Wie viele Kilometer"."""
    lower = text == text.lower()

    def word(m: re.Match[str]) -> str:
        german, english = _ABBREVIATED[m[1].lower()]
        out = german if language == "de" else english
        return out.lower() if lower else out

    return _ABBREVIATION.sub(word, text)


# a topic put first, then asked for by "welche"/"which" ("Sicherheitsgarantien für die Ukraine –
# welche gibt es?", "Security guarantees - which are on the table?")
_PUT_FIRST = re.compile(
    r"^(?P<topic>[^–—:\-,?]{3,80}?)\s*[–—:\-,]\s*(?:und\s+|and\s+)?(?P<which>welche|which(?:\s+ones)?)\s+"
    r"(?P<rest>(?:gibt|gab|sind|waren|werden|wurden|existieren|kommen|stehen|liegen|are|were|exist|is)\b.*)$",
    re.I,
)


# a phrase put first, then who said it: "„Koalition der Willigen“ – wer hat das gesagt?",
# "'coalition of the willing' - who said it"
_SAID_FIRST = re.compile(
    r"^(?P<topic>[^?]{3,120}?)\s*(?:[–—:]|\s-|->)\s*(?:und\s+|and\s+)?(?P<who>wer|who|von\s+wem)\s+"
    r"(?:(?:hat|hatte)\s+(?:das|es|dies)\s+(?:gesagt|geschrieben)|sagte\s+(?:das|es|dies)|stammt\s+(?:das|es|dies)|"
    r"(?:said|wrote|says)\s+(?:it|that|this))\s*[?!.]*$",
    re.I,
)


def topic_put_first(text: str) -> str:
    """The question with a topic put before "welche"/"which" moved after it: "Sicherheitsgarantien
    für die Ukraine – welche gibt es?" -> "Welche Sicherheitsgarantien für die Ukraine gibt es?";
    a phrase put before who said it likewise: "'leere Hülse' - wer hat das gesagt?" -> "Wer
    sagte 'leere Hülse'?"."""
    said = _SAID_FIRST.match(text)
    if said:
        return f"{'Who said' if said['who'].lower() == 'who' else 'Wer sagte'} {said['topic']}?"
    m = _PUT_FIRST.match(text)
    if not m:
        return text
    return f"{m['which'].split()[0].capitalize()} {m['topic']} {m['rest']}"
