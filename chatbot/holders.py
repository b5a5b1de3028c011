"""Who holds an office in a text, and whether the office speaks: "Der russische
Außenminister hat bereits erklärt …", "US-Präsident Donald Trump", "Außenamtssprecherin
Maria Sacharowa erklärte …". The office a question asks about is `offices.office`; who
speaks in a sentence by name is `speakers.py`'s concern."""

from __future__ import annotations

import re

from chatbot.evidence import mentions
from chatbot.places import EXONYMS, country_of
from chatbot.speakers import SPEAKER_DISTANCE, SPEECH, WORD, plain_words
from chatbot.words import outside_quotes
from ingest.analyze import stem
from ingest.names import person_names
from ingest.store import IndexData

HOLDER_WINDOW = 5  # words from an office to the end of its holder's name
OFFICE_WINDOW = 3  # words between an office and the country it belongs to ("der russische Außenminister")


def office_speaks(text: str, office: str, country: tuple[str, ...]) -> bool:
    """Does the holder of `office` (a German word: "außenminister") of `country` (its names;
    () for any) speak in `text`: "Der russische Außenminister hat bereits erklärt …",
    "Russlands Außenminister Lawrow sagte …", not "Verteidigungsminister Pete Hegseth" for
    the German one? The office must stand near a verb of speech or open the sentence."""
    toks = plain_words(text)
    verbs = [i for i, t in enumerate(toks) if SPEECH.fullmatch(t)]
    return any(i <= 2 or any(abs(i - j) <= SPEAKER_DISTANCE for j in verbs) for i in _office_at(toks, office, country))


def office_holders(texts: list[str], office: str, country: tuple[str, ...]) -> set[str]:
    """Stems of the surnames of the people named right after the office ("US-Präsident
    Donald Trump", "der ukrainische Präsident Wolodymyr Selenskyj"): they speak for it."""
    out = {stem(name.lower()) for name in holder_names(texts, office, country)}
    # the same person in another spelling ("Selenskyj", "Zelensky")
    return out | {stem(k) for k, v in EXONYMS.items() if stem(v) in out}


def named_holders(index: IndexData, office: str, country: tuple[str, ...]) -> frozenset[str]:
    """`office_holders` in every article of the index ("Bundeskanzler" -> Scholz), read once
    per index and office: a question naming another holder does not scan the archive again."""
    cache = index.__dict__.setdefault("_named_holders", {})
    key = (office, country)
    if key not in cache:
        cache[key] = frozenset(office_holders([d.text for d in index.documents], office, country))
    return cache[key]


def holder_names(texts: list[str], office: str, country: tuple[str, ...]) -> list[str]:
    """The surnames, as written, of the people named right after the office, first found first."""
    out: list[str] = []
    for text in texts:
        plain = outside_quotes(text)
        toks = list(WORD.finditer(plain))
        for i in _office_at([t.group() for t in toks], office, country):
            # "Generalsekretär des Militärbündnisses Mark Rutte", "Sprecherin des Weißen Hauses, Karoline
            # Leavitt": the name within HOLDER_WINDOW words
            names = person_names(plain[toks[i].end() : toks[min(i + HOLDER_WINDOW, len(toks) - 1)].end()])
            if names and names[0].split()[-1] not in out:
                out.append(names[0].split()[-1])
    return out


_OUTGOING = ("scheidend", "ehemalig", "früher", "bisherig", "vorig", "former", "outgoing", "ex")
# a question for who will hold an office next ("Wer wird neuer Bundeskanzler?", "Who will be the next chancellor?")
NEXT_HOLDER = re.compile(r"\b(?:neue[rnms]?|nächste[rnms]?|künftige[rnms]?|new|next|future|incoming)\b", re.I)


def outgoing(text: str, office: str) -> bool:
    """Is the office in `text` one its holder is leaving or has left ("Der scheidende deutsche
    Kanzler Olaf Scholz", "Ex-Präsident …", "der frühere Oberbefehlshaber")? Then the name
    after it is no answer to who holds it next."""
    toks = plain_words(text)
    for i in _office_at(toks, office, ()):
        before = [t.lower() for t in toks[max(0, i - OFFICE_WINDOW) : i]] + toks[i].lower().split("-")[:-1]
        if any(w.startswith(_OUTGOING) for w in before):
            return True
    return False


# offices whose compounds name what they belong to ("Außenamtssprecherin", "Kremlsprecher"):
# found inside a word; "Vizepräsident" is no "Präsident"
_IN_COMPOUND = {"sprecher"}


def opens_with_office(text: str, office: str) -> bool:
    """Does `text` open with the office, of no country it names itself ("Außenamtssprecherin
    Maria Sacharowa erklärte …")? Then it belongs to the country of the sentence before
    ("… bekräftigte Moskau seine ablehnende Haltung.")."""
    toks = plain_words(text)
    return any(i <= 1 for i in _office_at(toks[: OFFICE_WINDOW + 2], office, ()))


def _office_at(toks: list[str], office: str, country: tuple[str, ...]) -> list[int]:
    """Positions of the office in `toks` with its country within OFFICE_WINDOW words
    (or before a hyphen: "US-Präsident"), or within the office and name before "und" it is
    coordinated with ("… dem US-Präsidenten Donald Trump und Vizepräsident JD Vance")."""
    forms = {stem(n) for n in country}
    out = []
    for i, tok in enumerate(toks):
        parts = tok.lower().split("-")
        if not (parts[-1].startswith(office) or (office in _IN_COMPOUND and office in parts[-1])):
            continue
        near = parts[:-1] + [t.lower() for t in toks[max(0, i - OFFICE_WINDOW) : i + OFFICE_WINDOW + 1]]
        if i > 0 and toks[i - 1].lower() in _AND:
            before = toks[max(0, i - 2 - OFFICE_WINDOW) : i - 1]
            near += [p for t in before for p in t.lower().split("-")]
        near = [EXONYMS.get(w, w) for w in near]  # "US-Präsident": "us" is the USA
        if not forms or mentions(forms, {stem(w) for w in near}):
            out.append(i)
    return out


_AND = {"und", "and", "sowie"}


# the title of whoever heads something, a word or a compound's last part ("Präsident",
# "Nato-Generalsekretär", "Generalstabschef")
HEAD_TITLES = (
    "präsident kanzler premierminister ministerpräsident regierungschef generalsekretär chef leiter "
    "kommandeur kommandant oberbefehlshaber befehlshaber".split()
)
_HEAD_TITLE = re.compile(rf"(?:{'|'.join(HEAD_TITLES)})(?:in|en|n|s|es)?$", re.I)


def head_forms(head_of: tuple[str, ...], forms: dict[str, set[str]]) -> list[set[str]]:
    """The stems naming each word of what a question asks the head of (`Question.head_of`),
    from the question's focus forms (`evidence.focus_forms`)."""
    low = {w.lower(): f for w, f in forms.items()}
    # an English name with its kind ("the NATO alliance"): the name says which; the kind is any word for
    # it. Not a country's thing ("the Ukrainian army" is no Ukrainian president's)
    named = [w for w in head_of if w[:1].isupper() and not country_of(w)]
    kinds = [w for w in head_of if w not in named]
    words = named if named and kinds and all(w[:1].islower() for w in kinds) else head_of
    return [low.get(w.lower(), {stem(w.lower())}) for w in words]


def head_named(text: str, head_of: list[set[str]]) -> bool:
    """Does `text` name the head of what a question asks about (`head_of`: the stems of each
    of its words), by a title of that thing with a name right after it: "Generalsekretär des
    Militärbündnisses Mark Rutte" for the Nato, "der ukrainische Präsident Wolodymyr
    Selenskyj" for the Ukraine?"""
    if not head_of:
        return False
    plain = outside_quotes(text)
    toks = list(WORD.finditer(plain))
    words = [t.group() for t in toks]
    for i, word in enumerate(words):
        title = _HEAD_TITLE.search(word)
        if not title:
            continue
        near = [word[: title.start()], *words[max(0, i - OFFICE_WINDOW) : i], *words[i + 1 : i + 1 + OFFICE_WINDOW]]
        seen = {stem(EXONYMS.get(p, p)) for w in near for p in w.lower().split("-") if p}
        if not all(mentions(forms, seen) for forms in head_of):
            continue
        if person_names(plain[toks[i].end() : toks[min(i + HOLDER_WINDOW, len(toks) - 1)].end()]):
            return True
    return False
