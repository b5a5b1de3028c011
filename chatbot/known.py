"""What the corpus knows: whether the articles mention a word or name in any form, and
which words of a question they never mention.

    names, nouns = unknown_terms(q, index)   # ["Baerbock"], ["Verteidigungsetat"]
    is_known("Blauhelmeinsatz", index)       # True: "… Einsatz …" (its last part)
    spelled_out("RND", texts)                # ("redaktionsnetzwerk", "deutschland")

A word is known as it is spelled, as a genitive ("Kiews"), by its stem or its compound
parts, by most of its letters ("Schauspielerin" ~ "schauspieler"), or as the first or
last part of a compound the articles use. An acronym is read as the words that spell it
out in the passages retrieved for it ("RND": "Redaktionsnetzwerk Deutschland"). Long words are looked up in the sorted
vocabulary by binary search, never by a scan: archives grow to millions of words.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator

from chatbot import dictionary
from chatbot.phrasing import COMPARISON, is_list_noun
from chatbot.places import EXONYMS, PLACES, country_of
from chatbot.question import Question
from chatbot.stances import STANCE_WORD
from chatbot.words import SMALL_NUMBERS, is_stance_noun
from ingest.analyze import analyze, stem
from ingest.names import person_names
from ingest.store import IndexData

UNIT_SIGNS = {
    **dict.fromkeys(("prozent", "prozentsatz", "anteil", "percent", "percentage"), "%"),
    **{"euro": "€", "dollar": "$", "pfund": "£", "pound": "£"},
}


def own_german(q: Question, word: str) -> tuple[str, ...]:
    """The German forms of a question word that are its own (an English word's
    translations), not a thesaurus's synonyms of a German word the articles never use."""
    return () if word in q.by_synonym else q.german.get(word, ())


def unknown_terms(q: Question, index: IndexData) -> tuple[list[str], list[str]]:
    """Words of the question's focus that the corpus never mentions, in any form:
    (names and numbers, other nouns).

    In English every capitalised word after the first is a name. German capitalises every
    noun, so there an unknown word counts as a name only when it is the speaker a position
    question asks about ("Was sagt Baerbock?"); any other is a noun. An unknown name says
    the articles are about something else; an unknown noun may be a paraphrase
    ("Einschätzung" for "Sichtweise"), a weaker sign.
    """
    names, nouns = [], []
    low_text = q.text.lower()  # words of a known multi-word name ("White House") are known
    in_phrase = {w for k, v in EXONYMS.items() if " " in k and k in low_text and is_known(v, index) for w in k.split()}
    lower = q.language == "de" and q.typed_lower  # "wie viele panzer hat die ukraine": "panzer" is a noun
    # a German yes/no question opens with its verb, capitalised as the first word ("Kriegt die Ukraine …?")
    verb = q.text.split()[0] if q.language == "de" and q.expects == "yesno" and q.text.split() else ""
    given = _given_names(q.text, index)
    for w in q.all_focus:  # a follow-up asks about what the last question named too ("Und wann?")
        if not (w[0].isdigit() or w in q.names or (q.language == "de" and (w[0].isupper() or lower))):
            continue
        if w == verb or (lower and STANCE_WORD.match(w)):  # "hat trump was … gesagt": a verb, typed in lower case
            continue
        if w.lower() in in_phrase or w.lower() in UNIT_SIGNS:  # a unit is what is measured, no topic
            continue
        if is_list_noun(w):  # "Welche Vorschläge gibt es …": what the answer lists, in whatever words
            continue
        if is_stance_noun(w):  # "… in Trumps Überlegungen", "die Aussagen aus dem Weißen Haus": what is said or thought
            continue
        if q.kind == "comparison" and COMPARISON.fullmatch(w):  # "Welche Unterschiede …": what is asked
            continue
        if any(is_known(f, index) for f in (w, *own_german(q, w))):
            continue
        if _WRITTEN_OUT.get(w, "") in index.vocab:  # "the 3 components": "drei Komponenten"
            continue
        if w in given:  # "Graham Twigg" where the articles write "Twigg": the person they name
            continue
        if any(is_known(f, index) for f in country_of(w)):  # "die Russen": the articles name Russland
            continue
        is_place = w.lower() in PLACES  # a country or city the corpus never mentions is a name
        if q.language == "de" and not w[0].isdigit() and not is_place and w not in (q.actor or "").split():
            nouns.append(w)
        else:
            names.append(w)
    return names, nouns


def _given_names(text: str, index: IndexData) -> set[str]:
    """The first names of the people a question names in full whose surname the corpus knows
    ("Graham" in "Was schlägt Graham Twigg vor?", where the articles write "Twigg schlug vor")."""
    return {full.split()[0] for full in person_names(text) if is_known(full.split()[-1], index, prefix=False)}


# a small number as the articles write it ("3": "drei")
_WRITTEN_OUT = {str(n): german for n, (german, _) in SMALL_NUMBERS.items()}
ACRONYM = re.compile(r"[A-ZÄÖÜ]{3,6}")  # two letters ("EU") are too easily the initials of two words
PART = 4  # letters a compound's part needs, for the part's initial to count ("Redaktions|netzwerk")


def spelled_out(acronym: str, texts: Iterable[str]) -> tuple[str, ...]:
    """The run of capitalised words in one of `texts` whose initials `acronym` is ("DPA":
    "deutsche", "presse", "agentur"), a compound giving the initials of its parts too
    ("RND": "redaktionsnetzwerk", "deutschland"); () when none is."""
    letters = acronym.lower()
    for text in texts:
        words = re.findall(r"[^\W\d_]+", text)  # a hyphen's parts are words of their own
        for i, w in enumerate(words):
            n = _initials(words, i, letters) if w[0].lower() == letters[0] else 0
            if n:
                return tuple(x.lower() for x in words[i : i + n])
    return ()


def _initials(words: list[str], i: int, letters: str) -> int:
    """How many capitalised words from `words[i]` on give `letters`, each its initial and
    perhaps the initials of its compound parts (0: they do not)?"""
    if not letters:
        return 0
    if i >= len(words) or not words[i][0].isupper() or words[i][0].lower() != letters[0]:
        return 0
    word, at, n = words[i].lower(), 0, 1
    while True:
        if n == len(letters):
            return 1
        rest = _initials(words, i + 1, letters[n:])
        if rest:
            return 1 + rest
        at = word.find(letters[n], at + PART)  # the next part starts with the next letter
        if at < 0 or len(word) - at < PART:
            return 0
        n += 1


def acronyms(q: Question, texts: list[str], index: IndexData) -> dict[str, tuple[str, ...]]:
    """The question's acronyms that `texts` spell out, each with the rarest word that does
    ("RND": "redaktionsnetzwerk", not "deutschland"): the acronym's German form."""
    out: dict[str, tuple[str, ...]] = {}
    for w in q.focus:
        # typed in lower case, an unknown short word may be one ("hodges rnd interview")
        typed = w.upper() if q.typed_lower and 3 <= len(w) <= 6 and w.isalpha() and w not in index.vocab else w
        if ACRONYM.fullmatch(typed) and not q.german.get(w):
            words = spelled_out(typed, texts)
            if words:
                out[w] = (max(words, key=lambda x: _rarity(x, index)),)
    return out


def _rarity(word: str, index: IndexData) -> float:
    stems = analyze(word, index.vocab)
    return index.bm25.idf(stems[0]) if stems and index.bm25 is not None else 0.0


def unknown_names(q: Question, index: IndexData) -> list[str]:
    """The names and numbers of `unknown_terms`."""
    return unknown_terms(q, index)[0]


def is_known(term: str, index: IndexData, prefix: bool = True, head: bool = True) -> bool:
    """Does the corpus mention `term`, in any form (with `prefix`: also a word that starts
    with most of it, "Schauspielerin" ~ "schauspieler"; with `head`: a compound whose last
    part it uses, "Blauhelmeinsatz")?"""
    low = term.lower()
    low = EXONYMS.get(low, low)
    if low in index.vocab or low.replace(".", "") in index.vocab:
        return True
    if is_genitive(low, index):  # "Kiews", "Macrons"
        return True
    if "-" in low:
        return all(is_known(part, index, prefix, head) for part in low.split("-") if part)
    bm25 = index.bm25
    stems = analyze(low, index.vocab)  # the word's stem, then its compound parts' stems
    if not stems:
        return True  # a stop word is not something an answer must be about
    if bm25 is not None and (stems[0] in bm25 or (len(stems) > 1 and all(s in bm25 for s in stems[1:]))):
        return True
    return prefix and (
        _shares_long_prefix(low, index)
        or (head and (_known_head(low, index) or _known_parts(low, index)))
        or _known_modifier(low, index)
        or (term[:1].isupper() and bool(compounds_ending(low, index)))  # "Raketen": "Langstreckenraketen"
    )


def known_by_head_only(term: str, index: IndexData) -> bool:
    """Is `term` known only as a compound whose last part the corpus uses ("Atomwaffen":
    "Waffen"; the atom is never named)?"""
    return is_known(term, index) and not is_known(term, index, head=False)


def is_genitive(word: str, index: IndexData) -> bool:
    """Is `word` the genitive of a word the corpus uses ("Kiews", "Trumps": "kiew", "trump")?"""
    return word.endswith("s") and word[:-1].lower() in index.vocab


HEAD = 5  # letters a compound's known last part needs ("Blauhelm|einsatz")


def _known_head(word: str, index: IndexData) -> bool:
    """Is `word` a compound whose last part the corpus uses ("Blauhelmeinsatz": "einsatz";
    "Gesamtproblem": "problem")? Then it is a paraphrase of what the articles say, not a
    thing they never mention. Each ending is looked up, the vocabulary is not scanned."""
    words = index.sorted_words()
    for i in range(2, len(word) - HEAD + 1):
        end = word[i:]  # known as it is, or inflected ("problem" from "Problems")
        j = bisect.bisect_left(words, end)
        if j < len(words) and words[j].startswith(end) and len(words[j]) - len(end) <= INFLECTION:
            return True
    return False


MEASURED_MODIFIER = 3  # letters before a compound's head ("Baum|arten")


def compound_head(word: str, index: IndexData) -> str | None:
    """The longest last part of a German compound that the corpus uses as a word of its own
    and the dictionary knows ("Baumarten": "arten"; "Bevölkerungszahl": none, "zahl" is too
    short to say what is counted); None for a word that is none."""
    low = word.lower()
    for i in range(MEASURED_MODIFIER, len(low) - HEAD + 1):
        last = low[i:]
        if last in index.vocab and dictionary.english(last):
            return last
    return None


# a group's size is the number of its members: "Wie groß soll die Friedenstruppe sein?" is
# answered by "Bis zu 100.000 Friedenswächter …", "How big is the army?" by "… 200.000 Soldaten"
GROUPS = frozenset(("truppe", "armee", "heer", "streitkräfte", "kontingent", "force", "army", "troop", "contingent"))
MEMBERS = ("soldaten", "wächter", "kämpfer", "truppen")


def members_of(word: str, index: IndexData) -> set[str]:
    """The stems that count the members of a group noun (`GROUPS`, as a word or as the last
    part of a German compound: "Friedenstruppe"): soldiers, guards, fighters, and the corpus's
    compounds ending in them ("Friedenswächter"); empty for any other word."""
    low = word.lower()
    if low not in GROUPS and compound_head(low, index) not in GROUPS:
        return set()
    return {stem(w) for m in MEMBERS for w in (m, *compounds_ending(m, index))}


def _known_parts(word: str, index: IndexData) -> bool:
    """Is `word` a compound of two parts the corpus uses in other compounds ("Militärchefs":
    "Militär" opens "Militärbündnis", "chefs" closes "Regierungschefs")? The last part must be
    a German word of the dictionary: an ending ("-ungen") is no part."""
    for i in range(MODIFIER, len(word) - HEAD + 1):
        first, last = word[:i], word[i:]
        if not dictionary.english(last) or not compounds_ending(last, index):
            continue
        opening = {first, first.removesuffix("s")}  # the linking "s": "Regierung|s|chefs"
        if any(w in index.vocab or _known_modifier(w, index) for w in opening if len(w) >= MODIFIER):
            return True
    return False


MODIFIER = 5  # letters a word needs to count as known for opening a compound of the corpus
COMPOUND_REST = 4  # letters the rest of that compound needs (a word, not an ending: "Front|linie")


def starting(words: list[str], prefix: str) -> Iterator[str]:
    """The words of sorted `words` that begin with `prefix`, in order: found by binary
    search, never by a scan."""
    i = bisect.bisect_left(words, prefix)
    while i < len(words) and words[i].startswith(prefix):
        yield words[i]
        i += 1


def _known_modifier(word: str, index: IndexData) -> bool:
    """Does a corpus compound open with `word` ("Front" in "Frontlinie", "Drohnen" in
    "Drohnenabwehr")? Then the question names a part of what the articles name. The rest
    must be a word's length, so that "China" is not known from "chinesisch"."""
    if len(word) < MODIFIER:
        return False
    for found in starting(index.sorted_words(), word):
        rest = found[len(word) :].removeprefix("s")  # the linking "s": "Sicherheit|s|rat"
        if len(rest) >= COMPOUND_REST and rest.isalpha():
            return True
    return False


INFLECTION = 3  # letters an inflected form may add to a word ("Problem|s", "Einsatz|es")
HEAD_ENDINGS = ("", "e", "en", "n", "s", "es", "er", "ern")  # a compound's last part, inflected
MAX_COMPOUNDS = 20  # compounds looked at for one last part


def compounds_opening(word: str, index: IndexData) -> list[str]:
    """The corpus words that join `word` to another by a hyphen ("UN": "un-einsatz",
    "un-sicherheitsrats"), up to MAX_COMPOUNDS; looked up by binary search, never by a scan."""
    return list(itertools.islice(starting(index.sorted_words(), f"{word.lower()}-"), MAX_COMPOUNDS))


def compounds_ending(word: str, index: IndexData) -> list[str]:
    """The corpus words that are compounds ending in `word`, inflected or not ("raketen":
    "langstreckenraketen"; "abwehr": "drohnenabwehr"), with a first part of a word's length.
    Looked up by binary search in the vocabulary spelled backwards, never by a scan."""
    low = word.lower()
    if len(low) < HEAD:
        return []
    words = index.reversed_words()
    out: list[str] = []
    for ending in HEAD_ENDINGS:
        tail = (low + ending)[::-1]
        for backwards in starting(words, tail):
            if len(out) >= MAX_COMPOUNDS:
                break
            found = backwards[::-1]
            rest = found[: -len(tail)].rstrip("-")
            if len(rest) >= COMPOUND_REST and found not in out:
                out.append(found)
    return out


def _shares_long_prefix(word: str, index: IndexData) -> bool:
    """True if a corpus word starts with most of `word` ("Schauspielerin" ~ "schauspieler").

    Inflections and derived forms count as known; short names ("China" ~ "chinesisch")
    do not, since at least six letters, and all but three, must agree.
    """
    need = max(6, len(word) - 3)
    if len(word) < need:
        return False
    words = index.sorted_words()
    prefix = word[:need]
    i = bisect.bisect_left(words, prefix)
    return i < len(words) and words[i].startswith(prefix)
